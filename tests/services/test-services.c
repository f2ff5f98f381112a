/* test-services.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application services above the provider clients: the graph that holds
 * them (GovorunServices), where requests go (GovorunEndpoints) and "Test
 * connection" (GovorunConnectionTester), for drafts and for saved accounts,
 * against the sandbox's emulators and a real keyring (run through
 * run-with-keyring.sh).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "govorun-account-store.h"
#include "govorun-connection-tester.h"
#include "govorun-endpoints.h"
#include "govorun-sandbox.h"
#include "govorun-secrets.h"
#include "govorun-store.h"
#include "govorun-url.h"
#include "govorun-util.h"
#include "govorun-voximplant-client.h"
#include "sandbox-services.h"

/* -- endpoints -- */

static void
test_endpoints_precedence (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GovorunEndpoints) plain = govorun_endpoints_new (NULL);
  g_autoptr(GovorunEndpoints) endpoints = govorun_endpoints_new (settings);
  g_autofree char *url = NULL;

  g_unsetenv ("GOVORUN_VOXIMPLANT_API_URL");
  g_unsetenv ("GOVORUN_ELEVENLABS_API_URL");

  url = govorun_endpoints_get_voximplant_url (plain, NULL);
  g_assert_cmpstr (url, ==, "https://api.voximplant.com/platform_api");
  g_clear_pointer (&url, g_free);
  url = govorun_endpoints_get_elevenlabs_url (plain, GOVORUN_ELEVENLABS_REGION_EU, NULL);
  g_assert_cmpstr (url, ==, "https://api.eu.residency.elevenlabs.io");
  g_clear_pointer (&url, g_free);

  /* GSettings over the default */
  g_settings_set_string (settings, "voximplant-api-url", "https://proxy.example/platform_api/");
  g_settings_set_string (settings, "elevenlabs-api-url", "https://el-proxy.example");
  url = govorun_endpoints_get_voximplant_url (endpoints, NULL);
  g_assert_cmpstr (url, ==, "https://proxy.example/platform_api");
  g_clear_pointer (&url, g_free);
  url = govorun_endpoints_get_elevenlabs_url (endpoints, GOVORUN_ELEVENLABS_REGION_US, NULL);
  g_assert_cmpstr (url, ==, "https://el-proxy.example");
  g_clear_pointer (&url, g_free);

  /* the environment over GSettings */
  g_setenv ("GOVORUN_VOXIMPLANT_API_URL", "http://127.0.0.1:9/platform_api", TRUE);
  g_setenv ("GOVORUN_ELEVENLABS_API_URL", "http://127.0.0.1:10/", TRUE);
  url = govorun_endpoints_get_voximplant_url (endpoints, NULL);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:9/platform_api");
  g_clear_pointer (&url, g_free);
  url = govorun_endpoints_get_elevenlabs_url (endpoints, GOVORUN_ELEVENLABS_REGION_GLOBAL, NULL);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:10");
  g_clear_pointer (&url, g_free);

  /* the sandbox over everything: it can never reach a real account */
  g_assert_false (govorun_endpoints_is_sandbox (endpoints));
  govorun_endpoints_set_sandbox (endpoints, "http://127.0.0.1:1111", "http://127.0.0.1:2222");
  g_assert_true (govorun_endpoints_is_sandbox (endpoints));
  url = govorun_endpoints_get_voximplant_url (endpoints, NULL);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:1111/platform_api");
  g_clear_pointer (&url, g_free);
  url = govorun_endpoints_get_elevenlabs_url (endpoints, GOVORUN_ELEVENLABS_REGION_IN, NULL);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:2222");

  g_unsetenv ("GOVORUN_VOXIMPLANT_API_URL");
  g_unsetenv ("GOVORUN_ELEVENLABS_API_URL");
  g_settings_reset (settings, "voximplant-api-url");
  g_settings_reset (settings, "elevenlabs-api-url");
}

/* An override is https://, or http:// to this computer; anything else is
 * refused with a sentence naming the setting, before any key is sent. */
