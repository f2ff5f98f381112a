/* govorun-call-export.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-agent-store.h"
#include "govorun-call-filter.h"

G_BEGIN_DECLS

/*
 * Exports exactly the calls a GovorunCallFilter selects, in the list's
 * order, to CSV or XLSX: the Calls page's columns (date and time,
 * direction, numbers, agent, campaign, duration, status, finish reason,
 * success, each provider's cost, the ids) and, when asked, the transcript.
 * Rows stream from the store in batches on a worker thread; the file is
 * written under a temporary name beside the chosen one and renamed at the
 * end, so a failed or cancelled export leaves no partial file and never
 * touches a file it was to replace.
 */

typedef enum
{
  GOVORUN_CALL_EXPORT_FORMAT_CSV = 0,    /* RFC 4180, UTF-8, "," */
  GOVORUN_CALL_EXPORT_FORMAT_CSV_EXCEL,  /* for Excel in Russian: BOM, ";", decimal "," */
  GOVORUN_CALL_EXPORT_FORMAT_XLSX,
} GovorunCallExportFormat;

/* Called in the caller's main context while an export runs, at most once
 * per batch of rows; never after the export's callback. */
typedef void (*GovorunCallExportProgressFunc) (guint64  done,
                                               guint64  total,
                                               gpointer user_data);

#define GOVORUN_TYPE_CALL_EXPORT (govorun_call_export_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallExport, govorun_call_export, GOVORUN, CALL_EXPORT, GObject)

/* @store must be open; agent names come from @agents. */
GovorunCallExport *govorun_call_export_new              (GovorunStore                  *store,
                                                         GovorunAgentStore             *agents);

/* "csv" or "xlsx". */
const char        *govorun_call_export_format_extension (GovorunCallExportFormat        format);

/* Writes the calls @filter selects, in (@sort, @descending) order, to
 * @file (a local file; replaced if it exists, only once the export is
 * complete). @progress (nullable) reports rows written. Errors carry a
 * translated sentence; cancelling gives G_IO_ERROR_CANCELLED and no
 * file. */
void               govorun_call_export_run_async        (GovorunCallExport             *self,
                                                         const GovorunCallFilter       *filter,
                                                         GovorunCallSortKey             sort,
                                                         gboolean                       descending,
                                                         GovorunCallExportFormat        format,
                                                         gboolean                       with_transcripts,
                                                         GFile                         *file,
                                                         GovorunCallExportProgressFunc  progress,
                                                         gpointer                       progress_data,
                                                         GCancellable                  *cancellable,
                                                         GAsyncReadyCallback            callback,
                                                         gpointer                       user_data);
/* @out_rows: how many calls were written. */
gboolean           govorun_call_export_run_finish       (GovorunCallExport             *self,
                                                         GAsyncResult                  *result,
                                                         guint64                       *out_rows,
                                                         GError                       **error);

G_END_DECLS
