/* bench-call-analysis.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBenchCallAnalysis"

#include "config.h"

#include <time.h>

#include "govorun-call-analysis-records.h"
#include "govorun-call-analysis-totals-private.h"
#include "govorun-call-records.h"
#include "govorun-store-private.h"
#include "store-test-util.h"

/*
 * ElevenLabs' analysis over a large history (issue 13 in Calls and the
 * Overview), printed as `bench: <name> = <value> <unit>` (medians of 5):
 * - analysis-filter-first-page: the Calls list's first page (100 rows and
 *   a count capped at 2000, as the list asks) filtered by
 *   "urgency = высокая", and by "appointment_date is set";
 * - analysis-fields: what the filter popover lists (index seeks);
 * - analysis-count-90d: the Overview's analysis of 90 days (from the
 *   totals kept per hour and day), for one agent, and counted directly
 *   over the rows as before the totals (one run);
 * - analysis-totals-rebuild: the totals made again from a million calls'
 *   analysis, as after a bulk load; analysis-details-10k: 10,000 calls'
 *   details stored again with the totals' triggers, and with the
 *   triggers suspended then the totals rebuilt.
 * Over GOVORUN_BENCH_CALLS calls (default 1,000,000), four in five with a
 * conversation carrying 3 criteria and 3 data items; GOVORUN_BENCH_DB
 * keeps that history between runs.
 * `meson test --benchmark -C _build bench-call-analysis --verbose`
 */

#define RUNS 5

static const char fill_sql[] =
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)"
  " INSERT INTO calls (vox_session_id, el_conversation_id, agent_uuid, direction, from_number,"
  " to_number, started_at, duration, status, success)"
  " SELECT 30000000 + i, IIF (i % 5 < 4, 'an_' || i, NULL), 'agent-' || (i % 5),"
  " IIF (i % 4 = 0, 2, 1), printf ('7916%07d', i % 10000000), '74951234567',"
  " ?2 + (i * 7919 % 90) * 86400 + i * 17 % 86400, IIF (i % 5 < 4, 30 + i % 600, 0),"
  " IIF (i % 5 < 4, 1, 2), IIF (i % 5 < 4, IIF (i % 3 = 0, 2, 1), 0) FROM n;"
  "INSERT INTO call_analysis (conversation_id, seq, kind, name, result, rationale)"
  " SELECT el_conversation_id, k.seq, k.kind, k.name,"
  "  CASE k.name"
  /* Values drawn at random: a pattern in the id would line up with the
   * days the ids are spread over. */
  "   WHEN 'urgency' THEN CASE ((random () & 65535) % 6) WHEN 0 THEN 'высокая' WHEN 4 THEN 'низкая'"
  "    WHEN 5 THEN 'низкая' ELSE 'обычная' END"
  "   WHEN 'appointment_date' THEN IIF ((random () & 1) = 0, date (started_at, 'unixepoch', '+3 days'), NULL)"
  "   WHEN 'outcome' THEN CASE ((random () & 65535) % 3) WHEN 0 THEN 'отказ' WHEN 1 THEN 'записан'"
  "    ELSE 'перезвонить' END"
  "   ELSE CASE ((random () & 65535) % 7) WHEN 0 THEN 'failure' WHEN 1 THEN 'unknown' ELSE 'success' END END,"
  "  'Со слов клиента.'"
  " FROM calls, (SELECT 0 AS seq, 1 AS kind, 'client_satisfied' AS name"
  "  UNION ALL SELECT 1, 1, 'goal_reached' UNION ALL SELECT 2, 1, 'robot_disclosed'"
  "  UNION ALL SELECT 3, 2, 'appointment_date' UNION ALL SELECT 4, 2, 'outcome'"
  "  UNION ALL SELECT 5, 2, 'urgency') AS k"
  " WHERE el_conversation_id IS NOT NULL";

typedef struct
{
  gint64 n;
  gint64 start;
} Fill;

/* The triggers of the analysis' totals suspended for the fill, then the
 * totals rebuilt at once, as a bulk load does. */
static gboolean
sql_rebuild (sqlite3         *db,
             gpointer         data,
             gpointer        *out_result,
             GDestroyNotify  *out_result_destroy,
             GError         **error)
{
  return govorun_call_analysis_totals_rebuild (db, error);
}

/* The details of @data conversations stored again (delete, then insert,
 * as govorun-call-info-rows.c does), with the totals' triggers on or
 * suspended: what the triggers cost a sync. */
typedef struct
{
  guint    n;
  gboolean suspend;
} Redo;

