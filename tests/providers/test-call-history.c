/* test-call-history.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCallHistory"

#include "config.h"

#include "govorun-elevenlabs-client.h"
#include "govorun-elevenlabs-conversations.h"
#include "govorun-elevenlabs-emulator.h"
#include "govorun-voximplant-client.h"
#include "govorun-voximplant-emulator.h"
#include "test-util.h"

/* The typed call-history calls of both clients against the emulators
 * serving one generated history: every _finish, page boundaries, the
 * offset cap, time zones, the cursor, the join keys and the audio. */

#define ACCOUNT_ID 4400001
#define VOX_KEY    "test-history-vox-key"
#define EL_KEY     "sk_test_history_key_0123456789abcdef"
#define N_CALLS    20000
#define END        G_GINT64_CONSTANT (1780000000)

/* Every log message, to check that no key reaches it. */
static GString *log_capture;

typedef struct
{
  GovorunVoximplantEmulator *vox_emu;
  GovorunElevenlabsEmulator *el_emu;
  GovorunCallHistory        *history;
  GovorunHttp               *http;
  GovorunVoximplantClient   *vox;
  GovorunElevenlabsClient   *el;
  char                      *agents[3];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *vox_url = NULL;

  f->vox_emu = govorun_voximplant_emulator_new ();
  f->el_emu = govorun_elevenlabs_emulator_new ();
  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (f->vox_emu), &error));
  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (f->el_emu), &error));
  govorun_voximplant_emulator_add_account (f->vox_emu, ACCOUNT_ID, "History LLC", "h@example.com",
                                           VOX_KEY, 100, "RUB");
  govorun_elevenlabs_emulator_add_key (f->el_emu, EL_KEY, TRUE);
  f->agents[0] = govorun_elevenlabs_emulator_add_agent (f->el_emu, "Clinic", "Здравствуйте!", "ru");
  f->agents[1] = govorun_elevenlabs_emulator_add_agent (f->el_emu, "Reminders", "Добрый день!", "ru");
  f->agents[2] = govorun_elevenlabs_emulator_add_agent (f->el_emu, "Workshop", "Слушаю!", "ru");

  f->history = govorun_call_history_new (7, N_CALLS, 90, END);
  govorun_call_history_add_agent (f->history, f->agents[0], "74950000001", GOVORUN_HISTORY_DOMAIN_CLINIC, FALSE);
  govorun_call_history_add_agent (f->history, f->agents[1], "74950000002", GOVORUN_HISTORY_DOMAIN_CLINIC, TRUE);
  govorun_call_history_add_agent (f->history, f->agents[2], "74950000003", GOVORUN_HISTORY_DOMAIN_WORKSHOP, FALSE);
  govorun_voximplant_emulator_set_call_history (f->vox_emu, ACCOUNT_ID, f->history);
  govorun_elevenlabs_emulator_set_call_history (f->el_emu, f->history);

  f->http = govorun_http_new ();
  govorun_http_set_retry (f->http, 1, 10);
  vox_url = g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->vox_emu)), "/platform_api", NULL);
  f->vox = govorun_voximplant_client_new (f->http, vox_url);
  govorun_voximplant_client_set_api_key (f->vox, G_STRINGIFY (ACCOUNT_ID), VOX_KEY);
  f->el = govorun_elevenlabs_client_new (f->http, govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->el_emu)), EL_KEY);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->vox);
  g_clear_object (&f->el);
  g_clear_object (&f->http);
  govorun_emulator_stop (GOVORUN_EMULATOR (f->vox_emu));
  govorun_emulator_stop (GOVORUN_EMULATOR (f->el_emu));
  g_clear_object (&f->vox_emu);
  g_clear_object (&f->el_emu);
  g_clear_object (&f->history);
  for (guint i = 0; i < G_N_ELEMENTS (f->agents); i++)
    g_free (f->agents[i]);

  g_assert_null (strstr (log_capture->str, VOX_KEY));
  g_assert_null (strstr (log_capture->str, EL_KEY));
}

static GovorunVoximplantCallHistoryPage *
get_page (Fixture                           *f,
          GovorunVoximplantCallHistoryQuery *query,
          GError                           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_voximplant_client_get_call_history_async (f->vox, query, NULL, test_util_on_result, &result);
  return govorun_voximplant_client_get_call_history_finish (f->vox, test_util_wait (&result), error);
}

