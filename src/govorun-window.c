/* govorun-window.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-window.h"

struct _GovorunWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (GovorunWindow, govorun_window, ADW_TYPE_APPLICATION_WINDOW)

static void
govorun_window_class_init (GovorunWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/govorun-window.ui");
}

static void
govorun_window_init (GovorunWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GovorunWindow *
govorun_window_new (GovorunApplication *application)
{
  return g_object_new (GOVORUN_TYPE_WINDOW, "application", application, NULL);
}
