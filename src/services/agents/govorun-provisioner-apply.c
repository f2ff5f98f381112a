/* govorun-provisioner-apply.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-provisioner-private.h"

/*
 * Apply, stage by stage: the application, the key's secret, the scenarios, the inbound
 * rule, the outbound rule, the bindings, then the clean-up of what an edit
 * left behind (rules before the scenarios they may reference). Each Add* is
 * recorded as Govorun's before it is sent; "already exists" answers (129,
 * 133, 175) are met by reading the object back.
 */

static void apply_scenarios_prepare (Run *run);
static void apply_scenarios (Run *run);
static void apply_rules_prepare (Run *run);
static void apply_rule_inbound (Run *run);
static void apply_rule_outbound (Run *run);
static void apply_bind_prepare (Run *run);
static void apply_bind (Run *run);
static void apply_cleanup (Run *run);
static void apply_cleanup_scenarios (Run *run);
static void apply_finish (Run *run);
static void apply_done (Run *run);

/* After "already exists" and a re-read: whether @obj was found; if the
 * answer did not have it, @step_id fails. */
static gboolean
found_again (Run        *run,
             Obj        *obj,
             const char *method,
             const char *step_id,
             What        what)
{
  g_autoptr(GError) error = NULL;

  if (run->error != NULL)
    return FALSE;
  if (obj->exists)
    return TRUE;
  _govorun_provisioner_set_bad_response (&error, method);
  _govorun_provisioner_run_fail (run, step_id, what, obj->name, error);
  return FALSE;
}

static void
on_app_reread (Run                     *run,
               GovorunVoximplantClient *client,
               GAsyncResult            *result,
               gpointer                 data)
{
  _govorun_provisioner_read_applications (run, client, result, data);
  if (found_again (run, &run->app, "GetApplications", "application", WHAT_CREATE_APPLICATION))
    _govorun_provisioner_emit_step (run, "application", GOVORUN_STEP_DONE, NULL);
}

static void
on_app_added (Run                     *run,
              GovorunVoximplantClient *client,
              GAsyncResult            *result,
              gpointer                 data)
{
  g_autoptr(GovorunVoximplantApplication) added = NULL;
  g_autoptr(GError) error = NULL;

  added = govorun_voximplant_client_add_application_finish (client, result, &error);
  if (added == NULL)
    {
      if (govorun_voximplant_error_get_provider_code (error) == 129)
        {
          govorun_voximplant_client_get_applications_async (client, run->app.name, PAGE, 0, run_cancellable (run),
                                                            _govorun_provisioner_on_reply,
                                                            _govorun_provisioner_request (run, on_app_reread, NULL, NULL));
          return;
        }
      _govorun_provisioner_record_refused (run, "application", run->app.name, error);
      _govorun_provisioner_run_fail (run, "application", WHAT_CREATE_APPLICATION, run->app.name, error);
      return;
    }
  run->app.exists = TRUE;
  run->app.id = added->application_id;
  g_free (run->app.script);
  run->app.script = g_strdup (added->application_name);
  _govorun_provisioner_record_id (run, "application", run->app.name, added->application_id);
  _govorun_provisioner_emit_step (run, "application", GOVORUN_STEP_DONE, NULL);
}

static void
emit_plan_pending (Run *run)
{
  for (guint i = 0; i < run->plan->steps->len; i++)
    {
      GovorunPlanStep *step = g_ptr_array_index (run->plan->steps, i);

      _govorun_provisioner_emit_step (run, step->id, GOVORUN_STEP_PENDING, NULL);
    }
}

static void
apply_secret (Run *run)
{
  _govorun_provisioner_secret_apply (run, apply_scenarios_prepare);
}

static void
apply_app (Run *run)
{
  _govorun_provisioner_stage_begin (run, apply_secret);
  if (!run->app.exists)
    {
      _govorun_provisioner_emit_step (run, "application", GOVORUN_STEP_RUNNING, NULL);
      govorun_voximplant_client_add_application_async (run->client, run->app.name, TRUE, run_cancellable (run),
                                                       _govorun_provisioner_on_reply,
                                                       _govorun_provisioner_request (run, on_app_added, NULL, NULL));
    }
  else
    _govorun_provisioner_emit_step (run, "application", GOVORUN_STEP_SKIPPED, NULL);
  _govorun_provisioner_stage_end (run);
}

static void
apply_records (Run *run)
{
  if (!run->app.exists)
    _govorun_provisioner_record_intent (run, "application", run->app.name);
  _govorun_provisioner_flush_records (run, apply_app);
}

