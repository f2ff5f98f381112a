/* govorun-agent-widget-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account.h"
#include "govorun-agent-widget.h"
#include "govorun-widget-choices.h"

G_BEGIN_DECLS

/*
 * GovorunAgentWidgetPage: an ElevenLabs agent's website widget, opened
 * from the agent's page — the choices on the left (variant, placement,
 * avatar, colours, texts, dynamic variables, language), on the right the
 * native preview, the embed code with Copy Code, and the check whether a
 * website can use the agent with "Add My Site to the Allowlist". Colours
 * are written to the agent only through "Save Colours to Agent" after a
 * confirmation listing the changes. A window of its own, like Scenario
 * Code: the preview and the choices side by side need the width; below
 * about 700 px the choices fold into a sidebar.
 */

#define GOVORUN_TYPE_AGENT_WIDGET_PAGE (govorun_agent_widget_page_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAgentWidgetPage, govorun_agent_widget_page, GOVORUN, AGENT_WIDGET_PAGE, AdwWindow)

/* @account: the ElevenLabs account the agent @agent_id is in; @agent_name
 * is shown as the subtitle. Starts loading the agent at once. */
GovorunAgentWidgetPage *govorun_agent_widget_page_new         (GtkWindow          *parent,
                                                               GovorunAgentWidget *service,
                                                               GovorunAccount     *account,
                                                               const char         *agent_id,
                                                               const char         *agent_name);
/* NULL until the agent is loaded. */
GovorunWidgetChoices   *govorun_agent_widget_page_get_choices (GovorunAgentWidgetPage *self);
/* The code as shown. */
char                   *govorun_agent_widget_page_dup_code    (GovorunAgentWidgetPage *self);

G_END_DECLS
