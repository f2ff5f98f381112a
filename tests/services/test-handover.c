/* test-handover.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two installations — two databases, two keyring profiles — over one pair
 * of emulators: A sets up an agent with two numbers; B adds the same
 * accounts, finds the agent and adopts it (Ready, no drift); B changes and
 * deploys it; A's next deploy (and roll back) stops with "changed on
 * another computer"; Load Their Version and Replace Theirs; hand-made
 * scenarios are listed as not Govorun's and left alone; both computers
 * sync the same call history; a campaign started on A shows on B with its
 * progress, and pausing and resuming from either computer is seen by the
 * other.
 */
#include "config.h"

#include <string.h>

#include "govorun-agent-finder.h"
#include "govorun-call-history.h"
#include "govorun-call-records.h"
#include "govorun-campaigns.h"
#include "govorun-client-factory.h"
#include "govorun-sandbox.h"
#include "govorun-scenario-generator.h"
#include "govorun-scenario-manifest.h"
#include "govorun-util.h"
#include "govorun-voximplant-applications.h"
#include "sandbox-services.h"

#define VOX GOVORUN_SANDBOX_VOX_ACCOUNT_ID
#define HAND_MADE_SCRIPT "VoxEngine.addEventListener(AppEvents.CallAlerting, (e) => e.call.answer());\n"

typedef struct
{
  GovorunSandbox  *sandbox;
  SandboxServices  a;
  SandboxServices  b;
  gint64           phone1, phone2;
  GAsyncResult    *result;
} Fixture;

static GAsyncResult *
wait_result (Fixture *f)
{
  return test_util_wait (&f->result);
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  test_util_on_result (object, result, &((Fixture *) user_data)->result);
}

static GovorunAccount *
add_vox (SandboxServices *s,
         const char      *name)
{
  g_autoptr(GovorunAccount) vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  g_autofree char *id = g_strdup_printf ("%d", VOX);

  govorun_account_set_display_name (vox, name);
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, id);
  return sandbox_services_add_account (s, vox, GOVORUN_SANDBOX_VOX_API_KEY);
}

static GovorunAccount *
add_el (SandboxServices *s,
        const char      *name)
{
  g_autoptr(GovorunAccount) el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);

  govorun_account_set_display_name (el, name);
  return sandbox_services_add_account (s, el, GOVORUN_SANDBOX_EL_API_KEY);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GovorunVoximplantEmulator *vox;
  g_autoptr(GError) error = NULL;

  f->sandbox = govorun_sandbox_new ();
  g_assert_true (govorun_sandbox_start (f->sandbox, &error));
  g_assert_no_error (error);
  sandbox_services_start_on (&f->a, f->sandbox, GOVORUN_PROFILE_SANDBOX);
  sandbox_services_start_on (&f->b, f->sandbox, "handover-b");
  govorun_provisioner_set_host_name (govorun_services_get_provisioner (f->a.services), "reception");
  govorun_provisioner_set_host_name (govorun_services_get_provisioner (f->b.services), "manager");

  vox = govorun_sandbox_get_voximplant (f->sandbox);
  govorun_voximplant_emulator_seed_phone_inventory (vox);
  f->phone1 = govorun_voximplant_emulator_add_owned_number (vox, VOX, "74951230001", "RU", "GEOGRAPHIC", "Moscow");
  f->phone2 = govorun_voximplant_emulator_add_owned_number (vox, VOX, "74951230002", "RU", "GEOGRAPHIC", "Moscow");
  g_assert_cmpint (f->phone2, >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->result);
  sandbox_services_stop (&f->a);
  sandbox_services_stop (&f->b);
  g_clear_object (&f->sandbox);
}

