/* govorun-call-analysis-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallAnalysisRecords"

#include "config.h"

#include "govorun-call-analysis-records.h"
#include "govorun-call-analysis-totals-private.h"
#include "govorun-call-records-private.h"
#include "govorun-store-private.h"

typedef struct
{
  GovorunCallFilter *filter;  /* NULL: the whole store, values only */
  guint              max_values;
} AnalysisRequest;

static void
analysis_request_free (AnalysisRequest *request)
{
  g_clear_pointer (&request->filter, govorun_call_filter_free);
  g_free (request);
}

static GPtrArray *
new_fields (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_analysis_field_free);
}

/* --- seen: distinct names and values by index seeks ---------------------------- */

/* Each step asks for the first entry past the one before, so the cost is
 * a seek per name and per value, not a scan of every call's analysis. */
/* The first (kind, name) after @kind, @name in the values' index, by
 * two seeks that SQLite makes as such (a row-value comparison,
 * "(kind, name) > (?, ?)", steps through every entry of the name it
 * starts from). FALSE at the end. */
static gboolean
next_name (sqlite3_stmt  *same_kind,
           sqlite3_stmt  *next_kind,
           gint64        *kind,
           char         **name,
           int           *out_rc)
{
  sqlite3_stmt *stmts[] = { same_kind, next_kind };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    {
      sqlite3_stmt *stmt = stmts[i];
      int rc;

      sqlite3_bind_int64 (stmt, 1, *kind);
      if (i == 0)
        sqlite3_bind_text (stmt, 2, *name, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 1);

          *kind = sqlite3_column_int64 (stmt, 0);
          g_free (*name);
          *name = g_strdup (text != NULL ? text : "");
          sqlite3_reset (stmt);
          *out_rc = SQLITE_DONE;
          return TRUE;
        }
      sqlite3_reset (stmt);
      *out_rc = rc;
      if (rc != SQLITE_DONE)
        return FALSE;
    }
  return FALSE;
}

/* Each step asks for the first entry past the one before, so the cost is
 * a seek per name and per value, not a scan of every call's analysis. */
