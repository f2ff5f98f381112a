/* govorun-player.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>

#include "govorun-player.h"
#include "govorun-media-private.h"

/* How often :position is read while playing: smooth enough for a cursor
 * and a highlight, cheap enough to leave running. */
#define POLL_INTERVAL_MS 50

/* playbin's GstPlayFlags (a plugin type, so not in a header): audio only,
 * volume in software so that it works on every sink. */
#define PLAY_FLAG_AUDIO       (1 << 1)
#define PLAY_FLAG_SOFT_VOLUME (1 << 4)

struct _GovorunPlayer
{
  GObject             parent_instance;

  GstElement         *playbin;
  guint               bus_watch;
  guint               poll_id;
  GovorunPlayerState  state;
  gboolean            want_play;     /* play was asked for while loading */
  gboolean            at_eos;
  gint64              pending_seek;  /* ms, or -1: a seek asked for while loading */
  gint64              position;      /* ms */
  gint64              duration;      /* ms, or -1 */
  double              rate;
  double              volume;
  gboolean            keeps_pitch;
};

G_DEFINE_ENUM_TYPE (GovorunPlayerState, govorun_player_state,
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAYER_STATE_EMPTY, "empty"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAYER_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAYER_STATE_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAYER_STATE_PLAYING, "playing"))

