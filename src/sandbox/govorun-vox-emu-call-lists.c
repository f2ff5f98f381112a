/* govorun-vox-emu-call-lists.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "govorun-call-schedule.h"
#include "govorun-voximplant-emulator-private.h"

/*
 * Call lists (reference §2 "Call lists"): CreateCallList, AppendToCallList,
 * GetCallLists, GetCallListDetails, StopCallListProcessing and
 * RecoverCallList, over a dialer that runs on its own clock. The clock
 * moves when a test advances it (govorun_voximplant_emulator_advance_call_lists)
 * and, in the sandbox, with real time times a speed factor, so a day of
 * calling hours passes in minutes. Every step is deterministic: a task's
 * outcome on each attempt follows from its __task_uuid and the attempt.
 *
 * A task is dialled when it is New (or has attempts left and its retry is
 * due), its __start_at has passed, the clock is within its daily window
 * (__start_execution_time/__end_execution_time, UTC, wrapping midnight
 * when start > end), and fewer than max_simultaneous calls are up. The
 * scenario's report becomes result_data: an answered call reports
 * {"answered":true,"successful":…} (reportResult, Processed); an
 * unanswered attempt reports an error and is retried after
 * interval_seconds while attempts are left, else the task ends in Error.
 * Processing stops while the balance is under 1 (as Voximplant's does).
 *
 * A row with a govorun_schedule column plays what outbound.js does when a
 * session starts outside the contact's calling hours: no call, and
 * CallList.requestNextAttempt with start_at the next allowed moment and
 * attempts_left the row's govorun_attempts (reference §3: without
 * attempts_left the call list takes one off). A schedule that allows
 * nothing, or cannot be read, ends the task with a result, as the
 * scenario reports it. An unanswered attempt of such a row with
 * govorun_attempts above 1 and a govorun_interval plays the scenario's
 * retry (retryRequest): requestNextAttempt with attempts_left and the
 * row's govorun_attempts one less (custom_data), start_at the first
 * allowed moment at or after the interval. The dialer honours the edits:
 * the next session reads the new custom data.
 */

#define STEP_SECONDS     10         /* the dialer looks at its tasks this often */
#define MAX_STEPS        200000     /* per advance: about 23 days */
#define MAX_NAME_CHARS   255
#define MAX_UUID_CHARS   40
#define MAX_TASKS        2000000
#define DETAILS_MAX      1000
#define MINUTE_PRICE     0.05       /* per started minute of an answered call */

typedef struct
{
  gint64  task_id;
  char   *uuid;
  char   *custom_data;     /* the row (without the special columns) as a JSON object */
  int     window_start;    /* seconds of the UTC day; -1 when not given */
  int     window_end;
  gint64  start_at;
  int     attempts_left;
  int     attempts_made;
  int     status;          /* 0 New, 1 In progress, 2 Processed, 3 Error, 4 Canceled */
  char   *result;
  gint64  last_attempt;
  gint64  next_time;       /* a retry is due then */
  gint64  busy_until;      /* a call is up until then; 0 when none */
  int     outcome;         /* of the call that is up */
  guint   talk_secs;
  /* What the scenario reads from custom_data (task_read_row): */
  char   *schedule;        /* govorun_schedule, or NULL */
  int     schedule_attempts; /* govorun_attempts, 1–5; 0 when not given */
  int     schedule_interval; /* govorun_interval in seconds; -1 when not given */
} Task;

struct _VoxEmuCallList
{
  gint64      list_id;
  char       *name;
  gint64      rule_id;
  gint64      priority;
  gint64      max_simultaneous;
  gint64      num_attempts;
  gint64      interval_seconds;
  gint64      submitted;       /* real time */
  gint64      completed;       /* dialer clock; 0 while open */
  gboolean    stopped;
  gint64      clock;           /* the dialer's own time */
  gint64      next_batch;
  GPtrArray  *tasks;           /* Task* in submission order */
  GHashTable *uuids;           /* uuid → Task* */
};

enum
{
  OUTCOME_ANSWERED,
  OUTCOME_NO_ANSWER,
  OUTCOME_BUSY,
  OUTCOME_UNAVAILABLE,
};