static gboolean
sql_redo (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  Redo *redo = data;
  g_autofree char *sql = g_strdup_printf (
    "CREATE TEMP TABLE redo AS SELECT * FROM call_analysis"
    " WHERE conversation_id IN (SELECT el_conversation_id FROM calls"
    "  WHERE el_conversation_id IS NOT NULL ORDER BY id LIMIT %u);"
    "CREATE INDEX temp.redo_conversation ON redo (conversation_id);", redo->n);
  sqlite3_stmt *del = NULL, *ins = NULL, *ids = NULL;
  gboolean ok = TRUE;

  if (redo->suspend && !govorun_call_analysis_totals_suspend (db, error))
    return FALSE;
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT DISTINCT conversation_id FROM redo", -1, &ids, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "DELETE FROM call_analysis WHERE conversation_id = ?1", -1, &del, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO call_analysis SELECT * FROM redo WHERE conversation_id = ?1",
                          -1, &ins, NULL) != SQLITE_OK)
    ok = govorun_store_set_sqlite_error (error, db);
  while (ok && sqlite3_step (ids) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (ids, 0);

      sqlite3_bind_text (del, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (ins, 1, id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (del) != SQLITE_DONE || sqlite3_step (ins) != SQLITE_DONE)
        ok = govorun_store_set_sqlite_error (error, db);
      sqlite3_reset (del);
      sqlite3_reset (ins);
    }
  sqlite3_finalize (ids);
  sqlite3_finalize (del);
  sqlite3_finalize (ins);
  if (ok && sqlite3_exec (db, "DROP TABLE temp.redo", NULL, NULL, NULL) != SQLITE_OK)
    ok = govorun_store_set_sqlite_error (error, db);
  if (ok && redo->suspend)
    ok = govorun_call_analysis_totals_rebuild (db, error);
  return ok;
}

static gboolean
sql_fill (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  Fill *fill = data;
  const char *tail = fill_sql;

  if (!govorun_call_analysis_totals_suspend (db, error))
    return FALSE;
  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      gboolean ok;

      if (sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail) != SQLITE_OK)
        return govorun_store_set_sqlite_error (error, db);
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, fill->n);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        sqlite3_bind_int64 (stmt, 2, fill->start);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the whole process (the store's threads included). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *times)
{
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

/* One query of a timed run. */
typedef struct
{
  GovorunStore            *store;
  const GovorunCallFilter *filter;
  gint64                   count;  /* the first page's (capped) count */
} Probe;

typedef void (*ProbeFunc) (Probe *probe);

static void
probe_first_page (Probe *probe)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gboolean at_least = FALSE;

  govorun_call_records_fetch_first_page_async (probe->store, probe->filter, GOVORUN_CALL_SORT_STARTED_AT,
                                               TRUE, 100, 2000, NULL, test_util_on_result, &result);
  records = govorun_call_records_fetch_first_page_finish (probe->store, test_util_wait (&result),
                                                          &probe->count, &at_least, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 100);
}

static void
probe_count (Probe *probe)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  govorun_call_analysis_records_count_async (probe->store, probe->filter, 30, NULL, test_util_on_result,
                                             &result);
  fields = govorun_call_analysis_records_count_finish (probe->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, 6);
}

/* The median wall time of @runs (at most RUNS) of @func, and the median
 * CPU time in @out_cpu. */
