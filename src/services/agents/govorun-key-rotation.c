/* govorun-key-rotation.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunKeyRotation"

#include "config.h"

#include "govorun-client-factory.h"
#include "govorun-key-rotation.h"
#include "govorun-scenario-generator.h"
#include "govorun-secrets.h"
#include "govorun-voximplant-client.h"

struct _GovorunKeyRotation
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunAgentStore    *agents;
};

G_DEFINE_FINAL_TYPE (GovorunKeyRotation, govorun_key_rotation, G_TYPE_OBJECT)

/* One rotation: the new key, then one SetSecretInfo per application. */
typedef struct
{
  char      *key;        /* a secret */
  GPtrArray *agents;     /* GovorunAgent, deployed with the account */
  guint      pending;
  guint      updated;
  GError    *error;      /* the first failure */
} Rotation;

static void
rotation_free (Rotation *rotation)
{
  g_clear_pointer (&rotation->key, govorun_secret_free);
  g_clear_pointer (&rotation->agents, g_ptr_array_unref);
  g_clear_error (&rotation->error);
  g_free (rotation);
}

static void
rotation_dec (GTask *task)
{
  Rotation *rotation = g_task_get_task_data (task);

  if (--rotation->pending > 0)
    return;
  if (rotation->error != NULL)
    g_task_return_error (task, g_steal_pointer (&rotation->error));
  else
    g_task_return_int (task, rotation->updated);
}

static void
rotation_failed (GTask        *task,
                 GovorunAgent *agent,
                 const GError *error)
{
  Rotation *rotation = g_task_get_task_data (task);

  g_warning ("Could not update the ElevenLabs key of agent %s in Voximplant: %s",
             govorun_agent_get_uuid (agent), error->message);
  if (rotation->error == NULL)
    rotation->error = g_error_copy (error);
}

typedef struct
{
  GTask        *task;
  GovorunAgent *agent;
} Update;

static void
update_free (Update *update)
{
  g_object_unref (update->task);
  g_object_unref (update->agent);
  g_free (update);
}

static void
on_secret_set (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Update *update = user_data;
  Rotation *rotation = g_task_get_task_data (update->task);
  g_autoptr(GError) error = NULL;

  if (govorun_voximplant_client_set_secret_info_finish (GOVORUN_VOXIMPLANT_CLIENT (object), result, &error))
    rotation->updated++;
  else
    rotation_failed (update->task, update->agent, error);
  rotation_dec (update->task);
  update_free (update);
}

static void
on_client (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Update *update = user_data;
  Rotation *rotation = g_task_get_task_data (update->task);
  g_autoptr(GovorunVoximplantClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (object), result, &error);
  if (client == NULL)
    {
      rotation_failed (update->task, update->agent, error);
      rotation_dec (update->task);
      update_free (update);
      return;
    }
  govorun_voximplant_client_set_secret_info_async (client, govorun_agent_get_application_id (update->agent),
                                                   GOVORUN_SCENARIO_KEY_SECRET_NAME, rotation->key,
                                                   g_task_get_cancellable (update->task), on_secret_set, update);
}

static void
on_key (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunKeyRotation *self = g_task_get_source_object (task);
  Rotation *rotation = g_task_get_task_data (task);
  GError *error = NULL;

  rotation->key = govorun_account_store_lookup_secret_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);
  if (rotation->key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  rotation->pending = 1;   /* held until every request is out */
  for (guint i = 0; i < rotation->agents->len; i++)
    {
      GovorunAgent *agent = g_ptr_array_index (rotation->agents, i);
      GovorunAccount *vox = govorun_account_store_find_by_uuid (self->accounts,
                                                                govorun_agent_get_vox_account_uuid (agent));
      Update *update;

      if (vox == NULL)
        continue;
      update = g_new0 (Update, 1);
      update->task = g_object_ref (task);
      update->agent = g_object_ref (agent);
      rotation->pending++;
      govorun_client_factory_voximplant_async (self->factory, vox, NULL, g_task_get_cancellable (task),
                                               on_client, update);
    }
  rotation_dec (task);
}

