/* govorun-call-summary.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-summary.h"

static void
call_cost_free (GovorunCallCost *cost)
{
  g_free (cost->provider);
  g_free (cost->currency);
  g_free (cost);
}

GovorunCallSummary *
govorun_call_summary_new (void)
{
  GovorunCallSummary *summary = g_new0 (GovorunCallSummary, 1);

  summary->costs = g_ptr_array_new_with_free_func ((GDestroyNotify) call_cost_free);
  return summary;
}

void
govorun_call_summary_add_cost (GovorunCallSummary *summary,
                               const char         *provider,
                               const char         *currency,
                               double              amount)
{
  GovorunCallCost *cost = g_new0 (GovorunCallCost, 1);

  g_return_if_fail (summary != NULL && provider != NULL && currency != NULL);

  cost->provider = g_strdup (provider);
  cost->currency = g_strdup (currency);
  cost->amount = amount;
  g_ptr_array_add (summary->costs, cost);
}

GovorunCallSummary *
govorun_call_summary_copy (const GovorunCallSummary *summary)
{
  GovorunCallSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = govorun_call_summary_new ();
  copy->count = summary->count;
  copy->total_seconds = summary->total_seconds;
  for (guint i = 0; i < summary->costs->len; i++)
    {
      const GovorunCallCost *cost = g_ptr_array_index (summary->costs, i);

      govorun_call_summary_add_cost (copy, cost->provider, cost->currency, cost->amount);
    }
  return copy;
}

void
govorun_call_summary_free (GovorunCallSummary *summary)
{
  if (summary == NULL)
    return;

  g_ptr_array_unref (summary->costs);
  g_free (summary);
}

G_DEFINE_BOXED_TYPE (GovorunCallSummary, govorun_call_summary, govorun_call_summary_copy,
                     govorun_call_summary_free)
