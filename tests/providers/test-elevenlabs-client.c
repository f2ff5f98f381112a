/* test-elevenlabs-client.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestElevenlabs"

#include "config.h"

#include "govorun-elevenlabs-agents.h"
#include "govorun-elevenlabs-client.h"
#include "govorun-elevenlabs-emulator.h"
#include "govorun-elevenlabs-user.h"
#include "govorun-http-private.h"
#include "test-util.h"

/* The client against the ElevenLabs emulator over real loopback HTTP, plus a
 * tiny SoupServer for answers the emulator never gives (malformed bodies). */

#define FULL_KEY   "sk_test_full_5c1e0f2a9b7d4e6f8a3b91c2"
#define SCOPED_KEY "sk_test_scoped_7d2e4f6a8b0c1d3e5f7081"
#define BAD_KEY    "sk_test_unknown_00c0ffee00c0ffee0000"

#define M_LIST  "GET /v1/convai/agents"
#define M_AGENT "GET /v1/convai/agents/{id}"
#define M_PATCH "PATCH /v1/convai/agents/{id}"
#define M_USER  "GET /v1/user"
#define M_SUB   "GET /v1/user/subscription"

static const char *const secrets[] = { FULL_KEY, SCOPED_KEY, BAD_KEY, NULL };

/* Every log message, debug included, to check no key is ever logged. */
static GString *log_capture;

/* The tiny server: answers every request with the status and body set last,
 * and remembers the request URIs. */
typedef struct
{
  SoupServer *server;
  char       *base_url;
  guint       status;
  char       *body;
  GPtrArray  *uris;
} RawServer;

typedef struct
{
  GovorunElevenlabsEmulator *emulator;
  GovorunHttp               *http;
  GovorunElevenlabsClient   *client;
  RawServer                  raw;
} Fixture;

static void
on_raw_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  RawServer *raw = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *q = g_uri_get_query (uri);

  g_ptr_array_add (raw->uris, g_strconcat (g_uri_get_path (uri), q ? "?" : "", q, NULL));

  soup_server_message_set_status (msg, raw->status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    raw->body, strlen (raw->body));
}

static void
raw_server_start (RawServer *raw)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  raw->server = soup_server_new (NULL, NULL);
  raw->uris = g_ptr_array_new_with_free_func (g_free);
  raw->status = 200;
  raw->body = g_strdup ("{}");
  soup_server_add_handler (raw->server, NULL, on_raw_request, raw, NULL);
  g_assert_true (soup_server_listen_local (raw->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (raw->server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  raw->base_url = url;
}

static void
raw_server_set (RawServer  *raw,
                guint       status,
                const char *body)
{
  raw->status = status;
  g_free (raw->body);
  raw->body = g_strdup (body);
}

static void
raw_server_stop (RawServer *raw)
{
  if (raw->server != NULL)
    soup_server_disconnect (raw->server);
  g_clear_object (&raw->server);
  g_clear_pointer (&raw->base_url, g_free);
  g_clear_pointer (&raw->body, g_free);
  g_clear_pointer (&raw->uris, g_ptr_array_unref);
}

static void
assert_no_secret_in (const char *where,
                     const char *text)
{
  for (guint i = 0; secrets[i] != NULL; i++)
    if (text != NULL && strstr (text, secrets[i]) != NULL)
      g_error ("A key appeared in %s: %s", where, text);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = govorun_elevenlabs_emulator_new ();
  govorun_elevenlabs_emulator_add_key (fixture->emulator, FULL_KEY, TRUE);
  govorun_elevenlabs_emulator_add_key (fixture->emulator, SCOPED_KEY, FALSE);
  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (fixture->emulator), &error));
  g_assert_no_error (error);

  fixture->http = govorun_http_new ();
  govorun_http_set_retry (fixture->http, 3, 5);
  govorun_http_set_timeout (fixture->http, 3000);

  fixture->client = govorun_elevenlabs_client_new (fixture->http,
                                                   govorun_emulator_get_base_url (GOVORUN_EMULATOR (fixture->emulator)),
                                                   FULL_KEY);
  raw_server_start (&fixture->raw);

  g_string_truncate (log_capture, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(GStrv) uris = govorun_elevenlabs_emulator_dup_request_uris (fixture->emulator);

  /* Whatever the test did: no key in a URL or in the log. */
  for (guint i = 0; uris[i] != NULL; i++)
    assert_no_secret_in ("a request URI", uris[i]);
  for (guint i = 0; i < fixture->raw.uris->len; i++)
    assert_no_secret_in ("a request URI", g_ptr_array_index (fixture->raw.uris, i));
  assert_no_secret_in ("the log", log_capture->str);

  g_clear_object (&fixture->client);
  g_clear_object (&fixture->http);
  govorun_emulator_stop (GOVORUN_EMULATOR (fixture->emulator));
  g_clear_object (&fixture->emulator);
  raw_server_stop (&fixture->raw);
}

/* Async plumbing */

/* The result, taken out of its slot. */
static GAsyncResult *
wait_steal (GAsyncResult **slot)
{
  test_util_wait (slot);
  return g_steal_pointer (slot);
}

static GovorunElevenlabsAgentPage *
list_agents (GovorunElevenlabsClient *client,
             const char              *cursor,
             guint                    page_size,
             const char              *search,
             GCancellable            *cancellable,
             GError                 **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  govorun_elevenlabs_client_list_agents_async (client, cursor, page_size, search, cancellable,
                                               test_util_on_result, &slot);
  result = wait_steal (&slot);
  return govorun_elevenlabs_client_list_agents_finish (client, result, error);
}

static GovorunElevenlabsAgent *
get_agent (GovorunElevenlabsClient *client,
           const char              *agent_id,
           GCancellable            *cancellable,
           GError                 **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  govorun_elevenlabs_client_get_agent_async (client, agent_id, cancellable, test_util_on_result, &slot);
  result = wait_steal (&slot);
  return govorun_elevenlabs_client_get_agent_finish (client, result, error);
}

static GovorunElevenlabsSubscription *
get_subscription (GovorunElevenlabsClient *client,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  govorun_elevenlabs_client_get_subscription_async (client, cancellable, test_util_on_result, &slot);
  result = wait_steal (&slot);
  return govorun_elevenlabs_client_get_subscription_finish (client, result, error);
}

static GovorunElevenlabsConnectionInfo *
test_connection (GovorunElevenlabsClient *client,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  govorun_elevenlabs_client_test_connection_async (client, cancellable, test_util_on_result, &slot);
  result = wait_steal (&slot);
  return govorun_elevenlabs_client_test_connection_finish (client, result, error);
}

static GovorunElevenlabsClient *
client_with_key (Fixture    *fixture,
                 const char *key)
{
  return govorun_elevenlabs_client_new (fixture->http,
                                        govorun_emulator_get_base_url (GOVORUN_EMULATOR (fixture->emulator)),
                                        key);
}

static GovorunElevenlabsClient *
raw_client (Fixture *fixture)
{
  /* A trailing slash must not matter. */
  return govorun_elevenlabs_client_new (fixture->http, fixture->raw.base_url, FULL_KEY);
}

static void
add_agents (Fixture *fixture,
            guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Agent %u", i);
      g_autofree char *id = govorun_elevenlabs_emulator_add_agent (fixture->emulator, name, NULL, NULL);
    }
}

static guint
count (Fixture    *fixture,
       const char *method)
{
  return govorun_emulator_get_request_count (GOVORUN_EMULATOR (fixture->emulator), method);
}

static void
add_fault (Fixture *fixture,
           const char *method,
           guint    http_status,
           gboolean drop,
           guint    delay_ms,
           int      times)
{
  GovorunFault fault = { 0 };

  fault.http_status = http_status;
  fault.drop_connection = drop;
  fault.delay_ms = delay_ms;
  fault.times = times;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (fixture->emulator), method, &fault);
}

static void
assert_agent_id (const char *id)
{
  g_assert_true (g_str_has_prefix (id, "agent_"));
  g_assert_cmpuint (strlen (id), ==, strlen ("agent_") + 26);
  for (const char *p = id + strlen ("agent_"); *p != '\0'; p++)
    g_assert_true (g_ascii_isdigit (*p) || g_ascii_islower (*p));
}

/* Regions */

