/* test-call-export.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call export over a store of generated calls: a filtered export holds
 * exactly the filter's rows in the list's order (CSV re-read by Python's
 * csv module, XLSX by unzip + XML, with their types), transcripts as a
 * column when asked, progress up to the total, and a cancelled or failed
 * export leaves no file (and an existing file untouched).
 */
#define G_LOG_DOMAIN "GovorunTestCallExport"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "call-test-data.h"
#include "govorun-call-export-sink.h"
#include "govorun-call-export.h"
#include "govorun-call-records.h"
#include "read-back.h"
#include "store-test-util.h"

/* More than two of the store's batches, so the keyset carries over. */
#define N_CALLS 2500

/* Columns of the export (the Calls page's order, then the ids). */
enum
{
  COL_STARTED_AT,
  COL_DIRECTION,
  COL_FROM,
  COL_TO,
  COL_AGENT,
  COL_CAMPAIGN,
  COL_DURATION,
  COL_STATUS,
  COL_FINISH_REASON,
  COL_SUCCESS,
  COL_VOX_COST,
  COL_VOX_CURRENCY,
  COL_EL_COST,
  COL_EL_CURRENCY,
  COL_VOX_SESSION_ID,
  COL_VOX_CALL_ID,
  COL_EL_CONVERSATION_ID,
  COL_TRANSCRIPT,
};

typedef struct
{
  char              *dir;
  GovorunStore      *store;
  GovorunCallExport *export;
} Fixture;

static GovorunStore *shared_store;
static char *shared_dir;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_util_make_tmp_dir ("govorun-export-XXXXXX");
  f->store = g_object_ref (shared_store);
  f->export = govorun_call_export_new (f->store, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->export);
  g_clear_object (&f->store);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
}

/* The rows the Calls list shows for @filter and @sort. */
static GPtrArray *
expected_rows (Fixture                 *f,
               const GovorunCallFilter *filter,
               GovorunCallSortKey       sort,
               gboolean                 descending)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  govorun_call_records_fetch_page_async (f->store, filter, sort, descending, NULL, 0, N_CALLS + 1,
                                         FALSE, NULL, test_util_on_result, &result);
  records = govorun_call_records_fetch_page_finish (f->store, test_util_wait (&result), NULL,
                                                    &error);
  g_assert_no_error (error);
  return records;
}

typedef struct
{
  guint64       calls;
  guint64       last_done;
  guint64       total;
  GCancellable *cancel_at_first;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >=, progress->last_done);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
  if (progress->cancel_at_first != NULL)
    g_cancellable_cancel (progress->cancel_at_first);
}

static gboolean
run_export (Fixture                  *f,
            const GovorunCallFilter  *filter,
            GovorunCallSortKey        sort,
            gboolean                  descending,
            GovorunCallExportFormat   format,
            gboolean                  with_transcripts,
            const char               *path,
            Progress                 *progress,
            GCancellable             *cancellable,
            guint64                  *out_rows,
            GError                  **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  govorun_call_export_run_async (f->export, filter, sort, descending, format, with_transcripts,
                                 file, progress != NULL ? on_progress : NULL, progress,
                                 cancellable, test_util_on_result, &result);
  return govorun_call_export_run_finish (f->export, test_util_wait (&result), out_rows, error);
}

static void
assert_folder_holds_only (const char *dir,
                          const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  while ((entry = g_dir_read_name (d)) != NULL)
    {
      if (name == NULL || strcmp (entry, name) != 0)
        g_error ("%s is left in the folder", entry);
      n++;
    }
  g_assert_cmpuint (n, ==, name != NULL ? 1 : 0);
}

/* Answered inbound calls by duration, longest first: the CSV holds exactly
 * those rows in that order, with the page's columns. */
