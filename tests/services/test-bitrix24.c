/* test-bitrix24.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bitrix24 targets against the sandbox's Bitrix24 emulator over real HTTP,
 * with a real (throwaway) keyring: register → finish → attachRecord →
 * attachTranscription, a lead for an unknown number and none for a known
 * one, a missing scope named, the rate limit honoured, WRONG_AUTH_TYPE →
 * CRM-only, and a fault mid-chain that does not register the call twice.
 */
#define G_LOG_DOMAIN "GovorunTestBitrix24"

#include "config.h"

#include "govorun-agent-records.h"
#include "govorun-bitrix24-client.h"
#include "govorun-bitrix24-emulator.h"
#include "govorun-bitrix24-telephony.h"
#include "govorun-call-info.h"
#include "govorun-call-turn.h"
#include "govorun-integration-records.h"
#include "govorun-integrations.h"
#include "govorun-secrets.h"
#include "store-test-util.h"

#define PROFILE  "test-bitrix24"
#define CLIENT   "+79161234567"
#define LINE     "+74951234567"

typedef struct
{
  char                    *dir;
  GovorunStore            *store;
  GovorunSecrets          *secrets;
  GovorunIntegrations     *integrations;
  GovorunBitrix24Emulator *emu;
  char                    *url;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->dir = test_util_make_tmp_dir ("govorun-test-bitrix24-XXXXXX");
  db = g_build_filename (f->dir, "test.db", NULL);
  f->store = store_test_open (db);
  f->secrets = govorun_secrets_new (PROFILE);
  f->integrations = govorun_integrations_new (f->store, f->secrets);
  govorun_integrations_set_retry_policy (f->integrations, 20, 100, 5);
  govorun_integrations_set_bitrix24_pacing (f->integrations, 0, 4, 50);
  f->emu = govorun_bitrix24_emulator_new ();
  g_assert_true (govorun_emulator_start (GOVORUN_EMULATOR (f->emu), &error));
  g_assert_no_error (error);
  f->url = govorun_bitrix24_emulator_get_webhook_url (f->emu);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->integrations);
  g_clear_object (&f->emu);
  govorun_store_close (f->store);
  g_clear_object (&f->store);
  g_clear_object (&f->secrets);
  test_util_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->url);
}

static void
spin_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GovorunIntegrationTarget *
add_bitrix24 (Fixture  *f,
              GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_integrations_add_bitrix24_async (f->integrations, "Portal", f->url, NULL, test_util_on_result,
                                           &result);
  return govorun_integrations_add_bitrix24_finish (f->integrations, test_util_wait (&result), error);
}

static GovorunIntegrationTarget *
add_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GovorunIntegrationTarget *target = add_bitrix24 (f, &error);

  g_assert_no_error (error);
  g_assert_nonnull (target);
  return target;
}

static GovorunCallRecord *
make_call (gint64      id,
           gint64      started_at,
           const char *client)
{
  GovorunCallRecord *record = govorun_call_record_new ();
  g_autoptr(GPtrArray) turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);
  g_autoptr(GovorunCallInfo) info = govorun_call_info_new ();

  govorun_call_record_set_id (record, id);
  govorun_call_record_set_started_at (record, started_at);
  govorun_call_record_set_direction (record, GOVORUN_CALL_DIRECTION_INBOUND);
  govorun_call_record_set_from_number (record, client);
  govorun_call_record_set_to_number (record, LINE);
  govorun_call_record_set_duration (record, 65);
  govorun_call_record_set_status (record, GOVORUN_CALL_STATUS_ANSWERED);
  govorun_call_record_set_vox_cost (record, 3.5, "RUB");
  govorun_call_record_set_summary (record, "The caller booked a visit.");
  g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_AGENT, "Здравствуйте! Вы говорите с роботом.", 0));
  g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_CALLER, "Запишите меня на завтра.", 4200));
  g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_AGENT, "Записал на 10:00.", 9000));
  govorun_call_record_set_transcript (record, turns);
  info->record_url = g_strdup ("https://storage.example/records/1.mp3");
  govorun_call_record_set_info (record, info);
  return record;
}

