/* govorun-elevenlabs-conversations.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsClient"

#include "config.h"

#include "govorun-elevenlabs-client-private.h"
#include "govorun-elevenlabs-json-private.h"

/* Conversations: reference §2.2. */

/* ---- Boxed results ---- */

static void
summary_clear (GovorunElevenlabsConversationSummary *s)
{
  g_free (s->agent_id);
  g_free (s->agent_name);
  g_free (s->conversation_id);
  g_free (s->status);
  g_free (s->call_successful);
  g_free (s->transcript_summary);
  g_free (s->call_summary_title);
  g_free (s->direction);
  g_free (s->termination_reason);
}

GovorunElevenlabsConversationSummary *
govorun_elevenlabs_conversation_summary_copy (const GovorunElevenlabsConversationSummary *summary)
{
  GovorunElevenlabsConversationSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_memdup2 (summary, sizeof *summary);
  copy->agent_id = g_strdup (summary->agent_id);
  copy->agent_name = g_strdup (summary->agent_name);
  copy->conversation_id = g_strdup (summary->conversation_id);
  copy->status = g_strdup (summary->status);
  copy->call_successful = g_strdup (summary->call_successful);
  copy->transcript_summary = g_strdup (summary->transcript_summary);
  copy->call_summary_title = g_strdup (summary->call_summary_title);
  copy->direction = g_strdup (summary->direction);
  copy->termination_reason = g_strdup (summary->termination_reason);

  return copy;
}

void
govorun_elevenlabs_conversation_summary_free (GovorunElevenlabsConversationSummary *summary)
{
  if (summary == NULL)
    return;

  summary_clear (summary);
  g_free (summary);
}

static GovorunElevenlabsConversationPage *
page_new (void)
{
  GovorunElevenlabsConversationPage *page = g_new0 (GovorunElevenlabsConversationPage, 1);

  page->conversations = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_conversation_summary_free);
  return page;
}

GovorunElevenlabsConversationPage *
govorun_elevenlabs_conversation_page_copy (const GovorunElevenlabsConversationPage *page)
{
  GovorunElevenlabsConversationPage *copy;

  g_return_val_if_fail (page != NULL, NULL);

  copy = page_new ();
  for (guint i = 0; i < page->conversations->len; i++)
    g_ptr_array_add (copy->conversations,
                     govorun_elevenlabs_conversation_summary_copy (g_ptr_array_index (page->conversations, i)));
  copy->has_more = page->has_more;
  copy->next_cursor = g_strdup (page->next_cursor);

  return copy;
}

void
govorun_elevenlabs_conversation_page_free (GovorunElevenlabsConversationPage *page)
{
  if (page == NULL)
    return;

  g_ptr_array_unref (page->conversations);
  g_free (page->next_cursor);
  g_free (page);
}

void
govorun_elevenlabs_tool_call_free (GovorunElevenlabsToolCall *call)
{
  if (call == NULL)
    return;

  g_free (call->request_id);
  g_free (call->tool_name);
  g_free (call->params_as_json);
  g_free (call->result_value);
  g_free (call);
}

static GovorunElevenlabsToolCall *
tool_call_copy (const GovorunElevenlabsToolCall *call)
{
  GovorunElevenlabsToolCall *copy = g_memdup2 (call, sizeof *call);

  copy->request_id = g_strdup (call->request_id);
  copy->tool_name = g_strdup (call->tool_name);
  copy->params_as_json = g_strdup (call->params_as_json);
  copy->result_value = g_strdup (call->result_value);
  return copy;
}

void
govorun_elevenlabs_turn_free (GovorunElevenlabsTurn *turn)
{
  if (turn == NULL)
    return;

  g_free (turn->message);
  g_clear_pointer (&turn->tool_calls, g_ptr_array_unref);
  g_free (turn);
}

static GovorunElevenlabsTurn *
turn_new (void)
{
  GovorunElevenlabsTurn *turn = g_new0 (GovorunElevenlabsTurn, 1);

  turn->tool_calls = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_tool_call_free);
  return turn;
}

