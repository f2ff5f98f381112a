/* test-http.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestHttp"

#include "config.h"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "govorun-emulator.h"
#include "govorun-http-private.h"

/* A minimal emulator: the method is "<HTTP method> <path>". */
#define TEST_TYPE_EMULATOR (test_emulator_get_type ())
G_DECLARE_FINAL_TYPE (TestEmulator, test_emulator, TEST, EMULATOR, GovorunEmulator)

struct _TestEmulator
{
  GovorunEmulator parent_instance;

  /* Value of Retry-After on injected 429 answers; NULL for none. */
  char *retry_after;
};

G_DEFINE_FINAL_TYPE (TestEmulator, test_emulator, GOVORUN_TYPE_EMULATOR)

static char *
test_emulator_route (GovorunEmulator   *emulator,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *params)
{
  if (g_str_equal (path, "/missing"))
    return NULL;

  return g_strdup_printf ("%s %s", soup_server_message_get_method (msg), path);
}

/* Echoes the method and the parsed parameters. */
static void
test_emulator_handle (GovorunEmulator   *emulator,
                      SoupServerMessage *msg,
                      const char        *method,
                      GHashTable        *params)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  GHashTableIter iter;
  gpointer key, value;

  /* 20 MB of JSON, with a Content-Length or in chunks (no length known). */
  if (g_str_has_prefix (method, "GET /huge"))
    {
      gsize size = 20 * 1000 * 1000;
      char *text = g_malloc (size);

      memset (text, ' ', size);
      text[0] = '[';
      text[size - 1] = ']';
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      if (g_str_equal (method, "GET /huge-chunked"))
        {
          SoupMessageBody *body = soup_server_message_get_response_body (msg);

          soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                             SOUP_ENCODING_CHUNKED);
          for (gsize at = 0; at < size; at += 1000 * 1000)
            soup_message_body_append (body, SOUP_MEMORY_COPY, text + at, 1000 * 1000);
          soup_message_body_complete (body);
          g_free (text);
        }
      else
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, size);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, node);
}

/* A provider code comes back as HTTP 200 {"code":N}, as Voximplant does. */
static void
test_emulator_render_fault (GovorunEmulator    *emulator,
                            SoupServerMessage  *msg,
                            const char         *method,
                            const GovorunFault *fault)
{
  TestEmulator *self = TEST_EMULATOR (emulator);
  g_autofree char *json = g_strdup_printf ("{\"code\":%d}", fault->provider_code);

  if (fault->http_status == 429 && self->retry_after != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Retry-After", self->retry_after);

  govorun_emulator_respond_json_string (msg, fault->http_status ? fault->http_status : 200, json);
}

static void
test_emulator_finalize (GObject *object)
{
  TestEmulator *self = TEST_EMULATOR (object);

  g_free (self->retry_after);

  G_OBJECT_CLASS (test_emulator_parent_class)->finalize (object);
}

static void
test_emulator_class_init (TestEmulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunEmulatorClass *emulator_class = GOVORUN_EMULATOR_CLASS (klass);

  object_class->finalize = test_emulator_finalize;
  emulator_class->route = test_emulator_route;
  emulator_class->handle = test_emulator_handle;
  emulator_class->render_fault = test_emulator_render_fault;
}

static void
test_emulator_init (TestEmulator *self)
{
}

/* Debug output is captured so tests can check that nothing secret is logged. */
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
  TestEmulator *emulator;
  GovorunHttp  *http;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = g_object_new (TEST_TYPE_EMULATOR, NULL);
  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (fixture->emulator), &error));
  g_assert_no_error (error);

  fixture->http = govorun_http_new ();
  govorun_http_set_retry (fixture->http, 3, 10);
  govorun_http_set_timeout (fixture->http, 2000);

  g_string_truncate (log_capture, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->emulator);
}

typedef struct
{
  char  *method;
  char  *url;
  char  *body;     /* urlencoded form, or NULL */
  guint  made;     /* messages built so far */
} MessageSpec;

static void
message_spec_free (MessageSpec *spec)
{
  g_free (spec->method);
  g_free (spec->url);
  g_free (spec->body);
  g_free (spec);
}