static GovorunAgent *
save (Fixture         *f,
      SandboxServices *s,
      GovorunAgent    *agent)
{
  GovorunAgentStore *agents = govorun_services_get_agents (s->services);
  g_autoptr(GError) error = NULL;
  GovorunAgent *saved;

  govorun_agent_store_save_async (agents, agent, NULL, on_result, f);
  saved = govorun_agent_store_save_finish (agents, wait_result (f), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  return saved;
}

static gboolean
apply (Fixture         *f,
       SandboxServices *s,
       GovorunAgent    *agent,
       GError         **error)
{
  GovorunProvisioner *prov = govorun_services_get_provisioner (s->services);
  gboolean ok;

  govorun_provisioner_apply_async (prov, agent, NULL, on_result, f);
  ok = govorun_provisioner_apply_finish (prov, wait_result (f), error);
  g_clear_object (&f->result);
  return ok;
}

static GPtrArray *
drift (Fixture         *f,
       SandboxServices *s,
       GovorunAgent    *agent)
{
  GovorunProvisioner *prov = govorun_services_get_provisioner (s->services);
  g_autoptr(GError) error = NULL;
  GPtrArray *result;

  govorun_provisioner_check_drift_async (prov, agent, NULL, on_result, f);
  result = govorun_provisioner_check_drift_finish (prov, wait_result (f), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  return result;
}

static GListModel *
find (Fixture         *f,
      SandboxServices *s,
      GovorunAccount  *vox)
{
  GovorunAgentFinder *finder = govorun_services_get_agent_finder (s->services);
  g_autoptr(GError) error = NULL;
  GListModel *found;

  govorun_agent_finder_find_async (finder, vox, NULL, on_result, f);
  found = govorun_agent_finder_find_finish (finder, wait_result (f), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  return found;
}

static GovorunAgent *
adopt (Fixture           *f,
       SandboxServices   *s,
       GovorunFoundAgent *found,
       GError           **error)
{
  GovorunAgentFinder *finder = govorun_services_get_agent_finder (s->services);
  GovorunAgent *agent;

  govorun_agent_finder_adopt_async (finder, found, NULL, on_result, f);
  agent = govorun_agent_finder_adopt_finish (finder, wait_result (f), error);
  g_clear_object (&f->result);
  return agent;
}

static GovorunFoundAgent *
found_named (GListModel *found,
             const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(GovorunFoundAgent) item = g_list_model_get_item (found, i);

      if (g_str_equal (govorun_found_agent_get_name (item), name))
        return item;   /* the model keeps it alive */
    }
  return NULL;
}

/* The account's scenarios by name, through @s's client, with their texts. */
static char *
scenario_text (Fixture         *f,
               SandboxServices *s,
               GovorunAccount  *vox,
               const char      *name)
{
  g_autoptr(GovorunVoximplantClient) client = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  govorun_client_factory_voximplant_async (s->factory, vox, NULL, NULL, on_result, f);
  client = govorun_client_factory_voximplant_finish (s->factory, wait_result (f), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  govorun_voximplant_client_get_scenarios_async (client, 0, name, FALSE, 1000, 0, NULL, on_result, f);
  list = govorun_voximplant_client_get_scenarios_finish (client, wait_result (f), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((GovorunVoximplantScenario *) g_ptr_array_index (list, i))->scenario_name, name))
      id = ((GovorunVoximplantScenario *) g_ptr_array_index (list, i))->scenario_id;
  g_assert_cmpint (id, >, 0);
  govorun_voximplant_client_get_scenarios_async (client, id, NULL, TRUE, 0, 0, NULL, on_result, f);
  one = govorun_voximplant_client_get_scenarios_finish (client, wait_result (f), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  g_assert_cmpuint (one->len, ==, 1);
  return g_strdup (((GovorunVoximplantScenario *) g_ptr_array_index (one, 0))->scenario_script);
}

static void
add_scenario (Fixture         *f,
              SandboxServices *s,
              GovorunAccount  *vox,
              const char      *name,
              const char      *script)
{
  g_autoptr(GovorunVoximplantClient) client = NULL;
  g_autoptr(GError) error = NULL;

  govorun_client_factory_voximplant_async (s->factory, vox, NULL, NULL, on_result, f);
  client = govorun_client_factory_voximplant_finish (s->factory, wait_result (f), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  govorun_voximplant_client_add_scenario_async (client, name, script, 0, NULL, on_result, f);
  g_assert_cmpint (govorun_voximplant_client_add_scenario_finish (client, wait_result (f), &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&f->result);
}

static GPtrArray *
call_rows (Fixture         *f,
           SandboxServices *s)
{
  GovorunCallSync *sync = govorun_services_get_call_sync (s->services);
  g_autoptr(GovorunCallFilter) filter = govorun_call_filter_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  govorun_call_sync_run_async (sync, NULL, on_result, f);
  g_assert_true (govorun_call_sync_run_finish (sync, wait_result (f), &error));
  g_assert_no_error (error);
  g_clear_object (&f->result);
  govorun_call_records_fetch_page_async (s->store, filter, GOVORUN_CALL_SORT_STARTED_AT, FALSE, NULL, 0, 10000,
                                         FALSE, NULL, on_result, f);
  rows = govorun_call_records_fetch_page_finish (s->store, wait_result (f), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  return rows;
}

static void
test_two_computers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunAccount) vox_a = add_vox (&f->a, "Clinic");
  g_autoptr(GovorunAccount) el_a = add_el (&f->a, "Agents");
  g_autoptr(GovorunAccount) vox_b = NULL;
  g_autoptr(GovorunAccount) el_b = NULL;
  g_autoptr(GovorunAgent) draft = govorun_agent_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GovorunAgent) on_a = NULL;
  g_autoptr(GovorunAgent) on_b = NULL;
  g_autoptr(GovorunAgent) edit = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GPtrArray) drifted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *computer_a = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *in_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GovorunScenarioManifest) manifest = NULL;
  GovorunFoundAgent *item;

  /* A sets the agent up on two numbers. */
  govorun_agent_set_name (draft, "Клиника");
  govorun_agent_set_vox_account_uuid (draft, govorun_account_get_uuid (vox_a));
  govorun_agent_set_el_account_uuid (draft, govorun_account_get_uuid (el_a));
  govorun_agent_set_el_agent_id (draft, "agent_0001");
  govorun_agent_set_outbound (draft, TRUE);
  g_ptr_array_add (numbers, govorun_agent_number_new (f->phone1, "74951230001"));
  g_ptr_array_add (numbers, govorun_agent_number_new (f->phone2, "74951230002"));
  govorun_agent_set_numbers (draft, numbers);
  on_a = save (f, &f->a, draft);
  g_assert_true (apply (f, &f->a, on_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_agent_get_state (on_a), ==, GOVORUN_AGENT_STATE_READY);
  g_assert_cmpint (govorun_agent_get_seen_revision (on_a), ==, 1);
  computer_a = g_strdup (govorun_agent_get_seen_computer (on_a));
  g_assert_cmpuint (strlen (computer_a), ==, 32);

  /* The scenario carries the manifest, and no key. */
  in_name = govorun_scenario_name_for_agent (govorun_agent_get_slug (on_a), GOVORUN_SCENARIO_INBOUND);
  text = scenario_text (f, &f->a, vox_a, in_name);
  manifest = govorun_scenario_manifest_parse (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (manifest->host, ==, "reception");
  g_assert_cmpstr (manifest->el_account_hint, ==, "Agents");
  g_assert_null (strstr (text, GOVORUN_SANDBOX_EL_API_KEY));
  g_assert_null (strstr (text, GOVORUN_SANDBOX_VOX_API_KEY));

  /* Hand-made scenarios, one with a copied manifest line. */
  add_scenario (f, &f->a, vox_a, "my-ivr", HAND_MADE_SCRIPT);
  copied = g_strconcat (strstr (text, "// govorun-manifest: ") != NULL ? text : "", NULL);
  add_scenario (f, &f->a, vox_a, "copied-gv", copied);

  /* B adds the same Voximplant account and finds the agent. */
  vox_b = add_vox (&f->b, "Клиника, Voximplant");
  found = find (f, &f->b, vox_b);
  item = found_named (found, "Клиника");
  g_assert_nonnull (item);
  g_assert_cmpint (govorun_found_agent_get_state (item), ==, GOVORUN_FOUND_AGENT_COMPLETE);
  g_assert_cmpstr (govorun_found_agent_get_host (item), ==, "reception");
  g_assert_cmpint (govorun_found_agent_get_revision (item), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) govorun_found_agent_get_numbers (item)), ==, 2);
  g_assert_false (govorun_found_agent_get_here (item));
  g_assert_cmpint (govorun_found_agent_get_state (found_named (found, "my-ivr")), ==, GOVORUN_FOUND_AGENT_FOREIGN);
  g_assert_cmpint (govorun_found_agent_get_state (found_named (found, "copied-gv")), ==, GOVORUN_FOUND_AGENT_FOREIGN);
  g_assert_cmpuint (govorun_agent_finder_count_adoptable (found), ==, 1);

  /* Not Govorun's: never adopted. */
  g_assert_null (adopt (f, &f->b, found_named (found, "my-ivr"), &error));
  g_assert_error (error, GOVORUN_AGENT_FINDER_ERROR, GOVORUN_AGENT_FINDER_ERROR_NOT_GOVORUN);
  g_clear_error (&error);

  /* The ElevenLabs account is asked for by name. */
  g_assert_null (adopt (f, &f->b, item, &error));
  g_assert_error (error, GOVORUN_AGENT_FINDER_ERROR, GOVORUN_AGENT_FINDER_ERROR_ELEVENLABS_ACCOUNT);
  g_assert_nonnull (strstr (error->message, "“Agents”"));
  g_clear_error (&error);
  el_b = add_el (&f->b, "Agents");

  on_b = adopt (f, &f->b, item, &error);
  g_assert_no_error (error);
  g_assert_nonnull (on_b);
  g_assert_cmpint (govorun_agent_get_state (on_b), ==, GOVORUN_AGENT_STATE_READY);
  g_assert_cmpstr (govorun_agent_get_slug (on_b), ==, govorun_agent_get_slug (on_a));
  g_assert_cmpuint (govorun_agent_get_numbers (on_b)->len, ==, 2);
  g_assert_cmpint (govorun_agent_get_seen_revision (on_b), ==, 1);
  g_assert_cmpstr (govorun_agent_get_seen_computer (on_b), ==, computer_a);
  drifted = drift (f, &f->b, on_b);
  g_assert_cmpuint (drifted->len, ==, 0);
  g_clear_pointer (&drifted, g_ptr_array_unref);

  /* Found again, it is here now. */
  g_clear_object (&found);
  found = find (f, &f->b, vox_b);
  g_assert_true (govorun_found_agent_get_here (found_named (found, "Клиника")));
  g_assert_cmpuint (govorun_agent_finder_count_adoptable (found), ==, 0);
  g_assert_null (adopt (f, &f->b, found_named (found, "Клиника"), &error));
  g_assert_error (error, GOVORUN_AGENT_FINDER_ERROR, GOVORUN_AGENT_FINDER_ERROR_ALREADY_HERE);
  g_clear_error (&error);

  /* B edits and deploys: revision 2, by B. */
  edit = govorun_agent_copy (on_b);
  govorun_agent_set_record (edit, FALSE);
  g_clear_object (&on_b);
  on_b = save (f, &f->b, edit);
  g_clear_object (&edit);
  g_assert_true (apply (f, &f->b, on_b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_agent_get_seen_revision (on_b), ==, 2);
  g_assert_cmpstr (govorun_agent_get_seen_computer (on_b), !=, computer_a);

  /* A's next deploy, and its roll back, stop and say who and when. */
  g_assert_false (apply (f, &f->a, on_a, &error));
  g_assert_error (error, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_CHANGED_ELSEWHERE);
  g_assert_nonnull (strstr (error->message, "“manager”"));
  g_clear_error (&error);
  g_assert_cmpint (govorun_agent_get_state (on_a), ==, GOVORUN_AGENT_STATE_READY);
  {
    GovorunProvisioner *prov = govorun_services_get_provisioner (f->a.services);

    govorun_provisioner_rollback_async (prov, on_a, NULL, on_result, f);
    g_assert_false (govorun_provisioner_rollback_finish (prov, wait_result (f), &error));
    g_assert_error (error, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_CHANGED_ELSEWHERE);
    g_clear_error (&error);
    g_clear_object (&f->result);
  }
  /* Nothing was sent: the account still has B's deploy. */
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&manifest, govorun_scenario_manifest_free);
  text = scenario_text (f, &f->a, vox_a, in_name);
  manifest = govorun_scenario_manifest_parse (text, -1, NULL);
  g_assert_cmpstr (manifest->host, ==, "manager");
  g_assert_cmpint (manifest->revision, ==, 2);
  g_assert_false (manifest->record);

  /* Load Their Version: A's agent takes B's change and is Ready. */
  {
    GovorunAgentFinder *finder = govorun_services_get_agent_finder (f->a.services);

    govorun_agent_finder_load_theirs_async (finder, on_a, NULL, on_result, f);
    g_assert_true (govorun_agent_finder_load_theirs_finish (finder, wait_result (f), &error));
    g_assert_no_error (error);
    g_clear_object (&f->result);
  }
  g_assert_false (govorun_agent_get_record (on_a));
  g_assert_cmpint (govorun_agent_get_seen_revision (on_a), ==, 2);
  g_assert_cmpint (govorun_agent_get_state (on_a), ==, GOVORUN_AGENT_STATE_READY);
  g_assert_true (apply (f, &f->a, on_a, &error));   /* nothing to change: no new revision */
  g_assert_no_error (error);
  g_assert_cmpint (govorun_agent_get_seen_revision (on_a), ==, 2);

  /* A changes it again (revision 3); B's deploy stops; B replaces theirs
   * knowingly (revision 4). */
  edit = govorun_agent_copy (on_a);
  govorun_agent_set_record (edit, TRUE);
  g_clear_object (&on_a);
  on_a = save (f, &f->a, edit);
  g_clear_object (&edit);
  g_assert_true (apply (f, &f->a, on_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_agent_get_seen_revision (on_a), ==, 3);
  g_assert_false (apply (f, &f->b, on_b, &error));
  g_assert_error (error, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_CHANGED_ELSEWHERE);
  g_assert_nonnull (strstr (error->message, "“reception”"));
  g_clear_error (&error);
  {
    GovorunProvisioner *prov = govorun_services_get_provisioner (f->b.services);

    govorun_provisioner_accept_theirs_async (prov, on_b, NULL, on_result, f);
    g_assert_true (govorun_provisioner_accept_theirs_finish (prov, wait_result (f), &error));
    g_assert_no_error (error);
    g_clear_object (&f->result);
  }
  g_assert_true (apply (f, &f->b, on_b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_agent_get_seen_revision (on_b), ==, 4);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&manifest, govorun_scenario_manifest_free);
  text = scenario_text (f, &f->a, vox_a, in_name);
  manifest = govorun_scenario_manifest_parse (text, -1, NULL);
  g_assert_false (manifest->record);
  g_assert_cmpstr (manifest->host, ==, "manager");

  /* The hand-made scenario was never touched. */
  g_clear_pointer (&text, g_free);
  text = scenario_text (f, &f->b, vox_b, "my-ivr");
  g_assert_cmpstr (text, ==, HAND_MADE_SCRIPT);
}

/* Each computer syncs the history from the providers by itself, and both
 * end with the same rows. */
static void
test_same_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GovorunAccount) vox_a = add_vox (&f->a, "Clinic");
  g_autoptr(GovorunAccount) el_a = add_el (&f->a, "Agents");
  g_autoptr(GovorunAccount) vox_b = add_vox (&f->b, "Клиника");
  g_autoptr(GovorunAccount) el_b = add_el (&f->b, "ElevenLabs");
  gint64 end = g_get_real_time () / G_USEC_PER_SEC - 60;
  g_autoptr(GovorunCallHistory) history = govorun_call_history_new (4242, 60, 3, end);
  g_autoptr(GPtrArray) rows_a = NULL;
  g_autoptr(GPtrArray) rows_b = NULL;

  govorun_call_history_add_agent (history, "agent_0001", "74951230001", GOVORUN_HISTORY_DOMAIN_CLINIC, FALSE);
  govorun_call_history_add_agent (history, "agent_0002", "74951230002", GOVORUN_HISTORY_DOMAIN_HOTEL, TRUE);
  govorun_voximplant_emulator_set_call_history (govorun_sandbox_get_voximplant (f->sandbox), VOX, history);
  govorun_elevenlabs_emulator_set_call_history (govorun_sandbox_get_elevenlabs (f->sandbox), history);

  rows_a = call_rows (f, &f->a);
  rows_b = call_rows (f, &f->b);
  g_assert_cmpuint (rows_a->len, >, 10);
  g_assert_cmpuint (rows_a->len, ==, rows_b->len);
  for (guint i = 0; i < rows_a->len; i++)
    {
      GovorunCallRecord *x = g_ptr_array_index (rows_a, i);
      GovorunCallRecord *y = g_ptr_array_index (rows_b, i);

      g_assert_cmpint (govorun_call_record_get_vox_session_id (x), ==, govorun_call_record_get_vox_session_id (y));
      g_assert_cmpstr (govorun_call_record_get_el_conversation_id (x), ==, govorun_call_record_get_el_conversation_id (y));
      g_assert_cmpstr (govorun_call_record_get_from_number (x), ==, govorun_call_record_get_from_number (y));
      g_assert_cmpstr (govorun_call_record_get_to_number (x), ==, govorun_call_record_get_to_number (y));
      g_assert_cmpint (govorun_call_record_get_started_at (x), ==, govorun_call_record_get_started_at (y));
      g_assert_cmpuint (govorun_call_record_get_duration (x), ==, govorun_call_record_get_duration (y));
      g_assert_cmpstr (govorun_call_record_get_finish_reason (x), ==, govorun_call_record_get_finish_reason (y));
      g_assert_cmpfloat (govorun_call_record_get_vox_cost (x), ==, govorun_call_record_get_vox_cost (y));
      g_assert_cmpfloat (govorun_call_record_get_el_cost (x), ==, govorun_call_record_get_el_cost (y));
      g_assert_cmpstr (govorun_call_record_get_summary (x), ==, govorun_call_record_get_summary (y));
    }
}

