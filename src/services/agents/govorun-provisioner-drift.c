/* govorun-provisioner-drift.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-format.h"
#include "govorun-provisioner-private.h"

/* Compares the account with what the agent wants, in sentences for people;
 * the agent is saved DRIFTED, or READY again when a drifted agent matches. */
void
_govorun_provisioner_check_drift (Run *run)
{
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GovorunAgentState state = govorun_agent_get_state (run->agent);

  run->drift = g_ptr_array_new_with_free_func (g_free);

  if (!run->app.exists)
    g_ptr_array_add (run->drift, g_strdup_printf (_("The application “%s” is missing from the Voximplant account."),
                                                  run->app.name));
  for (guint k = 0; k < N_KINDS; k++)
    {
      Obj *s = &run->scenarios[k];

      if (!s->wanted)
        continue;
      if (!s->exists)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The scenario “%s” is missing from the Voximplant account."),
                                                      s->name));
      else if (g_strcmp0 (s->script, s->wanted_script) != 0)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The scenario “%s” was changed in the Voximplant account."),
                                                      s->name));
    }
  for (guint r = 0; r < 2; r++)
    {
      Obj *rule = &run->rules[r];
      Obj *s = &run->scenarios[rule->wanted_kind];
      gboolean bound = FALSE;

      if (!rule->wanted)
        continue;
      if (!rule->exists)
        {
          g_ptr_array_add (run->drift, g_strdup_printf (_("The routing rule “%s” is missing from the Voximplant account."),
                                                        rule->name));
          continue;
        }
      if (g_strcmp0 (rule->pattern, rule->wanted_pattern) != 0)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The routing rule “%s” matches “%s” instead of “%s”."),
                                                      rule->name, rule->pattern, rule->wanted_pattern));
      for (guint i = 0; i < rule->scenario_ids->len; i++)
        bound |= s->exists && g_array_index (rule->scenario_ids, gint64, i) == s->id;
      if (!bound || rule->scenario_ids->len != 1)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The routing rule “%s” does not start just the scenario “%s”."),
                                                      rule->name, s->name));
    }
  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);
      Phone *phone = g_hash_table_lookup (run->phones, &number->phone_id);
      g_autofree char *shown = govorun_format_phone_number_in_text (number->number);

      if (phone == NULL)
        g_ptr_array_add (run->drift, g_strdup_printf (_("The number %s is no longer in the Voximplant account."), shown));
      else if (!_govorun_provisioner_phone_bound_right (run, phone))
        g_ptr_array_add (run->drift, g_strdup_printf (_("The number %s is not bound to the agent’s application and rule."), shown));
    }

  if (run->drift->len > 0)
    govorun_agent_set_state (run->agent, GOVORUN_AGENT_STATE_DRIFTED);
  else if (state == GOVORUN_AGENT_STATE_DRIFTED)
    govorun_agent_set_state (run->agent, GOVORUN_AGENT_STATE_READY);
  _govorun_provisioner_save_agent (run);
}

