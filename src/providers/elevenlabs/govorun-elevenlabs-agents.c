/* govorun-elevenlabs-agents.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsClient"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-elevenlabs-agents.h"
#include "govorun-elevenlabs-client-private.h"
#include "govorun-elevenlabs-json-private.h"

/* Conversational AI agents: reference/elevenlabs.md §2.1. */

/* Boxed results */

GovorunElevenlabsAgentSummary *
govorun_elevenlabs_agent_summary_copy (const GovorunElevenlabsAgentSummary *summary)
{
  GovorunElevenlabsAgentSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_new0 (GovorunElevenlabsAgentSummary, 1);
  copy->agent_id = g_strdup (summary->agent_id);
  copy->name = g_strdup (summary->name);
  copy->tags = g_strdupv (summary->tags);
  copy->created_at_unix_secs = summary->created_at_unix_secs;
  copy->access_role = g_strdup (summary->access_role);

  return copy;
}

void
govorun_elevenlabs_agent_summary_free (GovorunElevenlabsAgentSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->agent_id);
  g_free (summary->name);
  g_strfreev (summary->tags);
  g_free (summary->access_role);
  g_free (summary);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsAgentSummary, govorun_elevenlabs_agent_summary,
                     govorun_elevenlabs_agent_summary_copy, govorun_elevenlabs_agent_summary_free)

static GovorunElevenlabsAgentPage *
agent_page_new (void)
{
  GovorunElevenlabsAgentPage *page = g_new0 (GovorunElevenlabsAgentPage, 1);

  page->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_agent_summary_free);

  return page;
}

GovorunElevenlabsAgentPage *
govorun_elevenlabs_agent_page_copy (const GovorunElevenlabsAgentPage *page)
{
  GovorunElevenlabsAgentPage *copy;

  g_return_val_if_fail (page != NULL, NULL);

  copy = agent_page_new ();
  for (guint i = 0; page->agents != NULL && i < page->agents->len; i++)
    g_ptr_array_add (copy->agents,
                     govorun_elevenlabs_agent_summary_copy (g_ptr_array_index (page->agents, i)));
  copy->has_more = page->has_more;
  copy->next_cursor = g_strdup (page->next_cursor);

  return copy;
}

void
govorun_elevenlabs_agent_page_free (GovorunElevenlabsAgentPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->agents, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsAgentPage, govorun_elevenlabs_agent_page,
                     govorun_elevenlabs_agent_page_copy, govorun_elevenlabs_agent_page_free)

GovorunElevenlabsAgent *
govorun_elevenlabs_agent_copy (const GovorunElevenlabsAgent *agent)
{
  GovorunElevenlabsAgent *copy;

  g_return_val_if_fail (agent != NULL, NULL);

  copy = g_new0 (GovorunElevenlabsAgent, 1);
  copy->agent_id = g_strdup (agent->agent_id);
  copy->name = g_strdup (agent->name);
  copy->first_message = g_strdup (agent->first_message);
  copy->language = g_strdup (agent->language);
  copy->dynamic_variable_names = g_strdupv (agent->dynamic_variable_names);
  copy->agent_output_audio_format = g_strdup (agent->agent_output_audio_format);
  copy->user_input_audio_format = g_strdup (agent->user_input_audio_format);

  return copy;
}

void
govorun_elevenlabs_agent_free (GovorunElevenlabsAgent *agent)
{
  if (agent == NULL)
    return;

  g_free (agent->agent_id);
  g_free (agent->name);
  g_free (agent->first_message);
  g_free (agent->language);
  g_strfreev (agent->dynamic_variable_names);
  g_free (agent->agent_output_audio_format);
  g_free (agent->user_input_audio_format);
  g_free (agent);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsAgent, govorun_elevenlabs_agent,
                     govorun_elevenlabs_agent_copy, govorun_elevenlabs_agent_free)

/* Parsers for the documented answers */

