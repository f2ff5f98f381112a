/* govorun-elevenlabs-region.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Data-residency regions; each has its own API host. A key made in a
 * residency region works only against that region's host. */
typedef enum
{
  GOVORUN_ELEVENLABS_REGION_GLOBAL,
  GOVORUN_ELEVENLABS_REGION_US,
  GOVORUN_ELEVENLABS_REGION_EU,
  GOVORUN_ELEVENLABS_REGION_IN,
  GOVORUN_ELEVENLABS_REGION_SG,
} GovorunElevenlabsRegion;

#define GOVORUN_ELEVENLABS_N_REGIONS (GOVORUN_ELEVENLABS_REGION_SG + 1)

/* "global", "us", "eu-residency", "in-residency", "sg-residency" */
const char *govorun_elevenlabs_region_to_string    (GovorunElevenlabsRegion  region);
gboolean    govorun_elevenlabs_region_from_string  (const char              *string,
                                                    GovorunElevenlabsRegion *out_region);
/* e.g. "https://api.eu.residency.elevenlabs.io", without a trailing slash */
const char *govorun_elevenlabs_region_get_base_url (GovorunElevenlabsRegion  region);
/* Translated name for people, e.g. "EU data residency" */
const char *govorun_elevenlabs_region_get_label    (GovorunElevenlabsRegion  region);

G_END_DECLS