static gboolean
sql_seen (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  AnalysisRequest *request = data;
  g_autoptr(GPtrArray) fields = new_fields ();
  sqlite3_stmt *same_kind = NULL;
  sqlite3_stmt *next_kind = NULL;
  sqlite3_stmt *next_value = NULL;
  gint64 kind = 0;
  g_autofree char *name = g_strdup ("");
  int rc = SQLITE_DONE;

  if (sqlite3_prepare_v2 (db, "SELECT kind, name FROM call_analysis WHERE kind = ?1 AND name > ?2"
                          " ORDER BY kind, name LIMIT 1", -1, &same_kind, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT kind, name FROM call_analysis WHERE kind > ?1"
                          " ORDER BY kind, name LIMIT 1", -1, &next_kind, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT result FROM call_analysis WHERE kind = ?1 AND name = ?2"
                          " AND result > ?3 ORDER BY result LIMIT 1", -1, &next_value, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (same_kind);
      sqlite3_finalize (next_kind);
      return govorun_store_set_sqlite_error (error, db);
    }

  while (fields->len < GOVORUN_CALL_ANALYSIS_MAX_FIELDS &&
         next_name (same_kind, next_kind, &kind, &name, &rc))
    {
      GovorunCallAnalysisField *field;
      g_autofree char *value = g_strdup ("");

      field = govorun_call_analysis_field_new ((GovorunCallAnalysisKind) kind, name);
      g_ptr_array_add (fields, field);
      while (field->values->len < request->max_values)
        {
          sqlite3_bind_int64 (next_value, 1, kind);
          sqlite3_bind_text (next_value, 2, name, -1, SQLITE_STATIC);
          sqlite3_bind_text (next_value, 3, value, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (next_value);
          if (rc != SQLITE_ROW)
            break;
          g_free (value);
          value = g_strdup ((const char *) sqlite3_column_text (next_value, 0));
          sqlite3_reset (next_value);
          govorun_call_analysis_field_add_value (field, value, 0);
        }
      sqlite3_reset (next_value);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        break;
      rc = SQLITE_DONE;
    }
  sqlite3_finalize (same_kind);
  sqlite3_finalize (next_kind);
  sqlite3_finalize (next_value);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  *out_result = g_steal_pointer (&fields);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

void
govorun_call_analysis_records_seen_async (GovorunStore        *store,
                                          guint                max_values,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  AnalysisRequest *request;

  g_return_if_fail (GOVORUN_IS_STORE (store));

  request = g_new0 (AnalysisRequest, 1);
  request->max_values = max_values;
  govorun_store_read_async (store, sql_seen, request, (GDestroyNotify) analysis_request_free,
                            cancellable, callback, user_data);
}

GPtrArray *
govorun_call_analysis_records_seen_finish (GovorunStore  *store,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

/* --- count: the filter's calls over the values ---------------------------------- */

static gboolean
sql_count (sqlite3         *db,
           gpointer         data,
           gpointer        *out_result,
           GDestroyNotify  *out_result_destroy,
           GError         **error)
{
  AnalysisRequest *request = data;
  g_autoptr(GPtrArray) fields = new_fields ();
  g_autoptr(GPtrArray) params = NULL;
  g_autofree char *where = _govorun_call_records_filter_where (db, request->filter, &params);
  g_autofree char *sql = NULL;
  GovorunCallAnalysisField *field = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The Overview's question (a period, an agent): the counts kept per
   * hour and day, a few thousand rows for 90 days. */
  if (govorun_call_analysis_totals_cover (request->filter))
    {
      stmt = govorun_call_analysis_totals_prepare (db, request->filter, error);
      if (stmt == NULL)
        return FALSE;
    }
  /* The values' index read in its order, so the groups need no sort,
   * each entry's conversation looked up in the filter's (a temporary
   * index of them, built once); then only the groups are ordered, most
   * frequent values first. */
  else
    {
      sql = g_strconcat ("SELECT kind, name, result, n FROM"
                         " (SELECT kind, name, result, COUNT(*) AS n"
                         "  FROM call_analysis INDEXED BY call_analysis_values",
                         *where != '\0' ? " WHERE conversation_id IN (SELECT el_conversation_id FROM calls" : "",
                         where,
                         *where != '\0' ? ")" : "",
                         "  GROUP BY kind, name, result)"
                         " ORDER BY kind, name, n DESC, result", NULL);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        return govorun_store_set_sqlite_error (error, db);
      _govorun_call_records_bind_params (stmt, params);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GovorunCallAnalysisKind kind = sqlite3_column_int (stmt, 0);
      const char *name = govorun_store_column_text (stmt, 1);
      const char *value = govorun_store_column_text (stmt, 2);
      guint64 count = (guint64) sqlite3_column_int64 (stmt, 3);

      if (name == NULL)
        continue;
      if (field == NULL || field->kind != kind || g_strcmp0 (field->name, name) != 0)
        {
          if (fields->len >= GOVORUN_CALL_ANALYSIS_MAX_FIELDS)
            break;
          field = govorun_call_analysis_field_new (kind, name);
          g_ptr_array_add (fields, field);
        }
      field->n_calls += count;
      if (value == NULL || *value == '\0')
        continue;
      if (field->values->len < request->max_values)
        govorun_call_analysis_field_add_value (field, value, count);
      else
        field->n_other += count;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  *out_result = g_steal_pointer (&fields);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

void
govorun_call_analysis_records_count_async (GovorunStore            *store,
                                           const GovorunCallFilter *filter,
                                           guint                    max_values,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data)
{
  AnalysisRequest *request;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (filter != NULL);

  request = g_new0 (AnalysisRequest, 1);
  request->filter = govorun_call_filter_copy (filter);
  request->max_values = max_values;
  govorun_store_read_async (store, sql_count, request, (GDestroyNotify) analysis_request_free,
                            cancellable, callback, user_data);
}

GPtrArray *
govorun_call_analysis_records_count_finish (GovorunStore  *store,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}
