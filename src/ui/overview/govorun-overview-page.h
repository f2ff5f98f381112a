/* govorun-overview-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-page.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_OVERVIEW_PAGE (govorun_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (GovorunOverviewPage, govorun_overview_page, GOVORUN, OVERVIEW_PAGE, GovorunPage)

/*
 * The Overview: cards for a period (calls, answered share, minutes,
 * average duration, success rate, costs) with the change against the
 * period before, calls per day by outcome, answered share by weekday and
 * hour, the duration histogram and a row per agent; a period and an agent
 * to show. Queries again when a sync changes the history.
 */

/* The statistics shown, or NULL before the first query finished. */
const GovorunCallStatsResult *govorun_overview_page_get_result (GovorunOverviewPage *self);
/* ElevenLabs' analysis of the period shown (element-type
 * GovorunCallAnalysisField), or NULL before its first query finished. */
GPtrArray                    *govorun_overview_page_get_analysis (GovorunOverviewPage *self);
/* TRUE while a query runs. */
gboolean                      govorun_overview_page_get_loading (GovorunOverviewPage *self);

G_END_DECLS
