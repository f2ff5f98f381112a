/* test-http.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestHttp"

#include "config.h"

#include "govorun-emulator.h"
#include "govorun-http.h"

/* A minimal emulator: the method is "<HTTP method> <path>". */
#define TEST_TYPE_EMULATOR (test_emulator_get_type ())
G_DECLARE_FINAL_TYPE (TestEmulator, test_emulator, TEST, EMULATOR, GovorunEmulator)

struct _TestEmulator
{
  GovorunEmulator parent_instance;
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

static void
test_emulator_class_init (TestEmulatorClass *klass)
{
  GovorunEmulatorClass *emulator_class = GOVORUN_EMULATOR_CLASS (klass);

  emulator_class->route = test_emulator_route;
  emulator_class->handle = test_emulator_handle;
}

static void
test_emulator_init (TestEmulator *self)
{
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
  char       *method;
  char       *url;
} MessageSpec;

static void
message_spec_free (MessageSpec *spec)
{
  g_free (spec->method);
  g_free (spec->url);
  g_free (spec);
}

static SoupMessage *
make_message (gpointer user_data)
{
  MessageSpec *spec = user_data;

  return soup_message_new (spec->method, spec->url);
}

typedef struct
{
  gboolean  done;
  GBytes   *body;
  guint     status;
  guint     attempts;
  GError   *error;
} Result;

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

static void
send_and_wait (Fixture          *fixture,
               const char       *method,
               const char       *path,
               GovorunHttpFlags  flags,
               Result           *res)
{
  MessageSpec *spec = g_new0 (MessageSpec, 1);

  spec->method = g_strdup (method);
  spec->url = g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (fixture->emulator)),
                           path, NULL);

  govorun_http_send_async (fixture->http, make_message, spec,
                           (GDestroyNotify) message_spec_free, flags,
                           NULL, NULL, NULL, on_sent, res);
  while (!res->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
result_clear (Result *res)
{
  g_clear_pointer (&res->body, g_bytes_unref);
  g_clear_error (&res->error);
}

static void
test_success (Fixture       *fixture,
              gconstpointer  data)
{
  Result res = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  gsize len;
  const char *text;

  send_and_wait (fixture, "GET", "/hello?name=value", GOVORUN_HTTP_FLAGS_IDEMPOTENT, &res);

  g_assert_no_error (res.error);
  g_assert_nonnull (res.body);
  g_assert_cmpuint (res.status, ==, 200);
  g_assert_cmpuint (res.attempts, ==, 1);

  text = g_bytes_get_data (res.body, &len);
  g_assert_true (json_parser_load_from_data (parser, text, len, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "method"), ==, "GET /hello");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "value");
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (fixture->emulator), "GET /hello"), ==, 1);

  result_clear (&res);
}

static void
test_server_error_retried (Fixture       *fixture,
                           gconstpointer  data)
{
  GovorunEmulator *emulator = GOVORUN_EMULATOR (fixture->emulator);
  GovorunFault fault = { .http_status = 503, .times = 2 };
  Result res = { 0 };

  govorun_emulator_add_fault (emulator, "GET /flaky", &fault);
  send_and_wait (fixture, "GET", "/flaky", GOVORUN_HTTP_FLAGS_IDEMPOTENT, &res);

  g_assert_no_error (res.error);
  g_assert_cmpuint (res.status, ==, 200);
  g_assert_cmpuint (res.attempts, ==, 3);
  g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "GET /flaky"), ==, 3);

  result_clear (&res);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Govorun/Http/success", Fixture, NULL,
              fixture_setup, test_success, fixture_teardown);
  g_test_add ("/Govorun/Http/server-error-retried", Fixture, NULL,
              fixture_setup, test_server_error_retried, fixture_teardown);

  return g_test_run ();
}
