/* govorun-agent-analysis.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account-store.h"
#include "govorun-agent.h"
#include "govorun-analysis-settings.h"

G_BEGIN_DECLS

/*
 * GovorunAgentAnalysis: an ElevenLabs agent's analysis settings (evaluation
 * criteria, data-collection fields), its privacy settings and its first
 * message, read and written in the agent's account. A save sends one PATCH
 * with only the parts that differ from what was read (none: nothing is
 * sent), then reads the agent again and returns what ElevenLabs holds.
 *
 * No silent overwrite: every load and save remembers a fingerprint of what
 * this computer read (in the store's profile table, per account and agent).
 * Before a PATCH the agent is read again; when its settings no longer match
 * that fingerprint they were changed elsewhere (another computer, or
 * ElevenLabs' own pages) and the save returns CHANGED_ELSEWHERE without
 * sending anything. "Load Their Version" is a load (its fingerprint becomes
 * the one remembered); "Replace Theirs" is a load followed by the same save.
 */

/* Declared here so this header needs no provider header. */
typedef struct _GovorunClientFactory GovorunClientFactory;
typedef struct _GovorunStore GovorunStore;

#define GOVORUN_AGENT_ANALYSIS_ERROR (govorun_agent_analysis_error_quark ())

/* The message is the provider's translated sentence with its status. */
typedef enum
{
  GOVORUN_AGENT_ANALYSIS_ERROR_NOT_FOUND = 1,      /* no such agent in the account */
  GOVORUN_AGENT_ANALYSIS_ERROR_ACCESS_DENIED,      /* the key is wrong, scoped or refused */
  GOVORUN_AGENT_ANALYSIS_ERROR_INVALID_VALUE,      /* a criterion, field or value was not accepted */
  GOVORUN_AGENT_ANALYSIS_ERROR_UNAVAILABLE,        /* unreachable, busy or failing */
  GOVORUN_AGENT_ANALYSIS_ERROR_SECRET_UNAVAILABLE, /* the account's key could not be read: nothing sent */
  GOVORUN_AGENT_ANALYSIS_ERROR_NO_ACCOUNT,         /* the agent's ElevenLabs account was removed */
  GOVORUN_AGENT_ANALYSIS_ERROR_FAILED,
  GOVORUN_AGENT_ANALYSIS_ERROR_CHANGED_ELSEWHERE,  /* changed at ElevenLabs since this computer read it: nothing sent */
} GovorunAgentAnalysisError;

#define GOVORUN_TYPE_AGENT_ANALYSIS (govorun_agent_analysis_get_type ())
G_DECLARE_FINAL_TYPE (GovorunAgentAnalysis, govorun_agent_analysis, GOVORUN, AGENT_ANALYSIS, GObject)

GQuark                   govorun_agent_analysis_error_quark   (void) G_GNUC_CONST;
GovorunAgentAnalysis    *govorun_agent_analysis_new           (GovorunClientFactory    *factory,
                                                               GovorunAccountStore     *accounts,
                                                               GovorunStore            *store);

/* The fingerprint of what a save compares (criteria, fields, privacy, first
 * message): 64 hex digits. */
char                    *govorun_agent_analysis_fingerprint   (const GovorunAnalysisSettings *settings);

/* The ElevenLabs account of a Govorun agent, or NULL (it was removed). */
GovorunAccount          *govorun_agent_analysis_account_for   (GovorunAgentAnalysis    *self,
                                                               GovorunAgent            *agent);

void                     govorun_agent_analysis_load_async    (GovorunAgentAnalysis    *self,
                                                               GovorunAccount          *account,
                                                               const char              *agent_id,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
GovorunAnalysisSettings *govorun_agent_analysis_load_finish   (GovorunAgentAnalysis    *self,
                                                               GAsyncResult            *result,
                                                               GError                 **error);

/* Writes what differs between @read (the settings as loaded) and @wanted:
 * criteria, fields, privacy, first message, each only when changed. Returns
 * the agent's settings as re-read; *@out_sent tells whether a PATCH went
 * out. */
void                     govorun_agent_analysis_save_async    (GovorunAgentAnalysis    *self,
                                                               GovorunAccount          *account,
                                                               const char              *agent_id,
                                                               const GovorunAnalysisSettings *read,
                                                               const GovorunAnalysisSettings *wanted,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
GovorunAnalysisSettings *govorun_agent_analysis_save_finish   (GovorunAgentAnalysis    *self,
                                                               GAsyncResult            *result,
                                                               gboolean                *out_sent,
                                                               GError                 **error);

G_END_DECLS
