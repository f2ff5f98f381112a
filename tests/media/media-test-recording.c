/* media-test-recording.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-history.h"
#include "media-test-recording.h"

MediaTestRecording *
media_test_recording_new (const char *dir,
                          guint       min_turns)
{
  g_autoptr(GovorunCallHistory) history =
    govorun_call_history_new (7, 2000, 30, G_GINT64_CONSTANT (1780000000));
  g_autoptr(GBytes) audio = NULL;
  g_autoptr(GError) error = NULL;
  MediaTestRecording *recording;
  GovorunHistoryCall best = { 0, };
  gint64 lo, hi;

  govorun_call_history_add_agent (history, "agent_a", "74950000001",
                                  GOVORUN_HISTORY_DOMAIN_CLINIC, FALSE);
  lo = govorun_call_history_index_at (history, govorun_call_history_get_start (history));
  hi = govorun_call_history_index_at (history, govorun_call_history_get_end (history));
  for (gint64 i = lo; i < hi; i++)
    {
      GovorunHistoryCall call;
      g_autoptr(GArray) turns = NULL;

      if (!govorun_call_history_get_call (history, i, 0, &call) || call.record_id == 0 ||
          call.talk_secs == 0)
        continue;
      turns = govorun_call_history_get_turns (history, &call);
      if (turns->len >= min_turns && (best.talk_secs == 0 || call.talk_secs < best.talk_secs))
        best = call;
    }
  g_assert_cmpuint (best.talk_secs, >, 0);

  recording = g_new0 (MediaTestRecording, 1);
  recording->path = g_build_filename (dir, "call.wav", NULL);
  recording->duration_ms = best.talk_secs * 1000;
  recording->turns = g_array_new (FALSE, FALSE, sizeof (MediaTestTurn));
  {
    g_autoptr(GArray) turns = govorun_call_history_get_turns (history, &best);

    for (guint i = 0; i < turns->len; i++)
      {
        const GovorunHistoryTurn *turn = &g_array_index (turns, GovorunHistoryTurn, i);
        MediaTestTurn t = { turn->time_in_call_secs * 1000, turn->speech_secs * 1000, turn->agent };

        g_array_append_val (recording->turns, t);
      }
  }
  audio = govorun_call_history_render_audio (history, &best);
  g_assert_nonnull (audio);
  g_assert_true (g_file_set_contents (recording->path, g_bytes_get_data (audio, NULL),
                                      g_bytes_get_size (audio), &error));
  g_assert_no_error (error);
  return recording;
}

void
media_test_recording_free (MediaTestRecording *recording)
{
  if (recording == NULL)
    return;
  g_free (recording->path);
  g_array_unref (recording->turns);
  g_free (recording);
}
