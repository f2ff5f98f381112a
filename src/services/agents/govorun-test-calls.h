/* govorun-test-calls.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-agent.h"
#include "govorun-call-sync.h"
#include "govorun-phone-test-call.h"
#include "govorun-test-call.h"

G_BEGIN_DECLS

/*
 * GovorunTestCalls makes an agent's test calls, built once by
 * GovorunServices: a conversation in the app ("Talk to Agent",
 * GovorunTestCall) and a real call to the person's own phone ("Call My
 * Phone", GovorunPhoneTestCall). It remembers the person's number (the
 * GSettings key "test-call-number") and starts a call sync when a test
 * call ends, so the conversation appears in Calls.
 */

/* Lower layers, named only (the UI sees this header). */
typedef struct _GovorunHttp          GovorunHttp;
typedef struct _GovorunClientFactory GovorunClientFactory;

#define GOVORUN_TYPE_TEST_CALLS (govorun_test_calls_get_type ())

G_DECLARE_FINAL_TYPE (GovorunTestCalls, govorun_test_calls, GOVORUN, TEST_CALLS, GObject)

GovorunTestCalls     *govorun_test_calls_new               (GovorunHttp          *http,
                                                            GovorunClientFactory *factory,
                                                            GovorunAccountStore  *accounts,
                                                            GovorunCallSync      *call_sync,
                                                            GSettings            *settings);
GovorunTestCall      *govorun_test_calls_create_call       (GovorunTestCalls     *self,
                                                            GovorunAgent         *agent);
GovorunPhoneTestCall *govorun_test_calls_create_phone_call (GovorunTestCalls     *self,
                                                            GovorunAgent         *agent);
/* The number Call My Phone dialled last, "" when none (transfer full). */
char                 *govorun_test_calls_dup_my_number     (GovorunTestCalls     *self);

G_END_DECLS
