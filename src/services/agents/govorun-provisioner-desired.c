/* govorun-provisioner-desired.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include "govorun-provisioner-private.h"
#include "govorun-secrets.h"

/* What the agent wants in the account: scenario texts, the rule a number
 * should be bound to, whether a rule matches. */

static char *
caller_id (Run *run)
{
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GovorunAgentNumber *first;

  if (numbers->len == 0)
    return NULL;
  first = g_ptr_array_index (numbers, 0);
  return g_strdup_printf ("+%s", first->number[0] == '+' ? first->number + 1 : first->number);
}

char *
_govorun_provisioner_generate (Run                  *run,
                               GovorunScenarioKind   kind,
                               GError              **error)
{
  GovorunScenarioParams params;
  g_autofree char *caller = caller_id (run);
  g_autoptr(GovorunScenarioManifest) manifest = _govorun_provisioner_manifest_for_run (run);

  govorun_scenario_params_init (&params);
  params.agent_name = govorun_agent_get_name (run->agent);
  params.elevenlabs_agent_id = govorun_agent_get_el_agent_id (run->agent);
  params.elevenlabs_api_key = run->el_key;
  /* The application's secret holds the key unless the account has no
   * secret storage. */
  params.elevenlabs_api_key_secret = run->key_in_scenario ? NULL : GOVORUN_SCENARIO_KEY_SECRET_NAME;
  params.elevenlabs_base_url = run->el_url;
  params.caller_id = caller;
  params.record = govorun_agent_get_record (run->agent);
  params.webhook_url = govorun_agent_get_webhook_url (run->agent);
  params.tenant_slug = govorun_agent_get_tenant_slug (run->agent);
  params.language = govorun_agent_get_bot_language (run->agent);
  params.tts_voice = govorun_agent_get_bot_voice (run->agent);
  params.engine = govorun_agent_get_engine (run->agent) == GOVORUN_AGENT_ENGINE_WEBHOOK
                  ? GOVORUN_SCENARIO_ENGINE_WEBHOOK_BOT : GOVORUN_SCENARIO_ENGINE_ELEVENLABS;
  params.manifest = manifest;
  return govorun_scenario_generate (kind, &params, error);
}

gboolean
_govorun_provisioner_scripts_generate (Run *run)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GError) error = NULL;
      Obj *scenario = &run->scenarios[k];

      if (!scenario->wanted)
        continue;
      g_clear_pointer (&scenario->wanted_script, govorun_secret_free);
      scenario->wanted_script = _govorun_provisioner_generate (run, k, &error);
      if (scenario->wanted_script == NULL)
        {
          _govorun_provisioner_run_fail (run, kind_step_id (k), WHAT_CREATE_SCENARIO, scenario->name, error);
          return FALSE;
        }
    }
  return TRUE;
}

gint64
_govorun_provisioner_wanted_rule_id (Run *run)
{
  return govorun_agent_get_inbound (run->agent) ? run->rules[0].id : 0;
}

gboolean
_govorun_provisioner_phone_bound_right (Run   *run,
                                        Phone *phone)
{
  return phone != NULL && run->app.exists && phone->application_id == run->app.id
         && phone->rule_id == _govorun_provisioner_wanted_rule_id (run);
}

gboolean
_govorun_provisioner_rule_needs_update (Run *run,
                                        Obj *rule)
{
  Obj *scenario = &run->scenarios[rule->wanted_kind];
  gboolean bound = FALSE;

  if (g_strcmp0 (rule->pattern, rule->wanted_pattern) != 0 || !scenario->exists)
    return TRUE;
  for (guint i = 0; i < rule->scenario_ids->len; i++)
    {
      if (g_array_index (rule->scenario_ids, gint64, i) == scenario->id)
        bound = TRUE;
      else
        return TRUE;   /* another scenario is bound too */
    }
  return !bound;
}
