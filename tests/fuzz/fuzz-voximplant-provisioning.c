/* fuzz-voximplant-provisioning.c
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

/* libFuzzer entry point: what the provisioner reads back from Voximplant
 * (applications, scenarios, rules, the account's numbers, the ids of what
 * it added): each typed reader gives a value or an error, never both. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) envelope = NULL;

  envelope = _govorun_voximplant_client_envelope_for_fuzzing (data, size, 200, &error);
  g_assert ((envelope == NULL) == (error != NULL));
  if (envelope == NULL)
    return 0;

  _govorun_voximplant_applications_parse_for_fuzzing (envelope);
  _govorun_voximplant_phone_numbers_parse_for_fuzzing (envelope);

  return 0;
}
