/* govorun-phone-number.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-phone-number.h"

GovorunPhoneNumber *
govorun_phone_number_copy (const GovorunPhoneNumber *number)
{
  GovorunPhoneNumber *copy;

  g_return_val_if_fail (number != NULL, NULL);

  copy = g_memdup2 (number, sizeof *number);
  copy->number = g_strdup (number->number);
  copy->country_code = g_strdup (number->country_code);
  copy->category = g_strdup (number->category);
  copy->region_name = g_strdup (number->region_name);
  copy->next_renewal = g_strdup (number->next_renewal);
  copy->verification_status = g_strdup (number->verification_status);
  copy->application_name = g_strdup (number->application_name);
  copy->rule_name = g_strdup (number->rule_name);

  return copy;
}

void
govorun_phone_number_free (GovorunPhoneNumber *number)
{
  if (number == NULL)
    return;

  g_free (number->number);
  g_free (number->country_code);
  g_free (number->category);
  g_free (number->region_name);
  g_free (number->next_renewal);
  g_free (number->verification_status);
  g_free (number->application_name);
  g_free (number->rule_name);
  g_free (number);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneNumber, govorun_phone_number,
                     govorun_phone_number_copy, govorun_phone_number_free)
