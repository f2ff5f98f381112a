/* test-call-sync.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "call-sync-fixture.h"
#include "govorun-call-labels.h"
#include "govorun-call-records.h"
#include "govorun-call-sync-private.h"
#include "govorun-call-sync-lookups.h"
#include "govorun-call-sync-state.h"
#include "govorun-sandbox.h"

/* The call sync against the sandbox's emulators: every call of both
 * providers lands once, joined by the scenarios' ids or by number and
 * time; pages, the offset cap and time zones change nothing; a sync
 * stopped by a fault, a Cancel or a kill resumes to the same rows; one
 * account failing leaves the others synced. */

#define GET_CALL_HISTORY "GetCallHistory"
#define GET_CONVERSATION "GET /v1/convai/conversations/{id}"
#define LIST_CONVERSATIONS "GET /v1/convai/conversations"

static GovorunVoximplantEmulator *
vox_emulator (CallSyncFixture *f)
{
  return govorun_sandbox_get_voximplant (f->s.sandbox);
}

static GovorunElevenlabsEmulator *
el_emulator (CallSyncFixture *f)
{
  return govorun_sandbox_get_elevenlabs (f->s.sandbox);
}

static void
assert_counts (CallSyncFixture *f)
{
  g_autofree char *db_path = call_sync_fixture_db_path (f);
  CallSyncCounts expected, counted;

  call_sync_fixture_expected (f, &expected);
  call_sync_fixture_counted (db_path, &counted);
  g_assert_cmpuint (counted.rows, ==, expected.rows);
  g_assert_cmpuint (counted.joined, ==, expected.joined);
  g_assert_cmpuint (counted.vox_only, ==, expected.vox_only);
  g_assert_cmpuint (counted.el_only, ==, expected.el_only);
}

static char *
digest_of (CallSyncFixture *f)
{
  g_autofree char *db_path = call_sync_fixture_db_path (f);

  return call_sync_fixture_digest (db_path);
}

static void
assert_integrity (CallSyncFixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  govorun_call_sync_lookups_check_integrity_async (f->s.store, NULL, test_util_on_result, &result);
  text = govorun_call_sync_lookups_check_integrity_finish (f->s.store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "ok");
}

static GovorunCallSyncState *
load_state (CallSyncFixture *f,
            GovorunAccount  *account,
            const char      *provider)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallSyncState *state;

  govorun_call_sync_state_load_async (f->s.store, govorun_account_get_uuid (account), provider,
                                      NULL, test_util_on_result, &result);
  state = govorun_call_sync_state_load_finish (f->s.store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  return state;
}

/* The rows of an uninterrupted sync of @history into a new store. */
static char *
reference_digest (GovorunCallHistory *history,
                  gboolean            with_el)
{
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  char *digest;

  call_sync_fixture_start (&f, history, with_el);
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  assert_counts (&f);
  digest = digest_of (&f);
  call_sync_fixture_stop (&f);
  return digest;
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

typedef struct
{
  guint    notifies;
  gboolean saw_progress;
  gboolean fraction_ok;
} Progress;

static void
progress_cb (GovorunCallSync *sync,
             GParamSpec      *pspec,
             Progress        *progress)
{
  double fraction = govorun_call_sync_get_fraction (sync);

  progress->notifies++;
  if (govorun_call_sync_get_running (sync) && govorun_call_sync_get_progress_text (sync) != NULL)
    progress->saw_progress = TRUE;
  if (fraction != -1.0 && (fraction < 0.0 || fraction > 1.0))
    progress->fraction_ok = FALSE;
}

/* Calls of agents Govorun did not make (the fixture makes none) are shown
 * under the Voximplant application's name; widget conversations (no
 * phone side, no numbers) are of the Website direction. */
static void
assert_names_and_web (CallSyncFixture *f)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint web = 0, named = 0;

  govorun_call_records_fetch_page_async (f->s.store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                                         NULL, 0, 100000, FALSE, NULL, test_util_on_result, &result);
  records = govorun_call_records_fetch_page_finish (f->s.store, test_util_wait (&result), NULL,
                                                    &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      GovorunCallRecord *record = g_ptr_array_index (records, i);
      g_autofree char *label = govorun_call_agent_label (record, NULL);

      if (govorun_call_record_get_direction (record) == GOVORUN_CALL_DIRECTION_WEB)
        {
          g_assert_cmpint (govorun_call_record_get_vox_session_id (record), ==, 0);
          g_assert_null (govorun_call_record_get_from_number (record));
          g_assert_nonnull (govorun_call_record_get_el_conversation_id (record));
          web++;
        }
      if (govorun_call_record_get_vox_session_id (record) != 0)
        {
          g_assert_nonnull (govorun_call_record_get_vox_application_name (record));
          g_assert_nonnull (label);
          g_assert_null (strchr (label, '.'));
          named++;
        }
    }
  g_assert_cmpuint (web, >, 0);
  g_assert_cmpuint (named, >, 0);
}

