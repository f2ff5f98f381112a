/* govorun-call-sync.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-agent-store.h"

G_BEGIN_DECLS

typedef struct _GovorunClientFactory GovorunClientFactory;

/*
 * Brings the call history of every account into the store: Voximplant's
 * GetCallHistory and ElevenLabs' conversations, joined into one record per
 * call. One sync runs at a time, over all accounts; an account that fails
 * does not stop the others. Automatic every N minutes (GSettings), or now.
 *
 * The Calls page shows "running", "progress-text" and "fraction", offers
 * Cancel, and shows "error-text" once on the page. "changed" is emitted on
 * the main thread when rows were written (at most about once a second), so
 * lists and statistics query again.
 */

#define GOVORUN_CALL_SYNC_ERROR (govorun_call_sync_error_quark ())

typedef enum
{
  GOVORUN_CALL_SYNC_ERROR_FAILED = 1,   /* one or more accounts could not be synced */
  GOVORUN_CALL_SYNC_ERROR_BUSY,         /* a sync is already running */
} GovorunCallSyncError;

GQuark govorun_call_sync_error_quark (void);

#define GOVORUN_TYPE_CALL_SYNC (govorun_call_sync_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallSync, govorun_call_sync, GOVORUN, CALL_SYNC, GObject)

/* Built once by GovorunServices. @settings (nullable) gives
 * "sync-interval" and "history-days"; without it nothing is automatic and
 * a first sync takes 90 days. */
GovorunCallSync *govorun_call_sync_new          (GovorunStore         *store,
                                                 GovorunClientFactory *factory,
                                                 GovorunAccountStore  *accounts,
                                                 GovorunAgentStore    *agents,
                                                 GSettings            *settings);

/* Called when the services are ready: syncs now and then every
 * "sync-interval" minutes (0: never), and soon after an account is added.
 * Needs the settings. */
void        govorun_call_sync_start_automatic   (GovorunCallSync     *self);

/* The time zone Voximplant's dates are asked in ("Etc/GMT" unless set).
 * Its dates carry no offset, so in a zone with summer time the repeated
 * hour is ambiguous: the sync keeps to UTC; other zones are for tests. */
void        govorun_call_sync_set_timezone      (GovorunCallSync     *self,
                                                 const char          *timezone);

/* "Sync Now": every account, both providers; nothing when one is running. */
void        govorun_call_sync_start             (GovorunCallSync     *self);
/* Cancels the running sync and the indexing after one that is still
 * queued (which the next sync's end queues again). */
void        govorun_call_sync_cancel            (GovorunCallSync     *self);

/* The same as start, for callers and tests that wait for the end. */
void        govorun_call_sync_run_async         (GovorunCallSync     *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean    govorun_call_sync_run_finish        (GovorunCallSync     *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Property "running". */
gboolean    govorun_call_sync_get_running       (GovorunCallSync     *self);
/* Property "progress-text": a translated line, e.g. "demo-clinic, Voximplant:
 * 3,000 calls"; NULL when idle. */
const char *govorun_call_sync_get_progress_text (GovorunCallSync     *self);
/* Property "fraction": 0…1, or -1 when unknown (pulse). */
double      govorun_call_sync_get_fraction      (GovorunCallSync     *self);
/* Property "calls-synced": calls written by the running (or last) sync. */
guint64     govorun_call_sync_get_calls_synced  (GovorunCallSync     *self);
/* Property "error-text": one translated paragraph naming each account and
 * provider that failed in the last sync, with the provider's code; NULL
 * when the last sync had no error. */
const char *govorun_call_sync_get_error_text    (GovorunCallSync     *self);
/* Property "last-synced": when a sync last finished (Unix time), 0 never. */
gint64      govorun_call_sync_get_last_synced   (GovorunCallSync     *self);

G_END_DECLS