/* A campaign on call lists, steered from both computers. */

static GovorunCampaign *
prepare_campaign (Fixture      *f,
                  GovorunAgent *agent)
{
  GovorunCampaigns *campaigns = govorun_services_get_campaigns (f->a.services);
  g_autoptr(GovorunCampaign) campaign = govorun_campaign_new ();
  g_autofree char *path = g_build_filename (f->a.dir, "contacts.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) csv = g_string_new ("Имя;Телефон\n");
  g_autoptr(GovorunImportPreview) preview = NULL;
  g_autoptr(GovorunColumnMapping) mapping = NULL;
  g_autoptr(GovorunPreflight) preflight = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 10; i++)
    g_string_append_printf (csv, "Гость %u;+7 916 555-00-%02u\n", i, 10 + i);
  g_assert_true (g_file_set_contents (path, csv->str, -1, &error));
  govorun_campaign_set_name (campaign, "Напоминания");
  govorun_campaign_set_agent_id (campaign, govorun_agent_get_uuid (agent));
  govorun_campaign_set_caller_number (campaign, "+74951230001");
  govorun_campaign_set_concurrency (campaign, 1);
  govorun_campaign_set_attempts (campaign, 1);
  govorun_campaign_set_window_start (campaign, 0);
  govorun_campaign_set_window_end (campaign, 0);
  govorun_campaign_set_allowed_days (campaign, GOVORUN_CAMPAIGN_ALL_DAYS);
  govorun_campaign_set_zone_mode (campaign, GOVORUN_CAMPAIGN_ZONE_NUMBER);

  govorun_campaigns_preview_async (campaigns, file, NULL, NULL, on_result, f);
  preview = govorun_campaigns_preview_finish (campaigns, wait_result (f), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  mapping = govorun_campaigns_suggest_mapping (campaigns, preview, govorun_agent_get_uuid (agent));
  govorun_campaigns_prepare_async (campaigns, file, NULL, mapping, campaign, NULL, NULL, NULL, NULL, on_result, f);
  preflight = govorun_campaigns_prepare_finish (campaigns, wait_result (f), &error);
  g_assert_no_error (error);
  g_clear_object (&f->result);
  g_assert_cmpuint (govorun_preflight_get_valid (preflight), ==, 10);
  return g_steal_pointer (&campaign);
}

typedef void     (*CampaignOp)       (GovorunCampaigns *, GovorunCampaign *, GCancellable *, GAsyncReadyCallback,
                                      gpointer);
typedef gboolean (*CampaignOpFinish) (GovorunCampaigns *, GAsyncResult *, GError **);

static gboolean
campaign_op (Fixture          *f,
             SandboxServices  *s,
             CampaignOp        op,
             CampaignOpFinish  finish,
             GovorunCampaign  *campaign,
             GError          **error)
{
  GovorunCampaigns *campaigns = govorun_services_get_campaigns (s->services);
  gboolean ok;

  op (campaigns, campaign, NULL, on_result, f);
  ok = finish (campaigns, wait_result (f), error);
  g_clear_object (&f->result);
  return ok;
}

#define START(f, s, c, e)   campaign_op (f, s, govorun_campaigns_start_async, govorun_campaigns_start_finish, c, e)
#define PAUSE(f, s, c, e)   campaign_op (f, s, govorun_campaigns_pause_async, govorun_campaigns_pause_finish, c, e)
#define RESUME(f, s, c, e)  campaign_op (f, s, govorun_campaigns_resume_async, govorun_campaigns_resume_finish, c, e)
#define REFRESH(f, s, c, e) campaign_op (f, s, govorun_campaigns_refresh_async, govorun_campaigns_refresh_finish, c, e)

static void
test_campaign (Fixture       *f,
               gconstpointer  data)
{
  GovorunVoximplantEmulator *vox = govorun_sandbox_get_voximplant (f->sandbox);
  g_autoptr(GovorunAccount) vox_a = add_vox (&f->a, "Clinic");
  g_autoptr(GovorunAccount) el_a = add_el (&f->a, "Agents");
  g_autoptr(GovorunAccount) vox_b = NULL;
  g_autoptr(GovorunAgent) draft = govorun_agent_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GovorunAgent) agent = NULL;
  g_autoptr(GovorunCampaign) on_a = NULL;
  g_autoptr(GError) error = NULL;
  GovorunCampaigns *campaigns_b = govorun_services_get_campaigns (f->b.services);
  GovorunCampaign *on_b;
  guint stops;

  /* The tests move the dialer's clock themselves. */
  govorun_voximplant_emulator_set_call_list_speed (vox, 0);
  /* The campaigns' first load runs by itself: let it land. */
  while (!govorun_campaigns_get_loaded (govorun_services_get_campaigns (f->a.services)) ||
         !govorun_campaigns_get_loaded (campaigns_b))
    g_main_context_iteration (NULL, TRUE);
  govorun_agent_set_name (draft, "Напоминания");
  govorun_agent_set_vox_account_uuid (draft, govorun_account_get_uuid (vox_a));
  govorun_agent_set_el_account_uuid (draft, govorun_account_get_uuid (el_a));
  govorun_agent_set_el_agent_id (draft, "agent_0001");
  govorun_agent_set_outbound (draft, TRUE);
  g_ptr_array_add (numbers, govorun_agent_number_new (f->phone1, "74951230001"));
  govorun_agent_set_numbers (draft, numbers);
  agent = save (f, &f->a, draft);
  g_assert_true (apply (f, &f->a, agent, &error));
  g_assert_no_error (error);

  /* A starts it; the dialer gets through some of the contacts. */
  on_a = prepare_campaign (f, agent);
  g_assert_true (START (f, &f->a, on_a, &error));
  g_assert_no_error (error);
  govorun_voximplant_emulator_advance_call_lists (vox, 200);
  g_assert_true (REFRESH (f, &f->a, on_a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_campaign_get_done (on_a), >, 0);
  g_assert_cmpuint (govorun_campaign_get_done (on_a), <, 10);
  g_assert_cmpint (govorun_campaign_get_state (on_a), ==, GOVORUN_CAMPAIGN_STATE_RUNNING);

  /* B, with the same Voximplant account only, finds it with its progress. */
  vox_b = add_vox (&f->b, "Клиника, Voximplant");
  g_assert_null (govorun_campaigns_lookup (campaigns_b, govorun_campaign_get_id (on_a)));
  g_assert_true (REFRESH (f, &f->b, NULL, &error));
  g_assert_no_error (error);
  on_b = govorun_campaigns_lookup (campaigns_b, govorun_campaign_get_id (on_a));
  g_assert_nonnull (on_b);
  g_assert_cmpint (govorun_campaign_get_list_id (on_b), ==, govorun_campaign_get_list_id (on_a));
  g_assert_cmpuint (govorun_campaign_get_total (on_b), ==, 10);
  g_assert_cmpuint (govorun_campaign_get_done (on_b), ==, govorun_campaign_get_done (on_a));
  g_assert_cmpuint (govorun_campaign_get_answered (on_b), ==, govorun_campaign_get_answered (on_a));
  g_assert_cmpint (govorun_campaign_get_state (on_b), ==, GOVORUN_CAMPAIGN_STATE_RUNNING);

  /* B pauses; A sees it paused on its next refresh, and its own pause
   * sends nothing more. */
  g_assert_true (PAUSE (f, &f->b, on_b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (on_b), ==, GOVORUN_CAMPAIGN_STATE_PAUSED);
  g_assert_true (REFRESH (f, &f->a, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (on_a), ==, GOVORUN_CAMPAIGN_STATE_PAUSED);
  stops = govorun_emulator_get_request_count (GOVORUN_EMULATOR (vox), "StopCallListProcessing");
  g_assert_false (PAUSE (f, &f->a, on_a, &error));
  g_assert_error (error, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (vox), "StopCallListProcessing"), ==, stops);

  /* Paused from B: the call under way ends, then hours pass without a call. */
  govorun_voximplant_emulator_advance_call_lists (vox, 600);
  g_assert_true (REFRESH (f, &f->a, on_a, &error));
  g_assert_no_error (error);
  {
    guint64 done = govorun_campaign_get_done (on_a);

    govorun_voximplant_emulator_advance_call_lists (vox, 3600);
    g_assert_true (REFRESH (f, &f->a, on_a, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (govorun_campaign_get_done (on_a), ==, done);
  }

  /* A resumes; B sees it running. */
  g_assert_true (RESUME (f, &f->a, on_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (on_a), ==, GOVORUN_CAMPAIGN_STATE_RUNNING);
  g_assert_true (REFRESH (f, &f->b, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (on_b), ==, GOVORUN_CAMPAIGN_STATE_RUNNING);

  /* B, not refreshed, pauses while A already paused it again: B's pause
   * holds without a refusal; then B resumes from a state it read. */
  g_assert_true (PAUSE (f, &f->a, on_a, &error));
  g_assert_no_error (error);
  g_assert_true (PAUSE (f, &f->b, on_b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (on_b), ==, GOVORUN_CAMPAIGN_STATE_PAUSED);
  g_assert_true (RESUME (f, &f->b, on_b, &error));
  g_assert_no_error (error);

  /* To the end: both finished, with the same counts. */
  govorun_voximplant_emulator_advance_call_lists (vox, 2 * 86400);
  g_assert_true (REFRESH (f, &f->a, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (REFRESH (f, &f->b, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (govorun_campaign_get_state (on_a), ==, GOVORUN_CAMPAIGN_STATE_FINISHED);
  g_assert_cmpint (govorun_campaign_get_state (on_b), ==, GOVORUN_CAMPAIGN_STATE_FINISHED);
  g_assert_cmpuint (govorun_campaign_get_done (on_a), ==, 10);
  g_assert_cmpuint (govorun_campaign_get_done (on_b), ==, 10);
  g_assert_cmpuint (govorun_campaign_get_successful (on_b), ==, govorun_campaign_get_successful (on_a));
  g_assert_cmpuint (g_list_model_get_n_items (govorun_campaigns_get_model (campaigns_b)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Govorun/Handover/two-computers", Fixture, NULL, fixture_setup, test_two_computers,
              fixture_teardown);
  g_test_add ("/Govorun/Handover/campaign", Fixture, NULL, fixture_setup, test_campaign, fixture_teardown);
  g_test_add ("/Govorun/Handover/same-history", Fixture, NULL, fixture_setup, test_same_history,
              fixture_teardown);

  return g_test_run ();
}
