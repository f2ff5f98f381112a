/* test-ui-overview.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview as a person uses it (run through run-ui.sh, in English and
 * Russian): after the sandbox's history is synced, the page shows cards
 * and non-empty charts whose accessible descriptions say what they show;
 * changing the period to 90 days shows 90 days; the keyboard reads a bar
 * out; "Save Chart as PNG" writes a PNG of the chart. Screenshots in the
 * light and the dark style land in the build directory.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "govorun-bar-chart.h"
#include "govorun-heat-map.h"
#include "govorun-histogram.h"
#include "govorun-overview-page.h"
#include "ui-app.h"
#include "ui-helpers.h"

static GtkWidget *
window (void)
{
  return GTK_WIDGET (ui_app_main_window ());
}

static GovorunOverviewPage *
overview_page (void)
{
  GtkWidget *page = find_widget (window (), GOVORUN_TYPE_OVERVIEW_PAGE, NULL);

  g_assert_nonnull (page);
  return GOVORUN_OVERVIEW_PAGE (page);
}

static gboolean
sync_idle (gpointer data)
{
  return !govorun_call_sync_get_running (data);
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  /* The automatic sync may have been first: then this one was refused. */
  if (!govorun_call_sync_run_finish (GOVORUN_CALL_SYNC (source), result, &error))
    g_assert_error (error, GOVORUN_CALL_SYNC_ERROR, GOVORUN_CALL_SYNC_ERROR_BUSY);
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Syncs the sandbox's history, as "Sync Now" does, and waits for the end. */
static void
sync_history (void)
{
  GovorunServices *services = govorun_application_get_services (ui_app_get ());
  GovorunCallSync *sync = govorun_services_get_call_sync (services);
  gboolean done = FALSE;

  govorun_call_sync_run_async (sync, NULL, on_synced, &done);
  g_assert_true (wait_until (is_true, &done, 120000));
  g_assert_true (wait_until (sync_idle, sync, 120000));
  g_assert_null (govorun_call_sync_get_error_text (sync));
}

static void
show_overview (void)
{
  GtkWidget *sidebar = find_with_css (window (), "navigation-sidebar");
  GtkWidget *label;

  g_assert_nonnull (sidebar);
  label = find_widget (sidebar, GTK_TYPE_LABEL, _("Overview"));
  g_assert_nonnull (label);
  gtk_widget_activate (gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW));
  settle (300);
}

typedef struct
{
  guint   n_days;
  guint64 min_calls;
} Expected;

static gboolean
shows (gpointer data)
{
  const Expected *expected = data;
  GovorunOverviewPage *page = overview_page ();
  const GovorunCallStatsResult *result = govorun_overview_page_get_result (page);

  return result != NULL && !govorun_overview_page_get_loading (page) &&
         result->query->n_days == expected->n_days &&
         govorun_call_totals_get_calls (result->current) >= expected->min_calls;
}

static void
wait_for_period (guint   n_days,
                 guint64 min_calls)
{
  Expected expected = { n_days, min_calls };

  if (!wait_until (shows, &expected, 30000))
    g_error ("The Overview does not show %u days with at least %" G_GUINT64_FORMAT " calls",
             n_days, min_calls);
  settle (300);
}

static char *
accessible_description (GtkWidget *widget)
{
  /* What the chart says to assistive technologies is its readout. */
  return g_strdup (govorun_chart_get_readout (GOVORUN_CHART (widget)));
}

/* Every chart has data and a description that says so. */
static guint64
check_charts (guint n_days)
{
  GovorunOverviewPage *page = overview_page ();
  const GovorunCallStatsResult *result = govorun_overview_page_get_result (page);
  GtkWidget *bars = find_widget (GTK_WIDGET (page), GOVORUN_TYPE_BAR_CHART, NULL);
  GtkWidget *heat = find_widget (GTK_WIDGET (page), GOVORUN_TYPE_HEAT_MAP, NULL);
  GtkWidget *histogram = find_widget (GTK_WIDGET (page), GOVORUN_TYPE_HISTOGRAM, NULL);
  GtkWidget *table = find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);
  g_autofree char *bars_text = NULL;
  g_autofree char *heat_text = NULL;
  g_autofree char *histogram_text = NULL;
  g_autofree char *total = NULL;
  double sum = 0;
  guint64 counted = 0;
  gboolean any_share = FALSE;

  g_assert_nonnull (bars);
  g_assert_nonnull (heat);
  g_assert_nonnull (histogram);
  g_assert_nonnull (table);

  g_assert_cmpuint (govorun_chart_get_n_items (GOVORUN_CHART (bars)), ==, n_days);
  for (guint d = 0; d < n_days; d++)
    for (guint o = 0; o < GOVORUN_CALL_N_OUTCOMES; o++)
      sum += govorun_bar_chart_get_value (GOVORUN_BAR_CHART (bars), d, o);
  g_assert_cmpfloat (sum, ==, (double) govorun_call_totals_get_calls (result->current));
  g_assert_cmpfloat (sum, >, 0);

  for (guint w = 0; w < 7; w++)
    for (guint h = 0; h < 24; h++)
      any_share |= govorun_heat_map_get_share (GOVORUN_HEAT_MAP (heat), w, h) > 0;
  g_assert_true (any_share);

  for (guint b = 0; b < GOVORUN_CALL_N_DURATION_BUCKETS; b++)
    counted += govorun_histogram_get_count (GOVORUN_HISTOGRAM (histogram), b);
  g_assert_cmpuint (counted, ==, result->current->answered);
  g_assert_cmpuint (counted, >, 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)))),
                    >, 0);

  /* The descriptions name the total. */
  bars_text = accessible_description (bars);
  heat_text = accessible_description (heat);
  histogram_text = accessible_description (histogram);
  total = g_strdup_printf ("%" G_GUINT64_FORMAT, govorun_call_totals_get_calls (result->current));
  g_test_message ("%s\n%s\n%s", bars_text, heat_text, histogram_text);
  g_assert_nonnull (strstr (bars_text, total));
  g_assert_nonnull (strstr (heat_text, "%"));
  g_assert_cmpstr (histogram_text, !=, "");
  return (guint64) sum;
}

