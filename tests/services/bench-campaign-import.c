/* bench-campaign-import.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test -C _build --benchmark bench-campaign-import --verbose`
 * (GOVORUN_BENCH_ROWS: how many contacts, 1 000 000 by default;
 * GOVORUN_BENCH_NO_XLSX: the CSV only)
 *
 * A campaign prepared from a generated contact file through the service,
 * as the assistant does it: the file read, every number normalised and
 * deduplicated, checked against the do-not-call list, and every contact
 * and issue written into the store in one transaction. Once from a CSV,
 * once from the same rows as an XLSX. Peak RSS from getrusage.
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <xlsxwriter.h>

#include "govorun-campaigns.h"
#include "sandbox-services.h"

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Row @i: a name, a phone in one of the usual forms (every 50th a repeat,
 * every 97th garbage), a date and a city. */
static void
row_values (guint  i,
            char  *phone,
            gsize  size)
{
  guint n = i % 50 == 49 ? i - 1 : i;

  if (i % 97 == 96)
    g_snprintf (phone, size, "нет номера");
  else if (i % 3 == 0)
    g_snprintf (phone, size, "8 (916) %03u-%02u-%02u", n / 10000 % 1000, n / 100 % 100, n % 100);
  else if (i % 3 == 1)
    g_snprintf (phone, size, "+7 916 %03u %02u %02u", n / 10000 % 1000, n / 100 % 100, n % 100);
  else
    g_snprintf (phone, size, "7916%03u%02u%02u", n / 10000 % 1000, n / 100 % 100, n % 100);
}

static void
write_csv (const char *path,
           guint       rows)
{
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fputs ("Имя;Телефон;Дата визита;Город\n", out);
  for (guint i = 0; i < rows; i++)
    {
      char phone[40];

      row_values (i, phone, sizeof phone);
      fprintf (out, "Клиент %u;%s;%u декабря;Москва\n", i, phone, i % 28 + 1);
    }
  fclose (out);
}

static void
write_xlsx (const char *path,
            guint       rows)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Контакты");

  worksheet_write_string (sheet, 0, 0, "Имя", NULL);
  worksheet_write_string (sheet, 0, 1, "Телефон", NULL);
  worksheet_write_string (sheet, 0, 2, "Дата визита", NULL);
  worksheet_write_string (sheet, 0, 3, "Город", NULL);
  for (guint i = 0; i < rows; i++)
    {
      char name[32], phone[40], date[32];

      row_values (i, phone, sizeof phone);
      g_snprintf (name, sizeof name, "Клиент %u", i);
      g_snprintf (date, sizeof date, "%u декабря", i % 28 + 1);
      worksheet_write_string (sheet, i + 1, 0, name, NULL);
      worksheet_write_string (sheet, i + 1, 1, phone, NULL);
      worksheet_write_string (sheet, i + 1, 2, date, NULL);
      worksheet_write_string (sheet, i + 1, 3, "Москва", NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static void
prepare (SandboxServices *s,
         GovorunAgent    *agent,
         const char      *path,
         const char      *label,
         guint            rows)
{
  GovorunCampaigns *campaigns = govorun_services_get_campaigns (s->services);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GovorunCampaign) campaign = govorun_campaign_new ();
  g_autoptr(GovorunColumnMapping) mapping = govorun_column_mapping_new ();
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds, cpu;

  govorun_campaign_set_agent_id (campaign, govorun_agent_get_uuid (agent));
  govorun_column_mapping_set_phone_column (mapping, 1);
  govorun_column_mapping_set_variable (mapping, "name", 0);
  govorun_column_mapping_set_variable (mapping, "date", 2);

  start = g_get_monotonic_time ();
  cpu = test_util_cpu_seconds ();
  govorun_campaigns_prepare_async (campaigns, file, NULL, mapping, campaign, NULL, NULL, NULL, NULL,
                                   test_util_on_result, &result);
  preflight = govorun_campaigns_prepare_finish (campaigns, test_util_wait (&result), &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  cpu = test_util_cpu_seconds () - cpu;
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_preflight_get_rows (preflight), ==, rows);
  g_print ("%s: %u rows, %u contacts, %u repeated, %u invalid\n", label, govorun_preflight_get_rows (preflight),
           govorun_preflight_get_valid (preflight), govorun_preflight_get_duplicates (preflight),
           govorun_preflight_get_invalid (preflight));
  g_print ("bench: campaign-prepare-%s = %.2f s\n", label, seconds);
  g_print ("bench: campaign-prepare-%s-cpu = %.2f s\n", label, cpu);
  g_print ("bench: campaign-prepare-%s-rows-per-second = %.0f rows/s\n", label, rows / seconds);
  g_print ("bench: campaign-prepare-%s-peak-rss = %.1f MB\n", label, peak_rss_mb ());
}

int
main (int   argc,
      char *argv[])
{
  SandboxServices s = { 0 };
  g_autoptr(GovorunAgent) draft = govorun_agent_new ();
  g_autoptr(GovorunAgent) agent = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  const char *env = g_getenv ("GOVORUN_BENCH_ROWS");
  guint rows = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;

  sandbox_services_start (&s);
  govorun_agent_set_name (draft, "Bench");
  govorun_agent_store_save_async (govorun_services_get_agents (s.services), draft, NULL, test_util_on_result,
                                  &result);
  agent = govorun_agent_store_save_finish (govorun_services_get_agents (s.services), test_util_wait (&result),
                                           &error);
  g_assert_no_error (error);

  csv = g_build_filename (s.dir, "contacts.csv", NULL);
  xlsx = g_build_filename (s.dir, "contacts.xlsx", NULL);
  write_csv (csv, rows);
  g_print ("bench: campaign-files-written-rss = %.1f MB\n", peak_rss_mb ());
  prepare (&s, agent, csv, "csv", rows);
  if (g_getenv ("GOVORUN_BENCH_NO_XLSX") == NULL)
    {
      write_xlsx (xlsx, rows);
      prepare (&s, agent, xlsx, "xlsx", rows);
    }
  sandbox_services_stop (&s);
  return 0;
}
