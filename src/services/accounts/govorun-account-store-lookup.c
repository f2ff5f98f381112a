/* govorun-account-store-lookup.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store-private.h"

/* Reading an account's key from the keyring. */

static void
on_secret_looked_up (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  secret = govorun_secrets_lookup_finish (GOVORUN_SECRETS (object), result, &error);
  if (secret == NULL)
    _govorun_account_store_op_return_error (task, error);
  else
    _govorun_account_store_op_return (task, NULL, secret, (GDestroyNotify) govorun_secret_free, FALSE);
}

void
_govorun_account_store_lookup_secret_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GovorunAccount *current = _govorun_account_store_op_find_account (task);

  if (current == NULL)
    return;

  /* The generation of the saved account, not of a possibly stale copy. */
  govorun_secrets_lookup_async (self->secrets, op->uuid,
                                govorun_account_get_secret_generation (current),
                                g_task_get_cancellable (task),
                                on_secret_looked_up, g_object_ref (task));
}
