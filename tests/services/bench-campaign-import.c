/* bench-campaign-import.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test -C _build --benchmark bench-campaign-import --verbose`
 * (GOVORUN_BENCH_ROWS: how many contacts, 1 000 000 by default;
 * GOVORUN_BENCH_NO_XLSX: the CSV only; GOVORUN_BENCH_CALLS: the call
 * history of the debt-mode run, 1 000 000 by default, 0 to skip it)
 *
 * A campaign prepared from a generated contact file through the service,
 * as the assistant does it: the file read, every number normalised and
 * deduplicated, checked against the do-not-call list, and every contact
 * and issue written into the store in one transaction. Once from a CSV,
 * once from the same rows as an XLSX. Peak RSS from getrusage.
 *
 * Then the debt-collection mode (230-FZ): the same CSV again over a call
 * history (two thirds of its outbound calls answered, spread over the 40
 * days before the campaign's start and over 60 % of the contacts), each
 * contact's interactions counted against the caps; its difference from
 * the first CSV run is what the counting costs. And the migration's
 * partial index built over that history, as an upgrade builds it.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <sys/resource.h>
#include <xlsxwriter.h>

#include "call-test-data.h"
#include "govorun-campaigns.h"
#include "govorun-store-private.h"
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

/* @start_at: 0 for a plain campaign, else a debt-mode one starting then. */
static void
prepare (SandboxServices *s,
         GovorunAgent    *agent,
         const char      *path,
         const char      *label,
         guint            rows,
         gint64           start_at)
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
  if (start_at > 0)
    {
      govorun_campaign_set_debt_mode (campaign, TRUE);
      govorun_campaign_set_time_zone (campaign, "Europe/Moscow");
      govorun_campaign_set_start_at (campaign, start_at);
      govorun_campaign_set_allowed_days (campaign, GOVORUN_CAMPAIGN_ALL_DAYS);
    }

  start = g_get_monotonic_time ();
  cpu = test_util_cpu_seconds ();
  govorun_campaigns_prepare_async (campaigns, file, NULL, mapping, campaign, NULL, NULL, NULL, NULL,
                                   test_util_on_result, &result);
  preflight = govorun_campaigns_prepare_finish (campaigns, test_util_wait (&result), &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  cpu = test_util_cpu_seconds () - cpu;
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_preflight_get_rows (preflight), ==, rows);
  g_print ("%s: %u rows, %u contacts, %u repeated, %u invalid, %u held back\n", label,
           govorun_preflight_get_rows (preflight), govorun_preflight_get_valid (preflight),
           govorun_preflight_get_duplicates (preflight), govorun_preflight_get_invalid (preflight),
           govorun_preflight_get_held_back (preflight));
  if (start_at > 0)
    g_assert_cmpuint (govorun_preflight_get_held_back (preflight), >, 0);
  g_print ("bench: campaign-prepare-%s = %.2f s\n", label, seconds);
  g_print ("bench: campaign-prepare-%s-cpu = %.2f s\n", label, cpu);
  g_print ("bench: campaign-prepare-%s-rows-per-second = %.0f rows/s\n", label, rows / seconds);
  g_print ("bench: campaign-prepare-%s-peak-rss = %.1f MB\n", label, peak_rss_mb ());
}

static gboolean
sql_exec (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  if (sqlite3_exec (db, data, NULL, NULL, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

/* Migration 14's index, dropped and built again over the history (the
 * figure is the build). */
static void
build_debt_index (GovorunStore *store)
{
  static const char * const steps[] = {
    "DROP INDEX calls_debt_interactions",
    "CREATE INDEX calls_debt_interactions ON calls (to_number, started_at) WHERE direction = 2 AND status = 1",
  };
  gint64 start = 0;
  double cpu = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      start = g_get_monotonic_time ();
      cpu = test_util_cpu_seconds ();
      govorun_store_write_async (store, sql_exec, (gpointer) steps[i], NULL, NULL, test_util_on_result, &result);
      govorun_store_write_finish (store, test_util_wait (&result), &error);
      g_assert_no_error (error);
    }
  g_print ("bench: debt-index-build = %.2f s\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_print ("bench: debt-index-build-cpu = %.2f s\n", test_util_cpu_seconds () - cpu);
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
  const char *env_calls = g_getenv ("GOVORUN_BENCH_CALLS");
  guint calls = env_calls != NULL ? (guint) g_ascii_strtoull (env_calls, NULL, 10) : 1000000;

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
  prepare (&s, agent, csv, "csv", rows, 0);
  if (g_getenv ("GOVORUN_BENCH_NO_XLSX") == NULL)
    {
      write_xlsx (xlsx, rows);
      prepare (&s, agent, xlsx, "xlsx", rows, 0);
    }
  if (calls > 0)
    {
      /* Noon UTC (15:00 in Moscow) two days ahead: inside the law's
       * hours on any kind of day. */
      gint64 start_at = (g_get_real_time () / G_USEC_PER_SEC / 86400 + 2) * 86400 + 12 * 3600;

      call_test_fill_debtors_by_sql (s.store, calls, MIN (rows, 600000), start_at);
      g_print ("history: %u calls\n", calls);
      /* The peak from here on is the history's generation (SQLite's
       * statement journal in memory), not the preflight's. */
      g_print ("bench: debt-history-filled-peak-rss = %.1f MB\n", peak_rss_mb ());
      build_debt_index (s.store);
      prepare (&s, agent, csv, "csv-debt", rows, start_at);
    }
  sandbox_services_stop (&s);
  return 0;
}
