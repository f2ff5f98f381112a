/* govorun-first-field.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * A dialog opens with the focus in its first field, so a person can start
 * typing (GTK would otherwise focus the first button of the header bar).
 * Each time @field is shown (with @window, or when its step appears), it
 * gets the focus unless the person is typing in another field.
 */
void govorun_first_field_focus_on_map (GtkWindow *window,
                                       GtkWidget *field);

G_END_DECLS
