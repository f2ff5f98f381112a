/* govorun-voximplant-calls.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <yajl/yajl_tree.h>

#include "govorun-json.h"
#include "govorun-voximplant-call-history-reader-private.h"
#include "govorun-voximplant-client-private.h"

/* GetCallHistory: reference §2. Ids, times and the session's shape are
 * REQUIRED (a sync keys on them); costs, durations and flags that sums
 * and filters use are CHECKED; what is only shown is LENIENT. */

#define REQUIRED GOVORUN_VOXIMPLANT_FIELD_REQUIRED
#define CHECKED  GOVORUN_VOXIMPLANT_FIELD_CHECKED
#define LENIENT  GOVORUN_VOXIMPLANT_FIELD_LENIENT

#define DEFAULT_TIMEZONE "Etc/GMT"

/* ---- Custom data ---- */

/* Our scenarios write a flat object; anything deeper is no value of ours. */
#define CUSTOM_DATA_MAX_DEPTH 16

void
govorun_voximplant_call_session_get_custom_strings (const GovorunVoximplantCallSession *session,
                                                    const char * const                 *keys,
                                                    char                              **out_values)
{
  yajl_val root;

  g_return_if_fail (session != NULL && keys != NULL && out_values != NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    out_values[i] = NULL;

  /* Anyone may set custom data: anything but our object is no value. It
   * is read with yajl's tree (a few allocations), not json-glib's (a
   * parser object and a node per value): the sync reads it for every
   * session. Its size is bounded by the page's, its nesting here: yajl's
   * tree is freed by recursion. */
  if (session->custom_data == NULL || session->custom_data[0] != '{' ||
      !govorun_json_check (session->custom_data, strlen (session->custom_data),
                           GOVORUN_JSON_ANSWER_MAX_SIZE, CUSTOM_DATA_MAX_DEPTH, NULL) ||
      (root = yajl_tree_parse (session->custom_data, NULL, 0)) == NULL)
    return;
  if (YAJL_IS_OBJECT (root))
    for (size_t m = 0; m < root->u.object.len; m++)
      for (guint i = 0; keys[i] != NULL; i++)
        {
          yajl_val value = root->u.object.values[m];

          /* A repeated member: the last one counts, as json-glib has it. */
          if (strcmp (root->u.object.keys[m], keys[i]) != 0)
            continue;
          g_clear_pointer (&out_values[i], g_free);
          if (YAJL_IS_STRING (value))
            out_values[i] = g_strdup (YAJL_GET_STRING (value));
        }
  yajl_tree_free (root);
}

char *
govorun_voximplant_call_session_get_custom_string (const GovorunVoximplantCallSession *session,
                                                   const char                         *key)
{
  const char *keys[] = { key, NULL };
  char *value = NULL;

  g_return_val_if_fail (session != NULL && key != NULL, NULL);

  govorun_voximplant_call_session_get_custom_strings (session, keys, &value);
  return value;
}

/* ---- Boxed types ---- */

static GDateTime *
ref_date (GDateTime *date)
{
  return date != NULL ? g_date_time_ref (date) : NULL;
}

static GPtrArray *
copy_array (GPtrArray      *array,
            GBoxedCopyFunc  copy,
            GDestroyNotify  free_func)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (free_func);

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_ptr_array_add (out, copy (g_ptr_array_index (array, i)));

  return out;
}

GovorunVoximplantCall *
govorun_voximplant_call_copy (const GovorunVoximplantCall *call)
{
  GovorunVoximplantCall *copy;

  g_return_val_if_fail (call != NULL, NULL);

  copy = g_memdup2 (call, sizeof *call);
  copy->start_time = ref_date (call->start_time);
  copy->local_number = g_strdup (call->local_number);
  copy->remote_number = g_strdup (call->remote_number);
  copy->remote_number_type = g_strdup (call->remote_number_type);
  copy->record_url = g_strdup (call->record_url);
  copy->custom_data = g_strdup (call->custom_data);
  copy->end_reason = g_strdup (call->end_reason);

  return copy;
}

