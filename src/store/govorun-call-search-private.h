/* govorun-call-search-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

/* Adds govorun_call_numbers_match (from_number, to_number, text) to @db:
 * 1 when every word of the search @text is in the forms of either number,
 * as the trigram index would find it. For the time the index is not
 * built yet (a first sync's bulk, govorun-call-bulk.c), when only numbers
 * are there to find. */
gboolean _govorun_call_search_add_function (sqlite3 *db);

G_END_DECLS
