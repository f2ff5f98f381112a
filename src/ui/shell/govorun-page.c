/* govorun-page.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunPage"

#include "config.h"

#include "govorun-page.h"

typedef struct
{
  char *title;
  char *icon_name;
  char *action_name;
  char *action_tooltip;
  char *subpage_title;
} GovorunPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GovorunPage, govorun_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_ACTION_NAME,
  PROP_ACTION_TOOLTIP,
  PROP_SUBPAGE_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_slot (GovorunPage *self,
             guint        prop_id)
{
  GovorunPagePrivate *priv = govorun_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      return &priv->title;
    case PROP_ICON_NAME:
      return &priv->icon_name;
    case PROP_ACTION_NAME:
      return &priv->action_name;
    case PROP_ACTION_TOOLTIP:
      return &priv->action_tooltip;
    case PROP_SUBPAGE_TITLE:
      return &priv->subpage_title;
    default:
      return NULL;
    }
}

static void
govorun_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  char **slot = string_slot (GOVORUN_PAGE (object), prop_id);

  if (slot == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *slot);
}

static void
govorun_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  char **slot = string_slot (GOVORUN_PAGE (object), prop_id);

  if (slot == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (g_strcmp0 (*slot, g_value_get_string (value)) != 0)
    {
      g_free (*slot);
      *slot = g_value_dup_string (value);
      g_object_notify_by_pspec (object, pspec);
    }
}

static void
govorun_page_finalize (GObject *object)
{
  for (guint i = PROP_TITLE; i < N_PROPS; i++)
    g_clear_pointer (string_slot (GOVORUN_PAGE (object), i), g_free);

  G_OBJECT_CLASS (govorun_page_parent_class)->finalize (object);
}

static void
govorun_page_class_init (GovorunPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = govorun_page_get_property;
  object_class->set_property = govorun_page_set_property;
  object_class->finalize = govorun_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_TOOLTIP] =
    g_param_spec_string ("action-tooltip", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SUBPAGE_TITLE] =
    g_param_spec_string ("subpage-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_page_init (GovorunPage *self)
{
}

const char *
govorun_page_get_title (GovorunPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_PAGE (self), NULL);

  return *string_slot (self, PROP_TITLE);
}

const char *
govorun_page_get_icon_name (GovorunPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_PAGE (self), NULL);

  return *string_slot (self, PROP_ICON_NAME);
}

const char *
govorun_page_get_action_name (GovorunPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_PAGE (self), NULL);

  return *string_slot (self, PROP_ACTION_NAME);
}

const char *
govorun_page_get_action_tooltip (GovorunPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_PAGE (self), NULL);

  return *string_slot (self, PROP_ACTION_TOOLTIP);
}

/**
 * govorun_page_set_services:
 *
 * Sets every writable object property of the page that GovorunServices has
 * a property of the same name and type for (and a GovorunServices property
 * to @services itself), then tells the page.
 */
void
govorun_page_set_services (GovorunPage     *self,
                           GovorunServices *services)
{
  GObjectClass *services_class;
  g_autofree GParamSpec **specs = NULL;
  guint n_specs;

  g_return_if_fail (GOVORUN_IS_PAGE (self));
  g_return_if_fail (GOVORUN_IS_SERVICES (services));

  services_class = G_OBJECT_GET_CLASS (services);
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      GParamSpec *wanted = specs[i];
      GParamSpec *offered = g_object_class_find_property (services_class, wanted->name);
      g_auto(GValue) value = G_VALUE_INIT;

      if (G_IS_PARAM_SPEC_OBJECT (wanted) && (wanted->flags & G_PARAM_WRITABLE) &&
          wanted->value_type == GOVORUN_TYPE_SERVICES)
        {
          g_object_set (self, wanted->name, services, NULL);
          continue;
        }

      if (!G_IS_PARAM_SPEC_OBJECT (wanted) || !(wanted->flags & G_PARAM_WRITABLE) ||
          offered == NULL || !(offered->flags & G_PARAM_READABLE) ||
          !g_type_is_a (offered->value_type, wanted->value_type))
        continue;

      g_value_init (&value, offered->value_type);
      g_object_get_property (G_OBJECT (services), offered->name, &value);
      g_object_set_property (G_OBJECT (self), wanted->name, &value);
    }

  if (GOVORUN_PAGE_GET_CLASS (self)->services_set != NULL)
    GOVORUN_PAGE_GET_CLASS (self)->services_set (self);
}

void
govorun_page_shown (GovorunPage *self)
{
  g_return_if_fail (GOVORUN_IS_PAGE (self));

  if (GOVORUN_PAGE_GET_CLASS (self)->shown != NULL)
    GOVORUN_PAGE_GET_CLASS (self)->shown (self);
}

gboolean
govorun_page_refresh (GovorunPage *self)
{
  GovorunPageClass *klass;

  g_return_val_if_fail (GOVORUN_IS_PAGE (self), FALSE);

  klass = GOVORUN_PAGE_GET_CLASS (self);
  if (klass->refresh == NULL)
    return FALSE;

  klass->refresh (self);
  return TRUE;
}

const char *
govorun_page_get_subpage_title (GovorunPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_PAGE (self), NULL);

  return *string_slot (self, PROP_SUBPAGE_TITLE);
}

void
govorun_page_set_subpage_title (GovorunPage *self,
                                const char  *title)
{
  g_return_if_fail (GOVORUN_IS_PAGE (self));

  g_object_set (self, "subpage-title", title, NULL);
}

gboolean
govorun_page_go_back (GovorunPage *self)
{
  GovorunPageClass *klass;

  g_return_val_if_fail (GOVORUN_IS_PAGE (self), FALSE);

  klass = GOVORUN_PAGE_GET_CLASS (self);

  return klass->go_back != NULL && klass->go_back (self);
}

gboolean
govorun_page_search (GovorunPage *self)
{
  GovorunPageClass *klass;

  g_return_val_if_fail (GOVORUN_IS_PAGE (self), FALSE);

  klass = GOVORUN_PAGE_GET_CLASS (self);

  return klass->search != NULL && klass->search (self);
}
