/* govorun-call-stats-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallStatsRecords"

#include "config.h"

#include "govorun-call-record.h"
#include "govorun-call-stats-records.h"
#include "govorun-call-stats-result.h"
#include "govorun-call-stats-records-private.h"
#include "govorun-store-private.h"

#define SECONDS_PER_HOUR 3600

/* --- the schema ------------------------------------------------------------ */

/* The duration bucket of a call (govorun_call_duration_bucket_of ()). */
#define BUCKET(d) \
  "CASE WHEN " d " < 15 THEN 0 WHEN " d " < 30 THEN 1 WHEN " d " < 60 THEN 2" \
  " WHEN " d " < 120 THEN 3 WHEN " d " < 300 THEN 4 WHEN " d " < 600 THEN 5 ELSE 6 END"

/* The aggregate row a call of @r (NEW or OLD) counts in. */
#define KEY_VALUES(r) \
  r ".started_at / 3600, " r ".agent_uuid, " r ".status, " r ".success," \
  " COALESCE (" r ".vox_currency, ''), COALESCE (" r ".el_currency, '')"
#define KEY_MATCH(r) \
  " hour = " r ".started_at / 3600 AND agent_uuid = " r ".agent_uuid" \
  " AND status = " r ".status AND success = " r ".success" \
  " AND vox_currency = COALESCE (" r ".vox_currency, '')" \
  " AND el_currency = COALESCE (" r ".el_currency, '')"
/* The same for the durations of answered calls (status 1). */
#define DURATION_MATCH(r) \
  " hour = " r ".started_at / 3600 AND agent_uuid = " r ".agent_uuid" \
  " AND duration_bucket = " BUCKET (r ".duration")

#define ADD_NEW \
  "INSERT INTO call_hourly VALUES (" KEY_VALUES ("NEW") ", 1, NEW.duration," \
  " COALESCE (NEW.vox_cost, 0), COALESCE (NEW.el_cost, 0))" \
  " ON CONFLICT DO UPDATE SET calls = calls + 1, seconds = seconds + excluded.seconds," \
  " vox_cost = vox_cost + excluded.vox_cost, el_cost = el_cost + excluded.el_cost;" \
  "INSERT INTO call_hourly_durations SELECT NEW.started_at / 3600, NEW.agent_uuid," \
  " " BUCKET ("NEW.duration") ", 1 WHERE NEW.status = 1" \
  " ON CONFLICT DO UPDATE SET calls = calls + 1;"
/* A row whose last call went is removed, so rows do not pile up as calls
 * move between keys (the ElevenLabs side arriving after the Voximplant
 * one changes the evaluation and the currency). */
#define REMOVE_OLD \
  "UPDATE call_hourly SET calls = calls - 1, seconds = seconds - OLD.duration," \
  " vox_cost = vox_cost - COALESCE (OLD.vox_cost, 0)," \
  " el_cost = el_cost - COALESCE (OLD.el_cost, 0) WHERE" KEY_MATCH ("OLD") ";" \
  "DELETE FROM call_hourly WHERE" KEY_MATCH ("OLD") " AND calls <= 0;" \
  "UPDATE call_hourly_durations SET calls = calls - 1 WHERE OLD.status = 1 AND" \
  DURATION_MATCH ("OLD") ";" \
  "DELETE FROM call_hourly_durations WHERE OLD.status = 1 AND" DURATION_MATCH ("OLD") \
  " AND calls <= 0;"

/* The same keyed by direction too (the second migration below): the
 * Calls page's sums for "Incoming" or "Outgoing" then come from here. */
#define KEY_VALUES_2(r) \
  r ".started_at / 3600, " r ".agent_uuid, " r ".direction, " r ".status, " r ".success," \
  " COALESCE (" r ".vox_currency, ''), COALESCE (" r ".el_currency, '')"
#define KEY_MATCH_2(r) \
  KEY_MATCH (r) " AND direction = " r ".direction"
