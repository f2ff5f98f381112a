/* govorun-account-store.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store.h"
#include "govorun-account-private.h"
#include "govorun-account-records.h"
#include "govorun-util.h"

#include <glib/gi18n.h>
#if GOVORUN_TEST_HOOKS
#include <signal.h>
#endif

/*
 * How an account is never half-saved
 *
 * The row in SQLite carries a state: 'pending' while its key is being put
 * in the keyring, 'ready' once both exist, 'deleting' while it goes away.
 * Only 'ready' rows are shown. Keys live in the keyring under (uuid,
 * secret_generation); replacing a key writes generation + 1 before the row
 * points at it, and removes the old one after. So at every instant the row
 * either points at a key that exists, or is not 'ready'. Load repairs what
 * an interruption left: non-ready rows and their keys go, and keyring
 * items that no ready row points at go.
 */

struct _GovorunAccountStore
{
  GObject         parent_instance;

  GovorunStore   *store;
  GovorunSecrets *secrets;
  GPtrArray      *accounts;   /* of GovorunAccount, 'ready' rows, sorted */

  GQueue          ops;        /* of GTask, waiting to run */
  GTask          *current;    /* the running operation */
};

static void govorun_account_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GovorunAccountStore, govorun_account_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      govorun_account_store_list_model_init))

