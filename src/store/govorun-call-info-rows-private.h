/* govorun-call-info-rows-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "govorun-call-record.h"

G_BEGIN_DECLS

/* The details of a call and its analysis (store layer only): the calls
 * upsert writes the details columns with the row and the analysis with
 * this writer, inside its transaction; the one-call fetch reads both. A
 * writer prepares its statements once for a whole page. */
typedef struct _GovorunCallInfoWriter GovorunCallInfoWriter;

GovorunCallInfoWriter *_govorun_call_info_writer_new  (sqlite3                   *db,
                                                             GError                   **error);
/* Writes @record's analysis, if it has any; @out_changed tells whether
 * it had. */
gboolean                  _govorun_call_info_write       (GovorunCallInfoWriter  *writer,
                                                             GovorunCallRecord         *record,
                                                             gboolean                  *out_changed,
                                                             GError                   **error);
void                      _govorun_call_info_writer_free (GovorunCallInfoWriter  *writer);

/* Sets the details of @record (row @id) from @db. */
gboolean                  _govorun_call_info_read        (sqlite3                   *db,
                                                             gint64                     id,
                                                             GovorunCallRecord         *record,
                                                             GError                   **error);

G_END_DECLS
