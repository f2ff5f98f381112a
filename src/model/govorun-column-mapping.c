/* govorun-column-mapping.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunColumnMapping"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "govorun-column-mapping.h"
#include "govorun-json.h"

struct _GovorunColumnMapping
{
  GObject     parent_instance;

  int         phone_column;
  int         time_zone_column;
  gboolean    keep_rest;
  GHashTable *variables;  /* name → GINT_TO_POINTER (column + 1) */
  char      **columns;
};

G_DEFINE_FINAL_TYPE (GovorunColumnMapping, govorun_column_mapping, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PHONE_COLUMN,
  PROP_TIME_ZONE_COLUMN,
  PROP_KEEP_REST,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A file has at most this many columns worth mapping; a bigger index in
 * saved JSON is refused. */
#define MAX_COLUMN 16384

static void
govorun_column_mapping_finalize (GObject *object)
{
  GovorunColumnMapping *self = GOVORUN_COLUMN_MAPPING (object);

  g_hash_table_unref (self->variables);
  g_strfreev (self->columns);

  G_OBJECT_CLASS (govorun_column_mapping_parent_class)->finalize (object);
}

static void
govorun_column_mapping_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GovorunColumnMapping *self = GOVORUN_COLUMN_MAPPING (object);

  switch (prop_id)
    {
    case PROP_PHONE_COLUMN:
      g_value_set_int (value, self->phone_column);
      break;
    case PROP_TIME_ZONE_COLUMN:
      g_value_set_int (value, self->time_zone_column);
      break;
    case PROP_KEEP_REST:
      g_value_set_boolean (value, self->keep_rest);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_column_mapping_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GovorunColumnMapping *self = GOVORUN_COLUMN_MAPPING (object);

  switch (prop_id)
    {
    case PROP_PHONE_COLUMN:
      govorun_column_mapping_set_phone_column (self, g_value_get_int (value));
      break;
    case PROP_TIME_ZONE_COLUMN:
      govorun_column_mapping_set_time_zone_column (self, g_value_get_int (value));
      break;
    case PROP_KEEP_REST:
      govorun_column_mapping_set_keep_rest (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_column_mapping_class_init (GovorunColumnMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = govorun_column_mapping_finalize;
  object_class->get_property = govorun_column_mapping_get_property;
  object_class->set_property = govorun_column_mapping_set_property;

  properties[PROP_PHONE_COLUMN] =
    g_param_spec_int ("phone-column", NULL, NULL, -1, MAX_COLUMN, -1, flags);
  properties[PROP_TIME_ZONE_COLUMN] =
    g_param_spec_int ("time-zone-column", NULL, NULL, -1, MAX_COLUMN, -1, flags);
  properties[PROP_KEEP_REST] =
    g_param_spec_boolean ("keep-rest", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Any change, the variables' included. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
govorun_column_mapping_init (GovorunColumnMapping *self)
{
  self->phone_column = -1;
  self->time_zone_column = -1;
  self->keep_rest = TRUE;
  self->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GovorunColumnMapping *
govorun_column_mapping_new (void)
{
  return g_object_new (GOVORUN_TYPE_COLUMN_MAPPING, NULL);
}

GovorunColumnMapping *
govorun_column_mapping_copy (GovorunColumnMapping *self)
{
  GovorunColumnMapping *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (GOVORUN_IS_COLUMN_MAPPING (self), NULL);

  copy = govorun_column_mapping_new ();
  copy->phone_column = self->phone_column;
  copy->time_zone_column = self->time_zone_column;
  copy->keep_rest = self->keep_rest;
  copy->columns = g_strdupv (self->columns);
  g_hash_table_iter_init (&iter, self->variables);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->variables, g_strdup (key), value);
  return copy;
}

int
govorun_column_mapping_get_phone_column (GovorunColumnMapping *self)
{
  g_return_val_if_fail (GOVORUN_IS_COLUMN_MAPPING (self), -1);

  return self->phone_column;
}

void
govorun_column_mapping_set_phone_column (GovorunColumnMapping *self,
                                         int                   column)
{
  g_return_if_fail (GOVORUN_IS_COLUMN_MAPPING (self));

  column = CLAMP (column, -1, MAX_COLUMN);
  if (self->phone_column == column)
    return;
  self->phone_column = column;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE_COLUMN]);
  g_signal_emit (self, signals[CHANGED], 0);
}

int
govorun_column_mapping_get_time_zone_column (GovorunColumnMapping *self)
{
  g_return_val_if_fail (GOVORUN_IS_COLUMN_MAPPING (self), -1);

  return self->time_zone_column;
}

void
govorun_column_mapping_set_time_zone_column (GovorunColumnMapping *self,
                                             int                   column)
{
  g_return_if_fail (GOVORUN_IS_COLUMN_MAPPING (self));

  column = CLAMP (column, -1, MAX_COLUMN);
  if (self->time_zone_column == column)
    return;
  self->time_zone_column = column;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE_COLUMN]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
govorun_column_mapping_get_keep_rest (GovorunColumnMapping *self)
{
  g_return_val_if_fail (GOVORUN_IS_COLUMN_MAPPING (self), FALSE);

  return self->keep_rest;
}

void
govorun_column_mapping_set_keep_rest (GovorunColumnMapping *self,
                                      gboolean              keep)
{
  g_return_if_fail (GOVORUN_IS_COLUMN_MAPPING (self));

  keep = !!keep;
  if (self->keep_rest == keep)
    return;
  self->keep_rest = keep;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_REST]);
  g_signal_emit (self, signals[CHANGED], 0);
}

int
govorun_column_mapping_get_variable (GovorunColumnMapping *self,
                                     const char           *name)
{
  g_return_val_if_fail (GOVORUN_IS_COLUMN_MAPPING (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->variables, name)) - 1;
}

void
govorun_column_mapping_set_variable (GovorunColumnMapping *self,
                                     const char           *name,
                                     int                   column)
{
  g_return_if_fail (GOVORUN_IS_COLUMN_MAPPING (self));
  g_return_if_fail (name != NULL && *name != '\0');

  if (govorun_column_mapping_get_variable (self, name) == column)
    return;
  if (column < 0)
    g_hash_table_remove (self->variables, name);
  else
    g_hash_table_insert (self->variables, g_strdup (name),
                         GINT_TO_POINTER (MIN (column, MAX_COLUMN) + 1));
  g_signal_emit (self, signals[CHANGED], 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
govorun_column_mapping_list_variables (GovorunColumnMapping *self)
{
  GStrv names;
  guint n = 0;

  g_return_val_if_fail (GOVORUN_IS_COLUMN_MAPPING (self), NULL);

  names = g_new0 (char *, g_hash_table_size (self->variables) + 1);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->variables);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      names[n++] = g_strdup (key);
  }
  qsort (names, n, sizeof (char *), compare_names);
  return names;
}

void
govorun_column_mapping_set_columns (GovorunColumnMapping *self,
                                    const char * const   *columns)
{
  g_return_if_fail (GOVORUN_IS_COLUMN_MAPPING (self));

  g_strfreev (self->columns);
  self->columns = g_strdupv ((char **) columns);
}

const char * const *
govorun_column_mapping_get_columns (GovorunColumnMapping *self)
{
  g_return_val_if_fail (GOVORUN_IS_COLUMN_MAPPING (self), NULL);

  return (const char * const *) self->columns;
}

char *
govorun_column_mapping_to_json (GovorunColumnMapping *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (GOVORUN_IS_COLUMN_MAPPING (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "phone");
  json_builder_add_int_value (builder, self->phone_column);
  json_builder_set_member_name (builder, "time_zone");
  json_builder_add_int_value (builder, self->time_zone_column);
  json_builder_set_member_name (builder, "keep_rest");
  json_builder_add_boolean_value (builder, self->keep_rest);
  json_builder_set_member_name (builder, "variables");
  json_builder_begin_object (builder);
  names = govorun_column_mapping_list_variables (self);
  for (guint i = 0; names[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_int_value (builder, govorun_column_mapping_get_variable (self, names[i]));
    }
  json_builder_end_object (builder);
  if (self->columns != NULL)
    {
      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);
      for (guint i = 0; self->columns[i] != NULL; i++)
        json_builder_add_string_value (builder, self->columns[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
read_column (JsonObject  *object,
             const char  *member,
             int         *out_column)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    {
      *out_column = -1;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int (node);
  if (value < -1 || value > MAX_COLUMN)
    return FALSE;
  *out_column = (int) value;
  return TRUE;
}

GovorunColumnMapping *
govorun_column_mapping_new_from_json (const char  *json,
                                      GError     **error)
{
  g_autoptr(GovorunColumnMapping) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *node;
  int column;

  g_return_val_if_fail (json != NULL, NULL);

  root = govorun_json_parse (json, strlen (json), GOVORUN_JSON_ANSWER, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    goto invalid;
  object = json_node_get_object (root);
  self = govorun_column_mapping_new ();
  if (!read_column (object, "phone", &column))
    goto invalid;
  self->phone_column = column;
  if (!read_column (object, "time_zone", &column))
    goto invalid;
  self->time_zone_column = column;
  node = json_object_get_member (object, "keep_rest");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        goto invalid;
      self->keep_rest = json_node_get_boolean (node);
    }
  node = json_object_get_member (object, "variables");
  if (node != NULL)
    {
      g_autoptr(GList) members = NULL;
      JsonObject *variables;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto invalid;
      variables = json_node_get_object (node);
      members = json_object_get_members (variables);
      for (GList *l = members; l != NULL; l = l->next)
        {
          if (*(const char *) l->data == '\0' || !read_column (variables, l->data, &column))
            goto invalid;
          if (column >= 0)
            g_hash_table_insert (self->variables, g_strdup (l->data), GINT_TO_POINTER (column + 1));
        }
    }
  node = json_object_get_member (object, "columns");
  if (node != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        goto invalid;
      array = json_node_get_array (node);
      if (json_array_get_length (array) > MAX_COLUMN)
        goto invalid;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            goto invalid;
          g_strv_builder_add (builder, json_node_get_string (item));
        }
      self->columns = g_strv_builder_end (builder);
    }
  return g_steal_pointer (&self);

invalid:
  g_set_error_literal (error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_INVALID,
                       "it is not a column mapping");
  return NULL;
}
