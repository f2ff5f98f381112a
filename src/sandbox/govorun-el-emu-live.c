/* govorun-el-emu-live.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsEmulator"

#include "config.h"

#include <math.h>
#include <string.h>

#include "govorun-elevenlabs-emulator-private.h"

/*
 * The conversation WebSocket (reference/elevenlabs.md §2.3 and §4): the
 * signed URL, the handshake (the client's conversation_initiation_client_data
 * first, then our metadata), pings that expect a pong with the same
 * event_id, an agent that speaks generated audio in the announced format
 * and answers what it "hears" (energy in the user's audio; quiet after
 * speech ends the turn) with the next line of a short scripted dialogue,
 * interruptions, and the close codes of §4.1 (1008 for a refused override,
 * a missing dynamic variable or a bad signature; 1000 when the agent ends
 * the call). Finished conversations join the conversation listing.
 */

#define INIT_TIMEOUT_MS   10000
#define CHUNK_MS          100
#define MAX_SPEECH_MS     4000
/* RMS of 16-bit samples above which the user is taken to speak. */
#define LOUD_RMS          600.0

typedef struct
{
  const char *user;   /* what the transcript says the user said */
  const char *agent;  /* the agent's answer */
} DialogueStep;

static const DialogueStep dialogue_en[] = {
  { "Hello, I would like to book an appointment.", "Of course. Which day suits you best?" },
  { "Tomorrow morning, please.", "Tomorrow at ten o'clock is free. Shall I book it?" },
  { "Yes, that works.", "Done, you are booked for tomorrow at ten. Goodbye!" },
};

static const DialogueStep dialogue_ru[] = {
  { "Здравствуйте, я хочу записаться на приём.", "Конечно. Какой день вам удобен?" },
  { "Завтра утром, пожалуйста.", "Завтра в десять свободно. Записать вас?" },
  { "Да, подходит.", "Готово, вы записаны на завтра на десять. До свидания!" },
};

static const char * const override_paths[] = {
  "agent.first_message", "agent.language", "agent.prompt.prompt", "tts.voice_id", "conversation.text_only", NULL
};

typedef struct
{
  GovorunElevenlabsEmulator *self;
  SoupWebsocketConnection   *ws;
  EmuLiveConversation       *conv;      /* owned by self->live */
  char                      *agent_id;
  char                      *first_message;
  gboolean                   russian;
  char                      *in_format;
  char                      *out_format;
  guint                      out_rate;
  gboolean                   out_ulaw;
  gboolean                   in_ulaw;
  gboolean                   initiated;
  gboolean                   closing;
  gint64                     next_event_id;
  GSource                   *init_source;
  GSource                   *ping_source;
  gint64                     ping_event_id;
  gint64                     ping_sent_us;
  gint                       last_rtt_ms;  /* -1: none yet */
  GSource                   *speak_source;
  GBytes                    *speech;       /* the agent's current line, encoded */
  gsize                      speech_pos;
  gint64                     speech_event_id;
  gboolean                   end_after_speech;
  GSource                   *quiet_source;
  gboolean                   user_speaking;
  gint64                     last_loud_us;
  guint                      step;
} Live;

/* Log and helpers (the lock is not held unless said) */

/* Timers run in the context the server serves from (the emulator may run
 * in a thread of its own), hence sources rather than ids. */
static GSource *
live_timeout (gpointer     data_first,
              guint        interval_ms,
              GSourceFunc  func,
              gpointer     data)
{
  GSource *source = g_timeout_source_new (interval_ms);

  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static void
live_log (GovorunElevenlabsEmulator *self,
          const char                *dir,
          const char                *what)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->live_log, g_strconcat (dir, ":", what, NULL));
  g_mutex_unlock (&self->lock);
}

static void
live_send (Live       *live,
           const char *type,
           JsonObject *payload_owned,
           const char *payload_key)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (live->closing || soup_websocket_connection_get_state (live->ws) != SOUP_WEBSOCKET_STATE_OPEN)
    {
      if (payload_owned != NULL)
        json_object_unref (payload_owned);
      return;
    }

  json_object_set_string_member (root, "type", type);
  if (payload_owned != NULL)
    json_object_set_object_member (root, payload_key, payload_owned);
  node = json_node_init_object (json_node_alloc (), root);
  text = json_to_string (node, FALSE);
  live_log (live->self, "send", type);
  soup_websocket_connection_send_text (live->ws, text);
}

static void
live_stop_timers (Live *live)
{
  clear_source (&live->init_source);
  clear_source (&live->ping_source);
  clear_source (&live->speak_source);
  clear_source (&live->quiet_source);
}

/* Sends an error event, then closes with @code (§4.3 "error"). */
static void
live_fail (Live       *live,
           gushort     code,
           const char *error_type,
           const char *message)
{
  g_autofree char *what = g_strdup_printf ("close:%u", code);

  if (live->closing)
    return;

  if (error_type != NULL)
    {
      JsonObject *event = json_object_new ();

      json_object_set_int_member (event, "code", code);
      json_object_set_string_member (event, "message", message);
      json_object_set_string_member (event, "error_type", error_type);
      json_object_set_string_member (event, "reason", message);
      live_send (live, "error", event, "error_event");
    }

  live->closing = TRUE;
  live_stop_timers (live);
  g_mutex_lock (&live->self->lock);
  if (live->conv != NULL)
    live->conv->termination_reason = g_strdup (message);
  g_mutex_unlock (&live->self->lock);
  live_log (live->self, "send", what);
  soup_websocket_connection_close (live->ws, code, message);
}

