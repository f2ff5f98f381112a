/* govorun-test-call.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-agent.h"
#include "govorun-call-variable.h"
#include "govorun-transcript-line.h"

G_BEGIN_DECLS

/*
 * GovorunTestCall is one conversation with an agent from the desktop
 * ("Talk to Agent"): a signed URL, the conversation WebSocket, the
 * microphone and the speakers. Made by govorun_test_calls_create_call().
 *
 * Properties: :state, :error-message (a sentence when :state is FAILED),
 * :level (the microphone, 0..1), :muted, :volume (0..1).
 * Models: the transcript (GovorunTranscriptLine: tentative lines are
 * replaced by their final text) and the dynamic variables the call sends
 * (GovorunCallVariable, values editable until the call starts).
 */

#define GOVORUN_TEST_CALL_ERROR (govorun_test_call_error_quark ())

typedef enum
{
  GOVORUN_TEST_CALL_ERROR_NO_AGENT = 1,      /* not linked to an ElevenLabs agent and account */
  GOVORUN_TEST_CALL_ERROR_NO_MICROPHONE,
  GOVORUN_TEST_CALL_ERROR_NO_SPEAKERS,
  GOVORUN_TEST_CALL_ERROR_OVERRIDE_REFUSED,  /* close 1008, override_error */
  GOVORUN_TEST_CALL_ERROR_MISSING_VARIABLE,  /* close 1008, missing_dynamic_variable */
  GOVORUN_TEST_CALL_ERROR_MISSING_SCOPE,     /* the key may not talk to agents */
  GOVORUN_TEST_CALL_ERROR_REFUSED,           /* another refusal (1008, 401/403, 404) */
  GOVORUN_TEST_CALL_ERROR_NETWORK,           /* no connection, or it broke */
  GOVORUN_TEST_CALL_ERROR_PROVIDER,          /* ElevenLabs failed (1002, 1011, 5xx …) */
} GovorunTestCallError;

GQuark govorun_test_call_error_quark (void);

typedef enum
{
  GOVORUN_TEST_CALL_IDLE,
  GOVORUN_TEST_CALL_CONNECTING,
  GOVORUN_TEST_CALL_LISTENING,
  GOVORUN_TEST_CALL_AGENT_SPEAKING,
  GOVORUN_TEST_CALL_ENDED,
  GOVORUN_TEST_CALL_FAILED,
} GovorunTestCallState;

#define GOVORUN_TYPE_TEST_CALL (govorun_test_call_get_type ())

G_DECLARE_FINAL_TYPE (GovorunTestCall, govorun_test_call, GOVORUN, TEST_CALL, GObject)

GovorunAgent         *govorun_test_call_get_agent         (GovorunTestCall      *self);
GovorunTestCallState  govorun_test_call_get_state         (GovorunTestCall      *self);
const char           *govorun_test_call_get_error_message (GovorunTestCall      *self);
/* (transfer none) GListModel of GovorunTranscriptLine */
GListModel           *govorun_test_call_get_transcript    (GovorunTestCall      *self);
/* (transfer none) GListModel of GovorunCallVariable */
GListModel           *govorun_test_call_get_variables     (GovorunTestCall      *self);
/* The conversation's id once connected, else NULL. */
const char           *govorun_test_call_get_conversation_id (GovorunTestCall    *self);
double                govorun_test_call_get_level         (GovorunTestCall      *self);
gboolean              govorun_test_call_get_muted         (GovorunTestCall      *self);
void                  govorun_test_call_set_muted         (GovorunTestCall      *self,
                                                           gboolean              muted);
double                govorun_test_call_get_volume        (GovorunTestCall      *self);
void                  govorun_test_call_set_volume        (GovorunTestCall      *self,
                                                           double                volume);

/* Reads the agent's dynamic variables from ElevenLabs into the variables
 * model (values empty, for the person to fill in). */
void                  govorun_test_call_load_variables_async  (GovorunTestCall     *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean              govorun_test_call_load_variables_finish (GovorunTestCall     *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
/* Connects and starts the microphone and the speakers; finishes when the
 * agent's metadata came and sound flows (:state LISTENING). */
void                  govorun_test_call_start_async       (GovorunTestCall      *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean              govorun_test_call_start_finish      (GovorunTestCall      *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
/* Ends the conversation (:state ENDED once the socket closed). */
void                  govorun_test_call_hang_up           (GovorunTestCall      *self);

G_END_DECLS
