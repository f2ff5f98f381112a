/* test-calls.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCalls"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "call-test-data.h"
#include "govorun-call-records.h"
#include "govorun-call-search.h"
#include "govorun-call-sync-state.h"
#include "store-test-util.h"

#define N_CALLS 250

typedef struct
{
  char         *dir;
  GovorunStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_util_make_tmp_dir ("govorun-test-calls-XXXXXX");
  path = g_build_filename (f->dir, "govorun.db", NULL);
  f->store = store_test_open (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  govorun_store_close (f->store);
  g_clear_object (&f->store);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
}

static void
upsert (GovorunStore               *store,
        GovorunCallRecord          *record,
        const GovorunCallSyncState *state)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (records, g_object_ref (record));
  govorun_call_records_upsert_async (store, records, state, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (store, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static GovorunCallRecord *
fetch (GovorunStore *store,
       gint64        id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallRecord *record;

  govorun_call_records_fetch_async (store, id, NULL, test_util_on_result, &result);
  record = govorun_call_records_fetch_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static GPtrArray *
fetch_page (GovorunStore            *store,
            const GovorunCallFilter *filter,
            GovorunCallSortKey       sort,
            gboolean                 descending,
            GovorunCallRecord       *after,
            guint                    skip,
            guint                    limit,
            gint64                  *out_count)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  govorun_call_records_fetch_page_async (store, filter, sort, descending, after, skip, limit,
                                         out_count != NULL, NULL, test_util_on_result, &result);
  records = govorun_call_records_fetch_page_finish (store, test_util_wait (&result),
                                                    out_count, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

/* Every matching call, page after page by keyset. */
static GPtrArray *
fetch_all (GovorunStore            *store,
           const GovorunCallFilter *filter,
           GovorunCallSortKey       sort,
           gboolean                 descending,
           guint                    page_size)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  for (;;)
    {
      GovorunCallRecord *after = all->len > 0 ? g_ptr_array_index (all, all->len - 1) : NULL;
      g_autoptr(GPtrArray) page = fetch_page (store, filter, sort, descending, after, 0,
                                              page_size, NULL);

      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < page_size)
        return all;
    }
}

static guint
count_matching (GovorunStore            *store,
                const GovorunCallFilter *filter)
{
  g_autoptr(GovorunCallSummary) summary = store_test_summarize (store, filter);
  g_autoptr(GPtrArray) page = NULL;
  gint64 count = -1;

  page = fetch_page (store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE, NULL, 0, 1, &count);
  g_assert_cmpint (count, ==, (gint64) summary->count);
  return (guint) count;
}

/* --- search forms ----------------------------------------------------------- */