static void
enqueue (Fixture           *f,
         GovorunCallRecord *record)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  govorun_integrations_call_finished_async (f->integrations, record, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_enqueue_finish (f->integrations, test_util_wait (&result), &added,
                                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
}

static void
enqueue_call (Fixture                  *f,
              GovorunIntegrationTarget *target,
              gint64                    id,
              const char               *client)
{
  g_autoptr(GovorunCallRecord) call = make_call (id, govorun_integration_target_get_created_at (target) + 5,
                                                 client);

  enqueue (f, call);
}

static void
deliver (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_integrations_deliver_due_async (f->integrations, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_deliver_due_finish (f->integrations, test_util_wait (&result), NULL,
                                                          &error));
  g_assert_no_error (error);
}

static GPtrArray *
deliveries_of (Fixture                  *f,
               GovorunIntegrationTarget *target)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *deliveries;

  govorun_integration_records_load_deliveries_async (f->store, govorun_integration_target_get_id (target),
                                                     10, NULL, test_util_on_result, &result);
  deliveries = govorun_integration_records_load_deliveries_finish (f->store, test_util_wait (&result),
                                                                   &error);
  g_assert_no_error (error);
  return deliveries;
}

static GovorunDelivery *
only_delivery (Fixture                  *f,
               GovorunIntegrationTarget *target)
{
  g_autoptr(GPtrArray) deliveries = deliveries_of (f, target);

  g_assert_cmpuint (deliveries->len, ==, 1);
  return g_object_ref (g_ptr_array_index (deliveries, 0));
}

/* Delivers the only delivery until it is no longer waiting (5 passes at
 * most, the retry delay between them); gives it. */
static GovorunDelivery *
deliver_until_settled (Fixture                  *f,
                       GovorunIntegrationTarget *target)
{
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GovorunDelivery) pass = NULL;

      deliver (f);
      pass = only_delivery (f, target);
      if (govorun_delivery_get_state (pass) != GOVORUN_DELIVERY_PENDING)
        break;
      spin_ms (150);
    }
  return only_delivery (f, target);
}

static void
assert_all_delivered (Fixture                  *f,
                      GovorunIntegrationTarget *target)
{
  g_autoptr(GPtrArray) deliveries = deliveries_of (f, target);

  for (guint i = 0; i < deliveries->len; i++)
    {
      GovorunDelivery *d = g_ptr_array_index (deliveries, i);

      g_assert_cmpstr (govorun_delivery_get_last_error (d), ==, NULL);
      g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
    }
}

static void
test_webhook_url (void)
{
  g_autoptr(GovorunBitrix24Webhook) hook = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad[] = {
    "http://portal.bitrix24.ru/rest/1/abcdef12/",     /* not https */
    "https://portal.bitrix24.ru/rest/x/abcdef12/",    /* user not a number */
    "https://portal.bitrix24.ru/api/1/abcdef12/",
    "https://portal.bitrix24.ru/rest/1/",
    "https://portal.bitrix24.ru/rest/1/ab cd/",
    "https://user:pw@portal.bitrix24.ru/rest/1/abcdef12/",
    "portal.bitrix24.ru/rest/1/abcdef12/",
    "",
  };

  hook = govorun_bitrix24_webhook_parse ("  https://portal.bitrix24.ru/rest/17/k3y_s3cr3t/profile.json ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hook->base, ==, "https://portal.bitrix24.ru/rest/17/k3y_s3cr3t/");
  g_assert_cmpstr (hook->display, ==, "https://portal.bitrix24.ru/rest/17/…/");
  g_assert_cmpint (hook->user_id, ==, 17);
  g_assert_null (strstr (hook->display, "k3y"));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e = NULL;

      g_assert_null (govorun_bitrix24_webhook_parse (bad[i], &e));
      g_assert_error (e, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_INVALID_URL);
    }
}

/* register → finish → attachRecord → attachTranscription; a lead for the
 * unknown caller; the secret never in the target. */
