/* govorun-account-store-load.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store-private.h"

/* Load reads every row and the keyring's items, repairs what an
 * interruption left half-done (see govorun-account-store.c), then fills
 * the model with the ready rows, keeping the objects views already hold. */

typedef struct
{
  char *uuid;
  int   generation;       /* -1: every generation, then the row goes too */
} Repair;

static void
repair_free (Repair *repair)
{
  g_free (repair->uuid);
  g_free (repair);
}

static void load_run_repairs (GTask *task);

static void
load_finish_model (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < op->rows->len; i++)
    {
      GovorunAccountRecord *row = g_ptr_array_index (op->rows, i);
      GovorunAccount *account;

      if (!g_str_equal (row->state, "ready"))
        continue;

      /* Keep the objects views already hold. */
      account = govorun_account_store_find_by_uuid (self, row->uuid);
      if (account != NULL)
        {
          g_object_ref (account);
          _govorun_account_store_apply_row (account, row);
        }
      else
        {
          account = _govorun_account_store_account_new_from_row (row);
        }
      g_ptr_array_add (accounts, account);
    }
  g_debug ("Loaded %u accounts", accounts->len);
  govorun_sorted_list_replace_all (GOVORUN_SORTED_LIST (self), accounts);

  _govorun_account_store_op_return_true (task);
}

static void
on_repair_row_deleted (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* Only unready rows are deleted, and those are never shown: on failure
   * the next load tries again. */
  govorun_account_records_delete_unready_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    g_debug ("Recovery could not delete an unfinished account row: %s", error->message);

  load_run_repairs (task);
}

static void
on_repair_cleared (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  Repair *repair = g_ptr_array_index (op->repairs, op->next_repair - 1);

  if (!govorun_secrets_clear_finish (GOVORUN_SECRETS (object), result, &error))
    {
      /* The row (if any) stays, so the next load tries again. */
      g_debug ("Recovery could not clear keys of account %s: %s", repair->uuid, error->message);
      load_run_repairs (task);
      return;
    }

  if (repair->generation >= 0)
    {
      load_run_repairs (task);
      return;
    }

  govorun_account_records_delete_unready_async (self->store, repair->uuid,
                                                NULL, on_repair_row_deleted, g_object_ref (task));
}

static void
load_run_repairs (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  Repair *repair;

  if (op->repairs == NULL || op->next_repair >= op->repairs->len)
    {
      load_finish_model (task);
      return;
    }

  repair = g_ptr_array_index (op->repairs, op->next_repair++);
  g_debug ("Recovery: clearing keys of account %s (generation %d)", repair->uuid, repair->generation);
  govorun_secrets_clear_async (self->secrets, repair->uuid, repair->generation,
                               NULL, on_repair_cleared, g_object_ref (task));
}

static GovorunAccountRecord *
find_row (GPtrArray  *rows,
          const char *uuid)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GovorunAccountRecord *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->uuid, uuid))
        return row;
    }
  return NULL;
}

static void
add_repair (Op         *op,
            const char *uuid,
            int         generation)
{
  Repair *repair;

  for (guint i = 0; i < op->repairs->len; i++)
    {
      repair = g_ptr_array_index (op->repairs, i);
      if (g_str_equal (repair->uuid, uuid) &&
          (repair->generation == generation || repair->generation == -1))
        return;
    }

  repair = g_new0 (Repair, 1);
  repair->uuid = g_strdup (uuid);
  repair->generation = generation;
  g_ptr_array_add (op->repairs, repair);
}

static void
on_load_listed (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Op *op = g_task_get_task_data (task);

  op->refs = govorun_secrets_list_finish (GOVORUN_SECRETS (object), result, &error);
  if (op->refs == NULL)
    {
      /* Without the keyring nothing can be repaired safely now: unfinished
       * rows stay hidden and are dealt with at a later load. */
      g_debug ("Skipping recovery, the keyring is not usable: %s", error->message);
      load_finish_model (task);
      return;
    }

  op->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) repair_free);

  /* Rows an add or a remove did not finish: their keys, then the rows. */
  for (guint i = 0; i < op->rows->len; i++)
    {
      GovorunAccountRecord *row = g_ptr_array_index (op->rows, i);

      if (!g_str_equal (row->state, "ready"))
        add_repair (op, row->uuid, -1);
    }

  /* Keys no ready row points at: orphans of an add, or the other
   * generation of an interrupted key change. */
  for (guint i = 0; i < op->refs->len; i++)
    {
      GovorunSecretRef *ref = g_ptr_array_index (op->refs, i);
      GovorunAccountRecord *row = find_row (op->rows, ref->uuid);

      if (row == NULL)
        add_repair (op, ref->uuid, -1);
      else if (g_str_equal (row->state, "ready") && row->secret_generation != ref->generation)
        add_repair (op, ref->uuid, (int) ref->generation);
    }

  if (op->repairs->len > 0)
    g_debug ("Recovery: %u repairs to make", op->repairs->len);
  load_run_repairs (task);
}

static void
on_load_rows_read (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->rows = govorun_account_records_read_all_finish (GOVORUN_STORE (object), result, &error);
  if (op->rows == NULL)
    {
      _govorun_account_store_op_return_error (task, error);
      return;
    }

  govorun_secrets_list_async (self->secrets, g_task_get_cancellable (task),
                              on_load_listed, g_object_ref (task));
}

void
_govorun_account_store_load_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);

  govorun_account_records_read_all_async (self->store, g_task_get_cancellable (task),
                                          on_load_rows_read, g_object_ref (task));
}
