/* govorun-call-schedule.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSchedule"

#include "config.h"

#include <string.h>

#include "govorun-call-schedule.h"

/* outbound.js mirrors every function below (scheduleNext and its helpers);
 * a change here is a change there, and tests/data/call-schedule-cases.json
 * runs against both. */

#define DAY 86400

static gboolean
read_int (const char *text,
          gint64      min,
          gint64      max,
          gint64     *out)
{
  return text != NULL && *text != '\0' && strlen (text) <= 20 &&
         g_ascii_string_to_signed (text, 10, min, max, out, NULL);
}

static gboolean
read_window (const char        *text,
             GovorunCallWindow *out)
{
  g_auto(GStrv) parts = NULL;
  gint64 start, end;

  if (g_strcmp0 (text, "x") == 0)
    {
      out->open = FALSE;
      out->start = out->end = 0;
      return TRUE;
    }
  parts = g_strsplit (text, "-", 3);
  if (g_strv_length (parts) != 2 || !read_int (parts[0], 0, 1439, &start) || !read_int (parts[1], 0, 1440, &end))
    return FALSE;
  out->open = TRUE;
  out->start = (int) start;
  out->end = (int) end;
  return TRUE;
}

static gboolean
read_days (const char *text,
           gint32     *days,
           guint      *n_days)
{
  g_auto(GStrv) parts = NULL;

  *n_days = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  parts = g_strsplit (text, ",", GOVORUN_CALL_SCHEDULE_MAX_DATES + 1);
  if (g_strv_length (parts) > GOVORUN_CALL_SCHEDULE_MAX_DATES)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 day;

      if (!read_int (parts[i], 0, 200000, &day) || (i > 0 && day <= days[i - 1]))
        return FALSE;
      days[i] = (gint32) day;
      *n_days = i + 1;
    }
  return TRUE;
}

static gboolean
read_transitions (const char          *text,
                  GovorunCallSchedule *out)
{
  g_auto(GStrv) parts = NULL;

  out->n_transitions = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  parts = g_strsplit (text, ",", GOVORUN_CALL_SCHEDULE_MAX_DATES + 1);
  if (g_strv_length (parts) > GOVORUN_CALL_SCHEDULE_MAX_DATES)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], ":", 3);
      gint64 at, offset;

      if (g_strv_length (pair) != 2 || !read_int (pair[0], 0, G_GINT64_CONSTANT (17179869184), &at) ||
          !read_int (pair[1], -1440, 1440, &offset) || (i > 0 && at <= out->transition_at[i - 1]))
        return FALSE;
      out->transition_at[i] = at;
      out->transition_offset[i] = (int) offset;
      out->n_transitions = i + 1;
    }
  return TRUE;
}

gboolean
govorun_call_schedule_parse (const char          *text,
                             GovorunCallSchedule *out)
{
  g_auto(GStrv) fields = NULL;
  guint n;
  gint64 offset, mask;

  if (text == NULL || strlen (text) > GOVORUN_CALL_SCHEDULE_MAX_CHARS)
    return FALSE;
  fields = g_strsplit (text, "/", 10);
  n = g_strv_length (fields);
  if (n < 5 || n > 8 || g_strcmp0 (fields[0], "1") != 0)
    return FALSE;
  if (!read_int (fields[1], -1440, 1440, &offset) || !read_window (fields[2], &out->workday) ||
      !read_window (fields[3], &out->day_off) || !read_int (fields[4], 1, 127, &mask))
    return FALSE;
  out->offset = (int) offset;
  out->mask = (guint) mask;
  return read_transitions (n > 5 ? fields[5] : NULL, out) &&
         read_days (n > 6 ? fields[6] : NULL, out->off_days, &out->n_off_days) &&
         read_days (n > 7 ? fields[7] : NULL, out->work_days, &out->n_work_days);
}

static void
append_days (GString      *text,
             const gint32 *days,
             guint         n_days)
{
  for (guint i = 0; i < n_days; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? "," : "", days[i]);
}

static void
append_window (GString                 *text,
               const GovorunCallWindow *window)
{
  if (window->open)
    g_string_append_printf (text, "/%d-%d", window->start, window->end);
  else
    g_string_append (text, "/x");
}

