/* govorun-account-store-key-file.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store.h"
#include "govorun-voximplant-credentials.h"

/* Reading a key file is the provider layer's (it knows the format and signs
 * with it); the views get only what they show and the secret to save. */

static void
key_file_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  GError *error = NULL;

  credentials = govorun_voximplant_credentials_load_file_finish (result, &error);
  if (credentials == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task,
                         govorun_key_file_new (govorun_voximplant_credentials_get_account_id (credentials),
                                               govorun_voximplant_credentials_get_key_id (credentials),
                                               govorun_voximplant_credentials_get_account_email (credentials),
                                               govorun_voximplant_credentials_get_data (credentials)),
                         g_object_unref);
}

/**
 * govorun_account_store_read_key_file_async:
 * @file: a Voximplant service account credentials file
 *
 * Reads and checks @file off the main context.
 */
void
govorun_account_store_read_key_file_async (GovorunAccountStore *self,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_account_store_read_key_file_async);
  govorun_voximplant_credentials_load_file_async (file, cancellable, key_file_loaded_cb,
                                                  g_steal_pointer (&task));
}

/**
 * govorun_account_store_read_key_file_finish:
 *
 * Returns: (transfer full): the key file, or %NULL with a translated error
 *   naming what is wrong with the file
 */
GovorunKeyFile *
govorun_account_store_read_key_file_finish (GovorunAccountStore  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_account_store_read_key_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
