/* govorun-window.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-services.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_WINDOW (govorun_window_get_type ())

G_DECLARE_FINAL_TYPE (GovorunWindow, govorun_window, GOVORUN, WINDOW, AdwApplicationWindow)

/* The window shows @services' state (loading, failed, ready) and hands its
 * pages the services they declare. Toasts go through "win.toast". */
GovorunWindow *govorun_window_new         (GtkApplication  *application,
                                           GovorunServices *services);
/* Opens the add-account dialog; @file (nullable) is a dropped credentials file. */
void           govorun_window_add_account (GovorunWindow   *self,
                                           GFile           *file);

G_END_DECLS
