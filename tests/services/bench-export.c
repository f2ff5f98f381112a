/* bench-export.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBenchExport"

#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "govorun-call-export.h"
#include "govorun-store-private.h"
#include "store-test-util.h"

/*
 * The export's figures (issue 10: "≥ 200k rows/s to CSV; XLSX figure
 * reported"), printed as `bench: <name> = <value> <unit>`: every call of a
 * store of a million (GOVORUN_BENCH_EXPORT_CALLS), in the list's default
 * order, through GovorunCallExport to CSV, to CSV for Excel in Russian and
 * to XLSX; rows per wall-clock second and per CPU second of the process
 * (the machine is shared: wall time says little alone).
 * `meson test --benchmark -C _build bench-export --verbose`
 */

/* Calls [first, last] made by SQL in one statement, as the store bench
 * makes its history: a million rows through any per-row path would take
 * longer than the export itself. Transcripts are left out (the export
 * without them is the common case and the measured one). */
static const char fill_sql[] =
  "WITH RECURSIVE seq(k) AS (SELECT ?1 UNION ALL SELECT k + 1 FROM seq WHERE k < ?2)"
  " INSERT INTO calls (vox_session_id, vox_call_id, el_conversation_id, agent_uuid, direction,"
  " from_number, to_number, started_at, duration, status, finish_reason, success, vox_cost,"
  " vox_currency, el_cost, el_currency, cost_total, has_recording)"
  " SELECT 3000000 + k, 7000000 + k, 'conv_bench_' || k, 'agent-' || (k % 4), 1 + k % 2,"
  " printf ('7926%07d', k), '74957654321', ?3 + k * 7, 20 + k % 500, 1 + k % 4,"
  " 'Normal call clearing', k % 3, 0.25 * (k % 13), 'RUB', 40 + k % 60, 'credits',"
  " 0.25 * (k % 13) + 40 + k % 60, k % 2 FROM seq";

typedef struct
{
  gint64 first;
  gint64 last;
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
  sqlite3_bind_int64 (stmt, 3, G_GINT64_CONSTANT (1764547200));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

static void
fill (GovorunStore *store,
      guint         n)
{
  for (guint first = 0; first < n; first += 100000)
    {
      Range range = { first, MIN (n, first + 100000) - 1 };
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      govorun_store_write_async (store, sql_fill, g_memdup2 (&range, sizeof range), g_free, NULL,
                                 test_util_on_result, &result);
      govorun_store_write_finish (store, test_util_wait (&result), &error);
      g_assert_no_error (error);
    }
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
measure (GovorunCallExport       *export,
         GovorunCallExportFormat  format,
         const char              *name,
         const char              *dir)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autofree char *path = g_strdup_printf ("%s/%s.%s", dir, name,
                                           govorun_call_export_format_extension (format));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st = { 0 };
  guint64 rows = 0;
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_seconds ();
  double wall;

  govorun_call_export_run_async (export, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE, format, FALSE,
                                 file, NULL, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_export_run_finish (export, test_util_wait (&result), &rows, &error));
  g_assert_no_error (error);
  wall = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;
  g_stat (path, &st);

  g_print ("bench: export %s rows = %" G_GUINT64_FORMAT " rows\n", name, rows);
  g_print ("bench: export %s = %.0f rows/s\n", name, rows / wall);
  g_print ("bench: export %s per CPU second = %.0f rows/s\n", name, rows / MAX (cpu, 1e-6));
  g_print ("bench: export %s size = %.1f MB\n", name, st.st_size / 1e6);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    GovorunCallExportFormat  format;
    const char              *name;
  } formats[] = {
    { GOVORUN_CALL_EXPORT_FORMAT_CSV, "csv" },
    { GOVORUN_CALL_EXPORT_FORMAT_CSV_EXCEL, "csv-excel" },
    { GOVORUN_CALL_EXPORT_FORMAT_XLSX, "xlsx" },
  };
  const char *env = g_getenv ("GOVORUN_BENCH_EXPORT_CALLS");
  /* One format only, for profiling: csv, csv-excel or xlsx. */
  const char *only = g_getenv ("GOVORUN_BENCH_EXPORT_FORMAT");
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-bench-export-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "govorun.db", NULL);
  g_autoptr(GovorunStore) store = store_test_open (db);
  g_autoptr(GovorunCallExport) export = NULL;
  gint64 start = g_get_monotonic_time ();

  fill (store, n);
  g_print ("bench: export store filled = %.1f s\n", (g_get_monotonic_time () - start) / 1e6);

  export = govorun_call_export_new (store, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (only == NULL || g_str_equal (only, formats[i].name))
      measure (export, formats[i].format, formats[i].name, dir);

  g_clear_object (&export);
  govorun_store_close (store);
  test_util_rm_rf (dir);
  return 0;
}
