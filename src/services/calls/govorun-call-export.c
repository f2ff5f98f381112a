/* govorun-call-export.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallExport"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "govorun-call-analysis-records.h"
#include "govorun-call-export.h"
#include "govorun-call-export-rows.h"
#include "govorun-call-export-sink.h"
#include "govorun-io-error.h"
#include "govorun-util.h"

struct _GovorunCallExport
{
  GObject            parent_instance;

  GovorunStore      *store;
  GovorunAgentStore *agents;
};

G_DEFINE_FINAL_TYPE (GovorunCallExport, govorun_call_export, G_TYPE_OBJECT)

/* One export, the task's data: set on the caller's thread, then read by
 * the worker (and the store's reader thread it waits on). */
typedef struct
{
  GovorunStore                  *store;
  GovorunCallFilter             *filter;
  GovorunCallSortKey             sort;
  gboolean                       descending;
  GovorunCallExportFormat        format;
  gboolean                       with_transcripts;
  char                          *path;
  char                          *temp_path;
  GHashTable                    *agent_names;
  GovorunCallExportSink         *sink;
  GCancellable                  *cancellable;

  /* Progress, reported in the caller's context. */
  GMainContext                  *caller_context;
  GovorunCallExportProgressFunc  progress;
  gpointer                       progress_data;
  GMutex                         lock;          /* for done and total */
  guint64                        done;
  guint64                        total;
  int                            report_queued; /* atomic */
  gboolean                       finished;      /* caller's thread: no more reports */

  guint64                        rows;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  govorun_call_filter_free (job->filter);
  g_free (job->path);
  g_free (job->temp_path);
  g_clear_pointer (&job->agent_names, g_hash_table_unref);
  g_clear_pointer (&job->sink, govorun_call_export_sink_free);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->caller_context, g_main_context_unref);
  g_mutex_clear (&job->lock);
  g_free (job);
}

const char *
govorun_call_export_format_extension (GovorunCallExportFormat format)
{
  return format == GOVORUN_CALL_EXPORT_FORMAT_XLSX ? "xlsx" : "csv";
}

/* --- progress -------------------------------------------------------------- */

