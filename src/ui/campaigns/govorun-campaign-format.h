/* govorun-campaign-format.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "govorun-campaign.h"
#include "govorun-campaign-contact.h"

G_BEGIN_DECLS

/* How campaigns read in the list, the details and the assistant: one
 * translated word per state and contact status, counts with plurals,
 * times as people read them. */

const char *govorun_campaign_format_state          (GovorunCampaignState  state);
/* Sets @label to the state's word, styled like the agents' states. */
void        govorun_campaign_format_state_label    (GtkLabel             *label,
                                                    GovorunCampaignState  state);
/* "12 of 40 called · 9 answered · 5 successful" */
char       *govorun_campaign_format_counts         (GovorunCampaign      *campaign);
/* The done/total fraction for a progress bar, 0 to 1. */
double      govorun_campaign_format_fraction       (GovorunCampaign      *campaign);
/* "Started 2.12.2026 10:40 · expected to finish 12:20", or the start
 * planned; "" for a draft without times. */
char       *govorun_campaign_format_times          (GovorunCampaign      *campaign);
/* A local date and time ("2.12.2026 10:40"), the date left out for today. */
char       *govorun_campaign_format_time           (gint64                unix_time);
const char *govorun_campaign_format_contact_status (GovorunContactStatus  status);
/* "1,234" with the locale's grouping. */
char       *govorun_campaign_format_number         (guint64               n);

G_END_DECLS