G_DEFINE_QUARK (govorun-account-store-error-quark, govorun_account_store_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SECRETS,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- test-only crash points ------------------------------------------------
 *
 * GOVORUN_TEST_CRASH_AT names a point between two writes where the process
 * SIGKILLs itself, so tests (tests/account-crash-helper.c) can prove that
 * the next load repairs every interruption. It is read nowhere else and
 * must never be set outside tests; release builds (without
 * -Dtest_hooks=true) do not even contain the code. Points: "after-row" and
 * "after-secret" (add), "update-after-secret", "update-after-row",
 * "remove-after-mark".
 */
#if GOVORUN_TEST_HOOKS
static void
maybe_crash (const char *point)
{
  const char *wanted = g_getenv ("GOVORUN_TEST_CRASH_AT");

  if (wanted != NULL && g_str_equal (wanted, point))
    {
      g_debug ("Crashing at “%s” as GOVORUN_TEST_CRASH_AT asks", point);
      raise (SIGKILL);
    }
}
#else
#define maybe_crash(point) G_STMT_START { (void) (point); } G_STMT_END
#endif

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* --- rows ------------------------------------------------------------------ */

static char *
strdup_stripped (const char *str)
{
  return str != NULL ? g_strstrip (g_strdup (str)) : NULL;
}

/* Only the fields of the account's own kind are kept. */
static GovorunAccountRecord *
account_row_new_from_account (GovorunAccount *account)
{
  GovorunAccountRecord *row = g_new0 (GovorunAccountRecord, 1);

  row->uuid = g_strdup (govorun_account_get_uuid (account));
  row->kind = govorun_account_get_kind (account);
  row->display_name = strdup_stripped (govorun_account_get_display_name (account));
  row->secret_generation = govorun_account_get_secret_generation (account);
  row->created_at = govorun_account_get_created_at (account);
  row->updated_at = govorun_account_get_updated_at (account);
  row->last_test_at = govorun_account_get_last_test_at (account);
  row->last_test_ok = govorun_account_get_last_test_ok (account);
  row->last_test_summary = g_strdup (govorun_account_get_last_test_summary (account));

  if (row->kind == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    {
      row->vox_account_id = strdup_stripped (govorun_account_get_vox_account_id (account));
      row->vox_auth = govorun_account_get_vox_auth (account);
      if (row->vox_auth == GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT)
        row->vox_key_id = strdup_stripped (govorun_account_get_vox_key_id (account));
      row->vox_account_email = strdup_stripped (govorun_account_get_vox_account_email (account));
    }
  else
    {
      row->el_region = g_strdup (govorun_account_get_el_region (account));
    }

  return row;
}

static void
account_apply_row (GovorunAccount   *account,
                   const GovorunAccountRecord *row)
{
  g_object_freeze_notify (G_OBJECT (account));
  govorun_account_set_display_name (account, row->display_name);
  govorun_account_set_vox_account_id (account, row->vox_account_id);
  govorun_account_set_vox_auth (account, row->vox_auth);
  govorun_account_set_vox_key_id (account, row->vox_key_id);
  govorun_account_set_vox_account_email (account, row->vox_account_email);
  govorun_account_set_el_region (account, row->el_region);
  govorun_account_set_created_at (account, row->created_at);
  govorun_account_set_updated_at (account, row->updated_at);
  govorun_account_set_last_test_at (account, row->last_test_at);
  govorun_account_set_last_test_ok (account, row->last_test_ok);
  govorun_account_set_last_test_summary (account, row->last_test_summary);
  govorun_account_set_secret_generation (account, MAX (row->secret_generation, 1));
  g_object_thaw_notify (G_OBJECT (account));
}

static GovorunAccount *
account_new_from_row (const GovorunAccountRecord *row)
{
  GovorunAccount *account = govorun_account_new (row->kind);

  _govorun_account_set_uuid (account, row->uuid);
  account_apply_row (account, row);
  return account;
}

/* The same sentence as the records' NOT_FOUND, for an account the model no
 * longer holds. */
static void
set_gone_error (GError **error)
{
  g_set_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_NOT_FOUND,
               _("This account is no longer saved in Govorun. Reopen the accounts list and try again."));
}

/* --- the model ----------------------------------------------------------- */

static int
compare_accounts (GovorunAccount *a,
                  GovorunAccount *b)
{
  GovorunAccountKind ka = govorun_account_get_kind (a);
  GovorunAccountKind kb = govorun_account_get_kind (b);
  int cmp;

  if (ka != kb)
    return ka < kb ? -1 : 1;
  cmp = g_utf8_collate (govorun_account_get_display_name (a) ?: "",
                        govorun_account_get_display_name (b) ?: "");
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (govorun_account_get_uuid (a), govorun_account_get_uuid (b));
}

/* g_ptr_array_sort () passes pointers to the elements. */
static int
compare_account_ptrs (gconstpointer a,
                      gconstpointer b)
{
  return compare_accounts (*(GovorunAccount **) a, *(GovorunAccount **) b);
}

static guint
sorted_position (GovorunAccountStore *self,
                 GovorunAccount      *account)
{
  guint pos = 0;

  while (pos < self->accounts->len &&
         compare_accounts (g_ptr_array_index (self->accounts, pos), account) < 0)
    pos++;
  return pos;
}

static gboolean
find_position (GovorunAccountStore *self,
               const char          *uuid,
               guint               *out_position)
{
  if (uuid == NULL)
    return FALSE;
  for (guint i = 0; i < self->accounts->len; i++)
    if (g_strcmp0 (govorun_account_get_uuid (g_ptr_array_index (self->accounts, i)), uuid) == 0)
      {
        *out_position = i;
        return TRUE;
      }
  return FALSE;
}

static void
model_changed (GovorunAccountStore *self,
               guint                position,
               guint                removed,
               guint                added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
model_insert (GovorunAccountStore *self,
              GovorunAccount      *account)
{
  guint pos = sorted_position (self, account);

  g_ptr_array_insert (self->accounts, pos, g_object_ref (account));
  model_changed (self, pos, 0, 1);
}

static void
model_remove (GovorunAccountStore *self,
              const char          *uuid)
{
  guint pos;

  if (!find_position (self, uuid, &pos))
    return;
  g_ptr_array_remove_index (self->accounts, pos);
  model_changed (self, pos, 1, 0);
}

/* After an account's fields changed: move it if its place changed, and
 * tell views to redraw its row either way. */
static void
model_resort (GovorunAccountStore *self,
              GovorunAccount      *account)
{
  g_autoptr(GovorunAccount) keep = g_object_ref (account);
  guint old_pos, new_pos;

  if (!find_position (self, govorun_account_get_uuid (account), &old_pos))
    return;

  g_ptr_array_remove_index (self->accounts, old_pos);
  new_pos = sorted_position (self, account);
  g_ptr_array_insert (self->accounts, new_pos, g_object_ref (account));

  if (old_pos == new_pos)
    {
      model_changed (self, old_pos, 1, 1);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
}

static GType
govorun_account_store_get_item_type (GListModel *model)
{
  return GOVORUN_TYPE_ACCOUNT;
}

static guint
govorun_account_store_get_n_items (GListModel *model)
{
  return GOVORUN_ACCOUNT_STORE (model)->accounts->len;
}

static gpointer
govorun_account_store_get_item (GListModel *model,
                                guint       position)
{
  GovorunAccountStore *self = GOVORUN_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
govorun_account_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = govorun_account_store_get_item_type;
  iface->get_n_items = govorun_account_store_get_n_items;
  iface->get_item = govorun_account_store_get_item;
}

/* --- the operation queue ------------------------------------------------ */

typedef enum
{
  OP_LOAD,
  OP_ADD,
  OP_UPDATE,
  OP_REMOVE,
  OP_LOOKUP_SECRET,
  OP_SET_TEST_RESULT,
} OpKind;

typedef struct
{
  OpKind          kind;
  char           *uuid;
  GovorunAccount *account;        /* add: the draft; update: the edited copy */
  char           *secret;         /* wiped when freed */
  char           *label;
  GovorunAccountRecord     *row;            /* add, update: what is being written */
  guint           old_generation;
  guint           new_generation;
  gboolean        test_ok;
  char           *test_summary;
  GError         *error;          /* the error being reported while rolling back */

  /* load */
  GPtrArray      *rows;           /* of GovorunAccountRecord */
  GPtrArray      *refs;           /* of GovorunSecretRef */
  GPtrArray      *repairs;        /* of Repair */
  guint           next_repair;
} Op;

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

static void
op_free (Op *op)
{
  g_free (op->uuid);
  g_clear_object (&op->account);
  g_clear_pointer (&op->secret, govorun_secret_free);
  g_free (op->label);
  g_clear_pointer (&op->row, govorun_account_record_free);
  g_free (op->test_summary);
  g_clear_error (&op->error);
  g_clear_pointer (&op->rows, g_ptr_array_unref);
  g_clear_pointer (&op->refs, g_ptr_array_unref);
  g_clear_pointer (&op->repairs, g_ptr_array_unref);
  g_free (op);
}

static void op_start (GTask *task);

static void
ops_run_next (GovorunAccountStore *self)
{
  while (self->current == NULL && !g_queue_is_empty (&self->ops))
    {
      GTask *task = g_queue_pop_head (&self->ops);

      self->current = task;   /* takes the queue's reference */
      op_start (task);
    }
}

static void
ops_enqueue (GovorunAccountStore *self,
             GTask               *task)
{
  g_queue_push_tail (&self->ops, g_object_ref (task));
  ops_run_next (self);
}

/* Ends the running operation and starts the next one. */
static void
op_return (GTask          *task,
           GError         *error,
           gpointer        result,
           GDestroyNotify  result_destroy,
           gboolean        boolean)
{
  g_autoptr(GovorunAccountStore) self = g_object_ref (g_task_get_source_object (task));

  g_assert (self->current == task);
  self->current = NULL;

  /* The records' codes are the service's own (see the header). */
  if (error != NULL && error->domain == GOVORUN_ACCOUNT_RECORDS_ERROR)
    error->domain = GOVORUN_ACCOUNT_STORE_ERROR;

  if (error != NULL)
    g_task_return_error (task, error);
  else if (boolean)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_pointer (task, result, result_destroy);
  g_object_unref (task);

  ops_run_next (self);
}

static void
op_return_error (GTask  *task,
                 GError *error)
{
  op_return (task, error, NULL, NULL, FALSE);
}

static void
op_return_true (GTask *task)
{
  op_return (task, NULL, NULL, NULL, TRUE);
}

static GTask *
op_task_new (GovorunAccountStore *self,
             OpKind               kind,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  g_task_set_source_tag (task, source_tag);
  op->kind = kind;
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  /* Results report what really happened: an operation that completed is a
   * success even if its cancellable fired at the last moment. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

static const char *
kind_label (GovorunAccountKind kind)
{
  return kind == GOVORUN_ACCOUNT_KIND_VOXIMPLANT ? "voximplant" : "elevenlabs";
}

static char *
make_label (GovorunAccountRecord *row)
{
  /* Translators: the label of the keyring item, as Seahorse shows it;
   * %s is the account's name. */
  if (row->kind == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    return g_strdup_printf (_("Govorun: Voximplant account “%s”"), row->display_name);
  return g_strdup_printf (_("Govorun: ElevenLabs key “%s”"), row->display_name);
}

/* --- load and crash recovery --------------------------------------------- */

static void load_run_repairs (GTask *task);

static void
load_finish_model (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_len = self->accounts->len;

  for (guint i = 0; i < op->rows->len; i++)
    {
      GovorunAccountRecord *row = g_ptr_array_index (op->rows, i);
      GovorunAccount *account = NULL;
      guint pos;

      if (!g_str_equal (row->state, "ready"))
        continue;

      /* Keep the objects views already hold. */
      if (find_position (self, row->uuid, &pos))
        {
          account = g_object_ref (g_ptr_array_index (self->accounts, pos));
          account_apply_row (account, row);
        }
      else
        {
          account = account_new_from_row (row);
        }
      g_ptr_array_add (accounts, account);
    }
  g_ptr_array_sort (accounts, compare_account_ptrs);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  self->accounts = g_steal_pointer (&accounts);
  g_debug ("Loaded %u accounts", self->accounts->len);
  if (old_len > 0 || self->accounts->len > 0)
    model_changed (self, 0, old_len, self->accounts->len);

  op_return_true (task);
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
      op_return_error (task, error);
      return;
    }

  govorun_secrets_list_async (self->secrets, g_task_get_cancellable (task),
                              on_load_listed, g_object_ref (task));
}

static void
load_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);

  govorun_account_records_read_all_async (self->store, g_task_get_cancellable (task),
                                          on_load_rows_read, g_object_ref (task));
}

/* --- add ------------------------------------------------------------------ */

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

  op_return_error (task, g_steal_pointer (&op->error));
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

  account = account_new_from_row (op->row);
  model_insert (self, account);
  g_debug ("Added %s account %s", kind_label (op->row->kind), op->uuid);
  op_return (task, NULL, g_steal_pointer (&account), g_object_unref, FALSE);
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

  maybe_crash ("after-secret");

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
      op_return_error (task, error);
      return;
    }
  op->row->id = id;

  maybe_crash ("after-row");

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      add_rollback (task, error, FALSE);
      return;
    }

  govorun_secrets_store_async (self->secrets, op->uuid, op->row->secret_generation, op->label,
                               op->secret, g_task_get_cancellable (task),
                               on_add_secret_stored, g_object_ref (task));
}

