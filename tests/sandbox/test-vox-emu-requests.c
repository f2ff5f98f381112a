/* test-vox-emu-requests.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantEmulator"

#include "config.h"

#include "vox-emu-fixture.h"

/* How requests reach the emulator: both addressing styles, parameter
 * encodings, faults, latency and the parameter parsers. */

static void
test_path_style (Fixture       *fixture,
                 gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  g_autoptr(GHashTable) params = NULL;
  Answer answer = { 0 };
  JsonObject *result;

  g_assert_null (govorun_voximplant_emulator_get_last_style (fixture->emulator));
  g_assert_null (govorun_voximplant_emulator_get_last_params (fixture->emulator));

  get (fixture, "/platform_api/GetAccountInfo?account_id=1001&api_key=" API_KEY, NULL, &answer);
  result = result_object (&answer);
  assert_account_1001 (result);
  /* API-key sessions see the key (reference §2, Accounts). */
  g_assert_cmpstr (json_object_get_string_member (result, "api_key"), ==, API_KEY);
  g_assert_nonnull (json_object_get_string_member (json_node_get_object (answer.root), "api_address"));
  g_assert_cmpstr (answer.content_type, ==, "application/json");
  answer_clear (&answer);

  g_assert_cmpstr (govorun_voximplant_emulator_get_last_style (fixture->emulator), ==, "path");
  params = govorun_voximplant_emulator_get_last_params (fixture->emulator);
  g_assert_cmpstr (g_hash_table_lookup (params, "account_id"), ==, "1001");
  g_assert_false (g_hash_table_contains (params, "cmd"));

  /* Legacy docs use GET with a trailing slash. */
  get (fixture, "/platform_api/GetAccountInfo/?account_id=1001&api_key=" API_KEY, NULL, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  /* POST to the path with a urlencoded body. */
  post_form (fixture, "/platform_api/GetAccountInfo", "account_id=1001&api_key=" API_KEY, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);
  g_assert_cmpstr (govorun_voximplant_emulator_get_last_style (fixture->emulator), ==, "path");

  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GetAccountInfo"), ==, 3);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "*"), ==, 3);

  /* Other paths are not the API. */
  get (fixture, "/platform_api/GetAccountInfo/extra?account_id=1001&api_key=" API_KEY, NULL, &answer);
  g_assert_cmpuint (answer.status, ==, 404);
  answer_clear (&answer);
  get (fixture, "/platform_apiX?cmd=GetAccountInfo", NULL, &answer);
  g_assert_cmpuint (answer.status, ==, 404);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GetAccountInfo"), ==, 3);
}

static void
test_cmd_style (Fixture       *fixture,
                gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  g_autoptr(GHashTable) params = NULL;
  Answer answer = { 0 };

  /* Python's requests.post(data=) */
  post_form (fixture, "/platform_api", "cmd=GetAccountInfo&account_name=acme&api_key=" API_KEY
             "&return_live_balance=True", &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);
  g_assert_cmpstr (govorun_voximplant_emulator_get_last_style (fixture->emulator), ==, "cmd");
  params = govorun_voximplant_emulator_get_last_params (fixture->emulator);
  g_assert_cmpstr (g_hash_table_lookup (params, "cmd"), ==, "GetAccountInfo");
  g_assert_cmpstr (g_hash_table_lookup (params, "return_live_balance"), ==, "True");

  /* GET with the command in the query, trailing slash allowed. */
  get (fixture, "/platform_api/?cmd=GetAccountInfo&account_email=owner%40acme.test&api_key=" API_KEY,
       NULL, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GetAccountInfo"), ==, 2);
}

static void
test_multipart (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *url = url_for (fixture, "/platform_api?account_id=1&api_key=wrong");
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr(GBytes) file = g_bytes_new_static ("phone_number;name\n+15550100;Ann\n", 32);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) params = NULL;
  Answer answer = { 0 };

  /* Node's form-data and Go's mime/multipart; the body wins over the query. */
  soup_multipart_append_form_string (multipart, "cmd", "GetAccountInfo");
  soup_multipart_append_form_string (multipart, "account_id", "1001");
  soup_multipart_append_form_string (multipart, "api_key", API_KEY);
  soup_multipart_append_form_string (multipart, "return_live_balance", "true");
  soup_multipart_append_form_string (multipart, "script_custom_data", "{\"a\":\"б;в\"}");
  soup_multipart_append_form_file (multipart, "file_content", "list.csv", "text/csv", file);
  soup_multipart_to_message (multipart, soup_message_get_request_headers (msg), &body);
  soup_message_set_request_body_from_bytes (msg, NULL, body);

  send_message (fixture, msg, NULL, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  g_assert_cmpstr (govorun_voximplant_emulator_get_last_style (fixture->emulator), ==, "cmd");
  params = govorun_voximplant_emulator_get_last_params (fixture->emulator);
  g_assert_cmpstr (g_hash_table_lookup (params, "account_id"), ==, "1001");
  g_assert_cmpstr (g_hash_table_lookup (params, "api_key"), ==, API_KEY);
  g_assert_cmpstr (g_hash_table_lookup (params, "script_custom_data"), ==, "{\"a\":\"б;в\"}");
  g_assert_cmpstr (g_hash_table_lookup (params, "file_content"), ==, "phone_number;name\n+15550100;Ann\n");
}

static void
test_missing_and_unknown_command (Fixture       *fixture,
                                  gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  Answer answer = { 0 };

  post_form (fixture, "/platform_api", "account_id=1001&api_key=" API_KEY, &answer);
  assert_api_error (&answer, 200, 102);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, ""), ==, 1);

  get (fixture, "/platform_api/GetNothing?account_id=1001&api_key=" API_KEY, NULL, &answer);
  assert_api_error (&answer, 200, 103);
  answer_clear (&answer);

  post_form (fixture, "/platform_api", "cmd=GetNothing&account_id=1001&api_key=" API_KEY, &answer);
  assert_api_error (&answer, 200, 103);
  answer_clear (&answer);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GetNothing"), ==, 2);

  /* Case-sensitive by default ... */
  get (fixture, "/platform_api/getaccountinfo?account_id=1001&api_key=" API_KEY, NULL, &answer);
  assert_api_error (&answer, 200, 103);
  answer_clear (&answer);

  /* ... unless configured otherwise; counted under the canonical name. */
  g_object_set (fixture->emulator, "methods-case-insensitive", TRUE, NULL);
  get (fixture, "/platform_api/getaccountinfo?account_id=1001&api_key=" API_KEY, NULL, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GetAccountInfo"), ==, 1);

  /* The HTTP status of API errors is a setting (UNVERIFIED in the docs). */
  g_object_set (fixture->emulator, "error-http-status", 400, NULL);
  get (fixture, "/platform_api/GetNothing?account_id=1001&api_key=" API_KEY, NULL, &answer);
  assert_api_error (&answer, 400, 103);
  answer_clear (&answer);

  {
    guint status;
    gboolean insensitive;

    g_object_get (fixture->emulator, "error-http-status", &status,
                  "methods-case-insensitive", &insensitive, NULL);
    g_assert_cmpuint (status, ==, 400);
    g_assert_true (insensitive);
  }
}

static void
test_boolean_params (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *good[] = { "true", "false", "True", "False", "TRUE", "1", "0" };
  static const char *bad[] = { "yes", "", "2", "truth" };
  Answer answer = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *path = g_strdup_printf ("/platform_api/GetAccountInfo?account_id=1001&api_key="
                                               API_KEY "&return_live_balance=%s", good[i]);
      get (fixture, path, NULL, &answer);
      assert_account_1001 (result_object (&answer));
      answer_clear (&answer);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/platform_api/GetAccountInfo?account_id=1001&api_key="
                                               API_KEY "&return_live_balance=%s", bad[i]);
      get (fixture, path, NULL, &answer);
      assert_api_error (&answer, 200, 101);
      answer_clear (&answer);
    }
}

