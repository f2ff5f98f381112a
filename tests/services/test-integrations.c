/* test-integrations.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox against the sandbox's webhook receiver over real HTTP, with a
 * real (throwaway) keyring: delivery, dedupe, retries with backoff on
 * 5xx/429, stop on 4xx, give up, pause, resend, rotation, and a kill
 * between "sent" and "recorded" (at least once, same delivery id).
 */
#define G_LOG_DOMAIN "GovorunTestIntegrations"

#include "config.h"

#include <signal.h>
#include <json-glib/json-glib.h>

#include "govorun-call-records.h"
#include "govorun-delivery-log.h"
#include "govorun-integration-records.h"
#include "govorun-integrations.h"
#include "govorun-secrets.h"
#include "govorun-webhook-receiver.h"
#include "store-test-util.h"

#define PROFILE  "test-integrations"
#define BASE_MS  20

typedef struct
{
  char                   *dir;
  char                   *db;
  GovorunStore           *store;
  GovorunSecrets         *secrets;
  GovorunIntegrations    *integrations;
  GovorunWebhookReceiver *receiver;
  guint                   paused_signals;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_util_make_tmp_dir ("govorun-test-integrations-XXXXXX");
  f->db = g_build_filename (f->dir, "test.db", NULL);
  f->store = store_test_open (f->db);
  f->secrets = govorun_secrets_new (PROFILE);
  f->integrations = govorun_integrations_new (f->store, f->secrets);
  govorun_integrations_set_retry_policy (f->integrations, BASE_MS, 100, 5);
  f->receiver = govorun_webhook_receiver_new ();
  g_assert_true (govorun_webhook_receiver_start (f->receiver, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->integrations);
  g_clear_object (&f->receiver);
  govorun_store_close (f->store);
  g_clear_object (&f->store);
  g_clear_object (&f->secrets);
  test_util_rm_rf (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

static void
spin_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GovorunIntegrationTarget *
add_webhook (Fixture *f,
             guint    events)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  GovorunIntegrationTarget *target;

  govorun_integrations_add_webhook_async (f->integrations, "CRM", govorun_webhook_receiver_get_url (f->receiver),
                                          events, NULL, test_util_on_result, &result);
  target = govorun_integrations_add_webhook_finish (f->integrations, test_util_wait (&result), &secret,
                                                    &error);
  g_assert_no_error (error);
  g_assert_nonnull (target);
  g_assert_cmpuint (strlen (secret), ==, 43);
  govorun_webhook_receiver_set_secret (f->receiver, secret);
  return target;
}

static GovorunCallRecord *
make_call (gint64 id,
           gint64 started_at)
{
  GovorunCallRecord *record = govorun_call_record_new ();

  govorun_call_record_set_id (record, id);
  govorun_call_record_set_started_at (record, started_at);
  govorun_call_record_set_from_number (record, "+79161234567");
  govorun_call_record_set_to_number (record, "+74951234567");
  return record;
}

static guint
call_finished (Fixture           *f,
               GovorunCallRecord *record)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 99;

  govorun_integrations_call_finished_async (f->integrations, record, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_enqueue_finish (f->integrations, test_util_wait (&result), &added,
                                                      &error));
  g_assert_no_error (error);
  return added;
}

static guint
deliver (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint attempts = 99;

  govorun_integrations_deliver_due_async (f->integrations, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_deliver_due_finish (f->integrations, test_util_wait (&result),
                                                          &attempts, &error));
  g_assert_no_error (error);
  return attempts;
}

static GovorunDelivery *
only_delivery (Fixture                  *f,
               GovorunIntegrationTarget *target)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deliveries = NULL;

  govorun_integration_records_load_deliveries_async (f->store, govorun_integration_target_get_id (target),
                                                     10, NULL, test_util_on_result, &result);
  deliveries = govorun_integration_records_load_deliveries_finish (f->store, test_util_wait (&result),
                                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deliveries->len, ==, 1);
  return g_object_ref (g_ptr_array_index (deliveries, 0));
}

