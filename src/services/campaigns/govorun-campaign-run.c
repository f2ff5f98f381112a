/* govorun-campaign-run.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCampaigns"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "govorun-campaign-debt.h"
#include "govorun-campaign-schedule.h"
#include "govorun-campaigns-private.h"
#include "govorun-provider-objects.h"
#include "govorun-voximplant-client.h"

/*
 * Running campaigns on Voximplant's call lists.
 *
 * Start: the contacts go in batches — CreateCallList with the first,
 * AppendToCallList with the rest — on the agent's outbound rule. The list
 * is named "govorun-<campaign id>" and the campaign is saved as "creating"
 * before CreateCallList is sent: if the answer is lost, or the app is
 * killed before it saved the list's id, the next start (or refresh) finds
 * the list by its name instead of creating a second one. Every contact's
 * __task_uuid is made from the campaign's id and its seq, and a batch sent
 * again adds nobody twice, so nobody is dialled twice.
 *
 * Refresh reads GetCallListDetails page by page into the contacts and
 * recounts the campaign; a campaign whose contacts are all done is
 * finished, one whose list is gone or whose account ran out of money is
 * stopped (campaign-finished, campaign-stopped).
 */

/* Seconds between automatic refreshes when the settings do not say. */
#define DEFAULT_REFRESH_SECONDS 30
/* Under this the dialer stops (Voximplant's rule for call lists). */
#define MIN_BALANCE 1.0

typedef enum
{
  OP_START,
  OP_PAUSE,
  OP_RESUME,
  OP_CANCEL,
  OP_APPEND,
  OP_REFRESH,
} OpKind;

typedef struct
{
  OpKind                   kind;
  GovorunCampaign         *campaign;
  GovorunAccount          *account;
  GovorunVoximplantClient *client;
  gint64                   rule_id;
  gint64                   next_seq;
  gint64                   campaign_rowid;
  guint                    offset;          /* details page */
  gboolean                 resent;          /* a Stop/Recover whose answer was lost, sent again */
  gboolean                 stopped_there;   /* the account's list is stopped already */
  GPtrArray               *updates;         /* GovorunCampaignTaskUpdate */
  GPtrArray               *results;         /* GovorunVoximplantCallListTask that are over */
  GovorunPreflight        *preflight;       /* append */
  GovorunCampaignImport   *import;          /* append, until the write frees it */
} Op;

static void
op_free (Op *op)
{
  g_clear_object (&op->campaign);
  g_clear_object (&op->account);
  g_clear_object (&op->client);
  g_clear_pointer (&op->updates, g_ptr_array_unref);
  g_clear_pointer (&op->results, g_ptr_array_unref);
  g_clear_object (&op->preflight);
  g_free (op);
}

/* The operation is over: the campaign can take another. */
static void
op_return_error (GTask  *task,
                 GError *error)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  g_hash_table_remove (self->busy, govorun_campaign_get_id (op->campaign));
  g_task_return_error (task, error);
}

static void
op_return_done (GTask *task)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  g_hash_table_remove (self->busy, govorun_campaign_get_id (op->campaign));
  if (op->kind == OP_APPEND)
    g_task_return_pointer (task, g_object_ref (op->preflight), g_object_unref);
  else
    g_task_return_boolean (task, TRUE);
}

/* A provider's refusal as the campaigns' error, with Voximplant's code
 * kept in the message (the client's sentence names it). */
static GError *
provider_error (GError     *error,
                const char *what)
{
  GError *out;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  if (g_error_matches (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_INSUFFICIENT_FUNDS))
    out = g_error_new (GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NO_MONEY,
                       _("%s Voximplant needs a balance of at least 1 USD for a call list: top up the account "
                         "and try again. %s"), what, error->message);
  else
    out = g_error_new (GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_PROVIDER, "%s %s", what, error->message);
  g_error_free (error);
  return out;
}

/* -- the CSV of a batch -- */

/* The contact's hours as the campaign sets them; a debt-collection
 * campaign's are the law's per kind of day on the Russian calendar. */
static void
campaign_hours (GovorunCampaign      *campaign,
                GovorunCampaignHours *hours)
{
  if (govorun_campaign_get_debt_mode (campaign))
    govorun_campaign_debt_schedule_hours (campaign, hours);
  else
    govorun_campaign_hours_init_simple (hours, govorun_campaign_get_window_start (campaign),
                                        govorun_campaign_get_window_end (campaign),
                                        govorun_campaign_get_allowed_days (campaign));
}

/* What every contact of one zone gets: computed once per zone and batch. */
typedef struct
{
  char    *column;
  gint64   start_at;
  int      guard_start;
  int      guard_end;
} ZoneSchedule;

static void
zone_schedule_free (ZoneSchedule *zone)
{
  g_free (zone->column);
  g_free (zone);
}

static ZoneSchedule *
zone_schedule (GHashTable                 *cache,
               const GovorunCampaignHours *hours,
               const char                 *zone,
               gint64                      from)
{
  ZoneSchedule *out = g_hash_table_lookup (cache, zone != NULL ? zone : "");

  if (out != NULL)
    return out;
  out = g_new0 (ZoneSchedule, 1);
  out->column = govorun_campaign_schedule_column (hours, zone, from);
  out->start_at = govorun_campaign_schedule_next (hours, zone, from);
  if (out->start_at < 0)
    out->start_at = from;  /* nothing allowed: the scenario reports it */
  /* The coarse daily guard, wide enough for every kind of day and every
   * offset of the horizon; the scenario checks the exact hours. */
  if (!govorun_campaign_schedule_utc_guard (hours, zone, from, &out->guard_start, &out->guard_end))
    out->guard_start = out->guard_end = -1;
  g_hash_table_insert (cache, g_strdup (zone != NULL ? zone : ""), out);
  return out;
}

/* Seconds between a contact's attempts: the call list's interval_seconds
 * and the govorun_interval column the scenario retries by. */
static guint
retry_interval_seconds (GovorunCampaign *campaign)
{
  guint seconds = govorun_campaign_get_retry_interval_minutes (campaign) * 60;

  /* Debt mode: attempts a day apart, whatever an older draft holds. */
  if (govorun_campaign_get_debt_mode (campaign))
    seconds = MAX (seconds, 24 * 60 * 60);
  return seconds;
}

