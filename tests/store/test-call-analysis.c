/* test-call-analysis.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ElevenLabs' analysis in the store (govorun-call-analysis-records.c and
 * the analysis condition of the calls filter): the Calls list filtered by
 * a criterion's result, by a collected value and by "is set", in SQL on
 * the values' index; the fields the history holds; and a period's counts
 * per criterion and value, each checked against the generated calls.
 */
#define G_LOG_DOMAIN "GovorunTestCallAnalysis"

#include "config.h"

#include <string.h>

#include "call-test-data.h"
#include "govorun-call-analysis-records.h"
#include "govorun-call-records.h"
#include "govorun-call-records-private.h"
#include "store-test-util.h"

#define N_CALLS 1200

static GovorunStore *store;

/* Every call @filter lists (ids of the generated calls: session - 1000000). */
static GArray *
listed (const GovorunCallFilter *filter,
        gint64                  *out_count)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  govorun_call_records_fetch_page_async (store, filter, GOVORUN_CALL_SORT_DURATION, TRUE, NULL, 0,
                                         N_CALLS + 1, TRUE, NULL, test_util_on_result, &result);
  records = govorun_call_records_fetch_page_finish (store, test_util_wait (&result), out_count,
                                                    &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      guint id = (guint) (govorun_call_record_get_vox_session_id (g_ptr_array_index (records, i)) - 1000000);

      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
holds (GArray *ids,
       guint   id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, guint, i) == id)
      return TRUE;
  return FALSE;
}

/* Calls [0, N_CALLS) that @pred accepts are exactly those listed. */
static void
assert_lists (const GovorunCallFilter *filter,
              gboolean               (*pred) (guint i))
{
  gint64 count = -1;
  g_autoptr(GArray) ids = listed (filter, &count);
  guint expected = 0;

  for (guint i = 0; i < N_CALLS; i++)
    {
      if (pred (i))
        {
          expected++;
          if (!holds (ids, i))
            g_error ("call %u is not listed", i);
        }
    }
  g_assert_cmpuint (ids->len, ==, expected);
  g_assert_cmpint (count, ==, expected);
  g_assert_cmpuint (expected, >, 0);
}

static gboolean
goal_reached (guint i)
{
  return call_test_is_answered (i) && i % 3 != 0;
}

static gboolean
goal_missed (guint i)
{
  return call_test_is_answered (i) && i % 3 == 0;
}

static gboolean
urgent (guint i)
{
  return call_test_is_answered (i) && g_str_equal (call_test_urgency (i), "высокая");
}

static gboolean
urgent_outbound (guint i)
{
  return urgent (i) && i % 4 == 0;
}

static gboolean
has_date (guint i)
{
  return call_test_is_answered (i) && i % 2 == 0;
}

static void
test_filter_criterion (void)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();

  filter->analysis_kind = GOVORUN_CALL_ANALYSIS_EVALUATION;
  filter->analysis_name = g_strdup ("goal_reached");
  filter->analysis_value = g_strdup ("success");
  assert_lists (filter, goal_reached);
  g_free (filter->analysis_value);
  filter->analysis_value = g_strdup ("failure");
  assert_lists (filter, goal_missed);

  /* A data item of the same name is another field. */
  filter->analysis_kind = GOVORUN_CALL_ANALYSIS_DATA;
  {
    g_autoptr(GArray) none = listed (filter, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_filter_value (void)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();

  filter->analysis_kind = GOVORUN_CALL_ANALYSIS_DATA;
  filter->analysis_name = g_strdup ("urgency");
  filter->analysis_value = g_strdup ("высокая");
  assert_lists (filter, urgent);
  /* With the page's other filters. */
  filter->direction = GOVORUN_CALL_DIRECTION_OUTBOUND;
  assert_lists (filter, urgent_outbound);
}

static void
test_filter_is_set (void)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();

  filter->analysis_kind = GOVORUN_CALL_ANALYSIS_DATA;
  filter->analysis_name = g_strdup ("appointment_date");
  assert_lists (filter, has_date);
}

