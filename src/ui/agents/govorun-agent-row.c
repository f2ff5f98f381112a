/* govorun-agent-row.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentRow"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-agent-row.h"
#include "govorun-format.h"
#include "govorun-row-text.h"

struct _GovorunAgentRow
{
  AdwActionRow         parent_instance;

  GovorunAgent        *agent;
  GovorunAccountStore *accounts;
  GtkWidget           *state_label;
};

G_DEFINE_FINAL_TYPE (GovorunAgentRow, govorun_agent_row, ADW_TYPE_ACTION_ROW)

const char *
govorun_agent_state_get_label (GovorunAgentState state)
{
  switch (state)
    {
    case GOVORUN_AGENT_STATE_DRAFT:
      return _("Not set up yet");
    case GOVORUN_AGENT_STATE_PARTIAL:
      return _("Partially configured");
    case GOVORUN_AGENT_STATE_READY:
      return _("Ready");
    case GOVORUN_AGENT_STATE_DRIFTED:
      return _("Changed in Voximplant");
    case GOVORUN_AGENT_STATE_ERROR:
    default:
      return _("Error");
    }
}

const char *
govorun_agent_modes_get_label (GovorunAgent *agent)
{
  gboolean in = govorun_agent_get_inbound (agent);
  gboolean out = govorun_agent_get_outbound (agent);

  if (in && out)
    return _("Inbound and outbound calls");
  if (out)
    return _("Outbound calls");
  if (in)
    return _("Inbound calls");
  return _("No calls");
}

char *
govorun_agent_describe_numbers (GovorunAgent *agent)
{
  GPtrArray *numbers = govorun_agent_get_numbers (agent);
  GString *text;

  if (numbers == NULL || numbers->len == 0)
    return g_strdup (_("No number"));

  text = g_string_new (NULL);
  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);
      g_autofree char *shown = govorun_format_phone_number_in_text (number->number);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, shown);
    }

  return g_string_free (text, FALSE);
}

static void
update (GovorunAgentRow *self)
{
  GovorunAgentState state = govorun_agent_get_state (self->agent);
  g_autofree char *numbers = govorun_agent_describe_numbers (self->agent);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  const char *el_name = govorun_agent_get_el_agent_name (self->agent);
  const char *vox_uuid = govorun_agent_get_vox_account_uuid (self->agent);
  GovorunAccount *vox = vox_uuid ? govorun_account_store_find_by_uuid (self->accounts, vox_uuid) : NULL;

  g_autofree char *title = govorun_row_title_from_name (govorun_agent_get_name (self->agent));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  /* Translators: ElevenLabs agent · Voximplant account · phone numbers · call modes */
  subtitle = g_strdup_printf (_("%s · %s · %s · %s"),
                              el_name ? el_name : govorun_agent_get_el_agent_id (self->agent),
                              vox ? govorun_account_get_display_name (vox) : "—",
                              numbers, govorun_agent_modes_get_label (self->agent));
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped);

  gtk_label_set_text (GTK_LABEL (self->state_label), govorun_agent_state_get_label (state));
  gtk_widget_remove_css_class (self->state_label, "success");
  gtk_widget_remove_css_class (self->state_label, "warning");
  gtk_widget_remove_css_class (self->state_label, "error");
  if (state == GOVORUN_AGENT_STATE_READY)
    gtk_widget_add_css_class (self->state_label, "success");
  else if (state == GOVORUN_AGENT_STATE_ERROR)
    gtk_widget_add_css_class (self->state_label, "error");
  else
    gtk_widget_add_css_class (self->state_label, "warning");
}

static void
govorun_agent_row_dispose (GObject *object)
{
  GovorunAgentRow *self = GOVORUN_AGENT_ROW (object);

  g_clear_object (&self->agent);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (govorun_agent_row_parent_class)->dispose (object);
}

static void
govorun_agent_row_class_init (GovorunAgentRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_agent_row_dispose;
}

static void
govorun_agent_row_init (GovorunAgentRow *self)
{
  self->state_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->state_label, "agent-state");
  gtk_widget_set_valign (self->state_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->state_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);
}

GovorunAgentRow *
govorun_agent_row_new (GovorunAgent        *agent,
                       GovorunAccountStore *accounts)
{
  GovorunAgentRow *self;

  g_return_val_if_fail (GOVORUN_IS_AGENT (agent), NULL);

  self = g_object_new (GOVORUN_TYPE_AGENT_ROW, NULL);
  self->agent = g_object_ref (agent);
  self->accounts = g_object_ref (accounts);
  g_signal_connect_object (agent, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return self;
}

GovorunAgent *
govorun_agent_row_get_agent (GovorunAgentRow *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_ROW (self), NULL);

  return self->agent;
}
