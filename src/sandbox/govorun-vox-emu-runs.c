/* govorun-vox-emu-runs.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include <string.h>

#include "govorun-voximplant-emulator-private.h"

/* StartScenarios (reference §2 "Scenarios"): the rule's scenarios run in a
 * new session. The emulator runs no JavaScript; it plays what outbound.js
 * does for {"mode":"callme","phone_number":…}: the call rings, is
 * answered, talks and ends, and the session is in GetCallHistory all the
 * while (how soon a real session appears there is UNVERIFIED). */

void
vox_emu_run_free (VoxRun *run)
{
  g_free (run->rule_name);
  g_free (run->remote_number);
  g_free (run->custom_data);
  g_free (run->conversation_id);
  g_free (run);
}

/* The phone number a "call me" run dials, as outbound.js reads it. */
static char *
callme_number (const char *custom_data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *number;

  if (custom_data == NULL || !json_parser_load_from_data (parser, custom_data, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  number = json_object_get_string_member_with_default (object, "phone_number", NULL);
  if (number == NULL)
    return NULL;
  if (*number == '+')
    number++;
  for (const char *p = number; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  return strlen (number) >= 7 && strlen (number) <= 15 ? g_strdup (number) : NULL;
}

void
vox_emu_method_start_scenarios (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  const char *rule_text = vox_emu_call_require (call, "rule_id");
  const char *custom_data = vox_emu_call_param (call, "script_custom_data");
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *script = NULL;
  g_autofree char *conversation_id = NULL;
  GovorunVoxRunHook hook;
  gpointer hook_data;
  gint64 rule_id;
  Rule *rule;
  VoxRun *run;

  if (rule_text == NULL)
    return;
  if (!vox_emu_parse_single_id (rule_text, &rule_id) || (rule = vox_emu_find_rule (call->account, rule_id)) == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID, "Invalid rule_id: %s", rule_text);
      return;
    }

  run = g_new0 (VoxRun, 1);
  run->session_id = self->next_session_id++;
  run->call_id = run->session_id + G_GINT64_CONSTANT (100000000);
  run->application_id = rule->application_id;
  run->rule_name = g_strdup (rule->name);
  run->custom_data = g_strdup (custom_data);
  run->remote_number = callme_number (custom_data);
  run->start = vox_emu_now_seconds (call);
  run->start_us = g_get_monotonic_time ();
  run->ring_ms = self->run_ring_ms;
  /* A run without a number to call fails at once, as outbound.js does. */
  run->talk_ms = run->remote_number != NULL ? self->run_talk_ms : 0;
  if (rule->scenario_ids->len > 0)
    {
      Scenario *scenario = vox_emu_find_by_id (call->account->scenarios,
                                               g_array_index (rule->scenario_ids, gint64, 0));

      if (scenario != NULL)
        script = g_strdup (scenario->script);
    }
  g_ptr_array_add (call->account->runs, run);
  hook = self->run_hook;
  hook_data = self->run_hook_data;

  /* The hook reaches the other emulator: not under our lock. */
  if (hook != NULL && run->remote_number != NULL)
    {
      g_mutex_unlock (&self->lock);
      conversation_id = hook (script, run->remote_number, run->ring_ms, run->talk_ms, hook_data);
      g_mutex_lock (&self->lock);
    }
  run->conversation_id = g_strdup (conversation_id != NULL ? conversation_id : "");

  root = json_object_new ();
  json_object_set_int_member (root, "result", 1);
  vox_emu_take_string (root, "media_session_access_url",
                       g_strdup_printf ("%s/request/%" G_GINT64_FORMAT "/emulated",
                                        govorun_emulator_get_base_url (GOVORUN_EMULATOR (self)), run->session_id));
  vox_emu_take_string (root, "media_session_access_secure_url",
                       g_strdup_printf ("%s/request/%" G_GINT64_FORMAT "/emulated",
                                        govorun_emulator_get_base_url (GOVORUN_EMULATOR (self)), run->session_id));
  json_object_set_int_member (root, "call_session_history_id", run->session_id);
  vox_emu_call_reply_ok (call, g_steal_pointer (&root));
}

gboolean
vox_emu_run_to_history (GovorunVoximplantEmulator *self,
                        VoxRun                    *run,
                        GovorunHistoryCall        *hc)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - run->start_us) / 1000;

  memset (hc, 0, sizeof *hc);
  hc->index = -1;
  hc->session_id = run->session_id;
  hc->call_id = run->call_id;
  hc->start = run->start;
  hc->ring_secs = run->ring_ms / 1000;
  hc->incoming = FALSE;
  hc->local_number = "";
  g_strlcpy (hc->remote_number, run->remote_number != NULL ? run->remote_number : "", sizeof hc->remote_number);
  hc->agent_id = "";

  if (run->talk_ms == 0 && elapsed_ms >= run->ring_ms)
    {
      hc->outcome = GOVORUN_HISTORY_OUTCOME_FAILED;
      hc->finish_reason = "JS session error";
      hc->end_code = 400;
      hc->end_description = "Bad request";
      hc->session_secs = run->ring_ms / 1000;
    }
  else if (elapsed_ms < run->ring_ms)
    {
      /* Dialling: no finish reason yet. */
      hc->outcome = GOVORUN_HISTORY_OUTCOME_NO_ANSWER;
      hc->finish_reason = "";
      hc->end_description = "";
      hc->session_secs = (guint) (elapsed_ms / 1000);
    }
  else if (elapsed_ms < run->ring_ms + run->talk_ms)
    {
      hc->outcome = GOVORUN_HISTORY_OUTCOME_ANSWERED;
      hc->finish_reason = "";
      hc->end_description = "";
      /* At least a second, so the call counts as connected. */
      hc->talk_secs = MAX (1, (guint) ((elapsed_ms - run->ring_ms) / 1000));
      hc->session_secs = (guint) (elapsed_ms / 1000);
    }
  else
    {
      hc->outcome = GOVORUN_HISTORY_OUTCOME_ANSWERED;
      hc->finish_reason = "Normal termination";
      hc->end_code = 200;
      hc->end_description = "Normal call clearing";
      hc->talk_secs = MAX (1, run->talk_ms / 1000);
      hc->session_secs = (run->ring_ms + run->talk_ms) / 1000 + 1;
      g_strlcpy (hc->conversation_id, run->conversation_id, sizeof hc->conversation_id);
    }

  return TRUE;
}

void
govorun_voximplant_emulator_set_run_timing (GovorunVoximplantEmulator *self,
                                            guint                      ring_ms,
                                            guint                      talk_ms)
{
  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->run_ring_ms = ring_ms;
  self->run_talk_ms = MAX (talk_ms, 1000);
  g_mutex_unlock (&self->lock);
}

void
govorun_voximplant_emulator_set_run_hook (GovorunVoximplantEmulator *self,
                                          GovorunVoxRunHook          hook,
                                          gpointer                   user_data)
{
  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->run_hook = hook;
  self->run_hook_data = user_data;
  g_mutex_unlock (&self->lock);
}
