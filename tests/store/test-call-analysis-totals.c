/* test-call-analysis-totals.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analysis counted per hour and per day (govorun-call-analysis-totals.c):
 * after random inserts, updates and deletes of calls and of their analysis
 * (in either order, joins moving a conversation between calls, calls moved
 * across hours and agents), both tables equal a GROUP BY over the rows;
 * after a bulk load with the triggers suspended, the rebuild makes them so
 * again; and the Overview's count read from them equals the direct count
 * over the rows for periods on and off whole days, with and without an
 * agent.
 */
#define G_LOG_DOMAIN "GovorunTestCallAnalysisTotals"

#include "config.h"

#include "govorun-call-analysis-records.h"
#include "govorun-call-analysis-totals-private.h"
#include "govorun-store-private.h"
#include "store-test-util.h"

#define BASE G_GINT64_CONSTANT (1764547200) /* 2025-12-01 00:00 UTC */
#define N_CONVERSATIONS 60
#define N_STEPS 1500

static GovorunStore *store;

static const char * const names[] = { "goal_reached", "urgency", "appointment_date" };
static const char * const results[] = { "success", "failure", "высокая", "", NULL };
static const char * const agents[] = { "agent-a", "agent-b", "" };

/* --- SQL on the writer thread ----------------------------------------------- */

typedef gboolean (*DbFunc) (sqlite3 *db, gpointer data, GError **error);

typedef struct
{
  DbFunc   func;
  gpointer data;
} Call;

static gboolean
run_func (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  Call *call = data;

  return call->func (db, call->data, error);
}

