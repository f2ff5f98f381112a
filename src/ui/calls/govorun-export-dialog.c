/* govorun-export-dialog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunExportDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-export-dialog.h"
#include "govorun-first-field.h"
#include "govorun-toast.h"

struct _GovorunExportDialog
{
  AdwWindow           parent_instance;

  GovorunServices    *services;
  GovorunCallFilter  *filter;
  GovorunCallSortKey  sort;
  gboolean            descending;
  GCancellable       *cancellable;  /* the running export's, or NULL */
  GFile              *file;         /* the file being or last written */

  /* template children */
  GtkButton          *cancel_button;
  GtkButton          *export_button;
  GtkStack           *stack;
  AdwComboRow        *format_row;
  GtkSwitch          *transcripts_switch;
  GtkLabel           *format_hint;
  AdwStatusPage      *progress_page;
  GtkProgressBar     *progress_bar;
  AdwStatusPage      *done_page;
  AdwStatusPage      *failed_page;
};

G_DEFINE_FINAL_TYPE (GovorunExportDialog, govorun_export_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_SERVICES,
  PROP_FILTER,
  PROP_SORT,
  PROP_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GovorunCallExportFormat
chosen_format (GovorunExportDialog *self)
{
  switch (adw_combo_row_get_selected (self->format_row))
    {
    case 1:
      return GOVORUN_CALL_EXPORT_FORMAT_CSV_EXCEL;
    case 2:
      return GOVORUN_CALL_EXPORT_FORMAT_XLSX;
    default:
      return GOVORUN_CALL_EXPORT_FORMAT_CSV;
    }
}

static void
show_step (GovorunExportDialog *self,
           const char          *step)
{
  gboolean options = g_str_equal (step, "options");
  gboolean running = g_str_equal (step, "progress");

  gtk_stack_set_visible_child_name (self->stack, step);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), options);
  gtk_button_set_label (self->cancel_button, options || running ? _("_Cancel") : _("_Close"));
}

static void
on_format_selected (GovorunExportDialog *self)
{
  const char *hint;

  switch (chosen_format (self))
    {
    case GOVORUN_CALL_EXPORT_FORMAT_CSV_EXCEL:
      hint = _("Semicolons between fields and a byte order mark, so that Excel with Russian "
               "settings opens the file by a double-click.");
      break;
    case GOVORUN_CALL_EXPORT_FORMAT_XLSX:
      hint = _("Dates, durations and costs as typed cells, the header row frozen and filters "
               "on. A workbook holds up to 1,048,575 calls.");
      break;
    case GOVORUN_CALL_EXPORT_FORMAT_CSV:
    default:
      hint = _("Commas between fields, UTF-8: for spreadsheets and programs anywhere.");
      break;
    }
  gtk_label_set_text (self->format_hint, hint);
}

/* --- the export ------------------------------------------------------------ */

/* What an export's callbacks hold: the dialog weakly, so that closing it
 * while the export stops (between batches) destroys it at once. Freed
 * when the export is done; no progress is reported after that. */
typedef struct
{
  GWeakRef dialog;
} ExportRun;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  ExportRun *run = user_data;
  g_autoptr(GovorunExportDialog) self = g_weak_ref_get (&run->dialog);
  g_autofree char *done_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *text = NULL;

  if (self == NULL || self->services == NULL)
    return;
  done_text = g_strdup_printf ("%'" G_GUINT64_FORMAT, done);
  total_text = g_strdup_printf ("%'" G_GUINT64_FORMAT, total);
  /* Translators: calls written so far, of how many. */
  text = g_strdup_printf (_("%s of %s"), done_text, total_text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportRun *run = user_data;
  g_autoptr(GovorunExportDialog) self = g_weak_ref_get (&run->dialog);
  g_autoptr(GError) error = NULL;
  guint64 rows = 0;
  gboolean ok;

  ok = govorun_call_export_run_finish (GOVORUN_CALL_EXPORT (source), result, &rows, &error);
  g_weak_ref_clear (&run->dialog);
  g_free (run);
  /* Closed while it ran: the export was cancelled and left no file. */
  if (self == NULL || self->services == NULL)
    return;

  g_clear_object (&self->cancellable);
  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_step (self, "options");
          govorun_toast_show (GTK_WIDGET (self), _("Export cancelled: no file was written"));
          return;
        }
      adw_status_page_set_description (self->failed_page, error->message);
      show_step (self, "failed");
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (self->file);
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u call was saved to “%s”.",
                                                          "%u calls were saved to “%s”.",
                                                          (gulong) rows),
                                             (guint) rows, name);

    adw_status_page_set_description (self->done_page, text);
  }
  show_step (self, "done");
}

