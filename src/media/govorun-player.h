/* govorun-player.h
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
 * GovorunPlayer plays one audio file (a call recording from the cache):
 * play/pause, seek, speed with the pitch kept (scaletempo), volume. It is
 * a plain GObject for the main thread: :position is polled on the main
 * loop only while playing, so an idle player costs nothing. The sound goes
 * to the sink named by $GOVORUN_AUDIO_SINK (a gst-launch description;
 * tests use "fakesink sync=true"), else to autoaudiosink.
 *
 * Errors arrive as the "error" signal with a GError in GOVORUN_MEDIA_ERROR;
 * the end of the file as "eos" (the player then pauses at the end).
 */

typedef enum
{
  GOVORUN_PLAYER_STATE_EMPTY,    /* nothing loaded, or a load failed */
  GOVORUN_PLAYER_STATE_LOADING,  /* prerolling: duration not known yet */
  GOVORUN_PLAYER_STATE_PAUSED,
  GOVORUN_PLAYER_STATE_PLAYING,
} GovorunPlayerState;

#define GOVORUN_TYPE_PLAYER_STATE (govorun_player_state_get_type ())
GType govorun_player_state_get_type (void) G_GNUC_CONST;

#define GOVORUN_TYPE_PLAYER (govorun_player_get_type ())

G_DECLARE_FINAL_TYPE (GovorunPlayer, govorun_player, GOVORUN, PLAYER, GObject)

GovorunPlayer      *govorun_player_new          (void);
/* Loads @path (paused at its start); FALSE when the pipeline cannot be
 * built. A file that cannot be decoded is reported through "error". */
gboolean            govorun_player_load         (GovorunPlayer *self,
                                                 const char    *path,
                                                 GError       **error);
/* Stops and forgets the file. */
void                govorun_player_unload       (GovorunPlayer *self);
void                govorun_player_play         (GovorunPlayer *self);
void                govorun_player_pause        (GovorunPlayer *self);
/* At the end of the file, play starts again from the beginning. */
void                govorun_player_toggle       (GovorunPlayer *self);
/* Milliseconds from the start; clamped to the duration. */
void                govorun_player_seek         (GovorunPlayer *self,
                                                 gint64         position_ms);
GovorunPlayerState  govorun_player_get_state    (GovorunPlayer *self);
gint64              govorun_player_get_position (GovorunPlayer *self);
/* -1 while not known. */
gint64              govorun_player_get_duration (GovorunPlayer *self);
/* 0.5 … 2.0; the pitch is kept when scaletempo is installed. */
void                govorun_player_set_rate     (GovorunPlayer *self,
                                                 double         rate);
double              govorun_player_get_rate     (GovorunPlayer *self);
/* 0.0 … 1.0, linear. */
void                govorun_player_set_volume   (GovorunPlayer *self,
                                                 double         volume);
double              govorun_player_get_volume   (GovorunPlayer *self);
/* Whether the speed keeps the pitch (scaletempo available). */
gboolean            govorun_player_get_keeps_pitch (GovorunPlayer *self);

G_END_DECLS