static void
test_regions (void)
{
  static const struct { GovorunElevenlabsRegion region; const char *id; const char *url; } expected[] = {
    { GOVORUN_ELEVENLABS_REGION_GLOBAL, "global", "https://api.elevenlabs.io" },
    { GOVORUN_ELEVENLABS_REGION_US, "us", "https://api.us.elevenlabs.io" },
    { GOVORUN_ELEVENLABS_REGION_EU, "eu-residency", "https://api.eu.residency.elevenlabs.io" },
    { GOVORUN_ELEVENLABS_REGION_IN, "in-residency", "https://api.in.residency.elevenlabs.io" },
    { GOVORUN_ELEVENLABS_REGION_SG, "sg-residency", "https://api.sg.residency.elevenlabs.io" },
  };
  GovorunElevenlabsRegion region = GOVORUN_ELEVENLABS_REGION_US;

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, GOVORUN_ELEVENLABS_N_REGIONS);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GovorunElevenlabsRegion parsed = GOVORUN_ELEVENLABS_REGION_GLOBAL;
      const char *label;

      g_assert_cmpstr (govorun_elevenlabs_region_to_string (expected[i].region), ==, expected[i].id);
      g_assert_true (govorun_elevenlabs_region_from_string (expected[i].id, &parsed));
      g_assert_cmpint (parsed, ==, expected[i].region);
      g_assert_cmpstr (govorun_elevenlabs_region_get_base_url (expected[i].region), ==, expected[i].url);

      label = govorun_elevenlabs_region_get_label (expected[i].region);
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
    }

  g_assert_cmpstr (govorun_elevenlabs_region_get_label (GOVORUN_ELEVENLABS_REGION_EU), ==, "EU residency");
  g_assert_cmpstr (govorun_elevenlabs_region_get_label (GOVORUN_ELEVENLABS_REGION_GLOBAL), ==, "Global (nearest)");

  /* Unknown strings leave the output alone. */
  g_assert_false (govorun_elevenlabs_region_from_string ("eu", &region));
  g_assert_false (govorun_elevenlabs_region_from_string ("", &region));
  g_assert_false (govorun_elevenlabs_region_from_string ("GLOBAL", &region));
  g_assert_false (govorun_elevenlabs_region_from_string (NULL, &region));
  g_assert_cmpint (region, ==, GOVORUN_ELEVENLABS_REGION_US);
  g_assert_true (govorun_elevenlabs_region_from_string ("in-residency", NULL));
}

/* Agents */

static void
test_list_paging (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  g_auto(GStrv) uris = NULL;
  guint sizes[3] = { 0 };
  char *newest = NULL;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Agent %u", i);
      char *id = govorun_elevenlabs_emulator_add_agent (fixture->emulator, name, "Hi", "en");

      assert_agent_id (id);
      g_assert_false (g_hash_table_contains (added, id));
      if (i == 6)
        newest = id;
      g_hash_table_add (added, id);
    }

  for (guint page_no = 0; page_no < 3; page_no++)
    {
      g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
      g_autoptr(GError) error = NULL;

      page = list_agents (fixture->client, cursor, 3, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (page);

      sizes[page_no] = page->agents->len;
      g_assert_cmpint (page->has_more, ==, page_no < 2);
      if (page_no < 2)
        g_assert_nonnull (page->next_cursor);
      else
        g_assert_null (page->next_cursor);

      for (guint i = 0; i < page->agents->len; i++)
        {
          GovorunElevenlabsAgentSummary *summary = g_ptr_array_index (page->agents, i);

          assert_agent_id (summary->agent_id);
          g_assert_true (g_hash_table_contains (added, summary->agent_id));
          g_assert_false (g_hash_table_contains (seen, summary->agent_id));
          g_hash_table_add (seen, g_strdup (summary->agent_id));
          g_assert_true (g_str_has_prefix (summary->name, "Agent "));
          g_assert_nonnull (summary->tags);
          g_assert_cmpuint (g_strv_length (summary->tags), ==, 0);
          g_assert_cmpstr (summary->access_role, ==, "admin");
          g_assert_cmpint (summary->created_at_unix_secs, >, 1700000000);
        }

      /* Newest first, like the dashboard. */
      if (page_no == 0)
        g_assert_cmpstr (((GovorunElevenlabsAgentSummary *) g_ptr_array_index (page->agents, 0))->agent_id, ==, newest);

      g_free (cursor);
      cursor = g_strdup (page->next_cursor);
    }

  g_assert_cmpuint (sizes[0], ==, 3);
  g_assert_cmpuint (sizes[1], ==, 3);
  g_assert_cmpuint (sizes[2], ==, 1);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 7);
  g_assert_cmpuint (count (fixture, M_LIST), ==, 3);

  uris = govorun_elevenlabs_emulator_dup_request_uris (fixture->emulator);
  g_assert_cmpuint (g_strv_length (uris), ==, 3);
  g_assert_cmpstr (uris[0], ==, "/v1/convai/agents?page_size=3");
  g_assert_true (g_str_has_prefix (uris[1], "/v1/convai/agents?page_size=3&cursor="));
}

static void
test_list_default_page_size (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GovorunElevenlabsAgentPage) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uris = NULL;

  /* No agents: an empty first page. */
  empty = list_agents (fixture->client, NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->agents->len, ==, 0);
  g_assert_false (empty->has_more);
  g_assert_null (empty->next_cursor);

  add_agents (fixture, 35);
  page = list_agents (fixture->client, NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->agents->len, ==, 30);
  g_assert_true (page->has_more);

  uris = govorun_elevenlabs_emulator_dup_request_uris (fixture->emulator);
  g_assert_cmpstr (uris[1], ==, "/v1/convai/agents");
}

static void
test_list_search (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *names[] = { "Reception (clinic)", "Hotel concierge", "RECEPTION desk",
                          "Запись в КЛИНИКУ", "Sales & Support" };
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (govorun_elevenlabs_emulator_add_agent (fixture->emulator, names[i], NULL, NULL));

  page = list_agents (fixture->client, NULL, 0, "reception", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->agents->len, ==, 2);
  g_assert_cmpstr (((GovorunElevenlabsAgentSummary *) g_ptr_array_index (page->agents, 0))->name, ==, "RECEPTION desk");
  g_assert_cmpstr (((GovorunElevenlabsAgentSummary *) g_ptr_array_index (page->agents, 1))->name, ==, "Reception (clinic)");
  g_clear_pointer (&page, govorun_elevenlabs_agent_page_free);

  /* Case-insensitive beyond ASCII. */
  page = list_agents (fixture->client, NULL, 0, "клинику", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->agents->len, ==, 1);
  g_assert_cmpstr (((GovorunElevenlabsAgentSummary *) g_ptr_array_index (page->agents, 0))->name, ==, "Запись в КЛИНИКУ");
  g_clear_pointer (&page, govorun_elevenlabs_agent_page_free);

  /* Characters with a meaning in a query string are escaped. */
  page = list_agents (fixture->client, NULL, 0, "s & s", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->agents->len, ==, 1);
  g_assert_cmpstr (((GovorunElevenlabsAgentSummary *) g_ptr_array_index (page->agents, 0))->name, ==, "Sales & Support");
  g_clear_pointer (&page, govorun_elevenlabs_agent_page_free);

  page = list_agents (fixture->client, NULL, 0, "nobody", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->agents->len, ==, 0);
  g_assert_false (page->has_more);
  g_clear_pointer (&page, govorun_elevenlabs_agent_page_free);

  /* Search and paging together. */
  page = list_agents (fixture->client, NULL, 1, "RECEPTION", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->agents->len, ==, 1);
  g_assert_true (page->has_more);
  {
    g_autoptr(GovorunElevenlabsAgentPage) second = NULL;

    second = list_agents (fixture->client, page->next_cursor, 1, "RECEPTION", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (second->agents->len, ==, 1);
    g_assert_false (second->has_more);
    g_assert_cmpstr (((GovorunElevenlabsAgentSummary *) g_ptr_array_index (second->agents, 0))->name, ==, "Reception (clinic)");
  }
}

static void
test_list_validation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GError) error = NULL;

  add_agents (fixture, 2);

  page = list_agents (fixture->client, NULL, 101, NULL, NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION);
  g_assert_null (page);
  /* The first item's loc and msg are shown. */
  g_assert_nonnull (strstr (error->message, "query.page_size: Input should be less than or equal to 100"));
  g_clear_error (&error);

  page = list_agents (fixture->client, "not a cursor", 10, NULL, NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "query.cursor"));
  g_clear_error (&error);

  /* 422 is not retried. */
  g_assert_cmpuint (count (fixture, M_LIST), ==, 2);

  page = list_agents (fixture->client, NULL, 100, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->agents->len, ==, 2);
}

