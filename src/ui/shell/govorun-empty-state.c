/* govorun-empty-state.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunEmptyState"

#include "config.h"

#include "govorun-empty-state.h"

/* Not an AdwStatusPage: that is a page of its own, with a scrolled window
 * that collapses to a sliver inside a list. The same parts, list-sized. */
void
govorun_empty_state_set (GtkListBox *list,
                         const char *icon_name,
                         const char *title,
                         const char *description)
{
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  if (title == NULL)
    {
      gtk_list_box_set_placeholder (list, NULL);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (box, "empty-state");

  image = gtk_image_new_from_icon_name (icon_name);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_widget_set_margin_bottom (image, 6);
  gtk_box_append (GTK_BOX (box), image);

  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (box), label);

  if (description != NULL)
    {
      label = gtk_label_new (description);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_set_placeholder (list, box);
}

void
govorun_empty_state_clear_rows (GtkListBox *list)
{
  GtkListBoxRow *row;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  /* Rows can hold the focus without being focusable themselves (a
   * selectable title, an action button): hand it to the list before they
   * go, or GTK 4.8 is left pointing at a widget it has freed. */
  root = gtk_widget_get_root (GTK_WIDGET (list));
  if (root != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (root);

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
        gtk_root_set_focus (root, NULL);
    }

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}
