/* govorun-bitrix24-telephony.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBitrix24"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-bitrix24-telephony.h"
#include "govorun-bitrix24-client-private.h"

/*
 * telephony.externalCall.register → finish → attachRecord →
 * telephony.call.attachTranscription, and externalLine.add
 * (/work/shared/reference/bitrix24.md §3–6). Flags are sent as 0/1
 * integers: PHP truthiness takes the string "false" as on.
 */

#define FIELD_MAX 1000

G_DEFINE_BOXED_TYPE (GovorunBitrix24Registered, govorun_bitrix24_registered,
                     govorun_bitrix24_registered_copy, govorun_bitrix24_registered_free)

GovorunBitrix24Registered *
govorun_bitrix24_registered_copy (const GovorunBitrix24Registered *r)
{
  GovorunBitrix24Registered *copy = g_new0 (GovorunBitrix24Registered, 1);

  *copy = *r;
  copy->call_id = g_strdup (r->call_id);
  copy->crm_entity_type = g_strdup (r->crm_entity_type);
  copy->lead_creation_error = g_strdup (r->lead_creation_error);
  return copy;
}

void
govorun_bitrix24_registered_free (GovorunBitrix24Registered *r)
{
  if (r == NULL)
    return;
  g_free (r->call_id);
  g_free (r->crm_entity_type);
  g_free (r->lead_creation_error);
  g_free (r);
}

static void
bad_response (GError **error)
{
  g_set_error_literal (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_BAD_RESPONSE,
                       _("Bitrix24 gave an answer Govorun did not expect."));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || strlen (json_node_get_string (node)) > FIELD_MAX)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  gint64 value = 0;

  if (!_govorun_bitrix24_read_int (json_object_get_member (object, name), &value) || value < 0)
    return 0;
  return value;
}

static void
set_text (JsonObject *params,
          const char *name,
          const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (params, name, value);
}

/* ---- register ---- */

static gpointer
parse_registered (JsonNode  *result,
                  GError   **error)
{
  GovorunBitrix24Registered *r;
  JsonObject *object;
  const char *call_id;
  JsonArray *created;

  if (!JSON_NODE_HOLDS_OBJECT (result)
      || (call_id = member_string (object = json_node_get_object (result), "CALL_ID")) == NULL
      || *call_id == '\0' || strlen (call_id) > 128)
    {
      bad_response (error);
      return NULL;
    }
  r = g_new0 (GovorunBitrix24Registered, 1);
  r->call_id = g_strdup (call_id);
  r->crm_created_lead = member_int (object, "CRM_CREATED_LEAD");
  r->crm_entity_type = g_strdup (member_string (object, "CRM_ENTITY_TYPE"));
  r->crm_entity_id = member_int (object, "CRM_ENTITY_ID");
  r->lead_creation_error = g_strdup (member_string (object, "LEAD_CREATION_ERROR"));
  /* Newer portals list what they made; take a lead from there too. */
  if (r->crm_created_lead == 0 && json_object_has_member (object, "CRM_CREATED_ENTITIES")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "CRM_CREATED_ENTITIES")))
    {
      created = json_object_get_array_member (object, "CRM_CREATED_ENTITIES");
      for (guint i = 0; i < MIN (json_array_get_length (created), 20); i++)
        {
          JsonNode *item = json_array_get_element (created, i);

          if (JSON_NODE_HOLDS_OBJECT (item)
              && g_strcmp0 (member_string (json_node_get_object (item), "ENTITY_TYPE"), "LEAD") == 0)
            r->crm_created_lead = member_int (json_node_get_object (item), "ENTITY_ID");
        }
    }
  return r;
}

