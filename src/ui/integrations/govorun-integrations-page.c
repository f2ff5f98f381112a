/* govorun-integrations-page.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrationsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-add-integration-dialog.h"
#include "govorun-integration-details.h"
#include "govorun-integration-format.h"
#include "govorun-integration-row.h"
#include "govorun-integrations-page.h"

struct _GovorunIntegrationsPage
{
  GovorunPage                parent_instance;

  GovorunIntegrations       *integrations;

  GtkStack                  *stack;
  GtkListBox                *list;
  GtkLabel                  *empty_help;
  GtkLabel                  *list_help;
  GovorunIntegrationDetails *details;
};

G_DEFINE_FINAL_TYPE (GovorunIntegrationsPage, govorun_integrations_page, GOVORUN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_INTEGRATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
in_model (GListModel *model,
          gpointer    target)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == target)
        return TRUE;
    }
  return FALSE;
}

static void
leave_details (GovorunIntegrationsPage *self)
{
  govorun_integration_details_set_target (self->details, NULL, NULL);
  govorun_page_set_subpage_title (GOVORUN_PAGE (self), NULL);
}

static void
update_stack (GovorunIntegrationsPage *self)
{
  GListModel *targets;

  if (self->integrations == NULL)
    return;
  targets = govorun_integrations_get_targets (self->integrations);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") == 0)
    {
      GovorunIntegrationTarget *shown = govorun_integration_details_get_target (self->details);

      if (shown != NULL && in_model (targets, shown))
        return;
      leave_details (self);
    }
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (targets) > 0 ? "list" : "empty");
}

static void
show_target (GovorunIntegrationsPage  *self,
             GovorunIntegrationTarget *target)
{
  govorun_integration_details_set_target (self->details, self->integrations, target);
  gtk_stack_set_visible_child_name (self->stack, "details");
  govorun_page_set_subpage_title (GOVORUN_PAGE (self), govorun_integration_target_get_name (target));
}

static void
on_row_activated (GovorunIntegrationsPage *self,
                  GtkListBoxRow           *row)
{
  show_target (self, govorun_integration_row_get_target (GOVORUN_INTEGRATION_ROW (row)));
}

static void
on_deleted (GovorunIntegrationsPage *self)
{
  leave_details (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  update_stack (self);
}

static gboolean
go_back (GovorunPage *page)
{
  GovorunIntegrationsPage *self = GOVORUN_INTEGRATIONS_PAGE (page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") != 0)
    return FALSE;
  on_deleted (self);
  return TRUE;
}

static void
on_added (GovorunIntegrationsPage  *self,
          GovorunIntegrationTarget *target)
{
  update_stack (self);
}

void
govorun_integrations_page_add (GovorunIntegrationsPage *self)
{
  GovorunAddIntegrationDialog *dialog;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS_PAGE (self));

  if (self->integrations == NULL)
    return;
  dialog = govorun_add_integration_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               self->integrations);
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  govorun_integrations_page_add (GOVORUN_INTEGRATIONS_PAGE (widget));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return govorun_integration_row_new (item);
}

static void
services_set (GovorunPage *page)
{
  GovorunIntegrationsPage *self = GOVORUN_INTEGRATIONS_PAGE (page);
  GListModel *targets;

  if (self->integrations == NULL)
    return;
  targets = govorun_integrations_get_targets (self->integrations);
  gtk_list_box_bind_model (self->list, targets, create_row, self, NULL);
  g_signal_connect_object (targets, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  update_stack (self);
}

static void
govorun_integrations_page_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  GovorunIntegrationsPage *self = GOVORUN_INTEGRATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_INTEGRATIONS:
      g_value_set_object (value, self->integrations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_integrations_page_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  GovorunIntegrationsPage *self = GOVORUN_INTEGRATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_INTEGRATIONS:
      /* Set once: the list is bound to this service's targets. */
      g_return_if_fail (self->integrations == NULL);
      self->integrations = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_integrations_page_dispose (GObject *object)
{
  GovorunIntegrationsPage *self = GOVORUN_INTEGRATIONS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_INTEGRATIONS_PAGE);
  g_clear_object (&self->integrations);
  G_OBJECT_CLASS (govorun_integrations_page_parent_class)->dispose (object);
}

static void
govorun_integrations_page_class_init (GovorunIntegrationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GovorunPageClass *page_class = GOVORUN_PAGE_CLASS (klass);

  object_class->get_property = govorun_integrations_page_get_property;
  object_class->set_property = govorun_integrations_page_set_property;
  object_class->dispose = govorun_integrations_page_dispose;
  page_class->services_set = services_set;
  page_class->go_back = go_back;

  properties[PROP_INTEGRATIONS] =
    g_param_spec_object ("integrations", NULL, NULL, GOVORUN_TYPE_INTEGRATIONS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GOVORUN_TYPE_INTEGRATION_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/govorun/Govorun/ui/govorun-integrations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GovorunIntegrationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunIntegrationsPage, list);
  gtk_widget_class_bind_template_child (widget_class, GovorunIntegrationsPage, empty_help);
  gtk_widget_class_bind_template_child (widget_class, GovorunIntegrationsPage, list_help);
  gtk_widget_class_bind_template_child (widget_class, GovorunIntegrationsPage, details);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_deleted);
  gtk_widget_class_install_action (widget_class, "integrations.add", NULL, add_action);
}

static void
govorun_integrations_page_init (GovorunIntegrationsPage *self)
{
  g_autofree char *help = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: keep the <a href="%s"> and </a> around the link's words */
  help = g_strdup_printf (_("Each delivery is a signed JSON document with a versioned schema. <a href=\"%s\">What it holds and how a receiver checks it</a>"),
                          GOVORUN_INTEGRATIONS_HELP_URL);
  gtk_label_set_markup (self->empty_help, help);
  gtk_label_set_markup (self->list_help, help);
}
