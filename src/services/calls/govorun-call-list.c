/* govorun-call-list.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallList"

#include "config.h"

#include "govorun-call-list.h"
#include "govorun-call-list-private.h"
#include "govorun-call-records.h"
#include "govorun-store.h"

/* A screenful is some 30 rows; a page of 100 keeps scrolling smooth with
 * a query per three screens. */
#define PAGE_SIZE 100

/* Pages kept: 5000 rows, a few MB whatever the history's size. */
#define MAX_PAGES 50

/* The first page's count stops here, so that the rows come at once; the
 * summary, which counts every match, makes n_items whole when it comes. */
#define COUNT_CAP 2000

typedef struct
{
  guint      index;
  GPtrArray *records;       /* NULL while the page is on its way */
  GPtrArray *placeholders;  /* handed out before it came; created lazily */
  GList     *lru_link;      /* in self->lru once loaded */
} Page;

struct _GovorunCallList
{
  GObject             parent_instance;

  GovorunStore       *store;
  GovorunCallFilter  *filter;
  GovorunCallSortKey  sort;
  gboolean            descending;

  guint               n_items;
  GHashTable         *pages;         /* page index → Page */
  GQueue              lru;           /* of Page, most recently used first */

  /* One per query: cancelled (and replaced) when the next one starts, so
   * that nothing of an older query lands in the list. */
  GCancellable       *cancellable;
  gboolean            loading;
  guint               count_cap;       /* COUNT_CAP but in tests */
  gboolean            count_exact;     /* n_items is the whole count */
  gboolean            summary_current; /* the summary is of this query */
  GovorunCallSummary *summary;
  GError             *error;
};

static void govorun_call_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GovorunCallList, govorun_call_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      govorun_call_list_model_init))

enum
{
  PROP_0,
  PROP_LOADING,
  PROP_COUNT_EXACT,
  PROP_SUMMARY,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fetch_page (GovorunCallList *self,
                        Page            *page);

/* Placeholders are made only for the rows asked for: the rest are NULL. */
static void
placeholder_unref (gpointer placeholder)
{
  if (placeholder != NULL)
    g_object_unref (placeholder);
}

static void
page_free (Page *page)
{
  g_clear_pointer (&page->records, g_ptr_array_unref);
  g_clear_pointer (&page->placeholders, g_ptr_array_unref);
  g_clear_pointer (&page->lru_link, g_list_free_1);
  g_free (page);
}

static guint
page_len (GovorunCallList *self,
          guint            index)
{
  return MIN (PAGE_SIZE, self->n_items - index * PAGE_SIZE);
}

static void
set_loading (GovorunCallList *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_count_exact (GovorunCallList *self,
                 gboolean         exact)
{
  if (self->count_exact == exact)
    return;
  self->count_exact = exact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT_EXACT]);
}

/* The summary counts every match: a capped count grows to it. */
static void
complete_count (GovorunCallList *self)
{
  guint whole;

  if (self->count_exact || self->loading || !self->summary_current || self->summary == NULL)
    return;
  whole = (guint) MIN (self->summary->count, (guint64) G_MAXUINT);
  if (whole > self->n_items)
    {
      guint old_n = self->n_items;

      self->n_items = whole;
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, whole - old_n);
    }
  set_count_exact (self, TRUE);
}

