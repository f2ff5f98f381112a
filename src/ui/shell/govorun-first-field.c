/* govorun-first-field.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-first-field.h"

/* The field is shown: with the window's, or later, when the step it is on
 * appears after a load, or once it can be used. It takes the focus unless
 * the person already is in a text field. */
static void
on_field_map (GtkWidget *field,
              GtkWindow *window)
{
  GtkWidget *focus;

  /* A dialog being closed unmaps and desensitizes its fields as it goes. */
  if (gtk_widget_in_destruction (GTK_WIDGET (window)) || gtk_widget_in_destruction (field))
    return;
  if (!gtk_widget_get_mapped (field) || !gtk_widget_is_sensitive (field))
    return;
  focus = gtk_window_get_focus (window);
  if (focus != NULL && GTK_IS_EDITABLE (focus) && focus != field && !gtk_widget_is_ancestor (focus, field))
    return;

  gtk_widget_grab_focus (field);
}

static void
on_field_sensitive (GtkWidget  *field,
                    GParamSpec *pspec,
                    GtkWindow  *window)
{
  on_field_map (field, window);
}

void
govorun_first_field_focus_on_map (GtkWindow *window,
                                  GtkWidget *field)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_WIDGET (field));

  g_signal_connect_object (field, "map", G_CALLBACK (on_field_map), window, G_CONNECT_AFTER);
  /* A field waiting for its choices to load is insensitive until then. */
  g_signal_connect_object (field, "notify::sensitive", G_CALLBACK (on_field_sensitive), window,
                           G_CONNECT_AFTER);
}
