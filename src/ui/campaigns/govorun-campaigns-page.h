/* govorun-campaigns-page.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "govorun-page.h"

G_BEGIN_DECLS

/*
 * Outbound campaigns: the list (name, agent, state, progress, start and
 * expected finish), an empty state that offers New Campaign and says a
 * file can be dropped on the window, a campaign's details as the page's
 * subpage, and the do-not-call list from the page's menu.
 */

#define GOVORUN_TYPE_CAMPAIGNS_PAGE (govorun_campaigns_page_get_type ())

/* Services: "services" itself, since the assistant it opens uses several. */
G_DECLARE_FINAL_TYPE (GovorunCampaignsPage, govorun_campaigns_page, GOVORUN, CAMPAIGNS_PAGE, GovorunPage)

/* Opens the campaign assistant, with @file (nullable) already chosen. */
void     govorun_campaigns_page_new_campaign   (GovorunCampaignsPage *self,
                                                GFile                *file);
/* Shows @campaign's details. */
void     govorun_campaigns_page_show_campaign  (GovorunCampaignsPage *self,
                                                GovorunCampaign      *campaign);
/* Opens the do-not-call list. */
void     govorun_campaigns_page_edit_do_not_call (GovorunCampaignsPage *self);
/* Whether @file looks like a table of contacts (.csv, .tsv, .txt, .xlsx):
 * what a drop on the window turns into a campaign. */
gboolean govorun_campaigns_page_accepts_file   (GFile                *file);

G_END_DECLS
