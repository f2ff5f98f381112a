/* govorun-call-stats.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-call-stats-query.h"
#include "govorun-call-stats-result.h"
#include "govorun-call-sync.h"

G_BEGIN_DECLS

/*
 * The Overview's statistics: what the cards, the charts and the agents'
 * table show for a period, computed by SQL over the store's hourly
 * aggregate on a worker thread. "changed" tells the views that the history
 * changed (the call sync wrote rows), so they query again.
 */

/* The store, opaque to the views (they get this from the services). */
typedef struct _GovorunStore GovorunStore;

#define GOVORUN_TYPE_CALL_STATS (govorun_call_stats_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallStats, govorun_call_stats, GOVORUN, CALL_STATS, GObject)

/* @store must be open; "changed" follows @sync's "changed" (nullable). */
GovorunCallStats       *govorun_call_stats_new          (GovorunStore                *store,
                                                         GovorunCallSync             *sync);
void                    govorun_call_stats_query_async  (GovorunCallStats            *self,
                                                         const GovorunCallStatsQuery *query,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
/* Returns: (transfer full): the statistics, or %NULL with @error set (a
 * translated sentence; G_IO_ERROR_CANCELLED when cancelled). */
GovorunCallStatsResult *govorun_call_stats_query_finish (GovorunCallStats            *self,
                                                         GAsyncResult                *result,
                                                         GError                     **error);
/* Emits "changed": the history changed some other way than by the sync
 * (an import, a removed account). */
void                    govorun_call_stats_changed      (GovorunCallStats            *self);

G_END_DECLS
