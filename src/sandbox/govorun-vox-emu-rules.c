/* govorun-vox-emu-rules.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include "govorun-voximplant-emulator-private.h"

/* Routing rules (reference §2 Rules): AddRule, GetRules, SetRuleInfo,
 * DelRule, and the hooks that change them behind the client's back. */

#define RULE_NAME_LIMIT       100         /* names must be shorter (§2) */
#define RULE_PATTERN_LIMIT    (64 * 1024)
Rule *
vox_emu_find_rule (Account *account,
                   gint64   rule_id)
{
  return vox_emu_find_by_id (account->rules, rule_id);
}

static Rule *
find_rule_by_name (Account    *account,
                   gint64      application_id,
                   const char *name)
{
  for (guint i = 0; i < account->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (account->rules, i);

      if ((application_id == 0 || rule->application_id == application_id)
          && g_str_equal (rule->name, name))
        return rule;
    }

  return NULL;
}

/* rule_id|rule_name, within @app when given: 147 or 156 otherwise. */
gboolean
vox_emu_call_get_rule (Call         *call,
                       Application  *app,
                       gboolean      required,
                       Rule        **out)
{
  Choice choice = vox_emu_call_choose (call, "rule_id", "rule_name", required);
  gint64 app_id = app != NULL ? app->application_id : 0;
  gint64 id;

  *out = NULL;
  switch (choice)
    {
    case CHOICE_FAILED:
      return FALSE;

    case CHOICE_NONE:
      return TRUE;

    case CHOICE_FIRST:
      if (!vox_emu_parse_single_id (vox_emu_call_param (call, "rule_id"), &id)
          || (*out = vox_emu_find_rule (call->account, id)) == NULL
          || (app_id != 0 && (*out)->application_id != app_id))
        {
          *out = NULL;
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID,
                               "Invalid rule_id: %s", vox_emu_call_param (call, "rule_id"));
          return FALSE;
        }
      return TRUE;

    case CHOICE_SECOND:
    default:
      *out = find_rule_by_name (call->account, app_id, vox_emu_call_param (call, "rule_name"));
      if (*out == NULL)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_NAME,
                               "Invalid rule_name: no rule '%s'", vox_emu_call_param (call, "rule_name"));
          return FALSE;
        }
      return TRUE;
    }
}

void
vox_emu_rule_bind_scenario (Rule     *rule,
                            Scenario *scenario,
                            gboolean  bind,
                            gint64    now)
{
  for (guint i = 0; i < rule->scenario_ids->len; i++)
    {
      if (g_array_index (rule->scenario_ids, gint64, i) == scenario->scenario_id)
        {
          if (!bind)
            {
              g_array_remove_index (rule->scenario_ids, i);
              rule->modified = now;
            }
          return;
        }
    }

  if (bind)
    {
      g_array_append_val (rule->scenario_ids, scenario->scenario_id);
      rule->modified = now;
    }
}

/* RuleInfoType as in the documented GetRules example (§2 Rules). */
JsonObject *
vox_emu_rule_to_json (Account *account,
                      Rule    *rule,
                      gboolean with_scenarios)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "rule_id", rule->rule_id);
  json_object_set_int_member (object, "application_id", rule->application_id);
  json_object_set_string_member (object, "rule_name", rule->name);
  json_object_set_string_member (object, "rule_pattern", rule->pattern);
  if (rule->pattern_exclude != NULL)
    json_object_set_string_member (object, "rule_pattern_exclude", rule->pattern_exclude);
  json_object_set_boolean_member (object, "video_conference", rule->video_conference);

  if (with_scenarios)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < rule->scenario_ids->len; i++)
        {
          Scenario *scenario = vox_emu_find_scenario (account, g_array_index (rule->scenario_ids, gint64, i));

          if (scenario != NULL)
            {
              JsonObject *item = json_object_new ();

              /* The example's items carry only these three. */
              json_object_set_int_member (item, "scenario_id", scenario->scenario_id);
              json_object_set_string_member (item, "scenario_name", scenario->name);
              vox_emu_set_timestamp (item, "modified", scenario->modified);
              json_array_add_object_element (array, item);
            }
        }
      json_object_set_array_member (object, "scenarios", array);
    }

  vox_emu_set_timestamp (object, "modified", rule->modified);

  return object;
}

