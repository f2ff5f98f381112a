/* test-voximplant-emulator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantEmulator"

#include "config.h"

#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>

#include "govorun-voximplant-emulator.h"

#define ACCOUNT_ID     1001
#define ACCOUNT_NAME   "acme"
#define ACCOUNT_EMAIL  "owner@acme.test"
#define API_KEY        "6f1c2a4e-secret-api-key-1001"
#define OTHER_ID       1002
#define OTHER_API_KEY  "0b9d-secret-api-key-1002"

/* Debug output is captured so tests can check that no secret is logged. */
static GString *log_capture;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE"))
        {
          if (fields[i].length < 0)
            g_string_append (log_capture, fields[i].value);
          else
            g_string_append_len (log_capture, fields[i].value, fields[i].length);
          g_string_append_c (log_capture, '\n');
        }
    }

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

typedef struct
{
  GovorunVoximplantEmulator *emulator;
  SoupSession               *session;
} Fixture;

static void
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

static void
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

/* HTTP helpers ----------------------------------------------------------- */

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

typedef struct
{
  guint       status;
  JsonNode   *root;
  GError     *error;
  gint64      elapsed_ms;
  char       *content_type;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->root, json_node_unref);
  g_clear_error (&answer->error);
  g_clear_pointer (&answer->content_type, g_free);
}

/* Sends @msg (with an optional bearer token) and parses the JSON answer. */
static void
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

static char *
url_for (Fixture    *fixture,
         const char *path_and_query)
{
  return g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (fixture->emulator)),
                      path_and_query, NULL);
}

static void
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

static void
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

static JsonObject *
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
static void
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

static void
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

/* Request styles --------------------------------------------------------- */

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

/* API key ---------------------------------------------------------------- */

static void
test_api_key_auth (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *bad[] = {
    "/platform_api/GetAccountInfo?account_id=1001&api_key=wrong",
    "/platform_api/GetAccountInfo?account_id=1001&api_key=" OTHER_API_KEY,
    "/platform_api/GetAccountInfo?account_id=1001",
    "/platform_api/GetAccountInfo?api_key=" API_KEY,
    "/platform_api/GetAccountInfo?account_id=9999&api_key=" API_KEY,
    "/platform_api/GetAccountInfo?account_id=abc&api_key=" API_KEY,
    "/platform_api/GetAccountInfo?account_name=nobody&api_key=" API_KEY,
    "/platform_api/GetAccountInfo",
  };
  Answer answer = { 0 };
  JsonObject *result;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      get (fixture, bad[i], NULL, &answer);
      assert_api_error (&answer, 200, 100);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (answer.root), "error"), "msg"),
                       ==, "Authorization failed");
      answer_clear (&answer);
    }

  /* The other account sees its own data. */
  get (fixture, "/platform_api/GetAccountInfo?account_id=1002&api_key=" OTHER_API_KEY, NULL, &answer);
  result = result_object (&answer);
  g_assert_cmpint (json_object_get_int_member (result, "account_id"), ==, OTHER_ID);
  g_assert_cmpstr (json_object_get_string_member (result, "currency"), ==, "EUR");
  answer_clear (&answer);

  /* The balance follows the seeding API. */
  govorun_voximplant_emulator_set_balance (fixture->emulator, OTHER_ID, 0.25);
  get (fixture, "/platform_api/GetAccountInfo?account_id=1002&api_key=" OTHER_API_KEY
       "&return_live_balance=true", NULL, &answer);
  g_assert_cmpfloat (json_object_get_double_member (result_object (&answer), "balance"), ==, 0.25);
  answer_clear (&answer);
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

/* JWT -------------------------------------------------------------------- */

typedef struct
{
  gint64            account_id;
  char             *account_email;
  char             *key_id;
  gnutls_privkey_t  privkey;
} Key;

