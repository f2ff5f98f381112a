/* govorun-integration-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrationRecords"

#include "config.h"

#include "govorun-integration-records.h"
#include "govorun-integration-records-private.h"
#include "govorun-store-private.h"
#include "govorun-call-record.h"

/* Appended to the store's migrations: never edit it once shipped. */
const char govorun_integration_records_migration[] =
  "CREATE TABLE integration_targets ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT UNIQUE NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  url TEXT NOT NULL,"
  "  events INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  paused INTEGER NOT NULL DEFAULT 0,"
  "  pause_reason TEXT,"
  "  secret_generation INTEGER NOT NULL DEFAULT 1,"
  "  backfill_from INTEGER NOT NULL DEFAULT 0,"
  "  backfill_to INTEGER NOT NULL DEFAULT 0,"
  "  failing_since_ms INTEGER"
  ");"
  "CREATE TABLE deliveries ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT UNIQUE NOT NULL,"
  "  target_id INTEGER NOT NULL,"
  "  event TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  payload TEXT NOT NULL,"
  "  state INTEGER NOT NULL,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at_ms INTEGER NOT NULL,"
  "  last_status INTEGER NOT NULL DEFAULT 0,"
  "  last_latency_ms INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  UNIQUE (target_id, event, subject)"
  ");"
  "CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at_ms);"
  "CREATE TABLE delivery_attempts ("
  "  id INTEGER PRIMARY KEY,"
  "  delivery_id INTEGER NOT NULL,"
  "  attempt INTEGER NOT NULL,"
  "  at_ms INTEGER NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  latency_ms INTEGER NOT NULL,"
  "  error TEXT"
  ");"
  "CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id);";

/* What the `_async` calls hand to the writer and readers. */
typedef struct
{
  GObject   *object;   /* a target or a delivery */
  GPtrArray *array;
  gint64     id;
  gint64     time;
  guint      limit;
} Params;

static void
params_free (Params *p)
{
  g_clear_object (&p->object);
  g_clear_pointer (&p->array, g_ptr_array_unref);
  g_free (p);
}

static Params *
params_new (gpointer object, GPtrArray *array, gint64 id, gint64 time, guint limit)
{
  Params *p = g_new0 (Params, 1);

  p->object = object != NULL ? g_object_ref (object) : NULL;
  p->array = array != NULL ? g_ptr_array_ref (array) : NULL;
  p->id = id;
  p->time = time;
  p->limit = limit;
  return p;
}

static void
set_int64 (gpointer *out_result, GDestroyNotify *out_result_destroy, gint64 value)
{
  gint64 *result = g_new (gint64, 1);

  *result = value;
  *out_result = result;
  *out_result_destroy = g_free;
}

static gboolean
int64_finish (gpointer result, gint64 *out_value)
{
  g_autofree gint64 *value = result;

  if (value == NULL)
    return FALSE;
  if (out_value != NULL)
    *out_value = *value;
  return TRUE;
}

/* Runs @sql with ?1..?n bound to the int64 values that follow (ends with
 * G_MININT64). */
static gboolean
exec_ids (sqlite3 *db, GError **error, const char *sql, ...)
{
  sqlite3_stmt *stmt = NULL;
  va_list args;
  gint64 value;
  int i = 1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  va_start (args, sql);
  while ((value = va_arg (args, gint64)) != G_MININT64)
    sqlite3_bind_int64 (stmt, i++, value);
  va_end (args);
  if (!govorun_store_step_finalize (db, stmt, error))
    return FALSE;
  return TRUE;
}

/* ---- targets ---- */

