/* ui-app.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs Govorun in sandbox mode for a UI test: the script runs once the
 * window is up, and the test's main() is one call.
 */
#pragma once

#include "govorun-application.h"

G_BEGIN_DECLS

/* The application while ui_app_main() runs it. */
GovorunApplication *ui_app_get          (void);
GtkWindow          *ui_app_main_window  (void);
/* Waits until the services are ready, the window is mapped and the
 * sandbox's accounts are listed; fails the test when Govorun did not start. */
void                ui_app_wait_ready   (void);
/* TRUE when the test runs in Russian (GOVORUN_TEST_LOCALE=ru_…). */
gboolean            ui_app_is_russian   (void);
/* Waits (up to 15 s) for a mapped widget as find_widget() finds it. */
GtkWidget          *ui_wait_widget      (GtkWidget   *root,
                                         GType        type,
                                         const char  *text);
/* Waits (up to 10 s) for a widget to become sensitive. */
void                ui_wait_sensitive   (GtkWidget   *widget);
/* Waits (up to 5 s) for a window of @type to open, or to be gone. */
GtkWidget          *ui_wait_toplevel    (GType        type);
void                ui_wait_closed      (GType        type);
/* Sets up gettext, registers @path running @script (which must quit the
 * application) in a fresh sandboxed Govorun, and runs the tests. */
int                 ui_app_main         (int          argc,
                                         char        *argv[],
                                         const char  *path,
                                         GSourceFunc  script);

G_END_DECLS
