/* govorun-call-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-store.h"
#include "govorun-call-filter.h"
#include "govorun-call-record.h"
#include "govorun-call-summary.h"
#include "govorun-call-sync-state.h"

G_BEGIN_DECLS

/*
 * The call history tables (calls, call_turns, calls_fts): typed queries on
 * the store's threads. Filters and sorts run in SQL on indexes, search
 * through the trigram index, and pages are fetched by keyset so that a
 * million calls stay instant.
 */

#define GOVORUN_CALL_RECORDS_ERROR (govorun_call_records_error_quark ())

typedef enum
{
  GOVORUN_CALL_RECORDS_ERROR_NOT_FOUND = 1,  /* no call with that id */
} GovorunCallRecordsError;

GQuark govorun_call_records_error_quark (void) G_GNUC_CONST;

/* Writes @records (a GPtrArray of GovorunCallRecord; referenced) in one
 * transaction, with @state (nullable) when given: the page and the
 * watermark after it land together or not at all. A record is found again
 * by its Voximplant session id or its ElevenLabs conversation id; the
 * fields it leaves unknown keep their stored values, so each provider's
 * sync writes its own side and re-syncing changes nothing. A record that
 * carries both ids joins two one-sided rows into one (the ElevenLabs-only
 * row's transcript moves over; its other fields are the record's). A
 * record's transcript, when not NULL, replaces the stored one. Stored ids
 * are set on the records when the write is done. */
void                govorun_call_records_upsert_async    (GovorunStore               *store,
                                                          GPtrArray                  *records,
                                                          const GovorunCallSyncState *state,
                                                          GCancellable               *cancellable,
                                                          GAsyncReadyCallback         callback,
                                                          gpointer                    user_data);
gboolean            govorun_call_records_upsert_finish   (GovorunStore               *store,
                                                          GAsyncResult               *result,
                                                          GError                    **error);
/* As upsert_finish; @out_changed (nullable) is set to how many records
 * inserted or changed a row (0 when nothing new came: the sync then has
 * nothing to announce). */
gboolean            govorun_call_records_upsert_finish_changed (GovorunStore         *store,
                                                                GAsyncResult         *result,
                                                                guint                *out_changed,
                                                                GError              **error);

/* As upsert_async, for a page of the first sync of an account: when the
 * call history is empty (or a bulk is under way already), the rows go in
 * without the table's secondary indexes, aggregate triggers and search
 * index, which govorun_call_records_finish_bulk_async() then builds once
 * (see govorun-call-bulk-private.h); otherwise as upsert_async. Finish
 * with upsert_finish_changed. Any other write of calls (upsert_async)
 * ends a bulk under way first. The records are joined first, in the same
 * transaction, as govorun_call_sync_lookups_match_async() joins them with
 * @join_tolerance (a bulk's own rows have no partner to look for). */
