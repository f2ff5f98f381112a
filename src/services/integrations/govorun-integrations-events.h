/* govorun-integrations-events.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-sync.h"
#include "govorun-campaigns.h"
#include "govorun-integrations.h"

G_BEGIN_DECLS

/* GovorunServices connects the producers once: the call sync's "changed"
 * enqueues the new finished calls (and once now, for calls synced before
 * a restart); the campaigns' "campaign-finished" and "contact-result"
 * enqueue their events. */
void govorun_integrations_follow_call_sync (GovorunIntegrations *self,
                                            GovorunCallSync     *sync);
void govorun_integrations_follow_campaigns (GovorunIntegrations *self,
                                            GovorunCampaigns    *campaigns);

G_END_DECLS