static void
key_free (Key *key)
{
  g_free (key->account_email);
  g_free (key->key_id);
  gnutls_privkey_deinit (key->privkey);
  g_free (key);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Key, key_free)

/* Checks the credentials JSON field by field and imports its key. */
static Key *
create_key (Fixture *fixture,
            gint64   account_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *pem;
  gnutls_datum_t datum;
  Key *key;

  json = govorun_voximplant_emulator_create_key (fixture->emulator, account_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json);

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (object), ==, 4);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "account_id")) == G_TYPE_INT64);

  key = g_new0 (Key, 1);
  key->account_id = json_object_get_int_member (object, "account_id");
  key->account_email = g_strdup (json_object_get_string_member (object, "account_email"));
  key->key_id = g_strdup (json_object_get_string_member (object, "key_id"));
  g_assert_cmpint (key->account_id, ==, account_id);
  g_assert_true (g_uuid_string_is_valid (key->key_id));

  pem = json_object_get_string_member (object, "private_key");
  g_assert_true (g_str_has_prefix (pem, "-----BEGIN RSA PRIVATE KEY-----\n"));
  g_assert_nonnull (strstr (pem, "-----END RSA PRIVATE KEY-----"));

  datum.data = (unsigned char *) pem;
  datum.size = strlen (pem);
  g_assert_cmpint (gnutls_privkey_init (&key->privkey), ==, 0);
  g_assert_cmpint (gnutls_privkey_import_x509_raw (key->privkey, &datum, GNUTLS_X509_FMT_PEM, NULL, 0), ==, 0);
  g_assert_cmpint (gnutls_privkey_get_pk_algorithm (key->privkey, NULL), ==, GNUTLS_PK_RSA);

  {
    unsigned int bits = 0;

    gnutls_privkey_get_pk_algorithm (key->privkey, &bits);
    g_assert_cmpuint (bits, ==, 2048);
  }

  return key;
}

static char *
b64url (const void *data,
        gsize       len)
{
  char *text = g_base64_encode (data, len);

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  for (char *p = text + strlen (text); p > text && p[-1] == '='; p--)
    p[-1] = '\0';

  return text;
}

/* Signs "<header>.<claims>" with @signer; the parts are raw JSON. */
static char *
sign_raw (gnutls_privkey_t  signer,
          const char       *header_json,
          const char       *claims_json)
{
  g_autofree char *header = b64url (header_json, strlen (header_json));
  g_autofree char *claims = b64url (claims_json, strlen (claims_json));
  g_autofree char *input = g_strconcat (header, ".", claims, NULL);
  g_autofree char *sig = NULL;
  gnutls_datum_t data = { (unsigned char *) input, strlen (input) };
  gnutls_datum_t signature = { NULL, 0 };

  g_assert_cmpint (gnutls_privkey_sign_data2 (signer, GNUTLS_SIGN_RSA_SHA256, 0, &data, &signature), ==, 0);
  sig = b64url (signature.data, signature.size);
  gnutls_free (signature.data);

  return g_strconcat (input, ".", sig, NULL);
}

static char *
make_jwt (gnutls_privkey_t  signer,
          const char       *kid,
          gint64            iss,
          gint64            iat,
          gint64            exp)
{
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"%s\"}", kid);
  g_autofree char *claims = g_strdup_printf ("{\"iss\":%" G_GINT64_FORMAT ",\"iat\":%" G_GINT64_FORMAT
                                             ",\"exp\":%" G_GINT64_FORMAT "}", iss, iat, exp);

  return sign_raw (signer, header, claims);
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
get_with_token (Fixture    *fixture,
                const char *token,
                Answer     *answer)
{
  get (fixture, "/platform_api/GetAccountInfo", token, answer);
}

