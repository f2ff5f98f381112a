/* govorun-call-list.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-call-filter.h"
#include "govorun-call-record.h"
#include "govorun-call-summary.h"

G_BEGIN_DECLS

/*
 * The Calls page's model: a GListModel of GovorunCallRecord over the call
 * history in the store, lazy so that a million calls cost a few pages of
 * memory. The number of items comes from a COUNT; rows are fetched off the
 * UI thread a page at a time by keyset, and a row whose page has not
 * arrived is a placeholder (govorun_call_record_is_placeholder()), replaced
 * through items-changed when the page comes. Only a bounded number of pages
 * is kept.
 *
 * Changing the filter or the sort (or govorun_call_list_refresh() after a
 * sync) queries again: the old rows stay until the count and the first
 * page of the new query arrive together, then one items-changed replaces
 * them all. "loading" is TRUE meanwhile. "summary" (count, minutes, cost)
 * follows each query.
 */

/* The store, opaque to the views (they get the list from the services). */
typedef struct _GovorunStore GovorunStore;

#define GOVORUN_TYPE_CALL_LIST (govorun_call_list_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallList, govorun_call_list, GOVORUN, CALL_LIST, GObject)

/* @store must be open. */
GovorunCallList          *govorun_call_list_new         (GovorunStore             *store);

const GovorunCallFilter  *govorun_call_list_get_filter  (GovorunCallList          *self);
void                      govorun_call_list_set_filter  (GovorunCallList          *self,
                                                         const GovorunCallFilter  *filter);
GovorunCallSortKey        govorun_call_list_get_sort    (GovorunCallList          *self,
                                                         gboolean                 *out_descending);
void                      govorun_call_list_set_sort    (GovorunCallList          *self,
                                                         GovorunCallSortKey        sort,
                                                         gboolean                  descending);
/* Queries again with the same filter and sort: the history changed. */
void                      govorun_call_list_refresh     (GovorunCallList          *self);

gboolean                  govorun_call_list_get_loading (GovorunCallList          *self);
/* Property "count-exact": FALSE while n_items is a lower bound (a big
 * history's count is capped for the first rows to come at once; the
 * summary brings the whole count, and the list grows to it). */
gboolean                  govorun_call_list_get_count_exact (GovorunCallList      *self);
/* The summary of the current query; NULL until it arrives. */
const GovorunCallSummary *govorun_call_list_get_summary (GovorunCallList          *self);
/* Why the last query failed (a translated sentence), or NULL. */
const GError             *govorun_call_list_get_error   (GovorunCallList          *self);

G_END_DECLS
