/* bench-calls.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBenchCalls"

#include "config.h"

#include <string.h>

#include "call-test-data.h"
#include "govorun-call-records.h"
#include "govorun-call-search.h"
#include "govorun-store-private.h"
#include "store-test-util.h"

/*
 * The call history's figures (product.md, "Quality bars"), printed as
 * `bench: <name> = <value> <unit>`:
 * - ingest: generated calls (three in four with a transcript) upserted a
 *   page of 1000 at a time through govorun_call_records_upsert_async(),
 *   against a raw SQLite upsert of the same rows into the same schema in
 *   the same run (ratio, target ≥ 0.5);
 * - the first page of the Calls list (count + 100 rows, what
 *   GovorunCallList asks for) after a filter, sort or search change, p95
 *   (target ≤ 100 ms); transcript search p95; the summary line.
 *
 * GOVORUN_BENCH_CALLS sets the number of calls (default 1,000,000), and
 * GOVORUN_BENCH_RAW_CALLS how many of them go both ways for the ratio
 * (default 100,000: the raw copy is only a yardstick, and writing a
 * million rows twice takes long on a busy machine).
 * `meson test --benchmark -C _build bench-calls`
 */

#define PAGE 1000

static GPtrArray *
make_page (guint first,
           guint n)
{
  GPtrArray *page = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (page, call_test_make (i, TRUE));
  return page;
}

/* --- raw SQLite: the same rows, the same tables, no layers ------------------ */

static const char raw_upsert_sql[] =
  "INSERT INTO calls (vox_session_id, vox_call_id, el_conversation_id, agent_uuid, campaign_id,"
  " contact_id, direction, from_number, to_number, started_at, duration, status, finish_reason,"
  " success, vox_cost, vox_currency, el_cost, el_currency, cost_total, has_recording, summary)"
  " VALUES (?1, ?2, ?3, ?4, NULL, NULL, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
  " ?17, ?18, ?19)"
  " ON CONFLICT (vox_session_id) DO UPDATE SET el_conversation_id = excluded.el_conversation_id,"
  " duration = excluded.duration, status = excluded.status, success = excluded.success,"
  " vox_cost = excluded.vox_cost, el_cost = excluded.el_cost, cost_total = excluded.cost_total,"
  " summary = excluded.summary"
  " RETURNING id";

static void
raw_check (int      rc,
           sqlite3 *db)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("SQLite: %s", sqlite3_errmsg (db));
}