static SoupMessage *
make_message (gpointer user_data)
{
  MessageSpec *spec = user_data;
  SoupMessage *msg;

  spec->made++;

  if (spec->url == NULL)
    return NULL;

  msg = soup_message_new (spec->method, spec->url);
  if (msg != NULL && spec->body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (spec->body, strlen (spec->body));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", bytes);
    }

  return msg;
}

typedef struct
{
  gboolean  done;
  GBytes   *body;
  guint     status;
  guint     attempts;
  GError   *error;
  gint64    elapsed_ms;
} Result;

static void
result_clear (Result *res)
{
  g_clear_pointer (&res->body, g_bytes_unref);
  g_clear_error (&res->error);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Result *res = user_data;

  res->body = govorun_http_send_finish (GOVORUN_HTTP (source), result,
                                        &res->status, &res->attempts, &res->error);
  res->done = TRUE;
}

typedef struct
{
  GovorunHttpRateLimitFunc  is_rate_limited;
  gpointer                  rate_limit_data;
  GCancellable             *cancellable;
  guint                     cancel_after_ms;
} SendOptions;

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
send_url (GovorunHttp       *http,
          const char        *method,
          const char        *url,
          const char        *body,
          GovorunHttpFlags   flags,
          const SendOptions *options,
          Result            *res)
{
  MessageSpec *spec = g_new0 (MessageSpec, 1);
  gint64 start = g_get_monotonic_time ();
  guint cancel_id = 0;

  spec->method = g_strdup (method);
  spec->url = g_strdup (url);
  spec->body = g_strdup (body);

  if (options != NULL && options->cancel_after_ms > 0)
    cancel_id = g_timeout_add (options->cancel_after_ms, cancel_cb, options->cancellable);

  govorun_http_send_async (http, make_message, spec, (GDestroyNotify) message_spec_free, flags,
                           options ? options->is_rate_limited : NULL,
                           options ? options->rate_limit_data : NULL,
                           options ? options->cancellable : NULL,
                           on_sent, res);
  while (!res->done)
    g_main_context_iteration (NULL, TRUE);

  if (cancel_id != 0 && !g_cancellable_is_cancelled (options->cancellable))
    g_source_remove (cancel_id);

  res->elapsed_ms = (g_get_monotonic_time () - start) / 1000;
}

static void
send_and_wait (Fixture           *fixture,
               const char        *method,
               const char        *path,
               GovorunHttpFlags   flags,
               const SendOptions *options,
               Result            *res)
{
  g_autofree char *url = g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (fixture->emulator)),
                                      path, NULL);

  send_url (fixture->http, method, url, NULL, flags, options, res);
}

static JsonObject *
parse_object (JsonParser *parser,
              GBytes     *body)
{
  gsize len;
  const char *text = g_bytes_get_data (body, &len);

  g_assert_true (json_parser_load_from_data (parser, text, len, NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_success (Fixture       *fixture,
              gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *url = NULL;
  Result res = { 0 };
  JsonObject *object;

  send_and_wait (fixture, "GET", "/hello?name=value", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);

  g_assert_no_error (res.error);
  g_assert_nonnull (res.body);
  g_assert_cmpuint (res.status, ==, 200);
  g_assert_cmpuint (res.attempts, ==, 1);

  object = parse_object (parser, res.body);
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "GET /hello");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "value");
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GET /hello"), ==, 1);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "*"), ==, 1);
  result_clear (&res);

  /* A form body is merged over the query string. */
  res = (Result) { 0 };
  url = g_strconcat (govorun_emulator_get_base_url (emulator), "/form?a=query&b=query", NULL);
  send_url (fixture->http, "POST", url, "b=body&c=%3Bx%20y", 0, NULL, &res);
  g_assert_no_error (res.error);
  object = parse_object (parser, res.body);
  g_assert_cmpstr (json_object_get_string_member (object, "a"), ==, "query");
  g_assert_cmpstr (json_object_get_string_member (object, "b"), ==, "body");
  g_assert_cmpstr (json_object_get_string_member (object, "c"), ==, ";x y");
  result_clear (&res);

  /* Unrouted paths get a plain 404, which is an answer, not an error. */
  res = (Result) { 0 };
  send_and_wait (fixture, "GET", "/missing", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 404);
  g_assert_cmpuint (res.attempts, ==, 1);
  result_clear (&res);

  govorun_emulator_reset_counts (emulator);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "*"), ==, 0);

  g_assert_nonnull (strstr (log_capture->str, "/hello"));
}

