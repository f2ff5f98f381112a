/* govorun-toast.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunToast"

#include "config.h"

#include "govorun-toast.h"

void
govorun_toast_show (GtkWidget  *widget,
                    const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  /* Outside a window with the action (a page tested on its own) the toast
   * has nowhere to go; that is not an error. */
  gtk_widget_activate_action (widget, "win.toast", "s", text);
}

/* @text as written: libadwaita 1.2 toast titles are markup, and toasts
 * quote names and provider messages. */
static AdwToast *
toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  return adw_toast_new (escaped);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GObject *overlay = gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), "toast_overlay");

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                               toast_new (g_variant_get_string (parameter, NULL)));
}

void
govorun_toast_install_action (GtkWidgetClass *widget_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
}