static void
live_add_turn (Live       *live,
               gboolean    agent,
               const char *message)
{
  EmuLiveTurn *turn = g_new0 (EmuLiveTurn, 1);

  turn->agent = agent;
  turn->message = g_strdup (message);
  turn->time_in_call_secs = (guint) ((g_get_monotonic_time () - live->conv->start_us) / G_USEC_PER_SEC);
  g_mutex_lock (&live->self->lock);
  g_ptr_array_add (live->conv->turns, turn);
  g_mutex_unlock (&live->self->lock);
}

/* Audio */

static guint8
linear_to_ulaw (gint16 sample)
{
  const int bias = 0x84;
  int sign = (sample >> 8) & 0x80;
  int value = sample;
  int exponent = 7;

  if (sign)
    value = -value;
  value = MIN (value, 32635) + bias;
  for (int mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1)
    exponent--;

  return (guint8) ~(sign | (exponent << 4) | ((value >> (exponent + 3)) & 0x0f));
}

static gint16
ulaw_to_linear (guint8 byte)
{
  int value = ~byte & 0xff;
  int t = ((value & 0x0f) << 3) + 0x84;

  t <<= (value & 0x70) >> 4;
  return (gint16) ((value & 0x80) ? 0x84 - t : t - 0x84);
}

/* A voiced, syllable-shaped tone: the agent "speaking" @ms of audio. */
static GBytes *
render_speech (Live  *live,
               guint  ms)
{
  gsize n = (gsize) live->out_rate * ms / 1000;
  GByteArray *out = g_byte_array_sized_new (n * 2);

  for (gsize i = 0; i < n; i++)
    {
      double t = (double) i / live->out_rate;
      double envelope = 0.35 + 0.65 * fabs (sin (G_PI * 4.0 * t));
      double edge = MIN (1.0, MIN (t, (double) (n - i) / live->out_rate) * 20.0);
      double voice = sin (2 * G_PI * 160.0 * t) + 0.5 * sin (4 * G_PI * 160.0 * t);
      gint16 sample = (gint16) (8000.0 * edge * envelope * voice / 1.5);

      if (live->out_ulaw)
        {
          guint8 byte = linear_to_ulaw (sample);

          g_byte_array_append (out, &byte, 1);
        }
      else
        {
          guint8 le[2] = { sample & 0xff, (sample >> 8) & 0xff };

          g_byte_array_append (out, le, 2);
        }
    }

  return g_byte_array_free_to_bytes (out);
}

static gboolean
on_speak_chunk (gpointer user_data)
{
  Live *live = user_data;
  gsize bytes_per_ms = live->out_ulaw ? live->out_rate / 1000 : live->out_rate * 2 / 1000;
  gsize size = g_bytes_get_size (live->speech);
  gsize len = MIN (size - live->speech_pos, bytes_per_ms * CHUNK_MS);
  JsonObject *event;

  if (len > 0)
    {
      g_autofree char *b64 = g_base64_encode ((const guchar *) g_bytes_get_data (live->speech, NULL) + live->speech_pos, len);

      event = json_object_new ();
      json_object_set_string_member (event, "audio_base_64", b64);
      json_object_set_int_member (event, "event_id", live->speech_event_id);
      live_send (live, "audio", event, "audio_event");
      live->speech_pos += len;
    }

  if (live->speech_pos < size)
    return G_SOURCE_CONTINUE;

  clear_source (&live->speak_source);
  g_clear_pointer (&live->speech, g_bytes_unref);
  if (live->end_after_speech)
    live_fail (live, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL, "end_call tool was called.");

  return G_SOURCE_REMOVE;
}

static void
live_speak (Live       *live,
            const char *line,
            gboolean    last)
{
  guint speech_ms;
  JsonObject *event;

  live->speech_event_id = ++live->next_event_id;
  speech_ms = MIN (MAX_SPEECH_MS, (guint) g_utf8_strlen (line, -1) * live->self->speech_ms_per_char);
  speech_ms = MAX (speech_ms, CHUNK_MS);

  if (live->self->extra_events)
    {
      event = json_object_new ();
      json_object_set_string_member (event, "tentative_agent_response", line);
      live_send (live, "internal_tentative_agent_response", event, "tentative_agent_response_internal_event");
    }

  /* Ordering of agent_response and its audio is UNVERIFIED (§4.3): text first. */
  event = json_object_new ();
  json_object_set_string_member (event, "agent_response", line);
  json_object_set_int_member (event, "event_id", live->speech_event_id);
  live_send (live, "agent_response", event, "agent_response_event");
  live_add_turn (live, TRUE, line);

  g_clear_pointer (&live->speech, g_bytes_unref);
  live->speech = render_speech (live, speech_ms);
  live->speech_pos = 0;
  live->end_after_speech = last;
  clear_source (&live->speak_source);
  /* Twice as fast as it plays, as the real service sends ahead. */
  live->speak_source = live_timeout (live, CHUNK_MS / 2, on_speak_chunk, live);
  on_speak_chunk (live);
}

/* Pings */

