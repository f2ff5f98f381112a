/* bench-provisioning.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not pass/fail: the wall time of plan + apply for an agent with inbound
 * and outbound calls and two numbers, with 100 ms of emulated latency on
 * every request, against the critical path (the rounds of dependent
 * requests the provisioner made × 100 ms).
 */
#define GOVORUN_BENCH 1
/* The fixture's helpers come along whether the benchmark uses them or not. */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "test-provisioner.c"

#define LATENCY_MS 100

int
main (int   argc,
      char *argv[])
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GovorunPlan) p = NULL;
  g_autoptr(GError) error = NULL;
  guint rounds;
  gint64 start, wall;

  g_test_init (&argc, &argv, NULL);
  fixture_setup (f, NULL);
  govorun_http_set_timeout (f->s.http, 10000);

  g_ptr_array_add (numbers, govorun_agent_number_new (f->phone1, "74951230001"));
  g_ptr_array_add (numbers, govorun_agent_number_new (f->phone2, "74951230002"));
  govorun_agent_set_numbers (f->agent, numbers);
  govorun_agent_set_outbound (f->agent, TRUE);
  govorun_emulator_set_latency (f->vox, LATENCY_MS);

  start = g_get_monotonic_time ();
  p = plan (f);
  rounds = govorun_provisioner_get_last_rounds (f->prov);
  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  rounds += govorun_provisioner_get_last_rounds (f->prov);
  wall = (g_get_monotonic_time () - start) / 1000;

  /* One figure a line, "bench: <name> = <value> <unit>" (HACKING.md). */
  g_print ("bench: provisioning-wall = %" G_GINT64_FORMAT " ms\n", wall);
  g_print ("bench: provisioning-critical-path = %u ms\n", rounds * LATENCY_MS);
  g_print ("bench: provisioning-dependent-requests = %u requests\n", rounds);
  g_print ("bench: provisioning-wall-over-critical-path = %.2f x\n",
           (double) wall / (rounds * LATENCY_MS));

  fixture_teardown (f, NULL);
  return 0;
}
