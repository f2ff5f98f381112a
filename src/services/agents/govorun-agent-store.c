/* govorun-agent-store.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentStore"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-agent-records.h"
#include "govorun-agent-store.h"
#include "govorun-util.h"

/*
 * The SQL (govorun-agent-records.c) runs on the store's writer thread
 * (saves, removals) or a reader thread (load) on detached copies of the
 * agents; the model is only touched on the main context, when an operation
 * finishes. The writer thread runs writes in the order they were asked
 * for, so their results come back in that order too.
 */

struct _GovorunAgentStore
{
  GObject       parent_instance;

  GovorunStore *store;
};

/* The list itself: GovorunSortedList, sorted by name. */
G_DEFINE_FINAL_TYPE (GovorunAgentStore, govorun_agent_store, GOVORUN_TYPE_SORTED_LIST)

G_DEFINE_QUARK (govorun-agent-store-error-quark, govorun_agent_store_error)

static int
compare_agents (GovorunAgent *a,
                GovorunAgent *b)
{
  int cmp = g_utf8_collate (govorun_agent_get_name (a), govorun_agent_get_name (b));

  if (cmp != 0)
    return cmp;
  return g_strcmp0 (govorun_agent_get_uuid (a), govorun_agent_get_uuid (b));
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* --- GObject ------------------------------------------------------------- */

static void
govorun_agent_store_dispose (GObject *object)
{
  GovorunAgentStore *self = GOVORUN_AGENT_STORE (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (govorun_agent_store_parent_class)->dispose (object);
}

static void
govorun_agent_store_class_init (GovorunAgentStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_agent_store_dispose;
}

static void
govorun_agent_store_init (GovorunAgentStore *self)
{
  govorun_sorted_list_setup (GOVORUN_SORTED_LIST (self), GOVORUN_TYPE_AGENT,
                             (GCompareFunc) compare_agents,
                             (GovorunSortedListKeyFunc) govorun_agent_get_uuid);
}

GovorunAgentStore *
govorun_agent_store_new (GovorunStore *store)
{
  GovorunAgentStore *self;

  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);

  self = g_object_new (GOVORUN_TYPE_AGENT_STORE, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* The records' codes are the service's own (see the header). */
static void
return_error (GTask  *task,
              GError *error)
{
  if (error->domain == GOVORUN_AGENT_RECORDS_ERROR)
    error->domain = GOVORUN_AGENT_STORE_ERROR;
  g_task_return_error (task, error);
}

/* --- load ---------------------------------------------------------------- */

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAgentStore *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) agents = NULL;
  GError *error = NULL;

  agents = govorun_agent_records_read_all_finish (GOVORUN_STORE (object), result, &error);
  if (agents == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  govorun_sorted_list_replace_all (GOVORUN_SORTED_LIST (self), agents);

  g_task_return_boolean (task, TRUE);
}

void
govorun_agent_store_load_async (GovorunAgentStore   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_AGENT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_agent_store_load_async);
  govorun_agent_records_read_all_async (self->store, cancellable, on_loaded, g_object_ref (task));
}

gboolean
govorun_agent_store_load_finish (GovorunAgentStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_agent_store_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- save ---------------------------------------------------------------- */

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAgentStore *self = g_task_get_source_object (task);
  g_autoptr(GovorunAgent) saved = NULL;
  GovorunAgent *held;
  GError *error = NULL;

  saved = govorun_agent_records_save_finish (GOVORUN_STORE (object), result, &error);
  if (saved == NULL)
    {
      return_error (task, error);
      return;
    }

  held = govorun_sorted_list_find (GOVORUN_SORTED_LIST (self), govorun_agent_get_uuid (saved));
  if (held != NULL)
    {
      g_object_ref (held);
      govorun_agent_assign (held, saved);
      /* Keep the model sorted when the name changed. */
      govorun_sorted_list_resort (GOVORUN_SORTED_LIST (self), held);
    }
  else
    {
      held = g_object_ref (saved);
      govorun_sorted_list_insert (GOVORUN_SORTED_LIST (self), held);
    }

  /* The caller's own object follows too (an edited copy, say). */
  g_task_return_pointer (task, held, g_object_unref);
}

void
govorun_agent_store_save_async (GovorunAgentStore   *self,
                                GovorunAgent        *agent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *name;

  g_return_if_fail (GOVORUN_IS_AGENT_STORE (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_agent_store_save_async);

  name = govorun_agent_get_name (agent);
  if (is_blank (name))
    {
      g_task_return_new_error (task, GOVORUN_AGENT_STORE_ERROR, GOVORUN_AGENT_STORE_ERROR_INVALID,
                               _("The agent has no name. Give it a name and save it again."));
      return;
    }
  if (g_utf8_strlen (name, -1) > GOVORUN_AGENT_NAME_MAX_CHARS)
    {
      g_task_return_new_error (task, GOVORUN_AGENT_STORE_ERROR, GOVORUN_AGENT_STORE_ERROR_INVALID,
                               _("The agent's name is too long. Use at most 100 characters."));
      return;
    }
  if (govorun_agent_get_uuid (agent) != NULL
      && govorun_agent_store_find_by_uuid (self, govorun_agent_get_uuid (agent)) == NULL)
    {
      g_task_return_new_error (task, GOVORUN_AGENT_STORE_ERROR, GOVORUN_AGENT_STORE_ERROR_NOT_FOUND,
                               _("This agent is no longer saved in Govorun. Reopen the agents list and try again."));
      return;
    }

  govorun_agent_records_save_async (self->store, agent, cancellable, on_saved, g_object_ref (task));
}

GovorunAgent *
govorun_agent_store_save_finish (GovorunAgentStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_agent_store_save_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- remove -------------------------------------------------------------- */

static void
on_removed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAgentStore *self = g_task_get_source_object (task);
  const char *uuid = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_agent_records_remove_finish (GOVORUN_STORE (object), result, &error))
    {
      return_error (task, error);
      return;
    }

  govorun_sorted_list_remove (GOVORUN_SORTED_LIST (self), uuid);
  g_task_return_boolean (task, TRUE);
}

void
govorun_agent_store_remove_async (GovorunAgentStore   *self,
                                  GovorunAgent        *agent,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *uuid;

  g_return_if_fail (GOVORUN_IS_AGENT_STORE (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_agent_store_remove_async);

  uuid = govorun_agent_get_uuid (agent);
  if (uuid == NULL || govorun_agent_store_find_by_uuid (self, uuid) == NULL)
    {
      g_task_return_new_error (task, GOVORUN_AGENT_STORE_ERROR, GOVORUN_AGENT_STORE_ERROR_NOT_FOUND,
                               _("This agent is no longer saved in Govorun. Reopen the agents list and try again."));
      return;
    }

  g_task_set_task_data (task, g_strdup (uuid), g_free);
  govorun_agent_records_remove_async (self->store, uuid, cancellable, on_removed, g_object_ref (task));
}

gboolean
govorun_agent_store_remove_finish (GovorunAgentStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_agent_store_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- look-ups ------------------------------------------------------------ */

GovorunAgent *
govorun_agent_store_find_by_uuid (GovorunAgentStore *self,
                                  const char        *uuid)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_STORE (self), NULL);

  return govorun_sorted_list_find (GOVORUN_SORTED_LIST (self), uuid);
}

GovorunAgent *
govorun_agent_store_find_by_account (GovorunAgentStore *self,
                                     const char        *account_uuid)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_STORE (self), NULL);

  for (guint i = 0; account_uuid != NULL && i < govorun_sorted_list_get_length (GOVORUN_SORTED_LIST (self)); i++)
    {
      GovorunAgent *agent = govorun_sorted_list_peek (GOVORUN_SORTED_LIST (self), i);

      if (g_strcmp0 (govorun_agent_get_el_account_uuid (agent), account_uuid) == 0
          || g_strcmp0 (govorun_agent_get_vox_account_uuid (agent), account_uuid) == 0)
        return agent;
    }
  return NULL;
}

