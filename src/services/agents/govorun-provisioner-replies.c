/* govorun-provisioner-replies.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-provisioner-private.h"

/* Reading Voximplant's JSON answers: members of the documented types
 * only; anything else is a bad response, never a crash. */

void
_govorun_provisioner_set_bad_response (GError     **error,
                                       const char  *method)
{
  g_set_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE,
               _("Voximplant answered %s with data Govorun does not understand. Try again later."),
               method);
}

gboolean
_govorun_provisioner_member_int (JsonObject *object,
                                 const char *name,
                                 gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

const char *
_govorun_provisioner_member_string (JsonObject *object,
                                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The "result" array of a list reply, items checked to be objects. */
static JsonArray *
result_array (JsonObject  *reply,
              const char  *method,
              GError     **error)
{
  JsonNode *node = json_object_get_member (reply, "result");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      _govorun_provisioner_set_bad_response (error, method);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      {
        _govorun_provisioner_set_bad_response (error, method);
        return NULL;
      }
  return array;
}

/* The items of a list reply during the check, or NULL after failing the
 * run's check step (no answer, or not the documented shape). */
JsonArray *
_govorun_provisioner_read_list (Run        *run,
                                JsonObject *reply,
                                GError     *error,
                                const char *method)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *items;

  if (reply == NULL)
    {
      _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, error);
      return NULL;
    }
  if ((items = result_array (reply, method, &local_error)) == NULL)
    {
      _govorun_provisioner_run_fail (run, "check", WHAT_READ, NULL, local_error);
      return NULL;
    }
  return items;
}

