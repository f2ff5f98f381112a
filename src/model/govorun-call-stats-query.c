/* govorun-call-stats-query.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-stats-query.h"

GovorunCallStatsQuery *
govorun_call_stats_query_new (const GDate *first_day,
                              guint        n_days,
                              const char  *agent_uuid,
                              GTimeZone   *tz)
{
  GovorunCallStatsQuery *query;

  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), NULL);
  g_return_val_if_fail (n_days > 0, NULL);

  query = g_new0 (GovorunCallStatsQuery, 1);
  query->first_day = *first_day;
  query->n_days = n_days;
  query->agent_uuid = g_strdup (agent_uuid);
  query->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  return query;
}

GovorunCallStatsQuery *
govorun_call_stats_query_new_last (guint       n_days,
                                   const char *agent_uuid,
                                   GTimeZone  *tz,
                                   gint64      now_utc)
{
  g_autoptr(GTimeZone) zone = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now_utc);
  g_autoptr(GDateTime) now = g_date_time_to_timezone (utc, zone);
  GDate first;

  g_return_val_if_fail (n_days > 0, NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (&first, n_days - 1);
  return govorun_call_stats_query_new (&first, n_days, agent_uuid, zone);
}

GovorunCallStatsQuery *
govorun_call_stats_query_copy (const GovorunCallStatsQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return govorun_call_stats_query_new (&query->first_day, query->n_days, query->agent_uuid,
                                       query->tz);
}

void
govorun_call_stats_query_free (GovorunCallStatsQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->agent_uuid);
  g_time_zone_unref (query->tz);
  g_free (query);
}

G_DEFINE_BOXED_TYPE (GovorunCallStatsQuery, govorun_call_stats_query,
                     govorun_call_stats_query_copy, govorun_call_stats_query_free)

void
govorun_call_stats_query_get_day (const GovorunCallStatsQuery *query,
                                  int                          offset,
                                  GDate                       *out_day)
{
  *out_day = query->first_day;
  if (offset >= 0)
    g_date_add_days (out_day, (guint) offset);
  else
    g_date_subtract_days (out_day, (guint) -offset);
}

gint64
govorun_call_stats_query_day_start (const GovorunCallStatsQuery *query,
                                    int                          offset)
{
  g_autoptr(GDateTime) midnight = NULL;
  GDate day;

  govorun_call_stats_query_get_day (query, offset, &day);
  /* A midnight that a DST jump skips becomes the first hour that exists. */
  midnight = g_date_time_new (query->tz, g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), 0, 0, 0);
  return g_date_time_to_unix (midnight);
}