static void
test_server_error_retried (Fixture       *fixture,
                           gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .http_status = 503, .times = 2 };
  Result res = { 0 };

  govorun_emulator_add_fault (emulator, "GET /flaky", &fault);
  send_and_wait (fixture, "GET", "/flaky", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);

  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 200);
  g_assert_cmpuint (res.attempts, ==, 3);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GET /flaky"), ==, 3);
  result_clear (&res);

  /* When attempts run out the last answer is returned as it is. */
  fault.times = -1;
  fault.http_status = 500;
  govorun_emulator_add_fault (emulator, "GET /down", &fault);
  res = (Result) { 0 };
  send_and_wait (fixture, "GET", "/down", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_no_error (res.error);
  g_assert_nonnull (res.body);
  g_assert_cmpuint (res.status, ==, 500);
  g_assert_cmpuint (res.attempts, ==, 3);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GET /down"), ==, 3);
  result_clear (&res);
}

static void
test_server_error_not_retried (Fixture       *fixture,
                               gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .http_status = 503, .times = 1 };
  GovorunFault bad_request = { .http_status = 400, .times = 1 };
  Result res = { 0 };

  /* A mutation may have been carried out: never sent twice after 5xx. */
  govorun_emulator_add_fault (emulator, "POST /create", &fault);
  send_and_wait (fixture, "POST", "/create", GOVORUN_HTTP_FLAGS_NONE, NULL, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 503);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "POST /create"), ==, 1);
  result_clear (&res);

  /* 4xx other than 429 is final even for reads. */
  govorun_emulator_add_fault (emulator, "GET /bad", &bad_request);
  res = (Result) { 0 };
  send_and_wait (fixture, "GET", "/bad", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 400);
  g_assert_cmpuint (res.attempts, ==, 1);
  result_clear (&res);
}

static void
test_too_many_requests (Fixture       *fixture,
                        gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .http_status = 429, .times = 1 };
  Result res = { 0 };

  /* Retry-After (seconds) wins over the 10 ms backoff, even for a mutation. */
  fixture->emulator->retry_after = g_strdup ("1");
  govorun_emulator_add_fault (emulator, "POST /start", &fault);
  send_and_wait (fixture, "POST", "/start", GOVORUN_HTTP_FLAGS_NONE, NULL, &res);

  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 200);
  g_assert_cmpuint (res.attempts, ==, 2);
  g_assert_cmpint (res.elapsed_ms, >=, 950);
  g_assert_cmpint (res.elapsed_ms, <, 5000);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "POST /start"), ==, 2);
  result_clear (&res);

  /* Without Retry-After the backoff schedule applies; the last 429 is returned. */
  g_clear_pointer (&fixture->emulator->retry_after, g_free);
  fault.times = -1;
  govorun_emulator_add_fault (emulator, "POST /busy", &fault);
  res = (Result) { 0 };
  send_and_wait (fixture, "POST", "/busy", GOVORUN_HTTP_FLAGS_NONE, NULL, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 429);
  g_assert_cmpuint (res.attempts, ==, 3);
  g_assert_cmpint (res.elapsed_ms, <, 1000);
  result_clear (&res);
}

typedef struct
{
  guint calls;
  guint retry_after_ms;
} RateLimitData;

/* Recognises the test provider's documented rate-limit answer, code 340. */
static gboolean
is_rate_limited (SoupMessage *msg,
                 GBytes      *body,
                 guint       *retry_after_ms,
                 gpointer     user_data)
{
  RateLimitData *data = user_data;
  gsize len;
  const char *text = g_bytes_get_data (body, &len);
  g_autofree char *copy = g_strndup (text, len);

  g_assert_true (SOUP_IS_MESSAGE (msg));
  data->calls++;

  if (strstr (copy, "\"code\":340") != NULL)
    {
      *retry_after_ms = data->retry_after_ms;
      return TRUE;
    }

  return FALSE;
}

