/* test-ui-calls.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Calls page as a person uses it, in the sandbox (a history of a few
 * hundred calls, automatic sync off: ui_test_settings_init()): before any
 * sync it says so and offers Sync Now; Sync Now brings the emulators'
 * history in, and the list shows it with its count, minutes and cost
 * above; filtering by status, searching a Russian transcript phrase and a
 * number change the count; sorting by duration orders the rows; a search
 * nothing matches offers to clear the filters, which brings every call
 * back; a failing sync says so once on the page, until closed. Screenshots
 * of each state land in tests/ui/screenshots/ (-ru for the Russian run).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-call-format.h"
#include "govorun-analysis-filter.h"
#include "govorun-calls-page.h"
#include "govorun-error-banner.h"
#include "govorun-emulator.h"
#include "govorun-sandbox.h"
#include "ui-app.h"
#include "ui-helpers.h"


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
         govorun_call_list_get_summary (list)->count ==
           g_list_model_get_n_items (G_LIST_MODEL (list));
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
  g_autofree char *expected = govorun_call_format_count (count, FALSE);
  g_autofree char *shown = NULL;
  GtkWidget *label;

  label = find_with_css (page, "heading");
  g_assert_nonnull (label);
  shown = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  g_test_message ("summary: %s", shown);
  g_assert_true (g_str_has_prefix (shown, expected));
  /* ElevenLabs' credits are counted in the user's language, not named by
   * the provider's unit. */
  if (ui_app_is_russian ())
    g_assert_null (strstr (shown, "credits"));
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
error_shown (gpointer data)
{
  /* The shared error banner, not a row of the page's own. */
  GtkWidget *banner = find_with_css (GTK_WIDGET (data), "calls-error");

  return banner != NULL && GOVORUN_IS_ERROR_BANNER (banner) &&
         govorun_error_banner_get_revealed (GOVORUN_ERROR_BANNER (banner));
}

static gboolean
error_hidden (gpointer data)
{
  return !error_shown (data);
}

static gboolean
sync_done (gpointer data)
{
  GovorunCallSync *sync = govorun_services_get_call_sync (data);

  return !govorun_call_sync_get_running (sync) && govorun_call_sync_get_last_synced (sync) > 0;
}

typedef enum
{
  ROWS_NO_ANSWER,
  ROWS_ANSWERED,
} Rows;

/* Row @i as a view gets it once its page has come. */
static GovorunCallRecord *
row_at (guint i)
{
  GovorunCallRecord *record;

  while ((record = g_list_model_get_item (G_LIST_MODEL (call_list ()), i)) != NULL &&
         govorun_call_record_is_placeholder (record))
    {
      g_object_unref (record);
      settle (50);
    }
  g_assert_nonnull (record);
  return record;
}

/* Every row of the list is what the filter asked for. */
static void
assert_rows (Rows  rows,
             guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunCallRecord) record = row_at (i);

      g_assert_cmpint (govorun_call_record_get_status (record), ==,
                       rows == ROWS_NO_ANSWER ? GOVORUN_CALL_STATUS_NO_ANSWER
                                              : GOVORUN_CALL_STATUS_ANSWERED);
    }
}

static void
assert_rows_from (const char *from,
                  guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunCallRecord) record = row_at (i);

      g_assert_true (g_strcmp0 (govorun_call_record_get_from_number (record), from) == 0 ||
                     g_strcmp0 (govorun_call_record_get_to_number (record), from) == 0);
    }
}

/* The position of @text in @dropdown's string list, or -1. */
static int
dropdown_position (GtkDropDown *dropdown,
                   const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return (int) i;
  return -1;
}

static gboolean
field_listed (gpointer data)
{
  return dropdown_position (data, "Urgency") > 0;
}

typedef struct
{
  GPtrArray *fields;
} Counted;

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Counted *counted = user_data;
  g_autoptr(GError) error = NULL;

  counted->fields = govorun_call_analysis_count_finish (GOVORUN_CALL_ANALYSIS (source), result,
                                                        &error);
  g_assert_no_error (error);
}

static gboolean
counted_done (gpointer data)
{
  return ((Counted *) data)->fields != NULL;
}