static void
test_chain (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  g_autoptr(GovorunDelivery) d = NULL;
  const GovorunBitrix24EmuCall *call;
  g_auto(GStrv) log = NULL;

  g_assert_cmpint (govorun_integration_target_get_kind (target), ==, GOVORUN_INTEGRATION_KIND_BITRIX24);
  g_assert_null (strstr (govorun_integration_target_get_url (target), "emuwebhooksecret"));
  g_assert_false (govorun_integration_target_get_crm_only (target));

  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->emu));
  enqueue_call (f, target, 7, CLIENT);
  deliver (f);
  d = only_delivery (f, target);
  g_assert_cmpstr (govorun_delivery_get_last_error (d), ==, NULL);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
  g_assert_cmpuint (govorun_delivery_get_last_status (d), ==, 200);

  log = govorun_emulator_get_request_log (GOVORUN_EMULATOR (f->emu));
  g_assert_cmpuint (g_strv_length (log), ==, 4);
  g_assert_cmpstr (log[0], ==, "telephony.externalCall.register");
  g_assert_cmpstr (log[1], ==, "telephony.externalCall.finish");
  g_assert_cmpstr (log[2], ==, "telephony.externalCall.attachRecord");
  g_assert_cmpstr (log[3], ==, "telephony.call.attachTranscription");

  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_calls (f->emu), ==, 1);
  call = govorun_bitrix24_emulator_get_call (f->emu, 0);
  g_assert_cmpint (call->type, ==, GOVORUN_BITRIX24_CALL_INCOMING);
  g_assert_cmpstr (call->phone_number, ==, CLIENT);
  g_assert_cmpstr (call->line_number, ==, LINE);
  g_assert_cmpint (call->user_id, ==, 1);
  g_assert_cmpstr (call->external_call_id, ==, govorun_delivery_get_uuid (d));
  g_assert_true (call->finished);
  g_assert_cmpuint (call->duration, ==, 65);
  g_assert_cmpstr (call->status_code, ==, "200");
  g_assert_cmpfloat_with_epsilon (call->cost, 3.5, 1e-9);
  g_assert_cmpstr (call->cost_currency, ==, "RUB");
  g_assert_cmpstr (call->record_url, ==, "https://storage.example/records/1.mp3");
  g_assert_cmpuint (call->n_transcript, ==, 3);
  g_assert_cmpstr (call->first_side, ==, "User");
  /* Unknown number: the portal made a lead (CRM_CREATE=1). */
  g_assert_cmpint (call->crm_created_lead, >, 0);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_leads (f->emu), ==, 1);

  /* Delivered: another pass sends nothing. */
  deliver (f);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_calls (f->emu), ==, 1);
}

static void
test_known_contact (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  gint64 contact = govorun_bitrix24_emulator_add_contact (f->emu, CLIENT);
  const GovorunBitrix24EmuCall *call;

  enqueue_call (f, target, 7, CLIENT);
  deliver (f);
  assert_all_delivered (f, target);
  call = govorun_bitrix24_emulator_get_call (f->emu, 0);
  g_assert_cmpint (call->crm_created_lead, ==, 0);
  g_assert_cmpstr (call->crm_entity_type, ==, "CONTACT");
  g_assert_cmpint (call->crm_entity_id, ==, contact);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_leads (f->emu), ==, 0);
}

