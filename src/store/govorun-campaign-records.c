/* govorun-campaign-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaignRecords"

#include "config.h"

#include <string.h>

#include "govorun-campaign-records.h"
#include "govorun-campaign-records-private.h"
#include "govorun-store-private.h"

/* Appended to the store's migrations: never edit it once shipped. */
const char govorun_campaign_records_migration[] =
  /* Campaigns: the settings, the state, the counters from the last
   * refresh, the call list and how far its creation got (list_state,
   * uploaded = contacts sent so far), and the preflight counts. */
  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT UNIQUE NOT NULL,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  account_uuid TEXT,"
  "  agent_uuid TEXT,"
  "  caller_number TEXT,"
  "  state TEXT NOT NULL,"
  "  list_id INTEGER NOT NULL DEFAULT 0,"
  "  list_state INTEGER NOT NULL DEFAULT 0,"
  "  uploaded INTEGER NOT NULL DEFAULT 0,"
  "  total INTEGER NOT NULL DEFAULT 0,"
  "  done INTEGER NOT NULL DEFAULT 0,"
  "  answered INTEGER NOT NULL DEFAULT 0,"
  "  successful INTEGER NOT NULL DEFAULT 0,"
  "  failed INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  start_at INTEGER NOT NULL DEFAULT 0,"
  "  expected_finish INTEGER NOT NULL DEFAULT 0,"
  "  error_message TEXT,"
  "  concurrency INTEGER NOT NULL,"
  "  attempts INTEGER NOT NULL,"
  "  retry_minutes INTEGER NOT NULL,"
  "  priority INTEGER NOT NULL,"
  "  window_start INTEGER NOT NULL,"
  "  window_end INTEGER NOT NULL,"
  "  allowed_days INTEGER NOT NULL,"
  "  zone_mode TEXT NOT NULL,"
  "  time_zone TEXT"
  ");"
  /* One row per contact to call; seq numbers them within the campaign
   * (the task uuid is made from it), row is the source file's. */
  "CREATE TABLE campaign_contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  row INTEGER NOT NULL,"
  "  phone TEXT NOT NULL,"
  "  variables TEXT,"
  "  zone TEXT,"
  "  status INTEGER NOT NULL DEFAULT 0,"
  "  attempts_left INTEGER,"
  "  last_attempt INTEGER NOT NULL DEFAULT 0,"
  "  result TEXT,"
  "  answered INTEGER NOT NULL DEFAULT 0,"
  "  successful INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (campaign_id, seq)"
  ");"
  /* Every query goes by (campaign_id, seq), the UNIQUE index; indexes on
   * status or row would cost a million-row import a third of its time
   * and serve no query (counts read the campaign's rows anyway). */
  /* The rows the preflight names, with the original cells for the
   * export of the rows left out. */
  "CREATE TABLE campaign_issues ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  row INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  column_name TEXT,"
  "  reason TEXT NOT NULL,"
  "  value TEXT,"
  "  cells TEXT"
  ");"
  "CREATE INDEX campaign_issues_row ON campaign_issues (campaign_id, row);"
  "CREATE TABLE campaign_mappings ("
  "  agent_uuid TEXT PRIMARY KEY,"
  "  mapping TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  /* A contact's calls in Calls. */
  "CREATE INDEX calls_contact ON calls (contact_id);";

#define LAST_ISSUE_KIND (GOVORUN_PREFLIGHT_ISSUE_N_KINDS - 1)

#define CAMPAIGN_COLUMNS \
  "uuid, name, account_uuid, agent_uuid, caller_number, state, list_id, list_state, total, done," \
  " answered, successful, failed, created_at, start_at, expected_finish, error_message, concurrency," \
  " attempts, retry_minutes, priority, window_start, window_end, allowed_days, zone_mode, time_zone," \
  " debt_mode"

void
govorun_campaign_task_row_free (GovorunCampaignTaskRow *row)
{
  if (row == NULL)
    return;
  g_free (row->phone);
  g_free (row->variables);
  g_free (row->zone);
  g_free (row->task_uuid);
  g_free (row);
}

void
govorun_campaign_task_update_free (GovorunCampaignTaskUpdate *update)
{
  if (update == NULL)
    return;
  g_free (update->result);
  g_free (update);
}

