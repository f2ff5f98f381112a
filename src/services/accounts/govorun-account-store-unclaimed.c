/* govorun-account-store-unclaimed.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-account-store-private.h"
#include "govorun-voximplant-credentials.h"

/*
 * Keys in the keyring that no row points at. Load never deletes them: the
 * database may have been moved aside or emptied, and then the keyring
 * holds the only copy. A person either restores them (each becomes an
 * account again, through the ordinary add, and only then is the old item
 * removed) or forgets them.
 */

typedef struct
{
  GPtrArray *refs;       /* of GovorunSecretRef: a snapshot */
  guint      next;
  guint      restored;
} Walk;

static void
walk_free (Walk *walk)
{
  g_clear_pointer (&walk->refs, g_ptr_array_unref);
  g_free (walk);
}

static GTask *
walk_new (GovorunAccountStore *self,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Walk *walk = g_new0 (Walk, 1);

  g_task_set_source_tag (task, source_tag);
  walk->refs = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_secret_ref_free);
  for (guint i = 0; i < self->unclaimed->len; i++)
    g_ptr_array_add (walk->refs, govorun_secret_ref_copy (g_ptr_array_index (self->unclaimed, i)));
  g_task_set_task_data (task, walk, (GDestroyNotify) walk_free);
  return task;
}

static void
drop_unclaimed (GovorunAccountStore *self,
                const char          *uuid)
{
  for (guint i = 0; i < self->unclaimed->len; i++)
    if (g_str_equal (((GovorunSecretRef *) g_ptr_array_index (self->unclaimed, i))->uuid, uuid))
      {
        g_ptr_array_remove_index (self->unclaimed, i);
        g_object_notify (G_OBJECT (self), "n-unclaimed-keys");
        return;
      }
}

/* Voximplant API keys are UUIDs; ElevenLabs keys never are. */
static gboolean
looks_like_uuid (const char *key)
{
  if (strlen (key) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    if ((i == 8 || i == 13 || i == 18 || i == 23) ? key[i] != '-' : !g_ascii_isxdigit (key[i]))
      return FALSE;
  return TRUE;
}

/* An account the key alone describes, or NULL. */
static GovorunAccount *
draft_for_key (const char *uuid,
               const char *key)
{
  g_autoptr(GovorunAccount) account = NULL;

  if (*key == '{')
    {
      g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *account_id = NULL;
      const char *email;

      credentials = govorun_voximplant_credentials_new_from_data (key, -1, &error);
      if (credentials == NULL)
        {
          g_debug ("Unclaimed key %s is not a credentials file: %s", uuid, error->message);
          return NULL;
        }
      account_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                    govorun_voximplant_credentials_get_account_id (credentials));
      email = govorun_voximplant_credentials_get_account_email (credentials);
      account = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
      govorun_account_set_vox_auth (account, GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT);
      govorun_account_set_vox_account_id (account, account_id);
      govorun_account_set_vox_key_id (account, govorun_voximplant_credentials_get_key_id (credentials));
      govorun_account_set_vox_account_email (account, email);
      govorun_account_set_display_name (account, email != NULL && *email != '\0' ? email : account_id);
      return g_steal_pointer (&account);
    }

  if (looks_like_uuid (key))
    return NULL;

  {
    g_autofree char *short_id = g_strndup (uuid, 8);
    g_autofree char *name = NULL;

    /* Translators: %s tells restored keys apart (the start of an ID) */
    name = g_strdup_printf (_("Restored ElevenLabs key %s"), short_id);
    account = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
    govorun_account_set_display_name (account, name);
    govorun_account_set_el_region (account, GOVORUN_EL_REGION_DEFAULT);
  }
  return g_steal_pointer (&account);
}

/* --- restore --------------------------------------------------------------- */

static void restore_next (GTask *task);

