/* govorun-provisioner-records.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <string.h>

#include "govorun-provisioner-private.h"

/*
 * Ownership: the run keeps the agent's provider_objects rows in a table
 * keyed "type\nname", queues changes to them as it goes and writes the
 * queue (govorun-provider-objects.h) before each step that depends on it.
 */

typedef enum
{
  RECORD_INSERT,
  RECORD_SET_ID,
  RECORD_DELETE,
} RecordOpKind;

static char *
record_key (const char *type,
            const char *name)
{
  return g_strconcat (type, "\n", name, NULL);
}

gboolean
_govorun_provisioner_is_owned (Run        *run,
                               const char *type,
                               const char *name)
{
  g_autofree char *key = record_key (type, name);

  return g_hash_table_contains (run->records, key);
}

static void
queue_record (Run          *run,
              RecordOpKind  kind,
              const char   *type,
              const char   *name,
              const char   *provider_id)
{
  char *key = record_key (type, name);

  if (run->changes == NULL)
    run->changes = govorun_provider_object_changes_new ();
  switch (kind)
    {
    case RECORD_INSERT:
      govorun_provider_object_changes_record (run->changes, type, name);
      break;
    case RECORD_SET_ID:
      govorun_provider_object_changes_set_id (run->changes, type, name, provider_id);
      break;
    case RECORD_DELETE:
    default:
      govorun_provider_object_changes_forget (run->changes, type, name);
      break;
    }

  if (kind == RECORD_DELETE)
    {
      g_hash_table_remove (run->records, key);
      g_hash_table_remove (run->new_records, key);
      g_free (key);
    }
  else
    {
      if (kind == RECORD_INSERT && !g_hash_table_contains (run->records, key))
        g_hash_table_add (run->new_records, g_strdup (key));
      g_hash_table_insert (run->records, key, g_strdup (provider_id != NULL ? provider_id : ""));
    }
}

/* Before an Add*: mark the name as Govorun's (unless it already is). */
void
_govorun_provisioner_record_intent (Run        *run,
                                    const char *type,
                                    const char *name)
{
  if (!_govorun_provisioner_is_owned (run, type, name))
    queue_record (run, RECORD_INSERT, type, name, NULL);
}

void
_govorun_provisioner_record_id (Run        *run,
                                const char *type,
                                const char *name,
                                gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  queue_record (run, RECORD_SET_ID, type, name, text);
}

/* After a definite refusal of an Add* this run asked for. */
void
_govorun_provisioner_record_refused (Run          *run,
                                     const char   *type,
                                     const char   *name,
                                     const GError *error)
{
  g_autofree char *key = record_key (type, name);
  gboolean definite = error->domain == GOVORUN_VOXIMPLANT_ERROR
                      && error->code != GOVORUN_VOXIMPLANT_ERROR_SERVER
                      && error->code != GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE;

  if (definite && g_hash_table_contains (run->new_records, key))
    queue_record (run, RECORD_DELETE, type, name, NULL);
}

void
_govorun_provisioner_record_forget (Run        *run,
                                    const char *type,
                                    const char *name)
{
  queue_record (run, RECORD_DELETE, type, name, NULL);
}

/* The queued changes, NULL when there are none. */
GovorunProviderObjectChanges *
_govorun_provisioner_take_changes (Run *run)
{
  return g_steal_pointer (&run->changes);
}

static void
on_flushed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!govorun_provider_objects_write_finish (GOVORUN_STORE (object), result, &error))
    _govorun_provisioner_run_fail (run, "save", WHAT_SAVE, NULL, error);
  _govorun_provisioner_stage_dec (run);
}

/* Writes the queued record changes, then goes on with @next. */
void
_govorun_provisioner_flush_records (Run       *run,
                                    StageFunc  next)
{
  GovorunProviderObjectChanges *changes = _govorun_provisioner_take_changes (run);

  _govorun_provisioner_stage_begin (run, next);
  if (changes != NULL)
    {
      run->pending++;
      govorun_provider_objects_write_async (run_self (run)->store, run->account_row, run->uuid, changes,
                                            NULL, on_flushed, g_object_ref (run->task));
    }
  _govorun_provisioner_stage_end (run);
}

static void
on_records (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) objects = NULL;

  objects = govorun_provider_objects_list_finish (GOVORUN_STORE (object), result, &run->account_row, &error);
  if (objects == NULL)
    {
      _govorun_provisioner_run_fail (run, "check", WHAT_SAVE, NULL, error);
      _govorun_provisioner_stage_dec (run);
      return;
    }
  g_hash_table_remove_all (run->records);
  for (guint i = 0; i < objects->len; i++)
    {
      GovorunProviderObject *record = g_ptr_array_index (objects, i);

      g_hash_table_insert (run->records, record_key (record->object_type, record->name),
                           g_strdup (record->provider_id != NULL ? record->provider_id : ""));
    }
  _govorun_provisioner_stage_dec (run);
}

/* Within the current stage: Govorun's records of the agent's objects. */
void
_govorun_provisioner_load_records (Run *run)
{
  if (run->uuid == NULL)   /* a draft's plan: nothing is Govorun's yet */
    return;
  run->pending++;
  govorun_provider_objects_list_async (run_self (run)->store, govorun_account_get_uuid (run->vox_account),
                                       run->uuid, g_task_get_cancellable (run->task),
                                       on_records, g_object_ref (run->task));
}
