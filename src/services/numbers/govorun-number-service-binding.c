/* govorun-number-service-binding.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-number-service-private.h"

/*
 * Binding a number to an application (and its rule), and unbinding it.
 */

/* -- binding -- */

static void
bind_check_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) numbers = NULL;
  GovorunVoximplantPhoneNumber *number;
  gboolean read_ok;

  number = _govorun_number_service_reread_finish (task, result, &numbers, &read_ok);
  if (number == NULL)
    _govorun_number_service_return_reread (task, FALSE);
  else if (op->bind)
    _govorun_number_service_return_reread (task, number->application_id == op->application_id
                         && (op->rule_id <= 0 || number->rule_id == op->rule_id));
  else
    _govorun_number_service_return_reread (task, number->application_id == 0);
}

static void
bind_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean done;

  done = govorun_voximplant_client_bind_phone_number_to_application_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                                            result, &error);
  if (!done && _govorun_number_service_answer_lost (error))
    _govorun_number_service_reread (task, error, bind_check_cb);
  else
    _govorun_number_service_return_done (task, done, error);
}

static void
bind_call (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_bind_phone_number_to_application_async (op->client, &op->phone_id, 1,
                                                                    op->application_id,
                                                                    op->bind ? op->rule_id : 0, op->bind,
                                                                    g_task_get_cancellable (task),
                                                                    bind_cb, g_object_ref (task));
}

/* Unbinding without an application: find the number's own first. */
static void
unbind_lookup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) numbers = NULL;
  GError *error = NULL;

  numbers = govorun_voximplant_client_get_phone_numbers_finish (op->client, result, NULL, &error);
  if (numbers == NULL)
    {
      g_task_return_error (task, govorun_number_translate_error (error));
      return;
    }

  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunVoximplantPhoneNumber *number = g_ptr_array_index (numbers, i);

      if (number->phone_id == op->phone_id)
        op->application_id = number->application_id;
    }

  if (numbers->len == 0)
    {
      g_task_return_new_error (task, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER,
                               "%s", _("This phone number is not in the Voximplant account any more. Refresh the list of numbers."));
      return;
    }

  /* Not bound: nothing to undo. */
  if (op->application_id == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  bind_call (task);
}

static void
bind_step (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  if (op->application_id > 0)
    {
      bind_call (task);
      return;
    }

  govorun_voximplant_client_get_phone_numbers_async (op->client, &op->phone_id, 1, 0, 0,
                                                     g_task_get_cancellable (task),
                                                     unbind_lookup_cb, g_object_ref (task));
}

/**
 * govorun_number_service_bind_async:
 * @application_id: the application; when unbinding, 0 means "whichever
 *   the number is bound to" (looked up first)
 */
void
govorun_number_service_bind_async (GovorunNumberService *self,
                                   GovorunAccount       *account,
                                   gint64                phone_id,
                                   gint64                application_id,
                                   gint64                rule_id,
                                   gboolean              bind,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (phone_id > 0);
  g_return_if_fail (application_id > 0 || !bind);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_number_service_op_new (self, cancellable, callback, user_data,
                                         govorun_number_service_bind_async, &op);
  op->phone_id = phone_id;
  op->application_id = application_id;
  op->rule_id = rule_id;
  op->bind = !!bind;
  _govorun_number_service_op_start (self, task, account, bind_step);
}

gboolean
govorun_number_service_bind_finish (GovorunNumberService  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_number_service_bind_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