void
vox_emu_delete_rule (Account *account,
                     Rule    *rule,
                     gint64   now)
{
  /* Numbers routed by the rule stay bound to the application. */
  for (guint i = 0; i < account->phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (account->phones, i);

      if (phone->rule_id == rule->rule_id)
        {
          phone->rule_id = 0;
          phone->modified = now;
        }
    }

  g_ptr_array_remove (account->rules, rule);
}

/* Rule patterns apply to the whole destination (§2 Rules): "123" does
 * not match "123456". The pattern is validated on its own first, so the
 * wrapper cannot turn an invalid pattern into a valid one. */
static GRegex *
compile_whole_match (const char *pattern)
{
  g_autoptr(GRegex) plain = NULL;
  g_autofree char *wrapped = NULL;

  plain = g_regex_new (pattern, 0, 0, NULL);
  if (plain == NULL)
    return NULL;

  wrapped = g_strdup_printf ("\\A(?:%s)\\z", pattern);
  return g_regex_new (wrapped, 0, 0, NULL);
}

static gboolean
pattern_valid (const char *pattern)
{
  g_autoptr(GRegex) regex = NULL;

  if (strlen (pattern) >= RULE_PATTERN_LIMIT || !g_utf8_validate (pattern, -1, NULL))
    return FALSE;

  regex = compile_whole_match (pattern);
  return regex != NULL;
}

static gboolean
rule_matches (Rule       *rule,
              const char *destination)
{
  g_autoptr(GRegex) regex = compile_whole_match (rule->pattern);
  g_autoptr(GRegex) exclude = NULL;

  /* A tampered pattern may not compile: then nothing matches. */
  if (regex == NULL || !g_regex_match (regex, destination, 0, NULL))
    return FALSE;

  if (rule->pattern_exclude != NULL && *rule->pattern_exclude != '\0')
    {
      exclude = compile_whole_match (rule->pattern_exclude);
      if (exclude != NULL && g_regex_match (exclude, destination, 0, NULL))
        return FALSE;
    }

  return TRUE;
}

static gboolean
call_check_rule_name (Call       *call,
                      const char *name)
{
  if (!g_utf8_validate (name, -1, NULL) || *name == '\0'
      || g_utf8_strlen (name, -1) >= RULE_NAME_LIMIT)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_NAME,
                           "Invalid rule_name: it must be 1 to %d characters long", RULE_NAME_LIMIT - 1);
      return FALSE;
    }

  return TRUE;
}

static gboolean
call_check_patterns (Call       *call,
                     const char *pattern,
                     const char *exclude)
{
  if (pattern != NULL && !pattern_valid (pattern))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_PATTERN,
                           "Invalid rule_pattern: it is not a valid regular expression");
      return FALSE;
    }
  if (exclude != NULL && *exclude != '\0' && !pattern_valid (exclude))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_PATTERN_EXCLUDE,
                           "Invalid rule_pattern_exclude: it is not a valid regular expression");
      return FALSE;
    }

  return TRUE;
}

