/* fuzz-json.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "govorun-json.h"

/* libFuzzer entry point: the bounded JSON reader, for every kind of input,
 * gives a tree or an error, never both; a tree never nests deeper than the
 * limit (the byte scan saw every bracket json-glib saw). */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Recursion is safe here: the reader has bounded the depth. */
static guint
depth_of (JsonNode *node)
{
  guint deepest = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        deepest = MAX (deepest, depth_of (json_array_get_element (array, i)));
      return deepest + 1;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        deepest = MAX (deepest, depth_of (l->data));
      return deepest + 1;
    }

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const GovorunJsonKind kinds[] = {
    GOVORUN_JSON_ANSWER, GOVORUN_JSON_CREDENTIALS, GOVORUN_JSON_REQUEST,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = govorun_json_parse ((const char *) data, size, kinds[i], &error);

      g_assert ((root == NULL) == (error != NULL));
      if (root == NULL)
        {
          g_assert (error->domain == GOVORUN_JSON_ERROR);
          continue;
        }
      g_assert (size <= govorun_json_max_size (kinds[i]));
      g_assert (depth_of (root) <= GOVORUN_JSON_MAX_DEPTH);
    }

  return 0;
}
