/* test-ui-wizard.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The New Agent / Edit Agent wizard as a careful person tries it, in the
 * sandbox: its first page settles (no endless spinner), a search without a
 * match says so, a bad pasted agent ID takes the chosen agent away and says
 * why in the page; cancelling at the plan keeps nothing, for a new agent
 * and for an edit; after Save and Deploy every step shows how it ended; the
 * scenario code follows the dark style. Then what the agent in use means
 * elsewhere: removing its account, deactivating its number and taking a
 * number from it each say so before anything happens.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "govorun-agent-details.h"
#include "govorun-agent-dialog.h"
#include "govorun-format.h"
#include "govorun-numbers-page.h"
#include "govorun-scenario-window.h"
#include "ui-app.h"
#include "ui-helpers.h"

/* The account bought this one before the test; the sandbox has the demo number too. */
#define SECOND_NUMBER "74951230002"

static GovorunServices *
services (void)
{
  return govorun_application_get_services (ui_app_get ());
}

static guint
n_agents (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (govorun_services_get_agents (services ())));
}

static GovorunAgent *
only_agent (void)
{
  g_autoptr(GovorunAgent) agent = NULL;

  g_assert_cmpuint (n_agents (), ==, 1);
  agent = g_list_model_get_item (G_LIST_MODEL (govorun_services_get_agents (services ())), 0);
  return agent;   /* the store keeps it */
}

static gboolean
no_spinner (gpointer data)
{
  return find_widget (GTK_WIDGET (data), GTK_TYPE_SPINNER, NULL) == NULL;
}

/* A visible error text in the page (not the red entry itself). */
static GtkLabel *
error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && gtk_widget_has_css_class (root, "error") &&
      *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = error_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_error_label (gpointer data)
{
  return error_label (GTK_WIDGET (data)) != NULL;
}

/* Step rows whose icon still says pending or running. */
static guint
unfinished_steps (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), "pending") != NULL)
    {
      const char *state = gtk_stack_get_visible_child_name (GTK_STACK (root));

      return g_strcmp0 (state, "pending") == 0 || g_strcmp0 (state, "running") == 0;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += unfinished_steps (child);
  return n;
}

static gboolean
details_idle (gpointer data)
{
  return !govorun_agent_details_is_busy (GOVORUN_AGENT_DETAILS (data));
}

static gboolean
details_busy (gpointer data)
{
  return govorun_agent_details_is_busy (GOVORUN_AGENT_DETAILS (data));
}

static GtkWidget *
details (GtkWidget *window)
{
  return gtk_widget_get_ancestor (ui_wait_widget (window, GTK_TYPE_BUTTON, _("C_heck for Changes")),
                                  GOVORUN_TYPE_AGENT_DETAILS);
}

static void
tick_number (GtkWidget  *dialog,
             const char *digits)
{
  /* The wizard shows numbers formatted, as everywhere. */
  g_autofree char *title = govorun_format_phone_number (digits);
  GtkWidget *row = ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, title);
  GtkWidget *check = find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

/* Page 1 with the sandbox's agent chosen, then on to the numbers. */
static void
choose_agent_and_go_on (GtkWidget *dialog)
{
  GtkWidget *next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Next"));

  gtk_widget_activate (ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, ui_demo_reception_agent ()));
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message"));
  ui_wait_sensitive (next);
  click (dialog, _("_Next"));
}

/* From the numbers page (numbers ticked) through the setup to the plan. */
static void
go_on_to_plan (GtkWidget  *dialog,
               gboolean    outbound,
               const char *confirm)
{
  GtkWidget *next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Next"));

  ui_wait_sensitive (next);
  click (dialog, _("_Next"));
  ui_wait_widget (dialog, ADW_TYPE_ENTRY_ROW, _("Agent Name"));
  settle (300);
  if (outbound)
    gtk_switch_set_active (GTK_SWITCH (find_widget (ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW,
                                                                    _("Make Outbound Calls")),
                                                    GTK_TYPE_SWITCH, NULL)), TRUE);
  click (dialog, _("_Next"));
  ui_wait_sensitive (ui_wait_widget (dialog, GTK_TYPE_BUTTON, confirm));
}

