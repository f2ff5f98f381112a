/* govorun-preflight-issue.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row the preflight report names: why it will not be called (or,
 * for a missing variable, what the agent will not know). */

typedef enum
{
  GOVORUN_PREFLIGHT_ISSUE_INVALID,           /* the phone could not be read */
  GOVORUN_PREFLIGHT_ISSUE_DUPLICATE,         /* the number came earlier in the file */
  GOVORUN_PREFLIGHT_ISSUE_DO_NOT_CALL,       /* the number is on the do-not-call list */
  GOVORUN_PREFLIGHT_ISSUE_MISSING_VARIABLE,  /* called, but a variable is empty */
  GOVORUN_PREFLIGHT_ISSUE_TIME_ZONE,         /* the zone column held no zone; the campaign's is used */
  GOVORUN_PREFLIGHT_ISSUE_DEBT_CAP,          /* debt mode: held back, a 230-FZ cap is reached */
} GovorunPreflightIssueKind;

/* How many kinds there are (the size of a count per kind). */
#define GOVORUN_PREFLIGHT_ISSUE_N_KINDS (GOVORUN_PREFLIGHT_ISSUE_DEBT_CAP + 1)

#define GOVORUN_TYPE_PREFLIGHT_ISSUE_KIND (govorun_preflight_issue_kind_get_type ())
GType govorun_preflight_issue_kind_get_type (void) G_GNUC_CONST;

#define GOVORUN_TYPE_PREFLIGHT_ISSUE (govorun_preflight_issue_get_type ())
G_DECLARE_FINAL_TYPE (GovorunPreflightIssue, govorun_preflight_issue, GOVORUN, PREFLIGHT_ISSUE, GObject)

GovorunPreflightIssue *govorun_preflight_issue_new (GovorunPreflightIssueKind  kind,
                                                    gint64                     row,
                                                    const char                *column,
                                                    const char                *reason,
                                                    const char                *value);

GovorunPreflightIssueKind govorun_preflight_issue_get_kind (GovorunPreflightIssue *self);
void                      govorun_preflight_issue_set_kind (GovorunPreflightIssue *self, GovorunPreflightIssueKind value);
/* the row in the source file as a spreadsheet numbers it (the header is row 1) */
gint64                    govorun_preflight_issue_get_row (GovorunPreflightIssue *self);
void                      govorun_preflight_issue_set_row (GovorunPreflightIssue *self, gint64 value);
/* the column's title */
const char *              govorun_preflight_issue_get_column (GovorunPreflightIssue *self);
void                      govorun_preflight_issue_set_column (GovorunPreflightIssue *self, const char *value);
/* a translated sentence */
const char *              govorun_preflight_issue_get_reason (GovorunPreflightIssue *self);
void                      govorun_preflight_issue_set_reason (GovorunPreflightIssue *self, const char *value);
/* the raw cell */
const char *              govorun_preflight_issue_get_value (GovorunPreflightIssue *self);
void                      govorun_preflight_issue_set_value (GovorunPreflightIssue *self, const char *value);

G_END_DECLS