static void
test_end_to_end (void)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (1500, 3, call_sync_fixture_end ());
  CallSyncFixture f = { 0, };
  GovorunCallSync *sync;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunCallSyncState) vox_state = NULL;
  g_autoptr(GovorunCallSyncState) el_state = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  CallSyncCounts expected;
  Progress progress = { 0, FALSE, TRUE };
  guint changed = 0, details;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  call_sync_fixture_start (&f, history, TRUE);
  sync = govorun_services_get_call_sync (f.s.services);
  g_signal_connect_swapped (sync, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (sync, "notify", G_CALLBACK (progress_cb), &progress);
  g_assert_false (govorun_call_sync_get_running (sync));
  g_assert_cmpint (govorun_call_sync_get_last_synced (sync), ==, 0);

  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  g_assert_false (govorun_call_sync_get_running (sync));
  g_assert_null (govorun_call_sync_get_progress_text (sync));
  g_assert_null (govorun_call_sync_get_error_text (sync));
  g_assert_cmpfloat (govorun_call_sync_get_fraction (sync), ==, -1.0);
  g_assert_cmpint (govorun_call_sync_get_last_synced (sync), >=, before);
  g_assert_cmpuint (govorun_call_sync_get_calls_synced (sync), >, 0);
  g_assert_cmpuint (changed, >, 0);
  g_assert_true (progress.saw_progress);
  g_assert_true (progress.fraction_ok);

  call_sync_fixture_expected (&f, &expected);
  g_assert_cmpuint (expected.joined, >, 0);
  g_assert_cmpuint (expected.vox_only, >, 0);
  g_assert_cmpuint (expected.el_only, >, 0);
  assert_counts (&f);
  assert_names_and_web (&f);
  first = digest_of (&f);

  /* The watermarks reach the sync's start; no cursor is left. */
  vox_state = load_state (&f, f.vox, "voximplant");
  el_state = load_state (&f, f.el, "elevenlabs");
  g_assert_cmpint (vox_state->watermark, >=, before);
  g_assert_cmpint (el_state->watermark, >=, before);
  g_assert_null (el_state->cursor);

  /* Again: nothing changes, no conversation's details are fetched again
   * (none changed), and the overlap it re-reads makes no "changed" (the
   * views would reload for nothing). */
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (el_emulator (&f)));
  changed = 0;
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  assert_counts (&f);
  second = digest_of (&f);
  g_assert_cmpstr (first, ==, second);
  details = govorun_emulator_get_request_count (GOVORUN_EMULATOR (el_emulator (&f)), GET_CONVERSATION);
  g_assert_cmpuint (details, ==, 0);
  /* The overlap was read again — when the history has calls in it: at
   * night (the generated hours are a business's) it has none. */
  {
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;

    if (govorun_call_history_index_at (history, now) -
        govorun_call_history_index_at (history, now - GOVORUN_CALL_SYNC_OVERLAP_SECS + 60) > 0)
      g_assert_cmpuint (govorun_call_sync_get_calls_synced (sync), >, 0);
  }
  g_assert_cmpuint (changed, ==, 0);

  call_sync_fixture_stop (&f);
}

