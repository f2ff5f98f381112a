/* govorun-vox-emu-calls.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include <stdio.h>

#include "govorun-emu-audio.h"
#include "govorun-voximplant-emulator-private.h"

/* GetCallHistory (reference §2, "GetCallHistory") over the account's
 * generated history, and the recordings its record_url points at. Dates
 * come and go in the selected time zone; "auto" is the account's location.
 * count ≤ 1000 and offset ≤ 10000 as documented; past them the answer is
 * 101 (the code Voximplant uses for a bad value; which one it really sends
 * for the offset cap is UNVERIFIED). */

#define MAX_COUNT        1000
#define MAX_OFFSET       10000
#define HISTORY_APP_ID   90001
#define HISTORY_APP_NAME "govorun-demo"

static GTimeZone *
call_get_timezone (Call        *call,
                   const char **name)
{
  const char *text = vox_emu_call_param (call, "timezone");
  GTimeZone *tz;

  /* UNVERIFIED default: the account's location, like "auto". */
  if (text == NULL || *text == '\0' || g_str_equal (text, "auto"))
    text = call->account->location;

  tz = g_time_zone_new_identifier (text);
  if (tz == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS,
                           "Invalid arguments: unknown timezone '%s'", text);
      return NULL;
    }

  *name = text;
  return tz;
}

/* "YYYY-MM-DD HH:mm:ss" in @tz; answers 111 when malformed. */
static gboolean
call_get_date (Call       *call,
               const char *name,
               GTimeZone  *tz,
               gint64     *out)
{
  const char *text = vox_emu_call_require (call, name);
  g_autoptr(GDateTime) datetime = NULL;
  int y, mo, d, h, mi, s;
  char tail;

  if (text == NULL)
    return FALSE;

  if (sscanf (text, "%4d-%2d-%2d %2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail) != 6 ||
      (datetime = g_date_time_new (tz, y, mo, d, h, mi, s)) == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_DATE_FORMAT,
                           "Invalid date format: '%s'", name);
      return FALSE;
    }

  *out = g_date_time_to_unix (datetime);
  return TRUE;
}

/* Pages hold up to a thousand sessions and a million-call sync reads a
 * thousand pages, so answers are written as text directly: building a
 * json-glib tree took most of the time. Each put_ appends a member and a
 * comma; close_member () turns the last comma into the closing bracket. */

