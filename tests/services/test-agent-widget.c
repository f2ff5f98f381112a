/* test-agent-widget.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GovorunAgentWidget against the sandbox's ElevenLabs emulator over real
 * HTTP: the widget state read from the agent, the website check, adding a
 * site to the allowlist and saving colours — each a PATCH of only its
 * field (the emulator keeps the body as sent), followed by a re-read; a
 * PATCH whose answer is lost still counts when the agent shows it; the
 * public /widget endpoint, without a key, shows what was saved.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "govorun-agent-widget.h"
#include "govorun-sandbox.h"
#include "sandbox-services.h"

#define PATCH_METHOD "PATCH /v1/convai/agents/{id}"
#define GET_METHOD   "GET /v1/convai/agents/{id}"

typedef struct
{
  SandboxServices            s;
  GovorunElevenlabsEmulator *emulator;
  GovorunAgentWidget        *widget;
  GovorunAccount            *account;
  char                      *agent_id;
  GAsyncResult              *result;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);

  sandbox_services_start (&f->s);
  /* One attempt: the fault tests expect the first answer. */
  govorun_http_set_retry (f->s.http, 1, 1);
  f->emulator = govorun_sandbox_get_elevenlabs (f->s.sandbox);
  f->widget = govorun_agent_widget_new (f->s.factory);
  govorun_account_set_display_name (draft, "Widget");
  f->account = sandbox_services_add_account (&f->s, draft, GOVORUN_SANDBOX_EL_API_KEY);
  f->agent_id = govorun_elevenlabs_emulator_add_agent (f->emulator, "Клиника",
                                                       "Здравствуйте, {{client_name}}!", "ru");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->agent_id);
  g_clear_object (&f->account);
  g_clear_object (&f->widget);
  g_clear_object (&f->result);
  sandbox_services_stop (&f->s);
}

static GovorunWidgetState *
load (Fixture     *f,
      const char  *agent_id,
      GError     **error)
{
  GovorunWidgetState *state;

  govorun_agent_widget_load_async (f->widget, f->account, agent_id, NULL, test_util_on_result, &f->result);
  state = govorun_agent_widget_load_finish (f->widget, test_util_wait (&f->result), error);
  g_clear_object (&f->result);
  return state;
}

static GovorunWidgetState *
add_site (Fixture     *f,
          const char  *site,
          GError     **error)
{
  GovorunWidgetState *state;

  govorun_agent_widget_add_site_async (f->widget, f->account, f->agent_id, site, NULL,
                                       test_util_on_result, &f->result);
  state = govorun_agent_widget_add_site_finish (f->widget, test_util_wait (&f->result), error);
  g_clear_object (&f->result);
  return state;
}

static GovorunWidgetState *
save_colors (Fixture              *f,
             GovorunWidgetState   *state,
             GovorunWidgetChoices *choices,
             GError              **error)
{
  GovorunWidgetState *saved;

  govorun_agent_widget_save_colors_async (f->widget, f->account, state, choices, NULL,
                                          test_util_on_result, &f->result);
  saved = govorun_agent_widget_save_colors_finish (f->widget, test_util_wait (&f->result), error);
  g_clear_object (&f->result);
  return saved;
}

/* The last PATCH body, re-serialised from its parse, so member order and
 * spacing as sent do not matter but every member does. */
static char *
last_patch (Fixture *f)
{
  g_autofree char *body = govorun_elevenlabs_emulator_dup_last_patch_body (f->emulator);
  g_autoptr(JsonNode) root = NULL;

  g_assert_nonnull (body);
  root = json_from_string (body, NULL);
  g_assert_nonnull (root);
  return json_to_string (root, FALSE);
}

