/* govorun-campaign-export.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaigns"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-campaigns-private.h"
#include "govorun-csv-writer.h"
#include "govorun-xlsx-writer.h"

/*
 * The campaigns' files: the rows left out of a campaign (invalid, repeated,
 * on the do-not-call list) with the reason, ready to be fixed and imported
 * again, and the results — each contact's outcome and its call in Calls.
 * Both are written on the store's reader thread while the rows are read,
 * so a million contacts never sit in memory.
 */

typedef struct
{
  GFile             *file;
  GOutputStream     *stream;
  GovorunCsvWriter  *csv;
  GovorunXlsxWriter *xlsx;
  GError            *error;     /* the first write error */
} Sink;

static void
sink_free (Sink *sink)
{
  g_clear_object (&sink->csv);
  g_clear_object (&sink->xlsx);
  g_clear_object (&sink->stream);
  g_clear_object (&sink->file);
  g_clear_error (&sink->error);
  g_free (sink);
}

static void
sink_text (Sink       *sink,
           const char *text)
{
  if (sink->xlsx != NULL)
    {
      if (text != NULL)
        govorun_xlsx_writer_add_text (sink->xlsx, text);
      else
        govorun_xlsx_writer_add_blank (sink->xlsx);
    }
  else
    govorun_csv_writer_add_text (sink->csv, text != NULL ? text : "");
}

static void
sink_int (Sink   *sink,
          gint64  value)
{
  if (sink->xlsx != NULL)
    govorun_xlsx_writer_add_int (sink->xlsx, value);
  else
    govorun_csv_writer_add_int (sink->csv, value);
}

static void
sink_end_row (Sink *sink)
{
  if (sink->error != NULL)
    return;
  if (sink->xlsx != NULL)
    govorun_xlsx_writer_end_row (sink->xlsx, &sink->error);
  else
    govorun_csv_writer_end_row (sink->csv, NULL, &sink->error);
}

static gboolean
sink_close (gpointer   user_data,
            GError   **error)
{
  Sink *sink = user_data;

  if (sink->error == NULL)
    {
      if (sink->xlsx != NULL)
        govorun_xlsx_writer_close (sink->xlsx, &sink->error);
      else
        govorun_csv_writer_close (sink->csv, NULL, &sink->error);
    }
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  return TRUE;
}

static Sink *
sink_open_csv (GFile   *file,
               GError **error)
{
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                                        NULL, error);
  Sink *sink;

  if (stream == NULL)
    return NULL;
  sink = g_new0 (Sink, 1);
  sink->file = g_object_ref (file);
  sink->stream = G_OUTPUT_STREAM (g_steal_pointer (&stream));
  /* The flavour Russian Excel opens by a double-click. */
  sink->csv = govorun_csv_writer_new (sink->stream, GOVORUN_CSV_DIALECT_EXCEL_RU);
  return sink;
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_campaign_records_foreach_finish (GOVORUN_STORE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* -- the rows left out -- */

static const char *
kind_label (GovorunPreflightIssueKind kind)
{
  switch (kind)
    {
    case GOVORUN_PREFLIGHT_ISSUE_INVALID:
      return _("Invalid number");
    case GOVORUN_PREFLIGHT_ISSUE_DUPLICATE:
      return _("Repeated number");
    case GOVORUN_PREFLIGHT_ISSUE_DO_NOT_CALL:
      return _("Do not call");
    case GOVORUN_PREFLIGHT_ISSUE_MISSING_VARIABLE:
      return _("Missing value");
    case GOVORUN_PREFLIGHT_ISSUE_DEBT_CAP:
      return _("Held back (230-FZ)");
    case GOVORUN_PREFLIGHT_ISSUE_TIME_ZONE:
    default:
      return _("Time zone");
    }
}

static void
write_issue (GovorunPreflightIssueKind  kind,
             gint64                     row,
             const char                *column,
             const char                *reason,
             const char                *value,
             const char                *cells,
             gpointer                   user_data)
{
  Sink *sink = user_data;
  g_auto(GStrv) values = NULL;

  /* Only rows left out of the campaign: fixed, they import again. */
  if (cells == NULL)
    return;
  sink_int (sink, row);
  sink_text (sink, kind_label (kind));
  sink_text (sink, reason);
  values = g_strsplit (cells, "\x1f", -1);
  for (guint i = 0; values[i] != NULL; i++)
    sink_text (sink, values[i]);
  sink_end_row (sink);
}

void
govorun_campaigns_export_invalid_async (GovorunCampaigns    *self,
                                        GovorunCampaign     *campaign,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Sink *sink;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_export_invalid_async);
  sink = sink_open_csv (file, &error);
  if (sink == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The header: the row and why, then the file's own columns (their
   * titles are in the header row, which is not an issue). */
  sink_text (sink, _("Row"));
  sink_text (sink, _("Problem"));
  sink_text (sink, _("Reason"));
  sink_end_row (sink);
  govorun_campaign_records_foreach_issue_async (self->store, govorun_campaign_get_id (campaign), write_issue,
                                                sink_close, sink, (GDestroyNotify) sink_free, cancellable,
                                                on_exported, g_steal_pointer (&task));
}

