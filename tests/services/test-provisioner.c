/* test-provisioner.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The provisioner against the sandbox's Voximplant emulator and a real
 * keyring (run through run-with-keyring.sh): plan, apply, re-apply, the
 * fault matrix with Continue, rollback, drift and repair, delete.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "govorun-agent-store.h"
#include "govorun-client-factory.h"
#include "govorun-key-rotation.h"
#include "govorun-provisioner.h"
#include "govorun-sandbox.h"
#include "govorun-scenario-generator.h"
#include "govorun-util.h"
#include "govorun-voximplant-client.h"
#include "sandbox-services.h"

#define VOX GOVORUN_SANDBOX_VOX_ACCOUNT_ID

typedef struct
{
  SandboxServices       s;
  GovorunEmulator      *vox;
  GovorunAgentStore    *agents;
  GovorunProvisioner   *prov;
  GovorunAccount       *vox_account;
  GovorunAccount       *el_account;
  GovorunAgent         *agent;
  gint64                phone1, phone2;
  guint                 foreign[4];   /* objects not Govorun's: application, scenario, rule, bound-number */
  GAsyncResult         *result;
} Fixture;

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  test_util_on_result (object, result, &((Fixture *) user_data)->result);
}

static GAsyncResult *
wait_result (Fixture *f)
{
  return test_util_wait (&f->result);
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

static GovorunAccount *
add_account (Fixture        *f,
             GovorunAccount *draft,
             const char     *secret)
{
  return sandbox_services_add_account (&f->s, draft, secret);
}

/* An unsaved agent "Клиника" on the fixture's accounts, answering @number. */
static GovorunAgent *
clinic_draft (Fixture    *f,
              gint64      phone_id,
              const char *number)
{
  GovorunAgent *draft = govorun_agent_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);

  govorun_agent_set_name (draft, "Клиника");
  govorun_agent_set_vox_account_uuid (draft, govorun_account_get_uuid (f->vox_account));
  govorun_agent_set_el_account_uuid (draft, govorun_account_get_uuid (f->el_account));
  govorun_agent_set_el_agent_id (draft, "agent_0001");
  g_ptr_array_add (numbers, govorun_agent_number_new (phone_id, number));
  govorun_agent_set_numbers (draft, numbers);
  return draft;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunAccount) vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GovorunAgent) draft = NULL;

  sandbox_services_start (&f->s);
  f->vox = GOVORUN_EMULATOR (govorun_sandbox_get_voximplant (f->s.sandbox));
  /* Short, so the fault matrix's timeouts are quick. */
  govorun_http_set_retry (f->s.http, 2, 1);
  govorun_http_set_timeout (f->s.http, 300);

  govorun_account_set_display_name (vox, "Clinic");
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, "7654321");
  f->vox_account = add_account (f, vox, GOVORUN_SANDBOX_VOX_API_KEY);
  govorun_account_set_display_name (el, "Agents");
  f->el_account = add_account (f, el, GOVORUN_SANDBOX_EL_API_KEY);

  f->agents = govorun_agent_store_new (f->s.store);
  f->prov = govorun_provisioner_new (f->s.factory, f->s.accounts, f->agents, f->s.store);

  govorun_voximplant_emulator_seed_phone_inventory (govorun_sandbox_get_voximplant (f->s.sandbox));
  f->phone1 = govorun_voximplant_emulator_add_owned_number (govorun_sandbox_get_voximplant (f->s.sandbox), VOX,
                                                            "74951230001", "RU", "GEOGRAPHIC", "Moscow");
  f->phone2 = govorun_voximplant_emulator_add_owned_number (govorun_sandbox_get_voximplant (f->s.sandbox), VOX,
                                                            "74951230002", "RU", "GEOGRAPHIC", "Moscow");
  g_assert_cmpint (f->phone1, >, 0);

  draft = clinic_draft (f, f->phone1, "74951230001");
  govorun_agent_store_save_async (f->agents, draft, NULL, on_result, f);
  f->agent = govorun_agent_store_save_finish (f->agents, wait_result (f), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->agent);
  g_clear_object (&f->prov);
  g_clear_object (&f->agents);
  g_clear_object (&f->vox_account);
  g_clear_object (&f->el_account);
  g_clear_object (&f->result);
  sandbox_services_stop (&f->s);
}

static gboolean
apply (Fixture  *f,
       GError  **error)
{
  gboolean ok;

  govorun_provisioner_apply_async (f->prov, f->agent, NULL, on_result, f);
  ok = govorun_provisioner_apply_finish (f->prov, wait_result (f), error);
  g_clear_object (&f->result);
  return ok;
}

static void
rollback (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  govorun_provisioner_rollback_async (f->prov, f->agent, NULL, on_result, f);
  g_assert_true (govorun_provisioner_rollback_finish (f->prov, wait_result (f), &error));
  g_clear_object (&f->result);
  g_assert_no_error (error);
}

static GovorunPlan *
plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GovorunPlan *p;

  govorun_provisioner_plan_async (f->prov, f->agent, NULL, on_result, f);
  p = govorun_provisioner_plan_finish (f->prov, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  return p;
}

