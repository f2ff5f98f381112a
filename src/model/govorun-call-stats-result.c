/* govorun-call-stats-result.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "govorun-call-stats-result.h"

static const guint bucket_starts[GOVORUN_CALL_N_DURATION_BUCKETS] = {
  0, 15, 30, 60, 120, 300, 600,
};

GovorunCallOutcome
govorun_call_outcome_of (GovorunCallStatus  status,
                         GovorunCallSuccess success)
{
  switch (status)
    {
    case GOVORUN_CALL_STATUS_ANSWERED:
      return success == GOVORUN_CALL_SUCCESS_SUCCESS ? GOVORUN_CALL_OUTCOME_SUCCESSFUL
                                                     : GOVORUN_CALL_OUTCOME_ANSWERED;
    case GOVORUN_CALL_STATUS_NO_ANSWER:
    case GOVORUN_CALL_STATUS_BUSY:
      return GOVORUN_CALL_OUTCOME_NOT_ANSWERED;
    case GOVORUN_CALL_STATUS_UNKNOWN:
    case GOVORUN_CALL_STATUS_FAILED:
    case GOVORUN_CALL_STATUS_IN_PROGRESS:
    default:
      /* A widget conversation has no telephony status but was a talk. */
      return success == GOVORUN_CALL_SUCCESS_SUCCESS ? GOVORUN_CALL_OUTCOME_SUCCESSFUL
                                                     : GOVORUN_CALL_OUTCOME_FAILED;
    }
}

guint
govorun_call_duration_bucket_start (guint bucket)
{
  g_return_val_if_fail (bucket < GOVORUN_CALL_N_DURATION_BUCKETS, 0);

  return bucket_starts[bucket];
}

guint
govorun_call_duration_bucket_of (guint seconds)
{
  guint bucket = 0;

  while (bucket + 1 < GOVORUN_CALL_N_DURATION_BUCKETS && seconds >= bucket_starts[bucket + 1])
    bucket++;
  return bucket;
}

static void
agent_stats_free (GovorunCallAgentStats *agent)
{
  g_free (agent->agent_uuid);
  govorun_call_totals_free (agent->totals);
  g_free (agent);
}

GovorunCallStatsResult *
govorun_call_stats_result_new (const GovorunCallStatsQuery *query)
{
  GovorunCallStatsResult *result;

  g_return_val_if_fail (query != NULL, NULL);

  result = g_new0 (GovorunCallStatsResult, 1);
  result->query = govorun_call_stats_query_copy (query);
  result->current = govorun_call_totals_new ();
  result->previous = govorun_call_totals_new ();
  result->days = g_new0 (guint64, (gsize) query->n_days * GOVORUN_CALL_N_OUTCOMES);
  result->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) agent_stats_free);
  return result;
}

GovorunCallStatsResult *
govorun_call_stats_result_copy (const GovorunCallStatsResult *result)
{
  GovorunCallStatsResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = govorun_call_stats_result_new (result->query);
  copy->has_history = result->has_history;
  govorun_call_totals_free (copy->current);
  copy->current = govorun_call_totals_copy (result->current);
  govorun_call_totals_free (copy->previous);
  copy->previous = govorun_call_totals_copy (result->previous);
  memcpy (copy->days, result->days,
          sizeof (guint64) * result->query->n_days * GOVORUN_CALL_N_OUTCOMES);
  memcpy (copy->heat_calls, result->heat_calls, sizeof result->heat_calls);
  memcpy (copy->heat_answered, result->heat_answered, sizeof result->heat_answered);
  memcpy (copy->durations, result->durations, sizeof result->durations);
  for (guint i = 0; i < result->agents->len; i++)
    {
      const GovorunCallAgentStats *agent = g_ptr_array_index (result->agents, i);
      GovorunCallAgentStats *agent_copy = g_new0 (GovorunCallAgentStats, 1);

      agent_copy->agent_uuid = g_strdup (agent->agent_uuid);
      agent_copy->totals = govorun_call_totals_copy (agent->totals);
      g_ptr_array_add (copy->agents, agent_copy);
    }
  return copy;
}

void
govorun_call_stats_result_free (GovorunCallStatsResult *result)
{
  if (result == NULL)
    return;

  govorun_call_stats_query_free (result->query);
  govorun_call_totals_free (result->current);
  govorun_call_totals_free (result->previous);
  g_free (result->days);
  g_ptr_array_unref (result->agents);
  g_free (result);
}

G_DEFINE_BOXED_TYPE (GovorunCallStatsResult, govorun_call_stats_result,
                     govorun_call_stats_result_copy, govorun_call_stats_result_free)

guint64
govorun_call_stats_result_get_day (const GovorunCallStatsResult *result,
                                   guint                         day,
                                   GovorunCallOutcome            outcome)
{
  g_return_val_if_fail (day < result->query->n_days, 0);
  g_return_val_if_fail (outcome < GOVORUN_CALL_N_OUTCOMES, 0);

  return result->days[(gsize) day * GOVORUN_CALL_N_OUTCOMES + outcome];
}

GovorunCallAgentStats *
govorun_call_stats_result_ensure_agent (GovorunCallStatsResult *result,
                                        const char             *agent_uuid)
{
  GovorunCallAgentStats *agent;

  /* A handful of agents: a linear look-up is all it takes. */
  for (guint i = 0; i < result->agents->len; i++)
    {
      agent = g_ptr_array_index (result->agents, i);
      if (g_str_equal (agent->agent_uuid, agent_uuid != NULL ? agent_uuid : ""))
        return agent;
    }

  agent = g_new0 (GovorunCallAgentStats, 1);
  agent->agent_uuid = g_strdup (agent_uuid != NULL ? agent_uuid : "");
  agent->totals = govorun_call_totals_new ();
  g_ptr_array_add (result->agents, agent);
  return agent;
}

static int
compare_agents (gconstpointer a,
                gconstpointer b)
{
  const GovorunCallAgentStats *x = *(GovorunCallAgentStats * const *) a;
  const GovorunCallAgentStats *y = *(GovorunCallAgentStats * const *) b;
  guint64 xc = govorun_call_totals_get_calls (x->totals);
  guint64 yc = govorun_call_totals_get_calls (y->totals);

  if (xc != yc)
    return xc > yc ? -1 : 1;
  return strcmp (x->agent_uuid, y->agent_uuid);
}

void
govorun_call_stats_result_sort_agents (GovorunCallStatsResult *result)
{
  g_ptr_array_sort (result->agents, compare_agents);
}
