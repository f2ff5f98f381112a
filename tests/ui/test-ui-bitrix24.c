/* test-ui-bitrix24.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Bitrix24 portal added as a person does it, against the sandbox's
 * Bitrix24 emulator: an address that is not a webhook is named at once;
 * Test names the permission the webhook lacks, then shows its scopes once
 * it has them; Add puts the portal on the Integrations page; a portal that
 * refuses telephony calls from a webhook gets its calls as CRM activities,
 * and the page says so; Try Telephony Again clears that. The agents'
 * numbers are added as the portal's lines, with a result per number
 * (added, already a line, the portal's refusal with its code).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-add-integration-dialog.h"
#include "govorun-agent-store.h"
#include "govorun-call-turn.h"
#include "govorun-sandbox.h"
#include "test-util.h"
#include "ui-app.h"
#include "ui-helpers.h"

#define PORTAL "Clinic Portal"
#define AGENT  "Line Desk"
#define LINE_A "+74950000011"
#define LINE_B "+74950000012"

static const char *
shot (const char *name)
{
  static char path[128];

  g_snprintf (path, sizeof path, "%s%s.png", name, ui_app_is_russian () ? "-ru" : "");
  return path;
}

static gboolean
tested (gpointer data)
{
  GtkWidget *row = data;

  return gtk_widget_has_css_class (row, "error") || gtk_widget_has_css_class (row, "success");
}

static void
test_portal (GtkWidget *dialog,
             GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_remove_css_class (row, "success");
  ui_wait_sensitive (find_widget (row, GTK_TYPE_BUTTON, _("_Test")));
  gtk_widget_activate (find_widget (row, GTK_TYPE_BUTTON, _("_Test")));
  g_assert_true (wait_until (tested, row, 15000));
  settle (200);
}

static GovorunIntegrations *
integrations (void)
{
  return govorun_services_get_integrations (govorun_application_get_services (ui_app_get ()));
}

static gboolean
crm_only_known (gpointer data)
{
  return govorun_integration_target_get_crm_only (GOVORUN_INTEGRATION_TARGET (data));
}

/* The app's own worker may be the one that sends it. */
static gboolean
activity_added (gpointer data)
{
  return govorun_bitrix24_emulator_get_n_activities (GOVORUN_BITRIX24_EMULATOR (data)) == 1;
}

/* One finished call of the agent, delivered now through the outbox. */
static void
deliver_a_call (GovorunIntegrationTarget *target)
{
  g_autoptr(GovorunCallRecord) record = govorun_call_record_new ();
  g_autoptr(GPtrArray) turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) sent = NULL;
  g_autoptr(GError) error = NULL;

  govorun_call_record_set_id (record, 990001);
  govorun_call_record_set_started_at (record, govorun_integration_target_get_created_at (target) + 1);
  govorun_call_record_set_direction (record, GOVORUN_CALL_DIRECTION_INBOUND);
  govorun_call_record_set_from_number (record, "+79161230099");
  govorun_call_record_set_to_number (record, "+74950000001");
  govorun_call_record_set_duration (record, 42);
  govorun_call_record_set_status (record, GOVORUN_CALL_STATUS_ANSWERED);
  g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_AGENT, "Hello!", 0));
  govorun_call_record_set_transcript (record, turns);
  govorun_integrations_call_finished_async (integrations (), record, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_enqueue_finish (integrations (), test_util_wait (&result), NULL, &error));
  g_assert_no_error (error);
  govorun_integrations_deliver_due_async (integrations (), NULL, test_util_on_result, &sent);
  g_assert_true (govorun_integrations_deliver_due_finish (integrations (), test_util_wait (&sent), NULL, &error));
  g_assert_no_error (error);
}

static gboolean
telephony_back (gpointer data)
{
  return !govorun_integration_target_get_crm_only (GOVORUN_INTEGRATION_TARGET (data));
}

