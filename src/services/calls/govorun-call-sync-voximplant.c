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

/* A window being read. */
typedef struct
{
  Window     window;
  guint      generation; /* its requests carry it: answers of a window gone are dropped */
  gint64     total;      /* sessions in the window; -1 unknown */
  guint      n_pages;    /* once its total is known */
  guint      requested;  /* pages asked for */
  gboolean   first_in;   /* its first page came */
  gboolean   capped;     /* holds more than the offset cap reaches: read to the
                          * cap, then the rest from its last page's start */
  gboolean   rest_known; /* capped: its rest is on the stack */
  GPtrArray *pages;      /* by number: the page's records (GPtrArray of GovorunCallRecord), or NULL */
} Part;

typedef struct
{
  GovorunCallSyncJob      *job;       /* borrowed */
  GovorunVoximplantClient *client;
  char                    *currency;
  GovorunCallSyncState    *state;     /* what is stored */
  GArray                  *windows;   /* of Window: a stack, the earliest last */
  Part                    *cur;       /* being written */
  GQueue                   ahead;     /* of Part: the next windows, asked for early */
  guint                    generations;
  guint                    writing;   /* cur's first page being written, or the next to write */
  guint                    batch;     /* pages being written */
  gboolean                 write_busy;
  gboolean                 failed;    /* the task has returned an error */
  gint64                   span_start;
  GPtrArray               *records;   /* the page being written */
  GovorunCallSyncState    *next_state;
  gboolean                 last_page;
} Run;

/* Pages asked for ahead of the one being written: the requests and their
 * parsing overlap the writes. Once a window's pages are all asked for,
 * the next windows' are, as many as the reach holds (a window's first
 * page comes some 40 ms after it is asked for; with 150 windows of some
 * seven pages for a million calls, the writer waited for one in three of
 * them when only the next window was asked for early). */
#define PREFETCH 10

/* Pages written in one transaction at most: the writer's share of a
 * million calls' sync was a third waiting between pages. */
#define MAX_BATCH 8

static void
part_free (Part *part)
{
  if (part == NULL)
    return;
  g_ptr_array_unref (part->pages);
  g_free (part);
}

/* A page's records, if it came. */
static void
records_unref (gpointer records)
{
  if (records != NULL)
    g_ptr_array_unref (records);
}

/* The earliest window left, or NULL. */
static Part *
part_pop (Run *run)
{
  Part *part;

  if (run->windows->len == 0)
    return NULL;
  part = g_new0 (Part, 1);
  part->window = g_array_index (run->windows, Window, run->windows->len - 1);
  g_array_set_size (run->windows, run->windows->len - 1);
  part->generation = ++run->generations;
  part->total = -1;
  /* Until the first page tells: one, or the pages a part of a split
   * window surely has, asked for together (see request_part()). */
  part->n_pages = MAX (1, MIN (part->window.full_pages, PREFETCH + 1));
  part->pages = g_ptr_array_new_with_free_func (records_unref);
  return part;
}

/* Gives @part's window back to the stack (it comes next). */
static void
part_push_back (Run  *run,
                Part *part)
{
  g_array_append_val (run->windows, part->window);
  part_free (part);
}

/* Gives the windows asked for early after @part back to the stack (all of
 * them when @part is the one being written); they come after it again. */
static void
ahead_push_back (Run  *run,
                 Part *part)
{
  GList *keep = part != run->cur ? g_queue_find (&run->ahead, part) : NULL;

  while (run->ahead.tail != NULL && run->ahead.tail != keep)
    part_push_back (run, g_queue_pop_tail (&run->ahead));
}

