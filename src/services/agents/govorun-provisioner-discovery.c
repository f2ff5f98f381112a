/* govorun-provisioner-discovery.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <string.h>

#include "govorun-provisioner-private.h"

/*
 * Every run starts here: local look-ups first (the client, the ElevenLabs
 * key, Govorun's records), then the account's objects by their exact names
 * (GetApplications, GetScenarios, GetPhoneNumbers in parallel), then what
 * needs their ids (GetRules, the scenario texts).
 */

static void stage_read_first (Run *run);
static void stage_read_second (Run *run);

static void
on_client (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  run->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (object), result, &error);
  if (run->client == NULL)
    _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, error);
  _govorun_provisioner_stage_dec (run);
}

static void
on_el_key (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  run->el_key = govorun_account_store_lookup_secret_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);
  if (run->el_key == NULL)
    _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, error);
  _govorun_provisioner_stage_dec (run);
}

/* Local look-ups, all at once: the Voximplant client (its key from the
 * keyring), the ElevenLabs key, Govorun's records. */
void
_govorun_provisioner_stage_start (Run *run)
{
  GovorunProvisioner *self = run_self (run);
  GCancellable *cancellable = g_task_get_cancellable (run->task);

  _govorun_provisioner_stage_begin (run, run->op == OP_SCENARIO ? _govorun_provisioner_stage_discovered
                                                                : stage_read_first);

  if (run->op != OP_SCENARIO)
    {
      run->pending++;
      govorun_client_factory_voximplant_async (self->factory, run->vox_account, NULL, cancellable,
                                               on_client, g_object_ref (run->task));
      _govorun_provisioner_load_records (run);
    }
  if (run->el_account != NULL)
    {
      run->pending++;
      govorun_account_store_lookup_secret_async (self->accounts, run->el_account, cancellable,
                                                 on_el_key, g_object_ref (run->task));
    }
  _govorun_provisioner_stage_end (run);
}

void
_govorun_provisioner_on_applications (Run        *run,
                                      JsonObject *reply,
                                      GError     *error,
                                      gpointer    data)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = _govorun_provisioner_read_list (run, reply, error, "GetApplications")) == NULL)
    return;

  /* The filter matches name parts: keep the exact short name only. */
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *full = _govorun_provisioner_member_string (item, "application_name");
      gint64 id;

      if (full == NULL || !_govorun_provisioner_member_int (item, "application_id", &id))
        {
          _govorun_provisioner_set_bad_response (&local_error, "GetApplications");
          _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, local_error);
          return;
        }
      if (g_str_equal (full, run->app.name)
          || (g_str_has_prefix (full, run->app.name) && full[strlen (run->app.name)] == '.'))
        {
          run->app.exists = TRUE;
          run->app.id = id;
          g_free (run->app.script);
          run->app.script = g_strdup (full);   /* the full name, for the agent */
        }
    }
}

void
_govorun_provisioner_on_scenarios (Run        *run,
                                   JsonObject *reply,
                                   GError     *error,
                                   gpointer    data)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = _govorun_provisioner_read_list (run, reply, error, "GetScenarios")) == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *name = _govorun_provisioner_member_string (item, "scenario_name");
      gint64 id;

      if (name == NULL || !_govorun_provisioner_member_int (item, "scenario_id", &id))
        {
          _govorun_provisioner_set_bad_response (&local_error, "GetScenarios");
          _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, local_error);
          return;
        }
      for (guint k = 0; k < N_KINDS; k++)
        if (g_str_equal (name, run->scenarios[k].name))
          {
            run->scenarios[k].exists = TRUE;
            run->scenarios[k].id = id;
          }
    }
}

static void
on_phones (Run        *run,
           JsonObject *reply,
           GError     *error,
           gpointer    data)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = _govorun_provisioner_read_list (run, reply, error, "GetPhoneNumbers")) == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      Phone *phone = g_new0 (Phone, 1);
      const char *number = _govorun_provisioner_member_string (item, "phone_number");

      if (number == NULL || !_govorun_provisioner_member_int (item, "phone_id", &phone->phone_id))
        {
          _govorun_provisioner_phone_free (phone);
          _govorun_provisioner_set_bad_response (&local_error, "GetPhoneNumbers");
          _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, local_error);
          return;
        }
      phone->number = g_strdup (number);
      /* Unbound numbers carry no application_id / rule_id. */
      _govorun_provisioner_member_int (item, "application_id", &phone->application_id);
      _govorun_provisioner_member_int (item, "rule_id", &phone->rule_id);
      g_hash_table_replace (run->phones, &phone->phone_id, phone);
    }
}

/* The phone ids to look at: the agent's and those Govorun bound for it. */
static GArray *
phone_ids_of_interest (Run *run)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *numbers = govorun_agent_get_numbers (run->agent);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < numbers->len; i++)
    g_array_append_val (ids, ((GovorunAgentNumber *) g_ptr_array_index (numbers, i))->phone_id);

  g_hash_table_iter_init (&iter, run->records);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id;

      if (g_str_has_prefix (key, "binding\n")
          && g_ascii_string_to_signed ((char *) key + strlen ("binding\n"), 10, 1, G_MAXINT64, &id, NULL)
          && !govorun_agent_has_phone_id (run->agent, id))
        g_array_append_val (ids, id);
    }
  return ids;
}

