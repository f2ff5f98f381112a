/* test-waveform.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-waveform.h"
#include "media-test-recording.h"
#include "test-util.h"

/* The waveform of a generated recording is loud where the sandbox put
 * speech and quiet in the pauses between turns. */

static void
test_peaks_at_speech (void)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-waveform-XXXXXX");
  g_autoptr(MediaTestRecording) recording = media_test_recording_new (dir, 3);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GovorunWaveform) waveform = NULL;
  g_autoptr(GError) error = NULL;
  guint quiet_checked = 0;
  const guint n_peaks = 2000;

  govorun_waveform_load_async (recording->path, n_peaks, NULL, test_util_on_result, &result);
  waveform = govorun_waveform_load_finish (test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waveform->n_channels, ==, 1);
  g_assert_cmpuint (waveform->n_peaks, ==, n_peaks);
  g_assert_cmpint (ABS (waveform->duration_ms - recording->duration_ms), <, 50);

  for (guint i = 0; i < recording->turns->len; i++)
    {
      const MediaTestTurn *turn = &g_array_index (recording->turns, MediaTestTurn, i);
      gint64 middle = turn->start_ms + turn->speech_ms / 2;
      gint64 speech_end = turn->start_ms + turn->speech_ms;

      g_assert_cmpfloat (govorun_waveform_get_peak (waveform, 0,
                                                    govorun_waveform_index_at (waveform, middle)),
                         >, 0.05);
      /* The middle of a pause of at least a second is silence. */
      if (i + 1 < recording->turns->len)
        {
          gint64 next = g_array_index (recording->turns, MediaTestTurn, i + 1).start_ms;

          if (next - speech_end >= 1000)
            {
              gint64 pause = (speech_end + next) / 2;

              g_assert_cmpfloat (govorun_waveform_get_peak (waveform, 0,
                                                            govorun_waveform_index_at (waveform, pause)),
                                 <, 0.02);
              quiet_checked++;
            }
        }
    }
  g_test_message ("%u pauses checked", quiet_checked);
  test_util_rm_rf (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GovorunWaveform) waveform = NULL;
  g_autoptr(GError) error = NULL;

  govorun_waveform_load_async ("/nonexistent/call.wav", 100, NULL, test_util_on_result, &result);
  waveform = govorun_waveform_load_finish (test_util_wait (&result), &error);
  g_assert_null (waveform);
  g_assert_error (error, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/waveform/peaks-at-speech", test_peaks_at_speech);
  g_test_add_func ("/waveform/missing-file", test_missing_file);
  return g_test_run ();
}
