/* govorun-vox-emu-calls.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "govorun-emu-audio.h"
#include "govorun-format.h"
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
 * json-glib tree took most of the time, and so did printf and GDateTime
 * at a few microseconds a session. Each put_ appends a member and a comma;
 * close_member () turns the last comma into the closing bracket. The text
 * is byte for byte what g_string_append_printf, g_ascii_dtostr and
 * g_date_time_format wrote before (tests/sandbox/test-call-history.c
 * keeps a digest of it). */

typedef struct
{
  guint64 bits;
  guint8  len;     /* 0: empty */
  char    text[G_ASCII_DTOSTR_BUF_SIZE];
} DoubleText;

typedef struct
{
  GString    *out;
  GTimeZone  *tz;
  const char *base;           /* the emulator's base URL */
  /* Instants known to have zone_offset: [zone_lo, zone_hi]; empty when
   * zone_lo > zone_hi. */
  gint64      zone_lo;
  gint64      zone_hi;
  gint32      zone_offset;
  DoubleText  doubles[16];    /* g_ascii_dtostr's text of recent values */
} Writer;

static void
writer_init (Writer     *w,
             GString    *out,
             GTimeZone  *tz,
             const char *base)
{
  memset (w, 0, sizeof *w);
  w->out = out;
  w->tz = tz;
  w->base = base;
  w->zone_lo = 1;
  w->zone_hi = 0;
}

static void
grow (GString *out,
      gsize    extra)
{
  gsize len = out->len;

  g_string_set_size (out, len + extra);
  g_string_truncate (out, len);
}

static inline void
put_len (Writer     *w,
         const char *text,
         gsize       len)
{
  GString *out = w->out;

  if (G_UNLIKELY (out->len + len >= out->allocated_len))
    grow (out, len);
  memcpy (out->str + out->len, text, len);
  out->len += len;
  out->str[out->len] = '\0';
}

static inline void
put_c (Writer *w,
       char    c)
{
  put_len (w, &c, 1);
}

/* A string literal. */
#define put_lit(w, text) put_len ((w), "" text, sizeof (text) - 1)

/* As "%" G_GINT64_FORMAT. */
static inline void
put_raw_int (Writer *w,
             gint64  value)
{
  char buffer[24];
  char *end = buffer + sizeof buffer;
  char *p = end;
  guint64 u = value < 0 ? 0 - (guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u != 0);
  if (value < 0)
    *--p = '-';
  put_len (w, p, end - p);
}

/* @text's characters as a JSON string holds them, without the quotes:
 * '"' and '\\' escaped, control characters as \u00XX. */
static void
put_escaped_part (Writer     *w,
                  const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\'))
        continue;
      put_len (w, run, p - run);
      if (c < 0x20)
        {
          char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

          put_len (w, escape, sizeof escape);
        }
      else
        {
          char escape[2] = { '\\', (char) c };

          put_len (w, escape, sizeof escape);
        }
      run = p + 1;
    }
  put_len (w, run, p - run);
}

static inline void
put_key (Writer     *w,
         const char *key)
{
  put_c (w, '"');
  put_len (w, key, strlen (key));
  put_lit (w, "\":");
}

static void
put_string (Writer     *w,
            const char *key,
            const char *value)
{
  put_key (w, key);
  put_c (w, '"');
  put_escaped_part (w, value);
  put_lit (w, "\",");
}

static inline void
put_int (Writer     *w,
         const char *key,
         gint64      value)
{
  put_key (w, key);
  put_raw_int (w, value);
  put_c (w, ',');
}

/* As g_ascii_dtostr: "%.17g". Zero and whole numbers below 10^15 print
 * as their digits in that format; other values are few on a page (costs
 * per started minute), so their text is remembered. */
