/* test-call-sync.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "call-sync-fixture.h"

/* The call sync against the sandbox's emulators: every call of both
 * providers lands once, joined; a second sync changes nothing. */

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
  g_assert_cmpuint (expected.joined, >, 0);
  g_assert_cmpuint (expected.vox_only, >, 0);
  g_assert_cmpuint (expected.el_only, >, 0);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_end_to_end (void)
{
  CallSyncFixture f = { 0, };
  GovorunCallSync *sync;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint changed = 0;

  call_sync_fixture_start (&f, 1500, 3);
  sync = govorun_services_get_call_sync (f.s.services);
  g_signal_connect_swapped (sync, "changed", G_CALLBACK (count_cb), &changed);
  db_path = call_sync_fixture_db_path (&f);

  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  g_assert_false (govorun_call_sync_get_running (sync));
  g_assert_null (govorun_call_sync_get_error_text (sync));
  g_assert_cmpint (govorun_call_sync_get_last_synced (sync), >, 0);
  g_assert_cmpuint (govorun_call_sync_get_calls_synced (sync), >, 0);
  assert_counts (&f);
  first = call_sync_fixture_digest (db_path);

  /* Again: nothing changes. */
  g_assert_true (call_sync_fixture_run (&f, &error));
  g_assert_no_error (error);
  assert_counts (&f);
  second = call_sync_fixture_digest (db_path);
  g_assert_cmpstr (first, ==, second);

  g_assert_cmpuint (changed, >, 0);
  call_sync_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/call-sync/end-to-end", test_end_to_end);

  return g_test_run ();
}
