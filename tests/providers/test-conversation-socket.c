/* test-conversation-socket.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestConversationSocket"

#include "config.h"

#include <math.h>
#include <string.h>

#include "govorun-conversation-socket.h"
#include "govorun-elevenlabs-agents.h"
#include "govorun-elevenlabs-client.h"
#include "govorun-elevenlabs-conversations.h"
#include "govorun-elevenlabs-emulator.h"
#include "govorun-elevenlabs-signed-url.h"
#include "govorun-http-private.h"
#include "test-util.h"

/* Protocol conformance of GovorunConversationSocket against the emulator's
 * conversation WebSocket (reference/elevenlabs.md §4), over loopback. */

#define KEY        "sk_test_conversation_1f2e3d4c5b6a79880"
#define SCOPED_KEY "sk_test_conversation_scoped_0a1b2c3d4e"

typedef struct
{
  GovorunElevenlabsEmulator *emulator;
  GovorunHttp               *http;
  GovorunElevenlabsClient   *client;
  GovorunConversationSocket *socket;
  char                      *agent_id;
  /* What the signals said */
  GPtrArray                 *events;      /* char*: "agent:…", "user:…", "tentative-user:…" … */
  GArray                    *audio_ids;   /* gint64 event_id of every audio signal */
  gsize                      audio_bytes;
  gint64                     interruption;
  guint                      pings;
  int                        last_ping_ms;
  gboolean                   closed;
  GError                    *close_error;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->emulator = govorun_elevenlabs_emulator_new ();
  govorun_elevenlabs_emulator_add_key (f->emulator, KEY, TRUE);
  govorun_elevenlabs_emulator_add_key (f->emulator, SCOPED_KEY, FALSE);
  f->agent_id = govorun_elevenlabs_emulator_add_agent (f->emulator, "Reception",
                                                       "Hello {{customer_name}}, how can I help?", "en");
  /* Fast: pings every 100 ms, 150 ms of quiet ends a turn, 5 ms a character. */
  govorun_elevenlabs_emulator_set_conversation_timing (f->emulator, 100, 150, 5);
  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (f->emulator), &error));
  g_assert_no_error (error);

  f->http = govorun_http_new ();
  govorun_http_set_retry (f->http, 1, 5);
  f->client = govorun_elevenlabs_client_new (f->http, govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emulator)), KEY);
  f->socket = govorun_conversation_socket_new (f->http);
  f->events = g_ptr_array_new_with_free_func (g_free);
  f->audio_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->last_ping_ms = -2;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->socket);
  g_clear_object (&f->client);
  g_clear_object (&f->http);
  govorun_emulator_stop (GOVORUN_EMULATOR (f->emulator));
  g_clear_object (&f->emulator);
  g_ptr_array_unref (f->events);
  g_array_unref (f->audio_ids);
  g_clear_error (&f->close_error);
  g_free (f->agent_id);
}

/* Signals */

static void
on_audio (GovorunConversationSocket *socket,
          GBytes                    *audio,
          gint64                     event_id,
          gint64                     received_us,
          Fixture                   *f)
{
  g_assert_cmpint (received_us, <=, g_get_monotonic_time ());
  g_assert_cmpint (received_us, >, 0);
  g_array_append_val (f->audio_ids, event_id);
  f->audio_bytes += g_bytes_get_size (audio);
}

static void
on_agent_response (GovorunConversationSocket *socket,
                   const char                *text,
                   Fixture                   *f)
{
  g_ptr_array_add (f->events, g_strconcat ("agent:", text, NULL));
}

static void
on_corrected (GovorunConversationSocket *socket,
              const char                *original,
              const char                *corrected,
              Fixture                   *f)
{
  g_ptr_array_add (f->events, g_strconcat ("corrected:", corrected, NULL));
}

static void
on_tentative_agent (GovorunConversationSocket *socket,
                    const char                *text,
                    Fixture                   *f)
{
  g_ptr_array_add (f->events, g_strconcat ("tentative-agent:", text, NULL));
}

