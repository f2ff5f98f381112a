/* govorun-found-agent.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * GovorunFoundAgent is what Find Agents (GovorunAgentFinder) saw in a
 * Voximplant account: an agent Govorun set up from some computer,
 * recognised by its scenarios' manifests, or a scenario not made by
 * Govorun (never adopted or touched). Read-only, for a list row.
 */

typedef enum
{
  GOVORUN_FOUND_AGENT_COMPLETE,  /* application, scenarios, rules and numbers all there */
  GOVORUN_FOUND_AGENT_PARTIAL,   /* some of them missing: adopting it offers Repair */
  GOVORUN_FOUND_AGENT_FOREIGN,   /* a scenario without Govorun's manifest */
} GovorunFoundAgentState;

#define GOVORUN_TYPE_FOUND_AGENT (govorun_found_agent_get_type ())

G_DECLARE_FINAL_TYPE (GovorunFoundAgent, govorun_found_agent, GOVORUN, FOUND_AGENT, GObject)

/* The agent's name, or a foreign scenario's. */
const char             *govorun_found_agent_get_name            (GovorunFoundAgent *self);
GovorunFoundAgentState  govorun_found_agent_get_state           (GovorunFoundAgent *self);
/* The computer that deployed it last, and when (Unix seconds); NULL/0 for FOREIGN. */
const char             *govorun_found_agent_get_host            (GovorunFoundAgent *self);
gint64                  govorun_found_agent_get_time            (GovorunFoundAgent *self);
gint64                  govorun_found_agent_get_revision        (GovorunFoundAgent *self);
/* E.164 numbers without "+" (transfer none; empty for FOREIGN). */
const char * const     *govorun_found_agent_get_numbers         (GovorunFoundAgent *self);
/* The ElevenLabs account's name on the deploying computer, or NULL. */
const char             *govorun_found_agent_get_el_account_hint (GovorunFoundAgent *self);
/* TRUE when this computer already has the agent (nothing to adopt). */
gboolean                govorun_found_agent_get_here            (GovorunFoundAgent *self);

G_END_DECLS
