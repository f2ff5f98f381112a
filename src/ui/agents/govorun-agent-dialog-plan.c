/* govorun-agent-dialog-plan.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-agent-dialog-private.h"
#include "govorun-empty-state.h"

/*
 * Page 4 of New Agent: the plan, computed from the unsaved draft the other
 * pages describe; its button is the only thing that saves the agent.
 */

/* -- page 4: the plan -- */

static GovorunAgent *
build_agent (GovorunAgentDialog *self)
{
  g_autoptr(GovorunAgent) agent = self->editing ? govorun_agent_copy (self->editing) : govorun_agent_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  GovorunAccount *el = _govorun_agent_dialog_selected_account (self->el_account_row, self->el_accounts);
  GovorunAccount *vox = _govorun_agent_dialog_selected_account (self->vox_account_row, self->vox_accounts);

  govorun_agent_set_name (agent, name);
  if (_govorun_agent_dialog_uses_webhook (self) || self->chosen == NULL)
    {
      govorun_agent_set_el_account_uuid (agent, NULL);
      govorun_agent_set_el_agent_id (agent, NULL);
      govorun_agent_set_el_agent_name (agent, NULL);
    }
  else
    {
      govorun_agent_set_el_account_uuid (agent, el != NULL ? govorun_account_get_uuid (el) : NULL);
      govorun_agent_set_el_agent_id (agent, govorun_voice_agent_get_id (self->chosen));
      govorun_agent_set_el_agent_name (agent, govorun_voice_agent_get_name (self->chosen));
    }
  govorun_agent_set_vox_account_uuid (agent, govorun_account_get_uuid (vox));
  govorun_agent_set_inbound (agent, gtk_switch_get_active (self->inbound_switch));
  govorun_agent_set_outbound (agent, gtk_switch_get_active (self->outbound_switch));
  govorun_agent_set_record (agent, gtk_switch_get_active (self->record_switch));

  if (_govorun_agent_dialog_uses_webhook (self))
    {
      govorun_agent_set_engine (agent, GOVORUN_AGENT_ENGINE_WEBHOOK);
      govorun_agent_set_webhook_url (agent, gtk_editable_get_text (GTK_EDITABLE (self->webhook_row)));
      g_autofree char *tenant = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tenant_row))));

      govorun_agent_set_tenant_slug (agent, tenant);
      govorun_agent_set_bot_language (agent, _govorun_agent_dialog_bot_language (self));
      govorun_agent_set_bot_voice (agent, _govorun_agent_dialog_bot_voice (self));
    }
  else
    {
      govorun_agent_set_engine (agent, GOVORUN_AGENT_ENGINE_ELEVENLABS);
      govorun_agent_set_bot_language (agent, NULL);
      govorun_agent_set_bot_voice (agent, NULL);
    }

  for (guint i = 0; self->owned != NULL && i < self->owned->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (self->owned, i);

      if (g_hash_table_contains (self->checked, &number->phone_id))
        {
          GovorunAgentNumber *item = g_new0 (GovorunAgentNumber, 1);

          item->phone_id = number->phone_id;
          item->number = g_strdup (number->number[0] == '+' ? number->number + 1 : number->number);
          g_ptr_array_add (numbers, item);
        }
    }
  g_ptr_array_set_free_func (numbers, (GDestroyNotify) govorun_agent_number_free);
  govorun_agent_set_numbers (agent, numbers);

  return g_steal_pointer (&agent);
}

static void
planned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GovorunAgentDialog *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GovorunPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = govorun_provisioner_plan_finish (GOVORUN_PROVISIONER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _govorun_agent_dialog_set_busy (self, FALSE);
  govorun_empty_state_clear_rows (self->plan_list);

  if (plan == NULL)
    {
      gtk_label_set_text (self->plan_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), FALSE);
  self->plan_ready = TRUE;

  for (guint i = 0; i < plan->steps->len; i++)
    {
      static const char *icons[] = {
        [GOVORUN_PLAN_CREATE] = "list-add-symbolic",
        [GOVORUN_PLAN_REUSE] = "emblem-ok-symbolic",
        [GOVORUN_PLAN_UPDATE] = "document-edit-symbolic",
        [GOVORUN_PLAN_BIND] = "insert-link-symbolic",
        [GOVORUN_PLAN_UNBIND] = "edit-cut-symbolic",
        [GOVORUN_PLAN_DELETE] = "user-trash-symbolic",
      };
      GovorunPlanStep *step = g_ptr_array_index (plan->steps, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (step->description, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      if ((guint) step->action < G_N_ELEMENTS (icons))
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icons[step->action]));
      gtk_list_box_append (self->plan_list, row);
    }

  if (plan->steps->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Nothing to change: the account already matches this agent."));
      gtk_list_box_append (self->plan_list, row);
    }

  _govorun_agent_dialog_update_buttons (self);
}

static void
agent_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GovorunAgentDialog *self = user_data; /* borrowed: dispose cancels */
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _govorun_agent_dialog_set_busy (self, FALSE);
  if (saved == NULL)
    {
      gtk_label_set_text (self->plan_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), TRUE);
      return;
    }

  _govorun_agent_dialog_done (self, saved);
}

/* The user confirmed the plan: only now is the agent saved. */
void
_govorun_agent_dialog_save_planned (GovorunAgentDialog *self)
{
  _govorun_agent_dialog_reset_cancellable (&self->cancellable);
  _govorun_agent_dialog_set_busy (self, TRUE);
  govorun_agent_store_save_async (govorun_services_get_agents (self->services), self->planned,
                                  self->cancellable, agent_saved_cb, self);
}

void
_govorun_agent_dialog_make_plan (GovorunAgentDialog *self)
{
  g_clear_object (&self->planned);
  self->planned = build_agent (self);
  self->plan_ready = FALSE;
  govorun_empty_state_clear_rows (self->plan_list);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_error_label), FALSE);
  _govorun_agent_dialog_reset_cancellable (&self->cancellable);
  _govorun_agent_dialog_set_busy (self, TRUE);
  govorun_provisioner_plan_async (govorun_services_get_provisioner (self->services), self->planned,
                                  self->cancellable, planned_cb, self);
}

