/* govorun-window.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-application.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_WINDOW (govorun_window_get_type ())

G_DECLARE_FINAL_TYPE (GovorunWindow, govorun_window, GOVORUN, WINDOW, AdwApplicationWindow)

GovorunWindow *govorun_window_new        (GovorunApplication *application);
void           govorun_window_add_toast  (GovorunWindow      *self,
                                          const char         *title);
/* Opens the add-account dialog; @file (nullable) is a dropped credentials file. */
void           govorun_window_add_account (GovorunWindow     *self,
                                           GFile             *file);

G_END_DECLS
