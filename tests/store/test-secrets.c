/* test-secrets.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs against a real gnome-keyring-daemon: see run-with-keyring.sh.
 */
#define G_LOG_DOMAIN "GovorunTestSecrets"

#include "config.h"

#include <libsecret/secret.h>

#include "govorun-secrets.h"
#include "govorun-util.h"
#include "test-util.h"

#define MISSING_COLLECTION "/org/freedesktop/secrets/collection/govorun_no_such_collection"

static gboolean
store_sync (GovorunSecrets  *secrets,
            const char      *uuid,
            guint            generation,
            const char      *secret,
            GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_secrets_store_async (secrets, uuid, generation, "Govorun: test item", secret,
                               NULL, test_util_on_result, &result);
  return govorun_secrets_store_finish (secrets, test_util_wait (&result), error);
}

static char *
lookup_sync (GovorunSecrets  *secrets,
             const char      *uuid,
             guint            generation,
             GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_secrets_lookup_async (secrets, uuid, generation, NULL, test_util_on_result, &result);
  return govorun_secrets_lookup_finish (secrets, test_util_wait (&result), error);
}

static gboolean
clear_sync (GovorunSecrets  *secrets,
            const char      *uuid,
            int              generation,
            GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_secrets_clear_async (secrets, uuid, generation, NULL, test_util_on_result, &result);
  return govorun_secrets_clear_finish (secrets, test_util_wait (&result), error);
}

static GPtrArray *
list_sync (GovorunSecrets  *secrets,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_secrets_list_async (secrets, NULL, test_util_on_result, &result);
  return govorun_secrets_list_finish (secrets, test_util_wait (&result), error);
}

static void
assert_secret (GovorunSecrets *secrets,
               const char     *uuid,
               guint           generation,
               const char     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunSecret) secret = lookup_sync (secrets, uuid, generation, &error);

  if (expected == NULL)
    {
      g_assert_error (error, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_NOT_FOUND);
      g_assert_null (secret);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpstr (secret, ==, expected);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* "uuid:generation" of every item, sorted, comma-separated. */
static char *
list_string (GovorunSecrets *secrets)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) refs = list_sync (secrets, &error);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_assert_nonnull (refs);
  for (guint i = 0; i < refs->len; i++)
    {
      GovorunSecretRef *ref = g_ptr_array_index (refs, i);

      g_ptr_array_add (strings, g_strdup_printf ("%s:%u", ref->uuid, ref->generation));
    }
  g_ptr_array_sort (strings, compare_strings);
  g_ptr_array_add (strings, NULL);
  return g_strjoinv (",", (char **) strings->pdata);
}

static void
test_round_trip (void)
{
  g_autoptr(GovorunSecrets) secrets = govorun_secrets_new ("test-round-trip");
  g_autofree char *uuid = govorun_uuid_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (govorun_secrets_get_profile (secrets), ==, "test-round-trip");
  g_assert_cmpstr (govorun_secrets_get_collection (secrets), ==, SECRET_COLLECTION_DEFAULT);

  g_assert_true (store_sync (secrets, uuid, 1, "first-key-Ключ", &error));
  g_assert_no_error (error);
  assert_secret (secrets, uuid, 1, "first-key-Ключ");

  /* Another generation is another item. */
  g_assert_true (store_sync (secrets, uuid, 2, "second-key", &error));
  g_assert_no_error (error);
  assert_secret (secrets, uuid, 1, "first-key-Ключ");
  assert_secret (secrets, uuid, 2, "second-key");

  /* Storing the same generation again replaces it. */
  g_assert_true (store_sync (secrets, uuid, 2, "second-key-replaced", &error));
  g_assert_no_error (error);
  assert_secret (secrets, uuid, 2, "second-key-replaced");
  {
    g_autofree char *listed = list_string (secrets);
    g_autofree char *expected = g_strdup_printf ("%s:1,%s:2", uuid, uuid);

    g_assert_cmpstr (listed, ==, expected);
  }

  /* Clear one generation, then all; clearing nothing succeeds. */
  g_assert_true (clear_sync (secrets, uuid, 1, &error));
  g_assert_no_error (error);
  assert_secret (secrets, uuid, 1, NULL);
  assert_secret (secrets, uuid, 2, "second-key-replaced");
  g_assert_true (clear_sync (secrets, uuid, -1, &error));
  g_assert_no_error (error);
  assert_secret (secrets, uuid, 2, NULL);
  g_assert_true (clear_sync (secrets, uuid, -1, &error));
  g_assert_no_error (error);
}

static void
test_not_found (void)
{
  g_autoptr(GovorunSecrets) secrets = govorun_secrets_new (GOVORUN_PROFILE_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = govorun_uuid_new ();
  char *secret;

  secret = lookup_sync (secrets, uuid, 1, &error);
  g_assert_null (secret);
  g_assert_error (error, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "The key for this account is not in the keyring."));
}

