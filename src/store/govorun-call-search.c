/* govorun-call-search.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSearch"

#include "config.h"

#include <string.h>

#include "govorun-call-search.h"
#include "govorun-call-search-private.h"

/* The shortest string a trigram index can look up. */
#define MIN_CHARS 3

static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

/* Digits and what people write between them: "+7 (916) 123-45-67". */
static gboolean
is_number_text (const char *text)
{
  gboolean any_digit = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        any_digit = TRUE;
      else if (strchr ("+-() .\t", *p) == NULL)
        return FALSE;
    }
  return any_digit;
}

char *
govorun_call_search_number_forms (const char *number)
{
  g_autofree char *digits = NULL;

  if (number == NULL)
    return g_strdup ("");

  digits = digits_of (number);
  if (strlen (digits) == 11 && digits[0] == '7')
    return g_strdup_printf ("%s 8%s", digits, digits + 1);
  return g_steal_pointer (&digits);
}

static void
append_phrase (GString    *query,
               const char *word)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');
  g_string_append_c (query, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

GStrv
govorun_call_search_words (const char *text)
{
  static const char * const quotes[] = { "«", "»", "“", "”", "„" };
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  g_autoptr(GString) plain = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) result = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  if (is_number_text (text))
    {
      g_autofree char *digits = digits_of (text);

      if (strlen (digits) < MIN_CHARS)
        return NULL;
      g_strv_builder_add (found, digits);
      return g_strv_builder_end (found);
    }

  /* Punctuation separates words too: a trigram of "приём," would need the
   * comma in the transcript. */
  plain = g_string_new (text);
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    g_string_replace (plain, quotes[i], " ", 0);
  words = g_strsplit_set (plain->str, " \t\n\r,.;:!?\"()", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = NULL;

      word = is_number_text (words[i]) ? digits_of (words[i]) : g_strdup (words[i]);
      if (g_utf8_strlen (word, -1) >= MIN_CHARS)
        g_strv_builder_add (found, word);
    }

  result = g_strv_builder_end (found);
  if (result[0] == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

char *
govorun_call_search_fts_query (const char *text)
{
  g_auto(GStrv) words = govorun_call_search_words (text);
  GString *query;

  if (words == NULL)
    return NULL;
  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    append_phrase (query, words[i]);
  return g_string_free (query, FALSE);
}

/* --- without the index ---------------------------------------------------------- */

/* The words of the search (the function's third argument), kept with the
 * statement while it runs. */
static void
numbers_match (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  GStrv words = sqlite3_get_auxdata (context, 2);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean all = TRUE;

  if (words == NULL)
    {
      words = govorun_call_search_words ((const char *) sqlite3_value_text (argv[2]));
      if (words == NULL)
        {
          sqlite3_result_int (context, 0);
          return;
        }
      sqlite3_set_auxdata (context, 2, words, (void (*) (void *)) g_strfreev);
      /* SQLite may have dropped it at once; read it back. */
      if ((words = sqlite3_get_auxdata (context, 2)) == NULL)
        {
          sqlite3_result_error_nomem (context);
          return;
        }
    }

  from = govorun_call_search_number_forms ((const char *) sqlite3_value_text (argv[0]));
  to = govorun_call_search_number_forms ((const char *) sqlite3_value_text (argv[1]));
  for (guint i = 0; all && words[i] != NULL; i++)
    all = strstr (from, words[i]) != NULL || strstr (to, words[i]) != NULL;
  sqlite3_result_int (context, all);
}

gboolean
_govorun_call_search_add_function (sqlite3 *db)
{
  return sqlite3_create_function (db, "govorun_call_numbers_match", 3,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, numbers_match,
                                  NULL, NULL) == SQLITE_OK;
}
