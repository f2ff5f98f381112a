/* govorun-elevenlabs-emulator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsEmulator"

#include "config.h"

#include "govorun-elevenlabs-emulator.h"

/*
 * Everything here follows reference/elevenlabs.md: §1.2 auth and scoped
 * keys, §1.3 error bodies, §1.5 cursor pagination, §2.1 agent models and
 * §2.7 user and subscription. Routes live in one table; all state is per
 * instance, behind a lock (seeding may happen while the server runs).
 */

/* §1.2, quoted from the sources the reference cites. */
#define MSG_NEEDS_AUTHORIZATION "Neither authorization header nor xi-api-key received, please provide one."
#define MSG_INVALID_API_KEY     "Invalid API key"
#define MSG_MISSING_PERMISSION  "The API key you used is missing the permission %s to execute this operation."

/* UNVERIFIED (§1.3): the status strings for a 404, a 5xx and other codes
 * without a documented one. Kept here so they are easy to change. */
#define STATUS_NOT_FOUND        "not_found"
#define STATUS_SERVER_ERROR     "internal_error"
#define STATUS_OTHER_ERROR      "invalid_request"

/* Cursors are opaque to clients (§1.5): base64 of this prefix and an
 * offset. UNVERIFIED: how ElevenLabs rejects a cursor it did not make; we
 * answer 422 as FastAPI does for any bad query value. */
#define CURSOR_PREFIX           "govorun-emulator:offset:"

#define DEFAULT_PAGE_SIZE 30
#define MAX_PAGE_SIZE     100

/* Scopes a key may carry (§1.2). A full key has all of them. */
#define SCOPE_CONVAI_READ "convai_read"
#define SCOPE_USER_READ   "user_read"
/* UNVERIFIED: the scope name for agent changes; by analogy with
 * convai_read. Keys made with can_read_user FALSE lack it. */
#define SCOPE_CONVAI_WRITE "convai_write"

typedef struct
{
  char     *api_key;
  GStrv     scopes;      /* NULL: unrestricted */
} EmuKey;

typedef struct
{
  char     *agent_id;
  char     *name;
  GStrv     tags;
  gint64    created_at_unix_secs;
  gint64    updated_at_unix_secs;
  /* Kept as JSON so later PATCH support can merge into them. */
  JsonNode *conversation_config;
  JsonNode *platform_settings;
} EmuAgent;

typedef struct
{
  char   *tier;
  char   *status;
  char   *currency;
  gint64  character_count;
  gint64  character_limit;
} EmuSubscription;

struct _GovorunElevenlabsEmulator
{
  GovorunEmulator  parent_instance;

  GMutex           lock;
  GHashTable      *keys;          /* api_key → EmuKey* */
  GPtrArray       *agents;        /* EmuAgent*, oldest first */
  GHashTable      *agents_by_id;  /* agent_id → EmuAgent* (unowned) */
  EmuSubscription  subscription;
  char            *user_id;
  gint64           user_created_at;
  GPtrArray       *request_uris;  /* char*: path?query of every request */
};

G_DEFINE_FINAL_TYPE (GovorunElevenlabsEmulator, govorun_elevenlabs_emulator, GOVORUN_TYPE_EMULATOR)

typedef void (*RouteHandler) (GovorunElevenlabsEmulator *self,
                              SoupServerMessage         *msg,
                              GHashTable                *params,
                              const char *const         *captures);

typedef struct
{
  const char   *http_method;
  const char   *pattern;   /* "{…}" segments match one non-empty segment */
  const char   *name;      /* method name for faults and counters */
  const char   *scope;     /* permission the key needs */
  RouteHandler  handler;
} Route;

#define CAPTURES_KEY "govorun-elevenlabs-captures"

static void
emu_key_free (EmuKey *key)
{
  g_free (key->api_key);
  g_strfreev (key->scopes);
  g_free (key);
}

