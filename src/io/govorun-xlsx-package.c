/* govorun-xlsx-package.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunXlsxReader"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <minizip/unzip.h>

#include "govorun-io-error.h"
#include "govorun-xlsx-reader-private.h"

/* The workbook's parts, read whole or streamed through GMarkup in chunks. */
#define CHUNK_SIZE (64 * 1024)

struct _GovorunXlsxPackage
{
  GInputStream        *stream;   /* seekable */
  zlib_filefunc64_def  io;
  unzFile              zip;
  guint64              max_size;
  gboolean             part_open;
  guint64              part_left;  /* bytes the open part may still give */
  char                *part_path;

  GPtrArray           *sheet_names;  /* of char *, NULL-terminated */
  GPtrArray           *sheet_ids;    /* of char *: each sheet's r:id */
  GPtrArray           *sheet_paths;  /* of char * */
  GHashTable          *rels;         /* r:id → target path in the archive */
  char                *shared_strings_path;
  char                *styles_path;
  gboolean             date1904;
  GByteArray          *style_kinds;  /* GovorunXlsxFormatKind per cellXfs index */
  GHashTable          *custom_formats;  /* numFmtId → GovorunXlsxFormatKind */

  GByteArray          *strings;      /* the shared strings, each ended by \0 */
  GArray              *string_starts;  /* of guint32 */

  /* Parser state of the part being read. */
  guint                depth;
  gboolean             in_cell_xfs;
  gboolean             in_si;
  gboolean             in_t;
  guint                in_rph;
};

/* minizip reads through these from the GInputStream. */
static voidpf
io_open (voidpf      opaque,
         const void *filename,
         int         mode)
{
  return opaque;
}

static uLong
io_read (voidpf  opaque,
         voidpf  stream,
         void   *buf,
         uLong   size)
{
  gsize n = 0;

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buf, size, &n, NULL, NULL))
    return 0;
  return n;
}

static uLong
io_write (voidpf      opaque,
          voidpf      stream,
          const void *buf,
          uLong       size)
{
  return 0;
}

static ZPOS64_T
io_tell (voidpf opaque,
         voidpf stream)
{
  return g_seekable_tell (G_SEEKABLE (stream));
}

static long
io_seek (voidpf   opaque,
         voidpf   stream,
         ZPOS64_T offset,
         int      origin)
{
  GSeekType type = origin == ZLIB_FILEFUNC_SEEK_CUR ? G_SEEK_CUR
                   : origin == ZLIB_FILEFUNC_SEEK_END ? G_SEEK_END : G_SEEK_SET;

  if (offset > G_MAXINT64)
    return -1;
  return g_seekable_seek (G_SEEKABLE (stream), (goffset) offset, type, NULL, NULL) ? 0 : -1;
}

static int
io_close (voidpf opaque,
          voidpf stream)
{
  return 0;
}

static int
io_error (voidpf opaque,
          voidpf stream)
{
  return 0;
}

static gboolean
damaged (GError     **error,
         const char  *part)
{
  g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
               _("The workbook is damaged: its part “%s” cannot be read."), part);
  return FALSE;
}

void
_govorun_xlsx_package_free (GovorunXlsxPackage *self)
{
  if (self == NULL)
    return;
  if (self->part_open)
    unzCloseCurrentFile (self->zip);
  if (self->zip != NULL)
    unzClose (self->zip);
  g_clear_object (&self->stream);
  g_free (self->part_path);
  g_ptr_array_unref (self->sheet_names);
  g_ptr_array_unref (self->sheet_ids);
  g_ptr_array_unref (self->sheet_paths);
  g_hash_table_unref (self->rels);
  g_hash_table_unref (self->custom_formats);
  g_free (self->shared_strings_path);
  g_free (self->styles_path);
  g_byte_array_unref (self->style_kinds);
  g_byte_array_unref (self->strings);
  g_array_unref (self->string_starts);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunXlsxPackage, _govorun_xlsx_package_free)

