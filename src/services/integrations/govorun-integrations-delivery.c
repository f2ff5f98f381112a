/* govorun-integrations-delivery.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrations"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>

#include "govorun-integrations-private.h"
#include "govorun-integration-records.h"
#include "govorun-http.h"

/*
 * The delivery pass. A delivery being sent is "sending" only in memory
 * (self->in_flight); the store keeps it pending until the attempt is
 * recorded, so a crash between the receiver's answer and the record sends
 * it again, with the same delivery id, after the restart: at least once.
 */

#define PASS_LIMIT     50
#define CONCURRENCY    4

#if GOVORUN_TEST_HOOKS
/* GOVORUN_TEST_CRASH_AT names a point where the process SIGKILLs itself
 * (tests/services/integrations-crash-helper.c); only "delivery-after-send"
 * here. Release builds do not contain it. */
void
_govorun_integrations_maybe_crash (const char *point)
{
  const char *wanted = g_getenv ("GOVORUN_TEST_CRASH_AT");

  if (wanted != NULL && g_str_equal (wanted, point))
    raise (SIGKILL);
}
#endif

typedef struct
{
  GQueue  queue;     /* of GovorunDelivery, not yet started */
  guint   active;
  guint   attempts;
} Pass;

static void
pass_free (Pass *pass)
{
  g_queue_clear_full (&pass->queue, g_object_unref);
  g_free (pass);
}

/* One delivery's attempt, from the secret to the record. */
typedef struct
{
  GTask                    *pass_task;   /* owned */
  GovorunDelivery          *delivery;
  GovorunIntegrationTarget *target;
  gint64                    at_ms;
} Attempt;

static void attempt_next (GTask *pass_task);

static void
attempt_done (Attempt *a)
{
  GTask *pass_task = a->pass_task;
  GovorunIntegrations *self = g_task_get_source_object (pass_task);
  Pass *pass = g_task_get_task_data (pass_task);
  gint64 id = govorun_delivery_get_id (a->delivery);

  g_hash_table_remove (self->in_flight, &id);
  pass->active--;
  g_clear_object (&a->delivery);
  g_clear_object (&a->target);
  g_free (a);
  attempt_next (pass_task);
  g_object_unref (pass_task);
}

static void
on_paused (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GovorunIntegrationTarget) target = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_integrations_set_paused_finish (GOVORUN_INTEGRATIONS (source), result, &error))
    g_warning ("Could not pause the integration target: %s", error->message);
  else
    g_signal_emit (source, _govorun_integrations_signals[SIGNAL_TARGET_PAUSED], 0, target);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Attempt *a = user_data;
  GovorunIntegrations *self = g_task_get_source_object (a->pass_task);
  g_autoptr(GError) error = NULL;
  gint64 failing_since = 0;

  if (!govorun_integration_records_record_attempt_finish (GOVORUN_STORE (source), result,
                                                          &failing_since, &error))
    g_warning ("Could not record a delivery attempt: %s", error->message);
  else
    {
      govorun_integration_target_set_failing_since (a->target, failing_since);
      _govorun_integrations_emit_changed (self, govorun_integration_target_get_id (a->target));
    }
  if (error == NULL && failing_since > 0 && a->at_ms - failing_since >= self->pause_after_ms
      && !govorun_integration_target_get_paused (a->target))
    {
      g_autoptr(GDateTime) since = g_date_time_new_from_unix_local (failing_since / 1000);
      g_autofree char *when = since != NULL ? g_date_time_format (since, "%c") : g_strdup ("?");
      /* Translators: %s is a date and time */
      g_autofree char *reason = g_strdup_printf (_("Deliveries have been failing since %s."), when);

      govorun_integrations_set_paused_async (self, a->target, TRUE, reason, NULL, on_paused,
                                             g_object_ref (a->target));
    }
  attempt_done (a);
}

static void
record (Attempt              *a,
        GovorunDeliveryState  state,
        guint                 status,
        guint                 latency_ms,
        guint                 delay_ms,
        const char           *error)
{
  GovorunIntegrations *self = g_task_get_source_object (a->pass_task);
  guint attempts = govorun_delivery_get_attempts (a->delivery) + 1;
  gint64 now_ms = g_get_real_time () / 1000;

  if (state == GOVORUN_DELIVERY_PENDING && attempts >= self->max_attempts)
    state = GOVORUN_DELIVERY_GAVE_UP;
  govorun_delivery_set_outcome (a->delivery, state, attempts,
                                state == GOVORUN_DELIVERY_PENDING ? now_ms + delay_ms : 0,
                                status, latency_ms, error);
  /* The receiver has it; until the next line is on disk the store still
   * says pending, which is what makes a crash here safe. */
  _govorun_integrations_maybe_crash ("delivery-after-send");
  govorun_integration_records_record_attempt_async (self->store, a->delivery, a->at_ms, NULL,
                                                    on_recorded, a);
}