static char *
batch_csv (GovorunCampaign *campaign,
           gint64           campaign_rowid,
           GPtrArray       *rows)
{
  g_autofree GovorunVoximplantCallListRow *out = g_new0 (GovorunVoximplantCallListRow, MAX (rows->len, 1));
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) zone_schedule_free);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 from = MAX (now, govorun_campaign_get_start_at (campaign));
  const char *campaign_zone = govorun_campaign_get_time_zone (campaign);
  GovorunCampaignHours hours;

  campaign_hours (campaign, &hours);
  for (guint i = 0; i < rows->len; i++)
    {
      GovorunCampaignTaskRow *row = g_ptr_array_index (rows, i);
      const char *zone = row->zone != NULL ? row->zone : campaign_zone;
      ZoneSchedule *schedule = zone_schedule (cache, &hours, zone, from);

      out[i].phone = row->phone;
      out[i].caller_id = govorun_campaign_get_caller_number (campaign);
      out[i].campaign_id = campaign_rowid;
      out[i].contact_id = row->id;
      out[i].variables = row->variables;
      out[i].task_uuid = row->task_uuid;
      out[i].window_start = schedule->guard_start;
      out[i].window_end = schedule->guard_end;
      out[i].start_at = schedule->start_at > now ? schedule->start_at : 0;
      out[i].schedule = schedule->column;
      out[i].attempts = (int) govorun_campaign_get_attempts (campaign);
      out[i].interval = (int) retry_interval_seconds (campaign);
    }
  return govorun_voximplant_call_list_csv (out, rows->len);
}

/* -- start -- */

static void send_next_batch (GTask *task);

static void
finish_start (GTask *task)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  govorun_campaign_set_error_message (op->campaign, NULL);
  govorun_campaign_set_state (op->campaign, govorun_campaign_get_start_at (op->campaign) > now
                                            ? GOVORUN_CAMPAIGN_STATE_SCHEDULED
                                            : GOVORUN_CAMPAIGN_STATE_RUNNING);
  _govorun_campaigns_save (self, op->campaign);
  op_return_done (task);
}

static void
on_list_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_campaign_records_save_finish (GOVORUN_STORE (source), result, &error))
    {
      op_return_error (task, error);
      return;
    }
  send_next_batch (g_steal_pointer (&task));
}

/* The list exists: its id is saved before anything else is sent. */
static void
adopt_list (GTask  *task,
            gint64  list_id)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  govorun_campaign_set_list_id (op->campaign, list_id);
  /* "Start now": the call list dials from its creation, so that is when
   * the campaign started (not when it was created in Govorun). */
  if (govorun_campaign_get_start_at (op->campaign) <= 0)
    govorun_campaign_set_start_at (op->campaign, g_get_real_time () / G_USEC_PER_SEC);
  _govorun_campaigns_set_list_state (op->campaign, GOVORUN_CAMPAIGN_LIST_CREATED);
  govorun_campaign_records_save_async (self->store, op->campaign, GOVORUN_CAMPAIGN_LIST_CREATED,
                                       g_task_get_cancellable (task), on_list_saved, task);
}

static void
on_appended (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunVoximplantCallListBatch) batch = NULL;
  GError *error = NULL;

  batch = govorun_voximplant_client_append_to_call_list_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result,
                                                                &error);
  if (batch == NULL)
    {
      op_return_error (task, provider_error (error, _("Voximplant did not take the campaign’s contacts.")));
      return;
    }
  send_next_batch (g_steal_pointer (&task));
}

static void create_list (GTask *task, GPtrArray *rows);

static void
on_batch_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  GError *error = NULL;

  rows = govorun_campaign_records_read_tasks_finish (GOVORUN_STORE (source), result, &op->campaign_rowid, &error);
  if (rows == NULL)
    {
      op_return_error (task, error);
      return;
    }
  if (rows->len == 0)
    {
      if (op->kind == OP_APPEND)
        op_return_done (task);
      else
        finish_start (task);
      return;
    }
  op->next_seq = ((GovorunCampaignTaskRow *) g_ptr_array_index (rows, rows->len - 1))->seq + 1;
  if (_govorun_campaigns_list_state (op->campaign) != GOVORUN_CAMPAIGN_LIST_CREATED)
    {
      create_list (g_steal_pointer (&task), rows);
      return;
    }
  csv = batch_csv (op->campaign, op->campaign_rowid, rows);
  govorun_voximplant_client_append_to_call_list_async (op->client, govorun_campaign_get_list_id (op->campaign),
                                                       csv, g_task_get_cancellable (task), on_appended,
                                                       g_object_ref (task));
}

static void
send_next_batch (GTask *task)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  govorun_campaign_records_read_tasks_async (self->store, govorun_campaign_get_id (op->campaign), op->next_seq,
                                             self->batch_size, g_task_get_cancellable (task), on_batch_read, task);
}

typedef struct
{
  GTask *task;
  GError *create_error;  /* why CreateCallList failed, when it did */
} Lookup;

static void
on_list_looked_up (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(GTask) task = lookup->task;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) lists = NULL;
  g_autofree char *name = _govorun_campaigns_list_name (govorun_campaign_get_id (op->campaign));
  GError *error = NULL;

  lists = govorun_voximplant_client_get_call_lists_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result, NULL,
                                                           &error);
  if (lists == NULL)
    {
      g_clear_error (&lookup->create_error);
      g_free (lookup);
      op_return_error (task, provider_error (error, _("Could not look for the campaign’s call list.")));
      return;
    }
  for (guint i = 0; i < lists->len; i++)
    {
      GovorunVoximplantCallList *list = g_ptr_array_index (lists, i);

      if (g_strcmp0 (list->list_name, name) == 0)
        {
          /* Created before, its answer lost: this is the campaign's list. */
          g_clear_error (&lookup->create_error);
          g_free (lookup);
          op->next_seq = 1;
          adopt_list (g_steal_pointer (&task), list->list_id);
          return;
        }
    }
  if (lookup->create_error != NULL)
    {
      /* Not created: the error stands. The state stays "creating", so
       * the next try looks again first. */
      op_return_error (task, provider_error (lookup->create_error, _("Voximplant did not create the call list.")));
      g_free (lookup);
      return;
    }
  g_free (lookup);
  /* Never created: create it now, from the first contact. */
  op->next_seq = 1;
  send_next_batch (g_steal_pointer (&task));
}

static void
look_for_list (GTask  *task,
               GError *create_error)
{
  Op *op = g_task_get_task_data (task);
  g_autofree char *name = _govorun_campaigns_list_name (govorun_campaign_get_id (op->campaign));
  Lookup *lookup = g_new0 (Lookup, 1);

  lookup->task = task;
  lookup->create_error = create_error;
  govorun_voximplant_client_get_call_lists_async (op->client, name, 0, 0, 0, g_task_get_cancellable (task),
                                                  on_list_looked_up, lookup);
}

