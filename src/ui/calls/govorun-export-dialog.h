/* govorun-export-dialog.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-call-filter.h"
#include "govorun-services.h"

G_BEGIN_DECLS

/*
 * "Export Calls": exactly the calls a filter selects, in the Calls page's
 * order, to CSV, CSV for Excel in Russian or XLSX, with transcripts if
 * asked. The file is chosen through GtkFileChooserNative (the portal in a
 * sandbox); the export runs in the background with a progress bar and
 * Cancel (which leaves no file), then offers to open the file or says in
 * a sentence what went wrong.
 */

#define GOVORUN_TYPE_EXPORT_DIALOG (govorun_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GovorunExportDialog, govorun_export_dialog, GOVORUN, EXPORT_DIALOG, AdwWindow)

GovorunExportDialog *govorun_export_dialog_new       (GtkWindow               *parent,
                                                      GovorunServices         *services,
                                                      const GovorunCallFilter *filter,
                                                      GovorunCallSortKey       sort,
                                                      gboolean                 descending);
/* Starts the export to @file with the chosen options: what the file
 * chooser's "Save" does (tests call it, as they cannot drive the portal). */
void                 govorun_export_dialog_export_to (GovorunExportDialog     *self,
                                                      GFile                   *file);

G_END_DECLS