static void
test_profiles_isolated (void)
{
  g_autoptr(GovorunSecrets) real = govorun_secrets_new (GOVORUN_PROFILE_DEFAULT);
  g_autoptr(GovorunSecrets) sandbox = govorun_secrets_new (GOVORUN_PROFILE_SANDBOX);
  g_autofree char *shared = govorun_uuid_new ();
  g_autofree char *only_sandbox = govorun_uuid_new ();
  g_autofree char *real_list = NULL;
  g_autofree char *sandbox_list = NULL;
  g_autofree char *expected_real = NULL;
  g_autofree char *expected_sandbox = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (store_sync (real, shared, 1, "real-key", &error));
  g_assert_true (store_sync (sandbox, shared, 1, "sandbox-key", &error));
  g_assert_true (store_sync (sandbox, only_sandbox, 4, "sandbox-only", &error));
  g_assert_no_error (error);

  assert_secret (real, shared, 1, "real-key");
  assert_secret (sandbox, shared, 1, "sandbox-key");
  assert_secret (real, only_sandbox, 4, NULL);

  real_list = list_string (real);
  expected_real = g_strdup_printf ("%s:1", shared);
  g_assert_cmpstr (real_list, ==, expected_real);
  sandbox_list = list_string (sandbox);
  if (g_strcmp0 (shared, only_sandbox) < 0)
    expected_sandbox = g_strdup_printf ("%s:1,%s:4", shared, only_sandbox);
  else
    expected_sandbox = g_strdup_printf ("%s:4,%s:1", only_sandbox, shared);
  g_assert_cmpstr (sandbox_list, ==, expected_sandbox);

  /* Clearing in the sandbox leaves the real key alone. */
  g_assert_true (clear_sync (sandbox, shared, -1, &error));
  g_assert_no_error (error);
  assert_secret (sandbox, shared, 1, NULL);
  assert_secret (real, shared, 1, "real-key");

  g_assert_true (clear_sync (real, shared, -1, &error));
  g_assert_true (clear_sync (sandbox, only_sandbox, -1, &error));
  g_assert_no_error (error);
}

/* Items of another schema with the same attribute names are not ours:
 * never listed, never cleared. */
