/* govorun-call-sync-state.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * The call_sync_state table: where an account's call sync stopped, per
 * provider. The calls upsert can write it in the same transaction as the
 * page it follows (govorun_call_records_upsert_async()), so a sync killed
 * at any point resumes from a watermark that matches the rows.
 */

typedef struct
{
  char   *account_uuid;
  char   *provider;   /* "voximplant" or "elevenlabs" */
  gint64  watermark;  /* UTC unix seconds the sync has everything before; 0: none */
  char   *cursor;     /* the provider's paging cursor, if any */
} GovorunCallSyncState;

#define GOVORUN_TYPE_CALL_SYNC_STATE (govorun_call_sync_state_get_type ())

GType                 govorun_call_sync_state_get_type (void) G_GNUC_CONST;
GovorunCallSyncState *govorun_call_sync_state_new      (const char                 *account_uuid,
                                                        const char                 *provider,
                                                        gint64                      watermark,
                                                        const char                 *cursor);
GovorunCallSyncState *govorun_call_sync_state_copy     (const GovorunCallSyncState *state);
void                  govorun_call_sync_state_free     (GovorunCallSyncState       *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallSyncState, govorun_call_sync_state_free)

/* The state of (@account_uuid, @provider): a state with watermark 0 and no
 * cursor when the account was never synced. */
void                  govorun_call_sync_state_load_async  (GovorunStore         *store,
                                                           const char           *account_uuid,
                                                           const char           *provider,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GovorunCallSyncState *govorun_call_sync_state_load_finish (GovorunStore         *store,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* Forgets every provider's state of @account_uuid: the next sync takes the
 * whole history window again. */
void                  govorun_call_sync_state_reset_async  (GovorunStore        *store,
                                                            const char          *account_uuid,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean              govorun_call_sync_state_reset_finish (GovorunStore        *store,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
