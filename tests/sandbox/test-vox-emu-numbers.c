/* test-vox-emu-numbers.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantEmulator"

#include "config.h"

#include "vox-emu-fixture.h"

/* Phone numbers: the market, purchases, binding, and the cascade of
 * deletions. */

static void
test_phone_inventory (Fixture       *fixture,
                      gconstpointer  data)
{
  Answer answer = { 0 };
  JsonArray *array, *categories;
  JsonObject *object;

  /* Nothing for sale before seeding. */
  api (fixture, "GetPhoneNumberCategories", &answer, NULL);
  ok_list (&answer, 0, 0);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumberRegions", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC", NULL);
  expect_error (&answer, 239);

  govorun_voximplant_emulator_seed_phone_inventory (fixture->emulator);

  /* Categories. */
  api (fixture, "GetPhoneNumberCategories", &answer, NULL);
  array = ok_list (&answer, 2, 2);
  object = item (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "country_code"), ==, "RU");
  g_assert_cmpstr (json_object_get_string_member (object, "phone_prefix"), ==, "7");
  g_assert_cmpstr (json_object_get_string_member (object, "localized_country_name"), ==, "Russia");
  g_assert_true (json_object_get_boolean_member (object, "can_list_phone_numbers"));
  g_assert_true (json_object_has_member (object, "emergency_calls_to_be_enabled"));
  categories = json_object_get_array_member (object, "phone_categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (item (categories, 0), "phone_category_name"), ==, "GEOGRAPHIC");
  g_assert_cmpstr (json_object_get_string_member (item (categories, 1), "phone_category_name"), ==, "MOBILE");
  g_assert_cmpstr (json_object_get_string_member (item (categories, 2), "phone_category_name"), ==, "TOLLFREE");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (json_object_get_boolean_member (item (categories, i), "country_has_states"));
      g_assert_true (json_object_has_member (item (categories, i), "localized_phone_category_name"));
      g_assert_true (json_object_has_member (item (categories, i), "localized_country_name"));
      g_assert_true (json_object_has_member (item (categories, i), "localized_phone_region_name"));
    }
  categories = json_object_get_array_member (item (array, 1), "phone_categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 1);
  g_assert_true (json_object_get_boolean_member (item (categories, 0), "country_has_states"));
  answer_clear (&answer);

  api (fixture, "GetPhoneNumberCategories", &answer, "country_code", "US", "locale", "RU", "sandbox", "all", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "localized_country_name"), ==, "США");
  answer_clear (&answer);
  api (fixture, "GetPhoneNumberCategories", &answer, "locale", "FR", NULL);
  expect_error (&answer, 101);

  /* States. */
  api (fixture, "GetPhoneNumberCountryStates", &answer, "country_code", "US", "phone_category_name", "GEOGRAPHIC", NULL);
  array = ok_list (&answer, 2, 2);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "country_state"), ==, "CA");
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "country_state_name"), ==, "California");
  g_assert_cmpstr (json_object_get_string_member (item (array, 1), "country_state"), ==, "NY");
  answer_clear (&answer);
  api (fixture, "GetPhoneNumberCountryStates", &answer, "country_code", "US", "phone_category_name", "GEOGRAPHIC",
       "country_state", "NY", NULL);
  ok_list (&answer, 1, 1);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumberCountryStates", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC", NULL);
  ok_list (&answer, 0, 0);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumberCountryStates", &answer, "country_code", "XX", "phone_category_name", "GEOGRAPHIC", NULL);
  expect_error (&answer, 239);
  api (fixture, "GetPhoneNumberCountryStates", &answer, "country_code", "RU", "phone_category_name", "SATELLITE", NULL);
  expect_error (&answer, 240);
  api (fixture, "GetPhoneNumberCountryStates", &answer, "country_code", "US", "phone_category_name", "GEOGRAPHIC",
       "country_state", "TX", NULL);
  expect_error (&answer, 242);
  api (fixture, "GetPhoneNumberCountryStates", &answer, "phone_category_name", "GEOGRAPHIC", NULL);
  assert_api_error (&answer, 200, 485);
  g_assert_nonnull (strstr (error_msg (&answer), "country_code"));
  answer_clear (&answer);

  /* Regions, with stock, prices and verification. */
  api (fixture, "GetPhoneNumberRegions", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC", NULL);
  array = ok_list (&answer, 2, 2);
  object = item (array, 0);
  g_assert_cmpint (json_object_get_int_member (object, "phone_region_id"), ==, 101);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_region_name"), ==, "Moscow");
  g_assert_cmpstr (json_object_get_string_member (object, "phone_region_code"), ==, "495");
  g_assert_cmpint (json_object_get_int_member (object, "phone_count"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_period"), ==, "0-1-0 0:0:0");
  /* Voximplant's types (apiclient-go PhoneNumberCountryRegionInfoType):
   * prices are account_* and local_* integers, no phone_price; no
   * required_verification where none is required. */
  g_assert_false (json_object_has_member (object, "phone_price"));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "account_price")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (object, "account_price"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (object, "account_installation_price"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "local_price"), ==, 5);
  g_assert_true (json_object_has_member (object, "account_currency"));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "phone_tax_reserve")), ==, G_TYPE_INT64);
  g_assert_false (json_object_has_member (object, "required_verification"));
  g_assert_true (json_object_has_member (object, "verification_status"));
  g_assert_true (json_object_has_member (object, "is_need_regulation_address"));
  g_assert_true (json_object_has_member (object, "is_sms_supported"));
  g_assert_true (json_object_has_member (object, "multiple_numbers_price"));
  object = item (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_region_code"), ==, "812");
  g_assert_cmpstr (json_object_get_string_member (object, "required_verification"), ==, "RU");
  g_assert_cmpstr (json_object_get_string_member (object, "verification_status"), ==, "REQUIRED");
  answer_clear (&answer);

  api (fixture, "GetPhoneNumberRegions", &answer, "country_code", "RU", "phone_category_name", "TOLLFREE", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "phone_region_code"), ==, "800");
  answer_clear (&answer);

  /* US regions go by state (UNVERIFIED, a setting). */
  api (fixture, "GetPhoneNumberRegions", &answer, "country_code", "US", "phone_category_name", "GEOGRAPHIC", NULL);
  assert_api_error (&answer, 200, 485);
  g_assert_nonnull (strstr (error_msg (&answer), "country_state"));
  answer_clear (&answer);
  api (fixture, "GetPhoneNumberRegions", &answer, "country_code", "US", "phone_category_name", "GEOGRAPHIC",
       "country_state", "NY", NULL);
  array = ok_list (&answer, 2, 2);
  g_assert_cmpstr (json_object_get_string_member (item (array, 1), "phone_region_name"), ==, "Buffalo");
  g_assert_cmpint (json_object_get_int_member (item (array, 1), "phone_count"), ==, 0);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumberRegions", &answer, "country_code", "US", "phone_category_name", "GEOGRAPHIC",
       "country_state", "NY", "omit_empty", "true", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "phone_region_name"), ==, "New York");
  answer_clear (&answer);
  api (fixture, "GetPhoneNumberRegions", &answer, "country_code", "US", "phone_category_name", "GEOGRAPHIC",
       "country_state", "CA", "phone_region_code", "415", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpint (json_object_get_int_member (item (array, 0), "phone_region_id"), ==, 202);
  answer_clear (&answer);
  g_object_set (fixture->emulator, "require-country-state", FALSE, NULL);
  api (fixture, "GetPhoneNumberRegions", &answer, "country_code", "US", "phone_category_name", "GEOGRAPHIC", NULL);
  ok_list (&answer, 4, 4);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumberRegions", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "country_state", "CA", NULL);
  expect_error (&answer, 242);

  /* Available numbers: pages and masks. */
  api (fixture, "GetNewPhoneNumbers", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "phone_region_id", "101", NULL);
  array = ok_list (&answer, 12, 12);
  object = item (array, 0);
  g_assert_cmpint (json_object_get_int_member (object, "phone_id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_number"), ==, "74951230001");
  g_assert_cmpfloat (json_object_get_double_member (object, "phone_price"), ==, 5.0);
  g_assert_cmpfloat (json_object_get_double_member (object, "phone_installation_price"), ==, 2.0);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_country_code"), ==, "RU");
  g_assert_cmpstr (json_object_get_string_member (object, "phone_period"), ==, "0-1-0 0:0:0");
  g_assert_cmpstr (json_object_get_string_member (object, "phone_category_name"), ==, "GEOGRAPHIC");
  g_assert_cmpstr (json_object_get_string_member (object, "phone_region_name"), ==, "Moscow");
  g_assert_true (json_object_has_member (object, "phone_installation_tax_reserve"));
  g_assert_true (json_object_has_member (object, "phone_tax_reserve"));
  answer_clear (&answer);

  api (fixture, "GetNewPhoneNumbers", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "phone_region_id", "101", "count", "5", "offset", "10", NULL);
  array = ok_list (&answer, 2, 12);
  g_assert_cmpstr (json_object_get_string_member (item (array, 1), "phone_number"), ==, "74951230012");
  answer_clear (&answer);

  api (fixture, "GetNewPhoneNumbers", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "phone_region_id", "101", "phone_number_mask", "7495123000*", NULL);
  ok_list (&answer, 9, 9);
  answer_clear (&answer);
  api (fixture, "GetNewPhoneNumbers", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "phone_region_id", "101", "phone_number_mask", "*12", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpstr (json_object_get_string_member (item (array, 0), "phone_number"), ==, "74951230012");
  answer_clear (&answer);
  api (fixture, "GetNewPhoneNumbers", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "phone_region_id", "101", "phone_number_mask", "1*", NULL);
  ok_list (&answer, 0, 0);
  answer_clear (&answer);

  api (fixture, "GetNewPhoneNumbers", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "phone_region_id", "201", NULL);
  expect_error (&answer, 241);
  api (fixture, "GetNewPhoneNumbers", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "phone_region_id", "x", NULL);
  expect_error (&answer, 241);
  api (fixture, "GetNewPhoneNumbers", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC", NULL);
  expect_error (&answer, 485);
}

static void
buy (Fixture    *fixture,
     Answer     *answer,
     const char *category,
     const char *state,
     const char *region_id,
     const char *key,
     const char *value)
{
  const char *country = state != NULL ? "US" : "RU";

  if (state != NULL)
    api (fixture, "AttachPhoneNumber", answer, "country_code", country, "phone_category_name", category,
         "country_state", state, "phone_region_id", region_id, key, value, NULL);
  else
    api (fixture, "AttachPhoneNumber", answer, "country_code", country, "phone_category_name", category,
         "phone_region_id", region_id, key, value, NULL);
}

static void
test_attach_phone_number (Fixture       *fixture,
                          gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  Answer answer = { 0 };
  JsonArray *array, *numbers;
  JsonObject *object;
  gint64 offered_id;

  govorun_voximplant_emulator_seed_phone_inventory (fixture->emulator);

  api (fixture, "GetNewPhoneNumbers", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "phone_region_id", "101", "count", "1", NULL);
  offered_id = json_object_get_int_member (item (ok_list (&answer, 1, 12), 0), "phone_id");
  answer_clear (&answer);

  /* One Moscow number: 2.00 installation + 5.00 first month of 12.50. */
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "101", "phone_count", "1");
  numbers = json_object_get_array_member (ok_mutation (&answer), "phone_numbers");
  g_assert_cmpuint (json_array_get_length (numbers), ==, 1);
  object = item (numbers, 0);
  g_assert_cmpint (json_object_get_int_member (object, "phone_id"), ==, offered_id);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_number"), ==, "74951230001");
  g_assert_false (json_object_has_member (object, "required_verification"));
  g_assert_cmpstr (json_object_get_string_member (object, "verification_status"), ==, "NOT_REQUIRED");
  g_assert_false (json_object_has_member (object, "unverified_hold_until"));
  answer_clear (&answer);
  g_assert_cmpfloat (balance_of (fixture), ==, 5.5);
  g_assert_cmpint (region_stock (fixture, "RU", "GEOGRAPHIC", NULL, "101"), ==, 11);

  /* Not enough for another: nothing changes. */
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "101", "phone_count", "1");
  assert_api_error (&answer, 200, 127);
  answer_clear (&answer);
  g_assert_cmpfloat (balance_of (fixture), ==, 5.5);
  g_assert_cmpint (region_stock (fixture, "RU", "GEOGRAPHIC", NULL, "101"), ==, 11);

  govorun_voximplant_emulator_set_balance (fixture->emulator, ACCOUNT_ID, 100);

  /* Stock. */
  buy (fixture, &answer, "GEOGRAPHIC", "NY", "204", "phone_count", "1");
  expect_error (&answer, 331);
  buy (fixture, &answer, "GEOGRAPHIC", "NY", "204", "phone_number", "17165550101");
  expect_error (&answer, 331);
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "102", "phone_count", "6");
  expect_error (&answer, 332);
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "102", "phone_count", "0");
  expect_error (&answer, 243);
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "102", "phone_count", "two");
  expect_error (&answer, 243);
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "999", "phone_count", "1");
  expect_error (&answer, 241);
  buy (fixture, &answer, "MOBILE", NULL, "101", "phone_count", "1");
  expect_error (&answer, 241);
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "101", "unrelated", "1");
  expect_error (&answer, 485);
  api (fixture, "AttachPhoneNumber", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
       "phone_region_id", "101", "phone_count", "1", "phone_number", "74951230002", NULL);
  expect_error (&answer, 458);

  /* Numbers: owned already (182), not offered or malformed (121). */
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "101", "phone_number", "74951230001");
  expect_error (&answer, 182);
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "101", "phone_number", "74951239999");
  expect_error (&answer, 121);
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "101", "phone_number", "74951230002;abc");
  expect_error (&answer, 121);
  g_assert_cmpfloat (balance_of (fixture), ==, 100);

  /* Saint Petersburg requires verification. */
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "102", "phone_number", "+78121230003");
  object = item (json_object_get_array_member (ok_mutation (&answer), "phone_numbers"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_number"), ==, "78121230003");
  g_assert_cmpstr (json_object_get_string_member (object, "required_verification"), ==, "RU");
  g_assert_cmpstr (json_object_get_string_member (object, "verification_status"), ==, "REQUIRED");
  g_assert_true (is_date (json_object_get_string_member (object, "unverified_hold_until")));
  answer_clear (&answer);
  g_assert_cmpfloat (balance_of (fixture), ==, 94);
  g_assert_cmpint (region_stock (fixture, "RU", "GEOGRAPHIC", NULL, "102"), ==, 4);

  /* Two at once by number. */
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "101", "phone_number", "74951230002;74951230005");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ok_mutation (&answer), "phone_numbers")), ==, 2);
  answer_clear (&answer);
  g_assert_cmpfloat (balance_of (fixture), ==, 80);
  g_assert_cmpint (region_stock (fixture, "RU", "GEOGRAPHIC", NULL, "101"), ==, 9);

  /* US, by state. */
  buy (fixture, &answer, "GEOGRAPHIC", "CA", "201", "phone_count", "2");
  ok_mutation (&answer);
  answer_clear (&answer);
  buy (fixture, &answer, "GEOGRAPHIC", "NY", "201", "phone_count", "1");
  expect_error (&answer, 241);
  g_assert_cmpfloat (balance_of (fixture), ==, 76);

  /* Owned numbers. */
  api (fixture, "GetPhoneNumbers", &answer, NULL);
  array = ok_list (&answer, 6, 6);
  object = item (array, 0);
  g_assert_cmpint (json_object_get_int_member (object, "phone_id"), ==, offered_id);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_number"), ==, "74951230001");
  g_assert_cmpfloat (json_object_get_double_member (object, "phone_price"), ==, 5.0);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_country_code"), ==, "RU");
  g_assert_true (is_date (json_object_get_string_member (object, "phone_next_renewal")));
  g_assert_true (is_timestamp (json_object_get_string_member (object, "phone_purchase_date")));
  g_assert_true (is_timestamp (json_object_get_string_member (object, "modified")));
  g_assert_false (json_object_get_boolean_member (object, "deactivated"));
  g_assert_false (json_object_get_boolean_member (object, "canceled"));
  g_assert_true (json_object_get_boolean_member (object, "auto_charge"));
  g_assert_true (json_object_get_boolean_member (object, "can_be_used"));
  g_assert_cmpstr (json_object_get_string_member (object, "category_name"), ==, "GEOGRAPHIC");
  g_assert_cmpstr (json_object_get_string_member (object, "phone_region_name"), ==, "Moscow");
  g_assert_false (json_object_has_member (object, "application_id"));
  g_assert_false (json_object_has_member (object, "rule_id"));
  object = item (array, 1);
  g_assert_false (json_object_get_boolean_member (object, "can_be_used"));
  g_assert_cmpstr (json_object_get_string_member (object, "verification_status"), ==, "REQUIRED");
  answer_clear (&answer);

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) next = g_date_time_add_months (now, 1);
    g_autofree char *expected = g_date_time_format (next, "%Y-%m-%d");

    api (fixture, "GetPhoneNumbers", &answer, "phone_number", "74951230001", NULL);
    array = ok_list (&answer, 1, 1);
    g_assert_cmpstr (json_object_get_string_member (item (array, 0), "phone_next_renewal"), ==, expected);
    answer_clear (&answer);
  }

  api (fixture, "GetPhoneNumbers", &answer, "phone_template", "7812", NULL);
  ok_list (&answer, 1, 1);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "country_code", "US", NULL);
  ok_list (&answer, 2, 2);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "phone_id", id_str (offered_id), NULL);
  ok_list (&answer, 1, 1);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "count", "2", "offset", "5", NULL);
  ok_list (&answer, 1, 6);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "phone_id", "x", NULL);
  expect_error (&answer, 181);
  api (fixture, "GetPhoneNumbers", &answer, "phone_number", "12ab", NULL);
  expect_error (&answer, 121);

  /* Another account cannot buy them, and sees none. */
  api_as (fixture, OTHER_ID, "AttachPhoneNumber", &answer, "country_code", "RU", "phone_category_name", "GEOGRAPHIC",
          "phone_region_id", "101", "phone_number", "74951230002", NULL);
  expect_error (&answer, 182);
  api_as (fixture, OTHER_ID, "GetPhoneNumbers", &answer, NULL);
  ok_list (&answer, 0, 0);
  answer_clear (&answer);

  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "AttachPhoneNumber"), ==, 19);
}

