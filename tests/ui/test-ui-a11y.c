/* test-ui-a11y.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Govorun through the accessibility tree and the keyboard, in sandbox mode
 * (run through run-ui.sh, in both languages): every page and every dialog
 * is walked for a control a screen reader would read without a name and for
 * a row that takes a Tab stop without doing anything; the
 * shortcuts a person expects do what they say (Ctrl+N by page, F10 at any
 * width, F5, Ctrl+F, Ctrl+?, Ctrl+comma, Ctrl+W, Ctrl+Q, Escape); dialogs
 * open with the focus in their first field; the Preferences window sets the
 * API endpoints and refuses an address that is not one.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "govorun-account-dialog.h"
#include "govorun-agent-dialog.h"
#include "govorun-application.h"
#include "call-test-data.h"
#include "govorun-buy-number-dialog.h"
#include "govorun-campaign-assistant.h"
#include "govorun-campaigns-page.h"
#include "govorun-do-not-call-dialog.h"
#include "govorun-export-dialog.h"
#include "govorun-find-agents-dialog.h"
#include "govorun-services-private.h"
#include "govorun-preferences-window.h"
#include "govorun-window.h"
#include "govorun-call-details.h"
#include "test-util.h"
#include "ui-call-fixture.h"
#include "ui-helpers.h"

static GovorunApplication *app;
static GString *report;

static GtkWindow *
main_window (void)
{
  return GTK_WINDOW (toplevel_of_type (GOVORUN_TYPE_WINDOW));
}

static gboolean
app_ready (gpointer data)
{
  GovorunServices *services = govorun_application_get_services (app);

  if (govorun_services_get_state (services) == GOVORUN_SERVICES_STATE_FAILED)
    g_error ("Govorun failed to start: %s", govorun_services_get_failure (services));

  return govorun_services_get_state (services) == GOVORUN_SERVICES_STATE_READY &&
         main_window () != NULL && gtk_widget_get_mapped (GTK_WIDGET (main_window ())) &&
         g_list_model_get_n_items (G_LIST_MODEL (govorun_services_get_accounts (services))) == 2;
}

static gboolean
toplevel_shown (gpointer data)
{
  GtkWindow *window = toplevel_of_type (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
toplevel_gone (gpointer data)
{
  return toplevel_of_type (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
popover_open (gpointer data)
{
  GtkMenuButton *button = data;

  return gtk_menu_button_get_popover (button) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (button)));
}

/* The sidebar row of a page, found by the page's title. */
static void
show_page (const char *title)
{
  GtkWidget *sidebar = find_with_css (GTK_WIDGET (main_window ()), "navigation-sidebar");
  GtkWidget *label = NULL;
  GtkWidget *row;

  /* Folded, the sidebar is not shown: go back to it first. */
  g_assert_nonnull (sidebar);
  if (!gtk_widget_get_mapped (sidebar))
    {
      click (GTK_WIDGET (main_window ()), _("Back"));
      settle (600);
    }
  label = find_widget (sidebar, GTK_TYPE_LABEL, title);
  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  settle (600);
}

static void
walk (GtkWidget  *root,
      const char *where)
{
  g_autofree char *name = g_strdup_printf ("%s (%s)", where, setlocale (LC_MESSAGES, NULL));

  collect_unnamed_controls (root, name, report);
}

static gboolean
focus_in_field (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_CHECK_BUTTON (focus) ||
                           GTK_IS_LIST_BOX_ROW (focus) || gtk_widget_get_ancestor (focus, ADW_TYPE_COMBO_ROW));
}

/* The focus is in a field a person types into or picks from (once the
 * field's choices have loaded: slowly, on a loaded machine). */
