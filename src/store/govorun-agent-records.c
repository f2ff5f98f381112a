/* govorun-agent-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentRecords"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "govorun-agent-records.h"
#include "govorun-store-private.h"
#include "govorun-util.h"

G_DEFINE_QUARK (govorun-agent-records-error-quark, govorun_agent_records_error)

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* --- SQL, run on the store's threads -------------------------------------- */

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

static gboolean
sql_load (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  g_autoptr(GPtrArray) agents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT a.id, a.uuid, a.name, a.slug, el.uuid, a.el_agent_id, a.el_agent_name,"
                          " vox.uuid, a.inbound, a.outbound, a.engine, a.webhook_url, a.tenant_slug,"
                          " a.record, a.state, a.last_step, a.last_error, a.application_id,"
                          " a.application_name, a.created_at, a.updated_at, a.key_in_scenario,"
                          " a.bot_language, a.bot_voice, a.seen_revision, a.seen_computer"
                          " FROM agents a"
                          " LEFT JOIN accounts el ON el.id = a.el_account_id"
                          " LEFT JOIN accounts vox ON vox.id = a.vox_account_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GovorunAgent *agent = govorun_agent_new ();
      GovorunAgentEngine engine = GOVORUN_AGENT_ENGINE_ELEVENLABS;
      GovorunAgentState state = GOVORUN_AGENT_STATE_DRAFT;
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      govorun_agent_set_uuid (agent, column_text (stmt, 1));
      govorun_agent_set_name (agent, column_text (stmt, 2));
      govorun_agent_set_slug (agent, column_text (stmt, 3));
      govorun_agent_set_el_account_uuid (agent, column_text (stmt, 4));
      govorun_agent_set_el_agent_id (agent, column_text (stmt, 5));
      govorun_agent_set_el_agent_name (agent, column_text (stmt, 6));
      govorun_agent_set_vox_account_uuid (agent, column_text (stmt, 7));
      govorun_agent_set_inbound (agent, sqlite3_column_int (stmt, 8) != 0);
      govorun_agent_set_outbound (agent, sqlite3_column_int (stmt, 9) != 0);
      /* The CHECK constraints keep these valid; the defaults stand otherwise. */
      govorun_agent_engine_from_string (column_text (stmt, 10), &engine);
      govorun_agent_set_engine (agent, engine);
      govorun_agent_set_webhook_url (agent, column_text (stmt, 11));
      govorun_agent_set_tenant_slug (agent, column_text (stmt, 12));
      govorun_agent_set_record (agent, sqlite3_column_int (stmt, 13) != 0);
      govorun_agent_state_from_string (column_text (stmt, 14), &state);
      govorun_agent_set_state (agent, state);
      govorun_agent_set_last_step (agent, column_text (stmt, 15));
      govorun_agent_set_last_error (agent, column_text (stmt, 16));
      govorun_agent_set_application_id (agent, sqlite3_column_int64 (stmt, 17));
      govorun_agent_set_application_name (agent, column_text (stmt, 18));
      govorun_agent_set_created_at (agent, sqlite3_column_int64 (stmt, 19));
      govorun_agent_set_updated_at (agent, sqlite3_column_int64 (stmt, 20));
      govorun_agent_set_key_in_scenario (agent, sqlite3_column_int (stmt, 21) != 0);
      govorun_agent_set_bot_language (agent, column_text (stmt, 22));
      govorun_agent_set_bot_voice (agent, column_text (stmt, 23));
      govorun_agent_set_seen_manifest (agent, sqlite3_column_int64 (stmt, 24), column_text (stmt, 25));

      g_ptr_array_add (agents, agent);
      /* The ids live as long as the hash table: keep them in the agent. */
      g_object_set_data_full (G_OBJECT (agent), "govorun-agent-row-id", id, g_free);
      g_hash_table_insert (by_id, id, agent);
    }
  if (rc != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "SELECT agent_id, phone_id, number FROM agent_numbers ORDER BY rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 agent_id = sqlite3_column_int64 (stmt, 0);
      GovorunAgent *agent = g_hash_table_lookup (by_id, &agent_id);
      GPtrArray *list;

      if (agent == NULL)
        continue;
      list = g_hash_table_lookup (numbers, agent);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
          g_hash_table_insert (numbers, agent, list);
        }
      g_ptr_array_add (list, govorun_agent_number_new (sqlite3_column_int64 (stmt, 1),
                                                       column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < agents->len; i++)
    {
      GovorunAgent *agent = g_ptr_array_index (agents, i);

      govorun_agent_set_numbers (agent, g_hash_table_lookup (numbers, agent));
    }

  g_hash_table_remove_all (by_id);
  for (guint i = 0; i < agents->len; i++)
    g_object_set_data (g_ptr_array_index (agents, i), "govorun-agent-row-id", NULL);

  *out_result = g_steal_pointer (&agents);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

static gboolean
slug_taken (sqlite3     *db,
            const char  *slug,
            gboolean    *out_taken,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM agents WHERE slug = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, slug);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  *out_taken = rc == SQLITE_ROW;
  return TRUE;
}