static void
set_error (GovorunCallList *self,
           const GError    *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
clear_pages (GovorunCallList *self)
{
  g_hash_table_remove_all (self->pages);
  /* The links were the pages'; page_free freed them. */
  self->lru.head = self->lru.tail = NULL;
  self->lru.length = 0;
}

/* Whether a view still holds one of the page's rows: such a page stays,
 * so that an item a view has is never swapped behind its back. */
static gboolean
page_in_use (Page *page)
{
  for (guint i = 0; page->records != NULL && i < page->records->len; i++)
    if (g_atomic_int_get (&G_OBJECT (g_ptr_array_index (page->records, i))->ref_count) > 1)
      return TRUE;
  return FALSE;
}

/* A page that came in or was read: the most recent. Beyond the bound, the
 * least recent pages no view holds go (their rows come back as
 * placeholders if asked for again). */
static void
touch_page (GovorunCallList *self,
            Page            *page)
{
  GList *link;

  if (page->lru_link != NULL)
    {
      g_queue_unlink (&self->lru, page->lru_link);
      g_queue_push_head_link (&self->lru, page->lru_link);
      return;
    }

  page->lru_link = g_list_alloc ();
  page->lru_link->data = page;
  g_queue_push_head_link (&self->lru, page->lru_link);

  link = self->lru.tail;
  while (self->lru.length > MAX_PAGES && link != NULL && link != page->lru_link)
    {
      Page *old = link->data;
      GList *prev = link->prev;

      if (!page_in_use (old))
        {
          g_queue_unlink (&self->lru, link);
          g_hash_table_remove (self->pages, GUINT_TO_POINTER (old->index));
        }
      link = prev;
    }
}

/* --- pages ------------------------------------------------------------------ */

typedef struct
{
  GovorunCallList *self;          /* owned */
  GCancellable    *cancellable;   /* of the query this page belongs to */
  guint            index;
} PageFetch;

static PageFetch *
page_fetch_new (GovorunCallList *self,
                guint            index)
{
  PageFetch *fetch = g_new0 (PageFetch, 1);

  fetch->self = g_object_ref (self);
  fetch->cancellable = g_object_ref (self->cancellable);
  fetch->index = index;
  return fetch;
}

static void
page_fetch_free (PageFetch *fetch)
{
  g_object_unref (fetch->self);
  g_object_unref (fetch->cancellable);
  g_free (fetch);
}

static void
on_page_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PageFetch *fetch = user_data;
  GovorunCallList *self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  Page *page;

  records = govorun_call_records_fetch_page_finish (GOVORUN_STORE (source), result, NULL, &error);
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (fetch->index));
  if (fetch->cancellable != self->cancellable || page == NULL || page->records != NULL)
    {
      page_fetch_free (fetch);
      return;
    }

  if (records == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error);
      /* Kept, empty: the rows stay placeholders rather than asking again
       * and again; the next query starts afresh. */
      records = g_ptr_array_new_with_free_func (g_object_unref);
    }

  page->records = g_steal_pointer (&records);
  g_clear_pointer (&page->placeholders, g_ptr_array_unref);
  touch_page (self, page);
  g_list_model_items_changed (G_LIST_MODEL (self), fetch->index * PAGE_SIZE,
                              page_len (self, fetch->index), page_len (self, fetch->index));
  page_fetch_free (fetch);
}

/* Keyset from the nearest page before that is here, skipping the pages
 * between; from the start when there is none. */
static void
fetch_page (GovorunCallList *self,
            Page            *page)
{
  GovorunCallRecord *after = NULL;
  guint skip = page->index * PAGE_SIZE;
  PageFetch *fetch;

  for (guint i = page->index; i-- > 0;)
    {
      Page *before = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (i));

      if (before != NULL && before->records != NULL && before->records->len == PAGE_SIZE)
        {
          after = g_ptr_array_index (before->records, PAGE_SIZE - 1);
          skip = (page->index - i - 1) * PAGE_SIZE;
          break;
        }
    }

  fetch = page_fetch_new (self, page->index);
  govorun_call_records_fetch_page_async (self->store, self->filter, self->sort, self->descending,
                                         after, skip, PAGE_SIZE, FALSE, self->cancellable,
                                         on_page_fetched, fetch);
}

/* --- queries ---------------------------------------------------------------- */