static void
run_free (Run *run)
{
  g_clear_object (&run->client);
  g_free (run->currency);
  govorun_call_sync_state_free (run->state);
  govorun_call_sync_state_free (run->next_state);
  g_clear_pointer (&run->windows, g_array_unref);
  g_clear_pointer (&run->records, g_ptr_array_unref);
  part_free (run->cur);
  g_queue_clear_full (&run->ahead, (GDestroyNotify) part_free);
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

/* The window written is done: the next one (asked for already, perhaps). */
static void
next_window (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  g_clear_pointer (&run->cur, part_free);
  run->cur = !g_queue_is_empty (&run->ahead) ? g_queue_pop_head (&run->ahead) : part_pop (run);
  run->writing = 0;
  if (run->cur == NULL)
    {
      /* A first sync written in bulk (this one, or one stopped earlier)
       * is settled at its end; the service finishes it in the background. */
      govorun_call_records_settle_bulk_async (run->job->store, g_task_get_cancellable (task),
                                              bulk_settled_cb, g_object_ref (task));
      return;
    }
  request_pages (task);
  write_next (task);
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

  /* Pages asked for past a short last page are not needed: their answers
   * find no window of theirs. */
  if (run->last_page)
    {
      next_window (task);
      return;
    }
  run->writing += run->batch;
  request_pages (task);
  write_next (task);
}

/* The rest of capped @part, which is read next: from the second its cap's
 * last session began in (@last) again, or past it when the whole cap's
 * sessions began in it. Known once that last page is in, so its first
 * pages are asked for while the cap's are written. */
static void
push_rest (Run  *run,
           Part *part,
           gint64 last)
{
  Window rest = { last > part->window.from ? last : last + 1, part->window.to, 0 };

  part->rest_known = TRUE;
  /* None after it is asked for until its rest is known (request_pages()). */
  ahead_push_back (run, part);
  if (rest.from <= rest.to)
    g_array_append_val (run->windows, rest);
}

/* Writes the window's next page in order once it is in, with the
 * watermark after it; with the pages after it that are in too, up to
 * MAX_BATCH, when the writer fell behind: one transaction for them all
 * (each write costs a commit and a wait for this thread besides its
 * rows). */
static void
write_next (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  Part *part = run->cur;
  GovorunCallRecord *latest = NULL;
  gint64 watermark;

  if (run->failed || run->write_busy || part == NULL || run->writing >= part->pages->len ||
      g_ptr_array_index (part->pages, run->writing) == NULL)
    return;

  run->batch = 0;
  run->last_page = FALSE;
  for (guint number = run->writing;
       !run->last_page && run->batch < MAX_BATCH && number < part->pages->len &&
       g_ptr_array_index (part->pages, number) != NULL;
       number++)
    {
      GPtrArray *page = g_steal_pointer (&g_ptr_array_index (part->pages, number));
      guint offset = number * GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT;
      guint n = page->len;

      run->last_page = n < GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT ||
                       number + 1 >= part->n_pages ||
                       offset + n > GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_OFFSET;
      if (n > 0)
        latest = g_ptr_array_index (page, n - 1);
      if (run->records == NULL)
        run->records = page;
      else
        g_ptr_array_extend_and_steal (run->records, page);
      run->batch++;
    }

  /* Everything before the last session's start is read (ascending order;
   * sessions of that same second may follow on the next page). */
  if (run->last_page && part->capped && latest != NULL)
    {
      gint64 last = govorun_call_record_get_started_at (latest);

      if (!part->rest_known)
        push_rest (run, part, last);
      /* Its rest is read next: a sync stopped here resumes with it. */
      watermark = last;
    }
  else if (run->last_page || latest == NULL)
    watermark = part->window.to + 1;
  else
    watermark = govorun_call_record_get_started_at (latest);
  run->next_state = govorun_call_sync_state_copy (run->state);
  run->next_state->watermark = MAX (run->state->watermark, watermark);

  run->write_busy = TRUE;
  /* In bulk when the history is empty (a first sync) or a bulk is under
   * way (a first sync that stopped); otherwise as any page. */
  _govorun_call_sync_write_page_async (run->job, run->records, run->next_state, TRUE,
                                       g_task_get_cancellable (task), written_cb,
                                       g_object_ref (task));
}

/* A page's sessions as records, joined on a worker thread when the page
 * comes: while the writer writes the one before, and away from this
 * thread, which dispatches the writes (joined here, each page held the
 * next write back some two milliseconds). */
typedef struct
{
  GovorunVoximplantCallHistoryPage *page;
  GovorunCallAgents                *agents;
  char                             *currency;
  char                             *account_uuid;
  GPtrArray                        *records;
} Join;

static void
join_free (Join *join)
{
  g_clear_pointer (&join->page, govorun_voximplant_call_history_page_free);
  _govorun_call_agents_unref (join->agents);
  g_free (join->currency);
  g_free (join->account_uuid);
  g_clear_pointer (&join->records, g_ptr_array_unref);
  g_free (join);
}

static void
join_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Join *join = task_data;
  GPtrArray *sessions = join->page->sessions;

  join->records = g_ptr_array_new_full (sessions->len, g_object_unref);
  for (guint i = 0; i < sessions->len; i++)
    {
      GovorunCallRecord *record = _govorun_call_join_session (g_ptr_array_index (sessions, i),
                                                              join->currency, join->agents,
                                                              join->account_uuid);

      _govorun_recordings_info_from_session (record, g_ptr_array_index (sessions, i),
                                             join->account_uuid);
      g_ptr_array_add (join->records, record);
    }
  /* Freed here too: a page's sessions are some ten thousand blocks. */
  g_clear_pointer (&join->page, govorun_voximplant_call_history_page_free);
  g_task_return_boolean (task, TRUE);
}