static void
on_restore_old_cleared (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* The account works with its new item; an old one left behind is
   * offered again, harmlessly. */
  if (!govorun_secrets_clear_finish (GOVORUN_SECRETS (object), result, &error))
    g_debug ("Could not remove a restored key's old item: %s", error->message);
  restore_next (task);
}

static void
on_restore_added (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Walk *walk = g_task_get_task_data (task);
  GovorunSecretRef *ref = g_ptr_array_index (walk->refs, walk->next - 1);

  account = govorun_account_store_add_finish (self, result, &error);
  if (account == NULL)
    {
      g_debug ("Unclaimed key %s stays: %s", ref->uuid, error->message);
      restore_next (task);
      return;
    }

  walk->restored++;
  drop_unclaimed (self, ref->uuid);
  govorun_secrets_clear_async (self->secrets, ref->uuid, -1, NULL,
                               on_restore_old_cleared, g_object_ref (task));
}

static void
on_restore_looked_up (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunAccount) draft = NULL;
  g_autoptr(GError) error = NULL;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Walk *walk = g_task_get_task_data (task);
  GovorunSecretRef *ref = g_ptr_array_index (walk->refs, walk->next - 1);
  g_autoptr(GovorunSecret) key = govorun_secrets_lookup_finish (GOVORUN_SECRETS (object), result, &error);

  if (key == NULL)
    {
      /* A locked or refused keyring: stop, and say so. */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  draft = draft_for_key (ref->uuid, key);
  if (draft == NULL)
    {
      restore_next (task);
      return;
    }

  govorun_account_store_add_async (self, draft, key, g_task_get_cancellable (task),
                                   on_restore_added, g_object_ref (task));
}

static void
restore_next (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Walk *walk = g_task_get_task_data (task);
  GovorunSecretRef *ref;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (walk->next >= walk->refs->len)
    {
      g_task_return_int (task, walk->restored);
      return;
    }

  ref = g_ptr_array_index (walk->refs, walk->next++);
  govorun_secrets_lookup_async (self->secrets, ref->uuid, ref->generation, g_task_get_cancellable (task),
                                on_restore_looked_up, g_object_ref (task));
}

void
govorun_account_store_restore_unclaimed_async (GovorunAccountStore *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = walk_new (self, cancellable, callback, user_data, govorun_account_store_restore_unclaimed_async);
  restore_next (task);
}

guint
govorun_account_store_restore_unclaimed_finish (GovorunAccountStore  *self,
                                                GAsyncResult         *result,
                                                GError              **error)
{
  gssize restored;

  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  restored = g_task_propagate_int (G_TASK (result), error);
  return restored < 0 ? 0 : (guint) restored;
}

/* --- forget ---------------------------------------------------------------- */

static void forget_next (GTask *task);

static void
on_forget_cleared (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunAccountStore *self = g_task_get_source_object (task);
  Walk *walk = g_task_get_task_data (task);
  GovorunSecretRef *ref = g_ptr_array_index (walk->refs, walk->next - 1);
  GError *error = NULL;

  if (!govorun_secrets_clear_finish (GOVORUN_SECRETS (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  drop_unclaimed (self, ref->uuid);
  forget_next (task);
}

static void
forget_next (GTask *task)
{
  GovorunAccountStore *self = g_task_get_source_object (task);
  Walk *walk = g_task_get_task_data (task);
  GovorunSecretRef *ref;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (walk->next >= walk->refs->len)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  ref = g_ptr_array_index (walk->refs, walk->next++);
  govorun_secrets_clear_async (self->secrets, ref->uuid, -1, g_task_get_cancellable (task),
                               on_forget_cleared, g_object_ref (task));
}

void
govorun_account_store_forget_unclaimed_async (GovorunAccountStore *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_ACCOUNT_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = walk_new (self, cancellable, callback, user_data, govorun_account_store_forget_unclaimed_async);
  forget_next (task);
}

gboolean
govorun_account_store_forget_unclaimed_finish (GovorunAccountStore  *self,
                                               GAsyncResult         *result,
                                               GError              **error)
{
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
