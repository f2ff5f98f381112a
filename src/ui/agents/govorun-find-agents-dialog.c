/* govorun-find-agents-dialog.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFindAgentsDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-error-banner.h"
#include "govorun-find-agents-dialog.h"
#include "govorun-format.h"
#include "govorun-toast.h"

struct _GovorunFindAgentsDialog
{
  AdwWindow            parent_instance;

  GovorunAgentFinder  *finder;
  GovorunAccountStore *accounts;
  GCancellable        *cancellable;
  GPtrArray           *pending;   /* Voximplant accounts still to search */
  guint                n_agents;
  guint                n_foreign;

  /* template children */
  AdwToastOverlay     *toast_overlay;
  GovorunErrorBanner  *error_banner;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *agents_group;
  GtkListBox          *agents_list;
  GtkWidget           *foreign_group;
  GtkListBox          *foreign_list;
};

G_DEFINE_FINAL_TYPE (GovorunFindAgentsDialog, govorun_find_agents_dialog, ADW_TYPE_WINDOW)

static void search_next (GovorunFindAgentsDialog *self);

/* "Deployed from “reception” on 2 Dec 2026 · 2 numbers" */
static char *
describe (GovorunFoundAgent *found)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (govorun_found_agent_get_time (found));
  /* Translators: a date, see the GLib g_date_time_format() manual */
  /* xgettext:no-c-format */
  g_autofree char *date = when != NULL ? g_date_time_format (when, C_("found agent date", "%x")) : g_strdup ("");
  guint n = g_strv_length ((char **) govorun_found_agent_get_numbers (found));
  g_autofree char *numbers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u number", "%u numbers", n), n);
  g_autofree char *deployed = NULL;

  /* Translators: the first %s is a computer's name, the second a date */
  deployed = g_strdup_printf (_("Deployed from “%s” on %s"), govorun_found_agent_get_host (found), date);
  if (govorun_found_agent_get_state (found) == GOVORUN_FOUND_AGENT_PARTIAL)
    /* Translators: what was deployed, then how many numbers */
    return g_strdup_printf (_("%s · %s · some parts are missing"), deployed, numbers);
  /* Translators: what was deployed, then how many numbers */
  return g_strdup_printf (_("%s · %s"), deployed, numbers);
}

static void
mark_adopted (GtkWidget *row,
              GtkWidget *button)
{
  GtkWidget *label = gtk_label_new (_("On this computer"));

  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_remove (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static void
on_adopted (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) button = user_data;
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  g_autoptr(GovorunAgent) agent = NULL;
  g_autoptr(GError) error = NULL;

  agent = govorun_agent_finder_adopt_finish (GOVORUN_AGENT_FINDER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || row == NULL)
    return;
  if (agent == NULL)
    {
      gtk_widget_set_sensitive (button, TRUE);
      govorun_error_show (row, error->message);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_("“%s” is on this computer now"), govorun_agent_get_name (agent));

    govorun_toast_show (row, text);
  }
  mark_adopted (row, button);
}

static void
on_adopt_clicked (GtkButton               *button,
                  GovorunFindAgentsDialog *self)
{
  GovorunFoundAgent *found = g_object_get_data (G_OBJECT (button), "found");

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  govorun_error_banner_set_text (self->error_banner, NULL);
  govorun_agent_finder_adopt_async (self->finder, found, self->cancellable, on_adopted, g_object_ref (button));
}

static GtkWidget *
found_row (GovorunFindAgentsDialog *self,
           GovorunFoundAgent       *found)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (govorun_found_agent_get_name (found), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The Adopt button is the control; the row itself is no Tab stop. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  if (govorun_found_agent_get_state (found) == GOVORUN_FOUND_AGENT_FOREIGN)
    return row;

  {
    g_autofree char *text = describe (found);
    g_autofree char *subtitle = g_markup_escape_text (text, -1);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  }
  if (govorun_found_agent_get_here (found))
    {
      GtkWidget *label = gtk_label_new (_("On this computer"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Adopt"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "found", g_object_ref (found), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_adopt_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
show_results (GovorunFindAgentsDialog *self)
{
  gtk_widget_set_visible (self->agents_group, self->n_agents > 0);
  gtk_widget_set_visible (self->foreign_group, self->n_foreign > 0);
  if (self->n_agents > 0 || self->n_foreign > 0)
    gtk_stack_set_visible_child_name (self->stack, "results");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_found (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GovorunFindAgentsDialog *self;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  found = govorun_agent_finder_find_finish (GOVORUN_AGENT_FINDER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = GOVORUN_FIND_AGENTS_DIALOG (user_data);
  if (found == NULL)
    govorun_error_banner_set_text (self->error_banner, error->message);
  for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(GovorunFoundAgent) item = g_list_model_get_item (found, i);
      gboolean foreign = govorun_found_agent_get_state (item) == GOVORUN_FOUND_AGENT_FOREIGN;

      gtk_list_box_append (foreign ? self->foreign_list : self->agents_list, found_row (self, item));
      if (foreign)
        self->n_foreign++;
      else
        self->n_agents++;
    }
  search_next (self);
}

static void
search_next (GovorunFindAgentsDialog *self)
{
  g_autoptr(GovorunAccount) account = NULL;

  if (self->pending->len == 0)
    {
      show_results (self);
      return;
    }
  account = g_ptr_array_steal_index (self->pending, 0);
  /* The dialog outlives its searches: dispose cancels them first. */
  govorun_agent_finder_find_async (self->finder, account, self->cancellable, on_found, self);
}

static void
govorun_find_agents_dialog_dispose (GObject *object)
{
  GovorunFindAgentsDialog *self = GOVORUN_FIND_AGENTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->finder);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_FIND_AGENTS_DIALOG);

  G_OBJECT_CLASS (govorun_find_agents_dialog_parent_class)->dispose (object);
}

static void
govorun_find_agents_dialog_class_init (GovorunFindAgentsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_find_agents_dialog_dispose;

  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-find-agents-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunFindAgentsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GovorunFindAgentsDialog, error_banner);
  gtk_widget_class_bind_template_child (widget_class, GovorunFindAgentsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunFindAgentsDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GovorunFindAgentsDialog, agents_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunFindAgentsDialog, agents_list);
  gtk_widget_class_bind_template_child (widget_class, GovorunFindAgentsDialog, foreign_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunFindAgentsDialog, foreign_list);
  govorun_toast_install_action (widget_class);
  govorun_error_banner_install_action (widget_class, G_STRUCT_OFFSET (GovorunFindAgentsDialog, error_banner));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
govorun_find_agents_dialog_init (GovorunFindAgentsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

GovorunFindAgentsDialog *
govorun_find_agents_dialog_new (GtkWindow           *parent,
                                GovorunAgentFinder  *finder,
                                GovorunAccountStore *accounts)
{
  GovorunFindAgentsDialog *self;
  GListModel *model = G_LIST_MODEL (accounts);

  g_return_val_if_fail (GOVORUN_IS_AGENT_FINDER (finder), NULL);
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);

  self = g_object_new (GOVORUN_TYPE_FIND_AGENTS_DIALOG, "transient-for", parent, NULL);
  self->finder = g_object_ref (finder);
  self->accounts = g_object_ref (accounts);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (model, i);

      if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
        g_ptr_array_add (self->pending, g_steal_pointer (&account));
    }
  if (self->pending->len == 0)
    adw_status_page_set_description (self->empty_page,
                                     _("Add the Voximplant account the agents were set up in on the Accounts page, then look again."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("No agent set up with Govorun is in the Voximplant accounts yet."));
  search_next (self);
  return self;
}
