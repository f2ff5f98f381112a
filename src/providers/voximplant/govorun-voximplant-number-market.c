/* govorun-voximplant-number-market.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include "govorun-voximplant-client-private.h"

#define REQUIRED GOVORUN_VOXIMPLANT_FIELD_REQUIRED
#define CHECKED  GOVORUN_VOXIMPLANT_FIELD_CHECKED
#define LENIENT  GOVORUN_VOXIMPLANT_FIELD_LENIENT

/* ---- Boxed types ---- */

G_DEFINE_BOXED_TYPE (GovorunVoximplantPhoneCategory, govorun_voximplant_phone_category,
                     govorun_voximplant_phone_category_copy, govorun_voximplant_phone_category_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantPhoneCountry, govorun_voximplant_phone_country,
                     govorun_voximplant_phone_country_copy, govorun_voximplant_phone_country_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantPhoneState, govorun_voximplant_phone_state,
                     govorun_voximplant_phone_state_copy, govorun_voximplant_phone_state_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantPhoneRegion, govorun_voximplant_phone_region,
                     govorun_voximplant_phone_region_copy, govorun_voximplant_phone_region_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantNewPhoneNumber, govorun_voximplant_new_phone_number,
                     govorun_voximplant_new_phone_number_copy, govorun_voximplant_new_phone_number_free)

GovorunVoximplantPhoneCategory *
govorun_voximplant_phone_category_copy (const GovorunVoximplantPhoneCategory *category)
{
  GovorunVoximplantPhoneCategory *copy;

  g_return_val_if_fail (category != NULL, NULL);

  copy = g_memdup2 (category, sizeof *category);
  copy->phone_category_name = g_strdup (category->phone_category_name);
  copy->localized_phone_category_name = g_strdup (category->localized_phone_category_name);

  return copy;
}

void
govorun_voximplant_phone_category_free (GovorunVoximplantPhoneCategory *category)
{
  if (category == NULL)
    return;

  g_free (category->phone_category_name);
  g_free (category->localized_phone_category_name);
  g_free (category);
}

GovorunVoximplantPhoneCountry *
govorun_voximplant_phone_country_copy (const GovorunVoximplantPhoneCountry *country)
{
  GovorunVoximplantPhoneCountry *copy;

  g_return_val_if_fail (country != NULL, NULL);

  copy = g_new0 (GovorunVoximplantPhoneCountry, 1);
  copy->country_code = g_strdup (country->country_code);
  copy->localized_country_name = g_strdup (country->localized_country_name);
  copy->phone_prefix = g_strdup (country->phone_prefix);
  copy->phone_categories = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_phone_category_free);
  for (guint i = 0; country->phone_categories != NULL && i < country->phone_categories->len; i++)
    g_ptr_array_add (copy->phone_categories,
                     govorun_voximplant_phone_category_copy (g_ptr_array_index (country->phone_categories, i)));

  return copy;
}

void
govorun_voximplant_phone_country_free (GovorunVoximplantPhoneCountry *country)
{
  if (country == NULL)
    return;

  g_free (country->country_code);
  g_free (country->localized_country_name);
  g_free (country->phone_prefix);
  g_clear_pointer (&country->phone_categories, g_ptr_array_unref);
  g_free (country);
}

GovorunVoximplantPhoneState *
govorun_voximplant_phone_state_copy (const GovorunVoximplantPhoneState *state)
{
  GovorunVoximplantPhoneState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_new0 (GovorunVoximplantPhoneState, 1);
  copy->country_state = g_strdup (state->country_state);
  copy->country_state_name = g_strdup (state->country_state_name);

  return copy;
}

void
govorun_voximplant_phone_state_free (GovorunVoximplantPhoneState *state)
{
  if (state == NULL)
    return;

  g_free (state->country_state);
  g_free (state->country_state_name);
  g_free (state);
}

GovorunVoximplantPhoneRegion *
govorun_voximplant_phone_region_copy (const GovorunVoximplantPhoneRegion *region)
{
  GovorunVoximplantPhoneRegion *copy;

  g_return_val_if_fail (region != NULL, NULL);

  copy = g_memdup2 (region, sizeof *region);
  copy->phone_region_name = g_strdup (region->phone_region_name);
  copy->localized_phone_region_name = g_strdup (region->localized_phone_region_name);
  copy->phone_region_code = g_strdup (region->phone_region_code);
  copy->verification_status = g_strdup (region->verification_status);

  return copy;
}

void
govorun_voximplant_phone_region_free (GovorunVoximplantPhoneRegion *region)
{
  if (region == NULL)
    return;

  g_free (region->phone_region_name);
  g_free (region->localized_phone_region_name);
  g_free (region->phone_region_code);
  g_free (region->verification_status);
  g_free (region);
}

