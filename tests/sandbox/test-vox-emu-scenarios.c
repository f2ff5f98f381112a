/* test-vox-emu-scenarios.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantEmulator"

#include "config.h"

#include "vox-emu-fixture.h"

/* Scenarios. */

static void
test_scenarios (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *big = NULL;
  g_autofree char *script = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *app_text = NULL;
  Answer answer = { 0 };
  JsonObject *root;
  JsonArray *array;
  gint64 id, second, app_id;

  id = add_scenario (fixture, "govorun-inbound", "VoxEngine.addEventListener(AppEvents.CallAlerting, () => {});");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  script = govorun_voximplant_emulator_get_scenario_script (fixture->emulator, ACCOUNT_ID, id);
  g_assert_cmpstr (script, ==, "VoxEngine.addEventListener(AppEvents.CallAlerting, () => {});");
  g_clear_pointer (&script, g_free);
  g_assert_null (govorun_voximplant_emulator_get_scenario_script (fixture->emulator, OTHER_ID, id));

  /* Names: 29 characters pass, 30 do not. */
  add_scenario (fixture, "abcdefghijklmnopqrstuvwxyz012", "");
  api (fixture, "AddScenario", &answer, "scenario_name", "abcdefghijklmnopqrstuvwxyz0123", NULL);
  expect_error (&answer, 168);
  api (fixture, "AddScenario", &answer, NULL);
  expect_error (&answer, 485);

  /* Unique per account unless rewrite=true, which keeps the id. */
  api (fixture, "AddScenario", &answer, "scenario_name", "govorun-inbound", "scenario_script", "x", NULL);
  expect_error (&answer, 133);
  api (fixture, "AddScenario", &answer, "scenario_name", "govorun-inbound", "scenario_script", "// v2",
       "rewrite", "True", NULL);
  g_assert_cmpint (json_object_get_int_member (ok_mutation (&answer), "scenario_id"), ==, id);
  answer_clear (&answer);
  script = govorun_voximplant_emulator_get_scenario_script (fixture->emulator, ACCOUNT_ID, id);
  g_assert_cmpstr (script, ==, "// v2");
  g_clear_pointer (&script, g_free);

  /* 128 KB is the limit. */
  big = g_strnfill (128 * 1024 + 1, 'a');
  api (fixture, "AddScenario", &answer, "scenario_name", "big", "scenario_script", big, NULL);
  expect_error (&answer, 130);
  big[128 * 1024] = '\0';
  add_scenario (fixture, "big", big);

  /* In an application's folder. */
  app_id = add_application (fixture, "bot");
  app_text = g_strdup_printf ("%" G_GINT64_FORMAT, app_id);
  api (fixture, "AddScenario", &answer, "scenario_name", "govorun-outbound", "application_id", app_text,
       "scenario_script", "// out", NULL);
  second = json_object_get_int_member (ok_mutation (&answer), "scenario_id");
  answer_clear (&answer);
  api (fixture, "AddScenario", &answer, "scenario_name", "x", "application_id", app_text,
       "application_name", "bot", NULL);
  expect_error (&answer, 458);
  api (fixture, "AddScenario", &answer, "scenario_name", "x", "application_name", "nope", NULL);
  expect_error (&answer, 107);

  /* Get: scripts only with scenario_id (§6). */
  api (fixture, "GetScenarios", &answer, "with_script", "true", NULL);
  array = ok_list (&answer, 4, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_false (json_object_has_member (item (array, i), "scenario_script"));
      g_assert_false (json_object_get_boolean_member (item (array, i), "parent"));
      g_assert_true (is_timestamp (json_object_get_string_member (item (array, i), "modified")));
    }
  answer_clear (&answer);

  api (fixture, "GetScenarios", &answer, "scenario_id", id_text, "with_script", "true", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "scenario_name"), ==, "govorun-inbound");
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "scenario_script"), ==, "// v2");
  answer_clear (&answer);

  api (fixture, "GetScenarios", &answer, "scenario_name", "GOVORUN", "count", "1", NULL);
  array = ok_list (&answer, 1, 2);
  answer_clear (&answer);

  api (fixture, "GetScenarios", &answer, "application_name", "bot", NULL);
  root = ok_root (&answer);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpint (json_object_get_int_member (item (array, 0), "scenario_id"), ==, second);
  g_assert_cmpint (json_object_get_int_member (root, "application_id"), ==, app_id);
  g_assert_cmpstr (json_object_get_string_member (root, "application_name"), ==, "bot.acme.n1.voximplant.com");
  answer_clear (&answer);

  /* Set: by id or name; the new name is validated. */
  api (fixture, "SetScenarioInfo", &answer, "scenario_id", id_text, "scenario_name", "govorun-in",
       "scenario_script", "// v3", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  script = govorun_voximplant_emulator_get_scenario_script (fixture->emulator, ACCOUNT_ID, id);
  g_assert_cmpstr (script, ==, "// v3");
  g_clear_pointer (&script, g_free);
  api (fixture, "SetScenarioInfo", &answer, "required_scenario_name", "govorun-in", "scenario_name", "big", NULL);
  expect_error (&answer, 133);
  api (fixture, "SetScenarioInfo", &answer, "required_scenario_name", "govorun-in",
       "scenario_name", "abcdefghijklmnopqrstuvwxyz0123", NULL);
  expect_error (&answer, 168);
  api (fixture, "SetScenarioInfo", &answer, "scenario_id", "1", NULL);
  expect_error (&answer, 132);
  api (fixture, "SetScenarioInfo", &answer, "required_scenario_name", "gone", NULL);
  expect_error (&answer, 168);

  /* Delete. */
  api (fixture, "DelScenario", &answer, "scenario_id", "1", NULL);
  expect_error (&answer, 132);
  api (fixture, "DelScenario", &answer, "scenario_name", "big;govorun-in", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "scenario"), ==, 2);
  api (fixture, "DelScenario", &answer, "scenario_id", "all", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "scenario"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  vox_emu_test_init (&argc, &argv);

  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/scenarios", test_scenarios);

  return g_test_run ();
}
