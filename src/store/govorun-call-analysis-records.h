/* govorun-call-analysis-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-store.h"
#include "govorun-call-analysis-field.h"
#include "govorun-call-filter.h"

G_BEGIN_DECLS

/*
 * ElevenLabs' analysis of the stored calls (the call_analysis table):
 * which criteria and collected data items exist, and how the calls a
 * filter selects are spread over their values. Both answer a GPtrArray
 * of GovorunCallAnalysisField, criteria first, then by name.
 */

/* At most this many fields are listed. */
#define GOVORUN_CALL_ANALYSIS_MAX_FIELDS 64

/* Every criterion and data item in the store with up to @max_values of
 * its distinct values (in order, counts 0). Reads the values' index by
 * seeks, a few per value, so it stays quick over a million calls. */
void       govorun_call_analysis_records_seen_async   (GovorunStore             *store,
                                                       guint                     max_values,
                                                       GCancellable             *cancellable,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
GPtrArray *govorun_call_analysis_records_seen_finish  (GovorunStore             *store,
                                                       GAsyncResult             *result,
                                                       GError                  **error);

/* The fields of the calls @filter selects, each with its @max_values
 * most frequent values and their counts. */
void       govorun_call_analysis_records_count_async  (GovorunStore             *store,
                                                       const GovorunCallFilter  *filter,
                                                       guint                     max_values,
                                                       GCancellable             *cancellable,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
GPtrArray *govorun_call_analysis_records_count_finish (GovorunStore             *store,
                                                       GAsyncResult             *result,
                                                       GError                  **error);

G_END_DECLS
