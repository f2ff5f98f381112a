/* test-call-history-reader.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCallHistoryReader"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "govorun-json.h"
#include "govorun-voximplant-call-history-reader-private.h"
#include "govorun-voximplant-client.h"

/* GetCallHistory's streaming reader against the tree reader it replaced:
 * the same page, or the same error, for good pages and for every way a
 * page can be wrong (tests/fuzz/fuzz-call-history.c does the same with
 * what libFuzzer makes). */

#define SESSION_A \
  "{\"call_session_history_id\":1001,\"account_id\":42,\"application_id\":7," \
  "\"application_name\":\"gv.account42.voximplant.com\",\"user_id\":0,\"rule_name\":\"in\"," \
  "\"start_date\":\"2026-03-29 01:59:30\",\"duration\":65,\"initiator_address\":\"\"," \
  "\"media_server_address\":\"185.164.148.7\",\"log_file_url\":\"http://x/logs/1001.log\"," \
  "\"finish_reason\":\"Normal termination\",\"audio_quality\":\"Standard\"," \
  "\"custom_data\":\"{\\\"el_conv\\\":\\\"conv_\\u0410\\\"}\"," \
  "\"calls\":[{\"call_id\":5001,\"start_time\":\"2026-03-29 01:59:31\",\"duration\":60," \
  "\"local_number\":\"74950000001\",\"remote_number\":\"79161234567\"," \
  "\"remote_number_type\":\"pstn\",\"incoming\":true,\"successful\":true," \
  "\"transaction_id\":1000005001,\"media_server_address\":\"185.164.148.7\",\"cost\":1.25," \
  "\"record_url\":\"http://x/records/1.wav\",\"end_reason\":{\"code\":200,\"description\":\"OK\"}}]," \
  "\"records\":[{\"record_id\":9,\"record_name\":\"9.wav\",\"cost\":0.1," \
  "\"start_time\":\"2026-03-29 02:00:01\",\"duration\":60,\"record_url\":\"http://x/records/1.wav\"," \
  "\"transaction_id\":1000000009,\"file_size\":960044.0,\"transcription_status\":\"Not required\"}]," \
  "\"other_resource_usage\":[{\"resource_usage_id\":7000001001,\"resource_type\":\"CALLSESSION\"," \
  "\"cost\":0,\"description\":\"JS session\",\"used_at\":\"2026-03-29 01:59:30\"," \
  "\"transaction_id\":8000001001,\"resource_quantity\":1,\"unit\":\"session\",\"ref_call_id\":5001}]}"

#define SESSION_B \
  "{\"call_session_history_id\":1002,\"start_date\":\"2026-10-25 02:30:00\"," \
  "\"calls\":[{\"call_id\":5002,\"start_time\":\"2026-10-25 02:30:00\",\"end_reason\":\"busy\"}]}"

