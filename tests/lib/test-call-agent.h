/* test-call-agent.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An agent for the test-call tests: saved on a Voximplant and an
 * ElevenLabs account, answering @number (bought in the emulator) and,
 * with @outbound, calling out; provisioned when @provision.
 */
#pragma once

#include "govorun-sandbox.h"
#include "govorun-services.h"

G_BEGIN_DECLS

GovorunAgent *test_call_agent_new (GovorunServices *services,
                                   GovorunSandbox  *sandbox,
                                   const char      *name,
                                   const char      *vox_account_uuid,
                                   const char      *el_account_uuid,
                                   const char      *el_agent_id,
                                   const char      *number,
                                   gboolean         outbound,
                                   gboolean         provision);

G_END_DECLS
