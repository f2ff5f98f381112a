/* govorun-elevenlabs-analysis.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsClient"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-elevenlabs-analysis.h"
#include "govorun-elevenlabs-client-private.h"
#include "govorun-elevenlabs-json-private.h"
#include "govorun-json.h"

/* An agent's call analysis and privacy settings: reference/elevenlabs.md
 * §2.1 (platform_settings), names as in the vendor's typings:
 * PromptEvaluationCriteria {id, name, type "prompt", conversation_goal_prompt,
 * use_knowledge_base}; data_collection {name → {type, description, …}}. */

static const char * const data_types[] = { "string", "boolean", "integer", "number", NULL };

gboolean
govorun_elevenlabs_data_type_is_valid (const char *type)
{
  return type != NULL && g_strv_contains (data_types, type);
}

/* Boxed results */

GovorunElevenlabsCriterion *
govorun_elevenlabs_criterion_new (const char *id,
                                  const char *name,
                                  const char *conversation_goal_prompt)
{
  GovorunElevenlabsCriterion *criterion = g_new0 (GovorunElevenlabsCriterion, 1);

  criterion->id = g_strdup (id);
  criterion->name = g_strdup (name);
  criterion->type = g_strdup ("prompt");
  criterion->conversation_goal_prompt = g_strdup (conversation_goal_prompt);

  return criterion;
}

GovorunElevenlabsCriterion *
govorun_elevenlabs_criterion_copy (const GovorunElevenlabsCriterion *criterion)
{
  GovorunElevenlabsCriterion *copy;

  g_return_val_if_fail (criterion != NULL, NULL);

  copy = govorun_elevenlabs_criterion_new (criterion->id, criterion->name, criterion->conversation_goal_prompt);
  g_free (copy->type);
  copy->type = g_strdup (criterion->type);
  copy->use_knowledge_base = criterion->use_knowledge_base;
  copy->json = g_strdup (criterion->json);

  return copy;
}

void
govorun_elevenlabs_criterion_free (GovorunElevenlabsCriterion *criterion)
{
  if (criterion == NULL)
    return;

  g_free (criterion->id);
  g_free (criterion->name);
  g_free (criterion->type);
  g_free (criterion->conversation_goal_prompt);
  g_free (criterion->json);
  g_free (criterion);
}

GovorunElevenlabsDataField *
govorun_elevenlabs_data_field_new (const char *name,
                                   const char *type,
                                   const char *description)
{
  GovorunElevenlabsDataField *field = g_new0 (GovorunElevenlabsDataField, 1);

  field->name = g_strdup (name);
  field->type = g_strdup (type);
  field->description = g_strdup (description);

  return field;
}

GovorunElevenlabsDataField *
govorun_elevenlabs_data_field_copy (const GovorunElevenlabsDataField *field)
{
  GovorunElevenlabsDataField *copy;

  g_return_val_if_fail (field != NULL, NULL);

  copy = govorun_elevenlabs_data_field_new (field->name, field->type, field->description);
  copy->json = g_strdup (field->json);

  return copy;
}

void
govorun_elevenlabs_data_field_free (GovorunElevenlabsDataField *field)
{
  if (field == NULL)
    return;

  g_free (field->name);
  g_free (field->type);
  g_free (field->description);
  g_free (field->json);
  g_free (field);
}

GovorunElevenlabsAgentAnalysis *
govorun_elevenlabs_agent_analysis_new (void)
{
  GovorunElevenlabsAgentAnalysis *analysis = g_new0 (GovorunElevenlabsAgentAnalysis, 1);

  analysis->first_message = g_strdup ("");
  analysis->language = g_strdup ("en");
  analysis->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_criterion_free);
  analysis->data_fields = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_data_field_free);
  analysis->privacy.record_voice = TRUE;
  analysis->privacy.retention_days = -1;

  return analysis;
}