#define ADD_NEW_2 \
  "INSERT INTO call_hourly VALUES (" KEY_VALUES_2 ("NEW") ", 1, NEW.duration," \
  " COALESCE (NEW.vox_cost, 0), COALESCE (NEW.el_cost, 0))" \
  " ON CONFLICT DO UPDATE SET calls = calls + 1, seconds = seconds + excluded.seconds," \
  " vox_cost = vox_cost + excluded.vox_cost, el_cost = el_cost + excluded.el_cost;" \
  "INSERT INTO call_hourly_durations SELECT NEW.started_at / 3600, NEW.agent_uuid," \
  " " BUCKET ("NEW.duration") ", 1 WHERE NEW.status = 1" \
  " ON CONFLICT DO UPDATE SET calls = calls + 1;"
#define REMOVE_OLD_2 \
  "UPDATE call_hourly SET calls = calls - 1, seconds = seconds - OLD.duration," \
  " vox_cost = vox_cost - COALESCE (OLD.vox_cost, 0)," \
  " el_cost = el_cost - COALESCE (OLD.el_cost, 0) WHERE" KEY_MATCH_2 ("OLD") ";" \
  "DELETE FROM call_hourly WHERE" KEY_MATCH_2 ("OLD") " AND calls <= 0;" \
  "UPDATE call_hourly_durations SET calls = calls - 1 WHERE OLD.status = 1 AND" \
  DURATION_MATCH ("OLD") ";" \
  "DELETE FROM call_hourly_durations WHERE OLD.status = 1 AND" DURATION_MATCH ("OLD") \
  " AND calls <= 0;"

/* The aggregates of every stored call, as the second migration below
 * fills them (a shipped migration is never edited, so its text stays its
 * own). */
#define FILL_SQL \
  "INSERT INTO call_hourly SELECT " KEY_VALUES_2 ("calls") ", COUNT (*), SUM (duration)," \
  " TOTAL (vox_cost), TOTAL (el_cost) FROM calls GROUP BY 1, 2, 3, 4, 5, 6, 7;" \
  "INSERT INTO call_hourly_durations SELECT started_at / 3600, agent_uuid, " BUCKET ("duration") \
  ", COUNT (*) FROM calls WHERE status = 1 GROUP BY 1, 2, 3;"

/* Appended to the store's migrations: never edit it once shipped. */
const char govorun_call_stats_records_migration[] =
  /* The Overview's aggregates: calls summed per UTC hour, agent, status,
   * evaluation and currencies (costs of an unknown currency are 0), and
   * answered calls per hour, agent and duration bucket. Apart, because
   * the buckets would multiply the first table's rows several times over
   * and only the histogram reads them. */
  "CREATE TABLE call_hourly ("
  "  hour INTEGER NOT NULL,"
  "  agent_uuid TEXT NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  success INTEGER NOT NULL,"
  "  vox_currency TEXT NOT NULL,"
  "  el_currency TEXT NOT NULL,"
  "  calls INTEGER NOT NULL,"
  "  seconds INTEGER NOT NULL,"
  "  vox_cost REAL NOT NULL,"
  "  el_cost REAL NOT NULL,"
  "  PRIMARY KEY (hour, agent_uuid, status, success, vox_currency, el_currency)"
  ") WITHOUT ROWID;"
  "CREATE TABLE call_hourly_durations ("
  "  hour INTEGER NOT NULL,"
  "  agent_uuid TEXT NOT NULL,"
  "  duration_bucket INTEGER NOT NULL,"
  "  calls INTEGER NOT NULL,"
  "  PRIMARY KEY (hour, agent_uuid, duration_bucket)"
  ") WITHOUT ROWID;"
  "INSERT INTO call_hourly SELECT " KEY_VALUES ("calls") ", COUNT (*), SUM (duration),"
  " TOTAL (vox_cost), TOTAL (el_cost) FROM calls GROUP BY 1, 2, 3, 4, 5, 6;"
  "INSERT INTO call_hourly_durations SELECT started_at / 3600, agent_uuid, " BUCKET ("duration")
  ", COUNT (*) FROM calls WHERE status = 1 GROUP BY 1, 2, 3;"
  "CREATE TRIGGER calls_hourly_insert AFTER INSERT ON calls BEGIN " ADD_NEW " END;"
  "CREATE TRIGGER calls_hourly_delete AFTER DELETE ON calls BEGIN " REMOVE_OLD " END;"
  /* Re-syncing a call changes nothing it is counted by: no work then. */
  "CREATE TRIGGER calls_hourly_update AFTER UPDATE OF started_at, agent_uuid, status,"
  " success, duration, vox_cost, vox_currency, el_cost, el_currency ON calls"
  " WHEN OLD.started_at IS NOT NEW.started_at OR OLD.agent_uuid IS NOT NEW.agent_uuid"
  " OR OLD.status IS NOT NEW.status"
  " OR OLD.success IS NOT NEW.success OR OLD.duration IS NOT NEW.duration"
  " OR OLD.vox_cost IS NOT NEW.vox_cost OR OLD.vox_currency IS NOT NEW.vox_currency"
  " OR OLD.el_cost IS NOT NEW.el_cost OR OLD.el_currency IS NOT NEW.el_currency"
  " BEGIN " REMOVE_OLD ADD_NEW " END;";

