/* govorun-json-fields.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunJsonFields"

#include "config.h"

#include <string.h>

#include "govorun-json.h"
#include "govorun-json-fields.h"

GStrv
govorun_json_fields_from_object (const char *json,
                                 guint       max_members)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  guint n = 0;

  if (json == NULL)
    return NULL;
  /* Our own stored JSON, but bounded all the same. */
  root = govorun_json_parse (json, strlen (json), GOVORUN_JSON_REQUEST, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  builder = g_strv_builder_new ();
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL && n < max_members; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      g_autofree char *value = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node))
        continue;
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          value = g_strdup (json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            value = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
          }
          break;
        case G_TYPE_BOOLEAN:
          value = g_strdup (json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          continue;
        }
      g_strv_builder_add (builder, l->data);
      g_strv_builder_add (builder, value);
      n++;
    }

  return g_strv_builder_end (builder);
}
