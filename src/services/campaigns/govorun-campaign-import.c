/* govorun-campaign-import.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaigns"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "govorun-campaign-debt.h"
#include "govorun-campaign-zones.h"
#include "govorun-campaigns-private.h"
#include "govorun-csv-reader.h"
#include "govorun-phone-normalizer.h"
#include "govorun-phone-set.h"
#include "govorun-table-reader.h"
#include "govorun-xlsx-reader.h"
#include "govorun-util.h"

/*
 * Reading contact files: the preview (columns, first rows, sheets), the
 * suggested mapping, and the fill that streams a whole file into a draft
 * in the store's writer thread — each row normalised, checked against the
 * numbers before it, the do-not-call list and the agent's variables, and
 * either added as a contact or recorded as an issue with its row number.
 */

/* Progress reaches the main thread every this many rows. */
#define PROGRESS_ROWS 5000

static const char * const phone_titles[] = {
  "телефон", "тел", "номер", "мобильный", "сотовый", "phone", "mobile", "number", "tel", "msisdn", NULL,
};
static const char * const zone_titles[] = {
  "часовой пояс", "пояс", "time zone", "timezone", "tz", "zone", NULL,
};

/* Russian labels people give the usual variables. */
static const struct
{
  const char *variable;
  const char *labels[6];
} variable_labels[] = {
  { "name", { "имя", "фио", "клиент", "name", "full name", NULL } },
  { "first_name", { "имя", "first name", NULL } },
  { "last_name", { "фамилия", "last name", "surname", NULL } },
  { "date", { "дата", "date", NULL } },
  { "time", { "время", "time", NULL } },
  { "company", { "компания", "организация", "company", NULL } },
  { "city", { "город", "city", NULL } },
  { "amount", { "сумма", "amount", NULL } },
  { "doctor", { "врач", "доктор", "doctor", NULL } },
  { "address", { "адрес", "address", NULL } },
};

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);

  /* Spaces, '_' and '-' alike, so "first_name" meets "First name". */
  for (const char *p = g_strstrip (folded); *p != '\0'; p++)
    g_string_append_c (out, (*p == '_' || *p == '-') ? ' ' : *p);
  return g_string_free (out, FALSE);
}

static gboolean
title_matches (const char         *title,
               const char * const *words)
{
  g_autofree char *folded = fold (title);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (folded, words[i]))
      return TRUE;
  return FALSE;
}

/* -- preview -- */

static const char *
encoding_label (GovorunCsvEncoding encoding)
{
  switch (encoding)
    {
    case GOVORUN_CSV_ENCODING_UTF8:
      return "UTF-8";
    case GOVORUN_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with BOM");
    case GOVORUN_CSV_ENCODING_WINDOWS_1251:
      return "Windows-1251";
    case GOVORUN_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case GOVORUN_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case GOVORUN_CSV_ENCODING_UNKNOWN:
    default:
      return NULL;
    }
}

static const char *
delimiter_label (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("Comma");
    case ';':
      return _("Semicolon");
    case '\t':
      return _("Tab");
    default:
      return NULL;
    }
}

/* The file's error as the campaign's: the reader's sentence names the row
 * and column already. */
static void
file_error (GError **error,
            GError  *reader_error)
{
  if (g_error_matches (reader_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, reader_error);
      return;
    }
  g_set_error_literal (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_FILE, reader_error->message);
  g_error_free (reader_error);
}

static char **
column_titles (const char * const *header)
{
  guint n = g_strv_length ((char **) header);
  char **titles = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (header[i]));

      /* An untitled column gets its spreadsheet name. */
      if (*stripped == '\0')
        {
          g_autofree char *letters = govorun_table_column_name (i + 1);

          titles[i] = g_strdup_printf (_("Column %s"), letters);
        }
      else
        titles[i] = g_steal_pointer (&stripped);
    }
  return titles;
}

typedef struct
{
  GFile *file;
  char  *sheet;
} PreviewData;

