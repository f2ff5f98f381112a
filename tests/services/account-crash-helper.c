/* account-crash-helper.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small program for test-account-store: it runs one account operation
 * against a database and a keyring profile, so the test can SIGKILL it at a
 * chosen point (GOVORUN_TEST_CRASH_AT) or read everything it logged.
 *
 *   account-crash-helper DB PROFILE add|update UUID|remove UUID|roundtrip
 *
 * Secrets arrive on stdin, one per line, never on the command line.
 */
#define G_LOG_DOMAIN "GovorunCrashHelper"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govorun-account-store.h"
#include "govorun-secrets.h"
#include "govorun-store.h"

static GAsyncResult *pending;

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  pending = g_object_ref (result);
}

static GAsyncResult *
wait_result (void)
{
  while (pending == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (&pending);
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    {
      g_printerr ("helper failed: %s\n", error != NULL ? error->message : "?");
      exit (1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GovorunStore) store = NULL;
  g_autoptr(GovorunSecrets) secrets = NULL;
  g_autoptr(GovorunAccountStore) accounts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) input = g_string_new (NULL);
  g_auto(GStrv) keys = NULL;
  const char *mode;
  char buf[256];
  size_t n;

  if (argc < 4)
    {
      g_printerr ("usage: %s DB PROFILE add|update UUID|remove UUID|roundtrip\n", argv[0]);
      return 2;
    }
  mode = argv[3];

  while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
    g_string_append_len (input, buf, n);
  keys = g_strsplit (input->str, "\n", -1);
  memset (input->str, 0, input->len);

  store = govorun_store_new (argv[1]);
  govorun_store_open_async (store, NULL, on_result, NULL);
  result = wait_result ();
  check (govorun_store_open_finish (store, result, &error), error);
  g_clear_object (&result);

  secrets = govorun_secrets_new (argv[2]);
  accounts = govorun_account_store_new (store, secrets);
  govorun_account_store_load_async (accounts, NULL, on_result, NULL);
  result = wait_result ();
  check (govorun_account_store_load_finish (accounts, result, &error), error);
  g_clear_object (&result);

  if (g_str_equal (mode, "add"))
    {
      g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
      g_autoptr(GovorunAccount) added = NULL;

      govorun_account_set_display_name (draft, "Crash test");
      govorun_account_store_add_async (accounts, draft, keys[0], NULL, on_result, NULL);
      result = wait_result ();
      added = govorun_account_store_add_finish (accounts, result, &error);
      check (added != NULL, error);
      g_print ("%s\n", govorun_account_get_uuid (added));
    }
  else if (g_str_equal (mode, "update") && argc > 4)
    {
      GovorunAccount *account = govorun_account_store_find_by_uuid (accounts, argv[4]);
      g_autoptr(GovorunAccount) copy = NULL;

      check (account != NULL, NULL);
      copy = govorun_account_copy (account);
      govorun_account_set_display_name (copy, "Crash renamed");
      govorun_account_store_update_async (accounts, copy, keys[0], NULL, on_result, NULL);
      result = wait_result ();
      check (govorun_account_store_update_finish (accounts, result, &error), error);
    }
  else if (g_str_equal (mode, "remove") && argc > 4)
    {
      GovorunAccount *account = govorun_account_store_find_by_uuid (accounts, argv[4]);

      check (account != NULL, NULL);
      govorun_account_store_remove_async (accounts, account, NULL, on_result, NULL);
      result = wait_result ();
      check (govorun_account_store_remove_finish (accounts, result, &error), error);
    }
  else if (g_str_equal (mode, "roundtrip") && g_strv_length (keys) >= 2)
    {
      g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
      g_autoptr(GovorunAccount) added = NULL;
      g_autoptr(GovorunAccount) copy = NULL;
      g_autoptr(GovorunSecret) secret = NULL;

      govorun_account_set_display_name (draft, "Roundtrip");
      govorun_account_set_vox_account_id (draft, "1234567");
      govorun_account_store_add_async (accounts, draft, keys[0], NULL, on_result, NULL);
      result = wait_result ();
      added = govorun_account_store_add_finish (accounts, result, &error);
      check (added != NULL, error);
      g_clear_object (&result);

      govorun_account_store_lookup_secret_async (accounts, added, NULL, on_result, NULL);
      result = wait_result ();
      secret = govorun_account_store_lookup_secret_finish (accounts, result, &error);
      check (secret != NULL && g_str_equal (secret, keys[0]), error);
      g_clear_object (&result);

      copy = govorun_account_copy (added);
      govorun_account_store_update_async (accounts, copy, keys[1], NULL, on_result, NULL);
      result = wait_result ();
      check (govorun_account_store_update_finish (accounts, result, &error), error);
      g_clear_object (&result);

      govorun_account_store_set_test_result_async (accounts, added, TRUE, "Acme LLC · 1 234.50 USD",
                                                   NULL, on_result, NULL);
      result = wait_result ();
      check (govorun_account_store_set_test_result_finish (accounts, result, &error), error);
      g_clear_object (&result);

      govorun_account_store_remove_async (accounts, added, NULL, on_result, NULL);
      result = wait_result ();
      check (govorun_account_store_remove_finish (accounts, result, &error), error);
    }
  else
    {
      g_printerr ("unknown mode %s\n", mode);
      return 2;
    }

  for (guint i = 0; keys[i] != NULL; i++)
    memset (keys[i], 0, strlen (keys[i]));
  govorun_store_close (store);
  g_print ("done\n");
  return 0;
}