static void
on_list_created (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GovorunVoximplantCallListBatch) batch = NULL;
  GError *error = NULL;

  batch = govorun_voximplant_client_create_call_list_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result, &error);
  if (batch == NULL)
    {
      /* Voximplant's own refusals are certain; anything else (no answer,
       * an answer not understood) may hide a list that was created. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          govorun_voximplant_error_get_provider_code (error) != 0)
        op_return_error (task, provider_error (error, _("Voximplant did not create the call list.")));
      else
        look_for_list (g_steal_pointer (&task), error);
      return;
    }
  adopt_list (g_steal_pointer (&task), batch->list_id);
}

typedef struct
{
  GTask *task;
  char  *csv;
} Creating;

static void
on_creating_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Creating *creating = user_data;
  g_autoptr(GTask) task = creating->task;
  g_autofree char *csv = creating->csv;
  Op *op = g_task_get_task_data (task);
  g_autofree char *name = _govorun_campaigns_list_name (govorun_campaign_get_id (op->campaign));
  GovorunVoximplantCallListSpec spec = { 0 };
  GError *error = NULL;

  g_free (creating);
  if (!govorun_campaign_records_save_finish (GOVORUN_STORE (source), result, &error))
    {
      op_return_error (task, error);
      return;
    }
  spec.rule_id = op->rule_id;
  spec.priority = govorun_campaign_get_priority (op->campaign);
  spec.max_simultaneous = govorun_campaign_get_concurrency (op->campaign);
  spec.num_attempts = govorun_campaign_get_attempts (op->campaign);
  spec.interval_seconds = retry_interval_seconds (op->campaign);
  spec.name = name;
  spec.file_content = csv;
  govorun_voximplant_client_create_call_list_async (op->client, &spec, g_task_get_cancellable (task),
                                                    on_list_created, g_object_ref (task));
}

static void
create_list (GTask     *task,
             GPtrArray *rows)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  Creating *creating = g_new0 (Creating, 1);

  creating->task = task;
  creating->csv = batch_csv (op->campaign, op->campaign_rowid, rows);
  /* Saved before sending: a lost answer or a crash leaves "creating", and
   * the next start looks for the list by name first. */
  _govorun_campaigns_set_list_state (op->campaign, GOVORUN_CAMPAIGN_LIST_CREATING);
  govorun_campaign_records_save_async (self->store, op->campaign, GOVORUN_CAMPAIGN_LIST_CREATING,
                                       g_task_get_cancellable (task), on_creating_saved, creating);
}

/* -- the client and the rule -- */

static void run_op (GTask *task);
static gboolean state_allows (OpKind               kind,
                              GovorunCampaignState state,
                              int                  list_state);

/* -- the list's state on the account --
 *
 * Two computers may steer one campaign. Before a pause, resume, cancel or
 * refresh the list's status is read and the campaign takes the state the
 * account has, so neither acts on a state it only remembers: a list another
 * computer stopped is paused here, one it recovered is running, one it
 * cancelled is cancelled. Stop and Recover change nothing when repeated, so
 * Recover is always sent (a stopped list's status word is UNVERIFIED); Stop
 * is left out when the account already says "Stopped". */

static gboolean
loosely_allows (OpKind               kind,
                GovorunCampaignState state)
{
  /* The account may say otherwise: checked again after reading it. */
  return (kind == OP_PAUSE || kind == OP_RESUME) &&
         (state == GOVORUN_CAMPAIGN_STATE_RUNNING || state == GOVORUN_CAMPAIGN_STATE_SCHEDULED ||
          state == GOVORUN_CAMPAIGN_STATE_PAUSED || state == GOVORUN_CAMPAIGN_STATE_FAILED);
}

/* The state @campaign takes from its list's @status on the account. */
static GovorunCampaignState
state_from_list (GovorunCampaignState state,
                 const char          *status)
{
  if (g_strcmp0 (status, "Canceled") == 0)
    return GOVORUN_CAMPAIGN_STATE_CANCELLED;
  if (g_strcmp0 (status, "Stopped") == 0 &&
      (state == GOVORUN_CAMPAIGN_STATE_RUNNING || state == GOVORUN_CAMPAIGN_STATE_SCHEDULED))
    return GOVORUN_CAMPAIGN_STATE_PAUSED;
  if (g_strcmp0 (status, "In progress") == 0 && state == GOVORUN_CAMPAIGN_STATE_PAUSED)
    return GOVORUN_CAMPAIGN_STATE_RUNNING;
  /* A list that ran to its end after another computer resumed it: running,
   * so that the contacts' count finishes it (and says so once). */
  if (g_strcmp0 (status, "Completed") == 0 && state == GOVORUN_CAMPAIGN_STATE_PAUSED)
    return GOVORUN_CAMPAIGN_STATE_RUNNING;
  /* Otherwise "Completed" is decided by the contacts' count. */
  return state;
}

static void
on_list_state (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) lists = NULL;
  GovorunCampaignState before = govorun_campaign_get_state (op->campaign);
  GovorunCampaignState now = before;
  GError *error = NULL;

  lists = govorun_voximplant_client_get_call_lists_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result, NULL, &error);
  if (lists == NULL)
    {
      op_return_error (task, provider_error (error, _("Could not read the campaign’s state on Voximplant.")));
      return;
    }
  for (guint i = 0; i < lists->len; i++)
    {
      GovorunVoximplantCallList *list = g_ptr_array_index (lists, i);

      if (list->list_id != govorun_campaign_get_list_id (op->campaign))
        continue;
      now = state_from_list (before, list->status);
      op->stopped_there = g_strcmp0 (list->status, "Stopped") == 0;
    }
  if (now != before)
    {
      if (now == GOVORUN_CAMPAIGN_STATE_RUNNING)
        govorun_campaign_set_error_message (op->campaign, NULL);
      govorun_campaign_set_state (op->campaign, now);
      _govorun_campaigns_save (self, op->campaign);
    }
  if (op->kind == OP_REFRESH)
    {
      run_op (g_steal_pointer (&task));
      return;
    }
  if (!state_allows (op->kind, now, _govorun_campaigns_list_state (op->campaign)))
    {
      /* Another computer did it already: what was asked holds. */
      if ((op->kind == OP_PAUSE && now == GOVORUN_CAMPAIGN_STATE_PAUSED && before != now) ||
          (op->kind == OP_RESUME && now == GOVORUN_CAMPAIGN_STATE_RUNNING && before != now))
        op_return_done (task);
      else
        op_return_error (task, g_error_new_literal (GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE,
                                                    _("The campaign cannot do that in its state now.")));
      return;
    }
  if (op->kind == OP_PAUSE && op->stopped_there)
    {
      govorun_campaign_set_state (op->campaign, GOVORUN_CAMPAIGN_STATE_PAUSED);
      _govorun_campaigns_save (self, op->campaign);
      op_return_done (task);
      return;
    }
  run_op (g_steal_pointer (&task));
}

static void
read_list_state (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_get_call_lists_async (op->client, NULL, govorun_campaign_get_list_id (op->campaign), 0, 0,
                                                  g_task_get_cancellable (task), on_list_state, task);
}

static void
on_client (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  op->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (source), result, &error);
  if (op->client == NULL)
    {
      op_return_error (task, error);
      return;
    }
  if ((op->kind == OP_PAUSE || op->kind == OP_RESUME || op->kind == OP_CANCEL || op->kind == OP_REFRESH) &&
      govorun_campaign_get_list_id (op->campaign) > 0)
    {
      read_list_state (g_steal_pointer (&task));
      return;
    }
  run_op (g_steal_pointer (&task));
}

