/* govorun-test-call.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCall"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-call-capture.h"
#include "govorun-call-playback.h"
#include "govorun-conversation-socket.h"
#include "govorun-elevenlabs-agents.h"
#include "govorun-elevenlabs-signed-url.h"
#include "govorun-media.h"
#include "govorun-test-calls-private.h"

/*
 * A conversation with the agent from the desktop: signed URL → socket →
 * metadata (the audio formats) → speakers, then microphone. The state
 * follows the conversation: LISTENING while the person may speak,
 * AGENT_SPEAKING while the agent's audio plays, ENDED or FAILED at the
 * end. Every failure becomes one GOVORUN_TEST_CALL_ERROR sentence that
 * keeps the provider's own words after it.
 */

/* Microphone chunks: short enough to keep the added latency small, long
 * enough for a modest frame rate (reference §4.2: the Python SDK sends
 * 250 ms; nothing requires a size). */
#define CHUNK_MS            50
/* The agent counts as done speaking this long after its last audio played. */
#define SPEAKING_TAIL_MS    300

G_DEFINE_QUARK (govorun-test-call-error-quark, govorun_test_call_error)

struct _GovorunTestCall
{
  GObject                    parent_instance;

  GovorunTestCalls          *owner;
  GovorunAgent              *agent;
  GListStore                *transcript;
  GListStore                *variables;
  GovorunTestCallState       state;
  char                      *error_message;
  char                      *conversation_id;
  GovorunConversationSocket *socket;
  GovorunCallCapture        *capture;
  GovorunCallPlayback       *playback;
  GTask                     *start_task;
  GSource                   *speaking_source;
  gint64                     last_audio_us;
  gboolean                   muted;
  double                     volume;
  gboolean                   ended_reported;
  gboolean                   hung_up;
  GArray                    *send_latencies;
};

G_DEFINE_FINAL_TYPE (GovorunTestCall, govorun_test_call, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  PROP_LEVEL,
  PROP_MUTED,
  PROP_VOLUME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Errors for people */

GError *
_govorun_test_call_error_for (const GError *error)
{
  if (error->domain == GOVORUN_TEST_CALL_ERROR)
    return g_error_copy (error);

  if (error->domain == GOVORUN_MEDIA_ERROR)
    {
      /* The media layer's messages are sentences already. */
      return g_error_new_literal (GOVORUN_TEST_CALL_ERROR,
                                  error->code == GOVORUN_MEDIA_ERROR_NO_MICROPHONE
                                  ? GOVORUN_TEST_CALL_ERROR_NO_MICROPHONE : GOVORUN_TEST_CALL_ERROR_NO_SPEAKERS,
                                  error->message);
    }

  if (error->domain == GOVORUN_ELEVENLABS_ERROR)
    {
      if (error->code == GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS)
        return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_MISSING_SCOPE,
                            _("The ElevenLabs key of this account may not talk to agents. Create a key with access to ElevenLabs Agents at elevenlabs.io → Developers → API Keys and enter it in the account. (%s)"),
                            error->message);
      /* The client's messages are full sentences with the provider's status. */
      return g_error_new_literal (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_REFUSED, error->message);
    }

  if (error->domain == GOVORUN_HTTP_ERROR)
    return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_NETWORK,
                        _("ElevenLabs could not be reached. Check the internet connection and call again. (%s)"),
                        error->message);

  if (error->domain != GOVORUN_CONVERSATION_ERROR)
    return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_PROVIDER,
                        _("The test call failed. Try again. (%s)"), error->message);

  switch ((GovorunConversationError) error->code)
    {
    case GOVORUN_CONVERSATION_ERROR_OVERRIDE_REFUSED:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_OVERRIDE_REFUSED,
                          _("The agent refused a setting this call asked to change. Allow that override in the agent’s security settings on elevenlabs.io, or call without it. (ElevenLabs: %s)"),
                          error->message);
    case GOVORUN_CONVERSATION_ERROR_MISSING_VARIABLE:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_MISSING_VARIABLE,
                          _("The agent needs a value for each of its dynamic variables. Fill in the missing one and call again. (ElevenLabs: %s)"),
                          error->message);
    case GOVORUN_CONVERSATION_ERROR_AUTH:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_REFUSED,
                          _("ElevenLabs did not accept the conversation’s signed link. Check that the account’s key may use this agent, and call again. (%s)"),
                          error->message);
    case GOVORUN_CONVERSATION_ERROR_NOT_FOUND:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_REFUSED,
                          _("ElevenLabs does not know this agent any more. Check the agent on elevenlabs.io and link it again. (%s)"),
                          error->message);
    case GOVORUN_CONVERSATION_ERROR_REFUSED:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_REFUSED,
                          _("ElevenLabs ended the conversation because it did not accept a message from Govorun. (ElevenLabs: %s)"),
                          error->message);
    case GOVORUN_CONVERSATION_ERROR_OPERATIONAL:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_PROVIDER,
                          _("The agent stopped because of a problem at ElevenLabs with speech recognition, the voice or the language model. Try again in a minute. (ElevenLabs: %s)"),
                          error->message);
    case GOVORUN_CONVERSATION_ERROR_INTERNAL:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_PROVIDER,
                          _("ElevenLabs ended the conversation because of an internal error. Try again later. (ElevenLabs: %s)"),
                          error->message);
    case GOVORUN_CONVERSATION_ERROR_CONNECTION:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_NETWORK,
                          _("The connection to ElevenLabs was lost. Check the internet connection and call again. (%s)"),
                          error->message);
    case GOVORUN_CONVERSATION_ERROR_PROTOCOL:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_PROVIDER,
                          _("ElevenLabs sent something Govorun could not read, so the call was ended. (%s)"),
                          error->message);
    case GOVORUN_CONVERSATION_ERROR_CLOSED:
    default:
      return g_error_new (GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_PROVIDER,
                          _("ElevenLabs closed the conversation. (ElevenLabs: %s)"),
                          error->message);
    }

  g_assert_not_reached ();
}

