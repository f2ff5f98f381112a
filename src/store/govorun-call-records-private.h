/* govorun-call-records-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "govorun-call-records.h"

G_BEGIN_DECLS

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