/* Appended to the store's migrations: never edit it once shipped. The
 * hourly sums by direction too, so that the Calls page's sums for a
 * direction need not count the calls (seconds at a million). A bulk under
 * way (govorun-call-bulk.c) keeps the triggers' old text: it is forgotten,
 * since these are here now and its end refills the sums anyway. */
const char govorun_call_stats_records_direction_migration[] =
  "DROP TRIGGER IF EXISTS calls_hourly_insert;"
  "DROP TRIGGER IF EXISTS calls_hourly_delete;"
  "DROP TRIGGER IF EXISTS calls_hourly_update;"
  "DELETE FROM call_bulk_ddl WHERE name IN ('calls_hourly_insert', 'calls_hourly_delete',"
  " 'calls_hourly_update');"
  "DROP TABLE call_hourly;"
  "CREATE TABLE call_hourly ("
  "  hour INTEGER NOT NULL,"
  "  agent_uuid TEXT NOT NULL,"
  "  direction INTEGER NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  success INTEGER NOT NULL,"
  "  vox_currency TEXT NOT NULL,"
  "  el_currency TEXT NOT NULL,"
  "  calls INTEGER NOT NULL,"
  "  seconds INTEGER NOT NULL,"
  "  vox_cost REAL NOT NULL,"
  "  el_cost REAL NOT NULL,"
  "  PRIMARY KEY (hour, agent_uuid, direction, status, success, vox_currency, el_currency)"
  ") WITHOUT ROWID;"
  "INSERT INTO call_hourly SELECT " KEY_VALUES_2 ("calls") ", COUNT (*), SUM (duration),"
  " TOTAL (vox_cost), TOTAL (el_cost) FROM calls GROUP BY 1, 2, 3, 4, 5, 6, 7;"
  "CREATE TRIGGER calls_hourly_insert AFTER INSERT ON calls BEGIN " ADD_NEW_2 " END;"
  "CREATE TRIGGER calls_hourly_delete AFTER DELETE ON calls BEGIN " REMOVE_OLD_2 " END;"
  "CREATE TRIGGER calls_hourly_update AFTER UPDATE OF started_at, agent_uuid, direction, status,"
  " success, duration, vox_cost, vox_currency, el_cost, el_currency ON calls"
  " WHEN OLD.started_at IS NOT NEW.started_at OR OLD.agent_uuid IS NOT NEW.agent_uuid"
  " OR OLD.direction IS NOT NEW.direction OR OLD.status IS NOT NEW.status"
  " OR OLD.success IS NOT NEW.success OR OLD.duration IS NOT NEW.duration"
  " OR OLD.vox_cost IS NOT NEW.vox_cost OR OLD.vox_currency IS NOT NEW.vox_currency"
  " OR OLD.el_cost IS NOT NEW.el_cost OR OLD.el_currency IS NOT NEW.el_currency"
  " BEGIN " REMOVE_OLD_2 ADD_NEW_2 " END;";

