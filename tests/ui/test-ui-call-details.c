/* test-ui-call-details.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call details as a person uses them, in English and Russian: open a
 * call, see its facts and transcript, press Play and see the position
 * move, click a line and hear (see) it play from there, with the line
 * highlighted; the waveform seeks on a click; the speed changes; the
 * transcript goes below the facts when the window is narrow. Screenshots
 * in both languages and in the dark style.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-call-details.h"
#include "govorun-calls-page.h"
#include "govorun-waveform-view.h"
#include "ui-app.h"
#include "ui-call-fixture.h"
#include "ui-helpers.h"

typedef struct
{
  GovorunWaveformView *view;
  gint64               at_least;
  gint64               at_most;
} PositionWait;

static gboolean
position_in_range (gpointer data)
{
  PositionWait *w = data;
  gint64 position = govorun_waveform_view_get_position (w->view);

  return position >= w->at_least && position <= w->at_most;
}

static void
wait_position (GovorunWaveformView *view,
               gint64               at_least,
               gint64               at_most)
{
  PositionWait w = { view, at_least, at_most };

  if (!wait_until (position_in_range, &w, 10000))
    g_error ("The position is %" G_GINT64_FORMAT " ms, not within [%" G_GINT64_FORMAT ", %"
             G_GINT64_FORMAT "]", govorun_waveform_view_get_position (view), at_least, at_most);
}

static GtkListBoxRow *
line_row (GtkWidget *dialog,
          guint      index)
{
  GtkWidget *list = find_with_css (dialog, "call-transcript");

  g_assert_nonnull (list);
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
}

static gboolean
row_selected (gpointer data)
{
  GtkListBoxRow *row = data;

  return gtk_list_box_row_is_selected (row);
}

static gboolean
run_script (gpointer user_data)
{
  const char *lang = ui_app_is_russian () ? "-ru" : "";
  g_autoptr(UiCallFixture) fixture = NULL;
  g_autofree char *shot = NULL;
  GovorunWaveformView *view;
  GtkWidget *dialog;
  GtkWidget *play;
  GtkListBoxRow *row;
  gint64 line;

  ui_app_wait_ready ();
  fixture = ui_call_fixture_add (ui_app_get ());

  /* Opened as the Calls page opens a row. */
  {
    GtkWidget *window = GTK_WIDGET (ui_app_main_window ());
    GtkWidget *page;

    gtk_widget_activate (gtk_widget_get_ancestor (find_widget (find_with_css (window, "navigation-sidebar"),
                                                               GTK_TYPE_LABEL, _("Calls")),
                                                  GTK_TYPE_LIST_BOX_ROW));
    page = ui_wait_widget (window, GOVORUN_TYPE_CALLS_PAGE, NULL);
    gtk_widget_activate_action (page, "calls.open", "x", fixture->call_id);
    dialog = ui_wait_toplevel (GOVORUN_TYPE_CALL_DETAILS);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == ui_app_main_window ());
  }

  /* The facts and the transcript. */
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("ElevenLabs conversation"));
  g_assert_nonnull (find_widget (dialog, ADW_TYPE_ACTION_ROW, _("Voximplant call session")));
  g_assert_nonnull (find_widget (dialog, ADW_TYPE_ACTION_ROW, "Appointment booked"));
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL, _("Caller")));
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL, _("Agent")));

  /* The recording downloads, and Play comes alive. */
  play = find_widget (dialog, GTK_TYPE_BUTTON, _("Play"));
  g_assert_nonnull (play);
  ui_wait_sensitive (play);
  view = GOVORUN_WAVEFORM_VIEW (find_widget (dialog, GOVORUN_TYPE_WAVEFORM_VIEW, NULL));
  settle (500);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("call-details%s.png", lang);
  screenshot (dialog, shot);

  /* The rest of the facts: analysis, costs, the ids with copy buttons. */
  {
    GtkWidget *ids = find_widget (dialog, ADW_TYPE_ACTION_ROW, _("ElevenLabs conversation"));
    GtkScrolledWindow *facts = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (ids, GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (facts);

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    g_clear_pointer (&shot, g_free);
    shot = g_strdup_printf ("call-details-facts%s.png", lang);
    screenshot (dialog, shot);
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* Play: the position moves and the first line lights up. */
  gtk_widget_activate (play);
  wait_position (view, 300, 8000);
  g_assert_true (wait_until (row_selected, line_row (dialog, 0), 5000));

  /* A click on a later line plays from it, and it is the one highlighted. */
  line = g_array_index (fixture->offsets, gint64, 4);
  row = line_row (dialog, 4);
  gtk_widget_activate (GTK_WIDGET (row));
  wait_position (view, line, line + 1500);
  g_assert_true (wait_until (row_selected, row, 5000));
  settle (300);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("call-details-playing%s.png", lang);
  screenshot (dialog, shot);

  /* Double speed: two seconds of audio in about one. */
  {
    GtkWidget *speed = find_widget (dialog, GTK_TYPE_DROP_DOWN, NULL);
    gint64 before, after;

    gtk_drop_down_set_selected (GTK_DROP_DOWN (speed), 2);
    settle (200);
    before = govorun_waveform_view_get_position (view);
    settle (1000);
    after = govorun_waveform_view_get_position (view);
    g_test_message ("2×: %" G_GINT64_FORMAT " ms in 1 s", after - before);
    g_assert_cmpint (after - before, >, 1300);
  }

  /* Pause, then a click on the waveform seeks there. */
  gtk_widget_activate (find_widget (dialog, GTK_TYPE_BUTTON, _("Pause")));
  g_signal_emit_by_name (view, "seek", (gint64) 2000);
  wait_position (view, 1900, 2600);

  /* The last line, below the fold: playing it scrolls it into view. */
  {
    guint last = fixture->offsets->len - 1;
    GtkWidget *scroller;
    graphene_rect_t bounds;
    GtkAdjustment *adjustment;

    row = line_row (dialog, last);
    scroller = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_SCROLLED_WINDOW);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    gtk_adjustment_set_value (adjustment, 0);
    g_signal_emit_by_name (view, "seek", g_array_index (fixture->offsets, gint64, last));
    g_assert_true (wait_until (row_selected, row, 5000));
    settle (200);
    /* In the list's coordinates, the adjustment's: the row is in the page
     * the scroller shows. */
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row),
                                              gtk_widget_get_first_child (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))),
                                              &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (adjustment));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                       gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  }

  /* Narrow: the transcript goes below the facts. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 560);
  settle (300);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (
                     gtk_widget_get_ancestor (GTK_WIDGET (line_row (dialog, 0)), GTK_TYPE_SCROLLED_WINDOW)))),
                   ==, GTK_ORIENTATION_VERTICAL);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("call-details-narrow%s.png", lang);
  screenshot (dialog, shot);

  /* Dark style. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 960, 580);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle (300);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("call-details-dark%s.png", lang);
  screenshot (dialog, shot);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_CALL_DETAILS);
  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/call-details", run_script);
}