static void
emu_agent_free (EmuAgent *agent)
{
  g_free (agent->agent_id);
  g_free (agent->name);
  g_strfreev (agent->tags);
  g_clear_pointer (&agent->conversation_config, json_node_unref);
  g_clear_pointer (&agent->platform_settings, json_node_unref);
  g_free (agent);
}

static char *
random_alnum (guint length)
{
  static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  char *out = g_new (char, length + 1);

  for (guint i = 0; i < length; i++)
    out[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  out[length] = '\0';

  return out;
}

/* Error bodies (§1.3) */

static void
respond_detail (SoupServerMessage *msg,
                guint              http_status,
                const char        *status,
                const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "detail");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, http_status, root);
}

/* FastAPI's HTTPValidationError for one field: @loc is its path, starting
 * with "body" or "query". Takes @input. */
static void
respond_body_validation (SoupServerMessage  *msg,
                         const char * const *loc,
                         const char         *type,
                         const char         *text,
                         JsonNode           *input)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "detail");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "loc");
  json_builder_begin_array (builder);
  for (guint i = 0; loc[i] != NULL; i++)
    json_builder_add_string_value (builder, loc[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "msg");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "input");
  json_builder_add_value (builder, input != NULL ? input : json_node_new (JSON_NODE_NULL));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, root);
}

/* The same for one query parameter. */
static void
respond_validation (SoupServerMessage *msg,
                    const char        *param,
                    const char        *type,
                    const char        *text,
                    const char        *input)
{
  const char *loc[] = { "query", param, NULL };

  respond_body_validation (msg, loc, type, text, json_node_init_string (json_node_alloc (), input));
}

/* Agents */

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

static char *
encode_cursor (guint offset)
{
  g_autofree char *plain = g_strdup_printf (CURSOR_PREFIX "%u", offset);

  return g_base64_encode ((const guchar *) plain, strlen (plain));
}

