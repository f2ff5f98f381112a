/* govorun-provisioner-manifest.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-profile-records.h"
#include "govorun-provisioner-private.h"

/*
 * Several computers, one account. Every scenario the provisioner uploads
 * starts with a manifest (govorun-scenario-manifest.h) carrying a revision
 * and the id of the installation that deployed it; the agent keeps the
 * revision and id it last deployed or adopted. Before a deploy, roll back
 * or delete, the newest manifest in the account must be that one: if
 * another computer deployed since, the run stops with CHANGED_ELSEWHERE
 * before sending anything, naming the computer and the time. A deploy that
 * changes the account writes revision + 1 into every scenario of the agent.
 */

static void
on_computer_id (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  run->computer_id = govorun_profile_records_computer_id_finish (GOVORUN_STORE (object), result, &error);
  if (run->computer_id == NULL)
    _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, error);
  _govorun_provisioner_stage_dec (run);
}

/* Within the current stage. */
void
_govorun_provisioner_load_computer_id (Run *run)
{
  run->pending++;
  govorun_profile_records_computer_id_async (run_self (run)->store, g_task_get_cancellable (run->task),
                                             on_computer_id, g_object_ref (run->task));
}

void
_govorun_provisioner_read_current (Run *run)
{
  g_clear_pointer (&run->current, govorun_scenario_manifest_free);
  for (guint k = 0; k < N_KINDS; k++)
    {
      Obj *scenario = &run->scenarios[k];
      GovorunScenarioManifest *manifest;

      if (!scenario->exists || scenario->script == NULL)
        continue;
      /* A damaged manifest counts as none: the scenario's text is then
       * compared as a whole, and drift says it was changed. */
      manifest = govorun_scenario_manifest_parse (scenario->script, -1, NULL);
      if (manifest == NULL)
        continue;
      if (run->current == NULL || manifest->revision > run->current->revision)
        {
          g_clear_pointer (&run->current, govorun_scenario_manifest_free);
          run->current = manifest;
        }
      else
        govorun_scenario_manifest_free (manifest);
    }
  run->new_revision = MAX (run->current != NULL ? run->current->revision : 0,
                           govorun_agent_get_seen_revision (run->agent)) + 1;
}

gboolean
_govorun_provisioner_check_elsewhere (Run *run)
{
  GovorunScenarioManifest *current = run->current;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *shown = NULL;

  /* This computer's own manifest is never a conflict, even from a deploy
   * that stopped half-way before the agent was saved. */
  if (current == NULL
      || g_strcmp0 (current->computer_id, run->computer_id) == 0
      || (current->revision == govorun_agent_get_seen_revision (run->agent)
          && g_strcmp0 (current->computer_id, govorun_agent_get_seen_computer (run->agent)) == 0))
    return TRUE;

  when = g_date_time_new_from_unix_local (current->time);
  /* Translators: a date and time, see the GLib g_date_time_format() manual */
  shown = when != NULL ? g_date_time_format (when, C_("manifest time", "%x %H:%M")) : g_strdup ("?");
  run_self (run)->last_rounds = run->rounds;
  g_task_return_new_error (run->task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_CHANGED_ELSEWHERE,
                           /* Translators: the first %s is a computer's name, the second a date and time */
                           _("The agent was deployed from another computer, “%s”, on %s, after this computer last saw it. Load their version, or replace it with yours knowingly."),
                           current->host, shown);
  return FALSE;
}

GovorunScenarioManifest *
_govorun_provisioner_manifest_for_run (Run *run)
{
  GovorunScenarioManifest *m = govorun_scenario_manifest_new ();
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  gboolean webhook = govorun_agent_get_engine (run->agent) == GOVORUN_AGENT_ENGINE_WEBHOOK;
  /* Host names are ASCII; anything else becomes "-" rather than fail the deploy. */
  const char *name = run_self (run)->host_name != NULL ? run_self (run)->host_name : g_get_host_name ();
  g_autofree char *host = g_strcanon (g_strndup (name, 64),
                                      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._", '-');

  m->agent_name = g_strdup (govorun_agent_get_name (run->agent));
  m->slug = g_strdup (run->slug);
  m->inbound = govorun_agent_get_inbound (run->agent);
  m->outbound = govorun_agent_get_outbound (run->agent);
  m->webhook = webhook;
  if (webhook)
    {
      m->webhook_url = g_strdup (govorun_agent_get_webhook_url (run->agent));
      m->tenant_slug = g_strdup (govorun_agent_get_tenant_slug (run->agent));
      m->language = g_strdup (govorun_agent_get_bot_language (run->agent));
      m->voice = g_strdup (govorun_agent_get_bot_voice (run->agent));
    }
  else
    {
      m->el_agent_id = g_strdup (govorun_agent_get_el_agent_id (run->agent));
      if (run->el_account != NULL)
        m->el_account_hint = g_strdup (govorun_account_get_display_name (run->el_account));
    }
  m->record = govorun_agent_get_record (run->agent);
  m->key_in_scenario = run->key_in_scenario;
  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);

      govorun_scenario_manifest_add_number (m, number->phone_id, number->number);
    }
  m->generator = g_strdup_printf ("Govorun %s", PACKAGE_VERSION);
  m->revision = run->new_revision > 0 ? run->new_revision : 1;
  m->computer_id = g_strdup (run->computer_id);
  m->host = g_strdup (host[0] != '\0' ? host : "localhost");
  m->time = g_get_real_time () / G_USEC_PER_SEC;
  return m;
}

void
_govorun_provisioner_accept_current (Run *run)
{
  if (run->current != NULL)
    govorun_agent_set_seen_manifest (run->agent, run->current->revision, run->current->computer_id);
  _govorun_provisioner_save_agent (run);
}
