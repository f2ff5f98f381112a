/* govorun-call-info.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * What only the details of a call show, beside the row's fields: where
 * its audio is, how each side ended, ElevenLabs' analysis. Loaded for one
 * call at a time (never for list rows). Unknown is NULL / FALSE; the store
 * keeps what it had for a field an upsert leaves unknown, and an @analysis
 * that is not NULL replaces the stored one.
 */

typedef enum
{
  GOVORUN_CALL_ANALYSIS_EVALUATION = 1,  /* an evaluation criterion: success/failure/unknown */
  GOVORUN_CALL_ANALYSIS_DATA,            /* a collected data item: its value as text */
} GovorunCallAnalysisKind;

typedef struct
{
  GovorunCallAnalysisKind  kind;
  char                    *name;       /* the criterion's or item's id */
  char                    *result;
  char                    *rationale;  /* may be NULL */
} GovorunCallAnalysisItem;

typedef struct
{
  /* The accounts the call was synced from, so its audio is fetched with
   * the right key; NULL when not known (then the agent's accounts). */
  char      *vox_account_uuid;
  char      *el_account_uuid;
  char      *record_url;             /* the Voximplant recording; NULL: none */
  gboolean   el_has_audio;           /* ElevenLabs keeps the conversation's audio */
  char      *end_reason;             /* Voximplant's call end reason, e.g. "486 Busy Here" */
  char      *el_termination_reason;
  char      *el_error;               /* ElevenLabs' metadata.error: "code: reason" */
  char      *summary_title;
  char      *main_language;
  GPtrArray *analysis;               /* GovorunCallAnalysisItem*; NULL: not known */
} GovorunCallInfo;

#define GOVORUN_TYPE_CALL_INFO          (govorun_call_info_get_type ())
#define GOVORUN_TYPE_CALL_ANALYSIS_ITEM (govorun_call_analysis_item_get_type ())

GType                    govorun_call_analysis_item_get_type (void) G_GNUC_CONST;
GovorunCallAnalysisItem *govorun_call_analysis_item_new      (GovorunCallAnalysisKind        kind,
                                                              const char                    *name,
                                                              const char                    *result,
                                                              const char                    *rationale);
GovorunCallAnalysisItem *govorun_call_analysis_item_copy     (const GovorunCallAnalysisItem *item);
void                     govorun_call_analysis_item_free     (GovorunCallAnalysisItem       *item);

GType                    govorun_call_info_get_type          (void) G_GNUC_CONST;
GovorunCallInfo         *govorun_call_info_new               (void);
GovorunCallInfo         *govorun_call_info_copy              (const GovorunCallInfo         *info);
void                     govorun_call_info_free              (GovorunCallInfo               *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallAnalysisItem, govorun_call_analysis_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallInfo, govorun_call_info_free)

G_END_DECLS