/* How many calls of the history say @name = @value, as the Overview counts them. */
static guint64
calls_with (GovorunServices *services,
            const char      *name,
            const char      *value)
{
  g_autoptr(GovorunCallFilter) everything = govorun_call_filter_new ();
  Counted counted = { NULL };
  guint64 count = 0;

  govorun_call_analysis_count_async (govorun_services_get_call_analysis (services), everything,
                                     100, NULL, on_counted, &counted);
  g_assert_true (wait_until (counted_done, &counted, 10000));
  for (guint i = 0; i < counted.fields->len; i++)
    {
      const GovorunCallAnalysisField *field = g_ptr_array_index (counted.fields, i);

      if (field->kind == GOVORUN_CALL_ANALYSIS_DATA && g_str_equal (field->name, name))
        count = govorun_call_analysis_field_get_count (field, value);
    }
  g_ptr_array_unref (counted.fields);
  return count;
}

/* Filters by a collected value, as a person does in the Filters popover:
 * "Urgency", then "высокая" (the sandbox's data items are Russian). */
static void
filter_by_collected_value (GtkWidget       *window,
                           GtkWidget       *page,
                           GovorunServices *services,
                           guint            total)
{
  GtkWidget *filter;
  GtkDropDown *field, *value;
  guint64 expected = calls_with (services, "urgency", "высокая");
  guint n;

  g_assert_cmpuint (expected, >, 0);
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_widget (page, GTK_TYPE_MENU_BUTTON, _("Filters"))));
  settle (200);
  filter = ui_wait_widget (page, GOVORUN_TYPE_ANALYSIS_FILTER, NULL);
  field = GTK_DROP_DOWN (gtk_widget_get_first_child (filter));
  value = GTK_DROP_DOWN (gtk_widget_get_last_child (filter));
  g_assert_true (wait_until (field_listed, field, 10000));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (value)));
  gtk_drop_down_set_selected (field, (guint) dropdown_position (field, "Urgency"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (value)));
  /* "Is set" first: every call that has the item. */
  g_assert_cmpint (dropdown_position (value, _("Is set")), ==, 0);
  n = settled_count ();
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <=, total);
  g_assert_cmpint (dropdown_position (value, "высокая"), >, 0);
  gtk_drop_down_set_selected (value, (guint) dropdown_position (value, "высокая"));
  n = settled_count ();
  g_test_message ("urgency = высокая: %u calls", n);
  g_assert_cmpuint (n, ==, expected);
  g_assert_cmpuint (n, <, total);
  assert_summary_says (page, n);
  assert_rows (ROWS_ANSWERED, n);
  {
    g_autofree char *one_filter = g_strdup_printf (_("Filters (%u)"), 1);

    g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, one_filter));
  }
  calls_screenshot (window, "calls-analysis-filter");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (find_widget (page, GTK_TYPE_MENU_BUTTON,
                                                         _("Filters"))));
  gtk_widget_activate_action (page, "calls.clear-filters", NULL);
  g_assert_cmpuint (settled_count (), ==, total);
  g_assert_cmpuint (gtk_drop_down_get_selected (field), ==, 0);
}

/* Website conversations: their own direction in the filter and the list. */
static void
filter_website (GtkWidget *page,
                guint      total)
{
  GtkDropDown *direction;
  guint n;

  gtk_menu_button_popup (GTK_MENU_BUTTON (find_widget (page, GTK_TYPE_MENU_BUTTON, _("Filters"))));
  settle (200);
  direction = NULL;
  /* The drop-down the popover's "Direction" label names. */
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (ui_wait_widget (page, GOVORUN_TYPE_ANALYSIS_FILTER, NULL)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), _("Direction")) == 0)
      direction = GTK_DROP_DOWN (gtk_label_get_mnemonic_widget (GTK_LABEL (child)));
  g_assert_nonnull (direction);
  g_assert_cmpint (dropdown_position (direction, _("Website")), ==, GOVORUN_CALL_DIRECTION_WEB);
  gtk_drop_down_set_selected (direction, GOVORUN_CALL_DIRECTION_WEB);
  n = settled_count ();
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, total);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunCallRecord) record = row_at (i);

      g_assert_cmpint (govorun_call_record_get_direction (record), ==, GOVORUN_CALL_DIRECTION_WEB);
      g_assert_cmpstr (govorun_call_format_direction_icon (GOVORUN_CALL_DIRECTION_WEB), ==,
                       "web-browser-symbolic");
    }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (find_widget (page, GTK_TYPE_MENU_BUTTON,
                                                         _("Filters"))));
  gtk_widget_activate_action (page, "calls.clear-filters", NULL);
  g_assert_cmpuint (settled_count (), ==, total);
}