void
govorun_export_dialog_export_to (GovorunExportDialog *self,
                                 GFile               *file)
{
  GovorunCallExport *export;
  ExportRun *run;

  g_return_if_fail (GOVORUN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  g_set_object (&self->file, file);
  export = govorun_services_get_call_export (self->services);
  if (export == NULL)
    {
      adw_status_page_set_description (self->failed_page,
                                       _("Govorun’s call history is not open yet. Wait until "
                                         "Govorun has started, then try again."));
      show_step (self, "failed");
      return;
    }

  run = g_new0 (ExportRun, 1);
  g_weak_ref_init (&run->dialog, self);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  show_step (self, "progress");
  govorun_call_export_run_async (export, self->filter, self->sort, self->descending,
                                 chosen_format (self),
                                 gtk_switch_get_active (self->transcripts_switch),
                                 file, on_progress, run, self->cancellable, on_export_done, run);
}

/* --- the file chooser ------------------------------------------------------ */

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     GovorunExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *extension = govorun_call_export_format_extension (chosen_format (self));
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
      g_autofree char *suffix = g_strconcat (".", extension, NULL);

      /* A name typed without its extension gets it, so the file opens in
       * the right program. */
      if (name != NULL && !g_str_has_suffix (name, suffix))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *full = g_strconcat (name, suffix, NULL);

          if (parent != NULL)
            g_set_object (&file, g_file_get_child (parent, full));
        }
      if (file != NULL)
        govorun_export_dialog_export_to (self, file);
    }

  g_object_unref (chooser);
}

static void
on_export_clicked (GovorunExportDialog *self)
{
  GovorunCallExportFormat format = chosen_format (self);
  const char *extension = govorun_call_export_format_extension (format);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *pattern = g_strconcat ("*.", extension, NULL);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  /* GtkFileChooserNative goes through the portal inside Flatpak;
   * GtkFileDialog needs GTK 4.10. */
  chooser = gtk_file_chooser_native_new (_("Export Calls"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name, before the date and extension;
   * no spaces. */
  name = g_strdup_printf ("%s-%s.%s", C_("file name", "calls"), date, extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (format == GOVORUN_CALL_EXPORT_FORMAT_XLSX)
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- buttons --------------------------------------------------------------- */

static void
on_cancel_clicked (GovorunExportDialog *self)
{
  /* While exporting, Cancel stops the export (its partial file goes) and
   * the options come back; otherwise it closes. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_open_clicked (GovorunExportDialog *self)
{
  g_autofree char *uri = NULL;

  if (self->file == NULL)
    return;
  uri = g_file_get_uri (self->file);
  /* Through the OpenURI portal in a sandbox. */
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_try_again_clicked (GovorunExportDialog *self)
{
  show_step (self, "options");
}

static gboolean
on_close_request (GovorunExportDialog *self)
{
  /* Closed while exporting: the export stops and leaves no file; the
   * window goes now (the export holds it only weakly). */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* --- GObject --------------------------------------------------------------- */

static void
govorun_export_dialog_dispose (GObject *object)
{
  GovorunExportDialog *self = GOVORUN_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->services);
  g_clear_object (&self->file);
  g_clear_pointer (&self->filter, govorun_call_filter_free);

  G_OBJECT_CLASS (govorun_export_dialog_parent_class)->dispose (object);
}

static void
govorun_export_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GovorunExportDialog *self = GOVORUN_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      g_value_set_object (value, self->services);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;
    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_export_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GovorunExportDialog *self = GOVORUN_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      self->services = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      g_clear_pointer (&self->filter, govorun_call_filter_free);
      self->filter = g_value_get_boxed (value) != NULL ? g_value_dup_boxed (value)
                                                       : govorun_call_filter_new ();
      break;
    case PROP_SORT:
      self->sort = g_value_get_int (value);
      break;
    case PROP_DESCENDING:
      self->descending = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_export_dialog_class_init (GovorunExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_export_dialog_dispose;
  object_class->get_property = govorun_export_dialog_get_property;
  object_class->set_property = govorun_export_dialog_set_property;

  properties[PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL, GOVORUN_TYPE_SERVICES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, GOVORUN_TYPE_CALL_FILTER,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A GovorunCallSortKey. */
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL, GOVORUN_CALL_SORT_STARTED_AT, GOVORUN_CALL_SORT_AGENT,
                      GOVORUN_CALL_SORT_STARTED_AT,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, transcripts_switch);
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, format_hint);
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunExportDialog, failed_page);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_format_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_try_again_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  govorun_toast_install_action (widget_class);
}

static void
govorun_export_dialog_init (GovorunExportDialog *self)
{
  self->descending = TRUE;
  self->filter = govorun_call_filter_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  govorun_first_field_focus_on_map (GTK_WINDOW (self), GTK_WIDGET (self->format_row));
  on_format_selected (self);
}

GovorunExportDialog *
govorun_export_dialog_new (GtkWindow               *parent,
                           GovorunServices         *services,
                           const GovorunCallFilter *filter,
                           GovorunCallSortKey       sort,
                           gboolean                 descending)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (services), NULL);

  return g_object_new (GOVORUN_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "services", services,
                       "filter", filter,
                       "sort", (int) sort,
                       "descending", descending,
                       NULL);
}
