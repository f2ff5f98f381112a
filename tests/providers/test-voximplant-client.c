/* test-voximplant-client.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantClient"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "govorun-http.h"
#include "govorun-voximplant-client-private.h"
#include "govorun-voximplant-credentials.h"
#include "govorun-voximplant-emulator.h"
#include "test-util.h"

#define ACCOUNT_ID      1001
#define ACCOUNT_ID_STR  "1001"
#define API_KEY         "b3e1c9a2-secret-api-key-7f41"

/* Everything logged during the run, to check no secret leaks into logs. */
static GString *log_capture;
/* Secrets seen during the run (API key, key files, tokens). */
static GPtrArray *secrets;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        {
          g_string_append (log_capture, fields[i].value);
          g_string_append_c (log_capture, '\n');
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

typedef struct
{
  GovorunVoximplantEmulator *emu;
  GovorunHttp               *http;
  GovorunVoximplantClient   *client;
  char                      *base_url;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->emu = govorun_voximplant_emulator_new ();
  govorun_voximplant_emulator_add_account (f->emu, ACCOUNT_ID, "acme", "owner@acme.test",
                                           API_KEY, 12.5, "USD");
  govorun_emulator_start (GOVORUN_EMULATOR (f->emu), &error);
  g_assert_no_error (error);

  f->base_url = g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emu)),
                             "/platform_api", NULL);

  /* Fast retries and a short deadline keep the suite quick. */
  f->http = govorun_http_new ();
  govorun_http_set_timeout (f->http, 3000);
  govorun_http_set_retry (f->http, 3, 5);

  f->client = govorun_voximplant_client_new (f->http, f->base_url);
  govorun_voximplant_client_set_api_key (f->client, ACCOUNT_ID_STR, API_KEY);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->http);
  g_clear_object (&f->emu);
  g_clear_pointer (&f->base_url, g_free);
}

static void
use_jwt (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = govorun_voximplant_emulator_create_key (f->emu, ACCOUNT_ID, &error);
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  JsonNode *root;
  const char *pem;

  g_assert_no_error (error);
  credentials = govorun_voximplant_credentials_new_from_data (key, -1, &error);
  g_assert_no_error (error);
  govorun_voximplant_client_set_credentials (f->client, credentials);

  /* Remember the key body to check it never reaches the logs. */
  root = json_from_string (key, NULL);
  pem = json_object_get_string_member (json_node_get_object (root), "private_key");
  g_ptr_array_add (secrets, g_strndup (strchr (pem, '\n') + 1, 48));
  json_node_unref (root);
}

static JsonObject *
call (Fixture                  *f,
      const char               *method,
      GovorunVoximplantParams  *params,
      GovorunHttpFlags          flags,
      GCancellable             *cancellable,
      GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_voximplant_client_call_async (f->client, method, params, flags, cancellable,
                                        test_util_on_result, &result);
  return govorun_voximplant_client_call_finish (f->client, test_util_wait (&result), error);
}

static GovorunVoximplantAccountInfo *
get_account_info (Fixture       *f,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_voximplant_client_get_account_info_async (f->client, cancellable, test_util_on_result, &result);
  return govorun_voximplant_client_get_account_info_finish (f->client, test_util_wait (&result), error);
}

static guint
count (Fixture    *f,
       const char *method)
{
  return govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emu), method);
}

static void
add_fault (Fixture    *f,
           const char *method,
           guint       http_status,
           int         provider_code,
           guint       delay_ms,
           gboolean    drop,
           int         times)
{
  GovorunFault fault = {
    .http_status = http_status,
    .provider_code = provider_code,
    .delay_ms = delay_ms,
    .drop_connection = drop,
    .times = times,
  };

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emu), method, &fault);
}

/* ---- success in both auth modes and both styles ---- */

typedef struct
{
  gboolean               jwt;
  GovorunVoximplantStyle style;
} ModeCase;

static const ModeCase mode_cases[] = {
  { FALSE, GOVORUN_VOXIMPLANT_STYLE_PATH },
  { FALSE, GOVORUN_VOXIMPLANT_STYLE_CMD },
  { TRUE, GOVORUN_VOXIMPLANT_STYLE_PATH },
  { TRUE, GOVORUN_VOXIMPLANT_STYLE_CMD },
};

static void
test_account_info (Fixture       *f,
                   gconstpointer  data)
{
  const ModeCase *mode = data;
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GovorunVoximplantAccountInfo) copy = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_address = NULL;

  if (mode->jwt)
    use_jwt (f);
  govorun_voximplant_client_set_style (f->client, mode->style);

  info = get_account_info (f, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpint (info->account_id, ==, ACCOUNT_ID);
  g_assert_cmpstr (info->account_name, ==, "acme");
  g_assert_cmpstr (info->account_email, ==, "owner@acme.test");
  g_assert_cmpfloat_with_epsilon (info->balance, 12.5, 1e-9);
  g_assert_cmpstr (info->currency, ==, "USD");
  g_assert_true (info->active);
  g_assert_false (info->frozen);
  expected_address = g_strdup (govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emu)) + strlen ("http://"));
  g_assert_cmpstr (info->api_address, ==, expected_address);

  copy = govorun_voximplant_account_info_copy (info);
  g_assert_cmpstr (copy->account_name, ==, info->account_name);
  g_assert_true (copy->account_name != info->account_name);

  g_assert_cmpstr (govorun_voximplant_emulator_get_last_style (f->emu), ==,
                   mode->style == GOVORUN_VOXIMPLANT_STYLE_PATH ? "path" : "cmd");

  params = govorun_voximplant_emulator_get_last_params (f->emu);
  g_assert_cmpstr (g_hash_table_lookup (params, "return_live_balance"), ==, "true");
  if (mode->style == GOVORUN_VOXIMPLANT_STYLE_CMD)
    g_assert_cmpstr (g_hash_table_lookup (params, "cmd"), ==, "GetAccountInfo");
  else
    g_assert_false (g_hash_table_contains (params, "cmd"));

  if (mode->jwt)
    {
      /* The token alone authenticates. */
      g_assert_false (g_hash_table_contains (params, "api_key"));
      g_assert_false (g_hash_table_contains (params, "account_id"));
    }
  else
    {
      g_assert_cmpstr (g_hash_table_lookup (params, "account_id"), ==, ACCOUNT_ID_STR);
      g_assert_cmpstr (g_hash_table_lookup (params, "api_key"), ==, API_KEY);
    }

  g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 1);

  /* The balance follows the account. */
  govorun_voximplant_emulator_set_balance (f->emu, ACCOUNT_ID, 3.25);
  g_clear_pointer (&info, govorun_voximplant_account_info_free);
  info = get_account_info (f, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (info->balance, 3.25, 1e-9);
}

/* ---- parameter encodings ---- */