GovorunVoximplantNewPhoneNumber *
govorun_voximplant_new_phone_number_copy (const GovorunVoximplantNewPhoneNumber *number)
{
  GovorunVoximplantNewPhoneNumber *copy;

  g_return_val_if_fail (number != NULL, NULL);

  copy = g_memdup2 (number, sizeof *number);
  copy->phone_number = g_strdup (number->phone_number);

  return copy;
}

void
govorun_voximplant_new_phone_number_free (GovorunVoximplantNewPhoneNumber *number)
{
  if (number == NULL)
    return;

  g_free (number->phone_number);
  g_free (number);
}

/* ---- Parsers ---- */

static gpointer
parse_category (JsonObject  *object,
                GError     **error)
{
  g_autoptr(GovorunVoximplantPhoneCategory) category = g_new0 (GovorunVoximplantPhoneCategory, 1);

  if (!govorun_voximplant_read_string (object, "phone_category_name", REQUIRED, &category->phone_category_name, error) ||
      !govorun_voximplant_read_string (object, "localized_phone_category_name", LENIENT,
                                       &category->localized_phone_category_name, error) ||
      !govorun_voximplant_read_bool (object, "country_has_states", CHECKED, &category->country_has_states, error))
    return NULL;

  return g_steal_pointer (&category);
}

static gpointer
parse_country (JsonObject  *object,
               GError     **error)
{
  g_autoptr(GovorunVoximplantPhoneCountry) country = g_new0 (GovorunVoximplantPhoneCountry, 1);
  JsonArray *categories = NULL;

  if (!govorun_voximplant_read_string (object, "country_code", REQUIRED, &country->country_code, error) ||
      !govorun_voximplant_read_string (object, "localized_country_name", LENIENT, &country->localized_country_name, error) ||
      !govorun_voximplant_read_string (object, "phone_prefix", LENIENT, &country->phone_prefix, error) ||
      !govorun_voximplant_read_objects (object, "phone_categories", CHECKED, &categories, error) ||
      (country->phone_categories = govorun_voximplant_parse_items (categories, parse_category,
                                                                   (GDestroyNotify) govorun_voximplant_phone_category_free,
                                                                   error)) == NULL)
    return NULL;

  return g_steal_pointer (&country);
}

static gpointer
parse_state (JsonObject  *object,
             GError     **error)
{
  g_autoptr(GovorunVoximplantPhoneState) state = g_new0 (GovorunVoximplantPhoneState, 1);

  if (!govorun_voximplant_read_string (object, "country_state", REQUIRED, &state->country_state, error) ||
      !govorun_voximplant_read_string (object, "country_state_name", LENIENT, &state->country_state_name, error))
    return NULL;

  return g_steal_pointer (&state);
}

/* Stock decides what can be bought: CHECKED. Prices and verification are
 * shown only (Voximplant charges what it charges; the bought number's
 * own state is read again), so they are LENIENT. A region's prices are
 * account_price and account_installation_price, in the account's
 * currency (PhoneNumberCountryRegionInfoType has no phone_price). */
static gpointer
parse_region (JsonObject  *object,
              GError     **error)
{
  g_autoptr(GovorunVoximplantPhoneRegion) region = g_new0 (GovorunVoximplantPhoneRegion, 1);

  if (!govorun_voximplant_read_int (object, "phone_region_id", REQUIRED, &region->phone_region_id, error) ||
      !govorun_voximplant_read_string (object, "phone_region_name", REQUIRED, &region->phone_region_name, error) ||
      !govorun_voximplant_read_string (object, "localized_phone_region_name", LENIENT,
                                       &region->localized_phone_region_name, error) ||
      !govorun_voximplant_read_string (object, "phone_region_code", LENIENT, &region->phone_region_code, error) ||
      !govorun_voximplant_read_int (object, "phone_count", CHECKED, &region->phone_count, error) ||
      !govorun_voximplant_read_double (object, "account_price", LENIENT, &region->account_price, error) ||
      !govorun_voximplant_read_double (object, "account_installation_price", LENIENT,
                                       &region->account_installation_price, error) ||
      !govorun_voximplant_read_string (object, "verification_status", LENIENT, &region->verification_status, error) ||
      !govorun_voximplant_read_required_verification (object, "required_verification", LENIENT,
                                                      &region->required_verification, error))
    return NULL;

  return g_steal_pointer (&region);
}

static gpointer
parse_new_phone_number (JsonObject  *object,
                        GError     **error)
{
  g_autoptr(GovorunVoximplantNewPhoneNumber) number = g_new0 (GovorunVoximplantNewPhoneNumber, 1);

  if (!govorun_voximplant_read_int (object, "phone_id", REQUIRED, &number->phone_id, error) ||
      !govorun_voximplant_read_string (object, "phone_number", REQUIRED, &number->phone_number, error) ||
      !govorun_voximplant_read_double (object, "phone_price", LENIENT, &number->phone_price, error) ||
      !govorun_voximplant_read_double (object, "phone_installation_price", LENIENT,
                                       &number->phone_installation_price, error))
    return NULL;

  return g_steal_pointer (&number);
}

