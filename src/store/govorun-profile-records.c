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
