/* govorun-secrets.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunSecrets"

#include "config.h"

#include "govorun-secrets.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#define ATTR_PROFILE    "profile"
#define ATTR_ACCOUNT    "account"
#define ATTR_GENERATION "generation"

/*
 * The schema name is matched too (no SECRET_SCHEMA_DONT_MATCH_NAME, unlike
 * GNOME Calls): "profile" and "account" are common attribute names, and
 * crash recovery lists and clears every item of a profile, so an item of
 * another application must never match.
 */
static const SecretSchema credential_schema = {
  GOVORUN_SECRETS_SCHEMA_NAME,
  SECRET_SCHEMA_NONE,
  {
    { ATTR_PROFILE, SECRET_SCHEMA_ATTRIBUTE_STRING },
    { ATTR_ACCOUNT, SECRET_SCHEMA_ATTRIBUTE_STRING },
    { ATTR_GENERATION, SECRET_SCHEMA_ATTRIBUTE_INTEGER },
    { NULL, 0 },
  }
};

typedef enum
{
  OP_STORE,
  OP_LOOKUP,
  OP_CLEAR,
  OP_LIST,
} Operation;

struct _GovorunSecrets
{
  GObject  parent_instance;

  char    *profile;
  char    *collection;
};

G_DEFINE_FINAL_TYPE (GovorunSecrets, govorun_secrets, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-secrets-error-quark, govorun_secrets_error)

G_DEFINE_BOXED_TYPE (GovorunSecretRef, govorun_secret_ref,
                     govorun_secret_ref_copy, govorun_secret_ref_free)

GovorunSecretRef *
govorun_secret_ref_new (const char *uuid,
                        guint       generation)
{
  GovorunSecretRef *ref = g_new0 (GovorunSecretRef, 1);

  ref->uuid = g_strdup (uuid);
  ref->generation = generation;
  return ref;
}

GovorunSecretRef *
govorun_secret_ref_copy (const GovorunSecretRef *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return govorun_secret_ref_new (ref->uuid, ref->generation);
}

void
govorun_secret_ref_free (GovorunSecretRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->uuid);
  g_free (ref);
}

/**
 * govorun_secret_free:
 * @secret: (nullable): a secret returned by Govorun
 *
 * Overwrites the secret's bytes, then frees it.
 */
void
govorun_secret_free (char *secret)
{
  if (secret == NULL)
    return;
  secret_password_wipe (secret);
  g_free (secret);
}

static gboolean
is_unavailable (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    return TRUE;   /* no session bus, socket gone, … (CANCELLED is handled before) */

  if (error->domain == SECRET_ERROR)
    return error->code == SECRET_ERROR_IS_LOCKED;

  if (error->domain == G_DBUS_ERROR)
    switch (error->code)
      {
      case G_DBUS_ERROR_SERVICE_UNKNOWN:
      case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
      case G_DBUS_ERROR_NO_REPLY:
      case G_DBUS_ERROR_TIMEOUT:
      case G_DBUS_ERROR_TIMED_OUT:
      case G_DBUS_ERROR_DISCONNECTED:
      case G_DBUS_ERROR_NO_SERVER:
      case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
      case G_DBUS_ERROR_SPAWN_FORK_FAILED:
      case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
      case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
      case G_DBUS_ERROR_SPAWN_FAILED:
      case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
      case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        return TRUE;
      default:
        return FALSE;
      }

  return FALSE;
}

/* Turns a libsecret/D-Bus error into ours: a sentence saying what to do,
 * followed by the keyring's own message. Takes @error. */
static GError *
translate_error (GError    *error,
                 Operation  op)
{
  g_autoptr(GError) owned = error;
  const char *sentence;
  int code;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&owned);

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    {
      code = GOVORUN_SECRETS_ERROR_LOCKED;
      sentence = _("The keyring is locked. Unlock it (the system asks for its password), then try again.");
    }
  else if (is_unavailable (error))
    {
      code = GOVORUN_SECRETS_ERROR_UNAVAILABLE;
      sentence = _("The keyring is not available. Make sure a keyring service such as GNOME Keyring is running and unlocked, then try again.");
    }
  else
    {
      code = GOVORUN_SECRETS_ERROR_FAILED;
      switch (op)
        {
        case OP_STORE:
          sentence = _("Could not save the key in the keyring. Check that the keyring is unlocked and its collection exists, then try again.");
          break;
        case OP_LOOKUP:
          sentence = _("Could not read the key from the keyring. Check that the keyring is unlocked, then try again.");
          break;
        case OP_CLEAR:
          sentence = _("Could not remove the key from the keyring. Check that the keyring is unlocked, then try again.");
          break;
        case OP_LIST:
        default:
          sentence = _("Could not list Govorun’s keys in the keyring. Check that the keyring is unlocked, then try again.");
          break;
        }
    }

  return g_error_new (GOVORUN_SECRETS_ERROR, code, "%s (%s)", sentence, error->message);
}

