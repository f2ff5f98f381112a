/* govorun-number-results.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-number-market.h"
#include "govorun-phone-number.h"
#include "govorun-voximplant-client.h"

G_BEGIN_DECLS

/*
 * What the number service makes of the typed Voximplant answers: the
 * model types the views get (names filled in, verification decided), and
 * errors that say what the person can do. Private to src/services/numbers/.
 */

/* Whether a number still needs documents before it can be used. */
gboolean                govorun_number_needs_verification       (const char                            *status,
                                                                 gboolean                               required);

GovorunPhoneNumber     *govorun_phone_number_from_voximplant     (const GovorunVoximplantPhoneNumber    *number);
/* What AttachPhoneNumber said about a number it bought, when the account's
 * list cannot be read after the purchase. */
GovorunPhoneNumber     *govorun_phone_number_from_attached       (const GovorunVoximplantAttachedNumber *number,
                                                                  const char                            *country_code,
                                                                  const char                            *category);
GovorunPhoneCountry    *govorun_phone_country_from_voximplant    (const GovorunVoximplantPhoneCountry   *country);
GovorunPhoneState      *govorun_phone_state_from_voximplant      (const GovorunVoximplantPhoneState     *state);
GovorunPhoneRegion     *govorun_phone_region_from_voximplant     (const GovorunVoximplantPhoneRegion    *region);
GovorunAvailableNumber *govorun_available_number_from_voximplant (const GovorunVoximplantNewPhoneNumber *number);

/* Converts every item of @items (may be NULL: gives NULL) with @convert. */
GPtrArray              *govorun_number_convert_list              (GPtrArray                             *items,
                                                                  gpointer                             (*convert) (gconstpointer item),
                                                                  GDestroyNotify                         free_func);

/* Gives number-specific provider errors (stock, taken or invalid numbers,
 * regions, malformed answers) GOVORUN_NUMBER_SERVICE_ERROR codes and
 * sentences of their own, with the provider's " (Voximplant error N: msg)"
 * kept at the end; returns every other error unchanged. Takes @error. */
GError                 *govorun_number_translate_error          (GError                                *error);

/* The INSUFFICIENT_FUNDS error, saying as much as is known (@have_cost,
 * @have_balance). @cause: the provider's error. */
GError                 *govorun_number_new_insufficient_funds   (gboolean                               have_cost,
                                                                 double                                 cost,
                                                                 gboolean                               have_balance,
                                                                 double                                 balance,
                                                                 const char                            *currency,
                                                                 const GError                          *cause);

G_END_DECLS