/* Edit… → the second number and outbound calls too → the plan. */
static GtkWidget *
edit_to_plan (GtkWidget *page)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (page, "details.edit", NULL));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_AGENT_DIALOG);
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message"));
  ui_wait_sensitive (find_widget (dialog, GTK_TYPE_BUTTON, _("_Next")));
  click (dialog, _("_Next"));
  tick_number (dialog, SECOND_NUMBER);
  go_on_to_plan (dialog, TRUE, _("_Save and Deploy"));
  return dialog;
}

static void
first_page (GtkWidget *dialog)
{
  GtkWidget *next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Next"));
  GtkWidget *search = ui_wait_widget (dialog, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *id_row;

  /* The agents and the numbers are both asked for on opening: once they
   * are in, nothing spins. */
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, ui_demo_reception_agent ());
  g_assert_true (wait_until (no_spinner, dialog, 10000));

  /* A search without a match says so instead of showing a bare line. */
  gtk_editable_set_text (GTK_EDITABLE (search), "zzzz-nobody");
  ui_wait_widget (dialog, GTK_TYPE_LABEL, _("No Matching Agents"));
  settle (300);
  screenshot (dialog, ui_app_is_russian () ? "wizard-no-match-ru.png" : "wizard-no-match.png");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, ui_demo_reception_agent ());

  /* An agent is chosen, then a bad ID pasted: the choice goes, Next with
   * it, and the reason is in the page. */
  gtk_widget_activate (find_widget (dialog, ADW_TYPE_ACTION_ROW, ui_demo_reception_agent ()));
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message"));
  /* The agent's language by name, not as "ru". */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_widget (dialog, ADW_TYPE_ACTION_ROW, _("Language")))),
                   ==, _("Russian"));
  ui_wait_sensitive (next);
  id_row = find_widget (dialog, ADW_TYPE_ENTRY_ROW, _("Agent ID"));
  gtk_editable_set_text (GTK_EDITABLE (id_row), "agent_does_not_exist");
  g_signal_emit_by_name (id_row, "apply");
  g_assert_true (wait_until (has_error_label, dialog, 10000));
  g_assert_true (wait_until (no_spinner, dialog, 10000));
  g_assert_false (gtk_widget_is_sensitive (next));
  g_assert_null (find_widget (dialog, ADW_TYPE_ACTION_ROW, _("First Message")));
  g_assert_true (gtk_widget_has_css_class (id_row, "error"));
  screenshot (dialog, ui_app_is_russian () ? "wizard-bad-id-ru.png" : "wizard-bad-id.png");
}

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 && gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

static AdwMessageDialog *
wait_message_dialog (void)
{
  GtkWidget *dialog = ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  /* Mapped is not yet laid out on a loaded machine; a screenshot needs a size. */
  g_assert_true (wait_until (has_size, dialog, 5000));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* As a click on the button does: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
assert_body_names (AdwMessageDialog *dialog,
                   const char       *name)
{
  if (strstr (adw_message_dialog_get_body (dialog), name) == NULL)
    g_error ("“%s” does not name “%s”", adw_message_dialog_get_body (dialog), name);
}

static void
show_sidebar_page (GtkWidget  *window,
                   const char *title)
{
  GtkWidget *sidebar = find_with_css (window, "navigation-sidebar");

  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (sidebar, GTK_TYPE_LABEL, title),
                                                GTK_TYPE_LIST_BOX_ROW));
  /* Showing a page reloads its list: wait for the reload before using a row. */
  settle (1500);
}

/* Opens the row's Number Actions and presses @label. */
static void
number_action (GtkWidget  *window,
               const char *digits,
               const char *label)
{
  g_autofree char *title = govorun_format_phone_number (digits);
  GtkWidget *row = NULL;
  GtkWidget *menu;

  /* A reload (slow on a loaded machine) replaces the rows: use one that
   * stays a moment. */
  for (guint i = 0; i < 20 && row == NULL; i++)
    {
      row = ui_wait_widget (window, ADW_TYPE_ACTION_ROW, title);
      g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
      settle (300);
    }
  g_assert_nonnull (row);
  g_object_remove_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  menu = find_widget (row, GTK_TYPE_MENU_BUTTON, _("Number Actions"));

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  settle (100);
  click (ui_wait_widget (menu, GTK_TYPE_BUTTON, label), label);
}

