/* govorun-provisioner-finish.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include "govorun-provisioner-private.h"

/* The end of a run: the agent saved with what happened, the task returned. */

static void
on_failure_saved (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GovorunAgent) saved = NULL;

  /* The step's error matters more than a failed save of it. */
  saved = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, NULL);
  run_self (run)->last_rounds = run->rounds;
  g_task_return_error (task, g_steal_pointer (&run->error));
}

static void
on_failure_flushed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GovorunProvisioner *self = run_self (run);
  gboolean permanent = g_error_matches (run->error, GOVORUN_PROVISIONER_ERROR,
                                        GOVORUN_PROVISIONER_ERROR_STEP_REJECTED);

  if (object != NULL)
    govorun_provider_objects_write_finish (GOVORUN_STORE (object), result, NULL);

  g_object_freeze_notify (G_OBJECT (run->agent));
  govorun_agent_set_state (run->agent, run->op == OP_APPLY && permanent ? GOVORUN_AGENT_STATE_ERROR
                                                                        : GOVORUN_AGENT_STATE_PARTIAL);
  govorun_agent_set_last_step (run->agent, run->error_step);
  govorun_agent_set_last_error (run->agent, run->error->message);
  if (run->app.exists)
    {
      govorun_agent_set_application_id (run->agent, run->app.id);
      govorun_agent_set_application_name (run->agent, run->app.script);
    }
  g_object_thaw_notify (G_OBJECT (run->agent));
  govorun_agent_store_save_async (self->agents, run->agent, NULL, on_failure_saved, g_object_ref (task));
}

void
_govorun_provisioner_finish_failed (Run *run)
{
  GovorunProvisioner *self = run_self (run);

  if (run->op == OP_APPLY || run->op == OP_ROLLBACK || run->op == OP_DELETE)
    {
      if (run->changes != NULL && run->account_row != 0)
        govorun_provider_objects_write_async (self->store, run->account_row, run->uuid,
                                              _govorun_provisioner_take_changes (run),
                                              NULL, on_failure_flushed, g_object_ref (run->task));
      else
        on_failure_flushed (NULL, NULL, g_object_ref (run->task));
      return;
    }

  self->last_rounds = run->rounds;
  g_task_return_error (run->task, g_steal_pointer (&run->error));
}

static void
on_removed (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_agent_store_remove_finish (GOVORUN_AGENT_STORE (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_success_saved (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GovorunAgent) saved = NULL;
  GError *error = NULL;

  run_self (run)->last_rounds = run->rounds;
  saved = govorun_agent_store_save_finish (GOVORUN_AGENT_STORE (object), result, &error);
  if (saved == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (run->op)
    {
    case OP_DELETE:
      govorun_agent_store_remove_async (run_self (run)->agents, saved, NULL, on_removed, g_object_ref (task));
      break;
    case OP_DRIFT:
      g_task_return_pointer (task, g_steal_pointer (&run->drift), (GDestroyNotify) g_ptr_array_unref);
      break;
    case OP_PLAN:
    case OP_APPLY:
    case OP_ROLLBACK:
    case OP_SCENARIO:
    default:
      g_task_return_boolean (task, TRUE);
      break;
    }
}

void
_govorun_provisioner_save_agent (Run *run)
{
  govorun_agent_store_save_async (run_self (run)->agents, run->agent, NULL,
                                  on_success_saved, g_object_ref (run->task));
}