static GPtrArray *
drift (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *d;

  govorun_provisioner_check_drift_async (f->prov, f->agent, NULL, on_result, f);
  d = govorun_provisioner_check_drift_finish (f->prov, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  return d;
}

static guint
raw_count (Fixture    *f,
           const char *type)
{
  return govorun_voximplant_emulator_count_objects (govorun_sandbox_get_voximplant (f->s.sandbox), VOX, type);
}

/* Govorun's own objects: what is there less the foreign objects a test made. */
static guint
count (Fixture    *f,
       const char *type)
{
  static const char *types[] = { "application", "scenario", "rule", "bound-number" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (type, types[i]))
      return raw_count (f, type) - f->foreign[i];

  return raw_count (f, type);
}

static GovorunVoximplantClient *
vox_client (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GovorunVoximplantClient *client;

  govorun_client_factory_voximplant_async (f->s.factory, f->vox_account, NULL, NULL, on_result, f);
  client = govorun_client_factory_voximplant_finish (f->s.factory, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);

  return client;
}

/* Someone else's application, scenario, rule and bound number in the same
 * account: Govorun must never touch them. */
static void
add_foreign_objects (Fixture *f,
                     gint64   phone_id)
{
  g_autoptr(GovorunVoximplantClient) client = vox_client (f);
  g_autoptr(GovorunVoximplantApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  gint64 scenario_id, rule_id;

  govorun_voximplant_client_add_application_async (client, "crm-bot", FALSE, NULL, on_result, f);
  app = govorun_voximplant_client_add_application_finish (client, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);

  govorun_voximplant_client_add_scenario_async (client, "crm-handler", "VoxEngine.terminate();",
                                                app->application_id, NULL, on_result, f);
  scenario_id = govorun_voximplant_client_add_scenario_finish (client, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);

  govorun_voximplant_client_add_rule_async (client, app->application_id, "crm-inbound", ".*", scenario_id,
                                            NULL, on_result, f);
  rule_id = govorun_voximplant_client_add_rule_finish (client, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);

  govorun_voximplant_client_bind_phone_number_to_application_async (client, &phone_id, 1, app->application_id,
                                                                    rule_id, TRUE, NULL, on_result, f);
  g_assert_true (govorun_voximplant_client_bind_phone_number_to_application_finish (client, wait_result (f),
                                                                                    &error));
  g_clear_object (&f->result);
  g_assert_no_error (error);

  f->foreign[0] = raw_count (f, "application");
  f->foreign[1] = raw_count (f, "scenario");
  f->foreign[2] = raw_count (f, "rule");
  f->foreign[3] = raw_count (f, "bound-number");
  g_assert_cmpuint (f->foreign[0], ==, 1);
  g_assert_cmpuint (f->foreign[1], ==, 1);
  g_assert_cmpuint (f->foreign[2], ==, 1);
  g_assert_cmpuint (f->foreign[3], ==, 1);
}

static guint
mutations (Fixture *f)
{
  const char *methods[] = { "AddApplication", "AddScenario", "AddRule", "SetScenarioInfo", "SetRuleInfo",
                            "BindScenario", "BindPhoneNumberToApplication", "DelRule", "DelScenario",
                            "DelApplication", "AddSecret", "SetSecretInfo", "DelSecret" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    n += govorun_emulator_get_request_count (f->vox, methods[i]);
  return n;
}

static void
assert_deployed (Fixture *f,
                 guint    scenarios,
                 guint    rules)
{
  g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_READY);
  g_assert_null (govorun_agent_get_last_step (f->agent));
  g_assert_cmpuint (count (f, "application"), ==, 1);
  g_assert_cmpuint (count (f, "scenario"), ==, scenarios);
  g_assert_cmpuint (count (f, "rule"), ==, rules);
  g_assert_cmpuint (count (f, "bound-number"), ==, govorun_agent_get_numbers (f->agent)->len);
}

/* The benchmark reuses the fixture above, not the tests below. */
#ifndef GOVORUN_BENCH
static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GovorunPlan) p = NULL;
  g_autoptr(GovorunPlan) again = NULL;
  g_autoptr(GPtrArray) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *deployed = NULL;
  GovorunPlanStep *step;

  p = plan (f);
  step = govorun_plan_find_step (p, "application");
  g_assert_nonnull (step);
  g_assert_cmpint (step->action, ==, GOVORUN_PLAN_CREATE);
  g_assert_cmpstr (step->name, ==, "gv-klinika");
  g_assert_cmpint (govorun_plan_find_step (p, "scenario-inbound")->action, ==, GOVORUN_PLAN_CREATE);
  g_assert_cmpint (govorun_plan_find_step (p, "rule-inbound")->action, ==, GOVORUN_PLAN_CREATE);
  g_assert_cmpint (govorun_plan_find_step (p, "rule-inbound")->action, ==, GOVORUN_PLAN_CREATE);
  name = g_strdup_printf ("bind-%" G_GINT64_FORMAT, f->phone1);
  g_assert_cmpint (govorun_plan_find_step (p, name)->action, ==, GOVORUN_PLAN_BIND);
  g_assert_null (govorun_plan_find_step (p, "rule-outbound"));
  g_assert_cmpuint (mutations (f), ==, 0);

  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  assert_deployed (f, 1, 1);
  g_assert_cmpint (govorun_agent_get_application_id (f->agent), >, 0);

  /* The deployed scenario is the generator's text. */
  govorun_provisioner_get_scenario_async (f->prov, f->agent, GOVORUN_SCENARIO_INBOUND, FALSE, NULL, on_result, f);
  text = govorun_provisioner_get_scenario_finish (f->prov, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  /* The key is the application's secret, not in the text. */
  g_assert_null (strstr (text, GOVORUN_SANDBOX_EL_API_KEY));
  g_assert_nonnull (strstr (text, GOVORUN_SCENARIO_KEY_SECRET_NAME));
  g_assert_false (govorun_agent_get_key_in_scenario (f->agent));
  {
    g_autofree char *secret = govorun_voximplant_emulator_get_secret (govorun_sandbox_get_voximplant (f->s.sandbox), VOX,
                                                                      govorun_agent_get_application_id (f->agent),
                                                                      GOVORUN_SCENARIO_KEY_SECRET_NAME);

    g_assert_cmpstr (secret, ==, GOVORUN_SANDBOX_EL_API_KEY);
  }
  {
    g_autoptr(GPtrArray) found = drift (f);

    g_assert_cmpuint (found->len, ==, 0);
  }
  govorun_provisioner_get_scenario_async (f->prov, f->agent, GOVORUN_SCENARIO_INBOUND, TRUE, NULL, on_result, f);
  masked = govorun_provisioner_get_scenario_finish (f->prov, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_null (strstr (masked, GOVORUN_SANDBOX_EL_API_KEY));

  /* Again: nothing changes. */
  govorun_emulator_reset_counts (f->vox);
  again = plan (f);
  for (guint i = 0; i < again->steps->len; i++)
    g_assert_cmpint (((GovorunPlanStep *) g_ptr_array_index (again->steps, i))->action, ==, GOVORUN_PLAN_REUSE);
  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mutations (f), ==, 0);
  assert_deployed (f, 1, 1);

  /* Edit: outbound on, a second number: re-deploy adds what is missing. */
  {
    g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);

    g_ptr_array_add (numbers, govorun_agent_number_new (f->phone1, "74951230001"));
    g_ptr_array_add (numbers, govorun_agent_number_new (f->phone2, "74951230002"));
    govorun_agent_set_numbers (f->agent, numbers);
    govorun_agent_set_outbound (f->agent, TRUE);
  }
  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  assert_deployed (f, 2, 2);
  d = drift (f);
  g_assert_cmpuint (d->len, ==, 0);

  rollback (f);
  g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_DRAFT);
  g_assert_cmpuint (count (f, "application"), ==, 0);
  g_assert_cmpuint (count (f, "scenario"), ==, 0);
  g_assert_cmpuint (count (f, "rule"), ==, 0);
  g_assert_cmpuint (count (f, "bound-number"), ==, 0);
  g_assert_cmpuint (count (f, "number"), ==, 2);
  (void) deployed;
}

