/* govorun-el-emu-analysis.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsEmulator"

#include "config.h"

#include "govorun-elevenlabs-emulator-private.h"

/* An agent's analysis settings in PATCH /v1/convai/agents/{id}:
 * platform_settings.evaluation.criteria (PromptEvaluationCriteria) and
 * platform_settings.data_collection (name → LiteralJsonSchemaProperty), and
 * the last PATCH body, kept for tests. */

static const char * const data_types[] = { "boolean", "string", "integer", "number", NULL };

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Answers 422 and returns FALSE when the analysis parts of @platform are
 * not what ElevenLabs accepts. */
gboolean
el_emu_check_analysis (SoupServerMessage *msg,
                       JsonObject        *platform)
{
  JsonNode *node = json_object_get_member (platform, "data_collection");
  JsonNode *evaluation = json_object_get_member (platform, "evaluation");

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &value))
        {
          const char *loc[] = { "body", "platform_settings", "data_collection", name, "type", NULL };
          JsonNode *type = JSON_NODE_HOLDS_OBJECT (value) ?
            json_object_get_member (json_node_get_object (value), "type") : NULL;

          if (!is_string (type) || !g_strv_contains (data_types, json_node_get_string (type)))
            {
              el_emu_respond_body_validation (msg, loc, "literal_error",
                                              "Input should be 'boolean', 'string', 'integer' or 'number'",
                                              type != NULL ? json_node_copy (type) : NULL);
              return FALSE;
            }
        }
    }

  if (evaluation != NULL && JSON_NODE_HOLDS_OBJECT (evaluation))
    {
      JsonNode *criteria = json_object_get_member (json_node_get_object (evaluation), "criteria");

      if (criteria != NULL && JSON_NODE_HOLDS_ARRAY (criteria))
        {
          JsonArray *array = json_node_get_array (criteria);
          static const char * const required[] = { "id", "name", "conversation_goal_prompt", NULL };

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              for (guint r = 0; required[r] != NULL; r++)
                {
                  g_autofree char *index = g_strdup_printf ("%u", i);
                  const char *loc[] = { "body", "platform_settings", "evaluation", "criteria", index, required[r], NULL };
                  JsonNode *member = JSON_NODE_HOLDS_OBJECT (item) ?
                    json_object_get_member (json_node_get_object (item), required[r]) : NULL;

                  if (!is_string (member))
                    {
                      el_emu_respond_body_validation (msg, loc, "missing", "Field required", NULL);
                      return FALSE;
                    }
                }
            }
        }
    }

  return TRUE;
}

/* The map of data fields is replaced whole, so a field left out of a PATCH
 * is removed; the criteria list is an array, replaced whole anyway.
 * UNVERIFIED: whether ElevenLabs merges data_collection member by member;
 * Govorun re-reads the agent after every PATCH and shows what it got. */
void
el_emu_replace_analysis (JsonObject *into,
                         JsonObject *from)
{
  JsonNode *node = json_object_get_member (from, "data_collection");

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    json_object_set_member (into, "data_collection", json_node_copy (node));
}

/* Called by the PATCH handler, which runs with the lock held. */
void
el_emu_record_agent_patch (GovorunElevenlabsEmulator *self,
                           const char                *body,
                           gsize                      length)
{
  g_free (self->last_agent_patch);
  self->last_agent_patch = g_strndup (body, length);
  self->agent_patch_count++;
}

/**
 * govorun_elevenlabs_emulator_dup_last_agent_patch:
 * @out_count: (out) (optional): how many agent PATCHes arrived so far
 *
 * Returns: (transfer full) (nullable): the body of the last PATCH of an
 *   agent, as received
 */
char *
govorun_elevenlabs_emulator_dup_last_agent_patch (GovorunElevenlabsEmulator *self,
                                                  guint                     *out_count)
{
  char *body;

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  body = g_strdup (self->last_agent_patch);
  if (out_count != NULL)
    *out_count = self->agent_patch_count;
  g_mutex_unlock (&self->lock);

  return body;
}

/**
 * govorun_elevenlabs_emulator_set_agent_platform_settings:
 * @json: a JSON object merged into the agent's platform_settings (its
 *   data_collection replaced whole), without the endpoint's validation
 *
 * Returns: FALSE when there is no such agent or @json is not an object
 */
gboolean
govorun_elevenlabs_emulator_set_agent_platform_settings (GovorunElevenlabsEmulator *self,
                                                         const char                *agent_id,
                                                         const char                *json)
{
  g_autoptr(JsonNode) node = NULL;
  EmuAgent *agent;

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), FALSE);
  g_return_val_if_fail (agent_id != NULL && json != NULL, FALSE);

  node = json_from_string (json, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  g_mutex_lock (&self->lock);
  agent = g_hash_table_lookup (self->agents_by_id, agent_id);
  if (agent != NULL)
    {
      JsonObject *into = json_node_get_object (agent->platform_settings);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      el_emu_replace_analysis (into, json_node_get_object (node));
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (into, name, json_node_copy (member));
    }
  g_mutex_unlock (&self->lock);

  return agent != NULL;
}
