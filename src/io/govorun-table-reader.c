/* govorun-table-reader.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTableReader"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "govorun-csv-reader.h"
#include "govorun-io-error.h"
#include "govorun-table-reader-private.h"
#include "govorun-xlsx-reader.h"

typedef struct
{
  GovorunTableLimits  limits;
  GPtrArray          *row;  /* borrowed values + NULL, returned by next_row */
} GovorunTableReaderPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GovorunTableReader, govorun_table_reader, G_TYPE_OBJECT)

static const GovorunTableLimits default_limits = {
  .max_file_size = G_GUINT64_CONSTANT (1) << 30,
  .max_rows = 2000000,
  .max_fields = 1000,
  .max_field_length = 64 * 1024,
};

static void
govorun_table_reader_finalize (GObject *object)
{
  GovorunTableReaderPrivate *priv =
    govorun_table_reader_get_instance_private (GOVORUN_TABLE_READER (object));

  g_ptr_array_unref (priv->row);

  G_OBJECT_CLASS (govorun_table_reader_parent_class)->finalize (object);
}

static void
govorun_table_reader_class_init (GovorunTableReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_table_reader_finalize;
}

static void
govorun_table_reader_init (GovorunTableReader *self)
{
  GovorunTableReaderPrivate *priv = govorun_table_reader_get_instance_private (self);

  priv->limits = default_limits;
  priv->row = g_ptr_array_new ();
}

const GovorunTableLimits *
govorun_table_reader_get_limits (GovorunTableReader *self)
{
  GovorunTableReaderPrivate *priv = govorun_table_reader_get_instance_private (self);

  return &priv->limits;
}

void
govorun_table_reader_set_limits (GovorunTableReader       *self,
                                 const GovorunTableLimits *limits)
{
  GovorunTableReaderPrivate *priv = govorun_table_reader_get_instance_private (self);

  g_return_if_fail (GOVORUN_IS_TABLE_READER (self));

  priv->limits = default_limits;
  if (limits == NULL)
    return;
  if (limits->max_file_size > 0)
    priv->limits.max_file_size = limits->max_file_size;
  if (limits->max_rows > 0)
    priv->limits.max_rows = limits->max_rows;
  if (limits->max_fields > 0)
    priv->limits.max_fields = limits->max_fields;
  if (limits->max_field_length > 0)
    priv->limits.max_field_length = limits->max_field_length;
}

const char * const *
govorun_table_reader_next_row (GovorunTableReader  *self,
                               guint               *out_n_values,
                               guint               *out_row_number,
                               GCancellable        *cancellable,
                               GError             **error)
{
  GovorunTableReaderPrivate *priv = govorun_table_reader_get_instance_private (self);
  guint row_number = 0;

  g_return_val_if_fail (GOVORUN_IS_TABLE_READER (self), NULL);

  g_ptr_array_set_size (priv->row, 0);
  if (!GOVORUN_TABLE_READER_GET_CLASS (self)->next_row (self, priv->row, &row_number,
                                                        cancellable, error))
    return NULL;

  if (out_n_values != NULL)
    *out_n_values = priv->row->len;
  if (out_row_number != NULL)
    *out_row_number = row_number;
  g_ptr_array_add (priv->row, NULL);
  return (const char * const *) priv->row->pdata;
}

