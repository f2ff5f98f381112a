/* test-phone-normalizer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-phone-normalizer.h"
#include "govorun-phone-set.h"

typedef struct
{
  const char          *text;
  const char          *region;
  GovorunPhoneProblem  problem;
  const char          *e164;
  GovorunPhoneNotes    notes;   /* without NOTE_LIBRARY, checked apart */
  gboolean             library; /* decided by libphonenumber */
} Case;

static const Case cases[] = {
  /* Russian forms: the fast path. */
  { "+7 916 123-45-67", NULL, GOVORUN_PHONE_VALID, "+79161234567", 0, FALSE },
  { "8 916 123 45 67", NULL, GOVORUN_PHONE_VALID, "+79161234567", 0, FALSE },
  { "89161234567", NULL, GOVORUN_PHONE_VALID, "+79161234567", 0, FALSE },
  { "79161234567", NULL, GOVORUN_PHONE_VALID, "+79161234567", 0, FALSE },
  { "9161234567", NULL, GOVORUN_PHONE_VALID, "+79161234567", 0, FALSE },
  { "8 (495) 123-45-67", NULL, GOVORUN_PHONE_VALID, "+74951234567", 0, FALSE },
  { "(495) 123-45-67", NULL, GOVORUN_PHONE_VALID, "+74951234567", 0, FALSE },
  { "+7(812)555-00-11", NULL, GOVORUN_PHONE_VALID, "+78125550011", 0, FALSE },
  { "8-800-555-35-35", NULL, GOVORUN_PHONE_VALID, "+78005553535", 0, FALSE },
  { " \t+7 916 1234567 ", NULL, GOVORUN_PHONE_VALID, "+79161234567", 0, FALSE },
  /* Extensions and letters: stripped, with a reason. */
  { "8 (495) 123-45-67 доб. 123", NULL, GOVORUN_PHONE_VALID, "+74951234567",
    GOVORUN_PHONE_NOTE_EXTENSION, FALSE },
  { "+7 495 123 45 67 ДОБ 45", NULL, GOVORUN_PHONE_VALID, "+74951234567",
    GOVORUN_PHONE_NOTE_EXTENSION, FALSE },
  { "+7 495 123-45-67 ext. 9", NULL, GOVORUN_PHONE_VALID, "+74951234567",
    GOVORUN_PHONE_NOTE_EXTENSION, FALSE },
  { "+7 495 123-45-67 #12", NULL, GOVORUN_PHONE_VALID, "+74951234567",
    GOVORUN_PHONE_NOTE_EXTENSION, FALSE },
  { "4951234567x89", NULL, GOVORUN_PHONE_VALID, "+74951234567",
    GOVORUN_PHONE_NOTE_EXTENSION, FALSE },
  { "тел. 8 916 123-45-67 (Маша)", NULL, GOVORUN_PHONE_VALID, "+79161234567",
    GOVORUN_PHONE_NOTE_LETTERS, FALSE },
  { "моб: +7 916 123 45 67, доб 5", NULL, GOVORUN_PHONE_VALID, "+79161234567",
    GOVORUN_PHONE_NOTE_LETTERS | GOVORUN_PHONE_NOTE_EXTENSION, FALSE },
  /* Foreign numbers: libphonenumber. */
  { "+44 20 7946 0958", NULL, GOVORUN_PHONE_VALID, "+442079460958", 0, TRUE },
  { "+1 (650) 253-0000", NULL, GOVORUN_PHONE_VALID, "+16502530000", 0, TRUE },
  { "00 49 30 901820", NULL, GOVORUN_PHONE_VALID, "+4930901820", 0, TRUE },
  { "8 10 49 30 901820", NULL, GOVORUN_PHONE_VALID, "+4930901820", 0, TRUE },
  { "+375 29 123-45-67", NULL, GOVORUN_PHONE_VALID, "+375291234567", 0, TRUE },
  { "+7 701 123 45 67", NULL, GOVORUN_PHONE_VALID, "+77011234567", 0, TRUE },
  { "030 901820", "DE", GOVORUN_PHONE_VALID, "+4930901820", 0, TRUE },
  /* Garbage. */
  { "", NULL, GOVORUN_PHONE_EMPTY, "", 0, FALSE },
  { "   ", NULL, GOVORUN_PHONE_EMPTY, "", 0, FALSE },
  { NULL, NULL, GOVORUN_PHONE_EMPTY, "", 0, FALSE },
  { "нет телефона", NULL, GOVORUN_PHONE_NOT_A_NUMBER, "", 0, FALSE },
  { "12345", NULL, GOVORUN_PHONE_TOO_SHORT, "", 0, TRUE },
  { "8 916 123 45", NULL, GOVORUN_PHONE_TOO_SHORT, "", 0, TRUE },
  { "8 916 123 45 67 89 00 11 22", NULL, GOVORUN_PHONE_TOO_LONG, "", 0, FALSE },
  { "+999 123 456 789", NULL, GOVORUN_PHONE_INVALID_COUNTRY, "", 0, TRUE },
  { "+7 016 123 45 67", NULL, GOVORUN_PHONE_INVALID, "", 0, TRUE },
  { "\xFF\xFE 8916", NULL, GOVORUN_PHONE_NOT_A_NUMBER, "", 0, FALSE },
  /* Found by the fuzzer: the library took 16 digits for a German number. */
  { ")8 916&412 5 367Б. 126", "DE", GOVORUN_PHONE_TOO_LONG, "", GOVORUN_PHONE_NOTE_LETTERS, TRUE },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      GovorunPhoneResult result;
      gboolean valid = govorun_phone_normalize (c->text, c->region, &result);

      g_test_message ("%s", c->text != NULL ? c->text : "(null)");
      g_assert_cmpint (result.problem, ==, c->problem);
      g_assert_cmpint (valid, ==, c->problem == GOVORUN_PHONE_VALID);
      g_assert_cmpstr (result.e164, ==, c->e164);
      g_assert_cmpint (result.notes & ~GOVORUN_PHONE_NOTE_LIBRARY, ==, c->notes);
      if (c->problem == GOVORUN_PHONE_VALID || c->problem == GOVORUN_PHONE_INVALID)
        g_assert_cmpint (!!(result.notes & GOVORUN_PHONE_NOTE_LIBRARY), ==, c->library);
    }
}

