/* govorun-campaigns.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-agent-catalog.h"
#include "govorun-agent-store.h"
#include "govorun-campaign.h"
#include "govorun-campaign-contact.h"
#include "govorun-column-mapping.h"
#include "govorun-do-not-call.h"
#include "govorun-import-preview.h"
#include "govorun-preflight.h"
#include "govorun-preflight-issue.h"

G_BEGIN_DECLS

/*
 * GovorunCampaigns: outbound campaigns on Voximplant's call-list engine.
 * A contact file is previewed, mapped and prepared into a draft (streamed
 * into the store in a worker thread: numbers normalised, duplicates and the
 * do-not-call list left out, the agent's variables checked, a preflight
 * report); the draft is started as a call list on the agent's outbound
 * rule, then paused, resumed, cancelled or given more contacts, and its
 * progress is refreshed from Voximplant (automatically while the app runs).
 * Every list is named "govorun-<campaign id>", so a list created before a
 * crash, or by another Govorun, is found again instead of created twice.
 */

#define GOVORUN_CAMPAIGNS_ERROR (govorun_campaigns_error_quark ())

typedef enum
{
  GOVORUN_CAMPAIGNS_ERROR_FILE = 1,       /* the file cannot be read: the sentence names row and column */
  GOVORUN_CAMPAIGNS_ERROR_NO_PHONE_COLUMN,
  GOVORUN_CAMPAIGNS_ERROR_NO_CONTACTS,    /* nobody left to call */
  GOVORUN_CAMPAIGNS_ERROR_SETTINGS,       /* a setting is out of range (the sentence says which) */
  GOVORUN_CAMPAIGNS_ERROR_NOT_OUTBOUND,   /* the agent makes no outbound calls (or is not deployed) */
  GOVORUN_CAMPAIGNS_ERROR_STATE,          /* not possible in the campaign's state */
  GOVORUN_CAMPAIGNS_ERROR_NOT_FOUND,      /* no such campaign */
  GOVORUN_CAMPAIGNS_ERROR_PROVIDER,       /* Voximplant refused; the code is in the message */
  GOVORUN_CAMPAIGNS_ERROR_NO_MONEY,       /* the balance is under 1 USD */
} GovorunCampaignsError;

/* Export formats of the results. */
typedef enum
{
  GOVORUN_CAMPAIGN_EXPORT_CSV,
  GOVORUN_CAMPAIGN_EXPORT_XLSX,
} GovorunCampaignExportFormat;

/* Called on the main thread while a file is read: rows so far and the
 * estimate of all rows (0 when unknown). */
typedef void (*GovorunCampaignProgressFunc) (guint64  rows_done,
                                             guint64  rows_estimate,
                                             gpointer user_data);

/* The store's and the services'; declared here so views need none of
 * their headers. */
typedef struct _GovorunStore         GovorunStore;
typedef struct _GovorunClientFactory GovorunClientFactory;

#define GOVORUN_TYPE_CAMPAIGNS (govorun_campaigns_get_type ())
G_DECLARE_FINAL_TYPE (GovorunCampaigns, govorun_campaigns, GOVORUN, CAMPAIGNS, GObject)

GQuark            govorun_campaigns_error_quark     (void) G_GNUC_CONST;

/* Built by GovorunServices. */
GovorunCampaigns *govorun_campaigns_new             (GovorunStore         *store,
                                                     GovorunClientFactory *factory,
                                                     GovorunAccountStore  *accounts,
                                                     GovorunAgentStore    *agents,
                                                     GovorunAgentCatalog  *catalog,
                                                     GovorunDoNotCall     *do_not_call,
                                                     GSettings            *settings);

/* Reads the saved campaigns into the model; call once (the services do). */
/* Whether a load has finished (the first one runs by itself once the
 * services are ready). */