static void
on_user (GovorunConversationSocket *socket,
         const char                *text,
         gboolean                   tentative,
         Fixture                   *f)
{
  g_ptr_array_add (f->events, g_strconcat (tentative ? "tentative-user:" : "user:", text, NULL));
}

static void
on_interruption (GovorunConversationSocket *socket,
                 gint64                     event_id,
                 Fixture                   *f)
{
  f->interruption = event_id;
  g_ptr_array_add (f->events, g_strdup ("interruption"));
}

static void
on_ping (GovorunConversationSocket *socket,
         gint64                     event_id,
         int                        ping_ms,
         Fixture                   *f)
{
  f->pings++;
  f->last_ping_ms = ping_ms;
}

static void
on_vad (GovorunConversationSocket *socket,
        double                     score,
        Fixture                   *f)
{
  g_assert_cmpfloat (score, >=, 0.0);
  g_assert_cmpfloat (score, <=, 1.0);
  if (f->events->len == 0 || !g_str_equal (g_ptr_array_index (f->events, f->events->len - 1), "vad"))
    g_ptr_array_add (f->events, g_strdup ("vad"));
}

static void
on_tool (GovorunConversationSocket *socket,
         const char                *name,
         const char                *id,
         const char                *parameters,
         Fixture                   *f)
{
  g_ptr_array_add (f->events, g_strconcat ("tool:", name, ":", parameters, NULL));
  govorun_conversation_socket_send_tool_result (socket, id, "not available", TRUE);
}

static void
on_closed (GovorunConversationSocket *socket,
           const GError              *error,
           Fixture                   *f)
{
  f->closed = TRUE;
  f->close_error = error != NULL ? g_error_copy (error) : NULL;
}

static void
connect_signals (Fixture *f)
{
  g_signal_connect (f->socket, "audio", G_CALLBACK (on_audio), f);
  g_signal_connect (f->socket, "agent-response", G_CALLBACK (on_agent_response), f);
  g_signal_connect (f->socket, "agent-response-corrected", G_CALLBACK (on_corrected), f);
  g_signal_connect (f->socket, "tentative-agent-response", G_CALLBACK (on_tentative_agent), f);
  g_signal_connect (f->socket, "user-transcript", G_CALLBACK (on_user), f);
  g_signal_connect (f->socket, "interruption", G_CALLBACK (on_interruption), f);
  g_signal_connect (f->socket, "ping", G_CALLBACK (on_ping), f);
  g_signal_connect (f->socket, "vad-score", G_CALLBACK (on_vad), f);
  g_signal_connect (f->socket, "client-tool-call", G_CALLBACK (on_tool), f);
  g_signal_connect (f->socket, "closed", G_CALLBACK (on_closed), f);
}

/* Helpers */

static char *
signed_url (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *url;

  govorun_elevenlabs_client_get_signed_url_async (f->client, f->agent_id, NULL, test_util_on_result, &result);
  url = govorun_elevenlabs_client_get_signed_url_finish (f->client, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "ws://127.0.0.1:"));
  g_assert_nonnull (strstr (url, "conversation_signature="));
  return url;
}

static GovorunConversationMetadata *
connect_with (Fixture     *f,
              const char  *url,
              GHashTable  *overrides,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) variables = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (variables, "customer_name", "Anna");
  govorun_conversation_socket_connect_async (f->socket, url, variables, overrides, NULL,
                                             test_util_on_result, &result);
  return govorun_conversation_socket_connect_finish (f->socket, test_util_wait (&result), error);
}