static void
on_objects (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) objects = NULL;
  GError *error = NULL;

  objects = govorun_provider_objects_list_finish (GOVORUN_STORE (source), result, NULL, &error);
  if (objects == NULL)
    {
      op_return_error (task, error);
      return;
    }
  for (guint i = 0; i < objects->len; i++)
    {
      GovorunProviderObject *object = g_ptr_array_index (objects, i);

      if (g_strcmp0 (object->object_type, "rule") == 0 && g_str_has_suffix (object->name, "-outbound") &&
          object->provider_id != NULL)
        g_ascii_string_to_signed (object->provider_id, 10, 1, G_MAXINT64, &op->rule_id, NULL);
    }
  if (op->rule_id == 0)
    {
      op_return_error (task, g_error_new_literal (GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NOT_OUTBOUND,
                                                  _("The agent makes no outbound calls. Turn on outbound calls "
                                                    "in the agent’s settings and deploy it, then start again.")));
      return;
    }
  govorun_client_factory_voximplant_async (self->factory, op->account, NULL, g_task_get_cancellable (task),
                                           on_client, g_object_ref (task));
}

/* Checks the campaign can take @kind now and starts the operation. */
static GTask *
op_new (GovorunCampaigns    *self,
        OpKind               kind,
        GovorunCampaign     *campaign,
        gpointer             source_tag,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  g_task_set_source_tag (task, source_tag);
  op->kind = kind;
  op->campaign = g_object_ref (campaign);
  op->next_seq = 1;
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  return task;
}

static gboolean
state_allows (OpKind               kind,
              GovorunCampaignState state,
              int                  list_state)
{
  switch (kind)
    {
    case OP_START:
      return state == GOVORUN_CAMPAIGN_STATE_DRAFT;
    case OP_PAUSE:
      return state == GOVORUN_CAMPAIGN_STATE_RUNNING || state == GOVORUN_CAMPAIGN_STATE_SCHEDULED;
    case OP_RESUME:
      return state == GOVORUN_CAMPAIGN_STATE_PAUSED || state == GOVORUN_CAMPAIGN_STATE_FAILED;
    case OP_CANCEL:
      return state == GOVORUN_CAMPAIGN_STATE_RUNNING || state == GOVORUN_CAMPAIGN_STATE_SCHEDULED ||
             state == GOVORUN_CAMPAIGN_STATE_PAUSED || state == GOVORUN_CAMPAIGN_STATE_FAILED;
    case OP_APPEND:
      return list_state == GOVORUN_CAMPAIGN_LIST_CREATED &&
             (state == GOVORUN_CAMPAIGN_STATE_RUNNING || state == GOVORUN_CAMPAIGN_STATE_SCHEDULED ||
              state == GOVORUN_CAMPAIGN_STATE_PAUSED || state == GOVORUN_CAMPAIGN_STATE_FINISHED);
    case OP_REFRESH:
    default:
      return list_state == GOVORUN_CAMPAIGN_LIST_CREATED;
    }
}

static void
op_begin (GTask *task)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  const char *id = govorun_campaign_get_id (op->campaign);
  GovorunAgent *agent;
  const char *account_id;

  if (!state_allows (op->kind, govorun_campaign_get_state (op->campaign),
                     _govorun_campaigns_list_state (op->campaign)) &&
      !loosely_allows (op->kind, govorun_campaign_get_state (op->campaign)))
    {
      g_task_return_new_error (task, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE,
                               _("The campaign cannot do that in its state now."));
      g_object_unref (task);
      return;
    }
  if (g_hash_table_contains (self->busy, id))
    {
      g_task_return_new_error (task, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE,
                               _("The campaign is busy with another request. Try again in a moment."));
      g_object_unref (task);
      return;
    }
  g_hash_table_add (self->busy, g_strdup (id));

  agent = govorun_agent_store_find_by_uuid (self->agents, govorun_campaign_get_agent_id (op->campaign));
  account_id = govorun_campaign_get_account_id (op->campaign);
  if (account_id == NULL && agent != NULL)
    {
      account_id = govorun_agent_get_vox_account_uuid (agent);
      govorun_campaign_set_account_id (op->campaign, account_id);
    }
  op->account = account_id != NULL ? govorun_account_store_find_by_uuid (self->accounts, account_id) : NULL;
  if (op->account != NULL)
    g_object_ref (op->account);
  if (op->account == NULL)
    {
      op_return_error (task, g_error_new_literal (GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NOT_FOUND,
                                                  _("The campaign’s Voximplant account is gone. Add the account "
                                                    "again in Accounts.")));
      g_object_unref (task);
      return;
    }
  if (op->kind == OP_START && _govorun_campaigns_list_state (op->campaign) == GOVORUN_CAMPAIGN_LIST_NONE &&
      !govorun_campaign_debt_preflight_is_current (op->campaign, g_get_real_time () / G_USEC_PER_SEC))
    {
      op_return_error (task, g_error_new_literal (GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE,
                                                  _("The 230-FZ limits of this draft were counted for an earlier "
                                                    "day. Delete the draft and prepare the campaign again, so "
                                                    "that today’s calls are counted.")));
      g_object_unref (task);
      return;
    }
  if (op->kind == OP_START)
    {
      if (agent == NULL)
        {
          op_return_error (task, g_error_new_literal (GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NOT_FOUND,
                                                      _("The campaign’s agent is gone. Start a new campaign with "
                                                        "another agent.")));
          g_object_unref (task);
          return;
        }
      govorun_provider_objects_list_async (self->store, account_id, govorun_agent_get_uuid (agent),
                                           g_task_get_cancellable (task), on_objects, task);
      return;
    }
  govorun_client_factory_voximplant_async (self->factory, op->account, NULL, g_task_get_cancellable (task),
                                           on_client, task);
}

/* -- pause, resume, cancel -- */

static void
on_list_call_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GovorunVoximplantClient *client = GOVORUN_VOXIMPLANT_CLIENT (source);
  GError *error = NULL;
  gboolean ok;

  if (op->kind == OP_RESUME)
    ok = govorun_voximplant_client_recover_call_list_finish (client, result, &error);
  else
    ok = govorun_voximplant_client_stop_call_list_finish (client, result, &error);
  /* Stopping a stopped list or recovering a running one changes nothing,
   * so a request whose answer was lost (no Voximplant code: no answer, or
   * one not understood) is sent once more rather than reported failed. */
  if (!ok && !op->resent && govorun_voximplant_error_get_provider_code (error) == 0 &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Sending %s again after: %s", op->kind == OP_RESUME ? "RecoverCallList" : "StopCallListProcessing",
               error->message);
      g_clear_error (&error);
      op->resent = TRUE;
      run_op (g_steal_pointer (&task));
      return;
    }
  if (!ok)
    {
      op_return_error (task, provider_error (error, op->kind == OP_RESUME
                                                    ? _("Voximplant did not resume the campaign.")
                                                    : _("Voximplant did not stop the campaign.")));
      return;
    }
  switch (op->kind)
    {
    case OP_PAUSE:
      govorun_campaign_set_state (op->campaign, GOVORUN_CAMPAIGN_STATE_PAUSED);
      break;
    case OP_RESUME:
      govorun_campaign_set_error_message (op->campaign, NULL);
      govorun_campaign_set_state (op->campaign, GOVORUN_CAMPAIGN_STATE_RUNNING);
      break;
    case OP_CANCEL:
    default:
      govorun_campaign_set_state (op->campaign, GOVORUN_CAMPAIGN_STATE_CANCELLED);
      break;
    }
  _govorun_campaigns_save (self, op->campaign);
  op_return_done (task);
}