static void
put_escaped (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
put_key (GString    *out,
         const char *key)
{
  g_string_append_c (out, '"');
  g_string_append (out, key);
  g_string_append (out, "\":");
}

static void
put_string (GString    *out,
            const char *key,
            const char *value)
{
  put_key (out, key);
  put_escaped (out, value);
  g_string_append_c (out, ',');
}

static void
put_take_string (GString    *out,
                 const char *key,
                 char       *value)
{
  put_string (out, key, value);
  g_free (value);
}

static void
put_int (GString    *out,
         const char *key,
         gint64      value)
{
  put_key (out, key);
  g_string_append_printf (out, "%" G_GINT64_FORMAT ",", value);
}

static void
put_double (GString    *out,
            const char *key,
            double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  put_key (out, key);
  g_string_append (out, g_ascii_dtostr (buf, sizeof buf, value));
  g_string_append_c (out, ',');
}

static void
put_bool (GString    *out,
          const char *key,
          gboolean    value)
{
  put_key (out, key);
  g_string_append (out, value ? "true," : "false,");
}

static void
put_local_time (GString    *out,
                const char *key,
                gint64      seconds,
                GTimeZone  *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  put_take_string (out, key, g_date_time_format (local, "%Y-%m-%d %H:%M:%S"));
}

static void
open_member (GString    *out,
             const char *key,
             char        bracket)
{
  if (key != NULL)
    put_key (out, key);
  g_string_append_c (out, bracket);
}

static void
close_member (GString *out,
              char     bracket)
{
  if (out->str[out->len - 1] == ',')
    out->str[out->len - 1] = bracket;
  else
    g_string_append_c (out, bracket);
  g_string_append_c (out, ',');
}

char *
vox_emu_record_url (GovorunVoximplantEmulator *self,
                    gint64                     account_id,
                    gint64                     record_id)
{
  return g_strdup_printf ("%s" VOX_EMU_RECORDS_PATH "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ".wav",
                          govorun_emulator_get_base_url (GOVORUN_EMULATOR (self)), account_id, record_id);
}

typedef struct
{
  gboolean with_calls;
  gboolean with_records;
  gboolean with_other_resources;
} Parts;

static void
put_session (GString                  *out,
             Call                     *call,
             const GovorunHistoryCall *hc,
             GTimeZone                *tz,
             const Parts              *parts)
{
  const char *base = govorun_emulator_get_base_url (GOVORUN_EMULATOR (call->self));
  gint64 account_id = call->account->account_id;
  gint64 answer = hc->start + hc->ring_secs;

  open_member (out, NULL, '{');
  put_int (out, "call_session_history_id", hc->session_id);
  put_int (out, "account_id", account_id);
  put_int (out, "application_id", HISTORY_APP_ID);
  put_take_string (out, "application_name",
                   g_strdup_printf ("%s.account%" G_GINT64_FORMAT ".voximplant.com", HISTORY_APP_NAME, account_id));
  put_int (out, "user_id", 0);
  put_string (out, "rule_name", hc->incoming ? "govorun-inbound" : "govorun-outbound");
  put_local_time (out, "start_date", hc->start, tz);
  put_int (out, "duration", hc->session_secs);
  put_string (out, "initiator_address", hc->incoming ? "" : "10.20.0.5");
  put_string (out, "media_server_address", "185.164.148.7");
  put_take_string (out, "log_file_url", g_strdup_printf ("%s/logs/%" G_GINT64_FORMAT ".log", base, hc->session_id));
  put_string (out, "finish_reason", hc->finish_reason);
  put_string (out, "audio_quality", "Standard");
  /* What the scenarios store (elevenlabs.js, storeConversationId). */
  if (hc->conversation_id[0] != '\0')
    put_take_string (out, "custom_data", g_strdup_printf ("{\"el_conv\":\"%s\"}", hc->conversation_id));

  if (parts->with_calls)
    {
      open_member (out, "calls", '[');
      open_member (out, NULL, '{');
      put_int (out, "call_id", hc->call_id);
      put_local_time (out, "start_time", hc->start, tz);
      put_int (out, "duration", hc->talk_secs);
      put_string (out, "local_number", hc->local_number);
      put_string (out, "remote_number", hc->remote_number);
      put_string (out, "remote_number_type", "pstn");
      put_bool (out, "incoming", hc->incoming);
      put_bool (out, "successful", hc->talk_secs > 0);
      put_int (out, "transaction_id", hc->call_id + G_GINT64_CONSTANT (1000000000));
      put_string (out, "media_server_address", "185.164.148.7");
      put_double (out, "cost", hc->call_cost);
      if (hc->record_id != 0)
        put_take_string (out, "record_url", vox_emu_record_url (call->self, account_id, hc->record_id));
      open_member (out, "end_reason", '{');
      put_int (out, "code", hc->end_code);
      put_string (out, "description", hc->end_description);
      close_member (out, '}');
      close_member (out, '}');
      close_member (out, ']');
    }

  if (parts->with_records)
    {
      open_member (out, "records", '[');
      if (hc->record_id != 0)
        {
          open_member (out, NULL, '{');
          put_int (out, "record_id", hc->record_id);
          put_take_string (out, "record_name", g_strdup_printf ("%" G_GINT64_FORMAT ".wav", hc->record_id));
          put_double (out, "cost", hc->record_cost);
          put_local_time (out, "start_time", answer, tz);
          put_int (out, "duration", hc->talk_secs);
          put_take_string (out, "record_url", vox_emu_record_url (call->self, account_id, hc->record_id));
          put_int (out, "transaction_id", hc->record_id + G_GINT64_CONSTANT (1000000000));
          /* 8 kHz 16-bit mono WAV: 16000 bytes a second and the header. */
          put_double (out, "file_size", 44.0 + 16000.0 * hc->talk_secs);
          put_string (out, "transcription_status", "Not required");
          close_member (out, '}');
        }
      close_member (out, ']');
    }

  if (parts->with_other_resources)
    {
      open_member (out, "other_resource_usage", '[');
      open_member (out, NULL, '{');
      put_int (out, "resource_usage_id", hc->session_id + G_GINT64_CONSTANT (7000000000));
      put_string (out, "resource_type", "CALLSESSION");
      put_double (out, "cost", 0.0);
      put_string (out, "description", "JS session");
      put_local_time (out, "used_at", hc->start, tz);
      put_int (out, "transaction_id", hc->session_id + G_GINT64_CONSTANT (8000000000));
      put_int (out, "resource_quantity", 1);
      put_string (out, "unit", "session");
      put_int (out, "ref_call_id", hc->call_id);
      close_member (out, '}');
      close_member (out, ']');
    }

  close_member (out, '}');
}

static gint
compare_asc (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint
compare_desc (gconstpointer a,
              gconstpointer b)
{
  return compare_asc (b, a);
}

/* Keeps the slots whose remote number is one of @numbers. */
static void
filter_numbers (GovorunCallHistory *history,
                GArray             *indexes,
                const char * const *numbers)
{
  guint kept = 0;

  for (guint i = 0; i < indexes->len; i++)
    {
      GovorunHistoryCall hc;
      gint64 index = g_array_index (indexes, gint64, i);

      if (govorun_call_history_get_call (history, index, 0, &hc) &&
          g_strv_contains (numbers, hc.remote_number))
        g_array_index (indexes, gint64, kept++) = index;
    }
  g_array_set_size (indexes, kept);
}

/* -- the call lists' attempts -- */

void
vox_emu_campaign_call_clear (VoxEmuCampaignCall *call)
{
  g_free (call->custom_data);
}

static const char *
row_string (JsonObject *row,
            const char *name)
{
  JsonNode *node = row != NULL ? json_object_get_member (row, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

void
vox_emu_record_campaign_call (GovorunVoximplantEmulator *self,
                              Account                   *account,
                              VoxEmuCallList            *list,
                              const char                *row_json,
                              const char                *task_uuid,
                              gint64                     start,
                              guint                      talk_secs,
                              gboolean                   answered)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *row = NULL;
  VoxEmuCampaignCall call = { 0 };
  Rule *rule = vox_emu_find_rule (account, vox_emu_call_list_get_rule_id (list));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (json_parser_load_from_data (parser, row_json, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    row = json_node_get_object (json_parser_get_root (parser));

  if (account->campaign_calls == NULL)
    {
      account->campaign_calls = g_array_new (FALSE, TRUE, sizeof (VoxEmuCampaignCall));
      g_array_set_clear_func (account->campaign_calls, (GDestroyNotify) vox_emu_campaign_call_clear);
    }
  /* Sessions far apart in the history's id range, so they never meet the
   * generated ones. */
  call.session_id = G_GINT64_CONSTANT (900000000000) + ++self->next_campaign_session;
  call.call_id = call.session_id + G_GINT64_CONSTANT (50000000000);
  call.application_id = rule != NULL ? rule->application_id : 0;
  /* The dialer's clock runs ahead of real time in the sandbox and in
   * tests; the history never shows calls from the future. */
  call.start = MIN (start, vox_emu_now (self));
  if (account->campaign_calls->len > 0)
    call.start = MAX (call.start, g_array_index (account->campaign_calls, VoxEmuCampaignCall,
                                                 account->campaign_calls->len - 1).start);
  call.talk_secs = talk_secs;
  call.answered = answered;
  g_strlcpy (call.remote_number, row_string (row, "phone_number") + (row_string (row, "phone_number")[0] == '+'),
             sizeof call.remote_number);
  g_strlcpy (call.local_number, row_string (row, "caller_id") + (row_string (row, "caller_id")[0] == '+'),
             sizeof call.local_number);
  /* What the outbound call-list scenario leaves (outbound-agent.js). */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "campaign_id");
  json_builder_add_string_value (builder, row_string (row, "campaign_id"));
  json_builder_set_member_name (builder, "contact_id");
  json_builder_add_string_value (builder, row_string (row, "contact_id"));
  json_builder_set_member_name (builder, "task_uuid");
  json_builder_add_string_value (builder, task_uuid);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  call.custom_data = json_to_string (root, FALSE);
  g_array_append_val (account->campaign_calls, call);
}

static void
put_campaign_session (GString                  *out,
                      Call                     *call,
                      const VoxEmuCampaignCall *cc,
                      GTimeZone                *tz,
                      const Parts              *parts)
{
  gint64 account_id = call->account->account_id;

  open_member (out, NULL, '{');
  put_int (out, "call_session_history_id", cc->session_id);
  put_int (out, "account_id", account_id);
  put_int (out, "application_id", cc->application_id);
  put_int (out, "user_id", 0);
  put_string (out, "rule_name", "govorun-call-list");
  put_local_time (out, "start_date", cc->start, tz);
  put_int (out, "duration", cc->talk_secs + 12);
  put_string (out, "finish_reason", "Normal termination");
  put_string (out, "audio_quality", "Standard");
  put_string (out, "custom_data", cc->custom_data);
  if (parts->with_calls)
    {
      open_member (out, "calls", '[');
      open_member (out, NULL, '{');
      put_int (out, "call_id", cc->call_id);
      put_local_time (out, "start_time", cc->start, tz);
      put_int (out, "duration", cc->talk_secs);
      put_string (out, "local_number", cc->local_number);
      put_string (out, "remote_number", cc->remote_number);
      put_string (out, "remote_number_type", "pstn");
      put_bool (out, "incoming", FALSE);
      put_bool (out, "successful", cc->answered);
      put_double (out, "cost", 0.05 * ((cc->talk_secs + 59) / 60));
      open_member (out, "end_reason", '{');
      put_int (out, "code", cc->answered ? 200 : 480);
      put_string (out, "description", cc->answered ? "Normal call clearing" : "Temporarily Unavailable");
      close_member (out, '}');
      close_member (out, '}');
      close_member (out, ']');
    }
  if (parts->with_records)
    {
      open_member (out, "records", '[');
      close_member (out, ']');
    }
  if (parts->with_other_resources)
    {
      open_member (out, "other_resource_usage", '[');
      close_member (out, ']');
    }
  close_member (out, '}');
}

/* The attempts in [@from, @to] of application @app_id_text (NULL: all). */
static GPtrArray *
campaign_calls_in (Account    *account,
                   gint64      from,
                   gint64      to,
                   const char *app_id_text,
                   GArray     *session_ids)
{
  GPtrArray *calls = g_ptr_array_new ();

  for (guint i = 0; account->campaign_calls != NULL && i < account->campaign_calls->len; i++)
    {
      VoxEmuCampaignCall *cc = &g_array_index (account->campaign_calls, VoxEmuCampaignCall, i);
      gboolean wanted = session_ids == NULL;
      gint64 app_id = 0;

      for (guint j = 0; session_ids != NULL && j < session_ids->len; j++)
        wanted |= g_array_index (session_ids, gint64, j) == cc->session_id;
      if (app_id_text != NULL && (!vox_emu_parse_single_id (app_id_text, &app_id) || app_id != cc->application_id))
        wanted = FALSE;
      if (wanted && cc->start >= from && cc->start <= to)
        g_ptr_array_add (calls, cc);
    }
  return calls;
}

void
vox_emu_method_get_call_history (Call *call)
{
  GovorunCallHistory *history = call->account->history;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) session_ids = NULL;
  g_auto(GStrv) remote_numbers = NULL;
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) out = NULL;
  const char *tz_name = NULL;
  const char *app_id_text;
  guint n_sessions = 0;
  gint64 from, to;
  guint offset, count, offset_base = 0;
  gboolean desc, with_total, all = FALSE;
  Parts parts;
  gint64 total;

  if ((tz = call_get_timezone (call, &tz_name)) == NULL ||
      !call_get_date (call, "from_date", tz, &from) ||
      !call_get_date (call, "to_date", tz, &to) ||
      !vox_emu_call_get_page (call, &offset, &count) ||
      !vox_emu_call_get_bool (call, "with_calls", FALSE, &parts.with_calls) ||
      !vox_emu_call_get_bool (call, "with_records", FALSE, &parts.with_records) ||
      !vox_emu_call_get_bool (call, "with_other_resources", FALSE, &parts.with_other_resources) ||
      !vox_emu_call_get_bool (call, "desc_order", FALSE, &desc) ||
      !vox_emu_call_get_bool (call, "with_total_count", TRUE, &with_total))
    return;

  if (vox_emu_call_param (call, "count") == NULL)
    count = MAX_COUNT;
  if (count > MAX_COUNT || offset > MAX_OFFSET)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS,
                           "Invalid arguments: count must not exceed %u and offset %u",
                           MAX_COUNT, MAX_OFFSET);
      return;
    }
  if (from > to)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_DATE_RANGE, "Invalid date range");
      return;
    }

  if (vox_emu_call_param (call, "call_session_history_id") != NULL &&
      (session_ids = vox_emu_call_get_ids (call, "call_session_history_id",
                                           GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, &all)) == NULL)
    return;

  if (vox_emu_call_param (call, "remote_number") != NULL &&
      (remote_numbers = vox_emu_call_get_list (call, "remote_number",
                                               GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS)) == NULL)
    return;

  app_id_text = vox_emu_call_param (call, "application_id");

  out = g_string_sized_new (4096);
  open_member (out, NULL, '{');
  open_member (out, "result", '[');

  /* Both dates are inclusive. */
  if (history != NULL &&
      (app_id_text == NULL || g_strcmp0 (app_id_text, G_STRINGIFY (HISTORY_APP_ID)) == 0))
    {
      gint64 lo = govorun_call_history_index_at (history, from);
      gint64 hi = govorun_call_history_index_at (history, to + 1);

      if (session_ids != NULL || remote_numbers != NULL)
        {
          /* Filters: the matching slots, then the page of them. A number
           * filter reads the whole window, as a database without an index
           * on it would. */
          if (session_ids != NULL)
            for (guint i = 0; i < session_ids->len; i++)
              {
                gint64 index = govorun_call_history_find_session (history, g_array_index (session_ids, gint64, i));

                if (index >= lo && index < hi)
                  g_array_append_val (indexes, index);
              }
          else
            for (gint64 index = lo; index < hi; index++)
              g_array_append_val (indexes, index);

          if (remote_numbers != NULL)
            filter_numbers (history, indexes, (const char * const *) remote_numbers);
          g_array_sort (indexes, desc ? compare_desc : compare_asc);
          total = indexes->len;
        }
      else
        {
          total = hi - lo;
          offset_base = offset;
          for (gint64 i = offset; i < total && i < (gint64) offset + count; i++)
            {
              gint64 index = desc ? hi - 1 - i : lo + i;

              g_array_append_val (indexes, index);
            }
          offset = 0;
        }

      for (guint i = offset; i < indexes->len && i - offset < count; i++)
        {
          GovorunHistoryCall hc;

          if (govorun_call_history_get_call (history, g_array_index (indexes, gint64, i), 0, &hc))
            {
              put_session (out, call, &hc, tz, &parts);
              n_sessions++;
            }
        }
    }
  else
    {
      total = 0;
    }

  /* The call lists' attempts follow the generated history (all of which
   * is older), continuing its positions. */
  if (remote_numbers == NULL)
    {
      g_autoptr(GPtrArray) extras = NULL;
      gint64 first = (gint64) offset + (session_ids == NULL ? offset_base : 0);

      vox_emu_run_call_lists (call->self, call->account, 0);
      extras = campaign_calls_in (call->account, from, to, app_id_text, session_ids);
      for (guint i = 0; i < extras->len; i++)
        {
          gint64 position = total + i;

          if (position >= first && position < first + count && n_sessions < count)
            {
              put_campaign_session (out, call, g_ptr_array_index (extras, i), tz, &parts);
              n_sessions++;
            }
        }
      total += extras->len;
    }

  close_member (out, ']');
  put_int (out, "count", n_sessions);
  if (with_total)
    put_int (out, "total_count", total);
  put_string (out, "timezone", tz_name);
  close_member (out, '}');
  g_string_truncate (out, out->len - 1);

  govorun_emulator_respond_json_string (call->msg, SOUP_STATUS_OK, out->str);
}