static const char * const cases[] = {
  /* Good pages: the zone after the result (as Voximplant and the
   * emulator send it), before it, DST edges in Moscow and Berlin. */
  "{\"result\":[" SESSION_A "," SESSION_B "],\"count\":2,\"total_count\":2,\"timezone\":\"Europe/Berlin\"}",
  "{\"timezone\":\"Europe/Moscow\",\"total_count\":2,\"result\":[" SESSION_A "," SESSION_B "]}",
  "{\"result\":[],\"timezone\":\"Etc/GMT\"}",
  /* Escapes other than \u, read without yajl; white space of every kind. */
  "{ \"result\" : [ {\"call_session_history_id\":1, \"start_date\":\"2026-01-01 00:00:00\",\r\n"
  "\t\"custom_data\":\"{\\\"el_conv\\\":\\\"a\\/b\\\\c\\\"}\",\"rule_name\":\"\\b\\f\\n\\r\\t\\\"\",\"duration\":-0,"
  "\"calls\":[ ],\"records\":[{\"record_id\":2,\"cost\":-1.5e+2,\"file_size\":0.25E-1}] } ] ,\n"
  "\"total_count\":1 , \"timezone\":\"Etc/GMT\",\"x\":[true,false,null,{},[[]]]}\n",
  "{\"result\":[" SESSION_B "],\"timezone\":\"America/New_York\",\"extra\":{\"a\":[1,{\"b\":null}]}}",
  /* Unknown members of every shape are skipped. */
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\"2026-01-01 00:00:00\","
  "\"x\":[[],{}],\"calls\":[{\"call_id\":2,\"start_time\":\"2026-01-01 00:00:00\",\"y\":{\"z\":[1]}}]}],"
  "\"timezone\":\"Etc/GMT\"}",
  /* Repeated members: the last one counts, as in json-glib. */
  "{\"result\":[{\"call_session_history_id\":\"x\",\"call_session_history_id\":3,"
  "\"start_date\":\"2026-01-01 00:00:00\",\"duration\":5,\"duration\":null,"
  "\"calls\":[{\"call_id\":1}],\"calls\":[]}],\"timezone\":\"Etc/GMT\",\"timezone\":\"Europe/Moscow\"}",
  "{\"result\":[{\"call_session_history_id\":3,\"start_date\":\"2026-01-01 00:00:00\","
  "\"calls\":[{\"call_id\":1,\"start_time\":\"2026-01-01 00:00:00\",\"end_reason\":{\"code\":4},"
  "\"end_reason\":\"again\"}]}],\"result\":[],\"timezone\":\"Etc/GMT\"}",
  /* Missing and mistyped fields, one at a time and several at once
   * (the first in the tree reader's order is named). */
  "{\"result\":[{\"start_date\":\"2026-01-01 00:00:00\"}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\"2026-02-30 00:00:00\"}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\"2026-01-01T00:00:00\"}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\" 2026-1-1 0:0:0\"}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1.5,\"start_date\":5,\"duration\":\"7\"}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"duration\":\"7\",\"call_session_history_id\":1,\"start_date\":\"2026-01-01 00:00:00\","
  "\"account_id\":true}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\"2026-01-01 00:00:00\","
  "\"calls\":[{\"call_id\":1,\"start_time\":\"2026-01-01 00:00:00\",\"cost\":\"1\"},5]}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\"2026-01-01 00:00:00\","
  "\"calls\":[{\"call_id\":1,\"start_time\":\"2026-01-01 00:00:00\",\"cost\":\"1\"}],"
  "\"custom_data\":{}}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\"2026-01-01 00:00:00\","
  "\"records\":[{\"record_id\":1,\"record_url\":5}],\"calls\":{}}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\"2026-01-01 00:00:00\","
  "\"records\":[{\"record_id\":1,\"start_time\":\"soon\",\"record_name\":5,\"file_size\":\"big\"}],"
  "\"other_resource_usage\":[{\"resource_usage_id\":2,\"used_at\":\"2026-13-01 00:00:00\","
  "\"unit\":[]}]}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\"2026-01-01 00:00:00\"},"
  "{\"call_session_history_id\":2}],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":99999999999999999999,\"start_date\":\"2026-01-01 00:00:00\"}],"
  "\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[{\"call_session_history_id\":1,\"start_date\":\"2026-01-01 00:00:00\",\"duration\":1e3}],"
  "\"timezone\":\"Etc/GMT\"}",
  /* The envelope. */
  "{\"result\":[],\"timezone\":\"Mars/Olympus\"}",
  "{\"result\":[],\"timezone\":5}",
  "{\"result\":[]}",
  "{\"result\":{},\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[1],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":null,\"timezone\":\"Etc/GMT\"}",
  "{\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[],\"timezone\":\"Etc/GMT\",\"total_count\":\"5\"}",
  "{\"error\":{\"code\":101,\"msg\":\"Invalid offset\"},\"result\":[]}",
  "{\"error\":{\"code\":\"340\",\"msg\":5}}",
  "{\"error\":{\"code\":416,\"msg\":\"Repeat after 3 seconds\"},\"error\":null,\"errors\":[{\"code\":102}]}",
  "{\"error\":\"broken\"}",
  "{\"error\":[],\"result\":[],\"timezone\":\"Etc/GMT\"}",
  "{\"errors\":[{\"code\":\"x\",\"msg\":\"m\"},{\"code\":7}]}",
  "{\"errors\":[5]}",
  "{\"errors\":[],\"result\":[],\"timezone\":\"Etc/GMT\"}",
  "{\"errors\":{\"code\":1},\"result\":[],\"timezone\":\"Etc/GMT\"}",
  /* Not a page. */
  "[1,2]",
  "5",
  "\"text\"",
  "{\"result\":[",
  "{\"result\":[]} {}",
  "{\"result\":[],\"timezone\":\"Etc/GMT\"}\"",
  "{\"result\":[],\"timezone\":\"Etc/GMT\"}\n\t ",
  "\"audio_quality\"\"",
  "5 \"",
  "{\"result\":[\f],\"timezone\":\"Etc/GMT\"}",
  "{\"result\":[],\v\"timezone\":\"Etc/GMT\"}",
  "",
  "{\"result\":[],\"timezone\":\"Etc/GMT\",\"x\":\"\xff\"}",
};