/* A sync that changed at least the threshold's rows merges the search
 * index once, off the main thread; a smaller one, or a re-sync that
 * changed nothing, does not. */
static void
test_optimize_search (void)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (300, 2, call_sync_fixture_end ());
  g_autoptr(GError) error = NULL;
  CallSyncFixture f = { 0, };
  GovorunCallSync *sync;
  guint started, done;

  /* Below the default threshold. */
  call_sync_fixture_start (&f, history, TRUE);
  sync = govorun_services_get_call_sync (f.s.services);
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  _govorun_call_sync_get_optimize_counts (sync, &started, &done);
  g_assert_cmpuint (started, ==, 0);
  call_sync_fixture_stop (&f);

  /* Above a lowered one, then a re-sync that changes nothing. */
  call_sync_fixture_start (&f, history, TRUE);
  sync = govorun_services_get_call_sync (f.s.services);
  _govorun_call_sync_set_optimize_threshold (sync, 200);
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  _govorun_call_sync_get_optimize_counts (sync, &started, &done);
  g_assert_cmpuint (started, ==, 1);
  while (done < started)
    {
      g_main_context_iteration (NULL, TRUE);
      _govorun_call_sync_get_optimize_counts (sync, &started, &done);
    }
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  _govorun_call_sync_get_optimize_counts (sync, &started, &done);
  g_assert_cmpuint (started, ==, 1);
  assert_counts (&f);
  call_sync_fixture_stop (&f);
}

/* A history whose window holds exactly @sessions phone calls. */
static GovorunCallHistory *
history_of_exactly (guint sessions)
{
  gint64 end = call_sync_fixture_end ();

  /* How many generated calls fall into the window (widget conversations
   * have no phone session; the window's edges cut days unevenly) depends on
   * when the test runs: try call counts around @sessions until the sessions
   * come out exact, rather than hoping a shifted end does it. */
  for (guint step = 0; step <= 2 * sessions; step++)
    for (guint attempt = 0; attempt < 120; attempt++)
      {
        /* sessions, sessions - 1, sessions + 1, sessions - 2, …; a
         * count can skip one (calls come in pairs at times), so the end
         * moves too, by up to two hours. */
        guint n = step % 2 == 0 ? sessions + step / 2 : sessions - MIN (sessions - 1, (step + 1) / 2);
        g_autoptr(GovorunCallHistory) history =
          call_sync_fixture_make_history (n, 2, end - 61 * (gint64) attempt);
        gint64 lo = govorun_call_history_index_at (history, govorun_call_history_get_start (history));
        gint64 hi = govorun_call_history_index_at (history, govorun_call_history_get_end (history));

        if (hi - lo == sessions)
          return g_steal_pointer (&history);
      }
  g_assert_not_reached ();
}

static void
test_page_boundary (gconstpointer data)
{
  guint sessions = GPOINTER_TO_UINT (data);
  g_autoptr(GovorunCallHistory) history = history_of_exactly (sessions);
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  CallSyncCounts counted;

  call_sync_fixture_start (&f, history, FALSE);
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  db_path = call_sync_fixture_db_path (&f);
  call_sync_fixture_counted (db_path, &counted);
  g_assert_cmpuint (counted.rows, ==, sessions);
  /* A full last page needs no empty page after it. */
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (vox_emulator (&f)),
                                                        GET_CALL_HISTORY),
                    ==, sessions <= 1000 ? 1 : 2);
  call_sync_fixture_stop (&f);
}

/* GetCallHistory reaches 11,000 sessions of a window (offset ≤ 10,000,
 * pages of 1000). A window a little over that is read to the cap, then
 * from its last page's start on: no page is asked for in vain. One far
 * over it is cut into parts first. Either way every call comes once. */