static gboolean
sql_plan (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  char *plan = govorun_call_records_explain_page (db, data, GOVORUN_CALL_SORT_STARTED_AT, TRUE,
                                                  NULL, error);

  if (plan == NULL)
    return FALSE;
  *out_result = plan;
  *out_result_destroy = g_free;
  return TRUE;
}

/* The same filters with every condition counting as common: probed row
 * by row, the same calls. */
static void
test_filter_common (void)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  _govorun_call_records_set_analysis_common_matches (10);
  test_filter_criterion ();
  test_filter_value ();
  test_filter_is_set ();

  filter->analysis_kind = GOVORUN_CALL_ANALYSIS_DATA;
  filter->analysis_name = g_strdup ("urgency");
  filter->analysis_value = g_strdup ("низкая");
  govorun_store_read_async (store, sql_plan, filter, NULL, NULL, test_util_on_result, &result);
  plan = govorun_store_read_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_test_message ("%s", plan);
  /* The date order's index drives it; each row a seek in the values. */
  g_assert_nonnull (strstr (plan, "calls_started_at"));
  g_assert_nonnull (strstr (plan, "CORRELATED"));
  _govorun_call_records_set_analysis_common_matches (0);
}

/* The condition reads the values' index, never every call's analysis. */
static void
test_filter_plan (void)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  filter->analysis_kind = GOVORUN_CALL_ANALYSIS_DATA;
  filter->analysis_name = g_strdup ("urgency");
  filter->analysis_value = g_strdup ("низкая");
  govorun_store_read_async (store, sql_plan, filter, NULL, NULL, test_util_on_result, &result);
  plan = govorun_store_read_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "call_analysis_values"));
  g_assert_null (strstr (plan, "SCAN call_analysis"));
}

static const GovorunCallAnalysisField *
field_named (GPtrArray               *fields,
             GovorunCallAnalysisKind  kind,
             const char              *name)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const GovorunCallAnalysisField *field = g_ptr_array_index (fields, i);

      if (field->kind == kind && g_strcmp0 (field->name, name) == 0)
        return field;
    }
  g_error ("%s is not among the fields", name);
  return NULL;
}

static void
test_seen (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  const GovorunCallAnalysisField *field;

  govorun_call_analysis_records_seen_async (store, 2, NULL, test_util_on_result, &result);
  fields = govorun_call_analysis_records_seen_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  /* Criteria first, then the data items, by name. */
  g_assert_cmpuint (fields->len, ==, 3);
  field = g_ptr_array_index (fields, 0);
  g_assert_cmpstr (field->name, ==, "goal_reached");
  g_assert_cmpuint (field->values->len, ==, 2);
  g_assert_cmpstr (((GovorunCallAnalysisValue *) g_ptr_array_index (field->values, 0))->value, ==, "failure");
  g_assert_cmpstr (((GovorunCallAnalysisValue *) g_ptr_array_index (field->values, 1))->value, ==, "success");
  field = field_named (fields, GOVORUN_CALL_ANALYSIS_DATA, "urgency");
  /* Capped at 2, in order. */
  g_assert_cmpuint (field->values->len, ==, 2);
  g_assert_cmpstr (((GovorunCallAnalysisValue *) g_ptr_array_index (field->values, 0))->value, ==, "высокая");
  g_assert_cmpstr (((GovorunCallAnalysisValue *) g_ptr_array_index (field->values, 1))->value, ==, "низкая");
  g_assert_cmpstr (((GovorunCallAnalysisField *) g_ptr_array_index (fields, 1))->name, ==, "appointment_date");
}

