/* govorun-elevenlabs-region.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-elevenlabs-region.h"

static const struct
{
  const char *id;
  const char *label;
} regions[GOVORUN_ELEVENLABS_N_REGIONS] = {
  [GOVORUN_ELEVENLABS_REGION_GLOBAL] = { "global", N_("Global (nearest)") },
  [GOVORUN_ELEVENLABS_REGION_US] = { "us", N_("United States") },
  [GOVORUN_ELEVENLABS_REGION_EU] = { "eu-residency", N_("EU residency") },
  [GOVORUN_ELEVENLABS_REGION_IN] = { "in-residency", N_("India residency") },
  [GOVORUN_ELEVENLABS_REGION_SG] = { "sg-residency", N_("Singapore residency") },
};

const char *
govorun_elevenlabs_region_to_string (GovorunElevenlabsRegion region)
{
  g_return_val_if_fail ((guint) region < GOVORUN_ELEVENLABS_N_REGIONS, NULL);

  return regions[region].id;
}

/**
 * govorun_elevenlabs_region_from_string:
 * @out_region: (out) (optional): the region, untouched on failure
 *
 * Returns: %TRUE if @string names a region
 */
gboolean
govorun_elevenlabs_region_from_string (const char              *string,
                                       GovorunElevenlabsRegion *out_region)
{
  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < GOVORUN_ELEVENLABS_N_REGIONS; i++)
    {
      if (g_str_equal (string, regions[i].id))
        {
          if (out_region != NULL)
            *out_region = (GovorunElevenlabsRegion) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
govorun_elevenlabs_region_get_label (GovorunElevenlabsRegion region)
{
  g_return_val_if_fail ((guint) region < GOVORUN_ELEVENLABS_N_REGIONS, NULL);

  return _(regions[region].label);
}