static void
add_fault (Fixture    *f,
           const char *method,
           guint       http_status,
           gboolean    lose_answer)
{
  GovorunFault fault = { 0 };

  fault.http_status = http_status;
  fault.drop_connection = lose_answer;
  fault.after_handling = lose_answer;
  fault.times = 1;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), method, &fault);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunWidgetState) state = load (f, f->agent_id, &error);
  g_autoptr(GovorunWidgetChoices) choices = NULL;
  g_autoptr(GovorunWidgetState) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (state->agent_id, ==, f->agent_id);
  g_assert_cmpstr (state->language, ==, "ru");
  g_assert_cmpstrv (state->dynamic_variable_names, ((const char *[]) { "client_name", NULL }));
  g_assert_cmpint (state->variant, ==, GOVORUN_WIDGET_VARIANT_FULL);
  g_assert_cmpint (state->placement, ==, GOVORUN_WIDGET_PLACEMENT_BOTTOM_RIGHT);
  g_assert_cmpstr (state->colors[GOVORUN_WIDGET_COLOR_ORB_1], ==, "#2792dc");
  g_assert_cmpstr (state->colors[GOVORUN_WIDGET_COLOR_BUTTON], ==, "#000000");
  g_assert_null (state->avatar_url);
  g_assert_false (state->auth_required);
  g_assert_cmpuint (g_strv_length (state->allowlist), ==, 0);
  g_assert_false (state->language_override_allowed);

  /* A Russian agent's choices start with the Russian texts. */
  choices = govorun_agent_widget_make_choices (state, f->account);
  g_assert_cmpstr (govorun_widget_choices_get_text (choices, GOVORUN_WIDGET_TEXT_START_CALL), ==, "Позвонить");
  g_assert_null (govorun_widget_choices_get_server_location (choices));

  missing = load (f, "agent_missing", &error);
  g_assert_null (missing);
  g_assert_error (error, GOVORUN_AGENT_WIDGET_ERROR, GOVORUN_AGENT_WIDGET_ERROR_NOT_FOUND);
}

static void
test_residency (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GovorunAccount) eu = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunWidgetState) state = govorun_widget_state_new ();
  g_autoptr(GovorunWidgetChoices) choices = NULL;

  state->agent_id = g_strdup ("agent_eu");
  govorun_account_set_el_region (eu, "eu-residency");
  choices = govorun_agent_widget_make_choices (state, eu);
  g_assert_cmpstr (govorun_widget_choices_get_server_location (choices), ==, "eu-residency");
  /* An English agent sets no texts: the widget's own are English. */
  g_assert_null (govorun_widget_choices_get_text (choices, GOVORUN_WIDGET_TEXT_START_CALL));
}

