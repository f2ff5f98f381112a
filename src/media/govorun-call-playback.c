/* govorun-call-playback.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallPlayback"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsrc.h>

#include "govorun-call-playback.h"
#include "govorun-media-private.h"
#include "govorun-media.h"
#include "govorun-util.h"

/* The agent's voice. appsrc holds at most AHEAD_MS of audio; the rest
 * waits in self->queue, which an interruption clears. */

#define AHEAD_MS        100
#define STOP_TIMEOUT_MS 5000

typedef struct
{
  GBytes *audio;
  gint64  received_us;
} Queued;

struct _GovorunCallPlayback
{
  GObject       parent_instance;

  GstElement   *pipeline;
  GstElement   *appsrc;
  GstElement   *volume_element;
  GMainContext *context;
  guint         bus_watch;
  GQueue        queue;          /* Queued* */
  gsize         queued_bytes;
  guint         bytes_per_second;
  guint64       ahead_bytes;
  GstClockTime  next_pts;
  GstCaps      *stamp_caps;     /* marks our arrival stamps */
  double        volume;
  GTask        *stop_task;
  GSource      *stop_timeout;

  GMutex        latency_lock;   /* written on the streaming thread */
  GArray       *latencies;
};

G_DEFINE_FINAL_TYPE (GovorunCallPlayback, govorun_call_playback, G_TYPE_OBJECT)

