/* govorun-bitrix24-client-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govorun-bitrix24-client.h"

G_BEGIN_DECLS

/* Inside src/providers/bitrix24/ (and tests/fuzz) only. */

/* Turns the "result" of a successful answer into a typed value; NULL with
 * a GOVORUN_BITRIX24_ERROR_BAD_RESPONSE error when it is not what the
 * method documents. */
typedef gpointer (*GovorunBitrix24ParseFunc) (JsonNode  *result,
                                              GError   **error);

/* Sends @method with @params (taken; NULL for none) and finishes a task
 * (source @self, tag @source_tag) with what @parse makes of the answer;
 * the matching _finish is _govorun_bitrix24_client_call_finish(). */
void      _govorun_bitrix24_client_call_async  (GovorunBitrix24Client   *self,
                                                const char              *method,
                                                JsonObject              *params,
                                                GovorunBitrix24ParseFunc parse,
                                                GDestroyNotify           free_func,
                                                gpointer                 source_tag,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data);
gpointer  _govorun_bitrix24_client_call_finish (GovorunBitrix24Client   *self,
                                                GAsyncResult            *result,
                                                gpointer                 source_tag,
                                                GError                 **error);

/* An answer (any status) checked against the envelope: the "result"
 * member of a success, else the error with the portal's code. */
JsonNode *_govorun_bitrix24_parse_answer       (guint                    http_status,
                                                const char              *data,
                                                gsize                    len,
                                                GError                 **error);

/* Parsers for integer results: a JSON integer or a string of digits. */
gpointer  _govorun_bitrix24_parse_id           (JsonNode                *result,
                                                GError                 **error);
gboolean  _govorun_bitrix24_read_int           (JsonNode                *node,
                                                gint64                  *out_value);
/* An id result's value; 0 with an error. */
gint64    _govorun_bitrix24_id_finish          (GovorunBitrix24Client   *self,
                                                GAsyncResult            *result,
                                                gpointer                 source_tag,
                                                GError                 **error);

G_END_DECLS
