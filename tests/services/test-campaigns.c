/* test-campaigns.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCampaigns"

#include "config.h"

#include <sqlite3.h>

#include "call-sync-fixture.h"
#include "govorun-call-records.h"
#include "govorun-campaign-debt.h"
#include "govorun-campaign-schedule.h"
#include "govorun-campaign-zones.h"
#include "govorun-campaigns.h"
#include "govorun-provider-objects.h"
#include "govorun-russian-calendar.h"
#include "govorun-voximplant-client.h"

/*
 * The campaigns service against the sandbox's emulators over real HTTP:
 * a contact file prepared into a draft with its preflight, started as a
 * call list on the agent's outbound rule, paused, resumed, given more
 * contacts, cancelled, refreshed until finished; a lost CreateCallList
 * answer that never makes a second list; the calls in Calls with their
 * campaign and contact. And the calling hours' time zones.
 */

#define VOX GOVORUN_SANDBOX_VOX_ACCOUNT_ID

typedef struct
{
  CallSyncFixture   f;
  GovorunCampaigns *campaigns;
  GovorunAgent     *agent;
  char             *dir;
  gint64            rule_id;
  guint             finished;
  guint             contact_results;
  guint             stopped;
} Fixture;

static GovorunVoximplantEmulator *
vox_emu (Fixture *fx)
{
  return govorun_sandbox_get_voximplant (fx->f.s.sandbox);
}

static void
on_finished (GovorunCampaigns *campaigns,
             GovorunCampaign  *campaign,
             Fixture          *fx)
{
  fx->finished++;
}

static void
on_contact_result (GovorunCampaigns *campaigns,
                   gint64            campaign_rowid,
                   gint64            contact_rowid,
                   const char       *phone,
                   const char       *result,
                   guint             attempts,
                   Fixture          *fx)
{
  g_assert_cmpint (campaign_rowid, >, 0);
  g_assert_cmpint (contact_rowid, >, 0);
  g_assert_nonnull (phone);
  g_assert_cmpuint (attempts, >=, 1);
  fx->contact_results++;
}

static void
on_stopped (GovorunCampaigns *campaigns,
            GovorunCampaign  *campaign,
            const char       *reason,
            Fixture          *fx)
{
  g_assert_nonnull (reason);
  fx->stopped++;
}

/* An application and an outbound rule on the emulator, recorded as the
 * agent's as the provisioner records them. */
