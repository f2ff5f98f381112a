/* govorun-call-records-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-records.h"
#include "govorun-store-private.h"

G_BEGIN_DECLS

/*
 * The calls' keyset page as a step inside a read func, for the store's
 * other readers of the calls table (the export's streaming read): the same
 * filter, sort and row as govorun_call_records_fetch_page_async().
 */

/* Sets @out_records (transfer full, GPtrArray of GovorunCallRecord) to up
 * to @limit calls after @after (nullable) and, with @with_count,
 * @out_count to the number matching @filter. */
gboolean _govorun_call_records_read_page (sqlite3                  *db,
                                          const GovorunCallFilter  *filter,
                                          GovorunCallSortKey        sort,
                                          gboolean                  descending,
                                          GovorunCallRecord        *after,
                                          guint                     limit,
                                          gboolean                  with_count,
                                          GPtrArray               **out_records,
                                          gint64                   *out_count,
                                          GError                  **error);

/* @filter as a WHERE clause over the calls table (" WHERE …", or "" when
 * it selects every call) for the store's other readers of a filter's
 * calls (@db: where they will be read); @out_params (transfer full): its parameters, bound from index 1
 * by _govorun_call_records_bind_params(). */
char    *_govorun_call_records_filter_where (sqlite3                  *db,
                                             const GovorunCallFilter  *filter,
                                             GPtrArray               **out_params);
void     _govorun_call_records_bind_params  (sqlite3_stmt             *stmt,
                                             GPtrArray                *params);

/* The search index's numbers of a call (every form of both numbers);
 * transfer full. */
char    *_govorun_call_records_index_numbers (const char *from_number,
                                              const char *to_number);

/* For tests: from how many calls an analysis condition counts as common
 * (0: the default) and is probed row by row instead of listed. */
void     _govorun_call_records_set_analysis_common_matches (guint n);

/* For tests of the query plans (on a read connection): EXPLAIN QUERY PLAN
 * of the page the list would read for @filter in @sort order after
 * @after (nullable), one step a line, as SQLite words them ("SEARCH calls
 * USING INDEX calls_status (status=?)", "USE TEMP B-TREE FOR ORDER BY"). */
char *govorun_call_records_explain_page (sqlite3                  *db,
                                         const GovorunCallFilter  *filter,
                                         GovorunCallSortKey        sort,
                                         gboolean                  descending,
                                         GovorunCallRecord        *after,
                                         GError                  **error);

G_END_DECLS
