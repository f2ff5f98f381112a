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
#include "govorun-recordings-info-private.h"
#include "govorun-voximplant-account.h"

/* One Voximplant account's part of a sync. GetCallHistory is read in
 * ascending order from the watermark (less the overlap) to the sync's
 * start, in pages of 1000. A page can start at an offset of at most
 * 10,000, so a window holding more sessions than that reaches is cut into
 * parts until each fits; the windows are read in time order, so the
 * watermark written with each page only moves forward and a sync stopped
 * anywhere resumes from it. */

#define MAX_REACH (GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_OFFSET + GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT)

typedef struct
{
  gint64 from;  /* inclusive, Unix seconds */
  gint64 to;    /* inclusive */
  guint  full_pages;  /* a part of a split window: the full pages it likely has */
} Window;

typedef struct
{
  GovorunCallSyncJob      *job;       /* borrowed */
  GovorunVoximplantClient *client;
  char                    *currency;
  GovorunCallSyncState    *state;     /* what is stored */
  GArray                  *windows;   /* of Window: a stack, the earliest last */
  Window                   window;    /* being read */
  gint64                   total;     /* sessions in the window; -1 unknown */
  guint                    n_pages;   /* of the window, once its total is known */
  guint                    requested; /* pages asked for */
  guint                    in_flight;
  GPtrArray               *pages;     /* GovorunVoximplantCallHistoryPage* by number, or NULL */
  guint                    writing;   /* the page being written, or the next to write */
  gboolean                 write_busy;
  gboolean                 failed;    /* the task has returned an error */
  gint64                   span_start;
  GPtrArray               *records;   /* the page being written */
  GovorunCallSyncState    *next_state;
  gboolean                 last_page;
  guint                    generation; /* of the window, for answers of an earlier one */
} Run;

/* Pages asked for ahead of the one being written: the requests and their
 * parsing overlap the writes. */
#define PREFETCH 3

static void
run_free (Run *run)
{
  g_clear_object (&run->client);
  g_free (run->currency);
  govorun_call_sync_state_free (run->state);
  govorun_call_sync_state_free (run->next_state);
  g_clear_pointer (&run->windows, g_array_unref);
  g_clear_pointer (&run->records, g_ptr_array_unref);
  g_clear_pointer (&run->pages, g_ptr_array_unref);
  g_free (run);
}

static void request_pages (GTask *task);
static void write_next (GTask *task);

static void
fail (GTask  *task,
      GError *error)
{
  Run *run = g_task_get_task_data (task);

  if (run->failed)
    {
      g_error_free (error);
      return;
    }
  run->failed = TRUE;
  g_task_return_error (task, error);
}

static void
bulk_settled_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_call_records_settle_bulk_finish (GOVORUN_STORE (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
next_window (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->windows->len == 0)
    {
      /* A first sync written in bulk (this one, or one stopped earlier)
       * is settled at its end; the service finishes it in the background. */
      govorun_call_records_settle_bulk_async (run->job->store, g_task_get_cancellable (task),
                                              bulk_settled_cb, g_object_ref (task));
      return;
    }
  run->window = g_array_index (run->windows, Window, run->windows->len - 1);
  g_array_set_size (run->windows, run->windows->len - 1);
  run->generation++;
  run->total = -1;
  /* Until the first page tells: one, or the pages a part of a split
   * window surely has, asked for together (see request_pages()). */
  run->n_pages = MAX (1, MIN (run->window.full_pages, PREFETCH + 1));
  run->requested = 0;
  run->writing = 0;
  g_ptr_array_set_size (run->pages, 0);
  request_pages (task);
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
  guint changed = 0;
  double fraction;

  run->write_busy = FALSE;
  if (!_govorun_call_sync_write_finish (result, &changed, &error))
    {
      fail (task, error);
      return;
    }
  if (run->failed)
    return;

  govorun_call_sync_state_free (run->state);
  run->state = g_steal_pointer (&run->next_state);
  g_clear_pointer (&run->records, g_ptr_array_unref);
  run->job->written += n;
  fraction = run->job->now > run->span_start
             ? (double) (run->state->watermark - run->span_start) / (double) (run->job->now - run->span_start)
             : 1.0;
  _govorun_call_sync_page_written (run->job, "Voximplant", n, changed,
                                   CLAMP (fraction, 0.0, 1.0));

  if (run->last_page)
    {
      /* Pages asked for past a short last page are not needed. */
      if (run->in_flight == 0)
        next_window (task);
      else
        run->n_pages = run->writing;
      return;
    }
  run->writing++;
  request_pages (task);
  write_next (task);
}

/* Writes the next page in order once it is in, with the watermark after
 * it. */
static void
write_next (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  GovorunVoximplantCallHistoryPage *page;
  guint offset = run->writing * GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT;
  gint64 watermark;
  guint n;

  if (run->failed || run->write_busy || run->writing >= run->pages->len ||
      (page = g_ptr_array_index (run->pages, run->writing)) == NULL)
    return;

  n = page->sessions->len;
  run->last_page = n < GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT ||
                   run->writing + 1 >= run->n_pages ||
                   offset + n > GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_OFFSET;
  run->records = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GovorunCallRecord *record = _govorun_call_join_session (g_ptr_array_index (page->sessions, i),
                                                              run->currency, run->job->agents,
                                                              run->job->account);

      _govorun_recordings_info_from_session (record, g_ptr_array_index (page->sessions, i),
                                             govorun_account_get_uuid (run->job->account));
      g_ptr_array_add (run->records, record);
    }
  /* The page's sessions are records now. */
  g_ptr_array_index (run->pages, run->writing) = NULL;
  govorun_voximplant_call_history_page_free (page);

  /* Everything before the last session's start is read (ascending order;
   * sessions of that same second may follow on the next page). */
  if (run->last_page)
    watermark = run->window.to + 1;
  else
    watermark = govorun_call_record_get_started_at (g_ptr_array_index (run->records, n - 1));
  run->next_state = govorun_call_sync_state_copy (run->state);
  run->next_state->watermark = MAX (run->state->watermark, watermark);

  run->write_busy = TRUE;
  /* In bulk when the history is empty (a first sync) or a bulk is under
   * way (a first sync that stopped); otherwise as any page. */
  _govorun_call_sync_write_page_async (run->job, run->records, run->next_state, TRUE,
                                       g_task_get_cancellable (task), written_cb,
                                       g_object_ref (task));
}

