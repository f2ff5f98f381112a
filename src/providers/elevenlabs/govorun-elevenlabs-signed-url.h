/* govorun-elevenlabs-signed-url.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-elevenlabs-client.h"

G_BEGIN_DECLS

/* GET /v1/convai/conversation/get-signed-url?agent_id= (§2.3): the URL of
 * the conversation WebSocket for @agent_id, signed so that an agent with
 * authentication enabled accepts it. It must be opened within 15 minutes.
 * The answer is checked: a wss:// URL (ws:// only towards this machine,
 * the sandbox) on the conversation path. */
void  govorun_elevenlabs_client_get_signed_url_async  (GovorunElevenlabsClient *self,
                                                       const char              *agent_id,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
char *govorun_elevenlabs_client_get_signed_url_finish (GovorunElevenlabsClient *self,
                                                       GAsyncResult            *result,
                                                       GError                 **error);

/* For the parsers' fuzz target and tests: the signed URL of an answer. */
char *_govorun_elevenlabs_parse_signed_url            (const char              *json,
                                                       gsize                    length,
                                                       GError                 **error);

G_END_DECLS
