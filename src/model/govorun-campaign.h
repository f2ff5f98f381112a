/* govorun-campaign.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * GovorunCampaign: one outbound campaign — a contact list dialled by
 * Voximplant's call-list engine with one agent. Plain properties with
 * notify; the campaigns service (GovorunCampaigns) saves them, runs the
 * campaign on Voximplant and keeps its progress current.
 */

typedef enum
{
  GOVORUN_CAMPAIGN_STATE_DRAFT,      /* prepared locally, nothing sent */
  GOVORUN_CAMPAIGN_STATE_SCHEDULED,  /* created on Voximplant, starts at start-at */
  GOVORUN_CAMPAIGN_STATE_RUNNING,
  GOVORUN_CAMPAIGN_STATE_PAUSED,
  GOVORUN_CAMPAIGN_STATE_FINISHED,
  GOVORUN_CAMPAIGN_STATE_CANCELLED,
  GOVORUN_CAMPAIGN_STATE_FAILED,     /* stopped on an error: error-message says which */
} GovorunCampaignState;

/* Where a contact's local time (for the calling hours) comes from. */
typedef enum
{
  GOVORUN_CAMPAIGN_ZONE_CAMPAIGN,  /* one zone for everybody: time-zone */
  GOVORUN_CAMPAIGN_ZONE_COLUMN,    /* a column of the file (the mapping's time-zone column) */
  GOVORUN_CAMPAIGN_ZONE_NUMBER,    /* from the number (country, Russian region) */
} GovorunCampaignZoneMode;

/* Bits of allowed-days. */
typedef enum
{
  GOVORUN_CAMPAIGN_MONDAY    = 1 << 0,
  GOVORUN_CAMPAIGN_TUESDAY   = 1 << 1,
  GOVORUN_CAMPAIGN_WEDNESDAY = 1 << 2,
  GOVORUN_CAMPAIGN_THURSDAY  = 1 << 3,
  GOVORUN_CAMPAIGN_FRIDAY    = 1 << 4,
  GOVORUN_CAMPAIGN_SATURDAY  = 1 << 5,
  GOVORUN_CAMPAIGN_SUNDAY    = 1 << 6,
} GovorunCampaignDay;

#define GOVORUN_CAMPAIGN_WEEKDAYS 0x1f
#define GOVORUN_CAMPAIGN_ALL_DAYS 0x7f
#define GOVORUN_CAMPAIGN_MAX_ATTEMPTS 5

#define GOVORUN_TYPE_CAMPAIGN_STATE     (govorun_campaign_state_get_type ())
#define GOVORUN_TYPE_CAMPAIGN_ZONE_MODE (govorun_campaign_zone_mode_get_type ())

GType       govorun_campaign_state_get_type       (void) G_GNUC_CONST;
GType       govorun_campaign_zone_mode_get_type   (void) G_GNUC_CONST;

/* The strings stored in the database ("draft", "running", …). */
const char *govorun_campaign_state_to_string      (GovorunCampaignState     state);
gboolean    govorun_campaign_state_from_string    (const char              *str,
                                                   GovorunCampaignState    *out_state);
const char *govorun_campaign_zone_mode_to_string  (GovorunCampaignZoneMode  mode);
gboolean    govorun_campaign_zone_mode_from_string (const char             *str,
                                                    GovorunCampaignZoneMode *out_mode);

#define GOVORUN_TYPE_CAMPAIGN (govorun_campaign_get_type ())
G_DECLARE_FINAL_TYPE (GovorunCampaign, govorun_campaign, GOVORUN, CAMPAIGN, GObject)

/* A draft with a new id, created now, the default settings (weekdays
 * 9:00–21:00 in Europe/Moscow, one attempt, two calls at once). */
GovorunCampaign *govorun_campaign_new  (void);
/* A copy of every property (the service hands copies to worker threads). */
GovorunCampaign *govorun_campaign_copy (GovorunCampaign *self);
/* Copies every property of @from into @self, notifying what changed. */
void             govorun_campaign_update_from (GovorunCampaign *self,
                                               GovorunCampaign *from);
/* Whether the campaign is on Voximplant and not over (scheduled, running,
 * paused). */
gboolean         govorun_campaign_is_active   (GovorunCampaign *self);
/* Whether the campaign is over (finished, cancelled). */
gboolean         govorun_campaign_is_over     (GovorunCampaign *self);

