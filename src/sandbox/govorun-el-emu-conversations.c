/* govorun-el-emu-conversations.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsEmulator"

#include "config.h"

#include "govorun-emu-audio.h"
#include "govorun-elevenlabs-emulator-private.h"

/* Conversations (reference §2.2) from the generated call history: the list
 * with its cursor, the details and the audio. Newest first, as the
 * dashboard lists them. A position is slot * 2 + sub, so a slot's widget
 * twin (sub 1) comes just before its phone call. */

#define CURSOR_PREFIX     "govorun-emulator:conversations:"
#define DEFAULT_PAGE_SIZE 30
#define MAX_PAGE_SIZE     100

static void
take_string (JsonObject *object,
             const char *name,
             char       *value)
{
  json_object_set_string_member (object, name, value);
  g_free (value);
}

static const char *
verdict_name (GovorunHistoryVerdict verdict)
{
  switch (verdict)
    {
    case GOVORUN_HISTORY_VERDICT_SUCCESS:
      return "success";
    case GOVORUN_HISTORY_VERDICT_FAILURE:
      return "failure";
    case GOVORUN_HISTORY_VERDICT_UNKNOWN:
    default:
      return "unknown";
    }
}

/* The conversation starts when the call is answered. */
static gint64
conversation_start (const GovorunHistoryCall *hc)
{
  return hc->start + hc->ring_secs;
}

static guint
message_count (GovorunCallHistory       *history,
               const GovorunHistoryCall *hc)
{
  g_autoptr(GArray) turns = govorun_call_history_get_turns (history, hc);

  return turns->len;
}

static const char *
agent_name (GovorunElevenlabsEmulator *self,
            const char                *agent_id)
{
  EmuAgent *agent = g_hash_table_lookup (self->agents_by_id, agent_id);

  return agent != NULL ? agent->name : NULL;
}

static const char *
termination_reason (const GovorunHistoryCall *hc)
{
  return hc->verdict == GOVORUN_HISTORY_VERDICT_FAILURE ? "Client disconnected: 1000"
                                                        : "end_call tool was called.";
}

static JsonObject *
summary_to_json (GovorunElevenlabsEmulator *self,
                 const GovorunHistoryCall  *hc,
                 gboolean                   with_summary)
{
  JsonObject *object = json_object_new ();
  const char *name = agent_name (self, hc->agent_id);

  json_object_set_string_member (object, "agent_id", hc->agent_id);
  if (name != NULL)
    json_object_set_string_member (object, "agent_name", name);
  json_object_set_string_member (object, "conversation_id", hc->conversation_id);
  json_object_set_int_member (object, "start_time_unix_secs", conversation_start (hc));
  json_object_set_int_member (object, "call_duration_secs", hc->talk_secs);
  json_object_set_int_member (object, "message_count", message_count (self->history, hc));
  json_object_set_string_member (object, "status", "done");
  json_object_set_string_member (object, "call_successful", verdict_name (hc->verdict));
  json_object_set_string_member (object, "call_summary_title", govorun_call_history_get_title (self->history, hc));
  if (with_summary)
    json_object_set_string_member (object, "transcript_summary", govorun_call_history_get_summary (self->history, hc));
  if (hc->sub == 0)
    json_object_set_string_member (object, "direction", hc->incoming ? "inbound" : "outbound");
  else
    json_object_set_null_member (object, "direction");
  json_object_set_string_member (object, "termination_reason", termination_reason (hc));
  json_object_set_string_member (object, "main_language", "ru");
  json_object_set_string_member (object, "conversation_initiation_source", hc->sub == 1 ? "widget" : "unknown");

  return object;
}

/* The conversation at @position when it exists and passes the filters. */
static gboolean
conversation_at (GovorunElevenlabsEmulator *self,
                 gint64                     position,
                 const char                *agent_id,
                 GovorunHistoryCall        *hc)
{
  return govorun_call_history_get_call (self->history, position / 2, position % 2, hc) &&
         hc->conversation_id[0] != '\0' &&
         (agent_id == NULL || g_str_equal (agent_id, hc->agent_id));
}

