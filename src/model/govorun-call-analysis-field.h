/* govorun-call-analysis-field.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "govorun-call-info.h"

G_BEGIN_DECLS

/*
 * One evaluation criterion or collected data item as the stored calls
 * have it, with its values: what the Calls filter offers, the columns an
 * export adds and the Overview's success per criterion and distribution
 * of collected values. Counts are 0 where the question was only "which
 * values exist".
 */

typedef struct
{
  char    *value;   /* the result as stored: "success", "высокая" */
  guint64  count;   /* calls with it */
} GovorunCallAnalysisValue;

typedef struct
{
  GovorunCallAnalysisKind  kind;
  char                    *name;      /* the criterion's or item's id */
  guint64                  n_calls;   /* calls that have the item, with or without a value */
  GPtrArray               *values;    /* GovorunCallAnalysisValue*, most frequent first (then by
                                       * value); at most the query's cap, empty values left out */
  guint64                  n_other;   /* calls with a value past the cap */
} GovorunCallAnalysisField;

#define GOVORUN_TYPE_CALL_ANALYSIS_FIELD (govorun_call_analysis_field_get_type ())

GType                     govorun_call_analysis_field_get_type  (void) G_GNUC_CONST;
GovorunCallAnalysisField *govorun_call_analysis_field_new       (GovorunCallAnalysisKind         kind,
                                                                 const char                     *name);
GovorunCallAnalysisField *govorun_call_analysis_field_copy      (const GovorunCallAnalysisField *field);
void                      govorun_call_analysis_field_free      (GovorunCallAnalysisField       *field);
void                      govorun_call_analysis_field_add_value (GovorunCallAnalysisField       *field,
                                                                 const char                     *value,
                                                                 guint64                         count);
/* The count of @value, 0 when it is not listed. */
guint64                   govorun_call_analysis_field_get_count (const GovorunCallAnalysisField *field,
                                                                 const char                     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallAnalysisField, govorun_call_analysis_field_free)

G_END_DECLS