static GPtrArray *
attempts_of (Fixture         *f,
             GovorunDelivery *delivery)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *attempts;

  govorun_integration_records_load_attempts_async (f->store, govorun_delivery_get_id (delivery), NULL,
                                                   test_util_on_result, &result);
  attempts = govorun_integration_records_load_attempts_finish (f->store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  return attempts;
}

/* Delivery passes until @delivery's state is final or @passes ran. */
static GovorunDelivery *
deliver_until_final (Fixture                  *f,
                     GovorunIntegrationTarget *target,
                     guint                     passes)
{
  for (guint i = 0; i < passes; i++)
    {
      g_autoptr(GovorunDelivery) d = NULL;

      deliver (f);
      d = only_delivery (f, target);
      if (govorun_delivery_get_state (d) != GOVORUN_DELIVERY_PENDING)
        return g_steal_pointer (&d);
      spin_ms (120);
    }
  return only_delivery (f, target);
}

static void
test_deliver (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENTS_ALL);
  gint64 created = govorun_integration_target_get_created_at (target);
  g_autoptr(GovorunCallRecord) call = make_call (7, created + 5);
  g_autoptr(GovorunCallRecord) old = make_call (8, created - 3600);
  g_autoptr(GovorunDelivery) d = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const GovorunReceivedDelivery *got;
  JsonObject *root;

  g_assert_cmpuint (call_finished (f, call), ==, 1);
  /* The same call synced again: not a second delivery. */
  g_assert_cmpuint (call_finished (f, call), ==, 0);
  /* A call from before the target existed: not sent without a backfill. */
  g_assert_cmpuint (call_finished (f, old), ==, 0);

  g_assert_cmpuint (deliver (f), ==, 1);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 1);
  got = govorun_webhook_receiver_get_received (f->receiver, 0);
  g_assert_true (got->signature_valid);
  g_assert_cmpstr (got->event, ==, "call.finished");

  d = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
  g_assert_cmpstr (govorun_delivery_get_uuid (d), ==, got->delivery_id);
  g_assert_cmpuint (govorun_delivery_get_last_status (d), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, got->body, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, got->delivery_id);
  g_assert_cmpstr (json_object_get_string_member (root, "schema"), ==, "govorun.call.v1");

  attempts = attempts_of (f, d);
  g_assert_cmpuint (attempts->len, ==, 1);
  g_assert_cmpuint (((GovorunDeliveryAttempt *) g_ptr_array_index (attempts, 0))->status, ==, 200);

  /* Nothing left to send. */
  g_assert_cmpuint (deliver (f), ==, 0);
}

