/* govorun-elevenlabs-conversations.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-elevenlabs-client.h"

G_BEGIN_DECLS

/* Conversations of the workspace's agents (reference §2.2): the list with
 * its cursor, one conversation's details and its audio. Required fields of
 * the API are required here; optional ones are NULL/0 when absent and a
 * wrong type in a field that is only shown is ignored. */

/* call_successful: "success", "failure" or "unknown", as the API spells them. */
typedef struct
{
  char   *agent_id;
  char   *agent_name;             /* may be NULL */
  char   *conversation_id;
  gint64  start_time_unix_secs;
  gint64  call_duration_secs;
  gint64  message_count;
  char   *status;                 /* initiated, in-progress, processing, done, failed */
  char   *call_successful;
  char   *transcript_summary;     /* with summary_mode=include; may be NULL */
  char   *call_summary_title;     /* may be NULL */
  char   *direction;              /* "inbound", "outbound" or NULL */
  char   *termination_reason;     /* may be NULL */
} GovorunElevenlabsConversationSummary;

typedef struct
{
  GPtrArray *conversations;       /* GovorunElevenlabsConversationSummary* */
  gboolean   has_more;
  char      *next_cursor;         /* NULL on the last page */
} GovorunElevenlabsConversationPage;

typedef struct
{
  char     *request_id;           /* may be NULL */
  char     *tool_name;
  char     *params_as_json;       /* a JSON text; may be NULL */
  char     *result_value;         /* from the matching tool result; may be NULL */
  gboolean  is_error;
} GovorunElevenlabsToolCall;

typedef struct
{
  gboolean   agent;               /* role "agent"; else "user" */
  char      *message;             /* may be NULL (a turn with tool calls only) */
  gint64     time_in_call_secs;
  GPtrArray *tool_calls;          /* GovorunElevenlabsToolCall* */
} GovorunElevenlabsTurn;

/* evaluation_criteria_results / data_collection_results items */
typedef struct
{
  char *id;
  char *result;                   /* evaluation: success/failure/unknown; data: the value as text */
  char *rationale;                /* may be NULL */
} GovorunElevenlabsAnalysisItem;

typedef struct
{
  char       *agent_id;
  char       *conversation_id;
  char       *status;
  GPtrArray  *transcript;         /* GovorunElevenlabsTurn* */
  /* metadata */
  gint64      start_time_unix_secs;
  gint64      call_duration_secs;
  gint64      cost;               /* credits; -1 when absent */
  char       *termination_reason; /* may be NULL */
  char       *error_reason;       /* metadata.error.reason; may be NULL */
  int         error_code;
  char       *main_language;      /* may be NULL */
  /* analysis; all NULL when the analysis is not ready */
  char       *call_successful;
  char       *transcript_summary;
  char       *call_summary_title;
  GPtrArray  *evaluation_results; /* GovorunElevenlabsAnalysisItem*, sorted by id */
  GPtrArray  *data_collection;    /* GovorunElevenlabsAnalysisItem*, sorted by id */
  /* conversation_initiation_client_data.dynamic_variables, values as
   * text (numbers and booleans formatted); our scenarios pass
   * voximplant_session_id here */
  GHashTable *dynamic_variables;  /* char* → char* */
  gboolean    has_audio;
} GovorunElevenlabsConversation;

#define GOVORUN_TYPE_ELEVENLABS_CONVERSATION_SUMMARY (govorun_elevenlabs_conversation_summary_get_type ())
#define GOVORUN_TYPE_ELEVENLABS_CONVERSATION_PAGE    (govorun_elevenlabs_conversation_page_get_type ())
#define GOVORUN_TYPE_ELEVENLABS_CONVERSATION         (govorun_elevenlabs_conversation_get_type ())

GType                                 govorun_elevenlabs_conversation_summary_get_type (void) G_GNUC_CONST;
GovorunElevenlabsConversationSummary *govorun_elevenlabs_conversation_summary_copy     (const GovorunElevenlabsConversationSummary *summary);
void                                  govorun_elevenlabs_conversation_summary_free     (GovorunElevenlabsConversationSummary *summary);
GType                                 govorun_elevenlabs_conversation_page_get_type    (void) G_GNUC_CONST;
GovorunElevenlabsConversationPage    *govorun_elevenlabs_conversation_page_copy        (const GovorunElevenlabsConversationPage *page);
void                                  govorun_elevenlabs_conversation_page_free        (GovorunElevenlabsConversationPage *page);
GType                                 govorun_elevenlabs_conversation_get_type         (void) G_GNUC_CONST;
GovorunElevenlabsConversation        *govorun_elevenlabs_conversation_copy             (const GovorunElevenlabsConversation *conversation);
void                                  govorun_elevenlabs_conversation_free             (GovorunElevenlabsConversation *conversation);
void                                  govorun_elevenlabs_tool_call_free                (GovorunElevenlabsToolCall *call);
void                                  govorun_elevenlabs_turn_free                     (GovorunElevenlabsTurn *turn);
void                                  govorun_elevenlabs_analysis_item_free            (GovorunElevenlabsAnalysisItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsConversationSummary, govorun_elevenlabs_conversation_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsConversationPage, govorun_elevenlabs_conversation_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsConversation, govorun_elevenlabs_conversation_free)

/* GET /v1/convai/conversations, newest first. @agent_id, @cursor:
 * nullable; @after_unix / @before_unix: 0 for no bound; @page_size:
 * 1..100 or 0 for the default (30); @with_summaries asks for
 * transcript_summary (summary_mode=include). */
void                                  govorun_elevenlabs_client_list_conversations_async  (GovorunElevenlabsClient *self,
                                                                                          const char              *agent_id,
                                                                                          const char              *cursor,
                                                                                          guint                    page_size,
                                                                                          gint64                   after_unix,
                                                                                          gint64                   before_unix,
                                                                                          gboolean                 with_summaries,
                                                                                          GCancellable            *cancellable,
                                                                                          GAsyncReadyCallback      callback,
                                                                                          gpointer                 user_data);
GovorunElevenlabsConversationPage    *govorun_elevenlabs_client_list_conversations_finish (GovorunElevenlabsClient *self,
                                                                                          GAsyncResult            *result,
                                                                                          GError                 **error);

/* GET /v1/convai/conversations/{id} */
void                                  govorun_elevenlabs_client_get_conversation_async    (GovorunElevenlabsClient *self,
                                                                                          const char              *conversation_id,
                                                                                          GCancellable            *cancellable,
                                                                                          GAsyncReadyCallback      callback,
                                                                                          gpointer                 user_data);
GovorunElevenlabsConversation        *govorun_elevenlabs_client_get_conversation_finish   (GovorunElevenlabsClient *self,
                                                                                          GAsyncResult            *result,
                                                                                          GError                 **error);

/* GET /v1/convai/conversations/{id}/audio: the whole file (MP3 from
 * ElevenLabs). The URL needs the key in a header, so the audio is
 * downloaded here (for a cache), never handed to a player as a URL. */
void                                  govorun_elevenlabs_client_download_conversation_audio_async  (GovorunElevenlabsClient *self,
                                                                                                    const char              *conversation_id,
                                                                                                    GCancellable            *cancellable,
                                                                                                    GAsyncReadyCallback      callback,
                                                                                                    gpointer                 user_data);
GBytes                               *govorun_elevenlabs_client_download_conversation_audio_finish (GovorunElevenlabsClient *self,
                                                                                                    GAsyncResult            *result,
                                                                                                    GError                 **error);

G_END_DECLS