/* What the migrations fill the tables with, for every call. */
static const char rebuild_sql[] =
  "DELETE FROM call_hourly;"
  "DELETE FROM call_hourly_durations;"
  FILL_SQL;

/* --- a bulk's page added to the sums ---------------------------------------- */

/* Its calls summed in memory by the key of call_hourly (KEY_VALUES_2) and
 * of call_hourly_durations, then added: a GROUP BY reading the page's rows
 * back took a third of the writer's time in a first sync. */
typedef struct
{
  gint64      hour;
  const char *agent_uuid;    /* borrowed from the page's records */
  int         direction;
  int         status;
  int         success;
  const char *vox_currency;  /* "" for none, as COALESCE () makes it */
  const char *el_currency;
  gint64      calls;
  gint64      seconds;
  double      vox_cost;
  double      el_cost;
} HourlyRow;

typedef struct
{
  gint64      hour;
  const char *agent_uuid;
  guint       bucket;
  gint64      calls;
} DurationRow;

struct _GovorunCallHourlySums
{
  GHashTable *rows;       /* HourlyRow → itself */
  GHashTable *durations;  /* DurationRow → itself */
};

static guint
hourly_row_hash (gconstpointer data)
{
  const HourlyRow *row = data;

  return (guint) row->hour * 31u + g_str_hash (row->agent_uuid) +
         (guint) (row->direction * 7 + row->status * 13 + row->success * 17) +
         g_str_hash (row->vox_currency) * 3u + g_str_hash (row->el_currency) * 5u;
}

static gboolean
hourly_row_equal (gconstpointer a,
                  gconstpointer b)
{
  const HourlyRow *x = a, *y = b;

  return x->hour == y->hour && x->direction == y->direction && x->status == y->status &&
         x->success == y->success && g_str_equal (x->agent_uuid, y->agent_uuid) &&
         g_str_equal (x->vox_currency, y->vox_currency) && g_str_equal (x->el_currency, y->el_currency);
}

static guint
duration_row_hash (gconstpointer data)
{
  const DurationRow *row = data;

  return (guint) row->hour * 31u + g_str_hash (row->agent_uuid) + row->bucket * 7u;
}

static gboolean
duration_row_equal (gconstpointer a,
                    gconstpointer b)
{
  const DurationRow *x = a, *y = b;

  return x->hour == y->hour && x->bucket == y->bucket && g_str_equal (x->agent_uuid, y->agent_uuid);
}

GovorunCallHourlySums *
_govorun_call_hourly_sums_new (void)
{
  GovorunCallHourlySums *sums = g_new0 (GovorunCallHourlySums, 1);

  sums->rows = g_hash_table_new_full (hourly_row_hash, hourly_row_equal, g_free, NULL);
  sums->durations = g_hash_table_new_full (duration_row_hash, duration_row_equal, g_free, NULL);
  return sums;
}

void
_govorun_call_hourly_sums_free (GovorunCallHourlySums *sums)
{
  if (sums == NULL)
    return;
  g_hash_table_destroy (sums->rows);
  g_hash_table_destroy (sums->durations);
  g_free (sums);
}