static gboolean
on_ping (gpointer user_data)
{
  Live *live = user_data;
  JsonObject *event = json_object_new ();

  live->ping_event_id = ++live->next_event_id;
  live->ping_sent_us = g_get_monotonic_time ();
  json_object_set_int_member (event, "event_id", live->ping_event_id);
  /* ping_ms is the last round trip measured, null before one (§4.3). */
  if (live->last_rtt_ms >= 0)
    json_object_set_int_member (event, "ping_ms", live->last_rtt_ms);
  else
    json_object_set_null_member (event, "ping_ms");
  live_send (live, "ping", event, "ping_event");

  return G_SOURCE_CONTINUE;
}

/* The user's turn */

static const DialogueStep *
live_dialogue (Live  *live,
               guint *n)
{
  *n = live->russian ? G_N_ELEMENTS (dialogue_ru) : G_N_ELEMENTS (dialogue_en);
  return live->russian ? dialogue_ru : dialogue_en;
}

static void
live_user_turn_ended (Live *live)
{
  guint n;
  const DialogueStep *steps = live_dialogue (live, &n);
  const DialogueStep *step = &steps[MIN (live->step, n - 1)];
  JsonObject *event = json_object_new ();

  json_object_set_string_member (event, "user_transcript", step->user);
  json_object_set_int_member (event, "event_id", ++live->next_event_id);
  live_send (live, "user_transcript", event, "user_transcription_event");
  live_add_turn (live, FALSE, step->user);

  if (live->self->extra_events)
    {
      event = json_object_new ();
      json_object_set_string_member (event, "tool_name", "check_calendar");
      json_object_set_string_member (event, "tool_call_id", "toolu_emulated");
      json_object_set_object_member (event, "parameters", json_object_new ());
      json_object_set_int_member (event, "event_id", ++live->next_event_id);
      live_send (live, "client_tool_call", event, "client_tool_call");
    }

  live->step++;
  live_speak (live, step->agent, live->step >= n);

  if (live->self->extra_events)
    {
      event = json_object_new ();
      json_object_set_string_member (event, "original_agent_response", step->agent);
      json_object_set_string_member (event, "corrected_agent_response", step->agent);
      json_object_set_int_member (event, "event_id", live->speech_event_id);
      live_send (live, "agent_response_correction", event, "agent_response_correction_event");
      event = json_object_new ();
      json_object_set_string_member (event, "text", step->agent);
      json_object_set_string_member (event, "type", "delta");
      json_object_set_int_member (event, "event_id", live->speech_event_id);
      live_send (live, "agent_chat_response_part", event, "text_response_part");
      live_send (live, "govorun_future_event", json_object_new (), "future_event");
    }
}

static gboolean
on_quiet_check (gpointer user_data)
{
  Live *live = user_data;

  if (live->user_speaking &&
      g_get_monotonic_time () - live->last_loud_us >= (gint64) live->self->silence_ms * 1000)
    {
      live->user_speaking = FALSE;
      live_user_turn_ended (live);
    }

  return G_SOURCE_CONTINUE;
}

static double
chunk_rms (Live         *live,
           const guint8 *data,
           gsize         len)
{
  double sum = 0;
  gsize n = 0;

  if (live->in_ulaw)
    for (; n < len; n++)
      {
        double s = ulaw_to_linear (data[n]);
        sum += s * s;
      }
  else
    for (gsize i = 0; i + 1 < len; i += 2, n++)
      {
        double s = (gint16) (data[i] | (data[i + 1] << 8));
        sum += s * s;
      }

  return n > 0 ? sqrt (sum / n) : 0;
}

static void
live_hear (Live         *live,
           const guint8 *data,
           gsize         len)
{
  double rms = chunk_rms (live, data, len);

  if (live->self->extra_events)
    {
      JsonObject *event = json_object_new ();

      json_object_set_double_member (event, "vad_score", MIN (1.0, rms / 4000.0));
      live_send (live, "vad_score", event, "vad_score_event");
    }

  if (rms < LOUD_RMS)
    return;

  live->last_loud_us = g_get_monotonic_time ();
  if (live->user_speaking)
    return;

  live->user_speaking = TRUE;

  /* Speech over the agent's audio interrupts it (§4.3). */
  if (live->speak_source != NULL)
    {
      JsonObject *event = json_object_new ();

      clear_source (&live->speak_source);
      g_clear_pointer (&live->speech, g_bytes_unref);
      live->end_after_speech = FALSE;
      g_mutex_lock (&live->self->lock);
      if (live->conv->turns->len > 0)
        ((EmuLiveTurn *) g_ptr_array_index (live->conv->turns, live->conv->turns->len - 1))->interrupted = TRUE;
      g_mutex_unlock (&live->self->lock);
      /* A new id above the interrupted response's: the client drops audio
       * older than it (§4.3, [CLIENT] VoiceConversation.ts). */
      json_object_set_int_member (event, "event_id", ++live->next_event_id);
      live_send (live, "interruption", event, "interruption_event");
    }

  {
    guint n;
    const DialogueStep *steps = live_dialogue (live, &n);
    JsonObject *event = json_object_new ();

    json_object_set_string_member (event, "user_transcript", steps[MIN (live->step, n - 1)].user);
    json_object_set_int_member (event, "event_id", ++live->next_event_id);
    live_send (live, "tentative_user_transcript", event, "tentative_user_transcription_event");
  }
}