static void
test_site_host (void)
{
  struct { const char *site; const char *host; } cases[] = {
    { "example.com", "example.com" },
    { "  https://WWW.Example.com:8443/page?x=1#top ", "www.example.com" },
    { "http://shop.example.co.uk", "shop.example.co.uk" },
    { "сайт.рф", "xn--80aswg.xn--p1ai" },
    { "localhost:3000", "localhost" },
    { "", NULL },
    { "not a site", NULL },
    { "javascript:alert(1)", NULL },
    { "ftp://example.com", NULL },
    { "https://", NULL },
    { "example", NULL },
    { "exa<mple>.com", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *host = govorun_agent_widget_site_host (cases[i].site);

      g_assert_cmpstr (host, ==, cases[i].host);
    }
}

static void
test_check_site (void)
{
  g_autoptr(GovorunWidgetState) state = govorun_widget_state_new ();
  g_autofree char *host = NULL;

  g_assert_cmpint (govorun_agent_widget_check_site (state, NULL, NULL), ==, GOVORUN_WIDGET_SITE_ANY);
  g_assert_cmpint (govorun_agent_widget_check_site (state, "example.com", &host), ==, GOVORUN_WIDGET_SITE_ANY);
  g_assert_cmpstr (host, ==, "example.com");
  g_clear_pointer (&host, g_free);
  g_assert_cmpint (govorun_agent_widget_check_site (state, "no site", &host), ==, GOVORUN_WIDGET_SITE_INVALID);
  g_assert_null (host);

  g_strfreev (state->allowlist);
  state->allowlist = g_strdupv ((char *[]) { "example.com", NULL });
  g_assert_cmpint (govorun_agent_widget_check_site (state, "  ", NULL), ==, GOVORUN_WIDGET_SITE_ONLY_LISTED);
  g_assert_cmpint (govorun_agent_widget_check_site (state, "https://EXAMPLE.com/x", NULL), ==,
                   GOVORUN_WIDGET_SITE_LISTED);
  g_assert_cmpint (govorun_agent_widget_check_site (state, "www.example.com", NULL), ==,
                   GOVORUN_WIDGET_SITE_NOT_LISTED);

  state->auth_required = TRUE;
  g_assert_cmpint (govorun_agent_widget_check_site (state, "example.com", NULL), ==,
                   GOVORUN_WIDGET_SITE_AUTH_REQUIRED);
}

static void
test_add_site (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunWidgetState) state = NULL;
  g_autofree char *body = NULL;
  guint patches;

  state = add_site (f, "https://www.example.com/contacts", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (state->allowlist, ((const char *[]) { "www.example.com", NULL }));
  body = last_patch (f);
  g_assert_cmpstr (body, ==, "{\"platform_settings\":{\"auth\":{\"allowlist\":[{\"hostname\":\"www.example.com\"}]}}}");
  g_clear_pointer (&state, govorun_widget_state_free);
  g_clear_pointer (&body, g_free);

  /* A second site keeps the first; the agent's other settings are untouched. */
  state = add_site (f, "сайт.рф", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (state->allowlist, ((const char *[]) { "www.example.com", "xn--80aswg.xn--p1ai", NULL }));
  g_assert_false (state->auth_required);
  g_assert_cmpstr (state->colors[GOVORUN_WIDGET_COLOR_BUTTON], ==, "#000000");
  body = last_patch (f);
  g_assert_cmpstr (body, ==, "{\"platform_settings\":{\"auth\":{\"allowlist\":[{\"hostname\":\"www.example.com\"},"
                             "{\"hostname\":\"xn--80aswg.xn--p1ai\"}]}}}");
  g_clear_pointer (&state, govorun_widget_state_free);

  /* A site already listed: nothing to send. */
  patches = govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator), PATCH_METHOD);
  state = add_site (f, "WWW.EXAMPLE.COM", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator), PATCH_METHOD), ==, patches);
  g_clear_pointer (&state, govorun_widget_state_free);

  /* Not a website: nothing sent at all. */
  state = add_site (f, "javascript:alert(1)", &error);
  g_assert_null (state);
  g_assert_error (error, GOVORUN_AGENT_WIDGET_ERROR, GOVORUN_AGENT_WIDGET_ERROR_INVALID_SITE);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator), PATCH_METHOD), ==, patches);
}

static void
test_add_site_lost_answer (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunWidgetState) state = NULL;

  /* ElevenLabs makes the change, then the answer never arrives: the
   * re-read shows the site, so it is a success. */
  add_fault (f, PATCH_METHOD, 0, TRUE);
  state = add_site (f, "example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (state->allowlist, ((const char *[]) { "example.org", NULL }));
  g_clear_pointer (&state, govorun_widget_state_free);

  /* A refusal is an error, and the list stays as it was. */
  add_fault (f, PATCH_METHOD, 403, FALSE);
  state = add_site (f, "example.net", &error);
  g_assert_null (state);
  g_assert_error (error, GOVORUN_AGENT_WIDGET_ERROR, GOVORUN_AGENT_WIDGET_ERROR_ACCESS_DENIED);
  g_assert_nonnull (strstr (error->message, "only_for_creator+"));
  g_clear_error (&error);

  /* A server error without the change: the re-read does not show it. */
  add_fault (f, PATCH_METHOD, 500, FALSE);
  state = add_site (f, "example.net", &error);
  g_assert_null (state);
  g_assert_error (error, GOVORUN_AGENT_WIDGET_ERROR, GOVORUN_AGENT_WIDGET_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  state = load (f, f->agent_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (state->allowlist, ((const char *[]) { "example.org", NULL }));
}

/* GET /v1/convai/agents/{id}/widget as a visitor's browser asks it: no key. */
static JsonObject *
public_widget_config (Fixture *f)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emulator)),
                                      "/v1/convai/agents/", f->agent_id, "/widget", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  /* The emulator answers on this thread's main context: wait, don't block. */
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, test_util_on_result, &f->result);
  body = soup_session_send_and_read_finish (session, test_util_wait (&f->result), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  root = json_from_string (g_bytes_get_data (body, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "agent_id"), ==, f->agent_id);

  return json_object_ref (json_object_get_object_member (json_node_get_object (root), "widget_config"));
}