static void
test_search_forms (void)
{
  struct { const char *text; const char *query; } cases[] = {
    { "8 916 123-45-67", "\"89161234567\"" },
    { "+7 (916) 123 45 67", "\"79161234567\"" },
    { "916", "\"916\"" },
    { "91", NULL },
    { "", NULL },
    { "  ", NULL },
    { "Записаться на приём", "\"Записаться\" \"приём\"" },
    { "звонок 8916", "\"звонок\" \"8916\"" },
    { "скажи \"да\" OR NOT", "\"скажи\" \"NOT\"" },
    { "\"кавычки\", «ёлочки»", "\"кавычки\" \"ёлочки\"" },
    { "приём, (916)", "\"приём\" \"916\"" },
  };
  g_autofree char *ru = govorun_call_search_number_forms ("79161234567");
  g_autofree char *plus = govorun_call_search_number_forms ("+79161234567");
  g_autofree char *other = govorun_call_search_number_forms ("4930123456");
  g_autofree char *none = govorun_call_search_number_forms (NULL);

  g_assert_cmpstr (ru, ==, "79161234567 89161234567");
  g_assert_cmpstr (plus, ==, "79161234567 89161234567");
  g_assert_cmpstr (other, ==, "4930123456");
  g_assert_cmpstr (none, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = govorun_call_search_fts_query (cases[i].text);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

/* --- upserts ---------------------------------------------------------------- */

static void
assert_same_call (GovorunCallRecord *a,
                  GovorunCallRecord *b)
{
  g_assert_cmpint (govorun_call_record_get_vox_session_id (a), ==, govorun_call_record_get_vox_session_id (b));
  g_assert_cmpint (govorun_call_record_get_vox_call_id (a), ==, govorun_call_record_get_vox_call_id (b));
  g_assert_cmpstr (govorun_call_record_get_el_conversation_id (a), ==, govorun_call_record_get_el_conversation_id (b));
  g_assert_cmpstr (govorun_call_record_get_agent_uuid (a), ==, govorun_call_record_get_agent_uuid (b));
  g_assert_cmpint (govorun_call_record_get_direction (a), ==, govorun_call_record_get_direction (b));
  g_assert_cmpstr (govorun_call_record_get_from_number (a), ==, govorun_call_record_get_from_number (b));
  g_assert_cmpstr (govorun_call_record_get_to_number (a), ==, govorun_call_record_get_to_number (b));
  g_assert_cmpint (govorun_call_record_get_started_at (a), ==, govorun_call_record_get_started_at (b));
  g_assert_cmpuint (govorun_call_record_get_duration (a), ==, govorun_call_record_get_duration (b));
  g_assert_cmpint (govorun_call_record_get_status (a), ==, govorun_call_record_get_status (b));
  g_assert_cmpstr (govorun_call_record_get_finish_reason (a), ==, govorun_call_record_get_finish_reason (b));
  g_assert_cmpint (govorun_call_record_get_success (a), ==, govorun_call_record_get_success (b));
  g_assert_cmpfloat (govorun_call_record_get_vox_cost (a), ==, govorun_call_record_get_vox_cost (b));
  g_assert_cmpstr (govorun_call_record_get_vox_currency (a), ==, govorun_call_record_get_vox_currency (b));
  g_assert_cmpfloat (govorun_call_record_get_el_cost (a), ==, govorun_call_record_get_el_cost (b));
  g_assert_cmpstr (govorun_call_record_get_el_currency (a), ==, govorun_call_record_get_el_currency (b));
  g_assert_cmpint (govorun_call_record_get_has_recording (a), ==, govorun_call_record_get_has_recording (b));
}

static void
assert_same_transcript (GPtrArray *a,
                        GPtrArray *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const GovorunCallTurn *x = g_ptr_array_index (a, i);
      const GovorunCallTurn *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->role, ==, y->role);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpint (x->offset_ms, ==, y->offset_ms);
    }
}

static void
test_upsert_fetch (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunCallRecord) call = call_test_make (1, TRUE);
  g_autoptr(GovorunCallRecord) again = call_test_make (1, TRUE);
  g_autoptr(GovorunCallRecord) stored = NULL;
  g_autoptr(GovorunCallRecord) restored = NULL;
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  upsert (f->store, call, NULL);
  g_assert_cmpint (govorun_call_record_get_id (call), >, 0);
  stored = fetch (f->store, govorun_call_record_get_id (call));
  assert_same_call (stored, call);
  g_assert_cmpstr (govorun_call_record_get_summary (stored), ==, "Клиент записался на приём.");
  assert_same_transcript (govorun_call_record_get_transcript (stored),
                          govorun_call_record_get_transcript (call));

  /* Re-sync: the same row, unchanged. */
  upsert (f->store, again, NULL);
  g_assert_cmpint (govorun_call_record_get_id (again), ==, govorun_call_record_get_id (call));
  restored = fetch (f->store, govorun_call_record_get_id (call));
  assert_same_call (restored, call);
  assert_same_transcript (govorun_call_record_get_transcript (restored),
                          govorun_call_record_get_transcript (call));
  g_assert_cmpuint (count_matching (f->store, filter), ==, 1);

  /* A row that is not there. */
  govorun_call_records_fetch_async (f->store, 999, NULL, test_util_on_result, &result);
  g_assert_null (govorun_call_records_fetch_finish (f->store, test_util_wait (&result), &error));
  g_assert_error (error, GOVORUN_CALL_RECORDS_ERROR, GOVORUN_CALL_RECORDS_ERROR_NOT_FOUND);
}

static void
test_unknown_keeps (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunCallRecord) call = call_test_make (2, TRUE);
  g_autoptr(GovorunCallRecord) partial = govorun_call_record_new ();
  g_autoptr(GovorunCallRecord) stored = NULL;

  upsert (f->store, call, NULL);

  /* A later page knows only the status and the id: the rest stays. */
  govorun_call_record_set_vox_session_id (partial, govorun_call_record_get_vox_session_id (call));
  govorun_call_record_set_status (partial, GOVORUN_CALL_STATUS_FAILED);
  upsert (f->store, partial, NULL);
  g_assert_cmpint (govorun_call_record_get_id (partial), ==, govorun_call_record_get_id (call));

  stored = fetch (f->store, govorun_call_record_get_id (call));
  govorun_call_record_set_status (call, GOVORUN_CALL_STATUS_FAILED);
  assert_same_call (stored, call);
  assert_same_transcript (govorun_call_record_get_transcript (stored),
                          govorun_call_record_get_transcript (call));
}