static void
on_marked (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  if (saved == NULL)
    _govorun_provisioner_run_fail (run, "save", WHAT_SAVE, NULL, error);
  _govorun_provisioner_stage_dec (run);
}

void
_govorun_provisioner_apply_begin (Run *run)
{
  run->plan = _govorun_provisioner_build_plan (run);
  for (guint i = 0; i < run->plan->steps->len; i++)
    run->deploying |= ((GovorunPlanStep *) g_ptr_array_index (run->plan->steps, i))->action != GOVORUN_PLAN_REUSE;
  emit_plan_pending (run);
  if (run->plan->steps->len == 0)
    {
      apply_records (run);
      return;
    }

  /* Saved before the first change, so a run that never ends (the app
   * killed, the machine off) leaves an agent that says so and offers
   * Continue, rather than "not set up yet" beside objects that exist.
   * The end of the run writes what really happened. */
  _govorun_provisioner_stage_begin (run, apply_records);
  run->pending++;
  g_object_freeze_notify (G_OBJECT (run->agent));
  govorun_agent_set_state (run->agent, GOVORUN_AGENT_STATE_PARTIAL);
  govorun_agent_set_last_error (run->agent, _("Setup was interrupted before it finished. Press Continue to finish it."));
  g_object_thaw_notify (G_OBJECT (run->agent));
  govorun_agent_store_save_async (run_self (run)->agents, run->agent, NULL, on_marked, g_object_ref (run->task));
  _govorun_provisioner_stage_end (run);
}

static void
apply_scenarios_prepare (Run *run)
{
  for (guint k = 0; k < N_KINDS; k++)
    if (run->scenarios[k].wanted && !run->scenarios[k].exists)
      _govorun_provisioner_record_intent (run, "scenario", run->scenarios[k].name);
  _govorun_provisioner_flush_records (run, apply_scenarios);
}

static void
on_scenario_set (Run                     *run,
                 GovorunVoximplantClient *client,
                 GAsyncResult            *result,
                 gpointer                 data)
{
  Obj *scenario = data;
  GovorunScenarioKind kind = scenario - run->scenarios;
  g_autoptr(GError) error = NULL;

  if (!govorun_voximplant_client_set_scenario_info_finish (client, result, &error))
    {
      _govorun_provisioner_run_fail (run, kind_step_id (kind), WHAT_UPDATE_SCENARIO, scenario->name, error);
      return;
    }
  g_free (scenario->script);
  scenario->script = g_strdup (scenario->wanted_script);
  _govorun_provisioner_emit_step (run, kind_step_id (kind), GOVORUN_STEP_DONE, NULL);
}

static void
set_scenario (Run *run,
              Obj *scenario)
{
  govorun_voximplant_client_set_scenario_info_async (run->client, scenario->id, NULL, scenario->wanted_script,
                                                     run_cancellable (run), _govorun_provisioner_on_reply,
                                                     _govorun_provisioner_request (run, on_scenario_set, scenario, NULL));
}

static void
on_scenario_reread (Run                     *run,
                    GovorunVoximplantClient *client,
                    GAsyncResult            *result,
                    gpointer                 data)
{
  Obj *scenario = data;
  GovorunScenarioKind kind = scenario - run->scenarios;

  _govorun_provisioner_read_scenarios (run, client, result, NULL);
  /* Its text is unknown: make it ours. */
  if (found_again (run, scenario, "GetScenarios", kind_step_id (kind), WHAT_CREATE_SCENARIO))
    set_scenario (run, scenario);
}

static void
on_scenario_added (Run                     *run,
                   GovorunVoximplantClient *client,
                   GAsyncResult            *result,
                   gpointer                 data)
{
  Obj *scenario = data;
  GovorunScenarioKind kind = scenario - run->scenarios;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = govorun_voximplant_client_add_scenario_finish (client, result, &error);
  if (id == 0)
    {
      if (govorun_voximplant_error_get_provider_code (error) == 133)
        {
          govorun_voximplant_client_get_scenarios_async (client, 0, scenario->name, FALSE, 0, 0, run_cancellable (run),
                                                         _govorun_provisioner_on_reply,
                                                         _govorun_provisioner_request (run, on_scenario_reread,
                                                                                       scenario, NULL));
          return;
        }
      _govorun_provisioner_record_refused (run, "scenario", scenario->name, error);
      _govorun_provisioner_run_fail (run, kind_step_id (kind), WHAT_CREATE_SCENARIO, scenario->name, error);
      return;
    }
  scenario->exists = TRUE;
  scenario->id = id;
  g_free (scenario->script);
  scenario->script = g_strdup (scenario->wanted_script);
  _govorun_provisioner_record_id (run, "scenario", scenario->name, id);
  _govorun_provisioner_emit_step (run, kind_step_id (kind), GOVORUN_STEP_DONE, NULL);
}