gboolean
govorun_table_reader_read_preview (GovorunTableReader  *self,
                                  guint                max_rows,
                                  GPtrArray          **out_rows,
                                  GArray             **out_row_numbers,
                                  GCancellable        *cancellable,
                                  GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  guint width = 0;

  g_return_val_if_fail (GOVORUN_IS_TABLE_READER (self), FALSE);

  while (rows->len < max_rows)
    {
      g_autoptr(GError) local_error = NULL;
      const char * const *values;
      guint n, number;

      values = govorun_table_reader_next_row (self, &n, &number, cancellable, &local_error);
      if (values == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }
      g_ptr_array_add (rows, g_strdupv ((char **) values));
      g_array_append_val (numbers, number);
      width = MAX (width, n);
    }

  /* The same width for every row, so that a preview is a rectangle. */
  for (guint i = 0; i < rows->len; i++)
    {
      char **values = g_ptr_array_index (rows, i);
      guint n = g_strv_length (values);

      if (n < width)
        {
          values = g_renew (char *, values, width + 1);
          for (guint j = n; j < width; j++)
            values[j] = g_strdup ("");
          values[width] = NULL;
          rows->pdata[i] = values;
        }
    }

  if (out_rows != NULL)
    *out_rows = g_steal_pointer (&rows);
  if (out_row_numbers != NULL)
    *out_row_numbers = g_steal_pointer (&numbers);
  return TRUE;
}

GovorunTableReader *
govorun_table_reader_open (GFile                     *file,
                           const char                *sheet_name,
                           const GovorunTableLimits  *limits,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GovorunTableReader) reader = NULL;
  guint8 magic[4] = { 0 };
  gsize n_read = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n_read,
                                cancellable, error)
      || !g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
    return NULL;

  /* An old .xls and a password-protected .xlsx are OLE compound files. */
  if (n_read == 4 && memcmp (magic, "\xD0\xCF\x11\xE0", 4) == 0)
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_UNSUPPORTED,
                   _("This is an old Excel workbook (XLS) or one with a password. Save it as XLSX without a password, or as CSV, and try again."));
      return NULL;
    }
  /* Every XLSX is a ZIP archive; anything else is read as text. */
  if (n_read == 4 && memcmp (magic, "PK\003\004", 4) == 0)
    reader = govorun_xlsx_reader_new (G_INPUT_STREAM (stream), sheet_name, limits,
                                      cancellable, error);
  else
    reader = govorun_csv_reader_new (G_INPUT_STREAM (stream), limits);
  return g_steal_pointer (&reader);
}

char *
govorun_table_column_name (guint column)
{
  char buf[16];
  guint i = G_N_ELEMENTS (buf) - 1;

  g_return_val_if_fail (column > 0, g_strdup ("?"));

  buf[i] = '\0';
  while (column > 0 && i > 0)
    {
      column--;
      buf[--i] = 'A' + column % 26;
      column /= 26;
    }
  return g_strdup (buf + i);
}

gboolean
_govorun_table_reader_too_many_rows (GovorunTableReader  *self,
                                     GError             **error)
{
  g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE,
               _("The file has more rows than Govorun reads at once (%u)."),
               govorun_table_reader_get_limits (self)->max_rows);
  return FALSE;
}

gboolean
_govorun_table_reader_too_many_fields (GovorunTableReader  *self,
                                       guint                row,
                                       GError             **error)
{
  g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE,
               _("Row %u: more columns than Govorun reads (%u)."),
               row, govorun_table_reader_get_limits (self)->max_fields);
  return FALSE;
}

gboolean
_govorun_table_reader_field_too_long (GovorunTableReader  *self,
                                      guint                row,
                                      guint                column,
                                      GError             **error)
{
  g_autofree char *name = govorun_table_column_name (column);
  g_autofree char *size = g_format_size (govorun_table_reader_get_limits (self)->max_field_length);

  g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE,
               _("Row %u, column %s: the value is longer than Govorun reads (%s)."),
               row, name, size);
  return FALSE;
}

gboolean
_govorun_table_reader_file_too_large (GovorunTableReader  *self,
                                      GError             **error)
{
  g_autofree char *size = g_format_size (govorun_table_reader_get_limits (self)->max_file_size);

  g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE,
               _("The file is larger than %s, more than Govorun reads at once."), size);
  return FALSE;
}

gboolean
_govorun_table_reader_bad_text (guint    row,
                                guint    column,
                                GError **error)
{
  g_autofree char *name = govorun_table_column_name (column);

  g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_ENCODING,
               _("Row %u, column %s: the text is not in the file’s encoding (or the file is not text)."),
               row, name);
  return FALSE;
}
