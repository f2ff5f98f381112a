/* bench-import.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test -C _build --benchmark bench-import --verbose`
 * (GOVORUN_BENCH_ROWS: how many rows; 1 000 000 by default)
 *
 * Parse + normalise + dedupe of a generated Windows-1251 CSV against
 * Python's csv module doing the same (cp1251, split, a regex for the
 * Russian forms, a set) on the same file in the same run; then the same
 * rows as an XLSX (written with libxlsxwriter). Peak RSS from getrusage.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <xlsxwriter.h>

#include "govorun-csv-reader.h"
#include "govorun-phone-normalizer.h"
#include "govorun-phone-set.h"
#include "govorun-table-reader.h"
#include "test-util.h"

static const char *python_script =
  "import csv, re, resource, sys, time\n"
  "non_digit = re.compile(r'\\D')\n"
  "def normalise(text):\n"
  "    d = non_digit.sub('', text)\n"
  "    if len(d) == 11 and d[0] in '78' and d[1] in '3489':\n"
  "        return '+7' + d[1:]\n"
  "    if len(d) == 10 and d[0] in '3489':\n"
  "        return '+7' + d\n"
  "    return None\n"
  "start = time.perf_counter()\n"
  "seen = set(); valid = duplicates = invalid = 0\n"
  "with open(sys.argv[1], encoding='cp1251', newline='') as f:\n"
  "    rows = csv.reader(f, delimiter=';')\n"
  "    next(rows)\n"
  "    for row in rows:\n"
  "        if not row:\n"
  "            continue\n"
  "        number = normalise(row[1]) if len(row) > 1 else None\n"
  "        if number is None:\n"
  "            invalid += 1\n"
  "        elif number in seen:\n"
  "            duplicates += 1\n"
  "        else:\n"
  "            seen.add(number); valid += 1\n"
  "elapsed = time.perf_counter() - start\n"
  "print(elapsed, valid, duplicates, invalid,\n"
  "      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n";

static const char * const names[] = {
  "Иван Петров", "Мария Иванова", "Пётр Сидоров", "Анна Смирнова", "Ёлкин Сергей",
  "Ольга Кузнецова", "Дмитрий Попов", "Елена Соколова",
};
static const char * const cities[] = {
  "Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань, центр",
};

typedef struct
{
  guint valid;
  guint duplicates;
  guint invalid;
} Counts;

/* Row @i's phone in one of the usual forms; every 20th repeats an earlier
 * number, every 50th is no number. */
static void
phone_of_row (guint    i,
              char    *buf,
              gsize    len,
              guint64 *out_number)
{
  guint64 n = 9000000000ULL + (guint64) (i % 20 == 19 ? i / 2 : i) * 7919 % 999999999ULL;
  guint a = n / 10000000, b = n / 10000 % 1000, c = n / 100 % 100, d = n % 100;

  *out_number = 70000000000ULL + n;
  if (i % 50 == 49)
    {
      g_strlcpy (buf, "нет номера", len);
      *out_number = 0;
      return;
    }
  switch (i % 5)
    {
    case 0: g_snprintf (buf, len, "8 %03u %03u-%02u-%02u", a, b, c, d); break;
    case 1: g_snprintf (buf, len, "+7 (%03u) %03u-%02u-%02u", a, b, c, d); break;
    case 2: g_snprintf (buf, len, "7%010" G_GUINT64_FORMAT, n); break;
    case 3: g_snprintf (buf, len, "%010" G_GUINT64_FORMAT, n); break;
    default: g_snprintf (buf, len, "8-%03u-%03u%02u%02u", a, b, c, d); break;
    }
}

static void
write_csv (const char *path,
           guint       rows)
{
  FILE *out = fopen (path, "wb");
  g_autoptr(GString) utf8 = g_string_new ("Имя;Телефон;Город\r\n");

  g_assert_nonnull (out);
  for (guint i = 0; i <= rows; i++)
    {
      if (i > 0)
        {
          char phone[64];
          guint64 number;

          phone_of_row (i - 1, phone, sizeof phone, &number);
          g_string_append_printf (utf8, "%s %u;%s;\"%s\"\r\n", names[i % G_N_ELEMENTS (names)], i,
                                  phone, cities[i % G_N_ELEMENTS (cities)]);
        }
      if (utf8->len > 1 << 20 || i == rows)
        {
          gsize len = 0;
          g_autofree char *cp1251 = g_convert (utf8->str, utf8->len, "CP1251", "UTF-8", NULL, &len, NULL);

          g_assert_nonnull (cp1251);
          fwrite (cp1251, 1, len, out);
          g_string_truncate (utf8, 0);
        }
    }
  fclose (out);
}

