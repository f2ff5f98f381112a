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
#include "test-util.h"

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

static void
on_seek (GovorunWaveformView *view,
         gint64               position,
         gint64              *last)
{
  *last = position;
}

/* A pointer drag on the waveform, through its gesture's handlers: where
 * the button went down seeks there, moving seeks along. */
static void
drag_waveform (GovorunWaveformView *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  GtkGesture *drag = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  gint64 down = -1, moved = -1, last = -1;
  gulong handler;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drag == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        drag = GTK_GESTURE (controller);
    }
  g_assert_nonnull (drag);
  g_assert_cmpint (width, >, 0);

  handler = g_signal_connect (view, "seek", G_CALLBACK (on_seek), &last);
  g_signal_emit_by_name (drag, "drag-begin", width * 0.2, 10.0);
  down = last;
  g_signal_emit_by_name (drag, "drag-update", width * 0.4, 0.0);
  moved = last;
  g_signal_emit_by_name (drag, "drag-end", width * 0.4, 0.0);
  g_signal_handler_disconnect (view, handler);

  g_test_message ("drag: down at %" G_GINT64_FORMAT " ms, moved to %" G_GINT64_FORMAT " ms",
                  down, moved);
  g_assert_cmpint (down, >, 0);
  /* 60 % of the width is three times 20 %. */
  g_assert_cmpint (moved, >=, down * 3 - 10);
  g_assert_cmpint (moved, <=, down * 3 + 10);
  g_assert_cmpint (govorun_waveform_view_get_position (view), ==, moved);
  wait_position (view, moved - 100, moved + 600);
}

/* The one recording in the cache (its name is a hash): what Save
 * Recording As copies from. */
static char *
cached_recording (void)
{
  g_autofree char *root = g_build_filename (g_get_user_cache_dir (), "govorun", "recordings", NULL);
  g_autoptr(GDir) profiles = g_dir_open (root, 0, NULL);
  const char *profile;
  char *found = NULL;

  g_assert_nonnull (profiles);
  while ((profile = g_dir_read_name (profiles)) != NULL)
    {
      g_autofree char *dir = g_build_filename (root, profile, NULL);
      g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
      const char *name;

      while (files != NULL && (name = g_dir_read_name (files)) != NULL)
        if (!g_str_has_suffix (name, ".part"))
          {
            g_assert_null (found);
            found = g_build_filename (dir, name, NULL);
          }
    }
  g_assert_nonnull (found);
  return found;
}

static gboolean
file_saved (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

typedef struct
{
  GtkWidget  *chooser;
  const char *path;
} ChooserWait;

/* The chooser has taken in the folder and name (it loads the folder
 * before it says so). */
static gboolean
chooser_has (gpointer data)
{
  ChooserWait *w = data;
  g_autoptr(GFile) chosen = NULL;
  g_autofree char *chosen_path = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (w->chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  chosen_path = chosen != NULL ? g_file_get_path (chosen) : NULL;
  g_test_message ("chosen: %s", chosen_path);
  return g_strcmp0 (chosen_path, w->path) == 0;
}

/* "Save Recording As…": the file chooser (GTK's own dialog: no portal
 * under Xvfb) gets a folder and a name and Save; the file saved is the
 * cached recording, byte for byte. */
static void
save_recording (GtkWidget *details)
{
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-ui-save-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "saved-call.wav", NULL);
  g_autofree char *cached = cached_recording ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *saved_bytes = NULL;
  g_autofree char *cached_bytes = NULL;
  gsize saved_length = 0, cached_length = 0;
  GtkWidget *chooser;

  g_assert_true (gtk_widget_activate_action (details, "details.save-recording", NULL));
  chooser = ui_wait_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  /* It offers a name with the recording's kind. */
  {
    g_autofree char *offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_test_message ("offered: %s", offered);
    g_assert_true (g_str_has_suffix (offered, ".wav"));
  }
  /* As a person types it into the name entry: a whole path. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  g_assert_true (wait_until (chooser_has, &(ChooserWait) { chooser, path }, 10000));
  click (chooser, _("_Save"));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (wait_until (file_saved, path, 10000));
  ui_wait_widget (details, GTK_TYPE_LABEL, _("Recording saved"));

  g_assert_true (g_file_get_contents (path, &saved_bytes, &saved_length, NULL));
  g_assert_true (g_file_get_contents (cached, &cached_bytes, &cached_length, NULL));
  g_assert_cmpuint (saved_length, >, 44);
  g_assert_cmpmem (saved_bytes, saved_length, cached_bytes, cached_length);
  test_util_rm_rf (dir);
}

/* Names from outside are shown as they are, never as markup. */
static void
hostile_names (gint64 call_id)
{
  GtkWidget *window = GTK_WIDGET (ui_app_main_window ());
  GtkWidget *page = ui_wait_widget (window, GOVORUN_TYPE_CALLS_PAGE, NULL);
  const char *lang = ui_app_is_russian () ? "-ru" : "";
  g_autofree char *shot = g_strdup_printf ("call-details-hostile%s.png", lang);
  GtkWidget *dialog;

  gtk_widget_activate_action (page, "calls.open", "x", call_id);
  dialog = ui_wait_toplevel (GOVORUN_TYPE_CALL_DETAILS);
  ui_wait_widget (dialog, ADW_TYPE_ACTION_ROW, _("ElevenLabs conversation"));
  /* The agent (the provider's name: Govorun did not make it), the
   * summary's title and value, the criterion and its rationale, the
   * collected value: each a label whose text is the name itself. */
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL, UI_CALL_FIXTURE_HOSTILE_AGENT));
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL, UI_CALL_FIXTURE_HOSTILE_CRITERION));
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL, UI_CALL_FIXTURE_HOSTILE_VALUE));
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL, _("Website")));
  settle (300);
  screenshot (dialog, shot);
  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_CALL_DETAILS);
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
  drag_waveform (view);
  save_recording (dialog);

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
  hostile_names (ui_call_fixture_add_hostile (ui_app_get ()));
  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/call-details", run_script);
}