static GovorunElevenlabsTurn *
turn_copy (const GovorunElevenlabsTurn *turn)
{
  GovorunElevenlabsTurn *copy = turn_new ();

  copy->agent = turn->agent;
  copy->message = g_strdup (turn->message);
  copy->time_in_call_secs = turn->time_in_call_secs;
  for (guint i = 0; i < turn->tool_calls->len; i++)
    g_ptr_array_add (copy->tool_calls, tool_call_copy (g_ptr_array_index (turn->tool_calls, i)));
  return copy;
}

void
govorun_elevenlabs_analysis_item_free (GovorunElevenlabsAnalysisItem *item)
{
  if (item == NULL)
    return;

  g_free (item->id);
  g_free (item->result);
  g_free (item->rationale);
  g_free (item);
}

static GovorunElevenlabsAnalysisItem *
analysis_item_copy (const GovorunElevenlabsAnalysisItem *item)
{
  GovorunElevenlabsAnalysisItem *copy = g_new0 (GovorunElevenlabsAnalysisItem, 1);

  copy->id = g_strdup (item->id);
  copy->result = g_strdup (item->result);
  copy->rationale = g_strdup (item->rationale);
  return copy;
}

static GovorunElevenlabsConversation *
conversation_new (void)
{
  GovorunElevenlabsConversation *c = g_new0 (GovorunElevenlabsConversation, 1);

  c->transcript = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_turn_free);
  c->evaluation_results = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_analysis_item_free);
  c->data_collection = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_analysis_item_free);
  c->dynamic_variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->cost = -1;
  return c;
}

GovorunElevenlabsConversation *
govorun_elevenlabs_conversation_copy (const GovorunElevenlabsConversation *c)
{
  GovorunElevenlabsConversation *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (c != NULL, NULL);

  copy = conversation_new ();
  copy->agent_id = g_strdup (c->agent_id);
  copy->conversation_id = g_strdup (c->conversation_id);
  copy->status = g_strdup (c->status);
  for (guint i = 0; i < c->transcript->len; i++)
    g_ptr_array_add (copy->transcript, turn_copy (g_ptr_array_index (c->transcript, i)));
  copy->start_time_unix_secs = c->start_time_unix_secs;
  copy->call_duration_secs = c->call_duration_secs;
  copy->cost = c->cost;
  copy->termination_reason = g_strdup (c->termination_reason);
  copy->error_reason = g_strdup (c->error_reason);
  copy->error_code = c->error_code;
  copy->main_language = g_strdup (c->main_language);
  copy->call_successful = g_strdup (c->call_successful);
  copy->transcript_summary = g_strdup (c->transcript_summary);
  copy->call_summary_title = g_strdup (c->call_summary_title);
  for (guint i = 0; i < c->evaluation_results->len; i++)
    g_ptr_array_add (copy->evaluation_results, analysis_item_copy (g_ptr_array_index (c->evaluation_results, i)));
  for (guint i = 0; i < c->data_collection->len; i++)
    g_ptr_array_add (copy->data_collection, analysis_item_copy (g_ptr_array_index (c->data_collection, i)));
  g_hash_table_iter_init (&iter, c->dynamic_variables);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->dynamic_variables, g_strdup (key), g_strdup (value));
  copy->has_audio = c->has_audio;

  return copy;
}

void
govorun_elevenlabs_conversation_free (GovorunElevenlabsConversation *c)
{
  if (c == NULL)
    return;

  g_free (c->agent_id);
  g_free (c->conversation_id);
  g_free (c->status);
  g_ptr_array_unref (c->transcript);
  g_free (c->termination_reason);
  g_free (c->error_reason);
  g_free (c->main_language);
  g_free (c->call_successful);
  g_free (c->transcript_summary);
  g_free (c->call_summary_title);
  g_ptr_array_unref (c->evaluation_results);
  g_ptr_array_unref (c->data_collection);
  g_hash_table_unref (c->dynamic_variables);
  g_free (c);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsConversationSummary, govorun_elevenlabs_conversation_summary,
                     govorun_elevenlabs_conversation_summary_copy, govorun_elevenlabs_conversation_summary_free)
