/* test-agent-catalog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GovorunAgentCatalog against the sandbox's ElevenLabs emulator, with a
 * saved account whose key is in a real keyring (run through
 * run-with-keyring.sh): each _finish on success, on a missing agent and on
 * an error answer with its provider status.
 */
#include "config.h"

#include "govorun-agent-catalog.h"
#include "govorun-sandbox.h"
#include "sandbox-services.h"

#define BAD_KEY "sk_test_unknown_00c0ffee00c0ffee0000"

typedef struct
{
  SandboxServices            s;
  GovorunElevenlabsEmulator *emulator;
  GovorunAgentCatalog       *catalog;
  GovorunAccount            *account;
  GAsyncResult              *result;
} Fixture;

static GovorunAccount *
add_account (Fixture    *f,
             const char *name,
             const char *secret)
{
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);

  govorun_account_set_display_name (draft, name);

  return sandbox_services_add_account (&f->s, draft, secret);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sandbox_services_start (&f->s);
  /* One attempt: the fault tests expect the first answer. */
  govorun_http_set_retry (f->s.http, 1, 1);
  f->emulator = govorun_sandbox_get_elevenlabs (f->s.sandbox);
  f->catalog = govorun_agent_catalog_new (f->s.factory);
  f->account = add_account (f, "Agents", GOVORUN_SANDBOX_EL_API_KEY);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->account);
  g_clear_object (&f->catalog);
  g_clear_object (&f->result);
  sandbox_services_stop (&f->s);
}

/* -- synchronous wrappers over the catalog, for the tests -- */

static GPtrArray *
list (Fixture         *f,
      GovorunAccount  *account,
      const char      *search,
      const char      *cursor,
      char           **out_next_cursor,
      GError         **error)
{
  GPtrArray *agents;

  govorun_agent_catalog_list_async (f->catalog, account, search, cursor, NULL,
                                    test_util_on_result, &f->result);
  agents = govorun_agent_catalog_list_finish (f->catalog, test_util_wait (&f->result),
                                              out_next_cursor, error);
  g_clear_object (&f->result);

  return agents;
}

static GovorunVoiceAgent *
get (Fixture     *f,
     const char  *agent_id,
     GError     **error)
{
  GovorunVoiceAgent *agent;

  govorun_agent_catalog_get_async (f->catalog, f->account, agent_id, NULL,
                                   test_util_on_result, &f->result);
  agent = govorun_agent_catalog_get_finish (f->catalog, test_util_wait (&f->result), error);
  g_clear_object (&f->result);

  return agent;
}

static GovorunVoiceAgent *
set_audio_formats (Fixture     *f,
                   const char  *agent_id,
                   const char  *input_format,
                   const char  *output_format,
                   GError     **error)
{
  GovorunVoiceAgent *agent;

  govorun_agent_catalog_set_audio_formats_async (f->catalog, f->account, agent_id,
                                                 input_format, output_format, NULL,
                                                 test_util_on_result, &f->result);
  agent = govorun_agent_catalog_set_audio_formats_finish (f->catalog, test_util_wait (&f->result),
                                                          error);
  g_clear_object (&f->result);

  return agent;
}

static void
add_fault (Fixture    *f,
           const char *method,
           guint       http_status)
{
  GovorunFault fault = { 0 };

  fault.http_status = http_status;
  fault.times = 1;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), method, &fault);
}

/* The provider's sentence, with its status at the end as the wizard shows it. */
static void
assert_provider_message (const GError *error,
                         const char   *status)
{
  g_autofree char *tail = g_strdup_printf ("(ElevenLabs: %s", status);

  g_assert_nonnull (strstr (error->message, tail));
}

/* -- list -- */

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *end = NULL;
  g_autofree char *none = NULL;
  GovorunVoiceAgent *agent;
  guint total;

  /* The sandbox's three demo agents and enough more for two pages. */
  for (guint i = 0; i < GOVORUN_AGENT_CATALOG_PAGE_SIZE; i++)
    {
      g_autofree char *name = g_strdup_printf ("Filler %02u", i);
      g_autofree char *id = govorun_elevenlabs_emulator_add_agent (f->emulator, name, NULL, NULL);
    }
  total = GOVORUN_AGENT_CATALOG_PAGE_SIZE + 3;

  first = list (f, f->account, NULL, NULL, &cursor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, GOVORUN_AGENT_CATALOG_PAGE_SIZE);
  g_assert_nonnull (cursor);

  second = list (f, f->account, NULL, cursor, &end, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len + second->len, ==, total);
  g_assert_null (end);

  agent = g_ptr_array_index (first, 0);
  g_assert_true (g_str_has_prefix (govorun_voice_agent_get_id (agent), "agent_"));
  g_assert_nonnull (govorun_voice_agent_get_name (agent));
  g_assert_cmpstr (govorun_voice_agent_get_access_role (agent), ==, "admin");
  g_assert_nonnull (govorun_voice_agent_get_tags (agent));

  /* The search matches names; a page that is the last has no cursor. */
  found = list (f, f->account, "concierge", NULL, &none, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (govorun_voice_agent_get_name (g_ptr_array_index (found, 0)), ==, "Hotel concierge");
  g_assert_null (none);
}

static void
test_list_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunAccount) bad = add_account (f, "Wrong key", BAD_KEY);
  g_autoptr(GovorunAccount) unsaved = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  /* A key ElevenLabs does not know */
  agents = list (f, bad, NULL, NULL, &cursor, &error);
  g_assert_null (agents);
  g_assert_null (cursor);
  g_assert_error (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_ACCESS_DENIED);
  assert_provider_message (error, "invalid_api_key");
  g_clear_error (&error);

  /* A server error, with its HTTP status */
  add_fault (f, "GET /v1/convai/agents", 500);
  agents = list (f, f->account, NULL, NULL, NULL, &error);
  g_assert_null (agents);
  g_assert_error (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "(ElevenLabs: "));
  g_clear_error (&error);

  /* No key in the keyring: nothing is sent */
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->emulator));
  agents = list (f, unsaved, NULL, NULL, NULL, &error);
  g_assert_null (agents);
  g_assert_error (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_SECRET_UNAVAILABLE);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator),
                                                        "GET /v1/convai/agents"), ==, 0);
}

