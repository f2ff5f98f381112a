/* test-call-sync-lookups.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-records.h"
#include "govorun-call-sync-lookups.h"
#include "store-test-util.h"

/* What the call sync asks the store before a write: the conversations it
 * holds, the join's fallback by number and time (the nearest one-sided row
 * of the other provider, never one row for two records, the phone call's
 * own fields kept), and the integrity check. */

#define T0 G_GINT64_CONSTANT (1790000000)

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

  f->dir = test_util_make_tmp_dir ("govorun-test-lookups-XXXXXX");
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

static GovorunCallRecord *
vox_call (gint64      session,
          gint64      start,
          const char *from,
          const char *to)
{
  GovorunCallRecord *record = govorun_call_record_new ();

  govorun_call_record_set_vox_session_id (record, session);
  govorun_call_record_set_started_at (record, start);
  govorun_call_record_set_duration (record, 30);
  govorun_call_record_set_from_number (record, from);
  govorun_call_record_set_to_number (record, to);
  govorun_call_record_set_status (record, GOVORUN_CALL_STATUS_ANSWERED);
  govorun_call_record_set_finish_reason (record, "Normal termination");
  govorun_call_record_set_vox_cost (record, 1.5, "RUB");
  return record;
}

static GovorunCallRecord *
el_call (const char *conversation,
         gint64      start,
         const char *from,
         const char *to)
{
  GovorunCallRecord *record = govorun_call_record_new ();
  g_autoptr(GPtrArray) turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);

  g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_AGENT, "Здравствуйте!", 0));
  govorun_call_record_set_el_conversation_id (record, conversation);
  govorun_call_record_set_started_at (record, start);
  govorun_call_record_set_duration (record, 27);
  govorun_call_record_set_from_number (record, from);
  govorun_call_record_set_to_number (record, to);
  govorun_call_record_set_status (record, GOVORUN_CALL_STATUS_ANSWERED);
  govorun_call_record_set_finish_reason (record, "end_call tool was called.");
  govorun_call_record_set_success (record, GOVORUN_CALL_SUCCESS_SUCCESS);
  govorun_call_record_set_el_cost (record, 40, "credits");
  govorun_call_record_set_transcript (record, turns);
  return record;
}

