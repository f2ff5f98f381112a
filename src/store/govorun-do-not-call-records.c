/* govorun-do-not-call-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunDoNotCallRecords"

#include "config.h"

#include "govorun-do-not-call-records.h"
#include "govorun-store-private.h"

/* A count through the store's result pointer. */
static void
set_count (gpointer       *out_result,
           GDestroyNotify *out_result_destroy,
           guint           count)
{
  guint *result = g_new (guint, 1);

  *result = count;
  *out_result = result;
  *out_result_destroy = g_free;
}

static gboolean
count_finish (gpointer  result,
              guint    *out_count)
{
  g_autofree guint *count = result;

  if (count == NULL)
    return FALSE;
  if (out_count != NULL)
    *out_count = *count;
  return TRUE;
}

static gboolean
sql_add (sqlite3         *db,
         gpointer         data,
         gpointer        *out_result,
         GDestroyNotify  *out_result_destroy,
         GError         **error)
{
  GPtrArray *entries = data;
  sqlite3_stmt *stmt = NULL;
  guint added = 0;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO do_not_call (number, note, added_at) VALUES (?1, ?2, ?3)"
                          " ON CONFLICT (number) DO NOTHING",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  for (guint i = 0; i < entries->len; i++)
    {
      GovorunDoNotCallEntry *entry = g_ptr_array_index (entries, i);

      sqlite3_reset (stmt);
      govorun_store_bind_text (stmt, 1, govorun_do_not_call_entry_get_number (entry));
      govorun_store_bind_text (stmt, 2, govorun_do_not_call_entry_get_note (entry));
      sqlite3_bind_int64 (stmt, 3, govorun_do_not_call_entry_get_added_at (entry));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return govorun_store_set_sqlite_error (error, db);
        }
      added += sqlite3_changes (db);
    }
  sqlite3_finalize (stmt);
  set_count (out_result, out_result_destroy, added);
  return TRUE;
}

void
govorun_do_not_call_records_add_async (GovorunStore        *store,
                                       GPtrArray           *entries,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (entries != NULL);

  govorun_store_write_async (store, sql_add, g_ptr_array_ref (entries),
                             (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

gboolean
govorun_do_not_call_records_add_finish (GovorunStore  *store,
                                        GAsyncResult  *result,
                                        guint         *out_added,
                                        GError       **error)
{
  return count_finish (govorun_store_write_finish (store, result, error), out_added);
}

static gboolean
sql_remove (sqlite3         *db,
            gpointer         data,
            gpointer        *out_result,
            GDestroyNotify  *out_result_destroy,
            GError         **error)
{
  char **numbers = data;
  sqlite3_stmt *stmt = NULL;
  guint removed = 0;

  if (sqlite3_prepare_v2 (db, "DELETE FROM do_not_call WHERE number = ?1", -1, &stmt, NULL)
      != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      govorun_store_bind_text (stmt, 1, numbers[i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          return govorun_store_set_sqlite_error (error, db);
        }
      removed += sqlite3_changes (db);
    }
  sqlite3_finalize (stmt);
  set_count (out_result, out_result_destroy, removed);
  return TRUE;
}

void
govorun_do_not_call_records_remove_async (GovorunStore        *store,
                                          const char * const  *numbers,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (numbers != NULL);

  govorun_store_write_async (store, sql_remove, g_strdupv ((char **) numbers),
                             (GDestroyNotify) g_strfreev, cancellable, callback, user_data);
}

gboolean
govorun_do_not_call_records_remove_finish (GovorunStore  *store,
                                           GAsyncResult  *result,
                                           guint         *out_removed,
                                           GError       **error)
{
  return count_finish (govorun_store_write_finish (store, result, error), out_removed);
}

static gboolean
sql_load (sqlite3         *db,
          gpointer         data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT number, note, added_at FROM do_not_call"
                          " ORDER BY added_at DESC, number",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries,
                     govorun_do_not_call_entry_new (govorun_store_column_text (stmt, 0),
                                                    govorun_store_column_text (stmt, 1),
                                                    sqlite3_column_int64 (stmt, 2)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  *out_result = g_steal_pointer (&entries);
  *out_result_destroy = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

void
govorun_do_not_call_records_load_async (GovorunStore        *store,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_STORE (store));

  govorun_store_read_async (store, sql_load, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
govorun_do_not_call_records_load_finish (GovorunStore  *store,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return govorun_store_read_finish (store, result, error);
}