static GovorunConversationMetadata *
connect_ok (Fixture *f)
{
  g_autofree char *url = signed_url (f);
  g_autoptr(GError) error = NULL;
  GovorunConversationMetadata *metadata;

  connect_signals (f);
  metadata = connect_with (f, url, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (metadata);
  return metadata;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the loop until @check holds (at most 20 s: a loaded machine). */
static void
wait_for (gboolean (*check) (Fixture *f),
          Fixture  *f)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!check (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate_ms (10);
    }
}

static gboolean
has_event (Fixture    *f,
           const char *prefix)
{
  for (guint i = 0; i < f->events->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (f->events, i), prefix))
      return TRUE;
  return FALSE;
}

static gboolean
greeted (Fixture *f)
{
  return has_event (f, "agent:Hello Anna") && f->audio_bytes > 0;
}

static gboolean
answered (Fixture *f)
{
  return has_event (f, "agent:Of course");
}

static gboolean
is_closed (Fixture *f)
{
  return f->closed;
}

/* 100 ms of 16 kHz mono 16-bit: a loud tone or silence. */
static void
send_chunk (Fixture  *f,
            gboolean  loud)
{
  gint16 samples[1600];

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    samples[i] = loud ? (gint16) (9000 * sin (2 * G_PI * 220.0 * i / 16000.0)) : 0;
  g_assert_true (govorun_conversation_socket_send_audio (f->socket, (const guint8 *) samples, sizeof samples));
}

static void
speak (Fixture *f,
       guint    loud_chunks)
{
  for (guint i = 0; i < loud_chunks; i++)
    {
      send_chunk (f, TRUE);
      iterate_ms (20);
    }
  for (guint i = 0; i < 3; i++)
    send_chunk (f, FALSE);
}

static guint
log_index (GStrv       log,
           const char *entry,
           guint       from)
{
  for (guint i = from; log[i] != NULL; i++)
    if (g_str_equal (log[i], entry))
      return i;
  return G_MAXUINT;
}

/* Tests */

static void
test_handshake_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunConversationMetadata) metadata = connect_ok (f);
  g_auto(GStrv) log = NULL;
  guint init, meta, response, audio;

  g_assert_true (g_str_has_prefix (metadata->conversation_id, "conv_"));
  g_assert_cmpstr (metadata->agent_output_audio_format, ==, "pcm_16000");
  g_assert_cmpstr (metadata->user_input_audio_format, ==, "pcm_16000");

  wait_for (greeted, f);
  log = govorun_elevenlabs_emulator_dup_conversation_log (f->emulator);
  /* §4.1: the client's initiation first, then the metadata, then the agent. */
  init = log_index (log, "recv:conversation_initiation_client_data", 0);
  meta = log_index (log, "send:conversation_initiation_metadata", 0);
  response = log_index (log, "send:agent_response", 0);
  audio = log_index (log, "send:audio", 0);
  g_assert_cmpuint (log_index (log, "recv:open", 0), <, init);
  g_assert_cmpuint (init, <, meta);
  g_assert_cmpuint (meta, <, response);
  g_assert_cmpuint (response, <, audio);
  g_assert_cmpuint (audio, !=, G_MAXUINT);
  /* The dynamic variable reached the first message. */
  g_assert_true (has_event (f, "agent:Hello Anna, how can I help?"));
}

static void
test_audio_both_ways (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunConversationMetadata) metadata = connect_ok (f);
  g_auto(GStrv) log = NULL;
  guint chunks = 0;

  wait_for (greeted, f);
  /* 5 ms a character → the greeting's audio at 16 kHz, 2 bytes a sample. */
  while (f->audio_bytes < 32 * 5 * strlen ("Hello Anna, how can I help?"))
    iterate_ms (10);
  g_assert_cmpuint (f->audio_bytes % 2, ==, 0);

  speak (f, 4);
  wait_for (answered, f);
  g_assert_true (has_event (f, "tentative-user:Hello, I would like"));
  g_assert_true (has_event (f, "user:Hello, I would like to book an appointment."));

  log = govorun_elevenlabs_emulator_dup_conversation_log (f->emulator);
  for (guint i = 0; log[i] != NULL; i++)
    chunks += g_str_equal (log[i], "recv:user_audio_chunk");
  g_assert_cmpuint (chunks, ==, 7);
}