void
vox_emu_method_add_rule (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) scenarios = NULL;
  const char *name, *pattern;
  const char *exclude = vox_emu_call_param (call, "rule_pattern_exclude");
  gboolean video_conference;
  Application *app;
  Rule *rule;
  gint64 now = vox_emu_now_seconds (call);
  JsonObject *root;

  /* rule_pattern is marked required by the clients even though the
   * control panel defaults to ".*" (§2 Rules). */
  if ((name = vox_emu_call_require (call, "rule_name")) == NULL
      || !call_check_rule_name (call, name)
      || (pattern = vox_emu_call_require (call, "rule_pattern")) == NULL
      || !call_check_patterns (call, pattern, exclude)
      || !vox_emu_call_get_application (call, TRUE, &app)
      || !vox_emu_call_get_scenarios (call, TRUE, FALSE, &scenarios)
      || !vox_emu_call_get_bool (call, "video_conference", FALSE, &video_conference))
    return;

  if (find_rule_by_name (account, app->application_id, name) != NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_RULE_NAME_NOT_UNIQUE,
                           "Rule name is not unique: '%s'", name);
      return;
    }

  rule = g_new0 (Rule, 1);
  rule->rule_id = self->next_rule_id++;
  rule->application_id = app->application_id;
  rule->name = g_strdup (name);
  rule->pattern = g_strdup (pattern);
  rule->pattern_exclude = exclude != NULL && *exclude != '\0' ? g_strdup (exclude) : NULL;
  rule->video_conference = video_conference;
  rule->scenario_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rule->modified = now;
  for (guint i = 0; i < scenarios->len; i++)
    vox_emu_rule_bind_scenario (rule, g_ptr_array_index (scenarios, i), TRUE, now);
  g_ptr_array_add (account->rules, rule);

  root = json_object_new ();
  json_object_set_int_member (root, "rule_id", rule->rule_id);
  vox_emu_call_reply_ok (call, root);
}

void
vox_emu_method_get_rules (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *name_filter = NULL;
  const char *template = vox_emu_call_param (call, "template");
  Application *app;
  gboolean with_scenarios;
  int video_conference;
  gint64 rule_id = 0;
  guint offset, count;

  if (!vox_emu_call_get_application (call, TRUE, &app)
      || !vox_emu_call_get_bool (call, "with_scenarios", FALSE, &with_scenarios)
      || !vox_emu_call_get_filter_bool (call, "video_conference", &video_conference)
      || !vox_emu_call_get_page (call, &offset, &count))
    return;

  if (vox_emu_call_param (call, "rule_id") != NULL
      && !vox_emu_parse_single_id (vox_emu_call_param (call, "rule_id"), &rule_id))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID,
                           "Invalid rule_id: %s", vox_emu_call_param (call, "rule_id"));
      return;
    }

  if (vox_emu_call_param (call, "rule_name") != NULL)
    name_filter = g_utf8_casefold (vox_emu_call_param (call, "rule_name"), -1);

  for (guint i = 0; i < account->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (account->rules, i);

      if (rule->application_id != app->application_id)
        continue;
      if (rule_id != 0 && rule->rule_id != rule_id)
        continue;
      if (video_conference != -1 && rule->video_conference != video_conference)
        continue;
      if (name_filter != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (rule->name, -1);

          if (strstr (folded, name_filter) == NULL)
            continue;
        }
      if (template != NULL && !rule_matches (rule, template))
        continue;

      g_ptr_array_add (items, vox_emu_rule_to_json (account, rule, with_scenarios));
    }

  vox_emu_call_reply_list (call, items, offset, count, NULL);
}

void
vox_emu_method_set_rule_info (Call *call)
{
  Account *account = call->account;
  const char *id_text, *name = vox_emu_call_param (call, "rule_name");
  const char *pattern = vox_emu_call_param (call, "rule_pattern");
  const char *exclude = vox_emu_call_param (call, "rule_pattern_exclude");
  gboolean video_conference;
  Rule *rule;
  gint64 id;

  if ((id_text = vox_emu_call_require (call, "rule_id")) == NULL)
    return;

  if (!vox_emu_parse_single_id (id_text, &id) || (rule = vox_emu_find_rule (account, id)) == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID, "Invalid rule_id: %s", id_text);
      return;
    }

  if (name != NULL)
    {
      Rule *other;

      if (!call_check_rule_name (call, name))
        return;
      other = find_rule_by_name (account, rule->application_id, name);
      if (other != NULL && other != rule)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_RULE_NAME_NOT_UNIQUE,
                               "Rule name is not unique: '%s'", name);
          return;
        }
    }

  if (pattern != NULL && *pattern == '\0')
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_PATTERN, "Invalid rule_pattern: it is empty");
      return;
    }

  if (!call_check_patterns (call, pattern, exclude)
      || !vox_emu_call_get_bool (call, "video_conference", rule->video_conference, &video_conference))
    return;

  if (name != NULL)
    {
      g_free (rule->name);
      rule->name = g_strdup (name);
    }
  if (pattern != NULL)
    {
      g_free (rule->pattern);
      rule->pattern = g_strdup (pattern);
    }
  if (exclude != NULL)
    {
      g_free (rule->pattern_exclude);
      rule->pattern_exclude = *exclude != '\0' ? g_strdup (exclude) : NULL;
    }
  rule->video_conference = video_conference;
  rule->modified = vox_emu_now_seconds (call);

  vox_emu_call_reply_ok (call, NULL);
}

