/* govorun-account-dialog.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account-store.h"
#include "govorun-connection-tester.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_ACCOUNT_DIALOG (govorun_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAccountDialog, govorun_account_dialog, GOVORUN, ACCOUNT_DIALOG, AdwWindow)

/* @account: (nullable): the account to edit, or %NULL to add one */
GovorunAccountDialog *govorun_account_dialog_new                   (GtkWindow               *parent,
                                                                    GovorunAccountStore     *accounts,
                                                                    GovorunConnectionTester *tester,
                                                                    GovorunAccount          *account);
void                  govorun_account_dialog_set_kind              (GovorunAccountDialog    *self,
                                                                    GovorunAccountKind       kind);
void                  govorun_account_dialog_load_credentials_file (GovorunAccountDialog    *self,
                                                                    GFile                   *file);

G_END_DECLS