static void
add_outbound_rule (Fixture *fx)
{
  g_autoptr(GovorunVoximplantClient) client = NULL;
  g_autoptr(GovorunVoximplantApplication) app = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rule_id = NULL;
  GovorunProviderObjectChanges *changes;
  gint64 account_row = 0, scenario_id;
  g_autoptr(GPtrArray) objects = NULL;

  govorun_client_factory_voximplant_async (fx->f.s.factory, fx->f.vox, NULL, NULL, test_util_on_result, &result);
  client = govorun_client_factory_voximplant_finish (fx->f.s.factory, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  govorun_voximplant_client_add_application_async (client, "gv-reminder", FALSE, NULL, test_util_on_result,
                                                   &result);
  app = govorun_voximplant_client_add_application_finish (client, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  govorun_voximplant_client_add_scenario_async (client, "gv-reminder-outbound", "// outbound",
                                                app->application_id, NULL, test_util_on_result, &result);
  scenario_id = govorun_voximplant_client_add_scenario_finish (client, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  govorun_voximplant_client_add_rule_async (client, app->application_id, "gv-reminder-outbound", ".*", scenario_id,
                                            NULL, test_util_on_result, &result);
  fx->rule_id = govorun_voximplant_client_add_rule_finish (client, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fx->rule_id, >, 0);
  g_clear_object (&result);

  govorun_provider_objects_list_async (fx->f.s.store, govorun_account_get_uuid (fx->f.vox),
                                       govorun_agent_get_uuid (fx->agent), NULL, test_util_on_result, &result);
  objects = govorun_provider_objects_list_finish (fx->f.s.store, test_util_wait (&result), &account_row, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  changes = govorun_provider_object_changes_new ();
  rule_id = g_strdup_printf ("%" G_GINT64_FORMAT, fx->rule_id);
  govorun_provider_object_changes_record (changes, "rule", "gv-reminder-outbound");
  govorun_provider_object_changes_set_id (changes, "rule", "gv-reminder-outbound", rule_id);
  govorun_provider_objects_write_async (fx->f.s.store, account_row, govorun_agent_get_uuid (fx->agent), changes,
                                        NULL, test_util_on_result, &result);
  g_assert_true (govorun_provider_objects_write_finish (fx->f.s.store, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GovorunCallHistory) history = call_sync_fixture_make_history (20, 2, call_sync_fixture_end ());
  g_autoptr(GovorunAgent) draft = govorun_agent_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) variables = NULL;
  g_autofree char *el_agent = NULL;
  GovorunAgentStore *agents;

  call_sync_fixture_start (&fx->f, history, TRUE);
  /* The sandbox's dialer runs on real time; the tests move its clock
   * themselves, so that every step is deterministic. */
  govorun_voximplant_emulator_set_call_list_speed (vox_emu (fx), 0);
  fx->dir = test_util_make_tmp_dir ("govorun-test-campaigns-XXXXXX");
  govorun_http_set_retry (fx->f.s.http, 2, 1);
  govorun_http_set_timeout (fx->f.s.http, 2000);

  el_agent = govorun_elevenlabs_emulator_add_agent (govorun_sandbox_get_elevenlabs (fx->f.s.sandbox),
                                                    "Напоминание",
                                                    "Здравствуйте, {{name}}! Напоминаем о визите {{date}}.", "ru");
  agents = govorun_services_get_agents (fx->f.s.services);
  govorun_agent_set_name (draft, "Напоминания");
  govorun_agent_set_vox_account_uuid (draft, govorun_account_get_uuid (fx->f.vox));
  govorun_agent_set_el_account_uuid (draft, govorun_account_get_uuid (fx->f.el));
  govorun_agent_set_el_agent_id (draft, el_agent);
  govorun_agent_set_outbound (draft, TRUE);
  govorun_agent_store_save_async (agents, draft, NULL, test_util_on_result, &result);
  fx->agent = govorun_agent_store_save_finish (agents, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  add_outbound_rule (fx);

  fx->campaigns = g_object_ref (govorun_services_get_campaigns (fx->f.s.services));
  g_assert_nonnull (fx->campaigns);
  g_signal_connect (fx->campaigns, "campaign-finished", G_CALLBACK (on_finished), fx);
  g_signal_connect (fx->campaigns, "campaign-stopped", G_CALLBACK (on_stopped), fx);
  g_signal_connect (fx->campaigns, "contact-result", G_CALLBACK (on_contact_result), fx);

  govorun_campaigns_agent_variables_async (fx->campaigns, govorun_agent_get_uuid (fx->agent), NULL,
                                           test_util_on_result, &result);
  variables = govorun_campaigns_agent_variables_finish (fx->campaigns, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (variables), ==, 2);
  g_assert_cmpstr (variables[0], ==, "date");
  g_assert_cmpstr (variables[1], ==, "name");
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fx->campaigns, fx);
  g_clear_object (&fx->campaigns);
  g_clear_object (&fx->agent);
  test_util_rm_rf (fx->dir);
  g_free (fx->dir);
  call_sync_fixture_stop (&fx->f);
}

static GFile *
write_file (Fixture    *fx,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Row 1 is the header; rows 2–9 the contacts. */
static const char contacts_csv[] =
  "Имя;Телефон;Дата визита;Город\n"
  "Анна;8 916 123-45-67;12 декабря;Москва\n"          /* 2 */
  "Борис;12;13 декабря;Москва\n"                       /* 3: too short */
  "Вера;+7 (916) 123 45 67;14 декабря;Москва\n"       /* 4: row 2 again */
  "Глеб;+7 903 765-43-21;15 декабря;Москва\n"         /* 5: do not call */
  ";+7 423 222-33-44;16 декабря;Владивосток\n"        /* 6: no name */
  "Дина;+7 343 222-33-44;;Екатеринбург\n"              /* 7: no date */
  "Егор;+49 30 1234567;17 декабря;Berlin\n"           /* 8 */
  "Жанна;9261112233;18 декабря;Москва\n";             /* 9 */

static GovorunCampaign *
new_draft (Fixture *fx)
{
  GovorunCampaign *campaign = govorun_campaign_new ();

  govorun_campaign_set_name (campaign, "Напоминания о визитах");
  govorun_campaign_set_agent_id (campaign, govorun_agent_get_uuid (fx->agent));
  govorun_campaign_set_caller_number (campaign, "+74993334455");
  govorun_campaign_set_concurrency (campaign, 3);
  govorun_campaign_set_attempts (campaign, 2);
  govorun_campaign_set_retry_interval_minutes (campaign, 10);
  /* All day, every day: the emulator's clock may be at any hour. */
  govorun_campaign_set_window_start (campaign, 0);
  govorun_campaign_set_window_end (campaign, 0);
  govorun_campaign_set_allowed_days (campaign, GOVORUN_CAMPAIGN_ALL_DAYS);
  govorun_campaign_set_zone_mode (campaign, GOVORUN_CAMPAIGN_ZONE_NUMBER);
  return campaign;
}

typedef struct
{
  guint64 last;
  guint   calls;
} ProgressSeen;

static void
on_progress (guint64  done,
             guint64  estimate,
             gpointer user_data)
{
  ProgressSeen *seen = user_data;

  g_assert_cmpuint (done, >=, seen->last);
  seen->last = done;
  seen->calls++;
}

static GovorunPreflight *
prepare (Fixture         *fx,
         GovorunCampaign *campaign,
         GFile           *file,
         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GovorunImportPreview) preview = NULL;
  g_autoptr(GovorunColumnMapping) mapping = NULL;
  ProgressSeen seen = { 0 };

  govorun_campaigns_preview_async (fx->campaigns, file, NULL, NULL, test_util_on_result, &result);
  preview = govorun_campaigns_preview_finish (fx->campaigns, test_util_wait (&result), error);
  if (preview == NULL)
    return NULL;
  g_clear_object (&result);
  mapping = govorun_campaigns_suggest_mapping (fx->campaigns, preview, govorun_agent_get_uuid (fx->agent));
  govorun_campaigns_prepare_async (fx->campaigns, file, NULL, mapping, campaign, on_progress, &seen, NULL, NULL,
                                   test_util_on_result, &result);
  return govorun_campaigns_prepare_finish (fx->campaigns, test_util_wait (&result), error);
}

static void
add_do_not_call (Fixture    *fx,
                 const char *number)
{
  GovorunDoNotCall *dnc = govorun_services_get_do_not_call (fx->f.s.services);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Its first load runs on its own; let it land. */
  while (!govorun_do_not_call_get_loaded (dnc))
    g_main_context_iteration (NULL, TRUE);
  govorun_do_not_call_add_async (dnc, number, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_do_not_call_add_finish (dnc, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static void
test_preflight (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fx, "contacts.csv", contacts_csv);
  g_autoptr(GFile) invalid = NULL;
  g_autoptr(GovorunCampaign) campaign = new_draft (fx);
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GovorunImportPreview) preview = NULL;
  g_autoptr(GovorunColumnMapping) mapping = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  GListModel *issues;
  GString *seen = g_string_new (NULL);
  g_autofree char *seen_text = NULL;

  add_do_not_call (fx, "+79037654321");

  govorun_campaigns_preview_async (fx->campaigns, file, NULL, NULL, test_util_on_result, &result);
  preview = govorun_campaigns_preview_finish (fx->campaigns, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (govorun_import_preview_get_n_columns (preview), ==, 4);
  g_assert_cmpstr (govorun_import_preview_get_columns (preview)[2], ==, "Дата визита");
  g_assert_cmpuint (govorun_import_preview_get_n_rows (preview), ==, 8);
  g_assert_cmpstr (govorun_import_preview_get_encoding (preview), ==, "UTF-8");
  g_assert_cmpint (govorun_import_preview_get_row_estimate (preview), ==, 8);

  /* The phone by its title, the variables by their Russian labels. */
  mapping = govorun_campaigns_suggest_mapping (fx->campaigns, preview, govorun_agent_get_uuid (fx->agent));
  g_assert_cmpint (govorun_column_mapping_get_phone_column (mapping), ==, 1);
  g_assert_cmpint (govorun_column_mapping_get_variable (mapping, "name"), ==, 0);
  g_assert_cmpint (govorun_column_mapping_get_variable (mapping, "date"), ==, 2);

  preflight = prepare (fx, campaign, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_preflight_get_rows (preflight), ==, 8);
  g_assert_cmpuint (govorun_preflight_get_valid (preflight), ==, 5);
  g_assert_cmpuint (govorun_preflight_get_invalid (preflight), ==, 1);
  g_assert_cmpuint (govorun_preflight_get_duplicates (preflight), ==, 1);
  g_assert_cmpuint (govorun_preflight_get_do_not_call (preflight), ==, 1);
  g_assert_cmpuint (govorun_preflight_get_missing_variables (preflight), ==, 2);
  g_assert_cmpfloat (govorun_preflight_get_estimated_minutes (preflight), >, 0);
  g_assert_nonnull (govorun_preflight_get_cost_assumption (preflight));
  g_assert_cmpint (govorun_preflight_get_estimated_finish (preflight), >, 0);
  g_assert_cmpuint (govorun_campaign_get_total (campaign), ==, 5);
  g_assert_true (govorun_campaigns_lookup (fx->campaigns, govorun_campaign_get_id (campaign)) == campaign);

  /* The issues name the rows as the spreadsheet numbers them. */
  issues = govorun_preflight_get_issues (preflight);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(GovorunPreflightIssue) issue = g_list_model_get_item (issues, i);

      g_string_append_printf (seen, "%" G_GINT64_FORMAT ":%d ", govorun_preflight_issue_get_row (issue),
                              govorun_preflight_issue_get_kind (issue));
      g_assert_nonnull (govorun_preflight_issue_get_reason (issue));
    }
  seen_text = g_string_free (seen, FALSE);
  g_assert_cmpstr (seen_text, ==, "3:0 4:1 5:2 6:3 7:3 ");
  {
    g_autoptr(GovorunPreflightIssue) duplicate = g_list_model_get_item (issues, 1);

    g_assert_cmpstr (govorun_preflight_issue_get_reason (duplicate), ==, "The same number as row 2.");
  }

  /* The rows left out, with the reason, ready to fix. */
  path = g_build_filename (fx->dir, "left-out.csv", NULL);
  invalid = g_file_new_for_path (path);
  govorun_campaigns_export_invalid_async (fx->campaigns, campaign, invalid, NULL, test_util_on_result, &result);
  g_assert_true (govorun_campaigns_export_invalid_finish (fx->campaigns, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "3;Invalid number;The number is too short.;Борис;12;13 декабря;Москва"));
  g_assert_nonnull (strstr (text, "Глеб"));
  g_assert_null (strstr (text, "Анна"));

  /* The mapping is remembered for the agent. */
  g_clear_object (&mapping);
  mapping = govorun_campaigns_suggest_mapping (fx->campaigns, preview, govorun_agent_get_uuid (fx->agent));
  g_assert_cmpint (govorun_column_mapping_get_phone_column (mapping), ==, 1);
}

/* The cost estimate uses what the caller number's earlier calls cost a
 * minute when there are some, and says so; else the stated assumption. */
static void
test_price_from_history (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fx, "contacts.csv", contacts_csv);
  g_autoptr(GovorunCampaign) first = new_draft (fx);
  g_autoptr(GovorunCampaign) second = new_draft (fx);
  g_autoptr(GovorunPreflight) assumed = NULL;
  g_autoptr(GovorunPreflight) known = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  assumed = prepare (fx, first, file, &error);
  g_assert_no_error (error);
  g_assert_false (govorun_preflight_get_price_known (assumed));
  g_assert_cmpstr (govorun_preflight_get_currency (assumed), ==, "USD");
  g_assert_nonnull (strstr (govorun_preflight_get_cost_assumption (assumed), "not known"));

  /* Two calls from the campaign's number: 4 minutes for 0.40 RUB in all. */
  for (guint i = 0; i < 2; i++)
    {
      GovorunCallRecord *call = govorun_call_record_new ();

      govorun_call_record_set_vox_session_id (call, 7001 + i);
      govorun_call_record_set_direction (call, GOVORUN_CALL_DIRECTION_OUTBOUND);
      govorun_call_record_set_from_number (call, "+74993334455");
      govorun_call_record_set_to_number (call, "+79161234567");
      govorun_call_record_set_started_at (call, 1796400000 + i * 600);
      govorun_call_record_set_duration (call, 120);
      govorun_call_record_set_status (call, GOVORUN_CALL_STATUS_ANSWERED);
      govorun_call_record_set_vox_cost (call, 0.2, "RUB");
      g_ptr_array_add (records, call);
    }
  govorun_call_records_upsert_async (fx->f.s.store, records, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (fx->f.s.store, test_util_wait (&result), &error));
  g_assert_no_error (error);

  known = prepare (fx, second, file, &error);
  g_assert_no_error (error);
  g_assert_true (govorun_preflight_get_price_known (known));
  g_assert_cmpstr (govorun_preflight_get_currency (known), ==, "RUB");
  g_assert_cmpfloat_with_epsilon (govorun_preflight_get_estimated_cost (known),
                                  govorun_preflight_get_estimated_minutes (known) * 0.1, 1e-9);
  g_assert_nonnull (strstr (govorun_preflight_get_cost_assumption (known), "0.100 RUB"));
  g_assert_nonnull (strstr (govorun_preflight_get_cost_assumption (known), "2 earlier calls"));
}

static void
test_bad_file (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fx, "nobody.csv", "Имя;Телефон\nАнна;12\nБорис;abc\n");
  g_autoptr(GovorunCampaign) campaign = new_draft (fx);
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GError) error = NULL;

  /* Nobody to call: nothing is saved. */
  preflight = prepare (fx, campaign, file, &error);
  g_assert_null (preflight);
  g_assert_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NO_CONTACTS);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_campaigns_get_model (fx->campaigns)), ==, 0);
}

