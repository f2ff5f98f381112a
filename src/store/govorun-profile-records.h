/* govorun-profile-records.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-store.h"

G_BEGIN_DECLS

/*
 * The profile table: facts about this installation. The computer id, a
 * random id the migration that made the table wrote; every scenario
 * manifest this installation deploys carries it, so another computer can
 * tell whose deploy it is looking at. And what this installation last read
 * of things other computers may change (keys of the caller's choosing, e.g.
 * the fingerprint of an ElevenLabs agent's analysis settings).
 */

void  govorun_profile_records_computer_id_async  (GovorunStore         *store,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* Returns: (transfer full): the id, 32 lower-case hex digits. */
char *govorun_profile_records_computer_id_finish (GovorunStore         *store,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* The value under @key, or NULL (no such key): the task returns a string
 * that may be NULL without an error. */
void  govorun_profile_records_get_async          (GovorunStore         *store,
                                                  const char           *key,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* Returns: (transfer full) (nullable): the value; NULL with @error unset when there is none. */
char *govorun_profile_records_get_finish         (GovorunStore         *store,
                                                  GAsyncResult         *result,
                                                  GError              **error);
/* Sets @key to @value (replacing it), or removes it when @value is NULL. */
void  govorun_profile_records_set_async          (GovorunStore         *store,
                                                  const char           *key,
                                                  const char           *value,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean govorun_profile_records_set_finish      (GovorunStore         *store,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
