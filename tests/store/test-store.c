/* test-store.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestStore"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "govorun-store.h"
#include "govorun-store-private.h"
#include "store-test-util.h"

#define TEST_ERROR (g_quark_from_static_string ("govorun-test-error"))

typedef struct
{
  char *dir;
  char *path;   /* in a sub-folder that does not exist yet */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("govorun-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "profile", "govorun.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_util_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
open_store_full (GovorunStore  *store,
                 GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_store_open_async (store, NULL, test_util_on_result, &result);
  return govorun_store_open_finish (store, test_util_wait (&result), error);
}

static gpointer
write_sync (GovorunStore           *store,
            GovorunStoreWriteFunc   func,
            gpointer                data,
            GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_store_write_async (store, func, data, NULL, NULL, test_util_on_result, &result);
  return govorun_store_write_finish (store, test_util_wait (&result), error);
}

static gpointer
read_sync (GovorunStore           *store,
           GovorunStoreWriteFunc   func,
           gpointer                data,
           GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_store_read_async (store, func, data, NULL, NULL, test_util_on_result, &result);
  return govorun_store_read_finish (store, test_util_wait (&result), error);
}

/* A func that runs the SQL in @data and returns the first column of the
 * first row as a string (or NULL). */
static gboolean
func_query_text (sqlite3         *db,
                 gpointer         data,
                 gpointer        *out_result,
                 GDestroyNotify  *out_destroy,
                 GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, data, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      *out_result = g_strdup (text != NULL ? text : "(null)");
      *out_destroy = g_free;
    }
  else if (rc != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
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

static char *
query_text (GovorunStore *store,
            const char   *sql)
{
  g_autoptr(GError) error = NULL;
  char *text = read_sync (store, func_query_text, (gpointer) sql, &error);

  g_assert_no_error (error);
  return text;
}

static void
exec_write (GovorunStore *store,
            const char   *sql)
{
  g_autoptr(GError) error = NULL;

  write_sync (store, func_exec, (gpointer) sql, &error);
  g_assert_no_error (error);
}

static GStrv
table_columns (GovorunStore *store,
               const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat(name, ',') FROM pragma_table_info('%s')",
                                          table);
  g_autofree char *text = query_text (store, sql);

  return g_strsplit (text, ",", -1);
}

static void
assert_latest_schema (GovorunStore *store)
{
  g_auto(GStrv) accounts = table_columns (store, "accounts");
  g_auto(GStrv) objects = table_columns (store, "provider_objects");
  g_autofree char *index = NULL;
  g_autofree char *fk = NULL;
  const char * const account_columns[] = {
    "id", "uuid", "kind", "display_name", "state", "secret_generation", "vox_account_id",
    "vox_auth", "vox_key_id", "vox_account_email", "el_region", "created_at", "updated_at",
    "last_test_at", "last_test_ok", "last_test_summary", NULL
  };
  const char * const object_columns[] = {
    "id", "account_id", "provider", "object_type", "provider_id", "name", "owner",
    "created_at", NULL
  };

  g_assert_cmpuint (govorun_store_get_schema_version (store), ==, _govorun_store_get_latest_version ());
  /* Later migrations add to the end (the lead renumbers when merging). */
  g_assert_cmpuint (_govorun_store_get_latest_version (), >=, 5);
  g_assert_cmpstrv (accounts, account_columns);
  g_assert_cmpstrv (objects, object_columns);

  index = query_text (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                             " AND tbl_name = 'provider_objects' AND sql IS NOT NULL");
  g_assert_cmpstr (index, ==, "1");
  fk = query_text (store, "SELECT \"table\" || ':' || on_delete FROM pragma_foreign_key_list('provider_objects')");
  g_assert_cmpstr (fk, ==, "accounts:CASCADE");
}

static gboolean
func_foreign_keys (sqlite3         *db,
                   gpointer         data,
                   gpointer        *out_result,
                   GDestroyNotify  *out_destroy,
                   GError         **error)
{
  return func_query_text (db, (gpointer) "PRAGMA foreign_keys", out_result, out_destroy, error);
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GovorunStore) store = govorun_store_new (f->path);
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *mode = NULL;
  g_autofree char *fk = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpstr (govorun_store_get_path (store), ==, f->path);
  g_assert_cmpuint (govorun_store_get_schema_version (store), ==, 0);
  g_assert_true (open_store_full (store, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  exec_write (store, "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                     " VALUES ('u1', 'elevenlabs', 'A', 'ready', 1, 1)");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Foreign keys on the writer and on the readers. */
  fk = write_sync (store, func_foreign_keys, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fk, ==, "1");
  g_clear_pointer (&fk, g_free);
  fk = query_text (store, "PRAGMA foreign_keys");
  g_assert_cmpstr (fk, ==, "1");

  assert_latest_schema (store);

  /* Opening twice is refused. */
  g_assert_false (open_store_full (store, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_OPEN);
  g_clear_error (&error);

  /* Close checkpoints and removes the WAL. */
  govorun_store_close (store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  govorun_store_close (store);   /* twice is fine */
}

static void
test_foreign_keys (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  exec_write (store, "INSERT INTO accounts (id, uuid, kind, display_name, state, created_at, updated_at)"
                     " VALUES (7, 'u7', 'voximplant', 'V', 'ready', 1, 1)");
  exec_write (store, "INSERT INTO provider_objects (account_id, provider, object_type, name, created_at)"
                     " VALUES (7, 'voximplant', 'application', 'govorun-app', 1)");

  /* No such account: refused. */
  write_sync (store, func_exec,
              (gpointer) "INSERT INTO provider_objects (account_id, provider, object_type, name, created_at)"
                         " VALUES (8, 'voximplant', 'rule', 'r', 1)",
              &error);
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  g_clear_error (&error);

  /* Same (account, type, name) twice: refused. */
  write_sync (store, func_exec,
              (gpointer) "INSERT INTO provider_objects (account_id, provider, object_type, name, created_at)"
                         " VALUES (7, 'voximplant', 'application', 'govorun-app', 2)",
              &error);
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_clear_error (&error);

  /* Deleting the account takes its objects along. */
  exec_write (store, "DELETE FROM accounts WHERE id = 7");
  count = query_text (store, "SELECT count(*) FROM provider_objects");
  g_assert_cmpstr (count, ==, "0");
}

/* Version 3: agents and their numbers; an account an agent uses cannot be
 * removed (neither deleted nor marked for deletion), the agent's numbers
 * go with it. */
static void
test_agents_schema (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *fk = NULL;
  g_auto(GStrv) agents = table_columns (store, "agents");
  g_auto(GStrv) numbers = table_columns (store, "agent_numbers");
  const char * const agent_columns[] = {
    "id", "uuid", "name", "slug", "el_account_id", "vox_account_id", "el_agent_id",
    "el_agent_name", "inbound", "outbound", "engine", "webhook_url", "tenant_slug", "record",
    "state", "last_step", "last_error", "application_id", "application_name", "created_at",
    "updated_at", "key_in_scenario", "bot_language", "bot_voice", "seen_revision", "seen_computer",
    NULL
  };
  const char * const number_columns[] = { "agent_id", "phone_id", "number", NULL };

  g_assert_cmpstrv (agents, agent_columns);
  g_assert_cmpstrv (numbers, number_columns);
  fk = query_text (store, "SELECT group_concat(\"from\" || ':' || on_delete, ',') FROM"
                          " (SELECT * FROM pragma_foreign_key_list('agents') ORDER BY \"from\")");
  g_assert_cmpstr (fk, ==, "el_account_id:RESTRICT,vox_account_id:RESTRICT");
  g_clear_pointer (&fk, g_free);
  fk = query_text (store, "SELECT \"table\" || ':' || on_delete FROM pragma_foreign_key_list('agent_numbers')");
  g_assert_cmpstr (fk, ==, "agents:CASCADE");

  exec_write (store, "INSERT INTO accounts (id, uuid, kind, display_name, state, created_at, updated_at)"
                     " VALUES (7, 'u7', 'voximplant', 'V', 'ready', 1, 1)");
  exec_write (store, "INSERT INTO agents (id, uuid, name, slug, vox_account_id, engine, state,"
                     " created_at, updated_at) VALUES (1, 'a1', 'Clinic', 'clinic', 7, 'elevenlabs',"
                     " 'draft', 1, 1)");
  exec_write (store, "INSERT INTO agent_numbers (agent_id, phone_id, number) VALUES (1, 5, '74951230001')");

  /* The slug is unique. */
  write_sync (store, func_exec,
              (gpointer) "INSERT INTO agents (uuid, name, slug, engine, state, created_at, updated_at)"
                         " VALUES ('a2', 'Clinic', 'clinic', 'elevenlabs', 'draft', 1, 1)",
              &error);
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_clear_error (&error);

  /* The account is in use: neither marked for deletion nor deleted. */
  write_sync (store, func_exec, (gpointer) "UPDATE accounts SET state = 'deleting' WHERE id = 7", &error);
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "used by an agent"));
  g_clear_error (&error);
  write_sync (store, func_exec, (gpointer) "DELETE FROM accounts WHERE id = 7", &error);
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  g_clear_error (&error);

  /* Removing the agent takes its numbers along and frees the account. */
  exec_write (store, "DELETE FROM agents WHERE id = 1");
  count = query_text (store, "SELECT count(*) FROM agent_numbers");
  g_assert_cmpstr (count, ==, "0");
  exec_write (store, "DELETE FROM accounts WHERE id = 7");
}

/* Creates a database at @version with a row for each table that exists. */
static void
make_database_at (const char *path,
                  guint       version)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (_govorun_store_migrate_to (db, version, &error));
  g_assert_no_error (error);

  if (version >= 1)
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO accounts (uuid, kind, display_name, state, secret_generation,"
                                   " vox_account_id, vox_auth, created_at, updated_at)"
                                   " VALUES ('old-uuid', 'voximplant', 'Old account', 'ready', 3,"
                                   " '1234567', 'api-key', 100, 200)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  if (version >= 2)
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO provider_objects (account_id, provider, object_type, name, created_at)"
                                   " SELECT id, 'voximplant', 'application', 'app', 1 FROM accounts",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrate_from_empty (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GovorunStore) store = NULL;
  g_autofree char *count = NULL;

  /* An existing but empty file (version 0), as well as no file at all
   * (test_open), ends up at the latest schema. */
  make_database_at (f->path, 0);
  store = store_test_open (f->path);
  assert_latest_schema (store);
  count = query_text (store, "SELECT count(*) FROM accounts");
  g_assert_cmpstr (count, ==, "0");
}

static void
test_migrate_from_each_version (Fixture       *f,
                                gconstpointer  data)
{
  for (guint version = 1; version < _govorun_store_get_latest_version (); version++)
    {
      g_autoptr(GovorunStore) store = NULL;
      g_autofree char *row = NULL;
      g_autofree char *test = NULL;
      g_autofree char *version_text = NULL;
      g_autofree char *latest = g_strdup_printf ("%u", _govorun_store_get_latest_version ());

      g_test_message ("Migrating from version %u", version);
      test_util_rm_rf (f->dir);
      g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
      make_database_at (f->path, version);

      store = store_test_open (f->path);
      assert_latest_schema (store);
      version_text = query_text (store, "PRAGMA user_version");
      g_assert_cmpstr (version_text, ==, latest);

      /* The existing row survived, with its values. */
      row = query_text (store, "SELECT uuid || '|' || display_name || '|' || secret_generation"
                               " || '|' || vox_account_id || '|' || created_at FROM accounts");
      g_assert_cmpstr (row, ==, "old-uuid|Old account|3|1234567|100");
      test = query_text (store, "SELECT coalesce(last_test_at, 'never') FROM accounts");
      g_assert_cmpstr (test, ==, "never");

      govorun_store_close (store);
    }
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u",
                                          _govorun_store_get_latest_version () + 1);
  sqlite3 *db = NULL;

  make_database_at (f->path, _govorun_store_get_latest_version ());
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = govorun_store_new (f->path);
  g_assert_false (open_store_full (store, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_NEWER_SCHEMA);
  g_assert_true (g_str_has_prefix (error->message, "This data was written by a newer version of Govorun"));
  g_assert_cmpuint (govorun_store_get_schema_version (store), ==, 0);
  g_clear_error (&error);

  /* The migration entry point refuses too. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_false (_govorun_store_migrate_to (db, 1, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_NEWER_SCHEMA);
  sqlite3_close (db);
  g_clear_error (&error);

  /* Writes queued on a store that failed to open fail as well. */
  write_sync (store, func_exec, (gpointer) "SELECT 1", &error);
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
}

static void
test_migration_failure (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GovorunStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* A table in the way of migration 2 makes it fail; version 1 is kept
   * and nothing of step 2 remains. */
  make_database_at (f->path, 1);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE provider_objects (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = govorun_store_new (f->path);
  g_assert_false (open_store_full (store, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT count(*) FROM pragma_table_info('accounts'))",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 13);   /* no last_test_* columns */
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GovorunStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *garbage = g_strnfill (8192, 'x');

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, garbage, -1, NULL));

  store = govorun_store_new (f->path);
  g_assert_false (open_store_full (store, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
}

static void
test_open_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "profile", NULL);
  g_autoptr(GovorunStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  /* The folder's place is taken by a file. */
  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  store = govorun_store_new (f->path);
  g_assert_false (open_store_full (store, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_OPEN);
  g_clear_error (&error);
  g_clear_object (&store);

  /* A cancelled open does nothing. */
  g_assert_cmpint (g_remove (blocker), ==, 0);
  store = govorun_store_new (f->path);
  g_cancellable_cancel (cancellable);
  govorun_store_open_async (store, cancellable, test_util_on_result, &result);
  g_assert_false (govorun_store_open_finish (store, test_util_wait (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static gboolean
func_insert_then_fail (sqlite3         *db,
                       gpointer         data,
                       gpointer        *out_result,
                       GDestroyNotify  *out_destroy,
                       GError         **error)
{
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                                 " VALUES ('doomed', 'elevenlabs', 'D', 'ready', 1, 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* A result handed out before failing must be freed by the store. */
  *out_result = g_strdup ("leaked?");
  *out_destroy = g_free;
  g_set_error_literal (error, TEST_ERROR, 42, "func failed");
  return FALSE;
}

static gboolean
func_insert_and_return (sqlite3         *db,
                        gpointer         data,
                        gpointer        *out_result,
                        GDestroyNotify  *out_destroy,
                        GError         **error)
{
  if (sqlite3_exec (db, data, NULL, NULL, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  *out_result = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_last_insert_rowid (db));
  *out_destroy = g_free;
  return TRUE;
}

static gboolean
func_return_nothing (sqlite3         *db,
                     gpointer         data,
                     gpointer        *out_result,
                     GDestroyNotify  *out_destroy,
                     GError         **error)
{
  return TRUE;
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *count = NULL;
  gpointer nothing;

  /* The func's result comes back from _finish. */
  id = write_sync (store, func_insert_and_return,
                   (gpointer) "INSERT INTO accounts (id, uuid, kind, display_name, state, created_at, updated_at)"
                              " VALUES (41, 'kept', 'elevenlabs', 'K', 'ready', 1, 1)",
                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "41");

  /* NULL is a valid result. */
  nothing = write_sync (store, func_return_nothing, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (nothing);

  /* A failing func: its error, and its insert rolled back. */
  nothing = write_sync (store, func_insert_then_fail, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, TEST_ERROR, 42);
  g_clear_error (&error);
  count = query_text (store, "SELECT count(*) FROM accounts WHERE uuid = 'doomed'");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);

  /* A constraint failure inside the func: a WRITE error naming the file,
   * and the earlier statement of the same transaction is gone too. */
  write_sync (store, func_exec,
              (gpointer) "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                         " VALUES ('first', 'elevenlabs', 'F', 'ready', 1, 1);"
                         "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                         " VALUES ('second', 'telegram', 'S', 'ready', 1, 1);",
              &error);
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save to Govorun’s database at "));
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "CHECK constraint failed"));
  g_clear_error (&error);
  count = query_text (store, "SELECT count(*) FROM accounts");
  g_assert_cmpstr (count, ==, "1");
}

static void
test_write_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  g_cancellable_cancel (cancellable);
  govorun_store_write_async (store, func_exec,
                             (gpointer) "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                                        " VALUES ('c', 'elevenlabs', 'C', 'ready', 1, 1)",
                             NULL, cancellable, test_util_on_result, &result);
  g_assert_null (govorun_store_write_finish (store, test_util_wait (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  count = query_text (store, "SELECT count(*) FROM accounts");
  g_assert_cmpstr (count, ==, "0");
}

static void
test_not_open (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GovorunStore) store = govorun_store_new (f->path);
  g_autoptr(GError) error = NULL;

  /* Before open. */
  g_assert_null (write_sync (store, func_return_nothing, NULL, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_null (read_sync (store, func_return_nothing, NULL, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_READ);
  g_clear_error (&error);
  g_clear_object (&store);

  /* After close. */
  store = store_test_open (f->path);
  govorun_store_close (store);
  g_assert_null (write_sync (store, func_return_nothing, NULL, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_null (read_sync (store, func_return_nothing, NULL, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_READ);
  g_clear_error (&error);
  g_assert_false (open_store_full (store, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_OPEN);
}

static gboolean
func_read_fail (sqlite3         *db,
                gpointer         data,
                gpointer        *out_result,
                GDestroyNotify  *out_destroy,
                GError         **error)
{
  g_set_error_literal (error, TEST_ERROR, 7, "read func failed");
  return FALSE;
}

static void
test_read_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  /* Read connections are read-only: a write there is refused, as a write. */
  g_assert_null (read_sync (store, func_exec,
                            (gpointer) "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                                       " VALUES ('r', 'elevenlabs', 'R', 'ready', 1, 1)",
                            &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save to Govorun’s database at "));
  g_clear_error (&error);

  g_assert_null (read_sync (store, func_read_fail, NULL, &error));
  g_assert_error (error, TEST_ERROR, 7);
  g_clear_error (&error);

  g_assert_null (read_sync (store, func_exec, (gpointer) "SELECT * FROM no_such_table", &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_READ);
  g_clear_error (&error);

  count = query_text (store, "SELECT count(*) FROM accounts");
  g_assert_cmpstr (count, ==, "0");
}

/* A write-protected database opens (SQLite falls back to read-only), and a
 * write then says it could not save, not that the file is unreadable. */
static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GovorunStore) again = NULL;
  g_autoptr(GError) error = NULL;

  govorun_store_close (store);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  if (g_access (f->path, W_OK) == 0)
    {
      g_test_skip ("running as root: a write-protected file stays writable");
      return;
    }

  again = govorun_store_new (f->path);
  if (!open_store_full (again, &error))
    {
      /* Refused at open: that is said as an open error, also fine. */
      g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_OPEN);
      return;
    }
  g_assert_null (write_sync (again, func_exec,
                             (gpointer) "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                                        " VALUES ('w', 'elevenlabs', 'W', 'ready', 1, 1)",
                             &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save to Govorun’s database at "));
  govorun_store_close (again);
}

static gboolean
on_cancel_timeout (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_read_cancel (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* A query that would run for minutes stops soon after the cancel. */
  govorun_store_read_async (store, func_query_text,
                            (gpointer) "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                       " WHERE i < 10000000000) SELECT count(*) FROM n",
                            NULL, cancellable, test_util_on_result, &result);
  g_timeout_add (50, on_cancel_timeout, cancellable);
  g_assert_null (govorun_store_read_finish (store, test_util_wait (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* --- reads beside a running write ---------------------------------------- */

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean in_write;
  gboolean reads_done;
  gboolean timed_out;
} Handshake;

static gboolean
func_slow_write (sqlite3         *db,
                 gpointer         data,
                 gpointer        *out_result,
                 GDestroyNotify  *out_destroy,
                 GError         **error)
{
  Handshake *hs = data;
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  if (sqlite3_exec (db, "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                        " VALUES ('w', 'elevenlabs', 'W', 'ready', 1, 1)",
                    NULL, NULL, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  /* Hold the write transaction open until the reads are through. */
  g_mutex_lock (&hs->lock);
  hs->in_write = TRUE;
  g_cond_broadcast (&hs->cond);
  while (!hs->reads_done)
    if (!g_cond_wait_until (&hs->cond, &hs->lock, deadline))
      {
        hs->timed_out = TRUE;
        break;
      }
  g_mutex_unlock (&hs->lock);
  return TRUE;
}

static void
test_concurrent_reads (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GAsyncResult) write_result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *reads[8] = { NULL, };
  Handshake hs = { 0, };
  g_autofree char *after = NULL;

  g_mutex_init (&hs.lock);
  g_cond_init (&hs.cond);

  exec_write (store, "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                     " VALUES ('before', 'elevenlabs', 'B', 'ready', 1, 1)");

  govorun_store_write_async (store, func_slow_write, &hs, NULL, NULL, test_util_on_result, &write_result);
  g_mutex_lock (&hs.lock);
  while (!hs.in_write)
    g_cond_wait (&hs.cond, &hs.lock);
  g_mutex_unlock (&hs.lock);

  /* The writer holds its transaction; reads still run, in parallel, and
   * see the last committed state. */
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    govorun_store_read_async (store, func_query_text, (gpointer) "SELECT count(*) FROM accounts",
                              NULL, NULL, test_util_on_result, &reads[i]);
  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      g_autofree char *count = govorun_store_read_finish (store, test_util_wait (&reads[i]), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (count, ==, "1");
      g_clear_object (&reads[i]);
    }
  g_assert_null (write_result);

  g_mutex_lock (&hs.lock);
  hs.reads_done = TRUE;
  g_cond_broadcast (&hs.cond);
  g_mutex_unlock (&hs.lock);

  govorun_store_write_finish (store, test_util_wait (&write_result), &error);
  g_assert_no_error (error);
  g_assert_false (hs.timed_out);

  after = query_text (store, "SELECT count(*) FROM accounts");
  g_assert_cmpstr (after, ==, "2");

  g_mutex_clear (&hs.lock);
  g_cond_clear (&hs.cond);
}

/* --- close drains ----------------------------------------------------------- */

static void
on_write_counted (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  guint *ok = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = govorun_store_write_finish (GOVORUN_STORE (object), result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  (*ok)++;
}

static void
test_close_drains (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GovorunStore) again = NULL;
  g_autofree char *count = NULL;
  const guint n = 200;
  guint ok = 0;

  for (guint i = 0; i < n; i++)
    {
      char *sql = g_strdup_printf ("INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
                                   " VALUES ('u%u', 'elevenlabs', 'N%u', 'ready', 1, 1)", i, i);

      govorun_store_write_async (store, func_insert_and_return, sql, g_free, NULL,
                                 on_write_counted, &ok);
    }

  /* No main-loop iteration in between: close must still wait for all. */
  govorun_store_close (store);
  g_assert_cmpuint (ok, ==, 0);

  /* Every callback still arrives, each a success. */
  while (ok < n)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&store);

  again = store_test_open (f->path);
  count = query_text (again, "SELECT count(*) FROM accounts");
  g_assert_cmpuint (g_ascii_strtoull (count, NULL, 10), ==, n);
}

static void
test_finish_checks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunStore) store = store_test_open (f->path);
  g_autoptr(GovorunStore) other = govorun_store_new (f->path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* A result of one store is refused by another, and by the wrong _finish. */
  govorun_store_write_async (store, func_return_nothing, NULL, NULL, NULL, test_util_on_result, &result);
  test_util_wait (&result);

  g_test_expect_message ("GovorunStore", G_LOG_LEVEL_CRITICAL, "*g_task_is_valid*");
  g_assert_null (govorun_store_write_finish (other, result, &error));
  g_test_assert_expected_messages ();

  g_test_expect_message ("GovorunStore", G_LOG_LEVEL_CRITICAL, "*source_tag*");
  g_assert_null (govorun_store_read_finish (store, result, &error));
  g_test_assert_expected_messages ();

  g_assert_null (govorun_store_write_finish (store, result, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/Govorun/Store/open", test_open);
  ADD ("/Govorun/Store/open-error", test_open_error);
  ADD ("/Govorun/Store/corrupt", test_corrupt);
  ADD ("/Govorun/Store/foreign-keys", test_foreign_keys);
  ADD ("/Govorun/Store/agents-schema", test_agents_schema);
  ADD ("/Govorun/Store/migrate-from-empty", test_migrate_from_empty);
  ADD ("/Govorun/Store/migrate-from-each-version", test_migrate_from_each_version);
  ADD ("/Govorun/Store/migration-failure", test_migration_failure);
  ADD ("/Govorun/Store/newer-schema", test_newer_schema);
  ADD ("/Govorun/Store/write", test_write);
  ADD ("/Govorun/Store/write-cancelled", test_write_cancelled);
  ADD ("/Govorun/Store/not-open", test_not_open);
  ADD ("/Govorun/Store/read-errors", test_read_errors);
  ADD ("/Govorun/Store/read-only-file", test_read_only_file);
  ADD ("/Govorun/Store/read-cancel", test_read_cancel);
  ADD ("/Govorun/Store/concurrent-reads", test_concurrent_reads);
  ADD ("/Govorun/Store/close-drains", test_close_drains);
  ADD ("/Govorun/Store/finish-checks", test_finish_checks);

  return g_test_run ();
}