static void
raw_page (sqlite3      *db,
          sqlite3_stmt *upsert,
          sqlite3_stmt *turn,
          sqlite3_stmt *fts,
          GPtrArray    *page)
{
  raw_check (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), db);
  for (guint i = 0; i < page->len; i++)
    {
      GovorunCallRecord *r = g_ptr_array_index (page, i);
      GPtrArray *turns = govorun_call_record_get_transcript (r);
      g_autofree char *from = govorun_call_search_number_forms (govorun_call_record_get_from_number (r));
      g_autofree char *to = govorun_call_search_number_forms (govorun_call_record_get_to_number (r));
      g_autofree char *numbers = g_strjoin (" ", from, to, NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      gboolean has_el = govorun_call_record_get_el_currency (r) != NULL;
      gint64 id;

      sqlite3_bind_int64 (upsert, 1, govorun_call_record_get_vox_session_id (r));
      sqlite3_bind_int64 (upsert, 2, govorun_call_record_get_vox_call_id (r));
      govorun_store_bind_text (upsert, 3, govorun_call_record_get_el_conversation_id (r));
      govorun_store_bind_text (upsert, 4, govorun_call_record_get_agent_uuid (r));
      sqlite3_bind_int (upsert, 5, govorun_call_record_get_direction (r));
      govorun_store_bind_text (upsert, 6, govorun_call_record_get_from_number (r));
      govorun_store_bind_text (upsert, 7, govorun_call_record_get_to_number (r));
      sqlite3_bind_int64 (upsert, 8, govorun_call_record_get_started_at (r));
      sqlite3_bind_int64 (upsert, 9, govorun_call_record_get_duration (r));
      sqlite3_bind_int (upsert, 10, govorun_call_record_get_status (r));
      govorun_store_bind_text (upsert, 11, govorun_call_record_get_finish_reason (r));
      sqlite3_bind_int (upsert, 12, govorun_call_record_get_success (r));
      sqlite3_bind_double (upsert, 13, govorun_call_record_get_vox_cost (r));
      govorun_store_bind_text (upsert, 14, govorun_call_record_get_vox_currency (r));
      if (has_el)
        sqlite3_bind_double (upsert, 15, govorun_call_record_get_el_cost (r));
      else
        sqlite3_bind_null (upsert, 15);
      govorun_store_bind_text (upsert, 16, govorun_call_record_get_el_currency (r));
      sqlite3_bind_double (upsert, 17, govorun_call_record_get_vox_cost (r) +
                                       (has_el ? govorun_call_record_get_el_cost (r) : 0));
      sqlite3_bind_int (upsert, 18, govorun_call_record_get_has_recording (r));
      govorun_store_bind_text (upsert, 19, govorun_call_record_get_summary (r));
      raw_check (sqlite3_step (upsert), db);
      id = sqlite3_column_int64 (upsert, 0);
      sqlite3_reset (upsert);

      for (guint t = 0; turns != NULL && t < turns->len; t++)
        {
          const GovorunCallTurn *line = g_ptr_array_index (turns, t);

          sqlite3_bind_int64 (turn, 1, id);
          sqlite3_bind_int (turn, 2, t);
          sqlite3_bind_int (turn, 3, line->role);
          sqlite3_bind_text (turn, 4, line->text, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (turn, 5, line->offset_ms);
          raw_check (sqlite3_step (turn), db);
          sqlite3_reset (turn);
          if (t > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, line->text);
        }

      sqlite3_bind_int64 (fts, 1, id);
      sqlite3_bind_text (fts, 2, numbers, -1, SQLITE_STATIC);
      if (turns != NULL)
        sqlite3_bind_text (fts, 3, text->str, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (fts, 3);
      raw_check (sqlite3_step (fts), db);
      sqlite3_reset (fts);
    }
  raw_check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), db);
}