/* Index in the request log of @method's first (or last) request; -1 if none. */
static int
log_index (char       **log,
           const char  *method,
           gboolean     last)
{
  int found = -1;

  for (int i = 0; log[i] != NULL; i++)
    if (g_str_equal (log[i], method))
      {
        found = i;
        if (!last)
          break;
      }
  return found;
}

/* Dependent changes go out in order: the inbound rule before the outbound
 * catch-all (rules match in creation order), and on rollback every DelRule
 * is answered before the first DelScenario of a scenario it references. */
static void
test_dependent_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GovorunVoximplantClient) client = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *inbound_name = govorun_provisioner_rule_name (govorun_agent_get_slug (f->agent), TRUE);
  g_autofree char *outbound_name = govorun_provisioner_rule_name (govorun_agent_get_slug (f->agent), FALSE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) log = NULL;
  gint64 inbound_id = 0, outbound_id = 0;

  /* Many times: parallel requests would come out in either order. */
  for (guint round = 0; round < 5; round++)
    {
      govorun_agent_set_outbound (f->agent, TRUE);
      govorun_emulator_reset_counts (f->vox);
      g_assert_true (apply (f, &error));
      g_assert_no_error (error);
      assert_deployed (f, 2, 2);

      log = govorun_emulator_get_request_log (f->vox);
      g_assert_cmpint (log_index (log, "AddRule", FALSE), >, log_index (log, "AddScenario", TRUE));
      g_assert_cmpint (log_index (log, "AddRule", FALSE), <, log_index (log, "AddRule", TRUE));
      g_clear_pointer (&log, g_strfreev);

      client = vox_client (f);
      govorun_voximplant_client_get_rules_async (client, govorun_agent_get_application_id (f->agent), FALSE,
                                                 0, 0, NULL, on_result, f);
      rules = govorun_voximplant_client_get_rules_finish (client, wait_result (f), NULL, &error);
      g_clear_object (&f->result);
      g_assert_no_error (error);
      for (guint i = 0; i < rules->len; i++)
        {
          GovorunVoximplantRule *rule = g_ptr_array_index (rules, i);

          if (g_str_equal (rule->rule_name, inbound_name))
            inbound_id = rule->rule_id;
          else if (g_str_equal (rule->rule_name, outbound_name))
            outbound_id = rule->rule_id;
        }
      g_assert_cmpint (inbound_id, >, 0);
      g_assert_cmpint (outbound_id, >, inbound_id);
      g_clear_pointer (&rules, g_ptr_array_unref);
      g_clear_object (&client);

      /* An edit drops outbound: its rule goes before its scenario. */
      govorun_agent_set_outbound (f->agent, FALSE);
      govorun_emulator_reset_counts (f->vox);
      g_assert_true (apply (f, &error));
      g_assert_no_error (error);
      assert_deployed (f, 1, 1);
      log = govorun_emulator_get_request_log (f->vox);
      g_assert_cmpint (log_index (log, "DelRule", TRUE), >=, 0);
      g_assert_cmpint (log_index (log, "DelRule", TRUE), <, log_index (log, "DelScenario", FALSE));
      g_clear_pointer (&log, g_strfreev);

      govorun_agent_set_outbound (f->agent, TRUE);
      g_assert_true (apply (f, &error));
      g_assert_no_error (error);

      govorun_emulator_reset_counts (f->vox);
      rollback (f);
      g_assert_cmpuint (count (f, "rule"), ==, 0);
      log = govorun_emulator_get_request_log (f->vox);
      g_assert_cmpint (log_index (log, "DelRule", TRUE), >=, 0);
      g_assert_cmpint (log_index (log, "DelRule", TRUE), <, log_index (log, "DelScenario", FALSE));
      g_assert_cmpint (log_index (log, "DelScenario", TRUE), <, log_index (log, "DelApplication", FALSE));
      g_clear_pointer (&log, g_strfreev);
    }
}

