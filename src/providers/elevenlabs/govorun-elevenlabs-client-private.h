/* govorun-elevenlabs-client-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-elevenlabs-client.h"

G_BEGIN_DECLS

/* For tests/fuzz only: every parser of ElevenLabs answers, on raw bytes. */
void _govorun_elevenlabs_client_parse_for_fuzzing (const guint8 *data,
                                                   gsize         size);

G_END_DECLS