static gboolean
run_op (Fixture         *fx,
        void           (*op) (GovorunCampaigns *, GovorunCampaign *, GCancellable *, GAsyncReadyCallback, gpointer),
        gboolean       (*finish) (GovorunCampaigns *, GAsyncResult *, GError **),
        GovorunCampaign *campaign,
        GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  op (fx->campaigns, campaign, NULL, test_util_on_result, &result);
  return finish (fx->campaigns, test_util_wait (&result), error);
}

#define START(fx, c, e)   run_op (fx, govorun_campaigns_start_async, govorun_campaigns_start_finish, c, e)
#define PAUSE(fx, c, e)   run_op (fx, govorun_campaigns_pause_async, govorun_campaigns_pause_finish, c, e)
#define RESUME(fx, c, e)  run_op (fx, govorun_campaigns_resume_async, govorun_campaigns_resume_finish, c, e)
#define CANCEL(fx, c, e)  run_op (fx, govorun_campaigns_cancel_async, govorun_campaigns_cancel_finish, c, e)
#define REFRESH(fx, c, e) run_op (fx, govorun_campaigns_refresh_async, govorun_campaigns_refresh_finish, c, e)

static GovorunCampaign *
prepared (Fixture *fx)
{
  g_autoptr(GFile) file = write_file (fx, "contacts.csv", contacts_csv);
  GovorunCampaign *campaign = new_draft (fx);
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GError) error = NULL;

  add_do_not_call (fx, "+79037654321");
  preflight = prepare (fx, campaign, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_preflight_get_valid (preflight), ==, 5);
  return campaign;
}

/* The lists on the emulator named after @campaign. */
static guint
count_lists (Fixture         *fx,
             GovorunCampaign *campaign)
{
  g_autoptr(GovorunVoximplantClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autofree char *name = g_strdup_printf ("govorun-%s", govorun_campaign_get_id (campaign));

  govorun_client_factory_voximplant_async (fx->f.s.factory, fx->f.vox, NULL, NULL, test_util_on_result, &result);
  client = govorun_client_factory_voximplant_finish (fx->f.s.factory, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  govorun_voximplant_client_get_call_lists_async (client, name, 0, 0, 0, NULL, test_util_on_result, &result);
  lists = govorun_voximplant_client_get_call_lists_finish (client, test_util_wait (&result), NULL, &error);
  g_assert_no_error (error);
  return lists->len;
}

/* Reads the contacts model until its first page came. */
static char *
contact_statuses (Fixture         *fx,
                  GovorunCampaign *campaign)
{
  g_autoptr(GListModel) contacts = govorun_campaigns_get_contacts (fx->campaigns, campaign);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (contacts);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunCampaignContact) contact = g_list_model_get_item (contacts, i);

      while (govorun_campaign_contact_get_phone (contact) == NULL && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_string_append_printf (out, "%" G_GINT64_FORMAT "=%d ", govorun_campaign_contact_get_row (contact),
                              govorun_campaign_contact_get_status (contact));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_run_to_the_end (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GovorunCampaign) campaign = prepared (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) results = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *statuses = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  /* Prepared an hour ago, started now: its start is now. */
  govorun_campaign_set_created_at (campaign, before - 3600);
  g_assert_true (START (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_RUNNING);
  g_assert_cmpint (govorun_campaign_get_start_at (campaign), >=, before);
  g_assert_cmpint (govorun_campaign_get_start_at (campaign), <=, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpint (govorun_campaign_get_list_id (campaign), >, 0);
  g_assert_cmpuint (count_lists (fx, campaign), ==, 1);

  /* Two days of the dialer's clock: every contact is done. */
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 2 * 86400);
  g_assert_true (REFRESH (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_campaign_get_done (campaign), ==, 5);
  g_assert_cmpuint (govorun_campaign_get_total (campaign), ==, 5);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_FINISHED);
  g_assert_cmpuint (govorun_campaign_get_answered (campaign), >=, govorun_campaign_get_successful (campaign));
  g_assert_cmpuint (fx->finished, ==, 1);
  /* Each contact's result once, for the integrations; not again on the
   * next refresh. */
  g_assert_cmpuint (fx->contact_results, ==, 5);
  g_assert_true (REFRESH (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->contact_results, ==, 5);

  statuses = contact_statuses (fx, campaign);
  g_assert_nonnull (strstr (statuses, "2="));
  g_assert_null (strstr (statuses, "=0 "));
  g_assert_null (strstr (statuses, "=1 "));

  /* The calls reach Calls with their campaign and contact. */
  g_assert_true (call_sync_fixture_run (&fx->f, &error));
  g_assert_no_error (error);
  {
    g_autofree char *db_path = call_sync_fixture_db_path (&fx->f);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "SELECT COUNT (*), COUNT (DISTINCT k.id) FROM calls l"
                                         " JOIN campaign_contacts k ON k.id = l.contact_id"
                                         " JOIN campaigns c ON c.id = l.campaign_id AND c.id = k.campaign_id"
                                         " WHERE c.uuid = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, govorun_campaign_get_id (campaign), -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), >=, 5);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 5);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* Results, each contact with its call in Calls. */
  path = g_build_filename (fx->dir, "results.csv", NULL);
  results = g_file_new_for_path (path);
  govorun_campaigns_export_results_async (fx->campaigns, campaign, results, GOVORUN_CAMPAIGN_EXPORT_CSV, NULL,
                                          test_util_on_result, &result);
  g_assert_true (govorun_campaigns_export_results_finish (fx->campaigns, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "+79161234567"));
  g_assert_true (strstr (text, "Processed") != NULL || strstr (text, "Error") != NULL);
  g_clear_object (&result);
  {
    g_autofree char *xlsx_path = g_build_filename (fx->dir, "results.xlsx", NULL);
    g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
    g_autoptr(GFileInfo) info = NULL;

    govorun_campaigns_export_results_async (fx->campaigns, campaign, xlsx, GOVORUN_CAMPAIGN_EXPORT_XLSX, NULL,
                                            test_util_on_result, &result);
    g_assert_true (govorun_campaigns_export_results_finish (fx->campaigns, test_util_wait (&result), &error));
    g_assert_no_error (error);
    info = g_file_query_info (xlsx, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_file_info_get_size (info), >, 1000);
  }
}

/* The last attempts of @campaign's contacts (0: none), after a refresh. */
static GArray *
last_attempts (Fixture         *fx,
               GovorunCampaign *campaign)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;
  GArray *out = g_array_new (FALSE, TRUE, sizeof (gint64));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (REFRESH (fx, campaign, &error));
  g_assert_no_error (error);
  contacts = govorun_campaigns_get_contacts (fx->campaigns, campaign);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(GovorunCampaignContact) contact = g_list_model_get_item (contacts, i);
      gint64 last;

      /* The page comes from the store. */
      while (govorun_campaign_contact_get_phone (contact) == NULL && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      last = govorun_campaign_contact_get_last_attempt (contact);
      g_array_append_val (out, last);
    }
  return out;
}

/* A Monday–Friday campaign (Moscow, 09:00–21:00) starting on Friday at
 * 20:59:30 (at most three short calls fit before 21:00): the dialer opens
 * its daily UTC window on Saturday and Sunday too (a call list has no
 * weekly schedule), but every session then is moved on to Monday 09:00 by
 * the row's schedule; nobody is called before Monday. */
static void
test_weekdays_only (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fx, "contacts.csv", contacts_csv);
  g_autoptr(GovorunCampaign) campaign = new_draft (fx);
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) moscow = g_time_zone_new_identifier ("Europe/Moscow");
  g_autoptr(GDateTime) now = g_date_time_new_now (moscow);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 7 + (5 - g_date_time_get_day_of_week (now) + 7) % 7);
  g_autoptr(GDateTime) friday = NULL;
  g_autoptr(GArray) by_friday = NULL;
  g_autoptr(GArray) by_monday = NULL;
  g_autoptr(GArray) on_monday = NULL;
  gint64 start, saturday, monday, clock;
  guint called_friday = 0, called_monday = 0;
  int y, m, d;

  g_date_time_get_ymd (later, &y, &m, &d);
  friday = g_date_time_new (moscow, y, m, d, 20, 59, 30);
  g_assert_cmpint (g_date_time_get_day_of_week (friday), ==, 5);
  start = g_date_time_to_unix (friday);
  saturday = start + 30;                  /* Friday 21:00 */
  monday = saturday + 2 * 86400 + 12 * 3600;  /* Monday 09:00 */

  govorun_campaign_set_window_start (campaign, 9 * 60);
  govorun_campaign_set_window_end (campaign, 21 * 60);
  govorun_campaign_set_allowed_days (campaign, GOVORUN_CAMPAIGN_WEEKDAYS);
  govorun_campaign_set_zone_mode (campaign, GOVORUN_CAMPAIGN_ZONE_CAMPAIGN);
  govorun_campaign_set_time_zone (campaign, "Europe/Moscow");
  govorun_campaign_set_concurrency (campaign, 1);
  govorun_campaign_set_start_at (campaign, start);
  add_do_not_call (fx, "+79037654321");
  preflight = prepare (fx, campaign, file, &error);
  g_assert_no_error (error);
  g_assert_true (START (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_SCHEDULED);

  /* The emulator's clock starts at the real now: on to Friday 21:00. */
  clock = g_get_real_time () / G_USEC_PER_SEC;
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), saturday - clock);
  by_friday = last_attempts (fx, campaign);
  for (guint i = 0; i < by_friday->len; i++)
    {
      gint64 last = g_array_index (by_friday, gint64, i);

      g_assert_true (last == 0 || (last >= start && last < saturday));
      called_friday += last != 0;
    }
  g_assert_cmpuint (called_friday, >=, 1);
  g_assert_cmpuint (called_friday, <, 5);

  /* The weekend: sessions start (the UTC window opens daily), none dials. */
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), monday - saturday - 60);
  by_monday = last_attempts (fx, campaign);
  for (guint i = 0; i < by_monday->len; i++)
    g_assert_cmpint (g_array_index (by_monday, gint64, i), ==, g_array_index (by_friday, gint64, i));
  g_assert_cmpuint (govorun_voximplant_emulator_get_deferred_sessions (vox_emu (fx)), >=, 5 - called_friday);

  /* Monday: the calls come. */
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 3 * 3600);
  on_monday = last_attempts (fx, campaign);
  for (guint i = 0; i < on_monday->len; i++)
    {
      gint64 last = g_array_index (on_monday, gint64, i);

      g_assert_true (last < saturday || last >= monday);
      called_monday += last >= monday;
    }
  g_assert_cmpuint (called_monday, >=, 5 - called_friday);
}

