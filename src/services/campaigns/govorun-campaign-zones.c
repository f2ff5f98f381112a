/* govorun-campaign-zones.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaigns"

#include "config.h"

#include <string.h>

#include "govorun-campaign-zones.h"

typedef struct
{
  const char *prefix;  /* E.164 digits after the '+' */
  const char *zone;
} ZonePrefix;

/* Longest prefix wins. Russia: geographic codes of the regions whose time
 * differs from Moscow's, then "7" for the rest of the country's landlines
 * (+7 3…, 4…, 8…); Kazakhstan (+7 6…, 7…). Countries with one zone. */
static const ZonePrefix prefixes[] = {
  /* UTC+2 */
  { "7401", "Europe/Kaliningrad" },
  /* UTC+4 */
  { "7846", "Europe/Samara" }, { "7848", "Europe/Samara" }, { "7341", "Europe/Samara" },
  { "7842", "Europe/Ulyanovsk" }, { "7845", "Europe/Saratov" }, { "7851", "Europe/Astrakhan" },
  /* UTC+5 */
  { "7343", "Asia/Yekaterinburg" }, { "7342", "Asia/Yekaterinburg" }, { "7345", "Asia/Yekaterinburg" },
  { "7346", "Asia/Yekaterinburg" }, { "7347", "Asia/Yekaterinburg" }, { "7349", "Asia/Yekaterinburg" },
  { "7351", "Asia/Yekaterinburg" }, { "7352", "Asia/Yekaterinburg" }, { "7353", "Asia/Yekaterinburg" },
  /* UTC+6 */
  { "7381", "Asia/Omsk" },
  /* UTC+7 */
  { "7383", "Asia/Novosibirsk" }, { "7382", "Asia/Tomsk" }, { "7384", "Asia/Novokuznetsk" },
  { "7385", "Asia/Barnaul" }, { "7388", "Asia/Barnaul" },
  { "7391", "Asia/Krasnoyarsk" }, { "7390", "Asia/Krasnoyarsk" }, { "7394", "Asia/Krasnoyarsk" },
  /* UTC+8 */
  { "7395", "Asia/Irkutsk" }, { "7301", "Asia/Irkutsk" },
  /* UTC+9 */
  { "7302", "Asia/Chita" }, { "7411", "Asia/Yakutsk" }, { "7416", "Asia/Yakutsk" },
  /* UTC+10 */
  { "7421", "Asia/Vladivostok" }, { "7423", "Asia/Vladivostok" }, { "7426", "Asia/Vladivostok" },
  /* UTC+11, +12 */
  { "7424", "Asia/Sakhalin" }, { "7413", "Asia/Magadan" },
  { "7415", "Asia/Kamchatka" }, { "7427", "Asia/Kamchatka" },
  /* Moscow time: the other landline codes */
  { "73", "Europe/Moscow" }, { "74", "Europe/Moscow" }, { "78", "Europe/Moscow" },
  /* Kazakhstan, one zone since 2024 */
  { "76", "Asia/Almaty" }, { "77", "Asia/Almaty" },
  /* single-zone countries */
  { "375", "Europe/Minsk" }, { "380", "Europe/Kyiv" }, { "49", "Europe/Berlin" },
  { "44", "Europe/London" }, { "33", "Europe/Paris" }, { "39", "Europe/Rome" },
  { "34", "Europe/Madrid" }, { "48", "Europe/Warsaw" }, { "90", "Europe/Istanbul" },
  { "998", "Asia/Tashkent" }, { "996", "Asia/Bishkek" }, { "992", "Asia/Dushanbe" },
  { "995", "Asia/Tbilisi" }, { "374", "Asia/Yerevan" }, { "994", "Asia/Baku" },
  { "972", "Asia/Jerusalem" }, { "971", "Asia/Dubai" }, { "86", "Asia/Shanghai" },
  { "81", "Asia/Tokyo" }, { "82", "Asia/Seoul" }, { "91", "Asia/Kolkata" },
  { "358", "Europe/Helsinki" }, { "371", "Europe/Riga" }, { "370", "Europe/Vilnius" },
  { "372", "Europe/Tallinn" }, { "373", "Europe/Chisinau" }, { "41", "Europe/Zurich" },
  { "43", "Europe/Vienna" }, { "31", "Europe/Amsterdam" }, { "32", "Europe/Brussels" },
  { "420", "Europe/Prague" }, { "36", "Europe/Budapest" }, { "40", "Europe/Bucharest" },
  { "359", "Europe/Sofia" }, { "30", "Europe/Athens" }, { "46", "Europe/Stockholm" },
  { "47", "Europe/Oslo" }, { "45", "Europe/Copenhagen" }, { "351", "Europe/Lisbon" },
  { "353", "Europe/Dublin" }, { "66", "Asia/Bangkok" }, { "84", "Asia/Ho_Chi_Minh" },
  { "65", "Asia/Singapore" }, { "20", "Africa/Cairo" }, { "27", "Africa/Johannesburg" },
};

