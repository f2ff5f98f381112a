/* govorun-number-service-owned.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include "govorun-number-service-private.h"

/*
 * The account's own numbers, every page; the purchase re-reads through it.
 */

/* -- owned numbers, every page -- */


static void
list_owned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunNumberService *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) page = NULL;
  GError *error = NULL;
  gint64 total = -1;

  page = govorun_voximplant_client_get_phone_numbers_finish (op->client, result, &total, &error);
  if (page == NULL)
    {
      if (!_govorun_number_service_buy_list_failed (task, error))
        g_task_return_error (task, govorun_number_translate_error (error));
      return;
    }

  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (op->items, govorun_phone_number_from_voximplant (g_ptr_array_index (page, i)));
  op->offset += page->len;

  /* A short page is the last one; total_count, when given, says so too. */
  if ((page->len < self->page_size || (total >= 0 && op->offset >= total)) && op->recovering)
    _govorun_number_service_buy_recovered (task);
  else if (page->len < self->page_size || (total >= 0 && op->offset >= total))
    g_task_return_pointer (task, g_steal_pointer (&op->items), (GDestroyNotify) g_ptr_array_unref);
  else
    _govorun_number_service_list_owned_page (task);
}

void
_govorun_number_service_list_owned_page (GTask *task)
{
  GovorunNumberService *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  const gint64 *ids = NULL;
  gsize n_ids = 0;

  if (op->phone_id > 0)
    {
      ids = &op->phone_id;
      n_ids = 1;
    }
  else if (op->bought_ids != NULL)
    {
      ids = (const gint64 *) op->bought_ids->data;
      n_ids = op->bought_ids->len;
    }

  govorun_voximplant_client_get_phone_numbers_async (op->client, ids, n_ids, self->page_size, op->offset,
                                                     g_task_get_cancellable (task),
                                                     list_owned_cb, g_object_ref (task));
}

void
govorun_number_service_list_owned_async (GovorunNumberService *self,
                                         GovorunAccount       *account,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_number_service_op_new (self, cancellable, callback, user_data,
                                         govorun_number_service_list_owned_async, &op);
  op->items = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_number_free);
  _govorun_number_service_op_start (self, task, account, _govorun_number_service_list_owned_page);
}

GPtrArray *
govorun_number_service_list_owned_finish (GovorunNumberService  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  return _govorun_number_service_propagate_array (self, result, govorun_number_service_list_owned_async, error);
}
