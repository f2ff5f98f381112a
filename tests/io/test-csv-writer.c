/* test-csv-writer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV writer's quoting, re-read by Python's csv module: commas, quotes,
 * line breaks, Cyrillic, both dialects (RFC 4180; Excel in Russian with a
 * BOM, ";" and decimal commas), the formula guard on text and none on
 * numbers, CRLF line ends, and a write error as a GError.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "govorun-csv-writer.h"
#include "govorun-io-error.h"
#include "read-back.h"
#include "test-util.h"

/* Text cells as written, and as a reader must see them. */
static const struct
{
  const char *written;
  const char *read;
} texts[] = {
  { "plain", "plain" },
  { "with, comma", "with, comma" },
  { "with; semicolon", "with; semicolon" },
  { "say \"hello\"", "say \"hello\"" },
  { "two\nlines", "two\nlines" },
  { "crlf\r\ninside", "crlf\r\ninside" },
  { "Запись на приём, «срочно»", "Запись на приём, «срочно»" },
  { "", "" },
  { NULL, "" },
  /* Formula injection: guarded with a leading apostrophe. */
  { "=1+1", "'=1+1" },
  { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
  { "-2+3", "'-2+3" },
  { "@SUM(A1:A2)", "'@SUM(A1:A2)" },
  { "\tleading tab", "'\tleading tab" },
  { "=HYPERLINK(\"x\", \"y\"), z", "'=HYPERLINK(\"x\", \"y\"), z" },
  { "a = b", "a = b" },
};

/* Numbers: written as they are (no guard) when they are numbers. */
static const struct
{
  const char *written;
  const char *read_rfc;
  const char *read_excel;
} numbers[] = {
  { "+79161234567", "+79161234567", "+79161234567" },
  { "79161234567", "79161234567", "79161234567" },
  { "-12.5", "-12.5", "-12,5" },
  { "0", "0", "0" },
  /* Not numbers: text, guarded where they start like a formula. */
  { "+7 916 123-45-67", "'+7 916 123-45-67", "'+7 916 123-45-67" },
  { "+1+1", "'+1+1", "'+1+1" },
  { "12.", "12.", "12." },
  { "anonymous", "anonymous", "anonymous" },
};

static GOutputStream *
create_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileOutputStream *stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

  g_assert_no_error (error);
  return G_OUTPUT_STREAM (stream);
}