static gboolean
pinged_thrice (Fixture *f)
{
  return f->pings >= 3;
}

static void
test_ping_pong (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GovorunConversationMetadata) metadata = connect_ok (f);
  g_auto(GStrv) log = NULL;
  guint pongs = 0;

  wait_for (pinged_thrice, f);
  iterate_ms (50);
  /* Every ping is answered with a pong of its event_id, right after it. */
  log = govorun_elevenlabs_emulator_dup_conversation_log (f->emulator);
  for (guint i = 0; log[i] != NULL; i++)
    if (g_str_has_prefix (log[i], "recv:pong:"))
      {
        g_assert_cmpstr (log[i], !=, "recv:pong:-1");
        pongs++;
      }
  g_assert_cmpuint (pongs, >=, 3);
  /* From the second ping on, ping_ms is the round trip the server measured. */
  g_assert_cmpint (f->last_ping_ms, >=, 0);
  g_assert_cmpint (govorun_conversation_socket_get_ping_ms (f->socket), ==, f->last_ping_ms);
}

static gboolean
interrupted (Fixture *f)
{
  return f->interruption > 0;
}

static void
test_interruption (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunConversationMetadata) metadata = NULL;
  guint before;

  /* A slow talker: 200 ms a character, capped at 4 s. */
  govorun_elevenlabs_emulator_set_conversation_timing (f->emulator, 1000, 150, 200);
  metadata = connect_ok (f);
  wait_for (greeted, f);

  send_chunk (f, TRUE);
  wait_for (interrupted, f);
  before = f->audio_ids->len;
  speak (f, 2);
  wait_for (answered, f);

  /* Audio older than the interruption never reaches the caller. */
  for (guint i = before; i < f->audio_ids->len; i++)
    g_assert_cmpint (g_array_index (f->audio_ids, gint64, i), >=, f->interruption);
  g_assert_cmpuint (f->audio_ids->len, >, before);
  for (guint i = 0; i < f->events->len; i++)
    if (g_str_equal (g_ptr_array_index (f->events, i), "interruption"))
      {
        g_assert_true (g_str_has_prefix (g_ptr_array_index (f->events, i - 1), "tentative-user:") ||
                       g_str_has_prefix (g_ptr_array_index (f->events, i + 1), "tentative-user:"));
        break;
      }
}

