/* govorun-csv-writer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCsvWriter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "govorun-csv-writer.h"
#include "govorun-io-error.h"

/* Written out when the buffer holds this much: large enough that a row
 * costs no system call, small enough to stay in the cache. */
#define FLUSH_AT (64 * 1024)

struct _GovorunCsvWriter
{
  GObject            parent_instance;

  GOutputStream     *stream;
  GovorunCsvDialect  dialect;
  GString           *buffer;
  gboolean           row_started;  /* a cell was added to the current row */
  gboolean           closed;
};

G_DEFINE_FINAL_TYPE (GovorunCsvWriter, govorun_csv_writer, G_TYPE_OBJECT)

static char
separator (GovorunCsvWriter *self)
{
  return self->dialect == GOVORUN_CSV_DIALECT_EXCEL_RU ? ';' : ',';
}

static void
begin_cell (GovorunCsvWriter *self)
{
  if (self->row_started)
    g_string_append_c (self->buffer, separator (self));
  self->row_started = TRUE;
}

/* Appends @text, quoted when it holds the separator, a quote or a line
 * break (RFC 4180, 2.6–2.7); @guard prefixes a "'" first. */
static void
append_field (GovorunCsvWriter *self,
              const char       *text,
              gboolean          guard)
{
  char sep = separator (self);
  gboolean quote = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == sep || *p == '"' || *p == '\n' || *p == '\r')
      {
        quote = TRUE;
        break;
      }

  if (quote)
    g_string_append_c (self->buffer, '"');
  if (guard)
    g_string_append_c (self->buffer, '\'');
  if (!quote)
    g_string_append (self->buffer, text);
  else
    for (const char *p = text; *p != '\0'; p++)
      {
        if (*p == '"')
          g_string_append_c (self->buffer, '"');
        g_string_append_c (self->buffer, *p);
      }
  if (quote)
    g_string_append_c (self->buffer, '"');
}

/* What a spreadsheet would take for the start of a formula (OWASP's list). */
static gboolean
needs_guard (const char *text)
{
  return strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
}

gboolean
govorun_csv_is_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;
  gboolean point = FALSE;

  if (text == NULL)
    return FALSE;
  if (*p == '+' || *p == '-')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p == '.' && !point && digits)
        point = TRUE;
      else
        return FALSE;
    }
  /* "12." is not a number a person wrote. */
  return digits && p[-1] != '.';
}

void
govorun_csv_writer_add_text (GovorunCsvWriter *self,
                             const char       *text)
{
  g_return_if_fail (GOVORUN_IS_CSV_WRITER (self));

  begin_cell (self);
  if (text == NULL || *text == '\0')
    return;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      append_field (self, valid, needs_guard (valid));
      return;
    }
  append_field (self, text, needs_guard (text));
}

void
govorun_csv_writer_add_number (GovorunCsvWriter *self,
                               const char       *number)
{
  g_return_if_fail (GOVORUN_IS_CSV_WRITER (self));

  if (!govorun_csv_is_number (number))
    {
      govorun_csv_writer_add_text (self, number);
      return;
    }

  begin_cell (self);
  if (self->dialect == GOVORUN_CSV_DIALECT_EXCEL_RU && strchr (number, '.') != NULL)
    {
      g_autofree char *comma = g_strdup (number);

      *strchr (comma, '.') = ',';
      append_field (self, comma, FALSE);
      return;
    }
  append_field (self, number, FALSE);
}

