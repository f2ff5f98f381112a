/* govorun-provider-objects.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProviderObjects"

#include "config.h"

#include "govorun-provider-objects.h"
#include "govorun-store-private.h"

typedef enum
{
  CHANGE_RECORD,
  CHANGE_SET_ID,
  CHANGE_FORGET,
} ChangeKind;

typedef struct
{
  ChangeKind  kind;
  char       *object_type;
  char       *name;
  char       *provider_id;
} Change;

struct _GovorunProviderObjectChanges
{
  GPtrArray *changes;   /* of Change */
};

void
govorun_provider_object_free (GovorunProviderObject *object)
{
  if (object == NULL)
    return;
  g_free (object->object_type);
  g_free (object->name);
  g_free (object->provider_id);
  g_free (object);
}

static void
change_free (Change *change)
{
  g_free (change->object_type);
  g_free (change->name);
  g_free (change->provider_id);
  g_free (change);
}

GovorunProviderObjectChanges *
govorun_provider_object_changes_new (void)
{
  GovorunProviderObjectChanges *changes = g_new0 (GovorunProviderObjectChanges, 1);

  changes->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  return changes;
}

void
govorun_provider_object_changes_free (GovorunProviderObjectChanges *changes)
{
  if (changes == NULL)
    return;
  g_ptr_array_unref (changes->changes);
  g_free (changes);
}

guint
govorun_provider_object_changes_get_len (GovorunProviderObjectChanges *changes)
{
  g_return_val_if_fail (changes != NULL, 0);

  return changes->changes->len;
}

static void
add_change (GovorunProviderObjectChanges *changes,
            ChangeKind                    kind,
            const char                   *object_type,
            const char                   *name,
            const char                   *provider_id)
{
  Change *change = g_new0 (Change, 1);

  g_return_if_fail (changes != NULL);
  g_return_if_fail (object_type != NULL && name != NULL);

  change->kind = kind;
  change->object_type = g_strdup (object_type);
  change->name = g_strdup (name);
  change->provider_id = g_strdup (provider_id);
  g_ptr_array_add (changes->changes, change);
}

void
govorun_provider_object_changes_record (GovorunProviderObjectChanges *changes,
                                        const char                   *object_type,
                                        const char                   *name)
{
  add_change (changes, CHANGE_RECORD, object_type, name, NULL);
}

void
govorun_provider_object_changes_set_id (GovorunProviderObjectChanges *changes,
                                        const char                   *object_type,
                                        const char                   *name,
                                        const char                   *provider_id)
{
  add_change (changes, CHANGE_SET_ID, object_type, name, provider_id);
}

void
govorun_provider_object_changes_forget (GovorunProviderObjectChanges *changes,
                                        const char                   *object_type,
                                        const char                   *name)
{
  add_change (changes, CHANGE_FORGET, object_type, name, NULL);
}

/* --- listing --------------------------------------------------------------- */

typedef struct
{
  char *account_uuid;
  char *owner;
} ListQuery;

typedef struct
{
  gint64     account_row;
  GPtrArray *objects;
} ListResult;

static void
list_query_free (ListQuery *query)
{
  g_free (query->account_uuid);
  g_free (query->owner);
  g_free (query);
}

static void
list_result_free (ListResult *result)
{
  g_ptr_array_unref (result->objects);
  g_free (result);
}

static gboolean
sql_list (sqlite3         *db,
          gpointer         user_data,
          gpointer        *out_result,
          GDestroyNotify  *out_result_destroy,
          GError         **error)
{
  ListQuery *query = user_data;
  ListResult *result = g_new0 (ListResult, 1);
  sqlite3_stmt *stmt = NULL;
  int rc;

  result->objects = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_provider_object_free);
  *out_result = result;
  *out_result_destroy = (GDestroyNotify) list_result_free;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM accounts WHERE uuid = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_text (stmt, 1, query->account_uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result->account_row = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);

  if (sqlite3_prepare_v2 (db, "SELECT object_type, name, provider_id FROM provider_objects"
                              " WHERE account_id = ?1 AND provider = 'voximplant' AND owner = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return govorun_store_set_sqlite_error (error, db);
  sqlite3_bind_int64 (stmt, 1, result->account_row);
  sqlite3_bind_text (stmt, 2, query->owner, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GovorunProviderObject *object = g_new0 (GovorunProviderObject, 1);

      object->object_type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      object->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      object->provider_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (result->objects, object);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return govorun_store_set_sqlite_error (error, db);
  return TRUE;
}

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  ListResult *list;

  list = govorun_store_read_finish (GOVORUN_STORE (object), result, &error);
  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) list_result_free);
}

