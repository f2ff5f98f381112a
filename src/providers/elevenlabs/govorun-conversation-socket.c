/* govorun-conversation-socket.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunConversationSocket"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-conversation-socket.h"
#include "govorun-http-private.h"
#include "govorun-json.h"

/*
 * The conversation WebSocket, reference/elevenlabs.md §4: the client
 * speaks first (conversation_initiation_client_data), the server answers
 * with conversation_initiation_metadata, then audio flows both ways as
 * base64 in JSON. Server payloads sit under a per-type key (§4.3).
 *
 * Pings are answered at once with a pong carrying their event_id. The
 * reference gives ping_ms only as a number the server reports (the round
 * trip it measured) and documents no delay for the pong, so ping_ms is
 * kept and shown, never waited for.
 *
 * Malformed or unknown server messages are logged (their type only) and
 * skipped: the service's types grow faster than clients ([OAS] note).
 */

#define DEFAULT_MAX_FRAME    (4 * 1024 * 1024)
/* Provider texts reach dialogs: one line, bounded. */
#define MAX_REASON_CHARS     300

G_DEFINE_QUARK (govorun-conversation-error-quark, govorun_conversation_error)

GovorunConversationMetadata *
govorun_conversation_metadata_copy (const GovorunConversationMetadata *metadata)
{
  GovorunConversationMetadata *copy = g_new0 (GovorunConversationMetadata, 1);

  copy->conversation_id = g_strdup (metadata->conversation_id);
  copy->agent_output_audio_format = g_strdup (metadata->agent_output_audio_format);
  copy->user_input_audio_format = g_strdup (metadata->user_input_audio_format);
  return copy;
}

void
govorun_conversation_metadata_free (GovorunConversationMetadata *metadata)
{
  if (metadata == NULL)
    return;
  g_free (metadata->conversation_id);
  g_free (metadata->agent_output_audio_format);
  g_free (metadata->user_input_audio_format);
  g_free (metadata);
}

G_DEFINE_BOXED_TYPE (GovorunConversationMetadata, govorun_conversation_metadata,
                     govorun_conversation_metadata_copy, govorun_conversation_metadata_free)

gboolean
govorun_conversation_parse_audio_format (const char *format,
                                         gboolean   *ulaw,
                                         guint      *rate)
{
  static const guint pcm_rates[] = { 8000, 16000, 22050, 24000, 44100, 48000 };
  guint64 value;

  if (g_strcmp0 (format, "ulaw_8000") == 0)
    {
      *ulaw = TRUE;
      *rate = 8000;
      return TRUE;
    }

  if (format == NULL || !g_str_has_prefix (format, "pcm_") ||
      !g_ascii_string_to_unsigned (format + 4, 10, 8000, 48000, &value, NULL))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (pcm_rates); i++)
    if (pcm_rates[i] == value)
      {
        *ulaw = FALSE;
        *rate = (guint) value;
        return TRUE;
      }

  return FALSE;
}

struct _GovorunConversationSocket
{
  GObject                      parent_instance;

  GovorunHttp                 *http;
  SoupWebsocketConnection     *ws;
  GTask                       *connect_task;   /* until the metadata came */
  gulong                       cancel_id;
  gsize                        max_frame;
  char                        *init_json;
  gint64                       interrupted_at; /* audio below this event_id is dropped */
  int                          ping_ms;
  char                        *error_type;     /* of the last "error" event */
  char                        *error_message;
  gboolean                     closing;        /* we asked to close */
  gboolean                     finished;       /* ::closed emitted */
};

G_DEFINE_FINAL_TYPE (GovorunConversationSocket, govorun_conversation_socket, G_TYPE_OBJECT)

enum {
  SIGNAL_AUDIO,
  SIGNAL_AGENT_RESPONSE,
  SIGNAL_AGENT_RESPONSE_CORRECTED,
  SIGNAL_TENTATIVE_AGENT_RESPONSE,
  SIGNAL_USER_TRANSCRIPT,
  SIGNAL_INTERRUPTION,
  SIGNAL_PING,
  SIGNAL_VAD_SCORE,
  SIGNAL_CLIENT_TOOL_CALL,
  SIGNAL_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint chars = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (chars++ >= MAX_REASON_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? ' ' : c);
    }

  return g_string_free (out, FALSE);
}

/* Sending */