static GDateTime *
utc (gint64 seconds)
{
  return g_date_time_new_from_unix_utc (seconds);
}

/* Start of slot @index. */
static gint64
start_of (Fixture *f,
          gint64   index)
{
  GovorunHistoryCall call;

  g_assert_true (govorun_call_history_get_call (f->history, index, 0, &call));
  return call.start;
}

/* The sessions of slots [@first, @first + @n], with calls and records. */
static GovorunVoximplantCallHistoryPage *
get_slots (Fixture *f,
           gint64   first,
           guint    n)
{
  g_autoptr(GDateTime) from = utc (start_of (f, first));
  g_autoptr(GDateTime) to = utc (start_of (f, first + n));
  GovorunVoximplantCallHistoryQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  GovorunVoximplantCallHistoryPage *page;

  query.from_date = from;
  query.to_date = to;
  query.with_calls = query.with_records = TRUE;
  page = get_page (f, &query, &error);
  g_assert_no_error (error);
  return page;
}

/* Pages through a window of exactly @n calls as a sync would. */
static void
check_window_of (Fixture *f,
                 guint    n)
{
  gint64 first = govorun_call_history_index_at (f->history, govorun_call_history_get_start (f->history)) + 50;
  g_autoptr(GDateTime) from = utc (start_of (f, first));
  g_autoptr(GDateTime) to = utc (start_of (f, first + n) - 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GovorunVoximplantCallHistoryQuery query = { 0 };
  guint pages = 0;

  g_assert_cmpint (start_of (f, first + n - 1), <, start_of (f, first + n));
  query.from_date = from;
  query.to_date = to;
  query.timezone = "Europe/Moscow";
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GovorunVoximplantCallHistoryPage) page = get_page (f, &query, &error);

      g_assert_no_error (error);
      g_assert_cmpint (page->total_count, ==, n);
      g_assert_cmpstr (page->timezone, ==, "Europe/Moscow");
      pages++;
      for (guint i = 0; i < page->sessions->len; i++)
        {
          GovorunVoximplantCallSession *s = g_ptr_array_index (page->sessions, i);

          g_assert_false (g_hash_table_contains (seen, &s->call_session_history_id));
          g_hash_table_add (seen, g_memdup2 (&s->call_session_history_id, sizeof (gint64)));
        }
      query.offset += page->sessions->len;
      if (page->sessions->len < GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT)
        break;
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, n);
  g_assert_cmpuint (pages, ==, n / 1000 + 1);
}

static void
test_page_boundaries (Fixture       *f,
                      gconstpointer  data)
{
  check_window_of (f, 999);
  check_window_of (f, 1000);
  check_window_of (f, 1001);
}

static void
test_offset_cap (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) from = utc (govorun_call_history_get_start (f->history));
  g_autoptr(GDateTime) to = utc (END);
  GovorunVoximplantCallHistoryQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunVoximplantCallHistoryPage) last = NULL;
  g_autoptr(GovorunVoximplantCallHistoryPage) past = NULL;

  query.from_date = from;
  query.to_date = to;
  query.count = 10;
  query.offset = GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_OFFSET;
  last = get_page (f, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->sessions->len, ==, 10);
  g_assert_cmpint (last->total_count, >, GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_OFFSET + 10);

  query.offset = GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_OFFSET + 1;
  past = get_page (f, &query, &error);
  g_assert_null (past);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (error), ==, 101);
}

/* Every field of a session with calls, records and resources, and its
 * dates read back as the same instants in two zones (one with DST). */
