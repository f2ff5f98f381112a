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
 * and the page says so.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-add-integration-dialog.h"
#include "govorun-call-turn.h"
#include "govorun-sandbox.h"
#include "test-util.h"
#include "ui-app.h"
#include "ui-helpers.h"

#define PORTAL "Clinic Portal"

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
run_script (gpointer user_data)
{
  const char *no_crm[] = { "telephony", "user", NULL };
  const char *all[] = { "crm", "telephony", "user", NULL };
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

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/bitrix24", run_script);
}