/* The id of the agent's inbound scenario in the account. */
static gint64
scenario_id (Fixture *f)
{
  g_autoptr(GovorunVoximplantClient) client = vox_client (f);
  g_autofree char *name = govorun_scenario_name_for_agent (govorun_agent_get_slug (f->agent), GOVORUN_SCENARIO_INBOUND);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  govorun_voximplant_client_get_scenarios_async (client, 0, name, FALSE, 0, 0, NULL, on_result, f);
  found = govorun_voximplant_client_get_scenarios_finish (client, wait_result (f), NULL, &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  return ((GovorunVoximplantScenario *) g_ptr_array_index (found, 0))->scenario_id;
}

/* An account without secret storage: the key goes into the scenarios,
 * the agent says so, and nothing fails; once the account has it, the key
 * moves there. Rollback removes the secret Govorun stored. */
static void
test_key_secret_fallback (Fixture       *f,
                          gconstpointer  data)
{
  GovorunVoximplantEmulator *emulator = govorun_sandbox_get_voximplant (f->s.sandbox);
  const GovorunFault unknown = { .provider_code = 103, .times = -1 };
  g_autoptr(GovorunPlan) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *secret = NULL;
  gint64 app_id;

  govorun_emulator_add_fault (f->vox, "AddSecret", &unknown);
  p = plan (f);
  g_assert_nonnull (govorun_plan_find_step (p, "secret"));
  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  assert_deployed (f, 1, 1);
  g_assert_true (govorun_agent_get_key_in_scenario (f->agent));
  app_id = govorun_agent_get_application_id (f->agent);
  text = govorun_voximplant_emulator_get_scenario_script (emulator, VOX, scenario_id (f));
  g_assert_nonnull (strstr (text, GOVORUN_SANDBOX_EL_API_KEY));
  g_clear_pointer (&text, g_free);

  /* The secret storage arrives: the next apply moves the key there. */
  govorun_emulator_clear_faults (f->vox);
  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  g_assert_false (govorun_agent_get_key_in_scenario (f->agent));
  text = govorun_voximplant_emulator_get_scenario_script (emulator, VOX, scenario_id (f));
  g_assert_null (strstr (text, GOVORUN_SANDBOX_EL_API_KEY));
  secret = govorun_voximplant_emulator_get_secret (emulator, VOX, app_id, GOVORUN_SCENARIO_KEY_SECRET_NAME);
  g_assert_cmpstr (secret, ==, GOVORUN_SANDBOX_EL_API_KEY);
  /* The account lists it by name only. */
  {
    g_autoptr(GovorunVoximplantClient) client = vox_client (f);
    g_autoptr(GPtrArray) names = NULL;

    govorun_voximplant_client_get_secrets_async (client, app_id, NULL, on_result, f);
    names = govorun_voximplant_client_get_secrets_finish (client, wait_result (f), &error);
    g_clear_object (&f->result);
    g_assert_no_error (error);
    g_assert_cmpuint (names->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (names, 0), ==, GOVORUN_SCENARIO_KEY_SECRET_NAME);
  }

  /* Switched to a webhook bot, the agent needs the key no more: gone. */
  govorun_emulator_reset_counts (f->vox);
  govorun_agent_set_engine (f->agent, GOVORUN_AGENT_ENGINE_WEBHOOK);
  govorun_agent_set_webhook_url (f->agent, "https://bot.example.com/voice");
  govorun_agent_set_tenant_slug (f->agent, "clinic");
  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_emulator_get_request_count (f->vox, "DelSecret"), ==, 1);
  g_clear_pointer (&secret, g_free);
  secret = govorun_voximplant_emulator_get_secret (emulator, VOX, app_id, GOVORUN_SCENARIO_KEY_SECRET_NAME);
  g_assert_null (secret);

  /* Back to the agent, then rolled back: the secret goes first. */
  govorun_agent_set_engine (f->agent, GOVORUN_AGENT_ENGINE_ELEVENLABS);
  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  govorun_emulator_reset_counts (f->vox);
  rollback (f);
  g_assert_cmpuint (govorun_emulator_get_request_count (f->vox, "DelSecret"), ==, 1);
  g_assert_cmpuint (count (f, "application"), ==, 0);
}

