/* govorun-campaigns-page.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaign-assistant.h"
#include "govorun-campaign-details.h"
#include "govorun-campaign-row.h"
#include "govorun-campaigns-page.h"
#include "govorun-do-not-call-dialog.h"
#include "govorun-error-banner.h"

struct _GovorunCampaignsPage
{
  GovorunPage             parent_instance;

  GovorunServices        *services;
  GCancellable           *cancellable;

  GtkStack               *stack;
  GtkListBox             *list;
  GovorunCampaignDetails *details;
  GovorunCampaign        *named;   /* the campaign whose name the header shows */
};

G_DEFINE_FINAL_TYPE (GovorunCampaignsPage, govorun_campaigns_page, GOVORUN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SERVICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
govorun_campaigns_page_accepts_file (GFile *file)
{
  static const char *suffixes[] = { ".csv", ".tsv", ".txt", ".xlsx" };
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  if (name == NULL)
    return FALSE;
  lower = g_utf8_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;

  return FALSE;
}

static GovorunCampaigns *
campaigns (GovorunCampaignsPage *self)
{
  return self->services != NULL ? govorun_services_get_campaigns (self->services) : NULL;
}

static void
update_subpage_title (GovorunCampaignsPage *self)
{
  govorun_page_set_subpage_title (GOVORUN_PAGE (self),
                                  self->named != NULL ? govorun_campaign_get_name (self->named) : NULL);
}

static void
set_named (GovorunCampaignsPage *self,
           GovorunCampaign      *campaign)
{
  if (self->named != NULL)
    g_signal_handlers_disconnect_by_func (self->named, update_subpage_title, self);
  g_set_object (&self->named, campaign);
  if (campaign != NULL)
    g_signal_connect_object (campaign, "notify::name", G_CALLBACK (update_subpage_title), self,
                             G_CONNECT_SWAPPED);
  update_subpage_title (self);
}

static gboolean
in_model (GListModel      *model,
          GovorunCampaign *campaign)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GovorunCampaign) item = g_list_model_get_item (model, i);

      if (item == campaign)
        return TRUE;
    }
  return FALSE;
}

static void
leave_details (GovorunCampaignsPage *self)
{
  govorun_campaign_details_set_campaign (self->details, NULL);
  set_named (self, NULL);
}

static void
update_stack (GovorunCampaignsPage *self)
{
  GListModel *model;

  if (campaigns (self) == NULL)
    return;
  model = govorun_campaigns_get_model (campaigns (self));

  /* The details stay while their campaign exists (a deleted draft goes). */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") == 0)
    {
      GovorunCampaign *shown = govorun_campaign_details_get_campaign (self->details);

      if (shown != NULL && in_model (model, shown))
        return;
      leave_details (self);
    }

  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (model) > 0 ? "list" : "empty");
}

void
govorun_campaigns_page_show_campaign (GovorunCampaignsPage *self,
                                      GovorunCampaign      *campaign)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGNS_PAGE (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));

  govorun_campaign_details_set_campaign (self->details, campaign);
  gtk_stack_set_visible_child_name (self->stack, "details");
  set_named (self, campaign);
}

static void
on_row_activated (GovorunCampaignsPage *self,
                  GtkListBoxRow        *row)
{
  govorun_campaigns_page_show_campaign (self, govorun_campaign_row_get_campaign (GOVORUN_CAMPAIGN_ROW (row)));
}

