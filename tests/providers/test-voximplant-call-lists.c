/* test-voximplant-call-lists.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCallLists"

#include "config.h"

#include <string.h>

#include "govorun-http.h"
#include "govorun-voximplant-client.h"
#include "govorun-voximplant-emulator.h"
#include "test-util.h"

/*
 * The call-list methods of the Voximplant client against the emulator's
 * dialer: typed answers (batch_id a string in CreateCallList's answer and
 * a number in AppendToCallList's), paged details, stop and recover, the
 * errors Voximplant gives, faults per method (a Get* retried, a Create
 * never), and the dialer itself: windows, attempts, statuses, results.
 */

#define ACCOUNT_ID      1001
#define ACCOUNT_ID_STR  "1001"
#define API_KEY         "call-list-test-key"

typedef struct
{
  GovorunVoximplantEmulator *emu;
  GovorunHttp               *http;
  GovorunVoximplantClient   *client;
  gint64                     rule_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GovorunVoximplantApplication) app = NULL;
  g_autofree char *base_url = NULL;
  gint64 scenario_id;

  f->emu = govorun_voximplant_emulator_new ();
  govorun_voximplant_emulator_add_account (f->emu, ACCOUNT_ID, "acme", "owner@acme.test", API_KEY, 50, "USD");
  govorun_emulator_start (GOVORUN_EMULATOR (f->emu), &error);
  g_assert_no_error (error);
  base_url = g_strconcat (govorun_emulator_get_base_url (GOVORUN_EMULATOR (f->emu)), "/platform_api", NULL);
  f->http = govorun_http_new ();
  govorun_http_set_timeout (f->http, 3000);
  govorun_http_set_retry (f->http, 3, 5);
  f->client = govorun_voximplant_client_new (f->http, base_url);
  govorun_voximplant_client_set_api_key (f->client, ACCOUNT_ID_STR, API_KEY);

  govorun_voximplant_client_add_application_async (f->client, "dialer", FALSE, NULL, test_util_on_result, &result);
  app = govorun_voximplant_client_add_application_finish (f->client, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  govorun_voximplant_client_add_scenario_async (f->client, "out", "// out", app->application_id, NULL,
                                                test_util_on_result, &result);
  scenario_id = govorun_voximplant_client_add_scenario_finish (f->client, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  govorun_voximplant_client_add_rule_async (f->client, app->application_id, "out", ".*", scenario_id, NULL,
                                            test_util_on_result, &result);
  f->rule_id = govorun_voximplant_client_add_rule_finish (f->client, test_util_wait (&result), &error);
  g_assert_no_error (error);
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->emu));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->http);
  g_clear_object (&f->emu);
}

static void
add_fault (Fixture    *f,
           const char *method,
           guint       http_status,
           int         provider_code,
           int         times)
{
  GovorunFault fault = { .http_status = http_status, .provider_code = provider_code, .times = times };

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emu), method, &fault);
}

static GovorunVoximplantCallListBatch *
create (Fixture     *f,
        const char  *name,
        const char  *csv,
        guint        attempts,
        guint        interval,
        GError     **error)
{
  GovorunVoximplantCallListSpec spec = {
    .rule_id = f->rule_id, .priority = 1, .max_simultaneous = 2, .num_attempts = attempts,
    .interval_seconds = interval, .name = name, .file_content = csv,
  };
  g_autoptr(GAsyncResult) result = NULL;

  govorun_voximplant_client_create_call_list_async (f->client, &spec, NULL, test_util_on_result, &result);
  return govorun_voximplant_client_create_call_list_finish (f->client, test_util_wait (&result), error);
}

static GPtrArray *
details (Fixture  *f,
         gint64    list_id,
         guint     count,
         guint     offset,
         GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_voximplant_client_get_call_list_details_async (f->client, list_id, count, offset, NULL,
                                                         test_util_on_result, &result);
  return govorun_voximplant_client_get_call_list_details_finish (f->client, test_util_wait (&result), error);
}

