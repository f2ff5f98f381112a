/* govorun-csv-reader.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCsvReader"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "govorun-csv-reader.h"
#include "govorun-io-error.h"
#include "govorun-table-reader-private.h"

/* One read from the stream; the first one also decides the encoding and
 * the delimiter, so it is large enough to hold a few rows. */
#define CHUNK_SIZE (64 * 1024)
/* How many rows the delimiter is guessed from. */
#define SNIFF_ROWS 20

typedef enum
{
  STATE_ROW_START,
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} State;

struct _GovorunCsvReader
{
  GovorunTableReader  parent_instance;

  GInputStream       *stream;
  guint8             *raw;          /* CHUNK_SIZE bytes as read */
  guint64             total_read;
  gboolean            eof;
  gboolean            started;
  gboolean            failed;       /* after an error, the end */
  GovorunCsvEncoding  encoding;
  char                delimiter;
  guint8              carry[4];     /* an incomplete UTF-16 unit or pair */
  gsize               carry_len;

  GByteArray         *text;         /* decoded UTF-8 not parsed yet */
  gsize               text_pos;

  State               state;
  gboolean            skip_lf;      /* the last row ended on \r */
  guint               row_number;   /* of the row being parsed */
  GString            *values;       /* the row's values, each ended by \0 */
  GArray             *starts;       /* of gsize: where each value starts */
  gsize               value_start;
};

G_DEFINE_FINAL_TYPE (GovorunCsvReader, govorun_csv_reader, GOVORUN_TYPE_TABLE_READER)

