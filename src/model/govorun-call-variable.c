/* govorun-call-variable.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-variable.h"

struct _GovorunCallVariable
{
  GObject  parent_instance;

  char    *name;
  char    *value;
};

G_DEFINE_FINAL_TYPE (GovorunCallVariable, govorun_call_variable, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_call_variable_finalize (GObject *object)
{
  GovorunCallVariable *self = GOVORUN_CALL_VARIABLE (object);

  g_free (self->name);
  g_free (self->value);
  G_OBJECT_CLASS (govorun_call_variable_parent_class)->finalize (object);
}

static void
govorun_call_variable_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GovorunCallVariable *self = GOVORUN_CALL_VARIABLE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_call_variable_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      govorun_call_variable_set_value (GOVORUN_CALL_VARIABLE (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_call_variable_class_init (GovorunCallVariableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_call_variable_finalize;
  object_class->get_property = govorun_call_variable_get_property;
  object_class->set_property = govorun_call_variable_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_call_variable_init (GovorunCallVariable *self)
{
}

GovorunCallVariable *
govorun_call_variable_new (const char *name,
                           const char *value)
{
  GovorunCallVariable *self = g_object_new (GOVORUN_TYPE_CALL_VARIABLE, NULL);

  self->name = g_strdup (name);
  self->value = g_strdup (value != NULL ? value : "");
  return self;
}

const char *
govorun_call_variable_get_name (GovorunCallVariable *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_VARIABLE (self), NULL);
  return self->name;
}

const char *
govorun_call_variable_get_value (GovorunCallVariable *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_VARIABLE (self), NULL);
  return self->value;
}

void
govorun_call_variable_set_value (GovorunCallVariable *self,
                                 const char          *value)
{
  g_return_if_fail (GOVORUN_IS_CALL_VARIABLE (self));

  if (g_strcmp0 (self->value, value) == 0)
    return;
  g_free (self->value);
  self->value = g_strdup (value != NULL ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
