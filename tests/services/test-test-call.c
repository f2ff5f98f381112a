/* test-test-call.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestTestCall"

#include "config.h"

#include <string.h>

#include "govorun-conversation-socket.h"
#include "govorun-elevenlabs-error.h"
#include "govorun-media.h"
#include "govorun-provisioner.h"
#include "govorun-test-calls-private.h"
#include "sandbox-services.h"
#include "test-call-agent.h"
#include "test-wav.h"

/* Test calls from the services down, against the sandbox's emulators: a
 * WAV file is the microphone, a WAV file the speakers. */

#define VOX GOVORUN_SANDBOX_VOX_ACCOUNT_ID

typedef struct
{
  SandboxServices            s;
  GovorunElevenlabsEmulator *el_emu;
  GovorunVoximplantEmulator *vox_emu;
  GovorunAccount            *vox_account;
  GovorunAccount            *el_account;
  GovorunAgent              *agent;
  GovorunTestCalls          *calls;
  char                      *el_agent_id;
  char                      *speakers;
  GAsyncResult              *result;
} Fixture;

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
use_microphone (Fixture     *f,
                const guint *pattern)
{
  g_autoptr(GBytes) voice = test_wav_voice (16000, pattern);
  g_autofree char *wav = g_build_filename (f->s.dir, "mic.wav", NULL);
  g_autofree char *description = g_strdup_printf ("filesrc location=\"%s\" ! wavparse", wav);

  test_wav_write (wav, 16000, voice);
  g_setenv ("GOVORUN_AUDIO_SOURCE", description, TRUE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GovorunAccount) vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autofree char *account_id = g_strdup_printf ("%d", VOX);
  g_autofree char *sink = NULL;
  const guint pattern[] = { 1500, 500, 2500, 0 };

  sandbox_services_start (&f->s);
  f->el_emu = govorun_sandbox_get_elevenlabs (f->s.sandbox);
  f->vox_emu = govorun_sandbox_get_voximplant (f->s.sandbox);
  govorun_voximplant_emulator_seed_phone_inventory (f->vox_emu);
  govorun_elevenlabs_emulator_set_conversation_timing (f->el_emu, 200, 300, 10);
  f->el_agent_id = govorun_elevenlabs_emulator_add_agent (f->el_emu, "Reception", "Hello {{customer_name}}!", "en");

  govorun_account_set_display_name (vox, "Clinic");
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, account_id);
  f->vox_account = sandbox_services_add_account (&f->s, vox, GOVORUN_SANDBOX_VOX_API_KEY);
  govorun_account_set_display_name (el, "Voice");
  f->el_account = sandbox_services_add_account (&f->s, el, GOVORUN_SANDBOX_EL_API_KEY);
  f->agent = test_call_agent_new (f->s.services, f->s.sandbox, "Reception",
                                  govorun_account_get_uuid (f->vox_account), govorun_account_get_uuid (f->el_account),
                                  f->el_agent_id, "74951230001", GPOINTER_TO_INT (data), FALSE);
  f->calls = g_object_ref (govorun_services_get_test_calls (f->s.services));

  use_microphone (f, pattern);
  f->speakers = g_build_filename (f->s.dir, "speakers.wav", NULL);
  sink = g_strdup_printf ("wavenc ! filesink location=\"%s\"", f->speakers);
  g_setenv ("GOVORUN_AUDIO_SINK", sink, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->calls);
  g_clear_object (&f->agent);
  g_clear_object (&f->vox_account);
  g_clear_object (&f->el_account);
  g_free (f->el_agent_id);
  g_free (f->speakers);
  sandbox_services_stop (&f->s);
  g_unsetenv ("GOVORUN_AUDIO_SOURCE");
  g_unsetenv ("GOVORUN_AUDIO_SINK");
}

