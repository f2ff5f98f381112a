/* govorun-campaign-contacts.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-campaign.h"

G_BEGIN_DECLS

/*
 * GovorunCampaignContacts: a campaign's contacts as a lazy GListModel of
 * GovorunCampaignContact in seq order. Pages of rows are read from the
 * store when asked for; until a page comes its items are empty
 * placeholders that fill in (with notify) when it does. A bounded number
 * of pages is kept. It reads again when the campaign's progress changes.
 */

typedef struct _GovorunStore GovorunStore;

#define GOVORUN_TYPE_CAMPAIGN_CONTACTS (govorun_campaign_contacts_get_type ())
G_DECLARE_FINAL_TYPE (GovorunCampaignContacts, govorun_campaign_contacts, GOVORUN, CAMPAIGN_CONTACTS, GObject)

GovorunCampaignContacts *govorun_campaign_contacts_new (GovorunStore    *store,
                                                        GovorunCampaign *campaign);

G_END_DECLS
