/* govorun-client-factory.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-elevenlabs-client.h"
#include "govorun-endpoints.h"
#include "govorun-http.h"
#include "govorun-voximplant-client.h"

G_BEGIN_DECLS

/*
 * Builds provider clients for accounts: the secret from the keyring (or the
 * one a person just typed), the base URL from the endpoints, the shared
 * transport. Services use it so no one else handles secrets on the way.
 */

#define GOVORUN_TYPE_CLIENT_FACTORY (govorun_client_factory_get_type ())

G_DECLARE_FINAL_TYPE (GovorunClientFactory, govorun_client_factory, GOVORUN, CLIENT_FACTORY, GObject)

GovorunClientFactory    *govorun_client_factory_new                        (GovorunHttp          *http,
                                                                            GovorunEndpoints     *endpoints,
                                                                            GovorunAccountStore  *accounts);

/* A Voximplant client for @account with @secret (an API key or a
 * credentials file's text); parsing a key file runs on a worker thread.
 * With @secret %NULL the saved secret is looked up in the keyring. */
void                     govorun_client_factory_voximplant_async           (GovorunClientFactory *self,
                                                                            GovorunAccount       *account,
                                                                            const char           *secret,
                                                                            GCancellable         *cancellable,
                                                                            GAsyncReadyCallback   callback,
                                                                            gpointer              user_data);
GovorunVoximplantClient *govorun_client_factory_voximplant_finish          (GovorunClientFactory *self,
                                                                            GAsyncResult         *result,
                                                                            GError              **error);
/* Likewise for ElevenLabs. */
void                     govorun_client_factory_elevenlabs_async           (GovorunClientFactory *self,
                                                                            GovorunAccount       *account,
                                                                            const char           *secret,
                                                                            GCancellable         *cancellable,
                                                                            GAsyncReadyCallback   callback,
                                                                            gpointer              user_data);
GovorunElevenlabsClient *govorun_client_factory_elevenlabs_finish          (GovorunClientFactory *self,
                                                                            GAsyncResult         *result,
                                                                            GError              **error);
/* The base URL an ElevenLabs account's requests go to (for scenarios). */
char                    *govorun_client_factory_elevenlabs_url             (GovorunClientFactory *self,
                                                                            GovorunAccount       *account);

G_END_DECLS
