/* govorun-connection-tester.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunConnectionTester"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-client-factory.h"
#include "govorun-connection-tester.h"
#include "govorun-elevenlabs-user.h"
#include "govorun-format.h"
#include "govorun-voximplant-client.h"
#include "govorun-voximplant-credentials.h"

/*
 * "Test connection": asks each provider who the account is and turns the
 * answer into one line a person can read ("Acme LLC · balance 120.50 USD").
 * The line is saved with the account (it holds no secret), so the list shows
 * what was found last time without asking again.
 */

struct _GovorunConnectionTester
{
  GObject               parent_instance;

  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
};

G_DEFINE_FINAL_TYPE (GovorunConnectionTester, govorun_connection_tester, G_TYPE_OBJECT)

static void
govorun_connection_tester_dispose (GObject *object)
{
  GovorunConnectionTester *self = GOVORUN_CONNECTION_TESTER (object);

  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (govorun_connection_tester_parent_class)->dispose (object);
}

static void
govorun_connection_tester_class_init (GovorunConnectionTesterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_connection_tester_dispose;
}

static void
govorun_connection_tester_init (GovorunConnectionTester *self)
{
}

GovorunConnectionTester *
govorun_connection_tester_new (GovorunHttp         *http,
                               GovorunEndpoints    *endpoints,
                               GovorunAccountStore *accounts)
{
  GovorunConnectionTester *self;

  g_return_val_if_fail (GOVORUN_IS_HTTP (http), NULL);
  g_return_val_if_fail (GOVORUN_IS_ENDPOINTS (endpoints), NULL);
  g_return_val_if_fail (accounts == NULL || GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);

  self = g_object_new (GOVORUN_TYPE_CONNECTION_TESTER, NULL);
  self->factory = govorun_client_factory_new (http, endpoints, accounts);
  g_set_object (&self->accounts, accounts);

  return self;
}

static void
voximplant_info_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *balance = NULL;

  info = govorun_voximplant_client_get_account_info_finish (GOVORUN_VOXIMPLANT_CLIENT (object),
                                                            result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  balance = govorun_format_money (info->balance, info->currency);

  if (info->frozen)
    /* Translators: account name, then its balance with currency */
    g_task_return_pointer (task, g_strdup_printf (_("%s · balance %s · account frozen"),
                                                  info->account_name, balance), g_free);
  else
    /* Translators: account name, then its balance with currency */
    g_task_return_pointer (task, g_strdup_printf (_("%s · balance %s"),
                                                  info->account_name, balance), g_free);
}

static void
elevenlabs_info_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunElevenlabsConnectionInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agents = NULL;

  info = govorun_elevenlabs_client_test_connection_finish (GOVORUN_ELEVENLABS_CLIENT (object),
                                                           result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (info->agent_count_is_lower_bound)
    agents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u+ agent", "%u+ agents",
                                           info->agent_count), info->agent_count);
  else
    agents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u agent", "%u agents",
                                           info->agent_count), info->agent_count);

  if (info->subscription != NULL)
    /* Translators: number of agents, then the ElevenLabs plan name */
    g_task_return_pointer (task, g_strdup_printf (_("%s · plan %s"), agents,
                                                  info->subscription->tier), g_free);
  else if (info->limited_scope)
    /* Translators: number of agents; the key may not read the subscription */
    g_task_return_pointer (task, g_strdup_printf (_("%s · key valid, limited scope (no access to the plan)"),
                                                  agents), g_free);
  else
    g_task_return_pointer (task, g_steal_pointer (&agents), g_free);
}

static void
voximplant_client_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunVoximplantClient) client = NULL;
  GError *error = NULL;

  client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (object), result, &error);
  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  govorun_voximplant_client_get_account_info_async (client, g_task_get_cancellable (task),
                                                    voximplant_info_cb, g_object_ref (task));
}

static void
elevenlabs_client_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunElevenlabsClient) client = NULL;
  GError *error = NULL;

  client = govorun_client_factory_elevenlabs_finish (GOVORUN_CLIENT_FACTORY (object), result, &error);
  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  govorun_elevenlabs_client_test_connection_async (client, g_task_get_cancellable (task),
                                                   elevenlabs_info_cb, g_object_ref (task));
}

/**
 * govorun_connection_tester_test_draft_async:
 * @secret: (nullable): the secret typed or chosen; %NULL to use the saved one
 */
void
govorun_connection_tester_test_draft_async (GovorunConnectionTester *self,
                                            GovorunAccount          *account,
                                            const char              *secret,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_CONNECTION_TESTER (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_connection_tester_test_draft_async);

  if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS)
    govorun_client_factory_elevenlabs_async (self->factory, account, secret, cancellable,
                                             elevenlabs_client_cb, g_steal_pointer (&task));
  else
    govorun_client_factory_voximplant_async (self->factory, account, secret, cancellable,
                                             voximplant_client_cb, g_steal_pointer (&task));
}

char *
govorun_connection_tester_test_draft_finish (GovorunConnectionTester  *self,
                                             GAsyncResult             *result,
                                             GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_connection_tester_test_draft_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -- saved accounts -- */

typedef struct
{
  GovorunAccount *account;
  char           *summary;
  GError         *error;
} SavedData;

static void
saved_data_free (SavedData *data)
{
  g_clear_object (&data->account);
  g_clear_pointer (&data->summary, g_free);
  g_clear_error (&data->error);
  g_free (data);
}

static void
result_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SavedData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The test's own outcome matters more than a failure to remember it. */
  if (!govorun_account_store_set_test_result_finish (GOVORUN_ACCOUNT_STORE (object), result, &error))
    g_debug ("Could not save the test result: %s", error->message);

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&data->summary), g_free);
}

static void
saved_tested_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunConnectionTester *self = g_task_get_source_object (task);
  SavedData *data = g_task_get_task_data (task);

  data->summary = govorun_connection_tester_test_draft_finish (self, result, &data->error);

  if (g_error_matches (data->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&data->error));
      return;
    }

  govorun_account_store_set_test_result_async (self->accounts, data->account,
                                               data->error == NULL,
                                               data->error ? data->error->message : data->summary,
                                               NULL, result_saved_cb, g_object_ref (task));
}

void
govorun_connection_tester_test_async (GovorunConnectionTester *self,
                                      GovorunAccount          *account,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  SavedData *data;

  g_return_if_fail (GOVORUN_IS_CONNECTION_TESTER (self));
  g_return_if_fail (GOVORUN_IS_ACCOUNT (account));
  g_return_if_fail (self->accounts != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_connection_tester_test_async);

  data = g_new0 (SavedData, 1);
  data->account = g_object_ref (account);
  g_task_set_task_data (task, data, (GDestroyNotify) saved_data_free);

  govorun_connection_tester_test_draft_async (self, account, NULL, cancellable,
                                              saved_tested_cb, g_steal_pointer (&task));
}

char *
govorun_connection_tester_test_finish (GovorunConnectionTester  *self,
                                       GAsyncResult             *result,
                                       GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_connection_tester_test_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
