/* test-ui-export.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export Calls, as a person uses it (in English and Russian): calls in the
 * history, "Export…" on the Calls page exports every call it lists, in
 * its order; the dialog opened with a filter, CSV chosen and saved (the file
 * chooser's "Save" is govorun_export_dialog_export_to(): the portal cannot
 * be driven), the done page with "Open File"; then XLSX with transcripts;
 * then a folder that is not there, which says so in a sentence and offers
 * to try again. The files hold the filter's calls and no key of the
 * sandbox's accounts. Screenshots of each step.
 */
#define _GNU_SOURCE /* memmem */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "govorun-call-records.h"
#include "govorun-calls-page.h"
#include "govorun-export-dialog.h"
#include "govorun-sandbox.h"
#include "govorun-services-private.h"
#include "test-util.h"
#include "ui-app.h"
#include "ui-helpers.h"

#define N_CALLS 40

/* Calls in the history: every other one answered (the filter's), with a
 * Russian transcript holding a word no sandbox call has, so that the
 * searches find these calls only while a sync writes others beside them. */
#define MARK "экспортпроверка"
static void
add_calls (GovorunServices *services)
{
  GovorunStore *store = govorun_services_get_store (services);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_CALLS; i++)
    {
      GovorunCallRecord *record = govorun_call_record_new ();
      g_autofree char *from = g_strdup_printf ("7916555%04u", i);
      g_autofree char *conversation = g_strdup_printf ("conv_export_%u", i);
      gboolean answered = i % 2 == 0;

      govorun_call_record_set_vox_session_id (record, 9100000 + i);
      govorun_call_record_set_el_conversation_id (record, conversation);
      govorun_call_record_set_direction (record, GOVORUN_CALL_DIRECTION_INBOUND);
      govorun_call_record_set_from_number (record, from);
      govorun_call_record_set_to_number (record, "74951234567");
      govorun_call_record_set_started_at (record, 1764547200 + i * 600);
      govorun_call_record_set_duration (record, answered ? 60 + i : 0);
      govorun_call_record_set_status (record, answered ? GOVORUN_CALL_STATUS_ANSWERED
                                                       : GOVORUN_CALL_STATUS_NO_ANSWER);
      govorun_call_record_set_vox_cost (record, 1.25, "RUB");
      if (answered)
        {
          g_autoptr(GPtrArray) turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);

          g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_AGENT,
                                                         "Здравствуйте, клиника «Здоровье».", 0));
          g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_CALLER,
                                                         "Хочу записаться, на завтра. Код экспортпроверка.", 3000));
          govorun_call_record_set_transcript (record, turns);
        }
      g_ptr_array_add (records, record);
    }
  govorun_call_records_upsert_async (store, records, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (store, test_util_wait (&result), &error));
  g_assert_no_error (error);
}

static void
assert_no_key (const char *path)
{
  static const char * const keys[] = { GOVORUN_SANDBOX_VOX_API_KEY, GOVORUN_SANDBOX_VOX2_API_KEY,
                                       GOVORUN_SANDBOX_EL_API_KEY };
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (memmem (contents, length, keys[i], strlen (keys[i])) != NULL)
      g_error ("A key is in the exported %s", path);
}

static void
export_and_wait (GtkWidget  *dialog,
                 const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  govorun_export_dialog_export_to (GOVORUN_EXPORT_DIALOG (dialog), file);
  ui_wait_widget (dialog, GTK_TYPE_BUTTON, _("_Open File"));
}

/* Export Calls as the Calls page opens it, with @filter. */
static GtkWidget *
open_dialog (GovorunServices   *services,
             GovorunCallFilter *filter,
             gboolean           descending)
{
  GtkWidget *dialog = GTK_WIDGET (govorun_export_dialog_new (ui_app_main_window (), services,
                                                             filter, GOVORUN_CALL_SORT_STARTED_AT,
                                                             descending));

  gtk_window_present (GTK_WINDOW (dialog));
  ui_wait_widget (dialog, ADW_TYPE_COMBO_ROW, _("Format"));
  return dialog;
}

static gboolean
nothing_named (gpointer data)
{
  const char *const *where = data;  /* folder, name */
  g_autoptr(GDir) dir = g_dir_open (where[0], 0, NULL);
  g_autofree char *hidden = g_strconcat (".", where[1], NULL);
  const char *entry;

  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_equal (entry, where[1]) || g_str_has_prefix (entry, hidden))
      return FALSE;
  return TRUE;
}

/* Closing the dialog while it exports: the export is cancelled and the
 * dialog is gone at once (the export holds it only weakly), and no file,
 * not even a temporary one, stays once the export has stopped. */
static void
close_while_exporting (GovorunServices   *services,
                       GovorunCallFilter *filter,
                       const char        *dir)
{
  GtkWidget *dialog = open_dialog (services, filter, TRUE);
  g_autofree char *path = g_build_filename (dir, "closed.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *where[] = { dir, "closed.csv" };
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  govorun_export_dialog_export_to (GOVORUN_EXPORT_DIALOG (dialog), file);
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_PROGRESS_BAR, NULL));
  gtk_window_close (GTK_WINDOW (dialog));
  for (guint i = 0; i < 20 && weak != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
  g_assert_true (wait_until (nothing_named, (gpointer) where, 10000));
  settle (500);
  g_assert_true (nothing_named ((gpointer) where));
}

