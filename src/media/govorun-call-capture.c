/* govorun-call-capture.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallCapture"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>

#include "govorun-call-capture.h"
#include "govorun-media-private.h"
#include "govorun-media.h"
#include "govorun-util.h"

/* The microphone side of a test call. Chunks are cut on the streaming
 * thread and handed to the main context; the level comes from GStreamer's
 * level element on the bus. */

#define LEVEL_INTERVAL_NS (50 * GST_MSECOND)
/* Quieter than this (dBFS) shows as an empty meter. */
#define LEVEL_FLOOR_DB    -60.0

struct _GovorunCallCapture
{
  GObject       parent_instance;

  GstElement   *pipeline;
  GstElement   *volume;
  GMainContext *context;
  guint         bus_watch;
  gboolean      started_flowing;

  GMutex        lock;           /* pending and chunk_bytes, from the streaming thread */
  GByteArray   *pending;
  gsize         chunk_bytes;

  double        level;
  gboolean      muted;
};

G_DEFINE_FINAL_TYPE (GovorunCallCapture, govorun_call_capture, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEVEL,
  PROP_MUTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHUNK,
  SIGNAL_FAILED,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GovorunCallCapture *self;
  GBytes             *audio;
  gint64              captured_us;
} Chunk;

static gboolean
emit_chunk (gpointer user_data)
{
  Chunk *chunk = user_data;

  if (chunk->self->pipeline != NULL)
    g_signal_emit (chunk->self, signals[SIGNAL_CHUNK], 0, chunk->audio, chunk->captured_us);
  return G_SOURCE_REMOVE;
}

static void
chunk_free (Chunk *chunk)
{
  g_object_unref (chunk->self);
  g_bytes_unref (chunk->audio);
  g_free (chunk);
}

static GstFlowReturn
on_new_sample (GstAppSink *sink,
               gpointer    user_data)
{
  GovorunCallCapture *self = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstBuffer *buffer;
  GstMapInfo map;
  gint64 now = g_get_monotonic_time ();
  GPtrArray *ready = g_ptr_array_new ();

  if (sample == NULL || (buffer = gst_sample_get_buffer (sample)) == NULL ||
      !gst_buffer_map (buffer, &map, GST_MAP_READ))
    {
      g_ptr_array_unref (ready);
      return GST_FLOW_OK;
    }

  g_mutex_lock (&self->lock);
  g_byte_array_append (self->pending, map.data, map.size);
  while (self->chunk_bytes > 0 && self->pending->len >= self->chunk_bytes)
    {
      g_ptr_array_add (ready, g_bytes_new (self->pending->data, self->chunk_bytes));
      g_byte_array_remove_range (self->pending, 0, self->chunk_bytes);
    }
  g_mutex_unlock (&self->lock);
  gst_buffer_unmap (buffer, &map);

  for (guint i = 0; i < ready->len; i++)
    {
      Chunk *chunk = g_new0 (Chunk, 1);

      chunk->self = g_object_ref (self);
      chunk->audio = g_ptr_array_index (ready, i);
      chunk->captured_us = now;
      govorun_context_post (self->context, G_PRIORITY_HIGH, emit_chunk, chunk, (GDestroyNotify) chunk_free);
    }
  g_ptr_array_unref (ready);

  return GST_FLOW_OK;
}

static GError *
no_microphone (const GError *gst_error)
{
  return g_error_new (GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_NO_MICROPHONE,
                      _("No microphone could be opened. Connect a microphone, allow Govorun to use it in the system’s privacy settings, and try again. (%s)"),
                      gst_error != NULL ? gst_error->message : "no source");
}

static void
set_level (GovorunCallCapture *self,
           double              level)
{
  if (fabs (self->level - level) < 0.005)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  GovorunCallCapture *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ELEMENT:
      {
        const GstStructure *s = gst_message_get_structure (message);
        const GValue *rms;

        if (!gst_structure_has_name (s, "level") || (rms = gst_structure_get_value (s, "rms")) == NULL)
          break;

        /* level's "rms" is a GValueArray, deprecated in GLib but still
         * what the element posts. */
        G_GNUC_BEGIN_IGNORE_DEPRECATIONS
        {
          GValueArray *channels = g_value_get_boxed (rms);

          if (channels != NULL && channels->n_values > 0)
            {
              double db = g_value_get_double (g_value_array_get_nth (channels, 0));

              set_level (self, self->muted ? 0.0 : CLAMP ((db - LEVEL_FLOOR_DB) / -LEVEL_FLOOR_DB, 0.0, 1.0));
            }
        }
        G_GNUC_END_IGNORE_DEPRECATIONS
        self->started_flowing = TRUE;
      }
      break;

    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) gst_error = NULL;
        g_autofree char *debug = NULL;
        g_autoptr(GError) error = NULL;

        gst_message_parse_error (message, &gst_error, &debug);
        g_debug ("Capture failed: %s (%s)", gst_error->message, debug);
        error = no_microphone (gst_error);
        govorun_call_capture_stop (self);
        g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
        return G_SOURCE_REMOVE;
      }

    case GST_MESSAGE_EOS:
      set_level (self, 0.0);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

