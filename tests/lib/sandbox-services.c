/* sandbox-services.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "govorun-util.h"
#include "sandbox-services.h"

void
sandbox_services_start (SandboxServices *s)
{
  g_autoptr(GovorunSandbox) sandbox = govorun_sandbox_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (govorun_sandbox_start (sandbox, &error));
  g_assert_no_error (error);
  sandbox_services_start_on (s, sandbox, GOVORUN_PROFILE_SANDBOX);
}

void
sandbox_services_start_on (SandboxServices *s,
                           GovorunSandbox  *sandbox,
                           const char      *profile)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  s->sandbox = g_object_ref (sandbox);
  s->dir = g_dir_make_tmp ("govorun-test-XXXXXX", &error);
  g_assert_no_error (error);

  s->services = govorun_services_new (profile, s->dir, NULL,
                                      govorun_sandbox_get_voximplant_url (s->sandbox),
                                      govorun_sandbox_get_elevenlabs_url (s->sandbox));
  s->http = govorun_services_get_http (s->services);
  s->endpoints = govorun_services_get_endpoints (s->services);
  s->store = govorun_services_get_store (s->services);
  s->secrets = govorun_services_get_secrets (s->services);
  s->accounts = govorun_services_get_accounts (s->services);
  s->factory = govorun_services_get_factory (s->services);
  govorun_http_set_retry (s->http, 2, 5);
  govorun_http_set_timeout (s->http, 5000);

  govorun_services_load_async (s->services, NULL, test_util_on_result, &result);
  g_assert_true (govorun_services_load_finish (s->services, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_services_get_state (s->services), ==, GOVORUN_SERVICES_STATE_READY);
}

GovorunAccount *
sandbox_services_add_account (SandboxServices *s,
                              GovorunAccount  *draft,
                              const char      *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunAccount *saved;

  govorun_account_store_add_async (s->accounts, draft, secret, NULL, test_util_on_result,
                                   &result);
  saved = govorun_account_store_add_finish (s->accounts, test_util_wait (&result), &error);
  g_assert_no_error (error);

  return saved;
}

void
sandbox_services_stop (SandboxServices *s)
{
  s->factory = NULL;
  s->accounts = NULL;
  s->secrets = NULL;
  s->store = NULL;
  s->endpoints = NULL;
  s->http = NULL;
  if (s->services != NULL)
    govorun_services_close (s->services);
  g_clear_object (&s->services);
  g_clear_object (&s->sandbox);

  if (s->dir != NULL)
    {
      g_autofree char *db = g_build_filename (s->dir, "govorun.db", NULL);
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (s->dir);
      g_clear_pointer (&s->dir, g_free);
    }
}
