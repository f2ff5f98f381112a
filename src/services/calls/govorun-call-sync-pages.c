/* govorun-call-sync-pages.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSync"

#include "config.h"

#include "govorun-call-records.h"
#include "govorun-call-sync-lookups.h"
#include "govorun-call-sync-private.h"

/* What both provider parts do alike: start from the stored state with a
 * client for the account, and write a page (the join's fallback first,
 * then the rows and the state after them in one transaction). */

/* --- begin ------------------------------------------------------------------- */

typedef struct
{
  GovorunCallSyncJob   *job;     /* borrowed */
  GovorunCallSyncState *state;
  GObject              *client;
} Begin;

static void
begin_free (Begin *begin)
{
  govorun_call_sync_state_free (begin->state);
  g_clear_object (&begin->client);
  g_free (begin);
}

static void
client_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Begin *begin = g_task_get_task_data (task);
  GovorunClientFactory *factory = GOVORUN_CLIENT_FACTORY (object);
  GError *error = NULL;

  if (govorun_account_get_kind (begin->job->account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    begin->client = G_OBJECT (govorun_client_factory_voximplant_finish (factory, result, &error));
  else
    begin->client = G_OBJECT (govorun_client_factory_elevenlabs_finish (factory, result, &error));
  if (begin->client == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
state_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Begin *begin = g_task_get_task_data (task);
  GovorunCallSyncJob *job = begin->job;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  begin->state = govorun_call_sync_state_load_finish (GOVORUN_STORE (object), result, &error);
  if (begin->state == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (govorun_account_get_kind (job->account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    govorun_client_factory_voximplant_async (job->factory, job->account, NULL, cancellable,
                                             client_cb, g_object_ref (task));
  else
    govorun_client_factory_elevenlabs_async (job->factory, job->account, NULL, cancellable,
                                             client_cb, g_object_ref (task));
}

void
_govorun_call_sync_begin_async (GovorunCallSyncJob  *job,
                                const char          *provider,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Begin *begin = g_new0 (Begin, 1);

  g_task_set_source_tag (task, _govorun_call_sync_begin_async);
  begin->job = job;
  g_task_set_task_data (task, begin, (GDestroyNotify) begin_free);
  govorun_call_sync_state_load_async (job->store, govorun_account_get_uuid (job->account),
                                      provider, cancellable, state_cb, g_object_ref (task));
}

gboolean
_govorun_call_sync_begin_finish (GAsyncResult          *result,
                                 GovorunCallSyncState **out_state,
                                 gpointer              *out_client,
                                 GError               **error)
{
  Begin *begin;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  begin = g_task_get_task_data (G_TASK (result));
  *out_state = g_steal_pointer (&begin->state);
  *out_client = g_steal_pointer (&begin->client);
  return TRUE;
}

gint64
_govorun_call_sync_job_start_from (GovorunCallSyncJob         *job,
                                   const GovorunCallSyncState *state)
{
  if (state->watermark <= 0)
    return job->history_start;
  return MAX (job->history_start, state->watermark - GOVORUN_CALL_SYNC_OVERLAP_SECS);
}

/* --- write -------------------------------------------------------------------- */

typedef struct
{
  GovorunStore         *store;
  GPtrArray            *records;
  GovorunCallSyncState *state;
} Write;

static void
write_free (Write *write)
{
  g_object_unref (write->store);
  g_ptr_array_unref (write->records);
  govorun_call_sync_state_free (write->state);
  g_free (write);
}

static void
upserted_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  guint changed = 0;

  if (!govorun_call_records_upsert_finish_changed (GOVORUN_STORE (object), result, &changed,
                                                   &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, changed);
}

static void
matched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Write *write = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_call_sync_lookups_match_finish (GOVORUN_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_call_records_upsert_async (write->store, write->records, write->state,
                                     g_task_get_cancellable (task), upserted_cb,
                                     g_object_ref (task));
}

static void
match (GTask *task)
{
  Write *write = g_task_get_task_data (task);

  govorun_call_sync_lookups_match_async (write->store, write->records,
                                         GOVORUN_CALL_SYNC_JOIN_TOLERANCE_SECS,
                                         g_task_get_cancellable (task), matched_cb,
                                         g_object_ref (task));
}

static void
bulk_ended_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_call_records_finish_bulk_finish (GOVORUN_STORE (object), result, &error))
    g_task_return_error (task, error);
  else
    match (task);
}

void
_govorun_call_sync_write_async (GovorunCallSyncJob         *job,
                                GPtrArray                  *records,
                                const GovorunCallSyncState *state,
                                GCancellable               *cancellable,
                                GAsyncReadyCallback         callback,
                                gpointer                    user_data)
{
  _govorun_call_sync_write_page_async (job, records, state, FALSE, cancellable, callback,
                                       user_data);
}

void
_govorun_call_sync_write_page_async (GovorunCallSyncJob         *job,
                                     GPtrArray                  *records,
                                     const GovorunCallSyncState *state,
                                     gboolean                    bulk,
                                     GCancellable               *cancellable,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Write *write = g_new0 (Write, 1);

  g_task_set_source_tag (task, _govorun_call_sync_write_async);
  write->store = g_object_ref (job->store);
  write->records = g_ptr_array_ref (records);
  write->state = govorun_call_sync_state_copy (state);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  if (bulk)
    /* Joined on the writer's thread, in the page's transaction: a hop
     * less for each of a first sync's thousand pages. */
    govorun_call_records_upsert_bulk_async (job->store, records, state,
                                            GOVORUN_CALL_SYNC_JOIN_TOLERANCE_SECS, cancellable,
                                            upserted_cb, g_object_ref (task));
  else
    /* A bulk under way and not settled ends before the join looks for
     * this page's partners (it skips the search while one is). */
    govorun_call_records_finish_bulk_async (job->store, GOVORUN_CALL_BULK_END_UNSETTLED,
                                            cancellable, bulk_ended_cb,
                                            g_object_ref (task));
}

gboolean
_govorun_call_sync_write_finish (GAsyncResult  *result,
                                 guint         *out_changed,
                                 GError       **error)
{
  gssize changed;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  changed = g_task_propagate_int (G_TASK (result), error);
  *out_changed = changed > 0 ? (guint) changed : 0;
  return changed >= 0;
}