GovorunElevenlabsAgentAnalysis *
govorun_elevenlabs_agent_analysis_copy (const GovorunElevenlabsAgentAnalysis *analysis)
{
  GovorunElevenlabsAgentAnalysis *copy;

  g_return_val_if_fail (analysis != NULL, NULL);

  copy = govorun_elevenlabs_agent_analysis_new ();
  copy->agent_id = g_strdup (analysis->agent_id);
  g_free (copy->first_message);
  copy->first_message = g_strdup (analysis->first_message);
  g_free (copy->language);
  copy->language = g_strdup (analysis->language);
  for (guint i = 0; i < analysis->criteria->len; i++)
    g_ptr_array_add (copy->criteria, govorun_elevenlabs_criterion_copy (g_ptr_array_index (analysis->criteria, i)));
  for (guint i = 0; i < analysis->data_fields->len; i++)
    g_ptr_array_add (copy->data_fields, govorun_elevenlabs_data_field_copy (g_ptr_array_index (analysis->data_fields, i)));
  copy->privacy = analysis->privacy;

  return copy;
}

void
govorun_elevenlabs_agent_analysis_free (GovorunElevenlabsAgentAnalysis *analysis)
{
  if (analysis == NULL)
    return;

  g_free (analysis->agent_id);
  g_free (analysis->first_message);
  g_free (analysis->language);
  g_ptr_array_unref (analysis->criteria);
  g_ptr_array_unref (analysis->data_fields);
  g_free (analysis);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsAgentAnalysis, govorun_elevenlabs_agent_analysis,
                     govorun_elevenlabs_agent_analysis_copy, govorun_elevenlabs_agent_analysis_free)

/* Parsing */

static GovorunElevenlabsCriterion *
parse_criterion (JsonNode    *node,
                 const char  *prefix,
                 GError     **error)
{
  g_autoptr(GovorunElevenlabsCriterion) criterion = g_new0 (GovorunElevenlabsCriterion, 1);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      govorun_elevenlabs_json_bad_field (error, prefix);
      return NULL;
    }
  object = json_node_get_object (node);

  if (!govorun_elevenlabs_json_read_string (object, prefix, "id", FIELD_REQUIRED, &criterion->id, error)
      || !govorun_elevenlabs_json_read_string (object, prefix, "name", FIELD_REQUIRED, &criterion->name, error)
      || !govorun_elevenlabs_json_read_string (object, prefix, "conversation_goal_prompt", FIELD_REQUIRED,
                                               &criterion->conversation_goal_prompt, error)
      || !govorun_elevenlabs_json_read_string (object, prefix, "type", FIELD_NULLABLE | FIELD_LENIENT,
                                               &criterion->type, error)
      || !govorun_elevenlabs_json_read_boolean (object, prefix, "use_knowledge_base", FIELD_NULLABLE | FIELD_LENIENT,
                                                &criterion->use_knowledge_base, error))
    return NULL;

  if (criterion->type == NULL)
    criterion->type = g_strdup ("prompt");
  criterion->json = json_to_string (node, FALSE);

  return g_steal_pointer (&criterion);
}

static GovorunElevenlabsDataField *
parse_data_field (const char  *name,
                  JsonNode    *node,
                  const char  *prefix,
                  GError     **error)
{
  g_autoptr(GovorunElevenlabsDataField) field = g_new0 (GovorunElevenlabsDataField, 1);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      govorun_elevenlabs_json_bad_field (error, prefix);
      return NULL;
    }
  object = json_node_get_object (node);

  field->name = g_strdup (name);
  if (!govorun_elevenlabs_json_read_string (object, prefix, "type", FIELD_REQUIRED, &field->type, error)
      || !govorun_elevenlabs_json_read_string (object, prefix, "description", FIELD_NULLABLE | FIELD_LENIENT,
                                               &field->description, error))
    return NULL;

  if (field->description == NULL)
    field->description = g_strdup ("");
  field->json = json_to_string (node, FALSE);

  return g_steal_pointer (&field);
}

/* GetAgentResponseModel: agent_id*, conversation_config*; the settings read
 * here are optional with the [OAS] defaults. */
