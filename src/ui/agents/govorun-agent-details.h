/* govorun-agent-details.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account-store.h"
#include "govorun-agent-store.h"
#include "govorun-provisioner.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_AGENT_DETAILS (govorun_agent_details_get_type ())

/* Services (properties): "accounts", "agents", "provisioner", "agent-widget". */
G_DECLARE_FINAL_TYPE (GovorunAgentDetails, govorun_agent_details, GOVORUN, AGENT_DETAILS, GtkWidget)

void          govorun_agent_details_set_agent    (GovorunAgentDetails *self,
                                                  GovorunAgent        *agent);
GovorunAgent *govorun_agent_details_get_agent    (GovorunAgentDetails *self);
/* Plans and applies, showing each step ("Create and configure", "Continue", "Repair"). */
void          govorun_agent_details_apply        (GovorunAgentDetails *self);
gboolean      govorun_agent_details_is_busy      (GovorunAgentDetails *self);
/* Compares the Voximplant account with what Govorun set up ("Check for
 * Changes", F5); does nothing while another step runs. */
void          govorun_agent_details_check_drift  (GovorunAgentDetails *self);

G_END_DECLS
