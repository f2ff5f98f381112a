/* govorun-el-emu-widget.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsEmulator"

#include "config.h"

#include "govorun-elevenlabs-emulator-private.h"
#include "govorun-json.h"

/* The website widget's public configuration (reference §5): what the
 * <elevenlabs-convai> element fetches without a key, and the seeding and
 * inspection the widget tests need. */

static JsonNode *
member_or (JsonObject *object,
           const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL ? json_node_copy (node) : json_node_new (JSON_NODE_NULL);
}

/* GET /v1/convai/agents/{id}/widget: {"agent_id", "widget_config"} with the
 * agent's platform_settings.widget and the extra fields §5 lists. UNVERIFIED:
 * what ElevenLabs answers here for an agent that requires authentication;
 * we answer the configuration as for any other. */
void
el_emu_handle_get_widget (GovorunElevenlabsEmulator *self,
                          SoupServerMessage         *msg,
                          GHashTable                *params,
                          const char *const         *captures)
{
  EmuAgent *agent = el_emu_lookup_agent (self, msg, captures[0]);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *widget;
  JsonObject *agent_config;
  JsonObject *conversation;
  JsonObject *config;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (agent == NULL)
    return;

  widget = json_object_get_object_member (json_node_get_object (agent->platform_settings), "widget");
  config = json_node_get_object (agent->conversation_config);
  agent_config = json_object_get_object_member (config, "agent");
  conversation = json_object_get_object_member (config, "conversation");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agent_id");
  json_builder_add_string_value (builder, agent->agent_id);
  json_builder_set_member_name (builder, "widget_config");
  json_builder_begin_object (builder);
  if (widget != NULL)
    {
      json_object_iter_init (&iter, widget);
      while (json_object_iter_next (&iter, &name, &node))
        {
          json_builder_set_member_name (builder, name);
          json_builder_add_value (builder, json_node_copy (node));
        }
    }
  json_builder_set_member_name (builder, "language");
  json_builder_add_value (builder, member_or (agent_config, "language"));
  json_builder_set_member_name (builder, "supported_language_overrides");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "text_only");
  json_builder_add_value (builder, member_or (conversation, "text_only"));
  json_builder_set_member_name (builder, "first_message");
  json_builder_add_value (builder, member_or (agent_config, "first_message"));
  json_builder_set_member_name (builder, "use_rtc");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, root);
}

/**
 * govorun_elevenlabs_emulator_dup_last_patch_body:
 *
 * Returns: (transfer full) (nullable): the last PATCH body as sent
 */
char *
govorun_elevenlabs_emulator_dup_last_patch_body (GovorunElevenlabsEmulator *self)
{
  char *body;

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  body = g_strdup (self->last_patch_body);
  g_mutex_unlock (&self->lock);

  return body;
}

gboolean
govorun_elevenlabs_emulator_merge_platform_settings (GovorunElevenlabsEmulator *self,
                                                     const char                *agent_id,
                                                     const char                *json)
{
  g_autoptr(JsonNode) fragment = NULL;
  EmuAgent *agent;

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), FALSE);
  g_return_val_if_fail (agent_id != NULL && json != NULL, FALSE);

  fragment = json_from_string (json, NULL);
  if (fragment == NULL || !JSON_NODE_HOLDS_OBJECT (fragment))
    return FALSE;

  g_mutex_lock (&self->lock);
  agent = g_hash_table_lookup (self->agents_by_id, agent_id);
  if (agent != NULL)
    el_emu_deep_merge (json_node_get_object (agent->platform_settings), json_node_get_object (fragment));
  g_mutex_unlock (&self->lock);

  return agent != NULL;
}
