/* govorun-campaign-contact.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * GovorunCampaignContact: one person a campaign calls — the row of the
 * imported file it came from, the number, the values the agent gets, and
 * how its task on Voximplant went. An item of the campaign's lazy contacts
 * model.
 */

/* Voximplant's task statuses (GetCallListDetails status_id 0–4). */
typedef enum
{
  GOVORUN_CONTACT_STATUS_NEW         = 0,
  GOVORUN_CONTACT_STATUS_IN_PROGRESS = 1,
  GOVORUN_CONTACT_STATUS_PROCESSED   = 2,
  GOVORUN_CONTACT_STATUS_ERROR       = 3,
  GOVORUN_CONTACT_STATUS_CANCELED    = 4,
} GovorunContactStatus;

#define GOVORUN_TYPE_CONTACT_STATUS (govorun_contact_status_get_type ())
GType govorun_contact_status_get_type (void) G_GNUC_CONST;

#define GOVORUN_TYPE_CAMPAIGN_CONTACT (govorun_campaign_contact_get_type ())
G_DECLARE_FINAL_TYPE (GovorunCampaignContact, govorun_campaign_contact, GOVORUN, CAMPAIGN_CONTACT, GObject)

GovorunCampaignContact *govorun_campaign_contact_new (void);

/* the row in the source file as a spreadsheet numbers it (the header is row 1) */
gint64               govorun_campaign_contact_get_row (GovorunCampaignContact *self);
void                 govorun_campaign_contact_set_row (GovorunCampaignContact *self, gint64 value);
/* E.164 */
const char *         govorun_campaign_contact_get_phone (GovorunCampaignContact *self);
void                 govorun_campaign_contact_set_phone (GovorunCampaignContact *self, const char *value);
/* JSON object: variable name -> value (the agent's variables and the kept contact data) */
const char *         govorun_campaign_contact_get_variables (GovorunCampaignContact *self);
void                 govorun_campaign_contact_set_variables (GovorunCampaignContact *self, const char *value);
/* __task_uuid of the contact's task */
const char *         govorun_campaign_contact_get_task_uuid (GovorunCampaignContact *self);
void                 govorun_campaign_contact_set_task_uuid (GovorunCampaignContact *self, const char *value);
GovorunContactStatus govorun_campaign_contact_get_status (GovorunCampaignContact *self);
void                 govorun_campaign_contact_set_status (GovorunCampaignContact *self, GovorunContactStatus value);
guint                govorun_campaign_contact_get_attempts_left (GovorunCampaignContact *self);
void                 govorun_campaign_contact_set_attempts_left (GovorunCampaignContact *self, guint value);
/* UTC unix seconds, 0 never */
gint64               govorun_campaign_contact_get_last_attempt (GovorunCampaignContact *self);
void                 govorun_campaign_contact_set_last_attempt (GovorunCampaignContact *self, gint64 value);
/* what the scenario reported (result_data), or NULL */
const char *         govorun_campaign_contact_get_result (GovorunCampaignContact *self);
void                 govorun_campaign_contact_set_result (GovorunCampaignContact *self, const char *value);
/* the call's record in Calls, or NULL */
const char *         govorun_campaign_contact_get_call_record_id (GovorunCampaignContact *self);
void                 govorun_campaign_contact_set_call_record_id (GovorunCampaignContact *self, const char *value);

G_END_DECLS
