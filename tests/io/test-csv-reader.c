/* test-csv-reader.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "govorun-csv-reader.h"
#include "govorun-io-error.h"

/* Reads every row of @bytes into "a|b|c" lines prefixed with the row
 * number ("3:a|b"), or the error. */
static char *
read_all (const char               *bytes,
          gssize                    len,
          const GovorunTableLimits *limits,
          GovorunCsvEncoding       *out_encoding,
          char                     *out_delimiter,
          GError                  **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *row;
  guint n, number;

  if (len < 0)
    len = strlen (bytes);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (bytes, len), len, g_free);
  reader = govorun_csv_reader_new (stream, limits);
  while ((row = govorun_table_reader_next_row (reader, &n, &number, NULL, error)) != NULL)
    {
      g_assert_cmpuint (n, ==, g_strv_length ((char **) row));
      g_string_append_printf (out, "%u:", number);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", row[i]);
      g_string_append_c (out, '\n');
    }
  if (error != NULL && *error != NULL)
    return NULL;
  if (out_encoding != NULL)
    *out_encoding = govorun_csv_reader_get_encoding (GOVORUN_CSV_READER (reader));
  if (out_delimiter != NULL)
    *out_delimiter = govorun_csv_reader_get_delimiter (GOVORUN_CSV_READER (reader));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_reads (const char         *bytes,
              gssize              len,
              GovorunCsvEncoding  encoding,
              char                delimiter,
              const char         *expected)
{
  g_autoptr(GError) error = NULL;
  GovorunCsvEncoding got_encoding;
  char got_delimiter;
  g_autofree char *got = read_all (bytes, len, NULL, &got_encoding, &got_delimiter, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (got_encoding, ==, encoding);
  g_assert_cmpint (got_delimiter, ==, delimiter);
}

static void
test_utf8_delimiters (void)
{
  assert_reads ("Имя,Телефон\nИван,+7 916 123-45-67\n", -1, GOVORUN_CSV_ENCODING_UTF8, ',',
                "1:Имя|Телефон\n2:Иван|+7 916 123-45-67\n");
  assert_reads ("Имя;Телефон;Город\r\nИван;89161234567;Москва, центр\r\n", -1,
                GOVORUN_CSV_ENCODING_UTF8, ';',
                "1:Имя|Телефон|Город\n2:Иван|89161234567|Москва, центр\n");
  assert_reads ("name\tphone\nAnn, Jr.\t+441632960961\n", -1, GOVORUN_CSV_ENCODING_UTF8, '\t',
                "1:name|phone\n2:Ann, Jr.|+441632960961\n");
  /* One column: no delimiter at all. */
  assert_reads ("phone\n89161234567\n", -1, GOVORUN_CSV_ENCODING_UTF8, ',',
                "1:phone\n2:89161234567\n");
  /* A delimiter inside quotes does not count when guessing. */
  assert_reads ("\"a,b,c\";d\n\"e,f,g\";h\n", -1, GOVORUN_CSV_ENCODING_UTF8, ';',
                "1:a,b,c|d\n2:e,f,g|h\n");
  /* No final line break; an old Mac's \r. */
  assert_reads ("a,b\rc,d", -1, GOVORUN_CSV_ENCODING_UTF8, ',', "1:a|b\n2:c|d\n");
}

static void
test_bom (void)
{
  assert_reads ("\xEF\xBB\xBFИмя;Телефон\n\"Пётр\";8 (495) 123-45-67\n", -1,
                GOVORUN_CSV_ENCODING_UTF8_BOM, ';',
                "1:Имя|Телефон\n2:Пётр|8 (495) 123-45-67\n");
}

static void
test_windows_1251 (void)
{
  g_autofree char *utf8 = g_strdup ("Имя;Телефон;Комментарий\nЁлкин Пётр;8 916 123-45-67;«звонить после 10» — №5\n"
                                    "Мария;+7 495 000-00-00;\n");
  gsize len = 0;
  g_autofree char *cp1251 = g_convert (utf8, -1, "CP1251", "UTF-8", NULL, &len, NULL);
  g_autofree char *expected = g_strdup ("1:Имя|Телефон|Комментарий\n"
                                        "2:Ёлкин Пётр|8 916 123-45-67|«звонить после 10» — №5\n"
                                        "3:Мария|+7 495 000-00-00|\n");

  g_assert_nonnull (cp1251);
  assert_reads (cp1251, len, GOVORUN_CSV_ENCODING_WINDOWS_1251, ';', expected);

  /* A CRM's export in capitals is Windows-1251 too. */
  g_free (cp1251);
  cp1251 = g_convert ("ФИО;ТЕЛЕФОН\nИВАНОВ ИВАН;89161234567\n", -1, "CP1251", "UTF-8", NULL, &len, NULL);
  assert_reads (cp1251, len, GOVORUN_CSV_ENCODING_WINDOWS_1251, ';',
                "1:ФИО|ТЕЛЕФОН\n2:ИВАНОВ ИВАН|89161234567\n");
}

/* Every byte of Windows-1251 decodes as iconv decodes it. */
static void
test_windows_1251_table (void)
{
  g_autoptr(GString) bytes = g_string_new ("Ж");
  g_autoptr(GString) expected = g_string_new ("1:");

  g_string_truncate (bytes, 0);
  /* Mostly letters, as Russian text is, so that it is taken for Windows-1251. */
  for (guint k = 0; k < 5; k++)
    for (guint b = 0xC0; b <= 0xFF; b++)
      g_string_append_c (bytes, (char) b);
  for (guint b = 0x80; b < 0xC0; b++)
    if (b != 0x98)
      g_string_append_c (bytes, (char) b);
  {
    g_autofree char *utf8 = g_convert (bytes->str, bytes->len, "UTF-8", "CP1251", NULL, NULL, NULL);
    g_autofree char *got = NULL;

    g_assert_nonnull (utf8);
    g_string_append_printf (expected, "%s\n", utf8);
    got = read_all (bytes->str, bytes->len, NULL, NULL, NULL, NULL);
    g_assert_cmpstr (got, ==, expected->str);
  }
}

static GBytes *
to_utf16 (const char *utf8,
          gboolean    big_endian,
          gboolean    bom)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);

  if (bom)
    g_byte_array_append (out, (const guint8 *) (big_endian ? "\xFE\xFF" : "\xFF\xFE"), 2);
  for (glong i = 0; i < n; i++)
    {
      guint8 pair[2] = { units[i] & 0xFF, units[i] >> 8 };

      if (big_endian)
        {
          guint8 t = pair[0];
          pair[0] = pair[1];
          pair[1] = t;
        }
      g_byte_array_append (out, pair, 2);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
test_utf16 (void)
{
  const char *text = "Имя\tТелефон\r\n\"Анна \"\"Ё\"\"\"\t89161234567\r\nЭмодзи 🙂\t+79031234567\r\n";
  const char *expected = "1:Имя|Телефон\n2:Анна \"Ё\"|89161234567\n3:Эмодзи 🙂|+79031234567\n";
  g_autoptr(GBytes) le = to_utf16 (text, FALSE, TRUE);
  g_autoptr(GBytes) be = to_utf16 (text, TRUE, TRUE);
  g_autoptr(GBytes) le_nobom = to_utf16 (text, FALSE, FALSE);

  assert_reads (g_bytes_get_data (le, NULL), g_bytes_get_size (le), GOVORUN_CSV_ENCODING_UTF16LE,
                '\t', expected);
  assert_reads (g_bytes_get_data (be, NULL), g_bytes_get_size (be), GOVORUN_CSV_ENCODING_UTF16BE,
                '\t', expected);
  assert_reads (g_bytes_get_data (le_nobom, NULL), g_bytes_get_size (le_nobom),
                GOVORUN_CSV_ENCODING_UTF16LE, '\t', expected);
}

static void
test_quotes (void)
{
  /* A quoted newline keeps the row one row; the next row's number counts
   * rows, as a spreadsheet shows them. */
  assert_reads ("name,note\n\"Иван\",\"first line\nsecond line\"\n\"say \"\"hi\"\"\",\"a,b\"\nx,\"\"\n",
                -1, GOVORUN_CSV_ENCODING_UTF8, ',',
                "1:name|note\n2:Иван|first line\nsecond line\n3:say \"hi\"|a,b\n4:x|\n");
  /* Text after a closing quote and a quote inside an unquoted value are kept. */
  assert_reads ("a,b\n\"x\"y,5\"\n", -1, GOVORUN_CSV_ENCODING_UTF8, ',', "1:a|b\n2:xy|5\"\n");
  /* CRLF inside quotes stays. */
  assert_reads ("a,b\r\n\"1\r\n2\",3\r\n", -1, GOVORUN_CSV_ENCODING_UTF8, ',',
                "1:a|b\n2:1\r\n2|3\n");
}

static void
test_ragged_and_empty (void)
{
  assert_reads ("a;b;c\n\n1;2\n;;\n1;2;3;4\n\r\n\n5\n", -1, GOVORUN_CSV_ENCODING_UTF8, ';',
                "1:a|b|c\n3:1|2\n5:1|2|3|4\n8:5\n");
  assert_reads ("", 0, GOVORUN_CSV_ENCODING_UTF8, ',', "");
  assert_reads ("\n\n", -1, GOVORUN_CSV_ENCODING_UTF8, ',', "");
}

/* Rows across the reader's 64 KiB buffers: a long file reads the same. */
static void
test_large (void)
{
  g_autoptr(GString) csv = g_string_new ("Имя;Телефон\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *row;
  guint n, number, count = 0;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "\"Контакт\n%u\";8916%07u\n", i, i);
  stream = g_memory_input_stream_new_from_data (g_strdup (csv->str), csv->len, g_free);
  reader = govorun_csv_reader_new (stream, NULL);
  row = govorun_table_reader_next_row (reader, &n, &number, NULL, &error);
  g_assert_nonnull (row);
  while ((row = govorun_table_reader_next_row (reader, &n, &number, NULL, &error)) != NULL)
    {
      g_autofree char *name = g_strdup_printf ("Контакт\n%u", count);
      g_autofree char *phone = g_strdup_printf ("8916%07u", count);

      g_assert_cmpuint (n, ==, 2);
      g_assert_cmpuint (number, ==, count + 2);
      g_assert_cmpstr (row[0], ==, name);
      g_assert_cmpstr (row[1], ==, phone);
      count++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 20000);
}

static void
assert_rejects (const char               *bytes,
                gssize                    len,
                const GovorunTableLimits *limits,
                int                       code,
                const char               *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = read_all (bytes, len, limits, NULL, NULL, &error);

  g_assert_null (got);
  g_assert_error (error, GOVORUN_IO_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  else
    g_assert_true (g_str_has_prefix (error->message, "Row ")
                   && strstr (error->message, ", column B: the text is not") != NULL);
}

static void
test_rejects (void)
{
  GovorunTableLimits limits = { .max_rows = 3, .max_fields = 3, .max_field_length = 8,
                                .max_file_size = 200 };
  g_autoptr(GString) big = g_string_new (NULL);

  assert_rejects ("a\nb\nc\nd\n", -1, &limits, GOVORUN_IO_ERROR_TOO_LARGE,
                  "The file has more rows than Govorun reads at once (3).");
  assert_rejects ("a,b\n1,2,3,4\n", -1, &limits, GOVORUN_IO_ERROR_TOO_LARGE,
                  "Row 2: more columns than Govorun reads (3).");
  assert_rejects ("a,b\n1,\"123456789\"\n", -1, &limits, GOVORUN_IO_ERROR_TOO_LARGE,
                  "Row 2, column B: the value is longer than Govorun reads (8 bytes).");
  assert_rejects ("a,b\n\n1,\"2\n", -1, &limits, GOVORUN_IO_ERROR_MALFORMED,
                  "Row 3, column B: a quoted value has no closing quote.");
  for (guint i = 0; i < 30; i++)
    g_string_append (big, "1234567,\n");
  assert_rejects (big->str, big->len, &limits, GOVORUN_IO_ERROR_TOO_LARGE,
                  "The file is larger than 200 bytes, more than Govorun reads at once.");
  /* UTF-8 that breaks after the first chunk: the row and column are named. */
  {
    g_autoptr(GString) csv = g_string_new ("name,phone\n");

    while (csv->len < 70000)
      g_string_append (csv, "Иван,89161234567\n");
    g_string_append (csv, "ok,bad\xC3(\n");
    assert_rejects (csv->str, csv->len, NULL, GOVORUN_IO_ERROR_ENCODING, NULL);
  }
  /* Binary data in no encoding. */
  assert_rejects ("\x01\x89\xFA\x80\x81\x82\x83\x84\x85\x86\x87", 11, NULL, GOVORUN_IO_ERROR_ENCODING,
                  "The file is not text in UTF-8, UTF-16 or Windows-1251. Save it as CSV in UTF-8 and try again.");
}

static void
test_preview (void)
{
  const char *csv = "Имя;Телефон;Город\nИван;89161234567\n\nПётр;+79031234567;Тверь;лишнее\nМария;8 916 000-00-00;Омск\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GovorunTableReader) reader = govorun_csv_reader_new (stream, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GError) error = NULL;
  char **row;

  g_assert_true (govorun_table_reader_read_preview (reader, 3, &rows, &numbers, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 4);
  g_assert_cmpstr (row[2], ==, "");
  g_assert_cmpstr (row[3], ==, "");
  g_assert_cmpuint (g_array_index (numbers, guint, 2), ==, 4);
  /* The reader goes on after the preview. */
  g_assert_nonnull (govorun_table_reader_next_row (reader, NULL, NULL, NULL, &error));
  g_assert_null (govorun_table_reader_next_row (reader, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_column_names (void)
{
  const struct { guint column; const char *name; } cases[] = {
    { 1, "A" }, { 26, "Z" }, { 27, "AA" }, { 52, "AZ" }, { 703, "AAA" }, { 16384, "XFD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = govorun_table_column_name (cases[i].column);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/CsvReader/utf8-delimiters", test_utf8_delimiters);
  g_test_add_func ("/Govorun/CsvReader/bom", test_bom);
  g_test_add_func ("/Govorun/CsvReader/windows-1251", test_windows_1251);
  g_test_add_func ("/Govorun/CsvReader/windows-1251-table", test_windows_1251_table);
  g_test_add_func ("/Govorun/CsvReader/utf16", test_utf16);
  g_test_add_func ("/Govorun/CsvReader/quotes", test_quotes);
  g_test_add_func ("/Govorun/CsvReader/ragged-and-empty", test_ragged_and_empty);
  g_test_add_func ("/Govorun/CsvReader/large", test_large);
  g_test_add_func ("/Govorun/CsvReader/rejects", test_rejects);
  g_test_add_func ("/Govorun/CsvReader/preview", test_preview);
  g_test_add_func ("/Govorun/CsvReader/column-names", test_column_names);

  return g_test_run ();
}
