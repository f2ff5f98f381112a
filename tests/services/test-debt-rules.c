/* test-debt-rules.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "govorun-debt-rules.h"
#include "govorun-russian-calendar.h"

/* 230-FZ art. 7 part 3 in the contact's local time: windows on workdays,
 * weekends and holidays, the day/week/month caps, across time zones. */

static gint64
at (const char *zone,
    int         year,
    int         month,
    int         day,
    int         hour,
    int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (tz);
  time = g_date_time_new (tz, year, month, day, hour, minute, 0);
  return g_date_time_to_unix (time);
}

static GovorunDebtDecision
check (const char               *zone,
       gint64                    candidate,
       const GovorunDebtAttempt *history,
       gsize                     n_history)
{
  GovorunDebtRules rules;
  GovorunDebtDecision decision;
  g_autoptr(GError) error = NULL;

  govorun_debt_rules_init_default (&rules);
  g_assert_true (govorun_debt_rules_check (&rules, zone, candidate, history, n_history, &decision, &error));
  g_assert_no_error (error);
  return decision;
}

static void
test_defaults (void)
{
  GovorunDebtRules rules;

  govorun_debt_rules_init_default (&rules);
  g_assert_cmpint (rules.workday_start_hour, ==, 8);
  g_assert_cmpint (rules.workday_end_hour, ==, 22);
  g_assert_cmpint (rules.day_off_start_hour, ==, 9);
  g_assert_cmpint (rules.day_off_end_hour, ==, 20);
  g_assert_cmpuint (rules.per_day, ==, 1);
  g_assert_cmpuint (rules.per_week, ==, 2);
  g_assert_cmpuint (rules.per_month, ==, 8);
  g_assert_true (rules.count_unanswered);
}

static void
test_workday_window (void)
{
  const char *moscow = "Europe/Moscow";
  GovorunDebtDecision d;

  /* Tuesday 1 December 2026 */
  d = check (moscow, at (moscow, 2026, 12, 1, 7, 59), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_EARLY);
  g_assert_false (d.day_off);
  g_assert_true (d.calendar_known);
  g_assert_cmpint (d.next_allowed_at, ==, at (moscow, 2026, 12, 1, 8, 0));

  d = check (moscow, at (moscow, 2026, 12, 1, 8, 0), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);
  d = check (moscow, at (moscow, 2026, 12, 1, 21, 59), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);

  d = check (moscow, at (moscow, 2026, 12, 1, 22, 0), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_LATE);
  g_assert_cmpint (d.next_allowed_at, ==, at (moscow, 2026, 12, 2, 8, 0));
}

/* One instant is early in Kaliningrad, fine in Moscow and Yekaterinburg,
 * late in Vladivostok. */
static void
test_time_zones (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 12, 1, 5, 30, 0);
  gint64 instant = g_date_time_to_unix (utc);
  g_autoptr(GDateTime) utc_late = g_date_time_new_utc (2026, 12, 1, 12, 30, 0);
  gint64 late = g_date_time_to_unix (utc_late);
  GovorunDebtDecision d;

  d = check ("Europe/Kaliningrad", instant, NULL, 0);   /* 07:30 */
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_EARLY);
  g_assert_cmpint (d.next_allowed_at, ==, at ("Europe/Kaliningrad", 2026, 12, 1, 8, 0));
  d = check ("Europe/Moscow", instant, NULL, 0);        /* 08:30 */
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);
  d = check ("Asia/Yekaterinburg", instant, NULL, 0);   /* 10:30 */
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);
  d = check ("Asia/Vladivostok", instant, NULL, 0);     /* 15:30 */
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);

  d = check ("Asia/Vladivostok", late, NULL, 0);        /* 22:30 */
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_LATE);
  g_assert_cmpint (d.next_allowed_at, ==, at ("Asia/Vladivostok", 2026, 12, 2, 8, 0));
  d = check ("Asia/Yekaterinburg", late, NULL, 0);      /* 17:30 */
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);
}

static void
test_weekend_window (void)
{
  const char *zone = "Asia/Yekaterinburg";
  GovorunDebtDecision d;

  /* Saturday 5 December 2026: 09:00–20:00 */
  d = check (zone, at (zone, 2026, 12, 5, 8, 30), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_EARLY);
  g_assert_true (d.day_off);
  g_assert_cmpint (d.next_allowed_at, ==, at (zone, 2026, 12, 5, 9, 0));
  d = check (zone, at (zone, 2026, 12, 5, 19, 59), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);
  d = check (zone, at (zone, 2026, 12, 5, 20, 0), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_LATE);
  g_assert_cmpint (d.next_allowed_at, ==, at (zone, 2026, 12, 6, 9, 0));
  /* Sunday evening: Monday opens at 08:00 */
  d = check (zone, at (zone, 2026, 12, 6, 21, 0), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_LATE);
  g_assert_cmpint (d.next_allowed_at, ==, at (zone, 2026, 12, 7, 8, 0));
}