gboolean
_govorun_xlsx_package_open_part (GovorunXlsxPackage  *self,
                                 const char          *path,
                                 GError             **error)
{
  unz_file_info64 info;

  if (self->part_open)
    {
      unzCloseCurrentFile (self->zip);
      self->part_open = FALSE;
    }
  g_free (self->part_path);
  self->part_path = g_strdup (path);

  /* Part names are case-insensitive in Open Packaging (2: ignore case). */
  if (unzLocateFile (self->zip, path, 2) != UNZ_OK)
    return damaged (error, path);
  if (unzGetCurrentFileInfo64 (self->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
    return damaged (error, path);
  if (info.flag & 1)
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_UNSUPPORTED,
                   _("The workbook is encrypted. Save it without a password and try again."));
      return FALSE;
    }
  /* A zip bomb: a few kilobytes that claim gigabytes. The declared size is
   * checked here and the real one while reading. */
  if (info.uncompressed_size > self->max_size)
    {
      g_autofree char *size = g_format_size (self->max_size);

      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE,
                   _("The workbook’s part “%s” unpacks to more than Govorun reads (%s)."),
                   path, size);
      return FALSE;
    }
  if (info.uncompressed_size > 1024 * 1024
      && info.uncompressed_size / MAX (info.compressed_size, 1) > GOVORUN_XLSX_MAX_RATIO)
    {
      g_autofree char *size = g_format_size (info.uncompressed_size);

      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE,
                   _("The workbook’s part “%s” unpacks to %s from far less: it looks like a zip bomb, not a spreadsheet."),
                   path, size);
      return FALSE;
    }
  if (unzOpenCurrentFile (self->zip) != UNZ_OK)
    return damaged (error, path);
  self->part_open = TRUE;
  self->part_left = info.uncompressed_size;
  return TRUE;
}

gssize
_govorun_xlsx_package_read_part (GovorunXlsxPackage  *self,
                                 guint8              *buf,
                                 gsize                len,
                                 GError             **error)
{
  int n;

  g_return_val_if_fail (self->part_open, -1);

  n = unzReadCurrentFile (self->zip, buf, MIN (len, (gsize) G_MAXINT));
  if (n < 0)
    {
      damaged (error, self->part_path);
      return -1;
    }
  if ((guint64) n > self->part_left)
    {
      /* More than the archive declared: a lie, not a workbook. */
      damaged (error, self->part_path);
      return -1;
    }
  self->part_left -= n;
  return n;
}