/* Windows-1251 0x80..0xBF (0xC0..0xFF are U+0410..U+044F); 0x98 is unused. */
static const gunichar cp1251_high[64] = {
  0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
  0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
  0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
  0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
  0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
  0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
  0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

/* The UTF-8 of every Windows-1251 byte from 0x80, computed once. */
static guint8 cp1251_utf8[128][4];

static void
govorun_csv_reader_finalize (GObject *object)
{
  GovorunCsvReader *self = GOVORUN_CSV_READER (object);

  g_clear_object (&self->stream);
  g_free (self->raw);
  g_byte_array_unref (self->text);
  g_string_free (self->values, TRUE);
  g_array_unref (self->starts);

  G_OBJECT_CLASS (govorun_csv_reader_parent_class)->finalize (object);
}

static gboolean govorun_csv_reader_next_row_impl (GovorunTableReader  *reader,
                                                  GPtrArray           *row,
                                                  guint               *out_row_number,
                                                  GCancellable        *cancellable,
                                                  GError             **error);

static void
govorun_csv_reader_class_init (GovorunCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_csv_reader_finalize;
  GOVORUN_TABLE_READER_CLASS (klass)->next_row = govorun_csv_reader_next_row_impl;

  for (guint i = 0; i < 128; i++)
    {
      gunichar c = i < 64 ? cp1251_high[i] : 0x0410 + (i - 64);
      int n = g_unichar_to_utf8 (c, (char *) cp1251_utf8[i] + 1);

      cp1251_utf8[i][0] = n;
    }
}

static void
govorun_csv_reader_init (GovorunCsvReader *self)
{
  self->raw = g_malloc (CHUNK_SIZE);
  self->text = g_byte_array_sized_new (CHUNK_SIZE * 2);
  self->values = g_string_sized_new (1024);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->delimiter = ',';
}

GovorunTableReader *
govorun_csv_reader_new (GInputStream             *stream,
                        const GovorunTableLimits *limits)
{
  GovorunCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (GOVORUN_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  govorun_table_reader_set_limits (GOVORUN_TABLE_READER (self), limits);
  return GOVORUN_TABLE_READER (self);
}

GovorunCsvEncoding
govorun_csv_reader_get_encoding (GovorunCsvReader *self)
{
  g_return_val_if_fail (GOVORUN_IS_CSV_READER (self), GOVORUN_CSV_ENCODING_UNKNOWN);

  return self->encoding;
}

char
govorun_csv_reader_get_delimiter (GovorunCsvReader *self)
{
  g_return_val_if_fail (GOVORUN_IS_CSV_READER (self), ',');

  return self->delimiter;
}

/* Reads the next chunk into self->raw; 0 bytes at the end. */
static gboolean
read_chunk (GovorunCsvReader  *self,
            gsize             *out_len,
            GCancellable      *cancellable,
            GError           **error)
{
  GovorunTableReader *reader = GOVORUN_TABLE_READER (self);

  if (!g_input_stream_read_all (self->stream, self->raw, CHUNK_SIZE, out_len, cancellable, error))
    return FALSE;
  if (*out_len < CHUNK_SIZE)
    self->eof = TRUE;
  self->total_read += *out_len;
  if (self->total_read > govorun_table_reader_get_limits (reader)->max_file_size)
    return _govorun_table_reader_file_too_large (reader, error);
  return TRUE;
}

/* Whether @raw is UTF-8, allowing a character cut at the chunk's end. */
static gboolean
looks_utf8 (const guint8 *raw,
            gsize         len,
            gboolean      eof)
{
  const char *end = NULL;

  if (g_utf8_validate_len ((const char *) raw, len, &end))
    return TRUE;
  return !eof && (const guint8 *) end + 4 > raw + len && *end != '\0';
}

/* Windows-1251 text in Russian: most bytes above 0x7F are letters
 * (0xC0..0xFF, Ё and ё) or Russian punctuation; other 8-bit text and
 * binary data rarely fit. Upper and lower case are not weighed: a CRM's
 * export in capitals is still Russian (KOI8-R, which swaps the cases, is
 * not read). */
static gboolean
looks_cp1251 (const guint8 *raw,
              gsize         len)
{
  gsize high = 0, letters = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint8 b = raw[i];

      if (b < 0x80)
        continue;
      high++;
      if (b >= 0xC0 || b == 0xA8 || b == 0xB8)
        letters++;
      else if (b == 0xAB || b == 0xBB || b == 0x96 || b == 0x97 || b == 0xB9 || b == 0xA0)
        letters++;  /* « » – — № and the no-break space: Russian punctuation */
    }
  return high > 0 && letters * 10 >= high * 8;
}

static GovorunCsvEncoding
detect_encoding (const guint8 *raw,
                 gsize         len,
                 gboolean      eof,
                 gsize        *out_bom)
{
  gsize zero_even = 0, zero_odd = 0;

  *out_bom = 0;
  if (len >= 3 && memcmp (raw, "\xEF\xBB\xBF", 3) == 0)
    return (*out_bom = 3), GOVORUN_CSV_ENCODING_UTF8_BOM;
  if (len >= 2 && raw[0] == 0xFF && raw[1] == 0xFE)
    return (*out_bom = 2), GOVORUN_CSV_ENCODING_UTF16LE;
  if (len >= 2 && raw[0] == 0xFE && raw[1] == 0xFF)
    return (*out_bom = 2), GOVORUN_CSV_ENCODING_UTF16BE;

  /* UTF-16 without a BOM: ASCII text has a zero in every other byte. */
  for (gsize i = 0; i + 1 < len && i < 4096; i += 2)
    {
      zero_even += raw[i] == 0;
      zero_odd += raw[i + 1] == 0;
    }
  if (len >= 4 && zero_odd * 4 >= MIN (len, 4096) && zero_even == 0)
    return GOVORUN_CSV_ENCODING_UTF16LE;
  if (len >= 4 && zero_even * 4 >= MIN (len, 4096) && zero_odd == 0)
    return GOVORUN_CSV_ENCODING_UTF16BE;

  if (looks_utf8 (raw, len, eof))
    return GOVORUN_CSV_ENCODING_UTF8;
  if (looks_cp1251 (raw, len))
    return GOVORUN_CSV_ENCODING_WINDOWS_1251;
  return GOVORUN_CSV_ENCODING_UNKNOWN;
}

static void
append_unichar (GByteArray *out,
                gunichar    c)
{
  guint8 buf[6];
  int n = g_unichar_to_utf8 (c, (char *) buf);

  g_byte_array_append (out, buf, n);
}

/* UTF-16 to UTF-8; a unit that is no character becomes a 0xFF byte, which
 * no UTF-8 holds, so that the value it lands in is reported with its row
 * and column. A unit or pair cut by the chunk's end waits in carry. */
static void
decode_utf16 (GovorunCsvReader *self,
              const guint8     *raw,
              gsize             len)
{
  gboolean be = self->encoding == GOVORUN_CSV_ENCODING_UTF16BE;
  g_autofree guint8 *joined = NULL;
  gsize i = 0;

  if (self->carry_len > 0)
    {
      joined = g_malloc (self->carry_len + len);
      memcpy (joined, self->carry, self->carry_len);
      memcpy (joined + self->carry_len, raw, len);
      len += self->carry_len;
      raw = joined;
      self->carry_len = 0;
    }

  while (i + 1 < len)
    {
      guint u = be ? (raw[i] << 8 | raw[i + 1]) : (raw[i + 1] << 8 | raw[i]);

      if (u < 0x80)
        {
          guint8 b = u;
          g_byte_array_append (self->text, &b, 1);
          i += 2;
        }
      else if (u >= 0xD800 && u < 0xDC00)
        {
          guint lo;

          if (i + 3 >= len)
            break;  /* the pair's second half is in the next chunk */
          lo = be ? (raw[i + 2] << 8 | raw[i + 3]) : (raw[i + 3] << 8 | raw[i + 2]);
          if (lo >= 0xDC00 && lo < 0xE000)
            {
              append_unichar (self->text, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
              i += 4;
            }
          else
            {
              g_byte_array_append (self->text, (const guint8 *) "\xFF", 1);
              i += 2;
            }
        }
      else if (u >= 0xDC00 && u < 0xE000)
        {
          g_byte_array_append (self->text, (const guint8 *) "\xFF", 1);
          i += 2;
        }
      else
        {
          append_unichar (self->text, u);
          i += 2;
        }
    }

  self->carry_len = len - i;
  memcpy (self->carry, raw + i, self->carry_len);
  if (self->eof && self->carry_len > 0)
    {
      g_byte_array_append (self->text, (const guint8 *) "\xFF", 1);
      self->carry_len = 0;
    }
}

static void
decode_cp1251 (GovorunCsvReader *self,
               const guint8     *raw,
               gsize             len)
{
  gsize old = self->text->len;
  guint8 *out;

  g_byte_array_set_size (self->text, old + len * 3);
  out = self->text->data + old;
  for (gsize i = 0; i < len; i++)
    {
      guint8 b = raw[i];

      if (b < 0x80)
        *out++ = b;
      else
        {
          const guint8 *u = cp1251_utf8[b - 0x80];

          memcpy (out, u + 1, 3);
          out += u[0];
        }
    }
  g_byte_array_set_size (self->text, out - self->text->data);
}

static void
decode (GovorunCsvReader *self,
        const guint8     *raw,
        gsize             len)
{
  /* What the parser consumed goes; what it did not stays in front. */
  if (self->text_pos > 0)
    {
      g_byte_array_remove_range (self->text, 0, self->text_pos);
      self->text_pos = 0;
    }

  switch (self->encoding)
    {
    case GOVORUN_CSV_ENCODING_WINDOWS_1251:
      decode_cp1251 (self, raw, len);
      break;
    case GOVORUN_CSV_ENCODING_UTF16LE:
    case GOVORUN_CSV_ENCODING_UTF16BE:
      decode_utf16 (self, raw, len);
      break;
    case GOVORUN_CSV_ENCODING_UTF8:
    case GOVORUN_CSV_ENCODING_UTF8_BOM:
    case GOVORUN_CSV_ENCODING_UNKNOWN:
    default:
      g_byte_array_append (self->text, raw, len);
      break;
    }
}

/* The delimiter the first rows agree on: the candidate whose count per row
 * is the same in most rows (the header's count), then the one with more
 * columns; a file of one column has none of them and gets ",". */
static char
sniff_delimiter (const guint8 *text,
                 gsize         len)
{
  static const char candidates[] = { ';', ',', '\t' };
  guint counts[G_N_ELEMENTS (candidates)][SNIFF_ROWS] = { { 0 } };
  guint n_rows = 0;
  gboolean quoted = FALSE, in_row = FALSE;
  char best = ',';
  guint best_agree = 0, best_count = 0;

  for (gsize i = 0; i < len && n_rows < SNIFF_ROWS; i++)
    {
      guint8 c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (in_row)
            n_rows++;
          in_row = FALSE;
          continue;
        }
      else if (!quoted)
        {
          for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
            if (c == (guint8) candidates[k])
              counts[k][n_rows]++;
        }
      in_row = TRUE;
    }
  if (in_row && n_rows < SNIFF_ROWS)
    n_rows++;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint agree = 0;

      if (n_rows == 0 || counts[k][0] == 0)
        continue;
      for (guint r = 0; r < n_rows; r++)
        agree += counts[k][r] == counts[k][0];
      if (agree > best_agree || (agree == best_agree && counts[k][0] > best_count))
        {
          best = candidates[k];
          best_agree = agree;
          best_count = counts[k][0];
        }
    }
  return best;
}

