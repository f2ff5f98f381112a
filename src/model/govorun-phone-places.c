/* govorun-phone-places.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-phone-places.h"

/*
 * Keys are what Voximplant sends: ISO codes for countries, the English
 * phone_region_name for regions (GetPhoneNumbers gives only that, no
 * region id, so the name is the one key both lists share). The message
 * contexts keep "New York" the state apart from "New York" the city.
 */

typedef struct
{
  const char *key;
  const char *name;  /* NC_() */
} Place;

static const Place countries[] = {
  { "RU", NC_("country", "Russia") },
  { "AE", NC_("country", "United Arab Emirates") },
  { "AM", NC_("country", "Armenia") },
  { "AT", NC_("country", "Austria") },
  { "AZ", NC_("country", "Azerbaijan") },
  { "BY", NC_("country", "Belarus") },
  { "CA", NC_("country", "Canada") },
  { "CH", NC_("country", "Switzerland") },
  { "CN", NC_("country", "China") },
  { "CY", NC_("country", "Cyprus") },
  { "CZ", NC_("country", "Czechia") },
  { "DE", NC_("country", "Germany") },
  { "EE", NC_("country", "Estonia") },
  { "ES", NC_("country", "Spain") },
  { "FI", NC_("country", "Finland") },
  { "FR", NC_("country", "France") },
  { "GB", NC_("country", "United Kingdom") },
  { "GE", NC_("country", "Georgia") },
  { "IL", NC_("country", "Israel") },
  { "IN", NC_("country", "India") },
  { "IT", NC_("country", "Italy") },
  { "KG", NC_("country", "Kyrgyzstan") },
  { "KZ", NC_("country", "Kazakhstan") },
  { "LT", NC_("country", "Lithuania") },
  { "LV", NC_("country", "Latvia") },
  { "NL", NC_("country", "Netherlands") },
  { "PL", NC_("country", "Poland") },
  { "RS", NC_("country", "Serbia") },
  { "TR", NC_("country", "Turkey") },
  { "US", NC_("country", "United States") },
  { "UZ", NC_("country", "Uzbekistan") },
};

static const Place states[] = {
  { "California", NC_("state", "California") },
  { "Florida", NC_("state", "Florida") },
  { "Illinois", NC_("state", "Illinois") },
  { "Massachusetts", NC_("state", "Massachusetts") },
  { "New Jersey", NC_("state", "New Jersey") },
  { "New York", NC_("state", "New York") },
  { "Pennsylvania", NC_("state", "Pennsylvania") },
  { "Texas", NC_("state", "Texas") },
  { "Washington", NC_("state", "Washington") },
};

/* Voximplant's spellings vary ("Saint Petersburg", "St. Petersburg"):
 * each known spelling is a key. */
