/* govorun-call-analysis-totals-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "govorun-call-filter.h"

G_BEGIN_DECLS

/*
 * ElevenLabs' analysis counted ahead for the Overview: how many calls
 * had each (kind, name, result) per UTC hour and agent, and per UTC day
 * and agent (call_analysis_hourly, call_analysis_daily). Triggers on
 * calls and call_analysis keep both equal to a GROUP BY over
 * call_analysis joined to its call, so 90 days over a million calls is a
 * few thousand rows to add up instead of millions.
 */

/* The migration that creates the tables and their triggers and fills
 * them from the rows already stored; govorun-store.c lists it. */
extern const char govorun_call_analysis_totals_migration[];

/* For a bulk load on the writer thread, inside its transaction: suspend
 * drops the triggers (the load then pays nothing per row); rebuild
 * refills both tables from call_analysis and calls by one GROUP BY and
 * creates the triggers again. Rebuild alone (without suspend) is also
 * correct, and cheap to call twice. */
gboolean govorun_call_analysis_totals_suspend (sqlite3  *db,
                                               GError  **error);
gboolean govorun_call_analysis_totals_rebuild (sqlite3  *db,
                                               GError  **error);

/* Whether the totals answer @filter exactly: it narrows by nothing but
 * its dates (whole UTC hours) and its agent, and by one of them at
 * least (an empty filter also counts analysis of calls not stored). */
gboolean govorun_call_analysis_totals_cover (const GovorunCallFilter *filter);

/* A statement over the totals of the calls @filter selects, one row per
 * (kind, name, result) with its count, ordered as the direct count
 * orders them: kind, name, count descending, result (NULL results are
 * ''). @filter must be covered. */
sqlite3_stmt *govorun_call_analysis_totals_prepare (sqlite3                  *db,
                                                    const GovorunCallFilter  *filter,
                                                    GError                  **error);

G_END_DECLS