void
govorun_voximplant_call_free (GovorunVoximplantCall *call)
{
  if (call == NULL)
    return;

  g_clear_pointer (&call->start_time, g_date_time_unref);
  g_free (call->local_number);
  g_free (call->remote_number);
  g_free (call->remote_number_type);
  g_free (call->record_url);
  g_free (call->custom_data);
  g_free (call->end_reason);
  g_free (call);
}

GovorunVoximplantRecord *
govorun_voximplant_record_copy (const GovorunVoximplantRecord *record)
{
  GovorunVoximplantRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, sizeof *record);
  copy->record_name = g_strdup (record->record_name);
  copy->start_time = ref_date (record->start_time);
  copy->record_url = g_strdup (record->record_url);
  copy->transcription_url = g_strdup (record->transcription_url);
  copy->transcription_status = g_strdup (record->transcription_status);

  return copy;
}

void
govorun_voximplant_record_free (GovorunVoximplantRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->record_name);
  g_clear_pointer (&record->start_time, g_date_time_unref);
  g_free (record->record_url);
  g_free (record->transcription_url);
  g_free (record->transcription_status);
  g_free (record);
}

GovorunVoximplantResourceUsage *
govorun_voximplant_resource_usage_copy (const GovorunVoximplantResourceUsage *usage)
{
  GovorunVoximplantResourceUsage *copy;

  g_return_val_if_fail (usage != NULL, NULL);

  copy = g_memdup2 (usage, sizeof *usage);
  copy->resource_type = g_strdup (usage->resource_type);
  copy->description = g_strdup (usage->description);
  copy->used_at = ref_date (usage->used_at);
  copy->unit = g_strdup (usage->unit);

  return copy;
}

void
govorun_voximplant_resource_usage_free (GovorunVoximplantResourceUsage *usage)
{
  if (usage == NULL)
    return;

  g_free (usage->resource_type);
  g_free (usage->description);
  g_clear_pointer (&usage->used_at, g_date_time_unref);
  g_free (usage->unit);
  g_free (usage);
}

GovorunVoximplantCallSession *
govorun_voximplant_call_session_copy (const GovorunVoximplantCallSession *session)
{
  GovorunVoximplantCallSession *copy;

  g_return_val_if_fail (session != NULL, NULL);

  copy = g_memdup2 (session, sizeof *session);
  copy->application_name = g_strdup (session->application_name);
  copy->rule_name = g_strdup (session->rule_name);
  copy->start_date = ref_date (session->start_date);
  copy->initiator_address = g_strdup (session->initiator_address);
  copy->media_server_address = g_strdup (session->media_server_address);
  copy->log_file_url = g_strdup (session->log_file_url);
  copy->finish_reason = g_strdup (session->finish_reason);
  copy->audio_quality = g_strdup (session->audio_quality);
  copy->custom_data = g_strdup (session->custom_data);
  copy->calls = copy_array (session->calls, (GBoxedCopyFunc) govorun_voximplant_call_copy,
                            (GDestroyNotify) govorun_voximplant_call_free);
  copy->records = copy_array (session->records, (GBoxedCopyFunc) govorun_voximplant_record_copy,
                              (GDestroyNotify) govorun_voximplant_record_free);
  copy->other_resource_usage = copy_array (session->other_resource_usage,
                                           (GBoxedCopyFunc) govorun_voximplant_resource_usage_copy,
                                           (GDestroyNotify) govorun_voximplant_resource_usage_free);

  return copy;
}

void
govorun_voximplant_call_session_free (GovorunVoximplantCallSession *session)
{
  if (session == NULL)
    return;

  g_free (session->application_name);
  g_free (session->rule_name);
  g_clear_pointer (&session->start_date, g_date_time_unref);
  g_free (session->initiator_address);
  g_free (session->media_server_address);
  g_free (session->log_file_url);
  g_free (session->finish_reason);
  g_free (session->audio_quality);
  g_free (session->custom_data);
  g_clear_pointer (&session->calls, g_ptr_array_unref);
  g_clear_pointer (&session->records, g_ptr_array_unref);
  g_clear_pointer (&session->other_resource_usage, g_ptr_array_unref);
  g_free (session);
}