static void
test_join (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GovorunCallRecord) vox = govorun_call_record_new ();
  g_autoptr(GovorunCallRecord) el = govorun_call_record_new ();
  g_autoptr(GovorunCallRecord) joined = govorun_call_record_new ();
  g_autoptr(GovorunCallRecord) stored = NULL;
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GPtrArray) turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);
  g_autoptr(GPtrArray) page = NULL;

  govorun_call_record_set_vox_session_id (vox, 42);
  govorun_call_record_set_from_number (vox, "79031112233");
  govorun_call_record_set_started_at (vox, CALL_TEST_BASE_TIME);
  govorun_call_record_set_duration (vox, 61);
  govorun_call_record_set_status (vox, GOVORUN_CALL_STATUS_ANSWERED);
  govorun_call_record_set_vox_cost (vox, 2.5, "RUB");
  upsert (f->store, vox, NULL);

  g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_AGENT, "Гостиница «Волга», слушаю.", 0));
  g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_CALLER, "Нужен номер на выходные.", 3200));
  govorun_call_record_set_el_conversation_id (el, "conv_widget");
  govorun_call_record_set_success (el, GOVORUN_CALL_SUCCESS_SUCCESS);
  govorun_call_record_set_el_cost (el, 321, "credits");
  govorun_call_record_set_transcript (el, turns);
  upsert (f->store, el, NULL);
  g_assert_cmpint (govorun_call_record_get_id (el), !=, govorun_call_record_get_id (vox));
  g_assert_cmpuint (count_matching (f->store, filter), ==, 2);

  /* The sync learns they are one call: one row with both sides. */
  govorun_call_record_set_vox_session_id (joined, 42);
  govorun_call_record_set_el_conversation_id (joined, "conv_widget");
  govorun_call_record_set_success (joined, GOVORUN_CALL_SUCCESS_SUCCESS);
  govorun_call_record_set_el_cost (joined, 321, "credits");
  upsert (f->store, joined, NULL);
  g_assert_cmpint (govorun_call_record_get_id (joined), ==, govorun_call_record_get_id (vox));
  g_assert_cmpuint (count_matching (f->store, filter), ==, 1);

  stored = fetch (f->store, govorun_call_record_get_id (vox));
  g_assert_cmpstr (govorun_call_record_get_el_conversation_id (stored), ==, "conv_widget");
  g_assert_cmpstr (govorun_call_record_get_from_number (stored), ==, "79031112233");
  g_assert_cmpuint (govorun_call_record_get_duration (stored), ==, 61);
  g_assert_cmpint (govorun_call_record_get_success (stored), ==, GOVORUN_CALL_SUCCESS_SUCCESS);
  g_assert_cmpfloat (govorun_call_record_get_vox_cost (stored), ==, 2.5);
  g_assert_cmpfloat (govorun_call_record_get_el_cost (stored), ==, 321);
  assert_same_transcript (govorun_call_record_get_transcript (stored), turns);

  /* Both halves are found by search: the number and the transcript. */
  g_free (filter->search);
  filter->search = g_strdup ("8 903 111-22-33 выходные");
  page = fetch_page (f->store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE, NULL, 0, 10, NULL);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpint (govorun_call_record_get_id (g_ptr_array_index (page, 0)), ==,
                   govorun_call_record_get_id (vox));
}

/* --- pages and filters ------------------------------------------------------ */

static GovorunCallSortKey sort_key;

static double
cost_of (GovorunCallRecord *r)
{
  return (govorun_call_record_get_vox_currency (r) ? govorun_call_record_get_vox_cost (r) : 0) +
         (govorun_call_record_get_el_currency (r) ? govorun_call_record_get_el_cost (r) : 0);
}

