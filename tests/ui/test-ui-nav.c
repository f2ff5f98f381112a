/* test-ui-nav.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding one's way as a person does, in the sandbox: an agent's details
 * are a subpage with the agent's name in the header and the header's one
 * back button (Alt+Left and Escape too), also at the narrowest width; each
 * page has one place to add its thing; the wizard says which step it is on
 * and can be cancelled on every step; a long error is said in full in the
 * page, not in a toast; F5 and Ctrl+F act on the page shown.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-account-row.h"
#include "govorun-agent-dialog.h"
#include "govorun-error-banner.h"
#include "ui-app.h"
#include "ui-helpers.h"

#define AGENT_NAME "Front desk"

static gboolean saved;

static GovorunServices *
services (void)
{
  return govorun_application_get_services (ui_app_get ());
}

/* Mapped buttons named @text (label, tooltip or accessible label alike). */
static guint
count_buttons (GtkWidget  *root,
               const char *text)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;

  if (GTK_IS_BUTTON (root) && find_widget (root, GTK_TYPE_BUTTON, text) == root)
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_buttons (child, text);

  return n;
}

/* The title the content header shows (the sidebar's is "Govorun"). */
static const char *
content_title (GtkWidget *window)
{
  GtkWidget *back = find_widget (window, GTK_TYPE_BUTTON, _("Back"));
  GtkWidget *header;
  GtkWidget *title;

  if (back == NULL)
    return NULL;
  header = gtk_widget_get_ancestor (back, ADW_TYPE_HEADER_BAR);
  title = find_widget (header, ADW_TYPE_WINDOW_TITLE, NULL);

  return title != NULL ? adw_window_title_get_title (ADW_WINDOW_TITLE (title)) : NULL;
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GovorunAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  agent = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  g_assert_no_error (error);
  saved = TRUE;
}

static gboolean
is_saved (gpointer data)
{
  return saved;
}

/* A draft agent, as the wizard saves one. */
static void
save_agent (void)
{
  GovorunAccountStore *accounts = govorun_services_get_accounts (services ());
  g_autoptr(GovorunAgent) agent = govorun_agent_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (accounts)); i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);

      if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
        govorun_agent_set_vox_account_uuid (agent, govorun_account_get_uuid (account));
    }
  govorun_agent_set_name (agent, AGENT_NAME);
  govorun_agent_store_save_async (govorun_services_get_agents (services ()), agent, NULL, on_saved, NULL);
  g_assert_true (wait_until (is_saved, NULL, 5000));
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (GTK_IS_LIST_BOX_ROW (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks the sidebar row of page @name ("agents", "numbers", "accounts"). */
static void
show_page (GtkWidget  *window,
           const char *name)
{
  GtkWidget *row = find_named (window, name);

  g_assert_nonnull (row);
  gtk_widget_activate (row);
  settle (300);
}

static void
open_agent (GtkWidget *window)
{
  gtk_widget_activate (ui_wait_widget (window, ADW_TYPE_ACTION_ROW, AGENT_NAME));
  ui_wait_widget (window, GTK_TYPE_BUTTON, _("C_heck for Changes"));
  settle (300);
}

static void
shot (GtkWidget  *window,
      const char *name)
{
  g_autofree char *file = g_strdup_printf ("nav-%s%s.png", name, ui_app_is_russian () ? "-ru" : "");

  screenshot (window, file);
}

/* 1. One back path: the header names the agent and has the one back
 * button; Alt+Left and Escape go back too. */
static void
test_back_path (GtkWidget *window)
{
  show_page (window, "agents");
  open_agent (window);
  g_assert_cmpstr (content_title (window), ==, AGENT_NAME);
  g_assert_cmpuint (count_buttons (window, _("Back")), ==, 1);
  g_assert_null (find_widget (window, GTK_TYPE_BUTTON, _("All Agents")));
  /* The list's "+" is not offered over one agent. */
  g_assert_null (find_widget (window, GTK_TYPE_BUTTON, _("New Agent")));
  shot (window, "details");

  click (window, _("Back"));
  ui_wait_widget (window, ADW_TYPE_ACTION_ROW, AGENT_NAME);
  g_assert_null (find_widget (window, GTK_TYPE_BUTTON, _("Back")));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (ui_wait_widget (window, ADW_TYPE_WINDOW_TITLE,
                                                                                  NULL))), !=, AGENT_NAME);

  open_agent (window);
  g_assert_true (press_shortcut (GTK_WINDOW (window), GDK_KEY_Left, GDK_ALT_MASK));
  ui_wait_widget (window, ADW_TYPE_ACTION_ROW, AGENT_NAME);

  open_agent (window);
  g_assert_true (press_shortcut (GTK_WINDOW (window), GDK_KEY_Escape, 0));
  ui_wait_widget (window, ADW_TYPE_ACTION_ROW, AGENT_NAME);
  /* On the list Escape has nothing to leave. */
  g_assert_false (press_shortcut (GTK_WINDOW (window), GDK_KEY_Escape, 0));
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) <= 360;
}

