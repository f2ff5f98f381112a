/* govorun-voximplant-call-lists.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Call lists, Voximplant's outbound dialer: CreateCallList and
 * AppendToCallList take the contacts as CSV text (';'-delimited, the first
 * row the column names, special columns __task_uuid, __start_at,
 * __start_execution_time, __end_execution_time); GetCallLists and
 * GetCallListDetails (output=json, pages of at most 1000) read them back;
 * StopCallListProcessing pauses a list, RecoverCallList resumes it.
 * CreateCallList is never retried by the transport (a lost answer may
 * still have created the list: find it by name with GetCallLists).
 */

typedef struct _GovorunVoximplantClient GovorunVoximplantClient;

/* GetCallListDetails answers at most this many tasks per page. */
#define GOVORUN_VOXIMPLANT_CALL_LIST_PAGE 1000

/* What CreateCallList needs. */
typedef struct
{
  gint64      rule_id;
  guint       priority;           /* 0 = highest */
  guint       max_simultaneous;
  guint       num_attempts;       /* 1–5 */
  guint       interval_seconds;   /* between attempts */
  const char *name;               /* ≤ 255 chars, no '/' or '\\' */
  const char *file_content;       /* CSV, ';'-delimited, UTF-8 */
} GovorunVoximplantCallListSpec;

/* CreateCallList's and AppendToCallList's answer. batch_id is a string in
 * the one and a number in the other; both are kept as text. */
typedef struct
{
  gint64  list_id;
  gint64  count;     /* rows stored */
  char   *batch_id;  /* may be NULL */
} GovorunVoximplantCallListBatch;

/* GetCallLists' CallListType. */
typedef struct
{
  gint64  list_id;
  char   *list_name;
  gint64  rule_id;
  gint64  priority;
  gint64  max_simultaneous;
  gint64  num_attempts;
  gint64  interval_seconds;
  char   *dt_submit;     /* "YYYY-MM-DD HH:mm:ss" UTC, may be NULL */
  char   *dt_complete;   /* may be NULL */
  char   *status;        /* "In progress", "Completed", "Canceled"; may be NULL */
} GovorunVoximplantCallList;

/* GetCallListDetails' CallListDetailType. */
typedef struct
{
  gint64  list_id;
  gint64  task_id;
  char   *task_uuid;              /* may be NULL */
  char   *custom_data;            /* the row as JSON text (an object in the answer, or a string) */
  char   *result_data;            /* what the scenario reported, as text; may be NULL */
  char   *start_execution_time;   /* "HH:mm:ss", may be NULL */
  char   *finish_execution_time;
  char   *last_attempt;           /* "YYYY-MM-DD HH:mm:ss" UTC, may be NULL */
  gint64  attempts_left;
  gint64  status_id;              /* 0 New, 1 In progress, 2 Processed, 3 Error, 4 Canceled */
  char   *status;
  /* From result_data when it is an object as Govorun's scenario reports
   * it: {"answered": true, "successful": false, …}. */
  gboolean answered;
  gboolean successful;
  /* From custom_data when it is a row as Govorun writes it: the number
   * and the contact's variables (a JSON object of strings, without the
   * reserved and "__" columns); NULL otherwise. */
  char    *phone_number;
  char    *variables;
  /* Govorun's campaign and contact row ids from the same row, 0 when
   * absent or not a positive number. */
  gint64   campaign_id;
  gint64   contact_id;
} GovorunVoximplantCallListTask;

/* One contact of a call list's CSV. */
typedef struct
{
  const char *phone;           /* E.164 */
  const char *caller_id;       /* the number shown, E.164; may be NULL */
  gint64      campaign_id;     /* Govorun's ids, for the calls' history */
  gint64      contact_id;
  const char *variables;       /* JSON object of strings (the contact's data), may be NULL */
  const char *task_uuid;
  int         window_start;    /* seconds of the UTC day, -1: no window */
  int         window_end;
  gint64      start_at;        /* unix seconds, 0: at once */
  const char *schedule;        /* the govorun_schedule column (govorun-call-schedule.h), may be NULL */
  int         attempts;        /* the govorun_attempts column: attempts a deferred session gives back */
  int         interval;        /* the govorun_interval column: seconds between the contact's attempts */
} GovorunVoximplantCallListRow;

/* The CSV CreateCallList and AppendToCallList take, as the outbound
 * scenario reads it (outbound.js): phone_number, caller_id, campaign_id,
 * contact_id, one column per variable (the union of the rows' names; a
 * name the scenario reserves or starting with "__" is left out), then
 * __task_uuid, __start_execution_time, __end_execution_time, __start_at,
 * and, when the first row has a schedule, govorun_schedule,
 * govorun_attempts and govorun_interval (read by the scenario, never
 * variables).
 * ';'-delimited, quoted where needed. */
char *govorun_voximplant_call_list_csv (const GovorunVoximplantCallListRow *rows,
                                        guint                               n_rows);

