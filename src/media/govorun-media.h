/* govorun-media.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The media layer's one error domain (the player and the waveform decoder
 * report GStreamer's errors in it, with a translated sentence) and its
 * start-up: GStreamer is initialised once, on first use.
 */

#define GOVORUN_MEDIA_ERROR (govorun_media_error_quark ())

typedef enum
{
  GOVORUN_MEDIA_ERROR_NOT_FOUND = 1,  /* no such file */
  GOVORUN_MEDIA_ERROR_MISSING_PLUGIN, /* GStreamer lacks an element we need */
  GOVORUN_MEDIA_ERROR_DECODE,         /* the file is not audio we can read */
  GOVORUN_MEDIA_ERROR_OUTPUT,         /* the sound device failed */
  GOVORUN_MEDIA_ERROR_NO_MICROPHONE,  /* no microphone, or it could not start */
} GovorunMediaError;

GQuark   govorun_media_error_quark (void);

/* Initialises GStreamer once; FALSE (with @error) when it cannot start. */
gboolean govorun_media_init        (GError **error);

G_END_DECLS
