/* govorun-agent-store.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-agent.h"
#include "govorun-sorted-list.h"

G_BEGIN_DECLS

/* The store layer's type, opaque above it. */
typedef struct _GovorunStore GovorunStore;

/*
 * GovorunAgentStore is the agents service: a GListModel of the saved agents
 * (GovorunAgent, sorted by name) and the only code that writes the agents
 * and agent_numbers tables. Each save is one transaction (agent and its
 * numbers together).
 */

#define GOVORUN_AGENT_STORE_ERROR (govorun_agent_store_error_quark ())

typedef enum
{
  GOVORUN_AGENT_STORE_ERROR_INVALID = 1,  /* empty name, unknown account: nothing written */
  GOVORUN_AGENT_STORE_ERROR_NOT_FOUND,    /* the agent is not (or no longer) saved */
} GovorunAgentStoreError;

#define GOVORUN_TYPE_AGENT_STORE (govorun_agent_store_get_type ())

G_DECLARE_FINAL_TYPE (GovorunAgentStore, govorun_agent_store, GOVORUN, AGENT_STORE, GovorunSortedList)

GQuark             govorun_agent_store_error_quark      (void) G_GNUC_CONST;

GovorunAgentStore *govorun_agent_store_new              (GovorunStore       *store);

/* Reads every agent; replaces the model's contents. */
void               govorun_agent_store_load_async       (GovorunAgentStore  *self,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
gboolean           govorun_agent_store_load_finish      (GovorunAgentStore  *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
/* @agent: new (uuid NULL: it gets a uuid and a unique slug) or an edited
 * copy of a saved one (or the saved one itself). The slug never changes
 * after the first save. */
void               govorun_agent_store_save_async       (GovorunAgentStore  *self,
                                                         GovorunAgent       *agent,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
/* Returns: (transfer full): the agent held by the model. */
GovorunAgent      *govorun_agent_store_save_finish      (GovorunAgentStore  *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
/* Removes the agent, its numbers and Govorun's records of the provider
 * objects it owns (the objects themselves are not touched: use
 * govorun_provisioner_delete_async() to remove them as well). */
void               govorun_agent_store_remove_async     (GovorunAgentStore  *self,
                                                         GovorunAgent       *agent,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
gboolean           govorun_agent_store_remove_finish    (GovorunAgentStore  *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);

/* (transfer none) */
GovorunAgent      *govorun_agent_store_find_by_uuid     (GovorunAgentStore  *self,
                                                         const char         *uuid);
/* The first agent (by name) that uses the account @account_uuid, for
 * either provider, or NULL. (transfer none) */
GovorunAgent      *govorun_agent_store_find_by_account  (GovorunAgentStore  *self,
                                                         const char         *account_uuid);
/* The slug an unsaved agent named @name would get if saved now (the
 * provisioner plans a draft with it); g_free. */
char              *govorun_agent_store_preview_slug     (GovorunAgentStore  *self,
                                                         const char         *name);
/* Which agent a Voximplant phone number is bound to (for the Numbers
 * page), or NULL. (transfer none) */
GovorunAgent      *govorun_agent_store_find_by_phone_id (GovorunAgentStore  *self,
                                                         const char         *vox_account_uuid,
                                                         gint64              phone_id);

G_END_DECLS
