/* test-campaign-schedule.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The campaign's calling hours turned into each contact's govorun_schedule
 * column: the columns of tests/common/call-schedule-cases.json (written by
 * an independent oracle from Python's zoneinfo) come out of GLib's zone
 * database the same, the first allowed moment agrees, and the coarse UTC
 * guard never cuts a legal window.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "govorun-call-schedule.h"
#include "govorun-campaign-schedule.h"

static const char *cases_path;

static void
hours_from_json (JsonObject           *object,
                 GovorunCampaignHours *hours)
{
  *hours = (GovorunCampaignHours) {
    .workday_start = (int) json_object_get_int_member (object, "ws"),
    .workday_end = (int) json_object_get_int_member (object, "we"),
    .day_off_start = (int) json_object_get_int_member (object, "ds"),
    .day_off_end = (int) json_object_get_int_member (object, "de"),
    .allowed_days = (guint) json_object_get_int_member (object, "days"),
    .russian_calendar = json_object_get_boolean_member_with_default (object, "calendar", FALSE),
    .day_off_closed = json_object_get_boolean_member_with_default (object, "closed", FALSE),
  };
}

static void
test_columns (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;

  g_assert_true (json_parser_load_from_file (parser, cases_path, &error));
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      const char *zone = json_object_get_string_member (c, "zone");
      gint64 from = json_object_get_int_member (c, "from");
      JsonArray *checks = json_object_get_array_member (c, "checks");
      GovorunCampaignHours hours;
      g_autofree char *column = NULL;

      g_test_message ("%s", json_object_get_string_member (c, "name"));
      hours_from_json (json_object_get_object_member (c, "hours"), &hours);
      column = govorun_campaign_schedule_column (&hours, zone, from);
      g_assert_cmpstr (column, ==, json_object_get_string_member (c, "column"));
      for (guint k = 0; k < json_array_get_length (checks); k++)
        {
          JsonObject *check = json_array_get_object_element (checks, k);
          gint64 now = json_object_get_int_member (check, "now");

          /* From @now's own horizon: the same answer. */
          g_assert_cmpint (govorun_campaign_schedule_next (&hours, zone, now), ==,
                           json_object_get_int_member (check, "next"));
        }
    }
}

static void
check_guard (const GovorunCampaignHours *hours,
             const char                 *zone,
             gint64                      from,
             int                         start_hour,
             int                         end_hour)
{
  int start = -1, end = -1;

  g_assert_true (govorun_campaign_schedule_utc_guard (hours, zone, from, &start, &end));
  g_assert_cmpint (start, ==, start_hour * 3600);
  g_assert_cmpint (end, ==, end_hour * 3600);
}

static void
test_guard (void)
{
  GovorunCampaignHours hours;
  int start, end;

  /* Moscow 09–21 is 06–18 UTC. */
  govorun_campaign_hours_init_simple (&hours, 9 * 60, 21 * 60, 0x1f);
  check_guard (&hours, "Europe/Moscow", 1796400000, 6, 18);
  /* Vladivostok 09–21 wraps the UTC day: 23–11. */
  check_guard (&hours, "Asia/Vladivostok", 1796400000, 23, 11);
  /* Berlin across a change (+1 and +2): 07–20 UTC keeps both 09–21s. */
  check_guard (&hours, "Europe/Berlin", 1806000000, 7, 20);
  /* A winter with no change: +1 alone. */
  check_guard (&hours, "Europe/Berlin", 1793500000, 8, 20);
  /* 230-FZ: workdays 08–22, days off 09–20 → the union 08–22, Moscow 05–19. */
  hours = (GovorunCampaignHours) { 8 * 60, 22 * 60, 9 * 60, 20 * 60, FALSE, 0x7f, TRUE };
  check_guard (&hours, "Europe/Moscow", 1796400000, 5, 19);
  /* Days off closed: the workday window alone. */
  hours.day_off_closed = TRUE;
  hours.workday_start = 10 * 60;
  check_guard (&hours, "Europe/Moscow", 1796400000, 7, 19);
  /* All day, or a union of a whole day: no guard. */
  govorun_campaign_hours_init_simple (&hours, 0, 0, 0x7f);
  g_assert_false (govorun_campaign_schedule_utc_guard (&hours, "Europe/Moscow", 1796400000, &start, &end));
  govorun_campaign_hours_init_simple (&hours, 60, 30, 0x7f);
  g_assert_false (govorun_campaign_schedule_utc_guard (&hours, "Europe/Berlin", 1806000000, &start, &end));
}

static void
test_unknown_zone (void)
{
  GovorunCampaignHours hours;
  g_autofree char *column = NULL;

  govorun_campaign_hours_init_simple (&hours, 9 * 60, 21 * 60, 0x1f);
  column = govorun_campaign_schedule_column (&hours, "Mars/Olympus", 1796400000);
  g_assert_cmpstr (column, ==, "1/0/540-1260/540-1260/31");
  g_clear_pointer (&column, g_free);
  column = govorun_campaign_schedule_column (&hours, NULL, 1796400000);
  g_assert_cmpstr (column, ==, "1/0/540-1260/540-1260/31");
}

/* A year of a DST zone with the calendar stays small: 1M rows are uploaded. */
static void
test_small (void)
{
  GovorunCampaignHours hours = { 8 * 60, 22 * 60, 9 * 60, 20 * 60, FALSE, 0x7f, TRUE };
  g_autofree char *moscow = govorun_campaign_schedule_column (&hours, "Europe/Moscow", 1796400000);
  g_autofree char *berlin = govorun_campaign_schedule_column (&hours, "Europe/Berlin", 1806000000);

  g_test_message ("%s\n%s", moscow, berlin);
  g_assert_cmpuint (strlen (moscow), <=, 100);
  g_assert_cmpuint (strlen (berlin), <=, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cases_path = argv[1];
  g_test_add_func ("/campaign-schedule/columns", test_columns);
  g_test_add_func ("/campaign-schedule/guard", test_guard);
  g_test_add_func ("/campaign-schedule/unknown-zone", test_unknown_zone);
  g_test_add_func ("/campaign-schedule/small", test_small);
  return g_test_run ();
}
