/* govorun-integration-row.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-integration-target.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_INTEGRATION_ROW (govorun_integration_row_get_type ())

G_DECLARE_FINAL_TYPE (GovorunIntegrationRow, govorun_integration_row, GOVORUN, INTEGRATION_ROW,
                      AdwActionRow)

/* A target in the Integrations list: its name, kind and events, and its
 * state (active, paused and why, failing since when), kept up to date. */
GtkWidget                *govorun_integration_row_new        (GovorunIntegrationTarget *target);
GovorunIntegrationTarget *govorun_integration_row_get_target (GovorunIntegrationRow    *self);

G_END_DECLS
