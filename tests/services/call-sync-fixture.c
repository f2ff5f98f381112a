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
#include "govorun-call-sync-private.h"
#include "govorun-sandbox.h"
#include "govorun-util.h"

GovorunCallHistory *
call_sync_fixture_make_history (guint  n_calls,
                                guint  days,
                                gint64 end)
{
  GovorunCallHistory *history = govorun_call_history_new (CALL_SYNC_TEST_SEED, n_calls, days, end);

  govorun_call_history_add_agent (history, "agent_sync_a", GOVORUN_SANDBOX_DEMO_NUMBER,
                                  GOVORUN_HISTORY_DOMAIN_CLINIC, FALSE);
  govorun_call_history_add_agent (history, "agent_sync_b", "74993334466",
                                  GOVORUN_HISTORY_DOMAIN_HOTEL, TRUE);
  return history;
}

gint64
call_sync_fixture_end (void)
{
  static gint64 end;

  if (end == 0)
    end = g_get_real_time () / G_USEC_PER_SEC - 60;
  return end;
}

static void
set_history (CallSyncFixture    *f,
             GovorunCallHistory *history)
{
  g_set_object (&f->history, history);
  govorun_voximplant_emulator_set_call_history (govorun_sandbox_get_voximplant (f->s.sandbox),
                                                GOVORUN_SANDBOX_VOX_ACCOUNT_ID, history);
  govorun_elevenlabs_emulator_set_call_history (govorun_sandbox_get_elevenlabs (f->s.sandbox),
                                                history);
}

static void
add_accounts (CallSyncFixture *f,
              gboolean         with_el)
{
  g_autoptr(GovorunAccount) vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autofree char *account_id = g_strdup_printf ("%d", GOVORUN_SANDBOX_VOX_ACCOUNT_ID);

  govorun_account_set_display_name (vox, "demo-clinic");
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, account_id);
  f->vox = sandbox_services_add_account (&f->s, vox, GOVORUN_SANDBOX_VOX_API_KEY);
  if (!with_el)
    return;

  govorun_account_set_display_name (el, "demo-agents");
  govorun_account_set_el_region (el, "global");
  f->el = sandbox_services_add_account (&f->s, el, GOVORUN_SANDBOX_EL_API_KEY);
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

