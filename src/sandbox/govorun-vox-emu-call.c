/* govorun-vox-emu-call.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include <math.h>

#include "govorun-voximplant-emulator-private.h"

/* One request as the method handlers see it: reading and checking its
 * parameters (reference §1.2, §1.6) and answering it, with a result or
 * with an error in the API's envelope (§1.4, §1.5). */

/* The msg texts paraphrase the doc comments of the official error enum
 * (reference §1.5). */
static const struct
{
  int         code;
  const char *msg;
} error_messages[] = {
  { 100, "Authorization failed" },
  { 101, "Invalid arguments" },
  { 102, "Missing 'cmd' parameter" },
  { 103, "Unknown command" },
  { 104, "Forbidden command" },
  { 107, "Invalid application name" },
  { 108, "Application count limit exceeded" },
  { 109, "User count limit exceeded" },
  { 111, "Invalid date format" },
  { 115, "Invalid account_id" },
  { 116, "Invalid application_id" },
  { 117, "Invalid user_id" },
  { 121, "Invalid phone number" },
  { 123, "Invalid date range" },
  { 127, "Insufficient money" },
  { 129, "Application name is not unique" },
  { 130, "Script text is too long" },
  { 132, "Invalid scenario_id" },
  { 133, "Scenario name is not unique" },
  { 134, "Required parameter is empty" },
  { 147, "Invalid rule_id" },
  { 148, "Invalid rule_pattern" },
  { 149, "Invalid rule_pattern_exclude" },
  { 150, "Invalid call_session_history_id" },
  { 156, "Invalid rule_name" },
  { 168, "Invalid scenario_name" },
  { 175, "Rule name is not unique" },
  { 181, "Invalid phone_id" },
  { 182, "The phone number is occupied" },
  { 239, "Invalid country_code" },
  { 240, "Invalid phone_category_name" },
  { 241, "Invalid phone_region_id" },
  { 242, "Invalid country_state" },
  { 243, "Invalid phone_count" },
  { 247, "Invalid priority" },
  { 248, "Invalid max_simultaneous" },
  { 249, "Invalid num_attempts" },
  { 250, "Invalid CSV file" },
  { 253, "Invalid name" },
  { 255, "Invalid list_id" },
  { 261, "Invalid record_id" },
  { 331, "No phones in stock" },
  { 332, "Insufficient phones" },
  { 340, "Rate limit exceed" },
  { 341, "Record not found" },
  { 375, "No scenario is bound to the rule" },
  { 416, "Repeat after a few seconds" },
  { 433, "Invalid key id" },
  { 447, "Invalid token format" },
  { 454, "Token TTL exceeds the maximum" },
  { 455, "Token is issued in the future" },
  { 456, "Token is expired" },
  { 458, "Specify only one of the parameters" },
  { 484, "HTTP request rejected (probable automatic resend)" },
  { 485, "Specify the parameter" },
  { 496, "The parameter is invalid" },
};

static const char *
error_message_for_code (int code)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_messages); i++)
    if (error_messages[i].code == code)
      return error_messages[i].msg;

  return "Error";
}

gboolean
govorun_voximplant_emulator_parse_bool (const char *value,
                                        gboolean   *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (value == NULL)
    return FALSE;

  /* Node and Go send "true"/"false", Python "True"/"False"; 1/0 is
   * UNVERIFIED but harmless to accept. */
  if (g_ascii_strcasecmp (value, "true") == 0 || g_str_equal (value, "1"))
    {
      *out = TRUE;
      return TRUE;
    }
  if (g_ascii_strcasecmp (value, "false") == 0 || g_str_equal (value, "0"))
    {
      *out = FALSE;
      return TRUE;
    }

  return FALSE;
}

GStrv
govorun_voximplant_emulator_parse_list (const char *value)
{
  g_auto(GStrv) items = NULL;

  if (value == NULL || *value == '\0')
    return NULL;

  items = g_strsplit (value, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] == '\0')
        return NULL;
    }

  return g_steal_pointer (&items);
}

