/* govorun-call-stats-records-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store-private.h"

G_BEGIN_DECLS

/* The migration that creates call_hourly, its triggers, and fills it from
 * the calls already stored; govorun-store.c lists it in its migrations. */
extern const char govorun_call_stats_records_migration[];

/* Computes call_hourly and call_hourly_durations again from every call
 * (after a bulk, which wrote the calls without the triggers). */
gboolean _govorun_call_stats_records_rebuild (sqlite3  *db,
                                              GError  **error);

G_END_DECLS
