/* govorun-preferences-window.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GOVORUN_TYPE_PREFERENCES_WINDOW (govorun_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GovorunPreferencesWindow, govorun_preferences_window, GOVORUN, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/*
 * Preferences: one AdwPreferencesPage per area. "Connections" holds the API
 * endpoints (the GSettings keys voximplant-api-url and elevenlabs-api-url);
 * the Calls settings get a page of their own beside it.
 *
 * @sandbox: the window belongs to a sandbox instance, whose endpoints are
 * its emulators whatever the settings say; the page says so.
 */
GovorunPreferencesWindow *govorun_preferences_window_new (GtkWindow *parent,
                                                          GSettings *settings,
                                                          gboolean   sandbox);

G_END_DECLS
