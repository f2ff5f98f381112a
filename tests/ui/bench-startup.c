/* bench-startup.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBenchStartup"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "call-test-data.h"
#include "govorun-application.h"
#include "govorun-services.h"
#include "govorun-store.h"
#include "test-util.h"

/*
 * Start-up to the first frame (issue 10, "Benchmarks"): Govorun started in
 * a new process on a profile whose store is empty and on one whose store
 * holds GOVORUN_BENCH_STARTUP_CALLS calls (1,000,000 by default), several
 * times each, alternating. Each child prints when its window's frame clock
 * finished painting the first frame ("after-paint"), and when it painted
 * the first frame after the services were ready (the pages then have their
 * data); the times count from the parent's spawn on the system's monotonic
 * clock. Prints the medians and the ratios full / empty (target ≤ 1.2).
 * Each child also prints when the services reported READY, for a look at
 * where a slow start went (`--child` alone).
 * GOVORUN_BENCH_STARTUP_DB: a store to copy as the full one instead (one
 * bench-calls kept with GOVORUN_BENCH_DB; making a million calls takes
 * long on a busy machine).
 *
 * `meson test -C _build --benchmark bench-startup --verbose` (under Xvfb)
 */

#define RUNS 5

static gint64 ready_at;
static gboolean first_painted;

static void
after_paint (GdkFrameClock *clock,
             GtkWidget     *window)
{
  GovorunServices *services = govorun_application_get_services (GOVORUN_APPLICATION (g_application_get_default ()));
  gint64 now = g_get_monotonic_time ();

  if (!first_painted)
    {
      first_painted = TRUE;
      g_print ("first_frame %" G_GINT64_FORMAT "\n", now);
    }
  if (ready_at == 0 && services != NULL &&
      govorun_services_get_state (services) == GOVORUN_SERVICES_STATE_READY)
    {
      ready_at = now;
      g_print ("ready_frame %" G_GINT64_FORMAT "\n", now);
      g_application_quit (g_application_get_default ());
    }
  else if (ready_at == 0)
    /* Services become ready without a redraw of their own. */
    gtk_widget_queue_draw (window);
}

static void
on_state (GovorunServices *services)
{
  if (govorun_services_get_state (services) == GOVORUN_SERVICES_STATE_READY)
    g_print ("services_ready %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

static void
on_realize (GtkWidget *window)
{
  GovorunServices *services = govorun_application_get_services (GOVORUN_APPLICATION (g_application_get_default ()));

  if (services != NULL)
    g_signal_connect (services, "notify::state", G_CALLBACK (on_state), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint), window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

static int
run_child (void)
{
  g_autoptr(GovorunApplication) app = govorun_application_new ();
  char *argv[] = { (char *) "govorun", NULL };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* A profile (an XDG_DATA_HOME) whose store holds @n_calls calls, or a
 * copy of the store @copy. */
static char *
make_profile (guint       n_calls,
              const char *copy)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("govorun-startup-XXXXXX", &error);
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GovorunStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_no_error (error);
  dir = g_build_filename (home, APP_ID, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = g_build_filename (dir, "govorun.db", NULL);
  if (copy != NULL)
    {
      g_autofree char *command = g_strdup_printf ("cp '%s' '%s'", copy, db);

      g_assert_cmpint (system (command), ==, 0);
    }
  store = govorun_store_new (db);
  govorun_store_open_async (store, NULL, test_util_on_result, &result);
  g_assert_true (govorun_store_open_finish (store, test_util_wait (&result), &error));
  g_assert_no_error (error);
  if (n_calls > 0 && copy == NULL)
    call_test_fill_by_sql (store, 0, n_calls);
  govorun_store_close (store);
  return g_steal_pointer (&home);
}

/* Milliseconds from spawn to the child's first frame and to its first
 * frame with the services ready. */
static void
run_once (const char *self,
          const char *home,
          double     *first_ms,
          double     *ready_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", home, TRUE);
  const char *argv[] = { self, "--child", NULL };
  gint64 first = 0, ready = 0, services = 0;
  gint64 start;
  int status;

  start = g_get_monotonic_time ();
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (const char *line = out; line != NULL && *line != '\0'; line = strchr (line, '\n') ? strchr (line, '\n') + 1 : NULL)
    {
      if (g_str_has_prefix (line, "first_frame "))
        first = g_ascii_strtoll (line + 12, NULL, 10);
      else if (g_str_has_prefix (line, "ready_frame "))
        ready = g_ascii_strtoll (line + 12, NULL, 10);
      else if (g_str_has_prefix (line, "services_ready "))
        services = g_ascii_strtoll (line + 15, NULL, 10);
    }
  /* Each start, for a look at where a slow one went. */
  g_print ("# %s: first frame %.0f ms, services ready %.0f ms, ready frame %.0f ms\n",
           home, (first - start) / 1000.0, (services - start) / 1000.0, (ready - start) / 1000.0);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (ready, >, 0);
  *first_ms = (first - start) / 1000.0;
  *ready_ms = (ready - start) / 1000.0;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), test_util_compare_doubles);
  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("GOVORUN_BENCH_STARTUP_CALLS");
  guint n_calls = env != NULL ? (guint) atoi (env) : 1000000;
  g_autofree char *empty = NULL;
  g_autofree char *full = NULL;
  double first[2][RUNS], ready[2][RUNS];

  if (argc > 1 && g_str_equal (argv[1], "--child"))
    return run_child ();

  empty = make_profile (0, NULL);
  full = make_profile (n_calls, g_getenv ("GOVORUN_BENCH_STARTUP_DB"));

  /* One start of each first, not counted: the disk cache and fonts. */
  run_once (argv[0], empty, &first[0][0], &ready[0][0]);
  run_once (argv[0], full, &first[1][0], &ready[1][0]);
  for (guint i = 0; i < RUNS; i++)
    {
      run_once (argv[0], empty, &first[0][i], &ready[0][i]);
      run_once (argv[0], full, &first[1][i], &ready[1][i]);
    }

  {
    double first_empty = median (first[0], RUNS), first_full = median (first[1], RUNS);
    double ready_empty = median (ready[0], RUNS), ready_full = median (ready[1], RUNS);

    if (g_getenv ("GOVORUN_BENCH_STARTUP_DB") == NULL)
      g_print ("bench: startup_calls = %u calls\n", n_calls);
    g_print ("bench: startup_first_frame_empty = %.0f ms\n", first_empty);
    g_print ("bench: startup_first_frame_full = %.0f ms\n", first_full);
    g_print ("bench: startup_first_frame_ratio = %.2f x\n", first_full / first_empty);
    g_print ("bench: startup_ready_frame_empty = %.0f ms\n", ready_empty);
    g_print ("bench: startup_ready_frame_full = %.0f ms\n", ready_full);
    g_print ("bench: startup_ready_frame_ratio = %.2f x\n", ready_full / ready_empty);
  }

  test_util_rm_rf (empty);
  test_util_rm_rf (full);
  return 0;
}