static gboolean
send_node (GovorunConversationSocket *self,
           JsonNode                  *node)
{
  g_autofree char *text = NULL;

  if (!govorun_conversation_socket_is_open (self))
    return FALSE;

  text = json_to_string (node, FALSE);
  soup_websocket_connection_send_text (self->ws, text);
  return TRUE;
}

static void
send_typed (GovorunConversationSocket *self,
            JsonObject                *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  send_node (self, node);
}

gboolean
govorun_conversation_socket_send_audio (GovorunConversationSocket *self,
                                        const guint8              *data,
                                        gsize                      length)
{
  g_autofree char *b64 = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self), FALSE);

  if (!govorun_conversation_socket_is_open (self) || self->connect_task != NULL)
    return FALSE;

  /* §4.2: the one message without "type"; written by hand, it is the hot path. */
  b64 = g_base64_encode (data, length);
  text = g_strconcat ("{\"user_audio_chunk\":\"", b64, "\"}", NULL);
  soup_websocket_connection_send_text (self->ws, text);
  return TRUE;
}

void
govorun_conversation_socket_send_user_activity (GovorunConversationSocket *self)
{
  JsonObject *object = json_object_new ();

  g_return_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self));
  json_object_set_string_member (object, "type", "user_activity");
  send_typed (self, object);
  json_object_unref (object);
}

void
govorun_conversation_socket_send_contextual_update (GovorunConversationSocket *self,
                                                    const char                *text)
{
  JsonObject *object = json_object_new ();

  g_return_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self));
  json_object_set_string_member (object, "type", "contextual_update");
  json_object_set_string_member (object, "text", text);
  send_typed (self, object);
  json_object_unref (object);
}

void
govorun_conversation_socket_send_tool_result (GovorunConversationSocket *self,
                                              const char                *tool_call_id,
                                              const char                *result,
                                              gboolean                   is_error)
{
  JsonObject *object = json_object_new ();

  g_return_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self));
  json_object_set_string_member (object, "type", "client_tool_result");
  json_object_set_string_member (object, "tool_call_id", tool_call_id);
  json_object_set_string_member (object, "result", result);
  json_object_set_boolean_member (object, "is_error", is_error);
  send_typed (self, object);
  json_object_unref (object);
}

/* Ending */

static GError *
error_for_close (GovorunConversationSocket *self,
                 gushort                    code,
                 const char                *reason)
{
  g_autofree char *text = clean_text (self->error_message != NULL && *self->error_message != '\0'
                                      ? self->error_message : reason);
  GovorunConversationError error_code;

  switch (code)
    {
    case SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION:
      if (g_strcmp0 (self->error_type, "override_error") == 0)
        error_code = GOVORUN_CONVERSATION_ERROR_OVERRIDE_REFUSED;
      else if (g_strcmp0 (self->error_type, "missing_dynamic_variable") == 0)
        error_code = GOVORUN_CONVERSATION_ERROR_MISSING_VARIABLE;
      else
        error_code = GOVORUN_CONVERSATION_ERROR_REFUSED;
      break;
    case SOUP_WEBSOCKET_CLOSE_PROTOCOL_ERROR:
      error_code = GOVORUN_CONVERSATION_ERROR_OPERATIONAL;
      break;
    case SOUP_WEBSOCKET_CLOSE_SERVER_ERROR:
      error_code = GOVORUN_CONVERSATION_ERROR_INTERNAL;
      break;
    case SOUP_WEBSOCKET_CLOSE_TOO_BIG:
    case SOUP_WEBSOCKET_CLOSE_BAD_DATA:
      error_code = GOVORUN_CONVERSATION_ERROR_PROTOCOL;
      break;
    case 0:
    case SOUP_WEBSOCKET_CLOSE_NO_STATUS:
    case SOUP_WEBSOCKET_CLOSE_ABNORMAL:
      error_code = GOVORUN_CONVERSATION_ERROR_CONNECTION;
      break;
    default:
      error_code = GOVORUN_CONVERSATION_ERROR_CLOSED;
      break;
    }

  if (text == NULL || *text == '\0')
    return g_error_new (GOVORUN_CONVERSATION_ERROR, error_code, "close code %u", code);

  return g_error_new (GOVORUN_CONVERSATION_ERROR, error_code, "%s (close code %u)", text, code);
}

static void
finish_connect_with_error (GovorunConversationSocket *self,
                           GError                    *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->connect_task);

  if (task == NULL)
    {
      g_error_free (error);
      return;
    }

  g_cancellable_disconnect (g_task_get_cancellable (task), self->cancel_id);
  self->cancel_id = 0;
  g_task_return_error (task, error);
}