static void
test_offset_cap (gconstpointer data)
{
  guint calls = GPOINTER_TO_UINT (data);
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (calls, 2, call_sync_fixture_end ());
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  gint64 sessions;
  guint requests;

  sessions = govorun_call_history_index_at (history, govorun_call_history_get_end (history)) -
             govorun_call_history_index_at (history, govorun_call_history_get_start (history));
  g_assert_cmpint (sessions, >, 11000);
  call_sync_fixture_start (&f, history, FALSE);
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  assert_counts (&f);
  requests = govorun_emulator_get_request_count (GOVORUN_EMULATOR (vox_emulator (&f)), GET_CALL_HISTORY);
  g_test_message ("%" G_GINT64_FORMAT " sessions in %u pages", sessions, requests);
  if (sessions <= 2 * 11000)
    /* Its pages, and one for the rest's start re-read (sessions of the
     * second the cap ended in come again). */
    g_assert_cmpuint (requests, <=, (sessions + 999) / 1000 + 1);
  else
    {
      /* The whole window was tried first; its parts start at its first
       * session (the history began two days ago: the 88 days before
       * hold nothing to cut into parts and ask for). */
      g_assert_cmpuint (requests, >, (sessions + 999) / 1000);
      g_assert_cmpuint (requests, <, 2 * ((sessions + 999) / 1000));
    }
  call_sync_fixture_stop (&f);
}

/* Voximplant's dates have no offset: in a zone with summer time the hour
 * the clocks repeat is ambiguous, so the sync asks in UTC. The rows are
 * exact across both autumn changes, and a zone without summer time at an
 * odd offset gives the same rows. */
static void
test_time_zones (void)
{
  /* 89 days before today hold Europe's and America's autumn clock change
   * (and stay inside the sync's 90 days). */
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (3000, 89, call_sync_fixture_end ());
  const char *zones[] = { "Etc/GMT", "Asia/Kathmandu" };
  g_autofree char *reference = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      CallSyncFixture f = { 0, };
      g_autoptr(GError) error = NULL;
      g_autofree char *digest = NULL;

      call_sync_fixture_start (&f, history, FALSE);
      govorun_call_sync_set_timezone (govorun_services_get_call_sync (f.s.services), zones[i]);
      g_assert_true (call_sync_fixture_run (&f, &error));
      g_assert_no_error (error);
      assert_counts (&f);
      call_sync_fixture_assert_starts (&f);
      digest = digest_of (&f);
      if (reference == NULL)
        reference = g_strdup (digest);
      g_assert_cmpstr (digest, ==, reference);
      call_sync_fixture_stop (&f);
    }
}

/* What the scenarios leave for the join, taken away. */
static void
strip_custom_data (JsonObject *answer,
                   gpointer    user_data)
{
  JsonArray *sessions = json_object_get_array_member (answer, "result");

  for (guint i = 0; i < json_array_get_length (sessions); i++)
    json_object_remove_member (json_array_get_object_element (sessions, i), "custom_data");
}

static void
strip_session_id (JsonObject *answer,
                  gpointer    user_data)
{
  JsonObject *client = json_object_get_object_member (answer, "conversation_initiation_client_data");
  JsonObject *variables = json_object_get_object_member (client, "dynamic_variables");

  json_object_remove_member (variables, "voximplant_session_id");
  json_object_remove_member (variables, "voximplant_call_id");
}

static void
test_join_fallback (void)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (600, 2, call_sync_fixture_end ());
  g_autofree char *by_id = reference_digest (history, TRUE);
  g_autofree char *by_number = NULL;
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  GovorunFault vox_fault = { 0, }, el_fault = { 0, };

  call_sync_fixture_start (&f, history, TRUE);
  vox_fault.times = -1;
  vox_fault.edit_answer = strip_custom_data;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (vox_emulator (&f)), GET_CALL_HISTORY, &vox_fault);
  el_fault.times = -1;
  el_fault.edit_answer = strip_session_id;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (el_emulator (&f)), GET_CONVERSATION, &el_fault);

  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  /* Joined by number and time: the same rows as by the ids. */
  assert_counts (&f);
  by_number = digest_of (&f);
  g_assert_cmpstr (by_number, ==, by_id);
  call_sync_fixture_stop (&f);
}