/* Initiation */

static gboolean
path_set (JsonObject *object,
          const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL && object != NULL; i++)
    {
      node = json_object_get_member (object, parts[i]);
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        return FALSE;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      if (parts[i + 1] == NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
override_allowed (JsonObject *allowed,
                  const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = allowed;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      JsonNode *node = object != NULL ? json_object_get_member (object, parts[i]) : NULL;

      if (node == NULL)
        return FALSE;
      if (parts[i + 1] == NULL)
        return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
               json_node_get_boolean (node);
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return FALSE;
}

/* {{name}} replaced by the client's value. */
static char *
fill_variables (const char *text,
                JsonObject *variables)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *open = strstr (p, "{{");
      const char *close = open != NULL ? strstr (open, "}}") : NULL;
      g_autofree char *name = NULL;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      name = g_strstrip (g_strndup (open + 2, close - open - 2));
      if (variables != NULL && json_object_has_member (variables, name) &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (variables, name)))
        {
          JsonNode *value = json_object_get_member (variables, name);

          if (json_node_get_value_type (value) == G_TYPE_STRING)
            g_string_append (out, json_node_get_string (value));
          else
            {
              g_autofree char *text_value = json_to_string (value, FALSE);
              g_string_append (out, text_value);
            }
        }
      p = close + 2;
    }

  return g_string_free (out, FALSE);
}

static void
live_initiate (Live       *live,
               JsonObject *message)
{
  GovorunElevenlabsEmulator *self = live->self;
  JsonObject *overrides = NULL;
  JsonObject *variables = NULL;
  JsonObject *event;
  g_autofree char *refused = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *first = NULL;
  EmuAgent *agent;

  if (json_object_has_member (message, "conversation_config_override") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (message, "conversation_config_override")))
    overrides = json_object_get_object_member (message, "conversation_config_override");
  if (json_object_has_member (message, "dynamic_variables") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (message, "dynamic_variables")))
    variables = json_object_get_object_member (message, "dynamic_variables");

  g_mutex_lock (&self->lock);
  agent = g_hash_table_lookup (self->agents_by_id, live->agent_id);
  if (agent != NULL)
    {
      JsonObject *config = json_node_get_object (agent->conversation_config);
      JsonObject *settings = json_node_get_object (agent->platform_settings);
      JsonObject *allowed = NULL;
      JsonObject *agent_config = json_object_get_object_member (config, "agent");
      JsonObject *tts = json_object_get_object_member (config, "tts");
      JsonObject *asr = json_object_get_object_member (config, "asr");
      JsonObject *dynamic = json_object_get_object_member (agent_config, "dynamic_variables");
      JsonObject *placeholders = dynamic != NULL ? json_object_get_object_member (dynamic, "dynamic_variable_placeholders") : NULL;

      if (json_object_has_member (settings, "overrides"))
        {
          JsonObject *o = json_object_get_object_member (settings, "overrides");

          if (o != NULL && json_object_has_member (o, "conversation_config_override"))
            allowed = json_object_get_object_member (o, "conversation_config_override");
        }

      for (guint i = 0; overrides != NULL && override_paths[i] != NULL && refused == NULL; i++)
        if (path_set (overrides, override_paths[i]) && !override_allowed (allowed, override_paths[i]))
          refused = g_strdup (override_paths[i]);

      if (placeholders != NULL)
        {
          g_autoptr(GList) names = json_object_get_members (placeholders);

          for (GList *l = names; l != NULL && missing == NULL; l = l->next)
            if (variables == NULL || !json_object_has_member (variables, l->data))
              missing = g_strdup (l->data);
        }

      live->russian = g_strcmp0 (json_object_get_string_member_with_default (agent_config, "language", "en"), "ru") == 0;
      if (overrides != NULL && path_set (overrides, "agent.language"))
        {
          JsonObject *o = json_object_get_object_member (overrides, "agent");
          live->russian = g_strcmp0 (json_object_get_string_member_with_default (o, "language", ""), "ru") == 0;
        }
      first = g_strdup (json_object_get_string_member_with_default (agent_config, "first_message", ""));
      live->out_format = g_strdup (json_object_get_string_member_with_default (tts, "agent_output_audio_format", "pcm_16000"));
      live->in_format = g_strdup (json_object_get_string_member_with_default (asr, "user_input_audio_format", "pcm_16000"));
    }
  g_mutex_unlock (&self->lock);

  if (agent == NULL)
    {
      live_fail (live, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "invalid_message", "Agent not found");
      return;
    }
  if (refused != NULL)
    {
      g_autofree char *text = g_strdup_printf ("Override for field '%s' is not allowed by config.", refused);

      live_fail (live, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "override_error", text);
      return;
    }
  if (missing != NULL)
    {
      g_autofree char *text = g_strdup_printf ("Missing required dynamic variables in first message: {'%s'}", missing);

      live_fail (live, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "missing_dynamic_variable", text);
      return;
    }

  live->out_ulaw = g_str_has_prefix (live->out_format, "ulaw_");
  live->in_ulaw = g_str_has_prefix (live->in_format, "ulaw_");
  live->out_rate = (guint) g_ascii_strtoull (strchr (live->out_format, '_') != NULL ? strchr (live->out_format, '_') + 1 : "16000", NULL, 10);
  if (live->out_rate < 8000 || live->out_rate > 48000)
    live->out_rate = 16000;

  g_mutex_lock (&self->lock);
  live->conv = g_new0 (EmuLiveConversation, 1);
  live->conv->conversation_id = g_strconcat ("conv_", el_emu_random_alnum (26), NULL);
  live->conv->agent_id = g_strdup (live->agent_id);
  live->conv->start_unix = g_get_real_time () / G_USEC_PER_SEC;
  live->conv->start_us = g_get_monotonic_time ();
  live->conv->turns = g_ptr_array_new ();
  live->conv->dynamic_variables = json_node_init_object (json_node_alloc (), variables != NULL ? variables : json_object_new ());
  if (variables == NULL)
    json_object_unref (json_node_get_object (live->conv->dynamic_variables));
  g_ptr_array_add (self->live, live->conv);
  g_mutex_unlock (&self->lock);

  live->initiated = TRUE;
  clear_source (&live->init_source);

  event = json_object_new ();
  json_object_set_string_member (event, "conversation_id", live->conv->conversation_id);
  json_object_set_string_member (event, "agent_output_audio_format", live->out_format);
  json_object_set_string_member (event, "user_input_audio_format", live->in_format);
  live_send (live, "conversation_initiation_metadata", event, "conversation_initiation_metadata_event");

  live->ping_source = live_timeout (live, self->ping_interval_ms, on_ping, live);
  live->quiet_source = live_timeout (live, 50, on_quiet_check, live);

  /* The first message, or a greeting when the agent has none. */
  if (first == NULL || *first == '\0')
    live_speak (live, live->russian ? "Здравствуйте! Чем могу помочь?" : "Hello! How can I help you?", FALSE);
  else
    {
      g_autofree char *filled = fill_variables (first, variables);

      live_speak (live, filled, FALSE);
    }
}

