/* govorun-call-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallRecords"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-call-bulk-private.h"
#include "govorun-call-records.h"
#include "govorun-call-records-private.h"
#include "govorun-call-search.h"
#include "govorun-call-stats-records-private.h"
#include "govorun-call-info-rows-private.h"
#include "govorun-call-sync-lookups-private.h"
#include "govorun-call-sync-state-private.h"
#include "govorun-store-private.h"

G_DEFINE_QUARK (govorun-call-records-error-quark, govorun_call_records_error)

/* The columns a list row reads, in the order read_row () takes them. */
#define ROW_COLUMNS \
  "id, vox_session_id, vox_call_id, el_conversation_id, agent_uuid, campaign_id, contact_id," \
  " direction, from_number, to_number, started_at, duration, status, finish_reason, success," \
  " vox_cost, vox_currency, el_cost, el_currency, has_recording, el_agent_name," \
  " vox_application_name"
#define N_ROW_COLUMNS 22

/* What each GovorunCallSortKey orders by (ties: started_at, then id). */
static const char * const sort_columns[] = {
  [GOVORUN_CALL_SORT_STARTED_AT] = "started_at",
  [GOVORUN_CALL_SORT_DURATION] = "duration",
  [GOVORUN_CALL_SORT_COST] = "cost_total",
  [GOVORUN_CALL_SORT_STATUS] = "status",
  [GOVORUN_CALL_SORT_DIRECTION] = "direction",
  [GOVORUN_CALL_SORT_SUCCESS] = "success",
  [GOVORUN_CALL_SORT_AGENT] = "agent_uuid",
};

/* --- helpers, run on the store's threads ----------------------------------- */

static void
bind_cost (sqlite3_stmt *stmt,
           int           index,
           double        cost,
           const char   *currency)
{
  if (currency != NULL)
    sqlite3_bind_double (stmt, index, cost);
  else
    sqlite3_bind_null (stmt, index);
}

static GovorunCallRecord *
read_row (sqlite3_stmt *stmt)
{
  GovorunCallRecord *record = govorun_call_record_new ();
  const char *agent = govorun_store_column_text (stmt, 4);

  govorun_call_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  govorun_call_record_set_vox_session_id (record, sqlite3_column_int64 (stmt, 1));
  govorun_call_record_set_vox_call_id (record, sqlite3_column_int64 (stmt, 2));
  govorun_call_record_set_el_conversation_id (record, govorun_store_column_text (stmt, 3));
  govorun_call_record_set_agent_uuid (record, agent != NULL && *agent != '\0' ? agent : NULL);
  govorun_call_record_set_campaign_id (record, sqlite3_column_int64 (stmt, 5));
  govorun_call_record_set_contact_id (record, sqlite3_column_int64 (stmt, 6));
  govorun_call_record_set_direction (record, sqlite3_column_int (stmt, 7));
  govorun_call_record_set_from_number (record, govorun_store_column_text (stmt, 8));
  govorun_call_record_set_to_number (record, govorun_store_column_text (stmt, 9));
  govorun_call_record_set_started_at (record, sqlite3_column_int64 (stmt, 10));
  govorun_call_record_set_duration (record, (guint) sqlite3_column_int64 (stmt, 11));
  govorun_call_record_set_status (record, sqlite3_column_int (stmt, 12));
  govorun_call_record_set_finish_reason (record, govorun_store_column_text (stmt, 13));
  govorun_call_record_set_success (record, sqlite3_column_int (stmt, 14));
  govorun_call_record_set_vox_cost (record, sqlite3_column_double (stmt, 15),
                                    govorun_store_column_text (stmt, 16));
  govorun_call_record_set_el_cost (record, sqlite3_column_double (stmt, 17),
                                   govorun_store_column_text (stmt, 18));
  govorun_call_record_set_has_recording (record, sqlite3_column_int (stmt, 19) != 0);
  govorun_call_record_set_el_agent_name (record, govorun_store_column_text (stmt, 20));
  govorun_call_record_set_vox_application_name (record, govorun_store_column_text (stmt, 21));
  return record;
}

/* --- filters --------------------------------------------------------------- */

/* A WHERE clause and its parameters, bound in order. */
typedef struct
{
  GString   *sql;
  GPtrArray *params;  /* of GVariant: int64, double or string */
} Query;

static void
query_init (Query *query)
{
  query->sql = g_string_new (NULL);
  query->params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
}

static void
query_clear (Query *query)
{
  g_string_free (query->sql, TRUE);
  g_ptr_array_unref (query->params);
}

static void
query_and (Query      *query,
           const char *clause,
           GVariant   *param)
{
  g_string_append (query->sql, query->sql->len == 0 ? " WHERE " : " AND ");
  g_string_append (query->sql, clause);
  if (param != NULL)
    g_ptr_array_add (query->params, g_variant_ref_sink (param));
}

static void
query_add_param (Query    *query,
                 GVariant *param)
{
  g_ptr_array_add (query->params, g_variant_ref_sink (param));
}