char *
govorun_campaign_records_task_uuid (const char *campaign_id,
                                    gint64      seq)
{
  GString *uuid = g_string_sized_new (40);

  for (const char *p = campaign_id; *p != '\0' && uuid->len < 32; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (uuid, g_ascii_tolower (*p));
  g_string_append_printf (uuid, "-%" G_GINT64_FORMAT, seq);
  return g_string_free (uuid, FALSE);
}

gint64
govorun_campaign_records_task_seq (const char *campaign_id,
                                   const char *task_uuid)
{
  g_autofree char *prefix = govorun_campaign_records_task_uuid (campaign_id, 0);
  gsize len = strlen (prefix) - 1;  /* up to and with the '-' */
  guint64 seq = 0;

  if (task_uuid == NULL || strncmp (task_uuid, prefix, len) != 0 ||
      !g_ascii_string_to_unsigned (task_uuid + len, 10, 1, G_MAXINT64, &seq, NULL))
    return 0;
  return (gint64) seq;
}

/* -- the sink -- */

struct _GovorunCampaignSink
{
  sqlite3      *db;
  gint64        campaign_rowid;
  char         *campaign_id;
  gint64        next_seq;
  guint64       added;
  sqlite3_stmt *insert_contact;
  sqlite3_stmt *insert_issue;
  sqlite3_stmt *interactions;   /* prepared on first use */
};

gboolean
govorun_campaign_sink_add_contact (GovorunCampaignSink  *sink,
                                   gint64                row,
                                   const char           *phone,
                                   const char           *variables,
                                   const char           *zone,
                                   GError              **error)
{
  sqlite3_stmt *stmt = sink->insert_contact;

  sqlite3_bind_int64 (stmt, 1, sink->campaign_rowid);
  sqlite3_bind_int64 (stmt, 2, sink->next_seq);
  sqlite3_bind_int64 (stmt, 3, row);
  govorun_store_bind_text (stmt, 4, phone);
  govorun_store_bind_text (stmt, 5, variables);
  govorun_store_bind_text (stmt, 6, zone);
  if (!govorun_store_step_reset (stmt, sink->db, error))
    return FALSE;
  sink->next_seq++;
  sink->added++;
  return TRUE;
}

gboolean
govorun_campaign_sink_add_issue (GovorunCampaignSink        *sink,
                                 GovorunPreflightIssueKind   kind,
                                 gint64                      row,
                                 const char                 *column,
                                 const char                 *reason,
                                 const char                 *value,
                                 const char                 *cells,
                                 GError                    **error)
{
  sqlite3_stmt *stmt = sink->insert_issue;

  sqlite3_bind_int64 (stmt, 1, sink->campaign_rowid);
  sqlite3_bind_int64 (stmt, 2, row);
  sqlite3_bind_int (stmt, 3, kind);
  govorun_store_bind_text (stmt, 4, column);
  govorun_store_bind_text (stmt, 5, reason != NULL ? reason : "");
  govorun_store_bind_text (stmt, 6, value);
  govorun_store_bind_text (stmt, 7, cells);
  return govorun_store_step_reset (stmt, sink->db, error);
}

gboolean
govorun_campaign_sink_foreach_phone (GovorunCampaignSink  *sink,
                                     void                (*func) (const char *phone,
                                                                  gpointer    data),
                                     gpointer              data,
                                     GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (sink->db, "SELECT phone FROM campaign_contacts WHERE campaign_id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, sink->db);
  sqlite3_bind_int64 (stmt, 1, sink->campaign_rowid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (govorun_store_column_text (stmt, 0), data);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, sink->db);
  return TRUE;
}

/* The calls' numbers are digits only (govorun-call-join.c), the
 * contacts' E.164: the '+' is dropped for the look-up. The partial index
 * calls_debt_interactions (migration 14) holds exactly these rows, so each
 * contact costs one index seek and reads only its own calls. */
gboolean
govorun_campaign_sink_interactions (GovorunCampaignSink  *sink,
                                    const char           *phone,
                                    gint64                since,
                                    gint64                until,
                                    GArray               *out_times,
                                    GError              **error)
{
  int rc;

  g_return_val_if_fail (phone != NULL, FALSE);
  g_return_val_if_fail (out_times != NULL, FALSE);

  if (sink->interactions == NULL &&
      sqlite3_prepare_v2 (sink->db,
                          "SELECT started_at FROM calls WHERE to_number = ?1 AND direction = 2 AND status = 1"
                          " AND started_at >= ?2 AND started_at < ?3",
                          -1, &sink->interactions, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, sink->db);

  g_array_set_size (out_times, 0);
  sqlite3_bind_text (sink->interactions, 1, phone[0] == '+' ? phone + 1 : phone, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (sink->interactions, 2, since);
  sqlite3_bind_int64 (sink->interactions, 3, until);
  while ((rc = sqlite3_step (sink->interactions)) == SQLITE_ROW)
    {
      gint64 at = sqlite3_column_int64 (sink->interactions, 0);

      g_array_append_val (out_times, at);
    }
  sqlite3_reset (sink->interactions);
  sqlite3_clear_bindings (sink->interactions);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, sink->db);
  return TRUE;
}

guint64
govorun_campaign_sink_get_added (GovorunCampaignSink *sink)
{
  return sink->added;
}

gint64
govorun_campaign_sink_get_next_seq (GovorunCampaignSink *sink)
{
  return sink->next_seq;
}

static gboolean
sink_init (GovorunCampaignSink  *sink,
           sqlite3              *db,
           const char           *campaign_id,
           GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  memset (sink, 0, sizeof *sink);
  sink->db = db;
  sink->campaign_id = g_strdup (campaign_id);
  if (sqlite3_prepare_v2 (db,
                          "SELECT c.id, COALESCE ((SELECT MAX (seq) FROM campaign_contacts"
                          " WHERE campaign_id = c.id), 0) FROM campaigns c WHERE c.uuid = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      sink->campaign_rowid = sqlite3_column_int64 (stmt, 0);
      sink->next_seq = sqlite3_column_int64 (stmt, 1) + 1;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, GOVORUN_STORE_ERROR, GOVORUN_STORE_ERROR_WRITE, "no campaign %s", campaign_id);
      else
        govorun_store_set_sqlite_error (error, db);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO campaign_contacts (campaign_id, seq, row, phone, variables, zone)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          -1, &sink->insert_contact, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT INTO campaign_issues (campaign_id, row, kind, column_name, reason, value,"
                          " cells) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          -1, &sink->insert_issue, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

static void
sink_clear (GovorunCampaignSink *sink)
{
  sqlite3_finalize (sink->insert_contact);
  sqlite3_finalize (sink->insert_issue);
  sqlite3_finalize (sink->interactions);
  g_free (sink->campaign_id);
}

/* -- writing a campaign -- */

static void
bind_campaign (sqlite3_stmt            *stmt,
               GovorunCampaign         *campaign,
               GovorunCampaignListState list_state)
{
  int i = 1;

  govorun_store_bind_text (stmt, i++, govorun_campaign_get_id (campaign));
  govorun_store_bind_text (stmt, i++, govorun_campaign_get_name (campaign) != NULL
                                      ? govorun_campaign_get_name (campaign) : "");
  govorun_store_bind_text (stmt, i++, govorun_campaign_get_account_id (campaign));
  govorun_store_bind_text (stmt, i++, govorun_campaign_get_agent_id (campaign));
  govorun_store_bind_text (stmt, i++, govorun_campaign_get_caller_number (campaign));
  govorun_store_bind_text (stmt, i++, govorun_campaign_state_to_string (govorun_campaign_get_state (campaign)));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_list_id (campaign));
  sqlite3_bind_int (stmt, i++, list_state);
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_total (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_done (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_answered (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_successful (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_failed_contacts (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_created_at (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_start_at (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_expected_finish (campaign));
  govorun_store_bind_text (stmt, i++, govorun_campaign_get_error_message (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_concurrency (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_attempts (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_retry_interval_minutes (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_priority (campaign));
  sqlite3_bind_int (stmt, i++, govorun_campaign_get_window_start (campaign));
  sqlite3_bind_int (stmt, i++, govorun_campaign_get_window_end (campaign));
  sqlite3_bind_int64 (stmt, i++, govorun_campaign_get_allowed_days (campaign));
  govorun_store_bind_text (stmt, i++, govorun_campaign_zone_mode_to_string (govorun_campaign_get_zone_mode (campaign)));
  govorun_store_bind_text (stmt, i++, govorun_campaign_get_time_zone (campaign));
  sqlite3_bind_int (stmt, i++, govorun_campaign_get_debt_mode (campaign));
}

typedef struct
{
  GovorunCampaign         *campaign;
  GovorunCampaignListState list_state;
  char                    *campaign_id;
  GovorunCampaignFillFunc  fill;
  gpointer                 fill_data;
  GDestroyNotify           fill_data_destroy;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->campaign);
  g_free (data->campaign_id);
  if (data->fill_data_destroy != NULL)
    data->fill_data_destroy (data->fill_data);
  g_free (data);
}

static gboolean
insert_campaign (sqlite3          *db,
                 GovorunCampaign  *campaign,
                 GError          **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO campaigns (" CAMPAIGN_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                          " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
                          " ?23, ?24, ?25, ?26, ?27)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  bind_campaign (stmt, campaign, GOVORUN_CAMPAIGN_LIST_NONE);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return govorun_store_set_sqlite_error (error, db);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
run_fill (sqlite3       *db,
          WriteData     *data,
          const char    *campaign_id,
          gint64        *out_first_seq,
          GError       **error)
{
  GovorunCampaignSink sink;
  gboolean ok;

  if (!sink_init (&sink, db, campaign_id, error))
    {
      sink_clear (&sink);
      return FALSE;
    }
  if (out_first_seq != NULL)
    *out_first_seq = sink.next_seq;
  ok = data->fill == NULL || data->fill (&sink, data->fill_data, error);
  sink_clear (&sink);
  return ok;
}

static gboolean
sql_create (sqlite3         *db,
            gpointer         user_data,
            gpointer        *out_result,
            GDestroyNotify  *out_result_destroy,
            GError         **error)
{
  WriteData *data = user_data;

  return insert_campaign (db, data->campaign, error) &&
         run_fill (db, data, govorun_campaign_get_id (data->campaign), NULL, error);
}

void
govorun_campaign_records_create_async (GovorunStore            *store,
                                       GovorunCampaign         *campaign,
                                       GovorunCampaignFillFunc  fill,
                                       gpointer                 fill_data,
                                       GDestroyNotify           fill_data_destroy,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  WriteData *data = g_new0 (WriteData, 1);

  g_return_if_fail (GOVORUN_IS_STORE (store));

  data->campaign = govorun_campaign_copy (campaign);
  data->fill = fill;
  data->fill_data = fill_data;
  data->fill_data_destroy = fill_data_destroy;
  govorun_store_write_async (store, sql_create, data, (GDestroyNotify) write_data_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_campaign_records_create_finish (GovorunStore  *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

static gboolean
sql_append (sqlite3         *db,
            gpointer         user_data,
            gpointer        *out_result,
            GDestroyNotify  *out_result_destroy,
            GError         **error)
{
  WriteData *data = user_data;
  gint64 *first_seq = g_new0 (gint64, 1);

  if (!run_fill (db, data, data->campaign_id, first_seq, error))
    {
      g_free (first_seq);
      return FALSE;
    }
  *out_result = first_seq;
  *out_result_destroy = g_free;
  return TRUE;
}

void
govorun_campaign_records_append_async (GovorunStore            *store,
                                       const char              *campaign_id,
                                       GovorunCampaignFillFunc  fill,
                                       gpointer                 fill_data,
                                       GDestroyNotify           fill_data_destroy,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  WriteData *data = g_new0 (WriteData, 1);

  data->campaign_id = g_strdup (campaign_id);
  data->fill = fill;
  data->fill_data = fill_data;
  data->fill_data_destroy = fill_data_destroy;
  govorun_store_write_async (store, sql_append, data, (GDestroyNotify) write_data_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_campaign_records_append_finish (GovorunStore  *store,
                                        GAsyncResult  *result,
                                        gint64        *out_first_seq,
                                        GError       **error)
{
  g_autofree gint64 *first_seq = govorun_store_write_finish (store, result, error);

  if (first_seq == NULL)
    return FALSE;
  if (out_first_seq != NULL)
    *out_first_seq = *first_seq;
  return TRUE;
}

static gboolean
sql_save (sqlite3         *db,
          gpointer         user_data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  WriteData *data = user_data;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "UPDATE campaigns SET (" CAMPAIGN_COLUMNS ") = (?1, ?2, ?3, ?4, ?5, ?6,"
                          " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
                          " ?23, ?24, ?25, ?26, ?27) WHERE uuid = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  bind_campaign (stmt, data->campaign, data->list_state);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return govorun_store_set_sqlite_error (error, db);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

void
govorun_campaign_records_save_async (GovorunStore            *store,
                                     GovorunCampaign         *campaign,
                                     GovorunCampaignListState list_state,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  WriteData *data = g_new0 (WriteData, 1);

  data->campaign = govorun_campaign_copy (campaign);
  data->list_state = list_state;
  govorun_store_write_async (store, sql_save, data, (GDestroyNotify) write_data_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_campaign_records_save_finish (GovorunStore  *store,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

static gboolean
sql_delete (sqlite3         *db,
            gpointer         user_data,
            gpointer        *out_result,
            GDestroyNotify  *out_result_destroy,
            GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  /* The contacts and issues go by ON DELETE CASCADE. */
  if (sqlite3_prepare_v2 (db, "DELETE FROM campaigns WHERE uuid = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, user_data);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok || govorun_store_set_sqlite_error (error, db);
}

void
govorun_campaign_records_delete_async (GovorunStore        *store,
                                       const char          *campaign_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  govorun_store_write_async (store, sql_delete, g_strdup (campaign_id), g_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_campaign_records_delete_finish (GovorunStore  *store,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

/* -- reading campaigns -- */

/* Column @index bounded to [@min, @max] (a macro would read it thrice). */
static gint64
column_clamped (sqlite3_stmt *stmt,
                int           index,
                gint64        min,
                gint64        max)
{
  gint64 value = sqlite3_column_int64 (stmt, index);

  return CLAMP (value, min, max);
}

static GovorunCampaign *
campaign_from_row (sqlite3_stmt *stmt)
{
  GovorunCampaign *campaign = g_object_new (GOVORUN_TYPE_CAMPAIGN, NULL);
  GovorunCampaignState state = GOVORUN_CAMPAIGN_STATE_DRAFT;
  GovorunCampaignZoneMode mode = GOVORUN_CAMPAIGN_ZONE_CAMPAIGN;
  int i = 0;

  govorun_campaign_set_id (campaign, govorun_store_column_text (stmt, i++));
  govorun_campaign_set_name (campaign, govorun_store_column_text (stmt, i++));
  govorun_campaign_set_account_id (campaign, govorun_store_column_text (stmt, i++));
  govorun_campaign_set_agent_id (campaign, govorun_store_column_text (stmt, i++));
  govorun_campaign_set_caller_number (campaign, govorun_store_column_text (stmt, i++));
  govorun_campaign_state_from_string (govorun_store_column_text (stmt, i++), &state);
  govorun_campaign_set_state (campaign, state);
  govorun_campaign_set_list_id (campaign, sqlite3_column_int64 (stmt, i++));
  g_object_set_data (G_OBJECT (campaign), "govorun-list-state",
                     GINT_TO_POINTER (sqlite3_column_int (stmt, i++)));
  govorun_campaign_set_total (campaign, sqlite3_column_int64 (stmt, i++));
  govorun_campaign_set_done (campaign, sqlite3_column_int64 (stmt, i++));
  govorun_campaign_set_answered (campaign, sqlite3_column_int64 (stmt, i++));
  govorun_campaign_set_successful (campaign, sqlite3_column_int64 (stmt, i++));
  govorun_campaign_set_failed_contacts (campaign, sqlite3_column_int64 (stmt, i++));
  govorun_campaign_set_created_at (campaign, sqlite3_column_int64 (stmt, i++));
  govorun_campaign_set_start_at (campaign, sqlite3_column_int64 (stmt, i++));
  govorun_campaign_set_expected_finish (campaign, sqlite3_column_int64 (stmt, i++));
  govorun_campaign_set_error_message (campaign, govorun_store_column_text (stmt, i++));
  govorun_campaign_set_concurrency (campaign, column_clamped (stmt, i++, 1, 1000));
  govorun_campaign_set_attempts (campaign, column_clamped (stmt, i++, 1, 5));
  govorun_campaign_set_retry_interval_minutes (campaign, column_clamped (stmt, i++, 0, 1440));
  govorun_campaign_set_priority (campaign, column_clamped (stmt, i++, 0, G_MAXINT));
  govorun_campaign_set_window_start (campaign, column_clamped (stmt, i++, 0, 1439));
  govorun_campaign_set_window_end (campaign, column_clamped (stmt, i++, 0, 1439));
  govorun_campaign_set_allowed_days (campaign, sqlite3_column_int64 (stmt, i++) & 0x7f);
  govorun_campaign_zone_mode_from_string (govorun_store_column_text (stmt, i++), &mode);
  govorun_campaign_set_zone_mode (campaign, mode);
  govorun_campaign_set_time_zone (campaign, govorun_store_column_text (stmt, i++));
  govorun_campaign_set_debt_mode (campaign, sqlite3_column_int (stmt, i++) != 0);
  return campaign;
}

static gboolean
sql_load (sqlite3         *db,
          gpointer         user_data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns ORDER BY created_at DESC, id DESC",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (campaigns, campaign_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  *out_result = g_steal_pointer (&campaigns);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

void
govorun_campaign_records_load_async (GovorunStore        *store,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  govorun_store_read_async (store, sql_load, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
govorun_campaign_records_load_finish (GovorunStore  *store,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

/* -- contacts -- */

typedef struct
{
  char   *campaign_id;
  gint64  first_seq;
  guint   count;
  gint64  campaign_rowid;
} RangeData;

static void
range_data_free (RangeData *data)
{
  g_free (data->campaign_id);
  g_free (data);
}

static RangeData *
range_data_new (const char *campaign_id,
                gint64      first_seq,
                guint       count)
{
  RangeData *data = g_new0 (RangeData, 1);

  data->campaign_id = g_strdup (campaign_id);
  data->first_seq = first_seq;
  data->count = count;
  return data;
}

typedef struct
{
  GPtrArray *rows;
  gint64     campaign_rowid;
} TaskRows;

static void
task_rows_free (TaskRows *rows)
{
  g_ptr_array_unref (rows->rows);
  g_free (rows);
}

static gboolean
sql_read_tasks (sqlite3         *db,
                gpointer         user_data,
                gpointer        *out_result,
                GDestroyNotify  *out_result_destroy,
                GError         **error)
{
  RangeData *data = user_data;
  TaskRows *rows = g_new0 (TaskRows, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rows->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_campaign_task_row_free);
  if (sqlite3_prepare_v2 (db,
                          "SELECT k.id, k.seq, k.phone, k.variables, k.zone, c.id FROM campaign_contacts k"
                          " JOIN campaigns c ON c.id = k.campaign_id"
                          " WHERE c.uuid = ?1 AND k.seq >= ?2 ORDER BY k.seq LIMIT ?3",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      task_rows_free (rows);
      return govorun_store_set_sqlite_error (error, db);
    }
  govorun_store_bind_text (stmt, 1, data->campaign_id);
  sqlite3_bind_int64 (stmt, 2, data->first_seq);
  sqlite3_bind_int64 (stmt, 3, data->count);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GovorunCampaignTaskRow *row = g_new0 (GovorunCampaignTaskRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->seq = sqlite3_column_int64 (stmt, 1);
      row->phone = g_strdup (govorun_store_column_text (stmt, 2));
      row->variables = g_strdup (govorun_store_column_text (stmt, 3));
      row->zone = g_strdup (govorun_store_column_text (stmt, 4));
      row->task_uuid = govorun_campaign_records_task_uuid (data->campaign_id, row->seq);
      rows->campaign_rowid = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (rows->rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      task_rows_free (rows);
      return govorun_store_set_sqlite_error (error, db);
    }
  *out_result = rows;
  *out_result_destroy = (GDestroyNotify) task_rows_free;
  return TRUE;
}

void
govorun_campaign_records_read_tasks_async (GovorunStore        *store,
                                           const char          *campaign_id,
                                           gint64               first_seq,
                                           guint                count,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  govorun_store_read_async (store, sql_read_tasks, range_data_new (campaign_id, first_seq, count),
                            (GDestroyNotify) range_data_free, cancellable, callback, user_data);
}

GPtrArray *
govorun_campaign_records_read_tasks_finish (GovorunStore  *store,
                                            GAsyncResult  *result,
                                            gint64        *out_campaign_rowid,
                                            GError       **error)
{
  TaskRows *rows = govorun_store_read_finish (store, result, error);
  GPtrArray *array;

  if (rows == NULL)
    return NULL;
  if (out_campaign_rowid != NULL)
    *out_campaign_rowid = rows->campaign_rowid;
  array = g_ptr_array_ref (rows->rows);
  task_rows_free (rows);
  return array;
}

#define CONTACT_SELECT \
  "SELECT k.row, k.phone, k.variables, k.seq, k.status, k.attempts_left, k.last_attempt, k.result," \
  " (SELECT l.id FROM calls l WHERE l.contact_id = k.id ORDER BY l.started_at DESC LIMIT 1)" \
  " FROM campaign_contacts k JOIN campaigns c ON c.id = k.campaign_id"

static GovorunCampaignContact *
contact_from_row (sqlite3_stmt *stmt,
                  const char   *campaign_id)
{
  GovorunCampaignContact *contact = govorun_campaign_contact_new ();
  g_autofree char *task_uuid = govorun_campaign_records_task_uuid (campaign_id, sqlite3_column_int64 (stmt, 3));
  int status = sqlite3_column_int (stmt, 4);

  govorun_campaign_contact_set_row (contact, sqlite3_column_int64 (stmt, 0));
  govorun_campaign_contact_set_phone (contact, govorun_store_column_text (stmt, 1));
  govorun_campaign_contact_set_variables (contact, govorun_store_column_text (stmt, 2));
  govorun_campaign_contact_set_task_uuid (contact, task_uuid);
  govorun_campaign_contact_set_status (contact, CLAMP (status, 0, 4));
  govorun_campaign_contact_set_attempts_left (contact, (guint) CLAMP (sqlite3_column_int64 (stmt, 5), 0, G_MAXUINT));
  govorun_campaign_contact_set_last_attempt (contact, sqlite3_column_int64 (stmt, 6));
  govorun_campaign_contact_set_result (contact, govorun_store_column_text (stmt, 7));
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 8));

      govorun_campaign_contact_set_call_record_id (contact, id);
    }
  return contact;
}

static gboolean
sql_read_contacts (sqlite3         *db,
                   gpointer         user_data,
                   gpointer        *out_result,
                   GDestroyNotify  *out_result_destroy,
                   GError         **error)
{
  RangeData *data = user_data;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, CONTACT_SELECT " WHERE c.uuid = ?1 AND k.seq >= ?2 AND k.seq < ?2 + ?3"
                          " ORDER BY k.seq", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, data->campaign_id);
  sqlite3_bind_int64 (stmt, 2, data->first_seq);
  sqlite3_bind_int64 (stmt, 3, data->count);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contacts, contact_from_row (stmt, data->campaign_id));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  *out_result = g_steal_pointer (&contacts);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

void
govorun_campaign_records_read_contacts_async (GovorunStore        *store,
                                              const char          *campaign_id,
                                              gint64               first_seq,
                                              guint                count,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  govorun_store_read_async (store, sql_read_contacts, range_data_new (campaign_id, first_seq, count),
                            (GDestroyNotify) range_data_free, cancellable, callback, user_data);
}

GPtrArray *
govorun_campaign_records_read_contacts_finish (GovorunStore  *store,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

typedef struct
{
  char      *campaign_id;
  GPtrArray *updates;
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  g_free (data->campaign_id);
  g_ptr_array_unref (data->updates);
  g_free (data);
}

static gboolean
sql_update_tasks (sqlite3         *db,
                  gpointer         user_data,
                  gpointer        *out_result,
                  GDestroyNotify  *out_result_destroy,
                  GError         **error)
{
  UpdateData *data = user_data;
  GovorunCampaignCounts *counts = g_new0 (GovorunCampaignCounts, 1);
  sqlite3_stmt *stmt = NULL;
  gint64 rowid = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM campaigns WHERE uuid = ?1", -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  govorun_store_bind_text (stmt, 1, data->campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "UPDATE campaign_contacts SET status = ?3, attempts_left = ?4, last_attempt = ?5,"
                          " result = ?6, answered = ?7, successful = ?8 WHERE campaign_id = ?1 AND seq = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  for (guint i = 0; i < data->updates->len; i++)
    {
      GovorunCampaignTaskUpdate *update = g_ptr_array_index (data->updates, i);

      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int64 (stmt, 2, update->seq);
      sqlite3_bind_int (stmt, 3, update->status);
      sqlite3_bind_int64 (stmt, 4, update->attempts_left);
      sqlite3_bind_int64 (stmt, 5, update->last_attempt);
      govorun_store_bind_text (stmt, 6, update->result);
      sqlite3_bind_int (stmt, 7, update->answered);
      sqlite3_bind_int (stmt, 8, update->successful);
      if (!govorun_store_step_reset (stmt, db, error))
        {
          sqlite3_finalize (stmt);
          g_free (counts);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT COUNT (*), COALESCE (SUM (status >= 2), 0), COALESCE (SUM (answered), 0),"
                          " COALESCE (SUM (successful), 0), COALESCE (SUM (status = 3), 0)"
                          " FROM campaign_contacts WHERE campaign_id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rowid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      counts->total = sqlite3_column_int64 (stmt, 0);
      counts->done = sqlite3_column_int64 (stmt, 1);
      counts->answered = sqlite3_column_int64 (stmt, 2);
      counts->successful = sqlite3_column_int64 (stmt, 3);
      counts->failed = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      g_free (counts);
      return govorun_store_set_sqlite_error (error, db);
    }
  *out_result = counts;
  *out_result_destroy = g_free;
  return TRUE;

failed:
  g_free (counts);
  return govorun_store_set_sqlite_error (error, db);
}

void
govorun_campaign_records_update_tasks_async (GovorunStore        *store,
                                             const char          *campaign_id,
                                             GPtrArray           *updates,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  UpdateData *data = g_new0 (UpdateData, 1);

  data->campaign_id = g_strdup (campaign_id);
  data->updates = g_ptr_array_ref (updates);
  govorun_store_write_async (store, sql_update_tasks, data, (GDestroyNotify) update_data_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_campaign_records_update_tasks_finish (GovorunStore           *store,
                                              GAsyncResult           *result,
                                              GovorunCampaignCounts  *out_counts,
                                              GError                **error)
{
  g_autofree GovorunCampaignCounts *counts = govorun_store_write_finish (store, result, error);

  if (counts == NULL)
    return FALSE;
  if (out_counts != NULL)
    *out_counts = *counts;
  return TRUE;
}

/* -- issues -- */

typedef struct
{
  char   *campaign_id;
  guint   limit;
} IssueQuery;

typedef struct
{
  GPtrArray *issues;
  guint      counts[GOVORUN_PREFLIGHT_ISSUE_N_KINDS];
} IssueResult;

static void
issue_query_free (IssueQuery *query)
{
  g_free (query->campaign_id);
  g_free (query);
}

static void
issue_result_free (IssueResult *result)
{
  g_ptr_array_unref (result->issues);
  g_free (result);
}

static gboolean
sql_read_issues (sqlite3         *db,
                 gpointer         user_data,
                 gpointer        *out_result,
                 GDestroyNotify  *out_result_destroy,
                 GError         **error)
{
  IssueQuery *query = user_data;
  IssueResult *result = g_new0 (IssueResult, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  result->issues = g_ptr_array_new_with_free_func (g_object_unref);
  if (sqlite3_prepare_v2 (db,
                          "SELECT i.kind, i.row, i.column_name, i.reason, i.value FROM campaign_issues i"
                          " JOIN campaigns c ON c.id = i.campaign_id WHERE c.uuid = ?1"
                          " ORDER BY i.row, i.id LIMIT ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  govorun_store_bind_text (stmt, 1, query->campaign_id);
  sqlite3_bind_int64 (stmt, 2, query->limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result->issues,
                     govorun_preflight_issue_new (CLAMP (sqlite3_column_int (stmt, 0), 0, LAST_ISSUE_KIND),
                                                  sqlite3_column_int64 (stmt, 1),
                                                  govorun_store_column_text (stmt, 2),
                                                  govorun_store_column_text (stmt, 3),
                                                  govorun_store_column_text (stmt, 4)));
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_DONE)
    goto failed;

  if (sqlite3_prepare_v2 (db,
                          "SELECT i.kind, COUNT (*) FROM campaign_issues i JOIN campaigns c"
                          " ON c.id = i.campaign_id WHERE c.uuid = ?1 GROUP BY i.kind",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  govorun_store_bind_text (stmt, 1, query->campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (stmt, 0);

      if (kind >= 0 && kind < GOVORUN_PREFLIGHT_ISSUE_N_KINDS)
        result->counts[kind] = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;
  *out_result = result;
  *out_result_destroy = (GDestroyNotify) issue_result_free;
  return TRUE;

failed:
  issue_result_free (result);
  return govorun_store_set_sqlite_error (error, db);
}

void
govorun_campaign_records_read_issues_async (GovorunStore        *store,
                                            const char          *campaign_id,
                                            guint                limit,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  IssueQuery *query = g_new0 (IssueQuery, 1);

  query->campaign_id = g_strdup (campaign_id);
  query->limit = limit;
  govorun_store_read_async (store, sql_read_issues, query, (GDestroyNotify) issue_query_free,
                            cancellable, callback, user_data);
}

GPtrArray *
govorun_campaign_records_read_issues_finish (GovorunStore  *store,
                                             GAsyncResult  *result,
                                             guint         *out_counts,
                                             GError       **error)
{
  IssueResult *issues = govorun_store_read_finish (store, result, error);
  GPtrArray *array;

  if (issues == NULL)
    return NULL;
  if (out_counts != NULL)
    memcpy (out_counts, issues->counts, sizeof issues->counts);
  array = g_ptr_array_ref (issues->issues);
  issue_result_free (issues);
  return array;
}

typedef struct
{
  char                      *campaign_id;
  GovorunCampaignIssueFunc   issue_func;
  GovorunCampaignContactFunc contact_func;
  GovorunCampaignRowsDone    done;
  gpointer                   data;
  GDestroyNotify             data_destroy;
} ForeachData;

static void
foreach_data_free (ForeachData *data)
{
  g_free (data->campaign_id);
  if (data->data_destroy != NULL)
    data->data_destroy (data->data);
  g_free (data);
}

static gboolean
sql_foreach (sqlite3         *db,
             gpointer         user_data,
             gpointer        *out_result,
             GDestroyNotify  *out_result_destroy,
             GError         **error)
{
  ForeachData *data = user_data;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (data->issue_func != NULL)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT i.kind, i.row, i.column_name, i.reason, i.value, i.cells"
                             " FROM campaign_issues i JOIN campaigns c ON c.id = i.campaign_id"
                             " WHERE c.uuid = ?1 ORDER BY i.row, i.id", -1, &stmt, NULL);
  else
    rc = sqlite3_prepare_v2 (db, CONTACT_SELECT " WHERE c.uuid = ?1 ORDER BY k.seq", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, data->campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (data->issue_func != NULL)
        data->issue_func (CLAMP (sqlite3_column_int (stmt, 0), 0, LAST_ISSUE_KIND), sqlite3_column_int64 (stmt, 1),
                          govorun_store_column_text (stmt, 2), govorun_store_column_text (stmt, 3),
                          govorun_store_column_text (stmt, 4), govorun_store_column_text (stmt, 5),
                          data->data);
      else
        {
          g_autoptr(GovorunCampaignContact) contact = contact_from_row (stmt, data->campaign_id);

          data->contact_func (contact, data->data);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return data->done == NULL || data->done (data->data, error);
}

static void
foreach_async (GovorunStore              *store,
               const char                *campaign_id,
               GovorunCampaignIssueFunc   issue_func,
               GovorunCampaignContactFunc contact_func,
               GovorunCampaignRowsDone    done,
               gpointer                   user_data_rows,
               GDestroyNotify             data_destroy,
               GCancellable              *cancellable,
               GAsyncReadyCallback        callback,
               gpointer                   user_data)
{
  ForeachData *data = g_new0 (ForeachData, 1);

  data->campaign_id = g_strdup (campaign_id);
  data->issue_func = issue_func;
  data->contact_func = contact_func;
  data->done = done;
  data->data = user_data_rows;
  data->data_destroy = data_destroy;
  govorun_store_read_async (store, sql_foreach, data, (GDestroyNotify) foreach_data_free,
                            cancellable, callback, user_data);
}

void
govorun_campaign_records_foreach_issue_async (GovorunStore            *store,
                                              const char              *campaign_id,
                                              GovorunCampaignIssueFunc func,
                                              GovorunCampaignRowsDone  done,
                                              gpointer                 data,
                                              GDestroyNotify           data_destroy,
                                              GCancellable            *cancellable,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data)
{
  foreach_async (store, campaign_id, func, NULL, done, data, data_destroy, cancellable, callback, user_data);
}

void
govorun_campaign_records_foreach_contact_async (GovorunStore              *store,
                                                const char                *campaign_id,
                                                GovorunCampaignContactFunc func,
                                                GovorunCampaignRowsDone    done,
                                                gpointer                   data,
                                                GDestroyNotify             data_destroy,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data)
{
  foreach_async (store, campaign_id, NULL, func, done, data, data_destroy, cancellable, callback, user_data);
}

gboolean
govorun_campaign_records_foreach_finish (GovorunStore  *store,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* The read returns no value: success is the absence of an error. */
  govorun_store_read_finish (store, result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* -- mappings -- */

typedef struct
{
  char *agent_id;
  char *json;
} MappingData;

static void
mapping_data_free (MappingData *data)
{
  g_free (data->agent_id);
  g_free (data->json);
  g_free (data);
}

static gboolean
sql_save_mapping (sqlite3         *db,
                  gpointer         user_data,
                  gpointer        *out_result,
                  GDestroyNotify  *out_result_destroy,
                  GError         **error)
{
  MappingData *data = user_data;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO campaign_mappings (agent_uuid, mapping, updated_at) VALUES (?1, ?2, ?3)"
                          " ON CONFLICT (agent_uuid) DO UPDATE SET mapping = excluded.mapping,"
                          " updated_at = excluded.updated_at",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, data->agent_id);
  govorun_store_bind_text (stmt, 2, data->json);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok || govorun_store_set_sqlite_error (error, db);
}

void
govorun_campaign_records_save_mapping_async (GovorunStore        *store,
                                             const char          *agent_id,
                                             const char          *mapping_json,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  MappingData *data = g_new0 (MappingData, 1);

  data->agent_id = g_strdup (agent_id);
  data->json = g_strdup (mapping_json);
  govorun_store_write_async (store, sql_save_mapping, data, (GDestroyNotify) mapping_data_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_campaign_records_save_mapping_finish (GovorunStore  *store,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

static gboolean
sql_load_mappings (sqlite3         *db,
                   gpointer         user_data,
                   gpointer        *out_result,
                   GDestroyNotify  *out_result_destroy,
                   GError         **error)
{
  GHashTable *mappings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT agent_uuid, mapping FROM campaign_mappings", -1, &stmt, NULL)
      != SQLITE_OK)
    {
      g_hash_table_unref (mappings);
      return govorun_store_set_sqlite_error (error, db);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (mappings, g_strdup (govorun_store_column_text (stmt, 0)),
                         g_strdup (govorun_store_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_hash_table_unref (mappings);
      return govorun_store_set_sqlite_error (error, db);
    }
  *out_result = mappings;
  *out_result_destroy = (GDestroyNotify) g_hash_table_unref;
  return TRUE;
}

void
govorun_campaign_records_load_mappings_async (GovorunStore        *store,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  govorun_store_read_async (store, sql_load_mappings, NULL, NULL, cancellable, callback, user_data);
}

GHashTable *
govorun_campaign_records_load_mappings_finish (GovorunStore  *store,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}
