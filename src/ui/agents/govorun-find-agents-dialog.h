/* govorun-find-agents-dialog.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account-store.h"
#include "govorun-agent-finder.h"

G_BEGIN_DECLS

/*
 * "Find Agents": searches every Voximplant account for agents Govorun set
 * up from any computer and lists them with an Adopt button each; scenarios
 * not made by Govorun are listed apart, without one.
 */

#define GOVORUN_TYPE_FIND_AGENTS_DIALOG (govorun_find_agents_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GovorunFindAgentsDialog, govorun_find_agents_dialog, GOVORUN, FIND_AGENTS_DIALOG, AdwWindow)

GovorunFindAgentsDialog *govorun_find_agents_dialog_new (GtkWindow           *parent,
                                                         GovorunAgentFinder  *finder,
                                                         GovorunAccountStore *accounts);

G_END_DECLS
