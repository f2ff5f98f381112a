/* govorun-agent-dialog-numbers.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-agent-dialog-private.h"
#include "govorun-buy-number-dialog.h"
#include "govorun-empty-state.h"
#include "govorun-format.h"

/*
 * Page 2 of New Agent: the Voximplant account and the numbers the agent
 * answers on (or shows as its caller ID), with a number bought on the spot.
 */

/* -- page 2: account and numbers -- */

static void
on_number_toggled (GtkCheckButton     *check,
                   GovorunAgentDialog *self)
{
  GovorunPhoneNumber *number = g_object_get_data (G_OBJECT (check), "number");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->checked, g_memdup2 (&number->phone_id, sizeof number->phone_id));
  else
    g_hash_table_remove (self->checked, &number->phone_id);

  _govorun_agent_dialog_update_buttons (self);
}

static void
show_numbers (GovorunAgentDialog *self)
{
  GovorunAgentStore *agents = govorun_services_get_agents (self->services);
  GovorunAccount *account = _govorun_agent_dialog_selected_account (self->vox_account_row, self->vox_accounts);

  govorun_empty_state_clear_rows (self->numbers_list);

  for (guint i = 0; self->owned != NULL && i < self->owned->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (self->owned, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GovorunAgent *owner = NULL;
      g_autofree char *title = govorun_format_phone_number (number->number);
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped_title = NULL;

      if (number->deactivated)
        continue;

      if (account != NULL)
        owner = govorun_agent_store_find_by_phone_id (agents, govorun_account_get_uuid (account),
                                                      number->phone_id);

      if (owner != NULL && (self->editing == NULL ||
                            g_strcmp0 (govorun_agent_get_uuid (owner), govorun_agent_get_uuid (self->editing)) != 0))
        /* Translators: %s is another Govorun agent */
        subtitle = g_strdup_printf (_("Used by the agent “%s”"), govorun_agent_get_name (owner));
      else if (number->application_name != NULL && number->application_id != 0)
        /* Translators: Voximplant application, then rule */
        subtitle = g_strdup_printf (_("Bound to %s · %s"), number->application_name,
                                    number->rule_name ? number->rule_name : _("no rule"));
      else
        subtitle = g_strdup (_("Not bound"));

      escaped_title = g_markup_escape_text (title, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      _govorun_agent_dialog_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "number", number);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->checked, &number->phone_id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_number_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->numbers_list, row);
    }

  govorun_empty_state_set (self->numbers_list, "call-start-symbolic", _("No Numbers Yet"),
                           _("This account has no phone numbers yet. Buy one to answer calls."));

  _govorun_agent_dialog_update_buttons (self);
}

static void
numbers_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GovorunAgentDialog *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GError) error = NULL;
  GPtrArray *owned;

  owned = govorun_number_service_list_owned_finish (GOVORUN_NUMBER_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->numbers_busy = FALSE;
  _govorun_agent_dialog_update_buttons (self);

  if (owned == NULL)
    {
      govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->owned, g_ptr_array_unref);
  self->owned = owned;
  show_numbers (self);
}

void
_govorun_agent_dialog_list_numbers (GovorunAgentDialog *self)
{
  GovorunAccount *account = _govorun_agent_dialog_selected_account (self->vox_account_row, self->vox_accounts);

  govorun_empty_state_clear_rows (self->numbers_list);
  govorun_empty_state_set (self->numbers_list, NULL, NULL, NULL);
  _govorun_agent_dialog_reset_cancellable (&self->numbers_cancellable);
  self->numbers_busy = account != NULL;
  _govorun_agent_dialog_update_buttons (self);
  if (account == NULL)
    return;

  govorun_number_service_list_owned_async (govorun_services_get_numbers (self->services), account,
                                           self->numbers_cancellable, numbers_listed_cb,
                                           self);
}

static void
on_vox_account_changed (GovorunAgentDialog *self)
{
  GovorunAccount *account;

  if (self->services == NULL)
    return;

  account = _govorun_agent_dialog_selected_account (self->vox_account_row, self->vox_accounts);

  /* Numbers belong to one account. */
  if (self->editing == NULL || account == NULL ||
      g_strcmp0 (govorun_account_get_uuid (account), govorun_agent_get_vox_account_uuid (self->editing)) != 0)
    g_hash_table_remove_all (self->checked);

  _govorun_agent_dialog_list_numbers (self);
}

static void
on_bought (GovorunAgentDialog *self,
           GPtrArray          *bought)
{
  /* What was just bought is what the person wants for this agent. */
  for (guint i = 0; bought != NULL && i < bought->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (bought, i);

      g_hash_table_add (self->checked, g_memdup2 (&number->phone_id, sizeof number->phone_id));
    }

  _govorun_agent_dialog_list_numbers (self);
}

static void
on_buy_clicked (GovorunAgentDialog *self)
{
  GovorunAccount *account = _govorun_agent_dialog_selected_account (self->vox_account_row, self->vox_accounts);
  GovorunBuyNumberDialog *dialog;

  if (account == NULL)
    return;

  dialog = govorun_buy_number_dialog_new (GTK_WINDOW (self), govorun_services_get_numbers (self->services),
                                          account);
  g_signal_connect_object (dialog, "bought", G_CALLBACK (on_bought), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_govorun_agent_dialog_numbers_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_vox_account_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_buy_clicked);
}