static void
test_pause_resume_append_cancel (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GovorunCampaign) campaign = prepared (fx);
  g_autoptr(GovorunCampaign) other = NULL;
  g_autoptr(GFile) more = write_file (fx, "more.csv",
                                      "Имя;Телефон;Дата визита;Город\n"
                                      "Зоя;+7 916 555-66-77;19 декабря;Москва\n"
                                      "Анна;8 916 123 45 67;12 декабря;Москва\n"  /* in the campaign */
                                      "Ирина;+7 916 555-66-78;20 декабря;Москва\n");
  g_autoptr(GovorunImportPreview) preview = NULL;
  g_autoptr(GovorunColumnMapping) mapping = NULL;
  g_autoptr(GovorunPreflight) added = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (START (fx, campaign, &error));
  g_assert_no_error (error);
  /* Stopped, but the answer is lost: the campaign is paused all the same. */
  {
    GovorunFault lost = { .drop_connection = TRUE, .after_handling = TRUE, .times = 1 };

    govorun_emulator_add_fault (GOVORUN_EMULATOR (vox_emu (fx)), "StopCallListProcessing", &lost);
  }
  g_assert_true (PAUSE (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_PAUSED);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (vox_emu (fx)), "StopCallListProcessing"),
                    ==, 2);

  /* Paused: the dialer's day passes without a call. */
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 86400);
  g_assert_true (REFRESH (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_campaign_get_done (campaign), ==, 0);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_PAUSED);

  /* Pausing twice is refused, not sent. */
  g_assert_false (PAUSE (fx, campaign, &error));
  g_assert_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE);
  g_clear_error (&error);

  /* More contacts while paused: the one already in the campaign is a
   * repeat. */
  govorun_campaigns_preview_async (fx->campaigns, more, NULL, NULL, test_util_on_result, &result);
  preview = govorun_campaigns_preview_finish (fx->campaigns, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  mapping = govorun_campaigns_suggest_mapping (fx->campaigns, preview, govorun_agent_get_uuid (fx->agent));
  govorun_campaigns_append_async (fx->campaigns, campaign, more, NULL, mapping, NULL, test_util_on_result,
                                  &result);
  added = govorun_campaigns_append_finish (fx->campaigns, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_preflight_get_valid (added), ==, 2);
  g_assert_cmpuint (govorun_preflight_get_duplicates (added), ==, 1);
  g_assert_cmpuint (govorun_campaign_get_total (campaign), ==, 7);

  g_assert_true (RESUME (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_RUNNING);
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 2 * 86400);
  g_assert_true (REFRESH (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_campaign_get_done (campaign), ==, 7);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_FINISHED);

  /* Another campaign cancelled before it called anyone. */
  other = prepared (fx);
  g_assert_true (START (fx, other, &error));
  g_assert_no_error (error);
  g_assert_true (CANCEL (fx, other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (other), ==, GOVORUN_CAMPAIGN_STATE_CANCELLED);
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 86400);
  g_assert_false (RESUME (fx, other, &error));
  g_assert_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE);
  g_assert_cmpuint (govorun_campaign_get_done (other), ==, 0);
}

static void
test_lost_answer (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GovorunCampaign) campaign = prepared (fx);
  g_autoptr(GError) error = NULL;
  GovorunFault lost = { 0 };
  GovorunFault down = { 0 };

  /* CreateCallList is carried out, its answer lost; the lookup by name
   * fails too, so the start fails "creating". */
  lost.drop_connection = TRUE;
  lost.after_handling = TRUE;
  lost.times = 1;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (vox_emu (fx)), "CreateCallList", &lost);
  down.http_status = 503;
  down.times = 10;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (vox_emu (fx)), "GetCallLists", &down);
  g_assert_false (START (fx, campaign, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_DRAFT);
  govorun_emulator_clear_faults (GOVORUN_EMULATOR (vox_emu (fx)));
  g_assert_cmpuint (count_lists (fx, campaign), ==, 1);

  /* As after a restart: the services are built again over the database,
   * and the start finds the list instead of making a second. */
  {
    g_autofree char *id = g_strdup (govorun_campaign_get_id (campaign));
    g_autoptr(GAsyncResult) result = NULL;
    GovorunCampaign *again;

    g_signal_handlers_disconnect_by_data (fx->campaigns, fx);
    g_clear_object (&fx->campaigns);
    g_clear_object (&fx->agent);
    call_sync_fixture_reopen (&fx->f);
    fx->campaigns = g_object_ref (govorun_services_get_campaigns (fx->f.s.services));
    g_signal_connect (fx->campaigns, "campaign-finished", G_CALLBACK (on_finished), fx);
    g_signal_connect (fx->campaigns, "campaign-stopped", G_CALLBACK (on_stopped), fx);
    while ((again = govorun_campaigns_lookup (fx->campaigns, id)) == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (START (fx, again, &error));
    g_assert_no_error (error);
    g_assert_cmpint (govorun_campaign_get_state (again), ==, GOVORUN_CAMPAIGN_STATE_RUNNING);
    g_assert_cmpuint (count_lists (fx, again), ==, 1);
    govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 2 * 86400);
    g_assert_true (REFRESH (fx, again, &error));
    g_assert_no_error (error);
    /* Nobody twice: five contacts, five tasks. */
    g_assert_cmpuint (govorun_campaign_get_total (again), ==, 5);
    g_assert_cmpuint (govorun_campaign_get_done (again), ==, 5);
  }
}