/* State */

static void
set_state (GovorunTestCall      *self,
           GovorunTestCallState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* @flush: drop what the agent said that was not heard yet (the person
 * hung up, or something failed); else it plays to the end (the agent
 * ended the call after its goodbye). */
static void
stop_media (GovorunTestCall *self,
            gboolean         flush)
{
  if (self->speaking_source != NULL)
    {
      g_source_destroy (self->speaking_source);
      g_clear_pointer (&self->speaking_source, g_source_unref);
    }
  if (self->capture != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->capture, self);
      govorun_call_capture_stop (self->capture);
    }
  if (self->playback != NULL)
    {
      if (flush)
        govorun_call_playback_flush (self->playback);
      govorun_call_playback_stop_async (self->playback, NULL, NULL, NULL);
    }
}

static void
finish (GovorunTestCall *self,
        const GError    *error)
{
  if (self->state == GOVORUN_TEST_CALL_ENDED || self->state == GOVORUN_TEST_CALL_FAILED)
    return;

  stop_media (self, error != NULL || self->hung_up);
  if (self->socket != NULL)
    govorun_conversation_socket_close (self->socket);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autoptr(GError) sentence = _govorun_test_call_error_for (error);

      g_free (self->error_message);
      self->error_message = g_strdup (sentence->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
      set_state (self, GOVORUN_TEST_CALL_FAILED);
    }
  else
    set_state (self, GOVORUN_TEST_CALL_ENDED);

  /* The conversation exists at ElevenLabs once it was accepted. */
  if (self->conversation_id != NULL && !self->ended_reported)
    {
      self->ended_reported = TRUE;
      _govorun_test_calls_ended (self->owner);
    }
}

/* Transcript */

static GovorunTranscriptLine *
last_line (GovorunTestCall *self,
           gboolean         agent)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->transcript));
  g_autoptr(GovorunTranscriptLine) line = n > 0 ? g_list_model_get_item (G_LIST_MODEL (self->transcript), n - 1) : NULL;

  if (line != NULL && govorun_transcript_line_get_agent (line) == agent && govorun_transcript_line_get_tentative (line))
    return line;
  return NULL;
}

/* A tentative line is replaced by what follows it from the same side. */
static void
add_line (GovorunTestCall *self,
          gboolean         agent,
          const char      *text,
          gboolean         tentative)
{
  GovorunTranscriptLine *open = last_line (self, agent);

  if (open != NULL)
    {
      govorun_transcript_line_update (open, text, tentative);
      return;
    }

  {
    g_autoptr(GovorunTranscriptLine) line = govorun_transcript_line_new (agent, text, tentative);

    g_list_store_append (self->transcript, line);
  }
}