void
govorun_bitrix24_register_call_async (GovorunBitrix24Client               *client,
                                      const GovorunBitrix24RegisterParams *p,
                                      GCancellable                        *cancellable,
                                      GAsyncReadyCallback                  callback,
                                      gpointer                             user_data)
{
  JsonObject *params = json_object_new ();

  g_return_if_fail (p != NULL && p->phone_number != NULL);

  json_object_set_int_member (params, "USER_ID", p->user_id);
  json_object_set_string_member (params, "PHONE_NUMBER", p->phone_number);
  json_object_set_int_member (params, "TYPE", p->type);
  if (p->call_start > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (p->call_start);
      /* With its offset, so the portal's strtotime reads it right. */
      g_autofree char *text = when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%S+00:00") : NULL;

      set_text (params, "CALL_START_DATE", text);
    }
  json_object_set_int_member (params, "CRM_CREATE", p->crm_create ? 1 : 0);
  json_object_set_int_member (params, "SHOW", p->show ? 1 : 0);
  set_text (params, "LINE_NUMBER", p->line_number);
  set_text (params, "EXTERNAL_CALL_ID", p->external_call_id);
  _govorun_bitrix24_client_call_async (client, "telephony.externalCall.register", params,
                                       parse_registered, (GDestroyNotify) govorun_bitrix24_registered_free,
                                       govorun_bitrix24_register_call_async, cancellable, callback,
                                       user_data);
}

GovorunBitrix24Registered *
govorun_bitrix24_register_call_finish (GovorunBitrix24Client  *client,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  return _govorun_bitrix24_client_call_finish (client, result, govorun_bitrix24_register_call_async,
                                               error);
}

/* ---- finish ---- */

static gpointer
parse_finished (JsonNode  *result,
                GError   **error)
{
  gint64 activity;

  if (!JSON_NODE_HOLDS_OBJECT (result))
    {
      bad_response (error);
      return NULL;
    }
  activity = member_int (json_node_get_object (result), "CRM_ACTIVITY_ID");
  return g_memdup2 (&activity, sizeof activity);
}

void
govorun_bitrix24_finish_call_async (GovorunBitrix24Client             *client,
                                    const GovorunBitrix24FinishParams *p,
                                    GCancellable                      *cancellable,
                                    GAsyncReadyCallback                callback,
                                    gpointer                           user_data)
{
  JsonObject *params = json_object_new ();

  g_return_if_fail (p != NULL && p->call_id != NULL);

  json_object_set_string_member (params, "CALL_ID", p->call_id);
  json_object_set_int_member (params, "USER_ID", p->user_id);
  json_object_set_int_member (params, "DURATION", p->duration);
  if (p->cost > 0 && p->cost_currency != NULL)
    {
      json_object_set_double_member (params, "COST", p->cost);
      json_object_set_string_member (params, "COST_CURRENCY", p->cost_currency);
    }
  set_text (params, "STATUS_CODE", p->status_code);
  set_text (params, "FAILED_REASON", p->failed_reason);
  json_object_set_int_member (params, "ADD_TO_CHAT", 0);
  _govorun_bitrix24_client_call_async (client, "telephony.externalCall.finish", params,
                                       parse_finished, g_free, govorun_bitrix24_finish_call_async,
                                       cancellable, callback, user_data);
}

gboolean
govorun_bitrix24_finish_call_finish (GovorunBitrix24Client  *client,
                                     GAsyncResult           *result,
                                     gint64                 *out_activity_id,
                                     GError                **error)
{
  g_autofree gint64 *activity = _govorun_bitrix24_client_call_finish (client, result,
                                                                     govorun_bitrix24_finish_call_async,
                                                                     error);

  if (activity == NULL)
    return FALSE;
  if (out_activity_id != NULL)
    *out_activity_id = *activity;
  return TRUE;
}

/* ---- record and transcript ---- */

static gpointer
parse_member_id (JsonNode    *result,
                 const char  *member,
                 GError     **error)
{
  gint64 id = 0;

  if (!JSON_NODE_HOLDS_OBJECT (result)
      || !_govorun_bitrix24_read_int (json_object_get_member (json_node_get_object (result), member), &id))
    {
      bad_response (error);
      return NULL;
    }
  return g_memdup2 (&id, sizeof id);
}

static gpointer
parse_file_id (JsonNode  *result,
               GError   **error)
{
  return parse_member_id (result, "FILE_ID", error);
}

static gpointer
parse_transcript_id (JsonNode  *result,
                     GError   **error)
{
  return parse_member_id (result, "TRANSCRIPT_ID", error);
}

void
govorun_bitrix24_attach_record_async (GovorunBitrix24Client *client,
                                      const char            *call_id,
                                      const char            *record_url,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  JsonObject *params = json_object_new ();

  g_return_if_fail (call_id != NULL && record_url != NULL);

  json_object_set_string_member (params, "CALL_ID", call_id);
  json_object_set_string_member (params, "RECORD_URL", record_url);
  _govorun_bitrix24_client_call_async (client, "telephony.externalCall.attachRecord", params,
                                       parse_file_id, g_free, govorun_bitrix24_attach_record_async,
                                       cancellable, callback, user_data);
}

