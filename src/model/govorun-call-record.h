/* govorun-call-record.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "govorun-call-info.h"
#include "govorun-call-turn.h"

G_BEGIN_DECLS

/*
 * One call joined across providers: the Voximplant call session (numbers,
 * times, status, telephony cost, recording) and the ElevenLabs conversation
 * (transcript, summary, evaluation, cost). Either side may be missing: a
 * failed call never reached ElevenLabs, a widget conversation never touched
 * Voximplant.
 *
 * A GObject so that it can be an item of a GListModel (the Calls page's
 * GtkColumnView). Rows are not edited once the list hands them out: a
 * changed row arrives as a new record through items-changed, so the views
 * read the getters in their bind callbacks and need no notifications.
 *
 * "Unknown" is 0 / NULL / the _UNKNOWN value throughout; the store keeps
 * what it had for a field an upsert leaves unknown.
 */

typedef enum
{
  GOVORUN_CALL_DIRECTION_UNKNOWN = 0,
  GOVORUN_CALL_DIRECTION_INBOUND,
  GOVORUN_CALL_DIRECTION_OUTBOUND,
  GOVORUN_CALL_DIRECTION_WEB,       /* an ElevenLabs widget conversation: no phone side */
} GovorunCallDirection;

typedef enum
{
  GOVORUN_CALL_STATUS_UNKNOWN = 0,
  GOVORUN_CALL_STATUS_ANSWERED,     /* connected: a conversation took place */
  GOVORUN_CALL_STATUS_NO_ANSWER,    /* rang out or was rejected */
  GOVORUN_CALL_STATUS_BUSY,
  GOVORUN_CALL_STATUS_FAILED,       /* did not connect: a network or scenario error */
  GOVORUN_CALL_STATUS_IN_PROGRESS,  /* still going at the last sync */
} GovorunCallStatus;

/* ElevenLabs' evaluation of the conversation ("call_successful"). */
typedef enum
{
  GOVORUN_CALL_SUCCESS_UNKNOWN = 0,
  GOVORUN_CALL_SUCCESS_SUCCESS,
  GOVORUN_CALL_SUCCESS_FAILURE,
} GovorunCallSuccess;

#define GOVORUN_TYPE_CALL_RECORD (govorun_call_record_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallRecord, govorun_call_record, GOVORUN, CALL_RECORD, GObject)

GovorunCallRecord   *govorun_call_record_new                    (void);
/* A row of a lazy list whose page has not arrived yet: only its position
 * is known; the list replaces it (items-changed) when the page comes. */
GovorunCallRecord   *govorun_call_record_new_placeholder        (void);
gboolean             govorun_call_record_is_placeholder         (GovorunCallRecord *self);

/* The store's row id; 0 before the record is stored. */
gint64               govorun_call_record_get_id                 (GovorunCallRecord *self);
void                 govorun_call_record_set_id                 (GovorunCallRecord *self,
                                                                 gint64             id);

gint64               govorun_call_record_get_vox_session_id     (GovorunCallRecord *self);
void                 govorun_call_record_set_vox_session_id     (GovorunCallRecord *self,
                                                                 gint64             id);
gint64               govorun_call_record_get_vox_call_id        (GovorunCallRecord *self);
void                 govorun_call_record_set_vox_call_id        (GovorunCallRecord *self,
                                                                 gint64             id);
const char          *govorun_call_record_get_el_conversation_id (GovorunCallRecord *self);
void                 govorun_call_record_set_el_conversation_id (GovorunCallRecord *self,
                                                                 const char        *id);

const char          *govorun_call_record_get_agent_uuid         (GovorunCallRecord *self);
void                 govorun_call_record_set_agent_uuid         (GovorunCallRecord *self,
                                                                 const char        *uuid);
/* The providers' own names of the agent, for calls of agents Govorun did
 * not create: the ElevenLabs agent's name and the Voximplant application's
 * (either may be NULL). govorun_call_agent_label() picks what to show. */
const char          *govorun_call_record_get_el_agent_name      (GovorunCallRecord *self);
void                 govorun_call_record_set_el_agent_name      (GovorunCallRecord *self,
                                                                 const char        *name);
const char          *govorun_call_record_get_vox_application_name (GovorunCallRecord *self);
void                 govorun_call_record_set_vox_application_name (GovorunCallRecord *self,
                                                                   const char        *name);