/* ---- Calls ---- */

void
govorun_voximplant_client_get_phone_number_categories_async (GovorunVoximplantClient *self,
                                                             const char              *locale,
                                                             GCancellable            *cancellable,
                                                             GAsyncReadyCallback      callback,
                                                             gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  if (locale != NULL)
    govorun_voximplant_params_add (params, "locale", locale);

  govorun_voximplant_client_call_list (self, "GetPhoneNumberCategories", params, parse_country,
                                       (GDestroyNotify) govorun_voximplant_phone_country_free,
                                       govorun_voximplant_client_get_phone_number_categories_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_phone_number_categories_finish (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result,
                                                govorun_voximplant_client_get_phone_number_categories_async,
                                                NULL, error);
}

void
govorun_voximplant_client_get_phone_number_country_states_async (GovorunVoximplantClient *self,
                                                                 const char              *country_code,
                                                                 const char              *phone_category_name,
                                                                 GCancellable            *cancellable,
                                                                 GAsyncReadyCallback      callback,
                                                                 gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new_region (country_code, phone_category_name,
                                                                          NULL, 0);

  govorun_voximplant_client_call_list (self, "GetPhoneNumberCountryStates", params, parse_state,
                                       (GDestroyNotify) govorun_voximplant_phone_state_free,
                                       govorun_voximplant_client_get_phone_number_country_states_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_phone_number_country_states_finish (GovorunVoximplantClient  *self,
                                                                  GAsyncResult             *result,
                                                                  GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result,
                                                govorun_voximplant_client_get_phone_number_country_states_async,
                                                NULL, error);
}

void
govorun_voximplant_client_get_phone_number_regions_async (GovorunVoximplantClient *self,
                                                          const char              *country_code,
                                                          const char              *phone_category_name,
                                                          const char              *country_state,
                                                          gint64                   phone_region_id,
                                                          const char              *locale,
                                                          GCancellable            *cancellable,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new_region (country_code, phone_category_name,
                                                                          country_state, phone_region_id);

  if (locale != NULL)
    govorun_voximplant_params_add (params, "locale", locale);

  govorun_voximplant_client_call_list (self, "GetPhoneNumberRegions", params, parse_region,
                                       (GDestroyNotify) govorun_voximplant_phone_region_free,
                                       govorun_voximplant_client_get_phone_number_regions_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_phone_number_regions_finish (GovorunVoximplantClient  *self,
                                                           GAsyncResult             *result,
                                                           GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result,
                                                govorun_voximplant_client_get_phone_number_regions_async,
                                                NULL, error);
}

void
govorun_voximplant_client_get_new_phone_numbers_async (GovorunVoximplantClient *self,
                                                       const char              *country_code,
                                                       const char              *phone_category_name,
                                                       const char              *country_state,
                                                       gint64                   phone_region_id,
                                                       const char              *phone_number_mask,
                                                       guint                    count,
                                                       guint                    offset,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new_region (country_code, phone_category_name,
                                                                          country_state, phone_region_id);

  if (phone_number_mask != NULL && *phone_number_mask != '\0')
    govorun_voximplant_params_add (params, "phone_number_mask", phone_number_mask);
  if (count > 0)
    govorun_voximplant_params_add_int (params, "count", count);
  if (offset > 0)
    govorun_voximplant_params_add_int (params, "offset", offset);

  govorun_voximplant_client_call_list (self, "GetNewPhoneNumbers", params, parse_new_phone_number,
                                       (GDestroyNotify) govorun_voximplant_new_phone_number_free,
                                       govorun_voximplant_client_get_new_phone_numbers_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_new_phone_numbers_finish (GovorunVoximplantClient  *self,
                                                        GAsyncResult             *result,
                                                        gint64                   *total_count,
                                                        GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result,
                                                govorun_voximplant_client_get_new_phone_numbers_async,
                                                total_count, error);
}

/* ---- Fuzzing ---- */

void
_govorun_voximplant_number_market_parse_for_fuzzing (JsonObject *envelope)
{
  static const struct {
    GovorunVoximplantParseItem parse;
    GDestroyNotify             free_item;
  } lists[] = {
    { parse_country, (GDestroyNotify) govorun_voximplant_phone_country_free },
    { parse_state, (GDestroyNotify) govorun_voximplant_phone_state_free },
    { parse_region, (GDestroyNotify) govorun_voximplant_phone_region_free },
    { parse_new_phone_number, (GDestroyNotify) govorun_voximplant_new_phone_number_free },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (lists); i++)
    _govorun_voximplant_fuzz_list (envelope, lists[i].parse, lists[i].free_item);
}