static void
apply_scenarios (Run *run)
{
  _govorun_provisioner_stage_begin (run, apply_rules_prepare);
  for (guint k = 0; k < N_KINDS; k++)
    {
      Obj *scenario = &run->scenarios[k];

      if (!scenario->wanted)
        continue;
      if (!scenario->exists)
        {
          _govorun_provisioner_emit_step (run, kind_step_id (k), GOVORUN_STEP_RUNNING, NULL);
          govorun_voximplant_client_add_scenario_async (run->client, scenario->name, scenario->wanted_script,
                                                        run->app.id, run_cancellable (run),
                                                        _govorun_provisioner_on_reply,
                                                        _govorun_provisioner_request (run, on_scenario_added,
                                                                                      scenario, NULL));
        }
      /* A deploy that changes anything gives every scenario the new
       * manifest revision, even one whose code stays the same. */
      else if (run->deploying ? g_strcmp0 (scenario->script, scenario->wanted_script) != 0
                              : !govorun_scenario_manifest_same_script (scenario->script, scenario->wanted_script))
        {
          _govorun_provisioner_emit_step (run, kind_step_id (k), GOVORUN_STEP_RUNNING, NULL);
          set_scenario (run, scenario);
        }
      else
        _govorun_provisioner_emit_step (run, kind_step_id (k), GOVORUN_STEP_SKIPPED, NULL);
    }
  _govorun_provisioner_stage_end (run);
}

static void
apply_rules_prepare (Run *run)
{
  for (guint r = 0; r < 2; r++)
    if (run->rules[r].wanted && !run->rules[r].exists)
      _govorun_provisioner_record_intent (run, "rule", run->rules[r].name);
  _govorun_provisioner_flush_records (run, apply_rule_inbound);
}

/* SetRuleInfo and BindScenario answer alike: done or an error. */
static void
rule_changed (Run          *run,
              Obj          *rule,
              const GError *error)
{
  guint r = rule - run->rules;

  if (error != NULL)
    {
      _govorun_provisioner_run_fail (run, rule_step_id (r), WHAT_UPDATE_RULE, rule->name, error);
      return;
    }
  _govorun_provisioner_emit_step (run, rule_step_id (r), GOVORUN_STEP_DONE, NULL);
}

static void
on_rule_info_set (Run                     *run,
                  GovorunVoximplantClient *client,
                  GAsyncResult            *result,
                  gpointer                 data)
{
  g_autoptr(GError) error = NULL;

  govorun_voximplant_client_set_rule_info_finish (client, result, &error);
  rule_changed (run, data, error);
}

static void
on_scenario_bound (Run                     *run,
                   GovorunVoximplantClient *client,
                   GAsyncResult            *result,
                   gpointer                 data)
{
  g_autoptr(GError) error = NULL;

  govorun_voximplant_client_bind_scenario_finish (client, result, &error);
  rule_changed (run, data, error);
}

/* Makes an existing rule match: its pattern, and only the agent's
 * scenario bound to it. @force: the rule's state is unknown. */
static void
update_rule (Run      *run,
             Obj      *rule,
             gboolean  force)
{
  Obj *scenario = &run->scenarios[rule->wanted_kind];
  g_autoptr(GArray) extras = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean bound = FALSE;

  for (guint i = 0; !force && i < rule->scenario_ids->len; i++)
    {
      gint64 id = g_array_index (rule->scenario_ids, gint64, i);

      if (id == scenario->id)
        bound = TRUE;
      else
        g_array_append_val (extras, id);
    }

  if (force || g_strcmp0 (rule->pattern, rule->wanted_pattern) != 0)
    govorun_voximplant_client_set_rule_info_async (run->client, rule->id, NULL, rule->wanted_pattern,
                                                   run_cancellable (run), _govorun_provisioner_on_reply,
                                                   _govorun_provisioner_request (run, on_rule_info_set, rule, NULL));
  if (!bound)
    govorun_voximplant_client_bind_scenario_async (run->client, &scenario->id, 1, rule->id, run->app.id, TRUE,
                                                   run_cancellable (run), _govorun_provisioner_on_reply,
                                                   _govorun_provisioner_request (run, on_scenario_bound, rule, NULL));
  if (extras->len > 0)
    govorun_voximplant_client_bind_scenario_async (run->client, (const gint64 *) extras->data, extras->len,
                                                   rule->id, run->app.id, FALSE,
                                                   run_cancellable (run), _govorun_provisioner_on_reply,
                                                   _govorun_provisioner_request (run, on_scenario_bound, rule, NULL));
}