static void
test_cases (void)
{
  static const guint statuses[] = { 200, 400, 429, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint j = 0; j < G_N_ELEMENTS (statuses); j++)
      {
        g_test_message ("case %u, HTTP %u: %s", i, statuses[j], cases[i]);
        g_assert_true (_govorun_voximplant_call_history_readers_agree ((const guint8 *) cases[i],
                                                                        strlen (cases[i]),
                                                                        statuses[j]));
      }
}

/* yajl takes a value and the start of another for a whole text; the
 * reader does not. */
static void
test_trailing (void)
{
  static const char text[] = "{\"result\":[],\"timezone\":\"Etc/GMT\"}\"";
  g_autoptr(GBytes) body = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunVoximplantCallHistoryPage) page = NULL;

  page = _govorun_voximplant_call_history_read (body, 200, FALSE, &error);
  g_assert_null (page);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE);
}

/* Deeper than the bound every answer has. */
static void
test_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"result\":[],\"timezone\":\"Etc/GMT\",\"x\":");

  for (guint i = 0; i < 200; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 200; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  g_assert_true (_govorun_voximplant_call_history_readers_agree ((const guint8 *) text->str,
                                                                  text->len, 200));

  /* The depth is counted while reading: at the bound, past it, past it
   * inside a session or after text that is not JSON, or not JSON first. */
  for (guint depth = 126; depth <= 130; depth++)
    for (guint shape = 0; shape < 4; shape++)
      {
        g_autoptr(GString) nested = g_string_new (NULL);
        g_autoptr(GBytes) body = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GovorunVoximplantCallHistoryPage) page = NULL;
        guint open = depth - (shape == 1 ? 3 : 1);

        g_string_append (nested, shape == 1 ? "{\"result\":[{\"x\":" : "{\"timezone\":\"Etc/GMT\",");
        if (shape == 2)
          g_string_append (nested, "\"bad\":01,");
        if (shape != 1)
          g_string_append (nested, "\"x\":");
        for (guint i = 0; i < open; i++)
          g_string_append (nested, i % 2 == 0 ? "[" : "{\"k\":");
        g_string_append (nested, shape == 3 ? "nul" : "1");
        for (guint i = open; i-- > 0;)
          g_string_append_c (nested, i % 2 == 0 ? ']' : '}');
        g_string_append (nested, shape == 1 ? "}],\"timezone\":\"Etc/GMT\"}" : ",\"result\":[]}");
        g_assert_true (_govorun_voximplant_call_history_readers_agree ((const guint8 *) nested->str,
                                                                        nested->len, 200));
        body = g_bytes_new (nested->str, nested->len);
        page = _govorun_voximplant_call_history_read (body, 200, FALSE, &error);
        g_assert_true ((page != NULL) == (depth <= GOVORUN_JSON_MAX_DEPTH && shape == 0));
        if (depth > GOVORUN_JSON_MAX_DEPTH)
          g_assert_nonnull (strstr (error->message, "nested deeper"));
      }
}