static double
ingest_raw (const char *path,
            guint       n_calls)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *upsert = NULL, *turn = NULL, *fts = NULL;
  sqlite3 *db = NULL;
  double seconds = 0;

  raw_check (sqlite3_open (path, &db), db);
  raw_check (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                           " PRAGMA foreign_keys = ON;", NULL, NULL, NULL), db);
  if (!_govorun_store_migrate_to (db, _govorun_store_get_latest_version (), &error))
    g_error ("%s", error->message);
  raw_check (sqlite3_prepare_v2 (db, raw_upsert_sql, -1, &upsert, NULL), db);
  raw_check (sqlite3_prepare_v2 (db, "INSERT INTO call_turns (call_id, seq, role, text, offset_ms)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &turn, NULL), db);
  raw_check (sqlite3_prepare_v2 (db, "INSERT INTO calls_fts (rowid, numbers, transcript)"
                                 " VALUES (?1, ?2, ?3)", -1, &fts, NULL), db);

  for (guint first = 0; first < n_calls; first += PAGE)
    {
      g_autoptr(GPtrArray) page = make_page (first, MIN (PAGE, n_calls - first));
      gint64 start = g_get_monotonic_time ();

      raw_page (db, upsert, turn, fts, page);
      seconds += (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }

  sqlite3_finalize (upsert);
  sqlite3_finalize (turn);
  sqlite3_finalize (fts);
  sqlite3_close (db);
  return n_calls / seconds;
}

static double
ingest_store (GovorunStore *store,
              guint         first_call,
              guint         n_calls)
{
  double seconds = 0;

  for (guint first = first_call; first < first_call + n_calls; first += PAGE)
    {
      g_autoptr(GPtrArray) page = make_page (first, MIN (PAGE, first_call + n_calls - first));
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      govorun_call_records_upsert_async (store, page, NULL, NULL, test_util_on_result, &result);
      if (!govorun_call_records_upsert_finish (store, test_util_wait (&result), &error))
        g_error ("%s", error->message);
      seconds += (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }
  return n_calls / seconds;
}

/* --- the list's queries ------------------------------------------------------ */

typedef struct
{
  GovorunCallFilter  *filter;
  GovorunCallSortKey  sort;
  gboolean            descending;
} Change;

/* Milliseconds to the first page with its count, as the list asks. */
static double
first_page_ms (GovorunStore *store,
               const Change *change,
               guint        *out_rows)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 count = 0;

  govorun_call_records_fetch_page_async (store, change->filter, change->sort, change->descending,
                                         NULL, 0, 100, TRUE, NULL, test_util_on_result, &result);
  rows = govorun_call_records_fetch_page_finish (store, test_util_wait (&result), &count,
                                                 &error);
  if (rows == NULL)
    g_error ("%s", error->message);
  if (out_rows != NULL)
    *out_rows = (guint) count;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
summary_ms (GovorunStore            *store,
            const GovorunCallFilter *filter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunCallSummary) summary = NULL;
  gint64 start = g_get_monotonic_time ();

  govorun_call_records_summarize_async (store, filter, NULL, test_util_on_result, &result);
  summary = govorun_call_records_summarize_finish (store, test_util_wait (&result), &error);
  if (summary == NULL)
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  p)
{
  guint index;

  g_array_sort (samples, compare_doubles);
  index = (guint) (p * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, index);
}

static void
report_latency (const char *name,
                GArray     *samples)
{
  g_print ("bench: %s_p50 = %.1f ms\n", name, percentile (samples, 0.5));
  g_print ("bench: %s_p95 = %.1f ms\n", name, percentile (samples, 0.95));
  g_print ("bench: %s_max = %.1f ms\n", name, percentile (samples, 1.0));
}

static GPtrArray *
list_changes (void)
{
  GPtrArray *changes = g_ptr_array_new ();

  for (GovorunCallSortKey sort = GOVORUN_CALL_SORT_STARTED_AT; sort <= GOVORUN_CALL_SORT_AGENT; sort++)
    for (guint descending = 0; descending < 2; descending++)
      {
        Change *change = g_new0 (Change, 1);

        change->filter = govorun_call_filter_new ();
        change->sort = sort;
        change->descending = descending;
        g_ptr_array_add (changes, change);
      }

  for (guint k = 0; k < 24; k++)
    {
      Change *change = g_new0 (Change, 1);
      GovorunCallFilter *filter = govorun_call_filter_new ();

      switch (k % 8)
        {
        case 0: filter->status = k % 2 ? GOVORUN_CALL_STATUS_ANSWERED : GOVORUN_CALL_STATUS_NO_ANSWER; break;
        case 1: filter->direction = GOVORUN_CALL_DIRECTION_OUTBOUND; break;
        case 2: filter->success = GOVORUN_CALL_SUCCESS_FAILURE; break;
        case 3: filter->agent_uuid = g_strdup ("agent-hotel"); break;
        case 4: /* Today, 7 days, 30 days, at different ends of the history. */
          filter->started_until = CALL_TEST_BASE_TIME + 86400 * (90 - k);
          filter->started_from = filter->started_until - 86400 * (k % 3 == 0 ? 1 : k % 3 == 1 ? 7 : 30);
          break;
        case 5: filter->search = g_strdup_printf ("8 916 %03u", 100 + k * 37); break;
        case 6: filter->search = g_strdup_printf ("+7 916 %07u", k * 40009); break;
        case 7: /* Filters together. */
          filter->status = GOVORUN_CALL_STATUS_ANSWERED;
          filter->agent_uuid = g_strdup ("agent-clinic");
          filter->started_from = CALL_TEST_BASE_TIME + 86400 * (k % 60);
          filter->started_until = filter->started_from + 86400 * 7;
          break;
        default:
          break;
        }
      change->filter = filter;
      change->sort = k % 3 == 0 ? GOVORUN_CALL_SORT_DURATION : GOVORUN_CALL_SORT_STARTED_AT;
      change->descending = TRUE;
      g_ptr_array_add (changes, change);
    }
  return changes;
}

static void
change_free (Change *change)
{
  govorun_call_filter_free (change->filter);
  g_free (change);
}

static void
bench_queries (GovorunStore *store)
{
  g_autoptr(GPtrArray) changes = list_changes ();
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) common = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) summaries = g_array_new (FALSE, FALSE, sizeof (double));
  const char * const common_phrases[] = {
    "записаться на приём", "гостиница", "подвеска", "с видом на реку", "ТЕРАПЕВТ", "диагностика",
  };

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);
      double ms = first_page_ms (store, change, NULL);

      g_array_append_val (list, ms);
      if (ms > 100)
        g_print ("# slow: %.1f ms: sort %d%s, status %d, direction %d, success %d, agent %s,"
                 " dates %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT ", search “%s”\n", ms,
                 change->sort, change->descending ? " desc" : "", change->filter->status,
                 change->filter->direction, change->filter->success, change->filter->agent_uuid,
                 change->filter->started_from, change->filter->started_until,
                 change->filter->search);
      if (i % 3 == 0)
        {
          ms = summary_ms (store, change->filter);
          g_array_append_val (summaries, ms);
        }
    }

  /* A caller's name: 1 call in 500, the search people make. */
  for (guint k = 0; k < 30; k++)
    {
      g_autofree char *name = call_test_caller_name (k * 10 + 1);
      GovorunCallFilter *filter = govorun_call_filter_new ();
      Change change = { filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE };
      guint rows = 0;
      double ms;

      filter->search = g_strdup (name);
      ms = first_page_ms (store, &change, &rows);
      g_array_append_val (rare, ms);
      if (k == 0)
        g_print ("bench: transcript_search_rare_matches = %u calls\n", rows);
      govorun_call_filter_free (filter);
    }

  /* A dialogue line shared by a third of the history: the worst case. */
  for (guint k = 0; k < 2 * G_N_ELEMENTS (common_phrases); k++)
    {
      GovorunCallFilter *filter = govorun_call_filter_new ();
      Change change = { filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE };
      guint rows = 0;
      double ms;

      filter->search = g_strdup (common_phrases[k % G_N_ELEMENTS (common_phrases)]);
      ms = first_page_ms (store, &change, &rows);
      g_array_append_val (common, ms);
      if (k == 0)
        g_print ("bench: transcript_search_common_matches = %u calls\n", rows);
      govorun_call_filter_free (filter);
    }

  report_latency ("first_page_after_change", list);
  report_latency ("transcript_search_rare", rare);
  report_latency ("transcript_search_common", common);
  report_latency ("summary", summaries);
  g_ptr_array_foreach (changes, (GFunc) change_free, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("GOVORUN_BENCH_CALLS");
  const char *raw_env = g_getenv ("GOVORUN_BENCH_RAW_CALLS");
  guint n_calls = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  guint n_raw = raw_env != NULL ? (guint) g_ascii_strtoull (raw_env, NULL, 10) : 100000;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("govorun-bench-calls-XXXXXX", &error);
  g_autofree char *raw_path = g_build_filename (dir, "raw.db", NULL);
  g_autofree char *store_path = g_build_filename (dir, "govorun.db", NULL);
  double raw_rate, store_rate, rest_rate;

  g_assert_no_error (error);
  n_raw = MIN (n_raw, n_calls);
  g_print ("bench: calls = %u calls\n", n_calls);
  g_print ("bench: calls_compared = %u calls\n", n_raw);

  /* The same first rows both ways, one after the other. */
  raw_rate = ingest_raw (raw_path, n_raw);
  g_print ("bench: ingest_raw_sqlite = %.0f rows/s\n", raw_rate);
  store = store_test_open (store_path);
  store_rate = ingest_store (store, 0, n_raw);
  g_print ("bench: ingest_store = %.0f rows/s\n", store_rate);
  g_print ("bench: ingest_ratio = %.2f (target >= 0.5)\n", store_rate / raw_rate);

  /* The rest of the history, for the queries. */
  if (n_calls > n_raw)
    {
      rest_rate = ingest_store (store, n_raw, n_calls - n_raw);
      g_print ("bench: ingest_store_rest = %.0f rows/s (%u calls into a growing store)\n",
               rest_rate, n_calls - n_raw);
      g_print ("bench: ingest_store_total = %.1f s\n",
               n_raw / store_rate + (n_calls - n_raw) / rest_rate);
    }

  bench_queries (store);

  govorun_store_close (store);
  test_util_rm_rf (dir);
  return 0;
}