static GovorunIntegrationCheck *
check_url (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunIntegrationCheck *check;

  govorun_integrations_test_target_async (f->integrations, NULL, GOVORUN_INTEGRATION_KIND_BITRIX24, f->url,
                                          NULL, test_util_on_result, &result);
  check = govorun_integrations_test_target_finish (f->integrations, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  return check;
}

static void
test_missing_scope (Fixture       *f,
                    gconstpointer  data)
{
  const char *no_crm[] = { "telephony", "user", NULL };
  const char *neither[] = { "user", NULL };
  g_autoptr(GovorunIntegrationCheck) good = NULL;
  g_autoptr(GovorunIntegrationCheck) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GovorunIntegrationTarget) none = NULL;

  good = check_url (f);
  g_assert_true (good->ok);
  g_assert_cmpuint (good->status, ==, 200);
  g_assert_true (g_strv_contains ((const char * const *) good->scopes, "telephony"));
  g_assert_cmpuint (g_strv_length (good->missing_scopes), ==, 0);

  govorun_bitrix24_emulator_set_scopes (f->emu, no_crm);
  bad = check_url (f);
  g_assert_false (bad->ok);
  g_assert_cmpuint (g_strv_length (bad->missing_scopes), ==, 1);
  g_assert_cmpstr (bad->missing_scopes[0], ==, "crm");
  g_assert_nonnull (strstr (bad->message, "crm"));

  none = add_bitrix24 (f, &error);
  g_assert_null (none);
  g_assert_error (error, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_MISSING_SCOPE);
  g_assert_nonnull (strstr (error->message, "crm"));
  g_assert_null (strstr (error->message, "telephony"));

  govorun_bitrix24_emulator_set_scopes (f->emu, neither);
  g_assert_null (add_bitrix24 (f, &error2));
  g_assert_error (error2, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_MISSING_SCOPE);
  g_assert_nonnull (strstr (error2->message, "telephony, crm"));
  g_assert_cmpuint (g_list_model_get_n_items (govorun_integrations_get_targets (f->integrations)), ==, 0);
}

/* Paced at the bucket's drain rate, the portal never answers 503. */
static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = NULL;
  gint64 start;
  double elapsed;

  govorun_integrations_set_bitrix24_pacing (f->integrations, 100, 4, 50);
  govorun_bitrix24_emulator_set_rate_limit (f->emu, 2, 10.0);
  target = add_ok (f);
  enqueue_call (f, target, 7, CLIENT);
  enqueue_call (f, target, 8, "+79160000002");
  start = g_get_monotonic_time ();
  deliver (f);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  assert_all_delivered (f, target);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_limited (f->emu), ==, 0);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emu), "*"), ==, 9);
  /* 8 requests at most every 100 ms after the scope check. */
  g_assert_cmpfloat (elapsed, >=, 0.65);
  g_test_message ("8 paced requests took %.2f s", elapsed);
}

/* Unpaced against a tiny bucket: the 503s are retried and the calls still
 * arrive, each once. */
static void
test_rate_limit_retry (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);

  govorun_bitrix24_emulator_set_rate_limit (f->emu, 1, 5.0);
  govorun_integrations_set_bitrix24_pacing (f->integrations, 0, 6, 150);
  enqueue_call (f, target, 7, CLIENT);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GovorunDelivery) d = NULL;

      deliver (f);
      d = only_delivery (f, target);
      if (govorun_delivery_get_state (d) == GOVORUN_DELIVERY_DELIVERED)
        break;
      spin_ms (150);
    }
  assert_all_delivered (f, target);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_limited (f->emu), >, 0);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_calls (f->emu), ==, 1);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_call (f->emu, 0)->n_transcript, ==, 3);
}

/* The first target's CRM-only flag as a fresh service loads it. */
static gboolean
reloaded_crm_only (Fixture *f)
{
  g_autoptr(GovorunIntegrations) again = govorun_integrations_new (f->store, f->secrets);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunIntegrationTarget) t = NULL;

  govorun_integrations_load_async (again, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_load_finish (again, test_util_wait (&result), &error));
  g_assert_no_error (error);
  t = g_list_model_get_item (govorun_integrations_get_targets (again), 0);
  return govorun_integration_target_get_crm_only (t);
}