static void
on_summarized (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PageFetch *fetch = user_data;
  GovorunCallList *self = fetch->self;
  g_autoptr(GError) error = NULL;
  GovorunCallSummary *summary;

  summary = govorun_call_records_summarize_finish (GOVORUN_STORE (source), result, &error);
  if (fetch->cancellable == self->cancellable)
    {
      if (summary == NULL)
        set_error (self, error);
      else
        {
          g_clear_pointer (&self->summary, govorun_call_summary_free);
          self->summary = g_steal_pointer (&summary);
          self->summary_current = TRUE;
          complete_count (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
        }
    }
  g_clear_pointer (&summary, govorun_call_summary_free);
  page_fetch_free (fetch);
}

static void
on_first_page (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PageFetch *fetch = user_data;
  GovorunCallList *self = fetch->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint old_n = self->n_items;
  gboolean at_least = FALSE;
  gint64 count = 0;
  Page *page;

  records = govorun_call_records_fetch_first_page_finish (GOVORUN_STORE (source), result, &count,
                                                          &at_least, &error);
  if (fetch->cancellable != self->cancellable)
    {
      page_fetch_free (fetch);
      return;
    }

  clear_pages (self);
  if (records == NULL)
    {
      /* The list empties rather than showing rows of another filter. */
      set_error (self, error);
      count = 0;
    }
  else
    {
      set_error (self, NULL);
      page = g_new0 (Page, 1);
      page->index = 0;
      page->records = g_steal_pointer (&records);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (0), page);
      touch_page (self, page);
    }

  self->n_items = (guint) MIN (count, (gint64) G_MAXUINT);
  /* The last query's summary is not this one's: none until it comes. */
  if (!self->summary_current && self->summary != NULL)
    {
      g_clear_pointer (&self->summary, govorun_call_summary_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  set_count_exact (self, !at_least);
  set_loading (self, FALSE);
  complete_count (self);
  page_fetch_free (fetch);
}

static void
requery (GovorunCallList *self)
{
  PageFetch *fetch;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->summary_current = FALSE;
  set_loading (self, TRUE);

  fetch = page_fetch_new (self, 0);
  govorun_call_records_fetch_first_page_async (self->store, self->filter, self->sort,
                                               self->descending, PAGE_SIZE, self->count_cap,
                                               self->cancellable, on_first_page, fetch);

  fetch = page_fetch_new (self, 0);
  govorun_call_records_summarize_async (self->store, self->filter, self->cancellable,
                                        on_summarized, fetch);
}

/* --- GListModel ------------------------------------------------------------- */

static GType
govorun_call_list_get_item_type (GListModel *model)
{
  return GOVORUN_TYPE_CALL_RECORD;
}

static guint
govorun_call_list_get_n_items (GListModel *model)
{
  return GOVORUN_CALL_LIST (model)->n_items;
}

static gpointer
govorun_call_list_get_item (GListModel *model,
                            guint       position)
{
  GovorunCallList *self = GOVORUN_CALL_LIST (model);
  guint index = position / PAGE_SIZE;
  guint offset = position % PAGE_SIZE;
  GovorunCallRecord *placeholder;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page != NULL && page->records != NULL)
    {
      touch_page (self, page);
      /* Fewer rows than counted: the history changed under the query;
       * the refresh that follows a sync fixes the count. */
      if (offset < page->records->len)
        return g_object_ref (g_ptr_array_index (page->records, offset));
      return govorun_call_record_new_placeholder ();
    }

  /* While a new query is on its way, its pages cannot be asked for yet:
   * the rows it replaces are all replaced at once when it lands. */
  if (self->loading)
    return govorun_call_record_new_placeholder ();

  if (page == NULL)
    {
      page = g_new0 (Page, 1);
      page->index = index;
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
      fetch_page (self, page);
    }

  /* The same placeholder each time, as a list model's items should be. */
  if (page->placeholders == NULL)
    page->placeholders = g_ptr_array_new_full (PAGE_SIZE, placeholder_unref);
  if (page->placeholders->len <= offset)
    g_ptr_array_set_size (page->placeholders, offset + 1);
  placeholder = g_ptr_array_index (page->placeholders, offset);
  if (placeholder == NULL)
    {
      placeholder = govorun_call_record_new_placeholder ();
      page->placeholders->pdata[offset] = placeholder;
    }
  return g_object_ref (placeholder);
}

static void
govorun_call_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = govorun_call_list_get_item_type;
  iface->get_n_items = govorun_call_list_get_n_items;
  iface->get_item = govorun_call_list_get_item;
}

