/* govorun-call-summary.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What one provider billed for the matching calls in one currency. */
typedef struct
{
  char   *provider;  /* "voximplant" or "elevenlabs" */
  char   *currency;  /* as the provider reports it, e.g. "RUB", "USD", "credits" */
  double  amount;
} GovorunCallCost;

/* The line above the Calls list: how many calls match a filter, their
 * minutes and what they cost. */
typedef struct
{
  guint64    count;
  guint64    total_seconds;
  GPtrArray *costs;  /* of GovorunCallCost, by provider then currency */
} GovorunCallSummary;

#define GOVORUN_TYPE_CALL_SUMMARY (govorun_call_summary_get_type ())

GType               govorun_call_summary_get_type (void) G_GNUC_CONST;
GovorunCallSummary *govorun_call_summary_new      (void);
GovorunCallSummary *govorun_call_summary_copy     (const GovorunCallSummary *summary);
void                govorun_call_summary_free     (GovorunCallSummary       *summary);
void                govorun_call_summary_add_cost (GovorunCallSummary       *summary,
                                                   const char               *provider,
                                                   const char               *currency,
                                                   double                    amount);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallSummary, govorun_call_summary_free)

G_END_DECLS