static void
test_lost_answer_found_at_once (Fixture       *fx,
                                gconstpointer  data)
{
  g_autoptr(GovorunCampaign) campaign = prepared (fx);
  g_autoptr(GError) error = NULL;
  GovorunFault lost = { 0 };

  /* The answer lost, the list found by its name straight away. */
  lost.drop_connection = TRUE;
  lost.after_handling = TRUE;
  lost.times = 1;
  govorun_emulator_add_fault (GOVORUN_EMULATOR (vox_emu (fx)), "CreateCallList", &lost);
  g_assert_true (START (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_lists (fx, campaign), ==, 1);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (vox_emu (fx)), "CreateCallList"), ==, 1);
}

static void
test_draft_settings (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GovorunCampaign) campaign = prepared (fx);
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 slow, fast;

  /* The saved draft's preflight: the prepare's counts. */
  govorun_campaigns_get_preflight_async (fx->campaigns, campaign, NULL, test_util_on_result, &result);
  preflight = govorun_campaigns_get_preflight_finish (fx->campaigns, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (govorun_preflight_get_valid (preflight), ==, 5);
  g_assert_cmpuint (govorun_preflight_get_invalid (preflight), ==, 1);
  g_assert_cmpuint (govorun_preflight_get_duplicates (preflight), ==, 1);
  g_assert_cmpuint (govorun_preflight_get_do_not_call (preflight), ==, 1);
  g_assert_cmpuint (govorun_preflight_get_missing_variables (preflight), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_preflight_get_issues (preflight)), ==, 5);

  /* More calls at once, an earlier finish; 9–18 on weekdays, a later one. */
  govorun_campaign_set_start_at (campaign, g_get_real_time () / G_USEC_PER_SEC + 3600);
  govorun_campaign_set_concurrency (campaign, 1);
  govorun_campaigns_estimate (fx->campaigns, campaign, preflight);
  slow = govorun_preflight_get_estimated_finish (preflight);
  govorun_campaign_set_concurrency (campaign, 5);
  govorun_campaigns_estimate (fx->campaigns, campaign, preflight);
  fast = govorun_preflight_get_estimated_finish (preflight);
  g_assert_cmpint (fast, <, slow);
  g_assert_cmpint (fast, >, govorun_campaign_get_start_at (campaign));

  govorun_campaigns_save_draft_async (fx->campaigns, campaign, NULL, test_util_on_result, &result);
  g_assert_true (govorun_campaigns_save_draft_finish (fx->campaigns, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  govorun_campaign_set_time_zone (campaign, "Mars/Olympus");
  govorun_campaigns_save_draft_async (fx->campaigns, campaign, NULL, test_util_on_result, &result);
  g_assert_false (govorun_campaigns_save_draft_finish (fx->campaigns, test_util_wait (&result), &error));
  g_assert_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_SETTINGS);
  g_clear_error (&error);
  g_clear_object (&result);
  govorun_campaign_set_time_zone (campaign, "Asia/Yekaterinburg");

  /* Loaded again from the store: the saved settings. */
  govorun_campaigns_load_async (fx->campaigns, NULL, test_util_on_result, &result);
  g_assert_true (govorun_campaigns_load_finish (fx->campaigns, test_util_wait (&result), &error));
  g_assert_no_error (error);
  {
    GovorunCampaign *loaded = govorun_campaigns_lookup (fx->campaigns, govorun_campaign_get_id (campaign));

    g_assert_nonnull (loaded);
    g_assert_cmpuint (govorun_campaign_get_concurrency (loaded), ==, 5);
    g_assert_cmpstr (govorun_campaign_get_time_zone (loaded), ==, "Europe/Moscow");
    g_assert_cmpuint (govorun_campaign_get_total (loaded), ==, 5);
    g_assert_cmpint (govorun_campaign_get_state (loaded), ==, GOVORUN_CAMPAIGN_STATE_DRAFT);
  }
}

/* A list with Govorun's name that this database does not know (made by
 * another Govorun, or before the database was lost) is taken in on the
 * next refresh of everything, with its contacts and progress. */
static void
test_found_again (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GovorunCampaign) campaign = prepared (fx);
  g_autofree char *id = g_strdup (govorun_campaign_get_id (campaign));
  g_autofree char *db_path = call_sync_fixture_db_path (&fx->f);
  g_autoptr(GError) error = NULL;
  GovorunCampaign *found;
  gint64 list_id;
  sqlite3 *db = NULL;
  char *sql;

  g_assert_true (START (fx, campaign, &error));
  g_assert_no_error (error);
  list_id = govorun_campaign_get_list_id (campaign);
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 2 * 86400);

  g_signal_handlers_disconnect_by_data (fx->campaigns, fx);
  g_clear_object (&fx->campaigns);
  g_clear_object (&campaign);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sql = sqlite3_mprintf ("PRAGMA foreign_keys = ON; DELETE FROM campaigns WHERE uuid = %Q", id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);
  sqlite3_close (db);

  call_sync_fixture_reopen (&fx->f);
  fx->campaigns = g_object_ref (govorun_services_get_campaigns (fx->f.s.services));
  g_signal_connect (fx->campaigns, "campaign-finished", G_CALLBACK (on_finished), fx);
  g_signal_connect (fx->campaigns, "campaign-stopped", G_CALLBACK (on_stopped), fx);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (govorun_campaigns_lookup (fx->campaigns, id));
  g_assert_true (REFRESH (fx, NULL, &error));
  g_assert_no_error (error);
  found = govorun_campaigns_lookup (fx->campaigns, id);
  g_assert_nonnull (found);
  g_assert_cmpint (govorun_campaign_get_list_id (found), ==, list_id);
  g_assert_cmpuint (govorun_campaign_get_total (found), ==, 5);
  g_assert_cmpuint (govorun_campaign_get_done (found), ==, 5);
  g_assert_cmpint (govorun_campaign_get_state (found), ==, GOVORUN_CAMPAIGN_STATE_FINISHED);
  {
    g_autofree char *statuses = contact_statuses (fx, found);

    g_assert_null (strstr (statuses, "=0 "));
  }
  /* Once known, a second refresh does not take it in twice. */
  g_assert_true (REFRESH (fx, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (govorun_campaigns_get_model (fx->campaigns)), ==, 1);
}

static void
test_not_outbound (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GovorunCampaign) campaign = prepared (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 account_row = 0;
  g_autoptr(GPtrArray) objects = NULL;
  GovorunProviderObjectChanges *changes = govorun_provider_object_changes_new ();

  govorun_provider_objects_list_async (fx->f.s.store, govorun_account_get_uuid (fx->f.vox),
                                       govorun_agent_get_uuid (fx->agent), NULL, test_util_on_result, &result);
  objects = govorun_provider_objects_list_finish (fx->f.s.store, test_util_wait (&result), &account_row, &error);
  g_clear_object (&result);
  govorun_provider_object_changes_forget (changes, "rule", "gv-reminder-outbound");
  govorun_provider_objects_write_async (fx->f.s.store, account_row, govorun_agent_get_uuid (fx->agent), changes,
                                        NULL, test_util_on_result, &result);
  g_assert_true (govorun_provider_objects_write_finish (fx->f.s.store, test_util_wait (&result), &error));

  g_assert_false (START (fx, campaign, &error));
  g_assert_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NOT_OUTBOUND);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_DRAFT);
}

