/* govorun-account-store-writes.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store-private.h"

#include <glib/gi18n.h>

/* The writes: add, update and remove, each a sequence of row and keyring
 * steps that rolls back (or leaves a state the next load repairs) when a
 * step fails; and the result of a connection test. */

static const char *
kind_label (GovorunAccountKind kind)
{
  return kind == GOVORUN_ACCOUNT_KIND_VOXIMPLANT ? "voximplant" : "elevenlabs";
}

/* --- add ------------------------------------------------------------------- */

static void
on_add_rollback_deleted (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Op *op = g_task_get_task_data (task);

  /* If even this fails, the row stays 'pending' (never shown) and the next
   * load removes it with its key. */
  govorun_account_records_delete_unready_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    g_debug ("Could not delete the unfinished row of account %s: %s", op->uuid, error->message);

  _govorun_account_store_op_return_error (task, g_steal_pointer (&op->error));
}

static void
add_rollback_delete_row (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  govorun_account_records_delete_unready_async (self->store, op->uuid,
                                                NULL, on_add_rollback_deleted, g_object_ref (task));
}

static void
on_add_rollback_cleared (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Op *op = g_task_get_task_data (task);

  /* A key left behind has no ready row: the next load removes it. */
  if (!govorun_secrets_clear_finish (GOVORUN_SECRETS (object), result, &error))
    g_debug ("Could not clear the key of unfinished account %s: %s", op->uuid, error->message);

  add_rollback_delete_row (task);
}

/* Undoes an add after step 1, then reports @error (taken). */
static void
add_rollback (GTask    *task,
              GError   *error,
              gboolean  clear_secret)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  g_debug ("Rolling back the add of account %s: %s", op->uuid, error->message);
  g_clear_error (&op->error);
  op->error = error;

  if (clear_secret)
    govorun_secrets_clear_async (self->secrets, op->uuid, -1, NULL,
                                 on_add_rollback_cleared, g_object_ref (task));
  else
    add_rollback_delete_row (task);
}

static void
on_add_ready (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunAccount) account = NULL;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  govorun_account_records_set_ready_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    {
      add_rollback (task, error, TRUE);
      return;
    }

  account = _govorun_account_store_account_new_from_row (op->row);
  govorun_sorted_list_insert (GOVORUN_SORTED_LIST (self), account);
  g_debug ("Added %s account %s", kind_label (op->row->kind), op->uuid);
  _govorun_account_store_op_return (task, NULL, g_steal_pointer (&account), g_object_unref, FALSE);
}

static void
on_add_secret_stored (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_pointer (&op->secret, govorun_secret_free);

  if (!govorun_secrets_store_finish (GOVORUN_SECRETS (object), result, &error))
    {
      /* A cancelled store may still have reached the keyring. */
      add_rollback (task, error, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      return;
    }

  _govorun_account_store_maybe_crash ("after-secret");

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      add_rollback (task, error, TRUE);
      return;
    }

  govorun_account_records_set_ready_async (self->store, op->uuid,
                                           NULL, on_add_ready, g_object_ref (task));
}

static void
on_add_inserted (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  gint64 id;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  id = govorun_account_records_insert_pending_finish (GOVORUN_STORE (object), result, &error);
  if (id == 0)
    {
      /* Nothing was written. */
      _govorun_account_store_op_return_error (task, error);
      return;
    }
  op->row->id = id;

  _govorun_account_store_maybe_crash ("after-row");

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      add_rollback (task, error, FALSE);
      return;
    }

  /* An account added without its key (generation 0): no keyring step. */
  if (op->secret == NULL)
    {
      govorun_account_records_set_ready_async (self->store, op->uuid,
                                               NULL, on_add_ready, g_object_ref (task));
      return;
    }

  govorun_secrets_store_async (self->secrets, op->uuid, op->row->secret_generation, op->label,
                               op->secret, g_task_get_cancellable (task),
                               on_add_secret_stored, g_object_ref (task));
}

