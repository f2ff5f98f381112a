/* govorun-call-sync-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-account-store.h"
#include "govorun-agent-store.h"
#include "govorun-call-record.h"
#include "govorun-call-sync-state.h"
#include "govorun-call-sync.h"
#include "govorun-client-factory.h"
#include "govorun-elevenlabs-conversations.h"
#include "govorun-store.h"
#include "govorun-voximplant-calls.h"

G_BEGIN_DECLS

/* Sessions are written when they end: a watermark taken at the start of
 * a sync misses the calls that were still going, so each sync reads again
 * this far before it. */
#define GOVORUN_CALL_SYNC_OVERLAP_SECS        (10 * 60)
/* The join's fallback: the two providers' start times of one call differ
 * by the ringing and the connection to the agent. */
#define GOVORUN_CALL_SYNC_JOIN_TOLERANCE_SECS 120
/* ElevenLabs' largest listing page. */
#define GOVORUN_CALL_SYNC_EL_PAGE_SIZE        100

#define GOVORUN_CALL_SYNC_PROVIDER_VOXIMPLANT "voximplant"
#define GOVORUN_CALL_SYNC_PROVIDER_ELEVENLABS "elevenlabs"

/* The agents the join finds calls' agents among (govorun-call-join.c):
 * a copy, read on worker threads too. */
typedef struct _GovorunCallAgents GovorunCallAgents;

GovorunCallAgents *_govorun_call_agents_new   (GovorunAgentStore *store);
GovorunCallAgents *_govorun_call_agents_ref   (GovorunCallAgents *agents);
void               _govorun_call_agents_unref (GovorunCallAgents *agents);

/* One account's part of a sync: what the provider parts need. */
typedef struct
{
  GovorunCallSync      *sync;      /* borrowed: outlives the job */
  GovorunStore         *store;
  GovorunClientFactory *factory;
  GovorunCallAgents    *agents;    /* as the job began */
  GovorunAccount       *account;
  char                 *timezone;  /* Voximplant's dates are asked for in it */
  gint64                now;       /* the end of the sync's window */
  gint64                history_start; /* where a first sync starts */
  guint64               written;   /* calls this account's sync wrote */
} GovorunCallSyncJob;

void       _govorun_call_sync_job_free         (GovorunCallSyncJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunCallSyncJob, _govorun_call_sync_job_free)

/* The provider parts report each written page: @n_calls read, of which
 * @n_changed inserted or changed a row; @fraction is the share of this
 * account's work done, or -1. */
void       _govorun_call_sync_page_written     (GovorunCallSyncJob *job,
                                                const char         *provider_name,
                                                guint               n_calls,
                                                guint               n_changed,
                                                double              fraction);

/* For tests: the rows a run must change to merge the search index after
 * it, and how many merges were started and finished. */
void       _govorun_call_sync_set_optimize_threshold (GovorunCallSync *self,
                                                      guint64          rows);
void       _govorun_call_sync_get_optimize_counts    (GovorunCallSync *self,
                                                      guint           *out_started,
                                                      guint           *out_done);
/* How many background ends of a first sync's bulk (its indexes and the
 * search index) were started and finished. */
void       _govorun_call_sync_get_index_counts       (GovorunCallSync *self,
                                                      guint           *out_started,
                                                      guint           *out_done);

/* What both parts share (govorun-call-sync-pages.c): the account's stored
 * state for @provider and a client for it (a GovorunVoximplantClient or a
 * GovorunElevenlabsClient, by the account's kind)… */
void       _govorun_call_sync_begin_async       (GovorunCallSyncJob  *job,
                                                 const char          *provider,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean   _govorun_call_sync_begin_finish      (GAsyncResult          *result,
                                                 GovorunCallSyncState **out_state,
                                                 gpointer              *out_client,
                                                 GError               **error);
/* Where reading starts: the watermark less the overlap, or the first
 * sync's window. */
gint64     _govorun_call_sync_job_start_from    (GovorunCallSyncJob         *job,
                                                 const GovorunCallSyncState *state);
/* …and a page written: the join's fallback, then the records and @state
 * in one transaction. */
void       _govorun_call_sync_write_async       (GovorunCallSyncJob         *job,
                                                 GPtrArray                  *records,
                                                 const GovorunCallSyncState *state,
                                                 GCancellable               *cancellable,
                                                 GAsyncReadyCallback         callback,
                                                 gpointer                    user_data);
/* The same; with @bulk, a first sync's page, written in bulk when the
 * history is empty (govorun_call_records_upsert_bulk_async()). Finish
 * with _govorun_call_sync_write_finish(). */
void       _govorun_call_sync_write_page_async  (GovorunCallSyncJob         *job,
                                                 GPtrArray                  *records,
                                                 const GovorunCallSyncState *state,
                                                 gboolean                    bulk,
                                                 GCancellable               *cancellable,
                                                 GAsyncReadyCallback         callback,
                                                 gpointer                    user_data);
/* @out_changed: how many records inserted or changed a row. */
gboolean   _govorun_call_sync_write_finish      (GAsyncResult        *result,
                                                 guint               *out_changed,
                                                 GError             **error);

/* The Voximplant part: GetCallHistory from the watermark, window split,
 * pages with the watermark (govorun-call-sync-voximplant.c). */
void       _govorun_call_sync_voximplant_async  (GovorunCallSyncJob  *job,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean   _govorun_call_sync_voximplant_finish (GAsyncResult        *result,
                                                 GError             **error);

/* The ElevenLabs part: the workspace's conversations with the cursor,
 * details when new or changed (govorun-call-sync-elevenlabs.c). */
void       _govorun_call_sync_elevenlabs_async  (GovorunCallSyncJob  *job,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean   _govorun_call_sync_elevenlabs_finish (GAsyncResult        *result,
                                                 GError             **error);

/* The join rules (govorun-call-join.c): one provider's view of a call as
 * a record carrying the other provider's id when the scenarios left it. */
GovorunCallRecord *_govorun_call_join_session      (const GovorunVoximplantCallSession   *session,
                                                    const char                           *currency,
                                                    const GovorunCallAgents              *agents,
                                                    const char                           *account_uuid);
GovorunCallRecord *_govorun_call_join_conversation (const GovorunElevenlabsConversation  *conversation,
                                                    const GovorunCallAgents              *agents);
/* Whether a listed conversation differs from what is stored (@known may be
 * NULL: not stored), so its details are fetched. */
gboolean           _govorun_call_join_is_changed   (const GovorunElevenlabsConversationSummary *summary,
                                                    gconstpointer                         known);
/* "+7 (916) 123-45-67" → "79161234567"; NULL when no digit. */
char              *_govorun_call_join_number       (const char                           *text);

G_END_DECLS
