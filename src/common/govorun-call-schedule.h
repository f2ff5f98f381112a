/* govorun-call-schedule.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A contact's calling schedule as one compact text, the `govorun_schedule`
 * column of a campaign's call list. The outbound scenario (outbound.js,
 * scheduleNext()) and the emulator's dialer read it with the same rules as
 * govorun_call_schedule_next(); the campaigns service writes it
 * (govorun-campaign-schedule.h). Everything is in the contact's local time;
 * no time-zone database is needed to read it:
 *
 *   1/OFFSET/WORKDAY/DAYOFF/MASK/TRANSITIONS/OFFDAYS/WORKDAYS
 *
 *   1            the format's version
 *   OFFSET       minutes east of UTC before the first transition ("180")
 *   WORKDAY      the window on workdays, local minutes "START-END"
 *                ("480-1320" is 08:00–22:00); START == END is all day;
 *                START > END wraps midnight (the hours after midnight
 *                belong to the day the window opened on); "x": no calls
 *   DAYOFF       the same for weekends and holidays
 *   MASK         weekdays allowed, bit 0 Monday … bit 6 Sunday (1–127)
 *   TRANSITIONS  "UNIX:OFFSET,…" ascending: from UNIX seconds on the offset
 *                is OFFSET (daylight saving time; empty in Russia)
 *   OFFDAYS      local days off other than Saturday and Sunday (holidays),
 *                as days since 1970-01-01 on the local calendar, "20454,…"
 *   WORKDAYS     Saturdays or Sundays that are workdays by decree, likewise
 *
 * Trailing empty fields may be left out. A local time that does not exist
 * (the hour skipped when clocks go forward) is read as the moment after the
 * gap; one that exists twice, as one of its two moments.
 */

#define GOVORUN_CALL_SCHEDULE_MAX_CHARS 4096
#define GOVORUN_CALL_SCHEDULE_MAX_DATES 512

typedef struct
{
  int     start;   /* local minutes 0..1439 */
  int     end;     /* 0..1440 */
  gboolean open;   /* FALSE: no calls on such days */
} GovorunCallWindow;

typedef struct
{
  int               offset;               /* minutes east of UTC */
  GovorunCallWindow workday;
  GovorunCallWindow day_off;
  guint             mask;                 /* bit 0 Monday … bit 6 Sunday */
  guint             n_transitions;
  gint64            transition_at[GOVORUN_CALL_SCHEDULE_MAX_DATES];
  int               transition_offset[GOVORUN_CALL_SCHEDULE_MAX_DATES];
  guint             n_off_days;
  gint32            off_days[GOVORUN_CALL_SCHEDULE_MAX_DATES];   /* ascending */
  guint             n_work_days;
  gint32            work_days[GOVORUN_CALL_SCHEDULE_MAX_DATES];  /* ascending */
} GovorunCallSchedule;

/* Reads @text into @out; FALSE (and @out undefined) when it is not a
 * schedule of this format. */
gboolean  govorun_call_schedule_parse      (const char                *text,
                                            GovorunCallSchedule       *out);

/* Writes @schedule in the column's form. */
char     *govorun_call_schedule_to_string  (const GovorunCallSchedule *schedule);

/* The offset (minutes east of UTC) at @when (unix seconds). */
int       govorun_call_schedule_offset_at  (const GovorunCallSchedule *schedule,
                                            gint64                     when);

/* The first moment at or after @from (unix seconds) inside an allowed
 * window, looking up to @max_days days ahead; -1 when there is none. */
gint64    govorun_call_schedule_next       (const GovorunCallSchedule *schedule,
                                            gint64                     from,
                                            guint                      max_days);

/* The same, from the column's text; -2 when @text cannot be read. */
gint64    govorun_call_schedule_next_text  (const char                *text,
                                            gint64                     from,
                                            guint                      max_days);

G_END_DECLS
