/* vox-emu-fixture.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantEmulator"

#include "config.h"

#include "vox-emu-fixture.h"
#include "test-util.h"

/* Debug output is captured so tests can check that no secret is logged. */
static GString *log_capture;

void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = govorun_voximplant_emulator_new ();
  govorun_voximplant_emulator_add_account (fixture->emulator, ACCOUNT_ID, ACCOUNT_NAME,
                                           ACCOUNT_EMAIL, API_KEY, 12.5, "USD");
  govorun_voximplant_emulator_add_account (fixture->emulator, OTHER_ID, "other",
                                           "other@example.test", OTHER_API_KEY, 3, "EUR");
  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (fixture->emulator), &error));
  g_assert_no_error (error);

  fixture->session = soup_session_new ();
  g_string_truncate (log_capture, 0);
}

void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Nothing secret may reach the logs, whatever the test did. */
  g_assert_null (strstr (log_capture->str, API_KEY));
  g_assert_null (strstr (log_capture->str, OTHER_API_KEY));
  g_assert_null (strstr (log_capture->str, "PRIVATE KEY"));
  g_assert_null (strstr (log_capture->str, "eyJ"));

  g_clear_object (&fixture->session);
  g_clear_object (&fixture->emulator);
}

typedef struct
{
  gboolean  done;
  GBytes   *body;
  GError   *error;
} Wait;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->root, json_node_unref);
  g_clear_error (&answer->error);
  g_clear_pointer (&answer->content_type, g_free);
}

/* Sends @msg (with an optional bearer token) and parses the JSON answer. */
void
send_message (Fixture     *fixture,
              SoupMessage *msg,
              const char  *bearer,
              Answer      *answer)
{
  Wait wait = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (bearer != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", bearer, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }

  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, on_sent, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  answer->elapsed_ms = (g_get_monotonic_time () - start) / 1000;

  if (wait.body == NULL)
    {
      answer->error = wait.error;
      return;
    }

  answer->status = soup_message_get_status (msg);
  answer->content_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL));

  /* Bare HTTP faults answer in plain text; everything else is JSON. */
  if (g_strcmp0 (answer->content_type, "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize len;
      const char *text = g_bytes_get_data (wait.body, &len);

      g_assert_true (json_parser_load_from_data (parser, text, len, NULL));
      answer->root = json_node_ref (json_parser_get_root (parser));
    }

  g_bytes_unref (wait.body);
}

char *
url_for (Fixture    *fixture,
         const char *path_and_query)
{
  return g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (fixture->emulator)),
                      path_and_query, NULL);
}

void
get (Fixture    *fixture,
     const char *path_and_query,
     const char *bearer,
     Answer     *answer)
{
  g_autofree char *url = url_for (fixture, path_and_query);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  g_assert_nonnull (msg);
  send_message (fixture, msg, bearer, answer);
}

void
post_form (Fixture    *fixture,
           const char *path_and_query,
           const char *form,
           Answer     *answer)
{
  g_autofree char *url = url_for (fixture, path_and_query);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));

  soup_message_set_request_body_from_bytes (msg, SOUP_FORM_MIME_TYPE_URLENCODED, body);
  send_message (fixture, msg, NULL, answer);
}

JsonObject *
result_object (Answer *answer)
{
  JsonObject *root;

  g_assert_no_error (answer->error);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_nonnull (answer->root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer->root));
  root = json_node_get_object (answer->root);
  g_assert_false (json_object_has_member (root, "error"));
  g_assert_true (json_object_has_member (root, "result"));

  return json_object_get_object_member (root, "result");
}

/* Checks the documented error envelope, with both "error" and "errors". */
void
assert_api_error (Answer *answer,
                  guint   status,
                  int     code)
{
  JsonObject *root, *error, *first;
  JsonArray *errors;

  g_assert_no_error (answer->error);
  g_assert_cmpuint (answer->status, ==, status);
  g_assert_cmpstr (answer->content_type, ==, "application/json");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer->root));
  root = json_node_get_object (answer->root);
  g_assert_false (json_object_has_member (root, "result"));

  error = json_object_get_object_member (root, "error");
  g_assert_nonnull (error);
  g_assert_cmpint (json_object_get_int_member (error, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member (error, "msg"), !=, "");

  errors = json_object_get_array_member (root, "errors");
  g_assert_nonnull (errors);
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  first = json_array_get_object_element (errors, 0);
  g_assert_cmpint (json_object_get_int_member (first, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member (first, "msg"), ==,
                   json_object_get_string_member (error, "msg"));
}

void
assert_account_1001 (JsonObject *result)
{
  g_assert_cmpint (json_object_get_int_member (result, "account_id"), ==, ACCOUNT_ID);
  g_assert_cmpstr (json_object_get_string_member (result, "account_name"), ==, ACCOUNT_NAME);
  g_assert_cmpstr (json_object_get_string_member (result, "account_email"), ==, ACCOUNT_EMAIL);
  g_assert_cmpfloat (json_object_get_double_member (result, "balance"), ==, 12.5);
  g_assert_cmpstr (json_object_get_string_member (result, "currency"), ==, "USD");
  g_assert_true (json_object_get_boolean_member (result, "active"));
  g_assert_false (json_object_get_boolean_member (result, "frozen"));
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$",
                                       json_object_get_string_member (result, "created"), 0, 0));
  g_assert_true (json_object_has_member (result, "language_code"));
  g_assert_true (json_object_has_member (result, "location"));
  g_assert_true (json_object_has_member (result, "credit_limit"));
  g_assert_true (json_object_has_member (result, "account_first_name"));
  g_assert_true (json_object_has_member (result, "account_last_name"));
}

