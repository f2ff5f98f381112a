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
sandbox_services_on_result (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
sandbox_services_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

void
sandbox_services_start (SandboxServices *s)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  s->sandbox = govorun_sandbox_new ();
  g_assert_true (govorun_sandbox_start (s->sandbox, &error));
  g_assert_no_error (error);

  s->http = govorun_http_new ();
  govorun_http_set_retry (s->http, 2, 5);
  govorun_http_set_timeout (s->http, 5000);
  s->endpoints = govorun_endpoints_new (NULL);
  govorun_endpoints_set_sandbox (s->endpoints,
                                 govorun_sandbox_get_voximplant_url (s->sandbox),
                                 govorun_sandbox_get_elevenlabs_url (s->sandbox));

  s->dir = g_dir_make_tmp ("govorun-test-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (s->dir, "govorun.db", NULL);
  s->store = govorun_store_new (db);
  govorun_store_open_async (s->store, NULL, sandbox_services_on_result, &result);
  g_assert_true (govorun_store_open_finish (s->store, sandbox_services_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  s->secrets = govorun_secrets_new (GOVORUN_PROFILE_SANDBOX);
  s->accounts = govorun_account_store_new (s->store, s->secrets);
  govorun_account_store_load_async (s->accounts, NULL, sandbox_services_on_result, &result);
  g_assert_true (govorun_account_store_load_finish (s->accounts, sandbox_services_wait (&result),
                                                    &error));
  g_assert_no_error (error);

  s->factory = govorun_client_factory_new (s->http, s->endpoints, s->accounts);
}

GovorunAccount *
sandbox_services_add_account (SandboxServices *s,
                              GovorunAccount  *draft,
                              const char      *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunAccount *saved;

  govorun_account_store_add_async (s->accounts, draft, secret, NULL, sandbox_services_on_result,
                                   &result);
  saved = govorun_account_store_add_finish (s->accounts, sandbox_services_wait (&result), &error);
  g_assert_no_error (error);

  return saved;
}

void
sandbox_services_stop (SandboxServices *s)
{
  g_clear_object (&s->factory);
  g_clear_object (&s->accounts);
  g_clear_object (&s->secrets);
  if (s->store != NULL)
    govorun_store_close (s->store);
  g_clear_object (&s->store);
  g_clear_object (&s->endpoints);
  g_clear_object (&s->http);
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