static guint
bound_numbers (void)
{
  GovorunSandbox *sandbox = govorun_application_get_sandbox (ui_app_get ());

  return govorun_voximplant_emulator_count_objects (govorun_sandbox_get_voximplant (sandbox),
                                                    GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "bound-number");
}

static gboolean
one_number_left (gpointer data)
{
  return govorun_agent_get_numbers (only_agent ())->len == 1 && bound_numbers () == 1 &&
         govorun_agent_get_state (only_agent ()) == GOVORUN_AGENT_STATE_READY;
}

/* The agent in use, seen from Accounts and Numbers. */
static void
agent_in_use (GtkWidget *window)
{
  GovorunAgent *agent = only_agent ();
  const char *name = govorun_agent_get_name (agent);
  GovorunAccount *account = govorun_account_store_find_by_uuid (govorun_services_get_accounts (services ()),
                                                                govorun_agent_get_el_account_uuid (agent));
  AdwMessageDialog *dialog;
  g_autofree char *take = g_strdup_printf (_("Remove from “%s”"), name);

  /* Its account: the confirmation says who uses it, and removes nothing. */
  show_sidebar_page (window, _("Accounts"));
  g_assert_true (gtk_widget_activate_action (ui_wait_widget (window, ADW_TYPE_ACTION_ROW,
                                                             govorun_account_get_display_name (account)),
                                             "row.remove", NULL));
  dialog = wait_message_dialog ();
  assert_body_names (dialog, name);
  screenshot (GTK_WIDGET (dialog), ui_app_is_russian () ? "account-in-use-ru.png" : "account-in-use.png");
  respond (dialog, "close");
  g_assert_nonnull (govorun_account_store_find_by_uuid (govorun_services_get_accounts (services ()),
                                                        govorun_agent_get_el_account_uuid (agent)));

  /* Its number: deactivating names the agent that answers on it. */
  show_sidebar_page (window, _("Numbers"));
  number_action (window, GOVORUN_SANDBOX_DEMO_NUMBER, _("_Deactivate…"));
  dialog = wait_message_dialog ();
  assert_body_names (dialog, name);
  respond (dialog, "cancel");

  /* Taking a number from it asks first, then redeploys it while the
   * person stays on Numbers, and the list shows the number free. */
  number_action (window, SECOND_NUMBER, take);
  dialog = wait_message_dialog ();
  screenshot (GTK_WIDGET (dialog), ui_app_is_russian () ? "take-number-ru.png" : "take-number.png");
  g_assert_cmpuint (govorun_agent_get_numbers (only_agent ())->len, ==, 2);
  respond (dialog, "remove");
  g_assert_true (wait_until (one_number_left, NULL, 30000));
  settle (1500);
  g_assert_nonnull (find_widget (window, GOVORUN_TYPE_NUMBERS_PAGE, NULL));
  {
    g_autofree char *title = govorun_format_phone_number (SECOND_NUMBER);
    GtkWidget *row = ui_wait_widget (window, ADW_TYPE_ACTION_ROW, title);

    g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), _("Not bound")));
  }
  screenshot (window, ui_app_is_russian () ? "number-taken-ru.png" : "number-taken.png");
}

