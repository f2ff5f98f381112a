/* fuzz-scenario-manifest.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "govorun-scenario-manifest.h"

/* libFuzzer entry point: a scenario's first line, as anyone with the
 * account may have written it. The parser gives a manifest or an error,
 * never both; what it accepts, the writer writes again and the parser
 * reads back as the same set-up (so an adopted agent deploys what it read). */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunScenarioManifest) m = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GovorunScenarioManifest) again = NULL;

  m = govorun_scenario_manifest_parse ((const char *) data, size, &error);
  g_assert ((m == NULL) != (error == NULL));
  if (m == NULL)
    return 0;

  line = govorun_scenario_manifest_to_line (m, NULL);
  g_assert_nonnull (line);
  g_assert_null (strchr (line, '\n'));
  again = govorun_scenario_manifest_parse (line, -1, NULL);
  g_assert_nonnull (again);
  g_assert_true (govorun_scenario_manifest_same_setup (m, again));
  g_assert_cmpint (again->revision, ==, m->revision);
  return 0;
}
