/* govorun-delivery.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunDelivery"

#include "config.h"

#include "govorun-delivery.h"

struct _GovorunDelivery
{
  GObject               parent_instance;

  gint64                id;
  char                 *uuid;
  gint64                target_id;
  char                 *event;
  char                 *subject;
  char                 *payload;
  gint64                created_at;
  GovorunDeliveryState  state;
  guint                 attempts;
  gint64                next_attempt_at_ms;
  guint                 last_status;
  guint                 last_latency_ms;
  char                 *last_error;
};

G_DEFINE_FINAL_TYPE (GovorunDelivery, govorun_delivery, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (GovorunDeliveryAttempt, govorun_delivery_attempt,
                     govorun_delivery_attempt_copy, govorun_delivery_attempt_free)

GovorunDeliveryAttempt *
govorun_delivery_attempt_copy (const GovorunDeliveryAttempt *attempt)
{
  GovorunDeliveryAttempt *copy = g_new (GovorunDeliveryAttempt, 1);

  *copy = *attempt;
  copy->error = g_strdup (attempt->error);
  return copy;
}

void
govorun_delivery_attempt_free (GovorunDeliveryAttempt *attempt)
{
  if (attempt == NULL)
    return;
  g_free (attempt->error);
  g_free (attempt);
}

static void
govorun_delivery_finalize (GObject *object)
{
  GovorunDelivery *self = GOVORUN_DELIVERY (object);

  g_free (self->uuid);
  g_free (self->event);
  g_free (self->subject);
  g_free (self->payload);
  g_free (self->last_error);
  G_OBJECT_CLASS (govorun_delivery_parent_class)->finalize (object);
}

static void
govorun_delivery_class_init (GovorunDeliveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_delivery_finalize;
}

static void
govorun_delivery_init (GovorunDelivery *self)
{
  self->state = GOVORUN_DELIVERY_PENDING;
}

GovorunDelivery *
govorun_delivery_new (gint64      id,
                      const char *uuid,
                      gint64      target_id,
                      const char *event,
                      const char *subject,
                      const char *payload,
                      gint64      created_at)
{
  GovorunDelivery *self = g_object_new (GOVORUN_TYPE_DELIVERY, NULL);

  self->id = id;
  self->uuid = g_strdup (uuid);
  self->target_id = target_id;
  self->event = g_strdup (event);
  self->subject = g_strdup (subject);
  self->payload = g_strdup (payload);
  self->created_at = created_at;
  return self;
}

void
govorun_delivery_set_outcome (GovorunDelivery      *self,
                              GovorunDeliveryState  state,
                              guint                 attempts,
                              gint64                next_attempt_at_ms,
                              guint                 last_status,
                              guint                 last_latency_ms,
                              const char           *last_error)
{
  g_return_if_fail (GOVORUN_IS_DELIVERY (self));
  self->state = state;
  self->attempts = attempts;
  self->next_attempt_at_ms = next_attempt_at_ms;
  self->last_status = last_status;
  self->last_latency_ms = last_latency_ms;
  g_free (self->last_error);
  self->last_error = g_strdup (last_error);
}

#define GETTER(type, name, field, fallback) \
  type \
  govorun_delivery_get_##name (GovorunDelivery *self) \
  { \
    g_return_val_if_fail (GOVORUN_IS_DELIVERY (self), fallback); \
    return self->field; \
  }

GETTER (gint64, id, id, 0)
GETTER (const char *, uuid, uuid, NULL)
GETTER (gint64, target_id, target_id, 0)
GETTER (const char *, event, event, NULL)
GETTER (const char *, subject, subject, NULL)
GETTER (const char *, payload, payload, NULL)
GETTER (gint64, created_at, created_at, 0)
GETTER (GovorunDeliveryState, state, state, 0)
GETTER (guint, attempts, attempts, 0)
GETTER (gint64, next_attempt_at, next_attempt_at_ms, 0)
GETTER (guint, last_status, last_status, 0)
GETTER (guint, last_latency, last_latency_ms, 0)
GETTER (const char *, last_error, last_error, NULL)
