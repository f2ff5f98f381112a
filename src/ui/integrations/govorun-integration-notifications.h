/* govorun-integration-notifications.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-integrations.h"

G_BEGIN_DECLS

/*
 * A desktop notification when the integrations pause a target whose
 * deliveries failed for a day (::target-paused): the person is rarely
 * looking at the Integrations page when a receiver goes down. Connected
 * once per services by the window.
 */
void  govorun_integration_notifications_watch (GApplication        *application,
                                               GovorunIntegrations *integrations);

/* The notification's id for @target (tests withdraw it by this). */
char *govorun_integration_notifications_id    (GovorunIntegrationTarget *target);

G_END_DECLS
