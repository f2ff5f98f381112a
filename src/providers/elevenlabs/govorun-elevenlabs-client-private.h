/* govorun-elevenlabs-client-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govorun-elevenlabs-agents.h"
#include "govorun-elevenlabs-analysis.h"
#include "govorun-elevenlabs-client.h"
#include "govorun-elevenlabs-conversations.h"
#include "govorun-elevenlabs-user.h"
#include "govorun-http-private.h"

G_BEGIN_DECLS

/* Inside src/providers/elevenlabs/ (and the fuzz targets) only: the
 * request plumbing the resource files share, and the answer parsers. */

/* Sends @method @path_and_query (already escaped) with the key; returns the
 * parsed JSON of a 2xx answer, or the mapped GOVORUN_ELEVENLABS_ERROR. */
void                           _govorun_elevenlabs_client_request_json_async  (GovorunElevenlabsClient *self,
                                                                              const char              *method,
                                                                              const char              *path_and_query,
                                                                              JsonNode                *body,
                                                                              GovorunHttpFlags         flags,
                                                                              GCancellable            *cancellable,
                                                                              GAsyncReadyCallback      callback,
                                                                              gpointer                 user_data);
JsonNode                      *_govorun_elevenlabs_client_request_json_finish (GovorunElevenlabsClient *self,
                                                                              GAsyncResult            *result,
                                                                              GError                 **error);

/* Adds "name=value" to @url's query, escaping @value. */
void                           _govorun_elevenlabs_append_query               (GString                 *url,
                                                                              const char              *name,
                                                                              const char              *value);

/* GETs @path_and_query (already escaped) with the key; the raw body of a
 * 2xx answer (files such as conversation audio). */
void                           _govorun_elevenlabs_client_request_bytes_async  (GovorunElevenlabsClient *self,
                                                                               const char              *path_and_query,
                                                                               GCancellable            *cancellable,
                                                                               GAsyncReadyCallback      callback,
                                                                               gpointer                 user_data);
GBytes                        *_govorun_elevenlabs_client_request_bytes_finish (GovorunElevenlabsClient *self,
                                                                               GAsyncResult            *result,
                                                                               GError                 **error);

/* Parses a 2xx answer's JSON; NULL with a BAD_RESPONSE error. */
typedef gpointer (*GovorunElevenlabsParseFunc) (JsonNode  *root,
                                                GError   **error);

/* Finishes a request for @task with what @parse makes of the answer. */
void                           _govorun_elevenlabs_client_return_parsed       (GovorunElevenlabsClient    *self,
                                                                              GAsyncResult               *result,
                                                                              GTask                      *task,
                                                                              GovorunElevenlabsParseFunc  parse,
                                                                              GDestroyNotify              free_func);

/* An error answer (any non-2xx status) as a GOVORUN_ELEVENLABS_ERROR. */
GError                        *_govorun_elevenlabs_error_from_answer          (guint                    http_status,
                                                                              GBytes                  *body);

GovorunElevenlabsAgentPage    *_govorun_elevenlabs_parse_agent_page           (JsonNode                *root,
                                                                              GError                 **error);
GovorunElevenlabsAgent        *_govorun_elevenlabs_parse_agent                (JsonNode                *root,
                                                                              GError                 **error);
GovorunElevenlabsAgentAnalysis *_govorun_elevenlabs_parse_agent_analysis (JsonNode              *root,
                                                                         GError               **error);
GovorunElevenlabsSubscription *_govorun_elevenlabs_parse_subscription         (JsonNode                *root,
                                                                              GError                 **error);

GovorunElevenlabsConversationPage *_govorun_elevenlabs_parse_conversation_page (JsonNode  *root,
                                                                            GError   **error);
GovorunElevenlabsConversation     *_govorun_elevenlabs_parse_conversation      (JsonNode  *root,
                                                                            GError   **error);

/* For tests/fuzz only: every parser of ElevenLabs answers, on raw bytes. */
void                           _govorun_elevenlabs_client_parse_for_fuzzing   (const guint8            *data,
                                                                              gsize                    size);

G_END_DECLS