static void
assert_focus_in_field (GtkWindow  *window,
                       const char *where)
{
  GtkWidget *focus;

  wait_until (focus_in_field, window, 10000);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  if (focus == NULL || !(GTK_IS_EDITABLE (focus) || GTK_IS_CHECK_BUTTON (focus) ||
                         GTK_IS_LIST_BOX_ROW (focus) || gtk_widget_get_ancestor (focus, ADW_TYPE_COMBO_ROW)))
    g_error ("%s opens with the focus on %s, not in its first field", where,
             focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
}

/* Ctrl+N on @page opens @dialog_type; its controls are named, the focus is
 * in its first field, Escape closes it. */
static void
check_new_item (const char *page,
                GType       dialog_type)
{
  GtkWindow *dialog;

  show_page (page);
  g_assert_true (press_shortcut (main_window (), GDK_KEY_n, GDK_CONTROL_MASK));
  g_assert_true (wait_until (toplevel_shown, GSIZE_TO_POINTER (dialog_type), 5000));
  dialog = toplevel_of_type (dialog_type);
  settle (1500);
  assert_focus_in_field (dialog, g_type_name (dialog_type));
  walk (GTK_WIDGET (dialog), g_type_name (dialog_type));

  /* Ctrl+F reaches the list's search where the dialog has one. */
  if (dialog_type == GOVORUN_TYPE_AGENT_DIALOG)
    {
      GtkWidget *search = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, NULL);

      g_assert_nonnull (search);
      gtk_widget_grab_focus (GTK_WIDGET (dialog));
      g_assert_true (press_shortcut (dialog, GDK_KEY_f, GDK_CONTROL_MASK));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), search) ||
                     gtk_root_get_focus (GTK_ROOT (dialog)) == search);
    }

  /* Escape closes the dialog wherever the focus is, its search field too
   * (an empty one; a filled one is cleared first). */
  if (GTK_IS_SEARCH_ENTRY (gtk_root_get_focus (GTK_ROOT (dialog))) ||
      gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), GTK_TYPE_SEARCH_ENTRY))
    {
      GtkWidget *search = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, NULL);

      gtk_editable_set_text (GTK_EDITABLE (search), "zz");
      g_assert_true (press_shortcut (dialog, GDK_KEY_Escape, 0));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
      g_assert_nonnull (toplevel_of_type (dialog_type));
    }
  g_assert_true (press_shortcut (dialog, GDK_KEY_Escape, 0));
  if (!wait_until (toplevel_gone, GSIZE_TO_POINTER (dialog_type), 5000))
    g_error ("Escape did not close %s", g_type_name (dialog_type));
}

/* The do-not-call list, from the Campaigns page's menu: named controls,
 * the focus in the number field, Escape closes it. */
static void
check_do_not_call_dialog (void)
{
  GtkWindow *dialog;

  show_page (_("Campaigns"));
  g_assert_true (gtk_widget_activate_action (find_widget (GTK_WIDGET (main_window ()), GOVORUN_TYPE_CAMPAIGNS_PAGE,
                                                          NULL),
                                             "campaigns.do-not-call", NULL));
  g_assert_true (wait_until (toplevel_shown, GSIZE_TO_POINTER (GOVORUN_TYPE_DO_NOT_CALL_DIALOG), 5000));
  dialog = toplevel_of_type (GOVORUN_TYPE_DO_NOT_CALL_DIALOG);
  settle (1000);
  assert_focus_in_field (dialog, "Do-Not-Call List");
  walk (GTK_WIDGET (dialog), "Do-Not-Call List");
  g_assert_true (press_shortcut (dialog, GDK_KEY_Escape, 0));
  if (!wait_until (toplevel_gone, GSIZE_TO_POINTER (GOVORUN_TYPE_DO_NOT_CALL_DIALOG), 5000))
    g_error ("Escape did not close the do-not-call list");
}