GovorunVoximplantCallHistoryPage *
govorun_voximplant_call_history_page_copy (const GovorunVoximplantCallHistoryPage *page)
{
  GovorunVoximplantCallHistoryPage *copy;

  g_return_val_if_fail (page != NULL, NULL);

  copy = g_new0 (GovorunVoximplantCallHistoryPage, 1);
  copy->sessions = copy_array (page->sessions, (GBoxedCopyFunc) govorun_voximplant_call_session_copy,
                               (GDestroyNotify) govorun_voximplant_call_session_free);
  copy->total_count = page->total_count;
  copy->timezone = g_strdup (page->timezone);

  return copy;
}

void
govorun_voximplant_call_history_page_free (GovorunVoximplantCallHistoryPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->sessions, g_ptr_array_unref);
  g_free (page->timezone);
  g_free (page);
}

G_DEFINE_BOXED_TYPE (GovorunVoximplantCall, govorun_voximplant_call,
                     govorun_voximplant_call_copy, govorun_voximplant_call_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantRecord, govorun_voximplant_record,
                     govorun_voximplant_record_copy, govorun_voximplant_record_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantResourceUsage, govorun_voximplant_resource_usage,
                     govorun_voximplant_resource_usage_copy, govorun_voximplant_resource_usage_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantCallSession, govorun_voximplant_call_session,
                     govorun_voximplant_call_session_copy, govorun_voximplant_call_session_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantCallHistoryPage, govorun_voximplant_call_history_page,
                     govorun_voximplant_call_history_page_copy, govorun_voximplant_call_history_page_free)

/* ---- Parsers ---- */

/* A "YYYY-MM-DD HH:mm:ss" field in @tz. */
static gboolean
read_local_time (JsonObject              *object,
                 const char              *field,
                 GovorunVoximplantField   mode,
                 GTimeZone               *tz,
                 GDateTime              **out,
                 GError                 **error)
{
  g_autofree char *text = NULL;
  int y, mo, d, h, mi, s;
  char tail;
  GDateTime *date;

  if (!govorun_voximplant_read_string (object, field, mode == LENIENT ? LENIENT : CHECKED, &text, error))
    return FALSE;

  if (text == NULL)
    {
      if (mode == REQUIRED)
        {
          g_propagate_error (error, govorun_voximplant_error_new_missing_field (field));
          return FALSE;
        }
      return TRUE;
    }

  if (sscanf (text, "%4d-%2d-%2d %2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail) != 6 ||
      (date = g_date_time_new (tz, y, mo, d, h, mi, s)) == NULL)
    {
      if (mode == LENIENT)
        return TRUE;
      g_propagate_error (error, govorun_voximplant_error_new_mistyped_field (field));
      return FALSE;
    }

  g_clear_pointer (out, g_date_time_unref);
  *out = date;
  return TRUE;
}

/* end_reason is typed "any": {"code", "description"} as seen, or a bare
 * string; anything else is ignored (it is shown only). */
static void
read_end_reason (JsonObject            *object,
                 GovorunVoximplantCall *call)
{
  JsonNode *node = json_object_get_member (object, "end_reason");

  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *reason = json_node_get_object (node);
      gint64 code = 0;

      if (govorun_voximplant_read_int (reason, "code", LENIENT, &code, NULL))
        call->end_reason_code = (int) CLAMP (code, G_MININT, G_MAXINT);
      govorun_voximplant_read_string (reason, "description", LENIENT, &call->end_reason, NULL);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      call->end_reason = g_strdup (json_node_get_string (node));
    }
}

