/* govorun-transcript-line.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One line of a live test call's transcript: who spoke, what, and whether
 * it is still tentative (a guess the final text will replace). */

#define GOVORUN_TYPE_TRANSCRIPT_LINE (govorun_transcript_line_get_type ())

G_DECLARE_FINAL_TYPE (GovorunTranscriptLine, govorun_transcript_line, GOVORUN, TRANSCRIPT_LINE, GObject)

GovorunTranscriptLine *govorun_transcript_line_new           (gboolean               agent,
                                                              const char            *text,
                                                              gboolean               tentative);
gboolean               govorun_transcript_line_get_agent     (GovorunTranscriptLine *self);
const char            *govorun_transcript_line_get_text      (GovorunTranscriptLine *self);
gboolean               govorun_transcript_line_get_tentative (GovorunTranscriptLine *self);
/* Replaces the text and the tentative flag (notifies both). */
void                   govorun_transcript_line_update        (GovorunTranscriptLine *self,
                                                              const char            *text,
                                                              gboolean               tentative);

G_END_DECLS