static double
time_runs (ProbeFunc  func,
           Probe     *probe,
           guint      runs,
           double    *out_cpu)
{
  double times[RUNS], cpus[RUNS];

  for (guint run = 0; run < runs; run++)
    {
      double start = now_ms (), cpu = cpu_ms ();

      func (probe);
      times[run] = now_ms () - start;
      cpus[run] = cpu_ms () - cpu;
    }
  for (guint run = runs; run < RUNS; run++)
    {
      times[run] = times[0];
      cpus[run] = cpus[0];
    }
  *out_cpu = median (cpus);
  return median (times);
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("GOVORUN_BENCH_CALLS");
  const char *keep = g_getenv ("GOVORUN_BENCH_DB");
  gboolean filled;
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-bench-analysis-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "govorun.db", NULL);
  g_autoptr(GovorunStore) store = NULL;
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  double times[RUNS];
  double cpu = 0, wall;
  gint64 count = 0;
  Probe probe = { NULL, NULL, 0 };
  double start;

  /* GOVORUN_BENCH_DB: a history kept between runs (filled when missing). */
  if (keep != NULL)
    {
      g_free (db);
      db = g_strdup (keep);
    }
  filled = keep != NULL && g_file_test (keep, G_FILE_TEST_EXISTS);
  store = store_test_open (db);
  probe.store = store;
  if (!filled)
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    Fill fill = { n, now - 90 * 86400 };
    double cpu_start;

    start = now_ms ();
    govorun_store_write_async (store, sql_fill, &fill, NULL, NULL, test_util_on_result, &result);
    govorun_store_write_finish (store, test_util_wait (&result), &error);
    g_assert_no_error (error);
    g_print ("filled %u calls with analysis in %.0f ms\n", n, now_ms () - start);
    g_clear_object (&result);
    start = now_ms ();
    cpu_start = cpu_ms ();
    govorun_store_write_async (store, sql_rebuild, NULL, NULL, NULL, test_util_on_result, &result);
    govorun_store_write_finish (store, test_util_wait (&result), &error);
    g_assert_no_error (error);
    g_print ("bench: analysis-totals-rebuild = %.0f ms (%.0f ms CPU)\n", now_ms () - start,
             cpu_ms () - cpu_start);
  }
  for (guint suspend = 0; suspend < 2; suspend++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      Redo redo = { 10000, suspend };
      double cpu_start = cpu_ms ();

      start = now_ms ();
      govorun_store_write_async (store, sql_redo, &redo, NULL, NULL, test_util_on_result, &result);
      govorun_store_write_finish (store, test_util_wait (&result), &error);
      g_assert_no_error (error);
      g_print ("bench: analysis-details-10k-%s = %.0f ms (%.0f ms CPU)\n",
               suspend ? "suspended-then-rebuilt" : "with-triggers", now_ms () - start, cpu_ms () - cpu_start);
    }

  filter->analysis_kind = GOVORUN_CALL_ANALYSIS_DATA;
  filter->analysis_name = g_strdup ("urgency");
  filter->analysis_value = g_strdup ("высокая");
  probe.filter = filter;
  wall = time_runs (probe_first_page, &probe, RUNS, &cpu);
  count = probe.count;
  g_print ("bench: analysis-filter-first-page-value = %.1f ms (%.1f ms CPU)\n", wall, cpu);
  g_print ("(urgency = высокая: %" G_GINT64_FORMAT "+ calls)\n", count);
  g_clear_pointer (&filter->analysis_name, g_free);
  g_clear_pointer (&filter->analysis_value, g_free);
  filter->analysis_name = g_strdup ("appointment_date");
  wall = time_runs (probe_first_page, &probe, RUNS, &cpu);
  g_print ("bench: analysis-filter-first-page-is-set = %.1f ms (%.1f ms CPU)\n", wall, cpu);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) fields = NULL;
      g_autoptr(GError) error = NULL;

      start = now_ms ();
      govorun_call_analysis_records_seen_async (store, 30, NULL, test_util_on_result, &result);
      fields = govorun_call_analysis_records_seen_finish (store, test_util_wait (&result), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fields->len, ==, 6);
      times[run] = now_ms () - start;
    }
  g_print ("bench: analysis-fields = %.1f ms\n", median (times));

  /* As the Overview asks: from a local midnight 90 days ago to the end
   * of today, every agent and one; then the same without the totals
   * (a bound 1 s off the hour: the direct count over the rows). */
  {
    g_autoptr(GDateTime) local = g_date_time_new_now_local ();
    g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (local),
                                                           g_date_time_get_month (local),
                                                           g_date_time_get_day_of_month (local), 0, 0, 0);
    g_autoptr(GDateTime) first = g_date_time_add_days (midnight, -89);
    g_autoptr(GDateTime) end = g_date_time_add_days (midnight, 1);

    g_clear_pointer (&filter, govorun_call_filter_free);
    filter = govorun_call_filter_new ();
    filter->started_from = g_date_time_to_unix (first);
    filter->started_until = g_date_time_to_unix (end);
    probe.filter = filter;
    wall = time_runs (probe_count, &probe, RUNS, &cpu);
    g_print ("bench: analysis-count-90d = %.1f ms (%.1f ms CPU)\n", wall, cpu);
    filter->agent_uuid = g_strdup ("agent-1");
    wall = time_runs (probe_count, &probe, RUNS, &cpu);
    g_print ("bench: analysis-count-90d-one-agent = %.1f ms (%.1f ms CPU)\n", wall, cpu);
    g_clear_pointer (&filter->agent_uuid, g_free);
    filter->started_from--;
    wall = time_runs (probe_count, &probe, 1, &cpu);
    g_print ("bench: analysis-count-90d-direct = %.1f ms (%.1f ms CPU, one run: the count over the rows)\n",
             wall, cpu);
  }

  govorun_store_close (store);
  test_util_rm_rf (dir);
  return 0;
}
