/* govorun-campaign-notifications.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-campaigns.h"

G_BEGIN_DECLS

/*
 * Desktop notifications for campaigns: one when a campaign finishes, one
 * when it stops on an error (its reason in the body). Campaigns run on
 * Voximplant for hours, so the person is usually in another window when it
 * happens. Connected once per services by the window.
 */
void   govorun_campaign_notifications_watch (GApplication     *application,
                                             GovorunCampaigns *campaigns);

/* The notification's id for @campaign (tests withdraw it by this). */
char  *govorun_campaign_notifications_id    (GovorunCampaign  *campaign);

G_END_DECLS
