/* govorun-integrations-calls.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrations"

#include "config.h"

#include "govorun-integrations-private.h"
#include "govorun-integration-records.h"
#include "govorun-call-records.h"

/*
 * From the call history to the outbox: the store names the finished calls
 * some webhook target has no delivery for; each is read whole (analysis,
 * transcript) and handed to the call.finished producer, whose unique
 * (target, event, subject) makes a second run add nothing.
 */

#define BATCH 200

typedef struct
{
  GArray *ids;
  guint   next;
  guint   added;
} Scan;

static void
scan_free (Scan *scan)
{
  g_clear_pointer (&scan->ids, g_array_unref);
  g_free (scan);
}

static void scan_next (GTask *task);

static void
on_call_enqueued (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Scan *scan = g_task_get_task_data (task);
  GError *error = NULL;
  guint added = 0;

  if (!govorun_integrations_enqueue_finish (GOVORUN_INTEGRATIONS (source), result, &added, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  scan->added += added;
  scan_next (g_steal_pointer (&task));
}

static void
on_call_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  g_autoptr(GovorunCallRecord) record = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  record = govorun_call_records_fetch_finish (GOVORUN_STORE (source), result, &error);
  if (record == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_integrations_call_finished_async (self, record, cancellable, on_call_enqueued,
                                            g_steal_pointer (&task));
}

static void
scan_next (GTask *task)
{
  GovorunIntegrations *self = g_task_get_source_object (task);
  Scan *scan = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (scan->next >= scan->ids->len)
    {
      g_task_return_int (task, scan->added);
      g_object_unref (task);
      return;
    }
  govorun_call_records_fetch_async (self->store, g_array_index (scan->ids, gint64, scan->next++),
                                    cancellable, on_call_fetched, task);
}

static void
on_undelivered (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Scan *scan = g_task_get_task_data (task);
  GError *error = NULL;

  scan->ids = govorun_integration_records_undelivered_calls_finish (GOVORUN_STORE (source), result,
                                                                    &error);
  if (scan->ids == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  scan_next (g_steal_pointer (&task));
}

static void
start_scan (GovorunIntegrations *self,
            GTask               *task)
{
  g_task_set_task_data (task, g_new0 (Scan, 1), (GDestroyNotify) scan_free);
  govorun_integration_records_undelivered_calls_async (self->store, BATCH, g_task_get_cancellable (task),
                                                       on_undelivered, task);
}

static void
on_backfill_written (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!govorun_integration_records_update_target_finish (GOVORUN_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  start_scan (g_task_get_source_object (task), task);
}

void
govorun_integrations_backfill_async (GovorunIntegrations      *self,
                                     GovorunIntegrationTarget *target,
                                     gint64                    from,
                                     gint64                    to,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target));
  g_return_if_fail (from < to);

  task = g_task_new (self, cancellable, callback, user_data);
  /* Finished like a scan: same result, same _finish. */
  g_task_set_source_tag (task, govorun_integrations_enqueue_new_calls_async);
  govorun_integration_target_set_backfill (target, from, to);
  govorun_integration_records_update_target_async (self->store, target, cancellable,
                                                   on_backfill_written, task);
}

void
govorun_integrations_enqueue_new_calls_async (GovorunIntegrations *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_enqueue_new_calls_async);
  start_scan (self, task);
}

gboolean
govorun_integrations_enqueue_new_calls_finish (GovorunIntegrations  *self,
                                               GAsyncResult         *result,
                                               guint                *out_added,
                                               GError              **error)
{
  gssize added;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_enqueue_new_calls_async,
                        FALSE);

  added = g_task_propagate_int (G_TASK (result), error);
  if (added < 0)
    return FALSE;
  if (out_added != NULL)
    *out_added = (guint) added;
  return TRUE;
}
