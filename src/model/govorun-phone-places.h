/* govorun-phone-places.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The names of the countries, states and regions Voximplant sells numbers
 * in, as people read them in the UI's language. One table for the numbers
 * list and the Buy dialog alike, so the same place has the same name in
 * both; a place the table does not know keeps the name Voximplant gave.
 */

/* The country of an ISO code such as "RU"; else @fallback when not empty,
 * else the code. */
const char *govorun_phone_places_country_name (const char *country_code,
                                               const char *fallback);
/* The state Voximplant calls @voximplant_name ("California"); else
 * @fallback when not empty, else @voximplant_name. */
const char *govorun_phone_places_state_name   (const char *voximplant_name,
                                               const char *fallback);
/* The region Voximplant calls @voximplant_name ("Moscow", its
 * phone_region_name, the same in every locale); else @fallback (e.g. its
 * localized_phone_region_name) when not empty, else @voximplant_name. */
const char *govorun_phone_places_region_name  (const char *voximplant_name,
                                               const char *fallback);

G_END_DECLS