static void
test_every_message_type (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GovorunConversationMetadata) metadata = NULL;
  const char * const hostile[] = {
    "", "[]", "null", "{\"type\":3}", "{\"type\":\"audio\"}",
    "{\"type\":\"audio\",\"audio_event\":{\"audio_base_64\":\"!!!\",\"event_id\":1}}",
    "{\"type\":\"audio\",\"audio_event\":{\"audio_base_64\":\"AAAA\",\"event_id\":\"1\"}}",
    "{\"type\":\"ping\",\"ping_event\":{}}", "{\"type\":\"interruption\",\"interruption_event\":[]}",
    "{\"type\":\"vad_score\",\"vad_score_event\":{\"vad_score\":\"x\"}}",
    "{\"type\":\"client_tool_call\",\"client_tool_call\":{\"tool_name\":1}}",
    "{\"type\":\"internal_turn_probability\",\"turn_probability_internal_event\":{\"turn_probability\":0.5}}",
    "{\"type\":\"mcp_connection_status\"}", "{\"type\":\"agent_tool_response\",\"agent_tool_response\":{}}",
  };

  govorun_elevenlabs_emulator_set_extra_events (f->emulator, TRUE);
  metadata = connect_ok (f);
  wait_for (greeted, f);
  speak (f, 3);
  wait_for (answered, f);
  iterate_ms (50);

  g_assert_true (has_event (f, "tentative-agent:Hello Anna"));
  g_assert_true (has_event (f, "vad"));
  g_assert_true (has_event (f, "tool:check_calendar:{}"));
  g_assert_true (has_event (f, "corrected:Of course"));

  /* Malformed and unknown messages are skipped, never a crash. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    _govorun_conversation_socket_feed (f->socket, hostile[i], strlen (hostile[i]));
  g_assert_true (govorun_conversation_socket_is_open (f->socket));
}

static void
test_agent_ends_call (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunConversationMetadata) metadata = connect_ok (f);
  g_auto(GStrv) log = NULL;

  wait_for (greeted, f);
  for (guint turn = 0; turn < 3 && !f->closed; turn++)
    {
      speak (f, 3);
      while (!f->closed && f->events->len < 3 + turn * 3)
        iterate_ms (10);
      iterate_ms (200);
    }
  wait_for (is_closed, f);
  /* 1000: the agent ended the call; no error. */
  g_assert_no_error (f->close_error);
  log = govorun_elevenlabs_emulator_dup_conversation_log (f->emulator);
  g_assert_cmpuint (log_index (log, "send:close:1000", 0), !=, G_MAXUINT);

  /* The conversation is listed, and its details read as a sync reads them. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GovorunElevenlabsConversationPage) page = NULL;
    g_autoptr(GovorunElevenlabsConversation) details = NULL;
    g_autoptr(GError) error = NULL;
    GovorunElevenlabsConversationSummary *summary;

    govorun_elevenlabs_client_list_conversations_async (f->client, f->agent_id, NULL, 10, 0, 0, TRUE, NULL,
                                                        test_util_on_result, &result);
    page = govorun_elevenlabs_client_list_conversations_finish (f->client, test_util_wait (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->conversations->len, ==, 1);
    summary = g_ptr_array_index (page->conversations, 0);
    g_assert_cmpstr (summary->conversation_id, ==, metadata->conversation_id);
    g_assert_cmpstr (summary->status, ==, "done");
    g_clear_object (&result);

    govorun_elevenlabs_client_get_conversation_async (f->client, metadata->conversation_id, NULL,
                                                      test_util_on_result, &result);
    details = govorun_elevenlabs_client_get_conversation_finish (f->client, test_util_wait (&result), &error);
    g_assert_no_error (error);
    /* The greeting and three exchanges. */
    g_assert_cmpuint (details->transcript->len, ==, 7);
    g_assert_true (((GovorunElevenlabsTurn *) g_ptr_array_index (details->transcript, 0))->agent);
  }
}

static void
test_we_hang_up (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunConversationMetadata) metadata = connect_ok (f);

  wait_for (greeted, f);
  /* The keep-alive and a contextual update (§4.2) are accepted. */
  govorun_conversation_socket_send_user_activity (f->socket);
  govorun_conversation_socket_send_contextual_update (f->socket, "The caller is on the test bench.");
  iterate_ms (100);
  {
    g_auto(GStrv) log = govorun_elevenlabs_emulator_dup_conversation_log (f->emulator);

    g_assert_cmpuint (log_index (log, "recv:user_activity", 0), <, log_index (log, "recv:contextual_update", 0));
    g_assert_cmpuint (log_index (log, "recv:contextual_update", 0), !=, G_MAXUINT);
  }
  govorun_conversation_socket_close (f->socket);
  g_assert_false (govorun_conversation_socket_is_open (f->socket));
  g_assert_false (govorun_conversation_socket_send_audio (f->socket, (const guint8 *) "\0\0", 2));
  wait_for (is_closed, f);
  g_assert_no_error (f->close_error);
}

static void
test_override_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *url = signed_url (f);
  g_autoptr(GHashTable) overrides = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GovorunConversationMetadata) metadata = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) log = NULL;

  g_hash_table_insert (overrides, "agent.language", "ru");
  metadata = connect_with (f, url, overrides, &error);
  g_assert_null (metadata);
  g_assert_error (error, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_OVERRIDE_REFUSED);
  g_assert_nonnull (strstr (error->message, "agent.language"));
  g_assert_nonnull (strstr (error->message, "1008"));
  log = govorun_elevenlabs_emulator_dup_conversation_log (f->emulator);
  g_assert_cmpuint (log_index (log, "send:error", 0), <, log_index (log, "send:close:1008", 0));
}

