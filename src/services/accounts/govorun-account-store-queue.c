/* govorun-account-store-queue.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store-private.h"

#include <glib/gi18n.h>

/* Operations run one at a time, in the order they were asked for: each is
 * a GTask whose task data is an Op; the running one is self->current. */

static void op_start (GTask *task);

static void
op_free (Op *op)
{
  g_free (op->uuid);
  g_clear_object (&op->account);
  g_clear_pointer (&op->secret, govorun_secret_free);
  g_free (op->label);
  g_clear_pointer (&op->row, govorun_account_record_free);
  g_free (op->test_summary);
  g_clear_error (&op->error);
  g_clear_pointer (&op->rows, g_ptr_array_unref);
  g_clear_pointer (&op->refs, g_ptr_array_unref);
  g_clear_pointer (&op->repairs, g_ptr_array_unref);
  g_clear_pointer (&op->unclaimed, g_ptr_array_unref);
  g_free (op);
}

static void
ops_run_next (GovorunAccountStore *self)
{
  while (self->current == NULL && !g_queue_is_empty (&self->ops))
    {
      GTask *task = g_queue_pop_head (&self->ops);

      self->current = task;   /* takes the queue's reference */
      op_start (task);
    }
}

void
_govorun_account_store_enqueue (GovorunAccountStore *self,
                                GTask               *task)
{
  g_queue_push_tail (&self->ops, g_object_ref (task));
  ops_run_next (self);
}

/* Ends the running operation and starts the next one. */
void
_govorun_account_store_op_return (GTask          *task,
                                  GError         *error,
                                  gpointer        result,
                                  GDestroyNotify  result_destroy,
                                  gboolean        boolean)
{
  g_autoptr(GovorunAccountStore) self = g_object_ref (g_task_get_source_object (task));

  g_assert (self->current == task);
  self->current = NULL;

  /* The records' codes are the service's own (see the header). */
  if (error != NULL && error->domain == GOVORUN_ACCOUNT_RECORDS_ERROR)
    error->domain = GOVORUN_ACCOUNT_STORE_ERROR;

  if (error != NULL)
    g_task_return_error (task, error);
  else if (boolean)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_pointer (task, result, result_destroy);
  g_object_unref (task);

  ops_run_next (self);
}

void
_govorun_account_store_op_return_error (GTask  *task,
                                        GError *error)
{
  _govorun_account_store_op_return (task, error, NULL, NULL, FALSE);
}

void
_govorun_account_store_op_return_true (GTask *task)
{
  _govorun_account_store_op_return (task, NULL, NULL, NULL, TRUE);
}

GTask *
_govorun_account_store_op_task_new (GovorunAccountStore *self,
                                    OpKind               kind,
                                    gpointer             source_tag,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  g_task_set_source_tag (task, source_tag);
  op->kind = kind;
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  /* Results report what really happened: an operation that completed is a
   * success even if its cancellable fired at the last moment. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

/* The same sentence as the records' NOT_FOUND, for an account the model no
 * longer holds. */
void
_govorun_account_store_set_gone_error (GError **error)
{
  g_set_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_NOT_FOUND,
               _("This account is no longer saved in Govorun. Reopen the accounts list and try again."));
}

/* The saved account the running operation is about; when it is gone, ends
 * the operation with that error and returns %NULL. */
GovorunAccount *
_govorun_account_store_op_find_account (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;
  GovorunAccount *account = govorun_account_store_find_by_uuid (self, op->uuid);

  if (account != NULL)
    return account;

  _govorun_account_store_set_gone_error (&error);
  _govorun_account_store_op_return_error (task, error);
  return NULL;
}

static void
op_start (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      _govorun_account_store_op_return_error (task, error);
      return;
    }

  switch (op->kind)
    {
    case OP_LOAD:
      _govorun_account_store_load_start (task);
      break;
    case OP_ADD:
      _govorun_account_store_add_start (task);
      break;
    case OP_UPDATE:
      _govorun_account_store_update_start (task);
      break;
    case OP_REMOVE:
      _govorun_account_store_remove_start (task);
      break;
    case OP_LOOKUP_SECRET:
      _govorun_account_store_lookup_secret_start (task);
      break;
    case OP_SET_TEST_RESULT:
      _govorun_account_store_set_test_result_start (task);
      break;
    default:
      g_assert_not_reached ();
    }
}