static void
on_closed (SoupWebsocketConnection *ws,
           gpointer                 user_data)
{
  GovorunConversationSocket *self = user_data;
  g_autoptr(GError) error = NULL;
  gushort code = soup_websocket_connection_get_close_code (ws);

  g_object_ref (self);

  if (self->connect_task != NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (self->connect_task);

      if (g_cancellable_is_cancelled (cancellable))
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      else
        error = error_for_close (self, code == SOUP_WEBSOCKET_CLOSE_NORMAL && !self->closing
                                             ? SOUP_WEBSOCKET_CLOSE_ABNORMAL : code,
                                 soup_websocket_connection_get_close_data (ws));
      finish_connect_with_error (self, g_steal_pointer (&error));
    }
  else if (!self->finished)
    {
      if (!(code == SOUP_WEBSOCKET_CLOSE_NORMAL || (self->closing && code != SOUP_WEBSOCKET_CLOSE_TOO_BIG)))
        error = error_for_close (self, code, soup_websocket_connection_get_close_data (ws));
      self->finished = TRUE;
      g_debug ("Closed with code %u", code);
      g_signal_emit (self, signals[SIGNAL_CLOSED], 0, error);
    }

  g_object_unref (self);
}

void
govorun_conversation_socket_close (GovorunConversationSocket *self)
{
  g_return_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self));

  self->closing = TRUE;
  if (self->ws != NULL && soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
}

gboolean
govorun_conversation_socket_is_open (GovorunConversationSocket *self)
{
  g_return_val_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self), FALSE);

  return self->ws != NULL && !self->closing &&
         soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN;
}

int
govorun_conversation_socket_get_ping_ms (GovorunConversationSocket *self)
{
  g_return_val_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self), -1);

  return self->ping_ms;
}

/* Receiving */

