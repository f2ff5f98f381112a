/* test-player.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-player.h"
#include "media-test-recording.h"
#include "test-util.h"

/* GovorunPlayer on a generated call recording, to a fakesink that keeps
 * real time ($GOVORUN_AUDIO_SINK): it plays to the end, a seek to a
 * transcript line lands on it, speed and volume hold their bounds, and a
 * file that is not audio is an error in the media domain. */

typedef struct
{
  char               *dir;
  MediaTestRecording *recording;
  GovorunPlayer      *player;
  gboolean            eos;
  GError             *error;
} Fixture;

static void
on_eos (GovorunPlayer *player,
        Fixture       *f)
{
  f->eos = TRUE;
}

static void
on_error (GovorunPlayer *player,
          GError        *error,
          Fixture       *f)
{
  g_clear_error (&f->error);
  f->error = g_error_copy (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_util_make_tmp_dir ("govorun-player-XXXXXX");
  f->recording = media_test_recording_new (f->dir, 3);
  f->player = govorun_player_new ();
  g_signal_connect (f->player, "eos", G_CALLBACK (on_eos), f);
  g_signal_connect (f->player, "error", G_CALLBACK (on_error), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->player);
  g_clear_error (&f->error);
  media_test_recording_free (f->recording);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until @done or @ms milliseconds pass; FALSE on timeout. */
static gboolean
iterate_until (gboolean *done,
               guint     ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, on_timeout, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return *done;
}

static void
wait_ms (guint ms)
{
  gboolean never = FALSE;

  iterate_until (&never, ms);
}

static void
load_and_wait (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gboolean loaded = FALSE;

  g_assert_true (govorun_player_load (f->player, f->recording->path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_player_get_state (f->player), ==, GOVORUN_PLAYER_STATE_LOADING);
  for (guint i = 0; i < 200 && !loaded; i++)
    {
      wait_ms (25);
      loaded = govorun_player_get_state (f->player) == GOVORUN_PLAYER_STATE_PAUSED;
    }
  g_assert_no_error (f->error);
  g_assert_true (loaded);
}

static void
test_plays_to_end (Fixture       *f,
                   gconstpointer  data)
{
  gint64 duration;
  guint position_notes = 0;

  load_and_wait (f);
  duration = govorun_player_get_duration (f->player);
  g_assert_cmpint (ABS (duration - f->recording->duration_ms), <, 100);

  /* The last seconds at 2×: the end arrives in real time, not at once. */
  govorun_player_seek (f->player, duration - 4000);
  govorun_player_set_rate (f->player, 2.0);
  govorun_player_play (f->player);
  g_assert_cmpint (govorun_player_get_state (f->player), ==, GOVORUN_PLAYER_STATE_PLAYING);
  {
    gint64 start = g_get_monotonic_time ();
    gint64 last = -1;

    while (!f->eos && g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC)
      {
        g_main_context_iteration (NULL, TRUE);
        if (govorun_player_get_position (f->player) != last)
          {
            last = govorun_player_get_position (f->player);
            position_notes++;
          }
      }
    g_assert_true (f->eos);
    /* 4 s at 2× take about 2 s of real time. */
    g_assert_cmpint (g_get_monotonic_time () - start, >, 1500 * 1000);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 6000 * 1000);
  }
  g_assert_no_error (f->error);
  g_assert_cmpuint (position_notes, >, 5);
  g_assert_cmpint (govorun_player_get_state (f->player), ==, GOVORUN_PLAYER_STATE_PAUSED);
  g_assert_cmpint (govorun_player_get_position (f->player), ==, duration);

  /* Play at the end starts again from the beginning. */
  f->eos = FALSE;
  govorun_player_set_rate (f->player, 1.0);
  govorun_player_play (f->player);
  wait_ms (300);
  g_assert_cmpint (govorun_player_get_position (f->player), <, 1500);
  govorun_player_pause (f->player);
  g_assert_cmpint (govorun_player_get_state (f->player), ==, GOVORUN_PLAYER_STATE_PAUSED);
}

static void
test_seek_to_line (Fixture       *f,
                   gconstpointer  data)
{
  GArray *turns = f->recording->turns;

  load_and_wait (f);
  for (guint i = 1; i < turns->len && i < 4; i++)
    {
      gint64 line = g_array_index (turns, MediaTestTurn, i).start_ms;
      gint64 position;

      govorun_player_seek (f->player, line);
      govorun_player_play (f->player);
      wait_ms (200);
      govorun_player_pause (f->player);
      /* What the pipeline reports after 200 ms of playing: the seek
       * landed within 0.5 s of the line (plus the time played). */
      position = govorun_player_get_position (f->player);
      g_assert_cmpint (position, >=, line);
      g_assert_cmpint (position, <=, line + 500 + 400);
    }
  g_assert_no_error (f->error);
}

static void
test_seek_while_loading (Fixture       *f,
                         gconstpointer  data)
{
  gint64 line = g_array_index (f->recording->turns, MediaTestTurn, 1).start_ms;
  g_autoptr(GError) error = NULL;

  g_assert_true (govorun_player_load (f->player, f->recording->path, &error));
  govorun_player_seek (f->player, line);
  govorun_player_play (f->player);
  wait_ms (600);
  g_assert_no_error (f->error);
  g_assert_cmpint (govorun_player_get_state (f->player), ==, GOVORUN_PLAYER_STATE_PLAYING);
  g_assert_cmpint (govorun_player_get_position (f->player), >=, line);
  g_assert_cmpint (govorun_player_get_position (f->player), <=, line + 1200);
}

static void
test_rate_and_volume (Fixture       *f,
                      gconstpointer  data)
{
  govorun_player_set_rate (f->player, 1.5);
  g_assert_cmpfloat_with_epsilon (govorun_player_get_rate (f->player), 1.5, 0.001);
  govorun_player_set_rate (f->player, 10);
  g_assert_cmpfloat_with_epsilon (govorun_player_get_rate (f->player), 2.0, 0.001);
  govorun_player_set_volume (f->player, -1);
  g_assert_cmpfloat_with_epsilon (govorun_player_get_volume (f->player), 0.0, 0.001);
  govorun_player_set_volume (f->player, 0.4);
  g_assert_cmpfloat_with_epsilon (govorun_player_get_volume (f->player), 0.4, 0.001);
  /* Debian's gst-plugins-good has scaletempo: speech keeps its pitch. */
  g_assert_true (govorun_player_get_keeps_pitch (f->player));

  load_and_wait (f);
  govorun_player_play (f->player);
  wait_ms (300);
  g_assert_no_error (f->error);
  g_assert_cmpint (govorun_player_get_position (f->player), >, 200);
}

static void
test_not_audio (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "not-audio.wav", NULL);
  g_autoptr(GError) error = NULL;
  gboolean failed = FALSE;

  g_assert_true (g_file_set_contents (path, "this is not a recording", -1, NULL));
  g_assert_true (govorun_player_load (f->player, path, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 200 && f->error == NULL; i++)
    wait_ms (25);
  failed = f->error != NULL;
  g_assert_true (failed);
  g_assert_true (f->error->domain == GOVORUN_MEDIA_ERROR);
  g_assert_cmpint (govorun_player_get_state (f->player), ==, GOVORUN_PLAYER_STATE_EMPTY);
  /* A good file loads after a bad one. */
  g_clear_error (&f->error);
  load_and_wait (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/player/plays-to-end", Fixture, NULL, fixture_set_up, test_plays_to_end,
              fixture_tear_down);
  g_test_add ("/player/seek-to-line", Fixture, NULL, fixture_set_up, test_seek_to_line,
              fixture_tear_down);
  g_test_add ("/player/seek-while-loading", Fixture, NULL, fixture_set_up,
              test_seek_while_loading, fixture_tear_down);
  g_test_add ("/player/rate-and-volume", Fixture, NULL, fixture_set_up, test_rate_and_volume,
              fixture_tear_down);
  g_test_add ("/player/not-audio", Fixture, NULL, fixture_set_up, test_not_audio,
              fixture_tear_down);
  return g_test_run ();
}
