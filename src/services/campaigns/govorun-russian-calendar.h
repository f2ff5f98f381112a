/* govorun-russian-calendar.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Russian working days: Saturdays and Sundays are days off, plus the
 * non-working public holidays and transfers the Government sets each year,
 * minus the Saturdays a decree makes working days. The table is data
 * (govorun-russian-calendar.c); a year outside it is reported as unknown
 * and then only weekends are days off.
 */

typedef enum
{
  GOVORUN_DAY_WORKING = 1,   /* a workday */
  GOVORUN_DAY_WEEKEND,       /* Saturday or Sunday that is not a working day by decree */
  GOVORUN_DAY_HOLIDAY,       /* a non-working holiday or a day off moved by decree */
} GovorunDayKind;

/* @year, @month (1..12), @day as on the contact's local calendar.
 * @out_known: (out) (optional): FALSE when @year is not in the table. */
GovorunDayKind  govorun_russian_calendar_day_kind   (int       year,
                                                     int       month,
                                                     int       day,
                                                     gboolean *out_known);
/* The first and last year the table covers. */
void            govorun_russian_calendar_years      (int      *first,
                                                     int      *last);

G_END_DECLS
