/* govorun-scenario-window.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-provisioner.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_SCENARIO_WINDOW (govorun_scenario_window_get_type ())

G_DECLARE_FINAL_TYPE (GovorunScenarioWindow, govorun_scenario_window, GOVORUN, SCENARIO_WINDOW, AdwWindow)

GovorunScenarioWindow *govorun_scenario_window_new (GtkWindow          *parent,
                                                    GovorunProvisioner *provisioner,
                                                    GovorunAgent       *agent);

G_END_DECLS