static void
test_wrong_auth_type (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  gint64 contact = govorun_bitrix24_emulator_add_contact (f->emu, "+79160000002");
  const GovorunBitrix24EmuActivity *a;

  govorun_bitrix24_emulator_set_wrong_auth_type (f->emu, TRUE);
  enqueue_call (f, target, 7, CLIENT);
  enqueue_call (f, target, 8, "+79160000002");
  deliver (f);
  assert_all_delivered (f, target);
  {
    g_autoptr(GovorunIntegrationTarget) live = g_list_model_get_item (govorun_integrations_get_targets (f->integrations), 0);

    g_assert_true (govorun_integration_target_get_crm_only (live));
  }
  g_assert_nonnull (strstr (govorun_integrations_crm_only_notice (), "CRM"));
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_calls (f->emu), ==, 0);
  /* The unknown caller became a lead, the known one kept its contact. */
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_leads (f->emu), ==, 1);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_activities (f->emu), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      a = govorun_bitrix24_emulator_get_activity (f->emu, i);
      g_assert_true (a->from_rest);
      g_assert_cmpint (a->type_id, ==, 2);
      g_assert_cmpint (a->direction, ==, 1);
      g_assert_nonnull (strstr (a->description, "The caller booked a visit."));
      g_assert_nonnull (strstr (a->description, "Запишите меня на завтра."));
      if (a->owner_type == 3)
        g_assert_cmpint (a->owner_id, ==, contact);
      else
        g_assert_cmpint (a->owner_type, ==, 1);
    }

  /* Remembered: a reload reads the flag back from the store. */
  g_assert_true (reloaded_crm_only (f));
}

/* Try Telephony Again: the mark is cleared (and stays cleared after a
 * reload), and the next call is registered on the portal's telephony. */
static void
test_try_telephony_again (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  g_autoptr(GovorunIntegrationTarget) live = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  govorun_bitrix24_emulator_set_wrong_auth_type (f->emu, TRUE);
  enqueue_call (f, target, 7, CLIENT);
  deliver (f);
  live = g_list_model_get_item (govorun_integrations_get_targets (f->integrations), 0);
  g_assert_true (govorun_integration_target_get_crm_only (live));

  govorun_bitrix24_emulator_set_wrong_auth_type (f->emu, FALSE);
  govorun_integrations_try_telephony_again_async (f->integrations, live, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integrations_try_telephony_again_finish (f->integrations, test_util_wait (&result),
                                                                  &error));
  g_assert_no_error (error);
  g_assert_false (govorun_integration_target_get_crm_only (live));

  enqueue_call (f, live, 8, CLIENT);
  deliver (f);
  assert_all_delivered (f, live);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_calls (f->emu), ==, 1);
  g_assert_true (govorun_bitrix24_emulator_get_call (f->emu, 0)->finished);
  g_assert_false (govorun_integration_target_get_crm_only (live));
  g_assert_false (reloaded_crm_only (f));
}

/* A 500 from finish: the delivery stays pending with the CALL_ID noted;
 * the retry goes on from finish and never registers again. */
static void
test_retry_mid_chain (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  GovorunFault fault = { .provider_code = GOVORUN_BITRIX24_EMU_INTERNAL_SERVER_ERROR, .http_status = 500, .times = 1 };
  GovorunFault lost = { .drop_connection = TRUE, .after_handling = TRUE, .times = 1 };
  g_autoptr(GovorunDelivery) first = NULL;
  g_autoptr(GovorunDelivery) last = NULL;

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emu), "telephony.externalCall.finish", &fault);
  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emu), "telephony.call.attachTranscription", &lost);
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->emu));
  enqueue_call (f, target, 7, CLIENT);

  deliver (f);
  first = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (first), ==, GOVORUN_DELIVERY_PENDING);
  g_assert_cmpuint (govorun_delivery_get_last_status (first), ==, 500);
  g_assert_nonnull (strstr (govorun_delivery_get_last_error (first), "INTERNAL_SERVER_ERROR"));

  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GovorunDelivery) d = NULL;

      spin_ms (150);
      deliver (f);
      d = only_delivery (f, target);
      if (govorun_delivery_get_state (d) != GOVORUN_DELIVERY_PENDING)
        break;
    }
  last = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (last), ==, GOVORUN_DELIVERY_DELIVERED);
  g_assert_cmpuint (govorun_delivery_get_attempts (last), ==, 3);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emu),
                                                        "telephony.externalCall.register"), ==, 1);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_calls (f->emu), ==, 1);
  g_assert_true (govorun_bitrix24_emulator_get_call (f->emu, 0)->finished);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_call (f->emu, 0)->n_transcript, ==, 3);
}

