/* govorun-error-banner.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * An error too long for a toast, shown in the page or dialog under its
 * header: a warning icon, the text wrapped in full (and selectable, to be
 * copied into a support request), an optional action button and a close
 * button. What AdwBanner is in libadwaita 1.3; we pin 1.2.
 *
 * Like toasts, errors have one path: a view calls govorun_error_show() and
 * the window or dialog it sits in shows the text in its banner. Short
 * confirmations ("Saved") stay toasts.
 */

#define GOVORUN_TYPE_ERROR_BANNER (govorun_error_banner_get_type ())

G_DECLARE_FINAL_TYPE (GovorunErrorBanner, govorun_error_banner, GOVORUN, ERROR_BANNER, GtkWidget)

GtkWidget  *govorun_error_banner_new          (void);
/* Shows @text as plain text (never markup); NULL hides the banner. */
void        govorun_error_banner_set_text     (GovorunErrorBanner *self,
                                               const char         *text);
const char *govorun_error_banner_get_text     (GovorunErrorBanner *self);
gboolean    govorun_error_banner_get_revealed (GovorunErrorBanner *self);
/* The optional button ("Try Again"): a mnemonic label, NULL for none. It
 * emits "button-clicked". */
void        govorun_error_banner_set_button_label (GovorunErrorBanner *self,
                                                   const char         *label);

/* Shows @text in the error banner of @widget's window; where there is none
 * (a page tested on its own) it falls back to a toast. */
void        govorun_error_show                (GtkWidget          *widget,
                                               const char         *text);
/* Installs "win.error" (a string parameter) on @widget_class, whose instance
 * struct holds its GovorunErrorBanner at @banner_offset
 * (G_STRUCT_OFFSET). */
void        govorun_error_banner_install_action (GtkWidgetClass   *widget_class,
                                                 gsize             banner_offset);

G_END_DECLS
