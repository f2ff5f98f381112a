/* test-call-agent.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-call-agent.h"
#include "test-util.h"

GovorunAgent *
test_call_agent_new (GovorunServices *services,
                     GovorunSandbox  *sandbox,
                     const char      *name,
                     const char      *vox_account_uuid,
                     const char      *el_account_uuid,
                     const char      *el_agent_id,
                     const char      *number,
                     gboolean         outbound,
                     gboolean         provision)
{
  GovorunVoximplantEmulator *vox = govorun_sandbox_get_voximplant (sandbox);
  GovorunAgentStore *agents = govorun_services_get_agents (services);
  GovorunProvisioner *provisioner = govorun_services_get_provisioner (services);
  g_autoptr(GovorunAgent) draft = govorun_agent_new ();
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GovorunAgent *agent;
  gint64 phone;

  phone = govorun_voximplant_emulator_add_owned_number (vox, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, number,
                                                        "RU", "GEOGRAPHIC", "Moscow");
  govorun_agent_set_name (draft, name);
  govorun_agent_set_vox_account_uuid (draft, vox_account_uuid);
  govorun_agent_set_el_account_uuid (draft, el_account_uuid);
  govorun_agent_set_el_agent_id (draft, el_agent_id);
  govorun_agent_set_inbound (draft, TRUE);
  govorun_agent_set_outbound (draft, outbound);
  g_ptr_array_add (numbers, govorun_agent_number_new (phone, number));
  govorun_agent_set_numbers (draft, numbers);

  govorun_agent_store_save_async (agents, draft, NULL, test_util_on_result, &result);
  agent = govorun_agent_store_save_finish (agents, test_util_wait (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  if (provision)
    {
      govorun_provisioner_apply_async (provisioner, agent, NULL, test_util_on_result, &result);
      g_assert_true (govorun_provisioner_apply_finish (provisioner, test_util_wait (&result), &error));
      g_assert_no_error (error);
    }

  return agent;
}
