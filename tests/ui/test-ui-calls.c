/* test-ui-calls.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Calls page as a person uses it, in the sandbox: before any sync it
 * says so and offers Sync Now; with a history in the store it lists the
 * calls with their count, minutes and cost above; filtering by status,
 * searching a Russian transcript phrase and a number change the count;
 * sorting by duration orders the rows; a search nothing matches offers to
 * clear the filters, which brings every call back. Screenshots of each
 * state land in tests/ui/screenshots/ (-ru for the Russian run).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "call-test-data.h"
#include "govorun-call-format.h"
#include "govorun-calls-page.h"
#include "govorun-services-private.h"
#include "ui-app.h"
#include "ui-helpers.h"

#define N_CALLS 300

static GovorunCallList *
call_list (void)
{
  return govorun_services_get_call_list (govorun_application_get_services (ui_app_get ()));
}

static void
calls_screenshot (GtkWidget  *window,
                  const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, ui_app_is_russian () ? "-ru" : "");

  settle (300);
  screenshot (window, file);
}

static gboolean
list_settled (gpointer data)
{
  GovorunCallList *list = call_list ();

  return !govorun_call_list_get_loading (list) && govorun_call_list_get_summary (list) != NULL &&
         govorun_call_list_get_summary (list)->count == g_list_model_get_n_items (G_LIST_MODEL (list));
}

static guint
settled_count (void)
{
  settle (400);
  g_assert_true (wait_until (list_settled, NULL, 10000));
  return g_list_model_get_n_items (G_LIST_MODEL (call_list ()));
}

/* The summary line shows the count the way the page formats it. */
static void
assert_summary_says (GtkWidget *page,
                     guint      count)
{
  g_autoptr(GovorunCallSummary) summary = govorun_call_summary_new ();
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *label;

  summary->count = count;
  expected = govorun_call_format_summary (summary, TRUE);
  /* "300+ calls" without the "+": the start of the real line. */
  {
    char *plus = strchr (expected, '+');

    g_assert_nonnull (plus);
    memmove (plus, plus + 1, strlen (plus));
  }
  label = find_with_css (page, "heading");
  g_assert_nonnull (label);
  shown = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  g_test_message ("summary: %s", shown);
  g_assert_true (g_str_has_prefix (shown, expected));
}

static void
search (GtkWidget  *page,
        const char *text)
{
  GtkWidget *entry = find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static gboolean
first_rows_loaded (gpointer data)
{
  g_autoptr(GovorunCallRecord) record = g_list_model_get_item (G_LIST_MODEL (call_list ()), 0);

  return record != NULL && !govorun_call_record_is_placeholder (record);
}

static gboolean
run_script (gpointer user_data)
{
  GtkWidget *window;
  GtkWidget *page;
  GtkColumnView *view;
  GovorunServices *services;
  guint expected;
  guint n;

  ui_app_wait_ready ();
  window = GTK_WIDGET (ui_app_main_window ());
  services = govorun_application_get_services (ui_app_get ());

  gtk_widget_activate (gtk_widget_get_ancestor (find_widget (find_with_css (window, "navigation-sidebar"),
                                                             GTK_TYPE_LABEL, _("Calls")),
                                                GTK_TYPE_LIST_BOX_ROW));
  page = ui_wait_widget (window, GOVORUN_TYPE_CALLS_PAGE, NULL);

  /* Nothing synced: the page says what to do. */
  ui_wait_widget (page, GTK_TYPE_LABEL, _("No Calls Yet"));
  g_assert_nonnull (find_widget (page, GTK_TYPE_BUTTON, _("_Sync Now")));
  calls_screenshot (window, "calls-empty");

  /* A history arrives (as a sync writes it) and the page shows it. */
  call_test_fill (govorun_services_get_store (services), 0, N_CALLS, 100, TRUE);
  govorun_call_list_refresh (call_list ());
  g_assert_cmpuint (settled_count (), ==, N_CALLS);
  g_assert_true (wait_until (first_rows_loaded, NULL, 5000));
  assert_summary_says (page, N_CALLS);
  calls_screenshot (window, "calls-list");

  /* Status: no answer (every fifth call), in the Filters popover. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_widget (page, GTK_TYPE_MENU_BUTTON, _("Filters"))));
  settle (200);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_wait_widget (page, GTK_TYPE_DROP_DOWN, NULL)), 2);
  calls_screenshot (window, "calls-filters");
  expected = 0;
  for (guint i = 0; i < N_CALLS; i++)
    expected += i % 5 == 3;
  g_assert_cmpuint (settled_count (), ==, expected);
  assert_summary_says (page, expected);
  {
    g_autofree char *one_filter = g_strdup_printf (_("Filters (%u)"), 1);

    g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, one_filter));
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (find_widget (page, GTK_TYPE_MENU_BUTTON, _("Filters"))));
  gtk_widget_activate_action (page, "calls.clear-filters", NULL);
  g_assert_cmpuint (settled_count (), ==, N_CALLS);

  /* A phrase of the transcripts, in Russian, any case. */
  search (page, "ЗАПИСАТЬСЯ НА ПРИЁМ");
  expected = 0;
  for (guint i = 0; i < N_CALLS; i++)
    expected += call_test_has_line (i, 1);
  n = settled_count ();
  g_assert_cmpuint (n, ==, expected);
  g_assert_cmpuint (n, <, N_CALLS);
  assert_summary_says (page, expected);
  calls_screenshot (window, "calls-search");

  /* A number as people type it: 8 916 000-01-23 is call 123's caller. */
  search (page, "8 916 000-01-23");
  g_assert_cmpuint (settled_count (), ==, 1);

  /* Nothing matches: the page offers to clear the filters. */
  search (page, "Марсианин");
  g_assert_cmpuint (settled_count (), ==, 0);
  ui_wait_widget (page, GTK_TYPE_LABEL, _("No Matching Calls"));
  calls_screenshot (window, "calls-no-match");
  click (page, _("_Clear Filters"));
  g_assert_cmpuint (settled_count (), ==, N_CALLS);

  /* Sorting by duration, shortest first, through the column header's sorter. */
  view = GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL));
  gtk_column_view_sort_by_column (view, column_titled (view, _("Duration")), GTK_SORT_ASCENDING);
  settled_count ();
  g_assert_true (wait_until (first_rows_loaded, NULL, 5000));
  {
    gboolean descending = TRUE;
    guint last = 0;

    g_assert_cmpint (govorun_call_list_get_sort (call_list (), &descending), ==,
                     GOVORUN_CALL_SORT_DURATION);
    g_assert_false (descending);
    for (guint i = 0; i < 50; i++)
      {
        g_autoptr(GovorunCallRecord) record = g_list_model_get_item (G_LIST_MODEL (call_list ()), i);

        g_assert_false (govorun_call_record_is_placeholder (record));
        g_assert_cmpuint (govorun_call_record_get_duration (record), >=, last);
        last = govorun_call_record_get_duration (record);
      }
  }
  calls_screenshot (window, "calls-sorted");

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/calls", run_script);
}
