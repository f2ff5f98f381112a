/* govorun-el-emu-agents.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsEmulator"

#include "config.h"

#include "govorun-elevenlabs-emulator-private.h"
#include "govorun-json.h"

/* Conversational agents (reference §2.1): list, get and PATCH, and the
 * agents the tests seed. */

/* Cursors are opaque to clients (§1.5): base64 of this prefix and an
 * offset. UNVERIFIED: how ElevenLabs rejects a cursor it did not make; we
 * answer 422 as FastAPI does for any bad query value. */
#define CURSOR_PREFIX           "govorun-emulator:offset:"

#define DEFAULT_PAGE_SIZE 30
#define MAX_PAGE_SIZE     100

static const char conversation_config_template[] =
  "{"
  "\"agent\":{\"first_message\":\"\",\"language\":\"en\","
  "\"dynamic_variables\":{\"dynamic_variable_placeholders\":{}},"
  "\"prompt\":{\"prompt\":\"\",\"llm\":\"gemini-2.0-flash\",\"temperature\":0,\"max_tokens\":-1,"
  "\"tool_ids\":[],\"built_in_tools\":{},\"knowledge_base\":[]}},"
  "\"tts\":{\"model_id\":\"eleven_turbo_v2\",\"voice_id\":\"cjVigY5qzO86Huf0OWal\","
  "\"agent_output_audio_format\":\"pcm_16000\",\"optimize_streaming_latency\":3,"
  "\"stability\":0.5,\"speed\":1.0,\"similarity_boost\":0.8,\"supported_voices\":[]},"
  "\"asr\":{\"quality\":\"high\",\"provider\":\"elevenlabs\","
  "\"user_input_audio_format\":\"pcm_16000\",\"keywords\":[]},"
  "\"turn\":{\"turn_timeout\":7,\"silence_end_call_timeout\":-1,\"mode\":\"turn\"},"
  "\"conversation\":{\"text_only\":false,\"max_duration_seconds\":600,"
  "\"client_events\":[\"audio\",\"interruption\",\"agent_response\",\"user_transcript\","
  "\"tentative_user_transcript\",\"conversation_initiation_metadata\",\"ping\"]},"
  "\"language_presets\":{}"
  "}";

static const char platform_settings_template[] =
  "{"
  "\"auth\":{\"enable_auth\":false,\"allowlist\":[],\"shareable_token\":null},"
  "\"widget\":{\"variant\":\"full\",\"placement\":\"bottom-right\",\"expandable\":\"never\","
  "\"avatar\":{\"type\":\"orb\",\"color_1\":\"#2792dc\",\"color_2\":\"#9ce6e6\"},"
  "\"feedback_mode\":\"none\",\"bg_color\":\"#ffffff\",\"text_color\":\"#000000\","
  "\"btn_color\":\"#000000\",\"btn_text_color\":\"#ffffff\",\"border_color\":\"#e1e1e1\","
  "\"focus_color\":\"#000000\",\"border_radius\":null,\"btn_radius\":null,"
  "\"mic_muting_enabled\":false,\"transcript_enabled\":false,\"text_input_enabled\":true,"
  "\"default_expanded\":false,\"always_expanded\":false,\"dismissible\":true,"
  "\"disable_banner\":false,\"supports_text_only\":true,\"language_selector\":false,"
  "\"text_contents\":{},\"language_presets\":{}},"
  "\"overrides\":{\"conversation_config_override\":{"
  "\"agent\":{\"first_message\":false,\"language\":false,\"prompt\":{\"prompt\":false}},"
  "\"tts\":{\"voice_id\":false},\"conversation\":{\"text_only\":false}},"
  "\"custom_llm_extra_body\":false,"
  "\"enable_conversation_initiation_client_data_from_webhook\":false},"
  "\"call_limits\":{\"agent_concurrency_limit\":-1,\"daily_limit\":100000,\"bursting_enabled\":true},"
  "\"privacy\":{\"record_voice\":true,\"retention_days\":-1,\"delete_transcript_and_pii\":false,"
  "\"delete_audio\":false,\"zero_retention_mode\":false},"
  "\"data_collection\":{},"
  "\"workspace_overrides\":{}"
  "}";

/* {{name}} in a text; system__ variables are filled by ElevenLabs itself. */
static void
add_placeholders (JsonObject *placeholders,
                  const char *text)
{
  const char *p = text;

  while (p != NULL && (p = strstr (p, "{{")) != NULL)
    {
      const char *start = p + 2;
      const char *end = strstr (start, "}}");
      g_autofree char *name = NULL;

      if (end == NULL)
        break;

      name = g_strstrip (g_strndup (start, end - start));
      if (*name != '\0' && !g_str_has_prefix (name, "system__")
          && !json_object_has_member (placeholders, name))
        json_object_set_string_member (placeholders, name, "");

      p = end + 2;
    }
}

