/* test-call-stats.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's statistics (govorun-call-stats-records.c): known calls
 * give known figures, the previous period is the same length before, days
 * and hours follow the query's time zone (DST included), and the hourly
 * aggregate the triggers keep equals a GROUP BY over the calls after
 * inserts, updates, joins and deletes, and after the migration's backfill.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "call-test-data.h"
#include "govorun-call-records.h"
#include "govorun-call-stats-records.h"
#include "govorun-call-stats-records-private.h"
#include "govorun-store-private.h"
#include "store-test-util.h"

/* 2025-12-01 00:00 in Moscow (UTC+3, no DST). */
#define MSK_DEC_1 (CALL_TEST_BASE_TIME - 3 * 3600)

typedef struct
{
  char         *dir;
  char         *path;
  GovorunStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = test_util_make_tmp_dir ("govorun-test-call-stats-XXXXXX");
  f->path = g_build_filename (f->dir, "govorun.db", NULL);
  f->store = store_test_open (f->path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->store != NULL)
    govorun_store_close (f->store);
  g_clear_object (&f->store);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GovorunCallRecord *
make_call (gint64              session,
           gint64              started_at,
           const char         *agent,
           GovorunCallStatus   status,
           GovorunCallSuccess  success,
           guint               duration,
           double              vox_cost,
           double              el_cost)
{
  GovorunCallRecord *record = govorun_call_record_new ();

  govorun_call_record_set_vox_session_id (record, session);
  govorun_call_record_set_started_at (record, started_at);
  govorun_call_record_set_agent_uuid (record, agent);
  govorun_call_record_set_direction (record, GOVORUN_CALL_DIRECTION_INBOUND);
  govorun_call_record_set_status (record, status);
  govorun_call_record_set_success (record, success);
  govorun_call_record_set_duration (record, duration);
  govorun_call_record_set_vox_cost (record, vox_cost, "RUB");
  if (el_cost > 0)
    govorun_call_record_set_el_cost (record, el_cost, "credits");
  return record;
}

static void
upsert_all (GovorunStore *store,
            GPtrArray    *records)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_call_records_upsert_async (store, records, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (store, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static void
upsert_one (GovorunStore      *store,
            GovorunCallRecord *record)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, record);
  upsert_all (store, records);
}

static GovorunCallStatsResult *
query_stats (GovorunStore *store,
             int           day,
             int           month,
             int           year,
             guint         n_days,
             const char   *agent,
             const char   *zone)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GovorunCallStatsQuery) query = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallStatsResult *stats;
  GDate first;

  g_assert_nonnull (tz);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, day, month, year);
  query = govorun_call_stats_query_new (&first, n_days, agent, tz);
  govorun_call_stats_records_query_async (store, query, NULL, test_util_on_result, &result);
  stats = govorun_call_stats_records_query_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static GovorunCallAgentStats *
agent_row (GovorunCallStatsResult *stats,
           const char             *uuid)
{
  for (guint i = 0; i < stats->agents->len; i++)
    {
      GovorunCallAgentStats *agent = g_ptr_array_index (stats->agents, i);

      if (g_str_equal (agent->agent_uuid, uuid))
        return agent;
    }
  g_assert_not_reached ();
  return NULL;
}

/* The rows of @kept_sql (the aggregate) equal those of @fresh_sql (the
 * same sums computed from calls). */
static void
assert_same_rows (sqlite3    *db,
                  const char *fresh_sql,
                  const char *kept_sql)
{
  g_autofree char *sql = g_strdup_printf ("WITH fresh AS (%s), kept AS (%s)"
                                          " SELECT (SELECT COUNT (*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept)),"
                                          "  (SELECT COUNT (*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh)),"
                                          "  (SELECT COUNT (*) FROM kept)", fresh_sql, kept_sql);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_test_message ("aggregate: %d rows", sqlite3_column_int (stmt, 2));
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
}

