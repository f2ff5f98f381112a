/* govorun-call-join.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSync"

#include "config.h"

#include "govorun-call-sync-lookups.h"
#include "govorun-call-sync-private.h"

/* The join rules. Each provider's sync writes its own side of a call; the
 * scenarios leave each side the other's id (the session's custom data
 * names the conversation, the conversation's dynamic variables name the
 * session), so a record carrying both ids joins the rows in the store.
 * Without them the store's fallback (number and start time) joins them;
 * otherwise a record stays one-sided: a failed call never reached
 * ElevenLabs, a widget conversation never touched Voximplant. */

char *
_govorun_call_join_number (const char *text)
{
  GString *digits;

  if (text == NULL)
    return NULL;
  digits = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

/* _govorun_call_join_number () into @buffer when it fits (a phone
 * number does), else into *@owned. */
static const char *
join_number_in (const char *text,
                char        buffer[32],
                char      **owned)
{
  gsize n = 0;

  *owned = NULL;
  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      {
        if (n + 1 >= 32)
          return *owned = _govorun_call_join_number (text);
        buffer[n++] = *p;
      }
  if (n == 0)
    return NULL;
  buffer[n] = '\0';
  return buffer;
}

/* The agents as the sync began: the join runs on a worker thread, and the
 * agent store is the main thread's (an agent added meanwhile is found by
 * the next sync, whose overlap re-reads the last calls). */
typedef struct
{
  char   *uuid;
  char   *el_agent_id;
  char   *vox_account_uuid;
  gint64  application_id;
} AgentKey;

struct _GovorunCallAgents
{
  GArray *keys;  /* of AgentKey, in the store's order */
};

static void
agent_key_clear (AgentKey *key)
{
  g_free (key->uuid);
  g_free (key->el_agent_id);
  g_free (key->vox_account_uuid);
}

static void
agents_clear (GovorunCallAgents *agents)
{
  g_array_unref (agents->keys);
}

GovorunCallAgents *
_govorun_call_agents_new (GovorunAgentStore *store)
{
  GovorunCallAgents *agents = g_atomic_rc_box_new0 (GovorunCallAgents);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  agents->keys = g_array_sized_new (FALSE, FALSE, sizeof (AgentKey), n);
  g_array_set_clear_func (agents->keys, (GDestroyNotify) agent_key_clear);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunAgent) agent = g_list_model_get_item (G_LIST_MODEL (store), i);
      AgentKey key = {
        g_strdup (govorun_agent_get_uuid (agent)),
        g_strdup (govorun_agent_get_el_agent_id (agent)),
        g_strdup (govorun_agent_get_vox_account_uuid (agent)),
        govorun_agent_get_application_id (agent),
      };

      g_array_append_val (agents->keys, key);
    }
  return agents;
}

GovorunCallAgents *
_govorun_call_agents_ref (GovorunCallAgents *agents)
{
  return g_atomic_rc_box_acquire (agents);
}

void
_govorun_call_agents_unref (GovorunCallAgents *agents)
{
  if (agents != NULL)
    g_atomic_rc_box_release_full (agents, (GDestroyNotify) agents_clear);
}

static const char *
find_agent (const GovorunCallAgents *agents,
            const char              *el_agent_id,
            const char              *vox_account_uuid,
            gint64                   application_id)
{
  for (guint i = 0; i < agents->keys->len; i++)
    {
      const AgentKey *key = &g_array_index (agents->keys, AgentKey, i);

      if (el_agent_id != NULL
          ? g_strcmp0 (key->el_agent_id, el_agent_id) == 0
          : (application_id != 0 && key->application_id == application_id &&
             g_strcmp0 (key->vox_account_uuid, vox_account_uuid) == 0))
        return key->uuid;
    }
  return NULL;
}

/* SIP-like end codes (reference §2, CallInfoType.end_reason). */
static GovorunCallStatus
session_status (const GovorunVoximplantCall *call)
{
  if (call == NULL)
    return GOVORUN_CALL_STATUS_FAILED;
  if (call->successful)
    return GOVORUN_CALL_STATUS_ANSWERED;
  switch (call->end_reason_code)
    {
    case 486:
    case 600:
      return GOVORUN_CALL_STATUS_BUSY;
    case 408:
    case 480:
    case 487:
    case 603:
      return GOVORUN_CALL_STATUS_NO_ANSWER;
    default:
      return GOVORUN_CALL_STATUS_FAILED;
    }
}