static void
test_balance_stops (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GovorunCampaign) campaign = prepared (fx);
  g_autoptr(GError) error = NULL;

  g_assert_true (START (fx, campaign, &error));
  g_assert_no_error (error);
  govorun_voximplant_emulator_set_balance (vox_emu (fx), VOX, 0.5);
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 86400);
  g_assert_true (REFRESH (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_FAILED);
  g_assert_cmpuint (govorun_campaign_get_done (campaign), ==, 0);
  g_assert_nonnull (govorun_campaign_get_error_message (campaign));
  g_assert_cmpuint (fx->stopped, ==, 1);

  govorun_voximplant_emulator_set_balance (vox_emu (fx), VOX, 100);
  g_assert_true (RESUME (fx, campaign, &error));
  g_assert_no_error (error);
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 2 * 86400);
  g_assert_true (REFRESH (fx, campaign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_FINISHED);
}

static void
test_cancelled_prepare (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fx, "contacts.csv", contacts_csv);
  g_autoptr(GovorunCampaign) campaign = new_draft (fx);
  g_autoptr(GovorunColumnMapping) mapping = govorun_column_mapping_new ();
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunCampaign) again = NULL;

  /* Cancelled: nothing is saved, and the same draft can be prepared. */
  govorun_column_mapping_set_phone_column (mapping, 1);
  g_cancellable_cancel (cancellable);
  govorun_campaigns_prepare_async (fx->campaigns, file, NULL, mapping, campaign, NULL, NULL, NULL, cancellable,
                                   test_util_on_result, &result);
  preflight = govorun_campaigns_prepare_finish (fx->campaigns, test_util_wait (&result), &error);
  g_assert_null (preflight);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_campaigns_get_model (fx->campaigns)), ==, 0);

  /* No phone column: one sentence, nothing saved. */
  govorun_column_mapping_set_phone_column (mapping, 7);
  govorun_campaigns_prepare_async (fx->campaigns, file, NULL, mapping, campaign, NULL, NULL, NULL, NULL,
                                   test_util_on_result, &result);
  preflight = govorun_campaigns_prepare_finish (fx->campaigns, test_util_wait (&result), &error);
  g_assert_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NO_PHONE_COLUMN);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_campaigns_get_model (fx->campaigns)), ==, 0);

  again = prepared (fx);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_campaigns_get_model (fx->campaigns)), ==, 1);

  /* A draft that never started can be deleted, with its contacts. */
  g_clear_object (&result);
  govorun_campaigns_delete_draft_async (fx->campaigns, again, NULL, test_util_on_result, &result);
  g_assert_true (govorun_campaigns_delete_draft_finish (fx->campaigns, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_campaigns_get_model (fx->campaigns)), ==, 0);
}

static void
test_mapping_json (void)
{
  g_autoptr(GovorunColumnMapping) mapping = govorun_column_mapping_new ();
  g_autoptr(GovorunColumnMapping) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const char *columns[] = { "Имя", "Телефон", NULL };
  static const char * const bad[] = {
    "[]", "{\"phone\": \"1\"}", "{\"phone\": 99999999}", "{\"variables\": {\"\": 1}}",
    "{\"columns\": [1]}", "{\"keep_rest\": 1}", "not json",
  };

  govorun_column_mapping_set_phone_column (mapping, 1);
  govorun_column_mapping_set_variable (mapping, "name", 0);
  govorun_column_mapping_set_keep_rest (mapping, FALSE);
  govorun_column_mapping_set_columns (mapping, columns);
  json = govorun_column_mapping_to_json (mapping);
  back = govorun_column_mapping_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (govorun_column_mapping_get_phone_column (back), ==, 1);
  g_assert_cmpint (govorun_column_mapping_get_time_zone_column (back), ==, -1);
  g_assert_cmpint (govorun_column_mapping_get_variable (back, "name"), ==, 0);
  g_assert_false (govorun_column_mapping_get_keep_rest (back));
  g_assert_cmpstrv (govorun_column_mapping_get_columns (back), columns);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GovorunColumnMapping) refused = govorun_column_mapping_new_from_json (bad[i], &error);

      g_assert_null (refused);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
}

/* -- calling hours -- */

static gint64
unix_utc (int y, int m, int d)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (y, m, d, 12, 0, 0);

  return g_date_time_to_unix (when);
}

static void
assert_window (const char *zone,
               gint64      day,
               const char *expected)
{
  int start = 0, end = 0;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;

  g_assert_true (govorun_campaign_utc_window (zone, 9 * 60, 21 * 60, day, &start, &end));
  a = govorun_campaign_format_time_of_day (start);
  b = govorun_campaign_format_time_of_day (end);
  text = g_strdup_printf ("%s-%s", a, b);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_zones (void)
{
  gint64 winter = unix_utc (2026, 1, 15);
  gint64 summer = unix_utc (2026, 7, 15);
  int start, end;

  /* 9:00–21:00 local in UTC: east of Moscow the window wraps midnight. */
  assert_window ("Europe/Moscow", winter, "06:00:00-18:00:00");
  assert_window ("Asia/Yekaterinburg", winter, "04:00:00-16:00:00");
  assert_window ("Asia/Vladivostok", winter, "23:00:00-11:00:00");
  assert_window ("Asia/Kamchatka", winter, "21:00:00-09:00:00");
  /* Berlin keeps summer time, Moscow does not. */
  assert_window ("Europe/Berlin", winter, "08:00:00-20:00:00");
  assert_window ("Europe/Berlin", summer, "07:00:00-19:00:00");
  assert_window ("Europe/Moscow", summer, "06:00:00-18:00:00");
  /* All day: no window. */
  g_assert_false (govorun_campaign_utc_window ("Europe/Moscow", 600, 600, winter, &start, &end));

  g_assert_cmpstr (govorun_campaign_zone_for_number ("+74232223344"), ==, "Asia/Vladivostok");
  g_assert_cmpstr (govorun_campaign_zone_for_number ("+73432223344"), ==, "Asia/Yekaterinburg");
  g_assert_cmpstr (govorun_campaign_zone_for_number ("+74952223344"), ==, "Europe/Moscow");
  g_assert_cmpstr (govorun_campaign_zone_for_number ("+4930123456"), ==, "Europe/Berlin");
  g_assert_null (govorun_campaign_zone_for_number ("+79161234567"));
  g_assert_null (govorun_campaign_zone_for_number ("+12125550101"));
  g_assert_true (govorun_campaign_zone_is_valid ("Asia/Vladivostok"));
  g_assert_false (govorun_campaign_zone_is_valid ("Mars/Olympus"));

  /* Weekdays only: from a Saturday noon the next start is Monday 9:00. */
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Moscow");
    g_autoptr(GDateTime) saturday = g_date_time_new (tz, 2026, 1, 17, 12, 0, 0);
    g_autoptr(GDateTime) monday = g_date_time_new (tz, 2026, 1, 19, 9, 0, 0);
    g_autoptr(GDateTime) tuesday = g_date_time_new (tz, 2026, 1, 20, 15, 0, 0);

    g_assert_cmpint (govorun_campaign_first_allowed ("Europe/Moscow", GOVORUN_CAMPAIGN_WEEKDAYS, 540,
                                                     g_date_time_to_unix (saturday)), ==,
                     g_date_time_to_unix (monday));
    g_assert_cmpint (govorun_campaign_first_allowed ("Europe/Moscow", GOVORUN_CAMPAIGN_WEEKDAYS, 540,
                                                     g_date_time_to_unix (tuesday)), ==,
                     g_date_time_to_unix (tuesday));
    /* An hour of work from Monday 20:30 with 9–21 windows: Tuesday 9:30. */
    {
      g_autoptr(GDateTime) evening = g_date_time_new (tz, 2026, 1, 19, 20, 30, 0);
      g_autoptr(GDateTime) next = g_date_time_new (tz, 2026, 1, 20, 9, 30, 0);

      g_assert_cmpint (govorun_campaign_finish_time ("Europe/Moscow", GOVORUN_CAMPAIGN_WEEKDAYS, 540, 1260,
                                                     g_date_time_to_unix (evening), 3600), ==,
                       g_date_time_to_unix (next));
    }
  }
}

/* -- debt-collection mode (230-FZ) -- */

