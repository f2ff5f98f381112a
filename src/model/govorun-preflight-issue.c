/* govorun-preflight-issue.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-preflight-issue.h"

G_DEFINE_ENUM_TYPE (GovorunPreflightIssueKind, govorun_preflight_issue_kind,
  G_DEFINE_ENUM_VALUE (GOVORUN_PREFLIGHT_ISSUE_INVALID, "invalid"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PREFLIGHT_ISSUE_DUPLICATE, "duplicate"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PREFLIGHT_ISSUE_DO_NOT_CALL, "do-not-call"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PREFLIGHT_ISSUE_MISSING_VARIABLE, "missing-variable"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PREFLIGHT_ISSUE_TIME_ZONE, "time-zone"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PREFLIGHT_ISSUE_DEBT_CAP, "debt-cap"))

struct _GovorunPreflightIssue
{
  GObject parent_instance;

  GovorunPreflightIssueKind kind;
  gint64 row;
  char *column;
  char *reason;
  char *value;
};

G_DEFINE_FINAL_TYPE (GovorunPreflightIssue, govorun_preflight_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ROW,
  PROP_COLUMN,
  PROP_REASON,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_preflight_issue_finalize (GObject *object)
{
  GovorunPreflightIssue *self = (GovorunPreflightIssue *) object;

  g_free (self->column);
  g_free (self->reason);
  g_free (self->value);

  G_OBJECT_CLASS (govorun_preflight_issue_parent_class)->finalize (object);
}

static void
govorun_preflight_issue_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GovorunPreflightIssue *self = (GovorunPreflightIssue *) object;

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ROW:
      g_value_set_int64 (value, self->row);
      break;
    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_preflight_issue_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  GovorunPreflightIssue *self = (GovorunPreflightIssue *) object;

  switch (prop_id)
    {
    case PROP_KIND:
      govorun_preflight_issue_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_ROW:
      govorun_preflight_issue_set_row (self, g_value_get_int64 (value));
      break;
    case PROP_COLUMN:
      govorun_preflight_issue_set_column (self, g_value_get_string (value));
      break;
    case PROP_REASON:
      govorun_preflight_issue_set_reason (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      govorun_preflight_issue_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_preflight_issue_class_init (GovorunPreflightIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_preflight_issue_finalize;
  object_class->get_property = govorun_preflight_issue_get_property;
  object_class->set_property = govorun_preflight_issue_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, GOVORUN_TYPE_PREFLIGHT_ISSUE_KIND, GOVORUN_PREFLIGHT_ISSUE_INVALID,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW] =
    g_param_spec_int64 ("row", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_preflight_issue_init (GovorunPreflightIssue *self)
{
  self->kind = GOVORUN_PREFLIGHT_ISSUE_INVALID;
}

GovorunPreflightIssueKind
govorun_preflight_issue_get_kind (GovorunPreflightIssue *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self), 0);

  return self->kind;
}

void
govorun_preflight_issue_set_kind (GovorunPreflightIssue *self,
                                 GovorunPreflightIssueKind value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self));

  if (self->kind == value)
    return;
  self->kind = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
govorun_preflight_issue_get_row (GovorunPreflightIssue *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self), 0);

  return self->row;
}

void
govorun_preflight_issue_set_row (GovorunPreflightIssue *self,
                                gint64 value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self));

  if (self->row == value)
    return;
  self->row = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
}

const char *
govorun_preflight_issue_get_column (GovorunPreflightIssue *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->column;
}

void
govorun_preflight_issue_set_column (GovorunPreflightIssue *self,
                                   const char *value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self));

  if (g_strcmp0 (self->column, value) == 0)
    return;
  g_free (self->column);
  self->column = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN]);
}

const char *
govorun_preflight_issue_get_reason (GovorunPreflightIssue *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->reason;
}

void
govorun_preflight_issue_set_reason (GovorunPreflightIssue *self,
                                   const char *value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self));

  if (g_strcmp0 (self->reason, value) == 0)
    return;
  g_free (self->reason);
  self->reason = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
govorun_preflight_issue_get_value (GovorunPreflightIssue *self)
{
  g_return_val_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self), NULL);

  return self->value;
}

void
govorun_preflight_issue_set_value (GovorunPreflightIssue *self,
                                  const char *value)
{
  g_return_if_fail (GOVORUN_IS_PREFLIGHT_ISSUE (self));

  if (g_strcmp0 (self->value, value) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

GovorunPreflightIssue *
govorun_preflight_issue_new (GovorunPreflightIssueKind  kind,
                             gint64                     row,
                             const char                *column,
                             const char                *reason,
                             const char                *value)
{
  return g_object_new (GOVORUN_TYPE_PREFLIGHT_ISSUE,
                       "kind", kind,
                       "row", row,
                       "column", column,
                       "reason", reason,
                       "value", value,
                       NULL);
}