GovorunElevenlabsAgentAnalysis *
_govorun_elevenlabs_parse_agent_analysis (JsonNode  *root,
                                          GError   **error)
{
  g_autoptr(GovorunElevenlabsAgentAnalysis) analysis = govorun_elevenlabs_agent_analysis_new ();
  JsonObject *object;
  JsonObject *config;
  JsonObject *agent = NULL;
  JsonObject *platform = NULL;
  JsonObject *evaluation = NULL;
  JsonObject *data_collection = NULL;
  JsonObject *privacy = NULL;
  JsonArray *criteria = NULL;

  if ((object = govorun_elevenlabs_json_root_object (root, error)) == NULL)
    return NULL;

  if (!govorun_elevenlabs_json_read_string (object, NULL, "agent_id", FIELD_REQUIRED, &analysis->agent_id, error)
      || !govorun_elevenlabs_json_read_object (object, NULL, "conversation_config", FIELD_REQUIRED, &config, error)
      || !govorun_elevenlabs_json_read_object (config, "conversation_config", "agent", FIELD_NULLABLE, &agent, error)
      || !govorun_elevenlabs_json_read_object (object, NULL, "platform_settings", FIELD_NULLABLE, &platform, error))
    return NULL;

  if (agent != NULL
      && (!govorun_elevenlabs_json_read_string (agent, "conversation_config.agent", "first_message", FIELD_NULLABLE,
                                                &analysis->first_message, error)
          || !govorun_elevenlabs_json_read_string (agent, "conversation_config.agent", "language", FIELD_NULLABLE,
                                                   &analysis->language, error)))
    return NULL;

  if (platform != NULL
      && (!govorun_elevenlabs_json_read_object (platform, "platform_settings", "evaluation", FIELD_NULLABLE, &evaluation, error)
          || !govorun_elevenlabs_json_read_object (platform, "platform_settings", "data_collection", FIELD_NULLABLE,
                                                   &data_collection, error)
          || !govorun_elevenlabs_json_read_object (platform, "platform_settings", "privacy", FIELD_NULLABLE, &privacy, error)))
    return NULL;

  if (evaluation != NULL
      && !govorun_elevenlabs_json_read_array (evaluation, "platform_settings.evaluation", "criteria", FIELD_NULLABLE,
                                              &criteria, error))
    return NULL;

  for (guint i = 0; criteria != NULL && i < json_array_get_length (criteria); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("platform_settings.evaluation.criteria[%u]", i);
      GovorunElevenlabsCriterion *criterion = parse_criterion (json_array_get_element (criteria, i), prefix, error);

      if (criterion == NULL)
        return NULL;
      g_ptr_array_add (analysis->criteria, criterion);
    }

  if (data_collection != NULL)
    {
      /* In the answer's order (an iterator would give the hash's). */
      g_autoptr(GList) names = json_object_get_members (data_collection);

      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *name = l->data;
          g_autofree char *prefix = govorun_elevenlabs_json_field_path ("platform_settings.data_collection", name);
          GovorunElevenlabsDataField *field = parse_data_field (name, json_object_get_member (data_collection, name),
                                                                prefix, error);

          if (field == NULL)
            return NULL;
          g_ptr_array_add (analysis->data_fields, field);
        }
    }

  if (privacy != NULL)
    {
      const char *prefix = "platform_settings.privacy";
      GovorunElevenlabsPrivacy *p = &analysis->privacy;

      if (!govorun_elevenlabs_json_read_boolean (privacy, prefix, "record_voice", FIELD_NULLABLE, &p->record_voice, error)
          || !govorun_elevenlabs_json_read_int64 (privacy, prefix, "retention_days", FIELD_NULLABLE, &p->retention_days, error)
          || !govorun_elevenlabs_json_read_boolean (privacy, prefix, "delete_transcript_and_pii", FIELD_NULLABLE,
                                                    &p->delete_transcript_and_pii, error)
          || !govorun_elevenlabs_json_read_boolean (privacy, prefix, "delete_audio", FIELD_NULLABLE, &p->delete_audio, error)
          || !govorun_elevenlabs_json_read_boolean (privacy, prefix, "zero_retention_mode", FIELD_NULLABLE | FIELD_LENIENT,
                                                    &p->zero_retention_mode, error))
        return NULL;
    }

  return g_steal_pointer (&analysis);
}