/* POSTs a path-style urlencoded request for account 1001 (or @account_id
 * when it is OTHER_ID) with NULL-terminated name/value pairs. */
void
api_as (Fixture    *fixture,
        gint64      account_id,
        const char *method,
        Answer     *answer,
        ...)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = g_strconcat ("/platform_api/", method, NULL);
  g_autofree char *encoded = NULL;
  const char *name;
  va_list args;

  g_hash_table_insert (form, "account_id", account_id == OTHER_ID ? "1002" : "1001");
  g_hash_table_insert (form, "api_key", account_id == OTHER_ID ? OTHER_API_KEY : API_KEY);

  va_start (args, answer);
  while ((name = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (form, (gpointer) name, va_arg (args, char *));
  va_end (args);

  encoded = soup_form_encode_hash (form);
  post_form (fixture, path, encoded, answer);
}

/* Ids as parameter text, from a small ring of buffers so several can be
 * passed in one call without leaking. */
const char *
id_str (gint64 id)
{
  static char ring[8][48];
  static guint next;
  char *buffer = ring[next++ % G_N_ELEMENTS (ring)];

  g_snprintf (buffer, sizeof ring[0], "%" G_GINT64_FORMAT, id);
  return buffer;
}

const char *
id_pair (gint64 first,
         gint64 second)
{
  static char buffer[96];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT, first, second);
  return buffer;
}

/* The whole root object of a successful answer. */
JsonObject *
ok_root (Answer *answer)
{
  JsonObject *root;

  g_assert_no_error (answer->error);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer->root));
  root = json_node_get_object (answer->root);
  if (json_object_has_member (root, "error"))
    g_error ("Unexpected API error: %s",
             json_object_get_string_member (json_object_get_object_member (root, "error"), "msg"));
  g_assert_true (json_object_has_member (root, "result"));

  return root;
}

/* A mutation's documented {"result": 1, …}. */
JsonObject *
ok_mutation (Answer *answer)
{
  JsonObject *root = ok_root (answer);

  g_assert_true (json_node_get_value_type (json_object_get_member (root, "result")) == G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (root, "result"), ==, 1);

  return root;
}

/* A list answer: checks count and total_count and returns the items. */
JsonArray *
ok_list (Answer *answer,
         guint   count,
         guint   total_count)
{
  JsonObject *root = ok_root (answer);
  JsonArray *array = json_object_get_array_member (root, "result");

  g_assert_cmpint (json_object_get_int_member (root, "count"), ==, count);
  g_assert_cmpint (json_object_get_int_member (root, "total_count"), ==, total_count);
  g_assert_cmpuint (json_array_get_length (array), ==, count);

  return array;
}

JsonObject *
item (JsonArray *array,
      guint      index)
{
  return json_array_get_object_element (array, index);
}

/* The error msg of an API error answer, which names the parameter. */
const char *
error_msg (Answer *answer)
{
  JsonObject *root = json_node_get_object (answer->root);

  return json_object_get_string_member (json_object_get_object_member (root, "error"), "msg");
}

void
expect_error (Answer *answer,
              int     code)
{
  assert_api_error (answer, 200, code);
  answer_clear (answer);
}

gint64
add_application (Fixture    *fixture,
                 const char *name)
{
  Answer answer = { 0 };
  gint64 id;

  api (fixture, "AddApplication", &answer, "application_name", name, NULL);
  id = json_object_get_int_member (ok_mutation (&answer), "application_id");
  answer_clear (&answer);

  return id;
}

gint64
add_scenario (Fixture    *fixture,
              const char *name,
              const char *script)
{
  Answer answer = { 0 };
  gint64 id;

  api (fixture, "AddScenario", &answer, "scenario_name", name, "scenario_script", script, NULL);
  id = json_object_get_int_member (ok_mutation (&answer), "scenario_id");
  answer_clear (&answer);

  return id;
}

gint64
add_rule (Fixture    *fixture,
          const char *application_name,
          const char *rule_name,
          const char *pattern,
          const char *scenario_names)
{
  Answer answer = { 0 };
  gint64 id;

  api (fixture, "AddRule", &answer, "application_name", application_name, "rule_name", rule_name,
       "rule_pattern", pattern, "scenario_name", scenario_names, NULL);
  id = json_object_get_int_member (ok_mutation (&answer), "rule_id");
  answer_clear (&answer);

  return id;
}

double
balance_of (Fixture *fixture)
{
  Answer answer = { 0 };
  double balance;

  api (fixture, "GetAccountInfo", &answer, NULL);
  balance = json_object_get_double_member (result_object (&answer), "balance");
  answer_clear (&answer);

  return balance;
}

gint64
region_stock (Fixture    *fixture,
              const char *country,
              const char *category,
              const char *state,
              const char *region_id)
{
  Answer answer = { 0 };
  JsonArray *array;
  gint64 stock;

  if (state != NULL)
    api (fixture, "GetPhoneNumberRegions", &answer, "country_code", country, "phone_category_name", category,
         "country_state", state, "phone_region_id", region_id, NULL);
  else
    api (fixture, "GetPhoneNumberRegions", &answer, "country_code", country, "phone_category_name", category,
         "phone_region_id", region_id, NULL);
  array = ok_list (&answer, 1, 1);
  stock = json_object_get_int_member (item (array, 0), "phone_count");
  answer_clear (&answer);

  return stock;
}

gboolean
is_date (const char *text)
{
  return text != NULL && g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\d$", text, 0, 0);
}

gboolean
is_timestamp (const char *text)
{
  return text != NULL && g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$", text, 0, 0);
}

void
vox_emu_test_init (int    *argc,
                   char ***argv)
{
  g_test_init (argc, argv, NULL);

  log_capture = test_util_capture_log (FALSE);
  g_log_set_debug_enabled (TRUE);
}