void
govorun_provider_objects_list_async (GovorunStore        *store,
                                     const char          *account_uuid,
                                     const char          *owner,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  ListQuery *query;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (owner != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_provider_objects_list_async);
  query = g_new0 (ListQuery, 1);
  query->account_uuid = g_strdup (account_uuid);
  query->owner = g_strdup (owner);
  govorun_store_read_async (store, sql_list, query, (GDestroyNotify) list_query_free,
                            cancellable, on_listed, task);
}

GPtrArray *
govorun_provider_objects_list_finish (GovorunStore  *store,
                                      GAsyncResult  *result,
                                      gint64        *out_account_row,
                                      GError       **error)
{
  ListResult *list;
  GPtrArray *objects;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_provider_objects_list_async, NULL);

  list = g_task_propagate_pointer (G_TASK (result), error);
  if (list == NULL)
    return NULL;
  if (out_account_row != NULL)
    *out_account_row = list->account_row;
  objects = g_ptr_array_ref (list->objects);
  list_result_free (list);
  return objects;
}

/* --- writing --------------------------------------------------------------- */

typedef struct
{
  gint64                        account_row;
  char                         *owner;
  GovorunProviderObjectChanges *changes;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->owner);
  govorun_provider_object_changes_free (data->changes);
  g_free (data);
}

static gboolean
sql_write (sqlite3         *db,
           gpointer         user_data,
           gpointer        *out_result,
           GDestroyNotify  *out_result_destroy,
           GError         **error)
{
  WriteData *data = user_data;
  GPtrArray *changes = data->changes->changes;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);
      sqlite3_stmt *stmt = NULL;
      const char *sql;

      switch (change->kind)
        {
        case CHANGE_RECORD:
          sql = "INSERT OR IGNORE INTO provider_objects (account_id, provider, object_type, name,"
                " owner, provider_id, created_at) VALUES (?1, 'voximplant', ?2, ?3, ?4, ?5, ?6)";
          break;
        case CHANGE_SET_ID:
          sql = "UPDATE provider_objects SET provider_id = ?5 WHERE account_id = ?1"
                " AND object_type = ?2 AND name = ?3 AND owner = ?4";
          break;
        case CHANGE_FORGET:
        default:
          sql = "DELETE FROM provider_objects WHERE account_id = ?1 AND object_type = ?2"
                " AND name = ?3 AND owner = ?4";
          break;
        }
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        return govorun_store_set_sqlite_error (error, db);
      /* Parameters a statement lacks are ignored (SQLITE_RANGE). */
      sqlite3_bind_int64 (stmt, 1, data->account_row);
      sqlite3_bind_text (stmt, 2, change->object_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, change->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, data->owner, -1, SQLITE_TRANSIENT);
      if (change->provider_id != NULL)
        sqlite3_bind_text (stmt, 5, change->provider_id, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_int64 (stmt, 6, now);
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

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  govorun_store_write_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
govorun_provider_objects_write_async (GovorunStore                 *store,
                                      gint64                        account_row,
                                      const char                   *owner,
                                      GovorunProviderObjectChanges *changes,
                                      GCancellable                 *cancellable,
                                      GAsyncReadyCallback           callback,
                                      gpointer                      user_data)
{
  GTask *task;
  WriteData *data;

  g_return_if_fail (GOVORUN_IS_STORE (store));
  g_return_if_fail (owner != NULL);
  g_return_if_fail (changes != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_provider_objects_write_async);
  data = g_new0 (WriteData, 1);
  data->account_row = account_row;
  data->owner = g_strdup (owner);
  data->changes = changes;
  govorun_store_write_async (store, sql_write, data, (GDestroyNotify) write_data_free,
                             cancellable, on_written, task);
}

gboolean
govorun_provider_objects_write_finish (GovorunStore  *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_provider_objects_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
