/* govorun-vox-emu-scenarios.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include "govorun-voximplant-emulator-private.h"

/* Scenarios (reference §2 Scenarios): AddScenario, GetScenarios,
 * SetScenarioInfo, DelScenario and BindScenario. */

#define SCENARIO_NAME_LIMIT   30          /* names must be shorter (§2) */
#define SCENARIO_SCRIPT_MAX   (128 * 1024)
Scenario *
vox_emu_find_scenario (Account *account,
                       gint64   scenario_id)
{
  return vox_emu_find_by_id (account->scenarios, scenario_id);
}

static Scenario *
find_scenario_by_name (Account    *account,
                       const char *name)
{
  for (guint i = 0; i < account->scenarios->len; i++)
    {
      Scenario *scenario = g_ptr_array_index (account->scenarios, i);

      if (g_str_equal (scenario->name, name))
        return scenario;
    }

  return NULL;
}

/* scenario_id|scenario_name lists (optionally "all"): 132 or 168 for one
 * that is not this account's. Returns the scenarios (not owned). */
gboolean
vox_emu_call_get_scenarios (Call        *call,
                            gboolean     required,
                            gboolean     allow_all,
                            GPtrArray  **out)
{
  Choice choice = vox_emu_call_choose (call, "scenario_id", "scenario_name", required);
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();

  *out = NULL;
  if (choice == CHOICE_FAILED)
    return FALSE;

  if (choice == CHOICE_FIRST)
    {
      gboolean all = FALSE;
      g_autoptr(GArray) ids = vox_emu_call_get_ids (call, "scenario_id", GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_ID,
                                                    allow_all ? &all : NULL);

      if (ids == NULL)
        return FALSE;

      if (all)
        g_ptr_array_extend (scenarios, call->account->scenarios, NULL, NULL);

      for (guint i = 0; i < ids->len; i++)
        {
          Scenario *scenario = vox_emu_find_scenario (call->account, g_array_index (ids, gint64, i));

          if (scenario == NULL)
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_ID,
                                   "Invalid scenario_id: %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
              return FALSE;
            }
          g_ptr_array_add (scenarios, scenario);
        }
    }
  else if (choice == CHOICE_SECOND)
    {
      g_auto(GStrv) names = vox_emu_call_get_list (call, "scenario_name", GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_NAME);

      if (names == NULL)
        return FALSE;

      for (guint i = 0; names[i] != NULL; i++)
        {
          Scenario *scenario = find_scenario_by_name (call->account, names[i]);

          if (scenario == NULL)
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_NAME,
                                   "Invalid scenario_name: no scenario '%s'", names[i]);
              return FALSE;
            }
          g_ptr_array_add (scenarios, scenario);
        }
    }

  *out = g_steal_pointer (&scenarios);
  return TRUE;
}

static JsonObject *
scenario_to_json (Scenario *scenario,
                  gboolean  with_script)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "scenario_id", scenario->scenario_id);
  json_object_set_string_member (object, "scenario_name", scenario->name);
  if (with_script)
    json_object_set_string_member (object, "scenario_script", scenario->script);
  vox_emu_set_timestamp (object, "modified", scenario->modified);

  return object;
}

void
vox_emu_delete_scenario (Account  *account,
                         Scenario *scenario,
                         gint64    now)
{
  for (guint i = 0; i < account->rules->len; i++)
    vox_emu_rule_bind_scenario (g_ptr_array_index (account->rules, i), scenario, FALSE, now);

  g_ptr_array_remove (account->scenarios, scenario);
}

/* 168 unless 1 ≤ length < 30 characters of valid UTF-8. */
static gboolean
call_check_scenario_name (Call       *call,
                          const char *name)
{
  if (!g_utf8_validate (name, -1, NULL) || *name == '\0'
      || g_utf8_strlen (name, -1) >= SCENARIO_NAME_LIMIT)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_NAME,
                           "Invalid scenario_name: it must be 1 to %d characters long", SCENARIO_NAME_LIMIT - 1);
      return FALSE;
    }

  return TRUE;
}

