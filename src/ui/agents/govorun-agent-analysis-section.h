/* govorun-agent-analysis-section.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-services.h"

G_BEGIN_DECLS

/*
 * The agent page's Analysis section for an ElevenLabs agent: its evaluation
 * criteria and data-collection fields as rows to edit, Russian templates,
 * Save; the compliance checks (the first message's robot and recording
 * notice, with a fix) and the privacy controls with the data-residency
 * notice. Everything goes to ElevenLabs through GovorunAgentAnalysis.
 */

#define GOVORUN_TYPE_AGENT_ANALYSIS_SECTION (govorun_agent_analysis_section_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAgentAnalysisSection, govorun_agent_analysis_section, GOVORUN,
                      AGENT_ANALYSIS_SECTION, AdwPreferencesGroup)

/* @agent: (nullable): shown; hidden for agents that are not ElevenLabs'. */
void          govorun_agent_analysis_section_set_agent (GovorunAgentAnalysisSection *self,
                                                        GovorunAgent                *agent);

/* The confirmation of the first-message fix, shared with the wizard. */
GtkWidget    *govorun_agent_analysis_section_fix_dialog_new (GtkWindow  *parent,
                                                             const char *fixed);

G_END_DECLS
