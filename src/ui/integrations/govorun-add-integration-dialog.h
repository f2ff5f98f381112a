/* govorun-add-integration-dialog.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-integrations.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_ADD_INTEGRATION_DIALOG (govorun_add_integration_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAddIntegrationDialog, govorun_add_integration_dialog, GOVORUN,
                      ADD_INTEGRATION_DIALOG, AdwWindow)

/*
 * Add Integration: a kind chooser (one row per kind the integrations
 * service supports: Webhook, and Bitrix24 once it is served; with one
 * kind the dialog opens on its form), the kind's form, then what the
 * person must see once — for a webhook its secret, with Copy. Each kind
 * is one row in the chooser and one page of the stack. "added" is
 * emitted with the new target.
 */
GovorunAddIntegrationDialog *govorun_add_integration_dialog_new (GtkWindow           *parent,
                                                                 GovorunIntegrations *integrations);

G_END_DECLS