#define GOVORUN_TYPE_VOXIMPLANT_CALL_LIST_BATCH (govorun_voximplant_call_list_batch_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_CALL_LIST       (govorun_voximplant_call_list_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_CALL_LIST_TASK  (govorun_voximplant_call_list_task_get_type ())

GType                           govorun_voximplant_call_list_batch_get_type (void) G_GNUC_CONST;
GovorunVoximplantCallListBatch *govorun_voximplant_call_list_batch_copy     (const GovorunVoximplantCallListBatch *batch);
void                            govorun_voximplant_call_list_batch_free     (GovorunVoximplantCallListBatch       *batch);
GType                           govorun_voximplant_call_list_get_type       (void) G_GNUC_CONST;
GovorunVoximplantCallList      *govorun_voximplant_call_list_copy           (const GovorunVoximplantCallList      *list);
void                            govorun_voximplant_call_list_free           (GovorunVoximplantCallList            *list);
GType                           govorun_voximplant_call_list_task_get_type  (void) G_GNUC_CONST;
GovorunVoximplantCallListTask  *govorun_voximplant_call_list_task_copy      (const GovorunVoximplantCallListTask  *task);
void                            govorun_voximplant_call_list_task_free      (GovorunVoximplantCallListTask        *task);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantCallListBatch, govorun_voximplant_call_list_batch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantCallList, govorun_voximplant_call_list_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantCallListTask, govorun_voximplant_call_list_task_free)

void                            govorun_voximplant_client_create_call_list_async    (GovorunVoximplantClient             *self,
                                                                                     const GovorunVoximplantCallListSpec *spec,
                                                                                     GCancellable                        *cancellable,
                                                                                     GAsyncReadyCallback                  callback,
                                                                                     gpointer                             user_data);
GovorunVoximplantCallListBatch *govorun_voximplant_client_create_call_list_finish   (GovorunVoximplantClient  *self,
                                                                                     GAsyncResult             *result,
                                                                                     GError                  **error);
void                            govorun_voximplant_client_append_to_call_list_async (GovorunVoximplantClient *self,
                                                                                     gint64                   list_id,
                                                                                     const char              *file_content,
                                                                                     GCancellable            *cancellable,
                                                                                     GAsyncReadyCallback      callback,
                                                                                     gpointer                 user_data);
GovorunVoximplantCallListBatch *govorun_voximplant_client_append_to_call_list_finish (GovorunVoximplantClient  *self,
                                                                                      GAsyncResult             *result,
                                                                                      GError                  **error);
/* @name: NULL for any; @list_id: 0 for all. Returns GovorunVoximplantCallList items. */
void                            govorun_voximplant_client_get_call_lists_async      (GovorunVoximplantClient *self,
                                                                                     const char              *name,
                                                                                     gint64                   list_id,
                                                                                     guint                    count,
                                                                                     guint                    offset,
                                                                                     GCancellable            *cancellable,
                                                                                     GAsyncReadyCallback      callback,
                                                                                     gpointer                 user_data);
GPtrArray                      *govorun_voximplant_client_get_call_lists_finish     (GovorunVoximplantClient  *self,
                                                                                     GAsyncResult             *result,
                                                                                     gint64                   *total_count,
                                                                                     GError                  **error);
/* One page (@count ≤ GOVORUN_VOXIMPLANT_CALL_LIST_PAGE) of the list's
 * tasks, output=json. Returns GovorunVoximplantCallListTask items; a
 * page shorter than @count is the last. */
void                            govorun_voximplant_client_get_call_list_details_async  (GovorunVoximplantClient *self,
                                                                                        gint64                   list_id,
                                                                                        guint                    count,
                                                                                        guint                    offset,
                                                                                        GCancellable            *cancellable,
                                                                                        GAsyncReadyCallback      callback,
                                                                                        gpointer                 user_data);
GPtrArray                      *govorun_voximplant_client_get_call_list_details_finish (GovorunVoximplantClient  *self,
                                                                                        GAsyncResult             *result,
                                                                                        GError                  **error);
void                            govorun_voximplant_client_stop_call_list_async      (GovorunVoximplantClient *self,
                                                                                     gint64                   list_id,
                                                                                     GCancellable            *cancellable,
                                                                                     GAsyncReadyCallback      callback,
                                                                                     gpointer                 user_data);
gboolean                        govorun_voximplant_client_stop_call_list_finish     (GovorunVoximplantClient  *self,
                                                                                     GAsyncResult             *result,
                                                                                     GError                  **error);
void                            govorun_voximplant_client_recover_call_list_async   (GovorunVoximplantClient *self,
                                                                                     gint64                   list_id,
                                                                                     GCancellable            *cancellable,
                                                                                     GAsyncReadyCallback      callback,
                                                                                     gpointer                 user_data);
gboolean                        govorun_voximplant_client_recover_call_list_finish  (GovorunVoximplantClient  *self,
                                                                                     GAsyncResult             *result,
                                                                                     GError                  **error);

G_END_DECLS
