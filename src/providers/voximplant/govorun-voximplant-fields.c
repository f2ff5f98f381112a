/* govorun-voximplant-fields.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include <math.h>

#include "govorun-voximplant-client-private.h"

/* Absent and null both mean "not set" in Voximplant answers. */
static JsonNode *
get_member (JsonObject *object,
            const char *field)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static GType
value_type (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
}

/* The answer to a field of the wrong type: an error, or for LENIENT
 * fields a note in the debug log (the name only: values may be secret). */
static gboolean
mistyped (const char              *field,
          GovorunVoximplantField   mode,
          GError                 **error)
{
  if (mode == GOVORUN_VOXIMPLANT_FIELD_LENIENT)
    {
      g_debug ("Ignoring the “%s” field: it has the wrong type", field);
      return TRUE;
    }

  g_propagate_error (error, govorun_voximplant_error_new_mistyped_field (field));
  return FALSE;
}

/* The node of @field, or NULL when absent; *@ok tells whether that is fine. */
static JsonNode *
lookup (JsonObject              *object,
        const char              *field,
        GovorunVoximplantField   mode,
        gboolean                *ok,
        GError                 **error)
{
  JsonNode *node = get_member (object, field);

  *ok = TRUE;
  if (node == NULL && mode == GOVORUN_VOXIMPLANT_FIELD_REQUIRED)
    {
      g_propagate_error (error, govorun_voximplant_error_new_missing_field (field));
      *ok = FALSE;
    }

  return node;
}

gboolean
govorun_voximplant_read_string (JsonObject              *object,
                                const char              *field,
                                GovorunVoximplantField   mode,
                                char                   **out,
                                GError                 **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, field, mode, &ok, error);

  if (node == NULL)
    return ok;
  if (value_type (node) != G_TYPE_STRING)
    return mistyped (field, mode, error);

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
govorun_voximplant_read_int (JsonObject              *object,
                             const char              *field,
                             GovorunVoximplantField   mode,
                             gint64                  *out,
                             GError                 **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, field, mode, &ok, error);

  if (node == NULL)
    return ok;
  if (value_type (node) != G_TYPE_INT64)
    return mistyped (field, mode, error);

  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
govorun_voximplant_read_id (JsonObject              *object,
                            const char              *field,
                            GovorunVoximplantField   mode,
                            gint64                  *out,
                            GError                 **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, field, mode, &ok, error);
  gint64 id;

  if (node == NULL)
    return ok;

  if (value_type (node) == G_TYPE_INT64)
    id = json_node_get_int (node);
  else if (value_type (node) == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      /* 2^53: beyond it a double no longer holds every integer. */
      if (value != floor (value) || value < 0 || value > 9007199254740992.0)
        return mistyped (field, mode, error);
      id = (gint64) value;
    }
  else
    return mistyped (field, mode, error);

  if (id <= 0)
    return mistyped (field, mode, error);

  *out = id;
  return TRUE;
}

gboolean
govorun_voximplant_read_double (JsonObject              *object,
                                const char              *field,
                                GovorunVoximplantField   mode,
                                double                  *out,
                                GError                 **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, field, mode, &ok, error);

  if (node == NULL)
    return ok;

  if (value_type (node) == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (value_type (node) == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else
    return mistyped (field, mode, error);

  return TRUE;
}

gboolean
govorun_voximplant_read_bool (JsonObject              *object,
                              const char              *field,
                              GovorunVoximplantField   mode,
                              gboolean                *out,
                              GError                 **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, field, mode, &ok, error);

  if (node == NULL)
    return ok;
  if (value_type (node) != G_TYPE_BOOLEAN)
    return mistyped (field, mode, error);

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
govorun_voximplant_read_required_verification (JsonObject              *object,
                                               const char              *field,
                                               GovorunVoximplantField   mode,
                                               gboolean                *out,
                                               GError                 **error)
{
  g_autofree char *country = NULL;

  if (!govorun_voximplant_read_string (object, field, mode, &country, error))
    return FALSE;

  if (country != NULL)
    *out = *country != '\0';

  return TRUE;
}

gboolean
govorun_voximplant_read_objects (JsonObject              *object,
                                 const char              *field,
                                 GovorunVoximplantField   mode,
                                 JsonArray              **out,
                                 GError                 **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, field, mode, &ok, error);
  JsonArray *array;

  g_return_val_if_fail (mode != GOVORUN_VOXIMPLANT_FIELD_LENIENT, FALSE);

  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return mistyped (field, mode, error);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      return mistyped (field, mode, error);

  *out = array;
  return TRUE;
}

GPtrArray *
govorun_voximplant_parse_items (JsonArray                  *array,
                                GovorunVoximplantParseItem  parse_item,
                                GDestroyNotify              free_item,
                                GError                    **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_item);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gpointer item = parse_item (json_array_get_object_element (array, i), error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

GPtrArray *
govorun_voximplant_parse_list (JsonObject                 *envelope,
                               GovorunVoximplantParseItem  parse_item,
                               GDestroyNotify              free_item,
                               gint64                     *total_count,
                               GError                    **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array = NULL;

  *total_count = -1;
  if (!govorun_voximplant_read_objects (envelope, "result", GOVORUN_VOXIMPLANT_FIELD_REQUIRED, &array, error) ||
      (items = govorun_voximplant_parse_items (array, parse_item, free_item, error)) == NULL ||
      !govorun_voximplant_read_int (envelope, "total_count", GOVORUN_VOXIMPLANT_FIELD_CHECKED, total_count, error))
    return NULL;

  return g_steal_pointer (&items);
}

/* Runs one list parser for the fuzz target: it fails or gives items,
 * never both, never crashes. */
void
_govorun_voximplant_fuzz_list (JsonObject                 *envelope,
                               GovorunVoximplantParseItem  parse_item,
                               GDestroyNotify              free_item)
{
  g_autoptr(GError) error = NULL;
  gint64 total;
  GPtrArray *items = govorun_voximplant_parse_list (envelope, parse_item, free_item, &total, &error);

  g_assert ((items == NULL) == (error != NULL));
  g_clear_pointer (&items, g_ptr_array_unref);
}
