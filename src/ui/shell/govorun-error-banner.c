/* govorun-error-banner.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunErrorBanner"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-error-banner.h"
#include "govorun-toast.h"

struct _GovorunErrorBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkButton   *button;
};

G_DEFINE_FINAL_TYPE (GovorunErrorBanner, govorun_error_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_BUTTON_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_button_clicked (GovorunErrorBanner *self)
{
  g_signal_emit (self, signals[SIGNAL_BUTTON_CLICKED], 0);
}

static void
on_close_clicked (GovorunErrorBanner *self)
{
  govorun_error_banner_set_text (self, NULL);
}

static void
govorun_error_banner_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GovorunErrorBanner *self = GOVORUN_ERROR_BANNER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, govorun_error_banner_get_text (self));
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, govorun_error_banner_get_revealed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_error_banner_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GovorunErrorBanner *self = GOVORUN_ERROR_BANNER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      govorun_error_banner_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_error_banner_dispose (GObject *object)
{
  GovorunErrorBanner *self = GOVORUN_ERROR_BANNER (object);

  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }

  G_OBJECT_CLASS (govorun_error_banner_parent_class)->dispose (object);
}

static void
govorun_error_banner_class_init (GovorunErrorBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_error_banner_dispose;
  object_class->get_property = govorun_error_banner_get_property;
  object_class->set_property = govorun_error_banner_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_BUTTON_CLICKED] =
    g_signal_new ("button-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "error-banner");
}

static void
govorun_error_banner_init (GovorunErrorBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  gtk_widget_add_css_class (box, "error-banner");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);

  /* Plain text, whatever it holds: provider messages quote names. Selectable
   * so it can be copied, and wrapped so nothing is cut short. */
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "error-banner-text");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  self->button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->button), FALSE);
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (on_button_clicked), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button));

  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"), -1);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (on_close_clicked), self);
  gtk_box_append (GTK_BOX (box), close);

  gtk_revealer_set_child (self->revealer, box);
}

GtkWidget *
govorun_error_banner_new (void)
{
  return g_object_new (GOVORUN_TYPE_ERROR_BANNER, NULL);
}

void
govorun_error_banner_set_text (GovorunErrorBanner *self,
                               const char         *text)
{
  gboolean was_revealed;

  g_return_if_fail (GOVORUN_IS_ERROR_BANNER (self));

  was_revealed = govorun_error_banner_get_revealed (self);
  if (text != NULL)
    gtk_label_set_text (self->label, text);
  /* The text stays while the revealer closes, so it does not jump. */
  gtk_revealer_set_reveal_child (self->revealer, text != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (was_revealed != (text != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

const char *
govorun_error_banner_get_text (GovorunErrorBanner *self)
{
  g_return_val_if_fail (GOVORUN_IS_ERROR_BANNER (self), NULL);

  return govorun_error_banner_get_revealed (self) ? gtk_label_get_text (self->label) : NULL;
}

gboolean
govorun_error_banner_get_revealed (GovorunErrorBanner *self)
{
  g_return_val_if_fail (GOVORUN_IS_ERROR_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

void
govorun_error_banner_set_button_label (GovorunErrorBanner *self,
                                       const char         *label)
{
  g_return_if_fail (GOVORUN_IS_ERROR_BANNER (self));

  if (label != NULL)
    gtk_button_set_label (self->button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->button), label != NULL);
}

void
govorun_error_show (GtkWidget  *widget,
                    const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  if (!gtk_widget_activate_action (widget, "win.error", "s", text))
    govorun_toast_show (widget, text);
}

/* Where each class that installed the action keeps its banner. */
G_DEFINE_QUARK (govorun-error-banner-offset, banner_offset)

static void
error_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  for (GType type = G_OBJECT_TYPE (widget); type != 0; type = g_type_parent (type))
    {
      gpointer offset = g_type_get_qdata (type, banner_offset_quark ());

      if (offset != NULL)
        {
          GovorunErrorBanner *banner = G_STRUCT_MEMBER (GovorunErrorBanner *, widget,
                                                        GPOINTER_TO_SIZE (offset));

          govorun_error_banner_set_button_label (banner, NULL);
          govorun_error_banner_set_text (banner, g_variant_get_string (parameter, NULL));
          return;
        }
    }
}

void
govorun_error_banner_install_action (GtkWidgetClass *widget_class,
                                     gsize           banner_offset)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (banner_offset > 0);

  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), banner_offset_quark (),
                    GSIZE_TO_POINTER (banner_offset));
  gtk_widget_class_install_action (widget_class, "win.error", "s", error_action);
}
