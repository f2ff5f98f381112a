/* govorun-bitrix24-crm.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBitrix24"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-bitrix24-crm.h"
#include "govorun-bitrix24-client-private.h"

/*
 * crm.duplicate.findbycomm ({type, values} → {"CONTACT":[ids],"LEAD":[ids],…}),
 * crm.lead.add and crm.activity.add ({fields} → id). Field names from the
 * Bitrix24 REST documentation (bitrix24/b24restdocs, crm/timeline/activities
 * and crm/auxiliary/duplicates); crm.activity.add is frozen in favour of
 * crm.activity.todo.add but still documented as working, and only it can
 * make a *call* activity.
 */

typedef struct
{
  GovorunBitrix24Owner type;
  gint64               id;
} Match;

static gint64
first_id (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  gint64 id = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;
  array = json_node_get_array (node);
  for (guint i = 0; i < MIN (json_array_get_length (array), 50); i++)
    if (_govorun_bitrix24_read_int (json_array_get_element (array, i), &id) && id > 0)
      return id;
  return 0;
}

static gpointer
parse_match (JsonNode  *result,
             GError   **error)
{
  static const struct { const char *name; GovorunBitrix24Owner type; } order[] = {
    { "CONTACT", GOVORUN_BITRIX24_OWNER_CONTACT },
    { "LEAD", GOVORUN_BITRIX24_OWNER_LEAD },
    { "COMPANY", GOVORUN_BITRIX24_OWNER_COMPANY },
  };
  Match *match = g_new0 (Match, 1);

  /* No match is an empty array (PHP's empty map), not an object. */
  if (JSON_NODE_HOLDS_ARRAY (result))
    return match;
  if (!JSON_NODE_HOLDS_OBJECT (result))
    {
      g_free (match);
      g_set_error_literal (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_BAD_RESPONSE,
                           _("Bitrix24 gave an answer Govorun did not expect."));
      return NULL;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (order) && match->id == 0; i++)
    if ((match->id = first_id (json_node_get_object (result), order[i].name)) > 0)
      match->type = order[i].type;
  return match;
}

void
govorun_bitrix24_find_by_phone_async (GovorunBitrix24Client *client,
                                      const char            *phone,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  JsonObject *params = json_object_new ();
  JsonArray *values = json_array_new ();

  g_return_if_fail (phone != NULL);

  json_object_set_string_member (params, "type", "PHONE");
  json_array_add_string_element (values, phone);
  json_object_set_array_member (params, "values", values);
  _govorun_bitrix24_client_call_async (client, "crm.duplicate.findbycomm", params, parse_match,
                                       g_free, govorun_bitrix24_find_by_phone_async, cancellable,
                                       callback, user_data);
}

gboolean
govorun_bitrix24_find_by_phone_finish (GovorunBitrix24Client  *client,
                                       GAsyncResult           *result,
                                       GovorunBitrix24Owner   *out_type,
                                       gint64                 *out_id,
                                       GError                **error)
{
  g_autofree Match *match = _govorun_bitrix24_client_call_finish (client, result,
                                                                 govorun_bitrix24_find_by_phone_async,
                                                                 error);

  if (match == NULL)
    return FALSE;
  if (out_type != NULL)
    *out_type = match->type;
  if (out_id != NULL)
    *out_id = match->id;
  return TRUE;
}

static JsonArray *
phone_field (const char *phone)
{
  JsonArray *array = json_array_new ();
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, "VALUE", phone);
  json_object_set_string_member (item, "VALUE_TYPE", "WORK");
  json_array_add_object_element (array, item);
  return array;
}

void
govorun_bitrix24_add_lead_async (GovorunBitrix24Client *client,
                                 const char            *title,
                                 const char            *phone,
                                 gint64                 responsible_id,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  JsonObject *params = json_object_new ();
  JsonObject *fields = json_object_new ();

  g_return_if_fail (title != NULL && phone != NULL);

  json_object_set_string_member (fields, "TITLE", title);
  json_object_set_array_member (fields, "PHONE", phone_field (phone));
  json_object_set_string_member (fields, "SOURCE_ID", "CALL");
  if (responsible_id > 0)
    json_object_set_int_member (fields, "ASSIGNED_BY_ID", responsible_id);
  json_object_set_object_member (params, "fields", fields);
  _govorun_bitrix24_client_call_async (client, "crm.lead.add", params, _govorun_bitrix24_parse_id,
                                       g_free, govorun_bitrix24_add_lead_async, cancellable, callback,
                                       user_data);
}

gint64
govorun_bitrix24_add_lead_finish (GovorunBitrix24Client  *client,
                                  GAsyncResult           *result,
                                  GError                **error)
{
  return _govorun_bitrix24_id_finish (client, result, govorun_bitrix24_add_lead_async, error);
}

static char *
format_time (gint64 unix_s)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (MAX (unix_s, 0));

  return when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%S+00:00") : NULL;
}

void
govorun_bitrix24_add_activity_async (GovorunBitrix24Client         *client,
                                     const GovorunBitrix24Activity *a,
                                     GCancellable                  *cancellable,
                                     GAsyncReadyCallback            callback,
                                     gpointer                       user_data)
{
  JsonObject *params = json_object_new ();
  JsonObject *fields = json_object_new ();
  JsonArray *communications = json_array_new ();
  JsonObject *communication = json_object_new ();
  g_autofree char *start = format_time (a->start_time);
  g_autofree char *end = format_time (a->start_time + a->duration);

  g_return_if_fail (a != NULL && a->phone != NULL && a->subject != NULL);

  json_object_set_int_member (fields, "OWNER_TYPE_ID", a->owner_type);
  json_object_set_int_member (fields, "OWNER_ID", a->owner_id);
  json_object_set_int_member (fields, "TYPE_ID", 2);           /* a call */
  json_object_set_int_member (fields, "DIRECTION", a->incoming ? 1 : 2);
  json_object_set_string_member (fields, "SUBJECT", a->subject);
  json_object_set_string_member (fields, "DESCRIPTION", a->description != NULL ? a->description : "");
  json_object_set_int_member (fields, "DESCRIPTION_TYPE", 1);  /* plain text */
  json_object_set_string_member (fields, "COMPLETED", "Y");
  if (start != NULL && end != NULL)
    {
      json_object_set_string_member (fields, "START_TIME", start);
      json_object_set_string_member (fields, "END_TIME", end);
    }
  if (a->responsible_id > 0)
    json_object_set_int_member (fields, "RESPONSIBLE_ID", a->responsible_id);
  json_object_set_string_member (communication, "VALUE", a->phone);
  json_object_set_int_member (communication, "ENTITY_ID", a->owner_id);
  json_object_set_int_member (communication, "ENTITY_TYPE_ID", a->owner_type);
  json_array_add_object_element (communications, communication);
  json_object_set_array_member (fields, "COMMUNICATIONS", communications);
  json_object_set_object_member (params, "fields", fields);
  _govorun_bitrix24_client_call_async (client, "crm.activity.add", params, _govorun_bitrix24_parse_id,
                                       g_free, govorun_bitrix24_add_activity_async, cancellable,
                                       callback, user_data);
}

gint64
govorun_bitrix24_add_activity_finish (GovorunBitrix24Client  *client,
                                      GAsyncResult           *result,
                                      GError                **error)
{
  return _govorun_bitrix24_id_finish (client, result, govorun_bitrix24_add_activity_async, error);
}