static void
test_get_agent (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *plain_id = NULL;
  g_autoptr(GovorunElevenlabsAgent) agent = NULL;
  g_autoptr(GovorunElevenlabsAgent) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uris = NULL;

  id = govorun_elevenlabs_emulator_add_agent (fixture->emulator, "Reception",
                                              "Здравствуйте, {{customer_name}}! Заказ {{ order_id }}, {{system__time_utc}}.",
                                              "ru");
  plain_id = govorun_elevenlabs_emulator_add_agent (fixture->emulator, "Plain", NULL, NULL);

  agent = get_agent (fixture->client, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agent->agent_id, ==, id);
  g_assert_cmpstr (agent->name, ==, "Reception");
  g_assert_cmpstr (agent->first_message, ==, "Здравствуйте, {{customer_name}}! Заказ {{ order_id }}, {{system__time_utc}}.");
  g_assert_cmpstr (agent->language, ==, "ru");
  g_assert_cmpuint (g_strv_length (agent->dynamic_variable_names), ==, 2);
  g_assert_cmpstr (agent->dynamic_variable_names[0], ==, "customer_name");
  g_assert_cmpstr (agent->dynamic_variable_names[1], ==, "order_id");
  g_assert_cmpstr (agent->agent_output_audio_format, ==, "pcm_16000");
  g_assert_cmpstr (agent->user_input_audio_format, ==, "pcm_16000");

  plain = get_agent (fixture->client, plain_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain->first_message, ==, "");
  g_assert_cmpstr (plain->language, ==, "en");
  g_assert_nonnull (plain->dynamic_variable_names);
  g_assert_cmpuint (g_strv_length (plain->dynamic_variable_names), ==, 0);

  /* A missing agent */
  g_clear_pointer (&agent, govorun_elevenlabs_agent_free);
  agent = get_agent (fixture->client, "agent_00000000000000000000000000", NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NOT_FOUND);
  g_assert_null (agent);
  g_clear_error (&error);

  /* An ID cannot leave its path segment. */
  agent = get_agent (fixture->client, "a b?x=1#y", NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NOT_FOUND);
  /* The emulator saw the whole ID as the segment, and said so. */
  g_assert_nonnull (strstr (error->message, "Agent with id a b?x=1#y was not found."));
  g_clear_error (&error);

  uris = govorun_elevenlabs_emulator_dup_request_uris (fixture->emulator);
  g_assert_cmpuint (g_strv_length (uris), ==, 4);
  /* libsoup's server hands over the decoded path; no query was made. */
  g_assert_cmpstr (uris[3], ==, "/v1/convai/agents/a b?x=1#y");
  g_assert_cmpuint (count (fixture, M_AGENT), ==, 4);
  g_assert_cmpuint (count (fixture, M_USER), ==, 0);
}

/* Updating an agent's audio formats (PATCH) */

static GovorunElevenlabsAgent *
update_audio (GovorunElevenlabsClient *client,
              const char              *agent_id,
              const char              *input_format,
              const char              *output_format,
              GCancellable            *cancellable,
              GError                 **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  govorun_elevenlabs_client_update_agent_audio_async (client, agent_id, input_format, output_format,
                                                      cancellable, test_util_on_result, &slot);
  result = wait_steal (&slot);
  return govorun_elevenlabs_client_update_agent_audio_finish (client, result, error);
}

static void
on_raw_sent (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Sends @method @path with a JSON @body straight to the emulator (as
 * another client would) and returns the parsed answer. */
static JsonNode *
emulator_request (Fixture    *fixture,
                  const char *method,
                  const char *path,
                  const char *body,
                  guint      *status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (fixture->emulator)),
                                      path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  JsonNode *node;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "xi-api-key", FULL_KEY);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_raw_sent, &slot);
  result = wait_steal (&slot);
  answer = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);

  *status = soup_message_get_status (msg);
  node = json_from_string (g_bytes_get_data (answer, NULL), &error);
  g_assert_no_error (error);

  return node;
}

static void
test_update_agent_audio (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(GovorunElevenlabsAgent) agent = NULL;
  g_autoptr(GovorunElevenlabsAgent) again = NULL;
  g_autoptr(GError) error = NULL;

  id = govorun_elevenlabs_emulator_add_agent (fixture->emulator, "Telephony", "Алло, {{name}}?", "ru");
  g_assert_true (govorun_elevenlabs_emulator_set_agent_audio (fixture->emulator, id, "ulaw_8000", "pcm_8000"));
  g_assert_false (govorun_elevenlabs_emulator_set_agent_audio (fixture->emulator, "agent_nobody", "pcm_8000", NULL));

  agent = get_agent (fixture->client, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agent->user_input_audio_format, ==, "ulaw_8000");
  g_assert_cmpstr (agent->agent_output_audio_format, ==, "pcm_8000");
  g_clear_pointer (&agent, govorun_elevenlabs_agent_free);

  /* Both to 16 kHz PCM: the answer is the whole agent, the rest unchanged. */
  agent = update_audio (fixture->client, id, "pcm_16000", "pcm_16000", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agent->agent_id, ==, id);
  g_assert_cmpstr (agent->user_input_audio_format, ==, "pcm_16000");
  g_assert_cmpstr (agent->agent_output_audio_format, ==, "pcm_16000");
  g_assert_cmpstr (agent->name, ==, "Telephony");
  g_assert_cmpstr (agent->first_message, ==, "Алло, {{name}}?");
  g_assert_cmpstr (agent->language, ==, "ru");
  g_assert_cmpuint (g_strv_length (agent->dynamic_variable_names), ==, 1);
  g_assert_cmpuint (count (fixture, M_PATCH), ==, 1);

  /* Kept by the server. */
  again = get_agent (fixture->client, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->user_input_audio_format, ==, "pcm_16000");
  g_assert_cmpstr (again->agent_output_audio_format, ==, "pcm_16000");
  g_clear_pointer (&again, govorun_elevenlabs_agent_free);

  /* One of the two: the other stays. */
  g_clear_pointer (&agent, govorun_elevenlabs_agent_free);
  agent = update_audio (fixture->client, id, NULL, "ulaw_8000", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agent->user_input_audio_format, ==, "pcm_16000");
  g_assert_cmpstr (agent->agent_output_audio_format, ==, "ulaw_8000");
  g_clear_pointer (&agent, govorun_elevenlabs_agent_free);
  agent = update_audio (fixture->client, id, "pcm_24000", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agent->user_input_audio_format, ==, "pcm_24000");
  g_assert_cmpstr (agent->agent_output_audio_format, ==, "ulaw_8000");
  g_clear_pointer (&agent, govorun_elevenlabs_agent_free);

  /* A format outside the enum never leaves the computer. */
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (fixture->emulator));
  g_assert_false (govorun_elevenlabs_audio_format_is_valid ("pcm_17000"));
  g_assert_false (govorun_elevenlabs_audio_format_is_valid ("PCM_16000"));
  g_assert_false (govorun_elevenlabs_audio_format_is_valid (NULL));
  g_assert_true (govorun_elevenlabs_audio_format_is_valid ("ulaw_8000"));
  agent = update_audio (fixture->client, id, "pcm_17000", "pcm_16000", NULL, &error);
  g_assert_null (agent);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "pcm_17000"));
  g_clear_error (&error);
  agent = update_audio (fixture->client, id, "pcm_16000", "mp3_44100_128", NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpuint (count (fixture, "*"), ==, 0);

  /* Unknown agent; a key that may only read. */
  agent = update_audio (fixture->client, "agent_00000000000000000000000000", "pcm_16000", "pcm_16000", NULL, &error);
  g_assert_null (agent);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(GovorunElevenlabsClient) scoped = client_with_key (fixture, SCOPED_KEY);

    agent = update_audio (scoped, id, "pcm_16000", "pcm_16000", NULL, &error);
    g_assert_null (agent);
    g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS);
    g_clear_error (&error);
  }

  /* A server error once is retried: the same PATCH twice changes nothing more. */
  add_fault (fixture, M_PATCH, 503, FALSE, 0, 1);
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (fixture->emulator));
  agent = update_audio (fixture->client, id, "pcm_16000", "pcm_16000", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agent->user_input_audio_format, ==, "pcm_16000");
  g_assert_cmpuint (count (fixture, M_PATCH), ==, 2);
}