/* A page of 1000 sessions reads the same, and says what it holds. */
static void
test_full_page (void)
{
  g_autoptr(GString) text = g_string_new ("{\"result\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GovorunVoximplantCallHistoryPage) page = NULL;
  GovorunVoximplantCallSession *first;
  GovorunVoximplantCall *call;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%s" SESSION_A, i > 0 ? "," : "");
  g_string_append (text, "],\"count\":1000,\"total_count\":4000,\"timezone\":\"Europe/Moscow\"}");
  g_assert_true (_govorun_voximplant_call_history_readers_agree ((const guint8 *) text->str,
                                                                  text->len, 200));

  body = g_bytes_new (text->str, text->len);
  page = _govorun_voximplant_call_history_read (body, 200, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->sessions->len, ==, 1000);
  g_assert_cmpint (page->total_count, ==, 4000);
  g_assert_cmpstr (page->timezone, ==, "Europe/Moscow");
  first = g_ptr_array_index (page->sessions, 0);
  g_assert_cmpint (first->call_session_history_id, ==, 1001);
  g_assert_cmpint (g_date_time_to_unix (first->start_date), ==, 1774738770);
  g_assert_cmpint (g_date_time_get_utc_offset (first->start_date) / G_USEC_PER_SEC, ==, 3 * 3600);
  g_assert_cmpstr (first->custom_data, ==, "{\"el_conv\":\"conv_\xd0\x90\"}");
  g_assert_cmpuint (first->calls->len, ==, 1);
  call = g_ptr_array_index (first->calls, 0);
  g_assert_cmpint (call->end_reason_code, ==, 200);
  g_assert_cmpstr (call->end_reason, ==, "OK");
  g_assert_true (call->incoming);
  g_assert_cmpfloat (call->cost, ==, 1.25);
  g_assert_cmpuint (first->records->len, ==, 1);
  g_assert_cmpuint (first->other_resource_usage->len, ==, 1);
}

/* A session's custom data: the flat objects the scenarios write are read
 * without a parser, and must give what json-glib gives; anything else
 * goes to json-glib. */
static void
test_custom_data (void)
{
  static const char * const keys[] = { "el_conv", "campaign_id", "contact_id", NULL };
  static const char * const texts[] = {
    "{\"el_conv\":\"conv_00000011a\"}",
    "{\"campaign_id\":\"12\",\"contact_id\":\"345\",\"task_uuid\":\"a-b\"}",
    "{}", "{\"el_conv\":\"\"}", "{\"el_conv\":\"a\",\"el_conv\":\"b\"}",
    "{\"x\":\"1\",\"x\":\"2\",\"el_conv\":\"c\"}", "{\"el_conv\":\"a\\\"b\"}",
    "{\"el_conv\":\"\\u0410\"}", "{\"el_conv\":\"\xd0\x90\"}", "{ \"el_conv\" : \"a\" }",
    "{\"el_conv\":\"a\"} ", "{\"el_conv\":\"a\"}x", "{\"el_conv\":5}", "{\"el_conv\":\"a\",}",
    "{\"el_conv\":\"a\"", "{\"\":\"a\",\"el_conv\":\"b\"}", "{\"el_con\":\"a\"}",
    "{\"el_convx\":\"a\"}", "{\"el_conv\":\"a\",\"campaign_id\":null}", "{,}", "{\"el_conv\"}",
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      GovorunVoximplantCallSession session = { 0, };
      g_autoptr(JsonNode) root = json_from_string (texts[t], NULL);
      char *values[G_N_ELEMENTS (keys)];

      session.custom_data = (char *) texts[t];
      govorun_voximplant_call_session_get_custom_strings (&session, keys, values);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          JsonNode *member = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
                             ? json_object_get_member (json_node_get_object (root), keys[i]) : NULL;
          const char *expected = member != NULL && json_node_get_value_type (member) == G_TYPE_STRING
                                 ? json_node_get_string (member) : NULL;

          g_test_message ("%s: %s", texts[t], keys[i]);
          g_assert_cmpstr (values[i], ==, expected);
          g_free (values[i]);
        }
    }

  /* Nested far deeper than any of ours: no value, and no crash. */
  {
    g_autoptr(GString) deep = g_string_new ("{\"el_conv\":\"a\",\"x\":");
    GovorunVoximplantCallSession session = { 0, };
    char *values[G_N_ELEMENTS (keys)];

    for (guint d = 0; d < 200000; d++)
      g_string_append_c (deep, '[');
    for (guint d = 0; d < 200000; d++)
      g_string_append_c (deep, ']');
    g_string_append_c (deep, '}');
    session.custom_data = deep->str;
    govorun_voximplant_call_session_get_custom_strings (&session, keys, values);
    for (guint i = 0; keys[i] != NULL; i++)
      g_assert_null (values[i]);
  }
}

/* Strings are scanned eight bytes at a time: an escape, a quote or a
 * control character at every place of strings of every short length. */
static void
test_escapes_anywhere (void)
{
  static const char * const inserts[] = { "\\\"", "\\\\", "\\n", "\\u0041", "\x01", "\xd0\x90", "\"" };

  for (guint length = 0; length < 20; length++)
    for (guint at = 0; at <= length; at++)
      for (guint k = 0; k < G_N_ELEMENTS (inserts); k++)
        {
          g_autoptr(GString) text = g_string_new ("{\"result\":[{\"call_session_history_id\":1,"
                                                  "\"start_date\":\"2026-01-01 00:00:00\",\"rule_name\":\"");

          for (guint i = 0; i < length; i++)
            {
              if (i == at)
                g_string_append (text, inserts[k]);
              g_string_append_c (text, (char) ('a' + i));
            }
          if (at == length)
            g_string_append (text, inserts[k]);
          g_string_append (text, "\"}],\"timezone\":\"Etc/GMT\"}");
          g_assert_true (_govorun_voximplant_call_history_readers_agree ((const guint8 *) text->str,
                                                                          text->len, 200));
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/call-history-reader/cases", test_cases);
  g_test_add_func ("/call-history-reader/deep", test_deep);
  g_test_add_func ("/call-history-reader/trailing", test_trailing);
  g_test_add_func ("/call-history-reader/full-page", test_full_page);
  g_test_add_func ("/call-history-reader/custom-data", test_custom_data);
  g_test_add_func ("/call-history-reader/escapes-anywhere", test_escapes_anywhere);

  return g_test_run ();
}
