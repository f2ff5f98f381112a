/* ui-call-fixture.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-history.h"
#include "govorun-call-records.h"
#include "govorun-elevenlabs-emulator.h"
#include "govorun-sandbox.h"
#include "govorun-services-private.h"
#include "govorun-voximplant-emulator.h"
#include "test-util.h"
#include "ui-call-fixture.h"

static const char *
account_uuid (GovorunServices    *services,
              GovorunAccountKind  kind)
{
  GListModel *accounts = G_LIST_MODEL (govorun_services_get_accounts (services));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (accounts, i);

      if (govorun_account_get_kind (account) == kind)
        return govorun_account_get_uuid (account);
    }
  g_assert_not_reached ();
}

/* The call: the most recent answered one with a recording and at least
 * six lines, short enough to play through in a test. */
static gboolean
pick_call (GovorunCallHistory *history,
           GovorunHistoryCall *call)
{
  gint64 lo = govorun_call_history_index_at (history, govorun_call_history_get_start (history));
  gint64 hi = govorun_call_history_index_at (history, govorun_call_history_get_end (history));

  /* Started an hour ago at least: inside the sandbox's own window. */
  hi = govorun_call_history_index_at (history, govorun_call_history_get_end (history) - 3600);
  for (gint64 i = hi - 1; i >= lo; i--)
    {
      g_autoptr(GArray) turns = NULL;

      if (!govorun_call_history_get_call (history, i, 0, call) || call->record_id == 0 ||
          call->conversation_id[0] == '\0' || call->domain != GOVORUN_HISTORY_DOMAIN_CLINIC)
        continue;
      turns = govorun_call_history_get_turns (history, call);
      if (turns->len >= 6 && call->talk_secs <= 120)
        return TRUE;
    }
  return FALSE;
}

UiCallFixture *
ui_call_fixture_add (GovorunApplication *app)
{
  GovorunServices *services = govorun_application_get_services (app);
  GovorunSandbox *sandbox = govorun_application_get_sandbox (app);
  GovorunVoximplantEmulator *vox = govorun_sandbox_get_voximplant (sandbox);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  /* The demo history again, as the sandbox made it (the same seed, size and
   * agents give the same calls): the emulators keep serving theirs while
   * the application syncs it. */
  g_autoptr(GovorunCallHistory) history =
    govorun_call_history_new (GOVORUN_SANDBOX_HISTORY_SEED,
                              g_settings_get_uint (settings, "sandbox-history-size"), 90,
                              g_get_real_time () / G_USEC_PER_SEC);
  g_autoptr(GovorunCallRecord) record = govorun_call_record_new ();
  g_autoptr(GovorunCallInfo) info = govorun_call_info_new ();
  g_autoptr(GPtrArray) turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) history_turns = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  UiCallFixture *fixture = g_new0 (UiCallFixture, 1);
  const char * const *collected;
  GovorunHistoryCall hc;

  govorun_call_history_add_agent (history, "a1", GOVORUN_SANDBOX_DEMO_NUMBER,
                                  GOVORUN_HISTORY_DOMAIN_CLINIC, FALSE);
  govorun_call_history_add_agent (history, "a2", GOVORUN_SANDBOX_DEMO_NUMBER,
                                  GOVORUN_HISTORY_DOMAIN_CLINIC, TRUE);
  govorun_call_history_add_agent (history, "a3", GOVORUN_SANDBOX_DEMO_NUMBER,
                                  GOVORUN_HISTORY_DOMAIN_HOTEL, FALSE);
  g_assert_true (pick_call (history, &hc));

  fixture->offsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  history_turns = govorun_call_history_get_turns (history, &hc);
  for (guint i = 0; i < history_turns->len; i++)
    {
      const GovorunHistoryTurn *turn = &g_array_index (history_turns, GovorunHistoryTurn, i);
      gint64 offset = turn->time_in_call_secs * 1000;

      g_ptr_array_add (turns, govorun_call_turn_new (turn->agent ? GOVORUN_CALL_ROLE_AGENT
                                                                 : GOVORUN_CALL_ROLE_CALLER,
                                                     turn->message, offset));
      g_array_append_val (fixture->offsets, offset);
    }

  govorun_call_record_set_vox_session_id (record, hc.session_id);
  govorun_call_record_set_vox_call_id (record, hc.call_id);
  govorun_call_record_set_el_conversation_id (record, hc.conversation_id);
  govorun_call_record_set_direction (record, hc.incoming ? GOVORUN_CALL_DIRECTION_INBOUND
                                                         : GOVORUN_CALL_DIRECTION_OUTBOUND);
  govorun_call_record_set_from_number (record, hc.incoming ? hc.remote_number : hc.local_number);
  govorun_call_record_set_to_number (record, hc.incoming ? hc.local_number : hc.remote_number);
  govorun_call_record_set_started_at (record, hc.start);
  govorun_call_record_set_duration (record, hc.session_secs);
  govorun_call_record_set_status (record, GOVORUN_CALL_STATUS_ANSWERED);
  govorun_call_record_set_finish_reason (record, hc.finish_reason);
  govorun_call_record_set_success (record, GOVORUN_CALL_SUCCESS_SUCCESS);
  govorun_call_record_set_vox_cost (record, hc.call_cost + hc.record_cost, "RUB");
  govorun_call_record_set_el_cost (record, hc.el_cost, "credits");
  govorun_call_record_set_has_recording (record, TRUE);
  govorun_call_record_set_summary (record, govorun_call_history_get_summary (history, &hc));
  govorun_call_record_set_transcript (record, turns);

  info->vox_account_uuid = g_strdup (account_uuid (services, GOVORUN_ACCOUNT_KIND_VOXIMPLANT));
  info->el_account_uuid = g_strdup (account_uuid (services, GOVORUN_ACCOUNT_KIND_ELEVENLABS));
  info->record_url = g_strdup_printf ("%s/records/%d/%" G_GINT64_FORMAT ".wav",
                                      govorun_emulator_get_base_url (GOVORUN_EMULATOR (vox)),
                                      GOVORUN_SANDBOX_VOX_ACCOUNT_ID, hc.record_id);
  info->el_has_audio = TRUE;
  info->end_reason = g_strdup (hc.end_description);
  info->el_termination_reason = g_strdup ("Client disconnected: 1000");
  info->summary_title = g_strdup (govorun_call_history_get_title (history, &hc));
  info->main_language = g_strdup ("ru");
  info->analysis = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_analysis_item_free);
  g_ptr_array_add (info->analysis,
                   govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_EVALUATION, "appointment_booked",
                                                   "success",
                                                   "Пациентка записана к терапевту на четверг, 10:30."));
  collected = govorun_call_history_get_collected (history, &hc);
  for (guint i = 0; collected != NULL && collected[i] != NULL && collected[i + 1] != NULL; i += 2)
    g_ptr_array_add (info->analysis,
                     govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_DATA, collected[i],
                                                     collected[i + 1], NULL));
  govorun_call_record_set_info (record, info);

  g_ptr_array_add (records, g_object_ref (record));
  govorun_call_records_upsert_async (govorun_services_get_store (services), records, NULL, NULL,
                                     test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (govorun_services_get_store (services),
                                                     test_util_wait (&result), &error));
  g_assert_no_error (error);
  fixture->call_id = govorun_call_record_get_id (record);
  return fixture;
}

