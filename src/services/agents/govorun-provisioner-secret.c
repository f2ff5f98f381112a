/* govorun-provisioner-secret.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunProvisioner"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-provisioner-private.h"

/*
 * The ElevenLabs key in the application's secret storage, so that no
 * scenario text holds it: stored once the application exists (a step of
 * its own, before the scenarios that read it), removed with Govorun's
 * other objects. Its provider_objects row is named "<application>/<secret>"
 * (names are unique per account); its id is the application's, set once
 * the secret is known to be stored. An account that does not know the
 * method gets the key written into the scenarios instead, and the agent
 * remembers that (key-in-scenario) for its page to say so.
 */

gboolean
_govorun_provisioner_needs_key (Run *run)
{
  return govorun_agent_get_engine (run->agent) == GOVORUN_AGENT_ENGINE_ELEVENLABS
         && (run->scenarios[GOVORUN_SCENARIO_INBOUND].wanted || run->scenarios[GOVORUN_SCENARIO_OUTBOUND].wanted);
}

const char *
_govorun_provisioner_secret_record (Run *run)
{
  if (run->secret_record == NULL)
    run->secret_record = g_strconcat (run->app.name, "/", GOVORUN_SCENARIO_KEY_SECRET_NAME, NULL);
  return run->secret_record;
}

/* TRUE when a run stored the secret: its row has the application's id. */
static gboolean
secret_stored (Run *run)
{
  g_autofree char *key = g_strconcat ("secret\n", _govorun_provisioner_secret_record (run), NULL);
  const char *id = g_hash_table_lookup (run->records, key);
  g_autofree char *app_id = id_text (run->app.id);

  return id != NULL && g_str_equal (id, app_id);
}

/* The scenarios' texts follow where the key is. */
static void
use_key_in_scenario (Run      *run,
                     gboolean  in_scenario)
{
  if (run->key_in_scenario == in_scenario)
    return;
  run->key_in_scenario = in_scenario;
  _govorun_provisioner_scripts_generate (run);
}

static void
secret_done (Run *run)
{
  _govorun_provisioner_record_id (run, "secret", _govorun_provisioner_secret_record (run), run->app.id);
  use_key_in_scenario (run, FALSE);
  _govorun_provisioner_emit_step (run, "secret", GOVORUN_STEP_DONE, NULL);
}

/* @data: AddSecret's error, the one to report: the secret may simply not
 * be there for SetSecretInfo to replace. */
static void
on_secret_set (Run                     *run,
               GovorunVoximplantClient *client,
               GAsyncResult            *result,
               gpointer                 data)
{
  const GError *add_error = data;
  g_autoptr(GError) error = NULL;

  if (!govorun_voximplant_client_set_secret_info_finish (client, result, &error))
    {
      g_debug ("SetSecretInfo after a failed AddSecret: %s", error->message);
      _govorun_provisioner_run_fail (run, "secret", WHAT_STORE_SECRET, GOVORUN_SCENARIO_KEY_SECRET_NAME, add_error);
      return;
    }
  secret_done (run);
}

static void
on_secret_added (Run                     *run,
                 GovorunVoximplantClient *client,
                 GAsyncResult            *result,
                 gpointer                 data)
{
  g_autoptr(GError) error = NULL;

  if (govorun_voximplant_client_add_secret_finish (client, result, &error))
    {
      secret_done (run);
      return;
    }
  if (govorun_voximplant_error_is_unknown_method (error))
    {
      g_debug ("No secret storage in this account: the key goes into the scenarios");
      _govorun_provisioner_record_refused (run, "secret", _govorun_provisioner_secret_record (run), error);
      use_key_in_scenario (run, TRUE);
      _govorun_provisioner_emit_step (run, "secret", GOVORUN_STEP_DONE,
                                      _("This Voximplant account has no secret storage: the ElevenLabs key is written into the scenarios"));
      return;
    }
  /* It may be there already (a run whose answer was lost): replace it. */
  govorun_voximplant_client_set_secret_info_async (run->client, run->app.id, GOVORUN_SCENARIO_KEY_SECRET_NAME,
                                                   run->el_key, run_cancellable (run), _govorun_provisioner_on_reply,
                                                   _govorun_provisioner_request (run, on_secret_set, g_steal_pointer (&error),
                                                                                 (GDestroyNotify) g_error_free));
}

static void
apply_secret (Run *run)
{
  _govorun_provisioner_stage_begin (run, run->secret_next);
  _govorun_provisioner_emit_step (run, "secret", GOVORUN_STEP_RUNNING, NULL);
  govorun_voximplant_client_add_secret_async (run->client, run->app.id, GOVORUN_SCENARIO_KEY_SECRET_NAME,
                                              run->el_key, run_cancellable (run), _govorun_provisioner_on_reply,
                                              _govorun_provisioner_request (run, on_secret_added, NULL, NULL));
  _govorun_provisioner_stage_end (run);
}

gboolean
_govorun_provisioner_secret_wanted (Run *run)
{
  return _govorun_provisioner_needs_key (run) && !secret_stored (run);
}

void
_govorun_provisioner_secret_apply (Run       *run,
                                   StageFunc  next)
{
  if (!_govorun_provisioner_secret_wanted (run))
    {
      next (run);
      return;
    }
  run->secret_next = next;
  if (!_govorun_provisioner_is_owned (run, "secret", _govorun_provisioner_secret_record (run)))
    _govorun_provisioner_record_intent (run, "secret", _govorun_provisioner_secret_record (run));
  _govorun_provisioner_flush_records (run, apply_secret);
}

static void
on_secret_deleted (Run                     *run,
                   GovorunVoximplantClient *client,
                   GAsyncResult            *result,
                   gpointer                 data)
{
  g_autoptr(GError) error = NULL;

  /* Already gone (or never stored) counts as deleted. */
  if (!govorun_voximplant_client_del_secret_finish (client, result, &error)
      && !g_error_matches (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND)
      && !g_error_matches (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT)
      && !govorun_voximplant_error_is_unknown_method (error))
    {
      _govorun_provisioner_run_fail (run, "delete-secret", WHAT_DELETE_SECRET, GOVORUN_SCENARIO_KEY_SECRET_NAME, error);
      return;
    }
  _govorun_provisioner_record_forget (run, "secret", _govorun_provisioner_secret_record (run));
  _govorun_provisioner_emit_step (run, "delete-secret", GOVORUN_STEP_DONE, NULL);
}

void
_govorun_provisioner_remove_secret (Run      *run,
                                    gboolean  everything)
{
  const char *record = _govorun_provisioner_secret_record (run);

  if (!_govorun_provisioner_is_owned (run, "secret", record) || (!everything && _govorun_provisioner_needs_key (run)))
    return;
  if (!run->app.exists)
    {
      _govorun_provisioner_record_forget (run, "secret", record);
      return;
    }
  _govorun_provisioner_emit_step (run, "delete-secret", GOVORUN_STEP_RUNNING, NULL);
  govorun_voximplant_client_del_secret_async (run->client, run->app.id, GOVORUN_SCENARIO_KEY_SECRET_NAME,
                                              run_cancellable (run), _govorun_provisioner_on_reply,
                                              _govorun_provisioner_request (run, on_secret_deleted, NULL, NULL));
}