static char *
write_file (const char        *dir,
            GovorunCsvDialect  dialect,
            guint              n_rows)
{
  g_autofree char *path = g_build_filename (dir, dialect == GOVORUN_CSV_DIALECT_EXCEL_RU
                                                 ? "excel.csv" : "rfc.csv", NULL);
  g_autoptr(GOutputStream) stream = create_file (path);
  g_autoptr(GovorunCsvWriter) writer = govorun_csv_writer_new (stream, dialect);
  g_autoptr(GError) error = NULL;

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        govorun_csv_writer_add_text (writer, texts[i].written);
      for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
        govorun_csv_writer_add_number (writer, numbers[i].written);
      govorun_csv_writer_add_int (writer, -42);
      govorun_csv_writer_add_double (writer, 1.25, 4);
      govorun_csv_writer_add_double (writer, 3.0, 4);
      govorun_csv_writer_add_double (writer, 0.123456789, 4);
      g_assert_true (govorun_csv_writer_end_row (writer, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (govorun_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
check_dialect (GovorunCsvDialect dialect)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-csv-XXXXXX");
  gboolean excel = dialect == GOVORUN_CSV_DIALECT_EXCEL_RU;
  /* Enough rows to go through the buffer several times. */
  guint n_rows = 3000;
  g_autofree char *path = write_file (dir, dialect, n_rows);
  g_autoptr(JsonObject) csv = read_back ("csv", path, excel ? ";" : ",");
  JsonArray *rows = json_object_get_array_member (csv, "rows");

  g_assert_cmpint (json_object_get_boolean_member (csv, "bom"), ==, excel);
  g_assert_true (json_object_get_boolean_member (csv, "crlf"));
  g_assert_cmpuint (json_array_get_length (rows), ==, n_rows);

  for (guint row = 0; row < n_rows; row += n_rows - 1)
    {
      g_auto(GStrv) cells = read_back_csv_row (csv, row);
      guint col = 0;

      g_assert_cmpuint (g_strv_length (cells), ==,
                        G_N_ELEMENTS (texts) + G_N_ELEMENTS (numbers) + 4);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        g_assert_cmpstr (cells[col++], ==, texts[i].read);
      for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
        g_assert_cmpstr (cells[col++], ==, excel ? numbers[i].read_excel : numbers[i].read_rfc);
      g_assert_cmpstr (cells[col++], ==, "-42");
      g_assert_cmpstr (cells[col++], ==, excel ? "1,25" : "1.25");
      g_assert_cmpstr (cells[col++], ==, "3");
      g_assert_cmpstr (cells[col++], ==, excel ? "0,1235" : "0.1235");
    }

  test_util_rm_rf (dir);
}

static void
test_rfc4180 (void)
{
  check_dialect (GOVORUN_CSV_DIALECT_RFC4180);
}

static void
test_excel_ru (void)
{
  check_dialect (GOVORUN_CSV_DIALECT_EXCEL_RU);
}

/* Only what is quoted needs quotes: a plain row is plain. */
static void
test_minimal_quoting (void)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GovorunCsvWriter) writer = govorun_csv_writer_new (memory, GOVORUN_CSV_DIALECT_RFC4180);
  g_autoptr(GError) error = NULL;
  const char *data;

  govorun_csv_writer_add_text (writer, "a");
  govorun_csv_writer_add_text (writer, "b c");
  govorun_csv_writer_add_text (writer, "d;e");
  govorun_csv_writer_add_text (writer, "f,g");
  govorun_csv_writer_add_text (writer, "=h,i");
  govorun_csv_writer_add_number (writer, "+7916");
  g_assert_true (govorun_csv_writer_end_row (writer, NULL, &error));
  g_assert_true (govorun_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);
  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_cmpmem (data, g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                   "a,b c,d;e,\"f,g\",\"'=h,i\",+7916\r\n", 31);
}

static void
test_is_number (void)
{
  g_assert_true (govorun_csv_is_number ("+79161234567"));
  g_assert_true (govorun_csv_is_number ("-0.5"));
  g_assert_true (govorun_csv_is_number ("12"));
  g_assert_false (govorun_csv_is_number (NULL));
  g_assert_false (govorun_csv_is_number (""));
  g_assert_false (govorun_csv_is_number ("+"));
  g_assert_false (govorun_csv_is_number ("-.5"));
  g_assert_false (govorun_csv_is_number ("1.2.3"));
  g_assert_false (govorun_csv_is_number ("1e5"));
  g_assert_false (govorun_csv_is_number ("+1+1"));
}

/* A stream that cannot be written: a GError in the io domain, not a crash. */
static void
test_write_error (void)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-csv-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "gone.csv", NULL);
  g_autoptr(GOutputStream) stream = create_file (path);
  g_autoptr(GovorunCsvWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  g_output_stream_close (stream, NULL, NULL);
  writer = govorun_csv_writer_new (stream, GOVORUN_CSV_DIALECT_RFC4180);
  govorun_csv_writer_add_text (writer, "x");
  g_assert_true (govorun_csv_writer_end_row (writer, NULL, &error));
  g_assert_false (govorun_csv_writer_close (writer, NULL, &error));
  g_assert_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_WRITE);
  test_util_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Io/Csv/rfc4180", test_rfc4180);
  g_test_add_func ("/Govorun/Io/Csv/excel-ru", test_excel_ru);
  g_test_add_func ("/Govorun/Io/Csv/minimal-quoting", test_minimal_quoting);
  g_test_add_func ("/Govorun/Io/Csv/is-number", test_is_number);
  g_test_add_func ("/Govorun/Io/Csv/write-error", test_write_error);
  return g_test_run ();
}