/* Messages */

static void
on_message (SoupWebsocketConnection *ws,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  Live *live = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (message, &size);
  JsonObject *object;
  const char *kind;

  if (type != SOUP_WEBSOCKET_DATA_TEXT || !json_parser_load_from_data (parser, data, size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      live_log (live->self, "recv", "invalid");
      live_fail (live, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "invalid_message", "Invalid message received");
      return;
    }

  object = json_node_get_object (json_parser_get_root (parser));

  /* §4.2: audio has no "type". */
  if (json_object_has_member (object, "user_audio_chunk"))
    {
      const char *b64 = json_object_get_string_member_with_default (object, "user_audio_chunk", NULL);
      g_autofree guchar *pcm = NULL;
      gsize len = 0;

      live_log (live->self, "recv", "user_audio_chunk");
      if (b64 == NULL)
        return;
      pcm = g_base64_decode (b64, &len);
      if (live->initiated)
        live_hear (live, pcm, len);
      return;
    }

  kind = json_object_get_string_member_with_default (object, "type", "");
  if (g_str_equal (kind, "pong"))
    {
      gint64 event_id = json_object_get_int_member_with_default (object, "event_id", -1);
      g_autofree char *what = g_strdup_printf ("pong:%" G_GINT64_FORMAT, event_id);

      live_log (live->self, "recv", what);
      if (event_id == live->ping_event_id && live->ping_sent_us != 0)
        live->last_rtt_ms = (gint) ((g_get_monotonic_time () - live->ping_sent_us) / 1000);
      return;
    }

  live_log (live->self, "recv", *kind != '\0' ? kind : "untyped");

  if (g_str_equal (kind, "conversation_initiation_client_data"))
    {
      if (!live->initiated)
        live_initiate (live, object);
    }
  else if (!live->initiated)
    live_fail (live, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "invalid_message",
               "The first message must be conversation_initiation_client_data");
  else if (g_str_equal (kind, "user_message"))
    {
      live->user_speaking = TRUE;
      live->last_loud_us = 0;
    }
  /* user_activity, contextual_update, client_tool_result, feedback: accepted. */
}

static gboolean
on_init_timeout (gpointer user_data)
{
  Live *live = user_data;

  clear_source (&live->init_source);
  live_fail (live, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, "invalid_message",
             "No conversation_initiation_client_data received");
  return G_SOURCE_REMOVE;
}

static void
live_free (Live *live)
{
  live_stop_timers (live);
  g_clear_pointer (&live->speech, g_bytes_unref);
  g_clear_object (&live->ws);
  g_object_unref (live->self);
  g_free (live->agent_id);
  g_free (live->first_message);
  g_free (live->in_format);
  g_free (live->out_format);
  g_free (live);
}

static void
on_closed (SoupWebsocketConnection *ws,
           gpointer                 user_data)
{
  Live *live = user_data;

  live_stop_timers (live);
  if (!live->closing)
    {
      g_autofree char *what = g_strdup_printf ("close:%u", soup_websocket_connection_get_close_code (ws));

      live_log (live->self, "recv", what);
    }

  g_mutex_lock (&live->self->lock);
  if (live->conv != NULL)
    {
      live->conv->done = TRUE;
      live->conv->duration_secs = (guint) ((g_get_monotonic_time () - live->conv->start_us) / G_USEC_PER_SEC);
      if (live->conv->termination_reason == NULL)
        live->conv->termination_reason = g_strdup ("Client disconnected: 1000");
    }
  g_mutex_unlock (&live->self->lock);

  g_signal_handlers_disconnect_by_data (ws, live);
  live_free (live);
}

void
el_emu_live_start (GovorunElevenlabsEmulator *self,
                   SoupServerMessage         *msg,
                   SoupWebsocketConnection   *connection)
{
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr(GHashTable) query = NULL;
  Live *live = g_new0 (Live, 1);

  if (g_uri_get_query (uri) != NULL)
    query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);

  live->self = g_object_ref (self);
  live->ws = g_object_ref (connection);
  live->agent_id = g_strdup (query != NULL ? g_hash_table_lookup (query, "agent_id") : NULL);
  live->last_rtt_ms = -1;
  live_log (self, "recv", "open");

  g_signal_connect (connection, "message", G_CALLBACK (on_message), live);
  g_signal_connect (connection, "closed", G_CALLBACK (on_closed), live);
  live->init_source = live_timeout (live, INIT_TIMEOUT_MS, on_init_timeout, live);
}

