/* govorun-call-analysis-totals.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallAnalysisTotals"

#include "config.h"

#include "govorun-call-analysis-totals-private.h"
#include "govorun-store-private.h"

#define SECONDS_PER_HOUR 3600
#define HOURS_PER_DAY 24
/* Hours beyond any stored call, for a filter open at one end. */
#define FAR_HOURS (G_GINT64_CONSTANT (1) << 40)

/* --- the schema ------------------------------------------------------------ */

/* The analysis rows (kind, name, result) of the call @c counted with the
 * sign @n: the call's hour and agent from @c, the items from @a. */
#define ROWS(table, unit, n, c, a, from, where) \
  "INSERT INTO " table " SELECT " c ".started_at / " unit ", " c ".agent_uuid, " a ".kind, " \
  a ".name, COALESCE (" a ".result, ''), " n " FROM " from " WHERE " where \
  " ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;"

/* Both tables, for one analysis item @a (NEW or OLD) and its call. */
#define ITEM(n, a) \
  ROWS ("call_analysis_hourly", "3600", n, "c", a, "calls AS c", \
        "c.el_conversation_id = " a ".conversation_id") \
  ROWS ("call_analysis_daily", "86400", n, "c", a, "calls AS c", \
        "c.el_conversation_id = " a ".conversation_id")

/* Both tables, for every analysis item of one call @c (NEW or OLD). */
#define CALL(n, c) \
  ROWS ("call_analysis_hourly", "3600", n, c, "a", "call_analysis AS a", \
        "a.conversation_id = " c ".el_conversation_id") \
  ROWS ("call_analysis_daily", "86400", n, c, "a", "call_analysis AS a", \
        "a.conversation_id = " c ".el_conversation_id")

/* Rows whose last call went, in the hour and day of a start time @t and
 * agent @agent (expressions). */
#define PRUNE(t, agent) \
  "DELETE FROM call_analysis_hourly WHERE hour = " t " / 3600 AND agent_uuid = " agent \
  " AND calls <= 0;" \
  "DELETE FROM call_analysis_daily WHERE day = " t " / 86400 AND agent_uuid = " agent \
  " AND calls <= 0;"
#define PRUNE_ITEM(a) \
  PRUNE ("(SELECT started_at FROM calls WHERE el_conversation_id = " a ".conversation_id)", \
         "(SELECT agent_uuid FROM calls WHERE el_conversation_id = " a ".conversation_id)")

#define TRIGGERS \
  "CREATE TRIGGER IF NOT EXISTS call_analysis_totals_insert AFTER INSERT ON call_analysis" \
  " BEGIN " ITEM ("1", "NEW") " END;" \
  "CREATE TRIGGER IF NOT EXISTS call_analysis_totals_delete AFTER DELETE ON call_analysis" \
  " BEGIN " ITEM ("-1", "OLD") PRUNE_ITEM ("OLD") " END;" \
  "CREATE TRIGGER IF NOT EXISTS call_analysis_totals_update AFTER UPDATE OF conversation_id, kind," \
  " name, result ON call_analysis" \
  " WHEN OLD.conversation_id IS NOT NEW.conversation_id OR OLD.kind IS NOT NEW.kind" \
  " OR OLD.name IS NOT NEW.name OR COALESCE (OLD.result, '') IS NOT COALESCE (NEW.result, '')" \
  " BEGIN " ITEM ("-1", "OLD") PRUNE_ITEM ("OLD") ITEM ("1", "NEW") " END;" \
  /* A call's items arrive after the call as a rule (one seek finds none \
   * and the sync's upsert pays no more); a call stored after its items \
   * (a join) brings them. */ \
  "CREATE TRIGGER IF NOT EXISTS calls_analysis_totals_insert AFTER INSERT ON calls" \
  " WHEN NEW.el_conversation_id IS NOT NULL" \
  " AND EXISTS (SELECT 1 FROM call_analysis WHERE conversation_id = NEW.el_conversation_id)" \
  " BEGIN " CALL ("1", "NEW") " END;" \
  "CREATE TRIGGER IF NOT EXISTS calls_analysis_totals_delete AFTER DELETE ON calls" \
  " WHEN OLD.el_conversation_id IS NOT NULL" \
  " AND EXISTS (SELECT 1 FROM call_analysis WHERE conversation_id = OLD.el_conversation_id)" \
  " BEGIN " CALL ("-1", "OLD") PRUNE ("OLD.started_at", "OLD.agent_uuid") " END;" \
  /* Re-syncing a call within its hour changes nothing counted here. */ \
  "CREATE TRIGGER IF NOT EXISTS calls_analysis_totals_update AFTER UPDATE OF started_at, agent_uuid," \
  " el_conversation_id ON calls" \
  " WHEN OLD.el_conversation_id IS NOT NEW.el_conversation_id" \
  " OR OLD.agent_uuid IS NOT NEW.agent_uuid OR OLD.started_at / 3600 IS NOT NEW.started_at / 3600" \
  " BEGIN " CALL ("-1", "OLD") PRUNE ("OLD.started_at", "OLD.agent_uuid") CALL ("1", "NEW") " END;"

#define DROP_TRIGGERS \
  "DROP TRIGGER IF EXISTS call_analysis_totals_insert;" \
  "DROP TRIGGER IF EXISTS call_analysis_totals_delete;" \
  "DROP TRIGGER IF EXISTS call_analysis_totals_update;" \
  "DROP TRIGGER IF EXISTS calls_analysis_totals_insert;" \
  "DROP TRIGGER IF EXISTS calls_analysis_totals_delete;" \
  "DROP TRIGGER IF EXISTS calls_analysis_totals_update;"