static void
test_update_agent_audio_answers (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsClient) client = raw_client (fixture);
  g_autoptr(GovorunElevenlabsAgent) agent = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  /* An answer without the agent's required fields */
  raw_server_set (&fixture->raw, 200, "{\"agent_id\": 5}");
  agent = update_audio (client, "agent_raw", "pcm_16000", "pcm_16000", NULL, &error);
  g_assert_null (agent);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE);
  g_clear_error (&error);

  /* The server's own 422 */
  raw_server_set (&fixture->raw, 422,
                  "{\"detail\":[{\"type\":\"enum\",\"loc\":[\"body\",\"conversation_config\",\"tts\","
                  "\"agent_output_audio_format\"],\"msg\":\"Input should be 'pcm_8000'\",\"input\":\"x\"}]}");
  agent = update_audio (client, "agent_raw", "pcm_16000", "pcm_16000", NULL, &error);
  g_assert_null (agent);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->raw.uris->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->raw.uris, 1), ==, "/v1/convai/agents/agent_raw");

  /* Cancelled before: nothing sent. */
  g_cancellable_cancel (cancellable);
  agent = update_audio (client, "agent_raw", "pcm_16000", "pcm_16000", cancellable, &error);
  g_assert_null (agent);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->raw.uris->len, ==, 2);
}

static void
test_emulator_patch (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *detail;
  JsonArray *loc;
  JsonObject *tts;
  guint status = 0;

  id = govorun_elevenlabs_emulator_add_agent (fixture->emulator, "Merge", "Hi", "en");
  path = g_strconcat ("/v1/convai/agents/", id, NULL);

  /* Deep merge: one member of tts changes, its siblings stay. */
  answer = emulator_request (fixture, "PATCH", path,
                             "{\"conversation_config\":{\"tts\":{\"speed\":1.1}},\"name\":\"Merged\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "name"), ==, "Merged");
  tts = json_object_get_object_member (json_object_get_object_member (json_node_get_object (answer),
                                                                      "conversation_config"), "tts");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (tts, "speed"), 1.1, 0.0001);
  g_assert_cmpstr (json_object_get_string_member (tts, "voice_id"), ==, "cjVigY5qzO86Huf0OWal");
  g_assert_cmpstr (json_object_get_string_member (tts, "agent_output_audio_format"), ==, "pcm_16000");
  g_assert_true (json_object_has_member (json_node_get_object (answer), "platform_settings"));
  g_clear_pointer (&answer, json_node_unref);

  /* 422 in FastAPI's shape for a format outside the enum; nothing changed. */
  answer = emulator_request (fixture, "PATCH", path,
                             "{\"conversation_config\":{\"tts\":{\"speed\":0.9},"
                             "\"asr\":{\"user_input_audio_format\":\"pcm_17000\"}}}", &status);
  g_assert_cmpuint (status, ==, 422);
  detail = json_array_get_object_element (json_object_get_array_member (json_node_get_object (answer), "detail"), 0);
  g_assert_cmpstr (json_object_get_string_member (detail, "type"), ==, "enum");
  g_assert_nonnull (json_object_get_string_member (detail, "msg"));
  g_assert_cmpstr (json_object_get_string_member (detail, "input"), ==, "pcm_17000");
  loc = json_object_get_array_member (detail, "loc");
  g_assert_cmpuint (json_array_get_length (loc), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (loc, 0), ==, "body");
  g_assert_cmpstr (json_array_get_string_element (loc, 2), ==, "asr");
  g_assert_cmpstr (json_array_get_string_element (loc, 3), ==, "user_input_audio_format");
  g_clear_pointer (&answer, json_node_unref);

  answer = emulator_request (fixture, "GET", path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  tts = json_object_get_object_member (json_object_get_object_member (json_node_get_object (answer),
                                                                      "conversation_config"), "tts");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (tts, "speed"), 1.1, 0.0001);
  g_clear_pointer (&answer, json_node_unref);

  /* A body that is not an object; a mistyped section. */
  answer = emulator_request (fixture, "PATCH", path, "[1]", &status);
  g_assert_cmpuint (status, ==, 422);
  g_clear_pointer (&answer, json_node_unref);
  answer = emulator_request (fixture, "PATCH", path, "{\"conversation_config\": 3}", &status);
  g_assert_cmpuint (status, ==, 422);
  g_clear_pointer (&answer, json_node_unref);

  /* An unknown agent */
  answer = emulator_request (fixture, "PATCH", "/v1/convai/agents/agent_none", "{}", &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (answer),
                                                                                 "detail"), "status"), ==, "not_found");
}

/* Test connection */

static void
test_connection_full (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsConnectionInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  add_agents (fixture, 5);
  govorun_elevenlabs_emulator_set_subscription (fixture->emulator, "creator", 41250, 100000);

  info = test_connection (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->agent_count, ==, 5);
  g_assert_false (info->agent_count_is_lower_bound);
  g_assert_false (info->limited_scope);
  g_assert_nonnull (info->subscription);
  g_assert_cmpstr (info->subscription->tier, ==, "creator");
  g_assert_cmpstr (info->subscription->status, ==, "active");
  g_assert_cmpint (info->subscription->character_count, ==, 41250);
  g_assert_cmpint (info->subscription->character_limit, ==, 100000);
  g_assert_cmpstr (info->subscription->currency, ==, "usd");

  /* The probe (page_size=1), one counting page, the subscription. */
  g_assert_cmpuint (count (fixture, M_LIST), ==, 2);
  g_assert_cmpuint (count (fixture, M_SUB), ==, 1);
}

static void
test_connection_counts (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsConnectionInfo) none = NULL;
  g_autoptr(GovorunElevenlabsConnectionInfo) some = NULL;
  g_autoptr(GovorunElevenlabsConnectionInfo) many = NULL;
  g_autoptr(GError) error = NULL;

  none = test_connection (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->agent_count, ==, 0);
  g_assert_false (none->agent_count_is_lower_bound);
  g_assert_cmpuint (count (fixture, M_LIST), ==, 1);

  add_agents (fixture, 250);
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (fixture->emulator));
  some = test_connection (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->agent_count, ==, 250);
  g_assert_false (some->agent_count_is_lower_bound);
  g_assert_cmpuint (count (fixture, M_LIST), ==, 1 + 3);

  /* Past ten pages of 100 the count is a lower bound. */
  add_agents (fixture, 755);
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (fixture->emulator));
  many = test_connection (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (many->agent_count, ==, 1000);
  g_assert_true (many->agent_count_is_lower_bound);
  g_assert_cmpuint (count (fixture, M_LIST), ==, 1 + 10);
  g_assert_nonnull (many->subscription);
}

static void
test_connection_scoped (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsClient) scoped = client_with_key (fixture, SCOPED_KEY);
  g_autoptr(GovorunElevenlabsConnectionInfo) info = NULL;
  g_autoptr(GovorunElevenlabsSubscription) subscription = NULL;
  g_autoptr(GError) error = NULL;

  add_agents (fixture, 3);

  info = test_connection (scoped, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_true (info->limited_scope);
  g_assert_null (info->subscription);
  g_assert_cmpuint (info->agent_count, ==, 3);

  /* Asked directly, the subscription names the missing permission. */
  subscription = get_subscription (scoped, NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS);
  g_assert_null (subscription);
  g_assert_nonnull (strstr (error->message, "missing_permissions"));
  g_assert_nonnull (strstr (error->message, "user_read"));
}

static void
test_connection_bad_key (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsClient) bad = client_with_key (fixture, BAD_KEY);
  g_autoptr(GovorunElevenlabsConnectionInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = test_connection (bad, NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY);
  g_assert_null (info);
  g_assert_nonnull (strstr (error->message, "(ElevenLabs: invalid_api_key"));
  g_assert_nonnull (strstr (error->message, "API Keys"));
  assert_no_secret_in ("an error message", error->message);
  /* 401 is final: no retry, no further steps. */
  g_assert_cmpuint (count (fixture, "*"), ==, 1);
}

