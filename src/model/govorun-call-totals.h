/* govorun-call-totals.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "govorun-call-record.h"
#include "govorun-call-summary.h"

G_BEGIN_DECLS

/*
 * The figures of the Overview's cards for one period (or one agent): how
 * many calls, how many were answered, their minutes, how ElevenLabs
 * evaluated them and what each provider billed. The shares and averages
 * are derived, so a card and the previous period's card compute them the
 * same way.
 */
typedef struct
{
  GovorunCallSummary *summary;     /* calls, seconds, costs by provider and currency */
  guint64             answered;    /* status ANSWERED */
  guint64             answered_seconds;
  guint64             evaluated;   /* success or failure known */
  guint64             successful;  /* evaluated as successful */
} GovorunCallTotals;

#define GOVORUN_TYPE_CALL_TOTALS (govorun_call_totals_get_type ())

GType              govorun_call_totals_get_type         (void) G_GNUC_CONST;
GovorunCallTotals *govorun_call_totals_new              (void);
GovorunCallTotals *govorun_call_totals_copy             (const GovorunCallTotals *totals);
void               govorun_call_totals_free             (GovorunCallTotals       *totals);

/* Counts @calls calls of one kind, lasting @seconds in all, that cost
 * @vox_cost in @vox_currency and @el_cost in @el_currency (a NULL or empty
 * currency: that provider billed nothing). */
void               govorun_call_totals_add              (GovorunCallTotals       *totals,
                                                         GovorunCallStatus        status,
                                                         GovorunCallSuccess       success,
                                                         guint64                  calls,
                                                         guint64                  seconds,
                                                         const char              *vox_currency,
                                                         double                   vox_cost,
                                                         const char              *el_currency,
                                                         double                   el_cost);

guint64            govorun_call_totals_get_calls        (const GovorunCallTotals *totals);
guint64            govorun_call_totals_get_seconds      (const GovorunCallTotals *totals);
/* 0…1; -1 when there is nothing to divide by (no calls, nothing answered,
 * nothing evaluated). */
double             govorun_call_totals_answered_share   (const GovorunCallTotals *totals);
/* Seconds per answered call. */
double             govorun_call_totals_average_duration (const GovorunCallTotals *totals);
double             govorun_call_totals_success_rate     (const GovorunCallTotals *totals);
/* What @provider billed in @currency, 0 when nothing. */
double             govorun_call_totals_get_cost         (const GovorunCallTotals *totals,
                                                         const char              *provider,
                                                         const char              *currency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallTotals, govorun_call_totals_free)

G_END_DECLS
