/* test-agent-store.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agents service over a real SQLite store: save, load, edit, remove,
 * slugs and numbers.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "govorun-agent-store.h"
#include "govorun-store-private.h"
#include "test-util.h"

typedef struct
{
  char              *dir;
  char              *path;
  GovorunStore      *store;
  GovorunAgentStore *agents;
  GAsyncResult      *result;
} Fixture;

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  test_util_on_result (object, result, &((Fixture *) user_data)->result);
}

static GAsyncResult *
wait_result (Fixture *f)
{
  return test_util_wait (&f->result);
}

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
exec_write (Fixture    *f,
            const char *sql)
{
  g_autoptr(GError) error = NULL;

  govorun_store_write_async (f->store, func_exec, (gpointer) sql, NULL, NULL, on_result, f);
  govorun_store_write_finish (f->store, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("govorun-agents-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "govorun.db", NULL);
  f->store = govorun_store_new (f->path);
  govorun_store_open_async (f->store, NULL, on_result, f);
  g_assert_true (govorun_store_open_finish (f->store, wait_result (f), &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);

  exec_write (f, "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                 " VALUES ('vox-1', 'voximplant', 'Clinic', 'ready', 1, 1),"
                 " ('el-1', 'elevenlabs', 'Agents', 'ready', 1, 1)");

  f->agents = govorun_agent_store_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->agents);
  govorun_store_close (f->store);
  g_clear_object (&f->store);
  g_clear_object (&f->result);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GovorunAgent *
save (Fixture       *f,
      GovorunAgent  *agent,
      GError       **error)
{
  GovorunAgent *saved;

  govorun_agent_store_save_async (f->agents, agent, NULL, on_result, f);
  saved = govorun_agent_store_save_finish (f->agents, wait_result (f), error);
  g_clear_object (&f->result);
  return saved;
}

static GovorunAgent *
draft (const char *name)
{
  GovorunAgent *agent = govorun_agent_new ();

  govorun_agent_set_name (agent, name);
  govorun_agent_set_vox_account_uuid (agent, "vox-1");
  govorun_agent_set_el_account_uuid (agent, "el-1");
  govorun_agent_set_el_agent_id (agent, "agent_123");
  return agent;
}

static void
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  govorun_agent_store_load_async (f->agents, NULL, on_result, f);
  g_assert_true (govorun_agent_store_load_finish (f->agents, wait_result (f), &error));
  g_clear_object (&f->result);
  g_assert_no_error (error);
}

static void
test_slugify (void)
{
  const struct { const char *name, *slug; } cases[] = {
    { "Clinic", "clinic" },
    { "Клиника «Здоровье»", "klinika-zdorove" },
    { "Щука и Юла", "shchuka-i-yula" },
    { "  --Hotel  Royal!! ", "hotel-royal" },
    { "Ёжик 24/7", "ezhik-24-7" },
    { "A very long agent name indeed", "a-very-long-agent-na" },
    { "Приёмная главного врача", "priemnaya-glavnogo-v" },
    { "!!!", "agent" },
    { "", "agent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = govorun_agent_slugify (cases[i].name);

      g_assert_cmpstr (slug, ==, cases[i].slug);
      g_assert_cmpuint (strlen (slug), <=, GOVORUN_AGENT_SLUG_MAX_LEN);
    }
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunAgent) agent = draft ("Клиника");
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GovorunAgent) edit = NULL;
  g_autoptr(GovorunAgent) saved2 = NULL;
  g_autoptr(GovorunAgentStore) reloaded = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GovorunAgent) first = NULL;
  g_autoptr(GovorunAgent) alpha = NULL;
  g_autoptr(GError) error = NULL;
  GovorunAgent *loaded;

  g_ptr_array_add (numbers, govorun_agent_number_new (11, "74951230001"));
  g_ptr_array_add (numbers, govorun_agent_number_new (12, "78121230001"));
  govorun_agent_set_numbers (agent, numbers);
  govorun_agent_set_outbound (agent, TRUE);
  govorun_agent_set_el_agent_name (agent, "Reception");

  saved = save (f, agent, &error);
  g_assert_no_error (error);
  g_assert_nonnull (govorun_agent_get_uuid (saved));
  g_assert_cmpstr (govorun_agent_get_slug (saved), ==, "klinika");
  g_assert_cmpint (govorun_agent_get_created_at (saved), >, 0);
  g_assert_cmpint (govorun_agent_get_state (saved), ==, GOVORUN_AGENT_STATE_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->agents)), ==, 1);
  g_assert_true (govorun_agent_store_find_by_uuid (f->agents, govorun_agent_get_uuid (saved)) == saved);

  /* Edit a copy: the held agent follows, the slug stays. */
  edit = govorun_agent_copy (saved);
  govorun_agent_set_name (edit, "Reception desk");
  govorun_agent_set_state (edit, GOVORUN_AGENT_STATE_PARTIAL);
  govorun_agent_set_last_step (edit, "rule-inbound");
  govorun_agent_set_last_error (edit, "Could not create the rule.");
  govorun_agent_set_application_id (edit, 42);
  govorun_agent_set_application_name (edit, "gv-klinika.demo.n1.voximplant.com");
  g_ptr_array_remove_index (numbers, 0);
  govorun_agent_set_numbers (edit, numbers);
  saved2 = save (f, edit, &error);
  g_assert_no_error (error);
  g_assert_true (saved2 == saved);
  g_assert_cmpstr (govorun_agent_get_name (saved), ==, "Reception desk");
  g_assert_cmpstr (govorun_agent_get_slug (saved), ==, "klinika");
  g_assert_cmpuint (govorun_agent_get_numbers (saved)->len, ==, 1);

  /* Everything survives a reload from disk. */
  reloaded = govorun_agent_store_new (f->store);
  govorun_agent_store_load_async (reloaded, NULL, on_result, f);
  g_assert_true (govorun_agent_store_load_finish (reloaded, wait_result (f), &error));
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  loaded = govorun_agent_store_find_by_uuid (reloaded, govorun_agent_get_uuid (saved));
  g_assert_nonnull (loaded);
  g_assert_cmpstr (govorun_agent_get_name (loaded), ==, "Reception desk");
  g_assert_cmpstr (govorun_agent_get_slug (loaded), ==, "klinika");
  g_assert_cmpstr (govorun_agent_get_vox_account_uuid (loaded), ==, "vox-1");
  g_assert_cmpstr (govorun_agent_get_el_account_uuid (loaded), ==, "el-1");
  g_assert_cmpstr (govorun_agent_get_el_agent_id (loaded), ==, "agent_123");
  g_assert_cmpstr (govorun_agent_get_el_agent_name (loaded), ==, "Reception");
  g_assert_true (govorun_agent_get_inbound (loaded));
  g_assert_true (govorun_agent_get_outbound (loaded));
  g_assert_true (govorun_agent_get_record (loaded));
  g_assert_cmpint (govorun_agent_get_engine (loaded), ==, GOVORUN_AGENT_ENGINE_ELEVENLABS);
  g_assert_cmpint (govorun_agent_get_state (loaded), ==, GOVORUN_AGENT_STATE_PARTIAL);
  g_assert_cmpstr (govorun_agent_get_last_step (loaded), ==, "rule-inbound");
  g_assert_cmpstr (govorun_agent_get_last_error (loaded), ==, "Could not create the rule.");
  g_assert_cmpint (govorun_agent_get_application_id (loaded), ==, 42);
  g_assert_cmpstr (govorun_agent_get_application_name (loaded), ==, "gv-klinika.demo.n1.voximplant.com");
  g_assert_cmpint (govorun_agent_get_created_at (loaded), ==, govorun_agent_get_created_at (saved));
  g_assert_cmpuint (govorun_agent_get_numbers (loaded)->len, ==, 1);
  g_assert_cmpint (((GovorunAgentNumber *) g_ptr_array_index (govorun_agent_get_numbers (loaded), 0))->phone_id, ==, 12);

  /* Phone look-up, per account. */
  g_assert_true (govorun_agent_store_find_by_phone_id (f->agents, "vox-1", 12) == saved);
  g_assert_null (govorun_agent_store_find_by_phone_id (f->agents, "vox-1", 11));
  g_assert_null (govorun_agent_store_find_by_phone_id (f->agents, "vox-2", 12));

  /* The model is sorted by name. */
  alpha = draft ("Alpha");
  first = save (f, alpha, &error);
  g_assert_no_error (error);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (f->agents), 0);
  g_assert_cmpstr (govorun_agent_get_name (first), ==, "Alpha");

  /* Remove. */
  govorun_agent_store_remove_async (f->agents, saved, NULL, on_result, f);
  g_assert_true (govorun_agent_store_remove_finish (f->agents, wait_result (f), &error));
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->agents)), ==, 1);
  g_assert_null (govorun_agent_store_find_by_uuid (f->agents, govorun_agent_get_uuid (saved)));
  load (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->agents)), ==, 1);

  /* Removing again, or saving the removed one: not found. */
  govorun_agent_store_remove_async (f->agents, saved, NULL, on_result, f);
  g_assert_false (govorun_agent_store_remove_finish (f->agents, wait_result (f), &error));
  g_clear_object (&f->result);
  g_assert_error (error, GOVORUN_AGENT_STORE_ERROR, GOVORUN_AGENT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (save (f, saved, &error));
  g_assert_error (error, GOVORUN_AGENT_STORE_ERROR, GOVORUN_AGENT_STORE_ERROR_NOT_FOUND);
}

