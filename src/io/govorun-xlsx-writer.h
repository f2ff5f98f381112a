/* govorun-xlsx-writer.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Writes one worksheet of typed cells to an XLSX file (libxlsxwriter, in
 * its constant memory mode: each row goes to a temporary file as it is
 * ended, so a million rows take no more memory than one). The first row is
 * the header: bold, frozen, with an autofilter over every row written.
 * Dates are Excel dates with a date and time format, durations fractions of
 * a day shown [h]:mm:ss, money and counts are numbers, text is text (an XLSX cell never runs text as a formula).
 */

/* Rows an Excel worksheet holds, the header included. */
#define GOVORUN_XLSX_MAX_ROWS 1048576

#define GOVORUN_TYPE_XLSX_WRITER (govorun_xlsx_writer_get_type ())

G_DECLARE_FINAL_TYPE (GovorunXlsxWriter, govorun_xlsx_writer, GOVORUN, XLSX_WRITER, GObject)

/* Starts @path (written only by close()) with a worksheet named
 * @sheet_name and the header row @headers (NULL-terminated). */
GovorunXlsxWriter *govorun_xlsx_writer_new          (const char         *path,
                                                     const char         *sheet_name,
                                                     const char * const *headers,
                                                     GError            **error);
/* Column @column's width, in characters. */
void               govorun_xlsx_writer_set_width    (GovorunXlsxWriter  *self,
                                                     guint               column,
                                                     double              width);

/* Cells of the current row, left to right. */
void               govorun_xlsx_writer_add_text     (GovorunXlsxWriter  *self,
                                                     const char         *text);
void               govorun_xlsx_writer_add_blank    (GovorunXlsxWriter  *self);
void               govorun_xlsx_writer_add_int      (GovorunXlsxWriter  *self,
                                                     gint64              value);
/* A number shown with 2 to 4 decimals and thousands grouped. */
void               govorun_xlsx_writer_add_money    (GovorunXlsxWriter  *self,
                                                     double              amount);
/* A duration as a fraction of a day with the number format [h]:mm:ss. */
void               govorun_xlsx_writer_add_duration (GovorunXlsxWriter  *self,
                                                     guint               seconds);
/* @time (any zone) as the wall-clock time it shows: Excel dates have no
 * zone. */
void               govorun_xlsx_writer_add_datetime (GovorunXlsxWriter  *self,
                                                     GDateTime          *time);
/* Ends the row. GOVORUN_IO_ERROR_TOO_LARGE past GOVORUN_XLSX_MAX_ROWS,
 * GOVORUN_IO_ERROR_WRITE when a cell could not be written. */
gboolean           govorun_xlsx_writer_end_row      (GovorunXlsxWriter  *self,
                                                     GError            **error);
/* Sets the autofilter and writes the file. */
gboolean           govorun_xlsx_writer_close        (GovorunXlsxWriter  *self,
                                                     GError            **error);

G_END_DECLS