static gboolean
sql_add_target (sqlite3 *db, gpointer data, gpointer *out_result,
                GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  GovorunIntegrationTarget *t = GOVORUN_INTEGRATION_TARGET (p->object);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO integration_targets (uuid, kind, name, url, events, created_at,"
                          " paused, pause_reason, secret_generation, backfill_from, backfill_to)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, govorun_integration_target_get_uuid (t));
  sqlite3_bind_int (stmt, 2, govorun_integration_target_get_kind (t));
  govorun_store_bind_text (stmt, 3, govorun_integration_target_get_name (t));
  govorun_store_bind_text (stmt, 4, govorun_integration_target_get_url (t));
  sqlite3_bind_int64 (stmt, 5, govorun_integration_target_get_events (t));
  sqlite3_bind_int64 (stmt, 6, govorun_integration_target_get_created_at (t));
  sqlite3_bind_int (stmt, 7, govorun_integration_target_get_paused (t));
  govorun_store_bind_text (stmt, 8, govorun_integration_target_get_pause_reason (t));
  sqlite3_bind_int64 (stmt, 9, govorun_integration_target_get_secret_generation (t));
  sqlite3_bind_int64 (stmt, 10, govorun_integration_target_get_backfill_from (t));
  sqlite3_bind_int64 (stmt, 11, govorun_integration_target_get_backfill_to (t));
  if (!govorun_store_step_finalize (db, stmt, error))
    return FALSE;
  set_int64 (out_result, out_result_destroy, sqlite3_last_insert_rowid (db));
  return TRUE;
}

void
govorun_integration_records_add_target_async (GovorunStore             *store,
                                              GovorunIntegrationTarget *target,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target));

  govorun_store_write_async (store, sql_add_target, params_new (target, NULL, 0, 0, 0),
                             (GDestroyNotify) params_free, cancellable, callback, user_data);
}

gint64
govorun_integration_records_add_target_finish (GovorunStore  *store,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  gint64 id = 0;

  int64_finish (govorun_store_write_finish (store, result, error), &id);
  return id;
}

static gboolean
sql_update_target (sqlite3 *db, gpointer data, gpointer *out_result,
                   GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  GovorunIntegrationTarget *t = GOVORUN_INTEGRATION_TARGET (p->object);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "UPDATE integration_targets SET paused = ?2, pause_reason = ?3,"
                          " secret_generation = ?4, backfill_from = ?5, backfill_to = ?6,"
                          " failing_since_ms = CASE WHEN ?2 THEN failing_since_ms END"
                          " WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, govorun_integration_target_get_id (t));
  sqlite3_bind_int (stmt, 2, govorun_integration_target_get_paused (t));
  govorun_store_bind_text (stmt, 3, govorun_integration_target_get_pause_reason (t));
  sqlite3_bind_int64 (stmt, 4, govorun_integration_target_get_secret_generation (t));
  sqlite3_bind_int64 (stmt, 5, govorun_integration_target_get_backfill_from (t));
  sqlite3_bind_int64 (stmt, 6, govorun_integration_target_get_backfill_to (t));
  if (!govorun_store_step_finalize (db, stmt, error))
    return FALSE;
  return TRUE;
}

void
govorun_integration_records_update_target_async (GovorunStore             *store,
                                                 GovorunIntegrationTarget *target,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target));

  govorun_store_write_async (store, sql_update_target, params_new (target, NULL, 0, 0, 0),
                             (GDestroyNotify) params_free, cancellable, callback, user_data);
}

