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
  _govorun_provisioner_load_computer_id (run);
  if (run->el_account != NULL)
    {
      run->pending++;
      govorun_account_store_lookup_secret_async (self->accounts, run->el_account, cancellable,
                                                 on_el_key, g_object_ref (run->task));
    }
  _govorun_provisioner_stage_end (run);
}

/* The items of a list answer, or NULL after failing the run's check step. */
typedef GPtrArray *(*ListFinish) (GovorunVoximplantClient  *client,
                                  GAsyncResult             *result,
                                  gint64                   *total_count,
                                  GError                  **error);

static GPtrArray *
read_list (Run                     *run,
           ListFinish               finish,
           GovorunVoximplantClient *client,
           GAsyncResult            *result)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = finish (client, result, NULL, &error);

  if (items == NULL)
    _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, error);
  return items;
}

void
_govorun_provisioner_read_applications (Run                     *run,
                                        GovorunVoximplantClient *client,
                                        GAsyncResult            *result,
                                        gpointer                 data)
{
  g_autoptr(GPtrArray) items = read_list (run, govorun_voximplant_client_get_applications_finish, client, result);

  if (items == NULL)
    return;

  /* The filter matches name parts: keep the exact short name only. */
  for (guint i = 0; i < items->len; i++)
    {
      GovorunVoximplantApplication *item = g_ptr_array_index (items, i);
      const char *full = item->application_name;

      if (g_str_equal (full, run->app.name)
          || (g_str_has_prefix (full, run->app.name) && full[strlen (run->app.name)] == '.'))
        {
          run->app.exists = TRUE;
          run->app.id = item->application_id;
          g_free (run->app.script);
          run->app.script = g_strdup (full);   /* the full name, for the agent */
        }
    }
}

void
_govorun_provisioner_read_scenarios (Run                     *run,
                                     GovorunVoximplantClient *client,
                                     GAsyncResult            *result,
                                     gpointer                 data)
{
  g_autoptr(GPtrArray) items = read_list (run, govorun_voximplant_client_get_scenarios_finish, client, result);

  if (items == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    {
      GovorunVoximplantScenario *item = g_ptr_array_index (items, i);

      for (guint k = 0; k < N_KINDS; k++)
        if (g_str_equal (item->scenario_name, run->scenarios[k].name))
          {
            run->scenarios[k].exists = TRUE;
            run->scenarios[k].id = item->scenario_id;
          }
    }
}

static void
read_phones (Run                     *run,
             GovorunVoximplantClient *client,
             GAsyncResult            *result,
             gpointer                 data)
{
  g_autoptr(GPtrArray) items = read_list (run, govorun_voximplant_client_get_phone_numbers_finish, client, result);

  if (items == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    {
      GovorunVoximplantPhoneNumber *item = g_ptr_array_index (items, i);
      Phone *phone = g_new0 (Phone, 1);

      phone->phone_id = item->phone_id;
      phone->number = g_strdup (item->phone_number);
      /* 0 for unbound numbers. */
      phone->application_id = item->application_id;
      phone->rule_id = item->rule_id;
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
  g_autofree char *prefix = NULL;

  _govorun_provisioner_stage_begin (run, stage_read_second);

  govorun_voximplant_client_get_applications_async (run->client, run->app.name, PAGE, 0, run_cancellable (run),
                                                    _govorun_provisioner_on_reply,
                                                    _govorun_provisioner_request (run, _govorun_provisioner_read_applications,
                                                                                  NULL, NULL));

  /* All of the agent's scenario names share everything but the suffix. */
  prefix = g_strndup (run->scenarios[0].name, strrchr (run->scenarios[0].name, '-') + 1 - run->scenarios[0].name);
  govorun_voximplant_client_get_scenarios_async (run->client, 0, prefix, FALSE, PAGE, 0, run_cancellable (run),
                                                 _govorun_provisioner_on_reply,
                                                 _govorun_provisioner_request (run, _govorun_provisioner_read_scenarios,
                                                                               NULL, NULL));

  if (ids->len > 0)
    govorun_voximplant_client_get_phone_numbers_async (run->client, (const gint64 *) ids->data, ids->len, PAGE, 0,
                                                       run_cancellable (run), _govorun_provisioner_on_reply,
                                                       _govorun_provisioner_request (run, read_phones, NULL, NULL));

  _govorun_provisioner_stage_end (run);
}

void
_govorun_provisioner_read_rules (Run                     *run,
                                 GovorunVoximplantClient *client,
                                 GAsyncResult            *result,
                                 gpointer                 data)
{
  g_autoptr(GPtrArray) items = read_list (run, govorun_voximplant_client_get_rules_finish, client, result);

  if (items == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    {
      GovorunVoximplantRule *item = g_ptr_array_index (items, i);

      for (guint r = 0; r < 2; r++)
        {
          Obj *rule = &run->rules[r];

          if (!g_str_equal (item->rule_name, rule->name))
            continue;
          rule->exists = TRUE;
          rule->id = item->rule_id;
          g_free (rule->pattern);
          rule->pattern = g_strdup (item->rule_pattern);
          g_array_set_size (rule->scenario_ids, 0);
          g_array_append_vals (rule->scenario_ids, item->scenario_ids->data, item->scenario_ids->len);
        }
    }
}

static void
read_script (Run                     *run,
             GovorunVoximplantClient *client,
             GAsyncResult            *result,
             gpointer                 data)
{
  Obj *scenario = data;
  g_autoptr(GPtrArray) items = read_list (run, govorun_voximplant_client_get_scenarios_finish, client, result);

  if (items == NULL)
    return;
  for (guint i = 0; i < items->len; i++)
    {
      GovorunVoximplantScenario *item = g_ptr_array_index (items, i);

      if (item->scenario_id == scenario->id)
        {
          g_free (scenario->script);
          scenario->script = g_strdup (item->scenario_script);
        }
    }
}

/* Once the ids are known: the rules of the application and the texts of
 * the scenarios that will be compared. */
static void
stage_read_second (Run *run)
{
  _govorun_provisioner_stage_begin (run, _govorun_provisioner_stage_discovered);

  if (run->app.exists)
    govorun_voximplant_client_get_rules_async (run->client, run->app.id, TRUE, PAGE, 0, run_cancellable (run),
                                               _govorun_provisioner_on_reply,
                                               _govorun_provisioner_request (run, _govorun_provisioner_read_rules,
                                                                             NULL, NULL));

  /* Every scenario of the agent, wanted or not: its manifest says who
   * deployed it last (govorun-provisioner-manifest.c). */
  for (guint k = 0; k < N_KINDS; k++)
      {
        Obj *scenario = &run->scenarios[k];

        if (!scenario->exists)
          continue;
        /* with_script works only with scenario_id (reference §6). */
        govorun_voximplant_client_get_scenarios_async (run->client, scenario->id, NULL, TRUE, 0, 0,
                                                       run_cancellable (run), _govorun_provisioner_on_reply,
                                                       _govorun_provisioner_request (run, read_script, scenario, NULL));
      }

  _govorun_provisioner_stage_end (run);
}
