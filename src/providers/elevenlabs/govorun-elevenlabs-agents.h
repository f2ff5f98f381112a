/* govorun-elevenlabs-agents.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-elevenlabs-client.h"

G_BEGIN_DECLS

/* The Conversational AI agents of the key's workspace (§2.1). */

/* One item of GET /v1/convai/agents */
typedef struct
{
  char   *agent_id;
  char   *name;
  GStrv   tags;
  gint64  created_at_unix_secs;
  char   *access_role;            /* access_info.role: "admin", "editor" or "viewer" */
} GovorunElevenlabsAgentSummary;

typedef struct
{
  GPtrArray *agents;              /* of GovorunElevenlabsAgentSummary */
  gboolean   has_more;
  char      *next_cursor;         /* nullable; pass it back as @cursor */
} GovorunElevenlabsAgentPage;

/* GET /v1/convai/agents/{agent_id}, the parts Govorun uses. Absent optional
 * fields carry the API's documented defaults. */
typedef struct
{
  char  *agent_id;
  char  *name;
  char  *first_message;                 /* default "" */
  char  *language;                      /* default "en" */
  GStrv  dynamic_variable_names;        /* keys of dynamic_variable_placeholders, sorted */
  char  *agent_output_audio_format;     /* default "pcm_16000" */
  char  *user_input_audio_format;       /* default "pcm_16000" */
} GovorunElevenlabsAgent;

#define GOVORUN_TYPE_ELEVENLABS_AGENT_SUMMARY   (govorun_elevenlabs_agent_summary_get_type ())
#define GOVORUN_TYPE_ELEVENLABS_AGENT_PAGE      (govorun_elevenlabs_agent_page_get_type ())
#define GOVORUN_TYPE_ELEVENLABS_AGENT           (govorun_elevenlabs_agent_get_type ())

GType                            govorun_elevenlabs_agent_summary_get_type   (void) G_GNUC_CONST;
GovorunElevenlabsAgentSummary   *govorun_elevenlabs_agent_summary_copy       (const GovorunElevenlabsAgentSummary   *summary);
void                             govorun_elevenlabs_agent_summary_free       (GovorunElevenlabsAgentSummary         *summary);
GType                            govorun_elevenlabs_agent_page_get_type      (void) G_GNUC_CONST;
GovorunElevenlabsAgentPage      *govorun_elevenlabs_agent_page_copy          (const GovorunElevenlabsAgentPage      *page);
void                             govorun_elevenlabs_agent_page_free          (GovorunElevenlabsAgentPage            *page);
GType                            govorun_elevenlabs_agent_get_type           (void) G_GNUC_CONST;
GovorunElevenlabsAgent          *govorun_elevenlabs_agent_copy               (const GovorunElevenlabsAgent          *agent);
void                             govorun_elevenlabs_agent_free               (GovorunElevenlabsAgent                *agent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsAgentSummary, govorun_elevenlabs_agent_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsAgentPage, govorun_elevenlabs_agent_page_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsAgent, govorun_elevenlabs_agent_free)

/* @cursor: nullable, a previous page's next_cursor; @page_size: 1..100, or 0
 * for the API's default (30); @search: nullable, matches agent names. */
void                             govorun_elevenlabs_client_list_agents_async     (GovorunElevenlabsClient *self,
                                                                                 const char              *cursor,
                                                                                 guint                    page_size,
                                                                                 const char              *search,
                                                                                 GCancellable            *cancellable,
                                                                                 GAsyncReadyCallback      callback,
                                                                                 gpointer                 user_data);
GovorunElevenlabsAgentPage      *govorun_elevenlabs_client_list_agents_finish    (GovorunElevenlabsClient *self,
                                                                                 GAsyncResult            *result,
                                                                                 GError                 **error);

void                             govorun_elevenlabs_client_get_agent_async       (GovorunElevenlabsClient *self,
                                                                                 const char              *agent_id,
                                                                                 GCancellable            *cancellable,
                                                                                 GAsyncReadyCallback      callback,
                                                                                 gpointer                 user_data);
GovorunElevenlabsAgent          *govorun_elevenlabs_client_get_agent_finish      (GovorunElevenlabsClient *self,
                                                                                 GAsyncResult            *result,
                                                                                 GError                 **error);

/* Whether @format is in the documented audio-format enum (§2.1). */
gboolean                         govorun_elevenlabs_audio_format_is_valid        (const char              *format);

/* PATCH /v1/convai/agents/{agent_id}: sets conversation_config.asr.
 * user_input_audio_format to @input_format and conversation_config.tts.
 * agent_output_audio_format to @output_format (either may be NULL to keep
 * it). Formats are checked against the enum before sending (VALIDATION).
 * Returns the whole updated agent. */
void                             govorun_elevenlabs_client_update_agent_audio_async  (GovorunElevenlabsClient *self,
                                                                                     const char              *agent_id,
                                                                                     const char              *input_format,
                                                                                     const char              *output_format,
                                                                                     GCancellable            *cancellable,
                                                                                     GAsyncReadyCallback      callback,
                                                                                     gpointer                 user_data);
GovorunElevenlabsAgent          *govorun_elevenlabs_client_update_agent_audio_finish (GovorunElevenlabsClient *self,
                                                                                     GAsyncResult            *result,
                                                                                     GError                 **error);

G_END_DECLS
