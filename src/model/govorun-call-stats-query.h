/* govorun-call-stats-query.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * What the Overview asks for: @n_days whole days from @first_day, as the
 * calendar of @tz counts them (so a day runs from local midnight to local
 * midnight, 23 or 25 hours on a DST change), optionally one agent's calls.
 * The previous period is the @n_days before @first_day.
 */
typedef struct
{
  GDate      first_day;
  guint      n_days;
  char      *agent_uuid;  /* NULL: every agent */
  GTimeZone *tz;          /* never NULL */
} GovorunCallStatsQuery;

#define GOVORUN_TYPE_CALL_STATS_QUERY (govorun_call_stats_query_get_type ())

GType                  govorun_call_stats_query_get_type  (void) G_GNUC_CONST;
/* @tz NULL: the local time zone. */
GovorunCallStatsQuery *govorun_call_stats_query_new       (const GDate                 *first_day,
                                                           guint                        n_days,
                                                           const char                  *agent_uuid,
                                                           GTimeZone                   *tz);
/* The @n_days that end with today (in @tz, at @now_utc). */
GovorunCallStatsQuery *govorun_call_stats_query_new_last  (guint                        n_days,
                                                           const char                  *agent_uuid,
                                                           GTimeZone                   *tz,
                                                           gint64                       now_utc);
GovorunCallStatsQuery *govorun_call_stats_query_copy      (const GovorunCallStatsQuery *query);
void                   govorun_call_stats_query_free      (GovorunCallStatsQuery       *query);
/* UTC unix time of the local midnight that starts day @offset of the
 * period (negative: the previous period; @n_days: its end). */
gint64                 govorun_call_stats_query_day_start (const GovorunCallStatsQuery *query,
                                                           int                          offset);
/* The date of day @offset of the period. */
void                   govorun_call_stats_query_get_day   (const GovorunCallStatsQuery *query,
                                                           int                          offset,
                                                           GDate                       *out_day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallStatsQuery, govorun_call_stats_query_free)

G_END_DECLS
