/* govorun-elevenlabs-emulator-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-history.h"
#include "govorun-elevenlabs-emulator.h"

G_BEGIN_DECLS

/*
 * Shared by the files of the ElevenLabs emulator, one per resource; not
 * for anyone else. Handlers run with the instance lock held.
 */

/* UNVERIFIED (§1.3): the status strings for a 404, a 5xx and other codes
 * without a documented one. Kept here so they are easy to change. */
#define STATUS_NOT_FOUND        "not_found"
#define STATUS_SERVER_ERROR     "internal_error"
#define STATUS_OTHER_ERROR      "invalid_request"

typedef struct
{
  char     *api_key;
  GStrv     scopes;      /* NULL: unrestricted */
} EmuKey;

typedef struct
{
  char     *agent_id;
  char     *name;
  GStrv     tags;
  gint64    created_at_unix_secs;
  gint64    updated_at_unix_secs;
  /* Kept as JSON so later PATCH support can merge into them. */
  JsonNode *conversation_config;
  JsonNode *platform_settings;
} EmuAgent;

typedef struct
{
  char   *tier;
  char   *status;
  char   *currency;
  gint64  character_count;
  gint64  character_limit;
} EmuSubscription;

struct _GovorunElevenlabsEmulator
{
  GovorunEmulator  parent_instance;

  GMutex           lock;
  GHashTable      *keys;          /* api_key → EmuKey* */
  GPtrArray       *agents;        /* EmuAgent*, oldest first */
  GHashTable      *agents_by_id;  /* agent_id → EmuAgent* (unowned) */
  EmuSubscription  subscription;
  char            *user_id;
  gint64           user_created_at;
  GPtrArray       *request_uris;  /* char*: path?query of every request */
  GovorunCallHistory *history;    /* NULL: no conversations */
  char            *last_patch_body; /* the last PATCH's body as sent, or NULL */
  char            *last_agent_patch;   /* the body of the last agent PATCH */
  guint            agent_patch_count;

  /* Conversations held over the WebSocket (govorun-el-emu-live.c). */
  GPtrArray       *live;           /* EmuLiveConversation*, oldest first */
  GPtrArray       *live_log;       /* char*: "recv:<type>" / "send:<type>" */
  char            *signing_secret; /* signs conversation_signature */
  guint            ping_interval_ms;
  guint            silence_ms;     /* quiet after speech that ends a user turn */
  guint            speech_ms_per_char;
  gboolean         extra_events;   /* also the events clients must only tolerate */
};

typedef struct
{
  gboolean  agent;
  char     *message;
  guint     time_in_call_secs;
  gboolean  interrupted;
} EmuLiveTurn;

typedef struct
{
  char      *conversation_id;
  char      *agent_id;
  gint64     start_unix;
  gint64     start_us;         /* monotonic */
  guint      duration_secs;
  gboolean   done;
  GPtrArray *turns;            /* EmuLiveTurn* */
  JsonNode  *dynamic_variables;/* object, as the client sent it */
  char      *termination_reason;
} EmuLiveConversation;

/* The object */

char *el_emu_random_alnum (guint length);
char *el_emu_encode_cursor (const char *prefix,
                            gint64      position);
gboolean el_emu_decode_cursor (const char *prefix,
                               const char *cursor,
                               gint64     *position);

/* Error bodies */

void el_emu_respond_detail (SoupServerMessage *msg,
                            guint              http_status,
                            const char        *status,
                            const char        *message);
void el_emu_respond_body_validation (SoupServerMessage  *msg,
                                     const char * const *loc,
                                     const char         *type,
                                     const char         *text,
                                     JsonNode           *input);
void el_emu_respond_validation (SoupServerMessage *msg,
                                const char        *param,
                                const char        *type,
                                const char        *text,
                                const char        *input);

/* Agents */

void el_emu_handle_list_agents (GovorunElevenlabsEmulator *self,
                                SoupServerMessage         *msg,
                                GHashTable                *params,
                                const char *const         *captures);
