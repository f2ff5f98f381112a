/* govorun-number-results.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunNumberService"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-format.h"
#include "govorun-number-results.h"
#include "govorun-number-service.h"
#include "govorun-phone-places.h"

/* ---- Model types ---- */

/* UNVERIFIED: the full set of verification_status values is not in the
 * reference; "REQUIRED" and "IN_PROGRESS" are taken as "not yet usable",
 * and without a status the required_verification flag decides. */
gboolean
govorun_number_needs_verification (const char *status,
                                   gboolean    required)
{
  if (status != NULL)
    return g_ascii_strcasecmp (status, "REQUIRED") == 0
           || g_ascii_strcasecmp (status, "IN_PROGRESS") == 0;

  return required;
}

GovorunPhoneNumber *
govorun_phone_number_from_voximplant (const GovorunVoximplantPhoneNumber *in)
{
  GovorunPhoneNumber *number = g_new0 (GovorunPhoneNumber, 1);

  number->phone_id = in->phone_id;
  number->number = g_strdup (in->phone_number);
  number->country_code = g_strdup (in->phone_country_code);
  number->category = g_strdup (in->category_name);
  number->region_name = in->phone_region_name != NULL
                        ? g_strdup (govorun_phone_places_region_name (in->phone_region_name, NULL))
                        : NULL;
  number->monthly_price = in->phone_price;
  number->next_renewal = g_strdup (in->phone_next_renewal);
  number->verification_status = g_strdup (in->verification_status);
  number->deactivated = in->deactivated;
  number->application_id = in->application_id;
  number->application_name = g_strdup (in->application_name);
  number->rule_id = in->rule_id;
  number->rule_name = g_strdup (in->rule_name);
  number->verification_required = govorun_number_needs_verification (in->verification_status,
                                                                     in->required_verification);

  return number;
}

GovorunPhoneNumber *
govorun_phone_number_from_attached (const GovorunVoximplantAttachedNumber *in,
                                    const char                            *country_code,
                                    const char                            *category)
{
  GovorunPhoneNumber *number = g_new0 (GovorunPhoneNumber, 1);

  number->phone_id = in->phone_id;
  number->number = g_strdup (in->phone_number);
  number->country_code = g_strdup (country_code);
  number->category = g_strdup (category);
  number->verification_status = g_strdup (in->verification_status);
  number->verification_required = govorun_number_needs_verification (in->verification_status,
                                                                     in->required_verification);

  return number;
}

/* @text, or @fallback when @text is NULL or empty. */
static char *
non_empty_or (const char *text,
              const char *fallback)
{
  return g_strdup (text != NULL && *text != '\0' ? text : fallback);
}

GovorunPhoneCountry *
govorun_phone_country_from_voximplant (const GovorunVoximplantPhoneCountry *in)
{
  GovorunPhoneCountry *country = g_new0 (GovorunPhoneCountry, 1);

  country->country_code = g_strdup (in->country_code);
  country->name = g_strdup (govorun_phone_places_country_name (in->country_code, in->localized_country_name));
  country->phone_prefix = g_strdup (in->phone_prefix);
  country->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_phone_category_free);

  for (guint i = 0; in->phone_categories != NULL && i < in->phone_categories->len; i++)
    {
      const GovorunVoximplantPhoneCategory *from = g_ptr_array_index (in->phone_categories, i);
      GovorunPhoneCategory *category = g_new0 (GovorunPhoneCategory, 1);
      const char *known = govorun_format_known_phone_category (from->phone_category_name);

      /* The list names categories with the same words (govorun-format). */
      category->category = g_strdup (from->phone_category_name);
      category->label = known != NULL ? g_strdup (known)
                                      : non_empty_or (from->localized_phone_category_name,
                                                      from->phone_category_name);
      category->has_states = from->country_has_states;
      g_ptr_array_add (country->categories, category);
    }

  return country;
}

GovorunPhoneState *
govorun_phone_state_from_voximplant (const GovorunVoximplantPhoneState *in)
{
  GovorunPhoneState *state = g_new0 (GovorunPhoneState, 1);

  state->code = g_strdup (in->country_state);
  state->name = g_strdup (in->country_state_name != NULL
                          ? govorun_phone_places_state_name (in->country_state_name, NULL)
                          : in->country_state);

  return state;
}

GovorunPhoneRegion *
govorun_phone_region_from_voximplant (const GovorunVoximplantPhoneRegion *in)
{
  GovorunPhoneRegion *region = g_new0 (GovorunPhoneRegion, 1);

  region->region_id = in->phone_region_id;
  /* The table first, so the Buy dialog and the numbers list agree. */
  region->name = g_strdup (govorun_phone_places_region_name (in->phone_region_name,
                                                             in->localized_phone_region_name));
  region->code = g_strdup (in->phone_region_code);
  region->stock = (guint) CLAMP (in->phone_count, 0, G_MAXUINT);
  region->monthly_price = in->account_price;
  region->installation_price = in->account_installation_price;
  /* For a region both say the same: documents will be asked for. */
  region->verification_required = in->required_verification
                                  || govorun_number_needs_verification (in->verification_status, FALSE);

  return region;
}