gint64
ui_call_fixture_add_hostile (GovorunApplication *app)
{
  GovorunServices *services = govorun_application_get_services (app);
  GovorunStore *store = govorun_services_get_store (services);
  g_autoptr(GovorunCallRecord) record = govorun_call_record_new ();
  g_autoptr(GovorunCallInfo) info = govorun_call_info_new ();
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_call_record_set_el_conversation_id (record, "conv_hostile_names");
  govorun_call_record_set_el_agent_name (record, UI_CALL_FIXTURE_HOSTILE_AGENT);
  govorun_call_record_set_direction (record, GOVORUN_CALL_DIRECTION_WEB);
  govorun_call_record_set_started_at (record, g_get_real_time () / G_USEC_PER_SEC - 3600);
  govorun_call_record_set_duration (record, 42);
  govorun_call_record_set_status (record, GOVORUN_CALL_STATUS_ANSWERED);
  govorun_call_record_set_summary (record, UI_CALL_FIXTURE_HOSTILE_VALUE);
  info->summary_title = g_strdup (UI_CALL_FIXTURE_HOSTILE_AGENT);
  info->analysis = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_analysis_item_free);
  g_ptr_array_add (info->analysis,
                   govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_EVALUATION,
                                                   UI_CALL_FIXTURE_HOSTILE_CRITERION, "success",
                                                   UI_CALL_FIXTURE_HOSTILE_VALUE));
  g_ptr_array_add (info->analysis,
                   govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_DATA, "urgency",
                                                   UI_CALL_FIXTURE_HOSTILE_VALUE, NULL));
  govorun_call_record_set_info (record, info);

  g_ptr_array_add (records, g_object_ref (record));
  govorun_call_records_upsert_async (store, records, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (store, test_util_wait (&result), &error));
  g_assert_no_error (error);
  return govorun_call_record_get_id (record);
}

void
ui_call_fixture_free (UiCallFixture *fixture)
{
  if (fixture == NULL)
    return;
  g_array_unref (fixture->offsets);
  g_free (fixture);
}
