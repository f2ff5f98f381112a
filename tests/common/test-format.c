/* test-format.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How phone numbers, money and phone categories read (untranslated).
 */
#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Format/phone-number", test_phone_number);
  g_test_add_func ("/Govorun/Format/money", test_money);
  g_test_add_func ("/Govorun/Format/phone-category", test_phone_category);
  g_test_add_func ("/Govorun/Format/date", test_date);

  return g_test_run ();
}
