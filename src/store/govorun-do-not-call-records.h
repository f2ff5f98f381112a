/* govorun-do-not-call-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-do-not-call-entry.h"
#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * The do_not_call table: one row per normalised number (E.164), with a
 * note and the time it was added. A number added again keeps its first
 * note and date.
 */

/* Adds @entries (GovorunDoNotCallEntry) in one transaction; _finish gives
 * how many were new (the rest were on the list already). */
void       govorun_do_not_call_records_add_async     (GovorunStore         *store,
                                                      GPtrArray            *entries,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean   govorun_do_not_call_records_add_finish    (GovorunStore         *store,
                                                      GAsyncResult         *result,
                                                      guint                *out_added,
                                                      GError              **error);

/* Removes @numbers (E.164); _finish gives how many were on the list. */
void       govorun_do_not_call_records_remove_async  (GovorunStore         *store,
                                                      const char * const   *numbers,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean   govorun_do_not_call_records_remove_finish (GovorunStore         *store,
                                                      GAsyncResult         *result,
                                                      guint                *out_removed,
                                                      GError              **error);

/* The whole list, newest first: a GPtrArray of GovorunDoNotCallEntry. */
void       govorun_do_not_call_records_load_async    (GovorunStore         *store,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GPtrArray *govorun_do_not_call_records_load_finish   (GovorunStore         *store,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
