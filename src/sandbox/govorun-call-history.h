/* govorun-call-history.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GovorunCallHistory is the sandbox's generated call history: a seeded,
 * deterministic function from a slot index to one call, shared by both
 * emulators so that they agree on every call (the Voximplant session's
 * custom data names the ElevenLabs conversation, the conversation's
 * dynamic variables name the session). Nothing is stored: a call, its
 * transcript and its recording are computed when asked for, so a million
 * calls cost no memory.
 *
 * Slots are laid on a fixed grid from the Unix epoch (Moscow days, fewer
 * calls at night and at weekends), so an index and its call do not change
 * when the history is created again later with a later @end: only the
 * window [end - days, end) moves. Indexes grow with start time.
 */

typedef enum
{
  GOVORUN_HISTORY_DOMAIN_CLINIC,
  GOVORUN_HISTORY_DOMAIN_HOTEL,
  GOVORUN_HISTORY_DOMAIN_WORKSHOP,
} GovorunHistoryDomain;

typedef enum
{
  GOVORUN_HISTORY_OUTCOME_ANSWERED,      /* reached the agent */
  GOVORUN_HISTORY_OUTCOME_NO_ANSWER,     /* nobody picked up / caller hung up while ringing */
  GOVORUN_HISTORY_OUTCOME_BUSY,
  GOVORUN_HISTORY_OUTCOME_UNAVAILABLE,
  GOVORUN_HISTORY_OUTCOME_FAILED,        /* the scenario or the platform failed */
} GovorunHistoryOutcome;

typedef enum
{
  GOVORUN_HISTORY_VERDICT_SUCCESS,
  GOVORUN_HISTORY_VERDICT_FAILURE,
  GOVORUN_HISTORY_VERDICT_UNKNOWN,
} GovorunHistoryVerdict;

/* One call as both providers see it. Strings point into the history or
 * into the struct itself; valid while the history lives. */
typedef struct
{
  gint64                 index;
  guint                  sub;               /* 0: a phone call; 1: its widget twin (ElevenLabs only) */
  gint64                 session_id;        /* call_session_history_id; 0 for a widget conversation */
  gint64                 call_id;
  gint64                 record_id;         /* 0 when nothing was recorded */
  gint64                 start;             /* session start, Unix seconds */
  guint                  ring_secs;         /* from the session start to the answer */
  guint                  talk_secs;         /* 0 when not answered */
  guint                  session_secs;
  gboolean               incoming;
  GovorunHistoryOutcome  outcome;
  const char            *finish_reason;     /* Voximplant session finish_reason */
  int                    end_code;          /* SIP-like end_reason code */
  const char            *end_description;
  char                   remote_number[16]; /* E.164 digits; "" for a widget conversation */
  const char            *local_number;
  guint                  agent;             /* index in the history's agents */
  const char            *agent_id;
  double                 call_cost;         /* Voximplant, account currency */
  double                 record_cost;
  gint64                 el_cost;           /* ElevenLabs credits */
  char                   conversation_id[40]; /* "" when the call never reached ElevenLabs */
  GovorunHistoryDomain   domain;
  guint                  script;
  GovorunHistoryVerdict  verdict;
  guint64                noise;             /* per-call randomness for details */
} GovorunHistoryCall;

typedef struct
{
  gboolean    agent;              /* else the caller */
  const char *message;
  guint       time_in_call_secs;  /* from the answer */
  guint       speech_secs;        /* how long it is spoken */
} GovorunHistoryTurn;

#define GOVORUN_TYPE_CALL_HISTORY (govorun_call_history_get_type ())

G_DECLARE_FINAL_TYPE (GovorunCallHistory, govorun_call_history, GOVORUN, CALL_HISTORY, GObject)

/* About @n_calls calls (1..1,000,000) in the @days days before @end (Unix
 * seconds). The same @seed gives the same calls. */
GovorunCallHistory *govorun_call_history_new            (guint64              seed,
                                                         guint                n_calls,
                                                         guint                days,
                                                         gint64               end);
/* Agents get calls in turn; each has its ElevenLabs id, the number its
 * calls go to or come from, the dialogue set and the direction. */
void                govorun_call_history_add_agent      (GovorunCallHistory  *self,
                                                         const char          *agent_id,
                                                         const char          *local_number,
                                                         GovorunHistoryDomain domain,
                                                         gboolean             outbound);
guint               govorun_call_history_get_n_agents   (GovorunCallHistory  *self);
gint64              govorun_call_history_get_start      (GovorunCallHistory  *self);
gint64              govorun_call_history_get_end        (GovorunCallHistory  *self);

/* The first slot index whose call starts at or after @when, clamped to
 * the window: calls in [a, b) are the indexes [index_at (a), index_at (b)). */
gint64              govorun_call_history_index_at       (GovorunCallHistory  *self,
                                                         gint64               when);
/* Fills @call for slot @index (@sub 0) or its widget twin (@sub 1); FALSE
 * when there is no such call (outside the window, or no twin). */
gboolean            govorun_call_history_get_call       (GovorunCallHistory  *self,
                                                         gint64               index,
                                                         guint                sub,
                                                         GovorunHistoryCall  *call);
/* The slot of a Voximplant session, or -1. */
gint64              govorun_call_history_find_session   (GovorunCallHistory  *self,
                                                         gint64               session_id);
/* The call of an ElevenLabs conversation id; FALSE when unknown. */
gboolean            govorun_call_history_find_conversation (GovorunCallHistory *self,
                                                         const char          *conversation_id,
                                                         GovorunHistoryCall  *call);
/* (transfer full) (element-type GovorunHistoryTurn): empty when the call
 * was not answered. */
GArray             *govorun_call_history_get_turns      (GovorunCallHistory  *self,
                                                         const GovorunHistoryCall *call);
/* The ElevenLabs analysis of an answered call: summary, title and the
 * collected data ("name" → value pairs, NULL-terminated, static strings). */
const char         *govorun_call_history_get_summary    (GovorunCallHistory  *self,
                                                         const GovorunHistoryCall *call);
const char         *govorun_call_history_get_title      (GovorunCallHistory  *self,
                                                         const GovorunHistoryCall *call);
const char * const *govorun_call_history_get_collected  (GovorunCallHistory  *self,
                                                         const GovorunHistoryCall *call);
/* The recording: 8 kHz mono 16-bit WAV of talk_secs seconds, a voice-like
 * sound for each turn exactly where the transcript puts it (the agent's
 * lower and tonal, the caller's higher and noisier), silence between.
 * NULL when the call has no recording. */
GBytes             *govorun_call_history_render_audio   (GovorunCallHistory  *self,
                                                         const GovorunHistoryCall *call);

G_END_DECLS