static void
test_save_colors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunWidgetState) state = load (f, f->agent_id, &error);
  g_autoptr(GovorunWidgetState) saved = NULL;
  g_autoptr(GovorunWidgetChoices) choices = NULL;
  g_autoptr(JsonObject) config = NULL;
  g_auto(GStrv) changes = NULL;
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  choices = govorun_agent_widget_make_choices (state, f->account);
  changes = govorun_agent_widget_list_color_changes (state, choices);
  g_assert_cmpuint (g_strv_length (changes), ==, 0);
  g_clear_pointer (&changes, g_strfreev);

  govorun_widget_choices_set_color (choices, GOVORUN_WIDGET_COLOR_BUTTON, "#1A73E8");
  govorun_widget_choices_set_color (choices, GOVORUN_WIDGET_COLOR_ORB_1, "#ff0000");
  changes = govorun_agent_widget_list_color_changes (state, choices);
  g_assert_cmpuint (g_strv_length (changes), ==, 2);
  g_assert_nonnull (strstr (changes[0], "#2792dc → #ff0000"));
  g_assert_nonnull (strstr (changes[1], "#000000 → #1a73e8"));

  saved = save_colors (f, state, choices, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->colors[GOVORUN_WIDGET_COLOR_BUTTON], ==, "#1a73e8");
  g_assert_cmpstr (saved->colors[GOVORUN_WIDGET_COLOR_ORB_1], ==, "#ff0000");
  g_assert_cmpstr (saved->colors[GOVORUN_WIDGET_COLOR_ORB_2], ==, "#9ce6e6");
  g_assert_cmpstr (saved->colors[GOVORUN_WIDGET_COLOR_BACKGROUND], ==, "#ffffff");
  /* Only what changed (the avatar goes whole), nothing else. */
  body = last_patch (f);
  g_assert_cmpstr (body, ==, "{\"platform_settings\":{\"widget\":{\"avatar\":{\"type\":\"orb\",\"color_1\":\"#ff0000\","
                             "\"color_2\":\"#9ce6e6\"},\"btn_color\":\"#1a73e8\"}}}");

  /* The visitor's browser gets the saved colours, without a key; the
   * rest of the widget's settings were merged, not replaced. */
  config = public_widget_config (f);
  g_assert_cmpstr (json_object_get_string_member (config, "btn_color"), ==, "#1a73e8");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (config, "avatar"), "color_1"), ==,
                   "#ff0000");
  g_assert_cmpstr (json_object_get_string_member (config, "bg_color"), ==, "#ffffff");
  g_assert_cmpstr (json_object_get_string_member (config, "variant"), ==, "full");
  g_assert_cmpstr (json_object_get_string_member (config, "language"), ==, "ru");
}

