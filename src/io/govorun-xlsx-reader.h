/* govorun-xlsx-reader.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-table-reader.h"

G_BEGIN_DECLS

/*
 * A streaming XLSX reader: the archive through minizip, one sheet's XML
 * through GMarkupParseContext in chunks. Shared and inline strings, numbers
 * as exact decimal text (a phone stored as the number 79161234567, or
 * 7.9161234567E10, stays those digits) and date cells as ISO 8601 text.
 * Bounded: each part's unpacked size and packing ratio (zip bombs), the
 * count of shared strings, the nesting of the XML.
 */

#define GOVORUN_TYPE_XLSX_READER (govorun_xlsx_reader_get_type ())
G_DECLARE_FINAL_TYPE (GovorunXlsxReader, govorun_xlsx_reader, GOVORUN, XLSX_READER, GovorunTableReader)

/* Opens the workbook in @stream, which must be seekable (a file or memory),
 * and reads its sheet list, styles and shared strings; @sheet_name chooses
 * the sheet (%NULL: the first). */
GovorunTableReader *govorun_xlsx_reader_new             (GInputStream             *stream,
                                                         const char               *sheet_name,
                                                         const GovorunTableLimits *limits,
                                                         GCancellable             *cancellable,
                                                         GError                  **error);

/* The workbook's sheets in their order. */
const char * const *govorun_xlsx_reader_get_sheet_names (GovorunXlsxReader        *self);
const char         *govorun_xlsx_reader_get_sheet_name  (GovorunXlsxReader        *self);

G_END_DECLS
