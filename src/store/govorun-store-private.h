/* govorun-store-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"

G_BEGIN_DECLS

/* The schema version this build creates and understands. */
guint    _govorun_store_get_latest_version (void);

/* Runs the migrations that bring @db from its PRAGMA user_version up to
 * @version, each in its own transaction. Tests use it to make a database at
 * an earlier version; the store itself calls it with the latest version. */
gboolean _govorun_store_migrate_to         (sqlite3  *db,
                                            guint     version,
                                            GError  **error);

G_END_DECLS