static void
add_start (GTask *task)
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

  op_return_true (task);
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

  op_return_error (task, g_steal_pointer (&op->error));
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
  guint pos;

  govorun_account_records_update_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    {
      if (op->new_generation != op->old_generation)
        update_rollback (task, error);
      else
        op_return_error (task, error);
      return;
    }

  if (find_position (self, op->uuid, &pos))
    {
      account = g_ptr_array_index (self->accounts, pos);
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
      model_resort (self, account);
    }
  g_debug ("Updated account %s", op->uuid);

  if (op->new_generation == op->old_generation)
    {
      op_return_true (task);
      return;
    }

  maybe_crash ("update-after-row");

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

  maybe_crash ("update-after-secret");

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      update_rollback (task, error);
      return;
    }

  update_write_row (task);
}

static gboolean validate_account (GovorunAccount  *account,
                                  GError         **error);

static void
update_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GovorunAccount *current;
  GError *error = NULL;
  guint pos;

  if (!find_position (self, op->uuid, &pos))
    {
      set_gone_error (&error);
      op_return_error (task, error);
      return;
    }
  current = g_ptr_array_index (self->accounts, pos);

  if (govorun_account_get_kind (current) != govorun_account_get_kind (op->account))
    {
      op_return_error (task, g_error_new (GOVORUN_ACCOUNT_STORE_ERROR,
                                          GOVORUN_ACCOUNT_STORE_ERROR_INVALID,
                                          _("An account cannot change between Voximplant and ElevenLabs. Add a new account instead.")));
      return;
    }

  op->row = account_row_new_from_account (op->account);
  op->row->created_at = govorun_account_get_created_at (current);
  op->row->updated_at = now_seconds ();
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
  op->label = make_label (op->row);
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
      op_return_error (task, error);
      return;
    }

  g_debug ("Removed account %s", op->uuid);
  op_return_true (task);
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
      op_return_error (task, error);
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
      op_return_error (task, error);
      return;
    }

  /* From here on the removal only goes forward. */
  model_remove (self, op->uuid);

  maybe_crash ("remove-after-mark");

  govorun_secrets_clear_async (self->secrets, op->uuid, -1, NULL,
                               on_remove_cleared, g_object_ref (task));
}

