/* govorun-xlsx-reader.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunXlsxReader"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "govorun-io-error.h"
#include "govorun-table-reader-private.h"
#include "govorun-xlsx-reader-private.h"

/* Small chunks keep the rows parsed ahead of the caller few. */
#define CHUNK_SIZE (16 * 1024)

typedef struct
{
  guint      number;
  GPtrArray *values;  /* of char * */
} PendingRow;

struct _GovorunXlsxReader
{
  GovorunTableReader   parent_instance;

  GovorunXlsxPackage  *package;
  char                *sheet_name;
  char                *sheet_path;
  GMarkupParseContext *context;
  guint8              *chunk;
  gboolean             opened;
  gboolean             done;     /* the sheet's end, or an error */
  GQueue               pending;  /* of PendingRow, parsed ahead */
  PendingRow          *current;  /* the row last returned */

  /* Where the parser is in the sheet. */
  guint                depth;
  gboolean             in_sheet_data;
  gboolean             in_row;
  gboolean             in_cell;
  gboolean             in_value;   /* <v>, or <t> of an inline string */
  gboolean             in_inline;
  guint                in_rph;
  guint                row_number;
  guint                next_column;
  guint                cell_column;
  char                 cell_type;  /* 's' shared, 'i' inline, 't' formula text, 'b', 'e', 'd', 'n' */
  guint                cell_style;
  GString             *cell_text;
  GString             *value;
  GPtrArray           *row;        /* of char *, the row being parsed */
};

G_DEFINE_FINAL_TYPE (GovorunXlsxReader, govorun_xlsx_reader, GOVORUN_TYPE_TABLE_READER)

static void
pending_row_free (PendingRow *row)
{
  if (row == NULL)
    return;
  g_ptr_array_unref (row->values);
  g_free (row);
}

static void
govorun_xlsx_reader_finalize (GObject *object)
{
  GovorunXlsxReader *self = GOVORUN_XLSX_READER (object);

  g_clear_pointer (&self->context, g_markup_parse_context_free);
  g_clear_pointer (&self->package, _govorun_xlsx_package_free);
  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_row_free);
  pending_row_free (self->current);
  g_free (self->sheet_name);
  g_free (self->sheet_path);
  g_free (self->chunk);
  g_string_free (self->cell_text, TRUE);
  g_string_free (self->value, TRUE);
  g_ptr_array_unref (self->row);

  G_OBJECT_CLASS (govorun_xlsx_reader_parent_class)->finalize (object);
}

static gboolean govorun_xlsx_reader_next_row_impl (GovorunTableReader  *reader,
                                                   GPtrArray           *row,
                                                   guint               *out_row_number,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

static void
govorun_xlsx_reader_class_init (GovorunXlsxReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_xlsx_reader_finalize;
  GOVORUN_TABLE_READER_CLASS (klass)->next_row = govorun_xlsx_reader_next_row_impl;
}

static void
govorun_xlsx_reader_init (GovorunXlsxReader *self)
{
  g_queue_init (&self->pending);
  self->cell_text = g_string_new (NULL);
  self->value = g_string_new (NULL);
  self->row = g_ptr_array_new_with_free_func (g_free);
}

GovorunTableReader *
govorun_xlsx_reader_new (GInputStream             *stream,
                         const char               *sheet_name,
                         const GovorunTableLimits *limits,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(GovorunXlsxReader) self = NULL;
  const char * const *names;
  const char *path;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream) && G_IS_SEEKABLE (stream), NULL);

  self = g_object_new (GOVORUN_TYPE_XLSX_READER, NULL);
  govorun_table_reader_set_limits (GOVORUN_TABLE_READER (self), limits);
  limits = govorun_table_reader_get_limits (GOVORUN_TABLE_READER (self));

  /* The archive itself within the file bound, as a CSV file is. */
  if (g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_END, cancellable, NULL))
    {
      guint64 size = g_seekable_tell (G_SEEKABLE (stream));

      if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
        return NULL;
      if (size > limits->max_file_size)
        {
          _govorun_table_reader_file_too_large (GOVORUN_TABLE_READER (self), error);
          return NULL;
        }
    }

  self->package = _govorun_xlsx_package_open (stream, limits->max_file_size, cancellable, error);
  if (self->package == NULL)
    return NULL;

  path = _govorun_xlsx_package_sheet_path (self->package, sheet_name);
  if (path == NULL)
    {
      if (sheet_name != NULL)
        g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
                     _("The workbook has no sheet named “%s”."), sheet_name);
      else
        g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
                     _("The file is not an Excel workbook (XLSX), or it is damaged."));
      return NULL;
    }
  names = _govorun_xlsx_package_sheet_names (self->package);
  self->sheet_path = g_strdup (path);
  self->sheet_name = g_strdup (sheet_name != NULL ? sheet_name : names[0]);
  return GOVORUN_TABLE_READER (g_steal_pointer (&self));
}

const char * const *
govorun_xlsx_reader_get_sheet_names (GovorunXlsxReader *self)
{
  g_return_val_if_fail (GOVORUN_IS_XLSX_READER (self), NULL);

  return _govorun_xlsx_package_sheet_names (self->package);
}