static void
test_csv_equals_filter (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autofree char *path = g_build_filename (f->dir, "calls.csv", NULL);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(JsonObject) csv = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  guint64 rows = 0;

  filter->status = GOVORUN_CALL_STATUS_ANSWERED;
  filter->direction = GOVORUN_CALL_DIRECTION_INBOUND;
  expected = expected_rows (f, filter, GOVORUN_CALL_SORT_DURATION, TRUE);
  g_assert_cmpuint (expected->len, >, 1000);

  g_assert_true (run_export (f, filter, GOVORUN_CALL_SORT_DURATION, TRUE,
                             GOVORUN_CALL_EXPORT_FORMAT_CSV, FALSE, path, &progress, NULL, &rows,
                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, expected->len);
  g_assert_cmpuint (progress.total, ==, expected->len);
  g_assert_cmpuint (progress.last_done, <=, expected->len);
  g_assert_cmpuint (progress.calls, >=, 1);
  assert_folder_holds_only (f->dir, "calls.csv");

  csv = read_back ("csv", path, ",");
  g_assert_false (json_object_get_boolean_member (csv, "bom"));
  g_assert_true (json_object_get_boolean_member (csv, "crlf"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (csv, "rows")), ==,
                    expected->len + 1);
  {
    g_auto(GStrv) header = read_back_csv_row (csv, 0);

    g_assert_cmpuint (g_strv_length (header), ==, COL_TRANSCRIPT);
    g_assert_cmpstr (header[COL_STARTED_AT], ==, "Date and Time");
    g_assert_cmpstr (header[COL_VOX_SESSION_ID], ==, "Voximplant Session ID");
  }

  for (guint i = 0; i < expected->len; i++)
    {
      GovorunCallRecord *record = g_ptr_array_index (expected, i);
      g_auto(GStrv) cells = read_back_csv_row (csv, i + 1);
      g_autofree char *session = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  govorun_call_record_get_vox_session_id (record));
      g_autofree char *from = g_strconcat ("+", govorun_call_record_get_from_number (record), NULL);
      guint seconds = govorun_call_record_get_duration (record);
      /* [h]:mm:ss, which spreadsheets read as a duration. */
      g_autofree char *duration = g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60,
                                                   seconds % 60);
      g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (govorun_call_record_get_started_at (record));
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

      g_assert_cmpuint (g_strv_length (cells), ==, COL_TRANSCRIPT);
      g_assert_cmpstr (cells[COL_VOX_SESSION_ID], ==, session);
      g_assert_cmpstr (cells[COL_STARTED_AT], ==, when);
      g_assert_cmpstr (cells[COL_DIRECTION], ==, "Inbound");
      /* A phone number as people write it, without the formula guard. */
      g_assert_cmpstr (cells[COL_FROM], ==, from);
      g_assert_cmpstr (cells[COL_TO], ==, "+74951234567");
      g_assert_cmpstr (cells[COL_AGENT], ==, govorun_call_record_get_agent_uuid (record));
      g_assert_cmpstr (cells[COL_CAMPAIGN], ==, "");
      g_assert_cmpstr (cells[COL_DURATION], ==, duration);
      g_assert_cmpstr (cells[COL_STATUS], ==, "Answered");
      g_assert_cmpstr (cells[COL_FINISH_REASON], ==, "Normal call clearing");
      g_assert_cmpstr (cells[COL_SUCCESS], ==,
                       govorun_call_record_get_success (record) == GOVORUN_CALL_SUCCESS_SUCCESS
                       ? "Successful" : "Unsuccessful");
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[COL_VOX_COST], NULL),
                                      govorun_call_record_get_vox_cost (record), 1e-9);
      g_assert_cmpstr (cells[COL_VOX_CURRENCY], ==, "RUB");
      g_assert_cmpstr (cells[COL_EL_CURRENCY], ==, "credits");
      g_assert_cmpstr (cells[COL_EL_CONVERSATION_ID], ==,
                       govorun_call_record_get_el_conversation_id (record));
    }
}