static void
remove_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  guint pos;

  if (!find_position (self, op->uuid, &pos))
    {
      GError *error = NULL;

      set_gone_error (&error);
      op_return_error (task, error);
      return;
    }

  govorun_account_records_mark_deleting_async (self->store, op->uuid, g_task_get_cancellable (task),
                                               on_remove_marked, g_object_ref (task));
}

/* --- lookup secret, test result ------------------------------------------ */

static void
on_secret_looked_up (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  secret = govorun_secrets_lookup_finish (GOVORUN_SECRETS (object), result, &error);
  if (secret == NULL)
    op_return_error (task, error);
  else
    op_return (task, NULL, secret, (GDestroyNotify) govorun_secret_free, FALSE);
}

static void
lookup_secret_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GovorunAccount *current;
  guint pos;

  if (!find_position (self, op->uuid, &pos))
    {
      GError *error = NULL;

      set_gone_error (&error);
      op_return_error (task, error);
      return;
    }
  current = g_ptr_array_index (self->accounts, pos);

  /* The generation of the saved account, not of a possibly stale copy. */
  govorun_secrets_lookup_async (self->secrets, op->uuid,
                                govorun_account_get_secret_generation (current),
                                g_task_get_cancellable (task),
                                on_secret_looked_up, g_object_ref (task));
}

