/* govorun-do-not-call-dialog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunDoNotCallDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-do-not-call-dialog.h"
#include "govorun-error-banner.h"
#include "govorun-first-field.h"
#include "govorun-format.h"
#include "govorun-table-chooser.h"
#include "govorun-toast.h"

struct _GovorunDoNotCallDialog
{
  AdwWindow           parent_instance;

  GovorunDoNotCall   *list;
  GCancellable       *cancellable;
  guint               running;   /* requests under way */

  /* template children */
  GtkWidget          *spinner;
  GovorunErrorBanner *error_banner;
  AdwEntryRow        *number_row;
  AdwEntryRow        *note_row;
  GtkLabel           *count_label;
  GtkWidget          *import_button;
  GtkWidget          *export_button;
  GtkLabel           *report_label;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (GovorunDoNotCallDialog, govorun_do_not_call_dialog, ADW_TYPE_WINDOW)

static void
set_running (GovorunDoNotCallDialog *self,
             gboolean                started)
{
  if (started)
    self->running++;
  else if (self->running > 0)
    self->running--;

  gtk_widget_set_visible (self->spinner, self->running > 0);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->running > 0);
  gtk_widget_set_sensitive (self->import_button, self->running == 0);
  gtk_widget_set_sensitive (self->export_button, self->running == 0);
}

/* A request ended: the spinner stops and a failure is said in the
 * dialog; TRUE when it went through (a cancelled one is neither: the
 * dialog is going away). */
static gboolean
request_ended (GovorunDoNotCallDialog *self,
               gboolean                ok,
               GError                 *error)
{
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  set_running (self, FALSE);
  if (!ok)
    govorun_error_show (GTK_WIDGET (self), error->message);
  return ok;
}

static void
update_count (GovorunDoNotCallDialog *self)
{
  guint n = g_list_model_get_n_items (govorun_do_not_call_get_model (self->list));
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u number on the list",
                                       "%u numbers on the list", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* --- rows ---------------------------------------------------------------------- */

static void
on_remove_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GovorunDoNotCallDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!request_ended (self, govorun_do_not_call_remove_finish (GOVORUN_DO_NOT_CALL (source), result, &error),
                      error))
    return;
  govorun_toast_show (GTK_WIDGET (self), _("Removed from the list"));
}

static void
on_remove_clicked (GtkButton              *button,
                   GovorunDoNotCallDialog *self)
{
  const char *number = g_object_get_data (G_OBJECT (button), "number");
  const char *numbers[] = { number, NULL };

  if (number == NULL)
    return;

  set_running (self, TRUE);
  govorun_do_not_call_remove_async (self->list, numbers, self->cancellable, on_remove_done,
                                    g_object_ref (self));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           GovorunDoNotCallDialog   *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_label_set_selectable (GTK_LABEL (number), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from the List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from the List"), -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);

  gtk_box_append (GTK_BOX (texts), number);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GovorunDoNotCallDialog   *self)
{
  GovorunDoNotCallEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *number = gtk_widget_get_first_child (texts);
  GtkWidget *detail = gtk_widget_get_next_sibling (number);
  GtkWidget *remove = gtk_widget_get_next_sibling (texts);
  const char *note = govorun_do_not_call_entry_get_note (entry);
  g_autofree char *shown = govorun_format_phone_number (govorun_do_not_call_entry_get_number (entry));
  g_autoptr(GDateTime) added = g_date_time_new_from_unix_local (govorun_do_not_call_entry_get_added_at (entry));
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  /* Translators: when a number was put on the do-not-call list; %x is the
   * locale's date */
  date = added != NULL ? g_date_time_format (added, _("added %x")) : g_strdup ("");
  if (note != NULL && *note != '\0')
    /* Translators: a do-not-call entry's note, then when it was added */
    text = g_strdup_printf (_("%s — %s"), note, date);
  else
    text = g_strdup (date);

  gtk_label_set_text (GTK_LABEL (number), shown);
  gtk_label_set_text (GTK_LABEL (detail), text);
  g_object_set_data_full (G_OBJECT (remove), "number",
                          g_strdup (govorun_do_not_call_entry_get_number (entry)), g_free);
}

/* --- adding -------------------------------------------------------------------- */

static void
on_add_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GovorunDoNotCallDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!request_ended (self, govorun_do_not_call_add_finish (GOVORUN_DO_NOT_CALL (source), result, &error), error))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->number_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  govorun_error_banner_set_text (self->error_banner, NULL);
  govorun_toast_show (GTK_WIDGET (self), _("Added to the list"));
  gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
}

static void
on_add (GovorunDoNotCallDialog *self)
{
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row))));
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  if (*number == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
      return;
    }

  set_running (self, TRUE);
  govorun_do_not_call_add_async (self->list, number, *note != '\0' ? note : NULL,
                                 self->cancellable, on_add_done, g_object_ref (self));
}

