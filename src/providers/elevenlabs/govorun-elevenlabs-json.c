/* govorun-elevenlabs-json.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsClient"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "govorun-elevenlabs-json-private.h"

/*
 * Validated reading of provider JSON: every field read from an answer is
 * checked for presence and type; a bad one becomes BAD_RESPONSE naming the
 * field, never a crash.
 */

gboolean
govorun_elevenlabs_json_bad_field (GError     **error,
                                   const char  *field)
{
  g_set_error (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE,
               _("ElevenLabs sent an answer Govorun does not understand: the field “%s” is missing or has the wrong type. Check that the API address and region are right, and try again later."),
               field);
  return FALSE;
}

char *
govorun_elevenlabs_json_field_path (const char *prefix,
                                    const char *name)
{
  if (prefix == NULL || *prefix == '\0')
    return g_strdup (name);

  return g_strconcat (prefix, ".", name, NULL);
}

/* FALSE with BAD_RESPONSE, or for a LENIENT field a note in the debug
 * log (the name only: values may be secret) and TRUE. */
static gboolean
mistyped_field (const char                   *prefix,
                const char                   *name,
                GovorunElevenlabsFieldFlags   flags,
                GError                      **error)
{
  g_autofree char *path = govorun_elevenlabs_json_field_path (prefix, name);

  if ((flags & FIELD_LENIENT) != 0)
    {
      g_debug ("Ignoring the “%s” field: it has the wrong type", path);
      return TRUE;
    }

  return govorun_elevenlabs_json_bad_field (error, path);
}

static gboolean
mistyped (const char  *prefix,
          const char  *name,
          GError     **error)
{
  return mistyped_field (prefix, name, 0, error);
}

static gboolean
holds (JsonNode     *node,
       JsonNodeType  node_type,
       GType         value_type)
{
  if (json_node_get_node_type (node) != node_type)
    return FALSE;

  return node_type != JSON_NODE_VALUE || value_type == G_TYPE_INVALID
         || json_node_get_value_type (node) == value_type;
}

/* The member @name if it has @node_type (and, for a value, @value_type
 * unless G_TYPE_INVALID); *@out_node is NULL when it is absent, or null and
 * that is allowed. FALSE with BAD_RESPONSE otherwise. */
static gboolean
lookup_member (JsonObject                   *object,
               const char                   *prefix,
               const char                   *name,
               GovorunElevenlabsFieldFlags   flags,
               JsonNodeType                  node_type,
               GType                         value_type,
               JsonNode                    **out_node,
               GError                      **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out_node = NULL;

  /* Absent: an error only when required. null: an error only when
   * required and not nullable; otherwise read as absent. */
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      gboolean ok = (flags & FIELD_REQUIRED) == 0
                    || (node != NULL && (flags & FIELD_NULLABLE) != 0);

      return ok || mistyped (prefix, name, error);
    }

  if (!holds (node, node_type, value_type))
    return mistyped_field (prefix, name, flags, error);

  *out_node = node;
  return TRUE;
}

gboolean
govorun_elevenlabs_json_read_string (JsonObject                   *object,
                                     const char                   *prefix,
                                     const char                   *name,
                                     GovorunElevenlabsFieldFlags   flags,
                                     char                        **out,
                                     GError                      **error)
{
  JsonNode *node;

  if (!lookup_member (object, prefix, name, flags, JSON_NODE_VALUE, G_TYPE_STRING, &node, error))
    return FALSE;

  if (node != NULL)
    {
      g_free (*out);
      *out = g_strdup (json_node_get_string (node));
    }
  return TRUE;
}

gboolean
govorun_elevenlabs_json_read_int64 (JsonObject                   *object,
                                    const char                   *prefix,
                                    const char                   *name,
                                    GovorunElevenlabsFieldFlags   flags,
                                    gint64                       *out,
                                    GError                      **error)
{
  JsonNode *node;
  GType type;

  if (!lookup_member (object, prefix, name, flags, JSON_NODE_VALUE, G_TYPE_INVALID, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  /* A whole number written as 1.7e9 is still a whole number. */
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      /* Only within ±2^53, where a double holds every integer: a cast of
       * anything larger (or of NaN) to gint64 is undefined. */
      if (value == floor (value) && fabs (value) <= 9007199254740992.0)
        {
          *out = (gint64) value;
          return TRUE;
        }
    }

  return mistyped_field (prefix, name, flags, error);
}

gboolean
govorun_elevenlabs_json_read_boolean (JsonObject                   *object,
                                      const char                   *prefix,
                                      const char                   *name,
                                      GovorunElevenlabsFieldFlags   flags,
                                      gboolean                     *out,
                                      GError                      **error)
{
  JsonNode *node;

  if (!lookup_member (object, prefix, name, flags, JSON_NODE_VALUE, G_TYPE_BOOLEAN, &node, error))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

/* @out: (transfer none), NULL when absent */
gboolean
govorun_elevenlabs_json_read_object (JsonObject                   *object,
                                     const char                   *prefix,
                                     const char                   *name,
                                     GovorunElevenlabsFieldFlags   flags,
                                     JsonObject                  **out,
                                     GError                      **error)
{
  JsonNode *node;

  if (!lookup_member (object, prefix, name, flags, JSON_NODE_OBJECT, G_TYPE_INVALID, &node, error))
    return FALSE;

  *out = node != NULL ? json_node_get_object (node) : NULL;
  return TRUE;
}

/* @out: (transfer none), NULL when absent */
gboolean
govorun_elevenlabs_json_read_array (JsonObject                   *object,
                                    const char                   *prefix,
                                    const char                   *name,
                                    GovorunElevenlabsFieldFlags   flags,
                                    JsonArray                   **out,
                                    GError                      **error)
{
  JsonNode *node;

  if (!lookup_member (object, prefix, name, flags, JSON_NODE_ARRAY, G_TYPE_INVALID, &node, error))
    return FALSE;

  *out = node != NULL ? json_node_get_array (node) : NULL;
  return TRUE;
}

gboolean
govorun_elevenlabs_json_read_string_array (JsonObject                   *object,
                                           const char                   *prefix,
                                           const char                   *name,
                                           GovorunElevenlabsFieldFlags   flags,
                                           GStrv                        *out,
                                           GError                      **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (!govorun_elevenlabs_json_read_array (object, prefix, name, flags, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!holds (node, JSON_NODE_VALUE, G_TYPE_STRING))
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", name, i);
          return mistyped_field (prefix, item, flags, error);
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

JsonObject *
govorun_elevenlabs_json_root_object (JsonNode  *root,
                                     GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Translators: names the whole JSON document in an error message */
      govorun_elevenlabs_json_bad_field (error, _("(the whole answer)"));
      return NULL;
    }

  return json_node_get_object (root);
}
