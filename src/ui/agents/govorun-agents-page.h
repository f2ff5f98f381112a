/* govorun-agents-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-page.h"

G_BEGIN_DECLS

#define GOVORUN_TYPE_AGENTS_PAGE (govorun_agents_page_get_type ())

/* Services: "services" itself, since the agent wizard it opens uses most
 * of them. */
G_DECLARE_FINAL_TYPE (GovorunAgentsPage, govorun_agents_page, GOVORUN, AGENTS_PAGE, GovorunPage)

void govorun_agents_page_new_agent       (GovorunAgentsPage  *self);
/* Shows @agent's details and starts "Create and configure" on it. */
void govorun_agents_page_show_and_apply  (GovorunAgentsPage  *self,
                                          GovorunAgent       *agent);

/* Adds (@add_phone_id != 0) or removes (@remove_phone_id != 0) a number of
 * @agent, saves it and deploys it again, showing its progress. */
void govorun_agents_page_change_numbers  (GovorunAgentsPage  *self,
                                          GovorunAgent       *agent,
                                          gint64              add_phone_id,
                                          const char         *add_number,
                                          gint64              remove_phone_id);

G_END_DECLS
