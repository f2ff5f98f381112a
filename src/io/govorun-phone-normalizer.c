/* govorun-phone-normalizer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunPhoneNormalizer"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "govorun-phone-library.h"
#include "govorun-phone-normalizer.h"

/* E.164 has at most 15 digits; a few more are kept to tell "too long". */
#define MAX_DIGITS 18

/* What an extension starts with, in lower case (the text is case-folded
 * before it is searched). */
static const char * const extension_markers[] = {
  "доб", "вн.", "внутр", "ext", "#", "x",
};

typedef struct
{
  char     digits[MAX_DIGITS + 1];
  guint    n_digits;
  gboolean too_many;
  gboolean plus;      /* written with a leading + (or 00) */
  gboolean letters;
} Scan;

/* Digits, the leading + and whether letters were among them, in text that
 * holds no extension any more. */
static void
scan_number (const char *text,
             const char *end,
             Scan       *scan)
{
  gboolean seen_digit = FALSE;

  memset (scan, 0, sizeof *scan);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char_validated (p, end - p);

      if (c >= '0' && c <= '9')
        {
          if (scan->n_digits < MAX_DIGITS)
            scan->digits[scan->n_digits++] = c;
          else
            scan->too_many = TRUE;
          seen_digit = TRUE;
        }
      else if (c == '+' && !seen_digit)
        scan->plus = TRUE;
      else if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      else if (g_unichar_isalpha (c))
        scan->letters = TRUE;
    }
  scan->digits[scan->n_digits] = '\0';
}

/* Where the extension starts in @folded (case-folded), or NULL. An "x" only
 * counts after a digit, so that a stray letter is not taken for one. */
static const char *
find_extension (const char *folded)
{
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (extension_markers); i++)
    {
      const char *at = strstr (folded, extension_markers[i]);

      if (at == NULL)
        continue;
      if (strcmp (extension_markers[i], "x") == 0)
        {
          const char *q = at;

          while (q > folded && q[-1] == ' ')
            q--;
          if (q == folded || !g_ascii_isdigit (q[-1]) || !g_ascii_isdigit (at[1] == ' ' ? at[2] : at[1]))
            continue;
        }
      if (first == NULL || at < first)
        first = at;
    }
  /* An extension needs a number before it. */
  if (first != NULL)
    {
      gboolean digits_before = FALSE;

      for (const char *p = folded; p < first; p++)
        digits_before = digits_before || g_ascii_isdigit (*p);
      if (!digits_before)
        return NULL;
    }
  return first;
}

static void
copy_extension (const char         *from,
                GovorunPhoneResult *out)
{
  guint n = 0;

  for (const char *p = from; *p != '\0' && n + 1 < sizeof out->extension; p++)
    if (g_ascii_isdigit (*p))
      out->extension[n++] = *p;
  out->extension[n] = '\0';
}

static gboolean
is_russian_area (char c)
{
  /* Russian numbers after +7: 3xx, 4xx, 8xx geographic and toll-free,
   * 9xx mobile; 6xx and 7xx are Kazakhstan's, left to the library. */
  return c == '3' || c == '4' || c == '8' || c == '9';
}

static gboolean
set_e164 (GovorunPhoneResult *out,
          const char         *prefix,
          const char         *digits)
{
  gsize prefix_len = strlen (prefix), digits_len = strlen (digits);

  /* No printf here: this runs once a row for a million rows. */
  g_assert (prefix_len + digits_len < sizeof out->e164);
  memcpy (out->e164, prefix, prefix_len);
  memcpy (out->e164 + prefix_len, digits, digits_len + 1);
  memcpy (out->region, "RU", 3);
  out->problem = GOVORUN_PHONE_VALID;
  return TRUE;
}

/* The Russian forms without the library; FALSE when undecided. */
static gboolean
fast_russian (const Scan         *scan,
              gboolean            region_ru,
              GovorunPhoneResult *out)
{
  const char *d = scan->digits;
  guint n = scan->n_digits;

  if (scan->too_many)
    return FALSE;
  if (scan->plus)
    {
      if (n == 11 && d[0] == '7' && is_russian_area (d[1]))
        return set_e164 (out, "+", d);
      return FALSE;
    }
  if (n == 11 && (d[0] == '8' || (d[0] == '7' && region_ru)) && is_russian_area (d[1]))
    return set_e164 (out, "+7", d + 1);
  if (n == 10 && region_ru && is_russian_area (d[0]))
    return set_e164 (out, "+7", d);
  return FALSE;
}

