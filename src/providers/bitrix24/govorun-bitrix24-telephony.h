/* govorun-bitrix24-telephony.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-bitrix24-client.h"

G_BEGIN_DECLS

/* telephony.externalCall.register's TYPE. */
typedef enum
{
  GOVORUN_BITRIX24_CALL_OUTGOING = 1,
  GOVORUN_BITRIX24_CALL_INCOMING = 2,
} GovorunBitrix24CallType;

/* What register sends; strings are borrowed. @user_id is the employee the
 * call is shown under (the webhook's user); @crm_entity_type/@_id bind the
 * call to a known entity instead of letting the portal look it up. */
typedef struct
{
  gint64                  user_id;
  const char             *phone_number;
  const char             *line_number;
  GovorunBitrix24CallType type;
  gint64                  call_start;        /* Unix seconds; 0: now */
  gboolean                crm_create;
  const char             *external_call_id;
  gboolean                show;
} GovorunBitrix24RegisterParams;

/* register's answer. @crm_created_lead is 0 when no lead was made;
 * @lead_creation_error the portal's reason when one failed. */
typedef struct
{
  char   *call_id;
  gint64  crm_created_lead;
  char   *crm_entity_type;
  gint64  crm_entity_id;
  char   *lead_creation_error;
} GovorunBitrix24Registered;

#define GOVORUN_TYPE_BITRIX24_REGISTERED (govorun_bitrix24_registered_get_type ())

GType                      govorun_bitrix24_registered_get_type (void) G_GNUC_CONST;
GovorunBitrix24Registered *govorun_bitrix24_registered_copy     (const GovorunBitrix24Registered *r);
void                       govorun_bitrix24_registered_free     (GovorunBitrix24Registered       *r);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunBitrix24Registered, govorun_bitrix24_registered_free)

/* What finish sends. @status_code: "200", "304", "486", … */
typedef struct
{
  const char *call_id;
  gint64      user_id;
  guint       duration;
  double      cost;
  const char *cost_currency;
  const char *status_code;
  const char *failed_reason;
} GovorunBitrix24FinishParams;

/* One line of telephony.call.attachTranscription. */
typedef struct
{
  gboolean    client;     /* "Client"; else "User" */
  guint       start_time; /* seconds from the start */
  guint       stop_time;  /* > start_time */
  const char *message;
} GovorunBitrix24Message;

void                       govorun_bitrix24_register_call_async        (GovorunBitrix24Client               *client,
                                                                        const GovorunBitrix24RegisterParams *params,
                                                                        GCancellable                        *cancellable,
                                                                        GAsyncReadyCallback                  callback,
                                                                        gpointer                             user_data);
GovorunBitrix24Registered *govorun_bitrix24_register_call_finish       (GovorunBitrix24Client               *client,
                                                                        GAsyncResult                        *result,
                                                                        GError                             **error);

/* _finish gives the call's CRM activity id (0 when the portal made none). */
void                       govorun_bitrix24_finish_call_async          (GovorunBitrix24Client               *client,
                                                                        const GovorunBitrix24FinishParams   *params,
                                                                        GCancellable                        *cancellable,
                                                                        GAsyncReadyCallback                  callback,
                                                                        gpointer                             user_data);
gboolean                   govorun_bitrix24_finish_call_finish         (GovorunBitrix24Client               *client,
                                                                        GAsyncResult                        *result,
                                                                        gint64                              *out_activity_id,
                                                                        GError                             **error);

/* attachRecord by link: the portal downloads @record_url once (it must
 * answer 200); _finish gives the FILE_ID. */
void                       govorun_bitrix24_attach_record_async        (GovorunBitrix24Client               *client,
                                                                        const char                          *call_id,
                                                                        const char                          *record_url,
                                                                        GCancellable                        *cancellable,
                                                                        GAsyncReadyCallback                  callback,
                                                                        gpointer                             user_data);
gint64                     govorun_bitrix24_attach_record_finish       (GovorunBitrix24Client               *client,
                                                                        GAsyncResult                        *result,
                                                                        GError                             **error);

/* attachRecord by upload: @filename (.mp3 or .wav) and @content sent
 * Base64-encoded in FILE_CONTENT (a third larger; the portal takes up to
 * its 2 GB POST limit in 60 s); _finish is attach_record_finish. */
void                       govorun_bitrix24_attach_record_content_async (GovorunBitrix24Client              *client,
                                                                         const char                         *call_id,
                                                                         const char                         *filename,
                                                                         GBytes                             *content,
                                                                         GCancellable                       *cancellable,
                                                                         GAsyncReadyCallback                 callback,
                                                                         gpointer                            user_data);

/* @messages: @n_messages lines; _finish gives the TRANSCRIPT_ID. */
void                       govorun_bitrix24_attach_transcription_async (GovorunBitrix24Client               *client,
                                                                        const char                          *call_id,
                                                                        const GovorunBitrix24Message        *messages,
                                                                        guint                                n_messages,
                                                                        GCancellable                        *cancellable,
                                                                        GAsyncReadyCallback                  callback,
                                                                        gpointer                             user_data);
gint64                     govorun_bitrix24_attach_transcription_finish (GovorunBitrix24Client              *client,
                                                                         GAsyncResult                       *result,
                                                                         GError                            **error);

/* telephony.externalLine.add; _finish gives the line's ID. */
void                       govorun_bitrix24_add_external_line_async    (GovorunBitrix24Client               *client,
                                                                        const char                          *number,
                                                                        const char                          *name,
                                                                        GCancellable                        *cancellable,
                                                                        GAsyncReadyCallback                  callback,
                                                                        gpointer                             user_data);
gint64                     govorun_bitrix24_add_external_line_finish   (GovorunBitrix24Client               *client,
                                                                        GAsyncResult                        *result,
                                                                        GError                             **error);

G_END_DECLS
