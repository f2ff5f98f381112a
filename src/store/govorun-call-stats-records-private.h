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
/* Calls summed by the sums' keys, as stored (agent_uuid as the upsert
 * binds it; a currency NULL for none; a cost 0 when it has no currency),
 * to be added at once: a first sync's page in bulk, whose new rows the
 * sums do not hold yet. The strings are borrowed until it is freed. */
typedef struct _GovorunCallHourlySums GovorunCallHourlySums;

GovorunCallHourlySums *_govorun_call_hourly_sums_new  (void);
void                   _govorun_call_hourly_sums_free (GovorunCallHourlySums *sums);
void                   _govorun_call_hourly_sums_add  (GovorunCallHourlySums *sums,
                                                       gint64                 started_at,
                                                       const char            *agent_uuid,
                                                       int                    direction,
                                                       int                    status,
                                                       int                    success,
                                                       const char            *vox_currency,
                                                       const char            *el_currency,
                                                       guint                  duration,
                                                       double                 vox_cost,
                                                       double                 el_cost);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallHourlySums, _govorun_call_hourly_sums_free)
gboolean _govorun_call_stats_records_add_sums (sqlite3                *db,
                                               GovorunCallHourlySums  *sums,
                                               GError                **error);
/* Computes call_hourly and call_hourly_durations again from every call
 * (after a bulk, which wrote the calls without the triggers). */
gboolean _govorun_call_stats_records_rebuild (sqlite3  *db,
                                              GError  **error);

G_END_DECLS
