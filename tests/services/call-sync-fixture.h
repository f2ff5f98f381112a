/* call-sync-fixture.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call sync's tests and its crash helper: the sandbox's services with
 * a generated history of a chosen size on both emulators, the demo
 * accounts, and a digest of the calls tables to compare two stores.
 */
#pragma once

#include "govorun-call-history.h"
#include "sandbox-services.h"

G_BEGIN_DECLS

#define CALL_SYNC_TEST_SEED 4242

typedef struct
{
  SandboxServices     s;
  GovorunCallHistory *history;
  GovorunAccount     *vox;
  GovorunAccount     *el;
} CallSyncFixture;

/* The generated history of the tests: about @n_calls calls in the @days
 * days before @end, two agents. */
GovorunCallHistory *call_sync_fixture_make_history (guint n_calls,
                                                    guint days,
                                                    gint64 end);
/* A moment shortly before now that every test of a run shares, so two
 * fixtures serve the same calls. */
gint64   call_sync_fixture_end      (void);

/* Starts the sandbox's services over a new temporary database, gives both
 * emulators @history and adds the demo Voximplant account and, with
 * @with_el, the ElevenLabs one. */
void     call_sync_fixture_start    (CallSyncFixture    *f,
                                     GovorunCallHistory *history,
                                     gboolean            with_el);
/* The same over @dir (NULL: a new temporary folder), whose database may
 * hold the accounts already (they are found, not added). */
void     call_sync_fixture_start_in (CallSyncFixture    *f,
                                     GovorunCallHistory *history,
                                     gboolean            with_el,
                                     const char         *dir);
/* Like call_sync_fixture_start() without ElevenLabs, but the emulators
 * run on a thread of their own, as a server runs on a machine of its own:
 * the app's main thread does only its own work (the benchmark's; the
 * emulators' CPU time still counts against the same cores). Once per
 * process; stop with call_sync_fixture_stop(). */
void     call_sync_fixture_start_served (CallSyncFixture    *f,
                                         GovorunCallHistory *history);
/* Closes everything but leaves the folder and its database. */
void     call_sync_fixture_release  (CallSyncFixture    *f);
void     call_sync_fixture_stop     (CallSyncFixture *f);
/* The same sandbox, services built again over the same database (as after
 * a restart). */
void     call_sync_fixture_reopen   (CallSyncFixture *f);
/* Runs a sync to its end and waits for the indexing it leaves to the
 * background; returns what the sync returned. */
gboolean call_sync_fixture_run      (CallSyncFixture *f,
                                     GError         **error);
/* The same without waiting for the indexing, and the wait alone. */
gboolean call_sync_fixture_run_unindexed (CallSyncFixture *f,
                                          GError         **error);
void     call_sync_fixture_wait_indexed  (CallSyncFixture *f);

/* The rows the history should give: every call (phone calls and widget
 * conversations), the joined ones, Voximplant only and ElevenLabs only. */
typedef struct
{
  guint64 rows;
  guint64 joined;
  guint64 vox_only;
  guint64 el_only;
} CallSyncCounts;

void     call_sync_fixture_expected (CallSyncFixture *f,
                                     CallSyncCounts  *counts);
/* What the database holds, read through a connection of its own. */
void     call_sync_fixture_counted  (const char      *db_path,
                                     CallSyncCounts  *counts);
/* The one integer @sql gives, read through a connection of its own. */
gint64   call_sync_fixture_count    (const char      *db_path,
                                     const char      *sql);
/* A digest of every call's content (ids, fields, transcript; not the row
 * ids) and of the search index's size, to compare two stores. */
char    *call_sync_fixture_digest   (const char      *db_path);
/* Every phone call's row starts at the second the history says. */
void     call_sync_fixture_assert_starts (CallSyncFixture *f);
char    *call_sync_fixture_db_path  (CallSyncFixture *f);

G_END_DECLS