void
_govorun_account_store_add_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  govorun_account_records_insert_pending_async (self->store, op->row, g_task_get_cancellable (task),
                                                on_add_inserted, g_object_ref (task));
}

/* --- update ---------------------------------------------------------------- */

static void
on_update_old_cleared (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Op *op = g_task_get_task_data (task);

  /* The update stands; an old key left behind is removed at next load. */
  if (!govorun_secrets_clear_finish (GOVORUN_SECRETS (object), result, &error))
    g_debug ("Could not clear the old key of account %s: %s", op->uuid, error->message);

  _govorun_account_store_op_return_true (task);
}

static void
on_update_rollback_cleared (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Op *op = g_task_get_task_data (task);

  /* A new key left behind differs from the row's generation: the next
   * load removes it. */
  if (!govorun_secrets_clear_finish (GOVORUN_SECRETS (object), result, &error))
    g_debug ("Could not clear the unused new key of account %s: %s", op->uuid, error->message);

  _govorun_account_store_op_return_error (task, g_steal_pointer (&op->error));
}

static void
update_rollback (GTask  *task,
                 GError *error)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  g_clear_error (&op->error);
  op->error = error;
  govorun_secrets_clear_async (self->secrets, op->uuid, (int) op->new_generation, NULL,
                               on_update_rollback_cleared, g_object_ref (task));
}

static void
on_update_written (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GovorunAccount *account;
  GError *error = NULL;

  govorun_account_records_update_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    {
      if (op->new_generation != op->old_generation)
        update_rollback (task, error);
      else
        _govorun_account_store_op_return_error (task, error);
      return;
    }

  account = govorun_account_store_find_by_uuid (self, op->uuid);
  if (account != NULL)
    {
      g_object_freeze_notify (G_OBJECT (account));
      govorun_account_set_display_name (account, op->row->display_name);
      govorun_account_set_vox_account_id (account, op->row->vox_account_id);
      govorun_account_set_vox_auth (account, op->row->vox_auth);
      govorun_account_set_vox_key_id (account, op->row->vox_key_id);
      govorun_account_set_vox_account_email (account, op->row->vox_account_email);
      govorun_account_set_el_region (account, op->row->el_region);
      govorun_account_set_updated_at (account, op->row->updated_at);
      govorun_account_set_secret_generation (account, op->new_generation);
      g_object_thaw_notify (G_OBJECT (account));
      govorun_sorted_list_resort (GOVORUN_SORTED_LIST (self), account);
    }
  g_debug ("Updated account %s", op->uuid);

  if (op->new_generation == op->old_generation)
    {
      _govorun_account_store_op_return_true (task);
      return;
    }

  _govorun_account_store_maybe_crash ("update-after-row");

  govorun_secrets_clear_async (self->secrets, op->uuid, (int) op->old_generation, NULL,
                               on_update_old_cleared, g_object_ref (task));
}

static void
update_write_row (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  /* Without a new key the row write may honour the cancellable; after a new
   * key was stored the row must follow, so it may not. */
  govorun_account_records_update_async (self->store, op->row, op->old_generation,
                                        op->new_generation == op->old_generation
                                        ? g_task_get_cancellable (task) : NULL,
                                        on_update_written, g_object_ref (task));
}

static void
on_update_secret_stored (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_pointer (&op->secret, govorun_secret_free);

  if (!govorun_secrets_store_finish (GOVORUN_SECRETS (object), result, &error))
    {
      /* Nothing points at the new generation; clear it in case a cancelled
       * store still reached the keyring. */
      update_rollback (task, error);
      return;
    }

  _govorun_account_store_maybe_crash ("update-after-secret");

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      update_rollback (task, error);
      return;
    }

  update_write_row (task);
}