const char *
govorun_xlsx_reader_get_sheet_name (GovorunXlsxReader *self)
{
  g_return_val_if_fail (GOVORUN_IS_XLSX_READER (self), NULL);

  return self->sheet_name;
}

/* "BC12" → 55; 0 when it names no column. */
static guint
column_of_reference (const char *reference)
{
  guint column = 0;

  for (const char *p = reference; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > 1000000)
        return 0;
    }
  return column;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element_name,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  GovorunXlsxReader *self = user_data;
  GovorunTableReader *reader = GOVORUN_TABLE_READER (self);
  const char *name = _govorun_xlsx_local_name (element_name);

  if (++self->depth > GOVORUN_XLSX_MAX_DEPTH)
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
                   _("The workbook is damaged: its XML is nested too deeply."));
      return;
    }

  if (strcmp (name, "sheetData") == 0)
    self->in_sheet_data = TRUE;
  else if (!self->in_sheet_data)
    return;
  else if (strcmp (name, "row") == 0)
    {
      const char *r = _govorun_xlsx_attribute (names, values, "r");
      guint64 number = 0;

      if (r == NULL || !g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT, &number, NULL))
        number = self->row_number + 1;
      if (number > govorun_table_reader_get_limits (reader)->max_rows)
        {
          _govorun_table_reader_too_many_rows (reader, error);
          return;
        }
      self->row_number = number;
      self->next_column = 1;
      self->in_row = TRUE;
      g_ptr_array_set_size (self->row, 0);
    }
  else if (!self->in_row)
    return;  /* a cell outside a row is no cell (found by the fuzzer) */
  else if (strcmp (name, "c") == 0)
    {
      const char *r = _govorun_xlsx_attribute (names, values, "r");
      const char *t = _govorun_xlsx_attribute (names, values, "t");
      const char *s = _govorun_xlsx_attribute (names, values, "s");
      guint64 style = 0;

      self->in_cell = TRUE;
      self->cell_column = r != NULL ? column_of_reference (r) : 0;
      if (self->cell_column == 0)
        self->cell_column = MAX (self->next_column, 1);
      self->next_column = self->cell_column + 1;
      if (t == NULL || strcmp (t, "n") == 0)
        self->cell_type = 'n';
      else if (strcmp (t, "s") == 0)
        self->cell_type = 's';
      else if (strcmp (t, "inlineStr") == 0)
        self->cell_type = 'i';
      else if (strcmp (t, "b") == 0)
        self->cell_type = 'b';
      else if (strcmp (t, "d") == 0)
        self->cell_type = 'd';
      else
        self->cell_type = 't';  /* str, e: the text as it is */
      self->cell_style = s != NULL && g_ascii_string_to_unsigned (s, 10, 0, G_MAXUINT, &style, NULL)
                         ? (guint) style : 0;
      g_string_truncate (self->cell_text, 0);
    }
  else if (!self->in_cell)
    return;
  else if (strcmp (name, "v") == 0)
    self->in_value = TRUE;
  else if (strcmp (name, "is") == 0)
    self->in_inline = TRUE;
  else if (strcmp (name, "t") == 0 && self->in_inline)
    self->in_value = TRUE;
  else if (strcmp (name, "rPh") == 0)
    self->in_rph++;
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  GovorunXlsxReader *self = user_data;
  GovorunTableReader *reader = GOVORUN_TABLE_READER (self);

  if (!self->in_value || self->in_rph > 0)
    return;
  if (self->cell_text->len + text_len > govorun_table_reader_get_limits (reader)->max_field_length)
    {
      _govorun_table_reader_field_too_long (reader, self->row_number, self->cell_column, error);
      return;
    }
  g_string_append_len (self->cell_text, text, text_len);
}