static gboolean
read_unix (SoupServerMessage *msg,
           GHashTable        *params,
           const char        *name,
           gint64            *out)
{
  const char *text = g_hash_table_lookup (params, name);

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, out, NULL))
    {
      el_emu_respond_validation (msg, name, "int_parsing",
                                 "Input should be a valid integer, unable to parse string as an integer", text);
      return FALSE;
    }

  return TRUE;
}

/* GET /v1/convai/conversations */
void
el_emu_handle_list_conversations (GovorunElevenlabsEmulator *self,
                                  SoupServerMessage         *msg,
                                  GHashTable                *params,
                                  const char *const         *captures)
{
  const char *agent_id = g_hash_table_lookup (params, "agent_id");
  const char *page_size_text = g_hash_table_lookup (params, "page_size");
  const char *cursor = g_hash_table_lookup (params, "cursor");
  const char *summary_mode = g_hash_table_lookup (params, "summary_mode");
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *conversations = json_array_new ();
  gint64 page_size = DEFAULT_PAGE_SIZE;
  gint64 after = G_MININT64;
  gint64 before = G_MAXINT64;
  gint64 position;
  gint64 lowest = 0;
  gboolean has_more = FALSE;

  json_object_set_array_member (root, "conversations", conversations);

  if (page_size_text != NULL &&
      (!g_ascii_string_to_signed (page_size_text, 10, G_MININT64, G_MAXINT64, &page_size, NULL) ||
       page_size < 1 || page_size > MAX_PAGE_SIZE))
    {
      el_emu_respond_validation (msg, "page_size", "less_than_equal",
                                 "Input should be less than or equal to 100", page_size_text);
      return;
    }
  if (!read_unix (msg, params, "call_start_after_unix", &after) ||
      !read_unix (msg, params, "call_start_before_unix", &before))
    return;
  if (summary_mode != NULL && !g_str_equal (summary_mode, "include") && !g_str_equal (summary_mode, "exclude"))
    {
      el_emu_respond_validation (msg, "summary_mode", "enum", "Input should be 'exclude' or 'include'", summary_mode);
      return;
    }

  if (self->history == NULL)
    {
      position = -1;
    }
  else
    {
      /* Conversations start a few seconds after their slot, so the slot
       * bounds are widened by the longest ring and filtered exactly. */
      gint64 lo = govorun_call_history_index_at (self->history, after == G_MININT64 ? G_MININT64 / 2 : after - 61);
      gint64 hi = govorun_call_history_index_at (self->history, before == G_MAXINT64 ? G_MAXINT64 / 2 : before);

      lowest = lo * 2;
      position = hi * 2 - 1;
    }

  if (cursor != NULL && *cursor != '\0')
    {
      gint64 from;

      if (!el_emu_decode_cursor (CURSOR_PREFIX, cursor, &from))
        {
          el_emu_respond_validation (msg, "cursor", "value_error", "Value error, invalid cursor", cursor);
          return;
        }
      position = MIN (position, from);
    }

  /* Conversations held over the WebSocket are the newest: they lead the
   * first page (they are few; a page they fill hides the rest of them). */
  if (cursor == NULL || *cursor == '\0')
    for (guint i = self->live->len; i > 0 && json_array_get_length (conversations) < (guint) page_size; i--)
      {
        EmuLiveConversation *conv = g_ptr_array_index (self->live, i - 1);

        if ((agent_id != NULL && !g_str_equal (agent_id, conv->agent_id)) ||
            conv->start_unix < after || conv->start_unix >= before ||
            conv->start_us + (gint64) conv->duration_secs * G_USEC_PER_SEC > g_get_monotonic_time () + G_USEC_PER_SEC)
          continue;
        json_array_add_object_element (conversations, el_emu_live_summary_to_json (self, conv));
      }

  for (; position >= lowest; position--)
    {
      GovorunHistoryCall hc;
      gint64 start;

      if (!conversation_at (self, position, agent_id, &hc))
        continue;
      start = conversation_start (&hc);
      if (start < after || start >= before)
        continue;
      if (json_array_get_length (conversations) == (guint) page_size)
        {
          has_more = TRUE;
          break;
        }
      json_array_add_object_element (conversations,
                                     summary_to_json (self, &hc, g_strcmp0 (summary_mode, "include") == 0));
    }

  json_object_set_boolean_member (root, "has_more", has_more);
  if (has_more)
    take_string (root, "next_cursor", el_emu_encode_cursor (CURSOR_PREFIX, position));
  else
    json_object_set_null_member (root, "next_cursor");

  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);

    govorun_emulator_respond_json (msg, SOUP_STATUS_OK, node);
  }
}

