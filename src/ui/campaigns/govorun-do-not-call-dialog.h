/* govorun-do-not-call-dialog.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-do-not-call.h"

G_BEGIN_DECLS

/*
 * The do-not-call list, as every campaign honours it: the numbers with
 * their notes and dates, a number typed in to add, a file imported (its
 * report in the dialog), the list exported as CSV, a number removed.
 */

#define GOVORUN_TYPE_DO_NOT_CALL_DIALOG (govorun_do_not_call_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GovorunDoNotCallDialog, govorun_do_not_call_dialog, GOVORUN, DO_NOT_CALL_DIALOG, AdwWindow)

GovorunDoNotCallDialog *govorun_do_not_call_dialog_new         (GtkWindow              *parent,
                                                                GovorunDoNotCall       *list);
/* What "Import…" does once a file is chosen. */
void                    govorun_do_not_call_dialog_import_file (GovorunDoNotCallDialog *self,
                                                                GFile                  *file);
/* What "Export…" does once a file is chosen. */
void                    govorun_do_not_call_dialog_export_file (GovorunDoNotCallDialog *self,
                                                                GFile                  *file);
/* Whether an add, removal, import or export is running. */
gboolean                govorun_do_not_call_dialog_get_busy    (GovorunDoNotCallDialog *self);

G_END_DECLS
