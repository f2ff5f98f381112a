/* govorun-elevenlabs-user.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsClient"

#include "config.h"

#include "govorun-elevenlabs-agents.h"
#include "govorun-elevenlabs-client-private.h"
#include "govorun-elevenlabs-json-private.h"
#include "govorun-elevenlabs-user.h"

/* The user's subscription (reference/elevenlabs.md §2.7) and the "Test
 * connection" check built on it and on the agents list. */

/* "Test connection" counts agents with pages of this size, at most this
 * many pages, so a huge workspace cannot keep the dialog busy. */
#define COUNT_PAGE_SIZE  100
#define COUNT_MAX_PAGES  10


GovorunElevenlabsSubscription *
govorun_elevenlabs_subscription_copy (const GovorunElevenlabsSubscription *subscription)
{
  GovorunElevenlabsSubscription *copy;

  g_return_val_if_fail (subscription != NULL, NULL);

  copy = g_new0 (GovorunElevenlabsSubscription, 1);
  copy->tier = g_strdup (subscription->tier);
  copy->status = g_strdup (subscription->status);
  copy->character_count = subscription->character_count;
  copy->character_limit = subscription->character_limit;
  copy->currency = g_strdup (subscription->currency);

  return copy;
}

void
govorun_elevenlabs_subscription_free (GovorunElevenlabsSubscription *subscription)
{
  if (subscription == NULL)
    return;

  g_free (subscription->tier);
  g_free (subscription->status);
  g_free (subscription->currency);
  g_free (subscription);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsSubscription, govorun_elevenlabs_subscription,
                     govorun_elevenlabs_subscription_copy, govorun_elevenlabs_subscription_free)

GovorunElevenlabsConnectionInfo *
govorun_elevenlabs_connection_info_copy (const GovorunElevenlabsConnectionInfo *info)
{
  GovorunElevenlabsConnectionInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new0 (GovorunElevenlabsConnectionInfo, 1);
  copy->agent_count = info->agent_count;
  copy->agent_count_is_lower_bound = info->agent_count_is_lower_bound;
  copy->limited_scope = info->limited_scope;
  if (info->subscription != NULL)
    copy->subscription = govorun_elevenlabs_subscription_copy (info->subscription);

  return copy;
}

void
govorun_elevenlabs_connection_info_free (GovorunElevenlabsConnectionInfo *info)
{
  if (info == NULL)
    return;

  g_clear_pointer (&info->subscription, govorun_elevenlabs_subscription_free);
  g_free (info);
}

G_DEFINE_BOXED_TYPE (GovorunElevenlabsConnectionInfo, govorun_elevenlabs_connection_info,
                     govorun_elevenlabs_connection_info_copy, govorun_elevenlabs_connection_info_free)

/* ExtendedSubscriptionResponseModel: tier*, character_count*,
 * character_limit*, status*, currency (usd|eur|null) */
GovorunElevenlabsSubscription *
_govorun_elevenlabs_parse_subscription (JsonNode  *root,
                                        GError   **error)
{
  g_autoptr(GovorunElevenlabsSubscription) subscription = g_new0 (GovorunElevenlabsSubscription, 1);
  JsonObject *object;

  if ((object = govorun_elevenlabs_json_root_object (root, error)) == NULL)
    return NULL;

  if (!govorun_elevenlabs_json_read_string (object, NULL, "tier", FIELD_LENIENT, &subscription->tier, error)
                              || !govorun_elevenlabs_json_read_string (object, NULL, "status", FIELD_LENIENT, &subscription->status, error)
                              || !govorun_elevenlabs_json_read_int64 (object, NULL, "character_count", FIELD_LENIENT, &subscription->character_count, error)
                              || !govorun_elevenlabs_json_read_int64 (object, NULL, "character_limit", FIELD_LENIENT, &subscription->character_limit, error)
                              || !govorun_elevenlabs_json_read_string (object, NULL, "currency", FIELD_NULLABLE | FIELD_LENIENT, &subscription->currency, error))
    return NULL;

  return g_steal_pointer (&subscription);
}


/* Subscription */

static void
on_get_subscription (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  _govorun_elevenlabs_client_return_parsed (GOVORUN_ELEVENLABS_CLIENT (source), result, task,
                                            (GovorunElevenlabsParseFunc) _govorun_elevenlabs_parse_subscription,
                                            (GDestroyNotify) govorun_elevenlabs_subscription_free);
}

/**
 * govorun_elevenlabs_client_get_subscription_async:
 *
 * GET /v1/user/subscription; needs the user_read scope.
 */
