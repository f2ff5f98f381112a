/* govorun-agent-catalog.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-account.h"
#include "govorun-voice-agent.h"

G_BEGIN_DECLS

/*
 * GovorunAgentCatalog: the voice agents of an ElevenLabs account, for the
 * New Agent wizard — a page of them (with a search and a cursor), one by
 * id, and the one change Govorun makes to an agent: its audio formats.
 * Every call takes the ElevenLabs GovorunAccount; the client is built
 * through the GovorunClientFactory with the saved secret.
 */

/* Declared here so this header needs no provider header. */
typedef struct _GovorunClientFactory GovorunClientFactory;

#define GOVORUN_AGENT_CATALOG_ERROR (govorun_agent_catalog_error_quark ())

/* The message is the provider's translated sentence for people, with the
 * provider's own status at its end. */
typedef enum
{
  GOVORUN_AGENT_CATALOG_ERROR_NOT_FOUND = 1,       /* no such agent (here) */
  GOVORUN_AGENT_CATALOG_ERROR_ACCESS_DENIED,       /* the key is wrong, missing, scoped or refused */
  GOVORUN_AGENT_CATALOG_ERROR_INVALID_VALUE,       /* a value was not accepted, e.g. an audio format */
  GOVORUN_AGENT_CATALOG_ERROR_UNAVAILABLE,         /* unreachable, busy, out of quota, or failing */
  GOVORUN_AGENT_CATALOG_ERROR_SECRET_UNAVAILABLE,  /* the account's key could not be read: nothing sent */
  GOVORUN_AGENT_CATALOG_ERROR_FAILED,              /* anything else, e.g. an answer not understood */
} GovorunAgentCatalogError;

/* Agents come in pages of this many. */
#define GOVORUN_AGENT_CATALOG_PAGE_SIZE 30

#define GOVORUN_TYPE_AGENT_CATALOG (govorun_agent_catalog_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAgentCatalog, govorun_agent_catalog, GOVORUN, AGENT_CATALOG, GObject)

GQuark               govorun_agent_catalog_error_quark              (void) G_GNUC_CONST;

GovorunAgentCatalog *govorun_agent_catalog_new                      (GovorunClientFactory *factory);

/* @search: (nullable) part of an agent name; @cursor: (nullable) a
 * previous page's next cursor. Returns the page's GovorunVoiceAgents
 * (id, name, tags, access role); *@out_next_cursor is the cursor of the
 * next page, or NULL after the last one. */
void                 govorun_agent_catalog_list_async               (GovorunAgentCatalog  *self,
                                                                     GovorunAccount       *account,
                                                                     const char           *search,
                                                                     const char           *cursor,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback,
                                                                     gpointer              user_data);
GPtrArray           *govorun_agent_catalog_list_finish              (GovorunAgentCatalog  *self,
                                                                     GAsyncResult         *result,
                                                                     char                **out_next_cursor,
                                                                     GError              **error);

/* The whole agent: first message, language, variables, audio formats. */
void                 govorun_agent_catalog_get_async                (GovorunAgentCatalog  *self,
                                                                     GovorunAccount       *account,
                                                                     const char           *agent_id,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback,
                                                                     gpointer              user_data);
GovorunVoiceAgent   *govorun_agent_catalog_get_finish               (GovorunAgentCatalog  *self,
                                                                     GAsyncResult         *result,
                                                                     GError              **error);

/* Changes the agent's audio formats in the account (either may be NULL to
 * keep it) and returns the agent as it is now. */
void                 govorun_agent_catalog_set_audio_formats_async  (GovorunAgentCatalog  *self,
                                                                     GovorunAccount       *account,
                                                                     const char           *agent_id,
                                                                     const char           *input_format,
                                                                     const char           *output_format,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback,
                                                                     gpointer              user_data);
GovorunVoiceAgent   *govorun_agent_catalog_set_audio_formats_finish (GovorunAgentCatalog  *self,
                                                                     GAsyncResult         *result,
                                                                     GError              **error);

G_END_DECLS
