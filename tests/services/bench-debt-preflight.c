/* bench-debt-preflight.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson test -C _build --benchmark bench-debt-preflight --verbose`
 * (GOVORUN_BENCH_ROWS: contacts, GOVORUN_BENCH_CALLS: calls in the
 * history; 1 000 000 each by default)
 *
 * The debt-collection mode's preflight at scale: a contact file prepared
 * through the service as the assistant does it, once as a plain campaign
 * and once in debt mode, over a call history of a million calls of which
 * two thirds of the outbound ones were answered, spread over the 40 days
 * before the campaign's start and over 60 % of the contacts' numbers. The
 * difference is what counting each contact's interactions costs. Also
 * the migration's partial index built over that history.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <sys/resource.h>

#include "govorun-campaigns.h"
#include "govorun-store-private.h"
#include "sandbox-services.h"

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Call k goes to contact (7k mod 600 000), 1 in 10 inbound, 1 in 3 not
 * answered, at most 40 days before ?3. */
static const char fill_sql[] =
  "WITH RECURSIVE seq(k) AS (SELECT ?1 UNION ALL SELECT k + 1 FROM seq WHERE k < ?2)"
  " INSERT INTO calls (vox_session_id, direction, from_number, to_number, started_at, duration, status)"
  " SELECT 5000000 + k, CASE WHEN k % 10 = 0 THEN 1 ELSE 2 END, '74993334455',"
  " printf ('7916%07d', (k * 7) % 600000), ?3 - 1 - (k * 86413) % 3456000,"
  " CASE WHEN k % 3 = 0 THEN 0 ELSE 60 END, CASE WHEN k % 3 = 0 THEN 2 ELSE 1 END FROM seq";

typedef struct
{
  gint64 first;
  gint64 last;
  gint64 before;
} Range;

static gboolean
sql_fill (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  Range *range = data;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, fill_sql, -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, range->first);
  sqlite3_bind_int64 (stmt, 2, range->last);
  sqlite3_bind_int64 (stmt, 3, range->before);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
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

static void
write_sql (GovorunStore          *store,
           GovorunStoreWriteFunc  func,
           gpointer               data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_store_write_async (store, func, data, NULL, NULL, test_util_on_result, &result);
  govorun_store_write_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
}

static void
write_csv (const char *path,
           guint       rows)
{
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fputs ("Имя;Телефон;Сумма долга\n", out);
  for (guint i = 0; i < rows; i++)
    fprintf (out, "Клиент %u;+7 916 %03u-%02u-%02u;%u\n", i, i / 10000 % 1000, i / 100 % 100, i % 100,
             1000 + i % 90000);
  fclose (out);
}

static void
prepare (SandboxServices *s,
         GovorunAgent    *agent,
         const char      *path,
         gboolean         debt,
         gint64           start_at,
         guint            rows)
{
  GovorunCampaigns *campaigns = govorun_services_get_campaigns (s->services);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GovorunCampaign) campaign = govorun_campaign_new ();
  g_autoptr(GovorunColumnMapping) mapping = govorun_column_mapping_new ();
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *label = debt ? "debt" : "plain";
  gint64 start;
  double seconds, cpu;

  govorun_campaign_set_agent_id (campaign, govorun_agent_get_uuid (agent));
  govorun_campaign_set_time_zone (campaign, "Europe/Moscow");
  govorun_campaign_set_start_at (campaign, start_at);
  govorun_campaign_set_allowed_days (campaign, GOVORUN_CAMPAIGN_ALL_DAYS);
  govorun_campaign_set_debt_mode (campaign, debt);
  govorun_column_mapping_set_phone_column (mapping, 1);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  govorun_campaigns_prepare_async (campaigns, file, NULL, mapping, campaign, NULL, NULL, NULL, NULL,
                                   test_util_on_result, &result);
  preflight = govorun_campaigns_prepare_finish (campaigns, test_util_wait (&result), &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  cpu = cpu_seconds () - cpu;
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_preflight_get_rows (preflight), ==, rows);
  g_print ("%s: %u rows, %u contacts, %u held back\n", label, govorun_preflight_get_rows (preflight),
           govorun_preflight_get_valid (preflight), govorun_preflight_get_held_back (preflight));
  if (debt)
    g_assert_cmpuint (govorun_preflight_get_held_back (preflight), >, 0);
  g_print ("bench: debt-preflight-%s = %.2f s\n", label, seconds);
  g_print ("bench: debt-preflight-%s-cpu = %.2f s\n", label, cpu);
  g_print ("bench: debt-preflight-%s-held-back = %u contacts\n", label, govorun_preflight_get_held_back (preflight));
  g_print ("bench: debt-preflight-%s-peak-rss = %.1f MB\n", label, peak_rss_mb ());
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
  const char *env_rows = g_getenv ("GOVORUN_BENCH_ROWS");
  const char *env_calls = g_getenv ("GOVORUN_BENCH_CALLS");
  guint rows = env_rows != NULL ? (guint) g_ascii_strtoull (env_rows, NULL, 10) : 1000000;
  guint calls = env_calls != NULL ? (guint) g_ascii_strtoull (env_calls, NULL, 10) : 1000000;
  /* Noon UTC (15:00 in Moscow) two days ahead: inside the law's hours on
   * any kind of day. */
  gint64 start_at = (g_get_real_time () / G_USEC_PER_SEC / 86400 + 2) * 86400 + 12 * 3600;
  gint64 started;
  double cpu;

  sandbox_services_start (&s);
  govorun_agent_set_name (draft, "Bench");
  govorun_agent_store_save_async (govorun_services_get_agents (s.services), draft, NULL, test_util_on_result,
                                  &result);
  agent = govorun_agent_store_save_finish (govorun_services_get_agents (s.services), test_util_wait (&result),
                                           &error);
  g_assert_no_error (error);

  for (guint first = 0; first < calls; first += 100000)
    {
      Range range = { first, MIN (calls, first + 100000) - 1, start_at };

      write_sql (s.store, sql_fill, &range);
    }
  g_print ("history: %u calls\n", calls);
  /* The peak so far is the history's generation (SQLite's statement
   * journal in memory), not the preflight's. */
  g_print ("bench: debt-history-filled-peak-rss = %.1f MB\n", peak_rss_mb ());

  /* The migration's index over an existing history (an upgrade). */
  write_sql (s.store, sql_exec, (gpointer) "DROP INDEX calls_debt_interactions");
  started = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  write_sql (s.store, sql_exec, (gpointer) "CREATE INDEX calls_debt_interactions ON calls (to_number, started_at)"
                                           " WHERE direction = 2 AND status = 1");
  g_print ("bench: debt-index-build = %.2f s\n", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_print ("bench: debt-index-build-cpu = %.2f s\n", cpu_seconds () - cpu);

  csv = g_build_filename (s.dir, "debtors.csv", NULL);
  write_csv (csv, rows);
  prepare (&s, agent, csv, FALSE, start_at, rows);
  prepare (&s, agent, csv, TRUE, start_at, rows);
  sandbox_services_stop (&s);
  return 0;
}
