/* govorun-webhook-payload.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-record.h"

G_BEGIN_DECLS

/*
 * The JSON documents Govorun delivers, versioned by their "schema" member
 * (README.md, "Integrations", documents them). Every document has
 * "schema", "id" (the delivery id, also in X-Govorun-Delivery), "event"
 * and "created_at" (ISO 8601, UTC); the rest depends on the event.
 * A receiver must ignore members it does not know: new ones may be added
 * within a version, never removed or changed in meaning.
 */

#define GOVORUN_WEBHOOK_SCHEMA_CALL     "govorun.call.v1"
#define GOVORUN_WEBHOOK_SCHEMA_CAMPAIGN "govorun.campaign.v1"
#define GOVORUN_WEBHOOK_SCHEMA_CONTACT  "govorun.contact.v1"
#define GOVORUN_WEBHOOK_SCHEMA_TEST     "govorun.test.v1"

/* "call.finished": the call, its numbers, agent, campaign and contact when
 * it came from one, analysis (summary, criteria), collected data, and the
 * transcript when @with_transcript; "recording" says whether Voximplant
 * keeps one and, when @recording_url is given, where. */
char *govorun_webhook_payload_call              (const char        *delivery_id,
                                                 gint64             created_at,
                                                 GovorunCallRecord *record,
                                                 gboolean           with_transcript,
                                                 const char        *recording_url);

/* "campaign.finished": the campaign's id, name and counters. */
char *govorun_webhook_payload_campaign_finished (const char        *delivery_id,
                                                 gint64             created_at,
                                                 gint64             campaign_id,
                                                 const char        *name,
                                                 guint              contacts,
                                                 guint              reached,
                                                 guint              failed);

/* "contact.result": one contact's outcome in a campaign. */
char *govorun_webhook_payload_contact_result    (const char        *delivery_id,
                                                 gint64             created_at,
                                                 gint64             campaign_id,
                                                 gint64             contact_id,
                                                 const char        *phone,
                                                 const char        *result,
                                                 guint              attempts);

/* "test": what the page's Test button sends; nothing but the common
 * members and a fixed "message". */
char *govorun_webhook_payload_test              (const char        *delivery_id,
                                                 gint64             created_at);

G_END_DECLS