/* REST: signed URL and the upgrade request */

static char *
sign (GovorunElevenlabsEmulator *self,
      const char                *agent_id)
{
  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) self->signing_secret,
                                    strlen (self->signing_secret), agent_id, -1);
}

static gboolean
agent_enable_auth (EmuAgent *agent)
{
  JsonObject *settings = json_node_get_object (agent->platform_settings);
  JsonObject *auth = json_object_get_object_member (settings, "auth");

  return auth != NULL && json_object_get_boolean_member_with_default (auth, "enable_auth", FALSE);
}

/* GET /v1/convai/conversation/get-signed-url?agent_id= */
void
el_emu_handle_get_signed_url (GovorunElevenlabsEmulator *self,
                              SoupServerMessage         *msg,
                              GHashTable                *params,
                              const char *const         *captures)
{
  const char *agent_id = g_hash_table_lookup (params, "agent_id");
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *signature = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *url = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (agent_id == NULL || *agent_id == '\0')
    {
      el_emu_respond_validation (msg, "agent_id", "missing", "Field required", NULL);
      return;
    }
  if (!g_hash_table_contains (self->agents_by_id, agent_id))
    {
      el_emu_respond_detail (msg, SOUP_STATUS_NOT_FOUND, STATUS_NOT_FOUND, "Agent not found");
      return;
    }

  signature = sign (self, agent_id);
  escaped = g_uri_escape_string (agent_id, NULL, FALSE);
  url = g_strdup_printf ("ws://%s:%d/v1/convai/conversation?agent_id=%s&conversation_signature=%s",
                         g_uri_get_host (uri), g_uri_get_port (uri), escaped, signature);
  node = json_node_init_object (json_node_alloc (), json_object_new ());
  json_object_set_string_member (json_node_get_object (node), "signed_url", url);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, node);
}

/* GET /v1/convai/conversation (Upgrade: websocket). The agent must exist;
 * a signature must be ours, and is required when the agent has
 * enable_auth. How the real service refuses is UNVERIFIED: 403 here. */
void
el_emu_handle_conversation_upgrade (GovorunElevenlabsEmulator *self,
                                    SoupServerMessage         *msg,
                                    GHashTable                *params,
                                    const char *const         *captures)
{
  const char *agent_id = g_hash_table_lookup (params, "agent_id");
  const char *signature = g_hash_table_lookup (params, "conversation_signature");
  EmuAgent *agent = agent_id != NULL ? g_hash_table_lookup (self->agents_by_id, agent_id) : NULL;

  if (agent == NULL)
    {
      el_emu_respond_detail (msg, SOUP_STATUS_NOT_FOUND, STATUS_NOT_FOUND, "Agent not found");
      return;
    }

  if (signature != NULL)
    {
      g_autofree char *expected = sign (self, agent_id);

      if (!g_str_equal (expected, signature))
        {
          el_emu_respond_detail (msg, SOUP_STATUS_FORBIDDEN, "invalid_signature",
                                 "The conversation signature is invalid or expired.");
          return;
        }
    }
  else if (agent_enable_auth (agent))
    {
      el_emu_respond_detail (msg, SOUP_STATUS_FORBIDDEN, "authentication_required",
                             "This agent requires a signed URL.");
      return;
    }

  /* Status left unset: SoupServer goes on with the handshake. */
}

/* Listing and details */

EmuLiveConversation *
el_emu_live_find (GovorunElevenlabsEmulator *self,
                  const char                *conversation_id)
{
  for (guint i = 0; i < self->live->len; i++)
    {
      EmuLiveConversation *conv = g_ptr_array_index (self->live, i);

      if (g_str_equal (conv->conversation_id, conversation_id))
        return conv;
    }

  return NULL;
}

static guint
live_duration (EmuLiveConversation *conv)
{
  return conv->done ? conv->duration_secs
                    : (guint) ((g_get_monotonic_time () - conv->start_us) / G_USEC_PER_SEC);
}

