/* media-test-recording.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call recording from the sandbox's generator, written to a file, with
 * the times its transcript gives each turn.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 start_ms;     /* from the start of the recording */
  gint64 speech_ms;    /* how long the turn is spoken */
  gboolean agent;
} MediaTestTurn;

typedef struct
{
  char   *path;
  gint64  duration_ms;
  GArray *turns;       /* MediaTestTurn */
} MediaTestRecording;

/* An answered call of the demo history, the shortest with at least
 * @min_turns turns, written as WAV into @dir. */
MediaTestRecording *media_test_recording_new  (const char         *dir,
                                               guint               min_turns);
void                media_test_recording_free (MediaTestRecording *recording);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MediaTestRecording, media_test_recording_free)

G_END_DECLS
