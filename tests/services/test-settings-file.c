/* test-settings-file.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings file: export on one installation, import on an empty one
 * gives the same do-not-call list, preferences and webhook targets (each
 * with a new secret, given once), and names the accounts and the Bitrix24
 * targets to add (never a key, a webhook's secret or a Bitrix24 URL in the
 * file); a damaged or newer file is refused with one sentence and changes
 * nothing.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "govorun-client-factory.h"
#include "govorun-do-not-call-records.h"
#include "govorun-integration-records.h"
#include "govorun-integrations.h"
#include "govorun-sandbox.h"
#include "govorun-settings-file.h"
#include "govorun-util.h"
#include "sandbox-services.h"

#define APP_SCHEMA "io.github.govorun.Govorun"

typedef struct
{
  GovorunSandbox  *sandbox;
  SandboxServices  a;
  SandboxServices  b;
  GSettings       *settings;
  char            *path;
  GAsyncResult    *result;
} Fixture;

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  test_util_on_result (object, result, &((Fixture *) user_data)->result);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = govorun_sandbox_new ();
  g_assert_true (govorun_sandbox_start (f->sandbox, &error));
  sandbox_services_start_on (&f->a, f->sandbox, GOVORUN_PROFILE_SANDBOX);
  sandbox_services_start_on (&f->b, f->sandbox, "settings-b");
  f->settings = g_settings_new (APP_SCHEMA);
  f->path = g_build_filename (f->a.dir, "settings.json", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_unlink (f->path);
  g_free (f->path);
  g_clear_object (&f->settings);
  g_clear_object (&f->result);
  sandbox_services_stop (&f->a);
  sandbox_services_stop (&f->b);
  g_clear_object (&f->sandbox);
}

static GovorunSettingsFile *
settings_file (SandboxServices *s,
               GSettings       *settings)
{
  return govorun_settings_file_new (s->accounts, govorun_services_get_do_not_call (s->services), s->store,
                                    s->secrets, settings);
}

static GPtrArray *
numbers (Fixture         *f,
         SandboxServices *s)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  govorun_do_not_call_records_load_async (s->store, NULL, on_result, f);
  entries = govorun_do_not_call_records_load_finish (s->store, test_util_wait (&f->result), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  return entries;
}

#define BITRIX_URL "https://clinic.bitrix24.ru/rest/1/q4bitrixsecret77/"

static GPtrArray *
targets (Fixture         *f,
         SandboxServices *s)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  govorun_integration_records_load_targets_async (s->store, NULL, on_result, f);
  list = govorun_integration_records_load_targets_finish (s->store, test_util_wait (&f->result), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  return list;
}

/* A webhook (through the integrations service, so its secret is in A's
 * keyring) and a Bitrix24 target; returns the webhook's secret. */
