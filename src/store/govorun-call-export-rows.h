/* govorun-call-export-rows.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"
#include "govorun-call-filter.h"
#include "govorun-call-record.h"

G_BEGIN_DECLS

/*
 * The export's read of the call history: every call a filter selects, in
 * the list's order, handed over in keyset batches so that a million rows
 * never sit in memory at once. The whole read is one snapshot, so the
 * total and the rows agree while a sync writes beside it.
 */

/* Rows handed to the func at a time. */
#define GOVORUN_CALL_EXPORT_ROWS_BATCH 1000

/**
 * GovorunCallExportRowsFunc:
 * @records: (element-type GovorunCallRecord): the next rows, in order
 * @total: how many calls match, counted in the same snapshot
 * @user_data: the func's data
 * @error: set when returning %FALSE
 *
 * Called on a store reader thread for each batch, one after another.
 *
 * Returns: %FALSE (with @error) to stop the read
 */
typedef gboolean (*GovorunCallExportRowsFunc) (GPtrArray  *records,
                                               gint64      total,
                                               gpointer    user_data,
                                               GError    **error);

/* Reads the calls @filter selects in (@sort, started_at, id) order (all
 * descending with @descending), with their transcripts when
 * @with_transcripts and their collected data items (as the info's
 * analysis, kind GOVORUN_CALL_ANALYSIS_DATA) when @with_data, and hands
 * them to @func. Cancelling stops between
 * batches (and inside a long query) with G_IO_ERROR_CANCELLED. */
void     govorun_call_export_rows_async  (GovorunStore               *store,
                                          const GovorunCallFilter    *filter,
                                          GovorunCallSortKey          sort,
                                          gboolean                    descending,
                                          gboolean                    with_transcripts,
                                          gboolean                    with_data,
                                          GovorunCallExportRowsFunc   func,
                                          gpointer                    func_data,
                                          GCancellable               *cancellable,
                                          GAsyncReadyCallback         callback,
                                          gpointer                    user_data);
/* @out_rows: how many rows were handed to the func. */
gboolean govorun_call_export_rows_finish (GovorunStore               *store,
                                          GAsyncResult               *result,
                                          guint64                    *out_rows,
                                          GError                    **error);

G_END_DECLS