static void
test_provider_rate_limit (Fixture       *fixture,
                          gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .provider_code = 340, .times = 2 };
  RateLimitData limit = { .retry_after_ms = 300 };
  SendOptions options = { .is_rate_limited = is_rate_limited, .rate_limit_data = &limit };
  g_autoptr(JsonParser) parser = json_parser_new ();
  Result res = { 0 };

  govorun_emulator_add_fault (emulator, "POST /call", &fault);
  send_and_wait (fixture, "POST", "/call", GOVORUN_HTTP_FLAGS_NONE, &options, &res);

  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 200);
  g_assert_cmpuint (res.attempts, ==, 3);
  g_assert_cmpuint (limit.calls, ==, 2); /* the last answer is final */
  g_assert_cmpint (res.elapsed_ms, >=, 550);
  g_assert_cmpstr (json_object_get_string_member (parse_object (parser, res.body), "method"),
                   ==, "POST /call");
  result_clear (&res);

  /* Another provider code is not a rate limit. */
  fault = (GovorunFault) { .provider_code = 100, .times = 1 };
  govorun_emulator_add_fault (emulator, "POST /call", &fault);
  res = (Result) { 0 };
  send_and_wait (fixture, "POST", "/call", GOVORUN_HTTP_FLAGS_NONE, &options, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_false (json_object_has_member (parse_object (parser, res.body), "method"));
  result_clear (&res);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .delay_ms = 1500, .times = 1 };
  Result res = { 0 };

  govorun_http_set_timeout (fixture->http, 200);

  govorun_emulator_add_fault (emulator, "POST /slow", &fault);
  send_and_wait (fixture, "POST", "/slow", GOVORUN_HTTP_FLAGS_NONE, NULL, &res);
  g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_TIMEOUT);
  g_assert_null (res.body);
  g_assert_cmpuint (res.status, ==, 0);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_cmpint (res.elapsed_ms, <, 1000);
  g_assert_nonnull (strstr (res.error->message, "127.0.0.1"));
  result_clear (&res);

  /* The deadline is the whole request's: a read that used it up is not
   * tried again. */
  govorun_emulator_add_fault (emulator, "GET /slow", &fault);
  res = (Result) { 0 };
  send_and_wait (fixture, "GET", "/slow", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_TIMEOUT);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_cmpint (res.elapsed_ms, <, 1000);
  result_clear (&res);

  /* A read that failed quickly is retried within the deadline. */
  fault = (GovorunFault) { .http_status = 503, .times = 1 };
  govorun_emulator_add_fault (emulator, "GET /flaky", &fault);
  res = (Result) { 0 };
  send_and_wait (fixture, "GET", "/flaky", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 200);
  g_assert_cmpuint (res.attempts, ==, 2);
  result_clear (&res);
}

static gboolean
on_silent_accept (GSocketService     *service,
                  GSocketConnection  *connection,
                  GObject            *source_object,
                  gpointer            user_data)
{
  /* Keep the connection open and never answer. */
  g_ptr_array_add (user_data, g_object_ref (connection));
  return TRUE;
}

/* A server that accepts and never answers: one error when the whole
 * request's deadline passes, retries included, naming the time waited. */
