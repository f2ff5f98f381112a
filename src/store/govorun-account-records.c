/* govorun-account-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountRecords"

#include "config.h"

#include "govorun-account-records.h"
#include "govorun-store-private.h"

#include <glib/gi18n.h>

G_DEFINE_QUARK (govorun-account-records-error-quark, govorun_account_records_error)

G_DEFINE_BOXED_TYPE (GovorunAccountRecord, govorun_account_record,
                     govorun_account_record_copy, govorun_account_record_free)

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
govorun_account_record_free (GovorunAccountRecord *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->display_name);
  g_free (row->state);
  g_free (row->vox_account_id);
  g_free (row->vox_key_id);
  g_free (row->vox_account_email);
  g_free (row->el_region);
  g_free (row->last_test_summary);
  g_free (row);
}

/* For handing a row to a worker thread. */
GovorunAccountRecord *
govorun_account_record_copy (const GovorunAccountRecord *row)
{
  GovorunAccountRecord *copy = g_memdup2 (row, sizeof *row);

  copy->uuid = g_strdup (row->uuid);
  copy->display_name = g_strdup (row->display_name);
  copy->state = g_strdup (row->state);
  copy->vox_account_id = g_strdup (row->vox_account_id);
  copy->vox_key_id = g_strdup (row->vox_key_id);
  copy->vox_account_email = g_strdup (row->vox_account_email);
  copy->el_region = g_strdup (row->el_region);
  copy->last_test_summary = g_strdup (row->last_test_summary);
  return copy;
}

/* --- SQL, run on the store's threads -------------------------------------- */

#define ROW_COLUMNS                                                          \
  "id, uuid, kind, display_name, state, secret_generation, vox_account_id, " \
  "vox_auth, vox_key_id, vox_account_email, el_region, created_at, "        \
  "updated_at, last_test_at, last_test_ok, last_test_summary"

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* The file is ours, but anyone can edit it: a row that does not make sense
 * is skipped, never trusted. */
static GovorunAccountRecord *
record_new_from_stmt (sqlite3_stmt *stmt)
{
  g_autoptr(GovorunAccountRecord) row = g_new0 (GovorunAccountRecord, 1);
  const char *kind = (const char *) sqlite3_column_text (stmt, 2);
  const char *auth = (const char *) sqlite3_column_text (stmt, 7);
  gint64 generation = sqlite3_column_int64 (stmt, 5);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->uuid = column_strdup (stmt, 1);
  row->display_name = column_strdup (stmt, 3);
  row->state = column_strdup (stmt, 4);
  if (row->uuid == NULL || row->display_name == NULL || row->state == NULL ||
      !govorun_account_kind_from_string (kind, &row->kind) ||
      generation < 0 || generation > G_MAXINT)  /* 0: no key yet (imported; "key needed") */
    return NULL;
  row->secret_generation = (guint) generation;
  row->vox_account_id = column_strdup (stmt, 6);
  if (!govorun_voximplant_auth_from_string (auth, &row->vox_auth))
    row->vox_auth = GOVORUN_VOXIMPLANT_AUTH_API_KEY;
  row->vox_key_id = column_strdup (stmt, 8);
  row->vox_account_email = column_strdup (stmt, 9);
  row->el_region = column_strdup (stmt, 10);
  row->created_at = MAX (sqlite3_column_int64 (stmt, 11), 0);
  row->updated_at = MAX (sqlite3_column_int64 (stmt, 12), 0);
  row->last_test_at = MAX (sqlite3_column_int64 (stmt, 13), 0);
  row->last_test_ok = sqlite3_column_int64 (stmt, 14) != 0;
  row->last_test_summary = column_strdup (stmt, 15);
  return g_steal_pointer (&row);
}

