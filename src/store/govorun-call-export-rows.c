/* govorun-call-export-rows.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallExportRows"

#include "config.h"

#include "govorun-call-export-rows.h"
#include "govorun-call-records-private.h"

typedef struct
{
  GovorunCallFilter         *filter;
  GovorunCallSortKey         sort;
  gboolean                   descending;
  gboolean                   with_transcripts;
  gboolean                   with_data;
  GovorunCallExportRowsFunc  func;
  gpointer                   func_data;
  GCancellable              *cancellable;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  govorun_call_filter_free (request->filter);
  g_clear_object (&request->cancellable);
  g_free (request);
}

static gboolean
read_transcripts (sqlite3       *db,
                  sqlite3_stmt  *stmt,
                  GPtrArray     *records,
                  GError       **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      GovorunCallRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GPtrArray) turns = NULL;
      int rc;

      turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);
      sqlite3_bind_int64 (stmt, 1, govorun_call_record_get_id (record));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (turns, govorun_call_turn_new (sqlite3_column_int (stmt, 0),
                                                       govorun_store_column_text (stmt, 1),
                                                       sqlite3_column_int64 (stmt, 2)));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return govorun_store_set_sqlite_error (error, db);
      if (turns->len > 0)
        govorun_call_record_set_transcript (record, turns);
    }
  return TRUE;
}

/* Each call's collected data (criteria are not exported one by one: the
 * success column sums them up) as the info's analysis. */
static gboolean
read_data (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GPtrArray     *records,
           GError       **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      GovorunCallRecord *record = g_ptr_array_index (records, i);
      const char *conversation_id = govorun_call_record_get_el_conversation_id (record);
      g_autoptr(GovorunCallInfo) info = NULL;
      int rc;

      if (conversation_id == NULL)
        continue;
      info = govorun_call_info_new ();
      info->analysis = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_analysis_item_free);
      sqlite3_bind_text (stmt, 1, conversation_id, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (info->analysis,
                         govorun_call_analysis_item_new (GOVORUN_CALL_ANALYSIS_DATA,
                                                         govorun_store_column_text (stmt, 0),
                                                         govorun_store_column_text (stmt, 1), NULL));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return govorun_store_set_sqlite_error (error, db);
      govorun_call_record_set_info (record, info);
    }
  return TRUE;
}

static gboolean
sql_export_rows (sqlite3         *db,
                 gpointer         data,
                 gpointer        *out_result,
                 GDestroyNotify  *out_result_destroy,
                 GError         **error)
{
  ExportRequest *request = data;
  g_autoptr(GovorunCallRecord) after = NULL;
  sqlite3_stmt *turns = NULL;
  sqlite3_stmt *data_items = NULL;
  guint64 *rows = g_new0 (guint64, 1);
  gint64 total = -1;
  gboolean ok = TRUE;

  *out_result = rows;
  *out_result_destroy = g_free;

  if (request->with_transcripts &&
      sqlite3_prepare_v2 (db, "SELECT role, text, offset_ms FROM call_turns WHERE call_id = ?1"
                          " ORDER BY seq", -1, &turns, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  if (request->with_data &&
      sqlite3_prepare_v2 (db, "SELECT name, result FROM call_analysis WHERE conversation_id = ?1"
                          " AND kind = 2 ORDER BY seq", -1, &data_items, NULL) != SQLITE_OK)
    {
      ok = govorun_store_set_sqlite_error (error, db);
      if (turns != NULL)
        sqlite3_finalize (turns);
      return ok;
    }

  while (ok)
    {
      g_autoptr(GPtrArray) records = NULL;

      if (g_cancellable_set_error_if_cancelled (request->cancellable, error))
        {
          ok = FALSE;
          break;
        }
      /* Keyset: each batch starts after the last row of the one before,
       * a range scan of the sort's index however far the export is. */
      ok = _govorun_call_records_read_page (db, request->filter, request->sort,
                                            request->descending, after,
                                            GOVORUN_CALL_EXPORT_ROWS_BATCH, total < 0,
                                            &records, total < 0 ? &total : NULL, error);
      if (!ok || records->len == 0)
        break;
      if (turns != NULL)
        ok = read_transcripts (db, turns, records, error);
      if (ok && data_items != NULL)
        ok = read_data (db, data_items, records, error);
      if (ok)
        ok = request->func (records, total, request->func_data, error);
      *rows += records->len;
      g_set_object (&after, g_ptr_array_index (records, records->len - 1));
      if (records->len < GOVORUN_CALL_EXPORT_ROWS_BATCH)
        break;
    }

  if (turns != NULL)
    sqlite3_finalize (turns);
  if (data_items != NULL)
    sqlite3_finalize (data_items);
  return ok;
}

void
govorun_call_export_rows_async (GovorunStore              *store,
                                const GovorunCallFilter   *filter,
                                GovorunCallSortKey         sort,
                                gboolean                   descending,
                                gboolean                   with_transcripts,
                                gboolean                   with_data,
                                GovorunCallExportRowsFunc  func,
                                gpointer                   func_data,
                                GCancellable              *cancellable,
                                GAsyncReadyCallback        callback,
                                gpointer                   user_data)
{
  ExportRequest *request;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (filter != NULL);
  g_return_if_fail (func != NULL);

  request = g_new0 (ExportRequest, 1);
  request->filter = govorun_call_filter_copy (filter);
  request->sort = sort;
  request->descending = descending;
  request->with_transcripts = with_transcripts;
  request->with_data = with_data;
  request->func = func;
  request->func_data = func_data;
  request->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  govorun_store_read_async (store, sql_export_rows, request, (GDestroyNotify) export_request_free,
                            cancellable, callback, user_data);
}

gboolean
govorun_call_export_rows_finish (GovorunStore  *store,
                                 GAsyncResult  *result,
                                 guint64       *out_rows,
                                 GError       **error)
{
  g_autofree guint64 *rows = govorun_store_read_finish (store, result, error);

  if (out_rows != NULL)
    *out_rows = rows != NULL ? *rows : 0;
  return rows != NULL;
}
