/* govorun-widget-preview.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "govorun-widget-choices.h"

G_BEGIN_DECLS

/*
 * GovorunWidgetPreview: a sample web page drawn with GtkSnapshot — browser
 * bar, site header, text as grey bars — with the ElevenLabs widget on it
 * in the chosen variant, colours, texts and placement. "dark" draws the
 * page dark, independently of the application's style. No browser engine,
 * no network: an avatar image is shown as a placeholder.
 *
 * "drawn" (read-only) describes the last frame in words
 * ("variant=compact placement=bottom-left …"), for tests and for the
 * accessible description.
 */

#define GOVORUN_TYPE_WIDGET_PREVIEW (govorun_widget_preview_get_type ())

G_DECLARE_FINAL_TYPE (GovorunWidgetPreview, govorun_widget_preview, GOVORUN, WIDGET_PREVIEW, GtkWidget)

GtkWidget            *govorun_widget_preview_new         (void);
void                  govorun_widget_preview_set_choices (GovorunWidgetPreview *self,
                                                          GovorunWidgetChoices *choices);
GovorunWidgetChoices *govorun_widget_preview_get_choices (GovorunWidgetPreview *self);
void                  govorun_widget_preview_set_dark    (GovorunWidgetPreview *self,
                                                          gboolean              dark);
gboolean              govorun_widget_preview_get_dark    (GovorunWidgetPreview *self);
const char           *govorun_widget_preview_get_drawn   (GovorunWidgetPreview *self);

G_END_DECLS