static JsonObject *
payload (JsonObject *root,
         const char *key)
{
  JsonNode *node = json_object_get_member (root, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static gboolean
int_member (JsonObject *object,
            const char *name,
            gint64     *out)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
base64_is_valid (const char *text)
{
  gsize len = strlen (text);

  if (len % 4 != 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/' &&
        !(text[i] == '=' && i >= len - 2))
      return FALSE;
  return TRUE;
}

static void
handle_metadata (GovorunConversationSocket *self,
                 JsonObject                *event)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->connect_task);
  g_autoptr(GovorunConversationMetadata) metadata = g_new0 (GovorunConversationMetadata, 1);
  const char *id = string_member (event, "conversation_id");
  const char *out_format = string_member (event, "agent_output_audio_format");
  const char *in_format = string_member (event, "user_input_audio_format");
  gboolean ulaw;
  guint rate;

  if (task == NULL)
    {
      g_debug ("A second conversation_initiation_metadata; ignored");
      return;
    }

  g_cancellable_disconnect (g_task_get_cancellable (task), self->cancel_id);
  self->cancel_id = 0;

  if (id == NULL || *id == '\0' || strlen (id) > 200 ||
      (out_format != NULL && !govorun_conversation_parse_audio_format (out_format, &ulaw, &rate)) ||
      (in_format != NULL && !govorun_conversation_parse_audio_format (in_format, &ulaw, &rate)))
    {
      self->closing = TRUE;
      soup_websocket_connection_close (self->ws, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
      g_task_return_new_error (task, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_PROTOCOL,
                               "conversation_initiation_metadata lacks a conversation_id or has an unknown audio format");
      return;
    }

  metadata->conversation_id = g_strdup (id);
  /* §4.1: the input format falls back to pcm_16000; so does the output. */
  metadata->agent_output_audio_format = g_strdup (out_format != NULL ? out_format : "pcm_16000");
  metadata->user_input_audio_format = g_strdup (in_format != NULL ? in_format : "pcm_16000");
  g_task_return_pointer (task, g_steal_pointer (&metadata), (GDestroyNotify) govorun_conversation_metadata_free);
}

static void
handle_message (GovorunConversationSocket *self,
                const char                *data,
                gsize                      length,
                gint64                     received_us)
{
  g_autoptr(JsonNode) root = govorun_json_parse (data, length, GOVORUN_JSON_ANSWER, NULL);
  JsonObject *object;
  JsonObject *event;
  const char *type;
  gint64 event_id = 0;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("A message that is not a JSON object; skipped");
      return;
    }

  object = json_node_get_object (root);
  type = string_member (object, "type");
  if (type == NULL)
    {
      g_debug ("A message without a type; skipped");
      return;
    }

  if (g_str_equal (type, "conversation_initiation_metadata"))
    {
      handle_metadata (self, payload (object, "conversation_initiation_metadata_event"));
      return;
    }

  if (g_str_equal (type, "error"))
    {
      /* Sent just before the server closes (§4.3). */
      event = payload (object, "error_event");
      g_free (self->error_type);
      g_free (self->error_message);
      self->error_type = g_strdup (string_member (event, "error_type"));
      self->error_message = clean_text (string_member (event, "message"));
      return;
    }

  if (g_str_equal (type, "ping"))
    {
      JsonObject *pong;
      gint64 ping_ms;

      event = payload (object, "ping_event");
      if (!int_member (event, "event_id", &event_id))
        {
          g_debug ("A ping without an event_id; skipped");
          return;
        }
      pong = json_object_new ();
      json_object_set_string_member (pong, "type", "pong");
      json_object_set_int_member (pong, "event_id", event_id);
      send_typed (self, pong);
      json_object_unref (pong);

      if (int_member (event, "ping_ms", &ping_ms) && ping_ms >= 0 && ping_ms < 600000)
        self->ping_ms = (int) ping_ms;
      g_signal_emit (self, signals[SIGNAL_PING], 0, event_id, self->ping_ms);
      return;
    }

  /* Everything below belongs to a running conversation. */
  if (self->connect_task != NULL)
    {
      g_debug ("“%s” before the metadata; skipped", type);
      return;
    }

  if (g_str_equal (type, "audio"))
    {
      const char *b64;
      g_autofree guchar *bytes = NULL;
      g_autoptr(GBytes) audio = NULL;
      gsize len = 0;

      event = payload (object, "audio_event");
      b64 = string_member (event, "audio_base_64");
      if (b64 == NULL || !int_member (event, "event_id", &event_id) || !base64_is_valid (b64))
        {
          g_debug ("An audio event without valid audio or event_id; skipped");
          return;
        }
      if (event_id < self->interrupted_at)
        return;
      bytes = g_base64_decode (b64, &len);
      audio = g_bytes_new_take (g_steal_pointer (&bytes), len);
      g_signal_emit (self, signals[SIGNAL_AUDIO], 0, audio, event_id, received_us);
    }
  else if (g_str_equal (type, "agent_response"))
    {
      const char *text = string_member (payload (object, "agent_response_event"), "agent_response");

      if (text != NULL)
        g_signal_emit (self, signals[SIGNAL_AGENT_RESPONSE], 0, text);
    }
  else if (g_str_equal (type, "agent_response_correction"))
    {
      event = payload (object, "agent_response_correction_event");
      if (string_member (event, "original_agent_response") != NULL &&
          string_member (event, "corrected_agent_response") != NULL)
        g_signal_emit (self, signals[SIGNAL_AGENT_RESPONSE_CORRECTED], 0,
                       string_member (event, "original_agent_response"),
                       string_member (event, "corrected_agent_response"));
    }
  else if (g_str_equal (type, "internal_tentative_agent_response"))
    {
      const char *text = string_member (payload (object, "tentative_agent_response_internal_event"),
                                        "tentative_agent_response");

      if (text != NULL)
        g_signal_emit (self, signals[SIGNAL_TENTATIVE_AGENT_RESPONSE], 0, text);
    }
  else if (g_str_equal (type, "user_transcript") || g_str_equal (type, "tentative_user_transcript"))
    {
      gboolean tentative = g_str_equal (type, "tentative_user_transcript");
      const char *text = string_member (payload (object, tentative ? "tentative_user_transcription_event"
                                                                   : "user_transcription_event"),
                                        "user_transcript");

      if (text != NULL)
        g_signal_emit (self, signals[SIGNAL_USER_TRANSCRIPT], 0, text, tentative);
    }
  else if (g_str_equal (type, "interruption"))
    {
      if (!int_member (payload (object, "interruption_event"), "event_id", &event_id))
        return;
      self->interrupted_at = MAX (self->interrupted_at, event_id);
      g_signal_emit (self, signals[SIGNAL_INTERRUPTION], 0, event_id);
    }
  else if (g_str_equal (type, "vad_score"))
    {
      JsonNode *score;

      event = payload (object, "vad_score_event");
      score = event != NULL ? json_object_get_member (event, "vad_score") : NULL;
      if (score != NULL && JSON_NODE_HOLDS_VALUE (score) &&
          (json_node_get_value_type (score) == G_TYPE_DOUBLE || json_node_get_value_type (score) == G_TYPE_INT64))
        g_signal_emit (self, signals[SIGNAL_VAD_SCORE], 0, CLAMP (json_node_get_double (score), 0.0, 1.0));
    }
  else if (g_str_equal (type, "client_tool_call"))
    {
      JsonNode *parameters;
      g_autofree char *json = NULL;

      event = payload (object, "client_tool_call");
      parameters = event != NULL ? json_object_get_member (event, "parameters") : NULL;
      if (string_member (event, "tool_name") == NULL || string_member (event, "tool_call_id") == NULL)
        return;
      json = parameters != NULL ? json_to_string (parameters, FALSE) : g_strdup ("{}");
      g_signal_emit (self, signals[SIGNAL_CLIENT_TOOL_CALL], 0,
                     string_member (event, "tool_name"), string_member (event, "tool_call_id"), json);
    }
  else
    {
      /* vad-like internals (internal_turn_probability), text streaming,
       * agent tool events, MCP, context_usage and types yet to come. */
      g_debug ("Message of type “%s” not used; skipped", type);
    }
}

