/* govorun-table-reader.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * What the CSV and XLSX readers have in common: rows pulled one at a time
 * (a file of a million rows never sits whole in memory), each with the row
 * number a person sees in a spreadsheet, and bounds on the outside input.
 * Every rejection is a GOVORUN_IO_ERROR with a translated sentence that
 * names the row and the column.
 */

/* Bounds on outside input; 0 in a field means its default. */
typedef struct
{
  guint64 max_file_size;     /* bytes of the file as stored (default 1 GiB) */
  guint   max_rows;          /* source rows, empty ones included (default 2 000 000) */
  guint   max_fields;        /* columns in one row (default 1000) */
  guint   max_field_length;  /* bytes of one value, in UTF-8 (default 64 KiB) */
} GovorunTableLimits;

#define GOVORUN_TYPE_TABLE_READER (govorun_table_reader_get_type ())
G_DECLARE_DERIVABLE_TYPE (GovorunTableReader, govorun_table_reader, GOVORUN, TABLE_READER, GObject)

struct _GovorunTableReaderClass
{
  GObjectClass parent_class;

  /* Fills @row (cleared first) with the next non-empty row's values, as
   * pointers into the reader's own buffer that stay valid until the next
   * call; FALSE at the end (no error) or on an error. */
  gboolean (*next_row) (GovorunTableReader  *self,
                        GPtrArray           *row,
                        guint               *out_row_number,
                        GCancellable        *cancellable,
                        GError             **error);

  gpointer padding[4];
};

/* Opens @file as XLSX when it is a ZIP archive, else as CSV. @sheet_name:
 * the XLSX sheet to read, %NULL for the first; ignored for CSV. */
GovorunTableReader *govorun_table_reader_open          (GFile                     *file,
                                                        const char                *sheet_name,
                                                        const GovorunTableLimits  *limits,
                                                        GCancellable              *cancellable,
                                                        GError                   **error);

/* The next non-empty row: borrowed strings (UTF-8, never %NULL) valid until
 * the next call; a row may have fewer or more values than the header (a
 * ragged row). %NULL at the end of the table or on an error (@error set).
 * @out_n_values and @out_row_number (1-based, as a spreadsheet numbers its
 * rows) may be %NULL. */
const char * const *govorun_table_reader_next_row      (GovorunTableReader        *self,
                                                        guint                     *out_n_values,
                                                        guint                     *out_row_number,
                                                        GCancellable              *cancellable,
                                                        GError                   **error);

/* Reads up to @max_rows rows (the first is the header) as new strvs of the
 * same width (ragged rows padded with ""), and their row numbers; the
 * reader is left after them. */
gboolean            govorun_table_reader_read_preview  (GovorunTableReader        *self,
                                                        guint                      max_rows,
                                                        GPtrArray                **out_rows,
                                                        GArray                   **out_row_numbers,
                                                        GCancellable              *cancellable,
                                                        GError                   **error);

const GovorunTableLimits *govorun_table_reader_get_limits (GovorunTableReader     *self);
void                govorun_table_reader_set_limits    (GovorunTableReader        *self,
                                                        const GovorunTableLimits  *limits);

/* "C" for column 3, "AA" for 27: how a spreadsheet names column @column (1-based). */
char               *govorun_table_column_name          (guint                      column);

G_END_DECLS
