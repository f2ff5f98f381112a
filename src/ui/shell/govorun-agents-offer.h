/* govorun-agents-offer.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-account-store.h"
#include "govorun-agent-finder.h"

G_BEGIN_DECLS

/* After a Voximplant account is added, looks in it for agents set up from
 * another computer and, when there are some to adopt, says so in a toast
 * on @overlay whose button opens Find Agents (win.find-agents). Watches
 * @accounts for as long as @overlay lives. */
void govorun_agents_offer_watch (AdwToastOverlay     *overlay,
                                 GovorunAccountStore *accounts,
                                 GovorunAgentFinder  *finder);

G_END_DECLS