static void
on_message (SoupWebsocketConnection *ws,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  GovorunConversationSocket *self = user_data;
  gint64 received_us = g_get_monotonic_time ();
  gsize length;
  const char *data = g_bytes_get_data (message, &length);

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      g_debug ("A binary frame; the protocol has none (§4.1); skipped");
      return;
    }

  g_object_ref (self);
  handle_message (self, data, length, received_us);
  g_object_unref (self);
}

void
_govorun_conversation_socket_feed (GovorunConversationSocket *self,
                                   const char                *data,
                                   gsize                      length)
{
  handle_message (self, data, length, g_get_monotonic_time ());
}

/* Connecting */

static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  GovorunConversationSocket *self = user_data;

  /* Closing gives ::closed, which returns the task as cancelled. */
  if (self->ws != NULL)
    {
      self->closing = TRUE;
      soup_websocket_connection_close (self->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
    }
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunConversationSocket *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *ws;
  GCancellable *cancellable;

  ws = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (ws == NULL)
    {
      guint status = soup_message_get_status (msg);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
        g_task_return_new_error (task, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_AUTH,
                                 "HTTP %u %s", status, soup_message_get_reason_phrase (msg));
      else if (status == SOUP_STATUS_NOT_FOUND)
        g_task_return_new_error (task, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_NOT_FOUND,
                                 "HTTP %u %s", status, soup_message_get_reason_phrase (msg));
      else
        g_task_return_new_error (task, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_CONNECTION,
                                 "%s", error->message);
      return;
    }

  self->ws = ws;
  soup_websocket_connection_set_max_incoming_payload_size (ws, self->max_frame);
  g_signal_connect (ws, "message", G_CALLBACK (on_message), self);
  g_signal_connect (ws, "closed", G_CALLBACK (on_closed), self);

  /* §4.1: the client speaks first. */
  soup_websocket_connection_send_text (ws, self->init_json);
  g_clear_pointer (&self->init_json, g_free);

  self->connect_task = g_steal_pointer (&task);
  cancellable = g_task_get_cancellable (self->connect_task);
  if (cancellable != NULL)
    self->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), self, NULL);
}

/* "agent.prompt.prompt" = value into nested objects. */
static void
put_override (JsonObject *root,
              const char *path,
              const char *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (!json_object_has_member (object, parts[i]) ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, parts[i])))
        json_object_set_object_member (object, parts[i], json_object_new ());
      object = json_object_get_object_member (object, parts[i]);
    }
  if (n > 0)
    {
      if (g_str_equal (path, "conversation.text_only"))
        json_object_set_boolean_member (object, parts[n - 1], g_strcmp0 (value, "true") == 0);
      else
        json_object_set_string_member (object, parts[n - 1], value);
    }
}