void
_govorun_call_hourly_sums_add (GovorunCallHourlySums *sums,
                               gint64                 started_at,
                               const char            *agent_uuid,
                               int                    direction,
                               int                    status,
                               int                    success,
                               const char            *vox_currency,
                               const char            *el_currency,
                               guint                  duration,
                               double                 vox_cost,
                               double                 el_cost)
{
  HourlyRow key = {
    started_at / SECONDS_PER_HOUR, agent_uuid, direction, status, success,
    vox_currency != NULL ? vox_currency : "", el_currency != NULL ? el_currency : "",
    0, 0, 0, 0,
  };
  HourlyRow *row = g_hash_table_lookup (sums->rows, &key);

  if (row == NULL)
    {
      row = g_memdup2 (&key, sizeof key);
      g_hash_table_add (sums->rows, row);
    }
  row->calls++;
  row->seconds += duration;
  row->vox_cost += vox_cost;
  row->el_cost += el_cost;

  if (status == GOVORUN_CALL_STATUS_ANSWERED)
    {
      DurationRow dkey = { key.hour, agent_uuid, govorun_call_duration_bucket_of (duration), 0 };
      DurationRow *drow = g_hash_table_lookup (sums->durations, &dkey);

      if (drow == NULL)
        {
          drow = g_memdup2 (&dkey, sizeof dkey);
          g_hash_table_add (sums->durations, drow);
        }
      drow->calls++;
    }
}

static const char add_row_sql[] =
  "INSERT INTO call_hourly VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
  " ON CONFLICT DO UPDATE SET calls = calls + excluded.calls,"
  " seconds = seconds + excluded.seconds, vox_cost = vox_cost + excluded.vox_cost,"
  " el_cost = el_cost + excluded.el_cost";
static const char add_duration_sql[] =
  "INSERT INTO call_hourly_durations VALUES (?1, ?2, ?3, ?4)"
  " ON CONFLICT DO UPDATE SET calls = calls + excluded.calls";