GArray *
govorun_voximplant_emulator_parse_id_list (const char *value,
                                           gboolean   *all)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GArray) ids = NULL;

  if (all != NULL)
    *all = FALSE;

  items = govorun_voximplant_emulator_parse_list (value);
  if (items == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (g_strv_length (items) == 1 && g_str_equal (items[0], "all"))
    {
      if (all == NULL)
        return NULL;
      *all = TRUE;
      return g_steal_pointer (&ids);
    }

  for (guint i = 0; items[i] != NULL; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (items[i], 10, 0, G_MAXINT64, &id, NULL))
        return NULL;
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

static gboolean
digits_at (const char *s,
           gsize       start,
           gsize       count)
{
  for (gsize i = start; i < start + count; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

GDateTime *
govorun_voximplant_emulator_parse_timestamp (const char *value)
{
  gsize len;
  int year, month, day, hour = 0, minute = 0, second = 0;

  if (value == NULL)
    return NULL;

  len = strlen (value);
  if (len != 10 && len != 19)
    return NULL;

  /* YYYY-MM-DD[ HH:mm:ss], checked character by character. */
  if (!digits_at (value, 0, 4) || value[4] != '-' || !digits_at (value, 5, 2)
      || value[7] != '-' || !digits_at (value, 8, 2))
    return NULL;

  year = atoi (value);
  month = atoi (value + 5);
  day = atoi (value + 8);

  if (len == 19)
    {
      if (value[10] != ' ' || !digits_at (value, 11, 2) || value[13] != ':'
          || !digits_at (value, 14, 2) || value[16] != ':' || !digits_at (value, 17, 2))
        return NULL;

      hour = atoi (value + 11);
      minute = atoi (value + 14);
      second = atoi (value + 17);
    }

  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return NULL;

  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

static void
add_error_object (JsonBuilder *builder,
                  int          code,
                  const char  *text)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "msg");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, code);
  json_builder_end_object (builder);
}

void
vox_emu_respond_error (GovorunVoximplantEmulator *self,
                       SoupServerMessage         *msg,
                       guint                      http_status,
                       int                        code,
                       const char                *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    text = error_message_for_code (code);

  /* Both keys: Python and Node read "error", Go also "errors" (§1.4). */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  add_error_object (builder, code, text);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  add_error_object (builder, code, text);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, http_status, node);
}

void
vox_emu_call_error (Call       *call,
                    int         code,
                    const char *text)
{
  g_debug ("Answering with error %d", code);
  vox_emu_respond_error (call->self, call->msg, call->self->error_http_status, code, text);
}

/* @builder holds an open object; this adds nothing and closes it. */
void
vox_emu_call_reply (Call        *call,
                    JsonBuilder *builder)
{
  g_autoptr(JsonNode) node = NULL;

  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  govorun_emulator_respond_json (call->msg, SOUP_STATUS_OK, node);
}

/* Reads an optional boolean parameter; answers 101 and returns FALSE when
 * it is malformed. */
gboolean
vox_emu_call_get_bool (Call       *call,
                       const char *name,
                       gboolean    default_value,
                       gboolean   *out)
{
  const char *value = g_hash_table_lookup (call->params, name);

  *out = default_value;
  if (value == NULL)
    return TRUE;

  if (!govorun_voximplant_emulator_parse_bool (value, out))
    {
      g_autofree char *text = g_strdup_printf ("Invalid arguments: '%s' must be true or false", name);

      vox_emu_call_error (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, text);
      return FALSE;
    }

  return TRUE;
}

gint64
vox_emu_now_seconds (Call *call)
{
  return vox_emu_now (call->self);
}

static char *
format_unix (gint64      seconds,
             const char *format)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (datetime, format);
}

/* json_object_set_string_member copies; this one takes @value. */
void
vox_emu_take_string (JsonObject *object,
                     const char *name,
                     char       *value)
{
  json_object_set_string_member (object, name, value);
  g_free (value);
}

void
vox_emu_set_timestamp (JsonObject *object,
                       const char *name,
                       gint64      seconds)
{
  vox_emu_take_string (object, name, format_unix (seconds, "%Y-%m-%d %H:%M:%S"));
}

void
vox_emu_set_date (JsonObject *object,
                  const char *name,
                  GDateTime  *datetime)
{
  vox_emu_take_string (object, name, g_date_time_format (datetime, "%Y-%m-%d"));
}

double
vox_emu_round_money (double value)
{
  return round (value * 100.0) / 100.0;
}

static void
call_reply_root (Call       *call,
                 JsonObject *root)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);

  govorun_emulator_respond_json (call->msg, SOUP_STATUS_OK, node);
}

/* {"result": 1} plus whatever @root (owned, may be NULL) already holds. */
void
vox_emu_call_reply_ok (Call       *call,
                       JsonObject *root)
{
  g_autoptr(JsonObject) object = root != NULL ? root : json_object_new ();

  json_object_set_int_member (object, "result", 1);
  call_reply_root (call, object);
}