static char *
rows_csv (guint        n,
          const char  *window_start,
          const char  *window_end)
{
  GString *csv = g_string_new ("phone_number;name;__task_uuid;__start_execution_time;__end_execution_time\n");

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (csv, "+7916000%04u;\"Имя; %u\";task-%u;%s;%s\n", i, i, i,
                            window_start, window_end);
  return g_string_free (csv, FALSE);
}

static void
test_create_append_read (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *csv = rows_csv (3, "", "");
  g_autoptr(GovorunVoximplantCallListBatch) created = NULL;
  g_autoptr(GovorunVoximplantCallListBatch) appended = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunVoximplantCallListTask *task;
  gint64 total = 0;

  created = create (f, "govorun-test", csv, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (created->list_id, >, 0);
  g_assert_cmpint (created->count, ==, 3);
  g_assert_cmpstr (created->batch_id, ==, "1");

  /* A batch again plus one new row: only the new one is added. */
  govorun_voximplant_client_append_to_call_list_async (f->client, created->list_id,
                                                       "phone_number;name;__task_uuid\n"
                                                       "+79160000001;A;task-1\n+79160000009;B;task-9\n",
                                                       NULL, test_util_on_result, &result);
  appended = govorun_voximplant_client_append_to_call_list_finish (f->client, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (appended->count, ==, 1);
  g_assert_cmpstr (appended->batch_id, ==, "2");

  govorun_voximplant_client_get_call_lists_async (f->client, "govorun-test", 0, 0, 0, NULL, test_util_on_result,
                                                  &result);
  lists = govorun_voximplant_client_get_call_lists_finish (f->client, test_util_wait (&result), &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 1);
  g_assert_cmpint (total, ==, 1);
  g_assert_cmpstr (((GovorunVoximplantCallList *) g_ptr_array_index (lists, 0))->status, ==, "In progress");
  g_assert_cmpint (((GovorunVoximplantCallList *) g_ptr_array_index (lists, 0))->rule_id, ==, f->rule_id);

  /* Pages: two, then the rest. */
  page = details (f, created->list_id, 2, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  task = g_ptr_array_index (page, 0);
  g_assert_cmpstr (task->task_uuid, ==, "task-1");
  g_assert_cmpint (task->status_id, ==, 0);
  g_assert_cmpint (task->attempts_left, ==, 1);
  g_assert_nonnull (strstr (task->custom_data, "\"name\":\"Имя; 1\""));
  g_assert_null (strstr (task->custom_data, "__task_uuid"));
  g_clear_pointer (&page, g_ptr_array_unref);
  page = details (f, created->list_id, 2, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((GovorunVoximplantCallListTask *) g_ptr_array_index (page, 1))->task_uuid, ==, "task-9");
}

static void
test_dialer (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *csv = rows_csv (20, "", "");
  g_autoptr(GovorunVoximplantCallListBatch) created = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint processed = 0, failed = 0;

  created = create (f, "dialer", csv, 3, 600, &error);
  g_assert_no_error (error);

  /* Stopped: the dialer's day passes without a call. */
  govorun_voximplant_client_stop_call_list_async (f->client, created->list_id, NULL, test_util_on_result, &result);
  g_assert_true (govorun_voximplant_client_stop_call_list_finish (f->client, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  govorun_voximplant_emulator_advance_call_lists (f->emu, 86400);
  page = details (f, created->list_id, 100, 0, &error);
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpint (((GovorunVoximplantCallListTask *) g_ptr_array_index (page, i))->status_id, ==, 0);
  g_clear_pointer (&page, g_ptr_array_unref);

  govorun_voximplant_client_recover_call_list_async (f->client, created->list_id, NULL, test_util_on_result,
                                                     &result);
  g_assert_true (govorun_voximplant_client_recover_call_list_finish (f->client, test_util_wait (&result), &error));
  g_assert_no_error (error);
  govorun_voximplant_emulator_advance_call_lists (f->emu, 86400);
  page = details (f, created->list_id, 100, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->len; i++)
    {
      GovorunVoximplantCallListTask *task = g_ptr_array_index (page, i);

      /* Every task ended: a result when answered, an error after three
       * unanswered attempts. */
      g_assert_cmpint (task->status_id, >=, 2);
      g_assert_nonnull (task->result_data);
      g_assert_nonnull (task->last_attempt);
      if (task->status_id == 2)
        {
          processed++;
          g_assert_true (task->answered);
        }
      else
        {
          failed++;
          g_assert_cmpint (task->status_id, ==, 3);
          g_assert_cmpint (task->attempts_left, ==, 0);
          g_assert_false (task->answered);
        }
    }
  g_assert_cmpuint (processed + failed, ==, 20);
  g_assert_cmpuint (processed, >, 0);
}

/* A window that is closed all the time the dialer runs keeps everyone
 * New; a window wrapping midnight is open at 23:30 UTC. */
static void
test_windows (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int hour = g_date_time_get_hour (now);
  /* An hour-long window starting two hours from now (UTC). */
  g_autofree char *closed_start = g_strdup_printf ("%02d:00:00", (hour + 2) % 24);
  g_autofree char *closed_end = g_strdup_printf ("%02d:00:00", (hour + 3) % 24);
  g_autofree char *csv = rows_csv (4, closed_start, closed_end);
  g_autoptr(GovorunVoximplantCallListBatch) created = NULL;
  g_autoptr(GPtrArray) page = NULL;

  created = create (f, "windows", csv, 1, 0, &error);
  g_assert_no_error (error);
  /* An hour on the dialer's clock: the window has not opened yet. */
  govorun_voximplant_emulator_advance_call_lists (f->emu, 3000);
  page = details (f, created->list_id, 10, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpint (((GovorunVoximplantCallListTask *) g_ptr_array_index (page, i))->status_id, ==, 0);
  g_clear_pointer (&page, g_ptr_array_unref);
  /* A day later it opened once and everyone was called. */
  govorun_voximplant_emulator_advance_call_lists (f->emu, 86400);
  page = details (f, created->list_id, 10, 0, &error);
  for (guint i = 0; i < page->len; i++)
    {
      GovorunVoximplantCallListTask *task = g_ptr_array_index (page, i);

      g_assert_cmpint (task->status_id, >=, 2);
      g_assert_cmpstr (task->start_execution_time, ==, closed_start);
    }
}

/* Issue 11: rows with calling hours (Moscow, Monday–Friday 09:00–21:00),
 * 3 attempts half an hour apart, from Friday 20:00. The scenario counts a
 * contact's attempts down in the row (govorun_attempts) and the dialer
 * honours it: a contact who never answers is dialled exactly 3 times,
 * Friday's failures included, and nobody is dialled on the weekend. */
#define WEEKEND_ROWS 40

static void
test_attempts_across_weekend (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GTimeZone) moscow = g_time_zone_new_identifier ("Europe/Moscow");
  g_autoptr(GDateTime) now = g_date_time_new_now (moscow);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 7 + (5 - g_date_time_get_day_of_week (now) + 7) % 7);
  g_autoptr(GDateTime) friday = NULL;
  g_autoptr(GovorunVoximplantCallListBatch) created = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  GString *csv = g_string_new ("phone_number;__task_uuid;__start_at;govorun_schedule;govorun_attempts;"
                               "govorun_interval\n");
  g_autofree char *text = NULL;
  guint by_saturday[WEEKEND_ROWS + 1];
  gint64 start, saturday, monday;
  guint never_answered = 0, across = 0;
  int y, m, d;

  g_date_time_get_ymd (later, &y, &m, &d);
  friday = g_date_time_new (moscow, y, m, d, 20, 0, 0);
  g_assert_cmpint (g_date_time_get_day_of_week (friday), ==, 5);
  start = g_date_time_to_unix (friday);
  saturday = start + 16 * 3600;            /* Saturday 12:00 */
  monday = start + 2 * 86400 + 13 * 3600;  /* Monday 09:00 */
  for (guint i = 1; i <= WEEKEND_ROWS; i++)
    g_string_append_printf (csv, "+7916100%04u;weekend-%u;%" G_GINT64_FORMAT ";1/180/540-1260/540-1260/31;3;1800\n",
                            i, i, start);
  text = g_string_free (csv, FALSE);
  created = create (f, "weekend", text, 3, 1800, &error);
  g_assert_no_error (error);

  /* The dialer's clock starts at the real now: on to Saturday noon. */
  govorun_voximplant_emulator_advance_call_lists (f->emu, saturday - g_get_real_time () / G_USEC_PER_SEC);
  for (guint i = 1; i <= WEEKEND_ROWS; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("weekend-%u", i);

      by_saturday[i] = govorun_voximplant_emulator_get_call_list_dials (f->emu, uuid);
    }
  /* The weekend passes without a call. */
  govorun_voximplant_emulator_advance_call_lists (f->emu, monday - saturday - 60);
  for (guint i = 1; i <= WEEKEND_ROWS; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("weekend-%u", i);

      g_assert_cmpuint (govorun_voximplant_emulator_get_call_list_dials (f->emu, uuid), ==, by_saturday[i]);
    }
  /* Monday and Tuesday: every task ends. */
  govorun_voximplant_emulator_advance_call_lists (f->emu, 2 * 86400);
  page = details (f, created->list_id, 100, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, WEEKEND_ROWS);
  for (guint i = 0; i < page->len; i++)
    {
      GovorunVoximplantCallListTask *task = g_ptr_array_index (page, i);
      guint n = (guint) g_ascii_strtoull (task->task_uuid + strlen ("weekend-"), NULL, 10);
      guint dials = govorun_voximplant_emulator_get_call_list_dials (f->emu, task->task_uuid);

      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpuint (n, <=, WEEKEND_ROWS);
      g_assert_cmpint (task->status_id, >=, 2);
      g_assert_cmpuint (dials, >=, 1);
      g_assert_cmpuint (dials, <=, 3);
      if (task->status_id != 3)
        continue;
      /* Never answered: three dials in all, the row counted down to the last. */
      never_answered++;
      g_assert_cmpuint (dials, ==, 3);
      g_assert_cmpint (task->attempts_left, ==, 0);
      g_assert_false (task->answered);
      g_assert_nonnull (strstr (task->custom_data, "\"govorun_attempts\":\"1\""));
      across += by_saturday[n] > 0 && by_saturday[n] < 3;
    }
  g_test_message ("%u of %u never answered, %u of them dialled on both sides of the weekend",
                  never_answered, WEEKEND_ROWS, across);
  g_assert_cmpuint (across, >, 0);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunVoximplantCallListBatch) batch = NULL;
  g_autoptr(GPtrArray) page = NULL;

  /* The same uuid twice in one file. */
  batch = create (f, "dupes", "phone_number;__task_uuid\n+79160000001;x\n+79160000002;x\n", 1, 0, &error);
  g_assert_null (batch);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (error), ==, 250);
  g_clear_error (&error);

  /* A name with a slash. */
  batch = create (f, "a/b", "phone_number\n+79160000001\n", 1, 0, &error);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (error), ==, 253);
  g_clear_error (&error);

  /* Too many attempts. */
  batch = create (f, "six", "phone_number\n+79160000001\n", 6, 0, &error);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (error), ==, 249);
  g_clear_error (&error);

  /* Under 1 USD no list is made. */
  govorun_voximplant_emulator_set_balance (f->emu, ACCOUNT_ID, 0.5);
  batch = create (f, "poor", "phone_number\n+79160000001\n", 1, 0, &error);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_INSUFFICIENT_FUNDS);
  g_clear_error (&error);

  /* No such list. */
  page = details (f, 424242, 10, 0, &error);
  g_assert_null (page);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND);
}

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunVoximplantCallListBatch) batch = NULL;
  g_autoptr(GPtrArray) page = NULL;

  /* CreateCallList is not idempotent: a 503 is not sent again. */
  add_fault (f, "CreateCallList", 503, 0, 1);
  batch = create (f, "once", "phone_number\n+79160000001\n", 1, 0, &error);
  g_assert_null (batch);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emu), "CreateCallList"), ==, 1);

  batch = create (f, "once", "phone_number\n+79160000001\n", 1, 0, &error);
  g_assert_no_error (error);
  /* GetCallListDetails is: a 503 is retried. */
  add_fault (f, "GetCallListDetails", 503, 0, 1);
  page = details (f, batch->list_id, 10, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emu), "GetCallListDetails"), ==, 2);
  /* A rate limit on Stop is waited out and sent again (it was not carried out). */
  add_fault (f, "StopCallListProcessing", 0, 340, 1);
  {
    g_autoptr(GAsyncResult) result = NULL;

    govorun_voximplant_client_stop_call_list_async (f->client, batch->list_id, NULL, test_util_on_result, &result);
    g_assert_true (govorun_voximplant_client_stop_call_list_finish (f->client, test_util_wait (&result), &error));
    g_assert_no_error (error);
  }
  /* A provider error on Recover is kept with its code. */
  add_fault (f, "RecoverCallList", 0, 255, 1);
  {
    g_autoptr(GAsyncResult) result = NULL;

    govorun_voximplant_client_recover_call_list_async (f->client, batch->list_id, NULL, test_util_on_result,
                                                       &result);
    g_assert_false (govorun_voximplant_client_recover_call_list_finish (f->client, test_util_wait (&result),
                                                                        &error));
    g_assert_cmpint (govorun_voximplant_error_get_provider_code (error), ==, 255);
  }
}

