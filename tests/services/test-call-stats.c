/* test-call-stats.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GovorunCallStats, the Overview's service: a query returns the store's
 * figures for the period, a cancelled one says so, and "changed" follows
 * the call sync's "changed".
 */
#define G_LOG_DOMAIN "GovorunTestCallStats"

#include "config.h"

#include "call-test-data.h"
#include "govorun-call-stats.h"
#include "govorun-call-sync.h"
#include "store-test-util.h"

#define N_CALLS 400

typedef struct
{
  char             *dir;
  GovorunStore     *store;
  GovorunCallSync  *sync;
  GovorunCallStats *stats;
  guint             changes;
} Fixture;

static void
on_changed (GovorunCallStats *stats,
            Fixture          *f)
{
  f->changes++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_util_make_tmp_dir ("govorun-test-call-stats-XXXXXX");
  path = g_build_filename (f->dir, "govorun.db", NULL);
  f->store = store_test_open (path);
  /* A sync with nothing to sync: the test only emits its "changed". */
  f->sync = g_object_new (GOVORUN_TYPE_CALL_SYNC, NULL);
  f->stats = govorun_call_stats_new (f->store, f->sync);
  g_signal_connect (f->stats, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->stats);
  g_clear_object (&f->sync);
  govorun_store_close (f->store);
  g_clear_object (&f->store);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
}

static GovorunCallStatsQuery *
ninety_days (const char *agent)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* Ends with the last day of the generated history (it starts on
   * CALL_TEST_BASE_TIME and spans 90 days). */
  return govorun_call_stats_query_new_last (90, agent, utc, CALL_TEST_BASE_TIME + 89 * 86400 + 60);
}

static void
test_query (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GovorunCallStatsQuery) query = ninety_days (NULL);
  g_autoptr(GovorunCallStatsQuery) clinic_query = ninety_days ("agent-clinic");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GovorunCallStatsResult) stats = NULL;
  g_autoptr(GovorunCallStatsResult) clinic = NULL;
  g_autoptr(GError) error = NULL;
  guint64 days_total = 0, durations_total = 0, agents_total = 0;

  call_test_fill (f->store, 0, N_CALLS, 200, FALSE);

  govorun_call_stats_query_async (f->stats, query, NULL, test_util_on_result, &result);
  stats = govorun_call_stats_query_finish (f->stats, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  g_assert_true (stats->has_history);
  g_assert_cmpuint (govorun_call_totals_get_calls (stats->current), ==, N_CALLS);
  g_assert_cmpuint (govorun_call_totals_get_calls (stats->previous), ==, 0);

  /* Every call is on a day, every answered one in the histogram, every
   * one with its agent. */
  for (guint d = 0; d < 90; d++)
    for (guint o = 0; o < GOVORUN_CALL_N_OUTCOMES; o++)
      days_total += govorun_call_stats_result_get_day (stats, d, o);
  for (guint b = 0; b < GOVORUN_CALL_N_DURATION_BUCKETS; b++)
    durations_total += stats->durations[b];
  for (guint i = 0; i < stats->agents->len; i++)
    agents_total += govorun_call_totals_get_calls (((GovorunCallAgentStats *) g_ptr_array_index (stats->agents, i))->totals);
  g_assert_cmpuint (days_total, ==, N_CALLS);
  g_assert_cmpuint (durations_total, ==, stats->current->answered);
  g_assert_cmpuint (agents_total, ==, N_CALLS);
  g_assert_cmpuint (stats->agents->len, ==, 3);

  g_clear_object (&result);
  govorun_call_stats_query_async (f->stats, clinic_query, NULL, test_util_on_result, &result);
  clinic = govorun_call_stats_query_finish (f->stats, test_util_wait (&result), &error);
  g_assert_no_error (error);
  /* call_test_make () gives the clinic every third call. */
  g_assert_cmpuint (govorun_call_totals_get_calls (clinic->current), ==, (N_CALLS + 2) / 3);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GovorunCallStatsQuery) query = ninety_days (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallStatsResult *stats;

  g_cancellable_cancel (cancellable);
  govorun_call_stats_query_async (f->stats, query, cancellable, test_util_on_result, &result);
  stats = govorun_call_stats_query_finish (f->stats, test_util_wait (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (stats);
}

static void
test_changed (Fixture       *f,
              gconstpointer  data)
{
  g_signal_emit_by_name (f->sync, "changed");
  g_assert_cmpuint (f->changes, ==, 1);
  govorun_call_stats_changed (f->stats);
  g_assert_cmpuint (f->changes, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Govorun/Services/CallStats/query", Fixture, NULL,
              fixture_setup, test_query, fixture_teardown);
  g_test_add ("/Govorun/Services/CallStats/cancelled", Fixture, NULL,
              fixture_setup, test_cancelled, fixture_teardown);
  g_test_add ("/Govorun/Services/CallStats/changed", Fixture, NULL,
              fixture_setup, test_changed, fixture_teardown);

  return g_test_run ();
}
