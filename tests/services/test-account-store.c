/* test-account-store.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs against a real gnome-keyring-daemon: see run-with-keyring.sh.
 */
#define G_LOG_DOMAIN "GovorunTestAccountStore"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "govorun-account-key.h"
#include "govorun-account-store.h"
#include "govorun-secrets.h"
#include "govorun-store.h"
#include "govorun-store-private.h"
#include "govorun-util.h"
#include "test-util.h"

#define MISSING_COLLECTION "/org/freedesktop/secrets/collection/govorun_no_such_collection"

/* Test keys: distinctive, so a grep cannot miss them. */
#define KEY_VOX        "vox-api-key-7f3a9c2e51d84b06"
#define KEY_VOX_NEW    "vox-api-key-NEW-0b5e17d2c9a3"
#define KEY_EL         "sk_el_test_c4f1e8a27b3d9065"
#define KEY_EL_NEW     "sk_el_test_NEW_91ab2c3d4e5f"

typedef struct
{
  char                *dir;
  char                *path;
  char                *profile;
  GovorunStore        *store;
  GovorunSecrets      *secrets;
  GovorunAccountStore *accounts;
  GString             *changes;   /* "pos:removed:added;" per items-changed */
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  g_string_append_printf (f->changes, "%u:%u:%u;", position, removed, added);
}

/* --- store, secrets and account-store helpers ---------------------------- */

