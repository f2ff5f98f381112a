/* govorun-csv-writer.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Writes RFC 4180 CSV to a GOutputStream: UTF-8, CRLF line ends, a field
 * quoted only when it holds the separator, a quote or a line break. Rows
 * are built a cell at a time and written through a buffer, so a million
 * rows cost a few hundred writes.
 *
 * Text cells that start with "=", "+", "-", "@", a tab or a carriage
 * return get a leading "'" so that a spreadsheet opening the file never
 * runs them as a formula (CSV injection). Number cells are checked to be
 * a number (an optional sign, digits, one decimal point) and are written
 * as they are: "+79161234567" stays a number a spreadsheet reads; anything
 * else given as a number is written as text, guarded.
 */

typedef enum
{
  GOVORUN_CSV_DIALECT_RFC4180 = 0,  /* "," between fields, "." in decimals */
  /* What Excel in a Russian locale opens by a double-click: a UTF-8 byte
   * order mark (else it reads the file as Windows-1251), ";" between fields
   * and "," in decimals (its list and decimal separators). */
  GOVORUN_CSV_DIALECT_EXCEL_RU,
} GovorunCsvDialect;

#define GOVORUN_TYPE_CSV_WRITER (govorun_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCsvWriter, govorun_csv_writer, GOVORUN, CSV_WRITER, GObject)

GovorunCsvWriter *govorun_csv_writer_new        (GOutputStream     *stream,
                                                 GovorunCsvDialect  dialect);

/* A text cell; NULL is an empty cell. Invalid UTF-8 is replaced. */
void              govorun_csv_writer_add_text   (GovorunCsvWriter  *self,
                                                 const char        *text);
/* A number as text ("+79161234567", "-12.5"); written as is when it is
 * one, else as a text cell. NULL is an empty cell. */
void              govorun_csv_writer_add_number (GovorunCsvWriter  *self,
                                                 const char        *number);
void              govorun_csv_writer_add_int    (GovorunCsvWriter  *self,
                                                 gint64             value);
/* Up to @decimals digits after the point, trailing zeros dropped; the
 * dialect's decimal separator. */
void              govorun_csv_writer_add_double (GovorunCsvWriter  *self,
                                                 double             value,
                                                 guint              decimals);
/* Ends the row; writes the buffer out when it is full. Errors are
 * GOVORUN_IO_ERROR_WRITE, or G_IO_ERROR_CANCELLED. */
gboolean          govorun_csv_writer_end_row    (GovorunCsvWriter  *self,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
/* Writes what is buffered and closes the stream. */
gboolean          govorun_csv_writer_close      (GovorunCsvWriter  *self,
                                                 GCancellable      *cancellable,
                                                 GError           **error);

/* Whether @text is a number add_number() writes unguarded. */
gboolean          govorun_csv_is_number         (const char        *text);

G_END_DECLS