static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  const char *path = "/platform_api/GetAccountInfo?account_id=1001&api_key=" API_KEY;
  GovorunFault code_fault = { .provider_code = 340, .times = 2 };
  GovorunFault status_fault = { .http_status = 503, .times = 1 };
  GovorunFault limit_fault = { .http_status = 429, .times = 1 };
  GovorunFault slow_fault = { .delay_ms = 300, .times = 1 };
  GovorunFault drop_fault = { .drop_connection = TRUE, .times = 1 };
  GovorunFault other_method = { .provider_code = 104, .times = -1 };
  Answer answer = { 0 };
  JsonObject *error;

  govorun_emulator_add_fault (emulator, "GetAccountInfo", &code_fault);
  govorun_emulator_add_fault (emulator, "GetAccountInfo", &status_fault);
  govorun_emulator_add_fault (emulator, "GetAccountInfo", &limit_fault);
  govorun_emulator_add_fault (emulator, "GetAccountInfo", &slow_fault);
  govorun_emulator_add_fault (emulator, "GetAccountInfo", &drop_fault);
  govorun_emulator_add_fault (emulator, "StartScenarios", &other_method);

  /* A provider code, twice, in the API's own envelope. */
  for (guint i = 0; i < 2; i++)
    {
      get (fixture, path, NULL, &answer);
      assert_api_error (&answer, 200, 340);
      error = json_object_get_object_member (json_node_get_object (answer.root), "error");
      g_assert_cmpstr (json_object_get_string_member (error, "msg"), ==, "Rate limit exceed");
      answer_clear (&answer);
    }

  /* A bare HTTP status: no Voximplant envelope, nothing a client could
   * mistake for a provider code. */
  get (fixture, path, NULL, &answer);
  g_assert_cmpuint (answer.status, ==, 503);
  g_assert_null (answer.root);
  answer_clear (&answer);

  /* 429 likewise. */
  get (fixture, path, NULL, &answer);
  g_assert_cmpuint (answer.status, ==, 429);
  g_assert_null (answer.root);
  answer_clear (&answer);

  /* A delay, then the real answer. */
  get (fixture, path, NULL, &answer);
  assert_account_1001 (result_object (&answer));
  g_assert_cmpint (answer.elapsed_ms, >=, 290);
  answer_clear (&answer);

  /* A dropped connection: no answer at all. (POST, as libsoup silently
   * resends an idempotent GET that lost a reused connection.) */
  post_form (fixture, "/platform_api/GetAccountInfo", "account_id=1001&api_key=" API_KEY, &answer);
  g_assert_nonnull (answer.error);
  g_assert_null (answer.root);
  answer_clear (&answer);

  /* Faults used up: normal service. */
  get (fixture, path, NULL, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GetAccountInfo"), ==, 7);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "StartScenarios"), ==, 0);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "*"), ==, 7);

  /* "*" applies to every method; a provider code may carry a status. */
  {
    GovorunFault any = { .provider_code = 100, .http_status = 401, .times = 1 };

    govorun_emulator_add_fault (emulator, "*", &any);
    get (fixture, path, NULL, &answer);
    assert_api_error (&answer, 401, 100);
    answer_clear (&answer);
  }

  govorun_emulator_reset_counts (emulator);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GetAccountInfo"), ==, 0);
}

