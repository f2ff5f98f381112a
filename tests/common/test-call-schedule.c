/* test-call-schedule.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The govorun_schedule column as the outbound scenario reads it: the cases
 * of call-schedule-cases.json (zones east of Moscow, weekends, the Russian
 * calendar, DST in Berlin and New York, windows wrapping midnight, the
 * skipped hour), whose expected times an independent oracle (Python's
 * zoneinfo, minute by minute) computed. tests/generators runs the same
 * file against outbound.js.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "govorun-call-schedule.h"

static const char *cases_path;

static JsonArray *
load_cases (JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, cases_path, &error));
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cases");
}

static void
test_cases (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *cases = load_cases (parser);
  guint n_checks = 0;

  g_assert_cmpuint (json_array_get_length (cases), >=, 8);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      const char *column = json_object_get_string_member (c, "column");
      JsonArray *checks = json_object_get_array_member (c, "checks");
      g_autofree GovorunCallSchedule *schedule = g_new0 (GovorunCallSchedule, 1);
      g_autofree char *again = NULL;

      g_test_message ("%s: %s", json_object_get_string_member (c, "name"), column);
      g_assert_true (govorun_call_schedule_parse (column, schedule));
      again = govorun_call_schedule_to_string (schedule);
      g_assert_cmpstr (again, ==, column);
      for (guint k = 0; k < json_array_get_length (checks); k++)
        {
          JsonObject *check = json_array_get_object_element (checks, k);
          gint64 now = json_object_get_int_member (check, "now");
          gint64 expected = json_object_get_int_member (check, "next");

          g_test_message ("  at %s", json_object_get_string_member (check, "local"));
          g_assert_cmpint (govorun_call_schedule_next (schedule, now, 400), ==, expected);
          g_assert_cmpint (govorun_call_schedule_next_text (column, now, 400), ==, expected);
          n_checks++;
        }
    }
  g_assert_cmpuint (n_checks, >=, 30);
}

static void
test_offsets (void)
{
  g_autofree GovorunCallSchedule *schedule = g_new0 (GovorunCallSchedule, 1);

  g_assert_true (govorun_call_schedule_parse ("1/60/540-1080/540-1080/127/1806195600:120,1824944400:60", schedule));
  g_assert_cmpint (govorun_call_schedule_offset_at (schedule, 1806195599), ==, 60);
  g_assert_cmpint (govorun_call_schedule_offset_at (schedule, 1806195600), ==, 120);
  g_assert_cmpint (govorun_call_schedule_offset_at (schedule, 1824944400), ==, 60);
}

static void
test_nothing_allowed (void)
{
  g_assert_cmpint (govorun_call_schedule_next_text ("1/180/x/x/127", 1800000000, 400), ==, -1);
  /* Weekends only, weekends closed. */
  g_assert_cmpint (govorun_call_schedule_next_text ("1/180/540-1260/x/96", 1800000000, 400), ==, -1);
}

static void
test_rejects (void)
{
  static const char * const bad[] = {
    "", "2/180/540-1260/540-1260/31", "1/180/540-1260/540-1260", "1/180/540-1260/540-1260/0",
    "1/180/540-1260/540-1260/128", "1/9999/540-1260/540-1260/31", "1/180/1440-1260/540-1260/31",
    "1/180/540/540-1260/31", "1/180/540-1260/540-1260/31/5:60,4:120", "1/180/540-1260/540-1260/31//20,10",
    "1/180/540-1260/540-1260/31/abc", "1/180/540-1260/540-1260/31///x", "1/180/-5-1260/540-1260/31",
    "1/180/540-1260/540-1260/31/1:60:3", "1/180/540-1260/540-1260/31////", "1/ 180/540-1260/540-1260/31",
  };
  g_autofree GovorunCallSchedule *schedule = g_new0 (GovorunCallSchedule, 1);
  g_autoptr(GString) huge = g_string_new ("1/180/540-1260/540-1260/31//");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (govorun_call_schedule_parse (bad[i], schedule));
      g_assert_cmpint (govorun_call_schedule_next_text (bad[i], 0, 10), ==, -2);
    }
  g_assert_false (govorun_call_schedule_parse (NULL, schedule));
  for (int d = 0; huge->len <= GOVORUN_CALL_SCHEDULE_MAX_CHARS; d++)
    g_string_append_printf (huge, "%s%d", d > 0 ? "," : "", 20000 + d);
  g_assert_false (govorun_call_schedule_parse (huge->str, schedule));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cases_path = argv[1];
  g_test_add_func ("/call-schedule/cases", test_cases);
  g_test_add_func ("/call-schedule/offsets", test_offsets);
  g_test_add_func ("/call-schedule/nothing-allowed", test_nothing_allowed);
  g_test_add_func ("/call-schedule/rejects", test_rejects);
  return g_test_run ();
}