static void
test_param_encodings (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunVoximplantParams) params = govorun_voximplant_params_new ();
  g_autoptr(GovorunVoximplantParams) copy = NULL;
  g_autoptr(GTimeZone) msk = g_time_zone_new_identifier ("+03:00");
  g_autoptr(GDateTime) when = g_date_time_new (msk, 2026, 3, 1, 12, 34, 56);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(JsonObject) envelope = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "alpha", "beta gamma", "ünï", NULL };
  const gint64 ids[] = { 1, 22, -3, G_MAXINT64 };

  govorun_voximplant_params_add_bool (params, "return_live_balance", TRUE);
  govorun_voximplant_params_add_bool (params, "x_flag_off", FALSE);
  govorun_voximplant_params_add_list (params, "x_names", names);
  govorun_voximplant_params_add_int_list (params, "x_ids", ids, G_N_ELEMENTS (ids));
  govorun_voximplant_params_add_int_list (params, "x_no_ids", NULL, 0);
  govorun_voximplant_params_add_timestamp (params, "x_from_date", when);
  govorun_voximplant_params_add_int (params, "x_count", -42);
  govorun_voximplant_params_add (params, "x_text", "a&b=c+d %20 ;?#/\n");

  /* The client copies the params: later changes don't leak into a call. */
  copy = govorun_voximplant_params_copy (params);
  govorun_voximplant_params_add (params, "x_late", "1");

  envelope = call (f, "GetAccountInfo", copy, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (envelope, "result"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (envelope, "result")));

  seen = govorun_voximplant_emulator_get_last_params (f->emu);
  g_assert_cmpstr (g_hash_table_lookup (seen, "return_live_balance"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (seen, "x_flag_off"), ==, "false");
  g_assert_cmpstr (g_hash_table_lookup (seen, "x_names"), ==, "alpha;beta gamma;ünï");
  g_assert_cmpstr (g_hash_table_lookup (seen, "x_ids"), ==, "1;22;-3;9223372036854775807");
  g_assert_cmpstr (g_hash_table_lookup (seen, "x_no_ids"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (seen, "x_from_date"), ==, "2026-03-01 09:34:56");
  g_assert_cmpstr (g_hash_table_lookup (seen, "x_count"), ==, "-42");
  g_assert_cmpstr (g_hash_table_lookup (seen, "x_text"), ==, "a&b=c+d %20 ;?#/\n");
  g_assert_false (g_hash_table_contains (seen, "x_late"));

  /* NULL params are fine too. */
  g_clear_pointer (&envelope, json_object_unref);
  envelope = call (f, "GetAccountInfo", NULL, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (envelope);
}

/* ---- what goes on the wire, seen by a plain SoupServer ---- */

typedef struct
{
  guint  status;
  char  *content_type;
  char  *body;
} Canned;

typedef struct
{
  SoupServer *server;
  char       *base_url;
  GHashTable *answers;      /* method → GQueue of Canned, last one repeats */
  /* The last request */
  char       *method;
  char       *path;
  char       *query;
  char       *content_type;
  char       *body;
  GPtrArray  *authorizations;
  guint       n_requests;
} Stub;

static void
canned_free (Canned *c)
{
  g_free (c->content_type);
  g_free (c->body);
  g_free (c);
}

static void
on_stub_request (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  Stub *stub = user_data;
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (request_body);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *name = strrchr (path, '/') + 1;
  GQueue *queue;
  Canned *canned;

  stub->n_requests++;
  g_free (stub->method);
  stub->method = g_strdup (soup_server_message_get_method (msg));
  g_free (stub->path);
  stub->path = g_strdup (path);
  g_free (stub->query);
  stub->query = g_strdup (g_uri_get_query (uri));
  g_free (stub->content_type);
  stub->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  g_free (stub->body);
  stub->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_ptr_array_add (stub->authorizations,
                   g_strdup (soup_message_headers_get_one (headers, "Authorization")));

  queue = g_hash_table_lookup (stub->answers, name);
  if (queue == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }

  canned = g_queue_get_length (queue) > 1 ? g_queue_pop_head (queue) : g_queue_peek_head (queue);
  soup_server_message_set_status (msg, canned->status, NULL);
  soup_server_message_set_response (msg, canned->content_type, SOUP_MEMORY_COPY,
                                    canned->body, strlen (canned->body));
  if (g_queue_get_length (queue) > 0 && g_queue_peek_head (queue) != canned)
    canned_free (canned);
}

static void
queue_free (GQueue *queue)
{
  g_queue_free_full (queue, (GDestroyNotify) canned_free);
}

static Stub *
stub_new (void)
{
  Stub *stub = g_new0 (Stub, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *url = NULL;

  stub->server = soup_server_new (NULL, NULL);
  stub->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) queue_free);
  stub->authorizations = g_ptr_array_new_with_free_func (g_free);
  soup_server_add_handler (stub->server, NULL, on_stub_request, stub, NULL);
  soup_server_listen_local (stub->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (stub->server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  stub->base_url = g_strconcat (url, "/platform_api", NULL);

  return stub;
}

static void
stub_free (Stub *stub)
{
  soup_server_disconnect (stub->server);
  g_object_unref (stub->server);
  g_hash_table_unref (stub->answers);
  g_ptr_array_unref (stub->authorizations);
  g_free (stub->base_url);
  g_free (stub->method);
  g_free (stub->path);
  g_free (stub->query);
  g_free (stub->content_type);
  g_free (stub->body);
  g_free (stub);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stub, stub_free)

/* Answers for @method are served in order; the last one repeats. */
static void
stub_answer (Stub       *stub,
             const char *method,
             guint       status,
             const char *content_type,
             const char *body)
{
  GQueue *queue = g_hash_table_lookup (stub->answers, method);
  Canned *canned = g_new0 (Canned, 1);

  if (queue == NULL)
    {
      queue = g_queue_new ();
      g_hash_table_insert (stub->answers, g_strdup (method), queue);
    }

  canned->status = status;
  canned->content_type = g_strdup (content_type);
  canned->body = g_strdup (body);
  g_queue_push_tail (queue, canned);
}

static void
stub_json (Stub       *stub,
           const char *method,
           guint       status,
           const char *body)
{
  stub_answer (stub, method, status, "application/json", body);
}

static GovorunVoximplantClient *
stub_client (Fixture *f,
             Stub    *stub)
{
  GovorunVoximplantClient *client = govorun_voximplant_client_new (f->http, stub->base_url);

  govorun_voximplant_client_set_api_key (client, ACCOUNT_ID_STR, API_KEY);
  return client;
}

static void
test_wire_format (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Stub) stub = stub_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(GovorunVoximplantParams) params = govorun_voximplant_params_new ();

  stub_json (stub, "GetThings", 200, "{\"result\": [], \"count\": 0}");
  g_clear_object (&f->client);
  f->client = stub_client (f, stub);

  govorun_voximplant_params_add (params, "name", "a b&c");

  /* API key mode: a urlencoded POST; the key is in the body, not the URL. */
  {
    g_autoptr(JsonObject) envelope = call (f, "GetThings", params, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (envelope, "result")));
  }
  g_assert_cmpstr (stub->method, ==, "POST");
  g_assert_cmpstr (stub->path, ==, "/platform_api/GetThings");
  g_assert_null (stub->query);
  g_assert_cmpstr (stub->content_type, ==, "application/x-www-form-urlencoded");
  form = soup_form_decode (stub->body);
  g_assert_cmpstr (g_hash_table_lookup (form, "account_id"), ==, ACCOUNT_ID_STR);
  g_assert_cmpstr (g_hash_table_lookup (form, "api_key"), ==, API_KEY);
  g_assert_cmpstr (g_hash_table_lookup (form, "name"), ==, "a b&c");
  g_assert_null (g_ptr_array_index (stub->authorizations, 0));

  /* cmd style: the base path, cmd first in the body. */
  govorun_voximplant_client_set_style (f->client, GOVORUN_VOXIMPLANT_STYLE_CMD);
  {
    g_autoptr(JsonObject) envelope = NULL;

    /* The stub routes on the last path segment. */
    stub_json (stub, "platform_api", 200, "{\"result\": 1}");
    envelope = call (f, "GetThings", params, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (stub->path, ==, "/platform_api");
  g_assert_true (g_str_has_prefix (stub->body, "cmd=GetThings&"));

  /* A trailing slash in the base URL is not doubled. */
  {
    g_autofree char *slashed = g_strconcat (stub->base_url, "/", NULL);
    g_autoptr(GovorunVoximplantClient) client = govorun_voximplant_client_new (f->http, slashed);

    g_assert_cmpstr (govorun_voximplant_client_get_base_url (client), ==, stub->base_url);
  }
}

static void
test_wire_jwt (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(Stub) stub = stub_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) envelope = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *key = govorun_voximplant_emulator_create_key (f->emu, ACCOUNT_ID, &error);
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_no_error (error);
  credentials = govorun_voximplant_credentials_new_from_data (key, -1, &error);
  g_assert_no_error (error);

  /* A 503 first: the retry must carry a token too. */
  stub_json (stub, "GetThings", 503, "{}");
  stub_json (stub, "GetThings", 200, "{\"result\": 1}");
  g_clear_object (&f->client);
  f->client = govorun_voximplant_client_new (f->http, stub->base_url);
  govorun_voximplant_client_set_credentials (f->client, credentials);

  envelope = call (f, "GetThings", NULL, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stub->n_requests, ==, 2);

  form = soup_form_decode (stub->body);
  g_assert_false (g_hash_table_contains (form, "api_key"));
  g_assert_false (g_hash_table_contains (form, "account_id"));

  for (guint i = 0; i < stub->authorizations->len; i++)
    {
      const char *authorization = g_ptr_array_index (stub->authorizations, i);
      g_auto(GStrv) parts = NULL;
      g_autofree char *claims_json = NULL;
      g_autoptr(JsonNode) claims = NULL;
      g_autoptr(GString) b64 = NULL;
      JsonObject *object;
      gsize len;

      g_assert_nonnull (authorization);
      g_assert_true (g_str_has_prefix (authorization, "Bearer "));
      parts = g_strsplit (authorization + 7, ".", -1);
      g_assert_cmpuint (g_strv_length (parts), ==, 3);

      b64 = g_string_new (parts[1]);
      g_string_replace (b64, "-", "+", 0);
      g_string_replace (b64, "_", "/", 0);
      while (b64->len % 4)
        g_string_append_c (b64, '=');
      claims_json = (char *) g_base64_decode (b64->str, &len);
      claims = json_from_string (claims_json, &error);
      g_assert_no_error (error);
      object = json_node_get_object (claims);
      g_assert_cmpint (json_object_get_int_member (object, "iss"), ==, ACCOUNT_ID);
      g_assert_cmpint (json_object_get_int_member (object, "iat"), >=, now - 1);
      g_assert_cmpint (json_object_get_int_member (object, "iat"), <=, now + 5);
      g_assert_cmpint (json_object_get_int_member (object, "exp") -
                       json_object_get_int_member (object, "iat"), ==, 60);

      g_ptr_array_add (secrets, g_strdup (parts[2]));
    }
}

/* ---- provider errors ---- */

static void
assert_provider_error (const GError           *error,
                       GovorunVoximplantError  code,
                       int                     provider_code)
{
  g_autofree char *marker = g_strdup_printf ("(Voximplant error %d", provider_code);

  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, (int) code);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (error), ==, provider_code);
  if (provider_code > 0)
    g_assert_nonnull (strstr (error->message, marker));
}