static gboolean
unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
check_menu (void)
{
  GtkWidget *menu_button = find_widget (GTK_WIDGET (main_window ()), GTK_TYPE_MENU_BUTTON, _("Main Menu"));
  GtkPopover *popover;

  g_assert_nonnull (menu_button);
  g_assert_true (press_shortcut (main_window (), GDK_KEY_F10, 0));
  g_assert_true (wait_until (popover_open, menu_button, 3000));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  /* The sandbox can be left from the menu, and not opened again. */
  g_assert_nonnull (find_widget (GTK_WIDGET (popover), GTK_TYPE_WIDGET, _("_Leave the Sandbox")) ?:
                    find_widget (GTK_WIDGET (popover), GTK_TYPE_WIDGET, _("Leave the Sandbox")));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "leave-sandbox"));
  g_assert_false (g_action_group_has_action (G_ACTION_GROUP (app), "open-sandbox"));
  gtk_popover_popdown (popover);
  settle (300);

  /* Narrow: the sidebar is folded away behind a page; F10 still opens it. */
  gtk_window_set_default_size (main_window (), 360, 600);
  settle (800);
  show_page (_("Numbers"));
  g_assert_true (wait_until (unmapped, menu_button, 5000));
  g_assert_true (press_shortcut (main_window (), GDK_KEY_F10, 0));
  g_assert_true (wait_until (popover_open, menu_button, 3000));
  gtk_popover_popdown (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  gtk_window_set_default_size (main_window (), 1000, 700);
  settle (800);
}

/* Types into the entry row @row_title, then its Apply button. */
static void
type_and_apply (GtkWidget  *window,
                const char *row_title,
                const char *text)
{
  type_into (window, row_title, text);
  g_signal_emit_by_name (find_widget (window, ADW_TYPE_ENTRY_ROW, row_title), "apply");
  settle (100);
}

/* The Calls page: its spin buttons write the sync's keys. */
static void
check_calls_preferences (GtkWindow *prefs,
                         GSettings *settings)
{
  guint interval = g_settings_get_uint (settings, "sync-interval");
  GtkWidget *row;
  GtkWidget *spin;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "calls");
  settle (500);
  screenshot (GTK_WIDGET (prefs), g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "ru")
                                  ? "preferences-calls-ru.png" : "preferences-calls.png");
  row = find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, _("Automatic Sync"));
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==,
                     g_settings_get_uint (settings, "sync-interval"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 15);
  g_assert_cmpuint (g_settings_get_uint (settings, "sync-interval"), ==, 15);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "sync-interval"), ==, 0);
  g_settings_set_uint (settings, "sync-interval", interval);

  row = find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, _("History on First Sync"));
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "history-days"), ==, 30);
  g_settings_reset (settings, "history-days");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 90);

  /* The sandbox's own row shows in the sandbox only. */
  row = find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, _("Calls in the Sandbox"));
  g_assert_nonnull (row);
}