static void
task_free (Task *task)
{
  if (task == NULL)
    return;  /* moved into a list */
  g_free (task->uuid);
  g_free (task->custom_data);
  g_free (task->result);
  g_free (task->schedule);
  g_free (task);
}

void
vox_emu_call_list_free (VoxEmuCallList *list)
{
  g_free (list->name);
  g_ptr_array_unref (list->tasks);
  g_hash_table_unref (list->uuids);
  g_free (list);
}

/* -- the dialer -- */

static guint32
task_hash (const Task *task,
           int         attempt)
{
  guint32 h = g_str_hash (task->uuid) ^ ((guint32) attempt * 2654435761u);

  h ^= h >> 15;
  h *= 2246822519u;
  h ^= h >> 13;
  return h;
}

static gboolean
in_window (const Task *task,
           gint64      when)
{
  int sod = (int) (((when % 86400) + 86400) % 86400);

  if (task->window_start < 0 || task->window_end < 0 || task->window_start == task->window_end)
    return TRUE;
  if (task->window_start < task->window_end)
    return sod >= task->window_start && sod < task->window_end;
  return sod >= task->window_start || sod < task->window_end;
}

static void
task_set_result (Task       *task,
                 const char *result)
{
  g_free (task->result);
  task->result = g_strdup (result);
}

/* An integer column as outbound.js's scheduleInt reads it, or @fallback. */
static int
column_int (const char *text,
            int         min,
            int         max,
            int         fallback)
{
  gint64 value;

  return g_ascii_string_to_signed (text, 10, min, max, &value, NULL) ? (int) value : fallback;
}

/* Keeps a column of the row that the scenario reads itself. */
static void
task_read_column (Task       *task,
                  const char *name,
                  const char *value)
{
  if (!g_str_has_prefix (name, "govorun_"))
    return;
  if (g_str_equal (name, "govorun_schedule"))
    {
      g_free (task->schedule);
      task->schedule = *value != '\0' ? g_strdup (value) : NULL;
    }
  else if (g_str_equal (name, "govorun_attempts"))
    task->schedule_attempts = column_int (value, 1, 5, 0);
  else if (g_str_equal (name, "govorun_interval"))
    task->schedule_interval = column_int (value, 0, 7 * 86400, -1);
}

/* Reads the scenario's columns again from the task's custom data, as the
 * next session does after an edit. */
static void
task_read_row (Task *task)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  static const char * const names[] = { "govorun_schedule", "govorun_attempts", "govorun_interval" };

  g_clear_pointer (&task->schedule, g_free);
  task->schedule_attempts = 0;
  task->schedule_interval = -1;
  if (!json_parser_load_from_data (parser, task->custom_data, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), names[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        task_read_column (task, names[i], json_node_get_string (node));
    }
}