static void
open_all (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->store = govorun_store_new (f->path);
  govorun_store_open_async (f->store, NULL, test_util_on_result, &result);
  g_assert_true (govorun_store_open_finish (f->store, test_util_wait (&result), &error));
  g_assert_no_error (error);

  f->secrets = govorun_secrets_new (f->profile);
  f->accounts = govorun_account_store_new (f->store, f->secrets);
  g_assert_true (govorun_account_store_get_store (f->accounts) == f->store);
  g_assert_true (govorun_account_store_get_secrets (f->accounts) == f->secrets);
  g_signal_connect (f->accounts, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
close_all (Fixture *f)
{
  g_clear_object (&f->accounts);
  g_clear_object (&f->secrets);
  if (f->store != NULL)
    govorun_store_close (f->store);
  g_clear_object (&f->store);
}

static void
load (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_account_store_load_async (f->accounts, NULL, test_util_on_result, &result);
  g_assert_true (govorun_account_store_load_finish (f->accounts, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static void
reopen (Fixture *f)
{
  close_all (f);
  open_all (f);
  load (f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  f->dir = g_dir_make_tmp ("govorun-test-accounts-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "govorun.db", NULL);
  /* Each test its own keyring profile, so tests never see each other. */
  f->profile = g_strdup_printf ("test-%s", uuid);
  f->changes = g_string_new (NULL);
  open_all (f);
  load (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_all (f);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->profile);
  g_string_free (f->changes, TRUE);
}

static GovorunAccount *
add_account (Fixture         *f,
             GovorunAccount  *draft,
             const char      *secret,
             GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_account_store_add_async (f->accounts, draft, secret, NULL, test_util_on_result, &result);
  return govorun_account_store_add_finish (f->accounts, test_util_wait (&result), error);
}

static gboolean
update_account (Fixture         *f,
                GovorunAccount  *copy,
                const char      *secret,
                GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_account_store_update_async (f->accounts, copy, secret, NULL, test_util_on_result, &result);
  return govorun_account_store_update_finish (f->accounts, test_util_wait (&result), error);
}

static gboolean
remove_account (Fixture         *f,
                GovorunAccount  *account,
                GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_account_store_remove_async (f->accounts, account, NULL, test_util_on_result, &result);
  return govorun_account_store_remove_finish (f->accounts, test_util_wait (&result), error);
}

static char *
lookup_secret (Fixture         *f,
               GovorunAccount  *account,
               GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_account_store_lookup_secret_async (f->accounts, account, NULL, test_util_on_result, &result);
  return govorun_account_store_lookup_secret_finish (f->accounts, test_util_wait (&result), error);
}

static void
assert_secret (Fixture        *f,
               GovorunAccount *account,
               const char     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunSecret) secret = lookup_secret (f, account, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, expected);
}

static char *
keyring_lookup (Fixture    *f,
                const char *uuid,
                guint       generation)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  govorun_secrets_lookup_async (f->secrets, uuid, generation, NULL, test_util_on_result, &result);
  secret = govorun_secrets_lookup_finish (f->secrets, test_util_wait (&result), &error);
  if (secret == NULL)
    g_assert_error (error, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_NOT_FOUND);
  return secret;
}

static void
keyring_store (Fixture    *f,
               const char *uuid,
               guint       generation,
               const char *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_secrets_store_async (f->secrets, uuid, generation, NULL, secret, NULL, test_util_on_result, &result);
  g_assert_true (govorun_secrets_store_finish (f->secrets, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static int compare_strings (gconstpointer a,
                            gconstpointer b);

static void
keyring_clear (Fixture    *f,
               const char *uuid,
               int         generation)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_secrets_clear_async (f->secrets, uuid, generation, NULL, test_util_on_result, &result);
  g_assert_true (govorun_secrets_clear_finish (f->secrets, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

/* "uuid:generation" of up to three items (a NULL uuid ends), sorted as
 * keyring_items() gives them. */
static char *
uuid_sorted_items (const char *a, guint ga,
                   const char *b, guint gb,
                   const char *c, guint gc)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (strings, g_strdup_printf ("%s:%u", a, ga));
  if (b != NULL)
    g_ptr_array_add (strings, g_strdup_printf ("%s:%u", b, gb));
  if (c != NULL)
    g_ptr_array_add (strings, g_strdup_printf ("%s:%u", c, gc));
  g_ptr_array_sort (strings, compare_strings);
  g_ptr_array_add (strings, NULL);
  return g_strjoinv (",", (char **) strings->pdata);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Every keyring item of the fixture's profile, "uuid:generation", sorted. */
static char *
keyring_items (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  govorun_secrets_list_async (f->secrets, NULL, test_util_on_result, &result);
  refs = govorun_secrets_list_finish (f->secrets, test_util_wait (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < refs->len; i++)
    {
      GovorunSecretRef *ref = g_ptr_array_index (refs, i);

      g_ptr_array_add (strings, g_strdup_printf ("%s:%u", ref->uuid, ref->generation));
    }
  g_ptr_array_sort (strings, compare_strings);
  g_ptr_array_add (strings, NULL);
  return g_strjoinv (",", (char **) strings->pdata);
}

static gboolean
func_query_text (sqlite3         *db,
                 gpointer         data,
                 gpointer        *out_result,
                 GDestroyNotify  *out_destroy,
                 GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, data, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      *out_result = g_strdup (text != NULL ? text : "");
      *out_destroy = g_free;
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

/* The first column of the first row, "" for NULL or no row. */
static char *
db_query (Fixture    *f,
          const char *sql)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  govorun_store_read_async (f->store, func_query_text, (gpointer) sql, NULL, NULL, test_util_on_result, &result);
  text = govorun_store_read_finish (f->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  return text != NULL ? text : g_strdup ("");
}

static void
db_exec (Fixture    *f,
         const char *sql)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_store_write_async (f->store, func_exec, (gpointer) sql, NULL, NULL, test_util_on_result, &result);
  govorun_store_write_finish (f->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
}

#define assert_db(f, sql, expected)                  \
  G_STMT_START {                                     \
    g_autofree char *_text = db_query ((f), (sql));  \
    g_assert_cmpstr (_text, ==, (expected));         \
  } G_STMT_END

#define assert_keyring(f, expected)                  \
  G_STMT_START {                                     \
    g_autofree char *_items = keyring_items (f);     \
    g_assert_cmpstr (_items, ==, (expected));        \
  } G_STMT_END

static GovorunAccount *
vox_draft (const char *name,
           const char *account_id)
{
  GovorunAccount *draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);

  govorun_account_set_display_name (draft, name);
  govorun_account_set_vox_account_id (draft, account_id);
  govorun_account_set_vox_auth (draft, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  return draft;
}

static GovorunAccount *
el_draft (const char *name)
{
  GovorunAccount *draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);

  govorun_account_set_display_name (draft, name);
  return draft;
}

static GovorunAccount *
model_item (Fixture *f,
            guint    position)
{
  GovorunAccount *account = g_list_model_get_item (G_LIST_MODEL (f->accounts), position);

  /* The store keeps its own reference; return a borrowed pointer. */
  if (account != NULL)
    g_object_unref (account);
  return account;
}

/* --- the account object ----------------------------------------------------- */

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_account_object (void)
{
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunAccount) vox = vox_draft ("Acme", "42");
  g_autoptr(GovorunAccount) copy = NULL;
  g_autofree char *region = NULL;
  GovorunAccountKind kind;
  GovorunVoximplantAuth auth;
  guint notified = 0;

  g_assert_null (govorun_account_get_uuid (el));
  g_assert_cmpint (govorun_account_get_kind (el), ==, GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_assert_cmpstr (govorun_account_get_el_region (el), ==, "global");
  g_assert_null (govorun_account_get_el_region (vox));
  g_assert_cmpuint (govorun_account_get_secret_generation (el), ==, 1);
  g_assert_cmpint (govorun_account_get_last_test_at (el), ==, 0);

  /* Explicit notify: only real changes notify. */
  g_signal_connect (el, "notify::display-name", G_CALLBACK (on_notify_count), &notified);
  govorun_account_set_display_name (el, "Voice");
  govorun_account_set_display_name (el, "Voice");
  g_object_set (el, "display-name", "Voice", NULL);
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (el, "el-region", "eu-residency", NULL);
  g_object_get (el, "el-region", &region, NULL);
  g_assert_cmpstr (region, ==, "eu-residency");

  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT);
  govorun_account_set_vox_key_id (vox, "key-id-1");
  govorun_account_set_vox_account_email (vox, "robot@acme.voximplant.com");
  govorun_account_set_last_test_ok (vox, TRUE);
  govorun_account_set_last_test_summary (vox, "Acme LLC");
  copy = govorun_account_copy (vox);
  g_assert_cmpint (govorun_account_get_kind (copy), ==, GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_assert_cmpstr (govorun_account_get_display_name (copy), ==, "Acme");
  g_assert_cmpstr (govorun_account_get_vox_account_id (copy), ==, "42");
  g_assert_cmpint (govorun_account_get_vox_auth (copy), ==, GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT);
  g_assert_cmpstr (govorun_account_get_vox_key_id (copy), ==, "key-id-1");
  g_assert_cmpstr (govorun_account_get_vox_account_email (copy), ==, "robot@acme.voximplant.com");
  g_assert_true (govorun_account_get_last_test_ok (copy));
  g_assert_cmpstr (govorun_account_get_last_test_summary (copy), ==, "Acme LLC");

  /* Enum spellings shared with the database. */
  g_assert_cmpstr (govorun_account_kind_to_string (GOVORUN_ACCOUNT_KIND_VOXIMPLANT), ==, "voximplant");
  g_assert_true (govorun_account_kind_from_string ("elevenlabs", &kind));
  g_assert_cmpint (kind, ==, GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_assert_false (govorun_account_kind_from_string ("telegram", &kind));
  g_assert_cmpstr (govorun_voximplant_auth_to_string (GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT), ==,
                   "service-account");
  g_assert_true (govorun_voximplant_auth_from_string ("api-key", &auth));
  g_assert_cmpint (auth, ==, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  g_assert_true (G_TYPE_IS_ENUM (GOVORUN_TYPE_ACCOUNT_KIND));
  g_assert_true (govorun_account_is_valid_el_region ("sg-residency"));
  g_assert_false (govorun_account_is_valid_el_region ("mars"));
  g_assert_false (govorun_account_is_valid_el_region (NULL));
}

/* --- round trips -------------------------------------------------------------- */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = vox_draft ("Zeta telephony", " 1234567 ");
  g_autoptr(GovorunAccount) vox = NULL;
  g_autoptr(GovorunAccount) el = NULL;
  g_autoptr(GovorunAccount) alpha = NULL;
  g_autoptr(GovorunAccount) copy = NULL;
  g_autoptr(GovorunAccount) el_draft_ = el_draft ("Voices");
  g_autoptr(GovorunAccount) alpha_draft = vox_draft ("Alpha", "7654321");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *vox_uuid = NULL;
  guint renamed = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->accounts)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->accounts)) == GOVORUN_TYPE_ACCOUNT);

  vox = add_account (f, draft, KEY_VOX, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vox);
  g_assert_cmpstr (f->changes->str, ==, "0:0:1;");
  g_assert_true (model_item (f, 0) == vox);
  g_assert_null (govorun_account_get_uuid (draft));   /* the draft is untouched */
  g_assert_nonnull (govorun_account_get_uuid (vox));
  g_assert_cmpstr (govorun_account_get_vox_account_id (vox), ==, "1234567");
  g_assert_cmpuint (govorun_account_get_secret_generation (vox), ==, 1);
  g_assert_cmpint (govorun_account_get_created_at (vox), >, 0);
  g_assert_true (govorun_account_store_find_by_uuid (f->accounts, govorun_account_get_uuid (vox)) == vox);
  assert_secret (f, vox, KEY_VOX);
  vox_uuid = g_strdup (govorun_account_get_uuid (vox));
  expected = g_strdup_printf ("%s:1", vox_uuid);
  assert_keyring (f, expected);
  assert_db (f, "SELECT state || '|' || kind || '|' || vox_auth || '|' || secret_generation FROM accounts",
             "ready|voximplant|api-key|1");

  /* Sorted by kind (Voximplant first), then name. */
  el = add_account (f, el_draft_, KEY_EL, &error);
  g_assert_no_error (error);
  alpha = add_account (f, alpha_draft, KEY_VOX_NEW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->changes->str, ==, "0:0:1;1:0:1;0:0:1;");
  g_assert_true (model_item (f, 0) == alpha);
  g_assert_true (model_item (f, 1) == vox);
  g_assert_true (model_item (f, 2) == el);
  g_assert_null (model_item (f, 3));
  g_assert_cmpuint (govorun_account_store_count_kind (f->accounts, GOVORUN_ACCOUNT_KIND_VOXIMPLANT), ==, 2);
  g_assert_cmpuint (govorun_account_store_count_kind (f->accounts, GOVORUN_ACCOUNT_KIND_ELEVENLABS), ==, 1);
  assert_secret (f, el, KEY_EL);

  /* Rename without a new key: the row moves, the key stays. */
  g_string_truncate (f->changes, 0);
  g_signal_connect (vox, "notify::display-name", G_CALLBACK (on_notify_count), &renamed);
  copy = govorun_account_copy (vox);
  govorun_account_set_display_name (copy, "Acme");
  g_assert_true (update_account (f, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renamed, ==, 1);
  g_assert_cmpstr (govorun_account_get_display_name (vox), ==, "Acme");
  g_assert_cmpstr (f->changes->str, ==, "1:1:0;0:0:1;");
  g_assert_true (model_item (f, 0) == vox);
  assert_secret (f, vox, KEY_VOX);
  g_assert_cmpuint (govorun_account_get_secret_generation (vox), ==, 1);

  /* A new key: generation 2, and only generation 2 is left. */
  g_string_truncate (f->changes, 0);
  g_assert_true (update_account (f, copy, KEY_EL_NEW, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->changes->str, ==, "0:1:1;");
  g_assert_cmpuint (govorun_account_get_secret_generation (vox), ==, 2);
  /* The caller's stale copy still looks up the current key. */
  assert_secret (f, copy, KEY_EL_NEW);
  {
    g_autofree char *old = keyring_lookup (f, vox_uuid, 1);
    g_assert_null (old);
  }

  /* Test results are saved and come back after a reload. */
  govorun_account_store_set_test_result_async (f->accounts, vox, TRUE, "Acme LLC · 1 234.50 USD",
                                               NULL, test_util_on_result, &result);
  g_assert_true (govorun_account_store_set_test_result_finish (f->accounts, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (govorun_account_get_last_test_ok (vox));
  g_assert_cmpint (govorun_account_get_last_test_at (vox), >, 0);

  g_clear_object (&vox);
  g_clear_object (&el);
  g_clear_object (&alpha);
  reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->accounts)), ==, 3);
  vox = g_object_ref (govorun_account_store_find_by_uuid (f->accounts, vox_uuid));
  g_assert_cmpstr (govorun_account_get_display_name (vox), ==, "Acme");
  g_assert_cmpstr (govorun_account_get_vox_account_id (vox), ==, "1234567");
  g_assert_cmpuint (govorun_account_get_secret_generation (vox), ==, 2);
  g_assert_true (govorun_account_get_last_test_ok (vox));
  g_assert_cmpstr (govorun_account_get_last_test_summary (vox), ==, "Acme LLC · 1 234.50 USD");
  assert_secret (f, vox, KEY_EL_NEW);
  el = g_object_ref (model_item (f, 2));
  g_assert_cmpstr (govorun_account_get_el_region (el), ==, "global");
  g_assert_null (govorun_account_get_vox_account_id (el));

  /* Remove: gone from the model, the keyring and the table. */
  g_string_truncate (f->changes, 0);
  g_assert_true (remove_account (f, vox, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->changes->str, ==, "0:1:0;");
  g_assert_null (govorun_account_store_find_by_uuid (f->accounts, vox_uuid));
  {
    g_autofree char *left = keyring_lookup (f, vox_uuid, 2);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM accounts WHERE uuid = '%s'", vox_uuid);

    g_assert_null (left);
    assert_db (f, sql, "0");
  }

  /* Removing it again, or looking up its key, says it is gone. */
  g_assert_false (remove_account (f, vox, &error));
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (lookup_secret (f, vox, &error));
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (update_account (f, copy, NULL, &error));
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  govorun_account_store_set_test_result_async (f->accounts, vox, FALSE, NULL, NULL, test_util_on_result, &result);
  g_assert_false (govorun_account_store_set_test_result_finish (f->accounts, test_util_wait (&result), &error));
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_NOT_FOUND);
}

static void
test_service_account (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = vox_draft ("Service", "1234567");
  g_autoptr(GovorunAccount) same_key = vox_draft ("Service 2", "1234567");
  g_autoptr(GovorunAccount) other_key = vox_draft ("Service 3", "1234567");
  g_autoptr(GovorunAccount) api_key = vox_draft ("API key", "1234567");
  g_autoptr(GovorunAccount) saved = NULL;
  g_autoptr(GovorunAccount) saved3 = NULL;
  g_autoptr(GovorunAccount) saved_api = NULL;
  g_autoptr(GError) error = NULL;
  const char *credentials = "{\"account_id\":1234567,\"key_id\":\"kid-1\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIE…\"}";

  govorun_account_set_vox_auth (draft, GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT);
  govorun_account_set_vox_key_id (draft, "kid-1");
  govorun_account_set_vox_account_email (draft, "svc@acme.voximplant.com");
  saved = add_account (f, draft, credentials, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (govorun_account_get_vox_key_id (saved), ==, "kid-1");
  assert_secret (f, saved, credentials);

  /* The same key again is a duplicate; another key of the same account,
   * or an API key for it, is not. */
  govorun_account_set_vox_auth (same_key, GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT);
  govorun_account_set_vox_key_id (same_key, "kid-1");
  g_assert_null (add_account (f, same_key, credentials, &error));
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  govorun_account_set_vox_auth (other_key, GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT);
  govorun_account_set_vox_key_id (other_key, "kid-2");
  saved3 = add_account (f, other_key, credentials, &error);
  g_assert_no_error (error);
  saved_api = add_account (f, api_key, KEY_VOX, &error);
  g_assert_no_error (error);
  assert_db (f, "SELECT group_concat(vox_auth || ':' || coalesce(vox_key_id, '-'), ',') FROM"
                " (SELECT * FROM accounts ORDER BY id)",
             "service-account:kid-1,service-account:kid-2,api-key:-");
}

/* --- validation and duplicates ------------------------------------------------ */

static void
assert_nothing_saved (Fixture *f)
{
  assert_db (f, "SELECT count(*) FROM accounts", "0");
  assert_keyring (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->accounts)), ==, 0);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  struct {
    const char            *name;
    const char            *vox_id;       /* NULL: ElevenLabs */
    GovorunVoximplantAuth  auth;
    const char            *key_id;
    const char            *region;
    const char            *secret;
  } cases[] = {
    { "",        "1234567", GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, KEY_VOX },
    { "   ",     "1234567", GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, KEY_VOX },
    { NULL,      "1234567", GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, KEY_VOX },
    { "Acme",    "1234567", GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, "" },
    { "Acme",    "1234567", GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, " \n " },
    { "Acme",    "1234567", GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, NULL },
    { "Acme",    "12a4567", GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, KEY_VOX },
    { "Acme",    "",        GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, KEY_VOX },
    { "Acme",    "1234567", GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT, NULL, NULL, "{}" },
    { "Acme",    "1234567", GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT, "  ", NULL, "{}" },
    { "Voices",  NULL,      0, NULL, "mars", KEY_EL },
    { "Voices",  NULL,      0, NULL, "", KEY_EL },
    { "Voices\xff", NULL,   0, NULL, "us", KEY_EL },
    /* A key with a line break or a tab inside is not one key. */
    { "Acme",    "1234567", GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, "vox-api\nkey" },
    { "Voices",  NULL,      0, NULL, "us", "sk_el\tkey" },
    { "Acme",    "123456789012345678901", GOVORUN_VOXIMPLANT_AUTH_API_KEY, NULL, NULL, KEY_VOX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GovorunAccount) draft = NULL;
      g_autoptr(GovorunAccount) saved = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("Case %u", i);
      if (cases[i].vox_id != NULL)
        {
          draft = vox_draft (cases[i].name, cases[i].vox_id);
          govorun_account_set_vox_auth (draft, cases[i].auth);
          govorun_account_set_vox_key_id (draft, cases[i].key_id);
        }
      else
        {
          draft = el_draft (cases[i].name);
          govorun_account_set_el_region (draft, cases[i].region);
        }

      saved = add_account (f, draft, cases[i].secret, &error);
      g_assert_null (saved);
      g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_suffix (error->message, "."));
    }

  /* Longer than any name a list can show, or any real key: refused with a
   * sentence rather than cut. */
  {
    g_autofree char *long_name = g_strnfill (GOVORUN_ACCOUNT_NAME_MAX_CHARS + 1, 'n');
    g_autofree char *long_key = g_strnfill (GOVORUN_ACCOUNT_API_KEY_MAX_CHARS + 1, 'k');
    g_autofree char *long_email = g_strnfill (GOVORUN_ACCOUNT_EMAIL_MAX_CHARS + 1, 'e');
    g_autoptr(GovorunAccount) named = el_draft (long_name);
    g_autoptr(GovorunAccount) keyed = el_draft ("Voices");
    g_autoptr(GovorunAccount) mailed = vox_draft ("Acme", "1234567");
    GovorunAccount *drafts[] = { named, keyed, mailed };
    const char *keys[] = { KEY_EL, long_key, KEY_VOX };

    govorun_account_set_vox_account_email (mailed, long_email);
    for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
      {
        g_autoptr(GovorunAccount) saved = NULL;
        g_autoptr(GError) error = NULL;

        saved = add_account (f, drafts[i], keys[i], &error);
        g_assert_null (saved);
        g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_INVALID);
      }
  }

  assert_nothing_saved (f);

  /* Update validates too, and an empty replacement key is refused. */
  {
    g_autoptr(GovorunAccount) draft = el_draft ("Voices");
    g_autoptr(GovorunAccount) saved = NULL;
    g_autoptr(GovorunAccount) copy = NULL;
    g_autoptr(GError) error = NULL;

    govorun_account_set_el_region (draft, "in-residency");
    saved = add_account (f, draft, KEY_EL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (govorun_account_get_el_region (saved), ==, "in-residency");

    copy = govorun_account_copy (saved);
    g_assert_false (update_account (f, copy, "", &error));
    g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_INVALID);
    g_clear_error (&error);
    govorun_account_set_display_name (copy, " ");
    g_assert_false (update_account (f, copy, NULL, &error));
    g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_INVALID);
    g_clear_error (&error);

    /* An unsaved account cannot be updated. */
    g_assert_false (update_account (f, draft, NULL, &error));
    g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);

    g_assert_cmpstr (govorun_account_get_display_name (saved), ==, "Voices");
    assert_secret (f, saved, KEY_EL);
  }
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunAccount) a = vox_draft ("Acme", "111");
  g_autoptr(GovorunAccount) same_name = vox_draft ("acme", "222");
  g_autoptr(GovorunAccount) same_account = vox_draft ("Other", "111");
  g_autoptr(GovorunAccount) el_same_name = el_draft ("Acme");
  g_autoptr(GovorunAccount) b = vox_draft ("Beta", "333");
  g_autoptr(GovorunAccount) saved_a = NULL;
  g_autoptr(GovorunAccount) saved_el = NULL;
  g_autoptr(GovorunAccount) saved_b = NULL;
  g_autoptr(GovorunAccount) copy = NULL;
  g_autoptr(GError) error = NULL;

  saved_a = add_account (f, a, KEY_VOX, &error);
  g_assert_no_error (error);

  g_assert_null (add_account (f, same_name, KEY_VOX_NEW, &error));
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "acme"));
  g_clear_error (&error);

  g_assert_null (add_account (f, same_account, KEY_VOX_NEW, &error));
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "111"));
  g_clear_error (&error);

  /* The same name for the other provider is fine. */
  saved_el = add_account (f, el_same_name, KEY_EL, &error);
  g_assert_no_error (error);
  saved_b = add_account (f, b, KEY_VOX_NEW, &error);
  g_assert_no_error (error);

  /* Renaming onto another account's name, or moving onto its Voximplant
   * account, is refused, with a new key too; nothing changes. */
  copy = govorun_account_copy (saved_b);
  govorun_account_set_display_name (copy, "ACME");
  g_assert_false (update_account (f, copy, "unused-new-key", &error));
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  govorun_account_set_display_name (copy, "Beta");
  govorun_account_set_vox_account_id (copy, "111");
  g_assert_false (update_account (f, copy, NULL, &error));
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpstr (govorun_account_get_vox_account_id (saved_b), ==, "333");
  g_assert_cmpuint (govorun_account_get_secret_generation (saved_b), ==, 1);
  assert_secret (f, saved_b, KEY_VOX_NEW);

  /* Keeping its own name is not a duplicate of itself. */
  govorun_account_set_vox_account_id (copy, "333");
  g_assert_true (update_account (f, copy, NULL, &error));
  g_assert_no_error (error);

  /* Three accounts, three keys: the refused ones left nothing behind. */
  assert_db (f, "SELECT count(*) FROM accounts", "3");
  {
    g_autofree char *items = keyring_items (f);

    g_assert_nonnull (strstr (items, govorun_account_get_uuid (saved_a)));
    g_assert_nonnull (strstr (items, govorun_account_get_uuid (saved_b)));
    g_assert_nonnull (strstr (items, govorun_account_get_uuid (saved_el)));
    g_assert_null (strstr (items, ":2"));
    {
      g_auto(GStrv) parts = g_strsplit (items, ",", -1);
      g_assert_cmpuint (g_strv_length (parts), ==, 3);
    }
  }
}

