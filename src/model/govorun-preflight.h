/* govorun-preflight.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GovorunPreflight: the report on a prepared campaign before anything is
 * sent — how many rows will be called and why the others will not, the
 * rows with problems (GovorunPreflightIssue, read lazily from the store),
 * and the estimated minutes, cost and finish.
 */

#define GOVORUN_TYPE_PREFLIGHT (govorun_preflight_get_type ())
G_DECLARE_FINAL_TYPE (GovorunPreflight, govorun_preflight, GOVORUN, PREFLIGHT, GObject)

GovorunPreflight *govorun_preflight_new        (void);

/* GovorunPreflightIssue items in row order. */
GListModel       *govorun_preflight_get_issues (GovorunPreflight *self);
void              govorun_preflight_set_issues (GovorunPreflight *self,
                                                GListModel       *issues);

/* data rows read */
guint        govorun_preflight_get_rows (GovorunPreflight *self);
void         govorun_preflight_set_rows (GovorunPreflight *self, guint value);
/* contacts that will be called */
guint        govorun_preflight_get_valid (GovorunPreflight *self);
void         govorun_preflight_set_valid (GovorunPreflight *self, guint value);
/* rows whose phone could not be read */
guint        govorun_preflight_get_invalid (GovorunPreflight *self);
void         govorun_preflight_set_invalid (GovorunPreflight *self, guint value);
/* rows repeating an earlier number */
guint        govorun_preflight_get_duplicates (GovorunPreflight *self);
void         govorun_preflight_set_duplicates (GovorunPreflight *self, guint value);
/* rows on the do-not-call list */
guint        govorun_preflight_get_do_not_call (GovorunPreflight *self);
void         govorun_preflight_set_do_not_call (GovorunPreflight *self, guint value);
/* valid rows lacking a value for one of the agent's variables (still called) */
guint        govorun_preflight_get_missing_variables (GovorunPreflight *self);
void         govorun_preflight_set_missing_variables (GovorunPreflight *self, guint value);
/* debt mode: contacts held back because a 230-FZ cap is reached (not called) */
guint        govorun_preflight_get_held_back (GovorunPreflight *self);
void         govorun_preflight_set_held_back (GovorunPreflight *self, guint value);
/* minutes of talk expected */
double       govorun_preflight_get_estimated_minutes (GovorunPreflight *self);
void         govorun_preflight_set_estimated_minutes (GovorunPreflight *self, double value);
/* in currency */
double       govorun_preflight_get_estimated_cost (GovorunPreflight *self);
void         govorun_preflight_set_estimated_cost (GovorunPreflight *self, double value);
/* ISO code of estimated-cost */
const char * govorun_preflight_get_currency (GovorunPreflight *self);
void         govorun_preflight_set_currency (GovorunPreflight *self, const char *value);
/* the sentence saying how the cost was estimated */
const char * govorun_preflight_get_cost_assumption (GovorunPreflight *self);
void         govorun_preflight_set_cost_assumption (GovorunPreflight *self, const char *value);
/* whether estimated-cost uses the caller number's own price a minute (from
 * its earlier calls) rather than the stated assumption */
gboolean     govorun_preflight_get_price_known (GovorunPreflight *self);
void         govorun_preflight_set_price_known (GovorunPreflight *self, gboolean value);
/* UTC unix seconds, 0 unknown */
gint64       govorun_preflight_get_estimated_finish (GovorunPreflight *self);
void         govorun_preflight_set_estimated_finish (GovorunPreflight *self, gint64 value);

G_END_DECLS
