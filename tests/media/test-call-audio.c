/* test-call-audio.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCallAudio"

#include "config.h"

#include <string.h>

#include "govorun-call-capture.h"
#include "govorun-call-playback.h"
#include "govorun-media.h"
#include "test-util.h"
#include "test-wav.h"

/* A test call's sound with files instead of devices: a WAV file as the
 * microphone ($GOVORUN_AUDIO_SOURCE), a WAV file as the speakers
 * ($GOVORUN_AUDIO_SINK). */

typedef struct
{
  char       *dir;
  GByteArray *captured;
  guint       chunks;
  gsize       chunk_size;
  gboolean    finished;
  GError     *failed;
  double      max_level;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_util_make_tmp_dir ("govorun-call-audio-XXXXXX");
  f->captured = g_byte_array_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_util_rm_rf (f->dir);
  g_free (f->dir);
  g_byte_array_unref (f->captured);
  g_clear_error (&f->failed);
  g_unsetenv ("GOVORUN_AUDIO_SOURCE");
  g_unsetenv ("GOVORUN_AUDIO_SINK");
}

static void
on_chunk (GovorunCallCapture *capture,
          GBytes             *audio,
          gint64              captured_us,
          Fixture            *f)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (audio, &size);

  g_assert_cmpint (captured_us, <=, g_get_monotonic_time ());
  if (f->chunk_size == 0)
    f->chunk_size = size;
  g_assert_cmpuint (size, ==, f->chunk_size);
  g_byte_array_append (f->captured, data, size);
  f->chunks++;
  f->max_level = MAX (f->max_level, govorun_call_capture_get_level (capture));
}

static void
on_finished (GovorunCallCapture *capture,
             Fixture            *f)
{
  f->finished = TRUE;
}

static void
on_failed (GObject      *object,
           const GError *error,
           Fixture      *f)
{
  f->failed = g_error_copy (error);
}

static void
use_source (Fixture    *f,
            const char *wav)
{
  g_autofree char *description = g_strdup_printf ("filesrc location=\"%s\" ! wavparse", wav);

  g_setenv ("GOVORUN_AUDIO_SOURCE", description, TRUE);
}

static char *
use_sink (Fixture *f)
{
  char *out = g_build_filename (f->dir, "speakers.wav", NULL);
  g_autofree char *description = g_strdup_printf ("wavenc ! filesink location=\"%s\"", out);

  g_setenv ("GOVORUN_AUDIO_SINK", description, TRUE);
  return out;
}

/* The microphone: what the file holds comes out in order, in chunks of
 * 50 ms at 16 kHz, in real time. */
static void
test_capture_file (Fixture       *f,
                   gconstpointer  data)
{
  const guint pattern[] = { 200, 400, 300, 0 };
  g_autoptr(GBytes) voice = test_wav_voice (16000, pattern);
  g_autofree char *wav = g_build_filename (f->dir, "mic.wav", NULL);
  g_autoptr(GovorunCallCapture) capture = govorun_call_capture_new ();
  g_autoptr(GError) error = NULL;
  gint64 started;
  gsize whole;

  test_wav_write (wav, 16000, voice);
  use_source (f, wav);
  g_signal_connect (capture, "chunk", G_CALLBACK (on_chunk), f);
  g_signal_connect (capture, "finished", G_CALLBACK (on_finished), f);
  g_signal_connect (capture, "failed", G_CALLBACK (on_failed), f);

  started = g_get_monotonic_time ();
  g_assert_true (govorun_call_capture_start (capture, "pcm_16000", 50, &error));
  g_assert_no_error (error);
  while (!f->finished && f->failed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (f->failed);

  /* Paced like a microphone: 900 ms of audio takes about that long. */
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 700 * 1000);
  g_assert_cmpuint (f->chunk_size, ==, 16000 * 2 / 20);
  whole = g_bytes_get_size (voice) / f->chunk_size * f->chunk_size;
  g_assert_cmpuint (f->captured->len, ==, whole);
  g_assert_cmpmem (f->captured->data, f->captured->len, g_bytes_get_data (voice, NULL), whole);
  g_assert_cmpfloat (f->max_level, >, 0.3);
  govorun_call_capture_stop (capture);
}