/* The window as it looks, its background included (the shared helper
 * draws the content alone, which is transparent in the dark style), then
 * scrolled down to the charts. */
static void
shot (const char *name)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window ()));
  GtkWidget *bars = find_widget (GTK_WIDGET (overview_page ()), GOVORUN_TYPE_BAR_CHART, NULL);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (bars, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  const char *dir = g_getenv ("GOVORUN_SCREENSHOT_DIR");

  for (guint i = 0; i < 3; i++)
    {
      static const char * const parts[] = { "", "-charts", "-end" };
      g_autofree char *file = g_strdup_printf ("%s%s%s.png", name, parts[i],
                                               ui_app_is_russian () ? "-ru" : "");
      g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", file, NULL);
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (content);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      int width = gtk_widget_get_width (content), height = gtk_widget_get_height (content);
      GdkRGBA background;
      graphene_point_t top;

      if (i == 1)
        {
          g_assert_true (gtk_widget_compute_point (bars, gtk_scrolled_window_get_child (scrolled),
                                                   &GRAPHENE_POINT_INIT (0, 0), &top));
          gtk_adjustment_set_value (adjustment, top.y - 60);
        }
      else if (i == 2)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      settle (300);
      g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (content),
                                                     "window_bg_color", &background));
      gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window ())), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_mkdir_with_parents (dir != NULL ? dir : ".", 0755);
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("screenshot: %s", path);
    }
  gtk_adjustment_set_value (adjustment, 0);
}

/* The arrow keys choose a bar; its sentence is the readout. */
static void
check_keyboard (void)
{
  GtkWidget *bars = find_widget (GTK_WIDGET (overview_page ()), GOVORUN_TYPE_BAR_CHART, NULL);
  g_autofree char *summary = g_strdup (govorun_chart_get_readout (GOVORUN_CHART (bars)));
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (bars);
  gboolean handled = FALSE;

  g_assert_true (gtk_widget_get_focusable (bars));
  g_assert_true (gtk_widget_grab_focus (bars));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = controller;
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_End, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpint (govorun_chart_get_selected (GOVORUN_CHART (bars)), ==,
                   (int) govorun_chart_get_n_items (GOVORUN_CHART (bars)) - 1);
  g_assert_cmpstr (govorun_chart_get_readout (GOVORUN_CHART (bars)), !=, summary);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 0, 0, &handled);
  g_assert_cmpint (govorun_chart_get_selected (GOVORUN_CHART (bars)), ==,
                   (int) govorun_chart_get_n_items (GOVORUN_CHART (bars)) - 2);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_cmpstr (govorun_chart_get_readout (GOVORUN_CHART (bars)), ==, summary);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* "Save Chart as PNG" asks where and writes a PNG as wide as the chart. */
static void
check_save_png (void)
{
  GtkWidget *bars = find_widget (GTK_WIDGET (overview_page ()), GOVORUN_TYPE_BAR_CHART, NULL);
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);
  /* The name the chooser suggests for the first chart, in Pictures. */
  g_autofree char *path = g_build_filename (pictures != NULL ? pictures : g_get_home_dir (),
                                            _("calls-per-day.png"), NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser;

  g_unlink (path);
  click (window (), _("Save Chart as PNG"));
  chooser = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  settle (500);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  if (!wait_until (file_exists, path, 10000))
    g_error ("No chart at %s", path);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (bars));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (bars));
  g_unlink (path);
}

static gboolean
analysis_shown (gpointer data)
{
  return govorun_overview_page_get_analysis (data) != NULL;
}

/* ElevenLabs' analysis of the period: success per criterion and the
 * values of each collected item, as rows a person reads. */