/* Campaign and contact: 0 when the call was not part of a campaign. */
gint64               govorun_call_record_get_campaign_id        (GovorunCallRecord *self);
void                 govorun_call_record_set_campaign_id        (GovorunCallRecord *self,
                                                                 gint64             id);
gint64               govorun_call_record_get_contact_id         (GovorunCallRecord *self);
void                 govorun_call_record_set_contact_id         (GovorunCallRecord *self,
                                                                 gint64             id);

GovorunCallDirection govorun_call_record_get_direction          (GovorunCallRecord *self);
void                 govorun_call_record_set_direction          (GovorunCallRecord *self,
                                                                 GovorunCallDirection direction);
/* E.164 digits without "+", e.g. "79161234567". */
const char          *govorun_call_record_get_from_number        (GovorunCallRecord *self);
void                 govorun_call_record_set_from_number        (GovorunCallRecord *self,
                                                                 const char        *number);
const char          *govorun_call_record_get_to_number          (GovorunCallRecord *self);
void                 govorun_call_record_set_to_number          (GovorunCallRecord *self,
                                                                 const char        *number);

/* UTC unix seconds. */
gint64               govorun_call_record_get_started_at         (GovorunCallRecord *self);
void                 govorun_call_record_set_started_at         (GovorunCallRecord *self,
                                                                 gint64             started_at);
/* Seconds. */
guint                govorun_call_record_get_duration           (GovorunCallRecord *self);
void                 govorun_call_record_set_duration           (GovorunCallRecord *self,
                                                                 guint              seconds);

GovorunCallStatus    govorun_call_record_get_status             (GovorunCallRecord *self);
void                 govorun_call_record_set_status             (GovorunCallRecord *self,
                                                                 GovorunCallStatus  status);
/* The provider's own finish reason (e.g. Voximplant's "Normal call
 * clearing"), shown beside the status; may be NULL. */
const char          *govorun_call_record_get_finish_reason      (GovorunCallRecord *self);
void                 govorun_call_record_set_finish_reason      (GovorunCallRecord *self,
                                                                 const char        *reason);

GovorunCallSuccess   govorun_call_record_get_success            (GovorunCallRecord *self);
void                 govorun_call_record_set_success            (GovorunCallRecord *self,
                                                                 GovorunCallSuccess success);

/* Cost as each provider bills it; the currency is NULL when the provider
 * has not reported a cost. */
double               govorun_call_record_get_vox_cost           (GovorunCallRecord *self);
const char          *govorun_call_record_get_vox_currency       (GovorunCallRecord *self);
void                 govorun_call_record_set_vox_cost           (GovorunCallRecord *self,
                                                                 double             cost,
                                                                 const char        *currency);
double               govorun_call_record_get_el_cost            (GovorunCallRecord *self);
const char          *govorun_call_record_get_el_currency        (GovorunCallRecord *self);
void                 govorun_call_record_set_el_cost            (GovorunCallRecord *self,
                                                                 double             cost,
                                                                 const char        *currency);

gboolean             govorun_call_record_get_has_recording      (GovorunCallRecord *self);
void                 govorun_call_record_set_has_recording      (GovorunCallRecord *self,
                                                                 gboolean           has_recording);

/* ElevenLabs' summary of the conversation; may be NULL. */
const char          *govorun_call_record_get_summary            (GovorunCallRecord *self);
void                 govorun_call_record_set_summary            (GovorunCallRecord *self,
                                                                 const char        *summary);

/* The transcript, a GPtrArray of GovorunCallTurn, or NULL when it was not
 * loaded (list rows) or is not known. Loaded only for the details view. */
GPtrArray           *govorun_call_record_get_transcript         (GovorunCallRecord *self);
void                 govorun_call_record_set_transcript         (GovorunCallRecord *self,
                                                                 GPtrArray         *turns);

/* What the details view adds (audio, end reasons, analysis), or NULL when
 * not loaded (list rows) or not known. The record keeps its own copy. */
const GovorunCallInfo *govorun_call_record_get_info     (GovorunCallRecord     *self);
void                   govorun_call_record_set_info     (GovorunCallRecord     *self,
                                                         const GovorunCallInfo *info);
/* As set_info, taking @details (transfer full) instead of a copy. */
void                   govorun_call_record_take_info    (GovorunCallRecord     *self,
                                                         GovorunCallInfo       *details);

G_END_DECLS