typedef struct
{
  GTask *task;
  guint  number;
  guint  generation;
} PageRequest;

/* A window that holds more than the offset cap lets it reach: its parts
 * on the stack, as many as its total needs if calls are spread evenly
 * (each part is cut again if they are not), the latest first. */
static void
split (Run  *run,
       Part *part)
{
  gint64 span = part->window.to - part->window.from + 1;
  gint64 parts = MIN (span, MAX (2, part->total / (MAX_REACH * 3 / 4) + 1));

  for (gint64 i = parts - 1; i >= 0; i--)
    {
      /* Its full pages if calls are spread evenly (less: a window that
       * holds fewer answers with an empty page or two). */
      Window piece = { part->window.from + span * i / parts,
                       part->window.from + span * (i + 1) / parts - 1,
                       (guint) (part->total / parts / GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT) };

      g_array_append_val (run->windows, piece);
    }
  part_free (part);
}

/* The window a request was for, if it is still being read. */
static Part *
find_part (Run         *run,
           PageRequest *request)
{
  if (run->cur != NULL && run->cur->generation == request->generation)
    return run->cur;
  for (GList *l = run->ahead.head; l != NULL; l = l->next)
    if (((Part *) l->data)->generation == request->generation)
      return l->data;
  return NULL;
}

static void
joined_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PageRequest *request = user_data;
  g_autoptr(GTask) task = request->task;
  Run *run = g_task_get_task_data (task);
  Join *join = g_task_get_task_data (G_TASK (result));
  Part *part = find_part (run, request);
  guint number = request->number;

  g_free (request);
  if (run->failed || part == NULL || number >= part->n_pages)
    return;
  if (part->pages->len <= number)
    g_ptr_array_set_size (part->pages, number + 1);
  g_ptr_array_index (part->pages, number) = g_steal_pointer (&join->records);
  if (part->capped && !part->rest_known && number + 1 == part->n_pages)
    {
      GPtrArray *records = g_ptr_array_index (part->pages, number);

      if (records->len > 0)
        {
          push_rest (run, part,
                     govorun_call_record_get_started_at (g_ptr_array_index (records, records->len - 1)));
          request_pages (task);
        }
    }
  write_next (task);
}

/* Joins page @number of @part (taking @page) on a worker thread;
 * joined_cb() puts its records in place. */
