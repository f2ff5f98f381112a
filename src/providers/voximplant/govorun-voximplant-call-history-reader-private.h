/* govorun-voximplant-call-history-reader-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-voximplant-calls.h"

G_BEGIN_DECLS

/*
 * GetCallHistory's answer read as a stream (yajl events), without a tree:
 * a page of 1000 sessions is some 1.5 MB, and building and freeing
 * json-glib's tree of it cost more than everything else the sync does
 * with it. The result, the bounds (size, UTF-8, depth: govorun-json.h),
 * the envelope's errors and every field's strictness are those of the
 * tree reader in govorun-voximplant-calls.c, including which error is
 * reported when several fields are wrong and the last of duplicate
 * members winning, as json-glib has it.
 */

/* The page in @body, an answer with HTTP @status; NULL with @error set as
 * the generic call and the tree reader would set it. Runs on any thread. */
GovorunVoximplantCallHistoryPage *_govorun_voximplant_call_history_read (GBytes    *body,
                                                                        guint      status,
                                                                        gboolean   jwt_auth,
                                                                        GError   **error);

/* For the fuzz target and the tests: the page as the tree reader makes
 * it (the generic call's checks, then its parser; API-key auth), NULL
 * with @error. */
GovorunVoximplantCallHistoryPage *_govorun_voximplant_call_history_read_tree (const guint8  *data,
                                                                             gsize          size,
                                                                             guint          status,
                                                                             GError       **error);

/* For the tests and the fuzz target: whether both readers give the same
 * page, or the same error (domain, code and message), for @data. */
gboolean _govorun_voximplant_call_history_readers_agree (const guint8 *data,
                                                         gsize         size,
                                                         guint         status);

G_END_DECLS
