/* govorun-call-export-sink.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallExportSink"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-call-export-sink.h"
#include "govorun-call-labels.h"
#include "govorun-csv-writer.h"
#include "govorun-format.h"
#include "govorun-xlsx-writer.h"

/* The columns, in the Calls page's order, then the ids and the
 * transcript; widths are for the spreadsheet, in characters. */
typedef enum
{
  COLUMN_STARTED_AT,
  COLUMN_DIRECTION,
  COLUMN_FROM,
  COLUMN_TO,
  COLUMN_AGENT,
  COLUMN_CAMPAIGN,
  COLUMN_DURATION,
  COLUMN_STATUS,
  COLUMN_FINISH_REASON,
  COLUMN_SUCCESS,
  COLUMN_VOX_COST,
  COLUMN_VOX_CURRENCY,
  COLUMN_EL_COST,
  COLUMN_EL_CURRENCY,
  COLUMN_VOX_SESSION_ID,
  COLUMN_VOX_CALL_ID,
  COLUMN_EL_CONVERSATION_ID,
  COLUMN_TRANSCRIPT,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  double      width;
} columns[N_COLUMNS] = {
  [COLUMN_STARTED_AT] = { N_("Date and Time"), 20 },
  [COLUMN_DIRECTION] = { N_("Direction"), 12 },
  [COLUMN_FROM] = { N_("From"), 16 },
  [COLUMN_TO] = { N_("To"), 16 },
  [COLUMN_AGENT] = { N_("Agent"), 20 },
  [COLUMN_CAMPAIGN] = { N_("Campaign"), 12 },
  [COLUMN_DURATION] = { N_("Duration"), 12 },
  [COLUMN_STATUS] = { N_("Status"), 14 },
  [COLUMN_FINISH_REASON] = { N_("Finish Reason"), 24 },
  [COLUMN_SUCCESS] = { N_("Success"), 12 },
  [COLUMN_VOX_COST] = { N_("Voximplant Cost"), 14 },
  [COLUMN_VOX_CURRENCY] = { N_("Voximplant Currency"), 12 },
  [COLUMN_EL_COST] = { N_("ElevenLabs Cost"), 14 },
  [COLUMN_EL_CURRENCY] = { N_("ElevenLabs Currency"), 12 },
  [COLUMN_VOX_SESSION_ID] = { N_("Voximplant Session ID"), 16 },
  [COLUMN_VOX_CALL_ID] = { N_("Voximplant Call ID"), 16 },
  [COLUMN_EL_CONVERSATION_ID] = { N_("ElevenLabs Conversation ID"), 30 },
  [COLUMN_TRANSCRIPT] = { N_("Transcript"), 80 },
};

struct _GovorunCallExportSink
{
  GovorunCsvWriter  *csv;   /* one of the two */
  GovorunXlsxWriter *xlsx;
  GHashTable        *agent_names;
  GTimeZone         *zone;
  gint64             offset_quarter;  /* the quarter hour offset is for */
  gint32             offset;       /* seconds east of UTC */
  gboolean           excel_ru;     /* the CSV is for Excel in Russian */
  guint              n_columns;
  GStrv              data_names;   /* the collected data's columns, after the others */
};

/* --- cells ----------------------------------------------------------------- */

static void
cell_text (GovorunCallExportSink *sink,
           const char            *text)
{
  if (sink->csv != NULL)
    govorun_csv_writer_add_text (sink->csv, text);
  else
    govorun_xlsx_writer_add_text (sink->xlsx, text);
}

static void
cell_blank (GovorunCallExportSink *sink)
{
  cell_text (sink, NULL);
}

static void
cell_int (GovorunCallExportSink *sink,
          gint64                 value)
{
  if (sink->csv != NULL)
    govorun_csv_writer_add_int (sink->csv, value);
  else
    govorun_xlsx_writer_add_int (sink->xlsx, value);
}

/* Cost as a number, blank when the provider reported none. */
static void
cell_money (GovorunCallExportSink *sink,
            double                 amount,
            const char            *currency)
{
  if (currency == NULL)
    cell_blank (sink);
  else if (sink->csv != NULL)
    govorun_csv_writer_add_double (sink->csv, amount, 6);
  else
    govorun_xlsx_writer_add_money (sink->xlsx, amount);
}

/* A provider id: digits a spreadsheet would round as a number past 15
 * digits (and show as 1.2E+12 past 11), so the workbook holds it as text. */