static void
on_rule_reread (Run                     *run,
                GovorunVoximplantClient *client,
                GAsyncResult            *result,
                gpointer                 data)
{
  Obj *rule = data;
  guint r = rule - run->rules;

  _govorun_provisioner_read_rules (run, client, result, NULL);
  if (found_again (run, rule, "GetRules", rule_step_id (r), WHAT_CREATE_RULE))
    update_rule (run, rule, TRUE);
}

static void
on_rule_added (Run                     *run,
               GovorunVoximplantClient *client,
               GAsyncResult            *result,
               gpointer                 data)
{
  Obj *rule = data;
  guint r = rule - run->rules;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = govorun_voximplant_client_add_rule_finish (client, result, &error);
  if (id == 0)
    {
      if (govorun_voximplant_error_get_provider_code (error) == 175)
        {
          govorun_voximplant_client_get_rules_async (client, run->app.id, TRUE, PAGE, 0, run_cancellable (run),
                                                     _govorun_provisioner_on_reply,
                                                     _govorun_provisioner_request (run, on_rule_reread, rule, NULL));
          return;
        }
      _govorun_provisioner_record_refused (run, "rule", rule->name, error);
      _govorun_provisioner_run_fail (run, rule_step_id (r), WHAT_CREATE_RULE, rule->name, error);
      return;
    }
  rule->exists = TRUE;
  rule->id = id;
  _govorun_provisioner_record_id (run, "rule", rule->name, id);
  _govorun_provisioner_emit_step (run, rule_step_id (r), GOVORUN_STEP_DONE, NULL);
}

static void
apply_rule (Run   *run,
            guint  r)
{
  Obj *rule = &run->rules[r];

  if (!rule->wanted)
    return;
  if (!rule->exists)
    {
      _govorun_provisioner_emit_step (run, rule_step_id (r), GOVORUN_STEP_RUNNING, NULL);
      govorun_voximplant_client_add_rule_async (run->client, run->app.id, rule->name, rule->wanted_pattern,
                                                run->scenarios[rule->wanted_kind].id, run_cancellable (run),
                                                _govorun_provisioner_on_reply,
                                                _govorun_provisioner_request (run, on_rule_added, rule, NULL));
    }
  else if (_govorun_provisioner_rule_needs_update (run, rule))
    {
      _govorun_provisioner_emit_step (run, rule_step_id (r), GOVORUN_STEP_RUNNING, NULL);
      update_rule (run, rule, FALSE);
    }
  else
    _govorun_provisioner_emit_step (run, rule_step_id (r), GOVORUN_STEP_SKIPPED, NULL);
}

/* Rules are matched in the order they were created: the inbound rule
 * (the agent's numbers) goes first, so that the outbound catch-all never
 * comes before it. */
static void
apply_rule_inbound (Run *run)
{
  _govorun_provisioner_stage_begin (run, apply_rule_outbound);
  apply_rule (run, 0);
  _govorun_provisioner_stage_end (run);
}

static void
apply_rule_outbound (Run *run)
{
  _govorun_provisioner_stage_begin (run, apply_bind_prepare);
  apply_rule (run, 1);
  _govorun_provisioner_stage_end (run);
}

/* Numbers of the agent not (or not rightly) bound. */
static GArray *
numbers_to_bind (Run *run)
{
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);

      if (!_govorun_provisioner_phone_bound_right (run, g_hash_table_lookup (run->phones, &number->phone_id)))
        g_array_append_val (ids, number->phone_id);
    }
  return ids;
}

static void
apply_bind_prepare (Run *run)
{
  g_autoptr(GArray) ids = numbers_to_bind (run);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *name = id_text (g_array_index (ids, gint64, i));

      _govorun_provisioner_record_intent (run, "binding", name);
    }
  _govorun_provisioner_flush_records (run, apply_bind);
}