static void
on_analysis (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _govorun_elevenlabs_client_return_parsed (GOVORUN_ELEVENLABS_CLIENT (source), result, task,
                                            (GovorunElevenlabsParseFunc) _govorun_elevenlabs_parse_agent_analysis,
                                            (GDestroyNotify) govorun_elevenlabs_agent_analysis_free);
}

static char *
agent_path (const char *agent_id)
{
  g_autofree char *escaped = g_uri_escape_string (agent_id, NULL, FALSE);

  return g_strconcat ("/v1/convai/agents/", escaped, NULL);
}

/**
 * govorun_elevenlabs_client_get_agent_analysis_async:
 *
 * GET /v1/convai/agents/{agent_id}, read for its analysis settings.
 */
void
govorun_elevenlabs_client_get_agent_analysis_async (GovorunElevenlabsClient *self,
                                                    const char              *agent_id,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_get_agent_analysis_async);

  path = agent_path (agent_id);
  _govorun_elevenlabs_client_request_json_async (self, "GET", path, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_analysis, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_get_agent_analysis_finish:
 *
 * Returns: (transfer full): the agent's settings, or %NULL with @error set
 */
GovorunElevenlabsAgentAnalysis *
govorun_elevenlabs_client_get_agent_analysis_finish (GovorunElevenlabsClient  *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_elevenlabs_client_get_agent_analysis_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The PATCH body */

/* The item as read, or an empty object for a new one. */
static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_object_ref (json_node_get_object (node));
  return json_object_new ();
}

static gboolean
validate (const GovorunElevenlabsAgentAnalysis  *wanted,
          GovorunElevenlabsAnalysisParts         parts,
          GError                               **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (parts & GOVORUN_ELEVENLABS_ANALYSIS_CRITERIA)
    for (guint i = 0; i < wanted->criteria->len; i++)
      {
        GovorunElevenlabsCriterion *c = g_ptr_array_index (wanted->criteria, i);

        if (c->id == NULL || *c->id == '\0' || c->name == NULL || *c->name == '\0'
            || c->conversation_goal_prompt == NULL || *c->conversation_goal_prompt == '\0')
          {
            g_set_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION,
                         _("Every evaluation criterion needs a name and a goal prompt. Fill them in or remove the criterion."));
            return FALSE;
          }
        if (!g_hash_table_add (seen, c->id))
          {
            g_set_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION,
                         /* Translators: %s is a criterion's id such as “goal_reached” */
                         _("Two evaluation criteria have the id “%s”. Rename one of them."), c->id);
            return FALSE;
          }
      }

  g_hash_table_remove_all (seen);
  if (parts & GOVORUN_ELEVENLABS_ANALYSIS_DATA_COLLECTION)
    for (guint i = 0; i < wanted->data_fields->len; i++)
      {
        GovorunElevenlabsDataField *f = g_ptr_array_index (wanted->data_fields, i);

        if (f->name == NULL || *f->name == '\0')
          {
            g_set_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION,
                         _("Every data field needs a name. Fill it in or remove the field."));
            return FALSE;
          }
        if (!govorun_elevenlabs_data_type_is_valid (f->type))
          {
            g_set_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION,
                         /* Translators: %s is a data field's name */
                         _("The data field “%s” has a type ElevenLabs does not accept. Choose text, yes or no, whole number or number."),
                         f->name);
            return FALSE;
          }
        if (!g_hash_table_add (seen, f->name))
          {
            g_set_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION,
                         /* Translators: %s is a data field's name */
                         _("Two data fields are named “%s”. Rename one of them."), f->name);
            return FALSE;
          }
      }

  if ((parts & GOVORUN_ELEVENLABS_ANALYSIS_PRIVACY) && wanted->privacy.retention_days < -1)
    {
      g_set_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION,
                   _("Retention must be a number of days, or unlimited."));
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
build_body (const GovorunElevenlabsAgentAnalysis *wanted,
            GovorunElevenlabsAnalysisParts        parts)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonObject) platform = json_object_new ();
  JsonNode *node;

  if (parts & GOVORUN_ELEVENLABS_ANALYSIS_CRITERIA)
    {
      JsonObject *evaluation = json_object_new ();
      JsonArray *criteria = json_array_new ();

      for (guint i = 0; i < wanted->criteria->len; i++)
        {
          GovorunElevenlabsCriterion *c = g_ptr_array_index (wanted->criteria, i);
          JsonObject *item = object_from (c->json);

          json_object_set_string_member (item, "id", c->id);
          json_object_set_string_member (item, "name", c->name);
          json_object_set_string_member (item, "type", c->type != NULL ? c->type : "prompt");
          json_object_set_string_member (item, "conversation_goal_prompt", c->conversation_goal_prompt);
          json_array_add_object_element (criteria, item);
        }
      json_object_set_array_member (evaluation, "criteria", criteria);
      json_object_set_object_member (platform, "evaluation", evaluation);
    }

  if (parts & GOVORUN_ELEVENLABS_ANALYSIS_DATA_COLLECTION)
    {
      JsonObject *fields = json_object_new ();

      for (guint i = 0; i < wanted->data_fields->len; i++)
        {
          GovorunElevenlabsDataField *f = g_ptr_array_index (wanted->data_fields, i);
          JsonObject *item = object_from (f->json);

          json_object_set_string_member (item, "type", f->type);
          json_object_set_string_member (item, "description", f->description != NULL ? f->description : "");
          json_object_set_object_member (fields, f->name, item);
        }
      json_object_set_object_member (platform, "data_collection", fields);
    }

  if (parts & GOVORUN_ELEVENLABS_ANALYSIS_PRIVACY)
    {
      JsonObject *privacy = json_object_new ();

      json_object_set_int_member (privacy, "retention_days", wanted->privacy.retention_days);
      json_object_set_boolean_member (privacy, "delete_transcript_and_pii", wanted->privacy.delete_transcript_and_pii);
      json_object_set_boolean_member (privacy, "delete_audio", wanted->privacy.delete_audio);
      json_object_set_object_member (platform, "privacy", privacy);
    }

  if (json_object_get_size (platform) > 0)
    json_object_set_object_member (root, "platform_settings", json_object_ref (platform));

  if (parts & GOVORUN_ELEVENLABS_ANALYSIS_FIRST_MESSAGE)
    {
      JsonObject *config = json_object_new ();
      JsonObject *agent = json_object_new ();

      json_object_set_string_member (agent, "first_message", wanted->first_message != NULL ? wanted->first_message : "");
      json_object_set_object_member (config, "agent", agent);
      json_object_set_object_member (root, "conversation_config", config);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  return node;
}