static void
test_wrong_key (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  govorun_voximplant_client_set_api_key (f->client, ACCOUNT_ID_STR, "wrong-key");
  info = get_account_info (f, NULL, &error);
  g_assert_null (info);
  assert_provider_error (error, GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED, 100);
  g_assert_nonnull (strstr (error->message, "API key"));
  /* Not retried: it will not get better. */
  g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 1);
}

static void
test_unknown_service_key (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GovorunVoximplantEmulator) other = govorun_voximplant_emulator_new ();
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  /* A key of another "Voximplant": its key_id is unknown here. */
  govorun_voximplant_emulator_add_account (other, ACCOUNT_ID, "acme", "owner@acme.test",
                                           API_KEY, 1, "USD");
  key = govorun_voximplant_emulator_create_key (other, ACCOUNT_ID, &error);
  g_assert_no_error (error);
  credentials = govorun_voximplant_credentials_new_from_data (key, -1, &error);
  g_assert_no_error (error);

  govorun_voximplant_client_set_credentials (f->client, credentials);
  info = get_account_info (f, NULL, &error);
  g_assert_null (info);
  assert_provider_error (error, GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED, 433);
  g_assert_nonnull (strstr (error->message, "Service accounts"));
}

static void
test_clock_skew (Fixture       *f,
                 gconstpointer  data)
{
  const struct {
    gint64 offset;
    int    code;
  } cases[] = {
    { 2 * 3600, 456 },   /* our clock is behind: the token has expired */
    { -2 * 3600, 455 },  /* our clock is ahead: issued in the future */
  };

  use_jwt (f);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
      g_autoptr(GError) error = NULL;

      govorun_voximplant_emulator_set_clock_offset (f->emu, cases[i].offset);
      info = get_account_info (f, NULL, &error);
      g_assert_null (info);
      assert_provider_error (error, GOVORUN_VOXIMPLANT_ERROR_CLOCK_SKEW, cases[i].code);
      g_assert_nonnull (strstr (error->message, "clock"));
    }

  /* Back in sync, it works. */
  {
    g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
    g_autoptr(GError) error = NULL;

    govorun_voximplant_emulator_set_clock_offset (f->emu, 0);
    info = get_account_info (f, NULL, &error);
    g_assert_no_error (error);
  }
}

static void
test_server_error_retried (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (f, "GetAccountInfo", 503, 0, 0, FALSE, 1);
  info = get_account_info (f, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->account_name, ==, "acme");
  g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 2);
}

static void
test_server_error_always (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (f, "GetAccountInfo", 500, 0, 0, FALSE, -1);
  info = get_account_info (f, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "HTTP 500"));
  g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 3);
}

static void
test_rate_limit_retried (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (f, "GetAccountInfo", 0, 340, 0, FALSE, 1);
  info = get_account_info (f, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 2);
}

