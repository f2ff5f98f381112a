/* govorun-search-shortcut.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-search-shortcut.h"

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  GtkWidget *entry = G_STRUCT_MEMBER (GtkWidget *, widget, g_variant_get_uint64 (args));

  /* A search on another step of a wizard is not there to type into. */
  if (entry == NULL || !gtk_widget_is_drawable (entry))
    return FALSE;

  return gtk_widget_grab_focus (entry);
}

void
govorun_search_shortcut_install (GtkWidgetClass *widget_class,
                                 gsize           entry_offset)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search,
                                "t", (guint64) entry_offset);
}

static void
on_stop_search (GtkSearchEntry *entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (entry));

  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else if (GTK_IS_WINDOW (root))
    gtk_window_close (GTK_WINDOW (root));
}

void
govorun_search_escape_closes (GtkSearchEntry *entry)
{
  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));

  g_signal_connect (entry, "stop-search", G_CALLBACK (on_stop_search), NULL);
}
