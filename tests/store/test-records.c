/* test-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The typed queries of src/store/: govorun-account-records.c and
 * govorun-agent-records.c, against a real database file.
 */

#include "config.h"

#include <string.h>

#include "govorun-account-records.h"
#include "govorun-agent-records.h"
#include "govorun-profile-records.h"
#include "store-test-util.h"

typedef struct
{
  char         *dir;
  GovorunStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("govorun-test-records-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "govorun.db", NULL);
  f->store = store_test_open (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  govorun_store_close (f->store);
  g_clear_object (&f->store);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
}

/* --- accounts ------------------------------------------------------------- */

static GovorunAccountRecord *
el_record (const char *uuid,
           const char *name)
{
  GovorunAccountRecord *record = g_new0 (GovorunAccountRecord, 1);

  record->uuid = g_strdup (uuid);
  record->kind = GOVORUN_ACCOUNT_KIND_ELEVENLABS;
  record->display_name = g_strdup (name);
  record->secret_generation = 1;
  record->el_region = g_strdup ("global");
  record->created_at = 1000;
  record->updated_at = 1000;
  return record;
}

static GovorunAccountRecord *
vox_record (const char            *uuid,
            const char            *name,
            const char            *account_id,
            GovorunVoximplantAuth  auth,
            const char            *key_id)
{
  GovorunAccountRecord *record = el_record (uuid, name);

  record->kind = GOVORUN_ACCOUNT_KIND_VOXIMPLANT;
  g_clear_pointer (&record->el_region, g_free);
  record->vox_account_id = g_strdup (account_id);
  record->vox_auth = auth;
  record->vox_key_id = g_strdup (key_id);
  return record;
}

static gint64
insert_pending (Fixture                    *f,
                const GovorunAccountRecord *record,
                GError                    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_account_records_insert_pending_async (f->store, record, NULL, test_util_on_result, &result);
  return govorun_account_records_insert_pending_finish (f->store, test_util_wait (&result), error);
}

typedef void     (*UuidAsync)  (GovorunStore        *store,
                                const char          *uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
typedef gboolean (*UuidFinish) (GovorunStore        *store,
                                GAsyncResult        *result,
                                GError             **error);

/* set_ready, delete_unready, mark_deleting and the agents' remove take the
 * same arguments. */
static gboolean
run_uuid (Fixture     *f,
          UuidAsync    async,
          UuidFinish   finish,
          const char  *uuid,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  async (f->store, uuid, NULL, test_util_on_result, &result);
  return finish (f->store, test_util_wait (&result), error);
}

#define SET_READY      govorun_account_records_set_ready_async, govorun_account_records_set_ready_finish
#define DELETE_UNREADY govorun_account_records_delete_unready_async, govorun_account_records_delete_unready_finish
#define MARK_DELETING  govorun_account_records_mark_deleting_async, govorun_account_records_mark_deleting_finish
#define REMOVE_AGENT   govorun_agent_records_remove_async, govorun_agent_records_remove_finish

typedef void      (*ReadAsync)  (GovorunStore        *store,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
typedef GPtrArray *(*ReadFinish) (GovorunStore        *store,
                                  GAsyncResult        *result,
                                  GError             **error);

/* Every row of a table family, as its read_all gives them. */
static GPtrArray *
read_all (Fixture    *f,
          ReadAsync   async,
          ReadFinish  finish)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  async (f->store, NULL, test_util_on_result, &result);
  rows = finish (f->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

#define read_accounts(f) \
  read_all (f, govorun_account_records_read_all_async, govorun_account_records_read_all_finish)
#define read_agents(f) \
  read_all (f, govorun_agent_records_read_all_async, govorun_agent_records_read_all_finish)

/* The one row of the table. */
static GovorunAccountRecord *
read_only_account (Fixture *f)
{
  g_autoptr(GPtrArray) rows = read_accounts (f);

  g_assert_cmpuint (rows->len, ==, 1);
  return govorun_account_record_copy (g_ptr_array_index (rows, 0));
}

/* Inserts @record and makes it ready. */
static void
add_ready (Fixture                    *f,
           const GovorunAccountRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (insert_pending (f, record, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (run_uuid (f, SET_READY, record->uuid, &error));
  g_assert_no_error (error);
}

static void
test_account_insert_ready (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GovorunAccountRecord) record = el_record ("a-1", "Voices");
  g_autoptr(GovorunAccountRecord) row = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = insert_pending (f, record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  row = read_only_account (f);
  g_assert_cmpint (row->id, ==, id);
  g_assert_cmpstr (row->uuid, ==, "a-1");
  g_assert_cmpint (row->kind, ==, GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_assert_cmpstr (row->display_name, ==, "Voices");
  g_assert_cmpstr (row->state, ==, "pending");
  g_assert_cmpuint (row->secret_generation, ==, 1);
  g_assert_cmpstr (row->el_region, ==, "global");
  g_assert_null (row->vox_account_id);
  g_assert_cmpint (row->created_at, ==, 1000);
  g_clear_pointer (&row, govorun_account_record_free);

  g_assert_true (run_uuid (f, SET_READY, "a-1", &error));
  g_assert_no_error (error);
  row = read_only_account (f);
  g_assert_cmpstr (row->state, ==, "ready");

  /* Only a pending row becomes ready. */
  g_assert_false (run_uuid (f, SET_READY, "a-1", &error));
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (run_uuid (f, SET_READY, "nobody", &error));
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_NOT_FOUND);
}

static void
test_account_duplicates (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GovorunAccountRecord) voices = el_record ("a-1", "Voices");
  g_autoptr(GovorunAccountRecord) same_name = el_record ("a-2", "VOICES");
  g_autoptr(GovorunAccountRecord) vox = vox_record ("v-1", "Calls", "1234567",
                                                    GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL);
  g_autoptr(GovorunAccountRecord) same_vox = vox_record ("v-2", "Other calls", "1234567",
                                                         GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL);
  g_autoptr(GovorunAccountRecord) key_1 = vox_record ("v-3", "Key one", "7654321",
                                                      GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT, "key-1");
  g_autoptr(GovorunAccountRecord) key_2 = vox_record ("v-4", "Key two", "7654321",
                                                      GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT, "key-2");
  g_autoptr(GovorunAccountRecord) key_1_again = vox_record ("v-5", "Key one again", "7654321",
                                                            GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT, "key-1");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  add_ready (f, voices);
  add_ready (f, vox);
  add_ready (f, key_1);

  /* The same name, whatever the case, within a kind. */
  g_assert_cmpint (insert_pending (f, same_name, &error), ==, 0);
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* One API key entry per Voximplant account; one entry per key. */
  g_assert_cmpint (insert_pending (f, same_vox, &error), ==, 0);
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (insert_pending (f, key_1_again, &error), ==, 0);
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (insert_pending (f, key_2, &error), >, 0);
  g_assert_no_error (error);

  rows = read_accounts (f);
  g_assert_cmpuint (rows->len, ==, 4);
}

static gboolean
update (Fixture                    *f,
        const GovorunAccountRecord *record,
        guint                       old_generation,
        GError                    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_account_records_update_async (f->store, record, old_generation, NULL,
                                        test_util_on_result, &result);
  return govorun_account_records_update_finish (f->store, test_util_wait (&result), error);
}

static void
test_account_update (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GovorunAccountRecord) record = el_record ("a-1", "Voices");
  g_autoptr(GovorunAccountRecord) other = el_record ("a-2", "Other");
  g_autoptr(GovorunAccountRecord) row = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  add_ready (f, record);
  add_ready (f, other);

  g_free (record->display_name);
  record->display_name = g_strdup ("New voices");
  g_free (record->el_region);
  record->el_region = g_strdup ("us");
  record->secret_generation = 2;
  record->updated_at = 2000;
  g_assert_true (update (f, record, 1, &error));
  g_assert_no_error (error);

  rows = read_accounts (f);
  row = govorun_account_record_copy (g_ptr_array_index (rows, 0));
  g_assert_cmpstr (row->uuid, ==, "a-1");
  g_assert_cmpstr (row->display_name, ==, "New voices");
  g_assert_cmpstr (row->el_region, ==, "us");
  g_assert_cmpuint (row->secret_generation, ==, 2);
  g_assert_cmpint (row->updated_at, ==, 2000);
  g_assert_cmpint (row->created_at, ==, 1000);

  /* The row no longer points at generation 1. */
  g_assert_false (update (f, record, 1, &error));
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Renaming onto another account's name. */
  g_free (record->display_name);
  record->display_name = g_strdup ("other");
  g_assert_false (update (f, record, 2, &error));
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_DUPLICATE);
}

static gboolean
set_test_result (Fixture     *f,
                 const char  *uuid,
                 GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_account_records_set_test_result_async (f->store, uuid, 3000, TRUE, "Connected", NULL,
                                                 test_util_on_result, &result);
  return govorun_account_records_set_test_result_finish (f->store, test_util_wait (&result), error);
}

static void
test_account_test_result (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GovorunAccountRecord) record = el_record ("a-1", "Voices");
  g_autoptr(GovorunAccountRecord) row = NULL;
  g_autoptr(GError) error = NULL;

  /* Only a ready row keeps a test result. */
  g_assert_cmpint (insert_pending (f, record, &error), >, 0);
  g_assert_false (set_test_result (f, "a-1", &error));
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (run_uuid (f, SET_READY, "a-1", &error));
  g_assert_true (set_test_result (f, "a-1", &error));
  g_assert_no_error (error);
  row = read_only_account (f);
  g_assert_cmpint (row->last_test_at, ==, 3000);
  g_assert_true (row->last_test_ok);
  g_assert_cmpstr (row->last_test_summary, ==, "Connected");
}

static void
test_account_remove (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GovorunAccountRecord) record = el_record ("a-1", "Voices");
  g_autoptr(GovorunAccountRecord) row = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  add_ready (f, record);

  /* A ready row is never deleted by delete_unready. */
  g_assert_true (run_uuid (f, DELETE_UNREADY, "a-1", &error));
  g_assert_no_error (error);
  row = read_only_account (f);
  g_assert_cmpstr (row->state, ==, "ready");
  g_clear_pointer (&row, govorun_account_record_free);

  g_assert_true (run_uuid (f, MARK_DELETING, "a-1", &error));
  g_assert_no_error (error);
  row = read_only_account (f);
  g_assert_cmpstr (row->state, ==, "deleting");

  /* Only a ready row is marked. */
  g_assert_false (run_uuid (f, MARK_DELETING, "a-1", &error));
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (run_uuid (f, DELETE_UNREADY, "a-1", &error));
  g_assert_no_error (error);
  rows = read_accounts (f);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* --- agents --------------------------------------------------------------- */

static GovorunAgent *
save_agent (Fixture       *f,
            GovorunAgent  *agent,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_agent_records_save_async (f->store, agent, NULL, test_util_on_result, &result);
  return govorun_agent_records_save_finish (f->store, test_util_wait (&result), error);
}

static GovorunAgent *
draft_agent (const char *name,
             const char *el_account_uuid)
{
  GovorunAgent *agent = govorun_agent_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);

  govorun_agent_set_name (agent, name);
  govorun_agent_set_el_account_uuid (agent, el_account_uuid);
  g_ptr_array_add (numbers, govorun_agent_number_new (11, "74950000011"));
  govorun_agent_set_numbers (agent, numbers);
  return agent;
}

static void
test_agent_save_read (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunAccountRecord) account = el_record ("a-1", "Voices");
  g_autoptr(GovorunAgent) draft = draft_agent ("Ресепшн", "a-1");
  g_autoptr(GovorunAgent) same_name = draft_agent ("Ресепшн", "a-1");
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GovorunAgent) second = NULL;
  g_autoptr(GovorunAgent) resaved = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = govorun_agent_slugify ("Ресепшн");
  g_autofree char *slug_2 = g_strconcat (slug, "-2", NULL);
  GovorunAgent *read;
  GovorunAgentNumber *number;

  add_ready (f, account);

  saved = save_agent (f, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_true (saved != draft);
  g_assert_null (govorun_agent_get_uuid (draft));   /* the caller's object is left alone */
  g_assert_nonnull (govorun_agent_get_uuid (saved));
  g_assert_cmpstr (govorun_agent_get_slug (saved), ==, slug);
  g_assert_cmpint (govorun_agent_get_created_at (saved), >, 0);

  /* A second agent of the same name gets the next free slug. */
  second = save_agent (f, same_name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (govorun_agent_get_slug (second), ==, slug_2);

  /* Saving again replaces the numbers. */
  g_ptr_array_add (numbers, govorun_agent_number_new (22, "74950000022"));
  govorun_agent_set_numbers (saved, numbers);
  resaved = save_agent (f, saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (govorun_agent_get_uuid (resaved), ==, govorun_agent_get_uuid (saved));
  g_assert_cmpstr (govorun_agent_get_slug (resaved), ==, slug);

  agents = read_agents (f);
  g_assert_cmpuint (agents->len, ==, 2);
  read = g_ptr_array_index (agents, 0);
  if (g_strcmp0 (govorun_agent_get_uuid (read), govorun_agent_get_uuid (saved)) != 0)
    read = g_ptr_array_index (agents, 1);
  g_assert_cmpstr (govorun_agent_get_uuid (read), ==, govorun_agent_get_uuid (saved));
  g_assert_cmpstr (govorun_agent_get_name (read), ==, "Ресепшн");
  g_assert_cmpstr (govorun_agent_get_el_account_uuid (read), ==, "a-1");
  g_assert_null (govorun_agent_get_vox_account_uuid (read));
  g_assert_cmpuint (govorun_agent_get_numbers (read)->len, ==, 1);
  number = g_ptr_array_index (govorun_agent_get_numbers (read), 0);
  g_assert_cmpint (number->phone_id, ==, 22);
  g_assert_cmpstr (number->number, ==, "74950000022");
}

static void
test_agent_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunAgent) no_account = draft_agent ("Sales", "missing");
  g_autoptr(GovorunAgent) unsaved = draft_agent ("Support", NULL);
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GError) error = NULL;

  /* An account that is not saved (ready) cannot be used. */
  saved = save_agent (f, no_account, &error);
  g_assert_error (error, GOVORUN_AGENT_RECORDS_ERROR, GOVORUN_AGENT_RECORDS_ERROR_INVALID);
  g_assert_null (saved);
  g_clear_error (&error);

  /* Updating an agent that has no row. */
  govorun_agent_set_uuid (unsaved, "not-saved");
  govorun_agent_set_slug (unsaved, "support");
  saved = save_agent (f, unsaved, &error);
  g_assert_error (error, GOVORUN_AGENT_RECORDS_ERROR, GOVORUN_AGENT_RECORDS_ERROR_NOT_FOUND);
  g_assert_null (saved);

  agents = read_agents (f);
  g_assert_cmpuint (agents->len, ==, 0);
}

