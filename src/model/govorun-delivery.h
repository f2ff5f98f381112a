/* govorun-delivery.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A delivery's state as the outbox keeps it. "Sending" is never stored:
 * a delivery in flight is "pending" in the database, so one interrupted
 * between "sent" and "recorded" is sent again with the same id. */
typedef enum
{
  GOVORUN_DELIVERY_PENDING = 1,
  GOVORUN_DELIVERY_SENDING,
  GOVORUN_DELIVERY_DELIVERED,
  GOVORUN_DELIVERY_FAILED,    /* refused (4xx): not retried */
  GOVORUN_DELIVERY_GAVE_UP,   /* retried until the limit */
} GovorunDeliveryState;

#define GOVORUN_TYPE_DELIVERY (govorun_delivery_get_type ())

G_DECLARE_FINAL_TYPE (GovorunDelivery, govorun_delivery, GOVORUN, DELIVERY, GObject)

/* @uuid is the X-Govorun-Delivery header; @subject the call record,
 * campaign or contact it is about; @payload the JSON body, fixed when the
 * delivery is made so that every attempt sends the same bytes. */
GovorunDelivery     *govorun_delivery_new                 (gint64                id,
                                                           const char           *uuid,
                                                           gint64                target_id,
                                                           const char           *event,
                                                           const char           *subject,
                                                           const char           *payload,
                                                           gint64                created_at);
void                 govorun_delivery_set_outcome         (GovorunDelivery      *self,
                                                           GovorunDeliveryState  state,
                                                           guint                 attempts,
                                                           gint64                next_attempt_at_ms,
                                                           guint                 last_status,
                                                           guint                 last_latency_ms,
                                                           const char           *last_error);

gint64               govorun_delivery_get_id              (GovorunDelivery *self);
const char          *govorun_delivery_get_uuid            (GovorunDelivery *self);
gint64               govorun_delivery_get_target_id       (GovorunDelivery *self);
const char          *govorun_delivery_get_event           (GovorunDelivery *self);
const char          *govorun_delivery_get_subject         (GovorunDelivery *self);
const char          *govorun_delivery_get_payload         (GovorunDelivery *self);
gint64               govorun_delivery_get_created_at      (GovorunDelivery *self);
GovorunDeliveryState govorun_delivery_get_state           (GovorunDelivery *self);
guint                govorun_delivery_get_attempts        (GovorunDelivery *self);
gint64               govorun_delivery_get_next_attempt_at (GovorunDelivery *self);
guint                govorun_delivery_get_last_status     (GovorunDelivery *self);
guint                govorun_delivery_get_last_latency    (GovorunDelivery *self);
const char          *govorun_delivery_get_last_error      (GovorunDelivery *self);

/* One attempt of a delivery, as the delivery log shows it. @status is the
 * HTTP status (0 when no answer came), @error a reason or %NULL. */
typedef struct
{
  guint   attempt;
  gint64  at_ms;
  guint   status;
  guint   latency_ms;
  char   *error;
} GovorunDeliveryAttempt;

#define GOVORUN_TYPE_DELIVERY_ATTEMPT (govorun_delivery_attempt_get_type ())

GType                   govorun_delivery_attempt_get_type (void) G_GNUC_CONST;
GovorunDeliveryAttempt *govorun_delivery_attempt_copy     (const GovorunDeliveryAttempt *attempt);
void                    govorun_delivery_attempt_free     (GovorunDeliveryAttempt       *attempt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunDeliveryAttempt, govorun_delivery_attempt_free)

G_END_DECLS