/* The task's custom data with govorun_attempts set to @attempts. */
static char *
row_with_attempts (const char *custom_data,
                   int         attempts)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = g_strdup_printf ("%d", attempts);

  if (!json_parser_load_from_data (parser, custom_data, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup (custom_data);
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "govorun_attempts", text);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

/* CallList.requestNextAttempt {start_at, attempts_left[, custom_data]}
 * (reference §3): the task is retried with the new values, or ends in
 * Error when no attempt is left. */
static void
request_next_attempt (Task       *task,
                      gint64      start_at,
                      int         attempts_left,
                      char       *custom_data)
{
  task->status = attempts_left > 0 ? 1 : 3;
  task->start_at = start_at;
  task->attempts_left = attempts_left;
  if (custom_data != NULL)
    {
      g_free (task->custom_data);
      task->custom_data = custom_data;
      task_read_row (task);
    }
}

/* What outbound.js's retryRequest does for an unanswered attempt of a
 * row with calling hours: TRUE when it asked for the next attempt, FALSE
 * when it reports the error to the call list. */
static gboolean
retry_by_row (VoxEmuCallList *list,
              Task           *task)
{
  gint64 next;

  if (task->schedule == NULL || task->schedule_attempts <= 1 || task->schedule_interval < 0)
    return FALSE;
  next = govorun_call_schedule_next_text (task->schedule, list->clock + task->schedule_interval, 400);
  if (next < 0)
    return FALSE;
  request_next_attempt (task, next, task->schedule_attempts - 1,
                        row_with_attempts (task->custom_data, task->schedule_attempts - 1));
  return TRUE;
}

static void
finish_call (GovorunVoximplantEmulator *self,
             Account                   *account,
             VoxEmuCallList            *list,
             Task                      *task)
{
  static const char * const reasons[] = { NULL, "no answer", "busy", "unavailable" };

  vox_emu_record_campaign_call (self, account, list, task->custom_data, task->uuid, task->last_attempt,
                                task->outcome == OUTCOME_ANSWERED ? task->talk_secs : 0,
                                task->outcome == OUTCOME_ANSWERED);
  task->busy_until = 0;
  if (task->outcome == OUTCOME_ANSWERED)
    {
      gboolean successful = (task_hash (task, task->attempts_made) >> 8) % 3 != 0;
      g_autofree char *result = g_strdup_printf ("{\"answered\":true,\"successful\":%s,\"duration\":%u}",
                                                 successful ? "true" : "false", task->talk_secs);

      account->balance -= MINUTE_PRICE * ((task->talk_secs + 59) / 60);
      task->status = 2;
      task_set_result (task, result);
      return;
    }
  {
    g_autofree char *result = g_strdup_printf ("{\"answered\":false,\"reason\":\"%s\"}", reasons[task->outcome]);

    task_set_result (task, result);
  }
  if (retry_by_row (list, task))
    return;
  if (task->attempts_left > 0)
    {
      task->status = 1;
      task->next_time = list->clock + list->interval_seconds;
    }
  else
    task->status = 3;
}

static void
start_call (VoxEmuCallList *list,
            Task           *task)
{
  guint32 h;
  guint r;

  task->attempts_left--;
  task->attempts_made++;
  task->status = 1;
  task->last_attempt = list->clock;
  h = task_hash (task, task->attempts_made);
  r = h % 10;
  if (r < 6)
    {
      task->outcome = OUTCOME_ANSWERED;
      task->talk_secs = 30 + (h >> 4) % 120;
      task->busy_until = list->clock + 10 + task->talk_secs;
    }
  else
    {
      task->outcome = r < 8 ? OUTCOME_NO_ANSWER : r < 9 ? OUTCOME_BUSY : OUTCOME_UNAVAILABLE;
      task->talk_secs = 0;
      task->busy_until = list->clock + (task->outcome == OUTCOME_NO_ANSWER ? 30 : 5);
    }
}

static gboolean
list_open (VoxEmuCallList *list)
{
  for (guint i = 0; i < list->tasks->len; i++)
    {
      Task *task = g_ptr_array_index (list->tasks, i);

      if (task->status < 2)
        return TRUE;
    }
  return FALSE;
}

/* The session of @task starts: outside its calling hours it asks for the
 * next attempt instead of dialling (see the top). TRUE when it dialled. */
static gboolean
start_session (GovorunVoximplantEmulator *self,
               VoxEmuCallList            *list,
               Task                      *task)
{
  gint64 next;

  if (task->schedule == NULL)
    {
      start_call (list, task);
      return TRUE;
    }
  next = govorun_call_schedule_next_text (task->schedule, list->clock, 400);
  if (next == list->clock)
    {
      start_call (list, task);
      return TRUE;
    }
  self->deferred_sessions++;
  if (next < 0)
    {
      task->status = 2;
      task_set_result (task, next == -1
                             ? "{\"outcome\":\"outside_calling_hours\",\"error\":\"the calling hours allow no time\"}"
                             : "{\"outcome\":\"invalid_custom_data\",\"error\":\"govorun_schedule cannot be read\"}");
      return FALSE;
    }
  request_next_attempt (task, next,
                        task->schedule_attempts > 0 ? task->schedule_attempts : task->attempts_left - 1, NULL);
  return FALSE;
}

/* Runs @list's dialer up to @until on its clock. */
static void
run_list (GovorunVoximplantEmulator *self,
          Account                   *account,
          VoxEmuCallList            *list,
          gint64                     until)
{
  for (guint step = 0; list->clock < until && step < MAX_STEPS; step++)
    {
      gint64 busy = 0;
      gboolean open = FALSE;

      list->clock = MIN (list->clock + STEP_SECONDS, until);
      for (guint i = 0; i < list->tasks->len; i++)
        {
          Task *task = g_ptr_array_index (list->tasks, i);

          if (task->busy_until != 0 && task->busy_until <= list->clock)
            finish_call (self, account, list, task);
          if (task->busy_until != 0)
            busy++;
          open |= task->status < 2;
        }
      if (!open)
        {
          if (list->completed == 0)
            list->completed = list->clock;
          list->clock = until;
          break;
        }
      if (list->stopped || account->balance < 1)
        continue;
      for (guint i = 0; i < list->tasks->len && busy < list->max_simultaneous; i++)
        {
          Task *task = g_ptr_array_index (list->tasks, i);

          if (task->status < 2 && task->busy_until == 0 && task->attempts_left > 0 &&
              task->next_time <= list->clock && task->start_at <= list->clock &&
              in_window (task, list->clock) && start_session (self, list, task))
            busy++;
        }
    }
}

/* Moves every list of @account on by the real time passed times the
 * speed, or by @extra seconds. */
void
vox_emu_run_call_lists (GovorunVoximplantEmulator *self,
                        Account                   *account,
                        gint64                     extra)
{
  gint64 now = g_get_monotonic_time ();

  for (guint i = 0; account->call_lists != NULL && i < account->call_lists->len; i++)
    {
      VoxEmuCallList *list = g_ptr_array_index (account->call_lists, i);
      gint64 moved = extra;

      if (self->call_list_speed > 0 && self->call_list_last_run != 0)
        moved += (gint64) ((now - self->call_list_last_run) / (double) G_USEC_PER_SEC * self->call_list_speed);
      if (moved > 0)
        run_list (self, account, list, list->clock + moved);
    }
  self->call_list_last_run = now;
}

/* -- the CSV the lists come in -- */

/* Splits @text into rows of fields (RFC 4180 quoting, @delimiter). */
static GPtrArray *
parse_csv (const char *text,
           char        delimiter)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, row_has_content = FALSE;
  const char *p = text;

  for (;; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              g_ptr_array_unref (rows);
              return NULL;
            }
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
          continue;
        }
      if (c == '"')
        {
          quoted = TRUE;
          row_has_content = TRUE;
        }
      else if (c == delimiter)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          row_has_content = TRUE;
        }
      else if (c == '\n' || c == '\r' || c == '\0')
        {
          if (row_has_content || field->len > 0)
            {
              g_ptr_array_add (fields, g_strdup (field->str));
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
              g_string_truncate (field, 0);
            }
          row_has_content = FALSE;
          if (c == '\0')
            break;
        }
      else
        {
          g_string_append_c (field, c);
          row_has_content = TRUE;
        }
    }
  return rows;
}