static void
put_double (Writer     *w,
            const char *key,
            double      value)
{
  put_key (w, key);
  if (value == 0 && !signbit (value))
    put_c (w, '0');
  else if (value >= 1 && value < 1e15 && value == (double) (gint64) value)
    put_raw_int (w, (gint64) value);
  else
    {
      guint64 bits;
      DoubleText *slot;

      memcpy (&bits, &value, sizeof bits);
      slot = &w->doubles[(bits ^ (bits >> 29) ^ (bits >> 47)) % G_N_ELEMENTS (w->doubles)];
      if (slot->len == 0 || slot->bits != bits)
        {
          g_ascii_dtostr (slot->text, sizeof slot->text, value);
          slot->len = (guint8) strlen (slot->text);
          slot->bits = bits;
        }
      put_len (w, slot->text, slot->len);
    }
  put_c (w, ',');
}

static void
put_bool (Writer     *w,
          const char *key,
          gboolean    value)
{
  put_key (w, key);
  if (value)
    put_lit (w, "true,");
  else
    put_lit (w, "false,");
}

/* How far from @t toward @t + @span (at most there) instants are known to
 * be in @interval: a zone's intervals are consecutive spans of time, so
 * two instants in one interval have every instant between them in it. */
static gint64
zone_reach (GTimeZone *tz,
            int        interval,
            gint64     t,
            gint64     span)
{
  gint64 in = t;
  gint64 out = t + span;

  if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, out) == interval)
    return out;
  while (out - in > 1 || in - out > 1)
    {
      gint64 middle = in + (out - in) / 2;

      if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, middle) == interval)
        in = middle;
      else
        out = middle;
    }
  return in;
}

/* The offset g_date_time_to_timezone () gives @t in the writer's zone,
 * looked up once for a day of instants around it. */
static gint32
zone_offset (Writer *w,
             gint64  t)
{
  if (t < w->zone_lo || t > w->zone_hi)
    {
      int interval = g_time_zone_find_interval (w->tz, G_TIME_TYPE_UNIVERSAL, t);

      w->zone_offset = g_time_zone_get_offset (w->tz, interval);
      w->zone_lo = zone_reach (w->tz, interval, t, -86400);
      w->zone_hi = zone_reach (w->tz, interval, t, 86400);
    }
  return w->zone_offset;
}

/* "%Y-%m-%d %H:%M:%S" of @seconds in the writer's zone. */
static void
put_local_time (Writer     *w,
                const char *key,
                gint64      seconds)
{
  gint64 local = seconds + zone_offset (w, seconds);
  char text[20];

  /* Years 1000 to 9999 (%Y has no padding: GDateTime writes the others). */
  if (G_UNLIKELY (local < G_GINT64_CONSTANT (-30610224000) || local >= G_GINT64_CONSTANT (253402300800)))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
      g_autoptr(GDateTime) in_zone = g_date_time_to_timezone (utc, w->tz);
      g_autofree char *formatted = g_date_time_format (in_zone, "%Y-%m-%d %H:%M:%S");

      put_string (w, key, formatted);
      return;
    }

  govorun_format_wall_clock (local, text);
  put_key (w, key);
  put_c (w, '"');
  put_len (w, text, 19);
  put_lit (w, "\",");
}

/* "<base>/records/<account>/<record>.wav", as vox_emu_record_url (). */
static void
put_record_url (Writer     *w,
                gint64      account_id,
                gint64      record_id)
{
  put_key (w, "record_url");
  put_c (w, '"');
  put_escaped_part (w, w->base);
  put_lit (w, VOX_EMU_RECORDS_PATH);
  put_raw_int (w, account_id);
  put_c (w, '/');
  put_raw_int (w, record_id);
  put_lit (w, ".wav\",");
}

static void
open_member (Writer     *w,
             const char *key,
             char        bracket)
{
  if (key != NULL)
    put_key (w, key);
  put_c (w, bracket);
}