static void
test_rate_limit_always (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (f, "GetAccountInfo", 0, 340, 0, FALSE, -1);
  info = get_account_info (f, NULL, &error);
  g_assert_null (info);
  assert_provider_error (error, GOVORUN_VOXIMPLANT_ERROR_RATE_LIMITED, 340);
  g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 3);
}

static void
test_http_429 (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_fault (f, "GetAccountInfo", 429, 0, 0, FALSE, 1);
  {
    g_autoptr(GovorunVoximplantAccountInfo) info = get_account_info (f, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (info);
    g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 2);
  }

  add_fault (f, "GetAccountInfo", 429, 0, 0, FALSE, -1);
  {
    g_autoptr(GovorunVoximplantAccountInfo) info = get_account_info (f, NULL, &error);

    g_assert_null (info);
    g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_RATE_LIMITED);
    g_assert_nonnull (strstr (error->message, "HTTP 429"));
    g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 5);
  }
}

static void
test_repeat_after (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Stub) stub = stub_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) envelope = NULL;
  gint64 start;

  /* 416 carries the wait in its msg; 1 s is honoured over the 5 ms backoff. */
  stub_json (stub, "AddThing", 200, "{\"error\": {\"code\": 416, \"msg\": \"Repeat after 1 seconds\"}}");
  stub_json (stub, "AddThing", 200, "{\"result\": 1, \"thing_id\": 7}");
  g_clear_object (&f->client);
  f->client = stub_client (f, stub);

  start = g_get_monotonic_time ();
  envelope = call (f, "AddThing", NULL, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (envelope, "thing_id"), ==, 7);
  g_assert_cmpuint (stub->n_requests, ==, 2);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);

  /* Always 416: RATE_LIMITED with the code. */
  stub_json (stub, "AddOther", 200, "{\"error\": {\"code\": 416, \"msg\": \"Repeat after 0 seconds\"}}");
  g_clear_pointer (&envelope, json_object_unref);
  envelope = call (f, "AddOther", NULL, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
  g_assert_null (envelope);
  assert_provider_error (error, GOVORUN_VOXIMPLANT_ERROR_RATE_LIMITED, 416);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  govorun_http_set_timeout (f->http, 150);
  add_fault (f, "GetAccountInfo", 0, 0, 1000, FALSE, -1);
  info = get_account_info (f, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_TIMEOUT);
}

static void
test_dropped (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (f, "GetAccountInfo", 0, 0, 0, TRUE, -1);
  info = get_account_info (f, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_CONNECTION_LOST);
  g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 3);
}

static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  govorun_emulator_stop (GOVORUN_EMULATOR (f->emu));
  info = get_account_info (f, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_UNREACHABLE);
}

static void
test_invalid_url (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->client);
  f->client = govorun_voximplant_client_new (f->http, "not a url");
  govorun_voximplant_client_set_api_key (f->client, ACCOUNT_ID_STR, API_KEY);
  info = get_account_info (f, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_INVALID_URL);
}

/* ---- answers the client must not trust ---- */

static void
test_bad_responses (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(Stub) stub = stub_new ();
  const struct {
    const char *method;
    guint       status;
    const char *content_type;
    const char *body;
    const char *mention;    /* in the message */
  } cases[] = {
    { "GetA", 200, "application/json", "{\"result\": {", NULL },
    { "GetB", 200, "text/html", "<html>hello</html>", NULL },
    { "GetC", 200, "application/json", "{\"count\": 1}", "“result”" },
    { "GetD", 200, "application/json", "[1, 2]", NULL },
    { "GetE", 200, "application/json", "{\"result\": null}", "“result”" },
    { "GetF", 404, "text/plain", "Not Found", "HTTP 404" },
    { "GetG", 200, "application/json", "{\"error\": \"boom\"}", NULL },
    { "GetH", 200, "application/json", "{\"error\": {\"msg\": \"no code\"}}", NULL },
    { "GetI", 200, "application/json", "", NULL },
    { "GetJ", 200, "application/json", "{\"result\": 1, \"x\": \"\xff\"}", NULL },
  };

  g_clear_object (&f->client);
  f->client = stub_client (f, stub);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) envelope = NULL;
      g_autoptr(GError) error = NULL;

      stub_answer (stub, cases[i].method, cases[i].status, cases[i].content_type, cases[i].body);
      envelope = call (f, cases[i].method, NULL, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
      g_test_message ("%s: %s", cases[i].method, error ? error->message : "(no error)");
      g_assert_null (envelope);
      g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE);
      if (cases[i].mention)
        g_assert_nonnull (strstr (error->message, cases[i].mention));
    }
}

static void
test_account_info_fields (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(Stub) stub = stub_new ();
  const struct {
    const char *result;
    const char *mention;   /* NULL: parses */
  } cases[] = {
    { "{\"account_id\": 5, \"account_name\": \"n\", \"balance\": 3, \"currency\": \"EUR\"}", NULL },
    { "{\"account_id\": 5.0, \"account_name\": \"n\", \"balance\": 3.5, \"currency\": \"EUR\", \"active\": false, \"frozen\": true}", NULL },
    { "{\"account_name\": \"n\", \"balance\": 3, \"currency\": \"EUR\"}", "“account_id”" },
    { "{\"account_id\": \"5\", \"account_name\": \"n\", \"balance\": 3, \"currency\": \"EUR\"}", "“account_id”" },
    { "{\"account_id\": 5.5, \"account_name\": \"n\", \"balance\": 3, \"currency\": \"EUR\"}", "“account_id”" },
    { "{\"account_id\": -5, \"account_name\": \"n\", \"balance\": 3, \"currency\": \"EUR\"}", "“account_id”" },
    { "{\"account_id\": 5, \"balance\": 3, \"currency\": \"EUR\"}", "“account_name”" },
    { "{\"account_id\": 5, \"account_name\": 7, \"balance\": 3, \"currency\": \"EUR\"}", "“account_name”" },
    { "{\"account_id\": 5, \"account_name\": \"n\", \"currency\": \"EUR\"}", "“balance”" },
    { "{\"account_id\": 5, \"account_name\": \"n\", \"balance\": \"3\", \"currency\": \"EUR\"}", "“balance”" },
    { "{\"account_id\": 5, \"account_name\": \"n\", \"balance\": 3}", "“currency”" },
    { "{\"account_id\": 5, \"account_name\": \"n\", \"balance\": 3, \"currency\": \"EUR\", \"active\": \"yes\"}", "“active”" },
    { "{\"account_id\": 5, \"account_name\": \"n\", \"balance\": 3, \"currency\": \"EUR\", \"account_email\": []}", "“account_email”" },
    { "[]", "“result”" },
    { "1", "“result”" },
  };

  g_clear_object (&f->client);
  f->client = stub_client (f, stub);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *body = g_strdup_printf ("{\"result\": %s}", cases[i].result);

      g_hash_table_remove (stub->answers, "GetAccountInfo");
      stub_json (stub, "GetAccountInfo", 200, body);
      info = get_account_info (f, NULL, &error);
      g_test_message ("%s: %s", cases[i].result, error ? error->message : "(ok)");
      if (cases[i].mention == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpint (info->account_id, ==, 5);
          g_assert_null (info->account_email);
          g_assert_null (info->api_address);
        }
      else
        {
          g_assert_null (info);
          g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE);
          g_assert_nonnull (strstr (error->message, cases[i].mention));
        }
    }
}