static void
query_bind (Query        *query,
            sqlite3_stmt *stmt)
{
  for (guint i = 0; i < query->params->len; i++)
    {
      GVariant *param = g_ptr_array_index (query->params, i);

      if (g_variant_is_of_type (param, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, (int) i + 1, g_variant_get_int64 (param));
      else if (g_variant_is_of_type (param, G_VARIANT_TYPE_DOUBLE))
        sqlite3_bind_double (stmt, (int) i + 1, g_variant_get_double (param));
      else
        govorun_store_bind_text (stmt, (int) i + 1, g_variant_get_string (param, NULL));
    }
}

/* What the trigram index says of a filter's search before a page is read
 * (search_hits()): whether it is common, and when it is not, the rowids
 * of its matches, so that the page and its count need not ask again. */
typedef struct
{
  gboolean  searched;  /* the filter has a search */
  gboolean  common;    /* SEARCH_COMMON_MATCHES or more */
  GArray   *ids;       /* of gint64, when not common */
  /* The analysis condition holds for ANALYSIS_COMMON_MATCHES or more
   * calls: probed row by row (see query_add_filter()). */
  gboolean  analysis_common;
  /* The trigram index waits for a first sync's bulk to end: the search
   * is checked row by row against the numbers (search_unindexed()). */
  gboolean  unindexed;
} SearchHits;

static void
search_hits_clear (SearchHits *hits)
{
  g_clear_pointer (&hits->ids, g_array_unref);
}

/* @by_index: the sort's index drives the query (a page in another order
 * than by date: @sort). The equality filters are then written "+column",
 * which keeps SQLite from choosing their index and sorting every matching
 * row (a million-row sort) over reading the sort's index in order and
 * skipping what does not match until the page is full — except a filter
 * on the sort's own column, and the status under a duration or cost order,
 * which have an index in that order (migration 6). */
/*
 * @hits (nullable): the search's matches, known beforehand. A common
 * search is then checked row by row as the sort's index is read
 * (an FTS5 lookup by rowid per row), instead of the list of every
 * matching rowid being made first. The list costs little per match but
 * grows with them: a phrase a third of a million calls share takes
 * seconds to list, while the first page of it, probed, is found after a
 * few hundred rows. See search_hits().
 */
static void
query_add_filter (Query                   *query,
                  const GovorunCallFilter *filter,
                  gboolean                 by_index,
                  GovorunCallSortKey       sort,
                  const SearchHits        *hits)
{
  gboolean status_indexed = sort == GOVORUN_CALL_SORT_STATUS ||
                            sort == GOVORUN_CALL_SORT_DURATION || sort == GOVORUN_CALL_SORT_COST;
  const char *plus = by_index ? "+" : "";
  g_autofree char *match = NULL;
  g_autofree char *status = g_strconcat (status_indexed ? "" : plus, "status = ?", NULL);
  g_autofree char *direction = g_strconcat (sort == GOVORUN_CALL_SORT_DIRECTION ? "" : plus,
                                            "direction = ?", NULL);
  g_autofree char *success = g_strconcat (sort == GOVORUN_CALL_SORT_SUCCESS ? "" : plus,
                                          "success = ?", NULL);
  g_autofree char *agent = g_strconcat (sort == GOVORUN_CALL_SORT_AGENT ? "" : plus,
                                        "agent_uuid = ?", NULL);

  /* The date range too: read in the sort's index (which holds started_at
   * after the key), a day's calls are found without reading a table row. */
  if (filter->started_from != 0)
    query_and (query, by_index ? "+started_at >= ?" : "started_at >= ?",
               g_variant_new_int64 (filter->started_from));
  if (filter->started_until != 0)
    query_and (query, by_index ? "+started_at < ?" : "started_at < ?",
               g_variant_new_int64 (filter->started_until));
  if (filter->status != GOVORUN_CALL_FILTER_ANY)
    query_and (query, status, g_variant_new_int64 (filter->status));
  if (filter->direction != GOVORUN_CALL_FILTER_ANY)
    query_and (query, direction, g_variant_new_int64 (filter->direction));
  if (filter->success != GOVORUN_CALL_FILTER_ANY)
    query_and (query, success, g_variant_new_int64 (filter->success));
  if (filter->agent_uuid != NULL)
    query_and (query, agent, g_variant_new_string (filter->agent_uuid));

  /* The analysis by its values' index (call_analysis_values). A value
   * few calls have: the list of their conversations, then their calls by
   * the unique conversation id. A common one (urgency = normal, a date
   * that is set): listing a third of the history would take long, while
   * a page of it is found probing a few hundred rows, each a seek in the
   * same index. */
  if (filter->analysis_name != NULL && hits != NULL && hits->analysis_common)
    {
      query_and (query, filter->analysis_value != NULL
                        ? "EXISTS (SELECT 1 FROM call_analysis WHERE kind = ? AND name = ?"
                          " AND result = ? AND call_analysis.conversation_id = calls.el_conversation_id)"
                        /* By the call's own items (the key), not the
                         * values' index: that one would be read through
                         * every set value for each call. */
                        : "EXISTS (SELECT 1 FROM call_analysis WHERE +kind = ? AND +name = ?"
                          " AND result > '' AND call_analysis.conversation_id = calls.el_conversation_id)",
                 g_variant_new_int64 (filter->analysis_kind));
      query_add_param (query, g_variant_new_string (filter->analysis_name));
      if (filter->analysis_value != NULL)
        query_add_param (query, g_variant_new_string (filter->analysis_value));
    }
  else if (filter->analysis_name != NULL && filter->analysis_value != NULL)
    {
      query_and (query, "el_conversation_id IN (SELECT conversation_id FROM call_analysis"
                        " WHERE kind = ? AND name = ? AND result = ?)",
                 g_variant_new_int64 (filter->analysis_kind));
      query_add_param (query, g_variant_new_string (filter->analysis_name));
      query_add_param (query, g_variant_new_string (filter->analysis_value));
    }
  else if (filter->analysis_name != NULL)
    {
      query_and (query, "el_conversation_id IN (SELECT conversation_id FROM call_analysis"
                        " WHERE kind = ? AND name = ? AND result > '')",
                 g_variant_new_int64 (filter->analysis_kind));
      query_add_param (query, g_variant_new_string (filter->analysis_name));
    }

  match = govorun_call_search_fts_query (filter->search);
  if (match != NULL && hits != NULL && hits->unindexed)
    {
      /* The index holds the calls other writes changed meanwhile (with
       * their transcripts); the bulk's own have only numbers. */
      query_and (query, "(id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)"
                        " OR govorun_call_numbers_match (from_number, to_number, ?))",
                 g_variant_new_string (match));
      query_add_param (query, g_variant_new_string (filter->search));
    }
  else if (match != NULL && hits != NULL && hits->common)
    query_and (query, "EXISTS (SELECT 1 FROM calls_fts WHERE calls_fts MATCH ?"
                      " AND calls_fts.rowid = calls.id)",
               g_variant_new_string (match));
  else if (match != NULL && hits != NULL && hits->ids != NULL)
    {
      /* The few matches, written out: the trigram index is not read twice. */
      g_autoptr(GString) list = g_string_new ("id IN (");

      for (guint i = 0; i < hits->ids->len; i++)
        g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                g_array_index (hits->ids, gint64, i));
      g_string_append_c (list, ')');
      query_and (query, list->str, NULL);
    }
  else if (match != NULL)
    query_and (query, "id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)",
               g_variant_new_string (match));
}

/*
 * Whether the search index is still to be built after a first sync's
 * bulk (govorun-call-bulk.c). The sync is done and the calls are listed
 * before it is; until then a search finds what the index would hold of
 * the bulk's calls, their numbers, by reading them (a bulk only ever
 * begins on an empty history and is not a transcript's way in), and the
 * calls other writes changed since it was settled in the index, which
 * they write as always. An error reads as "built": the query then
 * reports it.
 */
static gboolean
search_unindexed (sqlite3 *db)
{
  gboolean pending = FALSE;

  return _govorun_call_bulk_pending (db, &pending, NULL) && pending;
}

char *
_govorun_call_records_filter_where (sqlite3                  *db,
                                    const GovorunCallFilter  *filter,
                                    GPtrArray               **out_params)
{
  Query query;

  query_init (&query);
  query_add_filter (&query, filter, FALSE, GOVORUN_CALL_SORT_STARTED_AT,
                    &(SearchHits) { .unindexed = search_unindexed (db) });
  *out_params = query.params;
  return g_string_free (query.sql, FALSE);
}

void
_govorun_call_records_bind_params (sqlite3_stmt *stmt,
                                   GPtrArray    *params)
{
  Query query = { NULL, params };

  query_bind (&query, stmt);
}

/* Whether a filter narrows by anything but its search. */
static gboolean
filter_has_fields (const GovorunCallFilter *filter)
{
  return filter->started_from != 0 || filter->started_until != 0 ||
         filter->status != GOVORUN_CALL_FILTER_ANY ||
         filter->direction != GOVORUN_CALL_FILTER_ANY ||
         filter->success != GOVORUN_CALL_FILTER_ANY || filter->agent_uuid != NULL ||
         filter->analysis_name != NULL;
}

/* From this many matches of the search alone, pages probe the search row
 * by row (query_add_filter()): listing more would cost more than probing
 * the few hundred rows a page needs. Counting up to it reads the trigram
 * index only, in a few milliseconds. */
#define SEARCH_COMMON_MATCHES 10000

/* From this many calls with the analysis condition, pages probe it row
 * by row (query_add_filter()). Counting up to it reads the values' index
 * only. */
#define ANALYSIS_COMMON_MATCHES 10000

static int analysis_common_matches = ANALYSIS_COMMON_MATCHES;  /* atomic */

void
_govorun_call_records_set_analysis_common_matches (guint n)
{
  g_atomic_int_set (&analysis_common_matches, n != 0 ? (int) MIN (n, G_MAXINT) : ANALYSIS_COMMON_MATCHES);
}

