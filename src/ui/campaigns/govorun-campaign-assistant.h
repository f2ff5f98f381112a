/* govorun-campaign-assistant.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-services.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_CAMPAIGN_ASSISTANT (govorun_campaign_assistant_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCampaignAssistant, govorun_campaign_assistant, GOVORUN, CAMPAIGN_ASSISTANT, AdwWindow)

/* The New Campaign assistant; @file (nullable) is the contacts file
 * already chosen (dropped on the window). Emits "done" with the started
 * campaign, then closes. */
GovorunCampaignAssistant *govorun_campaign_assistant_new       (GtkWindow                *parent,
                                                                GovorunServices          *services,
                                                                GFile                    *file);
/* Add Contacts to the running @campaign: @file's first rows and its
 * columns (as the agent's last file had them), then the contacts are
 * appended. Emits "done" with @campaign; get_preflight() then tells what
 * was added and left out. */
GovorunCampaignAssistant *govorun_campaign_assistant_new_for_append (GtkWindow       *parent,
                                                                     GovorunServices *services,
                                                                     GovorunCampaign *campaign,
                                                                     GFile           *file);
/* What the file chooser does once a file is chosen. */
void                      govorun_campaign_assistant_set_file  (GovorunCampaignAssistant *self,
                                                                GFile                    *file);
/* The step shown, from 0. */
guint                     govorun_campaign_assistant_get_step  (GovorunCampaignAssistant *self);
/* Whether a request (preview, variables, prepare, start) is running. */
gboolean                  govorun_campaign_assistant_get_busy  (GovorunCampaignAssistant *self);
/* The report of the prepared draft, or NULL before step 4 is done. */
GovorunPreflight         *govorun_campaign_assistant_get_preflight (GovorunCampaignAssistant *self);
/* What Export Invalid Rows… does once a file is chosen. */
void                      govorun_campaign_assistant_export_invalid (GovorunCampaignAssistant *self,
                                                                     GFile                    *file);

G_END_DECLS
