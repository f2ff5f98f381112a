/* govorun-integrations-test.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrations"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-integrations-private.h"
#include "govorun-integration-records.h"
#include "govorun-webhook-payload.h"

/*
 * The page's Test button: a signed "test" delivery made like any other
 * (so it lands in the delivery log, signed with the current secret and
 * retried like the rest if the receiver does not answer), then sent at
 * once instead of at the worker's next pass.
 */

typedef struct
{
  GovorunIntegrationTarget *target;
  GovorunDelivery          *delivery;   /* as enqueued, then as read back */
} TestOp;

static void
test_op_free (TestOp *op)
{
  g_clear_object (&op->target);
  g_clear_object (&op->delivery);
  g_free (op);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_integrations_deliver_due_finish (GOVORUN_INTEGRATIONS (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (op->delivery), g_object_unref);
}

static void
on_read_back (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  TestOp *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) page = NULL;
  GError *error = NULL;

  page = govorun_integration_records_delivery_page_finish (GOVORUN_STORE (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < page->len; i++)
    {
      GovorunDelivery *d = g_ptr_array_index (page, i);

      if (g_strcmp0 (govorun_delivery_get_uuid (d), govorun_delivery_get_uuid (op->delivery)) == 0)
        {
          g_set_object (&op->delivery, d);
          break;
        }
    }
  if (govorun_delivery_get_id (op->delivery) == 0 || govorun_integration_target_get_paused (op->target))
    {
      /* Paused: it waits in the outbox for Resume, as the page says. */
      g_task_return_pointer (task, g_object_ref (op->delivery), g_object_unref);
      return;
    }
  _govorun_integrations_send_now_async (self, op->delivery, g_task_get_cancellable (task), on_sent,
                                        g_object_ref (task));
}

static void
on_test_enqueued (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  TestOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_integration_records_enqueue_finish (GOVORUN_STORE (source), result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  _govorun_integrations_emit_changed (self, govorun_integration_target_get_id (op->target));
  /* Its row id: the newest rows of the target hold it. */
  govorun_integration_records_delivery_page_async (self->store,
                                                   govorun_integration_target_get_id (op->target),
                                                   0, 8, g_task_get_cancellable (task),
                                                   on_read_back, g_object_ref (task));
}

void
govorun_integrations_test_async (GovorunIntegrations      *self,
                                 GovorunIntegrationTarget *target,
                                 GCancellable             *cancellable,
                                 GAsyncReadyCallback       callback,
                                 gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) deliveries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *subject = g_strconcat ("test:", uuid, NULL);
  g_autofree char *payload = NULL;
  gint64 now_ms = g_get_real_time () / 1000;
  TestOp *op;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_test_async);
  if (!govorun_integrations_supports_kind (self, govorun_integration_target_get_kind (target)))
    {
      g_task_return_new_error (task, GOVORUN_INTEGRATIONS_ERROR,
                               GOVORUN_INTEGRATIONS_ERROR_UNSUPPORTED,
                               _("This version of Govorun cannot test this kind of integration."));
      return;
    }

  payload = govorun_webhook_payload_test (uuid, now_ms / 1000);
  op = g_new0 (TestOp, 1);
  op->target = g_object_ref (target);
  op->delivery = govorun_delivery_new (0, uuid, govorun_integration_target_get_id (target), "test",
                                       subject, payload, now_ms / 1000);
  govorun_delivery_set_outcome (op->delivery, GOVORUN_DELIVERY_PENDING, 0, now_ms, 0, 0, NULL);
  g_task_set_task_data (task, op, (GDestroyNotify) test_op_free);
  g_ptr_array_add (deliveries, g_object_ref (op->delivery));
  govorun_integration_records_enqueue_async (self->store, deliveries, cancellable, on_test_enqueued,
                                             g_steal_pointer (&task));
}

GovorunDelivery *
govorun_integrations_test_finish (GovorunIntegrations  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_test_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