/* --- failures between the writes ----------------------------------------------- */

static void
test_keyring_write_fails (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = el_draft ("Voices");
  g_autoptr(GovorunAccount) saved = NULL;
  g_autoptr(GovorunAccount) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  /* A collection that does not exist makes the real keyring refuse. */
  govorun_secrets_set_collection (f->secrets, MISSING_COLLECTION);
  g_assert_null (add_account (f, draft, KEY_EL, &error));
  g_assert_error (error, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_FAILED);
  g_clear_error (&error);
  assert_nothing_saved (f);
  g_assert_cmpstr (f->changes->str, ==, "");

  /* With a working keyring the add goes through... */
  govorun_secrets_set_collection (f->secrets, NULL);
  saved = add_account (f, draft, KEY_EL, &error);
  g_assert_no_error (error);

  /* ...and a key change that cannot be stored changes nothing. */
  govorun_secrets_set_collection (f->secrets, MISSING_COLLECTION);
  copy = govorun_account_copy (saved);
  govorun_account_set_display_name (copy, "Renamed");
  g_assert_false (update_account (f, copy, KEY_EL_NEW, &error));
  g_assert_error (error, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpstr (govorun_account_get_display_name (saved), ==, "Voices");
  g_assert_cmpuint (govorun_account_get_secret_generation (saved), ==, 1);
  assert_secret (f, saved, KEY_EL);
  expected = g_strdup_printf ("%s:1", govorun_account_get_uuid (saved));
  assert_keyring (f, expected);
  assert_db (f, "SELECT display_name || '|' || secret_generation FROM accounts", "Voices|1");
}

static void
test_db_write_fails (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = el_draft ("Voices");
  g_autoptr(GovorunAccount) saved = NULL;
  g_autoptr(GovorunAccount) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  /* Step 3 (pending → ready) fails after the key was stored: the key and
   * the row are both removed. */
  db_exec (f, "CREATE TRIGGER fail_ready BEFORE UPDATE OF state ON accounts"
              " WHEN NEW.state = 'ready' BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  g_assert_null (add_account (f, draft, KEY_EL, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "injected failure"));
  g_clear_error (&error);
  assert_nothing_saved (f);
  db_exec (f, "DROP TRIGGER fail_ready");

  /* Step 1 fails: nothing reaches the keyring. */
  db_exec (f, "CREATE TRIGGER fail_insert BEFORE INSERT ON accounts"
              " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  g_assert_null (add_account (f, draft, KEY_EL, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_clear_error (&error);
  assert_nothing_saved (f);
  db_exec (f, "DROP TRIGGER fail_insert");

  saved = add_account (f, draft, KEY_EL, &error);
  g_assert_no_error (error);

  /* A key change whose row update fails: the new generation is cleared,
   * the old key still works. */
  db_exec (f, "CREATE TRIGGER fail_update BEFORE UPDATE OF secret_generation ON accounts"
              " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  copy = govorun_account_copy (saved);
  g_assert_false (update_account (f, copy, KEY_EL_NEW, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_cmpuint (govorun_account_get_secret_generation (saved), ==, 1);
  assert_secret (f, saved, KEY_EL);
  expected = g_strdup_printf ("%s:1", govorun_account_get_uuid (saved));
  assert_keyring (f, expected);
  db_exec (f, "DROP TRIGGER fail_update");

  /* A remove whose final delete fails: hidden at once, and finished by the
   * next load. */
  db_exec (f, "CREATE TRIGGER fail_delete BEFORE DELETE ON accounts"
              " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  g_assert_false (remove_account (f, saved, &error));
  g_assert_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->accounts)), ==, 0);
  assert_db (f, "SELECT state FROM accounts", "deleting");
  assert_keyring (f, "");
  db_exec (f, "DROP TRIGGER fail_delete");
  reopen (f);
  assert_nothing_saved (f);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GovorunAccount) draft = el_draft ("Voices");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAccount) saved = NULL;

  /* Cancelled before it starts: nothing at all. */
  g_cancellable_cancel (cancellable);
  govorun_account_store_add_async (f->accounts, draft, KEY_EL, cancellable, test_util_on_result, &result);
  g_assert_null (govorun_account_store_add_finish (f->accounts, test_util_wait (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  assert_nothing_saved (f);

  /* Cancelled at each later step: either it completed, or nothing is left. */
  for (guint spins = 0; spins < 12; spins++)
    {
      g_autoptr(GCancellable) c = g_cancellable_new ();
      g_autoptr(GovorunAccount) added = NULL;

      govorun_account_store_add_async (f->accounts, draft, KEY_EL, c, test_util_on_result, &result);
      for (guint i = 0; i < spins && result == NULL; i++)
        g_main_context_iteration (NULL, TRUE);
      g_cancellable_cancel (c);
      added = govorun_account_store_add_finish (f->accounts, test_util_wait (&result), &error);
      g_clear_object (&result);

      if (added != NULL)
        {
          g_autofree char *expected = g_strdup_printf ("%s:1", govorun_account_get_uuid (added));

          g_test_message ("spins %u: completed", spins);
          g_assert_no_error (error);
          assert_keyring (f, expected);
          assert_db (f, "SELECT count(*) || state FROM accounts", "1ready");
          g_assert_true (remove_account (f, added, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_test_message ("spins %u: cancelled", spins);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_clear_error (&error);
        }
      assert_nothing_saved (f);
    }

  /* Operations queue behind each other and run in order. */
  {
    g_autoptr(GAsyncResult) r1 = NULL;
    g_autoptr(GAsyncResult) r2 = NULL;
    g_autoptr(GovorunAccount) other = el_draft ("Other");

    govorun_account_store_add_async (f->accounts, draft, KEY_EL, NULL, test_util_on_result, &r1);
    govorun_account_store_add_async (f->accounts, other, KEY_EL_NEW, NULL, test_util_on_result, &r2);
    test_util_wait (&r2);
    g_assert_nonnull (r1);
    saved = govorun_account_store_add_finish (f->accounts, r1, &error);
    g_assert_no_error (error);
    g_clear_object (&saved);
    saved = govorun_account_store_add_finish (f->accounts, r2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->accounts)), ==, 2);
  }
}

/* --- recovery -------------------------------------------------------------------- */

static void
test_recovery (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = el_draft ("Voices");
  g_autoptr(GovorunAccount) saved = NULL;
  g_autofree char *orphan = govorun_uuid_new ();
  g_autofree char *expected = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;

  saved = add_account (f, draft, KEY_EL, &error);
  g_assert_no_error (error);
  uuid = g_strdup (govorun_account_get_uuid (saved));
  g_clear_object (&saved);

  /* What interruptions leave: a key with no row, a newer generation of a
   * saved account (an interrupted key change), a pending and a deleting
   * row with keys. */
  keyring_store (f, orphan, 1, "orphan-key");
  keyring_store (f, uuid, 7, "newer-generation");
  db_exec (f, "INSERT INTO accounts (uuid, kind, display_name, state, created_at, updated_at)"
              " VALUES ('pending-uuid', 'elevenlabs', 'P', 'pending', 1, 1),"
              "        ('deleting-uuid', 'elevenlabs', 'D', 'deleting', 1, 1)");
  keyring_store (f, "pending-uuid", 1, "pending-key");
  keyring_store (f, "deleting-uuid", 1, "deleting-key");
  keyring_store (f, "deleting-uuid", 2, "deleting-key-2");

  reopen (f);

  /* Only what the rows say we were deleting or adding goes. The key with
   * no row, and the newer generation nothing recorded, stay. */
  expected = uuid_sorted_items (orphan, 1, uuid, 1, uuid, 7);
  assert_keyring (f, expected);
  assert_db (f, "SELECT group_concat(state) FROM accounts", "ready");
  saved = g_object_ref (govorun_account_store_find_by_uuid (f->accounts, uuid));
  assert_secret (f, saved, KEY_EL);
  g_assert_cmpuint (govorun_account_store_get_n_unclaimed_keys (f->accounts), ==, 1);

  /* A second load has nothing left to repair. */
  reopen (f);
  assert_keyring (f, expected);
}

/* The database moved aside (or emptied, as the "damaged database" message
 * suggests) and Govorun started: no key is lost, and once the database is
 * back every account works again. */
static void
test_database_moved_away (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GovorunAccount) el_new = el_draft ("Voices");
  g_autoptr(GovorunAccount) vox_new = vox_draft ("Acme", "42");
  g_autoptr(GovorunAccount) el = NULL;
  g_autoptr(GovorunAccount) vox = NULL;
  g_autofree char *aside = g_strconcat (f->path, ".aside", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  el = add_account (f, el_new, KEY_EL, &error);
  g_assert_no_error (error);
  vox = add_account (f, vox_new, KEY_VOX, &error);
  g_assert_no_error (error);
  before = keyring_items (f);

  close_all (f);
  g_assert_cmpint (g_rename (f->path, aside), ==, 0);
  open_all (f);
  load (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->accounts)), ==, 0);
  g_assert_cmpuint (govorun_account_store_get_n_unclaimed_keys (f->accounts), ==, 2);
  assert_keyring (f, before);

  close_all (f);
  g_assert_cmpint (g_rename (aside, f->path), ==, 0);
  open_all (f);
  load (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->accounts)), ==, 2);
  g_assert_cmpuint (govorun_account_store_get_n_unclaimed_keys (f->accounts), ==, 0);
  assert_secret (f, govorun_account_store_find_by_uuid (f->accounts, govorun_account_get_uuid (el)), KEY_EL);
  assert_secret (f, govorun_account_store_find_by_uuid (f->accounts, govorun_account_get_uuid (vox)), KEY_VOX);
  assert_keyring (f, before);
}

/* Keys with no account, offered back: the ones that say what they are
 * become accounts again; a Voximplant API key (a UUID, naming no account)
 * stays until forgotten. */
static void
test_unclaimed_restore_forget (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *el_uuid = govorun_uuid_new ();
  g_autofree char *vox_uuid = govorun_uuid_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) forgotten = NULL;
  g_autoptr(GError) error = NULL;
  GovorunAccount *restored;
  g_autofree char *expected = NULL;

  keyring_store (f, el_uuid, 3, KEY_EL);
  keyring_store (f, vox_uuid, 1, "7c3f0a52-1b9e-4d21-8f6a-0c5e2d9b4a17");
  reopen (f);
  g_assert_cmpuint (govorun_account_store_get_n_unclaimed_keys (f->accounts), ==, 2);

  govorun_account_store_restore_unclaimed_async (f->accounts, NULL, test_util_on_result, &result);
  g_assert_cmpuint (govorun_account_store_restore_unclaimed_finish (f->accounts, test_util_wait (&result), &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_account_store_get_n_unclaimed_keys (f->accounts), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->accounts)), ==, 1);
  restored = model_item (f, 0);
  g_assert_cmpint (govorun_account_get_kind (restored), ==, GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  assert_secret (f, restored, KEY_EL);

  /* The restored account has its own item; the Voximplant key still waits. */
  expected = uuid_sorted_items (govorun_account_get_uuid (restored), 1, vox_uuid, 1, NULL, 0);
  assert_keyring (f, expected);

  govorun_account_store_forget_unclaimed_async (f->accounts, NULL, test_util_on_result, &forgotten);
  g_assert_true (govorun_account_store_forget_unclaimed_finish (f->accounts, test_util_wait (&forgotten), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_account_store_get_n_unclaimed_keys (f->accounts), ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:1", govorun_account_get_uuid (restored));
  assert_keyring (f, expected);
}

/* A database restored from a backup older than the last key change points
 * at a generation that is gone: the account moves to its newer key. */
static void
test_adopts_newer_generation (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = el_draft ("Voices");
  g_autoptr(GovorunAccount) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *expected = NULL;

  saved = add_account (f, draft, KEY_EL, &error);
  g_assert_no_error (error);
  uuid = g_strdup (govorun_account_get_uuid (saved));
  g_clear_object (&saved);
  keyring_store (f, uuid, 2, KEY_EL_NEW);
  keyring_clear (f, uuid, 1);

  reopen (f);
  saved = g_object_ref (govorun_account_store_find_by_uuid (f->accounts, uuid));
  g_assert_cmpuint (govorun_account_get_secret_generation (saved), ==, 2);
  assert_secret (f, saved, KEY_EL_NEW);
  assert_db (f, "SELECT secret_generation FROM accounts", "2");
  expected = g_strdup_printf ("%s:2", uuid);
  assert_keyring (f, expected);
}

/* A key pasted from a file: surrounding spaces and newlines go, for the
 * saved key and for the one a connection test sends. */
static void
test_key_trimmed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = el_draft ("Voices");
  g_autoptr(GovorunAccount) saved = NULL;
  g_autoptr(GovorunAccount) copy = NULL;
  g_autoptr(GError) error = NULL;

  saved = add_account (f, draft, "  " KEY_EL "\r\n", &error);
  g_assert_no_error (error);
  assert_secret (f, saved, KEY_EL);

  copy = govorun_account_copy (saved);
  g_assert_true (update_account (f, copy, "\t" KEY_EL_NEW "\n\n", &error));
  g_assert_no_error (error);
  assert_secret (f, saved, KEY_EL_NEW);
}

/* No Secret Service at all (the sandbox on a bare session): the load still
 * finishes, and the store says why no key can be used, for the page. */
static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      Fixture f = { 0 };
      g_autoptr(GError) error = NULL;

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/govorun-test-bus", TRUE);
      f.dir = g_dir_make_tmp ("govorun-test-nokeyring-XXXXXX", &error);
      g_assert_no_error (error);
      f.path = g_build_filename (f.dir, "govorun.db", NULL);
      f.profile = g_strdup ("test-no-keyring");
      f.changes = g_string_new (NULL);
      open_all (&f);
      g_assert_null (govorun_account_store_get_keyring_problem (f.accounts));
      load (&f);
      g_assert_nonnull (govorun_account_store_get_keyring_problem (f.accounts));
      g_assert_true (g_str_has_suffix (govorun_account_store_get_keyring_problem (f.accounts), ")"));
      fixture_teardown (&f, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* --- killed between the writes --------------------------------------------------- */

/* Runs the helper; @crash_at is GOVORUN_TEST_CRASH_AT (or NULL), @debug
 * sets G_MESSAGES_DEBUG=all. Returns its output (stdout and stderr). */
static char *
run_helper (Fixture     *f,
            const char  *crash_at,
            gboolean     debug,
            const char  *secrets,
            gboolean     expect_killed,
            const char  *mode,
            const char  *uuid)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "account-crash-helper", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { helper, f->path, f->profile, mode, uuid, NULL };

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  if (crash_at != NULL)
    g_subprocess_launcher_setenv (launcher, "GOVORUN_TEST_CRASH_AT", crash_at, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "GOVORUN_TEST_CRASH_AT");
  if (debug)
    g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);

  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, secrets, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);

  if (expect_killed)
    {
      if (!g_subprocess_get_if_signaled (proc))
        g_error ("helper was not killed: %s", out);
      g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, SIGKILL);
    }
  else
    {
      if (!g_subprocess_get_successful (proc))
        g_error ("helper failed: %s", out);
    }

  return g_steal_pointer (&out);
}