static void
on_test_result_written (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;
  guint pos;

  govorun_account_records_set_test_result_finish (GOVORUN_STORE (object), result, &error);
  if (error != NULL)
    {
      op_return_error (task, error);
      return;
    }

  if (find_position (self, op->uuid, &pos))
    {
      GovorunAccount *account = g_ptr_array_index (self->accounts, pos);

      g_object_freeze_notify (G_OBJECT (account));
      govorun_account_set_last_test_at (account, op->row->last_test_at);
      govorun_account_set_last_test_ok (account, op->test_ok);
      govorun_account_set_last_test_summary (account, op->test_summary);
      g_object_thaw_notify (G_OBJECT (account));
    }

  op_return_true (task);
}

static void
set_test_result_start (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  op->row = g_new0 (GovorunAccountRecord, 1);
  op->row->last_test_at = now_seconds ();

  govorun_account_records_set_test_result_async (self->store, op->uuid, op->row->last_test_at,
                                                 op->test_ok, op->test_summary,
                                                 g_task_get_cancellable (task), on_test_result_written,
                                                 g_object_ref (task));
}

static void
op_start (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      op_return_error (task, error);
      return;
    }

  switch (op->kind)
    {
    case OP_LOAD:
      load_start (task);
      break;
    case OP_ADD:
      add_start (task);
      break;
    case OP_UPDATE:
      update_start (task);
      break;
    case OP_REMOVE:
      remove_start (task);
      break;
    case OP_LOOKUP_SECRET:
      lookup_secret_start (task);
      break;
    case OP_SET_TEST_RESULT:
      set_test_result_start (task);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* --- validation ------------------------------------------------------------ */

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;
  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;
  return TRUE;
}