void
vox_emu_method_del_rule (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  Application *app;
  Choice choice;

  if (!vox_emu_call_get_application (call, call->self->del_rule_requires_application, &app))
    return;

  choice = vox_emu_call_choose (call, "rule_id", "rule_name", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      gboolean all = FALSE;
      g_autoptr(GArray) ids = vox_emu_call_get_ids (call, "rule_id", GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID, &all);

      if (ids == NULL)
        return;

      for (guint i = 0; all && i < account->rules->len; i++)
        {
          Rule *rule = g_ptr_array_index (account->rules, i);

          if (app == NULL || rule->application_id == app->application_id)
            g_ptr_array_add (doomed, rule);
        }

      for (guint i = 0; i < ids->len; i++)
        {
          Rule *rule = vox_emu_find_rule (account, g_array_index (ids, gint64, i));

          if (rule == NULL || (app != NULL && rule->application_id != app->application_id))
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID,
                                   "Invalid rule_id: %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
              return;
            }
          g_ptr_array_add (doomed, rule);
        }
    }
  else
    {
      g_auto(GStrv) names = vox_emu_call_get_list (call, "rule_name", GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_NAME);

      if (names == NULL)
        return;
      for (guint i = 0; names[i] != NULL; i++)
        {
          Rule *rule = find_rule_by_name (account, app != NULL ? app->application_id : 0, names[i]);

          if (rule == NULL)
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_NAME,
                                   "Invalid rule_name: no rule '%s'", names[i]);
              return;
            }
          g_ptr_array_add (doomed, rule);
        }
    }

  for (guint i = 0; i < doomed->len; i++)
    {
      Rule *rule = g_ptr_array_index (doomed, i);

      if (g_ptr_array_find (account->rules, rule, NULL))
        vox_emu_delete_rule (account, rule, vox_emu_now_seconds (call));
    }

  vox_emu_call_reply_ok (call, NULL);
}

gboolean
govorun_voximplant_emulator_tamper_rule_pattern (GovorunVoximplantEmulator *self,
                                                 gint64                     account_id,
                                                 gint64                     rule_id,
                                                 const char                *pattern)
{
  Account *account;
  Rule *rule = NULL;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    rule = vox_emu_find_rule (account, rule_id);
  if (rule != NULL)
    {
      /* Deliberately unvalidated, as if changed in the control panel;
       * "modified" is left alone so drift is not given away. */
      g_free (rule->pattern);
      rule->pattern = g_strdup (pattern);
    }
  g_mutex_unlock (&self->lock);

  return rule != NULL;
}

/**
 * govorun_voximplant_emulator_tamper_application_rules:
 * @pattern: the new pattern of every rule of the application
 *
 * The sandbox's "break it" hook: as if someone edited the application's
 * routing rules in the control panel. Returns how many rules changed.
 */
guint
govorun_voximplant_emulator_tamper_application_rules (GovorunVoximplantEmulator *self,
                                                      gint64                     account_id,
                                                      gint64                     application_id,
                                                      const char                *pattern)
{
  Account *account;
  guint changed = 0;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), 0);
  g_return_val_if_fail (pattern != NULL, 0);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  for (guint i = 0; account != NULL && i < account->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (account->rules, i);

      if (rule->application_id != application_id)
        continue;
      g_free (rule->pattern);
      rule->pattern = g_strdup (pattern);
      changed++;
    }
  g_mutex_unlock (&self->lock);

  return changed;
}
