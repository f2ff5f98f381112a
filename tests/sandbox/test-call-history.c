/* test-call-history.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "govorun-call-history.h"
#include "govorun-voximplant-emulator.h"
#include "test-util.h"

/* The generated history: deterministic, stable when the window moves,
 * its recordings line up with the transcript, and the recording URL
 * honours Range requests. */

#define END G_GINT64_CONSTANT (1780000000)
#define PAGES_DIGEST "ee5eb589daa5f01eabd6d19ec4a84c8c5650964edb9816f10867b3a19f8dac71"

static GovorunCallHistory *
make_history (guint64 seed,
              gint64  end)
{
  GovorunCallHistory *history = govorun_call_history_new (seed, 5000, 90, end);

  govorun_call_history_add_agent (history, "agent_a", "74950000001", GOVORUN_HISTORY_DOMAIN_CLINIC, FALSE);
  govorun_call_history_add_agent (history, "agent_b", "74950000002", GOVORUN_HISTORY_DOMAIN_HOTEL, TRUE);
  return history;
}

static void
test_deterministic (void)
{
  g_autoptr(GovorunCallHistory) a = make_history (1, END);
  g_autoptr(GovorunCallHistory) b = make_history (1, END + 7 * 86400);
  g_autoptr(GovorunCallHistory) other = make_history (2, END);
  gint64 lo = govorun_call_history_index_at (a, govorun_call_history_get_start (a));
  gint64 hi = govorun_call_history_index_at (a, END);
  guint differ = 0, answered = 0;
  gint64 previous = G_MININT64;

  /* About the asked number of calls in the window. */
  g_assert_cmpint (hi - lo, >, 4500);
  g_assert_cmpint (hi - lo, <, 5500);

  for (gint64 i = lo; i < hi; i++)
    {
      GovorunHistoryCall x, y, z;

      g_assert_true (govorun_call_history_get_call (a, i, 0, &x));
      /* A later window holds the same call under the same index. */
      if (govorun_call_history_get_call (b, i, 0, &y))
        {
          g_assert_cmpint (x.start, ==, y.start);
          g_assert_cmpint (x.session_id, ==, y.session_id);
          g_assert_cmpstr (x.conversation_id, ==, y.conversation_id);
          g_assert_cmpstr (x.remote_number, ==, y.remote_number);
        }
      if (govorun_call_history_get_call (other, i, 0, &z) && z.start != x.start)
        differ++;
      g_assert_cmpint (x.start, >=, previous);
      g_assert_cmpint (govorun_call_history_index_at (a, x.start + 1), >, i);
      previous = x.start;
      if (x.outcome == GOVORUN_HISTORY_OUTCOME_ANSWERED)
        answered++;
      g_assert_cmpint (govorun_call_history_find_session (a, x.session_id), ==, i);
    }

  g_assert_cmpuint (differ, >, (hi - lo) / 2);
  /* A realistic share of unanswered and failed calls. */
  g_assert_cmpuint (answered, >, (hi - lo) * 6 / 10);
  g_assert_cmpuint (answered, <, (hi - lo) * 9 / 10);
  {
    GovorunHistoryCall outside;

    g_assert_false (govorun_call_history_get_call (a, hi, 0, &outside));
    g_assert_false (govorun_call_history_get_call (a, lo - 1, 0, &outside));
  }
}

