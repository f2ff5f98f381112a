/* govorun-format.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How phone numbers, money and dates read wherever they are shown. */

/* "+7 495 123-45-67" for Russian numbers, else "+" and the digits: the
 * plain form, for copying and for entry fields. */
char       *govorun_format_phone_number   (const char *number);
/* The same with no-break spaces (U+00A0) and non-breaking hyphens
 * (U+2011), for a number inside a sentence, a heading, a row title or a
 * toast: the line never breaks inside it. */
char       *govorun_format_phone_number_in_text (const char *number);
/* "5.00 ₽", "5.00 USD", or "5.00" without a currency; the amount with the
 * locale's decimal mark and grouping ("1 234,50 ₽" in Russian). */
char       *govorun_format_money          (double      amount,
                                           const char *currency);
/* A readable name for a Voximplant phone category such as "GEOGRAPHIC";
 * an unknown one as it is. */
const char *govorun_format_phone_category (const char *category);
/* The translated name of a category Govorun knows, else NULL: the one
 * name the numbers list and the Buy dialog both show. */
const char *govorun_format_known_phone_category (const char *category);
/* A Voximplant date ("2026-12-31", maybe with a time) in the locale's
 * format ("31.12.2026" in Russian); anything else unchanged. */
char       *govorun_format_date           (const char *date);
/* "YYYY-MM-DD HH:MM:SS" of wall-clock @seconds (a Unix time plus the
 * zone's offset), without GDateTime or printf; the year in four digits,
 * zero-padded, for years 0 to 9999. */
void        govorun_format_wall_clock     (gint64      seconds,
                                           char        text[20]);
/* A language's name for people ("Russian" for "ru" or "ru-RU"); an
 * unknown tag as it is, none as "Not set". */
const char *govorun_format_language_name  (const char *tag);
/* The language the UI's texts are in: "ru" when it speaks Russian, else
 * "en" (the only two Govorun has). */
const char *govorun_format_get_language   (void);

G_END_DECLS