void
govorun_key_rotation_rotate_async (GovorunKeyRotation  *self,
                                   GovorunAccount      *el_account,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Rotation *rotation;
  GListModel *agents;

  g_return_if_fail (GOVORUN_IS_KEY_ROTATION (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (el_account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_key_rotation_rotate_async);
  rotation = g_new0 (Rotation, 1);
  rotation->agents = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, rotation, (GDestroyNotify) rotation_free);

  /* The agents whose application holds this account's key. */
  agents = G_LIST_MODEL (self->agents);
  for (guint i = 0; i < g_list_model_get_n_items (agents); i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (agents, i);

      if (g_strcmp0 (govorun_agent_get_el_account_uuid (agent), govorun_account_get_uuid (el_account)) == 0
          && govorun_agent_get_engine (agent) == GOVORUN_AGENT_ENGINE_ELEVENLABS
          && govorun_agent_get_application_id (agent) != 0
          && !govorun_agent_get_key_in_scenario (agent))
        g_ptr_array_add (rotation->agents, g_object_ref (agent));
    }
  if (rotation->agents->len == 0)
    {
      g_task_return_int (task, 0);
      return;
    }

  govorun_account_store_lookup_secret_async (self->accounts, el_account, cancellable, on_key,
                                             g_steal_pointer (&task));
}

guint
govorun_key_rotation_rotate_finish (GovorunKeyRotation  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  gssize updated;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  updated = g_task_propagate_int (G_TASK (result), error);
  return updated > 0 ? (guint) updated : 0;
}

/* --- watching the accounts ---------------------------------------------------- */

static void
on_rotated (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint updated;

  updated = govorun_key_rotation_rotate_finish (GOVORUN_KEY_ROTATION (object), result, &error);
  if (error == NULL && updated > 0)
    g_debug ("The new ElevenLabs key is in %u Voximplant application(s)", updated);
}

static void
on_generation_changed (GovorunAccount     *account,
                       GParamSpec         *pspec,
                       GovorunKeyRotation *self)
{
  govorun_key_rotation_rotate_async (self, account, NULL, on_rotated, NULL);
}

static void
watch (GovorunKeyRotation *self,
       GovorunAccount     *account)
{
  if (govorun_account_get_kind (account) != GOVORUN_ACCOUNT_KIND_ELEVENLABS
      || g_object_get_data (G_OBJECT (account), "govorun-key-rotation") == self)
    return;
  g_object_set_data (G_OBJECT (account), "govorun-key-rotation", self);
  g_signal_connect_object (account, "notify::secret-generation", G_CALLBACK (on_generation_changed), self, 0);
}

static void
on_accounts_changed (GListModel         *accounts,
                     guint               position,
                     guint               removed,
                     guint               added,
                     GovorunKeyRotation *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (accounts, i);

      watch (self, account);
    }
}

static void
govorun_key_rotation_dispose (GObject *object)
{
  GovorunKeyRotation *self = GOVORUN_KEY_ROTATION (object);

  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);
  g_clear_object (&self->agents);

  G_OBJECT_CLASS (govorun_key_rotation_parent_class)->dispose (object);
}

static void
govorun_key_rotation_class_init (GovorunKeyRotationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_key_rotation_dispose;
}

static void
govorun_key_rotation_init (GovorunKeyRotation *self)
{
}

GovorunKeyRotation *
govorun_key_rotation_new (GovorunClientFactory *factory,
                          GovorunAccountStore  *accounts,
                          GovorunAgentStore    *agents)
{
  GovorunKeyRotation *self = g_object_new (GOVORUN_TYPE_KEY_ROTATION, NULL);

  self->factory = g_object_ref (factory);
  self->accounts = g_object_ref (accounts);
  self->agents = g_object_ref (agents);
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (on_accounts_changed), self, 0);
  on_accounts_changed (G_LIST_MODEL (accounts), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (accounts)), self);
  return self;
}
