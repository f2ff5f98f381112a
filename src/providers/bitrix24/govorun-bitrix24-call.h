/* govorun-bitrix24-call.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-bitrix24-telephony.h"

G_BEGIN_DECLS

/* A call as Bitrix24 is told about it, read from the outbox's
 * govorun.call.v1 document: the client's number and the agent's (the
 * line), the TYPE, the finish's duration, cost and STATUS_CODE, the
 * recording link and the transcript as attachTranscription lines. */
typedef struct
{
  GovorunBitrix24CallType type;
  char                   *client_number;
  char                   *line_number;
  gint64                  started_at;
  guint                   duration;
  double                  cost;
  char                   *currency;
  char                   *status_code;
  char                   *failed_reason;
  char                   *summary;
  char                   *recording_url;
  GovorunBitrix24Message *messages;   /* owned, with their texts */
  guint                   n_messages;
} GovorunBitrix24CallDocument;

/* NULL with GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT when @json is not a
 * call document or has no client number. Bounded: at most 2000
 * transcript lines of 4000 characters. */
GovorunBitrix24CallDocument *govorun_bitrix24_call_document_parse (const char                  *json,
                                                                   GError                     **error);
void                         govorun_bitrix24_call_document_free  (GovorunBitrix24CallDocument *doc);
/* The transcript as plain text ("Agent: …" lines) for a CRM activity. */
char                        *govorun_bitrix24_call_document_text  (GovorunBitrix24CallDocument *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunBitrix24CallDocument, govorun_bitrix24_call_document_free)

G_END_DECLS
