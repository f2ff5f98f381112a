/* test-call-list.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCallList"

#include "config.h"

#include "call-test-data.h"
#include "govorun-call-list.h"
#include "govorun-call-list-private.h"
#include "govorun-call-records.h"
#include "store-test-util.h"

#define N_CALLS 350

typedef struct
{
  char            *dir;
  GovorunStore    *store;
  GovorunCallList *list;
  /* What a view knows of the list: the items as items-changed told it. */
  GPtrArray       *mirror;
  guint            changes;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  g_assert_cmpuint (position + removed, <=, f->mirror->len);
  g_ptr_array_remove_range (f->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (f->mirror->len, ==, g_list_model_get_n_items (model));
  f->changes++;
}

static void
wait_loaded (Fixture *f)
{
  while (govorun_call_list_get_loading (f->list))
    g_main_context_iteration (NULL, TRUE);
}

/* Loaded, and the count whole (a big history's first count is capped
 * until the summary comes). */
static void
wait_whole (Fixture *f)
{
  wait_loaded (f);
  while (!govorun_call_list_get_count_exact (f->list))
    g_main_context_iteration (NULL, TRUE);
}

/* Asks for every row, as a view scrolling through would, until none is a
 * placeholder; then the mirror must hold exactly the list's items. */
static void
load_everything (Fixture *f)
{
  gboolean any_placeholder = TRUE;
  guint n;

  wait_loaded (f);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  while (any_placeholder)
    {
      any_placeholder = FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GovorunCallRecord) item = g_list_model_get_item (G_LIST_MODEL (f->list), i);

          if (govorun_call_record_is_placeholder (item))
            any_placeholder = TRUE;
        }
      if (any_placeholder)
        g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpuint (f->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunCallRecord) item = g_list_model_get_item (G_LIST_MODEL (f->list), i);

      g_assert_true (g_ptr_array_index (f->mirror, i) == item);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), n));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_util_make_tmp_dir ("govorun-test-call-list-XXXXXX");
  path = g_build_filename (f->dir, "govorun.db", NULL);
  f->store = store_test_open (path);
  call_test_fill (f->store, 0, N_CALLS, 100, TRUE);

  f->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  f->list = govorun_call_list_new (f->store);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed), f);
  wait_loaded (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->list);
  g_clear_pointer (&f->mirror, g_ptr_array_unref);
  govorun_store_close (f->store);
  g_clear_object (&f->store);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
}

static GovorunCallRecord *
item_at (Fixture *f,
         guint    position)
{
  return g_ptr_array_index (f->mirror, position);
}

/* Row id of call i is i + 1 (call_test_fill inserts them in order). */
static guint
call_index (GovorunCallRecord *record)
{
  return (guint) govorun_call_record_get_id (record) - 1;
}

static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GovorunCallRecord) first = NULL;
  g_autoptr(GovorunCallRecord) far = NULL;
  const GovorunCallSummary *summary;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, N_CALLS);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == GOVORUN_TYPE_CALL_RECORD);

  /* The first page came with the count; the others wait to be asked for. */
  first = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  g_assert_false (govorun_call_record_is_placeholder (first));
  far = g_list_model_get_item (G_LIST_MODEL (f->list), 250);
  g_assert_true (govorun_call_record_is_placeholder (far));
  {
    /* The same placeholder each time it is asked for. */
    g_autoptr(GovorunCallRecord) again = g_list_model_get_item (G_LIST_MODEL (f->list), 250);

    g_assert_true (again == far);
  }

  load_everything (f);
  g_assert_false (govorun_call_record_is_placeholder (item_at (f, 250)));

  /* Newest first, ties by row, newest row first. */
  for (guint i = 1; i < N_CALLS; i++)
    {
      GovorunCallRecord *a = item_at (f, i - 1);
      GovorunCallRecord *b = item_at (f, i);

      g_assert_true (govorun_call_record_get_started_at (a) > govorun_call_record_get_started_at (b) ||
                     (govorun_call_record_get_started_at (a) == govorun_call_record_get_started_at (b) &&
                      govorun_call_record_get_id (a) > govorun_call_record_get_id (b)));
    }

  while (govorun_call_list_get_summary (f->list) == NULL)
    g_main_context_iteration (NULL, TRUE);
  summary = govorun_call_list_get_summary (f->list);
  g_assert_cmpuint (summary->count, ==, N_CALLS);
  g_assert_null (govorun_call_list_get_error (f->list));
}