static gboolean
run_script (gpointer user_data)
{
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *page;
  GovorunAgent *agent;
  GovorunSandbox *sandbox;

  ui_app_wait_ready ();
  window = GTK_WIDGET (ui_app_main_window ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  sandbox = govorun_application_get_sandbox (ui_app_get ());
  g_assert_cmpint (govorun_voximplant_emulator_add_owned_number (govorun_sandbox_get_voximplant (sandbox),
                                                                 GOVORUN_SANDBOX_VOX_ACCOUNT_ID, SECOND_NUMBER,
                                                                 "RU", "GEOGRAPHIC", "Moscow"), >, 0);

  /* New Agent, cancelled at the plan: nothing is kept. */
  ui_wait_widget (window, GTK_TYPE_LABEL, _("No Agents Yet"));
  click (window, _("New Agent"));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_AGENT_DIALOG);
  first_page (dialog);
  choose_agent_and_go_on (dialog);
  tick_number (dialog, GOVORUN_SANDBOX_DEMO_NUMBER);
  go_on_to_plan (dialog, FALSE, _("C_reate and Configure"));
  g_assert_cmpuint (n_agents (), ==, 0);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  ui_wait_closed (GOVORUN_TYPE_AGENT_DIALOG);
  settle (300);
  g_assert_cmpuint (n_agents (), ==, 0);
  ui_wait_widget (window, GTK_TYPE_LABEL, _("No Agents Yet"));

  /* Created for real this time, on the demo number. */
  click (window, _("New Agent"));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_AGENT_DIALOG);
  choose_agent_and_go_on (dialog);
  tick_number (dialog, GOVORUN_SANDBOX_DEMO_NUMBER);
  go_on_to_plan (dialog, FALSE, _("C_reate and Configure"));
  click (dialog, _("C_reate and Configure"));
  ui_wait_closed (GOVORUN_TYPE_AGENT_DIALOG);
  page = details (window);
  g_assert_true (wait_until (details_idle, page, 30000));
  agent = only_agent ();
  g_assert_cmpint (govorun_agent_get_state (agent), ==, GOVORUN_AGENT_STATE_READY);
  g_assert_cmpuint (unfinished_steps (page), ==, 0);

  /* Edit: a second number and outbound calls, then Escape at the plan.
   * The saved agent is as it was, and Voximplant matches it. */
  dialog = edit_to_plan (page);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  ui_wait_closed (GOVORUN_TYPE_AGENT_DIALOG);
  settle (300);
  agent = only_agent ();
  g_assert_false (govorun_agent_get_outbound (agent));
  g_assert_cmpuint (govorun_agent_get_numbers (agent)->len, ==, 1);
  g_assert_cmpint (govorun_agent_get_state (agent), ==, GOVORUN_AGENT_STATE_READY);
  click (window, _("C_heck for Changes"));
  wait_until (details_busy, page, 2000);   /* the check may be over already */
  g_assert_true (wait_until (details_idle, page, 15000));
  g_assert_null (find_widget (window, GTK_TYPE_LABEL, _("Changed Outside Govorun")));
  g_assert_cmpint (govorun_agent_get_state (only_agent ()), ==, GOVORUN_AGENT_STATE_READY);

  /* The same edit, deployed: every step ends done or skipped. */
  dialog = edit_to_plan (page);
  click (dialog, _("_Save and Deploy"));
  ui_wait_closed (GOVORUN_TYPE_AGENT_DIALOG);
  g_assert_true (wait_until (details_busy, page, 5000));
  g_assert_true (wait_until (details_idle, page, 30000));
  agent = only_agent ();
  g_assert_cmpint (govorun_agent_get_state (agent), ==, GOVORUN_AGENT_STATE_READY);
  g_assert_true (govorun_agent_get_outbound (agent));
  g_assert_cmpuint (govorun_agent_get_numbers (agent)->len, ==, 2);
  g_assert_cmpuint (unfinished_steps (page), ==, 0);
  settle (200);
  screenshot (window, ui_app_is_russian () ? "wizard-redeployed-ru.png" : "wizard-redeployed.png");

  /* The scenario code in the dark style: the dark source scheme. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (gtk_widget_activate_action (page, "details.scenario", NULL));
  {
    GtkWidget *code = ui_wait_toplevel (GOVORUN_TYPE_SCENARIO_WINDOW);
    GtkSourceBuffer *buffer;

    buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui_wait_widget (code, GTK_SOURCE_TYPE_VIEW,
                                                                                          NULL))));
    g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)),
                     ==, "Adwaita-dark");
    settle (500);
    screenshot (code, ui_app_is_russian () ? "scenario-dark-ru.png" : "scenario-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
    settle (50);
    g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)),
                     ==, "Adwaita");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    gtk_window_destroy (GTK_WINDOW (code));
  }

  agent_in_use (window);

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/wizard", run_script);
}
