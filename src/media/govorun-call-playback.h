/* govorun-call-playback.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GovorunCallPlayback plays the agent's side of a test call: raw audio in
 * the format the conversation announced ("pcm_<rate>" or "ulaw_8000") →
 * audioconvert/audioresample → volume → the speakers (autoaudiosink, or the
 * element description in $GOVORUN_AUDIO_SINK, e.g. "wavenc ! filesink
 * location=agent.wav" in tests).
 *
 * Audio waits in our own queue and is handed to GStreamer only as it plays
 * (about 100 ms ahead), so flush() — an interruption — drops everything the
 * agent said that has not been heard yet.
 *
 * Signals: ::failed (GError *error) when the output fails.
 */

#define GOVORUN_TYPE_CALL_PLAYBACK (govorun_call_playback_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallPlayback, govorun_call_playback, GOVORUN, CALL_PLAYBACK, GObject)

GovorunCallPlayback *govorun_call_playback_new            (void);
gboolean             govorun_call_playback_start          (GovorunCallPlayback *self,
                                                           const char          *format,
                                                           GError             **error);
/* @received_us: when its frame arrived (g_get_monotonic_time()), for the
 * latency figures; 0 when unknown. */
void                 govorun_call_playback_push           (GovorunCallPlayback *self,
                                                           GBytes              *audio,
                                                           gint64               received_us);
/* Drops the queued audio (an interruption). */
void                 govorun_call_playback_flush          (GovorunCallPlayback *self);
/* Bytes waiting in our queue. */
gsize                govorun_call_playback_get_queued     (GovorunCallPlayback *self);
double               govorun_call_playback_get_volume     (GovorunCallPlayback *self);
void                 govorun_call_playback_set_volume     (GovorunCallPlayback *self,
                                                           double               volume);
/* Ends the stream (what is queued still plays, so a file sink gets a whole
 * file), waits for it to reach the sink (at most 5 s), then stops. */
void                 govorun_call_playback_stop_async     (GovorunCallPlayback *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean             govorun_call_playback_stop_finish    (GovorunCallPlayback *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* Microseconds from a frame's arrival to its audio leaving our chain for
 * the sink, one per buffer since the last call (transfer full, gint64). */
GArray              *govorun_call_playback_take_latencies (GovorunCallPlayback *self);

G_END_DECLS