G_DEFINE_BOXED_TYPE (GovorunElevenlabsConversationPage, govorun_elevenlabs_conversation_page,
                     govorun_elevenlabs_conversation_page_copy, govorun_elevenlabs_conversation_page_free)
G_DEFINE_BOXED_TYPE (GovorunElevenlabsConversation, govorun_elevenlabs_conversation,
                     govorun_elevenlabs_conversation_copy, govorun_elevenlabs_conversation_free)

/* ---- Parsers ---- */

/* Optional and only shown: a string, or NULL whatever else is there. */
static char *
lenient_string (JsonObject *object,
                const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

/* Any JSON value as text: strings as they are, the rest as JSON. */
static char *
value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  return json_to_string (node, FALSE);
}

static GovorunElevenlabsConversationSummary *
parse_summary (JsonNode    *node,
               const char  *prefix,
               GError     **error)
{
  g_autoptr(GovorunElevenlabsConversationSummary) s = g_new0 (GovorunElevenlabsConversationSummary, 1);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      govorun_elevenlabs_json_bad_field (error, prefix);
      return NULL;
    }
  object = json_node_get_object (node);

  if (!govorun_elevenlabs_json_read_string (object, prefix, "agent_id", FIELD_REQUIRED, &s->agent_id, error) ||
      !govorun_elevenlabs_json_read_string (object, prefix, "conversation_id", FIELD_REQUIRED, &s->conversation_id, error) ||
      !govorun_elevenlabs_json_read_int64 (object, prefix, "start_time_unix_secs", FIELD_REQUIRED, &s->start_time_unix_secs, error) ||
      !govorun_elevenlabs_json_read_int64 (object, prefix, "call_duration_secs", FIELD_REQUIRED, &s->call_duration_secs, error) ||
      !govorun_elevenlabs_json_read_int64 (object, prefix, "message_count", FIELD_REQUIRED, &s->message_count, error) ||
      !govorun_elevenlabs_json_read_string (object, prefix, "status", FIELD_REQUIRED, &s->status, error) ||
      !govorun_elevenlabs_json_read_string (object, prefix, "call_successful", FIELD_REQUIRED, &s->call_successful, error))
    return NULL;

  s->agent_name = lenient_string (object, "agent_name");
  s->transcript_summary = lenient_string (object, "transcript_summary");
  s->call_summary_title = lenient_string (object, "call_summary_title");
  s->direction = lenient_string (object, "direction");
  s->termination_reason = lenient_string (object, "termination_reason");

  return g_steal_pointer (&s);
}

