/* bench-call-sync.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBenchCallSync"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "call-sync-fixture.h"
#include "govorun-call-sync-private.h"

/*
 * The call sync's ingest (issue 10, "Benchmarks"), printed as
 * `bench: <name> = <value> <unit>`: a Voximplant account's generated
 * history (GOVORUN_BENCH_SYNC_CALLS, default 1,000,000 calls in 89 days)
 * synced from the emulator's GetCallHistory pages into a new store, then
 * the same rows upserted by raw SQLite (pages of 1000 in a transaction,
 * the same schema and search index) in the same run; the ratio is raw
 * time / sync time (target ≥ 0.5), and the sync's wall time for the lot
 * (target < 15 s for 1M). The emulator runs in this process, on a thread
 * of its own as a server runs on its own machine, so its JSON writing
 * still takes the same two cores from the sync.
 *
 * `meson test -C _build --benchmark bench-call-sync --verbose`
 */

static double
now_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
check (int      rc,
       sqlite3 *db)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("SQLite: %s", sqlite3_errmsg (db));
}

#define COLUMNS "vox_session_id, vox_call_id, el_conversation_id, agent_uuid, direction," \
  " from_number, to_number, started_at, duration, status, finish_reason, success, vox_cost," \
  " vox_currency, cost_total, has_recording"
#define N_COLUMNS 16

/* The search index's rows of a page, after its upserts: FTS5 flushes what
 * it holds at every savepoint of the transaction once it is part of it,
 * and every upsert opens one (govorun-call-records.c does the same). */
static void
write_fts (sqlite3      *db,
           sqlite3_stmt *fts,
           const gint64 *ids,
           char        **numbers,
           guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (fts, 1, ids[i]);
      sqlite3_bind_text (fts, 2, numbers[i], -1, g_free);
      check (sqlite3_step (fts), db);
      sqlite3_reset (fts);
    }
}

/* The synced rows into a new database with the same schema, by hand, in
 * transactions of a page (1000 rows) like the sync's. */
