/* govorun-agent-dialog.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-services.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_AGENT_DIALOG (govorun_agent_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAgentDialog, govorun_agent_dialog, GOVORUN, AGENT_DIALOG, AdwWindow)

/* @agent: (nullable): the agent to edit, or %NULL for a new one.
 * Emits "done" with the saved agent when the person confirms the plan. */
GovorunAgentDialog *govorun_agent_dialog_new (GtkWindow       *parent,
                                              GovorunServices *services,
                                              GovorunAgent    *agent);

G_END_DECLS