static gboolean
start (GovorunCsvReader  *self,
       GCancellable      *cancellable,
       GError           **error)
{
  gsize len = 0, bom = 0;

  self->started = TRUE;
  if (!read_chunk (self, &len, cancellable, error))
    return FALSE;

  self->encoding = detect_encoding (self->raw, len, self->eof, &bom);
  if (self->encoding == GOVORUN_CSV_ENCODING_UNKNOWN)
    {
      if (len == 0)
        {
          self->encoding = GOVORUN_CSV_ENCODING_UTF8;
          return TRUE;
        }
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_ENCODING,
                   _("The file is not text in UTF-8, UTF-16 or Windows-1251. Save it as CSV in UTF-8 and try again."));
      return FALSE;
    }

  decode (self, self->raw + bom, len - bom);
  self->delimiter = sniff_delimiter (self->text->data, self->text->len);
  return TRUE;
}

static gboolean
refill (GovorunCsvReader  *self,
        GCancellable      *cancellable,
        GError           **error)
{
  gsize len = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!read_chunk (self, &len, cancellable, error))
    return FALSE;
  decode (self, self->raw, len);
  return TRUE;
}

/* Appends @len bytes to the value being read, within its bound. */
static inline gboolean
append_value (GovorunCsvReader  *self,
              const guint8      *bytes,
              gsize              len,
              GError           **error)
{
  GovorunTableReader *reader = GOVORUN_TABLE_READER (self);

  if (self->values->len - self->value_start + len
      > govorun_table_reader_get_limits (reader)->max_field_length)
    return _govorun_table_reader_field_too_long (reader, self->row_number, self->starts->len + 1,
                                                 error);
  if (len == 1)
    g_string_append_c (self->values, *bytes);
  else
    {
      gsize old = self->values->len;

      /* Cheaper than g_string_append_len, which handles overlaps. */
      g_string_set_size (self->values, old + len);
      memcpy (self->values->str + old, bytes, len);
    }
  return TRUE;
}

