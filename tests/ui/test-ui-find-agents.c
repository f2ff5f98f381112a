/* test-ui-find-agents.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Find Agents and "Changed on Another Computer", as a person meets them
 * (in English and Russian): another installation (its own database and
 * keyring profile, the same sandbox accounts) sets up an agent; here Find
 * Agents (the main menu's action) lists it with who deployed it, beside
 * the scenarios not made by Govorun, and Adopt brings it to this
 * computer. The other installation changes and deploys it again; this
 * computer's next deploy stops with the choice, and Load Their Version
 * takes their change. Screenshots of each.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-agent-details.h"
#include "govorun-client-factory.h"
#include "govorun-voximplant-applications.h"
#include "govorun-find-agents-dialog.h"
#include "govorun-sandbox.h"
#include "govorun-services-private.h"
#include "sandbox-services.h"
#include "test-util.h"
#include "ui-app.h"
#include "ui-helpers.h"

#define AGENT_NAME "Reception «Front Desk»"
#define NUMBER     "74951239001"

static GovorunAgent *
deploy_elsewhere (SandboxServices *other,
                  gint64           phone_id)
{
  g_autoptr(GovorunAccount) vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunAccount) saved_vox = NULL;
  g_autoptr(GovorunAccount) saved_el = NULL;
  g_autoptr(GovorunAgent) draft = govorun_agent_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account_id = g_strdup_printf ("%d", GOVORUN_SANDBOX_VOX_ACCOUNT_ID);
  GovorunProvisioner *prov = govorun_services_get_provisioner (other->services);
  GovorunAgentStore *agents = govorun_services_get_agents (other->services);
  GovorunAgent *agent;

  govorun_provisioner_set_host_name (prov, "reception-pc");
  govorun_account_set_display_name (vox, "Clinic");
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, account_id);
  saved_vox = sandbox_services_add_account (other, vox, GOVORUN_SANDBOX_VOX_API_KEY);
  govorun_account_set_display_name (el, "Agents");
  saved_el = sandbox_services_add_account (other, el, GOVORUN_SANDBOX_EL_API_KEY);

  govorun_agent_set_name (draft, AGENT_NAME);
  govorun_agent_set_vox_account_uuid (draft, govorun_account_get_uuid (saved_vox));
  govorun_agent_set_el_account_uuid (draft, govorun_account_get_uuid (saved_el));
  govorun_agent_set_el_agent_id (draft, "agent_0001");
  g_ptr_array_add (numbers, govorun_agent_number_new (phone_id, NUMBER));
  govorun_agent_set_numbers (draft, numbers);
  govorun_agent_store_save_async (agents, draft, NULL, test_util_on_result, &result);
  agent = govorun_agent_store_save_finish (agents, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  govorun_provisioner_apply_async (prov, agent, NULL, test_util_on_result, &result);
  g_assert_true (govorun_provisioner_apply_finish (prov, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* And a scenario someone wrote by hand. */
  {
    g_autoptr(GovorunVoximplantClient) client = NULL;

    govorun_client_factory_voximplant_async (other->factory, saved_vox, NULL, NULL, test_util_on_result, &result);
    client = govorun_client_factory_voximplant_finish (other->factory, test_util_wait (&result), &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    govorun_voximplant_client_add_scenario_async (client, "my-ivr", "VoxEngine.terminate();\n", 0, NULL,
                                                  test_util_on_result, &result);
    g_assert_cmpint (govorun_voximplant_client_add_scenario_finish (client, test_util_wait (&result), &error), >, 0);
    g_assert_no_error (error);
  }
  return agent;
}

