/* govorun-provisioner.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "govorun-provisioner-private.h"
#include "govorun-secrets.h"

/*
 * How the provisioner works, and why:
 *
 *  - Names are deterministic, from the agent's slug: the application
 *    "gv-<slug>", scenarios govorun_scenario_name_for_agent(), rules
 *    "gv-<slug>-inbound" / "gv-<slug>-outbound". Every run starts by
 *    reading the account (GetApplications, GetScenarios, GetPhoneNumbers
 *    in parallel, then GetRules and the scenario texts once the ids are
 *    known) and matching those names exactly (the API's name filters are
 *    substring filters). So a run after any failure, even a dropped
 *    connection on an Add* whose outcome is unknown, finds what exists and
 *    never creates a second one; "already exists" answers (129, 133, 175)
 *    are met by reading the object back.
 *
 *  - Ownership: before an Add* (or a binding) is sent, a row is written
 *    to provider_objects (owner = agent uuid). Rollback removes exactly
 *    the objects with such a row; an object found by name without one was
 *    there before Govorun and is only reused (and updated to what the
 *    agent needs when applied with it), never deleted. A row whose Add*
 *    was answered with a definite refusal is dropped again; after a
 *    transport failure it stays, since the object may exist.
 *
 *  - Mutations go out without GOVORUN_HTTP_FLAGS_IDEMPOTENT (the typed
 *    client sets it for Get* only): the transport retries them only after
 *    a documented rate-limit answer.
 *
 *  - Requests that do not depend on each other go out together; a "round"
 *    is a set of parallel requests, and the next round waits for all of
 *    them (govorun_provisioner_get_last_rounds() reports the count).
 *
 *  - Numbers: at most 100 per agent (one page of GetPhoneNumbers).
 *  - With engine WEBHOOK the webhook-bot scenario serves inbound calls
 *    and the outbound scenario talks through the same bot; such an agent
 *    needs no ElevenLabs account.
 *
 * The files: this one (the object, starting a run, what follows discovery),
 * -run (stages, requests, failures), -records (ownership), -discovery,
 * -desired, -plan, -apply, -rollback, -drift, -finish (saving the agent)
 * and -names; their shared state is in govorun-provisioner-private.h.
 */

G_DEFINE_FINAL_TYPE (GovorunProvisioner, govorun_provisioner, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-provisioner-error-quark, govorun_provisioner_error)