static void
test_overall_deadline (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .http_status = 503, .times = -1 };
  Result res = { 0 };

  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &bound, &error));
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_silent_accept), held);
  g_socket_service_start (service);
  url = g_strdup_printf ("http://127.0.0.1:%u/platform_api/GetAccountInfo",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  govorun_http_set_timeout (fixture->http, 1600);
  govorun_http_set_retry (fixture->http, 3, 10);
  send_url (fixture->http, "GET", url, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);

  g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_TIMEOUT);
  g_assert_cmpint (res.elapsed_ms, >=, 1550);
  g_assert_cmpint (res.elapsed_ms, <, 2500);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_nonnull (strstr (res.error->message, "within 2 seconds"));
  result_clear (&res);

  /* No retry starts that could not begin before the deadline: the last
   * answer is the answer. */
  govorun_http_set_retry (fixture->http, 3, 5000);
  govorun_http_set_timeout (fixture->http, 1000);
  govorun_emulator_add_fault (emulator, "GET /busy", &fault);
  res = (Result) { 0 };
  send_and_wait (fixture, "GET", "/busy", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 503);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_cmpint (res.elapsed_ms, <, 900);
  result_clear (&res);

  g_socket_service_stop (service);
}

/* An answer over the limit is refused, whether its length is declared or
 * not, and never retried. */
static void
test_huge_answer (Fixture       *fixture,
                  gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  const char *paths[] = { "/huge", "/huge-chunked" };

  govorun_http_set_timeout (fixture->http, 20000);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *route = g_strconcat ("GET ", paths[i], NULL);
      Result res = { 0 };

      send_and_wait (fixture, "GET", paths[i], GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
      g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_TOO_LARGE);
      g_assert_null (res.body);
      g_assert_cmpuint (res.attempts, ==, 1);
      g_assert_cmpuint (govorun_emulator_get_request_count (emulator, route), ==, 1);
      g_assert_nonnull (strstr (res.error->message, "127.0.0.1"));
      g_assert_nonnull (strstr (res.error->message, "8.4\u00a0MB"));
      result_clear (&res);
    }

  /* A recording is media: its own, larger limit; read whole, with its
   * length declared (into a buffer of that size) or not (grown). */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      Result res = { 0 };
      const guint8 *bytes;
      gsize size;

      send_and_wait (fixture, "GET", paths[i],
                     GOVORUN_HTTP_FLAGS_IDEMPOTENT | GOVORUN_HTTP_FLAGS_MEDIA, NULL, &res);
      g_assert_no_error (res.error);
      bytes = g_bytes_get_data (res.body, &size);
      g_assert_cmpuint (size, ==, 20 * 1000 * 1000);
      g_assert_cmpint (bytes[0], ==, '[');
      g_assert_cmpint (bytes[1], ==, ' ');
      g_assert_cmpint (bytes[size - 1], ==, ']');
      result_clear (&res);
    }
}

static void
test_dropped_connection (Fixture       *fixture,
                         gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .drop_connection = TRUE, .times = 1 };
  Result res = { 0 };

  govorun_emulator_add_fault (emulator, "POST /drop", &fault);
  send_and_wait (fixture, "POST", "/drop", GOVORUN_HTTP_FLAGS_NONE, NULL, &res);
  g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_CONNECTION_LOST);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "POST /drop"), ==, 1);
  result_clear (&res);

  /* Dropped after a delay, on a fresh session (no reused connection). */
  g_clear_object (&fixture->http);
  fixture->http = govorun_http_new ();
  govorun_http_set_retry (fixture->http, 3, 10);
  fault.delay_ms = 100;
  govorun_emulator_add_fault (emulator, "GET /drop", &fault);
  res = (Result) { 0 };
  send_and_wait (fixture, "GET", "/drop", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 200);
  g_assert_cmpuint (res.attempts, ==, 2);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GET /drop"), ==, 2);
  result_clear (&res);
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  g_autofree char *url = NULL;
  Result res = { 0 };

  /* The port of a stopped server refuses connections. */
  url = g_strconcat (govorun_emulator_get_base_url (emulator),
                     "/platform_api/GetAccountInfo?account_id=1&api_key=SECRET-KEY-123", NULL);
  govorun_emulator_stop (emulator);
  g_assert_null (govorun_emulator_get_base_url (emulator));

  send_url (fixture->http, "GET", url, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_UNREACHABLE);
  g_assert_cmpuint (res.attempts, ==, 3);
  g_assert_nonnull (strstr (res.error->message, "127.0.0.1"));
  g_assert_null (strstr (res.error->message, "SECRET"));
  g_assert_null (strstr (res.error->message, "api_key"));
  g_assert_null (strstr (log_capture->str, "SECRET"));
  g_assert_null (strstr (log_capture->str, "api_key"));
  g_assert_nonnull (strstr (log_capture->str, "/platform_api/GetAccountInfo"));
  result_clear (&res);

  /* A mutation is not retried. */
  res = (Result) { 0 };
  send_url (fixture->http, "POST", url, "api_key=SECRET-KEY-123", GOVORUN_HTTP_FLAGS_NONE, NULL, &res);
  g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_UNREACHABLE);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_null (strstr (log_capture->str, "SECRET"));
  result_clear (&res);
}