static void
test_error_codes (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Stub) stub = stub_new ();
  const struct {
    const char            *body;
    GovorunVoximplantError code;
    int                    provider_code;
  } cases[] = {
    { "{\"error\": {\"code\": 100, \"msg\": \"Authorization failed\"}}", GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED, 100 },
    { "{\"error\": {\"code\": 447, \"msg\": \"Invalid token format\"}}", GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED, 447 },
    { "{\"error\": {\"code\": 454, \"msg\": \"TTL\"}}", GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED, 454 },
    { "{\"error\": {\"code\": 101, \"msg\": \"Invalid arguments\"}}", GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT, 101 },
    { "{\"error\": {\"code\": 134, \"msg\": \"Required parameter is empty\"}}", GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT, 134 },
    { "{\"error\": {\"code\": 485, \"msg\": \"Specify the 'x' parameter\"}}", GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT, 485 },
    { "{\"error\": {\"code\": 496, \"msg\": \"The 'x' parameter is invalid\"}}", GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT, 496 },
    { "{\"error\": {\"code\": 127, \"msg\": \"Insufficient money\"}}", GOVORUN_VOXIMPLANT_ERROR_INSUFFICIENT_FUNDS, 127 },
    { "{\"error\": {\"code\": 116, \"msg\": \"Invalid application_id\"}}", GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND, 116 },
    { "{\"error\": {\"code\": 255, \"msg\": \"Invalid list_id\"}}", GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND, 255 },
    { "{\"error\": {\"code\": 104, \"msg\": \"Forbidden command\"}}", GOVORUN_VOXIMPLANT_ERROR_FORBIDDEN, 104 },
    { "{\"error\": {\"code\": 331, \"msg\": \"No phones in stock\"}}", GOVORUN_VOXIMPLANT_ERROR_NO_STOCK, 331 },
    { "{\"error\": {\"code\": 332, \"msg\": \"Insufficient phones\"}}", GOVORUN_VOXIMPLANT_ERROR_NO_STOCK, 332 },
    { "{\"error\": {\"code\": 182, \"msg\": \"Occupied phone number\"}}", GOVORUN_VOXIMPLANT_ERROR_NUMBER_TAKEN, 182 },
    { "{\"error\": {\"code\": 103, \"msg\": \"Unknown command\"}}", GOVORUN_VOXIMPLANT_ERROR_PROVIDER, 103 },
    { "{\"error\": {\"code\": 999, \"msg\": \"New\\nthing\"}}", GOVORUN_VOXIMPLANT_ERROR_PROVIDER, 999 },
    /* Other envelope shapes seen in the official clients */
    { "{\"errors\": [{\"code\": 127, \"msg\": \"Insufficient money\"}]}", GOVORUN_VOXIMPLANT_ERROR_INSUFFICIENT_FUNDS, 127 },
    { "{\"error\": {\"code\": \"101\", \"msg\": \"Invalid arguments\"}}", GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT, 101 },
    { "{\"error\": {\"code\": 101}}", GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT, 101 },
  };

  g_clear_object (&f->client);
  f->client = stub_client (f, stub);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) envelope = NULL;
      g_autoptr(GError) error = NULL;

      g_hash_table_remove (stub->answers, "SetThing");
      stub_json (stub, "SetThing", 200, cases[i].body);
      envelope = call (f, "SetThing", NULL, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
      g_test_message ("%s → %s", cases[i].body, error ? error->message : "(ok)");
      g_assert_null (envelope);
      assert_provider_error (error, cases[i].code, cases[i].provider_code);
      /* One line, however the provider wrote it. */
      g_assert_null (strchr (error->message, '\n'));
    }

  /* An envelope at a 4xx status is read as an envelope. */
  g_hash_table_remove (stub->answers, "SetThing");
  stub_json (stub, "SetThing", 401, "{\"error\": {\"code\": 100, \"msg\": \"Authorization failed\"}}");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) envelope = call (f, "SetThing", NULL, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);

    g_assert_null (envelope);
    assert_provider_error (error, GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED, 100);
  }
}

/* ---- typed calls ---- */

