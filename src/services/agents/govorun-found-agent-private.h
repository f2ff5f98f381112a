/* govorun-found-agent-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-found-agent.h"
#include "govorun-scenario-kind.h"
#include "govorun-scenario-manifest.h"

G_BEGIN_DECLS

/* What the finder needs to adopt a found agent: the provider ids it saw. */
struct _GovorunFoundAgent
{
  GObject                  parent_instance;

  char                    *name;
  GovorunFoundAgentState   state;
  GovorunScenarioManifest *manifest;          /* the newest; NULL for FOREIGN */
  char                   **numbers;
  gboolean                 here;
  char                    *vox_account_uuid;
  gint64                   application_id;    /* 0: missing */
  char                    *application_name;  /* the full name */
  gint64                   scenario_ids[GOVORUN_SCENARIO_N_KINDS]; /* by kind; 0: missing */
  gint64                   rule_ids[2];       /* inbound, outbound; 0: missing */
  GArray                  *bound_phone_ids;   /* the manifest's numbers bound to the application */
};

GovorunFoundAgent *_govorun_found_agent_new (const char              *name,
                                             GovorunFoundAgentState   state,
                                             GovorunScenarioManifest *manifest);
void               _govorun_found_agent_set_manifest (GovorunFoundAgent       *self,
                                                      GovorunScenarioManifest *manifest);

G_END_DECLS
