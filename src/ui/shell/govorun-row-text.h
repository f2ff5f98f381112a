/* govorun-row-text.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * Names people type, as rows show them. libadwaita reads row titles as
 * markup, so "Smith & Sons" must be escaped; and it wraps them, which
 * costs time that grows with the square of the length (Pango shapes the
 * rest of the text again for every wrapped line), so a row title is cut.
 */

/* Longest name a row shows whole; longer ones (saved before names had a
 * limit) end in "…". Names are refused beyond this length anyway. */
#define GOVORUN_ROW_TITLE_MAX_CHARS 100

/* Returns: (transfer full): @name cut and escaped, for a row title. */
char *govorun_row_title_from_name (const char *name);
/* Stops @editable (an entry or entry row) taking more than @max_chars. */
void  govorun_editable_limit      (GtkEditable *editable,
                                   int          max_chars);

G_END_DECLS