void el_emu_handle_get_agent (GovorunElevenlabsEmulator *self,
                              SoupServerMessage         *msg,
                              GHashTable                *params,
                              const char *const         *captures);
void el_emu_handle_patch_agent (GovorunElevenlabsEmulator *self,
                                SoupServerMessage         *msg,
                                GHashTable                *params,
                                const char *const         *captures);
void el_emu_deep_merge (JsonObject *into,
                        JsonObject *from);
EmuAgent *el_emu_lookup_agent (GovorunElevenlabsEmulator *self,
                               SoupServerMessage         *msg,
                               const char                *agent_id);

/* Website widget (govorun-el-emu-widget.c) */

void el_emu_handle_get_widget (GovorunElevenlabsEmulator *self,
                               SoupServerMessage         *msg,
                               GHashTable                *params,
                               const char *const         *captures);

/* Agents' analysis settings (govorun-el-emu-analysis.c) */

gboolean el_emu_check_analysis     (SoupServerMessage         *msg,
                                    JsonObject                *platform);
void     el_emu_replace_analysis   (JsonObject                *into,
                                    JsonObject                *from);
void     el_emu_record_agent_patch (GovorunElevenlabsEmulator *self,
                                    const char                *body,
                                    gsize                      length);

/* Conversations */

/* Adds the sandbox's common criteria and data items of @hc to a
 * conversation's evaluation and data-collection results. */
void el_emu_add_analysis (JsonObject               *evaluation,
                          JsonObject               *data,
                          const GovorunHistoryCall *hc);

void el_emu_handle_list_conversations (GovorunElevenlabsEmulator *self,
                                       SoupServerMessage         *msg,
                                       GHashTable                *params,
                                       const char *const         *captures);
void el_emu_handle_get_conversation (GovorunElevenlabsEmulator *self,
                                     SoupServerMessage         *msg,
                                     GHashTable                *params,
                                     const char *const         *captures);
void el_emu_handle_get_conversation_audio (GovorunElevenlabsEmulator *self,
                                           SoupServerMessage         *msg,
                                           GHashTable                *params,
                                           const char *const         *captures);

/* The conversation WebSocket (§2.3, §4) */

void el_emu_live_init (GovorunElevenlabsEmulator *self);
void el_emu_live_clear (GovorunElevenlabsEmulator *self);
void el_emu_handle_get_signed_url (GovorunElevenlabsEmulator *self,
                                   SoupServerMessage         *msg,
                                   GHashTable                *params,
                                   const char *const         *captures);
/* The upgrade request: answers 403/404 to refuse it, else leaves it. */
void el_emu_handle_conversation_upgrade (GovorunElevenlabsEmulator *self,
                                         SoupServerMessage         *msg,
                                         GHashTable                *params,
                                         const char *const         *captures);
void el_emu_live_start (GovorunElevenlabsEmulator *self,
                        SoupServerMessage         *msg,
                        SoupWebsocketConnection   *connection);
/* Live conversations in the listing and the details (locked). */
EmuLiveConversation *el_emu_live_find (GovorunElevenlabsEmulator *self,
                                       const char                *conversation_id);
JsonObject *el_emu_live_summary_to_json (GovorunElevenlabsEmulator *self,
                                         EmuLiveConversation       *conv);
JsonObject *el_emu_live_details_to_json (GovorunElevenlabsEmulator *self,
                                         EmuLiveConversation       *conv);

/* User and subscription */

void el_emu_handle_get_subscription (GovorunElevenlabsEmulator *self,
                                     SoupServerMessage         *msg,
                                     GHashTable                *params,
                                     const char *const         *captures);
void el_emu_handle_get_user (GovorunElevenlabsEmulator *self,
                             SoupServerMessage         *msg,
                             GHashTable                *params,
                             const char *const         *captures);

G_END_DECLS