static GovorunVoximplantCall *
parse_call (JsonObject  *object,
            GTimeZone   *tz,
            GError     **error)
{
  g_autoptr(GovorunVoximplantCall) call = g_new0 (GovorunVoximplantCall, 1);

  if (!govorun_voximplant_read_int (object, "call_id", REQUIRED, &call->call_id, error) ||
      !read_local_time (object, "start_time", REQUIRED, tz, &call->start_time, error) ||
      !govorun_voximplant_read_int (object, "duration", CHECKED, &call->duration, error) ||
      !govorun_voximplant_read_string (object, "local_number", LENIENT, &call->local_number, error) ||
      !govorun_voximplant_read_string (object, "remote_number", LENIENT, &call->remote_number, error) ||
      !govorun_voximplant_read_string (object, "remote_number_type", LENIENT, &call->remote_number_type, error) ||
      !govorun_voximplant_read_bool (object, "incoming", CHECKED, &call->incoming, error) ||
      !govorun_voximplant_read_bool (object, "successful", CHECKED, &call->successful, error) ||
      !govorun_voximplant_read_int (object, "transaction_id", LENIENT, &call->transaction_id, error) ||
      !govorun_voximplant_read_string (object, "record_url", LENIENT, &call->record_url, error) ||
      !govorun_voximplant_read_double (object, "cost", CHECKED, &call->cost, error) ||
      !govorun_voximplant_read_string (object, "custom_data", LENIENT, &call->custom_data, error))
    return NULL;

  read_end_reason (object, call);
  return g_steal_pointer (&call);
}

static GovorunVoximplantRecord *
parse_record (JsonObject  *object,
              GTimeZone   *tz,
              GError     **error)
{
  g_autoptr(GovorunVoximplantRecord) record = g_new0 (GovorunVoximplantRecord, 1);

  if (!govorun_voximplant_read_int (object, "record_id", REQUIRED, &record->record_id, error) ||
      !govorun_voximplant_read_string (object, "record_name", LENIENT, &record->record_name, error) ||
      !govorun_voximplant_read_double (object, "cost", CHECKED, &record->cost, error) ||
      !read_local_time (object, "start_time", LENIENT, tz, &record->start_time, error) ||
      !govorun_voximplant_read_int (object, "duration", CHECKED, &record->duration, error) ||
      !govorun_voximplant_read_string (object, "record_url", CHECKED, &record->record_url, error) ||
      !govorun_voximplant_read_int (object, "transaction_id", LENIENT, &record->transaction_id, error) ||
      !govorun_voximplant_read_double (object, "file_size", LENIENT, &record->file_size, error) ||
      !govorun_voximplant_read_string (object, "transcription_url", LENIENT, &record->transcription_url, error) ||
      !govorun_voximplant_read_string (object, "transcription_status", LENIENT, &record->transcription_status, error))
    return NULL;

  return g_steal_pointer (&record);
}

static GovorunVoximplantResourceUsage *
parse_resource_usage (JsonObject  *object,
                      GTimeZone   *tz,
                      GError     **error)
{
  g_autoptr(GovorunVoximplantResourceUsage) usage = g_new0 (GovorunVoximplantResourceUsage, 1);

  if (!govorun_voximplant_read_int (object, "resource_usage_id", REQUIRED, &usage->resource_usage_id, error) ||
      !govorun_voximplant_read_string (object, "resource_type", LENIENT, &usage->resource_type, error) ||
      !govorun_voximplant_read_double (object, "cost", CHECKED, &usage->cost, error) ||
      !govorun_voximplant_read_string (object, "description", LENIENT, &usage->description, error) ||
      !read_local_time (object, "used_at", LENIENT, tz, &usage->used_at, error) ||
      !govorun_voximplant_read_int (object, "transaction_id", LENIENT, &usage->transaction_id, error) ||
      !govorun_voximplant_read_int (object, "resource_quantity", LENIENT, &usage->resource_quantity, error) ||
      !govorun_voximplant_read_string (object, "unit", LENIENT, &usage->unit, error) ||
      !govorun_voximplant_read_int (object, "ref_call_id", LENIENT, &usage->ref_call_id, error))
    return NULL;

  return g_steal_pointer (&usage);
}

typedef gpointer (*ParseInZone) (JsonObject  *object,
                                 GTimeZone   *tz,
                                 GError     **error);

