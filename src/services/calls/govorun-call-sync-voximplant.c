/* govorun-call-sync-voximplant.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSync"

#include "config.h"

#include "govorun-call-records.h"
#include "govorun-call-sync-lookups.h"
#include "govorun-call-sync-private.h"
#include "govorun-voximplant-account.h"

/* One Voximplant account's part of a sync. GetCallHistory is read in
 * ascending order from the watermark (less the overlap) to the sync's
 * start, in pages of 1000. A page can start at an offset of at most
 * 10,000, so a window holding more sessions than that reaches is cut in
 * halves until each part fits; the windows are read in time order, so the
 * watermark written with each page only moves forward and a sync stopped
 * anywhere resumes from it. */

#define MAX_REACH (GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_OFFSET + GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT)

typedef struct
{
  gint64 from;  /* inclusive, Unix seconds */
  gint64 to;    /* inclusive */
} Window;

typedef struct
{
  GovorunCallSyncJob      *job;       /* borrowed */
  GovorunVoximplantClient *client;
  char                    *currency;
  GovorunCallSyncState    *state;     /* what is stored */
  GArray                  *windows;   /* of Window: a stack, the earliest last */
  Window                   window;    /* being read */
  guint                    offset;
  gint64                   total;     /* sessions in the window; -1 unknown */
  gint64                   span_start;
  GPtrArray               *records;   /* the page being written */
  GovorunCallSyncState    *next_state;
  gboolean                 last_page;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->client);
  g_free (run->currency);
  govorun_call_sync_state_free (run->state);
  govorun_call_sync_state_free (run->next_state);
  g_clear_pointer (&run->windows, g_array_unref);
  g_clear_pointer (&run->records, g_ptr_array_unref);
  g_free (run);
}

static void read_page (GTask *task);

static void
next_window (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->windows->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  run->window = g_array_index (run->windows, Window, run->windows->len - 1);
  g_array_set_size (run->windows, run->windows->len - 1);
  run->offset = 0;
  run->total = -1;
  read_page (task);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;
  guint n = run->records->len;
  double fraction;

  if (!govorun_call_records_upsert_finish (GOVORUN_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  govorun_call_sync_state_free (run->state);
  run->state = g_steal_pointer (&run->next_state);
  g_clear_pointer (&run->records, g_ptr_array_unref);
  run->job->written += n;
  fraction = run->job->now > run->span_start
             ? (double) (run->state->watermark - run->span_start) / (double) (run->job->now - run->span_start)
             : 1.0;
  _govorun_call_sync_page_written (run->job, "Voximplant", n, CLAMP (fraction, 0.0, 1.0));

  if (run->last_page)
    next_window (task);
  else
    {
      run->offset += n;
      read_page (task);
    }
}

static void
matched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_call_sync_lookups_match_finish (GOVORUN_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_call_records_upsert_async (run->job->store, run->records, run->next_state,
                                     g_task_get_cancellable (task), written_cb,
                                     g_object_ref (task));
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantCallHistoryPage) page = NULL;
  GError *error = NULL;
  gint64 watermark;
  guint n;

  page = govorun_voximplant_client_get_call_history_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                            result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (run->offset == 0)
    run->total = page->total_count;
  /* More than the offset cap lets a window reach: read its halves. */
  if (run->offset == 0 && run->total > MAX_REACH && run->window.to > run->window.from)
    {
      gint64 mid = run->window.from + (run->window.to - run->window.from) / 2;
      Window later = { mid + 1, run->window.to };
      Window earlier = { run->window.from, mid };

      g_array_append_val (run->windows, later);
      g_array_append_val (run->windows, earlier);
      next_window (task);
      return;
    }

  n = page->sessions->len;
  run->last_page = n < GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT ||
                   (run->total >= 0 && run->offset + n >= run->total) ||
                   run->offset + n > GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_OFFSET;
  run->records = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (run->records,
                     _govorun_call_join_session (g_ptr_array_index (page->sessions, i),
                                                 run->currency, run->job->agents,
                                                 run->job->account));

  /* Everything before the last session's start is read (ascending order;
   * sessions of that same second may follow on the next page). */
  if (run->last_page)
    watermark = run->window.to + 1;
  else
    watermark = govorun_call_record_get_started_at (g_ptr_array_index (run->records, n - 1));
  run->next_state = govorun_call_sync_state_copy (run->state);
  run->next_state->watermark = MAX (run->state->watermark, watermark);

  govorun_call_sync_lookups_match_async (run->job->store, run->records,
                                         GOVORUN_CALL_SYNC_JOIN_TOLERANCE_SECS,
                                         g_task_get_cancellable (task), matched_cb,
                                         g_object_ref (task));
}

static void
read_page (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (run->window.from);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (run->window.to);
  GovorunVoximplantCallHistoryQuery query = { 0, };

  query.from_date = from;
  query.to_date = to;
  query.timezone = run->job->timezone;
  query.with_calls = TRUE;
  query.with_records = TRUE;
  query.with_other_resources = TRUE;
  query.without_total_count = run->offset > 0;
  query.count = GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT;
  query.offset = run->offset;
  govorun_voximplant_client_get_call_history_async (run->client, &query,
                                                    g_task_get_cancellable (task),
                                                    page_cb, g_object_ref (task));
}

static void
account_info_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  GError *error = NULL;
  Window window;

  info = govorun_voximplant_client_get_account_info_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                            result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  run->currency = g_strdup (info->currency);

  window.from = run->job->history_start;
  if (run->state->watermark > 0)
    window.from = MAX (window.from, run->state->watermark - GOVORUN_CALL_SYNC_OVERLAP_SECS);
  window.to = run->job->now;
  run->span_start = window.from;
  if (window.from <= window.to)
    g_array_append_val (run->windows, window);
  next_window (task);
}

static void
client_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  run->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (object),
                                                          result, &error);
  if (run->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_voximplant_client_get_account_info_async (run->client, g_task_get_cancellable (task),
                                                    account_info_cb, g_object_ref (task));
}

static void
state_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  run->state = govorun_call_sync_state_load_finish (GOVORUN_STORE (object), result, &error);
  if (run->state == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_client_factory_voximplant_async (run->job->factory, run->job->account, NULL,
                                           g_task_get_cancellable (task), client_cb,
                                           g_object_ref (task));
}

void
_govorun_call_sync_voximplant_async (GovorunCallSyncJob  *job,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  g_task_set_source_tag (task, _govorun_call_sync_voximplant_async);
  run->job = job;
  run->windows = g_array_new (FALSE, FALSE, sizeof (Window));
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  govorun_call_sync_state_load_async (job->store, govorun_account_get_uuid (job->account),
                                      GOVORUN_CALL_SYNC_PROVIDER_VOXIMPLANT, cancellable,
                                      state_cb, g_object_ref (task));
}

gboolean
_govorun_call_sync_voximplant_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