static void
write_xlsx (const char *path,
            guint       rows)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

  worksheet_write_string (sheet, 0, 0, "Имя", NULL);
  worksheet_write_string (sheet, 0, 1, "Телефон", NULL);
  worksheet_write_string (sheet, 0, 2, "Город", NULL);
  for (guint i = 0; i < rows; i++)
    {
      char phone[64], name[64];
      guint64 number;

      phone_of_row (i, phone, sizeof phone, &number);
      g_snprintf (name, sizeof name, "%s %u", names[(i + 1) % G_N_ELEMENTS (names)], i + 1);
      worksheet_write_string (sheet, i + 1, 0, name, NULL);
      /* Phones as a spreadsheet keeps them: numbers, and text where typed so. */
      if (number != 0 && i % 2 == 0)
        worksheet_write_number (sheet, i + 1, 1, (double) number, NULL);
      else
        worksheet_write_string (sheet, i + 1, 1, phone, NULL);
      worksheet_write_string (sheet, i + 1, 2, cities[(i + 1) % G_N_ELEMENTS (cities)], NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static double
import (const char *path,
        Counts     *counts)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GovorunPhoneSet) seen = govorun_phone_set_new ();
  g_autoptr(GError) error = NULL;
  const char * const *row;
  gint64 start = g_get_monotonic_time ();
  guint n, number;

  reader = govorun_table_reader_open (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (govorun_table_reader_next_row (reader, NULL, NULL, NULL, &error));
  while ((row = govorun_table_reader_next_row (reader, &n, &number, NULL, &error)) != NULL)
    {
      GovorunPhoneResult result;

      if (n < 2 || !govorun_phone_normalize (row[1], NULL, &result))
        counts->invalid++;
      else if (govorun_phone_set_add (seen, result.e164, number, NULL))
        counts->valid++;
      else
        counts->duplicates++;
    }
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1e6;
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

int
main (int   argc,
      char *argv[])
{
  const char *rows_env = g_getenv ("GOVORUN_BENCH_ROWS");
  guint rows = rows_env != NULL ? (guint) g_ascii_strtoull (rows_env, NULL, 10) : 1000000;
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-bench-import-XXXXXX");
  g_autofree char *csv = g_build_filename (dir, "contacts.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "contacts.xlsx", NULL);
  g_autofree char *script = g_build_filename (dir, "import.py", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  Counts ours = { 0 }, xlsx_counts = { 0 };
  double ours_s, xlsx_s;
  g_autofree char *rows_label = g_strdup_printf ("%u", rows);

  write_csv (csv, rows);
  ours_s = import (csv, &ours);
  printf ("bench: csv-rows = %s rows\n", rows_label);
  printf ("bench: csv-valid/duplicates/invalid = %u/%u/%u rows\n", ours.valid, ours.duplicates, ours.invalid);
  printf ("bench: csv-govorun = %.3f s\n", ours_s);
  printf ("bench: csv-peak-rss = %ld MB\n", peak_rss_mb ());

  if (python != NULL && g_file_set_contents (script, python_script, -1, NULL))
    {
      const char *command[] = { python, script, csv, NULL };
      g_autofree char *out = NULL;
      g_auto(GStrv) fields = NULL;
      int status = 0;

      if (g_spawn_sync (NULL, (char **) command, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                        &status, NULL)
          && status == 0 && (fields = g_strsplit (g_strstrip (out), " ", -1)) != NULL
          && g_strv_length (fields) == 5)
        {
          double python_s = g_ascii_strtod (fields[0], NULL);

          printf ("bench: csv-python-valid/duplicates/invalid = %s/%s/%s rows\n", fields[1], fields[2], fields[3]);
          printf ("bench: csv-python = %.3f s\n", python_s);
          printf ("bench: csv-python-peak-rss = %s MB\n", fields[4]);
          printf ("bench: csv-ratio = %.2f x\n", python_s / ours_s);
        }
      else
        printf ("bench: csv-python = failed to run\n");
    }
  else
    printf ("bench: csv-python = no python3\n");

  write_xlsx (xlsx, rows);
  xlsx_s = import (xlsx, &xlsx_counts);
  printf ("bench: xlsx-valid/duplicates/invalid = %u/%u/%u rows\n", xlsx_counts.valid,
          xlsx_counts.duplicates, xlsx_counts.invalid);
  printf ("bench: xlsx-govorun = %.3f s\n", xlsx_s);
  printf ("bench: peak-rss-after-xlsx = %ld MB\n", peak_rss_mb ());

  test_util_rm_rf (dir);
  return 0;
}