/* Parses the objects of @field (absent: none) into @out. */
static gboolean
parse_children (JsonObject      *object,
                const char      *field,
                ParseInZone      parse,
                GTimeZone       *tz,
                GPtrArray       *out,
                GError         **error)
{
  JsonArray *array = NULL;

  if (!govorun_voximplant_read_objects (object, field, CHECKED, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gpointer item = parse (json_array_get_object_element (array, i), tz, error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (out, item);
    }

  return TRUE;
}

static GovorunVoximplantCallSession *
parse_session (JsonObject  *object,
               GTimeZone   *tz,
               GError     **error)
{
  g_autoptr(GovorunVoximplantCallSession) session = g_new0 (GovorunVoximplantCallSession, 1);

  session->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_call_free);
  session->records = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_record_free);
  session->other_resource_usage = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_resource_usage_free);

  if (!govorun_voximplant_read_int (object, "call_session_history_id", REQUIRED, &session->call_session_history_id, error) ||
      !govorun_voximplant_read_int (object, "account_id", CHECKED, &session->account_id, error) ||
      !govorun_voximplant_read_int (object, "application_id", CHECKED, &session->application_id, error) ||
      !govorun_voximplant_read_string (object, "application_name", LENIENT, &session->application_name, error) ||
      !govorun_voximplant_read_int (object, "user_id", LENIENT, &session->user_id, error) ||
      !govorun_voximplant_read_string (object, "rule_name", LENIENT, &session->rule_name, error) ||
      !read_local_time (object, "start_date", REQUIRED, tz, &session->start_date, error) ||
      !govorun_voximplant_read_int (object, "duration", CHECKED, &session->duration, error) ||
      !govorun_voximplant_read_string (object, "initiator_address", LENIENT, &session->initiator_address, error) ||
      !govorun_voximplant_read_string (object, "media_server_address", LENIENT, &session->media_server_address, error) ||
      !govorun_voximplant_read_string (object, "log_file_url", LENIENT, &session->log_file_url, error) ||
      !govorun_voximplant_read_string (object, "finish_reason", CHECKED, &session->finish_reason, error) ||
      !govorun_voximplant_read_string (object, "audio_quality", LENIENT, &session->audio_quality, error) ||
      !govorun_voximplant_read_string (object, "custom_data", CHECKED, &session->custom_data, error) ||
      !parse_children (object, "calls", (ParseInZone) parse_call, tz, session->calls, error) ||
      !parse_children (object, "records", (ParseInZone) parse_record, tz, session->records, error) ||
      !parse_children (object, "other_resource_usage", (ParseInZone) parse_resource_usage, tz,
                       session->other_resource_usage, error))
    return NULL;

  return g_steal_pointer (&session);
}

/* The whole answer. The dates of every session are in "timezone", which
 * Voximplant echoes; without it they could not be placed in time, so it
 * is REQUIRED. */
static gpointer
parse_page (JsonObject  *envelope,
            GError     **error)
{
  g_autoptr(GovorunVoximplantCallHistoryPage) page = g_new0 (GovorunVoximplantCallHistoryPage, 1);
  g_autoptr(GTimeZone) tz = NULL;
  JsonArray *array = NULL;

  page->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_call_session_free);
  page->total_count = -1;

  if (!govorun_voximplant_read_string (envelope, "timezone", REQUIRED, &page->timezone, error) ||
      !govorun_voximplant_read_objects (envelope, "result", REQUIRED, &array, error) ||
      !govorun_voximplant_read_int (envelope, "total_count", CHECKED, &page->total_count, error))
    return NULL;

  if ((tz = g_time_zone_new_identifier (page->timezone)) == NULL)
    {
      g_propagate_error (error, govorun_voximplant_error_new_mistyped_field ("timezone"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      GovorunVoximplantCallSession *session = parse_session (json_array_get_object_element (array, i), tz, error);

      if (session == NULL)
        return NULL;
      g_ptr_array_add (page->sessions, session);
    }

  return g_steal_pointer (&page);
}

/* ---- The call ---- */

/* The page is read off the main thread, as a stream: a page of 1000
 * sessions is some 1.5 MB (govorun-voximplant-call-history-reader.c). */
typedef struct
{
  GBytes   *body;
  guint     status;
  gboolean  jwt_auth;
} Answer;

static void
answer_free (Answer *answer)
{
  g_bytes_unref (answer->body);
  g_free (answer);
}

static void
read_page_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Answer *answer = task_data;
  GError *error = NULL;
  GovorunVoximplantCallHistoryPage *page;

  page = _govorun_voximplant_call_history_read (answer->body, answer->status, answer->jwt_auth,
                                                &error);
  if (page == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, page, (GDestroyNotify) govorun_voximplant_call_history_page_free);
}