static void
test_no_key (Fixture       *fixture,
             gconstpointer  data)
{
  const char *keys[] = { "", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GovorunElevenlabsClient) client = client_with_key (fixture, keys[i]);
      g_autoptr(GovorunElevenlabsConnectionInfo) info = NULL;
      g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
      g_autoptr(GovorunElevenlabsAgent) agent = NULL;
      g_autoptr(GovorunElevenlabsSubscription) subscription = NULL;
      g_autoptr(GError) error = NULL;

      info = test_connection (client, NULL, &error);
      g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION);
      g_assert_null (info);
      g_clear_error (&error);

      page = list_agents (client, NULL, 0, NULL, NULL, &error);
      g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION);
      g_clear_error (&error);

      agent = get_agent (client, "agent_x", NULL, &error);
      g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION);
      g_clear_error (&error);

      subscription = get_subscription (client, NULL, &error);
      g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION);
    }

  /* Nothing was sent. */
  g_assert_cmpuint (count (fixture, "*"), ==, 0);
}

/* Faults */

static void
test_server_error_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsSubscription) subscription = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (fixture, M_SUB, 503, FALSE, 0, 1);
  subscription = get_subscription (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (subscription->tier, ==, "free");
  g_assert_cmpuint (count (fixture, M_SUB), ==, 2);
}

static void
test_server_error_always (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (fixture, M_LIST, 500, FALSE, 0, -1);
  page = list_agents (fixture->client, NULL, 0, NULL, NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_SERVER);
  g_assert_null (page);
  g_assert_nonnull (strstr (error->message, "(ElevenLabs: internal_error"));
  /* The transport's three attempts. */
  g_assert_cmpuint (count (fixture, M_LIST), ==, 3);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GovorunElevenlabsAgentPage) later = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (fixture, M_LIST, 429, FALSE, 0, -1);
  page = list_agents (fixture->client, NULL, 0, NULL, NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED);
  g_assert_null (page);
  g_assert_nonnull (strstr (error->message, "(ElevenLabs: system_busy"));
  g_assert_cmpuint (count (fixture, M_LIST), ==, 3);
  g_clear_error (&error);

  /* Once busy, then fine. */
  govorun_emulator_clear_faults (GOVORUN_EMULATOR (fixture->emulator));
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (fixture->emulator));
  add_fault (fixture, M_LIST, 429, FALSE, 0, 1);
  later = list_agents (fixture->client, NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
  g_assert_cmpuint (count (fixture, M_LIST), ==, 2);
}

static void
test_dropped_connection (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (fixture, M_AGENT, 0, TRUE, 0, -1);
  agent = get_agent (fixture->client, "agent_x", NULL, &error);
  g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_CONNECTION_LOST);
  g_assert_null (agent);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsConnectionInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  govorun_http_set_timeout (fixture->http, 150);
  add_fault (fixture, M_LIST, 0, FALSE, 2000, -1);
  info = test_connection (fixture->client, NULL, &error);
  g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_TIMEOUT);
  g_assert_null (info);
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsConnectionInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  govorun_emulator_stop (GOVORUN_EMULATOR (fixture->emulator));
  info = test_connection (fixture->client, NULL, &error);
  g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_UNREACHABLE);
  g_assert_null (info);
}

static void
test_invalid_url (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsClient) client = NULL;
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GError) error = NULL;

  client = govorun_elevenlabs_client_new (fixture->http, "not a url", FULL_KEY);
  page = list_agents (client, NULL, 0, NULL, NULL, &error);
  g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_INVALID_URL);
}