static void
test_session_fields (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const zones[] = { "Europe/Berlin", "Asia/Vladivostok" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      gint64 first = govorun_call_history_index_at (f->history, END - 30 * 86400);
      g_autoptr(GDateTime) from = utc (start_of (f, first));
      g_autoptr(GDateTime) to = utc (start_of (f, first + 40));
      GovorunVoximplantCallHistoryQuery query = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GovorunVoximplantCallHistoryPage) page = NULL;
      gboolean saw_record = FALSE, saw_failed = FALSE;

      query.from_date = from;
      query.to_date = to;
      query.timezone = zones[z];
      query.with_calls = query.with_records = query.with_other_resources = TRUE;
      page = get_page (f, &query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->sessions->len, ==, 41);

      for (guint i = 0; i < page->sessions->len; i++)
        {
          GovorunVoximplantCallSession *s = g_ptr_array_index (page->sessions, i);
          GovorunVoximplantCall *c;
          GovorunHistoryCall hc;

          g_assert_true (govorun_call_history_get_call (f->history, first + i, 0, &hc));
          g_assert_cmpint (s->call_session_history_id, ==, hc.session_id);
          g_assert_cmpint (g_date_time_to_unix (s->start_date), ==, hc.start);
          g_assert_cmpint (s->account_id, ==, ACCOUNT_ID);
          g_assert_cmpint (s->duration, ==, hc.session_secs);
          g_assert_cmpstr (s->finish_reason, ==, hc.finish_reason);
          g_assert_cmpuint (s->calls->len, ==, 1);
          g_assert_cmpuint (s->other_resource_usage->len, ==, 1);
          c = g_ptr_array_index (s->calls, 0);
          g_assert_cmpint (c->call_id, ==, hc.call_id);
          g_assert_cmpstr (c->remote_number, ==, hc.remote_number);
          g_assert_cmpint (c->incoming, ==, hc.incoming);
          g_assert_cmpint (c->end_reason_code, ==, hc.end_code);
          g_assert_cmpfloat_with_epsilon (c->cost, hc.call_cost, 0.001);
          if (hc.record_id != 0)
            {
              GovorunVoximplantRecord *r;

              g_assert_cmpuint (s->records->len, ==, 1);
              r = g_ptr_array_index (s->records, 0);
              g_assert_cmpint (r->record_id, ==, hc.record_id);
              g_assert_nonnull (r->record_url);
              g_assert_cmpint (g_date_time_to_unix (r->start_time), ==, hc.start + hc.ring_secs);
              g_assert_nonnull (s->custom_data);
              g_assert_nonnull (strstr (s->custom_data, hc.conversation_id));
              saw_record = TRUE;
            }
          else
            {
              g_assert_cmpuint (s->records->len, ==, 0);
              g_assert_false (c->successful);
              saw_failed = TRUE;
            }
        }
      g_assert_true (saw_record);
      g_assert_true (saw_failed);
    }
}

/* A remote_number filter gives exactly that caller's sessions. */
static void
test_remote_number_filter (Fixture       *f,
                           gconstpointer  data)
{
  gint64 first = govorun_call_history_index_at (f->history, END - 20 * 86400);
  gint64 last = govorun_call_history_index_at (f->history, END);
  g_autoptr(GDateTime) from = utc (start_of (f, first));
  g_autoptr(GDateTime) to = utc (END);
  GovorunVoximplantCallHistoryQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunVoximplantCallHistoryPage) page = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *number = NULL;
  gint64 expected = 0;

  /* The most frequent caller of the window. */
  for (gint64 i = first; i < last; i++)
    {
      GovorunHistoryCall hc;
      guint n;

      g_assert_true (govorun_call_history_get_call (f->history, i, 0, &hc));
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, hc.remote_number)) + 1;
      g_hash_table_replace (counts, g_strdup (hc.remote_number), GUINT_TO_POINTER (n));
      if (n > expected)
        {
          expected = n;
          g_free (number);
          number = g_strdup (hc.remote_number);
        }
    }
  g_assert_cmpint (expected, >=, 2);

  query.from_date = from;
  query.to_date = to;
  query.remote_number = number;
  query.with_calls = TRUE;
  query.desc_order = TRUE;
  page = get_page (f, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page->total_count, ==, expected);
  g_assert_cmpuint (page->sessions->len, ==, expected);
  for (guint i = 0; i < page->sessions->len; i++)
    {
      GovorunVoximplantCallSession *s = g_ptr_array_index (page->sessions, i);
      GovorunVoximplantCall *c = g_ptr_array_index (s->calls, 0);

      g_assert_cmpstr (c->remote_number, ==, number);
      if (i > 0)
        g_assert_cmpint (s->call_session_history_id, <,
                         ((GovorunVoximplantCallSession *) g_ptr_array_index (page->sessions, i - 1))->call_session_history_id);
    }
}

/* A window across the night Berlin moves its clocks forward: sent and
 * read back in that zone it holds exactly the calls of those instants, and
 * the dates carry the offset of their side of the change. */
