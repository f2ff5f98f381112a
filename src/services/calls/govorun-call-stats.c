/* govorun-call-stats.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallStats"

#include "config.h"

#include "govorun-call-stats.h"
#include "govorun-call-stats-records.h"
#include "govorun-store.h"

struct _GovorunCallStats
{
  GObject          parent_instance;

  GovorunStore    *store;
  GovorunCallSync *sync;  /* nullable */
};

G_DEFINE_FINAL_TYPE (GovorunCallStats, govorun_call_stats, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
govorun_call_stats_dispose (GObject *object)
{
  GovorunCallStats *self = GOVORUN_CALL_STATS (object);

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (govorun_call_stats_parent_class)->dispose (object);
}

static void
govorun_call_stats_class_init (GovorunCallStatsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_call_stats_dispose;

  /**
   * GovorunCallStats::changed:
   *
   * The call history changed: what was queried may be out of date.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
govorun_call_stats_init (GovorunCallStats *self)
{
}

GovorunCallStats *
govorun_call_stats_new (GovorunStore    *store,
                        GovorunCallSync *sync)
{
  GovorunCallStats *self;

  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);
  g_return_val_if_fail (sync == NULL || GOVORUN_IS_CALL_SYNC (sync), NULL);

  self = g_object_new (GOVORUN_TYPE_CALL_STATS, NULL);
  self->store = g_object_ref (store);
  if (sync != NULL)
    {
      self->sync = g_object_ref (sync);
      g_signal_connect_swapped (sync, "changed", G_CALLBACK (govorun_call_stats_changed), self);
    }
  return self;
}

void
govorun_call_stats_changed (GovorunCallStats *self)
{
  g_return_if_fail (GOVORUN_IS_CALL_STATS (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_queried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GovorunCallStatsResult *stats;

  stats = govorun_call_stats_records_query_finish (GOVORUN_STORE (source), result, &error);
  if (stats == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, stats, (GDestroyNotify) govorun_call_stats_result_free);
}

/**
 * govorun_call_stats_query_async:
 * @self: a #GovorunCallStats
 * @query: the period, zone and agent
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the statistics
 * @user_data: data for @callback
 *
 * Runs on one of the store's reader threads, in one snapshot.
 */
void
govorun_call_stats_query_async (GovorunCallStats            *self,
                                const GovorunCallStatsQuery *query,
                                GCancellable                *cancellable,
                                GAsyncReadyCallback          callback,
                                gpointer                     user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_CALL_STATS (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_call_stats_query_async);
  govorun_call_stats_records_query_async (self->store, query, cancellable, on_queried, task);
}

GovorunCallStatsResult *
govorun_call_stats_query_finish (GovorunCallStats  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_call_stats_query_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