G_DEFINE_FINAL_TYPE (GovorunPlayer, govorun_player, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STATE,
  PROP_POSITION,
  PROP_DURATION,
  PROP_RATE,
  PROP_VOLUME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_EOS,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_state (GovorunPlayer      *self,
           GovorunPlayerState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_position (GovorunPlayer *self,
              gint64         position)
{
  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
read_position (GovorunPlayer *self)
{
  gint64 position;

  if (self->playbin != NULL && self->pending_seek < 0 &&
      gst_element_query_position (self->playbin, GST_FORMAT_TIME, &position) && position >= 0)
    set_position (self, position / GST_MSECOND);
}

static void
read_duration (GovorunPlayer *self)
{
  gint64 duration;

  if (self->playbin != NULL &&
      gst_element_query_duration (self->playbin, GST_FORMAT_TIME, &duration) && duration > 0 &&
      duration / GST_MSECOND != self->duration)
    {
      self->duration = duration / GST_MSECOND;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
    }
}

static gboolean
poll_position (gpointer data)
{
  read_position (data);
  return G_SOURCE_CONTINUE;
}

static void
set_polling (GovorunPlayer *self,
             gboolean       polling)
{
  if (polling && self->poll_id == 0)
    self->poll_id = g_timeout_add (POLL_INTERVAL_MS, poll_position, self);
  else if (!polling)
    g_clear_handle_id (&self->poll_id, g_source_remove);
}

static void
do_seek (GovorunPlayer *self,
         gint64         position_ms)
{
  gst_element_seek (self->playbin, self->rate, GST_FORMAT_TIME,
                    GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                    GST_SEEK_TYPE_SET, position_ms * GST_MSECOND,
                    GST_SEEK_TYPE_NONE, GST_CLOCK_TIME_NONE);
}

static void
start_playing (GovorunPlayer *self)
{
  gst_element_set_state (self->playbin, GST_STATE_PLAYING);
  set_state (self, GOVORUN_PLAYER_STATE_PLAYING);
  set_polling (self, TRUE);
}

static void
report_error (GovorunPlayer *self,
              GError        *error)
{
  govorun_player_unload (self);
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
}

static void
on_async_done (GovorunPlayer *self)
{
  read_duration (self);
  if (self->state != GOVORUN_PLAYER_STATE_LOADING)
    {
      read_position (self);
      return;
    }

  set_state (self, GOVORUN_PLAYER_STATE_PAUSED);
  /* The rate and a seek asked for while loading need a prerolled pipeline. */
  if (self->pending_seek >= 0 || self->rate != 1.0)
    {
      gint64 target = MAX (self->pending_seek, 0);

      self->pending_seek = -1;
      do_seek (self, target);
      set_position (self, target);
    }
  if (self->want_play)
    start_playing (self);
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    data)
{
  GovorunPlayer *self = data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) gst_error = NULL;
        g_autofree char *debug = NULL;
        g_autoptr(GError) error = NULL;

        gst_message_parse_error (message, &gst_error, &debug);
        error = _govorun_media_error_from_gst (gst_error, debug);
        report_error (self, error);
      }
      break;

    case GST_MESSAGE_EOS:
      gst_element_set_state (self->playbin, GST_STATE_PAUSED);
      set_polling (self, FALSE);
      self->at_eos = TRUE;
      self->want_play = FALSE;
      read_duration (self);
      if (self->duration > 0)
        set_position (self, self->duration);
      set_state (self, GOVORUN_PLAYER_STATE_PAUSED);
      g_signal_emit (self, signals[SIGNAL_EOS], 0);
      break;

    case GST_MESSAGE_ASYNC_DONE:
      on_async_done (self);
      break;

    case GST_MESSAGE_DURATION_CHANGED:
      read_duration (self);
      break;

    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

static GstElement *
make_sink (GError **error)
{
  const char *description = g_getenv ("GOVORUN_AUDIO_SINK");
  GstElement *sink;

  if (description != NULL && *description != '\0')
    {
      g_autoptr(GError) parse_error = NULL;

      sink = gst_parse_bin_from_description (description, TRUE, &parse_error);
      if (sink == NULL)
        g_propagate_error (error, _govorun_media_error_missing (description));
      return sink;
    }

  sink = gst_element_factory_make ("autoaudiosink", NULL);
  if (sink == NULL)
    g_propagate_error (error, _govorun_media_error_missing ("autoaudiosink"));
  return sink;
}

static gboolean
ensure_playbin (GovorunPlayer *self,
                GError       **error)
{
  g_autoptr(GstBus) bus = NULL;
  GstElement *sink;
  GstElement *tempo;

  if (self->playbin != NULL)
    return TRUE;
  if (!govorun_media_init (error))
    return FALSE;

  self->playbin = gst_element_factory_make ("playbin", NULL);
  if (self->playbin == NULL)
    {
      g_propagate_error (error, _govorun_media_error_missing ("playbin"));
      return FALSE;
    }
  gst_object_ref_sink (self->playbin);

  sink = make_sink (error);
  if (sink == NULL)
    {
      g_clear_pointer (&self->playbin, gst_object_unref);
      return FALSE;
    }
  /* Speech at 1.5× or 2× stays at its own pitch through scaletempo; without
   * it the speed still changes, higher. */
  tempo = gst_element_factory_make ("scaletempo", NULL);
  self->keeps_pitch = tempo != NULL;
  g_object_set (self->playbin,
                "audio-sink", sink,
                "flags", PLAY_FLAG_AUDIO | PLAY_FLAG_SOFT_VOLUME,
                "volume", self->volume,
                NULL);
  if (tempo != NULL)
    g_object_set (self->playbin, "audio-filter", tempo, NULL);

  bus = gst_element_get_bus (self->playbin);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);
  return TRUE;
}

gboolean
govorun_player_load (GovorunPlayer *self,
                     const char    *path,
                     GError       **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (GOVORUN_IS_PLAYER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  govorun_player_unload (self);
  if (!ensure_playbin (self, error))
    return FALSE;

  uri = _govorun_media_uri_for_path (path);
  g_object_set (self->playbin, "uri", uri, NULL);
  set_state (self, GOVORUN_PLAYER_STATE_LOADING);
  /* A file that cannot be read fails on the bus: the reason arrives as
   * "error". */
  gst_element_set_state (self->playbin, GST_STATE_PAUSED);
  return TRUE;
}

void
govorun_player_unload (GovorunPlayer *self)
{
  g_return_if_fail (GOVORUN_IS_PLAYER (self));

  set_polling (self, FALSE);
  if (self->playbin != NULL)
    gst_element_set_state (self->playbin, GST_STATE_NULL);
  self->want_play = FALSE;
  self->at_eos = FALSE;
  self->pending_seek = -1;
  set_position (self, 0);
  if (self->duration != -1)
    {
      self->duration = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
    }
  set_state (self, GOVORUN_PLAYER_STATE_EMPTY);
}

void
govorun_player_play (GovorunPlayer *self)
{
  g_return_if_fail (GOVORUN_IS_PLAYER (self));

  switch (self->state)
    {
    case GOVORUN_PLAYER_STATE_LOADING:
      self->want_play = TRUE;
      break;
    case GOVORUN_PLAYER_STATE_PAUSED:
      if (self->at_eos)
        govorun_player_seek (self, 0);
      start_playing (self);
      break;
    case GOVORUN_PLAYER_STATE_EMPTY:
    case GOVORUN_PLAYER_STATE_PLAYING:
    default:
      break;
    }
}

void
govorun_player_pause (GovorunPlayer *self)
{
  g_return_if_fail (GOVORUN_IS_PLAYER (self));

  self->want_play = FALSE;
  if (self->state != GOVORUN_PLAYER_STATE_PLAYING)
    return;
  gst_element_set_state (self->playbin, GST_STATE_PAUSED);
  set_polling (self, FALSE);
  read_position (self);
  set_state (self, GOVORUN_PLAYER_STATE_PAUSED);
}

void
govorun_player_toggle (GovorunPlayer *self)
{
  g_return_if_fail (GOVORUN_IS_PLAYER (self));

  if (self->state == GOVORUN_PLAYER_STATE_PLAYING ||
      (self->state == GOVORUN_PLAYER_STATE_LOADING && self->want_play))
    govorun_player_pause (self);
  else
    govorun_player_play (self);
}

void
govorun_player_seek (GovorunPlayer *self,
                     gint64         position_ms)
{
  g_return_if_fail (GOVORUN_IS_PLAYER (self));

  if (self->state == GOVORUN_PLAYER_STATE_EMPTY)
    return;
  position_ms = MAX (position_ms, 0);
  if (self->duration > 0)
    position_ms = MIN (position_ms, self->duration);
  self->at_eos = FALSE;
  if (self->state == GOVORUN_PLAYER_STATE_LOADING)
    {
      self->pending_seek = position_ms;
      set_position (self, position_ms);
      return;
    }
  do_seek (self, position_ms);
  set_position (self, position_ms);
}

GovorunPlayerState
govorun_player_get_state (GovorunPlayer *self)
{
  g_return_val_if_fail (GOVORUN_IS_PLAYER (self), GOVORUN_PLAYER_STATE_EMPTY);
  return self->state;
}

gint64
govorun_player_get_position (GovorunPlayer *self)
{
  g_return_val_if_fail (GOVORUN_IS_PLAYER (self), 0);
  return self->position;
}

gint64
govorun_player_get_duration (GovorunPlayer *self)
{
  g_return_val_if_fail (GOVORUN_IS_PLAYER (self), -1);
  return self->duration;
}

void
govorun_player_set_rate (GovorunPlayer *self,
                         double         rate)
{
  g_return_if_fail (GOVORUN_IS_PLAYER (self));

  rate = CLAMP (rate, 0.5, 2.0);
  if (G_APPROX_VALUE (rate, self->rate, 0.001))
    return;
  self->rate = rate;
  /* A rate is part of a seek: seek to where we are with the new one. */
  if (self->state == GOVORUN_PLAYER_STATE_PAUSED || self->state == GOVORUN_PLAYER_STATE_PLAYING)
    {
      read_position (self);
      do_seek (self, self->position);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

double
govorun_player_get_rate (GovorunPlayer *self)
{
  g_return_val_if_fail (GOVORUN_IS_PLAYER (self), 1.0);
  return self->rate;
}

void
govorun_player_set_volume (GovorunPlayer *self,
                           double         volume)
{
  g_return_if_fail (GOVORUN_IS_PLAYER (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (G_APPROX_VALUE (volume, self->volume, 0.0001))
    return;
  self->volume = volume;
  if (self->playbin != NULL)
    g_object_set (self->playbin, "volume", volume, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

double
govorun_player_get_volume (GovorunPlayer *self)
{
  g_return_val_if_fail (GOVORUN_IS_PLAYER (self), 1.0);
  return self->volume;
}

gboolean
govorun_player_get_keeps_pitch (GovorunPlayer *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GOVORUN_IS_PLAYER (self), FALSE);

  if (!ensure_playbin (self, &error))
    return FALSE;
  return self->keeps_pitch;
}

static void
govorun_player_dispose (GObject *object)
{
  GovorunPlayer *self = GOVORUN_PLAYER (object);

  set_polling (self, FALSE);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->playbin != NULL)
    {
      gst_element_set_state (self->playbin, GST_STATE_NULL);
      g_clear_pointer (&self->playbin, gst_object_unref);
    }
  G_OBJECT_CLASS (govorun_player_parent_class)->dispose (object);
}

static void
govorun_player_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GovorunPlayer *self = GOVORUN_PLAYER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;
    case PROP_DURATION:
      g_value_set_int64 (value, self->duration);
      break;
    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_player_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GovorunPlayer *self = GOVORUN_PLAYER (object);

  switch (prop_id)
    {
    case PROP_RATE:
      govorun_player_set_rate (self, g_value_get_double (value));
      break;
    case PROP_VOLUME:
      govorun_player_set_volume (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_player_class_init (GovorunPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_player_dispose;
  object_class->get_property = govorun_player_get_property;
  object_class->set_property = govorun_player_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, GOVORUN_TYPE_PLAYER_STATE, GOVORUN_PLAYER_STATE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, 0.5, 2.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_EOS] =
    g_signal_new ("eos", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
govorun_player_init (GovorunPlayer *self)
{
  self->pending_seek = -1;
  self->duration = -1;
  self->rate = 1.0;
  self->volume = 1.0;
}

GovorunPlayer *
govorun_player_new (void)
{
  return g_object_new (GOVORUN_TYPE_PLAYER, NULL);
}