static gboolean
secret_is (Fixture    *f,
           const char *expected)
{
  g_autofree char *secret = govorun_voximplant_emulator_get_secret (govorun_sandbox_get_voximplant (f->s.sandbox), VOX,
                                                                    govorun_agent_get_application_id (f->agent),
                                                                    GOVORUN_SCENARIO_KEY_SECRET_NAME);

  return g_strcmp0 (secret, expected) == 0;
}

/* A new ElevenLabs key saved in Accounts reaches the application's secret
 * by itself; nothing is redeployed. */
static void
test_key_rotation (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunKeyRotation) rotation = govorun_key_rotation_new (f->s.factory, f->s.accounts, f->agents);
  g_autoptr(GovorunAccount) edited = govorun_account_copy (f->el_account);
  g_autoptr(GError) error = NULL;
  const char *new_key = "sk_rotated_0123456789abcdef";
  gint64 end;

  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  g_assert_true (secret_is (f, GOVORUN_SANDBOX_EL_API_KEY));

  govorun_emulator_reset_counts (f->vox);
  govorun_account_store_update_async (f->s.accounts, edited, new_key, NULL, on_result, f);
  g_assert_true (govorun_account_store_update_finish (f->s.accounts, wait_result (f), &error));
  g_clear_object (&f->result);
  g_assert_no_error (error);

  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!secret_is (f, new_key) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_true (secret_is (f, new_key));
  g_assert_cmpuint (govorun_emulator_get_request_count (f->vox, "SetSecretInfo"), ==, 1);
  g_assert_cmpuint (mutations (f), ==, 1);

  /* An agent whose scenarios carry the key is not touched. */
  govorun_agent_set_key_in_scenario (f->agent, TRUE);
  govorun_key_rotation_rotate_async (rotation, f->el_account, NULL, on_result, f);
  g_assert_cmpuint (govorun_key_rotation_rotate_finish (rotation, wait_result (f), &error), ==, 0);
  g_clear_object (&f->result);
  g_assert_no_error (error);
}

static void
test_drift_repair_delete (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) d = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunPlan) p = NULL;
  gint64 rule_id;

  g_assert_true (apply (f, &error));
  g_assert_no_error (error);

  /* The emulator numbers rules from 300001: tamper the first there is.
   */
  for (rule_id = 300001; rule_id < 300100; rule_id++)
    if (govorun_voximplant_emulator_tamper_rule_pattern (govorun_sandbox_get_voximplant (f->s.sandbox),
                                                         VOX, rule_id, "7.*"))
      break;
  g_assert_cmpint (rule_id, <, 300100);

  d = drift (f);
  g_assert_cmpuint (d->len, ==, 1);
  /* In words: the number the rule should take calls to, and the pattern
   * someone else wrote, quoted. */
  g_assert_nonnull (strstr (g_ptr_array_index (d, 0), "should take calls to +7\u00a0495\u00a0123\u201100\u201101,"));
  g_assert_nonnull (strstr (g_ptr_array_index (d, 0), "takes calls to numbers matching “7.*”"));
  g_assert_null (strstr (g_ptr_array_index (d, 0), "(74951230001)"));
  g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_DRIFTED);

  p = plan (f);
  g_assert_cmpint (govorun_plan_find_step (p, "rule-inbound")->action, ==, GOVORUN_PLAN_UPDATE);

  g_assert_true (apply (f, &error));   /* Repair */
  g_assert_no_error (error);
  after = drift (f);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_READY);

  govorun_provisioner_delete_async (f->prov, f->agent, NULL, on_result, f);
  g_assert_true (govorun_provisioner_delete_finish (f->prov, wait_result (f), &error));
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->agents)), ==, 0);
  g_assert_cmpuint (count (f, "application"), ==, 0);
  g_assert_cmpuint (count (f, "rule"), ==, 0);
  g_assert_cmpuint (count (f, "scenario"), ==, 0);
}

/* An account an agent uses cannot be removed: the person is told which
 * agent, and both keep working. */
static void
test_account_in_use (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  govorun_account_store_remove_async (f->s.accounts, f->vox_account, NULL, on_result, f);
  g_assert_false (govorun_account_store_remove_finish (f->s.accounts, wait_result (f), &error));
  g_clear_object (&f->result);
  g_assert_error (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, govorun_agent_get_name (f->agent)));
  g_assert_nonnull (govorun_account_store_find_by_uuid (f->s.accounts,
                                                        govorun_account_get_uuid (f->vox_account)));
}

static void
cancel_at_step (GovorunProvisioner *prov,
                GovorunAgent       *agent,
                const char         *step_id,
                int                 state,
                const char         *message,
                GCancellable       *cancellable)
{
  if (g_str_equal (step_id, "application") && state == GOVORUN_STEP_RUNNING)
    g_cancellable_cancel (cancellable);
}