gboolean
govorun_call_capture_start (GovorunCallCapture  *self,
                            const char          *format,
                            guint                chunk_ms,
                            GError             **error)
{
  const char *source = g_getenv ("GOVORUN_AUDIO_SOURCE");
  gboolean from_file = source != NULL && *source != '\0';
  gboolean ulaw = g_strcmp0 (format, "ulaw_8000") == 0;
  guint64 rate = 16000;
  g_autofree char *description = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstAppSinkCallbacks callbacks = { 0 };

  g_return_val_if_fail (GOVORUN_IS_CALL_CAPTURE (self), FALSE);
  g_return_val_if_fail (self->pipeline == NULL, FALSE);
  g_return_val_if_fail (chunk_ms >= 10 && chunk_ms <= 1000, FALSE);

  if (!govorun_media_init (error))
    return FALSE;

  if (!ulaw && (format == NULL || !g_str_has_prefix (format, "pcm_") ||
                !g_ascii_string_to_unsigned (format + 4, 10, 8000, 48000, &rate, NULL)))
    {
      g_set_error (error, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_DECODE,
                   _("The agent asked for microphone audio in a format Govorun cannot record (%s)."),
                   format != NULL ? format : "?");
      return FALSE;
    }
  if (ulaw)
    rate = 8000;

  /* A file stands in for a microphone only when it is played at its own
   * pace: sync on the sink. A real microphone is paced by itself. */
  description = g_strdup_printf ("%s ! queue ! audioconvert ! audioresample ! "
                                 "audio/x-raw,format=S16LE,layout=interleaved,channels=1,rate=%u ! "
                                 "volume name=mute ! level name=level interval=%" G_GUINT64_FORMAT " post-messages=true ! "
                                 "%s appsink name=sink sync=%s max-buffers=100",
                                 from_file ? source : "autoaudiosrc",
                                 (guint) rate, (guint64) LEVEL_INTERVAL_NS,
                                 ulaw ? "mulawenc !" : "",
                                 from_file ? "true" : "false");
  pipeline = gst_parse_launch (description, &parse_error);
  if (pipeline == NULL || parse_error != NULL)
    {
      g_propagate_error (error, no_microphone (parse_error));
      return FALSE;
    }
  gst_object_ref_sink (pipeline);

  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  self->volume = gst_bin_get_by_name (GST_BIN (pipeline), "mute");
  g_object_set (self->volume, "mute", self->muted, NULL);
  callbacks.new_sample = on_new_sample;
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);

  g_mutex_lock (&self->lock);
  g_byte_array_set_size (self->pending, 0);
  self->chunk_bytes = (gsize) rate * chunk_ms / 1000 * (ulaw ? 1 : 2);
  g_mutex_unlock (&self->lock);

  self->context = g_main_context_ref_thread_default ();
  bus = gst_element_get_bus (pipeline);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);
  self->pipeline = g_steal_pointer (&pipeline);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
      g_autoptr(GError) gst_error = NULL;

      if (message != NULL)
        gst_message_parse_error (message, &gst_error, NULL);
      govorun_call_capture_stop (self);
      g_propagate_error (error, no_microphone (gst_error));
      return FALSE;
    }

  return TRUE;
}

void
govorun_call_capture_stop (GovorunCallCapture *self)
{
  g_return_if_fail (GOVORUN_IS_CALL_CAPTURE (self));

  if (self->bus_watch != 0)
    {
      GSource *source = g_main_context_find_source_by_id (self->context, self->bus_watch);

      if (source != NULL)
        g_source_destroy (source);
      self->bus_watch = 0;
    }
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      g_clear_object (&self->pipeline);
    }
  g_clear_object (&self->volume);
  g_clear_pointer (&self->context, g_main_context_unref);
  set_level (self, 0.0);
}

double
govorun_call_capture_get_level (GovorunCallCapture *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_CAPTURE (self), 0.0);
  return self->level;
}

gboolean
govorun_call_capture_get_muted (GovorunCallCapture *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_CAPTURE (self), FALSE);
  return self->muted;
}

void
govorun_call_capture_set_muted (GovorunCallCapture *self,
                                gboolean            muted)
{
  g_return_if_fail (GOVORUN_IS_CALL_CAPTURE (self));

  muted = !!muted;
  if (self->muted == muted)
    return;
  self->muted = muted;
  if (self->volume != NULL)
    g_object_set (self->volume, "mute", muted, NULL);
  if (muted)
    set_level (self, 0.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
}

static void
govorun_call_capture_dispose (GObject *object)
{
  govorun_call_capture_stop (GOVORUN_CALL_CAPTURE (object));
  G_OBJECT_CLASS (govorun_call_capture_parent_class)->dispose (object);
}

static void
govorun_call_capture_finalize (GObject *object)
{
  GovorunCallCapture *self = GOVORUN_CALL_CAPTURE (object);

  g_byte_array_unref (self->pending);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (govorun_call_capture_parent_class)->finalize (object);
}

static void
govorun_call_capture_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GovorunCallCapture *self = GOVORUN_CALL_CAPTURE (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_double (value, self->level);
      break;
    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_call_capture_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_MUTED:
      govorun_call_capture_set_muted (GOVORUN_CALL_CAPTURE (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_call_capture_class_init (GovorunCallCaptureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_call_capture_dispose;
  object_class->finalize = govorun_call_capture_finalize;
  object_class->get_property = govorun_call_capture_get_property;
  object_class->set_property = govorun_call_capture_set_property;

  properties[PROP_LEVEL] = g_param_spec_double ("level", NULL, NULL, 0.0, 1.0, 0.0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MUTED] = g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHUNK] = g_signal_new ("chunk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_BYTES, G_TYPE_INT64);
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
govorun_call_capture_init (GovorunCallCapture *self)
{
  g_mutex_init (&self->lock);
  self->pending = g_byte_array_new ();
}

GovorunCallCapture *
govorun_call_capture_new (void)
{
  return g_object_new (GOVORUN_TYPE_CALL_CAPTURE, NULL);
}
