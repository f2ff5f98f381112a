/* test-provider-objects.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestProviderObjects"

#include "config.h"

#include <glib/gstdio.h>

#include "govorun-provider-objects.h"
#include "govorun-store-private.h"
#include "test-util.h"

typedef struct
{
  char         *dir;
  GovorunStore *store;
} Fixture;

static gboolean
func_exec (sqlite3         *db,
           gpointer         data,
           gpointer        *out_result,
           GDestroyNotify  *out_destroy,
           GError         **error)
{
  if (sqlite3_exec (db, data, NULL, NULL, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GAsyncResult) written = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("govorun-test-provider-objects-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "govorun.db", NULL);
  f->store = govorun_store_new (path);
  govorun_store_open_async (f->store, NULL, test_util_on_result, &opened);
  g_assert_true (govorun_store_open_finish (f->store, test_util_wait (&opened), &error));
  g_assert_no_error (error);

  govorun_store_write_async (f->store, func_exec,
                             (gpointer) "INSERT INTO accounts (id, uuid, kind, display_name, state, created_at, updated_at)"
                                        " VALUES (7, 'u7', 'voximplant', 'V', 'ready', 1, 1)",
                             NULL, NULL, test_util_on_result, &written);
  govorun_store_write_finish (f->store, test_util_wait (&written), &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "govorun.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  govorun_store_close (f->store);
  g_clear_object (&f->store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GPtrArray *
list (Fixture    *f,
      const char *account_uuid,
      const char *owner,
      gint64     *out_account_row)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *objects;

  govorun_provider_objects_list_async (f->store, account_uuid, owner, NULL, test_util_on_result, &result);
  objects = govorun_provider_objects_list_finish (f->store, test_util_wait (&result), out_account_row, &error);
  g_assert_no_error (error);
  g_assert_nonnull (objects);
  return objects;
}

static gboolean
write_changes (Fixture                       *f,
               gint64                         account_row,
               const char                    *owner,
               GovorunProviderObjectChanges  *changes,
               GError                       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_provider_objects_write_async (f->store, account_row, owner, changes, NULL, test_util_on_result, &result);
  return govorun_provider_objects_write_finish (f->store, test_util_wait (&result), error);
}

static GovorunProviderObject *
find (GPtrArray  *objects,
      const char *object_type,
      const char *name)
{
  for (guint i = 0; i < objects->len; i++)
    {
      GovorunProviderObject *object = g_ptr_array_index (objects, i);

      if (g_str_equal (object->object_type, object_type) && g_str_equal (object->name, name))
        return object;
    }
  return NULL;
}

static void
test_unknown_account (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) objects = NULL;
  gint64 row = -1;

  objects = list (f, "no-such-account", "agent-1", &row);
  g_assert_cmpint (row, ==, 0);
  g_assert_cmpuint (objects->len, ==, 0);
}

static void
test_record_set_id_forget (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GError) error = NULL;
  GovorunProviderObjectChanges *changes;
  GovorunProviderObject *object;
  gint64 row = 0;

  objects = list (f, "u7", "agent-1", &row);
  g_assert_cmpint (row, ==, 7);
  g_assert_cmpuint (objects->len, ==, 0);
  g_clear_pointer (&objects, g_ptr_array_unref);

  /* Recorded before creating, then the id once known. */
  changes = govorun_provider_object_changes_new ();
  govorun_provider_object_changes_record (changes, "application", "gv-a");
  govorun_provider_object_changes_record (changes, "scenario", "gv-a-inbound");
  govorun_provider_object_changes_set_id (changes, "application", "gv-a", "42");
  g_assert_cmpuint (govorun_provider_object_changes_get_len (changes), ==, 3);
  g_assert_true (write_changes (f, row, "agent-1", changes, &error));
  g_assert_no_error (error);

  objects = list (f, "u7", "agent-1", NULL);
  g_assert_cmpuint (objects->len, ==, 2);
  object = find (objects, "application", "gv-a");
  g_assert_nonnull (object);
  g_assert_cmpstr (object->provider_id, ==, "42");
  object = find (objects, "scenario", "gv-a-inbound");
  g_assert_nonnull (object);
  g_assert_null (object->provider_id);
  g_clear_pointer (&objects, g_ptr_array_unref);

  /* Another owner's objects are not listed. */
  others = list (f, "u7", "agent-2", NULL);
  g_assert_cmpuint (others->len, ==, 0);

  /* Recording a name again keeps its id; forgetting removes the row. */
  changes = govorun_provider_object_changes_new ();
  govorun_provider_object_changes_record (changes, "application", "gv-a");
  govorun_provider_object_changes_forget (changes, "scenario", "gv-a-inbound");
  g_assert_true (write_changes (f, row, "agent-1", changes, &error));
  g_assert_no_error (error);

  objects = list (f, "u7", "agent-1", NULL);
  g_assert_cmpuint (objects->len, ==, 1);
  object = find (objects, "application", "gv-a");
  g_assert_nonnull (object);
  g_assert_cmpstr (object->provider_id, ==, "42");
}

static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GError) error = NULL;
  GovorunProviderObjectChanges *changes;

  /* No account 99: the foreign key refuses, and nothing of the batch stays. */
  changes = govorun_provider_object_changes_new ();
  govorun_provider_object_changes_record (changes, "application", "gv-b");
  g_assert_false (write_changes (f, 99, "agent-1", changes, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);

  objects = list (f, "u7", "agent-1", NULL);
  g_assert_cmpuint (objects->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/Govorun/ProviderObjects/unknown-account", test_unknown_account);
  ADD ("/Govorun/ProviderObjects/record-set-id-forget", test_record_set_id_forget);
  ADD ("/Govorun/ProviderObjects/write-error", test_write_error);

  return g_test_run ();
}