static void
on_writer (DbFunc   func,
           gpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Call call = { func, data };

  govorun_store_write_async (store, run_func, &call, NULL, NULL, test_util_on_result, &result);
  govorun_store_write_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Every row of @sql as one line, for comparing two queries. */
static char *
dump (sqlite3    *db,
      const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static const char expected_hourly[] =
  "SELECT c.started_at / 3600, c.agent_uuid, a.kind, a.name, COALESCE (a.result, ''), COUNT (*)"
  " FROM call_analysis AS a JOIN calls AS c ON c.el_conversation_id = a.conversation_id"
  " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";
static const char expected_daily[] =
  "SELECT c.started_at / 86400, c.agent_uuid, a.kind, a.name, COALESCE (a.result, ''), COUNT (*)"
  " FROM call_analysis AS a JOIN calls AS c ON c.el_conversation_id = a.conversation_id"
  " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";

static void
assert_totals (sqlite3 *db)
{
  g_autofree char *hourly = dump (db, "SELECT * FROM call_analysis_hourly ORDER BY 1, 2, 3, 4, 5");
  g_autofree char *daily = dump (db, "SELECT * FROM call_analysis_daily ORDER BY 1, 2, 3, 4, 5");
  g_autofree char *want_hourly = dump (db, expected_hourly);
  g_autofree char *want_daily = dump (db, expected_daily);

  g_assert_cmpstr (hourly, ==, want_hourly);
  g_assert_cmpstr (daily, ==, want_daily);
}

/* --- random changes ---------------------------------------------------------- */

static char *
random_start (GRand *rand)
{
  /* A few days, so calls move across hours and days. */
  return g_strdup_printf ("%" G_GINT64_FORMAT, BASE + 2 * g_rand_int_range (rand, 0, 2 * 86400));
}

static void
random_step (sqlite3 *db,
             GRand   *rand)
{
  guint conversation = g_rand_int_range (rand, 0, N_CONVERSATIONS);
  g_autofree char *start = random_start (rand);
  const char *agent = agents[g_rand_int_range (rand, 0, G_N_ELEMENTS (agents))];
  const char *name = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
  const char *value = results[g_rand_int_range (rand, 0, G_N_ELEMENTS (results))];
  g_autofree char *quoted = value != NULL ? g_strdup_printf ("'%s'", value) : g_strdup ("NULL");
  g_autofree char *sql = NULL;

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0: /* A call, with or without its conversation. */
      sql = g_strdup_printf ("INSERT INTO calls (el_conversation_id, agent_uuid, started_at)"
                             " VALUES (IIF (%d, 'c%u', NULL), '%s', %s)"
                             " ON CONFLICT DO NOTHING",
                             g_rand_boolean (rand), conversation, agent, start);
      break;
    case 1: /* An analysis item, before or after its call. */
    case 2:
      sql = g_strdup_printf ("INSERT INTO call_analysis (conversation_id, seq, kind, name, result)"
                             " VALUES ('c%u', %d, %d, '%s', %s) ON CONFLICT DO UPDATE SET"
                             " result = excluded.result, name = excluded.name",
                             conversation, g_rand_int_range (rand, 0, 4), g_rand_int_range (rand, 1, 3),
                             name, quoted);
      break;
    case 3: /* A result changed. */
      sql = g_strdup_printf ("UPDATE call_analysis SET result = %s WHERE conversation_id = 'c%u'",
                             quoted, conversation);
      break;
    case 4: /* The details again: delete, then insert (govorun-call-info-rows.c). */
      sql = g_strdup_printf ("DELETE FROM call_analysis WHERE conversation_id = 'c%u';"
                             "INSERT INTO call_analysis (conversation_id, seq, kind, name, result)"
                             " VALUES ('c%u', 0, 1, 'goal_reached', %s), ('c%u', 1, 2, '%s', %s)",
                             conversation, conversation, quoted, conversation, name, quoted);
      break;
    case 5: /* A call moved in time or to another agent. */
      sql = g_strdup_printf ("UPDATE calls SET started_at = IIF (%d, %s, started_at), agent_uuid = '%s'"
                             " WHERE id = (SELECT id FROM calls ORDER BY random () LIMIT 1)",
                             g_rand_boolean (rand), start, agent);
      break;
    case 6: /* A join: the conversation moves to another call, or leaves. */
      sql = g_strdup_printf ("UPDATE calls SET el_conversation_id = NULL WHERE el_conversation_id = 'c%u';"
                             "UPDATE calls SET el_conversation_id = IIF (%d, 'c%u', NULL)"
                             " WHERE id = (SELECT id FROM calls ORDER BY random () LIMIT 1)"
                             " AND NOT EXISTS (SELECT 1 FROM calls WHERE el_conversation_id = 'c%u')",
                             conversation, g_rand_boolean (rand), conversation, conversation);
      break;
    case 7: /* A call removed. */
      sql = g_strdup_printf ("DELETE FROM calls WHERE el_conversation_id = 'c%u'", conversation);
      break;
    case 8: /* An item removed. */
      sql = g_strdup_printf ("DELETE FROM call_analysis WHERE conversation_id = 'c%u'"
                             " AND seq = %d", conversation, g_rand_int_range (rand, 0, 4));
      break;
    default: /* A re-sync that changes nothing counted. */
      sql = g_strdup ("UPDATE calls SET duration = duration + 1, started_at = started_at + 0");
      break;
    }
  exec (db, sql);
}

static gboolean
random_changes (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));

  for (guint step = 0; step < N_STEPS; step++)
    {
      random_step (db, rand);
      if (step % 25 == 0)
        assert_totals (db);
    }
  assert_totals (db);
  return TRUE;
}

static void
test_triggers (void)
{
  for (guint seed = 1; seed <= 4; seed++)
    on_writer (random_changes, GUINT_TO_POINTER (seed));
}

/* A bulk load with the triggers suspended, then the rebuild. */
static gboolean
bulk_load (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  g_assert_true (govorun_call_analysis_totals_suspend (db, error));
  exec (db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
            " INSERT INTO calls (el_conversation_id, agent_uuid, started_at)"
            " SELECT 'bulk' || i, 'agent-' || (i % 3), 1764547200 + i * 978 FROM n;"
            "INSERT INTO call_analysis (conversation_id, seq, kind, name, result)"
            " SELECT el_conversation_id, 0, 1, 'goal_reached', IIF (id % 3 = 0, 'failure', 'success')"
            " FROM calls WHERE el_conversation_id LIKE 'bulk%';");
  /* Not counted yet: the triggers were off. */
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  g_assert_true (govorun_call_analysis_totals_rebuild (db, error));
  assert_totals (db);
  /* The triggers are back. */
  exec (db, "UPDATE call_analysis SET result = 'failure' WHERE conversation_id = 'bulk7';"
            "DELETE FROM calls WHERE el_conversation_id = 'bulk8';");
  assert_totals (db);
  /* Twice is harmless. */
  g_assert_true (govorun_call_analysis_totals_rebuild (db, error));
  assert_totals (db);
  return TRUE;
}

