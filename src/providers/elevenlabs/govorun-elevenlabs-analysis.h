/* govorun-elevenlabs-analysis.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-elevenlabs-client.h"

G_BEGIN_DECLS

/* What an agent analyses after each call and keeps (§2.1
 * platform_settings.evaluation, .data_collection, .privacy) and its first
 * message, read from GET /v1/convai/agents/{id} and changed with a PATCH of
 * only the parts asked for. */

/* platform_settings.evaluation.criteria[] (PromptEvaluationCriteria) */
typedef struct
{
  char     *id;
  char     *name;
  char     *type;                      /* "prompt" */
  char     *conversation_goal_prompt;
  gboolean  use_knowledge_base;
  char     *json;                      /* the item as read (NULL for a new one): members Govorun does not know are sent back unchanged */
} GovorunElevenlabsCriterion;

/* One member of platform_settings.data_collection: name → LiteralJsonSchemaProperty */
typedef struct
{
  char *name;
  char *type;                          /* "string", "boolean", "integer" or "number" */
  char *description;
  char *json;                          /* as for criteria */
} GovorunElevenlabsDataField;

/* platform_settings.privacy; absent members read as the [OAS] defaults */
typedef struct
{
  gboolean record_voice;               /* true */
  gint64   retention_days;             /* -1: kept as long as the workspace keeps data */
  gboolean delete_transcript_and_pii;  /* false */
  gboolean delete_audio;               /* false */
  gboolean zero_retention_mode;        /* false; shown only */
} GovorunElevenlabsPrivacy;

typedef struct
{
  char                     *agent_id;
  char                     *first_message;   /* default "" */
  char                     *language;        /* default "en" */
  GPtrArray                *criteria;        /* of GovorunElevenlabsCriterion */
  GPtrArray                *data_fields;     /* of GovorunElevenlabsDataField, in the answer's order */
  GovorunElevenlabsPrivacy  privacy;
} GovorunElevenlabsAgentAnalysis;

/* Which parts a PATCH carries. */
typedef enum
{
  GOVORUN_ELEVENLABS_ANALYSIS_CRITERIA        = 1 << 0,  /* platform_settings.evaluation.criteria */
  GOVORUN_ELEVENLABS_ANALYSIS_DATA_COLLECTION = 1 << 1,  /* platform_settings.data_collection */
  GOVORUN_ELEVENLABS_ANALYSIS_PRIVACY         = 1 << 2,  /* platform_settings.privacy: retention_days, delete_transcript_and_pii, delete_audio */
  GOVORUN_ELEVENLABS_ANALYSIS_FIRST_MESSAGE   = 1 << 3,  /* conversation_config.agent.first_message */
} GovorunElevenlabsAnalysisParts;

#define GOVORUN_TYPE_ELEVENLABS_AGENT_ANALYSIS (govorun_elevenlabs_agent_analysis_get_type ())

GovorunElevenlabsCriterion      *govorun_elevenlabs_criterion_new           (const char *id,
                                                                            const char *name,
                                                                            const char *conversation_goal_prompt);
GovorunElevenlabsCriterion      *govorun_elevenlabs_criterion_copy          (const GovorunElevenlabsCriterion *criterion);
void                             govorun_elevenlabs_criterion_free          (GovorunElevenlabsCriterion *criterion);
GovorunElevenlabsDataField      *govorun_elevenlabs_data_field_new          (const char *name,
                                                                            const char *type,
                                                                            const char *description);
GovorunElevenlabsDataField      *govorun_elevenlabs_data_field_copy         (const GovorunElevenlabsDataField *field);
void                             govorun_elevenlabs_data_field_free         (GovorunElevenlabsDataField *field);

GType                            govorun_elevenlabs_agent_analysis_get_type (void) G_GNUC_CONST;
GovorunElevenlabsAgentAnalysis  *govorun_elevenlabs_agent_analysis_new      (void);
GovorunElevenlabsAgentAnalysis  *govorun_elevenlabs_agent_analysis_copy     (const GovorunElevenlabsAgentAnalysis *analysis);
void                             govorun_elevenlabs_agent_analysis_free     (GovorunElevenlabsAgentAnalysis       *analysis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsAgentAnalysis, govorun_elevenlabs_agent_analysis_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsCriterion, govorun_elevenlabs_criterion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunElevenlabsDataField, govorun_elevenlabs_data_field_free)

/* Whether @type is one of the data-collection types ElevenLabs accepts. */
gboolean                         govorun_elevenlabs_data_type_is_valid      (const char *type);

void                             govorun_elevenlabs_client_get_agent_analysis_async     (GovorunElevenlabsClient              *self,
                                                                                       const char                           *agent_id,
                                                                                       GCancellable                         *cancellable,
                                                                                       GAsyncReadyCallback                   callback,
                                                                                       gpointer                              user_data);
GovorunElevenlabsAgentAnalysis  *govorun_elevenlabs_client_get_agent_analysis_finish    (GovorunElevenlabsClient              *self,
                                                                                       GAsyncResult                         *result,
                                                                                       GError                              **error);

/* PATCH /v1/convai/agents/{agent_id} with only the @parts of @wanted. The
 * criteria and the data-collection fields are sent whole (the list and the
 * map replace the agent's). Checked before sending: ids and names not
 * empty nor repeated, types in the enum, retention days -1 or more
 * (VALIDATION). Returns the agent's settings from the PATCH answer. */
void                             govorun_elevenlabs_client_update_agent_analysis_async  (GovorunElevenlabsClient              *self,
                                                                                       const char                           *agent_id,
                                                                                       const GovorunElevenlabsAgentAnalysis *wanted,
                                                                                       GovorunElevenlabsAnalysisParts        parts,
                                                                                       GCancellable                         *cancellable,
                                                                                       GAsyncReadyCallback                   callback,
                                                                                       gpointer                              user_data);
GovorunElevenlabsAgentAnalysis  *govorun_elevenlabs_client_update_agent_analysis_finish (GovorunElevenlabsClient              *self,
                                                                                       GAsyncResult                         *result,
                                                                                       GError                              **error);

G_END_DECLS
