/* govorun-voximplant-applications.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include "govorun-voximplant-client-private.h"

#define REQUIRED GOVORUN_VOXIMPLANT_FIELD_REQUIRED
#define CHECKED  GOVORUN_VOXIMPLANT_FIELD_CHECKED
#define LENIENT  GOVORUN_VOXIMPLANT_FIELD_LENIENT

/* ---- Boxed types ---- */

G_DEFINE_BOXED_TYPE (GovorunVoximplantApplication, govorun_voximplant_application,
                     govorun_voximplant_application_copy, govorun_voximplant_application_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantScenario, govorun_voximplant_scenario,
                     govorun_voximplant_scenario_copy, govorun_voximplant_scenario_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantRule, govorun_voximplant_rule,
                     govorun_voximplant_rule_copy, govorun_voximplant_rule_free)

GovorunVoximplantApplication *
govorun_voximplant_application_copy (const GovorunVoximplantApplication *application)
{
  GovorunVoximplantApplication *copy;

  g_return_val_if_fail (application != NULL, NULL);

  copy = g_memdup2 (application, sizeof *application);
  copy->application_name = g_strdup (application->application_name);
  copy->modified = g_strdup (application->modified);

  return copy;
}

void
govorun_voximplant_application_free (GovorunVoximplantApplication *application)
{
  if (application == NULL)
    return;

  g_free (application->application_name);
  g_free (application->modified);
  g_free (application);
}

GovorunVoximplantScenario *
govorun_voximplant_scenario_copy (const GovorunVoximplantScenario *scenario)
{
  GovorunVoximplantScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);

  copy = g_memdup2 (scenario, sizeof *scenario);
  copy->scenario_name = g_strdup (scenario->scenario_name);
  copy->scenario_script = g_strdup (scenario->scenario_script);
  copy->modified = g_strdup (scenario->modified);

  return copy;
}

void
govorun_voximplant_scenario_free (GovorunVoximplantScenario *scenario)
{
  if (scenario == NULL)
    return;

  g_free (scenario->scenario_name);
  g_free (scenario->scenario_script);
  g_free (scenario->modified);
  g_free (scenario);
}

static GovorunVoximplantRule *
rule_new (void)
{
  GovorunVoximplantRule *rule = g_new0 (GovorunVoximplantRule, 1);

  rule->scenario_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return rule;
}

GovorunVoximplantRule *
govorun_voximplant_rule_copy (const GovorunVoximplantRule *rule)
{
  GovorunVoximplantRule *copy;

  g_return_val_if_fail (rule != NULL, NULL);

  copy = g_memdup2 (rule, sizeof *rule);
  copy->rule_name = g_strdup (rule->rule_name);
  copy->rule_pattern = g_strdup (rule->rule_pattern);
  copy->rule_pattern_exclude = g_strdup (rule->rule_pattern_exclude);
  copy->modified = g_strdup (rule->modified);
  copy->scenario_ids = g_array_copy (rule->scenario_ids);

  return copy;
}

void
govorun_voximplant_rule_free (GovorunVoximplantRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->rule_name);
  g_free (rule->rule_pattern);
  g_free (rule->rule_pattern_exclude);
  g_free (rule->modified);
  g_clear_pointer (&rule->scenario_ids, g_array_unref);
  g_free (rule);
}

/* ---- Parsers ---- */

/* An application; AddApplication's answer has the same fields beside
 * "result", where the name is only kept (@name_mode). */
static GovorunVoximplantApplication *
read_application (JsonObject              *object,
                  GovorunVoximplantField   name_mode,
                  GError                 **error)
{
  g_autoptr(GovorunVoximplantApplication) application = g_new0 (GovorunVoximplantApplication, 1);

  if (!govorun_voximplant_read_id (object, "application_id", REQUIRED, &application->application_id, error) ||
      !govorun_voximplant_read_string (object, "application_name", name_mode, &application->application_name, error) ||
      !govorun_voximplant_read_string (object, "modified", LENIENT, &application->modified, error) ||
      !govorun_voximplant_read_bool (object, "secure_record_storage", LENIENT,
                                     &application->secure_record_storage, error))
    return NULL;

  return g_steal_pointer (&application);
}

