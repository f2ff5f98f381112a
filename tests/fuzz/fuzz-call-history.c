/* fuzz-call-history.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "govorun-voximplant-call-history-reader-private.h"

/* libFuzzer entry point: GetCallHistory's streaming reader never crashes
 * and gives what the tree reader gives, the same page or the same error,
 * whatever Voximplant answers (the one allowed difference: text that is
 * not JSON, which json-glib reads in part and the stream refuses). */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (size > 1 << 20)
    return 0;

  g_assert (_govorun_voximplant_call_history_readers_agree (data, size, 200));
  g_assert (_govorun_voximplant_call_history_readers_agree (data, size, 400));
  return 0;
}
