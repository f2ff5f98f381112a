/* govorun-do-not-call.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunDoNotCall"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-do-not-call-private.h"
#include "govorun-do-not-call-records.h"
#include "govorun-phone-normalizer.h"

struct _GovorunDoNotCall
{
  GObject       parent_instance;

  GovorunStore *store;
  GListStore   *model;    /* of GovorunDoNotCallEntry, newest first */
  GMutex        lock;     /* guards numbers: the preflight reads it from a worker */
  GHashTable   *numbers;  /* E.164 → the entry (borrowed from model) */
  gboolean      loaded;
};

G_DEFINE_FINAL_TYPE (GovorunDoNotCall, govorun_do_not_call, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-do-not-call-error-quark, govorun_do_not_call_error)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GovorunDoNotCallImport *
govorun_do_not_call_import_copy (const GovorunDoNotCallImport *report)
{
  GovorunDoNotCallImport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = g_memdup2 (report, sizeof *report);
  copy->problems = g_ptr_array_copy (report->problems, (GCopyFunc) g_strdup, NULL);
  g_ptr_array_set_free_func (copy->problems, g_free);
  return copy;
}

void
govorun_do_not_call_import_free (GovorunDoNotCallImport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_free (report);
}

G_DEFINE_BOXED_TYPE (GovorunDoNotCallImport, govorun_do_not_call_import,
                     govorun_do_not_call_import_copy, govorun_do_not_call_import_free)

static void
govorun_do_not_call_finalize (GObject *object)
{
  GovorunDoNotCall *self = GOVORUN_DO_NOT_CALL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->model);
  g_hash_table_unref (self->numbers);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (govorun_do_not_call_parent_class)->finalize (object);
}

static void
govorun_do_not_call_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GovorunDoNotCall *self = GOVORUN_DO_NOT_CALL (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_do_not_call_class_init (GovorunDoNotCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_do_not_call_finalize;
  object_class->get_property = govorun_do_not_call_get_property;

  /* Whether the model holds the stored list (the preflight waits for it). */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_do_not_call_init (GovorunDoNotCall *self)
{
  self->model = g_list_store_new (GOVORUN_TYPE_DO_NOT_CALL_ENTRY);
  self->numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&self->lock);
}

GovorunDoNotCall *
govorun_do_not_call_new (GovorunStore *store)
{
  GovorunDoNotCall *self;

  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);

  self = g_object_new (GOVORUN_TYPE_DO_NOT_CALL, NULL);
  self->store = g_object_ref (store);
  return self;
}

gboolean
govorun_do_not_call_get_loaded (GovorunDoNotCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_DO_NOT_CALL (self), FALSE);

  return self->loaded;
}

GListModel *
govorun_do_not_call_get_model (GovorunDoNotCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_DO_NOT_CALL (self), NULL);

  return G_LIST_MODEL (self->model);
}

gboolean
govorun_do_not_call_contains (GovorunDoNotCall *self,
                              const char       *e164)
{
  gboolean found;

  g_return_val_if_fail (GOVORUN_IS_DO_NOT_CALL (self), FALSE);

  if (e164 == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  found = g_hash_table_contains (self->numbers, e164);
  g_mutex_unlock (&self->lock);
  return found;
}

/* Puts @entries (new to the list) in front of the model, newest first. */
static void
show_added (GovorunDoNotCall *self,
            GPtrArray        *entries)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < entries->len; i++)
    {
      GovorunDoNotCallEntry *entry = g_ptr_array_index (entries, i);
      const char *number = govorun_do_not_call_entry_get_number (entry);

      if (g_hash_table_contains (self->numbers, number))
        continue;
      g_hash_table_insert (self->numbers, (gpointer) number, entry);
      g_ptr_array_add (fresh, entry);
    }
  g_mutex_unlock (&self->lock);
  g_list_store_splice (self->model, 0, 0, fresh->pdata, fresh->len);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunDoNotCall *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;

  entries = govorun_do_not_call_records_load_finish (GOVORUN_STORE (source), result, &error);
  if (entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->numbers);
  g_mutex_unlock (&self->lock);
  g_list_store_remove_all (self->model);
  show_added (self, entries);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_task_return_boolean (task, TRUE);
}

void
govorun_do_not_call_load_async (GovorunDoNotCall    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_DO_NOT_CALL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_do_not_call_load_async);
  govorun_do_not_call_records_load_async (self->store, cancellable, on_loaded, task);
}