static void
test_agent_remove (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunAccountRecord) account = el_record ("a-1", "Voices");
  g_autoptr(GovorunAgent) draft = draft_agent ("Reception", "a-1");
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GError) error = NULL;

  add_ready (f, account);
  saved = save_agent (f, draft, &error);
  g_assert_no_error (error);

  /* The account is in use while the agent exists, and the error names it. */
  g_assert_false (run_uuid (f, MARK_DELETING, "a-1", &error));
  g_assert_error (error, GOVORUN_ACCOUNT_RECORDS_ERROR, GOVORUN_ACCOUNT_RECORDS_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Reception"));
  g_clear_error (&error);

  g_assert_true (run_uuid (f, REMOVE_AGENT, govorun_agent_get_uuid (saved), &error));
  g_assert_no_error (error);
  agents = read_agents (f);
  g_assert_cmpuint (agents->len, ==, 0);

  g_assert_true (run_uuid (f, MARK_DELETING, "a-1", &error));
  g_assert_no_error (error);
}

/* The profile's values under keys: absent is NULL without an error; set,
 * replaced, removed; the computer id cannot be overwritten this way. */
static void
test_profile_values (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  govorun_profile_records_get_async (f->store, "analysis-seen/a/b", NULL, test_util_on_result, &result);
  value = govorun_profile_records_get_finish (f->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_clear_object (&result);

  for (guint i = 0; i < 2; i++)
    {
      govorun_profile_records_set_async (f->store, "analysis-seen/a/b", i == 0 ? "one" : "two", NULL,
                                         test_util_on_result, &result);
      g_assert_true (govorun_profile_records_set_finish (f->store, test_util_wait (&result), &error));
      g_assert_no_error (error);
      g_clear_object (&result);
    }
  govorun_profile_records_get_async (f->store, "analysis-seen/a/b", NULL, test_util_on_result, &result);
  value = govorun_profile_records_get_finish (f->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "two");
  g_clear_object (&result);
  g_clear_pointer (&value, g_free);

  govorun_profile_records_set_async (f->store, "analysis-seen/a/b", NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_profile_records_set_finish (f->store, test_util_wait (&result), &error));
  g_clear_object (&result);
  govorun_profile_records_get_async (f->store, "analysis-seen/a/b", NULL, test_util_on_result, &result);
  value = govorun_profile_records_get_finish (f->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_clear_object (&result);

  govorun_profile_records_get_async (f->store, "computer_id", NULL, test_util_on_result, &result);
  value = govorun_profile_records_get_finish (f->store, test_util_wait (&result), &error);
  g_assert_cmpuint (strlen (value), ==, 32);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/Govorun/AccountRecords/insert-ready", test_account_insert_ready);
  ADD ("/Govorun/AccountRecords/duplicates", test_account_duplicates);
  ADD ("/Govorun/AccountRecords/update", test_account_update);
  ADD ("/Govorun/AccountRecords/test-result", test_account_test_result);
  ADD ("/Govorun/AccountRecords/remove", test_account_remove);
  ADD ("/Govorun/AgentRecords/save-read", test_agent_save_read);
  ADD ("/Govorun/AgentRecords/errors", test_agent_errors);
  ADD ("/Govorun/AgentRecords/remove", test_agent_remove);

  g_test_add ("/Govorun/Records/profile-values", Fixture, NULL, fixture_setup, test_profile_values,
              fixture_teardown);

  return g_test_run ();
}
