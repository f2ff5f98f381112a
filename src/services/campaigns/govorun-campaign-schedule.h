/* govorun-campaign-schedule.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A campaign's calling hours for one contact, kept exactly while the
 * campaign runs on Voximplant: the local window per kind of day (workdays;
 * weekends and holidays), the weekdays allowed, and optionally the Russian
 * production calendar (govorun-russian-calendar.h). A call list has no
 * weekly schedule, so each row carries the contact's schedule as the
 * compact `govorun_schedule` column (format: src/common/govorun-call-schedule.h);
 * the outbound scenario reads it when a task's session starts and, outside
 * the hours, asks the call list for the next allowed start
 * (CallList.requestNextAttempt) instead of dialling.
 *
 * The 230-FZ debt-collection hours are
 *   { .workday_start = 8 * 60, .workday_end = 22 * 60,
 *     .day_off_start = 9 * 60, .day_off_end = 20 * 60,
 *     .allowed_days = GOVORUN_CAMPAIGN_ALL_DAYS, .russian_calendar = TRUE }.
 *
 * Pure functions over GLib's time-zone database; no I/O.
 */

/* How far ahead a column lists daylight-saving transitions and holidays;
 * after that the last offset holds and only Saturdays and Sundays are days
 * off. */
#define GOVORUN_CAMPAIGN_SCHEDULE_HORIZON_DAYS 120

typedef struct
{
  /* Local minutes [start, end): equal is all day, start > end wraps
   * midnight (the hours after midnight belong to the day before). */
  int      workday_start;
  int      workday_end;
  int      day_off_start;
  int      day_off_end;
  gboolean day_off_closed;     /* no calls at all on weekends and holidays */
  guint    allowed_days;       /* GovorunCampaignDay bits; 0 is every day */
  gboolean russian_calendar;   /* holidays and transfers count as days off / workdays */
} GovorunCampaignHours;

/* The same window every allowed day (the campaign's own settings). */
void      govorun_campaign_hours_init_simple   (GovorunCampaignHours       *hours,
                                                int                         start_minute,
                                                int                         end_minute,
                                                guint                       allowed_days);

/* The `govorun_schedule` column for a contact in @zone (an IANA name;
 * NULL or unknown is UTC), covering @from (unix seconds) to
 * GOVORUN_CAMPAIGN_SCHEDULE_HORIZON_DAYS later. */
char     *govorun_campaign_schedule_column     (const GovorunCampaignHours *hours,
                                                const char                 *zone,
                                                gint64                      from);

/* The first allowed moment at or after @from in @zone, as the scenario
 * would find it from the column; -1 when the hours allow nothing. */
gint64    govorun_campaign_schedule_next       (const GovorunCampaignHours *hours,
                                                const char                 *zone,
                                                gint64                      from);

/* The coarse daily UTC guard for __start_execution_time/__end_execution_time
 * (seconds of the UTC day): the union of every kind of day's local window
 * under every offset @zone has within the horizon, so that no legal
 * moment falls outside it (the scenario does the exact check). FALSE when
 * that union is the whole day: no guard. */
gboolean  govorun_campaign_schedule_utc_guard  (const GovorunCampaignHours *hours,
                                                const char                 *zone,
                                                gint64                      from,
                                                int                        *out_start,
                                                int                        *out_end);

G_END_DECLS
