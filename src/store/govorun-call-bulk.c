/* govorun-call-bulk.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallRecords"

#include "config.h"

#include "govorun-call-analysis-totals-private.h"
#include "govorun-call-bulk-private.h"
#include "govorun-call-records-private.h"
#include "govorun-call-records.h"
#include "govorun-call-stats-records-private.h"

/*
 * Why: a row upserted into the calls table with its nine indexes, the
 * Overview's aggregate triggers and the trigram index costs some 60 µs;
 * without them some 10 µs, and building them once afterwards (a sort per
 * index, one GROUP BY, one pass of the search index) costs far less than
 * keeping them up to date row by row. Only a history that starts empty
 * goes this way: nothing is there to join with or to keep searchable
 * while the first sync runs.
 *
 * The end comes in two steps. The sync's last page settles the bulk:
 * the triggers come back and the Overview's aggregates are filled, and
 * the index of the list's date order is built (its rows come in that
 * order: a quick sort), so the list, its sums and the Overview are right
 * and quick when the sync reports done. The other indexes and the search
 * index follow in the background (govorun-call-sync.c); meanwhile the
 * list's other orders read the table, and a search reads the numbers
 * (search_unindexed() in govorun-call-records.c). Any other write to the
 * calls ends the bulk first.
 */

/* The indexes a settled bulk has. */
#define SETTLED_INDEXES "'calls_started_at'"

/* In call_bulk_ddl while the Overview's sums hold every row of the bulk:
 * each page adds its new rows (a GROUP BY over a thousand rows), so the
 * settling need not count a million (two seconds). A page that changed a
 * row it had written before takes the mark away, and the settling counts
 * them all as before; so does a bulk begun before the mark existed. */
#define SUMS_MARK "sums kept"

/* Migration: the kept SQL of what a bulk dropped. */
const char govorun_call_bulk_migration[] =
  "CREATE TABLE call_bulk_ddl ("
  "  name TEXT PRIMARY KEY,"
  "  type TEXT NOT NULL,"
  "  sql TEXT NOT NULL"
  ") WITHOUT ROWID;";

