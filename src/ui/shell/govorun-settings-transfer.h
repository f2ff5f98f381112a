/* govorun-settings-transfer.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "govorun-settings-file.h"

G_BEGIN_DECLS

/* "Export Settings…" and "Import Settings…" of the main menu: a file
 * chooser (the portal's, in a sandbox), then the service; the outcome in
 * a toast, a summary dialog or @parent's error banner. */
void govorun_settings_transfer_export (GtkWindow           *parent,
                                       GovorunSettingsFile *settings_file);
void govorun_settings_transfer_import (GtkWindow           *parent,
                                       GovorunSettingsFile *settings_file);

/* The summary of an import: numbers added, accounts added without keys,
 * the webhooks' new secrets (shown this once), the integrations to add
 * again. */
void govorun_settings_transfer_show_import (GtkWindow                   *parent,
                                            const GovorunSettingsImport *import);

G_END_DECLS