enum {
  SIGNAL_STEP_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_govorun_provisioner_emit_step (Run              *run,
                                const char       *step_id,
                                GovorunStepState  state,
                                const char       *message)
{
  if (run->op != OP_APPLY && run->op != OP_ROLLBACK && run->op != OP_DELETE)
    return;
  g_signal_emit (run_self (run), signals[SIGNAL_STEP_CHANGED], 0,
                 run->agent, step_id, (int) state, message);
}

static gboolean
needs_elevenlabs (Run *run)
{
  if (run->op == OP_ROLLBACK || run->op == OP_DELETE || run->op == OP_ACCEPT)
    return FALSE;
  if (run->op == OP_SCENARIO)
    return run->kind != GOVORUN_SCENARIO_WEBHOOK_BOT
           && !(run->kind == GOVORUN_SCENARIO_OUTBOUND
                && govorun_agent_get_engine (run->agent) == GOVORUN_AGENT_ENGINE_WEBHOOK);
  /* "Who answers" decides for inbound and outbound calls alike. */
  return (govorun_agent_get_inbound (run->agent) || govorun_agent_get_outbound (run->agent))
         && govorun_agent_get_engine (run->agent) == GOVORUN_AGENT_ENGINE_ELEVENLABS;
}

static GovorunScenarioKind
inbound_kind (Run *run)
{
  return govorun_agent_get_engine (run->agent) == GOVORUN_AGENT_ENGINE_WEBHOOK
         ? GOVORUN_SCENARIO_WEBHOOK_BOT : GOVORUN_SCENARIO_INBOUND;
}

/* --- after discovery ----------------------------------------------------------------- */

static char *
mask_secret (const char *text,
             const char *key)
{
  g_autoptr(GString) masked = g_string_new (text);
  g_autofree char *replacement = NULL;
  gsize len = key != NULL ? strlen (key) : 0;

  if (len == 0)
    return g_string_free (g_steal_pointer (&masked), FALSE);
  replacement = g_strconcat ("••••", key + (len > 4 ? len - 4 : 0), NULL);
  g_string_replace (masked, key, replacement, 0);
  return g_string_free (g_steal_pointer (&masked), FALSE);
}

void
_govorun_provisioner_stage_discovered (Run *run)
{
  GovorunProvisioner *self = run_self (run);

  if (run->el_account != NULL
      && g_strcmp0 (govorun_account_get_el_region (run->el_account), GOVORUN_EL_REGION_DEFAULT) != 0
      && govorun_account_get_el_region (run->el_account) != NULL)
    run->el_url = govorun_client_factory_elevenlabs_url (self->factory, run->el_account);

  if (run->op == OP_SCENARIO)
    {
      g_autoptr(GError) error = NULL;
      char *text = _govorun_provisioner_generate (run, run->kind, &error);

      self->last_rounds = run->rounds;
      if (text == NULL)
        {
          g_task_return_error (run->task, g_steal_pointer (&error));
          return;
        }
      if (run->mask_key)
        {
          char *masked = mask_secret (text, run->el_key);

          govorun_secret_free (text);
          text = masked;
        }
      g_task_return_pointer (run->task, text, (GDestroyNotify) govorun_secret_free);
      return;
    }

  _govorun_provisioner_read_current (run);
  if (run->op == OP_ACCEPT)
    {
      _govorun_provisioner_accept_current (run);
      return;
    }
  if ((run->op == OP_APPLY || run->op == OP_ROLLBACK || run->op == OP_DELETE)
      && !_govorun_provisioner_check_elsewhere (run))
    return;

  if ((run->op == OP_PLAN || run->op == OP_APPLY || run->op == OP_DRIFT) && !_govorun_provisioner_scripts_generate (run))
    {
      _govorun_provisioner_finish_failed (run);
      return;
    }

  switch (run->op)
    {
    case OP_PLAN:
      self->last_rounds = run->rounds;
      g_task_return_pointer (run->task, _govorun_provisioner_build_plan (run), (GDestroyNotify) govorun_plan_free);
      break;
    case OP_APPLY:
      _govorun_provisioner_apply_begin (run);
      break;
    case OP_ROLLBACK:
    case OP_DELETE:
      _govorun_provisioner_rollback_begin (run);
      break;
    case OP_DRIFT:
      _govorun_provisioner_check_drift (run);
      break;
    case OP_SCENARIO:
    case OP_ACCEPT:
    default:
      g_assert_not_reached ();
    }
}

/* --- GObject ---------------------------------------------------------------------------- */

static void
govorun_provisioner_dispose (GObject *object)
{
  GovorunProvisioner *self = GOVORUN_PROVISIONER (object);

  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);
  g_clear_object (&self->agents);
  g_clear_object (&self->store);
  g_clear_pointer (&self->host_name, g_free);

  G_OBJECT_CLASS (govorun_provisioner_parent_class)->dispose (object);
}

static void
govorun_provisioner_class_init (GovorunProvisionerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_provisioner_dispose;

  /**
   * GovorunProvisioner::step-changed:
   * @agent: the agent being applied or rolled back
   * @step_id: a plan step id ("application", "bind-42", "delete-rule-inbound", …)
   * @state: a #GovorunStepState
   * @message: (nullable): the error text of a failed step
   */
  signals[SIGNAL_STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  GOVORUN_TYPE_AGENT, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);
}

static void
govorun_provisioner_init (GovorunProvisioner *self)
{
}

