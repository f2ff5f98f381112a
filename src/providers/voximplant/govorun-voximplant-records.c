/* govorun-voximplant-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include <gnutls/gnutls.h>

#include "govorun-voximplant-client-private.h"
#include "govorun-voximplant-records.h"

/* Recording downloads: reference §2, "Recording access". */

#define JWT_TTL_SECONDS 60

GovorunVoximplantRecordData *
govorun_voximplant_record_data_copy (const GovorunVoximplantRecordData *data)
{
  GovorunVoximplantRecordData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = g_memdup2 (data, sizeof *data);
  copy->data = data->data != NULL ? g_bytes_ref (data->data) : NULL;
  copy->content_type = g_strdup (data->content_type);
  return copy;
}

void
govorun_voximplant_record_data_free (GovorunVoximplantRecordData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->data, g_bytes_unref);
  g_free (data->content_type);
  g_free (data);
}

G_DEFINE_BOXED_TYPE (GovorunVoximplantRecordData, govorun_voximplant_record_data,
                     govorun_voximplant_record_data_copy, govorun_voximplant_record_data_free)

/* Shared by the transport (one message per attempt) and the task (which
 * reads the last answer's headers), hence reference counted. */
typedef struct
{
  char                         *url;
  char                         *range;        /* NULL: the whole file */
  GovorunVoximplantCredentials *credentials;  /* NULL: no Authorization */
  SoupMessage                  *last;
} Download;

static void
download_clear (Download *download)
{
  g_free (download->url);
  g_free (download->range);
  g_clear_object (&download->credentials);
  g_clear_object (&download->last);
}

static void
download_release (Download *download)
{
  g_atomic_rc_box_release_full (download, (GDestroyNotify) download_clear);
}

/* Runs once per attempt: a retried request gets a fresh token. */
static SoupMessage *
make_message (gpointer user_data)
{
  Download *download = user_data;
  SoupMessage *msg = soup_message_new (SOUP_METHOD_GET, download->url);
  SoupMessageHeaders *headers;

  if (msg == NULL)
    return NULL;

  headers = soup_message_get_request_headers (msg);
  if (download->range != NULL)
    soup_message_headers_replace (headers, "Range", download->range);
  if (download->credentials != NULL)
    {
      g_autoptr(GError) error = NULL;
      char *jwt = govorun_voximplant_credentials_sign_jwt (download->credentials,
                                                          g_get_real_time () / G_USEC_PER_SEC,
                                                          JWT_TTL_SECONDS, &error);

      if (jwt != NULL)
        {
          g_autofree char *header = g_strconcat ("Bearer ", jwt, NULL);

          soup_message_headers_replace (headers, "Authorization", header);
          gnutls_memset (header, 0, strlen (header));
          gnutls_memset (jwt, 0, strlen (jwt));
          g_free (jwt);
        }
      else
        {
          g_debug ("Downloading a recording without a token: %s", error->message);
        }
    }

  g_set_object (&download->last, msg);
  return msg;
}

static GovorunVoximplantError
error_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      return GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED;
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      return GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND;
    case SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE:
      return GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT;
    default:
      return status >= 500 ? GOVORUN_VOXIMPLANT_ERROR_SERVER : GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE;
    }
}

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantRecordData) data = g_new0 (GovorunVoximplantRecordData, 1);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status = 0;
  guint attempts = 0;

  body = govorun_http_send_finish (GOVORUN_HTTP (source), result, &status, &attempts, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Recording download: HTTP %u after %u attempt(s)", status, attempts);
  if (status != SOUP_STATUS_OK && status != SOUP_STATUS_PARTIAL_CONTENT)
    {
      g_task_return_error (task, _govorun_voximplant_error_new_for_status (error_for_status (status), status,
                                                                           download->credentials != NULL));
      return;
    }

  headers = soup_message_get_response_headers (download->last);
  data->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  data->total_size = -1;
  if (status == SOUP_STATUS_PARTIAL_CONTENT)
    {
      goffset start = 0, end = 0, total = -1;

      if (!soup_message_headers_get_content_range (headers, &start, &end, &total))
        {
          g_task_return_error (task, _govorun_voximplant_error_new_for_status (GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE,
                                                                               status, download->credentials != NULL));
          return;
        }
      data->offset = start;
      data->total_size = total;
    }
  else
    {
      /* A whole file, whatever was asked: the caller gets it from 0. */
      data->total_size = g_bytes_get_size (body);
    }
  data->data = g_steal_pointer (&body);

  g_task_return_pointer (task, g_steal_pointer (&data), (GDestroyNotify) govorun_voximplant_record_data_free);
}

void
govorun_voximplant_client_download_record_async (GovorunVoximplantClient *self,
                                                 const char              *record_url,
                                                 gint64                   offset,
                                                 gint64                   length,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  GovorunVoximplantCredentials *credentials;
  Download *download;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self));
  g_return_if_fail (record_url != NULL);
  g_return_if_fail (offset >= 0 && length >= -1);

  download = g_atomic_rc_box_new0 (Download);
  download->url = g_strdup (record_url);
  if (length > 0)
    download->range = g_strdup_printf ("bytes=%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, offset, offset + length - 1);
  else if (offset > 0)
    download->range = g_strdup_printf ("bytes=%" G_GINT64_FORMAT "-", offset);
  credentials = _govorun_voximplant_client_get_credentials (self);
  if (credentials != NULL)
    download->credentials = g_object_ref (credentials);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_voximplant_client_download_record_async);
  g_task_set_task_data (task, download, (GDestroyNotify) download_release);

  govorun_http_send_async (_govorun_voximplant_client_get_http (self), make_message,
                           g_atomic_rc_box_acquire (download), (GDestroyNotify) download_release,
                           GOVORUN_HTTP_FLAGS_IDEMPOTENT, NULL, NULL, cancellable, on_downloaded,
                           g_steal_pointer (&task));
}

GovorunVoximplantRecordData *
govorun_voximplant_client_download_record_finish (GovorunVoximplantClient  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_voximplant_client_download_record_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