static void
fail_next_pages (GovorunCallSync *sync,
                 GParamSpec      *pspec,
                 CallSyncFixture *f)
{
  GovorunFault fault = { 0, };

  if (govorun_call_sync_get_calls_synced (sync) == 0)
    return;
  fault.http_status = 503;
  fault.times = -1;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (vox_emulator (f)), GET_CALL_HISTORY, &fault);
  g_signal_handlers_disconnect_by_func (sync, fail_next_pages, f);
}

static void
test_resume_after_fault (void)
{
  /* Ten pages: the ones asked for ahead when the fault comes (six) still
   * land, the rest fail. */
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (10000, 3, call_sync_fixture_end ());
  g_autofree char *reference = reference_digest (history, TRUE);
  g_autofree char *resumed = NULL;
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  GovorunCallSync *sync;
  const char *text;
  guint full_pages, second_pages;

  call_sync_fixture_start (&f, history, TRUE);
  sync = govorun_services_get_call_sync (f.s.services);
  g_signal_connect (sync, "notify::calls-synced", G_CALLBACK (fail_next_pages), &f);

  /* The Voximplant account fails after its first page; ElevenLabs syncs. */
  g_assert_false (call_sync_fixture_run (&f, &error));
  g_assert_error (error, GOVORUN_CALL_SYNC_ERROR, GOVORUN_CALL_SYNC_ERROR_FAILED);
  text = govorun_call_sync_get_error_text (sync);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "demo-clinic"));
  g_assert_nonnull (strstr (text, "Voximplant"));
  g_assert_null (strstr (text, "demo-agents"));
  assert_integrity (&f);
  g_clear_error (&error);

  /* Resumed: from the watermark, not from the start. */
  govorun_emulator_clear_faults (GOVORUN_EMULATOR (vox_emulator (&f)));
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (vox_emulator (&f)));
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  g_assert_null (govorun_call_sync_get_error_text (sync));
  second_pages = govorun_emulator_get_request_count (GOVORUN_EMULATOR (vox_emulator (&f)), GET_CALL_HISTORY);
  full_pages = (guint) ((govorun_call_history_index_at (history, govorun_call_history_get_end (history)) -
                         govorun_call_history_index_at (history, govorun_call_history_get_start (history))) / 1000) + 1;
  g_assert_cmpuint (second_pages, <, full_pages);
  assert_counts (&f);
  resumed = digest_of (&f);
  g_assert_cmpstr (resumed, ==, reference);
  call_sync_fixture_stop (&f);
}

#define CALLS_INDEXES \
  "SELECT COUNT(*) FROM sqlite_schema WHERE tbl_name = 'calls' AND type IN ('index', 'trigger')" \
  " AND sql IS NOT NULL"

/* A first sync into an empty history goes in bulk (the calls table
 * without its indexes, triggers and search index until the end); stopped
 * half-way, it leaves a sound database that a restart completes to the
 * rows, indexes, aggregates and search index of an uninterrupted sync. */
