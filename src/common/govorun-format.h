/* govorun-format.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How phone numbers and money read wherever they are shown (the numbers
 * page, the buy dialog). */

/* "+7 495 123-45-67" for Russian numbers, else "+" and the digits. */
char       *govorun_format_phone_number   (const char *number);
/* "5.00 ₽", "5.00 USD", or "5.00" without a currency. */
char       *govorun_format_money          (double      amount,
                                           const char *currency);
/* A readable name for a Voximplant phone category such as "GEOGRAPHIC". */
const char *govorun_format_phone_category (const char *category);

G_END_DECLS
