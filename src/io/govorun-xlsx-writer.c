/* govorun-xlsx-writer.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunXlsxWriter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <xlsxwriter.h>

#include "govorun-io-error.h"
#include "govorun-xlsx-writer.h"

/* Excel's limit is 32,767 characters a cell; a longer text (a long
 * transcript) is cut a little before it, with an ellipsis. */
#define MAX_CELL_CHARS 32000

struct _GovorunXlsxWriter
{
  GObject         parent_instance;

  lxw_workbook   *workbook;
  lxw_worksheet  *sheet;
  lxw_format     *header_format;
  lxw_format     *date_format;
  lxw_format     *money_format;
  lxw_format     *duration_format;
  guint           n_columns;
  lxw_row_t       row;          /* the row being written */
  lxw_col_t       column;       /* its next cell */
  lxw_error       failure;      /* the first error of a cell, LXW_NO_ERROR when none */
};

G_DEFINE_FINAL_TYPE (GovorunXlsxWriter, govorun_xlsx_writer, G_TYPE_OBJECT)

static void
set_write_error (GError    **error,
                 lxw_error   failure)
{
  g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_WRITE,
               _("The spreadsheet could not be written. Check that the disk has free space "
                 "and try again (%s)."), lxw_strerror (failure));
}

static void
note (GovorunXlsxWriter *self,
      lxw_error          failure)
{
  if (self->failure == LXW_NO_ERROR)
    self->failure = failure;
  self->column++;
}

void
govorun_xlsx_writer_add_text (GovorunXlsxWriter *self,
                              const char        *text)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (GOVORUN_IS_XLSX_WRITER (self));

  if (text == NULL || *text == '\0')
    {
      self->column++;
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  if (g_utf8_strlen (text, MAX_CELL_CHARS * 4 + 4) > MAX_CELL_CHARS)
    {
      const char *end = g_utf8_offset_to_pointer (text, MAX_CELL_CHARS - 1);
      char *cut = g_strdup_printf ("%.*s…", (int) (end - text), text);

      g_free (valid);
      text = valid = cut;
    }
  note (self, worksheet_write_string (self->sheet, self->row, self->column, text, NULL));
}

void
govorun_xlsx_writer_add_blank (GovorunXlsxWriter *self)
{
  g_return_if_fail (GOVORUN_IS_XLSX_WRITER (self));

  /* A blank without a format is no cell at all: nothing to write. */
  self->column++;
}

void
govorun_xlsx_writer_add_int (GovorunXlsxWriter *self,
                             gint64             value)
{
  g_return_if_fail (GOVORUN_IS_XLSX_WRITER (self));

  note (self, worksheet_write_number (self->sheet, self->row, self->column, (double) value,
                                      NULL));
}

void
govorun_xlsx_writer_add_money (GovorunXlsxWriter *self,
                               double             amount)
{
  g_return_if_fail (GOVORUN_IS_XLSX_WRITER (self));

  if (!isfinite (amount))
    {
      self->column++;
      return;
    }
  note (self, worksheet_write_number (self->sheet, self->row, self->column, amount,
                                      self->money_format));
}

void
govorun_xlsx_writer_add_duration (GovorunXlsxWriter *self,
                                  guint              seconds)
{
  g_return_if_fail (GOVORUN_IS_XLSX_WRITER (self));

  /* Spreadsheet times are fractions of a day. */
  note (self, worksheet_write_number (self->sheet, self->row, self->column,
                                      (double) seconds / 86400.0, self->duration_format));
}

void
govorun_xlsx_writer_add_datetime (GovorunXlsxWriter *self,
                                  GDateTime         *time)
{
  lxw_datetime when;

  g_return_if_fail (GOVORUN_IS_XLSX_WRITER (self));

  if (time == NULL)
    {
      self->column++;
      return;
    }
  when.year = g_date_time_get_year (time);
  when.month = g_date_time_get_month (time);
  when.day = g_date_time_get_day_of_month (time);
  when.hour = g_date_time_get_hour (time);
  when.min = g_date_time_get_minute (time);
  when.sec = g_date_time_get_second (time);
  note (self, worksheet_write_datetime (self->sheet, self->row, self->column, &when,
                                        self->date_format));
}

