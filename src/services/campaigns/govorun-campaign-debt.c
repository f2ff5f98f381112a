/* govorun-campaign-debt.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaigns"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-campaign-debt.h"
#include "govorun-campaign-zones.h"

/* Federal Law of 03.07.2016 No. 230-FZ, article 7, part 3, as relied on
 * here: a creditor may not start direct interaction with a debtor
 *   - on workdays from 22:00 to 08:00 and on weekends and non-working
 *     holidays from 20:00 to 09:00, the debtor's local time (point 1);
 *   - by telephone conversations more than once a day, twice a week or
 *     eight times a month (point 3, a–c).
 * Checked on 2026-12-02 (the figures, not copied text): the official
 * publication (kremlin.ru/acts/bank/40955, page 2) was found, but the
 * excerpt read stops at the start of part 3; the hours and figures are
 * those of the FSSP's answer on this article (r09.fssp.gov.ru/faq/
 * document26974543) and of the press of 12.12.2025 (m24.ru), which agree
 * with each other and with govorun-debt-rules.c. The law counts telephone
 * conversations, so the preflight counts answered calls; attempts are
 * kept a day apart so that an unanswered one is never a second call on a
 * day either. Deputies proposed in December 2025 (m24.ru, same article)
 * to forbid collectors' calls on holidays; whether that became law was
 * not found — if it did, the day-off hours here must close on holidays. */

#define MINUTES(h) ((h) * 60)

void
govorun_campaign_debt_hours (gboolean day_off,
                             int     *out_start_minute,
                             int     *out_end_minute)
{
  GovorunDebtRules rules;

  govorun_debt_rules_init_default (&rules);
  *out_start_minute = MINUTES (day_off ? rules.day_off_start_hour : rules.workday_start_hour);
  *out_end_minute = MINUTES (day_off ? rules.day_off_end_hour : rules.workday_end_hour);
}

void
govorun_campaign_debt_apply_settings (GovorunCampaign *campaign)
{
  int start, end;

  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));

  if (!govorun_campaign_get_debt_mode (campaign))
    return;
  govorun_campaign_debt_hours (FALSE, &start, &end);
  govorun_campaign_set_window_start (campaign, start);
  govorun_campaign_set_window_end (campaign, end % 1440);
  /* A day between attempts: the call list's interval is at most 1440. */
  govorun_campaign_set_retry_interval_minutes (campaign, 1440);
}

void
govorun_campaign_debt_schedule_hours (GovorunCampaign      *campaign,
                                      GovorunCampaignHours *hours)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));
  g_return_if_fail (hours != NULL);

  memset (hours, 0, sizeof *hours);
  govorun_campaign_debt_hours (FALSE, &hours->workday_start, &hours->workday_end);
  govorun_campaign_debt_hours (TRUE, &hours->day_off_start, &hours->day_off_end);
  hours->day_off_closed = FALSE;
  hours->allowed_days = govorun_campaign_get_allowed_days (campaign);
  hours->russian_calendar = TRUE;
}

static void
local_date (GTimeZone *tz,
            gint64     at,
            int       *y,
            int       *m,
            int       *d)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  g_date_time_get_ymd (local, y, m, d);
}

gboolean
govorun_campaign_debt_preflight_is_current (GovorunCampaign *campaign,
                                            gint64           now)
{
  const char *zone;
  g_autoptr(GTimeZone) tz = NULL;
  gint64 start_at, checked, from;
  int y1, m1, d1, y2, m2, d2;

  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (campaign), FALSE);

  if (!govorun_campaign_get_debt_mode (campaign))
    return TRUE;
  zone = govorun_campaign_get_time_zone (campaign);
  tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  start_at = govorun_campaign_get_start_at (campaign);
  checked = MAX (govorun_campaign_get_created_at (campaign), start_at);
  from = MAX (now, start_at);
  local_date (tz, checked, &y1, &m1, &d1);
  local_date (tz, from, &y2, &m2, &d2);
  return y1 == y2 && m1 == m2 && d1 == d2;
}

/* -- the preflight's check -- */

/* What a zone's contacts share: their first calling moment and the span
 * of history that can count against it. */
typedef struct
{
  gboolean known;
  gint64   first;   /* the first moment in the law's hours, unix seconds */
  gint64   day;     /* the start of that local day, */
  gint64   week;    /* of its week (Monday), */
  gint64   month;   /* of its month */
  gint64   since;   /* the earlier of week and month */
  gint64   until;   /* the end of that local day */
} ZoneSpan;

struct _GovorunCampaignDebtCheck
{
  GovorunDebtRules rules;
  char            *campaign_zone;
  guint            allowed_days;
  gint64           from;
  GHashTable      *spans;   /* zone → ZoneSpan */
  GArray          *times;   /* gint64, reused */
  GArray          *history; /* GovorunDebtAttempt, reused */
};

GovorunCampaignDebtCheck *
govorun_campaign_debt_check_new (GovorunCampaign *campaign,
                                 gint64           now)
{
  GovorunCampaignDebtCheck *check = g_new0 (GovorunCampaignDebtCheck, 1);

  govorun_debt_rules_init_default (&check->rules);
  check->campaign_zone = g_strdup (govorun_campaign_get_time_zone (campaign));
  check->allowed_days = govorun_campaign_get_allowed_days (campaign);
  check->from = MAX (now, govorun_campaign_get_start_at (campaign));
  check->spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  check->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  check->history = g_array_new (FALSE, FALSE, sizeof (GovorunDebtAttempt));
  return check;
}