/* The recording is loud exactly inside the transcript's turns. */
static void
test_audio_follows_transcript (void)
{
  g_autoptr(GovorunCallHistory) history = make_history (3, END);
  gint64 i = govorun_call_history_index_at (history, END - 86400);
  GovorunHistoryCall call;
  g_autoptr(GArray) turns = NULL;
  g_autoptr(GBytes) audio = NULL;
  const guint8 *data;

  while (!govorun_call_history_get_call (history, i, 0, &call) || call.talk_secs == 0)
    i++;

  turns = govorun_call_history_get_turns (history, &call);
  audio = govorun_call_history_render_audio (history, &call);
  g_assert_cmpuint (g_bytes_get_size (audio), ==, 44 + 16000 * (gsize) call.talk_secs);
  data = g_bytes_get_data (audio, NULL);
  g_assert_cmpint (memcmp (data, "RIFF", 4), ==, 0);
  g_assert_cmpint (memcmp (data + 8, "WAVEfmt ", 8), ==, 0);

  for (guint t = 0; t < turns->len; t++)
    {
      GovorunHistoryTurn *turn = &g_array_index (turns, GovorunHistoryTurn, t);
      gsize middle = ((gsize) turn->time_in_call_secs * 8000 + (gsize) turn->speech_secs * 4000);
      gsize gap = ((gsize) turn->time_in_call_secs + turn->speech_secs) * 8000 + 2000;
      double energy = 0;

      /* 0.1 s around the middle of the turn: sound. */
      for (gsize s = middle - 400; s < middle + 400; s++)
        {
          gint16 v = (gint16) (data[44 + s * 2] | (data[45 + s * 2] << 8));
          energy += (double) v * v;
        }
      g_assert_cmpfloat (energy / 800, >, 1e5);

      /* A quarter second after it ends: silence, unless the next turn began. */
      if (t + 1 < turns->len &&
          g_array_index (turns, GovorunHistoryTurn, t + 1).time_in_call_secs * 8000 > gap)
        g_assert_cmpint (data[44 + gap * 2] | (data[45 + gap * 2] << 8), ==, 0);
    }
}

static GBytes *
fetch (SoupSession *session,
       const char  *url,
       const char  *range,
       guint       *status,
       char       **content_range)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GAsyncResult) result = NULL;
  GBytes *body;

  if (range != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Range", range);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, test_util_on_result, &result);
  body = soup_session_send_and_read_finish (session, test_util_wait (&result), NULL);
  *status = soup_message_get_status (msg);
  if (content_range != NULL)
    *content_range = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Content-Range"));
  return body;
}

static void
test_record_ranges (void)
{
  g_autoptr(GovorunVoximplantEmulator) emu = govorun_voximplant_emulator_new ();
  g_autoptr(GovorunCallHistory) history = make_history (4, END);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GBytes) tail = NULL;
  g_autoptr(GBytes) past = NULL;
  g_autofree char *url = NULL;
  g_autofree char *cr1 = NULL, *cr2 = NULL, *cr3 = NULL, *cr4 = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *past_range = NULL;
  gint64 i = govorun_call_history_index_at (history, END - 86400);
  GovorunHistoryCall call;
  guint status;
  gsize size;

  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (emu), NULL));
  govorun_voximplant_emulator_add_account (emu, 42, "Rec", "r@example.com", "rec-key", 10, "RUB");
  govorun_voximplant_emulator_set_call_history (emu, 42, history);
  while (!govorun_call_history_get_call (history, i, 0, &call) || call.record_id == 0)
    i++;
  url = g_strdup_printf ("%s/records/42/%" G_GINT64_FORMAT ".wav",
                         govorun_emulator_get_base_url (GOVORUN_EMULATOR (emu)), call.record_id);

  whole = fetch (session, url, NULL, &status, &cr1);
  g_assert_cmpuint (status, ==, 200);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, ==, 44 + 16000 * (gsize) call.talk_secs);

  part = fetch (session, url, "bytes=100-1099", &status, &cr2);
  g_assert_cmpuint (status, ==, 206);
  expected = g_strdup_printf ("bytes 100-1099/%" G_GSIZE_FORMAT, size);
  g_assert_cmpstr (cr2, ==, expected);
  g_assert_cmpuint (g_bytes_get_size (part), ==, 1000);
  g_assert_cmpint (memcmp (g_bytes_get_data (part, NULL), (const guint8 *) g_bytes_get_data (whole, NULL) + 100, 1000), ==, 0);

  tail = fetch (session, url, "bytes=-10", &status, &cr3);
  g_assert_cmpuint (status, ==, 206);
  g_assert_cmpuint (g_bytes_get_size (tail), ==, 10);
  g_assert_cmpint (memcmp (g_bytes_get_data (tail, NULL), (const guint8 *) g_bytes_get_data (whole, NULL) + size - 10, 10), ==, 0);

  past_range = g_strdup_printf ("bytes=%" G_GSIZE_FORMAT "-", size + 10);
  past = fetch (session, url, past_range, &status, &cr4);
  g_assert_cmpuint (status, ==, 416);

  govorun_emulator_stop (GOVORUN_EMULATOR (emu));
}