static gboolean
slug_in_use (GovorunAgentStore *self,
             const char        *slug)
{
  for (guint i = 0; i < govorun_sorted_list_get_length (GOVORUN_SORTED_LIST (self)); i++)
    if (g_strcmp0 (govorun_agent_get_slug (govorun_sorted_list_peek (GOVORUN_SORTED_LIST (self), i)), slug) == 0)
      return TRUE;
  return FALSE;
}

/* The store loads every agent, so the loaded list answers what the save
 * transaction would find in the table. */
char *
govorun_agent_store_preview_slug (GovorunAgentStore *self,
                                  const char        *name)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (GOVORUN_IS_AGENT_STORE (self), NULL);

  base = govorun_agent_slugify (name);
  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = govorun_agent_slug_candidate (base, n);

      if (!slug_in_use (self, candidate))
        return g_steal_pointer (&candidate);
    }
}

GovorunAgent *
govorun_agent_store_find_by_phone_id (GovorunAgentStore *self,
                                      const char        *vox_account_uuid,
                                      gint64             phone_id)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_STORE (self), NULL);

  for (guint i = 0; i < govorun_sorted_list_get_length (GOVORUN_SORTED_LIST (self)); i++)
    {
      GovorunAgent *agent = govorun_sorted_list_peek (GOVORUN_SORTED_LIST (self), i);

      if (g_strcmp0 (govorun_agent_get_vox_account_uuid (agent), vox_account_uuid) == 0
          && govorun_agent_has_phone_id (agent, phone_id))
        return agent;
    }
  return NULL;
}
