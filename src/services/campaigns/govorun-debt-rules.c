/* govorun-debt-rules.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunDebtRules"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-debt-rules.h"
#include "govorun-russian-calendar.h"

/* Federal Law of 03.07.2016 No. 230-FZ "On the protection of the rights and
 * legitimate interests of individuals in the activity of returning overdue
 * debts", article 7, part 3: unless the debtor agreed otherwise, a creditor
 * (or one acting for it) may not start direct interaction with a debtor
 *   point 1: on workdays from 22:00 to 08:00 and on weekends and non-working
 *            holidays from 20:00 to 09:00, local time at the debtor's place
 *            of residence or stay known to the creditor;
 *   point 3: by telephone conversations more than (a) once a day, (b) twice
 *            a calendar week, (c) eight times a calendar month.
 * Checked (no access to the official text from here) against the FSSP's
 * published answers on this article (r09.fssp.gov.ru FAQ; the Murmansk
 * FSSP's notice of 29.09.2025) and a lawyer's summary of 10.05.2025 citing
 * ч. 3 ст. 7; all give these figures. They stay configurable
 * (GovorunDebtRules) in case the wording changes. */

G_DEFINE_QUARK (govorun-debt-rules-error-quark, govorun_debt_rules_error)

/* How far ahead the next allowed time is looked for. */
#define SEARCH_DAYS 62

void
govorun_debt_rules_init_default (GovorunDebtRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->workday_start_hour = 8;
  rules->workday_end_hour = 22;
  rules->day_off_start_hour = 9;
  rules->day_off_end_hour = 20;
  rules->per_day = 1;
  rules->per_week = 2;
  rules->per_month = 8;
  rules->count_unanswered = TRUE;
}

static GDateTime *
local_time (gint64     unix_time,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_to_timezone (utc, tz);
}

/* The Monday of @local's week, as a Julian day. */
static guint
week_of (GDateTime *local)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return g_date_get_julian (&date) - (g_date_time_get_day_of_week (local) - 1);
}

typedef struct
{
  guint day;
  guint week;
  guint month;
} Counts;

static Counts
count_calls (const GovorunDebtRules   *rules,
             GTimeZone                *tz,
             gint64                    at,
             gint64                    candidate,
             const GovorunDebtAttempt *history,
             gsize                     n_history)
{
  g_autoptr(GDateTime) local = local_time (at, tz);
  Counts counts = { 0, 0, 0 };
  guint week = week_of (local);

  for (gsize i = 0; i < n_history; i++)
    {
      g_autoptr(GDateTime) then = NULL;

      if (history[i].started_at > candidate || (!history[i].answered && !rules->count_unanswered))
        continue;

      then = local_time (history[i].started_at, tz);
      if (g_date_time_get_year (then) == g_date_time_get_year (local)
          && g_date_time_get_month (then) == g_date_time_get_month (local))
        {
          counts.month++;
          if (g_date_time_get_day_of_month (then) == g_date_time_get_day_of_month (local))
            counts.day++;
        }
      if (week_of (then) == week)
        counts.week++;
    }

  return counts;
}

static GovorunDebtVerdict
cap_verdict (const GovorunDebtRules *rules,
             const Counts           *counts)
{
  if (rules->per_day > 0 && counts->day >= rules->per_day)
    return GOVORUN_DEBT_VERDICT_DAY_CAP;
  if (rules->per_week > 0 && counts->week >= rules->per_week)
    return GOVORUN_DEBT_VERDICT_WEEK_CAP;
  if (rules->per_month > 0 && counts->month >= rules->per_month)
    return GOVORUN_DEBT_VERDICT_MONTH_CAP;
  return GOVORUN_DEBT_VERDICT_ALLOWED;
}

static gboolean
is_day_off (GDateTime *local,
            gboolean  *out_known)
{
  GovorunDayKind kind = govorun_russian_calendar_day_kind (g_date_time_get_year (local),
                                                           g_date_time_get_month (local),
                                                           g_date_time_get_day_of_month (local),
                                                           out_known);

  return kind != GOVORUN_DAY_WORKING;
}

/* The day's window [*start, *end) in unix seconds. */
static void
window_of (const GovorunDebtRules *rules,
           GTimeZone              *tz,
           GDateTime              *local,
           gint64                 *start,
           gint64                 *end)
{
  gboolean day_off = is_day_off (local, NULL);
  int from = day_off ? rules->day_off_start_hour : rules->workday_start_hour;
  int to = day_off ? rules->day_off_end_hour : rules->workday_end_hour;
  int y = g_date_time_get_year (local);
  int m = g_date_time_get_month (local);
  int d = g_date_time_get_day_of_month (local);
  g_autoptr(GDateTime) opens = g_date_time_new (tz, y, m, d, CLAMP (from, 0, 23), 0, 0);
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, y, m, d, 0, 0, 0);
  g_autoptr(GDateTime) closes = g_date_time_add_hours (midnight, CLAMP (to, 0, 24));

  *start = g_date_time_to_unix (opens);
  *end = g_date_time_to_unix (closes);
}

