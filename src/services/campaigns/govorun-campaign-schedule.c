/* govorun-campaign-schedule.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaigns"

#include "config.h"

#include "govorun-call-schedule.h"
#include "govorun-campaign-schedule.h"
#include "govorun-russian-calendar.h"

#define DAY            86400
#define EPOCH_JULIAN   719163    /* g_date_get_julian () of 1970-01-01 */
#define OFFSET_STEP    (6 * 3600) /* no zone changes its offset twice within six hours */
#define NEXT_MAX_DAYS  400

void
govorun_campaign_hours_init_simple (GovorunCampaignHours *hours,
                                    int                   start_minute,
                                    int                   end_minute,
                                    guint                 allowed_days)
{
  start_minute = CLAMP (start_minute, 0, 1439);
  end_minute = CLAMP (end_minute, 0, 1440);
  *hours = (GovorunCampaignHours) {
    .workday_start = start_minute,
    .workday_end = end_minute,
    .day_off_start = start_minute,
    .day_off_end = end_minute,
    .allowed_days = allowed_days,
  };
}

static GTimeZone *
zone_or_utc (const char *zone)
{
  GTimeZone *tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

static int
offset_minutes (GTimeZone *tz,
                gint64     when)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, when)) / 60;
}

/* The offset before the horizon and every change within it. */
static void
add_transitions (GovorunCallSchedule *out,
                 GTimeZone           *tz,
                 gint64               from,
                 gint64               to)
{
  int current;

  out->offset = current = offset_minutes (tz, from);
  for (gint64 t = from + OFFSET_STEP; t < to + OFFSET_STEP; t += OFFSET_STEP)
    {
      int offset = offset_minutes (tz, t);
      gint64 lo = t - OFFSET_STEP, hi = t;

      if (offset == current)
        continue;
      /* The first second of the new offset. */
      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if (offset_minutes (tz, mid) == current)
            lo = mid;
          else
            hi = mid;
        }
      if (out->n_transitions == GOVORUN_CALL_SCHEDULE_MAX_DATES)
        return;
      out->transition_at[out->n_transitions] = hi;
      out->transition_offset[out->n_transitions] = offset_minutes (tz, hi);
      out->n_transitions++;
      current = offset_minutes (tz, hi);
      t = hi;
    }
}

/* Holidays on weekdays and working Saturdays/Sundays of the allowed days. */
static void
add_calendar (GovorunCallSchedule *out,
              GTimeZone           *tz,
              gint64               from,
              gint64               to)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (from);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  GDate date;
  int y, m, d;
  guint n_days = (guint) ((to - from) / DAY) + 2;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_subtract_days (&date, 1);
  for (guint i = 0; i <= n_days; i++, g_date_add_days (&date, 1))
    {
      int weekday = g_date_get_weekday (&date) - 1;  /* 0 Monday */
      gint32 day = (gint32) g_date_get_julian (&date) - EPOCH_JULIAN;
      GovorunDayKind kind;

      if ((out->mask & (1u << weekday)) == 0)
        continue;
      kind = govorun_russian_calendar_day_kind (g_date_get_year (&date), g_date_get_month (&date),
                                                g_date_get_day (&date), NULL);
      if (kind == GOVORUN_DAY_HOLIDAY && weekday < 5 && out->n_off_days < GOVORUN_CALL_SCHEDULE_MAX_DATES)
        out->off_days[out->n_off_days++] = day;
      else if (kind == GOVORUN_DAY_WORKING && weekday >= 5 && out->n_work_days < GOVORUN_CALL_SCHEDULE_MAX_DATES)
        out->work_days[out->n_work_days++] = day;
    }
}

static GovorunCallSchedule *
build (const GovorunCampaignHours *hours,
       const char                 *zone,
       gint64                      from)
{
  g_autoptr(GTimeZone) tz = zone_or_utc (zone);
  GovorunCallSchedule *out = g_new0 (GovorunCallSchedule, 1);
  gint64 to = from + (gint64) GOVORUN_CAMPAIGN_SCHEDULE_HORIZON_DAYS * DAY;

  out->workday = (GovorunCallWindow) { CLAMP (hours->workday_start, 0, 1439), CLAMP (hours->workday_end, 0, 1440),
                                       TRUE };
  out->day_off = (GovorunCallWindow) { CLAMP (hours->day_off_start, 0, 1439), CLAMP (hours->day_off_end, 0, 1440),
                                       !hours->day_off_closed };
  out->mask = hours->allowed_days & 0x7f;
  if (out->mask == 0)
    out->mask = 0x7f;
  /* A day early, for a window of the day before that wraps midnight. */
  add_transitions (out, tz, from - DAY, to);
  if (hours->russian_calendar)
    add_calendar (out, tz, from, to);
  return out;
}

char *
govorun_campaign_schedule_column (const GovorunCampaignHours *hours,
                                  const char                 *zone,
                                  gint64                      from)
{
  g_autofree GovorunCallSchedule *schedule = build (hours, zone, from);

  return govorun_call_schedule_to_string (schedule);
}

gint64
govorun_campaign_schedule_next (const GovorunCampaignHours *hours,
                                const char                 *zone,
                                gint64                      from)
{
  g_autofree GovorunCallSchedule *schedule = build (hours, zone, from);

  return govorun_call_schedule_next (schedule, from, NEXT_MAX_DAYS);
}

/* The local window as minutes after the day's midnight, wrapping ones
 * ending after 1440; FALSE for all day. */
static gboolean
window_span (const GovorunCallWindow *window,
             int                     *start,
             int                     *end)
{
  if (window->start == window->end)
    return FALSE;
  *start = window->start;
  *end = window->end > window->start ? window->end : window->end + 1440;
  return TRUE;
}

gboolean
govorun_campaign_schedule_utc_guard (const GovorunCampaignHours *hours,
                                     const char                 *zone,
                                     gint64                      from,
                                     int                        *out_start,
                                     int                        *out_end)
{
  g_autofree GovorunCallSchedule *schedule = build (hours, zone, from);
  const GovorunCallWindow *windows[] = { &schedule->workday, &schedule->day_off };
  int start = G_MAXINT, end = G_MININT;
  int min_offset = schedule->offset, max_offset = schedule->offset;

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      int s, e;

      if (!windows[i]->open)
        continue;
      if (!window_span (windows[i], &s, &e))
        return FALSE;
      start = MIN (start, s);
      end = MAX (end, e);
    }
  if (start == G_MAXINT)
    return FALSE;
  for (guint i = 0; i < schedule->n_transitions; i++)
    {
      min_offset = MIN (min_offset, schedule->transition_offset[i]);
      max_offset = MAX (max_offset, schedule->transition_offset[i]);
    }
  /* In UTC minutes: the earliest opening under the largest offset, the
   * latest closing under the smallest. */
  start -= max_offset;
  end -= min_offset;
  if (end - start >= 1440)
    return FALSE;
  *out_start = ((start % 1440) + 1440) % 1440 * 60;
  *out_end = ((end % 1440) + 1440) % 1440 * 60;
  return TRUE;
}
