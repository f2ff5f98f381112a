/* govorun-campaign-assistant-mapping.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignAssistant"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaign-assistant-private.h"

/* Step 2: which agent calls, and the columns — the phone, the optional time
 * zone, and a column for each of the agent's dynamic variables. The
 * service suggests them (the agent's last mapping, or the column titles);
 * the rest of the columns are kept as contact data. The agent is chosen
 * here, not with the other settings, because its variables are what the
 * columns are matched to. */

/* Items of the optional rows: "not used" first, then the columns. */
#define NO_COLUMN 0

GovorunAgent *
_govorun_campaign_assistant_agent (GovorunCampaignAssistant *self)
{
  guint i = adw_combo_row_get_selected (self->agent_row);
  g_autoptr(GovorunAgent) agent = NULL;

  if (i == GTK_INVALID_LIST_POSITION || i >= g_list_model_get_n_items (G_LIST_MODEL (self->agents)))
    return NULL;
  /* The store holds a reference: a borrowed pointer. */
  agent = g_list_model_get_item (G_LIST_MODEL (self->agents), i);
  return agent;
}

static char *
agent_name (GovorunAgent *agent)
{
  return g_strdup (govorun_agent_get_name (agent));
}

/* The agents that call out and are set up on Voximplant. */
void
_govorun_campaign_assistant_fill_agents (GovorunCampaignAssistant *self)
{
  GListModel *agents = G_LIST_MODEL (govorun_services_get_agents (self->services));
  g_autoptr(GtkExpression) expression = NULL;

  g_list_store_remove_all (self->agents);
  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (agents, i);

      if (govorun_agent_get_outbound (agent) && govorun_agent_get_application_id (agent) != 0)
        g_list_store_append (self->agents, agent);
    }

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (agent_name), NULL, NULL);
  adw_combo_row_set_expression (self->agent_row, expression);
  adw_combo_row_set_model (self->agent_row, G_LIST_MODEL (self->agents));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->agents)) == 0)
    _govorun_campaign_assistant_set_subtitle (ADW_ACTION_ROW (self->agent_row),
                                              _("No agent makes outbound calls yet: turn on outbound calls in an agent and deploy it"));
}

static GtkStringList *
column_choices (GovorunCampaignAssistant *self,
                const char               *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const char * const *columns = self->preview != NULL ? govorun_import_preview_get_columns (self->preview) : NULL;

  if (none != NULL)
    gtk_string_list_append (list, none);
  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    gtk_string_list_append (list, columns[i]);

  return list;
}

static void
select_column (AdwComboRow *row,
               int          column,
               gboolean     optional)
{
  if (column < 0)
    adw_combo_row_set_selected (row, optional ? NO_COLUMN : GTK_INVALID_LIST_POSITION);
  else
    adw_combo_row_set_selected (row, (guint) column + (optional ? 1 : 0));
}

static int
selected_column (AdwComboRow *row,
                 gboolean     optional)
{
  guint i = adw_combo_row_get_selected (row);

  if (i == GTK_INVALID_LIST_POSITION || (optional && i == NO_COLUMN))
    return -1;
  return (int) i - (optional ? 1 : 0);
}

static void
clear_variable_rows (GovorunCampaignAssistant *self)
{
  for (guint i = 0; i < self->variable_rows->len; i++)
    adw_preferences_group_remove (self->variables_group, g_ptr_array_index (self->variable_rows, i));
  g_ptr_array_set_size (self->variable_rows, 0);
}