static void
test_bulk_resume (void)
{
  /* Ten pages, as in test_resume_after_fault(). */
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (10000, 3, call_sync_fixture_end ());
  g_autofree char *reference = reference_digest (history, FALSE);
  g_autofree char *resumed = NULL;
  g_autofree char *db_path = NULL;
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  GovorunCallSync *sync;
  gint64 kept, rows;

  call_sync_fixture_start (&f, history, FALSE);
  db_path = call_sync_fixture_db_path (&f);
  sync = govorun_services_get_call_sync (f.s.services);
  g_signal_connect (sync, "notify::calls-synced", G_CALLBACK (fail_next_pages), &f);
  g_assert_false (call_sync_fixture_run (&f, &error));
  g_clear_error (&error);
  assert_integrity (&f);

  /* Under way: rows, the dropped SQL kept, no index, no search index. */
  kept = call_sync_fixture_count (db_path, "SELECT COUNT(*) FROM call_bulk_ddl"
                                           " WHERE type IN ('index', 'trigger')");
  /* And the mark that the Overview's sums are kept page by page. */
  g_assert_cmpint (call_sync_fixture_count (db_path, "SELECT COUNT(*) FROM call_bulk_ddl"
                                                     " WHERE type = 'mark'"), ==, 1);
  g_assert_cmpint (call_sync_fixture_count (db_path, "SELECT SUM(calls) FROM call_hourly"), ==,
                   call_sync_fixture_count (db_path, "SELECT COUNT(*) FROM calls"));
  g_assert_cmpint (kept, >=, 11);
  g_assert_cmpint (call_sync_fixture_count (db_path, CALLS_INDEXES), ==, 0);
  g_assert_cmpint (call_sync_fixture_count (db_path, "SELECT COUNT(*) FROM calls"), >=, 1000);
  g_assert_cmpint (call_sync_fixture_count (db_path, "SELECT COUNT(*) FROM calls_fts"), ==, 0);

  /* A restart resumes it; its end builds everything once. */
  call_sync_fixture_reopen (&f);
  govorun_emulator_clear_faults (GOVORUN_EMULATOR (vox_emulator (&f)));
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  assert_integrity (&f);
  assert_counts (&f);
  g_assert_cmpint (call_sync_fixture_count (db_path, "SELECT COUNT(*) FROM call_bulk_ddl"), ==, 0);
  g_assert_cmpint (call_sync_fixture_count (db_path, CALLS_INDEXES), ==, kept);
  rows = call_sync_fixture_count (db_path, "SELECT COUNT(*) FROM calls");
  g_assert_cmpint (call_sync_fixture_count (db_path, "SELECT SUM(calls) FROM call_hourly"), ==, rows);
  g_assert_cmpint (call_sync_fixture_count (db_path, "SELECT COUNT(*) FROM calls_fts"), ==, rows);
  resumed = digest_of (&f);
  g_assert_cmpstr (resumed, ==, reference);

  /* A later sync is an ordinary one: nothing changes, nothing is dropped. */
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  g_assert_cmpint (call_sync_fixture_count (db_path, CALLS_INDEXES), ==, kept);
  g_assert_cmpint (call_sync_fixture_count (db_path, "SELECT COUNT(*) FROM call_bulk_ddl"), ==, 0);
  g_clear_pointer (&resumed, g_free);
  resumed = digest_of (&f);
  g_assert_cmpstr (resumed, ==, reference);
  call_sync_fixture_stop (&f);
}

static void
test_account_fails (void)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (400, 2, call_sync_fixture_end ());
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  GovorunFault fault = { 0, };
  CallSyncCounts counted;
  gint64 sessions;
  const char *text;

  call_sync_fixture_start (&f, history, TRUE);
  fault.http_status = 401;
  fault.times = -1;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (el_emulator (&f)), LIST_CONVERSATIONS, &fault);

  g_assert_false (call_sync_fixture_run (&f, &error));
  g_assert_error (error, GOVORUN_CALL_SYNC_ERROR, GOVORUN_CALL_SYNC_ERROR_FAILED);
  text = govorun_call_sync_get_error_text (govorun_services_get_call_sync (f.s.services));
  g_assert_nonnull (strstr (text, "demo-agents"));
  g_assert_nonnull (strstr (text, "ElevenLabs"));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "invalid_api_key"));
  g_assert_null (strstr (text, "demo-clinic"));

  /* Voximplant's side is all there. */
  db_path = call_sync_fixture_db_path (&f);
  call_sync_fixture_counted (db_path, &counted);
  sessions = govorun_call_history_index_at (history, govorun_call_history_get_end (history)) -
             govorun_call_history_index_at (history, govorun_call_history_get_start (history));
  g_assert_cmpuint (counted.rows, ==, sessions);
  g_assert_cmpuint (counted.el_only, ==, 0);
  call_sync_fixture_stop (&f);
}