void
vox_emu_call_errorf (Call       *call,
                     int         code,
                     const char *format,
                     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  vox_emu_call_error (call, code, text);
}

const char *
vox_emu_call_param (Call       *call,
                    const char *name)
{
  return g_hash_table_lookup (call->params, name);
}

/* A required parameter: 485 when absent, 134 when empty (the msg names it). */
const char *
vox_emu_call_require (Call       *call,
                      const char *name)
{
  const char *value = vox_emu_call_param (call, name);

  if (value == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SPECIFY_PARAMETER, "Specify the '%s' parameter", name);
      return NULL;
    }
  if (*value == '\0')
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_REQUIRED_PARAM_EMPTY,
                           "Required parameter is empty: '%s'", name);
      return NULL;
    }

  return value;
}

/* "a|b" parameters (exactly one of, §2): 458 when both are given, 485
 * when neither is and one is required. */
Choice
vox_emu_call_choose (Call       *call,
                     const char *first,
                     const char *second,
                     gboolean    required)
{
  gboolean has_first = vox_emu_call_param (call, first) != NULL;
  gboolean has_second = vox_emu_call_param (call, second) != NULL;

  if (has_first && has_second)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_ONLY_ONE_OF,
                           "Specify only one of the parameters: '%s', '%s'", first, second);
      return CHOICE_FAILED;
    }
  if (has_first)
    return vox_emu_call_require (call, first) != NULL ? CHOICE_FIRST : CHOICE_FAILED;
  if (has_second)
    return vox_emu_call_require (call, second) != NULL ? CHOICE_SECOND : CHOICE_FAILED;
  if (required)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SPECIFY_PARAMETER,
                           "Specify the '%s' or the '%s' parameter", first, second);
      return CHOICE_FAILED;
    }

  return CHOICE_NONE;
}

/* An optional tri-state boolean filter: -1 when absent. */
gboolean
vox_emu_call_get_filter_bool (Call       *call,
                              const char *name,
                              int        *out)
{
  gboolean value;

  *out = -1;
  if (vox_emu_call_param (call, name) == NULL)
    return TRUE;
  if (!vox_emu_call_get_bool (call, name, FALSE, &value))
    return FALSE;

  *out = value ? 1 : 0;
  return TRUE;
}

/* count/offset (§1.6); 101 naming the parameter when malformed. */
gboolean
vox_emu_call_get_page (Call  *call,
                       guint *offset,
                       guint *count)
{
  const char *names[] = { "count", "offset" };
  guint64 values[2] = { call->self->default_list_count, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *text = vox_emu_call_param (call, names[i]);

      if (text != NULL
          && !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &values[i], NULL))
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS,
                               "Invalid arguments: '%s' must be a non-negative integer", names[i]);
          return FALSE;
        }
    }

  *count = values[0];
  *offset = values[1];
  return TRUE;
}

/* Answers a list method: @items (JsonObject*) sliced by count/offset, with
 * "count" and "total_count"; @root (owned, may be NULL) carries extra
 * top-level members. */
void
vox_emu_call_reply_list (Call       *call,
                         GPtrArray  *items,
                         guint       offset,
                         guint       count,
                         JsonObject *root)
{
  g_autoptr(JsonObject) object = root != NULL ? root : json_object_new ();
  JsonArray *array = json_array_new ();

  for (guint i = offset; i < items->len && i - offset < count; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (items, i)));

  json_object_set_int_member (object, "count", json_array_get_length (array));
  json_object_set_int_member (object, "total_count", items->len);
  json_object_set_array_member (object, "result", array);
  call_reply_root (call, object);
}

/* A ";" id list (optionally "all"); answers @code naming @name when it is
 * malformed. */
GArray *
vox_emu_call_get_ids (Call       *call,
                      const char *name,
                      int         code,
                      gboolean   *all)
{
  const char *text = vox_emu_call_param (call, name);
  GArray *ids = govorun_voximplant_emulator_parse_id_list (text, all);

  if (ids == NULL)
    vox_emu_call_errorf (call, code, "%s: '%s'", error_message_for_code (code), name);

  return ids;
}

GStrv
vox_emu_call_get_list (Call       *call,
                       const char *name,
                       int         code)
{
  GStrv items = govorun_voximplant_emulator_parse_list (vox_emu_call_param (call, name));

  if (items == NULL)
    vox_emu_call_errorf (call, code, "%s: '%s'", error_message_for_code (code), name);

  return items;
}

gboolean
vox_emu_parse_single_id (const char *text,
                         gint64     *out)
{
  return text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out, NULL);
}
