/* govorun-integrations-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-page.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_INTEGRATIONS_PAGE (govorun_integrations_page_get_type ())

G_DECLARE_FINAL_TYPE (GovorunIntegrationsPage, govorun_integrations_page, GOVORUN, INTEGRATIONS_PAGE,
                      GovorunPage)

/*
 * Integrations: the targets deliveries go to (name, kind, events, state),
 * an empty state that says what to do, Add Integration, and a target's
 * details with its delivery log as the page's subpage. Takes the
 * "integrations" service.
 */

/* Opens Add Integration over the window. */
void govorun_integrations_page_add (GovorunIntegrationsPage *self);

G_END_DECLS
