/* govorun-client-factory.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunClientFactory"

#include "config.h"

#include "govorun-client-factory.h"
#include "govorun-account-key.h"
#include "govorun-secrets.h"
#include "govorun-voximplant-credentials.h"

struct _GovorunClientFactory
{
  GObject              parent_instance;

  GovorunHttp         *http;
  GovorunEndpoints    *endpoints;
  GovorunAccountStore *accounts;
};

G_DEFINE_FINAL_TYPE (GovorunClientFactory, govorun_client_factory, G_TYPE_OBJECT)

static void
govorun_client_factory_dispose (GObject *object)
{
  GovorunClientFactory *self = GOVORUN_CLIENT_FACTORY (object);

  g_clear_object (&self->http);
  g_clear_object (&self->endpoints);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (govorun_client_factory_parent_class)->dispose (object);
}

static void
govorun_client_factory_class_init (GovorunClientFactoryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_client_factory_dispose;
}

static void
govorun_client_factory_init (GovorunClientFactory *self)
{
}

/**
 * govorun_client_factory_new:
 * @accounts: (nullable): needed only to look saved secrets up
 */
GovorunClientFactory *
govorun_client_factory_new (GovorunHttp         *http,
                            GovorunEndpoints    *endpoints,
                            GovorunAccountStore *accounts)
{
  GovorunClientFactory *self;

  g_return_val_if_fail (GOVORUN_IS_HTTP (http), NULL);
  g_return_val_if_fail (GOVORUN_IS_ENDPOINTS (endpoints), NULL);
  g_return_val_if_fail (accounts == NULL || GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);

  self = g_object_new (GOVORUN_TYPE_CLIENT_FACTORY, NULL);
  self->http = g_object_ref (http);
  self->endpoints = g_object_ref (endpoints);
  g_set_object (&self->accounts, accounts);

  return self;
}

char *
govorun_client_factory_elevenlabs_url (GovorunClientFactory *self,
                                       GovorunAccount       *account)
{
  GovorunElevenlabsRegion region = GOVORUN_ELEVENLABS_REGION_GLOBAL;

  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (self), NULL);
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (account), NULL);

  govorun_elevenlabs_region_from_string (govorun_account_get_el_region (account), &region);

  return govorun_endpoints_get_elevenlabs_url (self->endpoints, region);
}

/* -- building, once the secret is at hand -- */

typedef struct
{
  GovorunAccount *account;
  char           *secret;   /* wiped on free */
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_clear_object (&data->account);
  g_clear_pointer (&data->secret, govorun_secret_free);
  g_free (data);
}

/* Worker thread: importing the RSA key of a credentials file is CPU work. */
static void
parse_credentials_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  BuildData *data = task_data;
  GError *error = NULL;
  GovorunVoximplantCredentials *credentials;

  credentials = govorun_voximplant_credentials_new_from_data (data->secret, -1, &error);
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, credentials, g_object_unref);
}

static void
build_voximplant (GTask *task)
{
  GovorunClientFactory *self = g_task_get_source_object (task);
  BuildData *data = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  g_autoptr(GovorunVoximplantClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (govorun_account_get_vox_auth (data->account) == GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT)
    {
      g_task_run_in_thread (task, parse_credentials_thread);
      return;
    }

  if (!govorun_voximplant_validate_account_id (govorun_account_get_vox_account_id (data->account),
                                               &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  url = govorun_endpoints_get_voximplant_url (self->endpoints);
  client = govorun_voximplant_client_new (self->http, url);
  govorun_voximplant_client_set_api_key (client, govorun_account_get_vox_account_id (data->account),
                                         data->secret);
  g_task_return_pointer (task, g_steal_pointer (&client), g_object_unref);
}

static void
build_elevenlabs (GTask *task)
{
  GovorunClientFactory *self = g_task_get_source_object (task);
  BuildData *data = g_task_get_task_data (task);
  g_autofree char *url = govorun_client_factory_elevenlabs_url (self, data->account);

  g_task_return_pointer (task, govorun_elevenlabs_client_new (self->http, url, data->secret),
                         g_object_unref);
}

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BuildData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->secret = govorun_account_store_lookup_secret_finish (GOVORUN_ACCOUNT_STORE (object),
                                                             result, &error);
  if (data->secret == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (govorun_account_get_kind (data->account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    build_voximplant (task);
  else
    build_elevenlabs (task);
}

static void
start (GovorunClientFactory *self,
       GTask                *task,
       GovorunAccount       *account,
       const char           *secret)
{
  BuildData *data = g_new0 (BuildData, 1);
  GError *error = NULL;

  data->account = g_object_ref (account);
  g_task_set_task_data (task, data, (GDestroyNotify) build_data_free);
  /* A typed key is sent as it would be saved: trimmed, or refused. */
  if (secret != NULL && (data->secret = govorun_account_key_clean (account, secret, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (secret == NULL)
    {
      g_return_if_fail (self->accounts != NULL);
      govorun_account_store_lookup_secret_async (self->accounts, account,
                                                 g_task_get_cancellable (task),
                                                 secret_found_cb, g_object_ref (task));
    }
  else if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    build_voximplant (task);
  else
    build_elevenlabs (task);
}

void
govorun_client_factory_voximplant_async (GovorunClientFactory *self,
                                         GovorunAccount       *account,
                                         const char           *secret,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_CLIENT_FACTORY (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_client_factory_voximplant_async);
  start (self, task, account, secret);
}

GovorunVoximplantClient *
govorun_client_factory_voximplant_finish (GovorunClientFactory  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  g_autoptr(GObject) object = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_client_factory_voximplant_async, NULL);

  object = g_task_propagate_pointer (G_TASK (result), error);
  if (object == NULL)
    return NULL;

  /* A service account's task returns the parsed credentials: the client is
   * made here, on the caller's thread, where the transport lives. */
  if (GOVORUN_IS_VOXIMPLANT_CREDENTIALS (object))
    {
      g_autofree char *url = govorun_endpoints_get_voximplant_url (self->endpoints);
      GovorunVoximplantClient *client = govorun_voximplant_client_new (self->http, url);

      govorun_voximplant_client_set_credentials (client, GOVORUN_VOXIMPLANT_CREDENTIALS (object));
      return client;
    }

  return GOVORUN_VOXIMPLANT_CLIENT (g_steal_pointer (&object));
}

void
govorun_client_factory_elevenlabs_async (GovorunClientFactory *self,
                                         GovorunAccount       *account,
                                         const char           *secret,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_CLIENT_FACTORY (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_client_factory_elevenlabs_async);
  start (self, task, account, secret);
}

GovorunElevenlabsClient *
govorun_client_factory_elevenlabs_finish (GovorunClientFactory  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_client_factory_elevenlabs_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
