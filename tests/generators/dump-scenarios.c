/* dump-scenarios.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Writes every kind of scenario, generated from hostile values and from
 * the defaults, into a folder, for build-aux/typecheck-scenarios.sh.
 *
 *   dump-scenarios DIR
 */
#include "config.h"

#include <stdio.h>

#include "hostile-params.h"

static gboolean
dump (const char                  *dir,
      const char                  *name,
      GovorunScenarioKind          kind,
      const GovorunScenarioParams *params)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = govorun_scenario_generate (kind, params, &error);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (script == NULL || !g_file_set_contents (path, script, -1, &error))
    {
      fprintf (stderr, "%s: %s\n", name, error->message);
      return FALSE;
    }
  printf ("%s\n", path);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  GovorunScenarioParams hostile;
  GovorunScenarioParams plain;
  gboolean ok = TRUE;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s DIR\n", argv[0]);
      return 2;
    }

  hostile_params (&hostile);
  /* Only what each kind requires: every default, no residency host. */
  govorun_scenario_params_init (&plain);
  plain.elevenlabs_agent_id = "agent_01abc";
  plain.elevenlabs_api_key = "sk_plain_0123456789";
  plain.caller_id = "74951234567";
  plain.webhook_url = "https://bot.example.com/hook";
  plain.tenant_slug = "clinic";
  /* As deployed: the key from the application's secret (the hostile set
   * keeps the embedded key of accounts without secret storage). */
  plain.elevenlabs_api_key_secret = GOVORUN_SCENARIO_KEY_SECRET_NAME;

  for (guint i = 0; i < 2; i++)
    {
      GovorunScenarioParams *params = i == 0 ? &hostile : &plain;
      const char *suffix = i == 0 ? "hostile" : "plain";
      g_autofree char *inbound = g_strdup_printf ("inbound-%s.js", suffix);
      g_autofree char *outbound = g_strdup_printf ("outbound-%s.js", suffix);
      g_autofree char *outbound_bot = g_strdup_printf ("outbound-webhook-bot-%s.js", suffix);
      g_autofree char *webhook_bot = g_strdup_printf ("webhook-bot-%s.js", suffix);

      params->engine = GOVORUN_SCENARIO_ENGINE_ELEVENLABS;
      ok = dump (argv[1], inbound, GOVORUN_SCENARIO_INBOUND, params) && ok;
      ok = dump (argv[1], outbound, GOVORUN_SCENARIO_OUTBOUND, params) && ok;
      ok = dump (argv[1], webhook_bot, GOVORUN_SCENARIO_WEBHOOK_BOT, params) && ok;
      params->engine = GOVORUN_SCENARIO_ENGINE_WEBHOOK_BOT;
      ok = dump (argv[1], outbound_bot, GOVORUN_SCENARIO_OUTBOUND, params) && ok;
    }

  return ok ? 0 : 1;
}