static gboolean
decode_cursor (const char *cursor,
               guint      *offset)
{
  g_autofree guchar *data = NULL;
  g_autofree char *plain = NULL;
  guint64 value;
  gsize len = 0;

  /* g_base64_decode does not validate; check the alphabet first. */
  for (const char *p = cursor; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return FALSE;

  data = g_base64_decode (cursor, &len);
  plain = g_strndup ((const char *) data, len);

  if (!g_str_has_prefix (plain, CURSOR_PREFIX)
      || !g_ascii_string_to_unsigned (plain + strlen (CURSOR_PREFIX), 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;

  *offset = (guint) value;
  return TRUE;
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
static void
handle_list_agents (GovorunElevenlabsEmulator *self,
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
  guint offset = 0;
  guint end;

  if (page_size_text != NULL)
    {
      if (!g_ascii_string_to_signed (page_size_text, 10, G_MININT64, G_MAXINT64, &page_size, NULL))
        {
          respond_validation (msg, "page_size", "int_parsing",
                              "Input should be a valid integer, unable to parse string as an integer",
                              page_size_text);
          return;
        }
      if (page_size < 1)
        {
          respond_validation (msg, "page_size", "greater_than_equal",
                              "Input should be greater than or equal to 1", page_size_text);
          return;
        }
      if (page_size > MAX_PAGE_SIZE)
        {
          respond_validation (msg, "page_size", "less_than_equal",
                              "Input should be less than or equal to 100", page_size_text);
          return;
        }
    }

  if (cursor != NULL && *cursor != '\0' && !decode_cursor (cursor, &offset))
    {
      respond_validation (msg, "cursor", "value_error", "Value error, invalid cursor", cursor);
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

  offset = MIN (offset, matches->len);
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
      g_autofree char *next = encode_cursor (end);
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

static void
handle_get_agent (GovorunElevenlabsEmulator *self,
                  SoupServerMessage         *msg,
                  GHashTable                *params,
                  const char *const         *captures)
{
  EmuAgent *agent = g_hash_table_lookup (self->agents_by_id, captures[0]);
  g_autoptr(JsonNode) root = NULL;

  if (agent == NULL)
    {
      g_autofree char *text = g_strdup_printf ("Agent with id %s was not found.", captures[0]);
      respond_detail (msg, SOUP_STATUS_NOT_FOUND, STATUS_NOT_FOUND, text);
      return;
    }

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

  respond_body_validation (msg, loc, "enum",
                           "Input should be 'pcm_8000', 'pcm_16000', 'pcm_22050', 'pcm_24000', "
                           "'pcm_44100', 'pcm_48000' or 'ulaw_8000'",
                           json_node_copy (node));
  return FALSE;
}

/* Objects merge member by member; anything else replaces. */
static void
deep_merge (JsonObject *into,
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
        deep_merge (json_node_get_object (have), json_node_get_object (node));
      else
        json_object_set_member (into, name, json_node_copy (node));
    }
}

static void
handle_patch_agent (GovorunElevenlabsEmulator *self,
                    SoupServerMessage         *msg,
                    GHashTable                *params,
                    const char *const         *captures)
{
  EmuAgent *agent = g_hash_table_lookup (self->agents_by_id, captures[0]);
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char * const objects[] = { "conversation_config", "platform_settings", "workflow", NULL };
  JsonObject *body;
  JsonNode *node;

  if (agent == NULL)
    {
      g_autofree char *text = g_strdup_printf ("Agent with id %s was not found.", captures[0]);
      respond_detail (msg, SOUP_STATUS_NOT_FOUND, STATUS_NOT_FOUND, text);
      return;
    }

  if (request->data == NULL || request->length == 0
      || !json_parser_load_from_data (parser, request->data, request->length, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      const char *loc[] = { "body", NULL };

      respond_body_validation (msg, loc, "model_attributes_type",
                               "Input should be a valid dictionary or object to extract fields from", NULL);
      return;
    }
  body = json_node_get_object (json_parser_get_root (parser));

  /* Validate everything before changing anything. */
  for (guint i = 0; objects[i] != NULL; i++)
    {
      node = json_object_get_member (body, objects[i]);
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !JSON_NODE_HOLDS_OBJECT (node))
        {
          const char *loc[] = { "body", objects[i], NULL };

          respond_body_validation (msg, loc, "model_attributes_type",
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

      respond_body_validation (msg, loc, "string_type", "Input should be a valid string", json_node_copy (node));
      return;
    }
  node = json_object_get_member (body, "conversation_config");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node)
      && (!check_audio_format (msg, json_node_get_object (node), "asr", "user_input_audio_format")
          || !check_audio_format (msg, json_node_get_object (node), "tts", "agent_output_audio_format")))
    return;

  node = json_object_get_member (body, "conversation_config");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    deep_merge (json_node_get_object (agent->conversation_config), json_node_get_object (node));
  node = json_object_get_member (body, "platform_settings");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    deep_merge (json_node_get_object (agent->platform_settings), json_node_get_object (node));
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

/* User and subscription */

/* The SubscriptionResponseModel fields, shared by both answers. */
static void
build_subscription_members (GovorunElevenlabsEmulator *self,
                            JsonBuilder               *builder)
{
  EmuSubscription *sub = &self->subscription;
  gint64 next_reset = g_get_real_time () / G_USEC_PER_SEC + 30 * 24 * 3600;

  json_builder_set_member_name (builder, "tier");
  json_builder_add_string_value (builder, sub->tier);
  json_builder_set_member_name (builder, "character_count");
  json_builder_add_int_value (builder, sub->character_count);
  json_builder_set_member_name (builder, "character_limit");
  json_builder_add_int_value (builder, sub->character_limit);
  json_builder_set_member_name (builder, "max_character_limit_extension");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "can_extend_character_limit");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "allowed_to_extend_character_limit");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "next_character_count_reset_unix");
  json_builder_add_int_value (builder, next_reset);
  json_builder_set_member_name (builder, "voice_slots_used");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "professional_voice_slots_used");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "voice_limit");
  json_builder_add_int_value (builder, 30);
  json_builder_set_member_name (builder, "voice_add_edit_counter");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "professional_voice_limit");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "can_extend_voice_limit");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "can_use_instant_voice_cloning");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "can_use_professional_voice_cloning");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, sub->currency);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, sub->status);
  json_builder_set_member_name (builder, "billing_period");
  json_builder_add_string_value (builder, "monthly_period");
  json_builder_set_member_name (builder, "character_refresh_period");
  json_builder_add_string_value (builder, "monthly_period");
}

