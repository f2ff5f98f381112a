/* bench-call-stats.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBenchCallStats"

#include "config.h"

#include <time.h>

#include "call-test-data.h"
#include "govorun-call-records.h"
#include "govorun-call-stats-records.h"
#include "govorun-store-private.h"
#include "store-test-util.h"

/*
 * The Overview's figures (issue 10, "Benchmarks"), printed as
 * `bench: <name> = <value> <unit>`:
 * - overview-90d: everything the Overview shows for the last 90 days
 *   (cards with the previous period, days, heat map, histogram, agents),
 *   over GOVORUN_BENCH_CALLS calls (default 1,000,000), median of 7
 *   (target ≤ 200 ms); the same for one agent and for 7 days;
 * - what keeping the hourly aggregate adds to an upsert batch: pages of
 *   1000 new calls (no transcripts, so the trigram index does not drown
 *   the difference) through govorun_call_records_upsert_async () with the
 *   triggers and without (ms per 1000 rows).
 * `meson test --benchmark -C _build bench-call-stats --verbose`
 */

#define BATCH 1000
#define N_BATCHES 20

static const char * const drop_triggers =
  "DROP TRIGGER calls_hourly_insert; DROP TRIGGER calls_hourly_update;"
  " DROP TRIGGER calls_hourly_delete;";

/* Calls [first, last] written by one statement, the way bench-calls.c
 * fills its million (a per-row path through the layers takes long on a
 * busy machine; the triggers run for each row all the same): five agents,
 * any hour of 90 days (more aggregate rows than a business's daytime calls
 * make), a fifth unanswered, a few failed. */
static const char fill_sql[] =
  "WITH RECURSIVE n(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2),"
  /* Hours, agents and durations drawn at random: no pattern in i makes
   * fewer aggregate rows than real calls would. */
  " r(i, hour, agent, duration) AS (SELECT i, (random () & 65535) % 24, (random () & 65535) % 5,"
  "  5 + (random () & 65535) % 900 FROM n)"
  " INSERT INTO calls (vox_session_id, el_conversation_id, agent_uuid, direction, from_number,"
  " to_number, started_at, duration, status, success, vox_cost, vox_currency, el_cost,"
  " el_currency, cost_total)"
  " SELECT 20000000 + i, IIF (i % 5 < 4, 'stats_' || i, NULL), 'agent-' || agent,"
  " IIF (i % 4 = 0, 2, 1), printf ('7916%07d', i % 10000000), '74951234567',"
  " ?3 + (i * 7919 % 90) * 86400 + hour * 3600 + i * 17 % 3600,"
  " IIF (i % 5 < 4, duration, 0), IIF (i % 5 < 4, 1, IIF (i % 10 = 4, 2, IIF (i % 20 = 9, 3, 4))),"
  " IIF (i % 5 < 4, IIF (i % 3 = 0, 2, 1), 0), IIF (i % 5 < 4, 1.5 * (1 + i % 7), 0), 'RUB',"
  " IIF (i % 5 < 4, 100 + i % 50, NULL), IIF (i % 5 < 4, 'credits', NULL),"
  " IIF (i % 5 < 4, 1.5 * (1 + i % 7) + 100 + i % 50, 0) FROM r";

static gboolean
sql_count_rows (sqlite3         *db,
                gpointer         data,
                gpointer        *out_result,
                GDestroyNotify  *out_result_destroy,
                GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT COUNT (*) FROM call_hourly) + (SELECT COUNT (*) FROM call_hourly_durations)", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return govorun_store_set_sqlite_error (error, db);
    }
  *(gint64 *) data = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

typedef struct
{
  gint64 first;
  gint64 last;
} FillRange;

static gboolean
sql_fill (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  FillRange *range = data;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, fill_sql, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, range->first);
  sqlite3_bind_int64 (stmt, 2, range->last);
  /* 90 days ending with the day before the benchmark runs (Moscow). */
  sqlite3_bind_int64 (stmt, 3, (g_get_real_time () / G_USEC_PER_SEC / 86400 - 90) * 86400 - 3 * 3600);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    govorun_store_set_sqlite_error (error, db);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