static int
compare_calls (gconstpointer pa,
               gconstpointer pb)
{
  GovorunCallRecord *a = *(GovorunCallRecord **) pa;
  GovorunCallRecord *b = *(GovorunCallRecord **) pb;
  int c = 0;

  switch (sort_key)
    {
    case GOVORUN_CALL_SORT_DURATION:
      c = (int) govorun_call_record_get_duration (a) - (int) govorun_call_record_get_duration (b);
      break;
    case GOVORUN_CALL_SORT_COST:
      c = cost_of (a) < cost_of (b) ? -1 : cost_of (a) > cost_of (b);
      break;
    case GOVORUN_CALL_SORT_STATUS:
      c = govorun_call_record_get_status (a) - govorun_call_record_get_status (b);
      break;
    case GOVORUN_CALL_SORT_DIRECTION:
      c = govorun_call_record_get_direction (a) - govorun_call_record_get_direction (b);
      break;
    case GOVORUN_CALL_SORT_SUCCESS:
      c = govorun_call_record_get_success (a) - govorun_call_record_get_success (b);
      break;
    case GOVORUN_CALL_SORT_AGENT:
      c = g_strcmp0 (govorun_call_record_get_agent_uuid (a), govorun_call_record_get_agent_uuid (b));
      break;
    case GOVORUN_CALL_SORT_STARTED_AT:
    default:
      break;
    }
  if (c == 0)
    c = (govorun_call_record_get_started_at (a) > govorun_call_record_get_started_at (b)) -
        (govorun_call_record_get_started_at (a) < govorun_call_record_get_started_at (b));
  if (c == 0)
    c = (govorun_call_record_get_id (a) > govorun_call_record_get_id (b)) -
        (govorun_call_record_get_id (a) < govorun_call_record_get_id (b));
  return c;
}

/* The generated calls, in store order (row i + 1 is call i). */
static GPtrArray *
expected_calls (void)
{
  GPtrArray *calls = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_CALLS; i++)
    {
      GovorunCallRecord *call = call_test_make (i, FALSE);

      govorun_call_record_set_id (call, i + 1);
      g_ptr_array_add (calls, call);
    }
  return calls;
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GPtrArray) expected = expected_calls ();

  call_test_fill (f->store, 0, N_CALLS, 64, TRUE);

  for (sort_key = GOVORUN_CALL_SORT_STARTED_AT; sort_key <= GOVORUN_CALL_SORT_AGENT; sort_key++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autoptr(GPtrArray) all = fetch_all (f->store, filter, sort_key, descending, 37);
        g_autoptr(GPtrArray) skipped = NULL;

        g_ptr_array_sort (expected, compare_calls);
        g_assert_cmpuint (all->len, ==, N_CALLS);
        for (guint i = 0; i < N_CALLS; i++)
          {
            guint j = descending ? N_CALLS - 1 - i : i;

            g_assert_cmpint (govorun_call_record_get_id (g_ptr_array_index (all, i)), ==,
                             govorun_call_record_get_id (g_ptr_array_index (expected, j)));
          }
        assert_same_call (g_ptr_array_index (all, 17),
                          g_ptr_array_index (expected, descending ? N_CALLS - 18 : 17));

        /* Keyset and skip together: 10 rows, 30 after row 50. */
        skipped = fetch_page (f->store, filter, sort_key, descending, g_ptr_array_index (all, 49),
                              30, 10, NULL);
        g_assert_cmpuint (skipped->len, ==, 10);
        for (guint i = 0; i < 10; i++)
          g_assert_true (g_ptr_array_index (skipped, i) != NULL &&
                         govorun_call_record_get_id (g_ptr_array_index (skipped, i)) ==
                         govorun_call_record_get_id (g_ptr_array_index (all, 80 + i)));
      }
}