enum {
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
queued_free (Queued *queued)
{
  g_bytes_unref (queued->audio);
  g_free (queued);
}

/* Feeds appsrc up to AHEAD_MS; runs on the main context. */
static void
pump (GovorunCallPlayback *self)
{
  while (self->pipeline != NULL && !g_queue_is_empty (&self->queue) &&
         gst_app_src_get_current_level_bytes (GST_APP_SRC (self->appsrc)) < self->ahead_bytes)
    {
      Queued *queued = g_queue_pop_head (&self->queue);
      gsize size = g_bytes_get_size (queued->audio);
      GstBuffer *buffer = gst_buffer_new_wrapped_bytes (queued->audio);
      GstClockTime duration = gst_util_uint64_scale (size, GST_SECOND, self->bytes_per_second);
      GstClockTime now = GST_CLOCK_TIME_NONE;
      GstClock *clock = gst_element_get_clock (self->pipeline);

      /* Contiguous while audio keeps coming; after a pause, from now. */
      if (clock != NULL)
        {
          GstClockTime base = gst_element_get_base_time (self->pipeline);
          GstClockTime at = gst_clock_get_time (clock);

          now = at > base ? at - base : 0;
          gst_object_unref (clock);
        }
      if (GST_CLOCK_TIME_IS_VALID (now) && now > self->next_pts)
        self->next_pts = now;
      GST_BUFFER_PTS (buffer) = self->next_pts;
      GST_BUFFER_DURATION (buffer) = duration;
      self->next_pts += duration;
      if (queued->received_us > 0)
        gst_buffer_add_reference_timestamp_meta (buffer, self->stamp_caps,
                                                 (GstClockTime) queued->received_us * GST_USECOND,
                                                 GST_CLOCK_TIME_NONE);
      self->queued_bytes -= size;
      queued_free (queued);   /* the buffer holds its own reference */
      gst_app_src_push_buffer (GST_APP_SRC (self->appsrc), buffer);
    }
}

static gboolean
pump_idle (gpointer user_data)
{
  pump (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_need_data (GstAppSrc *src,
              guint      length,
              gpointer   user_data)
{
  GovorunCallPlayback *self = user_data;

  govorun_context_post (self->context, G_PRIORITY_HIGH, pump_idle,
                        g_object_ref (self), g_object_unref);
}

/* Where audio leaves our chain: the figure the benchmark prints. */
static GstPadProbeReturn
on_leaving (GstPad          *pad,
            GstPadProbeInfo *info,
            gpointer         user_data)
{
  GovorunCallPlayback *self = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  GstReferenceTimestampMeta *meta;

  if (buffer == NULL ||
      (meta = gst_buffer_get_reference_timestamp_meta (buffer, self->stamp_caps)) == NULL)
    return GST_PAD_PROBE_OK;

  {
    gint64 latency = g_get_monotonic_time () - (gint64) (meta->timestamp / GST_USECOND);

    g_mutex_lock (&self->latency_lock);
    g_array_append_val (self->latencies, latency);
    g_mutex_unlock (&self->latency_lock);
  }

  return GST_PAD_PROBE_OK;
}

static void
finish_stop (GovorunCallPlayback *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->stop_task);

  if (self->stop_timeout != NULL)
    {
      g_source_destroy (self->stop_timeout);
      g_clear_pointer (&self->stop_timeout, g_source_unref);
    }
  if (self->bus_watch != 0)
    {
      GstBus *bus = gst_element_get_bus (self->pipeline);

      gst_bus_remove_watch (bus);
      gst_object_unref (bus);
      self->bus_watch = 0;
    }
  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      g_clear_object (&self->pipeline);
    }
  g_clear_object (&self->appsrc);
  g_clear_object (&self->volume_element);
  g_queue_clear_full (&self->queue, (GDestroyNotify) queued_free);
  self->queued_bytes = 0;

  if (task != NULL)
    g_task_return_boolean (task, TRUE);
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  GovorunCallPlayback *self = user_data;

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
    {
      self->bus_watch = 0;
      finish_stop (self);
      return G_SOURCE_REMOVE;
    }

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;
      g_autofree char *debug = NULL;
      g_autoptr(GError) error = NULL;

      gst_message_parse_error (message, &gst_error, &debug);
      error = g_error_new (GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_OUTPUT,
                           _("The agent cannot be heard: the speakers could not be used. Check the sound output in the system settings. (%s)"),
                           gst_error->message);
      g_debug ("Playback failed: %s", debug);
      self->bus_watch = 0;
      finish_stop (self);
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

gboolean
govorun_call_playback_start (GovorunCallPlayback  *self,
                             const char           *format,
                             GError              **error)
{
  const char *sink = g_getenv ("GOVORUN_AUDIO_SINK");
  gboolean ulaw = g_strcmp0 (format, "ulaw_8000") == 0;
  guint64 rate = 8000;
  g_autofree char *caps = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstPad) pad = NULL;
  GstAppSrcCallbacks callbacks = { 0 };

  g_return_val_if_fail (GOVORUN_IS_CALL_PLAYBACK (self), FALSE);
  g_return_val_if_fail (self->pipeline == NULL, FALSE);

  if (!govorun_media_init (error))
    return FALSE;

  if (!ulaw && (format == NULL || !g_str_has_prefix (format, "pcm_") ||
                !g_ascii_string_to_unsigned (format + 4, 10, 8000, 48000, &rate, NULL)))
    {
      g_set_error (error, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_DECODE,
                   _("The agent speaks in an audio format Govorun cannot play (%s)."),
                   format != NULL ? format : "?");
      return FALSE;
    }

  caps = ulaw ? g_strdup ("audio/x-mulaw,rate=8000,channels=1")
              : g_strdup_printf ("audio/x-raw,format=S16LE,layout=interleaved,channels=1,rate=%u", (guint) rate);
  description = g_strdup_printf ("appsrc name=src format=time is-live=true caps=\"%s\" ! %s "
                                 "audioconvert ! audioresample ! volume name=volume ! %s",
                                 caps, ulaw ? "mulawdec !" : "",
                                 sink != NULL && *sink != '\0' ? sink : "autoaudiosink");
  pipeline = gst_parse_launch (description, &parse_error);
  if (pipeline == NULL || parse_error != NULL)
    {
      g_set_error (error, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_MISSING_PLUGIN,
                   _("The agent cannot be heard: Govorun’s sound output could not be set up. (%s)"),
                   parse_error != NULL ? parse_error->message : "?");
      return FALSE;
    }
  gst_object_ref_sink (pipeline);

  self->appsrc = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  self->volume_element = gst_bin_get_by_name (GST_BIN (pipeline), "volume");
  g_object_set (self->volume_element, "volume", self->volume, NULL);
  self->bytes_per_second = ulaw ? 8000 : (guint) rate * 2;
  self->ahead_bytes = (guint64) self->bytes_per_second * AHEAD_MS / 1000;
  self->next_pts = 0;
  g_object_set (self->appsrc, "max-bytes", (guint64) self->ahead_bytes * 4, "block", FALSE, NULL);
  callbacks.need_data = on_need_data;
  gst_app_src_set_callbacks (GST_APP_SRC (self->appsrc), &callbacks, self, NULL);

  pad = gst_element_get_static_pad (self->volume_element, "src");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_leaving, self, NULL);

  self->context = g_main_context_ref_thread_default ();
  bus = gst_element_get_bus (pipeline);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);
  self->pipeline = g_steal_pointer (&pipeline);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      finish_stop (self);
      g_set_error_literal (error, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_OUTPUT,
                           _("The agent cannot be heard: the speakers could not be used. Check the sound output in the system settings."));
      return FALSE;
    }

  return TRUE;
}

void
govorun_call_playback_push (GovorunCallPlayback *self,
                            GBytes              *audio,
                            gint64               received_us)
{
  Queued *queued;

  g_return_if_fail (GOVORUN_IS_CALL_PLAYBACK (self));

  if (self->pipeline == NULL || self->stop_task != NULL || g_bytes_get_size (audio) == 0)
    return;

  queued = g_new0 (Queued, 1);
  queued->audio = g_bytes_ref (audio);
  queued->received_us = received_us;
  g_queue_push_tail (&self->queue, queued);
  self->queued_bytes += g_bytes_get_size (audio);
  pump (self);
}

