/* govorun-waveform.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-media.h"

G_BEGIN_DECLS

/*
 * The loudness outline of an audio file: @n_peaks peak values (0 … 1) per
 * channel, each the largest absolute sample of an equal slice of the file.
 * Decoded on a worker thread, so a long recording never blocks the UI.
 */

typedef struct
{
  guint   n_channels;
  guint   n_peaks;
  float  *peaks;        /* n_channels × n_peaks, channel after channel */
  gint64  duration_ms;
} GovorunWaveform;

#define GOVORUN_TYPE_WAVEFORM (govorun_waveform_get_type ())

GType            govorun_waveform_get_type   (void) G_GNUC_CONST;
GovorunWaveform *govorun_waveform_copy       (const GovorunWaveform *waveform);
void             govorun_waveform_free       (GovorunWaveform       *waveform);
float            govorun_waveform_get_peak   (const GovorunWaveform *waveform,
                                              guint                  channel,
                                              guint                  index);
/* The index of the peak that covers @position_ms. */
guint            govorun_waveform_index_at   (const GovorunWaveform *waveform,
                                              gint64                 position_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunWaveform, govorun_waveform_free)

/* Decodes @path into @n_peaks peaks per channel (1 … 100,000). */
void             govorun_waveform_load_async  (const char          *path,
                                               guint                n_peaks,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GovorunWaveform *govorun_waveform_load_finish (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