static void
test_typed_applications (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GovorunVoximplantApplication) app = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *r = NULL;
  GovorunVoximplantScenario *scenario;
  GovorunVoximplantRule *rule;
  gint64 scenario_id, other_id, rule_id, total = 0;

  govorun_voximplant_client_add_application_async (f->client, "typed", TRUE, NULL, test_util_on_result, &r);
  app = govorun_voximplant_client_add_application_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpint (app->application_id, >, 0);
  g_assert_true (g_str_has_prefix (app->application_name, "typed."));

  govorun_voximplant_client_get_applications_async (f->client, "typed", 10, 0, NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_applications_finish (f->client, test_util_wait (&r), &total, &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (total, ==, 1);
  g_assert_cmpint (((GovorunVoximplantApplication *) g_ptr_array_index (items, 0))->application_id, ==,
                   app->application_id);
  g_assert_cmpstr (((GovorunVoximplantApplication *) g_ptr_array_index (items, 0))->application_name, ==,
                   app->application_name);
  g_clear_pointer (&items, g_ptr_array_unref);

  govorun_voximplant_client_add_scenario_async (f->client, "typed-in", "VoxEngine.terminate();",
                                                app->application_id, NULL, test_util_on_result, &r);
  scenario_id = govorun_voximplant_client_add_scenario_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpint (scenario_id, >, 0);

  govorun_voximplant_client_add_scenario_async (f->client, "typed-out", NULL, 0, NULL, test_util_on_result, &r);
  other_id = govorun_voximplant_client_add_scenario_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);

  govorun_voximplant_client_set_scenario_info_async (f->client, scenario_id, NULL, "VoxEngine.customData();",
                                                     NULL, test_util_on_result, &r);
  g_assert_true (govorun_voximplant_client_set_scenario_info_finish (f->client, test_util_wait (&r), &error));
  g_clear_object (&r);
  g_assert_no_error (error);

  /* The text only with with_script, and only by id. */
  govorun_voximplant_client_get_scenarios_async (f->client, scenario_id, NULL, TRUE, 0, 0, NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_scenarios_finish (f->client, test_util_wait (&r), NULL, &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  scenario = g_ptr_array_index (items, 0);
  g_assert_cmpint (scenario->scenario_id, ==, scenario_id);
  g_assert_cmpstr (scenario->scenario_name, ==, "typed-in");
  g_assert_cmpstr (scenario->scenario_script, ==, "VoxEngine.customData();");
  g_clear_pointer (&items, g_ptr_array_unref);

  govorun_voximplant_client_get_scenarios_async (f->client, 0, "typed-", FALSE, 10, 0, NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_scenarios_finish (f->client, test_util_wait (&r), &total, &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (total, ==, 2);
  g_assert_null (((GovorunVoximplantScenario *) g_ptr_array_index (items, 0))->scenario_script);
  g_clear_pointer (&items, g_ptr_array_unref);

  govorun_voximplant_client_add_rule_async (f->client, app->application_id, "typed-rule", "7495.*", scenario_id,
                                            NULL, test_util_on_result, &r);
  rule_id = govorun_voximplant_client_add_rule_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpint (rule_id, >, 0);

  govorun_voximplant_client_bind_scenario_async (f->client, &other_id, 1, rule_id, app->application_id, TRUE,
                                                 NULL, test_util_on_result, &r);
  g_assert_true (govorun_voximplant_client_bind_scenario_finish (f->client, test_util_wait (&r), &error));
  g_clear_object (&r);
  g_assert_no_error (error);

  govorun_voximplant_client_set_rule_info_async (f->client, rule_id, NULL, "7812.*", NULL, test_util_on_result, &r);
  g_assert_true (govorun_voximplant_client_set_rule_info_finish (f->client, test_util_wait (&r), &error));
  g_clear_object (&r);
  g_assert_no_error (error);

  govorun_voximplant_client_get_rules_async (f->client, app->application_id, TRUE, 10, 0, NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_rules_finish (f->client, test_util_wait (&r), NULL, &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  rule = g_ptr_array_index (items, 0);
  g_assert_cmpint (rule->rule_id, ==, rule_id);
  g_assert_cmpstr (rule->rule_name, ==, "typed-rule");
  g_assert_cmpstr (rule->rule_pattern, ==, "7812.*");
  g_assert_cmpuint (rule->scenario_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (rule->scenario_ids, gint64, 0), ==, scenario_id);
  g_assert_cmpint (g_array_index (rule->scenario_ids, gint64, 1), ==, other_id);
  g_clear_pointer (&items, g_ptr_array_unref);

  govorun_voximplant_client_del_rule_async (f->client, rule_id, app->application_id, NULL, test_util_on_result, &r);
  g_assert_true (govorun_voximplant_client_del_rule_finish (f->client, test_util_wait (&r), &error));
  g_clear_object (&r);
  g_assert_no_error (error);

  govorun_voximplant_client_del_scenario_async (f->client, other_id, NULL, test_util_on_result, &r);
  g_assert_true (govorun_voximplant_client_del_scenario_finish (f->client, test_util_wait (&r), &error));
  g_clear_object (&r);
  g_assert_no_error (error);

  govorun_voximplant_client_del_application_async (f->client, app->application_id, NULL, test_util_on_result, &r);
  g_assert_true (govorun_voximplant_client_del_application_finish (f->client, test_util_wait (&r), &error));
  g_clear_object (&r);
  g_assert_no_error (error);

  /* Gone: the provider's "not found". */
  govorun_voximplant_client_del_application_async (f->client, app->application_id, NULL, test_util_on_result, &r);
  g_assert_false (govorun_voximplant_client_del_application_finish (f->client, test_util_wait (&r), &error));
  g_clear_object (&r);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND);
}

static void
test_typed_numbers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunVoximplantApplication) app = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const char *wanted[] = { "74951230001", "74951230002", NULL };
  GAsyncResult *r = NULL;
  GovorunVoximplantPhoneCountry *country = NULL;
  GovorunVoximplantPhoneRegion *region = NULL;
  GovorunVoximplantNewPhoneNumber *on_sale;
  GovorunVoximplantPhoneNumber *owned;
  gint64 phone_ids[2], total = 0;

  govorun_voximplant_emulator_seed_phone_inventory (f->emu);

  govorun_voximplant_client_get_phone_number_categories_async (f->client, "EN", NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_phone_number_categories_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((GovorunVoximplantPhoneCountry *) g_ptr_array_index (items, i))->country_code, "US"))
      country = g_ptr_array_index (items, i);
  g_assert_nonnull (country);
  g_assert_cmpstr (country->phone_prefix, ==, "1");
  g_assert_cmpuint (country->phone_categories->len, >=, 1);
  g_assert_cmpstr (((GovorunVoximplantPhoneCategory *) g_ptr_array_index (country->phone_categories, 0))->phone_category_name,
                   ==, "GEOGRAPHIC");
  g_assert_true (((GovorunVoximplantPhoneCategory *) g_ptr_array_index (country->phone_categories, 0))->country_has_states);
  g_clear_pointer (&items, g_ptr_array_unref);

  govorun_voximplant_client_get_phone_number_country_states_async (f->client, "US", "GEOGRAPHIC", NULL,
                                                                   test_util_on_result, &r);
  items = govorun_voximplant_client_get_phone_number_country_states_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (((GovorunVoximplantPhoneState *) g_ptr_array_index (items, 1))->country_state, ==, "NY");
  g_clear_pointer (&items, g_ptr_array_unref);

  govorun_voximplant_client_get_phone_number_regions_async (f->client, "US", "GEOGRAPHIC", "NY", 0, "EN",
                                                            NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_phone_number_regions_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  region = g_ptr_array_index (items, 0);
  g_assert_cmpint (region->phone_region_id, ==, 203);
  g_assert_cmpint (region->phone_count, ==, 5);
  g_assert_cmpfloat_with_epsilon (region->account_price, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (region->account_installation_price, 1.0, 1e-9);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Only one region when asked by id; Saint Petersburg wants documents. */
  govorun_voximplant_client_get_phone_number_regions_async (f->client, "RU", "GEOGRAPHIC", NULL, 102, NULL,
                                                            NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_phone_number_regions_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_true (((GovorunVoximplantPhoneRegion *) g_ptr_array_index (items, 0))->required_verification);
  g_clear_pointer (&items, g_ptr_array_unref);

  govorun_voximplant_client_get_new_phone_numbers_async (f->client, "RU", "GEOGRAPHIC", NULL, 101, NULL, 2, 0,
                                                         NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_new_phone_numbers_finish (f->client, test_util_wait (&r), &total, &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  on_sale = g_ptr_array_index (items, 0);
  g_assert_cmpstr (on_sale->phone_number, ==, "74951230001");
  g_assert_cmpint (on_sale->phone_id, >, 0);
  g_assert_cmpfloat_with_epsilon (on_sale->phone_price, 5.0, 1e-9);
  g_clear_pointer (&items, g_ptr_array_unref);

  govorun_voximplant_emulator_set_balance (f->emu, ACCOUNT_ID, 1000.0);
  govorun_voximplant_client_attach_phone_number_async (f->client, "RU", "GEOGRAPHIC", NULL, 101, wanted,
                                                       NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_attach_phone_number_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    phone_ids[i] = ((GovorunVoximplantAttachedNumber *) g_ptr_array_index (items, i))->phone_id;
  g_assert_false (((GovorunVoximplantAttachedNumber *) g_ptr_array_index (items, 0))->required_verification);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* 331 and 332 (none, or not that many in stock) are NO_STOCK. */
  add_fault (f, "AttachPhoneNumber", 0, 332, 0, FALSE, 1);
  govorun_voximplant_client_attach_phone_number_async (f->client, "US", "GEOGRAPHIC", "NY", 203, wanted,
                                                       NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_attach_phone_number_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_null (items);
  assert_provider_error (error, GOVORUN_VOXIMPLANT_ERROR_NO_STOCK, 332);
  g_clear_error (&error);

  govorun_voximplant_client_add_application_async (f->client, "numbers", FALSE, NULL, test_util_on_result, &r);
  app = govorun_voximplant_client_add_application_finish (f->client, test_util_wait (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);

  govorun_voximplant_client_bind_phone_number_to_application_async (f->client, phone_ids, 2, app->application_id,
                                                                    0, TRUE, NULL, test_util_on_result, &r);
  g_assert_true (govorun_voximplant_client_bind_phone_number_to_application_finish (f->client, test_util_wait (&r),
                                                                                    &error));
  g_clear_object (&r);
  g_assert_no_error (error);

  govorun_voximplant_client_get_phone_numbers_async (f->client, phone_ids, 2, 1, 0, NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_phone_numbers_finish (f->client, test_util_wait (&r), &total, &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (total, ==, 2);
  owned = g_ptr_array_index (items, 0);
  g_assert_cmpint (owned->phone_id, ==, phone_ids[0]);
  g_assert_cmpstr (owned->phone_number, ==, "74951230001");
  g_assert_cmpint (owned->application_id, ==, app->application_id);
  g_assert_false (owned->deactivated);
  g_clear_pointer (&items, g_ptr_array_unref);

  govorun_voximplant_client_deactivate_phone_number_async (f->client, phone_ids[1], NULL, test_util_on_result, &r);
  g_assert_true (govorun_voximplant_client_deactivate_phone_number_finish (f->client, test_util_wait (&r), &error));
  g_clear_object (&r);
  g_assert_no_error (error);

  govorun_voximplant_client_get_phone_numbers_async (f->client, NULL, 0, 0, 0, NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_phone_numbers_finish (f->client, test_util_wait (&r), NULL, &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
}

/* Runs GetPhoneNumbers against a stub answering @body. */
static GPtrArray *
stub_phone_numbers (Fixture     *f,
                    Stub        *stub,
                    const char  *body,
                    GError     **error)
{
  GAsyncResult *r = NULL;
  GPtrArray *items;

  g_hash_table_remove (stub->answers, "GetPhoneNumbers");
  stub_json (stub, "GetPhoneNumbers", 200, body);
  govorun_voximplant_client_get_phone_numbers_async (f->client, NULL, 0, 0, 0, NULL, test_util_on_result, &r);
  items = govorun_voximplant_client_get_phone_numbers_finish (f->client, test_util_wait (&r), NULL, error);
  g_object_unref (r);

  return items;
}

static void
test_typed_parsing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(Stub) stub = stub_new ();
  const struct {
    const char *body;
    const char *field;   /* named in BAD_RESPONSE; NULL: parsed */
  } cases[] = {
    /* Needed fields: missing or mistyped is an error naming them. */
    { "{\"result\": [{\"phone_number\": \"7495\"}]}", "phone_id" },
    { "{\"result\": [{\"phone_id\": \"5\", \"phone_number\": \"7495\"}]}", "phone_id" },
    { "{\"result\": [{\"phone_id\": 5, \"phone_number\": 7495}]}", "phone_number" },
    { "{\"result\": [{\"phone_id\": 5, \"phone_number\": \"7495\", \"deactivated\": \"no\"}]}", "deactivated" },
    { "{\"result\": [], \"total_count\": \"0\"}", "total_count" },
    { "{\"result\": {}}", "result" },
    /* Shown-only fields of the wrong type are ignored. */
    { "{\"result\": [{\"phone_id\": 5, \"phone_number\": \"7495\", \"phone_region_name\": 42,"
      " \"rule_name\": [1], \"phone_next_renewal\": false}]}", NULL },
    { "{\"result\": [{\"phone_id\": 5, \"phone_number\": \"7495\", \"required_verification\": 1,"
      " \"verification_status\": 3, \"phone_price\": \"5.00\"}]}", NULL },
  };
  g_autoptr(GPtrArray) items = NULL;
  GovorunVoximplantPhoneNumber *number;

  g_clear_object (&f->client);
  f->client = stub_client (f, stub);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = NULL;

      items = stub_phone_numbers (f, stub, cases[i].body, &error);
      g_test_message ("%s → %s", cases[i].body, error ? error->message : "(ok)");
      if (cases[i].field == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (items->len, ==, 1);
          number = g_ptr_array_index (items, 0);
          g_assert_cmpint (number->phone_id, ==, 5);
          g_assert_null (number->phone_region_name);
          g_assert_null (number->rule_name);
          g_assert_null (number->phone_next_renewal);
          g_clear_pointer (&items, g_ptr_array_unref);
          continue;
        }
      quoted = g_strdup_printf ("“%s”", cases[i].field);
      g_assert_null (items);
      g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE);
      g_assert_nonnull (strstr (error->message, quoted));
    }

  /* required_verification: Voximplant's country code; any other type is
   * not Voximplant's and is ignored. */
  {
    const struct {
      const char *value;
      gboolean    required;
    } verification[] = {
      { "\"RU\"", TRUE }, { "\"\"", FALSE }, { "true", FALSE }, { "false", FALSE }, { "null", FALSE },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (verification); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *body =
          g_strdup_printf ("{\"result\": [{\"phone_id\": 5, \"phone_number\": \"7495\", \"required_verification\": %s}],"
                           " \"total_count\": 1}", verification[i].value);

        items = stub_phone_numbers (f, stub, body, &error);
        g_assert_no_error (error);
        number = g_ptr_array_index (items, 0);
        g_assert_cmpint (number->required_verification, ==, verification[i].required);
        g_clear_pointer (&items, g_ptr_array_unref);
      }
  }

  /* Ids beside "result": AddRule without a rule_id is an error. */
  {
    g_autoptr(GError) error = NULL;
    GAsyncResult *r = NULL;
    gint64 id;

    stub_json (stub, "AddRule", 200, "{\"result\": 1}");
    govorun_voximplant_client_add_rule_async (f->client, 1, "r", "1", 0, NULL, test_util_on_result, &r);
    id = govorun_voximplant_client_add_rule_finish (f->client, test_util_wait (&r), &error);
    g_object_unref (r);
    g_assert_cmpint (id, ==, 0);
    g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE);
    g_assert_nonnull (strstr (error->message, "“rule_id”"));
  }
}

static void
test_provider_code_helper (void)
{
  g_autoptr(GError) io = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "x (Voximplant error 5: y)");
  g_autoptr(GError) plain = g_error_new (GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_SERVER, "No code.");
  g_autoptr(GError) nested = g_error_new (GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_PROVIDER,
                                          "Sentence. (Voximplant error 42: said (Voximplant error 7: x))");

  g_assert_cmpint (govorun_voximplant_error_get_provider_code (NULL), ==, 0);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (io), ==, 0);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (plain), ==, 0);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (nested), ==, 42);
}

/* ---- mutations are not repeated after a 5xx ---- */

static void
test_mutation_not_retried (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GovorunVoximplantParams) params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add (params, "application_name", "myapp");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) envelope = NULL;

    add_fault (f, "AddApplication", 503, 0, 0, FALSE, 1);
    envelope = call (f, "AddApplication", params, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
    g_assert_null (envelope);
    g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_SERVER);
    g_assert_cmpuint (count (f, "AddApplication"), ==, 1);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) envelope = NULL;

    /* Dropped connections are not repeated either. */
    add_fault (f, "AddApplication", 0, 0, 0, TRUE, 1);
    envelope = call (f, "AddApplication", params, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
    g_assert_null (envelope);
    g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_CONNECTION_LOST);
    g_assert_cmpuint (count (f, "AddApplication"), ==, 2);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) envelope = NULL;

    /* A rate-limit answer means nothing was done: repeated, and the
     * application is created once. */
    add_fault (f, "AddApplication", 0, 340, 0, FALSE, 1);
    envelope = call (f, "AddApplication", params, GOVORUN_HTTP_FLAGS_NONE, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (envelope);
    g_assert_cmpint (json_object_get_int_member (envelope, "result"), ==, 1);
    g_assert_cmpuint (count (f, "AddApplication"), ==, 4);
  }

  {
    g_autoptr(GovorunVoximplantParams) other = govorun_voximplant_params_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) envelope = NULL;

    /* A caller may declare a mutation repeatable. */
    govorun_voximplant_params_add (other, "application_name", "otherapp");
    add_fault (f, "AddApplication", 503, 0, 0, FALSE, 1);
    envelope = call (f, "AddApplication", other, GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (envelope);
    g_assert_cmpuint (count (f, "AddApplication"), ==, 6);
  }
}

/* ---- cancellation ---- */

static gboolean
cancel_later (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancellation (Fixture       *f,
                   gconstpointer  data)
{
  /* Before sending */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunVoximplantAccountInfo) info = NULL;

    g_cancellable_cancel (cancellable);
    info = get_account_info (f, cancellable, &error);
    g_assert_null (info);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (count (f, "GetAccountInfo"), ==, 0);
  }

  /* While waiting for a slow answer */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) envelope = NULL;
    gint64 start = g_get_monotonic_time ();

    add_fault (f, "GetAccountInfo", 0, 0, 2000, FALSE, 1);
    g_timeout_add (50, cancel_later, cancellable);
    envelope = call (f, "GetAccountInfo", NULL, GOVORUN_HTTP_FLAGS_NONE, cancellable, &error);
    g_assert_null (envelope);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 1500 * 1000);
  }
}

