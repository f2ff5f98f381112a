/* govorun-analysis-templates.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "govorun-analysis-settings.h"

G_BEGIN_DECLS

/*
 * Ready-made analysis settings in Russian for a clinic, a hotel, a
 * workshop, sales and debt reminders: three criteria (goal reached, client
 * satisfied, the robot disclosed itself) and the fields a business reads
 * (outcome, appointment date, client need, urgency, next step, tags).
 * Applying one merges it into an agent's settings: a template's criterion
 * or field is added when the agent has none with its id or name, replaced
 * when it has one that differs, kept when it has the same; everything else
 * the agent had stays.
 */

typedef enum
{
  GOVORUN_ANALYSIS_CHANGE_ADDED = 1,
  GOVORUN_ANALYSIS_CHANGE_REPLACED,
  GOVORUN_ANALYSIS_CHANGE_KEPT,
} GovorunAnalysisChangeKind;

typedef struct
{
  GovorunAnalysisChangeKind  kind;
  gboolean                   is_field;  /* FALSE: a criterion */
  char                      *name;      /* the criterion's name or the field's name */
} GovorunAnalysisChange;

void                      govorun_analysis_change_free          (GovorunAnalysisChange         *change);

/* The templates' ids in menu order, NULL-terminated: "clinic", "hotel",
 * "workshop", "sales", "debt". */
const char * const       *govorun_analysis_template_ids         (void);
/* The translated title of a template, e.g. "Clinic"; NULL for an unknown id. */
const char               *govorun_analysis_template_title       (const char                    *template_id);

/* @current merged with the template (a new copy); *@out_changes (of
 * GovorunAnalysisChange; optional) lists the template's criteria and fields
 * with what happens to each, then what the agent had besides, as kept.
 * NULL for an unknown id. */
GovorunAnalysisSettings  *govorun_analysis_template_apply       (const char                    *template_id,
                                                                 const GovorunAnalysisSettings *current,
                                                                 GPtrArray                    **out_changes);

/* Whether applying would change anything. */
gboolean                  govorun_analysis_changes_any          (GPtrArray                     *changes);

G_END_DECLS