/* call_hourly and call_hourly_durations equal a GROUP BY over calls. */
static void
assert_aggregate_matches (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  assert_same_rows (db,
                    "SELECT started_at / 3600, agent_uuid, direction, status, success,"
                    " COALESCE (vox_currency, ''), COALESCE (el_currency, ''), COUNT (*), SUM (duration),"
                    " ROUND (TOTAL (vox_cost), 6), ROUND (TOTAL (el_cost), 6) FROM calls"
                    " GROUP BY 1, 2, 3, 4, 5, 6, 7",
                    "SELECT hour, agent_uuid, direction, status, success, vox_currency, el_currency, calls,"
                    " seconds, ROUND (vox_cost, 6), ROUND (el_cost, 6) FROM call_hourly");
  assert_same_rows (db,
                    "SELECT started_at / 3600, agent_uuid,"
                    " CASE WHEN duration < 15 THEN 0 WHEN duration < 30 THEN 1 WHEN duration < 60 THEN 2"
                    " WHEN duration < 120 THEN 3 WHEN duration < 300 THEN 4 WHEN duration < 600 THEN 5"
                    " ELSE 6 END, COUNT (*) FROM calls WHERE status = 1 GROUP BY 1, 2, 3",
                    "SELECT hour, agent_uuid, duration_bucket, calls FROM call_hourly_durations");
  sqlite3_close (db);
}

