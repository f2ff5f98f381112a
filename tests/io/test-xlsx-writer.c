/* test-xlsx-writer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XLSX writer's cells, re-read by unzip + XML (read-back.py): dates as
 * numbers with a date and time format, money and counts as numbers, text
 * as strings (never formulas), a bold header row that is frozen, and an
 * autofilter over every row.
 */
#include "config.h"

#include <string.h>

#include "govorun-io-error.h"
#include "govorun-xlsx-writer.h"
#include "read-back.h"
#include "test-util.h"

static JsonObject *
cell (JsonObject *book,
      guint       row,
      guint       column)
{
  JsonArray *rows = json_object_get_array_member (book, "rows");
  JsonArray *cells = json_array_get_array_element (rows, row);

  g_assert_cmpuint (column, <, json_array_get_length (cells));
  return json_array_get_object_element (cells, column);
}

static void
assert_string (JsonObject *c,
               const char *value)
{
  const char *type = json_object_get_string_member (c, "type");

  g_assert_true (g_str_equal (type, "s") || g_str_equal (type, "inlineStr"));
  g_assert_cmpstr (json_object_get_string_member (c, "value"), ==, value);
}

static void
assert_number (JsonObject *c,
               double      value,
               const char *format_part)
{
  g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "n");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (json_object_get_string_member (c, "value"), NULL),
                                  value, 1e-9);
  if (format_part != NULL)
    g_assert_nonnull (strstr (json_object_get_string_member (c, "format"), format_part));
}

static void
test_types (void)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "calls.xlsx", NULL);
  const char *headers[] = { "When", "Who", "Seconds", "Cost", "Note", NULL };
  g_autoptr(GovorunXlsxWriter) writer = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 29, 1, 30, 15);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autofree char *long_text = g_strnfill (40000, 'x');
  const char *note;

  writer = govorun_xlsx_writer_new (path, "Звонки", headers, &error);
  g_assert_no_error (error);
  govorun_xlsx_writer_set_width (writer, 0, 20);

  govorun_xlsx_writer_add_datetime (writer, when);
  govorun_xlsx_writer_add_text (writer, "Анна, «клиника»");
  govorun_xlsx_writer_add_int (writer, 125);
  govorun_xlsx_writer_add_money (writer, 12.3456);
  govorun_xlsx_writer_add_text (writer, "=1+1");
  g_assert_true (govorun_xlsx_writer_end_row (writer, &error));

  govorun_xlsx_writer_add_datetime (writer, NULL);
  govorun_xlsx_writer_add_text (writer, "+79161234567");
  govorun_xlsx_writer_add_blank (writer);
  govorun_xlsx_writer_add_money (writer, 0);
  govorun_xlsx_writer_add_text (writer, long_text);
  g_assert_true (govorun_xlsx_writer_end_row (writer, &error));
  g_assert_no_error (error);
  g_assert_true (govorun_xlsx_writer_close (writer, &error));
  g_assert_no_error (error);

  book = read_back ("xlsx", path, NULL);
  g_assert_cmpstr (json_object_get_string_member (book, "frozen"), ==, "A2");
  g_assert_cmpstr (json_object_get_string_member (book, "autofilter"), ==, "A1:E3");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (book, "rows")), ==, 3);

  assert_string (cell (book, 0, 0), "When");
  assert_string (cell (book, 0, 4), "Note");
  /* 2026-03-29 01:30:15 as an Excel serial date (days since 1899-12-30). */
  assert_number (cell (book, 1, 0), 46110 + (1 * 3600 + 30 * 60 + 15) / 86400.0, "yyyy-mm-dd hh:mm:ss");
  assert_string (cell (book, 1, 1), "Анна, «клиника»");
  assert_number (cell (book, 1, 2), 125, NULL);
  assert_number (cell (book, 1, 3), 12.3456, "0.00");
  assert_string (cell (book, 1, 4), "=1+1");

  g_assert_true (json_array_get_null_element (json_array_get_array_element (
    json_object_get_array_member (book, "rows"), 2), 0));
  assert_string (cell (book, 2, 1), "+79161234567");
  assert_number (cell (book, 2, 3), 0, "0.00");
  note = json_object_get_string_member (cell (book, 2, 4), "value");
  g_assert_true (g_str_has_suffix (note, "…"));
  g_assert_cmpint (g_utf8_strlen (note, -1), <=, 32767);

  test_util_rm_rf (dir);
}

/* Nothing is written until close: a writer given up leaves no file. */
static void
test_abandoned (void)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "never.xlsx", NULL);
  const char *headers[] = { "A", NULL };
  g_autoptr(GError) error = NULL;
  GovorunXlsxWriter *writer = govorun_xlsx_writer_new (path, "Sheet", headers, &error);

  g_assert_no_error (error);
  govorun_xlsx_writer_add_text (writer, "x");
  g_assert_true (govorun_xlsx_writer_end_row (writer, &error));
  g_object_unref (writer);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  test_util_rm_rf (dir);
}

/* Excel's last row is the last one written; the next is a sentence. */
static void
test_row_limit (void)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-xlsx-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "big.xlsx", NULL);
  const char *headers[] = { "A", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunXlsxWriter) writer = govorun_xlsx_writer_new (path, "Sheet", headers, &error);

  g_assert_no_error (error);
  /* Rows without cells cost nothing to write: only the count is tested. */
  for (guint row = 1; row < GOVORUN_XLSX_MAX_ROWS - 1; row++)
    g_assert_true (govorun_xlsx_writer_end_row (writer, NULL));
  govorun_xlsx_writer_add_int (writer, 1048575);
  g_assert_true (govorun_xlsx_writer_end_row (writer, &error));
  g_assert_no_error (error);
  govorun_xlsx_writer_add_int (writer, 1048576);
  g_assert_false (govorun_xlsx_writer_end_row (writer, &error));
  g_assert_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE);
  g_clear_object (&writer);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  test_util_rm_rf (dir);
}

static void
test_unwritable (void)
{
  const char *headers[] = { "A", NULL };
  g_autoptr(GovorunXlsxWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  writer = govorun_xlsx_writer_new ("/nonexistent-folder/calls.xlsx", "Sheet", headers, &error);
  if (writer != NULL)
    {
      /* libxlsxwriter opens the file only when it closes the workbook. */
      g_assert_false (govorun_xlsx_writer_close (writer, &error));
    }
  g_assert_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_WRITE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Io/Xlsx/types", test_types);
  g_test_add_func ("/Govorun/Io/Xlsx/abandoned", test_abandoned);
  g_test_add_func ("/Govorun/Io/Xlsx/row-limit", test_row_limit);
  g_test_add_func ("/Govorun/Io/Xlsx/unwritable", test_unwritable);
  return g_test_run ();
}
