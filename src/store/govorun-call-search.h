/* govorun-call-search.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The two halves of the calls' full-text search (calls_fts, trigram):
 * what is indexed for a phone number, and the FTS5 query a person's search
 * text becomes. Together they make "8 916 123-45-67", "+7 916…" and
 * "916…" all find 79161234567.
 */

/* The forms of an E.164 number (digits, with or without "+") to index,
 * separated by spaces: the digits, and for a Russian number (7 and ten
 * digits) the domestic form with 8. NULL or "" gives "". */
char *govorun_call_search_number_forms (const char *number);

/* The words of @text a search looks for, as govorun_call_search_fts_query()
 * makes phrases of them; NULL when none is left. */
GStrv govorun_call_search_words        (const char *text);

/* The FTS5 MATCH expression for @text: every word must match (a phrase
 * each, quoted, so no input is FTS5 syntax; spaces and punctuation
 * separate words); text made of digits and phone punctuation only is one
 * number, its digits. Words shorter than
 * three characters cannot be matched by trigrams and are left out; NULL
 * when nothing is left. */
char *govorun_call_search_fts_query    (const char *text);

G_END_DECLS
