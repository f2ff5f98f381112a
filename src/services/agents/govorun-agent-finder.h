/* govorun-agent-finder.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-agent-store.h"
#include "govorun-found-agent.h"
#include "govorun-provisioner.h"

G_BEGIN_DECLS

typedef struct _GovorunClientFactory GovorunClientFactory;
typedef struct _GovorunStore GovorunStore;

/*
 * GovorunAgentFinder ("Find Agents") reads a Voximplant account — its
 * applications, scenarios with their texts, rules and numbers — and finds
 * the agents Govorun set up there from any computer, by the manifest at
 * the top of each scenario and Govorun's names. Adopting one creates the
 * local agent and the provisioner's records of its objects exactly as if
 * it had been set up here, then runs the drift check. Scenarios without a
 * manifest are listed as not made by Govorun and never adopted or touched.
 */

#define GOVORUN_AGENT_FINDER_ERROR (govorun_agent_finder_error_quark ())

typedef enum
{
  GOVORUN_AGENT_FINDER_ERROR_ELEVENLABS_ACCOUNT = 1, /* the manifest's ElevenLabs account is not here */
  GOVORUN_AGENT_FINDER_ERROR_NOT_GOVORUN,            /* a scenario not made by Govorun */
  GOVORUN_AGENT_FINDER_ERROR_ALREADY_HERE,           /* this computer has the agent already */
  GOVORUN_AGENT_FINDER_ERROR_NOT_FOUND,              /* the agent is no longer in the account */
} GovorunAgentFinderError;

/* Scenario texts read per search; an account with more scenarios gets the
 * first ones (by Voximplant's order) looked at. */
#define GOVORUN_AGENT_FINDER_MAX_SCENARIOS 200

#define GOVORUN_TYPE_AGENT_FINDER (govorun_agent_finder_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAgentFinder, govorun_agent_finder, GOVORUN, AGENT_FINDER, GObject)

GQuark              govorun_agent_finder_error_quark       (void) G_GNUC_CONST;

GovorunAgentFinder *govorun_agent_finder_new               (GovorunClientFactory *factory,
                                                            GovorunAccountStore  *accounts,
                                                            GovorunAgentStore    *agents,
                                                            GovorunProvisioner   *provisioner,
                                                            GovorunStore         *store);

/* Returns: (transfer full): a GListModel of GovorunFoundAgent, Govorun's
 * agents first (by name), then the scenarios not made by Govorun. */
void                govorun_agent_finder_find_async        (GovorunAgentFinder   *self,
                                                            GovorunAccount       *vox_account,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GListModel         *govorun_agent_finder_find_finish       (GovorunAgentFinder   *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
/* How many of @found could be adopted (Govorun's, not here yet). */
guint               govorun_agent_finder_count_adoptable   (GListModel           *found);

/* Returns: (transfer full): the adopted agent as saved, after its drift
 * check (READY, or DRIFTED with what differs). */
void                govorun_agent_finder_adopt_async       (GovorunAgentFinder   *self,
                                                            GovorunFoundAgent    *found,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GovorunAgent       *govorun_agent_finder_adopt_finish      (GovorunAgentFinder   *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* "Load Their Version" after CHANGED_ELSEWHERE: the agent takes the
 * set-up in the account's newest manifest (and that manifest as seen),
 * then its drift is checked. */
void                govorun_agent_finder_load_theirs_async  (GovorunAgentFinder  *self,
                                                             GovorunAgent        *agent,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean            govorun_agent_finder_load_theirs_finish (GovorunAgentFinder  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

G_END_DECLS
