/* fuzz-number-answers.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "govorun-number-results.h"
#include "govorun-voximplant-client-private.h"

/* libFuzzer entry point: the number service's answers all the way to what
 * the views get: owned numbers, countries, states, regions, available
 * numbers and the purchase answer through the typed readers and the
 * conversion to model types; error answers through the number service's
 * own errors. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

typedef gpointer (*Convert) (gconstpointer item);

static void
convert (GPtrArray      *items,
         Convert         func,
         GDestroyNotify  free_func)
{
  g_autoptr(GPtrArray) converted = govorun_number_convert_list (items, func, free_func);

  g_assert ((items == NULL) == (converted == NULL));
  g_assert (items == NULL || items->len == converted->len);
  g_clear_pointer (&items, g_ptr_array_unref);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint statuses[] = { 200, 400, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) envelope = NULL;
      GPtrArray *numbers, *attached, *countries, *states, *regions, *available;

      envelope = _govorun_voximplant_client_envelope_for_fuzzing (data, size, statuses[i], &error);
      g_assert ((envelope == NULL) == (error != NULL));
      if (envelope == NULL)
        {
          GError *translated = govorun_number_translate_error (g_steal_pointer (&error));

          g_assert (translated != NULL && translated->message != NULL);
          g_error_free (translated);
          continue;
        }

      _govorun_voximplant_phone_numbers_read_for_fuzzing (envelope, &numbers, &attached);
      _govorun_voximplant_number_market_read_for_fuzzing (envelope, &countries, &states,
                                                          &regions, &available);
      convert (numbers, (Convert) govorun_phone_number_from_voximplant,
               (GDestroyNotify) govorun_phone_number_free);
      convert (countries, (Convert) govorun_phone_country_from_voximplant,
               (GDestroyNotify) govorun_phone_country_free);
      convert (states, (Convert) govorun_phone_state_from_voximplant,
               (GDestroyNotify) govorun_phone_state_free);
      convert (regions, (Convert) govorun_phone_region_from_voximplant,
               (GDestroyNotify) govorun_phone_region_free);
      convert (available, (Convert) govorun_available_number_from_voximplant,
               (GDestroyNotify) govorun_available_number_free);
      g_clear_pointer (&attached, g_ptr_array_unref);
    }

  return 0;
}