void
govorun_campaign_debt_check_free (GovorunCampaignDebtCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->campaign_zone);
  g_hash_table_unref (check->spans);
  g_array_unref (check->times);
  g_array_unref (check->history);
  g_free (check);
}

static ZoneSpan *
zone_span (GovorunCampaignDebtCheck *check,
           const char               *zone)
{
  ZoneSpan *span = g_hash_table_lookup (check->spans, zone);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next_midnight = NULL;
  g_autoptr(GDateTime) monday = NULL;
  g_autoptr(GDateTime) first_of_month = NULL;
  GovorunDebtDecision decision;
  gint64 day;

  if (span != NULL)
    return span;
  span = g_new0 (ZoneSpan, 1);
  g_hash_table_insert (check->spans, g_strdup (zone), span);

  /* The first allowed day of the week, then the first moment of it (or
   * after) in the law's hours: with no history only the hours decide. */
  day = govorun_campaign_first_allowed (zone, check->allowed_days, 0, check->from);
  if (!govorun_debt_rules_check (&check->rules, zone, day, NULL, 0, &decision, NULL) ||
      decision.next_allowed_at <= 0)
    return span;
  tz = g_time_zone_new_identifier (zone);
  if (tz == NULL)
    return span;

  span->known = TRUE;
  span->first = decision.next_allowed_at;
  utc = g_date_time_new_from_unix_utc (span->first);
  local = g_date_time_to_timezone (utc, tz);
  midnight = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), 0, 0, 0);
  next_midnight = g_date_time_add_days (midnight, 1);
  monday = g_date_time_add_days (midnight, 1 - g_date_time_get_day_of_week (local));
  first_of_month = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local), 1, 0, 0, 0);
  span->day = g_date_time_to_unix (midnight);
  span->week = g_date_time_to_unix (monday);
  span->month = g_date_time_to_unix (first_of_month);
  span->since = MIN (span->week, span->month);
  span->until = g_date_time_to_unix (next_midnight);
  return span;
}

/* The caps counted on the zone's calendar, without the rules' time-zone
 * work: most contacts are under every cap, and a million of them must not
 * each parse a zone. govorun_debt_rules_check() decides the others. */
static gboolean
over_a_cap (GovorunCampaignDebtCheck *check,
            ZoneSpan                 *span)
{
  guint day = 0, week = 0, month = 0;

  for (guint i = 0; i < check->times->len; i++)
    {
      gint64 at = g_array_index (check->times, gint64, i);

      day += at >= span->day;
      week += at >= span->week;
      month += at >= span->month;
    }
  return (check->rules.per_day > 0 && day >= check->rules.per_day) ||
         (check->rules.per_week > 0 && week >= check->rules.per_week) ||
         (check->rules.per_month > 0 && month >= check->rules.per_month);
}

gboolean
govorun_campaign_debt_check_contact (GovorunCampaignDebtCheck *check,
                                     GovorunCampaignSink      *sink,
                                     const char               *phone,
                                     const char               *zone,
                                     char                    **out_reason,
                                     GError                  **error)
{
  ZoneSpan *span;
  GovorunDebtDecision decision;
  g_autoptr(GError) zone_error = NULL;

  g_return_val_if_fail (check != NULL, FALSE);
  g_return_val_if_fail (phone != NULL, FALSE);
  g_return_val_if_fail (out_reason != NULL, FALSE);

  *out_reason = NULL;
  if (zone == NULL)
    zone = check->campaign_zone;
  span = zone_span (check, zone != NULL ? zone : "");
  if (!span->known)
    {
      /* Without the contact's local time the law's hours cannot be kept. */
      govorun_debt_rules_check (&check->rules, zone, check->from, NULL, 0, &decision, &zone_error);
      *out_reason = g_strdup (zone_error != NULL ? zone_error->message
                                                 : _("No time in the coming weeks is inside the hours 230-FZ allows."));
      return TRUE;
    }

  if (!govorun_campaign_sink_interactions (sink, phone, span->since, span->until, check->times, error))
    return FALSE;
  if (check->times->len == 0 || !over_a_cap (check, span))
    return TRUE;

  /* Over a cap: the rules say which, and when the next call is allowed. */
  g_array_set_size (check->history, check->times->len);
  for (guint i = 0; i < check->times->len; i++)
    {
      GovorunDebtAttempt *attempt = &g_array_index (check->history, GovorunDebtAttempt, i);

      attempt->started_at = g_array_index (check->times, gint64, i);
      attempt->answered = TRUE;
    }
  if (!govorun_debt_rules_check (&check->rules, zone, span->first, (GovorunDebtAttempt *) check->history->data,
                                 check->history->len, &decision, NULL))
    return TRUE;
  if (decision.verdict == GOVORUN_DEBT_VERDICT_DAY_CAP || decision.verdict == GOVORUN_DEBT_VERDICT_WEEK_CAP ||
      decision.verdict == GOVORUN_DEBT_VERDICT_MONTH_CAP)
    *out_reason = govorun_debt_decision_describe (&check->rules, &decision, zone);
  return TRUE;
}
