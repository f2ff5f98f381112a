/* govorun-conversation-socket.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-http.h"

G_BEGIN_DECLS

/*
 * GovorunConversationSocket is one conversation with an ElevenLabs agent
 * over its WebSocket (reference/elevenlabs.md §4): it sends the initiation
 * data, the user's audio and pongs, and turns every server message into a
 * typed signal. How the socket ended is a GOVORUN_CONVERSATION_ERROR whose
 * message is the provider's own reason; the service words it for people.
 */

#define GOVORUN_CONVERSATION_ERROR (govorun_conversation_error_quark ())

typedef enum
{
  GOVORUN_CONVERSATION_ERROR_OVERRIDE_REFUSED = 1, /* 1008, error_type override_error */
  GOVORUN_CONVERSATION_ERROR_MISSING_VARIABLE,     /* 1008, missing_dynamic_variable */
  GOVORUN_CONVERSATION_ERROR_REFUSED,              /* another 1008 (a message it did not accept) */
  GOVORUN_CONVERSATION_ERROR_AUTH,                 /* the handshake answered 401 or 403 */
  GOVORUN_CONVERSATION_ERROR_NOT_FOUND,            /* the handshake answered 404 */
  GOVORUN_CONVERSATION_ERROR_OPERATIONAL,          /* 1002: LLM, TTS or ASR failure, timeouts */
  GOVORUN_CONVERSATION_ERROR_INTERNAL,             /* 1011 */
  GOVORUN_CONVERSATION_ERROR_CONNECTION,           /* no connection, or it broke (1006) */
  GOVORUN_CONVERSATION_ERROR_PROTOCOL,             /* a message we cannot read, or too big */
  GOVORUN_CONVERSATION_ERROR_CLOSED,               /* any other close code */
} GovorunConversationError;

GQuark govorun_conversation_error_quark (void);

/* conversation_initiation_metadata (§4.3) */
typedef struct
{
  char *conversation_id;
  char *agent_output_audio_format;  /* "pcm_16000" when absent */
  char *user_input_audio_format;    /* "pcm_16000" when absent (§4.1) */
} GovorunConversationMetadata;

#define GOVORUN_TYPE_CONVERSATION_METADATA (govorun_conversation_metadata_get_type ())

GType                        govorun_conversation_metadata_get_type (void) G_GNUC_CONST;
GovorunConversationMetadata *govorun_conversation_metadata_copy     (const GovorunConversationMetadata *metadata);
void                         govorun_conversation_metadata_free     (GovorunConversationMetadata       *metadata);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunConversationMetadata, govorun_conversation_metadata_free)

/* Splits "pcm_16000" / "ulaw_8000" (§4.4); FALSE for anything else. */
gboolean                     govorun_conversation_parse_audio_format (const char *format,
                                                                      gboolean   *ulaw,
                                                                      guint      *rate);

#define GOVORUN_TYPE_CONVERSATION_SOCKET (govorun_conversation_socket_get_type ())

G_DECLARE_FINAL_TYPE (GovorunConversationSocket, govorun_conversation_socket, GOVORUN, CONVERSATION_SOCKET, GObject)

/*
 * Signals, after connect finished (strings are valid during emission):
 *  ::audio (GBytes *audio, gint64 event_id, gint64 received_us): decoded
 *    agent audio in the output format; received_us is g_get_monotonic_time()
 *    when its frame arrived. Audio older than the last interruption is
 *    dropped (§4.3).
 *  ::agent-response (const char *text)
 *  ::agent-response-corrected (const char *original, const char *corrected)
 *  ::tentative-agent-response (const char *text)
 *  ::user-transcript (const char *text, gboolean tentative)
 *  ::interruption (gint64 event_id)
 *  ::ping (gint64 event_id, int ping_ms): answered already; ping_ms -1 when null
 *  ::vad-score (double score)
 *  ::client-tool-call (const char *tool_name, const char *tool_call_id, const char *parameters_json)
 *  ::closed (GError *error): NULL when the agent ended the call (1000)
 */

GovorunConversationSocket *govorun_conversation_socket_new            (GovorunHttp                *http);
/* Largest frame accepted from the server; default 4 MiB. */
void                       govorun_conversation_socket_set_max_frame  (GovorunConversationSocket  *self,
                                                                       gsize                       max_bytes);
/* Opens @url (a signed URL, or the public form), sends
 * conversation_initiation_client_data with @dynamic_variables (nullable,
 * name → text) and @overrides (nullable, "agent.language" → value: the
 * conversation_config_override leaves), and finishes with the metadata. */
void                       govorun_conversation_socket_connect_async  (GovorunConversationSocket  *self,
                                                                       const char                 *url,
                                                                       GHashTable                 *dynamic_variables,
                                                                       GHashTable                 *overrides,
                                                                       GCancellable               *cancellable,
                                                                       GAsyncReadyCallback         callback,
                                                                       gpointer                    user_data);
GovorunConversationMetadata *govorun_conversation_socket_connect_finish (GovorunConversationSocket *self,
                                                                       GAsyncResult               *result,
                                                                       GError                    **error);
/* {"user_audio_chunk": base64} in the input format; FALSE when not open. */
gboolean                   govorun_conversation_socket_send_audio     (GovorunConversationSocket  *self,
                                                                       const guint8               *data,
                                                                       gsize                       length);
void                       govorun_conversation_socket_send_user_activity (GovorunConversationSocket *self);
void                       govorun_conversation_socket_send_contextual_update (GovorunConversationSocket *self,
                                                                       const char                 *text);
void                       govorun_conversation_socket_send_tool_result (GovorunConversationSocket *self,
                                                                       const char                 *tool_call_id,
                                                                       const char                 *result,
                                                                       gboolean                    is_error);
/* Closes with 1000; ::closed follows with no error. */
void                       govorun_conversation_socket_close          (GovorunConversationSocket  *self);
gboolean                   govorun_conversation_socket_is_open        (GovorunConversationSocket  *self);
/* The last ping_ms the server reported, -1 before one. */
int                        govorun_conversation_socket_get_ping_ms    (GovorunConversationSocket  *self);

/* For tests/fuzz: one server message, as if received. */
void                       _govorun_conversation_socket_feed          (GovorunConversationSocket  *self,
                                                                       const char                 *data,
                                                                       gsize                       length);

G_END_DECLS