sql_exec (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  if (sqlite3_exec (db, data, NULL, NULL, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

static void
write_sync (GovorunStore          *store,
            GovorunStoreWriteFunc  func,
            gpointer               data,
            GDestroyNotify         destroy)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_store_write_async (store, func, data, destroy, NULL, test_util_on_result, &result);
  govorun_store_write_finish (store, test_util_wait (&result), &error);
  if (error != NULL)
    g_error ("%s", error->message);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU milliseconds of the whole process (the store's reader threads
 * included): on a machine shared with other work, wall time says little. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Median milliseconds of the whole query, as the page waits for it, and
 * the median CPU milliseconds it took. */
static double
time_query (GovorunStore *store,
            guint         n_days,
            const char   *agent,
            guint64      *out_calls,
            double       *out_cpu)
{
  double times[7], cpu[7];

  for (guint run = 0; run < G_N_ELEMENTS (times); run++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Moscow");
      g_autoptr(GovorunCallStatsQuery) query =
        govorun_call_stats_query_new_last (n_days, agent, tz, g_get_real_time () / G_USEC_PER_SEC);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GovorunCallStatsResult) stats = NULL;
      g_autoptr(GError) error = NULL;
      double start = now_ms ();
      double cpu_start = cpu_ms ();

      govorun_call_stats_records_query_async (store, query, NULL, test_util_on_result, &result);
      stats = govorun_call_stats_records_query_finish (store, test_util_wait (&result), &error);
      g_assert_no_error (error);
      times[run] = now_ms () - start;
      cpu[run] = cpu_ms () - cpu_start;
      *out_calls = govorun_call_totals_get_calls (stats->current);
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
  qsort (cpu, G_N_ELEMENTS (cpu), sizeof (double), compare_doubles);
  *out_cpu = cpu[G_N_ELEMENTS (cpu) / 2];
  return times[G_N_ELEMENTS (times) / 2];
}

/* Milliseconds to upsert batch @b (BATCH new calls) into @store. */
static double
time_upsert (GovorunStore *store,
             guint         b)
{
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  double start;

  for (guint i = 0; i < BATCH; i++)
    g_ptr_array_add (page, call_test_make (b * BATCH + i, FALSE));
  start = now_ms ();
  govorun_call_records_upsert_async (store, page, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (store, test_util_wait (&result), &error));
  return now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("GOVORUN_BENCH_CALLS");
  guint n_calls = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-bench-call-stats-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "govorun.db", NULL);
  g_autoptr(GovorunStore) store = store_test_open (path);
  double start, with, without;
  guint64 calls = 0;

  g_test_init (&argc, &argv, NULL);

  start = now_ms ();
  for (guint first = 0; first < n_calls; first += 100000)
    {
      FillRange range = { first, MIN (n_calls, first + 100000) - 1 };

      write_sync (store, sql_fill, g_memdup2 (&range, sizeof range), g_free);
    }
  g_print ("# %u calls written (with the aggregate) in %.1f s\n", n_calls, (now_ms () - start) / 1000);
  {
    gint64 rows = 0;

    write_sync (store, sql_count_rows, &rows, NULL);
    g_print ("# the aggregates hold %" G_GINT64_FORMAT " rows\n", rows);
  }

  {
    static const struct {
      const char *name;
      guint       days;
      const char *agent;
    } queries[] = {
      { "overview-90d", 90, NULL },
      { "overview-90d-one-agent", 90, "agent-1" },
      { "overview-7d", 7, NULL },
    };

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        double cpu = 0;
        double wall = time_query (store, queries[q].days, queries[q].agent, &calls, &cpu);

        g_print ("bench: %s = %.1f ms\n", queries[q].name, wall);
        g_print ("bench: %s-cpu = %.1f ms\n", queries[q].name, cpu);
        g_print ("# (%" G_GUINT64_FORMAT " calls in the period)\n", calls);
      }
  }

  /* The same batches into two new stores, one without the triggers,
   * taking turns so that the machine's load falls on both alike. */
  {
    g_autofree char *kept_path = g_build_filename (dir, "kept.db", NULL);
    g_autofree char *bare_path = g_build_filename (dir, "bare.db", NULL);
    g_autoptr(GovorunStore) kept = store_test_open (kept_path);
    g_autoptr(GovorunStore) bare = store_test_open (bare_path);

    write_sync (bare, sql_exec, (gpointer) drop_triggers, NULL);
    time_upsert (kept, 0);
    time_upsert (bare, 0);
    with = without = 0;
    for (guint b = 1; b <= N_BATCHES; b++)
      {
        with += time_upsert (kept, b) / N_BATCHES;
        without += time_upsert (bare, b) / N_BATCHES;
      }
    govorun_store_close (kept);
    govorun_store_close (bare);
  }
  g_print ("bench: upsert-1000-with-aggregate = %.1f ms\n", with);
  g_print ("bench: upsert-1000-without-aggregate = %.1f ms\n", without);
  g_print ("bench: aggregate-upsert-overhead = %.1f ms\n", with - without);

  govorun_store_close (store);
  test_util_rm_rf (dir);
  return 0;
}