GovorunAvailableNumber *
govorun_available_number_from_voximplant (const GovorunVoximplantNewPhoneNumber *in)
{
  GovorunAvailableNumber *number = g_new0 (GovorunAvailableNumber, 1);

  number->phone_id = in->phone_id;
  number->number = g_strdup (in->phone_number);
  number->monthly_price = in->phone_price;
  number->installation_price = in->phone_installation_price;

  return number;
}

GPtrArray *
govorun_number_convert_list (GPtrArray      *items,
                             gpointer      (*convert) (gconstpointer item),
                             GDestroyNotify  free_func)
{
  GPtrArray *converted;

  if (items == NULL)
    return NULL;

  converted = g_ptr_array_new_full (items->len, free_func);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (converted, convert (g_ptr_array_index (items, i)));

  return converted;
}

/* ---- Errors ---- */

static GError *
new_error_with_suffix (GovorunNumberServiceError  code,
                       const char                *sentence,
                       const GError              *cause)
{
  const char *detail = govorun_voximplant_error_get_detail (cause);

  /* The provider's own sentence (its code, its words) after ours. */
  if (*detail == '\0')
    return g_error_new_literal (GOVORUN_NUMBER_SERVICE_ERROR, code, sentence);
  return g_error_new (GOVORUN_NUMBER_SERVICE_ERROR, code, "%s %s", sentence, detail);
}

GError *
govorun_number_translate_error (GError *error)
{
  const char *sentence;
  GovorunNumberServiceError code;
  GError *translated;

  if (error->domain != GOVORUN_VOXIMPLANT_ERROR)
    return error;

  /* The provider's sentence already names the field. */
  if (error->code == GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE)
    {
      translated = g_error_new_literal (GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_BAD_RESPONSE,
                                        error->message);
      g_error_free (error);
      return translated;
    }

  if (error->code == GOVORUN_VOXIMPLANT_ERROR_NO_STOCK)
    {
      code = GOVORUN_NUMBER_SERVICE_ERROR_NO_STOCK;
      if (govorun_voximplant_error_get_provider_code (error) == 332) /* Insufficient phones */
        sentence = _("This region does not have that many numbers in stock. Choose fewer numbers or another region.");
      else
        sentence = _("There are no numbers left in this region. Choose another region.");
    }
  else if (error->code == GOVORUN_VOXIMPLANT_ERROR_NUMBER_TAKEN)
    {
      code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER;
      sentence = _("Someone else has just bought this phone number. Refresh the list and choose another number.");
    }
  else
    {
      /* Finer than the provider's kinds (invalid argument, not found):
       * which argument it was tells what to choose again. */
      switch (govorun_voximplant_error_get_provider_code (error))
        {
        case 121: /* Invalid phone number */
          code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER;
          sentence = _("This phone number is not valid or is no longer available. Refresh the list and choose another number.");
          break;
        case 181: /* Invalid phone_id */
          code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER;
          sentence = _("This phone number is not in the Voximplant account any more. Refresh the list of numbers.");
          break;
        case 239: /* Invalid country_code */
        case 240: /* Invalid phone_category_name */
        case 241: /* Invalid phone_region_id */
        case 242: /* Invalid country_state */
          code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_REGION;
          sentence = _("Voximplant does not offer numbers for this country, category or region any more. Start again from the choice of country.");
          break;
        case 243: /* Invalid phone_count */
          code = GOVORUN_NUMBER_SERVICE_ERROR_INVALID_REGION;
          sentence = _("Voximplant did not accept the number of phone numbers to buy. Choose at least one number.");
          break;
        default:
          return error;
        }
    }

  translated = new_error_with_suffix (code, sentence, error);
  g_error_free (error);

  return translated;
}

GError *
govorun_number_new_insufficient_funds (gboolean      have_cost,
                                       double        cost,
                                       gboolean      have_balance,
                                       double        balance,
                                       const char   *currency,
                                       const GError *cause)
{
  g_autofree char *sentence = NULL;
  /* As every other amount reads: "1 234,50 ₽" in Russian, not "RUB". */
  g_autofree char *cost_text = govorun_format_money (cost, currency);
  g_autofree char *balance_text = govorun_format_money (balance, currency);

  if (have_cost && have_balance)
    /* Translators: the price, then the balance, each with its currency, e.g. "1 234,50 ₽" */
    sentence = g_strdup_printf (_("There is not enough money in the Voximplant account: the numbers cost %s, the balance is %s. Top up the balance in the Voximplant control panel and try again."),
                                cost_text, balance_text);
  else if (have_balance)
    /* Translators: the balance with its currency, e.g. "1 234,50 ₽" */
    sentence = g_strdup_printf (_("There is not enough money in the Voximplant account: the balance is %s. Top up the balance in the Voximplant control panel and try again."),
                                balance_text);
  else
    sentence = g_strdup (_("There is not enough money in the Voximplant account to buy these numbers. Top up the balance in the Voximplant control panel and try again."));

  return new_error_with_suffix (GOVORUN_NUMBER_SERVICE_ERROR_INSUFFICIENT_FUNDS, sentence, cause);
}
