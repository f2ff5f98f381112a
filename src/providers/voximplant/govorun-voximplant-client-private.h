/* govorun-voximplant-client-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-voximplant-client.h"

G_BEGIN_DECLS

/* For tests/fuzz only: the parsers of Voximplant answers, on raw bytes. */
void _govorun_voximplant_client_parse_for_fuzzing (const guint8 *data,
                                                   gsize         size);

G_END_DECLS