static gpointer
parse_application (JsonObject  *object,
                   GError     **error)
{
  return read_application (object, REQUIRED, error);
}

static gpointer
parse_scenario (JsonObject  *object,
                GError     **error)
{
  g_autoptr(GovorunVoximplantScenario) scenario = g_new0 (GovorunVoximplantScenario, 1);

  if (!govorun_voximplant_read_id (object, "scenario_id", REQUIRED, &scenario->scenario_id, error) ||
      !govorun_voximplant_read_string (object, "scenario_name", REQUIRED, &scenario->scenario_name, error) ||
      !govorun_voximplant_read_string (object, "scenario_script", CHECKED, &scenario->scenario_script, error) ||
      !govorun_voximplant_read_string (object, "modified", LENIENT, &scenario->modified, error) ||
      !govorun_voximplant_read_bool (object, "parent", LENIENT, &scenario->parent, error))
    return NULL;

  return g_steal_pointer (&scenario);
}

/* The ids of a rule's "scenarios"; shown only, so read leniently. */
static void
read_rule_scenarios (JsonObject *object,
                     GArray     *ids)
{
  JsonNode *node = json_object_get_member (object, "scenarios");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_debug ("Ignoring the “scenarios” field of a rule: it has the wrong type");
      return;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id = 0;

      if (JSON_NODE_HOLDS_OBJECT (element))
        govorun_voximplant_read_id (json_node_get_object (element), "scenario_id", LENIENT, &id, NULL);
      if (id > 0)
        g_array_append_val (ids, id);
      else
        g_debug ("Ignoring a scenario of a rule without a valid “scenario_id”");
    }
}

static gpointer
parse_rule (JsonObject  *object,
            GError     **error)
{
  g_autoptr(GovorunVoximplantRule) rule = rule_new ();

  if (!govorun_voximplant_read_id (object, "rule_id", REQUIRED, &rule->rule_id, error) ||
      !govorun_voximplant_read_string (object, "rule_name", REQUIRED, &rule->rule_name, error) ||
      !govorun_voximplant_read_string (object, "rule_pattern", REQUIRED, &rule->rule_pattern, error) ||
      !govorun_voximplant_read_id (object, "application_id", LENIENT, &rule->application_id, error) ||
      !govorun_voximplant_read_string (object, "rule_pattern_exclude", LENIENT, &rule->rule_pattern_exclude, error) ||
      !govorun_voximplant_read_bool (object, "video_conference", LENIENT, &rule->video_conference, error) ||
      !govorun_voximplant_read_string (object, "modified", LENIENT, &rule->modified, error))
    return NULL;

  read_rule_scenarios (object, rule->scenario_ids);

  return g_steal_pointer (&rule);
}

static gpointer
parse_added_application (JsonObject  *envelope,
                         GError     **error)
{
  return read_application (envelope, LENIENT, error);
}

static gpointer
parse_id_member (JsonObject  *envelope,
                 const char  *field,
                 GError     **error)
{
  gint64 id = 0;

  if (!govorun_voximplant_read_id (envelope, field, REQUIRED, &id, error))
    return NULL;

  return g_memdup2 (&id, sizeof id);
}

static gpointer
parse_scenario_id (JsonObject  *envelope,
                   GError     **error)
{
  return parse_id_member (envelope, "scenario_id", error);
}

static gpointer
parse_rule_id (JsonObject  *envelope,
               GError     **error)
{
  return parse_id_member (envelope, "rule_id", error);
}

/* ---- Calls ---- */