static void
load_variables (Fixture         *f,
                GovorunTestCall *call)
{
  g_autoptr(GError) error = NULL;

  govorun_test_call_load_variables_async (call, NULL, test_util_on_result, &f->result);
  g_assert_true (govorun_test_call_load_variables_finish (call, test_util_wait (&f->result), &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);
}

static gboolean
start (Fixture          *f,
       GovorunTestCall  *call,
       GError          **error)
{
  gboolean ok;

  govorun_test_call_start_async (call, NULL, test_util_on_result, &f->result);
  ok = govorun_test_call_start_finish (call, test_util_wait (&f->result), error);
  g_clear_object (&f->result);
  return ok;
}

static guint
count_lines (GovorunTestCall *call,
             gboolean         agent,
             const char      *prefix,
             gboolean        *tentative)
{
  GListModel *lines = govorun_test_call_get_transcript (call);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(GovorunTranscriptLine) line = g_list_model_get_item (lines, i);

      if (govorun_transcript_line_get_agent (line) == agent &&
          g_str_has_prefix (govorun_transcript_line_get_text (line), prefix))
        {
          n++;
          if (tentative != NULL)
            *tentative = govorun_transcript_line_get_tentative (line);
        }
    }
  return n;
}

static void
wait_state (GovorunTestCall      *call,
            GovorunTestCallState  state)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (govorun_test_call_get_state (call) != state)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate_ms (20);
    }
}

/* Tests */

static void
test_variables (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GovorunTestCall) call = govorun_test_calls_create_call (f->calls, f->agent);
  GListModel *variables = govorun_test_call_get_variables (call);
  g_autoptr(GovorunCallVariable) variable = NULL;

  g_assert_true (govorun_test_call_get_agent (call) == f->agent);
  load_variables (f, call);
  g_assert_cmpuint (g_list_model_get_n_items (variables), ==, 1);
  variable = g_list_model_get_item (variables, 0);
  g_assert_cmpstr (govorun_call_variable_get_name (variable), ==, "customer_name");
  g_assert_cmpstr (govorun_call_variable_get_value (variable), ==, "");
}

static void
test_conversation (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunTestCall) call = govorun_test_calls_create_call (f->calls, f->agent);
  g_autoptr(GovorunCallVariable) variable = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint syncs;
  gboolean tentative = TRUE;

  load_variables (f, call);
  variable = g_list_model_get_item (govorun_test_call_get_variables (call), 0);
  govorun_call_variable_set_value (variable, "Anna");

  g_assert_true (start (f, call, &error));
  g_assert_no_error (error);
  g_assert_nonnull (govorun_test_call_get_conversation_id (call));
  g_assert_cmpint (govorun_test_call_get_state (call), >=, GOVORUN_TEST_CALL_LISTENING);

  /* The greeting with the variable, then what "the user said" (its
   * tentative line replaced by the final one), then the agent's answer. */
  while (count_lines (call, TRUE, "Of course", NULL) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate_ms (20);
    }
  g_assert_cmpuint (count_lines (call, TRUE, "Hello Anna!", NULL), ==, 1);
  g_assert_cmpuint (count_lines (call, FALSE, "Hello, I would like", &tentative), ==, 1);
  g_assert_false (tentative);
  g_assert_cmpfloat (govorun_test_call_get_volume (call), ==, 1.0);
  govorun_test_call_set_volume (call, 0.4);
  govorun_test_call_set_muted (call, TRUE);
  g_assert_true (govorun_test_call_get_muted (call));

  syncs = govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->el_emu), "GET /v1/convai/conversations");
  govorun_test_call_hang_up (call);
  wait_state (call, GOVORUN_TEST_CALL_ENDED);
  g_assert_null (govorun_test_call_get_error_message (call));

  /* The call ended: a sync brings the conversation into Calls. */
  while (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->el_emu), "GET /v1/convai/conversations") == syncs)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline + 20 * G_USEC_PER_SEC);
      iterate_ms (20);
    }
}

static void
test_agent_audio_to_speakers (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GovorunTestCall) call = govorun_test_calls_create_call (f->calls, f->agent);
  g_autoptr(GovorunCallVariable) variable = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GArray) sent = NULL;
  guint rate, channels, bits;

  govorun_elevenlabs_emulator_set_agent_audio (f->el_emu, f->el_agent_id, NULL, "pcm_24000");
  load_variables (f, call);
  variable = g_list_model_get_item (govorun_test_call_get_variables (call), 0);
  govorun_call_variable_set_value (variable, "Anna");
  g_assert_true (start (f, call, NULL));
  while (count_lines (call, TRUE, "Of course", NULL) == 0)
    iterate_ms (20);
  sent = _govorun_test_call_take_send_latencies (call);
  g_assert_cmpuint (sent->len, >, 10);
  govorun_test_call_hang_up (call);
  wait_state (call, GOVORUN_TEST_CALL_ENDED);
  /* The playback finishes its file after the call. */
  iterate_ms (500);

  written = test_wav_read (f->speakers, &rate, &channels, &bits);
  g_assert_cmpuint (rate, ==, 24000);
  g_assert_cmpuint (channels, ==, 1);
  g_assert_cmpuint (g_bytes_get_size (written), >, 24000 * 2 / 10);
}

