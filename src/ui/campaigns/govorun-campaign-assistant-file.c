/* govorun-campaign-assistant-file.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignAssistant"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaign-assistant-private.h"
#include "govorun-call-format.h"
#include "govorun-campaign-format.h"
#include "govorun-table-chooser.h"

/* Step 1: the contacts file — chosen, or dropped on the window — read as a
 * preview: its sheet (XLSX), how it was read (encoding, delimiter) and its
 * first rows. */

gboolean
_govorun_campaign_assistant_file_complete (GovorunCampaignAssistant *self)
{
  return self->preview != NULL && govorun_import_preview_get_n_columns (self->preview) > 0;
}

/* -- the first rows -- */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           GovorunCampaignAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkStringObject *row = gtk_list_item_get_item (item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (row), NULL, 10);
  const char * const *cells = NULL;
  const char *text = "";

  if (self->preview != NULL && index < govorun_import_preview_get_n_rows (self->preview))
    cells = govorun_import_preview_get_row (self->preview, index);
  /* A short row (a ragged file) shows empty cells. */
  for (guint i = 0; cells != NULL && cells[i] != NULL; i++)
    if (i == column)
      {
        text = cells[i];
        break;
      }
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
fill_preview (GovorunCampaignAssistant *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  const char * const *titles = govorun_import_preview_get_columns (self->preview);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }

  for (guint i = 0; titles != NULL && titles[i] != NULL; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell), self, 0);
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->preview_view, column);
    }

  /* The items are row indexes into the preview. */
  for (guint i = 0; i < govorun_import_preview_get_n_rows (self->preview); i++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      gtk_string_list_append (rows, index);
    }
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
}

/* "Windows-1251, separated by semicolons, about 1,200 rows" */
static char *
describe_format (GovorunImportPreview *preview)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *encoding = govorun_import_preview_get_encoding (preview);
  const char *delimiter = govorun_import_preview_get_delimiter (preview);
  gint64 estimate = govorun_import_preview_get_row_estimate (preview);

  if (encoding != NULL && *encoding != '\0')
    g_ptr_array_add (parts, g_strdup (encoding));
  if (delimiter != NULL && *delimiter != '\0')
    g_ptr_array_add (parts, g_strdup (delimiter));
  if (estimate > 0)
    {
      guint n = (guint) MIN (estimate, G_MAXUINT);

      /* Translators: the estimated number of rows of a file */
      g_ptr_array_add (parts, govorun_call_format_group_digits (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                                              "about %u row",
                                                                                              "about %u rows", n),
                                                                                 n), n));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
show_preview (GovorunCampaignAssistant *self)
{
  const char * const *sheets = govorun_import_preview_get_sheet_names (self->preview);
  guint n_sheets = sheets != NULL ? g_strv_length ((char **) sheets) : 0;
  g_autofree char *format = describe_format (self->preview);

  /* A workbook names its sheets; the one read is chosen. */
  self->filling_sheets = TRUE;
  if (n_sheets > 1)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (sheets);
      const char *chosen = govorun_import_preview_get_sheet (self->preview);

      adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (names));
      for (guint i = 0; i < n_sheets; i++)
        if (g_strcmp0 (sheets[i], chosen) == 0)
          adw_combo_row_set_selected (self->sheet_row, i);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), n_sheets > 1);
  self->filling_sheets = FALSE;

  _govorun_campaign_assistant_set_subtitle (self->format_row, format);
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), *format != '\0');
  gtk_widget_set_visible (self->preview_label, TRUE);
  gtk_widget_set_visible (self->preview_scroller, TRUE);
  fill_preview (self);
}

static void
on_preview_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GovorunCampaignAssistant) self = user_data;
  g_autoptr(GovorunImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = govorun_campaigns_preview_finish (GOVORUN_CAMPAIGNS (source), result, &error);
  if (preview == NULL)
    {
      _govorun_campaign_assistant_fail (self, error);
      return;
    }

  g_set_object (&self->preview, preview);
  show_preview (self);
  _govorun_campaign_assistant_columns_changed (self);
  _govorun_campaign_assistant_set_busy (self, FALSE);
}

static void
read_preview (GovorunCampaignAssistant *self,
              const char               *sheet)
{
  GCancellable *cancellable = _govorun_campaign_assistant_renew (self);

  govorun_error_banner_set_text (self->error_banner, NULL);
  _govorun_campaign_assistant_set_busy (self, TRUE);
  govorun_campaigns_preview_async (_govorun_campaign_assistant_campaigns (self), self->file, sheet,
                                   cancellable, on_preview_done, g_object_ref (self));
}

void
govorun_campaign_assistant_set_file (GovorunCampaignAssistant *self,
                                     GFile                    *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GOVORUN_IS_CAMPAIGN_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_object (&self->preview);
  name = g_file_get_basename (file);
  _govorun_campaign_assistant_set_subtitle (self->file_row, name);
  _govorun_campaign_assistant_default_name (self);
  read_preview (self, NULL);
}

static void
on_sheet_changed (GovorunCampaignAssistant *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->sheet_row);

  if (self->filling_sheets || item == NULL || self->file == NULL)
    return;
  if (self->preview != NULL &&
      g_strcmp0 (govorun_import_preview_get_sheet (self->preview), gtk_string_object_get_string (item)) == 0)
    return;

  read_preview (self, gtk_string_object_get_string (item));
}

static void
on_chooser_response (GtkNativeDialog          *chooser,
                     int                       response,
                     GovorunCampaignAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        govorun_campaign_assistant_set_file (self, file);
    }
  g_object_unref (chooser);
}

static void
on_choose_clicked (GovorunCampaignAssistant *self)
{
  GtkFileChooserNative *chooser = govorun_table_chooser_new (GTK_WINDOW (self), _("Choose a Contacts File"),
                                                             _("_Open"));

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_govorun_campaign_assistant_file_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_changed);
}
