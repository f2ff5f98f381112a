/* govorun-integration-target.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where deliveries go. */
typedef enum
{
  GOVORUN_INTEGRATION_KIND_WEBHOOK = 1,
  GOVORUN_INTEGRATION_KIND_BITRIX24,
} GovorunIntegrationKind;

/* What a target receives (a bitmask, stored as such). */
typedef enum
{
  GOVORUN_INTEGRATION_EVENT_CALL_FINISHED     = 1 << 0,
  GOVORUN_INTEGRATION_EVENT_CAMPAIGN_FINISHED = 1 << 1,
  GOVORUN_INTEGRATION_EVENT_CONTACT_RESULT    = 1 << 2,
} GovorunIntegrationEvent;

#define GOVORUN_INTEGRATION_EVENTS_ALL (GOVORUN_INTEGRATION_EVENT_CALL_FINISHED | \
                                        GOVORUN_INTEGRATION_EVENT_CAMPAIGN_FINISHED | \
                                        GOVORUN_INTEGRATION_EVENT_CONTACT_RESULT)

/* What a call delivery carries besides the record, kept in the same
 * bitmask above the events (no event uses these bits). */
#define GOVORUN_INTEGRATION_OPTION_TRANSCRIPT (1u << 8)
/* The Voximplant address of the call's recording (the receiver fetches it;
 * a secure record storage needs the account's credentials for that). */
#define GOVORUN_INTEGRATION_OPTION_RECORDING_LINK (1u << 9)

/* The wire name of one event ("call.finished"), or NULL. */
const char *govorun_integration_event_to_string (GovorunIntegrationEvent event);

#define GOVORUN_TYPE_INTEGRATION_TARGET (govorun_integration_target_get_type ())

G_DECLARE_FINAL_TYPE (GovorunIntegrationTarget, govorun_integration_target, GOVORUN,
                      INTEGRATION_TARGET, GObject)

/* A target as the store keeps it. The webhook secret is never here: it is
 * in the keyring under (uuid, secret_generation). Times are Unix seconds;
 * a backfill range of 0..0 means none was asked for. */
GovorunIntegrationTarget *govorun_integration_target_new (gint64                  id,
                                                          const char             *uuid,
                                                          GovorunIntegrationKind  kind,
                                                          const char             *name,
                                                          const char             *url,
                                                          guint                   events,
                                                          gint64                  created_at);

gint64                 govorun_integration_target_get_id                (GovorunIntegrationTarget *self);
const char            *govorun_integration_target_get_uuid              (GovorunIntegrationTarget *self);
GovorunIntegrationKind govorun_integration_target_get_kind              (GovorunIntegrationTarget *self);
const char            *govorun_integration_target_get_name              (GovorunIntegrationTarget *self);
const char            *govorun_integration_target_get_url               (GovorunIntegrationTarget *self);
guint                  govorun_integration_target_get_events            (GovorunIntegrationTarget *self);
gint64                 govorun_integration_target_get_created_at        (GovorunIntegrationTarget *self);
gboolean               govorun_integration_target_get_paused            (GovorunIntegrationTarget *self);
const char            *govorun_integration_target_get_pause_reason      (GovorunIntegrationTarget *self);
void                   govorun_integration_target_set_paused            (GovorunIntegrationTarget *self,
                                                                         gboolean                  paused,
                                                                         const char               *reason);
/* When its deliveries started failing (Unix ms), 0 when they do not fail.
 * "paused", "pause-reason" and "failing-since" are notified properties. */
gint64                 govorun_integration_target_get_failing_since     (GovorunIntegrationTarget *self);
void                   govorun_integration_target_set_failing_since     (GovorunIntegrationTarget *self,
                                                                         gint64                    since_ms);
guint                  govorun_integration_target_get_secret_generation (GovorunIntegrationTarget *self);
void                   govorun_integration_target_set_secret_generation (GovorunIntegrationTarget *self,
                                                                         guint                     generation);
gint64                 govorun_integration_target_get_backfill_from     (GovorunIntegrationTarget *self);
gint64                 govorun_integration_target_get_backfill_to       (GovorunIntegrationTarget *self);
void                   govorun_integration_target_set_backfill          (GovorunIntegrationTarget *self,
                                                                         gint64                    from,
                                                                         gint64                    to);
/* A Bitrix24 target whose portal refused telephony calls from the
 * webhook (WRONG_AUTH_TYPE): its calls go in as CRM activities instead. */
gboolean               govorun_integration_target_get_crm_only          (GovorunIntegrationTarget *self);
void                   govorun_integration_target_set_crm_only          (GovorunIntegrationTarget *self,
                                                                         gboolean                  crm_only);

G_END_DECLS
