/* govorun-integration-format.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "govorun-delivery.h"
#include "govorun-integration-target.h"

G_BEGIN_DECLS

/* The words the Integrations page shows for a target and a delivery, in
 * one place, so the list, the details and the log never disagree. */

/* Where the README documents the deliveries' schema and signature. */
#define GOVORUN_INTEGRATIONS_HELP_URL \
  "https://github.com/govorun/govorun#integrations-signed-webhooks-how-a-receiver-checks-a-delivery"

/* "Webhook", "Bitrix24". */
const char *govorun_integration_format_kind     (GovorunIntegrationKind  kind);
/* "Call finished, Campaign finished"; "No events" when none. */
char       *govorun_integration_format_events   (guint                   events);
/* One event's name as people read it ("call.finished" → "Call finished";
 * "test" → "Test"); an unknown one as it is. */
const char *govorun_integration_format_event    (const char             *event);
/* "Active", "Paused: <reason>", "Failing since <time>". */
char       *govorun_integration_format_state    (GovorunIntegrationTarget *target);
/* "Delivered", "Waiting to retry", "Refused", "Gave up", "Sending". */
const char *govorun_integration_format_delivery (GovorunDeliveryState    state);
/* A Unix time in seconds or milliseconds (@ms) as local date and time. */
char       *govorun_integration_format_time     (gint64                  when,
                                                 gboolean                ms);

G_END_DECLS