static void
cell_id (GovorunCallExportSink *sink,
         gint64                 id)
{
  char digits[24];

  if (id == 0)
    {
      cell_blank (sink);
      return;
    }
  g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, id);
  if (sink->csv != NULL)
    govorun_csv_writer_add_number (sink->csv, digits);
  else
    govorun_xlsx_writer_add_text (sink->xlsx, digits);
}

/* E.164 digits as people write them, "+79161234567": in CSV a number
 * (validated digits, so written without the formula guard), in the
 * workbook text, so it is not shown as 7.9E+10. Anything else (a SIP
 * user name) is text. */
static void
cell_phone (GovorunCallExportSink *sink,
            const char            *number)
{
  g_autofree char *plus = NULL;

  if (number == NULL || *number == '\0')
    {
      cell_blank (sink);
      return;
    }
  for (const char *p = number; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      {
        cell_text (sink, number);
        return;
      }
  plus = g_strconcat ("+", number, NULL);
  if (sink->csv != NULL)
    govorun_csv_writer_add_number (sink->csv, plus);
  else
    govorun_xlsx_writer_add_text (sink->xlsx, plus);
}

/* @unix_time as local wall-clock seconds (seconds since 1970-01-01 00:00
 * of the local calendar). The zone's offset is looked up once a quarter of
 * an hour of calls: rows come in time order, and zones change at a local
 * hour or half hour, which is on a UTC quarter hour in every zone (Lord
 * Howe changes at 15:30 UTC, Nepal's offset is 5:45). */
static gint64
local_seconds (GovorunCallExportSink *sink,
               gint64                 unix_time)
{
  gint64 quarter = unix_time / 900 - (unix_time % 900 < 0 ? 1 : 0);

  if (quarter != sink->offset_quarter)
    {
      int interval = g_time_zone_find_interval (sink->zone, G_TIME_TYPE_UNIVERSAL, unix_time);

      sink->offset = interval >= 0 ? g_time_zone_get_offset (sink->zone, interval) : 0;
      sink->offset_quarter = quarter;
    }
  return unix_time + sink->offset;
}

/* Local wall-clock time, as the Calls page shows it. */
static void
cell_datetime (GovorunCallExportSink *sink,
               gint64                 unix_time)
{
  gint64 wall;

  if (unix_time == 0)
    {
      cell_blank (sink);
      return;
    }
  wall = local_seconds (sink, unix_time);
  if (sink->csv != NULL)
    {
      char text[20];

      govorun_format_wall_clock (wall, text);
      if (sink->excel_ru)
        {
          /* Excel in Russian reads "02.12.2026 14:05:00" as a date and
           * time, and the ISO form as text. */
          char russian[20] = { text[8], text[9], '.', text[5], text[6], '.',
                               text[0], text[1], text[2], text[3], ' ',
                               text[11], text[12], ':', text[14], text[15], ':',
                               text[17], text[18], '\0' };

          govorun_csv_writer_add_text (sink->csv, russian);
        }
      else
        /* ISO 8601 with a space: what other spreadsheets and programs read
         * as a date and time. */
        govorun_csv_writer_add_text (sink->csv, text);
    }
  else
    {
      /* A workbook date has no zone: the wall-clock time, as if UTC. */
      g_autoptr(GDateTime) local = g_date_time_new_from_unix_utc (wall);

      govorun_xlsx_writer_add_datetime (sink->xlsx, local);
    }
}

/* A duration spreadsheets read as one: in CSV "1:02:03" (hours, not
 * wrapping at a day; Excel and LibreOffice read it as a time in every
 * locale, and [h]:mm:ss shows it), in the workbook a fraction of a day
 * with that format, so sums of durations stay durations. */
static void
cell_duration (GovorunCallExportSink *sink,
               guint                  seconds)
{
  if (sink->csv != NULL)
    {
      char text[24];

      g_snprintf (text, sizeof text, "%u:%02u:%02u", seconds / 3600, seconds / 60 % 60,
                  seconds % 60);
      govorun_csv_writer_add_text (sink->csv, text);
    }
  else
    govorun_xlsx_writer_add_duration (sink->xlsx, seconds);
}

/* The call's value of collected data item @name; NULL when it has none. */
static const char *
data_value (GovorunCallRecord *record,
            const char        *name)
{
  const GovorunCallInfo *info = govorun_call_record_get_info (record);

  for (guint i = 0; info != NULL && info->analysis != NULL && i < info->analysis->len; i++)
    {
      const GovorunCallAnalysisItem *item = g_ptr_array_index (info->analysis, i);

      if (item->kind == GOVORUN_CALL_ANALYSIS_DATA && g_strcmp0 (item->name, name) == 0)
        return item->result;
    }
  return NULL;
}

/* "[0:05] Agent: …" a line, in the order spoken. */
static char *
transcript_text (GPtrArray *turns)
{
  GString *text;

  if (turns == NULL || turns->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < turns->len; i++)
    {
      const GovorunCallTurn *turn = g_ptr_array_index (turns, i);
      gint64 seconds = MAX (turn->offset_ms, 0) / 1000;
      const char *who = turn->role == GOVORUN_CALL_ROLE_AGENT ? _("Agent")
                      : turn->role == GOVORUN_CALL_ROLE_CALLER ? _("Caller") : _("Tool");

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "[%" G_GINT64_FORMAT ":%02d] %s: %s", seconds / 60,
                              (int) (seconds % 60), who, turn->text != NULL ? turn->text : "");
    }
  return g_string_free (text, FALSE);
}