const char *
govorun_campaign_zone_for_number (const char *e164)
{
  const char *digits;
  const char *best = NULL;
  gsize best_len = 0;

  if (e164 == NULL || e164[0] != '+')
    return NULL;
  digits = e164 + 1;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize len = strlen (prefixes[i].prefix);

      if (len > best_len && strncmp (digits, prefixes[i].prefix, len) == 0)
        {
          best = prefixes[i].zone;
          best_len = len;
        }
    }
  return best;
}

gboolean
govorun_campaign_zone_is_valid (const char *name)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (name == NULL || *name == '\0' || strlen (name) > 64)
    return FALSE;
  tz = g_time_zone_new_identifier (name);
  return tz != NULL;
}

static GTimeZone *
zone_or_utc (const char *zone)
{
  GTimeZone *tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

static int
utc_second_of_day (GTimeZone *tz,
                   int        year,
                   int        month,
                   int        day,
                   int        minute)
{
  g_autoptr(GDateTime) local = g_date_time_new (tz, year, month, day, minute / 60, minute % 60, 0);
  gint64 unix_time;

  if (local == NULL)
    return 0;
  unix_time = g_date_time_to_unix (local);
  return (int) (((unix_time % 86400) + 86400) % 86400);
}

gboolean
govorun_campaign_utc_window (const char *zone,
                             int         start_minute,
                             int         end_minute,
                             gint64      day,
                             int        *out_start,
                             int        *out_end)
{
  g_autoptr(GTimeZone) tz = zone_or_utc (zone);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (day);
  g_autoptr(GDateTime) local = NULL;
  int y, m, d;

  start_minute = CLAMP (start_minute, 0, 1439);
  end_minute = CLAMP (end_minute, 0, 1439);
  if (start_minute == end_minute)
    return FALSE;
  local = g_date_time_to_timezone (when, tz);
  g_date_time_get_ymd (local, &y, &m, &d);
  *out_start = utc_second_of_day (tz, y, m, d, start_minute);
  *out_end = utc_second_of_day (tz, y, m, d, end_minute);
  return TRUE;
}

char *
govorun_campaign_format_time_of_day (int seconds)
{
  seconds = ((seconds % 86400) + 86400) % 86400;
  return g_strdup_printf ("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

static gboolean
day_allowed (GDateTime *local,
             guint      allowed_days)
{
  /* g_date_time_get_day_of_week: 1 = Monday … 7 = Sunday. */
  return (allowed_days & (1u << (g_date_time_get_day_of_week (local) - 1))) != 0;
}

gint64
govorun_campaign_first_allowed (const char *zone,
                                guint       allowed_days,
                                int         window_start_minute,
                                gint64      from)
{
  g_autoptr(GTimeZone) tz = zone_or_utc (zone);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (from);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  if ((allowed_days & 0x7f) == 0 || day_allowed (local, allowed_days))
    return from;
  for (int i = 1; i <= 7; i++)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (local, i);
      int y, m, d;

      if (day_allowed (next, allowed_days))
        {
          g_autoptr(GDateTime) start = NULL;

          g_date_time_get_ymd (next, &y, &m, &d);
          start = g_date_time_new (tz, y, m, d, window_start_minute / 60, window_start_minute % 60, 0);
          return start != NULL ? g_date_time_to_unix (start) : from;
        }
    }
  return from;
}

gint64
govorun_campaign_finish_time (const char *zone,
                              guint       allowed_days,
                              int         window_start_minute,
                              int         window_end_minute,
                              gint64      start,
                              double      work_seconds)
{
  g_autoptr(GTimeZone) tz = zone_or_utc (zone);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  int window = window_end_minute - window_start_minute;
  double left = work_seconds;
  int y, m, d;

  if (window <= 0)
    window += 1440;  /* wraps midnight, or all day */
  if ((allowed_days & 0x7f) == 0)
    allowed_days = 0x7f;
  g_date_time_get_ymd (local, &y, &m, &d);
  /* Day by day: each allowed day gives its window (the first day only
   * what is left of it after @start). Ten years at most. */
  for (int i = 0; i < 3650 && left > 0; i++)
    {
      g_autoptr(GDateTime) midnight = g_date_time_new (tz, y, m, d, 0, 0, 0);
      g_autoptr(GDateTime) day = g_date_time_add_days (midnight, i);
      g_autoptr(GDateTime) open = g_date_time_add_minutes (day, window_start_minute);
      g_autoptr(GDateTime) close = g_date_time_add_minutes (open, window);
      gint64 from = MAX (g_date_time_to_unix (open), start);
      gint64 to = g_date_time_to_unix (close);

      if (!day_allowed (day, allowed_days) || to <= from)
        continue;
      if (left <= to - from)
        return from + (gint64) left;
      left -= to - from;
    }
  return 0;
}