static void
test_provider_code (void)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (100, 1, call_sync_fixture_end ());
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  GovorunFault fault = { 0, };
  const char *text;

  call_sync_fixture_start (&f, history, FALSE);
  fault.provider_code = 137;
  fault.times = -1;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (vox_emulator (&f)), GET_CALL_HISTORY, &fault);
  g_assert_false (call_sync_fixture_run (&f, &error));
  g_assert_error (error, GOVORUN_CALL_SYNC_ERROR, GOVORUN_CALL_SYNC_ERROR_FAILED);
  text = govorun_call_sync_get_error_text (govorun_services_get_call_sync (f.s.services));
  g_assert_nonnull (strstr (text, "demo-clinic"));
  g_assert_nonnull (strstr (text, "137"));
  call_sync_fixture_stop (&f);
}

static void
cancel_on_rows (GovorunCallSync *sync)
{
  if (govorun_call_sync_get_calls_synced (sync) > 0)
    govorun_call_sync_cancel (sync);
}

static void
test_cancel (void)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (2500, 3, call_sync_fixture_end ());
  g_autofree char *reference = reference_digest (history, TRUE);
  g_autofree char *after = NULL;
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  GovorunCallSync *sync;
  gulong handler;

  call_sync_fixture_start (&f, history, TRUE);
  sync = govorun_services_get_call_sync (f.s.services);
  handler = g_signal_connect (sync, "notify::calls-synced", G_CALLBACK (cancel_on_rows), NULL);
  g_assert_false (call_sync_fixture_run (&f, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (govorun_call_sync_get_running (sync));
  g_assert_null (govorun_call_sync_get_progress_text (sync));
  /* Cancelled is not an error to show. */
  g_assert_null (govorun_call_sync_get_error_text (sync));
  assert_integrity (&f);
  g_clear_error (&error);
  g_signal_handler_disconnect (sync, handler);

  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  after = digest_of (&f);
  g_assert_cmpstr (after, ==, reference);
  call_sync_fixture_stop (&f);
}

static void
test_busy (void)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (300, 1, call_sync_fixture_end ());
  CallSyncFixture f = { 0, };
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallSync *sync;

  call_sync_fixture_start (&f, history, TRUE);
  sync = govorun_services_get_call_sync (f.s.services);
  govorun_call_sync_run_async (sync, NULL, test_util_on_result, &first);
  g_assert_true (govorun_call_sync_get_running (sync));
  govorun_call_sync_run_async (sync, NULL, test_util_on_result, &second);
  g_assert_false (govorun_call_sync_run_finish (sync, test_util_wait (&second), &error));
  g_assert_error (error, GOVORUN_CALL_SYNC_ERROR, GOVORUN_CALL_SYNC_ERROR_BUSY);
  g_clear_error (&error);
  /* "Sync Now" while running does nothing. */
  govorun_call_sync_start (sync);
  g_assert_true (govorun_call_sync_run_finish (sync, test_util_wait (&first), &error));
  g_assert_no_error (error);
  assert_counts (&f);
  call_sync_fixture_stop (&f);
}

static gboolean
is_idle (GovorunCallSync *sync)
{
  return !govorun_call_sync_get_running (sync);
}

static void
wait_idle (GovorunCallSync *sync)
{
  while (!is_idle (sync))
    g_main_context_iteration (NULL, TRUE);
}

/* With the settings: a sync at once when the services are ready, and soon
 * after an account is added; none with the interval at 0. */
static void
test_automatic (void)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (400, 1, call_sync_fixture_end ());
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GovorunCallSync) sync = NULL;
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunAccount) el = NULL;
  CallSyncFixture f = { 0, };
  g_autofree char *db_path = NULL;
  CallSyncCounts counted;
  gint64 first_synced;

  call_sync_fixture_start (&f, history, FALSE);
  db_path = call_sync_fixture_db_path (&f);
  sync = govorun_call_sync_new (f.s.store, f.s.factory, f.s.accounts,
                                govorun_services_get_agents (f.s.services), settings);
  govorun_call_sync_start_automatic (sync);
  g_assert_true (govorun_call_sync_get_running (sync));
  wait_idle (sync);
  call_sync_fixture_counted (db_path, &counted);
  g_assert_cmpuint (counted.rows, >, 0);
  g_assert_cmpuint (counted.el_only, ==, 0);
  first_synced = govorun_call_sync_get_last_synced (sync);

  /* A new account: its calls come without anyone asking. */
  govorun_account_set_display_name (draft, "demo-agents");
  govorun_account_set_el_region (draft, "global");
  el = sandbox_services_add_account (&f.s, draft, GOVORUN_SANDBOX_EL_API_KEY);
  while (govorun_call_sync_get_last_synced (sync) == first_synced || !is_idle (sync))
    g_main_context_iteration (NULL, TRUE);
  call_sync_fixture_counted (db_path, &counted);
  g_assert_cmpuint (counted.el_only, >, 0);

  g_settings_reset (settings, "sync-interval");
  g_clear_object (&sync);
  call_sync_fixture_stop (&f);
}