/* Another rate and μ-law: 8 kHz, one byte a sample. */
static void
test_capture_ulaw (Fixture       *f,
                   gconstpointer  data)
{
  const guint pattern[] = { 100, 300, 100, 0 };
  g_autoptr(GBytes) voice = test_wav_voice (16000, pattern);
  g_autofree char *wav = g_build_filename (f->dir, "mic.wav", NULL);
  g_autoptr(GovorunCallCapture) capture = govorun_call_capture_new ();
  g_autoptr(GError) error = NULL;

  test_wav_write (wav, 16000, voice);
  use_source (f, wav);
  g_signal_connect (capture, "chunk", G_CALLBACK (on_chunk), f);
  g_signal_connect (capture, "finished", G_CALLBACK (on_finished), f);
  g_assert_true (govorun_call_capture_start (capture, "ulaw_8000", 100, &error));
  while (!f->finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->chunk_size, ==, 800);
  g_assert_cmpuint (f->chunks, >=, 4);
}

static void
test_mute (Fixture       *f,
           gconstpointer  data)
{
  const guint pattern[] = { 10, 500, 0 };
  g_autoptr(GBytes) voice = test_wav_voice (16000, pattern);
  g_autofree char *wav = g_build_filename (f->dir, "mic.wav", NULL);
  g_autoptr(GovorunCallCapture) capture = govorun_call_capture_new ();

  test_wav_write (wav, 16000, voice);
  use_source (f, wav);
  g_signal_connect (capture, "chunk", G_CALLBACK (on_chunk), f);
  g_signal_connect (capture, "finished", G_CALLBACK (on_finished), f);
  govorun_call_capture_set_muted (capture, TRUE);
  g_assert_true (govorun_call_capture_start (capture, "pcm_16000", 50, NULL));
  while (!f->finished)
    g_main_context_iteration (NULL, TRUE);
  /* Muted: silence goes out, and the meter stays empty. */
  for (guint i = 0; i < f->captured->len; i++)
    g_assert_cmpuint (f->captured->data[i], ==, 0);
  g_assert_cmpfloat (f->max_level, ==, 0.0);
  g_assert_true (govorun_call_capture_get_muted (capture));
}

/* A source that cannot start is "no microphone", with a sentence. */
static void
test_no_microphone (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunCallCapture) capture = govorun_call_capture_new ();
  g_autoptr(GError) error = NULL;

  g_setenv ("GOVORUN_AUDIO_SOURCE", "filesrc location=/nonexistent/govorun-mic.wav ! wavparse", TRUE);
  g_signal_connect (capture, "failed", G_CALLBACK (on_failed), f);
  if (govorun_call_capture_start (capture, "pcm_16000", 50, &error))
    {
      while (f->failed == NULL)
        g_main_context_iteration (NULL, TRUE);
      error = g_steal_pointer (&f->failed);
    }
  g_assert_error (error, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_NO_MICROPHONE);
  g_assert_nonnull (strstr (error->message, "microphone"));
}

