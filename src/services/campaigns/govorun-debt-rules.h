/* govorun-debt-rules.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The telephone limits of the debt-collection mode (Federal Law of
 * 03.07.2016 No. 230-FZ, article 7, part 3; see govorun-debt-rules.c for
 * the wording checked). A pure function: given the contact's time zone, a
 * candidate time and the contact's earlier calls, may Govorun call now,
 * and if not, why and when next. The campaign preflight and dialler call
 * govorun_debt_rules_check() per contact.
 *
 * Not legal advice: the figures are configurable (GovorunDebtRules) so a
 * lawyer's reading or a change in the law needs no code change.
 */

#define GOVORUN_DEBT_RULES_ERROR (govorun_debt_rules_error_quark ())

typedef enum
{
  GOVORUN_DEBT_RULES_ERROR_TIME_ZONE = 1,   /* the contact's time zone is unknown */
} GovorunDebtRulesError;

typedef struct
{
  /* Local hours [start, end) on workdays and on weekends and holidays. */
  int      workday_start_hour;    /* 8 */
  int      workday_end_hour;      /* 22 */
  int      day_off_start_hour;    /* 9 */
  int      day_off_end_hour;      /* 20 */
  /* At most this many calls per calendar day, week (Monday–Sunday) and
   * month, counted on the contact's local calendar. 0: no cap. */
  guint    per_day;               /* 1 */
  guint    per_week;              /* 2 */
  guint    per_month;             /* 8 */
  /* Whether calls nobody answered count towards the caps. The law counts
   * "telephone conversations"; counting every attempt is the careful
   * reading and the default. */
  gboolean count_unanswered;      /* TRUE */
} GovorunDebtRules;

/* One earlier call to the contact. */
typedef struct
{
  gint64   started_at;            /* unix seconds */
  gboolean answered;
} GovorunDebtAttempt;

typedef enum
{
  GOVORUN_DEBT_VERDICT_ALLOWED = 0,
  GOVORUN_DEBT_VERDICT_TOO_EARLY,      /* before the day's window opens */
  GOVORUN_DEBT_VERDICT_TOO_LATE,       /* after the day's window closed */
  GOVORUN_DEBT_VERDICT_DAY_CAP,
  GOVORUN_DEBT_VERDICT_WEEK_CAP,
  GOVORUN_DEBT_VERDICT_MONTH_CAP,
} GovorunDebtVerdict;

typedef struct
{
  GovorunDebtVerdict verdict;
  gboolean           day_off;            /* the candidate's local day is a weekend or holiday */
  gboolean           calendar_known;     /* the holiday table covers that year */
  guint              calls_today;        /* counted calls on the same local day, week, month */
  guint              calls_this_week;
  guint              calls_this_month;
  gint64             next_allowed_at;    /* unix seconds: the earliest time the call is allowed, or 0 */
} GovorunDebtDecision;

GQuark      govorun_debt_rules_error_quark   (void) G_GNUC_CONST;

/* The figures of 230-FZ art. 7 part 3 as checked (see the .c file). */
void        govorun_debt_rules_init_default  (GovorunDebtRules          *rules);

/* @time_zone: an IANA identifier such as "Europe/Moscow" (the contact's
 * place of residence or stay); @candidate: unix seconds; @history:
 * (array length=n_history) (nullable): earlier calls, any order (those
 * after @candidate are ignored). FALSE with GOVORUN_DEBT_RULES_ERROR_TIME_ZONE
 * when @time_zone is not known. */
gboolean    govorun_debt_rules_check         (const GovorunDebtRules    *rules,
                                              const char                *time_zone,
                                              gint64                     candidate,
                                              const GovorunDebtAttempt  *history,
                                              gsize                      n_history,
                                              GovorunDebtDecision       *out_decision,
                                              GError                   **error);

/* A translated sentence for the preflight: why the call is held back and
 * when it is allowed again (in @time_zone's local time); NULL when allowed. */
char       *govorun_debt_decision_describe   (const GovorunDebtRules    *rules,
                                              const GovorunDebtDecision *decision,
                                              const char                *time_zone);

G_END_DECLS