/* -- get -- */

static void
test_get (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *id = govorun_elevenlabs_emulator_add_agent (f->emulator, "Front desk",
                                                               "Hello, this is a robot.", "ru");
  g_autoptr(GovorunVoiceAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  agent = get (f, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (govorun_voice_agent_get_id (agent), ==, id);
  g_assert_cmpstr (govorun_voice_agent_get_name (agent), ==, "Front desk");
  g_assert_cmpstr (govorun_voice_agent_get_first_message (agent), ==, "Hello, this is a robot.");
  g_assert_cmpstr (govorun_voice_agent_get_language (agent), ==, "ru");
  g_assert_cmpstr (govorun_voice_agent_get_input_audio_format (agent), ==, "pcm_16000");
  g_assert_cmpstr (govorun_voice_agent_get_output_audio_format (agent), ==, "pcm_16000");
  g_assert_nonnull (govorun_voice_agent_get_dynamic_variable_names (agent));
  g_assert_null (govorun_voice_agent_get_dynamic_variable_names (agent)[0]);
}

static void
test_get_not_found (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunVoiceAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  agent = get (f, "agent_nosuchagent00000000000000", &error);
  g_assert_null (agent);
  g_assert_error (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "(ElevenLabs: "));
}

static void
test_get_error (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = govorun_elevenlabs_emulator_add_agent (f->emulator, "Front desk", NULL, NULL);
  g_autoptr(GovorunVoiceAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  add_fault (f, "GET /v1/convai/agents/{id}", 403);
  agent = get (f, id, &error);
  g_assert_null (agent);
  g_assert_error (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_ACCESS_DENIED);
  g_assert_nonnull (strstr (error->message, "(ElevenLabs: "));
}

static void
test_get_cancelled (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = govorun_elevenlabs_emulator_add_agent (f->emulator, "Front desk", NULL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GovorunVoiceAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  govorun_agent_catalog_get_async (f->catalog, f->account, id, cancellable,
                                   test_util_on_result, &f->result);
  agent = govorun_agent_catalog_get_finish (f->catalog, test_util_wait (&f->result), &error);
  g_assert_null (agent);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* -- audio formats -- */

static void
test_set_audio_formats (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = govorun_elevenlabs_emulator_add_agent (f->emulator, "Widget voice", NULL, NULL);
  g_autoptr(GovorunVoiceAgent) before = NULL;
  g_autoptr(GovorunVoiceAgent) after = NULL;
  g_autoptr(GovorunVoiceAgent) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (govorun_elevenlabs_emulator_set_agent_audio (f->emulator, id, "ulaw_8000", "pcm_44100"));
  before = get (f, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (govorun_voice_agent_get_input_audio_format (before), ==, "ulaw_8000");
  g_assert_cmpstr (govorun_voice_agent_get_output_audio_format (before), ==, "pcm_44100");

  after = set_audio_formats (f, id, "pcm_16000", "pcm_16000", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (govorun_voice_agent_get_id (after), ==, id);
  g_assert_cmpstr (govorun_voice_agent_get_input_audio_format (after), ==, "pcm_16000");
  g_assert_cmpstr (govorun_voice_agent_get_output_audio_format (after), ==, "pcm_16000");

  again = get (f, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (govorun_voice_agent_get_input_audio_format (again), ==, "pcm_16000");
  g_assert_cmpstr (govorun_voice_agent_get_output_audio_format (again), ==, "pcm_16000");
}

static void
test_set_audio_formats_errors (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = govorun_elevenlabs_emulator_add_agent (f->emulator, "Widget voice", NULL, NULL);
  g_autoptr(GovorunVoiceAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  /* A format outside the enum: refused before sending */
  agent = set_audio_formats (f, id, "pcm_17000", NULL, &error);
  g_assert_null (agent);
  g_assert_error (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "pcm_17000"));
  g_clear_error (&error);

  /* No such agent */
  agent = set_audio_formats (f, "agent_nosuchagent00000000000000", "pcm_16000", "pcm_16000", &error);
  g_assert_null (agent);
  g_assert_error (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "(ElevenLabs: "));
  g_clear_error (&error);

  /* The provider's rate limit, with its status */
  add_fault (f, "PATCH /v1/convai/agents/{id}", 429);
  agent = set_audio_formats (f, id, "pcm_16000", "pcm_16000", &error);
  g_assert_null (agent);
  g_assert_error (error, GOVORUN_AGENT_CATALOG_ERROR, GOVORUN_AGENT_CATALOG_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "(ElevenLabs: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/Govorun/AgentCatalog/list", test_list);
  ADD ("/Govorun/AgentCatalog/list-errors", test_list_errors);
  ADD ("/Govorun/AgentCatalog/get", test_get);
  ADD ("/Govorun/AgentCatalog/get-not-found", test_get_not_found);
  ADD ("/Govorun/AgentCatalog/get-error", test_get_error);
  ADD ("/Govorun/AgentCatalog/get-cancelled", test_get_cancelled);
  ADD ("/Govorun/AgentCatalog/set-audio-formats", test_set_audio_formats);
  ADD ("/Govorun/AgentCatalog/set-audio-formats-errors", test_set_audio_formats_errors);

  return g_test_run ();
}