static void
redeploy_elsewhere (SandboxServices *other,
                    GovorunAgent    *agent)
{
  g_autoptr(GovorunAgent) edit = govorun_agent_copy (agent);
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunProvisioner *prov = govorun_services_get_provisioner (other->services);
  GovorunAgentStore *agents = govorun_services_get_agents (other->services);

  govorun_agent_set_record (edit, FALSE);
  govorun_agent_store_save_async (agents, edit, NULL, test_util_on_result, &result);
  saved = govorun_agent_store_save_finish (agents, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  govorun_provisioner_apply_async (prov, saved, NULL, test_util_on_result, &result);
  g_assert_true (govorun_provisioner_apply_finish (prov, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static GovorunAgent *
local_agent (GovorunServices *services)
{
  GListModel *agents = G_LIST_MODEL (govorun_services_get_agents (services));

  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (agents, i);

      if (g_str_equal (govorun_agent_get_name (agent), AGENT_NAME))
        return agent;   /* the store keeps it */
    }
  return NULL;
}

static gboolean
adopted (gpointer data)
{
  GtkWindow *dialog = toplevel_of_type (GOVORUN_TYPE_FIND_AGENTS_DIALOG);

  return local_agent (data) != NULL && dialog != NULL
         && find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, _("On this computer")) != NULL;
}

static gboolean
record_off (gpointer data)
{
  GovorunAgent *agent = local_agent (data);

  return agent != NULL && !govorun_agent_get_record (agent);
}

static gboolean
message_dialog_open (gpointer data)
{
  return toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
run_script (gpointer user_data)
{
  GovorunApplication *app = ui_app_get ();
  GovorunServices *services;
  GovorunSandbox *sandbox;
  SandboxServices other = { NULL, };
  g_autoptr(GovorunAgent) theirs = NULL;
  const char *lang = ui_app_is_russian () ? "-ru" : "";
  g_autofree char *shot = NULL;
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *details;
  gint64 phone_id;

  ui_app_wait_ready ();
  services = govorun_application_get_services (app);
  sandbox = govorun_application_get_sandbox (app);
  window = GTK_WIDGET (ui_app_main_window ());
  phone_id = govorun_voximplant_emulator_add_owned_number (govorun_sandbox_get_voximplant (sandbox),
                                                           GOVORUN_SANDBOX_VOX_ACCOUNT_ID, NUMBER,
                                                           "RU", "GEOGRAPHIC", "Moscow");
  g_assert_cmpint (phone_id, >, 0);

  /* The other computer. */
  sandbox_services_start_on (&other, sandbox, "ui-other-computer");
  theirs = deploy_elsewhere (&other, phone_id);

  /* Find Agents from the main menu's action. */
  g_assert_true (gtk_widget_activate_action (window, "win.find-agents", NULL));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_FIND_AGENTS_DIALOG);
  row = ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, AGENT_NAME);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "reception-pc"));
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, "my-ivr");
  settle (500);
  shot = g_strdup_printf ("find-agents%s.png", lang);
  screenshot (dialog, shot);

  click (row, _("_Adopt"));
  g_assert_true (wait_until (adopted, services, 20000));
  g_assert_cmpint (govorun_agent_get_state (local_agent (services)), ==, GOVORUN_AGENT_STATE_READY);
  settle (500);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("find-agents-adopted%s.png", lang);
  screenshot (dialog, shot);
  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_FIND_AGENTS_DIALOG);

  /* They change it and deploy; this computer's deploy asks. */
  redeploy_elsewhere (&other, theirs);
  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (find_with_css (window, "navigation-sidebar"),
                                                             GTK_TYPE_LABEL, _("Agents")),
                                                GTK_TYPE_LIST_BOX_ROW));
  gtk_widget_activate (ui_wait_widget (window, ADW_TYPE_ACTION_ROW, AGENT_NAME));
  details = gtk_widget_get_ancestor (ui_wait_widget (window, GTK_TYPE_BUTTON, _("C_heck for Changes")),
                                     GOVORUN_TYPE_AGENT_DETAILS);
  g_assert_nonnull (details);
  govorun_agent_details_apply (GOVORUN_AGENT_DETAILS (details));
  g_assert_true (wait_until (message_dialog_open, NULL, 20000));
  dialog = GTK_WIDGET (toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("Changed on Another Computer"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "reception-pc"));
  settle (500);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("changed-elsewhere%s.png", lang);
  screenshot (dialog, shot);
  click (dialog, _("_Load Their Version"));
  g_assert_true (wait_until (record_off, services, 20000));

  sandbox_services_stop (&other);
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/find-agents", run_script);
}
