/* govorun-recordings-download.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "govorun-elevenlabs-conversations.h"
#include "govorun-recordings-private.h"
#include "govorun-voximplant-client.h"
#include "govorun-voximplant-records.h"

/* A call's audio into the cache: the Voximplant recording in Range pieces
 * appended to "<name>.part" (so a failed download resumes where it
 * stopped), or ElevenLabs' conversation audio in one piece; the part
 * becomes the recording only when it is whole. */

typedef struct
{
  GovorunCallRecord     *call;
  char                  *path;
  char                  *part;
  GovorunAccount        *account;
  GovorunVoximplantClient *vox;
  GFileProgressCallback  progress;
  gpointer               progress_data;
  gint64                 total;
} Download;

static void
download_free (Download *download)
{
  g_clear_object (&download->call);
  g_free (download->path);
  g_free (download->part);
  g_clear_object (&download->account);
  g_clear_object (&download->vox);
  g_free (download);
}

static void
return_download_error (GTask        *task,
                       const char   *provider,
                       GError       *error)
{
  Download *download = g_task_get_task_data (task);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Secure storage opens only to a service account's token: say so rather
   * than that the key is wrong (it works for everything else). */
  if (g_error_matches (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED) &&
      govorun_account_get_vox_auth (download->account) == GOVORUN_VOXIMPLANT_AUTH_API_KEY)
    {
      g_task_return_new_error (task, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_DOWNLOAD,
                               _("This recording is in Voximplant’s secure storage, which only a service account key opens. Add the account with a service account key file to play it. %s"),
                               govorun_voximplant_error_get_detail (error));
      g_error_free (error);
      return;
    }
  /* The provider's message already names its code and what it means. */
  g_task_return_new_error (task, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_DOWNLOAD,
                           _("The recording could not be downloaded from %s. %s"),
                           provider, error->message);
  g_error_free (error);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static gboolean
append (const char  *path,
        GBytes      *bytes,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  gsize written = 0;

  stream = g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL, error);
  return stream != NULL &&
         g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), &written, NULL, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

static void
report_progress (Download *download)
{
  if (download->progress != NULL)
    download->progress (file_size (download->part), download->total, download->progress_data);
}

/* The part is whole: it becomes the recording, and older ones make room. */
static void
complete (GTask *task)
{
  GovorunRecordings *self = g_task_get_source_object (task);
  Download *download = g_task_get_task_data (task);

  if (g_rename (download->part, download->path) != 0)
    {
      g_task_return_new_error (task, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_CACHE,
                               _("The recording could not be saved in the cache: %s."),
                               g_strerror (errno));
      return;
    }
  _govorun_recordings_evict (self, download->path);
  g_task_return_pointer (task, g_strdup (download->path), g_free);
}

static gboolean
write_piece (GTask  *task,
             GBytes *bytes)
{
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (append (download->part, bytes, &error))
    return TRUE;
  g_task_return_new_error (task, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_CACHE,
                           _("The recording could not be saved in the cache: %s."),
                           error->message);
  return FALSE;
}

/* --- Voximplant: Range pieces ------------------------------------------- */

static void fetch_next_piece (GTask *task);

static void
on_piece (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantRecordData) data = NULL;
  GError *error = NULL;
  goffset have = file_size (download->part);

  data = govorun_voximplant_client_download_record_finish (GOVORUN_VOXIMPLANT_CLIENT (source),
                                                           result, &error);
  if (data == NULL)
    {
      return_download_error (task, "Voximplant", error);
      return;
    }
  /* A server that ignores Range sends the whole file: start the part over. */
  if (data->offset == 0 && have > 0)
    {
      g_unlink (download->part);
      have = 0;
    }
  if (data->offset != have)
    {
      g_unlink (download->part);
      g_task_return_new_error (task, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_DOWNLOAD,
                               _("The recording could not be downloaded from %s. %s"), "Voximplant",
                               _("The storage server sent a different part of the file than asked for."));
      return;
    }
  if (!write_piece (task, data->data))
    return;

  download->total = data->total_size;
  report_progress (download);
  if (data->total_size < 0 || file_size (download->part) >= data->total_size ||
      g_bytes_get_size (data->data) == 0)
    complete (task);
  else
    fetch_next_piece (task);
}

static void
fetch_next_piece (GTask *task)
{
  GovorunRecordings *self = g_task_get_source_object (task);
  Download *download = g_task_get_task_data (task);
  const GovorunCallInfo *details = govorun_call_record_get_info (download->call);

  govorun_voximplant_client_download_record_async (download->vox, details->record_url,
                                                   file_size (download->part),
                                                   _govorun_recordings_get_chunk (self),
                                                   g_task_get_cancellable (task),
                                                   on_piece, g_object_ref (task));
}

