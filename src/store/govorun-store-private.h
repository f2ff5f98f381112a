/* govorun-store-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"

#include <sqlite3.h>

G_BEGIN_DECLS

/*
 * The SQLite-typed side of GovorunStore, for the store layer only: the
 * query files (govorun-*-records.c) run their statements through these on
 * the store's writer and reader threads. Services see govorun-store.h and
 * the typed query functions, never a sqlite3 handle.
 */

/**
 * GovorunStoreWriteFunc:
 * @db: the connection, only valid during the call
 * @data: the data passed to the `_async` call
 * @out_result: (out): what `_finish` will return (transfer full), or leave %NULL
 * @out_result_destroy: (out): frees @out_result if nobody takes it
 * @error: set when returning %FALSE
 *
 * Runs on a worker thread. Never touch GTK or main-thread objects here.
 *
 * Returns: %TRUE on success; %FALSE rolls the transaction back.
 */
typedef gboolean (*GovorunStoreWriteFunc) (sqlite3         *db,
                                           gpointer         data,
                                           gpointer        *out_result,
                                           GDestroyNotify  *out_result_destroy,
                                           GError         **error);

void          govorun_store_write_async        (GovorunStore           *self,
                                                GovorunStoreWriteFunc   func,
                                                gpointer                data,
                                                GDestroyNotify          data_destroy,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gpointer      govorun_store_write_finish       (GovorunStore           *self,
                                                GAsyncResult           *result,
                                                GError                **error);
gboolean      govorun_store_write_finish_boolean (GovorunStore         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void          govorun_store_read_async         (GovorunStore           *self,
                                                GovorunStoreWriteFunc   func,
                                                gpointer                data,
                                                GDestroyNotify          data_destroy,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gpointer      govorun_store_read_finish        (GovorunStore           *self,
                                                GAsyncResult           *result,
                                                GError                **error);

/* For write/read funcs: sets @error from the connection's last SQLite error
 * (WRITE, READ or CORRUPT, with a translated sentence naming the file) and
 * returns %FALSE, so a func can `return govorun_store_set_sqlite_error (…)`. */
gboolean      govorun_store_set_sqlite_error   (GError                **error,
                                                sqlite3                *db);

/* For write/read funcs: steps @stmt, which returns no rows, then resets it
 * (a statement kept for reuse) or finalizes it (a one-off); on failure sets
 * @error as govorun_store_set_sqlite_error() does and returns %FALSE. */
gboolean      govorun_store_step_reset         (sqlite3_stmt           *stmt,
                                                sqlite3                *db,
                                                GError                **error);
gboolean      govorun_store_step_finalize      (sqlite3                *db,
                                                sqlite3_stmt           *stmt,
                                                GError                **error);

/* For write/read funcs: @sql (a static string: its address is the key)
 * prepared once per thread and connection and kept; reset it and clear
 * its bindings after use, never finalize it. For a statement whose
 * preparing costs more than its use (a long upsert run for each page of
 * a sync). */
sqlite3_stmt *govorun_store_kept_statement     (sqlite3                *db,
                                                const char             *sql,
                                                GError                **error);

/* For write/read funcs: binds @text, or NULL when @text is %NULL. */
void          govorun_store_bind_text          (sqlite3_stmt           *stmt,
                                                int                     index,
                                                const char             *text);

/* For write/read funcs: binds @id, or NULL when @id is 0 (an unknown id,
 * so that a UNIQUE column allows many). */
void          govorun_store_bind_id            (sqlite3_stmt           *stmt,
                                                int                     index,
                                                gint64                  id);

/* For write/read funcs: column @index as UTF-8 text, or %NULL. */
const char   *govorun_store_column_text        (sqlite3_stmt           *stmt,
                                                int                     index);

/* The schema version this build creates and understands. */
guint    _govorun_store_get_latest_version (void);

/* Runs the migrations that bring @db from its PRAGMA user_version up to
 * @version, each in its own transaction. Tests use it to make a database at
 * an earlier version; the store itself calls it with the latest version. */
gboolean _govorun_store_migrate_to         (sqlite3  *db,
                                            guint     version,
                                            GError  **error);

G_END_DECLS
