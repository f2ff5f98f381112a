/* fuzz-retry-after.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "govorun-http-private.h"

/* libFuzzer entry point: a Retry-After header of any shape gives no wait
 * or a wait no longer than the one we accept. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *value = g_strndup ((const char *) data, size);
  guint delay_ms = G_MAXUINT;

  if (_govorun_http_parse_retry_after (value, &delay_ms))
    g_assert (delay_ms <= GOVORUN_HTTP_MAX_RETRY_AFTER_MS);
  else
    g_assert (delay_ms == G_MAXUINT);

  return 0;
}