static JsonObject *
object_at (JsonNode   *root,
           const char *first,
           ...)
{
  JsonObject *object = json_node_get_object (root);
  const char *name = first;
  va_list args;

  va_start (args, first);
  while (name != NULL && object != NULL)
    {
      object = json_object_get_object_member (object, name);
      name = va_arg (args, const char *);
    }
  va_end (args);

  return object;
}

static void
add_access_info (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "access_info");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "is_creator");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "creator_name");
  json_builder_add_string_value (builder, "Sandbox User");
  json_builder_set_member_name (builder, "creator_email");
  json_builder_add_string_value (builder, "sandbox@example.com");
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "admin");
  json_builder_end_object (builder);
}

static void
add_tags (JsonBuilder *builder,
          GStrv        tags)
{
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
}

/* AgentSummaryResponseModel */
static void
build_agent_summary (JsonBuilder *builder,
                     EmuAgent    *agent)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agent_id");
  json_builder_add_string_value (builder, agent->agent_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, agent->name);
  add_tags (builder, agent->tags);
  json_builder_set_member_name (builder, "created_at_unix_secs");
  json_builder_add_int_value (builder, agent->created_at_unix_secs);
  add_access_info (builder);
  json_builder_set_member_name (builder, "last_call_time_unix_secs");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* GetAgentResponseModel */
static JsonNode *
build_agent (EmuAgent *agent)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agent_id");
  json_builder_add_string_value (builder, agent->agent_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, agent->name);
  json_builder_set_member_name (builder, "conversation_config");
  json_builder_add_value (builder, json_node_copy (agent->conversation_config));
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "created_at_unix_secs");
  json_builder_add_int_value (builder, agent->created_at_unix_secs);
  json_builder_set_member_name (builder, "updated_at_unix_secs");
  json_builder_add_int_value (builder, agent->updated_at_unix_secs);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "platform_settings");
  json_builder_add_value (builder, json_node_copy (agent->platform_settings));
  json_builder_set_member_name (builder, "phone_numbers");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  add_tags (builder, agent->tags);
  add_access_info (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
name_matches (const char *name,
              const char *search_folded)
{
  g_autofree char *folded = NULL;

  if (search_folded == NULL)
    return TRUE;

  folded = g_utf8_casefold (name, -1);
  return strstr (folded, search_folded) != NULL;
}

/* GET /v1/convai/agents: newest first, like the dashboard. */
void
el_emu_handle_list_agents (GovorunElevenlabsEmulator *self,
                           SoupServerMessage         *msg,
                           GHashTable                *params,
                           const char *const         *captures)
{
  const char *page_size_text = g_hash_table_lookup (params, "page_size");
  const char *cursor = g_hash_table_lookup (params, "cursor");
  const char *search = g_hash_table_lookup (params, "search");
  g_autofree char *search_folded = NULL;
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gint64 page_size = DEFAULT_PAGE_SIZE;
  gint64 offset = 0;
  guint end;

  if (page_size_text != NULL)
    {
      if (!g_ascii_string_to_signed (page_size_text, 10, G_MININT64, G_MAXINT64, &page_size, NULL))
        {
          el_emu_respond_validation (msg, "page_size", "int_parsing",
                                     "Input should be a valid integer, unable to parse string as an integer",
                                     page_size_text);
          return;
        }
      if (page_size < 1)
        {
          el_emu_respond_validation (msg, "page_size", "greater_than_equal",
                                     "Input should be greater than or equal to 1", page_size_text);
          return;
        }
      if (page_size > MAX_PAGE_SIZE)
        {
          el_emu_respond_validation (msg, "page_size", "less_than_equal",
                                     "Input should be less than or equal to 100", page_size_text);
          return;
        }
    }

  if (cursor != NULL && *cursor != '\0' && !el_emu_decode_cursor (CURSOR_PREFIX, cursor, &offset))
    {
      el_emu_respond_validation (msg, "cursor", "value_error", "Value error, invalid cursor", cursor);
      return;
    }

  if (search != NULL && *search != '\0')
    search_folded = g_utf8_casefold (search, -1);

  for (guint i = self->agents->len; i > 0; i--)
    {
      EmuAgent *agent = g_ptr_array_index (self->agents, i - 1);

      if (name_matches (agent->name, search_folded))
        g_ptr_array_add (matches, agent);
    }

  offset = MIN (offset, (gint64) matches->len);
  end = (guint) MIN ((gint64) offset + page_size, (gint64) matches->len);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agents");
  json_builder_begin_array (builder);
  for (guint i = offset; i < end; i++)
    build_agent_summary (builder, g_ptr_array_index (matches, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "has_more");
  json_builder_add_boolean_value (builder, end < matches->len);
  json_builder_set_member_name (builder, "next_cursor");
  if (end < matches->len)
    {
      g_autofree char *next = el_emu_encode_cursor (CURSOR_PREFIX, end);
      json_builder_add_string_value (builder, next);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, root);
}

/* The agent in the path; NULL after answering 404 when there is none. */
EmuAgent *
el_emu_lookup_agent (GovorunElevenlabsEmulator *self,
              SoupServerMessage         *msg,
              const char                *agent_id)
{
  EmuAgent *agent = g_hash_table_lookup (self->agents_by_id, agent_id);

  if (agent == NULL)
    {
      g_autofree char *text = g_strdup_printf ("Agent with id %s was not found.", agent_id);

      el_emu_respond_detail (msg, SOUP_STATUS_NOT_FOUND, STATUS_NOT_FOUND, text);
    }

  return agent;
}

void
el_emu_handle_get_agent (GovorunElevenlabsEmulator *self,
                         SoupServerMessage         *msg,
                         GHashTable                *params,
                         const char *const         *captures)
{
  EmuAgent *agent = el_emu_lookup_agent (self, msg, captures[0]);
  g_autoptr(JsonNode) root = NULL;

  if (agent == NULL)
    return;

  root = build_agent (agent);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, root);
}

/* PATCH /v1/convai/agents/{id} */

/* §2.1: the audio-format enum of both asr and tts. */
static const char * const audio_formats[] = {
  "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100", "pcm_48000", "ulaw_8000", NULL,
};

/* Checks one audio-format field of the body, if present; answers 422 and
 * returns FALSE when it is not in the enum. */
static gboolean
check_audio_format (SoupServerMessage *msg,
                    JsonObject        *config,
                    const char        *section,
                    const char        *field)
{
  const char *loc[] = { "body", "conversation_config", section, field, NULL };
  JsonObject *object;
  JsonNode *node;

  if (!json_object_has_member (config, section)
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (config, section)))
    return TRUE;

  object = json_object_get_object_member (config, section);
  node = json_object_get_member (object, field);
  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
      && g_strv_contains (audio_formats, json_node_get_string (node)))
    return TRUE;

  el_emu_respond_body_validation (msg, loc, "enum",
                                  "Input should be 'pcm_8000', 'pcm_16000', 'pcm_22050', 'pcm_24000', "
                                  "'pcm_44100', 'pcm_48000' or 'ulaw_8000'",
                                  json_node_copy (node));
  return FALSE;
}