static GovorunElevenlabsAgentSummary *
parse_agent_summary (JsonNode    *node,
                     const char  *prefix,
                     GError     **error)
{
  g_autoptr(GovorunElevenlabsAgentSummary) summary = g_new0 (GovorunElevenlabsAgentSummary, 1);
  g_autofree char *access_prefix = govorun_elevenlabs_json_field_path (prefix, "access_info");
  JsonObject *object;
  JsonObject *access_info = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      govorun_elevenlabs_json_bad_field (error, prefix);
      return NULL;
    }
  object = json_node_get_object (node);
  /* Shown only: without them the agent can still be picked. */
  summary->tags = g_new0 (char *, 1);

  if (!govorun_elevenlabs_json_read_string (object, prefix, "agent_id", FIELD_REQUIRED, &summary->agent_id, error)
                              || !govorun_elevenlabs_json_read_string (object, prefix, "name", FIELD_REQUIRED, &summary->name, error)
                              || !govorun_elevenlabs_json_read_string_array (object, prefix, "tags", FIELD_LENIENT, &summary->tags, error)
                              || !govorun_elevenlabs_json_read_int64 (object, prefix, "created_at_unix_secs", FIELD_LENIENT,
                                              &summary->created_at_unix_secs, error)
                              || !govorun_elevenlabs_json_read_object (object, prefix, "access_info", FIELD_LENIENT, &access_info, error)
                              || (access_info != NULL
                                  && !govorun_elevenlabs_json_read_string (access_info, access_prefix, "role", FIELD_LENIENT,
                                                                           &summary->access_role, error)))
    return NULL;

  return g_steal_pointer (&summary);
}

