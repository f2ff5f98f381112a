/* govorun-call-totals.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-totals.h"

GovorunCallTotals *
govorun_call_totals_new (void)
{
  GovorunCallTotals *totals = g_new0 (GovorunCallTotals, 1);

  totals->summary = govorun_call_summary_new ();
  return totals;
}

GovorunCallTotals *
govorun_call_totals_copy (const GovorunCallTotals *totals)
{
  GovorunCallTotals *copy;

  g_return_val_if_fail (totals != NULL, NULL);

  copy = g_memdup2 (totals, sizeof *totals);
  copy->summary = govorun_call_summary_copy (totals->summary);
  return copy;
}

void
govorun_call_totals_free (GovorunCallTotals *totals)
{
  if (totals == NULL)
    return;

  govorun_call_summary_free (totals->summary);
  g_free (totals);
}

G_DEFINE_BOXED_TYPE (GovorunCallTotals, govorun_call_totals, govorun_call_totals_copy,
                     govorun_call_totals_free)

static GovorunCallCost *
find_cost (const GovorunCallTotals *totals,
           const char              *provider,
           const char              *currency)
{
  for (guint i = 0; i < totals->summary->costs->len; i++)
    {
      GovorunCallCost *cost = g_ptr_array_index (totals->summary->costs, i);

      if (g_str_equal (cost->provider, provider) && g_str_equal (cost->currency, currency))
        return cost;
    }
  return NULL;
}

static int
compare_costs (gconstpointer a,
               gconstpointer b)
{
  const GovorunCallCost *x = *(GovorunCallCost * const *) a;
  const GovorunCallCost *y = *(GovorunCallCost * const *) b;
  int by_provider = g_strcmp0 (y->provider, x->provider);  /* voximplant first */

  return by_provider != 0 ? by_provider : g_strcmp0 (x->currency, y->currency);
}

static void
add_cost (GovorunCallTotals *totals,
          const char        *provider,
          const char        *currency,
          double             amount)
{
  GovorunCallCost *cost;

  if (currency == NULL || *currency == '\0')
    return;

  cost = find_cost (totals, provider, currency);
  if (cost != NULL)
    {
      cost->amount += amount;
      return;
    }
  govorun_call_summary_add_cost (totals->summary, provider, currency, amount);
  g_ptr_array_sort (totals->summary->costs, compare_costs);
}

void
govorun_call_totals_add (GovorunCallTotals  *totals,
                         GovorunCallStatus   status,
                         GovorunCallSuccess  success,
                         guint64             calls,
                         guint64             seconds,
                         const char         *vox_currency,
                         double              vox_cost,
                         const char         *el_currency,
                         double              el_cost)
{
  g_return_if_fail (totals != NULL);

  totals->summary->count += calls;
  totals->summary->total_seconds += seconds;
  if (status == GOVORUN_CALL_STATUS_ANSWERED)
    {
      totals->answered += calls;
      totals->answered_seconds += seconds;
    }
  if (success != GOVORUN_CALL_SUCCESS_UNKNOWN)
    totals->evaluated += calls;
  if (success == GOVORUN_CALL_SUCCESS_SUCCESS)
    totals->successful += calls;
  add_cost (totals, "voximplant", vox_currency, vox_cost);
  add_cost (totals, "elevenlabs", el_currency, el_cost);
}

guint64
govorun_call_totals_get_calls (const GovorunCallTotals *totals)
{
  return totals->summary->count;
}

guint64
govorun_call_totals_get_seconds (const GovorunCallTotals *totals)
{
  return totals->summary->total_seconds;
}

static double
ratio (guint64 part,
       guint64 whole)
{
  return whole > 0 ? (double) part / (double) whole : -1;
}

double
govorun_call_totals_answered_share (const GovorunCallTotals *totals)
{
  return ratio (totals->answered, totals->summary->count);
}

double
govorun_call_totals_average_duration (const GovorunCallTotals *totals)
{
  return ratio (totals->answered_seconds, totals->answered);
}

double
govorun_call_totals_success_rate (const GovorunCallTotals *totals)
{
  return ratio (totals->successful, totals->evaluated);
}

double
govorun_call_totals_get_cost (const GovorunCallTotals *totals,
                              const char              *provider,
                              const char              *currency)
{
  GovorunCallCost *cost = find_cost (totals, provider, currency);

  return cost != NULL ? cost->amount : 0;
}