/* 130 above 128 KB; the script is UTF-8 (§2 Scenarios). */
static gboolean
call_check_scenario_script (Call       *call,
                            const char *script)
{
  if (strlen (script) > SCENARIO_SCRIPT_MAX)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SCRIPT_TOO_LONG,
                           "Script text is too long: the limit is %d bytes", SCENARIO_SCRIPT_MAX);
      return FALSE;
    }
  if (!g_utf8_validate (script, -1, NULL))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS,
                           "Invalid arguments: 'scenario_script' must be UTF-8");
      return FALSE;
    }

  return TRUE;
}

void
vox_emu_method_add_scenario (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  const char *name, *script = vox_emu_call_param (call, "scenario_script");
  Application *app;
  Rule *rule;
  Scenario *scenario;
  gboolean rewrite;
  gint64 now = vox_emu_now_seconds (call);
  JsonObject *root;

  if ((name = vox_emu_call_require (call, "scenario_name")) == NULL
      || !call_check_scenario_name (call, name)
      || (script != NULL && !call_check_scenario_script (call, script))
      || !vox_emu_call_get_bool (call, "rewrite", FALSE, &rewrite)
      || !vox_emu_call_get_application (call, FALSE, &app)
      || !vox_emu_call_get_rule (call, app, FALSE, &rule))
    return;

  /* Names are unique per account, whatever the folder. */
  scenario = find_scenario_by_name (account, name);
  if (scenario != NULL && !rewrite)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SCENARIO_NAME_NOT_UNIQUE,
                           "Scenario name is not unique: '%s'", name);
      return;
    }

  if (scenario == NULL)
    {
      scenario = g_new0 (Scenario, 1);
      scenario->scenario_id = self->next_scenario_id++;
      scenario->name = g_strdup (name);
      scenario->script = g_strdup ("");
      g_ptr_array_add (account->scenarios, scenario);
    }

  if (script != NULL)
    {
      g_free (scenario->script);
      scenario->script = g_strdup (script);
    }
  if (app != NULL)
    scenario->application_id = app->application_id;
  scenario->modified = now;

  if (rule != NULL)
    vox_emu_rule_bind_scenario (rule, scenario, TRUE, now);

  root = json_object_new ();
  json_object_set_int_member (root, "scenario_id", scenario->scenario_id);
  vox_emu_call_reply_ok (call, root);
}

void
vox_emu_method_get_scenarios (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *name_filter = NULL;
  Application *app;
  gboolean with_script;
  guint offset, count;
  JsonObject *root = NULL;

  if (!vox_emu_call_get_bool (call, "with_script", FALSE, &with_script)
      || !vox_emu_call_get_page (call, &offset, &count)
      || !vox_emu_call_get_application (call, FALSE, &app))
    return;

  if (vox_emu_call_param (call, "scenario_id") != NULL
      && (ids = vox_emu_call_get_ids (call, "scenario_id", GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_ID, NULL)) == NULL)
    return;

  /* with_script only works together with scenario_id (§6). */
  if (ids == NULL)
    with_script = FALSE;

  if (vox_emu_call_param (call, "scenario_name") != NULL)
    name_filter = g_utf8_casefold (vox_emu_call_param (call, "scenario_name"), -1);

  for (guint i = 0; i < account->scenarios->len; i++)
    {
      Scenario *scenario = g_ptr_array_index (account->scenarios, i);
      JsonObject *object;

      if (app != NULL && scenario->application_id != app->application_id)
        continue;

      if (ids != NULL)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < ids->len && !found; j++)
            found = g_array_index (ids, gint64, j) == scenario->scenario_id;
          if (!found)
            continue;
        }

      if (name_filter != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (scenario->name, -1);

          if (strstr (folded, name_filter) == NULL)
            continue;
        }

      object = scenario_to_json (scenario, with_script);
      json_object_set_boolean_member (object, "parent", FALSE);
      g_ptr_array_add (items, object);
    }

  if (app != NULL)
    {
      g_autofree char *full_name = vox_emu_application_full_name (self, account, app);

      root = json_object_new ();
      json_object_set_int_member (root, "application_id", app->application_id);
      json_object_set_string_member (root, "application_name", full_name);
      json_object_set_string_member (root, "extended_application_name", full_name);
    }

  vox_emu_call_reply_list (call, items, offset, count, root);
}

