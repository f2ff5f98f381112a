/* call-sync-crash-helper.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The child of test-call-sync's crash test: syncs the test history over the
 * database in DIR until it is killed (or done).
 *
 * Usage: call-sync-crash-helper DIR N_CALLS DAYS END
 */
#define G_LOG_DOMAIN "GovorunCrashHelper"

#include "config.h"

#include <stdlib.h>

#include "call-sync-fixture.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GovorunCallHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  CallSyncFixture f = { 0, };

  if (argc != 5)
    {
      g_printerr ("usage: %s DIR N_CALLS DAYS END\n", argv[0]);
      return 2;
    }

  history = call_sync_fixture_make_history ((guint) atoi (argv[2]), (guint) atoi (argv[3]),
                                            g_ascii_strtoll (argv[4], NULL, 10));
  call_sync_fixture_start_in (&f, history, TRUE, argv[1]);
  if (!call_sync_fixture_run (&f, &error))
    {
      g_printerr ("sync failed: %s\n", error->message);
      return 1;
    }
  /* Leaves the database for the parent. */
  govorun_services_close (f.s.services);
  return 0;
}
