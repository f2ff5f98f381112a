/* govorun-call-sync-lookups.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSyncLookups"

#include "config.h"

#include "govorun-call-bulk-private.h"
#include "govorun-call-sync-lookups-private.h"
#include "govorun-store-private.h"

/* --- known conversations --------------------------------------------------- */

static gboolean
sql_conversations (sqlite3         *db,
                   gpointer         data,
                   gpointer        *out_result,
                   GDestroyNotify  *out_result_destroy,
                   GError         **error)
{
  const char * const *ids = data;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT duration, success,"
                          " EXISTS (SELECT 1 FROM call_turns WHERE call_id = calls.id),"
                          " vox_session_id IS NOT NULL"
                          " FROM calls WHERE el_conversation_id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      int rc;

      govorun_store_bind_text (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          GovorunKnownConversation *conversation = g_new0 (GovorunKnownConversation, 1);

          conversation->duration = (guint) sqlite3_column_int64 (stmt, 0);
          conversation->success = sqlite3_column_int (stmt, 1);
          conversation->has_transcript = sqlite3_column_int (stmt, 2) != 0;
          conversation->has_vox = sqlite3_column_int (stmt, 3) != 0;
          g_hash_table_replace (known, g_strdup (ids[i]), conversation);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return govorun_store_set_sqlite_error (error, db);
        }
    }
  sqlite3_finalize (stmt);

  *out_result = g_steal_pointer (&known);
  *out_result_destroy = (GDestroyNotify) g_hash_table_unref;
  return TRUE;
}

void
govorun_call_sync_lookups_conversations_async (GovorunStore        *store,
                                               const char * const  *ids,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (ids != NULL);

  govorun_store_read_async (store, sql_conversations, g_strdupv ((char **) ids),
                            (GDestroyNotify) g_strfreev, cancellable, callback, user_data);
}

GHashTable *
govorun_call_sync_lookups_conversations_finish (GovorunStore  *store,
                                                GAsyncResult  *result,
                                                GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

/* --- the join's fallback ----------------------------------------------------- */

typedef struct
{
  GPtrArray *records;
  guint      tolerance;
} MatchData;

static void
match_data_free (MatchData *data)
{
  g_ptr_array_unref (data->records);
  g_free (data);
}

/* The nearest row of the other side alone between the same two numbers
 * (both: the agent's own number is on every call). */
static const char match_vox_sql[] =
  "SELECT vox_session_id FROM calls"
  " WHERE el_conversation_id IS NULL AND vox_session_id IS NOT NULL"
  " AND started_at BETWEEN ?1 - ?2 AND ?1 + ?2"
  " AND from_number = ?3 AND to_number = ?4"
  " ORDER BY ABS (started_at - ?1) LIMIT 1";
static const char match_el_sql[] =
  "SELECT el_conversation_id FROM calls"
  " WHERE vox_session_id IS NULL AND el_conversation_id IS NOT NULL"
  " AND started_at BETWEEN ?1 - ?2 AND ?1 + ?2"
  " AND from_number = ?3 AND to_number = ?4"
  " ORDER BY ABS (started_at - ?1) LIMIT 1";

/* @taken: the other side's ids given to records of this batch already,
 * so two records never claim one row. */
static gboolean
match_one (sqlite3_stmt      *stmt,
           GovorunCallRecord *record,
           guint              tolerance,
           gboolean           want_vox,
           GHashTable        *taken)
{
  const char *from = govorun_call_record_get_from_number (record);
  const char *to = govorun_call_record_get_to_number (record);
  int rc;

  if (from == NULL || to == NULL)
    return TRUE;

  sqlite3_bind_int64 (stmt, 1, govorun_call_record_get_started_at (record));
  sqlite3_bind_int64 (stmt, 2, tolerance);
  govorun_store_bind_text (stmt, 3, from);
  govorun_store_bind_text (stmt, 4, to);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      if (g_hash_table_add (taken, g_strdup (id)))
        {
          if (want_vox)
            govorun_call_record_set_vox_session_id (record, sqlite3_column_int64 (stmt, 0));
          else
            govorun_call_record_set_el_conversation_id (record, id);
        }
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Voximplant's side of the row is stored (only its sync writes
 * vox_currency): its start, length, status and finish reason win over
 * the conversation's. */
static const char vox_written_sql[] =
  "SELECT 1 FROM calls WHERE vox_session_id = ?1 AND vox_currency IS NOT NULL";

static gboolean
keep_vox_fields (sqlite3_stmt      *stmt,
                GovorunCallRecord *record)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, govorun_call_record_get_vox_session_id (record));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      govorun_call_record_set_started_at (record, 0);
      govorun_call_record_set_duration (record, 0);
      govorun_call_record_set_status (record, GOVORUN_CALL_STATUS_UNKNOWN);
      govorun_call_record_set_finish_reason (record, NULL);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Statements prepared when a record first needs them: a first sync's
 * pages, written in bulk, need none. */
typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *vox;
  sqlite3_stmt *el;
  sqlite3_stmt *written;
} MatchStatements;

static sqlite3_stmt *
match_statement (MatchStatements  *st,
                 sqlite3_stmt    **stmt,
                 const char       *sql,
                 GError          **error)
{
  if (*stmt == NULL && sqlite3_prepare_v2 (st->db, sql, -1, stmt, NULL) != SQLITE_OK)
    govorun_store_set_sqlite_error (error, st->db);
  return *stmt;
}

gboolean
_govorun_call_sync_lookups_match (sqlite3    *db,
                                  GPtrArray  *records,
                                  guint       tolerance,
                                  GError    **error)
{
  MatchStatements st = { db, NULL, NULL, NULL };
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = TRUE;
  gboolean bulk = FALSE;
  gboolean settled = FALSE;

  /* A bulk began on an empty history and only its own rows are there:
   * no row of the other side to find, and no index to find it by, until
   * it is settled (the date order's index is back, and another sync's
   * pages may come). */
  if (!_govorun_call_bulk_pending (db, &bulk, error) ||
      !_govorun_call_bulk_settled (db, &settled, error))
    return FALSE;
  bulk = bulk && !settled;

  for (guint i = 0; ok && i < records->len; i++)
    {
      GovorunCallRecord *record = g_ptr_array_index (records, i);
      gboolean has_vox = govorun_call_record_get_vox_session_id (record) != 0;
      gboolean has_el = govorun_call_record_get_el_conversation_id (record) != NULL;
      sqlite3_stmt *stmt;

      if (!bulk && has_vox != has_el && govorun_call_record_get_started_at (record) != 0)
        ok = (stmt = has_vox ? match_statement (&st, &st.el, match_el_sql, error)
                             : match_statement (&st, &st.vox, match_vox_sql, error)) != NULL &&
             (match_one (stmt, record, tolerance, !has_vox, taken) ||
              govorun_store_set_sqlite_error (error, db));
      /* A conversation joined to a phone call: the call's own fields. */
      if (ok && has_el && govorun_call_record_get_vox_session_id (record) != 0 &&
          govorun_call_record_get_vox_currency (record) == NULL)
        ok = (stmt = match_statement (&st, &st.written, vox_written_sql, error)) != NULL &&
             (keep_vox_fields (stmt, record) || govorun_store_set_sqlite_error (error, db));
    }

  sqlite3_finalize (st.vox);
  sqlite3_finalize (st.el);
  sqlite3_finalize (st.written);
  return ok;
}

static gboolean
sql_match (sqlite3         *db,
           gpointer         data,
           gpointer        *out_result,
           GDestroyNotify  *out_result_destroy,
           GError         **error)
{
  MatchData *match = data;

  return _govorun_call_sync_lookups_match (db, match->records, match->tolerance, error);
}

void
govorun_call_sync_lookups_match_async (GovorunStore        *store,
                                       GPtrArray           *records,
                                       guint                tolerance,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  MatchData *data;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (records != NULL);

  data = g_new0 (MatchData, 1);
  data->records = g_ptr_array_ref (records);
  data->tolerance = tolerance;
  govorun_store_read_async (store, sql_match, data, (GDestroyNotify) match_data_free,
                            cancellable, callback, user_data);
}

gboolean
govorun_call_sync_lookups_match_finish (GovorunStore  *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  govorun_store_read_finish (store, result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* --- integrity --------------------------------------------------------------- */

static gboolean
sql_integrity (sqlite3         *db,
               gpointer         data,
               gpointer        *out_result,
               GDestroyNotify  *out_result_destroy,
               GError         **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  *out_result = g_string_free (g_steal_pointer (&text), FALSE);
  *out_result_destroy = g_free;
  return TRUE;
}

void
govorun_call_sync_lookups_check_integrity_async (GovorunStore        *store,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_integrity, NULL, NULL, cancellable, callback, user_data);
}

char *
govorun_call_sync_lookups_check_integrity_finish (GovorunStore  *store,
                                                  GAsyncResult  *result,
                                                  GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}
