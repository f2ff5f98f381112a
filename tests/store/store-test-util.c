/* store-test-util.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "store-test-util.h"

void
store_test_rm_rf (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          store_test_rm_rf (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

void
store_test_on_result (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
store_test_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

GovorunStore *
store_test_open (const char *path)
{
  g_autoptr(GovorunStore) store = govorun_store_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_store_open_async (store, NULL, store_test_on_result, &result);
  g_assert_true (govorun_store_open_finish (store, store_test_wait_for (&result), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}
