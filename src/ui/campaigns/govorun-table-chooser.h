/* govorun-table-chooser.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The portal's file chooser (GtkFileChooserNative; GtkFileDialog needs GTK
 * 4.10) for opening a table of contacts or numbers: CSV, TSV, text and
 * Excel files. Modal; the caller connects "response", shows it and unrefs
 * it in the handler. */
GtkFileChooserNative *govorun_table_chooser_new (GtkWindow  *parent,
                                                 const char *title,
                                                 const char *accept_label);

G_END_DECLS