gboolean
govorun_xlsx_writer_end_row (GovorunXlsxWriter  *self,
                             GError            **error)
{
  g_return_val_if_fail (GOVORUN_IS_XLSX_WRITER (self), FALSE);
  g_return_val_if_fail (self->workbook != NULL, FALSE);

  if (self->row >= GOVORUN_XLSX_MAX_ROWS)
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE,
                   /* GOVORUN_XLSX_MAX_ROWS less the header. */
                   _("An Excel worksheet holds at most 1,048,575 rows. Narrow the filter, or "
                     "export to CSV, which has no such limit."));
      return FALSE;
    }
  if (self->failure != LXW_NO_ERROR)
    {
      set_write_error (error, self->failure);
      return FALSE;
    }
  self->row++;
  self->column = 0;
  return TRUE;
}

gboolean
govorun_xlsx_writer_close (GovorunXlsxWriter  *self,
                           GError            **error)
{
  lxw_workbook *workbook;
  lxw_error failure;

  g_return_val_if_fail (GOVORUN_IS_XLSX_WRITER (self), FALSE);
  g_return_val_if_fail (self->workbook != NULL, FALSE);

  /* Over the header and every row ended. */
  worksheet_autofilter (self->sheet, 0, 0, self->row - 1, (lxw_col_t) MAX (self->n_columns, 1) - 1);
  workbook = g_steal_pointer (&self->workbook);
  failure = workbook_close (workbook);
  if (failure != LXW_NO_ERROR)
    {
      set_write_error (error, failure);
      return FALSE;
    }
  return TRUE;
}

void
govorun_xlsx_writer_set_width (GovorunXlsxWriter *self,
                               guint              column,
                               double             width)
{
  g_return_if_fail (GOVORUN_IS_XLSX_WRITER (self));
  g_return_if_fail (self->workbook != NULL);

  worksheet_set_column (self->sheet, (lxw_col_t) column, (lxw_col_t) column, width, NULL);
}

static void
govorun_xlsx_writer_finalize (GObject *object)
{
  GovorunXlsxWriter *self = GOVORUN_XLSX_WRITER (object);

  /* Not closed: given up (an error or a cancel). Nothing is written. */
  g_clear_pointer (&self->workbook, lxw_workbook_free);

  G_OBJECT_CLASS (govorun_xlsx_writer_parent_class)->finalize (object);
}

static void
govorun_xlsx_writer_class_init (GovorunXlsxWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_xlsx_writer_finalize;
}

static void
govorun_xlsx_writer_init (GovorunXlsxWriter *self)
{
}

GovorunXlsxWriter *
govorun_xlsx_writer_new (const char          *path,
                         const char          *sheet_name,
                         const char * const  *headers,
                         GError             **error)
{
  g_autoptr(GovorunXlsxWriter) self = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE };

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (headers != NULL, NULL);

  self = g_object_new (GOVORUN_TYPE_XLSX_WRITER, NULL);
  self->workbook = workbook_new_opt (path, &options);
  if (self->workbook == NULL)
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_WRITE,
                   _("The spreadsheet could not be started. Check that the folder can be "
                     "written to and try again."));
      return NULL;
    }
  self->sheet = workbook_add_worksheet (self->workbook, sheet_name);
  if (self->sheet == NULL)
    self->sheet = workbook_add_worksheet (self->workbook, NULL);

  self->header_format = workbook_add_format (self->workbook);
  format_set_bold (self->header_format);
  self->date_format = workbook_add_format (self->workbook);
  format_set_num_format (self->date_format, "yyyy-mm-dd hh:mm:ss");
  self->money_format = workbook_add_format (self->workbook);
  format_set_num_format (self->money_format, "#,##0.00##");
  /* [h]: hours past a day are counted, not wrapped. */
  self->duration_format = workbook_add_format (self->workbook);
  format_set_num_format (self->duration_format, "[h]:mm:ss");

  for (self->n_columns = 0; headers[self->n_columns] != NULL; self->n_columns++)
    note (self, worksheet_write_string (self->sheet, 0, (lxw_col_t) self->n_columns,
                                        headers[self->n_columns], self->header_format));
  worksheet_freeze_panes (self->sheet, 1, 0);
  if (!govorun_xlsx_writer_end_row (self, error))
    return NULL;
  return g_steal_pointer (&self);
}