static char *
add_targets (Fixture *f)
{
  g_autoptr(GovorunIntegrations) integrations = govorun_integrations_new (f->a.store, f->a.secrets);
  g_autoptr(GovorunIntegrationTarget) webhook = NULL;
  g_autoptr(GovorunIntegrationTarget) bitrix = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  govorun_integrations_add_webhook_async (integrations, "CRM hook", "https://crm.example.com/govorun?team=2",
                                          GOVORUN_INTEGRATION_EVENT_CALL_FINISHED |
                                          GOVORUN_INTEGRATION_EVENT_CONTACT_RESULT |
                                          GOVORUN_INTEGRATION_OPTION_RECORDING_LINK, NULL, on_result, f);
  webhook = govorun_integrations_add_webhook_finish (integrations, test_util_wait (&f->result), &secret, &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  bitrix = govorun_integration_target_new (0, "5f7d1c1e-8a55-4f0e-9d0b-0a4a1f7c2b11", GOVORUN_INTEGRATION_KIND_BITRIX24,
                                           "Bitrix24", BITRIX_URL, GOVORUN_INTEGRATION_EVENTS_ALL, 1700000000);
  govorun_integration_records_add_target_async (f->a.store, bitrix, NULL, on_result, f);
  g_assert_cmpint (govorun_integration_records_add_target_finish (f->a.store, test_util_wait (&f->result), &error),
                   >, 0);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  return secret;
}

/* A provider client for @account on B, or NULL with @error. */
static GObject *
client_for (Fixture         *f,
            GovorunAccount  *account,
            GError         **error)
{
  gboolean vox = govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT;
  GObject *client;

  if (vox)
    govorun_client_factory_voximplant_async (f->b.factory, account, NULL, NULL, on_result, f);
  else
    govorun_client_factory_elevenlabs_async (f->b.factory, account, NULL, NULL, on_result, f);
  client = vox ? G_OBJECT (govorun_client_factory_voximplant_finish (f->b.factory, test_util_wait (&f->result), error))
               : G_OBJECT (govorun_client_factory_elevenlabs_finish (f->b.factory, test_util_wait (&f->result), error));
  g_clear_object (&f->result);
  return client;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunAccount) vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunAccount) saved_vox = NULL;
  g_autoptr(GovorunAccount) saved_el = NULL;
  g_autoptr(GovorunSettingsFile) file_a = settings_file (&f->a, f->settings);
  g_autoptr(GovorunSettingsFile) file_b = settings_file (&f->b, f->settings);
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) on_a = NULL;
  g_autoptr(GPtrArray) on_b = NULL;
  g_autoptr(GovorunSettingsImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *secret = add_targets (f);
  g_autoptr(GPtrArray) targets_b = NULL;
  guint added = 0;

  /* As the app does it: imported webhooks go through B's own service. */
  govorun_settings_file_set_integrations (file_b, govorun_services_get_integrations (f->b.services));

  govorun_account_set_display_name (vox, "Клиника");
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, "7654321");
  saved_vox = sandbox_services_add_account (&f->a, vox, GOVORUN_SANDBOX_VOX_API_KEY);
  govorun_account_set_display_name (el, "Agents");
  saved_el = sandbox_services_add_account (&f->a, el, GOVORUN_SANDBOX_EL_API_KEY);

  g_ptr_array_add (entries, govorun_do_not_call_entry_new ("+79161234567", "Просил не звонить\n(письмо)", 1700000000));
  g_ptr_array_add (entries, govorun_do_not_call_entry_new ("+442079460958", NULL, 1700000100));
  govorun_do_not_call_records_add_async (f->a.store, entries, NULL, on_result, f);
  g_assert_true (govorun_do_not_call_records_add_finish (f->a.store, test_util_wait (&f->result), &added, &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);
  g_assert_cmpuint (added, ==, 2);
  g_settings_set_uint (f->settings, "history-days", 45);
  g_settings_set_string (f->settings, "voximplant-api-url", "https://api.example.com/platform_api");

  govorun_settings_file_export_async (file_a, file, NULL, on_result, f);
  g_assert_true (govorun_settings_file_export_finish (file_a, test_util_wait (&f->result), &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);

  /* Never a key. */
  g_assert_true (g_file_get_contents (f->path, &text, NULL, NULL));
  g_assert_null (strstr (text, GOVORUN_SANDBOX_VOX_API_KEY));
  g_assert_null (strstr (text, GOVORUN_SANDBOX_EL_API_KEY));
  g_assert_nonnull (strstr (text, "\"format\" : \"govorun-settings\""));
  /* Where keys go is not a preference a file carries. */
  g_assert_null (strstr (text, "api.example.com"));
  /* Nor a webhook's secret, nor a Bitrix24 URL (its secret). */
  g_assert_null (strstr (text, secret));
  g_assert_null (strstr (text, "q4bitrixsecret77"));
  g_assert_nonnull (strstr (text, "https://crm.example.com/govorun?team=2"));
  g_assert_nonnull (strstr (text, "\"recording-link\""));

  /* The empty profile. */
  g_settings_reset (f->settings, "history-days");
  g_settings_reset (f->settings, "voximplant-api-url");
  govorun_settings_file_import_async (file_b, file, NULL, on_result, f);
  import = govorun_settings_file_import_finish (file_b, test_util_wait (&f->result), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  g_assert_cmpuint (import->do_not_call_added, ==, 2);
  g_assert_cmpuint (import->preferences, >, 0);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "history-days"), ==, 45);
  g_assert_cmpuint (g_strv_length (import->accounts_to_add), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) import->accounts_to_add, "Клиника"));
  g_assert_true (g_strv_contains ((const char * const *) import->accounts_to_add, "Agents"));

  /* The accounts are listed, "key needed": whatever needs a key skips them
   * with a sentence; typing the key makes them usable. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->b.accounts)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (G_LIST_MODEL (f->b.accounts), i);

      g_assert_true (govorun_account_get_key_needed (account));
      if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
        {
          g_assert_cmpstr (govorun_account_get_display_name (account), ==, "Клиника");
          g_assert_cmpstr (govorun_account_get_vox_account_id (account), ==, "7654321");
        }
    }
  {
    g_autoptr(GovorunAccount) imported = g_list_model_get_item (G_LIST_MODEL (f->b.accounts), 0);
    g_autoptr(GovorunAccount) edited = govorun_account_copy (imported);
    GovorunCallSync *sync = govorun_services_get_call_sync (f->b.services);
    GObject *client;

    govorun_call_sync_run_async (sync, NULL, on_result, f);
    g_assert_false (govorun_call_sync_run_finish (sync, test_util_wait (&f->result), &error));
    g_clear_object (&f->result);
    g_assert_nonnull (strstr (error->message, "has no key on this computer yet"));
    g_assert_nonnull (strstr (error->message, "“Клиника”"));
    g_clear_error (&error);

    client = client_for (f, imported, &error);
    g_assert_null (client);
    g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_KEY_NEEDED);
    g_clear_error (&error);

    govorun_account_store_update_async (f->b.accounts, edited,
                                        govorun_account_get_kind (imported) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT
                                        ? GOVORUN_SANDBOX_VOX_API_KEY : GOVORUN_SANDBOX_EL_API_KEY,
                                        NULL, on_result, f);
    g_assert_true (govorun_account_store_update_finish (f->b.accounts, test_util_wait (&f->result), &error));
    g_assert_no_error (error);
    g_clear_object (&f->result);
    g_assert_false (govorun_account_get_key_needed (imported));
    client = client_for (f, imported, &error);
    g_assert_no_error (error);
    g_assert_nonnull (client);
    g_object_unref (client);
  }

  /* The webhook is there with a new secret, given once; the Bitrix24
   * target is named, to be added with its URL. */
  g_assert_cmpuint (g_strv_length (import->webhooks_added), ==, 1);
  g_assert_cmpstr (import->webhooks_added[0], ==, "CRM hook");
  g_assert_cmpuint (g_strv_length (import->webhook_secrets), ==, 1);
  g_assert_cmpuint (strlen (import->webhook_secrets[0]), >=, 40);
  g_assert_cmpstr (import->webhook_secrets[0], !=, secret);
  /* … and B's list of targets shows it without a reload. */
  g_assert_cmpuint (g_list_model_get_n_items (govorun_integrations_get_targets (
                      govorun_services_get_integrations (f->b.services))), ==, 1);
  g_assert_cmpuint (g_strv_length (import->targets_to_add), ==, 1);
  g_assert_cmpstr (import->targets_to_add[0], ==, "Bitrix24");
  targets_b = targets (f, &f->b);
  g_assert_cmpuint (targets_b->len, ==, 1);
  {
    GovorunIntegrationTarget *t = g_ptr_array_index (targets_b, 0);

    g_assert_cmpint (govorun_integration_target_get_kind (t), ==, GOVORUN_INTEGRATION_KIND_WEBHOOK);
    g_assert_cmpstr (govorun_integration_target_get_name (t), ==, "CRM hook");
    g_assert_cmpstr (govorun_integration_target_get_url (t), ==, "https://crm.example.com/govorun?team=2");
    /* Its options come along: the recording's link, not the transcript. */
    g_assert_cmpuint (govorun_integration_target_get_events (t), ==,
                      GOVORUN_INTEGRATION_EVENT_CALL_FINISHED | GOVORUN_INTEGRATION_EVENT_CONTACT_RESULT |
                      GOVORUN_INTEGRATION_OPTION_RECORDING_LINK);
  }

  on_a = numbers (f, &f->a);
  on_b = numbers (f, &f->b);
  g_assert_cmpuint (on_a->len, ==, on_b->len);
  for (guint i = 0; i < on_a->len; i++)
    {
      GovorunDoNotCallEntry *x = g_ptr_array_index (on_a, i);
      GovorunDoNotCallEntry *y = g_ptr_array_index (on_b, i);

      g_assert_cmpstr (govorun_do_not_call_entry_get_number (x), ==, govorun_do_not_call_entry_get_number (y));
      g_assert_cmpstr (govorun_do_not_call_entry_get_note (x), ==, govorun_do_not_call_entry_get_note (y));
      g_assert_cmpint (govorun_do_not_call_entry_get_added_at (x), ==, govorun_do_not_call_entry_get_added_at (y));
    }
  g_assert_true (govorun_do_not_call_contains (govorun_services_get_do_not_call (f->b.services), "+79161234567"));

  /* Importing again adds nothing; accounts that are here are not asked for. */
  g_clear_pointer (&import, govorun_settings_import_free);
  govorun_settings_file_import_async (file_a, file, NULL, on_result, f);
  import = govorun_settings_file_import_finish (file_a, test_util_wait (&f->result), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  g_assert_cmpuint (import->do_not_call_added, ==, 0);
  g_assert_cmpuint (g_strv_length (import->accounts_to_add), ==, 0);
  g_assert_cmpuint (g_strv_length (import->webhooks_added), ==, 0);
  g_assert_cmpuint (g_strv_length (import->targets_to_add), ==, 0);
  g_settings_reset (f->settings, "history-days");

  /* A file that would send the keys elsewhere changes nothing. */
  g_clear_pointer (&import, govorun_settings_import_free);
  g_assert_true (g_file_set_contents (f->path, "{\"format\":\"govorun-settings\",\"version\":1,\"preferences\":"
                                               "{\"voximplant-api-url\":\"'https://evil.example.com/'\"}}", -1, NULL));
  govorun_settings_file_import_async (file_a, file, NULL, on_result, f);
  import = govorun_settings_file_import_finish (file_a, test_util_wait (&f->result), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  g_assert_cmpuint (import->preferences, ==, 0);
  {
    g_autofree char *url = g_settings_get_string (f->settings, "voximplant-api-url");

    g_assert_null (strstr (url, "evil"));
  }
}

static void
refused (Fixture    *f,
         const char *contents,
         int         code)
{
  g_autoptr(GovorunSettingsFile) file_b = settings_file (&f->b, f->settings);
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GovorunSettingsImport) import = NULL;
  g_autoptr(GPtrArray) on_b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, contents, -1, NULL));
  govorun_settings_file_import_async (file_b, file, NULL, on_result, f);
  import = govorun_settings_file_import_finish (file_b, test_util_wait (&f->result), &error);
  g_clear_object (&f->result);
  g_assert_null (import);
  g_assert_error (error, GOVORUN_SETTINGS_FILE_ERROR, code);
  /* One sentence: one full stop inside, at its end. */
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strchr (error->message, '\n'));
  on_b = numbers (f, &f->b);
  g_assert_cmpuint (on_b->len, ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  refused (f, "{\"format\":\"govorun-settings\",\"version\":3,\"do_not_call\":[]}",
           GOVORUN_SETTINGS_FILE_ERROR_NEWER);
  /* Targets: a Bitrix24 URL, a password in a webhook's URL, an unknown or
   * repeated event, a secret member. */
  refused (f, "{\"format\":\"govorun-settings\",\"version\":2,\"targets\":[{\"kind\":\"bitrix24\","
              "\"name\":\"B\",\"url\":\"https://x.bitrix24.ru/rest/1/k/\",\"events\":[\"call.finished\"]}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"govorun-settings\",\"version\":2,\"targets\":[{\"kind\":\"webhook\","
              "\"name\":\"W\",\"url\":\"https://u:p@x.example.com/\",\"events\":[\"call.finished\"]}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"govorun-settings\",\"version\":2,\"targets\":[{\"kind\":\"webhook\","
              "\"name\":\"W\",\"url\":\"https://x.example.com/\",\"events\":[\"call.started\"]}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"govorun-settings\",\"version\":2,\"targets\":[{\"kind\":\"webhook\","
              "\"name\":\"W\",\"url\":\"https://x.example.com/\",\"events\":[\"call.finished\",\"call.finished\"]}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"govorun-settings\",\"version\":2,\"targets\":[{\"kind\":\"webhook\","
              "\"name\":\"W\",\"url\":\"https://x.example.com/\",\"events\":[\"call.finished\"],\"secret\":\"s\"}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  /* What a delivery adds: known names, once each, in an array. */
  refused (f, "{\"format\":\"govorun-settings\",\"version\":2,\"targets\":[{\"kind\":\"webhook\","
              "\"name\":\"W\",\"url\":\"https://x.example.com/\",\"events\":[\"call.finished\"],"
              "\"include\":[\"audio\"]}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"govorun-settings\",\"version\":2,\"targets\":[{\"kind\":\"webhook\","
              "\"name\":\"W\",\"url\":\"https://x.example.com/\",\"events\":[\"call.finished\"],"
              "\"include\":[\"transcript\",\"transcript\"]}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"govorun-settings\",\"version\":2,\"targets\":[{\"kind\":\"webhook\","
              "\"name\":\"W\",\"url\":\"https://x.example.com/\",\"events\":[\"call.finished\"],"
              "\"include\":\"transcript\"}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"govorun-settings\",\"version\":1,\"do_not_call\":["
              "{\"number\":\"+79161234567\",\"added_at\":1},{\"number\":\"not a number\",\"added_at\":1}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"govorun-settings\",\"version\":1,\"accounts\":["
              "{\"kind\":\"voximplant\",\"name\":\"x\",\"account_id\":\"1\",\"auth\":\"api-key\",\"api_key\":\"s\"}]}",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"govorun-settings\",\"version\":1,\"do_not_call\":[{\"number\":\"+79161234567\"",
           GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "number,note\n+79161234567,x\n", GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
  refused (f, "{\"format\":\"something-else\",\"version\":1}", GOVORUN_SETTINGS_FILE_ERROR_DAMAGED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Govorun/SettingsFile/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/Govorun/SettingsFile/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);

  return g_test_run ();
}