/* Attribute values are strings; integers in decimal, as libsecret wants. */
static GHashTable *
build_attributes (GovorunSecrets *self,
                  const char     *account_uuid,
                  gint64          generation)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) ATTR_PROFILE, g_strdup (self->profile));
  if (account_uuid != NULL)
    g_hash_table_insert (attributes, (gpointer) ATTR_ACCOUNT, g_strdup (account_uuid));
  if (generation >= 0)
    g_hash_table_insert (attributes, (gpointer) ATTR_GENERATION,
                         g_strdup_printf ("%" G_GINT64_FORMAT, generation));
  return attributes;
}

static void
govorun_secrets_finalize (GObject *object)
{
  GovorunSecrets *self = GOVORUN_SECRETS (object);

  g_free (self->profile);
  g_free (self->collection);

  G_OBJECT_CLASS (govorun_secrets_parent_class)->finalize (object);
}

static void
govorun_secrets_class_init (GovorunSecretsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_secrets_finalize;
}

static void
govorun_secrets_init (GovorunSecrets *self)
{
  self->collection = g_strdup (SECRET_COLLECTION_DEFAULT);
}

/**
 * govorun_secrets_new:
 * @profile: %GOVORUN_PROFILE_DEFAULT or %GOVORUN_PROFILE_SANDBOX (any
 *   other name makes its own, separate set of items)
 *
 * Returns: (transfer full): a new #GovorunSecrets
 */
GovorunSecrets *
govorun_secrets_new (const char *profile)
{
  GovorunSecrets *self;

  g_return_val_if_fail (profile != NULL && *profile != '\0', NULL);

  self = g_object_new (GOVORUN_TYPE_SECRETS, NULL);
  self->profile = g_strdup (profile);
  return self;
}

const char *
govorun_secrets_get_profile (GovorunSecrets *self)
{
  g_return_val_if_fail (GOVORUN_IS_SECRETS (self), NULL);

  return self->profile;
}

/**
 * govorun_secrets_set_collection:
 * @self: a #GovorunSecrets
 * @collection: (nullable): an alias such as %SECRET_COLLECTION_DEFAULT or a
 *   collection's D-Bus object path; %NULL restores the default
 *
 * Where new items are stored. Look-ups and clears search every collection.
 */
void
govorun_secrets_set_collection (GovorunSecrets *self,
                                const char     *collection)
{
  g_return_if_fail (GOVORUN_IS_SECRETS (self));

  g_free (self->collection);
  self->collection = g_strdup (collection != NULL ? collection : SECRET_COLLECTION_DEFAULT);
}

const char *
govorun_secrets_get_collection (GovorunSecrets *self)
{
  g_return_val_if_fail (GOVORUN_IS_SECRETS (self), NULL);

  return self->collection;
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, translate_error (error, OP_STORE));
      return;
    }

  g_debug ("Stored a key for account %s (generation %u)",
           (const char *) g_task_get_task_data (task),
           GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "generation")));
  g_task_return_boolean (task, TRUE);
}

/**
 * govorun_secrets_store_async:
 * @self: a #GovorunSecrets
 * @account_uuid: the account's uuid
 * @generation: the key's generation (1 for a new account)
 * @label: (nullable): what keyring managers such as Seahorse show
 * @secret: the API key or credentials JSON; copied at once
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Stores (or replaces) the item (profile, @account_uuid, @generation).
 */
void
govorun_secrets_store_async (GovorunSecrets      *self,
                             const char          *account_uuid,
                             guint                generation,
                             const char          *label,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (GOVORUN_IS_SECRETS (self));
  g_return_if_fail (account_uuid != NULL && *account_uuid != '\0');
  g_return_if_fail (secret != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_secrets_store_async);
  g_task_set_task_data (task, g_strdup (account_uuid), g_free);
  g_object_set_data (G_OBJECT (task), "generation", GUINT_TO_POINTER (generation));

  attributes = build_attributes (self, account_uuid, generation);
  secret_password_storev (&credential_schema, attributes, self->collection,
                          label != NULL ? label : _("Govorun key"),
                          secret, cancellable, on_stored, g_steal_pointer (&task));
}