static gboolean
matches (GovorunCallRecord       *call,
         const GovorunCallFilter *filter)
{
  gint64 started = govorun_call_record_get_started_at (call);

  return (filter->started_from == 0 || started >= filter->started_from) &&
         (filter->started_until == 0 || started < filter->started_until) &&
         (filter->status < 0 || (int) govorun_call_record_get_status (call) == filter->status) &&
         (filter->direction < 0 || (int) govorun_call_record_get_direction (call) == filter->direction) &&
         (filter->success < 0 || (int) govorun_call_record_get_success (call) == filter->success) &&
         (filter->agent_uuid == NULL ||
          g_strcmp0 (filter->agent_uuid, govorun_call_record_get_agent_uuid (call)) == 0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = expected_calls ();
  GovorunCallFilter filters[6];

  call_test_fill (f->store, 0, N_CALLS, 100, FALSE);

  for (guint k = 0; k < G_N_ELEMENTS (filters); k++)
    {
      GovorunCallFilter *filter = govorun_call_filter_new ();

      filters[k] = *filter;
      g_free (filter);
    }
  filters[0].status = GOVORUN_CALL_STATUS_NO_ANSWER;
  filters[1].direction = GOVORUN_CALL_DIRECTION_OUTBOUND;
  filters[2].success = GOVORUN_CALL_SUCCESS_FAILURE;
  filters[3].agent_uuid = (char *) "agent-hotel";
  filters[4].started_from = CALL_TEST_BASE_TIME + 86400 * 10;
  filters[4].started_until = CALL_TEST_BASE_TIME + 86400 * 40;
  filters[5].status = GOVORUN_CALL_STATUS_ANSWERED;
  filters[5].agent_uuid = (char *) "agent-clinic";
  filters[5].started_from = CALL_TEST_BASE_TIME + 86400 * 30;

  for (guint k = 0; k < G_N_ELEMENTS (filters); k++)
    {
      g_autoptr(GovorunCallSummary) summary = store_test_summarize (f->store, &filters[k]);
      g_autoptr(GPtrArray) all = NULL;
      guint64 count = 0, seconds = 0;
      double rub = 0;

      for (guint i = 0; i < N_CALLS; i++)
        {
          GovorunCallRecord *call = g_ptr_array_index (expected, i);

          if (matches (call, &filters[k]))
            {
              count++;
              seconds += govorun_call_record_get_duration (call);
              rub += govorun_call_record_get_vox_cost (call);
            }
        }
      g_assert_cmpuint (count, >, 0);
      g_assert_cmpuint (count, <, N_CALLS);
      g_assert_cmpuint (summary->count, ==, count);
      g_assert_cmpuint (summary->total_seconds, ==, seconds);
      g_assert_cmpuint (summary->costs->len, >=, 1);
      g_assert_cmpstr (((GovorunCallCost *) g_ptr_array_index (summary->costs, 0))->provider, ==, "voximplant");
      g_assert_cmpstr (((GovorunCallCost *) g_ptr_array_index (summary->costs, 0))->currency, ==, "RUB");
      g_assert_cmpfloat_with_epsilon (((GovorunCallCost *) g_ptr_array_index (summary->costs, 0))->amount,
                                      rub, 1e-6);

      all = fetch_all (f->store, &filters[k], GOVORUN_CALL_SORT_DURATION, TRUE, 40);
      g_assert_cmpuint (all->len, ==, count);
      for (guint i = 0; i < all->len; i++)
        g_assert_true (matches (g_ptr_array_index (all, i), &filters[k]));
    }
}

/* How many of the first @n calls hold line @line of call_test_lines. */
static guint
calls_with_line_below (guint line,
                       guint n)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (call_test_has_line (i, line))
      count++;
  return count;
}

static guint
calls_with_line (guint line)
{
  return calls_with_line_below (line, N_CALLS);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  struct { const char *search; guint expected; } cases[] = {
    /* Russian, any case, inside a word ("записаться", "приём"). */
    { "записаться", calls_with_line (1) },
    { "ЗАПИСАТЬСЯ", calls_with_line (1) },
    { "запис приём", calls_with_line (1) },
    { "Ходовой", calls_with_line (5) },
    { "номер на двоих", calls_with_line (3) },
    { "нет такого слова", 0 },
    /* Call 12's caller, 79160000012, in every form people type. */
    { "+7 916 000-00-12", 1 },
    { "8 (916) 0000012", 1 },
    { "9160000012", 1 },
    { "0000012", 1 },
    /* Every call was to 74951234567. */
    { "8 495 123", N_CALLS },
    /* Too short to look up: no narrowing. */
    { "да", N_CALLS },
  };

  call_test_fill (f->store, 0, N_CALLS, 100, TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_free (filter->search);
      filter->search = g_strdup (cases[k].search);
      g_test_message ("search “%s”", cases[k].search);
      g_assert_cmpuint (count_matching (f->store, filter), ==, cases[k].expected);
    }

  /* With a filter and a sort beside it. */
  g_free (filter->search);
  filter->search = g_strdup ("клиника");
  filter->direction = GOVORUN_CALL_DIRECTION_OUTBOUND;
  {
    g_autoptr(GPtrArray) all = fetch_all (f->store, filter, GOVORUN_CALL_SORT_COST, FALSE, 7);

    g_assert_cmpuint (all->len, >, 0);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpint (govorun_call_record_get_direction (g_ptr_array_index (all, i)), ==,
                       GOVORUN_CALL_DIRECTION_OUTBOUND);
  }
}