gboolean
govorun_phone_normalize (const char         *text,
                         const char         *default_region,
                         GovorunPhoneResult *out)
{
  g_autofree char *folded = NULL;
  const char *number = text, *number_end, *ext;
  gboolean plain = TRUE, region_ru;
  char library_input[MAX_DIGITS + 8];
  Scan scan;

  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (default_region == NULL || default_region[0] == '\0')
    default_region = "RU";
  region_ru = (default_region[0] | 0x20) == 'r' && (default_region[1] | 0x20) == 'u'
              && default_region[2] == '\0';
  if (text == NULL)
    text = number = "";

  /* Most cells are digits, spaces and punctuation: no folding for them. */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80 || g_ascii_isalpha (*p) || *p == '#')
      {
        plain = FALSE;
        break;
      }
  number_end = text + strlen (text);
  if (!plain)
    {
      if (!g_utf8_validate (text, -1, NULL))
        {
          out->problem = GOVORUN_PHONE_NOT_A_NUMBER;
          return FALSE;
        }
      folded = g_utf8_casefold (text, -1);
      number = folded;
      number_end = folded + strlen (folded);
      ext = find_extension (folded);
      if (ext != NULL)
        {
          copy_extension (ext, out);
          if (out->extension[0] != '\0')
            out->notes |= GOVORUN_PHONE_NOTE_EXTENSION;
          number_end = ext;
        }
    }

  scan_number (number, number_end, &scan);
  if (scan.letters)
    out->notes |= GOVORUN_PHONE_NOTE_LETTERS;
  if (scan.n_digits == 0)
    {
      const char *p = text;

      while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
      out->problem = *p == '\0' ? GOVORUN_PHONE_EMPTY : GOVORUN_PHONE_NOT_A_NUMBER;
      out->notes = 0;
      return FALSE;
    }

  if (fast_russian (&scan, region_ru, out))
    return TRUE;
  if (scan.too_many)
    {
      out->problem = GOVORUN_PHONE_TOO_LONG;
      return FALSE;
    }

  /* International prefixes: 8 10 … from Russia, 00 … from most of the world. */
  if (!scan.plus && g_str_has_prefix (scan.digits, "810") && scan.n_digits > 11)
    g_snprintf (library_input, sizeof library_input, "+%s", scan.digits + 3);
  else if (!scan.plus && g_str_has_prefix (scan.digits, "00"))
    g_snprintf (library_input, sizeof library_input, "+%s", scan.digits + 2);
  else
    g_snprintf (library_input, sizeof library_input, "%s%s", scan.plus ? "+" : "", scan.digits);

  out->notes |= GOVORUN_PHONE_NOTE_LIBRARY;
  _govorun_phone_library_parse (library_input, default_region, out);
  return out->problem == GOVORUN_PHONE_VALID;
}

const char *
govorun_phone_problem_to_string (GovorunPhoneProblem problem)
{
  switch (problem)
    {
    case GOVORUN_PHONE_VALID:
      return _("The number is valid.");
    case GOVORUN_PHONE_EMPTY:
      return _("There is no number.");
    case GOVORUN_PHONE_NOT_A_NUMBER:
      return _("This is not a phone number.");
    case GOVORUN_PHONE_TOO_SHORT:
      return _("The number is too short.");
    case GOVORUN_PHONE_TOO_LONG:
      return _("The number is too long.");
    case GOVORUN_PHONE_INVALID_COUNTRY:
      return _("No country has this country code.");
    case GOVORUN_PHONE_INVALID:
    default:
      return _("No such number exists in its country’s numbering plan.");
    }
}

char *
govorun_phone_result_describe_notes (const GovorunPhoneResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (result != NULL, NULL);

  if (result->notes & GOVORUN_PHONE_NOTE_EXTENSION)
    g_string_append_printf (text, _("Extension %s was left out."), result->extension);
  if (result->notes & GOVORUN_PHONE_NOTE_LETTERS)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, _("Letters were left out."));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