static void
test_filter_changes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GovorunCallFilter) other = govorun_call_filter_new ();
  guint expected = 0, changes;

  for (guint i = 0; i < N_CALLS; i++)
    if (i % 4 == 0)
      expected++;

  load_everything (f);

  filter->direction = GOVORUN_CALL_DIRECTION_OUTBOUND;
  govorun_call_list_set_filter (f->list, filter);
  g_assert_true (govorun_call_list_get_loading (f->list));
  load_everything (f);
  g_assert_cmpuint (f->mirror->len, ==, expected);
  for (guint i = 0; i < f->mirror->len; i++)
    g_assert_cmpint (govorun_call_record_get_direction (item_at (f, i)), ==,
                     GOVORUN_CALL_DIRECTION_OUTBOUND);

  /* The same filter again: nothing to do. */
  changes = f->changes;
  govorun_call_list_set_filter (f->list, filter);
  g_assert_false (govorun_call_list_get_loading (f->list));
  g_assert_cmpuint (f->changes, ==, changes);

  /* Several changes before any answer: only the last one shows. */
  other->status = GOVORUN_CALL_STATUS_NO_ANSWER;
  govorun_call_list_set_filter (f->list, other);
  other->status = GOVORUN_CALL_FILTER_ANY;
  other->agent_uuid = g_strdup ("agent-hotel");
  govorun_call_list_set_filter (f->list, other);
  load_everything (f);
  expected = 0;
  for (guint i = 0; i < N_CALLS; i++)
    if (i % 3 == 1)
      expected++;
  g_assert_cmpuint (f->mirror->len, ==, expected);
  for (guint i = 0; i < f->mirror->len; i++)
    g_assert_cmpstr (govorun_call_record_get_agent_uuid (item_at (f, i)), ==, "agent-hotel");
  while (govorun_call_list_get_summary (f->list) == NULL ||
         govorun_call_list_get_summary (f->list)->count != expected)
    g_main_context_iteration (NULL, TRUE);

  /* Nothing matches: an empty list. */
  g_free (other->search);
  other->search = g_strdup ("такого нет ни в одном звонке");
  govorun_call_list_set_filter (f->list, other);
  load_everything (f);
  g_assert_cmpuint (f->mirror->len, ==, 0);

  /* And back to every call. */
  g_clear_pointer (&other, govorun_call_filter_free);
  other = govorun_call_filter_new ();
  govorun_call_list_set_filter (f->list, other);
  load_everything (f);
  g_assert_cmpuint (f->mirror->len, ==, N_CALLS);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  gboolean descending = FALSE;

  govorun_call_list_set_sort (f->list, GOVORUN_CALL_SORT_DURATION, FALSE);
  g_assert_cmpint (govorun_call_list_get_sort (f->list, &descending), ==, GOVORUN_CALL_SORT_DURATION);
  g_assert_false (descending);
  load_everything (f);
  g_assert_cmpuint (f->mirror->len, ==, N_CALLS);
  for (guint i = 1; i < N_CALLS; i++)
    g_assert_cmpuint (govorun_call_record_get_duration (item_at (f, i - 1)), <=,
                      govorun_call_record_get_duration (item_at (f, i)));

  govorun_call_list_set_sort (f->list, GOVORUN_CALL_SORT_COST, TRUE);
  load_everything (f);
  for (guint i = 1; i < N_CALLS; i++)
    {
      GovorunCallRecord *a = item_at (f, i - 1);
      GovorunCallRecord *b = item_at (f, i);

      g_assert_cmpfloat (govorun_call_record_get_vox_cost (a) + govorun_call_record_get_el_cost (a), >=,
                         govorun_call_record_get_vox_cost (b) + govorun_call_record_get_el_cost (b));
    }

  /* Sorted and filtered together. */
  {
    g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();

    filter->success = GOVORUN_CALL_SUCCESS_FAILURE;
    govorun_call_list_set_filter (f->list, filter);
    govorun_call_list_set_sort (f->list, GOVORUN_CALL_SORT_AGENT, FALSE);
    load_everything (f);
    g_assert_cmpuint (f->mirror->len, >, 0);
    for (guint i = 0; i < f->mirror->len; i++)
      g_assert_cmpint (govorun_call_record_get_success (item_at (f, i)), ==,
                       GOVORUN_CALL_SUCCESS_FAILURE);
    for (guint i = 1; i < f->mirror->len; i++)
      g_assert_cmpint (g_strcmp0 (govorun_call_record_get_agent_uuid (item_at (f, i - 1)),
                                  govorun_call_record_get_agent_uuid (item_at (f, i))), <=, 0);
  }
}