/* --- a first sync's bulk, settled but not indexed -------------------------------- */

static void
end_bulk (GovorunStore *store,
          gboolean      settle)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (settle)
    {
      govorun_call_records_settle_bulk_async (store, NULL, test_util_on_result, &result);
      g_assert_true (govorun_call_records_settle_bulk_finish (store, test_util_wait (&result),
                                                              &error));
    }
  else
    {
      govorun_call_records_finish_bulk_async (store, GOVORUN_CALL_BULK_END_SETTLED, NULL,
                                              test_util_on_result, &result);
      g_assert_true (govorun_call_records_finish_bulk_finish (store, test_util_wait (&result),
                                                              &error));
    }
  g_assert_no_error (error);
}

static gint64
count_sql (Fixture    *f,
           const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, "govorun.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Rows in which call_hourly and call_hourly_durations differ from a
 * GROUP BY over the calls (costs to a hundredth of a kopeck: they are
 * summed in another order). */
#define SUMS_DIFFER \
  "SELECT (SELECT COUNT(*) FROM (SELECT * FROM (SELECT started_at / 3600, agent_uuid, direction," \
  " status, success, COALESCE (vox_currency, ''), COALESCE (el_currency, ''), COUNT (*)," \
  " SUM (duration), ROUND (TOTAL (vox_cost), 4), ROUND (TOTAL (el_cost), 4) FROM calls" \
  " GROUP BY 1, 2, 3, 4, 5, 6, 7) EXCEPT SELECT hour, agent_uuid, direction, status, success," \
  " vox_currency, el_currency, calls, seconds, ROUND (vox_cost, 4), ROUND (el_cost, 4) FROM call_hourly))" \
  " + (SELECT COUNT(*) FROM (SELECT hour, agent_uuid, direction, status, success, vox_currency," \
  " el_currency, calls, seconds, ROUND (vox_cost, 4), ROUND (el_cost, 4) FROM call_hourly EXCEPT" \
  " SELECT started_at / 3600, agent_uuid, direction, status, success, COALESCE (vox_currency, '')," \
  " COALESCE (el_currency, ''), COUNT (*), SUM (duration), ROUND (TOTAL (vox_cost), 4)," \
  " ROUND (TOTAL (el_cost), 4) FROM calls GROUP BY 1, 2, 3, 4, 5, 6, 7))" \
  " + (SELECT COUNT(*) FROM (SELECT hour, agent_uuid, duration_bucket, calls FROM call_hourly_durations" \
  " EXCEPT SELECT started_at / 3600, agent_uuid, CASE WHEN duration < 15 THEN 0 WHEN duration < 30" \
  " THEN 1 WHEN duration < 60 THEN 2 WHEN duration < 120 THEN 3 WHEN duration < 300 THEN 4" \
  " WHEN duration < 600 THEN 5 ELSE 6 END, COUNT (*) FROM calls WHERE status = 1 GROUP BY 1, 2, 3))"

static void
upsert_bulk (GovorunStore *store,
             GPtrArray    *page)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_call_records_upsert_bulk_async (store, page, NULL, 120, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (store, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

/* The Overview's sums of a bulk: added page by page, or, after a page
 * that changed a row written before, counted again when it settles;
 * either way equal to a GROUP BY over the calls. */
static void
test_bulk_sums (Fixture       *f,
                gconstpointer  data)
{
  for (guint rewrite = 0; rewrite < 2; rewrite++)
    {
      if (rewrite)
        {
          fixture_teardown (f, NULL);
          fixture_setup (f, NULL);
        }
      for (guint start = 0; start < N_CALLS; start += 50)
        {
          g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = start; i < MIN (N_CALLS, start + 50); i++)
            g_ptr_array_add (page, call_test_make (i, FALSE));
          /* The first call again, longer. */
          if (rewrite && start == 100)
            {
              GovorunCallRecord *again = call_test_make (0, FALSE);

              govorun_call_record_set_duration (again, 4321);
              g_ptr_array_add (page, again);
            }
          upsert_bulk (f->store, page);
        }
      g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM call_bulk_ddl WHERE name = 'sums kept'"),
                       ==, rewrite ? 0 : 1);
      if (!rewrite)
        g_assert_cmpint (count_sql (f, SUMS_DIFFER), ==, 0);
      end_bulk (f->store, TRUE);
      g_assert_cmpint (count_sql (f, SUMS_DIFFER), ==, 0);
      g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM calls WHERE duration = 4321"), ==, rewrite);
      end_bulk (f->store, FALSE);
      g_assert_cmpint (count_sql (f, SUMS_DIFFER), ==, 0);
      g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM call_bulk_ddl"), ==, 0);
    }
}

/* What the list finds between a first sync's end (the bulk settled) and
 * the end of its indexing in the background: every search by number as
 * the index finds it afterwards, the sums and the Overview's aggregates,
 * every order. A finish of a bulk not settled does nothing. */
static void
test_search_while_indexing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  const char * const searches[] = {
    "+7 916 000-00-12", "8 (916) 0000012", "9160000012", "0000012", "8 495 123", "916 495",
    "79160000", "нет такого", "да", "0000012 0000013",
    /* Transcripts of the other sync's page only. */
    "ЗАПИСАТЬСЯ", "0000012 записаться",
  };
  guint expected[G_N_ELEMENTS (searches)];
  guint direction_count, n_pages = 0;
  gint64 rows;

  for (guint start = 0; start < N_CALLS; start += 100, n_pages++)
    {
      g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = start; i < MIN (N_CALLS, start + 100); i++)
        g_ptr_array_add (page, call_test_make (i, FALSE));
      govorun_call_records_upsert_bulk_async (f->store, page, NULL, 120, NULL, test_util_on_result,
                                              &result);
      g_assert_true (govorun_call_records_upsert_finish (f->store, test_util_wait (&result),
                                                         &error));
      g_assert_no_error (error);
      /* Not settled yet: a background finish leaves it. */
      if (n_pages == 0)
        {
          end_bulk (f->store, FALSE);
          g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM call_bulk_ddl"), >, 0);
        }
    }
  end_bulk (f->store, TRUE);

  /* Settled: the aggregates and the date order's index; the rest waits. */
  rows = count_sql (f, "SELECT COUNT(*) FROM calls");
  g_assert_cmpint (rows, ==, N_CALLS);
  g_assert_cmpint (count_sql (f, "SELECT SUM(calls) FROM call_hourly"), ==, rows);
  g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'calls_started_at'"), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'calls_duration'"), ==, 0);
  g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM calls_fts"), ==, 0);

  /* Another sync's page (the conversations, with transcripts) goes in
   * as always and leaves the bulk under way. */
  {
    g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 30; i++)
      g_ptr_array_add (page, call_test_make (i, TRUE));
    govorun_call_records_upsert_async (f->store, page, NULL, NULL, test_util_on_result, &result);
    g_assert_true (govorun_call_records_upsert_finish (f->store, test_util_wait (&result), &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM call_bulk_ddl"), >, 0);
    g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM call_turns"), >, 0);
    g_assert_cmpint (count_sql (f, "SELECT SUM(calls) FROM call_hourly"), ==, rows);
  }

  for (guint k = 0; k < G_N_ELEMENTS (searches); k++)
    {
      g_free (filter->search);
      filter->search = g_strdup (searches[k]);
      expected[k] = count_matching (f->store, filter);
      g_test_message ("search “%s” before indexing: %u", searches[k], expected[k]);
    }
  g_assert_cmpuint (expected[10], ==, calls_with_line_below (1, 30));
  g_assert_cmpuint (expected[10], >, 0);
  g_assert_cmpuint (expected[11], ==, call_test_has_line (12, 1) ? 1 : 0);
  g_assert_cmpuint (expected[0], ==, 1);
  g_assert_cmpuint (expected[4], ==, N_CALLS);
  g_assert_cmpuint (expected[7], ==, 0);
  g_assert_cmpuint (expected[8], ==, N_CALLS);
  g_assert_cmpuint (expected[9], ==, 0);
  g_free (filter->search);
  filter->search = g_strdup ("0000012");
  filter->direction = GOVORUN_CALL_DIRECTION_INBOUND;
  direction_count = count_matching (f->store, filter);
  {
    g_autoptr(GPtrArray) all = fetch_all (f->store, filter, GOVORUN_CALL_SORT_DURATION, TRUE, 7);

    g_assert_cmpuint (all->len, ==, direction_count);
  }

  /* Indexed: the same answers, now from the trigram index. */
  end_bulk (f->store, FALSE);
  g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM call_bulk_ddl"), ==, 0);
  g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM calls_fts"), ==, rows);
  g_assert_cmpint (count_sql (f, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'calls_duration'"), ==, 1);
  filter->direction = GOVORUN_CALL_FILTER_ANY;
  for (guint k = 0; k < G_N_ELEMENTS (searches); k++)
    {
      g_free (filter->search);
      filter->search = g_strdup (searches[k]);
      g_test_message ("search “%s” indexed", searches[k]);
      g_assert_cmpuint (count_matching (f->store, filter), ==, expected[k]);
    }
  g_free (filter->search);
  filter->search = g_strdup ("0000012");
  filter->direction = GOVORUN_CALL_DIRECTION_INBOUND;
  g_assert_cmpuint (count_matching (f->store, filter), ==, direction_count);
}

/* --- sync state ------------------------------------------------------------- */

static GovorunCallSyncState *
load_state (GovorunStore *store,
            const char   *account,
            const char   *provider)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallSyncState *state;

  govorun_call_sync_state_load_async (store, account, provider, NULL, test_util_on_result, &result);
  state = govorun_call_sync_state_load_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  return state;
}

static void
test_sync_state (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunCallSyncState) vox = govorun_call_sync_state_new ("acc-1", "voximplant",
                                                                     CALL_TEST_BASE_TIME, NULL);
  g_autoptr(GovorunCallSyncState) el = govorun_call_sync_state_new ("acc-1", "elevenlabs", 0,
                                                                    "cursor-2");
  g_autoptr(GovorunCallSyncState) none = load_state (f->store, "acc-1", "voximplant");
  g_autoptr(GovorunCallSyncState) got_vox = NULL;
  g_autoptr(GovorunCallSyncState) got_el = NULL;
  g_autoptr(GovorunCallSyncState) after_reset = NULL;
  g_autoptr(GovorunCallRecord) call = call_test_make (3, FALSE);
  g_autoptr(GovorunCallRecord) other = call_test_make (4, FALSE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (none->watermark, ==, 0);
  g_assert_null (none->cursor);

  /* The page and its watermark land together. */
  upsert (f->store, call, vox);
  upsert (f->store, other, el);
  got_vox = load_state (f->store, "acc-1", "voximplant");
  got_el = load_state (f->store, "acc-1", "elevenlabs");
  g_assert_cmpint (got_vox->watermark, ==, CALL_TEST_BASE_TIME);
  g_assert_null (got_vox->cursor);
  g_assert_cmpstr (got_el->cursor, ==, "cursor-2");

  govorun_call_sync_state_reset_async (f->store, "acc-1", NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_sync_state_reset_finish (f->store, test_util_wait (&result), &error));
  g_assert_no_error (error);
  after_reset = load_state (f->store, "acc-1", "voximplant");
  g_assert_cmpint (after_reset->watermark, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Store/Calls/search-forms", test_search_forms);
  g_test_add ("/Govorun/Store/Calls/upsert-fetch", Fixture, NULL,
              fixture_setup, test_upsert_fetch, fixture_teardown);
  g_test_add ("/Govorun/Store/Calls/unknown-keeps", Fixture, NULL,
              fixture_setup, test_unknown_keeps, fixture_teardown);
  g_test_add ("/Govorun/Store/Calls/join", Fixture, NULL,
              fixture_setup, test_join, fixture_teardown);
  g_test_add ("/Govorun/Store/Calls/pages", Fixture, NULL,
              fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/Govorun/Store/Calls/filters", Fixture, NULL,
              fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/Govorun/Store/Calls/search", Fixture, NULL,
              fixture_setup, test_search, fixture_teardown);
  g_test_add ("/Govorun/Store/Calls/search-while-indexing", Fixture, NULL,
              fixture_setup, test_search_while_indexing, fixture_teardown);
  g_test_add ("/Govorun/Store/Calls/bulk-sums", Fixture, NULL,
              fixture_setup, test_bulk_sums, fixture_teardown);
  g_test_add ("/Govorun/Store/Calls/sync-state", Fixture, NULL,
              fixture_setup, test_sync_state, fixture_teardown);

  return g_test_run ();
}