static gboolean
end_value (GovorunCsvReader  *self,
           GError           **error)
{
  GovorunTableReader *reader = GOVORUN_TABLE_READER (self);
  const char *value = self->values->str + self->value_start;
  gsize len = self->values->len - self->value_start;

  if (self->starts->len >= govorun_table_reader_get_limits (reader)->max_fields)
    return _govorun_table_reader_too_many_fields (reader, self->row_number, error);
  /* Windows-1251 decodes to valid UTF-8 only; the others are checked. */
  if (self->encoding != GOVORUN_CSV_ENCODING_WINDOWS_1251 && !g_utf8_validate_len (value, len, NULL))
    return _govorun_table_reader_bad_text (self->row_number, self->starts->len + 1, error);

  g_array_append_val (self->starts, self->value_start);
  g_string_append_c (self->values, '\0');
  self->value_start = self->values->len;
  return TRUE;
}

static void
begin_row (GovorunCsvReader *self)
{
  g_string_truncate (self->values, 0);
  g_array_set_size (self->starts, 0);
  self->value_start = 0;
}

/* The finished row into @row; FALSE when it is empty (every value ""). */
static gboolean
take_row (GovorunCsvReader *self,
          GPtrArray        *row)
{
  gboolean empty = TRUE;

  for (guint i = 0; i < self->starts->len; i++)
    {
      const char *value = self->values->str + g_array_index (self->starts, gsize, i);

      empty = empty && value[0] == '\0';
      g_ptr_array_add (row, (gpointer) value);
    }
  if (empty)
    g_ptr_array_set_size (row, 0);
  return !empty;
}