/* ---- nothing sent without a usable key ---- */

static void
test_empty_key (Fixture       *f,
                gconstpointer  data)
{
  const char *keys[] = { "", NULL };

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GovorunVoximplantAccountInfo) info = NULL;

      govorun_voximplant_client_set_api_key (f->client, ACCOUNT_ID_STR, keys[i]);
      info = get_account_info (f, NULL, &error);
      g_assert_null (info);
      g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_EMPTY_KEY);
    }

  /* Credentials cleared and no key: still nothing to send with. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunVoximplantAccountInfo) info = NULL;

    use_jwt (f);
    govorun_voximplant_client_set_credentials (f->client, NULL);
    info = get_account_info (f, NULL, &error);
    g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_EMPTY_KEY);
  }

  g_assert_cmpuint (count (f, "*"), ==, 0);
}

static void
test_invalid_account_id (Fixture       *f,
                         gconstpointer  data)
{
  const char *valid[] = { "1", "1001", "000123", "999999999999999999" };
  const char *invalid[] = { NULL, "", "0", "000", "-1", "+1", " 1001", "1001 ", "10 01",
                            "12a", "1.5", "1e3", "1234567890123456789", "١٢٣", "0x10" };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (govorun_voximplant_validate_account_id (valid[i], &error));
      g_assert_no_error (error);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("account id: %s", invalid[i] ? invalid[i] : "(null)");
      g_assert_false (govorun_voximplant_validate_account_id (invalid[i], &error));
      g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_INVALID_ACCOUNT_ID);
      g_assert_nonnull (strstr (error->message, "Settings"));
    }

  /* The client checks before sending anything. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunVoximplantAccountInfo) info = NULL;

    govorun_voximplant_client_set_api_key (f->client, "12a", API_KEY);
    info = get_account_info (f, NULL, &error);
    g_assert_null (info);
    g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_INVALID_ACCOUNT_ID);
    g_assert_cmpuint (count (f, "*"), ==, 0);
  }
}

/* ---- secrets ---- */