static void
test_endpoints_refused (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GovorunEndpoints) endpoints = govorun_endpoints_new (settings);
  const struct { const char *url; int code; } refused[] = {
    { "http://api.voximplant.com/platform_api", GOVORUN_URL_ERROR_INSECURE },
    { "http://10.0.0.1:8080", GOVORUN_URL_ERROR_INSECURE },
    { "http://localhost.example.com", GOVORUN_URL_ERROR_INSECURE },
    { "ftp://api.voximplant.com", GOVORUN_URL_ERROR_SCHEME },
    { "file:///etc/passwd", GOVORUN_URL_ERROR_INVALID },
    { "api.voximplant.com/platform_api", GOVORUN_URL_ERROR_INVALID },
    { "https://", GOVORUN_URL_ERROR_INVALID },
  };
  const char *allowed[] = {
    "https://proxy.example/platform_api", "HTTPS://proxy.example", "http://127.0.0.1:9",
    "http://127.1.2.3", "http://localhost:8080/x", "http://[::1]:9",
  };

  g_unsetenv ("GOVORUN_VOXIMPLANT_API_URL");
  g_unsetenv ("GOVORUN_ELEVENLABS_API_URL");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;

      g_test_message ("refused: %s", refused[i].url);
      g_settings_set_string (settings, "voximplant-api-url", refused[i].url);
      url = govorun_endpoints_get_voximplant_url (endpoints, &error);
      g_assert_null (url);
      g_assert_error (error, GOVORUN_URL_ERROR, refused[i].code);
      g_assert_nonnull (strstr (error->message, "GSettings key voximplant-api-url"));
      g_assert_null (strstr (error->message, "Preferences"));
      g_clear_error (&error);

      g_setenv ("GOVORUN_ELEVENLABS_API_URL", refused[i].url, TRUE);
      url = govorun_endpoints_get_elevenlabs_url (endpoints, GOVORUN_ELEVENLABS_REGION_GLOBAL, &error);
      g_assert_null (url);
      g_assert_error (error, GOVORUN_URL_ERROR, refused[i].code);
      g_assert_nonnull (strstr (error->message, "environment variable GOVORUN_ELEVENLABS_API_URL"));
      g_unsetenv ("GOVORUN_ELEVENLABS_API_URL");
    }

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;

      g_settings_set_string (settings, "elevenlabs-api-url", allowed[i]);
      url = govorun_endpoints_get_elevenlabs_url (endpoints, GOVORUN_ELEVENLABS_REGION_EU, &error);
      g_assert_no_error (error);
      g_assert_nonnull (url);
    }

  /* The sandbox's own emulators are always used as they are. */
  g_settings_set_string (settings, "voximplant-api-url", "ftp://nowhere");
  govorun_endpoints_set_sandbox (endpoints, "http://127.0.0.1:1111", "http://127.0.0.1:2222");
  {
    g_autofree char *url = govorun_endpoints_get_voximplant_url (endpoints, NULL);

    g_assert_cmpstr (url, ==, "http://127.0.0.1:1111/platform_api");
  }

  g_settings_reset (settings, "voximplant-api-url");
  g_settings_reset (settings, "elevenlabs-api-url");
}

/* -- the services -- */

static void
test_services_graph (void)
{
  SandboxServices s = { 0 };
  GovorunServices *services;
  GovorunServicesState state;
  g_autofree char *failure = NULL;
  g_autofree char *url = NULL;
  gboolean sandbox;

  /* sandbox_services_start () builds, loads and checks READY. */
  sandbox_services_start (&s);
  services = s.services;

  g_assert_true (govorun_services_is_sandbox (services));
  g_assert_null (govorun_services_get_failure (services));
  g_assert_true (GOVORUN_IS_ACCOUNT_STORE (govorun_services_get_accounts (services)));
  g_assert_true (GOVORUN_IS_CONNECTION_TESTER (govorun_services_get_tester (services)));
  g_assert_true (GOVORUN_IS_CLIENT_FACTORY (govorun_services_get_factory (services)));
  g_assert_true (GOVORUN_IS_ENDPOINTS (govorun_services_get_endpoints (services)));
  g_assert_true (GOVORUN_IS_AGENT_STORE (govorun_services_get_agents (services)));
  g_assert_true (GOVORUN_IS_PROVISIONER (govorun_services_get_provisioner (services)));
  g_assert_true (GOVORUN_IS_NUMBER_SERVICE (govorun_services_get_numbers (services)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (govorun_services_get_accounts (services))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (govorun_services_get_agents (services))), ==, 0);

  /* The sandbox's URLs win: nothing reaches a real account. */
  g_assert_true (govorun_endpoints_is_sandbox (govorun_services_get_endpoints (services)));
  url = govorun_endpoints_get_elevenlabs_url (govorun_services_get_endpoints (services),
                                              GOVORUN_ELEVENLABS_REGION_GLOBAL, NULL);
  g_assert_cmpstr (url, ==, govorun_sandbox_get_elevenlabs_url (s.sandbox));

  /* What the window binds to: the state, the failure, the services. */
  g_object_get (services, "state", &state, "failure", &failure, "sandbox", &sandbox, NULL);
  g_assert_cmpint (state, ==, GOVORUN_SERVICES_STATE_READY);
  g_assert_null (failure);
  g_assert_true (sandbox);

  govorun_services_fail (services, "The emulators could not start");
  g_assert_cmpint (govorun_services_get_state (services), ==, GOVORUN_SERVICES_STATE_FAILED);
  g_assert_cmpstr (govorun_services_get_failure (services), ==, "The emulators could not start");

  sandbox_services_stop (&s);
}