static void
test_invalid_url (Fixture       *fixture,
                  gconstpointer  data)
{
  Result res = { 0 };

  /* make_message returns NULL for a NULL URL, as soup_message_new does for junk. */
  send_url (fixture->http, "GET", NULL, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_INVALID_URL);
  g_assert_cmpuint (res.attempts, ==, 0);
  result_clear (&res);

  res = (Result) { 0 };
  send_url (fixture->http, "GET", "not a url?api_key=SECRET", NULL,
            GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_INVALID_URL);
  g_assert_null (strstr (res.error->message, "SECRET"));
  result_clear (&res);
}

static void
test_cancel_during_backoff (Fixture       *fixture,
                            gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .http_status = 503, .times = -1 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  SendOptions options = { .cancellable = cancellable, .cancel_after_ms = 200 };
  Result res = { 0 };

  /* The wait must fit in the deadline, or it would not start. */
  govorun_http_set_timeout (fixture->http, 20000);
  govorun_http_set_retry (fixture->http, 5, 5000);
  govorun_emulator_add_fault (emulator, "GET /flaky", &fault);
  send_and_wait (fixture, "GET", "/flaky", GOVORUN_HTTP_FLAGS_IDEMPOTENT, &options, &res);

  g_assert_error (res.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_cmpint (res.elapsed_ms, <, 1500);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GET /flaky"), ==, 1);
  result_clear (&res);
}

static void
test_cancel_during_request (Fixture       *fixture,
                            gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .delay_ms = 3000, .times = 1 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  SendOptions options = { .cancellable = cancellable, .cancel_after_ms = 100 };
  Result res = { 0 };

  govorun_http_set_timeout (fixture->http, 10000);
  govorun_emulator_add_fault (emulator, "GET /slow", &fault);
  send_and_wait (fixture, "GET", "/slow", GOVORUN_HTTP_FLAGS_IDEMPOTENT, &options, &res);

  g_assert_error (res.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_cmpint (res.elapsed_ms, <, 1500);
  result_clear (&res);

  /* Already cancelled: nothing is sent. */
  res = (Result) { 0 };
  options.cancel_after_ms = 0;
  send_and_wait (fixture, "GET", "/hello", GOVORUN_HTTP_FLAGS_IDEMPOTENT, &options, &res);
  g_assert_error (res.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (res.attempts, ==, 0);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GET /hello"), ==, 0);
  result_clear (&res);
}

static void
make_self_signed (char **cert_pem,
                  char **key_pem)
{
  gnutls_x509_privkey_t key;
  gnutls_x509_crt_t crt;
  gnutls_datum_t out = { 0 };
  time_t now = time (NULL);
  unsigned char serial[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

  g_assert_cmpint (gnutls_x509_privkey_init (&key), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                                 GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_version (crt, 3), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (crt, now - 3600), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (crt, now + 3600), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                                  "127.0.0.1", strlen ("127.0.0.1")), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key (crt, key), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), ==, 0);

  g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), ==, 0);
  *cert_pem = g_strndup ((char *) out.data, out.size);
  gnutls_free (out.data);

  g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                                      GNUTLS_PKCS_PLAIN, &out), ==, 0);
  *key_pem = g_strndup ((char *) out.data, out.size);
  gnutls_free (out.data);

  gnutls_x509_crt_deinit (crt);
  gnutls_x509_privkey_deinit (key);
}

static void
on_tls_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  guint *count = user_data;

  (*count)++;
  govorun_emulator_respond_json_string (msg, SOUP_STATUS_OK, "{}");
}