static void
test_dst_window (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 ("2026-03-28T22:00:00Z", NULL);
  g_autoptr(GDateTime) to = g_date_time_new_from_iso8601 ("2026-03-29T05:59:59Z", NULL);
  g_autoptr(GDateTime) change = g_date_time_new_from_iso8601 ("2026-03-29T01:00:00Z", NULL);
  GovorunVoximplantCallHistoryQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunVoximplantCallHistoryPage) page = NULL;
  gint64 expected;
  gboolean saw_winter = FALSE, saw_summer = FALSE;

  expected = govorun_call_history_index_at (f->history, g_date_time_to_unix (to) + 1) -
             govorun_call_history_index_at (f->history, g_date_time_to_unix (from));
  g_assert_cmpint (expected, >, 0);

  query.from_date = from;
  query.to_date = to;
  query.timezone = "Europe/Berlin";
  page = get_page (f, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page->total_count, ==, expected);
  g_assert_cmpuint (page->sessions->len, ==, expected);

  for (guint i = 0; i < page->sessions->len; i++)
    {
      GovorunVoximplantCallSession *s = g_ptr_array_index (page->sessions, i);
      GTimeSpan offset = g_date_time_get_utc_offset (s->start_date);

      g_assert_cmpint (g_date_time_compare (s->start_date, from), >=, 0);
      g_assert_cmpint (g_date_time_compare (s->start_date, to), <=, 0);
      if (g_date_time_compare (s->start_date, change) < 0)
        {
          g_assert_cmpint (offset, ==, G_TIME_SPAN_HOUR);
          saw_winter = TRUE;
        }
      else
        {
          g_assert_cmpint (offset, ==, 2 * G_TIME_SPAN_HOUR);
          saw_summer = TRUE;
        }
    }
  g_assert_true (saw_winter);
  g_assert_true (saw_summer);
}

static GovorunElevenlabsConversationPage *
list_conversations (Fixture    *f,
                    const char *agent_id,
                    const char *cursor,
                    guint       page_size,
                    gint64      after,
                    gint64      before)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunElevenlabsConversationPage *page;

  govorun_elevenlabs_client_list_conversations_async (f->el, agent_id, cursor, page_size, after, before,
                                                      TRUE, NULL, test_util_on_result, &result);
  page = govorun_elevenlabs_client_list_conversations_finish (f->el, test_util_wait (&result), &error);
  g_assert_no_error (error);
  return page;
}

static GovorunElevenlabsConversation *
get_conversation (Fixture     *f,
                  const char  *conversation_id,
                  GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_elevenlabs_client_get_conversation_async (f->el, conversation_id, NULL, test_util_on_result, &result);
  return govorun_elevenlabs_client_get_conversation_finish (f->el, test_util_wait (&result), error);
}

/* Every conversation of one agent in a window, page by page, equals what
 * the generator holds, newest first, with nothing twice. */
static void
test_conversation_cursor (Fixture       *f,
                          gconstpointer  data)
{
  gint64 after = END - 3 * 86400;
  gint64 before = END - 86400;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  guint pages = 0;

  for (gint64 i = govorun_call_history_index_at (f->history, before) - 1;
       i >= govorun_call_history_index_at (f->history, after - 100); i--)
    for (int sub = 1; sub >= 0; sub--)
      {
        GovorunHistoryCall hc;
        gint64 start;

        if (!govorun_call_history_get_call (f->history, i, sub, &hc) || hc.conversation_id[0] == '\0' ||
            !g_str_equal (hc.agent_id, f->agents[0]))
          continue;
        start = hc.start + hc.ring_secs;
        if (start >= after && start < before)
          g_ptr_array_add (expected, g_strdup (hc.conversation_id));
      }
  g_assert_cmpuint (expected->len, >, 20);

  do
    {
      g_autoptr(GovorunElevenlabsConversationPage) page = list_conversations (f, f->agents[0], cursor, 7, after, before);

      pages++;
      g_assert_cmpuint (page->conversations->len, <=, 7);
      for (guint i = 0; i < page->conversations->len; i++)
        {
          GovorunElevenlabsConversationSummary *s = g_ptr_array_index (page->conversations, i);

          g_assert_cmpstr (s->agent_id, ==, f->agents[0]);
          g_assert_cmpstr (s->status, ==, "done");
          g_assert_nonnull (s->transcript_summary);
          g_assert_cmpint (s->message_count, >, 0);
          g_ptr_array_add (got, g_strdup (s->conversation_id));
        }
      g_assert_true (page->has_more == (page->next_cursor != NULL));
      g_free (cursor);
      cursor = g_strdup (page->next_cursor);
    }
  while (cursor != NULL);

  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpstr (g_ptr_array_index (got, i), ==, g_ptr_array_index (expected, i));
  g_assert_cmpuint (pages, ==, (expected->len + 6) / 7);
}

