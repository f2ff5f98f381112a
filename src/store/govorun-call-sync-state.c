/* govorun-call-sync-state.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSyncState"

#include "config.h"

#include "govorun-call-sync-state-private.h"
#include "govorun-store-private.h"

GovorunCallSyncState *
govorun_call_sync_state_new (const char *account_uuid,
                             const char *provider,
                             gint64      watermark,
                             const char *cursor)
{
  GovorunCallSyncState *state;

  g_return_val_if_fail (account_uuid != NULL && provider != NULL, NULL);

  state = g_new0 (GovorunCallSyncState, 1);
  state->account_uuid = g_strdup (account_uuid);
  state->provider = g_strdup (provider);
  state->watermark = watermark;
  state->cursor = g_strdup (cursor);
  return state;
}

GovorunCallSyncState *
govorun_call_sync_state_copy (const GovorunCallSyncState *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  return govorun_call_sync_state_new (state->account_uuid, state->provider, state->watermark,
                                      state->cursor);
}

void
govorun_call_sync_state_free (GovorunCallSyncState *state)
{
  if (state == NULL)
    return;

  g_free (state->account_uuid);
  g_free (state->provider);
  g_free (state->cursor);
  g_free (state);
}

G_DEFINE_BOXED_TYPE (GovorunCallSyncState, govorun_call_sync_state,
                     govorun_call_sync_state_copy, govorun_call_sync_state_free)

gboolean
_govorun_call_sync_state_write (sqlite3                     *db,
                                const GovorunCallSyncState  *state,
                                GError                     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO call_sync_state (account_uuid, provider, watermark, cursor,"
                          " updated_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                          " ON CONFLICT (account_uuid, provider) DO UPDATE SET"
                          " watermark = excluded.watermark, cursor = excluded.cursor,"
                          " updated_at = excluded.updated_at",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  govorun_store_bind_text (stmt, 1, state->account_uuid);
  govorun_store_bind_text (stmt, 2, state->provider);
  sqlite3_bind_int64 (stmt, 3, state->watermark);
  govorun_store_bind_text (stmt, 4, state->cursor);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

static gboolean
sql_load (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  const GovorunCallSyncState *key = data;
  g_autoptr(GovorunCallSyncState) state = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT watermark, cursor FROM call_sync_state"
                          " WHERE account_uuid = ?1 AND provider = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  govorun_store_bind_text (stmt, 1, key->account_uuid);
  govorun_store_bind_text (stmt, 2, key->provider);
  state = govorun_call_sync_state_new (key->account_uuid, key->provider, 0, NULL);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->watermark = sqlite3_column_int64 (stmt, 0);
      state->cursor = g_strdup (govorun_store_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  *out_result = g_steal_pointer (&state);
  *out_result_destroy = (GDestroyNotify) govorun_call_sync_state_free;
  return TRUE;
}

void
govorun_call_sync_state_load_async (GovorunStore        *store,
                                    const char          *account_uuid,
                                    const char          *provider,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (account_uuid != NULL && provider != NULL);

  govorun_store_read_async (store, sql_load,
                            govorun_call_sync_state_new (account_uuid, provider, 0, NULL),
                            (GDestroyNotify) govorun_call_sync_state_free,
                            cancellable, callback, user_data);
}

GovorunCallSyncState *
govorun_call_sync_state_load_finish (GovorunStore  *store,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

static gboolean
sql_reset (sqlite3         *db,
           gpointer         data,
           gpointer        *out_result,
           GDestroyNotify  *out_result_destroy,
           GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "DELETE FROM call_sync_state WHERE account_uuid = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, data);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

void
govorun_call_sync_state_reset_async (GovorunStore        *store,
                                     const char          *account_uuid,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (account_uuid != NULL);

  govorun_store_write_async (store, sql_reset, g_strdup (account_uuid), g_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_call_sync_state_reset_finish (GovorunStore  *store,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}
