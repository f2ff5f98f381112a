/* govorun-table-reader-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-table-reader.h"

G_BEGIN_DECLS

/* For the readers: the same sentences for the same bounds in both formats. */
gboolean _govorun_table_reader_too_many_rows    (GovorunTableReader  *self,
                                                 GError             **error);
gboolean _govorun_table_reader_too_many_fields  (GovorunTableReader  *self,
                                                 guint                row,
                                                 GError             **error);
gboolean _govorun_table_reader_field_too_long   (GovorunTableReader  *self,
                                                 guint                row,
                                                 guint                column,
                                                 GError             **error);
gboolean _govorun_table_reader_file_too_large   (GovorunTableReader  *self,
                                                 GError             **error);
gboolean _govorun_table_reader_bad_text         (guint                row,
                                                 guint                column,
                                                 GError             **error);

G_END_DECLS