gboolean
govorun_secrets_store_finish (GovorunSecrets  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (GOVORUN_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_secrets_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_lookup_missing_checked (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (items != NULL)
    {
      g_list_free_full (items, g_object_unref);
      g_task_return_new_error (task, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_LOCKED,
                               _("The key is in the keyring, but the keyring stayed locked. Unlock it (the system asks for its password), then try again."));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_new_error (task, GOVORUN_SECRETS_ERROR, GOVORUN_SECRETS_ERROR_NOT_FOUND,
                           _("The key for this account is not in the keyring. Enter it again in the account’s settings."));
}

static void
on_looked_up (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, OP_LOOKUP));
      return;
    }
  if (secret == NULL)
    {
      /* libsecret says the same when the unlock prompt was dismissed or
       * failed: look, without unlocking, whether the item is there. */
      GHashTable *attributes = g_task_get_task_data (task);
      GCancellable *cancellable = g_task_get_cancellable (task);

      secret_password_searchv (&credential_schema, attributes, SECRET_SEARCH_NONE,
                               cancellable, on_lookup_missing_checked, g_steal_pointer (&task));
      return;
    }

  /* lookup_finish gives ordinary (g_malloc) memory, so a caller that
   * mistakenly uses g_free () does not crash; govorun_secret_free wipes. */
  g_task_return_pointer (task, secret, (GDestroyNotify) govorun_secret_free);
}

/**
 * govorun_secrets_lookup_async:
 * @self: a #GovorunSecrets
 * @account_uuid: the account's uuid
 * @generation: the generation wanted
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 */
void
govorun_secrets_lookup_async (GovorunSecrets      *self,
                              const char          *account_uuid,
                              guint                generation,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (GOVORUN_IS_SECRETS (self));
  g_return_if_fail (account_uuid != NULL && *account_uuid != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_secrets_lookup_async);

  attributes = build_attributes (self, account_uuid, generation);
  /* Kept for telling a missing item from a locked one afterwards. */
  g_task_set_task_data (task, g_hash_table_ref (attributes), (GDestroyNotify) g_hash_table_unref);
  secret_password_lookupv (&credential_schema, attributes, cancellable,
                           on_looked_up, g_steal_pointer (&task));
}

/**
 * govorun_secrets_lookup_finish:
 * @self: a #GovorunSecrets
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the secret, to be freed with
 *   govorun_secret_free(); %NULL with %GOVORUN_SECRETS_ERROR_NOT_FOUND when
 *   there is no such item
 */
char *
govorun_secrets_lookup_finish (GovorunSecrets  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (GOVORUN_IS_SECRETS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_secrets_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_cleared (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error means there was nothing to remove: fine. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, translate_error (error, OP_CLEAR));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * govorun_secrets_clear_async:
 * @self: a #GovorunSecrets
 * @account_uuid: the account's uuid
 * @generation: the generation to remove, or -1 for all of them
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes matching items. Succeeds when there was nothing to remove.
 */
void
govorun_secrets_clear_async (GovorunSecrets      *self,
                             const char          *account_uuid,
                             int                  generation,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (GOVORUN_IS_SECRETS (self));
  g_return_if_fail (account_uuid != NULL && *account_uuid != '\0');
  g_return_if_fail (generation >= -1);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_secrets_clear_async);

  g_debug ("Clearing keys of account %s (generation %d)", account_uuid, generation);
  attributes = build_attributes (self, account_uuid, generation);
  secret_password_clearv (&credential_schema, attributes, cancellable,
                          on_cleared, g_steal_pointer (&task));
}

gboolean
govorun_secrets_clear_finish (GovorunSecrets  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (GOVORUN_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_secrets_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_searched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) refs = NULL;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error, OP_LIST));
      return;
    }

  refs = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_secret_ref_free);
  for (const GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      const char *uuid = NULL;
      const char *generation = NULL;
      guint64 value;

      if (attributes != NULL)
        {
          uuid = g_hash_table_lookup (attributes, ATTR_ACCOUNT);
          generation = g_hash_table_lookup (attributes, ATTR_GENERATION);
        }

      /* Attributes come from outside (any client may write items of this
       * schema): skip what is not ours to interpret. */
      if (uuid == NULL || *uuid == '\0' || generation == NULL ||
          !g_ascii_string_to_unsigned (generation, 10, 0, G_MAXUINT, &value, NULL))
        {
          g_debug ("Skipping a keyring item with unexpected attributes");
          continue;
        }

      g_ptr_array_add (refs, govorun_secret_ref_new (uuid, (guint) value));
    }
  g_list_free_full (items, g_object_unref);

  g_task_return_pointer (task, g_steal_pointer (&refs), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * govorun_secrets_list_async:
 * @self: a #GovorunSecrets
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists every item of this profile, without reading any secret.
 */
void
govorun_secrets_list_async (GovorunSecrets      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (GOVORUN_IS_SECRETS (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_secrets_list_async);

  attributes = build_attributes (self, NULL, -1);
  secret_password_searchv (&credential_schema, attributes, SECRET_SEARCH_ALL, cancellable,
                           on_searched, g_steal_pointer (&task));
}

/**
 * govorun_secrets_list_finish:
 * @self: a #GovorunSecrets
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type GovorunSecretRef): the items, or
 *   %NULL with @error set
 */
GPtrArray *
govorun_secrets_list_finish (GovorunSecrets  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (GOVORUN_IS_SECRETS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_secrets_list_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