static gboolean
is_digits (const char *str)
{
  g_autofree char *stripped = strdup_stripped (str);

  if (stripped == NULL || *stripped == '\0')
    return FALSE;
  for (const char *p = stripped; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_INVALID,
                       message);
  return FALSE;
}

static gboolean
validate_account (GovorunAccount  *account,
                  GError         **error)
{
  const char *name = govorun_account_get_display_name (account);

  if (is_blank (name))
    return invalid (error, _("Enter a name for the account."));
  if (!g_utf8_validate (name, -1, NULL))
    return invalid (error, _("The account name is not valid text. Enter it again."));

  if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    {
      const char *key_id = govorun_account_get_vox_key_id (account);
      const char *email = govorun_account_get_vox_account_email (account);

      if (!is_digits (govorun_account_get_vox_account_id (account)))
        return invalid (error, _("The Voximplant account ID must be a number, such as 1234567. It is shown in the Voximplant control panel."));
      if (govorun_account_get_vox_auth (account) == GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT &&
          (is_blank (key_id) || !g_utf8_validate (key_id, -1, NULL)))
        return invalid (error, _("The service account key ID is missing. Load the service account credentials file again."));
      if (email != NULL && !g_utf8_validate (email, -1, NULL))
        return invalid (error, _("The account email address is not valid text. Enter it again."));
    }
  else if (!govorun_account_is_valid_el_region (govorun_account_get_el_region (account)))
    {
      return invalid (error, _("Choose the ElevenLabs region of this key: Global, US, EU, India or Singapore."));
    }

  return TRUE;
}

static gboolean
validate_secret (const char  *secret,
                 GError     **error)
{
  if (is_blank (secret))
    return invalid (error, _("The key is empty. Paste the API key or load the credentials file, then try again."));
  if (!g_utf8_validate (secret, -1, NULL))
    return invalid (error, _("The key is not valid text. Paste it again."));
  return TRUE;
}

/* --- GObject -------------------------------------------------------------- */

static void
govorun_account_store_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GovorunAccountStore *self = GOVORUN_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SECRETS:
      g_value_set_object (value, self->secrets);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->accounts->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_account_store_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GovorunAccountStore *self = GOVORUN_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SECRETS:
      self->secrets = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_account_store_dispose (GObject *object)
{
  GovorunAccountStore *self = GOVORUN_ACCOUNT_STORE (object);

  /* Queued operations hold a reference to us, so the queue is empty here
   * unless dispose was forced. */
  g_queue_clear_full (&self->ops, g_object_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->secrets);
  if (self->accounts != NULL)
    g_ptr_array_set_size (self->accounts, 0);

  G_OBJECT_CLASS (govorun_account_store_parent_class)->dispose (object);
}

static void
govorun_account_store_finalize (GObject *object)
{
  GovorunAccountStore *self = GOVORUN_ACCOUNT_STORE (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (govorun_account_store_parent_class)->finalize (object);
}

static void
govorun_account_store_class_init (GovorunAccountStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = govorun_account_store_get_property;
  object_class->set_property = govorun_account_store_set_property;
  object_class->dispose = govorun_account_store_dispose;
  object_class->finalize = govorun_account_store_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GOVORUN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRETS] =
    g_param_spec_object ("secrets", NULL, NULL, GOVORUN_TYPE_SECRETS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_account_store_init (GovorunAccountStore *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->ops);
}

/**
 * govorun_account_store_new:
 * @store: an open #GovorunStore
 * @secrets: the profile's #GovorunSecrets
 *
 * Returns: (transfer full): an empty service; call
 *   govorun_account_store_load_async() next
 */
GovorunAccountStore *
govorun_account_store_new (GovorunStore   *store,
                           GovorunSecrets *secrets)
{
  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);
  g_return_val_if_fail (GOVORUN_IS_SECRETS (secrets), NULL);

  return g_object_new (GOVORUN_TYPE_ACCOUNT_STORE,
                       "store", store,
                       "secrets", secrets,
                       NULL);
}