/* Objects merge member by member; anything else replaces. */
void
el_emu_deep_merge (JsonObject *into,
            JsonObject *from)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, from);
  while (json_object_iter_next (&iter, &name, &node))
    {
      JsonNode *have = json_object_get_member (into, name);

      if (have != NULL && JSON_NODE_HOLDS_OBJECT (have) && JSON_NODE_HOLDS_OBJECT (node))
        el_emu_deep_merge (json_node_get_object (have), json_node_get_object (node));
      else
        json_object_set_member (into, name, json_node_copy (node));
    }
}

void
el_emu_handle_patch_agent (GovorunElevenlabsEmulator *self,
                           SoupServerMessage         *msg,
                           GHashTable                *params,
                           const char *const         *captures)
{
  EmuAgent *agent = el_emu_lookup_agent (self, msg, captures[0]);
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(JsonNode) root = NULL;
  static const char * const objects[] = { "conversation_config", "platform_settings", "workflow", NULL };
  JsonObject *body;
  JsonNode *node;

  if (agent == NULL)
    return;

  root = govorun_json_parse (request->data, request->length, GOVORUN_JSON_REQUEST, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      const char *loc[] = { "body", NULL };

      el_emu_respond_body_validation (msg, loc, "model_attributes_type",
                                      "Input should be a valid dictionary or object to extract fields from", NULL);
      return;
    }
  body = json_node_get_object (root);
  /* Kept as sent, so tests can see a PATCH carried only its field. */
  g_free (self->last_patch_body);
  self->last_patch_body = g_strndup (request->data, request->length);
  el_emu_record_agent_patch (self, request->data, request->length);

  /* Validate everything before changing anything. */
  for (guint i = 0; objects[i] != NULL; i++)
    {
      node = json_object_get_member (body, objects[i]);
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !JSON_NODE_HOLDS_OBJECT (node))
        {
          const char *loc[] = { "body", objects[i], NULL };

          el_emu_respond_body_validation (msg, loc, "model_attributes_type",
                                          "Input should be a valid dictionary or object to extract fields from",
                                          json_node_copy (node));
          return;
        }
    }
  node = json_object_get_member (body, "name");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node)
      && !(JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING))
    {
      const char *loc[] = { "body", "name", NULL };

      el_emu_respond_body_validation (msg, loc, "string_type", "Input should be a valid string", json_node_copy (node));
      return;
    }
  node = json_object_get_member (body, "conversation_config");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node)
      && (!check_audio_format (msg, json_node_get_object (node), "asr", "user_input_audio_format")
          || !check_audio_format (msg, json_node_get_object (node), "tts", "agent_output_audio_format")))
    return;

  node = json_object_get_member (body, "platform_settings");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) && !el_emu_check_analysis (msg, json_node_get_object (node)))
    return;

  node = json_object_get_member (body, "conversation_config");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    el_emu_deep_merge (json_node_get_object (agent->conversation_config), json_node_get_object (node));
  node = json_object_get_member (body, "platform_settings");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      el_emu_replace_analysis (json_node_get_object (agent->platform_settings), json_node_get_object (node));
      el_emu_deep_merge (json_node_get_object (agent->platform_settings), json_node_get_object (node));
    }
  node = json_object_get_member (body, "name");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_free (agent->name);
      agent->name = g_strdup (json_node_get_string (node));
    }
  agent->updated_at_unix_secs = g_get_real_time () / G_USEC_PER_SEC;

  root = build_agent (agent);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, root);
}

