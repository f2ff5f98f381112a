/* govorun-number-service-deactivation.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include "govorun-number-service-private.h"

/*
 * Giving a number back to Voximplant.
 */

/* -- deactivation -- */

/* Deactivated: the number left the account, or is listed as such. */
static void
deactivate_check_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) numbers = NULL;
  GovorunVoximplantPhoneNumber *number;
  gboolean read_ok;

  number = _govorun_number_service_reread_finish (task, result, &numbers, &read_ok);
  _govorun_number_service_return_reread (task, read_ok && (number == NULL || number->deactivated));
}

static void
deactivate_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean done;

  done = govorun_voximplant_client_deactivate_phone_number_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                   result, &error);
  if (!done && _govorun_number_service_answer_lost (error))
    _govorun_number_service_reread (task, error, deactivate_check_cb);
  else
    _govorun_number_service_return_done (task, done, error);
}

static void
deactivate_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_deactivate_phone_number_async (op->client, op->phone_id,
                                                           g_task_get_cancellable (task),
                                                           deactivate_cb, g_object_ref (task));
}

void
govorun_number_service_deactivate_async (GovorunNumberService *self,
                                         GovorunAccount       *account,
                                         gint64                phone_id,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (phone_id > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_number_service_op_new (self, cancellable, callback, user_data,
                                         govorun_number_service_deactivate_async, &op);
  op->phone_id = phone_id;
  _govorun_number_service_op_start (self, task, account, deactivate_step);
}

gboolean
govorun_number_service_deactivate_finish (GovorunNumberService  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_number_service_deactivate_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