static void
test_jwt_ok (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Key) key = create_key (fixture, ACCOUNT_ID);
  g_autofree char *token = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s (), now_s () + 64);
  g_autofree char *python_style = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s () - 5, now_s () + 24);
  g_autofree char *max_ttl = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s (), now_s () + 3600);
  g_autofree char *slightly_ahead = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s () + 3, now_s () + 30);
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  Answer answer = { 0 };
  JsonObject *result;

  g_assert_cmpstr (key->account_email, ==, ACCOUNT_EMAIL);

  get_with_token (fixture, token, &answer);
  result = result_object (&answer);
  assert_account_1001 (result);
  /* A service account does not get to see the API key. */
  g_assert_false (json_object_has_member (result, "api_key"));
  answer_clear (&answer);

  get_with_token (fixture, python_style, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  get_with_token (fixture, max_ttl, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  get_with_token (fixture, slightly_ahead, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  /* cmd style with a multipart body, as the Node client sends it. */
  {
    g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
    g_autoptr(GBytes) body = NULL;

    url = url_for (fixture, "/platform_api");
    msg = soup_message_new ("POST", url);
    soup_multipart_append_form_string (multipart, "cmd", "GetAccountInfo");
    soup_multipart_to_message (multipart, soup_message_get_request_headers (msg), &body);
    soup_message_set_request_body_from_bytes (msg, NULL, body);
    send_message (fixture, msg, token, &answer);
    assert_account_1001 (result_object (&answer));
    answer_clear (&answer);
  }

  /* Every key works for its own account only. */
  {
    g_autoptr(Key) other = create_key (fixture, OTHER_ID);
    g_autofree char *other_token = make_jwt (other->privkey, other->key_id, OTHER_ID, now_s (), now_s () + 60);

    g_assert_cmpstr (other->key_id, !=, key->key_id);
    get_with_token (fixture, other_token, &answer);
    g_assert_cmpint (json_object_get_int_member (result_object (&answer), "account_id"), ==, OTHER_ID);
    answer_clear (&answer);
  }
}

static void
test_jwt_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(Key) key = create_key (fixture, ACCOUNT_ID);
  g_autoptr(Key) other = create_key (fixture, OTHER_ID);
  gint64 now = now_s ();
  struct {
    char *token;
    int   code;
  } cases[] = {
    /* unknown key id */
    { make_jwt (key->privkey, "00000000-0000-4000-8000-000000000000", ACCOUNT_ID, now, now + 60), 433 },
    /* expired */
    { make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now - 120, now - 60), 456 },
    /* issued in the future, beyond the leeway */
    { make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now + 60, now + 120), 455 },
    /* lives longer than an hour */
    { make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now, now + 3601), 454 },
    /* signed with another account's key */
    { make_jwt (other->privkey, key->key_id, ACCOUNT_ID, now, now + 60), 100 },
    /* issuer does not own the key */
    { make_jwt (key->privkey, key->key_id, OTHER_ID, now, now + 60), 100 },
    /* wrong algorithm */
    { sign_raw (key->privkey, "{\"alg\":\"HS256\",\"kid\":\"x\"}", "{\"iss\":1001,\"iat\":1,\"exp\":2}"), 447 },
    /* iss as a string */
    { sign_raw (key->privkey, "{\"alg\":\"RS256\",\"kid\":\"x\"}", "{\"iss\":\"1001\",\"iat\":1,\"exp\":2}"), 447 },
    /* header not JSON */
    { sign_raw (key->privkey, "not json", "{\"iss\":1001,\"iat\":1,\"exp\":2}"), 447 },
    { g_strdup ("abc"), 447 },
    { g_strdup ("a.b"), 447 },
    { g_strdup ("a.b.c.d"), 447 },
    { g_strdup ("!!.??.**"), 447 },
    { g_strdup ("eyJhbGciOiJSUzI1NiJ9=.e30.c2ln"), 447 },
  };
  Answer answer = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      get_with_token (fixture, cases[i].token, &answer);
      g_test_message ("case %u", i);
      assert_api_error (&answer, 200, cases[i].code);
      answer_clear (&answer);
      g_free (cases[i].token);
    }

  /* A tampered claim breaks the signature. */
  {
    g_autofree char *token = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now, now + 60);
    g_autofree char *claims = g_strdup_printf ("{\"iss\":%d,\"iat\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT "}",
                                               OTHER_ID, now, now + 60);
    g_autofree char *claims_b64 = b64url (claims, strlen (claims));
    g_auto(GStrv) parts = g_strsplit (token, ".", 3);
    g_autofree char *tampered = g_strjoin (".", parts[0], claims_b64, parts[2], NULL);

    get_with_token (fixture, tampered, &answer);
    assert_api_error (&answer, 200, 100);
    answer_clear (&answer);
  }

  /* A bearer header wins over API-key parameters. */
  get (fixture, "/platform_api/GetAccountInfo?account_id=1001&api_key=" API_KEY, "garbage", &answer);
  assert_api_error (&answer, 200, 447);
  answer_clear (&answer);

  /* An unknown account cannot get a key. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *json = govorun_voximplant_emulator_create_key (fixture->emulator, 4242, &error);

    g_assert_null (json);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

static void
test_jwt_clock_offset (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Key) key = create_key (fixture, ACCOUNT_ID);
  g_autofree char *token = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s (), now_s () + 60);
  Answer answer = { 0 };

  /* The emulator's clock runs ahead of ours: our token looks expired. */
  govorun_voximplant_emulator_set_clock_offset (fixture->emulator, 600);
  get_with_token (fixture, token, &answer);
  assert_api_error (&answer, 200, 456);
  answer_clear (&answer);

  /* It runs behind: the token looks issued in the future. */
  govorun_voximplant_emulator_set_clock_offset (fixture->emulator, -600);
  get_with_token (fixture, token, &answer);
  assert_api_error (&answer, 200, 455);
  answer_clear (&answer);

  govorun_voximplant_emulator_set_clock_offset (fixture->emulator, 0);
  get_with_token (fixture, token, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);
}