static void
test_retry_5xx (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  g_autoptr(GovorunCallRecord) call = make_call (1, govorun_integration_target_get_created_at (target));
  g_autoptr(GovorunDelivery) d = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  GovorunDeliveryAttempt *a0, *a1, *a2;

  govorun_webhook_receiver_push_answer (f->receiver, 500, 0);
  govorun_webhook_receiver_push_answer (f->receiver, 503, 0);
  g_assert_cmpuint (call_finished (f, call), ==, 1);

  g_assert_cmpuint (deliver (f), ==, 1);
  d = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_PENDING);
  g_assert_cmpuint (govorun_delivery_get_attempts (d), ==, 1);
  g_assert_nonnull (govorun_delivery_get_last_error (d));
  g_clear_object (&d);

  d = deliver_until_final (f, target, 20);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
  attempts = attempts_of (f, d);
  g_assert_cmpuint (attempts->len, ==, 3);
  a0 = g_ptr_array_index (attempts, 0);
  a1 = g_ptr_array_index (attempts, 1);
  a2 = g_ptr_array_index (attempts, 2);
  g_assert_cmpuint (a0->status, ==, 500);
  g_assert_cmpuint (a1->status, ==, 503);
  g_assert_cmpuint (a2->status, ==, 200);
  /* Backoff: at least half the base delay, then half of twice it. */
  g_assert_cmpint (a1->at_ms - a0->at_ms, >=, BASE_MS / 2);
  g_assert_cmpint (a2->at_ms - a1->at_ms, >=, BASE_MS);
  /* Every attempt carried the same delivery id. */
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (govorun_webhook_receiver_get_received (f->receiver, i)->delivery_id, ==,
                     govorun_delivery_get_uuid (d));
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  g_autoptr(GovorunCallRecord) call = make_call (1, govorun_integration_target_get_created_at (target));
  g_autoptr(GovorunDelivery) d = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  GovorunDeliveryAttempt *a0;

  govorun_webhook_receiver_push_answer (f->receiver, 429, 1);
  g_assert_cmpuint (call_finished (f, call), ==, 1);
  g_assert_cmpuint (deliver (f), ==, 1);
  d = only_delivery (f, target);
  attempts = attempts_of (f, d);
  a0 = g_ptr_array_index (attempts, 0);
  g_assert_cmpuint (a0->status, ==, 429);
  /* Retry-After: 1 outweighs the 20 ms backoff. */
  g_assert_cmpint (govorun_delivery_get_next_attempt_at (d) - a0->at_ms, >=, 1000);
  g_assert_cmpuint (deliver (f), ==, 0);
  g_clear_object (&d);

  spin_ms (1100);
  g_assert_cmpuint (deliver (f), ==, 1);
  d = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
}

static void
test_stop_on_4xx (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  g_autoptr(GovorunCallRecord) call = make_call (1, govorun_integration_target_get_created_at (target));
  g_autoptr(GovorunDelivery) d = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_webhook_receiver_push_answer (f->receiver, 422, 0);
  g_assert_cmpuint (call_finished (f, call), ==, 1);
  g_assert_cmpuint (deliver (f), ==, 1);
  d = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_FAILED);
  g_assert_cmpuint (govorun_delivery_get_last_status (d), ==, 422);
  g_assert_nonnull (strstr (govorun_delivery_get_last_error (d), "422"));
  spin_ms (200);
  g_assert_cmpuint (deliver (f), ==, 0);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 1);

  /* Resend: the same delivery id again, now accepted. */
  govorun_integrations_resend_async (f->integrations, d, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_resend_finish (f->integrations, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (deliver (f), ==, 1);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 2);
  g_assert_cmpstr (govorun_webhook_receiver_get_received (f->receiver, 1)->delivery_id, ==,
                   govorun_delivery_get_uuid (d));
  g_clear_object (&d);
  d = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
}

static void
test_give_up (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  g_autoptr(GovorunCallRecord) call = make_call (1, govorun_integration_target_get_created_at (target));
  g_autoptr(GovorunDelivery) d = NULL;

  govorun_integrations_set_retry_policy (f->integrations, BASE_MS, 100, 2);
  govorun_webhook_receiver_push_answer (f->receiver, 500, 0);
  govorun_webhook_receiver_push_answer (f->receiver, 502, 0);
  g_assert_cmpuint (call_finished (f, call), ==, 1);
  d = deliver_until_final (f, target, 20);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_GAVE_UP);
  g_assert_cmpuint (govorun_delivery_get_attempts (d), ==, 2);
  g_assert_cmpuint (govorun_delivery_get_last_status (d), ==, 502);
}

static void
on_target_paused (GovorunIntegrations      *integrations,
                  GovorunIntegrationTarget *target,
                  Fixture                  *f)
{
  g_assert_true (govorun_integration_target_get_paused (target));
  f->paused_signals++;
}