/* -- refresh -- */

static void read_details (GTask *task);

static gint64
parse_timestamp (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  int y, mo, d, h, mi, s;

  if (text == NULL || sscanf (text, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6)
    return 0;
  when = g_date_time_new (utc, y, mo, d, h, mi, s);
  return when != NULL ? g_date_time_to_unix (when) : 0;
}

static void
on_balance (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GovorunVoximplantAccountInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = govorun_voximplant_client_get_account_info_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result, &error);
  if (info != NULL && info->balance < MIN_BALANCE &&
      govorun_campaign_get_state (op->campaign) == GOVORUN_CAMPAIGN_STATE_RUNNING)
    {
      g_autofree char *reason = g_strdup_printf (_("The campaign stopped: the Voximplant balance is %.2f, "
                                                   "under the 1 USD call lists need. Top up the account, then "
                                                   "resume the campaign."), info->balance);

      govorun_campaign_set_error_message (op->campaign, reason);
      govorun_campaign_set_state (op->campaign, GOVORUN_CAMPAIGN_STATE_FAILED);
      _govorun_campaigns_save (self, op->campaign);
      _govorun_campaigns_emit_stopped (self, op->campaign, reason);
    }
  op_return_done (task);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GovorunCampaignCounts counts = { 0 };
  GovorunCampaignState state = govorun_campaign_get_state (op->campaign);
  GError *error = NULL;

  if (!govorun_campaign_records_update_tasks_finish (GOVORUN_STORE (source), result, &counts, &error))
    {
      op_return_error (task, error);
      return;
    }
  g_object_freeze_notify (G_OBJECT (op->campaign));
  govorun_campaign_set_total (op->campaign, counts.total);
  govorun_campaign_set_done (op->campaign, counts.done);
  govorun_campaign_set_answered (op->campaign, counts.answered);
  govorun_campaign_set_successful (op->campaign, counts.successful);
  govorun_campaign_set_failed_contacts (op->campaign, counts.failed);
  if (state == GOVORUN_CAMPAIGN_STATE_SCHEDULED && counts.done > 0)
    govorun_campaign_set_state (op->campaign, state = GOVORUN_CAMPAIGN_STATE_RUNNING);
  if (counts.total > 0 && counts.done >= counts.total &&
      (state == GOVORUN_CAMPAIGN_STATE_RUNNING || state == GOVORUN_CAMPAIGN_STATE_SCHEDULED ||
       state == GOVORUN_CAMPAIGN_STATE_FAILED))
    {
      govorun_campaign_set_state (op->campaign, GOVORUN_CAMPAIGN_STATE_FINISHED);
      govorun_campaign_set_expected_finish (op->campaign, g_get_real_time () / G_USEC_PER_SEC);
    }
  g_object_thaw_notify (G_OBJECT (op->campaign));
  _govorun_campaigns_save (self, op->campaign);
  for (guint i = 0; op->results != NULL && i < op->results->len; i++)
    {
      GovorunVoximplantCallListTask *t = g_ptr_array_index (op->results, i);
      gint64 made = (gint64) govorun_campaign_get_attempts (op->campaign) - MAX (t->attempts_left, 0);

      _govorun_campaigns_emit_contact_result (self, op->campaign,
                                              govorun_campaign_records_task_seq (govorun_campaign_get_id (op->campaign),
                                                                                 t->task_uuid),
                                              t->campaign_id, t->contact_id, t->phone_number,
                                              t->result_data, (guint) MAX (made, 1));
    }
  g_clear_pointer (&op->results, g_ptr_array_unref);
  if (govorun_campaign_get_state (op->campaign) == GOVORUN_CAMPAIGN_STATE_FINISHED &&
      state != GOVORUN_CAMPAIGN_STATE_FINISHED)
    _govorun_campaigns_emit_finished (self, op->campaign);

  if (govorun_campaign_get_state (op->campaign) == GOVORUN_CAMPAIGN_STATE_RUNNING)
    govorun_voximplant_client_get_account_info_async (op->client, g_task_get_cancellable (task), on_balance,
                                                      g_object_ref (task));
  else
    op_return_done (task);
}

static void
on_details (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) tasks = NULL;
  GError *error = NULL;

  tasks = govorun_voximplant_client_get_call_list_details_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result,
                                                                  &error);
  if (tasks == NULL)
    {
      if (govorun_voximplant_error_get_provider_code (error) == 255)
        {
          g_autofree char *reason = g_strdup (_("The campaign’s call list is gone from Voximplant: it was "
                                                "deleted there. Its results so far are kept here."));

          govorun_campaign_set_error_message (op->campaign, reason);
          govorun_campaign_set_state (op->campaign, GOVORUN_CAMPAIGN_STATE_FAILED);
          _govorun_campaigns_save (self, op->campaign);
          _govorun_campaigns_emit_stopped (self, op->campaign, reason);
        }
      op_return_error (task, provider_error (error, _("Could not read the campaign’s progress.")));
      return;
    }
  for (guint i = 0; i < tasks->len; i++)
    {
      GovorunVoximplantCallListTask *t = g_ptr_array_index (tasks, i);
      gint64 seq = govorun_campaign_records_task_seq (govorun_campaign_get_id (op->campaign), t->task_uuid);
      GovorunCampaignTaskUpdate *update;

      if (seq == 0)
        continue;  /* not one of ours */
      update = g_new0 (GovorunCampaignTaskUpdate, 1);
      update->seq = seq;
      update->status = (int) t->status_id;
      update->attempts_left = MAX (t->attempts_left, 0);
      update->last_attempt = parse_timestamp (t->last_attempt);
      update->result = g_strdup (t->result_data);
      update->answered = t->answered;
      update->successful = t->successful;
      g_ptr_array_add (op->updates, update);
      if ((t->status_id == GOVORUN_CONTACT_STATUS_PROCESSED || t->status_id == GOVORUN_CONTACT_STATUS_ERROR)
          && t->campaign_id > 0 && t->contact_id > 0)
        {
          if (op->results == NULL)
            op->results = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_call_list_task_free);
          g_ptr_array_add (op->results, govorun_voximplant_call_list_task_copy (t));
        }
    }
  if (tasks->len == GOVORUN_VOXIMPLANT_CALL_LIST_PAGE)
    {
      op->offset += tasks->len;
      read_details (g_steal_pointer (&task));
      return;
    }
  govorun_campaign_records_update_tasks_async (self->store, govorun_campaign_get_id (op->campaign), op->updates,
                                               g_task_get_cancellable (task), on_counted, g_object_ref (task));
}