GovorunCallRecord *
_govorun_call_join_session (const GovorunVoximplantCallSession *session,
                            const char                         *currency,
                            const GovorunCallAgents            *agents,
                            const char                         *account_uuid)
{
  static const char * const custom_keys[] = { "el_conv", "campaign_id", "contact_id", NULL };
  GovorunCallRecord *record = govorun_call_record_new ();
  const GovorunVoximplantCall *call = NULL;
  char *custom[G_N_ELEMENTS (custom_keys)] = { NULL, };
  g_autofree char *conversation = NULL;
  gboolean has_recording = FALSE;
  double cost = 0;

  govorun_call_record_set_vox_session_id (record, session->call_session_history_id);
  govorun_call_record_set_started_at (record, g_date_time_to_unix (session->start_date));
  govorun_call_record_set_agent_uuid (record,
                                      find_agent (agents, NULL, account_uuid,
                                                  session->application_id));

  /* Whose call it is when Govorun did not make the agent. */
  govorun_call_record_set_vox_application_name (record, session->application_name);

  /* Ours: the conversation (elevenlabs.js); a campaign's call also has
   * the local ids of the campaign and the contact (outbound-agent.js). */
  govorun_voximplant_call_session_get_custom_strings (session, custom_keys, custom);
  conversation = custom[0];
  if (conversation != NULL && *conversation != '\0')
    govorun_call_record_set_el_conversation_id (record, conversation);
  {
    gint64 id;

    if (custom[1] != NULL && g_ascii_string_to_signed (custom[1], 10, 1, G_MAXINT64, &id, NULL))
      govorun_call_record_set_campaign_id (record, id);
    if (custom[2] != NULL && g_ascii_string_to_signed (custom[2], 10, 1, G_MAXINT64, &id, NULL))
      govorun_call_record_set_contact_id (record, id);
    g_free (custom[1]);
    g_free (custom[2]);
  }

  for (guint i = 0; i < session->calls->len; i++)
    {
      const GovorunVoximplantCall *leg = g_ptr_array_index (session->calls, i);

      if (call == NULL)
        call = leg;
      cost += leg->cost;
      has_recording |= leg->record_url != NULL;
    }
  for (guint i = 0; i < session->records->len; i++)
    {
      const GovorunVoximplantRecord *rec = g_ptr_array_index (session->records, i);

      cost += rec->cost;
      has_recording |= rec->record_url != NULL;
    }
  for (guint i = 0; i < session->other_resource_usage->len; i++)
    cost += ((const GovorunVoximplantResourceUsage *) g_ptr_array_index (session->other_resource_usage, i))->cost;

  if (call != NULL)
    {
      char local_digits[32], remote_digits[32];
      g_autofree char *local_owned = NULL;
      g_autofree char *remote_owned = NULL;
      const char *local = join_number_in (call->local_number, local_digits, &local_owned);
      const char *remote = join_number_in (call->remote_number, remote_digits, &remote_owned);

      govorun_call_record_set_vox_call_id (record, call->call_id);
      govorun_call_record_set_direction (record, call->incoming ? GOVORUN_CALL_DIRECTION_INBOUND
                                                                : GOVORUN_CALL_DIRECTION_OUTBOUND);
      govorun_call_record_set_from_number (record, call->incoming ? remote : local);
      govorun_call_record_set_to_number (record, call->incoming ? local : remote);
      govorun_call_record_set_duration (record, (guint) CLAMP (call->duration, 0, G_MAXUINT));
    }
  govorun_call_record_set_status (record, session_status (call));
  /* The call's own end reason says more than the session's "Normal
   * termination" when the call did not connect. */
  govorun_call_record_set_finish_reason (record,
                                         call != NULL && !call->successful && call->end_reason != NULL
                                         ? call->end_reason : session->finish_reason);
  govorun_call_record_set_has_recording (record, has_recording);
  if (currency != NULL)
    govorun_call_record_set_vox_cost (record, cost, currency);
  return record;
}

static GovorunCallSuccess
success_from_string (const char *text)
{
  if (g_strcmp0 (text, "success") == 0)
    return GOVORUN_CALL_SUCCESS_SUCCESS;
  if (g_strcmp0 (text, "failure") == 0)
    return GOVORUN_CALL_SUCCESS_FAILURE;
  return GOVORUN_CALL_SUCCESS_UNKNOWN;
}

static gint64
variable_id (GHashTable *variables,
             const char *name)
{
  const char *text = variables != NULL ? g_hash_table_lookup (variables, name) : NULL;
  gint64 id = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return id;
}

