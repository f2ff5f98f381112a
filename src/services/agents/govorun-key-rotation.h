/* govorun-key-rotation.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account.h"
#include "govorun-account-store.h"
#include "govorun-agent-store.h"

G_BEGIN_DECLS

/*
 * GovorunKeyRotation keeps the deployed agents' copies of an ElevenLabs
 * key current: when an ElevenLabs account's key is replaced in Accounts
 * (its secret generation changes), the key's secret in the Voximplant
 * application of every deployed agent that uses the account is set to the
 * new key (SetSecretInfo). Nothing is redeployed: the scenarios read the
 * secret on each call. Agents whose scenarios carry the key in their text
 * (accounts without secret storage) need a redeploy; they are left alone.
 */

typedef struct _GovorunClientFactory GovorunClientFactory;

#define GOVORUN_TYPE_KEY_ROTATION (govorun_key_rotation_get_type ())

G_DECLARE_FINAL_TYPE (GovorunKeyRotation, govorun_key_rotation, GOVORUN, KEY_ROTATION, GObject)

/* Starts watching @accounts' ElevenLabs accounts. */
GovorunKeyRotation *govorun_key_rotation_new           (GovorunClientFactory *factory,
                                                        GovorunAccountStore  *accounts,
                                                        GovorunAgentStore    *agents);

/* Sets the secret of every deployed agent using @el_account to its current
 * key; done by the watch itself, public for tests. The result: how many
 * applications were updated; an error names the first that failed (the
 * others are still tried). */
void                govorun_key_rotation_rotate_async  (GovorunKeyRotation   *self,
                                                        GovorunAccount       *el_account,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
guint               govorun_key_rotation_rotate_finish (GovorunKeyRotation   *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_END_DECLS
