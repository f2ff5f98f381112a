/* govorun-call-analysis.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-call-analysis-field.h"
#include "govorun-call-filter.h"
#include "govorun-call-sync.h"

G_BEGIN_DECLS

/*
 * ElevenLabs' analysis of the synced calls, for the views: which
 * evaluation criteria and collected data items exist (the Calls page's
 * analysis filter) and how a period's calls spread over their values (the
 * Overview's success per criterion and distribution of collected values).
 * SQL on the store's reader threads; "changed" follows the sync.
 */

typedef struct _GovorunStore GovorunStore;

/* Values of a data item the Calls filter offers, most frequent first. */
#define GOVORUN_CALL_ANALYSIS_FILTER_VALUES 30

#define GOVORUN_TYPE_CALL_ANALYSIS (govorun_call_analysis_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallAnalysis, govorun_call_analysis, GOVORUN, CALL_ANALYSIS, GObject)

/* @store must be open; "changed" follows @sync's "changed" (nullable). */
GovorunCallAnalysis *govorun_call_analysis_new          (GovorunStore             *store,
                                                         GovorunCallSync          *sync);
/* Every criterion and data item in the history, with up to
 * GOVORUN_CALL_ANALYSIS_FILTER_VALUES of its values (counts 0). */
void                 govorun_call_analysis_fields_async (GovorunCallAnalysis      *self,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
/* Returns: (transfer full) (element-type GovorunCallAnalysisField). */
GPtrArray           *govorun_call_analysis_fields_finish (GovorunCallAnalysis     *self,
                                                          GAsyncResult            *result,
                                                          GError                 **error);
/* The calls @filter selects over each field's @max_values most frequent
 * values, with counts. */
void                 govorun_call_analysis_count_async  (GovorunCallAnalysis      *self,
                                                         const GovorunCallFilter  *filter,
                                                         guint                     max_values,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
/* Returns: (transfer full) (element-type GovorunCallAnalysisField). */
GPtrArray           *govorun_call_analysis_count_finish (GovorunCallAnalysis      *self,
                                                         GAsyncResult             *result,
                                                         GError                  **error);

G_END_DECLS