static void
write_cell (GovorunCallExportSink *sink,
            GovorunCallRecord     *record,
            Column                 column)
{
  const char *agent_uuid;
  const char *agent_name;
  g_autofree char *agent = NULL;
  g_autofree char *transcript = NULL;

  switch (column)
    {
    case COLUMN_STARTED_AT:
      cell_datetime (sink, govorun_call_record_get_started_at (record));
      break;
    case COLUMN_DIRECTION:
      cell_text (sink, govorun_call_direction_label (govorun_call_record_get_direction (record)));
      break;
    case COLUMN_FROM:
      cell_phone (sink, govorun_call_record_get_from_number (record));
      break;
    case COLUMN_TO:
      cell_phone (sink, govorun_call_record_get_to_number (record));
      break;
    case COLUMN_AGENT:
      agent_uuid = govorun_call_record_get_agent_uuid (record);
      agent_name = agent_uuid != NULL ? g_hash_table_lookup (sink->agent_names, agent_uuid) : NULL;
      agent = govorun_call_agent_label (record, agent_name);
      /* An agent removed since, with no provider's name, keeps its id, so
       * the row still says whose. */
      cell_text (sink, agent_name == NULL && agent_uuid != NULL &&
                       govorun_call_record_get_el_agent_name (record) == NULL &&
                       govorun_call_record_get_vox_application_name (record) == NULL
                       ? agent_uuid : agent);
      break;
    case COLUMN_CAMPAIGN:
      if (govorun_call_record_get_campaign_id (record) != 0)
        cell_int (sink, govorun_call_record_get_campaign_id (record));
      else
        cell_blank (sink);
      break;
    case COLUMN_DURATION:
      cell_duration (sink, govorun_call_record_get_duration (record));
      break;
    case COLUMN_STATUS:
      cell_text (sink, govorun_call_status_label (govorun_call_record_get_status (record)));
      break;
    case COLUMN_FINISH_REASON:
      cell_text (sink, govorun_call_record_get_finish_reason (record));
      break;
    case COLUMN_SUCCESS:
      cell_text (sink, govorun_call_success_label (govorun_call_record_get_success (record)));
      break;
    case COLUMN_VOX_COST:
      cell_money (sink, govorun_call_record_get_vox_cost (record),
                  govorun_call_record_get_vox_currency (record));
      break;
    case COLUMN_VOX_CURRENCY:
      cell_text (sink, govorun_call_record_get_vox_currency (record));
      break;
    case COLUMN_EL_COST:
      cell_money (sink, govorun_call_record_get_el_cost (record),
                  govorun_call_record_get_el_currency (record));
      break;
    case COLUMN_EL_CURRENCY:
      cell_text (sink, govorun_call_record_get_el_currency (record));
      break;
    case COLUMN_VOX_SESSION_ID:
      cell_id (sink, govorun_call_record_get_vox_session_id (record));
      break;
    case COLUMN_VOX_CALL_ID:
      cell_id (sink, govorun_call_record_get_vox_call_id (record));
      break;
    case COLUMN_EL_CONVERSATION_ID:
      cell_text (sink, govorun_call_record_get_el_conversation_id (record));
      break;
    case COLUMN_TRANSCRIPT:
      transcript = transcript_text (govorun_call_record_get_transcript (record));
      cell_text (sink, transcript);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* --- the sink -------------------------------------------------------------- */

GovorunCallExportSink *
govorun_call_export_sink_new (GovorunCallExportFormat   format,
                              const char               *path,
                              gboolean                  with_transcripts,
                              GHashTable               *agent_names,
                              const char * const       *data_names,
                              GCancellable             *cancellable,
                              GError                  **error)
{
  g_autoptr(GovorunCallExportSink) sink = g_new0 (GovorunCallExportSink, 1);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n_data;

  sink->agent_names = g_hash_table_ref (agent_names);
  sink->data_names = g_strdupv ((char **) data_names);
  sink->excel_ru = format == GOVORUN_CALL_EXPORT_FORMAT_CSV_EXCEL;
  n_data = sink->data_names != NULL ? g_strv_length (sink->data_names) : 0;
  sink->zone = g_time_zone_new_local ();
  sink->offset_quarter = G_MININT64;
  sink->n_columns = with_transcripts ? N_COLUMNS : COLUMN_TRANSCRIPT;
  for (guint i = 0; i < sink->n_columns; i++)
    g_ptr_array_add (titles, (gpointer) _(columns[i].title));
  /* Collected data by ElevenLabs' ids ("urgency"), as a CRM import maps them. */
  for (guint i = 0; i < n_data; i++)
    g_ptr_array_add (titles, sink->data_names[i]);
  g_ptr_array_add (titles, NULL);

  if (format == GOVORUN_CALL_EXPORT_FORMAT_XLSX)
    {
      sink->xlsx = govorun_xlsx_writer_new (path, _("Calls"),
                                            (const char * const *) titles->pdata, error);
      if (sink->xlsx == NULL)
        return NULL;
      for (guint i = 0; i < sink->n_columns; i++)
        govorun_xlsx_writer_set_width (sink->xlsx, i, columns[i].width);
      for (guint i = 0; i < n_data; i++)
        govorun_xlsx_writer_set_width (sink->xlsx, sink->n_columns + i, 16);
      return g_steal_pointer (&sink);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileOutputStream) stream = NULL;

      stream = g_file_append_to (file, G_FILE_CREATE_NONE, cancellable, error);
      if (stream == NULL)
        return NULL;
      sink->csv = govorun_csv_writer_new (G_OUTPUT_STREAM (stream),
                                          format == GOVORUN_CALL_EXPORT_FORMAT_CSV_EXCEL
                                          ? GOVORUN_CSV_DIALECT_EXCEL_RU
                                          : GOVORUN_CSV_DIALECT_RFC4180);
      for (guint i = 0; i + 1 < titles->len; i++)
        govorun_csv_writer_add_text (sink->csv, titles->pdata[i]);
      if (!govorun_csv_writer_end_row (sink->csv, cancellable, error))
        return NULL;
      return g_steal_pointer (&sink);
    }
}

gboolean
govorun_call_export_sink_write (GovorunCallExportSink  *sink,
                                GovorunCallRecord      *record,
                                GCancellable           *cancellable,
                                GError                **error)
{
  for (guint i = 0; i < sink->n_columns; i++)
    write_cell (sink, record, i);
  for (guint i = 0; sink->data_names != NULL && sink->data_names[i] != NULL; i++)
    cell_text (sink, data_value (record, sink->data_names[i]));
  if (sink->csv != NULL)
    return govorun_csv_writer_end_row (sink->csv, cancellable, error);
  return govorun_xlsx_writer_end_row (sink->xlsx, error);
}

gboolean
govorun_call_export_sink_close (GovorunCallExportSink  *sink,
                                GCancellable           *cancellable,
                                GError                **error)
{
  if (sink->csv != NULL)
    return govorun_csv_writer_close (sink->csv, cancellable, error);
  return govorun_xlsx_writer_close (sink->xlsx, error);
}

void
govorun_call_export_sink_free (GovorunCallExportSink *sink)
{
  if (sink == NULL)
    return;
  g_clear_object (&sink->csv);
  g_clear_object (&sink->xlsx);
  g_clear_pointer (&sink->agent_names, g_hash_table_unref);
  g_clear_pointer (&sink->zone, g_time_zone_unref);
  g_strfreev (sink->data_names);
  g_free (sink);
}