static void
stage_read_first (Run *run)
{
  g_autoptr(GArray) ids = phone_ids_of_interest (run);
  GovorunVoximplantParams *params;
  g_autofree char *prefix = NULL;

  _govorun_provisioner_stage_begin (run, stage_read_second);

  params = govorun_voximplant_params_new ();
  govorun_voximplant_params_add (params, "application_name", run->app.name);
  govorun_voximplant_params_add (params, "count", PAGE);
  _govorun_provisioner_run_call (run, "GetApplications", params, _govorun_provisioner_on_applications, NULL, NULL);

  /* All of the agent's scenario names share everything but the suffix. */
  prefix = g_strndup (run->scenarios[0].name, strrchr (run->scenarios[0].name, '-') + 1 - run->scenarios[0].name);
  params = govorun_voximplant_params_new ();
  govorun_voximplant_params_add (params, "scenario_name", prefix);
  govorun_voximplant_params_add (params, "count", PAGE);
  _govorun_provisioner_run_call (run, "GetScenarios", params, _govorun_provisioner_on_scenarios, NULL, NULL);

  if (ids->len > 0)
    {
      params = govorun_voximplant_params_new ();
      govorun_voximplant_params_add_int_list (params, "phone_id", (const gint64 *) ids->data, ids->len);
      govorun_voximplant_params_add (params, "count", PAGE);
      _govorun_provisioner_run_call (run, "GetPhoneNumbers", params, on_phones, NULL, NULL);
    }

  _govorun_provisioner_stage_end (run);
}

void
_govorun_provisioner_on_rules (Run        *run,
                               JsonObject *reply,
                               GError     *error,
                               gpointer    data)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = _govorun_provisioner_read_list (run, reply, error, "GetRules")) == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *name = _govorun_provisioner_member_string (item, "rule_name");
      const char *pattern = _govorun_provisioner_member_string (item, "rule_pattern");
      JsonNode *scenarios = json_object_get_member (item, "scenarios");
      gint64 id;

      if (name == NULL || pattern == NULL || !_govorun_provisioner_member_int (item, "rule_id", &id))
        {
          _govorun_provisioner_set_bad_response (&local_error, "GetRules");
          _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, local_error);
          return;
        }
      for (guint r = 0; r < 2; r++)
        {
          Obj *rule = &run->rules[r];

          if (!g_str_equal (name, rule->name))
            continue;
          rule->exists = TRUE;
          rule->id = id;
          g_free (rule->pattern);
          rule->pattern = g_strdup (pattern);
          g_array_set_size (rule->scenario_ids, 0);
          if (scenarios != NULL && JSON_NODE_HOLDS_ARRAY (scenarios))
            {
              JsonArray *array = json_node_get_array (scenarios);

              for (guint j = 0; j < json_array_get_length (array); j++)
                {
                  JsonNode *node = json_array_get_element (array, j);
                  gint64 sid;

                  if (JSON_NODE_HOLDS_OBJECT (node) && _govorun_provisioner_member_int (json_node_get_object (node), "scenario_id", &sid))
                    g_array_append_val (rule->scenario_ids, sid);
                }
            }
        }
    }
}

static void
on_script (Run        *run,
           JsonObject *reply,
           GError     *error,
           gpointer    data)
{
  Obj *scenario = data;
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if ((items = _govorun_provisioner_read_list (run, reply, error, "GetScenarios")) == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64 id;

      if (_govorun_provisioner_member_int (item, "scenario_id", &id) && id == scenario->id)
        {
          g_free (scenario->script);
          scenario->script = g_strdup (_govorun_provisioner_member_string (item, "scenario_script"));
        }
    }
}

/* Once the ids are known: the rules of the application and the texts of
 * the scenarios that will be compared. */
static void
stage_read_second (Run *run)
{
  GovorunVoximplantParams *params;

  _govorun_provisioner_stage_begin (run, _govorun_provisioner_stage_discovered);

  if (run->app.exists)
    {
      params = govorun_voximplant_params_new ();
      govorun_voximplant_params_add_int (params, "application_id", run->app.id);
      govorun_voximplant_params_add_bool (params, "with_scenarios", TRUE);
      govorun_voximplant_params_add (params, "count", PAGE);
      _govorun_provisioner_run_call (run, "GetRules", params, _govorun_provisioner_on_rules, NULL, NULL);
    }

  if (run->op == OP_PLAN || run->op == OP_APPLY || run->op == OP_DRIFT)
    for (guint k = 0; k < N_KINDS; k++)
      {
        Obj *scenario = &run->scenarios[k];

        if (!scenario->exists || !scenario->wanted)
          continue;
        /* with_script works only with scenario_id (reference §6). */
        params = govorun_voximplant_params_new ();
        govorun_voximplant_params_add_int (params, "scenario_id", scenario->id);
        govorun_voximplant_params_add_bool (params, "with_script", TRUE);
        _govorun_provisioner_run_call (run, "GetScenarios", params, on_script, scenario, NULL);
      }

  _govorun_provisioner_stage_end (run);
}
