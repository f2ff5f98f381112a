/* test-format.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How phone numbers, money and phone categories read (untranslated).
 */
#include "config.h"

#include <string.h>

#include "govorun-format.h"

static void
assert_phone (const char *number,
              const char *expected)
{
  g_autofree char *formatted = govorun_format_phone_number (number);

  g_assert_cmpstr (formatted, ==, expected);
}

static void
test_phone_number (void)
{
  assert_phone (NULL, "");
  assert_phone ("74951234567", "+7 495 123-45-67");
  assert_phone ("+74951234567", "+7 495 123-45-67");
  /* Not all digits, or not a Russian length: "+" and the digits as given. */
  assert_phone ("7495123456x", "+7495123456x");
  assert_phone ("7495123456", "+7495123456");
  assert_phone ("14155550100", "+14155550100");
  assert_phone ("+442071234567", "+442071234567");
}

/* In a sentence the number keeps together: no space or hyphen a line may
 * break at, and the same digits and look as the plain form. */
static void
test_phone_number_in_text (void)
{
  g_autofree char *text = govorun_format_phone_number_in_text ("74993334455");
  g_autofree char *foreign = govorun_format_phone_number_in_text ("+14155550100");
  g_autofree char *none = govorun_format_phone_number_in_text (NULL);

  g_assert_cmpstr (text, ==, "+7\u00a0499\u00a0333\u201144\u201155");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strchr (text, ' '));
  g_assert_null (strchr (text, '-'));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Unicode's line-breaking classes: glue (GL) or a digit or "+",
       * never a break opportunity. */
      g_assert_true (g_unichar_isdigit (c) || c == '+'
                     || g_unichar_break_type (c) == G_UNICODE_BREAK_NON_BREAKING_GLUE);
    }
  g_assert_cmpstr (foreign, ==, "+14155550100");
  g_assert_cmpstr (none, ==, "");
}

static void
assert_money (double      amount,
              const char *currency,
              const char *expected)
{
  g_autofree char *formatted = govorun_format_money (amount, currency);

  g_assert_cmpstr (formatted, ==, expected);
}

static void
test_money (void)
{
  assert_money (5, NULL, "5.00");
  assert_money (5, "", "5.00");
  assert_money (5, "RUR", "5.00 ₽");
  assert_money (12.5, "rub", "12.50 ₽");
  assert_money (-1.5, "USD", "-1.50 USD");
}

static void
test_phone_category (void)
{
  g_assert_cmpstr (govorun_format_phone_category (NULL), ==, "");
  g_assert_cmpstr (govorun_format_phone_category ("GEOGRAPHIC"), ==, "Geographic");
  g_assert_cmpstr (govorun_format_phone_category ("mobile"), ==, "Mobile");
  g_assert_cmpstr (govorun_format_phone_category ("TOLLFREE"), ==, "Toll-free");
  g_assert_cmpstr (govorun_format_phone_category ("NATIONAL"), ==, "National");
  g_assert_cmpstr (govorun_format_phone_category ("SATELLITE"), ==, "SATELLITE");
  /* What both the numbers list and the Buy dialog call a category. */
  g_assert_cmpstr (govorun_format_known_phone_category ("TOLLFREE"), ==, "Toll-free");
  g_assert_null (govorun_format_known_phone_category ("SATELLITE"));
  g_assert_null (govorun_format_known_phone_category (NULL));
}

static void
test_date (void)
{
  g_autofree char *none = govorun_format_date (NULL);
  g_autofree char *day = govorun_format_date ("2026-12-31");
  g_autofree char *with_time = govorun_format_date ("2026-12-31 10:00:00");
  g_autofree char *odd = govorun_format_date ("soon");

  /* The C locale's own way; the Russian one is in tests/ui/test-plurals. */
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (day, ==, "12/31/26");
  g_assert_cmpstr (with_time, ==, "12/31/26");
  g_assert_cmpstr (odd, ==, "soon");
}

/* A language by name, never as a code (untranslated here). */
static void
test_language_name (void)
{
  g_assert_cmpstr (govorun_format_language_name ("ru"), ==, "Russian");
  g_assert_cmpstr (govorun_format_language_name ("en-US"), ==, "English");
  g_assert_cmpstr (govorun_format_language_name ("pt-br"), ==, "Portuguese");
  g_assert_cmpstr (govorun_format_language_name ("EN"), ==, "English");
  /* "e" is no language and "english" no tag. */
  g_assert_cmpstr (govorun_format_language_name ("e"), ==, "e");
  g_assert_cmpstr (govorun_format_language_name ("english"), ==, "english");
  g_assert_cmpstr (govorun_format_language_name ("xx"), ==, "xx");
  g_assert_cmpstr (govorun_format_language_name (""), ==, "Not set");
  g_assert_cmpstr (govorun_format_language_name (NULL), ==, "Not set");
}

/* Wall-clock seconds as GDateTime formats them in UTC, over random
 * instants from year 1000 to 9999, and the year zero-padded below. */
static void
test_wall_clock (void)
{
  GRand *rand = g_rand_new_with_seed (12);
  char text[20];

  for (guint n = 0; n < 20000; n++)
    {
      gint64 seconds = G_GINT64_CONSTANT (-30610224000) +
                       (gint64) (g_rand_double (rand) * (253402300800.0 + 30610224000.0));
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
      g_autofree char *expected = g_date_time_format (utc, "%Y-%m-%d %H:%M:%S");

      govorun_format_wall_clock (seconds, text);
      g_assert_cmpstr (text, ==, expected);
    }
  g_rand_free (rand);

  govorun_format_wall_clock (G_GINT64_CONSTANT (-30610224001), text);
  g_assert_cmpstr (text, ==, "0999-12-31 23:59:59");
  govorun_format_wall_clock (0, text);
  g_assert_cmpstr (text, ==, "1970-01-01 00:00:00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Format/phone-number", test_phone_number);
  g_test_add_func ("/Govorun/Format/phone-number-in-text", test_phone_number_in_text);
  g_test_add_func ("/Govorun/Format/money", test_money);
  g_test_add_func ("/Govorun/Format/phone-category", test_phone_category);
  g_test_add_func ("/Govorun/Format/date", test_date);
  g_test_add_func ("/Govorun/Format/language-name", test_language_name);
  g_test_add_func ("/Govorun/Format/wall-clock", test_wall_clock);

  return g_test_run ();
}