/* The join keys agree: the session's custom data names the conversation,
 * whose dynamic variables name the session; the conversation starts when
 * the call was answered. A widget conversation has no session. */
static void
test_join_keys (Fixture       *f,
                gconstpointer  data)
{
  gint64 first = govorun_call_history_index_at (f->history, END - 10 * 86400);
  g_autoptr(GovorunVoximplantCallHistoryPage) page = get_slots (f, first, 200);
  g_autoptr(GError) error = NULL;
  guint joined = 0;
  gboolean saw_widget = FALSE;

  for (guint i = 0; i < page->sessions->len && joined < 5; i++)
    {
      GovorunVoximplantCallSession *s = g_ptr_array_index (page->sessions, i);
      g_autoptr(JsonNode) custom = NULL;
      g_autoptr(GovorunElevenlabsConversation) c = NULL;
      g_autofree char *session_text = NULL;
      const char *conv_id;

      if (s->custom_data == NULL)
        continue;
      custom = json_from_string (s->custom_data, NULL);
      conv_id = json_object_get_string_member (json_node_get_object (custom), "el_conv");
      c = get_conversation (f, conv_id, &error);
      g_assert_no_error (error);
      session_text = g_strdup_printf ("%" G_GINT64_FORMAT, s->call_session_history_id);
      g_assert_cmpstr (g_hash_table_lookup (c->dynamic_variables, "voximplant_session_id"), ==, session_text);
      g_assert_cmpint (c->start_time_unix_secs, >=, g_date_time_to_unix (s->start_date));
      g_assert_cmpint (c->start_time_unix_secs, <=, g_date_time_to_unix (s->start_date) + 61);
      g_assert_cmpint (c->call_duration_secs, ==, ((GovorunVoximplantCall *) g_ptr_array_index (s->calls, 0))->duration);
      g_assert_cmpuint (c->transcript->len, >, 2);
      g_assert_true (((GovorunElevenlabsTurn *) g_ptr_array_index (c->transcript, 0))->agent);
      g_assert_nonnull (c->call_successful);
      g_assert_nonnull (c->transcript_summary);
      /* "resolved" and the sandbox's common criteria (el-emu-analysis). */
      g_assert_cmpuint (c->evaluation_results->len, ==, 3);
      g_assert_cmpint (c->cost, >, 0);
      joined++;
    }
  g_assert_cmpuint (joined, ==, 5);

  for (gint64 i = first; i < first + 2000 && !saw_widget; i++)
    {
      GovorunHistoryCall hc;
      g_autoptr(GovorunElevenlabsConversation) c = NULL;

      if (!govorun_call_history_get_call (f->history, i, 1, &hc))
        continue;
      c = get_conversation (f, hc.conversation_id, &error);
      g_assert_no_error (error);
      g_assert_null (g_hash_table_lookup (c->dynamic_variables, "voximplant_session_id"));
      saw_widget = TRUE;
    }
  g_assert_true (saw_widget);
}

/* A full conversation: tool calls, collected data; an unknown id is
 * NOT_FOUND; the audio downloads as a WAV as long as the call. */