static gboolean
add_line (Fixture                  *f,
          GovorunIntegrationTarget *target,
          gboolean                 *existed,
          GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_integrations_add_bitrix24_line_async (f->integrations, target, LINE, "Govorun", NULL,
                                                test_util_on_result, &result);
  return govorun_integrations_add_bitrix24_line_finish (f->integrations, test_util_wait (&result), existed,
                                                        error);
}

/* The agent's number as an external line; twice is still one line, and
 * the second time says it was there; a refusal keeps the portal's code. */
static void
test_line (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  GovorunFault fault = { .provider_code = GOVORUN_BITRIX24_EMU_INSUFFICIENT_SCOPE, .http_status = 403, .times = 1 };
  g_autoptr(GError) error = NULL;
  gboolean existed = TRUE;

  g_assert_true (add_line (f, target, &existed, &error));
  g_assert_no_error (error);
  g_assert_false (existed);
  g_assert_true (add_line (f, target, &existed, &error));
  g_assert_no_error (error);
  g_assert_true (existed);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_lines (f->emu), ==, 1);

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emu), "telephony.externalLine.add", &fault);
  g_assert_false (add_line (f, target, NULL, &error));
  g_assert_error (error, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_BITRIX24);
  g_assert_nonnull (strstr (error->message, "insufficient_scope"));
}

/* The agents that have numbers, for the lines dialog. */
static void
test_agent_numbers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunAgent) with = govorun_agent_new ();
  g_autoptr(GovorunAgent) without = govorun_agent_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GovorunAgent) item = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Reception", "Silent" };
  GovorunAgent *agents[] = { with, without };

  g_ptr_array_add (numbers, govorun_agent_number_new (0, LINE));
  govorun_agent_set_numbers (with, numbers);
  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GovorunAgent) saved = NULL;

      govorun_agent_set_name (agents[i], names[i]);
      govorun_agent_records_save_async (f->store, agents[i], NULL, test_util_on_result, &result);
      saved = govorun_agent_records_save_finish (f->store, test_util_wait (&result), &error);
      g_assert_no_error (error);
    }

  {
    g_autoptr(GAsyncResult) result = NULL;

    govorun_integrations_list_agent_numbers_async (f->integrations, NULL, test_util_on_result, &result);
    model = govorun_integrations_list_agent_numbers_finish (f->integrations, test_util_wait (&result), &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (govorun_agent_get_name (item), ==, "Reception");
  g_assert_cmpstr (((GovorunAgentNumber *) g_ptr_array_index (govorun_agent_get_numbers (item), 0))->number, ==, LINE);
}

/* The Test button on a stored target reads the URL from the keyring. */
static void
test_check_target (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunIntegrationCheck) check = NULL;
  g_autoptr(GovorunIntegrations) fresh = govorun_integrations_new (f->store, f->secrets);

  /* A fresh service has no cached secret: the keyring answers. */
  govorun_integrations_test_target_async (fresh, target, 0, NULL, NULL, test_util_on_result, &result);
  check = govorun_integrations_test_target_finish (fresh, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_true (check->ok);
  g_assert_cmpuint (check->status, ==, 200);
}

/* A "test" delivery to a Bitrix24 target asks for the scopes. */
static void
test_test_delivery (Fixture       *f,
                    gconstpointer  data)
{
  const char *no_telephony[] = { "crm", NULL };
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  g_autoptr(GPtrArray) deliveries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunDelivery) d = NULL;
  GovorunDelivery *test;
  gint64 now_ms = g_get_real_time () / 1000;

  test = govorun_delivery_new (0, "0f1e2d3c-test", govorun_integration_target_get_id (target), "test",
                               "test:1", "{}", now_ms / 1000);
  govorun_delivery_set_outcome (test, GOVORUN_DELIVERY_PENDING, 0, now_ms, 0, 0, NULL);
  g_ptr_array_add (deliveries, test);
  govorun_integration_records_enqueue_async (f->store, deliveries, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integration_records_enqueue_finish (f->store, test_util_wait (&result), NULL, &error));
  g_assert_no_error (error);

  govorun_bitrix24_emulator_set_scopes (f->emu, no_telephony);
  deliver (f);
  d = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_FAILED);
  g_assert_nonnull (strstr (govorun_delivery_get_last_error (d), "telephony"));
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_calls (f->emu), ==, 0);
}

