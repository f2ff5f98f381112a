/* govorun-campaign-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-campaign.h"
#include "govorun-campaign-contact.h"
#include "govorun-preflight-issue.h"
#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * The campaigns' tables: campaigns (settings, state, counters, the call
 * list's id and whether its creation was started), campaign_contacts (one
 * row per contact to call, numbered by seq within the campaign),
 * campaign_issues (the rows the preflight names) and campaign_mappings
 * (the column mapping remembered per agent).
 *
 * A campaign's contacts are written by a fill function the service gives:
 * it runs on the store's writer thread inside one transaction and hands
 * rows to a GovorunCampaignSink, so a million-row file streams into the
 * database without sitting in memory, and an error or a cancel leaves
 * nothing behind.
 */

/* Where the call list's creation stands (crash safety). */
typedef enum
{
  GOVORUN_CAMPAIGN_LIST_NONE,      /* nothing sent */
  GOVORUN_CAMPAIGN_LIST_CREATING,  /* CreateCallList may have been sent: look for the list by name */
  GOVORUN_CAMPAIGN_LIST_CREATED,   /* list-id is the list */
} GovorunCampaignListState;

typedef struct _GovorunCampaignSink GovorunCampaignSink;

/* Runs on the writer thread; FALSE (with @error) rolls everything back. */
typedef gboolean (*GovorunCampaignFillFunc) (GovorunCampaignSink  *sink,
                                             gpointer              data,
                                             GError              **error);

/* A contact as the start reads it to build the call list's CSV. */
typedef struct
{
  gint64  id;          /* the row's id: calls.contact_id */
  gint64  seq;         /* 1, 2, … within the campaign */
  char   *phone;
  char   *variables;   /* JSON object text, may be NULL */
  char   *zone;        /* IANA zone of the contact, NULL: the campaign's */
  char   *task_uuid;
} GovorunCampaignTaskRow;

void       govorun_campaign_task_row_free (GovorunCampaignTaskRow *row);

/* A task's state as Voximplant reported it. */
typedef struct
{
  gint64      seq;
  int         status;          /* GovorunContactStatus */
  gint64      attempts_left;
  gint64      last_attempt;    /* unix seconds, 0 unknown */
  char       *result;          /* may be NULL */
  gboolean    answered;
  gboolean    successful;
} GovorunCampaignTaskUpdate;

void       govorun_campaign_task_update_free (GovorunCampaignTaskUpdate *update);

/* -- the sink, for fill functions -- */

/* Adds a contact; its seq is the next of the campaign; the task uuid is
 * made from @task_prefix (see create) and the seq. */
gboolean   govorun_campaign_sink_add_contact  (GovorunCampaignSink       *sink,
                                               gint64                     row,
                                               const char                *phone,
                                               const char                *variables,
                                               const char                *zone,
                                               GError                   **error);
/* @cells: the original row's cells joined by U+001F, for the export of
 * the rows left out (may be NULL). */
gboolean   govorun_campaign_sink_add_issue    (GovorunCampaignSink       *sink,
                                               GovorunPreflightIssueKind  kind,
                                               gint64                     row,
                                               const char                *column,
                                               const char                *reason,
                                               const char                *value,
                                               const char                *cells,
                                               GError                   **error);
/* The phones the campaign has already (for an append), each to @func. */
gboolean   govorun_campaign_sink_foreach_phone (GovorunCampaignSink      *sink,
                                                void                    (*func) (const char *phone,
                                                                                 gpointer    data),
                                                gpointer                  data,
                                                GError                  **error);
/* Debt mode: the start times of the interactions with @phone (E.164) in
 * [@since, @until) — outbound calls in the call history that were
 * answered — into @out_times (emptied first), any order. */
gboolean   govorun_campaign_sink_interactions (GovorunCampaignSink       *sink,
                                               const char                *phone,
                                               gint64                     since,
                                               gint64                     until,
                                               GArray                    *out_times,
                                               GError                   **error);
/* The contacts added so far by this fill. */
guint64    govorun_campaign_sink_get_added    (GovorunCampaignSink       *sink);
/* The seq the next contact gets. */
gint64     govorun_campaign_sink_get_next_seq (GovorunCampaignSink       *sink);

/* The __task_uuid of contact @seq of campaign @campaign_id (a UUID):
 * its 32 hex digits, '-', the seq; at most 40 characters. */
char      *govorun_campaign_records_task_uuid (const char                *campaign_id,
                                               gint64                     seq);
/* The seq of a task uuid made so for @campaign_id, or 0. */
gint64     govorun_campaign_records_task_seq  (const char                *campaign_id,
                                               const char                *task_uuid);

/* -- campaigns -- */

/* Inserts @campaign (copied), then runs @fill to add its contacts and
 * issues, in one transaction. */