static void
test_bulk_rebuild (void)
{
  on_writer (bulk_load, NULL);
}

/* --- the Overview's count ---------------------------------------------------- */

static GPtrArray *
count (const GovorunCallFilter *filter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;

  govorun_call_analysis_records_count_async (store, filter, 3, NULL, test_util_on_result, &result);
  fields = govorun_call_analysis_records_count_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  return fields;
}

static char *
describe (GPtrArray *fields)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      const GovorunCallAnalysisField *field = g_ptr_array_index (fields, i);

      g_string_append_printf (out, "%d %s %" G_GUINT64_FORMAT " other %" G_GUINT64_FORMAT ":",
                              field->kind, field->name, field->n_calls, field->n_other);
      for (guint v = 0; v < field->values->len; v++)
        {
          const GovorunCallAnalysisValue *value = g_ptr_array_index (field->values, v);

          g_string_append_printf (out, " %s=%" G_GUINT64_FORMAT, value->value, value->count);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_count (void)
{
  /* Hours from the start of the history: whole days, parts of days, a
   * few hours, open ends. Every stored call starts on an even second, so
   * a bound 1 s earlier (off the hour, so counted from the rows) selects
   * the same calls. */
  const gint64 periods[][2] = {
    { 0, 96 }, { 5, 77 }, { 23, 25 }, { 24, 48 }, { 3, 9 }, { 30, 31 }, { -48, 200 },
    { 50, -1 }, { -1, 40 }, { 0, 0 },
  };
  guint covered = 0;

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (guint a = 0; a <= G_N_ELEMENTS (agents); a++)
      {
        g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
        g_autoptr(GovorunCallFilter) direct = NULL;
        g_autoptr(GPtrArray) fast = NULL;
        g_autoptr(GPtrArray) slow = NULL;
        g_autofree char *fast_text = NULL;
        g_autofree char *slow_text = NULL;

        if (periods[p][0] >= 0)
          filter->started_from = BASE + periods[p][0] * 3600;
        if (periods[p][1] >= 0 && periods[p][1] > periods[p][0])
          filter->started_until = BASE + periods[p][1] * 3600;
        if (a < G_N_ELEMENTS (agents))
          filter->agent_uuid = g_strdup (agents[a]);
        if (!govorun_call_analysis_totals_cover (filter))
          continue;
        covered++;
        direct = govorun_call_filter_copy (filter);
        if (direct->started_from != 0)
          direct->started_from--;
        else
          direct->started_until--;
        g_assert_false (govorun_call_analysis_totals_cover (direct));

        fast = count (filter);
        slow = count (direct);
        fast_text = describe (fast);
        slow_text = describe (slow);
        g_assert_cmpstr (fast_text, ==, slow_text);
      }
  g_assert_cmpuint (covered, >, 20);
}

static void
test_cover (void)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();

  /* Everything: call_analysis holds items of calls not stored too. */
  g_assert_false (govorun_call_analysis_totals_cover (filter));
  filter->started_from = BASE;
  g_assert_true (govorun_call_analysis_totals_cover (filter));
  filter->started_until = BASE + 1800;
  g_assert_false (govorun_call_analysis_totals_cover (filter));
  filter->started_until = BASE + 3600;
  filter->status = 1;
  g_assert_false (govorun_call_analysis_totals_cover (filter));
  filter->status = GOVORUN_CALL_FILTER_ANY;
  filter->search = g_strdup ("916");
  g_assert_false (govorun_call_analysis_totals_cover (filter));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = test_util_make_tmp_dir ("govorun-call-analysis-totals-XXXXXX");
  db = g_build_filename (dir, "govorun.db", NULL);
  store = store_test_open (db);

  g_test_add_func ("/Govorun/CallAnalysisTotals/triggers", test_triggers);
  g_test_add_func ("/Govorun/CallAnalysisTotals/bulk-rebuild", test_bulk_rebuild);
  g_test_add_func ("/Govorun/CallAnalysisTotals/cover", test_cover);
  g_test_add_func ("/Govorun/CallAnalysisTotals/count", test_count);
  status = g_test_run ();

  govorun_store_close (store);
  g_clear_object (&store);
  test_util_rm_rf (dir);
  return status;
}
