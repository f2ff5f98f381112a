/* govorun-russian-calendar.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunRussianCalendar"

#include "config.h"

#include "govorun-russian-calendar.h"

/* Days off other than Saturday and Sunday, and Saturdays or Sundays that
 * are working days, per year. To add a year, add its rows and widen
 * FIRST_YEAR/LAST_YEAR. Sources:
 *
 * 2026 — the Government decree "On the transfer of days off in 2026",
 *   signed 24 September 2025 (reported by the Government's press service,
 *   TASS and RIA the same day; its number could not be checked offline):
 *   3 and 4 January (Saturday and Sunday) move to Friday 9 January and
 *   Thursday 31 December. With Labour Code art. 112 (holidays 1–8 January,
 *   23 February, 8 March, 1 and 9 May, 12 June, 4 November; a holiday on a
 *   weekend moves to the next workday): 1–9 January, 23 February, 9 March
 *   (for Sunday 8 March), 1 May, 11 May (for Saturday 9 May), 12 June,
 *   4 November, 31 December. No working Saturdays.
 *
 * 2027 — the decree for 2027 could NOT be confirmed offline. The rows are
 *   art. 112 alone: 1–8 January, 23 February, 8 March, 3 May (for Saturday
 *   1 May), 10 May (for Sunday 9 May), 14 June (for Saturday 12 June),
 *   4 November; plus Friday 5 November, which the published draft makes a
 *   day off. The draft's working Saturday 13 November is NOT listed: for
 *   the debt-collection window a day wrongly taken as a day off only makes
 *   calls stricter, never allows a call the law forbids. Check the signed
 *   decree and update this table. */

#define FIRST_YEAR 2026
#define LAST_YEAR  2027

typedef struct
{
  guint16 year;
  guint8  month;
  guint8  day;
  guint8  working;   /* TRUE: a weekend day made a workday */
} CalendarDay;

static const CalendarDay calendar_days[] = {
  /* 2026 */
  { 2026, 1, 1, FALSE }, { 2026, 1, 2, FALSE }, { 2026, 1, 5, FALSE }, { 2026, 1, 6, FALSE },
  { 2026, 1, 7, FALSE }, { 2026, 1, 8, FALSE }, { 2026, 1, 9, FALSE },
  { 2026, 2, 23, FALSE },
  { 2026, 3, 9, FALSE },
  { 2026, 5, 1, FALSE }, { 2026, 5, 11, FALSE },
  { 2026, 6, 12, FALSE },
  { 2026, 11, 4, FALSE },
  { 2026, 12, 31, FALSE },
  /* 2027 (Labour Code art. 112 and the draft; see above) */
  { 2027, 1, 1, FALSE }, { 2027, 1, 4, FALSE }, { 2027, 1, 5, FALSE }, { 2027, 1, 6, FALSE },
  { 2027, 1, 7, FALSE }, { 2027, 1, 8, FALSE },
  { 2027, 2, 23, FALSE },
  { 2027, 3, 8, FALSE },
  { 2027, 5, 3, FALSE }, { 2027, 5, 10, FALSE },
  { 2027, 6, 14, FALSE },
  { 2027, 11, 4, FALSE }, { 2027, 11, 5, FALSE },
};

void
govorun_russian_calendar_years (int *first,
                                int *last)
{
  if (first != NULL)
    *first = FIRST_YEAR;
  if (last != NULL)
    *last = LAST_YEAR;
}

GovorunDayKind
govorun_russian_calendar_day_kind (int       year,
                                   int       month,
                                   int       day,
                                   gboolean *out_known)
{
  GDate date;
  GDateWeekday weekday;

  g_return_val_if_fail (g_date_valid_dmy (day, month, year), GOVORUN_DAY_WORKING);

  if (out_known != NULL)
    *out_known = year >= FIRST_YEAR && year <= LAST_YEAR;

  for (gsize i = 0; i < G_N_ELEMENTS (calendar_days); i++)
    {
      const CalendarDay *row = &calendar_days[i];

      if (row->year == year && row->month == month && row->day == day)
        return row->working ? GOVORUN_DAY_WORKING : GOVORUN_DAY_HOLIDAY;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  weekday = g_date_get_weekday (&date);
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return GOVORUN_DAY_WEEKEND;

  return GOVORUN_DAY_WORKING;
}