/* GetAgentsPageResponseModel: agents[]*, has_more*, next_cursor (string|null) */
GovorunElevenlabsAgentPage *
_govorun_elevenlabs_parse_agent_page (JsonNode  *root,
                                      GError   **error)
{
  g_autoptr(GovorunElevenlabsAgentPage) page = agent_page_new ();
  JsonObject *object;
  JsonArray *agents;

  if ((object = govorun_elevenlabs_json_root_object (root, error)) == NULL)
    return NULL;

  if (!govorun_elevenlabs_json_read_array (object, NULL, "agents", FIELD_REQUIRED, &agents, error)
                              || !govorun_elevenlabs_json_read_boolean (object, NULL, "has_more", FIELD_REQUIRED, &page->has_more, error)
                              || !govorun_elevenlabs_json_read_string (object, NULL, "next_cursor", FIELD_NULLABLE, &page->next_cursor, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (agents); i++)
    {
      g_autofree char *item = g_strdup_printf ("agents[%u]", i);
      GovorunElevenlabsAgentSummary *summary;

      summary = parse_agent_summary (json_array_get_element (agents, i), item, error);
      if (summary == NULL)
        return NULL;
      g_ptr_array_add (page->agents, summary);
    }

  return g_steal_pointer (&page);
}

/* GetAgentResponseModel: agent_id*, name*, conversation_config* (metadata*
 * is not read: nothing uses it); the nested settings Govorun reads are
 * optional with [OAS] defaults. */
GovorunElevenlabsAgent *
_govorun_elevenlabs_parse_agent (JsonNode  *root,
                                 GError   **error)
{
  g_autoptr(GovorunElevenlabsAgent) agent = g_new0 (GovorunElevenlabsAgent, 1);
  JsonObject *object;
  JsonObject *config;
  JsonObject *agent_config = NULL;
  JsonObject *dynamic_variables = NULL;
  JsonObject *placeholders = NULL;
  JsonObject *tts = NULL;
  JsonObject *asr = NULL;

  if ((object = govorun_elevenlabs_json_root_object (root, error)) == NULL)
    return NULL;

  agent->first_message = g_strdup ("");
  agent->language = g_strdup ("en");
  agent->agent_output_audio_format = g_strdup ("pcm_16000");
  agent->user_input_audio_format = g_strdup ("pcm_16000");

  if (!govorun_elevenlabs_json_read_string (object, NULL, "agent_id", FIELD_REQUIRED, &agent->agent_id, error)
                              || !govorun_elevenlabs_json_read_string (object, NULL, "name", FIELD_REQUIRED, &agent->name, error)
                              || !govorun_elevenlabs_json_read_object (object, NULL, "conversation_config", FIELD_REQUIRED, &config, error)
                              || !govorun_elevenlabs_json_read_object (config, "conversation_config", "agent", FIELD_NULLABLE, &agent_config, error)
                              || !govorun_elevenlabs_json_read_object (config, "conversation_config", "tts", FIELD_NULLABLE, &tts, error)
                              || !govorun_elevenlabs_json_read_object (config, "conversation_config", "asr", FIELD_NULLABLE, &asr, error))
    return NULL;

  if (agent_config != NULL)
    {
      const char *prefix = "conversation_config.agent";

      if (!govorun_elevenlabs_json_read_string (agent_config, prefix, "first_message", FIELD_NULLABLE, &agent->first_message, error)
                                  || !govorun_elevenlabs_json_read_string (agent_config, prefix, "language", FIELD_NULLABLE, &agent->language, error)
                                  || !govorun_elevenlabs_json_read_object (agent_config, prefix, "dynamic_variables", FIELD_NULLABLE, &dynamic_variables, error))
        return NULL;

      if (dynamic_variables != NULL
          && !govorun_elevenlabs_json_read_object (dynamic_variables, "conversation_config.agent.dynamic_variables",
                                                   "dynamic_variable_placeholders", FIELD_NULLABLE, &placeholders, error))
        return NULL;
    }

  if (tts != NULL
      && !govorun_elevenlabs_json_read_string (tts, "conversation_config.tts", "agent_output_audio_format", FIELD_NULLABLE,
                                               &agent->agent_output_audio_format, error))
    return NULL;

  if (asr != NULL
      && !govorun_elevenlabs_json_read_string (asr, "conversation_config.asr", "user_input_audio_format", FIELD_NULLABLE,
                                               &agent->user_input_audio_format, error))
    return NULL;

  if (placeholders != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (placeholders);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      names = g_list_sort (names, (GCompareFunc) g_strcmp0);
      for (GList *l = names; l != NULL; l = l->next)
        g_strv_builder_add (builder, l->data);
      agent->dynamic_variable_names = g_strv_builder_end (builder);
    }
  else
    {
      agent->dynamic_variable_names = g_new0 (char *, 1);
    }

  return g_steal_pointer (&agent);
}

/* List agents */

static void
on_list_agents (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _govorun_elevenlabs_client_return_parsed (GOVORUN_ELEVENLABS_CLIENT (source), result, task,
                                            (GovorunElevenlabsParseFunc) _govorun_elevenlabs_parse_agent_page,
                                            (GDestroyNotify) govorun_elevenlabs_agent_page_free);
}

/**
 * govorun_elevenlabs_client_list_agents_async:
 * @cursor: (nullable): the previous page's next_cursor
 * @page_size: 1..100, or 0 for the API default; out-of-range values are
 *   sent as they are (ElevenLabs answers VALIDATION)
 * @search: (nullable): part of an agent name
 *
 * GET /v1/convai/agents
 */
void
govorun_elevenlabs_client_list_agents_async (GovorunElevenlabsClient *self,
                                             const char              *cursor,
                                             guint                    page_size,
                                             const char              *search,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = g_string_new ("/v1/convai/agents");

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_list_agents_async);

  if (page_size != 0)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", page_size);
      _govorun_elevenlabs_append_query (path, "page_size", number);
    }
  if (cursor != NULL && *cursor != '\0')
    _govorun_elevenlabs_append_query (path, "cursor", cursor);
  if (search != NULL && *search != '\0')
    _govorun_elevenlabs_append_query (path, "search", search);

  _govorun_elevenlabs_client_request_json_async (self, "GET", path->str, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_list_agents, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_list_agents_finish:
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
GovorunElevenlabsAgentPage *
govorun_elevenlabs_client_list_agents_finish (GovorunElevenlabsClient  *self,
                                              GAsyncResult             *result,
                                              GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_list_agents_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Get agent */

/* GET and PATCH both answer with the whole agent. */
static void
on_agent (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _govorun_elevenlabs_client_return_parsed (GOVORUN_ELEVENLABS_CLIENT (source), result, task,
                                            (GovorunElevenlabsParseFunc) _govorun_elevenlabs_parse_agent,
                                            (GDestroyNotify) govorun_elevenlabs_agent_free);
}

/**
 * govorun_elevenlabs_client_get_agent_async:
 * @agent_id: an opaque agent ID
 *
 * GET /v1/convai/agents/{agent_id}
 */
void
govorun_elevenlabs_client_get_agent_async (GovorunElevenlabsClient *self,
                                           const char              *agent_id,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_get_agent_async);

  /* IDs are opaque (§1.6): escape everything outside the unreserved set,
   * so an ID can never leave its path segment. */
  escaped = g_uri_escape_string (agent_id, NULL, FALSE);
  path = g_strconcat ("/v1/convai/agents/", escaped, NULL);

  _govorun_elevenlabs_client_request_json_async (self, "GET", path, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_agent, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_get_agent_finish:
 *
 * Returns: (transfer full): the agent, or %NULL with @error set
 */
GovorunElevenlabsAgent *
govorun_elevenlabs_client_get_agent_finish (GovorunElevenlabsClient  *self,
                                            GAsyncResult             *result,
                                            GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_get_agent_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Updating an agent's audio formats */

/* §2.1: the one enum for both user_input_audio_format and
 * agent_output_audio_format. */
static const char * const audio_formats[] = {
  "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100", "pcm_48000", "ulaw_8000", NULL,
};

gboolean
govorun_elevenlabs_audio_format_is_valid (const char *format)
{
  return format != NULL && g_strv_contains (audio_formats, format);
}

/**
 * govorun_elevenlabs_client_update_agent_audio_async:
 * @agent_id: an opaque agent ID
 * @input_format: (nullable): the caller's audio as the agent hears it
 *   (asr.user_input_audio_format), e.g. "pcm_16000"; %NULL leaves it
 * @output_format: (nullable): the agent's voice
 *   (tts.agent_output_audio_format); %NULL leaves it
 *
 * PATCH /v1/convai/agents/{agent_id} with only these two fields. A format
 * outside the documented enum fails with VALIDATION before anything is
 * sent.
 */
void
govorun_elevenlabs_client_update_agent_audio_async (GovorunElevenlabsClient *self,
                                                    const char              *agent_id,
                                                    const char              *input_format,
                                                    const char              *output_format,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  const char *wrong = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL && *agent_id != '\0');
  g_return_if_fail (input_format != NULL || output_format != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_update_agent_audio_async);

  if (input_format != NULL && !govorun_elevenlabs_audio_format_is_valid (input_format))
    wrong = input_format;
  else if (output_format != NULL && !govorun_elevenlabs_audio_format_is_valid (output_format))
    wrong = output_format;
  if (wrong != NULL)
    {
      g_task_return_new_error (task, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION,
                               /* Translators: %s is an audio format name such as “pcm_17000” */
                               _("ElevenLabs has no audio format “%s”. Choose one of pcm_8000, pcm_16000, pcm_22050, pcm_24000, pcm_44100, pcm_48000 or ulaw_8000."),
                               wrong);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "conversation_config");
  json_builder_begin_object (builder);
  if (input_format != NULL)
    {
      json_builder_set_member_name (builder, "asr");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "user_input_audio_format");
      json_builder_add_string_value (builder, input_format);
      json_builder_end_object (builder);
    }
  if (output_format != NULL)
    {
      json_builder_set_member_name (builder, "tts");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "agent_output_audio_format");
      json_builder_add_string_value (builder, output_format);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  escaped = g_uri_escape_string (agent_id, NULL, FALSE);
  path = g_strconcat ("/v1/convai/agents/", escaped, NULL);

  /* Setting two fields to fixed values is idempotent: repeating it after
   * a lost answer changes nothing more, so the transport may retry. */
  _govorun_elevenlabs_client_request_json_async (self, "PATCH", path, body, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_agent, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_update_agent_audio_finish:
 *
 * Returns: (transfer full): the agent as it is now, or %NULL with @error set
 */
GovorunElevenlabsAgent *
govorun_elevenlabs_client_update_agent_audio_finish (GovorunElevenlabsClient  *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_elevenlabs_client_update_agent_audio_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

