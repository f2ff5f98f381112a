/* govorun-call-sync-state-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "govorun-call-sync-state.h"

G_BEGIN_DECLS

/* For the calls upsert (store layer only): writes @state on @db inside the
 * caller's transaction. */
gboolean _govorun_call_sync_state_write (sqlite3                     *db,
                                         const GovorunCallSyncState  *state,
                                         GError                     **error);

G_END_DECLS