void
govorun_elevenlabs_client_get_subscription_async (GovorunElevenlabsClient *self,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_get_subscription_async);

  _govorun_elevenlabs_client_request_json_async (self, "GET", "/v1/user/subscription", NULL, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                                                 cancellable, on_get_subscription, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_get_subscription_finish:
 *
 * Returns: (transfer full): the subscription, or %NULL with @error set
 */
GovorunElevenlabsSubscription *
govorun_elevenlabs_client_get_subscription_finish (GovorunElevenlabsClient  *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_get_subscription_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Test connection */

typedef struct
{
  GovorunElevenlabsConnectionInfo *info;
  guint                            pages;
} TestConnection;

static void
test_connection_free (TestConnection *state)
{
  g_clear_pointer (&state->info, govorun_elevenlabs_connection_info_free);
  g_free (state);
}

static void
on_test_subscription (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestConnection *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GovorunElevenlabsSubscription *subscription;

  subscription = govorun_elevenlabs_client_get_subscription_finish (GOVORUN_ELEVENLABS_CLIENT (source),
                                                                    result, &error);
  if (subscription == NULL)
    {
      /* §2.7 and pitfall 9: the agents call already proved the key; a key
       * scoped to convai_read simply cannot read the plan. */
      if (g_error_matches (error, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS))
        {
          g_debug ("Key has no user_read scope; subscription not shown");
          state->info->limited_scope = TRUE;
          g_task_return_pointer (task, g_steal_pointer (&state->info),
                                 (GDestroyNotify) govorun_elevenlabs_connection_info_free);
          return;
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  state->info->subscription = subscription;
  g_task_return_pointer (task, g_steal_pointer (&state->info),
                         (GDestroyNotify) govorun_elevenlabs_connection_info_free);
}

static void
test_connection_read_subscription (GTask *task)
{
  govorun_elevenlabs_client_get_subscription_async (g_task_get_source_object (task),
                                                    g_task_get_cancellable (task),
                                                    on_test_subscription, task);
}

static void
on_test_count_page (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestConnection *state = g_task_get_task_data (task);
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = govorun_elevenlabs_client_list_agents_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  state->pages++;
  state->info->agent_count += page->agents->len;

  if (page->has_more)
    {
      if (state->pages < COUNT_MAX_PAGES && page->next_cursor != NULL)
        {
          GCancellable *cancellable = g_task_get_cancellable (task);

          govorun_elevenlabs_client_list_agents_async (GOVORUN_ELEVENLABS_CLIENT (source),
                                                       page->next_cursor, COUNT_PAGE_SIZE, NULL,
                                                       cancellable, on_test_count_page,
                                                       g_steal_pointer (&task));
          return;
        }

      /* Either the page limit, or has_more without a cursor to follow. */
      state->info->agent_count_is_lower_bound = TRUE;
    }

  test_connection_read_subscription (g_steal_pointer (&task));
}

static void
on_test_probe (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestConnection *state = g_task_get_task_data (task);
  g_autoptr(GovorunElevenlabsAgentPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  page = govorun_elevenlabs_client_list_agents_finish (GOVORUN_ELEVENLABS_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!page->has_more)
    {
      state->info->agent_count = page->agents->len;
      test_connection_read_subscription (g_steal_pointer (&task));
      return;
    }

  /* Count from the start with big pages; a cursor is only valid with the
   * page size it was made for, as far as we know. */
  cancellable = g_task_get_cancellable (task);
  govorun_elevenlabs_client_list_agents_async (GOVORUN_ELEVENLABS_CLIENT (source),
                                               NULL, COUNT_PAGE_SIZE, NULL,
                                               cancellable, on_test_count_page,
                                               g_steal_pointer (&task));
}

void
govorun_elevenlabs_client_test_connection_async (GovorunElevenlabsClient *self,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  TestConnection *state;

  g_return_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_elevenlabs_client_test_connection_async);

  state = g_new0 (TestConnection, 1);
  state->info = g_new0 (GovorunElevenlabsConnectionInfo, 1);
  g_task_set_task_data (task, state, (GDestroyNotify) test_connection_free);

  /* §2.7: the agents list is what this key is for; any 401 here is real. */
  govorun_elevenlabs_client_list_agents_async (self, NULL, 1, NULL, cancellable,
                                               on_test_probe, g_steal_pointer (&task));
}

/**
 * govorun_elevenlabs_client_test_connection_finish:
 *
 * Returns: (transfer full): what the key can see, or %NULL with @error set
 */
GovorunElevenlabsConnectionInfo *
govorun_elevenlabs_client_test_connection_finish (GovorunElevenlabsClient  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_ELEVENLABS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_elevenlabs_client_test_connection_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