static void
test_missing_variable (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GovorunTestCall) call = govorun_test_calls_create_call (f->calls, f->agent);
  g_autoptr(GError) error = NULL;

  /* Without loading the variables, none is sent: close 1008. */
  g_assert_false (start (f, call, &error));
  g_assert_error (error, GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_MISSING_VARIABLE);
  g_assert_nonnull (strstr (error->message, "customer_name"));
  g_assert_cmpint (govorun_test_call_get_state (call), ==, GOVORUN_TEST_CALL_FAILED);
  g_assert_cmpstr (govorun_test_call_get_error_message (call), ==, error->message);
}

static void
test_missing_scope (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunAccount) account = NULL;
  g_autoptr(GovorunTestCall) call = NULL;
  g_autoptr(GError) error = NULL;
  const char *scopes[] = { "user_read", NULL };

  govorun_elevenlabs_emulator_add_key_with_scopes (f->el_emu, "sk_voices_only_00000000000000000000", scopes);
  govorun_account_set_display_name (draft, "Voices only");
  account = sandbox_services_add_account (&f->s, draft, "sk_voices_only_00000000000000000000");
  govorun_agent_set_el_account_uuid (f->agent, govorun_account_get_uuid (account));
  call = govorun_test_calls_create_call (f->calls, f->agent);
  g_assert_false (start (f, call, &error));
  g_assert_error (error, GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_MISSING_SCOPE);
  g_assert_nonnull (strstr (error->message, "convai_read"));
}

static void
test_no_microphone (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunTestCall) call = govorun_test_calls_create_call (f->calls, f->agent);
  g_autoptr(GError) error = NULL;

  g_setenv ("GOVORUN_AUDIO_SOURCE", "filesrc location=/nonexistent/govorun.wav ! wavparse", TRUE);
  load_variables (f, call);
  if (start (f, call, &error))
    {
      /* The file source may fail after it started. */
      wait_state (call, GOVORUN_TEST_CALL_FAILED);
      g_assert_nonnull (strstr (govorun_test_call_get_error_message (call), "microphone"));
      return;
    }
  g_assert_error (error, GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_NO_MICROPHONE);
}

static void
test_network (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GovorunTestCall) call = govorun_test_calls_create_call (f->calls, f->agent);
  GovorunFault fault = { .drop_connection = TRUE, .times = 1 };
  g_autoptr(GError) error = NULL;

  load_variables (f, call);
  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->el_emu), "WS /v1/convai/conversation", &fault);
  g_assert_false (start (f, call, &error));
  g_assert_error (error, GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_NETWORK);
}

static void
test_no_agent (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GovorunAgent) bare = govorun_agent_new ();
  g_autoptr(GovorunTestCall) call = govorun_test_calls_create_call (f->calls, bare);
  g_autoptr(GError) error = NULL;

  g_assert_false (start (f, call, &error));
  g_assert_error (error, GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_NO_AGENT);
}

