/* govorun-call-sync-lookups.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"
#include "govorun-call-record.h"

G_BEGIN_DECLS

/*
 * What the call sync asks the store before it writes a page: which
 * ElevenLabs conversations it already holds (so details are fetched only
 * for new or changed ones), which one-sided row a record without the other
 * provider's id belongs to (the join's fallback), and whether the database
 * is sound after a crash.
 */

/* A conversation as stored. */
typedef struct
{
  guint              duration;
  GovorunCallSuccess success;
  gboolean           has_transcript;
  gboolean           has_vox;         /* joined: the length is Voximplant's */
} GovorunKnownConversation;

/* @ids: the conversation ids of a listing page. Returns (transfer full) a
 * GHashTable of id → GovorunKnownConversation for the ones stored. */
void        govorun_call_sync_lookups_conversations_async  (GovorunStore         *store,
                                                            const char * const   *ids,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GHashTable *govorun_call_sync_lookups_conversations_finish (GovorunStore         *store,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* For each record of @records (GovorunCallRecord) that carries only one
 * provider's id and a number: the stored row of the other provider alone
 * whose number is the same and whose start is within @tolerance seconds
 * (the nearest) gives the record its id, so the upsert joins the two.
 * A conversation's record joined to a stored phone call leaves the start,
 * the length, the status and the finish reason to the call's (they are
 * set to unknown).
 * Records are changed on the store's thread: do not touch them until the
 * callback. */
void        govorun_call_sync_lookups_match_async          (GovorunStore         *store,
                                                            GPtrArray            *records,
                                                            guint                 tolerance,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean    govorun_call_sync_lookups_match_finish         (GovorunStore         *store,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* PRAGMA integrity_check: "ok" when the database is sound, else the
 * problems SQLite lists (transfer full). */
void        govorun_call_sync_lookups_check_integrity_async  (GovorunStore        *store,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
char       *govorun_call_sync_lookups_check_integrity_finish (GovorunStore        *store,
                                                              GAsyncResult        *result,
                                                              GError             **error);

G_END_DECLS
