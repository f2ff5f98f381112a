/* govorun-call-sync-elevenlabs.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSync"

#include "config.h"

#include "govorun-call-sync-lookups.h"
#include "govorun-call-sync-private.h"
#include "govorun-recordings-info-private.h"

/* One ElevenLabs account's part of a sync. The listing of all the
 * workspace's conversations (the agents Govorun made and the others; the
 * listing needs no agent) is read newest first with its cursor from the
 * watermark (less the overlap); the details, with the transcript, are
 * fetched only for conversations that are new or changed. The cursor is
 * written with each page and the watermark moves to the sync's start
 * when the listing ends, so a stopped sync resumes at its page. */

/* Details fetched at once. */
#define MAX_IN_FLIGHT 4

typedef struct
{
  GovorunCallSyncJob      *job;       /* borrowed */
  GovorunElevenlabsClient *client;
  GovorunCallSyncState    *state;
  gint64                   after;
  GovorunElevenlabsConversationPage *page;
  GHashTable              *known;
  guint                    next;      /* the next summary to look at */
  guint                    in_flight;
  GError                  *error;     /* the first failed detail */
  GPtrArray               *records;
  GovorunCallSyncState    *next_state;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->client);
  govorun_call_sync_state_free (run->state);
  govorun_call_sync_state_free (run->next_state);
  g_clear_pointer (&run->page, govorun_elevenlabs_conversation_page_free);
  g_clear_pointer (&run->known, g_hash_table_unref);
  g_clear_pointer (&run->records, g_ptr_array_unref);
  g_clear_error (&run->error);
  g_free (run);
}

static void list_page (GTask *task);

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;
  guint n = run->page->conversations->len;
  guint changed = 0;
  double fraction = -1;
  gboolean more = run->page->has_more && run->page->next_cursor != NULL;

  if (!_govorun_call_sync_write_finish (result, &changed, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  govorun_call_sync_state_free (run->state);
  run->state = g_steal_pointer (&run->next_state);
  g_clear_pointer (&run->records, g_ptr_array_unref);
  g_clear_pointer (&run->known, g_hash_table_unref);
  run->job->written += n;
  /* Newest first: how far back the page reached. */
  if (n > 0 && run->job->now > run->after)
    {
      const GovorunElevenlabsConversationSummary *oldest =
        g_ptr_array_index (run->page->conversations, n - 1);

      fraction = CLAMP ((double) (run->job->now - oldest->start_time_unix_secs) /
                        (double) (run->job->now - run->after), 0.0, 1.0);
    }
  _govorun_call_sync_page_written (run->job, "ElevenLabs", n, changed, more ? fraction : 1.0);

  if (more)
    list_page (task);
  else
    g_task_return_boolean (task, TRUE);
}

/* Every changed conversation's details are in: the page is written with
 * the cursor that follows it, or the new watermark after the last. */
static void
write_page (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  run->next_state = govorun_call_sync_state_copy (run->state);
  g_clear_pointer (&run->next_state->cursor, g_free);
  if (run->page->has_more && run->page->next_cursor != NULL)
    run->next_state->cursor = g_strdup (run->page->next_cursor);
  else
    run->next_state->watermark = MAX (run->state->watermark, run->job->now);

  _govorun_call_sync_write_async (run->job, run->records, run->next_state,
                                  g_task_get_cancellable (task), written_cb, g_object_ref (task));
}

static void fetch_more (GTask *task);

static void
details_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GovorunElevenlabsConversation) conversation = NULL;
  GError *error = NULL;

  run->in_flight--;
  conversation = govorun_elevenlabs_client_get_conversation_finish (GOVORUN_ELEVENLABS_CLIENT (object),
                                                                    result, &error);
  if (conversation == NULL && run->error == NULL)
    run->error = error;
  else if (conversation == NULL)
    g_error_free (error);
  else
    {
      GovorunCallRecord *record = _govorun_call_join_conversation (conversation, run->job->agents);

      /* The listing names the agent; the details need not. */
      for (guint i = 0; i < run->page->conversations->len; i++)
        {
          const GovorunElevenlabsConversationSummary *summary =
            g_ptr_array_index (run->page->conversations, i);

          if (g_strcmp0 (summary->conversation_id, conversation->conversation_id) == 0)
            govorun_call_record_set_el_agent_name (record, summary->agent_name);
        }

      _govorun_recordings_info_from_conversation (record, conversation,
                                                  govorun_account_get_uuid (run->job->account));
      g_ptr_array_add (run->records, record);
    }

  fetch_more (task);
}

static void
fetch_more (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  GPtrArray *conversations = run->page->conversations;

  while (run->error == NULL && run->in_flight < MAX_IN_FLIGHT && run->next < conversations->len)
    {
      const GovorunElevenlabsConversationSummary *summary = g_ptr_array_index (conversations, run->next++);

      if (!_govorun_call_join_is_changed (summary, g_hash_table_lookup (run->known, summary->conversation_id)))
        continue;
      run->in_flight++;
      govorun_elevenlabs_client_get_conversation_async (run->client, summary->conversation_id,
                                                        g_task_get_cancellable (task),
                                                        details_cb, g_object_ref (task));
    }

  if (run->in_flight > 0)
    return;
  if (run->error != NULL)
    g_task_return_error (task, g_steal_pointer (&run->error));
  else
    write_page (task);
}

static void
known_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  run->known = govorun_call_sync_lookups_conversations_finish (GOVORUN_STORE (object), result, &error);
  if (run->known == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  run->next = 0;
  run->records = g_ptr_array_new_with_free_func (g_object_unref);
  fetch_more (task);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GPtrArray) ids = NULL;
  GError *error = NULL;

  g_clear_pointer (&run->page, govorun_elevenlabs_conversation_page_free);
  run->page = govorun_elevenlabs_client_list_conversations_finish (GOVORUN_ELEVENLABS_CLIENT (object),
                                                                   result, &error);
  if (run->page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ids = g_ptr_array_new ();
  for (guint i = 0; i < run->page->conversations->len; i++)
    g_ptr_array_add (ids, ((GovorunElevenlabsConversationSummary *)
                           g_ptr_array_index (run->page->conversations, i))->conversation_id);
  g_ptr_array_add (ids, NULL);
  govorun_call_sync_lookups_conversations_async (run->job->store, (const char * const *) ids->pdata,
                                                 g_task_get_cancellable (task), known_cb,
                                                 g_object_ref (task));
}

static void
list_page (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  govorun_elevenlabs_client_list_conversations_async (run->client, NULL, run->state->cursor,
                                                      GOVORUN_CALL_SYNC_EL_PAGE_SIZE, run->after,
                                                      0, FALSE, g_task_get_cancellable (task),
                                                      listed_cb, g_object_ref (task));
}

static void
begun_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!_govorun_call_sync_begin_finish (result, &run->state, (gpointer *) &run->client, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  run->after = _govorun_call_sync_job_start_from (run->job, run->state);
  list_page (task);
}

void
_govorun_call_sync_elevenlabs_async (GovorunCallSyncJob  *job,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  g_task_set_source_tag (task, _govorun_call_sync_elevenlabs_async);
  run->job = job;
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  _govorun_call_sync_begin_async (job, GOVORUN_CALL_SYNC_PROVIDER_ELEVENLABS, cancellable,
                                  begun_cb, g_object_ref (task));
}

gboolean
_govorun_call_sync_elevenlabs_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