static void
test_search_russian (Fixture       *f,
                     gconstpointer  data)
{
  struct { const char *search; guint line; } cases[] = {
    { "гостиница", 2 },
    { "ДИАГНОСТИКА ходовой", 5 },
    { "записаться к терапевту", 1 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
      guint expected = 0;

      for (guint i = 0; i < N_CALLS; i++)
        if (call_test_has_line (i, cases[k].line))
          expected++;

      filter->search = g_strdup (cases[k].search);
      govorun_call_list_set_filter (f->list, filter);
      load_everything (f);
      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (f->mirror->len, ==, expected);
      for (guint i = 0; i < f->mirror->len; i++)
        g_assert_true (call_test_has_line (call_index (item_at (f, i)), cases[k].line));
    }

  /* A caller's number as people write it. */
  {
    g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();

    filter->search = g_strdup ("8 (916) 000-01-23");
    govorun_call_list_set_filter (f->list, filter);
    load_everything (f);
    g_assert_cmpuint (f->mirror->len, ==, 1);
    g_assert_cmpuint (call_index (item_at (f, 0)), ==, 123);
  }
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  load_everything (f);

  /* A sync brought more calls. */
  call_test_fill (f->store, N_CALLS, 120, 60, FALSE);
  g_assert_cmpuint (f->mirror->len, ==, N_CALLS);
  govorun_call_list_refresh (f->list);
  load_everything (f);
  g_assert_cmpuint (f->mirror->len, ==, N_CALLS + 120);
}

static gboolean
summary_of (Fixture *f,
            guint64  count)
{
  const GovorunCallSummary *summary = govorun_call_list_get_summary (f->list);

  return summary != NULL && summary->count == count;
}

/* A history bigger than the first count's cap: the rows come with the
 * capped count (a lower bound), then the summary's whole count grows the
 * list by items-changed at its end; a filter change starts capped again. */
static void
test_count_grows (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  guint expected = 0;

  govorun_call_list_set_count_cap (f->list, 100);
  govorun_call_list_refresh (f->list);
  wait_loaded (f);
  g_assert_cmpuint (f->mirror->len, >=, 100);
  while (!summary_of (f, N_CALLS))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (govorun_call_list_get_count_exact (f->list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, N_CALLS);
  load_everything (f);
  for (guint i = 1; i < N_CALLS; i++)
    g_assert_cmpint (govorun_call_record_get_started_at (item_at (f, i - 1)), >=,
                     govorun_call_record_get_started_at (item_at (f, i)));

  /* Answered calls: more than the cap, fewer than all. */
  filter->status = GOVORUN_CALL_STATUS_ANSWERED;
  for (guint i = 0; i < N_CALLS; i++)
    expected += i % 5 != 3;
  govorun_call_list_set_filter (f->list, filter);
  wait_loaded (f);
  while (!summary_of (f, expected))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, expected);
  load_everything (f);
  for (guint i = 0; i < expected; i++)
    g_assert_cmpint (govorun_call_record_get_status (item_at (f, i)), ==,
                     GOVORUN_CALL_STATUS_ANSWERED);

  /* Under the cap, the count is whole at once. */
  filter->search = g_strdup ("8 916 000-01-24");  /* call 124, answered */
  govorun_call_list_set_filter (f->list, filter);
  wait_loaded (f);
  g_assert_true (govorun_call_list_get_count_exact (f->list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 1);
}

/* More rows than the list keeps: scrolled from end to start and back, it
 * stays consistent with what it told the view. */
static void
test_many_pages (Fixture       *f,
                 gconstpointer  data)
{
  guint n;

  call_test_fill (f->store, N_CALLS, 8000, 1000, FALSE);
  govorun_call_list_refresh (f->list);
  wait_whole (f);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (n, ==, N_CALLS + 8000);

  for (guint round = 0; round < 2; round++)
    for (guint k = 0; k < n; k += 97)
      {
        guint position = round == 0 ? n - 1 - k : k;
        g_autoptr(GovorunCallRecord) item = g_list_model_get_item (G_LIST_MODEL (f->list), position);

        while (govorun_call_record_is_placeholder (item))
          {
            g_main_context_iteration (NULL, TRUE);
            g_clear_object (&item);
            item = g_list_model_get_item (G_LIST_MODEL (f->list), position);
          }
        g_assert_true (g_ptr_array_index (f->mirror, position) == item);
      }

  /* With no view holding rows, the list keeps a bounded number of pages:
   * after scrolling to the end, the first rows are placeholders again. */
  g_signal_handlers_disconnect_by_func (f->list, on_items_changed, f);
  g_ptr_array_set_size (f->mirror, 0);
  govorun_call_list_refresh (f->list);
  wait_whole (f);
  for (guint position = 0; position < n; position++)
    {
      g_autoptr(GovorunCallRecord) item = g_list_model_get_item (G_LIST_MODEL (f->list), position);

      while (govorun_call_record_is_placeholder (item))
        {
          g_main_context_iteration (NULL, TRUE);
          g_clear_object (&item);
          item = g_list_model_get_item (G_LIST_MODEL (f->list), position);
        }
    }
  {
    g_autoptr(GovorunCallRecord) first = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
    g_autoptr(GovorunCallRecord) last = g_list_model_get_item (G_LIST_MODEL (f->list), n - 1);

    g_assert_true (govorun_call_record_is_placeholder (first));
    g_assert_false (govorun_call_record_is_placeholder (last));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Govorun/Services/CallList/lazy", Fixture, NULL,
              fixture_setup, test_lazy, fixture_teardown);
  g_test_add ("/Govorun/Services/CallList/filter-changes", Fixture, NULL,
              fixture_setup, test_filter_changes, fixture_teardown);
  g_test_add ("/Govorun/Services/CallList/sort", Fixture, NULL,
              fixture_setup, test_sort, fixture_teardown);
  g_test_add ("/Govorun/Services/CallList/search-russian", Fixture, NULL,
              fixture_setup, test_search_russian, fixture_teardown);
  g_test_add ("/Govorun/Services/CallList/refresh", Fixture, NULL,
              fixture_setup, test_refresh, fixture_teardown);
  g_test_add ("/Govorun/Services/CallList/count-grows", Fixture, NULL,
              fixture_setup, test_count_grows, fixture_teardown);
  g_test_add ("/Govorun/Services/CallList/many-pages", Fixture, NULL,
              fixture_setup, test_many_pages, fixture_teardown);

  return g_test_run ();
}