/* "HH:mm:ss" → seconds of the day, or -1. */
static int
parse_time_of_day (const char *text)
{
  int h, m, s;
  char tail;

  if (text == NULL || *text == '\0')
    return -1;
  if (sscanf (text, "%2d:%2d:%2d%c", &h, &m, &s, &tail) != 3 || h < 0 || h > 23 || m < 0 || m > 59 ||
      s < 0 || s > 59)
    return -2;
  return h * 3600 + m * 60 + s;
}

static gboolean
uuid_valid (const char *uuid)
{
  gsize len = strlen (uuid);

  if (len == 0 || len > MAX_UUID_CHARS)
    return FALSE;
  for (const char *p = uuid; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != ':')
      return FALSE;
  return TRUE;
}

/* Parses the file into new tasks of @list (nothing is added on an error,
 * which is answered). Rows whose __task_uuid the list has already are
 * skipped, so a batch sent again adds nothing twice. */
static GPtrArray *
call_read_tasks (Call           *call,
                 VoxEmuCallList *list)
{
  const char *content = vox_emu_call_require (call, "file_content");
  const char *delimiter = vox_emu_call_param (call, "delimiter");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  char **header;
  guint n_columns;

  if (content == NULL)
    return NULL;
  rows = parse_csv (content, delimiter != NULL && delimiter[0] != '\0' ? delimiter[0] : ';');
  if (rows == NULL || rows->len < 2)
    {
      vox_emu_call_error (call, 250, "Invalid CSV file");
      return NULL;
    }
  header = g_ptr_array_index (rows, 0);
  n_columns = g_strv_length (header);
  for (guint r = 1; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      Task *task;

      if (g_strv_length (cells) != n_columns)
        {
          vox_emu_call_errorf (call, 250, "Invalid CSV file: row %u has %u fields, the header %u",
                               r + 1, g_strv_length (cells), n_columns);
          return NULL;
        }
      task = g_new0 (Task, 1);
      task->window_start = task->window_end = -1;
      task->schedule_interval = -1;
      task->attempts_left = (int) list->num_attempts;
      g_ptr_array_add (tasks, task);
      json_builder_begin_object (builder);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *name = header[c];

          if (g_str_equal (name, "__task_uuid"))
            task->uuid = g_strdup (cells[c]);
          else if (g_str_equal (name, "__start_execution_time"))
            task->window_start = parse_time_of_day (cells[c]);
          else if (g_str_equal (name, "__end_execution_time"))
            task->window_end = parse_time_of_day (cells[c]);
          else if (g_str_equal (name, "__start_at"))
            {
              if (*cells[c] != '\0' && !g_ascii_string_to_signed (cells[c], 10, 0, G_MAXINT64, &task->start_at, NULL))
                {
                  vox_emu_call_errorf (call, 250, "Invalid CSV file: __start_at of row %u", r + 1);
                  return NULL;
                }
            }
          else
            {
              task_read_column (task, name, cells[c]);
              json_builder_set_member_name (builder, name);
              json_builder_add_string_value (builder, cells[c]);
            }
        }
      json_builder_end_object (builder);
      if (task->window_start == -2 || task->window_end == -2)
        {
          vox_emu_call_errorf (call, 250, "Invalid CSV file: execution time of row %u", r + 1);
          return NULL;
        }
      if (task->uuid == NULL)
        task->uuid = g_uuid_string_random ();
      if (!uuid_valid (task->uuid) || g_hash_table_contains (seen, task->uuid))
        {
          vox_emu_call_errorf (call, 250, "Invalid CSV file: __task_uuid of row %u is invalid or not unique",
                               r + 1);
          return NULL;
        }
      g_hash_table_add (seen, task->uuid);
      root = json_builder_get_root (builder);
      task->custom_data = json_to_string (root, FALSE);
    }
  if (list->tasks->len + tasks->len > MAX_TASKS)
    {
      vox_emu_call_error (call, 250, "Invalid CSV file: too many rows");
      return NULL;
    }
  return g_steal_pointer (&tasks);
}

