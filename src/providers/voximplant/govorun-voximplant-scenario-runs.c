/* govorun-voximplant-scenario-runs.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include "govorun-voximplant-client-private.h"
#include "govorun-voximplant-scenario-runs.h"

/* → result=1, media_session_access_url, media_session_access_secure_url,
 * call_session_history_id. Only the id is used (the progress is read from
 * the call history); the URLs are lenient. */
static gpointer
parse_started (JsonObject  *envelope,
               GError     **error)
{
  g_autofree gint64 *id = g_new0 (gint64, 1);

  if (!govorun_voximplant_read_id (envelope, "call_session_history_id", GOVORUN_VOXIMPLANT_FIELD_CHECKED, id, error))
    return NULL;

  return g_steal_pointer (&id);
}

void
govorun_voximplant_client_start_scenarios_async (GovorunVoximplantClient *self,
                                                 gint64                   application_id,
                                                 gint64                   rule_id,
                                                 const char              *script_custom_data,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, "rule_id", rule_id);
  if (application_id > 0)
    govorun_voximplant_params_add_int (params, "application_id", application_id);
  if (script_custom_data != NULL)
    govorun_voximplant_params_add (params, "script_custom_data", script_custom_data);

  govorun_voximplant_client_call_parsed (self, "StartScenarios", params, parse_started, g_free,
                                         govorun_voximplant_client_start_scenarios_async,
                                         cancellable, callback, user_data);
}

gint64
govorun_voximplant_client_start_scenarios_finish (GovorunVoximplantClient  *self,
                                                  GAsyncResult             *result,
                                                  GError                  **error)
{
  g_autofree gint64 *id = govorun_voximplant_client_parsed_finish (self, result,
                                                                   govorun_voximplant_client_start_scenarios_async,
                                                                   error);

  return id != NULL ? *id : -1;
}
