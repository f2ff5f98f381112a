/* test-vox-emu-applications.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantEmulator"

#include "config.h"

#include "vox-emu-fixture.h"

/* Applications, and list pagination. */

static void
test_applications (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *bad_names[] = { "a", "1bot", "Bot", "my_bot", "bot.x", "-bot",
    "a12345678901234567890123456789012345678901234567890123456789012345" };
  Answer answer = { 0 };
  JsonObject *root;
  JsonArray *array;
  g_autofree char *id_text = NULL;
  gint64 id, other_id;

  api (fixture, "AddApplication", &answer, "application_name", "govorun-bot", "secure_record_storage", "true", NULL);
  root = ok_mutation (&answer);
  id = json_object_get_int_member (root, "application_id");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (json_object_get_string_member (root, "application_name"), ==,
                   "govorun-bot.acme.n1.voximplant.com");
  g_assert_true (json_object_get_boolean_member (root, "secure_record_storage"));
  answer_clear (&answer);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* 65 characters is the longest short name. */
  add_application (fixture, "a1234567890123456789012345678901234567890123456789012345678901234");

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      api (fixture, "AddApplication", &answer, "application_name", bad_names[i], NULL);
      expect_error (&answer, 107);
    }

  /* Duplicates, by short or full name. */
  api (fixture, "AddApplication", &answer, "application_name", "govorun-bot", NULL);
  expect_error (&answer, 129);
  api (fixture, "AddApplication", &answer, "application_name", "govorun-bot.acme.n1.voximplant.com", NULL);
  expect_error (&answer, 129);

  /* Missing and empty required parameters name the parameter. */
  api (fixture, "AddApplication", &answer, NULL);
  assert_api_error (&answer, 200, 485);
  g_assert_nonnull (strstr (error_msg (&answer), "application_name"));
  answer_clear (&answer);
  api (fixture, "AddApplication", &answer, "application_name", "", NULL);
  assert_api_error (&answer, 200, 134);
  g_assert_nonnull (strstr (error_msg (&answer), "application_name"));
  answer_clear (&answer);
  api (fixture, "AddApplication", &answer, "application_name", "x2", "secure_record_storage", "maybe", NULL);
  expect_error (&answer, 101);

  /* Get: everything, by id, by name part. */
  api (fixture, "GetApplications", &answer, NULL);
  array = ok_list (&answer, 2, 2);
  g_assert_cmpint (json_object_get_int_member (item (array, 0), "application_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "application_name"), ==,
                   "govorun-bot.acme.n1.voximplant.com");
  g_assert_true (json_object_get_boolean_member (item (array, 0), "secure_record_storage"));
  g_assert_true (is_timestamp (json_object_get_string_member (item (array, 0), "modified")));
  g_assert_cmpuint (json_object_get_size (item (array, 0)), ==, 4);
  answer_clear (&answer);

  api (fixture, "GetApplications", &answer, "application_id", id_text, NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpint (json_object_get_int_member (item (array, 0), "application_id"), ==, id);
  answer_clear (&answer);

  api (fixture, "GetApplications", &answer, "application_name", "GOVORUN", NULL);
  array = ok_list (&answer, 1, 1);
  answer_clear (&answer);

  api (fixture, "GetApplications", &answer, "application_id", "x", NULL);
  expect_error (&answer, 116);

  /* Set: rename and turn secure storage off, then by the required name. */
  api (fixture, "SetApplicationInfo", &answer, "application_id", id_text, "application_name", "govorun-agent",
       "secure_record_storage", "false", NULL);
  root = ok_mutation (&answer);
  g_assert_cmpstr (json_object_get_string_member (root, "application_name"), ==,
                   "govorun-agent.acme.n1.voximplant.com");
  g_assert_false (json_object_get_boolean_member (root, "secure_record_storage"));
  answer_clear (&answer);

  api (fixture, "SetApplicationInfo", &answer, "required_application_name", "govorun-agent",
       "secure_record_storage", "true", NULL);
  g_assert_true (json_object_get_boolean_member (ok_mutation (&answer), "secure_record_storage"));
  answer_clear (&answer);

  api (fixture, "SetApplicationInfo", &answer, "application_id", id_text,
       "application_name", "a1234567890123456789012345678901234567890123456789012345678901234", NULL);
  expect_error (&answer, 129);
  api (fixture, "SetApplicationInfo", &answer, "application_id", "999", NULL);
  expect_error (&answer, 116);
  api (fixture, "SetApplicationInfo", &answer, "application_id", id_text, "required_application_name", "x", NULL);
  expect_error (&answer, 458);
  api (fixture, "SetApplicationInfo", &answer, NULL);
  expect_error (&answer, 485);

  /* Other accounts see nothing of it, and may use the same name. */
  api_as (fixture, OTHER_ID, "GetApplications", &answer, NULL);
  ok_list (&answer, 0, 0);
  answer_clear (&answer);
  api_as (fixture, OTHER_ID, "DelApplication", &answer, "application_id", id_text, NULL);
  expect_error (&answer, 116);
  api_as (fixture, OTHER_ID, "AddApplication", &answer, "application_name", "govorun-agent", NULL);
  root = ok_mutation (&answer);
  other_id = json_object_get_int_member (root, "application_id");
  g_assert_cmpint (other_id, !=, id);
  g_assert_cmpstr (json_object_get_string_member (root, "application_name"), ==,
                   "govorun-agent.other.n1.voximplant.com");
  answer_clear (&answer);

  /* The domain form is a setting. */
  g_object_set (fixture->emulator, "application-domain-suffix", "voximplant.com", NULL);
  api (fixture, "GetApplications", &answer, "application_id", id_text, NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "application_name"), ==,
                   "govorun-agent.acme.voximplant.com");
  answer_clear (&answer);

  /* Delete: a bad item deletes nothing; then by name, then "all". */
  api (fixture, "DelApplication", &answer, "application_id", "999;x", NULL);
  expect_error (&answer, 116);
  api (fixture, "DelApplication", &answer, "application_name", "govorun-agent;nope", NULL);
  expect_error (&answer, 107);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "application"), ==, 2);
  api (fixture, "DelApplication", &answer, "application_name", "govorun-agent", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "application"), ==, 1);
  api (fixture, "DelApplication", &answer, "application_id", "all", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "application"), ==, 0);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, OTHER_ID, "application"), ==, 1);
}

