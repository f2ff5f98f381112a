/* govorun-call-sync-lookups-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-sync-lookups.h"
#include "govorun-store-private.h"

G_BEGIN_DECLS

/* govorun_call_sync_lookups_match_async()'s work on a connection of the
 * store's: in the writer's transaction, the join and the upsert it
 * prepares see the same rows. */
gboolean _govorun_call_sync_lookups_match (sqlite3    *db,
                                           GPtrArray  *records,
                                           guint       tolerance,
                                           GError    **error);

G_END_DECLS