static void
test_save_colors_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunWidgetState) state = load (f, f->agent_id, &error);
  g_autoptr(GovorunWidgetState) saved = NULL;
  g_autoptr(GovorunWidgetChoices) choices = govorun_agent_widget_make_choices (state, f->account);

  govorun_widget_choices_set_color (choices, GOVORUN_WIDGET_COLOR_BACKGROUND, "#fafafa");
  add_fault (f, PATCH_METHOD, 422, FALSE);
  saved = save_colors (f, state, choices, &error);
  g_assert_null (saved);
  g_assert_error (error, GOVORUN_AGENT_WIDGET_ERROR, GOVORUN_AGENT_WIDGET_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Lost answer after the change: a success with the agent as read. */
  add_fault (f, PATCH_METHOD, 0, TRUE);
  saved = save_colors (f, state, choices, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->colors[GOVORUN_WIDGET_COLOR_BACKGROUND], ==, "#fafafa");
}

static void
test_auth_and_overrides (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunWidgetState) state = NULL;

  g_assert_true (govorun_elevenlabs_emulator_merge_platform_settings (
                   f->emulator, f->agent_id,
                   "{\"auth\":{\"enable_auth\":true,\"allowlist\":[{\"hostname\":\"a.example\"}]},"
                   "\"overrides\":{\"conversation_config_override\":{\"agent\":{\"language\":true}}},"
                   "\"widget\":{\"variant\":\"compact\",\"placement\":\"top\",\"btn_color\":\"#ABCDEF\","
                   "\"avatar\":{\"type\":\"image\",\"url\":\"https://example.com/a.png\"}}}"));
  state = load (f, f->agent_id, &error);
  g_assert_no_error (error);
  g_assert_true (state->auth_required);
  g_assert_cmpstrv (state->allowlist, ((const char *[]) { "a.example", NULL }));
  g_assert_true (state->language_override_allowed);
  g_assert_cmpint (state->variant, ==, GOVORUN_WIDGET_VARIANT_COMPACT);
  g_assert_cmpint (state->placement, ==, GOVORUN_WIDGET_PLACEMENT_TOP);
  g_assert_cmpstr (state->colors[GOVORUN_WIDGET_COLOR_BUTTON], ==, "#abcdef");
  g_assert_cmpstr (state->avatar_url, ==, "https://example.com/a.png");
  g_assert_cmpint (govorun_agent_widget_check_site (state, "a.example", NULL), ==, GOVORUN_WIDGET_SITE_AUTH_REQUIRED);
  g_clear_pointer (&state, govorun_widget_state_free);

  /* A mistyped field a flow decides on is an error, not a guess. */
  g_assert_true (govorun_elevenlabs_emulator_merge_platform_settings (f->emulator, f->agent_id,
                                                                      "{\"auth\":{\"enable_auth\":\"yes\"}}"));
  state = load (f, f->agent_id, &error);
  g_assert_null (state);
  g_assert_error (error, GOVORUN_AGENT_WIDGET_ERROR, GOVORUN_AGENT_WIDGET_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "enable_auth"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_util_init_i18n ();

  g_test_add ("/Govorun/AgentWidget/load", Fixture, NULL, fixture_setup, test_load, fixture_teardown);
  g_test_add ("/Govorun/AgentWidget/residency", Fixture, NULL, fixture_setup, test_residency, fixture_teardown);
  g_test_add_func ("/Govorun/AgentWidget/site-host", test_site_host);
  g_test_add_func ("/Govorun/AgentWidget/check-site", test_check_site);
  g_test_add ("/Govorun/AgentWidget/add-site", Fixture, NULL, fixture_setup, test_add_site, fixture_teardown);
  g_test_add ("/Govorun/AgentWidget/add-site-lost-answer", Fixture, NULL, fixture_setup,
              test_add_site_lost_answer, fixture_teardown);
  g_test_add ("/Govorun/AgentWidget/save-colors", Fixture, NULL, fixture_setup, test_save_colors, fixture_teardown);
  g_test_add ("/Govorun/AgentWidget/save-colors-refused", Fixture, NULL, fixture_setup,
              test_save_colors_refused, fixture_teardown);
  g_test_add ("/Govorun/AgentWidget/auth-and-overrides", Fixture, NULL, fixture_setup,
              test_auth_and_overrides, fixture_teardown);

  return g_test_run ();
}