/* --- import and export ----------------------------------------------------------- */

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GovorunDoNotCallDialog) self = user_data;
  g_autoptr(GovorunDoNotCallImport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  report = govorun_do_not_call_import_finish (GOVORUN_DO_NOT_CALL (source), result, &error);
  if (!request_ended (self, report != NULL, error))
    return;

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u number added.", "%u numbers added.",
                                             report->added), report->added);
  if (report->already_listed > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u was on the list already.",
                                                 "%u were on the list already.", report->already_listed),
                              report->already_listed);
    }
  if (report->duplicates > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u repeated in the file.",
                                                 "%u repeated in the file.", report->duplicates),
                              report->duplicates);
    }
  if (report->invalid > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u row could not be read:",
                                                 "%u rows could not be read:", report->invalid),
                              report->invalid);
      for (guint i = 0; report->problems != NULL && i < report->problems->len && i < 10; i++)
        g_string_append_printf (text, "\n%s", (const char *) g_ptr_array_index (report->problems, i));
    }

  gtk_label_set_text (self->report_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->report_label), TRUE);
}

void
govorun_do_not_call_dialog_import_file (GovorunDoNotCallDialog *self,
                                        GFile                  *file)
{
  g_return_if_fail (GOVORUN_IS_DO_NOT_CALL_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_widget_set_visible (GTK_WIDGET (self->report_label), FALSE);
  govorun_error_banner_set_text (self->error_banner, NULL);
  set_running (self, TRUE);
  govorun_do_not_call_import_async (self->list, file, NULL, self->cancellable, on_import_done,
                                    g_object_ref (self));
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GovorunDoNotCallDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!request_ended (self, govorun_do_not_call_export_finish (GOVORUN_DO_NOT_CALL (source), result, &error),
                      error))
    return;
  govorun_toast_show (GTK_WIDGET (self), _("The list is saved"));
}

void
govorun_do_not_call_dialog_export_file (GovorunDoNotCallDialog *self,
                                        GFile                  *file)
{
  g_return_if_fail (GOVORUN_IS_DO_NOT_CALL_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  set_running (self, TRUE);
  govorun_do_not_call_export_async (self->list, file, self->cancellable, on_export_done,
                                    g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog        *chooser,
                     int                     response,
                     GovorunDoNotCallDialog *self)
{
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && saving)
        govorun_do_not_call_dialog_export_file (self, file);
      else if (file != NULL)
        govorun_do_not_call_dialog_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
on_import_clicked (GovorunDoNotCallDialog *self)
{
  GtkFileChooserNative *chooser = govorun_table_chooser_new (GTK_WINDOW (self), _("Import Numbers"), _("_Import"));

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_clicked (GovorunDoNotCallDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Do-Not-Call List"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of the exported list; no spaces */
  name = g_strdup_printf ("%s.csv", C_("file name", "do-not-call"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- setup --------------------------------------------------------------------- */

gboolean
govorun_do_not_call_dialog_get_busy (GovorunDoNotCallDialog *self)
{
  g_return_val_if_fail (GOVORUN_IS_DO_NOT_CALL_DIALOG (self), FALSE);

  return self->running > 0;
}

static void
govorun_do_not_call_dialog_dispose (GObject *object)
{
  GovorunDoNotCallDialog *self = GOVORUN_DO_NOT_CALL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (govorun_do_not_call_get_model (self->list), self);
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_DO_NOT_CALL_DIALOG);

  G_OBJECT_CLASS (govorun_do_not_call_dialog_parent_class)->dispose (object);
}

static void
govorun_do_not_call_dialog_class_init (GovorunDoNotCallDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_do_not_call_dialog_dispose;

  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-do-not-call-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, GovorunDoNotCallDialog, name)
  BIND (spinner);
  BIND (error_banner);
  BIND (number_row);
  BIND (note_row);
  BIND (count_label);
  BIND (import_button);
  BIND (export_button);
  BIND (report_label);
  BIND (stack);
  BIND (list_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  govorun_toast_install_action (widget_class);
  /* Where the toasts go; found by name, not kept. */
  gtk_widget_class_bind_template_child_full (widget_class, "toast_overlay", FALSE, 0);
  govorun_error_banner_install_action (widget_class, G_STRUCT_OFFSET (GovorunDoNotCallDialog, error_banner));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
govorun_do_not_call_dialog_init (GovorunDoNotCallDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  govorun_first_field_focus_on_map (GTK_WINDOW (self), GTK_WIDGET (self->number_row));
}

GovorunDoNotCallDialog *
govorun_do_not_call_dialog_new (GtkWindow        *parent,
                                GovorunDoNotCall *list)
{
  GovorunDoNotCallDialog *self;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkListItemFactory *factory;
  GListModel *model;

  g_return_val_if_fail (GOVORUN_IS_DO_NOT_CALL (list), NULL);

  self = g_object_new (GOVORUN_TYPE_DO_NOT_CALL_DIALOG, "transient-for", parent, NULL);
  self->list = g_object_ref (list);
  model = govorun_do_not_call_get_model (list);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (model));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (model, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  update_count (self);

  return self;
}
