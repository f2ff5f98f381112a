/* govorun-integrations-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-integrations.h"
#include "govorun-bitrix24-client.h"
#include "govorun-secrets.h"
#include "govorun-store.h"
#include "govorun-webhook-sender.h"

G_BEGIN_DECLS

/* What govorun-integrations.c (targets, producers) and
 * govorun-integrations-delivery.c (the delivery pass) share. */
struct _GovorunIntegrations
{
  GObject               parent_instance;

  GovorunStore         *store;
  GovorunSecrets       *secrets;
  GovorunWebhookSender *sender;
  GListStore           *targets;       /* of GovorunIntegrationTarget */
  gboolean              loaded;
  GHashTable           *secret_cache;  /* "uuid/generation" → secret */
  GHashTable           *in_flight;     /* delivery row ids being sent ("sending") */

  guint                 base_delay_ms;
  guint                 max_delay_ms;
  guint                 max_attempts;
  gint64                pause_after_ms;

  guint                 worker_id;
  gboolean              worker_pass_running;

  GHashTable           *bitrix24_clients;   /* target id → GovorunBitrix24Client */
  guint                 bitrix24_interval_ms;
  guint                 bitrix24_attempts;
  guint                 bitrix24_retry_ms;
  char                 *demo_bitrix24_url;
  char                 *demo_webhook_url;
};

enum
{
  SIGNAL_TARGET_PAUSED,
  SIGNAL_DELIVERIES_CHANGED,
  N_SIGNALS,
};

extern guint _govorun_integrations_signals[N_SIGNALS];

/* ::deliveries-changed; @target_id 0 when several may have changed. */
void     _govorun_integrations_emit_changed (GovorunIntegrations *self,
                                             gint64               target_id);
/* Sends @delivery (already in the outbox) now, unless it is in flight;
 * its outcome is set on it. Finish with govorun_integrations_deliver_due_finish(). */
void     _govorun_integrations_send_now_async (GovorunIntegrations *self,
                                               GovorunDelivery     *delivery,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);

GovorunIntegrationTarget *_govorun_integrations_find_target (GovorunIntegrations *self,
                                                             gint64               id);
/* Loads the targets once, then calls back (a GTask of @self). */
void     _govorun_integrations_ensure_loaded_async  (GovorunIntegrations *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean _govorun_integrations_ensure_loaded_finish (GovorunIntegrations *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Stores @secret in the keyring under (uuid, 1), then the target's row;
 * _finish gives the stored target (with its id), added to the list. */
void     _govorun_integrations_add_target_async  (GovorunIntegrations      *self,
                                                  GovorunIntegrationTarget *target,
                                                  const char               *secret,
                                                  const char               *label,
                                                  GCancellable             *cancellable,
                                                  GAsyncReadyCallback       callback,
                                                  gpointer                  user_data);
GovorunIntegrationTarget *_govorun_integrations_add_target_finish (GovorunIntegrations *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* The target's secret (a webhook's signing key, a Bitrix24 webhook URL),
 * from the cache or the keyring; _finish gives a copy to wipe. */
void     _govorun_integrations_secret_async  (GovorunIntegrations      *self,
                                              GovorunIntegrationTarget *target,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
char    *_govorun_integrations_secret_finish (GovorunIntegrations      *self,
                                              GAsyncResult             *result,
                                              GError                  **error);

/* The portal's client of a Bitrix24 target (one per target, so its
 * requests share the pacing), made from @url, the secret, when new. */
GovorunBitrix24Client *_govorun_integrations_bitrix24_client (GovorunIntegrations      *self,
                                                              GovorunIntegrationTarget *target,
                                                              const char               *url,
                                                              GError                  **error);

/* The scopes Govorun needs (telephony, crm) that @scopes lacks, and the
 * sentence that names them. */
char   **_govorun_integrations_bitrix24_missing_scopes   (char **scopes);
char    *_govorun_integrations_bitrix24_missing_sentence (char **missing);

/* What one delivery attempt came to, for the outbox's record. */
typedef struct
{
  GovorunDeliveryState  state;
  guint                 status;
  guint                 latency_ms;
  guint                 delay_ms;
  char                 *error;
} GovorunIntegrationsOutcome;

void     _govorun_integrations_outcome_free (GovorunIntegrationsOutcome *outcome);

/* One attempt of a Bitrix24 delivery: register → finish → attachRecord →
 * transcript (or the CRM-only chain), resumed after the last step done. */
void     _govorun_integrations_bitrix24_deliver_async  (GovorunIntegrations      *self,
                                                        GovorunIntegrationTarget *target,
                                                        GovorunDelivery          *delivery,
                                                        GAsyncReadyCallback       callback,
                                                        gpointer                  user_data);
GovorunIntegrationsOutcome *_govorun_integrations_bitrix24_deliver_finish (GovorunIntegrations *self,
                                                                           GAsyncResult        *result);

/* Where a webhook target's deliveries go: its URL, or this run's sandbox
 * receiver when the URL is that receiver's on an earlier run. */
const char *_govorun_integrations_webhook_url (GovorunIntegrations      *self,
                                               GovorunIntegrationTarget *target);

/* The delay before the next attempt after @attempts attempts. */
guint    _govorun_integrations_backoff_ms (GovorunIntegrations *self,
                                           guint                attempts);

#if GOVORUN_TEST_HOOKS
void     _govorun_integrations_maybe_crash (const char *point);
#else
#define  _govorun_integrations_maybe_crash(point) G_STMT_START { } G_STMT_END
#endif

G_END_DECLS