static void
test_latency (Fixture       *fixture,
              gconstpointer  data)
{
  Answer answer = { 0 };

  govorun_emulator_set_latency (GOVORUN_EMULATOR (fixture->emulator), 200);
  get (fixture, "/platform_api/GetAccountInfo?account_id=1001&api_key=" API_KEY, NULL, &answer);
  assert_account_1001 (result_object (&answer));
  g_assert_cmpint (answer.elapsed_ms, >=, 190);
  answer_clear (&answer);
}

static void
test_api_address (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *base = govorun_emulator_get_base_url (GOVORUN_EMULATOR (fixture->emulator));
  Answer answer = { 0 };
  JsonObject *root;

  get (fixture, "/platform_api/GetAccountInfo?account_id=1001&api_key=" API_KEY, NULL, &answer);
  result_object (&answer);
  root = json_node_get_object (answer.root);
  g_assert_true (g_str_has_suffix (base, json_object_get_string_member (root, "api_address")));
  answer_clear (&answer);

  g_object_set (fixture->emulator, "api-address", "api.example.test", NULL);
  get (fixture, "/platform_api/GetAccountInfo?account_id=1001&api_key=" API_KEY, NULL, &answer);
  result_object (&answer);
  root = json_node_get_object (answer.root);
  g_assert_cmpstr (json_object_get_string_member (root, "api_address"), ==, "api.example.test");
  answer_clear (&answer);
}