static void
preview_data_free (PreviewData *data)
{
  g_object_unref (data->file);
  g_free (data->sheet);
  g_free (data);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewData *data = task_data;
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GovorunImportPreview) preview = govorun_import_preview_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_auto(GStrv) titles = NULL;
  GError *error = NULL;

  reader = govorun_table_reader_open (data->file, data->sheet, NULL, cancellable, &error);
  if (reader == NULL ||
      !govorun_table_reader_read_preview (reader, GOVORUN_IMPORT_PREVIEW_MAX_ROWS + 1, &rows, &numbers,
                                          cancellable, &error))
    {
      GError *out = NULL;

      file_error (&out, error);
      g_task_return_error (task, out);
      return;
    }
  if (rows->len == 0)
    {
      g_task_return_new_error (task, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_FILE,
                               _("The file is empty. Choose a file with a header row and a row per contact."));
      return;
    }
  titles = column_titles (g_ptr_array_index (rows, 0));
  govorun_import_preview_set_columns (preview, (const char * const *) titles);
  for (guint i = 1; i < rows->len; i++)
    govorun_import_preview_add_row (preview, g_ptr_array_index (rows, i));

  if (GOVORUN_IS_CSV_READER (reader))
    {
      GovorunCsvReader *csv = GOVORUN_CSV_READER (reader);

      govorun_import_preview_set_encoding (preview, encoding_label (govorun_csv_reader_get_encoding (csv)));
      govorun_import_preview_set_delimiter (preview, delimiter_label (govorun_csv_reader_get_delimiter (csv)));
    }
  else if (GOVORUN_IS_XLSX_READER (reader))
    {
      GovorunXlsxReader *xlsx = GOVORUN_XLSX_READER (reader);

      govorun_import_preview_set_sheet_names (preview, govorun_xlsx_reader_get_sheet_names (xlsx));
      govorun_import_preview_set_sheet (preview, govorun_xlsx_reader_get_sheet_name (xlsx));
    }

  /* All rows when the preview read them all; else estimated from the
   * file's size and the bytes the first rows took (CSV), or unknown. */
  if (rows->len <= GOVORUN_IMPORT_PREVIEW_MAX_ROWS)
    govorun_import_preview_set_row_estimate (preview, rows->len - 1);
  else if (GOVORUN_IS_CSV_READER (reader) &&
           (info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                      cancellable, NULL)) != NULL)
    {
      gsize bytes = 0;

      for (guint i = 0; i < rows->len; i++)
        for (char **cell = g_ptr_array_index (rows, i); *cell != NULL; cell++)
          bytes += strlen (*cell) + 1;
      govorun_import_preview_set_row_estimate (preview,
                                               (gint64) ((double) g_file_info_get_size (info) / MAX (bytes, 1)
                                                         * rows->len) - 1);
    }
  g_task_return_pointer (task, g_steal_pointer (&preview), g_object_unref);
}

void
govorun_campaigns_preview_async (GovorunCampaigns    *self,
                                 GFile               *file,
                                 const char          *sheet,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PreviewData *data;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_preview_async);
  data = g_new0 (PreviewData, 1);
  data->file = g_object_ref (file);
  data->sheet = g_strdup (sheet);
  g_task_set_task_data (task, data, (GDestroyNotify) preview_data_free);
  g_task_run_in_thread (task, preview_thread);
}