static void
test_region_and_notes (void)
{
  GovorunPhoneResult result;
  g_autofree char *notes = NULL;

  g_assert_true (govorun_phone_normalize ("8 (495) 123-45-67 доб. 123 (Петров)", NULL, &result));
  g_assert_cmpstr (result.region, ==, "RU");
  g_assert_cmpstr (result.extension, ==, "123");
  notes = govorun_phone_result_describe_notes (&result);
  g_assert_cmpstr (notes, ==, "Extension 123 was left out.");

  g_assert_true (govorun_phone_normalize ("+44 20 7946 0958", NULL, &result));
  g_assert_cmpstr (result.region, ==, "GB");
  g_assert_null (govorun_phone_result_describe_notes (&result));

  g_assert_false (govorun_phone_normalize ("12", NULL, &result));
  g_assert_cmpstr (govorun_phone_problem_to_string (result.problem), ==, "The number is too short.");
}

static void
test_set (void)
{
  g_autoptr(GovorunPhoneSet) set = govorun_phone_set_new ();
  guint first = 0;

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *e164 = g_strdup_printf ("+7916%07u", i);

      g_assert_true (govorun_phone_set_add (set, e164, i + 2, NULL));
    }
  g_assert_false (govorun_phone_set_add (set, "+79160000005", 9, &first));
  g_assert_cmpuint (first, ==, 7);
  g_assert_true (govorun_phone_set_contains (set, "+79160099999"));
  g_assert_false (govorun_phone_set_contains (set, "+79160100000"));
  g_assert_false (govorun_phone_set_add (set, "89161234567", 1, NULL));
  g_assert_false (govorun_phone_set_add (set, "+0123", 1, NULL));
  g_assert_false (govorun_phone_set_add (set, "+1234567890123456", 1, NULL));
  g_assert_cmpuint (govorun_phone_set_get_size (set), ==, 100000);
  g_assert_cmpuint (govorun_phone_set_get_duplicates (set), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/PhoneNormalizer/table", test_table);
  g_test_add_func ("/Govorun/PhoneNormalizer/region-and-notes", test_region_and_notes);
  g_test_add_func ("/Govorun/PhoneNormalizer/set", test_set);

  return g_test_run ();
}