GovorunProvisioner *
govorun_provisioner_new (GovorunClientFactory *factory,
                         GovorunAccountStore  *accounts,
                         GovorunAgentStore    *agents,
                         GovorunStore         *store)
{
  GovorunProvisioner *self;

  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT_STORE (agents), NULL);
  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);

  self = g_object_new (GOVORUN_TYPE_PROVISIONER, NULL);
  self->factory = g_object_ref (factory);
  self->accounts = g_object_ref (accounts);
  self->agents = g_object_ref (agents);
  self->store = g_object_ref (store);
  return self;
}

void
govorun_provisioner_set_host_name (GovorunProvisioner *self,
                                   const char         *host_name)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));

  g_free (self->host_name);
  self->host_name = g_strdup (host_name);
}

guint
govorun_provisioner_get_last_rounds (GovorunProvisioner *self)
{
  g_return_val_if_fail (GOVORUN_IS_PROVISIONER (self), 0);

  return self->last_rounds;
}

/* --- starting an operation ------------------------------------------------------------------ */

static void
start (GovorunProvisioner  *self,
       OpKind               op,
       GovorunAgent        *agent,
       GovorunScenarioKind  kind,
       gboolean             mask_key,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);
  GPtrArray *numbers = govorun_agent_get_numbers (agent);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, run, (GDestroyNotify) _govorun_provisioner_run_free);
  run->task = task;
  run->op = op;
  run->kind = kind;
  run->mask_key = mask_key;
  run->agent = g_object_ref (agent);
  run->key_in_scenario = govorun_agent_get_key_in_scenario (agent);
  run->uuid = g_strdup (govorun_agent_get_uuid (agent));
  run->slug = g_strdup (govorun_agent_get_slug (agent));
  /* A plan may be of a draft the user has not confirmed yet: it is named
   * as it would be once saved, and owns nothing. */
  if (run->uuid == NULL && op == OP_PLAN)
    run->slug = govorun_agent_store_preview_slug (self->agents, govorun_agent_get_name (agent));
  run->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->new_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->phones = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) _govorun_provisioner_phone_free);

  if ((run->uuid == NULL && op != OP_PLAN) || run->slug == NULL)
    {
      g_task_return_new_error (task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_INVALID,
                               _("The agent is not saved yet. Save it first, then try again."));
      return;
    }

  if (op != OP_SCENARIO)
    {
      run->vox_account = govorun_account_store_find_by_uuid (self->accounts, govorun_agent_get_vox_account_uuid (agent));
      if (run->vox_account == NULL || govorun_account_get_kind (run->vox_account) != GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
        {
          run->vox_account = NULL;
          g_task_return_new_error (task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_ACCOUNT,
                                   _("The agent’s Voximplant account is not saved in Govorun. Choose a Voximplant account for the agent and try again."));
          return;
        }
      g_object_ref (run->vox_account);
    }
  if (needs_elevenlabs (run))
    {
      run->el_account = govorun_account_store_find_by_uuid (self->accounts, govorun_agent_get_el_account_uuid (agent));
      if (run->el_account == NULL || govorun_account_get_kind (run->el_account) != GOVORUN_ACCOUNT_KIND_ELEVENLABS)
        {
          run->el_account = NULL;
          g_task_return_new_error (task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_ACCOUNT,
                                   _("The agent’s ElevenLabs account is not saved in Govorun. Choose an ElevenLabs account for the agent and try again."));
          return;
        }
      g_object_ref (run->el_account);
    }
  if ((op == OP_PLAN || op == OP_APPLY || op == OP_DRIFT) && numbers->len == 0
      && (govorun_agent_get_inbound (agent) || govorun_agent_get_outbound (agent)))
    {
      g_task_return_new_error (task, GOVORUN_PROVISIONER_ERROR, GOVORUN_PROVISIONER_ERROR_INVALID,
                               _("The agent has no phone number. Choose at least one number for it and try again."));
      return;
    }

  run->app.name = govorun_provisioner_application_name (run->slug);
  for (guint k = 0; k < N_KINDS; k++)
    run->scenarios[k].name = govorun_scenario_name_for_agent (run->slug, k);
  for (guint r = 0; r < 2; r++)
    {
      run->rules[r].name = govorun_provisioner_rule_name (run->slug, r == 0);
      run->rules[r].scenario_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  if (govorun_agent_get_inbound (agent))
    {
      run->scenarios[inbound_kind (run)].wanted = TRUE;
      run->rules[0].wanted = TRUE;
    }
  if (govorun_agent_get_outbound (agent))
    {
      run->scenarios[GOVORUN_SCENARIO_OUTBOUND].wanted = TRUE;
      run->rules[1].wanted = TRUE;
    }
  run->rules[0].wanted_pattern = govorun_provisioner_inbound_pattern (numbers);
  run->rules[0].wanted_kind = inbound_kind (run);
  /* Call lists and StartScenarios ignore the pattern. */
  run->rules[1].wanted_pattern = g_strdup (".*");
  run->rules[1].wanted_kind = GOVORUN_SCENARIO_OUTBOUND;

  _govorun_provisioner_stage_start (run);
}

#define CHECK_RESULT(tag, ret) \
  g_return_val_if_fail (g_task_is_valid (result, self), ret); \
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, ret)