/**
 * govorun_elevenlabs_client_update_agent_analysis_async:
 * @wanted: the settings to write; only @parts of it are sent
 * @parts: at least one part
 *
 * PATCH /v1/convai/agents/{agent_id} with only @parts.
 */
void
govorun_elevenlabs_client_update_agent_analysis_async (GovorunElevenlabsClient              *self,
                                                       const char                           *agent_id,
                                                       const GovorunElevenlabsAgentAnalysis *wanted,
                                                       GovorunElevenlabsAnalysisParts        parts,
                                                       GCancellable                         *cancellable,
                                                       GAsyncReadyCallback                   callback,
                                                       gpointer                              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (wanted != NULL);
  g_return_if_fail (parts != 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_update_agent_analysis_async);

  if (!validate (wanted, parts, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  body = build_body (wanted, parts);
  path = agent_path (agent_id);

  /* Setting values to fixed ones is idempotent: repeating it after a lost
   * answer changes nothing more, so the transport may retry. */
  _govorun_elevenlabs_client_request_json_async (self, "PATCH", path, body, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_analysis, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_update_agent_analysis_finish:
 *
 * Returns: (transfer full): the settings in the PATCH answer, or %NULL with
 *   @error set
 */
GovorunElevenlabsAgentAnalysis *
govorun_elevenlabs_client_update_agent_analysis_finish (GovorunElevenlabsClient  *self,
                                                        GAsyncResult             *result,
                                                        GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_elevenlabs_client_update_agent_analysis_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
