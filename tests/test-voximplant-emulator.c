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

  /* An HTTP status with an error body. */
  get (fixture, path, NULL, &answer);
  assert_api_error (&answer, 503, 503);
  answer_clear (&answer);

  /* 429 with its documented body. */
  get (fixture, path, NULL, &answer);
  g_assert_cmpuint (answer.status, ==, 429);
  error = json_object_get_object_member (json_node_get_object (answer.root), "error");
  g_assert_cmpint (json_object_get_int_member (error, "code"), ==, 429);
  g_assert_cmpstr (json_object_get_string_member (error, "msg"), ==, "Too Many Requests");
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
  g_test_add_func ("/Govorun/VoximplantEmulator/parse-helpers", test_parse_helpers);

#undef ADD

  return g_test_run ();
}
