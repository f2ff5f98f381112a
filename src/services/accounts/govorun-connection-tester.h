/* govorun-connection-tester.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account.h"
#include "govorun-account-store.h"
#include "govorun-endpoints.h"

G_BEGIN_DECLS

/* The provider layer's transport, opaque above it. */
typedef struct _GovorunHttp GovorunHttp;

#define GOVORUN_TYPE_CONNECTION_TESTER (govorun_connection_tester_get_type ())

G_DECLARE_FINAL_TYPE (GovorunConnectionTester, govorun_connection_tester, GOVORUN, CONNECTION_TESTER, GObject)

GovorunConnectionTester *govorun_connection_tester_new               (GovorunHttp             *http,
                                                                      GovorunEndpoints        *endpoints,
                                                                      GovorunAccountStore     *accounts);
/* Tests an account that is not saved yet (the dialog), with its secret. */
void                     govorun_connection_tester_test_draft_async  (GovorunConnectionTester *self,
                                                                      GovorunAccount          *account,
                                                                      const char              *secret,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
char                    *govorun_connection_tester_test_draft_finish (GovorunConnectionTester *self,
                                                                      GAsyncResult            *result,
                                                                      GError                 **error);
/* Tests a saved account: its secret from the keyring, the result saved. */
void                     govorun_connection_tester_test_async        (GovorunConnectionTester *self,
                                                                      GovorunAccount          *account,
                                                                      GCancellable            *cancellable,
                                                                      GAsyncReadyCallback      callback,
                                                                      gpointer                 user_data);
char                    *govorun_connection_tester_test_finish       (GovorunConnectionTester *self,
                                                                      GAsyncResult            *result,
                                                                      GError                 **error);

G_END_DECLS
