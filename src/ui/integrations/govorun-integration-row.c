/* govorun-integration-row.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrationsPage"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-integration-format.h"
#include "govorun-integration-row.h"

struct _GovorunIntegrationRow
{
  AdwActionRow              parent_instance;

  GovorunIntegrationTarget *target;
  GtkLabel                 *state;
};

G_DEFINE_FINAL_TYPE (GovorunIntegrationRow, govorun_integration_row, ADW_TYPE_ACTION_ROW)

static void
update (GovorunIntegrationRow *self)
{
  g_autofree char *state = govorun_integration_format_state (self->target);
  gboolean paused = govorun_integration_target_get_paused (self->target);
  gboolean failing = govorun_integration_target_get_failing_since (self->target) > 0;

  gtk_label_set_text (self->state, state);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state), state);
  gtk_widget_remove_css_class (GTK_WIDGET (self->state), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->state),
                            paused ? "warning" : failing ? "error" : "success");
}

static void
govorun_integration_row_dispose (GObject *object)
{
  GovorunIntegrationRow *self = GOVORUN_INTEGRATION_ROW (object);

  g_clear_object (&self->target);
  G_OBJECT_CLASS (govorun_integration_row_parent_class)->dispose (object);
}

static void
govorun_integration_row_class_init (GovorunIntegrationRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_integration_row_dispose;
}

static void
govorun_integration_row_init (GovorunIntegrationRow *self)
{
}

GtkWidget *
govorun_integration_row_new (GovorunIntegrationTarget *target)
{
  GovorunIntegrationRow *self;
  g_autofree char *events = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target), NULL);

  self = g_object_new (GOVORUN_TYPE_INTEGRATION_ROW, "activatable", TRUE, NULL);
  self->target = g_object_ref (target);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), govorun_integration_target_get_name (target));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  events = govorun_integration_format_events (govorun_integration_target_get_events (target));
  /* Translators: a target's subtitle: its kind, then the events it gets */
  subtitle = g_strdup_printf (_("%s · %s"),
                              govorun_integration_format_kind (govorun_integration_target_get_kind (target)),
                              events);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);

  self->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->state, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->state, 28);
  gtk_widget_set_valign (GTK_WIDGET (self->state), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->state));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_signal_connect_object (target, "notify::paused", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "notify::pause-reason", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "notify::failing-since", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

GovorunIntegrationTarget *
govorun_integration_row_get_target (GovorunIntegrationRow *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_ROW (self), NULL);
  return self->target;
}