static void
test_pagination (Fixture       *fixture,
                 gconstpointer  data)
{
  Answer answer = { 0 };
  JsonArray *array;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("app%u", i);

      add_application (fixture, name);
    }

  api (fixture, "GetApplications", &answer, "count", "2", "offset", "1", NULL);
  array = ok_list (&answer, 2, 5);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "application_name"), ==,
                   "app1.acme.n1.voximplant.com");
  g_assert_cmpstr (json_object_get_string_member (item (array, 1), "application_name"), ==,
                   "app2.acme.n1.voximplant.com");
  answer_clear (&answer);

  api (fixture, "GetApplications", &answer, "count", "10", "offset", "4", NULL);
  array = ok_list (&answer, 1, 5);
  answer_clear (&answer);

  api (fixture, "GetApplications", &answer, "offset", "9", NULL);
  ok_list (&answer, 0, 5);
  answer_clear (&answer);

  api (fixture, "GetApplications", &answer, "count", "-1", NULL);
  assert_api_error (&answer, 200, 101);
  g_assert_nonnull (strstr (error_msg (&answer), "count"));
  answer_clear (&answer);
  api (fixture, "GetApplications", &answer, "offset", "x", NULL);
  expect_error (&answer, 101);

  /* Without count, the configured default applies (UNVERIFIED). */
  g_object_set (fixture->emulator, "default-list-count", 3, NULL);
  api (fixture, "GetApplications", &answer, NULL);
  ok_list (&answer, 3, 5);
  answer_clear (&answer);
}

/* An application's secret storage: names only in the list, values kept
 * for VoxEngine, gone with the application. */
static void
test_secrets (Fixture       *fixture,
              gconstpointer  data)
{
  Answer answer = { 0 };
  JsonArray *array;
  g_autofree char *app = g_strdup_printf ("%" G_GINT64_FORMAT, add_application (fixture, "keys"));
  g_autofree char *value = NULL;

  api (fixture, "AddSecret", &answer, "application_id", app, "secret_name", "EL_KEY", "secret_value", "sk_1", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "AddSecret", &answer, "application_id", app, "secret_name", "EL_KEY", "secret_value", "sk_2", NULL);
  expect_error (&answer, 101);
  api (fixture, "AddSecret", &answer, "application_id", app, "secret_name", "1bad", "secret_value", "x", NULL);
  expect_error (&answer, 101);
  api (fixture, "AddSecret", &answer, "application_id", app, "secret_name", "OTHER", NULL);
  expect_error (&answer, 485);

  api (fixture, "SetSecretInfo", &answer, "application_id", app, "secret_name", "EL_KEY", "secret_value", "sk_3", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "SetSecretInfo", &answer, "application_id", app, "secret_name", "NONE", "secret_value", "x", NULL);
  expect_error (&answer, 101);
  value = govorun_voximplant_emulator_get_secret (fixture->emulator, ACCOUNT_ID,
                                                  g_ascii_strtoll (app, NULL, 10), "EL_KEY");
  g_assert_cmpstr (value, ==, "sk_3");

  api (fixture, "GetSecrets", &answer, "application_id", app, NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "secret_name"), ==, "EL_KEY");
  g_assert_false (json_object_has_member (item (array, 0), "secret_value"));
  answer_clear (&answer);

  api (fixture, "DelSecret", &answer, "application_id", app, "secret_name", "EL_KEY", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "DelSecret", &answer, "application_id", app, "secret_name", "EL_KEY", NULL);
  expect_error (&answer, 101);
  api (fixture, "GetSecrets", &answer, "application_id", app, NULL);
  ok_list (&answer, 0, 0);
  answer_clear (&answer);
}

int
main (int   argc,
      char *argv[])
{
  vox_emu_test_init (&argc, &argv);

  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/applications", test_applications);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/secrets", test_secrets);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/pagination", test_pagination);

  return g_test_run ();
}
