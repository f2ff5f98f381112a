/* govorun-do-not-call-file.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunDoNotCall"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "govorun-do-not-call-private.h"
#include "govorun-phone-normalizer.h"
#include "govorun-phone-set.h"
#include "govorun-table-reader.h"

/* Rows looked at to find the phone column. */
#define SNIFF_ROWS 21
#define MAX_PROBLEMS 100

static const char * const phone_headers[] = {
  "телефон", "тел", "номер", "мобильный", "phone", "mobile", "number", "tel", NULL,
};
static const char * const note_headers[] = {
  "примечание", "комментарий", "причина", "note", "comment", "reason", NULL,
};

/* Whether a header cell names one of @words (case-folded, a word's start). */
static gboolean
header_matches (const char         *cell,
                const char * const *words)
{
  g_autofree char *folded = g_utf8_casefold (cell, -1);
  g_autofree char *stripped = g_strstrip (g_strdup (folded));

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (stripped, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_phone (const char *text)
{
  GovorunPhoneResult result;

  return govorun_phone_normalize (text, NULL, &result);
}

/* The phone and note columns of @preview (rows of the same width), and
 * whether its first row is a header. */
static gboolean
find_columns (GPtrArray  *preview,
              int        *out_phone,
              int        *out_note,
              gboolean   *out_header,
              GError    **error)
{
  char **first = g_ptr_array_index (preview, 0);
  guint width = g_strv_length (first);
  g_autofree guint *valid = g_new0 (guint, MAX (width, 1));
  gboolean header = TRUE;
  int phone = -1, note = -1;

  for (guint c = 0; c < width; c++)
    if (is_phone (first[c]))
      header = FALSE;
  for (guint r = header ? 1 : 0; r < preview->len; r++)
    {
      char **row = g_ptr_array_index (preview, r);

      for (guint c = 0; c < width; c++)
        valid[c] += is_phone (row[c]);
    }

  for (guint c = 0; header && c < width; c++)
    {
      if (phone < 0 && header_matches (first[c], phone_headers))
        phone = c;
      else if (note < 0 && header_matches (first[c], note_headers))
        note = c;
    }
  if (phone < 0)
    for (guint c = 0; c < width; c++)
      if (valid[c] > 0 && (phone < 0 || valid[c] > valid[phone]))
        phone = c;
  if (phone < 0)
    {
      g_set_error (error, GOVORUN_DO_NOT_CALL_ERROR, GOVORUN_DO_NOT_CALL_ERROR_NO_PHONE_COLUMN,
                   _("No column of the file holds phone numbers."));
      return FALSE;
    }
  *out_phone = phone;
  *out_note = note == phone ? -1 : note;
  *out_header = header;
  return TRUE;
}

static void
add_problem (GovorunDoNotCallImport *report,
             guint                   row,
             const char             *reason)
{
  report->invalid++;
  if (report->problems->len < MAX_PROBLEMS)
    g_ptr_array_add (report->problems, g_strdup_printf (_("Row %u: %s"), row, reason));
}

static void
take_row (const char * const     *values,
          guint                   n_values,
          guint                   row,
          int                     phone,
          int                     note,
          gint64                  now,
          GovorunPhoneSet        *seen,
          GPtrArray              *entries,
          GovorunDoNotCallImport *report)
{
  const char *text = (guint) phone < n_values ? values[phone] : "";
  const char *note_text = note >= 0 && (guint) note < n_values ? values[note] : NULL;
  GovorunPhoneResult result;

  report->rows++;
  if (!govorun_phone_normalize (text, NULL, &result))
    {
      add_problem (report, row, govorun_phone_problem_to_string (result.problem));
      return;
    }
  if (!govorun_phone_set_add (seen, result.e164, row, NULL))
    {
      report->duplicates++;
      return;
    }
  g_ptr_array_add (entries, govorun_do_not_call_entry_new (result.e164,
                                                           note_text != NULL && note_text[0] != '\0'
                                                           ? note_text : NULL,
                                                           now));
}

GPtrArray *
_govorun_do_not_call_read_file (GFile                   *file,
                                const char              *sheet_name,
                                GovorunDoNotCallImport  *report,
                                GCancellable            *cancellable,
                                GError                 **error)
{
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GovorunPhoneSet) seen = govorun_phone_set_new ();
  g_autoptr(GError) local_error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char * const *values;
  int phone = -1, note = -1;
  gboolean header = FALSE;
  guint n, row;

  reader = govorun_table_reader_open (file, sheet_name, NULL, cancellable, error);
  if (reader == NULL
      || !govorun_table_reader_read_preview (reader, SNIFF_ROWS, &preview, &numbers, cancellable, error))
    return NULL;
  if (preview->len == 0)
    return g_steal_pointer (&entries);
  if (!find_columns (preview, &phone, &note, &header, error))
    return NULL;

  for (guint i = header ? 1 : 0; i < preview->len; i++)
    {
      char **cells = g_ptr_array_index (preview, i);

      take_row ((const char * const *) cells, g_strv_length (cells), g_array_index (numbers, guint, i),
                phone, note, now, seen, entries, report);
    }
  while ((values = govorun_table_reader_next_row (reader, &n, &row, cancellable, &local_error)) != NULL)
    take_row (values, n, row, phone, note, now, seen, entries, report);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* A CSV value, quoted when it must be. */
static void
append_csv_value (GString    *out,
                  const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
_govorun_do_not_call_write_file (GFile         *file,
                                 GPtrArray     *entries,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  append_csv_value (out, _("Phone"));
  g_string_append_c (out, ',');
  append_csv_value (out, _("Note"));
  g_string_append_c (out, ',');
  append_csv_value (out, _("Added"));
  g_string_append (out, "\r\n");
  for (guint i = 0; i < entries->len; i++)
    {
      GovorunDoNotCallEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) added =
        g_date_time_new_from_unix_local (govorun_do_not_call_entry_get_added_at (entry));
      g_autofree char *date = added != NULL ? g_date_time_format (added, "%Y-%m-%d %H:%M") : NULL;

      append_csv_value (out, govorun_do_not_call_entry_get_number (entry));
      g_string_append_c (out, ',');
      append_csv_value (out, govorun_do_not_call_entry_get_note (entry));
      g_string_append_c (out, ',');
      append_csv_value (out, date);
      g_string_append (out, "\r\n");
    }
  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}
