/* govorun-agent-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-agent.h"
#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * The queries of the agents and agent_numbers tables. Rows travel as
 * detached GovorunAgent objects (an agent with its numbers); each call is
 * one transaction on the store's writer (or reader) thread, and its
 * callback gets the GovorunStore as source object for the `_finish`.
 */

#define GOVORUN_AGENT_RECORDS_ERROR (govorun_agent_records_error_quark ())

/* The codes match GovorunAgentStoreError's, which the service maps them to. */
typedef enum
{
  GOVORUN_AGENT_RECORDS_ERROR_INVALID = 1,  /* an account the agent uses is not saved */
  GOVORUN_AGENT_RECORDS_ERROR_NOT_FOUND,    /* no agent with that uuid to update */
} GovorunAgentRecordsError;

GQuark        govorun_agent_records_error_quark    (void) G_GNUC_CONST;

/* Every agent with its numbers; finish returns a GPtrArray of GovorunAgent
 * (transfer full), in no particular order. */
void          govorun_agent_records_read_all_async  (GovorunStore         *store,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray    *govorun_agent_records_read_all_finish (GovorunStore         *store,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Inserts @agent (no uuid yet: it gets one and a unique slug) or updates
 * the row with its uuid, numbers included. Works on a copy; finish returns
 * that copy with the uuid, slug and timestamps as saved (transfer full). */
void          govorun_agent_records_save_async      (GovorunStore         *store,
                                                     GovorunAgent         *agent,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GovorunAgent *govorun_agent_records_save_finish     (GovorunStore         *store,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Deletes the agent, its numbers and the provider objects it owned. */
void          govorun_agent_records_remove_async    (GovorunStore         *store,
                                                     const char           *uuid,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean      govorun_agent_records_remove_finish   (GovorunStore         *store,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
