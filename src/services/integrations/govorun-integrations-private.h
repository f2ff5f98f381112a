/* govorun-integrations-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-integrations.h"
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

/* The delay before the next attempt after @attempts attempts. */
guint    _govorun_integrations_backoff_ms (GovorunIntegrations *self,
                                           guint                attempts);

#if GOVORUN_TEST_HOOKS
void     _govorun_integrations_maybe_crash (const char *point);
#else
#define  _govorun_integrations_maybe_crash(point) G_STMT_START { } G_STMT_END
#endif

G_END_DECLS