static void
test_services_real_profile (void)
{
  g_autofree char *dir = g_dir_make_tmp ("govorun-test-XXXXXX", NULL);
  g_autoptr(GovorunServices) services = govorun_services_new (GOVORUN_PROFILE_DEFAULT, dir,
                                                              NULL, NULL, NULL);

  /* Not loaded yet, and no emulator URLs: a real-data profile. */
  g_assert_nonnull (dir);
  g_assert_cmpint (govorun_services_get_state (services), ==, GOVORUN_SERVICES_STATE_LOADING);
  g_assert_false (govorun_services_is_sandbox (services));
  g_assert_false (govorun_endpoints_is_sandbox (govorun_services_get_endpoints (services)));

  g_clear_object (&services);
  g_rmdir (dir);
}

/* -- connection tester -- */

typedef struct
{
  SandboxServices          s;
  GovorunConnectionTester *tester;
  GAsyncResult            *result;
} Fixture;

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  test_util_on_result (object, result, &((Fixture *) user_data)->result);
}

static GAsyncResult *
wait_result (Fixture *f)
{
  return test_util_wait (&f->result);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sandbox_services_start (&f->s);
  f->tester = g_object_ref (govorun_services_get_tester (f->s.services));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->tester);
  g_clear_object (&f->result);
  sandbox_services_stop (&f->s);
}

static char *
test_draft (Fixture        *f,
            GovorunAccount *account,
            const char     *secret,
            GError        **error)
{
  char *summary;

  govorun_connection_tester_test_draft_async (f->tester, account, secret, NULL, on_result, f);
  summary = govorun_connection_tester_test_draft_finish (f->tester, wait_result (f), error);
  g_clear_object (&f->result);

  return summary;
}

static GovorunAccount *
voximplant_api_key_account (const char *account_id)
{
  GovorunAccount *account = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);

  govorun_account_set_display_name (account, "Clinic");
  govorun_account_set_vox_auth (account, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (account, account_id);

  return account;
}

static void
test_draft_voximplant_api_key (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GovorunAccount) account = voximplant_api_key_account ("7654321");
  g_autoptr(GovorunAccount) bad_id = voximplant_api_key_account ("76543x21");
  GovorunEmulator *emulator = GOVORUN_EMULATOR (govorun_sandbox_get_voximplant (f->s.sandbox));
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  summary = test_draft (f, account, GOVORUN_SANDBOX_VOX_API_KEY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary, ==, "demo-clinic · balance 1234.50 ₽");

  g_clear_pointer (&summary, g_free);
  summary = test_draft (f, account, "wrong-key", &error);
  g_assert_null (summary);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (error), ==, 100);
  g_clear_error (&error);

  /* A malformed ID never leaves the computer. */
  govorun_emulator_reset_counts (emulator);
  summary = test_draft (f, bad_id, GOVORUN_SANDBOX_VOX_API_KEY, &error);
  g_assert_null (summary);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_INVALID_ACCOUNT_ID);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "*"), ==, 0);
}

static void
test_draft_voximplant_service_account (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GovorunAccount) account = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GError) error = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *summary = NULL;

  credentials = govorun_voximplant_emulator_create_key (govorun_sandbox_get_voximplant (f->s.sandbox),
                                                        GOVORUN_SANDBOX_VOX_ACCOUNT_ID, &error);
  g_assert_no_error (error);

  govorun_account_set_display_name (account, "Clinic (service account)");
  govorun_account_set_vox_auth (account, GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT);
  summary = test_draft (f, account, credentials, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary, ==, "demo-clinic · balance 1234.50 ₽");

  /* A damaged file is reported as such, not as an authorization failure. */
  g_clear_pointer (&summary, g_free);
  summary = test_draft (f, account, "{\"account_id\": 1}", &error);
  g_assert_null (summary);
  g_assert_true (error->domain == GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR);
}