/* Adds the tasks not in the list yet; returns how many. */
static guint
add_tasks (GovorunVoximplantEmulator *self,
           VoxEmuCallList            *list,
           GPtrArray                 *tasks)
{
  guint added = 0;

  for (guint i = 0; i < tasks->len; i++)
    {
      Task *task = g_ptr_array_index (tasks, i);

      if (g_hash_table_contains (list->uuids, task->uuid))
        continue;
      g_ptr_array_index (tasks, i) = NULL;
      task->task_id = ++self->next_task_id;
      g_ptr_array_add (list->tasks, task);
      g_hash_table_insert (list->uuids, task->uuid, task);
      added++;
    }
  if (added > 0)
    list->completed = 0;
  return added;
}

static gboolean
call_get_int (Call       *call,
              const char *name,
              gint64      min,
              gint64      max,
              int         code,
              gboolean    required,
              gint64     *out)
{
  const char *text = required ? vox_emu_call_require (call, name) : vox_emu_call_param (call, name);

  if (text == NULL)
    return !required;
  if (!g_ascii_string_to_signed (text, 10, min, max, out, NULL))
    {
      vox_emu_call_errorf (call, code, "Invalid %s: '%s'", name, text);
      return FALSE;
    }
  return TRUE;
}

static VoxEmuCallList *
call_get_list (Call *call)
{
  const char *text = vox_emu_call_param (call, "list_id");
  const char *name = vox_emu_call_param (call, "list_name");
  gint64 id = 0;

  if (text == NULL && name == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SPECIFY_PARAMETER, "Specify the 'list_id' parameter");
      return NULL;
    }
  if (text != NULL && !vox_emu_parse_single_id (text, &id))
    {
      vox_emu_call_errorf (call, 255, "Invalid list_id: '%s'", text);
      return NULL;
    }
  for (guint i = 0; call->account->call_lists != NULL && i < call->account->call_lists->len; i++)
    {
      VoxEmuCallList *list = g_ptr_array_index (call->account->call_lists, i);

      if (text != NULL ? list->list_id == id : g_str_equal (list->name, name))
        return list;
    }
  vox_emu_call_errorf (call, 255, "Invalid list_id: '%s'", text != NULL ? text : name);
  return NULL;
}