static GPtrArray *
conversation_turns (const GovorunElevenlabsConversation *conversation)
{
  GPtrArray *turns = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_call_turn_free);

  for (guint i = 0; i < conversation->transcript->len; i++)
    {
      const GovorunElevenlabsTurn *turn = g_ptr_array_index (conversation->transcript, i);
      gint64 offset_ms = turn->time_in_call_secs * 1000;

      if (turn->message != NULL && *turn->message != '\0')
        g_ptr_array_add (turns, govorun_call_turn_new (turn->agent ? GOVORUN_CALL_ROLE_AGENT
                                                                   : GOVORUN_CALL_ROLE_CALLER,
                                                       turn->message, offset_ms));
      for (guint j = 0; j < turn->tool_calls->len; j++)
        {
          const GovorunElevenlabsToolCall *tool = g_ptr_array_index (turn->tool_calls, j);
          g_autofree char *text = g_strdup_printf ("%s(%s)%s%s", tool->tool_name,
                                                   tool->params_as_json != NULL ? tool->params_as_json : "",
                                                   tool->result_value != NULL ? " → " : "",
                                                   tool->result_value != NULL ? tool->result_value : "");

          g_ptr_array_add (turns, govorun_call_turn_new (GOVORUN_CALL_ROLE_TOOL, text, offset_ms));
        }
    }
  return turns;
}

static GovorunCallStatus
conversation_status (const char *status)
{
  if (g_strcmp0 (status, "failed") == 0)
    return GOVORUN_CALL_STATUS_FAILED;
  if (g_strcmp0 (status, "done") == 0)
    return GOVORUN_CALL_STATUS_ANSWERED;
  return GOVORUN_CALL_STATUS_IN_PROGRESS;
}

GovorunCallRecord *
_govorun_call_join_conversation (const GovorunElevenlabsConversation *conversation,
                                 const GovorunCallAgents             *agents)
{
  GovorunCallRecord *record = govorun_call_record_new ();
  GHashTable *variables = conversation->dynamic_variables;
  gint64 session_id = variable_id (variables, "voximplant_session_id");
  g_autoptr(GPtrArray) turns = conversation_turns (conversation);
  g_autofree char *caller = NULL;
  g_autofree char *called = NULL;
  const char *direction = NULL;

  govorun_call_record_set_el_conversation_id (record, conversation->conversation_id);
  govorun_call_record_set_agent_uuid (record, find_agent (agents, conversation->agent_id, NULL, 0));
  govorun_call_record_set_started_at (record, conversation->start_time_unix_secs);
  govorun_call_record_set_duration (record, (guint) CLAMP (conversation->call_duration_secs, 0, G_MAXUINT));
  govorun_call_record_set_success (record, success_from_string (conversation->call_successful));
  govorun_call_record_set_summary (record, conversation->transcript_summary);
  if (conversation->cost >= 0)
    govorun_call_record_set_el_cost (record, (double) conversation->cost, "credits");
  govorun_call_record_set_transcript (record, turns);

  if (variables != NULL)
    {
      caller = _govorun_call_join_number (g_hash_table_lookup (variables, "caller_id"));
      called = _govorun_call_join_number (g_hash_table_lookup (variables, "called_number"));
      direction = g_hash_table_lookup (variables, "direction");
    }
  govorun_call_record_set_from_number (record, caller);
  govorun_call_record_set_to_number (record, called);
  if (g_strcmp0 (direction, "inbound") == 0)
    govorun_call_record_set_direction (record, GOVORUN_CALL_DIRECTION_INBOUND);
  else if (g_strcmp0 (direction, "outbound") == 0)
    govorun_call_record_set_direction (record, GOVORUN_CALL_DIRECTION_OUTBOUND);
  else if (session_id == 0 && caller == NULL && called == NULL)
    /* No phone side and no numbers: the website's widget. (A phone call
     * always has a number, so the fallback join never meets such a row.) */
    govorun_call_record_set_direction (record, GOVORUN_CALL_DIRECTION_WEB);

  if (variable_id (variables, "campaign_id") != 0)
    govorun_call_record_set_campaign_id (record, variable_id (variables, "campaign_id"));
  if (variable_id (variables, "contact_id") != 0)
    govorun_call_record_set_contact_id (record, variable_id (variables, "contact_id"));

  if (session_id != 0)
    {
      govorun_call_record_set_vox_session_id (record, session_id);
      govorun_call_record_set_vox_call_id (record, variable_id (variables, "voximplant_call_id"));
    }
  else
    {
      /* Voximplant's status and reason win for a phone call; a
       * conversation alone has only its own. */
      govorun_call_record_set_status (record, conversation_status (conversation->status));
      govorun_call_record_set_finish_reason (record, conversation->termination_reason);
    }
  return record;
}

gboolean
_govorun_call_join_is_changed (const GovorunElevenlabsConversationSummary *summary,
                               gconstpointer                               known_ptr)
{
  const GovorunKnownConversation *known = known_ptr;

  if (known == NULL || (!known->has_transcript && summary->message_count > 0))
    return TRUE;
  /* Still going, or its analysis or length changed since (a joined row's
   * length is Voximplant's). */
  return g_strcmp0 (summary->status, "done") != 0 ||
         known->success != success_from_string (summary->call_successful) ||
         (!known->has_vox && (gint64) known->duration != summary->call_duration_secs);
}