static void
test_tls (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;
  guint count = 0;
  Result res = { 0 };

  make_self_signed (&cert_pem, &key_pem);
  pem = g_strconcat (cert_pem, key_pem, NULL);
  certificate = g_tls_certificate_new_from_pem (pem, -1, &error);
  g_assert_no_error (error);

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, on_tls_request, &count, NULL);
  g_assert_true (soup_server_listen_local (server, 0,
                                           SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  url = g_strdup_printf ("https://127.0.0.1:%d/secure?api_key=SECRET",
                         g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* Never retried, even for a read: a bad certificate does not heal. */
  send_url (fixture->http, "GET", url, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_error (res.error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_TLS);
  g_assert_cmpuint (res.attempts, ==, 1);
  g_assert_cmpuint (count, ==, 0);
  g_assert_nonnull (strstr (res.error->message, "127.0.0.1"));
  g_assert_null (strstr (res.error->message, "SECRET"));
  result_clear (&res);

  soup_server_disconnect (server);
}

static void
test_fault_order (Fixture       *fixture,
                  gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault first = { .http_status = 502, .times = 1 };
  GovorunFault second = { .http_status = 504, .times = 1 };
  GovorunFault any = { .http_status = 418, .times = 1 };
  guint statuses[4];

  govorun_http_set_retry (fixture->http, 1, 10);

  /* Method-specific faults come first, in the order added, then "*". */
  govorun_emulator_add_fault (emulator, "*", &any);
  govorun_emulator_add_fault (emulator, "GET /x", &first);
  govorun_emulator_add_fault (emulator, "GET /x", &second);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      Result res = { 0 };

      send_and_wait (fixture, "GET", "/x", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
      g_assert_no_error (res.error);
      statuses[i] = res.status;
      result_clear (&res);
    }

  g_assert_cmpuint (statuses[0], ==, 502);
  g_assert_cmpuint (statuses[1], ==, 504);
  g_assert_cmpuint (statuses[2], ==, 418);
  g_assert_cmpuint (statuses[3], ==, 200);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GET /x"), ==, 4);

  /* Cleared faults no longer apply. */
  govorun_emulator_add_fault (emulator, "*", &any);
  govorun_emulator_clear_faults (emulator);
  {
    Result res = { 0 };

    send_and_wait (fixture, "GET", "/x", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
    g_assert_cmpuint (res.status, ==, 200);
    result_clear (&res);
  }
}

static void
test_latency (Fixture       *fixture,
              gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  Result res = { 0 };

  govorun_emulator_set_latency (emulator, 150);
  send_and_wait (fixture, "GET", "/hello", GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 200);
  g_assert_cmpint (res.elapsed_ms, >=, 140);
  result_clear (&res);
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

  ADD ("/Govorun/Http/success", test_success);
  ADD ("/Govorun/Http/server-error-retried", test_server_error_retried);
  ADD ("/Govorun/Http/server-error-not-retried", test_server_error_not_retried);
  ADD ("/Govorun/Http/too-many-requests", test_too_many_requests);
  ADD ("/Govorun/Http/provider-rate-limit", test_provider_rate_limit);
  ADD ("/Govorun/Http/timeout", test_timeout);
  ADD ("/Govorun/Http/overall-deadline", test_overall_deadline);
  ADD ("/Govorun/Http/huge-answer", test_huge_answer);
  ADD ("/Govorun/Http/dropped-connection", test_dropped_connection);
  ADD ("/Govorun/Http/unreachable", test_unreachable);
  ADD ("/Govorun/Http/invalid-url", test_invalid_url);
  ADD ("/Govorun/Http/cancel-during-backoff", test_cancel_during_backoff);
  ADD ("/Govorun/Http/cancel-during-request", test_cancel_during_request);
  ADD ("/Govorun/Http/tls", test_tls);
  ADD ("/Govorun/Emulator/fault-order", test_fault_order);
  ADD ("/Govorun/Emulator/latency", test_latency);

#undef ADD

  return g_test_run ();
}