static void
reply_batch (Call           *call,
             VoxEmuCallList *list,
             guint           count,
             gboolean        batch_as_string)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, count);
  json_builder_set_member_name (builder, "list_id");
  json_builder_add_int_value (builder, list->list_id);
  json_builder_set_member_name (builder, "batch_id");
  /* A string in CreateCallList's answer, a number in AppendToCallList's
   * (per the official clients' types). */
  if (batch_as_string)
    {
      g_autofree char *batch = g_strdup_printf ("%" G_GINT64_FORMAT, list->next_batch);

      json_builder_add_string_value (builder, batch);
    }
  else
    json_builder_add_int_value (builder, list->next_batch);
  list->next_batch++;
  vox_emu_call_reply (call, builder);
}

void
vox_emu_method_create_call_list (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) tasks = NULL;
  VoxEmuCallList *list;
  const char *name;
  gint64 rule_id, priority, max_simultaneous, num_attempts, interval = 0;
  guint added;

  vox_emu_run_call_lists (self, account, 0);
  if (!call_get_int (call, "rule_id", 1, G_MAXINT64, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID, TRUE, &rule_id) ||
      !call_get_int (call, "priority", 0, G_MAXINT32, 247, TRUE, &priority) ||
      !call_get_int (call, "max_simultaneous", 1, 1000, 248, TRUE, &max_simultaneous) ||
      !call_get_int (call, "num_attempts", 1, 5, 249, TRUE, &num_attempts) ||
      !call_get_int (call, "interval_seconds", 0, 7 * 86400, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, FALSE,
                     &interval) ||
      (name = vox_emu_call_require (call, "name")) == NULL)
    return;
  if (vox_emu_find_rule (account, rule_id) == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID, "Invalid rule_id: %" G_GINT64_FORMAT,
                           rule_id);
      return;
    }
  if (*name == '\0' || g_utf8_strlen (name, -1) > MAX_NAME_CHARS || strchr (name, '/') != NULL ||
      strchr (name, '\\') != NULL)
    {
      vox_emu_call_error (call, 253, "Invalid name");
      return;
    }
  if (account->balance < 1)
    {
      vox_emu_call_error (call, GOVORUN_VOXIMPLANT_CODE_INSUFFICIENT_MONEY,
                          "Insufficient money: the balance must be at least 1 USD");
      return;
    }

  list = g_new0 (VoxEmuCallList, 1);
  list->rule_id = rule_id;
  list->priority = priority;
  list->max_simultaneous = max_simultaneous;
  list->num_attempts = num_attempts;
  list->interval_seconds = interval;
  list->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
  list->uuids = g_hash_table_new (g_str_hash, g_str_equal);
  list->next_batch = 1;
  tasks = call_read_tasks (call, list);
  if (tasks == NULL)
    {
      vox_emu_call_list_free (list);
      return;
    }
  list->list_id = ++self->next_list_id;
  list->name = g_strdup (name);
  list->submitted = vox_emu_now (self);
  list->clock = list->submitted;
  added = add_tasks (self, list, tasks);
  if (account->call_lists == NULL)
    account->call_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) vox_emu_call_list_free);
  g_ptr_array_add (account->call_lists, list);
  reply_batch (call, list, added, TRUE);
}