static void
test_pause (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  g_autoptr(GovorunCallRecord) call = make_call (1, govorun_integration_target_get_created_at (target));
  g_autoptr(GovorunIntegrationTarget) listed = NULL;

  /* "Failing for a day", shortened to "failing at all" for the test. */
  govorun_integrations_set_pause_after (f->integrations, 0);
  g_signal_connect (f->integrations, "target-paused", G_CALLBACK (on_target_paused), f);
  govorun_webhook_receiver_push_answer (f->receiver, 500, 0);
  g_assert_cmpuint (call_finished (f, call), ==, 1);
  g_assert_cmpuint (deliver (f), ==, 1);
  while (f->paused_signals == 0)
    g_main_context_iteration (NULL, TRUE);
  listed = g_list_model_get_item (govorun_integrations_get_targets (f->integrations), 0);
  g_assert_true (govorun_integration_target_get_paused (listed));
  g_assert_nonnull (govorun_integration_target_get_pause_reason (listed));
  spin_ms (200);
  g_assert_cmpuint (deliver (f), ==, 0);

  /* Resumed: the delivery goes out. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    govorun_integrations_set_paused_async (f->integrations, listed, FALSE, NULL, NULL,
                                           test_util_on_result, &result);
    g_assert_true (govorun_integrations_set_paused_finish (f->integrations, test_util_wait (&result),
                                                           &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (deliver (f), ==, 1);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 2);
}

static void
test_campaign_events (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target =
    add_webhook (f, GOVORUN_INTEGRATION_EVENT_CAMPAIGN_FINISHED | GOVORUN_INTEGRATION_EVENT_CONTACT_RESULT);
  g_autoptr(GovorunCallRecord) call = make_call (1, govorun_integration_target_get_created_at (target));
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  /* Not subscribed to calls. */
  g_assert_cmpuint (call_finished (f, call), ==, 0);

  govorun_integrations_campaign_finished_async (f->integrations, 12, "Напоминание", 100, 80, 20, NULL,
                                                test_util_on_result, &r1);
  g_assert_true (govorun_integrations_enqueue_finish (f->integrations, test_util_wait (&r1), &added, &error));
  g_assert_cmpuint (added, ==, 1);
  govorun_integrations_contact_result_async (f->integrations, 12, 5, "+79161234567", "reached", 2, NULL,
                                             test_util_on_result, &r2);
  g_assert_true (govorun_integrations_enqueue_finish (f->integrations, test_util_wait (&r2), &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);

  g_assert_cmpuint (deliver (f), ==, 2);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const GovorunReceivedDelivery *got = govorun_webhook_receiver_get_received (f->receiver, i);

      g_assert_true (got->signature_valid);
      if (g_str_equal (got->event, "campaign.finished"))
        g_assert_nonnull (strstr (got->body, "\"schema\":\"govorun.campaign.v1\""));
      else
        {
          g_assert_cmpstr (got->event, ==, "contact.result");
          g_assert_nonnull (strstr (got->body, "\"schema\":\"govorun.contact.v1\""));
        }
    }
}

static void
test_rotate (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  g_autoptr(GovorunCallRecord) call = make_call (1, govorun_integration_target_get_created_at (target));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autoptr(GovorunDelivery) d = NULL;

  govorun_integrations_rotate_secret_async (f->integrations, target, NULL, test_util_on_result, &result);
  secret = govorun_integrations_rotate_secret_finish (f->integrations, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_integration_target_get_secret_generation (target), ==, 2);
  /* The receiver still has the old secret: refused with 401, a 4xx. */
  g_assert_cmpuint (call_finished (f, call), ==, 1);
  g_assert_cmpuint (deliver (f), ==, 1);
  g_assert_false (govorun_webhook_receiver_get_received (f->receiver, 0)->signature_valid);
  d = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_FAILED);

  govorun_webhook_receiver_set_secret (f->receiver, secret);
  g_clear_object (&result);
  govorun_integrations_resend_async (f->integrations, d, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_resend_finish (f->integrations, test_util_wait (&result), &error));
  g_assert_cmpuint (deliver (f), ==, 1);
  g_assert_true (govorun_webhook_receiver_get_received (f->receiver, 1)->signature_valid);
}

/* The application's sandbox wiring: the receiver asks the service. */
static char **
demo_secrets (const char *delivery_id,
              gpointer    user_data)
{
  return govorun_integrations_dup_demo_webhook_secrets (GOVORUN_INTEGRATIONS (user_data));
}