void
_govorun_account_store_update_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GovorunAccount *current = _govorun_account_store_op_find_account (task);
  GError *error = NULL;

  if (current == NULL)
    return;

  if (govorun_account_get_kind (current) != govorun_account_get_kind (op->account))
    {
      error = g_error_new_literal (GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_INVALID,
                                   _("An account cannot change between Voximplant and ElevenLabs. Add a new account instead."));
      _govorun_account_store_op_return_error (task, error);
      return;
    }

  op->row = _govorun_account_store_row_new_from_account (op->account);
  op->row->created_at = govorun_account_get_created_at (current);
  op->row->updated_at = _govorun_account_store_now ();
  op->old_generation = govorun_account_get_secret_generation (current);
  op->new_generation = op->old_generation;

  if (op->secret == NULL)
    {
      op->row->secret_generation = op->old_generation;
      update_write_row (task);
      return;
    }

  /* The new key first, under a generation nothing points at yet. */
  op->new_generation = op->old_generation + 1;
  op->row->secret_generation = op->new_generation;
  op->label = _govorun_account_store_make_label (op->row);
  govorun_secrets_store_async (self->secrets, op->uuid, op->new_generation, op->label,
                               op->secret, g_task_get_cancellable (task),
                               on_update_secret_stored, g_object_ref (task));
}

/* --- remove ---------------------------------------------------------------- */

static void
on_remove_deleted (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  govorun_account_records_delete_unready_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    {
      /* The row stays 'deleting' (hidden); the next load deletes it. */
      _govorun_account_store_op_return_error (task, error);
      return;
    }

  g_debug ("Removed account %s", op->uuid);
  _govorun_account_store_op_return_true (task);
}

static void
on_remove_cleared (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_secrets_clear_finish (GOVORUN_SECRETS (object), result, &error))
    {
      /* The account is gone from the list already; its row stays
       * 'deleting' and the next load clears the keys and the row. */
      _govorun_account_store_op_return_error (task, error);
      return;
    }

  govorun_account_records_delete_unready_async (self->store, op->uuid,
                                                NULL, on_remove_deleted, g_object_ref (task));
}

static void
on_remove_marked (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  govorun_account_records_mark_deleting_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    {
      _govorun_account_store_op_return_error (task, error);
      return;
    }

  /* From here on the removal only goes forward. */
  govorun_sorted_list_remove (GOVORUN_SORTED_LIST (self), op->uuid);

  _govorun_account_store_maybe_crash ("remove-after-mark");

  govorun_secrets_clear_async (self->secrets, op->uuid, -1, NULL,
                               on_remove_cleared, g_object_ref (task));
}

void
_govorun_account_store_remove_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  if (_govorun_account_store_op_find_account (task) == NULL)
    return;

  govorun_account_records_mark_deleting_async (self->store, op->uuid, g_task_get_cancellable (task),
                                               on_remove_marked, g_object_ref (task));
}

/* --- test result ---------------------------------------------------------- */

static void
on_test_result_written (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GovorunAccount *account;
  GError *error = NULL;

  govorun_account_records_set_test_result_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    {
      _govorun_account_store_op_return_error (task, error);
      return;
    }

  account = govorun_account_store_find_by_uuid (self, op->uuid);
  if (account != NULL)
    {

      g_object_freeze_notify (G_OBJECT (account));
      govorun_account_set_last_test_at (account, op->row->last_test_at);
      govorun_account_set_last_test_ok (account, op->test_ok);
      govorun_account_set_last_test_summary (account, op->test_summary);
      g_object_thaw_notify (G_OBJECT (account));
    }

  _govorun_account_store_op_return_true (task);
}

void
_govorun_account_store_set_test_result_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  op->row = g_new0 (GovorunAccountRecord, 1);
  op->row->last_test_at = _govorun_account_store_now ();

  govorun_account_records_set_test_result_async (self->store, op->uuid, op->row->last_test_at,
                                                 op->test_ok, op->test_summary,
                                                 g_task_get_cancellable (task), on_test_result_written,
                                                 g_object_ref (task));
}