/* The cell's value as text, in self->value. */
static gboolean
cell_value (GovorunXlsxReader  *self,
            GError            **error)
{
  const char *text = self->cell_text->str;
  GovorunXlsxFormatKind kind;

  g_string_truncate (self->value, 0);
  switch (self->cell_type)
    {
    case 's':
      {
        guint64 index = 0;
        const char *shared = NULL;

        if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &index, NULL))
          shared = _govorun_xlsx_package_shared_string (self->package, index);
        if (shared == NULL)
          {
            g_autofree char *column = govorun_table_column_name (self->cell_column);

            g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
                         _("Row %u, column %s: the cell refers to a text the workbook does not have."),
                         self->row_number, column);
            return FALSE;
          }
        g_string_append (self->value, shared);
      }
      break;
    case 'b':
      g_string_append (self->value, strcmp (text, "1") == 0 ? "TRUE" : "FALSE");
      break;
    case 'n':
      if (text[0] == '\0')
        break;
      kind = _govorun_xlsx_package_style_kind (self->package, self->cell_style);
      if (kind != GOVORUN_XLSX_FORMAT_NONE
          && _govorun_xlsx_date_text (text, kind, _govorun_xlsx_package_date1904 (self->package),
                                      self->value))
        break;
      g_string_truncate (self->value, 0);
      if (!_govorun_xlsx_number_text (text, self->value))
        g_string_append (self->value, text);
      break;
    case 'i':
    case 'd':
    case 't':
    default:
      g_string_append_len (self->value, text, self->cell_text->len);
      break;
    }
  return TRUE;
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element_name,
           gpointer              user_data,
           GError              **error)
{
  GovorunXlsxReader *self = user_data;
  GovorunTableReader *reader = GOVORUN_TABLE_READER (self);
  const char *name = _govorun_xlsx_local_name (element_name);

  self->depth--;
  if (!self->in_sheet_data)
    return;
  if (strcmp (name, "sheetData") == 0)
    {
      self->in_sheet_data = FALSE;
      self->done = TRUE;
    }
  else if (strcmp (name, "row") == 0 && self->in_row)
    {
      PendingRow *pending;

      self->in_row = FALSE;
      /* Rows of empty cells (formatting only) are not rows to read. */
      if (self->row->len == 0)
        return;
      pending = g_new0 (PendingRow, 1);
      pending->number = self->row_number;
      pending->values = g_steal_pointer (&self->row);
      self->row = g_ptr_array_new_with_free_func (g_free);
      g_queue_push_tail (&self->pending, pending);
    }
  else if (strcmp (name, "c") == 0 && self->in_cell)
    {
      self->in_cell = FALSE;
      self->in_value = FALSE;
      self->in_inline = FALSE;
      self->in_rph = 0;
      if (!cell_value (self, error))
        return;
      /* Only cells with a value make columns: styled empty cells far to
       * the right do not widen the table. */
      if (self->value->len == 0)
        return;
      if (self->cell_column > govorun_table_reader_get_limits (reader)->max_fields)
        {
          _govorun_table_reader_too_many_fields (reader, self->row_number, error);
          return;
        }
      if (!g_utf8_validate_len (self->value->str, self->value->len, NULL))
        {
          _govorun_table_reader_bad_text (self->row_number, self->cell_column, error);
          return;
        }
      while (self->row->len + 1 < self->cell_column)
        g_ptr_array_add (self->row, g_strdup (""));
      if (self->row->len + 1 == self->cell_column)
        g_ptr_array_add (self->row, g_strndup (self->value->str, self->value->len));
      else
        {
          /* A cell written twice, or out of order: the last one wins. */
          g_free (self->row->pdata[self->cell_column - 1]);
          self->row->pdata[self->cell_column - 1] = g_strndup (self->value->str, self->value->len);
        }
    }
  else if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
    self->in_value = FALSE;
  else if (strcmp (name, "is") == 0)
    self->in_inline = FALSE;
  else if (strcmp (name, "rPh") == 0 && self->in_rph > 0)
    self->in_rph--;
}

static gboolean
fail (GovorunXlsxReader  *self,
      GError             *local_error,
      GError            **error)
{
  self->done = TRUE;
  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_row_free);
  if (local_error->domain == GOVORUN_IO_ERROR || local_error->domain == G_IO_ERROR)
    g_propagate_error (error, local_error);
  else
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
                   _("The workbook is damaged: sheet “%s” cannot be read after row %u."),
                   self->sheet_name, self->row_number);
      g_error_free (local_error);
    }
  return FALSE;
}

/* Parses chunks of the sheet until a row is ready or the sheet ends. */
static gboolean
parse_ahead (GovorunXlsxReader  *self,
             GCancellable       *cancellable,
             GError            **error)
{
  static const GMarkupParser parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  GError *local_error = NULL;

  if (!self->opened)
    {
      self->opened = TRUE;
      self->chunk = g_malloc (CHUNK_SIZE);
      self->context = g_markup_parse_context_new (&parser, 0, self, NULL);
      if (!_govorun_xlsx_package_open_part (self->package, self->sheet_path, &local_error))
        return fail (self, local_error, error);
    }

  while (g_queue_is_empty (&self->pending) && !self->done)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        return fail (self, local_error, error);
      n = _govorun_xlsx_package_read_part (self->package, self->chunk, CHUNK_SIZE, &local_error);
      if (n < 0)
        return fail (self, local_error, error);
      if (n == 0)
        {
          self->done = TRUE;
          if (!g_markup_parse_context_end_parse (self->context, &local_error))
            return fail (self, local_error, error);
          break;
        }
      if (!g_markup_parse_context_parse (self->context, (const char *) self->chunk, n, &local_error))
        return fail (self, local_error, error);
    }
  return TRUE;
}

static gboolean
govorun_xlsx_reader_next_row_impl (GovorunTableReader  *reader,
                                   GPtrArray           *row,
                                   guint               *out_row_number,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  GovorunXlsxReader *self = GOVORUN_XLSX_READER (reader);

  g_clear_pointer (&self->current, pending_row_free);
  if (g_queue_is_empty (&self->pending) && !parse_ahead (self, cancellable, error))
    return FALSE;

  self->current = g_queue_pop_head (&self->pending);
  if (self->current == NULL)
    return FALSE;
  for (guint i = 0; i < self->current->values->len; i++)
    g_ptr_array_add (row, g_ptr_array_index (self->current->values, i));
  *out_row_number = self->current->number;
  return TRUE;
}
