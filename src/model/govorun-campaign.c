/* govorun-campaign.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaign"

#include "config.h"

#include "govorun-campaign.h"
#include "govorun-util.h"

G_DEFINE_ENUM_TYPE (GovorunCampaignState, govorun_campaign_state,
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_STATE_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_STATE_SCHEDULED, "scheduled"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_STATE_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_STATE_FINISHED, "finished"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_STATE_CANCELLED, "cancelled"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_STATE_FAILED, "failed"))

G_DEFINE_ENUM_TYPE (GovorunCampaignZoneMode, govorun_campaign_zone_mode,
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_ZONE_CAMPAIGN, "campaign"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_ZONE_COLUMN, "column"),
  G_DEFINE_ENUM_VALUE (GOVORUN_CAMPAIGN_ZONE_NUMBER, "number"))

const char *
govorun_campaign_state_to_string (GovorunCampaignState state)
{
  return govorun_enum_to_nick (GOVORUN_TYPE_CAMPAIGN_STATE, state);
}

gboolean
govorun_campaign_state_from_string (const char           *str,
                                    GovorunCampaignState *out_state)
{
  int value;

  if (!govorun_enum_from_nick (GOVORUN_TYPE_CAMPAIGN_STATE, str, &value))
    return FALSE;
  if (out_state != NULL)
    *out_state = value;
  return TRUE;
}

const char *
govorun_campaign_zone_mode_to_string (GovorunCampaignZoneMode mode)
{
  return govorun_enum_to_nick (GOVORUN_TYPE_CAMPAIGN_ZONE_MODE, mode);
}

gboolean
govorun_campaign_zone_mode_from_string (const char              *str,
                                        GovorunCampaignZoneMode *out_mode)
{
  int value;

  if (!govorun_enum_from_nick (GOVORUN_TYPE_CAMPAIGN_ZONE_MODE, str, &value))
    return FALSE;
  if (out_mode != NULL)
    *out_mode = value;
  return TRUE;
}

struct _GovorunCampaign
{
  GObject parent_instance;

  char *id;
  char *name;
  char *account_id;
  char *agent_id;
  char *caller_number;
  GovorunCampaignState state;
  gint64 list_id;
  guint total;
  guint done;
  guint answered;
  guint successful;
  guint failed_contacts;
  gint64 created_at;
  gint64 start_at;
  gint64 expected_finish;
  char *error_message;
  guint concurrency;
  guint attempts;
  guint retry_interval_minutes;
  guint priority;
  int window_start;
  int window_end;
  guint allowed_days;
  GovorunCampaignZoneMode zone_mode;
  char *time_zone;
  gboolean debt_mode;
};

G_DEFINE_FINAL_TYPE (GovorunCampaign, govorun_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ACCOUNT_ID,
  PROP_AGENT_ID,
  PROP_CALLER_NUMBER,
  PROP_STATE,
  PROP_LIST_ID,
  PROP_TOTAL,
  PROP_DONE,
  PROP_ANSWERED,
  PROP_SUCCESSFUL,
  PROP_FAILED_CONTACTS,
  PROP_CREATED_AT,
  PROP_START_AT,
  PROP_EXPECTED_FINISH,
  PROP_ERROR_MESSAGE,
  PROP_CONCURRENCY,
  PROP_ATTEMPTS,
  PROP_RETRY_INTERVAL_MINUTES,
  PROP_PRIORITY,
  PROP_WINDOW_START,
  PROP_WINDOW_END,
  PROP_ALLOWED_DAYS,
  PROP_ZONE_MODE,
  PROP_TIME_ZONE,
  PROP_DEBT_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_campaign_finalize (GObject *object)
{
  GovorunCampaign *self = (GovorunCampaign *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->account_id);
  g_free (self->agent_id);
  g_free (self->caller_number);
  g_free (self->error_message);
  g_free (self->time_zone);

  G_OBJECT_CLASS (govorun_campaign_parent_class)->finalize (object);
}

static void
govorun_campaign_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GovorunCampaign *self = (GovorunCampaign *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;
    case PROP_AGENT_ID:
      g_value_set_string (value, self->agent_id);
      break;
    case PROP_CALLER_NUMBER:
      g_value_set_string (value, self->caller_number);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_LIST_ID:
      g_value_set_int64 (value, self->list_id);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_DONE:
      g_value_set_uint (value, self->done);
      break;
    case PROP_ANSWERED:
      g_value_set_uint (value, self->answered);
      break;
    case PROP_SUCCESSFUL:
      g_value_set_uint (value, self->successful);
      break;
    case PROP_FAILED_CONTACTS:
      g_value_set_uint (value, self->failed_contacts);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_START_AT:
      g_value_set_int64 (value, self->start_at);
      break;
    case PROP_EXPECTED_FINISH:
      g_value_set_int64 (value, self->expected_finish);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_CONCURRENCY:
      g_value_set_uint (value, self->concurrency);
      break;
    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    case PROP_RETRY_INTERVAL_MINUTES:
      g_value_set_uint (value, self->retry_interval_minutes);
      break;
    case PROP_PRIORITY:
      g_value_set_uint (value, self->priority);
      break;
    case PROP_WINDOW_START:
      g_value_set_int (value, self->window_start);
      break;
    case PROP_WINDOW_END:
      g_value_set_int (value, self->window_end);
      break;
    case PROP_ALLOWED_DAYS:
      g_value_set_uint (value, self->allowed_days);
      break;
    case PROP_ZONE_MODE:
      g_value_set_enum (value, self->zone_mode);
      break;
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;
    case PROP_DEBT_MODE:
      g_value_set_boolean (value, self->debt_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_campaign_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GovorunCampaign *self = (GovorunCampaign *) object;

  switch (prop_id)
    {
    case PROP_ID:
      govorun_campaign_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      govorun_campaign_set_name (self, g_value_get_string (value));
      break;
    case PROP_ACCOUNT_ID:
      govorun_campaign_set_account_id (self, g_value_get_string (value));
      break;
    case PROP_AGENT_ID:
      govorun_campaign_set_agent_id (self, g_value_get_string (value));
      break;
    case PROP_CALLER_NUMBER:
      govorun_campaign_set_caller_number (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      govorun_campaign_set_state (self, g_value_get_enum (value));
      break;
    case PROP_LIST_ID:
      govorun_campaign_set_list_id (self, g_value_get_int64 (value));
      break;
    case PROP_TOTAL:
      govorun_campaign_set_total (self, g_value_get_uint (value));
      break;
    case PROP_DONE:
      govorun_campaign_set_done (self, g_value_get_uint (value));
      break;
    case PROP_ANSWERED:
      govorun_campaign_set_answered (self, g_value_get_uint (value));
      break;
    case PROP_SUCCESSFUL:
      govorun_campaign_set_successful (self, g_value_get_uint (value));
      break;
    case PROP_FAILED_CONTACTS:
      govorun_campaign_set_failed_contacts (self, g_value_get_uint (value));
      break;
    case PROP_CREATED_AT:
      govorun_campaign_set_created_at (self, g_value_get_int64 (value));
      break;
    case PROP_START_AT:
      govorun_campaign_set_start_at (self, g_value_get_int64 (value));
      break;
    case PROP_EXPECTED_FINISH:
      govorun_campaign_set_expected_finish (self, g_value_get_int64 (value));
      break;
    case PROP_ERROR_MESSAGE:
      govorun_campaign_set_error_message (self, g_value_get_string (value));
      break;
    case PROP_CONCURRENCY:
      govorun_campaign_set_concurrency (self, g_value_get_uint (value));
      break;
    case PROP_ATTEMPTS:
      govorun_campaign_set_attempts (self, g_value_get_uint (value));
      break;
    case PROP_RETRY_INTERVAL_MINUTES:
      govorun_campaign_set_retry_interval_minutes (self, g_value_get_uint (value));
      break;
    case PROP_PRIORITY:
      govorun_campaign_set_priority (self, g_value_get_uint (value));
      break;
    case PROP_WINDOW_START:
      govorun_campaign_set_window_start (self, g_value_get_int (value));
      break;
    case PROP_WINDOW_END:
      govorun_campaign_set_window_end (self, g_value_get_int (value));
      break;
    case PROP_ALLOWED_DAYS:
      govorun_campaign_set_allowed_days (self, g_value_get_uint (value));
      break;
    case PROP_ZONE_MODE:
      govorun_campaign_set_zone_mode (self, g_value_get_enum (value));
      break;
    case PROP_TIME_ZONE:
      govorun_campaign_set_time_zone (self, g_value_get_string (value));
      break;
    case PROP_DEBT_MODE:
      govorun_campaign_set_debt_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_campaign_class_init (GovorunCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_campaign_finalize;
  object_class->get_property = govorun_campaign_get_property;
  object_class->set_property = govorun_campaign_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENT_ID] =
    g_param_spec_string ("agent-id", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALLER_NUMBER] =
    g_param_spec_string ("caller-number", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, GOVORUN_TYPE_CAMPAIGN_STATE, GOVORUN_CAMPAIGN_STATE_DRAFT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST_ID] =
    g_param_spec_int64 ("list-id", NULL, NULL, 0, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] =
    g_param_spec_uint ("done", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWERED] =
    g_param_spec_uint ("answered", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUCCESSFUL] =
    g_param_spec_uint ("successful", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILED_CONTACTS] =
    g_param_spec_uint ("failed-contacts", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_AT] =
    g_param_spec_int64 ("start-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPECTED_FINISH] =
    g_param_spec_int64 ("expected-finish", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONCURRENCY] =
    g_param_spec_uint ("concurrency", NULL, NULL, 1, 1000, 2,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTEMPTS] =
    g_param_spec_uint ("attempts", NULL, NULL, 1, 5, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETRY_INTERVAL_MINUTES] =
    g_param_spec_uint ("retry-interval-minutes", NULL, NULL, 0, 1440, 30,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRIORITY] =
    g_param_spec_uint ("priority", NULL, NULL, 0, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW_START] =
    g_param_spec_int ("window-start", NULL, NULL, 0, 1439, 540,
                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW_END] =
    g_param_spec_int ("window-end", NULL, NULL, 0, 1439, 1260,
                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOWED_DAYS] =
    g_param_spec_uint ("allowed-days", NULL, NULL, 0, 127, 31,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZONE_MODE] =
    g_param_spec_enum ("zone-mode", NULL, NULL, GOVORUN_TYPE_CAMPAIGN_ZONE_MODE, GOVORUN_CAMPAIGN_ZONE_CAMPAIGN,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEBT_MODE] =
    g_param_spec_boolean ("debt-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_campaign_init (GovorunCampaign *self)
{
  self->state = GOVORUN_CAMPAIGN_STATE_DRAFT;
  self->list_id = 0;
  self->concurrency = 2;
  self->attempts = 1;
  self->retry_interval_minutes = 30;
  self->priority = 1;
  self->window_start = 540;
  self->window_end = 1260;
  self->allowed_days = 31;
  self->zone_mode = GOVORUN_CAMPAIGN_ZONE_CAMPAIGN;
}

const char *
govorun_campaign_get_id (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), NULL);

  return self->id;
}

void
govorun_campaign_set_id (GovorunCampaign *self,
                        const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->id, value) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
govorun_campaign_get_name (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), NULL);

  return self->name;
}

void
govorun_campaign_set_name (GovorunCampaign *self,
                          const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
govorun_campaign_get_account_id (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), NULL);

  return self->account_id;
}

void
govorun_campaign_set_account_id (GovorunCampaign *self,
                                const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->account_id, value) == 0)
    return;
  g_free (self->account_id);
  self->account_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
govorun_campaign_get_agent_id (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), NULL);

  return self->agent_id;
}

void
govorun_campaign_set_agent_id (GovorunCampaign *self,
                              const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->agent_id, value) == 0)
    return;
  g_free (self->agent_id);
  self->agent_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENT_ID]);
}

const char *
govorun_campaign_get_caller_number (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), NULL);

  return self->caller_number;
}

void
govorun_campaign_set_caller_number (GovorunCampaign *self,
                                   const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->caller_number, value) == 0)
    return;
  g_free (self->caller_number);
  self->caller_number = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALLER_NUMBER]);
}

GovorunCampaignState
govorun_campaign_get_state (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->state;
}

void
govorun_campaign_set_state (GovorunCampaign *self,
                           GovorunCampaignState value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->state == value)
    return;
  self->state = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gint64
govorun_campaign_get_list_id (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->list_id;
}

void
govorun_campaign_set_list_id (GovorunCampaign *self,
                             gint64 value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->list_id == value)
    return;
  self->list_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_ID]);
}

guint
govorun_campaign_get_total (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->total;
}

void
govorun_campaign_set_total (GovorunCampaign *self,
                           guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->total == value)
    return;
  self->total = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

guint
govorun_campaign_get_done (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->done;
}

void
govorun_campaign_set_done (GovorunCampaign *self,
                          guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->done == value)
    return;
  self->done = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

guint
govorun_campaign_get_answered (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->answered;
}

void
govorun_campaign_set_answered (GovorunCampaign *self,
                              guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->answered == value)
    return;
  self->answered = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
}

guint
govorun_campaign_get_successful (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->successful;
}

void
govorun_campaign_set_successful (GovorunCampaign *self,
                                guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->successful == value)
    return;
  self->successful = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUCCESSFUL]);
}

guint
govorun_campaign_get_failed_contacts (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->failed_contacts;
}

void
govorun_campaign_set_failed_contacts (GovorunCampaign *self,
                                     guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->failed_contacts == value)
    return;
  self->failed_contacts = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED_CONTACTS]);
}

gint64
govorun_campaign_get_created_at (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->created_at;
}

void
govorun_campaign_set_created_at (GovorunCampaign *self,
                                gint64 value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->created_at == value)
    return;
  self->created_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

gint64
govorun_campaign_get_start_at (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->start_at;
}

void
govorun_campaign_set_start_at (GovorunCampaign *self,
                              gint64 value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->start_at == value)
    return;
  self->start_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_AT]);
}

gint64
govorun_campaign_get_expected_finish (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->expected_finish;
}

void
govorun_campaign_set_expected_finish (GovorunCampaign *self,
                                     gint64 value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->expected_finish == value)
    return;
  self->expected_finish = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_FINISH]);
}

const char *
govorun_campaign_get_error_message (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), NULL);

  return self->error_message;
}

void
govorun_campaign_set_error_message (GovorunCampaign *self,
                                   const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->error_message, value) == 0)
    return;
  g_free (self->error_message);
  self->error_message = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

guint
govorun_campaign_get_concurrency (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->concurrency;
}

void
govorun_campaign_set_concurrency (GovorunCampaign *self,
                                 guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->concurrency == value)
    return;
  self->concurrency = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCURRENCY]);
}

guint
govorun_campaign_get_attempts (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->attempts;
}

void
govorun_campaign_set_attempts (GovorunCampaign *self,
                              guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->attempts == value)
    return;
  self->attempts = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS]);
}

guint
govorun_campaign_get_retry_interval_minutes (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->retry_interval_minutes;
}

void
govorun_campaign_set_retry_interval_minutes (GovorunCampaign *self,
                                            guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->retry_interval_minutes == value)
    return;
  self->retry_interval_minutes = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_INTERVAL_MINUTES]);
}

guint
govorun_campaign_get_priority (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->priority;
}

void
govorun_campaign_set_priority (GovorunCampaign *self,
                              guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->priority == value)
    return;
  self->priority = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
}

int
govorun_campaign_get_window_start (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->window_start;
}

void
govorun_campaign_set_window_start (GovorunCampaign *self,
                                  int value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->window_start == value)
    return;
  self->window_start = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_START]);
}

int
govorun_campaign_get_window_end (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->window_end;
}

void
govorun_campaign_set_window_end (GovorunCampaign *self,
                                int value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->window_end == value)
    return;
  self->window_end = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_END]);
}

guint
govorun_campaign_get_allowed_days (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->allowed_days;
}

void
govorun_campaign_set_allowed_days (GovorunCampaign *self,
                                  guint value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->allowed_days == value)
    return;
  self->allowed_days = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOWED_DAYS]);
}

GovorunCampaignZoneMode
govorun_campaign_get_zone_mode (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), 0);

  return self->zone_mode;
}

void
govorun_campaign_set_zone_mode (GovorunCampaign *self,
                               GovorunCampaignZoneMode value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (self->zone_mode == value)
    return;
  self->zone_mode = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE_MODE]);
}

const char *
govorun_campaign_get_time_zone (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), NULL);

  return self->time_zone;
}

void
govorun_campaign_set_time_zone (GovorunCampaign *self,
                               const char *value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  if (g_strcmp0 (self->time_zone, value) == 0)
    return;
  g_free (self->time_zone);
  self->time_zone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

GovorunCampaign *
govorun_campaign_new (void)
{
  g_autofree char *id = govorun_uuid_new ();

  return g_object_new (GOVORUN_TYPE_CAMPAIGN,
                       "id", id,
                       "created-at", g_get_real_time () / G_USEC_PER_SEC,
                       "time-zone", "Europe/Moscow",
                       NULL);
}

void
govorun_campaign_update_from (GovorunCampaign *self,
                              GovorunCampaign *from)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (from));

  /* Every property is plain data, so a property-by-property copy is the
   * whole object; the setters notify only what changed. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_pspecs);
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (from), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (self), pspecs[i]->name, &value);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

GovorunCampaign *
govorun_campaign_copy (GovorunCampaign *self)
{
  GovorunCampaign *copy;

  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), NULL);

  copy = g_object_new (GOVORUN_TYPE_CAMPAIGN, NULL);
  govorun_campaign_update_from (copy, self);
  return copy;
}

gboolean
govorun_campaign_is_active (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), FALSE);

  return self->state == GOVORUN_CAMPAIGN_STATE_SCHEDULED ||
         self->state == GOVORUN_CAMPAIGN_STATE_RUNNING ||
         self->state == GOVORUN_CAMPAIGN_STATE_PAUSED;
}

gboolean
govorun_campaign_is_over (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), FALSE);

  return self->state == GOVORUN_CAMPAIGN_STATE_FINISHED ||
         self->state == GOVORUN_CAMPAIGN_STATE_CANCELLED;
}

gboolean
govorun_campaign_get_debt_mode (GovorunCampaign *self)
{
  g_return_val_if_fail (GOVORUN_IS_CAMPAIGN (self), FALSE);

  return self->debt_mode;
}

void
govorun_campaign_set_debt_mode (GovorunCampaign *self,
                                gboolean         value)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (self));

  value = !!value;
  if (self->debt_mode == value)
    return;
  self->debt_mode = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEBT_MODE]);
}
