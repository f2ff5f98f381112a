/* integrations-crash-helper.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The child of test-integrations' crash test: runs one delivery pass over
 * the database in DIR (GOVORUN_TEST_CRASH_AT kills it after the send).
 *
 * Usage: integrations-crash-helper DB PROFILE
 */
#define G_LOG_DOMAIN "GovorunCrashHelper"

#include "config.h"

#include "govorun-integrations.h"
#include "govorun-secrets.h"
#include "govorun-store.h"
#include "test-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GovorunStore) store = NULL;
  g_autoptr(GovorunSecrets) secrets = NULL;
  g_autoptr(GovorunIntegrations) integrations = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s DB PROFILE\n", argv[0]);
      return 2;
    }

  store = govorun_store_new (argv[1]);
  govorun_store_open_async (store, NULL, test_util_on_result, &result);
  if (!govorun_store_open_finish (store, test_util_wait (&result), &error))
    {
      g_printerr ("open failed: %s\n", error->message);
      return 1;
    }
  g_clear_object (&result);
  secrets = govorun_secrets_new (argv[2]);
  integrations = govorun_integrations_new (store, secrets);
  govorun_integrations_deliver_due_async (integrations, NULL, test_util_on_result, &result);
  if (!govorun_integrations_deliver_due_finish (integrations, test_util_wait (&result), NULL, &error))
    {
      g_printerr ("delivery failed: %s\n", error->message);
      return 1;
    }
  govorun_store_close (store);
  return 0;
}