/* The crash points are compiled in only with -Dtest_hooks=true (as
 * build-aux/test.sh configures); a plain build says so instead of failing. */
static gboolean
skipped_without_test_hooks (void)
{
#if GOVORUN_TEST_HOOKS
  return FALSE;
#else
  g_test_skip ("built without -Dtest_hooks=true: the account store has no crash points");
  return TRUE;
#endif
}

static void
test_crash_add (Fixture       *f,
                gconstpointer  data)
{
  const char *point = data;
  g_autofree char *out = NULL;
  g_autofree char *items = NULL;
  g_autoptr(GovorunAccount) draft = el_draft ("Crash test");
  g_autoptr(GovorunAccount) added = NULL;
  g_autoptr(GError) error = NULL;

  if (skipped_without_test_hooks ())
    return;

  close_all (f);
  out = run_helper (f, point, FALSE, KEY_EL, TRUE, "add", NULL);
  open_all (f);

  /* The process really died at that point: the row is pending and the
   * key is there or not, as the point says. */
  assert_db (f, "SELECT group_concat(state) FROM accounts", "pending");
  items = keyring_items (f);
  if (g_str_equal (point, "after-row"))
    g_assert_cmpstr (items, ==, "");
  else
    g_assert_true (g_str_has_suffix (items, ":1") && strchr (items, ',') == NULL);

  load (f);
  assert_nothing_saved (f);

  /* A normal add of the same account works afterwards. */
  added = add_account (f, draft, KEY_EL, &error);
  g_assert_no_error (error);
  assert_secret (f, added, KEY_EL);
}