/* A sync killed (SIGKILL) at random moments in a child process, again and
 * again over the same database, then finished by a restart: the database
 * is sound and holds what an uninterrupted sync writes. */
static void
test_crash (void)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (3000, 3, call_sync_fixture_end ());
  g_autofree char *reference = reference_digest (history, TRUE);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "call-sync-crash-helper", NULL);
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-crash-XXXXXX");
  g_autofree char *end = g_strdup_printf ("%" G_GINT64_FORMAT, call_sync_fixture_end ());
  g_autofree char *after = NULL;
  CallSyncFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  guint killed = 0;

  /* The accounts exist before the first kill: adding them is not what is
   * tested here. */
  call_sync_fixture_start_in (&f, history, TRUE, dir);
  call_sync_fixture_release (&f);

  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      guint delay = (guint) g_test_rand_int_range (150, 2500);

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, helper, dir, "3000", "3",
                                end, NULL);
      g_assert_no_error (error);
      g_usleep (delay * 1000);
      /* Nothing when the child is done already. */
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      /* A child that ended first (done, or a request that timed out on a
       * busy machine) leaves a state to resume from all the same. */
      if (g_subprocess_get_if_signaled (child))
        killed++;
      else
        g_test_message ("round %u: the child exited with %d", round,
                        g_subprocess_get_exit_status (child));
    }
  {
    g_autofree char *db_path = g_build_filename (dir, "govorun.db", NULL);
    CallSyncCounts counted;

    call_sync_fixture_counted (db_path, &counted);
    g_test_message ("killed %u of 6 runs; %" G_GUINT64_FORMAT " calls written by then",
                    killed, counted.rows);
  }

  call_sync_fixture_start_in (&f, history, TRUE, dir);
  assert_integrity (&f);
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  assert_integrity (&f);
  assert_counts (&f);
  after = digest_of (&f);
  g_assert_cmpstr (after, ==, reference);
  call_sync_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/call-sync/end-to-end", test_end_to_end);
  g_test_add_data_func ("/call-sync/page/999", GUINT_TO_POINTER (999), test_page_boundary);
  g_test_add_data_func ("/call-sync/page/1000", GUINT_TO_POINTER (1000), test_page_boundary);
  g_test_add_data_func ("/call-sync/page/1001", GUINT_TO_POINTER (1001), test_page_boundary);
  g_test_add_data_func ("/call-sync/offset-cap/rest", GUINT_TO_POINTER (14000), test_offset_cap);
  g_test_add_data_func ("/call-sync/offset-cap/parts", GUINT_TO_POINTER (30000), test_offset_cap);
  g_test_add_func ("/call-sync/optimize-search", test_optimize_search);
  g_test_add_func ("/call-sync/time-zones", test_time_zones);
  g_test_add_func ("/call-sync/join-fallback", test_join_fallback);
  g_test_add_func ("/call-sync/resume-after-fault", test_resume_after_fault);
  g_test_add_func ("/call-sync/bulk-resume", test_bulk_resume);
  g_test_add_func ("/call-sync/account-fails", test_account_fails);
  g_test_add_func ("/call-sync/provider-code", test_provider_code);
  g_test_add_func ("/call-sync/cancel", test_cancel);
  g_test_add_func ("/call-sync/busy", test_busy);
  g_test_add_func ("/call-sync/automatic", test_automatic);
  g_test_add_func ("/call-sync/crash", test_crash);

  return g_test_run ();
}