static void
test_no_secret_in_logs (void)
{
  /* Every test before this one ran with the capture on. */
  g_assert_cmpuint (log_capture->len, >, 0);
  g_assert_null (strstr (log_capture->str, API_KEY));
  for (guint i = 0; i < secrets->len; i++)
    g_assert_null (strstr (log_capture->str, g_ptr_array_index (secrets, i)));
}

#define ADD(path, func, data) \
  g_test_add ("/Govorun/VoximplantClient/" path, Fixture, data, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);

  log_capture = g_string_new (NULL);
  secrets = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  ADD ("account-info-api-key-path", test_account_info, &mode_cases[0]);
  ADD ("account-info-api-key-cmd", test_account_info, &mode_cases[1]);
  ADD ("account-info-jwt-path", test_account_info, &mode_cases[2]);
  ADD ("account-info-jwt-cmd", test_account_info, &mode_cases[3]);
  ADD ("param-encodings", test_param_encodings, NULL);
  ADD ("wire-format", test_wire_format, NULL);
  ADD ("wire-jwt", test_wire_jwt, NULL);
  ADD ("wrong-key", test_wrong_key, NULL);
  ADD ("unknown-service-key", test_unknown_service_key, NULL);
  ADD ("clock-skew", test_clock_skew, NULL);
  ADD ("server-error-retried", test_server_error_retried, NULL);
  ADD ("server-error-always", test_server_error_always, NULL);
  ADD ("rate-limit-retried", test_rate_limit_retried, NULL);
  ADD ("rate-limit-always", test_rate_limit_always, NULL);
  ADD ("http-429", test_http_429, NULL);
  ADD ("repeat-after", test_repeat_after, NULL);
  ADD ("timeout", test_timeout, NULL);
  ADD ("dropped", test_dropped, NULL);
  ADD ("unreachable", test_unreachable, NULL);
  ADD ("invalid-url", test_invalid_url, NULL);
  ADD ("bad-responses", test_bad_responses, NULL);
  ADD ("account-info-fields", test_account_info_fields, NULL);
  ADD ("error-codes", test_error_codes, NULL);
  ADD ("mutation-not-retried", test_mutation_not_retried, NULL);
  ADD ("cancellation", test_cancellation, NULL);
  ADD ("empty-key", test_empty_key, NULL);
  ADD ("invalid-account-id", test_invalid_account_id, NULL);
  ADD ("typed-applications", test_typed_applications, NULL);
  ADD ("typed-numbers", test_typed_numbers, NULL);
  ADD ("typed-parsing", test_typed_parsing, NULL);
  g_test_add_func ("/Govorun/VoximplantClient/provider-code-helper", test_provider_code_helper);
  g_test_add_func ("/Govorun/VoximplantClient/no-secret-in-logs", test_no_secret_in_logs);

  return g_test_run ();
}