static gboolean
govorun_csv_reader_next_row_impl (GovorunTableReader  *reader,
                                  GPtrArray           *row,
                                  guint               *out_row_number,
                                  GCancellable        *cancellable,
                                  GError             **error)
{
  GovorunCsvReader *self = GOVORUN_CSV_READER (reader);
  char delimiter;
  guint max_rows = govorun_table_reader_get_limits (reader)->max_rows;

  if (self->failed)
    return FALSE;
  if (!self->started && !start (self, cancellable, error))
    goto fail;
  delimiter = self->delimiter;

  for (;;)
    {
      const guint8 *text = self->text->data;
      gsize len = self->text->len;
      gsize pos = self->text_pos;

      while (pos < len)
        {
          guint8 c = text[pos];

          if (self->skip_lf)
            {
              self->skip_lf = FALSE;
              if (c == '\n')
                {
                  pos++;
                  continue;
                }
            }

          switch (self->state)
            {
            case STATE_ROW_START:
              self->row_number++;
              if (self->row_number > max_rows)
                {
                  _govorun_table_reader_too_many_rows (reader, error);
                  goto fail;
                }
              if (c == '\n' || c == '\r')
                {
                  /* An empty line: counted, not returned. */
                  self->skip_lf = c == '\r';
                  pos++;
                  break;
                }
              begin_row (self);
              self->state = STATE_FIELD_START;
              break;

            case STATE_FIELD_START:
              if (c == '"')
                {
                  self->state = STATE_QUOTED;
                  pos++;
                }
              else
                self->state = STATE_UNQUOTED;
              break;

            case STATE_UNQUOTED:
              {
                gsize end = pos;

                while (end < len && text[end] != delimiter && text[end] != '\n' && text[end] != '\r')
                  end++;
                if (end > pos && !append_value (self, text + pos, end - pos, error))
                  goto fail;
                pos = end;
                if (pos == len)
                  break;
                c = text[pos++];
                if (!end_value (self, error))
                  goto fail;
                if (c == delimiter)
                  {
                    self->state = STATE_FIELD_START;
                    break;
                  }
                self->skip_lf = c == '\r';
                self->state = STATE_ROW_START;
                if (take_row (self, row))
                  {
                    self->text_pos = pos;
                    *out_row_number = self->row_number;
                    return TRUE;
                  }
              }
              break;

            case STATE_QUOTED:
              {
                const guint8 *quote = memchr (text + pos, '"', len - pos);
                gsize end = quote != NULL ? (gsize) (quote - text) : len;

                if (end > pos && !append_value (self, text + pos, end - pos, error))
                  goto fail;
                pos = end;
                if (quote != NULL)
                  {
                    self->state = STATE_QUOTE_IN_QUOTED;
                    pos++;
                  }
              }
              break;

            case STATE_QUOTE_IN_QUOTED:
              if (c == '"')
                {
                  /* A doubled quote is one quote in the value. */
                  if (!append_value (self, &c, 1, error))
                    goto fail;
                  self->state = STATE_QUOTED;
                  pos++;
                }
              else if (c == delimiter || c == '\n' || c == '\r')
                self->state = STATE_UNQUOTED;  /* which ends the value there */
              else
                {
                  /* Text after the closing quote ("a"b): kept, as
                   * spreadsheets do. */
                  self->state = STATE_UNQUOTED;
                }
              break;

            default:
              g_assert_not_reached ();
            }
        }
      self->text_pos = pos;

      if (self->eof)
        break;
      if (!refill (self, cancellable, error))
        goto fail;
    }

  /* The end of the file ends the last row, if it has no line break. */
  switch (self->state)
    {
    case STATE_ROW_START:
      return FALSE;
    case STATE_QUOTED:
      {
        g_autofree char *column = govorun_table_column_name (self->starts->len + 1);

        g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
                     _("Row %u, column %s: a quoted value has no closing quote."),
                     self->row_number, column);
        goto fail;
      }
    case STATE_FIELD_START:
    case STATE_UNQUOTED:
    case STATE_QUOTE_IN_QUOTED:
    default:
      self->state = STATE_ROW_START;
      if (!end_value (self, error))
        goto fail;
      if (!take_row (self, row))
        return FALSE;
      *out_row_number = self->row_number;
      return TRUE;
    }

fail:
  /* One error ends the table: what follows a broken row means nothing. */
  self->failed = TRUE;
  g_ptr_array_set_size (row, 0);
  return FALSE;
}