static gboolean
report_progress (gpointer data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (task);
  guint64 done, total;

  g_atomic_int_set (&job->report_queued, 0);
  g_mutex_lock (&job->lock);
  done = job->done;
  total = job->total;
  g_mutex_unlock (&job->lock);
  if (!job->finished && job->progress != NULL)
    job->progress (done, total, job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
queue_progress (GTask *task)
{
  Job *job = g_task_get_task_data (task);

  /* At most one report waits in the caller's context: a slow main loop
   * sees the latest figures, not a backlog. */
  if (job->progress != NULL && g_atomic_int_compare_and_exchange (&job->report_queued, 0, 1))
    govorun_context_post (job->caller_context, G_PRIORITY_DEFAULT, report_progress,
                          g_object_ref (task), g_object_unref);
}

/* --- the worker ------------------------------------------------------------ */

/* On the store's reader thread. */
static gboolean
write_batch (GPtrArray  *records,
             gint64      total,
             gpointer    user_data,
             GError    **error)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);

  for (guint i = 0; i < records->len; i++)
    if (!govorun_call_export_sink_write (job->sink, g_ptr_array_index (records, i),
                                         job->cancellable, error))
      return FALSE;
  job->rows += records->len;
  g_mutex_lock (&job->lock);
  job->total = (guint64) MAX (total, 0);
  job->done = job->rows;
  g_mutex_unlock (&job->lock);
  queue_progress (task);
  return TRUE;
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A hidden file beside the chosen one, so the rename at the end is atomic
 * (same file system) and a half-written export is never under the name the
 * person chose. */
static gboolean
create_temp_file (Job     *job,
                  GError **error)
{
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autofree char *base = g_path_get_basename (job->path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  int fd;

  job->temp_path = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (job->temp_path, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_WRITE,
                   _("The file could not be created in “%s”. Choose a folder you can write to "
                     "(%s)."), dir, g_strerror (saved_errno));
      g_clear_pointer (&job->temp_path, g_free);
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

/* The collected data items of the exported calls, a column each. */
static GStrv
data_names (Job           *job,
            GMainContext  *context,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  govorun_call_analysis_records_count_async (job->store, job->filter, 0, job->cancellable,
                                             on_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  fields = govorun_call_analysis_records_count_finish (job->store, result, error);
  if (fields == NULL)
    return NULL;
  for (guint i = 0; i < fields->len; i++)
    {
      const GovorunCallAnalysisField *field = g_ptr_array_index (fields, i);

      if (field->kind == GOVORUN_CALL_ANALYSIS_DATA)
        g_strv_builder_add (names, field->name);
    }
  return g_strv_builder_end (names);
}

static gboolean
export (GTask   *task,
        Job     *job,
        GError **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(GStrv) data = NULL;
  gboolean ok;

  /* The rows come from the store's reader thread in batches, each written
   * there as it comes; this thread waits in a context of its own. */
  g_main_context_push_thread_default (context);
  data = data_names (job, context, error);
  if (data != NULL)
    job->sink = govorun_call_export_sink_new (job->format, job->temp_path, job->with_transcripts,
                                              job->agent_names, (const char * const *) data,
                                              job->cancellable, error);
  if (job->sink == NULL)
    {
      g_main_context_pop_thread_default (context);
      return FALSE;
    }

  govorun_call_export_rows_async (job->store, job->filter, job->sort, job->descending,
                                  job->with_transcripts, data[0] != NULL, write_batch, task,
                                  job->cancellable,
                                  on_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  ok = govorun_call_export_rows_finish (job->store, result, NULL, error) &&
       govorun_call_export_sink_close (job->sink, job->cancellable, error);
  if (ok && g_cancellable_set_error_if_cancelled (job->cancellable, error))
    ok = FALSE;
  if (ok && g_rename (job->temp_path, job->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_WRITE,
                   _("The export could not be saved as “%s” (%s)."), job->path,
                   g_strerror (saved_errno));
      ok = FALSE;
    }
  return ok;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!create_temp_file (job, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!export (task, job, &error))
    {
      /* Nothing of a failed or cancelled export stays on disk. */
      g_clear_pointer (&job->sink, govorun_call_export_sink_free);
      g_unlink (job->temp_path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* --- public ---------------------------------------------------------------- */

/* Names of the agents now, for the worker: the agent store is the main
 * thread's. */
static GHashTable *
collect_agent_names (GovorunAgentStore *agents)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = agents != NULL ? g_list_model_get_n_items (G_LIST_MODEL (agents)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (G_LIST_MODEL (agents), i);
      const char *uuid = govorun_agent_get_uuid (agent);

      if (uuid != NULL)
        g_hash_table_replace (names, g_strdup (uuid), g_strdup (govorun_agent_get_name (agent)));
    }
  return names;
}

void
govorun_call_export_run_async (GovorunCallExport             *self,
                               const GovorunCallFilter       *filter,
                               GovorunCallSortKey             sort,
                               gboolean                       descending,
                               GovorunCallExportFormat        format,
                               gboolean                       with_transcripts,
                               GFile                         *file,
                               GovorunCallExportProgressFunc  progress,
                               gpointer                       progress_data,
                               GCancellable                  *cancellable,
                               GAsyncReadyCallback            callback,
                               gpointer                       user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  Job *job;

  g_return_if_fail (GOVORUN_IS_CALL_EXPORT (self));
  g_return_if_fail (filter != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_call_export_run_async);
  g_task_set_return_on_cancel (task, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_UNSUPPORTED,
                               _("Calls can only be exported to a folder on this computer. "
                                 "Choose another folder."));
      return;
    }

  job = g_new0 (Job, 1);
  g_mutex_init (&job->lock);
  job->store = g_object_ref (self->store);
  job->filter = govorun_call_filter_copy (filter);
  job->sort = sort;
  job->descending = descending;
  job->format = format;
  job->with_transcripts = with_transcripts;
  job->path = g_steal_pointer (&path);
  job->agent_names = collect_agent_names (self->agents);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  job->caller_context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
govorun_call_export_run_finish (GovorunCallExport  *self,
                                GAsyncResult       *result,
                                guint64            *out_rows,
                                GError            **error)
{
  Job *job;

  g_return_val_if_fail (GOVORUN_IS_CALL_EXPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_call_export_run_async,
                        FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (job != NULL)
    job->finished = TRUE;
  if (out_rows != NULL)
    *out_rows = job != NULL ? job->rows : 0;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- GObject --------------------------------------------------------------- */

static void
govorun_call_export_dispose (GObject *object)
{
  GovorunCallExport *self = GOVORUN_CALL_EXPORT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->agents);

  G_OBJECT_CLASS (govorun_call_export_parent_class)->dispose (object);
}

static void
govorun_call_export_class_init (GovorunCallExportClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_call_export_dispose;
}

static void
govorun_call_export_init (GovorunCallExport *self)
{
}

GovorunCallExport *
govorun_call_export_new (GovorunStore      *store,
                         GovorunAgentStore *agents)
{
  GovorunCallExport *self;

  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);
  g_return_val_if_fail (agents == NULL || GOVORUN_IS_AGENT_STORE (agents), NULL);

  self = g_object_new (GOVORUN_TYPE_CALL_EXPORT, NULL);
  self->store = g_object_ref (store);
  self->agents = agents != NULL ? g_object_ref (agents) : NULL;
  return self;
}