static void
test_csv (void)
{
  GovorunVoximplantCallListRow rows[] = {
    { "+79161234567", "+74993334455", 7, 101, "{\"name\":\"Анна; \\\"А\\\"\",\"date\":\"12.12\"}", "abc-1",
      82800, 39600, 0 },
    { "+74232223344", NULL, 7, 102, "{\"city\":\"Владивосток\",\"__x\":\"no\",\"campaign_id\":\"no\"}", "abc-2",
      -1, -1, 1800000000 },
  };
  g_autofree char *csv = govorun_voximplant_call_list_csv (rows, G_N_ELEMENTS (rows));

  g_assert_cmpstr (csv, ==,
                   "phone_number;caller_id;campaign_id;contact_id;name;date;city;__task_uuid;"
                   "__start_execution_time;__end_execution_time;__start_at\n"
                   "+79161234567;+74993334455;7;101;\"Анна; \"\"А\"\"\";12.12;;abc-1;23:00:00;11:00:00;\n"
                   "+74232223344;;7;102;;;Владивосток;abc-2;;;1800000000\n");
}

/* Rows with a calling schedule carry it, the attempts and the retry
 * interval for the scenario; none comes back as a variable. */
static void
test_csv_schedule (void)
{
  const GovorunVoximplantCallListRow rows[] = {
    { "+79161234567", NULL, 7, 101, "{\"govorun_schedule\":\"no\"}", "abc-1", 21600, 64800, 0,
      "1/180/540-1260/540-1260/31", 3, 3600 },
  };
  g_autofree char *csv = govorun_voximplant_call_list_csv (rows, G_N_ELEMENTS (rows));

  g_assert_cmpstr (csv, ==,
                   "phone_number;caller_id;campaign_id;contact_id;__task_uuid;"
                   "__start_execution_time;__end_execution_time;__start_at;govorun_schedule;govorun_attempts;govorun_interval\n"
                   "+79161234567;;7;101;abc-1;06:00:00;18:00:00;;1/180/540-1260/540-1260/31;3;3600\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/call-lists/csv", test_csv);
  g_test_add_func ("/call-lists/csv-schedule", test_csv_schedule);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/call-lists/create-append-read", test_create_append_read);
  ADD ("/call-lists/dialer", test_dialer);
  ADD ("/call-lists/windows", test_windows);
  ADD ("/call-lists/attempts-across-weekend", test_attempts_across_weekend);
  ADD ("/call-lists/errors", test_errors);
  ADD ("/call-lists/faults", test_faults);
  return g_test_run ();
}
