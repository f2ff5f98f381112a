/* govorun-waveform-view.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "govorun-waveform.h"

G_BEGIN_DECLS

/*
 * The recording drawn as bars, each coloured by who speaks there (the
 * agent in the accent colour, the caller in another, from the transcript's
 * timestamps), the played part brighter, with a cursor at :position. A
 * click or a drag asks for a "seek" (milliseconds); the owner moves the
 * player, which moves :position. Arrow keys step 5 s.
 */

#define GOVORUN_TYPE_WAVEFORM_VIEW (govorun_waveform_view_get_type ())

G_DECLARE_FINAL_TYPE (GovorunWaveformView, govorun_waveform_view, GOVORUN, WAVEFORM_VIEW, GtkWidget)

GtkWidget *govorun_waveform_view_new          (void);
/* @waveform: (nullable): copied. */
void       govorun_waveform_view_set_waveform (GovorunWaveformView   *self,
                                               const GovorunWaveform *waveform);
/* @turns: (element-type GovorunCallTurn) (nullable): referenced. */
void       govorun_waveform_view_set_turns    (GovorunWaveformView   *self,
                                               GPtrArray             *turns);
void       govorun_waveform_view_set_duration (GovorunWaveformView   *self,
                                               gint64                 duration_ms);
void       govorun_waveform_view_set_position (GovorunWaveformView   *self,
                                               gint64                 position_ms);
gint64     govorun_waveform_view_get_position (GovorunWaveformView   *self);

G_END_DECLS
