/* bench-call-list.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBenchCallList"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "govorun-call-list.h"
#include "store-test-util.h"
#include "test-util.h"

/*
 * The Calls page's memory over a big history, printed as
 * `bench: <name> = <value> <unit>`: the resident set after the list over
 * an empty store has shown its first rows, and after the list over the
 * history of GOVORUN_BENCH_DB (a store bench-calls made and kept, 1M
 * calls: `GOVORUN_BENCH_DB=/tmp/calls.db bench-calls` first) has shown
 * its first rows, been scrolled through 200 pages and settled. The target
 * is at most 60 MB more. Without GOVORUN_BENCH_DB it measures nothing.
 * `meson test --benchmark -C _build bench-call-list --verbose`
 */

/* A field of /proc/self/status in MB ("VmRSS", "RssAnon", "RssFile"). */
static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, key);
  return line != NULL ? g_ascii_strtod (line + strlen (key), NULL) / 1024.0 : 0;
}

typedef struct
{
  double rss;
  double anon;
  double file;
} Memory;

static void
wait_loaded (GovorunCallList *list)
{
  while (govorun_call_list_get_loading (list) || govorun_call_list_get_summary (list) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Asks for rows as a view scrolling down would, a screen at a time,
 * waiting for each page. */
static void
scroll (GovorunCallList *list,
        guint            n_rows)
{
  guint n = MIN (n_rows, g_list_model_get_n_items (G_LIST_MODEL (list)));

  for (guint i = 0; i < n; i += 30)
    {
      g_autoptr(GovorunCallRecord) record = NULL;

      while ((record = g_list_model_get_item (G_LIST_MODEL (list), i)) != NULL &&
             govorun_call_record_is_placeholder (record))
        {
          g_clear_object (&record);
          g_main_context_iteration (NULL, TRUE);
        }
    }
}

static Memory
list_memory (const char *path,
             guint       n_rows)
{
  g_autoptr(GovorunStore) store = store_test_open (path);
  g_autoptr(GovorunCallList) list = govorun_call_list_new (store);
  Memory memory;

  wait_loaded (list);
  scroll (list, n_rows);
  memory.rss = status_mb ("VmRSS");
  memory.anon = status_mb ("RssAnon");
  memory.file = status_mb ("RssFile");
  g_clear_object (&list);
  govorun_store_close (store);
  return memory;
}

int
main (int   argc,
      char *argv[])
{
  const char *big = g_getenv ("GOVORUN_BENCH_DB");
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-bench-call-list-XXXXXX");
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  Memory before, after;

  if (big == NULL || !g_file_test (big, G_FILE_TEST_EXISTS))
    {
      g_print ("# GOVORUN_BENCH_DB names no store: nothing measured\n");
      test_util_rm_rf (dir);
      return 0;
    }

  before = list_memory (empty, 0);
  after = list_memory (big, 200 * 100);
  g_print ("bench: list_rss_empty = %.1f MB\n", before.rss);
  g_print ("bench: list_rss_big = %.1f MB\n", after.rss);
  g_print ("bench: list_rss_above_empty = %.1f MB (target <= 60)\n", after.rss - before.rss);
  /* Heap (the list's pages, SQLite's page caches) and mapped database
   * pages, which the kernel may drop at any time. */
  g_print ("bench: list_rss_anon_above_empty = %.1f MB\n", after.anon - before.anon);
  g_print ("bench: list_rss_file_above_empty = %.1f MB\n", after.file - before.file);
  test_util_rm_rf (dir);
  return 0;
}