/* Excel in Russian: a BOM, ";" and decimal commas; transcripts as a column. */
static void
test_csv_excel_with_transcripts (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autofree char *path = g_build_filename (f->dir, "calls-excel.csv", NULL);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(JsonObject) csv = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_cost_comma = FALSE;

  /* Words of the transcript narrow it, as on the page. */
  filter->search = g_strdup ("Меня зовут");
  filter->started_until = CALL_TEST_BASE_TIME + 30 * 86400;
  expected = expected_rows (f, filter, GOVORUN_CALL_SORT_STARTED_AT, FALSE);
  g_assert_cmpuint (expected->len, >, 0);

  g_assert_true (run_export (f, filter, GOVORUN_CALL_SORT_STARTED_AT, FALSE,
                             GOVORUN_CALL_EXPORT_FORMAT_CSV_EXCEL, TRUE, path, NULL, NULL, NULL,
                             &error));
  g_assert_no_error (error);

  csv = read_back ("csv", path, ";");
  g_assert_true (json_object_get_boolean_member (csv, "bom"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (csv, "rows")), ==,
                    expected->len + 1);
  for (guint i = 0; i < expected->len; i++)
    {
      GovorunCallRecord *record = g_ptr_array_index (expected, i);
      g_auto(GStrv) cells = read_back_csv_row (csv, i + 1);
      g_autofree char *session = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  govorun_call_record_get_vox_session_id (record));
      g_autofree char *name = call_test_caller_name ((guint) (govorun_call_record_get_vox_session_id (record) - 1000000));
      g_autofree char *line = g_strdup_printf ("[0:12] Caller: Меня зовут %s.", name);
      g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (govorun_call_record_get_started_at (record));
      /* The order Russian Excel reads as a date and time. */
      g_autofree char *when = g_date_time_format (local, "%d.%m.%Y %H:%M:%S");

      g_assert_cmpuint (g_strv_length (cells), ==, COL_TRANSCRIPT + 1);
      g_assert_cmpstr (cells[COL_STARTED_AT], ==, when);
      g_assert_cmpstr (cells[COL_VOX_SESSION_ID], ==, session);
      g_assert_true (g_str_has_prefix (cells[COL_TRANSCRIPT], "[0:00] Agent: "));
      g_assert_nonnull (strstr (cells[COL_TRANSCRIPT], line));
      if (strchr (cells[COL_VOX_COST], ',') != NULL)
        found_cost_comma = TRUE;
      g_assert_null (strchr (cells[COL_VOX_COST], '.'));
    }
  g_assert_true (found_cost_comma);
}

static JsonObject *
xlsx_cell (JsonObject *book,
           guint       row,
           guint       column)
{
  JsonArray *cells = json_array_get_array_element (json_object_get_array_member (book, "rows"), row);

  return json_array_get_object_element (cells, column);
}

/* The workbook's cells have types: a date with a date format, numbers for
 * the duration and costs, strings for numbers and ids. */
