/* govorun-elevenlabs-endpoint.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "govorun-elevenlabs-region.h"

G_BEGIN_DECLS

/* e.g. "https://api.eu.residency.elevenlabs.io", without a trailing slash */
const char *govorun_elevenlabs_region_get_base_url (GovorunElevenlabsRegion region);

G_END_DECLS