static void
test_sandbox_receiver (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = NULL;
  g_autoptr(GovorunCallRecord) call = NULL;
  g_autoptr(GovorunCallRecord) later = NULL;
  g_autoptr(GovorunDelivery) d = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_auto(GStrv) outside = NULL;

  /* Outside the sandbox the service gives no secrets away. */
  outside = govorun_integrations_dup_demo_webhook_secrets (f->integrations);
  g_assert_null (outside);

  govorun_integrations_set_demo_webhook_url (f->integrations, govorun_webhook_receiver_get_url (f->receiver));
  govorun_webhook_receiver_set_secrets_func (f->receiver, demo_secrets, g_object_ref (f->integrations),
                                             g_object_unref);
  /* Stored on an earlier sandbox run, when the receiver had another port;
   * the receiver is never told the secret. */
  govorun_integrations_add_webhook_async (f->integrations, "Sandbox", "http://127.0.0.1:1/hooks/govorun",
                                          GOVORUN_INTEGRATION_EVENT_CALL_FINISHED, NULL, test_util_on_result,
                                          &result);
  target = govorun_integrations_add_webhook_finish (f->integrations, test_util_wait (&result), &secret, &error);
  g_assert_no_error (error);
  call = make_call (1, govorun_integration_target_get_created_at (target) + 1);
  g_assert_cmpuint (call_finished (f, call), ==, 1);
  g_assert_cmpuint (deliver (f), ==, 1);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 1);
  g_assert_true (govorun_webhook_receiver_get_received (f->receiver, 0)->signature_valid);
  d = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
  g_assert_cmpuint (govorun_delivery_get_last_status (d), ==, 200);

  /* A rotated secret is known at once too. */
  g_clear_object (&result);
  g_clear_pointer (&secret, g_free);
  govorun_integrations_rotate_secret_async (f->integrations, target, NULL, test_util_on_result, &result);
  secret = govorun_integrations_rotate_secret_finish (f->integrations, test_util_wait (&result), &error);
  g_assert_no_error (error);
  later = make_call (2, govorun_integration_target_get_created_at (target) + 2);
  g_assert_cmpuint (call_finished (f, later), ==, 1);
  g_assert_cmpuint (deliver (f), ==, 1);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 2);
  g_assert_true (govorun_webhook_receiver_get_received (f->receiver, 1)->signature_valid);
  g_assert_cmpuint (govorun_webhook_receiver_get_received (f->receiver, 1)->answered, ==, 200);
}

static void
on_helper_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static void
test_crash_after_send (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  g_autoptr(GovorunCallRecord) call = make_call (1, govorun_integration_target_get_created_at (target));
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "integrations-crash-helper", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GovorunDelivery) before = NULL;
  g_autoptr(GovorunDelivery) after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  char *first_id;

  if (!GOVORUN_TEST_HOOKS)
    {
      /* The crash point is compiled only with -Dtest_hooks=true, as
       * build-aux/test.sh sets it up. */
      g_test_skip ("needs a build with -Dtest_hooks=true");
      return;
    }

  g_assert_cmpuint (call_finished (f, call), ==, 1);

  g_subprocess_launcher_setenv (launcher, "GOVORUN_TEST_CRASH_AT", "delivery-after-send", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, helper, f->db, PROFILE, NULL);
  g_assert_no_error (error);
  /* The receiver runs on this main loop while the child sends. */
  g_subprocess_wait_async (child, NULL, on_helper_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The receiver has it; the outbox still says pending. */
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 1);
  first_id = govorun_webhook_receiver_get_received (f->receiver, 0)->delivery_id;
  g_assert_true (govorun_webhook_receiver_get_received (f->receiver, 0)->signature_valid);
  before = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (before), ==, GOVORUN_DELIVERY_PENDING);
  g_assert_cmpuint (govorun_delivery_get_attempts (before), ==, 0);

  /* After the "restart": sent again, with the same id; the receiver can
   * tell it is a duplicate. */
  g_assert_cmpuint (deliver (f), ==, 1);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 2);
  g_assert_cmpstr (govorun_webhook_receiver_get_received (f->receiver, 1)->delivery_id, ==, first_id);
  g_assert_true (govorun_webhook_receiver_get_received (f->receiver, 1)->duplicate);
  after = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (after), ==, GOVORUN_DELIVERY_DELIVERED);
}

