/* test-sorted-list.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GListModel behind the accounts and the agents: order, look-up by
 * key, and the items-changed signals views rely on.
 */
#include "config.h"

#include "govorun-sorted-list.h"

/* Items: plain GObjects ordered by a "name" that can change, keyed by an
 * "id" that cannot. */
static const char *
name_of (gconstpointer item)
{
  return g_object_get_data (G_OBJECT (item), "name");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (name_of (a), name_of (b));
}

static const char *
id_key (gpointer item)
{
  return g_object_get_data (G_OBJECT (item), "id");
}

static GObject *
item_new (const char *id,
          const char *name)
{
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (item, "id", g_strdup (id), g_free);
  g_object_set_data_full (item, "name", g_strdup (name), g_free);
  return item;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u:%u:%u;", position, removed, added);
}

static GovorunSortedList *
new_list (GString *log)
{
  GovorunSortedList *list = g_object_new (GOVORUN_TYPE_SORTED_LIST, NULL);

  govorun_sorted_list_setup (list, G_TYPE_OBJECT, compare_names, id_key);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), log);
  return list;
}

static char *
names (GovorunSortedList *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (out, "%s%s", i ? "," : "", name_of (item));
    }
  return g_string_free (out, FALSE);
}

static void
test_insert_find_remove (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GovorunSortedList) list = new_list (log);
  g_autofree char *order = NULL;
  const char *input[] = { "m", "c", "x", "a" };
  guint pos = 99;

  for (guint i = 0; i < G_N_ELEMENTS (input); i++)
    {
      g_autoptr(GObject) item = item_new (input[i], input[i]);

      govorun_sorted_list_insert (list, item);
    }
  order = names (list);
  g_assert_cmpstr (order, ==, "a,c,m,x");
  g_assert_cmpstr (log->str, ==, "0:0:1;0:0:1;2:0:1;0:0:1;");
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (list)), ==, G_TYPE_OBJECT);
  g_assert_cmpuint (govorun_sorted_list_get_length (list), ==, 4);

  g_assert_true (govorun_sorted_list_find_position (list, "m", &pos));
  g_assert_cmpuint (pos, ==, 2);
  g_assert_cmpstr (name_of (govorun_sorted_list_find (list, "x")), ==, "x");
  g_assert_null (govorun_sorted_list_find (list, "nope"));
  g_assert_null (govorun_sorted_list_find (list, NULL));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 4));

  g_string_truncate (log, 0);
  g_assert_true (govorun_sorted_list_remove (list, "c"));
  g_assert_false (govorun_sorted_list_remove (list, "c"));
  g_assert_cmpstr (log->str, ==, "1:1:0;");
}

/* A moved item leaves and arrives; one that stays is changed in place. */
static void
test_resort (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GovorunSortedList) list = new_list (log);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_items_notified = 0;

  g_ptr_array_add (items, item_new ("1", "b"));
  g_ptr_array_add (items, item_new ("2", "a"));
  g_ptr_array_add (items, item_new ("3", "c"));
  g_signal_connect_swapped (list, "notify::n-items", G_CALLBACK (g_atomic_int_inc), &n_items_notified);

  govorun_sorted_list_replace_all (list, items);
  before = names (list);
  g_assert_cmpstr (before, ==, "a,b,c");
  g_assert_cmpstr (log->str, ==, "0:0:3;");
  g_assert_cmpuint (n_items_notified, ==, 1);

  g_string_truncate (log, 0);
  govorun_sorted_list_resort (list, govorun_sorted_list_find (list, "1"));
  g_assert_cmpstr (log->str, ==, "1:1:1;");
  g_assert_cmpuint (n_items_notified, ==, 1);

  /* "a" becomes "z": it leaves the front and arrives at the end. */
  g_string_truncate (log, 0);
  g_object_set_data_full (govorun_sorted_list_find (list, "2"), "name", g_strdup ("z"), g_free);
  govorun_sorted_list_resort (list, govorun_sorted_list_find (list, "2"));
  g_assert_cmpstr (log->str, ==, "0:1:0;2:0:1;");
  g_clear_pointer (&before, g_free);
  before = names (list);
  g_assert_cmpstr (before, ==, "b,c,z");

  /* Replacing keeps the count honest, from 3 to 0. */
  g_string_truncate (log, 0);
  govorun_sorted_list_clear (list);
  g_assert_cmpstr (log->str, ==, "0:3:0;");
  after = names (list);
  g_assert_cmpstr (after, ==, "");
  g_assert_cmpuint (n_items_notified, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/SortedList/insert-find-remove", test_insert_find_remove);
  g_test_add_func ("/Govorun/SortedList/resort", test_resort);

  return g_test_run ();
}
