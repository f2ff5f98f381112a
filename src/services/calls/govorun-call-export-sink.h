/* govorun-call-export-sink.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-export.h"
#include "govorun-call-record.h"

G_BEGIN_DECLS

/*
 * The export's rows and columns, whatever the format: what each column of
 * a call is (a date, a number, money, text) and how the CSV and XLSX
 * writers are given it. Used on the export's worker thread only.
 */

typedef struct _GovorunCallExportSink GovorunCallExportSink;

/* Starts @path (an existing, empty file) with the header row. @agent_names
 * maps agent uuids to names (referenced). @data_names (nullable): the
 * collected data items that get a column each, after the others. */
GovorunCallExportSink *govorun_call_export_sink_new   (GovorunCallExportFormat  format,
                                                       const char              *path,
                                                       gboolean                 with_transcripts,
                                                       GHashTable              *agent_names,
                                                       const char * const      *data_names,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);
gboolean               govorun_call_export_sink_write (GovorunCallExportSink   *sink,
                                                       GovorunCallRecord       *record,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);
/* Finishes the file; without it (free alone) nothing more is written. */
gboolean               govorun_call_export_sink_close (GovorunCallExportSink   *sink,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);
void                   govorun_call_export_sink_free  (GovorunCallExportSink   *sink);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallExportSink, govorun_call_export_sink_free)

G_END_DECLS