gboolean          govorun_campaigns_get_loaded      (GovorunCampaigns     *self);
void              govorun_campaigns_load_async      (GovorunCampaigns     *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean          govorun_campaigns_load_finish     (GovorunCampaigns     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GovorunCampaign items, newest first. The items stay the same objects
 * while their properties change. */
GListModel       *govorun_campaigns_get_model       (GovorunCampaigns     *self);
/* The campaign with local id @id, or NULL. */
GovorunCampaign  *govorun_campaigns_lookup          (GovorunCampaigns     *self,
                                                     const char           *id);

/* -- a new campaign: preview, mapping, prepare -- */

/* Reads the columns and first rows of a CSV or XLSX file (@sheet: NULL for
 * the first sheet) in a worker thread. */
void              govorun_campaigns_preview_async   (GovorunCampaigns     *self,
                                                     GFile                *file,
                                                     const char           *sheet,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GovorunImportPreview *govorun_campaigns_preview_finish (GovorunCampaigns  *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);

/* The agent's dynamic variables as its ElevenLabs agent declares them,
 * sorted: those last read by _agent_variables_async (an empty vector
 * before, or for a webhook agent). */
GStrv             govorun_campaigns_agent_variables (GovorunCampaigns     *self,
                                                     const char           *agent_id);
/* Reads the agent's variables from ElevenLabs (and remembers them). */
void              govorun_campaigns_agent_variables_async  (GovorunCampaigns    *self,
                                                            const char          *agent_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GStrv             govorun_campaigns_agent_variables_finish (GovorunCampaigns    *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* The mapping remembered for @agent_id when it fits the preview's columns,
 * else one guessed from the titles: the phone column («Телефон», "Phone",
 * «Номер», …, or the first column that holds numbers), a time-zone column
 * («Часовой пояс», "Time zone", "TZ"), each variable by its name or a
 * Russian label («Имя» → name, «Дата визита» → date…). */
GovorunColumnMapping *govorun_campaigns_suggest_mapping (GovorunCampaigns     *self,
                                                         GovorunImportPreview *preview,
                                                         const char           *agent_id);

/* Streams @file (@sheet as in preview) into a new draft: @campaign carries
 * the settings (name, agent, account, caller number, calling hours…; its
 * state DRAFT, its id new). Rows are normalised, duplicates, do-not-call
 * numbers and invalid rows left out, and the variables checked; the draft,
 * its contacts and its issues are saved in one transaction — on an error or
 * cancel nothing is saved. The mapping is remembered for the agent. The
 * draft is added to the model. @progress (nullable) is called now and then
 * on the main thread. */
void              govorun_campaigns_prepare_async   (GovorunCampaigns     *self,
                                                     GFile                *file,
                                                     const char           *sheet,
                                                     GovorunColumnMapping *mapping,
                                                     GovorunCampaign      *campaign,
                                                     GovorunCampaignProgressFunc progress,
                                                     gpointer              progress_data,
                                                     GDestroyNotify        progress_destroy,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GovorunPreflight *govorun_campaigns_prepare_finish  (GovorunCampaigns     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* The preflight of a saved draft (the counts and issues as prepared; the
 * estimates from the campaign's current settings). */
void              govorun_campaigns_get_preflight_async  (GovorunCampaigns *self,
                                                          GovorunCampaign  *campaign,
                                                          GCancellable     *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer          user_data);
GovorunPreflight *govorun_campaigns_get_preflight_finish (GovorunCampaigns *self,
                                                          GAsyncResult     *result,
                                                          GError          **error);

/* Recomputes @preflight's estimates (minutes, cost, finish) for the
 * campaign's current settings; no I/O, for a settings page that changes
 * the concurrency or the hours. */
void              govorun_campaigns_estimate        (GovorunCampaigns     *self,
                                                     GovorunCampaign      *campaign,
                                                     GovorunPreflight     *preflight);

/* Saves a draft's changed settings (name, hours, concurrency…). */
void              govorun_campaigns_save_draft_async  (GovorunCampaigns   *self,
                                                       GovorunCampaign    *campaign,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean          govorun_campaigns_save_draft_finish (GovorunCampaigns   *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* Writes the invalid rows of a prepared campaign (and the duplicates and
 * do-not-call ones) as CSV: the row, the reason, then the original cells —
 * fix them and import the file again. */
void              govorun_campaigns_export_invalid_async  (GovorunCampaigns   *self,
                                                           GovorunCampaign    *campaign,
                                                           GFile              *file,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
gboolean          govorun_campaigns_export_invalid_finish (GovorunCampaigns   *self,
                                                           GAsyncResult       *result,
                                                           GError            **error);

/* Deletes a draft and its contacts (only a DRAFT). */
void              govorun_campaigns_delete_draft_async  (GovorunCampaigns     *self,
                                                         GovorunCampaign      *campaign,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean          govorun_campaigns_delete_draft_finish (GovorunCampaigns     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* -- running -- */

/* Creates the call list (in batches above the batch size) on the agent's
 * outbound rule; the campaign becomes RUNNING (SCHEDULED with a later
 * start-at). Never creates a second list for a campaign. */
void              govorun_campaigns_start_async     (GovorunCampaigns     *self,
                                                     GovorunCampaign      *campaign,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean          govorun_campaigns_start_finish    (GovorunCampaigns     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* StopCallListProcessing → PAUSED. */
void              govorun_campaigns_pause_async     (GovorunCampaigns     *self,
                                                     GovorunCampaign      *campaign,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean          govorun_campaigns_pause_finish    (GovorunCampaigns     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* RecoverCallList → RUNNING. */
void              govorun_campaigns_resume_async    (GovorunCampaigns     *self,
                                                     GovorunCampaign      *campaign,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean          govorun_campaigns_resume_finish   (GovorunCampaigns     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* Stops the list for good (contacts not yet called are not called) →
 * CANCELLED. */
void              govorun_campaigns_cancel_async    (GovorunCampaigns     *self,
                                                     GovorunCampaign      *campaign,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean          govorun_campaigns_cancel_finish   (GovorunCampaigns     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* Adds the contacts of @file to a started campaign (AppendToCallList),
 * with the same checks as prepare: numbers already in the campaign count
 * as duplicates. Returns the preflight of the added rows. */
void              govorun_campaigns_append_async    (GovorunCampaigns     *self,
                                                     GovorunCampaign      *campaign,
                                                     GFile                *file,
                                                     const char           *sheet,
                                                     GovorunColumnMapping *mapping,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GovorunPreflight *govorun_campaigns_append_finish   (GovorunCampaigns     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* Reads the progress of @campaign (NULL: every active campaign, and the
 * lists with Govorun's naming not known here) from GetCallListDetails;
 * emits campaign-finished / campaign-stopped on the transitions. */
void              govorun_campaigns_refresh_async   (GovorunCampaigns     *self,
                                                     GovorunCampaign      *campaign,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean          govorun_campaigns_refresh_finish  (GovorunCampaigns     *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* Refreshes the active campaigns every "campaign-refresh-seconds" while
 * the app runs (the services start it). */
void              govorun_campaigns_start_automatic (GovorunCampaigns     *self);

/* GovorunCampaignContact items of @campaign in row order, read lazily
 * from the store (a million contacts cost a window of rows). */
GListModel       *govorun_campaigns_get_contacts    (GovorunCampaigns     *self,
                                                     GovorunCampaign      *campaign);

/* Writes each contact's outcome: row, phone, the variables, status,
 * attempts, last attempt, result, and the call's record id for Calls. */
void              govorun_campaigns_export_results_async  (GovorunCampaigns           *self,
                                                           GovorunCampaign            *campaign,
                                                           GFile                      *file,
                                                           GovorunCampaignExportFormat format,
                                                           GCancellable               *cancellable,
                                                           GAsyncReadyCallback         callback,
                                                           gpointer                    user_data);
gboolean          govorun_campaigns_export_results_finish (GovorunCampaigns           *self,
                                                           GAsyncResult               *result,
                                                           GError                    **error);

G_END_DECLS