static gboolean
run_script (gpointer user_data)
{
  GovorunServices *services;
  GtkWidget *dialog;
  const char *lang = ui_app_is_russian () ? "-ru" : "";
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-ui-export-XXXXXX");
  g_autofree char *csv_path = g_build_filename (dir, "calls.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "calls.xlsx", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing", "calls.csv", NULL);
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autofree char *shot = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  ui_app_wait_ready ();
  services = govorun_application_get_services (ui_app_get ());
  add_calls (services);

  /* From the Calls page: what it lists (the search's calls, newest first). */
  {
    GtkWidget *window = GTK_WIDGET (ui_app_main_window ());
    GtkWidget *page;
    g_autofree char *all_path = g_build_filename (dir, "all.csv", NULL);
    g_autofree char *all = NULL;
    g_auto(GStrv) all_lines = NULL;

    gtk_widget_activate (gtk_widget_get_ancestor (find_widget (find_with_css (window, "navigation-sidebar"),
                                                               GTK_TYPE_LABEL, _("Calls")),
                                                  GTK_TYPE_LIST_BOX_ROW));
    page = ui_wait_widget (window, GOVORUN_TYPE_CALLS_PAGE, NULL);
    govorun_call_list_refresh (govorun_services_get_call_list (services));
    gtk_editable_set_text (GTK_EDITABLE (ui_wait_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL)), MARK);
    settle (1500);
    g_assert_true (gtk_widget_activate_action (page, "calls.export", NULL));
    dialog = ui_wait_toplevel (GOVORUN_TYPE_EXPORT_DIALOG);
    ui_wait_widget (dialog, ADW_TYPE_COMBO_ROW, _("Format"));
    export_and_wait (dialog, all_path);
    g_assert_true (g_file_get_contents (all_path, &all, NULL, NULL));
    all_lines = g_strsplit (all, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (all_lines), ==, N_CALLS / 2 + 2);
    g_assert_nonnull (strstr (all_lines[1], "+79165550038"));
    g_assert_nonnull (strstr (all_lines[N_CALLS / 2], "+79165550000"));
    assert_no_key (all_path);
    click (dialog, _("_Close"));
    ui_wait_closed (GOVORUN_TYPE_EXPORT_DIALOG);
  }

  filter->status = GOVORUN_CALL_STATUS_ANSWERED;
  filter->search = g_strdup (MARK);
  dialog = open_dialog (services, filter, FALSE);
  shot = g_strdup_printf ("export-options%s.png", lang);
  settle (500);
  screenshot (dialog, shot);

  /* CSV, the default: the answered calls, oldest first, under a header in
   * the person's language. */
  export_and_wait (dialog, csv_path);
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("export-done%s.png", lang);
  settle (500);
  screenshot (dialog, shot);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, N_CALLS / 2 + 2);  /* header, rows, "" */
  g_assert_true (g_str_has_prefix (lines[0], _("Date and Time")));
  g_assert_nonnull (strstr (lines[1], "+79165550000"));
  g_assert_nonnull (strstr (lines[N_CALLS / 2], "+79165550038"));
  g_assert_nonnull (strstr (lines[1], _("Answered")));
  assert_no_key (csv_path);

  /* Close, then export again as a workbook with transcripts. */
  click (dialog, _("_Close"));
  ui_wait_closed (GOVORUN_TYPE_EXPORT_DIALOG);
  dialog = open_dialog (services, filter, TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (dialog, ADW_TYPE_COMBO_ROW, _("Format"))), 2);
  gtk_switch_set_active (GTK_SWITCH (find_widget (dialog, GTK_TYPE_SWITCH, NULL)), TRUE);
  export_and_wait (dialog, xlsx_path);
  {
    g_autofree char *book = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (xlsx_path, &book, &length, NULL));
    g_assert_cmpuint (length, >, 4);
    g_assert_cmpmem (book, 2, "PK", 2);
    assert_no_key (xlsx_path);
  }

  close_while_exporting (services, filter, dir);

  /* A folder that is not there: a sentence, and a way back. */
  click (dialog, _("_Close"));
  ui_wait_closed (GOVORUN_TYPE_EXPORT_DIALOG);
  dialog = open_dialog (services, filter, TRUE);
  {
    g_autoptr(GFile) file = g_file_new_for_path (missing_path);

    govorun_export_dialog_export_to (GOVORUN_EXPORT_DIALOG (dialog), file);
  }
  ui_wait_widget (dialog, GTK_TYPE_BUTTON, _("_Try Again"));
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_LABEL, _("The Calls Were Not Exported")));
  g_clear_pointer (&shot, g_free);
  shot = g_strdup_printf ("export-failed%s.png", lang);
  settle (500);
  screenshot (dialog, shot);
  click (dialog, _("_Try Again"));
  ui_wait_widget (dialog, ADW_TYPE_COMBO_ROW, _("Format"));
  gtk_window_close (GTK_WINDOW (dialog));
  ui_wait_closed (GOVORUN_TYPE_EXPORT_DIALOG);

  test_util_rm_rf (dir);
  g_application_quit (G_APPLICATION (ui_app_get ()));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/export", run_script);
}