static void
on_agent_response (GovorunConversationSocket *socket,
                   const char                *text,
                   GovorunTestCall           *self)
{
  add_line (self, TRUE, text, FALSE);
}

static void
on_tentative_agent (GovorunConversationSocket *socket,
                    const char                *text,
                    GovorunTestCall           *self)
{
  add_line (self, TRUE, text, TRUE);
}

static void
on_corrected (GovorunConversationSocket *socket,
              const char                *original,
              const char                *corrected,
              GovorunTestCall           *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->transcript));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GovorunTranscriptLine) line = g_list_model_get_item (G_LIST_MODEL (self->transcript), i - 1);

      if (govorun_transcript_line_get_agent (line) &&
          g_strcmp0 (govorun_transcript_line_get_text (line), original) == 0)
        {
          govorun_transcript_line_update (line, corrected, FALSE);
          return;
        }
    }
}

static void
on_user_transcript (GovorunConversationSocket *socket,
                    const char                *text,
                    gboolean                   tentative,
                    GovorunTestCall           *self)
{
  add_line (self, FALSE, text, tentative);
}

/* Sound */

static gboolean
check_speaking (gpointer user_data)
{
  GovorunTestCall *self = user_data;

  if (self->state == GOVORUN_TEST_CALL_AGENT_SPEAKING && self->playback != NULL &&
      govorun_call_playback_get_queued (self->playback) == 0 &&
      g_get_monotonic_time () - self->last_audio_us > SPEAKING_TAIL_MS * 1000)
    set_state (self, GOVORUN_TEST_CALL_LISTENING);

  return G_SOURCE_CONTINUE;
}

static void
on_audio (GovorunConversationSocket *socket,
          GBytes                    *audio,
          gint64                     event_id,
          gint64                     received_us,
          GovorunTestCall           *self)
{
  if (self->playback == NULL)
    return;
  govorun_call_playback_push (self->playback, audio, received_us);
  self->last_audio_us = g_get_monotonic_time ();
  if (self->state == GOVORUN_TEST_CALL_LISTENING)
    set_state (self, GOVORUN_TEST_CALL_AGENT_SPEAKING);
}

static void
on_interruption (GovorunConversationSocket *socket,
                 gint64                     event_id,
                 GovorunTestCall           *self)
{
  /* What the agent said but was not heard yet goes (§4.3). */
  if (self->playback != NULL)
    govorun_call_playback_flush (self->playback);
  if (self->state == GOVORUN_TEST_CALL_AGENT_SPEAKING)
    set_state (self, GOVORUN_TEST_CALL_LISTENING);
}

static void
on_tool_call (GovorunConversationSocket *socket,
              const char                *name,
              const char                *call_id,
              const char                *parameters,
              GovorunTestCall           *self)
{
  /* Client tools run in the caller's web page; a test call has none, so
   * the agent hears that at once instead of waiting for a result. */
  govorun_conversation_socket_send_tool_result (socket, call_id,
                                                "Client tools are not available in a test call from Govorun.", TRUE);
}

static void
on_closed (GovorunConversationSocket *socket,
           const GError              *error,
           GovorunTestCall           *self)
{
  finish (self, error);
}

static void
on_chunk (GovorunCallCapture *capture,
          GBytes             *audio,
          gint64              captured_us,
          GovorunTestCall    *self)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (audio, &size);

  if (self->socket != NULL && govorun_conversation_socket_send_audio (self->socket, data, size))
    {
      gint64 latency = g_get_monotonic_time () - captured_us;

      g_array_append_val (self->send_latencies, latency);
    }
}

static void
on_capture_failed (GovorunCallCapture *capture,
                   const GError       *error,
                   GovorunTestCall    *self)
{
  finish (self, error);
}

static void
on_playback_failed (GovorunCallPlayback *playback,
                    const GError        *error,
                    GovorunTestCall     *self)
{
  finish (self, error);
}

