/* test-plurals.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every counted string, formatted in Russian with 1, 2, 5 and 21 (run
 * through run-ui.sh with GOVORUN_TEST_LOCALE=ru_RU.UTF-8, against the
 * catalog built from po/ru.po): each number picks its own translated form
 * (1 and 21 the first, 2 the second, 5 the third), and no string counts
 * something in English plural without going through ngettext. Money and
 * dates read the Russian way too.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "govorun-format.h"
#include "test-util.h"

typedef struct
{
  char *msgid;
  char *msgid_plural;
  char *msgstr[3];
} Entry;

static void
entry_free (Entry *e)
{
  g_free (e->msgid);
  g_free (e->msgid_plural);
  for (guint i = 0; i < G_N_ELEMENTS (e->msgstr); i++)
    g_free (e->msgstr[i]);
  g_free (e);
}

/* A quoted PO string without its quotes, \" and \n undone. */
static char *
unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');

  if (start == NULL || end == start)
    return g_strdup ("");

  {
    g_autofree char *inner = g_strndup (start + 1, end - start - 1);

    return g_strcompress (inner);
  }
}

/* The entries of a PO file, enough of the format for ours: msgctxt,
 * msgid, msgid_plural, msgstr[n], continuation lines. Obsolete entries and
 * the header are left out. */
static GPtrArray *
read_po (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  Entry *current = NULL;
  char **field = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "msgid "))
        {
          current = g_new0 (Entry, 1);
          g_ptr_array_add (entries, current);
          field = &current->msgid;
        }
      else if (current != NULL && g_str_has_prefix (line, "msgid_plural "))
        field = &current->msgid_plural;
      else if (current != NULL && g_str_has_prefix (line, "msgstr[") && line[7] >= '0' && line[7] <= '2')
        field = &current->msgstr[line[7] - '0'];
      else if (current != NULL && g_str_has_prefix (line, "msgstr "))
        field = &current->msgstr[0];
      else if (line[0] == '"' && field != NULL)
        {
          g_autofree char *more = unquote (line);
          char *joined = g_strconcat (*field ? *field : "", more, NULL);

          g_free (*field);
          *field = joined;
          continue;
        }
      else
        {
          if (!g_str_has_prefix (line, "msgctxt"))
            field = NULL;
          continue;
        }

      g_free (*field);
      *field = unquote (line);
    }

  return entries;
}

/* Russian plural forms: 1, 21 → 0; 2 → 1; 5 → 2. */
static guint
russian_form (gulong n)
{
  if (n % 10 == 1 && n % 100 != 11)
    return 0;
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20))
    return 1;
  return 2;
}

/* Formats @format with @n for its first number and "X" for every %s. */
static char *
format_with (const char *format,
             gulong      n)
{
  GString *out = g_string_new (NULL);
  gboolean number_done = FALSE;

  for (const char *p = format; *p != '\0'; p++)
    {
      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == 's')
        g_string_append (out, "X");
      else if (*p == 'u' || *p == 'd')
        {
          g_string_append_printf (out, "%lu", number_done ? 0UL : n);
          number_done = TRUE;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
test_counted_strings (void)
{
  static const gulong numbers[] = { 1, 2, 5, 21 };
  g_autoptr(GPtrArray) entries = read_po (g_getenv ("GOVORUN_RU_PO"));
  guint counted = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);

      if (e->msgid_plural == NULL)
        continue;

      counted++;
      for (guint j = 0; j < G_N_ELEMENTS (numbers); j++)
        {
          const char *shown = g_dngettext (GETTEXT_PACKAGE, e->msgid, e->msgid_plural, numbers[j]);
          const char *english = numbers[j] == 1 ? e->msgid : e->msgid_plural;
          g_autofree char *text = format_with (shown, numbers[j]);
          g_autofree char *digits = g_strdup_printf ("%lu", numbers[j]);

          g_test_message ("%lu: %s", numbers[j], text);
          if (strcmp (shown, english) == 0 && strcmp (e->msgstr[0], english) != 0)
            g_error ("“%s” is shown in English for %lu", e->msgid, numbers[j]);
          g_assert_cmpstr (shown, ==, e->msgstr[russian_form (numbers[j])]);
          g_assert_nonnull (strstr (text, digits));
        }
    }

  g_assert_cmpuint (counted, >=, 3);
}

/* A known one, to the letter. */
static void
test_agents (void)
{
  g_autofree char *one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agent", "%u agents", 1), 1);
  g_autofree char *two = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agent", "%u agents", 2), 2);
  g_autofree char *five = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agent", "%u agents", 5), 5);
  g_autofree char *twenty_one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agent", "%u agents", 21), 21);

  g_assert_cmpstr (one, ==, "1 агент");
  g_assert_cmpstr (two, ==, "2 агента");
  g_assert_cmpstr (five, ==, "5 агентов");
  g_assert_cmpstr (twenty_one, ==, "21 агент");
}

/* "%u seconds" through _() reads "1 секунд" in Russian: a string that
 * counts with an English plural noun must have a plural form. */
static void
test_no_count_without_plural (void)
{
  g_autoptr(GPtrArray) entries = read_po (g_getenv ("GOVORUN_RU_PO"));
  g_autoptr(GRegex) counted_noun = g_regex_new ("%[ud]\\+? [a-z]+s\\b", 0, 0, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);

      if (e->msgid_plural == NULL && e->msgid != NULL && g_regex_match (counted_noun, e->msgid, 0, NULL))
        g_error ("“%s” counts without a plural form (use g_dngettext)", e->msgid);
    }
}

/* "1 234,50 ₽" and "31.12.2026", whatever space glibc groups digits with. */
static void
test_money_and_dates (void)
{
  g_autofree char *money = govorun_format_money (1234.5, "RUB");
  g_autofree char *dollars = govorun_format_money (5, "USD");
  g_autofree char *date = govorun_format_date ("2026-12-31");
  g_autofree char *date_time = govorun_format_date ("2026-12-31 10:00:00");
  g_autoptr(GRegex) grouped = g_regex_new ("^1( |\\x{00a0}|\\x{202f})234,50 ₽$", 0, 0, NULL);

  if (!g_regex_match (grouped, money, 0, NULL))
    g_error ("1234.5 roubles read “%s”", money);
  g_assert_true (g_str_has_prefix (dollars, "5,00"));
  g_assert_cmpstr (date, ==, "31.12.2026");
  g_assert_cmpstr (date_time, ==, "31.12.2026");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Plurals/counted-strings", test_counted_strings);
  g_test_add_func ("/Govorun/Plurals/agents", test_agents);
  g_test_add_func ("/Govorun/Plurals/no-count-without-plural", test_no_count_without_plural);
  g_test_add_func ("/Govorun/Plurals/money-and-dates", test_money_and_dates);

  return g_test_run ();
}