/* The days are summed from the hours: a day is 24 whole UTC hours. The
 * calls are read in turn, each one's items by their key (CROSS JOIN keeps
 * that order): a call has several items, so this is a fifth of the
 * look-ups of reading the items and finding each one's call. */
#define FILL \
  "DELETE FROM call_analysis_hourly;" \
  "DELETE FROM call_analysis_daily;" \
  "INSERT INTO call_analysis_hourly SELECT c.started_at / 3600, c.agent_uuid, a.kind, a.name," \
  " COALESCE (a.result, ''), COUNT (*) FROM calls AS c" \
  " CROSS JOIN call_analysis AS a ON a.conversation_id = c.el_conversation_id" \
  " WHERE c.el_conversation_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;" \
  "INSERT INTO call_analysis_daily SELECT hour / 24, agent_uuid, kind, name, result, SUM (calls)" \
  " FROM call_analysis_hourly GROUP BY 1, 2, 3, 4, 5;"

/* Appended to the store's migrations: never edit it once shipped. */
const char govorun_call_analysis_totals_migration[] =
  "CREATE TABLE call_analysis_hourly ("
  "  hour INTEGER NOT NULL,"
  "  agent_uuid TEXT NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  result TEXT NOT NULL,"
  "  calls INTEGER NOT NULL,"
  "  PRIMARY KEY (hour, agent_uuid, kind, name, result)"
  ") WITHOUT ROWID;"
  "CREATE TABLE call_analysis_daily ("
  "  day INTEGER NOT NULL,"
  "  agent_uuid TEXT NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  result TEXT NOT NULL,"
  "  calls INTEGER NOT NULL,"
  "  PRIMARY KEY (day, agent_uuid, kind, name, result)"
  ") WITHOUT ROWID;"
  FILL
  TRIGGERS;

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

gboolean
govorun_call_analysis_totals_suspend (sqlite3  *db,
                                      GError  **error)
{
  return exec (db, DROP_TRIGGERS, error);
}

gboolean
govorun_call_analysis_totals_rebuild (sqlite3  *db,
                                      GError  **error)
{
  return exec (db, FILL TRIGGERS, error);
}

/* --- the query ------------------------------------------------------------- */

gboolean
govorun_call_analysis_totals_cover (const GovorunCallFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return (filter->started_from != 0 || filter->started_until != 0 || filter->agent_uuid != NULL) &&
         filter->started_from >= 0 && filter->started_from % SECONDS_PER_HOUR == 0 &&
         filter->started_until >= 0 && filter->started_until % SECONDS_PER_HOUR == 0 &&
         filter->status == GOVORUN_CALL_FILTER_ANY &&
         filter->direction == GOVORUN_CALL_FILTER_ANY &&
         filter->success == GOVORUN_CALL_FILTER_ANY &&
         (filter->search == NULL || *filter->search == '\0') &&
         filter->analysis_name == NULL;
}

/* Whole days from the days' table, the hours at either end from the
 * hours' table. */
static const char totals_sql[] =
  "SELECT kind, name, result, SUM (calls) AS n FROM ("
  " SELECT kind, name, result, calls FROM call_analysis_daily"
  "  WHERE day >= ?1 AND day < ?2 AND (?7 IS NULL OR agent_uuid = ?7)"
  " UNION ALL SELECT kind, name, result, calls FROM call_analysis_hourly"
  "  WHERE hour >= ?3 AND hour < ?4 AND (?7 IS NULL OR agent_uuid = ?7)"
  " UNION ALL SELECT kind, name, result, calls FROM call_analysis_hourly"
  "  WHERE hour >= ?5 AND hour < ?6 AND (?7 IS NULL OR agent_uuid = ?7))"
  " GROUP BY kind, name, result ORDER BY kind, name, n DESC, result";

sqlite3_stmt *
govorun_call_analysis_totals_prepare (sqlite3                  *db,
                                      const GovorunCallFilter  *filter,
                                      GError                  **error)
{
  gint64 from = filter->started_from != 0 ? filter->started_from / SECONDS_PER_HOUR : -FAR_HOURS;
  gint64 until = filter->started_until != 0 ? filter->started_until / SECONDS_PER_HOUR : FAR_HOURS;
  /* The first and the end of the whole days in [from, until): floor
   * and ceiling divisions, the hours may be below 0. */
  gint64 first_day = from >= 0 ? (from + HOURS_PER_DAY - 1) / HOURS_PER_DAY : -(-from / HOURS_PER_DAY);
  gint64 end_day = until >= 0 ? until / HOURS_PER_DAY : -((-until + HOURS_PER_DAY - 1) / HOURS_PER_DAY);
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (govorun_call_analysis_totals_cover (filter), NULL);

  if (sqlite3_prepare_v2 (db, totals_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      govorun_store_set_sqlite_error (error, db);
      return NULL;
    }
  if (first_day < end_day)
    {
      sqlite3_bind_int64 (stmt, 1, first_day);
      sqlite3_bind_int64 (stmt, 2, end_day);
      sqlite3_bind_int64 (stmt, 3, from);
      sqlite3_bind_int64 (stmt, 4, first_day * HOURS_PER_DAY);
      sqlite3_bind_int64 (stmt, 5, end_day * HOURS_PER_DAY);
      sqlite3_bind_int64 (stmt, 6, until);
    }
  else
    {
      /* Within a day or two: the hours alone. */
      sqlite3_bind_int64 (stmt, 1, 0);
      sqlite3_bind_int64 (stmt, 2, 0);
      sqlite3_bind_int64 (stmt, 3, from);
      sqlite3_bind_int64 (stmt, 4, until);
      sqlite3_bind_int64 (stmt, 5, 0);
      sqlite3_bind_int64 (stmt, 6, 0);
    }
  govorun_store_bind_text (stmt, 7, filter->agent_uuid);
  return stmt;
}