static void
handle_get_subscription (GovorunElevenlabsEmulator *self,
                         SoupServerMessage         *msg,
                         GHashTable                *params,
                         const char *const         *captures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  build_subscription_members (self, builder);
  /* ExtendedSubscriptionResponseModel adds the invoices. */
  json_builder_set_member_name (builder, "next_invoice");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "open_invoices");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "has_open_invoices");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, root);
}

static void
handle_get_user (GovorunElevenlabsEmulator *self,
                 SoupServerMessage         *msg,
                 GHashTable                *params,
                 const char *const         *captures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user_id");
  json_builder_add_string_value (builder, self->user_id);
  json_builder_set_member_name (builder, "subscription");
  json_builder_begin_object (builder);
  build_subscription_members (self, builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "is_new_user");
  json_builder_add_boolean_value (builder, FALSE);
  /* Never echo the key, not even a preview of it. */
  json_builder_set_member_name (builder, "xi_api_key_preview");
  json_builder_add_string_value (builder, "sk_…");
  json_builder_set_member_name (builder, "can_use_delayed_payment_methods");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "is_onboarding_completed");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "is_onboarding_checklist_completed");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "first_name");
  json_builder_add_string_value (builder, "Sandbox");
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, self->user_created_at);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, root);
}

/* Routing */

/* Every endpoint the emulator serves. New endpoints (agent PATCH,
 * conversations, phone numbers, widget) are one line each. */
static const Route routes[] = {
  { "GET", "/v1/convai/agents", "GET /v1/convai/agents", SCOPE_CONVAI_READ, handle_list_agents },
  { "GET", "/v1/convai/agents/{id}", "GET /v1/convai/agents/{id}", SCOPE_CONVAI_READ, handle_get_agent },
  { "PATCH", "/v1/convai/agents/{id}", "PATCH /v1/convai/agents/{id}", SCOPE_CONVAI_WRITE, handle_patch_agent },
  { "GET", "/v1/user", "GET /v1/user", SCOPE_USER_READ, handle_get_user },
  { "GET", "/v1/user/subscription", "GET /v1/user/subscription", SCOPE_USER_READ, handle_get_subscription },
};

/* Matches @path against @pattern; on success returns the "{…}"
 * segments (possibly none), else NULL. */
static GStrv
match_pattern (const char *pattern,
               const char *path)
{
  g_auto(GStrv) want = g_strsplit (pattern, "/", -1);
  g_auto(GStrv) have = g_strsplit (path, "/", -1);
  g_autoptr(GStrvBuilder) captures = g_strv_builder_new ();

  if (g_strv_length (want) != g_strv_length (have))
    return NULL;

  for (guint i = 0; want[i] != NULL; i++)
    {
      /* SoupServer has already decoded the path, so a captured segment is
       * used as is (an escaped "/" in an ID cannot be told apart). */
      if (want[i][0] == '{')
        {
          if (have[i][0] == '\0')
            return NULL;
          g_strv_builder_add (captures, have[i]);
        }
      else if (!g_str_equal (want[i], have[i]))
        {
          return NULL;
        }
    }

  return g_strv_builder_end (captures);
}

static const Route *
find_route_by_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_str_equal (routes[i].name, name))
      return &routes[i];

  return NULL;
}

