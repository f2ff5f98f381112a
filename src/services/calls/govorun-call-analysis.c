/* govorun-call-analysis.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallAnalysis"

#include "config.h"

#include "govorun-call-analysis.h"
#include "govorun-call-analysis-records.h"
#include "govorun-store.h"

struct _GovorunCallAnalysis
{
  GObject          parent_instance;

  GovorunStore    *store;
  GovorunCallSync *sync;  /* nullable */
};

G_DEFINE_FINAL_TYPE (GovorunCallAnalysis, govorun_call_analysis, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
govorun_call_analysis_dispose (GObject *object)
{
  GovorunCallAnalysis *self = GOVORUN_CALL_ANALYSIS (object);

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (govorun_call_analysis_parent_class)->dispose (object);
}

static void
govorun_call_analysis_class_init (GovorunCallAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_call_analysis_dispose;

  /**
   * GovorunCallAnalysis::changed:
   *
   * The call history changed: fields and counts may be out of date.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
govorun_call_analysis_init (GovorunCallAnalysis *self)
{
}

static void
on_sync_changed (GovorunCallAnalysis *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

GovorunCallAnalysis *
govorun_call_analysis_new (GovorunStore    *store,
                           GovorunCallSync *sync)
{
  GovorunCallAnalysis *self;

  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);
  g_return_val_if_fail (sync == NULL || GOVORUN_IS_CALL_SYNC (sync), NULL);

  self = g_object_new (GOVORUN_TYPE_CALL_ANALYSIS, NULL);
  self->store = g_object_ref (store);
  if (sync != NULL)
    {
      self->sync = g_object_ref (sync);
      g_signal_connect_swapped (sync, "changed", G_CALLBACK (on_sync_changed), self);
    }
  return self;
}

static void
on_fields (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *fields;

  if (g_task_get_source_tag (task) == govorun_call_analysis_fields_async)
    fields = govorun_call_analysis_records_seen_finish (GOVORUN_STORE (source), result, &error);
  else
    fields = govorun_call_analysis_records_count_finish (GOVORUN_STORE (source), result, &error);
  if (fields == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, fields, (GDestroyNotify) g_ptr_array_unref);
}

void
govorun_call_analysis_fields_async (GovorunCallAnalysis *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_CALL_ANALYSIS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_call_analysis_fields_async);
  govorun_call_analysis_records_seen_async (self->store, GOVORUN_CALL_ANALYSIS_FILTER_VALUES,
                                            cancellable, on_fields, task);
}

GPtrArray *
govorun_call_analysis_fields_finish (GovorunCallAnalysis  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_call_analysis_fields_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
govorun_call_analysis_count_async (GovorunCallAnalysis     *self,
                                   const GovorunCallFilter *filter,
                                   guint                    max_values,
                                   GCancellable            *cancellable,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_CALL_ANALYSIS (self));
  g_return_if_fail (filter != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_call_analysis_count_async);
  govorun_call_analysis_records_count_async (self->store, filter, max_values, cancellable,
                                             on_fields, task);
}

GPtrArray *
govorun_call_analysis_count_finish (GovorunCallAnalysis  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_call_analysis_count_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