static void
test_bind_numbers_and_cascade (Fixture       *fixture,
                               gconstpointer  data)
{
  Answer answer = { 0 };
  JsonArray *array;
  JsonObject *object;
  gint64 first, second, third, app_id, rule_id;

  govorun_voximplant_emulator_seed_phone_inventory (fixture->emulator);
  first = govorun_voximplant_emulator_add_owned_number (fixture->emulator, ACCOUNT_ID, "+74951230001",
                                                        "RU", "GEOGRAPHIC", "Moscow");
  second = govorun_voximplant_emulator_add_owned_number (fixture->emulator, ACCOUNT_ID, "74951230002",
                                                         "RU", "GEOGRAPHIC", "Moscow");
  third = govorun_voximplant_emulator_add_owned_number (fixture->emulator, ACCOUNT_ID, "15550000001",
                                                        "US", "GEOGRAPHIC", "Nowhere");
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, >, 0);
  g_assert_cmpint (third, >, 0);
  g_assert_cmpint (region_stock (fixture, "RU", "GEOGRAPHIC", NULL, "101"), ==, 10);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "number"), ==, 3);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "bound-number"), ==, 0);

  app_id = add_application (fixture, "bot");
  add_application (fixture, "bot2");
  add_scenario (fixture, "in", "// in");
  rule_id = add_rule (fixture, "bot", "inbound", "7495.+", "in");
  add_rule (fixture, "bot2", "elsewhere", ".*", "in");

  /* Bind with a rule; the listing names both. */
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_number", "74951230001",
       "application_name", "bot", "rule_name", "inbound", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "is_bound_to_application", "true", NULL);
  array = ok_list (&answer, 1, 1);
  object = item (array, 0);
  g_assert_cmpint (json_object_get_int_member (object, "phone_id"), ==, first);
  g_assert_cmpint (json_object_get_int_member (object, "application_id"), ==, app_id);
  g_assert_cmpstr (json_object_get_string_member (object, "application_name"), ==, "bot.acme.n1.voximplant.com");
  g_assert_cmpint (json_object_get_int_member (object, "rule_id"), ==, rule_id);
  g_assert_cmpstr (json_object_get_string_member (object, "rule_name"), ==, "inbound");
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "bound-number"), ==, 1);

  /* The rule's pattern covers the bound number. */
  api (fixture, "GetRules", &answer, "application_name", "bot", "template", "74951230001", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpint (json_object_get_int_member (item (array, 0), "rule_id"), ==, rule_id);
  answer_clear (&answer);

  /* Errors. */
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", "1", "application_name", "bot", NULL);
  expect_error (&answer, 181);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_number", "79990000000", "application_name", "bot", NULL);
  expect_error (&answer, 121);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (second), "application_name", "bot",
       "rule_name", "elsewhere", NULL);
  expect_error (&answer, 156);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (second), "application_name", "bot",
       "rule_id", "1", NULL);
  expect_error (&answer, 147);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (second), NULL);
  expect_error (&answer, 485);
  api (fixture, "BindPhoneNumberToApplication", &answer, "application_name", "bot", NULL);
  expect_error (&answer, 485);
  api_as (fixture, OTHER_ID, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (first),
          "application_name", "bot", NULL);
  expect_error (&answer, 181);

  /* "all", then unbind one. */
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", "all", "application_id", id_str (app_id), NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "bound-number"), ==, 3);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (third), "application_name", "bot",
       "bind", "false", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (first), "application_name", "bot",
       "rule_id", id_str (rule_id), NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "application_name", "bot", NULL);
  ok_list (&answer, 2, 2);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "is_bound_to_application", "false", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpint (json_object_get_int_member (item (array, 0), "phone_id"), ==, third);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "rule_name", "inbound", NULL);
  ok_list (&answer, 1, 1);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "is_bound_to_rule", "true", NULL);
  ok_list (&answer, 1, 1);
  answer_clear (&answer);

  /* The default of "bind" is a setting (UNVERIFIED). */
  g_object_set (fixture->emulator, "bind-default", FALSE, NULL);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (second), "application_name", "bot", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "bound-number"), ==, 1);
  g_object_set (fixture->emulator, "bind-default", TRUE, NULL);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (second), "application_name", "bot", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);

  /* Deleting the rule leaves the number on the application. */
  api (fixture, "DelRule", &answer, "rule_id", id_str (rule_id), "application_name", "bot", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "phone_id", id_str (first), NULL);
  object = item (ok_list (&answer, 1, 1), 0);
  g_assert_cmpint (json_object_get_int_member (object, "application_id"), ==, app_id);
  g_assert_false (json_object_has_member (object, "rule_id"));
  answer_clear (&answer);

  /* Deleting the application deletes its rules and unbinds its numbers. */
  rule_id = add_rule (fixture, "bot", "inbound", "7495.+", "in");
  add_rule (fixture, "bot", "outbound", ".*", "in");
  api (fixture, "AddScenario", &answer, "scenario_name", "bot-only", "application_name", "bot", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (first), "application_name", "bot",
       "rule_id", id_str (rule_id), NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "rule"), ==, 3);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "scenario"), ==, 2);

  api (fixture, "DelApplication", &answer, "application_id", id_str (app_id), NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "rule"), ==, 1);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "bound-number"), ==, 0);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "scenario"), ==, 1);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "number"), ==, 3);
  api (fixture, "GetPhoneNumbers", &answer, NULL);
  array = ok_list (&answer, 3, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (json_object_has_member (item (array, i), "application_id"));
      g_assert_false (json_object_has_member (item (array, i), "rule_id"));
    }
  answer_clear (&answer);

  /* ... or moves its scenarios to "Shared" when so configured. */
  g_object_set (fixture->emulator, "delete-application-scenarios", FALSE, NULL);
  add_application (fixture, "bot3");
  api (fixture, "AddScenario", &answer, "scenario_name", "bot3-only", "application_name", "bot3", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "DelApplication", &answer, "application_name", "bot3", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "scenario"), ==, 2);

  /* Deactivation: the number leaves the account ... */
  api (fixture, "DeactivatePhoneNumber", &answer, "phone_id", id_str (third), NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "number"), ==, 2);
  api (fixture, "DeactivatePhoneNumber", &answer, "phone_id", id_str (third), NULL);
  expect_error (&answer, 181);
  api (fixture, "DeactivatePhoneNumber", &answer, "phone_number", "15550000001", NULL);
  expect_error (&answer, 121);
  api (fixture, "DeactivatePhoneNumber", &answer, NULL);
  expect_error (&answer, 485);

  /* ... or stays listed as deactivated when so configured. */
  g_object_set (fixture->emulator, "keep-deactivated-numbers", TRUE, NULL);
  api (fixture, "DeactivatePhoneNumber", &answer, "phone_number", "74951230002", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  api (fixture, "GetPhoneNumbers", &answer, "deactivated", "true", NULL);
  array = ok_list (&answer, 1, 1);
  g_assert_cmpint (json_object_get_int_member (item (array, 0), "phone_id"), ==, second);
  g_assert_true (json_object_get_boolean_member (item (array, 0), "deactivated"));
  g_assert_false (json_object_get_boolean_member (item (array, 0), "can_be_used"));
  answer_clear (&answer);
  api (fixture, "BindPhoneNumberToApplication", &answer, "phone_id", id_str (second), "application_name", "bot2", NULL);
  expect_error (&answer, 181);
  api (fixture, "DeactivatePhoneNumber", &answer, "phone_id", "all", NULL);
  ok_mutation (&answer);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "number"), ==, 0);
}