static void
on_posted (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Attempt *a = user_data;
  GovorunIntegrations *self = g_task_get_source_object (a->pass_task);
  Pass *pass = g_task_get_task_data (a->pass_task);
  g_autoptr(GovorunWebhookResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  guint latency_ms = 0;
  guint status;

  response = govorun_webhook_sender_post_finish (GOVORUN_WEBHOOK_SENDER (source), result,
                                                 &latency_ms, &error);
  pass->attempts++;
  if (response == NULL)
    {
      /* No answer (refused, timed out, TLS): retried. */
      record (a, GOVORUN_DELIVERY_PENDING, 0, latency_ms,
              _govorun_integrations_backoff_ms (self, govorun_delivery_get_attempts (a->delivery) + 1),
              error->message);
      return;
    }

  status = response->status;
  if (status >= 200 && status < 300)
    record (a, GOVORUN_DELIVERY_DELIVERED, status, response->latency_ms, 0, NULL);
  else if (status >= 500 || status == 408 || status == 429)
    {
      guint delay = _govorun_integrations_backoff_ms (self, govorun_delivery_get_attempts (a->delivery) + 1);
      g_autofree char *why = NULL;

      /* The receiver's own wait wins when it asks for a longer one. */
      delay = MAX (delay, response->retry_after_ms);
      why = g_strdup_printf (_("The receiver answered HTTP %u; Govorun will try again (%s)."),
                             status, response->reason != NULL ? response->reason : "");
      record (a, GOVORUN_DELIVERY_PENDING, status, response->latency_ms, delay, why);
    }
  else
    {
      g_autofree char *why = g_strdup_printf (_("The receiver refused the delivery with HTTP %u and it will not be sent again unless you resend it (%s)."),
                                              status, response->reason != NULL ? response->reason : "");

      record (a, GOVORUN_DELIVERY_FAILED, status, response->latency_ms, 0, why);
    }
}

static void
on_secret (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Attempt *a = user_data;
  GovorunIntegrations *self = g_task_get_source_object (a->pass_task);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  secret = govorun_secrets_lookup_finish (GOVORUN_SECRETS (source), result, &error);
  if (secret == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("The webhook’s secret could not be read from the keyring; Govorun will try again (%s)."),
                                              error->message);

      record (a, GOVORUN_DELIVERY_PENDING, 0, 0,
              _govorun_integrations_backoff_ms (self, govorun_delivery_get_attempts (a->delivery) + 1),
              why);
      return;
    }
  g_hash_table_replace (self->secret_cache,
                        g_strdup_printf ("%s/%u", govorun_integration_target_get_uuid (a->target),
                                         govorun_integration_target_get_secret_generation (a->target)),
                        g_strdup (secret));
  govorun_webhook_sender_post_async (self->sender, _govorun_integrations_webhook_url (self, a->target),
                                     govorun_delivery_get_uuid (a->delivery),
                                     govorun_delivery_get_event (a->delivery), secret,
                                     govorun_delivery_get_payload (a->delivery), NULL, on_posted, a);
  memset (secret, 0, strlen (secret));
}

static void
on_bitrix24_delivered (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Attempt *a = user_data;
  Pass *pass = g_task_get_task_data (a->pass_task);
  GovorunIntegrationsOutcome *outcome;

  outcome = _govorun_integrations_bitrix24_deliver_finish (GOVORUN_INTEGRATIONS (source), result);
  pass->attempts++;
  record (a, outcome->state, outcome->status, outcome->latency_ms, outcome->delay_ms, outcome->error);
  _govorun_integrations_outcome_free (outcome);
}

static void
attempt_start (GTask           *pass_task,
               GovorunDelivery *delivery)
{
  GovorunIntegrations *self = g_task_get_source_object (pass_task);
  Pass *pass = g_task_get_task_data (pass_task);
  GovorunIntegrationTarget *target = _govorun_integrations_find_target (self, govorun_delivery_get_target_id (delivery));
  g_autofree char *key = NULL;
  const char *secret;
  Attempt *a;

  if (target == NULL || govorun_integration_target_get_paused (target)
      || g_hash_table_contains (self->in_flight, &(gint64) { govorun_delivery_get_id (delivery) }))
    {
      g_object_unref (delivery);
      return;
    }

  a = g_new0 (Attempt, 1);
  a->pass_task = g_object_ref (pass_task);
  a->delivery = delivery;
  a->target = g_object_ref (target);
  a->at_ms = g_get_real_time () / 1000;
  pass->active++;
  g_hash_table_add (self->in_flight, g_memdup2 (&(gint64) { govorun_delivery_get_id (delivery) },
                                                sizeof (gint64)));

  if (govorun_integration_target_get_kind (target) == GOVORUN_INTEGRATION_KIND_BITRIX24)
    {
      _govorun_integrations_bitrix24_deliver_async (self, target, delivery, on_bitrix24_delivered, a);
      return;
    }

  key = g_strdup_printf ("%s/%u", govorun_integration_target_get_uuid (target),
                         govorun_integration_target_get_secret_generation (target));
  secret = g_hash_table_lookup (self->secret_cache, key);
  if (secret != NULL)
    govorun_webhook_sender_post_async (self->sender, _govorun_integrations_webhook_url (self, target),
                                       govorun_delivery_get_uuid (delivery),
                                       govorun_delivery_get_event (delivery), secret,
                                       govorun_delivery_get_payload (delivery), NULL, on_posted, a);
  else
    govorun_secrets_lookup_async (self->secrets, govorun_integration_target_get_uuid (target),
                                  govorun_integration_target_get_secret_generation (target),
                                  NULL, on_secret, a);
}

