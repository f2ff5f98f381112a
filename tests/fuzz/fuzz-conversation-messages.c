/* fuzz-conversation-messages.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "govorun-conversation-socket.h"
#include "govorun-elevenlabs-signed-url.h"
#include "govorun-http.h"

/* libFuzzer entry point: whatever the conversation WebSocket sends (and
 * whatever the signed-URL answer holds), the socket skips or turns it into
 * a signal, never crashes. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GovorunConversationSocket *socket = NULL;
  g_autofree char *url = NULL;

  if (size > 1 << 20)
    return 0;

  if (socket == NULL)
    {
      g_autoptr(GovorunHttp) http = govorun_http_new ();

      socket = govorun_conversation_socket_new (http);
    }

  _govorun_conversation_socket_feed (socket, (const char *) data, size);
  url = _govorun_elevenlabs_parse_signed_url ((const char *) data, size, NULL);
  return 0;
}
