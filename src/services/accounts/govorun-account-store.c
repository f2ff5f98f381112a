/* govorun-account-store.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-account-key.h"
#include "govorun-account-store-private.h"

/*
 * How an account is never half-saved
 *
 * The row in SQLite carries a state: 'pending' while its key is being put
 * in the keyring, 'ready' once both exist, 'deleting' while it goes away.
 * Only 'ready' rows are shown. Keys live in the keyring under (uuid,
 * secret_generation); replacing a key writes generation + 1 before the row
 * points at it, and removes the old one after. So at every instant the row
 * either points at a key that exists, or is not 'ready'. Load repairs what
 * an interruption left: non-ready rows and their keys go, and generations
 * older than the one a ready row points at go. Nothing else is deleted:
 * keyring items with no row are kept and offered back (see
 * govorun-account-store-unclaimed.c), and a ready row whose key is gone
 * moves to a newer generation when there is one.
 *
 * This file is the GObject and the public calls; the rest lives beside it
 * (see govorun-account-store-private.h): the operation queue,
 * load and recovery, the writes, the key lookup, validation, the
 * conversion between accounts and records, and the test-only crash points.
 */

/* The list itself: GovorunSortedList, sorted by kind, then display name. */
G_DEFINE_FINAL_TYPE (GovorunAccountStore, govorun_account_store, GOVORUN_TYPE_SORTED_LIST)

G_DEFINE_QUARK (govorun-account-store-error-quark, govorun_account_store_error)

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

enum {
  PROP_0,
  PROP_STORE,
  PROP_SECRETS,
  PROP_N_UNCLAIMED_KEYS,
  PROP_KEYRING_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
    case PROP_N_UNCLAIMED_KEYS:
      g_value_set_uint (value, govorun_account_store_get_n_unclaimed_keys (self));
      break;
    case PROP_KEYRING_PROBLEM:
      g_value_set_string (value, self->keyring_problem);
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

  G_OBJECT_CLASS (govorun_account_store_parent_class)->dispose (object);
}

static void
govorun_account_store_finalize (GObject *object)
{
  GovorunAccountStore *self = GOVORUN_ACCOUNT_STORE (object);

  g_clear_pointer (&self->unclaimed, g_ptr_array_unref);
  g_free (self->keyring_problem);

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
  /* Accounts whose keys are in the keyring without a row: see
   * govorun_account_store_restore_unclaimed_async(). */
  properties[PROP_N_UNCLAIMED_KEYS] =
    g_param_spec_uint ("n-unclaimed-keys", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Why the last load could not list the keyring (none running, locked),
   * as a sentence; %NULL when it could. Keys can be neither read nor
   * saved meanwhile, and a page should say so. */
  properties[PROP_KEYRING_PROBLEM] =
    g_param_spec_string ("keyring-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_account_store_init (GovorunAccountStore *self)
{
  govorun_sorted_list_setup (GOVORUN_SORTED_LIST (self), GOVORUN_TYPE_ACCOUNT,
                             (GCompareFunc) compare_accounts,
                             (GovorunSortedListKeyFunc) govorun_account_get_uuid);
  self->unclaimed = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_secret_ref_free);
  g_queue_init (&self->ops);
}

/* Takes the newest generation of each account in @refs. */
void
_govorun_account_store_set_unclaimed (GovorunAccountStore *self,
                                      GPtrArray           *refs)
{
  guint old_len = self->unclaimed->len;

  g_ptr_array_set_size (self->unclaimed, 0);
  for (guint i = 0; i < refs->len; i++)
    {
      const GovorunSecretRef *ref = g_ptr_array_index (refs, i);
      gboolean merged = FALSE;

      for (guint j = 0; j < self->unclaimed->len && !merged; j++)
        {
          GovorunSecretRef *known = g_ptr_array_index (self->unclaimed, j);

          if (g_str_equal (known->uuid, ref->uuid))
            {
              known->generation = MAX (known->generation, ref->generation);
              merged = TRUE;
            }
        }
      if (!merged)
        g_ptr_array_add (self->unclaimed, govorun_secret_ref_copy (ref));
    }

  if (old_len != self->unclaimed->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNCLAIMED_KEYS]);
}

void
_govorun_account_store_set_keyring_problem (GovorunAccountStore *self,
                                            const char          *problem)
{
  if (g_strcmp0 (self->keyring_problem, problem) == 0)
    return;
  g_free (self->keyring_problem);
  self->keyring_problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYRING_PROBLEM]);
}

/**
 * govorun_account_store_get_keyring_problem:
 * @self: a #GovorunAccountStore
 *
 * Returns: (nullable): why the last load could not use the keyring
 */
const char *
govorun_account_store_get_keyring_problem (GovorunAccountStore *self)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), NULL);

  return self->keyring_problem;
}

/**
 * govorun_account_store_get_n_unclaimed_keys:
 * @self: a #GovorunAccountStore
 *
 * Returns: how many accounts' keys the last load found in the keyring with
 *   no account in the database (kept, never deleted on their own)
 */
