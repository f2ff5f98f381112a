/* test-elevenlabs-widget.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agent widget settings calls of the ElevenLabs client against the
 * emulator over loopback HTTP: reading platform_settings (defaults when
 * absent), the two PATCHes and what their bodies carry, a colour refused
 * before anything is sent, a key without the write scope, and the public
 * /widget endpoint that needs no key.
 */
#define G_LOG_DOMAIN "GovorunTestElevenlabsWidget"

#include "config.h"

#include "govorun-elevenlabs-emulator.h"
#include "govorun-elevenlabs-widget.h"
#include "govorun-http-private.h"
#include "test-util.h"

#define FULL_KEY   "sk_test_full_5c1e0f2a9b7d4e6f8a3b91c2"
#define SCOPED_KEY "sk_test_scoped_7d2e4f6a8b0c1d3e5f7081"
#define M_PATCH    "PATCH /v1/convai/agents/{id}"

typedef struct
{
  GovorunElevenlabsEmulator *emulator;
  GovorunHttp               *http;
  GovorunElevenlabsClient   *client;
  char                      *agent_id;
  GAsyncResult              *result;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->emulator = govorun_elevenlabs_emulator_new ();
  govorun_elevenlabs_emulator_add_key (f->emulator, FULL_KEY, TRUE);
  govorun_elevenlabs_emulator_add_key (f->emulator, SCOPED_KEY, FALSE);
  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (f->emulator), &error));
  g_assert_no_error (error);
  f->http = govorun_http_new ();
  govorun_http_set_retry (f->http, 1, 5);
  govorun_http_set_timeout (f->http, 3000);
  f->client = govorun_elevenlabs_client_new (f->http, govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emulator)),
                                             FULL_KEY);
  f->agent_id = govorun_elevenlabs_emulator_add_agent (f->emulator, "Hotel", "Hello {{guest}} and {{room}}", "en");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->client);
  g_clear_object (&f->http);
  govorun_emulator_stop (GOVORUN_EMULATOR (f->emulator));
  g_clear_object (&f->emulator);
  g_free (f->agent_id);
}

static GovorunElevenlabsWidgetSettings *
get_settings (Fixture                  *f,
              GovorunElevenlabsClient  *client,
              GError                  **error)
{
  GovorunElevenlabsWidgetSettings *settings;

  govorun_elevenlabs_client_get_widget_settings_async (client, f->agent_id, NULL, test_util_on_result, &f->result);
  settings = govorun_elevenlabs_client_get_widget_settings_finish (client, test_util_wait (&f->result), error);
  g_clear_object (&f->result);
  return settings;
}

static gboolean
update_colors (Fixture                             *f,
               GovorunElevenlabsClient             *client,
               const GovorunElevenlabsWidgetColors *colors,
               GError                             **error)
{
  gboolean ok;

  govorun_elevenlabs_client_update_widget_colors_async (client, f->agent_id, colors, NULL, test_util_on_result,
                                                        &f->result);
  ok = govorun_elevenlabs_client_update_widget_colors_finish (client, test_util_wait (&f->result), error);
  g_clear_object (&f->result);
  return ok;
}

static gboolean
set_allowlist (Fixture             *f,
               const char * const  *hosts,
               GError             **error)
{
  gboolean ok;

  govorun_elevenlabs_client_set_allowlist_async (f->client, f->agent_id, hosts, NULL, test_util_on_result, &f->result);
  ok = govorun_elevenlabs_client_set_allowlist_finish (f->client, test_util_wait (&f->result), error);
  g_clear_object (&f->result);
  return ok;
}

static void
test_read (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunElevenlabsWidgetSettings) settings = get_settings (f, f->client, &error);
  g_autoptr(GovorunElevenlabsWidgetSettings) copy = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (settings->agent_id, ==, f->agent_id);
  g_assert_cmpstr (settings->language, ==, "en");
  g_assert_cmpstrv (settings->dynamic_variable_names, ((const char *[]) { "guest", "room", NULL }));
  g_assert_cmpstr (settings->variant, ==, "full");
  g_assert_cmpstr (settings->placement, ==, "bottom-right");
  g_assert_cmpstr (settings->avatar_type, ==, "orb");
  g_assert_cmpstr (settings->avatar_color_1, ==, "#2792dc");
  g_assert_cmpstr (settings->btn_text_color, ==, "#ffffff");
  g_assert_false (settings->enable_auth);
  g_assert_cmpuint (g_strv_length (settings->allowlist), ==, 0);
  g_assert_false (settings->language_override_allowed);

  /* Values a flow does not decide on fall back to the defaults. */
  g_assert_true (govorun_elevenlabs_emulator_merge_platform_settings (
                   f->emulator, f->agent_id,
                   "{\"widget\":{\"variant\":\"sideways\",\"bg_color\":\"red\",\"text_color\":7,"
                   "\"avatar\":{\"type\":\"url\",\"custom_url\":\"https://example.com/me.png\"}}}"));
  g_clear_pointer (&settings, govorun_elevenlabs_widget_settings_free);
  settings = get_settings (f, f->client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (settings->variant, ==, "full");
  g_assert_cmpstr (settings->bg_color, ==, "#ffffff");
  g_assert_cmpstr (settings->text_color, ==, "#000000");
  g_assert_cmpstr (settings->avatar_type, ==, "url");
  g_assert_cmpstr (settings->avatar_url, ==, "https://example.com/me.png");

  copy = govorun_elevenlabs_widget_settings_copy (settings);
  g_assert_cmpstr (copy->avatar_url, ==, settings->avatar_url);
  g_assert_cmpstrv (copy->dynamic_variable_names, settings->dynamic_variable_names);

  /* An allowlist item without its hostname is an error: a check decides on it. */
  g_assert_true (govorun_elevenlabs_emulator_merge_platform_settings (f->emulator, f->agent_id,
                                                                      "{\"auth\":{\"allowlist\":[{\"host\":\"x\"}]}}"));
  g_clear_pointer (&settings, govorun_elevenlabs_widget_settings_free);
  settings = get_settings (f, f->client, &error);
  g_assert_null (settings);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "allowlist[0]"));
}

