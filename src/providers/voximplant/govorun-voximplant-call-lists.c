/* govorun-voximplant-call-lists.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplant"

#include "config.h"

#include <string.h>

#include "govorun-voximplant-call-lists.h"
#include "govorun-json.h"
#include "govorun-voximplant-client-private.h"

#define REQUIRED GOVORUN_VOXIMPLANT_FIELD_REQUIRED
#define CHECKED  GOVORUN_VOXIMPLANT_FIELD_CHECKED
#define LENIENT  GOVORUN_VOXIMPLANT_FIELD_LENIENT

/* custom_data and result_data are the row's and the scenario's: JSON
 * objects in the answers seen, but typed "any"; a bigger value than this
 * is not a row. */
#define MAX_DATA_CHARS (64 * 1024)

G_DEFINE_BOXED_TYPE (GovorunVoximplantCallListBatch, govorun_voximplant_call_list_batch,
                     govorun_voximplant_call_list_batch_copy, govorun_voximplant_call_list_batch_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantCallList, govorun_voximplant_call_list,
                     govorun_voximplant_call_list_copy, govorun_voximplant_call_list_free)
G_DEFINE_BOXED_TYPE (GovorunVoximplantCallListTask, govorun_voximplant_call_list_task,
                     govorun_voximplant_call_list_task_copy, govorun_voximplant_call_list_task_free)

GovorunVoximplantCallListBatch *
govorun_voximplant_call_list_batch_copy (const GovorunVoximplantCallListBatch *batch)
{
  GovorunVoximplantCallListBatch *copy = g_memdup2 (batch, sizeof *batch);

  copy->batch_id = g_strdup (batch->batch_id);
  return copy;
}

void
govorun_voximplant_call_list_batch_free (GovorunVoximplantCallListBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->batch_id);
  g_free (batch);
}

GovorunVoximplantCallList *
govorun_voximplant_call_list_copy (const GovorunVoximplantCallList *list)
{
  GovorunVoximplantCallList *copy = g_memdup2 (list, sizeof *list);

  copy->list_name = g_strdup (list->list_name);
  copy->dt_submit = g_strdup (list->dt_submit);
  copy->dt_complete = g_strdup (list->dt_complete);
  copy->status = g_strdup (list->status);
  return copy;
}

void
govorun_voximplant_call_list_free (GovorunVoximplantCallList *list)
{
  if (list == NULL)
    return;
  g_free (list->list_name);
  g_free (list->dt_submit);
  g_free (list->dt_complete);
  g_free (list->status);
  g_free (list);
}

GovorunVoximplantCallListTask *
govorun_voximplant_call_list_task_copy (const GovorunVoximplantCallListTask *task)
{
  GovorunVoximplantCallListTask *copy = g_memdup2 (task, sizeof *task);

  copy->task_uuid = g_strdup (task->task_uuid);
  copy->custom_data = g_strdup (task->custom_data);
  copy->result_data = g_strdup (task->result_data);
  copy->start_execution_time = g_strdup (task->start_execution_time);
  copy->finish_execution_time = g_strdup (task->finish_execution_time);
  copy->last_attempt = g_strdup (task->last_attempt);
  copy->status = g_strdup (task->status);
  copy->phone_number = g_strdup (task->phone_number);
  copy->variables = g_strdup (task->variables);
  return copy;
}

void
govorun_voximplant_call_list_task_free (GovorunVoximplantCallListTask *task)
{
  if (task == NULL)
    return;
  g_free (task->task_uuid);
  g_free (task->custom_data);
  g_free (task->result_data);
  g_free (task->start_execution_time);
  g_free (task->finish_execution_time);
  g_free (task->last_attempt);
  g_free (task->status);
  g_free (task->phone_number);
  g_free (task->variables);
  g_free (task);
}

/* -- parsing -- */

/* batch_id: a string in CreateCallList's answer, a number in
 * AppendToCallList's; either is kept as text. */
