/* govorun-search-shortcut.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * Ctrl+F for a window or page with a search field: focuses the field (the
 * GtkWidget pointer at @entry_offset in the instance struct, usually a
 * template child) when it is shown, and does nothing otherwise.
 */
void govorun_search_shortcut_install (GtkWidgetClass *widget_class,
                                      gsize           entry_offset);
/* Escape in @entry clears it; in an empty one, it closes its window, as
 * Escape anywhere else in a dialog does (GtkSearchEntry keeps the key). */
void govorun_search_escape_closes    (GtkSearchEntry *entry);

G_END_DECLS
