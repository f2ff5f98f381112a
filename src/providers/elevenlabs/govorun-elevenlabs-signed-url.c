/* govorun-elevenlabs-signed-url.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsClient"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-elevenlabs-client-private.h"
#include "govorun-elevenlabs-json-private.h"
#include "govorun-elevenlabs-signed-url.h"
#include "govorun-json.h"

/* Longer than any real signed URL; the rest is refused. */
#define MAX_URL_LENGTH 4096

static gboolean
host_is_loopback (const char *host)
{
  return g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "localhost") == 0 ||
         g_strcmp0 (host, "::1") == 0 || g_strcmp0 (host, "[::1]") == 0;
}

static char *
parse_signed_url_root (JsonNode  *root,
                       GError   **error)
{
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  JsonObject *object;
  const char *scheme;

  if ((object = govorun_elevenlabs_json_root_object (root, error)) == NULL ||
      !govorun_elevenlabs_json_read_string (object, NULL, "signed_url", FIELD_REQUIRED, &url, error))
    return NULL;

  if (strlen (url) > MAX_URL_LENGTH || (uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL)) == NULL)
    {
      govorun_elevenlabs_json_bad_field (error, "signed_url");
      return NULL;
    }

  /* A key must never send us to a plain-text socket elsewhere. */
  scheme = g_uri_get_scheme (uri);
  if (!(g_ascii_strcasecmp (scheme, "wss") == 0 ||
        (g_ascii_strcasecmp (scheme, "ws") == 0 && host_is_loopback (g_uri_get_host (uri)))) ||
      !g_str_has_suffix (g_uri_get_path (uri), "/v1/convai/conversation"))
    {
      govorun_elevenlabs_json_bad_field (error, "signed_url");
      return NULL;
    }

  return g_steal_pointer (&url);
}

char *
_govorun_elevenlabs_parse_signed_url (const char  *json,
                                      gsize        length,
                                      GError     **error)
{
  g_autoptr(JsonNode) root = govorun_json_parse (json, length, GOVORUN_JSON_ANSWER, NULL);

  if (root == NULL)
    {
      g_set_error_literal (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE,
                           _("ElevenLabs sent an answer that is not valid JSON."));
      return NULL;
    }

  return parse_signed_url_root (root, error);
}

static void
on_signed_url (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _govorun_elevenlabs_client_return_parsed (GOVORUN_ELEVENLABS_CLIENT (source), result, task,
                                            (GovorunElevenlabsParseFunc) parse_signed_url_root, g_free);
}

void
govorun_elevenlabs_client_get_signed_url_async (GovorunElevenlabsClient *self,
                                                const char              *agent_id,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = g_string_new ("/v1/convai/conversation/get-signed-url");

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (agent_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_get_signed_url_async);

  _govorun_elevenlabs_append_query (path, "agent_id", agent_id);
  /* A new signature each time: not a read to repeat blindly, but harmless. */
  _govorun_elevenlabs_client_request_json_async (self, "GET", path->str, NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_signed_url, g_steal_pointer (&task));
}

char *
govorun_elevenlabs_client_get_signed_url_finish (GovorunElevenlabsClient  *self,
                                                 GAsyncResult             *result,
                                                 GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_get_signed_url_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
