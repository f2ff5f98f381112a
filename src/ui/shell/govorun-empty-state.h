/* govorun-empty-state.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * What a list shows when it has no rows: an icon, a title and a sentence
 * saying why (nothing there yet, or nothing matches the search), as the
 * list's placeholder instead of a bare collapsed line.
 */

/* @list shows an icon, @title and @description (nullable) while it is
 * empty; a NULL @title removes the placeholder (while loading, say). */
void govorun_empty_state_set (GtkListBox *list,
                              const char *icon_name,
                              const char *title,
                              const char *description);

/* Removes @list's rows and keeps its placeholder (which is a child too,
 * so a loop over the children would remove it as well). */
void govorun_empty_state_clear_rows (GtkListBox *list);

G_END_DECLS