static void
test_crash_update (Fixture       *f,
                   gconstpointer  data)
{
  const char *point = data;
  gboolean row_written = g_str_equal (point, "update-after-row");
  g_autoptr(GovorunAccount) draft = el_draft ("Voices");
  g_autoptr(GovorunAccount) saved = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *out = NULL;
  g_autofree char *both = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (skipped_without_test_hooks ())
    return;

  saved = add_account (f, draft, KEY_EL, &error);
  g_assert_no_error (error);
  uuid = g_strdup (govorun_account_get_uuid (saved));
  g_clear_object (&saved);

  close_all (f);
  out = run_helper (f, point, FALSE, KEY_EL_NEW, TRUE, "update", uuid);
  open_all (f);

  /* Both generations exist at the moment of the crash. */
  both = g_strdup_printf ("%s:1,%s:2", uuid, uuid);
  assert_keyring (f, both);

  load (f);
  saved = g_object_ref (govorun_account_store_find_by_uuid (f->accounts, uuid));
  if (row_written)
    {
      /* The row moved to the new key: the old one is cleared. */
      g_assert_cmpuint (govorun_account_get_secret_generation (saved), ==, 2);
      g_assert_cmpstr (govorun_account_get_display_name (saved), ==, "Crash renamed");
      assert_secret (f, saved, KEY_EL_NEW);
      expected = g_strdup_printf ("%s:2", uuid);
    }
  else
    {
      /* The row still points at the old key, which works. Nothing records
       * the new one as ours to delete, so it stays (the next key change
       * writes over it). */
      g_assert_cmpuint (govorun_account_get_secret_generation (saved), ==, 1);
      g_assert_cmpstr (govorun_account_get_display_name (saved), ==, "Voices");
      assert_secret (f, saved, KEY_EL);
      expected = g_strdup (both);
    }
  assert_keyring (f, expected);
}