/**
 * govorun_elevenlabs_emulator_add_agent:
 * @first_message: (nullable): "{{name}}" in it becomes a dynamic variable
 *   placeholder, as the dashboard does
 * @language: (nullable): e.g. "ru"
 *
 * Returns: (transfer full): the new agent's ID
 */
char *
govorun_elevenlabs_emulator_add_agent (GovorunElevenlabsEmulator *self,
                                       const char                *name,
                                       const char                *first_message,
                                       const char                *language)
{
  EmuAgent *agent;
  JsonObject *agent_config;
  JsonObject *placeholders;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  agent = g_new0 (EmuAgent, 1);
  agent->name = g_strdup (name);
  agent->tags = g_new0 (char *, 1);
  agent->created_at_unix_secs = g_get_real_time () / G_USEC_PER_SEC;
  agent->updated_at_unix_secs = agent->created_at_unix_secs;
  agent->conversation_config = json_from_string (conversation_config_template, NULL);
  agent->platform_settings = json_from_string (platform_settings_template, NULL);
  g_assert (agent->conversation_config != NULL && agent->platform_settings != NULL);

  agent_config = object_at (agent->conversation_config, "agent", NULL);
  json_object_set_string_member (agent_config, "first_message", first_message != NULL ? first_message : "");
  json_object_set_string_member (agent_config, "language", language != NULL ? language : "en");
  placeholders = object_at (agent->conversation_config, "agent", "dynamic_variables",
                            "dynamic_variable_placeholders", NULL);
  add_placeholders (placeholders, first_message);

  g_mutex_lock (&self->lock);
  do
    {
      g_free (suffix);
      suffix = el_emu_random_alnum (26);
      g_free (agent->agent_id);
      agent->agent_id = g_strconcat ("agent_", suffix, NULL);
    }
  while (g_hash_table_contains (self->agents_by_id, agent->agent_id));
  g_ptr_array_add (self->agents, agent);
  g_hash_table_insert (self->agents_by_id, agent->agent_id, agent);
  g_mutex_unlock (&self->lock);

  return g_strdup (agent->agent_id);
}

/**
 * govorun_elevenlabs_emulator_set_agent_audio:
 * @input_format: (nullable): asr.user_input_audio_format; %NULL keeps it
 * @output_format: (nullable): tts.agent_output_audio_format; %NULL keeps it
 *
 * Sets an agent's audio formats as they are, without the PATCH endpoint's
 * validation, so tests can make agents whose formats need changing.
 *
 * Returns: FALSE when there is no such agent
 */
gboolean
govorun_elevenlabs_emulator_set_agent_audio (GovorunElevenlabsEmulator *self,
                                             const char                *agent_id,
                                             const char                *input_format,
                                             const char                *output_format)
{
  EmuAgent *agent;

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), FALSE);
  g_return_val_if_fail (agent_id != NULL, FALSE);

  g_mutex_lock (&self->lock);
  agent = g_hash_table_lookup (self->agents_by_id, agent_id);
  if (agent != NULL)
    {
      if (input_format != NULL)
        json_object_set_string_member (object_at (agent->conversation_config, "asr", NULL),
                                       "user_input_audio_format", input_format);
      if (output_format != NULL)
        json_object_set_string_member (object_at (agent->conversation_config, "tts", NULL),
                                       "agent_output_audio_format", output_format);
    }
  g_mutex_unlock (&self->lock);

  return agent != NULL;
}