JsonObject *
el_emu_live_summary_to_json (GovorunElevenlabsEmulator *self,
                             EmuLiveConversation       *conv)
{
  JsonObject *object = json_object_new ();
  EmuAgent *agent = g_hash_table_lookup (self->agents_by_id, conv->agent_id);

  json_object_set_string_member (object, "agent_id", conv->agent_id);
  if (agent != NULL)
    json_object_set_string_member (object, "agent_name", agent->name);
  json_object_set_string_member (object, "conversation_id", conv->conversation_id);
  json_object_set_int_member (object, "start_time_unix_secs", conv->start_unix);
  json_object_set_int_member (object, "call_duration_secs", live_duration (conv));
  json_object_set_int_member (object, "message_count", conv->turns->len);
  json_object_set_string_member (object, "status", conv->done ? "done" : "in-progress");
  json_object_set_string_member (object, "call_successful", "unknown");
  json_object_set_string_member (object, "call_summary_title", "Test conversation");
  json_object_set_null_member (object, "direction");
  json_object_set_string_member (object, "conversation_initiation_source", "unknown");

  return object;
}

JsonObject *
el_emu_live_details_to_json (GovorunElevenlabsEmulator *self,
                             EmuLiveConversation       *conv)
{
  JsonObject *root = el_emu_live_summary_to_json (self, conv);
  JsonArray *transcript = json_array_new ();
  JsonObject *metadata = json_object_new ();
  JsonObject *analysis = json_object_new ();
  JsonObject *client_data = json_object_new ();

  json_object_remove_member (root, "start_time_unix_secs");
  json_object_remove_member (root, "call_duration_secs");
  json_object_remove_member (root, "message_count");
  json_object_remove_member (root, "call_successful");
  json_object_remove_member (root, "call_summary_title");
  json_object_remove_member (root, "direction");
  json_object_remove_member (root, "conversation_initiation_source");

  for (guint i = 0; i < conv->turns->len; i++)
    {
      EmuLiveTurn *t = g_ptr_array_index (conv->turns, i);
      JsonObject *turn = json_object_new ();

      json_object_set_string_member (turn, "role", t->agent ? "agent" : "user");
      json_object_set_string_member (turn, "message", t->message);
      json_object_set_int_member (turn, "time_in_call_secs", t->time_in_call_secs);
      json_object_set_array_member (turn, "tool_calls", json_array_new ());
      json_object_set_array_member (turn, "tool_results", json_array_new ());
      json_object_set_null_member (turn, "feedback");
      json_object_set_boolean_member (turn, "interrupted", t->interrupted);
      json_object_set_string_member (turn, "source_medium", "audio");
      json_array_add_object_element (transcript, turn);
    }

  json_object_set_int_member (metadata, "start_time_unix_secs", conv->start_unix);
  json_object_set_int_member (metadata, "accepted_time_unix_secs", conv->start_unix);
  json_object_set_int_member (metadata, "call_duration_secs", live_duration (conv));
  json_object_set_int_member (metadata, "cost", 10 * live_duration (conv));
  json_object_set_string_member (metadata, "termination_reason", conv->termination_reason != NULL ? conv->termination_reason : "");
  json_object_set_null_member (metadata, "error");
  json_object_set_null_member (metadata, "phone_call");
  json_object_set_null_member (metadata, "batch_call");
  json_object_set_string_member (metadata, "authorization_method", "signed_url");
  json_object_set_string_member (metadata, "conversation_initiation_source", "unknown");

  json_object_set_string_member (analysis, "call_successful", "unknown");
  json_object_set_string_member (analysis, "transcript_summary", "A test conversation from the desktop.");
  json_object_set_string_member (analysis, "call_summary_title", "Test conversation");
  json_object_set_object_member (analysis, "evaluation_criteria_results", json_object_new ());
  json_object_set_object_member (analysis, "data_collection_results", json_object_new ());

  json_object_set_member (client_data, "dynamic_variables", json_node_copy (conv->dynamic_variables));

  json_object_set_array_member (root, "transcript", transcript);
  json_object_set_object_member (root, "metadata", metadata);
  json_object_set_object_member (root, "analysis", analysis);
  json_object_set_object_member (root, "conversation_initiation_client_data", client_data);
  json_object_set_boolean_member (root, "has_audio", FALSE);
  json_object_set_boolean_member (root, "has_user_audio", FALSE);
  json_object_set_boolean_member (root, "has_response_audio", FALSE);

  return root;
}

/* Object */

static void
live_conversation_free (EmuLiveConversation *conv)
{
  for (guint i = 0; i < conv->turns->len; i++)
    {
      EmuLiveTurn *turn = g_ptr_array_index (conv->turns, i);

      g_free (turn->message);
      g_free (turn);
    }
  g_ptr_array_unref (conv->turns);
  g_clear_pointer (&conv->dynamic_variables, json_node_unref);
  g_free (conv->conversation_id);
  g_free (conv->agent_id);
  g_free (conv->termination_reason);
  g_free (conv);
}

void
el_emu_live_init (GovorunElevenlabsEmulator *self)
{
  self->live = g_ptr_array_new_with_free_func ((GDestroyNotify) live_conversation_free);
  self->live_log = g_ptr_array_new_with_free_func (g_free);
  self->signing_secret = el_emu_random_alnum (32);
  self->ping_interval_ms = 2000;
  self->silence_ms = 700;
  self->speech_ms_per_char = 45;
}

void
el_emu_live_clear (GovorunElevenlabsEmulator *self)
{
  g_clear_pointer (&self->live, g_ptr_array_unref);
  g_clear_pointer (&self->live_log, g_ptr_array_unref);
  g_clear_pointer (&self->signing_secret, g_free);
}

