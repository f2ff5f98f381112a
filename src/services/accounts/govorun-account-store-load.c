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
  char                 *uuid;
  int                   generation;  /* -1: every generation, then the row goes too */
  GovorunAccountRecord *adopt;       /* instead: the ready row, moved to a newer key */
  guint                 adopt_from;
} Repair;

static void
repair_free (Repair *repair)
{
  g_free (repair->uuid);
  g_clear_pointer (&repair->adopt, govorun_account_record_free);
  g_free (repair);
}

static void load_run_repairs (GTask *task);
static GovorunAccountRecord *find_row (GPtrArray  *rows,
                                       const char *uuid);

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
  /* Without the keyring's list, what was known stays. */
  if (op->unclaimed != NULL)
    _govorun_account_store_set_unclaimed (self, op->unclaimed);

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
on_repair_adopted (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Op *op = g_task_get_task_data (task);
  Repair *repair = g_ptr_array_index (op->repairs, op->next_repair - 1);

  if (govorun_account_records_update_finish (GOVORUN_STORE (object), result, &error))
    {
      /* The model is filled from op->rows: it now points at the key. */
      GovorunAccountRecord *row = find_row (op->rows, repair->uuid);

      if (row != NULL)
        row->secret_generation = repair->adopt->secret_generation;
    }
  else
    {
      g_debug ("Recovery could not move account %s to its newer key: %s", repair->uuid, error->message);
    }

  load_run_repairs (task);
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
  if (repair->adopt != NULL)
    {
      g_debug ("Recovery: account %s moves from missing key %u to key %u", repair->uuid,
               repair->adopt_from, repair->adopt->secret_generation);
      govorun_account_records_update_async (self->store, repair->adopt, repair->adopt_from,
                                            NULL, on_repair_adopted, g_object_ref (task));
      return;
    }
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
add_adoption (Op                         *op,
              const GovorunAccountRecord *row,
              guint                       generation)
{
  Repair *repair = g_new0 (Repair, 1);

  repair->uuid = g_strdup (row->uuid);
  repair->generation = (int) generation;
  repair->adopt = govorun_account_record_copy (row);
  repair->adopt->secret_generation = generation;
  repair->adopt_from = row->secret_generation;
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
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _govorun_account_store_set_keyring_problem (g_task_get_source_object (task), error->message);
      load_finish_model (task);
      return;
    }
  _govorun_account_store_set_keyring_problem (g_task_get_source_object (task), NULL);

  op->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) repair_free);

  /* Rows an add or a remove did not finish: their keys, then the rows. */
  for (guint i = 0; i < op->rows->len; i++)
    {
      GovorunAccountRecord *row = g_ptr_array_index (op->rows, i);

      if (!g_str_equal (row->state, "ready"))
        add_repair (op, row->uuid, -1);
    }

  /* Only what the database says we replaced goes: a generation older than
   * the one a ready row points at (generations only grow). A key with no
   * row at all is kept: the database may have been moved away or emptied,
   * and the keyring holds the only copy of the key (see unclaimed keys). A
   * newer generation is kept too: an interrupted key change, or the key of
   * a database restored from an older backup, which then moves to it. */
  g_clear_pointer (&op->unclaimed, g_ptr_array_unref);
  op->unclaimed = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_secret_ref_free);
  for (guint i = 0; i < op->refs->len; i++)
    {
      GovorunSecretRef *ref = g_ptr_array_index (op->refs, i);
      GovorunAccountRecord *row = find_row (op->rows, ref->uuid);

      if (row == NULL)
        g_ptr_array_add (op->unclaimed, govorun_secret_ref_copy (ref));
      else if (g_str_equal (row->state, "ready") && ref->generation < row->secret_generation)
        add_repair (op, ref->uuid, (int) ref->generation);
    }
  for (guint i = 0; i < op->rows->len; i++)
    {
      GovorunAccountRecord *row = g_ptr_array_index (op->rows, i);
      const GovorunSecretRef *newest = NULL;
      gboolean has_own = FALSE;

      if (!g_str_equal (row->state, "ready"))
        continue;
      for (guint j = 0; j < op->refs->len; j++)
        {
          const GovorunSecretRef *ref = g_ptr_array_index (op->refs, j);

          if (!g_str_equal (ref->uuid, row->uuid))
            continue;
          has_own |= ref->generation == row->secret_generation;
          if (ref->generation > row->secret_generation &&
              (newest == NULL || ref->generation > newest->generation))
            newest = ref;
        }
      if (!has_own && newest != NULL)
        add_adoption (op, row, newest->generation);
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
