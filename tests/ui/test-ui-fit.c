/* test-ui-fit.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every window and dialog fits a 1024×600 screen, in English and Russian:
 * each is opened as a person would open it and its allocation measured,
 * including the Add Account dialog with each sign-in method.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-account-dialog.h"
#include "govorun-agent-dialog.h"
#include "govorun-agent-widget-page.h"
#include "govorun-buy-number-dialog.h"
#include "govorun-call-details.h"
#include "govorun-campaign-assistant.h"
#include "govorun-campaigns-page.h"
#include "govorun-do-not-call-dialog.h"
#include "govorun-export-dialog.h"
#include "test-util.h"
#include "govorun-find-agents-dialog.h"
#include "govorun-phone-call-dialog.h"
#include "govorun-test-call-window.h"
#include "ui-app.h"
#include "ui-call-fixture.h"
#include "ui-helpers.h"

#define SCREEN_WIDTH  1024
#define SCREEN_HEIGHT 600

/* As it is shown, and as small as it can be made (the least a window
 * manager can shrink it to on a small screen). */
static void
assert_fits (GtkWidget  *window,
             const char *what)
{
  int width, height, min_width, min_height;

  settle (400);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  g_test_message ("%s: %d×%d, at least %d×%d", what, width, height, min_width, min_height);
  if (width > SCREEN_WIDTH || height > SCREEN_HEIGHT)
    g_error ("%s is %d×%d, more than a %d×%d screen", what, width, height, SCREEN_WIDTH, SCREEN_HEIGHT);
  if (min_width > SCREEN_WIDTH || min_height > SCREEN_HEIGHT)
    g_error ("%s needs %d×%d, more than a %d×%d screen", what, min_width, min_height,
             SCREEN_WIDTH, SCREEN_HEIGHT);
}

static void
select_item (AdwComboRow *row,
             guint        position)
{
  adw_combo_row_set_selected (row, position);
}

