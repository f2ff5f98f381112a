/* govorun-analysis-settings.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * What an ElevenLabs agent analyses after each call and how long it keeps
 * calls: its evaluation criteria (each judged success/failure/unknown from
 * a goal prompt), its data-collection fields (each a value of one type the
 * model extracts), its privacy settings, and its first message (checked
 * for the compliance notice). Plain data the Analysis section edits as a
 * draft; short lists, so arrays.
 */

/* The data-collection types ElevenLabs accepts. */
#define GOVORUN_DATA_TYPE_STRING  "string"
#define GOVORUN_DATA_TYPE_BOOLEAN "boolean"
#define GOVORUN_DATA_TYPE_INTEGER "integer"
#define GOVORUN_DATA_TYPE_NUMBER  "number"

typedef struct
{
  char *id;           /* stable key of the results, e.g. "goal_reached" */
  char *name;         /* shown */
  char *prompt;       /* conversation_goal_prompt */
  char *extra_json;   /* the provider's item as read (members Govorun does not edit), or NULL */
} GovorunAnalysisCriterion;

typedef struct
{
  char *name;         /* the key of the collected value, e.g. "urgency" */
  char *type;         /* GOVORUN_DATA_TYPE_* */
  char *description;  /* what to extract, for the model */
  char *extra_json;
} GovorunAnalysisField;

typedef struct
{
  gint64   retention_days;             /* -1: no limit */
  gboolean delete_transcript_and_pii;
  gboolean delete_audio;
  gboolean record_voice;               /* shown only */
} GovorunAgentPrivacy;

typedef struct
{
  GPtrArray           *criteria;       /* of GovorunAnalysisCriterion */
  GPtrArray           *fields;         /* of GovorunAnalysisField */
  GovorunAgentPrivacy  privacy;
  char                *first_message;
  char                *language;       /* the agent's, e.g. "ru" */
} GovorunAnalysisSettings;

#define GOVORUN_TYPE_ANALYSIS_SETTINGS (govorun_analysis_settings_get_type ())

GovorunAnalysisCriterion *govorun_analysis_criterion_new        (const char                     *id,
                                                                 const char                     *name,
                                                                 const char                     *prompt);
GovorunAnalysisCriterion *govorun_analysis_criterion_copy       (const GovorunAnalysisCriterion *criterion);
void                      govorun_analysis_criterion_free       (GovorunAnalysisCriterion       *criterion);
GovorunAnalysisField     *govorun_analysis_field_new            (const char                     *name,
                                                                 const char                     *type,
                                                                 const char                     *description);
GovorunAnalysisField     *govorun_analysis_field_copy           (const GovorunAnalysisField     *field);
void                      govorun_analysis_field_free           (GovorunAnalysisField           *field);

GType                     govorun_analysis_settings_get_type    (void) G_GNUC_CONST;
GovorunAnalysisSettings  *govorun_analysis_settings_new         (void);
GovorunAnalysisSettings  *govorun_analysis_settings_copy        (const GovorunAnalysisSettings  *settings);
void                      govorun_analysis_settings_free        (GovorunAnalysisSettings        *settings);

/* The criterion with @id / the field named @name, or NULL. */
GovorunAnalysisCriterion *govorun_analysis_settings_find_criterion (const GovorunAnalysisSettings *settings,
                                                                    const char                    *id);
GovorunAnalysisField     *govorun_analysis_settings_find_field     (const GovorunAnalysisSettings *settings,
                                                                    const char                    *name);

/* Whether two settings have the same criteria (ids, names, prompts, in
 * order), fields (names, types, descriptions, in order), privacy (what
 * Govorun edits) and first message. */
gboolean                  govorun_analysis_criteria_equal       (const GovorunAnalysisSettings  *a,
                                                                 const GovorunAnalysisSettings  *b);
gboolean                  govorun_analysis_fields_equal         (const GovorunAnalysisSettings  *a,
                                                                 const GovorunAnalysisSettings  *b);
gboolean                  govorun_analysis_privacy_equal        (const GovorunAnalysisSettings  *a,
                                                                 const GovorunAnalysisSettings  *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunAnalysisSettings, govorun_analysis_settings_free)

G_END_DECLS
