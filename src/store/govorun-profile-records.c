/* govorun-profile-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProfileRecords"

#include "config.h"

#include "govorun-profile-records.h"
#include "govorun-store-private.h"

static gboolean
sql_computer_id (sqlite3         *db,
                 gpointer         data,
                 gpointer        *out_result,
                 GDestroyNotify  *out_result_destroy,
                 GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM profile WHERE key = 'computer_id'", -1, &stmt, NULL)
      != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return govorun_store_set_sqlite_error (error, db);
    }
  *out_result = g_strdup (govorun_store_column_text (stmt, 0));
  *out_result_destroy = g_free;
  sqlite3_finalize (stmt);
  return TRUE;
}

void
govorun_profile_records_computer_id_async (GovorunStore        *store,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_computer_id, NULL, NULL, cancellable, callback, user_data);
}

char *
govorun_profile_records_computer_id_finish (GovorunStore  *store,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

/* --- values under keys ------------------------------------------------------------ */

static gboolean
sql_get (sqlite3         *db,
         gpointer         data,
         gpointer        *out_result,
         GDestroyNotify  *out_result_destroy,
         GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM profile WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, data);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_result = g_strdup (govorun_store_column_text (stmt, 0));
      *out_result_destroy = g_free;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

void
govorun_profile_records_get_async (GovorunStore        *store,
                                   const char          *key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (key != NULL);

  govorun_store_read_async (store, sql_get, g_strdup (key), g_free, cancellable, callback, user_data);
}

char *
govorun_profile_records_get_finish (GovorunStore  *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

typedef struct
{
  char *key;
  char *value;
} Pair;

static void
pair_free (Pair *pair)
{
  g_free (pair->key);
  g_free (pair->value);
  g_free (pair);
}

static gboolean
sql_set (sqlite3         *db,
         gpointer         data,
         gpointer        *out_result,
         GDestroyNotify  *out_result_destroy,
         GError         **error)
{
  Pair *pair = data;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, pair->value != NULL
                              ? "INSERT OR REPLACE INTO profile (key, value) VALUES (?1, ?2)"
                              : "DELETE FROM profile WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, pair->key);
  if (pair->value != NULL)
    govorun_store_bind_text (stmt, 2, pair->value);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

void
govorun_profile_records_set_async (GovorunStore        *store,
                                   const char          *key,
                                   const char          *value,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Pair *pair;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (key != NULL && !g_str_equal (key, "computer_id"));

  pair = g_new0 (Pair, 1);
  pair->key = g_strdup (key);
  pair->value = g_strdup (value);
  govorun_store_write_async (store, sql_set, pair, (GDestroyNotify) pair_free, cancellable, callback, user_data);
}

gboolean
govorun_profile_records_set_finish (GovorunStore  *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}
