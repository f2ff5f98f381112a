/* govorun-campaign-debt.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-campaign.h"
#include "govorun-campaign-records.h"
#include "govorun-campaign-schedule.h"
#include "govorun-debt-rules.h"

G_BEGIN_DECLS

/*
 * The debt-collection mode of a campaign (Federal Law 230-FZ, art. 7
 * part 3; the figures and their sources are in govorun-debt-rules.c).
 *
 * - Settings: the calling hours are the law's, in each contact's local
 *   time, per kind of day on the Russian calendar (the call list's
 *   per-contact schedule), and cannot be widened; attempts are at least a day apart, so no
 *   contact is called twice on one day even when an attempt goes
 *   unanswered (an answered call ends the contact's task: outbound.js
 *   reports a result, never an error, once connected).
 * - Preflight: each contact's interactions already in the call history
 *   (answered outbound calls to its number, counted by the store by an
 *   index seek) are checked against the day, week and month caps on the
 *   contact's local calendar at its first calling moment; a contact over
 *   a cap is held back with the reason.
 */

/* The law's hours on a workday and on a weekend or holiday, in minutes
 * of the local day. */
void      govorun_campaign_debt_hours        (gboolean          day_off,
                                              int              *out_start_minute,
                                              int              *out_end_minute);

/* Puts the law's fixed settings on @campaign (debt mode on): the hours
 * (08:00–22:00 as the campaign's own; each contact gets its day's
 * window when the list is made) and a day between attempts. No-op when
 * debt mode is off. */
void      govorun_campaign_debt_apply_settings (GovorunCampaign *campaign);

/* The hours a debt-mode campaign's contacts are called in, for the call
 * list's per-contact schedule (govorun-campaign-schedule.h): the law's
 * window per kind of day on the Russian production calendar, on the days
 * of the week the campaign allows. */
void      govorun_campaign_debt_schedule_hours (GovorunCampaign      *campaign,
                                                GovorunCampaignHours *hours);

/* Whether the caps a debt-mode draft's preflight counted still hold at
 * @now: its first calling day (created-at or start-at, whichever is later)
 * is the day it would start on now, in the campaign's zone. A draft started
 * on a later day must be prepared again. TRUE outside debt mode. */
gboolean  govorun_campaign_debt_preflight_is_current (GovorunCampaign *campaign,
                                                      gint64           now);

typedef struct _GovorunCampaignDebtCheck GovorunCampaignDebtCheck;

/* For one import: the campaign's settings, and @now (unix seconds) as
 * the earliest call. */
GovorunCampaignDebtCheck *govorun_campaign_debt_check_new  (GovorunCampaign          *campaign,
                                                            gint64                    now);
void      govorun_campaign_debt_check_free   (GovorunCampaignDebtCheck *check);

/* On the writer thread, inside the fill: whether @phone (E.164) in @zone
 * (NULL: the campaign's) must be held back. *@out_reason is a translated
 * sentence when it must, else NULL. FALSE only on a store error. */
gboolean  govorun_campaign_debt_check_contact (GovorunCampaignDebtCheck *check,
                                               GovorunCampaignSink      *sink,
                                               const char               *phone,
                                               const char               *zone,
                                               char                    **out_reason,
                                               GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCampaignDebtCheck, govorun_campaign_debt_check_free)

G_END_DECLS