static const Place regions[] = {
  { "Moscow", NC_("phone region", "Moscow") },
  { "Moscow Region", NC_("phone region", "Moscow Region") },
  { "Saint Petersburg", NC_("phone region", "Saint Petersburg") },
  { "St. Petersburg", NC_("phone region", "Saint Petersburg") },
  { "Saint-Petersburg", NC_("phone region", "Saint Petersburg") },
  { "Arkhangelsk", NC_("phone region", "Arkhangelsk") },
  { "Astrakhan", NC_("phone region", "Astrakhan") },
  { "Barnaul", NC_("phone region", "Barnaul") },
  { "Belgorod", NC_("phone region", "Belgorod") },
  { "Bryansk", NC_("phone region", "Bryansk") },
  { "Cheboksary", NC_("phone region", "Cheboksary") },
  { "Chelyabinsk", NC_("phone region", "Chelyabinsk") },
  { "Irkutsk", NC_("phone region", "Irkutsk") },
  { "Ivanovo", NC_("phone region", "Ivanovo") },
  { "Izhevsk", NC_("phone region", "Izhevsk") },
  { "Kaliningrad", NC_("phone region", "Kaliningrad") },
  { "Kaluga", NC_("phone region", "Kaluga") },
  { "Kazan", NC_("phone region", "Kazan") },
  { "Kemerovo", NC_("phone region", "Kemerovo") },
  { "Khabarovsk", NC_("phone region", "Khabarovsk") },
  { "Kirov", NC_("phone region", "Kirov") },
  { "Krasnodar", NC_("phone region", "Krasnodar") },
  { "Krasnoyarsk", NC_("phone region", "Krasnoyarsk") },
  { "Kursk", NC_("phone region", "Kursk") },
  { "Lipetsk", NC_("phone region", "Lipetsk") },
  { "Makhachkala", NC_("phone region", "Makhachkala") },
  { "Murmansk", NC_("phone region", "Murmansk") },
  { "Nizhny Novgorod", NC_("phone region", "Nizhny Novgorod") },
  { "Novokuznetsk", NC_("phone region", "Novokuznetsk") },
  { "Novosibirsk", NC_("phone region", "Novosibirsk") },
  { "Omsk", NC_("phone region", "Omsk") },
  { "Orenburg", NC_("phone region", "Orenburg") },
  { "Penza", NC_("phone region", "Penza") },
  { "Perm", NC_("phone region", "Perm") },
  { "Rostov-on-Don", NC_("phone region", "Rostov-on-Don") },
  { "Ryazan", NC_("phone region", "Ryazan") },
  { "Samara", NC_("phone region", "Samara") },
  { "Saratov", NC_("phone region", "Saratov") },
  { "Smolensk", NC_("phone region", "Smolensk") },
  { "Sochi", NC_("phone region", "Sochi") },
  { "Stavropol", NC_("phone region", "Stavropol") },
  { "Surgut", NC_("phone region", "Surgut") },
  { "Tolyatti", NC_("phone region", "Tolyatti") },
  { "Tomsk", NC_("phone region", "Tomsk") },
  { "Tula", NC_("phone region", "Tula") },
  { "Tver", NC_("phone region", "Tver") },
  { "Tyumen", NC_("phone region", "Tyumen") },
  { "Ufa", NC_("phone region", "Ufa") },
  { "Ulyanovsk", NC_("phone region", "Ulyanovsk") },
  { "Vladimir", NC_("phone region", "Vladimir") },
  { "Vladivostok", NC_("phone region", "Vladivostok") },
  { "Volgograd", NC_("phone region", "Volgograd") },
  { "Vologda", NC_("phone region", "Vologda") },
  { "Voronezh", NC_("phone region", "Voronezh") },
  { "Yakutsk", NC_("phone region", "Yakutsk") },
  { "Yaroslavl", NC_("phone region", "Yaroslavl") },
  { "Yekaterinburg", NC_("phone region", "Yekaterinburg") },
  { "Ekaterinburg", NC_("phone region", "Yekaterinburg") },
  /* Regions of the whole country, for the mobile and 8-800 categories. */
  { "Mobile", NC_("phone region", "Mobile numbers") },
  { "Toll-free", NC_("phone region", "Toll-free (8-800)") },
  { "Boston", NC_("phone region", "Boston") },
  { "Buffalo", NC_("phone region", "Buffalo") },
  { "Chicago", NC_("phone region", "Chicago") },
  { "Los Angeles", NC_("phone region", "Los Angeles") },
  { "Miami", NC_("phone region", "Miami") },
  { "New York", NC_("phone region", "New York") },
  { "San Francisco", NC_("phone region", "San Francisco") },
  { "Seattle", NC_("phone region", "Seattle") },
};

static const char *
lookup (const Place *places,
        gsize        n_places,
        const char  *context,
        const char  *key,
        const char  *fallback)
{
  if (key != NULL)
    for (gsize i = 0; i < n_places; i++)
      if (g_ascii_strcasecmp (places[i].key, key) == 0)
        return g_dpgettext2 (GETTEXT_PACKAGE, context, places[i].name);

  if (fallback != NULL && *fallback != '\0')
    return fallback;

  return key != NULL ? key : "";
}

const char *
govorun_phone_places_country_name (const char *country_code,
                                   const char *fallback)
{
  return lookup (countries, G_N_ELEMENTS (countries), "country", country_code, fallback);
}

const char *
govorun_phone_places_state_name (const char *voximplant_name,
                                 const char *fallback)
{
  return lookup (states, G_N_ELEMENTS (states), "state", voximplant_name, fallback);
}

const char *
govorun_phone_places_region_name (const char *voximplant_name,
                                  const char *fallback)
{
  return lookup (regions, G_N_ELEMENTS (regions), "phone region", voximplant_name, fallback);
}