static const SecretSchema foreign_schema = {
  "org.example.Other", SECRET_SCHEMA_NONE,
  {
    { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "generation", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
    { NULL, 0 },
  }
};

static void
test_foreign_items (void)
{
  g_autoptr(GovorunSecrets) secrets = govorun_secrets_new ("test-foreign");
  g_autofree char *uuid = govorun_uuid_new ();
  g_autofree char *listed = NULL;
  g_autofree char *foreign = NULL;
  g_autoptr(GError) error = NULL;

  /* A sync call is fine in a test; the code under test uses async. */
  g_assert_true (secret_password_store_sync (&foreign_schema, SECRET_COLLECTION_DEFAULT, "other app",
                                             "not-ours", NULL, &error,
                                             "profile", "test-foreign", "account", uuid,
                                             "generation", 1, NULL));
  g_assert_no_error (error);

  listed = list_string (secrets);
  g_assert_cmpstr (listed, ==, "");
  assert_secret (secrets, uuid, 1, NULL);
  g_assert_true (clear_sync (secrets, uuid, -1, &error));
  g_assert_no_error (error);

  foreign = secret_password_lookup_sync (&foreign_schema, NULL, &error,
                                         "profile", "test-foreign", "account", uuid,
                                         "generation", 1, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (foreign, ==, "not-ours");
}

/* The keyring locked and its unlock prompt failed: the key is there, so
 * the error says "locked", never "not in the keyring". */
static void
test_locked (void)
{
  g_autoptr(GovorunSecrets) secrets = govorun_secrets_new ("test-locked");
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  GList *objects = NULL;
  GList *locked = NULL;
  g_autofree char *uuid = govorun_uuid_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  /* With a display the keyring's prompter would wait for a person. */
  if (g_strcmp0 (g_getenv ("DISPLAY"), "") != 0 && g_getenv ("DISPLAY") != NULL)
    {
      g_test_skip ("a display is set: the unlock prompt would wait (test-secrets-locked runs without one)");
      return;
    }

  g_assert_true (store_sync (secrets, uuid, 1, "locked-key", &error));
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                                                 NULL, &error);
  g_assert_no_error (error);
  objects = g_list_append (NULL, collection);
  secret_service_lock_sync (service, objects, NULL, &locked, &error);
  g_list_free (objects);
  if (locked == NULL)
    {
      g_test_skip_printf ("the keyring cannot be locked here: %s", error ? error->message : "nothing locked");
      return;
    }
  g_list_free_full (locked, g_object_unref);

  secret = lookup_sync (secrets, uuid, 1, &error);
  g_assert_null (secret);
  g_assert_error (error, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_LOCKED);
  g_assert_null (strstr (error->message, "not in the keyring"));
  /* The private keyring of this run stays locked: the tests after this
   * one do not read keys. */
}

static void
test_missing_collection (void)
{
  g_autoptr(GovorunSecrets) secrets = govorun_secrets_new ("test-missing");
  g_autofree char *uuid = govorun_uuid_new ();
  g_autofree char *listed = NULL;
  g_autoptr(GError) error = NULL;

  govorun_secrets_set_collection (secrets, MISSING_COLLECTION);
  g_assert_cmpstr (govorun_secrets_get_collection (secrets), ==, MISSING_COLLECTION);

  g_assert_false (store_sync (secrets, uuid, 1, "never-stored", &error));
  g_assert_error (error, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the key in the keyring."));
  /* The keyring's own message follows the sentence. */
  g_assert_nonnull (strstr (error->message, "govorun_no_such_collection"));
  g_clear_error (&error);

  assert_secret (secrets, uuid, 1, NULL);
  listed = list_string (secrets);
  g_assert_cmpstr (listed, ==, "");

  govorun_secrets_set_collection (secrets, NULL);
  g_assert_cmpstr (govorun_secrets_get_collection (secrets), ==, SECRET_COLLECTION_DEFAULT);
}

static void
test_cancelled (void)
{
  g_autoptr(GovorunSecrets) secrets = govorun_secrets_new ("test-cancelled");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *uuid = govorun_uuid_new ();
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autoptr(GAsyncResult) r3 = NULL;
  g_autoptr(GAsyncResult) r4 = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);

  govorun_secrets_store_async (secrets, uuid, 1, NULL, "x", cancellable, test_util_on_result, &r1);
  g_assert_false (govorun_secrets_store_finish (secrets, test_util_wait (&r1), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  govorun_secrets_lookup_async (secrets, uuid, 1, cancellable, test_util_on_result, &r2);
  g_assert_null (govorun_secrets_lookup_finish (secrets, test_util_wait (&r2), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  govorun_secrets_clear_async (secrets, uuid, -1, cancellable, test_util_on_result, &r3);
  g_assert_false (govorun_secrets_clear_finish (secrets, test_util_wait (&r3), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  govorun_secrets_list_async (secrets, cancellable, test_util_on_result, &r4);
  g_assert_null (govorun_secrets_list_finish (secrets, test_util_wait (&r4), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_unavailable (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GovorunSecrets) secrets = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) refs = NULL;

      /* A session bus that is not there: libsecret cannot reach any
       * keyring service. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/govorun-test-bus", TRUE);
      secrets = govorun_secrets_new ("test-unavailable");

      g_assert_false (store_sync (secrets, "u", 1, "x", &error));
      g_assert_error (error, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_UNAVAILABLE);
      g_assert_true (g_str_has_prefix (error->message,
                                       "The keyring is not available. Make sure a keyring service such as "
                                       "GNOME Keyring is running and unlocked, then try again. ("));
      g_clear_error (&error);

      refs = list_sync (secrets, &error);
      g_assert_null (refs);
      g_assert_error (error, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_UNAVAILABLE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_secret_ref (void)
{
  g_autoptr(GovorunSecretRef) ref = govorun_secret_ref_new ("abc", 3);
  g_autoptr(GovorunSecretRef) copy = govorun_secret_ref_copy (ref);
  GovorunSecretRef *boxed;

  g_assert_cmpstr (copy->uuid, ==, "abc");
  g_assert_cmpuint (copy->generation, ==, 3);
  boxed = g_boxed_copy (GOVORUN_TYPE_SECRET_REF, ref);
  g_assert_cmpstr (boxed->uuid, ==, "abc");
  g_boxed_free (GOVORUN_TYPE_SECRET_REF, boxed);
  govorun_secret_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Secrets/round-trip", test_round_trip);
  g_test_add_func ("/Govorun/Secrets/not-found", test_not_found);
  g_test_add_func ("/Govorun/Secrets/profiles-isolated", test_profiles_isolated);
  g_test_add_func ("/Govorun/Secrets/foreign-items", test_foreign_items);
  g_test_add_func ("/Govorun/Secrets/missing-collection", test_missing_collection);
  g_test_add_func ("/Govorun/Secrets/cancelled", test_cancelled);
  g_test_add_func ("/Govorun/Secrets/unavailable", test_unavailable);
  g_test_add_func ("/Govorun/Secrets/secret-ref", test_secret_ref);
  /* Run on its own, without a display (tests/store/meson.build); last,
   * as it leaves this run's private keyring locked. */
  g_test_add_func ("/Govorun/Secrets/locked", test_locked);

  return g_test_run ();
}