static gboolean
back_gone (gpointer data)
{
  return find_widget (GTK_WIDGET (data), GTK_TYPE_BUTTON, _("Back")) == NULL;
}

/* 1 and 7, at 360 px: the window fits, and an agent's details still have
 * one back button, which goes to the list, then to the sidebar. */
static void
test_narrow (GtkWidget *window)
{
  int min_width;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  g_assert_true (wait_until (is_narrow, window, 5000));
  settle (300);

  open_agent (window);
  g_assert_cmpuint (count_buttons (window, _("Back")), ==, 1);
  shot (window, "details-narrow");
  click (window, _("Back"));
  ui_wait_widget (window, ADW_TYPE_ACTION_ROW, AGENT_NAME);
  g_assert_cmpuint (count_buttons (window, _("Back")), ==, 1);
  settle (500);
  click (window, _("Back"));
  g_assert_true (wait_until (back_gone, window, 15000));
  g_assert_nonnull (find_widget (window, GTK_TYPE_MENU_BUTTON, _("Main Menu")));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 580);
  settle (600);
}

/* 2. One place to add each thing: the header's "+". */
static void
test_one_add (GtkWidget *window)
{
  show_page (window, "agents");
  g_assert_cmpuint (count_buttons (window, _("New Agent")), ==, 1);

  show_page (window, "accounts");
  g_assert_cmpuint (count_buttons (window, _("Add Account")), ==, 1);
  g_assert_cmpuint (count_buttons (window, _("_Add")), ==, 0);
  g_assert_cmpuint (count_buttons (window, _("A_dd")), ==, 0);
  g_assert_null (find_widget (window, GTK_TYPE_BUTTON, _("Add Voximplant Account")));
  g_assert_null (find_widget (window, GTK_TYPE_BUTTON, _("Add ElevenLabs Key")));

  show_page (window, "numbers");
  g_assert_cmpuint (count_buttons (window, _("Buy a Number")), ==, 1);
  g_assert_cmpuint (count_buttons (window, _("_Buy a Number…")), ==, 0);
}

static gboolean
banner_hidden (gpointer data)
{
  return !govorun_error_banner_get_revealed (GOVORUN_ERROR_BANNER (data));
}

/* 5. A long error is said in full in the page, as plain text, and can be
 * dismissed; switching pages leaves it behind. */
static void
test_error_banner (GtkWidget *window)
{
  const char *text = "Voximplant did not accept <b>the key</b> & said so at length, more than a toast can hold.";
  GtkWidget *banner;

  show_page (window, "accounts");
  banner = find_with_css (window, "error-banner-text");
  g_assert_nonnull (banner);
  banner = gtk_widget_get_ancestor (banner, GOVORUN_TYPE_ERROR_BANNER);
  g_assert_false (govorun_error_banner_get_revealed (GOVORUN_ERROR_BANNER (banner)));

  /* What a row does with a failed connection test. */
  govorun_error_show (find_widget (window, GOVORUN_TYPE_ACCOUNT_ROW, NULL), text);
  g_assert_true (govorun_error_banner_get_revealed (GOVORUN_ERROR_BANNER (banner)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_with_css (banner, "error-banner-text"))), ==, text);
  /* The revealer shows its child once its animation has begun. */
  ui_wait_widget (banner, GTK_TYPE_BUTTON, _("Dismiss"));
  settle (400);
  shot (window, "error-banner");
  click (banner, _("Dismiss"));
  g_assert_true (wait_until (banner_hidden, banner, 2000));

  govorun_error_show (find_widget (window, GOVORUN_TYPE_ACCOUNT_ROW, NULL), text);
  show_page (window, "agents");
  g_assert_false (govorun_error_banner_get_revealed (GOVORUN_ERROR_BANNER (banner)));
}

static gboolean
some_row_testing (gpointer data)
{
  return find_widget (GTK_WIDGET (data), GTK_TYPE_BUTTON, _("_Cancel")) != NULL;
}

