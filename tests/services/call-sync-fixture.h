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

/* Starts the sandbox's services over @dir (NULL: a new temporary one),
 * gives both emulators a history of about @n_calls calls in the @days days
 * before now, and adds the demo Voximplant and ElevenLabs accounts unless
 * @dir holds them already. */
void     call_sync_fixture_start    (CallSyncFixture *f,
                                     guint            n_calls,
                                     guint            days);
void     call_sync_fixture_stop     (CallSyncFixture *f);
/* The same sandbox, services built again over the same database (as after
 * a restart). */
void     call_sync_fixture_reopen   (CallSyncFixture *f);
/* Runs a sync to its end; returns what it returned. */
gboolean call_sync_fixture_run      (CallSyncFixture *f,
                                     GError         **error);

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
/* A digest of every call's content (ids, fields, transcript; not the row
 * ids) and of the search index's size, to compare two stores. */
char    *call_sync_fixture_digest   (const char      *db_path);
char    *call_sync_fixture_db_path  (CallSyncFixture *f);

G_END_DECLS