static gboolean
sql_read_all_rows (sqlite3         *db,
                   gpointer         data,
                   gpointer        *out_result,
                   GDestroyNotify  *out_result_destroy,
                   GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT " ROW_COLUMNS " FROM accounts ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_account_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GovorunAccountRecord *row = record_new_from_stmt (stmt);

      if (row != NULL)
        g_ptr_array_add (rows, row);
      else
        g_debug ("Skipping an account row that does not make sense (id %" G_GINT64_FORMAT ")",
                 (gint64) sqlite3_column_int64 (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  *out_result = g_steal_pointer (&rows);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

/* Same name (per kind), or for Voximplant the same account and key, among
 * the rows that are not on their way out; @row's own uuid is not counted. */
static gboolean
check_duplicates (sqlite3               *db,
                  GovorunAccountRecord  *row,
                  GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT 1 FROM accounts WHERE kind = ?1 AND state != 'deleting'"
                          " AND uuid IS NOT ?2 AND display_name = ?3 COLLATE NOCASE",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, govorun_account_kind_to_string (row->kind));
  govorun_store_bind_text (stmt, 2, row->uuid);
  govorun_store_bind_text (stmt, 3, row->display_name);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_DUPLICATE,
                   _("An account named “%s” already exists. Choose another name."),
                   row->display_name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  if (row->kind != GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    return TRUE;

  /* With API keys, one entry per Voximplant account; with service
   * accounts, one per key. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT 1 FROM accounts WHERE kind = 'voximplant' AND state != 'deleting'"
                          " AND uuid IS NOT ?1 AND vox_account_id = ?2 AND vox_auth = ?3"
                          " AND (vox_auth = 'api-key' OR vox_key_id IS ?4)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, row->uuid);
  govorun_store_bind_text (stmt, 2, row->vox_account_id);
  govorun_store_bind_text (stmt, 3, govorun_voximplant_auth_to_string (row->vox_auth));
  govorun_store_bind_text (stmt, 4, row->vox_key_id);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    {
      if (row->vox_auth == GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT)
        g_set_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_DUPLICATE,
                     _("Voximplant account %s is already added with this service account key. Edit the existing account instead."),
                     row->vox_account_id);
      else
        g_set_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_DUPLICATE,
                     _("Voximplant account %s is already added with an API key. Edit the existing account instead."),
                     row->vox_account_id);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  return TRUE;
}

/* Binds the editable columns as ?1…?10 (see the statements below). */
static void
bind_row_fields (sqlite3_stmt         *stmt,
                 GovorunAccountRecord *row)
{
  govorun_store_bind_text (stmt, 1, row->uuid);
  govorun_store_bind_text (stmt, 2, govorun_account_kind_to_string (row->kind));
  govorun_store_bind_text (stmt, 3, row->display_name);
  sqlite3_bind_int64 (stmt, 4, row->secret_generation);
  govorun_store_bind_text (stmt, 5, row->vox_account_id);
  govorun_store_bind_text (stmt, 6, row->kind == GOVORUN_ACCOUNT_KIND_VOXIMPLANT
                                    ? govorun_voximplant_auth_to_string (row->vox_auth) : NULL);
  govorun_store_bind_text (stmt, 7, row->vox_key_id);
  govorun_store_bind_text (stmt, 8, row->vox_account_email);
  govorun_store_bind_text (stmt, 9, row->el_region);
  sqlite3_bind_int64 (stmt, 10, row->updated_at);
}

/* Step 1 of add: the row, 'pending'. Returns its id. */
static gboolean
sql_insert_pending (sqlite3         *db,
                    gpointer         data,
                    gpointer        *out_result,
                    GDestroyNotify  *out_result_destroy,
                    GError         **error)
{
  GovorunAccountRecord *row = data;
  sqlite3_stmt *stmt = NULL;

  if (!check_duplicates (db, row, error))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO accounts (uuid, kind, display_name, secret_generation,"
                          " vox_account_id, vox_auth, vox_key_id, vox_account_email, el_region,"
                          " updated_at, created_at, state)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'pending')",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  bind_row_fields (stmt, row);
  sqlite3_bind_int64 (stmt, 11, row->created_at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  *out_result = g_memdup2 (&(gint64) { sqlite3_last_insert_rowid (db) }, sizeof (gint64));
  *out_result_destroy = g_free;
  return TRUE;
}

static gboolean
exec_uuid_statement (sqlite3     *db,
                     const char  *sql,
                     const char  *uuid,
                     int         *out_changes,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, uuid);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, now_seconds ());   /* updated_at */
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (out_changes != NULL)
    *out_changes = sqlite3_changes (db);
  return TRUE;
}

static void
set_gone_error (GError **error)
{
  g_set_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_NOT_FOUND,
               _("This account is no longer saved in Govorun. Reopen the accounts list and try again."));
}

/* Step 3 of add. */
static gboolean
sql_set_ready (sqlite3         *db,
               gpointer         data,
               gpointer        *out_result,
               GDestroyNotify  *out_result_destroy,
               GError         **error)
{
  int changes = 0;

  if (!exec_uuid_statement (db,
                            "UPDATE accounts SET state = 'ready', updated_at = ?2"
                            " WHERE uuid = ?1 AND state = 'pending'",
                            data, &changes, error))
    return FALSE;
  if (changes != 1)
    {
      set_gone_error (error);
      return FALSE;
    }
  return TRUE;
}

/* Rolling back an add, and the end of a remove. A ready row is never
 * deleted here: only the states that mean "not (or no longer) saved". */
static gboolean
sql_delete_unready (sqlite3         *db,
                    gpointer         data,
                    gpointer        *out_result,
                    GDestroyNotify  *out_result_destroy,
                    GError         **error)
{
  return exec_uuid_statement (db,
                              "DELETE FROM accounts WHERE uuid = ?1"
                              " AND state IN ('pending', 'deleting')",
                              data, NULL, error);
}

/* Step 1 of remove. */
static gboolean
sql_mark_deleting (sqlite3         *db,
                   gpointer         data,
                   gpointer        *out_result,
                   GDestroyNotify  *out_result_destroy,
                   GError         **error)
{
  int changes = 0;
  sqlite3_stmt *stmt = NULL;

  /* Agents point at their accounts; say which one is in the way rather
   * than let the database's trigger refuse with its own words. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT a.name FROM agents a JOIN accounts c"
                          " ON a.el_account_id = c.id OR a.vox_account_id = c.id"
                          " WHERE c.uuid = ?1 ORDER BY a.name LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_IN_USE,
                   _("The agent “%s” uses this account. Delete the agent, or edit it to use another account, before removing the account."),
                   (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (!exec_uuid_statement (db,
                            "UPDATE accounts SET state = 'deleting', updated_at = ?2"
                            " WHERE uuid = ?1 AND state = 'ready'",
                            data, &changes, error))
    return FALSE;
  if (changes != 1)
    {
      set_gone_error (error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GovorunAccountRecord *row;             /* the new values, with the new generation */
  guint                 old_generation;  /* the row must still point here */
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  govorun_account_record_free (data->row);
  g_free (data);
}

/* The fields and the generation in one statement: the row moves from the
 * old key to the new one atomically. */
static gboolean
sql_update (sqlite3         *db,
            gpointer         data,
            gpointer        *out_result,
            GDestroyNotify  *out_result_destroy,
            GError         **error)
{
  UpdateData *update = data;
  sqlite3_stmt *stmt = NULL;

  if (!check_duplicates (db, update->row, error))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          "UPDATE accounts SET display_name = ?3, secret_generation = ?4,"
                          " vox_account_id = ?5, vox_auth = ?6, vox_key_id = ?7,"
                          " vox_account_email = ?8, el_region = ?9, updated_at = ?10"
                          " WHERE uuid = ?1 AND kind = ?2 AND state = 'ready'"
                          " AND secret_generation = ?11",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  bind_row_fields (stmt, update->row);
  sqlite3_bind_int64 (stmt, 11, update->old_generation);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (sqlite3_changes (db) != 1)
    {
      set_gone_error (error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char    *uuid;
  gint64   at;
  gboolean ok;
  char    *summary;
} TestResultData;

static void
test_result_data_free (TestResultData *data)
{
  g_free (data->uuid);
  g_free (data->summary);
  g_free (data);
}

static gboolean
sql_set_test_result (sqlite3         *db,
                     gpointer         data,
                     gpointer        *out_result,
                     GDestroyNotify  *out_result_destroy,
                     GError         **error)
{
  TestResultData *test = data;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "UPDATE accounts SET last_test_at = ?2, last_test_ok = ?3,"
                          " last_test_summary = ?4 WHERE uuid = ?1 AND state = 'ready'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, test->uuid);
  sqlite3_bind_int64 (stmt, 2, test->at);
  sqlite3_bind_int (stmt, 3, test->ok ? 1 : 0);
  govorun_store_bind_text (stmt, 4, test->summary);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (sqlite3_changes (db) != 1)
    {
      set_gone_error (error);
      return FALSE;
    }
  return TRUE;
}

/* --- the typed calls ------------------------------------------------------- */

/* The writes that take only the account's uuid. */
static void
write_uuid (GovorunStore          *store,
            GovorunStoreWriteFunc  func,
            const char            *uuid,
            GCancellable          *cancellable,
            GAsyncReadyCallback    callback,
            gpointer               user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (uuid != NULL);

  govorun_store_write_async (store, func, g_strdup (uuid), g_free, cancellable, callback, user_data);
}

void
govorun_account_records_read_all_async (GovorunStore        *store,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_read_all_rows, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
govorun_account_records_read_all_finish (GovorunStore  *store,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

void
govorun_account_records_insert_pending_async (GovorunStore               *store,
                                              const GovorunAccountRecord *record,
                                              GCancellable               *cancellable,
                                              GAsyncReadyCallback         callback,
                                              gpointer                    user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (record != NULL);

  govorun_store_write_async (store, sql_insert_pending, govorun_account_record_copy (record),
                             (GDestroyNotify) govorun_account_record_free,
                             cancellable, callback, user_data);
}

gint64
govorun_account_records_insert_pending_finish (GovorunStore  *store,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  g_autofree gint64 *id = govorun_store_write_finish (store, result, error);

  return id != NULL ? *id : 0;
}

void
govorun_account_records_set_ready_async (GovorunStore        *store,
                                         const char          *uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  write_uuid (store, sql_set_ready, uuid, cancellable, callback, user_data);
}

gboolean
govorun_account_records_set_ready_finish (GovorunStore  *store,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

void
govorun_account_records_delete_unready_async (GovorunStore        *store,
                                              const char          *uuid,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  write_uuid (store, sql_delete_unready, uuid, cancellable, callback, user_data);
}

gboolean
govorun_account_records_delete_unready_finish (GovorunStore  *store,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

void
govorun_account_records_mark_deleting_async (GovorunStore        *store,
                                             const char          *uuid,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  write_uuid (store, sql_mark_deleting, uuid, cancellable, callback, user_data);
}

gboolean
govorun_account_records_mark_deleting_finish (GovorunStore  *store,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

void
govorun_account_records_update_async (GovorunStore               *store,
                                      const GovorunAccountRecord *record,
                                      guint                       old_generation,
                                      GCancellable               *cancellable,
                                      GAsyncReadyCallback         callback,
                                      gpointer                    user_data)
{
  UpdateData *data;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (record != NULL);

  data = g_new0 (UpdateData, 1);
  data->row = govorun_account_record_copy (record);
  data->old_generation = old_generation;
  govorun_store_write_async (store, sql_update, data, (GDestroyNotify) update_data_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_account_records_update_finish (GovorunStore  *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

void
govorun_account_records_set_test_result_async (GovorunStore        *store,
                                               const char          *uuid,
                                               gint64               at,
                                               gboolean             ok,
                                               const char          *summary,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  TestResultData *data;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (uuid != NULL);

  data = g_new0 (TestResultData, 1);
  data->uuid = g_strdup (uuid);
  data->at = at;
  data->ok = ok;
  data->summary = g_strdup (summary);
  govorun_store_write_async (store, sql_set_test_result, data,
                             (GDestroyNotify) test_result_data_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_account_records_set_test_result_finish (GovorunStore  *store,
                                                GAsyncResult  *result,
                                                GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}
