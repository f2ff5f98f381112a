/* govorun-toast.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The one path for toasts: a view activates "win.toast" with the text, and
 * the window it sits in (the main window, or a dialog with its own overlay)
 * shows it. Views never need to know which window that is.
 */

/* Shows @text in the toast overlay of @widget's window, if it has one. */
void govorun_toast_show           (GtkWidget      *widget,
                                   const char     *text);
/* Installs "win.toast" (a string parameter) on @widget_class, whose
 * template must have an AdwToastOverlay named "toast_overlay". */
void govorun_toast_install_action (GtkWidgetClass *widget_class);

G_END_DECLS
