/* govorun-provisioner-rollback.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include "govorun-provisioner-private.h"

/*
 * Removing Govorun's own objects (those with a provider_objects row), for
 * an edit's clean-up and for rollback: bindings, then rules, then
 * scenarios, then the application, each stage once the one before has
 * answered (a later object may still be referenced by an earlier one);
 * objects Govorun merely reused stay.
 */

static void
on_unbound (Run                     *run,
            GovorunVoximplantClient *client,
            GAsyncResult            *result,
            gpointer                 data)
{
  GArray *ids = data;
  g_autoptr(GError) error = NULL;

  if (!govorun_voximplant_client_bind_phone_number_to_application_finish (client, result, &error))
    {
      _govorun_provisioner_fail_numbers (run, ids, "unbind", WHAT_UNBIND, error);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      Phone *phone = g_hash_table_lookup (run->phones, &id);
      g_autofree char *name = id_text (id);

      if (phone != NULL)
        phone->application_id = phone->rule_id = 0;
      _govorun_provisioner_record_forget (run, "binding", name);
    }
  _govorun_provisioner_emit_binds (run, ids, "unbind", GOVORUN_STEP_DONE, NULL);
}

/* Unbinds the numbers Govorun bound (all of them, or those no longer the
 * agent's); forgets bindings that are gone anyway. Within the current stage. */
void
_govorun_provisioner_remove_bindings (Run      *run,
                                      gboolean  everything)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer record;

  /* A copy: forgetting a record changes the table. */
  g_hash_table_iter_init (&iter, run->records);
  while (g_hash_table_iter_next (&iter, &record, NULL))
    g_ptr_array_add (keys, g_strdup (record));

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *name;
      gint64 id;
      Phone *phone;

      if (!g_str_has_prefix (key, "binding\n"))
        continue;
      name = key + strlen ("binding\n");
      if (!g_ascii_string_to_signed (name, 10, 1, G_MAXINT64, &id, NULL))
        continue;
      if (!everything && govorun_agent_has_phone_id (run->agent, id))
        continue;
      phone = g_hash_table_lookup (run->phones, &id);
      if (phone != NULL && run->app.exists && phone->application_id == run->app.id)
        g_array_append_val (ids, id);
      else
        {
          g_autofree char *copy = g_strdup (name);

          _govorun_provisioner_record_forget (run, "binding", copy);
        }
    }

  if (ids->len > 0)
    {
      _govorun_provisioner_emit_binds (run, ids, "unbind", GOVORUN_STEP_RUNNING, NULL);
      govorun_voximplant_client_bind_phone_number_to_application_async (run->client, (const gint64 *) ids->data,
                                                                        ids->len, run->app.id, 0, FALSE,
                                                                        run_cancellable (run),
                                                                        _govorun_provisioner_on_reply,
                                                                        _govorun_provisioner_request (run, on_unbound, g_array_ref (ids),
                                                                                                      (GDestroyNotify) g_array_unref));
    }
}

static void
on_object_deleted (Run                     *run,
                   GovorunVoximplantClient *client,
                   GAsyncResult            *result,
                   gpointer                 data)
{
  Obj *obj = data;
  g_autofree char *step_id = NULL;
  g_autoptr(GError) error = NULL;
  const char *type;
  What what;
  gboolean deleted;

  if (obj == &run->app)
    {
      deleted = govorun_voximplant_client_del_application_finish (client, result, &error);
      type = "application";
      what = WHAT_DELETE_APPLICATION;
      step_id = g_strdup ("delete-application");
    }
  else if (obj == &run->rules[0] || obj == &run->rules[1])
    {
      deleted = govorun_voximplant_client_del_rule_finish (client, result, &error);
      type = "rule";
      what = WHAT_DELETE_RULE;
      step_id = g_strconcat ("delete-", rule_step_id (obj - run->rules), NULL);
    }
  else
    {
      deleted = govorun_voximplant_client_del_scenario_finish (client, result, &error);
      type = "scenario";
      what = WHAT_DELETE_SCENARIO;
      step_id = g_strconcat ("delete-", kind_step_id (obj - run->scenarios), NULL);
    }

  /* Already gone counts as deleted. */
  if (!deleted && !g_error_matches (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND))
    {
      _govorun_provisioner_run_fail (run, step_id, what, obj->name, error);
      return;
    }
  obj->exists = FALSE;
  _govorun_provisioner_record_forget (run, type, obj->name);
  _govorun_provisioner_emit_step (run, step_id, GOVORUN_STEP_DONE, NULL);
}