static void
test_xlsx_types (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autofree char *path = g_build_filename (f->dir, "calls.xlsx", NULL);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filter_range = NULL;
  GovorunCallRecord *first;
  JsonObject *c;

  filter->success = GOVORUN_CALL_SUCCESS_SUCCESS;
  expected = expected_rows (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE);
  g_assert_true (run_export (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                             GOVORUN_CALL_EXPORT_FORMAT_XLSX, TRUE, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_folder_holds_only (f->dir, "calls.xlsx");

  book = read_back ("xlsx", path, NULL);
  g_assert_cmpstr (json_object_get_string_member (book, "frozen"), ==, "A2");
  filter_range = g_strdup_printf ("A1:R%u", expected->len + 1);
  g_assert_cmpstr (json_object_get_string_member (book, "autofilter"), ==, filter_range);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (book, "rows")), ==,
                    expected->len + 1);

  first = g_ptr_array_index (expected, 0);
  c = xlsx_cell (book, 1, COL_STARTED_AT);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "n");
  g_assert_nonnull (strstr (json_object_get_string_member (c, "format"), "yyyy-mm-dd hh:mm"));
  /* A duration: a fraction of a day shown [h]:mm:ss. */
  c = xlsx_cell (book, 1, COL_DURATION);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "n");
  g_assert_cmpstr (json_object_get_string_member (c, "format"), ==, "[h]:mm:ss");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (json_object_get_string_member (c, "value"), NULL) * 86400,
                                  govorun_call_record_get_duration (first), 1e-6);
  for (guint col = COL_VOX_COST; col <= COL_EL_COST; col += 2)
    {
      c = xlsx_cell (book, 1, col);
      g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "n");
      g_assert_nonnull (strstr (json_object_get_string_member (c, "format"), "0.00"));
    }
  c = xlsx_cell (book, 1, COL_FROM);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), !=, "n");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (c, "value"), "+7916"));
  c = xlsx_cell (book, 1, COL_VOX_SESSION_ID);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), !=, "n");
  g_assert_cmpint (g_ascii_strtoll (json_object_get_string_member (c, "value"), NULL, 10), ==,
                   govorun_call_record_get_vox_session_id (first));
  c = xlsx_cell (book, 1, COL_TRANSCRIPT);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (c, "value"), "[0:00] Agent: "));
}

/* Cancelled before it starts and from its first progress report (rows
 * already written): no file, no temporary file, and the file it was to
 * replace is as it was. */