/* Known calls in a week of Moscow time, and figures worked out by hand. */
static void
test_known_figures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GovorunCallStatsResult) stats = NULL;
  g_autoptr(GovorunCallStatsResult) clinic = NULL;
  GovorunCallAgentStats *agent;
  gint64 monday_10 = MSK_DEC_1 + 10 * 3600;  /* Monday, 1 December, 10:00 MSK */

  g_ptr_array_add (calls, make_call (1, monday_10, "clinic", GOVORUN_CALL_STATUS_ANSWERED,
                                     GOVORUN_CALL_SUCCESS_SUCCESS, 10, 1.0, 100));
  g_ptr_array_add (calls, make_call (2, monday_10 + 60, "clinic", GOVORUN_CALL_STATUS_ANSWERED,
                                     GOVORUN_CALL_SUCCESS_FAILURE, 90, 2.0, 200));
  g_ptr_array_add (calls, make_call (3, monday_10 + 120, "clinic", GOVORUN_CALL_STATUS_NO_ANSWER,
                                     GOVORUN_CALL_SUCCESS_UNKNOWN, 0, 0.5, 0));
  /* Wednesday 3 December, 15:30 MSK */
  g_ptr_array_add (calls, make_call (4, MSK_DEC_1 + 2 * 86400 + 15 * 3600 + 1800, "hotel",
                                     GOVORUN_CALL_STATUS_ANSWERED, GOVORUN_CALL_SUCCESS_SUCCESS,
                                     700, 3.0, 300));
  g_ptr_array_add (calls, make_call (5, MSK_DEC_1 + 2 * 86400 + 15 * 3600 + 1900, "hotel",
                                     GOVORUN_CALL_STATUS_FAILED, GOVORUN_CALL_SUCCESS_UNKNOWN,
                                     0, 0, 0));
  /* Outside the week: the 8th. */
  g_ptr_array_add (calls, make_call (6, MSK_DEC_1 + 7 * 86400 + 3600, "hotel",
                                     GOVORUN_CALL_STATUS_ANSWERED, GOVORUN_CALL_SUCCESS_SUCCESS,
                                     30, 1.0, 50));
  upsert_all (f->store, calls);

  stats = query_stats (f->store, 1, 12, 2025, 7, NULL, "Europe/Moscow");
  g_assert_true (stats->has_history);
  g_assert_cmpuint (govorun_call_totals_get_calls (stats->current), ==, 5);
  g_assert_cmpuint (stats->current->answered, ==, 3);
  g_assert_cmpuint (govorun_call_totals_get_seconds (stats->current), ==, 800);
  g_assert_cmpfloat_with_epsilon (govorun_call_totals_answered_share (stats->current), 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (govorun_call_totals_average_duration (stats->current),
                                  800.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (govorun_call_totals_success_rate (stats->current),
                                  2.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (govorun_call_totals_get_cost (stats->current, "voximplant", "RUB"),
                                  6.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (govorun_call_totals_get_cost (stats->current, "elevenlabs",
                                                                "credits"), 600, 1e-9);
  /* Voximplant first, then ElevenLabs. */
  g_assert_cmpuint (stats->current->summary->costs->len, ==, 2);
  g_assert_cmpstr (((GovorunCallCost *) g_ptr_array_index (stats->current->summary->costs, 0))->provider,
                   ==, "voximplant");

  /* Per day, by outcome. */
  g_assert_cmpuint (govorun_call_stats_result_get_day (stats, 0, GOVORUN_CALL_OUTCOME_SUCCESSFUL), ==, 1);
  g_assert_cmpuint (govorun_call_stats_result_get_day (stats, 0, GOVORUN_CALL_OUTCOME_ANSWERED), ==, 1);
  g_assert_cmpuint (govorun_call_stats_result_get_day (stats, 0, GOVORUN_CALL_OUTCOME_NOT_ANSWERED), ==, 1);
  g_assert_cmpuint (govorun_call_stats_result_get_day (stats, 2, GOVORUN_CALL_OUTCOME_SUCCESSFUL), ==, 1);
  g_assert_cmpuint (govorun_call_stats_result_get_day (stats, 2, GOVORUN_CALL_OUTCOME_FAILED), ==, 1);
  g_assert_cmpuint (govorun_call_stats_result_get_day (stats, 1, GOVORUN_CALL_OUTCOME_SUCCESSFUL), ==, 0);

  /* Weekday × hour, local: Monday 10:00 and Wednesday 15:00. */
  g_assert_cmpuint (stats->heat_calls[0][10], ==, 3);
  g_assert_cmpuint (stats->heat_answered[0][10], ==, 2);
  g_assert_cmpuint (stats->heat_calls[2][15], ==, 2);
  g_assert_cmpuint (stats->heat_answered[2][15], ==, 1);
  g_assert_cmpuint (stats->heat_calls[0][7], ==, 0);

  /* Durations of answered calls: 10 s, 90 s, 700 s. */
  g_assert_cmpuint (stats->durations[0], ==, 1);
  g_assert_cmpuint (stats->durations[3], ==, 1);
  g_assert_cmpuint (stats->durations[6], ==, 1);
  g_assert_cmpuint (stats->durations[1] + stats->durations[2] + stats->durations[4]
                    + stats->durations[5], ==, 0);

  /* Agents, most calls first. */
  g_assert_cmpuint (stats->agents->len, ==, 2);
  agent = g_ptr_array_index (stats->agents, 0);
  g_assert_cmpstr (agent->agent_uuid, ==, "clinic");
  g_assert_cmpuint (govorun_call_totals_get_calls (agent->totals), ==, 3);
  g_assert_cmpuint (agent->totals->successful, ==, 1);
  agent = agent_row (stats, "hotel");
  g_assert_cmpuint (govorun_call_totals_get_calls (agent->totals), ==, 2);
  g_assert_cmpuint (govorun_call_totals_get_seconds (agent->totals), ==, 700);

  /* One agent only. */
  clinic = query_stats (f->store, 1, 12, 2025, 7, "clinic", "Europe/Moscow");
  g_assert_cmpuint (govorun_call_totals_get_calls (clinic->current), ==, 3);
  g_assert_cmpuint (clinic->agents->len, ==, 1);
  g_assert_cmpuint (clinic->heat_calls[2][15], ==, 0);

  assert_aggregate_matches (f->path);
}

/* The previous period is the same number of days just before. */
static void
test_previous_period (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GovorunCallStatsResult) stats = NULL;

  /* 24–30 November: the week before; the 23rd is before that. */
  for (int i = 0; i < 4; i++)
    g_ptr_array_add (calls, make_call (10 + i, MSK_DEC_1 - (1 + i) * 86400 + 12 * 3600, "clinic",
                                       GOVORUN_CALL_STATUS_ANSWERED, GOVORUN_CALL_SUCCESS_SUCCESS,
                                       60, 1.0, 10));
  g_ptr_array_add (calls, make_call (20, MSK_DEC_1 - 7 * 86400, "clinic",
                                     GOVORUN_CALL_STATUS_NO_ANSWER, GOVORUN_CALL_SUCCESS_UNKNOWN,
                                     0, 0, 0));
  g_ptr_array_add (calls, make_call (21, MSK_DEC_1 - 7 * 86400 - 1, "clinic",
                                     GOVORUN_CALL_STATUS_NO_ANSWER, GOVORUN_CALL_SUCCESS_UNKNOWN,
                                     0, 0, 0));
  g_ptr_array_add (calls, make_call (22, MSK_DEC_1 + 3600, "clinic",
                                     GOVORUN_CALL_STATUS_ANSWERED, GOVORUN_CALL_SUCCESS_FAILURE,
                                     30, 1.0, 10));
  upsert_all (f->store, calls);

  stats = query_stats (f->store, 1, 12, 2025, 7, NULL, "Europe/Moscow");
  g_assert_cmpuint (govorun_call_totals_get_calls (stats->current), ==, 1);
  g_assert_cmpuint (govorun_call_totals_get_calls (stats->previous), ==, 5);
  g_assert_cmpuint (stats->previous->answered, ==, 4);
  g_assert_cmpuint (govorun_call_totals_get_seconds (stats->previous), ==, 240);
  g_assert_cmpfloat_with_epsilon (govorun_call_totals_success_rate (stats->previous), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (govorun_call_totals_get_cost (stats->previous, "voximplant", "RUB"),
                                  4.0, 1e-9);
  /* The previous period is not in the charts. */
  for (int d = 0; d < 7; d++)
    g_assert_cmpuint (govorun_call_stats_result_get_day (stats, d, GOVORUN_CALL_OUTCOME_NOT_ANSWERED),
                      ==, 0);
}

/* A day is the query zone's day: 23:59:59 and 00:00 fall on two days in
 * Moscow and on one in UTC; a DST day in Berlin has 25 hours. */
static void
test_time_zones (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GovorunCallStatsResult) moscow = NULL;
  g_autoptr(GovorunCallStatsResult) utc = NULL;
  g_autoptr(GovorunCallStatsResult) berlin = NULL;
  /* 2025-10-26: Berlin goes back from CEST (+2) to CET (+1) at 03:00. */
  gint64 berlin_oct_26 = G_GINT64_CONSTANT (1761429600);  /* 2025-10-26 00:00 CEST */

  g_ptr_array_add (calls, make_call (1, MSK_DEC_1 + 86400 - 1, "a", GOVORUN_CALL_STATUS_ANSWERED,
                                     GOVORUN_CALL_SUCCESS_SUCCESS, 20, 1, 0));
  g_ptr_array_add (calls, make_call (2, MSK_DEC_1 + 86400, "a", GOVORUN_CALL_STATUS_ANSWERED,
                                     GOVORUN_CALL_SUCCESS_SUCCESS, 20, 1, 0));
  /* 23:30 CET on the 26th: 25 hours after its midnight, still the 26th. */
  g_ptr_array_add (calls, make_call (3, berlin_oct_26 + 24 * 3600 + 1800, "a",
                                     GOVORUN_CALL_STATUS_BUSY, GOVORUN_CALL_SUCCESS_UNKNOWN, 0, 0, 0));
  /* 00:00 CET on the 27th. */
  g_ptr_array_add (calls, make_call (4, berlin_oct_26 + 25 * 3600, "a",
                                     GOVORUN_CALL_STATUS_BUSY, GOVORUN_CALL_SUCCESS_UNKNOWN, 0, 0, 0));
  upsert_all (f->store, calls);

  moscow = query_stats (f->store, 1, 12, 2025, 2, NULL, "Europe/Moscow");
  g_assert_cmpuint (govorun_call_stats_result_get_day (moscow, 0, GOVORUN_CALL_OUTCOME_SUCCESSFUL), ==, 1);
  g_assert_cmpuint (govorun_call_stats_result_get_day (moscow, 1, GOVORUN_CALL_OUTCOME_SUCCESSFUL), ==, 1);
  g_assert_cmpuint (moscow->heat_calls[0][23], ==, 1);  /* Monday 23:59 */
  g_assert_cmpuint (moscow->heat_calls[1][0], ==, 1);   /* Tuesday 00:00 */

  utc = query_stats (f->store, 1, 12, 2025, 2, NULL, "UTC");
  g_assert_cmpuint (govorun_call_stats_result_get_day (utc, 0, GOVORUN_CALL_OUTCOME_SUCCESSFUL), ==, 2);
  g_assert_cmpuint (utc->heat_calls[0][20], ==, 1);
  g_assert_cmpuint (utc->heat_calls[0][21], ==, 1);

  berlin = query_stats (f->store, 26, 10, 2025, 2, NULL, "Europe/Berlin");
  g_assert_cmpuint (govorun_call_stats_result_get_day (berlin, 0, GOVORUN_CALL_OUTCOME_NOT_ANSWERED), ==, 1);
  g_assert_cmpuint (govorun_call_stats_result_get_day (berlin, 1, GOVORUN_CALL_OUTCOME_NOT_ANSWERED), ==, 1);
  g_assert_cmpuint (berlin->heat_calls[6][23], ==, 1);  /* Sunday 23:30 */
  g_assert_cmpuint (berlin->heat_calls[0][0], ==, 1);   /* Monday 00:00 */
}

/* The aggregate follows every kind of write, and a re-sync changes it
 * not at all. */
static void
test_triggers (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GovorunCallStatsResult) before = NULL;
  g_autoptr(GovorunCallStatsResult) after = NULL;
  GovorunCallRecord *el;
  GovorunCallRecord *both;

  call_test_fill (f->store, 0, 300, 100, FALSE);
  assert_aggregate_matches (f->path);
  before = query_stats (f->store, 1, 12, 2025, 90, NULL, "UTC");
  g_assert_cmpuint (govorun_call_totals_get_calls (before->current), ==, 300);

  /* The same pages again. */
  call_test_fill (f->store, 0, 300, 100, FALSE);
  after = query_stats (f->store, 1, 12, 2025, 90, NULL, "UTC");
  g_assert_cmpuint (govorun_call_totals_get_calls (after->current), ==, 300);
  g_assert_cmpuint (after->current->successful, ==, before->current->successful);
  assert_aggregate_matches (f->path);

  /* A Voximplant-only call, then its ElevenLabs side on its own row, then
   * the record that joins them (one row goes). */
  upsert_one (f->store, make_call (900, CALL_TEST_BASE_TIME + 5000, "hotel", GOVORUN_CALL_STATUS_ANSWERED,
                                   GOVORUN_CALL_SUCCESS_UNKNOWN, 45, 2, 0));
  el = govorun_call_record_new ();
  govorun_call_record_set_el_conversation_id (el, "conv_join");
  govorun_call_record_set_agent_uuid (el, "hotel");
  govorun_call_record_set_started_at (el, CALL_TEST_BASE_TIME + 5002);
  govorun_call_record_set_success (el, GOVORUN_CALL_SUCCESS_SUCCESS);
  govorun_call_record_set_el_cost (el, 77, "credits");
  upsert_one (f->store, el);
  assert_aggregate_matches (f->path);
  both = govorun_call_record_new ();
  govorun_call_record_set_vox_session_id (both, 900);
  govorun_call_record_set_el_conversation_id (both, "conv_join");
  govorun_call_record_set_success (both, GOVORUN_CALL_SUCCESS_SUCCESS);
  govorun_call_record_set_el_cost (both, 77, "credits");
  upsert_one (f->store, both);
  assert_aggregate_matches (f->path);

  g_clear_pointer (&after, govorun_call_stats_result_free);
  after = query_stats (f->store, 1, 12, 2025, 90, NULL, "UTC");
  g_assert_cmpuint (govorun_call_totals_get_calls (after->current), ==, 301);
  g_assert_cmpuint (after->current->successful, ==, before->current->successful + 1);
}

static char *
describe_summary (const GovorunCallSummary *summary)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%" G_GUINT64_FORMAT " calls, %" G_GUINT64_FORMAT " s",
                          summary->count, summary->total_seconds);
  for (guint i = 0; i < summary->costs->len; i++)
    {
      const GovorunCallCost *cost = g_ptr_array_index (summary->costs, i);

      g_string_append_printf (out, ", %s %.6f %s", cost->provider, cost->amount, cost->currency);
    }
  return g_string_free (out, FALSE);
}