static void
test_holidays (void)
{
  const char *zone = "Europe/Moscow";
  GovorunDebtDecision d;

  /* Friday 9 January 2026, a day off moved by the decree */
  d = check (zone, at (zone, 2026, 1, 9, 8, 30), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_EARLY);
  g_assert_true (d.day_off);
  /* Monday 9 March 2026, for Sunday 8 March */
  d = check (zone, at (zone, 2026, 3, 9, 20, 30), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_LATE);
  g_assert_cmpint (d.next_allowed_at, ==, at (zone, 2026, 3, 10, 8, 0));
  /* Wednesday 4 November 2026; Thursday 5 November is a workday */
  d = check (zone, at (zone, 2026, 11, 4, 8, 30), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_EARLY);
  d = check (zone, at (zone, 2026, 11, 5, 8, 30), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);
  /* Thursday 31 December 2026 (a day off), then 1 January 2027 */
  d = check (zone, at (zone, 2026, 12, 31, 21, 0), NULL, 0);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_TOO_LATE);
  g_assert_cmpint (d.next_allowed_at, ==, at (zone, 2027, 1, 1, 9, 0));
  /* Kaliningrad's holiday is on Kaliningrad's calendar: 22:30 UTC on
   * 8 January 2026 is 00:30 on the 9th there */
  {
    g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 1, 8, 22, 30, 0);

    d = check ("Europe/Kaliningrad", g_date_time_to_unix (utc), NULL, 0);
    g_assert_true (d.day_off);
    g_assert_cmpint (d.next_allowed_at, ==, at ("Europe/Kaliningrad", 2026, 1, 9, 9, 0));
  }
}

static void
test_calendar (void)
{
  gboolean known = FALSE;
  int first, last;

  g_assert_cmpint (govorun_russian_calendar_day_kind (2026, 1, 9, &known), ==, GOVORUN_DAY_HOLIDAY);
  g_assert_true (known);
  g_assert_cmpint (govorun_russian_calendar_day_kind (2026, 1, 10, NULL), ==, GOVORUN_DAY_WEEKEND);
  g_assert_cmpint (govorun_russian_calendar_day_kind (2026, 1, 12, NULL), ==, GOVORUN_DAY_WORKING);
  g_assert_cmpint (govorun_russian_calendar_day_kind (2026, 5, 11, NULL), ==, GOVORUN_DAY_HOLIDAY);
  g_assert_cmpint (govorun_russian_calendar_day_kind (2026, 6, 12, NULL), ==, GOVORUN_DAY_HOLIDAY);
  g_assert_cmpint (govorun_russian_calendar_day_kind (2027, 6, 14, NULL), ==, GOVORUN_DAY_HOLIDAY);
  g_assert_cmpint (govorun_russian_calendar_day_kind (2028, 1, 3, &known), ==, GOVORUN_DAY_WORKING);
  g_assert_false (known);
  govorun_russian_calendar_years (&first, &last);
  g_assert_cmpint (first, <=, 2026);
  g_assert_cmpint (last, >=, 2027);
}

static void
test_day_cap (void)
{
  const char *zone = "Europe/Moscow";
  GovorunDebtAttempt history[] = { { at (zone, 2026, 12, 1, 10, 0), FALSE } };
  GovorunDebtRules rules;
  GovorunDebtDecision d;
  g_autofree char *text = NULL;

  d = check (zone, at (zone, 2026, 12, 1, 15, 0), history, 1);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_DAY_CAP);
  g_assert_cmpuint (d.calls_today, ==, 1);
  g_assert_cmpint (d.next_allowed_at, ==, at (zone, 2026, 12, 2, 8, 0));

  govorun_debt_rules_init_default (&rules);
  text = govorun_debt_decision_describe (&rules, &d, zone);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "230"));
  g_assert_nonnull (strstr (text, "02.12.2026 08:00"));

  /* An unanswered call does not count when the rules say so. */
  rules.count_unanswered = FALSE;
  g_assert_true (govorun_debt_rules_check (&rules, zone, at (zone, 2026, 12, 1, 15, 0), history, 1, &d, NULL));
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);
  g_assert_null (govorun_debt_decision_describe (&rules, &d, zone));

  /* Calls after the candidate are not history. */
  d = check (zone, at (zone, 2026, 12, 1, 9, 0), history, 1);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);
}

/* The same earlier call is "today" in Vladivostok and "yesterday" in
 * Moscow. */