/* Cancel during the first step: the step finishes (the application is
 * made, and recorded), nothing after it runs, and the agent is left to
 * Continue, which finishes the job. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gulong handler;
  gboolean ok;

  handler = g_signal_connect (f->prov, "step-changed", G_CALLBACK (cancel_at_step), cancellable);
  govorun_provisioner_apply_async (f->prov, f->agent, cancellable, on_result, f);
  ok = govorun_provisioner_apply_finish (f->prov, wait_result (f), &error);
  g_clear_object (&f->result);
  g_signal_handler_disconnect (f->prov, handler);

  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count (f, "application"), ==, 1);
  g_assert_cmpuint (count (f, "scenario"), ==, 0);
  g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_PARTIAL);
  g_assert_nonnull (strstr (govorun_agent_get_last_error (f->agent), "Continue"));

  ok = apply (f, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_deployed (f, 1, 1);
}

/* A deployed agent whose key left the keyring: deploying again says what is
 * wrong (the key), not "Press Continue" beside a button named otherwise;
 * a failed apply says Continue and leaves the agent to continue. */
static void
test_key_missing (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GovorunPlan) p = NULL;
  GovorunSecrets *secrets = govorun_account_store_get_secrets (f->s.accounts);

  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_READY);

  govorun_secrets_clear_async (secrets, govorun_account_get_uuid (f->vox_account), -1, NULL, on_result, f);
  g_assert_true (govorun_secrets_clear_finish (secrets, wait_result (f), &error));
  g_clear_object (&f->result);

  govorun_provisioner_plan_async (f->prov, f->agent, NULL, on_result, f);
  p = govorun_provisioner_plan_finish (f->prov, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_null (p);
  g_assert_error (error, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_ACCOUNT);
  g_assert_null (strstr (error->message, "Continue"));
  g_assert_nonnull (strstr (error->message, "Accounts"));
  g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_READY);
  g_clear_error (&error);

  g_assert_false (apply (f, &error));
  g_assert_error (error, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_ACCOUNT);
  g_assert_null (strstr (error->message, "Continue"));
}

/* While a run is under way the saved agent already says it is unfinished:
 * were Govorun killed now, the next start shows it interrupted, with
 * Continue, and Continue finishes it. */