/* Rows for the chosen agent's variables, prefilled from the mapping. */
static void
fill_mapping (GovorunCampaignAssistant *self)
{
  guint n_variables = self->variables != NULL ? g_strv_length (self->variables) : 0;

  self->filling_mapping = TRUE;
  clear_variable_rows (self);

  {
    g_autoptr(GtkStringList) phones = column_choices (self, NULL);
    g_autoptr(GtkStringList) zones = column_choices (self, _("None"));

    adw_combo_row_set_model (self->phone_row, G_LIST_MODEL (phones));
    adw_combo_row_set_model (self->zone_column_row, G_LIST_MODEL (zones));
  }
  if (self->mapping != NULL)
    {
      select_column (self->phone_row, govorun_column_mapping_get_phone_column (self->mapping), FALSE);
      select_column (self->zone_column_row, govorun_column_mapping_get_time_zone_column (self->mapping), TRUE);
    }

  for (guint i = 0; i < n_variables; i++)
    {
      g_autoptr(GtkStringList) choices = column_choices (self, _("Not used"));
      GtkWidget *row = adw_combo_row_new ();

      /* Variable names are the agent's own words: not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->variables[i]);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      select_column (ADW_COMBO_ROW (row),
                     self->mapping != NULL ? govorun_column_mapping_get_variable (self->mapping, self->variables[i]) : -1,
                     TRUE);
      g_object_set_data_full (G_OBJECT (row), "variable", g_strdup (self->variables[i]), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (_govorun_campaign_assistant_update_buttons),
                               self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->variables_group, row);
      g_ptr_array_add (self->variable_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->variables_group), n_variables > 0);
  self->filling_mapping = FALSE;
  _govorun_campaign_assistant_update_buttons (self);
}

static void
suggest (GovorunCampaignAssistant *self)
{
  GovorunAgent *agent = _govorun_campaign_assistant_agent (self);

  if (self->preview == NULL)
    return;
  g_clear_object (&self->mapping);
  self->mapping = govorun_campaigns_suggest_mapping (_govorun_campaign_assistant_campaigns (self), self->preview,
                                                     agent != NULL ? govorun_agent_get_uuid (agent) : NULL);
  fill_mapping (self);
}

void
_govorun_campaign_assistant_columns_changed (GovorunCampaignAssistant *self)
{
  suggest (self);
}

static void
on_variables_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GovorunCampaignAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) variables = NULL;

  variables = govorun_campaigns_agent_variables_finish (GOVORUN_CAMPAIGNS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->variables_busy = FALSE;
  if (variables == NULL)
    {
      _govorun_campaign_assistant_update_buttons (self);
      govorun_error_show (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->variables, g_strfreev);
  self->variables = g_steal_pointer (&variables);
  suggest (self);
}

static void
on_agent_changed (GovorunCampaignAssistant *self)
{
  GovorunAgent *agent = _govorun_campaign_assistant_agent (self);

  /* The template's rows are set before the services are. */
  if (self->services == NULL)
    return;

  _govorun_campaign_assistant_agent_chosen (self);
  g_clear_pointer (&self->variables, g_strfreev);
  if (agent == NULL)
    {
      g_cancellable_cancel (self->variables_cancellable);
      self->variables_busy = FALSE;
      fill_mapping (self);
      return;
    }

  /* What was read before shows at once; ElevenLabs is asked again. */
  self->variables = govorun_campaigns_agent_variables (_govorun_campaign_assistant_campaigns (self),
                                                       govorun_agent_get_uuid (agent));
  suggest (self);
  g_cancellable_cancel (self->variables_cancellable);
  g_clear_object (&self->variables_cancellable);
  self->variables_cancellable = g_cancellable_new ();
  self->variables_busy = TRUE;
  _govorun_campaign_assistant_update_buttons (self);
  govorun_campaigns_agent_variables_async (_govorun_campaign_assistant_campaigns (self),
                                           govorun_agent_get_uuid (agent), self->variables_cancellable,
                                           on_variables_done, g_object_ref (self));
}

static void
on_mapping_changed (GovorunCampaignAssistant *self)
{
  if (!self->filling_mapping)
    _govorun_campaign_assistant_update_buttons (self);
}

gboolean
_govorun_campaign_assistant_mapping_complete (GovorunCampaignAssistant *self)
{
  return _govorun_campaign_assistant_agent (self) != NULL && self->preview != NULL &&
         selected_column (self->phone_row, FALSE) >= 0;
}

GovorunColumnMapping *
_govorun_campaign_assistant_read_mapping (GovorunCampaignAssistant *self)
{
  GovorunColumnMapping *mapping = self->mapping != NULL ? govorun_column_mapping_copy (self->mapping)
                                                        : govorun_column_mapping_new ();
  g_auto(GStrv) old = govorun_column_mapping_list_variables (mapping);

  if (self->preview != NULL)
    govorun_column_mapping_set_columns (mapping, govorun_import_preview_get_columns (self->preview));
  govorun_column_mapping_set_phone_column (mapping, selected_column (self->phone_row, FALSE));
  govorun_column_mapping_set_time_zone_column (mapping, selected_column (self->zone_column_row, TRUE));
  /* Only the chosen agent's variables, as the rows say. */
  for (guint i = 0; old != NULL && old[i] != NULL; i++)
    govorun_column_mapping_set_variable (mapping, old[i], -1);
  for (guint i = 0; i < self->variable_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->variable_rows, i);

      govorun_column_mapping_set_variable (mapping, g_object_get_data (G_OBJECT (row), "variable"),
                                           selected_column (row, TRUE));
    }
  govorun_column_mapping_set_keep_rest (mapping, TRUE);

  return mapping;
}

void
_govorun_campaign_assistant_mapping_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_agent_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mapping_changed);
}
