/* govorun-campaign-details.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-services.h"

G_BEGIN_DECLS

/*
 * One campaign, the subpage of Campaigns: its state and progress, the
 * buttons that steer it (Start a draft, Pause, Resume, Cancel after a
 * confirmation, Add Contacts…, Export Results…, Delete a draft) and its
 * contacts in a GtkColumnView over the service's lazy, SQLite-backed
 * model. A contact's call opens in Calls through "win.show-call".
 */

#define GOVORUN_TYPE_CAMPAIGN_DETAILS (govorun_campaign_details_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCampaignDetails, govorun_campaign_details, GOVORUN, CAMPAIGN_DETAILS, GtkWidget)

void             govorun_campaign_details_set_services (GovorunCampaignDetails *self,
                                                        GovorunServices        *services);
void             govorun_campaign_details_set_campaign (GovorunCampaignDetails *self,
                                                        GovorunCampaign        *campaign);
GovorunCampaign *govorun_campaign_details_get_campaign (GovorunCampaignDetails *self);
/* Reads the contacts again (F5; a call sync that may have brought their
 * calls). */
void             govorun_campaign_details_reload       (GovorunCampaignDetails *self);
/* What Export Results… does once a file is chosen: XLSX for a name ending
 * in .xlsx, else CSV. */
void             govorun_campaign_details_export_to    (GovorunCampaignDetails *self,
                                                        GFile                  *file);
/* What Add Contacts… does once a file is chosen: the columns mapped as the
 * agent's last campaign had them (or guessed from the titles). */
void             govorun_campaign_details_add_contacts (GovorunCampaignDetails *self,
                                                        GFile                  *file);
/* Whether a request the buttons started is running. */
gboolean         govorun_campaign_details_get_busy     (GovorunCampaignDetails *self);

G_END_DECLS
