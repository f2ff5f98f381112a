/* govorun-agent-row.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account-store.h"
#include "govorun-agent.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_AGENT_ROW (govorun_agent_row_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAgentRow, govorun_agent_row, GOVORUN, AGENT_ROW, AdwActionRow)

GovorunAgentRow *govorun_agent_row_new          (GovorunAgent        *agent,
                                                 GovorunAccountStore *accounts);
GovorunAgent    *govorun_agent_row_get_agent    (GovorunAgentRow     *self);
/* "Ready", "Partially configured", … for people. */
const char      *govorun_agent_state_get_label  (GovorunAgentState    state);
/* "Inbound", "Outbound", "Inbound and outbound". */
const char      *govorun_agent_modes_get_label  (GovorunAgent        *agent);
/* "+74951234567, +78121234567" or "No number". */
char            *govorun_agent_describe_numbers (GovorunAgent        *agent);

G_END_DECLS