static double
raw_ingest (const char *synced_path,
            const char *raw_path,
            guint64    *out_rows,
            double     *out_cpu)
{
  sqlite3 *src = NULL, *db = NULL;
  sqlite3_stmt *schema = NULL, *read = NULL, *upsert = NULL, *fts = NULL;
  double start;
  guint64 rows = 0;
  gint64 ids[1000];
  char *numbers[1000];
  guint batch = 0;
  int rc;

  check (sqlite3_open_v2 (synced_path, &src, SQLITE_OPEN_READONLY, NULL), src);
  check (sqlite3_open (raw_path, &db), db);
  /* The store's own settings for its writer (govorun-store.c), so that
   * the raw side is as fast as SQLite gets for this schema. */
  check (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                           " PRAGMA cache_size = -32768; PRAGMA mmap_size = 1073741824;"
                           " PRAGMA temp_store = MEMORY;", NULL, NULL, NULL), db);
  check (sqlite3_prepare_v2 (src, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
                                  " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'calls_fts_%'"
                                  " ORDER BY type = 'index'", -1, &schema, NULL), src);
  while ((rc = sqlite3_step (schema)) == SQLITE_ROW)
    check (sqlite3_exec (db, (const char *) sqlite3_column_text (schema, 0), NULL, NULL, NULL), db);
  sqlite3_finalize (schema);

  /* With the rows' index text as the sync wrote it (numbers in every form). */
  check (sqlite3_prepare_v2 (src, "SELECT " COLUMNS ", (SELECT numbers FROM calls_fts"
                                  " WHERE calls_fts.rowid = calls.id) FROM calls ORDER BY id",
                             -1, &read, NULL), src);
  check (sqlite3_prepare_v2 (db, "INSERT INTO calls (" COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                                 " ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
                                 " ON CONFLICT (vox_session_id) DO UPDATE SET"
                                 " duration = excluded.duration, status = excluded.status,"
                                 " vox_cost = excluded.vox_cost, cost_total = excluded.cost_total"
                                 " RETURNING id", -1, &upsert, NULL), db);
  check (sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO calls_fts (rowid, numbers, transcript)"
                                 " VALUES (?1, ?2, NULL)", -1, &fts, NULL), db);

  start = now_seconds ();
  *out_cpu = cpu_seconds ();
  check (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), db);
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      for (int i = 0; i < N_COLUMNS; i++)
        check (sqlite3_bind_value (upsert, i + 1, sqlite3_column_value (read, i)), db);
      check (sqlite3_step (upsert), db);
      ids[batch] = sqlite3_column_int64 (upsert, 0);
      numbers[batch] = g_strdup ((const char *) sqlite3_column_text (read, N_COLUMNS));
      sqlite3_reset (upsert);
      rows++;
      if (++batch == G_N_ELEMENTS (ids))
        {
          write_fts (db, fts, ids, numbers, batch);
          batch = 0;
          check (sqlite3_exec (db, "COMMIT; BEGIN IMMEDIATE", NULL, NULL, NULL), db);
        }
    }
  check (rc, src);
  write_fts (db, fts, ids, numbers, batch);
  check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), db);
  *out_cpu = cpu_seconds () - *out_cpu;

  sqlite3_finalize (read);
  sqlite3_finalize (upsert);
  sqlite3_finalize (fts);
  sqlite3_close (src);
  sqlite3_close (db);
  *out_rows = rows;
  return now_seconds () - start;
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("GOVORUN_BENCH_SYNC_CALLS");
  guint n_calls = env != NULL ? (guint) atoi (env) : 1000000;
  g_autoptr(GovorunCallHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *raw_path = NULL;
  CallSyncFixture f = { 0, };
  CallSyncCounts counted;
  double wall, cpu, raw, raw_cpu, idx_wall, idx_cpu, opt_wall, opt_cpu;
  guint started = 0, done = 0;
  guint64 raw_rows;

  history = call_sync_fixture_make_history (n_calls, 89, g_get_real_time () / G_USEC_PER_SEC - 60);
  call_sync_fixture_start_served (&f, history);
  /* A machine busy with other work answers slowly; this is no test of that. */
  govorun_http_set_timeout (f.s.http, 120000);
  db_path = call_sync_fixture_db_path (&f);

  wall = now_seconds ();
  cpu = cpu_seconds ();
  if (!call_sync_fixture_run_unindexed (&f, &error))
    g_error ("sync failed: %s", error->message);
  wall = now_seconds () - wall;
  cpu = cpu_seconds () - cpu;

  /* The rest of the first sync's bulk, which the sync leaves to the
   * writer thread once it has reported done (its other indexes and the
   * search index, govorun-call-bulk.c): a search or another order works
   * meanwhile, slower. Timed apart and with the sync. */
  idx_wall = now_seconds ();
  idx_cpu = cpu_seconds ();
  call_sync_fixture_wait_indexed (&f);
  idx_wall = now_seconds () - idx_wall;
  idx_cpu = cpu_seconds () - idx_cpu;

  /* The search index's merge the sync starts after a large sync runs on
   * the writer thread: waited for here, so that its CPU time is not
   * counted against the raw upsert that follows. */
  opt_wall = now_seconds ();
  opt_cpu = cpu_seconds ();
  do
    {
      _govorun_call_sync_get_optimize_counts (govorun_services_get_call_sync (f.s.services),
                                              &started, &done);
      if (done < started)
        g_main_context_iteration (NULL, TRUE);
    }
  while (done < started);
  opt_wall = now_seconds () - opt_wall;
  opt_cpu = cpu_seconds () - opt_cpu;
  call_sync_fixture_counted (db_path, &counted);

  raw_path = g_build_filename (f.s.dir, "raw.db", NULL);
  /* For experiments with the sync alone. */
  if (g_getenv ("GOVORUN_BENCH_SYNC_NO_RAW") != NULL)
    {
      g_print ("bench: sync_wall = %.2f s\n", wall);
      g_print ("bench: sync_cpu = %.2f s\n", cpu);
      g_print ("bench: index_after_sync_wall = %.2f s\n", idx_wall);
      call_sync_fixture_stop (&f);
      return 0;
    }
  raw = raw_ingest (db_path, raw_path, &raw_rows, &raw_cpu);
  g_assert_cmpuint (raw_rows, ==, counted.rows);

  g_print ("bench: sync_calls = %" G_GUINT64_FORMAT " calls\n", counted.rows);
  /* Synced: every call listed, in date order, with its sums and the
   * Overview. Indexed: every order and the search at full speed. */
  g_print ("bench: sync_wall = %.2f s\n", wall);
  g_print ("bench: sync_cpu = %.2f s\n", cpu);
  g_print ("bench: sync_rate = %.0f calls/s\n", counted.rows / wall);
  g_print ("bench: index_after_sync_wall = %.2f s\n", idx_wall);
  g_print ("bench: index_after_sync_cpu = %.2f s\n", idx_cpu);
  g_print ("bench: sync_indexed_wall = %.2f s\n", wall + idx_wall);
  g_print ("bench: raw_upsert_wall = %.2f s\n", raw);
  g_print ("bench: raw_upsert_cpu = %.2f s\n", raw_cpu);
  /* Against the raw upsert, which keeps every index and the search index
   * row by row: the sync with its indexing. */
  g_print ("bench: ingest_ratio = %.2f x\n", raw / (wall + idx_wall));
  /* On a machine shared with other work, CPU time says more. */
  g_print ("bench: ingest_ratio_cpu = %.2f x\n", raw_cpu / (cpu + idx_cpu));
  g_print ("bench: sync_wall_per_1m = %.1f s\n", wall * 1e6 / MAX (counted.rows, 1));
  g_print ("bench: sync_indexed_wall_per_1m = %.1f s\n",
           (wall + idx_wall) * 1e6 / MAX (counted.rows, 1));
  /* With the search index's merge after it, which the app runs too. */
  g_print ("bench: search_optimize_wall = %.2f s\n", opt_wall);
  g_print ("bench: search_optimize_cpu = %.2f s\n", opt_cpu);
  g_print ("bench: ingest_ratio_cpu_with_optimize = %.2f x\n", raw_cpu / (cpu + idx_cpu + opt_cpu));

  if (g_getenv ("GOVORUN_BENCH_SYNC_KEEP") != NULL)
    {
      /* For experiments with the rows by hand. */
      g_autofree char *keep = g_strdup (g_getenv ("GOVORUN_BENCH_SYNC_KEEP"));
      g_autofree char *copy = g_strdup_printf ("cp '%s' '%s'", raw_path, keep);

      if (system (copy) != 0)
        g_warning ("Could not keep the database");
    }
  g_unlink (raw_path);
  {
    g_autofree char *wal = g_strconcat (raw_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (raw_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  call_sync_fixture_stop (&f);
  return 0;
}
