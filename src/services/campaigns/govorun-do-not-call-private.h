/* govorun-do-not-call-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-do-not-call.h"

G_BEGIN_DECLS

/* The file side of the list (govorun-do-not-call-file.c), run in worker
 * threads: the numbers of a CSV/XLSX file as entries (normalised, without
 * duplicates) and a report of what was left out; the list as CSV. */
GPtrArray *_govorun_do_not_call_read_file  (GFile                   *file,
                                            const char              *sheet_name,
                                            GovorunDoNotCallImport  *report,
                                            GCancellable            *cancellable,
                                            GError                 **error);
gboolean   _govorun_do_not_call_write_file (GFile                   *file,
                                            GPtrArray               *entries,
                                            GCancellable            *cancellable,
                                            GError                 **error);

G_END_DECLS