static void
read_details (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  govorun_voximplant_client_get_call_list_details_async (op->client, govorun_campaign_get_list_id (op->campaign),
                                                         GOVORUN_VOXIMPLANT_CALL_LIST_PAGE, op->offset,
                                                         g_task_get_cancellable (task), on_details, task);
}

/* -- the dispatcher -- */

static void
run_op (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  gint64 list_id = govorun_campaign_get_list_id (op->campaign);

  switch (op->kind)
    {
    case OP_START:
      if (_govorun_campaigns_list_state (op->campaign) == GOVORUN_CAMPAIGN_LIST_CREATING)
        look_for_list (task, NULL);
      else
        send_next_batch (task);
      break;
    case OP_PAUSE:
    case OP_CANCEL:
      govorun_voximplant_client_stop_call_list_async (op->client, list_id, g_task_get_cancellable (task),
                                                      on_list_call_done, task);
      break;
    case OP_RESUME:
      govorun_voximplant_client_recover_call_list_async (op->client, list_id, g_task_get_cancellable (task),
                                                         on_list_call_done, task);
      break;
    case OP_APPEND:
      send_next_batch (task);
      break;
    case OP_REFRESH:
    default:
      op->updates = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_campaign_task_update_free);
      read_details (task);
      break;
    }
}

#define DEFINE_OP(name, KIND)                                                                        \
void                                                                                                 \
govorun_campaigns_##name##_async (GovorunCampaigns    *self,                                          \
                                  GovorunCampaign     *campaign,                                      \
                                  GCancellable        *cancellable,                                   \
                                  GAsyncReadyCallback  callback,                                      \
                                  gpointer             user_data)                                     \
{                                                                                                    \
  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));                                                    \
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));                                                 \
                                                                                                     \
  op_begin (op_new (self, KIND, campaign, govorun_campaigns_##name##_async, cancellable, callback,    \
                    user_data));                                                                     \
}                                                                                                    \
                                                                                                     \
gboolean                                                                                             \
govorun_campaigns_##name##_finish (GovorunCampaigns  *self,                                           \
                                   GAsyncResult      *result,                                         \
                                   GError           **error)                                          \
{                                                                                                    \
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);                                      \
                                                                                                     \
  return g_task_propagate_boolean (G_TASK (result), error);                                          \
}

DEFINE_OP (start, OP_START)
DEFINE_OP (pause, OP_PAUSE)
DEFINE_OP (resume, OP_RESUME)
DEFINE_OP (cancel, OP_CANCEL)

/* -- append -- */

static void
on_append_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  gint64 first_seq = 0;
  GError *error = NULL;

  if (!govorun_campaign_records_append_finish (GOVORUN_STORE (source), result, &first_seq, &error))
    {
      op_return_error (task, error);
      return;
    }
  govorun_campaign_set_total (op->campaign, govorun_campaign_get_total (op->campaign) +
                                            govorun_preflight_get_valid (op->preflight));
  if (govorun_campaign_get_state (op->campaign) == GOVORUN_CAMPAIGN_STATE_FINISHED &&
      govorun_preflight_get_valid (op->preflight) > 0)
    govorun_campaign_set_state (op->campaign, GOVORUN_CAMPAIGN_STATE_RUNNING);
  _govorun_campaigns_save (self, op->campaign);
  op->next_seq = first_seq;
  govorun_client_factory_voximplant_async (self->factory, op->account, NULL, g_task_get_cancellable (task),
                                           on_client, g_object_ref (task));
}

static gboolean
append_fill (GovorunCampaignSink  *sink,
             gpointer              user_data,
             GError              **error)
{
  Op *op = user_data;
  gboolean ok = _govorun_campaign_import_fill (sink, op->import, error);

  op->preflight = _govorun_campaign_import_get_preflight (op->import);
  return ok;
}

static void
append_fill_free (gpointer user_data)
{
  Op *op = user_data;

  g_clear_pointer (&op->import, _govorun_campaign_import_free);
}

void
govorun_campaigns_append_async (GovorunCampaigns     *self,
                                GovorunCampaign      *campaign,
                                GFile                *file,
                                const char           *sheet,
                                GovorunColumnMapping *mapping,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (GOVORUN_IS_CAMPAIGN (campaign));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (GOVORUN_IS_COLUMN_MAPPING (mapping));

  task = op_new (self, OP_APPEND, campaign, govorun_campaigns_append_async, cancellable, callback, user_data);
  op = g_task_get_task_data (task);
  if (!state_allows (OP_APPEND, govorun_campaign_get_state (campaign), _govorun_campaigns_list_state (campaign)) ||
      g_hash_table_contains (self->busy, govorun_campaign_get_id (campaign)))
    {
      g_task_return_new_error (task, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_STATE,
                               _("Contacts can be added to a started campaign only."));
      g_object_unref (task);
      return;
    }
  op->account = govorun_account_store_find_by_uuid (self->accounts, govorun_campaign_get_account_id (campaign));
  if (op->account == NULL)
    {
      g_task_return_new_error (task, GOVORUN_CAMPAIGNS_ERROR, GOVORUN_CAMPAIGNS_ERROR_NOT_FOUND,
                               _("The campaign’s Voximplant account is gone. Add the account again in Accounts."));
      g_object_unref (task);
      return;
    }
  g_object_ref (op->account);
  g_hash_table_add (self->busy, g_strdup (govorun_campaign_get_id (campaign)));
  op->import = _govorun_campaign_import_new (self, file, sheet, mapping, campaign, TRUE, NULL, NULL, NULL,
                                             cancellable);
  govorun_campaign_records_append_async (self->store, govorun_campaign_get_id (campaign), append_fill, op,
                                         append_fill_free, cancellable, on_append_written, task);
}

GovorunPreflight *
govorun_campaigns_append_finish (GovorunCampaigns  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -- refresh -- */

typedef struct
{
  GPtrArray                 *campaigns;  /* active ones still to refresh */
  guint                      next;
  /* Finding lists with Govorun's names this app does not know. */
  GPtrArray                 *accounts;   /* GovorunAccount of Voximplant */
  guint                      next_account;
  GovorunVoximplantClient   *client;
  GovorunAccount            *account;
  GPtrArray                 *lists;      /* GovorunVoximplantCallList to take in */
  guint                      next_list;
  GPtrArray                 *tasks;      /* GovorunVoximplantCallListTask of the list read */
  GovorunCampaign           *found;
} RefreshAll;

static void
refresh_all_free (RefreshAll *all)
{
  g_clear_pointer (&all->campaigns, g_ptr_array_unref);
  g_clear_pointer (&all->accounts, g_ptr_array_unref);
  g_clear_object (&all->client);
  g_clear_object (&all->account);
  g_clear_pointer (&all->lists, g_ptr_array_unref);
  g_clear_pointer (&all->tasks, g_ptr_array_unref);
  g_clear_object (&all->found);
  g_free (all);
}

static void refresh_next (GTask *task);
static void discover_next_account (GTask *task);
static void discover_next_list (GTask *task);

static void
on_one_refreshed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* One campaign's failure does not keep the others from refreshing. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("A campaign did not refresh: %s", error->message);
  refresh_next (g_steal_pointer (&task));
}

