/* bench-test-call.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The latency Govorun's own pipeline adds to a test call, each way, over
 * the sandbox (`meson test --benchmark -C _build --verbose bench-test-call`):
 *  - send: a microphone chunk's last buffer arriving at our appsink → its
 *    WebSocket frame handed to libsoup;
 *  - receive: an agent audio frame arriving → its audio leaving our chain
 *    (after decoding, the queue, audioconvert, audioresample and volume)
 *    for the sink.
 * A WAV file is the microphone (played in real time); the speakers are a
 * fakesink that does not wait for the clock, so the receive figure is our
 * processing, not the playout of audio the agent sent ahead. Chunks are
 * 50 ms: the oldest sample of a chunk waits up to that much more by design.
 * Never fails on time.
 */
#define G_LOG_DOMAIN "GovorunBenchTestCall"

#include "config.h"

#include "govorun-test-calls-private.h"
#include "sandbox-services.h"
#include "test-call-agent.h"
#include "test-wav.h"

static int
compare (gconstpointer a,
         gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *values,
               double  p)
{
  guint i;

  if (values->len == 0)
    return 0.0;
  g_array_sort (values, compare);
  i = MIN (values->len - 1, (guint) (p * values->len));
  return g_array_index (values, gint64, i) / 1000.0;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  SandboxServices s = { 0 };
  g_autoptr(GovorunAccount) vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunAccount) vox_account = NULL;
  g_autoptr(GovorunAccount) el_account = NULL;
  g_autoptr(GovorunAgent) agent = NULL;
  g_autoptr(GovorunTestCall) call = NULL;
  g_autoptr(GArray) sent = NULL;
  g_autoptr(GArray) received = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account_id = g_strdup_printf ("%d", GOVORUN_SANDBOX_VOX_ACCOUNT_ID);
  g_autofree char *el_agent = NULL;
  g_autofree char *wav = NULL;
  g_autofree char *source = NULL;
  /* Three user turns over about ten seconds. */
  const guint pattern[] = { 1500, 800, 1500, 800, 1500, 800, 3000, 0 };
  g_autoptr(GBytes) voice = test_wav_voice (16000, pattern);
  gboolean done = FALSE;

  g_test_init (&argc, &argv, NULL);
  sandbox_services_start (&s);
  govorun_elevenlabs_emulator_set_conversation_timing (govorun_sandbox_get_elevenlabs (s.sandbox), 1000, 400, 40);
  el_agent = govorun_elevenlabs_emulator_add_agent (govorun_sandbox_get_elevenlabs (s.sandbox), "Bench",
                                                    "Hello, this is the benchmark agent speaking.", "en");
  govorun_account_set_display_name (vox, "Clinic");
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, account_id);
  vox_account = sandbox_services_add_account (&s, vox, GOVORUN_SANDBOX_VOX_API_KEY);
  govorun_account_set_display_name (el, "Voice");
  el_account = sandbox_services_add_account (&s, el, GOVORUN_SANDBOX_EL_API_KEY);
  agent = test_call_agent_new (s.services, s.sandbox, "Bench", govorun_account_get_uuid (vox_account),
                               govorun_account_get_uuid (el_account), el_agent, "74951230007", FALSE, FALSE);

  wav = g_build_filename (s.dir, "mic.wav", NULL);
  test_wav_write (wav, 16000, voice);
  source = g_strdup_printf ("filesrc location=\"%s\" ! wavparse", wav);
  g_setenv ("GOVORUN_AUDIO_SOURCE", source, TRUE);
  g_setenv ("GOVORUN_AUDIO_SINK", "fakesink sync=false", TRUE);

  call = govorun_test_calls_create_call (govorun_services_get_test_calls (s.services), agent);
  govorun_test_call_start_async (call, NULL, test_util_on_result, &result);
  if (!govorun_test_call_start_finish (call, test_util_wait (&result), &error))
    g_error ("The test call did not start: %s", error->message);

  g_timeout_add (11000, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  sent = _govorun_test_call_take_send_latencies (call);
  received = _govorun_test_call_take_receive_latencies (call);
  govorun_test_call_hang_up (call);

  g_print ("bench: test-call-send-frames = %u count\n", sent->len);
  g_print ("bench: test-call-send-p50 = %.2f ms\n", percentile_ms (sent, 0.50));
  g_print ("bench: test-call-send-p95 = %.2f ms\n", percentile_ms (sent, 0.95));
  g_print ("bench: test-call-receive-buffers = %u count\n", received->len);
  g_print ("bench: test-call-receive-p50 = %.2f ms\n", percentile_ms (received, 0.50));
  g_print ("bench: test-call-receive-p95 = %.2f ms\n", percentile_ms (received, 0.95));

  g_clear_object (&call);
  sandbox_services_stop (&s);
  return 0;
}
