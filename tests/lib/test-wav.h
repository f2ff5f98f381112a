/* test-wav.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mono 16-bit WAV files for the tests that stand a file in for a
 * microphone or the speakers (GLib only).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Speech-like bursts and silence at @rate: @pattern_ms alternates
 * silence, speech, silence, speech … (ms), ending with 0. */
GBytes  *test_wav_voice (guint        rate,
                         const guint *pattern_ms);
/* Writes @pcm (16-bit little-endian mono) as a WAV file. */
void     test_wav_write (const char  *path,
                         guint        rate,
                         GBytes      *pcm);
/* The PCM data of a WAV file written by GStreamer's wavenc or by
 * test_wav_write; sets the header's rate, channels and bits. */
GBytes  *test_wav_read  (const char  *path,
                         guint       *rate,
                         guint       *channels,
                         guint       *bits);

G_END_DECLS
