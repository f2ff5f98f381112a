/* govorun-recordings.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-agent-store.h"
#include "govorun-call-record.h"

G_BEGIN_DECLS

/*
 * What the call details need from below: one call with its transcript and
 * details, and its audio, downloaded once into a size-bounded cache.
 *
 * The audio is the Voximplant recording (record_url; the account's JWT
 * when the storage is secure; fetched in Range pieces, so an interrupted
 * download resumes) or else ElevenLabs' conversation audio. Cached files
 * are named by a hash of the call's provider id, never by a URL or a key;
 * a download in progress is a ".part" file that is never handed out as a
 * recording. Past the limit (:cache-limit-mb, the GSettings key
 * recording-cache-mb) the least recently played files go.
 */

/* Opaque to the views. */
typedef struct _GovorunStore GovorunStore;
typedef struct _GovorunClientFactory GovorunClientFactory;

#define GOVORUN_RECORDINGS_ERROR (govorun_recordings_error_quark ())

typedef enum
{
  GOVORUN_RECORDINGS_ERROR_NO_RECORDING = 1, /* neither provider has audio of the call */
  GOVORUN_RECORDINGS_ERROR_NO_ACCOUNT,       /* the account the call came from is gone */
  GOVORUN_RECORDINGS_ERROR_DOWNLOAD,         /* the provider refused or the connection failed */
  GOVORUN_RECORDINGS_ERROR_CACHE,            /* the cache folder could not be written */
} GovorunRecordingsError;

GQuark govorun_recordings_error_quark (void);

#define GOVORUN_TYPE_RECORDINGS (govorun_recordings_get_type ())

G_DECLARE_FINAL_TYPE (GovorunRecordings, govorun_recordings, GOVORUN, RECORDINGS, GObject)

/* @cache_dir is created when needed; @store must be open before use. */
GovorunRecordings *govorun_recordings_new                (GovorunStore          *store,
                                                          GovorunClientFactory  *factory,
                                                          GovorunAccountStore   *accounts,
                                                          GovorunAgentStore     *agents,
                                                          const char            *cache_dir);

const char        *govorun_recordings_get_cache_dir      (GovorunRecordings     *self);
guint              govorun_recordings_get_cache_limit_mb (GovorunRecordings     *self);
void               govorun_recordings_set_cache_limit_mb (GovorunRecordings     *self,
                                                          guint                  limit_mb);

/* The call with row @call_id, with its transcript and details. */
void               govorun_recordings_fetch_call_async   (GovorunRecordings     *self,
                                                          gint64                 call_id,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
GovorunCallRecord *govorun_recordings_fetch_call_finish  (GovorunRecordings     *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);

/* Whether the call has audio at either provider. */
gboolean           govorun_recordings_has_audio          (GovorunRecordings     *self,
                                                          GovorunCallRecord     *call);
/* The cached recording of @call (a record from fetch_call), or NULL when it
 * is not (completely) downloaded. Marks it as recently used. */
char              *govorun_recordings_lookup             (GovorunRecordings     *self,
                                                          GovorunCallRecord     *call);

/* Downloads @call's recording unless it is cached; @progress (nullable)
 * runs on the calling thread's main context with bytes so far and the
 * total (-1 when not known yet). Returns the cached file's path. */
void               govorun_recordings_download_async     (GovorunRecordings     *self,
                                                          GovorunCallRecord     *call,
                                                          GFileProgressCallback  progress,
                                                          gpointer               progress_data,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
char              *govorun_recordings_download_finish    (GovorunRecordings     *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);

G_END_DECLS