char *
govorun_call_schedule_to_string (const GovorunCallSchedule *schedule)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "1/%d", schedule->offset);
  append_window (text, &schedule->workday);
  append_window (text, &schedule->day_off);
  g_string_append_printf (text, "/%u/", schedule->mask);
  for (guint i = 0; i < schedule->n_transitions; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%d", i > 0 ? "," : "", schedule->transition_at[i],
                            schedule->transition_offset[i]);
  g_string_append_c (text, '/');
  append_days (text, schedule->off_days, schedule->n_off_days);
  g_string_append_c (text, '/');
  append_days (text, schedule->work_days, schedule->n_work_days);
  /* Trailing empty fields are left out. */
  while (text->len > 0 && text->str[text->len - 1] == '/')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

int
govorun_call_schedule_offset_at (const GovorunCallSchedule *schedule,
                                 gint64                     when)
{
  int offset = schedule->offset;

  for (guint i = 0; i < schedule->n_transitions && schedule->transition_at[i] <= when; i++)
    offset = schedule->transition_offset[i];
  return offset;
}

/* The unix time of local seconds @local (see the header on gaps). */
static gint64
local_to_utc (const GovorunCallSchedule *schedule,
              gint64                     local)
{
  int o1 = govorun_call_schedule_offset_at (schedule, local);
  gint64 u1 = local - (gint64) o1 * 60;
  int o2 = govorun_call_schedule_offset_at (schedule, u1);
  gint64 u2;

  if (o2 == o1)
    return u1;
  u2 = local - (gint64) o2 * 60;
  if (govorun_call_schedule_offset_at (schedule, u2) == o2)
    return u2;
  /* Skipped when the clocks went forward: the first moment after the gap. */
  for (guint i = 0; i < schedule->n_transitions; i++)
    if (schedule->transition_at[i] > MIN (u1, u2))
      return schedule->transition_at[i];
  return MAX (u1, u2);
}

static gboolean
has_day (const gint32 *days,
         guint         n_days,
         gint64        day)
{
  for (guint i = 0; i < n_days; i++)
    if (days[i] == day)
      return TRUE;
  return FALSE;
}

/* The window of local day @day (days since 1970-01-01), or NULL. */
static const GovorunCallWindow *
day_window (const GovorunCallSchedule *schedule,
            gint64                     day)
{
  int weekday = (int) (((day + 3) % 7 + 7) % 7);  /* 0 Monday; 1970-01-01 was a Thursday */
  gboolean off;
  const GovorunCallWindow *window;

  if ((schedule->mask & (1u << weekday)) == 0)
    return NULL;
  if (has_day (schedule->off_days, schedule->n_off_days, day))
    off = TRUE;
  else if (has_day (schedule->work_days, schedule->n_work_days, day))
    off = FALSE;
  else
    off = weekday >= 5;
  window = off ? &schedule->day_off : &schedule->workday;
  return window->open ? window : NULL;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

gint64
govorun_call_schedule_next (const GovorunCallSchedule *schedule,
                            gint64                     from,
                            guint                      max_days)
{
  gint64 local = from + (gint64) govorun_call_schedule_offset_at (schedule, from) * 60;
  gint64 today = floor_div (local, DAY);

  /* The day before, for a window wrapping midnight into today. */
  for (gint64 day = today - 1; day <= today + (gint64) max_days; day++)
    {
      const GovorunCallWindow *window = day_window (schedule, day);
      gint64 open_local, close_local, open, close;

      if (window == NULL)
        continue;
      open_local = day * DAY + (gint64) window->start * 60;
      if (window->start == window->end)
        {
          open_local = day * DAY;
          close_local = open_local + DAY;
        }
      else if (window->end > window->start)
        close_local = day * DAY + (gint64) window->end * 60;
      else
        close_local = (day + 1) * DAY + (gint64) window->end * 60;
      open = local_to_utc (schedule, open_local);
      close = local_to_utc (schedule, close_local);
      if (close > from)
        return MAX (open, from);
    }
  return -1;
}

gint64
govorun_call_schedule_next_text (const char *text,
                                 gint64      from,
                                 guint       max_days)
{
  g_autofree GovorunCallSchedule *schedule = g_new0 (GovorunCallSchedule, 1);

  if (!govorun_call_schedule_parse (text, schedule))
    return -2;
  return govorun_call_schedule_next (schedule, from, max_days);
}