static void
test_crash_remove (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = el_draft ("Voices");
  g_autoptr(GovorunAccount) saved = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  if (skipped_without_test_hooks ())
    return;

  saved = add_account (f, draft, KEY_EL, &error);
  g_assert_no_error (error);
  uuid = g_strdup (govorun_account_get_uuid (saved));
  g_clear_object (&saved);

  close_all (f);
  out = run_helper (f, "remove-after-mark", FALSE, "", TRUE, "remove", uuid);
  open_all (f);
  assert_db (f, "SELECT state FROM accounts", "deleting");

  load (f);
  assert_nothing_saved (f);
}

/* --- secrets never in the database or the logs --------------------------------- */

/* The database files are binary (NUL bytes), so no strstr. */
static gboolean
bytes_contain (const char *haystack,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n <= length && i <= length - n; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_file_lacks (const char *path,
                   const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;   /* -wal and -shm come and go */
  g_assert_false (bytes_contain (contents, length, needle));
}

static void
assert_db_files_lack (Fixture    *f,
                      const char *needle)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->path, suffixes[i], NULL);

      assert_file_lacks (path, needle);
    }
}

static void
test_no_secret_in_db (Fixture       *f,
                      gconstpointer  data)
{
  const char *keys[] = { KEY_VOX, KEY_VOX_NEW, KEY_EL, KEY_EL_NEW };
  g_autoptr(GovorunAccount) vox_d = vox_draft ("Acme", "1234567");
  g_autoptr(GovorunAccount) el_d = el_draft ("Voices");
  g_autoptr(GovorunAccount) vox = NULL;
  g_autoptr(GovorunAccount) el = NULL;
  g_autoptr(GovorunAccount) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  vox = add_account (f, vox_d, KEY_VOX, &error);
  g_assert_no_error (error);
  el = add_account (f, el_d, KEY_EL, &error);
  g_assert_no_error (error);
  copy = govorun_account_copy (vox);
  g_assert_true (update_account (f, copy, KEY_VOX_NEW, &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = govorun_account_copy (el);
  g_assert_true (update_account (f, copy, KEY_EL_NEW, &error));
  g_assert_no_error (error);

  /* The test is meaningful only if the data really is in the files. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (wal, &contents, &length, NULL));
    g_assert_true (bytes_contain (contents, length, "Voices"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    assert_db_files_lack (f, keys[i]);

  close_all (f);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    assert_db_files_lack (f, keys[i]);
}

static void
test_no_secret_in_logs (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *input = g_strdup_printf ("%s\n%s", KEY_VOX, KEY_VOX_NEW);

  close_all (f);
  out = run_helper (f, NULL, TRUE, input, FALSE, "roundtrip", NULL);
  open_all (f);

  /* The helper did log (so the check is not vacuous) and finished. */
  g_assert_nonnull (strstr (out, "Added voximplant account"));
  g_assert_nonnull (strstr (out, "Removed account"));
  g_assert_nonnull (strstr (out, "done"));
  g_assert_null (strstr (out, KEY_VOX));
  g_assert_null (strstr (out, KEY_VOX_NEW));

  assert_db_files_lack (f, KEY_VOX);
  assert_db_files_lack (f, KEY_VOX_NEW);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/Govorun/Account/object", test_account_object);
  ADD ("/Govorun/AccountStore/round-trip", test_round_trip, NULL);
  ADD ("/Govorun/AccountStore/service-account", test_service_account, NULL);
  ADD ("/Govorun/AccountStore/validation", test_validation, NULL);
  ADD ("/Govorun/AccountStore/duplicates", test_duplicates, NULL);
  ADD ("/Govorun/AccountStore/keyring-write-fails", test_keyring_write_fails, NULL);
  ADD ("/Govorun/AccountStore/db-write-fails", test_db_write_fails, NULL);
  ADD ("/Govorun/AccountStore/cancel", test_cancel, NULL);
  ADD ("/Govorun/AccountStore/recovery", test_recovery, NULL);
  ADD ("/Govorun/AccountStore/database-moved-away", test_database_moved_away, NULL);
  ADD ("/Govorun/AccountStore/unclaimed-restore-forget", test_unclaimed_restore_forget, NULL);
  ADD ("/Govorun/AccountStore/adopts-newer-generation", test_adopts_newer_generation, NULL);
  ADD ("/Govorun/AccountStore/key-trimmed", test_key_trimmed, NULL);
  g_test_add_func ("/Govorun/AccountStore/no-keyring", test_no_keyring);
  ADD ("/Govorun/AccountStore/crash/add-after-row", test_crash_add, "after-row");
  ADD ("/Govorun/AccountStore/crash/add-after-secret", test_crash_add, "after-secret");
  ADD ("/Govorun/AccountStore/crash/update-after-secret", test_crash_update, "update-after-secret");
  ADD ("/Govorun/AccountStore/crash/update-after-row", test_crash_update, "update-after-row");
  ADD ("/Govorun/AccountStore/crash/remove-after-mark", test_crash_remove, NULL);
  ADD ("/Govorun/AccountStore/no-secret-in-db", test_no_secret_in_db, NULL);
  ADD ("/Govorun/AccountStore/no-secret-in-logs", test_no_secret_in_logs, NULL);

  return g_test_run ();
}