/* The Calls summary from the hourly sums equals the one counted over the
 * rows (a bound off the hour takes that path; every generated call
 * starts on a whole minute, so a bound 1 s off selects the same calls). */
static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  const gint64 hours[][2] = { { 0, 0 }, { 0, 24 * 90 }, { 5, 24 * 30 + 7 }, { 24, 48 }, { 100, 0 } };
  guint checked = 0;

  call_test_fill (f->store, 0, 300, 100, FALSE);
  for (guint h = 0; h < G_N_ELEMENTS (hours); h++)
    for (guint k = 0; k < 7; k++)
      {
        g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
        g_autoptr(GovorunCallFilter) direct = NULL;
        g_autoptr(GovorunCallSummary) fast = NULL;
        g_autoptr(GovorunCallSummary) slow = NULL;
        g_autofree char *fast_text = NULL;
        g_autofree char *slow_text = NULL;

        if (hours[h][0] > 0 || hours[h][1] > 0)
          filter->started_from = CALL_TEST_BASE_TIME + hours[h][0] * 3600;
        if (hours[h][1] > 0)
          filter->started_until = CALL_TEST_BASE_TIME + hours[h][1] * 3600;
        if (k == 1)
          filter->agent_uuid = g_strdup ("agent-hotel");
        if (k == 2)
          filter->status = GOVORUN_CALL_STATUS_ANSWERED;
        if (k == 3)
          filter->success = GOVORUN_CALL_SUCCESS_FAILURE;
        if (k == 4)
          {
            filter->status = GOVORUN_CALL_STATUS_NO_ANSWER;
            filter->agent_uuid = g_strdup ("agent-clinic");
          }
        if (k == 5)
          filter->direction = GOVORUN_CALL_DIRECTION_OUTBOUND;
        if (k == 6)
          {
            filter->direction = GOVORUN_CALL_DIRECTION_INBOUND;
            filter->status = GOVORUN_CALL_STATUS_ANSWERED;
          }
        g_assert_true (govorun_call_stats_records_cover_summary (filter));
        direct = govorun_call_filter_copy (filter);
        if (direct->started_until != 0)
          direct->started_until--;
        else
          direct->started_until = CALL_TEST_BASE_TIME + 1000 * 86400 + 1;
        g_assert_false (govorun_call_stats_records_cover_summary (direct));

        fast = store_test_summarize (f->store, filter);
        slow = store_test_summarize (f->store, direct);
        fast_text = describe_summary (fast);
        slow_text = describe_summary (slow);
        g_assert_cmpstr (fast_text, ==, slow_text);
        checked += fast->count > 0;
      }
  g_assert_cmpuint (checked, >, 21);
}