/* A step carried out but its answer lost. register: the retry sends the
 * same EXTERNAL_CALL_ID and the portal gives the unfinished call back.
 * finish: the retry's "Call is not found" means it went through. Either
 * way one call, finished, with its record and transcript. */
static void
test_answer_lost (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  GovorunFault lost = { .drop_connection = TRUE, .after_handling = TRUE, .times = 1 };
  g_autoptr(GovorunDelivery) d = NULL;

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emu), data, &lost);
  enqueue_call (f, target, 7, CLIENT);
  d = deliver_until_settled (f, target);
  g_assert_cmpstr (govorun_delivery_get_last_error (d), ==, NULL);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
  g_assert_cmpuint (govorun_delivery_get_attempts (d), ==, 2);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_calls (f->emu), ==, 1);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_call (f->emu, 0)->n_transcript, ==, 3);
  g_assert_nonnull (govorun_bitrix24_emulator_get_call (f->emu, 0)->record_url);
  g_assert_true (govorun_bitrix24_emulator_get_call (f->emu, 0)->finished);
}

/* CRM-only: crm.lead.add makes the lead but its answer is lost (as after a
 * crash before the progress is written). The retry looks the number up
 * first, finds that lead, and makes no second one. */
static void
test_lead_answer_lost (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  GovorunFault lost = { .drop_connection = TRUE, .after_handling = TRUE, .times = 1 };
  g_autoptr(GovorunDelivery) d = NULL;

  govorun_bitrix24_emulator_set_wrong_auth_type (f->emu, TRUE);
  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emu), "crm.lead.add", &lost);
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->emu));
  enqueue_call (f, target, 7, CLIENT);
  d = deliver_until_settled (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_DELIVERED);
  g_assert_cmpuint (govorun_delivery_get_attempts (d), ==, 2);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emu), "crm.lead.add"), ==, 1);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emu), "crm.duplicate.findbycomm"), ==, 2);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_leads (f->emu), ==, 1);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_activities (f->emu), ==, 1);
  g_assert_cmpint (govorun_bitrix24_emulator_get_activity (f->emu, 0)->owner_type, ==, 1);
}

