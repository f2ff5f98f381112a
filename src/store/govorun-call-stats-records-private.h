/* govorun-call-stats-records-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "govorun-call-filter.h"
#include "govorun-store-private.h"

G_BEGIN_DECLS

/* The migration that creates call_hourly, its triggers, and fills it from
 * the calls already stored; govorun-store.c lists it in its migrations. */
extern const char govorun_call_stats_records_migration[];
/* The later one that keys call_hourly by direction too. */
extern const char govorun_call_stats_records_direction_migration[];

/* Whether call_hourly answers the Calls summary of @filter exactly: it
 * narrows by nothing but whole UTC hours, agent, direction, status and
 * evaluation (a currency that is '' counts as none, as a missing one does). */
gboolean      govorun_call_stats_records_cover_summary   (const GovorunCallFilter  *filter);
/* The summary's rows from call_hourly, as its direct query has them:
 * vox_currency, el_currency (NULL for none), calls, seconds, the two
 * costs. @filter must be covered. */
sqlite3_stmt *govorun_call_stats_records_prepare_summary (sqlite3                  *db,
                                                          const GovorunCallFilter  *filter,
                                                          GError                  **error);
/* Adds the calls after row @after_id to the sums, which must not hold
 * them yet (a first sync's page in bulk, whose new rows are those). */
gboolean _govorun_call_stats_records_add_after (sqlite3  *db,
                                                gint64    after_id,
                                                GError  **error);
/* Computes call_hourly and call_hourly_durations again from every call
 * (after a bulk, which wrote the calls without the triggers). */
gboolean _govorun_call_stats_records_rebuild (sqlite3  *db,
                                              GError  **error);

G_END_DECLS
