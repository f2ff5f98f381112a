/* govorun-analysis-filter.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "govorun-call-analysis.h"
#include "govorun-call-filter.h"

G_BEGIN_DECLS

/*
 * The Calls page's filter by ElevenLabs' analysis: a criterion or a
 * collected data item (those the history holds), then its result
 * ("Success") or value ("high", or "Is set"). "changed" when the choice
 * changes.
 */

#define GOVORUN_TYPE_ANALYSIS_FILTER (govorun_analysis_filter_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAnalysisFilter, govorun_analysis_filter, GOVORUN, ANALYSIS_FILTER, GtkWidget)

GtkWidget *govorun_analysis_filter_new          (void);
/* Lists the fields of @analysis now and whenever it changes. */
void       govorun_analysis_filter_set_analysis (GovorunAnalysisFilter *self,
                                                 GovorunCallAnalysis   *analysis);
/* Sets @filter's analysis condition from the choice. */
void       govorun_analysis_filter_apply        (GovorunAnalysisFilter *self,
                                                 GovorunCallFilter     *filter);
gboolean   govorun_analysis_filter_is_set       (GovorunAnalysisFilter *self);
void       govorun_analysis_filter_clear        (GovorunAnalysisFilter *self);

G_END_DECLS