/* A refused method stops the delivery with the portal's code. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GovorunIntegrationTarget) target = add_ok (f);
  GovorunFault fault = { .provider_code = GOVORUN_BITRIX24_EMU_INSUFFICIENT_SCOPE, .http_status = 403, .times = 1 };
  g_autoptr(GovorunDelivery) d = NULL;

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emu), "telephony.externalCall.register", &fault);
  enqueue_call (f, target, 7, CLIENT);
  deliver (f);
  d = only_delivery (f, target);
  g_assert_cmpint (govorun_delivery_get_state (d), ==, GOVORUN_DELIVERY_FAILED);
  g_assert_cmpuint (govorun_delivery_get_last_status (d), ==, 403);
  g_assert_nonnull (strstr (govorun_delivery_get_last_error (d), "insufficient_scope"));
}

/* The typed client alone: externalLine.add and the error envelope. */
static void
test_client (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GovorunBitrix24Webhook) hook = govorun_bitrix24_webhook_parse (f->url, NULL);
  g_autoptr(GovorunBitrix24Client) client = govorun_bitrix24_client_new (hook);
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autoptr(GAsyncResult) r3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(GError) refused = NULL;
  GovorunBitrix24RegisterParams params = { .user_id = 1, .phone_number = CLIENT, .type = GOVORUN_BITRIX24_CALL_OUTGOING };

  govorun_bitrix24_client_set_min_interval (client, 0);
  govorun_bitrix24_add_external_line_async (client, LINE, "Govorun", NULL, test_util_on_result, &r1);
  g_assert_cmpint (govorun_bitrix24_add_external_line_finish (client, test_util_wait (&r1), &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_bitrix24_emulator_get_n_lines (f->emu), ==, 1);

  govorun_bitrix24_add_external_line_async (client, LINE, "Govorun", NULL, test_util_on_result, &r2);
  g_assert_cmpint (govorun_bitrix24_add_external_line_finish (client, test_util_wait (&r2), &again), ==, 0);
  g_assert_error (again, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (again->message, "Line already exists"));

  /* A record uploaded as FILE_CONTENT after register and finish. */
  {
    g_autoptr(GAsyncResult) r4 = NULL;
    g_autoptr(GAsyncResult) r5 = NULL;
    g_autoptr(GAsyncResult) r6 = NULL;
    g_autoptr(GovorunBitrix24Registered) reg = NULL;
    g_autoptr(GBytes) audio = g_bytes_new_static ("RIFF....WAVEfmt ", 16);
    GovorunBitrix24FinishParams fin = { .user_id = 1, .duration = 3 };

    govorun_bitrix24_register_call_async (client, &params, NULL, test_util_on_result, &r4);
    reg = govorun_bitrix24_register_call_finish (client, test_util_wait (&r4), &error);
    g_assert_no_error (error);
    fin.call_id = reg->call_id;
    govorun_bitrix24_finish_call_async (client, &fin, NULL, test_util_on_result, &r5);
    g_assert_true (govorun_bitrix24_finish_call_finish (client, test_util_wait (&r5), NULL, &error));
    g_assert_no_error (error);
    govorun_bitrix24_attach_record_content_async (client, reg->call_id, "call.wav", audio, NULL,
                                                  test_util_on_result, &r6);
    g_assert_cmpint (govorun_bitrix24_attach_record_finish (client, test_util_wait (&r6), &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpstr (govorun_bitrix24_emulator_get_call (f->emu, 0)->record_url, ==, "call.wav");
    g_assert_cmpuint (govorun_bitrix24_emulator_get_call (f->emu, 0)->record_bytes, ==, 16);
    g_assert_cmpstr (govorun_bitrix24_emulator_get_call (f->emu, 0)->status_code, ==, "200");
  }

  govorun_bitrix24_emulator_set_wrong_auth_type (f->emu, TRUE);
  govorun_bitrix24_register_call_async (client, &params, NULL, test_util_on_result, &r3);
  g_assert_null (govorun_bitrix24_register_call_finish (client, test_util_wait (&r3), &refused));
  g_assert_error (refused, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_WRONG_AUTH_TYPE);
  g_assert_nonnull (strstr (refused->message, "WRONG_AUTH_TYPE"));
  g_assert_cmpuint (govorun_bitrix24_error_http_status (refused), ==, 403);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bitrix24/webhook-url", test_webhook_url);
#define ADD(path, func) g_test_add ("/bitrix24/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("client", test_client);
  ADD ("chain", test_chain);
  ADD ("known-contact", test_known_contact);
  ADD ("missing-scope", test_missing_scope);
  ADD ("rate-limit", test_rate_limit);
  ADD ("rate-limit-retry", test_rate_limit_retry);
  ADD ("wrong-auth-type", test_wrong_auth_type);
  ADD ("try-telephony-again", test_try_telephony_again);
  ADD ("retry-mid-chain", test_retry_mid_chain);
  ADD ("refused", test_refused);
  g_test_add ("/bitrix24/register-answer-lost", Fixture, "telephony.externalCall.register", fixture_set_up,
              test_answer_lost, fixture_tear_down);
  g_test_add ("/bitrix24/finish-answer-lost", Fixture, "telephony.externalCall.finish", fixture_set_up,
              test_answer_lost, fixture_tear_down);
  ADD ("lead-answer-lost", test_lead_answer_lost);
  ADD ("line", test_line);
  ADD ("agent-numbers", test_agent_numbers);
  ADD ("test-delivery", test_test_delivery);
  ADD ("check-target", test_check_target);
#undef ADD
  return g_test_run ();
}
