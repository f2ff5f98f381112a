/* test-vox-emu-rules.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantEmulator"

#include "config.h"

#include "vox-emu-fixture.h"

/* Routing rules. */

static void
assert_rule_item (JsonObject *object,
                  gint64      rule_id,
                  gint64      application_id,
                  const char *name,
                  const char *pattern,
                  guint       n_scenarios)
{
  static const char *members[] = { "rule_id", "application_id", "rule_name", "rule_pattern",
                                   "video_conference", "scenarios", "modified" };
  JsonArray *scenarios;

  /* Exactly the members of the documented example. */
  g_assert_cmpuint (json_object_get_size (object), ==, G_N_ELEMENTS (members));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (json_object_has_member (object, members[i]));

  g_assert_cmpint (json_object_get_int_member (object, "rule_id"), ==, rule_id);
  g_assert_cmpint (json_object_get_int_member (object, "application_id"), ==, application_id);
  g_assert_cmpstr (json_object_get_string_member (object, "rule_name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (object, "rule_pattern"), ==, pattern);
  g_assert_false (json_object_get_boolean_member (object, "video_conference"));
  g_assert_true (is_timestamp (json_object_get_string_member (object, "modified")));

  scenarios = json_object_get_array_member (object, "scenarios");
  g_assert_cmpuint (json_array_get_length (scenarios), ==, n_scenarios);
  for (guint i = 0; i < n_scenarios; i++)
    {
      JsonObject *scenario = item (scenarios, i);

      g_assert_cmpuint (json_object_get_size (scenario), ==, 3);
      g_assert_true (json_object_has_member (scenario, "scenario_id"));
      g_assert_true (json_object_has_member (scenario, "scenario_name"));
      g_assert_true (is_timestamp (json_object_get_string_member (scenario, "modified")));
    }
}

static guint
template_matches (Fixture    *fixture,
                  const char *number)
{
  Answer answer = { 0 };
  JsonObject *root;
  guint count;

  api (fixture, "GetRules", &answer, "application_name", "bot", "template", number, NULL);
  root = ok_root (&answer);
  count = json_object_get_int_member (root, "total_count");
  answer_clear (&answer);

  return count;
}

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (100, 'r');
  g_autofree char *rule_text = NULL;
  g_autofree char *modified = NULL;
  Answer answer = { 0 };
  JsonArray *array;
  gint64 app_id, other_app_id, inbound, outbound, exact, scen_in, scen_out;

  app_id = add_application (fixture, "bot");
  other_app_id = add_application (fixture, "bot2");
  scen_in = add_scenario (fixture, "in", "// in");
  scen_out = add_scenario (fixture, "out", "// out");

  inbound = add_rule (fixture, "bot", "inbound", "7495.+", "in");
  rule_text = g_strdup_printf ("%" G_GINT64_FORMAT, inbound);
  api (fixture, "AddRule", &answer, "application_name", "bot", "rule_name", "outbound", "rule_pattern", ".*",
       "scenario_id", id_pair (scen_out, scen_in), NULL);
  outbound = json_object_get_int_member (ok_mutation (&answer), "rule_id");
  answer_clear (&answer);
  exact = add_rule (fixture, "bot", "exact", "123", "in");

  /* Errors. */
  api (fixture, "AddRule", &answer, "application_name", "bot", "rule_name", "bad", "rule_pattern", "([",
       "scenario_name", "in", NULL);
  expect_error (&answer, 148);
  api (fixture, "AddRule", &answer, "application_name", "bot", "rule_name", "bad", "rule_pattern", ".*",
       "rule_pattern_exclude", "a(", "scenario_name", "in", NULL);
  expect_error (&answer, 149);
  api (fixture, "AddRule", &answer, "application_name", "bot", "rule_name", "inbound", "rule_pattern", ".*",
       "scenario_name", "in", NULL);
  expect_error (&answer, 175);
  api (fixture, "AddRule", &answer, "application_name", "bot", "rule_name", long_name, "rule_pattern", ".*",
       "scenario_name", "in", NULL);
  expect_error (&answer, 156);
  api (fixture, "AddRule", &answer, "application_name", "bot", "rule_name", "x", "rule_pattern", ".*",
       "scenario_name", "nope", NULL);
  expect_error (&answer, 168);
  api (fixture, "AddRule", &answer, "application_name", "bot", "rule_name", "x", "rule_pattern", ".*",
       "scenario_id", "1", NULL);
  expect_error (&answer, 132);
  api (fixture, "AddRule", &answer, "application_name", "bot", "rule_name", "x", "rule_pattern", ".*", NULL);
  assert_api_error (&answer, 200, 485);
  g_assert_nonnull (strstr (error_msg (&answer), "scenario_id"));
  answer_clear (&answer);
  api (fixture, "AddRule", &answer, "rule_name", "x", "rule_pattern", ".*", "scenario_name", "in", NULL);
  expect_error (&answer, 485);
  api (fixture, "AddRule", &answer, "application_name", "bot", "rule_name", "x", "scenario_name", "in", NULL);
  assert_api_error (&answer, 200, 485);
  g_assert_nonnull (strstr (error_msg (&answer), "rule_pattern"));
  answer_clear (&answer);

  /* The same name in another application is fine. */
  add_rule (fixture, "bot2", "inbound", ".*", "in");

  /* GetRules: items exactly as in the reference's example. */
  api (fixture, "GetRules", &answer, "application_id", id_str (app_id),
       "with_scenarios", "true", NULL);
  array = ok_list (&answer, 3, 3);
  assert_rule_item (item (array, 0), inbound, app_id, "inbound", "7495.+", 1);
  assert_rule_item (item (array, 1), outbound, app_id, "outbound", ".*", 2);
  g_assert_cmpint (json_object_get_int_member (item (json_object_get_array_member (item (array, 1), "scenarios"), 0),
                                               "scenario_id"), ==, scen_out);
  assert_rule_item (item (array, 2), exact, app_id, "exact", "123", 1);
  modified = g_strdup (json_object_get_string_member (item (array, 0), "modified"));
  answer_clear (&answer);

  api (fixture, "GetRules", &answer, "application_name", "bot", "rule_name", "BOUND", NULL);
  array = ok_list (&answer, 2, 2);
  g_assert_false (json_object_has_member (item (array, 0), "scenarios"));
  answer_clear (&answer);

  api (fixture, "GetRules", &answer, "application_name", "bot", "rule_id", rule_text, NULL);
  ok_list (&answer, 1, 1);
  answer_clear (&answer);

  api (fixture, "GetRules", &answer, "application_name", "bot", "count", "1", "offset", "2", NULL);
  array = ok_list (&answer, 1, 3);
  g_assert_cmpint (json_object_get_int_member (item (array, 0), "rule_id"), ==, exact);
  answer_clear (&answer);

  api (fixture, "GetRules", &answer, NULL);
  expect_error (&answer, 485);

  /* template: whole-number matches only. */
  g_assert_cmpuint (template_matches (fixture, "74951230001"), ==, 2);   /* inbound, outbound */
  g_assert_cmpuint (template_matches (fixture, "123"), ==, 2);           /* outbound, exact */
  g_assert_cmpuint (template_matches (fixture, "123456"), ==, 1);        /* outbound */
  g_assert_cmpuint (template_matches (fixture, "7495"), ==, 1);          /* ".+" needs one more */

  /* rule_pattern_exclude takes numbers out. */
  api (fixture, "SetRuleInfo", &answer, "rule_id", rule_text, "rule_pattern_exclude", "74951230001", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (template_matches (fixture, "74951230001"), ==, 1);
  g_assert_cmpuint (template_matches (fixture, "74951230002"), ==, 2);

  /* SetRuleInfo. */
  api (fixture, "SetRuleInfo", &answer, "rule_id", rule_text, "rule_name", "incoming",
       "rule_pattern", "7(495|812).+", "rule_pattern_exclude", "", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (template_matches (fixture, "78121230001"), ==, 2);
  api (fixture, "SetRuleInfo", &answer, "rule_id", rule_text, "rule_name", "outbound", NULL);
  expect_error (&answer, 175);
  api (fixture, "SetRuleInfo", &answer, "rule_id", rule_text, "rule_pattern", "(", NULL);
  expect_error (&answer, 148);
  api (fixture, "SetRuleInfo", &answer, "rule_id", "1", NULL);
  expect_error (&answer, 147);
  api (fixture, "SetRuleInfo", &answer, NULL);
  expect_error (&answer, 485);

  /* BindScenario: unbind and bind again, in order. */
  api (fixture, "BindScenario", &answer, "scenario_name", "in", "rule_id", rule_text,
       "application_name", "bot", "bind", "false", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "BindScenario", &answer, "scenario_name", "out;in", "rule_name", "incoming",
       "application_name", "bot", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "GetRules", &answer, "application_name", "bot", "rule_id", rule_text, "with_scenarios", "true", NULL);
  array = ok_list (&answer, 1, 1);
  {
    JsonArray *scenarios = json_object_get_array_member (item (array, 0), "scenarios");

    g_assert_cmpuint (json_array_get_length (scenarios), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (item (scenarios, 0), "scenario_name"), ==, "out");
    g_assert_cmpstr (json_object_get_string_member (item (scenarios, 1), "scenario_name"), ==, "in");
  }
  answer_clear (&answer);
  api (fixture, "BindScenario", &answer, "scenario_name", "in", "rule_id", rule_text,
       "application_name", "bot2", NULL);
  expect_error (&answer, 147);
  api (fixture, "BindScenario", &answer, "scenario_name", "in", "rule_id", rule_text, NULL);
  expect_error (&answer, 485);

  /* AddScenario can bind to a rule too. */
  api (fixture, "AddScenario", &answer, "scenario_name", "extra", "application_name", "bot",
       "rule_name", "exact", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "GetRules", &answer, "application_name", "bot", "rule_name", "exact", "with_scenarios", "1", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item (array, 0), "scenarios")), ==, 2);
  answer_clear (&answer);

  /* Deleting a scenario unbinds it from rules. */
  api (fixture, "DelScenario", &answer, "scenario_name", "extra", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "GetRules", &answer, "application_name", "bot", "rule_name", "exact", "with_scenarios", "1", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item (array, 0), "scenarios")), ==, 1);
  answer_clear (&answer);

  /* Drift hook: the pattern changes, "modified" does not. */
  api (fixture, "GetRules", &answer, "application_name", "bot", "rule_name", "exact", NULL);
  g_free (modified);
  modified = g_strdup (json_object_get_string_member (item (ok_list (&answer, 1, 1), 0), "modified"));
  answer_clear (&answer);
  g_assert_true (govorun_voximplant_emulator_tamper_rule_pattern (fixture->emulator, ACCOUNT_ID, exact, "999"));
  g_assert_false (govorun_voximplant_emulator_tamper_rule_pattern (fixture->emulator, OTHER_ID, exact, "999"));
  api (fixture, "GetRules", &answer, "application_name", "bot", "rule_name", "exact", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "rule_pattern"), ==, "999");
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "modified"), ==, modified);
  answer_clear (&answer);

  /* DelRule needs the application (S2; a setting). */
  api (fixture, "DelRule", &answer, "rule_id", rule_text, NULL);
  expect_error (&answer, 485);
  api (fixture, "DelRule", &answer, "rule_id", rule_text, "application_name", "bot2", NULL);
  expect_error (&answer, 147);
  api (fixture, "DelRule", &answer, "rule_name", "incoming;nope", "application_name", "bot", NULL);
  expect_error (&answer, 156);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "rule"), ==, 4);
  api (fixture, "DelRule", &answer, "rule_name", "incoming", "application_name", "bot", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_object_set (fixture->emulator, "del-rule-requires-application", FALSE, NULL);
  api (fixture, "DelRule", &answer, "rule_id", id_str (exact), NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "DelRule", &answer, "rule_id", "all", "application_id",
       id_str (other_app_id), NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "rule"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  vox_emu_test_init (&argc, &argv);

  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/rules", test_rules);

  return g_test_run ();
}