static gboolean
go_back (GovorunPage *page)
{
  GovorunCampaignsPage *self = GOVORUN_CAMPAIGNS_PAGE (page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") != 0)
    return FALSE;

  leave_details (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  update_stack (self);
  return TRUE;
}

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GovorunCampaignsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_campaigns_refresh_finish (GOVORUN_CAMPAIGNS (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    govorun_error_show (GTK_WIDGET (self), error->message);
}

/* F5: the progress of the campaign shown, or of every active one. */
static void
refresh (GovorunPage *page)
{
  GovorunCampaignsPage *self = GOVORUN_CAMPAIGNS_PAGE (page);
  GovorunCampaign *shown;

  if (campaigns (self) == NULL)
    return;
  /* A draft is not on Voximplant yet: nothing to read there. */
  shown = govorun_campaign_details_get_campaign (self->details);
  if (shown != NULL && govorun_campaign_get_list_id (shown) == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  govorun_campaign_details_reload (self->details);
  govorun_campaigns_refresh_async (campaigns (self), shown, self->cancellable, on_refreshed, g_object_ref (self));
}

static void
on_assistant_done (GovorunCampaignsPage *self,
                   GovorunCampaign      *campaign)
{
  govorun_campaigns_page_show_campaign (self, campaign);
}

void
govorun_campaigns_page_new_campaign (GovorunCampaignsPage *self,
                                     GFile                *file)
{
  GovorunCampaignAssistant *assistant;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS_PAGE (self));

  if (campaigns (self) == NULL)
    return;

  assistant = govorun_campaign_assistant_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              self->services, file);
  g_signal_connect_object (assistant, "done", G_CALLBACK (on_assistant_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

void
govorun_campaigns_page_edit_do_not_call (GovorunCampaignsPage *self)
{
  GovorunDoNotCallDialog *dialog;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS_PAGE (self));

  if (self->services == NULL || govorun_services_get_do_not_call (self->services) == NULL)
    return;

  dialog = govorun_do_not_call_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                           govorun_services_get_do_not_call (self->services));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  govorun_campaigns_page_new_campaign (GOVORUN_CAMPAIGNS_PAGE (widget), NULL);
}

static void
do_not_call_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  govorun_campaigns_page_edit_do_not_call (GOVORUN_CAMPAIGNS_PAGE (widget));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  refresh (GOVORUN_PAGE (widget));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GovorunCampaignsPage *self = user_data;

  return govorun_campaign_row_new (item, govorun_services_get_agents (self->services));
}

static void
services_set (GovorunPage *page)
{
  GovorunCampaignsPage *self = GOVORUN_CAMPAIGNS_PAGE (page);
  GListModel *model;

  g_return_if_fail (GOVORUN_IS_SERVICES (self->services));

  govorun_campaign_details_set_services (self->details, self->services);
  if (campaigns (self) == NULL)
    return;
  model = govorun_campaigns_get_model (campaigns (self));
  gtk_list_box_bind_model (self->list, model, create_row, self, NULL);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  update_stack (self);
}

static void
govorun_campaigns_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GovorunCampaignsPage *self = GOVORUN_CAMPAIGNS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      g_value_set_object (value, self->services);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_campaigns_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GovorunCampaignsPage *self = GOVORUN_CAMPAIGNS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      /* Set once: the rows and the details are bound to these services. */
      g_return_if_fail (self->services == NULL);
      self->services = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_campaigns_page_dispose (GObject *object)
{
  GovorunCampaignsPage *self = GOVORUN_CAMPAIGNS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_named (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_CAMPAIGNS_PAGE);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (govorun_campaigns_page_parent_class)->dispose (object);
}

static void
govorun_campaigns_page_class_init (GovorunCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GovorunPageClass *page_class = GOVORUN_PAGE_CLASS (klass);

  object_class->dispose = govorun_campaigns_page_dispose;
  object_class->get_property = govorun_campaigns_page_get_property;
  object_class->set_property = govorun_campaigns_page_set_property;
  page_class->services_set = services_set;
  page_class->go_back = go_back;
  page_class->refresh = refresh;

  properties[PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL, GOVORUN_TYPE_SERVICES,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GOVORUN_TYPE_CAMPAIGN_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/govorun-campaigns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunCampaignsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunCampaignsPage, list);
  gtk_widget_class_bind_template_child (widget_class, GovorunCampaignsPage, details);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "campaigns.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "campaigns.do-not-call", NULL, do_not_call_action);
  gtk_widget_class_install_action (widget_class, "campaigns.refresh", NULL, refresh_action);
}

static void
govorun_campaigns_page_init (GovorunCampaignsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
