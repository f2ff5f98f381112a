/* govorun-media-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* What the player and the waveform decoder share (GStreamer-typed, so not
 * in the public header). */
GError *_govorun_media_error_from_gst (const GError *gst_error,
                                       const char   *debug);
GError *_govorun_media_error_missing  (const char   *element);
char   *_govorun_media_uri_for_path   (const char   *path);

G_END_DECLS