static void
test_unique_slugs (Fixture       *f,
                   gconstpointer  data)
{
  const char *names[] = { "Clinic", "clinic", "CLINIC!", "Клиник", "A very long agent name indeed",
                          "A very long agent name, too" };
  const char *slugs[] = { "clinic", "clinic-2", "clinic-3", "klinik", "a-very-long-agent-na",
                          "a-very-long-agent-2" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GovorunAgent) agent = draft (names[i]);
      g_autoptr(GovorunAgent) saved = NULL;
      g_autoptr(GError) error = NULL;

      saved = save (f, agent, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (govorun_agent_get_slug (saved), ==, slugs[i]);
    }
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GovorunAgent) unnamed = draft ("  ");
  g_autoptr(GovorunAgent) no_account = draft ("Clinic");
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = save (f, unnamed, &error);
  g_assert_null (saved);
  g_assert_error (error, GOVORUN_AGENT_STORE_ERROR, GOVORUN_AGENT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  govorun_agent_set_vox_account_uuid (no_account, "gone");
  saved = save (f, no_account, &error);
  g_assert_null (saved);
  g_assert_error (error, GOVORUN_AGENT_STORE_ERROR, GOVORUN_AGENT_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->agents)), ==, 0);
}

static void
test_copy (void)
{
  g_autoptr(GovorunAgent) agent = draft ("Clinic");
  g_autoptr(GovorunAgent) copy = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);

  g_ptr_array_add (numbers, govorun_agent_number_new (5, "74951230001"));
  govorun_agent_set_numbers (agent, numbers);
  govorun_agent_set_engine (agent, GOVORUN_AGENT_ENGINE_WEBHOOK);
  govorun_agent_set_webhook_url (agent, "https://bot.example/hook");
  govorun_agent_set_tenant_slug (agent, "clinic");
  govorun_agent_set_record (agent, FALSE);
  copy = govorun_agent_copy (agent);
  g_assert_cmpint (govorun_agent_get_engine (copy), ==, GOVORUN_AGENT_ENGINE_WEBHOOK);
  g_assert_cmpstr (govorun_agent_get_webhook_url (copy), ==, "https://bot.example/hook");
  g_assert_cmpstr (govorun_agent_get_tenant_slug (copy), ==, "clinic");
  g_assert_false (govorun_agent_get_record (copy));
  g_assert_true (govorun_agent_has_phone_id (copy, 5));
  /* Detached: changing the copy leaves the original alone. */
  govorun_agent_set_numbers (copy, NULL);
  g_assert_true (govorun_agent_has_phone_id (agent, 5));
  g_assert_cmpstr (govorun_agent_state_to_string (GOVORUN_AGENT_STATE_DRIFTED), ==, "drifted");
  g_assert_cmpstr (govorun_agent_engine_to_string (GOVORUN_AGENT_ENGINE_WEBHOOK), ==, "webhook");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/AgentStore/slugify", test_slugify);
  g_test_add_func ("/Govorun/AgentStore/copy", test_copy);
  g_test_add ("/Govorun/AgentStore/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/Govorun/AgentStore/unique-slugs", Fixture, NULL, fixture_setup, test_unique_slugs, fixture_teardown);
  g_test_add ("/Govorun/AgentStore/invalid", Fixture, NULL, fixture_setup, test_invalid, fixture_teardown);

  return g_test_run ();
}