/* --- GObject ---------------------------------------------------------------- */

static void
govorun_call_list_dispose (GObject *object)
{
  GovorunCallList *self = GOVORUN_CALL_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->pages != NULL)
    clear_pages (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (govorun_call_list_parent_class)->dispose (object);
}

static void
govorun_call_list_finalize (GObject *object)
{
  GovorunCallList *self = GOVORUN_CALL_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->filter, govorun_call_filter_free);
  g_clear_pointer (&self->summary, govorun_call_summary_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (govorun_call_list_parent_class)->finalize (object);
}

static void
govorun_call_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GovorunCallList *self = GOVORUN_CALL_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_COUNT_EXACT:
      g_value_set_boolean (value, self->count_exact);
      break;
    case PROP_SUMMARY:
      g_value_set_boxed (value, self->summary);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_call_list_class_init (GovorunCallListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_call_list_dispose;
  object_class->finalize = govorun_call_list_finalize;
  object_class->get_property = govorun_call_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT_EXACT] =
    g_param_spec_boolean ("count-exact", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_boxed ("summary", NULL, NULL, GOVORUN_TYPE_CALL_SUMMARY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_call_list_init (GovorunCallList *self)
{
  self->filter = govorun_call_filter_new ();
  self->descending = TRUE;
  self->count_exact = TRUE;
  self->count_cap = COUNT_CAP;
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) page_free);
  g_queue_init (&self->lru);
}

/**
 * govorun_call_list_new:
 * @store: an open #GovorunStore
 *
 * Returns: (transfer full): every call, newest first; the first query
 *   starts at once
 */
GovorunCallList *
govorun_call_list_new (GovorunStore *store)
{
  GovorunCallList *self;

  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);

  self = g_object_new (GOVORUN_TYPE_CALL_LIST, NULL);
  self->store = g_object_ref (store);
  requery (self);
  return self;
}

const GovorunCallFilter *
govorun_call_list_get_filter (GovorunCallList *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_LIST (self), NULL);

  return self->filter;
}

void
govorun_call_list_set_filter (GovorunCallList         *self,
                              const GovorunCallFilter *filter)
{
  g_return_if_fail (GOVORUN_IS_CALL_LIST (self));
  g_return_if_fail (filter != NULL);

  if (govorun_call_filter_equal (self->filter, filter))
    return;
  govorun_call_filter_free (self->filter);
  self->filter = govorun_call_filter_copy (filter);
  requery (self);
}

GovorunCallSortKey
govorun_call_list_get_sort (GovorunCallList *self,
                            gboolean        *out_descending)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_LIST (self), GOVORUN_CALL_SORT_STARTED_AT);

  if (out_descending != NULL)
    *out_descending = self->descending;
  return self->sort;
}

void
govorun_call_list_set_sort (GovorunCallList    *self,
                            GovorunCallSortKey  sort,
                            gboolean            descending)
{
  g_return_if_fail (GOVORUN_IS_CALL_LIST (self));

  descending = !!descending;
  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  requery (self);
}

void
govorun_call_list_refresh (GovorunCallList *self)
{
  g_return_if_fail (GOVORUN_IS_CALL_LIST (self));

  requery (self);
}

gboolean
govorun_call_list_get_count_exact (GovorunCallList *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_LIST (self), TRUE);

  return self->count_exact;
}

gboolean
govorun_call_list_get_loading (GovorunCallList *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_LIST (self), FALSE);

  return self->loading;
}

const GovorunCallSummary *
govorun_call_list_get_summary (GovorunCallList *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_LIST (self), NULL);

  return self->summary;
}

const GError *
govorun_call_list_get_error (GovorunCallList *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_LIST (self), NULL);

  return self->error;
}

void
govorun_call_list_set_count_cap (GovorunCallList *self,
                                 guint            cap)
{
  g_return_if_fail (GOVORUN_IS_CALL_LIST (self));
  g_return_if_fail (cap > 0);

  self->count_cap = cap;
}