static void
test_new_calls (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  gint64 created = govorun_integration_target_get_created_at (target);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCallRecord *old, *done, *going;
  guint added = 99;

  old = make_call (0, created - 86400);
  done = make_call (0, created + 1);
  going = make_call (0, created + 2);
  govorun_call_record_set_vox_session_id (old, 1001);
  govorun_call_record_set_vox_session_id (done, 1002);
  govorun_call_record_set_vox_session_id (going, 1003);
  govorun_call_record_set_status (done, GOVORUN_CALL_STATUS_ANSWERED);
  govorun_call_record_set_summary (done, "Клиент записался на приём.");
  govorun_call_record_set_status (going, GOVORUN_CALL_STATUS_IN_PROGRESS);
  g_ptr_array_add (records, old);
  g_ptr_array_add (records, done);
  g_ptr_array_add (records, going);
  govorun_call_records_upsert_async (f->store, records, NULL, NULL, test_util_on_result, &result);
  g_assert_true (govorun_call_records_upsert_finish (f->store, test_util_wait (&result), &error));
  g_assert_no_error (error);

  /* Only the finished call made after the target. */
  g_clear_object (&result);
  govorun_integrations_enqueue_new_calls_async (f->integrations, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_enqueue_new_calls_finish (f->integrations, test_util_wait (&result),
                                                                &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_clear_object (&result);
  govorun_integrations_enqueue_new_calls_async (f->integrations, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_enqueue_new_calls_finish (f->integrations, test_util_wait (&result),
                                                                &added, &error));
  g_assert_cmpuint (added, ==, 0);

  g_assert_cmpuint (deliver (f), ==, 1);
  g_assert_nonnull (strstr (govorun_webhook_receiver_get_received (f->receiver, 0)->body,
                            "Клиент записался на приём."));

  /* A backfill of the day before brings the old call. The producers read
   * the listed target, so the range is set on that one. */
  {
    g_autoptr(GovorunIntegrationTarget) listed =
      g_list_model_get_item (govorun_integrations_get_targets (f->integrations), 0);

    g_clear_object (&result);
    govorun_integrations_backfill_async (f->integrations, listed, created - 2 * 86400, created, NULL,
                                         test_util_on_result, &result);
    g_assert_true (govorun_integrations_enqueue_new_calls_finish (f->integrations,
                                                                  test_util_wait (&result), &added,
                                                                  &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
  }
}

static void
test_invalid_url (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunIntegrationTarget) target = NULL;

  govorun_integrations_add_webhook_async (f->integrations, "x", "ftp://example.org/", 1, NULL,
                                          test_util_on_result, &result);
  target = govorun_integrations_add_webhook_finish (f->integrations, test_util_wait (&result), NULL, &error);
  g_assert_null (target);
  g_assert_error (error, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_INVALID_URL);
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENTS_ALL);
  g_autoptr(GovorunIntegrations) again = govorun_integrations_new (f->store, f->secrets);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunIntegrationTarget) loaded = NULL;

  govorun_integrations_load_async (again, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_load_finish (again, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_integrations_get_targets (again)), ==, 1);
  loaded = g_list_model_get_item (govorun_integrations_get_targets (again), 0);
  g_assert_cmpstr (govorun_integration_target_get_uuid (loaded), ==,
                   govorun_integration_target_get_uuid (target));
  g_assert_cmpstr (govorun_integration_target_get_url (loaded), ==,
                   govorun_webhook_receiver_get_url (f->receiver));
  g_assert_cmpuint (govorun_integration_target_get_events (loaded), ==, GOVORUN_INTEGRATION_EVENTS_ALL);
}

/* Test: a signed "test" delivery sent at once, answered, and kept in the log. */
static void
test_test_delivery (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunDelivery) d = NULL;
  g_autoptr(GovorunDelivery) logged = NULL;
  g_autoptr(GovorunDelivery) waiting = NULL;
  const GovorunReceivedDelivery *got;

  govorun_integrations_test_async (f->integrations, target, NULL, test_util_on_result, &result);
  d = govorun_integrations_test_finish (f->integrations, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
  g_assert_cmpuint (govorun_delivery_get_last_status (d), ==, 200);
  g_assert_cmpstr (govorun_delivery_get_event (d), ==, "test");
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 1);
  got = govorun_webhook_receiver_get_received (f->receiver, 0);
  g_assert_true (got->signature_valid);
  g_assert_cmpstr (got->event, ==, "test");
  g_assert_cmpstr (got->delivery_id, ==, govorun_delivery_get_uuid (d));
  g_assert_nonnull (strstr (got->body, "\"govorun.test.v1\""));
  logged = only_delivery (f, target);
  g_assert_cmpstr (govorun_delivery_get_uuid (logged), ==, govorun_delivery_get_uuid (d));

  /* Paused: the test waits in the outbox. */
  govorun_integration_target_set_paused (target, TRUE, "x");
  govorun_integrations_test_async (f->integrations, target, NULL, test_util_on_result, &result2);
  waiting = govorun_integrations_test_finish (f->integrations, test_util_wait (&result2), &error);
  g_assert_no_error (error);
  g_assert_cmpint (govorun_delivery_get_state (waiting), ==, GOVORUN_DELIVERY_PENDING);
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (f->receiver), ==, 1);
}