void
govorun_bitrix24_attach_record_content_async (GovorunBitrix24Client *client,
                                              const char            *call_id,
                                              const char            *filename,
                                              GBytes                *content,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data)
{
  JsonObject *params = json_object_new ();
  g_autofree char *encoded = NULL;
  gsize len = 0;
  const guchar *data;

  g_return_if_fail (call_id != NULL && filename != NULL && content != NULL);

  data = g_bytes_get_data (content, &len);
  encoded = g_base64_encode (data, len);
  json_object_set_string_member (params, "CALL_ID", call_id);
  json_object_set_string_member (params, "FILENAME", filename);
  json_object_set_string_member (params, "FILE_CONTENT", encoded);
  /* Same answer, same _finish as the link form. */
  _govorun_bitrix24_client_call_async (client, "telephony.externalCall.attachRecord", params,
                                       parse_file_id, g_free, govorun_bitrix24_attach_record_async,
                                       cancellable, callback, user_data);
}

gint64
govorun_bitrix24_attach_record_finish (GovorunBitrix24Client  *client,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  return _govorun_bitrix24_id_finish (client, result, govorun_bitrix24_attach_record_async, error);
}

void
govorun_bitrix24_attach_transcription_async (GovorunBitrix24Client        *client,
                                             const char                   *call_id,
                                             const GovorunBitrix24Message *messages,
                                             guint                         n_messages,
                                             GCancellable                 *cancellable,
                                             GAsyncReadyCallback           callback,
                                             gpointer                      user_data)
{
  JsonObject *params = json_object_new ();
  JsonArray *array = json_array_new ();

  g_return_if_fail (call_id != NULL);

  json_object_set_string_member (params, "CALL_ID", call_id);
  for (guint i = 0; i < n_messages; i++)
    {
      JsonObject *line = json_object_new ();

      json_object_set_string_member (line, "SIDE", messages[i].client ? "Client" : "User");
      json_object_set_int_member (line, "START_TIME", messages[i].start_time);
      json_object_set_int_member (line, "STOP_TIME", MAX (messages[i].stop_time, messages[i].start_time + 1));
      json_object_set_string_member (line, "MESSAGE", messages[i].message);
      json_array_add_object_element (array, line);
    }
  json_object_set_array_member (params, "MESSAGES", array);
  _govorun_bitrix24_client_call_async (client, "telephony.call.attachTranscription", params,
                                       parse_transcript_id, g_free,
                                       govorun_bitrix24_attach_transcription_async, cancellable,
                                       callback, user_data);
}

gint64
govorun_bitrix24_attach_transcription_finish (GovorunBitrix24Client  *client,
                                              GAsyncResult           *result,
                                              GError                **error)
{
  return _govorun_bitrix24_id_finish (client, result, govorun_bitrix24_attach_transcription_async,
                                      error);
}

/* ---- lines ---- */

static gpointer
parse_line_id (JsonNode  *result,
               GError   **error)
{
  /* {"ID": n} documented; a bare id accepted. */
  if (JSON_NODE_HOLDS_OBJECT (result))
    return parse_member_id (result, "ID", error);
  return _govorun_bitrix24_parse_id (result, error);
}

void
govorun_bitrix24_add_external_line_async (GovorunBitrix24Client *client,
                                          const char            *number,
                                          const char            *name,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data)
{
  JsonObject *params = json_object_new ();

  g_return_if_fail (number != NULL);

  json_object_set_string_member (params, "NUMBER", number);
  set_text (params, "NAME", name);
  json_object_set_string_member (params, "CRM_AUTO_CREATE", "Y");
  _govorun_bitrix24_client_call_async (client, "telephony.externalLine.add", params, parse_line_id,
                                       g_free, govorun_bitrix24_add_external_line_async, cancellable,
                                       callback, user_data);
}

gint64
govorun_bitrix24_add_external_line_finish (GovorunBitrix24Client  *client,
                                           GAsyncResult           *result,
                                           GError                **error)
{
  return _govorun_bitrix24_id_finish (client, result, govorun_bitrix24_add_external_line_async, error);
}
