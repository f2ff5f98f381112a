/* govorun-analysis-summary.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The Overview's part of ElevenLabs' analysis for the period: each
 * evaluation criterion's success (a bar and "12 of 40 calls"), and each
 * collected data item's most frequent values with their counts.
 */

#define GOVORUN_TYPE_ANALYSIS_SUMMARY (govorun_analysis_summary_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAnalysisSummary, govorun_analysis_summary, GOVORUN, ANALYSIS_SUMMARY, GtkWidget)

GtkWidget *govorun_analysis_summary_new        (void);
/* @fields (element-type GovorunCallAnalysisField) (nullable): what to show. */
void       govorun_analysis_summary_set_fields (GovorunAnalysisSummary *self,
                                                GPtrArray              *fields);

G_END_DECLS