static char *
govorun_elevenlabs_emulator_route (GovorunEmulator   *emulator,
                                   SoupServerMessage *msg,
                                   const char        *path,
                                   GHashTable        *params)
{
  GovorunElevenlabsEmulator *self = GOVORUN_ELEVENLABS_EMULATOR (emulator);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  const char *method = soup_server_message_get_method (msg);

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->request_uris,
                   g_strconcat (g_uri_get_path (uri), query != NULL ? "?" : "", query, NULL));
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      GStrv captures;

      if (!g_str_equal (routes[i].http_method, method))
        continue;

      captures = match_pattern (routes[i].pattern, path);
      if (captures != NULL)
        {
          g_object_set_data_full (G_OBJECT (msg), CAPTURES_KEY, captures, (GDestroyNotify) g_strfreev);
          return g_strdup (routes[i].name);
        }
    }

  return NULL;
}

static gboolean
key_has_scope (EmuKey     *key,
               const char *scope)
{
  return key->scopes == NULL || g_strv_contains ((const char * const *) key->scopes, scope);
}

static void
govorun_elevenlabs_emulator_handle (GovorunEmulator   *emulator,
                                    SoupServerMessage *msg,
                                    const char        *method,
                                    GHashTable        *params)
{
  GovorunElevenlabsEmulator *self = GOVORUN_ELEVENLABS_EMULATOR (emulator);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *const *captures = g_object_get_data (G_OBJECT (msg), CAPTURES_KEY);
  const Route *route = find_route_by_name (method);
  const char *api_key;
  EmuKey *key;

  g_return_if_fail (route != NULL);

  /* §1.2: the key comes in xi-api-key; never in the query. */
  api_key = soup_message_headers_get_one (headers, "xi-api-key");
  if (api_key == NULL || *api_key == '\0')
    {
      respond_detail (msg, SOUP_STATUS_UNAUTHORIZED, "needs_authorization", MSG_NEEDS_AUTHORIZATION);
      return;
    }

  g_mutex_lock (&self->lock);

  key = g_hash_table_lookup (self->keys, api_key);
  if (key == NULL)
    {
      respond_detail (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_api_key", MSG_INVALID_API_KEY);
    }
  else if (!key_has_scope (key, route->scope))
    {
      g_autofree char *text = g_strdup_printf (MSG_MISSING_PERMISSION, route->scope);
      respond_detail (msg, SOUP_STATUS_UNAUTHORIZED, "missing_permissions", text);
    }
  else
    {
      route->handler (self, msg, params, captures);
    }

  g_mutex_unlock (&self->lock);
}

static void
govorun_elevenlabs_emulator_render_fault (GovorunEmulator    *emulator,
                                          SoupServerMessage  *msg,
                                          const char         *method,
                                          const GovorunFault *fault)
{
  /* ElevenLabs has no numeric error codes; a fault with only a provider
   * code is a plain 400. */
  guint status = fault->http_status != 0 ? fault->http_status : SOUP_STATUS_BAD_REQUEST;

  if (status == 429 /* Too Many Requests */)
    respond_detail (msg, status, "system_busy",
                    "The system is experiencing heavy traffic, please try again later.");
  else if (status >= 500)
    respond_detail (msg, status, STATUS_SERVER_ERROR,
                    "An internal server error occurred. Please try again later.");
  else if (status == SOUP_STATUS_UNAUTHORIZED)
    respond_detail (msg, status, "invalid_api_key", MSG_INVALID_API_KEY);
  else if (status == SOUP_STATUS_FORBIDDEN)
    respond_detail (msg, status, "only_for_creator+",
                    "This feature is only available for Creator tier and above.");
  else if (status == SOUP_STATUS_NOT_FOUND)
    respond_detail (msg, status, STATUS_NOT_FOUND, "The requested resource was not found.");
  else if (status == SOUP_STATUS_UNPROCESSABLE_ENTITY)
    respond_validation (msg, "fault", "value_error", "Value error, injected fault", "");
  else
    respond_detail (msg, status, STATUS_OTHER_ERROR, "The request could not be processed.");
}

/* GObject */

static void
govorun_elevenlabs_emulator_finalize (GObject *object)
{
  GovorunElevenlabsEmulator *self = (GovorunElevenlabsEmulator *) object;

  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->agents_by_id, g_hash_table_unref);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->request_uris, g_ptr_array_unref);
  g_free (self->subscription.tier);
  g_free (self->subscription.status);
  g_free (self->subscription.currency);
  g_free (self->user_id);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (govorun_elevenlabs_emulator_parent_class)->finalize (object);
}