static void
refresh_next (GTask *task)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  RefreshAll *all = g_task_get_task_data (task);
  GTask *one;

  if (all->next >= all->campaigns->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  one = op_new (self, OP_REFRESH, g_ptr_array_index (all->campaigns, all->next++), NULL,
                g_task_get_cancellable (task), on_one_refreshed, task);
  op_begin (one);
}

static void
refresh_actives (GTask *task)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  RefreshAll *all = g_task_get_task_data (task);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  all->campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunCampaign) item = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (govorun_campaign_is_active (item) &&
          _govorun_campaigns_list_state (item) == GOVORUN_CAMPAIGN_LIST_CREATED)
        g_ptr_array_add (all->campaigns, g_steal_pointer (&item));
    }
  refresh_next (task);
}

/* The campaign id in a Govorun list name, or NULL. */
static char *
campaign_id_of (const char *list_name)
{
  const char *id;

  if (list_name == NULL || !g_str_has_prefix (list_name, "govorun-"))
    return NULL;
  id = list_name + strlen ("govorun-");
  return g_uuid_string_is_valid (id) ? g_strdup (id) : NULL;
}

static int
compare_task_seq (gconstpointer a,
                  gconstpointer b,
                  gpointer      campaign_id)
{
  const GovorunVoximplantCallListTask *ta = *(GovorunVoximplantCallListTask * const *) a;
  const GovorunVoximplantCallListTask *tb = *(GovorunVoximplantCallListTask * const *) b;
  gint64 sa = govorun_campaign_records_task_seq (campaign_id, ta->task_uuid);
  gint64 sb = govorun_campaign_records_task_seq (campaign_id, tb->task_uuid);

  return sa < sb ? -1 : sa > sb;
}

typedef struct
{
  GPtrArray *tasks;
  char      *campaign_id;
} FoundFill;

static void
found_fill_free (FoundFill *fill)
{
  g_ptr_array_unref (fill->tasks);
  g_free (fill->campaign_id);
  g_free (fill);
}

/* The contacts of a list found on Voximplant, in their seq order (so the
 * seqs the sink gives match the task uuids). The source row is not known:
 * the seq stands in for it. */
static gboolean
found_fill (GovorunCampaignSink  *sink,
            gpointer              user_data,
            GError              **error)
{
  FoundFill *fill = user_data;

  for (guint i = 0; i < fill->tasks->len; i++)
    {
      GovorunVoximplantCallListTask *t = g_ptr_array_index (fill->tasks, i);
      gint64 seq = govorun_campaign_records_task_seq (fill->campaign_id, t->task_uuid);

      if (seq != govorun_campaign_sink_get_next_seq (sink) || t->phone_number == NULL)
        continue;
      if (!govorun_campaign_sink_add_contact (sink, seq + 1, t->phone_number, t->variables, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static void
on_found_counted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  RefreshAll *all = g_task_get_task_data (task);
  GovorunCampaignCounts counts = { 0 };
  g_autoptr(GError) error = NULL;

  if (govorun_campaign_records_update_tasks_finish (GOVORUN_STORE (source), result, &counts, &error))
    {
      govorun_campaign_set_total (all->found, counts.total);
      govorun_campaign_set_done (all->found, counts.done);
      govorun_campaign_set_answered (all->found, counts.answered);
      govorun_campaign_set_successful (all->found, counts.successful);
      govorun_campaign_set_failed_contacts (all->found, counts.failed);
      _govorun_campaigns_save (self, all->found);
      _govorun_campaigns_add (self, all->found);
    }
  else
    g_debug ("A campaign found on Voximplant was not counted: %s", error->message);
  g_clear_object (&all->found);
  discover_next_list (g_steal_pointer (&task));
}

static void
on_found_created (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  RefreshAll *all = g_task_get_task_data (task);
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_campaign_task_update_free);
  g_autoptr(GError) error = NULL;
  const char *id = govorun_campaign_get_id (all->found);

  if (!govorun_campaign_records_create_finish (GOVORUN_STORE (source), result, &error))
    {
      g_debug ("A campaign found on Voximplant was not saved: %s", error->message);
      g_clear_object (&all->found);
      discover_next_list (g_steal_pointer (&task));
      return;
    }
  _govorun_campaigns_save (self, all->found);
  for (guint i = 0; i < all->tasks->len; i++)
    {
      GovorunVoximplantCallListTask *t = g_ptr_array_index (all->tasks, i);
      GovorunCampaignTaskUpdate *update = g_new0 (GovorunCampaignTaskUpdate, 1);

      update->seq = govorun_campaign_records_task_seq (id, t->task_uuid);
      update->status = (int) t->status_id;
      update->attempts_left = MAX (t->attempts_left, 0);
      update->last_attempt = parse_timestamp (t->last_attempt);
      update->result = g_strdup (t->result_data);
      update->answered = t->answered;
      update->successful = t->successful;
      g_ptr_array_add (updates, update);
    }
  govorun_campaign_records_update_tasks_async (self->store, id, updates, g_task_get_cancellable (task),
                                               on_found_counted, g_object_ref (task));
}

static void
take_in_list (GTask *task)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  RefreshAll *all = g_task_get_task_data (task);
  GovorunVoximplantCallList *list = g_ptr_array_index (all->lists, all->next_list - 1);
  g_autofree char *id = campaign_id_of (list->list_name);
  GovorunCampaign *campaign = g_object_new (GOVORUN_TYPE_CAMPAIGN, NULL);
  FoundFill *fill = g_new0 (FoundFill, 1);

  g_ptr_array_sort_with_data (all->tasks, compare_task_seq, id);
  govorun_campaign_set_id (campaign, id);
  govorun_campaign_set_name (campaign, list->list_name);
  govorun_campaign_set_account_id (campaign, govorun_account_get_uuid (all->account));
  govorun_campaign_set_time_zone (campaign, "Europe/Moscow");
  govorun_campaign_set_created_at (campaign, list->dt_submit != NULL ? parse_timestamp (list->dt_submit)
                                                                     : g_get_real_time () / G_USEC_PER_SEC);
  govorun_campaign_set_list_id (campaign, list->list_id);
  govorun_campaign_set_concurrency (campaign, (guint) CLAMP (list->max_simultaneous, 1, 1000));
  govorun_campaign_set_attempts (campaign, (guint) CLAMP (list->num_attempts, 1, 5));
  govorun_campaign_set_retry_interval_minutes (campaign, (guint) CLAMP (list->interval_seconds / 60, 0, 1440));
  govorun_campaign_set_priority (campaign, (guint) CLAMP (list->priority, 0, G_MAXINT));
  govorun_campaign_set_state (campaign, g_strcmp0 (list->status, "Completed") == 0
                                        ? GOVORUN_CAMPAIGN_STATE_FINISHED
                                        : state_from_list (GOVORUN_CAMPAIGN_STATE_RUNNING, list->status));
  _govorun_campaigns_set_list_state (campaign, GOVORUN_CAMPAIGN_LIST_CREATED);
  all->found = campaign;
  fill->tasks = g_ptr_array_ref (all->tasks);
  fill->campaign_id = g_strdup (id);
  govorun_campaign_records_create_async (self->store, campaign, found_fill, fill, (GDestroyNotify) found_fill_free,
                                         g_task_get_cancellable (task), on_found_created, g_object_ref (task));
  g_object_unref (task);
}

static void read_found_details (GTask *task, guint offset);

static void
on_found_details (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RefreshAll *all = g_task_get_task_data (task);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  page = govorun_voximplant_client_get_call_list_details_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result,
                                                                 &error);
  if (page == NULL)
    {
      g_debug ("A list found on Voximplant could not be read: %s", error->message);
      discover_next_list (g_steal_pointer (&task));
      return;
    }
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (all->tasks, govorun_voximplant_call_list_task_copy (g_ptr_array_index (page, i)));
  if (page->len == GOVORUN_VOXIMPLANT_CALL_LIST_PAGE)
    read_found_details (g_steal_pointer (&task), all->tasks->len);
  else
    take_in_list (g_steal_pointer (&task));
}

