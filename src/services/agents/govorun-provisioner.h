/* govorun-provisioner.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-agent-store.h"
#include "govorun-plan.h"
#include "govorun-scenario-kind.h"

G_BEGIN_DECLS

/* Types of the layers below the services, opaque to their users. */
typedef struct _GovorunClientFactory GovorunClientFactory;
typedef struct _GovorunStore GovorunStore;

/*
 * GovorunProvisioner makes a Voximplant account match an agent: an
 * application, the agent's scenarios, its routing rules and its number
 * bindings, all with names derived from the agent's slug so that any run
 * can find what an earlier (perhaps interrupted) run did. See the comment
 * at the top of govorun-provisioner.c for the rules it follows. Its plans
 * are GovorunPlan (govorun-plan.h).
 */

#define GOVORUN_PROVISIONER_ERROR (govorun_provisioner_error_quark ())

typedef enum
{
  GOVORUN_PROVISIONER_ERROR_INVALID = 1,   /* the agent is not complete (account, numbers, …): nothing sent */
  GOVORUN_PROVISIONER_ERROR_ACCOUNT,       /* an account of the agent is not saved or has no key */
  GOVORUN_PROVISIONER_ERROR_STEP_FAILED,   /* a step failed; Continue may finish the job */
  GOVORUN_PROVISIONER_ERROR_STEP_REJECTED, /* a step was refused in a way a retry will not fix */
  GOVORUN_PROVISIONER_ERROR_CHANGED_ELSEWHERE, /* another computer deployed the agent since this
                                                * one last saw it (the message says who and when):
                                                * nothing sent. Load their version
                                                * (govorun_agent_finder_load_theirs_async()) or
                                                * govorun_provisioner_accept_theirs_async() and
                                                * run again. */
} GovorunProvisionerError;

#define GOVORUN_TYPE_PROVISIONER (govorun_provisioner_get_type ())

G_DECLARE_FINAL_TYPE (GovorunProvisioner, govorun_provisioner, GOVORUN, PROVISIONER, GObject)

GQuark              govorun_provisioner_error_quark         (void) G_GNUC_CONST;

/* Deterministic provider-side names for an agent's slug (g_free). */
char               *govorun_provisioner_application_name    (const char          *slug);
char               *govorun_provisioner_rule_name           (const char          *slug,
                                                             gboolean             inbound);
/* The inbound rule pattern for numbers (E.164, "+" optional):
 * "(74951234567|78121234567)"; NULL for none. */
char               *govorun_provisioner_inbound_pattern     (GPtrArray           *numbers);

GovorunProvisioner *govorun_provisioner_new                 (GovorunClientFactory *factory,
                                                             GovorunAccountStore  *accounts,
                                                             GovorunAgentStore    *agents,
                                                             GovorunStore         *store);

/* Looks at the account (Get* reads, in parallel where independent) and
 * says what apply would do. Read-only. @agent may be unsaved (a dialog's
 * draft): it is planned under the slug it would get when saved. */
void                govorun_provisioner_plan_async          (GovorunProvisioner  *self,
                                                             GovorunAgent        *agent,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
GovorunPlan        *govorun_provisioner_plan_finish         (GovorunProvisioner  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
/* Carries the plan out, step by step, emitting "step-changed" (agent,
 * step id, GovorunStepState, nullable error text) on the main context.
 * On failure the agent is saved PARTIAL (or ERROR for errors a retry will
 * not fix) with last-step and last-error, and the error is returned.
 * Calling it again (Continue, Repair, re-deploy after an edit) re-plans
 * and reuses what exists. */
void                govorun_provisioner_apply_async         (GovorunProvisioner  *self,
                                                             GovorunAgent        *agent,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean            govorun_provisioner_apply_finish        (GovorunProvisioner  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
/* Removes exactly what Govorun created for the agent, in reverse order
 * (bindings, rules, scenarios, application); objects it merely reused
 * stay. The agent goes back to DRAFT. Resumable like apply. */
void                govorun_provisioner_rollback_async      (GovorunProvisioner  *self,
                                                             GovorunAgent        *agent,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean            govorun_provisioner_rollback_finish     (GovorunProvisioner  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
/* Rollback, then removes the agent from the store. */
void                govorun_provisioner_delete_async        (GovorunProvisioner  *self,
                                                             GovorunAgent        *agent,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean            govorun_provisioner_delete_finish       (GovorunProvisioner  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
/* Compares the account with what Govorun expects. Returns (transfer full)
 * a GPtrArray of translated sentences (empty: no drift); the agent is
 * saved DRIFTED, or READY again when a drifted agent matches. */
void                govorun_provisioner_check_drift_async   (GovorunProvisioner  *self,
                                                             GovorunAgent        *agent,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
GPtrArray          *govorun_provisioner_check_drift_finish  (GovorunProvisioner  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
/* The scenario as it would be deployed (with the ElevenLabs key from the
 * keyring). With @mask_key the key is shown as "••••" and its last 4
 * characters. */
void                govorun_provisioner_get_scenario_async  (GovorunProvisioner  *self,
                                                             GovorunAgent        *agent,
                                                             GovorunScenarioKind  kind,
                                                             gboolean             mask_key,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
char               *govorun_provisioner_get_scenario_finish (GovorunProvisioner  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

/* Before "Replace Theirs": takes the manifest now in the account as the
 * one this computer has seen, so the next deploy, roll back or delete
 * goes ahead (and replaces it) instead of stopping with CHANGED_ELSEWHERE. */
void                govorun_provisioner_accept_theirs_async (GovorunProvisioner  *self,
                                                             GovorunAgent        *agent,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean            govorun_provisioner_accept_theirs_finish (GovorunProvisioner *self,
                                                              GAsyncResult       *result,
                                                              GError            **error);

/* The computer's name the manifests of its deploys show to other computers
 * (NULL: the host name). Tests give two installations different names. */
void                govorun_provisioner_set_host_name       (GovorunProvisioner  *self,
                                                             const char          *host_name);

/* For the benchmark and tests: how many rounds of dependent requests the
 * last finished operation made (requests sent in parallel count once). */
guint               govorun_provisioner_get_last_rounds     (GovorunProvisioner  *self);

G_END_DECLS
