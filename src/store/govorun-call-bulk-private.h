/* govorun-call-bulk-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-stats-records-private.h"
#include "govorun-store-private.h"

G_BEGIN_DECLS

/*
 * The first sync into an empty call history, in bulk: while it runs, the
 * calls table has none of its secondary indexes and triggers (their SQL
 * is kept in call_bulk_ddl, in the transaction that drops them) and the
 * search index is not written; the end of the bulk builds all three once,
 * in two steps (settle, then finish: see govorun-call-bulk.c). Each
 * page still commits with its watermark, so a sync killed during the bulk
 * resumes where it stopped, and the bulk goes on until its end.
 */

/* The migration that creates call_bulk_ddl; govorun-store.c lists it. */
extern const char govorun_call_bulk_migration[];

/* Whether a bulk is under way (call_bulk_ddl has rows). */
gboolean _govorun_call_bulk_pending (sqlite3   *db,
                                     gboolean  *out_pending,
                                     GError   **error);
/* Whether a bulk is under way and settled
 * (govorun_call_records_settle_bulk_async()). */
gboolean _govorun_call_bulk_settled (sqlite3   *db,
                                     gboolean  *out_settled,
                                     GError   **error);
/* Starts a bulk when the calls table is empty and none is under way;
 * sets @out_pending to whether one is under way afterwards. */
gboolean _govorun_call_bulk_begin   (sqlite3   *db,
                                     gboolean  *out_pending,
                                     GError   **error);

/* After a bulk's page: adds its new rows (summed in @sums) to the
 * Overview's sums, or, when it changed @n_rewritten rows written before,
 * leaves the sums to the settling. */
gboolean _govorun_call_bulk_page_written (sqlite3                *db,
                                          GovorunCallHourlySums  *sums,
                                          guint                   n_rewritten,
                                          GError                **error);
/* Settles a bulk under way, if any (govorun_call_records_settle_bulk_async()),
 * inside the caller's transaction; it stays under way. */
gboolean _govorun_call_bulk_settle  (sqlite3   *db,
                                     GError   **error);
/* Before a write of calls that is not the bulk's own: ends a bulk under
 * way that is not settled; a settled one has what such a write needs (the
 * triggers, the date order's index for the join; its search rows are
 * written again at the end). */
gboolean _govorun_call_bulk_before_write (sqlite3   *db,
                                          GError   **error);
/* Ends a bulk under way, if any (what
 * govorun_call_records_finish_bulk_async() runs), inside the caller's
 * transaction. Any write that is not the bulk's own ends it first: the
 * bulk's shortcuts hold only while its rows are all there is. */
gboolean _govorun_call_bulk_finish  (sqlite3   *db,
                                     GError   **error);

G_END_DECLS
