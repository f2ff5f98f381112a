/* govorun-phone-test-call.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-agent.h"

G_BEGIN_DECLS

/*
 * GovorunPhoneTestCall is "Call My Phone": the agent's outbound scenario
 * calls the person's own number (StartScenarios on the agent's outbound
 * rule with {"mode":"callme","phone_number":…} as the script's custom
 * data, what outbound.js expects), and the call's progress is read from
 * the call history by its session id. Made by
 * govorun_test_calls_create_phone_call().
 *
 * Properties: :state, :talk-seconds (while answered and after),
 * :result (a sentence once FINISHED), :error-message (once FAILED).
 */

#define GOVORUN_PHONE_TEST_CALL_ERROR (govorun_phone_test_call_error_quark ())

typedef enum
{
  GOVORUN_PHONE_TEST_CALL_ERROR_BAD_NUMBER = 1,
  GOVORUN_PHONE_TEST_CALL_ERROR_NO_OUTBOUND,   /* the agent has no outbound rule */
  GOVORUN_PHONE_TEST_CALL_ERROR_PROVIDER,      /* Voximplant refused or failed */
} GovorunPhoneTestCallError;

GQuark govorun_phone_test_call_error_quark (void);

typedef enum
{
  GOVORUN_PHONE_TEST_CALL_IDLE,
  GOVORUN_PHONE_TEST_CALL_STARTING,
  GOVORUN_PHONE_TEST_CALL_DIALLING,
  GOVORUN_PHONE_TEST_CALL_ANSWERED,
  GOVORUN_PHONE_TEST_CALL_FINISHED,
  GOVORUN_PHONE_TEST_CALL_FAILED,
} GovorunPhoneTestCallState;

#define GOVORUN_TYPE_PHONE_TEST_CALL (govorun_phone_test_call_get_type ())

G_DECLARE_FINAL_TYPE (GovorunPhoneTestCall, govorun_phone_test_call, GOVORUN, PHONE_TEST_CALL, GObject)

GovorunPhoneTestCallState govorun_phone_test_call_get_state         (GovorunPhoneTestCall *self);
guint                     govorun_phone_test_call_get_talk_seconds  (GovorunPhoneTestCall *self);
const char               *govorun_phone_test_call_get_result        (GovorunPhoneTestCall *self);
const char               *govorun_phone_test_call_get_error_message (GovorunPhoneTestCall *self);
/* The number being called, E.164 ("+79161234567"), once started. */
const char               *govorun_phone_test_call_get_number        (GovorunPhoneTestCall *self);
/* Checks @number (as typed; Russian forms without a country code are
 * Russian), remembers it, and starts the call. Finishes once Voximplant
 * accepted it; the progress follows in :state until FINISHED. */
void                      govorun_phone_test_call_start_async       (GovorunPhoneTestCall *self,
                                                                     const char           *number,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback,
                                                                     gpointer              user_data);
gboolean                  govorun_phone_test_call_start_finish      (GovorunPhoneTestCall *self,
                                                                     GAsyncResult         *result,
                                                                     GError              **error);
/* Stops following the call (the call itself goes on). */
void                      govorun_phone_test_call_stop              (GovorunPhoneTestCall *self);

G_END_DECLS