static char *
build_init (GHashTable *dynamic_variables,
            GHashTable *overrides)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  GHashTableIter iter;
  gpointer key, value;

  json_object_set_string_member (root, "type", "conversation_initiation_client_data");

  if (overrides != NULL && g_hash_table_size (overrides) > 0)
    {
      JsonObject *config = json_object_new ();

      g_hash_table_iter_init (&iter, overrides);
      while (g_hash_table_iter_next (&iter, &key, &value))
        put_override (config, key, value);
      json_object_set_object_member (root, "conversation_config_override", config);
    }

  if (dynamic_variables != NULL && g_hash_table_size (dynamic_variables) > 0)
    {
      JsonObject *variables = json_object_new ();

      g_hash_table_iter_init (&iter, dynamic_variables);
      while (g_hash_table_iter_next (&iter, &key, &value))
        json_object_set_string_member (variables, key, value);
      json_object_set_object_member (root, "dynamic_variables", variables);
    }

  node = json_node_init_object (json_node_alloc (), root);
  return json_to_string (node, FALSE);
}

void
govorun_conversation_socket_connect_async (GovorunConversationSocket *self,
                                           const char                *url,
                                           GHashTable                *dynamic_variables,
                                           GHashTable                *overrides,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  const char *protocols[] = { "convai", NULL };

  g_return_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (self->ws == NULL && self->connect_task == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_conversation_socket_connect_async);

  msg = soup_message_new (SOUP_METHOD_GET, url);
  if (msg == NULL)
    {
      g_task_return_new_error (task, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_CONNECTION,
                               "The conversation URL cannot be parsed");
      return;
    }

  self->init_json = build_init (dynamic_variables, overrides);
  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  soup_session_websocket_connect_async (govorun_http_get_session (self->http), msg, NULL,
                                        (char **) protocols, G_PRIORITY_DEFAULT, cancellable,
                                        on_connected, g_steal_pointer (&task));
}

GovorunConversationMetadata *
govorun_conversation_socket_connect_finish (GovorunConversationSocket  *self,
                                            GAsyncResult               *result,
                                            GError                    **error)
{
  g_return_val_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_conversation_socket_connect_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
govorun_conversation_socket_set_max_frame (GovorunConversationSocket *self,
                                           gsize                      max_bytes)
{
  g_return_if_fail (GOVORUN_IS_CONVERSATION_SOCKET (self));

  self->max_frame = max_bytes;
  if (self->ws != NULL)
    soup_websocket_connection_set_max_incoming_payload_size (self->ws, max_bytes);
}

/* GObject */

static void
govorun_conversation_socket_dispose (GObject *object)
{
  GovorunConversationSocket *self = GOVORUN_CONVERSATION_SOCKET (object);

  if (self->ws != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->ws, self);
      if (soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (self->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&self->ws);
    }
  g_clear_object (&self->http);

  G_OBJECT_CLASS (govorun_conversation_socket_parent_class)->dispose (object);
}

static void
govorun_conversation_socket_finalize (GObject *object)
{
  GovorunConversationSocket *self = GOVORUN_CONVERSATION_SOCKET (object);

  g_free (self->init_json);
  g_free (self->error_type);
  g_free (self->error_message);

  G_OBJECT_CLASS (govorun_conversation_socket_parent_class)->finalize (object);
}

static void
govorun_conversation_socket_class_init (GovorunConversationSocketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_conversation_socket_dispose;
  object_class->finalize = govorun_conversation_socket_finalize;

  signals[SIGNAL_AUDIO] =
    g_signal_new ("audio", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_BYTES, G_TYPE_INT64, G_TYPE_INT64);
  signals[SIGNAL_AGENT_RESPONSE] =
    g_signal_new ("agent-response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_AGENT_RESPONSE_CORRECTED] =
    g_signal_new ("agent-response-corrected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[SIGNAL_TENTATIVE_AGENT_RESPONSE] =
    g_signal_new ("tentative-agent-response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_USER_TRANSCRIPT] =
    g_signal_new ("user-transcript", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  signals[SIGNAL_INTERRUPTION] =
    g_signal_new ("interruption", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_PING] =
    g_signal_new ("ping", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);
  signals[SIGNAL_VAD_SCORE] =
    g_signal_new ("vad-score", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DOUBLE);
  signals[SIGNAL_CLIENT_TOOL_CALL] =
    g_signal_new ("client-tool-call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  signals[SIGNAL_CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
govorun_conversation_socket_init (GovorunConversationSocket *self)
{
  self->max_frame = DEFAULT_MAX_FRAME;
  self->ping_ms = -1;
}

GovorunConversationSocket *
govorun_conversation_socket_new (GovorunHttp *http)
{
  GovorunConversationSocket *self;

  g_return_val_if_fail (GOVORUN_IS_HTTP (http), NULL);

  self = g_object_new (GOVORUN_TYPE_CONVERSATION_SOCKET, NULL);
  self->http = g_object_ref (http);
  return self;
}