/* A database with calls from before the aggregate gets it filled by the
 * migration. */
static void
test_migration_backfill (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunCallStatsResult) stats = NULL;
  sqlite3 *db = NULL;

  govorun_store_close (f->store);
  g_clear_object (&f->store);
  g_assert_cmpint (g_unlink (f->path), ==, 0);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  /* 5: the first schema with the calls table (migrations are append-only). */
  g_assert_true (_govorun_store_migrate_to (db, 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199)"
                                 " INSERT INTO calls (vox_session_id, agent_uuid, direction, started_at,"
                                 " duration, status, success, vox_cost, vox_currency)"
                                 " SELECT i, 'agent-' || (i % 3), 1, 1764547200 + i * 3000, i % 700,"
                                 " 1 + i % 3, i % 3, 0.25 * i, 'RUB' FROM n",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = store_test_open (f->path);
  assert_aggregate_matches (f->path);
  stats = query_stats (f->store, 1, 12, 2025, 30, NULL, "UTC");
  g_assert_cmpuint (govorun_call_totals_get_calls (stats->current), ==, 200);
  g_assert_cmpuint (stats->agents->len, ==, 3);
}

/* No calls: no history, zero figures, no shares. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GovorunCallStatsResult) stats = query_stats (f->store, 1, 12, 2025, 7, NULL, "UTC");
  g_autoptr(GovorunCallStatsResult) copy = govorun_call_stats_result_copy (stats);

  g_assert_false (stats->has_history);
  g_assert_cmpuint (govorun_call_totals_get_calls (stats->current), ==, 0);
  g_assert_cmpfloat (govorun_call_totals_answered_share (stats->current), <, 0);
  g_assert_cmpfloat (govorun_call_totals_success_rate (stats->current), <, 0);
  g_assert_cmpuint (stats->agents->len, ==, 0);
  g_assert_cmpuint (copy->query->n_days, ==, 7);
}

static void
test_buckets (void)
{
  static const guint seconds[] = { 0, 14, 15, 29, 30, 59, 60, 119, 120, 299, 300, 599, 600, 7200 };
  static const guint buckets[] = { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (seconds); i++)
    g_assert_cmpuint (govorun_call_duration_bucket_of (seconds[i]), ==, buckets[i]);
  g_assert_cmpuint (govorun_call_duration_bucket_start (4), ==, 120);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Store/CallStats/buckets", test_buckets);
  g_test_add ("/Govorun/Store/CallStats/known-figures", Fixture, NULL,
              fixture_setup, test_known_figures, fixture_teardown);
  g_test_add ("/Govorun/Store/CallStats/previous-period", Fixture, NULL,
              fixture_setup, test_previous_period, fixture_teardown);
  g_test_add ("/Govorun/Store/CallStats/time-zones", Fixture, NULL,
              fixture_setup, test_time_zones, fixture_teardown);
  g_test_add ("/Govorun/Store/CallStats/triggers", Fixture, NULL,
              fixture_setup, test_triggers, fixture_teardown);
  g_test_add ("/Govorun/Store/CallStats/migration-backfill", Fixture, NULL,
              fixture_setup, test_migration_backfill, fixture_teardown);
  g_test_add ("/Govorun/Store/CallStats/summary", Fixture, NULL,
              fixture_setup, test_summary, fixture_teardown);
  g_test_add ("/Govorun/Store/CallStats/empty", Fixture, NULL,
              fixture_setup, test_empty, fixture_teardown);

  return g_test_run ();
}