void
govorun_provisioner_plan_async (GovorunProvisioner  *self,
                                GovorunAgent        *agent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_PLAN, agent, 0, FALSE, govorun_provisioner_plan_async, cancellable, callback, user_data);
}

GovorunPlan *
govorun_provisioner_plan_finish (GovorunProvisioner  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  CHECK_RESULT (govorun_provisioner_plan_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
govorun_provisioner_apply_async (GovorunProvisioner  *self,
                                 GovorunAgent        *agent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_APPLY, agent, 0, FALSE, govorun_provisioner_apply_async, cancellable, callback, user_data);
}

gboolean
govorun_provisioner_apply_finish (GovorunProvisioner  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  CHECK_RESULT (govorun_provisioner_apply_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
govorun_provisioner_rollback_async (GovorunProvisioner  *self,
                                    GovorunAgent        *agent,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_ROLLBACK, agent, 0, FALSE, govorun_provisioner_rollback_async, cancellable, callback, user_data);
}

gboolean
govorun_provisioner_rollback_finish (GovorunProvisioner  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  CHECK_RESULT (govorun_provisioner_rollback_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
govorun_provisioner_delete_async (GovorunProvisioner  *self,
                                  GovorunAgent        *agent,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_DELETE, agent, 0, FALSE, govorun_provisioner_delete_async, cancellable, callback, user_data);
}

gboolean
govorun_provisioner_delete_finish (GovorunProvisioner  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  CHECK_RESULT (govorun_provisioner_delete_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
govorun_provisioner_check_drift_async (GovorunProvisioner  *self,
                                       GovorunAgent        *agent,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_DRIFT, agent, 0, FALSE, govorun_provisioner_check_drift_async, cancellable, callback, user_data);
}

GPtrArray *
govorun_provisioner_check_drift_finish (GovorunProvisioner  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  CHECK_RESULT (govorun_provisioner_check_drift_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
govorun_provisioner_get_scenario_async (GovorunProvisioner  *self,
                                        GovorunAgent        *agent,
                                        GovorunScenarioKind  kind,
                                        gboolean             mask_key,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));
  g_return_if_fail (kind < N_KINDS);

  start (self, OP_SCENARIO, agent, kind, mask_key, govorun_provisioner_get_scenario_async,
         cancellable, callback, user_data);
}

void
govorun_provisioner_accept_theirs_async (GovorunProvisioner  *self,
                                         GovorunAgent        *agent,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (GOVORUN_IS_PROVISIONER (self));
  g_return_if_fail (GOVORUN_IS_AGENT (agent));

  start (self, OP_ACCEPT, agent, 0, FALSE, govorun_provisioner_accept_theirs_async,
         cancellable, callback, user_data);
}

gboolean
govorun_provisioner_accept_theirs_finish (GovorunProvisioner  *self,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  CHECK_RESULT (govorun_provisioner_accept_theirs_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
govorun_provisioner_get_scenario_finish (GovorunProvisioner  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  CHECK_RESULT (govorun_provisioner_get_scenario_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