static void
govorun_elevenlabs_emulator_class_init (GovorunElevenlabsEmulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunEmulatorClass *emulator_class = GOVORUN_EMULATOR_CLASS (klass);

  object_class->finalize = govorun_elevenlabs_emulator_finalize;

  emulator_class->route = govorun_elevenlabs_emulator_route;
  emulator_class->handle = govorun_elevenlabs_emulator_handle;
  emulator_class->render_fault = govorun_elevenlabs_emulator_render_fault;
}

static void
govorun_elevenlabs_emulator_init (GovorunElevenlabsEmulator *self)
{
  g_mutex_init (&self->lock);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) emu_key_free);
  self->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_agent_free);
  self->agents_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->request_uris = g_ptr_array_new_with_free_func (g_free);
  self->subscription.tier = g_strdup ("free");
  self->subscription.status = g_strdup ("active");
  self->subscription.currency = g_strdup ("usd");
  self->subscription.character_count = 0;
  self->subscription.character_limit = 10000;
  self->user_id = random_alnum (28);
  self->user_created_at = g_get_real_time () / G_USEC_PER_SEC - 90 * 24 * 3600;
}

GovorunElevenlabsEmulator *
govorun_elevenlabs_emulator_new (void)
{
  return g_object_new (GOVORUN_TYPE_ELEVENLABS_EMULATOR, NULL);
}

/**
 * govorun_elevenlabs_emulator_add_key:
 * @can_read_user: %FALSE for a key scoped to convai_read only
 */
void
govorun_elevenlabs_emulator_add_key (GovorunElevenlabsEmulator *self,
                                     const char                *api_key,
                                     gboolean                   can_read_user)
{
  EmuKey *key;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');

  key = g_new0 (EmuKey, 1);
  key->api_key = g_strdup (api_key);
  if (!can_read_user)
    {
      const char *scopes[] = { SCOPE_CONVAI_READ, NULL };
      key->scopes = g_strdupv ((GStrv) scopes);
    }

  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->keys, key->api_key, key);
  g_mutex_unlock (&self->lock);
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
      suffix = random_alnum (26);
      g_free (agent->agent_id);
      agent->agent_id = g_strconcat ("agent_", suffix, NULL);
    }
  while (g_hash_table_contains (self->agents_by_id, agent->agent_id));
  g_ptr_array_add (self->agents, agent);
  g_hash_table_insert (self->agents_by_id, agent->agent_id, agent);
  g_mutex_unlock (&self->lock);

  return g_strdup (agent->agent_id);
}

void
govorun_elevenlabs_emulator_set_subscription (GovorunElevenlabsEmulator *self,
                                              const char                *tier,
                                              gint64                     character_count,
                                              gint64                     character_limit)
{
  g_return_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self));
  g_return_if_fail (tier != NULL);

  g_mutex_lock (&self->lock);
  g_free (self->subscription.tier);
  self->subscription.tier = g_strdup (tier);
  self->subscription.character_count = character_count;
  self->subscription.character_limit = character_limit;
  g_mutex_unlock (&self->lock);
}

/**
 * govorun_elevenlabs_emulator_dup_request_uris:
 *
 * Returns: (transfer full): path and query of every request, oldest first
 */
GStrv
govorun_elevenlabs_emulator_dup_request_uris (GovorunElevenlabsEmulator *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->request_uris->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->request_uris, i));
  g_mutex_unlock (&self->lock);

  return g_strv_builder_end (builder);
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
