/* govorun-call-capture.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GovorunCallCapture records the microphone for a test call: the source
 * (autoaudiosrc, or the element description in $GOVORUN_AUDIO_SOURCE, such
 * as "filesrc location=voice.wav ! wavparse" in tests) → mono at the
 * conversation's input rate (16-bit PCM, or μ-law for "ulaw_8000") → chunks
 * of a fixed duration, emitted on the main context that started it.
 *
 * Signals:
 *  ::chunk (GBytes *audio, gint64 captured_us): one chunk; captured_us is
 *    g_get_monotonic_time() when the buffer that completed it arrived.
 *  ::failed (GError *error): GOVORUN_MEDIA_ERROR_NO_MICROPHONE when the
 *    source fails, with a sentence for people.
 *  ::finished: a file source ended.
 * Properties: :level (0..1, the microphone's loudness, 0 while muted),
 * :muted (chunks carry silence).
 */

#define GOVORUN_TYPE_CALL_CAPTURE (govorun_call_capture_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallCapture, govorun_call_capture, GOVORUN, CALL_CAPTURE, GObject)

GovorunCallCapture *govorun_call_capture_new       (void);
/* @format: "pcm_<rate>" or "ulaw_8000"; @chunk_ms: 10..1000. */
gboolean            govorun_call_capture_start     (GovorunCallCapture *self,
                                                    const char         *format,
                                                    guint               chunk_ms,
                                                    GError            **error);
void                govorun_call_capture_stop      (GovorunCallCapture *self);
double              govorun_call_capture_get_level (GovorunCallCapture *self);
gboolean            govorun_call_capture_get_muted (GovorunCallCapture *self);
void                govorun_call_capture_set_muted (GovorunCallCapture *self,
                                                    gboolean            muted);

G_END_DECLS