/* {conversations*, has_more*, next_cursor} */
GovorunElevenlabsConversationPage *
_govorun_elevenlabs_parse_conversation_page (JsonNode  *root,
                                             GError   **error)
{
  g_autoptr(GovorunElevenlabsConversationPage) page = page_new ();
  JsonObject *object;
  JsonArray *items;

  if ((object = govorun_elevenlabs_json_root_object (root, error)) == NULL ||
      !govorun_elevenlabs_json_read_array (object, NULL, "conversations", FIELD_REQUIRED, &items, error) ||
      !govorun_elevenlabs_json_read_boolean (object, NULL, "has_more", FIELD_REQUIRED, &page->has_more, error) ||
      !govorun_elevenlabs_json_read_string (object, NULL, "next_cursor", FIELD_NULLABLE, &page->next_cursor, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("conversations[%u]", i);
      GovorunElevenlabsConversationSummary *s = parse_summary (json_array_get_element (items, i), prefix, error);

      if (s == NULL)
        return NULL;
      g_ptr_array_add (page->conversations, s);
    }

  return g_steal_pointer (&page);
}

/* Tool calls with the result of the same request_id, if any. Shown
 * only: malformed items are skipped. */
static void
parse_tools (JsonObject            *object,
             GovorunElevenlabsTurn *turn)
{
  JsonNode *calls = json_object_get_member (object, "tool_calls");
  JsonNode *results = json_object_get_member (object, "tool_results");

  if (calls == NULL || !JSON_NODE_HOLDS_ARRAY (calls))
    return;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (calls)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (calls), i);
      GovorunElevenlabsToolCall *call;
      JsonObject *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = json_node_get_object (node);
      call = g_new0 (GovorunElevenlabsToolCall, 1);
      call->request_id = lenient_string (item, "request_id");
      call->tool_name = lenient_string (item, "tool_name");
      call->params_as_json = lenient_string (item, "params_as_json");
      if (call->tool_name == NULL)
        call->tool_name = g_strdup ("");

      for (guint j = 0; results != NULL && JSON_NODE_HOLDS_ARRAY (results) &&
                        j < json_array_get_length (json_node_get_array (results)); j++)
        {
          JsonNode *rnode = json_array_get_element (json_node_get_array (results), j);
          g_autofree char *request_id = NULL;
          JsonObject *result;

          if (!JSON_NODE_HOLDS_OBJECT (rnode))
            continue;
          result = json_node_get_object (rnode);
          request_id = lenient_string (result, "request_id");
          if (g_strcmp0 (request_id, call->request_id) == 0)
            {
              call->result_value = lenient_string (result, "result_value");
              call->is_error = json_object_get_boolean_member_with_default (result, "is_error", FALSE);
              break;
            }
        }
      g_ptr_array_add (turn->tool_calls, call);
    }
}

static gboolean
parse_turns (JsonArray                      *items,
             GovorunElevenlabsConversation  *c,
             GError                        **error)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("transcript[%u]", i);
      g_autofree char *role = NULL;
      GovorunElevenlabsTurn *turn;
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return govorun_elevenlabs_json_bad_field (error, prefix);
      object = json_node_get_object (node);

      turn = turn_new ();
      g_ptr_array_add (c->transcript, turn);
      if (!govorun_elevenlabs_json_read_string (object, prefix, "role", FIELD_REQUIRED, &role, error) ||
          !govorun_elevenlabs_json_read_int64 (object, prefix, "time_in_call_secs", FIELD_REQUIRED,
                                               &turn->time_in_call_secs, error) ||
          !govorun_elevenlabs_json_read_string (object, prefix, "message", FIELD_NULLABLE, &turn->message, error))
        return FALSE;
      turn->agent = g_str_equal (role, "agent");
      parse_tools (object, turn);
    }

  return TRUE;
}

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  const GovorunElevenlabsAnalysisItem *x = *(GovorunElevenlabsAnalysisItem **) a;
  const GovorunElevenlabsAnalysisItem *y = *(GovorunElevenlabsAnalysisItem **) b;

  return g_strcmp0 (x->id, y->id);
}

/* A map of id → {…, @value_field, rationale}; shown only, so lenient. */
static void
parse_analysis_map (JsonObject *analysis,
                    const char *name,
                    const char *value_field,
                    GPtrArray  *out)
{
  JsonNode *node = json_object_get_member (analysis, name);
  g_autoptr(GList) members = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *item_node = json_object_get_member (json_node_get_object (node), l->data);
      GovorunElevenlabsAnalysisItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (item_node))
        continue;
      item = g_new0 (GovorunElevenlabsAnalysisItem, 1);
      item->id = g_strdup (l->data);
      item->result = value_text (json_object_get_member (json_node_get_object (item_node), value_field));
      item->rationale = lenient_string (json_node_get_object (item_node), "rationale");
      g_ptr_array_add (out, item);
    }
  g_ptr_array_sort (out, compare_items);
}