gboolean
govorun_campaigns_export_invalid_finish (GovorunCampaigns  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- results -- */

static const char *
status_label (GovorunContactStatus status)
{
  switch (status)
    {
    case GOVORUN_CONTACT_STATUS_NEW:
      return C_("contact status", "New");
    case GOVORUN_CONTACT_STATUS_IN_PROGRESS:
      return C_("contact status", "In progress");
    case GOVORUN_CONTACT_STATUS_PROCESSED:
      return C_("contact status", "Processed");
    case GOVORUN_CONTACT_STATUS_ERROR:
      return C_("contact status", "Error");
    case GOVORUN_CONTACT_STATUS_CANCELED:
    default:
      return C_("contact status", "Canceled");
    }
}

static void
write_contact (GovorunCampaignContact *contact,
               gpointer                user_data)
{
  Sink *sink = user_data;
  gint64 last = govorun_campaign_contact_get_last_attempt (contact);

  sink_int (sink, govorun_campaign_contact_get_row (contact));
  sink_text (sink, govorun_campaign_contact_get_phone (contact));
  sink_text (sink, govorun_campaign_contact_get_variables (contact));
  sink_text (sink, status_label (govorun_campaign_contact_get_status (contact)));
  sink_int (sink, govorun_campaign_contact_get_attempts_left (contact));
  if (last > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (last);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);

      if (sink->xlsx != NULL)
        govorun_xlsx_writer_add_datetime (sink->xlsx, local);
      else
        {
          g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

          sink_text (sink, text);
        }
    }
  else
    sink_text (sink, NULL);
  sink_text (sink, govorun_campaign_contact_get_result (contact));
  sink_text (sink, govorun_campaign_contact_get_call_record_id (contact));
  sink_end_row (sink);
}

void
govorun_campaigns_export_results_async (GovorunCampaigns           *self,
                                        GovorunCampaign            *campaign,
                                        GFile                      *file,
                                        GovorunCampaignExportFormat format,
                                        GCancellable               *cancellable,
                                        GAsyncReadyCallback         callback,
                                        gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *headers[] = {
    _("Row"), _("Phone"), _("Contact data"), _("Status"), _("Attempts left"), _("Last attempt"), _("Result"),
    _("Call in Calls"), NULL,
  };
  GError *error = NULL;
  Sink *sink;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_export_results_async);
  if (format == GOVORUN_CAMPAIGN_EXPORT_XLSX)
    {
      g_autofree char *path = g_file_get_path (file);

      sink = g_new0 (Sink, 1);
      sink->xlsx = path != NULL ? govorun_xlsx_writer_new (path, _("Results"), headers, &error) : NULL;
      if (sink->xlsx == NULL)
        {
          sink_free (sink);
          if (error == NULL)
            error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                         _("Choose a folder on this computer for the file."));
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      sink = sink_open_csv (file, &error);
      if (sink == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      for (guint i = 0; headers[i] != NULL; i++)
        sink_text (sink, headers[i]);
      sink_end_row (sink);
    }
  govorun_campaign_records_foreach_contact_async (self->store, govorun_campaign_get_id (campaign), write_contact,
                                                  sink_close, sink, (GDestroyNotify) sink_free, cancellable,
                                                  on_exported, g_steal_pointer (&task));
}

gboolean
govorun_campaigns_export_results_finish (GovorunCampaigns  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
