/* govorun-csv-reader.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-table-reader.h"

G_BEGIN_DECLS

/*
 * A streaming CSV reader: the text comes through fixed-size buffers, in
 * UTF-8 (with or without a BOM), Windows-1251 (told from UTF-8 by validity,
 * then by how Cyrillic letters are spread) or UTF-16 with a BOM (Excel's
 * "Unicode text"); the delimiter (`,` `;` or tab) is found in the first
 * rows, quotes respected. Quoted values may hold delimiters, newlines and
 * doubled quotes; empty lines are skipped (but counted in row numbers).
 */

typedef enum
{
  GOVORUN_CSV_ENCODING_UNKNOWN,  /* not read yet */
  GOVORUN_CSV_ENCODING_UTF8,
  GOVORUN_CSV_ENCODING_UTF8_BOM,
  GOVORUN_CSV_ENCODING_WINDOWS_1251,
  GOVORUN_CSV_ENCODING_UTF16LE,
  GOVORUN_CSV_ENCODING_UTF16BE,
} GovorunCsvEncoding;

#define GOVORUN_TYPE_CSV_READER (govorun_csv_reader_get_type ())
G_DECLARE_FINAL_TYPE (GovorunCsvReader, govorun_csv_reader, GOVORUN, CSV_READER, GovorunTableReader)

/* Reads @stream from where it is; @limits may be %NULL (the defaults). */
GovorunTableReader *govorun_csv_reader_new           (GInputStream             *stream,
                                                      const GovorunTableLimits *limits);

/* What was detected: known once the first row was read. */
GovorunCsvEncoding  govorun_csv_reader_get_encoding  (GovorunCsvReader         *self);
char                govorun_csv_reader_get_delimiter (GovorunCsvReader         *self);

G_END_DECLS
