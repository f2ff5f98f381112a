/* govorun-store.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GovorunStore owns Govorun's SQLite database: one writer connection on a
 * dedicated thread (every write is serialised there, inside BEGIN IMMEDIATE
 * … COMMIT) and a small pool of read-only connections used from worker
 * threads (WAL lets them read beside the writer). The schema is versioned
 * with PRAGMA user_version and upgraded at open time.
 */

#define GOVORUN_STORE_ERROR (govorun_store_error_quark ())

typedef enum
{
  GOVORUN_STORE_ERROR_OPEN = 1,      /* the file or its folder cannot be opened or created */
  GOVORUN_STORE_ERROR_MIGRATION,     /* upgrading the schema failed (nothing of that step kept) */
  GOVORUN_STORE_ERROR_NEWER_SCHEMA,  /* written by a newer Govorun */
  GOVORUN_STORE_ERROR_WRITE,         /* a write transaction failed (rolled back) */
  GOVORUN_STORE_ERROR_READ,          /* a read failed */
  GOVORUN_STORE_ERROR_CORRUPT,       /* the file is not a database or is damaged */
} GovorunStoreError;

#define GOVORUN_TYPE_STORE (govorun_store_get_type ())

G_DECLARE_FINAL_TYPE (GovorunStore, govorun_store, GOVORUN, STORE, GObject)

GQuark        govorun_store_error_quark        (void) G_GNUC_CONST;

GovorunStore *govorun_store_new                (const char             *path);
const char   *govorun_store_get_path           (GovorunStore           *self);
void          govorun_store_open_async         (GovorunStore           *self,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gboolean      govorun_store_open_finish        (GovorunStore           *self,
                                                GAsyncResult           *result,
                                                GError                **error);
guint         govorun_store_get_schema_version (GovorunStore           *self);
void          govorun_store_close              (GovorunStore           *self);

G_END_DECLS
