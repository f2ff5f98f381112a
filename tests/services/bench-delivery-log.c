/* bench-delivery-log.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The delivery log over a large outbox: GOVORUN_BENCH_DELIVERIES
 * deliveries (200,000 by default) of one target; the time to the log's
 * first page, to scrolling through 1,000 rows (20 keyset pages), and of
 * one keyset page at the far end of the log. Prints "bench:" lines.
 */
#define G_LOG_DOMAIN "GovorunBenchDeliveryLog"

#include "config.h"

#include "govorun-delivery-log.h"
#include "govorun-integration-records.h"
#include "govorun-secrets.h"
#include "store-test-util.h"
#include "test-util.h"

static void
wait_items (GovorunDeliveryLog *log,
            guint               n)
{
  while (g_list_model_get_n_items (G_LIST_MODEL (log)) < n || govorun_delivery_log_get_loading (log))
    g_main_context_iteration (NULL, TRUE);
}

static void
report (const char *name,
        gint64      start_us,
        double      start_cpu)
{
  g_print ("bench: %s = %.1f ms\n", name, (g_get_monotonic_time () - start_us) / 1000.0);
  g_print ("bench: %s-cpu = %.1f ms\n", name, (test_util_cpu_seconds () - start_cpu) * 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("GOVORUN_BENCH_DELIVERIES");
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 200000;
  g_autofree char *dir = test_util_make_tmp_dir ("govorun-bench-delivery-log-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GovorunStore) store = store_test_open (path);
  g_autoptr(GovorunSecrets) secrets = govorun_secrets_new ("bench-delivery-log");
  g_autoptr(GovorunIntegrations) integrations = govorun_integrations_new (store, secrets);
  g_autoptr(GovorunIntegrationTarget) target = NULL;
  g_autoptr(GovorunDeliveryLog) log = NULL;
  g_autoptr(GPtrArray) deliveries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  gint64 target_id, start;
  double cpu;

  target = govorun_integration_target_new (0, "bench-target", GOVORUN_INTEGRATION_KIND_WEBHOOK, "Bench",
                                           "https://example.org/hook", GOVORUN_INTEGRATION_EVENTS_ALL, 0);
  govorun_integration_records_add_target_async (store, target, NULL, test_util_on_result, &result);
  target_id = govorun_integration_records_add_target_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *subject = g_strdup_printf ("call:%u", i + 1);
      GovorunDelivery *d = govorun_delivery_new (0, uuid, target_id, "call.finished", subject,
                                                 "{\"schema\":\"govorun.call.v1\"}", 1764600000 + i);

      govorun_delivery_set_outcome (d, GOVORUN_DELIVERY_DELIVERED, 1, 0, 200, 12, NULL);
      g_ptr_array_add (deliveries, d);
    }
  govorun_integration_records_enqueue_async (store, deliveries, NULL, test_util_on_result, &result);
  g_assert_true (govorun_integration_records_enqueue_finish (store, test_util_wait (&result), NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_print ("bench: delivery-log-rows = %u rows\n", n);

  start = g_get_monotonic_time ();
  cpu = test_util_cpu_seconds ();
  log = govorun_delivery_log_new (integrations, target_id);
  wait_items (log, MIN (n, 50));
  report ("delivery-log-first-page", start, cpu);

  start = g_get_monotonic_time ();
  cpu = test_util_cpu_seconds ();
  for (guint i = 0; i < 1000 && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (log), i);

      wait_items (log, MIN (n, i + 1));
    }
  report ("delivery-log-scroll-1000-rows", start, cpu);
  g_print ("bench: delivery-log-rows-in-memory = %u rows\n", g_list_model_get_n_items (G_LIST_MODEL (log)));

  start = g_get_monotonic_time ();
  cpu = test_util_cpu_seconds ();
  govorun_integration_records_delivery_page_async (store, target_id, 60, 50, NULL, test_util_on_result, &result);
  page = govorun_integration_records_delivery_page_finish (store, test_util_wait (&result), &error);
  g_assert_no_error (error);
  report ("delivery-log-last-page", start, cpu);
  g_assert_cmpuint (page->len, ==, MIN (n, 50));

  g_clear_object (&log);
  govorun_store_close (store);
  test_util_rm_rf (dir);
  return 0;
}
