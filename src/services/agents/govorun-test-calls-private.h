/* govorun-test-calls-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-client-factory.h"
#include "govorun-http.h"
#include "govorun-test-calls.h"

G_BEGIN_DECLS

/* What the test-call files share, and what tests tune. */

GovorunHttp          *_govorun_test_calls_get_http      (GovorunTestCalls *self);
GovorunClientFactory *_govorun_test_calls_get_factory   (GovorunTestCalls *self);
GovorunAccountStore  *_govorun_test_calls_get_accounts  (GovorunTestCalls *self);
/* A test call ended: the conversation goes to Calls. */
void                  _govorun_test_calls_ended         (GovorunTestCalls *self);
void                  _govorun_test_calls_remember_number (GovorunTestCalls *self,
                                                          const char       *e164);

GovorunTestCall      *_govorun_test_call_new            (GovorunTestCalls *owner,
                                                         GovorunAgent     *agent);
GovorunPhoneTestCall *_govorun_phone_test_call_new      (GovorunTestCalls *owner,
                                                         GovorunAgent     *agent);

/* Tests: how often Call My Phone reads the call history (default 1000 ms). */
void                  _govorun_phone_test_call_set_poll_interval (GovorunPhoneTestCall *self,
                                                                  guint                 interval_ms);
/* Tests and the benchmark: microseconds from each microphone chunk's
 * capture to its frame being sent, since the last call (gint64). */
GArray               *_govorun_test_call_take_send_latencies (GovorunTestCall *self);
/* The playback's figures: frame received → audio leaving for the sink. */
GArray               *_govorun_test_call_take_receive_latencies (GovorunTestCall *self);

/* A provider's or the media layer's error as the test call's sentence. */
GError               *_govorun_test_call_error_for      (const GError    *error);

G_END_DECLS
