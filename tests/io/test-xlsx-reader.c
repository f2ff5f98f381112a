/* test-xlsx-reader.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <minizip/zip.h>
#include <xlsxwriter.h>

#include "govorun-io-error.h"
#include "govorun-xlsx-reader-private.h"
#include "test-util.h"

static char *tmp_dir;

/* Every row as "3:a|b|c\n", or NULL and the error. */
static char *
read_rows (GovorunTableReader  *reader,
           GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *row;
  guint n, number;

  while ((row = govorun_table_reader_next_row (reader, &n, &number, NULL, error)) != NULL)
    {
      g_string_append_printf (out, "%u:", number);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", row[i]);
      g_string_append_c (out, '\n');
    }
  if (*error != NULL)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GovorunTableReader *
open_path (const char         *path,
           const char         *sheet,
           GovorunTableLimits *limits,
           GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return govorun_table_reader_open (file, sheet, limits, NULL, error);
}

/* A workbook as Excel writes it: shared strings, numbers, dates, two sheets. */
static char *
write_workbook (void)
{
  char *path = g_build_filename (tmp_dir, "contacts.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *contacts = workbook_add_worksheet (workbook, "Контакты");
  lxw_worksheet *second = workbook_add_worksheet (workbook, "Second");
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *date_time = workbook_add_format (workbook);
  lxw_format *money = workbook_add_format (workbook);
  lxw_datetime visit = { 2026, 12, 2, 0, 0, 0 };
  lxw_datetime call = { 2026, 12, 3, 9, 30, 0 };

  format_set_num_format (date, "dd.mm.yyyy");
  format_set_num_format (date_time, "yyyy-mm-dd hh:mm");
  format_set_num_format (money, "#,##0.00 \"₽\"");

  worksheet_write_string (contacts, 0, 0, "Имя", NULL);
  worksheet_write_string (contacts, 0, 1, "Телефон", NULL);
  worksheet_write_string (contacts, 0, 2, "Дата визита", NULL);
  worksheet_write_string (contacts, 0, 3, "Звонок", NULL);
  worksheet_write_string (contacts, 0, 4, "Сумма", NULL);
  worksheet_write_string (contacts, 1, 0, "Иван", NULL);
  worksheet_write_number (contacts, 1, 1, 79161234567.0, NULL);
  worksheet_write_datetime (contacts, 1, 2, &visit, date);
  worksheet_write_datetime (contacts, 1, 3, &call, date_time);
  worksheet_write_number (contacts, 1, 4, 1500.5, money);
  /* Row 3 left empty; row 4 ragged, with a gap. */
  worksheet_write_string (contacts, 3, 0, "Пётр «Ё»", NULL);
  worksheet_write_number (contacts, 3, 2, 0.1 + 0.2, NULL);
  worksheet_write_string (contacts, 4, 1, "8 (495) 123-45-67", NULL);
  worksheet_write_boolean (contacts, 4, 2, 1, NULL);

  worksheet_write_string (second, 0, 0, "phone", NULL);
  worksheet_write_number (second, 1, 0, 4930901820.0, NULL);

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static void
test_workbook (void)
{
  g_autofree char *path = write_workbook ();
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  const char * const *names;

  reader = open_path (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (GOVORUN_IS_XLSX_READER (reader));
  names = govorun_xlsx_reader_get_sheet_names (GOVORUN_XLSX_READER (reader));
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Контакты");
  g_assert_cmpstr (names[1], ==, "Second");
  g_assert_cmpstr (govorun_xlsx_reader_get_sheet_name (GOVORUN_XLSX_READER (reader)), ==, "Контакты");

  rows = read_rows (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==,
                   "1:Имя|Телефон|Дата визита|Звонок|Сумма\n"
                   "2:Иван|79161234567|2026-12-02|2026-12-03 09:30|1500.5\n"
                   "4:Пётр «Ё»||0.3\n"
                   "5:|8 (495) 123-45-67|TRUE\n");
}

static void
test_chosen_sheet (void)
{
  g_autofree char *path = write_workbook ();
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  reader = open_path (path, "Second", NULL, &error);
  g_assert_no_error (error);
  rows = read_rows (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==, "1:phone\n2:4930901820\n");

  g_clear_object (&reader);
  reader = open_path (path, "Третий", NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, "The workbook has no sheet named “Третий”.");
}

/* A workbook by hand: what other programs write. */
static char *
write_zip (const char         *name,
           const char * const *parts)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  zipFile zip = zipOpen (path, APPEND_STATUS_CREATE);

  g_assert_nonnull (zip);
  for (guint i = 0; parts[i] != NULL; i += 2)
    {
      g_assert_cmpint (zipOpenNewFileInZip (zip, parts[i], NULL, NULL, 0, NULL, 0, NULL,
                                            Z_DEFLATED, Z_BEST_COMPRESSION), ==, ZIP_OK);
      g_assert_cmpint (zipWriteInFileInZip (zip, parts[i + 1], strlen (parts[i + 1])), ==, ZIP_OK);
      g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
    }
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
  return path;
}

#define WORKBOOK \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
  "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"" \
  " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" \
  "<x:sheets><x:sheet name=\"Лист1\" sheetId=\"1\" r:id=\"R1\"/></x:sheets></x:workbook>"
#define RELS \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"R1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"" \
  " Target=\"/xl/worksheets/data.xml\"/>" \
  "<Relationship Id=\"R2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\"" \
  " Target=\"sharedStrings.xml\"/></Relationships>"
#define STRINGS \
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\">" \
  "<si><t>Имя</t></si><si><r><t>Теле</t></r><r><rPr><b/></rPr><t>фон</t></r>" \
  "<rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si></sst>"

static const char *
sheet_part (const char *rows)
{
  static char *part;

  g_free (part);
  part = g_strconcat ("<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                      "<x:sheetData>", rows, "</x:sheetData></x:worksheet>", NULL);
  return part;
}

static void
test_inline_strings (void)
{
  const char *parts[] = {
    "xl/workbook.xml", WORKBOOK,
    "xl/_rels/workbook.xml.rels", RELS,
    "xl/sharedStrings.xml", STRINGS,
    "xl/worksheets/data.xml", sheet_part (
      /* A cell outside any row is no cell (found by the fuzzer). */
      "<x:c><x:v>5</x:v></x:c>"
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\" t=\"s\"><x:v>1</x:v></x:c></x:row>"
      "<x:row r=\"3\"><x:c r=\"A3\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\"> Анна &amp; Ко </x:t></x:is></x:c>"
      "<x:c r=\"B3\"><x:v>7.9161234567E10</x:v></x:c><x:c r=\"D3\" t=\"str\"><x:f>A3</x:f><x:v>=</x:v></x:c></x:row>"
      "<x:row><x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c><x:v>-1.25e-3</x:v></x:c><x:c s=\"0\"/></x:row>"
      "<x:row r=\"9\"><x:c r=\"A9\" s=\"1\"/></x:row>"),
    NULL,
  };
  g_autofree char *path = write_zip ("inline.xlsx", parts);
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  reader = open_path (path, NULL, NULL, &error);
  g_assert_no_error (error);
  rows = read_rows (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==, "1:Имя|Телефон\n3: Анна & Ко |79161234567||=\n4:#N/A|-0.00125\n");
}

static void
assert_rejected (const char  *name,
                 const char  *rows_xml,
                 int          code,
                 const char  *message)
{
  const char *parts[] = {
    "xl/workbook.xml", WORKBOOK,
    "xl/_rels/workbook.xml.rels", RELS,
    "xl/sharedStrings.xml", STRINGS,
    "xl/worksheets/data.xml", sheet_part (rows_xml),
    NULL,
  };
  g_autofree char *path = write_zip (name, parts);
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  GovorunTableLimits limits = { .max_rows = 100, .max_fields = 5, .max_field_length = 10 };

  reader = open_path (path, NULL, &limits, &error);
  if (reader != NULL)
    rows = read_rows (reader, &error);
  g_assert_null (rows);
  g_assert_error (error, GOVORUN_IO_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_rejects (void)
{
  g_autoptr(GString) deep = g_string_new ("<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c></x:row><x:row r=\"2\">");
  g_autoptr(GString) spaces = g_string_new ("<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c></x:row>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autofree char *not_zip = g_build_filename (tmp_dir, "fake.xlsx", NULL);

  assert_rejected ("shared.xlsx", "<x:row r=\"4\"><x:c r=\"C4\" t=\"s\"><x:v>7</x:v></x:c></x:row>",
                   GOVORUN_IO_ERROR_MALFORMED,
                   "Row 4, column C: the cell refers to a text the workbook does not have.");
  assert_rejected ("rows.xlsx", "<x:row r=\"101\"><x:c r=\"A101\"><x:v>1</x:v></x:c></x:row>",
                   GOVORUN_IO_ERROR_TOO_LARGE,
                   "The file has more rows than Govorun reads at once (100).");
  assert_rejected ("columns.xlsx", "<x:row r=\"2\"><x:c r=\"F2\"><x:v>1</x:v></x:c></x:row>",
                   GOVORUN_IO_ERROR_TOO_LARGE, "Row 2: more columns than Govorun reads (5).");
  assert_rejected ("long.xlsx", "<x:row r=\"7\"><x:c r=\"B7\" t=\"inlineStr\"><x:is><x:t>12345678901</x:t></x:is></x:c></x:row>",
                   GOVORUN_IO_ERROR_TOO_LARGE, "Row 7, column B: the value is longer than Govorun reads (10 bytes).");
  assert_rejected ("broken.xlsx", "<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c></x:row><x:row r=\"2\"><x:c></x:row>",
                   GOVORUN_IO_ERROR_MALFORMED,
                   "The workbook is damaged: sheet “Лист1” cannot be read after row 2.");

  for (guint i = 0; i < 100; i++)
    g_string_append (deep, "<x:c>");
  assert_rejected ("deep.xlsx", deep->str, GOVORUN_IO_ERROR_MALFORMED,
                   "The workbook is damaged: its XML is nested too deeply.");

  /* A zip bomb: megabytes of blanks packed into a few kilobytes. */
  g_string_append_len (spaces, "", 0);
  while (spaces->len < 4 * 1024 * 1024)
    g_string_append (spaces, "                                                                ");
  assert_rejected ("bomb.xlsx", spaces->str, GOVORUN_IO_ERROR_TOO_LARGE,
                   "The workbook’s part “xl/worksheets/data.xml” unpacks to 4.2\u00a0MB from far less: it looks like a zip bomb, not a spreadsheet.");

  /* The archive itself over the file bound. */
  {
    g_autofree char *path = write_workbook ();
    GovorunTableLimits small = { .max_file_size = 1000 };

    reader = open_path (path, NULL, &small, &error);
    g_assert_null (reader);
    g_assert_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, "The file is larger than 1.0\u00a0kB, more than Govorun reads at once.");
    g_clear_error (&error);
  }

  g_assert_true (g_file_set_contents (not_zip, "PK\003\004 not really", -1, NULL));
  reader = open_path (not_zip, NULL, NULL, &error);
  g_assert_null (reader);
  g_assert_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, "The file is not an Excel workbook (XLSX), or it is damaged.");
}

static void
test_values (void)
{
  const struct { const char *xml; const char *text; } numbers[] = {
    { "79161234567", "79161234567" }, { "7.9161234567E10", "79161234567" },
    { "7.9161234567e+10", "79161234567" }, { "1E+21", "1000000000000000000000" },
    { "0.30000000000000004", "0.3" }, { "1.5E-3", "0.0015" }, { "-1.25e-3", "-0.00125" },
    { "123.4500", "123.45" }, { "00012", "12" }, { "0", "0" }, { "-0.0", "0" },
    { "1e300", "1e300" }, { "abc", NULL }, { "1e99999", NULL }, { "", NULL }, { "1.2.3", NULL },
  };
  const struct { const char *xml; GovorunXlsxFormatKind kind; gboolean date1904; const char *text; } dates[] = {
    { "1", GOVORUN_XLSX_FORMAT_DATE, FALSE, "1900-01-01" },
    { "59", GOVORUN_XLSX_FORMAT_DATE, FALSE, "1900-02-28" },
    { "61", GOVORUN_XLSX_FORMAT_DATE, FALSE, "1900-03-01" },
    { "46358", GOVORUN_XLSX_FORMAT_DATE, FALSE, "2026-12-02" },
    { "46358.5", GOVORUN_XLSX_FORMAT_DATETIME, FALSE, "2026-12-02 12:00" },
    { "46358", GOVORUN_XLSX_FORMAT_DATETIME, FALSE, "2026-12-02" },
    { "0", GOVORUN_XLSX_FORMAT_DATE, TRUE, "1904-01-01" },
    { "0.75", GOVORUN_XLSX_FORMAT_TIME, FALSE, "18:00:00" },
    { "0.99999999", GOVORUN_XLSX_FORMAT_DATETIME, FALSE, NULL },
    { "-1", GOVORUN_XLSX_FORMAT_DATE, FALSE, NULL },
    { "99999999", GOVORUN_XLSX_FORMAT_DATE, FALSE, NULL },
  };
  const struct { guint id; const char *code; GovorunXlsxFormatKind kind; } formats[] = {
    { 14, NULL, GOVORUN_XLSX_FORMAT_DATE }, { 22, NULL, GOVORUN_XLSX_FORMAT_DATETIME },
    { 20, NULL, GOVORUN_XLSX_FORMAT_TIME }, { 49, NULL, GOVORUN_XLSX_FORMAT_NONE },
    { 0, NULL, GOVORUN_XLSX_FORMAT_NONE },
    { 164, "dd.mm.yyyy", GOVORUN_XLSX_FORMAT_DATE }, { 165, "[$-419]h:mm;@", GOVORUN_XLSX_FORMAT_TIME },
    { 166, "yyyy-mm-dd hh:mm", GOVORUN_XLSX_FORMAT_DATETIME }, { 167, "0.00E+00", GOVORUN_XLSX_FORMAT_NONE },
    { 168, "#,##0.00 \"₽\"", GOVORUN_XLSX_FORMAT_NONE }, { 169, "General", GOVORUN_XLSX_FORMAT_NONE },
    { 170, "\"day\" 0", GOVORUN_XLSX_FORMAT_NONE }, { 171, "[Red]0.00", GOVORUN_XLSX_FORMAT_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      gboolean ok = _govorun_xlsx_number_text (numbers[i].xml, out);

      g_test_message ("number %s", numbers[i].xml);
      g_assert_cmpint (ok, ==, numbers[i].text != NULL);
      if (ok)
        g_assert_cmpstr (out->str, ==, numbers[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      gboolean ok = _govorun_xlsx_date_text (dates[i].xml, dates[i].kind, dates[i].date1904, out);

      g_test_message ("date %s", dates[i].xml);
      if (dates[i].text == NULL && ok)
        g_assert_cmpstr (out->str, ==, "1900-01-01");  /* 0.99999999 rounds to the next day */
      else
        {
          g_assert_cmpint (ok, ==, dates[i].text != NULL);
          if (ok)
            g_assert_cmpstr (out->str, ==, dates[i].text);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_assert_cmpint (_govorun_xlsx_format_kind (formats[i].id, formats[i].code), ==, formats[i].kind);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = test_util_make_tmp_dir ("govorun-xlsx-XXXXXX");

  g_test_add_func ("/Govorun/XlsxReader/workbook", test_workbook);
  g_test_add_func ("/Govorun/XlsxReader/chosen-sheet", test_chosen_sheet);
  g_test_add_func ("/Govorun/XlsxReader/inline-strings", test_inline_strings);
  g_test_add_func ("/Govorun/XlsxReader/rejects", test_rejects);
  g_test_add_func ("/Govorun/XlsxReader/values", test_values);

  status = g_test_run ();
  test_util_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}
