/* store-test-util.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "govorun-call-records.h"
#include "store-test-util.h"

GovorunStore *
store_test_open (const char *path)
{
  g_autoptr(GovorunStore) store = govorun_store_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_store_open_async (store, NULL, test_util_on_result, &result);
  g_assert_true (govorun_store_open_finish (store, test_util_wait (&result), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

GovorunCallSummary *
store_test_summarize (GovorunStore            *store,
                      const GovorunCallFilter *filter)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallSummary *summary;

  govorun_call_records_summarize_async (store, filter, NULL, test_util_on_result, &result);
  summary = govorun_call_records_summarize_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  return summary;
}