static void
on_level (GObject         *capture,
          GParamSpec      *pspec,
          GovorunTestCall *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

/* Starting */

static void
start_failed (GovorunTestCall *self,
              GTask           *task,
              const GError    *error)
{
  finish (self, error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_error (task, _govorun_test_call_error_for (error));
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunTestCall *self = g_task_get_source_object (task);
  g_autoptr(GovorunConversationMetadata) metadata = NULL;
  g_autoptr(GError) error = NULL;

  metadata = govorun_conversation_socket_connect_finish (GOVORUN_CONVERSATION_SOCKET (source), result, &error);
  if (metadata == NULL)
    {
      start_failed (self, task, error);
      return;
    }

  self->conversation_id = g_strdup (metadata->conversation_id);
  g_signal_connect (self->socket, "closed", G_CALLBACK (on_closed), self);

  /* §6 pitfall 3: the formats come from the metadata, never assumed. */
  self->playback = govorun_call_playback_new ();
  govorun_call_playback_set_volume (self->playback, self->volume);
  g_signal_connect (self->playback, "failed", G_CALLBACK (on_playback_failed), self);
  if (!govorun_call_playback_start (self->playback, metadata->agent_output_audio_format, &error))
    {
      start_failed (self, task, error);
      return;
    }

  self->capture = govorun_call_capture_new ();
  govorun_call_capture_set_muted (self->capture, self->muted);
  g_signal_connect (self->capture, "chunk", G_CALLBACK (on_chunk), self);
  g_signal_connect (self->capture, "failed", G_CALLBACK (on_capture_failed), self);
  g_signal_connect (self->capture, "notify::level", G_CALLBACK (on_level), self);
  if (!govorun_call_capture_start (self->capture, metadata->user_input_audio_format, CHUNK_MS, &error))
    {
      start_failed (self, task, error);
      return;
    }

  self->speaking_source = g_timeout_source_new (100);
  g_source_set_callback (self->speaking_source, check_speaking, self, NULL);
  g_source_attach (self->speaking_source, g_main_context_get_thread_default ());

  if (self->state == GOVORUN_TEST_CALL_CONNECTING)
    set_state (self, self->last_audio_us > 0 ? GOVORUN_TEST_CALL_AGENT_SPEAKING : GOVORUN_TEST_CALL_LISTENING);
  g_task_return_boolean (task, TRUE);
}

static void
on_signed_url (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GovorunTestCall *self = g_task_get_source_object (task);
  g_autoptr(GHashTable) variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->variables));

  url = govorun_elevenlabs_client_get_signed_url_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (url == NULL)
    {
      start_failed (self, task, error);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunCallVariable) variable = g_list_model_get_item (G_LIST_MODEL (self->variables), i);

      g_hash_table_insert (variables, g_strdup (govorun_call_variable_get_name (variable)),
                           g_strdup (govorun_call_variable_get_value (variable)));
    }

  self->socket = govorun_conversation_socket_new (_govorun_test_calls_get_http (self->owner));
  g_signal_connect (self->socket, "audio", G_CALLBACK (on_audio), self);
  g_signal_connect (self->socket, "agent-response", G_CALLBACK (on_agent_response), self);
  g_signal_connect (self->socket, "tentative-agent-response", G_CALLBACK (on_tentative_agent), self);
  g_signal_connect (self->socket, "agent-response-corrected", G_CALLBACK (on_corrected), self);
  g_signal_connect (self->socket, "user-transcript", G_CALLBACK (on_user_transcript), self);
  g_signal_connect (self->socket, "interruption", G_CALLBACK (on_interruption), self);
  g_signal_connect (self->socket, "client-tool-call", G_CALLBACK (on_tool_call), self);
  govorun_conversation_socket_connect_async (self->socket, url, variables, NULL, cancellable,
                                             on_connected, g_steal_pointer (&task));
}

static GovorunAccount *
elevenlabs_account (GovorunTestCall  *self,
                    GError          **error)
{
  const char *uuid = govorun_agent_get_el_account_uuid (self->agent);
  GovorunAccount *account = NULL;

  if (uuid != NULL && govorun_agent_get_el_agent_id (self->agent) != NULL)
    account = govorun_account_store_find_by_uuid (_govorun_test_calls_get_accounts (self->owner), uuid);
  if (account == NULL)
    g_set_error_literal (error, GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_NO_AGENT,
                         _("This agent has no ElevenLabs agent to talk to. Edit the agent and choose its ElevenLabs account and agent."));
  return account;
}