void                govorun_call_records_upsert_bulk_async (GovorunStore               *store,
                                                            GPtrArray                  *records,
                                                            const GovorunCallSyncState *state,
                                                            guint                       join_tolerance,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
/* Settles a bulk under way, if any, in one transaction: the triggers
 * again, the Overview's aggregates filled and the index of the date order
 * built, so the list, its sums and the Overview are right and quick; the
 * bulk stays under way until finished. What a sync does at its end. */
void                govorun_call_records_settle_bulk_async  (GovorunStore        *store,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean            govorun_call_records_settle_bulk_finish (GovorunStore        *store,
                                                             GAsyncResult        *result,
                                                             GError             **error);
/**
 * GovorunCallBulkEnd:
 * @GOVORUN_CALL_BULK_END_SETTLED: a settled bulk (the indexing after a
 *   sync); one that is not (a first sync that stopped half-way) goes on
 *   at the next sync
 * @GOVORUN_CALL_BULK_END_UNSETTLED: a bulk that is not settled (before a
 *   write that is not the bulk's own, which a settled bulk lets through)
 *
 * Which bulk govorun_call_records_finish_bulk_async() ends.
 */
typedef enum
{
  GOVORUN_CALL_BULK_END_SETTLED,
  GOVORUN_CALL_BULK_END_UNSETTLED,
} GovorunCallBulkEnd;

/* Ends a bulk under way, if it is @which, in one transaction: settles it,
 * then the other indexes and the search index built from the rows. Does
 * nothing otherwise. */
void                govorun_call_records_finish_bulk_async  (GovorunStore        *store,
                                                             GovorunCallBulkEnd   which,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean            govorun_call_records_finish_bulk_finish (GovorunStore        *store,
                                                             GAsyncResult        *result,
                                                             GError             **error);

/* Merges the search index into one segment (FTS5 "optimize"). A sync that
 * wrote many calls leaves it in hundreds of segments, and a common search,
 * which looks each row of a page up in it, then costs about nine times
 * the CPU (measured at 1M calls). Takes ~15 s of CPU per million calls on
 * the writer thread: for after a large sync, not after each page. */
void                govorun_call_records_optimize_search_async  (GovorunStore        *store,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean            govorun_call_records_optimize_search_finish (GovorunStore        *store,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

/* How many calls match @filter, their total duration and their cost per
 * provider and currency. */
void                govorun_call_records_summarize_async  (GovorunStore               *store,
                                                           const GovorunCallFilter    *filter,
                                                           GCancellable               *cancellable,
                                                           GAsyncReadyCallback         callback,
                                                           gpointer                    user_data);
GovorunCallSummary *govorun_call_records_summarize_finish (GovorunStore               *store,
                                                           GAsyncResult               *result,
                                                           GError                    **error);

/* Up to @limit calls matching @filter in (@sort, started_at, id) order
 * (all descending when @descending), without transcripts or summaries:
 * the ones after @after (a record of the same filter and sort; NULL: from
 * the start), skipping @skip first. With @with_count, the number of
 * matching calls is counted in the same snapshot. */
void                govorun_call_records_fetch_page_async  (GovorunStore             *store,
                                                            const GovorunCallFilter  *filter,
                                                            GovorunCallSortKey        sort,
                                                            gboolean                  descending,
                                                            GovorunCallRecord        *after,
                                                            guint                     skip,
                                                            guint                     limit,
                                                            gboolean                  with_count,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
/* Returns (transfer full) a GPtrArray of GovorunCallRecord; @out_count is
 * set to the count, or -1 when it was not asked for. */
GPtrArray          *govorun_call_records_fetch_page_finish (GovorunStore             *store,
                                                            GAsyncResult             *result,
                                                            gint64                   *out_count,
                                                            GError                  **error);

/* The first @limit calls, as fetch_page from the start with the count, but
 * a count that stops at @count_cap (> 0) so that the rows come at once
 * whatever the history's size: *@out_at_least is then TRUE and the count
 * is @count_cap; summarize gives the whole count later. */
void                govorun_call_records_fetch_first_page_async  (GovorunStore            *store,
                                                                  const GovorunCallFilter *filter,
                                                                  GovorunCallSortKey       sort,
                                                                  gboolean                 descending,
                                                                  guint                    limit,
                                                                  guint                    count_cap,
                                                                  GCancellable            *cancellable,
                                                                  GAsyncReadyCallback      callback,
                                                                  gpointer                 user_data);
GPtrArray          *govorun_call_records_fetch_first_page_finish (GovorunStore            *store,
                                                                  GAsyncResult            *result,
                                                                  gint64                  *out_count,
                                                                  gboolean                *out_at_least,
                                                                  GError                 **error);

/* The call with row @id, with its summary and transcript, for the details. */
void                govorun_call_records_fetch_async       (GovorunStore             *store,
                                                            gint64                    id,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
GovorunCallRecord  *govorun_call_records_fetch_finish      (GovorunStore             *store,
                                                            GAsyncResult             *result,
                                                            GError                  **error);

G_END_DECLS