static gboolean
query_flag (sqlite3     *db,
            const char  *sql,
            gboolean    *out,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

gboolean
_govorun_call_bulk_pending (sqlite3   *db,
                            gboolean  *out_pending,
                            GError   **error)
{
  return query_flag (db, "SELECT 1 FROM call_bulk_ddl LIMIT 1", out_pending, error);
}

gboolean
_govorun_call_bulk_begin (sqlite3   *db,
                          gboolean  *out_pending,
                          GError   **error)
{
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (sqlite3_free);
  gboolean has_calls = FALSE;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_govorun_call_bulk_pending (db, out_pending, error))
    return FALSE;
  if (*out_pending)
    return TRUE;
  if (!query_flag (db, "SELECT 1 FROM calls LIMIT 1", &has_calls, error))
    return FALSE;
  if (has_calls)
    return TRUE;

  /* Whatever indexes and triggers the calls table has now, by name: a
   * later migration's come and go with the rest. (Dropped after the
   * reading statement ends: SQLite drops nothing under a running one.) */
  if (sqlite3_exec (db, "INSERT INTO call_bulk_ddl (name, type, sql)"
                        " SELECT name, type, sql FROM sqlite_schema WHERE tbl_name = 'calls'"
                        " AND type IN ('index', 'trigger') AND sql IS NOT NULL",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT type, name FROM call_bulk_ddl", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (drops, sqlite3_mprintf ("DROP %s \"%w\"", sqlite3_column_text (stmt, 0),
                                             sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < drops->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (drops, i), NULL, NULL, NULL) != SQLITE_OK)
      return govorun_store_set_sqlite_error (error, db);
  /* The analysis totals' triggers on call_analysis too: the end of the
   * bulk refills the totals once. The Overview's sums are added page by
   * page (_govorun_call_bulk_page_written()) while this mark stays. */
  if (!govorun_call_analysis_totals_suspend (db, error) ||
      sqlite3_exec (db, "INSERT INTO call_bulk_ddl (name, type, sql) VALUES ('" SUMS_MARK "', 'mark', '')",
                    NULL, NULL, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  g_debug ("A first sync into an empty call history: writing it in bulk");
  *out_pending = TRUE;
  return TRUE;
}

/* --- the end of a bulk ----------------------------------------------------------- */

/* The search index of every call, as upserts write it: the numbers in
 * every form and the transcript. */
static gboolean
build_search (sqlite3  *db,
              GError  **error)
{
  sqlite3_stmt *read = NULL, *write = NULL;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_exec (db, "DELETE FROM calls_fts", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT id, from_number, to_number FROM calls ORDER BY id", -1,
                          &read, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO calls_fts (rowid, numbers, transcript) VALUES (?1, ?2,"
                              " (SELECT group_concat (text, char (10)) FROM"
                              " (SELECT text FROM call_turns WHERE call_id = ?1 ORDER BY seq)))",
                          -1, &write, NULL) != SQLITE_OK)
    ok = govorun_store_set_sqlite_error (error, db);

  while (ok && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      char *numbers = _govorun_call_records_index_numbers (govorun_store_column_text (read, 1),
                                                           govorun_store_column_text (read, 2));

      sqlite3_bind_int64 (write, 1, sqlite3_column_int64 (read, 0));
      sqlite3_bind_text (write, 2, numbers, -1, g_free);
      rc = sqlite3_step (write);
      sqlite3_reset (write);
      if (rc != SQLITE_DONE)
        ok = govorun_store_set_sqlite_error (error, db);
    }
  if (ok && rc != SQLITE_DONE)
    ok = govorun_store_set_sqlite_error (error, db);

  sqlite3_finalize (read);
  sqlite3_finalize (write);
  return ok;
}

/* Creates the kept statements @where selects, indexes first, and forgets
 * them; @out_triggers tells whether any was a trigger. */
static gboolean
restore (sqlite3     *db,
         const char  *where,
         gboolean    *out_triggers,
         GError     **error)
{
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *select = g_strconcat ("SELECT sql, type = 'trigger' FROM call_bulk_ddl",
                                         where, " ORDER BY type = 'trigger', name", NULL);
  g_autofree char *forget = g_strconcat ("DELETE FROM call_bulk_ddl", where, NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  *out_triggers = FALSE;
  /* Created after the reading statement ends. */
  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (creates, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      *out_triggers |= sqlite3_column_int (stmt, 1) != 0;
    }
  if (rc != SQLITE_DONE)
    ok = govorun_store_set_sqlite_error (error, db);
  sqlite3_finalize (stmt);
  for (guint i = 0; ok && i < creates->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (creates, i), NULL, NULL, NULL) != SQLITE_OK)
      ok = govorun_store_set_sqlite_error (error, db);
  if (ok && sqlite3_exec (db, forget, NULL, NULL, NULL) != SQLITE_OK)
    ok = govorun_store_set_sqlite_error (error, db);
  return ok;
}

/* Whether the Overview's sums hold every row of the bulk (SUMS_MARK). */
static gboolean
sums_kept (sqlite3   *db,
           gboolean  *out_kept,
           GError   **error)
{
  return query_flag (db, "SELECT 1 FROM call_bulk_ddl WHERE name = '" SUMS_MARK "'", out_kept, error);
}

static gboolean
forget_sums_kept (sqlite3  *db,
                  GError  **error)
{
  if (sqlite3_exec (db, "DELETE FROM call_bulk_ddl WHERE name = '" SUMS_MARK "'",
                    NULL, NULL, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

gboolean
_govorun_call_bulk_page_written (sqlite3                *db,
                                 GovorunCallHourlySums  *sums,
                                 guint                   n_rewritten,
                                 GError                **error)
{
  gboolean kept = FALSE;

  if (!sums_kept (db, &kept, error))
    return FALSE;
  if (!kept)
    return TRUE;
  if (n_rewritten > 0)
    return forget_sums_kept (db, error);
  return _govorun_call_stats_records_add_sums (db, sums, error);
}

gboolean
_govorun_call_bulk_settle (sqlite3  *db,
                           GError  **error)
{
  gboolean pending = FALSE;
  gboolean triggers = FALSE;
  gboolean kept = FALSE;

  if (!_govorun_call_bulk_pending (db, &pending, error))
    return FALSE;
  if (!pending)
    return TRUE;
  /* SQLite's default again (a bulk's pages checkpoint less often). */
  sqlite3_wal_autocheckpoint (db, 1000);
  if (!restore (db, " WHERE type = 'trigger' OR name IN (" SETTLED_INDEXES ")", &triggers, error))
    return FALSE;
  /* Once: a bulk settled before has its triggers, which kept the sums. */
  if (!triggers)
    return TRUE;
  if (!sums_kept (db, &kept, error) ||
      (!kept && !_govorun_call_stats_records_rebuild (db, error)) ||
      !govorun_call_analysis_totals_rebuild (db, error) ||
      !forget_sums_kept (db, error))
    return FALSE;
  g_debug ("The first sync's bulk is settled");
  return TRUE;
}

gboolean
_govorun_call_bulk_finish (sqlite3  *db,
                           GError  **error)
{
  gboolean pending = FALSE;
  gboolean triggers = FALSE;

  /* Settling does nothing either when none is under way. */
  if (!_govorun_call_bulk_settle (db, error) || !_govorun_call_bulk_pending (db, &pending, error))
    return FALSE;
  if (!pending)
    return TRUE;
  if (!restore (db, "", &triggers, error) || !build_search (db, error))
    return FALSE;
  g_debug ("The first sync's bulk is indexed");
  return TRUE;
}

gboolean
_govorun_call_bulk_settled (sqlite3   *db,
                            gboolean  *out_settled,
                            GError   **error)
{
  gboolean pending = FALSE;
  gboolean unsettled = FALSE;

  if (!_govorun_call_bulk_pending (db, &pending, error) ||
      !query_flag (db, "SELECT 1 FROM call_bulk_ddl WHERE type = 'trigger'"
                       " OR name IN (" SETTLED_INDEXES ") LIMIT 1", &unsettled, error))
    return FALSE;
  *out_settled = pending && !unsettled;
  return TRUE;
}

gboolean
_govorun_call_bulk_before_write (sqlite3  *db,
                                 GError  **error)
{
  gboolean is_settled = FALSE;

  if (!_govorun_call_bulk_settled (db, &is_settled, error))
    return FALSE;
  return is_settled || _govorun_call_bulk_finish (db, error);
}

/* What a GovorunCallBulkEnd does, and END_SETTLE. */
#define END_SETTLE (-1)

static gboolean
sql_end_bulk (sqlite3         *db,
              gpointer         data,
              gpointer        *out_result,
              GDestroyNotify  *out_result_destroy,
              GError         **error)
{
  gboolean is_settled = FALSE;

  switch (GPOINTER_TO_INT (data))
    {
    case END_SETTLE:
      return _govorun_call_bulk_settle (db, error);
    case GOVORUN_CALL_BULK_END_SETTLED:
      if (!_govorun_call_bulk_settled (db, &is_settled, error))
        return FALSE;
      return !is_settled || _govorun_call_bulk_finish (db, error);
    case GOVORUN_CALL_BULK_END_UNSETTLED:
    default:
      return _govorun_call_bulk_before_write (db, error);
    }
}

static gboolean
end_bulk_finish (GovorunStore  *store,
                 GAsyncResult  *result,
                 GError       **error)
{
  g_autoptr(GError) local = NULL;

  govorun_store_write_finish (store, result, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

void
govorun_call_records_settle_bulk_async (GovorunStore        *store,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_write_async (store, sql_end_bulk, GINT_TO_POINTER (END_SETTLE), NULL,
                             cancellable, callback, user_data);
}

gboolean
govorun_call_records_settle_bulk_finish (GovorunStore  *store,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return end_bulk_finish (store, result, error);
}

void
govorun_call_records_finish_bulk_async (GovorunStore        *store,
                                        GovorunCallBulkEnd   which,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_write_async (store, sql_end_bulk, GINT_TO_POINTER (which), NULL, cancellable,
                             callback, user_data);
}

gboolean
govorun_call_records_finish_bulk_finish (GovorunStore  *store,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return end_bulk_finish (store, result, error);
}