void
vox_emu_method_append_to_call_list (Call *call)
{
  g_autoptr(GPtrArray) tasks = NULL;
  VoxEmuCallList *list;
  guint added;

  vox_emu_run_call_lists (call->self, call->account, 0);
  if ((list = call_get_list (call)) == NULL || (tasks = call_read_tasks (call, list)) == NULL)
    return;
  added = add_tasks (call->self, list, tasks);
  reply_batch (call, list, added, FALSE);
}

/* How Voximplant names a list stopped by StopCallListProcessing is
 * UNVERIFIED (the reference lists "In progress", "Completed" and
 * "Canceled"); the emulator says "Stopped", which the campaigns service
 * reads as paused. */
static const char *
list_status (VoxEmuCallList *list)
{
  if (!list_open (list))
    return "Completed";
  return list->stopped ? "Stopped" : "In progress";
}

void
vox_emu_method_get_call_lists (Call *call)
{
  Account *account = call->account;
  const char *name = vox_emu_call_param (call, "name");
  const char *id_text = vox_emu_call_param (call, "list_id");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GArray) ids = NULL;
  gboolean all = FALSE;
  guint offset, count;

  vox_emu_run_call_lists (call->self, account, 0);
  if (!vox_emu_call_get_page (call, &offset, &count))
    return;
  if (id_text != NULL &&
      (ids = vox_emu_call_get_ids (call, "list_id", 255, &all)) == NULL)
    return;
  for (guint i = 0; account->call_lists != NULL && i < account->call_lists->len; i++)
    {
      VoxEmuCallList *list = g_ptr_array_index (account->call_lists, i);
      JsonObject *item;
      gboolean wanted = ids == NULL || all;

      for (guint j = 0; ids != NULL && j < ids->len; j++)
        wanted |= g_array_index (ids, gint64, j) == list->list_id;
      if (!wanted || (name != NULL && !g_str_equal (name, list->name)))
        continue;
      item = json_object_new ();
      json_object_set_int_member (item, "list_id", list->list_id);
      json_object_set_string_member (item, "list_name", list->name);
      json_object_set_int_member (item, "priority", list->priority);
      json_object_set_int_member (item, "rule_id", list->rule_id);
      json_object_set_int_member (item, "max_simultaneous", list->max_simultaneous);
      json_object_set_int_member (item, "num_attempts", list->num_attempts);
      json_object_set_int_member (item, "interval_seconds", list->interval_seconds);
      vox_emu_set_timestamp (item, "dt_submit", list->submitted);
      if (!list_open (list) && list->completed != 0)
        vox_emu_set_timestamp (item, "dt_complete", list->completed);
      json_object_set_string_member (item, "status", list_status (list));
      g_ptr_array_add (items, item);
    }
  vox_emu_call_reply_list (call, items, offset, count, NULL);
}

static const char * const status_names[] = { "New", "In progress", "Processed", "Error", "Canceled" };

