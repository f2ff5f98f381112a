/* govorun-call-history-audio.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "govorun-call-history-private.h"

/* The generated recordings: speech-like sound exactly where the transcript
 * puts each turn, so a player that follows the transcript can be checked
 * by ear and on a waveform. */

#define RATE       8000
#define HEADER     44
#define AMPLITUDE  9000.0

static void
put_u32 (guint8  *p,
         guint32  v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

static void
put_u16 (guint8  *p,
         guint16  v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
}

static void
write_header (guint8 *p,
              guint32 data_bytes)
{
  memcpy (p, "RIFF", 4);
  put_u32 (p + 4, 36 + data_bytes);
  memcpy (p + 8, "WAVEfmt ", 8);
  put_u32 (p + 16, 16);
  put_u16 (p + 20, 1);            /* PCM */
  put_u16 (p + 22, 1);            /* mono */
  put_u32 (p + 24, RATE);
  put_u32 (p + 28, RATE * 2);
  put_u16 (p + 32, 2);
  put_u16 (p + 34, 16);
  memcpy (p + 36, "data", 4);
  put_u32 (p + 40, data_bytes);
}

/* One turn: a voiced tone (the agent lower, the caller higher and
 * breathier) under a syllable-rate envelope. */
static void
render_turn (gint16                   *samples,
             gsize                     n_samples,
             const GovorunHistoryTurn *turn,
             guint64                   noise)
{
  double f0 = turn->agent ? 150.0 : 230.0;
  double breath = turn->agent ? 0.05 : 0.25;
  gsize from = (gsize) turn->time_in_call_secs * RATE;
  gsize to = MIN (n_samples, from + (gsize) turn->speech_secs * RATE);

  for (gsize i = from; i < to; i++)
    {
      double t = (double) (i - from) / RATE;
      double syllables = fabs (sin (G_PI * 4.0 * t));
      double edge = MIN (1.0, MIN (t, (double) (to - i) / RATE) * 20.0);
      double voice = sin (2 * G_PI * f0 * t) + 0.5 * sin (4 * G_PI * f0 * t) + 0.25 * sin (6 * G_PI * f0 * t);
      double hiss;

      noise = history_mix (noise);
      hiss = ((double) (noise >> 11) / 9007199254740992.0) * 2.0 - 1.0;
      samples[i] = (gint16) (AMPLITUDE * edge * (0.35 + 0.65 * syllables) * ((1 - breath) * voice / 1.75 + breath * hiss));
    }
}

GBytes *
govorun_call_history_render_audio (GovorunCallHistory       *self,
                                   const GovorunHistoryCall *call)
{
  g_autoptr(GArray) turns = NULL;
  gsize n_samples;
  guint8 *data;
  gint16 *samples;

  g_return_val_if_fail (GOVORUN_IS_CALL_HISTORY (self), NULL);
  g_return_val_if_fail (call != NULL, NULL);

  if (call->talk_secs == 0)
    return NULL;

  turns = govorun_call_history_get_turns (self, call);
  n_samples = (gsize) call->talk_secs * RATE;
  data = g_malloc0 (HEADER + n_samples * 2);
  write_header (data, n_samples * 2);
  samples = g_new0 (gint16, n_samples);
  for (guint i = 0; i < turns->len; i++)
    render_turn (samples, n_samples, &g_array_index (turns, GovorunHistoryTurn, i), call->noise + i);

  /* Little-endian on the wire whatever the host. */
  for (gsize i = 0; i < n_samples; i++)
    put_u16 (data + HEADER + i * 2, (guint16) samples[i]);
  g_free (samples);

  return g_bytes_new_take (data, HEADER + n_samples * 2);
}
