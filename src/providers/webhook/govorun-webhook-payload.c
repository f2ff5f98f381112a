/* govorun-webhook-payload.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunWebhookPayload"

#include "config.h"

#include "govorun-webhook-payload.h"
#include "govorun-call-info.h"
#include "govorun-call-turn.h"

#include <json-glib/json-glib.h>

static void
add_time (JsonBuilder *b,
          const char  *member,
          gint64       unix_s)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (unix_s);
  g_autofree char *text = when != NULL ? g_date_time_format_iso8601 (when) : NULL;

  json_builder_set_member_name (b, member);
  if (text != NULL)
    json_builder_add_string_value (b, text);
  else
    json_builder_add_null_value (b);
}

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

static JsonBuilder *
begin (const char *schema,
       const char *event,
       const char *delivery_id,
       gint64      created_at)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "schema", schema);
  add_string (b, "id", delivery_id);
  add_string (b, "event", event);
  add_time (b, "created_at", created_at);
  return b;
}

static char *
finish (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static const char *
direction_name (GovorunCallDirection direction)
{
  switch (direction)
    {
    case GOVORUN_CALL_DIRECTION_INBOUND:
      return "inbound";
    case GOVORUN_CALL_DIRECTION_OUTBOUND:
      return "outbound";
    case GOVORUN_CALL_DIRECTION_UNKNOWN:
    default:
      return "unknown";
    }
}

static const char *
status_name (GovorunCallStatus status)
{
  switch (status)
    {
    case GOVORUN_CALL_STATUS_ANSWERED:
      return "answered";
    case GOVORUN_CALL_STATUS_NO_ANSWER:
      return "no_answer";
    case GOVORUN_CALL_STATUS_BUSY:
      return "busy";
    case GOVORUN_CALL_STATUS_FAILED:
      return "failed";
    case GOVORUN_CALL_STATUS_IN_PROGRESS:
      return "in_progress";
    case GOVORUN_CALL_STATUS_UNKNOWN:
    default:
      return "unknown";
    }
}

static const char *
success_name (GovorunCallSuccess success)
{
  switch (success)
    {
    case GOVORUN_CALL_SUCCESS_SUCCESS:
      return "success";
    case GOVORUN_CALL_SUCCESS_FAILURE:
      return "failure";
    case GOVORUN_CALL_SUCCESS_UNKNOWN:
    default:
      return "unknown";
    }
}

static void
add_cost (JsonBuilder *b,
          const char  *member,
          double       amount,
          const char  *currency)
{
  json_builder_set_member_name (b, member);
  if (currency == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "amount");
  json_builder_add_double_value (b, amount);
  add_string (b, "currency", currency);
  json_builder_end_object (b);
}

static void
add_analysis (JsonBuilder       *b,
              GovorunCallRecord *record)
{
  const GovorunCallInfo *info = govorun_call_record_get_info (record);
  GPtrArray *items = info != NULL ? info->analysis : NULL;

  json_builder_set_member_name (b, "analysis");
  json_builder_begin_object (b);
  add_string (b, "summary", govorun_call_record_get_summary (record));
  add_string (b, "title", info != NULL ? info->summary_title : NULL);
  add_string (b, "success", success_name (govorun_call_record_get_success (record)));
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      GovorunCallAnalysisItem *item = g_ptr_array_index (items, i);

      if (item->kind != GOVORUN_CALL_ANALYSIS_EVALUATION)
        continue;
      json_builder_begin_object (b);
      add_string (b, "id", item->name);
      add_string (b, "result", item->result);
      add_string (b, "rationale", item->rationale);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  /* Collected data: one member per field, its value as ElevenLabs gave it. */
  json_builder_set_member_name (b, "collected_data");
  json_builder_begin_object (b);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      GovorunCallAnalysisItem *item = g_ptr_array_index (items, i);

      if (item->kind == GOVORUN_CALL_ANALYSIS_DATA && item->name != NULL)
        add_string (b, item->name, item->result);
    }
  json_builder_end_object (b);
}