/* Faults and counters work for the new methods as for the old ones. */
static void
test_provisioning_faults (Fixture       *fixture,
                          gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .provider_code = 340, .times = 1 };
  Answer answer = { 0 };

  govorun_emulator_add_fault (emulator, "AddApplication", &fault);
  api (fixture, "AddApplication", &answer, "application_name", "bot", NULL);
  expect_error (&answer, 340);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (fixture->emulator, ACCOUNT_ID, "application"), ==, 0);
  add_application (fixture, "bot");
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "AddApplication"), ==, 2);

  /* cmd style reaches the same handlers; auth still applies. */
  post_form (fixture, "/platform_api", "cmd=GetApplications&account_id=1001&api_key=" API_KEY, &answer);
  ok_list (&answer, 1, 1);
  answer_clear (&answer);
  post_form (fixture, "/platform_api", "cmd=GetApplications&account_id=1001&api_key=wrong", &answer);
  expect_error (&answer, 100);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GetApplications"), ==, 2);
}

static void
rename_result (JsonObject *answer,
               gpointer    user_data)
{
  json_object_set_string_member (answer, "result", user_data);
}

/* Faults after the work: the purchase is made (charged, owned), then its
 * answer is rewritten or lost, as a real network may do to it. */
static void
test_faults_after_handling (Fixture       *fixture,
                            gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault edited = { .after_handling = TRUE, .edit_answer = rename_result, .edit_data = "1", .times = 1 };
  GovorunFault dropped = { .after_handling = TRUE, .drop_connection = TRUE, .times = 1 };
  Answer answer = { 0 };
  JsonObject *root;

  govorun_voximplant_emulator_seed_phone_inventory (fixture->emulator);
  govorun_voximplant_emulator_set_balance (fixture->emulator, ACCOUNT_ID, 100);

  govorun_emulator_add_fault (emulator, "AttachPhoneNumber", &edited);
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "101", "phone_number", "74951230001");
  root = json_node_get_object (answer.root);
  g_assert_cmpstr (json_object_get_string_member (root, "result"), ==, "1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "phone_numbers")), ==, 1);
  answer_clear (&answer);
  g_assert_cmpfloat (balance_of (fixture), ==, 93);

  govorun_emulator_add_fault (emulator, "AttachPhoneNumber", &dropped);
  buy (fixture, &answer, "GEOGRAPHIC", NULL, "101", "phone_number", "74951230002");
  g_assert_nonnull (answer.error);
  g_assert_null (answer.root);
  answer_clear (&answer);
  g_assert_cmpfloat (balance_of (fixture), ==, 86);

  api (fixture, "GetPhoneNumbers", &answer, NULL);
  ok_list (&answer, 2, 2);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "AttachPhoneNumber"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  vox_emu_test_init (&argc, &argv);

  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/phone-inventory", test_phone_inventory);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/attach-phone-number", test_attach_phone_number);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/bind-numbers-and-cascade", test_bind_numbers_and_cascade);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/provisioning-faults", test_provisioning_faults);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/faults-after-handling", test_faults_after_handling);

  return g_test_run ();
}
