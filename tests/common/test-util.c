/* test-util.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-util.h"

/* govorun_context_post(): the callback runs on the thread that iterates
 * the context, even when a worker posts while nobody holds the context
 * (g_main_context_invoke() would run it on the worker then: the race that
 * reordered the agent's voice in test-call-audio). */

typedef struct
{
  GThread *ran_on;
  guint    order[8];
  guint    ran;
  gboolean freed;
} Posted;

typedef struct
{
  Posted *posted;
  guint   index;
} Job;

static gboolean
record (gpointer data)
{
  Job *job = data;

  job->posted->ran_on = g_thread_self ();
  job->posted->order[job->posted->ran++] = job->index;
  return G_SOURCE_REMOVE;
}

static gpointer
post_from_worker (gpointer data)
{
  Posted *posted = data;

  for (guint i = 0; i < G_N_ELEMENTS (posted->order); i++)
    {
      Job *job = g_new0 (Job, 1);

      job->posted = posted;
      job->index = i;
      govorun_context_post (g_main_context_default (), G_PRIORITY_DEFAULT, record, job, g_free);
    }
  return NULL;
}

static void
test_post_from_worker (void)
{
  Posted posted = { 0 };
  GThread *worker;

  /* Nobody iterates (so nobody holds) the default context while the
   * worker posts. */
  worker = g_thread_new ("poster", post_from_worker, &posted);
  g_thread_join (worker);
  g_assert_cmpuint (posted.ran, ==, 0);

  while (posted.ran < G_N_ELEMENTS (posted.order))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (posted.ran_on == g_thread_self ());
  for (guint i = 0; i < G_N_ELEMENTS (posted.order); i++)
    g_assert_cmpuint (posted.order[i], ==, i);
}

static gboolean
mark_freed_never (gpointer data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static void
mark_freed (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* A context that is dropped frees what was posted to it. */
static void
test_post_freed (void)
{
  GMainContext *context = g_main_context_new ();
  gboolean freed = FALSE;

  govorun_context_post (context, G_PRIORITY_HIGH, mark_freed_never, &freed, mark_freed);
  g_assert_false (freed);
  g_main_context_unref (context);
  g_assert_true (freed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Govorun/Util/post-from-worker", test_post_from_worker);
  g_test_add_func ("/Govorun/Util/post-freed", test_post_freed);
  return g_test_run ();
}