/* Remove: the target, its deliveries and its log go. */
static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENTS_ALL);
  g_autoptr(GovorunCallRecord) call = make_call (7, govorun_integration_target_get_created_at (target) + 5);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deliveries = NULL;

  g_assert_cmpuint (call_finished (f, call), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_integrations_get_targets (f->integrations)), ==, 1);
  govorun_integrations_remove_async (f->integrations, target, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_remove_finish (f->integrations, test_util_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (govorun_integrations_get_targets (f->integrations)), ==, 0);
  govorun_integration_records_load_deliveries_async (f->store, govorun_integration_target_get_id (target),
                                                     10, NULL, test_util_on_result, &loaded);
  deliveries = govorun_integration_records_load_deliveries_finish (f->store, test_util_wait (&loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deliveries->len, ==, 0);
  /* Nothing to send to a target that is gone. */
  g_assert_cmpuint (deliver (f), ==, 0);
}

static gboolean
log_has (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1])
         && !govorun_delivery_log_get_loading (args[0]);
}

static void
wait_log (GovorunDeliveryLog *log,
          guint               n)
{
  gpointer args[2] = { log, GUINT_TO_POINTER (n) };
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!log_has (args) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, n);
}

/* The delivery log: keyset pages as a view scrolls, newest first, and a
 * reload when the outbox changes. */