static void
parse_dynamic_variables (JsonObject                    *client_data,
                         GovorunElevenlabsConversation *c)
{
  JsonNode *node = client_data != NULL ? json_object_get_member (client_data, "dynamic_variables") : NULL;
  g_autoptr(GList) members = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      char *text = value_text (json_object_get_member (json_node_get_object (node), l->data));

      if (text != NULL)
        g_hash_table_insert (c->dynamic_variables, g_strdup (l->data), text);
    }
}

/* GetConversationResponseModel: agent_id*, conversation_id*, status*,
 * transcript*, metadata* (start_time_unix_secs*, call_duration_secs*),
 * has_audio*; analysis (call_successful*, transcript_summary* when there). */
GovorunElevenlabsConversation *
_govorun_elevenlabs_parse_conversation (JsonNode  *root,
                                        GError   **error)
{
  g_autoptr(GovorunElevenlabsConversation) c = conversation_new ();
  JsonObject *object;
  JsonArray *transcript;
  JsonObject *metadata;
  JsonObject *analysis = NULL;
  JsonObject *client_data = NULL;
  JsonNode *cost;
  JsonNode *error_node;

  if ((object = govorun_elevenlabs_json_root_object (root, error)) == NULL ||
      !govorun_elevenlabs_json_read_string (object, NULL, "agent_id", FIELD_REQUIRED, &c->agent_id, error) ||
      !govorun_elevenlabs_json_read_string (object, NULL, "conversation_id", FIELD_REQUIRED, &c->conversation_id, error) ||
      !govorun_elevenlabs_json_read_string (object, NULL, "status", FIELD_REQUIRED, &c->status, error) ||
      !govorun_elevenlabs_json_read_array (object, NULL, "transcript", FIELD_REQUIRED, &transcript, error) ||
      !govorun_elevenlabs_json_read_object (object, NULL, "metadata", FIELD_REQUIRED, &metadata, error) ||
      !govorun_elevenlabs_json_read_boolean (object, NULL, "has_audio", FIELD_REQUIRED, &c->has_audio, error) ||
      !govorun_elevenlabs_json_read_int64 (metadata, "metadata", "start_time_unix_secs", FIELD_REQUIRED,
                                           &c->start_time_unix_secs, error) ||
      !govorun_elevenlabs_json_read_int64 (metadata, "metadata", "call_duration_secs", FIELD_REQUIRED,
                                           &c->call_duration_secs, error) ||
      !govorun_elevenlabs_json_read_object (object, NULL, "analysis", FIELD_NULLABLE, &analysis, error) ||
      !govorun_elevenlabs_json_read_object (object, NULL, "conversation_initiation_client_data", FIELD_NULLABLE,
                                            &client_data, error) ||
      !parse_turns (transcript, c, error))
    return NULL;

  /* Costs are summed, so a cost that is there must be a number. */
  cost = json_object_get_member (metadata, "cost");
  if (cost != NULL && !JSON_NODE_HOLDS_NULL (cost) &&
      !govorun_elevenlabs_json_read_int64 (metadata, "metadata", "cost", 0, &c->cost, error))
    return NULL;
  c->termination_reason = lenient_string (metadata, "termination_reason");
  c->main_language = lenient_string (metadata, "main_language");
  error_node = json_object_get_member (metadata, "error");
  if (error_node != NULL && JSON_NODE_HOLDS_OBJECT (error_node))
    {
      c->error_reason = lenient_string (json_node_get_object (error_node), "reason");
      c->error_code = (int) json_object_get_int_member_with_default (json_node_get_object (error_node), "code", 0);
    }

  if (analysis != NULL)
    {
      if (!govorun_elevenlabs_json_read_string (analysis, "analysis", "call_successful", FIELD_REQUIRED,
                                                &c->call_successful, error) ||
          !govorun_elevenlabs_json_read_string (analysis, "analysis", "transcript_summary", FIELD_REQUIRED | FIELD_NULLABLE,
                                                &c->transcript_summary, error))
        return NULL;
      c->call_summary_title = lenient_string (analysis, "call_summary_title");
      parse_analysis_map (analysis, "evaluation_criteria_results", "result", c->evaluation_results);
      parse_analysis_map (analysis, "data_collection_results", "value", c->data_collection);
    }

  parse_dynamic_variables (client_data, c);

  return g_steal_pointer (&c);
}

