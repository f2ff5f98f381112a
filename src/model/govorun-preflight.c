/* govorun-preflight.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-preflight.h"
#include "govorun-preflight-issue.h"

struct _GovorunPreflight
{
  GObject parent_instance;

  guint rows;
  guint valid;
  guint invalid;
  guint duplicates;
  guint do_not_call;
  guint missing_variables;
  guint held_back;
  double estimated_minutes;
  double estimated_cost;
  char *currency;
  char *cost_assumption;
  gboolean price_known;
  gint64 estimated_finish;
  GListModel *issues;
};

G_DEFINE_FINAL_TYPE (GovorunPreflight, govorun_preflight, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROWS,
  PROP_VALID,
  PROP_INVALID,
  PROP_DUPLICATES,
  PROP_DO_NOT_CALL,
  PROP_MISSING_VARIABLES,
  PROP_HELD_BACK,
  PROP_ESTIMATED_MINUTES,
  PROP_ESTIMATED_COST,
  PROP_CURRENCY,
  PROP_COST_ASSUMPTION,
  PROP_PRICE_KNOWN,
  PROP_ESTIMATED_FINISH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_preflight_finalize (GObject *object)
{
  GovorunPreflight *self = (GovorunPreflight *) object;

  g_free (self->currency);
  g_free (self->cost_assumption);
  g_clear_object (&self->issues);

  G_OBJECT_CLASS (govorun_preflight_parent_class)->finalize (object);
}

static void
govorun_preflight_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GovorunPreflight *self = (GovorunPreflight *) object;

  switch (prop_id)
    {
    case PROP_ROWS:
      g_value_set_uint (value, self->rows);
      break;
    case PROP_VALID:
      g_value_set_uint (value, self->valid);
      break;
    case PROP_INVALID:
      g_value_set_uint (value, self->invalid);
      break;
    case PROP_DUPLICATES:
      g_value_set_uint (value, self->duplicates);
      break;
    case PROP_DO_NOT_CALL:
      g_value_set_uint (value, self->do_not_call);
      break;
    case PROP_MISSING_VARIABLES:
      g_value_set_uint (value, self->missing_variables);
      break;
    case PROP_HELD_BACK:
      g_value_set_uint (value, self->held_back);
      break;
    case PROP_ESTIMATED_MINUTES:
      g_value_set_double (value, self->estimated_minutes);
      break;
    case PROP_ESTIMATED_COST:
      g_value_set_double (value, self->estimated_cost);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_COST_ASSUMPTION:
      g_value_set_string (value, self->cost_assumption);
      break;
    case PROP_PRICE_KNOWN:
      g_value_set_boolean (value, self->price_known);
      break;
    case PROP_ESTIMATED_FINISH:
      g_value_set_int64 (value, self->estimated_finish);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_preflight_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GovorunPreflight *self = (GovorunPreflight *) object;

  switch (prop_id)
    {
    case PROP_ROWS:
      govorun_preflight_set_rows (self, g_value_get_uint (value));
      break;
    case PROP_VALID:
      govorun_preflight_set_valid (self, g_value_get_uint (value));
      break;
    case PROP_INVALID:
      govorun_preflight_set_invalid (self, g_value_get_uint (value));
      break;
    case PROP_DUPLICATES:
      govorun_preflight_set_duplicates (self, g_value_get_uint (value));
      break;
    case PROP_DO_NOT_CALL:
      govorun_preflight_set_do_not_call (self, g_value_get_uint (value));
      break;
    case PROP_MISSING_VARIABLES:
      govorun_preflight_set_missing_variables (self, g_value_get_uint (value));
      break;
    case PROP_HELD_BACK:
      govorun_preflight_set_held_back (self, g_value_get_uint (value));
      break;
    case PROP_ESTIMATED_MINUTES:
      govorun_preflight_set_estimated_minutes (self, g_value_get_double (value));
      break;
    case PROP_ESTIMATED_COST:
      govorun_preflight_set_estimated_cost (self, g_value_get_double (value));
      break;
    case PROP_CURRENCY:
      govorun_preflight_set_currency (self, g_value_get_string (value));
      break;
    case PROP_COST_ASSUMPTION:
      govorun_preflight_set_cost_assumption (self, g_value_get_string (value));
      break;
    case PROP_PRICE_KNOWN:
      govorun_preflight_set_price_known (self, g_value_get_boolean (value));
      break;
    case PROP_ESTIMATED_FINISH:
      govorun_preflight_set_estimated_finish (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_preflight_class_init (GovorunPreflightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_preflight_finalize;
  object_class->get_property = govorun_preflight_get_property;
  object_class->set_property = govorun_preflight_set_property;

  properties[PROP_ROWS] =
    g_param_spec_uint ("rows", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_uint ("valid", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVALID] =
    g_param_spec_uint ("invalid", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUPLICATES] =
    g_param_spec_uint ("duplicates", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DO_NOT_CALL] =
    g_param_spec_uint ("do-not-call", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MISSING_VARIABLES] =
    g_param_spec_uint ("missing-variables", NULL, NULL, 0, G_MAXUINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELD_BACK] =
    g_param_spec_uint ("held-back", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ESTIMATED_MINUTES] =
    g_param_spec_double ("estimated-minutes", NULL, NULL, 0, G_MAXDOUBLE, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ESTIMATED_COST] =
    g_param_spec_double ("estimated-cost", NULL, NULL, 0, G_MAXDOUBLE, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRICE_KNOWN] =
    g_param_spec_boolean ("price-known", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COST_ASSUMPTION] =
    g_param_spec_string ("cost-assumption", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ESTIMATED_FINISH] =
    g_param_spec_int64 ("estimated-finish", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_preflight_init (GovorunPreflight *self)
{
  self->estimated_minutes = 0;
  self->estimated_cost = 0;
}

guint
govorun_preflight_get_rows (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->rows;
}

void
govorun_preflight_set_rows (GovorunPreflight *self,
                           guint value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->rows == value)
    return;
  self->rows = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS]);
}

guint
govorun_preflight_get_valid (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->valid;
}

void
govorun_preflight_set_valid (GovorunPreflight *self,
                            guint value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->valid == value)
    return;
  self->valid = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

guint
govorun_preflight_get_invalid (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->invalid;
}

void
govorun_preflight_set_invalid (GovorunPreflight *self,
                              guint value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->invalid == value)
    return;
  self->invalid = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVALID]);
}

guint
govorun_preflight_get_duplicates (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->duplicates;
}

void
govorun_preflight_set_duplicates (GovorunPreflight *self,
                                 guint value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->duplicates == value)
    return;
  self->duplicates = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUPLICATES]);
}

guint
govorun_preflight_get_do_not_call (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->do_not_call;
}

void
govorun_preflight_set_do_not_call (GovorunPreflight *self,
                                  guint value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->do_not_call == value)
    return;
  self->do_not_call = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DO_NOT_CALL]);
}

guint
govorun_preflight_get_missing_variables (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->missing_variables;
}

void
govorun_preflight_set_missing_variables (GovorunPreflight *self,
                                        guint value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->missing_variables == value)
    return;
  self->missing_variables = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING_VARIABLES]);
}

double
govorun_preflight_get_estimated_minutes (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->estimated_minutes;
}

void
govorun_preflight_set_estimated_minutes (GovorunPreflight *self,
                                        double value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->estimated_minutes == value)
    return;
  self->estimated_minutes = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATED_MINUTES]);
}

double
govorun_preflight_get_estimated_cost (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->estimated_cost;
}

void
govorun_preflight_set_estimated_cost (GovorunPreflight *self,
                                     double value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->estimated_cost == value)
    return;
  self->estimated_cost = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATED_COST]);
}

const char *
govorun_preflight_get_currency (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), NULL);

  return self->currency;
}

void
govorun_preflight_set_currency (GovorunPreflight *self,
                               const char *value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (g_strcmp0 (self->currency, value) == 0)
    return;
  g_free (self->currency);
  self->currency = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

const char *
govorun_preflight_get_cost_assumption (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), NULL);

  return self->cost_assumption;
}

void
govorun_preflight_set_cost_assumption (GovorunPreflight *self,
                                      const char *value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (g_strcmp0 (self->cost_assumption, value) == 0)
    return;
  g_free (self->cost_assumption);
  self->cost_assumption = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COST_ASSUMPTION]);
}

gint64
govorun_preflight_get_estimated_finish (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->estimated_finish;
}

void
govorun_preflight_set_estimated_finish (GovorunPreflight *self,
                                       gint64 value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->estimated_finish == value)
    return;
  self->estimated_finish = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATED_FINISH]);
}

GovorunPreflight *
govorun_preflight_new (void)
{
  return g_object_new (GOVORUN_TYPE_PREFLIGHT, NULL);
}

GListModel *
govorun_preflight_get_issues (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), NULL);

  /* An empty list rather than NULL, so a view can bind it at once. */
  if (self->issues == NULL)
    self->issues = G_LIST_MODEL (g_list_store_new (GOVORUN_TYPE_PREFLIGHT_ISSUE));
  return self->issues;
}

void
govorun_preflight_set_issues (GovorunPreflight *self,
                              GListModel       *issues)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  g_set_object (&self->issues, issues);
}

gboolean
govorun_preflight_get_price_known (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), FALSE);

  return self->price_known;
}

void
govorun_preflight_set_price_known (GovorunPreflight *self,
                                   gboolean          value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  value = !!value;
  if (self->price_known == value)
    return;
  self->price_known = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_KNOWN]);
}

guint
govorun_preflight_get_held_back (GovorunPreflight *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT (self), 0);

  return self->held_back;
}

void
govorun_preflight_set_held_back (GovorunPreflight *self,
                                 guint             value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT (self));

  if (self->held_back == value)
    return;
  self->held_back = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD_BACK]);
}
