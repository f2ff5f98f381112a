/* govorun-number-service.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-format.h"
#include "govorun-number-service-private.h"

/*
 * The service object and what its operations share: the account check,
 * the client, returning results. The operations live in
 * govorun-number-service-*.c, one idea a file.
 *
 * Every call is a short chain: the client from the factory, then one or
 * a few typed Management API calls. The client checks the answers (a
 * malformed one is BAD_RESPONSE, never a crash); govorun-number-results
 * turns them into model types and gives number-specific errors (money,
 * stock, invalid number or region) a sentence of their own. All other
 * errors (transport, authorization, rate limits) pass through unchanged.
 */

#define DEFAULT_PAGE_SIZE 100

G_DEFINE_FINAL_TYPE (GovorunNumberService, govorun_number_service, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-number-service-error-quark, govorun_number_service_error)

/* ---- The service ---- */

static void
govorun_number_service_dispose (GObject *object)
{
  GovorunNumberService *self = GOVORUN_NUMBER_SERVICE (object);

  g_clear_object (&self->factory);

  G_OBJECT_CLASS (govorun_number_service_parent_class)->dispose (object);
}

static void
govorun_number_service_class_init (GovorunNumberServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_number_service_dispose;
}

static void
govorun_number_service_init (GovorunNumberService *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
}

GovorunNumberService *
govorun_number_service_new (GovorunClientFactory *factory)
{
  GovorunNumberService *self;

  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);

  self = g_object_new (GOVORUN_TYPE_NUMBER_SERVICE, NULL);
  self->factory = g_object_ref (factory);

  return self;
}

void
govorun_number_service_set_page_size (GovorunNumberService *self,
                                      guint                 page_size)
{
  g_return_if_fail (GOVORUN_IS_NUMBER_SERVICE (self));
  g_return_if_fail (page_size > 0);

  self->page_size = page_size;
}

/* "RU" when the UI speaks Russian, else "EN": the only two locales the
 * Management API knows. */
const char *
govorun_number_service_get_api_locale (void)
{
  return g_str_equal (govorun_format_get_language (), "ru") ? "RU" : "EN";
}

/* ---- Operations ---- */

void
_govorun_number_service_op_free (Op *op)
{
  g_clear_object (&op->client);
  g_free (op->country);
  g_free (op->category);
  g_free (op->state);
  g_free (op->mask);
  g_strfreev (op->numbers);
  g_clear_pointer (&op->items, g_ptr_array_unref);
  g_clear_pointer (&op->bought_ids, g_array_unref);
  g_clear_pointer (&op->bought_unverified, g_hash_table_unref);
  g_clear_pointer (&op->attached, g_ptr_array_unref);
  g_clear_error (&op->error);
  g_free (op->currency);
  g_free (op);
}

static void
client_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (object), result, &error);
  if (op->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  op->first_step (task);
}

/* Starts an operation: checks the account, then gets its client and runs
 * @first_step. Takes @task. */
void
_govorun_number_service_op_start (GovorunNumberService *self,
                                  GTask                *task,
                                  GovorunAccount       *account,
                                  OpStep                first_step)
{
  Op *op = g_task_get_task_data (task);

  op->first_step = first_step;

  if (govorun_account_get_kind (account) != GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    {
      g_task_return_new_error (task, GOVORUN_NUMBER_SERVICE_ERROR,
                               GOVORUN_NUMBER_SERVICE_ERROR_WRONG_ACCOUNT,
                               _("Phone numbers belong to a Voximplant account. Choose a Voximplant account."));
      g_object_unref (task);
      return;
    }

  govorun_client_factory_voximplant_async (self->factory, account, NULL,
                                           g_task_get_cancellable (task),
                                           client_ready_cb, task);
}

GTask *
_govorun_number_service_op_new (GovorunNumberService *self,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data,
                                gpointer              source_tag,
                                Op                  **op_out)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) _govorun_number_service_op_free);
  *op_out = op;

  return task;
}

GPtrArray *
_govorun_number_service_propagate_array (GovorunNumberService  *self,
                                         GAsyncResult          *result,
                                         gpointer               source_tag,
                                         GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Returns @items converted on @task, or @error translated. Takes both. */
void
_govorun_number_service_return_converted (GTask          *task,
                                          GPtrArray      *items,
                                          GError         *error,
                                          gpointer      (*convert) (gconstpointer item),
                                          GDestroyNotify  free_func)
{
  g_autoptr(GPtrArray) owned = items;

  if (owned == NULL)
    g_task_return_error (task, govorun_number_translate_error (error));
  else
    g_task_return_pointer (task, govorun_number_convert_list (owned, convert, free_func),
                           (GDestroyNotify) g_ptr_array_unref);
}

/* Returns TRUE on @task once a call succeeded, or @error translated. */
void
_govorun_number_service_return_done (GTask    *task,
                                     gboolean  done,
                                     GError   *error)
{
  if (!done)
    g_task_return_error (task, govorun_number_translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}
