/* govorun-elevenlabs-endpoint.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-elevenlabs-endpoint.h"

/* Each data-residency region has its own API host (elevenlabs.md, "Regions"). */
static const char * const base_urls[GOVORUN_ELEVENLABS_N_REGIONS] = {
  [GOVORUN_ELEVENLABS_REGION_GLOBAL] = "https://api.elevenlabs.io",
  [GOVORUN_ELEVENLABS_REGION_US] = "https://api.us.elevenlabs.io",
  [GOVORUN_ELEVENLABS_REGION_EU] = "https://api.eu.residency.elevenlabs.io",
  [GOVORUN_ELEVENLABS_REGION_IN] = "https://api.in.residency.elevenlabs.io",
  [GOVORUN_ELEVENLABS_REGION_SG] = "https://api.sg.residency.elevenlabs.io",
};

const char *
govorun_elevenlabs_region_get_base_url (GovorunElevenlabsRegion region)
{
  g_return_val_if_fail ((guint) region < GOVORUN_ELEVENLABS_N_REGIONS, NULL);

  return base_urls[region];
}
