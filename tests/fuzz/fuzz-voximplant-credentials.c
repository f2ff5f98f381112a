/* fuzz-voximplant-credentials.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzzVoximplantCredentials"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "govorun-voximplant-credentials.h"

/* libFuzzer entry point: a credentials file must either parse into an
 * object with sane fields or fail with an error of our domain. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  /* Beyond the size limit only the length check runs; keep inputs small. */
  if (size > GOVORUN_VOXIMPLANT_CREDENTIALS_MAX_SIZE + 1)
    return 0;

  credentials = govorun_voximplant_credentials_new_from_data ((const char *) data, size, &error);
  if (credentials == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR);
      return 0;
    }

  g_assert (error == NULL);
  g_assert (govorun_voximplant_credentials_get_account_id (credentials) > 0);
  g_assert (govorun_voximplant_credentials_get_key_id (credentials)[0] != '\0');
  g_assert (govorun_voximplant_credentials_get_account_email (credentials) != NULL);

  return 0;
}
