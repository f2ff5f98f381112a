/* fuzz-widget-settings.c
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

#include "govorun-elevenlabs-widget-private.h"
#include "govorun-json.h"

/* libFuzzer entry point: whatever an agent's answer holds in its
 * platform_settings (widget, auth, overrides), the widget settings parser
 * returns settings or an error, never crashes, and what it returns is
 * within the bounds the flows rely on. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunElevenlabsWidgetSettings) settings = NULL;

  if (size > 1 << 20)
    return 0;

  root = govorun_json_parse ((const char *) data, size, GOVORUN_JSON_ANSWER, NULL);
  if (root == NULL)
    return 0;

  settings = _govorun_elevenlabs_parse_widget_settings (root, &error);
  g_assert ((settings == NULL) == (error != NULL));
  if (settings != NULL)
    {
      g_assert (settings->allowlist != NULL && g_strv_length (settings->allowlist) <= 1000);
      g_assert (settings->dynamic_variable_names != NULL);
      g_assert (settings->variant != NULL && settings->placement != NULL);
      g_assert (settings->bg_color != NULL && strlen (settings->bg_color) == 7);
      for (guint i = 0; settings->allowlist[i] != NULL; i++)
        g_assert (*settings->allowlist[i] != '\0' && strlen (settings->allowlist[i]) <= 253);
    }

  return 0;
}
