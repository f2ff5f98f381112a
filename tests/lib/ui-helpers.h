/* ui-helpers.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI tests do as a person would: wait for the screen to show
 * something, find a control by its visible label, click, type, drop a file,
 * take a screenshot.
 */
#pragma once

#include <adwaita.h>

#include "govorun-application.h"

G_BEGIN_DECLS

typedef gboolean (*Predicate) (gpointer data);

/* Runs the main loop until @pred holds or @timeout_ms passes; returns @pred. */
gboolean   wait_until     (Predicate    pred,
                           gpointer     data,
                           guint        timeout_ms);
void       settle         (guint        ms);
char      *strip_mnemonic (const char  *text);
/* A mapped widget of @type whose label, title or tooltip is @text (mnemonic
 * underscores ignored), or any when @text is NULL. */
GtkWidget *find_widget    (GtkWidget   *root,
                           GType        type,
                           const char  *text);
GtkWidget *find_with_css  (GtkWidget   *root,
                           const char  *css_class);
/* The sandbox's demo ElevenLabs agent of the clinic's reception, by the
 * name it has in the test's language (the app gives the sandbox its UI
 * language: Russian names in a Russian session). */
const char *ui_demo_reception_agent (void);
/* The mapped toplevel window of @type (a dialog that is open), or NULL. */
GtkWindow *toplevel_of_type (GType      type);
/* Saves @window's content as a PNG in $GOVORUN_SCREENSHOT_DIR. */
void       screenshot     (GtkWidget   *window,
                           const char  *name);
void       type_into      (GtkWidget   *root,
                           const char  *row_title,
                           const char  *text);
void       click          (GtkWidget   *root,
                           const char  *label);
void       drop_file      (GtkWidget   *target_widget,
                           GFile       *file);
/* Appends a line naming each mapped control under @root (buttons, toggles,
 * entries, activatable rows…) that a screen reader would read without a
 * name, and each row that is a Tab stop but does nothing, prefixed with
 * @where. */
void       collect_unnamed_controls (GtkWidget  *root,
                                     const char *where,
                                     GString    *report);
/* Does what pressing @keyval with @mods in @window does as far as shortcuts
 * go (the focus widget's and its ancestors' shortcut controllers, which
 * include the application's accelerators); TRUE when one acted. There is no
 * real key event: Xvfb runs without the XTest tools. */
gboolean   press_shortcut (GtkWindow       *window,
                           guint            keyval,
                           GdkModifierType  mods);
/* Runs Govorun in sandbox mode (its own instance) and, once it is first
 * activated, @script from an idle callback; @script quits the application
 * when done. *@app is the application while it runs. Returns the exit
 * status. */
/* Settings every UI test starts with: no automatic call sync, and a
 * sandbox history of UI_TEST_HISTORY_SIZE calls. */
#define UI_TEST_HISTORY_SIZE 300
void       ui_test_settings_init (void);
int        run_sandbox_app (GovorunApplication **app,
                            GSourceFunc          script);

G_END_DECLS
