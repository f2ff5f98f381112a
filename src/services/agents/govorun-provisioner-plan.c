/* govorun-provisioner-plan.c
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

/* A step of the plan, with its sentence (@description is consumed). */
static GovorunPlanStep *
plan_step_new (const char        *id,
               GovorunPlanAction  action,
               const char        *object_type,
               const char        *name,
               char              *description)
{
  g_autofree char *text = description;

  return govorun_plan_step_new (id, action, object_type, name, text);
}

/* Compares what the account has with what the agent wants; the order of
 * the steps is the order apply follows. */
GovorunPlan *
_govorun_provisioner_build_plan (Run *run)
{
  GovorunPlan *plan = govorun_plan_new ();
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GHashTableIter iter;
  gpointer key;

  g_ptr_array_add (plan->steps,
                   run->app.exists
                   ? plan_step_new ("application", GOVORUN_PLAN_REUSE, "application", run->app.name,
                                    g_strdup_printf (_("Use the existing application “%s”"), run->app.name))
                   : plan_step_new ("application", GOVORUN_PLAN_CREATE, "application", run->app.name,
                                    g_strdup_printf (_("Create the application “%s”"), run->app.name)));

  if (_govorun_provisioner_secret_wanted (run))
    g_ptr_array_add (plan->steps,
                     plan_step_new ("secret", GOVORUN_PLAN_CREATE, "secret", GOVORUN_SCENARIO_KEY_SECRET_NAME,
                                    g_strdup_printf (_("Keep the ElevenLabs key in the application’s secret “%s”, out of the scenario text"),
                                                     GOVORUN_SCENARIO_KEY_SECRET_NAME)));

  for (guint k = 0; k < N_KINDS; k++)
    {
      Obj *s = &run->scenarios[k];

      if (s->wanted && !s->exists)
        g_ptr_array_add (plan->steps, plan_step_new (kind_step_id (k), GOVORUN_PLAN_CREATE, "scenario", s->name,
                                                     g_strdup_printf (_("Create the scenario “%s”"), s->name)));
      else if (s->wanted && !govorun_scenario_manifest_same_script (s->script, s->wanted_script))
        g_ptr_array_add (plan->steps, plan_step_new (kind_step_id (k), GOVORUN_PLAN_UPDATE, "scenario", s->name,
                                                     g_strdup_printf (_("Update the scenario “%s”"), s->name)));
      else if (s->wanted)
        g_ptr_array_add (plan->steps, plan_step_new (kind_step_id (k), GOVORUN_PLAN_REUSE, "scenario", s->name,
                                                     g_strdup_printf (_("Keep the scenario “%s” as it is"), s->name)));
    }

  for (guint r = 0; r < 2; r++)
    {
      Obj *rule = &run->rules[r];

      if (rule->wanted && !rule->exists)
        g_ptr_array_add (plan->steps, plan_step_new (rule_step_id (r), GOVORUN_PLAN_CREATE, "rule", rule->name,
                                                     g_strdup_printf (_("Create the routing rule “%s”"), rule->name)));
      else if (rule->wanted && _govorun_provisioner_rule_needs_update (run, rule))
        g_ptr_array_add (plan->steps, plan_step_new (rule_step_id (r), GOVORUN_PLAN_UPDATE, "rule", rule->name,
                                                     g_strdup_printf (_("Update the routing rule “%s”"), rule->name)));
      else if (rule->wanted)
        g_ptr_array_add (plan->steps, plan_step_new (rule_step_id (r), GOVORUN_PLAN_REUSE, "rule", rule->name,
                                                     g_strdup_printf (_("Keep the routing rule “%s” as it is"), rule->name)));
    }

  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);
      Phone *phone = g_hash_table_lookup (run->phones, &number->phone_id);
      g_autofree char *step_id = g_strdup_printf ("bind-%" G_GINT64_FORMAT, number->phone_id);
      const char *digits = number->number[0] == '+' ? number->number + 1 : number->number;
      g_autofree char *shown = govorun_format_phone_number_in_text (number->number);

      if (_govorun_provisioner_phone_bound_right (run, phone) && !_govorun_provisioner_rule_needs_update (run, &run->rules[0]) && run->rules[0].exists)
        g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_REUSE, "binding", digits,
                                                     g_strdup_printf (_("The number %s is already bound to the agent"), shown)));
      else
        g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_BIND, "binding", digits,
                                                     g_strdup_printf (_("Bind the number %s to the agent"), shown)));
    }

  /* What an edit leaves behind: only Govorun's own objects go. */
  g_hash_table_iter_init (&iter, run->phones);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Phone *phone = g_hash_table_lookup (run->phones, key);
      g_autofree char *name = id_text (phone->phone_id);

      if (!govorun_agent_has_phone_id (run->agent, phone->phone_id) && _govorun_provisioner_is_owned (run, "binding", name)
          && run->app.exists && phone->application_id == run->app.id)
        {
          g_autofree char *step_id = g_strdup_printf ("unbind-%" G_GINT64_FORMAT, phone->phone_id);
          g_autofree char *shown = govorun_format_phone_number_in_text (phone->number);

          g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_UNBIND, "binding", phone->number,
                                                       g_strdup_printf (_("Unbind the number %s from the agent"), shown)));
        }
    }
  for (guint r = 0; r < 2; r++)
    {
      Obj *rule = &run->rules[r];

      if (!rule->wanted && rule->exists && _govorun_provisioner_is_owned (run, "rule", rule->name))
        {
          g_autofree char *step_id = g_strconcat ("delete-", rule_step_id (r), NULL);

          g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_DELETE, "rule", rule->name,
                                                       g_strdup_printf (_("Delete the routing rule “%s”"), rule->name)));
        }
    }
  for (guint k = 0; k < N_KINDS; k++)
    {
      Obj *s = &run->scenarios[k];

      if (!s->wanted && s->exists && _govorun_provisioner_is_owned (run, "scenario", s->name))
        {
          g_autofree char *step_id = g_strconcat ("delete-", kind_step_id (k), NULL);

          g_ptr_array_add (plan->steps, plan_step_new (step_id, GOVORUN_PLAN_DELETE, "scenario", s->name,
                                                       g_strdup_printf (_("Delete the scenario “%s”"), s->name)));
        }
    }

  return plan;
}