/* Faults ----------------------------------------------------------------- */

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

/* Parsers ---------------------------------------------------------------- */

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

/* Provisioning: helpers -------------------------------------------------- */

/* POSTs a path-style urlencoded request for account 1001 (or @account_id
 * when it is OTHER_ID) with NULL-terminated name/value pairs. */
static void
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

#define api(fixture, method, answer, ...) \
  api_as (fixture, ACCOUNT_ID, method, answer, __VA_ARGS__)

/* Ids as parameter text, from a small ring of buffers so several can be
 * passed in one call without leaking. */
static const char *
id_str (gint64 id)
{
  static char ring[8][48];
  static guint next;
  char *buffer = ring[next++ % G_N_ELEMENTS (ring)];

  g_snprintf (buffer, sizeof ring[0], "%" G_GINT64_FORMAT, id);
  return buffer;
}

static const char *
id_pair (gint64 first,
         gint64 second)
{
  static char buffer[96];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT, first, second);
  return buffer;
}

/* The whole root object of a successful answer. */
static JsonObject *
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
static JsonObject *
ok_mutation (Answer *answer)
{
  JsonObject *root = ok_root (answer);

  g_assert_true (json_node_get_value_type (json_object_get_member (root, "result")) == G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (root, "result"), ==, 1);

  return root;
}

/* A list answer: checks count and total_count and returns the items. */
static JsonArray *
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

static JsonObject *
item (JsonArray *array,
      guint      index)
{
  return json_array_get_object_element (array, index);
}

/* The error msg of an API error answer, which names the parameter. */
static const char *
error_msg (Answer *answer)
{
  JsonObject *root = json_node_get_object (answer->root);

  return json_object_get_string_member (json_object_get_object_member (root, "error"), "msg");
}

static void
expect_error (Answer *answer,
              int     code)
{
  assert_api_error (answer, 200, code);
  answer_clear (answer);
}

static gint64
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

static gint64
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

static gint64
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