static gint64
utc_at (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static gint64 next_session = 900000;

static void
add_call (GPtrArray             *records,
          const char            *to,
          gint64                 started_at,
          GovorunCallDirection   direction,
          GovorunCallStatus      status)
{
  GovorunCallRecord *record = govorun_call_record_new ();

  govorun_call_record_set_vox_session_id (record, next_session++);
  govorun_call_record_set_direction (record, direction);
  govorun_call_record_set_from_number (record, "74993334455");
  govorun_call_record_set_to_number (record, to);
  govorun_call_record_set_started_at (record, started_at);
  govorun_call_record_set_status (record, status);
  govorun_call_record_set_duration (record, status == GOVORUN_CALL_STATUS_ANSWERED ? 60 : 0);
  g_ptr_array_add (records, record);
}

/* Rows 2–7. Moscow (495) and Kaliningrad (4012) have their zones from the
 * number; the campaign starts on Wednesday 10 March 2027, 12:00 UTC:
 * 15:00 in Moscow, 14:00 in Kaliningrad, 22:00 — too late — in
 * Vladivostok (423), whose first moment is Thursday 08:00. Monday 8 March
 * is a holiday. */
static const char debt_csv[] =
  "Имя;Телефон;Дата визита\n"
  "Анна;+7 495 111-22-01;1 апреля\n"      /* 2: answered today → day cap */
  "Борис;+7 495 111-22-02;1 апреля\n"     /* 3: Monday (holiday) and Tuesday → week cap */
  "Вера;+7 495 111-22-03;1 апреля\n"      /* 4: eight in March before this week → month cap */
  "Глеб;+7 495 111-22-04;1 апреля\n"      /* 5: unanswered, inbound, February: allowed */
  "Дина;+7 4012 55-66-77;1 апреля\n"      /* 6: Tuesday 22:30 UTC is Wednesday in Kaliningrad → day cap */
  "Егор;+7 423 222-33-01;1 апреля\n";     /* 7: Wednesday in Vladivostok; called Thursday: allowed */

static void
add_debt_history (Fixture *fx)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const GovorunCallDirection out = GOVORUN_CALL_DIRECTION_OUTBOUND;
  const GovorunCallStatus answered = GOVORUN_CALL_STATUS_ANSWERED;

  add_call (records, "74951112201", utc_at (2027, 3, 10, 6, 0), out, answered);
  add_call (records, "74951112202", utc_at (2027, 3, 8, 7, 0), out, answered);
  add_call (records, "74951112202", utc_at (2027, 3, 9, 7, 0), out, answered);
  for (int day = 1; day <= 7; day++)
    add_call (records, "74951112203", utc_at (2027, 3, day, 7, 0), out, answered);
  add_call (records, "74951112203", utc_at (2027, 3, 2, 12, 0), out, answered);
  add_call (records, "74951112204", utc_at (2027, 3, 10, 6, 0), out, GOVORUN_CALL_STATUS_NO_ANSWER);
  add_call (records, "74951112204", utc_at (2027, 3, 10, 7, 0), GOVORUN_CALL_DIRECTION_INBOUND, answered);
  add_call (records, "74951112204", utc_at (2027, 2, 26, 7, 0), out, answered);
  add_call (records, "74012556677", utc_at (2027, 3, 9, 22, 30), out, answered);
  add_call (records, "74232223301", utc_at (2027, 3, 10, 0, 0), out, answered);

  govorun_call_records_upsert_async (fx->f.s.store, records, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (fx->f.s.store, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static void
test_debt_mode (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fx, "debtors.csv", debt_csv);
  g_autoptr(GovorunCampaign) campaign = new_draft (fx);
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GovorunPreflight) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) left_out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GString *seen = g_string_new (NULL);
  g_autofree char *seen_text = NULL;
  GListModel *issues;

  add_debt_history (fx);
  govorun_campaign_set_debt_mode (campaign, TRUE);
  govorun_campaign_set_time_zone (campaign, "Europe/Moscow");
  govorun_campaign_set_start_at (campaign, utc_at (2027, 3, 10, 12, 0));

  preflight = prepare (fx, campaign, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_preflight_get_rows (preflight), ==, 6);
  g_assert_cmpuint (govorun_preflight_get_valid (preflight), ==, 2);
  g_assert_cmpuint (govorun_preflight_get_held_back (preflight), ==, 4);
  g_assert_cmpuint (govorun_campaign_get_total (campaign), ==, 2);

  /* The law's hours and a day between attempts, whatever was asked. */
  g_assert_true (govorun_campaign_get_debt_mode (campaign));
  g_assert_cmpint (govorun_campaign_get_window_start (campaign), ==, 8 * 60);
  g_assert_cmpint (govorun_campaign_get_window_end (campaign), ==, 22 * 60);
  g_assert_cmpuint (govorun_campaign_get_retry_interval_minutes (campaign), ==, 1440);

  issues = govorun_preflight_get_issues (preflight);
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(GovorunPreflightIssue) issue = g_list_model_get_item (issues, i);

      if (govorun_preflight_issue_get_kind (issue) != GOVORUN_PREFLIGHT_ISSUE_DEBT_CAP)
        continue;
      g_string_append_printf (seen, "%" G_GINT64_FORMAT ": %s\n", govorun_preflight_issue_get_row (issue),
                              govorun_preflight_issue_get_reason (issue));
    }
  seen_text = g_string_free (seen, FALSE);
  g_test_message ("%s", seen_text);
  g_assert_nonnull (strstr (seen_text, "2: Calls to this contact today: 1, the most 230-FZ (article 7) allows in a "
                                       "day is 1. The next allowed call is at 11.03.2027 08:00"));
  g_assert_nonnull (strstr (seen_text, "3: Calls to this contact this week: 2"));
  g_assert_nonnull (strstr (seen_text, "4: Calls to this contact this month: 8"));
  g_assert_nonnull (strstr (seen_text, "6: Calls to this contact today: 1"));
  g_assert_null (strstr (seen_text, "5: "));
  g_assert_null (strstr (seen_text, "7: "));

  /* The saved draft's preflight counts them too. */
  govorun_campaigns_get_preflight_async (fx->campaigns, campaign, NULL, test_util_on_result, &result);
  again = govorun_campaigns_get_preflight_finish (fx->campaigns, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (govorun_preflight_get_held_back (again), ==, 4);
  g_assert_cmpuint (govorun_preflight_get_rows (again), ==, 6);

  /* Held back rows are exported with the rows left out. */
  path = g_build_filename (fx->dir, "held-back.csv", NULL);
  left_out = g_file_new_for_path (path);
  govorun_campaigns_export_invalid_async (fx->campaigns, campaign, left_out, NULL, test_util_on_result, &result);
  g_assert_true (govorun_campaigns_export_invalid_finish (fx->campaigns, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "2;Held back (230-FZ);Calls to this contact today: 1"));
  g_assert_nonnull (strstr (text, "Борис"));
  g_assert_null (strstr (text, "Глеб"));

  /* Loaded again, the campaign is still in debt mode. */
  {
    GovorunCampaign *saved = govorun_campaigns_lookup (fx->campaigns, govorun_campaign_get_id (campaign));

    g_assert_nonnull (saved);
    g_assert_true (govorun_campaign_get_debt_mode (saved));
  }
}

/* A debt-mode draft prepared on an earlier day is not started: its caps
 * were counted for that day. */
static void
test_debt_mode_stale (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fx, "contacts.csv", contacts_csv);
  g_autoptr(GovorunCampaign) campaign = new_draft (fx);
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  govorun_campaign_set_debt_mode (campaign, TRUE);
  govorun_campaign_set_created_at (campaign, now - 3 * 86400);
  preflight = prepare (fx, campaign, file, &error);
  g_assert_no_error (error);
  g_assert_false (govorun_campaign_debt_preflight_is_current (campaign, now));
  g_assert_true (govorun_campaign_debt_preflight_is_current (campaign, now - 3 * 86400));
  g_assert_false (START (fx, campaign, &error));
  g_assert_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "230-FZ"));
  g_assert_cmpint (govorun_campaign_get_state (campaign), ==, GOVORUN_CAMPAIGN_STATE_DRAFT);
}

/* On the dialer: a debt-mode campaign set to start at 08:00 on a Saturday
 * in Moscow calls nobody before 09:00 (a workday would allow 08:00), and
 * then calls. The hours reach the call list as each row's schedule. */
