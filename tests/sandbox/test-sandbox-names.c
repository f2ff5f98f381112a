/* test-sandbox-names.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo data speaks the UI's language: a sandbox told "ru" lists its
 * ElevenLabs agents and names its companies in Russian, one told "en" (or
 * nothing) in English; the logins stay Latin either way. Read over HTTP,
 * as the app reads them.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "govorun-sandbox.h"
#include "test-util.h"
#include "vox-emu-fixture.h"

/* GET @url (with the ElevenLabs key when @el_key) and its parsed JSON,
 * through the emulator tests' send_message(). */
static JsonNode *
get_json (const char *url,
          const char *el_key)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  Fixture fixture = { .session = session };
  Answer answer = { 0 };
  JsonNode *root;

  if (el_key != NULL)
    soup_message_headers_append (soup_message_get_request_headers (msg), "xi-api-key", el_key);
  send_message (&fixture, msg, NULL, &answer);
  g_assert_no_error (answer.error);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_nonnull (answer.root);
  root = g_steal_pointer (&answer.root);
  answer_clear (&answer);

  return root;
}

/* The names of the sandbox's ElevenLabs agents, in a hash set. */
static GHashTable *
agent_names (GovorunSandbox *sandbox)
{
  g_autofree char *url = g_strconcat (govorun_sandbox_get_elevenlabs_url (sandbox),
                                      "/v1/convai/agents?page_size=100", NULL);
  g_autoptr(JsonNode) root = get_json (url, GOVORUN_SANDBOX_EL_API_KEY);
  JsonArray *agents = json_object_get_array_member (json_node_get_object (root), "agents");
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (agents); i++)
    g_hash_table_add (names, g_strdup (json_object_get_string_member (json_array_get_object_element (agents, i),
                                                                      "name")));

  return names;
}

/* GetAccountInfo of the demo clinic account: its login and holder. */
static JsonNode *
clinic_account (GovorunSandbox *sandbox)
{
  g_autofree char *url = g_strdup_printf ("%s/platform_api/GetAccountInfo?account_id=%d&api_key=%s",
                                          govorun_sandbox_get_voximplant_url (sandbox),
                                          GOVORUN_SANDBOX_VOX_ACCOUNT_ID, GOVORUN_SANDBOX_VOX_API_KEY);

  return get_json (url, NULL);
}

static GovorunSandbox *
started_sandbox (const char *language)
{
  GovorunSandbox *sandbox = govorun_sandbox_new ();
  g_autoptr(GError) error = NULL;

  govorun_sandbox_set_history_size (sandbox, 10);
  if (language != NULL)
    govorun_sandbox_set_language (sandbox, language);
  g_assert_true (govorun_sandbox_start (sandbox, &error));
  g_assert_no_error (error);

  return sandbox;
}

static void
test_russian (void)
{
  g_autoptr(GovorunSandbox) sandbox = started_sandbox ("ru");
  g_autoptr(GHashTable) names = agent_names (sandbox);
  g_autoptr(JsonNode) account = clinic_account (sandbox);
  JsonObject *result = json_object_get_object_member (json_node_get_object (account), "result");

  g_assert_true (g_hash_table_contains (names, "Администратор клиники „Здоровье“"));
  g_assert_true (g_hash_table_contains (names, "Напоминания о приёме"));
  g_assert_true (g_hash_table_contains (names, "Консьерж гостиницы „Роял“"));
  g_assert_false (g_hash_table_contains (names, "Reception (clinic)"));
  g_assert_cmpstr (json_object_get_string_member (result, "account_first_name"), ==, "ООО „Клиника Здоровье“");
  /* A login stays a login: it goes into application domains. */
  g_assert_cmpstr (json_object_get_string_member (result, "account_name"), ==, "demo-clinic");
}

static void
test_english (void)
{
  const char *languages[] = { "en", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GovorunSandbox) sandbox = started_sandbox (languages[i]);
      g_autoptr(GHashTable) names = agent_names (sandbox);
      g_autoptr(JsonNode) account = clinic_account (sandbox);
      JsonObject *result = json_object_get_object_member (json_node_get_object (account), "result");

      g_assert_true (g_hash_table_contains (names, "Reception (clinic)"));
      g_assert_true (g_hash_table_contains (names, "Appointment reminders"));
      g_assert_true (g_hash_table_contains (names, "Hotel concierge"));
      g_assert_cmpstr (json_object_get_string_member (result, "account_first_name"), ==, "Zdorovye Clinic LLC");
      g_assert_cmpstr (json_object_get_string_member (result, "account_name"), ==, "demo-clinic");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Sandbox/names-russian", test_russian);
  g_test_add_func ("/Govorun/Sandbox/names-english", test_english);

  return g_test_run ();
}