static void
on_bound (Run                     *run,
          GovorunVoximplantClient *client,
          GAsyncResult            *result,
          gpointer                 data)
{
  GArray *ids = data;
  g_autoptr(GError) error = NULL;

  if (!govorun_voximplant_client_bind_phone_number_to_application_finish (client, result, &error))
    {
      _govorun_provisioner_fail_numbers (run, ids, "bind", WHAT_BIND, error);
      _govorun_provisioner_emit_binds (run, ids, "bind", GOVORUN_STEP_FAILED, run->error != NULL ? run->error->message : NULL);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      Phone *phone = g_hash_table_lookup (run->phones, &id);

      if (phone != NULL)
        {
          phone->application_id = run->app.id;
          phone->rule_id = _govorun_provisioner_wanted_rule_id (run);
        }
    }
  _govorun_provisioner_emit_binds (run, ids, "bind", GOVORUN_STEP_DONE, NULL);
}

/* A number that needs no request still gets its step's final state, or
 * its row would keep the pending icon: done where the plan said "bind"
 * (updating the rule is what it took), skipped where it said "keep". */
static void
emit_binds_not_sent (Run    *run,
                     GArray *ids)
{
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);

  for (guint i = 0; i < numbers->len; i++)
    {
      gint64 phone_id = ((GovorunAgentNumber *) g_ptr_array_index (numbers, i))->phone_id;
      g_autofree char *step_id = g_strdup_printf ("bind-%" G_GINT64_FORMAT, phone_id);
      GovorunPlanStep *step = govorun_plan_find_step (run->plan, step_id);
      gboolean sent = FALSE;

      for (guint j = 0; j < ids->len && !sent; j++)
        sent = g_array_index (ids, gint64, j) == phone_id;
      if (!sent)
        _govorun_provisioner_emit_step (run, step_id,
                                        step != NULL && step->action == GOVORUN_PLAN_BIND
                                        ? GOVORUN_STEP_DONE : GOVORUN_STEP_SKIPPED, NULL);
    }
}

static void
apply_bind (Run *run)
{
  g_autoptr(GArray) ids = numbers_to_bind (run);

  _govorun_provisioner_stage_begin (run, apply_cleanup);
  emit_binds_not_sent (run, ids);
  if (ids->len > 0)
    {
      _govorun_provisioner_emit_binds (run, ids, "bind", GOVORUN_STEP_RUNNING, NULL);
      /* One request for all: BindPhoneNumberToApplication takes a list. */
      govorun_voximplant_client_bind_phone_number_to_application_async (run->client, (const gint64 *) ids->data,
                                                                        ids->len, run->app.id,
                                                                        _govorun_provisioner_wanted_rule_id (run), TRUE,
                                                                        run_cancellable (run),
                                                                        _govorun_provisioner_on_reply,
                                                                        _govorun_provisioner_request (run, on_bound, g_array_ref (ids),
                                                                                                      (GDestroyNotify) g_array_unref));
    }
  _govorun_provisioner_stage_end (run);
}

static void
apply_cleanup (Run *run)
{
  _govorun_provisioner_stage_begin (run, apply_cleanup_scenarios);
  _govorun_provisioner_remove_bindings (run, FALSE);
  _govorun_provisioner_remove_rules (run, FALSE);
  _govorun_provisioner_stage_end (run);
}

/* After the rules that may reference them are gone. */
static void
apply_cleanup_scenarios (Run *run)
{
  _govorun_provisioner_stage_begin (run, apply_finish);
  _govorun_provisioner_remove_scenarios (run, FALSE);
  _govorun_provisioner_remove_secret (run, FALSE);
  _govorun_provisioner_stage_end (run);
}

static void
apply_finish (Run *run)
{
  _govorun_provisioner_flush_records (run, apply_done);
}

static void
apply_done (Run *run)
{
  g_object_freeze_notify (G_OBJECT (run->agent));
  govorun_agent_set_state (run->agent, GOVORUN_AGENT_STATE_READY);
  govorun_agent_set_last_step (run->agent, NULL);
  govorun_agent_set_last_error (run->agent, NULL);
  govorun_agent_set_application_id (run->agent, run->app.id);
  govorun_agent_set_application_name (run->agent, run->app.script);
  govorun_agent_set_key_in_scenario (run->agent, run->key_in_scenario);
  if (run->deploying)
    govorun_agent_set_seen_manifest (run->agent, run->new_revision, run->computer_id);
  else if (run->current != NULL)
    govorun_agent_set_seen_manifest (run->agent, run->current->revision, run->current->computer_id);
  g_object_thaw_notify (G_OBJECT (run->agent));
  _govorun_provisioner_save_agent (run);
}