gboolean
govorun_do_not_call_load_finish (GovorunDoNotCall  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Task data of add and import: the entries being written, the report. */
typedef struct
{
  GPtrArray              *entries;
  GovorunDoNotCallImport *report;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  govorun_do_not_call_import_free (data->report);
  g_free (data);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunDoNotCall *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;
  guint added = 0;

  if (!govorun_do_not_call_records_add_finish (GOVORUN_STORE (source), result, &added, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  show_added (self, data->entries);
  if (data->report != NULL)
    {
      data->report->added = added;
      data->report->already_listed = data->entries->len - added;
      g_task_return_pointer (task, g_steal_pointer (&data->report),
                             (GDestroyNotify) govorun_do_not_call_import_free);
    }
  else
    g_task_return_boolean (task, TRUE);
}

void
govorun_do_not_call_add_async (GovorunDoNotCall    *self,
                               const char          *number,
                               const char          *note,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  AddData *data;
  GovorunPhoneResult result;

  g_return_if_fail (GOVORUN_IS_DO_NOT_CALL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_do_not_call_add_async);
  if (!govorun_phone_normalize (number, NULL, &result))
    {
      g_task_return_new_error (task, GOVORUN_DO_NOT_CALL_ERROR,
                               GOVORUN_DO_NOT_CALL_ERROR_INVALID_NUMBER, "%s",
                               govorun_phone_problem_to_string (result.problem));
      g_object_unref (task);
      return;
    }

  data = g_new0 (AddData, 1);
  data->entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (data->entries,
                   govorun_do_not_call_entry_new (result.e164, note != NULL && note[0] != '\0' ? note : NULL,
                                                  g_get_real_time () / G_USEC_PER_SEC));
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  govorun_do_not_call_records_add_async (self->store, data->entries, cancellable, on_added, task);
}

gboolean
govorun_do_not_call_add_finish (GovorunDoNotCall  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_removed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunDoNotCall *self = g_task_get_source_object (task);
  char **numbers = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_do_not_call_records_remove_finish (GOVORUN_STORE (source), result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Out of the lookup first, then out of the model, from the end so that
   * positions stay right. */
  g_mutex_lock (&self->lock);
  for (guint i = 0; numbers[i] != NULL; i++)
    g_hash_table_remove (self->numbers, numbers[i]);
  g_mutex_unlock (&self->lock);
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->model)); i > 0; i--)
    {
      g_autoptr(GovorunDoNotCallEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->model), i - 1);

      if (g_strv_contains ((const char * const *) numbers, govorun_do_not_call_entry_get_number (entry)))
        g_list_store_remove (self->model, i - 1);
    }
  g_task_return_boolean (task, TRUE);
}

void
govorun_do_not_call_remove_async (GovorunDoNotCall    *self,
                                  const char * const  *numbers,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_DO_NOT_CALL (self));
  g_return_if_fail (numbers != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_do_not_call_remove_async);
  g_task_set_task_data (task, g_strdupv ((char **) numbers), (GDestroyNotify) g_strfreev);
  govorun_do_not_call_records_remove_async (self->store, numbers, cancellable, on_removed, task);
}

gboolean
govorun_do_not_call_remove_finish (GovorunDoNotCall  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GFile *file;
  char  *sheet_name;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->file);
  g_free (data->sheet_name);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *import = task_data;
  AddData *data = g_new0 (AddData, 1);
  GError *error = NULL;

  data->report = g_new0 (GovorunDoNotCallImport, 1);
  data->report->problems = g_ptr_array_new_with_free_func (g_free);
  data->entries = _govorun_do_not_call_read_file (import->file, import->sheet_name, data->report,
                                                  cancellable, &error);
  if (data->entries == NULL)
    {
      add_data_free (data);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, data, (GDestroyNotify) add_data_free);
}

static void
on_file_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunDoNotCall *self = GOVORUN_DO_NOT_CALL (source);
  AddData *data;
  GError *error = NULL;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  govorun_do_not_call_records_add_async (self->store, data->entries, g_task_get_cancellable (task),
                                         on_added, g_object_ref (task));
}

void
govorun_do_not_call_import_async (GovorunDoNotCall    *self,
                                  GFile               *file,
                                  const char          *sheet_name,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) reading = NULL;
  GTask *task;
  ImportData *data;

  g_return_if_fail (GOVORUN_IS_DO_NOT_CALL (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_do_not_call_import_async);

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->sheet_name = g_strdup (sheet_name);
  reading = g_task_new (self, cancellable, on_file_read, task);
  g_task_set_task_data (reading, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (reading, import_thread);
}

GovorunDoNotCallImport *
govorun_do_not_call_import_finish (GovorunDoNotCall  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GFile     *file;
  GPtrArray *entries;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->file);
  g_ptr_array_unref (data->entries);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (!_govorun_do_not_call_write_file (data->file, data->entries, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
govorun_do_not_call_export_async (GovorunDoNotCall    *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;
  guint n;

  g_return_if_fail (GOVORUN_IS_DO_NOT_CALL (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_do_not_call_export_async);

  /* A snapshot: the entries are immutable, the model may change meanwhile. */
  data = g_new0 (ExportData, 1);
  data->file = g_object_ref (file);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  data->entries = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (data->entries, g_list_model_get_item (G_LIST_MODEL (self->model), i));
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
govorun_do_not_call_export_finish (GovorunDoNotCall  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