static gint64
id_finish (GovorunVoximplantClient  *self,
           GAsyncResult             *result,
           gpointer                  source_tag,
           GError                  **error)
{
  g_autofree gint64 *id = govorun_voximplant_client_parsed_finish (self, result, source_tag, error);

  return id != NULL ? *id : 0;
}

void
govorun_voximplant_client_get_applications_async (GovorunVoximplantClient *self,
                                                  const char              *application_name,
                                                  guint                    count,
                                                  guint                    offset,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new_page (count, offset);

  if (application_name != NULL)
    govorun_voximplant_params_add (params, "application_name", application_name);

  govorun_voximplant_client_call_list (self, "GetApplications", params, parse_application,
                                       (GDestroyNotify) govorun_voximplant_application_free,
                                       govorun_voximplant_client_get_applications_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_applications_finish (GovorunVoximplantClient  *self,
                                                   GAsyncResult             *result,
                                                   gint64                   *total_count,
                                                   GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result, govorun_voximplant_client_get_applications_async,
                                                total_count, error);
}

void
govorun_voximplant_client_add_application_async (GovorunVoximplantClient *self,
                                                 const char              *application_name,
                                                 gboolean                 secure_record_storage,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add (params, "application_name", application_name);
  if (secure_record_storage)
    govorun_voximplant_params_add_bool (params, "secure_record_storage", TRUE);

  govorun_voximplant_client_call_parsed (self, "AddApplication", params, parse_added_application,
                                         (GDestroyNotify) govorun_voximplant_application_free,
                                         govorun_voximplant_client_add_application_async,
                                         cancellable, callback, user_data);
}

GovorunVoximplantApplication *
govorun_voximplant_client_add_application_finish (GovorunVoximplantClient  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  return govorun_voximplant_client_parsed_finish (self, result, govorun_voximplant_client_add_application_async,
                                                  error);
}

/* Del<Thing> with <thing>_id, and optionally the application. */
static void
call_delete (GovorunVoximplantClient *self,
             const char              *method,
             const char              *id_param,
             gint64                   id,
             gint64                   application_id,
             gpointer                 source_tag,
             GCancellable            *cancellable,
             GAsyncReadyCallback      callback,
             gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, id_param, id);
  if (application_id > 0)
    govorun_voximplant_params_add_int (params, "application_id", application_id);

  govorun_voximplant_client_call_parsed (self, method, params, NULL, NULL, source_tag,
                                         cancellable, callback, user_data);
}

/* Set<Thing>Info: <thing>_id and the two fields given (NULL: left as is). */
static void
call_set_info (GovorunVoximplantClient *self,
               const char              *method,
               const char              *id_param,
               gint64                   id,
               const char              *name_param,
               const char              *name,
               const char              *text_param,
               const char              *text,
               gpointer                 source_tag,
               GCancellable            *cancellable,
               GAsyncReadyCallback      callback,
               gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, id_param, id);
  if (name != NULL)
    govorun_voximplant_params_add (params, name_param, name);
  if (text != NULL)
    govorun_voximplant_params_add (params, text_param, text);

  govorun_voximplant_client_call_parsed (self, method, params, NULL, NULL, source_tag,
                                         cancellable, callback, user_data);
}

