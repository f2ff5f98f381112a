/* govorun-io-error.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "govorun-io-error.h"

G_DEFINE_QUARK (govorun-io-error-quark, govorun_io_error)
