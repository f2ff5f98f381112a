/* govorun-voximplant-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Downloading call recordings (the record_url of GetCallHistory). With a
 * service-account key the request carries "Authorization: Bearer <JWT>",
 * which recordings of applications with secure_record_storage need; with
 * the legacy API key only public recordings can be fetched. Storage
 * servers honour HTTP Range, so a player or a cache can fetch a part.
 */

typedef struct _GovorunVoximplantClient GovorunVoximplantClient;

typedef struct
{
  GBytes *data;
  gint64  offset;        /* where @data starts in the file */
  gint64  total_size;    /* the whole file; -1 when the server did not say */
  char   *content_type;  /* may be NULL */
} GovorunVoximplantRecordData;

#define GOVORUN_TYPE_VOXIMPLANT_RECORD_DATA (govorun_voximplant_record_data_get_type ())

GType                        govorun_voximplant_record_data_get_type (void) G_GNUC_CONST;
GovorunVoximplantRecordData *govorun_voximplant_record_data_copy     (const GovorunVoximplantRecordData *data);
void                         govorun_voximplant_record_data_free     (GovorunVoximplantRecordData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantRecordData, govorun_voximplant_record_data_free)

/* GETs @record_url, from @offset for @length bytes (-1: to the end; 0 and
 * -1 fetch the whole file without a Range header).
 * Errors: NOT_FOUND (deleted or expired), AUTH_FAILED (secure storage and
 * no or a rejected token), INVALID_ARGUMENT (@offset past the end),
 * SERVER, BAD_RESPONSE, or the transport's. */
void                         govorun_voximplant_client_download_record_async  (GovorunVoximplantClient  *self,
                                                                              const char               *record_url,
                                                                              gint64                    offset,
                                                                              gint64                    length,
                                                                              GCancellable             *cancellable,
                                                                              GAsyncReadyCallback       callback,
                                                                              gpointer                  user_data);
GovorunVoximplantRecordData *govorun_voximplant_client_download_record_finish (GovorunVoximplantClient  *self,
                                                                              GAsyncResult             *result,
                                                                              GError                  **error);

G_END_DECLS
