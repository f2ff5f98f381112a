/* govorun-elevenlabs-region.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The data-residency region of an ElevenLabs account: a key made in a
 * residency workspace works only on that region's host. The hosts are the
 * provider layer's business (govorun-elevenlabs-endpoint.h); this is what
 * an account records and a person chooses. */
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
/* Translated name for people, e.g. "EU data residency" */
const char *govorun_elevenlabs_region_get_label    (GovorunElevenlabsRegion  region);

G_END_DECLS