static char *
format_time_of_day (int seconds)
{
  if (seconds < 0)
    return NULL;
  return g_strdup_printf ("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

void
vox_emu_method_get_call_list_details (Call *call)
{
  Account *account = call->account;
  const char *output = vox_emu_call_param (call, "output");
  VoxEmuCallList *list;
  g_autoptr(JsonBuilder) builder = NULL;
  gint64 offset = 0, count = DETAILS_MAX;
  guint n = 0;

  vox_emu_run_call_lists (call->self, account, 0);
  if ((list = call_get_list (call)) == NULL ||
      !call_get_int (call, "offset", 0, G_MAXINT32, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, FALSE, &offset) ||
      !call_get_int (call, "count", 1, DETAILS_MAX, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, FALSE, &count))
    return;
  if (output == NULL || !g_str_equal (output, "json"))
    {
      /* The default is a CSV file whose layout is not documented; the
       * emulator answers JSON only and says so. */
      vox_emu_call_error (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS,
                          "Invalid arguments: the sandbox answers output=json only");
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  for (guint i = (guint) offset; i < list->tasks->len && n < count; i++, n++)
    {
      Task *task = g_ptr_array_index (list->tasks, i);
      g_autofree char *start = format_time_of_day (task->window_start);
      g_autofree char *end = format_time_of_day (task->window_end);
      g_autoptr(JsonParser) parser = json_parser_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "list_id");
      json_builder_add_int_value (builder, list->list_id);
      json_builder_set_member_name (builder, "task_id");
      json_builder_add_int_value (builder, task->task_id);
      json_builder_set_member_name (builder, "task_uuid");
      json_builder_add_string_value (builder, task->uuid);
      json_builder_set_member_name (builder, "custom_data");
      if (json_parser_load_from_data (parser, task->custom_data, -1, NULL))
        json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
      else
        json_builder_add_string_value (builder, task->custom_data);
      json_builder_set_member_name (builder, "start_execution_time");
      json_builder_add_string_value (builder, start != NULL ? start : "00:00:00");
      json_builder_set_member_name (builder, "finish_execution_time");
      json_builder_add_string_value (builder, end != NULL ? end : "23:59:59");
      json_builder_set_member_name (builder, "result_data");
      if (task->result != NULL && json_parser_load_from_data (parser, task->result, -1, NULL))
        json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "last_attempt");
      if (task->last_attempt != 0)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (task->last_attempt);
          g_autofree char *text = g_date_time_format (when, "%Y-%m-%d %H:%M:%S");

          json_builder_add_string_value (builder, text);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "attempts_left");
      json_builder_add_int_value (builder, task->attempts_left);
      json_builder_set_member_name (builder, "status_id");
      json_builder_add_int_value (builder, task->status);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, status_names[task->status]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, n);
  vox_emu_call_reply (call, builder);
}

void
vox_emu_method_stop_call_list_processing (Call *call)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  VoxEmuCallList *list;

  vox_emu_run_call_lists (call->self, call->account, 0);
  if ((list = call_get_list (call)) == NULL)
    return;
  list->stopped = TRUE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "msg");
  json_builder_add_string_value (builder, "Processing of the call list has been stopped");
  vox_emu_call_reply (call, builder);
}

void
vox_emu_method_recover_call_list (Call *call)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  VoxEmuCallList *list;
  guint open = 0;

  vox_emu_run_call_lists (call->self, call->account, 0);
  if ((list = call_get_list (call)) == NULL)
    return;
  list->stopped = FALSE;
  for (guint i = 0; i < list->tasks->len; i++)
    open += ((Task *) g_ptr_array_index (list->tasks, i))->status < 2;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "count_recovery");
  json_builder_add_int_value (builder, open);
  vox_emu_call_reply (call, builder);
}

/* -- the public hooks -- */

void
govorun_voximplant_emulator_advance_call_lists (GovorunVoximplantEmulator *self,
                                                gint64                     seconds)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    vox_emu_run_call_lists (self, value, seconds);
  g_mutex_unlock (&self->lock);
}

guint
govorun_voximplant_emulator_get_call_list_dials (GovorunVoximplantEmulator *self,
                                                 const char                *task_uuid)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), 0);
  g_return_val_if_fail (task_uuid != NULL, 0);

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Account *account = value;

      for (guint i = 0; account->call_lists != NULL && i < account->call_lists->len; i++)
        {
          VoxEmuCallList *list = g_ptr_array_index (account->call_lists, i);
          Task *task = g_hash_table_lookup (list->uuids, task_uuid);

          n += task != NULL ? (guint) task->attempts_made : 0;
        }
    }
  g_mutex_unlock (&self->lock);
  return n;
}

guint
govorun_voximplant_emulator_get_deferred_sessions (GovorunVoximplantEmulator *self)
{
  guint n;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), 0);

  g_mutex_lock (&self->lock);
  n = self->deferred_sessions;
  g_mutex_unlock (&self->lock);
  return n;
}

void
govorun_voximplant_emulator_set_call_list_speed (GovorunVoximplantEmulator *self,
                                                 double                     speed)
{
  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->call_list_speed = MAX (speed, 0);
  self->call_list_last_run = 0;
  g_mutex_unlock (&self->lock);
}

gint64
vox_emu_call_list_get_rule_id (VoxEmuCallList *list)
{
  return list->rule_id;
}