guint
govorun_account_store_get_n_unclaimed_keys (GovorunAccountStore *self)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), 0);

  return self->unclaimed->len;
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

  task = _govorun_account_store_op_task_new (self, OP_LOAD, govorun_account_store_load_async,
                                             cancellable, callback, user_data);
  _govorun_account_store_enqueue (self, task);
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
  char *clean_secret = NULL;
  Op *op;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_account_store_op_task_new (self, OP_ADD, govorun_account_store_add_async,
                                             cancellable, callback, user_data);

  /* Validation comes before any write. */
  if (!_govorun_account_store_validate_account (account, &error) ||
      (clean_secret = govorun_account_key_clean (account, secret, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  op = g_task_get_task_data (task);
  op->uuid = govorun_uuid_new ();
  op->secret = clean_secret;
  op->row = _govorun_account_store_row_new_from_account (account);
  g_free (op->row->uuid);
  op->row->uuid = g_strdup (op->uuid);
  op->row->secret_generation = 1;
  op->row->created_at = op->row->updated_at = _govorun_account_store_now ();
  op->row->last_test_at = 0;
  op->row->last_test_ok = FALSE;
  g_clear_pointer (&op->row->last_test_summary, g_free);
  op->label = _govorun_account_store_make_label (op->row);

  _govorun_account_store_enqueue (self, task);
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
 * govorun_account_store_add_without_key_async:
 * @self: a #GovorunAccountStore
 * @account: a new account (its uuid is ignored)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves an account whose key is not on this computer yet (the settings
 * file carries accounts without their keys): its secret generation is 0,
 * govorun_account_get_key_needed() is %TRUE, and nothing reaches the
 * keyring. Typing the key later is an update with a new key.
 */
void
govorun_account_store_add_without_key_async (GovorunAccountStore *self,
                                             GovorunAccount      *account,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Op *op;
  GError *error = NULL;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_account_store_op_task_new (self, OP_ADD, govorun_account_store_add_without_key_async,
                                             cancellable, callback, user_data);
  if (!_govorun_account_store_validate_account (account, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  op = g_task_get_task_data (task);
  op->uuid = govorun_uuid_new ();
  op->row = _govorun_account_store_row_new_from_account (account);
  g_free (op->row->uuid);
  op->row->uuid = g_strdup (op->uuid);
  op->row->secret_generation = 0;
  op->row->created_at = op->row->updated_at = _govorun_account_store_now ();
  op->row->last_test_at = 0;
  op->row->last_test_ok = FALSE;
  g_clear_pointer (&op->row->last_test_summary, g_free);

  _govorun_account_store_enqueue (self, task);
}

/**
 * govorun_account_store_add_without_key_finish:
 *
 * Returns: (transfer full): the saved account, as held by the model
 */
GovorunAccount *
govorun_account_store_add_without_key_finish (GovorunAccountStore  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_account_store_add_without_key_async,
                        NULL);

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
  char *clean_secret = NULL;
  Op *op;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (edited_copy));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_account_store_op_task_new (self, OP_UPDATE, govorun_account_store_update_async,
                                             cancellable, callback, user_data);

  if (govorun_account_get_uuid (edited_copy) == NULL)
    {
      _govorun_account_store_set_gone_error (&error);
      g_task_return_error (task, error);
      return;
    }
  if (!_govorun_account_store_validate_account (edited_copy, &error) ||
      (new_secret != NULL &&
       (clean_secret = govorun_account_key_clean (edited_copy, new_secret, &error)) == NULL))
    {
      g_task_return_error (task, error);
      return;
    }

  op = g_task_get_task_data (task);
  op->uuid = g_strdup (govorun_account_get_uuid (edited_copy));
  /* A snapshot: later edits of the caller's copy do not leak in. */
  op->account = govorun_account_copy (edited_copy);
  op->secret = clean_secret;

  _govorun_account_store_enqueue (self, task);
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

      _govorun_account_store_set_gone_error (&error);
      g_task_return_error (task, error);
      return;
    }

  op->uuid = g_strdup (govorun_account_get_uuid (account));
  _govorun_account_store_enqueue (self, task);
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

  task = _govorun_account_store_op_task_new (self, OP_REMOVE, govorun_account_store_remove_async,
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
  GovorunAccount *saved;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = _govorun_account_store_op_task_new (self, OP_LOOKUP_SECRET,
                                             govorun_account_store_lookup_secret_async,
                                             cancellable, callback, user_data);
  /* A key read after a cancel would only be wiped unused. */
  g_task_set_check_cancellable (task, TRUE);
  saved = govorun_account_store_find_by_uuid (self, govorun_account_get_uuid (account));
  if (saved != NULL && govorun_account_get_key_needed (saved))
    {
      /* Everything that needs the key stops here, with what to do. */
      g_task_return_new_error (task, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_KEY_NEEDED,
                               _("The account “%s” has no key on this computer yet, so it was skipped. Type its key on the Accounts page."),
                               govorun_account_get_display_name (saved));
      return;
    }
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

  task = _govorun_account_store_op_task_new (self, OP_SET_TEST_RESULT,
                                             govorun_account_store_set_test_result_async,
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
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), NULL);

  return govorun_sorted_list_find (GOVORUN_SORTED_LIST (self), uuid);
}

guint
govorun_account_store_count_kind (GovorunAccountStore *self,
                                  GovorunAccountKind   kind)
{
  guint n = 0;

  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), 0);

  for (guint i = 0; i < govorun_sorted_list_get_length (GOVORUN_SORTED_LIST (self)); i++)
    if (govorun_account_get_kind (govorun_sorted_list_peek (GOVORUN_SORTED_LIST (self), i)) == kind)
      n++;
  return n;
}