static gboolean
find_conversation (GovorunElevenlabsEmulator *self,
                   SoupServerMessage         *msg,
                   const char                *conversation_id,
                   GovorunHistoryCall        *hc)
{
  if (self->history != NULL && govorun_call_history_find_conversation (self->history, conversation_id, hc))
    return TRUE;

  el_emu_respond_detail (msg, SOUP_STATUS_NOT_FOUND, STATUS_NOT_FOUND, "Conversation not found");
  return FALSE;
}

static const char *
tool_name (GovorunHistoryDomain domain)
{
  switch (domain)
    {
    case GOVORUN_HISTORY_DOMAIN_HOTEL:
      return "create_booking";
    case GOVORUN_HISTORY_DOMAIN_WORKSHOP:
      return "create_work_order";
    case GOVORUN_HISTORY_DOMAIN_CLINIC:
    default:
      return "book_appointment";
    }
}

static JsonObject *
collected_to_json (const char * const *collected)
{
  JsonObject *results = json_object_new ();

  for (guint i = 0; collected[i] != NULL && collected[i + 1] != NULL; i += 2)
    {
      JsonObject *item = json_object_new ();
      JsonObject *schema = json_object_new ();

      json_object_set_string_member (schema, "type", "string");
      json_object_set_string_member (schema, "description", collected[i]);
      json_object_set_string_member (item, "data_collection_id", collected[i]);
      json_object_set_string_member (item, "value", collected[i + 1]);
      json_object_set_object_member (item, "json_schema", schema);
      json_object_set_string_member (item, "rationale", "Stated by the caller.");
      json_object_set_object_member (results, collected[i], item);
    }

  return results;
}

/* The tool call goes with the agent's seventh line, where the scripts
 * confirm what was booked. */
static void
add_tools (JsonObject               *turn,
           guint                     line,
           const GovorunHistoryCall *hc,
           const char * const       *collected)
{
  JsonArray *calls = json_array_new ();
  JsonArray *results = json_array_new ();

  if (line == 6 && collected[0] != NULL)
    {
      JsonObject *call = json_object_new ();
      JsonObject *result = json_object_new ();
      g_autoptr(JsonNode) params = json_node_init_object (json_node_alloc (), collected_to_json (collected));
      g_autofree char *request_id = g_strdup_printf ("toolu_%s", hc->conversation_id + 5);

      json_object_set_string_member (call, "request_id", request_id);
      json_object_set_string_member (call, "tool_name", tool_name (hc->domain));
      take_string (call, "params_as_json", json_to_string (params, FALSE));
      json_object_set_boolean_member (call, "tool_has_been_called", TRUE);
      json_object_set_string_member (call, "type", "webhook");
      json_array_add_object_element (calls, call);

      json_object_set_string_member (result, "request_id", request_id);
      json_object_set_string_member (result, "tool_name", tool_name (hc->domain));
      json_object_set_string_member (result, "result_value", "{\"ok\":true}");
      json_object_set_boolean_member (result, "is_error", FALSE);
      json_object_set_boolean_member (result, "tool_has_been_called", TRUE);
      json_object_set_double_member (result, "tool_latency_secs", 0.42);
      json_object_set_string_member (result, "type", "webhook");
      json_array_add_object_element (results, result);
    }

  json_object_set_array_member (turn, "tool_calls", calls);
  json_object_set_array_member (turn, "tool_results", results);
}

