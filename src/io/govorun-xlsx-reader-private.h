/* govorun-xlsx-reader-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-xlsx-reader.h"

G_BEGIN_DECLS

/*
 * The pieces of the XLSX reader: the package (the ZIP archive through
 * minizip, the workbook's sheets, styles and shared strings:
 * govorun-xlsx-package.c) and the cell values (numbers and dates as text:
 * govorun-xlsx-values.c). The reader itself streams one sheet.
 */

/* Bounds on the package, beyond the table's limits. */
#define GOVORUN_XLSX_MAX_RATIO           250      /* uncompressed / compressed, past 1 MiB */
#define GOVORUN_XLSX_MAX_PART_SIZE       (64 * 1024 * 1024)  /* workbook, rels, styles */
#define GOVORUN_XLSX_MAX_SHARED_STRINGS  4000000
#define GOVORUN_XLSX_MAX_DEPTH           64
#define GOVORUN_XLSX_MAX_SHEETS          1000

typedef enum
{
  GOVORUN_XLSX_FORMAT_NONE,
  GOVORUN_XLSX_FORMAT_DATE,
  GOVORUN_XLSX_FORMAT_TIME,
  GOVORUN_XLSX_FORMAT_DATETIME,
} GovorunXlsxFormatKind;

typedef struct _GovorunXlsxPackage GovorunXlsxPackage;

GovorunXlsxPackage   *_govorun_xlsx_package_open          (GInputStream        *stream,
                                                           guint64              max_size,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
void                  _govorun_xlsx_package_free          (GovorunXlsxPackage  *self);
const char * const   *_govorun_xlsx_package_sheet_names   (GovorunXlsxPackage  *self);
/* The path in the archive of sheet @name (%NULL: the first), or %NULL. */
const char           *_govorun_xlsx_package_sheet_path    (GovorunXlsxPackage  *self,
                                                           const char          *name);
gboolean              _govorun_xlsx_package_date1904      (GovorunXlsxPackage  *self);
GovorunXlsxFormatKind _govorun_xlsx_package_style_kind    (GovorunXlsxPackage  *self,
                                                           guint                style);
/* Shared string @index, or %NULL past the end. */
const char           *_govorun_xlsx_package_shared_string (GovorunXlsxPackage  *self,
                                                           guint                index);
/* Streams the part at @path through @context in chunks, within the size
 * and ratio bounds; errors of the markup become GOVORUN_IO_ERROR. */
gboolean              _govorun_xlsx_package_parse_part    (GovorunXlsxPackage  *self,
                                                           const char          *path,
                                                           GMarkupParseContext *context,
                                                           GCancellable        *cancellable,
                                                           GError             **error);
/* Opens the part at @path for reading in pieces with _read_part. */
gboolean              _govorun_xlsx_package_open_part     (GovorunXlsxPackage  *self,
                                                           const char          *path,
                                                           GError             **error);
/* Up to @len bytes of the open part; 0 at its end, -1 on an error. */
gssize                _govorun_xlsx_package_read_part     (GovorunXlsxPackage  *self,
                                                           guint8              *buf,
                                                           gsize                len,
                                                           GError             **error);

/* The local name of an element or attribute: "x:row" → "row". */
const char           *_govorun_xlsx_local_name            (const char          *name);
/* The value of attribute @wanted (by local name) of an element, or %NULL. */
const char           *_govorun_xlsx_attribute             (const char         **names,
                                                           const char         **values,
                                                           const char          *wanted);
/* What a number format shows: a date, a time, both, or a plain number. */
GovorunXlsxFormatKind _govorun_xlsx_format_kind           (guint                num_fmt_id,
                                                           const char          *format_code);
/* A number as stored ("7.9161234567E10") as exact decimal text
 * ("79161234567"); FALSE (and @out unchanged) for text that is no number. */
gboolean              _govorun_xlsx_number_text           (const char          *xml,
                                                           GString             *out);
/* A date serial number as ISO 8601 text ("2026-12-02", "2026-12-02 09:30",
 * "09:30:00"); FALSE when it is out of range. */
gboolean              _govorun_xlsx_date_text             (const char          *xml,
                                                           GovorunXlsxFormatKind kind,
                                                           gboolean             date1904,
                                                           GString             *out);

G_END_DECLS
