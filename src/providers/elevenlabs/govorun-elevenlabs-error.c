/* govorun-elevenlabs-error.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-elevenlabs-error.h"

G_DEFINE_QUARK (govorun-elevenlabs-error-quark, govorun_elevenlabs_error)
