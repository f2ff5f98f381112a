/* govorun-campaign-zones.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Calling hours in the contacts' own time. Debian's libphonenumber has no
 * time-zone mapper, so a small table gives the zone of a number: Russia's
 * geographic (ABC) codes by region — every region east of Moscow time has
 * its own zone — and the country codes of single-zone countries. Mobile
 * (DEF) numbers move between regions, so they get no zone here and fall
 * back to the campaign's.
 *
 * The call list's rows get their hours from govorun-campaign-schedule.h
 * (each contact's exact schedule, read by the scenario). Below, a single
 * day's UTC window and the first allowed day (one day's view, no longer
 * written to the call list) and the finish time the estimates use.
 */

/* The IANA zone of @e164 ("+73432…" → "Asia/Yekaterinburg"), or NULL. */
const char *govorun_campaign_zone_for_number (const char *e164);

/* Whether @name is a zone GLib knows ("Europe/Berlin", "UTC"…). */
gboolean    govorun_campaign_zone_is_valid   (const char *name);

/* The local window [@start_minute, @end_minute) of the day of @day (unix
 * seconds, any time of that local day) in zone @zone, as seconds of the
 * UTC day. FALSE for an all-day window (start == end): no limits. */
gboolean    govorun_campaign_utc_window      (const char *zone,
                                              int         start_minute,
                                              int         end_minute,
                                              gint64      day,
                                              int        *out_start,
                                              int        *out_end);

/* "HH:mm:ss" of @seconds of the day. */
char       *govorun_campaign_format_time_of_day (int seconds);

/* The first moment at or after @from (unix seconds) on a day of
 * @allowed_days (GovorunCampaignDay bits, Monday first) in @zone; @from
 * itself when its day is allowed, else that day's local window start. */
gint64      govorun_campaign_first_allowed   (const char *zone,
                                              guint       allowed_days,
                                              int         window_start_minute,
                                              gint64      from);

/* When @work_seconds of dialling spread over the daily windows of the
 * allowed days end, counting from @start, in @zone. */
gint64      govorun_campaign_finish_time     (const char *zone,
                                              guint       allowed_days,
                                              int         window_start_minute,
                                              int         window_end_minute,
                                              gint64      start,
                                              double      work_seconds);

G_END_DECLS
