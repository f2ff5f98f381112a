/* govorun-recordings-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-client-factory.h"
#include "govorun-recordings.h"

G_BEGIN_DECLS

/* What the cache (govorun-recordings.c) and the download
 * (govorun-recordings-download.c) share. */

/* Bytes fetched with one Range request: small enough that an interrupted
 * download loses little, large enough to be few requests. Tests shrink it. */
#define GOVORUN_RECORDINGS_CHUNK_SIZE (256 * 1024)

GovorunClientFactory *_govorun_recordings_get_factory  (GovorunRecordings *self);
GovorunAccountStore  *_govorun_recordings_get_accounts (GovorunRecordings *self);
GovorunAgentStore    *_govorun_recordings_get_agents   (GovorunRecordings *self);
gsize                 _govorun_recordings_get_chunk    (GovorunRecordings *self);
void                  _govorun_recordings_set_chunk    (GovorunRecordings *self,
                                                        gsize              chunk);
/* The complete file's path for @call (whether or not it exists); NULL
 * when the call has no provider id. */
char                 *_govorun_recordings_path_for     (GovorunRecordings *self,
                                                        GovorunCallRecord *call);
/* Makes sure the cache folder exists. */
gboolean              _govorun_recordings_ensure_dir   (GovorunRecordings *self,
                                                        GError           **error);
/* Removes the least recently used complete files (never @keep) until the
 * folder fits the limit. */
void                  _govorun_recordings_evict        (GovorunRecordings *self,
                                                        const char        *keep);

G_END_DECLS
