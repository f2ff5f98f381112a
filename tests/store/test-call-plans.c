/* test-call-plans.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Calls list's hot queries read an index in the order they return
 * rows, so that a page costs the rows it shows, not the history's size:
 * EXPLAIN QUERY PLAN of the first and of a later page, for every sort and
 * each filter, never sorts in a temporary B-tree and never scans the
 * calls table. The exceptions are the searches, whose plan starts from
 * the trigram index: a rare search reads its few matches by rowid (listed
 * by the trigram index beforehand) and sorts them;
 * a common one (10,000 matches and more) reads the sort's index and
 * probes the trigram index row by row.
 */
#define G_LOG_DOMAIN "GovorunTestCallPlans"

#include "config.h"

#include <string.h>

#include "call-test-data.h"
#include "govorun-call-records-private.h"
#include "govorun-store-private.h"
#include "store-test-util.h"

typedef struct
{
  const GovorunCallFilter *filter;
  GovorunCallSortKey       sort;
  gboolean                 descending;
  GovorunCallRecord       *after;
} Explain;

static gboolean
sql_explain (sqlite3         *db,
             gpointer         data,
             gpointer        *out_result,
             GDestroyNotify  *out_result_destroy,
             GError         **error)
{
  Explain *explain = data;
  char *plan = govorun_call_records_explain_page (db, explain->filter, explain->sort,
                                                  explain->descending, explain->after, error);

  if (plan == NULL)
    return FALSE;
  *out_result = plan;
  *out_result_destroy = g_free;
  return TRUE;
}

static char *
explain_page (GovorunStore            *store,
              const GovorunCallFilter *filter,
              GovorunCallSortKey       sort,
              gboolean                 descending,
              GovorunCallRecord       *after)
{
  Explain explain = { filter, sort, descending, after };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *plan;

  govorun_store_read_async (store, sql_explain, &explain, NULL, NULL, test_util_on_result,
                            &result);
  plan = govorun_store_read_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  return plan;
}

static void
assert_indexed (const char *plan,
                const char *what)
{
  g_test_message ("%s:\n%s", what, plan);
  if (strstr (plan, "TEMP B-TREE") != NULL)
    g_error ("%s sorts in a temporary B-tree:\n%s", what, plan);
  if (strstr (plan, "SCAN calls\n") != NULL || g_str_has_suffix (plan, "SCAN calls"))
    g_error ("%s scans the calls table:\n%s", what, plan);
  if (strstr (plan, "calls USING") == NULL && strstr (plan, "calls_fts") == NULL)
    g_error ("%s reads no index of the calls:\n%s", what, plan);
}

static void
test_plans (void)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-test-call-plans-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "govorun.db", NULL);
  g_autoptr(GovorunStore) store = store_test_open (path);
  g_autoptr(GovorunCallRecord) anchor = call_test_make (7, FALSE);

  call_test_fill (store, 0, 300, 100, TRUE);
  govorun_call_record_set_id (anchor, 8);

  for (guint f = 0; f < 7; f++)
    for (GovorunCallSortKey sort = GOVORUN_CALL_SORT_STARTED_AT;
         sort <= GOVORUN_CALL_SORT_AGENT; sort++)
      for (guint page = 0; page < 2; page++)
        {
          g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
          g_autofree char *what = NULL;
          g_autofree char *plan = NULL;

          switch (f)
            {
            case 1: filter->status = GOVORUN_CALL_STATUS_NO_ANSWER; break;
            case 2: filter->direction = GOVORUN_CALL_DIRECTION_OUTBOUND; break;
            case 3: filter->success = GOVORUN_CALL_SUCCESS_FAILURE; break;
            case 4: filter->agent_uuid = g_strdup ("agent-hotel"); break;
            case 5:
              filter->started_from = CALL_TEST_BASE_TIME + 86400;
              filter->started_until = CALL_TEST_BASE_TIME + 8 * 86400;
              break;
            case 6:
              filter->status = GOVORUN_CALL_STATUS_ANSWERED;
              filter->agent_uuid = g_strdup ("agent-clinic");
              break;
            default:
              break;
            }
          what = g_strdup_printf ("filter %u, sort %d, page %u", f, sort, page);
          plan = explain_page (store, filter, sort, TRUE, page == 0 ? NULL : anchor);
          assert_indexed (plan, what);
          /* Unanswered calls sit at the short, cheap end of those orders. */
          if (f == 1 && (sort == GOVORUN_CALL_SORT_DURATION || sort == GOVORUN_CALL_SORT_COST))
            g_assert_nonnull (strstr (plan, sort == GOVORUN_CALL_SORT_DURATION
                                            ? "calls_status_duration" : "calls_status_cost"));
        }

  /* A rare search: its matches read by rowid. */
  {
    g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
    g_autofree char *plan = NULL;

    filter->search = call_test_caller_name (42);
    plan = explain_page (store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE, NULL);
    g_test_message ("rare search:\n%s", plan);
    g_assert_nonnull (strstr (plan, "calls USING INTEGER PRIMARY KEY"));
    g_assert_null (strstr (plan, "calls_started_at"));
  }

  test_util_rm_rf (dir);
}

/* 10,000 calls share a line: the page reads the date index in order and
 * probes the trigram index for each row. */
static void
test_common_search_plan (void)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-test-call-plans-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "govorun.db", NULL);
  g_autoptr(GovorunStore) store = store_test_open (path);
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autofree char *plan = NULL;

  /* Numbers only: every caller's number starts 7916, so "7916" is common. */
  call_test_fill (store, 0, 10000, 1000, FALSE);
  filter->search = g_strdup ("+7 916");
  plan = explain_page (store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE, NULL);
  g_test_message ("common search:\n%s", plan);
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_assert_nonnull (strstr (plan, "calls_started_at"));
  g_assert_nonnull (strstr (plan, "CORRELATED"));

  /* The index merged into one segment finds the same calls, and the first
   * page's count stops at its cap for a common search. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = NULL;
    gint64 count = 0;
    gboolean at_least = FALSE;

    govorun_call_records_optimize_search_async (store, NULL, test_util_on_result, &result);
    g_assert_true (govorun_call_records_optimize_search_finish (store, test_util_wait (&result),
                                                                &error));
    g_assert_no_error (error);
    g_clear_object (&result);

    govorun_call_records_fetch_first_page_async (store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                                                 100, 500, NULL, test_util_on_result, &result);
    rows = govorun_call_records_fetch_first_page_finish (store, test_util_wait (&result), &count,
                                                         &at_least, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 100);
    g_assert_cmpint (count, ==, 500);
    g_assert_true (at_least);
    for (guint i = 1; i < rows->len; i++)
      g_assert_cmpint (govorun_call_record_get_started_at (g_ptr_array_index (rows, i - 1)), >=,
                       govorun_call_record_get_started_at (g_ptr_array_index (rows, i)));

    g_clear_pointer (&rows, g_ptr_array_unref);
    g_clear_object (&result);
    g_free (filter->search);
    filter->search = g_strdup ("8 916 000-01-24");
    govorun_call_records_fetch_first_page_async (store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                                                 100, 500, NULL, test_util_on_result, &result);
    rows = govorun_call_records_fetch_first_page_finish (store, test_util_wait (&result), &count,
                                                         &at_least, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpint (count, ==, 1);
    g_assert_false (at_least);
    g_assert_cmpint (govorun_call_record_get_id (g_ptr_array_index (rows, 0)), ==, 125);
  }

  test_util_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Store/CallPlans/indexed", test_plans);
  g_test_add_func ("/Govorun/Store/CallPlans/common-search", test_common_search_plan);

  return g_test_run ();
}
