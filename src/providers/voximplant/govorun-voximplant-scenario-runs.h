/* govorun-voximplant-scenario-runs.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GovorunVoximplantClient GovorunVoximplantClient;

/* StartScenarios (reference §2 "Scenarios"): runs the scenarios of
 * @rule_id in @application_id with @script_custom_data (read in the
 * scenario by VoxEngine.customData()). Not retried (it starts a call).
 * Finishes with the new session's call_session_history_id, or 0 when the
 * answer had none. */
void    govorun_voximplant_client_start_scenarios_async  (GovorunVoximplantClient *self,
                                                          gint64                   application_id,
                                                          gint64                   rule_id,
                                                          const char              *script_custom_data,
                                                          GCancellable            *cancellable,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data);
gint64  govorun_voximplant_client_start_scenarios_finish (GovorunVoximplantClient *self,
                                                          GAsyncResult            *result,
                                                          GError                 **error);

G_END_DECLS