/* ---- Calls ---- */

static void
append_query_int (GString    *url,
                  const char *name,
                  gint64      value)
{
  char number[24];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, value);
  _govorun_elevenlabs_append_query (url, name, number);
}

static void
on_list_conversations (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _govorun_elevenlabs_client_return_parsed (GOVORUN_ELEVENLABS_CLIENT (source), result, task,
                                            (GovorunElevenlabsParseFunc) _govorun_elevenlabs_parse_conversation_page,
                                            (GDestroyNotify) govorun_elevenlabs_conversation_page_free);
}

void
govorun_elevenlabs_client_list_conversations_async (GovorunElevenlabsClient *self,
                                                    const char              *agent_id,
                                                    const char              *cursor,
                                                    guint                    page_size,
                                                    gint64                   after_unix,
                                                    gint64                   before_unix,
                                                    gboolean                 with_summaries,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = g_string_new ("/v1/convai/conversations");

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_list_conversations_async);

  if (agent_id != NULL)
    _govorun_elevenlabs_append_query (path, "agent_id", agent_id);
  if (page_size != 0)
    append_query_int (path, "page_size", page_size);
  if (cursor != NULL && *cursor != '\0')
    _govorun_elevenlabs_append_query (path, "cursor", cursor);
  if (after_unix > 0)
    append_query_int (path, "call_start_after_unix", after_unix);
  if (before_unix > 0)
    append_query_int (path, "call_start_before_unix", before_unix);
  if (with_summaries)
    _govorun_elevenlabs_append_query (path, "summary_mode", "include");

  _govorun_elevenlabs_client_request_json_async (self, "GET", path->str, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_list_conversations, g_steal_pointer (&task));
}

GovorunElevenlabsConversationPage *
govorun_elevenlabs_client_list_conversations_finish (GovorunElevenlabsClient  *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_list_conversations_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
conversation_path (const char *conversation_id,
                   const char *tail)
{
  g_autofree char *escaped = g_uri_escape_string (conversation_id, NULL, FALSE);

  return g_strconcat ("/v1/convai/conversations/", escaped, tail, NULL);
}

static void
on_get_conversation (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _govorun_elevenlabs_client_return_parsed (GOVORUN_ELEVENLABS_CLIENT (source), result, task,
                                            (GovorunElevenlabsParseFunc) _govorun_elevenlabs_parse_conversation,
                                            (GDestroyNotify) govorun_elevenlabs_conversation_free);
}

void
govorun_elevenlabs_client_get_conversation_async (GovorunElevenlabsClient *self,
                                                  const char              *conversation_id,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (conversation_id != NULL && *conversation_id != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_get_conversation_async);
  path = conversation_path (conversation_id, "");

  _govorun_elevenlabs_client_request_json_async (self, "GET", path, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_get_conversation, g_steal_pointer (&task));
}

GovorunElevenlabsConversation *
govorun_elevenlabs_client_get_conversation_finish (GovorunElevenlabsClient  *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_get_conversation_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
govorun_elevenlabs_client_download_conversation_audio_async (GovorunElevenlabsClient *self,
                                                             const char              *conversation_id,
                                                             GCancellable            *cancellable,
                                                             GAsyncReadyCallback      callback,
                                                             gpointer                 user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (conversation_id != NULL && *conversation_id != '\0');

  path = conversation_path (conversation_id, "/audio");
  _govorun_elevenlabs_client_request_bytes_async (self, path, cancellable, callback, user_data);
}

GBytes *
govorun_elevenlabs_client_download_conversation_audio_finish (GovorunElevenlabsClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error)
{
  return _govorun_elevenlabs_client_request_bytes_finish (self, result, error);
}
