/* govorun-elevenlabs-user.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-elevenlabs-client.h"

G_BEGIN_DECLS

/* The key's user and plan (§2.7), and the "Test connection" check. */

/* GET /v1/user/subscription */
typedef struct
{
  char   *tier;
  char   *status;
  gint64  character_count;
  gint64  character_limit;
  char   *currency;               /* nullable: "usd" or "eur" */
} GovorunElevenlabsSubscription;

typedef struct
{
  guint                          agent_count;
  gboolean                       agent_count_is_lower_bound;
  gboolean                       limited_scope;  /* key valid, but no user_read */
  GovorunElevenlabsSubscription *subscription;   /* nullable */
} GovorunElevenlabsConnectionInfo;

#define GOVORUN_TYPE_ELEVENLABS_SUBSCRIPTION    (govorun_elevenlabs_subscription_get_type ())
#define GOVORUN_TYPE_ELEVENLABS_CONNECTION_INFO (govorun_elevenlabs_connection_info_get_type ())

GType                            govorun_elevenlabs_subscription_get_type    (void) G_GNUC_CONST;
GovorunElevenlabsSubscription   *govorun_elevenlabs_subscription_copy        (const GovorunElevenlabsSubscription   *subscription);
void                             govorun_elevenlabs_subscription_free        (GovorunElevenlabsSubscription         *subscription);
GType                            govorun_elevenlabs_connection_info_get_type (void) G_GNUC_CONST;
GovorunElevenlabsConnectionInfo *govorun_elevenlabs_connection_info_copy     (const GovorunElevenlabsConnectionInfo *info);
void                             govorun_elevenlabs_connection_info_free     (GovorunElevenlabsConnectionInfo       *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsSubscription, govorun_elevenlabs_subscription_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsConnectionInfo, govorun_elevenlabs_connection_info_free)

void                             govorun_elevenlabs_client_get_subscription_async  (GovorunElevenlabsClient *self,
                                                                                   GCancellable            *cancellable,
                                                                                   GAsyncReadyCallback      callback,
                                                                                   gpointer                 user_data);
GovorunElevenlabsSubscription   *govorun_elevenlabs_client_get_subscription_finish (GovorunElevenlabsClient *self,
                                                                                   GAsyncResult            *result,
                                                                                   GError                 **error);

/* "Test connection": checks the key with GET /v1/convai/agents?page_size=1,
 * counts the agents (at most 10 pages of 100; beyond that the count is a
 * lower bound and agent_count_is_lower_bound is set), then reads the
 * subscription. A key without the user_read scope is valid: limited_scope
 * is set, subscription is NULL and no error is returned. */
void                             govorun_elevenlabs_client_test_connection_async  (GovorunElevenlabsClient *self,
                                                                                  GCancellable            *cancellable,
                                                                                  GAsyncReadyCallback      callback,
                                                                                  gpointer                 user_data);
GovorunElevenlabsConnectionInfo *govorun_elevenlabs_client_test_connection_finish (GovorunElevenlabsClient *self,
                                                                                  GAsyncResult            *result,
                                                                                  GError                 **error);

G_END_DECLS