gboolean
_govorun_xlsx_package_parse_part (GovorunXlsxPackage   *self,
                                  const char           *path,
                                  GMarkupParseContext  *context,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  g_autofree guint8 *buf = g_malloc (CHUNK_SIZE);
  g_autoptr(GError) local_error = NULL;

  if (!_govorun_xlsx_package_open_part (self, path, error))
    return FALSE;
  for (;;)
    {
      gssize n = _govorun_xlsx_package_read_part (self, buf, CHUNK_SIZE, error);

      if (n < 0 || g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (n == 0)
        break;
      if (!g_markup_parse_context_parse (context, (const char *) buf, n, &local_error))
        break;
    }
  if (local_error == NULL)
    g_markup_parse_context_end_parse (context, &local_error);
  if (local_error != NULL)
    {
      if (local_error->domain == GOVORUN_IO_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        damaged (error, path);
      return FALSE;
    }
  return TRUE;
}

/* A relationship's target as a path in the archive: relative to xl/. */
static char *
resolve_target (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  if (g_str_has_prefix (target, "../"))
    return g_strdup (target + 3);
  return g_strconcat ("xl/", target, NULL);
}

static gboolean
check_depth (GovorunXlsxPackage  *self,
             GError             **error)
{
  if (++self->depth <= GOVORUN_XLSX_MAX_DEPTH)
    return TRUE;
  g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
               _("The workbook is damaged: its XML is nested too deeply."));
  return FALSE;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  GovorunXlsxPackage *self = user_data;
  const char *name = _govorun_xlsx_local_name (element_name);

  self->depth--;
  if (strcmp (name, "cellXfs") == 0)
    self->in_cell_xfs = FALSE;
  else if (strcmp (name, "t") == 0)
    self->in_t = FALSE;
  else if (strcmp (name, "rPh") == 0 && self->in_rph > 0)
    self->in_rph--;
  else if (strcmp (name, "si") == 0 && self->in_si)
    {
      self->in_si = FALSE;
      g_byte_array_append (self->strings, (const guint8 *) "", 1);
    }
}

/* workbook.xml: the sheets in their order, and the date system. */
static void
workbook_start (GMarkupParseContext  *context,
                const char           *element_name,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  GovorunXlsxPackage *self = user_data;
  const char *name = _govorun_xlsx_local_name (element_name);

  if (!check_depth (self, error))
    return;
  if (strcmp (name, "sheet") == 0)
    {
      const char *sheet_name = _govorun_xlsx_attribute (names, values, "name");
      const char *id = _govorun_xlsx_attribute (names, values, "id");

      if (sheet_name == NULL || id == NULL || self->sheet_ids->len >= GOVORUN_XLSX_MAX_SHEETS)
        return;
      g_ptr_array_insert (self->sheet_names, self->sheet_names->len - 1, g_strdup (sheet_name));
      g_ptr_array_add (self->sheet_ids, g_strdup (id));
    }
  else if (strcmp (name, "workbookPr") == 0)
    {
      const char *date1904 = _govorun_xlsx_attribute (names, values, "date1904");

      self->date1904 = date1904 != NULL && (strcmp (date1904, "1") == 0 || strcmp (date1904, "true") == 0);
    }
}

/* workbook.xml.rels: where each sheet, the shared strings and the styles are. */
static void
rels_start (GMarkupParseContext  *context,
            const char           *element_name,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  GovorunXlsxPackage *self = user_data;
  const char *id, *target, *type;

  if (!check_depth (self, error))
    return;
  if (strcmp (_govorun_xlsx_local_name (element_name), "Relationship") != 0)
    return;
  id = _govorun_xlsx_attribute (names, values, "Id");
  target = _govorun_xlsx_attribute (names, values, "Target");
  type = _govorun_xlsx_attribute (names, values, "Type");
  if (id == NULL || target == NULL || type == NULL)
    return;
  if (g_str_has_suffix (type, "/sharedStrings"))
    (g_free (self->shared_strings_path), self->shared_strings_path = resolve_target (target));
  else if (g_str_has_suffix (type, "/styles"))
    (g_free (self->styles_path), self->styles_path = resolve_target (target));
  else if (g_hash_table_size (self->rels) < GOVORUN_XLSX_MAX_SHEETS * 2)
    g_hash_table_replace (self->rels, g_strdup (id), resolve_target (target));
}

/* styles.xml: which cell styles show a date or a time. */
static void
styles_start (GMarkupParseContext  *context,
              const char           *element_name,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  GovorunXlsxPackage *self = user_data;
  const char *name = _govorun_xlsx_local_name (element_name);

  if (!check_depth (self, error))
    return;
  if (strcmp (name, "numFmt") == 0)
    {
      const char *id = _govorun_xlsx_attribute (names, values, "numFmtId");
      const char *code = _govorun_xlsx_attribute (names, values, "formatCode");
      guint64 n;

      if (id != NULL && code != NULL && g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &n, NULL)
          && g_hash_table_size (self->custom_formats) < 100000)
        g_hash_table_replace (self->custom_formats, GUINT_TO_POINTER ((guint) n),
                              GUINT_TO_POINTER (_govorun_xlsx_format_kind ((guint) n, code)));
    }
  else if (strcmp (name, "cellXfs") == 0)
    self->in_cell_xfs = TRUE;
  else if (strcmp (name, "xf") == 0 && self->in_cell_xfs && self->style_kinds->len < 1000000)
    {
      const char *id = _govorun_xlsx_attribute (names, values, "numFmtId");
      guint64 n = 0;
      guint8 kind = GOVORUN_XLSX_FORMAT_NONE;
      gpointer custom;

      if (id != NULL && g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &n, NULL))
        {
          if (g_hash_table_lookup_extended (self->custom_formats, GUINT_TO_POINTER ((guint) n),
                                            NULL, &custom))
            kind = GPOINTER_TO_UINT (custom);
          else
            kind = _govorun_xlsx_format_kind ((guint) n, NULL);
        }
      g_byte_array_append (self->style_kinds, &kind, 1);
    }
}

/* sharedStrings.xml: <si><t>…</t></si> or rich text <si><r><t>…</t></r>…</si>;
 * the phonetic hints (<rPh>) are not the text. */
static void
strings_start (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  GovorunXlsxPackage *self = user_data;
  const char *name = _govorun_xlsx_local_name (element_name);

  if (!check_depth (self, error))
    return;
  if (strcmp (name, "si") == 0)
    {
      guint32 start = self->strings->len;

      if (self->string_starts->len >= GOVORUN_XLSX_MAX_SHARED_STRINGS)
        {
          g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE,
                       _("The workbook has more distinct texts than Govorun reads (%u)."),
                       GOVORUN_XLSX_MAX_SHARED_STRINGS);
          return;
        }
      if (self->in_si)
        g_byte_array_append (self->strings, (const guint8 *) "", 1), start++;
      g_array_append_val (self->string_starts, start);
      self->in_si = TRUE;
    }
  else if (strcmp (name, "t") == 0)
    self->in_t = TRUE;
  else if (strcmp (name, "rPh") == 0)
    self->in_rph++;
}

static void
strings_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 text_len,
              gpointer              user_data,
              GError              **error)
{
  GovorunXlsxPackage *self = user_data;

  if (!self->in_si || !self->in_t || self->in_rph > 0)
    return;
  /* The offsets are 32-bit: the part itself is bounded well below. */
  if (self->strings->len + text_len >= G_MAXUINT32)
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_TOO_LARGE,
                   _("The workbook has more text than Govorun reads at once."));
      return;
    }
  g_byte_array_append (self->strings, (const guint8 *) text, text_len);
}