/* GetCallHistory's pages, byte for byte: the emulator writes them by hand
 * (govorun-vox-emu-calls.c), and a change that makes them faster must
 * not change a byte. The digest is of the pages of a generated history
 * in zones with DST and with offsets of half and three quarters of an
 * hour, ascending and descending, the base URL (a random port) made
 * fixed. */
static void
test_pages_unchanged (void)
{
  static const char * const zones[] = { "Europe/Moscow", "Europe/Berlin", "America/New_York",
                                        "Australia/Lord_Howe", "Asia/Kathmandu", "Etc/GMT+5" };
  g_autoptr(GovorunVoximplantEmulator) emu = govorun_voximplant_emulator_new ();
  g_autoptr(GovorunCallHistory) history = make_history (5, END);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  const char *base;
  guint n_pages = 0;

  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (emu), NULL));
  base = govorun_emulator_get_base_url (GOVORUN_EMULATOR (emu));
  govorun_voximplant_emulator_add_account (emu, 42, "Pages", "p@example.com", "pages-key", 10, "RUB");
  govorun_voximplant_emulator_set_call_history (emu, 42, history);

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (guint order = 0; order < 2; order++)
      for (guint offset = 0; offset < 6000; offset += 1000)
        {
          g_autofree char *zone = g_uri_escape_string (zones[z], NULL, FALSE);
          g_autofree char *url = NULL;
          g_autoptr(GBytes) body = NULL;
          g_autoptr(GString) text = NULL;
          guint status;

          url = g_strdup_printf ("%s/platform_api/GetCallHistory?account_id=42&api_key=pages-key"
                                 "&from_date=2026-02-01%%2000:00:00&to_date=2026-06-01%%2000:00:00"
                                 "&timezone=%s&with_calls=%s&with_records=true&with_other_resources=%s"
                                 "&desc_order=%s&count=1000&offset=%u",
                                 base, zone, order == 0 ? "true" : "false", order == 0 ? "true" : "false",
                                 order == 0 ? "false" : "true", offset);
          body = fetch (session, url, NULL, &status, NULL);
          g_assert_cmpuint (status, ==, 200);
          text = g_string_new_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
          g_string_replace (text, base, "http://emulator", 0);
          g_checksum_update (digest, (const guchar *) text->str, text->len);
          if (g_getenv ("GOVORUN_TEST_PAGES_DUMP") != NULL)
            {
              g_autofree char *name = g_strdup_printf ("%s/page-%02u", g_getenv ("GOVORUN_TEST_PAGES_DUMP"), n_pages);

              g_assert_true (g_file_set_contents (name, text->str, text->len, NULL));
            }
          n_pages++;
        }

  g_assert_cmpuint (n_pages, ==, 72);
  g_assert_cmpstr (g_checksum_get_string (digest), ==, PAGES_DIGEST);
  govorun_emulator_stop (GOVORUN_EMULATOR (emu));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/call-history/deterministic", test_deterministic);
  g_test_add_func ("/call-history/audio-follows-transcript", test_audio_follows_transcript);
  g_test_add_func ("/call-history/record-ranges", test_record_ranges);
  g_test_add_func ("/call-history/pages-unchanged", test_pages_unchanged);

  return g_test_run ();
}