static gboolean
answered_ru (Fixture *f)
{
  return has_event (f, "agent:Конечно");
}

static void
test_override_allowed (Fixture       *f,
                       gconstpointer  data)
{
  const char * const allowed[] = { "agent.language", NULL };
  g_autofree char *url = NULL;
  g_autoptr(GHashTable) overrides = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GovorunConversationMetadata) metadata = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (govorun_elevenlabs_emulator_set_agent_auth (f->emulator, f->agent_id, TRUE, allowed));
  url = signed_url (f);
  g_hash_table_insert (overrides, "agent.language", "ru");
  connect_signals (f);
  metadata = connect_with (f, url, overrides, &error);
  g_assert_no_error (error);
  speak (f, 3);
  wait_for (answered_ru, f);
}

static void
test_missing_variable (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *url = signed_url (f);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunConversationMetadata) metadata = NULL;

  govorun_conversation_socket_connect_async (f->socket, url, NULL, NULL, NULL, test_util_on_result, &result);
  metadata = govorun_conversation_socket_connect_finish (f->socket, test_util_wait (&result), &error);
  g_assert_error (error, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_MISSING_VARIABLE);
  g_assert_nonnull (strstr (error->message, "customer_name"));
}

static void
test_bad_signature (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *url = signed_url (f);
  g_autofree char *tampered = NULL;
  g_autoptr(GovorunConversationMetadata) metadata = NULL;
  g_autoptr(GError) error = NULL;
  char *sig = strstr (url, "conversation_signature=") + strlen ("conversation_signature=");

  sig[0] = sig[0] == 'a' ? 'b' : 'a';
  metadata = connect_with (f, url, NULL, &error);
  g_assert_error (error, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_AUTH);
  g_clear_error (&error);

  /* An agent with authentication refuses the unsigned form. */
  g_assert_true (govorun_elevenlabs_emulator_set_agent_auth (f->emulator, f->agent_id, TRUE, NULL));
  tampered = g_strdup_printf ("ws%s/v1/convai/conversation?agent_id=%s",
                              govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emulator)) + strlen ("http"),
                              f->agent_id);
  g_clear_object (&f->socket);
  f->socket = govorun_conversation_socket_new (f->http);
  metadata = connect_with (f, tampered, NULL, &error);
  g_assert_error (error, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_AUTH);
}

static void
test_connection_fault (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *url = signed_url (f);
  GovorunFault fault = { .http_status = 500, .times = 1 };
  g_autoptr(GovorunConversationMetadata) metadata = NULL;
  g_autoptr(GError) error = NULL;

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), "WS /v1/convai/conversation", &fault);
  metadata = connect_with (f, url, NULL, &error);
  g_assert_error (error, GOVORUN_CONVERSATION_ERROR, GOVORUN_CONVERSATION_ERROR_CONNECTION);
}