static void
test_parse_helpers (void)
{
  gboolean value = FALSE, all = FALSE;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_assert_true (govorun_voximplant_emulator_parse_bool ("True", &value));
  g_assert_true (value);
  g_assert_true (govorun_voximplant_emulator_parse_bool ("false", &value));
  g_assert_false (value);
  g_assert_true (govorun_voximplant_emulator_parse_bool ("1", &value));
  g_assert_true (value);
  g_assert_false (govorun_voximplant_emulator_parse_bool ("on", &value));
  g_assert_false (govorun_voximplant_emulator_parse_bool (NULL, &value));

  ids = govorun_voximplant_emulator_parse_id_list ("1;3", &all);
  g_assert_nonnull (ids);
  g_assert_false (all);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 3);
  g_clear_pointer (&ids, g_array_unref);

  ids = govorun_voximplant_emulator_parse_id_list ("all", &all);
  g_assert_nonnull (ids);
  g_assert_true (all);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_null (govorun_voximplant_emulator_parse_id_list ("all", NULL));
  g_assert_null (govorun_voximplant_emulator_parse_id_list ("1;;3", &all));
  g_assert_null (govorun_voximplant_emulator_parse_id_list ("1;x", &all));
  g_assert_null (govorun_voximplant_emulator_parse_id_list ("1;all", &all));
  g_assert_null (govorun_voximplant_emulator_parse_id_list ("", &all));
  g_assert_null (govorun_voximplant_emulator_parse_id_list ("-4", &all));

  items = govorun_voximplant_emulator_parse_list ("a; b ;c");
  g_assert_nonnull (items);
  g_assert_cmpuint (g_strv_length (items), ==, 3);
  g_assert_cmpstr (items[1], ==, "b");
  g_assert_null (govorun_voximplant_emulator_parse_list ("a;"));
  g_assert_null (govorun_voximplant_emulator_parse_list (NULL));

  when = govorun_voximplant_emulator_parse_timestamp ("2024-02-29 23:59:58");
  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_get_year (when), ==, 2024);
  g_assert_cmpint (g_date_time_get_day_of_month (when), ==, 29);
  g_assert_cmpint (g_date_time_get_hour (when), ==, 23);
  g_assert_cmpint (g_date_time_get_second (when), ==, 58);
  g_assert_cmpint (g_date_time_get_utc_offset (when), ==, 0);
  g_clear_pointer (&when, g_date_time_unref);

  when = govorun_voximplant_emulator_parse_timestamp ("2024-03-01");
  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_get_hour (when), ==, 0);
  g_clear_pointer (&when, g_date_time_unref);

  g_assert_null (govorun_voximplant_emulator_parse_timestamp ("2023-02-29 00:00:00"));
  g_assert_null (govorun_voximplant_emulator_parse_timestamp ("2024-13-01 00:00:00"));
  g_assert_null (govorun_voximplant_emulator_parse_timestamp ("2024-01-01T00:00:00"));
  g_assert_null (govorun_voximplant_emulator_parse_timestamp ("2024-01-01 24:00:00"));
  g_assert_null (govorun_voximplant_emulator_parse_timestamp ("2024-1-1 00:00:00"));
  g_assert_null (govorun_voximplant_emulator_parse_timestamp ("2024-01-01 00:00:00Z"));
  g_assert_null (govorun_voximplant_emulator_parse_timestamp (""));
}

int
main (int   argc,
      char *argv[])
{
  vox_emu_test_init (&argc, &argv);

  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/path-style", test_path_style);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/cmd-style", test_cmd_style);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/multipart", test_multipart);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/missing-and-unknown-command", test_missing_and_unknown_command);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/boolean-params", test_boolean_params);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/faults", test_faults);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/latency", test_latency);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/api-address", test_api_address);
  g_test_add_func ("/Govorun/VoximplantEmulator/parse-helpers", test_parse_helpers);

  return g_test_run ();
}