static void
test_interrupted (Fixture       *f,
                  gconstpointer  data)
{
  const GovorunFault slow = { .delay_ms = 800, .times = 1 };
  g_autoptr(GovorunAgentStore) after_kill = govorun_agent_store_new (f->s.store);
  g_autoptr(GError) error = NULL;
  GovorunAgent *seen;
  gboolean ok;

  govorun_emulator_add_fault (f->vox, "AddScenario", &slow);
  govorun_provisioner_apply_async (f->prov, f->agent, NULL, on_result, f);
  while (count (f, "application") == 0)
    g_main_context_iteration (NULL, TRUE);

  /* What a fresh start would read from the database at this moment. */
  govorun_agent_store_load_async (after_kill, NULL, on_result, f);
  g_assert_true (govorun_agent_store_load_finish (after_kill, (GAsyncResult *) wait_result (f), &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);
  seen = govorun_agent_store_find_by_uuid (after_kill, govorun_agent_get_uuid (f->agent));
  g_assert_nonnull (seen);
  g_assert_cmpint (govorun_agent_get_state (seen), ==, GOVORUN_AGENT_STATE_PARTIAL);
  g_assert_nonnull (strstr (govorun_agent_get_last_error (seen), "Continue"));

  /* The slow run ends one way or the other; Continue then finishes. */
  govorun_provisioner_apply_finish (f->prov, wait_result (f), NULL);
  g_clear_object (&f->result);
  govorun_emulator_clear_faults (f->vox);
  wait_ms (slow.delay_ms + 50);
  ok = apply (f, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_READY);
  g_assert_null (govorun_agent_get_last_error (f->agent));
}

typedef struct
{
  const char *name;
  GovorunFault fault;
  gboolean     succeeds;
} FaultClass;

static void
test_fault_matrix (Fixture       *f,
                   gconstpointer  data)
{
  const char *methods[] = { "AddApplication", "AddSecret", "AddScenario", "AddRule", "BindPhoneNumberToApplication" };
  const FaultClass classes[] = {
    { "http-503", { .http_status = 503, .times = -1 }, FALSE },
    { "timeout", { .delay_ms = 500, .times = 1 }, FALSE },
    { "dropped", { .drop_connection = TRUE, .times = 1 }, FALSE },
    { "rate-limit-always", { .provider_code = 340, .times = -1 }, FALSE },
    { "rate-limit-once", { .provider_code = 340, .times = 1 }, TRUE },
    { "auth-failed", { .provider_code = 100, .times = -1 }, FALSE },
  };
  GovorunVoximplantEmulator *emulator = govorun_sandbox_get_voximplant (f->s.sandbox);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  gint64 foreign_app;

  /* Foreign objects Govorun must never touch: a number, and an
   * application with its scenario and rule that number is bound to. */
  foreign_app = govorun_voximplant_emulator_add_owned_number (emulator, VOX, "74951230009", "RU", "GEOGRAPHIC", "Moscow");
  g_assert_cmpint (foreign_app, >, 0);
  add_foreign_objects (f, foreign_app);

  /* Inbound and outbound, both numbers: every mutation step is met. */
  g_ptr_array_add (numbers, govorun_agent_number_new (f->phone1, "74951230001"));
  g_ptr_array_add (numbers, govorun_agent_number_new (f->phone2, "74951230002"));
  govorun_agent_set_numbers (f->agent, numbers);
  govorun_agent_set_outbound (f->agent, TRUE);

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
      {
        g_autoptr(GError) error = NULL;
        gboolean ok;

        g_test_message ("%s × %s", methods[m], classes[c].name);
        govorun_emulator_add_fault (f->vox, methods[m], &classes[c].fault);
        ok = apply (f, &error);
        if (classes[c].succeeds)
          {
            g_assert_no_error (error);
            g_assert_true (ok);
          }
        else
          {
            g_assert_false (ok);
            g_assert_nonnull (error);
            g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_PARTIAL);
            g_assert_nonnull (govorun_agent_get_last_step (f->agent));
            g_assert_nonnull (govorun_agent_get_last_error (f->agent));
          }
        g_clear_error (&error);

        /* Continue. */
        govorun_emulator_clear_faults (f->vox);
        wait_ms (classes[c].fault.delay_ms);
        ok = apply (f, &error);
        g_assert_no_error (error);
        g_assert_true (ok);
        wait_ms (classes[c].fault.delay_ms + 50);  /* a delayed Add* lands (and is refused) */
        assert_deployed (f, 2, 2);

        rollback (f);
        g_assert_cmpuint (count (f, "application"), ==, 0);
        g_assert_cmpuint (count (f, "scenario"), ==, 0);
        g_assert_cmpuint (count (f, "rule"), ==, 0);
        g_assert_cmpuint (count (f, "bound-number"), ==, 0);
        g_assert_cmpuint (count (f, "number"), ==, 3);
        g_assert_cmpuint (raw_count (f, "bound-number"), ==, 1);   /* the foreign number still bound */
      }

  /* Updates are steps too: a changed scenario text (another ElevenLabs
   * agent) and a changed rule pattern (other numbers), each failing once
   * in every way, then Continue. */
  {
    const char *update_methods[] = { "SetScenarioInfo", "SetRuleInfo" };
    g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
    guint flip = 0;

    g_ptr_array_add (one, govorun_agent_number_new (f->phone1, "74951230001"));

    for (guint m = 0; m < G_N_ELEMENTS (update_methods); m++)
      for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
        {
          g_autoptr(GError) error = NULL;
          gboolean ok;

          /* Deployed as it is, then changed. */
          g_assert_true (apply (f, &error));
          g_assert_no_error (error);
          flip++;
          if (m == 0)
            govorun_agent_set_el_agent_id (f->agent, flip % 2 ? "agent_other" : "agent_x");
          else
            govorun_agent_set_numbers (f->agent, flip % 2 ? one : numbers);

          g_test_message ("%s × %s", update_methods[m], classes[c].name);
          govorun_emulator_reset_counts (f->vox);
          govorun_emulator_add_fault (f->vox, update_methods[m], &classes[c].fault);
          ok = apply (f, &error);
          g_assert_cmpuint (govorun_emulator_get_request_count (f->vox, update_methods[m]), >=, 1);
          if (!classes[c].succeeds)
            {
              g_assert_false (ok);
              g_assert_cmpint (govorun_agent_get_state (f->agent), ==, GOVORUN_AGENT_STATE_PARTIAL);
            }
          g_clear_error (&error);

          govorun_emulator_clear_faults (f->vox);
          wait_ms (classes[c].fault.delay_ms + 50);
          g_assert_true (apply (f, &error));
          g_assert_no_error (error);
          assert_deployed (f, 2, 2);
          g_assert_cmpuint (raw_count (f, "bound-number"), ==, 1 + govorun_agent_get_numbers (f->agent)->len);
        }

    rollback (f);
    g_assert_cmpuint (count (f, "application"), ==, 0);
    g_assert_cmpuint (raw_count (f, "application"), ==, 1);
    g_assert_cmpuint (raw_count (f, "scenario"), ==, 1);
    g_assert_cmpuint (raw_count (f, "rule"), ==, 1);
  }

  /* Rolling back is resumable too: a fault at any of its steps leaves
   * something to finish, and rolling back again leaves nothing of ours. */
  {
    const char *rollback_methods[] = { "BindPhoneNumberToApplication", "DelRule", "DelScenario",
                                       "DelApplication" };

    for (guint m = 0; m < G_N_ELEMENTS (rollback_methods); m++)
      for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_true (apply (f, &error));
          g_assert_no_error (error);
          assert_deployed (f, 2, 2);

          g_test_message ("roll back: %s × %s", rollback_methods[m], classes[c].name);
          govorun_emulator_add_fault (f->vox, rollback_methods[m], &classes[c].fault);
          govorun_provisioner_rollback_async (f->prov, f->agent, NULL, on_result, f);
          if (!govorun_provisioner_rollback_finish (f->prov, wait_result (f), &error))
            g_assert_nonnull (error);
          else
            g_assert_true (classes[c].succeeds);
          g_clear_object (&f->result);
          g_clear_error (&error);

          govorun_emulator_clear_faults (f->vox);
          wait_ms (classes[c].fault.delay_ms + 50);
          rollback (f);
          g_assert_cmpuint (count (f, "application"), ==, 0);
          g_assert_cmpuint (count (f, "scenario"), ==, 0);
          g_assert_cmpuint (count (f, "rule"), ==, 0);
          g_assert_cmpuint (count (f, "bound-number"), ==, 0);
          g_assert_cmpuint (raw_count (f, "application"), ==, 1);
          g_assert_cmpuint (raw_count (f, "bound-number"), ==, 1);
        }
  }
}

