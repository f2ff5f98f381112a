/* govorun-test-call-window.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-test-calls.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_TEST_CALL_WINDOW (govorun_test_call_window_get_type ())

G_DECLARE_FINAL_TYPE (GovorunTestCallWindow, govorun_test_call_window, GOVORUN, TEST_CALL_WINDOW, AdwWindow)

/* "Talk to Agent": the dynamic variables to fill in, then the live call. */
GovorunTestCallWindow *govorun_test_call_window_new      (GtkWindow             *parent,
                                                          GovorunTestCalls      *test_calls,
                                                          GovorunAgent          *agent);
GovorunTestCall       *govorun_test_call_window_get_call (GovorunTestCallWindow *self);

G_END_DECLS