static gboolean
run_script (gpointer user_data)
{
  GtkWidget *window;
  GtkWidget *dialog;
  const char *lang = ui_app_is_russian () ? "-ru" : "";
  g_autofree char *shot = NULL;

  ui_app_wait_ready ();
  window = GTK_WIDGET (ui_app_main_window ());
  assert_fits (window, "The main window");
  /* Every page, shown or not (the stacks measure them all), fits the
   * window's minimum width, 360 px. */
  {
    int min_width;

    gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_assert_cmpint (min_width, <=, 360);
  }

  /* The Overview, its cards, charts and filters. */
  gtk_widget_activate (gtk_widget_get_ancestor (ui_wait_widget (find_with_css (window, "navigation-sidebar"),
                                                                GTK_TYPE_LABEL, _("Overview")),
                                                GTK_TYPE_LIST_BOX_ROW));
  assert_fits (window, "The main window on the Overview");

  /* The Calls page, with its filter bar. */
  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (find_with_css (window, "navigation-sidebar"),
                                                             GTK_TYPE_LABEL, _("Calls")),
                                                GTK_TYPE_LIST_BOX_ROW));
  assert_fits (window, "The main window on the Calls page");

  /* Call details, with its facts, transcript and loaded recording. */
  {
    g_autoptr(UiCallFixture) fixture = ui_call_fixture_add (ui_app_get ());

    dialog = govorun_call_details_new (govorun_application_get_services (ui_app_get ()),
                                       fixture->call_id);
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
    gtk_window_present (GTK_WINDOW (dialog));
    ui_wait_sensitive (ui_wait_widget (dialog, GTK_TYPE_BUTTON, _("Play")));
    assert_fits (dialog, "Call Details");
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_wait_closed (GOVORUN_TYPE_CALL_DETAILS);
  }

  /* Add Account: as it opens, and with each sign-in method. */
  gtk_widget_activate_action (window, "win.add-account", NULL);
  dialog = ui_wait_toplevel (GOVORUN_TYPE_ACCOUNT_DIALOG);
  assert_fits (dialog, "Add Account");
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 600);
  select_item (ADW_COMBO_ROW (ui_wait_widget (dialog, ADW_TYPE_COMBO_ROW, _("Authentication"))), 1);
  assert_fits (dialog, "Add Account with an account ID and API key");
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 600);
  shot = g_strdup_printf ("fit-account%s.png", lang);
  screenshot (dialog, shot);
  click (dialog, _("_ElevenLabs"));
  assert_fits (dialog, "Add Account for ElevenLabs");
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 600);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_ACCOUNT_DIALOG);

  /* New Agent, on its first page and its numbers page. */
  gtk_widget_activate_action (window, "win.new-agent", NULL);
  dialog = ui_wait_toplevel (GOVORUN_TYPE_AGENT_DIALOG);
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, ui_demo_reception_agent ());
  gtk_widget_activate (find_widget (dialog, ADW_TYPE_ACTION_ROW, ui_demo_reception_agent ()));
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message"));
  assert_fits (dialog, "New Agent");
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("fit-agent%s.png", lang);
  screenshot (dialog, shot);
  /* The first-message fix's confirmation (the demo greeting puts the
   * robot notice in its third sentence, so the wizard offers it). */
  click (dialog, _("_Fix…"));
  {
    GtkWidget *confirm = ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    assert_fits (confirm, "Rewrite the First Message");
    gtk_window_destroy (GTK_WINDOW (confirm));
    ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  }
  ui_wait_sensitive (find_widget (dialog, GTK_TYPE_BUTTON, _("_Next")));
  click (dialog, _("_Next"));

  /* Buy a Number, from the wizard. */
  ui_wait_sensitive (ui_wait_widget (dialog, GTK_TYPE_BUTTON, _("_Buy a Number…")));
  click (dialog, _("_Buy a Number…"));
  {
    GtkWidget *buy = ui_wait_toplevel (GOVORUN_TYPE_BUY_NUMBER_DIALOG);

    assert_fits (buy, "Buy a Number");
    gtk_window_destroy (GTK_WINDOW (buy));
    ui_wait_closed (GOVORUN_TYPE_BUY_NUMBER_DIALOG);
  }
  assert_fits (dialog, "New Agent on its numbers page");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_AGENT_DIALOG);

  /* Export Calls (the Calls page opens it with its filter). */
  {
    g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();

    dialog = GTK_WIDGET (govorun_export_dialog_new (GTK_WINDOW (window),
                                                    govorun_application_get_services (ui_app_get ()),
                                                    filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE));
    gtk_window_present (GTK_WINDOW (dialog));
    assert_fits (dialog, "Export Calls");
    adw_combo_row_set_selected (ADW_COMBO_ROW (ui_wait_widget (dialog, ADW_TYPE_COMBO_ROW, _("Format"))), 1);
    assert_fits (dialog, "Export Calls for Excel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_wait_closed (GOVORUN_TYPE_EXPORT_DIALOG);
  }

  /* An agent's Website Widget, as it opens and at its least width. */
  {
    GovorunServices *services = govorun_application_get_services (ui_app_get ());
    GListModel *accounts = G_LIST_MODEL (govorun_services_get_accounts (services));
    g_autoptr(GovorunAccount) account = NULL;
    g_autoptr(GPtrArray) agents = NULL;
    g_autoptr(GAsyncResult) result = NULL;

    for (guint i = 0; account == NULL && i < g_list_model_get_n_items (accounts); i++)
      {
        g_autoptr(GovorunAccount) item = g_list_model_get_item (accounts, i);

        if (govorun_account_get_kind (item) == GOVORUN_ACCOUNT_KIND_ELEVENLABS)
          account = g_steal_pointer (&item);
      }
    govorun_agent_catalog_list_async (govorun_services_get_agent_catalog (services), account,
                                      ui_demo_reception_agent (), NULL, NULL, test_util_on_result, &result);
    agents = govorun_agent_catalog_list_finish (govorun_services_get_agent_catalog (services),
                                                test_util_wait (&result), NULL, NULL);
    g_assert_nonnull (agents);
    g_assert_cmpuint (agents->len, >=, 1);
    dialog = GTK_WIDGET (govorun_agent_widget_page_new (GTK_WINDOW (window), govorun_services_get_agent_widget (services),
                                                        account,
                                                        govorun_voice_agent_get_id (g_ptr_array_index (agents, 0)),
                                                        ui_demo_reception_agent ()));
    gtk_window_present (GTK_WINDOW (dialog));
    ui_wait_sensitive (ui_wait_widget (dialog, GTK_TYPE_BUTTON, _("_Copy Code")));
    assert_fits (dialog, "Website Widget");
    g_clear_pointer (&shot, g_free);
    shot = g_strdup_printf ("fit-widget%s.png", lang);
    screenshot (dialog, shot);
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_wait_closed (GOVORUN_TYPE_AGENT_WIDGET_PAGE);
  }

  /* Find Agents: searching, then what it found in the sandbox's accounts. */
  {
    GovorunServices *services = govorun_application_get_services (ui_app_get ());

    dialog = GTK_WIDGET (govorun_find_agents_dialog_new (GTK_WINDOW (window),
                                                         govorun_services_get_agent_finder (services),
                                                         govorun_services_get_accounts (services)));
    gtk_window_present (GTK_WINDOW (dialog));
    assert_fits (dialog, "Find Agents");
    settle (2000);
    assert_fits (dialog, "Find Agents with its results");
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_wait_closed (GOVORUN_TYPE_FIND_AGENTS_DIALOG);
  }

  /* Talk to Agent and Call My Phone (an agent without accounts: the
   * window shows why it cannot call, in its banner). */
  {
    GovorunTestCalls *test_calls = govorun_services_get_test_calls (govorun_application_get_services (ui_app_get ()));
    g_autoptr(GovorunAgent) agent = govorun_agent_new ();

    govorun_agent_set_name (agent, _("Reception"));
    dialog = GTK_WIDGET (govorun_test_call_window_new (GTK_WINDOW (window), test_calls, agent));
    gtk_window_present (GTK_WINDOW (dialog));
    assert_fits (dialog, "Talk to Agent");
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_wait_closed (GOVORUN_TYPE_TEST_CALL_WINDOW);

    dialog = GTK_WIDGET (govorun_phone_call_dialog_new (GTK_WINDOW (window), test_calls, agent));
    gtk_window_present (GTK_WINDOW (dialog));
    assert_fits (dialog, "Call My Phone");
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_wait_closed (GOVORUN_TYPE_PHONE_CALL_DIALOG);
  }

  /* Campaigns: the page, the do-not-call list, and New Campaign with a
   * contacts file (its stack measures every step, the preflight's report
   * and the start among them). */
  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (find_with_css (window, "navigation-sidebar"),
                                                             GTK_TYPE_LABEL, _("Campaigns")),
                                                GTK_TYPE_LIST_BOX_ROW));
  assert_fits (window, "The main window on the Campaigns page");
  g_assert_true (gtk_widget_activate_action (ui_wait_widget (window, GOVORUN_TYPE_CAMPAIGNS_PAGE, NULL),
                                             "campaigns.do-not-call", NULL));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_DO_NOT_CALL_DIALOG);
  assert_fits (dialog, "Do-Not-Call List");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_DO_NOT_CALL_DIALOG);
  {
    g_autofree char *dir = test_util_make_tmp_dir ("govorun-ui-fit-XXXXXX");
    g_autofree char *path = g_build_filename (dir, "contacts.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (g_file_set_contents (path, "Phone;Name;A rather long column title for a visit date;City\r\n"
                                              "+79161112201;Анна;12.12.2026;Москва\r\n", -1, NULL));
    drop_file (window, file);
    dialog = ui_wait_toplevel (GOVORUN_TYPE_CAMPAIGN_ASSISTANT);
    settle (1000);
    assert_fits (dialog, "New Campaign");
    g_clear_pointer (&shot, g_free);
    shot = g_strdup_printf ("fit-campaign%s.png", lang);
    screenshot (dialog, shot);
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_wait_closed (GOVORUN_TYPE_CAMPAIGN_ASSISTANT);
    test_util_rm_rf (dir);
  }

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/fit", run_script);
}
