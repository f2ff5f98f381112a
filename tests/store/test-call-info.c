/* test-call-info.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-records.h"
#include "store-test-util.h"

/* The details of a call (govorun-call-info-rows.c): written with the
 * upsert, read with the one-call fetch; a side that leaves a field unknown
 * keeps the other's; the analysis survives the join of two one-sided
 * rows. */

static void
upsert (GovorunStore      *store,
        GovorunCallRecord *record)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (records, g_object_ref (record));
  govorun_call_records_upsert_async (store, records, NULL, NULL, test_util_on_result, &result);
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
  return record;
}

static void
test_round_trip_and_join (void)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-test-call-info-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "govorun.db", NULL);
  g_autoptr(GovorunStore) store = store_test_open (path);
  g_autoptr(GovorunCallRecord) vox = govorun_call_record_new ();
  g_autoptr(GovorunCallRecord) el = govorun_call_record_new ();
  g_autoptr(GovorunCallRecord) both = govorun_call_record_new ();
  g_autoptr(GovorunCallRecord) fetched = NULL;
  g_autoptr(GovorunCallInfo) vox_details = govorun_call_info_new ();
  g_autoptr(GovorunCallInfo) el_details = govorun_call_info_new ();
  const GovorunCallInfo *details;
  const GovorunCallAnalysisItem *item;

  /* The Voximplant side: account, recording, end reason. */
  govorun_call_record_set_vox_session_id (vox, 555);
  govorun_call_record_set_started_at (vox, 1764547200);
  vox_details->vox_account_uuid = g_strdup ("vox-account");
  vox_details->record_url = g_strdup ("https://storage.example/records/1.mp3");
  vox_details->end_reason = g_strdup ("486 Busy Here");
  govorun_call_record_set_info (vox, vox_details);
  upsert (store, vox);

  /* The ElevenLabs side, as its own row first. */
  govorun_call_record_set_el_conversation_id (el, "conv_555");
  el_details->el_account_uuid = g_strdup ("el-account");
  el_details->el_has_audio = TRUE;
  el_details->el_termination_reason = g_strdup ("Client disconnected");
  el_details->summary_title = g_strdup ("Запись на приём");
  el_details->analysis = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_analysis_item_free);
  g_ptr_array_add (el_details->analysis,
                   govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_EVALUATION, "booked",
                                                   "success", "Пациент записан на среду."));
  g_ptr_array_add (el_details->analysis,
                   govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_DATA, "caller_name",
                                                   "Анна", NULL));
  govorun_call_record_set_info (el, el_details);
  upsert (store, el);

  fetched = fetch (store, govorun_call_record_get_id (el));
  details = govorun_call_record_get_info (fetched);
  g_assert_nonnull (details);
  g_assert_true (details->el_has_audio);
  g_assert_cmpuint (details->analysis->len, ==, 2);
  g_clear_object (&fetched);

  /* The join: a record carrying both ids and no details of its own. */
  govorun_call_record_set_vox_session_id (both, 555);
  govorun_call_record_set_el_conversation_id (both, "conv_555");
  upsert (store, both);
  g_assert_cmpint (govorun_call_record_get_id (both), ==, govorun_call_record_get_id (vox));

  fetched = fetch (store, govorun_call_record_get_id (both));
  details = govorun_call_record_get_info (fetched);
  g_assert_nonnull (details);
  g_assert_cmpstr (details->vox_account_uuid, ==, "vox-account");
  g_assert_cmpstr (details->record_url, ==, "https://storage.example/records/1.mp3");
  g_assert_cmpstr (details->end_reason, ==, "486 Busy Here");
  /* Analysis belongs to the conversation, so the join keeps it. */
  g_assert_cmpuint (details->analysis->len, ==, 2);
  item = g_ptr_array_index (details->analysis, 0);
  g_assert_cmpint (item->kind, ==, GOVORUN_CALL_ANALYSIS_EVALUATION);
  g_assert_cmpstr (item->name, ==, "booked");
  g_assert_cmpstr (item->result, ==, "success");
  g_assert_cmpstr (item->rationale, ==, "Пациент записан на среду.");
  item = g_ptr_array_index (details->analysis, 1);
  g_assert_cmpint (item->kind, ==, GOVORUN_CALL_ANALYSIS_DATA);
  g_assert_cmpstr (item->result, ==, "Анна");
  g_assert_null (item->rationale);

  govorun_store_close (store);
  test_util_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/call-info/round-trip-and-join", test_round_trip_and_join);
  return g_test_run ();
}
