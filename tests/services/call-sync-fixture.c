/* call-sync-fixture.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "call-sync-fixture.h"
#include "govorun-sandbox.h"
#include "govorun-util.h"

static void
set_history (CallSyncFixture *f,
             guint            n_calls,
             guint            days)
{
  GovorunElevenlabsEmulator *el = govorun_sandbox_get_elevenlabs (f->s.sandbox);

  g_clear_object (&f->history);
  f->history = govorun_call_history_new (CALL_SYNC_TEST_SEED, n_calls, days,
                                         g_get_real_time () / G_USEC_PER_SEC - 60);
  govorun_call_history_add_agent (f->history, "agent_sync_a", GOVORUN_SANDBOX_DEMO_NUMBER,
                                  GOVORUN_HISTORY_DOMAIN_CLINIC, FALSE);
  govorun_call_history_add_agent (f->history, "agent_sync_b", "74993334466",
                                  GOVORUN_HISTORY_DOMAIN_HOTEL, TRUE);
  govorun_voximplant_emulator_set_call_history (govorun_sandbox_get_voximplant (f->s.sandbox),
                                                GOVORUN_SANDBOX_VOX_ACCOUNT_ID, f->history);
  govorun_elevenlabs_emulator_set_call_history (el, f->history);
}

static void
add_accounts (CallSyncFixture *f)
{
  g_autoptr(GovorunAccount) vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autofree char *account_id = g_strdup_printf ("%d", GOVORUN_SANDBOX_VOX_ACCOUNT_ID);

  govorun_account_set_display_name (vox, "demo-clinic");
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, account_id);
  f->vox = sandbox_services_add_account (&f->s, vox, GOVORUN_SANDBOX_VOX_API_KEY);

  govorun_account_set_display_name (el, "demo-agents");
  govorun_account_set_el_region (el, "global");
  f->el = sandbox_services_add_account (&f->s, el, GOVORUN_SANDBOX_EL_API_KEY);
}

void
call_sync_fixture_start (CallSyncFixture *f,
                         guint            n_calls,
                         guint            days)
{
  sandbox_services_start (&f->s);
  set_history (f, n_calls, days);
  add_accounts (f);
}

static void
find_accounts (CallSyncFixture *f)
{
  GListModel *accounts = G_LIST_MODEL (f->s.accounts);

  g_clear_object (&f->vox);
  g_clear_object (&f->el);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      GovorunAccount *account = g_list_model_get_item (accounts, i);

      if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
        f->vox = account;
      else
        f->el = account;
    }
}

void
call_sync_fixture_reopen (CallSyncFixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_services_close (f->s.services);
  g_clear_object (&f->s.services);
  f->s.services = govorun_services_new (GOVORUN_PROFILE_SANDBOX, f->s.dir, NULL,
                                        govorun_sandbox_get_voximplant_url (f->s.sandbox),
                                        govorun_sandbox_get_elevenlabs_url (f->s.sandbox));
  f->s.http = govorun_services_get_http (f->s.services);
  f->s.store = govorun_services_get_store (f->s.services);
  f->s.accounts = govorun_services_get_accounts (f->s.services);
  f->s.factory = govorun_services_get_factory (f->s.services);
  govorun_http_set_retry (f->s.http, 2, 5);
  govorun_http_set_timeout (f->s.http, 5000);
  govorun_services_load_async (f->s.services, NULL, test_util_on_result, &result);
  g_assert_true (govorun_services_load_finish (f->s.services, test_util_wait (&result), &error));
  g_assert_no_error (error);
  find_accounts (f);
}

void
call_sync_fixture_stop (CallSyncFixture *f)
{
  g_clear_object (&f->vox);
  g_clear_object (&f->el);
  g_clear_object (&f->history);
  sandbox_services_stop (&f->s);
}

gboolean
call_sync_fixture_run (CallSyncFixture  *f,
                       GError          **error)
{
  GovorunCallSync *sync = govorun_services_get_call_sync (f->s.services);
  g_autoptr(GAsyncResult) result = NULL;

  govorun_call_sync_run_async (sync, NULL, test_util_on_result, &result);
  return govorun_call_sync_run_finish (sync, test_util_wait (&result), error);
}

void
call_sync_fixture_expected (CallSyncFixture *f,
                            CallSyncCounts  *counts)
{
  gint64 lo = govorun_call_history_index_at (f->history, govorun_call_history_get_start (f->history));
  gint64 hi = govorun_call_history_index_at (f->history, govorun_call_history_get_end (f->history));

  memset (counts, 0, sizeof *counts);
  for (gint64 i = lo; i < hi; i++)
    {
      GovorunHistoryCall call;

      if (govorun_call_history_get_call (f->history, i, 0, &call))
        {
          counts->rows++;
          if (call.conversation_id[0] != '\0')
            counts->joined++;
          else
            counts->vox_only++;
        }
      if (govorun_call_history_get_call (f->history, i, 1, &call))
        {
          counts->rows++;
          counts->el_only++;
        }
    }
}

static sqlite3 *
open_db (const char *db_path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

void
call_sync_fixture_counted (const char     *db_path,
                           CallSyncCounts *counts)
{
  sqlite3 *db = open_db (db_path);

  counts->rows = count (db, "SELECT COUNT(*) FROM calls");
  counts->joined = count (db, "SELECT COUNT(*) FROM calls WHERE vox_session_id IS NOT NULL"
                              " AND el_conversation_id IS NOT NULL");
  counts->vox_only = count (db, "SELECT COUNT(*) FROM calls WHERE el_conversation_id IS NULL");
  counts->el_only = count (db, "SELECT COUNT(*) FROM calls WHERE vox_session_id IS NULL");
  sqlite3_close (db);
}

char *
call_sync_fixture_digest (const char *db_path)
{
  sqlite3 *db = open_db (db_path);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *fts = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT vox_session_id, vox_call_id, el_conversation_id,"
                                       " agent_uuid, direction, from_number, to_number, started_at,"
                                       " duration, status, finish_reason, success, vox_cost,"
                                       " vox_currency, el_cost, el_currency, cost_total,"
                                       " has_recording, summary,"
                                       " (SELECT group_concat (role || ':' || offset_ms || ':' || text, '|')"
                                       "  FROM (SELECT * FROM call_turns WHERE call_id = calls.id ORDER BY seq))"
                                       " FROM calls ORDER BY started_at, vox_session_id, el_conversation_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, i);

          g_checksum_update (checksum, text != NULL ? text : (const guchar *) "\x01NULL", -1);
          g_checksum_update (checksum, (const guchar *) "\x1f", 1);
        }
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* Search finds every call: one index row per call. */
  fts = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                         count (db, "SELECT COUNT(*) FROM calls_fts"),
                         count (db, "SELECT COUNT(*) FROM calls"));
  g_checksum_update (checksum, (const guchar *) fts, -1);
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

char *
call_sync_fixture_db_path (CallSyncFixture *f)
{
  return g_build_filename (f->s.dir, "govorun.db", NULL);
}