static void
check_preferences (void)
{
  GtkWindow *prefs;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *standard = g_settings_get_string (settings, "voximplant-api-url");
  g_autofree char *after_bad = NULL;
  g_autofree char *after_good = NULL;
  g_autofree char *after_reset = NULL;
  GtkWidget *row;

  g_assert_true (press_shortcut (main_window (), GDK_KEY_comma, GDK_CONTROL_MASK));
  g_assert_true (wait_until (toplevel_shown, GSIZE_TO_POINTER (GOVORUN_TYPE_PREFERENCES_WINDOW), 5000));
  prefs = toplevel_of_type (GOVORUN_TYPE_PREFERENCES_WINDOW);
  settle (500);
  walk (GTK_WIDGET (prefs), "Preferences");

  /* A half-typed address is refused, in the row, and never saved. */
  type_and_apply (GTK_WIDGET (prefs), _("Voximplant Management API"), "api.example.com/platform");
  row = find_widget (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, _("Voximplant Management API"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  after_bad = g_settings_get_string (settings, "voximplant-api-url");
  g_assert_cmpstr (after_bad, ==, standard);

  type_and_apply (GTK_WIDGET (prefs), _("Voximplant Management API"), "https://proxy.example.com/platform_api");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  after_good = g_settings_get_string (settings, "voximplant-api-url");
  g_assert_cmpstr (after_good, ==, "https://proxy.example.com/platform_api");

  click (GTK_WIDGET (prefs), _("_Reset"));
  settle (600);
  after_reset = g_settings_get_string (settings, "voximplant-api-url");
  g_assert_cmpstr (after_reset, ==, standard);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, standard);

  check_calls_preferences (prefs, settings);

  g_assert_true (press_shortcut (prefs, GDK_KEY_w, GDK_CONTROL_MASK));
  g_assert_true (wait_until (toplevel_gone, GSIZE_TO_POINTER (GOVORUN_TYPE_PREFERENCES_WINDOW), 5000));
}

/* Export Calls, opened as the Calls page opens it: named controls, the
 * focus in its first field, Escape closes it. */
static void
check_export_dialog (void)
{
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  GtkWindow *dialog;

  dialog = GTK_WINDOW (govorun_export_dialog_new (main_window (), govorun_application_get_services (app),
                                                  filter, GOVORUN_CALL_SORT_STARTED_AT, TRUE));
  gtk_window_present (dialog);
  g_assert_true (wait_until (toplevel_shown, GSIZE_TO_POINTER (GOVORUN_TYPE_EXPORT_DIALOG), 5000));
  settle (500);
  assert_focus_in_field (dialog, "Export Calls");
  walk (GTK_WIDGET (dialog), "Export Calls");
  g_assert_true (press_shortcut (dialog, GDK_KEY_Escape, 0));
  if (!wait_until (toplevel_gone, GSIZE_TO_POINTER (GOVORUN_TYPE_EXPORT_DIALOG), 5000))
    g_error ("Escape did not close Export Calls");
}

/* Find Agents: named controls once the search is done, Escape closes it. */
static void
check_find_agents_dialog (void)
{
  GovorunServices *services = govorun_application_get_services (app);
  GtkWindow *dialog;

  dialog = GTK_WINDOW (govorun_find_agents_dialog_new (main_window (), govorun_services_get_agent_finder (services),
                                                       govorun_services_get_accounts (services)));
  gtk_window_present (dialog);
  g_assert_true (wait_until (toplevel_shown, GSIZE_TO_POINTER (GOVORUN_TYPE_FIND_AGENTS_DIALOG), 5000));
  settle (2000);
  walk (GTK_WIDGET (dialog), "Find Agents");
  g_assert_true (press_shortcut (dialog, GDK_KEY_Escape, 0));
  if (!wait_until (toplevel_gone, GSIZE_TO_POINTER (GOVORUN_TYPE_FIND_AGENTS_DIALOG), 5000))
    g_error ("Escape did not close Find Agents");
}

static void
check_application_shortcuts (void)
{
  g_auto(GStrv) quit = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>q");
  g_auto(GStrv) close = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>w");
  g_auto(GStrv) help = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>question");

  g_assert_true (g_strv_contains ((const char * const *) quit, "app.quit"));
  g_assert_true (g_strv_contains ((const char * const *) close, "window.close"));
  g_assert_true (g_strv_contains ((const char * const *) help, "win.show-help-overlay"));

  /* Ctrl+? shows the keyboard shortcuts. */
  g_assert_true (press_shortcut (main_window (), GDK_KEY_question, GDK_CONTROL_MASK | GDK_SHIFT_MASK) ||
                 press_shortcut (main_window (), GDK_KEY_question, GDK_CONTROL_MASK));
  g_assert_true (wait_until (toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 5000));
  gtk_window_close (toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (wait_until (toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 5000));
}

static void
check_refresh (void)
{
  GovorunEmulator *vox = GOVORUN_EMULATOR (govorun_sandbox_get_voximplant (govorun_application_get_sandbox (app)));
  guint before;

  show_page (_("Numbers"));
  settle (1500);
  before = govorun_emulator_get_request_count (vox, "GetPhoneNumbers");
  g_assert_true (press_shortcut (main_window (), GDK_KEY_F5, 0));
  /* Requests go out when the page is free to ask: later on a loaded machine. */
  for (guint i = 0; i < 50 && govorun_emulator_get_request_count (vox, "GetPhoneNumbers") <= before; i++)
    settle (200);
  g_assert_cmpuint (govorun_emulator_get_request_count (vox, "GetPhoneNumbers"), >, before);
}

/* The walk itself finds what it is for: an icon-only button with only a
 * tooltip, as the header "+" was. */
static void
check_walker (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *unnamed = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *named = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autoptr(GString) found = g_string_new (NULL);

  gtk_widget_set_tooltip_text (unnamed, "Add");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add", -1);
  gtk_box_append (GTK_BOX (box), unnamed);
  gtk_box_append (GTK_BOX (box), named);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Add"));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  settle (300);

  collect_unnamed_controls (window, "self-test", found);
  g_assert_nonnull (strstr (found->str, "tooltip Add"));
  g_assert_null (strstr (strstr (found->str, "\n") + 1, "unnamed"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
widget_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

/* The call details, with a call whose recording has loaded: every control
 * named; Escape closes it. */
static void
check_call_details (void)
{
  g_autoptr(UiCallFixture) fixture = ui_call_fixture_add (app);
  GtkWidget *dialog = govorun_call_details_new (govorun_application_get_services (app),
                                                fixture->call_id);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), main_window ());
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (wait_until (toplevel_shown, GSIZE_TO_POINTER (GOVORUN_TYPE_CALL_DETAILS), 5000));
  g_assert_true (wait_until (widget_sensitive, find_widget (dialog, GTK_TYPE_BUTTON, _("Play")), 15000));
  walk (dialog, "Call details");
  g_assert_true (press_shortcut (GTK_WINDOW (dialog), GDK_KEY_Escape, 0));
  g_assert_true (wait_until (toplevel_gone, GSIZE_TO_POINTER (GOVORUN_TYPE_CALL_DETAILS), 5000));
}

static gboolean
run_script (gpointer data)
{
  const char *pages[] = { N_("Overview"), N_("Agents"), N_("Calls"), N_("Campaigns"), N_("Numbers"),
                          N_("Accounts") };

  g_assert_true (wait_until (app_ready, NULL, 20000));
  settle (1000);
  check_walker ();
  /* Calls in the store, so that the Calls page shows its rows and filters. */
  call_test_fill (govorun_services_get_store (govorun_application_get_services (app)), 0, 50, 50,
                  TRUE);
  govorun_call_list_refresh (govorun_services_get_call_list (govorun_application_get_services (app)));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (_(pages[i]));
      settle (1000);
      walk (GTK_WIDGET (main_window ()), pages[i]);
    }

  check_new_item (_("Accounts"), GOVORUN_TYPE_ACCOUNT_DIALOG);
  check_new_item (_("Agents"), GOVORUN_TYPE_AGENT_DIALOG);
  check_new_item (_("Numbers"), GOVORUN_TYPE_BUY_NUMBER_DIALOG);
  check_new_item (_("Campaigns"), GOVORUN_TYPE_CAMPAIGN_ASSISTANT);
  check_do_not_call_dialog ();
  check_export_dialog ();
  check_find_agents_dialog ();
  check_refresh ();
  check_menu ();
  check_preferences ();
  check_application_shortcuts ();
  check_call_details ();

  if (report->len > 0)
    g_error ("Controls without an accessible name, or rows that stop Tab for nothing:\n%s", report->str);

  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
test_accessibility_and_keyboard (void)
{
  g_assert_cmpint (run_sandbox_app (&app, run_script), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  report = g_string_new (NULL);

  g_test_add_func ("/Govorun/UI/accessibility-and-keyboard", test_accessibility_and_keyboard);

  return g_test_run ();
}