static void
test_cancel_leaves_no_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  for (GovorunCallExportFormat format = GOVORUN_CALL_EXPORT_FORMAT_CSV;
       format <= GOVORUN_CALL_EXPORT_FORMAT_XLSX; format++)
    {
      g_autofree char *name = g_strdup_printf ("calls.%s", govorun_call_export_format_extension (format));
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      gboolean cancelled_midway = FALSE;

      g_cancellable_reset (cancellable);
      g_cancellable_cancel (cancellable);
      g_assert_false (run_export (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE, format, TRUE,
                                  path, NULL, cancellable, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      assert_folder_holds_only (f->dir, NULL);

      /* The worker does not wait for the progress report, so on a busy
       * machine it may finish first: then try again. */
      for (guint attempt = 0; attempt < 5 && !cancelled_midway; attempt++)
        {
          Progress progress = { 0 };

          progress.cancel_at_first = cancellable;
          g_cancellable_reset (cancellable);
          if (run_export (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE, format, TRUE, path,
                          &progress, cancellable, NULL, &error))
            {
              g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
              g_unlink (path);
              continue;
            }
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_clear_error (&error);
          g_assert_cmpuint (progress.calls, >=, 1);
          cancelled_midway = TRUE;
        }
      g_assert_true (cancelled_midway);
      assert_folder_holds_only (f->dir, NULL);
    }

  /* An existing file is replaced only by a finished export. */
  {
    g_autofree char *path = g_build_filename (f->dir, "calls.csv", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (path, "kept", -1, NULL));
    g_cancellable_reset (cancellable);
    g_cancellable_cancel (cancellable);
    g_assert_false (run_export (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                                GOVORUN_CALL_EXPORT_FORMAT_CSV, FALSE, path, NULL,
                                cancellable, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "kept");
    assert_folder_holds_only (f->dir, "calls.csv");
  }
}

/* A folder that is not there: a sentence, no crash, nothing written. */
static void
test_unwritable_folder (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autofree char *path = g_build_filename (f->dir, "missing", "calls.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (run_export (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                              GOVORUN_CALL_EXPORT_FORMAT_CSV, FALSE, path, NULL, NULL, NULL,
                              &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing"));
  assert_folder_holds_only (f->dir, NULL);
}

/* No match: a file with the header only. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autofree char *path = g_build_filename (f->dir, "none.csv", NULL);
  g_autoptr(JsonObject) csv = NULL;
  g_autoptr(GError) error = NULL;
  guint64 rows = 1;

  filter->search = g_strdup ("ничего такого нет");
  g_assert_true (run_export (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                             GOVORUN_CALL_EXPORT_FORMAT_CSV, FALSE, path, NULL, NULL, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 0);
  csv = read_back ("csv", path, ",");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (csv, "rows")), ==, 1);
}

/* One column per collected data item of the exported calls, named by its
 * id, after the others; none when the calls have no analysis. */
static void
test_data_columns (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "analysis.db", NULL);
  g_autofree char *path = g_build_filename (f->dir, "data.csv", NULL);
  g_autofree char *unanswered_path = g_build_filename (f->dir, "unanswered.csv", NULL);
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GovorunStore) store = store_test_open (db);
  g_autoptr(GovorunCallExport) export = govorun_call_export_new (store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) csv = NULL;
  GovorunStore *shared = f->store;
  GovorunCallExport *shared_export = f->export;
  g_autoptr(GPtrArray) expected = NULL;
  guint n_checked = 0;

  call_test_fill (store, 0, 300, 300, FALSE);
  call_test_fill_analysis (store, 0, 300);
  /* Call 7's agent as ElevenLabs names it: the agent column says so. */
  {
    g_autoptr(GovorunCallRecord) named = govorun_call_record_new ();
    g_autoptr(GPtrArray) page = g_ptr_array_new ();
    g_autoptr(GAsyncResult) result = NULL;

    govorun_call_record_set_vox_session_id (named, 1000007);
    govorun_call_record_set_el_agent_name (named, "Запись к врачу");
    g_ptr_array_add (page, named);
    govorun_call_records_upsert_async (store, page, NULL, NULL, test_util_on_result, &result);
    g_assert_true (govorun_call_records_upsert_finish (store, test_util_wait (&result), &error));
    g_assert_no_error (error);
  }
  f->store = store;
  f->export = export;

  expected = expected_rows (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE);
  g_assert_true (run_export (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                             GOVORUN_CALL_EXPORT_FORMAT_CSV, FALSE, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  csv = read_back ("csv", path, ",");
  {
    g_auto(GStrv) header = read_back_csv_row (csv, 0);

    g_assert_cmpuint (g_strv_length (header), ==, COL_TRANSCRIPT + 2);
    g_assert_cmpstr (header[COL_TRANSCRIPT], ==, "appointment_date");
    g_assert_cmpstr (header[COL_TRANSCRIPT + 1], ==, "urgency");
  }
  for (guint r = 0; r < expected->len; r++)
    {
      GovorunCallRecord *record = g_ptr_array_index (expected, r);
      guint i = (guint) (govorun_call_record_get_vox_session_id (record) - 1000000);
      g_auto(GStrv) cells = read_back_csv_row (csv, r + 1);
      g_autofree char *date = g_strdup_printf ("2025-12-%02u", 1 + i % 28);

      g_assert_cmpuint (g_strv_length (cells), ==, COL_TRANSCRIPT + 2);
      g_assert_cmpstr (cells[COL_AGENT], ==, i == 7 ? "Запись к врачу"
                                                    : govorun_call_record_get_agent_uuid (record));
      if (!call_test_is_answered (i))
        {
          g_assert_cmpstr (cells[COL_TRANSCRIPT], ==, "");
          g_assert_cmpstr (cells[COL_TRANSCRIPT + 1], ==, "");
          continue;
        }
      g_assert_cmpstr (cells[COL_TRANSCRIPT], ==, i % 2 == 0 ? date : "");
      g_assert_cmpstr (cells[COL_TRANSCRIPT + 1], ==, call_test_urgency (i));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 50);

  /* Calls without a conversation: no analysis, no such columns. */
  filter->status = GOVORUN_CALL_STATUS_NO_ANSWER;
  g_assert_true (run_export (f, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                             GOVORUN_CALL_EXPORT_FORMAT_CSV, FALSE, unanswered_path, NULL, NULL,
                             NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&csv, json_object_unref);
  csv = read_back ("csv", unanswered_path, ",");
  {
    g_auto(GStrv) header = read_back_csv_row (csv, 0);

    g_assert_cmpuint (g_strv_length (header), ==, COL_TRANSCRIPT);
  }

  f->store = shared;
  f->export = shared_export;
  govorun_store_close (store);
}

/* Times in the zone's wall clock on either side of a change that is not
 * on a UTC hour: Lord Howe goes from +10:30 to +11:00 at 15:30 UTC on
 * 3 October 2026 (02:00 local). */
static void
test_half_hour_change (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-export-zone-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "calls.csv", NULL);
  g_autofree char *text = NULL;
  const gint64 change = 1791041400;  /* 2026-10-03 15:30:00 UTC */
  const gint64 times[] = { change - 15 * 60, change + 15 * 60, change + 75 * 60 };
  const char * const expected[] = { "2026-10-04 01:45:00", "2026-10-04 02:45:00",
                                    "2026-10-04 03:45:00" };
  GovorunCallExportSink *sink;

  g_setenv ("TZ", "Australia/Lord_Howe", TRUE);
  g_assert_true (g_file_set_contents (path, "", 0, &error));
  sink = govorun_call_export_sink_new (GOVORUN_CALL_EXPORT_FORMAT_CSV, path, FALSE, names, NULL,
                                       NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GovorunCallRecord) record = call_test_make (i, FALSE);

      govorun_call_record_set_started_at (record, times[i]);
      g_assert_true (govorun_call_export_sink_write (sink, record, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (govorun_call_export_sink_close (sink, NULL, &error));
  g_assert_no_error (error);
  govorun_call_export_sink_free (sink);
  g_setenv ("TZ", "Europe/Moscow", TRUE);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i]);
      g_assert_nonnull (strstr (text, expected[i]));
    }
  test_util_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  int status;

  g_setenv ("TZ", "Europe/Moscow", TRUE);
  g_test_init (&argc, &argv, NULL);

  shared_dir = test_util_make_tmp_dir ("govorun-export-store-XXXXXX");
  db = g_build_filename (shared_dir, "govorun.db", NULL);
  shared_store = store_test_open (db);
  call_test_fill (shared_store, 0, N_CALLS, 500, TRUE);

  g_test_add ("/Govorun/CallExport/csv-equals-filter", Fixture, NULL, fixture_set_up,
              test_csv_equals_filter, fixture_tear_down);
  g_test_add ("/Govorun/CallExport/csv-excel-with-transcripts", Fixture, NULL, fixture_set_up,
              test_csv_excel_with_transcripts, fixture_tear_down);
  g_test_add ("/Govorun/CallExport/xlsx-types", Fixture, NULL, fixture_set_up,
              test_xlsx_types, fixture_tear_down);
  g_test_add ("/Govorun/CallExport/cancel-leaves-no-file", Fixture, NULL, fixture_set_up,
              test_cancel_leaves_no_file, fixture_tear_down);
  g_test_add ("/Govorun/CallExport/unwritable-folder", Fixture, NULL, fixture_set_up,
              test_unwritable_folder, fixture_tear_down);
  g_test_add ("/Govorun/CallExport/empty", Fixture, NULL, fixture_set_up,
              test_empty, fixture_tear_down);
  g_test_add_func ("/Govorun/CallExport/half-hour-change", test_half_hour_change);
  g_test_add ("/Govorun/CallExport/data-columns", Fixture, NULL, fixture_set_up,
              test_data_columns, fixture_tear_down);
  status = g_test_run ();

  govorun_store_close (shared_store);
  g_clear_object (&shared_store);
  test_util_rm_rf (shared_dir);
  g_free (shared_dir);
  return status;
}