static void
on_stopped (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (govorun_call_playback_stop_finish (GOVORUN_CALL_PLAYBACK (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
stop_playback (GovorunCallPlayback *playback)
{
  gboolean done = FALSE;

  govorun_call_playback_stop_async (playback, NULL, on_stopped, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The speakers: what the agent sent is written, in order, at its rate. */
static void
test_playback_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = use_sink (f);
  g_autoptr(GovorunCallPlayback) playback = govorun_call_playback_new ();
  g_autoptr(GByteArray) sent = g_byte_array_new ();
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GArray) latencies = NULL;
  g_autoptr(GError) error = NULL;
  guint rate, channels, bits;

  g_assert_true (govorun_call_playback_start (playback, "pcm_22050", &error));
  g_assert_no_error (error);
  for (guint chunk = 0; chunk < 20; chunk++)
    {
      /* Each chunk's samples name their chunk and place: order shows. */
      gint16 samples[2205];
      g_autoptr(GBytes) bytes = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
        samples[i] = (gint16) (chunk * 1000 + i % 997);
      bytes = g_bytes_new (samples, sizeof samples);
      g_byte_array_append (sent, (const guint8 *) samples, sizeof samples);
      govorun_call_playback_push (playback, bytes, g_get_monotonic_time ());
    }
  stop_playback (playback);

  written = test_wav_read (out, &rate, &channels, &bits);
  g_assert_cmpuint (rate, ==, 22050);
  g_assert_cmpuint (channels, ==, 1);
  g_assert_cmpuint (bits, ==, 16);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written), sent->data, sent->len);

  latencies = govorun_call_playback_take_latencies (playback);
  g_assert_cmpuint (latencies->len, ==, 20);
}

/* An interruption drops what was queued and not yet handed over. */
static void
test_playback_flush (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = use_sink (f);
  g_autoptr(GovorunCallPlayback) playback = govorun_call_playback_new ();
  g_autoptr(GBytes) written = NULL;
  guint rate, channels, bits;
  gsize pushed = 0;

  /* A sink that plays in real time keeps the queue filled. */
  g_free (out);
  out = g_build_filename (f->dir, "speakers.wav", NULL);
  {
    g_autofree char *description = g_strdup_printf ("identity sync=true ! wavenc ! filesink location=\"%s\"", out);
    g_setenv ("GOVORUN_AUDIO_SINK", description, TRUE);
  }
  g_assert_true (govorun_call_playback_start (playback, "pcm_16000", NULL));
  for (guint chunk = 0; chunk < 30; chunk++)
    {
      g_autofree gint16 *samples = g_new0 (gint16, 1600);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&samples), 3200);

      govorun_call_playback_push (playback, bytes, 0);
      pushed += 3200;
    }
  g_assert_cmpuint (govorun_call_playback_get_queued (playback), >, 0);
  govorun_call_playback_flush (playback);
  g_assert_cmpuint (govorun_call_playback_get_queued (playback), ==, 0);
  stop_playback (playback);

  written = test_wav_read (out, &rate, &channels, &bits);
  /* At most what was handed over before the flush (about 100 ms ahead). */
  g_assert_cmpuint (g_bytes_get_size (written), <, pushed / 2);
}

static void
test_playback_ulaw (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = use_sink (f);
  g_autoptr(GovorunCallPlayback) playback = govorun_call_playback_new ();
  g_autoptr(GBytes) written = NULL;
  guint8 ulaw[800];
  guint rate, channels, bits;

  memset (ulaw, 0xff, sizeof ulaw);   /* μ-law silence */
  g_assert_true (govorun_call_playback_start (playback, "ulaw_8000", NULL));
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (ulaw, sizeof ulaw);

      govorun_call_playback_push (playback, bytes, 0);
    }
  govorun_call_playback_set_volume (playback, 0.5);
  g_assert_cmpfloat (govorun_call_playback_get_volume (playback), ==, 0.5);
  stop_playback (playback);

  written = test_wav_read (out, &rate, &channels, &bits);
  g_assert_cmpuint (rate, ==, 8000);
  /* Decoded to 16-bit: two bytes for each μ-law byte. */
  g_assert_cmpuint (g_bytes_get_size (written), ==, 5 * 800 * 2);
}

static void
test_bad_format (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunCallPlayback) playback = govorun_call_playback_new ();
  g_autoptr(GovorunCallCapture) capture = govorun_call_capture_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (govorun_call_playback_start (playback, "mp3_44100", &error));
  g_assert_error (error, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_DECODE);
  g_clear_error (&error);
  g_assert_false (govorun_call_capture_start (capture, "opus_48000", 50, &error));
  g_assert_error (error, GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_DECODE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/Govorun/CallAudio/capture-file", test_capture_file);
  ADD ("/Govorun/CallAudio/capture-ulaw", test_capture_ulaw);
  ADD ("/Govorun/CallAudio/mute", test_mute);
  ADD ("/Govorun/CallAudio/no-microphone", test_no_microphone);
  ADD ("/Govorun/CallAudio/playback-file", test_playback_file);
  ADD ("/Govorun/CallAudio/playback-flush", test_playback_flush);
  ADD ("/Govorun/CallAudio/playback-ulaw", test_playback_ulaw);
  ADD ("/Govorun/CallAudio/bad-format", test_bad_format);
#undef ADD

  return g_test_run ();
}