GovorunStore *
govorun_account_store_get_store (GovorunAccountStore *self)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), NULL);
  return self->store;
}

GovorunSecrets *
govorun_account_store_get_secrets (GovorunAccountStore *self)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), NULL);
  return self->secrets;
}

/**
 * govorun_account_store_load_async:
 * @self: a #GovorunAccountStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the model holds the saved accounts
 * @user_data: data for @callback
 *
 * Repairs whatever an interrupted add, update or remove left behind (when
 * the keyring is usable), then fills the model with the saved accounts.
 */
void
govorun_account_store_load_async (GovorunAccountStore *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OP_LOAD, govorun_account_store_load_async,
                      cancellable, callback, user_data);
  ops_enqueue (self, task);
}

gboolean
govorun_account_store_load_finish (GovorunAccountStore  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_account_store_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * govorun_account_store_add_async:
 * @self: a #GovorunAccountStore
 * @account: the new account (not saved yet: no uuid); not modified
 * @secret: its API key or service-account credentials JSON
 * @cancellable: (nullable): cancelling rolls the add back, unless it has
 *   already completed
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves a new account and its key. On any failure nothing is left behind.
 */
void
govorun_account_store_add_async (GovorunAccountStore *self,
                                 GovorunAccount      *account,
                                 const char          *secret,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Op *op;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OP_ADD, govorun_account_store_add_async,
                      cancellable, callback, user_data);

  /* Validation comes before any write. */
  if (!validate_account (account, &error) || !validate_secret (secret, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  op = g_task_get_task_data (task);
  op->uuid = govorun_uuid_new ();
  op->secret = g_strdup (secret);
  op->row = account_row_new_from_account (account);
  g_free (op->row->uuid);
  op->row->uuid = g_strdup (op->uuid);
  op->row->secret_generation = 1;
  op->row->created_at = op->row->updated_at = now_seconds ();
  op->row->last_test_at = 0;
  op->row->last_test_ok = FALSE;
  g_clear_pointer (&op->row->last_test_summary, g_free);
  op->label = make_label (op->row);

  ops_enqueue (self, task);
}

/**
 * govorun_account_store_add_finish:
 * @self: a #GovorunAccountStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the saved account, as held by the model
 */
GovorunAccount *
govorun_account_store_add_finish (GovorunAccountStore  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_account_store_add_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * govorun_account_store_update_async:
 * @self: a #GovorunAccountStore
 * @edited_copy: a copy (govorun_account_copy()) of a saved account, edited
 * @new_secret: (nullable): a replacement key, or %NULL to keep the key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves the copy's fields into the saved account (uuid, kind, creation time
 * and test results are not taken from the copy). With @new_secret the
 * account moves to the new key only once it is safely stored.
 */
void
govorun_account_store_update_async (GovorunAccountStore *self,
                                    GovorunAccount      *edited_copy,
                                    const char          *new_secret,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Op *op;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (edited_copy));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OP_UPDATE, govorun_account_store_update_async,
                      cancellable, callback, user_data);

  if (govorun_account_get_uuid (edited_copy) == NULL)
    {
      set_gone_error (&error);
      g_task_return_error (task, error);
      return;
    }
  if (!validate_account (edited_copy, &error) ||
      (new_secret != NULL && !validate_secret (new_secret, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  op = g_task_get_task_data (task);
  op->uuid = g_strdup (govorun_account_get_uuid (edited_copy));
  /* A snapshot: later edits of the caller's copy do not leak in. */
  op->account = govorun_account_copy (edited_copy);
  op->secret = g_strdup (new_secret);

  ops_enqueue (self, task);
}

gboolean
govorun_account_store_update_finish (GovorunAccountStore  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_account_store_update_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
enqueue_for_account (GovorunAccountStore *self,
                     GTask               *task,
                     GovorunAccount      *account)
{
  Op *op = g_task_get_task_data (task);

  if (govorun_account_get_uuid (account) == NULL)
    {
      GError *error = NULL;

      set_gone_error (&error);
      g_task_return_error (task, error);
      return;
    }

  op->uuid = g_strdup (govorun_account_get_uuid (account));
  ops_enqueue (self, task);
}

/**
 * govorun_account_store_remove_async:
 * @self: a #GovorunAccountStore
 * @account: a saved account (or a copy of one)
 * @cancellable: (nullable): honoured until the removal has started
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes the account and every key it had. Once started the removal only
 * goes forward: if the keyring fails, the account is still gone from the
 * model, an error is returned, and the next load finishes the job.
 */
void
govorun_account_store_remove_async (GovorunAccountStore *self,
                                    GovorunAccount      *account,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OP_REMOVE, govorun_account_store_remove_async,
                      cancellable, callback, user_data);
  enqueue_for_account (self, task, account);
}

gboolean
govorun_account_store_remove_finish (GovorunAccountStore  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_account_store_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * govorun_account_store_lookup_secret_async:
 * @self: a #GovorunAccountStore
 * @account: a saved account (or a copy of one)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 */
void
govorun_account_store_lookup_secret_async (GovorunAccountStore *self,
                                           GovorunAccount      *account,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OP_LOOKUP_SECRET, govorun_account_store_lookup_secret_async,
                      cancellable, callback, user_data);
  /* A key read after a cancel would only be wiped unused. */
  g_task_set_check_cancellable (task, TRUE);
  enqueue_for_account (self, task, account);
}

/**
 * govorun_account_store_lookup_secret_finish:
 * @self: a #GovorunAccountStore
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the key; free it with
 *   govorun_secret_free()
 */
char *
govorun_account_store_lookup_secret_finish (GovorunAccountStore  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_account_store_lookup_secret_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * govorun_account_store_set_test_result_async:
 * @self: a #GovorunAccountStore
 * @account: a saved account (or a copy of one)
 * @ok: whether the test passed
 * @summary: (nullable): what the test found, e.g. "Acme LLC · 1 234.50 USD";
 *   never a secret
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves what "Test connection" found, with the current time.
 */
void
govorun_account_store_set_test_result_async (GovorunAccountStore *self,
                                             GovorunAccount      *account,
                                             gboolean             ok,
                                             const char          *summary,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Op *op;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OP_SET_TEST_RESULT, govorun_account_store_set_test_result_async,
                      cancellable, callback, user_data);
  op = g_task_get_task_data (task);
  op->test_ok = !!ok;
  op->test_summary = g_strdup (summary);
  enqueue_for_account (self, task, account);
}

gboolean
govorun_account_store_set_test_result_finish (GovorunAccountStore  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_account_store_set_test_result_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * govorun_account_store_find_by_uuid:
 * @self: a #GovorunAccountStore
 * @uuid: (nullable): an account's uuid
 *
 * Returns: (transfer none) (nullable): the saved account, or %NULL
 */
GovorunAccount *
govorun_account_store_find_by_uuid (GovorunAccountStore *self,
                                    const char          *uuid)
{
  guint pos;

  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), NULL);

  if (!find_position (self, uuid, &pos))
    return NULL;
  return g_ptr_array_index (self->accounts, pos);
}

guint
govorun_account_store_count_kind (GovorunAccountStore *self,
                                  GovorunAccountKind   kind)
{
  guint n = 0;

  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), 0);

  for (guint i = 0; i < self->accounts->len; i++)
    if (govorun_account_get_kind (g_ptr_array_index (self->accounts, i)) == kind)
      n++;
  return n;
}
