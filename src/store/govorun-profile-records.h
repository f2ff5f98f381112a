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
 * The profile table: facts about this installation. So far one, the
 * computer id, a random id the migration that made the table wrote; every
 * scenario manifest this installation deploys carries it, so another
 * computer can tell whose deploy it is looking at.
 */

void  govorun_profile_records_computer_id_async  (GovorunStore         *store,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* Returns: (transfer full): the id, 32 lower-case hex digits. */
char *govorun_profile_records_computer_id_finish (GovorunStore         *store,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