static gboolean
analysis_is_common (sqlite3                  *db,
                    const GovorunCallFilter  *filter,
                    gboolean                 *out_common,
                    GError                  **error)
{
  gint64 common = g_atomic_int_get (&analysis_common_matches);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_common = FALSE;
  if (filter->analysis_name == NULL)
    return TRUE;
  rc = sqlite3_prepare_v2 (db, filter->analysis_value != NULL
                               ? "SELECT COUNT(*) FROM (SELECT 1 FROM call_analysis WHERE kind = ?1"
                                 " AND name = ?2 AND result = ?3 LIMIT ?4)"
                               : "SELECT COUNT(*) FROM (SELECT 1 FROM call_analysis WHERE kind = ?1"
                                 " AND name = ?2 AND result > '' LIMIT ?4)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, filter->analysis_kind);
      govorun_store_bind_text (stmt, 2, filter->analysis_name);
      if (filter->analysis_value != NULL)
        govorun_store_bind_text (stmt, 3, filter->analysis_value);
      sqlite3_bind_int64 (stmt, 4, common);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *out_common = sqlite3_column_int64 (stmt, 0) >= common;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

/* Asks the trigram index for @filter's search, up to SEARCH_COMMON_MATCHES
 * matches (in a few milliseconds: the index only), and the values' index
 * whether the analysis condition is common. */
static gboolean
search_hits (sqlite3                  *db,
             const GovorunCallFilter  *filter,
             SearchHits               *hits,
             GError                  **error)
{
  g_autofree char *match = govorun_call_search_fts_query (filter->search);
  sqlite3_stmt *stmt = NULL;
  int rc;

  memset (hits, 0, sizeof *hits);
  if (!analysis_is_common (db, filter, &hits->analysis_common, error))
    return FALSE;
  if (match == NULL)
    return TRUE;
  if ((hits->unindexed = search_unindexed (db)))
    return TRUE;

  hits->searched = TRUE;
  hits->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rc = sqlite3_prepare_v2 (db, "SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?1 LIMIT ?2",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      govorun_store_bind_text (stmt, 1, match);
      sqlite3_bind_int64 (stmt, 2, SEARCH_COMMON_MATCHES);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (hits->ids, id);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      search_hits_clear (hits);
      return govorun_store_set_sqlite_error (error, db);
    }
  if (hits->ids->len >= SEARCH_COMMON_MATCHES)
    {
      hits->common = TRUE;
      g_clear_pointer (&hits->ids, g_array_unref);
    }
  return TRUE;
}

/* --- upsert ---------------------------------------------------------------- */

/* Known values win; unknown ones (NULL, or 0 in the NOT NULL columns) keep
 * what is stored. MERGE_VALUES are MERGE_COLUMNS' new values, in order. */
/* The details (where the audio is, how each side ended) are columns of
 * the same row, written by the same statement: a second UPDATE of a row
 * just inserted cost a fifth of a first sync's writing. */
#define INFO_COLUMNS \
  " vox_account_uuid, el_account_uuid, record_url, el_has_audio, end_reason," \
  " el_termination_reason, el_error, summary_title, main_language"
#define INFO_MERGE_VALUES \
  " COALESCE (excluded.vox_account_uuid, vox_account_uuid)," \
  " COALESCE (excluded.el_account_uuid, el_account_uuid)," \
  " COALESCE (excluded.record_url, record_url)," \
  " MAX (excluded.el_has_audio, el_has_audio)," \
  " COALESCE (excluded.end_reason, end_reason)," \
  " COALESCE (excluded.el_termination_reason, el_termination_reason)," \
  " COALESCE (excluded.el_error, el_error)," \
  " COALESCE (excluded.summary_title, summary_title)," \
  " COALESCE (excluded.main_language, main_language)"
#define MERGE_COLUMNS \
  "vox_session_id, vox_call_id, el_conversation_id, agent_uuid, campaign_id, contact_id," \
  " direction, from_number, to_number, started_at, duration, status, finish_reason, success," \
  " vox_cost, vox_currency, el_cost, el_currency, cost_total, has_recording, summary," \
  " el_agent_name, vox_application_name," INFO_COLUMNS
#define MERGE_VALUES \
  "COALESCE (excluded.vox_session_id, vox_session_id)," \
  " COALESCE (excluded.vox_call_id, vox_call_id)," \
  " COALESCE (excluded.el_conversation_id, el_conversation_id)," \
  " IIF (excluded.agent_uuid <> '', excluded.agent_uuid, agent_uuid)," \
  " COALESCE (excluded.campaign_id, campaign_id)," \
  " COALESCE (excluded.contact_id, contact_id)," \
  " IIF (excluded.direction <> 0, excluded.direction, direction)," \
  " COALESCE (excluded.from_number, from_number)," \
  " COALESCE (excluded.to_number, to_number)," \
  " IIF (excluded.started_at <> 0, excluded.started_at, started_at)," \
  " IIF (excluded.duration <> 0, excluded.duration, duration)," \
  " IIF (excluded.status <> 0, excluded.status, status)," \
  " COALESCE (excluded.finish_reason, finish_reason)," \
  " IIF (excluded.success <> 0, excluded.success, success)," \
  " COALESCE (excluded.vox_cost, vox_cost)," \
  " COALESCE (excluded.vox_currency, vox_currency)," \
  " COALESCE (excluded.el_cost, el_cost)," \
  " COALESCE (excluded.el_currency, el_currency)," \
  " COALESCE (excluded.vox_cost, vox_cost, 0) + COALESCE (excluded.el_cost, el_cost, 0)," \
  " MAX (excluded.has_recording, has_recording)," \
  " COALESCE (excluded.summary, summary)," \
  " COALESCE (excluded.el_agent_name, el_agent_name)," \
  " COALESCE (excluded.vox_application_name, vox_application_name)," \
  INFO_MERGE_VALUES
/* A row the record would leave as it is is not written: the sync re-reads
 * an overlap on every run, and only a real change may count as one (the
 * upsert then returns no row). */
#define MERGE_SET \
  " DO UPDATE SET (" MERGE_COLUMNS ") = (" MERGE_VALUES ")" \
  " WHERE (" MERGE_COLUMNS ") IS NOT (" MERGE_VALUES ")"

static const char upsert_sql[] =
  "INSERT INTO calls (vox_session_id, vox_call_id, el_conversation_id, agent_uuid, campaign_id,"
  " contact_id, direction, from_number, to_number, started_at, duration, status, finish_reason,"
  " success, vox_cost, vox_currency, el_cost, el_currency, cost_total, has_recording, summary,"
  " el_agent_name, vox_application_name," INFO_COLUMNS ")"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
  " COALESCE (?15, 0) + COALESCE (?17, 0), ?19, ?20, ?21, ?22,"
  " ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)"
  " ON CONFLICT (vox_session_id)" MERGE_SET
  " ON CONFLICT (el_conversation_id)" MERGE_SET;

enum
{
  STMT_UPSERT,
  STMT_ROW_BY_IDS,
  STMT_ID_BY_VOX,
  STMT_ID_BY_EL,
  STMT_MOVE_TURNS,
  STMT_DELETE_CALL,
  STMT_DELETE_FTS,
  STMT_DELETE_TURNS,
  STMT_INSERT_TURN,
  STMT_REPLACE_FTS,
  N_STMTS
};

static const char * const upsert_statements[N_STMTS] = {
  [STMT_UPSERT] = upsert_sql,
  /* The row an unchanged record matched: the first conflict target wins,
   * as in the upsert. */
  [STMT_ROW_BY_IDS] = "SELECT id, from_number, to_number FROM calls WHERE vox_session_id = ?1"
                      " UNION ALL SELECT id, from_number, to_number FROM calls"
                      " WHERE el_conversation_id = ?2 LIMIT 1",
  [STMT_ID_BY_VOX] = "SELECT id FROM calls WHERE vox_session_id = ?1",
  [STMT_ID_BY_EL] = "SELECT id FROM calls WHERE el_conversation_id = ?1",
  [STMT_MOVE_TURNS] = "UPDATE call_turns SET call_id = ?1 WHERE call_id = ?2"
                      " AND NOT EXISTS (SELECT 1 FROM call_turns WHERE call_id = ?1)",
  [STMT_DELETE_CALL] = "DELETE FROM calls WHERE id = ?1",
  [STMT_DELETE_FTS] = "DELETE FROM calls_fts WHERE rowid = ?1",
  [STMT_DELETE_TURNS] = "DELETE FROM call_turns WHERE call_id = ?1",
  [STMT_INSERT_TURN] = "INSERT INTO call_turns (call_id, seq, role, text, offset_ms)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)",
  /* The transcript column is rebuilt from call_turns, so it is right
   * whether or not this record brought the transcript. */
  [STMT_REPLACE_FTS] = "INSERT OR REPLACE INTO calls_fts (rowid, numbers, transcript)"
                       " VALUES (?1, ?2, (SELECT group_concat (text, char (10)) FROM"
                       " (SELECT text FROM call_turns WHERE call_id = ?1 ORDER BY seq)))",
};

/* The statements of a page's upserts, prepared when first needed: a
 * first sync's page needs one of them, and preparing all ten took a sixth
 * of the writer's time. */
typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
} Statements;

static sqlite3_stmt *
statement (Statements  *st,
           guint        which,
           GError     **error)
{
  /* The upsert is used for every page, and parsing its text costs about
   * a millisecond: kept (not finalized with the rest). */
  if (which == STMT_UPSERT)
    return govorun_store_kept_statement (st->db, upsert_sql, error);
  if (st->stmts[which] == NULL &&
      sqlite3_prepare_v3 (st->db, upsert_statements[which], -1, SQLITE_PREPARE_PERSISTENT,
                          &st->stmts[which], NULL) != SQLITE_OK)
    {
      govorun_store_set_sqlite_error (error, st->db);
      return NULL;
    }
  return st->stmts[which];
}

typedef struct
{
  GPtrArray            *records;
  GovorunCallSyncState *state;
  gboolean              bulk;     /* may start a bulk (govorun-call-bulk.c), joins first */
  guint                 join_tolerance;
} UpsertData;

/*
 * Changes to the search index wait for the end of the page. FTS5 writes
 * the terms it holds in memory out as a new segment of the index at every
 * savepoint of a transaction it is part of, and each upsert into calls
 * opens one (a statement journal: the table has triggers and two unique
 * keys). Written between the upserts, every row became a segment of its
 * own, merged again and again — half of a sync's time. Written after
 * them, in the same transaction and in the order they were asked for, the
 * page is one segment, and the index is exactly as current when the
 * transaction commits.
 */
typedef struct
{
  gint64  id;
  char   *numbers;  /* the row's index forms; NULL: the row leaves the index */
} SearchChange;

static void
search_change_clear (SearchChange *change)
{
  g_free (change->numbers);
}

static void
upsert_data_free (UpsertData *data)
{
  g_ptr_array_unref (data->records);
  govorun_call_sync_state_free (data->state);
  g_free (data);
}

static gint64
lookup_id (sqlite3_stmt *stmt)
{
  gint64 id = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The record joins a Voximplant-only row and an ElevenLabs-only row: the
 * second one's transcript moves to the first, and the second goes, so the
 * upsert can then give the first both ids. FALSE when that is not what
 * the conflict was. */
static gboolean
join_rows (Statements         *st,
           GovorunCallRecord  *record,
           GArray             *search,
           GError            **error)
{
  sqlite3_stmt *by_vox, *by_el, *move, *delete;
  gint64 vox_row, el_row;

  if ((by_vox = statement (st, STMT_ID_BY_VOX, error)) == NULL ||
      (by_el = statement (st, STMT_ID_BY_EL, error)) == NULL ||
      (move = statement (st, STMT_MOVE_TURNS, error)) == NULL ||
      (delete = statement (st, STMT_DELETE_CALL, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (by_vox, 1, govorun_call_record_get_vox_session_id (record));
  vox_row = lookup_id (by_vox);
  govorun_store_bind_text (by_el, 1, govorun_call_record_get_el_conversation_id (record));
  el_row = lookup_id (by_el);
  if (vox_row == 0 || el_row == 0 || vox_row == el_row)
    return FALSE;

  sqlite3_bind_int64 (move, 1, vox_row);
  sqlite3_bind_int64 (move, 2, el_row);
  sqlite3_bind_int64 (delete, 1, el_row);
  if (!govorun_store_step_reset (move, st->db, error) ||
      !govorun_store_step_reset (delete, st->db, error))
    return FALSE;
  g_array_append_vals (search, &(SearchChange) { el_row, NULL }, 1);
  return TRUE;
}

/* The index changes of the page, in order (see SearchChange). */
static gboolean
write_search_changes (Statements  *st,
                      GArray      *search,
                      GError     **error)
{
  for (guint i = 0; i < search->len; i++)
    {
      SearchChange *change = &g_array_index (search, SearchChange, i);
      sqlite3_stmt *stmt = statement (st, change->numbers != NULL ? STMT_REPLACE_FTS : STMT_DELETE_FTS,
                                      error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, change->id);
      if (change->numbers != NULL)
        sqlite3_bind_text (stmt, 2, change->numbers, -1, SQLITE_STATIC);
      if (!govorun_store_step_reset (stmt, st->db, error))
        return FALSE;
    }
  return TRUE;
}

/* Unknown details (NULL) keep what is stored. */
static void
bind_info (sqlite3_stmt          *stmt,
           int                    first,
           const GovorunCallInfo *details)
{
  if (details == NULL)
    {
      for (int i = 0; i < 9; i++)
        sqlite3_bind_null (stmt, first + i);
      sqlite3_bind_int (stmt, first + 3, 0);
      return;
    }
  govorun_store_bind_text (stmt, first, details->vox_account_uuid);
  govorun_store_bind_text (stmt, first + 1, details->el_account_uuid);
  govorun_store_bind_text (stmt, first + 2, details->record_url);
  sqlite3_bind_int (stmt, first + 3, details->el_has_audio ? 1 : 0);
  govorun_store_bind_text (stmt, first + 4, details->end_reason);
  govorun_store_bind_text (stmt, first + 5, details->el_termination_reason);
  govorun_store_bind_text (stmt, first + 6, details->el_error);
  govorun_store_bind_text (stmt, first + 7, details->summary_title);
  govorun_store_bind_text (stmt, first + 8, details->main_language);
}

static void
bind_record (sqlite3_stmt      *stmt,
             GovorunCallRecord *record)
{
  const char *agent = govorun_call_record_get_agent_uuid (record);

  govorun_store_bind_id (stmt, 1, govorun_call_record_get_vox_session_id (record));
  govorun_store_bind_id (stmt, 2, govorun_call_record_get_vox_call_id (record));
  govorun_store_bind_text (stmt, 3, govorun_call_record_get_el_conversation_id (record));
  sqlite3_bind_text (stmt, 4, agent != NULL ? agent : "", -1, SQLITE_STATIC);
  govorun_store_bind_id (stmt, 5, govorun_call_record_get_campaign_id (record));
  govorun_store_bind_id (stmt, 6, govorun_call_record_get_contact_id (record));
  sqlite3_bind_int (stmt, 7, govorun_call_record_get_direction (record));
  govorun_store_bind_text (stmt, 8, govorun_call_record_get_from_number (record));
  govorun_store_bind_text (stmt, 9, govorun_call_record_get_to_number (record));
  sqlite3_bind_int64 (stmt, 10, govorun_call_record_get_started_at (record));
  sqlite3_bind_int64 (stmt, 11, govorun_call_record_get_duration (record));
  sqlite3_bind_int (stmt, 12, govorun_call_record_get_status (record));
  govorun_store_bind_text (stmt, 13, govorun_call_record_get_finish_reason (record));
  sqlite3_bind_int (stmt, 14, govorun_call_record_get_success (record));
  bind_cost (stmt, 15, govorun_call_record_get_vox_cost (record),
             govorun_call_record_get_vox_currency (record));
  govorun_store_bind_text (stmt, 16, govorun_call_record_get_vox_currency (record));
  bind_cost (stmt, 17, govorun_call_record_get_el_cost (record),
             govorun_call_record_get_el_currency (record));
  govorun_store_bind_text (stmt, 18, govorun_call_record_get_el_currency (record));
  sqlite3_bind_int (stmt, 19, govorun_call_record_get_has_recording (record) ? 1 : 0);
  govorun_store_bind_text (stmt, 20, govorun_call_record_get_summary (record));
  govorun_store_bind_text (stmt, 21, govorun_call_record_get_el_agent_name (record));
  govorun_store_bind_text (stmt, 22, govorun_call_record_get_vox_application_name (record));
  bind_info (stmt, 23, govorun_call_record_get_info (record));
}

/* The row id in column 0 of @stmt's current row; sets @out_numbers to the
 * index forms of its numbers (columns 1 and 2). */
char *
_govorun_call_records_index_numbers (const char *from_number,
                                     const char *to_number)
{
  g_autofree char *from = govorun_call_search_number_forms (from_number);
  g_autofree char *to = govorun_call_search_number_forms (to_number);

  return g_strjoin (" ", from, to, NULL);
}

static gint64
read_id_and_numbers (sqlite3_stmt  *stmt,
                     char         **out_numbers)
{
  *out_numbers = _govorun_call_records_index_numbers (govorun_store_column_text (stmt, 1),
                                                      govorun_store_column_text (stmt, 2));
  return sqlite3_column_int64 (stmt, 0);
}

/* Runs the upsert; on a UNIQUE conflict between two one-sided rows, joins
 * them and runs it again. Sets @out_numbers to the row's index forms and
 * @out_changed to whether the row was inserted or changed. A new row's id
 * and numbers are the insert's own, so only an existing row is read back
 * (RETURNING would copy every row out through a temporary table). */
static gint64
upsert_row (Statements         *st,
            GovorunCallRecord  *record,
            GArray             *search,
            char              **out_numbers,
            gboolean           *out_changed,
            GError            **error)
{
  sqlite3 *db = st->db;
  sqlite3_stmt *stmt = statement (st, STMT_UPSERT, error);

  if (stmt == NULL)
    return 0;
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      int rc;

      bind_record (stmt, record);
      /* An insert sets it; the update path of an upsert leaves it. */
      sqlite3_set_last_insert_rowid (db, 0);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          sqlite3_stmt *lookup;
          gint64 id = sqlite3_last_insert_rowid (db);

          *out_changed = sqlite3_changes (db) > 0;
          if (id != 0)
            {
              /* Not for a bulk's rows: their index is built at its end. */
              if (out_numbers != NULL)
                *out_numbers = _govorun_call_records_index_numbers (govorun_call_record_get_from_number (record),
                                                                    govorun_call_record_get_to_number (record));
              return id;
            }
          /* Merged into a stored row, or it already said all the record does. */
          if ((lookup = statement (st, STMT_ROW_BY_IDS, error)) == NULL)
            return 0;
          govorun_store_bind_id (lookup, 1, govorun_call_record_get_vox_session_id (record));
          govorun_store_bind_text (lookup, 2, govorun_call_record_get_el_conversation_id (record));
          if (sqlite3_step (lookup) == SQLITE_ROW)
            {
              id = sqlite3_column_int64 (lookup, 0);
              if (out_numbers != NULL)
                read_id_and_numbers (lookup, out_numbers);
            }
          sqlite3_reset (lookup);
          if (id == 0)
            govorun_store_set_sqlite_error (error, db);
          return id;
        }
      if ((rc & 0xff) != SQLITE_CONSTRAINT || attempt > 0)
        break;
      if (!join_rows (st, record, search, error))
        {
          if (error != NULL && *error != NULL)
            return 0;
          break;
        }
    }

  govorun_store_set_sqlite_error (error, db);
  return 0;
}

static gboolean
write_transcript (Statements  *st,
                  gint64       id,
                  GPtrArray   *turns,
                  GError     **error)
{
  sqlite3 *db = st->db;
  sqlite3_stmt *insert, *delete;

  if ((insert = statement (st, STMT_INSERT_TURN, error)) == NULL ||
      (delete = statement (st, STMT_DELETE_TURNS, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (delete, 1, id);
  if (!govorun_store_step_reset (delete, db, error))
    return FALSE;

  for (guint i = 0; i < turns->len; i++)
    {
      const GovorunCallTurn *turn = g_ptr_array_index (turns, i);

      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int64 (insert, 2, i);
      sqlite3_bind_int (insert, 3, turn->role);
      sqlite3_bind_text (insert, 4, turn->text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 5, turn->offset_ms);
      if (!govorun_store_step_reset (insert, db, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes @records; @out_changed counts the ones that inserted or changed
 * a row. A transcript or analysis is only sent when its conversation is
 * new or changed, so it counts as a change. */
/* A new row of a bulk's page into the Overview's sums, with the values
 * bind_record() stored. */
static void
add_to_sums (GovorunCallHourlySums *sums,
             GovorunCallRecord     *record)
{
  const char *agent = govorun_call_record_get_agent_uuid (record);
  const char *vox_currency = govorun_call_record_get_vox_currency (record);
  const char *el_currency = govorun_call_record_get_el_currency (record);

  _govorun_call_hourly_sums_add (sums, govorun_call_record_get_started_at (record),
                                 agent != NULL ? agent : "",
                                 govorun_call_record_get_direction (record),
                                 govorun_call_record_get_status (record),
                                 govorun_call_record_get_success (record),
                                 vox_currency, el_currency,
                                 govorun_call_record_get_duration (record),
                                 vox_currency != NULL ? govorun_call_record_get_vox_cost (record) : 0,
                                 el_currency != NULL ? govorun_call_record_get_el_cost (record) : 0);
}

/* @sums (nullable) gets the rows the page added. */
static gboolean
upsert_all (Statements               *st,
            GovorunCallInfoWriter    *details,
            GPtrArray                *records,
            gboolean                  with_search,
            gint64                    new_after,
            GovorunCallHourlySums    *sums,
            guint                    *out_changed,
            guint                    *out_rewritten,
            GError                  **error)
{
  g_autoptr(GArray) search = g_array_sized_new (FALSE, FALSE, sizeof (SearchChange), records->len);

  g_array_set_clear_func (search, (GDestroyNotify) search_change_clear);
  for (guint i = 0; i < records->len; i++)
    {
      GovorunCallRecord *record = g_ptr_array_index (records, i);
      GPtrArray *turns = govorun_call_record_get_transcript (record);
      g_autofree char *numbers = NULL;
      gboolean row_changed = FALSE;
      gboolean info_changed = FALSE;
      gint64 id;

      id = upsert_row (st, record, search, with_search ? &numbers : NULL, &row_changed, error);
      if (id == 0)
        return FALSE;
      if (turns != NULL && !write_transcript (st, id, turns, error))
        return FALSE;
      if (!_govorun_call_info_write (details, record, &info_changed, error))
        return FALSE;

      /* The index has only numbers and the transcript; during a bulk it
       * is built at its end. */
      if (with_search && (row_changed || turns != NULL))
        g_array_append_vals (search, &(SearchChange) { id, g_steal_pointer (&numbers) }, 1);
      if (row_changed || turns != NULL || info_changed)
        (*out_changed)++;
      /* A row that was there before the page (not one of its new ones). */
      if (row_changed && id <= new_after)
        (*out_rewritten)++;
      if (sums != NULL && id > new_after)
        add_to_sums (sums, record);

      govorun_call_record_set_id (record, id);
    }
  return write_search_changes (st, search, error);
}

/* The highest row id of the calls (new rows get higher ones). */
static gboolean
query_max_id (sqlite3   *db,
              gint64    *out_id,
              GError   **error)
{
  sqlite3_stmt *stmt = govorun_store_kept_statement (db, "SELECT MAX (id) FROM calls", error);

  if (stmt == NULL)
    return FALSE;
  *out_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
sql_upsert (sqlite3         *db,
            gpointer         data,
            gpointer        *out_result,
            GDestroyNotify  *out_result_destroy,
            GError         **error)
{
  UpsertData *upsert = data;
  Statements st = { db, { NULL, } };
  sqlite3_stmt *upsert_stmt;
  GovorunCallInfoWriter *details = NULL;
  g_autoptr(GovorunCallHourlySums) sums = NULL;
  gint64 max_id = 0;
  guint rewritten = 0;
  guint changed = 0;
  gboolean bulk = FALSE;
  gboolean ok;

  ok = upsert->bulk ? _govorun_call_bulk_begin (db, &bulk, error)
                    : _govorun_call_bulk_before_write (db, error);
  if (ok && upsert->bulk)
    ok = _govorun_call_sync_lookups_match (db, upsert->records, upsert->join_tolerance, error);
  if (ok)
    ok = (details = _govorun_call_info_writer_new (db, error)) != NULL;
  if (ok && bulk)
    sums = _govorun_call_hourly_sums_new ();
  if (ok)
    ok = query_max_id (db, &max_id, error) &&
         upsert_all (&st, details, upsert->records, !bulk, max_id, sums, &changed, &rewritten, error);
  if (ok && bulk)
    ok = _govorun_call_bulk_page_written (db, sums, rewritten, error);
  /* A bulk's pages are checkpointed 16 times less often (each checkpoint
   * syncs the database file); the settling gives SQLite's default back. */
  if (ok && bulk)
    sqlite3_wal_autocheckpoint (db, 16 * 1000);
  if (ok && upsert->state != NULL)
    ok = _govorun_call_sync_state_write (db, upsert->state, error);

  _govorun_call_info_writer_free (details);
  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (st.stmts[i]);
  if ((upsert_stmt = govorun_store_kept_statement (db, upsert_sql, NULL)) != NULL)
    {
      sqlite3_reset (upsert_stmt);
      sqlite3_clear_bindings (upsert_stmt);
    }
  if (ok)
    *out_result = GUINT_TO_POINTER (changed);
  return ok;
}

/**
 * govorun_call_records_upsert_async:
 * @store: a #GovorunStore
 * @records: (transfer none): a GPtrArray of #GovorunCallRecord; do not
 *   change them until the write is done
 * @state: (nullable): the sync state to write with the page
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the transaction is committed or rolled back
 * @user_data: data for @callback
 */
static void
upsert (GovorunStore               *store,
        GPtrArray                  *records,
        const GovorunCallSyncState *state,
        gboolean                    bulk,
        guint                       join_tolerance,
        GCancellable               *cancellable,
        GAsyncReadyCallback         callback,
        gpointer                    user_data)
{
  UpsertData *data;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (records != NULL);

  data = g_new0 (UpsertData, 1);
  data->records = g_ptr_array_ref (records);
  data->state = state != NULL ? govorun_call_sync_state_copy (state) : NULL;
  data->bulk = bulk;
  data->join_tolerance = join_tolerance;
  govorun_store_write_async (store, sql_upsert, data, (GDestroyNotify) upsert_data_free,
                             cancellable, callback, user_data);
}

void
govorun_call_records_upsert_async (GovorunStore               *store,
                                   GPtrArray                  *records,
                                   const GovorunCallSyncState *state,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data)
{
  upsert (store, records, state, FALSE, 0, cancellable, callback, user_data);
}

void
govorun_call_records_upsert_bulk_async (GovorunStore               *store,
                                        GPtrArray                  *records,
                                        const GovorunCallSyncState *state,
                                        guint                       join_tolerance,
                                        GCancellable               *cancellable,
                                        GAsyncReadyCallback         callback,
                                        gpointer                    user_data)
{
  upsert (store, records, state, TRUE, join_tolerance, cancellable, callback, user_data);
}

gboolean
govorun_call_records_upsert_finish (GovorunStore  *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return govorun_call_records_upsert_finish_changed (store, result, NULL, error);
}

gboolean
govorun_call_records_upsert_finish_changed (GovorunStore  *store,
                                            GAsyncResult  *result,
                                            guint         *out_changed,
                                            GError       **error)
{
  GError *local = NULL;
  guint changed = GPOINTER_TO_UINT (govorun_store_write_finish (store, result, &local));

  if (out_changed != NULL)
    *out_changed = local == NULL ? changed : 0;
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

/* --- search index upkeep ---------------------------------------------------- */

static gboolean
sql_optimize_search (sqlite3         *db,
                     gpointer         data,
                     gpointer        *out_result,
                     GDestroyNotify  *out_result_destroy,
                     GError         **error)
{
  if (sqlite3_exec (db, "INSERT INTO calls_fts (calls_fts) VALUES ('optimize')", NULL, NULL,
                    NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

void
govorun_call_records_optimize_search_async (GovorunStore        *store,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_write_async (store, sql_optimize_search, NULL, NULL, cancellable, callback,
                             user_data);
}

gboolean
govorun_call_records_optimize_search_finish (GovorunStore  *store,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}

/* --- summary --------------------------------------------------------------- */

static gboolean
sql_summarize (sqlite3         *db,
               gpointer         data,
               gpointer        *out_result,
               GDestroyNotify  *out_result_destroy,
               GError         **error)
{
  g_autoptr(GovorunCallSummary) summary = govorun_call_summary_new ();
  g_autoptr(GHashTable) vox = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) el = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt = NULL;
  Query query;
  int rc;

  /* Dates, agent, status, evaluation: the Overview's hourly sums, a few
   * thousand rows for a million calls. Reading the whole history took
   * seconds on a worker, and at start-up the first frame waited behind
   * it for a CPU. */
  if (govorun_call_stats_records_cover_summary (data))
    {
      stmt = govorun_call_stats_records_prepare_summary (db, data, error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      query_init (&query);
      query_add_filter (&query, data, FALSE, GOVORUN_CALL_SORT_STARTED_AT,
                        &(SearchHits) { .unindexed = search_unindexed (db) });
      /* One pass over the matching rows: a group per pair of currencies. */
      sql = g_string_new ("SELECT vox_currency, el_currency, COUNT(*), TOTAL(duration),"
                          " TOTAL(vox_cost), TOTAL(el_cost) FROM calls");
      g_string_append (sql, query.sql->str);
      g_string_append (sql, " GROUP BY 1, 2");
      rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        query_bind (&query, stmt);
      query_clear (&query);
      if (rc != SQLITE_OK)
        return govorun_store_set_sqlite_error (error, db);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *currencies[2] = { govorun_store_column_text (stmt, 0),
                                    govorun_store_column_text (stmt, 1) };
      GHashTable *sums[2] = { vox, el };

      summary->count += sqlite3_column_int64 (stmt, 2);
      summary->total_seconds += (guint64) sqlite3_column_double (stmt, 3);
      for (guint side = 0; side < 2; side++)
        {
          double *sum;

          if (currencies[side] == NULL)
            continue;
          sum = g_hash_table_lookup (sums[side], currencies[side]);
          if (sum == NULL)
            {
              sum = g_new0 (double, 1);
              g_hash_table_insert (sums[side], g_strdup (currencies[side]), sum);
            }
          *sum += sqlite3_column_double (stmt, 4 + side);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  for (guint side = 0; side < 2; side++)
    {
      GHashTable *sums = side == 0 ? vox : el;
      g_autoptr(GList) currencies = g_hash_table_get_keys (sums);

      currencies = g_list_sort (currencies, (GCompareFunc) g_strcmp0);
      for (GList *l = currencies; l != NULL; l = l->next)
        govorun_call_summary_add_cost (summary, side == 0 ? "voximplant" : "elevenlabs",
                                       l->data, *(double *) g_hash_table_lookup (sums, l->data));
    }

  *out_result = g_steal_pointer (&summary);
  *out_result_destroy = (GDestroyNotify) govorun_call_summary_free;
  return TRUE;
}

void
govorun_call_records_summarize_async (GovorunStore            *store,
                                      const GovorunCallFilter *filter,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (filter != NULL);

  govorun_store_read_async (store, sql_summarize, govorun_call_filter_copy (filter),
                            (GDestroyNotify) govorun_call_filter_free,
                            cancellable, callback, user_data);
}

GovorunCallSummary *
govorun_call_records_summarize_finish (GovorunStore  *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

/* --- pages ----------------------------------------------------------------- */

typedef struct
{
  GovorunCallFilter  *filter;
  GovorunCallSortKey  sort;
  gboolean            descending;
  GovorunCallRecord  *after;
  guint               skip;
  guint               limit;
  gboolean            with_count;
  guint               count_cap;   /* 0: count them all */
} PageRequest;

typedef struct
{
  GPtrArray *records;
  gint64     count;
  gboolean   at_least;
} PageResult;

static void
page_request_free (PageRequest *request)
{
  govorun_call_filter_free (request->filter);
  g_clear_object (&request->after);
  g_free (request);
}

static void
page_result_free (PageResult *result)
{
  g_clear_pointer (&result->records, g_ptr_array_unref);
  g_free (result);
}

/* The value @record has in the sort column, as the store holds it. */
static GVariant *
sort_value (GovorunCallRecord  *record,
            GovorunCallSortKey  sort)
{
  const char *agent;
  double cost = 0;

  switch (sort)
    {
    case GOVORUN_CALL_SORT_DURATION:
      return g_variant_new_int64 (govorun_call_record_get_duration (record));
    case GOVORUN_CALL_SORT_COST:
      /* The same sum of the same doubles as cost_total. */
      if (govorun_call_record_get_vox_currency (record) != NULL)
        cost += govorun_call_record_get_vox_cost (record);
      if (govorun_call_record_get_el_currency (record) != NULL)
        cost += govorun_call_record_get_el_cost (record);
      return g_variant_new_double (cost);
    case GOVORUN_CALL_SORT_STATUS:
      return g_variant_new_int64 (govorun_call_record_get_status (record));
    case GOVORUN_CALL_SORT_DIRECTION:
      return g_variant_new_int64 (govorun_call_record_get_direction (record));
    case GOVORUN_CALL_SORT_SUCCESS:
      return g_variant_new_int64 (govorun_call_record_get_success (record));
    case GOVORUN_CALL_SORT_AGENT:
      agent = govorun_call_record_get_agent_uuid (record);
      return g_variant_new_string (agent != NULL ? agent : "");
    case GOVORUN_CALL_SORT_STARTED_AT:
    default:
      return g_variant_new_int64 (govorun_call_record_get_started_at (record));
    }
}

/* How many calls match @filter, counting no further than @cap (0: all);
 * *out_at_least is TRUE when the count stopped there. */
static gboolean
count_matching (sqlite3                  *db,
                const GovorunCallFilter  *filter,
                guint                     cap,
                const SearchHits         *hits,
                gint64                   *out_count,
                gboolean                 *out_at_least,
                GError                  **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  Query query;
  int rc;

  *out_at_least = FALSE;
  /* A search alone was counted by search_hits(): below its bound,
   * exactly; from it, at least the cap (counting on would list every
   * match). */
  if (hits->searched && !filter_has_fields (filter) &&
      (!hits->common || (cap != 0 && cap <= SEARCH_COMMON_MATCHES)))
    {
      gint64 matches = hits->common ? SEARCH_COMMON_MATCHES : (gint64) hits->ids->len;

      *out_count = cap != 0 ? MIN (matches, (gint64) cap) : matches;
      *out_at_least = cap != 0 && matches >= cap;
      return TRUE;
    }

  query_init (&query);
  /* A common search's count lists its matches (the probe would read the
   * history row by row). */
  query_add_filter (&query, filter, FALSE, GOVORUN_CALL_SORT_STARTED_AT,
                    hits->common ? &(SearchHits) { .analysis_common = hits->analysis_common,
                                                   .unindexed = hits->unindexed } : hits);
  if (cap != 0)
    sql = g_strdup_printf ("SELECT COUNT(*) FROM (SELECT 1 FROM calls%s LIMIT %u)",
                           query.sql->str, cap + 1);
  else
    sql = g_strconcat ("SELECT COUNT(*) FROM calls", query.sql->str, NULL);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      query_bind (&query, stmt);
      rc = sqlite3_step (stmt);
      *out_count = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  query_clear (&query);
  if (rc != SQLITE_ROW)
    return govorun_store_set_sqlite_error (error, db);
  if (cap != 0 && *out_count > cap)
    {
      *out_count = cap;
      *out_at_least = TRUE;
    }
  return TRUE;
}

/* The statement of a page of @request (a search probed or not, see
 * query_add_filter()), bound; @explain prefixes EXPLAIN QUERY PLAN. */
static sqlite3_stmt *
prepare_page (sqlite3            *db,
              const PageRequest  *request,
              const SearchHits   *hits,
              gboolean            explain,
              GError            **error)
{
  const char *column = sort_columns[request->sort];
  const char *dir = request->descending ? " DESC" : "";
  g_autoptr(GString) sql = g_string_new (explain ? "EXPLAIN QUERY PLAN " : "");
  gboolean by_date = request->sort == GOVORUN_CALL_SORT_STARTED_AT;
  sqlite3_stmt *stmt = NULL;
  Query query;
  int rc;

  g_string_append (sql, "SELECT " ROW_COLUMNS " FROM calls");
  query_init (&query);
  query_add_filter (&query, request->filter, !by_date, request->sort, hits);
  if (request->after != NULL)
    {
      /* Keyset: the rows after the anchor in (key, started_at, id) order,
       * a range scan of the key's index. */
      const char *op = request->descending ? "<" : ">";
      g_autofree char *clause = NULL;

      if (by_date)
        clause = g_strdup_printf ("(started_at, id) %s (?, ?)", op);
      else
        clause = g_strdup_printf ("(%s, started_at, id) %s (?, ?, ?)", column, op);
      query_and (&query, clause, by_date ? NULL : sort_value (request->after, request->sort));
      query_add_param (&query,
                       g_variant_new_int64 (govorun_call_record_get_started_at (request->after)));
      query_add_param (&query, g_variant_new_int64 (govorun_call_record_get_id (request->after)));
    }
  g_string_append (sql, query.sql->str);
  if (by_date)
    g_string_append_printf (sql, " ORDER BY started_at%s, id%s", dir, dir);
  else
    g_string_append_printf (sql, " ORDER BY %s%s, started_at%s, id%s", column, dir, dir, dir);
  g_string_append_printf (sql, " LIMIT %u OFFSET %u", request->limit, request->skip);

  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    query_bind (&query, stmt);
  query_clear (&query);
  if (rc != SQLITE_OK)
    {
      govorun_store_set_sqlite_error (error, db);
      return NULL;
    }
  return stmt;
}

static gboolean
sql_fetch_page (sqlite3         *db,
                gpointer         data,
                gpointer        *out_result,
                GDestroyNotify  *out_result_destroy,
                GError         **error)
{
  PageRequest *request = data;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  PageResult *result;
  gint64 count = -1;
  gboolean at_least = FALSE;
  SearchHits hits;
  int rc;

  if (!search_hits (db, request->filter, &hits, error))
    return FALSE;
  if (request->with_count &&
      !count_matching (db, request->filter, request->count_cap, &hits, &count, &at_least, error))
    {
      search_hits_clear (&hits);
      return FALSE;
    }

  stmt = prepare_page (db, request, &hits, FALSE, error);
  search_hits_clear (&hits);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  result = g_new0 (PageResult, 1);
  result->records = g_steal_pointer (&records);
  result->count = count;
  result->at_least = at_least;
  *out_result = result;
  *out_result_destroy = (GDestroyNotify) page_result_free;
  return TRUE;
}

static void
fetch_page_async (GovorunStore            *store,
                  const GovorunCallFilter *filter,
                  GovorunCallSortKey       sort,
                  gboolean                 descending,
                  GovorunCallRecord       *after,
                  guint                    skip,
                  guint                    limit,
                  gboolean                 with_count,
                  guint                    count_cap,
                  GCancellable            *cancellable,
                  GAsyncReadyCallback      callback,
                  gpointer                 user_data)
{
  PageRequest *request;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (filter != NULL);
  g_return_if_fail ((guint) sort < G_N_ELEMENTS (sort_columns));
  g_return_if_fail (after == NULL || GOVORUN_IS_CALL_RECORD (after));

  request = g_new0 (PageRequest, 1);
  request->filter = govorun_call_filter_copy (filter);
  request->sort = sort;
  request->descending = descending;
  request->after = after != NULL ? g_object_ref (after) : NULL;
  request->skip = skip;
  request->limit = limit;
  request->with_count = with_count;
  request->count_cap = count_cap;
  govorun_store_read_async (store, sql_fetch_page, request, (GDestroyNotify) page_request_free,
                            cancellable, callback, user_data);
}

void
govorun_call_records_fetch_page_async (GovorunStore            *store,
                                       const GovorunCallFilter *filter,
                                       GovorunCallSortKey       sort,
                                       gboolean                 descending,
                                       GovorunCallRecord       *after,
                                       guint                    skip,
                                       guint                    limit,
                                       gboolean                 with_count,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  fetch_page_async (store, filter, sort, descending, after, skip, limit, with_count, 0,
                    cancellable, callback, user_data);
}

static GPtrArray *
fetch_page_finish (GovorunStore  *store,
                   GAsyncResult  *result,
                   gint64        *out_count,
                   gboolean      *out_at_least,
                   GError       **error)
{
  PageResult *page = govorun_store_read_finish (store, result, error);
  GPtrArray *records;

  if (out_count != NULL)
    *out_count = page != NULL ? page->count : -1;
  if (out_at_least != NULL)
    *out_at_least = page != NULL && page->at_least;
  if (page == NULL)
    return NULL;
  records = g_steal_pointer (&page->records);
  page_result_free (page);
  return records;
}

GPtrArray *
govorun_call_records_fetch_page_finish (GovorunStore  *store,
                                        GAsyncResult  *result,
                                        gint64        *out_count,
                                        GError       **error)
{
  return fetch_page_finish (store, result, out_count, NULL, error);
}

void
govorun_call_records_fetch_first_page_async (GovorunStore            *store,
                                             const GovorunCallFilter *filter,
                                             GovorunCallSortKey       sort,
                                             gboolean                 descending,
                                             guint                    limit,
                                             guint                    count_cap,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data)
{
  g_return_if_fail (count_cap > 0);

  fetch_page_async (store, filter, sort, descending, NULL, 0, limit, TRUE, count_cap,
                    cancellable, callback, user_data);
}

GPtrArray *
govorun_call_records_fetch_first_page_finish (GovorunStore  *store,
                                              GAsyncResult  *result,
                                              gint64        *out_count,
                                              gboolean      *out_at_least,
                                              GError       **error)
{
  return fetch_page_finish (store, result, out_count, out_at_least, error);
}

char *
govorun_call_records_explain_page (sqlite3                  *db,
                                   const GovorunCallFilter  *filter,
                                   GovorunCallSortKey        sort,
                                   gboolean                  descending,
                                   GovorunCallRecord        *after,
                                   GError                  **error)
{
  PageRequest request = { (GovorunCallFilter *) filter, sort, descending, after, 0, 100, FALSE, 0 };
  g_autoptr(GString) plan = g_string_new (NULL);
  SearchHits hits;
  sqlite3_stmt *stmt;
  int rc;

  if (!search_hits (db, filter, &hits, error))
    return NULL;
  stmt = prepare_page (db, &request, &hits, TRUE, error);
  search_hits_clear (&hits);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

gboolean
_govorun_call_records_read_page (sqlite3                  *db,
                                 const GovorunCallFilter  *filter,
                                 GovorunCallSortKey        sort,
                                 gboolean                  descending,
                                 GovorunCallRecord        *after,
                                 guint                     limit,
                                 gboolean                  with_count,
                                 GPtrArray               **out_records,
                                 gint64                   *out_count,
                                 GError                  **error)
{
  PageRequest request = { (GovorunCallFilter *) filter, sort, descending, after, 0, limit,
                          with_count };
  PageResult *page = NULL;
  GDestroyNotify destroy = NULL;

  if (!sql_fetch_page (db, &request, (gpointer *) &page, &destroy, error))
    return FALSE;
  *out_records = g_steal_pointer (&page->records);
  if (out_count != NULL)
    *out_count = page->count;
  page_result_free (page);
  return TRUE;
}

/* --- one call, for the details --------------------------------------------- */

static gboolean
sql_fetch (sqlite3         *db,
           gpointer         data,
           gpointer        *out_result,
           GDestroyNotify  *out_result_destroy,
           GError         **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(GovorunCallRecord) record = NULL;
  g_autoptr(GPtrArray) turns = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT " ROW_COLUMNS ", summary FROM calls WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record = read_row (stmt);
      govorun_call_record_set_summary (record, govorun_store_column_text (stmt, N_ROW_COLUMNS));
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, GOVORUN_CALL_RECORDS_ERROR, GOVORUN_CALL_RECORDS_ERROR_NOT_FOUND,
                   _("This call is no longer in Govorun’s history. Sync the calls again."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return govorun_store_set_sqlite_error (error, db);

  if (sqlite3_prepare_v2 (db, "SELECT role, text, offset_ms FROM call_turns WHERE call_id = ?1"
                          " ORDER BY seq", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, id);
  turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (turns, govorun_call_turn_new (sqlite3_column_int (stmt, 0),
                                                   govorun_store_column_text (stmt, 1),
                                                   sqlite3_column_int64 (stmt, 2)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  govorun_call_record_set_transcript (record, turns);
  if (!_govorun_call_info_read (db, id, record, error))
    return FALSE;
  *out_result = g_steal_pointer (&record);
  *out_result_destroy = g_object_unref;
  return TRUE;
}

void
govorun_call_records_fetch_async (GovorunStore        *store,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_fetch, g_memdup2 (&id, sizeof id), g_free,
                            cancellable, callback, user_data);
}

GovorunCallRecord *
govorun_call_records_fetch_finish (GovorunStore  *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}