static void
test_signed_url_scope (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsClient) scoped = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *bad[] = {
    "{\"signed_url\":\"http://example.com/v1/convai/conversation?agent_id=a\"}",
    "{\"signed_url\":\"ws://example.com/v1/convai/conversation?agent_id=a\"}",
    "{\"signed_url\":\"wss://api.elevenlabs.io/elsewhere\"}",
    "{\"signed_url\":5}", "{}", "[]", "not json",
  };

  /* A key without convai_read cannot sign (§1.2, pitfall 9). */
  govorun_elevenlabs_emulator_add_key_with_scopes (f->emulator, "sk_no_convai_0000000000000000000000",
                                                   (const char * const []) { "user_read", NULL });
  scoped = govorun_elevenlabs_client_new (f->http, govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emulator)),
                                          "sk_no_convai_0000000000000000000000");
  govorun_elevenlabs_client_get_signed_url_async (scoped, f->agent_id, NULL, test_util_on_result, &result);
  url = govorun_elevenlabs_client_get_signed_url_finish (scoped, test_util_wait (&result), &error);
  g_assert_null (url);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) parse_error = NULL;
      g_autofree char *parsed = _govorun_elevenlabs_parse_signed_url (bad[i], strlen (bad[i]), &parse_error);

      g_assert_null (parsed);
      g_assert_error (parse_error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE);
    }
  {
    const char *good = "{\"signed_url\":\"wss://api.elevenlabs.io/v1/convai/conversation?agent_id=a&conversation_signature=s\"}";
    g_autofree char *parsed = _govorun_elevenlabs_parse_signed_url (good, strlen (good), NULL);

    g_assert_cmpstr (parsed, ==, "wss://api.elevenlabs.io/v1/convai/conversation?agent_id=a&conversation_signature=s");
  }
}

static void
test_audio_formats (void)
{
  gboolean ulaw = FALSE;
  guint rate = 0;

  g_assert_true (govorun_conversation_parse_audio_format ("pcm_16000", &ulaw, &rate));
  g_assert_false (ulaw);
  g_assert_cmpuint (rate, ==, 16000);
  g_assert_true (govorun_conversation_parse_audio_format ("pcm_44100", &ulaw, &rate));
  g_assert_true (govorun_conversation_parse_audio_format ("ulaw_8000", &ulaw, &rate));
  g_assert_true (ulaw);
  g_assert_cmpuint (rate, ==, 8000);
  g_assert_false (govorun_conversation_parse_audio_format ("pcm_16001", &ulaw, &rate));
  g_assert_false (govorun_conversation_parse_audio_format ("mp3_44100_128", &ulaw, &rate));
  g_assert_false (govorun_conversation_parse_audio_format (NULL, &ulaw, &rate));
}

static void
test_ulaw_agent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunConversationMetadata) metadata = NULL;

  govorun_elevenlabs_emulator_set_agent_audio (f->emulator, f->agent_id, "ulaw_8000", "ulaw_8000");
  metadata = connect_ok (f);
  g_assert_cmpstr (metadata->agent_output_audio_format, ==, "ulaw_8000");
  g_assert_cmpstr (metadata->user_input_audio_format, ==, "ulaw_8000");
  wait_for (greeted, f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/Govorun/ConversationSocket/handshake-order", test_handshake_order);
  ADD ("/Govorun/ConversationSocket/audio-both-ways", test_audio_both_ways);
  ADD ("/Govorun/ConversationSocket/ping-pong", test_ping_pong);
  ADD ("/Govorun/ConversationSocket/interruption", test_interruption);
  ADD ("/Govorun/ConversationSocket/every-message-type", test_every_message_type);
  ADD ("/Govorun/ConversationSocket/agent-ends-call", test_agent_ends_call);
  ADD ("/Govorun/ConversationSocket/we-hang-up", test_we_hang_up);
  ADD ("/Govorun/ConversationSocket/close-1008-override", test_override_refused);
  ADD ("/Govorun/ConversationSocket/override-allowed", test_override_allowed);
  ADD ("/Govorun/ConversationSocket/close-1008-missing-variable", test_missing_variable);
  ADD ("/Govorun/ConversationSocket/bad-signature", test_bad_signature);
  ADD ("/Govorun/ConversationSocket/connection-fault", test_connection_fault);
  ADD ("/Govorun/ConversationSocket/signed-url", test_signed_url_scope);
  ADD ("/Govorun/ConversationSocket/ulaw-agent", test_ulaw_agent);
#undef ADD
  g_test_add_func ("/Govorun/ConversationSocket/audio-formats", test_audio_formats);

  return g_test_run ();
}