static void
on_vox_client (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  GError *error = NULL;

  download->vox = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (source),
                                                           result, &error);
  if (download->vox == NULL)
    {
      return_download_error (task, "Voximplant", error);
      return;
    }
  fetch_next_piece (task);
}

/* --- ElevenLabs: one piece ----------------------------------------------- */

static void
on_el_audio (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GBytes) audio = NULL;
  GError *error = NULL;

  audio = govorun_elevenlabs_client_download_conversation_audio_finish (GOVORUN_ELEVENLABS_CLIENT (source),
                                                                        result, &error);
  if (audio == NULL)
    {
      return_download_error (task, "ElevenLabs", error);
      return;
    }
  g_unlink (download->part);
  if (!write_piece (task, audio))
    return;
  download->total = g_bytes_get_size (audio);
  report_progress (download);
  complete (task);
}

static void
on_el_client (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GovorunElevenlabsClient) client = NULL;
  GError *error = NULL;

  client = govorun_client_factory_elevenlabs_finish (GOVORUN_CLIENT_FACTORY (source), result, &error);
  if (client == NULL)
    {
      return_download_error (task, "ElevenLabs", error);
      return;
    }
  govorun_elevenlabs_client_download_conversation_audio_async (client,
                                                               govorun_call_record_get_el_conversation_id (download->call),
                                                               g_task_get_cancellable (task),
                                                               on_el_audio, g_object_ref (task));
}

/* --- start ---------------------------------------------------------------- */

/* The account a side of the call was synced from, else the agent's. */
static GovorunAccount *
find_account (GovorunRecordings *self,
              GovorunCallRecord *call,
              gboolean           voximplant)
{
  const GovorunCallInfo *details = govorun_call_record_get_info (call);
  const char *uuid = voximplant ? details->vox_account_uuid : details->el_account_uuid;
  GovorunAccount *account = NULL;

  if (uuid == NULL && govorun_call_record_get_agent_uuid (call) != NULL)
    {
      GovorunAgent *agent = govorun_agent_store_find_by_uuid (_govorun_recordings_get_agents (self),
                                                              govorun_call_record_get_agent_uuid (call));

      if (agent != NULL)
        uuid = voximplant ? govorun_agent_get_vox_account_uuid (agent)
                          : govorun_agent_get_el_account_uuid (agent);
    }
  if (uuid != NULL)
    account = govorun_account_store_find_by_uuid (_govorun_recordings_get_accounts (self), uuid);
  return account != NULL ? g_object_ref (account) : NULL;
}

void
govorun_recordings_download_async (GovorunRecordings     *self,
                                   GovorunCallRecord     *call,
                                   GFileProgressCallback  progress,
                                   gpointer               progress_data,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const GovorunCallInfo *details;
  Download *download;
  gboolean voximplant;
  char *cached;

  g_return_if_fail (GOVORUN_IS_RECORDINGS (self));
  g_return_if_fail (GOVORUN_IS_CALL_RECORD (call));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_recordings_download_async);

  if (!govorun_recordings_has_audio (self, call))
    {
      g_task_return_new_error (task, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_NO_RECORDING,
                               _("This call has no recording: neither Voximplant nor ElevenLabs kept its audio."));
      return;
    }
  if ((cached = govorun_recordings_lookup (self, call)) != NULL)
    {
      g_task_return_pointer (task, cached, g_free);
      return;
    }
  if (!_govorun_recordings_ensure_dir (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  details = govorun_call_record_get_info (call);
  voximplant = details->record_url != NULL;
  download = g_new0 (Download, 1);
  download->call = g_object_ref (call);
  download->path = _govorun_recordings_path_for (self, call);
  download->part = g_strconcat (download->path, ".part", NULL);
  download->progress = progress;
  download->progress_data = progress_data;
  download->total = -1;
  download->account = find_account (self, call, voximplant);
  g_task_set_task_data (task, download, (GDestroyNotify) download_free);

  if (download->account == NULL)
    {
      g_task_return_new_error (task, GOVORUN_RECORDINGS_ERROR, GOVORUN_RECORDINGS_ERROR_NO_ACCOUNT,
                               _("The %s account this call came from is no longer in Govorun, so its recording cannot be downloaded."),
                               voximplant ? "Voximplant" : "ElevenLabs");
      return;
    }
  if (voximplant)
    govorun_client_factory_voximplant_async (_govorun_recordings_get_factory (self), download->account,
                                             NULL, cancellable, on_vox_client, g_steal_pointer (&task));
  else
    govorun_client_factory_elevenlabs_async (_govorun_recordings_get_factory (self), download->account,
                                             NULL, cancellable, on_el_client, g_steal_pointer (&task));
}

char *
govorun_recordings_download_finish (GovorunRecordings  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