gboolean
_govorun_call_stats_records_add_sums (sqlite3                *db,
                                      GovorunCallHourlySums  *sums,
                                      GError                **error)
{
  sqlite3_stmt *stmt = govorun_store_kept_statement (db, add_row_sql, error);
  GHashTableIter iter;
  gpointer item;

  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, sums->rows);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      const HourlyRow *row = item;

      sqlite3_bind_int64 (stmt, 1, row->hour);
      sqlite3_bind_text (stmt, 2, row->agent_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, row->direction);
      sqlite3_bind_int (stmt, 4, row->status);
      sqlite3_bind_int (stmt, 5, row->success);
      sqlite3_bind_text (stmt, 6, row->vox_currency, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, row->el_currency, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, row->calls);
      sqlite3_bind_int64 (stmt, 9, row->seconds);
      sqlite3_bind_double (stmt, 10, row->vox_cost);
      sqlite3_bind_double (stmt, 11, row->el_cost);
      if (!govorun_store_step_reset (stmt, db, error))
        return FALSE;
    }

  if ((stmt = govorun_store_kept_statement (db, add_duration_sql, error)) == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, sums->durations);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      const DurationRow *row = item;

      sqlite3_bind_int64 (stmt, 1, row->hour);
      sqlite3_bind_text (stmt, 2, row->agent_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, row->bucket);
      sqlite3_bind_int64 (stmt, 4, row->calls);
      if (!govorun_store_step_reset (stmt, db, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_govorun_call_stats_records_rebuild (sqlite3  *db,
                                     GError  **error)
{
  if (sqlite3_exec (db, rebuild_sql, NULL, NULL, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

/* --- the query ------------------------------------------------------------- */

static const char rows_sql[] =
  "SELECT hour, agent_uuid, status, success, vox_currency, el_currency,"
  " calls, seconds, vox_cost, el_cost FROM call_hourly"
  " WHERE hour >= ?1 AND hour < ?2 AND (?3 IS NULL OR agent_uuid = ?3)";

static const char durations_sql[] =
  "SELECT duration_bucket, SUM (calls) FROM call_hourly_durations"
  " WHERE hour >= ?1 AND hour < ?2 AND (?3 IS NULL OR agent_uuid = ?3)"
  " GROUP BY duration_bucket";

/* Where one UTC hour falls in the period, worked out once per hour. */
typedef struct
{
  gint64 hour;       /* the hour this is about, or G_MININT64 */
  int    day;        /* of the period; negative: the previous period */
  int    weekday;    /* Monday = 0 */
  int    local_hour;
} HourPlace;

static void
place_hour (const GovorunCallStatsQuery *query,
            guint                        first_julian,
            gint64                       hour,
            HourPlace                   *place)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (hour * SECONDS_PER_HOUR);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, query->tz);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  place->hour = hour;
  place->day = (int) g_date_get_julian (&date) - (int) first_julian;
  place->weekday = g_date_time_get_day_of_week (local) - 1;
  place->local_hour = g_date_time_get_hour (local);
}

static void
count_row (GovorunCallStatsResult *result,
           const HourPlace        *place,
           sqlite3_stmt           *stmt)
{
  GovorunCallStatus status = sqlite3_column_int (stmt, 2);
  GovorunCallSuccess success = sqlite3_column_int (stmt, 3);
  const char *vox_currency = govorun_store_column_text (stmt, 4);
  const char *el_currency = govorun_store_column_text (stmt, 5);
  guint64 calls = (guint64) sqlite3_column_int64 (stmt, 6);
  guint64 seconds = (guint64) sqlite3_column_int64 (stmt, 7);
  double vox_cost = sqlite3_column_double (stmt, 8);
  double el_cost = sqlite3_column_double (stmt, 9);
  GovorunCallAgentStats *agent;

  if (place->day < 0)
    {
      govorun_call_totals_add (result->previous, status, success, calls, seconds,
                               vox_currency, vox_cost, el_currency, el_cost);
      return;
    }

  govorun_call_totals_add (result->current, status, success, calls, seconds,
                           vox_currency, vox_cost, el_currency, el_cost);
  agent = govorun_call_stats_result_ensure_agent (result, govorun_store_column_text (stmt, 1));
  govorun_call_totals_add (agent->totals, status, success, calls, seconds,
                           vox_currency, vox_cost, el_currency, el_cost);
  result->days[(gsize) place->day * GOVORUN_CALL_N_OUTCOMES
               + govorun_call_outcome_of (status, success)] += calls;
  result->heat_calls[place->weekday][place->local_hour] += calls;
  if (status == GOVORUN_CALL_STATUS_ANSWERED)
    result->heat_answered[place->weekday][place->local_hour] += calls;
}

static gboolean
sql_query (sqlite3         *db,
           gpointer         data,
           gpointer        *out_result,
           GDestroyNotify  *out_result_destroy,
           GError         **error)
{
  const GovorunCallStatsQuery *query = data;
  g_autoptr(GovorunCallStatsResult) result = govorun_call_stats_result_new (query);
  gint64 previous_from = govorun_call_stats_query_day_start (query, -(int) query->n_days);
  gint64 current_from = govorun_call_stats_query_day_start (query, 0);
  gint64 until = govorun_call_stats_query_day_start (query, (int) query->n_days);
  HourPlace place = { G_MININT64, 0, 0, 0 };
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM calls)", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return govorun_store_set_sqlite_error (error, db);
    }
  result->has_history = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, rows_sql, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  /* Whole hours: local midnights are on the hour in the zones we serve. */
  sqlite3_bind_int64 (stmt, 1, previous_from / SECONDS_PER_HOUR);
  sqlite3_bind_int64 (stmt, 2, (until + SECONDS_PER_HOUR - 1) / SECONDS_PER_HOUR);
  govorun_store_bind_text (stmt, 3, query->agent_uuid);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 hour = sqlite3_column_int64 (stmt, 0);

      if (hour != place.hour)
        {
          place_hour (query, g_date_get_julian (&query->first_day), hour, &place);
          /* A partial hour at either end of a zone off the hour. */
          if (hour * SECONDS_PER_HOUR < current_from)
            place.day = -1;
          else if (place.day >= (int) query->n_days)
            place.day = (int) query->n_days - 1;
          else if (place.day < 0)
            place.day = 0;
        }
      count_row (result, &place, stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  /* The histogram: a handful of rows summed by SQL. */
  if (sqlite3_prepare_v2 (db, durations_sql, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, (current_from + SECONDS_PER_HOUR - 1) / SECONDS_PER_HOUR);
  sqlite3_bind_int64 (stmt, 2, (until + SECONDS_PER_HOUR - 1) / SECONDS_PER_HOUR);
  govorun_store_bind_text (stmt, 3, query->agent_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint bucket = (guint) sqlite3_column_int (stmt, 0);

      if (bucket < GOVORUN_CALL_N_DURATION_BUCKETS)
        result->durations[bucket] += (guint64) sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  govorun_call_stats_result_sort_agents (result);
  *out_result = g_steal_pointer (&result);
  *out_result_destroy = (GDestroyNotify) govorun_call_stats_result_free;
  return TRUE;
}

/* --- the Calls summary ------------------------------------------------------ */

gboolean
govorun_call_stats_records_cover_summary (const GovorunCallFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->started_from >= 0 && filter->started_from % SECONDS_PER_HOUR == 0 &&
         filter->started_until >= 0 && filter->started_until % SECONDS_PER_HOUR == 0 &&
         (filter->search == NULL || *filter->search == '\0') &&
         filter->analysis_name == NULL;
}

/* A few hundred rows a day, where the calls themselves are thousands. */
static const char summary_sql[] =
  "SELECT NULLIF (vox_currency, ''), NULLIF (el_currency, ''), SUM (calls), SUM (seconds),"
  " TOTAL (vox_cost), TOTAL (el_cost) FROM call_hourly"
  " WHERE hour >= ?1 AND hour < ?2 AND (?3 IS NULL OR agent_uuid = ?3)"
  " AND (?4 IS NULL OR status = ?4) AND (?5 IS NULL OR success = ?5)"
  " AND (?6 IS NULL OR direction = ?6)"
  " GROUP BY vox_currency, el_currency";

sqlite3_stmt *
govorun_call_stats_records_prepare_summary (sqlite3                  *db,
                                            const GovorunCallFilter  *filter,
                                            GError                  **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (govorun_call_stats_records_cover_summary (filter), NULL);

  if (sqlite3_prepare_v2 (db, summary_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      govorun_store_set_sqlite_error (error, db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, filter->started_from != 0 ? filter->started_from / SECONDS_PER_HOUR
                                                         : G_MININT64);
  sqlite3_bind_int64 (stmt, 2, filter->started_until != 0 ? filter->started_until / SECONDS_PER_HOUR
                                                          : G_MAXINT64);
  govorun_store_bind_text (stmt, 3, filter->agent_uuid);
  if (filter->status != GOVORUN_CALL_FILTER_ANY)
    sqlite3_bind_int (stmt, 4, filter->status);
  if (filter->success != GOVORUN_CALL_FILTER_ANY)
    sqlite3_bind_int (stmt, 5, filter->success);
  if (filter->direction != GOVORUN_CALL_FILTER_ANY)
    sqlite3_bind_int (stmt, 6, filter->direction);
  return stmt;
}

/**
 * govorun_call_stats_records_query_async:
 * @store: an open #GovorunStore
 * @query: the period, zone and agent
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 */
void
govorun_call_stats_records_query_async (GovorunStore                *store,
                                        const GovorunCallStatsQuery *query,
                                        GCancellable                *cancellable,
                                        GAsyncReadyCallback          callback,
                                        gpointer                     user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (query != NULL);

  govorun_store_read_async (store, sql_query, govorun_call_stats_query_copy (query),
                            (GDestroyNotify) govorun_call_stats_query_free, cancellable,
                            callback, user_data);
}

/* Returns: (transfer full): the statistics, or %NULL with @error set. */
GovorunCallStatsResult *
govorun_call_stats_records_query_finish (GovorunStore  *store,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}