/* Whether the request may fetch @account's recordings: always, unless
 * they are in secure storage; then only with the account's own JWT. */
static gboolean
may_fetch (GovorunVoximplantEmulator *self,
           SoupServerMessage         *msg,
           GHashTable                *params,
           Account                   *account)
{
  Call call = { self, msg, params, NULL, AUTH_API_KEY };

  if (!account->secure_records)
    return TRUE;

  return vox_emu_authenticate (self, &call) == 0 && call.auth == AUTH_JWT && call.account == account;
}

/* GET <base>/records/<account_id>/<record_id>.wav */
void
vox_emu_serve_record (GovorunVoximplantEmulator *self,
                      SoupServerMessage         *msg,
                      const char                *path,
                      GHashTable                *params)
{
  g_autoptr(GBytes) audio = NULL;
  gint64 account_id = 0;
  gint64 record_id = 0;
  gboolean allowed = TRUE;
  Account *account;
  char tail;

  if (sscanf (path, VOX_EMU_RECORDS_PATH "%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ".wa%c",
              &account_id, &record_id, &tail) == 3 && tail == 'v')
    {
      g_mutex_lock (&self->lock);
      account = g_hash_table_lookup (self->accounts, &account_id);
      if (account != NULL && account->history != NULL)
        {
          GovorunHistoryCall hc;
          gint64 index = record_id - 1 - G_GINT64_CONSTANT (9000000000);

          allowed = may_fetch (self, msg, params, account);
          if (allowed && govorun_call_history_get_call (account->history, index, 0, &hc) &&
              hc.record_id == record_id)
            audio = govorun_call_history_render_audio (account->history, &hc);
        }
      g_mutex_unlock (&self->lock);
    }

  if (!allowed)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_UNAUTHORIZED, NULL);
      return;
    }
  if (audio == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  govorun_emu_respond_audio (msg, "audio/wav", audio);
}

void
govorun_voximplant_emulator_set_secure_records (GovorunVoximplantEmulator *self,
                                                gint64                     account_id,
                                                gboolean                   secure)
{
  Account *account;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    account->secure_records = secure;
  g_mutex_unlock (&self->lock);
}

void
govorun_voximplant_emulator_set_call_history (GovorunVoximplantEmulator *self,
                                              gint64                     account_id,
                                              GovorunCallHistory        *history)
{
  Account *account;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));
  g_return_if_fail (history == NULL || GOVORUN_IS_CALL_HISTORY (history));

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    g_set_object (&account->history, history);
  else
    g_warning ("No account %" G_GINT64_FORMAT " for a call history", account_id);
  g_mutex_unlock (&self->lock);
}
