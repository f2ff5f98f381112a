/* govorun-import-preview.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * GovorunImportPreview: what the campaign assistant shows of a contact
 * file before anything is imported — its columns, its first rows, its
 * sheets, how its text was read, and about how many rows it has.
 */

#define GOVORUN_IMPORT_PREVIEW_MAX_ROWS 20

#define GOVORUN_TYPE_IMPORT_PREVIEW (govorun_import_preview_get_type ())
G_DECLARE_FINAL_TYPE (GovorunImportPreview, govorun_import_preview, GOVORUN, IMPORT_PREVIEW, GObject)

GovorunImportPreview *govorun_import_preview_new (void);

/* The first data rows (at most GOVORUN_IMPORT_PREVIEW_MAX_ROWS), each as
 * many cells as there are columns ("" for a missing cell). */
guint                 govorun_import_preview_get_n_rows (GovorunImportPreview *self);
const char * const   *govorun_import_preview_get_row    (GovorunImportPreview *self,
                                                         guint                 index);
/* Adds a row (cells copied, padded or cut to the columns). */
void                  govorun_import_preview_add_row    (GovorunImportPreview *self,
                                                         const char * const   *cells);
guint                 govorun_import_preview_get_n_columns (GovorunImportPreview *self);

/* column titles (the header row); untitled columns get "Column N" */
const char * const * govorun_import_preview_get_columns (GovorunImportPreview *self);
void                 govorun_import_preview_set_columns (GovorunImportPreview *self, const char * const * value);
/* the workbook's sheets (NULL for CSV) */
const char * const * govorun_import_preview_get_sheet_names (GovorunImportPreview *self);
void                 govorun_import_preview_set_sheet_names (GovorunImportPreview *self, const char * const * value);
/* the sheet read (NULL for CSV) */
const char *         govorun_import_preview_get_sheet (GovorunImportPreview *self);
void                 govorun_import_preview_set_sheet (GovorunImportPreview *self, const char *value);
/* the detected text encoding as a label ("UTF-8", "Windows-1251"…); NULL for XLSX */
const char *         govorun_import_preview_get_encoding (GovorunImportPreview *self);
void                 govorun_import_preview_set_encoding (GovorunImportPreview *self, const char *value);
/* the detected delimiter as a label; NULL for XLSX */
const char *         govorun_import_preview_get_delimiter (GovorunImportPreview *self);
void                 govorun_import_preview_set_delimiter (GovorunImportPreview *self, const char *value);
/* data rows in the file (estimated from its size when large) */
gint64               govorun_import_preview_get_row_estimate (GovorunImportPreview *self);
void                 govorun_import_preview_set_row_estimate (GovorunImportPreview *self, gint64 value);

G_END_DECLS