static void
test_colors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunElevenlabsWidgetSettings) settings = NULL;
  g_autoptr(GovorunElevenlabsClient) scoped = NULL;
  g_autofree char *body = NULL;
  GovorunElevenlabsWidgetColors colors = { .bg_color = "#FAFAFA", .btn_text_color = "#101010" };
  GovorunElevenlabsWidgetColors bad = { .btn_color = "#12345g" };
  guint patches;

  g_assert_true (update_colors (f, f->client, &colors, &error));
  g_assert_no_error (error);
  body = govorun_elevenlabs_emulator_dup_last_patch_body (f->emulator);
  g_assert_cmpstr (body, ==, "{\"platform_settings\":{\"widget\":{\"bg_color\":\"#FAFAFA\",\"btn_text_color\":\"#101010\"}}}");
  settings = get_settings (f, f->client, &error);
  g_assert_cmpstr (settings->bg_color, ==, "#fafafa");
  g_assert_cmpstr (settings->btn_text_color, ==, "#101010");
  g_assert_cmpstr (settings->btn_color, ==, "#000000");

  /* Not a colour: refused here, nothing sent. */
  patches = govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator), M_PATCH);
  g_assert_false (update_colors (f, f->client, &bad, &error));
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "#12345g"));
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator), M_PATCH), ==, patches);
  g_clear_error (&error);

  /* A key that may only read: the provider's own status is kept. */
  scoped = govorun_elevenlabs_client_new (f->http, govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emulator)),
                                          SCOPED_KEY);
  g_assert_false (update_colors (f, scoped, &colors, &error));
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS);
}

static void
test_allowlist (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunElevenlabsWidgetSettings) settings = NULL;
  g_autofree char *body = NULL;
  const char *hosts[] = { "example.com", "shop.example.com", NULL };
  const char *none[] = { NULL };

  g_assert_true (set_allowlist (f, hosts, &error));
  g_assert_no_error (error);
  body = govorun_elevenlabs_emulator_dup_last_patch_body (f->emulator);
  g_assert_cmpstr (body, ==, "{\"platform_settings\":{\"auth\":{\"allowlist\":[{\"hostname\":\"example.com\"},"
                             "{\"hostname\":\"shop.example.com\"}]}}}");
  settings = get_settings (f, f->client, &error);
  g_assert_cmpstrv (settings->allowlist, hosts);
  g_assert_false (settings->enable_auth);
  g_clear_pointer (&settings, govorun_elevenlabs_widget_settings_free);

  /* An empty list replaces the old one (arrays are not merged). */
  g_assert_true (set_allowlist (f, none, &error));
  settings = get_settings (f, f->client, &error);
  g_assert_cmpuint (g_strv_length (settings->allowlist), ==, 0);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GBytes **out = user_data;

  *out = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

static guint
get_public (Fixture    *f,
            const char *agent_id,
            GBytes    **out_body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emulator)),
                                      "/v1/convai/agents/", agent_id, "/widget", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  *out_body = NULL;
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_sent, out_body);
  while (*out_body == NULL)
    g_main_context_iteration (NULL, TRUE);
  return soup_message_get_status (msg);
}

static void
test_public_widget (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *config;

  /* No key at all, as a visitor's browser asks. */
  g_assert_cmpuint (get_public (f, f->agent_id, &body), ==, 200);
  root = json_from_string (g_bytes_get_data (body, NULL), NULL);
  g_assert_nonnull (root);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "agent_id"), ==, f->agent_id);
  config = json_object_get_object_member (json_node_get_object (root), "widget_config");
  g_assert_cmpstr (json_object_get_string_member (config, "variant"), ==, "full");
  g_assert_cmpstr (json_object_get_string_member (config, "language"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (config, "first_message"), ==, "Hello {{guest}} and {{room}}");
  g_assert_true (json_object_has_member (config, "supported_language_overrides"));
  g_clear_pointer (&body, g_bytes_unref);

  g_assert_cmpuint (get_public (f, "agent_missing", &body), ==, 404);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Govorun/ElevenlabsWidget/read", Fixture, NULL, fixture_setup, test_read, fixture_teardown);
  g_test_add ("/Govorun/ElevenlabsWidget/colors", Fixture, NULL, fixture_setup, test_colors, fixture_teardown);
  g_test_add ("/Govorun/ElevenlabsWidget/allowlist", Fixture, NULL, fixture_setup, test_allowlist, fixture_teardown);
  g_test_add ("/Govorun/ElevenlabsWidget/public-widget", Fixture, NULL, fixture_setup, test_public_widget,
              fixture_teardown);

  return g_test_run ();
}