static gint64
next_allowed (const GovorunDebtRules   *rules,
              GTimeZone                *tz,
              gint64                    candidate,
              const GovorunDebtAttempt *history,
              gsize                     n_history)
{
  g_autoptr(GDateTime) first = local_time (candidate, tz);

  for (int offset = 0; offset < SEARCH_DAYS; offset++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, offset);
      gint64 start, end, at;
      Counts counts;

      window_of (rules, tz, day, &start, &end);
      at = offset == 0 ? MAX (candidate, start) : start;
      if (at >= end)
        continue;

      counts = count_calls (rules, tz, at, candidate, history, n_history);
      if (cap_verdict (rules, &counts) == GOVORUN_DEBT_VERDICT_ALLOWED)
        return at;
    }

  return 0;
}

/**
 * govorun_debt_rules_check:
 *
 * Whether a call to a contact at @candidate keeps to @rules. The window is
 * checked first, then the day, week and month caps.
 */
gboolean
govorun_debt_rules_check (const GovorunDebtRules    *rules,
                          const char                *time_zone,
                          gint64                     candidate,
                          const GovorunDebtAttempt  *history,
                          gsize                      n_history,
                          GovorunDebtDecision       *out_decision,
                          GError                   **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;
  GovorunDebtDecision decision = { 0 };
  gint64 start, end;
  Counts counts;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (out_decision != NULL, FALSE);
  g_return_val_if_fail (history != NULL || n_history == 0, FALSE);

  tz = time_zone != NULL ? g_time_zone_new_identifier (time_zone) : NULL;
  if (tz == NULL)
    {
      g_set_error (error, GOVORUN_DEBT_RULES_ERROR, GOVORUN_DEBT_RULES_ERROR_TIME_ZONE,
                   /* Translators: %s is a time zone name such as “Europe/Moscow” */
                   _("The contact’s time zone “%s” is unknown, so the hours the law allows cannot be worked out. Set the contact’s region or time zone."),
                   time_zone != NULL ? time_zone : "");
      return FALSE;
    }

  local = local_time (candidate, tz);
  decision.day_off = is_day_off (local, &decision.calendar_known);

  counts = count_calls (rules, tz, candidate, candidate, history, n_history);
  decision.calls_today = counts.day;
  decision.calls_this_week = counts.week;
  decision.calls_this_month = counts.month;

  window_of (rules, tz, local, &start, &end);
  if (candidate < start)
    decision.verdict = GOVORUN_DEBT_VERDICT_TOO_EARLY;
  else if (candidate >= end)
    decision.verdict = GOVORUN_DEBT_VERDICT_TOO_LATE;
  else
    decision.verdict = cap_verdict (rules, &counts);

  decision.next_allowed_at = decision.verdict == GOVORUN_DEBT_VERDICT_ALLOWED ?
    candidate : next_allowed (rules, tz, candidate, history, n_history);

  *out_decision = decision;
  return TRUE;
}

/**
 * govorun_debt_decision_describe:
 *
 * Returns: (transfer full) (nullable): a sentence for people, or %NULL when
 *   the call is allowed
 */
char *
govorun_debt_decision_describe (const GovorunDebtRules    *rules,
                                const GovorunDebtDecision *decision,
                                const char                *time_zone)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *next = NULL;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (decision != NULL, NULL);

  switch (decision->verdict)
    {
    case GOVORUN_DEBT_VERDICT_ALLOWED:
      return NULL;
    case GOVORUN_DEBT_VERDICT_TOO_EARLY:
    case GOVORUN_DEBT_VERDICT_TOO_LATE:
      /* Translators: %02d:00 are hours such as 09:00 and 20:00 */
      reason = g_strdup_printf (decision->day_off ?
                                _("On weekends and holidays 230-FZ (article 7) allows calls to a debtor only from %02d:00 to %02d:00 their local time.") :
                                _("On workdays 230-FZ (article 7) allows calls to a debtor only from %02d:00 to %02d:00 their local time."),
                                decision->day_off ? rules->day_off_start_hour : rules->workday_start_hour,
                                decision->day_off ? rules->day_off_end_hour : rules->workday_end_hour);
      break;
    case GOVORUN_DEBT_VERDICT_DAY_CAP:
      /* Translators: calls counted on the contact's local day, then the cap */
      reason = g_strdup_printf (_("Calls to this contact today: %u, the most 230-FZ (article 7) allows in a day is %u."),
                                decision->calls_today, rules->per_day);
      break;
    case GOVORUN_DEBT_VERDICT_WEEK_CAP:
      reason = g_strdup_printf (_("Calls to this contact this week: %u, the most 230-FZ (article 7) allows in a calendar week is %u."),
                                decision->calls_this_week, rules->per_week);
      break;
    case GOVORUN_DEBT_VERDICT_MONTH_CAP:
      reason = g_strdup_printf (_("Calls to this contact this month: %u, the most 230-FZ (article 7) allows in a calendar month is %u."),
                                decision->calls_this_month, rules->per_month);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  tz = time_zone != NULL ? g_time_zone_new_identifier (time_zone) : NULL;
  if (decision->next_allowed_at > 0 && tz != NULL)
    {
      g_autoptr(GDateTime) at = local_time (decision->next_allowed_at, tz);
      g_autofree char *when = g_date_time_format (at, "%d.%m.%Y %H:%M");

      /* Translators: the first %s is a sentence saying why a call is held
       * back, the second a local date and time such as “05.01.2026 09:00” */
      next = g_strdup_printf (_("%s The next allowed call is at %s, the contact’s local time."), reason, when);
      return g_steal_pointer (&next);
    }

  return g_steal_pointer (&reason);
}