static void
on_call_history_answer (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Answer *answer = g_new0 (Answer, 1);

  answer->body = _govorun_voximplant_client_call_raw_finish (GOVORUN_VOXIMPLANT_CLIENT (source),
                                                             result, &answer->status,
                                                             &answer->jwt_auth, &error);
  if (answer->body == NULL)
    {
      g_free (answer);
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, answer, (GDestroyNotify) answer_free);
  g_task_run_in_thread (task, read_page_in_thread);
}

static void
add_date (GovorunVoximplantParams *params,
          const char              *name,
          GDateTime               *date,
          GTimeZone               *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (date, tz);
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

  govorun_voximplant_params_add (params, name, text);
}

void
govorun_voximplant_client_get_call_history_async (GovorunVoximplantClient                 *self,
                                                  const GovorunVoximplantCallHistoryQuery *query,
                                                  GCancellable                            *cancellable,
                                                  GAsyncReadyCallback                      callback,
                                                  gpointer                                 user_data)
{
  const char *zone_name;
  g_autoptr(GTimeZone) tz = NULL;
  GovorunVoximplantParams *params;
  GTask *task;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self));
  g_return_if_fail (query != NULL && query->from_date != NULL && query->to_date != NULL);

  zone_name = query->timezone != NULL ? query->timezone : DEFAULT_TIMEZONE;
  tz = g_time_zone_new_identifier (zone_name);
  if (tz == NULL)
    {
      g_critical ("Unknown time zone “%s”", zone_name);
      tz = g_time_zone_new_utc ();
    }

  params = govorun_voximplant_params_new ();
  add_date (params, "from_date", query->from_date, tz);
  add_date (params, "to_date", query->to_date, tz);
  /* Explicit, so the dates mean what was asked whatever the account's
   * location is. */
  govorun_voximplant_params_add (params, "timezone", zone_name);
  if (query->n_call_session_history_ids > 0)
    govorun_voximplant_params_add_int_list (params, "call_session_history_id",
                                            query->call_session_history_ids, query->n_call_session_history_ids);
  if (query->application_id > 0)
    govorun_voximplant_params_add_int (params, "application_id", query->application_id);
  if (query->remote_number != NULL)
    govorun_voximplant_params_add (params, "remote_number", query->remote_number);
  govorun_voximplant_params_add_bool (params, "with_calls", query->with_calls);
  govorun_voximplant_params_add_bool (params, "with_records", query->with_records);
  govorun_voximplant_params_add_bool (params, "with_other_resources", query->with_other_resources);
  govorun_voximplant_params_add_bool (params, "desc_order", query->desc_order);
  govorun_voximplant_params_add_bool (params, "with_total_count", !query->without_total_count);
  govorun_voximplant_params_add_int (params, "count",
                                     query->count != 0 ? query->count : GOVORUN_VOXIMPLANT_CALL_HISTORY_MAX_COUNT);
  govorun_voximplant_params_add_int (params, "offset", query->offset);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_voximplant_client_get_call_history_async);
  _govorun_voximplant_client_call_raw_async (self, "GetCallHistory", params, cancellable,
                                             on_call_history_answer, task);
  govorun_voximplant_params_free (params);
}

GovorunVoximplantCallHistoryPage *
govorun_voximplant_client_get_call_history_finish (GovorunVoximplantClient  *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_voximplant_client_get_call_history_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GovorunVoximplantCallHistoryPage *
_govorun_voximplant_call_history_read_tree (const guint8  *data,
                                            gsize          size,
                                            guint          status,
                                            GError       **error)
{
  g_autoptr(JsonObject) envelope = _govorun_voximplant_client_envelope_for_fuzzing (data, size,
                                                                                   status, error);

  if (envelope == NULL)
    return NULL;
  return parse_page (envelope, error);
}

void
_govorun_voximplant_call_history_parse_for_fuzzing (JsonObject *envelope)
{
  g_autoptr(GError) error = NULL;
  GovorunVoximplantCallHistoryPage *page = parse_page (envelope, &error);

  g_assert ((page == NULL) == (error != NULL));
  g_clear_pointer (&page, govorun_voximplant_call_history_page_free);
}