static void
on_client_for_call (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GovorunTestCall *self = g_task_get_source_object (task);
  g_autoptr(GovorunElevenlabsClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = govorun_client_factory_elevenlabs_finish (GOVORUN_CLIENT_FACTORY (source), result, &error);
  if (client == NULL)
    {
      start_failed (self, task, error);
      return;
    }

  govorun_elevenlabs_client_get_signed_url_async (client, govorun_agent_get_el_agent_id (self->agent),
                                                  cancellable, on_signed_url,
                                                  g_steal_pointer (&task));
}

void
govorun_test_call_start_async (GovorunTestCall     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GovorunAccount *account;

  g_return_if_fail (GOVORUN_IS_TEST_CALL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_test_call_start_async);

  if (self->state != GOVORUN_TEST_CALL_IDLE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "A test call runs once");
      return;
    }

  if ((account = elevenlabs_account (self, &error)) == NULL)
    {
      start_failed (self, task, error);
      return;
    }

  set_state (self, GOVORUN_TEST_CALL_CONNECTING);
  govorun_client_factory_elevenlabs_async (_govorun_test_calls_get_factory (self->owner), account, NULL,
                                           cancellable, on_client_for_call, g_steal_pointer (&task));
}

gboolean
govorun_test_call_start_finish (GovorunTestCall  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_test_call_start_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
govorun_test_call_hang_up (GovorunTestCall *self)
{
  g_return_if_fail (GOVORUN_IS_TEST_CALL (self));

  self->hung_up = TRUE;
  if (self->socket != NULL && govorun_conversation_socket_is_open (self->socket))
    govorun_conversation_socket_close (self->socket);   /* ::closed finishes */
  else
    finish (self, NULL);
}

/* Variables */

static void
on_agent (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunTestCall *self = g_task_get_source_object (task);
  g_autoptr(GovorunElevenlabsAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  agent = govorun_elevenlabs_client_get_agent_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (agent == NULL)
    {
      g_autoptr(GError) sentence = _govorun_test_call_error_for (error);

      g_task_return_error (task, g_steal_pointer (&sentence));
      return;
    }

  g_list_store_remove_all (self->variables);
  for (guint i = 0; agent->dynamic_variable_names != NULL && agent->dynamic_variable_names[i] != NULL; i++)
    {
      g_autoptr(GovorunCallVariable) variable = NULL;

      /* system__ variables are ElevenLabs' own (§2.2). */
      if (g_str_has_prefix (agent->dynamic_variable_names[i], "system__"))
        continue;
      variable = govorun_call_variable_new (agent->dynamic_variable_names[i], "");
      g_list_store_append (self->variables, variable);
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_client_for_agent (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GovorunTestCall *self = g_task_get_source_object (task);
  g_autoptr(GovorunElevenlabsClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = govorun_client_factory_elevenlabs_finish (GOVORUN_CLIENT_FACTORY (source), result, &error);
  if (client == NULL)
    {
      g_task_return_error (task, _govorun_test_call_error_for (error));
      return;
    }
  govorun_elevenlabs_client_get_agent_async (client, govorun_agent_get_el_agent_id (self->agent),
                                             cancellable, on_agent, g_steal_pointer (&task));
}

void
govorun_test_call_load_variables_async (GovorunTestCall     *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  GovorunAccount *account;

  g_return_if_fail (GOVORUN_IS_TEST_CALL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_test_call_load_variables_async);

  if ((account = elevenlabs_account (self, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_client_factory_elevenlabs_async (_govorun_test_calls_get_factory (self->owner), account, NULL,
                                           cancellable, on_client_for_agent, g_steal_pointer (&task));
}

gboolean
govorun_test_call_load_variables_finish (GovorunTestCall  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_test_call_load_variables_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Accessors */

GovorunAgent *
govorun_test_call_get_agent (GovorunTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), NULL);
  return self->agent;
}

GovorunTestCallState
govorun_test_call_get_state (GovorunTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), GOVORUN_TEST_CALL_IDLE);
  return self->state;
}

const char *
govorun_test_call_get_error_message (GovorunTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), NULL);
  return self->error_message;
}

GListModel *
govorun_test_call_get_transcript (GovorunTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), NULL);
  return G_LIST_MODEL (self->transcript);
}

GListModel *
govorun_test_call_get_variables (GovorunTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), NULL);
  return G_LIST_MODEL (self->variables);
}

