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
 * - analysis-count-90d: the Overview's analysis of 90 days.
 * Over GOVORUN_BENCH_CALLS calls (default 1,000,000), four in five with a
 * conversation carrying 3 criteria and 3 data items.
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

static gboolean
sql_fill (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  Fill *fill = data;
  const char *tail = fill_sql;

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

static double
time_first_page (GovorunStore            *store,
                 const GovorunCallFilter *filter,
                 gint64                  *out_count)
{
  double times[RUNS];

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      gboolean at_least = FALSE;
      double start = now_ms ();

      govorun_call_records_fetch_first_page_async (store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                                                   100, 2000, NULL, test_util_on_result, &result);
      records = govorun_call_records_fetch_first_page_finish (store, test_util_wait (&result),
                                                              out_count, &at_least, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, 100);
      times[run] = now_ms () - start;
    }
  return median (times);
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("GOVORUN_BENCH_CALLS");
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-bench-analysis-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "govorun.db", NULL);
  g_autoptr(GovorunStore) store = NULL;
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  double times[RUNS];
  gint64 count = 0;
  double start;

  store = store_test_open (db);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    Fill fill = { n, now - 90 * 86400 };

    start = now_ms ();
    govorun_store_write_async (store, sql_fill, &fill, NULL, NULL, test_util_on_result, &result);
    govorun_store_write_finish (store, test_util_wait (&result), &error);
    g_assert_no_error (error);
    g_print ("filled %u calls with analysis in %.0f ms\n", n, now_ms () - start);
  }

  filter->analysis_kind = GOVORUN_CALL_ANALYSIS_DATA;
  filter->analysis_name = g_strdup ("urgency");
  filter->analysis_value = g_strdup ("высокая");
  g_print ("bench: analysis-filter-first-page-value = %.1f ms\n", time_first_page (store, filter, &count));
  g_print ("(urgency = высокая: %" G_GINT64_FORMAT "+ calls)\n", count);
  g_clear_pointer (&filter->analysis_name, g_free);
  g_clear_pointer (&filter->analysis_value, g_free);
  filter->analysis_name = g_strdup ("appointment_date");
  g_print ("bench: analysis-filter-first-page-is-set = %.1f ms\n", time_first_page (store, filter, &count));

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

  g_clear_pointer (&filter, govorun_call_filter_free);
  filter = govorun_call_filter_new ();
  filter->started_from = now - 90 * 86400;
  filter->started_until = now + 86400;
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) fields = NULL;
      g_autoptr(GError) error = NULL;

      start = now_ms ();
      govorun_call_analysis_records_count_async (store, filter, 30, NULL, test_util_on_result, &result);
      fields = govorun_call_analysis_records_count_finish (store, test_util_wait (&result), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fields->len, ==, 6);
      times[run] = now_ms () - start;
    }
  g_print ("bench: analysis-count-90d = %.1f ms\n", median (times));

  govorun_store_close (store);
  test_util_rm_rf (dir);
  return 0;
}