static void
test_draft_elevenlabs (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GovorunAccount) account = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  govorun_account_set_display_name (account, "Agents");
  govorun_account_set_el_region (account, "eu-residency");

  summary = test_draft (f, account, GOVORUN_SANDBOX_EL_API_KEY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary, ==, "3 agents · plan creator");

  /* A scoped key is valid, with limited scope, not invalid. */
  govorun_elevenlabs_emulator_add_key (govorun_sandbox_get_elevenlabs (f->s.sandbox),
                                       "sk_scoped", FALSE);
  g_clear_pointer (&summary, g_free);
  summary = test_draft (f, account, "sk_scoped", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (summary, "limited scope"));

  g_clear_pointer (&summary, g_free);
  summary = test_draft (f, account, "sk_nope", &error);
  g_assert_null (summary);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY);
}

static GovorunAccount *
add_account (Fixture        *f,
             GovorunAccount *draft,
             const char     *secret)
{
  return sandbox_services_add_account (&f->s, draft, secret);
}

static void
test_saved_account (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunAccount) good_draft = voximplant_api_key_account ("7654321");
  g_autoptr(GovorunAccount) bad_draft = voximplant_api_key_account ("7654322");
  g_autoptr(GovorunAccount) good = NULL;
  g_autoptr(GovorunAccount) bad = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  govorun_account_set_display_name (bad_draft, "Hotel");
  good = add_account (f, good_draft, GOVORUN_SANDBOX_VOX_API_KEY);
  bad = add_account (f, bad_draft, "revoked-key");
  g_assert_cmpint (govorun_account_get_last_test_at (good), ==, 0);

  govorun_connection_tester_test_async (f->tester, good, NULL, on_result, f);
  summary = govorun_connection_tester_test_finish (f->tester, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpstr (summary, ==, "demo-clinic · balance 1234.50 ₽");
  /* The outcome is remembered on the account, for the list. */
  g_assert_cmpint (govorun_account_get_last_test_at (good), >, 0);
  g_assert_true (govorun_account_get_last_test_ok (good));
  g_assert_cmpstr (govorun_account_get_last_test_summary (good), ==, summary);

  govorun_connection_tester_test_async (f->tester, bad, NULL, on_result, f);
  g_clear_pointer (&summary, g_free);
  summary = govorun_connection_tester_test_finish (f->tester, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_null (summary);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED);
  g_assert_false (govorun_account_get_last_test_ok (bad));
  g_assert_cmpstr (govorun_account_get_last_test_summary (bad), ==, error->message);
  g_clear_error (&error);

  /* Cancelled: reported as such and nothing remembered. */
  g_cancellable_cancel (cancellable);
  govorun_connection_tester_test_async (f->tester, bad, cancellable, on_result, f);
  summary = govorun_connection_tester_test_finish (f->tester, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: it hides the system GSettings schemas that
   * the proxy resolver needs; run-with-keyring.sh gives a throwaway HOME. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Services/graph", test_services_graph);
  g_test_add_func ("/Govorun/Services/real-profile", test_services_real_profile);
  g_test_add_func ("/Govorun/Endpoints/precedence", test_endpoints_precedence);
  g_test_add_func ("/Govorun/Endpoints/refused", test_endpoints_refused);
  g_test_add ("/Govorun/ConnectionTester/draft-voximplant-api-key", Fixture, NULL,
              fixture_setup, test_draft_voximplant_api_key, fixture_teardown);
  g_test_add ("/Govorun/ConnectionTester/draft-voximplant-service-account", Fixture, NULL,
              fixture_setup, test_draft_voximplant_service_account, fixture_teardown);
  g_test_add ("/Govorun/ConnectionTester/draft-elevenlabs", Fixture, NULL,
              fixture_setup, test_draft_elevenlabs, fixture_teardown);
  g_test_add ("/Govorun/ConnectionTester/saved-account", Fixture, NULL,
              fixture_setup, test_saved_account, fixture_teardown);

  return g_test_run ();
}