static void
test_debt_mode_weekend (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fx, "contacts.csv", contacts_csv);
  g_autoptr(GovorunCampaign) campaign = new_draft (fx);
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) moscow = g_time_zone_new_identifier ("Europe/Moscow");
  g_autoptr(GDateTime) now = g_date_time_new_now (moscow);
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) saturday = NULL;
  g_autoptr(GArray) early = NULL;
  g_autoptr(GArray) noon = NULL;
  gint64 start, nine, clock;
  guint called = 0;
  int y, m, d;

  /* A Saturday that is a day off (not a working Saturday by decree). */
  for (int week = 1; ; week++)
    {
      g_clear_pointer (&later, g_date_time_unref);
      later = g_date_time_add_days (now, 7 * week + (6 - g_date_time_get_day_of_week (now) + 7) % 7);
      g_date_time_get_ymd (later, &y, &m, &d);
      if (govorun_russian_calendar_day_kind (y, m, d, NULL) != GOVORUN_DAY_WORKING)
        break;
    }
  saturday = g_date_time_new (moscow, y, m, d, 8, 0, 0);
  g_assert_cmpint (g_date_time_get_day_of_week (saturday), ==, 6);
  start = g_date_time_to_unix (saturday);
  nine = start + 3600;

  govorun_campaign_set_debt_mode (campaign, TRUE);
  govorun_campaign_set_zone_mode (campaign, GOVORUN_CAMPAIGN_ZONE_CAMPAIGN);
  govorun_campaign_set_time_zone (campaign, "Europe/Moscow");
  govorun_campaign_set_concurrency (campaign, 1);
  govorun_campaign_set_start_at (campaign, start);
  preflight = prepare (fx, campaign, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_preflight_get_held_back (preflight), ==, 0);
  g_assert_true (START (fx, campaign, &error));
  g_assert_no_error (error);
  /* Each row carries the day between attempts for the scenario's own
   * retries (govorun_interval), as the list's interval_seconds. */
  {
    g_autoptr(GHashTable) params = govorun_voximplant_emulator_get_last_params (vox_emu (fx));
    const char *content = g_hash_table_lookup (params, "file_content");

    g_assert_nonnull (content);
    g_assert_nonnull (strstr (content, ";govorun_schedule;govorun_attempts;govorun_interval\n"));
    g_assert_nonnull (strstr (content, ";86400\n"));
  }

  /* 08:00–08:59: sessions may start, nobody is dialled. */
  clock = g_get_real_time () / G_USEC_PER_SEC;
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), nine - 60 - clock);
  early = last_attempts (fx, campaign);
  for (guint i = 0; i < early->len; i++)
    g_assert_cmpint (g_array_index (early, gint64, i), ==, 0);

  /* From 09:00 the calls come. */
  govorun_voximplant_emulator_advance_call_lists (vox_emu (fx), 3 * 3600);
  noon = last_attempts (fx, campaign);
  for (guint i = 0; i < noon->len; i++)
    {
      gint64 last = g_array_index (noon, gint64, i);

      g_assert_true (last == 0 || last >= nine);
      called += last != 0;
    }
  g_assert_cmpuint (called, >=, 1);
}

/* Nobody left: one sentence says why. */
static void
test_debt_mode_nobody (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fx, "debtor.csv", "Имя;Телефон;Дата визита\nАнна;+7 495 111-22-01;1 апреля\n");
  g_autoptr(GovorunCampaign) campaign = new_draft (fx);
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GError) error = NULL;

  add_debt_history (fx);
  govorun_campaign_set_debt_mode (campaign, TRUE);
  govorun_campaign_set_start_at (campaign, utc_at (2027, 3, 10, 12, 0));
  preflight = prepare (fx, campaign, file, &error);
  g_assert_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NO_CONTACTS);
  g_assert_nonnull (strstr (error->message, "230-FZ"));
  g_assert_null (preflight);
  g_assert_null (govorun_campaigns_lookup (fx->campaigns, govorun_campaign_get_id (campaign)));
}

/* The hours a debt-mode campaign hands the call list: the law's window of
 * each contact's own day — workday, weekend or holiday on the Russian
 * calendar — so the same instant is a Friday evening in Moscow and a
 * Saturday morning in Vladivostok. */
static gint64
debt_next (const char *zone,
           guint       days,
           gint64      from)
{
  g_autoptr(GovorunCampaign) campaign = govorun_campaign_new ();
  GovorunCampaignHours hours;

  govorun_campaign_set_debt_mode (campaign, TRUE);
  govorun_campaign_set_allowed_days (campaign, days);
  govorun_campaign_debt_schedule_hours (campaign, &hours);
  return govorun_campaign_schedule_next (&hours, zone, from);
}

static void
test_debt_windows (void)
{
  const guint all = GOVORUN_CAMPAIGN_ALL_DAYS;

  /* Wednesday 07:30 in Moscow: 08:00. */
  g_assert_cmpint (debt_next ("Europe/Moscow", all, utc_at (2027, 3, 10, 4, 30)), ==, utc_at (2027, 3, 10, 5, 0));
  /* 8 March, a holiday: 09:00, and nothing after 20:00 — Tuesday 08:00. */
  g_assert_cmpint (debt_next ("Europe/Moscow", all, utc_at (2027, 3, 8, 5, 30)), ==, utc_at (2027, 3, 8, 6, 0));
  g_assert_cmpint (debt_next ("Europe/Moscow", all, utc_at (2027, 3, 8, 17, 30)), ==, utc_at (2027, 3, 9, 5, 0));
  /* Friday 18:30 UTC: 21:30 on a Friday in Moscow (allowed), 04:30 on a
   * Saturday in Vladivostok (09:00 there). */
  g_assert_cmpint (debt_next ("Europe/Moscow", all, utc_at (2027, 3, 12, 18, 30)), ==, utc_at (2027, 3, 12, 18, 30));
  g_assert_cmpint (debt_next ("Asia/Vladivostok", all, utc_at (2027, 3, 12, 18, 30)), ==,
                   utc_at (2027, 3, 12, 23, 0));
  /* Saturday 08:30 in Kaliningrad: 09:00. */
  g_assert_cmpint (debt_next ("Europe/Kaliningrad", all, utc_at (2027, 3, 13, 6, 30)), ==,
                   utc_at (2027, 3, 13, 7, 0));
  /* The campaign's days still narrow them: weekdays only, Monday 08:00. */
  g_assert_cmpint (debt_next ("Europe/Moscow", GOVORUN_CAMPAIGN_WEEKDAYS, utc_at (2027, 3, 13, 6, 30)), ==,
                   utc_at (2027, 3, 15, 5, 0));

  /* The settings the mode fixes. */
  {
    g_autoptr(GovorunCampaign) campaign = govorun_campaign_new ();

    govorun_campaign_set_window_start (campaign, 0);
    govorun_campaign_set_window_end (campaign, 0);
    govorun_campaign_set_retry_interval_minutes (campaign, 5);
    govorun_campaign_debt_apply_settings (campaign);
    g_assert_cmpint (govorun_campaign_get_window_end (campaign), ==, 0);   /* off: untouched */
    govorun_campaign_set_debt_mode (campaign, TRUE);
    govorun_campaign_debt_apply_settings (campaign);
    g_assert_cmpint (govorun_campaign_get_window_start (campaign), ==, 480);
    g_assert_cmpint (govorun_campaign_get_window_end (campaign), ==, 1320);
    g_assert_cmpuint (govorun_campaign_get_retry_interval_minutes (campaign), ==, 1440);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_util_init_i18n ();

  g_test_add_func ("/campaigns/zones", test_zones);
  g_test_add_func ("/campaigns/mapping-json", test_mapping_json);
  g_test_add_func ("/campaigns/debt-windows", test_debt_windows);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/campaigns/preflight", test_preflight);
  ADD ("/campaigns/bad-file", test_bad_file);
  ADD ("/campaigns/price-from-history", test_price_from_history);
  ADD ("/campaigns/cancelled-prepare", test_cancelled_prepare);
  ADD ("/campaigns/draft-settings", test_draft_settings);
  ADD ("/campaigns/run-to-the-end", test_run_to_the_end);
  ADD ("/campaigns/weekdays-only", test_weekdays_only);
  ADD ("/campaigns/pause-resume-append-cancel", test_pause_resume_append_cancel);
  ADD ("/campaigns/lost-answer", test_lost_answer);
  ADD ("/campaigns/lost-answer-found-at-once", test_lost_answer_found_at_once);
  ADD ("/campaigns/found-again", test_found_again);
  ADD ("/campaigns/not-outbound", test_not_outbound);
  ADD ("/campaigns/balance-stops", test_balance_stops);
  ADD ("/campaigns/debt-mode", test_debt_mode);
  ADD ("/campaigns/debt-mode-nobody", test_debt_mode_nobody);
  ADD ("/campaigns/debt-mode-weekend", test_debt_mode_weekend);
  ADD ("/campaigns/debt-mode-stale", test_debt_mode_stale);
  return g_test_run ();
}