/* Digits of @value, without printf: a million rows of numbers add up. */
static void
append_int (GString *buffer,
            gint64   value)
{
  char digits[24];
  guint n = 0;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    {
      digits[n++] = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    g_string_append_c (buffer, '-');
  while (n > 0)
    g_string_append_c (buffer, digits[--n]);
}

void
govorun_csv_writer_add_int (GovorunCsvWriter *self,
                            gint64            value)
{
  g_return_if_fail (GOVORUN_IS_CSV_WRITER (self));

  begin_cell (self);
  append_int (self->buffer, value);
}

void
govorun_csv_writer_add_double (GovorunCsvWriter *self,
                               double            value,
                               guint             decimals)
{
  gint64 scale = 1;
  gint64 scaled;
  gint64 whole, fraction;

  g_return_if_fail (GOVORUN_IS_CSV_WRITER (self));

  begin_cell (self);
  if (!isfinite (value))
    return;
  decimals = MIN (decimals, 9);
  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  if (fabs (value) * scale >= 9e18)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (self->buffer, g_ascii_dtostr (text, sizeof text, value));
      return;
    }

  /* Rounded to @decimals in integers, so no locale and no printf. */
  scaled = (gint64) llround (value * (double) scale);
  whole = scaled / scale;
  fraction = ABS (scaled % scale);
  if (scaled < 0)
    g_string_append_c (self->buffer, '-');
  append_int (self->buffer, ABS (whole));
  if (fraction != 0)
    {
      char digits[12];
      guint n = decimals;

      while (fraction % 10 == 0)
        {
          fraction /= 10;
          n--;
        }
      for (guint i = n; i > 0; i--)
        {
          digits[i - 1] = (char) ('0' + fraction % 10);
          fraction /= 10;
        }
      g_string_append_c (self->buffer, self->dialect == GOVORUN_CSV_DIALECT_EXCEL_RU ? ',' : '.');
      g_string_append_len (self->buffer, digits, n);
    }
}

/* A stream's error as the writer reports it: cancelling stays
 * G_IO_ERROR_CANCELLED, anything else is a sentence in GOVORUN_IO_ERROR. */
static void
propagate_stream_error (GError **error,
                        GError  *stream_error)
{
  if (g_error_matches (stream_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, stream_error);
  else
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_WRITE,
                   _("The file could not be written. Check that the disk has free space "
                     "and try again (%s)."), stream_error->message);
      g_error_free (stream_error);
    }
}

static gboolean
flush (GovorunCsvWriter  *self,
       GCancellable      *cancellable,
       GError           **error)
{
  GError *local_error = NULL;

  if (self->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len, NULL,
                                  cancellable, &local_error))
    {
      propagate_stream_error (error, local_error);
      return FALSE;
    }
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

gboolean
govorun_csv_writer_end_row (GovorunCsvWriter  *self,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_return_val_if_fail (GOVORUN_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (!self->closed, FALSE);

  g_string_append (self->buffer, "\r\n");
  self->row_started = FALSE;
  if (self->buffer->len < FLUSH_AT)
    return TRUE;
  return flush (self, cancellable, error);
}

gboolean
govorun_csv_writer_close (GovorunCsvWriter  *self,
                          GCancellable      *cancellable,
                          GError           **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (GOVORUN_IS_CSV_WRITER (self), FALSE);

  if (self->closed)
    return TRUE;
  self->closed = TRUE;
  if (!flush (self, cancellable, error))
    {
      g_output_stream_close (self->stream, NULL, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (self->stream, cancellable, &local_error))
    {
      propagate_stream_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static void
govorun_csv_writer_finalize (GObject *object)
{
  GovorunCsvWriter *self = GOVORUN_CSV_WRITER (object);

  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (govorun_csv_writer_parent_class)->finalize (object);
}

static void
govorun_csv_writer_class_init (GovorunCsvWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_csv_writer_finalize;
}

static void
govorun_csv_writer_init (GovorunCsvWriter *self)
{
  self->buffer = g_string_sized_new (FLUSH_AT + 4096);
}

GovorunCsvWriter *
govorun_csv_writer_new (GOutputStream     *stream,
                        GovorunCsvDialect  dialect)
{
  GovorunCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (GOVORUN_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);
  self->dialect = dialect;
  if (dialect == GOVORUN_CSV_DIALECT_EXCEL_RU)
    g_string_append (self->buffer, "\xEF\xBB\xBF");
  return self;
}