static gboolean
cancel_soon (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Cancels once the emulator has seen @count requests for @method, so the
 * test does not depend on timing. */
typedef struct
{
  Fixture      *fixture;
  const char   *method;
  guint         count;
  GCancellable *cancellable;
} CancelWhen;

static gboolean
cancel_when_seen (gpointer user_data)
{
  CancelWhen *when = user_data;

  if (count (when->fixture, when->method) < when->count)
    return G_SOURCE_CONTINUE;

  g_cancellable_cancel (when->cancellable);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GCancellable) during = g_cancellable_new ();
  g_autoptr(GCancellable) counting = g_cancellable_new ();
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GovorunElevenlabsAgent) agent = NULL;
  g_autoptr(GovorunElevenlabsSubscription) subscription = NULL;
  g_autoptr(GovorunElevenlabsConnectionInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  CancelWhen when = { 0 };
  gint64 start;

  add_agents (fixture, 150);

  /* Already cancelled: nothing is sent. */
  g_cancellable_cancel (before);
  page = list_agents (fixture->client, NULL, 0, NULL, before, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  agent = get_agent (fixture->client, "agent_x", before, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  subscription = get_subscription (fixture->client, before, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  info = test_connection (fixture->client, before, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count (fixture, "*"), ==, 0);

  /* Cancelled while the server is slow: it ends at once. */
  add_fault (fixture, M_SUB, 0, FALSE, 5000, 1);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 50, cancel_soon, g_object_ref (during), g_object_unref);
  start = g_get_monotonic_time ();
  subscription = get_subscription (fixture->client, during, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (subscription);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Cancelled in the middle of test_connection's steps: the probe is
   * answered, the first counting page is slow. */
  add_fault (fixture, M_LIST, 0, FALSE, 0, 1);
  add_fault (fixture, M_LIST, 0, FALSE, 5000, -1);
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (fixture->emulator));
  when.fixture = fixture;
  when.method = M_LIST;
  when.count = 2;
  when.cancellable = counting;
  g_timeout_add (5, cancel_when_seen, &when);
  info = test_connection (fixture->client, counting, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (info);
  g_assert_cmpuint (count (fixture, M_LIST), ==, 2);
  g_assert_cmpuint (count (fixture, M_SUB), ==, 0);
}

/* Malformed answers, through the tiny server */

typedef enum { CALL_LIST, CALL_AGENT, CALL_SUB, CALL_TEST } Call;

static GError *
call_raw (Fixture    *fixture,
          Call        call,
          guint       status,
          const char *body,
          gpointer   *out_result)
{
  g_autoptr(GovorunElevenlabsClient) client = raw_client (fixture);
  GError *error = NULL;
  gpointer result = NULL;

  raw_server_set (&fixture->raw, status, body);

  switch (call)
    {
    case CALL_LIST:
      result = list_agents (client, NULL, 0, NULL, NULL, &error);
      if (out_result == NULL)
        g_clear_pointer (&result, govorun_elevenlabs_agent_page_free);
      break;
    case CALL_AGENT:
      result = get_agent (client, "agent_raw", NULL, &error);
      if (out_result == NULL)
        g_clear_pointer (&result, govorun_elevenlabs_agent_free);
      break;
    case CALL_SUB:
      result = get_subscription (client, NULL, &error);
      if (out_result == NULL)
        g_clear_pointer (&result, govorun_elevenlabs_subscription_free);
      break;
    case CALL_TEST:
    default:
      result = test_connection (client, NULL, &error);
      if (out_result == NULL)
        g_clear_pointer (&result, govorun_elevenlabs_connection_info_free);
      break;
    }

  if (out_result != NULL)
    {
      g_assert_true ((result == NULL) != (error == NULL));
      *out_result = result;
    }

  return error;
}

#define SUMMARY_OK "{\"agent_id\":\"a1\",\"name\":\"A\",\"tags\":[\"x\"],\"created_at_unix_secs\":1700000001,\"access_info\":{\"is_creator\":true,\"creator_name\":\"c\",\"creator_email\":\"e\",\"role\":\"viewer\"}}"

static void
test_bad_response (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    Call        call;
    const char *body;
    const char *field;   /* named in the message; NULL: not JSON */
  } cases[] = {
    { CALL_LIST, "<html>Bad gateway</html>", NULL },
    { CALL_LIST, "", "(the whole answer)" },
    { CALL_LIST, "[1,2]", "(the whole answer)" },
    { CALL_LIST, "{\"has_more\":false}", "“agents”" },
    { CALL_LIST, "{\"agents\":{},\"has_more\":false}", "“agents”" },
    { CALL_LIST, "{\"agents\":[]}", "“has_more”" },
    { CALL_LIST, "{\"agents\":[],\"has_more\":\"no\"}", "“has_more”" },
    { CALL_LIST, "{\"agents\":[],\"has_more\":null}", "“has_more”" },
    { CALL_LIST, "{\"agents\":[],\"has_more\":false,\"next_cursor\":5}", "“next_cursor”" },
    { CALL_LIST, "{\"agents\":[7],\"has_more\":false}", "“agents[0]”" },
    { CALL_LIST, "{\"agents\":[" SUMMARY_OK ",{\"name\":\"B\",\"tags\":[],\"created_at_unix_secs\":1,\"access_info\":{\"role\":\"admin\"}}],\"has_more\":false}", "“agents[1].agent_id”" },
    { CALL_LIST, "{\"agents\":[{\"agent_id\":\"a\",\"name\":null,\"tags\":[],\"created_at_unix_secs\":1,\"access_info\":{\"role\":\"admin\"}}],\"has_more\":false}", "“agents[0].name”" },
    { CALL_TEST, "{\"agents\":[{\"agent_id\":5}],\"has_more\":false}", "“agents[0].agent_id”" },
    { CALL_AGENT, "{\"name\":\"n\",\"conversation_config\":{},\"metadata\":{}}", "“agent_id”" },
    { CALL_AGENT, "{\"agent_id\":\"a\",\"name\":\"n\",\"metadata\":{}}", "“conversation_config”" },
    { CALL_AGENT, "{\"agent_id\":\"a\",\"name\":\"n\",\"conversation_config\":[],\"metadata\":{}}", "“conversation_config”" },
    { CALL_AGENT, "{\"agent_id\":\"a\",\"name\":\"n\",\"conversation_config\":{\"agent\":\"x\"},\"metadata\":{}}", "“conversation_config.agent”" },
    { CALL_AGENT, "{\"agent_id\":\"a\",\"name\":\"n\",\"conversation_config\":{\"agent\":{\"first_message\":1}},\"metadata\":{}}", "“conversation_config.agent.first_message”" },
    { CALL_AGENT, "{\"agent_id\":\"a\",\"name\":\"n\",\"conversation_config\":{\"agent\":{\"dynamic_variables\":{\"dynamic_variable_placeholders\":[]}}},\"metadata\":{}}", "“conversation_config.agent.dynamic_variables.dynamic_variable_placeholders”" },
    { CALL_AGENT, "{\"agent_id\":\"a\",\"name\":\"n\",\"conversation_config\":{\"tts\":{\"agent_output_audio_format\":true}},\"metadata\":{}}", "“conversation_config.tts.agent_output_audio_format”" },
    { CALL_AGENT, "{\"agent_id\":\"a\",\"name\":\"n\",\"conversation_config\":{\"asr\":{\"user_input_audio_format\":[]}},\"metadata\":{}}", "“conversation_config.asr.user_input_audio_format”" },
    { CALL_SUB, "\"free\"", "(the whole answer)" },
  };

  /* Shown-only fields (apiclient and elevenlabs-python type them; no flow
   * decides on them): absent or of the wrong type, they are ignored. */
  static const struct
  {
    Call        call;
    const char *body;
  } lenient[] = {
    { CALL_LIST, "{\"agents\":[{\"agent_id\":\"a\",\"name\":\"n\",\"tags\":[1],\"created_at_unix_secs\":1,\"access_info\":{\"role\":\"admin\"}}],\"has_more\":false}" },
    { CALL_LIST, "{\"agents\":[{\"agent_id\":\"a\",\"name\":\"n\",\"created_at_unix_secs\":1,\"access_info\":{\"role\":\"admin\"}}],\"has_more\":false}" },
    { CALL_LIST, "{\"agents\":[{\"agent_id\":\"a\",\"name\":\"n\",\"tags\":[],\"created_at_unix_secs\":\"1\",\"access_info\":{\"role\":\"admin\"}}],\"has_more\":false}" },
    { CALL_LIST, "{\"agents\":[{\"agent_id\":\"a\",\"name\":\"n\",\"tags\":[],\"created_at_unix_secs\":1.5,\"access_info\":{\"role\":\"admin\"}}],\"has_more\":false}" },
    { CALL_LIST, "{\"agents\":[{\"agent_id\":\"a\",\"name\":\"n\",\"tags\":[],\"created_at_unix_secs\":1}],\"has_more\":false}" },
    { CALL_LIST, "{\"agents\":[{\"agent_id\":\"a\",\"name\":\"n\",\"tags\":[],\"created_at_unix_secs\":1,\"access_info\":{}}],\"has_more\":false}" },
    { CALL_AGENT, "{\"agent_id\":\"a\",\"name\":\"n\",\"conversation_config\":{}}" },
    { CALL_SUB, "{\"status\":\"active\",\"character_count\":1,\"character_limit\":2}" },
    { CALL_SUB, "{\"tier\":\"free\",\"status\":\"active\",\"character_count\":\"1\",\"character_limit\":2}" },
    { CALL_SUB, "{\"tier\":\"free\",\"status\":\"active\",\"character_count\":1}" },
    { CALL_SUB, "{\"tier\":\"free\",\"character_count\":1,\"character_limit\":2}" },
    { CALL_SUB, "{\"tier\":\"free\",\"status\":\"active\",\"character_count\":1,\"character_limit\":2,\"currency\":1}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lenient); i++)
    {
      g_autoptr(GError) error = call_raw (fixture, lenient[i].call, 200, lenient[i].body, NULL);

      g_test_message ("lenient case %u: %s", i, lenient[i].body);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = call_raw (fixture, cases[i].call, 200, cases[i].body, NULL);

      g_test_message ("case %u: %s", i, cases[i].body);
      g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE);
      if (cases[i].field == NULL)
        g_assert_nonnull (strstr (error->message, "not valid JSON"));
      else
        g_assert_nonnull (strstr (error->message, cases[i].field));
    }
}


/* {"result":[[[[… 100,000 levels deep: once a stack overflow in json-glib. */
static char *
deeply_nested (const char *prefix,
               guint       levels)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  return g_string_free (text, FALSE);
}

static void
test_bounded_answers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *deep = deeply_nested ("{\"agents\":", 100000);
  g_autofree char *deep_detail = deeply_nested ("{\"detail\":", 100000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_body = NULL;

  /* Too deep, as a success and as an error answer: clean errors. */
  error = call_raw (fixture, CALL_LIST, 200, deep, NULL);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "nested deeper than 128 levels"));

  error_body = call_raw (fixture, CALL_SUB, 400, deep_detail, NULL);
  g_assert_nonnull (error_body);
}

static void
test_lenient_response (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GovorunElevenlabsAgent) agent = NULL;
  g_autoptr(GovorunElevenlabsSubscription) subscription = NULL;
  GovorunElevenlabsAgentSummary *summary;
  GError *error;

  /* Unknown fields are ignored, next_cursor may be absent, a whole number
   * may come as a float. */
  error = call_raw (fixture, CALL_LIST, 200,
                    "{\"agents\":[{\"agent_id\":\"a1\",\"name\":\"A\",\"tags\":[\"x\",\"y\"],"
                    "\"created_at_unix_secs\":1.7e9,\"archived\":false,"
                    "\"access_info\":{\"role\":\"viewer\"}}],\"has_more\":false,\"extra\":{}}",
                    (gpointer *) &page);
  g_assert_no_error (error);
  g_assert_cmpuint (page->agents->len, ==, 1);
  summary = g_ptr_array_index (page->agents, 0);
  g_assert_cmpstr (summary->agent_id, ==, "a1");
  g_assert_cmpint (summary->created_at_unix_secs, ==, 1700000000);
  g_assert_cmpstr (summary->tags[1], ==, "y");
  g_assert_cmpstr (summary->access_role, ==, "viewer");
  g_assert_null (page->next_cursor);
  g_clear_pointer (&page, govorun_elevenlabs_agent_page_free);

  /* A whole number no gint64 holds (the fuzzer's find: casting it was
   * undefined) is a wrong type in a shown-only field: ignored. */
  error = call_raw (fixture, CALL_LIST, 200,
                    "{\"agents\":[{\"agent_id\":\"a1\",\"name\":\"A\","
                    "\"created_at_unix_secs\":1e300}],\"has_more\":false}",
                    (gpointer *) &page);
  g_assert_no_error (error);
  summary = g_ptr_array_index (page->agents, 0);
  g_assert_cmpint (summary->created_at_unix_secs, ==, 0);

  /* Settings the agent does not set carry the documented defaults; null
   * means unset; other formats are read. */
  error = call_raw (fixture, CALL_AGENT, 200,
                    "{\"agent_id\":\"a\",\"name\":\"n\",\"metadata\":{\"created_at_unix_secs\":1},"
                    "\"conversation_config\":{\"agent\":{\"first_message\":null,"
                    "\"dynamic_variables\":{\"dynamic_variable_placeholders\":{\"b\":1,\"a\":\"x\"}}},"
                    "\"tts\":{\"agent_output_audio_format\":\"ulaw_8000\"},"
                    "\"asr\":{\"user_input_audio_format\":\"ulaw_8000\"}}}",
                    (gpointer *) &agent);
  g_assert_no_error (error);
  g_assert_cmpstr (agent->first_message, ==, "");
  g_assert_cmpstr (agent->language, ==, "en");
  g_assert_cmpuint (g_strv_length (agent->dynamic_variable_names), ==, 2);
  g_assert_cmpstr (agent->dynamic_variable_names[0], ==, "a");
  g_assert_cmpstr (agent->dynamic_variable_names[1], ==, "b");
  g_assert_cmpstr (agent->agent_output_audio_format, ==, "ulaw_8000");
  g_assert_cmpstr (agent->user_input_audio_format, ==, "ulaw_8000");

  error = call_raw (fixture, CALL_SUB, 200,
                    "{\"tier\":\"pro\",\"status\":\"past_due\",\"character_count\":5,"
                    "\"character_limit\":500000,\"currency\":null}",
                    (gpointer *) &subscription);
  g_assert_no_error (error);
  g_assert_cmpstr (subscription->tier, ==, "pro");
  g_assert_cmpstr (subscription->status, ==, "past_due");
  g_assert_null (subscription->currency);

  /* The base URL's trailing slash was dropped. */
  g_assert_true (g_str_has_suffix (fixture->raw.base_url, "/"));
  for (guint i = 0; i < fixture->raw.uris->len; i++)
    g_assert_false (g_str_has_prefix (g_ptr_array_index (fixture->raw.uris, i), "//"));
}