static gboolean
read_batch_id (JsonObject  *envelope,
               char       **out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (envelope, "batch_id");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    *out = g_strdup (json_node_get_string (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    {
      g_propagate_error (error, govorun_voximplant_error_new_mistyped_field ("batch_id"));
      return FALSE;
    }
  return TRUE;
}

/* "result" must be true: every call-list method answers it. */
static gboolean
read_result_true (JsonObject  *envelope,
                  GError     **error)
{
  gboolean ok = FALSE;

  if (!govorun_voximplant_read_bool (envelope, "result", REQUIRED, &ok, error))
    return FALSE;
  if (!ok)
    {
      g_propagate_error (error, govorun_voximplant_error_new_mistyped_field ("result"));
      return FALSE;
    }
  return TRUE;
}

static gpointer
parse_batch (JsonObject  *envelope,
             GError     **error)
{
  g_autoptr(GovorunVoximplantCallListBatch) batch = g_new0 (GovorunVoximplantCallListBatch, 1);

  if (!read_result_true (envelope, error) ||
      !govorun_voximplant_read_id (envelope, "list_id", REQUIRED, &batch->list_id, error) ||
      !govorun_voximplant_read_int (envelope, "count", CHECKED, &batch->count, error) ||
      !read_batch_id (envelope, &batch->batch_id, error))
    return NULL;
  return g_steal_pointer (&batch);
}

static gpointer
parse_list (JsonObject  *item,
            GError     **error)
{
  g_autoptr(GovorunVoximplantCallList) list = g_new0 (GovorunVoximplantCallList, 1);

  if (!govorun_voximplant_read_id (item, "list_id", REQUIRED, &list->list_id, error) ||
      !govorun_voximplant_read_string (item, "list_name", REQUIRED, &list->list_name, error) ||
      !govorun_voximplant_read_id (item, "rule_id", CHECKED, &list->rule_id, error) ||
      !govorun_voximplant_read_int (item, "priority", LENIENT, &list->priority, error) ||
      !govorun_voximplant_read_int (item, "max_simultaneous", LENIENT, &list->max_simultaneous, error) ||
      !govorun_voximplant_read_int (item, "num_attempts", LENIENT, &list->num_attempts, error) ||
      !govorun_voximplant_read_int (item, "interval_seconds", LENIENT, &list->interval_seconds, error) ||
      !govorun_voximplant_read_string (item, "dt_submit", LENIENT, &list->dt_submit, error) ||
      !govorun_voximplant_read_string (item, "dt_complete", LENIENT, &list->dt_complete, error) ||
      !govorun_voximplant_read_string (item, "status", CHECKED, &list->status, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* An "any" member as text: a string as it is, an object or array as
 * compact JSON, a number or boolean as its JSON. */
static gboolean
read_any_as_text (JsonObject  *item,
                  const char  *field,
                  char       **out,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (item, field);
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else
    text = json_to_string (node, FALSE);
  if (strlen (text) > MAX_DATA_CHARS)
    {
      g_propagate_error (error, govorun_voximplant_error_new_mistyped_field (field));
      return FALSE;
    }
  *out = g_steal_pointer (&text);
  return TRUE;
}

static gboolean reserved_column (const char *name);

/* A row id Govorun wrote as text ("42"); 0 for anything else. */
static gint64
read_row_id (JsonObject *row,
             const char *member)
{
  JsonNode *node = json_object_get_member (row, member);
  gint64 id = 0;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || !g_ascii_string_to_signed (json_node_get_string (node), 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return id;
}

/* The number and the variables of a row Govorun wrote (custom_data as an
 * object of strings); anything else is left alone. */
static void
read_row (JsonNode                      *node,
          GovorunVoximplantCallListTask *task)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) variables = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *row;
  JsonNode *phone;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  row = json_node_get_object (node);
  phone = json_object_get_member (row, "phone_number");
  if (phone == NULL || !JSON_NODE_HOLDS_VALUE (phone) || json_node_get_value_type (phone) != G_TYPE_STRING)
    return;
  task->phone_number = g_strdup (json_node_get_string (phone));
  task->campaign_id = read_row_id (row, "campaign_id");
  task->contact_id = read_row_id (row, "contact_id");
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  members = json_object_get_members (row);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (row, l->data);

      if (reserved_column (l->data) || !JSON_NODE_HOLDS_VALUE (value) ||
          json_node_get_value_type (value) != G_TYPE_STRING || *json_node_get_string (value) == '\0')
        continue;
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, json_node_get_string (value));
    }
  json_builder_end_object (builder);
  variables = json_builder_get_root (builder);
  task->variables = json_to_string (variables, FALSE);
}

static gpointer
parse_task (JsonObject  *item,
            GError     **error)
{
  g_autoptr(GovorunVoximplantCallListTask) task = g_new0 (GovorunVoximplantCallListTask, 1);
  JsonNode *node;

  if (!govorun_voximplant_read_id (item, "list_id", CHECKED, &task->list_id, error) ||
      !govorun_voximplant_read_id (item, "task_id", CHECKED, &task->task_id, error) ||
      !govorun_voximplant_read_string (item, "task_uuid", CHECKED, &task->task_uuid, error) ||
      !read_any_as_text (item, "custom_data", &task->custom_data, error) ||
      !read_any_as_text (item, "result_data", &task->result_data, error) ||
      !govorun_voximplant_read_string (item, "start_execution_time", LENIENT, &task->start_execution_time, error) ||
      !govorun_voximplant_read_string (item, "finish_execution_time", LENIENT, &task->finish_execution_time, error) ||
      !govorun_voximplant_read_string (item, "last_attempt", LENIENT, &task->last_attempt, error) ||
      !govorun_voximplant_read_int (item, "attempts_left", CHECKED, &task->attempts_left, error) ||
      !govorun_voximplant_read_int (item, "status_id", REQUIRED, &task->status_id, error) ||
      !govorun_voximplant_read_string (item, "status", LENIENT, &task->status, error))
    return NULL;
  read_row (json_object_get_member (item, "custom_data"), task);
  node = json_object_get_member (item, "result_data");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *result = json_node_get_object (node);

      if (!govorun_voximplant_read_bool (result, "answered", LENIENT, &task->answered, error) ||
          !govorun_voximplant_read_bool (result, "successful", LENIENT, &task->successful, error))
        return NULL;
    }
  if (task->status_id < 0 || task->status_id > 4)
    {
      g_propagate_error (error, govorun_voximplant_error_new_mistyped_field ("status_id"));
      return NULL;
    }
  return g_steal_pointer (&task);
}

static gpointer
parse_done (JsonObject  *envelope,
            GError     **error)
{
  if (!read_result_true (envelope, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/* -- calls -- */

void
govorun_voximplant_client_create_call_list_async (GovorunVoximplantClient             *self,
                                                  const GovorunVoximplantCallListSpec *spec,
                                                  GCancellable                        *cancellable,
                                                  GAsyncReadyCallback                  callback,
                                                  gpointer                             user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  g_return_if_fail (spec != NULL && spec->name != NULL && spec->file_content != NULL);

  govorun_voximplant_params_add_int (params, "rule_id", spec->rule_id);
  govorun_voximplant_params_add_int (params, "priority", spec->priority);
  govorun_voximplant_params_add_int (params, "max_simultaneous", spec->max_simultaneous);
  govorun_voximplant_params_add_int (params, "num_attempts", spec->num_attempts);
  govorun_voximplant_params_add (params, "name", spec->name);
  govorun_voximplant_params_add_int (params, "interval_seconds", spec->interval_seconds);
  govorun_voximplant_params_add (params, "encoding", "utf-8");
  govorun_voximplant_params_add (params, "delimiter", ";");
  govorun_voximplant_params_add (params, "file_content", spec->file_content);
  govorun_voximplant_client_call_parsed (self, "CreateCallList", params, parse_batch,
                                         (GDestroyNotify) govorun_voximplant_call_list_batch_free,
                                         govorun_voximplant_client_create_call_list_async,
                                         cancellable, callback, user_data);
}

GovorunVoximplantCallListBatch *
govorun_voximplant_client_create_call_list_finish (GovorunVoximplantClient  *self,
                                                   GAsyncResult             *result,
                                                   GError                  **error)
{
  return govorun_voximplant_client_parsed_finish (self, result, govorun_voximplant_client_create_call_list_async,
                                                  error);
}

void
govorun_voximplant_client_append_to_call_list_async (GovorunVoximplantClient *self,
                                                     gint64                   list_id,
                                                     const char              *file_content,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  g_return_if_fail (file_content != NULL);

  govorun_voximplant_params_add_int (params, "list_id", list_id);
  govorun_voximplant_params_add (params, "encoding", "utf-8");
  govorun_voximplant_params_add (params, "delimiter", ";");
  govorun_voximplant_params_add (params, "file_content", file_content);
  govorun_voximplant_client_call_parsed (self, "AppendToCallList", params, parse_batch,
                                         (GDestroyNotify) govorun_voximplant_call_list_batch_free,
                                         govorun_voximplant_client_append_to_call_list_async,
                                         cancellable, callback, user_data);
}

GovorunVoximplantCallListBatch *
govorun_voximplant_client_append_to_call_list_finish (GovorunVoximplantClient  *self,
                                                      GAsyncResult             *result,
                                                      GError                  **error)
{
  return govorun_voximplant_client_parsed_finish (self, result,
                                                  govorun_voximplant_client_append_to_call_list_async, error);
}

void
govorun_voximplant_client_get_call_lists_async (GovorunVoximplantClient *self,
                                                const char              *name,
                                                gint64                   list_id,
                                                guint                    count,
                                                guint                    offset,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new_page (count, offset);

  if (name != NULL)
    govorun_voximplant_params_add (params, "name", name);
  if (list_id > 0)
    govorun_voximplant_params_add_int (params, "list_id", list_id);
  govorun_voximplant_client_call_list (self, "GetCallLists", params, parse_list,
                                       (GDestroyNotify) govorun_voximplant_call_list_free,
                                       govorun_voximplant_client_get_call_lists_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_call_lists_finish (GovorunVoximplantClient  *self,
                                                 GAsyncResult             *result,
                                                 gint64                   *total_count,
                                                 GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result, govorun_voximplant_client_get_call_lists_async,
                                                total_count, error);
}

void
govorun_voximplant_client_get_call_list_details_async (GovorunVoximplantClient *self,
                                                       gint64                   list_id,
                                                       guint                    count,
                                                       guint                    offset,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data)
{
  GovorunVoximplantParams *params;

  count = CLAMP (count, 1, GOVORUN_VOXIMPLANT_CALL_LIST_PAGE);
  params = govorun_voximplant_params_new ();
  govorun_voximplant_params_add_int (params, "list_id", list_id);
  /* The default output is CSV, whose columns are not documented. */
  govorun_voximplant_params_add (params, "output", "json");
  govorun_voximplant_params_add_int (params, "count", count);
  if (offset > 0)
    govorun_voximplant_params_add_int (params, "offset", offset);
  govorun_voximplant_client_call_list (self, "GetCallListDetails", params, parse_task,
                                       (GDestroyNotify) govorun_voximplant_call_list_task_free,
                                       govorun_voximplant_client_get_call_list_details_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
govorun_voximplant_client_get_call_list_details_finish (GovorunVoximplantClient  *self,
                                                        GAsyncResult             *result,
                                                        GError                  **error)
{
  return govorun_voximplant_client_list_finish (self, result,
                                                govorun_voximplant_client_get_call_list_details_async,
                                                NULL, error);
}

static void
call_on_list (GovorunVoximplantClient *self,
              const char              *method,
              gint64                   list_id,
              gpointer                 source_tag,
              GCancellable            *cancellable,
              GAsyncReadyCallback      callback,
              gpointer                 user_data)
{
  GovorunVoximplantParams *params = govorun_voximplant_params_new ();

  govorun_voximplant_params_add_int (params, "list_id", list_id);
  govorun_voximplant_client_call_parsed (self, method, params, parse_done, NULL, source_tag,
                                         cancellable, callback, user_data);
}

void
govorun_voximplant_client_stop_call_list_async (GovorunVoximplantClient *self,
                                                gint64                   list_id,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data)
{
  call_on_list (self, "StopCallListProcessing", list_id, govorun_voximplant_client_stop_call_list_async,
                cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_stop_call_list_finish (GovorunVoximplantClient  *self,
                                                 GAsyncResult             *result,
                                                 GError                  **error)
{
  return govorun_voximplant_client_parsed_finish (self, result, govorun_voximplant_client_stop_call_list_async,
                                                  error) != NULL;
}

void
govorun_voximplant_client_recover_call_list_async (GovorunVoximplantClient *self,
                                                   gint64                   list_id,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data)
{
  call_on_list (self, "RecoverCallList", list_id, govorun_voximplant_client_recover_call_list_async,
                cancellable, callback, user_data);
}

gboolean
govorun_voximplant_client_recover_call_list_finish (GovorunVoximplantClient  *self,
                                                    GAsyncResult             *result,
                                                    GError                  **error)
{
  return govorun_voximplant_client_parsed_finish (self, result, govorun_voximplant_client_recover_call_list_async,
                                                  error) != NULL;
}

void
_govorun_voximplant_call_lists_parse_for_fuzzing (JsonObject *envelope)
{
  g_autoptr(GError) error = NULL;

  govorun_voximplant_call_list_batch_free (parse_batch (envelope, &error));
  _govorun_voximplant_fuzz_list (envelope, parse_list, (GDestroyNotify) govorun_voximplant_call_list_free);
  _govorun_voximplant_fuzz_list (envelope, parse_task, (GDestroyNotify) govorun_voximplant_call_list_task_free);
}

/* -- the CSV -- */

static void
append_csv_value (GString    *csv,
                  const char *value)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ";\"\n\r") == NULL)
    {
      g_string_append (csv, value);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static gboolean
reserved_column (const char *name)
{
  static const char * const reserved[] = {
    "phone_number", "caller_id", "campaign_id", "contact_id", "mode", "govorun_schedule", "govorun_attempts",
    "govorun_interval", NULL,
  };

  return *name == '\0' || g_str_has_prefix (name, "__") || g_strv_contains (reserved, name);
}

static JsonObject *
parse_variables (const char *text)
{
  g_autoptr(JsonNode) root = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  root = govorun_json_parse (text, strlen (text), GOVORUN_JSON_ANSWER, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static char *
format_time_of_day (int seconds)
{
  seconds = ((seconds % 86400) + 86400) % 86400;
  return g_strdup_printf ("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

char *
govorun_voximplant_call_list_csv (const GovorunVoximplantCallListRow *rows,
                                  guint                               n_rows)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *csv = g_string_new ("phone_number;caller_id;campaign_id;contact_id");
  gboolean with_schedule = n_rows > 0 && rows[0].schedule != NULL;

  /* The variables' columns: every name any row has, in first-seen order. */
  for (guint i = 0; i < n_rows; i++)
    {
      JsonObject *object = parse_variables (rows[i].variables);

      g_ptr_array_add (objects, object != NULL ? object : json_object_new ());
      if (object == NULL)
        continue;
      {
        g_autoptr(GList) members = json_object_get_members (object);

        for (GList *l = members; l != NULL; l = l->next)
          if (!reserved_column (l->data) && !g_hash_table_contains (seen, l->data))
            {
              g_hash_table_add (seen, l->data);
              g_ptr_array_add (names, l->data);
            }
      }
    }
  for (guint c = 0; c < names->len; c++)
    {
      g_string_append_c (csv, ';');
      append_csv_value (csv, g_ptr_array_index (names, c));
    }
  g_string_append (csv, ";__task_uuid;__start_execution_time;__end_execution_time;__start_at");
  g_string_append (csv, with_schedule ? ";govorun_schedule;govorun_attempts;govorun_interval\n" : "\n");

  for (guint i = 0; i < n_rows; i++)
    {
      const GovorunVoximplantCallListRow *row = &rows[i];
      JsonObject *object = g_ptr_array_index (objects, i);

      append_csv_value (csv, row->phone);
      g_string_append_c (csv, ';');
      append_csv_value (csv, row->caller_id);
      g_string_append_printf (csv, ";%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT, row->campaign_id, row->contact_id);
      for (guint c = 0; c < names->len; c++)
        {
          JsonNode *node = json_object_get_member (object, g_ptr_array_index (names, c));

          g_string_append_c (csv, ';');
          if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            append_csv_value (csv, json_node_get_string (node));
        }
      g_string_append_c (csv, ';');
      append_csv_value (csv, row->task_uuid);
      if (row->window_start >= 0 && row->window_end >= 0)
        {
          g_autofree char *start = format_time_of_day (row->window_start);
          g_autofree char *end = format_time_of_day (row->window_end);

          g_string_append_printf (csv, ";%s;%s;", start, end);
        }
      else
        g_string_append (csv, ";;;");
      if (row->start_at > 0)
        g_string_append_printf (csv, "%" G_GINT64_FORMAT, row->start_at);
      if (with_schedule)
        {
          g_string_append_c (csv, ';');
          append_csv_value (csv, row->schedule != NULL ? row->schedule : "");
          g_string_append_printf (csv, ";%d;%d", row->attempts, row->interval);
        }
      g_string_append_c (csv, '\n');
    }
  return g_string_free (csv, FALSE);
}