void
govorun_elevenlabs_emulator_set_conversation_timing (GovorunElevenlabsEmulator *self,
                                                     guint                      ping_interval_ms,
                                                     guint                      silence_ms,
                                                     guint                      speech_ms_per_char)
{
  g_return_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->ping_interval_ms = MAX (ping_interval_ms, 10);
  self->silence_ms = silence_ms;
  self->speech_ms_per_char = MAX (speech_ms_per_char, 1);
  g_mutex_unlock (&self->lock);
}

void
govorun_elevenlabs_emulator_set_extra_events (GovorunElevenlabsEmulator *self,
                                              gboolean                   extra)
{
  g_return_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->extra_events = extra;
  g_mutex_unlock (&self->lock);
}

GStrv
govorun_elevenlabs_emulator_dup_conversation_log (GovorunElevenlabsEmulator *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->live_log->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->live_log, i));
  g_mutex_unlock (&self->lock);

  return g_strv_builder_end (builder);
}

/**
 * govorun_elevenlabs_emulator_add_phone_conversation:
 *
 * The conversation a "call me" session of the Voximplant emulator holds:
 * the agent whose id appears in @scenario_script (the generated scenario
 * names it), starting after @ring_ms and lasting @talk_ms, with the
 * scripted dialogue. Listed once it has ended.
 *
 * Returns: (transfer full) (nullable): its id, or NULL when no agent of
 * ours is named in the script
 */
char *
govorun_elevenlabs_emulator_add_phone_conversation (GovorunElevenlabsEmulator *self,
                                                    const char                *scenario_script,
                                                    const char                *remote_number,
                                                    guint                      ring_ms,
                                                    guint                      talk_ms)
{
  EmuLiveConversation *conv = NULL;
  EmuAgent *agent = NULL;

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), NULL);

  if (scenario_script == NULL)
    return NULL;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->agents->len && agent == NULL; i++)
    if (strstr (scenario_script, ((EmuAgent *) g_ptr_array_index (self->agents, i))->agent_id) != NULL)
      agent = g_ptr_array_index (self->agents, i);

  if (agent != NULL)
    {
      JsonObject *config = json_object_get_object_member (json_node_get_object (agent->conversation_config), "agent");
      gboolean russian = g_strcmp0 (json_object_get_string_member_with_default (config, "language", "en"), "ru") == 0;
      const DialogueStep *steps = russian ? dialogue_ru : dialogue_en;
      JsonObject *variables = json_object_new ();

      conv = g_new0 (EmuLiveConversation, 1);
      conv->conversation_id = g_strconcat ("conv_", el_emu_random_alnum (26), NULL);
      conv->agent_id = g_strdup (agent->agent_id);
      conv->start_unix = g_get_real_time () / G_USEC_PER_SEC + ring_ms / 1000;
      conv->start_us = g_get_monotonic_time () + (gint64) ring_ms * 1000;
      conv->duration_secs = MAX (1, talk_ms / 1000);
      conv->done = TRUE;
      conv->termination_reason = g_strdup ("end_call tool was called.");
      conv->turns = g_ptr_array_new ();
      for (guint i = 0; i < 3; i++)
        for (guint side = 0; side < 2; side++)
          {
            EmuLiveTurn *turn = g_new0 (EmuLiveTurn, 1);

            turn->agent = side == 1;
            turn->message = g_strdup (side == 1 ? steps[i].agent : steps[i].user);
            turn->time_in_call_secs = MIN (conv->duration_secs, i * 2 + side);
            g_ptr_array_add (conv->turns, turn);
          }
      json_object_set_string_member (variables, "called_number", remote_number);
      json_object_set_string_member (variables, "direction", "outbound");
      conv->dynamic_variables = json_node_init_object (json_node_alloc (), variables);
      json_object_unref (variables);
      g_ptr_array_add (self->live, conv);
    }
  g_mutex_unlock (&self->lock);

  return conv != NULL ? g_strdup (conv->conversation_id) : NULL;
}

gboolean
govorun_elevenlabs_emulator_set_agent_auth (GovorunElevenlabsEmulator *self,
                                            const char                *agent_id,
                                            gboolean                   enable_auth,
                                            const char * const        *allowed_overrides)
{
  EmuAgent *agent;

  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self), FALSE);

  g_mutex_lock (&self->lock);
  agent = g_hash_table_lookup (self->agents_by_id, agent_id);
  if (agent != NULL)
    {
      JsonObject *settings = json_node_get_object (agent->platform_settings);
      JsonObject *allowed = json_object_get_object_member (json_object_get_object_member (settings, "overrides"),
                                                           "conversation_config_override");

      json_object_set_boolean_member (json_object_get_object_member (settings, "auth"), "enable_auth", enable_auth);
      for (guint i = 0; override_paths[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (override_paths[i], ".", -1);
          JsonObject *object = allowed;
          guint n = g_strv_length (parts);

          for (guint j = 0; j + 1 < n; j++)
            {
              if (!json_object_has_member (object, parts[j]))
                json_object_set_object_member (object, parts[j], json_object_new ());
              object = json_object_get_object_member (object, parts[j]);
            }
          json_object_set_boolean_member (object, parts[n - 1],
                                          allowed_overrides != NULL &&
                                          g_strv_contains (allowed_overrides, override_paths[i]));
        }
    }
  g_mutex_unlock (&self->lock);

  return agent != NULL;
}