static void
test_error_bodies (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    guint       status;
    const char *body;
    int         code;
    const char *shown;
  } cases[] = {
    { 401, "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}",
      GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY, "(ElevenLabs: invalid_api_key: Invalid API key)" },
    { 401, "{\"detail\":{\"status\":\"needs_authorization\",\"message\":\"Neither authorization header nor xi-api-key received, please provide one.\"}}",
      GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION, "(ElevenLabs: needs_authorization: Neither" },
    { 401, "{\"detail\":{\"status\":\"missing_permissions\",\"message\":\"The API key you used is missing the permission convai_read to execute this operation.\"}}",
      GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS, "permission convai_read" },
    { 401, "{\"detail\":{\"status\":\"something_new\"}}",
      GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY, "(ElevenLabs: something_new)" },
    { 401, "garbage", GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY, "(ElevenLabs: HTTP 401)" },
    { 401, "{\"detail\":[\"x\"]}", GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY, "(ElevenLabs: HTTP 401)" },
    { 401, "{\"detail\":{\"status\":7,\"message\":[]}}", GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY, "(ElevenLabs: HTTP 401)" },
    { 400, "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request exceeds your quota.\"}}",
      GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED, "quota_exceeded" },
    { 401, "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"Quota of this key is used up.\"}}",
      GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED, "quota_exceeded" },
    { 403, "{\"detail\":{\"status\":\"only_for_creator+\",\"message\":\"Creator tier only.\"}}",
      GOVORUN_ELEVENLABS_ERROR_FORBIDDEN, "only_for_creator+" },
    { 404, "{\"detail\":\"Not Found\"}", GOVORUN_ELEVENLABS_ERROR_NOT_FOUND, "(ElevenLabs: HTTP 404: Not Found)" },
    { 422, "{\"detail\":[{\"loc\":[\"body\",\"tags\",0],\"msg\":\"Input should be a valid string\",\"type\":\"string_type\"},{\"loc\":[\"query\"],\"msg\":\"second\",\"type\":\"x\"}]}",
      GOVORUN_ELEVENLABS_ERROR_VALIDATION, "body.tags.0: Input should be a valid string)" },
    { 422, "{}", GOVORUN_ELEVENLABS_ERROR_VALIDATION, "(ElevenLabs: HTTP 422)" },
    { 429, "{\"detail\":{\"status\":\"too_many_concurrent_requests\",\"message\":\"Too many.\"}}",
      GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED, "too_many_concurrent_requests" },
    { 502, "<html>bad gateway</html>", GOVORUN_ELEVENLABS_ERROR_SERVER, "(ElevenLabs: HTTP 502)" },
    { 418, "{\"detail\":{\"status\":\"teapot\",\"message\":\"line one\\nline two\"}}",
      GOVORUN_ELEVENLABS_ERROR_FAILED, "teapot: line one line two)" },
  };

  govorun_http_set_retry (fixture->http, 1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: HTTP %u %s", i, cases[i].status, cases[i].body);
      error = call_raw (fixture, i % 2 ? CALL_LIST : CALL_AGENT, cases[i].status, cases[i].body, NULL);
      g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].shown));
    }

  /* A provider message is shortened. */
  {
    g_autoptr(GString) body = g_string_new ("{\"detail\":{\"status\":\"x\",\"message\":\"");
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 1000; i++)
      g_string_append (body, "long ");
    g_string_append (body, "\"}}");
    error = call_raw (fixture, CALL_SUB, 400, body->str, NULL);
    g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_FAILED);
    g_assert_cmpuint (strlen (error->message), <, 800);
  }
}

/* The emulator's own answers, read raw, against §1.2 and §1.3. */

typedef struct
{
  guint  status;
  char  *body;
} RawAnswer;

static void
on_raw_answer (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RawAnswer *answer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  answer->status = soup_message_get_status (msg);
  answer->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
raw_get (Fixture    *fixture,
         const char *path,
         const char *key,
         RawAnswer  *answer)
{
  g_autofree char *url = g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (fixture->emulator)), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  SoupSession *session = govorun_http_get_session (fixture->http);

  g_clear_pointer (&answer->body, g_free);
  if (key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "xi-api-key", key);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_raw_answer, answer);
  while (answer->body == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_emulator_wire (Fixture       *fixture,
                    gconstpointer  data)
{
  RawAnswer answer = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  JsonObject *config;

  raw_get (fixture, "/v1/convai/agents", NULL, &answer);
  g_assert_cmpuint (answer.status, ==, 401);
  g_assert_cmpstr (answer.body, ==, "{\"detail\":{\"status\":\"needs_authorization\",\"message\":\"Neither authorization header nor xi-api-key received, please provide one.\"}}");

  raw_get (fixture, "/v1/convai/agents", BAD_KEY, &answer);
  g_assert_cmpuint (answer.status, ==, 401);
  g_assert_cmpstr (answer.body, ==, "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}");

  raw_get (fixture, "/v1/user", SCOPED_KEY, &answer);
  g_assert_cmpuint (answer.status, ==, 401);
  g_assert_cmpstr (answer.body, ==, "{\"detail\":{\"status\":\"missing_permissions\",\"message\":\"The API key you used is missing the permission user_read to execute this operation.\"}}");

  raw_get (fixture, "/v1/convai/nothing-here", FULL_KEY, &answer);
  g_assert_cmpuint (answer.status, ==, 404);
  g_assert_cmpstr (answer.body, ==, "{\"detail\":\"Not Found\"}");

  raw_get (fixture, "/v1/convai/agents?page_size=0", FULL_KEY, &answer);
  g_assert_cmpuint (answer.status, ==, 422);
  node = json_from_string (answer.body, NULL);
  object = json_node_get_object (node);
  {
    JsonObject *item = json_array_get_object_element (json_object_get_array_member (object, "detail"), 0);
    JsonArray *loc = json_object_get_array_member (item, "loc");

    g_assert_cmpstr (json_array_get_string_element (loc, 0), ==, "query");
    g_assert_cmpstr (json_array_get_string_element (loc, 1), ==, "page_size");
    g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "greater_than_equal");
    g_assert_true (json_object_has_member (item, "msg"));
  }
  g_clear_pointer (&node, json_node_unref);

  raw_get (fixture, "/v1/convai/agents?page_size=ten", FULL_KEY, &answer);
  g_assert_cmpuint (answer.status, ==, 422);

  raw_get (fixture, "/v1/user", FULL_KEY, &answer);
  g_assert_cmpuint (answer.status, ==, 200);
  node = json_from_string (answer.body, NULL);
  object = json_node_get_object (node);
  g_assert_true (json_object_has_member (object, "user_id"));
  g_assert_true (json_object_has_member (object, "created_at"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "subscription"), "tier"), ==, "free");
  g_clear_pointer (&node, json_node_unref);

  /* The scoped key still reads agents. */
  raw_get (fixture, "/v1/convai/agents", SCOPED_KEY, &answer);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (answer.body, ==, "{\"agents\":[],\"has_more\":false,\"next_cursor\":null}");

  /* The agent model: the required members and §2.1's structure. */
  id = govorun_elevenlabs_emulator_add_agent (fixture->emulator, "Wire", "Hi", "de");
  {
    g_autofree char *path = g_strconcat ("/v1/convai/agents/", id, NULL);

    raw_get (fixture, path, FULL_KEY, &answer);
  }
  g_assert_cmpuint (answer.status, ==, 200);
  node = json_from_string (answer.body, NULL);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "agent_id"), ==, id);
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "metadata"), "created_at_unix_secs"));
  config = json_object_get_object_member (object, "conversation_config");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (config, "agent"), "language"), ==, "de");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (config, "tts"), "model_id"), ==, "eleven_turbo_v2");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (config, "turn"), "turn_timeout"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (config, "conversation"), "max_duration_seconds"), ==, 600);
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "platform_settings"), "call_limits"));
  g_clear_pointer (&node, json_node_unref);

  /* Injected faults use the §1.3 envelope. */
  add_fault (fixture, M_USER, 429, FALSE, 0, 1);
  raw_get (fixture, "/v1/user", FULL_KEY, &answer);
  g_assert_cmpuint (answer.status, ==, 429);
  g_assert_nonnull (strstr (answer.body, "{\"detail\":{\"status\":\"system_busy\",\"message\":"));

  add_fault (fixture, M_USER, 503, FALSE, 0, 1);
  raw_get (fixture, "/v1/user", FULL_KEY, &answer);
  g_assert_cmpuint (answer.status, ==, 503);
  g_assert_nonnull (strstr (answer.body, "{\"detail\":{\"status\":\"internal_error\",\"message\":"));

  g_assert_cmpuint (count (fixture, M_USER), ==, 4);

  g_free (answer.body);
}

