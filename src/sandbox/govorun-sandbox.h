/* govorun-sandbox.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-bitrix24-emulator.h"
#include "govorun-elevenlabs-emulator.h"
#include "govorun-voximplant-emulator.h"
#include "govorun-webhook-receiver.h"

G_BEGIN_DECLS

/* Demo data every sandbox run starts with; the app seeds matching accounts. */
#define GOVORUN_SANDBOX_VOX_ACCOUNT_ID   7654321
#define GOVORUN_SANDBOX_VOX_API_KEY      "sandbox-0d5c7d2e-demo-key"
/* A second account, not seeded into the accounts list: for trying the
 * add-account dialog in the sandbox. */
#define GOVORUN_SANDBOX_VOX2_ACCOUNT_ID  7654322
#define GOVORUN_SANDBOX_VOX2_API_KEY     "sandbox-hotel-royal-key"
#define GOVORUN_SANDBOX_DEMO_NUMBER      "74993334455"
#define GOVORUN_SANDBOX_EL_API_KEY       "sk_sandbox_demo_elevenlabs_key"

/* The path of the sandbox's webhook receiver: its own, so a target's
 * address is known for the sandbox's whatever port it had. */
#define GOVORUN_SANDBOX_WEBHOOK_PATH     "/sandbox/hooks/govorun"

/* The generated call history of the demo account and agents. */
#define GOVORUN_SANDBOX_HISTORY_SEED          20260101
#define GOVORUN_SANDBOX_DEFAULT_HISTORY_SIZE  5000

#define GOVORUN_TYPE_SANDBOX (govorun_sandbox_get_type ())

G_DECLARE_FINAL_TYPE (GovorunSandbox, govorun_sandbox, GOVORUN, SANDBOX, GObject)

GovorunSandbox            *govorun_sandbox_new                (void);
gboolean                   govorun_sandbox_start              (GovorunSandbox  *self,
                                                               GError         **error);
GovorunVoximplantEmulator *govorun_sandbox_get_voximplant     (GovorunSandbox  *self);
GovorunElevenlabsEmulator *govorun_sandbox_get_elevenlabs     (GovorunSandbox  *self);
const char                *govorun_sandbox_get_voximplant_url (GovorunSandbox  *self);
const char                *govorun_sandbox_get_elevenlabs_url (GovorunSandbox  *self);
GovorunBitrix24Emulator   *govorun_sandbox_get_bitrix24       (GovorunSandbox  *self);
char                      *govorun_sandbox_get_bitrix24_webhook_url (GovorunSandbox *self);
GovorunWebhookReceiver    *govorun_sandbox_get_webhook_receiver (GovorunSandbox *self);
const char                *govorun_sandbox_get_webhook_url    (GovorunSandbox  *self);
void                       govorun_sandbox_add_demo_number    (GovorunSandbox  *self);
void                       govorun_sandbox_set_history_size   (GovorunSandbox  *self,
                                                               guint            n_calls);
void                       govorun_sandbox_set_language       (GovorunSandbox  *self,
                                                               const char      *language);

G_END_DECLS