typedef struct
{
  GTask *task;
  guint  number;
  guint  generation;
} PageRequest;

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PageRequest *request = user_data;
  g_autoptr(GTask) task = request->task;
  Run *run = g_task_get_task_data (task);
  GovorunVoximplantCallHistoryPage *page;
  GError *error = NULL;
  guint number = request->number;
  gboolean earlier = request->generation != run->generation;

  g_free (request);
  run->in_flight--;
  page = govorun_voximplant_client_get_call_history_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                            result, &error);
  if (page == NULL)
    {
      fail (task, error);
      return;
    }
  /* Of a window that was split meanwhile, or past a short last page. */
  if (run->failed || earlier || number >= run->n_pages)
    {
      /* Past a short last page: not needed. */
      govorun_voximplant_call_history_page_free (page);
      if (!run->failed && run->in_flight == 0 && !run->write_busy && run->writing >= run->n_pages)
        next_window (task);
      return;
    }

  if (number == 0)
    {
      run->total = page->total_count;
      /* More than the offset cap lets a window reach: read it in parts,
       * as many as its total needs if calls are spread evenly (each part
       * is cut again if they are not), pushed latest first. */
      if (run->total > MAX_REACH && run->window.to > run->window.from)
        {
          gint64 span = run->window.to - run->window.from + 1;
          gint64 parts = MIN (span, MAX (2, run->total / (MAX_REACH * 3 / 4) + 1));

          govorun_voximplant_call_history_page_free (page);
          for (gint64 i = parts - 1; i >= 0; i--)
            {
              /* Its full pages if calls are spread evenly (less: a window
               * that holds fewer answers with an empty page or two). */
              Window part = { run->window.from + span * i / parts,
                              run->window.from + span * (i + 1) / parts - 1,
                              (guint) (run->total / parts / GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT) };

              g_array_append_val (run->windows, part);
            }
          next_window (task);
          return;
        }
      run->n_pages = run->total < 0 ? G_MAXUINT
                     : (guint) MIN ((run->total + GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT - 1) /
                                    GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT,
                                    MAX_REACH / GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT);
      run->n_pages = MAX (run->n_pages, 1);
    }

  if (run->pages->len <= number)
    g_ptr_array_set_size (run->pages, number + 1);
  g_ptr_array_index (run->pages, number) = page;
  request_pages (task);
  write_next (task);
}

/* Asks for the window's pages up to PREFETCH ahead of the one written;
 * without a total (not asked for, or the first page still on its way)
 * one at a time — except the pages a part of a split window surely has,
 * asked for with its first: a window's first page alone, then the rest,
 * left the writer idle twice per window (180 windows for a million). */
static void
request_pages (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  while (!run->failed && run->requested < run->n_pages &&
         run->requested <= run->writing + PREFETCH &&
         (run->requested == 0 || run->total >= 0 || run->requested == run->writing ||
          run->requested < run->window.full_pages))
    {
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (run->window.from);
      g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (run->window.to);
      GovorunVoximplantCallHistoryQuery query = { 0, };
      PageRequest *request = g_new0 (PageRequest, 1);
      guint number = run->requested++;

      query.from_date = from;
      query.to_date = to;
      query.timezone = run->job->timezone;
      query.with_calls = TRUE;
      query.with_records = TRUE;
      query.with_other_resources = TRUE;
      query.without_total_count = number > 0;
      query.count = GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT;
      query.offset = number * GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT;
      run->in_flight++;
      request->task = g_object_ref (task);
      request->number = number;
      request->generation = run->generation;
      govorun_voximplant_client_get_call_history_async (run->client, &query,
                                                        g_task_get_cancellable (task),
                                                        page_cb, request);
    }
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
  Window window = { 0, };

  info = govorun_voximplant_client_get_account_info_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                            result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  run->currency = g_strdup (info->currency);

  window.from = _govorun_call_sync_job_start_from (run->job, run->state);
  window.to = run->job->now;
  run->span_start = window.from;
  if (window.from <= window.to)
    g_array_append_val (run->windows, window);
  next_window (task);
}

static void
begun_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!_govorun_call_sync_begin_finish (result, &run->state, (gpointer *) &run->client, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  govorun_voximplant_client_get_account_info_async (run->client, g_task_get_cancellable (task),
                                                    account_info_cb, g_object_ref (task));
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
  run->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_call_history_page_free);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  _govorun_call_sync_begin_async (job, GOVORUN_CALL_SYNC_PROVIDER_VOXIMPLANT, cancellable,
                                  begun_cb, g_object_ref (task));
}

gboolean
_govorun_call_sync_voximplant_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
