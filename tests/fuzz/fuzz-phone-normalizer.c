/* fuzz-phone-normalizer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "govorun-phone-normalizer.h"
#include "govorun-phone-set.h"

/* libFuzzer entry point: text of any shape gives an E.164 number (a +, up
 * to 15 digits, which normalises to itself) or a problem, never both. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  const char *region = size > 0 && (data[0] & 1) ? "DE" : "RU";
  GovorunPhoneResult result, again;

  if (govorun_phone_normalize (text, region, &result))
    {
      gsize len = strlen (result.e164);
      g_autoptr(GovorunPhoneSet) set = govorun_phone_set_new ();

      g_assert (result.problem == GOVORUN_PHONE_VALID);
      g_assert (result.e164[0] == '+' && len >= 4 && len <= 16);
      for (gsize i = 1; i < len; i++)
        g_assert (g_ascii_isdigit (result.e164[i]));
      g_assert (govorun_phone_normalize (result.e164, region, &again));
      g_assert (strcmp (again.e164, result.e164) == 0);
      g_assert (govorun_phone_set_add (set, result.e164, 1, NULL));
      g_assert (govorun_phone_set_contains (set, result.e164));
    }
  else
    {
      g_assert (result.problem != GOVORUN_PHONE_VALID);
      g_assert (result.e164[0] == '\0');
      g_assert (govorun_phone_problem_to_string (result.problem) != NULL);
    }
  g_free (govorun_phone_result_describe_notes (&result));
  return 0;
}