static gboolean
parse_part (GovorunXlsxPackage  *self,
            const char          *path,
            const GMarkupParser *parser,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (parser, 0, self, NULL);

  self->depth = 0;
  return _govorun_xlsx_package_parse_part (self, path, context, cancellable, error);
}

static gboolean
has_part (GovorunXlsxPackage *self,
          const char         *path)
{
  return unzLocateFile (self->zip, path, 2) == UNZ_OK;
}

GovorunXlsxPackage *
_govorun_xlsx_package_open (GInputStream  *stream,
                            guint64        max_size,
                            GCancellable  *cancellable,
                            GError       **error)
{
  static const GMarkupParser workbook_parser = { workbook_start, end_element, NULL, NULL, NULL };
  static const GMarkupParser rels_parser = { rels_start, end_element, NULL, NULL, NULL };
  static const GMarkupParser styles_parser = { styles_start, end_element, NULL, NULL, NULL };
  static const GMarkupParser strings_parser = { strings_start, end_element, strings_text, NULL, NULL };
  g_autoptr(GovorunXlsxPackage) self = g_new0 (GovorunXlsxPackage, 1);

  g_return_val_if_fail (G_IS_SEEKABLE (stream), NULL);

  self->stream = g_object_ref (stream);
  self->max_size = max_size;
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->sheet_names, NULL);
  self->sheet_ids = g_ptr_array_new_with_free_func (g_free);
  self->sheet_paths = g_ptr_array_new_with_free_func (g_free);
  self->rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->custom_formats = g_hash_table_new (NULL, NULL);
  self->style_kinds = g_byte_array_new ();
  self->strings = g_byte_array_new ();
  self->string_starts = g_array_new (FALSE, FALSE, sizeof (guint32));

  self->io.zopen64_file = io_open;
  self->io.zread_file = io_read;
  self->io.zwrite_file = io_write;
  self->io.ztell64_file = io_tell;
  self->io.zseek64_file = io_seek;
  self->io.zclose_file = io_close;
  self->io.zerror_file = io_error;
  self->io.opaque = stream;
  self->zip = unzOpen2_64 ("", &self->io);
  if (self->zip == NULL || !has_part (self, "xl/workbook.xml"))
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
                   _("The file is not an Excel workbook (XLSX), or it is damaged."));
      return NULL;
    }

  if (!parse_part (self, "xl/workbook.xml", &workbook_parser, cancellable, error)
      || !parse_part (self, "xl/_rels/workbook.xml.rels", &rels_parser, cancellable, error))
    return NULL;

  for (guint i = 0; i < self->sheet_ids->len; i++)
    {
      const char *path = g_hash_table_lookup (self->rels, g_ptr_array_index (self->sheet_ids, i));

      g_ptr_array_add (self->sheet_paths, g_strdup (path));
    }
  if (self->sheet_paths->len == 0)
    {
      g_set_error (error, GOVORUN_IO_ERROR, GOVORUN_IO_ERROR_MALFORMED,
                   _("The workbook has no sheets."));
      return NULL;
    }

  if (self->styles_path != NULL && has_part (self, self->styles_path)
      && !parse_part (self, self->styles_path, &styles_parser, cancellable, error))
    return NULL;
  if (self->shared_strings_path != NULL && has_part (self, self->shared_strings_path)
      && !parse_part (self, self->shared_strings_path, &strings_parser, cancellable, error))
    return NULL;
  if (self->in_si)
    g_byte_array_append (self->strings, (const guint8 *) "", 1);

  return g_steal_pointer (&self);
}

const char * const *
_govorun_xlsx_package_sheet_names (GovorunXlsxPackage *self)
{
  return (const char * const *) self->sheet_names->pdata;
}

const char *
_govorun_xlsx_package_sheet_path (GovorunXlsxPackage *self,
                                  const char         *name)
{
  for (guint i = 0; i < self->sheet_paths->len; i++)
    if (name == NULL || strcmp (name, g_ptr_array_index (self->sheet_names, i)) == 0)
      return g_ptr_array_index (self->sheet_paths, i);
  return NULL;
}

gboolean
_govorun_xlsx_package_date1904 (GovorunXlsxPackage *self)
{
  return self->date1904;
}

GovorunXlsxFormatKind
_govorun_xlsx_package_style_kind (GovorunXlsxPackage *self,
                                  guint               style)
{
  return style < self->style_kinds->len ? self->style_kinds->data[style] : GOVORUN_XLSX_FORMAT_NONE;
}

const char *
_govorun_xlsx_package_shared_string (GovorunXlsxPackage *self,
                                     guint               index)
{
  if (index >= self->string_starts->len)
    return NULL;
  return (const char *) self->strings->data + g_array_index (self->string_starts, guint32, index);
}