/* local UUID */
const char *            govorun_campaign_get_id (GovorunCampaign *self);
void                    govorun_campaign_set_id (GovorunCampaign *self, const char *value);
const char *            govorun_campaign_get_name (GovorunCampaign *self);
void                    govorun_campaign_set_name (GovorunCampaign *self, const char *value);
/* the Voximplant account's local UUID */
const char *            govorun_campaign_get_account_id (GovorunCampaign *self);
void                    govorun_campaign_set_account_id (GovorunCampaign *self, const char *value);
/* the agent's local UUID */
const char *            govorun_campaign_get_agent_id (GovorunCampaign *self);
void                    govorun_campaign_set_agent_id (GovorunCampaign *self, const char *value);
/* E.164 number shown to the people called */
const char *            govorun_campaign_get_caller_number (GovorunCampaign *self);
void                    govorun_campaign_set_caller_number (GovorunCampaign *self, const char *value);
GovorunCampaignState    govorun_campaign_get_state (GovorunCampaign *self);
void                    govorun_campaign_set_state (GovorunCampaign *self, GovorunCampaignState value);
/* Voximplant's call list id, 0 until created */
gint64                  govorun_campaign_get_list_id (GovorunCampaign *self);
void                    govorun_campaign_set_list_id (GovorunCampaign *self, gint64 value);
/* contacts to call (valid, not on the do-not-call list) */
guint                   govorun_campaign_get_total (GovorunCampaign *self);
void                    govorun_campaign_set_total (GovorunCampaign *self, guint value);
/* contacts whose task ended (processed, error or cancelled) */
guint                   govorun_campaign_get_done (GovorunCampaign *self);
void                    govorun_campaign_set_done (GovorunCampaign *self, guint value);
/* contacts whose call was answered */
guint                   govorun_campaign_get_answered (GovorunCampaign *self);
void                    govorun_campaign_set_answered (GovorunCampaign *self, guint value);
/* contacts the scenario reported a result for */
guint                   govorun_campaign_get_successful (GovorunCampaign *self);
void                    govorun_campaign_set_successful (GovorunCampaign *self, guint value);
/* contacts whose attempts all failed */
guint                   govorun_campaign_get_failed_contacts (GovorunCampaign *self);
void                    govorun_campaign_set_failed_contacts (GovorunCampaign *self, guint value);
/* UTC unix seconds */
gint64                  govorun_campaign_get_created_at (GovorunCampaign *self);
void                    govorun_campaign_set_created_at (GovorunCampaign *self, gint64 value);
/* UTC unix seconds; 0 = as soon as started */
gint64                  govorun_campaign_get_start_at (GovorunCampaign *self);
void                    govorun_campaign_set_start_at (GovorunCampaign *self, gint64 value);
/* UTC unix seconds, 0 unknown */
gint64                  govorun_campaign_get_expected_finish (GovorunCampaign *self);
void                    govorun_campaign_set_expected_finish (GovorunCampaign *self, gint64 value);
/* why the campaign last stopped, or NULL */
const char *            govorun_campaign_get_error_message (GovorunCampaign *self);
void                    govorun_campaign_set_error_message (GovorunCampaign *self, const char *value);
/* calls at once (max_simultaneous) */
guint                   govorun_campaign_get_concurrency (GovorunCampaign *self);
void                    govorun_campaign_set_concurrency (GovorunCampaign *self, guint value);
/* attempts per contact, 1-5 */
guint                   govorun_campaign_get_attempts (GovorunCampaign *self);
void                    govorun_campaign_set_attempts (GovorunCampaign *self, guint value);
/* minutes between attempts */
guint                   govorun_campaign_get_retry_interval_minutes (GovorunCampaign *self);
void                    govorun_campaign_set_retry_interval_minutes (GovorunCampaign *self, guint value);
/* 0 = highest */
guint                   govorun_campaign_get_priority (GovorunCampaign *self);
void                    govorun_campaign_set_priority (GovorunCampaign *self, guint value);
/* calling hours: from this minute of the day, local to the contact */
int                     govorun_campaign_get_window_start (GovorunCampaign *self);
void                    govorun_campaign_set_window_start (GovorunCampaign *self, int value);
/* to this minute (exclusive); equal to window-start = all day; smaller = wraps midnight */
int                     govorun_campaign_get_window_end (GovorunCampaign *self);
void                    govorun_campaign_set_window_end (GovorunCampaign *self, int value);
/* GovorunCampaignDay bits */
guint                   govorun_campaign_get_allowed_days (GovorunCampaign *self);
void                    govorun_campaign_set_allowed_days (GovorunCampaign *self, guint value);
/* where a contact's time zone comes from */
GovorunCampaignZoneMode govorun_campaign_get_zone_mode (GovorunCampaign *self);
void                    govorun_campaign_set_zone_mode (GovorunCampaign *self, GovorunCampaignZoneMode value);
/* IANA name of the campaign zone (and the fallback of the other modes) */
const char *            govorun_campaign_get_time_zone (GovorunCampaign *self);
void                    govorun_campaign_set_time_zone (GovorunCampaign *self, const char *value);
/* debt-collection mode: the hours and caps of 230-FZ art. 7 per contact
 * (GovorunDebtRules), the preflight holds back contacts over a cap */
gboolean                govorun_campaign_get_debt_mode (GovorunCampaign *self);
void                    govorun_campaign_set_debt_mode (GovorunCampaign *self, gboolean value);

G_END_DECLS