/* An agent with two numbers, saved as the Agents page does. */
static void
save_line_agent (void)
{
  GovorunAgentStore *agents = govorun_services_get_agents (govorun_application_get_services (ui_app_get ()));
  g_autoptr(GovorunAgent) draft = govorun_agent_new ();
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_agent_set_name (draft, AGENT);
  g_ptr_array_add (numbers, govorun_agent_number_new (990011, LINE_A));
  g_ptr_array_add (numbers, govorun_agent_number_new (990012, LINE_B));
  govorun_agent_set_numbers (draft, numbers);
  govorun_agent_store_save_async (agents, draft, NULL, test_util_on_result, &result);
  saved = govorun_agent_store_save_finish (agents, test_util_wait (&result), &error);
  g_assert_no_error (error);
}

static gboolean
label_shown (gpointer data)
{
  GtkWidget *window = GTK_WIDGET (ui_app_main_window ());

  return find_widget (window, GTK_TYPE_LABEL, data) != NULL;
}

/* Add Agent Numbers as Lines…, with only this test's agent's numbers
 * ticked; waits for the per-number result @expect. */
static void
add_lines (GtkWidget  *window,
           const char *expect,
           const char *shot_name)
{
  GtkWindow *dialog;
  GtkWidget *list;
  guint mine = 0;

  click (window, _("Add Agent _Numbers as Lines…"));
  dialog = GTK_WINDOW (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  settle (300);
  list = g_object_get_data (G_OBJECT (dialog), "list");
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      gboolean ours = g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), AGENT) == 0;

      gtk_check_button_set_active (check, ours);
      mine += ours;
    }
  g_assert_cmpuint (mine, ==, 2);
  if (shot_name != NULL)
    screenshot (GTK_WIDGET (dialog), shot (shot_name));
  g_object_ref (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "do");
  gtk_window_close (dialog);
  g_object_unref (dialog);
  ui_wait_sensitive (find_widget (window, GTK_TYPE_BUTTON, _("Add Agent _Numbers as Lines…")));
  if (expect != NULL)
    g_assert_true (wait_until (label_shown, (gpointer) expect, 15000));
  settle (300);
}