static void
join_page_async (GTask                            *task,
                 Part                             *part,
                 guint                             number,
                 GovorunVoximplantCallHistoryPage *page)
{
  Run *run = g_task_get_task_data (task);
  PageRequest *joined = g_new0 (PageRequest, 1);
  Join *join = g_new0 (Join, 1);
  g_autoptr(GTask) join_task = g_task_new (NULL, NULL, joined_cb, joined);

  joined->task = g_object_ref (task);
  joined->number = number;
  joined->generation = part->generation;
  join->page = page;
  join->agents = _govorun_call_agents_ref (run->job->agents);
  join->currency = g_strdup (run->currency);
  join->account_uuid = g_strdup (govorun_account_get_uuid (run->job->account));
  g_task_set_source_tag (join_task, join_in_thread);
  g_task_set_task_data (join_task, join, (GDestroyNotify) join_free);
  g_task_run_in_thread (join_task, join_in_thread);
}

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
  Part *part = find_part (run, request);

  g_free (request);
  page = govorun_voximplant_client_get_call_history_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                            result, &error);
  /* Of a window split meanwhile or done, or past a short last page. */
  if (run->failed || part == NULL || (page != NULL && number >= part->n_pages))
    {
      g_clear_error (&error);
      g_clear_pointer (&page, govorun_voximplant_call_history_page_free);
      return;
    }
  if (page == NULL)
    {
      fail (task, error);
      return;
    }

  if (number == 0)
    {
      part->first_in = TRUE;
      part->total = page->total_count;
      /* A window far over the cap is cut into parts, its pages asked for
       * so far dropped; one less far over is read to the cap and then
       * from there on (cut, its busiest part's pages were dropped too). */
      if (part->total > 2 * MAX_REACH && part->window.to > part->window.from)
        {
          /* Nothing before its first session: the parts cut from there
           * (a history that began lately is not cut into empty parts). */
          if (page->sessions->len > 0)
            {
              const GovorunVoximplantCallSession *first = g_ptr_array_index (page->sessions, 0);
              gint64 start = g_date_time_to_unix (first->start_date);

              part->window.from = CLAMP (start, part->window.from, part->window.to);
            }
          govorun_voximplant_call_history_page_free (page);
          /* The windows after it come after its parts. */
          ahead_push_back (run, part);
          if (part == run->cur)
            {
              run->cur = NULL;
              split (run, part);
              next_window (task);
            }
          else
            {
              g_queue_remove (&run->ahead, part);
              split (run, part);
              request_pages (task);
            }
          return;
        }
      part->n_pages = part->total < 0 ? G_MAXUINT
                      : (guint) MIN ((part->total + GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT - 1) /
                                     GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT,
                                     MAX_REACH / GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT);
      part->n_pages = MAX (part->n_pages, 1);
      part->capped = part->total > MAX_REACH && part->window.to > part->window.from;
      if (number >= part->n_pages)
        {
          govorun_voximplant_call_history_page_free (page);
          return;
        }
    }

  /* Asked for the next ones first, so the server works meanwhile. */
  request_pages (task);
  join_page_async (task, part, number, page);
}

static void
request_page (GTask *task,
              Part  *part)
{
  Run *run = g_task_get_task_data (task);
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (part->window.from);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (part->window.to);
  GovorunVoximplantCallHistoryQuery query = { 0, };
  PageRequest *request = g_new0 (PageRequest, 1);
  guint number = part->requested++;

  query.from_date = from;
  query.to_date = to;
  query.timezone = run->job->timezone;
  query.with_calls = TRUE;
  query.with_records = TRUE;
  query.with_other_resources = TRUE;
  query.without_total_count = number > 0;
  query.count = GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT;
  query.offset = number * GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT;
  request->task = g_object_ref (task);
  request->number = number;
  request->generation = part->generation;
  govorun_voximplant_client_get_call_history_async (run->client, &query,
                                                    g_task_get_cancellable (task),
                                                    page_cb, request);
}

/* Whether @part may ask for page @part->requested, numbered @budget at
 * most: without a total (not asked for, or the first page still on its
 * way) the first alone, or the pages a part of a split window surely has,
 * or (@one_by_one) the page being written's successor. */
static gboolean
may_request (const Part *part,
             guint       budget,
             gboolean    one_by_one)
{
  return part->requested < part->n_pages && part->requested <= budget &&
         (part->requested == 0 || part->total >= 0 || part->requested < part->window.full_pages ||
          one_by_one);
}

/* Whether the windows after @part may be asked for: its first page told
 * its total and all its pages are asked for (and, capped, its rest is
 * known, which comes right after it). */
static gboolean
part_known (const Part *part)
{
  return part->first_in && part->total >= 0 && part->requested >= part->n_pages &&
         (!part->capped || part->rest_known);
}

/* Asks for the window's pages up to PREFETCH ahead of the one written,
 * then for the next windows' within the same reach. */
static void
request_pages (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  Part *cur = run->cur;
  gint64 budget;

  if (run->failed || cur == NULL)
    return;
  while (may_request (cur, run->writing + PREFETCH, cur->requested == run->writing))
    request_page (task, cur);

  if (!part_known (cur))
    return;
  budget = (gint64) PREFETCH - (cur->n_pages - run->writing);
  for (GList *l = run->ahead.head; budget >= 0; l = l->next)
    {
      Part *part;

      if (l == NULL)
        {
          if ((part = part_pop (run)) == NULL)
            return;
          g_queue_push_tail (&run->ahead, part);
          l = run->ahead.tail;
        }
      part = l->data;
      while (may_request (part, (guint) budget, FALSE))
        request_page (task, part);
      if (!part_known (part))
        return;
      budget -= part->n_pages;
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
