/* govorun-bitrix24-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBitrix24Records"

#include "config.h"

#include "govorun-bitrix24-records.h"
#include "govorun-bitrix24-records-private.h"
#include "govorun-store-private.h"

/* Appended to the store's migrations: never edit it once shipped. */
const char govorun_bitrix24_records_migration[] =
  "CREATE TABLE bitrix24_progress ("
  "  delivery_id INTEGER PRIMARY KEY,"
  "  step INTEGER NOT NULL,"
  "  call_id TEXT,"
  "  entity_type TEXT,"
  "  entity_id INTEGER NOT NULL DEFAULT 0"
  ");"
  "ALTER TABLE integration_targets ADD COLUMN crm_only INTEGER NOT NULL DEFAULT 0;";

typedef struct
{
  gint64                   id;
  gboolean                 flag;
  GovorunBitrix24Progress  progress;
} Params;

static void
params_free (Params *p)
{
  g_free (p->progress.call_id);
  g_free (p->progress.entity_type);
  g_free (p);
}

void
govorun_bitrix24_progress_free (GovorunBitrix24Progress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->call_id);
  g_free (progress->entity_type);
  g_free (progress);
}

static gboolean
sql_load_progress (sqlite3 *db, gpointer data, gpointer *out_result,
                   GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  GovorunBitrix24Progress *progress = g_new0 (GovorunBitrix24Progress, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT step, call_id, entity_type, entity_id FROM bitrix24_progress"
                              " WHERE delivery_id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_free (progress);
      return govorun_store_set_sqlite_error (error, db);
    }
  sqlite3_bind_int64 (stmt, 1, p->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      progress->step = (guint) sqlite3_column_int (stmt, 0);
      progress->call_id = g_strdup (govorun_store_column_text (stmt, 1));
      progress->entity_type = g_strdup (govorun_store_column_text (stmt, 2));
      progress->entity_id = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      govorun_bitrix24_progress_free (progress);
      return govorun_store_set_sqlite_error (error, db);
    }
  *out_result = progress;
  *out_result_destroy = (GDestroyNotify) govorun_bitrix24_progress_free;
  return TRUE;
}

void
govorun_bitrix24_records_load_progress_async (GovorunStore        *store,
                                              gint64               delivery_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  Params *p = g_new0 (Params, 1);

  p->id = delivery_id;
  govorun_store_read_async (store, sql_load_progress, p, (GDestroyNotify) params_free, cancellable,
                            callback, user_data);
}

GovorunBitrix24Progress *
govorun_bitrix24_records_load_progress_finish (GovorunStore  *store,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

static gboolean
sql_save_progress (sqlite3 *db, gpointer data, gpointer *out_result,
                   GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO bitrix24_progress"
                              " (delivery_id, step, call_id, entity_type, entity_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, p->id);
  sqlite3_bind_int (stmt, 2, (int) p->progress.step);
  govorun_store_bind_text (stmt, 3, p->progress.call_id);
  govorun_store_bind_text (stmt, 4, p->progress.entity_type);
  sqlite3_bind_int64 (stmt, 5, p->progress.entity_id);
  return govorun_store_step_finalize (db, stmt, error);
}

void
govorun_bitrix24_records_save_progress_async (GovorunStore                  *store,
                                              gint64                         delivery_id,
                                              const GovorunBitrix24Progress *progress,
                                              GCancellable                  *cancellable,
                                              GAsyncReadyCallback            callback,
                                              gpointer                       user_data)
{
  Params *p = g_new0 (Params, 1);

  p->id = delivery_id;
  p->progress.step = progress->step;
  p->progress.call_id = g_strdup (progress->call_id);
  p->progress.entity_type = g_strdup (progress->entity_type);
  p->progress.entity_id = progress->entity_id;
  govorun_store_write_async (store, sql_save_progress, p, (GDestroyNotify) params_free, cancellable,
                             callback, user_data);
}

gboolean
govorun_bitrix24_records_save_progress_finish (GovorunStore  *store,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

static gboolean
sql_set_crm_only (sqlite3 *db, gpointer data, gpointer *out_result,
                  GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "UPDATE integration_targets SET crm_only = ?2 WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, p->id);
  sqlite3_bind_int (stmt, 2, p->flag ? 1 : 0);
  return govorun_store_step_finalize (db, stmt, error);
}

void
govorun_bitrix24_records_set_crm_only_async (GovorunStore        *store,
                                             gint64               target_id,
                                             gboolean             crm_only,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  Params *p = g_new0 (Params, 1);

  p->id = target_id;
  p->flag = crm_only;
  govorun_store_write_async (store, sql_set_crm_only, p, (GDestroyNotify) params_free, cancellable,
                             callback, user_data);
}

gboolean
govorun_bitrix24_records_set_crm_only_finish (GovorunStore  *store,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}