static void
test_conversation_details_and_audio (Fixture       *f,
                                     gconstpointer  data)
{
  gint64 i = govorun_call_history_index_at (f->history, END - 5 * 86400);
  GovorunHistoryCall hc;
  g_autoptr(GAsyncResult) audio_result = NULL;
  g_autoptr(GovorunElevenlabsConversation) c = NULL;
  g_autoptr(GovorunElevenlabsConversation) missing = NULL;
  g_autoptr(GBytes) audio = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_tool = FALSE;

  /* An answered call whose caller got what they wanted. */
  while (!govorun_call_history_get_call (f->history, i, 0, &hc) || hc.conversation_id[0] == '\0' ||
         hc.verdict != GOVORUN_HISTORY_VERDICT_SUCCESS)
    i++;

  c = get_conversation (f, hc.conversation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->call_successful, ==, "success");
  g_assert_cmpuint (c->data_collection->len, >=, 2);
  for (guint t = 0; t < c->transcript->len; t++)
    {
      GovorunElevenlabsTurn *turn = g_ptr_array_index (c->transcript, t);

      if (turn->tool_calls->len > 0)
        {
          GovorunElevenlabsToolCall *tool = g_ptr_array_index (turn->tool_calls, 0);

          g_assert_nonnull (tool->params_as_json);
          g_assert_cmpstr (tool->result_value, ==, "{\"ok\":true}");
          saw_tool = TRUE;
        }
    }
  g_assert_true (saw_tool);

  missing = get_conversation (f, "conv_missing", &error);
  g_assert_null (missing);
  g_assert_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  govorun_elevenlabs_client_download_conversation_audio_async (f->el, hc.conversation_id, NULL, test_util_on_result, &audio_result);
  audio = govorun_elevenlabs_client_download_conversation_audio_finish (f->el, test_util_wait (&audio_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (audio), ==, 44 + 16000 * (gsize) hc.talk_secs);
  g_assert_cmpint (memcmp (g_bytes_get_data (audio, NULL), "RIFF", 4), ==, 0);
}

static GovorunVoximplantRecordData *
download (Fixture     *f,
          const char  *url,
          gint64       offset,
          gint64       length,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_voximplant_client_download_record_async (f->vox, url, offset, length, NULL, test_util_on_result, &result);
  return govorun_voximplant_client_download_record_finish (f->vox, test_util_wait (&result), error);
}

/* The record_url of a session downloads whole or by range; in secure
 * storage only with the service-account token. */
static void
test_record_download (Fixture       *f,
                      gconstpointer  data)
{
  gint64 first = govorun_call_history_index_at (f->history, END - 2 * 86400);
  g_autoptr(GovorunVoximplantCallHistoryPage) page = get_slots (f, first, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunVoximplantRecordData) whole = NULL;
  g_autoptr(GovorunVoximplantRecordData) part = NULL;
  g_autoptr(GovorunVoximplantRecordData) past = NULL;
  g_autoptr(GovorunVoximplantRecordData) refused = NULL;
  g_autoptr(GovorunVoximplantRecordData) secure = NULL;
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  g_autofree char *key = NULL;
  GovorunVoximplantRecord *record = NULL;

  for (guint i = 0; i < page->sessions->len && record == NULL; i++)
    {
      GovorunVoximplantCallSession *s = g_ptr_array_index (page->sessions, i);

      if (s->records->len > 0)
        record = g_ptr_array_index (s->records, 0);
    }
  g_assert_nonnull (record);

  whole = download (f, record->record_url, 0, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (whole->offset, ==, 0);
  g_assert_cmpint (whole->total_size, ==, (gint64) record->file_size);
  g_assert_cmpuint (g_bytes_get_size (whole->data), ==, (gsize) record->file_size);
  g_assert_cmpstr (whole->content_type, ==, "audio/wav");

  part = download (f, record->record_url, 16044, 16000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (part->offset, ==, 16044);
  g_assert_cmpint (part->total_size, ==, whole->total_size);
  g_assert_cmpuint (g_bytes_get_size (part->data), ==, 16000);
  g_assert_cmpint (memcmp (g_bytes_get_data (part->data, NULL),
                           (const guint8 *) g_bytes_get_data (whole->data, NULL) + 16044, 16000), ==, 0);

  past = download (f, record->record_url, whole->total_size + 1, -1, &error);
  g_assert_null (past);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  govorun_voximplant_emulator_set_secure_records (f->vox_emu, ACCOUNT_ID, TRUE);
  refused = download (f, record->record_url, 0, 100, &error);
  g_assert_null (refused);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED);
  g_clear_error (&error);

  key = govorun_voximplant_emulator_create_key (f->vox_emu, ACCOUNT_ID, &error);
  g_assert_no_error (error);
  credentials = govorun_voximplant_credentials_new_from_data (key, -1, &error);
  g_assert_no_error (error);
  govorun_voximplant_client_set_credentials (f->vox, credentials);
  secure = download (f, record->record_url, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (secure->data), ==, 100);
}

#define ADD(name, func) \
  g_test_add ("/call-history/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);
  log_capture = test_util_capture_log (FALSE);

  ADD ("page-boundaries", test_page_boundaries);
  ADD ("offset-cap", test_offset_cap);
  ADD ("session-fields", test_session_fields);
  ADD ("dst-window", test_dst_window);
  ADD ("remote-number-filter", test_remote_number_filter);
  ADD ("conversation-cursor", test_conversation_cursor);
  ADD ("join-keys", test_join_keys);
  ADD ("conversation-details-audio", test_conversation_details_and_audio);
  ADD ("record-download", test_record_download);

  return g_test_run ();
}