static void
add_transcript (JsonBuilder *b,
                GPtrArray   *turns)
{
  json_builder_set_member_name (b, "transcript");
  if (turns == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_array (b);
  for (guint i = 0; i < turns->len; i++)
    {
      GovorunCallTurn *turn = g_ptr_array_index (turns, i);

      json_builder_begin_object (b);
      add_string (b, "role", turn->role == GOVORUN_CALL_ROLE_AGENT ? "agent"
                             : turn->role == GOVORUN_CALL_ROLE_CALLER ? "caller" : "tool");
      add_string (b, "text", turn->text);
      add_int (b, "offset_ms", turn->offset_ms);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
govorun_webhook_payload_call (const char        *delivery_id,
                              gint64             created_at,
                              GovorunCallRecord *record,
                              gboolean           with_transcript,
                              const char        *recording_url)
{
  g_autoptr(JsonBuilder) b = NULL;
  gint64 campaign_id, contact_id;

  g_return_val_if_fail (delivery_id != NULL, NULL);
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (record), NULL);

  b = begin (GOVORUN_WEBHOOK_SCHEMA_CALL, "call.finished", delivery_id, created_at);
  json_builder_set_member_name (b, "call");
  json_builder_begin_object (b);
  add_int (b, "id", govorun_call_record_get_id (record));
  add_int (b, "voximplant_session_id", govorun_call_record_get_vox_session_id (record));
  add_string (b, "elevenlabs_conversation_id", govorun_call_record_get_el_conversation_id (record));
  add_string (b, "direction", direction_name (govorun_call_record_get_direction (record)));
  add_string (b, "from", govorun_call_record_get_from_number (record));
  add_string (b, "to", govorun_call_record_get_to_number (record));
  add_time (b, "started_at", govorun_call_record_get_started_at (record));
  add_int (b, "duration_s", govorun_call_record_get_duration (record));
  add_string (b, "status", status_name (govorun_call_record_get_status (record)));
  add_string (b, "finish_reason", govorun_call_record_get_finish_reason (record));
  add_cost (b, "telephony_cost", govorun_call_record_get_vox_cost (record),
            govorun_call_record_get_vox_currency (record));
  add_cost (b, "agent_cost", govorun_call_record_get_el_cost (record),
            govorun_call_record_get_el_currency (record));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "agent");
  json_builder_begin_object (b);
  add_string (b, "uuid", govorun_call_record_get_agent_uuid (record));
  json_builder_end_object (b);

  campaign_id = govorun_call_record_get_campaign_id (record);
  contact_id = govorun_call_record_get_contact_id (record);
  json_builder_set_member_name (b, "campaign");
  if (campaign_id > 0)
    {
      json_builder_begin_object (b);
      add_int (b, "id", campaign_id);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "contact");
  if (contact_id > 0)
    {
      json_builder_begin_object (b);
      add_int (b, "id", contact_id);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  add_analysis (b, record);
  if (with_transcript)
    add_transcript (b, govorun_call_record_get_transcript (record));

  json_builder_set_member_name (b, "recording");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "available");
  json_builder_add_boolean_value (b, govorun_call_record_get_has_recording (record));
  add_string (b, "url", recording_url);
  json_builder_end_object (b);
  return finish (b);
}

char *
govorun_webhook_payload_campaign_finished (const char *delivery_id,
                                           gint64      created_at,
                                           gint64      campaign_id,
                                           const char *name,
                                           guint       contacts,
                                           guint       reached,
                                           guint       failed)
{
  g_autoptr(JsonBuilder) b = begin (GOVORUN_WEBHOOK_SCHEMA_CAMPAIGN, "campaign.finished",
                                    delivery_id, created_at);

  json_builder_set_member_name (b, "campaign");
  json_builder_begin_object (b);
  add_int (b, "id", campaign_id);
  add_string (b, "name", name);
  add_int (b, "contacts", contacts);
  add_int (b, "reached", reached);
  add_int (b, "failed", failed);
  json_builder_end_object (b);
  return finish (b);
}

char *
govorun_webhook_payload_contact_result (const char *delivery_id,
                                        gint64      created_at,
                                        gint64      campaign_id,
                                        gint64      contact_id,
                                        const char *phone,
                                        const char *result,
                                        guint       attempts)
{
  g_autoptr(JsonBuilder) b = begin (GOVORUN_WEBHOOK_SCHEMA_CONTACT, "contact.result",
                                    delivery_id, created_at);

  json_builder_set_member_name (b, "campaign");
  json_builder_begin_object (b);
  add_int (b, "id", campaign_id);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "contact");
  json_builder_begin_object (b);
  add_int (b, "id", contact_id);
  add_string (b, "phone", phone);
  add_string (b, "result", result);
  add_int (b, "attempts", attempts);
  json_builder_end_object (b);
  return finish (b);
}

char *
govorun_webhook_payload_test (const char *delivery_id,
                              gint64      created_at)
{
  g_autoptr(JsonBuilder) b = begin (GOVORUN_WEBHOOK_SCHEMA_TEST, "test", delivery_id, created_at);

  add_string (b, "message", "A test delivery from Govorun: the receiver is reachable.");
  return finish (b);
}
