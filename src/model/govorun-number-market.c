/* govorun-number-market.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-number-market.h"

GovorunPhoneCategory *
govorun_phone_category_copy (const GovorunPhoneCategory *category)
{
  GovorunPhoneCategory *copy;

  g_return_val_if_fail (category != NULL, NULL);

  copy = g_new0 (GovorunPhoneCategory, 1);
  copy->category = g_strdup (category->category);
  copy->label = g_strdup (category->label);
  copy->has_states = category->has_states;

  return copy;
}

void
govorun_phone_category_free (GovorunPhoneCategory *category)
{
  if (category == NULL)
    return;

  g_free (category->category);
  g_free (category->label);
  g_free (category);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneCategory, govorun_phone_category,
                     govorun_phone_category_copy, govorun_phone_category_free)

GovorunPhoneCountry *
govorun_phone_country_copy (const GovorunPhoneCountry *country)
{
  GovorunPhoneCountry *copy;

  g_return_val_if_fail (country != NULL, NULL);

  copy = g_new0 (GovorunPhoneCountry, 1);
  copy->country_code = g_strdup (country->country_code);
  copy->name = g_strdup (country->name);
  copy->phone_prefix = g_strdup (country->phone_prefix);
  copy->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_category_free);
  for (guint i = 0; country->categories != NULL && i < country->categories->len; i++)
    g_ptr_array_add (copy->categories,
                     govorun_phone_category_copy (g_ptr_array_index (country->categories, i)));

  return copy;
}

void
govorun_phone_country_free (GovorunPhoneCountry *country)
{
  if (country == NULL)
    return;

  g_free (country->country_code);
  g_free (country->name);
  g_free (country->phone_prefix);
  g_clear_pointer (&country->categories, g_ptr_array_unref);
  g_free (country);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneCountry, govorun_phone_country,
                     govorun_phone_country_copy, govorun_phone_country_free)

GovorunPhoneState *
govorun_phone_state_copy (const GovorunPhoneState *state)
{
  GovorunPhoneState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_new0 (GovorunPhoneState, 1);
  copy->code = g_strdup (state->code);
  copy->name = g_strdup (state->name);

  return copy;
}

void
govorun_phone_state_free (GovorunPhoneState *state)
{
  if (state == NULL)
    return;

  g_free (state->code);
  g_free (state->name);
  g_free (state);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneState, govorun_phone_state,
                     govorun_phone_state_copy, govorun_phone_state_free)

GovorunPhoneRegion *
govorun_phone_region_copy (const GovorunPhoneRegion *region)
{
  GovorunPhoneRegion *copy;

  g_return_val_if_fail (region != NULL, NULL);

  copy = g_memdup2 (region, sizeof *region);
  copy->name = g_strdup (region->name);
  copy->code = g_strdup (region->code);

  return copy;
}

void
govorun_phone_region_free (GovorunPhoneRegion *region)
{
  if (region == NULL)
    return;

  g_free (region->name);
  g_free (region->code);
  g_free (region);
}

G_DEFINE_BOXED_TYPE (GovorunPhoneRegion, govorun_phone_region,
                     govorun_phone_region_copy, govorun_phone_region_free)

GovorunAvailableNumber *
govorun_available_number_copy (const GovorunAvailableNumber *number)
{
  GovorunAvailableNumber *copy;

  g_return_val_if_fail (number != NULL, NULL);

  copy = g_memdup2 (number, sizeof *number);
  copy->number = g_strdup (number->number);

  return copy;
}

void
govorun_available_number_free (GovorunAvailableNumber *number)
{
  if (number == NULL)
    return;

  g_free (number->number);
  g_free (number);
}

G_DEFINE_BOXED_TYPE (GovorunAvailableNumber, govorun_available_number,
                     govorun_available_number_copy, govorun_available_number_free)
