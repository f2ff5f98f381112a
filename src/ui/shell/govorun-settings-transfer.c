/* govorun-settings-transfer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunSettingsTransfer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "govorun-error-banner.h"
#include "govorun-settings-transfer.h"
#include "govorun-toast.h"

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_settings_file_export_finish (GOVORUN_SETTINGS_FILE (object), result, &error))
    govorun_error_show (GTK_WIDGET (parent), error->message);
  else
    govorun_toast_show (GTK_WIDGET (parent), _("Settings exported"));
}

static void
on_export_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  GovorunSettingsFile *settings_file = user_data;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    govorun_settings_file_export_async (settings_file, file, NULL, on_exported, g_object_ref (parent));
  g_object_unref (settings_file);
  g_object_unref (chooser);
}

void
govorun_settings_transfer_export (GtkWindow           *parent,
                                  GovorunSettingsFile *settings_file)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (GOVORUN_IS_SETTINGS_FILE (settings_file));

  chooser = gtk_file_chooser_native_new (_("Export Settings"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name; keep the .json ending */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("govorun-settings.json"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), g_object_ref (settings_file));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The imported webhooks' new secrets, shown this once, selectable for
 * copying into each receiver. */
static GtkWidget *
webhook_secrets (const GovorunSettingsImport *import)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *intro;

  intro = gtk_label_new (_("Webhooks get new secrets on this computer. Copy each into its receiver now: it is not shown again."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);
  for (guint i = 0; import->webhooks_added[i] != NULL && import->webhook_secrets[i] != NULL; i++)
    {
      GtkWidget *name = gtk_label_new (import->webhooks_added[i]);
      GtkWidget *secret = gtk_label_new (import->webhook_secrets[i]);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (secret), 0);
      gtk_label_set_selectable (GTK_LABEL (secret), TRUE);
      gtk_label_set_wrap (GTK_LABEL (secret), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (secret), PANGO_WRAP_CHAR);
      gtk_widget_add_css_class (secret, "monospace");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), secret);
    }
  return box;
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GovorunSettingsImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = govorun_settings_file_import_finish (GOVORUN_SETTINGS_FILE (object), result, &error);
  if (import == NULL)
    {
      govorun_error_show (GTK_WIDGET (parent), error->message);
      return;
    }
  govorun_settings_transfer_show_import (parent, import);
}

void
govorun_settings_transfer_show_import (GtkWindow                   *parent,
                                       const GovorunSettingsImport *import)
{
  g_autofree char *numbers = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  numbers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u number was added to the do-not-call list.",
                                          "%u numbers were added to the do-not-call list.",
                                          import->do_not_call_added),
                             import->do_not_call_added);
  body = g_string_new (numbers);
  if (import->accounts_to_add != NULL && import->accounts_to_add[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", import->accounts_to_add);

      g_string_append_c (body, ' ');
      /* Translators: %s is a list of account names */
      g_string_append_printf (body, _("Keys are never exported, so these accounts were added without them: type each key on the Accounts page (Type Key…): %s."),
                              names);
    }
  if (import->targets_to_add != NULL && import->targets_to_add[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", import->targets_to_add);

      g_string_append_c (body, ' ');
      /* Translators: %s is a list of integration names */
      g_string_append_printf (body, _("A Bitrix24 address holds its key, so it is never exported: add these integrations again with their addresses: %s."),
                              names);
    }
  dialog = adw_message_dialog_new (parent, _("Settings Imported"), body->str);
  if (import->webhooks_added != NULL && import->webhooks_added[0] != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), webhook_secrets (import));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  GovorunSettingsFile *settings_file = user_data;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    govorun_settings_file_import_async (settings_file, file, NULL, on_imported, g_object_ref (parent));
  g_object_unref (settings_file);
  g_object_unref (chooser);
}

void
govorun_settings_transfer_import (GtkWindow           *parent,
                                  GovorunSettingsFile *settings_file)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GOVORUN_IS_SETTINGS_FILE (settings_file));

  chooser = gtk_file_chooser_native_new (_("Import Settings"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Govorun settings"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), g_object_ref (settings_file));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
