/* fuzz-voximplant-answers.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "govorun-voximplant-client-private.h"

/* libFuzzer entry point: whatever the provider answers, the envelope
 * reader and every typed method's parser (account, applications,
 * scenarios, rules, owned numbers, the number market) return a value or
 * an error, never both, never crash. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (size > 1 << 20)
    return 0;

  _govorun_voximplant_client_parse_for_fuzzing (data, size);
  return 0;
}
