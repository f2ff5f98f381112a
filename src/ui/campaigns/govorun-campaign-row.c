/* govorun-campaign-row.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignRow"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaign-format.h"
#include "govorun-campaign-row.h"

struct _GovorunCampaignRow
{
  GtkListBoxRow      parent_instance;

  GovorunCampaign   *campaign;
  GovorunAgentStore *agents;

  GtkLabel          *name_label;
  GtkLabel          *state_label;
  GtkLabel          *agent_label;
  GtkProgressBar    *progress_bar;
  GtkLabel          *counts_label;
  GtkLabel          *times_label;
};

G_DEFINE_FINAL_TYPE (GovorunCampaignRow, govorun_campaign_row, GTK_TYPE_LIST_BOX_ROW)

char *
govorun_campaign_row_agent_name (GovorunAgentStore *agents,
                                 const char        *agent_id)
{
  GovorunAgent *agent = NULL;

  if (agents != NULL && agent_id != NULL)
    agent = govorun_agent_store_find_by_uuid (agents, agent_id);
  /* A removed agent's campaigns stay; they say so rather than show nothing. */
  return g_strdup (agent != NULL ? govorun_agent_get_name (agent) : _("Removed agent"));
}

static void
update (GovorunCampaignRow *self)
{
  g_autofree char *agent = govorun_campaign_row_agent_name (self->agents,
                                                            govorun_campaign_get_agent_id (self->campaign));
  g_autofree char *counts = govorun_campaign_format_counts (self->campaign);
  g_autofree char *times = govorun_campaign_format_times (self->campaign);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (self->name_label, govorun_campaign_get_name (self->campaign));
  govorun_campaign_format_state_label (self->state_label, govorun_campaign_get_state (self->campaign));
  gtk_label_set_text (self->agent_label, agent);
  gtk_progress_bar_set_fraction (self->progress_bar, govorun_campaign_format_fraction (self->campaign));
  gtk_label_set_text (self->counts_label, counts);
  gtk_label_set_text (self->times_label, times);
  gtk_widget_set_visible (GTK_WIDGET (self->times_label), *times != '\0');

  accessible = g_strdup_printf ("%s, %s, %s, %s", govorun_campaign_get_name (self->campaign),
                                govorun_campaign_format_state (govorun_campaign_get_state (self->campaign)),
                                agent, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

GovorunCampaign *
govorun_campaign_row_get_campaign (GovorunCampaignRow *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_ROW (self), NULL);

  return self->campaign;
}

static GtkLabel *
add_label (GtkBox     *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

static void
govorun_campaign_row_dispose (GObject *object)
{
  GovorunCampaignRow *self = GOVORUN_CAMPAIGN_ROW (object);

  g_clear_object (&self->campaign);
  g_clear_object (&self->agents);

  G_OBJECT_CLASS (govorun_campaign_row_parent_class)->dispose (object);
}

static void
govorun_campaign_row_class_init (GovorunCampaignRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_campaign_row_dispose;
}

static void
govorun_campaign_row_init (GovorunCampaignRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  self->name_label = add_label (GTK_BOX (top), "heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);
  self->state_label = add_label (GTK_BOX (top), NULL);
  gtk_widget_set_valign (GTK_WIDGET (self->state_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), top);
  self->agent_label = add_label (GTK_BOX (box), "dim-label");
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->progress_bar), 4);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));
  self->counts_label = add_label (GTK_BOX (box), "caption");
  self->times_label = add_label (GTK_BOX (box), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->times_label), "dim-label");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

GtkWidget *
govorun_campaign_row_new (GovorunCampaign   *campaign,
                          GovorunAgentStore *agents)
{
  GovorunCampaignRow *self;

  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (campaign), NULL);

  self = g_object_new (GOVORUN_TYPE_CAMPAIGN_ROW, NULL);
  self->campaign = g_object_ref (campaign);
  self->agents = agents != NULL ? g_object_ref (agents) : NULL;
  g_signal_connect_object (campaign, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}