static void
upsert (Fixture   *f,
        GPtrArray *records)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_call_records_upsert_async (f->store, records, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (f->store, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static void
match (Fixture   *f,
       GPtrArray *records)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_call_sync_lookups_match_async (f->store, records, 120, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_sync_lookups_match_finish (f->store, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static GPtrArray *
array_of (GovorunCallRecord *first,
          ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (GovorunCallRecord *r = first; r != NULL; r = va_arg (args, GovorunCallRecord *))
    g_ptr_array_add (array, r);
  va_end (args);
  return array;
}

static void
test_conversations (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = array_of (el_call ("conv_a", T0, "79160000001", "74950000000"),
                                          vox_call (11, T0 + 100, "79160000002", "74950000000"),
                                          NULL);
  g_autoptr(GPtrArray) joined = array_of (el_call ("conv_b", T0 + 110, "79160000002", "74950000000"), NULL);
  const char *ids[] = { "conv_a", "conv_b", "conv_unknown", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) known = NULL;
  GovorunKnownConversation *a, *b;

  govorun_call_record_set_vox_session_id (g_ptr_array_index (joined, 0), 11);
  upsert (f, stored);
  upsert (f, joined);

  govorun_call_sync_lookups_conversations_async (f->store, ids, NULL, test_util_on_result, &result);
  known = govorun_call_sync_lookups_conversations_finish (f->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (known), ==, 2);
  a = g_hash_table_lookup (known, "conv_a");
  b = g_hash_table_lookup (known, "conv_b");
  g_assert_nonnull (a);
  g_assert_cmpuint (a->duration, ==, 27);
  g_assert_cmpint (a->success, ==, GOVORUN_CALL_SUCCESS_SUCCESS);
  g_assert_true (a->has_transcript);
  g_assert_false (a->has_vox);
  g_assert_nonnull (b);
  g_assert_true (b->has_vox);
  g_assert_null (g_hash_table_lookup (known, "conv_unknown"));
}

static void
test_match (Fixture       *f,
            gconstpointer  data)
{
  /* Stored: two phone calls from one caller four minutes apart, and a
   * widget conversation. */
  g_autoptr(GPtrArray) stored = array_of (vox_call (21, T0, "79160000003", "74950000000"),
                                          vox_call (22, T0 + 240, "79160000003", "74950000000"),
                                          el_call ("conv_widget", T0 + 5, NULL, NULL),
                                          NULL);
  g_autoptr(GPtrArray) page = NULL;
  GovorunCallRecord *first, *second, *twin, *other_caller, *widget;

  upsert (f, stored);
  first = el_call ("conv_1", T0 + 8, "79160000003", "74950000000");
  second = el_call ("conv_2", T0 + 250, "79160000003", "74950000000");
  twin = el_call ("conv_3", T0 + 9, "79160000003", "74950000000");
  other_caller = el_call ("conv_4", T0 + 8, "79160000004", "74950000000");
  widget = el_call ("conv_5", T0 + 8, NULL, NULL);
  page = array_of (first, second, twin, other_caller, widget, NULL);
  match (f, page);

  /* The nearest call of the same two numbers, each claimed once. */
  g_assert_cmpint (govorun_call_record_get_vox_session_id (first), ==, 21);
  g_assert_cmpint (govorun_call_record_get_vox_session_id (second), ==, 22);
  g_assert_cmpint (govorun_call_record_get_vox_session_id (twin), ==, 0);
  g_assert_cmpint (govorun_call_record_get_vox_session_id (other_caller), ==, 0);
  g_assert_cmpint (govorun_call_record_get_vox_session_id (widget), ==, 0);
  /* Joined to a stored call: the call's start, length, status and reason. */
  g_assert_cmpint (govorun_call_record_get_started_at (first), ==, 0);
  g_assert_cmpuint (govorun_call_record_get_duration (first), ==, 0);
  g_assert_cmpint (govorun_call_record_get_status (first), ==, GOVORUN_CALL_STATUS_UNKNOWN);
  g_assert_null (govorun_call_record_get_finish_reason (first));
  g_assert_cmpint (govorun_call_record_get_started_at (twin), ==, T0 + 9);

  /* The other way: a phone call finds the stored conversation. */
  {
    g_autoptr(GPtrArray) convs = array_of (el_call ("conv_6", T0 + 1000, "79160000007", "74950000000"), NULL);
    g_autoptr(GPtrArray) calls = array_of (vox_call (31, T0 + 990, "79160000007", "74950000000"),
                                           vox_call (32, T0 + 2000, "79160000007", "74950000000"),
                                           NULL);

    upsert (f, convs);
    match (f, calls);
    g_assert_cmpstr (govorun_call_record_get_el_conversation_id (g_ptr_array_index (calls, 0)), ==, "conv_6");
    /* Out of the tolerance. */
    g_assert_null (govorun_call_record_get_el_conversation_id (g_ptr_array_index (calls, 1)));
    /* A call's own record keeps its fields. */
    g_assert_cmpint (govorun_call_record_get_started_at (g_ptr_array_index (calls, 0)), ==, T0 + 990);
  }
}

static void
test_integrity (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  govorun_call_sync_lookups_check_integrity_async (f->store, NULL, test_util_on_result, &result);
  text = govorun_call_sync_lookups_check_integrity_finish (f->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "ok");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/call-sync-lookups/conversations", Fixture, NULL, fixture_setup, test_conversations, fixture_teardown);
  g_test_add ("/call-sync-lookups/match", Fixture, NULL, fixture_setup, test_match, fixture_teardown);
  g_test_add ("/call-sync-lookups/integrity", Fixture, NULL, fixture_setup, test_integrity, fixture_teardown);

  return g_test_run ();
}
