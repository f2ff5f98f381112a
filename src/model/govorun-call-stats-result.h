/* govorun-call-stats-result.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "govorun-call-record.h"
#include "govorun-call-stats-query.h"
#include "govorun-call-totals.h"

G_BEGIN_DECLS

/* What became of a call, as the Overview's bars stack it. */
typedef enum
{
  GOVORUN_CALL_OUTCOME_SUCCESSFUL = 0,  /* answered and evaluated as successful */
  GOVORUN_CALL_OUTCOME_ANSWERED,        /* answered, not (known to be) successful */
  GOVORUN_CALL_OUTCOME_NOT_ANSWERED,    /* no answer or busy */
  GOVORUN_CALL_OUTCOME_FAILED,          /* did not connect, or still unknown */
  GOVORUN_CALL_N_OUTCOMES
} GovorunCallOutcome;

GovorunCallOutcome govorun_call_outcome_of (GovorunCallStatus  status,
                                            GovorunCallSuccess success);

/* The duration histogram's buckets: < 15 s, 15–30 s, 30–60 s, 1–2 min,
 * 2–5 min, 5–10 min, ≥ 10 min. */
#define GOVORUN_CALL_N_DURATION_BUCKETS 7
/* The lower bound of @bucket in seconds. */
guint              govorun_call_duration_bucket_start (guint bucket);
guint              govorun_call_duration_bucket_of    (guint seconds);

/* One agent's row of the Overview's table. */
typedef struct
{
  char              *agent_uuid;  /* "" for calls without an agent */
  GovorunCallTotals *totals;
} GovorunCallAgentStats;

/*
 * Everything the Overview shows for one GovorunCallStatsQuery: the cards
 * (this period and the previous one), calls per day by outcome, answered
 * share by weekday and hour (local time), the duration histogram of
 * answered calls, and a row per agent.
 */
typedef struct
{
  GovorunCallStatsQuery *query;
  gboolean               has_history;  /* any call is stored at all */
  GovorunCallTotals     *current;
  GovorunCallTotals     *previous;
  guint64               *days;         /* query->n_days × GOVORUN_CALL_N_OUTCOMES */
  guint64                heat_calls[7][24];     /* weekday (Monday = 0) × hour */
  guint64                heat_answered[7][24];
  guint64                durations[GOVORUN_CALL_N_DURATION_BUCKETS];
  GPtrArray             *agents;       /* of GovorunCallAgentStats, most calls first */
} GovorunCallStatsResult;

#define GOVORUN_TYPE_CALL_STATS_RESULT (govorun_call_stats_result_get_type ())

GType                   govorun_call_stats_result_get_type  (void) G_GNUC_CONST;
GovorunCallStatsResult *govorun_call_stats_result_new       (const GovorunCallStatsQuery  *query);
GovorunCallStatsResult *govorun_call_stats_result_copy      (const GovorunCallStatsResult *result);
void                    govorun_call_stats_result_free      (GovorunCallStatsResult       *result);

/* Calls of @outcome on day @day of the period. */
guint64                 govorun_call_stats_result_get_day   (const GovorunCallStatsResult *result,
                                                             guint                         day,
                                                             GovorunCallOutcome            outcome);
/* The agent's row, created when missing (for whoever fills the result). */
GovorunCallAgentStats  *govorun_call_stats_result_ensure_agent (GovorunCallStatsResult    *result,
                                                                const char                *agent_uuid);
/* Orders the agents by calls, most first (then by uuid). */
void                    govorun_call_stats_result_sort_agents (GovorunCallStatsResult     *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallStatsResult, govorun_call_stats_result_free)

G_END_DECLS