void
govorun_call_playback_flush (GovorunCallPlayback *self)
{
  g_return_if_fail (GOVORUN_IS_CALL_PLAYBACK (self));

  g_queue_clear_full (&self->queue, (GDestroyNotify) queued_free);
  self->queued_bytes = 0;
}

gsize
govorun_call_playback_get_queued (GovorunCallPlayback *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_PLAYBACK (self), 0);
  return self->queued_bytes;
}

double
govorun_call_playback_get_volume (GovorunCallPlayback *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_PLAYBACK (self), 0.0);
  return self->volume;
}

void
govorun_call_playback_set_volume (GovorunCallPlayback *self,
                                  double               volume)
{
  g_return_if_fail (GOVORUN_IS_CALL_PLAYBACK (self));

  self->volume = CLAMP (volume, 0.0, 1.0);
  if (self->volume_element != NULL)
    g_object_set (self->volume_element, "volume", self->volume, NULL);
}

/* What is still queued is handed over as fast as appsrc takes it. */
static gboolean
drain_then_eos (gpointer user_data)
{
  GovorunCallPlayback *self = user_data;

  if (self->pipeline == NULL)
    return G_SOURCE_REMOVE;

  pump (self);
  if (!g_queue_is_empty (&self->queue))
    return G_SOURCE_CONTINUE;

  gst_app_src_end_of_stream (GST_APP_SRC (self->appsrc));
  return G_SOURCE_REMOVE;
}

static gboolean
on_stop_timeout (gpointer user_data)
{
  GovorunCallPlayback *self = user_data;

  g_debug ("The stream did not end in time; stopping anyway");
  g_clear_pointer (&self->stop_timeout, g_source_unref);
  finish_stop (self);
  return G_SOURCE_REMOVE;
}

void
govorun_call_playback_stop_async (GovorunCallPlayback *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GSource *source;

  g_return_if_fail (GOVORUN_IS_CALL_PLAYBACK (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_call_playback_stop_async);

  if (self->pipeline == NULL || self->stop_task != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->stop_task = g_steal_pointer (&task);
  self->stop_timeout = g_timeout_source_new (STOP_TIMEOUT_MS);
  g_source_set_callback (self->stop_timeout, on_stop_timeout, self, NULL);
  g_source_attach (self->stop_timeout, self->context);

  source = g_timeout_source_new (10);
  g_source_set_callback (source, drain_then_eos, g_object_ref (self), g_object_unref);
  g_source_attach (source, self->context);
  g_source_unref (source);
  drain_then_eos (self);
}

gboolean
govorun_call_playback_stop_finish (GovorunCallPlayback  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_PLAYBACK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_call_playback_stop_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GArray *
govorun_call_playback_take_latencies (GovorunCallPlayback *self)
{
  GArray *out;

  g_return_val_if_fail (GOVORUN_IS_CALL_PLAYBACK (self), NULL);

  g_mutex_lock (&self->latency_lock);
  out = self->latencies;
  self->latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_mutex_unlock (&self->latency_lock);

  return out;
}

static void
govorun_call_playback_dispose (GObject *object)
{
  GovorunCallPlayback *self = GOVORUN_CALL_PLAYBACK (object);

  finish_stop (self);
  g_clear_pointer (&self->context, g_main_context_unref);
  G_OBJECT_CLASS (govorun_call_playback_parent_class)->dispose (object);
}

static void
govorun_call_playback_finalize (GObject *object)
{
  GovorunCallPlayback *self = GOVORUN_CALL_PLAYBACK (object);

  g_array_unref (self->latencies);
  g_mutex_clear (&self->latency_lock);
  gst_caps_unref (self->stamp_caps);
  G_OBJECT_CLASS (govorun_call_playback_parent_class)->finalize (object);
}

static void
govorun_call_playback_class_init (GovorunCallPlaybackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_call_playback_dispose;
  object_class->finalize = govorun_call_playback_finalize;

  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
govorun_call_playback_init (GovorunCallPlayback *self)
{
  g_queue_init (&self->queue);
  g_mutex_init (&self->latency_lock);
  self->latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->volume = 1.0;
}

GovorunCallPlayback *
govorun_call_playback_new (void)
{
  if (!govorun_media_init (NULL))
    g_debug ("GStreamer did not start; start() will say why");
  {
    GovorunCallPlayback *self = g_object_new (GOVORUN_TYPE_CALL_PLAYBACK, NULL);

    self->stamp_caps = gst_caps_new_empty_simple ("timestamp/x-govorun-received");
    return self;
  }
}
