/* read-back.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What other people's readers see in a written file: read-back.py (Python's
 * csv module; unzip + XML for XLSX) run on @path, its JSON parsed. @kind is
 * "csv" (with @delimiter) or "xlsx". Fails the test when the reader does. */
JsonObject *read_back (const char *kind,
                       const char *path,
                       const char *delimiter);

/* Row @row of a read-back CSV, as a NULL-terminated array (g_strfreev). */
char      **read_back_csv_row (JsonObject *csv,
                               guint       row);

G_END_DECLS