/* Each close code and refusal → its sentence, with the provider's words. */
static void
test_sentences (Fixture       *f,
                gconstpointer  data)
{
  static const struct
  {
    GQuark   domain_placeholder;
    int      code;
    int      expected;
    const char *words;
  } cases[] = {
    { 0, GOVORUN_CONVERSATION_ERROR_OVERRIDE_REFUSED, GOVORUN_TEST_CALL_ERROR_OVERRIDE_REFUSED, "override" },
    { 0, GOVORUN_CONVERSATION_ERROR_MISSING_VARIABLE, GOVORUN_TEST_CALL_ERROR_MISSING_VARIABLE, "dynamic variables" },
    { 0, GOVORUN_CONVERSATION_ERROR_REFUSED, GOVORUN_TEST_CALL_ERROR_REFUSED, "did not accept a message" },
    { 0, GOVORUN_CONVERSATION_ERROR_AUTH, GOVORUN_TEST_CALL_ERROR_REFUSED, "signed link" },
    { 0, GOVORUN_CONVERSATION_ERROR_NOT_FOUND, GOVORUN_TEST_CALL_ERROR_REFUSED, "does not know this agent" },
    { 0, GOVORUN_CONVERSATION_ERROR_OPERATIONAL, GOVORUN_TEST_CALL_ERROR_PROVIDER, "speech recognition" },
    { 0, GOVORUN_CONVERSATION_ERROR_INTERNAL, GOVORUN_TEST_CALL_ERROR_PROVIDER, "internal error" },
    { 0, GOVORUN_CONVERSATION_ERROR_CONNECTION, GOVORUN_TEST_CALL_ERROR_NETWORK, "connection" },
    { 0, GOVORUN_CONVERSATION_ERROR_PROTOCOL, GOVORUN_TEST_CALL_ERROR_PROVIDER, "could not read" },
    { 0, GOVORUN_CONVERSATION_ERROR_CLOSED, GOVORUN_TEST_CALL_ERROR_PROVIDER, "closed the conversation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) provider = g_error_new (GOVORUN_CONVERSATION_ERROR, cases[i].code, "reason %u (close code 1008)", i);
      g_autoptr(GError) sentence = _govorun_test_call_error_for (provider);
      g_autofree char *words = g_strdup_printf ("reason %u (close code 1008)", i);

      g_assert_error (sentence, GOVORUN_TEST_CALL_ERROR, cases[i].expected);
      g_assert_nonnull (strstr (sentence->message, cases[i].words));
      g_assert_nonnull (strstr (sentence->message, words));
    }

  {
    g_autoptr(GError) scope = g_error_new_literal (GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS, "x");
    g_autoptr(GError) mic = g_error_new_literal (GOVORUN_MEDIA_ERROR, GOVORUN_MEDIA_ERROR_NO_MICROPHONE, "No microphone.");
    g_autoptr(GError) http = g_error_new_literal (GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_UNREACHABLE, "refused");
    g_autoptr(GError) a = _govorun_test_call_error_for (scope);
    g_autoptr(GError) b = _govorun_test_call_error_for (mic);
    g_autoptr(GError) c = _govorun_test_call_error_for (http);

    g_assert_error (a, GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_MISSING_SCOPE);
    g_assert_error (b, GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_NO_MICROPHONE);
    g_assert_error (c, GOVORUN_TEST_CALL_ERROR, GOVORUN_TEST_CALL_ERROR_NETWORK);
  }
}

/* Call My Phone */

/* The agent as Govorun sets it up on Voximplant (its outbound rule). */
static gboolean
provision (Fixture *f)
{
  GovorunProvisioner *provisioner = govorun_services_get_provisioner (f->s.services);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  govorun_provisioner_apply_async (provisioner, f->agent, NULL, test_util_on_result, &f->result);
  ok = govorun_provisioner_apply_finish (provisioner, test_util_wait (&f->result), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  return ok;
}

static void
on_phone_state (GovorunPhoneTestCall *call,
                GParamSpec           *pspec,
                GString              *states)
{
  g_string_append_printf (states, "%d", govorun_phone_test_call_get_state (call));
}

static void
test_call_my_phone (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunPhoneTestCall) call = NULL;
  g_autoptr(GString) states = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *remembered = NULL;
  gint64 deadline;

  g_assert_true (provision (f));
  govorun_voximplant_emulator_set_run_timing (f->vox_emu, 600, 1500);
  call = govorun_test_calls_create_phone_call (f->calls, f->agent);
  _govorun_phone_test_call_set_poll_interval (call, 50);
  g_signal_connect (call, "notify::state", G_CALLBACK (on_phone_state), states);

  govorun_phone_test_call_start_async (call, "8 (916) 123-45-67", NULL, test_util_on_result, &f->result);
  g_assert_true (govorun_phone_test_call_start_finish (call, test_util_wait (&f->result), &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);
  g_assert_cmpstr (govorun_phone_test_call_get_number (call), ==, "+79161234567");
  remembered = govorun_test_calls_dup_my_number (f->calls);
  g_assert_cmpstr (remembered, ==, "+79161234567");

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (govorun_phone_test_call_get_state (call) != GOVORUN_PHONE_TEST_CALL_FINISHED)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_assert_cmpint (govorun_phone_test_call_get_state (call), !=, GOVORUN_PHONE_TEST_CALL_FAILED);
      iterate_ms (20);
    }

  /* starting, dialling, answered, finished — in that order */
  g_assert_nonnull (strstr (states->str, "1"));
  g_assert_cmpint (strchr (states->str, '2') - states->str, <, strchr (states->str, '3') - states->str);
  g_assert_cmpint (strchr (states->str, '3') - states->str, <, strchr (states->str, '4') - states->str);
  g_assert_cmpuint (govorun_phone_test_call_get_talk_seconds (call), >=, 1);
  g_assert_nonnull (strstr (govorun_phone_test_call_get_result (call), "answered"));
  g_assert_null (govorun_phone_test_call_get_error_message (call));
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->vox_emu), "StartScenarios"), ==, 1);
}