/* 6. F5 and Ctrl+F act on the page shown. */
static void
test_shortcuts (GtkWidget *window)
{
  GtkWidget *search;

  /* Accounts: F5 tests every account again; there is no search, and
   * Ctrl+F does nothing. */
  show_page (window, "accounts");
  g_assert_true (press_shortcut (GTK_WINDOW (window), GDK_KEY_F5, 0));
  g_assert_true (wait_until (some_row_testing, window, 2000) ||
                 find_widget (window, GOVORUN_TYPE_ACCOUNT_ROW, NULL) != NULL);
  g_assert_false (press_shortcut (GTK_WINDOW (window), GDK_KEY_f, GDK_CONTROL_MASK));
  settle (1000);

  /* Agents: Ctrl+F focuses the list's search, also from an agent. */
  show_page (window, "agents");
  open_agent (window);
  g_assert_true (press_shortcut (GTK_WINDOW (window), GDK_KEY_F5, 0));
  g_assert_true (press_shortcut (GTK_WINDOW (window), GDK_KEY_f, GDK_CONTROL_MASK));
  search = find_widget (window, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == search);
  gtk_editable_set_text (GTK_EDITABLE (search), "zzz");
  ui_wait_widget (window, GTK_TYPE_LABEL, _("No Matching Agents"));
  g_assert_null (find_widget (window, ADW_TYPE_ACTION_ROW, AGENT_NAME));
  shot (window, "agents-search");
  gtk_editable_set_text (GTK_EDITABLE (search), "front");
  ui_wait_widget (window, ADW_TYPE_ACTION_ROW, AGENT_NAME);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
}

typedef struct
{
  GtkWidget  *title;
  const char *subtitle;
} Subtitle;

static gboolean
subtitle_is (gpointer data)
{
  Subtitle *s = data;

  return g_strcmp0 (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (s->title)), s->subtitle) == 0;
}

/* 3. The wizard says its step, and every step can be cancelled. */
static void
test_wizard_steps (GtkWidget *window)
{
  GtkWidget *dialog;
  GtkWidget *title;
  GtkWidget *header;
  g_autofree char *step1 = g_strdup_printf (_("Step %u of %u — %s"), 1, 4, _("Who Answers"));
  g_autofree char *step2 = g_strdup_printf (_("Step %u of %u — %s"), 2, 4, _("Numbers"));

  show_page (window, "agents");
  g_assert_true (gtk_widget_activate_action (window, "win.new-agent", NULL));
  dialog = ui_wait_toplevel (GOVORUN_TYPE_AGENT_DIALOG);
  title = find_widget (dialog, ADW_TYPE_WINDOW_TITLE, NULL);
  header = find_widget (dialog, ADW_TYPE_HEADER_BAR, NULL);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, step1);
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_BUTTON, _("_Cancel")));
  g_assert_null (find_widget (dialog, GTK_TYPE_BUTTON, _("Back")));

  gtk_widget_activate (ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, ui_demo_reception_agent ()));
  ui_wait_sensitive (find_widget (dialog, GTK_TYPE_BUTTON, _("_Next")));
  click (dialog, _("_Next"));
  g_assert_true (wait_until (subtitle_is, &(Subtitle) { title, step2 }, 2000));
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_BUTTON, _("Back")));
  g_assert_null (find_widget (dialog, GTK_TYPE_BUTTON, _("_Cancel")));
  g_assert_true (adw_header_bar_get_show_end_title_buttons (ADW_HEADER_BAR (header)));
  settle (400);
  shot (dialog, "wizard-step2");

  click (dialog, _("Back"));
  g_assert_true (wait_until (subtitle_is, &(Subtitle) { title, step1 }, 2000));
  g_assert_false (adw_header_bar_get_show_end_title_buttons (ADW_HEADER_BAR (header)));
  click (dialog, _("_Next"));
  g_assert_true (wait_until (subtitle_is, &(Subtitle) { title, step2 }, 2000));
  g_assert_true (press_shortcut (GTK_WINDOW (dialog), GDK_KEY_Escape, 0));
  ui_wait_closed (GOVORUN_TYPE_AGENT_DIALOG);
}

static gboolean
run_script (gpointer user_data)
{
  GtkWidget *window;

  ui_app_wait_ready ();
  window = GTK_WIDGET (ui_app_main_window ());
  save_agent ();

  test_back_path (window);
  test_narrow (window);
  test_one_add (window);
  test_error_banner (window);
  test_shortcuts (window);
  test_wizard_steps (window);

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/nav", run_script);
}
