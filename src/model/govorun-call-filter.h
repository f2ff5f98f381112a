/* govorun-call-filter.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "govorun-call-record.h"

G_BEGIN_DECLS

/* "Any value": what a filter field holds when it does not narrow the list. */
#define GOVORUN_CALL_FILTER_ANY (-1)

/*
 * Which calls the Calls page shows: every field narrows the list, and the
 * default (govorun_call_filter_new()) shows every call. The store turns it
 * into SQL on its indexes.
 */
typedef struct
{
  gint64  started_from;  /* UTC unix seconds, inclusive; 0: no lower bound */
  gint64  started_until; /* UTC unix seconds, exclusive; 0: no upper bound */
  int     status;        /* a GovorunCallStatus or GOVORUN_CALL_FILTER_ANY */
  int     direction;     /* a GovorunCallDirection or GOVORUN_CALL_FILTER_ANY */
  int     success;       /* a GovorunCallSuccess or GOVORUN_CALL_FILTER_ANY */
  char   *agent_uuid;    /* NULL: any agent */
  /* Words of the transcript and numbers in any form ("8 916…", "+7916…",
   * "916…"); every word must match. NULL or "": no search. Words shorter
   * than three characters cannot be looked up and are left out. */
  char   *search;
  /* ElevenLabs' analysis: only calls whose evaluation criterion or
   * collected data item @analysis_name (of @analysis_kind, a
   * GovorunCallAnalysisKind) has the result @analysis_value ("success",
   * "high"), or, with @analysis_value NULL, any value at all ("the
   * appointment date is set"). @analysis_name NULL: no such condition. */
  int     analysis_kind;
  char   *analysis_name;
  char   *analysis_value;
} GovorunCallFilter;

/* How the list is ordered; ties are broken by start time, then by row. */
typedef enum
{
  GOVORUN_CALL_SORT_STARTED_AT = 0,
  GOVORUN_CALL_SORT_DURATION,
  GOVORUN_CALL_SORT_COST,
  GOVORUN_CALL_SORT_STATUS,
  GOVORUN_CALL_SORT_DIRECTION,
  GOVORUN_CALL_SORT_SUCCESS,
  GOVORUN_CALL_SORT_AGENT,
} GovorunCallSortKey;

#define GOVORUN_TYPE_CALL_FILTER (govorun_call_filter_get_type ())

GType              govorun_call_filter_get_type (void) G_GNUC_CONST;
GovorunCallFilter *govorun_call_filter_new      (void);
GovorunCallFilter *govorun_call_filter_copy     (const GovorunCallFilter *filter);
void               govorun_call_filter_free     (GovorunCallFilter       *filter);
gboolean           govorun_call_filter_equal    (const GovorunCallFilter *a,
                                                 const GovorunCallFilter *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallFilter, govorun_call_filter_free)

G_END_DECLS