static double
balance_of (Fixture *fixture)
{
  Answer answer = { 0 };
  double balance;

  api (fixture, "GetAccountInfo", &answer, NULL);
  balance = json_object_get_double_member (result_object (&answer), "balance");
  answer_clear (&answer);

  return balance;
}

static gint64
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

static gboolean
is_date (const char *text)
{
  return text != NULL && g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\d$", text, 0, 0);
}

static gboolean
is_timestamp (const char *text)
{
  return text != NULL && g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$", text, 0, 0);
}

/* Applications ----------------------------------------------------------- */

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

/* Scenarios -------------------------------------------------------------- */

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

/* Rules ------------------------------------------------------------------ */

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

/* Phone numbers ---------------------------------------------------------- */

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
  g_assert_cmpfloat (json_object_get_double_member (object, "phone_price"), ==, 5.0);
  g_assert_cmpfloat (json_object_get_double_member (object, "phone_installation_price"), ==, 2.0);
  g_assert_false (json_object_get_boolean_member (object, "required_verification"));
  g_assert_true (json_object_has_member (object, "verification_status"));
  g_assert_true (json_object_has_member (object, "is_need_regulation_address"));
  g_assert_true (json_object_has_member (object, "is_sms_supported"));
  g_assert_true (json_object_has_member (object, "multiple_numbers_price"));
  object = item (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "phone_region_code"), ==, "812");
  g_assert_true (json_object_get_boolean_member (object, "required_verification"));
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
  g_assert_false (json_object_get_boolean_member (object, "required_verification"));
  g_assert_cmpstr (json_object_get_string_member (object, "verification_status"), ==, "NOT_REQUIRED");
  g_assert_true (json_object_has_member (object, "unverified_hold_until"));
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
  g_assert_true (json_object_get_boolean_member (object, "required_verification"));
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  log_capture = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_log_set_debug_enabled (TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/Govorun/VoximplantEmulator/path-style", test_path_style);
  ADD ("/Govorun/VoximplantEmulator/cmd-style", test_cmd_style);
  ADD ("/Govorun/VoximplantEmulator/multipart", test_multipart);
  ADD ("/Govorun/VoximplantEmulator/missing-and-unknown-command", test_missing_and_unknown_command);
  ADD ("/Govorun/VoximplantEmulator/api-key-auth", test_api_key_auth);
  ADD ("/Govorun/VoximplantEmulator/boolean-params", test_boolean_params);
  ADD ("/Govorun/VoximplantEmulator/jwt-ok", test_jwt_ok);
  ADD ("/Govorun/VoximplantEmulator/jwt-errors", test_jwt_errors);
  ADD ("/Govorun/VoximplantEmulator/jwt-clock-offset", test_jwt_clock_offset);
  ADD ("/Govorun/VoximplantEmulator/faults", test_faults);
  ADD ("/Govorun/VoximplantEmulator/latency", test_latency);
  ADD ("/Govorun/VoximplantEmulator/api-address", test_api_address);
  ADD ("/Govorun/VoximplantEmulator/applications", test_applications);
  ADD ("/Govorun/VoximplantEmulator/pagination", test_pagination);
  ADD ("/Govorun/VoximplantEmulator/scenarios", test_scenarios);
  ADD ("/Govorun/VoximplantEmulator/rules", test_rules);
  ADD ("/Govorun/VoximplantEmulator/phone-inventory", test_phone_inventory);
  ADD ("/Govorun/VoximplantEmulator/attach-phone-number", test_attach_phone_number);
  ADD ("/Govorun/VoximplantEmulator/bind-numbers-and-cascade", test_bind_numbers_and_cascade);
  ADD ("/Govorun/VoximplantEmulator/provisioning-faults", test_provisioning_faults);
  g_test_add_func ("/Govorun/VoximplantEmulator/parse-helpers", test_parse_helpers);

#undef ADD

  return g_test_run ();
}
