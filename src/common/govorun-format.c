/* govorun-format.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "govorun-format"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "govorun-format.h"

/* U+00A0 NO-BREAK SPACE and U+2011 NON-BREAKING HYPHEN. */
#define NO_BREAK_SPACE  "\u00a0"
#define NO_BREAK_HYPHEN "\u2011"

static char *
format_phone_number (const char *number,
                     const char *space,
                     const char *hyphen)
{
  const char *digits;

  if (number == NULL)
    return g_strdup ("");

  digits = number[0] == '+' ? number + 1 : number;

  /* Russian numbers the way people write them: +7 495 123-45-67. */
  if (strlen (digits) == 11 && digits[0] == '7')
    {
      for (guint i = 0; i < 11; i++)
        if (!g_ascii_isdigit (digits[i]))
          return g_strconcat ("+", digits, NULL);

      return g_strdup_printf ("+7%s%.3s%s%.3s%s%.2s%s%.2s",
                              space, digits + 1, space, digits + 4,
                              hyphen, digits + 7, hyphen, digits + 9);
    }

  return g_strconcat ("+", digits, NULL);
}

char *
govorun_format_phone_number (const char *number)
{
  return format_phone_number (number, " ", "-");
}

char *
govorun_format_phone_number_in_text (const char *number)
{
  /* A heading or a sentence may wrap anywhere but inside the number. */
  return format_phone_number (number, NO_BREAK_SPACE, NO_BREAK_HYPHEN);
}

char *
govorun_format_money (double      amount,
                      const char *currency)
{
  /* The locale's decimal mark and digit grouping: "1 234,50" in Russian,
   * "1,234.50" in English, "1234.50" in the C locale. */
  g_autofree char *value = g_strdup_printf ("%'.2f", amount);

  if (currency == NULL || *currency == '\0')
    return g_steal_pointer (&value);

  if (g_ascii_strcasecmp (currency, "RUR") == 0 || g_ascii_strcasecmp (currency, "RUB") == 0)
    /* Translators: an amount of roubles, e.g. "5.00 ₽" */
    return g_strdup_printf (_("%s ₽"), value);

  /* Translators: an amount, then its currency code, e.g. "5.00 USD" */
  return g_strdup_printf (_("%s %s"), value, currency);
}

const char *
govorun_format_known_phone_category (const char *category)
{
  if (category == NULL)
    return NULL;
  if (g_ascii_strcasecmp (category, "GEOGRAPHIC") == 0)
    return _("Geographic");
  if (g_ascii_strcasecmp (category, "MOBILE") == 0)
    return _("Mobile");
  if (g_ascii_strcasecmp (category, "TOLLFREE") == 0)
    return _("Toll-free");
  if (g_ascii_strcasecmp (category, "NATIONAL") == 0)
    return _("National");

  return NULL;
}

const char *
govorun_format_phone_category (const char *category)
{
  const char *known = govorun_format_known_phone_category (category);

  if (known != NULL)
    return known;

  return category != NULL ? category : "";
}

/* Days to a civil date: H. Hinnant's algorithm. */
void
govorun_format_wall_clock (gint64 seconds,
                           char   text[20])
{
  gint64 days = seconds / 86400 - (seconds % 86400 < 0 ? 1 : 0);
  gint64 rest = seconds - days * 86400;
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int day = (int) (doy - (153 * mp + 2) / 5 + 1);
  int month = (int) (mp < 10 ? mp + 3 : mp - 9);
  int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
  int fields[] = { year / 100, year % 100, month, day, (int) (rest / 3600),
                   (int) (rest / 60 % 60), (int) (rest % 60) };
  static const char separators[] = "\0\0-- ::";
  char *p = text;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 1)
        *p++ = separators[i];
      *p++ = (char) ('0' + fields[i] / 10 % 10);
      *p++ = (char) ('0' + fields[i] % 10);
    }
  *p = '\0';
}

char *
govorun_format_date (const char *date)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int year = 0, month = 0, day = 0;

  if (date == NULL)
    return g_strdup ("");

  /* Voximplant writes "2026-12-31" or "2026-12-31 10:00:00"; a person
   * reads the day the locale's way. */
  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      (parsed = g_date_time_new (utc, year, month, day, 0, 0, 0)) == NULL)
    return g_strdup (date);

  return g_date_time_format (parsed, "%x");
}

const char *
govorun_format_get_language (void)
{
  const char * const *languages = g_get_language_names ();
  const char *first = languages != NULL ? languages[0] : NULL;

  /* gettext's own choice comes first: LANGUAGE, then LC_ALL,
   * LC_MESSAGES, LANG. */
  if (first != NULL && g_ascii_strncasecmp (first, "ru", 2) == 0
      && (first[2] == '\0' || first[2] == '_' || first[2] == '.' || first[2] == '@'))
    return "ru";

  return "en";
}

/* The languages ElevenLabs agents speak, by their primary subtag. */
static const struct
{
  const char *code;
  const char *name;
} language_names[] = {
  { "ru", N_("Russian") },
  { "en", N_("English") },
  { "ar", N_("Arabic") },
  { "de", N_("German") },
  { "es", N_("Spanish") },
  { "fr", N_("French") },
  { "hi", N_("Hindi") },
  { "it", N_("Italian") },
  { "ja", N_("Japanese") },
  { "kk", N_("Kazakh") },
  { "ko", N_("Korean") },
  { "nl", N_("Dutch") },
  { "pl", N_("Polish") },
  { "pt", N_("Portuguese") },
  { "tr", N_("Turkish") },
  { "uk", N_("Ukrainian") },
  { "uz", N_("Uzbek") },
  { "zh", N_("Chinese") },
};

const char *
govorun_format_language_name (const char *tag)
{
  gsize len;

  if (tag == NULL || *tag == '\0')
    return _("Not set");

  /* "pt-br", "en_US": the part before the region. */
  len = strcspn (tag, "-_.@");
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (len == strlen (language_names[i].code)
        && g_ascii_strncasecmp (tag, language_names[i].code, len) == 0)
      return _(language_names[i].name);

  return tag;
}
