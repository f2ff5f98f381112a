/* govorun-provisioner-drift.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-format.h"
#include "govorun-provisioner-private.h"

/* What a routing rule's pattern takes calls to, in words: any number, the
 * numbers themselves (Govorun's own "(digits|digits)"), or, for a pattern
 * written elsewhere, the pattern quoted. */
static char *
describe_pattern (const char *pattern)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *inner = NULL;
  g_auto(GStrv) parts = NULL;
  gsize len = pattern != NULL ? strlen (pattern) : 0;

  if (g_strcmp0 (pattern, ".*") == 0)
    return g_strdup (_("any number"));

  inner = len > 2 && pattern[0] == '(' && pattern[len - 1] == ')' ? g_strndup (pattern + 1, len - 2)
                                                                   : g_strdup (pattern != NULL ? pattern : "");
  parts = g_strsplit (inner, "|", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *shown = NULL;
      gsize n = strlen (parts[i]);

      for (gsize j = 0; j < n; j++)
        if (!g_ascii_isdigit (parts[i][j]))
          n = 0;
      if (n < 7 || n > 15)
        /* Translators: %s is a routing rule's pattern, e.g. “7.*” */
        return g_strdup_printf (_("numbers matching “%s”"), pattern != NULL ? pattern : "");

      shown = govorun_format_phone_number_in_text (parts[i]);
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, shown);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

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
      else if (!govorun_scenario_manifest_same_script (s->script, s->wanted_script))
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
        {
          g_autofree char *wanted = describe_pattern (rule->wanted_pattern);
          g_autofree char *actual = describe_pattern (rule->pattern);

          /* Translators: a rule's name, then what it should and what it does
           * take calls to: “any number”, phone numbers, or “numbers matching …” */
          g_ptr_array_add (run->drift, g_strdup_printf (_("The routing rule “%s” should take calls to %s, but takes calls to %s."),
                                                        rule->name, wanted, actual));
        }
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

