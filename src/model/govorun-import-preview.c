/* govorun-import-preview.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-import-preview.h"

struct _GovorunImportPreview
{
  GObject parent_instance;

  char **columns;
  char **sheet_names;
  GPtrArray *rows;  /* of GStrv */
  char *sheet;
  char *encoding;
  char *delimiter;
  gint64 row_estimate;
};

G_DEFINE_FINAL_TYPE (GovorunImportPreview, govorun_import_preview, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COLUMNS,
  PROP_SHEET_NAMES,
  PROP_SHEET,
  PROP_ENCODING,
  PROP_DELIMITER,
  PROP_ROW_ESTIMATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_import_preview_finalize (GObject *object)
{
  GovorunImportPreview *self = (GovorunImportPreview *) object;

  g_strfreev (self->columns);
  g_strfreev (self->sheet_names);
  g_ptr_array_unref (self->rows);
  g_free (self->sheet);
  g_free (self->encoding);
  g_free (self->delimiter);

  G_OBJECT_CLASS (govorun_import_preview_parent_class)->finalize (object);
}

static void
govorun_import_preview_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GovorunImportPreview *self = (GovorunImportPreview *) object;

  switch (prop_id)
    {
    case PROP_COLUMNS:
      g_value_set_boxed (value, self->columns);
      break;
    case PROP_SHEET_NAMES:
      g_value_set_boxed (value, self->sheet_names);
      break;
    case PROP_SHEET:
      g_value_set_string (value, self->sheet);
      break;
    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;
    case PROP_DELIMITER:
      g_value_set_string (value, self->delimiter);
      break;
    case PROP_ROW_ESTIMATE:
      g_value_set_int64 (value, self->row_estimate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_import_preview_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GovorunImportPreview *self = (GovorunImportPreview *) object;

  switch (prop_id)
    {
    case PROP_COLUMNS:
      govorun_import_preview_set_columns (self, g_value_get_boxed (value));
      break;
    case PROP_SHEET_NAMES:
      govorun_import_preview_set_sheet_names (self, g_value_get_boxed (value));
      break;
    case PROP_SHEET:
      govorun_import_preview_set_sheet (self, g_value_get_string (value));
      break;
    case PROP_ENCODING:
      govorun_import_preview_set_encoding (self, g_value_get_string (value));
      break;
    case PROP_DELIMITER:
      govorun_import_preview_set_delimiter (self, g_value_get_string (value));
      break;
    case PROP_ROW_ESTIMATE:
      govorun_import_preview_set_row_estimate (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_import_preview_class_init (GovorunImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_import_preview_finalize;
  object_class->get_property = govorun_import_preview_get_property;
  object_class->set_property = govorun_import_preview_set_property;

  properties[PROP_COLUMNS] =
    g_param_spec_boxed ("columns", NULL, NULL, G_TYPE_STRV,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHEET_NAMES] =
    g_param_spec_boxed ("sheet-names", NULL, NULL, G_TYPE_STRV,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHEET] =
    g_param_spec_string ("sheet", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELIMITER] =
    g_param_spec_string ("delimiter", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_ESTIMATE] =
    g_param_spec_int64 ("row-estimate", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_import_preview_init (GovorunImportPreview *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

const char * const *
govorun_import_preview_get_columns (GovorunImportPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self), NULL);

  return (const char * const *) self->columns;
}

void
govorun_import_preview_set_columns (GovorunImportPreview *self,
                                   const char * const * value)
{
  g_return_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self));

  if (self->columns != NULL && value != NULL && g_strv_equal ((const char * const *) self->columns, value))
    return;
  if (self->columns == NULL && value == NULL)
    return;
  g_strfreev (self->columns);
  self->columns = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMNS]);
}

const char * const *
govorun_import_preview_get_sheet_names (GovorunImportPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self), NULL);

  return (const char * const *) self->sheet_names;
}

void
govorun_import_preview_set_sheet_names (GovorunImportPreview *self,
                                       const char * const * value)
{
  g_return_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self));

  if (self->sheet_names != NULL && value != NULL && g_strv_equal ((const char * const *) self->sheet_names, value))
    return;
  if (self->sheet_names == NULL && value == NULL)
    return;
  g_strfreev (self->sheet_names);
  self->sheet_names = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET_NAMES]);
}

const char *
govorun_import_preview_get_sheet (GovorunImportPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self), NULL);

  return self->sheet;
}

void
govorun_import_preview_set_sheet (GovorunImportPreview *self,
                                 const char *value)
{
  g_return_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self));

  if (g_strcmp0 (self->sheet, value) == 0)
    return;
  g_free (self->sheet);
  self->sheet = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

const char *
govorun_import_preview_get_encoding (GovorunImportPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self), NULL);

  return self->encoding;
}

void
govorun_import_preview_set_encoding (GovorunImportPreview *self,
                                    const char *value)
{
  g_return_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self));

  if (g_strcmp0 (self->encoding, value) == 0)
    return;
  g_free (self->encoding);
  self->encoding = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

const char *
govorun_import_preview_get_delimiter (GovorunImportPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self), NULL);

  return self->delimiter;
}

void
govorun_import_preview_set_delimiter (GovorunImportPreview *self,
                                     const char *value)
{
  g_return_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self));

  if (g_strcmp0 (self->delimiter, value) == 0)
    return;
  g_free (self->delimiter);
  self->delimiter = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIMITER]);
}

gint64
govorun_import_preview_get_row_estimate (GovorunImportPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self), 0);

  return self->row_estimate;
}

void
govorun_import_preview_set_row_estimate (GovorunImportPreview *self,
                                        gint64 value)
{
  g_return_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self));

  if (self->row_estimate == value)
    return;
  self->row_estimate = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_ESTIMATE]);
}

GovorunImportPreview *
govorun_import_preview_new (void)
{
  return g_object_new (GOVORUN_TYPE_IMPORT_PREVIEW, NULL);
}

guint
govorun_import_preview_get_n_columns (GovorunImportPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self), 0);

  return self->columns != NULL ? g_strv_length (self->columns) : 0;
}

guint
govorun_import_preview_get_n_rows (GovorunImportPreview *self)
{
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self), 0);

  return self->rows->len;
}

const char * const *
govorun_import_preview_get_row (GovorunImportPreview *self,
                                guint                 index)
{
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

void
govorun_import_preview_add_row (GovorunImportPreview *self,
                                const char * const   *cells)
{
  guint n_columns = govorun_import_preview_get_n_columns (self);
  guint n_cells = cells != NULL ? g_strv_length ((char **) cells) : 0;
  char **row;

  g_return_if_fail (GOVORUN_IS_IMPORT_PREVIEW (self));

  if (self->rows->len >= GOVORUN_IMPORT_PREVIEW_MAX_ROWS)
    return;
  row = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    row[i] = g_strdup (i < n_cells ? cells[i] : "");
  g_ptr_array_add (self->rows, row);
}