static void
test_boxed (void)
{
  GovorunElevenlabsAgentSummary summary = { (char *) "agent_1", (char *) "One", NULL, 42, (char *) "admin" };
  g_autoptr(GovorunElevenlabsAgentPage) page = g_new0 (GovorunElevenlabsAgentPage, 1);
  g_autoptr(GovorunElevenlabsAgentPage) page_copy = NULL;
  GovorunElevenlabsSubscription sub = { (char *) "creator", (char *) "active", 1, 2, NULL };
  GovorunElevenlabsConnectionInfo info = { 7, TRUE, FALSE, &sub };
  g_autoptr(GovorunElevenlabsConnectionInfo) info_copy = NULL;
  const char *names[] = { "x", NULL };
  GovorunElevenlabsAgent agent = { (char *) "a", (char *) "n", (char *) "", (char *) "en",
                                   (GStrv) names, (char *) "pcm_16000", (char *) "ulaw_8000" };
  g_autoptr(GovorunElevenlabsAgent) agent_copy = NULL;
  const char *tags[] = { "t1", "t2", NULL };

  summary.tags = (GStrv) tags;
  page->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_elevenlabs_agent_summary_free);
  g_ptr_array_add (page->agents, govorun_elevenlabs_agent_summary_copy (&summary));
  page->has_more = TRUE;
  page->next_cursor = g_strdup ("c");

  page_copy = g_boxed_copy (GOVORUN_TYPE_ELEVENLABS_AGENT_PAGE, page);
  g_assert_cmpuint (page_copy->agents->len, ==, 1);
  g_assert_cmpstr (((GovorunElevenlabsAgentSummary *) g_ptr_array_index (page_copy->agents, 0))->tags[1], ==, "t2");
  g_assert_cmpstr (page_copy->next_cursor, ==, "c");
  g_assert_true (page_copy->has_more);

  info_copy = g_boxed_copy (GOVORUN_TYPE_ELEVENLABS_CONNECTION_INFO, &info);
  g_assert_cmpuint (info_copy->agent_count, ==, 7);
  g_assert_true (info_copy->agent_count_is_lower_bound);
  g_assert_true (info_copy->subscription != &sub);
  g_assert_cmpstr (info_copy->subscription->tier, ==, "creator");

  agent_copy = g_boxed_copy (GOVORUN_TYPE_ELEVENLABS_AGENT, &agent);
  g_assert_cmpstr (agent_copy->dynamic_variable_names[0], ==, "x");
  g_assert_cmpstr (agent_copy->user_input_audio_format, ==, "ulaw_8000");

  g_boxed_free (GOVORUN_TYPE_ELEVENLABS_SUBSCRIPTION,
                g_boxed_copy (GOVORUN_TYPE_ELEVENLABS_SUBSCRIPTION, &sub));
  g_boxed_free (GOVORUN_TYPE_ELEVENLABS_AGENT_SUMMARY,
                g_boxed_copy (GOVORUN_TYPE_ELEVENLABS_AGENT_SUMMARY, &summary));
}

/* Debug logging is on for the whole run; this checks it really logs the
 * requests (so the teardown's check for keys means something). */
static void
test_debug_log (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GovorunElevenlabsClient) bad = client_with_key (fixture, BAD_KEY);
  g_autoptr(GovorunElevenlabsConnectionInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  add_agents (fixture, 2);
  info = test_connection (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&info, govorun_elevenlabs_connection_info_free);
  info = test_connection (bad, NULL, &error);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY);

  g_assert_nonnull (strstr (log_capture->str, "GET /v1/convai/agents?page_size=1"));
  g_assert_nonnull (strstr (log_capture->str, "/v1/user/subscription"));
  assert_no_secret_in ("the log", log_capture->str);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);

  log_capture = test_util_capture_log (FALSE);
  g_log_set_debug_enabled (TRUE);

  g_test_add_func ("/Govorun/Elevenlabs/regions", test_regions);
  g_test_add_func ("/Govorun/Elevenlabs/boxed", test_boxed);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/Govorun/Elevenlabs/list/paging", test_list_paging);
  ADD ("/Govorun/Elevenlabs/list/default-page-size", test_list_default_page_size);
  ADD ("/Govorun/Elevenlabs/list/search", test_list_search);
  ADD ("/Govorun/Elevenlabs/list/validation", test_list_validation);
  ADD ("/Govorun/Elevenlabs/agent/get", test_get_agent);
  ADD ("/Govorun/Elevenlabs/agent/update-audio", test_update_agent_audio);
  ADD ("/Govorun/Elevenlabs/agent/update-audio-answers", test_update_agent_audio_answers);
  ADD ("/Govorun/Elevenlabs/emulator/patch", test_emulator_patch);
  ADD ("/Govorun/Elevenlabs/connection/full", test_connection_full);
  ADD ("/Govorun/Elevenlabs/connection/counts", test_connection_counts);
  ADD ("/Govorun/Elevenlabs/connection/scoped", test_connection_scoped);
  ADD ("/Govorun/Elevenlabs/connection/bad-key", test_connection_bad_key);
  ADD ("/Govorun/Elevenlabs/connection/no-key", test_no_key);
  ADD ("/Govorun/Elevenlabs/faults/server-error-once", test_server_error_once);
  ADD ("/Govorun/Elevenlabs/faults/server-error-always", test_server_error_always);
  ADD ("/Govorun/Elevenlabs/faults/rate-limited", test_rate_limited);
  ADD ("/Govorun/Elevenlabs/faults/dropped-connection", test_dropped_connection);
  ADD ("/Govorun/Elevenlabs/faults/timeout", test_timeout);
  ADD ("/Govorun/Elevenlabs/faults/unreachable", test_unreachable);
  ADD ("/Govorun/Elevenlabs/faults/invalid-url", test_invalid_url);
  ADD ("/Govorun/Elevenlabs/cancel", test_cancel);
  ADD ("/Govorun/Elevenlabs/answers/bad-response", test_bad_response);
  ADD ("/Govorun/Elevenlabs/answers/lenient", test_lenient_response);
  ADD ("/Govorun/Elevenlabs/answers/bounded", test_bounded_answers);
  ADD ("/Govorun/Elevenlabs/answers/error-bodies", test_error_bodies);
  ADD ("/Govorun/Elevenlabs/emulator/wire", test_emulator_wire);
  ADD ("/Govorun/Elevenlabs/secrets/debug-log", test_debug_log);

  return g_test_run ();
}
