/* govorun-campaign-row.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-agent-store.h"
#include "govorun-campaign.h"

G_BEGIN_DECLS

/* A campaign in the Campaigns list: name, state, agent, a progress bar with
 * its counts, start and expected finish; kept current as the campaign's
 * properties change. */

#define GOVORUN_TYPE_CAMPAIGN_ROW (govorun_campaign_row_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCampaignRow, govorun_campaign_row, GOVORUN, CAMPAIGN_ROW, GtkListBoxRow)

GtkWidget       *govorun_campaign_row_new          (GovorunCampaign    *campaign,
                                                    GovorunAgentStore  *agents);
GovorunCampaign *govorun_campaign_row_get_campaign (GovorunCampaignRow *self);
/* The agent's name for @agent_id, or a sentence saying it was removed. */
char            *govorun_campaign_row_agent_name   (GovorunAgentStore  *agents,
                                                    const char         *agent_id);

G_END_DECLS