void       govorun_campaign_records_create_async   (GovorunStore            *store,
                                                    GovorunCampaign         *campaign,
                                                    GovorunCampaignFillFunc  fill,
                                                    gpointer                 fill_data,
                                                    GDestroyNotify           fill_data_destroy,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
gboolean   govorun_campaign_records_create_finish  (GovorunStore            *store,
                                                    GAsyncResult            *result,
                                                    GError                 **error);
/* Runs @fill to add contacts to the saved campaign @campaign_id (seq goes
 * on); _finish gives the seq of the first one added. */
void       govorun_campaign_records_append_async   (GovorunStore            *store,
                                                    const char              *campaign_id,
                                                    GovorunCampaignFillFunc  fill,
                                                    gpointer                 fill_data,
                                                    GDestroyNotify           fill_data_destroy,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
gboolean   govorun_campaign_records_append_finish  (GovorunStore            *store,
                                                    GAsyncResult            *result,
                                                    gint64                  *out_first_seq,
                                                    GError                 **error);
/* Writes every property of @campaign (copied) and @list_state over the
 * saved row. */
void       govorun_campaign_records_save_async     (GovorunStore            *store,
                                                    GovorunCampaign         *campaign,
                                                    GovorunCampaignListState list_state,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
gboolean   govorun_campaign_records_save_finish    (GovorunStore            *store,
                                                    GAsyncResult            *result,
                                                    GError                 **error);
/* Every campaign, newest first (GovorunCampaign), with its list state in
 * the object's data "govorun-list-state" (GINT_TO_POINTER). */
void       govorun_campaign_records_load_async     (GovorunStore            *store,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
GPtrArray *govorun_campaign_records_load_finish    (GovorunStore            *store,
                                                    GAsyncResult            *result,
                                                    GError                 **error);
void       govorun_campaign_records_delete_async   (GovorunStore            *store,
                                                    const char              *campaign_id,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
gboolean   govorun_campaign_records_delete_finish  (GovorunStore            *store,
                                                    GAsyncResult            *result,
                                                    GError                 **error);

/* -- contacts -- */

/* Contacts seq ≥ @first_seq, at most @count, as task rows, and the
 * campaign's row id. */
void       govorun_campaign_records_read_tasks_async  (GovorunStore         *store,
                                                       const char           *campaign_id,
                                                       gint64                first_seq,
                                                       guint                 count,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray *govorun_campaign_records_read_tasks_finish (GovorunStore         *store,
                                                       GAsyncResult         *result,
                                                       gint64               *out_campaign_rowid,
                                                       GError              **error);
/* Contacts seq in [@first_seq, @first_seq + @count) as
 * GovorunCampaignContact, with the id of their latest call in Calls. */
void       govorun_campaign_records_read_contacts_async  (GovorunStore      *store,
                                                          const char        *campaign_id,
                                                          gint64             first_seq,
                                                          guint              count,
                                                          GCancellable      *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer           user_data);
GPtrArray *govorun_campaign_records_read_contacts_finish (GovorunStore      *store,
                                                          GAsyncResult      *result,
                                                          GError           **error);
/* Applies @updates (GovorunCampaignTaskUpdate) to the contacts and
 * recounts the campaign: _finish fills the counters (done, answered,
 * successful, failed) and the number of contacts. */
typedef struct
{
  guint total;
  guint done;
  guint answered;
  guint successful;
  guint failed;
} GovorunCampaignCounts;

void       govorun_campaign_records_update_tasks_async  (GovorunStore          *store,
                                                         const char            *campaign_id,
                                                         GPtrArray             *updates,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean   govorun_campaign_records_update_tasks_finish (GovorunStore          *store,
                                                         GAsyncResult          *result,
                                                         GovorunCampaignCounts *out_counts,
                                                         GError               **error);

/* -- issues -- */

/* The first @limit issues in row order (GovorunPreflightIssue) and the
 * counts per kind (indexed by GovorunPreflightIssueKind,
 * GOVORUN_PREFLIGHT_ISSUE_N_KINDS entries). */
void       govorun_campaign_records_read_issues_async  (GovorunStore        *store,
                                                        const char          *campaign_id,
                                                        guint                limit,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray *govorun_campaign_records_read_issues_finish (GovorunStore        *store,
                                                        GAsyncResult        *result,
                                                        guint               *out_counts,
                                                        GError             **error);

/* Every issue of the campaign, in row order, to @func on the reader
 * thread (kind, row, column, reason, value, cells), then @done there; for
 * exports. */
typedef void (*GovorunCampaignIssueFunc) (GovorunPreflightIssueKind  kind,
                                          gint64                     row,
                                          const char                *column,
                                          const char                *reason,
                                          const char                *value,
                                          const char                *cells,
                                          gpointer                   data);
/* @func returns FALSE (with @error) to stop. @data is freed by
 * @data_destroy when the read is over. */
typedef gboolean (*GovorunCampaignRowsDone) (gpointer data, GError **error);
void       govorun_campaign_records_foreach_issue_async  (GovorunStore            *store,
                                                          const char              *campaign_id,
                                                          GovorunCampaignIssueFunc func,
                                                          GovorunCampaignRowsDone  done,
                                                          gpointer                 data,
                                                          GDestroyNotify           data_destroy,
                                                          GCancellable            *cancellable,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data);
gboolean   govorun_campaign_records_foreach_finish       (GovorunStore            *store,
                                                          GAsyncResult            *result,
                                                          GError                 **error);
/* Every contact of the campaign in seq order, on the reader thread, then
 * @done there; for the results export. Finish with _foreach_finish. */
typedef void (*GovorunCampaignContactFunc) (GovorunCampaignContact *contact,
                                            gpointer                data);
void       govorun_campaign_records_foreach_contact_async (GovorunStore              *store,
                                                           const char                *campaign_id,
                                                           GovorunCampaignContactFunc func,
                                                           GovorunCampaignRowsDone    done,
                                                           gpointer                   data,
                                                           GDestroyNotify             data_destroy,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);

/* -- mappings -- */

void       govorun_campaign_records_save_mapping_async  (GovorunStore        *store,
                                                         const char          *agent_id,
                                                         const char          *mapping_json,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean   govorun_campaign_records_save_mapping_finish (GovorunStore        *store,
                                                         GAsyncResult        *result,
                                                         GError             **error);
/* Every remembered mapping: agent id → JSON (a GHashTable of strings). */
void       govorun_campaign_records_load_mappings_async  (GovorunStore        *store,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GHashTable *govorun_campaign_records_load_mappings_finish (GovorunStore        *store,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