/* The wizard plans its unsaved draft: the plan names the objects as the
 * saved agent will (the slug made unique against the saved agents), and
 * nothing is written or sent. */
static void
test_plan_draft (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GovorunAgent) draft = NULL;
  g_autoptr(GovorunPlan) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  guint before;

  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  before = mutations (f);

  draft = clinic_draft (f, f->phone2, "74951230002");
  preview = govorun_agent_store_preview_slug (f->agents, "Клиника");
  g_assert_cmpstr (preview, ==, "klinika-2");

  govorun_provisioner_plan_async (f->prov, draft, NULL, on_result, f);
  p = govorun_provisioner_plan_finish (f->prov, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpint (govorun_plan_find_step (p, "application")->action, ==, GOVORUN_PLAN_CREATE);
  g_assert_cmpstr (govorun_plan_find_step (p, "application")->name, ==, "gv-klinika-2");
  /* Nothing of the saved agent's is the draft's to unbind or delete. */
  for (guint i = 0; i < p->steps->len; i++)
    {
      GovorunPlanStep *step = g_ptr_array_index (p->steps, i);

      g_assert_cmpint (step->action, !=, GOVORUN_PLAN_UNBIND);
      g_assert_cmpint (step->action, !=, GOVORUN_PLAN_DELETE);
    }
  g_assert_cmpuint (mutations (f), ==, before);
  g_assert_null (govorun_agent_get_uuid (draft));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->agents)), ==, 1);

  /* Other operations still want a saved agent. */
  govorun_provisioner_apply_async (f->prov, draft, NULL, on_result, f);
  g_assert_false (govorun_provisioner_apply_finish (f->prov, wait_result (f), &error));
  g_clear_object (&f->result);
  g_assert_error (error, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_INVALID);

  g_assert_true (govorun_agent_store_find_by_account (f->agents, govorun_account_get_uuid (f->el_account))
                 == f->agent);
  g_assert_null (govorun_agent_store_find_by_account (f->agents, "no-such-account"));
}

static void
on_step_changed (GovorunProvisioner *prov,
                 GovorunAgent       *agent,
                 const char         *step_id,
                 int                 state,
                 const char         *message,
                 GHashTable         *states)
{
  g_hash_table_insert (states, g_strdup (step_id), GINT_TO_POINTER (state));
}

/* A number added to a deployed agent changes its rule; the number already
 * bound needs no request, yet its step ends done, never left pending. */
static void
test_bind_steps_end (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GovorunAgent) edited = NULL;
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_strdup_printf ("bind-%" G_GINT64_FORMAT, f->phone1);
  g_autofree char *second = g_strdup_printf ("bind-%" G_GINT64_FORMAT, f->phone2);

  g_assert_true (apply (f, &error));
  g_assert_no_error (error);

  edited = govorun_agent_copy (f->agent);
  g_ptr_array_add (numbers, govorun_agent_number_new (f->phone1, "74951230001"));
  g_ptr_array_add (numbers, govorun_agent_number_new (f->phone2, "74951230002"));
  govorun_agent_set_numbers (edited, numbers);
  govorun_agent_store_save_async (f->agents, edited, NULL, on_result, f);
  saved = govorun_agent_store_save_finish (f->agents, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_set_object (&f->agent, saved);

  g_signal_connect (f->prov, "step-changed", G_CALLBACK (on_step_changed), states);
  g_assert_true (apply (f, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (f->prov, on_step_changed, states);

  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (states, first)), ==, GOVORUN_STEP_DONE);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (states, second)), ==, GOVORUN_STEP_DONE);
  assert_deployed (f, 1, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Govorun/Provisioner/apply", Fixture, NULL, fixture_setup, test_apply, fixture_teardown);
  g_test_add ("/Govorun/Provisioner/key-secret-fallback", Fixture, NULL, fixture_setup, test_key_secret_fallback,
              fixture_teardown);
  g_test_add ("/Govorun/Provisioner/key-rotation", Fixture, NULL, fixture_setup, test_key_rotation,
              fixture_teardown);
  g_test_add ("/Govorun/Provisioner/dependent-order", Fixture, NULL, fixture_setup, test_dependent_order,
              fixture_teardown);
  g_test_add ("/Govorun/Provisioner/drift-repair-delete", Fixture, NULL, fixture_setup,
              test_drift_repair_delete, fixture_teardown);
  g_test_add ("/Govorun/Provisioner/account-in-use", Fixture, NULL, fixture_setup,
              test_account_in_use, fixture_teardown);
  g_test_add ("/Govorun/Provisioner/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/Govorun/Provisioner/interrupted", Fixture, NULL, fixture_setup, test_interrupted,
              fixture_teardown);
  g_test_add ("/Govorun/Provisioner/key-missing", Fixture, NULL, fixture_setup, test_key_missing,
              fixture_teardown);
  g_test_add ("/Govorun/Provisioner/fault-matrix", Fixture, NULL, fixture_setup, test_fault_matrix, fixture_teardown);
  g_test_add ("/Govorun/Provisioner/plan-draft", Fixture, NULL, fixture_setup, test_plan_draft, fixture_teardown);
  g_test_add ("/Govorun/Provisioner/bind-steps-end", Fixture, NULL, fixture_setup, test_bind_steps_end,
              fixture_teardown);

  return g_test_run ();
}
#endif
