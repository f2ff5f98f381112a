/* govorun-integration-target.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrationTarget"

#include "config.h"

#include "govorun-integration-target.h"

struct _GovorunIntegrationTarget
{
  GObject                 parent_instance;

  gint64                  id;
  char                   *uuid;
  GovorunIntegrationKind  kind;
  char                   *name;
  char                   *url;
  guint                   events;
  gint64                  created_at;
  gboolean                paused;
  char                   *pause_reason;
  guint                   secret_generation;
  gint64                  backfill_from;
  gint64                  backfill_to;
  gint64                  failing_since;
  gboolean                crm_only;
};

G_DEFINE_FINAL_TYPE (GovorunIntegrationTarget, govorun_integration_target, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PAUSED,
  PROP_PAUSE_REASON,
  PROP_FAILING_SINCE,
  PROP_CRM_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
govorun_integration_event_to_string (GovorunIntegrationEvent event)
{
  switch (event)
    {
    case GOVORUN_INTEGRATION_EVENT_CALL_FINISHED:
      return "call.finished";
    case GOVORUN_INTEGRATION_EVENT_CAMPAIGN_FINISHED:
      return "campaign.finished";
    case GOVORUN_INTEGRATION_EVENT_CONTACT_RESULT:
      return "contact.result";
    default:
      return NULL;
    }
}

static void
govorun_integration_target_finalize (GObject *object)
{
  GovorunIntegrationTarget *self = GOVORUN_INTEGRATION_TARGET (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->url);
  g_free (self->pause_reason);
  G_OBJECT_CLASS (govorun_integration_target_parent_class)->finalize (object);
}

static void
govorun_integration_target_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  GovorunIntegrationTarget *self = GOVORUN_INTEGRATION_TARGET (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_PAUSE_REASON:
      g_value_set_string (value, self->pause_reason);
      break;
    case PROP_FAILING_SINCE:
      g_value_set_int64 (value, self->failing_since);
      break;
    case PROP_CRM_ONLY:
      g_value_set_boolean (value, self->crm_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_integration_target_class_init (GovorunIntegrationTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_integration_target_finalize;
  object_class->get_property = govorun_integration_target_get_property;

  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSE_REASON] =
    g_param_spec_string ("pause-reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILING_SINCE] =
    g_param_spec_int64 ("failing-since", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CRM_ONLY] =
    g_param_spec_boolean ("crm-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_integration_target_init (GovorunIntegrationTarget *self)
{
  self->secret_generation = 1;
}

GovorunIntegrationTarget *
govorun_integration_target_new (gint64                  id,
                                const char             *uuid,
                                GovorunIntegrationKind  kind,
                                const char             *name,
                                const char             *url,
                                guint                   events,
                                gint64                  created_at)
{
  GovorunIntegrationTarget *self = g_object_new (GOVORUN_TYPE_INTEGRATION_TARGET, NULL);

  self->id = id;
  self->uuid = g_strdup (uuid);
  self->kind = kind;
  self->name = g_strdup (name);
  self->url = g_strdup (url);
  self->events = events;
  self->created_at = created_at;
  return self;
}

gint64
govorun_integration_target_get_id (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), 0);
  return self->id;
}

const char *
govorun_integration_target_get_uuid (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), NULL);
  return self->uuid;
}

GovorunIntegrationKind
govorun_integration_target_get_kind (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), 0);
  return self->kind;
}

const char *
govorun_integration_target_get_name (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), NULL);
  return self->name;
}

const char *
govorun_integration_target_get_url (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), NULL);
  return self->url;
}

guint
govorun_integration_target_get_events (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), 0);
  return self->events;
}

gint64
govorun_integration_target_get_created_at (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), 0);
  return self->created_at;
}

gboolean
govorun_integration_target_get_paused (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), FALSE);
  return self->paused;
}

const char *
govorun_integration_target_get_pause_reason (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), NULL);
  return self->pause_reason;
}

void
govorun_integration_target_set_paused (GovorunIntegrationTarget *self,
                                       gboolean                  paused,
                                       const char               *reason)
{
  g_autofree char *old_reason = NULL;
  gboolean was_paused;

  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self));
  was_paused = self->paused;
  old_reason = self->pause_reason;
  self->paused = paused;
  self->pause_reason = paused ? g_strdup (reason) : NULL;
  if (was_paused != paused)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
  if (g_strcmp0 (old_reason, self->pause_reason) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSE_REASON]);
}

gint64
govorun_integration_target_get_failing_since (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), 0);
  return self->failing_since;
}

void
govorun_integration_target_set_failing_since (GovorunIntegrationTarget *self,
                                              gint64                    since_ms)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self));
  if (self->failing_since == since_ms)
    return;
  self->failing_since = since_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILING_SINCE]);
}

guint
govorun_integration_target_get_secret_generation (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), 0);
  return self->secret_generation;
}

void
govorun_integration_target_set_secret_generation (GovorunIntegrationTarget *self,
                                                  guint                     generation)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self));
  self->secret_generation = generation;
}

gint64
govorun_integration_target_get_backfill_from (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), 0);
  return self->backfill_from;
}

gint64
govorun_integration_target_get_backfill_to (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), 0);
  return self->backfill_to;
}

void
govorun_integration_target_set_backfill (GovorunIntegrationTarget *self,
                                         gint64                    from,
                                         gint64                    to)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self));
  self->backfill_from = from;
  self->backfill_to = to;
}

gboolean
govorun_integration_target_get_crm_only (GovorunIntegrationTarget *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self), FALSE);
  return self->crm_only;
}

void
govorun_integration_target_set_crm_only (GovorunIntegrationTarget *self,
                                         gboolean                  crm_only)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (self));
  if (self->crm_only == !!crm_only)
    return;
  self->crm_only = !!crm_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRM_ONLY]);
}