static void
test_delivery_log (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  gint64 created = govorun_integration_target_get_created_at (target);
  g_autoptr(GovorunDeliveryLog) log = NULL;
  g_autoptr(GovorunDelivery) first = NULL;
  g_autoptr(GovorunDelivery) last = NULL;
  g_autoptr(GovorunDelivery) again = NULL;

  for (guint i = 1; i <= 120; i++)
    {
      g_autoptr(GovorunCallRecord) call = make_call (i, created + i);

      g_assert_cmpuint (call_finished (f, call), ==, 1);
    }
  log = govorun_delivery_log_new (f->integrations, govorun_integration_target_get_id (target));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (log)) == GOVORUN_TYPE_DELIVERY);
  wait_log (log, 50);
  first = g_list_model_get_item (G_LIST_MODEL (log), 0);
  g_assert_cmpstr (govorun_delivery_get_subject (first), ==, "call:120");
  /* A row near the end asks for the next page, then the last one. */
  g_clear_object (&last);
  last = g_list_model_get_item (G_LIST_MODEL (log), 49);
  wait_log (log, 100);
  g_clear_object (&last);
  last = g_list_model_get_item (G_LIST_MODEL (log), 99);
  wait_log (log, 120);
  g_clear_object (&last);
  last = g_list_model_get_item (G_LIST_MODEL (log), 119);
  g_assert_cmpstr (govorun_delivery_get_subject (last), ==, "call:1");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (log), 120));

  /* A pass delivers four at a time; the log reads its rows again. */
  g_assert_cmpuint (deliver (f), >, 0);
  spin_ms (400);
  wait_log (log, 120);
  again = g_list_model_get_item (G_LIST_MODEL (log), 119);
  g_assert_cmpint (govorun_delivery_get_state (again), ==, GOVORUN_DELIVERY_DELIVERED);
  g_assert_cmpint (govorun_integration_target_get_failing_since (target), ==, 0);
}

/* The transcript goes only to targets that asked for it. */
static void
test_transcript_option (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target =
    add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED | GOVORUN_INTEGRATION_OPTION_TRANSCRIPT);
  g_autoptr(GovorunCallRecord) call = make_call (7, govorun_integration_target_get_created_at (target) + 5);
  g_autoptr(GovorunDelivery) d = NULL;

  g_assert_cmpuint (call_finished (f, call), ==, 1);
  d = only_delivery (f, target);
  g_assert_nonnull (strstr (govorun_delivery_get_payload (d), "\"transcript\""));
  g_assert_true (govorun_integrations_supports_kind (f->integrations, GOVORUN_INTEGRATION_KIND_WEBHOOK));
}

/* The recording's link goes only to targets that asked for it. */
static void
test_recording_link_option (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) with_link =
    add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED | GOVORUN_INTEGRATION_OPTION_RECORDING_LINK);
  g_autoptr(GovorunIntegrationTarget) without = add_webhook (f, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED);
  g_autoptr(GovorunCallRecord) call = make_call (8, govorun_integration_target_get_created_at (without) + 5);
  g_autoptr(GovorunCallInfo) info = govorun_call_info_new ();
  g_autoptr(GovorunDelivery) linked = NULL;
  g_autoptr(GovorunDelivery) plain = NULL;

  info->record_url = g_strdup ("https://storage.example/records/8.mp3");
  govorun_call_record_set_info (call, info);
  g_assert_cmpuint (call_finished (f, call), ==, 2);
  linked = only_delivery (f, with_link);
  plain = only_delivery (f, without);
  g_assert_nonnull (strstr (govorun_delivery_get_payload (linked), "https://storage.example/records/8.mp3"));
  g_assert_null (strstr (govorun_delivery_get_payload (plain), "storage.example"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Govorun/Integrations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("deliver", test_deliver);
  ADD ("retry-5xx", test_retry_5xx);
  ADD ("retry-after", test_retry_after);
  ADD ("stop-on-4xx", test_stop_on_4xx);
  ADD ("give-up", test_give_up);
  ADD ("pause", test_pause);
  ADD ("campaign-events", test_campaign_events);
  ADD ("rotate", test_rotate);
  ADD ("crash-after-send", test_crash_after_send);
  ADD ("new-calls", test_new_calls);
  ADD ("invalid-url", test_invalid_url);
  ADD ("reload", test_reload);
  ADD ("test-delivery", test_test_delivery);
  ADD ("remove", test_remove);
  ADD ("delivery-log", test_delivery_log);
  ADD ("transcript-option", test_transcript_option);
  ADD ("recording-link-option", test_recording_link_option);
  ADD ("sandbox-receiver", test_sandbox_receiver);
#undef ADD
  return g_test_run ();
}