GovorunImportPreview *
govorun_campaigns_preview_finish (GovorunCampaigns  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -- mapping -- */

static gboolean
is_phone (const char *text)
{
  GovorunPhoneResult result;

  return govorun_phone_normalize (text, "RU", &result);
}

static gboolean
mapping_fits (GovorunColumnMapping *mapping,
              const char * const   *columns)
{
  const char * const *saved = govorun_column_mapping_get_columns (mapping);

  return saved != NULL && columns != NULL && g_strv_equal (saved, columns);
}

GovorunColumnMapping *
govorun_campaigns_suggest_mapping (GovorunCampaigns     *self,
                                   GovorunImportPreview *preview,
                                   const char           *agent_id)
{
  const char * const *columns;
  g_autoptr(GovorunColumnMapping) mapping = NULL;
  g_auto(GStrv) variables = NULL;
  const char *saved;
  guint n_columns;

  g_return_val_if_fail (GOVORUN_IS_CAMPAIGNS (self), NULL);
  g_return_val_if_fail (GOVORUN_IS_IMPORT_PREVIEW (preview), NULL);

  columns = govorun_import_preview_get_columns (preview);
  n_columns = govorun_import_preview_get_n_columns (preview);

  saved = agent_id != NULL ? g_hash_table_lookup (self->mappings, agent_id) : NULL;
  if (saved != NULL)
    {
      mapping = govorun_column_mapping_new_from_json (saved, NULL);
      if (mapping != NULL && mapping_fits (mapping, columns))
        return g_steal_pointer (&mapping);
      g_clear_object (&mapping);
    }

  mapping = govorun_column_mapping_new ();
  govorun_column_mapping_set_columns (mapping, columns);
  for (guint c = 0; c < n_columns; c++)
    {
      if (govorun_column_mapping_get_phone_column (mapping) < 0 && title_matches (columns[c], phone_titles))
        govorun_column_mapping_set_phone_column (mapping, c);
      else if (govorun_column_mapping_get_time_zone_column (mapping) < 0 &&
               title_matches (columns[c], zone_titles))
        govorun_column_mapping_set_time_zone_column (mapping, c);
    }
  /* No phone title: the first column most of whose cells are numbers. */
  for (guint c = 0; govorun_column_mapping_get_phone_column (mapping) < 0 && c < n_columns; c++)
    {
      guint n_rows = govorun_import_preview_get_n_rows (preview), phones = 0;

      for (guint r = 0; r < n_rows; r++)
        phones += is_phone (govorun_import_preview_get_row (preview, r)[c]);
      if (n_rows > 0 && phones * 2 > n_rows)
        govorun_column_mapping_set_phone_column (mapping, c);
    }

  variables = govorun_campaigns_agent_variables (self, agent_id);
  for (guint v = 0; variables[v] != NULL; v++)
    {
      g_autofree char *wanted = fold (variables[v]);
      int found = -1;

      /* The variable's own name first, then the labels people use. */
      for (guint c = 0; found < 0 && c < n_columns; c++)
        {
          g_autofree char *title = fold (columns[c]);

          if (g_str_equal (title, wanted))
            found = c;
        }
      for (guint l = 0; found < 0 && l < G_N_ELEMENTS (variable_labels); l++)
        {
          if (!g_str_equal (variable_labels[l].variable, variables[v]))
            continue;
          for (guint c = 0; found < 0 && c < n_columns; c++)
            if ((int) c != govorun_column_mapping_get_phone_column (mapping) &&
                title_matches (columns[c], variable_labels[l].labels))
              found = c;
        }
      if (found >= 0)
        govorun_column_mapping_set_variable (mapping, variables[v], found);
    }
  return g_steal_pointer (&mapping);
}

/* -- the fill -- */

struct _GovorunCampaignImport
{
  GFile                *file;
  char                 *sheet;
  GovorunColumnMapping *mapping;
  GovorunCampaign      *campaign;
  GovorunDoNotCall     *do_not_call;
  char                **variables;     /* the agent's */
  gboolean              existing;
  GCancellable         *cancellable;
  GMainContext         *context;       /* where progress goes */
  GovorunCampaignProgressFunc progress;
  gpointer              progress_data;
  GDestroyNotify        progress_destroy;
  guint64               estimate;
  GovorunCampaignDebtCheck *debt;      /* debt mode only */

  /* Counts, set by the fill. */
  guint                 rows;
  guint                 valid;
  guint                 invalid;
  guint                 duplicates;
  guint                 do_not_call_rows;
  guint                 missing_variables;
  guint                 bad_zones;
  guint                 held_back;
};

GovorunCampaignImport *
_govorun_campaign_import_new (GovorunCampaigns           *self,
                              GFile                      *file,
                              const char                 *sheet,
                              GovorunColumnMapping       *mapping,
                              GovorunCampaign            *campaign,
                              gboolean                    existing,
                              GovorunCampaignProgressFunc progress,
                              gpointer                    progress_data,
                              GDestroyNotify              progress_destroy,
                              GCancellable               *cancellable)
{
  GovorunCampaignImport *import = g_new0 (GovorunCampaignImport, 1);

  import->file = g_object_ref (file);
  import->sheet = g_strdup (sheet);
  import->mapping = govorun_column_mapping_copy (mapping);
  import->campaign = govorun_campaign_copy (campaign);
  import->do_not_call = g_object_ref (self->do_not_call);
  import->variables = govorun_campaigns_agent_variables (self, govorun_campaign_get_agent_id (campaign));
  import->existing = existing;
  import->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  import->context = g_main_context_ref_thread_default ();
  import->progress = progress;
  import->progress_data = progress_data;
  import->progress_destroy = progress_destroy;
  if (govorun_campaign_get_debt_mode (campaign))
    import->debt = govorun_campaign_debt_check_new (campaign, g_get_real_time () / G_USEC_PER_SEC);
  return import;
}

typedef struct
{
  GDestroyNotify destroy;
  gpointer       data;
} DestroyLater;

static gboolean
destroy_later (gpointer user_data)
{
  DestroyLater *later = user_data;

  later->destroy (later->data);
  return G_SOURCE_REMOVE;
}

void
_govorun_campaign_import_free (GovorunCampaignImport *import)
{
  g_object_unref (import->file);
  g_free (import->sheet);
  g_object_unref (import->mapping);
  g_object_unref (import->campaign);
  g_object_unref (import->do_not_call);
  g_strfreev (import->variables);
  g_clear_pointer (&import->debt, govorun_campaign_debt_check_free);
  g_clear_object (&import->cancellable);
  if (import->progress_destroy != NULL)
    {
      /* The progress data belongs to the main thread: freed there, after
       * the progress already posted. */
      DestroyLater *later = g_new0 (DestroyLater, 1);

      later->destroy = import->progress_destroy;
      later->data = import->progress_data;
      govorun_context_post (import->context, G_PRIORITY_DEFAULT, destroy_later, later, g_free);
    }
  g_main_context_unref (import->context);
  g_free (import);
}

typedef struct
{
  GovorunCampaignImport *import;  /* only its progress fields are read */
  GovorunCampaignProgressFunc progress;
  gpointer               data;
  guint64                done;
  guint64                estimate;
} Progress;

static gboolean
report_progress (gpointer user_data)
{
  Progress *progress = user_data;

  progress->progress (progress->done, progress->estimate, progress->data);
  return G_SOURCE_REMOVE;
}

static void
post_progress (GovorunCampaignImport *import,
               guint64                done)
{
  Progress *progress;

  if (import->progress == NULL)
    return;
  progress = g_new0 (Progress, 1);
  progress->progress = import->progress;
  progress->data = import->progress_data;
  progress->done = done;
  progress->estimate = MAX (import->estimate, done);
  govorun_context_post (import->context, G_PRIORITY_DEFAULT, report_progress, progress, g_free);
}

/* JSON string text of @text into @out. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

/* The row's cells joined by the unit separator (U+001F, which a cell
 * does not hold), for the export of the rows left out. */
static char *
cells_joined (const char * const *cells,
              guint               n_cells)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\x1f');
      for (const char *p = cells[i]; *p != '\0'; p++)
        if (*p != '\x1f')
          g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static const char *
cell (const char * const *cells,
      guint               n_cells,
      int                 column)
{
  return column >= 0 && (guint) column < n_cells ? cells[column] : "";
}

/* A number the campaign has: row 0, so a repeat says so. */
static void
add_existing (const char *phone,
              gpointer    phones)
{
  govorun_phone_set_add (phones, phone, 0, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
_govorun_campaign_import_fill (GovorunCampaignSink  *sink,
                               gpointer              user_data,
                               GError              **error)
{
  GovorunCampaignImport *import = user_data;
  g_autoptr(GovorunTableReader) reader = NULL;
  g_autoptr(GovorunPhoneSet) phones = govorun_phone_set_new ();
  g_autoptr(GString) variables = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GFileInfo) info = NULL;
  g_auto(GStrv) titles = NULL;
  g_auto(GStrv) mapped = govorun_column_mapping_list_variables (import->mapping);
  g_autofree int *mapped_columns = NULL;
  g_autofree gboolean *kept = NULL;
  const char * const *header;
  GovorunCampaignZoneMode zone_mode = govorun_campaign_get_zone_mode (import->campaign);
  int phone_column = govorun_column_mapping_get_phone_column (import->mapping);
  int zone_column = govorun_column_mapping_get_time_zone_column (import->mapping);
  gboolean keep_rest = govorun_column_mapping_get_keep_rest (import->mapping);
  guint n_header = 0, n_mapped = g_strv_length (mapped);
  GError *local_error = NULL;

  reader = govorun_table_reader_open (import->file, import->sheet, NULL, import->cancellable, &local_error);
  if (reader == NULL)
    {
      file_error (error, local_error);
      return FALSE;
    }
  info = g_file_query_info (import->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  header = govorun_table_reader_next_row (reader, &n_header, NULL, import->cancellable, &local_error);
  if (header == NULL)
    {
      if (local_error != NULL)
        file_error (error, local_error);
      else
        g_set_error_literal (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_FILE,
                             _("The file is empty. Choose a file with a header row and a row per contact."));
      return FALSE;
    }
  titles = column_titles (header);
  if (phone_column < 0 || (guint) phone_column >= n_header)
    {
      g_set_error_literal (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NO_PHONE_COLUMN,
                           _("Choose the column with the phone numbers."));
      return FALSE;
    }
  /* About 40 bytes a row, until the reader knows better. */
  if (info != NULL)
    import->estimate = (guint64) g_file_info_get_size (info) / 40;

  mapped_columns = g_new0 (int, n_mapped + 1);
  for (guint v = 0; v < n_mapped; v++)
    mapped_columns[v] = govorun_column_mapping_get_variable (import->mapping, mapped[v]);
  kept = g_new0 (gboolean, n_header + 1);
  for (guint c = 0; keep_rest && c < n_header; c++)
    {
      kept[c] = (int) c != phone_column && (int) c != zone_column;
      for (guint v = 0; v < n_mapped; v++)
        kept[c] &= mapped_columns[v] != (int) c && !g_str_equal (mapped[v], titles[c]);
    }

  if (import->existing &&
      !govorun_campaign_sink_foreach_phone (sink, add_existing, phones, error))
    return FALSE;

  for (;;)
    {
      const char * const *cells;
      guint n_cells = 0, row = 0, first_row = 0;
      GovorunPhoneResult result;
      const char *zone = NULL;
      gboolean first_member = TRUE;

      cells = govorun_table_reader_next_row (reader, &n_cells, &row, import->cancellable, &local_error);
      if (cells == NULL)
        {
          if (local_error != NULL)
            {
              file_error (error, local_error);
              return FALSE;
            }
          break;
        }
      import->rows++;
      if (import->rows % PROGRESS_ROWS == 0)
        {
          if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
            return FALSE;
          post_progress (import, import->rows);
        }

      if (!govorun_phone_normalize (cell (cells, n_cells, phone_column), "RU", &result))
        {
          g_autofree char *json = cells_joined (cells, n_cells);

          import->invalid++;
          if (!govorun_campaign_sink_add_issue (sink, GOVORUN_PREFLIGHT_ISSUE_INVALID, row, titles[phone_column],
                                                govorun_phone_problem_to_string (result.problem),
                                                cell (cells, n_cells, phone_column), json, error))
            return FALSE;
          continue;
        }
      if (!govorun_phone_set_add (phones, result.e164, row, &first_row))
        {
          g_autofree char *json = cells_joined (cells, n_cells);
          g_autofree char *reason = first_row > 0
            ? g_strdup_printf (_("The same number as row %u."), first_row)
            : g_strdup (_("The number is in the campaign already."));

          import->duplicates++;
          if (!govorun_campaign_sink_add_issue (sink, GOVORUN_PREFLIGHT_ISSUE_DUPLICATE, row, titles[phone_column],
                                                reason, result.e164, json, error))
            return FALSE;
          continue;
        }
      if (govorun_do_not_call_contains (import->do_not_call, result.e164))
        {
          g_autofree char *json = cells_joined (cells, n_cells);

          import->do_not_call_rows++;
          if (!govorun_campaign_sink_add_issue (sink, GOVORUN_PREFLIGHT_ISSUE_DO_NOT_CALL, row,
                                                titles[phone_column], _("The number is on the do-not-call list."),
                                                result.e164, json, error))
            return FALSE;
          continue;
        }

      if (zone_mode == GOVORUN_CAMPAIGN_ZONE_COLUMN)
        {
          const char *text = cell (cells, n_cells, zone_column);

          if (govorun_campaign_zone_is_valid (text))
            zone = text;
          else
            {
              import->bad_zones++;
              if (!govorun_campaign_sink_add_issue (sink, GOVORUN_PREFLIGHT_ISSUE_TIME_ZONE, row,
                                                    zone_column >= 0 && (guint) zone_column < n_header
                                                    ? titles[zone_column] : NULL,
                                                    _("Not a time zone: the campaign’s zone is used."), text, NULL,
                                                    error))
                return FALSE;
            }
        }
      else if (zone_mode == GOVORUN_CAMPAIGN_ZONE_NUMBER)
        zone = govorun_campaign_zone_for_number (result.e164);

      /* Debt mode: the contact's interactions so far against the caps. */
      if (import->debt != NULL)
        {
          g_autofree char *held = NULL;

          if (!govorun_campaign_debt_check_contact (import->debt, sink, result.e164, zone, &held, error))
            return FALSE;
          if (held != NULL)
            {
              g_autofree char *json = cells_joined (cells, n_cells);

              import->held_back++;
              if (!govorun_campaign_sink_add_issue (sink, GOVORUN_PREFLIGHT_ISSUE_DEBT_CAP, row,
                                                    titles[phone_column], held, result.e164, json, error))
                return FALSE;
              continue;
            }
        }

      /* The agent's variables, then the columns kept as contact data. */
      g_string_assign (variables, "{");
      g_string_truncate (missing, 0);
      for (guint v = 0; v < n_mapped; v++)
        {
          const char *value = cell (cells, n_cells, mapped_columns[v]);

          if (is_blank (value))
            {
              g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", mapped[v]);
              continue;
            }
          if (!first_member)
            g_string_append_c (variables, ',');
          first_member = FALSE;
          append_json_string (variables, mapped[v]);
          g_string_append_c (variables, ':');
          append_json_string (variables, value);
        }
      for (guint v = 0; import->variables[v] != NULL; v++)
        if (govorun_column_mapping_get_variable (import->mapping, import->variables[v]) < 0)
          g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", import->variables[v]);
      for (guint c = 0; c < n_header && c < n_cells; c++)
        {
          if (!kept[c] || *cells[c] == '\0')
            continue;
          if (!first_member)
            g_string_append_c (variables, ',');
          first_member = FALSE;
          append_json_string (variables, titles[c]);
          g_string_append_c (variables, ':');
          append_json_string (variables, cells[c]);
        }
      g_string_append_c (variables, '}');
      if (missing->len > 0)
        {
          g_autofree char *reason = g_strdup_printf (_("No value for %s: the agent gets an empty one."),
                                                     missing->str);

          import->missing_variables++;
          if (!govorun_campaign_sink_add_issue (sink, GOVORUN_PREFLIGHT_ISSUE_MISSING_VARIABLE, row, NULL, reason,
                                                NULL, NULL, error))
            return FALSE;
        }

      if (!govorun_campaign_sink_add_contact (sink, row, result.e164, variables->str, zone, error))
        return FALSE;
      import->valid++;
    }

  post_progress (import, import->rows);
  if (import->valid == 0 && !import->existing && import->held_back > 0)
    {
      /* Translators: %u is the number of contacts held back */
      g_set_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NO_CONTACTS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nobody in the file can be called now: %u contact has had as many conversations as "
                                "230-FZ allows for the day, week or month. Try again on a later day.",
                                "Nobody in the file can be called now: %u contacts have had as many conversations as "
                                "230-FZ allows for the day, week or month. Try again on a later day.",
                                import->held_back),
                   import->held_back);
      return FALSE;
    }
  if (import->valid == 0 && !import->existing)
    {
      g_set_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NO_CONTACTS,
                   _("Nobody in the file can be called. Rows: %u; without a valid number: %u; repeated: %u; "
                     "on the do-not-call list: %u. Check the phone column."),
                   import->rows, import->invalid, import->duplicates, import->do_not_call_rows);
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (import->cancellable, error);
}

GovorunPreflight *
_govorun_campaign_import_get_preflight (GovorunCampaignImport *import)
{
  GovorunPreflight *preflight = govorun_preflight_new ();

  govorun_preflight_set_rows (preflight, import->rows);
  govorun_preflight_set_valid (preflight, import->valid);
  govorun_preflight_set_invalid (preflight, import->invalid);
  govorun_preflight_set_duplicates (preflight, import->duplicates);
  govorun_preflight_set_do_not_call (preflight, import->do_not_call_rows);
  govorun_preflight_set_missing_variables (preflight, import->missing_variables);
  govorun_preflight_set_held_back (preflight, import->held_back);
  return preflight;
}
