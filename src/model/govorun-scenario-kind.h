/* govorun-scenario-kind.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The VoxEngine scenarios an agent may have; the generator writes them,
 * the provisioner uploads them, the scenario window shows them. */
typedef enum
{
  GOVORUN_SCENARIO_INBOUND,     /* calls to the agent's numbers → ElevenLabs agent */
  GOVORUN_SCENARIO_OUTBOUND,    /* call-list rows and "call me" runs → the engine in params */
  GOVORUN_SCENARIO_WEBHOOK_BOT, /* Voximplant ASR/TTS + the user's HTTP bot (seed 001 contract) */
} GovorunScenarioKind;

#define GOVORUN_SCENARIO_N_KINDS (GOVORUN_SCENARIO_WEBHOOK_BOT + 1)

G_END_DECLS