/* A period's (and an agent's) calls per criterion result and value. */
static void
test_count (void)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const GovorunCallAnalysisField *goal, *urgency, *date;
  guint64 success = 0, failure = 0, answered = 0, dated = 0;
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  filter->started_from = CALL_TEST_BASE_TIME + 10 * 86400;
  filter->started_until = CALL_TEST_BASE_TIME + 40 * 86400;
  filter->agent_uuid = g_strdup ("agent-hotel");

  govorun_call_records_fetch_page_async (store, filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE, NULL, 0,
                                         N_CALLS + 1, FALSE, NULL, test_util_on_result, &result);
  records = govorun_call_records_fetch_page_finish (store, test_util_wait (&result), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint r = 0; r < records->len; r++)
    {
      guint i = (guint) (govorun_call_record_get_vox_session_id (g_ptr_array_index (records, r)) - 1000000);
      guint *n;

      if (!call_test_is_answered (i))
        continue;
      answered++;
      if (i % 3 != 0)
        success++;
      else
        failure++;
      dated += i % 2 == 0;
      n = g_hash_table_lookup (values, call_test_urgency (i));
      g_hash_table_insert (values, (gpointer) call_test_urgency (i), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
    }
  g_assert_cmpuint (answered, >, 10);

  govorun_call_analysis_records_count_async (store, filter, 10, NULL, test_util_on_result, &result);
  fields = govorun_call_analysis_records_count_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  goal = field_named (fields, GOVORUN_CALL_ANALYSIS_EVALUATION, "goal_reached");
  g_assert_cmpuint (goal->n_calls, ==, answered);
  g_assert_cmpuint (govorun_call_analysis_field_get_count (goal, "success"), ==, success);
  g_assert_cmpuint (govorun_call_analysis_field_get_count (goal, "failure"), ==, failure);
  date = field_named (fields, GOVORUN_CALL_ANALYSIS_DATA, "appointment_date");
  g_assert_cmpuint (date->n_calls, ==, answered);
  {
    guint64 set = 0;

    for (guint v = 0; v < date->values->len; v++)
      set += ((GovorunCallAnalysisValue *) g_ptr_array_index (date->values, v))->count;
    g_assert_cmpuint (set + date->n_other, ==, dated);
  }
  urgency = field_named (fields, GOVORUN_CALL_ANALYSIS_DATA, "urgency");
  g_assert_cmpuint (urgency->values->len, ==, g_hash_table_size (values));
  for (guint v = 0; v < urgency->values->len; v++)
    {
      const GovorunCallAnalysisValue *value = g_ptr_array_index (urgency->values, v);

      g_assert_cmpuint (value->count, ==,
                        GPOINTER_TO_UINT (g_hash_table_lookup (values, value->value)));
      /* Most frequent first. */
      if (v > 0)
        g_assert_cmpuint (value->count, <=,
                          ((GovorunCallAnalysisValue *) g_ptr_array_index (urgency->values, v - 1))->count);
    }
  g_hash_table_unref (values);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = test_util_make_tmp_dir ("govorun-call-analysis-XXXXXX");
  db = g_build_filename (dir, "govorun.db", NULL);
  store = store_test_open (db);
  call_test_fill (store, 0, N_CALLS, 400, FALSE);
  call_test_fill_analysis (store, 0, N_CALLS);

  g_test_add_func ("/Govorun/CallAnalysis/filter-criterion", test_filter_criterion);
  g_test_add_func ("/Govorun/CallAnalysis/filter-value", test_filter_value);
  g_test_add_func ("/Govorun/CallAnalysis/filter-is-set", test_filter_is_set);
  g_test_add_func ("/Govorun/CallAnalysis/filter-plan", test_filter_plan);
  g_test_add_func ("/Govorun/CallAnalysis/filter-common", test_filter_common);
  g_test_add_func ("/Govorun/CallAnalysis/seen", test_seen);
  g_test_add_func ("/Govorun/CallAnalysis/count", test_count);
  status = g_test_run ();

  govorun_store_close (store);
  g_clear_object (&store);
  test_util_rm_rf (dir);
  return status;
}