static void
test_day_cap_time_zones (void)
{
  g_autoptr(GDateTime) call = g_date_time_new_utc (2026, 12, 1, 14, 30, 0);  /* Moscow 17:30 on the 1st, Vladivostok 00:30 on the 2nd */
  g_autoptr(GDateTime) vlad_candidate = g_date_time_new_utc (2026, 12, 2, 0, 0, 0);  /* Vladivostok 10:00 */
  g_autoptr(GDateTime) msk_candidate = g_date_time_new_utc (2026, 12, 2, 6, 0, 0);   /* Moscow 09:00 */
  GovorunDebtAttempt history[] = { { g_date_time_to_unix (call), TRUE } };
  GovorunDebtDecision d;

  d = check ("Asia/Vladivostok", g_date_time_to_unix (vlad_candidate), history, 1);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_DAY_CAP);
  d = check ("Europe/Moscow", g_date_time_to_unix (msk_candidate), history, 1);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_ALLOWED);
}

static void
test_week_cap (void)
{
  const char *zone = "Europe/Moscow";
  /* Monday 30 November and Tuesday 1 December 2026: the same week */
  GovorunDebtAttempt history[] = {
    { at (zone, 2026, 11, 30, 12, 0), TRUE },
    { at (zone, 2026, 12, 1, 12, 0), TRUE },
  };
  GovorunDebtDecision d;

  d = check (zone, at (zone, 2026, 12, 3, 12, 0), history, 2);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_WEEK_CAP);
  g_assert_cmpuint (d.calls_this_week, ==, 2);
  /* The next week starts on Monday 7 December. */
  g_assert_cmpint (d.next_allowed_at, ==, at (zone, 2026, 12, 7, 8, 0));
}

static void
test_month_cap (void)
{
  const char *zone = "Europe/Moscow";
  GovorunDebtAttempt history[8];
  GovorunDebtDecision d;
  /* Eight calls in December 2026, two in each of four weeks. */
  static const int days[] = { 1, 2, 8, 9, 15, 16, 22, 23 };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    history[i] = (GovorunDebtAttempt) { at (zone, 2026, 12, days[i], 11, 0), TRUE };

  /* Tuesday 29 December: the week is clear, the month is not. */
  d = check (zone, at (zone, 2026, 12, 29, 12, 0), history, 8);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_MONTH_CAP);
  g_assert_cmpuint (d.calls_this_month, ==, 8);
  g_assert_cmpuint (d.calls_this_week, ==, 0);
  /* January 1 2027 is a holiday: 09:00. */
  g_assert_cmpint (d.next_allowed_at, ==, at (zone, 2027, 1, 1, 9, 0));
}

/* A calendar week across the new year: two calls on 28 and 29 December
 * 2026 hold the contact until Monday 4 January 2027 (a holiday: 09:00). */
static void
test_week_across_months (void)
{
  const char *zone = "Asia/Yekaterinburg";
  GovorunDebtAttempt history[] = {
    { at (zone, 2026, 12, 28, 12, 0), TRUE },
    { at (zone, 2026, 12, 29, 12, 0), TRUE },
  };
  GovorunDebtDecision d;

  d = check (zone, at (zone, 2027, 1, 2, 12, 0), history, 2);
  g_assert_cmpint (d.verdict, ==, GOVORUN_DEBT_VERDICT_WEEK_CAP);
  g_assert_cmpuint (d.calls_this_month, ==, 0);
  g_assert_cmpint (d.next_allowed_at, ==, at (zone, 2027, 1, 4, 9, 0));
}

static void
test_unknown_zone (void)
{
  GovorunDebtRules rules;
  GovorunDebtDecision d;
  g_autoptr(GError) error = NULL;

  govorun_debt_rules_init_default (&rules);
  g_assert_false (govorun_debt_rules_check (&rules, "Mars/Olympus", 0, NULL, 0, &d, &error));
  g_assert_error (error, GOVORUN_DEBT_RULES_ERROR, GOVORUN_DEBT_RULES_ERROR_TIME_ZONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/DebtRules/defaults", test_defaults);
  g_test_add_func ("/Govorun/DebtRules/workday-window", test_workday_window);
  g_test_add_func ("/Govorun/DebtRules/time-zones", test_time_zones);
  g_test_add_func ("/Govorun/DebtRules/weekend-window", test_weekend_window);
  g_test_add_func ("/Govorun/DebtRules/holidays", test_holidays);
  g_test_add_func ("/Govorun/DebtRules/calendar", test_calendar);
  g_test_add_func ("/Govorun/DebtRules/day-cap", test_day_cap);
  g_test_add_func ("/Govorun/DebtRules/day-cap-time-zones", test_day_cap_time_zones);
  g_test_add_func ("/Govorun/DebtRules/week-cap", test_week_cap);
  g_test_add_func ("/Govorun/DebtRules/month-cap", test_month_cap);
  g_test_add_func ("/Govorun/DebtRules/week-across-months", test_week_across_months);
  g_test_add_func ("/Govorun/DebtRules/unknown-zone", test_unknown_zone);

  return g_test_run ();
}