gboolean
govorun_integration_records_update_target_finish (GovorunStore  *store,
                                                  GAsyncResult  *result,
                                                  GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

static gboolean
sql_remove_target (sqlite3 *db, gpointer data, gpointer *out_result,
                   GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;

  return exec_ids (db, error,
                   "DELETE FROM bitrix24_progress WHERE delivery_id IN"
                   " (SELECT id FROM deliveries WHERE target_id = ?1)", p->id, G_MININT64)
      && exec_ids (db, error,
                   "DELETE FROM delivery_attempts WHERE delivery_id IN"
                   " (SELECT id FROM deliveries WHERE target_id = ?1)", p->id, G_MININT64)
      && exec_ids (db, error, "DELETE FROM deliveries WHERE target_id = ?1", p->id, G_MININT64)
      && exec_ids (db, error, "DELETE FROM integration_targets WHERE id = ?1", p->id, G_MININT64);
}

void
govorun_integration_records_remove_target_async (GovorunStore        *store,
                                                 gint64               target_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_write_async (store, sql_remove_target, params_new (NULL, NULL, target_id, 0, 0),
                             (GDestroyNotify) params_free, cancellable, callback, user_data);
}

gboolean
govorun_integration_records_remove_target_finish (GovorunStore  *store,
                                                  GAsyncResult  *result,
                                                  GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

static gboolean
sql_load_targets (sqlite3 *db, gpointer data, gpointer *out_result,
                  GDestroyNotify *out_result_destroy, GError **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, uuid, kind, name, url, events, created_at, paused, pause_reason,"
                          " secret_generation, backfill_from, backfill_to, failing_since_ms, crm_only"
                          " FROM integration_targets ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GovorunIntegrationTarget *t =
        govorun_integration_target_new (sqlite3_column_int64 (stmt, 0),
                                        govorun_store_column_text (stmt, 1),
                                        sqlite3_column_int (stmt, 2),
                                        govorun_store_column_text (stmt, 3),
                                        govorun_store_column_text (stmt, 4),
                                        (guint) sqlite3_column_int64 (stmt, 5),
                                        sqlite3_column_int64 (stmt, 6));

      govorun_integration_target_set_paused (t, sqlite3_column_int (stmt, 7) != 0,
                                             govorun_store_column_text (stmt, 8));
      govorun_integration_target_set_secret_generation (t, (guint) sqlite3_column_int64 (stmt, 9));
      govorun_integration_target_set_backfill (t, sqlite3_column_int64 (stmt, 10),
                                               sqlite3_column_int64 (stmt, 11));
      govorun_integration_target_set_failing_since (t, sqlite3_column_int64 (stmt, 12));
      govorun_integration_target_set_crm_only (t, sqlite3_column_int (stmt, 13) != 0);
      g_ptr_array_add (targets, t);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  *out_result = g_steal_pointer (&targets);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

void
govorun_integration_records_load_targets_async (GovorunStore        *store,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_load_targets, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
govorun_integration_records_load_targets_finish (GovorunStore  *store,
                                                 GAsyncResult  *result,
                                                 GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

/* ---- the outbox ---- */

static gboolean
sql_enqueue (sqlite3 *db, gpointer data, gpointer *out_result,
             GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  sqlite3_stmt *stmt = NULL;
  gint64 added = 0;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO deliveries (uuid, target_id, event, subject, payload, state,"
                          " next_attempt_at_ms, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                          " ON CONFLICT (target_id, event, subject) DO NOTHING",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  for (guint i = 0; i < p->array->len; i++)
    {
      GovorunDelivery *d = g_ptr_array_index (p->array, i);

      sqlite3_reset (stmt);
      govorun_store_bind_text (stmt, 1, govorun_delivery_get_uuid (d));
      sqlite3_bind_int64 (stmt, 2, govorun_delivery_get_target_id (d));
      govorun_store_bind_text (stmt, 3, govorun_delivery_get_event (d));
      govorun_store_bind_text (stmt, 4, govorun_delivery_get_subject (d));
      govorun_store_bind_text (stmt, 5, govorun_delivery_get_payload (d));
      sqlite3_bind_int (stmt, 6, GOVORUN_DELIVERY_PENDING);
      sqlite3_bind_int64 (stmt, 7, govorun_delivery_get_next_attempt_at (d));
      sqlite3_bind_int64 (stmt, 8, govorun_delivery_get_created_at (d));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return govorun_store_set_sqlite_error (error, db);
        }
      added += sqlite3_changes (db);
    }
  sqlite3_finalize (stmt);
  set_int64 (out_result, out_result_destroy, added);
  return TRUE;
}

void
govorun_integration_records_enqueue_async (GovorunStore        *store,
                                           GPtrArray           *deliveries,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (deliveries != NULL);

  govorun_store_write_async (store, sql_enqueue, params_new (NULL, deliveries, 0, 0, 0),
                             (GDestroyNotify) params_free, cancellable, callback, user_data);
}

gboolean
govorun_integration_records_enqueue_finish (GovorunStore  *store,
                                            GAsyncResult  *result,
                                            guint         *out_added,
                                            GError       **error)
{
  gint64 added = 0;

  if (!int64_finish (govorun_store_write_finish (store, result, error), &added))
    return FALSE;
  if (out_added != NULL)
    *out_added = (guint) added;
  return TRUE;
}

#define DELIVERY_COLUMNS \
  "d.id, d.uuid, d.target_id, d.event, d.subject, d.payload, d.created_at, d.state, d.attempts," \
  " d.next_attempt_at_ms, d.last_status, d.last_latency_ms, d.last_error"

static gboolean
read_deliveries (sqlite3 *db, sqlite3_stmt *stmt, gpointer *out_result,
                 GDestroyNotify *out_result_destroy, GError **error)
{
  g_autoptr(GPtrArray) deliveries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GovorunDelivery *d = govorun_delivery_new (sqlite3_column_int64 (stmt, 0),
                                                 govorun_store_column_text (stmt, 1),
                                                 sqlite3_column_int64 (stmt, 2),
                                                 govorun_store_column_text (stmt, 3),
                                                 govorun_store_column_text (stmt, 4),
                                                 govorun_store_column_text (stmt, 5),
                                                 sqlite3_column_int64 (stmt, 6));

      govorun_delivery_set_outcome (d, sqlite3_column_int (stmt, 7),
                                    (guint) sqlite3_column_int (stmt, 8),
                                    sqlite3_column_int64 (stmt, 9),
                                    (guint) sqlite3_column_int (stmt, 10),
                                    (guint) sqlite3_column_int (stmt, 11),
                                    govorun_store_column_text (stmt, 12));
      g_ptr_array_add (deliveries, d);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  *out_result = g_steal_pointer (&deliveries);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

static gboolean
sql_due (sqlite3 *db, gpointer data, gpointer *out_result,
         GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT " DELIVERY_COLUMNS " FROM deliveries d"
                          " JOIN integration_targets t ON t.id = d.target_id"
                          " WHERE d.state = ?1 AND d.next_attempt_at_ms <= ?2 AND t.paused = 0"
                          " ORDER BY d.next_attempt_at_ms, d.id LIMIT ?3",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int (stmt, 1, GOVORUN_DELIVERY_PENDING);
  /* A plain range, so the (target_id, id) index seeks to it. */
  sqlite3_bind_int64 (stmt, 2, p->time > 0 ? p->time : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, p->limit);
  return read_deliveries (db, stmt, out_result, out_result_destroy, error);
}

void
govorun_integration_records_due_async (GovorunStore        *store,
                                       gint64               now_ms,
                                       guint                limit,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_due, params_new (NULL, NULL, 0, now_ms, limit),
                            (GDestroyNotify) params_free, cancellable, callback, user_data);
}

GPtrArray *
govorun_integration_records_due_finish (GovorunStore  *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

static gboolean
sql_record_attempt (sqlite3 *db, gpointer data, gpointer *out_result,
                    GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  GovorunDelivery *d = GOVORUN_DELIVERY (p->object);
  gboolean delivered = govorun_delivery_get_state (d) == GOVORUN_DELIVERY_DELIVERED;
  sqlite3_stmt *stmt = NULL;
  gint64 failing_since = 0;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "UPDATE deliveries SET state = ?2, attempts = ?3, next_attempt_at_ms = ?4,"
                          " last_status = ?5, last_latency_ms = ?6, last_error = ?7 WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, govorun_delivery_get_id (d));
  sqlite3_bind_int (stmt, 2, govorun_delivery_get_state (d));
  sqlite3_bind_int (stmt, 3, govorun_delivery_get_attempts (d));
  sqlite3_bind_int64 (stmt, 4, govorun_delivery_get_next_attempt_at (d));
  sqlite3_bind_int (stmt, 5, govorun_delivery_get_last_status (d));
  sqlite3_bind_int (stmt, 6, govorun_delivery_get_last_latency (d));
  govorun_store_bind_text (stmt, 7, govorun_delivery_get_last_error (d));
  if (!govorun_store_step_finalize (db, stmt, error))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO delivery_attempts (delivery_id, attempt, at_ms, status,"
                          " latency_ms, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, govorun_delivery_get_id (d));
  sqlite3_bind_int (stmt, 2, govorun_delivery_get_attempts (d));
  sqlite3_bind_int64 (stmt, 3, p->time);
  sqlite3_bind_int (stmt, 4, govorun_delivery_get_last_status (d));
  sqlite3_bind_int (stmt, 5, govorun_delivery_get_last_latency (d));
  govorun_store_bind_text (stmt, 6, govorun_delivery_get_last_error (d));
  if (!govorun_store_step_finalize (db, stmt, error))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          delivered
                          ? "UPDATE integration_targets SET failing_since_ms = NULL WHERE id = ?1"
                            " RETURNING 0"
                          : "UPDATE integration_targets SET failing_since_ms ="
                            " COALESCE (failing_since_ms, ?2) WHERE id = ?1 RETURNING failing_since_ms",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, govorun_delivery_get_target_id (d));
  if (!delivered)
    sqlite3_bind_int64 (stmt, 2, p->time);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      failing_since = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return govorun_store_set_sqlite_error (error, db);
    }
  sqlite3_finalize (stmt);
  set_int64 (out_result, out_result_destroy, failing_since);
  return TRUE;
}

void
govorun_integration_records_record_attempt_async (GovorunStore        *store,
                                                  GovorunDelivery     *delivery,
                                                  gint64               at_ms,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (GOVORUN_IS_DELIVERY (delivery));

  govorun_store_write_async (store, sql_record_attempt, params_new (delivery, NULL, 0, at_ms, 0),
                             (GDestroyNotify) params_free, cancellable, callback, user_data);
}

gboolean
govorun_integration_records_record_attempt_finish (GovorunStore  *store,
                                                   GAsyncResult  *result,
                                                   gint64        *out_failing_since_ms,
                                                   GError       **error)
{
  return int64_finish (govorun_store_write_finish (store, result, error), out_failing_since_ms);
}

static gboolean
sql_resend (sqlite3 *db, gpointer data, gpointer *out_result,
            GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;

  return exec_ids (db, error,
                   "UPDATE deliveries SET state = ?3, attempts = 0, next_attempt_at_ms = ?2"
                   " WHERE id = ?1", p->id, p->time, (gint64) GOVORUN_DELIVERY_PENDING, G_MININT64);
}

void
govorun_integration_records_resend_async (GovorunStore        *store,
                                          gint64               delivery_id,
                                          gint64               now_ms,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_write_async (store, sql_resend, params_new (NULL, NULL, delivery_id, now_ms, 0),
                             (GDestroyNotify) params_free, cancellable, callback, user_data);
}

gboolean
govorun_integration_records_resend_finish (GovorunStore  *store,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

/* The keyset: rows below @p->time (a delivery id; 0 = from the newest). */
static gboolean
sql_delivery_page (sqlite3 *db, gpointer data, gpointer *out_result,
                   GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT " DELIVERY_COLUMNS " FROM deliveries d WHERE d.target_id = ?1"
                          " AND d.id < ?2 ORDER BY d.id DESC LIMIT ?3",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, p->id);
  /* A plain range, so the (target_id, id) index seeks to it. */
  sqlite3_bind_int64 (stmt, 2, p->time > 0 ? p->time : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, p->limit);
  return read_deliveries (db, stmt, out_result, out_result_destroy, error);
}

void
govorun_integration_records_load_deliveries_async (GovorunStore        *store,
                                                   gint64               target_id,
                                                   guint                limit,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  /* The first keyset page. */
  govorun_store_read_async (store, sql_delivery_page,
                            params_new (NULL, NULL, target_id, 0, limit),
                            (GDestroyNotify) params_free, cancellable, callback, user_data);
}

GPtrArray *
govorun_integration_records_load_deliveries_finish (GovorunStore  *store,
                                                    GAsyncResult  *result,
                                                    GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

void
govorun_integration_records_delivery_page_async (GovorunStore        *store,
                                                 gint64               target_id,
                                                 gint64               before_id,
                                                 guint                limit,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_delivery_page,
                            params_new (NULL, NULL, target_id, before_id, limit),
                            (GDestroyNotify) params_free, cancellable, callback, user_data);
}

GPtrArray *
govorun_integration_records_delivery_page_finish (GovorunStore  *store,
                                                  GAsyncResult  *result,
                                                  GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

static gboolean
sql_load_attempts (sqlite3 *db, gpointer data, gpointer *out_result,
                   GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  g_autoptr(GPtrArray) attempts =
    g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_delivery_attempt_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT attempt, at_ms, status, latency_ms, error FROM delivery_attempts"
                          " WHERE delivery_id = ?1 ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, p->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GovorunDeliveryAttempt *a = g_new0 (GovorunDeliveryAttempt, 1);

      a->attempt = (guint) sqlite3_column_int (stmt, 0);
      a->at_ms = sqlite3_column_int64 (stmt, 1);
      a->status = (guint) sqlite3_column_int (stmt, 2);
      a->latency_ms = (guint) sqlite3_column_int (stmt, 3);
      a->error = g_strdup (govorun_store_column_text (stmt, 4));
      g_ptr_array_add (attempts, a);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  *out_result = g_steal_pointer (&attempts);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

void
govorun_integration_records_load_attempts_async (GovorunStore        *store,
                                                 gint64               delivery_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_load_attempts,
                            params_new (NULL, NULL, delivery_id, 0, 0),
                            (GDestroyNotify) params_free, cancellable, callback, user_data);
}

GPtrArray *
govorun_integration_records_load_attempts_finish (GovorunStore  *store,
                                                  GAsyncResult  *result,
                                                  GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

static gboolean
sql_undelivered_calls (sqlite3 *db, gpointer data, gpointer *out_result,
                       GDestroyNotify *out_result_destroy, GError **error)
{
  Params *p = data;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The outbox's UNIQUE (target_id, event, subject) answers NOT EXISTS. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT c.id FROM integration_targets t JOIN calls c"
                          " ON c.started_at >= t.created_at"
                          " OR (t.backfill_to > t.backfill_from AND c.started_at >= t.backfill_from"
                          "     AND c.started_at < t.backfill_to)"
                          " WHERE (t.events & ?1) != 0 AND t.kind IN (?2, ?5) AND c.status != ?3"
                          " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.target_id = t.id"
                          "   AND d.event = 'call.finished' AND d.subject = 'call:' || c.id)"
                          " GROUP BY c.id ORDER BY c.id LIMIT ?4",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int (stmt, 1, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  sqlite3_bind_int (stmt, 2, GOVORUN_INTEGRATION_KIND_WEBHOOK);
  sqlite3_bind_int (stmt, 3, GOVORUN_CALL_STATUS_IN_PROGRESS);
  sqlite3_bind_int64 (stmt, 4, p->limit);
  sqlite3_bind_int (stmt, 5, GOVORUN_INTEGRATION_KIND_BITRIX24);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  *out_result = g_steal_pointer (&ids);
  *out_result_destroy = (GDestroyNotify) g_array_unref;
  return TRUE;
}

void
govorun_integration_records_undelivered_calls_async (GovorunStore        *store,
                                                     guint                limit,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_undelivered_calls, params_new (NULL, NULL, 0, 0, limit),
                            (GDestroyNotify) params_free, cancellable, callback, user_data);
}

GArray *
govorun_integration_records_undelivered_calls_finish (GovorunStore  *store,
                                                      GAsyncResult  *result,
                                                      GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}
