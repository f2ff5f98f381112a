/* govorun-integration-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-delivery.h"
#include "govorun-integration-target.h"
#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * Integration targets, the outbox of deliveries and the delivery log (one
 * row per attempt). A delivery is unique per (target, event, subject), so
 * a call seen twice by the sync is delivered once. Times of attempts are
 * Unix milliseconds, the others Unix seconds.
 */

/* Inserts @target (its id is ignored); _finish gives the new row id. */
void       govorun_integration_records_add_target_async       (GovorunStore             *store,
                                                               GovorunIntegrationTarget *target,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
gint64     govorun_integration_records_add_target_finish      (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

/* Writes what can change about @target: paused and why, the secret's
 * generation, the backfill range. */
void       govorun_integration_records_update_target_async    (GovorunStore             *store,
                                                               GovorunIntegrationTarget *target,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
gboolean   govorun_integration_records_update_target_finish   (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

/* Removes the target with its deliveries and their log. */
void       govorun_integration_records_remove_target_async    (GovorunStore             *store,
                                                               gint64                    target_id,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
gboolean   govorun_integration_records_remove_target_finish   (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

/* Every target, oldest first: a GPtrArray of GovorunIntegrationTarget. */
void       govorun_integration_records_load_targets_async     (GovorunStore             *store,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
GPtrArray *govorun_integration_records_load_targets_finish    (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

/* Adds @deliveries (GovorunDelivery, pending, due at their
 * next-attempt time) in one transaction; one already there for the same
 * target, event and subject is left alone. _finish gives how many were new. */
void       govorun_integration_records_enqueue_async          (GovorunStore             *store,
                                                               GPtrArray                *deliveries,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
gboolean   govorun_integration_records_enqueue_finish         (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               guint                    *out_added,
                                                               GError                  **error);

/* Pending deliveries of targets that are not paused, due at @now_ms, the
 * earliest first, at most @limit. */
void       govorun_integration_records_due_async              (GovorunStore             *store,
                                                               gint64                    now_ms,
                                                               guint                     limit,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
GPtrArray *govorun_integration_records_due_finish             (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

/* Records one attempt of @delivery: its outcome (state, attempts, next
 * attempt, status, latency, error as set on it) and a log row at @at_ms.
 * The target's "failing since" is cleared by a delivered one and set by a
 * failed one if unset; _finish gives it (0 when the target is not failing). */
void       govorun_integration_records_record_attempt_async   (GovorunStore             *store,
                                                               GovorunDelivery          *delivery,
                                                               gint64                    at_ms,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
gboolean   govorun_integration_records_record_attempt_finish  (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               gint64                   *out_failing_since_ms,
                                                               GError                  **error);

/* Makes a delivery pending again, due at @now_ms, with a fresh budget of
 * attempts (its log is kept). */
void       govorun_integration_records_resend_async           (GovorunStore             *store,
                                                               gint64                    delivery_id,
                                                               gint64                    now_ms,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
gboolean   govorun_integration_records_resend_finish          (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

/* A target's deliveries, newest first, at most @limit. */
void       govorun_integration_records_load_deliveries_async  (GovorunStore             *store,
                                                               gint64                    target_id,
                                                               guint                     limit,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
GPtrArray *govorun_integration_records_load_deliveries_finish (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

/* One keyset page of a target's deliveries, newest first: those with an
 * id below @before_id (0: from the newest), at most @limit. The delivery
 * log reads it page by page on a read connection. */
void       govorun_integration_records_delivery_page_async    (GovorunStore             *store,
                                                               gint64                    target_id,
                                                               gint64                    before_id,
                                                               guint                     limit,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
GPtrArray *govorun_integration_records_delivery_page_finish   (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

/* Row ids of finished calls (not in progress) that a webhook target
 * taking call.finished should get and has no delivery for: started at or
 * after the target was made, or inside its backfill range. Oldest first,
 * at most @limit: a GArray of gint64. */
void       govorun_integration_records_undelivered_calls_async  (GovorunStore        *store,
                                                                 guint                limit,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
GArray    *govorun_integration_records_undelivered_calls_finish (GovorunStore        *store,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

/* A delivery's attempts, oldest first: GovorunDeliveryAttempt. */
void       govorun_integration_records_load_attempts_async    (GovorunStore             *store,
                                                               gint64                    delivery_id,
                                                               GCancellable             *cancellable,
                                                               GAsyncReadyCallback       callback,
                                                               gpointer                  user_data);
GPtrArray *govorun_integration_records_load_attempts_finish   (GovorunStore             *store,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

G_END_DECLS