void
vox_emu_method_set_scenario_info (Call *call)
{
  Account *account = call->account;
  const char *new_name = vox_emu_call_param (call, "scenario_name");
  const char *script = vox_emu_call_param (call, "scenario_script");
  Scenario *scenario = NULL;
  Choice choice;
  gint64 id;

  choice = vox_emu_call_choose (call, "scenario_id", "required_scenario_name", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      if (!vox_emu_parse_single_id (vox_emu_call_param (call, "scenario_id"), &id)
          || (scenario = vox_emu_find_scenario (account, id)) == NULL)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_ID,
                               "Invalid scenario_id: %s", vox_emu_call_param (call, "scenario_id"));
          return;
        }
    }
  else if ((scenario = find_scenario_by_name (account, vox_emu_call_param (call, "required_scenario_name"))) == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_NAME,
                           "Invalid scenario_name: no scenario '%s'", vox_emu_call_param (call, "required_scenario_name"));
      return;
    }

  if (new_name != NULL)
    {
      Scenario *other;

      if (!call_check_scenario_name (call, new_name))
        return;
      other = find_scenario_by_name (account, new_name);
      if (other != NULL && other != scenario)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SCENARIO_NAME_NOT_UNIQUE,
                               "Scenario name is not unique: '%s'", new_name);
          return;
        }
    }

  if (script != NULL && !call_check_scenario_script (call, script))
    return;

  if (new_name != NULL)
    {
      g_free (scenario->name);
      scenario->name = g_strdup (new_name);
    }
  if (script != NULL)
    {
      g_free (scenario->script);
      scenario->script = g_strdup (script);
    }
  scenario->modified = vox_emu_now_seconds (call);

  vox_emu_call_reply_ok (call, NULL);
}

void
vox_emu_method_del_scenario (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) doomed = NULL;

  if (!vox_emu_call_get_scenarios (call, TRUE, TRUE, &doomed))
    return;

  for (guint i = 0; i < doomed->len; i++)
    {
      Scenario *scenario = g_ptr_array_index (doomed, i);

      if (g_ptr_array_find (account->scenarios, scenario, NULL))
        vox_emu_delete_scenario (account, scenario, vox_emu_now_seconds (call));
    }

  vox_emu_call_reply_ok (call, NULL);
}

void
vox_emu_method_bind_scenario (Call *call)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  Application *app;
  Rule *rule;
  gboolean bind;

  if (!vox_emu_call_get_scenarios (call, TRUE, FALSE, &scenarios)
      || !vox_emu_call_get_application (call, TRUE, &app)
      || !vox_emu_call_get_rule (call, app, TRUE, &rule)
      || !vox_emu_call_get_bool (call, "bind", call->self->bind_default, &bind))
    return;

  for (guint i = 0; i < scenarios->len; i++)
    vox_emu_rule_bind_scenario (rule, g_ptr_array_index (scenarios, i), bind, vox_emu_now_seconds (call));

  vox_emu_call_reply_ok (call, NULL);
}

char *
govorun_voximplant_emulator_get_scenario_script (GovorunVoximplantEmulator *self,
                                                 gint64                     account_id,
                                                 gint64                     scenario_id)
{
  Account *account;
  Scenario *scenario = NULL;
  char *script = NULL;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    scenario = vox_emu_find_scenario (account, scenario_id);
  if (scenario != NULL)
    script = g_strdup (scenario->script);
  g_mutex_unlock (&self->lock);

  return script;
}