static void
remove_object (Run        *run,
               Obj        *obj,
               const char *type,
               const char *step_id)
{
  gpointer request;

  if (!_govorun_provisioner_is_owned (run, type, obj->name))
    return;
  if (!obj->exists)
    {
      _govorun_provisioner_record_forget (run, type, obj->name);
      return;
    }
  _govorun_provisioner_emit_step (run, step_id, GOVORUN_STEP_RUNNING, NULL);
  request = _govorun_provisioner_request (run, on_object_deleted, obj, NULL);
  /* DelRule wants the application as well (S2; see the emulator). */
  if (obj == &run->app)
    govorun_voximplant_client_del_application_async (run->client, obj->id, run_cancellable (run),
                                                     _govorun_provisioner_on_reply, request);
  else if (g_str_equal (type, "rule"))
    govorun_voximplant_client_del_rule_async (run->client, obj->id, run->app.id, run_cancellable (run),
                                              _govorun_provisioner_on_reply, request);
  else
    govorun_voximplant_client_del_scenario_async (run->client, obj->id, run_cancellable (run),
                                                  _govorun_provisioner_on_reply, request);
}

/* Rules reference scenarios: remove them in a stage of their own, before
 * the scenarios (_govorun_provisioner_remove_scenarios), so that no
 * DelScenario goes out while a rule still names it. */
void
_govorun_provisioner_remove_rules (Run      *run,
                                   gboolean  everything)
{
  for (guint r = 0; r < 2; r++)
    if (everything || !run->rules[r].wanted)
      {
        g_autofree char *step_id = g_strconcat ("delete-", rule_step_id (r), NULL);

        remove_object (run, &run->rules[r], "rule", step_id);
      }
}

void
_govorun_provisioner_remove_scenarios (Run      *run,
                                       gboolean  everything)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (everything || !run->scenarios[k].wanted)
      {
        g_autofree char *step_id = g_strconcat ("delete-", kind_step_id (k), NULL);

        remove_object (run, &run->scenarios[k], "scenario", step_id);
      }
}

/* --- rollback ---------------------------------------------------------------- */

static void rollback_rules (Run *run);
static void rollback_rules_flushed (Run *run);
static void rollback_scenarios (Run *run);
static void rollback_scenarios_flushed (Run *run);
static void rollback_app (Run *run);
static void rollback_app_flushed (Run *run);
static void rollback_done (Run *run);

void
_govorun_provisioner_rollback_begin (Run *run)
{
  _govorun_provisioner_stage_begin (run, rollback_rules);
  _govorun_provisioner_remove_bindings (run, TRUE);
  _govorun_provisioner_stage_end (run);
}

static void
rollback_rules (Run *run)
{
  _govorun_provisioner_flush_records (run, rollback_rules_flushed);
}

static void
rollback_rules_flushed (Run *run)
{
  _govorun_provisioner_stage_begin (run, rollback_scenarios);
  _govorun_provisioner_remove_rules (run, TRUE);
  _govorun_provisioner_stage_end (run);
}

static void
rollback_scenarios (Run *run)
{
  _govorun_provisioner_flush_records (run, rollback_scenarios_flushed);
}

static void
rollback_scenarios_flushed (Run *run)
{
  _govorun_provisioner_stage_begin (run, rollback_app);
  _govorun_provisioner_remove_scenarios (run, TRUE);
  _govorun_provisioner_remove_secret (run, TRUE);
  _govorun_provisioner_stage_end (run);
}

static void
rollback_app (Run *run)
{
  _govorun_provisioner_flush_records (run, rollback_app_flushed);
}

static void
rollback_app_flushed (Run *run)
{
  _govorun_provisioner_stage_begin (run, rollback_done);
  remove_object (run, &run->app, "application", "delete-application");
  _govorun_provisioner_stage_end (run);
}

static void
rollback_saved (Run *run)
{
  g_object_freeze_notify (G_OBJECT (run->agent));
  govorun_agent_set_state (run->agent, GOVORUN_AGENT_STATE_DRAFT);
  /* The scenarios, and their manifests, are gone. */
  govorun_agent_set_seen_manifest (run->agent, 0, NULL);
  govorun_agent_set_last_step (run->agent, NULL);
  govorun_agent_set_last_error (run->agent, NULL);
  govorun_agent_set_application_id (run->agent, 0);
  govorun_agent_set_application_name (run->agent, NULL);
  govorun_agent_set_key_in_scenario (run->agent, FALSE);
  g_object_thaw_notify (G_OBJECT (run->agent));
  _govorun_provisioner_save_agent (run);
}

static void
rollback_done (Run *run)
{
  _govorun_provisioner_flush_records (run, rollback_saved);
}