static void
read_found_details (GTask *task,
                    guint  offset)
{
  RefreshAll *all = g_task_get_task_data (task);
  GovorunVoximplantCallList *list = g_ptr_array_index (all->lists, all->next_list - 1);

  govorun_voximplant_client_get_call_list_details_async (all->client, list->list_id,
                                                         GOVORUN_VOXIMPLANT_CALL_LIST_PAGE, offset,
                                                         g_task_get_cancellable (task), on_found_details, task);
}

static void
discover_next_list (GTask *task)
{
  RefreshAll *all = g_task_get_task_data (task);

  if (all->next_list >= all->lists->len)
    {
      discover_next_account (task);
      return;
    }
  all->next_list++;
  g_clear_pointer (&all->tasks, g_ptr_array_unref);
  all->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_call_list_task_free);
  read_found_details (task, 0);
}

static void
on_found_lists (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCampaigns *self = g_task_get_source_object (task);
  RefreshAll *all = g_task_get_task_data (task);
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GError) error = NULL;

  lists = govorun_voximplant_client_get_call_lists_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result, NULL,
                                                           &error);
  g_clear_pointer (&all->lists, g_ptr_array_unref);
  all->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_voximplant_call_list_free);
  all->next_list = 0;
  if (lists == NULL)
    g_debug ("The call lists of an account could not be read: %s", error->message);
  for (guint i = 0; lists != NULL && i < lists->len; i++)
    {
      GovorunVoximplantCallList *list = g_ptr_array_index (lists, i);
      g_autofree char *id = campaign_id_of (list->list_name);

      if (id != NULL && govorun_campaigns_lookup (self, id) == NULL)
        g_ptr_array_add (all->lists, govorun_voximplant_call_list_copy (list));
    }
  discover_next_list (g_steal_pointer (&task));
}

static void
on_discover_client (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RefreshAll *all = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_object (&all->client);
  all->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (source), result, &error);
  if (all->client == NULL)
    {
      g_debug ("No client to look for call lists: %s", error->message);
      discover_next_account (g_steal_pointer (&task));
      return;
    }
  govorun_voximplant_client_get_call_lists_async (all->client, NULL, 0, 1000, 0, g_task_get_cancellable (task),
                                                  on_found_lists, g_object_ref (task));
}

static void
discover_next_account (GTask *task)
{
  GovorunCampaigns *self = g_task_get_source_object (task);
  RefreshAll *all = g_task_get_task_data (task);

  if (all->next_account >= all->accounts->len)
    {
      refresh_actives (task);
      return;
    }
  g_set_object (&all->account, g_ptr_array_index (all->accounts, all->next_account++));
  govorun_client_factory_voximplant_async (self->factory, all->account, NULL, g_task_get_cancellable (task),
                                           on_discover_client, task);
}

void
govorun_campaigns_refresh_async (GovorunCampaigns    *self,
                                 GovorunCampaign     *campaign,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  RefreshAll *all;
  guint n;

  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));
  g_return_if_fail (campaign == NULL || GOVORUN_IS_CAMPAIGN (campaign));

  if (campaign != NULL)
    {
      op_begin (op_new (self, OP_REFRESH, campaign, govorun_campaigns_refresh_async, cancellable, callback,
                        user_data));
      return;
    }
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_campaigns_refresh_async);
  all = g_new0 (RefreshAll, 1);
  /* First the lists with Govorun's names that this app does not know
   * (made by another Govorun, or before this database), then every
   * active campaign. */
  all->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
        g_ptr_array_add (all->accounts, g_steal_pointer (&account));
    }
  g_task_set_task_data (task, all, (GDestroyNotify) refresh_all_free);
  discover_next_account (task);
}

gboolean
govorun_campaigns_refresh_finish (GovorunCampaigns  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- automatic refresh -- */

static void schedule_refresh (GovorunCampaigns *self);

static void
on_automatic_refreshed (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GovorunCampaigns *self = GOVORUN_CAMPAIGNS (source);

  govorun_campaigns_refresh_finish (self, result, NULL);
  self->refreshing = FALSE;
}

static gboolean
on_refresh_timeout (gpointer user_data)
{
  GovorunCampaigns *self = user_data;

  if (!self->refreshing)
    {
      self->refreshing = TRUE;
      govorun_campaigns_refresh_async (self, NULL, NULL, on_automatic_refreshed, NULL);
    }
  return G_SOURCE_CONTINUE;
}

static void
schedule_refresh (GovorunCampaigns *self)
{
  guint seconds = 0;

  /* Without settings (tests) nothing refreshes by itself. */
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      g_object_get (self->settings, "settings-schema", &schema, NULL);
      seconds = g_settings_schema_has_key (schema, "campaign-refresh-seconds")
                ? g_settings_get_uint (self->settings, "campaign-refresh-seconds") : DEFAULT_REFRESH_SECONDS;
    }
  if (seconds > 0)
    self->refresh_source = g_timeout_add_seconds (seconds, on_refresh_timeout, self);
}

void
govorun_campaigns_start_automatic (GovorunCampaigns *self)
{
  g_return_if_fail (GOVORUN_IS_CAMPAIGNS (self));

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::campaign-refresh-seconds",
                             G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  schedule_refresh (self);
}
