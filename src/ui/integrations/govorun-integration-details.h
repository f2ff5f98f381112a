/* govorun-integration-details.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-integrations.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_INTEGRATION_DETAILS (govorun_integration_details_get_type ())

G_DECLARE_FINAL_TYPE (GovorunIntegrationDetails, govorun_integration_details, GOVORUN,
                      INTEGRATION_DETAILS, GtkWidget)

/*
 * One integration target on the Integrations page: its address, events
 * and state with Pause/Resume; Test (a signed test delivery, its answer
 * shown beside the button), Rotate Secret (confirmed, the new one shown
 * once), Backfill a date range, Delete (confirmed; "deleted" is emitted);
 * and its delivery log — time, event, state, HTTP code, latency,
 * attempts, reason — read lazily from the store, with Resend per row.
 */
void                      govorun_integration_details_set_target (GovorunIntegrationDetails *self,
                                                                  GovorunIntegrations       *integrations,
                                                                  GovorunIntegrationTarget  *target);
GovorunIntegrationTarget *govorun_integration_details_get_target (GovorunIntegrationDetails *self);
/* The log shown (for the tests), or NULL. */
GListModel               *govorun_integration_details_get_log    (GovorunIntegrationDetails *self);

G_END_DECLS