static gboolean
run_script (gpointer user_data)
{
  GtkWidget *window;
  GtkWidget *page;
  GtkColumnView *view;
  GovorunServices *services;
  guint total;
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

  /* Sync Now: the progress line, then the history. */
  click (page, _("_Sync Now"));
  g_assert_true (wait_until (sync_done, services, 60000));
  total = settled_count ();
  g_test_message ("synced: %u calls", total);
  g_assert_cmpuint (total, >=, UI_TEST_HISTORY_SIZE / 2);
  g_assert_true (wait_until (first_rows_loaded, NULL, 5000));
  assert_summary_says (page, total);
  g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, NULL));
  calls_screenshot (window, "calls-list");

  /* Status: no answer, in the Filters popover. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_widget (page, GTK_TYPE_MENU_BUTTON, _("Filters"))));
  settle (200);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_wait_widget (page, GTK_TYPE_DROP_DOWN, NULL)), 2);
  n = settled_count ();
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, total);
  assert_summary_says (page, n);
  assert_rows (ROWS_NO_ANSWER, n);
  {
    g_autofree char *one_filter = g_strdup_printf (_("Filters (%u)"), 1);

    g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, one_filter));
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (find_widget (page, GTK_TYPE_MENU_BUTTON,
                                                         _("Filters"))));
  gtk_widget_activate_action (page, "calls.clear-filters", NULL);
  g_assert_cmpuint (settled_count (), ==, total);

  filter_by_collected_value (window, page, services, total);
  filter_website (page, total);

  /* A phrase of the clinic's transcripts, in Russian, any case. */
  search (page, "ЗАПИСАТЬСЯ К ТЕРАПЕВТУ");
  n = settled_count ();
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, total);
  assert_summary_says (page, n);
  assert_rows (ROWS_ANSWERED, n);
  calls_screenshot (window, "calls-search");

  /* A caller's number as people type it: 8 and spaces, or the last digits. */
  {
    g_autofree char *from = NULL;
    g_autofree char *typed = NULL;

    /* The first row with a Russian caller (widget conversations have none). */
    for (guint i = 0; from == NULL && i < n; i++)
      {
        g_autoptr(GovorunCallRecord) record = row_at (i);
        const char *number = govorun_call_record_get_from_number (record);

        if (number != NULL && strlen (number) == 11 && number[0] == '7')
          from = g_strdup (number);
      }
    g_assert_nonnull (from);
    typed = g_strdup_printf ("8 %.3s %.3s-%.2s-%.2s", from + 1, from + 4, from + 7, from + 9);
    search (page, typed);
    n = settled_count ();
    g_assert_cmpuint (n, >=, 1);
    assert_rows_from (from, n);
    search (page, from + 4);
    g_assert_cmpuint (settled_count (), >=, n);
  }

  /* Nothing matches: the page offers to clear the filters. */
  search (page, "Марсианин");
  g_assert_cmpuint (settled_count (), ==, 0);
  ui_wait_widget (page, GTK_TYPE_LABEL, _("No Matching Calls"));
  calls_screenshot (window, "calls-no-match");
  click (page, _("_Clear Filters"));
  g_assert_cmpuint (settled_count (), ==, total);

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

  /* A sync that fails says so once, on the page, until closed. */
  {
    GovorunEmulator *vox = GOVORUN_EMULATOR (govorun_sandbox_get_voximplant (
                             govorun_application_get_sandbox (ui_app_get ())));
    GtkWidget *label;

    govorun_emulator_add_fault (vox, "GetCallHistory",
                                &(GovorunFault) { .provider_code = 100, .times = -1 });
    click (page, _("Sync Now"));
    g_assert_true (wait_until (error_shown, page, 30000));
    label = find_with_css (page, "calls-error");
    g_assert_nonnull (label);
    g_test_message ("sync error: %s", govorun_call_sync_get_error_text (
                                        govorun_services_get_call_sync (services)));
    g_assert_nonnull (strstr (govorun_call_sync_get_error_text (
                                govorun_services_get_call_sync (services)), "100"));
    calls_screenshot (window, "calls-sync-error");
    click (page, _("Dismiss"));
    g_assert_true (wait_until (error_hidden, page, 5000));
    govorun_emulator_clear_faults (vox);
  }

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  /* ui_test_settings_init(): automatic sync off, a small history. */
  return ui_app_main (argc, argv, "/Govorun/UI/calls", run_script);
}
