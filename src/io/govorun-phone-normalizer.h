/* govorun-phone-normalizer.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Phone numbers as people type them into a contact list, to E.164. Russian
 * numbers in every usual form (8 916 …, +7 …, 7916…, ten digits starting
 * with 9, 8 (495) …) take a fast path in C; foreign numbers and whatever
 * that path cannot decide go to libphonenumber. An extension (доб., ext,
 * #) and letters are stripped, and the result says so. Thread-safe.
 */

typedef enum
{
  GOVORUN_PHONE_VALID,
  GOVORUN_PHONE_EMPTY,            /* nothing in the cell */
  GOVORUN_PHONE_NOT_A_NUMBER,     /* text without a phone number in it */
  GOVORUN_PHONE_TOO_SHORT,
  GOVORUN_PHONE_TOO_LONG,
  GOVORUN_PHONE_INVALID_COUNTRY,  /* no country has that code */
  GOVORUN_PHONE_INVALID,          /* the length is right, the number does not exist */
} GovorunPhoneProblem;

typedef enum /*< flags >*/
{
  GOVORUN_PHONE_NOTE_NONE      = 0,
  GOVORUN_PHONE_NOTE_EXTENSION = 1 << 0,  /* an extension was stripped */
  GOVORUN_PHONE_NOTE_LETTERS   = 1 << 1,  /* letters were stripped */
  GOVORUN_PHONE_NOTE_LIBRARY   = 1 << 2,  /* libphonenumber decided */
} GovorunPhoneNotes;

typedef struct
{
  GovorunPhoneProblem problem;
  GovorunPhoneNotes   notes;
  char                e164[20];       /* "+79161234567" when valid, else "" */
  char                extension[20];  /* the stripped extension's digits, if any */
  char                region[4];      /* "RU", when known, else "" */
} GovorunPhoneResult;

/* Normalises @text; @default_region (ISO 3166, e.g. "RU"; %NULL for "RU")
 * is the country of numbers written without a country code. Returns
 * whether @out holds a valid number. */
gboolean    govorun_phone_normalize              (const char               *text,
                                                  const char               *default_region,
                                                  GovorunPhoneResult       *out);

/* A translated sentence for a problem, e.g. "The number is too short." */
const char *govorun_phone_problem_to_string      (GovorunPhoneProblem       problem);

/* A translated sentence for what was stripped from a valid number, or
 * %NULL when nothing was (e.g. "Extension 123 was left out."). */
char       *govorun_phone_result_describe_notes  (const GovorunPhoneResult *result);

G_END_DECLS
