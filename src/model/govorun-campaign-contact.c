/* govorun-campaign-contact.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-campaign-contact.h"

G_DEFINE_ENUM_TYPE (GovorunContactStatus, govorun_contact_status,
  G_DEFINE_ENUM_VALUE (GOVORUN_CONTACT_STATUS_NEW, "new"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CONTACT_STATUS_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CONTACT_STATUS_PROCESSED, "processed"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CONTACT_STATUS_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CONTACT_STATUS_CANCELED, "canceled"))

struct _GovorunCampaignContact
{
  GObject parent_instance;

  gint64 row;
  char *phone;
  char *variables;
  char *task_uuid;
  GovorunContactStatus status;
  guint attempts_left;
  gint64 last_attempt;
  char *result;
  char *call_record_id;
};

G_DEFINE_FINAL_TYPE (GovorunCampaignContact, govorun_campaign_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW,
  PROP_PHONE,
  PROP_VARIABLES,
  PROP_TASK_UUID,
  PROP_STATUS,
  PROP_ATTEMPTS_LEFT,
  PROP_LAST_ATTEMPT,
  PROP_RESULT,
  PROP_CALL_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_campaign_contact_finalize (GObject *object)
{
  GovorunCampaignContact *self = (GovorunCampaignContact *) object;

  g_free (self->phone);
  g_free (self->variables);
  g_free (self->task_uuid);
  g_free (self->result);
  g_free (self->call_record_id);

  G_OBJECT_CLASS (govorun_campaign_contact_parent_class)->finalize (object);
}

static void
govorun_campaign_contact_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GovorunCampaignContact *self = (GovorunCampaignContact *) object;

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_int64 (value, self->row);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_VARIABLES:
      g_value_set_string (value, self->variables);
      break;
    case PROP_TASK_UUID:
      g_value_set_string (value, self->task_uuid);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ATTEMPTS_LEFT:
      g_value_set_uint (value, self->attempts_left);
      break;
    case PROP_LAST_ATTEMPT:
      g_value_set_int64 (value, self->last_attempt);
      break;
    case PROP_RESULT:
      g_value_set_string (value, self->result);
      break;
    case PROP_CALL_RECORD_ID:
      g_value_set_string (value, self->call_record_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_campaign_contact_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  GovorunCampaignContact *self = (GovorunCampaignContact *) object;

  switch (prop_id)
    {
    case PROP_ROW:
      govorun_campaign_contact_set_row (self, g_value_get_int64 (value));
      break;
    case PROP_PHONE:
      govorun_campaign_contact_set_phone (self, g_value_get_string (value));
      break;
    case PROP_VARIABLES:
      govorun_campaign_contact_set_variables (self, g_value_get_string (value));
      break;
    case PROP_TASK_UUID:
      govorun_campaign_contact_set_task_uuid (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      govorun_campaign_contact_set_status (self, g_value_get_enum (value));
      break;
    case PROP_ATTEMPTS_LEFT:
      govorun_campaign_contact_set_attempts_left (self, g_value_get_uint (value));
      break;
    case PROP_LAST_ATTEMPT:
      govorun_campaign_contact_set_last_attempt (self, g_value_get_int64 (value));
      break;
    case PROP_RESULT:
      govorun_campaign_contact_set_result (self, g_value_get_string (value));
      break;
    case PROP_CALL_RECORD_ID:
      govorun_campaign_contact_set_call_record_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_campaign_contact_class_init (GovorunCampaignContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_campaign_contact_finalize;
  object_class->get_property = govorun_campaign_contact_get_property;
  object_class->set_property = govorun_campaign_contact_set_property;

  properties[PROP_ROW] =
    g_param_spec_int64 ("row", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VARIABLES] =
    g_param_spec_string ("variables", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TASK_UUID] =
    g_param_spec_string ("task-uuid", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, GOVORUN_TYPE_CONTACT_STATUS, GOVORUN_CONTACT_STATUS_NEW,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTEMPTS_LEFT] =
    g_param_spec_uint ("attempts-left", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ATTEMPT] =
    g_param_spec_int64 ("last-attempt", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT] =
    g_param_spec_string ("result", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL_RECORD_ID] =
    g_param_spec_string ("call-record-id", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_campaign_contact_init (GovorunCampaignContact *self)
{
  self->status = GOVORUN_CONTACT_STATUS_NEW;
}

gint64
govorun_campaign_contact_get_row (GovorunCampaignContact *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self), 0);

  return self->row;
}

void
govorun_campaign_contact_set_row (GovorunCampaignContact *self,
                                 gint64 value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self));

  if (self->row == value)
    return;
  self->row = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
}

const char *
govorun_campaign_contact_get_phone (GovorunCampaignContact *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self), NULL);

  return self->phone;
}

void
govorun_campaign_contact_set_phone (GovorunCampaignContact *self,
                                   const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self));

  if (g_strcmp0 (self->phone, value) == 0)
    return;
  g_free (self->phone);
  self->phone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
govorun_campaign_contact_get_variables (GovorunCampaignContact *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self), NULL);

  return self->variables;
}

void
govorun_campaign_contact_set_variables (GovorunCampaignContact *self,
                                       const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self));

  if (g_strcmp0 (self->variables, value) == 0)
    return;
  g_free (self->variables);
  self->variables = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VARIABLES]);
}

const char *
govorun_campaign_contact_get_task_uuid (GovorunCampaignContact *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self), NULL);

  return self->task_uuid;
}

void
govorun_campaign_contact_set_task_uuid (GovorunCampaignContact *self,
                                       const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self));

  if (g_strcmp0 (self->task_uuid, value) == 0)
    return;
  g_free (self->task_uuid);
  self->task_uuid = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_UUID]);
}

GovorunContactStatus
govorun_campaign_contact_get_status (GovorunCampaignContact *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self), 0);

  return self->status;
}

void
govorun_campaign_contact_set_status (GovorunCampaignContact *self,
                                    GovorunContactStatus value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self));

  if (self->status == value)
    return;
  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

guint
govorun_campaign_contact_get_attempts_left (GovorunCampaignContact *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self), 0);

  return self->attempts_left;
}

void
govorun_campaign_contact_set_attempts_left (GovorunCampaignContact *self,
                                           guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self));

  if (self->attempts_left == value)
    return;
  self->attempts_left = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS_LEFT]);
}

gint64
govorun_campaign_contact_get_last_attempt (GovorunCampaignContact *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self), 0);

  return self->last_attempt;
}

void
govorun_campaign_contact_set_last_attempt (GovorunCampaignContact *self,
                                          gint64 value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self));

  if (self->last_attempt == value)
    return;
  self->last_attempt = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ATTEMPT]);
}

const char *
govorun_campaign_contact_get_result (GovorunCampaignContact *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self), NULL);

  return self->result;
}

void
govorun_campaign_contact_set_result (GovorunCampaignContact *self,
                                    const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self));

  if (g_strcmp0 (self->result, value) == 0)
    return;
  g_free (self->result);
  self->result = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

const char *
govorun_campaign_contact_get_call_record_id (GovorunCampaignContact *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self), NULL);

  return self->call_record_id;
}

void
govorun_campaign_contact_set_call_record_id (GovorunCampaignContact *self,
                                            const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN_CONTACT (self));

  if (g_strcmp0 (self->call_record_id, value) == 0)
    return;
  g_free (self->call_record_id);
  self->call_record_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_RECORD_ID]);
}

GovorunCampaignContact *
govorun_campaign_contact_new (void)
{
  return g_object_new (GOVORUN_TYPE_CAMPAIGN_CONTACT, NULL);
}