static gboolean
run_script (gpointer user_data)
{
  const char *no_crm[] = { "telephony", "user", NULL };
  const char *all[] = { "crm", "telephony", "user", NULL };
  const char *no_telephony[] = { "crm", "user", NULL };
  GovorunSandbox *sandbox;
  GovorunBitrix24Emulator *emu;
  g_autofree char *url = NULL;
  g_autoptr(GovorunIntegrationTarget) target = NULL;
  GtkWidget *window, *dialog, *test_row, *notice;

  ui_app_wait_ready ();
  window = GTK_WIDGET (ui_app_main_window ());
  sandbox = govorun_application_get_sandbox (ui_app_get ());
  emu = govorun_sandbox_get_bitrix24 (sandbox);
  url = govorun_sandbox_get_bitrix24_webhook_url (sandbox);
  govorun_bitrix24_emulator_set_scopes (emu, no_crm);

  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (find_with_css (window, "navigation-sidebar"),
                                                             GTK_TYPE_LABEL, _("Integrations")),
                                                GTK_TYPE_LIST_BOX_ROW));
  settle (300);
  g_assert_true (gtk_widget_activate_action (window, "win.add-integration", NULL));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_ADD_INTEGRATION_DIALOG);
  gtk_widget_activate (ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("Bitrix24")));
  /* The sandbox's portal is filled in, ready to try. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_wait_widget (dialog, ADW_TYPE_ENTRY_ROW,
                                                                        _("Webhook Address")))), ==, url);

  /* Not a webhook: said at once, Add stays off. */
  type_into (dialog, _("Webhook Address"), "https://clinic.bitrix24.ru/crm/");
  settle (100);
  g_assert_false (gtk_widget_get_sensitive (find_widget (dialog, GTK_TYPE_BUTTON, _("_Add"))));
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL,
                                 _("This is not a Bitrix24 incoming webhook. Copy the whole address Bitrix24 shows for the webhook, such as https://example.bitrix24.ru/rest/1/abc123/.")));

  /* The webhook lacks crm: Test names it. */
  type_into (dialog, _("Webhook Address"), url);
  type_into (dialog, _("Name (Optional)"), PORTAL);
  test_row = ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("Permissions"));
  test_portal (dialog, test_row);
  g_assert_true (gtk_widget_has_css_class (test_row, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_row)), "crm"));
  screenshot (dialog, shot ("bitrix24-missing-scope"));

  /* Ticked in Bitrix24: Test shows the scopes, Add adds the portal. */
  govorun_bitrix24_emulator_set_scopes (emu, all);
  test_portal (dialog, test_row);
  g_assert_true (gtk_widget_has_css_class (test_row, "success"));
  screenshot (dialog, shot ("bitrix24-tested"));
  click (dialog, _("_Add"));
  ui_wait_closed (GOVORUN_TYPE_ADD_INTEGRATION_DIALOG);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_integrations_get_targets (integrations ())), ==, 1);
  target = g_list_model_get_item (govorun_integrations_get_targets (integrations ()), 0);
  g_assert_cmpint (govorun_integration_target_get_kind (target), ==, GOVORUN_INTEGRATION_KIND_BITRIX24);
  g_assert_null (strstr (govorun_integration_target_get_url (target), "emuwebhooksecret"));

  /* The portal refuses telephony calls from a webhook: CRM-only. */
  govorun_bitrix24_emulator_set_wrong_auth_type (emu, TRUE);
  deliver_a_call (target);
  g_assert_true (wait_until (crm_only_known, target, 15000));
  g_assert_true (wait_until (activity_added, emu, 15000));

  gtk_widget_activate (gtk_widget_get_ancestor (ui_wait_widget (window, GTK_TYPE_LABEL, PORTAL),
                                                GTK_TYPE_LIST_BOX_ROW));
  notice = ui_wait_widget (window, GTK_TYPE_LABEL, govorun_integrations_crm_only_notice ());
  g_assert_true (gtk_widget_get_visible (notice));
  settle (500);
  screenshot (window, shot ("bitrix24-crm-only"));

  /* Try Telephony Again: the mark and the notice go; the portal allows it now. */
  govorun_bitrix24_emulator_set_wrong_auth_type (emu, FALSE);
  click (window, _("Try Te_lephony Again"));
  g_assert_true (wait_until (telephony_back, target, 15000));
  settle (200);
  g_assert_false (gtk_widget_is_visible (notice));

  /* The agent's numbers as lines: one the portal has, one new. */
  save_line_agent ();
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    govorun_integrations_add_bitrix24_line_async (integrations (), target, LINE_A, AGENT, NULL,
                                                  test_util_on_result, &result);
    g_assert_true (govorun_integrations_add_bitrix24_line_finish (integrations (), test_util_wait (&result),
                                                                  NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *a = g_strdup_printf (_("%s: already a line"), LINE_A);
    g_autofree char *b = g_strdup_printf (_("%s: added"), LINE_B);
    g_autofree char *expect = g_strconcat (a, "\n", b, NULL);

    add_lines (window, expect, "bitrix24-lines-choose");
    g_assert_cmpuint (govorun_bitrix24_emulator_get_n_lines (emu), ==, 2);
    screenshot (window, shot ("bitrix24-lines-added"));
  }

  /* The webhook lost telephony: each number says the portal's refusal. */
  govorun_bitrix24_emulator_set_scopes (emu, no_telephony);
  {
    GtkWidget *result;

    add_lines (window, NULL, NULL);
    result = find_with_css (window, "integration-test-result");
    g_assert_nonnull (result);
    g_assert_true (gtk_widget_has_css_class (result, "error"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), "insufficient_scope"));
    screenshot (window, shot ("bitrix24-lines-refused"));
  }

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/bitrix24", run_script);
}
