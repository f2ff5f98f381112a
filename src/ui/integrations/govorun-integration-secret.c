/* govorun-integration-secret.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrationsPage"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-integration-secret.h"

struct _GovorunIntegrationSecret
{
  GtkWidget  parent_instance;

  char      *secret;
  GtkWidget *box;
  GtkWidget *copy_button;
};

G_DEFINE_FINAL_TYPE (GovorunIntegrationSecret, govorun_integration_secret, GTK_TYPE_WIDGET)

static void
on_copy (GovorunIntegrationSecret *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->secret);
  gtk_button_set_label (GTK_BUTTON (self->copy_button), _("Copied"));
}

static void
govorun_integration_secret_dispose (GObject *object)
{
  GovorunIntegrationSecret *self = GOVORUN_INTEGRATION_SECRET (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_clear_pointer (&self->secret, g_free);
  G_OBJECT_CLASS (govorun_integration_secret_parent_class)->dispose (object);
}

static void
govorun_integration_secret_class_init (GovorunIntegrationSecretClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_integration_secret_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
govorun_integration_secret_init (GovorunIntegrationSecret *self)
{
}

GtkWidget *
govorun_integration_secret_new (const char *secret)
{
  GovorunIntegrationSecret *self;
  GtkWidget *sentence;
  GtkWidget *line;
  GtkWidget *value;

  g_return_val_if_fail (secret != NULL, NULL);

  self = g_object_new (GOVORUN_TYPE_INTEGRATION_SECRET, NULL);
  self->secret = g_strdup (secret);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  sentence = gtk_label_new (_("This is the secret your receiver checks each delivery’s signature with. "
                              "Copy it now: Govorun keeps it in the keyring and will not show it again. "
                              "If it is lost, rotate the secret to get a new one."));
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (sentence), 50);
  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_box_append (GTK_BOX (self->box), sentence);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (line, "card");
  value = gtk_label_new (secret);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_CHAR);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_set_margin_start (value, 12);
  gtk_widget_set_margin_top (value, 9);
  gtk_widget_set_margin_bottom (value, 9);
  gtk_widget_add_css_class (value, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Webhook secret"), -1);
  gtk_box_append (GTK_BOX (line), value);

  self->copy_button = gtk_button_new_with_mnemonic (_("_Copy"));
  gtk_widget_set_valign (self->copy_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (self->copy_button, 6);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (on_copy), self);
  gtk_box_append (GTK_BOX (line), self->copy_button);
  gtk_box_append (GTK_BOX (self->box), line);

  return GTK_WIDGET (self);
}

const char *
govorun_integration_secret_get_secret (GovorunIntegrationSecret *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_SECRET (self), NULL);
  return self->secret;
}