static void
check_analysis (GovorunOverviewPage *page)
{
  GPtrArray *fields;
  gboolean saw_criterion = FALSE, saw_urgency = FALSE;

  g_assert_true (wait_until (analysis_shown, page, 30000));
  fields = govorun_overview_page_get_analysis (page);
  for (guint i = 0; i < fields->len; i++)
    {
      const GovorunCallAnalysisField *field = g_ptr_array_index (fields, i);
      guint64 sum = field->n_other;

      for (guint v = 0; v < field->values->len; v++)
        sum += ((GovorunCallAnalysisValue *) g_ptr_array_index (field->values, v))->count;
      g_assert_cmpuint (sum, <=, field->n_calls);
      if (field->kind == GOVORUN_CALL_ANALYSIS_EVALUATION && g_str_equal (field->name, "client_satisfied"))
        {
          g_test_message ("client satisfied: %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT,
                          govorun_call_analysis_field_get_count (field, "success"), field->n_calls);
          g_assert_cmpuint (field->n_calls, >, 0);
          g_assert_cmpuint (sum, ==, field->n_calls);
          g_assert_cmpuint (govorun_call_analysis_field_get_count (field, "success"), >, 0);
          saw_criterion = TRUE;
        }
      if (field->kind == GOVORUN_CALL_ANALYSIS_DATA && g_str_equal (field->name, "urgency"))
        {
          g_assert_cmpuint (field->values->len, ==, 3);
          saw_urgency = TRUE;
        }
    }
  g_assert_true (saw_criterion);
  g_assert_true (saw_urgency);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Client satisfied"));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "Urgency"));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, _("Evaluation Criteria")));

  /* A screenshot from the criteria down. */
  {
    GtkWidget *heading = find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, _("Evaluation Criteria"));
    GtkWidget *scrolled = gtk_widget_get_ancestor (heading, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autofree char *file = g_strdup_printf ("overview-analysis%s.png", ui_app_is_russian () ? "-ru" : "");
    graphene_point_t top;

    g_assert_true (gtk_widget_compute_point (heading, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    gtk_adjustment_set_value (adjustment, top.y - 12);
    settle (300);
    screenshot (GTK_WIDGET (window ()), file);
    gtk_adjustment_set_value (adjustment, 0);
  }
}

static gboolean
run_script (gpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GovorunOverviewPage *page;
  GtkDropDown *period;
  guint64 month, quarter;

  ui_app_wait_ready ();
  sync_history ();
  show_overview ();
  page = overview_page ();

  /* 30 days by default. */
  wait_for_period (30, 1);
  {
    int min_width;

    /* It fits a window folded to its narrowest. */
    gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    g_test_message ("The Overview needs %d pixels", min_width);
    g_assert_cmpint (min_width, <=, 360);
  }
  month = check_charts (30);
  check_analysis (page);
  {
    const GovorunCallStatsResult *result = govorun_overview_page_get_result (page);

    for (guint o = 0; o < GOVORUN_CALL_N_OUTCOMES; o++)
      g_test_message ("day 0, outcome %u: %" G_GUINT64_FORMAT, o,
                      govorun_call_stats_result_get_day (result, 0, o));
  }
  shot ("overview");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  settle (500);
  shot ("overview-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  settle (300);

  /* 90 days: more calls, 90 bars. */
  period = GTK_DROP_DOWN (find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, _("Period")));
  g_assert_nonnull (period);
  gtk_drop_down_set_selected (period, 2);
  wait_for_period (90, month + 1);
  quarter = check_charts (90);
  g_assert_cmpuint (quarter, >, month);
  shot ("overview-90");

  /* Custom dates: the last 14 days. */
  gtk_drop_down_set_selected (period, 3);
  settle (300);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) first = g_date_time_add_days (now, -13);
    GtkWidget *from = NULL, *to = NULL;

    if (!gtk_widget_get_mapped (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, _("_Show These Dates")) ?: GTK_WIDGET (page)))
      click (GTK_WIDGET (page), _("Choose Dates…"));
    g_assert_nonnull (ui_wait_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, _("_Show These Dates")));
    from = find_widget (GTK_WIDGET (page), GTK_TYPE_CALENDAR, NULL);
    g_assert_nonnull (from);
    for (GtkWidget *w = gtk_widget_get_next_sibling (gtk_widget_get_parent (from)); w != NULL && to == NULL;
         w = gtk_widget_get_next_sibling (w))
      to = find_widget (w, GTK_TYPE_CALENDAR, NULL);
    g_assert_nonnull (to);
    /* Either order: the later date is the end. */
    gtk_calendar_select_day (GTK_CALENDAR (from), now);
    gtk_calendar_select_day (GTK_CALENDAR (to), first);
    click (GTK_WIDGET (page), _("_Show These Dates"));
    wait_for_period (14, 1);
    check_charts (14);
  }

  check_keyboard ();
  check_save_png ();

  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  /* A smaller sandbox history (the memory settings backend is the
   * process's own): the sync fetches each conversation, and the charts
   * need hundreds of calls, not thousands. */
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_uint (settings, "sandbox-history-size", 1500);
  return ui_app_main (argc, argv, "/Govorun/UI/Overview", run_script);
}
