/* govorun-row-text.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-row-text.h"

char *
govorun_row_title_from_name (const char *name)
{
  g_autofree char *cut = NULL;

  if (name == NULL)
    return g_strdup ("");

  if (g_utf8_strlen (name, -1) > GOVORUN_ROW_TITLE_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (name, 0, GOVORUN_ROW_TITLE_MAX_CHARS);

      cut = g_strconcat (head, "…", NULL);
      name = cut;
    }

  return g_markup_escape_text (name, -1);
}

void
govorun_editable_limit (GtkEditable *editable,
                        int          max_chars)
{
  GtkEditable *delegate;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  /* AdwEntryRow (1.2) has no max-length of its own; its GtkText has. */
  for (delegate = editable; gtk_editable_get_delegate (delegate) != NULL;
       delegate = gtk_editable_get_delegate (delegate))
    ;
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), max_chars);
}