static void
close_member (Writer *w,
              char    bracket)
{
  GString *out = w->out;

  if (out->str[out->len - 1] == ',')
    out->str[out->len - 1] = bracket;
  else
    put_c (w, bracket);
  put_c (w, ',');
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

/* "calls":[{ and the members a session's call always has. */
static void
put_call_start (Writer     *w,
                gint64      call_id,
                gint64      start,
                guint       talk_secs,
                const char *local_number,
                const char *remote_number,
                gboolean    incoming,
                gboolean    successful)
{
  open_member (w, "calls", '[');
  open_member (w, NULL, '{');
  put_int (w, "call_id", call_id);
  put_local_time (w, "start_time", start);
  put_int (w, "duration", talk_secs);
  put_string (w, "local_number", local_number);
  put_string (w, "remote_number", remote_number);
  put_string (w, "remote_number_type", "pstn");
  put_bool (w, "incoming", incoming);
  put_bool (w, "successful", successful);
}

static void
put_session (Writer                   *w,
             Call                     *call,
             const GovorunHistoryCall *hc,
             const Parts              *parts)
{
  gint64 account_id = call->account->account_id;
  gint64 answer = hc->start + hc->ring_secs;

  open_member (w, NULL, '{');
  put_int (w, "call_session_history_id", hc->session_id);
  put_int (w, "account_id", account_id);
  put_int (w, "application_id", HISTORY_APP_ID);
  put_key (w, "application_name");
  put_lit (w, "\"" HISTORY_APP_NAME ".account");
  put_raw_int (w, account_id);
  put_lit (w, ".voximplant.com\",");
  put_int (w, "user_id", 0);
  put_string (w, "rule_name", hc->incoming ? "govorun-inbound" : "govorun-outbound");
  put_local_time (w, "start_date", hc->start);
  put_int (w, "duration", hc->session_secs);
  put_string (w, "initiator_address", hc->incoming ? "" : "10.20.0.5");
  put_string (w, "media_server_address", "185.164.148.7");
  put_key (w, "log_file_url");
  put_c (w, '"');
  put_escaped_part (w, w->base);
  put_lit (w, "/logs/");
  put_raw_int (w, hc->session_id);
  put_lit (w, ".log\",");
  put_string (w, "finish_reason", hc->finish_reason);
  put_string (w, "audio_quality", "Standard");
  /* What the scenarios store (elevenlabs.js, storeConversationId). */
  if (hc->conversation_id[0] != '\0')
    {
      put_key (w, "custom_data");
      put_lit (w, "\"{\\\"el_conv\\\":\\\"");
      put_escaped_part (w, hc->conversation_id);
      put_lit (w, "\\\"}\",");
    }

  if (parts->with_calls)
    {
      put_call_start (w, hc->call_id, hc->start, hc->talk_secs, hc->local_number, hc->remote_number,
                      hc->incoming, hc->talk_secs > 0);
      put_int (w, "transaction_id", hc->call_id + G_GINT64_CONSTANT (1000000000));
      put_string (w, "media_server_address", "185.164.148.7");
      put_double (w, "cost", hc->call_cost);
      if (hc->record_id != 0)
        put_record_url (w, account_id, hc->record_id);
      open_member (w, "end_reason", '{');
      put_int (w, "code", hc->end_code);
      put_string (w, "description", hc->end_description);
      close_member (w, '}');
      close_member (w, '}');
      close_member (w, ']');
    }

  if (parts->with_records)
    {
      open_member (w, "records", '[');
      if (hc->record_id != 0)
        {
          open_member (w, NULL, '{');
          put_int (w, "record_id", hc->record_id);
          put_key (w, "record_name");
          put_c (w, '"');
          put_raw_int (w, hc->record_id);
          put_lit (w, ".wav\",");
          put_double (w, "cost", hc->record_cost);
          put_local_time (w, "start_time", answer);
          put_int (w, "duration", hc->talk_secs);
          put_record_url (w, account_id, hc->record_id);
          put_int (w, "transaction_id", hc->record_id + G_GINT64_CONSTANT (1000000000));
          /* 8 kHz 16-bit mono WAV: 16000 bytes a second and the header. */
          put_double (w, "file_size", 44.0 + 16000.0 * hc->talk_secs);
          put_string (w, "transcription_status", "Not required");
          close_member (w, '}');
        }
      close_member (w, ']');
    }

  if (parts->with_other_resources)
    {
      open_member (w, "other_resource_usage", '[');
      open_member (w, NULL, '{');
      put_int (w, "resource_usage_id", hc->session_id + G_GINT64_CONSTANT (7000000000));
      put_string (w, "resource_type", "CALLSESSION");
      put_double (w, "cost", 0.0);
      put_string (w, "description", "JS session");
      put_local_time (w, "used_at", hc->start);
      put_int (w, "transaction_id", hc->session_id + G_GINT64_CONSTANT (8000000000));
      put_int (w, "resource_quantity", 1);
      put_string (w, "unit", "session");
      put_int (w, "ref_call_id", hc->call_id);
      close_member (w, '}');
      close_member (w, ']');
    }

  close_member (w, '}');
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
put_campaign_session (Writer                   *w,
                      Call                     *call,
                      const VoxEmuCampaignCall *cc,
                      const Parts              *parts)
{
  gint64 account_id = call->account->account_id;

  open_member (w, NULL, '{');
  put_int (w, "call_session_history_id", cc->session_id);
  put_int (w, "account_id", account_id);
  put_int (w, "application_id", cc->application_id);
  put_int (w, "user_id", 0);
  put_string (w, "rule_name", "govorun-call-list");
  put_local_time (w, "start_date", cc->start);
  put_int (w, "duration", cc->talk_secs + 12);
  put_string (w, "finish_reason", "Normal termination");
  put_string (w, "audio_quality", "Standard");
  put_string (w, "custom_data", cc->custom_data);
  if (parts->with_calls)
    {
      put_call_start (w, cc->call_id, cc->start, cc->talk_secs, cc->local_number, cc->remote_number,
                      FALSE, cc->answered);
      put_double (w, "cost", 0.05 * ((cc->talk_secs + 59) / 60));
      open_member (w, "end_reason", '{');
      put_int (w, "code", cc->answered ? 200 : 480);
      put_string (w, "description", cc->answered ? "Normal call clearing" : "Temporarily Unavailable");
      close_member (w, '}');
      close_member (w, '}');
      close_member (w, ']');
    }
  if (parts->with_records)
    {
      open_member (w, "records", '[');
      close_member (w, ']');
    }
  if (parts->with_other_resources)
    {
      open_member (w, "other_resource_usage", '[');
      close_member (w, ']');
    }
  close_member (w, '}');
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
  GString *out = NULL;
  Writer w;
  const char *tz_name = NULL;
  const char *app_id_text;
  guint n_sessions = 0;
  gint64 from, to;
  guint offset, count, offset_base = 0, first_offset;
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
  first_offset = offset;

  /* Some 1.3 kB a session with all its parts. */
  out = g_string_sized_new (4096 + (gsize) MIN (count, MAX_COUNT) * 1536);
  writer_init (&w, out, tz, govorun_emulator_get_base_url (GOVORUN_EMULATOR (call->self)));
  open_member (&w, NULL, '{');
  open_member (&w, "result", '[');

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
              put_session (&w, call, &hc, &parts);
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
              put_campaign_session (&w, call, g_ptr_array_index (extras, i), &parts);
              n_sessions++;
            }
        }
      total += extras->len;
    }

  /* Sessions StartScenarios started, newest, on the first page only (they
   * are few: a test call now and then). */
  for (guint i = 0; i < call->account->runs->len; i++)
    {
      VoxRun *run = g_ptr_array_index (call->account->runs, i);
      GovorunHistoryCall rc;
      gboolean wanted = session_ids == NULL && first_offset == 0;

      if (session_ids != NULL)
        for (guint j = 0; j < session_ids->len; j++)
          wanted = wanted || g_array_index (session_ids, gint64, j) == run->session_id;
      if (!wanted || run->start < from || run->start > to ||
          (remote_numbers != NULL && !g_strv_contains ((const char * const *) remote_numbers,
                                                       run->remote_number != NULL ? run->remote_number : "")))
        continue;
      vox_emu_run_to_history (call->self, run, &rc);
      put_session (&w, call, &rc, &parts);
      n_sessions++;
      total++;
    }

  close_member (&w, ']');
  put_int (&w, "count", n_sessions);
  if (with_total)
    put_int (&w, "total_count", total);
  put_string (&w, "timezone", tz_name);
  close_member (&w, '}');
  g_string_truncate (out, out->len - 1);

  govorun_emulator_respond_json_take (call->msg, SOUP_STATUS_OK, out);
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