void
govorun_voximplant_client_del_application_async (GovorunVoximplantClient *self,
                                                 gint64                   application_id,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  call_delete (self, "DelApplication", "application_id", application_id, 0,
               govorun_voximplant_client_del_application_async, cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_del_application_finish (GovorunVoximplantClient  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result, govorun_voximplant_client_del_application_async,
                                                error);
}

void
govorun_voximplant_client_get_scenarios_async (GovorunVoximplantClient *self,
                                               gint64                   scenario_id,
                                               const char              *scenario_name,
                                               gboolean                 with_script,
                                               guint                    count,
                                               guint                    offset,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new_page (count, offset);

  if (scenario_id > 0)
    govorun_voximplant_params_add_int (params, "scenario_id", scenario_id);
  if (scenario_name != NULL)
    govorun_voximplant_params_add (params, "scenario_name", scenario_name);
  if (with_script)
    govorun_voximplant_params_add_bool (params, "with_script", TRUE);

  govorun_voximplant_client_call_list (self, "GetScenarios", params, parse_scenario,
                                       (GDestroyNotify) govorun_voximplant_scenario_free,
                                       govorun_voximplant_client_get_scenarios_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_scenarios_finish (GovorunVoximplantClient  *self,
                                                GAsyncResult             *result,
                                                gint64                   *total_count,
                                                GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result, govorun_voximplant_client_get_scenarios_async,
                                                total_count, error);
}

void
govorun_voximplant_client_add_scenario_async (GovorunVoximplantClient *self,
                                              const char              *scenario_name,
                                              const char              *scenario_script,
                                              gint64                   application_id,
                                              GCancellable            *cancellable,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add (params, "scenario_name", scenario_name);
  if (scenario_script != NULL)
    govorun_voximplant_params_add (params, "scenario_script", scenario_script);
  if (application_id > 0)
    govorun_voximplant_params_add_int (params, "application_id", application_id);

  govorun_voximplant_client_call_parsed (self, "AddScenario", params, parse_scenario_id, g_free,
                                         govorun_voximplant_client_add_scenario_async,
                                         cancellable, callback, user_data);
}

gint64
govorun_voximplant_client_add_scenario_finish (GovorunVoximplantClient  *self,
                                               GAsyncResult             *result,
                                               GError                  **error)
{
  return id_finish (self, result, govorun_voximplant_client_add_scenario_async, error);
}

void
govorun_voximplant_client_set_scenario_info_async (GovorunVoximplantClient *self,
                                                   gint64                   scenario_id,
                                                   const char              *scenario_name,
                                                   const char              *scenario_script,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data)
{
  call_set_info (self, "SetScenarioInfo", "scenario_id", scenario_id,
                 "scenario_name", scenario_name, "scenario_script", scenario_script,
                 govorun_voximplant_client_set_scenario_info_async, cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_set_scenario_info_finish (GovorunVoximplantClient  *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result, govorun_voximplant_client_set_scenario_info_async,
                                                error);
}

void
govorun_voximplant_client_del_scenario_async (GovorunVoximplantClient *self,
                                              gint64                   scenario_id,
                                              GCancellable            *cancellable,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data)
{
  call_delete (self, "DelScenario", "scenario_id", scenario_id, 0,
               govorun_voximplant_client_del_scenario_async, cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_del_scenario_finish (GovorunVoximplantClient  *self,
                                               GAsyncResult             *result,
                                               GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result, govorun_voximplant_client_del_scenario_async,
                                                error);
}

void
govorun_voximplant_client_bind_scenario_async (GovorunVoximplantClient *self,
                                               const gint64            *scenario_ids,
                                               gsize                    n_scenario_ids,
                                               gint64                   rule_id,
                                               gint64                   application_id,
                                               gboolean                 bind,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int_list (params, "scenario_id", scenario_ids, n_scenario_ids);
  govorun_voximplant_params_add_int (params, "rule_id", rule_id);
  govorun_voximplant_params_add_int (params, "application_id", application_id);
  govorun_voximplant_params_add_bool (params, "bind", bind);

  govorun_voximplant_client_call_parsed (self, "BindScenario", params, NULL, NULL,
                                         govorun_voximplant_client_bind_scenario_async,
                                         cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_bind_scenario_finish (GovorunVoximplantClient  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result, govorun_voximplant_client_bind_scenario_async,
                                                error);
}

void
govorun_voximplant_client_get_rules_async (GovorunVoximplantClient *self,
                                           gint64                   application_id,
                                           gboolean                 with_scenarios,
                                           guint                    count,
                                           guint                    offset,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new_page (count, offset);

  govorun_voximplant_params_add_int (params, "application_id", application_id);
  if (with_scenarios)
    govorun_voximplant_params_add_bool (params, "with_scenarios", TRUE);

  govorun_voximplant_client_call_list (self, "GetRules", params, parse_rule,
                                       (GDestroyNotify) govorun_voximplant_rule_free,
                                       govorun_voximplant_client_get_rules_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_rules_finish (GovorunVoximplantClient  *self,
                                            GAsyncResult             *result,
                                            gint64                   *total_count,
                                            GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result, govorun_voximplant_client_get_rules_async,
                                                total_count, error);
}

void
govorun_voximplant_client_add_rule_async (GovorunVoximplantClient *self,
                                          gint64                   application_id,
                                          const char              *rule_name,
                                          const char              *rule_pattern,
                                          gint64                   scenario_id,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add (params, "rule_name", rule_name);
  govorun_voximplant_params_add (params, "rule_pattern", rule_pattern);
  govorun_voximplant_params_add_int (params, "application_id", application_id);
  if (scenario_id > 0)
    govorun_voximplant_params_add_int (params, "scenario_id", scenario_id);

  govorun_voximplant_client_call_parsed (self, "AddRule", params, parse_rule_id, g_free,
                                         govorun_voximplant_client_add_rule_async,
                                         cancellable, callback, user_data);
}

gint64
govorun_voximplant_client_add_rule_finish (GovorunVoximplantClient  *self,
                                           GAsyncResult             *result,
                                           GError                  **error)
{
  return id_finish (self, result, govorun_voximplant_client_add_rule_async, error);
}

void
govorun_voximplant_client_set_rule_info_async (GovorunVoximplantClient *self,
                                               gint64                   rule_id,
                                               const char              *rule_name,
                                               const char              *rule_pattern,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  call_set_info (self, "SetRuleInfo", "rule_id", rule_id, "rule_name", rule_name, "rule_pattern", rule_pattern,
                 govorun_voximplant_client_set_rule_info_async, cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_set_rule_info_finish (GovorunVoximplantClient  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result, govorun_voximplant_client_set_rule_info_async,
                                                error);
}

void
govorun_voximplant_client_del_rule_async (GovorunVoximplantClient *self,
                                          gint64                   rule_id,
                                          gint64                   application_id,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  call_delete (self, "DelRule", "rule_id", rule_id, application_id,
               govorun_voximplant_client_del_rule_async, cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_del_rule_finish (GovorunVoximplantClient  *self,
                                           GAsyncResult             *result,
                                           GError                  **error)
{
  return govorun_voximplant_client_done_finish (self, result, govorun_voximplant_client_del_rule_async,
                                                error);
}

/* ---- Fuzzing ---- */

void
_govorun_voximplant_applications_parse_for_fuzzing (JsonObject *envelope)
{
  static const struct {
    GovorunVoximplantParseItem parse;
    GDestroyNotify             free_item;
  } lists[] = {
    { parse_application, (GDestroyNotify) govorun_voximplant_application_free },
    { parse_scenario, (GDestroyNotify) govorun_voximplant_scenario_free },
    { parse_rule, (GDestroyNotify) govorun_voximplant_rule_free },
  };
  static const struct {
    GovorunVoximplantParseEnvelope parse;
    GDestroyNotify                 free_result;
  } singles[] = {
    { parse_added_application, (GDestroyNotify) govorun_voximplant_application_free },
    { parse_scenario_id, g_free },
    { parse_rule_id, g_free },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (lists); i++)
    _govorun_voximplant_fuzz_list (envelope, lists[i].parse, lists[i].free_item);

  for (gsize i = 0; i < G_N_ELEMENTS (singles); i++)
    {
      g_autoptr(GError) error = NULL;
      gpointer parsed = singles[i].parse (envelope, &error);

      g_assert ((parsed == NULL) == (error != NULL));
      g_clear_pointer (&parsed, singles[i].free_result);
    }
}
