/* govorun-call-info-rows.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-info-rows-private.h"
#include "govorun-store-private.h"

struct _GovorunCallInfoWriter
{
  sqlite3      *db;
  sqlite3_stmt *delete_analysis;
  sqlite3_stmt *insert_analysis;
};

GovorunCallInfoWriter *
_govorun_call_info_writer_new (sqlite3  *db,
                                  GError  **error)
{
  GovorunCallInfoWriter *writer = g_new0 (GovorunCallInfoWriter, 1);

  /* The statements wait for the first analysis: a phone call's page has
   * none. */
  writer->db = db;
  return writer;
}

void
_govorun_call_info_writer_free (GovorunCallInfoWriter *writer)
{
  if (writer == NULL)
    return;
  sqlite3_finalize (writer->delete_analysis);
  sqlite3_finalize (writer->insert_analysis);
  g_free (writer);
}

static gboolean
step (GovorunCallInfoWriter  *writer,
      sqlite3_stmt              *stmt,
      GError                   **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, writer->db);
  return TRUE;
}

static gboolean
write_analysis (GovorunCallInfoWriter  *writer,
                const char                *conversation_id,
                GPtrArray                 *analysis,
                GError                   **error)
{
  if (writer->insert_analysis == NULL &&
      ((writer->delete_analysis == NULL &&
        sqlite3_prepare_v2 (writer->db, "DELETE FROM call_analysis WHERE conversation_id = ?1", -1,
                            &writer->delete_analysis, NULL) != SQLITE_OK) ||
       sqlite3_prepare_v2 (writer->db, "INSERT INTO call_analysis (conversation_id, seq, kind, name,"
                           " result, rationale) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1,
                           &writer->insert_analysis, NULL) != SQLITE_OK))
    return govorun_store_set_sqlite_error (error, writer->db);
  sqlite3_bind_text (writer->delete_analysis, 1, conversation_id, -1, SQLITE_STATIC);
  if (!step (writer, writer->delete_analysis, error))
    return FALSE;
  for (guint i = 0; i < analysis->len; i++)
    {
      const GovorunCallAnalysisItem *item = g_ptr_array_index (analysis, i);
      sqlite3_stmt *stmt = writer->insert_analysis;

      sqlite3_bind_text (stmt, 1, conversation_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, item->kind);
      sqlite3_bind_text (stmt, 4, item->name != NULL ? item->name : "", -1, SQLITE_STATIC);
      govorun_store_bind_text (stmt, 5, item->result);
      govorun_store_bind_text (stmt, 6, item->rationale);
      if (!step (writer, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_govorun_call_info_write (GovorunCallInfoWriter  *writer,
                          GovorunCallRecord      *record,
                          gboolean               *out_changed,
                          GError                **error)
{
  const GovorunCallInfo *details = govorun_call_record_get_info (record);
  const char *conversation_id = govorun_call_record_get_el_conversation_id (record);

  *out_changed = FALSE;
  /* Analysis comes only with a new or changed conversation's details. */
  if (details != NULL && details->analysis != NULL && conversation_id != NULL)
    {
      *out_changed = TRUE;
      return write_analysis (writer, conversation_id, details->analysis, error);
    }
  return TRUE;
}

gboolean
_govorun_call_info_read (sqlite3            *db,
                            gint64              id,
                            GovorunCallRecord  *record,
                            GError            **error)
{
  g_autoptr(GovorunCallInfo) details = govorun_call_info_new ();
  const char *conversation_id = govorun_call_record_get_el_conversation_id (record);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT vox_account_uuid, el_account_uuid, record_url, el_has_audio,"
                          " end_reason, el_termination_reason, el_error, summary_title,"
                          " main_language FROM calls WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      details->vox_account_uuid = g_strdup (govorun_store_column_text (stmt, 0));
      details->el_account_uuid = g_strdup (govorun_store_column_text (stmt, 1));
      details->record_url = g_strdup (govorun_store_column_text (stmt, 2));
      details->el_has_audio = sqlite3_column_int (stmt, 3) != 0;
      details->end_reason = g_strdup (govorun_store_column_text (stmt, 4));
      details->el_termination_reason = g_strdup (govorun_store_column_text (stmt, 5));
      details->el_error = g_strdup (govorun_store_column_text (stmt, 6));
      details->summary_title = g_strdup (govorun_store_column_text (stmt, 7));
      details->main_language = g_strdup (govorun_store_column_text (stmt, 8));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  details->analysis = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_analysis_item_free);
  if (conversation_id != NULL)
    {
      if (sqlite3_prepare_v2 (db, "SELECT kind, name, result, rationale FROM call_analysis"
                              " WHERE conversation_id = ?1 ORDER BY seq", -1, &stmt, NULL) != SQLITE_OK)
        return govorun_store_set_sqlite_error (error, db);
      sqlite3_bind_text (stmt, 1, conversation_id, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (details->analysis,
                         govorun_call_analysis_item_new (sqlite3_column_int (stmt, 0),
                                                         govorun_store_column_text (stmt, 1),
                                                         govorun_store_column_text (stmt, 2),
                                                         govorun_store_column_text (stmt, 3)));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return govorun_store_set_sqlite_error (error, db);
    }

  govorun_call_record_set_info (record, details);
  return TRUE;
}
