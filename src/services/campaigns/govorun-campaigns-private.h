/* govorun-campaigns-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-campaign-records.h"
#include "govorun-campaigns.h"
#include "govorun-client-factory.h"

G_BEGIN_DECLS

/* Shared by the campaigns service's files: the object (govorun-campaigns.c),
 * reading files (govorun-campaign-import.c), running campaigns on
 * Voximplant (govorun-campaign-run.c) and the exports
 * (govorun-campaign-export.c). */

struct _GovorunCampaigns
{
  GObject               parent_instance;

  GovorunStore         *store;
  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunAgentStore    *agents;
  GovorunAgentCatalog  *catalog;
  GovorunDoNotCall     *do_not_call;
  GSettings            *settings;       /* nullable */

  GListStore           *model;          /* of GovorunCampaign, newest first */
  GHashTable           *variables;      /* agent id → GStrv */
  GHashTable           *mappings;       /* agent id → mapping JSON */
  GHashTable           *busy;           /* campaign id → TRUE while an operation runs */
  guint                 refresh_source;
  gboolean              refreshing;
  guint                 batch_size;     /* contacts per CreateCallList/AppendToCallList */
  GHashTable           *minute_prices;  /* caller number → GovorunCallerPrice, from its earlier calls */
  GHashTable           *reported;       /* campaign id → GByteArray: a bit per seq whose result
                                         * "contact-result" announced in this run of Govorun */
  gboolean              loaded;         /* a load has finished */
};

/* What a caller number's calls cost a minute, from the call history. */
typedef struct
{
  double  per_minute;
  char   *currency;
  guint64 calls;
} GovorunCallerPrice;

/* Contacts per call-list request: the CSV of 5,000 contacts is about
 * 1 MB, under any request limit. */
#define GOVORUN_CAMPAIGNS_BATCH_SIZE 5000

/* The call list of campaign @id is named so. */
char     *_govorun_campaigns_list_name     (const char        *campaign_id);

/* The list state saved with @campaign (GovorunCampaignListState). */
int       _govorun_campaigns_list_state    (GovorunCampaign   *campaign);
void      _govorun_campaigns_set_list_state (GovorunCampaign  *campaign,
                                             int               state);

/* The fill of a new draft or an append: reads the file in the store's
 * writer thread. @existing: the campaign has contacts already (append). */
typedef struct _GovorunCampaignImport GovorunCampaignImport;

GovorunCampaignImport *_govorun_campaign_import_new  (GovorunCampaigns     *self,
                                                      GFile                *file,
                                                      const char           *sheet,
                                                      GovorunColumnMapping *mapping,
                                                      GovorunCampaign      *campaign,
                                                      gboolean              existing,
                                                      GovorunCampaignProgressFunc progress,
                                                      gpointer              progress_data,
                                                      GDestroyNotify        progress_destroy,
                                                      GCancellable         *cancellable);
void      _govorun_campaign_import_free     (GovorunCampaignImport *import);
gboolean  _govorun_campaign_import_fill     (GovorunCampaignSink   *sink,
                                             gpointer               import,
                                             GError               **error);
/* After the fill: the counts into a new preflight (issues not loaded). */
GovorunPreflight *_govorun_campaign_import_get_preflight (GovorunCampaignImport *import);

/* Fills @preflight's estimates for @campaign's settings. */
/* Looks up what the caller number's earlier calls cost a minute (kept
 * for the estimates). */
void      _govorun_campaigns_learn_price_async  (GovorunCampaigns    *self,
                                                 const char          *caller,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean  _govorun_campaigns_learn_price_finish (GovorunCampaigns    *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
void      _govorun_campaigns_estimate       (GovorunCampaigns  *self,
                                             GovorunCampaign   *campaign,
                                             GovorunPreflight  *preflight);

/* Saves @campaign as it is now; logs a failure. */
void      _govorun_campaigns_save           (GovorunCampaigns  *self,
                                             GovorunCampaign   *campaign);

/* The signals. */
/* "contact-result" for a contact whose call list task is over (processed
 * or failed), once per contact while Govorun runs. */
void      _govorun_campaigns_emit_contact_result (GovorunCampaigns *self,
                                                  GovorunCampaign  *campaign,
                                                  gint64            seq,
                                                  gint64            campaign_rowid,
                                                  gint64            contact_rowid,
                                                  const char       *phone,
                                                  const char       *result,
                                                  guint             attempts);
void      _govorun_campaigns_emit_finished  (GovorunCampaigns  *self,
                                             GovorunCampaign   *campaign);
void      _govorun_campaigns_emit_stopped   (GovorunCampaigns  *self,
                                             GovorunCampaign   *campaign,
                                             const char        *reason);

/* Adds a campaign to the model at the top. */
void      _govorun_campaigns_add            (GovorunCampaigns  *self,
                                             GovorunCampaign   *campaign);

G_END_DECLS