static void
open_services (CallSyncFixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->s.services = govorun_services_new (GOVORUN_PROFILE_SANDBOX, f->s.dir, NULL,
                                        govorun_sandbox_get_voximplant_url (f->s.sandbox),
                                        govorun_sandbox_get_elevenlabs_url (f->s.sandbox));
  f->s.http = govorun_services_get_http (f->s.services);
  f->s.endpoints = govorun_services_get_endpoints (f->s.services);
  f->s.store = govorun_services_get_store (f->s.services);
  f->s.secrets = govorun_services_get_secrets (f->s.services);
  f->s.accounts = govorun_services_get_accounts (f->s.services);
  f->s.factory = govorun_services_get_factory (f->s.services);
  govorun_http_set_retry (f->s.http, 2, 5);
  govorun_http_set_timeout (f->s.http, 10000);
  govorun_services_load_async (f->s.services, NULL, test_util_on_result, &result);
  g_assert_true (govorun_services_load_finish (f->s.services, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

void
call_sync_fixture_start_in (CallSyncFixture    *f,
                            GovorunCallHistory *history,
                            gboolean            with_el,
                            const char         *dir)
{
  g_autoptr(GError) error = NULL;

  f->s.sandbox = govorun_sandbox_new ();
  g_assert_true (govorun_sandbox_start (f->s.sandbox, &error));
  g_assert_no_error (error);
  f->s.dir = dir != NULL ? g_strdup (dir) : g_dir_make_tmp ("govorun-sync-XXXXXX", &error);
  g_assert_no_error (error);
  open_services (f);
  set_history (f, history);
  if (g_list_model_get_n_items (G_LIST_MODEL (f->s.accounts)) == 0)
    add_accounts (f, with_el);
  else
    find_accounts (f);
}

/* --- the emulators on a thread of their own --------------------------------- */

typedef struct
{
  GMutex              lock;
  GCond               cond;
  gboolean            ready;
  GMainContext       *context;
  GMainLoop          *loop;
  GovorunSandbox     *sandbox;
  GovorunCallHistory *history;
  GThread            *thread;
} ServerThread;

static ServerThread *server_thread;

static gpointer
serve (gpointer data)
{
  ServerThread *t = data;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (t->context);
  t->sandbox = govorun_sandbox_new ();
  g_assert_true (govorun_sandbox_start (t->sandbox, &error));
  g_assert_no_error (error);
  govorun_voximplant_emulator_set_call_history (govorun_sandbox_get_voximplant (t->sandbox),
                                                GOVORUN_SANDBOX_VOX_ACCOUNT_ID, t->history);
  govorun_elevenlabs_emulator_set_call_history (govorun_sandbox_get_elevenlabs (t->sandbox),
                                                t->history);
  g_mutex_lock (&t->lock);
  t->ready = TRUE;
  g_cond_signal (&t->cond);
  g_mutex_unlock (&t->lock);

  g_main_loop_run (t->loop);
  g_clear_object (&t->sandbox);
  g_main_context_pop_thread_default (t->context);
  return NULL;
}

void
call_sync_fixture_start_served (CallSyncFixture    *f,
                                GovorunCallHistory *history)
{
  ServerThread *t = g_new0 (ServerThread, 1);
  g_autoptr(GError) error = NULL;

  g_assert_null (server_thread);
  g_mutex_init (&t->lock);
  g_cond_init (&t->cond);
  t->context = g_main_context_new ();
  t->loop = g_main_loop_new (t->context, FALSE);
  t->history = g_object_ref (history);
  t->thread = g_thread_new ("emulators", serve, t);
  g_mutex_lock (&t->lock);
  while (!t->ready)
    g_cond_wait (&t->cond, &t->lock);
  g_mutex_unlock (&t->lock);
  server_thread = t;

  /* The fixture's own reference: its URLs are read from this thread,
   * nothing else of it is touched here. */
  f->s.sandbox = g_object_ref (t->sandbox);
  f->history = g_object_ref (history);
  f->s.dir = g_dir_make_tmp ("govorun-sync-XXXXXX", &error);
  g_assert_no_error (error);
  open_services (f);
  add_accounts (f, FALSE);
}

void
call_sync_fixture_start (CallSyncFixture    *f,
                         GovorunCallHistory *history,
                         gboolean            with_el)
{
  call_sync_fixture_start_in (f, history, with_el, NULL);
}

void
call_sync_fixture_reopen (CallSyncFixture *f)
{
  govorun_services_close (f->s.services);
  g_clear_object (&f->s.services);
  open_services (f);
  find_accounts (f);
}

void
call_sync_fixture_release (CallSyncFixture *f)
{
  g_clear_object (&f->vox);
  g_clear_object (&f->el);
  g_clear_object (&f->history);
  govorun_services_close (f->s.services);
  g_clear_object (&f->s.services);
  g_clear_object (&f->s.sandbox);
  g_clear_pointer (&f->s.dir, g_free);
  memset (&f->s, 0, sizeof f->s);
}

void
call_sync_fixture_stop (CallSyncFixture *f)
{
  g_clear_object (&f->vox);
  g_clear_object (&f->el);
  g_clear_object (&f->history);
  sandbox_services_stop (&f->s);
  if (server_thread != NULL)
    {
      /* The sandbox's last reference goes on its own thread. */
      g_main_loop_quit (server_thread->loop);
      g_thread_join (server_thread->thread);
      g_main_loop_unref (server_thread->loop);
      g_main_context_unref (server_thread->context);
      g_object_unref (server_thread->history);
      g_mutex_clear (&server_thread->lock);
      g_cond_clear (&server_thread->cond);
      g_clear_pointer (&server_thread, g_free);
    }
}

gboolean
call_sync_fixture_run_unindexed (CallSyncFixture  *f,
                                 GError          **error)
{
  GovorunCallSync *sync = govorun_services_get_call_sync (f->s.services);
  g_autoptr(GAsyncResult) result = NULL;

  govorun_call_sync_run_async (sync, NULL, test_util_on_result, &result);
  return govorun_call_sync_run_finish (sync, test_util_wait (&result), error);
}

void
call_sync_fixture_wait_indexed (CallSyncFixture *f)
{
  GovorunCallSync *sync = govorun_services_get_call_sync (f->s.services);
  guint started, done;

  for (;;)
    {
      _govorun_call_sync_get_index_counts (sync, &started, &done);
      if (done >= started)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
}

gboolean
call_sync_fixture_run (CallSyncFixture  *f,
                       GError          **error)
{
  gboolean ok = call_sync_fixture_run_unindexed (f, error);

  call_sync_fixture_wait_indexed (f);
  return ok;
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
      if (f->el != NULL && govorun_call_history_get_call (f->history, i, 1, &call))
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

gint64
call_sync_fixture_count (const char *db_path,
                         const char *sql)
{
  sqlite3 *db = open_db (db_path);
  gint64 n = count (db, sql);

  sqlite3_close (db);
  return n;
}

char *
call_sync_fixture_digest (const char *db_path)
{
  sqlite3 *db = open_db (db_path);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *fts = NULL;
  g_autoptr(GString) dump = g_getenv ("CALL_SYNC_DUMP") != NULL ? g_string_new (NULL) : NULL;
  static guint n_dumps;
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
          if (dump != NULL)
            g_string_append_printf (dump, "%s|", text != NULL ? (const char *) text : "NULL");
        }
      if (dump != NULL)
        g_string_append_c (dump, '\n');
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* Search finds every call: one index row per call. */
  fts = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                         count (db, "SELECT COUNT(*) FROM calls_fts"),
                         count (db, "SELECT COUNT(*) FROM calls"));
  g_checksum_update (checksum, (const guchar *) fts, -1);
  if (dump != NULL)
    g_string_append (dump, fts);
  sqlite3_close (db);
  /* For a person finding out why two digests differ. */
  if (dump != NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s.%u", g_getenv ("CALL_SYNC_DUMP"), n_dumps++);

      g_file_set_contents (path, dump->str, -1, NULL);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

char *
call_sync_fixture_db_path (CallSyncFixture *f)
{
  return g_build_filename (f->s.dir, "govorun.db", NULL);
}

void
call_sync_fixture_assert_starts (CallSyncFixture *f)
{
  g_autofree char *db_path = call_sync_fixture_db_path (f);
  gint64 lo = govorun_call_history_index_at (f->history, govorun_call_history_get_start (f->history));
  gint64 hi = govorun_call_history_index_at (f->history, govorun_call_history_get_end (f->history));
  sqlite3 *db = open_db (db_path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT started_at FROM calls WHERE vox_session_id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (gint64 i = lo; i < hi; i++)
    {
      GovorunHistoryCall call;

      g_assert_true (govorun_call_history_get_call (f->history, i, 0, &call));
      sqlite3_bind_int64 (stmt, 1, call.session_id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, call.start);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}
