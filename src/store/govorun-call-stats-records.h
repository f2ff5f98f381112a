/* govorun-call-stats-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"
#include "govorun-call-stats-query.h"
#include "govorun-call-stats-result.h"

G_BEGIN_DECLS

/*
 * The Overview's statistics, read from call_hourly (the calls table
 * summed per UTC hour, agent, status, evaluation and currencies) and
 * call_hourly_durations (answered calls per hour, agent and duration
 * bucket), kept in step by triggers on calls. Hours, not
 * days, so that any time zone's days and hours of day come out of it
 * exactly (every zone Govorun's users are in is a whole number of hours
 * from UTC) and a day still spans a DST change correctly; a 90-day period
 * reads a few tens of thousands of rows however many calls there are.
 */

/* Everything the Overview shows for @query, in one read snapshot. */
void                    govorun_call_stats_records_query_async  (GovorunStore                *store,
                                                                 const GovorunCallStatsQuery *query,
                                                                 GCancellable                *cancellable,
                                                                 GAsyncReadyCallback          callback,
                                                                 gpointer                     user_data);
GovorunCallStatsResult *govorun_call_stats_records_query_finish (GovorunStore                *store,
                                                                 GAsyncResult                *result,
                                                                 GError                     **error);

G_END_DECLS