static void
test_call_my_phone_bad_number (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GovorunPhoneTestCall) call = govorun_test_calls_create_phone_call (f->calls, f->agent);
  g_autoptr(GError) error = NULL;

  govorun_phone_test_call_start_async (call, "12", NULL, test_util_on_result, &f->result);
  g_assert_false (govorun_phone_test_call_start_finish (call, test_util_wait (&f->result), &error));
  g_assert_error (error, GOVORUN_PHONE_TEST_CALL_ERROR, GOVORUN_PHONE_TEST_CALL_ERROR_BAD_NUMBER);
  g_assert_cmpint (govorun_phone_test_call_get_state (call), ==, GOVORUN_PHONE_TEST_CALL_IDLE);
  g_clear_object (&f->result);
}

static void
test_call_my_phone_no_outbound (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GovorunPhoneTestCall) call = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (provision (f));
  call = govorun_test_calls_create_phone_call (f->calls, f->agent);
  govorun_phone_test_call_start_async (call, "+7 916 123-45-67", NULL, test_util_on_result, &f->result);
  g_assert_false (govorun_phone_test_call_start_finish (call, test_util_wait (&f->result), &error));
  g_assert_error (error, GOVORUN_PHONE_TEST_CALL_ERROR, GOVORUN_PHONE_TEST_CALL_ERROR_NO_OUTBOUND);
  g_assert_cmpint (govorun_phone_test_call_get_state (call), ==, GOVORUN_PHONE_TEST_CALL_FAILED);
  g_assert_cmpstr (govorun_phone_test_call_get_error_message (call), ==, error->message);
  g_clear_object (&f->result);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init_i18n ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, outbound, fn) \
  g_test_add (path, Fixture, GINT_TO_POINTER (outbound), fixture_set_up, fn, fixture_tear_down)
  ADD ("/Govorun/TestCall/variables", FALSE, test_variables);
  ADD ("/Govorun/TestCall/conversation", FALSE, test_conversation);
  ADD ("/Govorun/TestCall/agent-audio-to-speakers", FALSE, test_agent_audio_to_speakers);
  ADD ("/Govorun/TestCall/missing-variable", FALSE, test_missing_variable);
  ADD ("/Govorun/TestCall/missing-scope", FALSE, test_missing_scope);
  ADD ("/Govorun/TestCall/no-microphone", FALSE, test_no_microphone);
  ADD ("/Govorun/TestCall/network", FALSE, test_network);
  ADD ("/Govorun/TestCall/no-agent", FALSE, test_no_agent);
  ADD ("/Govorun/TestCall/sentences", FALSE, test_sentences);
  ADD ("/Govorun/TestCall/call-my-phone", TRUE, test_call_my_phone);
  ADD ("/Govorun/TestCall/call-my-phone-bad-number", TRUE, test_call_my_phone_bad_number);
  ADD ("/Govorun/TestCall/call-my-phone-no-outbound", FALSE, test_call_my_phone_no_outbound);
#undef ADD

  return g_test_run ();
}