static void
attempt_next (GTask *pass_task)
{
  Pass *pass = g_task_get_task_data (pass_task);

  while (pass->active < CONCURRENCY && !g_queue_is_empty (&pass->queue))
    attempt_start (pass_task, g_queue_pop_head (&pass->queue));
  if (pass->active == 0 && g_queue_is_empty (&pass->queue))
    g_task_return_int (pass_task, pass->attempts);
}

static void
on_due (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  Pass *pass = g_task_get_task_data (task);
  g_autoptr(GPtrArray) due = NULL;
  GError *error = NULL;

  due = govorun_integration_records_due_finish (GOVORUN_STORE (source), result, &error);
  if (due == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < due->len; i++)
    {
      GovorunDelivery *d = g_ptr_array_index (due, i);
      gint64 id = govorun_delivery_get_id (d);

      if (!g_hash_table_contains (self->in_flight, &id))
        g_queue_push_tail (&pass->queue, g_object_ref (d));
    }
  attempt_next (task);
}

static void
on_loaded_for_pass (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = GOVORUN_INTEGRATIONS (source);
  GError *error = NULL;

  if (!_govorun_integrations_ensure_loaded_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_integration_records_due_async (self->store, g_get_real_time () / 1000, PASS_LIMIT,
                                         g_task_get_cancellable (task), on_due,
                                         g_object_ref (task));
}

void
govorun_integrations_deliver_due_async (GovorunIntegrations *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_deliver_due_async);
  g_task_set_task_data (task, g_new0 (Pass, 1), (GDestroyNotify) pass_free);
  _govorun_integrations_ensure_loaded_async (self, cancellable, on_loaded_for_pass, task);
}

static void
on_loaded_for_one (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!_govorun_integrations_ensure_loaded_finish (GOVORUN_INTEGRATIONS (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  attempt_next (task);
}

void
_govorun_integrations_send_now_async (GovorunIntegrations *self,
                                      GovorunDelivery     *delivery,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  Pass *pass;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_DELIVERY (delivery));

  task = g_task_new (self, cancellable, callback, user_data);
  /* Finished like a pass: it is a pass of one. */
  g_task_set_source_tag (task, govorun_integrations_deliver_due_async);
  pass = g_new0 (Pass, 1);
  g_queue_push_tail (&pass->queue, g_object_ref (delivery));
  g_task_set_task_data (task, pass, (GDestroyNotify) pass_free);
  _govorun_integrations_ensure_loaded_async (self, cancellable, on_loaded_for_one, task);
}

gboolean
govorun_integrations_deliver_due_finish (GovorunIntegrations  *self,
                                         GAsyncResult         *result,
                                         guint                *out_attempts,
                                         GError              **error)
{
  gssize attempts;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_deliver_due_async,
                        FALSE);

  attempts = g_task_propagate_int (G_TASK (result), error);
  if (attempts < 0)
    return FALSE;
  if (out_attempts != NULL)
    *out_attempts = (guint) attempts;
  return TRUE;
}

static void
on_resent (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_integration_records_resend_finish (GOVORUN_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  _govorun_integrations_emit_changed (g_task_get_source_object (task), 0);
  g_task_return_boolean (task, TRUE);
}

void
govorun_integrations_resend_async (GovorunIntegrations *self,
                                   GovorunDelivery     *delivery,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_DELIVERY (delivery));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_resend_async);
  govorun_integration_records_resend_async (self->store, govorun_delivery_get_id (delivery),
                                            g_get_real_time () / 1000, cancellable, on_resent, task);
}

gboolean
govorun_integrations_resend_finish (GovorunIntegrations  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the worker ---- */

static void
on_worker_pass (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GovorunIntegrations *self = GOVORUN_INTEGRATIONS (source);
  g_autoptr(GError) error = NULL;

  if (!govorun_integrations_deliver_due_finish (self, result, NULL, &error))
    g_debug ("Delivery pass failed: %s", error->message);
  self->worker_pass_running = FALSE;
  g_object_unref (self);
}

static gboolean
on_worker_tick (gpointer user_data)
{
  GovorunIntegrations *self = user_data;

  if (!self->worker_pass_running)
    {
      self->worker_pass_running = TRUE;
      govorun_integrations_deliver_due_async (g_object_ref (self), NULL, on_worker_pass, NULL);
    }
  return G_SOURCE_CONTINUE;
}

void
govorun_integrations_start_worker (GovorunIntegrations *self,
                                   guint                interval_ms)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));

  govorun_integrations_stop_worker (self);
  self->worker_id = g_timeout_add (MAX (interval_ms, 10), on_worker_tick, self);
}

void
govorun_integrations_stop_worker (GovorunIntegrations *self)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_clear_handle_id (&self->worker_id, g_source_remove);
}