const char *
govorun_test_call_get_conversation_id (GovorunTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), NULL);
  return self->conversation_id;
}

double
govorun_test_call_get_level (GovorunTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), 0.0);
  return self->capture != NULL ? govorun_call_capture_get_level (self->capture) : 0.0;
}

gboolean
govorun_test_call_get_muted (GovorunTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), FALSE);
  return self->muted;
}

void
govorun_test_call_set_muted (GovorunTestCall *self,
                             gboolean         muted)
{
  g_return_if_fail (GOVORUN_IS_TEST_CALL (self));

  muted = !!muted;
  if (self->muted == muted)
    return;
  self->muted = muted;
  if (self->capture != NULL)
    govorun_call_capture_set_muted (self->capture, muted);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
}

double
govorun_test_call_get_volume (GovorunTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALL (self), 0.0);
  return self->volume;
}

void
govorun_test_call_set_volume (GovorunTestCall *self,
                              double           volume)
{
  g_return_if_fail (GOVORUN_IS_TEST_CALL (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (self->volume == volume)
    return;
  self->volume = volume;
  if (self->playback != NULL)
    govorun_call_playback_set_volume (self->playback, volume);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

GArray *
_govorun_test_call_take_send_latencies (GovorunTestCall *self)
{
  GArray *out = self->send_latencies;

  self->send_latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  return out;
}

GArray *
_govorun_test_call_take_receive_latencies (GovorunTestCall *self)
{
  return self->playback != NULL ? govorun_call_playback_take_latencies (self->playback)
                                : g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* GObject */

static void
govorun_test_call_dispose (GObject *object)
{
  GovorunTestCall *self = GOVORUN_TEST_CALL (object);

  stop_media (self, TRUE);
  if (self->socket != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->socket, self);
      govorun_conversation_socket_close (self->socket);
    }
  g_clear_object (&self->socket);
  g_clear_object (&self->capture);
  g_clear_object (&self->playback);
  g_clear_object (&self->transcript);
  g_clear_object (&self->variables);
  g_clear_object (&self->agent);
  g_clear_object (&self->owner);
  G_OBJECT_CLASS (govorun_test_call_parent_class)->dispose (object);
}

static void
govorun_test_call_finalize (GObject *object)
{
  GovorunTestCall *self = GOVORUN_TEST_CALL (object);

  g_free (self->error_message);
  g_free (self->conversation_id);
  g_array_unref (self->send_latencies);
  G_OBJECT_CLASS (govorun_test_call_parent_class)->finalize (object);
}

static void
govorun_test_call_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GovorunTestCall *self = GOVORUN_TEST_CALL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_LEVEL:
      g_value_set_double (value, govorun_test_call_get_level (self));
      break;
    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_test_call_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GovorunTestCall *self = GOVORUN_TEST_CALL (object);

  switch (prop_id)
    {
    case PROP_MUTED:
      govorun_test_call_set_muted (self, g_value_get_boolean (value));
      break;
    case PROP_VOLUME:
      govorun_test_call_set_volume (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_test_call_class_init (GovorunTestCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_test_call_dispose;
  object_class->finalize = govorun_test_call_finalize;
  object_class->get_property = govorun_test_call_get_property;
  object_class->set_property = govorun_test_call_set_property;

  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, GOVORUN_TEST_CALL_IDLE, GOVORUN_TEST_CALL_FAILED,
                                             GOVORUN_TEST_CALL_IDLE,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL,
                                                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] = g_param_spec_double ("level", NULL, NULL, 0.0, 1.0, 0.0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MUTED] = g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOLUME] = g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_test_call_init (GovorunTestCall *self)
{
  self->transcript = g_list_store_new (GOVORUN_TYPE_TRANSCRIPT_LINE);
  self->variables = g_list_store_new (GOVORUN_TYPE_CALL_VARIABLE);
  self->volume = 1.0;
  self->send_latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GovorunTestCall *
_govorun_test_call_new (GovorunTestCalls *owner,
                        GovorunAgent     *agent)
{
  GovorunTestCall *self = g_object_new (GOVORUN_TYPE_TEST_CALL, NULL);

  self->owner = g_object_ref (owner);
  self->agent = g_object_ref (agent);
  return self;
}