/* The slugify()d name, or it with "-2", "-3", … (cut to fit the length
 * limit) when another agent has it already. Inside the save transaction,
 * so two saves never pick the same one. */
static char *
unique_slug (sqlite3     *db,
             const char  *name,
             GError     **error)
{
  g_autofree char *base = govorun_agent_slugify (name);

  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = govorun_agent_slug_candidate (base, n);
      gboolean taken = FALSE;

      if (!slug_taken (db, candidate, &taken, error))
        return NULL;
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

/* The accounts row id for @uuid; 0 (and no error) for a NULL uuid. */
static gboolean
account_row_id (sqlite3     *db,
                const char  *uuid,
                gint64      *out_id,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_id = 0;
  if (uuid == NULL || *uuid == '\0')
    return TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM accounts WHERE uuid = ?1 AND state = 'ready'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, GOVORUN_AGENT_RECORDS_ERROR, GOVORUN_AGENT_RECORDS_ERROR_INVALID,
                           _("An account this agent uses is no longer saved in Govorun. Choose another account for the agent and save it again."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* @data: a detached copy of the agent; it becomes the result, with the
 * uuid, slug and timestamps as saved. */
static gboolean
sql_save (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  GovorunAgent *agent = data;
  GPtrArray *numbers = govorun_agent_get_numbers (agent);
  gboolean is_new = govorun_agent_get_uuid (agent) == NULL;
  gint64 el_id, vox_id, now = now_seconds (), agent_id;
  sqlite3_stmt *stmt = NULL;

  if (!account_row_id (db, govorun_agent_get_el_account_uuid (agent), &el_id, error) ||
      !account_row_id (db, govorun_agent_get_vox_account_uuid (agent), &vox_id, error))
    return FALSE;

  if (is_new)
    {
      g_autofree char *uuid = govorun_uuid_new ();
      g_autofree char *slug = NULL;

      /* An adopted agent keeps the slug its objects are named after. */
      if (govorun_agent_get_slug (agent) != NULL)
        {
          gboolean taken = FALSE;

          if (!slug_taken (db, govorun_agent_get_slug (agent), &taken, error))
            return FALSE;
          if (taken)
            {
              g_set_error_literal (error, GOVORUN_AGENT_RECORDS_ERROR, GOVORUN_AGENT_RECORDS_ERROR_INVALID,
                                   _("An agent using the same Voximplant application is already saved in Govorun. Open that agent instead."));
              return FALSE;
            }
          slug = g_strdup (govorun_agent_get_slug (agent));
        }
      else
        slug = unique_slug (db, govorun_agent_get_name (agent), error);
      if (slug == NULL)
        return FALSE;
      govorun_agent_set_uuid (agent, uuid);
      govorun_agent_set_slug (agent, slug);
      govorun_agent_set_created_at (agent, now);
      if (sqlite3_prepare_v2 (db,
                              "INSERT INTO agents (uuid, slug, created_at, name, el_account_id,"
                              " vox_account_id, el_agent_id, el_agent_name, inbound, outbound, engine,"
                              " webhook_url, tenant_slug, record, state, last_step, last_error,"
                              " application_id, application_name, updated_at, key_in_scenario,"
                              " bot_language, bot_voice, seen_revision, seen_computer)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                              " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
                              -1, &stmt, NULL) != SQLITE_OK)
        return govorun_store_set_sqlite_error (error, db);
    }
  else if (sqlite3_prepare_v2 (db,
                               "UPDATE agents SET name = ?4, el_account_id = ?5, vox_account_id = ?6,"
                               " el_agent_id = ?7, el_agent_name = ?8, inbound = ?9, outbound = ?10,"
                               " engine = ?11, webhook_url = ?12, tenant_slug = ?13, record = ?14,"
                               " state = ?15, last_step = ?16, last_error = ?17, application_id = ?18,"
                               " application_name = ?19, updated_at = ?20, key_in_scenario = ?21,"
                               " bot_language = ?22, bot_voice = ?23, seen_revision = ?24,"
                               " seen_computer = ?25"
                               " WHERE uuid = ?1 AND ?2 IS NOT NULL AND ?3 IS NOT NULL",
                               -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  govorun_agent_set_updated_at (agent, now);
  govorun_store_bind_text (stmt, 1, govorun_agent_get_uuid (agent));
  govorun_store_bind_text (stmt, 2, govorun_agent_get_slug (agent) != NULL
                                    ? govorun_agent_get_slug (agent) : "");
  sqlite3_bind_int64 (stmt, 3, govorun_agent_get_created_at (agent));
  govorun_store_bind_text (stmt, 4, govorun_agent_get_name (agent));
  bind_id_or_null (stmt, 5, el_id);
  bind_id_or_null (stmt, 6, vox_id);
  govorun_store_bind_text (stmt, 7, govorun_agent_get_el_agent_id (agent));
  govorun_store_bind_text (stmt, 8, govorun_agent_get_el_agent_name (agent));
  sqlite3_bind_int (stmt, 9, govorun_agent_get_inbound (agent));
  sqlite3_bind_int (stmt, 10, govorun_agent_get_outbound (agent));
  govorun_store_bind_text (stmt, 11, govorun_agent_engine_to_string (govorun_agent_get_engine (agent)));
  govorun_store_bind_text (stmt, 12, govorun_agent_get_webhook_url (agent));
  govorun_store_bind_text (stmt, 13, govorun_agent_get_tenant_slug (agent));
  sqlite3_bind_int (stmt, 14, govorun_agent_get_record (agent));
  govorun_store_bind_text (stmt, 15, govorun_agent_state_to_string (govorun_agent_get_state (agent)));
  govorun_store_bind_text (stmt, 16, govorun_agent_get_last_step (agent));
  govorun_store_bind_text (stmt, 17, govorun_agent_get_last_error (agent));
  sqlite3_bind_int64 (stmt, 18, govorun_agent_get_application_id (agent));
  govorun_store_bind_text (stmt, 19, govorun_agent_get_application_name (agent));
  sqlite3_bind_int64 (stmt, 20, now);
  sqlite3_bind_int (stmt, 21, govorun_agent_get_key_in_scenario (agent));
  govorun_store_bind_text (stmt, 22, govorun_agent_get_bot_language (agent));
  govorun_store_bind_text (stmt, 23, govorun_agent_get_bot_voice (agent));
  sqlite3_bind_int64 (stmt, 24, govorun_agent_get_seen_revision (agent));
  govorun_store_bind_text (stmt, 25, govorun_agent_get_seen_computer (agent));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (!is_new && sqlite3_changes (db) != 1)
    {
      g_set_error_literal (error, GOVORUN_AGENT_RECORDS_ERROR, GOVORUN_AGENT_RECORDS_ERROR_NOT_FOUND,
                           _("This agent is no longer saved in Govorun. Reopen the agents list and try again."));
      return FALSE;
    }

  /* The created_at and slug of an existing agent are the saved ones. */
  if (sqlite3_prepare_v2 (db, "SELECT id, slug, created_at FROM agents WHERE uuid = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  govorun_store_bind_text (stmt, 1, govorun_agent_get_uuid (agent));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  agent_id = sqlite3_column_int64 (stmt, 0);
  govorun_agent_set_slug (agent, column_text (stmt, 1));
  govorun_agent_set_created_at (agent, sqlite3_column_int64 (stmt, 2));
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "DELETE FROM agent_numbers WHERE agent_id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, agent_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      govorun_store_set_sqlite_error (error, db);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO agent_numbers (agent_id, phone_id, number)"
                              " VALUES (?1, ?2, ?3)", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  for (guint i = 0; i < numbers->len; i++)
    {
      GovorunAgentNumber *number = g_ptr_array_index (numbers, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, agent_id);
      sqlite3_bind_int64 (stmt, 2, number->phone_id);
      govorun_store_bind_text (stmt, 3, number->number != NULL ? number->number : "");
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          govorun_store_set_sqlite_error (error, db);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);

  *out_result = g_object_ref (agent);
  *out_result_destroy = g_object_unref;
  return TRUE;
}

static gboolean
sql_remove (sqlite3         *db,
            gpointer         data,
            gpointer        *out_result,
            GDestroyNotify  *out_result_destroy,
            GError         **error)
{
  const char *statements[] = {
    "DELETE FROM agents WHERE uuid = ?1",
    /* Forget the records: an agent gone owns nothing. */
    "DELETE FROM provider_objects WHERE owner = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, statements[i], -1, &stmt, NULL) != SQLITE_OK)
        return govorun_store_set_sqlite_error (error, db);
      govorun_store_bind_text (stmt, 1, data);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          govorun_store_set_sqlite_error (error, db);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      sqlite3_finalize (stmt);
    }
  return TRUE;
}

/* --- the typed calls ------------------------------------------------------- */

void
govorun_agent_records_read_all_async (GovorunStore        *store,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_load, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
govorun_agent_records_read_all_finish (GovorunStore  *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}

void
govorun_agent_records_save_async (GovorunStore        *store,
                                  GovorunAgent        *agent,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  govorun_store_write_async (store, sql_save, govorun_agent_copy (agent), g_object_unref,
                             cancellable, callback, user_data);
}

GovorunAgent *
govorun_agent_records_save_finish (GovorunStore  *store,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return govorun_store_write_finish (store, result, error);
}

void
govorun_agent_records_remove_async (GovorunStore        *store,
                                    const char          *uuid,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (uuid != NULL);

  govorun_store_write_async (store, sql_remove, g_strdup (uuid), g_free,
                             cancellable, callback, user_data);
}

gboolean
govorun_agent_records_remove_finish (GovorunStore  *store,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return govorun_store_write_finish_boolean (store, result, error);
}