/* GET /v1/convai/conversations/{id} */
void
el_emu_handle_get_conversation (GovorunElevenlabsEmulator *self,
                                SoupServerMessage         *msg,
                                GHashTable                *params,
                                const char *const         *captures)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GArray) turns = NULL;
  const char * const *collected;
  JsonArray *transcript = json_array_new ();
  JsonObject *metadata = json_object_new ();
  JsonObject *analysis = json_object_new ();
  JsonObject *evaluation = json_object_new ();
  JsonObject *criterion = json_object_new ();
  JsonObject *client_data = json_object_new ();
  JsonObject *variables = json_object_new ();
  JsonObject *data;
  GovorunHistoryCall hc;
  EmuLiveConversation *live = el_emu_live_find (self, captures[0]);

  if (live != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), el_emu_live_details_to_json (self, live));

      json_array_unref (transcript);
      json_object_unref (metadata);
      json_object_unref (analysis);
      json_object_unref (evaluation);
      json_object_unref (criterion);
      json_object_unref (client_data);
      json_object_unref (variables);
      govorun_emulator_respond_json (msg, SOUP_STATUS_OK, node);
      return;
    }

  if (!find_conversation (self, msg, captures[0], &hc))
    {
      json_array_unref (transcript);
      json_object_unref (metadata);
      json_object_unref (analysis);
      json_object_unref (evaluation);
      json_object_unref (criterion);
      json_object_unref (client_data);
      json_object_unref (variables);
      return;
    }

  collected = govorun_call_history_get_collected (self->history, &hc);
  turns = govorun_call_history_get_turns (self->history, &hc);
  for (guint i = 0; i < turns->len; i++)
    {
      GovorunHistoryTurn *t = &g_array_index (turns, GovorunHistoryTurn, i);
      JsonObject *turn = json_object_new ();

      json_object_set_string_member (turn, "role", t->agent ? "agent" : "user");
      json_object_set_string_member (turn, "message", t->message);
      json_object_set_int_member (turn, "time_in_call_secs", t->time_in_call_secs);
      add_tools (turn, i, &hc, collected);
      json_object_set_null_member (turn, "feedback");
      json_object_set_boolean_member (turn, "interrupted", FALSE);
      json_object_set_string_member (turn, "source_medium", "audio");
      json_array_add_object_element (transcript, turn);
    }

  json_object_set_int_member (metadata, "start_time_unix_secs", conversation_start (&hc));
  json_object_set_int_member (metadata, "accepted_time_unix_secs", conversation_start (&hc));
  json_object_set_int_member (metadata, "call_duration_secs", hc.talk_secs);
  json_object_set_int_member (metadata, "cost", hc.el_cost);
  json_object_set_string_member (metadata, "termination_reason", termination_reason (&hc));
  json_object_set_null_member (metadata, "error");
  json_object_set_string_member (metadata, "main_language", "ru");
  /* Voximplant bridges the call over the WebSocket: not a native phone call. */
  json_object_set_null_member (metadata, "phone_call");
  json_object_set_null_member (metadata, "batch_call");
  json_object_set_string_member (metadata, "authorization_method", hc.sub == 1 ? "public" : "signed_url");
  json_object_set_string_member (metadata, "conversation_initiation_source", hc.sub == 1 ? "widget" : "unknown");

  json_object_set_string_member (criterion, "criteria_id", "resolved");
  json_object_set_string_member (criterion, "result", verdict_name (hc.verdict));
  json_object_set_string_member (criterion, "rationale", govorun_call_history_get_summary (self->history, &hc));
  json_object_set_object_member (evaluation, "resolved", criterion);
  json_object_set_string_member (analysis, "call_successful", verdict_name (hc.verdict));
  json_object_set_string_member (analysis, "transcript_summary", govorun_call_history_get_summary (self->history, &hc));
  json_object_set_string_member (analysis, "call_summary_title", govorun_call_history_get_title (self->history, &hc));
  data = collected_to_json (collected);
  el_emu_add_analysis (evaluation, data, &hc);
  json_object_set_object_member (analysis, "evaluation_criteria_results", evaluation);
  json_object_set_object_member (analysis, "data_collection_results", data);

  /* What the scenarios pass (inbound.js, outbound.js). */
  if (hc.sub == 0)
    {
      take_string (variables, "voximplant_session_id", g_strdup_printf ("%" G_GINT64_FORMAT, hc.session_id));
      take_string (variables, "voximplant_call_id", g_strdup_printf ("%" G_GINT64_FORMAT, hc.call_id));
      json_object_set_string_member (variables, "caller_id", hc.incoming ? hc.remote_number : hc.local_number);
      json_object_set_string_member (variables, "called_number", hc.incoming ? hc.local_number : hc.remote_number);
      json_object_set_string_member (variables, "direction", hc.incoming ? "inbound" : "outbound");
    }
  json_object_set_string_member (variables, "system__agent_id", hc.agent_id);
  json_object_set_string_member (variables, "system__conversation_id", hc.conversation_id);
  json_object_set_int_member (variables, "system__call_duration_secs", hc.talk_secs);
  json_object_set_object_member (client_data, "dynamic_variables", variables);

  json_object_set_string_member (root, "agent_id", hc.agent_id);
  if (agent_name (self, hc.agent_id) != NULL)
    json_object_set_string_member (root, "agent_name", agent_name (self, hc.agent_id));
  json_object_set_string_member (root, "conversation_id", hc.conversation_id);
  json_object_set_string_member (root, "status", "done");
  json_object_set_null_member (root, "user_id");
  json_object_set_array_member (root, "transcript", transcript);
  json_object_set_object_member (root, "metadata", metadata);
  json_object_set_object_member (root, "analysis", analysis);
  json_object_set_object_member (root, "conversation_initiation_client_data", client_data);
  json_object_set_boolean_member (root, "has_audio", TRUE);
  json_object_set_boolean_member (root, "has_user_audio", TRUE);
  json_object_set_boolean_member (root, "has_response_audio", TRUE);

  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);

    govorun_emulator_respond_json (msg, SOUP_STATUS_OK, node);
  }
}

/* GET /v1/convai/conversations/{id}/audio. ElevenLabs sends MP3; the
 * emulator sends the generated WAV with its own content type, which
 * players take as well. */
void
el_emu_handle_get_conversation_audio (GovorunElevenlabsEmulator *self,
                                      SoupServerMessage         *msg,
                                      GHashTable                *params,
                                      const char *const         *captures)
{
  g_autoptr(GBytes) audio = NULL;
  GovorunHistoryCall hc;

  if (!find_conversation (self, msg, captures[0], &hc))
    return;

  audio = govorun_call_history_render_audio (self->history, &hc);
  govorun_emu_respond_audio (msg, "audio/wav", audio);
}

void
govorun_elevenlabs_emulator_set_call_history (GovorunElevenlabsEmulator *self,
                                              GovorunCallHistory        *history)
{
  g_return_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self));
  g_return_if_fail (history == NULL || GOVORUN_IS_CALL_HISTORY (history));

  g_mutex_lock (&self->lock);
  g_set_object (&self->history, history);
  g_mutex_unlock (&self->lock);
}
