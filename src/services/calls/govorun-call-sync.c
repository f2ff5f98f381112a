/* govorun-call-sync.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSync"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-call-records.h"
#include "govorun-call-sync-private.h"

/* The sync's orchestration: every account in turn (Voximplant's first, so
 * that ElevenLabs' side of a joined call is written last), the progress
 * the Calls page shows, one error paragraph for the accounts that failed,
 * the "changed" signal at most about once a second, and the automatic
 * runs. The provider parts do the reading and writing. */

#define DEFAULT_HISTORY_DAYS 90
/* After an account is added: time for the keyring write to land. */
#define ACCOUNT_ADDED_DELAY_SECS 2

struct _GovorunCallSync
{
  GObject               parent_instance;

  GovorunStore         *store;
  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunAgentStore    *agents;
  GSettings            *settings;   /* nullable */
  char                 *timezone;

  gboolean              automatic;
  guint                 timer_id;
  guint                 soon_id;

  /* The running sync. */
  GCancellable         *cancellable;
  GCancellable         *outer_cancellable; /* the caller's, nullable */
  gulong                outer_handler;
  GPtrArray            *queue;      /* of GovorunAccount still to sync */
  guint                 n_accounts;
  GovorunCallSyncJob   *job;
  GString              *errors;     /* the paragraph so far */
  gint64                last_changed; /* monotonic µs of the last "changed" */
  guint                 changed_id;
  gboolean              rows_pending; /* rows written since the last "changed" */
  guint64               rows_changed; /* by this run */

  /* The background work after a run (index_in_background()). */
  GCancellable         *background_cancellable;
  guint64               optimize_threshold;
  guint                 n_optimize_started;
  guint                 n_optimize_done;
  guint                 n_index_started;  /* the ends of bulks */
  guint                 n_index_done;

  gboolean              running;
  char                 *progress_text;
  double                fraction;
  guint64               calls_synced;
  char                 *error_text;
  gint64                last_synced;
};

G_DEFINE_FINAL_TYPE (GovorunCallSync, govorun_call_sync, G_TYPE_OBJECT)
G_DEFINE_QUARK (govorun-call-sync-error-quark, govorun_call_sync_error)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_PROGRESS_TEXT,
  PROP_FRACTION,
  PROP_CALLS_SYNCED,
  PROP_ERROR_TEXT,
  PROP_LAST_SYNCED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_govorun_call_sync_job_free (GovorunCallSyncJob *job)
{
  if (job == NULL)
    return;
  g_clear_object (&job->account);
  _govorun_call_agents_unref (job->agents);
  g_free (job->timezone);
  g_free (job);
}

/* --- properties -------------------------------------------------------------- */

static void
set_string (GovorunCallSync *self,
            char           **field,
            const char      *value,
            guint            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_running (GovorunCallSync *self,
             gboolean         running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_fraction (GovorunCallSync *self,
              double           fraction)
{
  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
set_calls_synced (GovorunCallSync *self,
                  guint64          calls)
{
  if (self->calls_synced == calls)
    return;
  self->calls_synced = calls;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALLS_SYNCED]);
}

static const char *
provider_name (GovorunAccount *account)
{
  return govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT
         ? "Voximplant" : "ElevenLabs";
}

static void
show_progress (GovorunCallSync *self,
               GovorunAccount  *account,
               guint64          calls)
{
  g_autofree char *text = NULL;
  guint n = (guint) MIN (calls, G_MAXUINT);

  /* TRANSLATORS: progress of the call sync: an account's name, the
   * provider, then how many calls were read so far. */
  text = g_strdup_printf (ngettext ("%s, %s: %u call", "%s, %s: %u calls", n),
                          govorun_account_get_display_name (account), provider_name (account), n);
  set_string (self, &self->progress_text, text, PROP_PROGRESS_TEXT);
}

/* --- "changed", at most about once a second -------------------------------- */

static gboolean
emit_changed (gpointer user_data)
{
  GovorunCallSync *self = user_data;

  self->changed_id = 0;
  self->rows_pending = FALSE;
  self->last_changed = g_get_monotonic_time ();
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
rows_written (GovorunCallSync *self)
{
  gint64 since = g_get_monotonic_time () - self->last_changed;

  self->rows_pending = TRUE;
  if (self->changed_id != 0)
    return;
  if (since >= G_USEC_PER_SEC)
    emit_changed (self);
  else
    self->changed_id = g_timeout_add ((guint) ((G_USEC_PER_SEC - since) / 1000) + 1,
                                      emit_changed, self);
}

void
_govorun_call_sync_page_written (GovorunCallSyncJob *job,
                                 const char         *name,
                                 guint               n_calls,
                                 guint               n_changed,
                                 double              fraction)
{
  GovorunCallSync *self = job->sync;
  guint done = self->n_accounts - self->queue->len - 1;

  set_calls_synced (self, self->calls_synced + n_calls);
  show_progress (self, job->account, job->written);
  set_fraction (self, fraction < 0 || self->n_accounts == 0
                      ? -1.0 : (done + fraction) / self->n_accounts);
  /* The views reload on "changed": a page that only re-read what is
   * stored (the overlap of every automatic run) must not make them. */
  self->rows_changed += n_changed;
  if (n_changed > 0)
    rows_written (self);
}

/* --- errors ------------------------------------------------------------------ */

static void
add_error (GovorunCallSync *self,
           GovorunAccount  *account,
           const GError    *error)
{
  g_autofree char *sentence = NULL;

  /* The providers' messages already say what failed, with the provider's
   * code, and what to do. */
  /* TRANSLATORS: the call sync failed for an account: its name, the
   * provider, then the provider's error (with its code and what to do). */
  sentence = g_strdup_printf (_("The calls of “%s” (%s) were not synced: %s"),
                              govorun_account_get_display_name (account),
                              provider_name (account), error->message);
  if (self->errors->len > 0)
    g_string_append_c (self->errors, ' ');
  g_string_append (self->errors, sentence);
}

/* --- the run ------------------------------------------------------------------ */

static void next_account (GTask *task);

static void
account_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunCallSync *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == _govorun_call_sync_voximplant_async)
    ok = _govorun_call_sync_voximplant_finish (result, &error);
  else
    ok = _govorun_call_sync_elevenlabs_finish (result, &error);

  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&self->job, _govorun_call_sync_job_free);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!ok)
    {
      g_debug ("Call sync of %s failed: %s", govorun_account_get_uuid (self->job->account),
               error->message);
      add_error (self, self->job->account, error);
    }
  g_clear_pointer (&self->job, _govorun_call_sync_job_free);
  next_account (task);
}

static guint
history_days (GovorunCallSync *self)
{
  return self->settings != NULL ? g_settings_get_uint (self->settings, "history-days")
                                : DEFAULT_HISTORY_DAYS;
}

static void
next_account (GTask *task)
{
  GovorunCallSync *self = g_task_get_source_object (task);
  GovorunCallSyncJob *job;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->queue->len == 0)
    {
      if (self->errors->len > 0)
        g_task_return_new_error (task, GOVORUN_CALL_SYNC_ERROR, GOVORUN_CALL_SYNC_ERROR_FAILED,
                                 "%s", self->errors->str);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  job = g_new0 (GovorunCallSyncJob, 1);
  job->sync = self;
  job->store = self->store;
  job->factory = self->factory;
  job->agents = _govorun_call_agents_new (self->agents);
  job->account = g_ptr_array_steal_index (self->queue, 0);
  job->timezone = g_strdup (self->timezone);
  job->now = g_get_real_time () / G_USEC_PER_SEC;
  job->history_start = job->now - (gint64) history_days (self) * 24 * 3600;
  self->job = job;
  show_progress (self, job->account, 0);

  if (govorun_account_get_kind (job->account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    _govorun_call_sync_voximplant_async (job, g_task_get_cancellable (task),
                                         account_done_cb, g_object_ref (task));
  else
    _govorun_call_sync_elevenlabs_async (job, g_task_get_cancellable (task),
                                         account_done_cb, g_object_ref (task));
}

/* --- the search index after a large sync ------------------------------------ */

/* Each written page adds FTS5 segments; after some tens of thousands of
 * rows a common-phrase search reads so many that it is 5–10 times slower
 * than on a merged index. The merge costs ~15 s of the writer thread per
 * million calls, so it waits for a sync that wrote at least this much
 * (a first sync, a long absence): the five-minute runs stay cheap. */
#define OPTIMIZE_SEARCH_AFTER_ROWS 20000

static void
optimized_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GovorunCallSync) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_call_records_optimize_search_finish (GOVORUN_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not merge the call search index: %s", error->message);
  self->n_optimize_done++;
}

static void
bulk_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GovorunCallSync) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Not finished now, it is at the next sync's end (or first write). */
  if (!govorun_call_records_finish_bulk_finish (GOVORUN_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not index the synced calls: %s", error->message);
  self->n_index_done++;
}

/* The work a run leaves to the store's writer thread once it has
 * reported done: the rest of a first sync's settled bulk (its indexes and
 * the search index, see govorun-call-bulk.c; nothing when there is none),
 * then the merge of the search index after a large sync. A later run or
 * the end of the service cancels what is still queued. */
static void
index_in_background (GovorunCallSync *self)
{
  if (self->store == NULL)
    return;

  if (self->background_cancellable != NULL)
    g_cancellable_cancel (self->background_cancellable);
  g_clear_object (&self->background_cancellable);
  self->background_cancellable = g_cancellable_new ();
  self->n_index_started++;
  govorun_call_records_finish_bulk_async (self->store, GOVORUN_CALL_BULK_END_SETTLED,
                                          self->background_cancellable,
                                          bulk_finished_cb, g_object_ref (self));

  if (self->rows_changed < self->optimize_threshold)
    return;
  self->n_optimize_started++;
  govorun_call_records_optimize_search_async (self->store, self->background_cancellable,
                                              optimized_cb, g_object_ref (self));
}

void
_govorun_call_sync_set_optimize_threshold (GovorunCallSync *self,
                                           guint64          rows)
{
  self->optimize_threshold = rows;
}

void
_govorun_call_sync_get_index_counts (GovorunCallSync *self,
                                     guint           *out_started,
                                     guint           *out_done)
{
  *out_started = self->n_index_started;
  *out_done = self->n_index_done;
}

void
_govorun_call_sync_get_optimize_counts (GovorunCallSync *self,
                                        guint           *out_started,
                                        guint           *out_done)
{
  *out_started = self->n_optimize_started;
  *out_done = self->n_optimize_done;
}

/* Ends a run, whatever its outcome: the properties settle here. */
static void
run_finished (GovorunCallSync *self,
              const GError    *error)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  set_string (self, &self->progress_text, NULL, PROP_PROGRESS_TEXT);
  set_fraction (self, -1.0);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_string (self, &self->error_text, self->errors->len > 0 ? self->errors->str : NULL,
                  PROP_ERROR_TEXT);
      self->last_synced = g_get_real_time () / G_USEC_PER_SEC;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
    }
  if (self->errors != NULL)
    g_string_free (g_steal_pointer (&self->errors), TRUE);
  if (self->outer_cancellable != NULL)
    g_cancellable_disconnect (self->outer_cancellable, self->outer_handler);
  g_clear_object (&self->outer_cancellable);
  set_running (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->rows_pending)
    {
      g_clear_handle_id (&self->changed_id, g_source_remove);
      emit_changed (self);
    }
  /* Even after an error: what was written stays (a first sync stopped
   * half-way is not settled, and goes on in bulk at the next run; its
   * calls are found meanwhile). Not after a cancel, which may be the
   * store closing: the next run's end does it. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    index_in_background (self);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GovorunCallSync *self = GOVORUN_CALL_SYNC (object);
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  run_finished (self, error);
  if (error != NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_boolean (outer, TRUE);
}

static int
compare_kind (gconstpointer a,
              gconstpointer b)
{
  GovorunAccount *x = *(GovorunAccount **) a;
  GovorunAccount *y = *(GovorunAccount **) b;

  return (int) govorun_account_get_kind (x) - (int) govorun_account_get_kind (y);
}

void
govorun_call_sync_run_async (GovorunCallSync     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  guint n;

  g_return_if_fail (GOVORUN_IS_CALL_SYNC (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_call_sync_run_async);
  if (self->running)
    {
      g_task_return_new_error (task, GOVORUN_CALL_SYNC_ERROR, GOVORUN_CALL_SYNC_ERROR_BUSY,
                               _("The calls are being synced already."));
      return;
    }

  /* The caller's cancellable and Cancel both stop the run. */
  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      self->outer_cancellable = g_object_ref (cancellable);
      self->outer_handler = g_cancellable_connect (cancellable, G_CALLBACK (g_cancellable_cancel),
                                                   g_object_ref (self->cancellable), g_object_unref);
    }

  self->queue = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->queue, g_list_model_get_item (G_LIST_MODEL (self->accounts), i));
  /* Stable: the accounts' own order within each provider. */
  g_ptr_array_sort (self->queue, compare_kind);
  self->n_accounts = self->queue->len;
  self->errors = g_string_new (NULL);

  g_object_freeze_notify (G_OBJECT (self));
  set_running (self, TRUE);
  set_calls_synced (self, 0);
  self->rows_changed = 0;
  set_fraction (self, self->n_accounts > 0 ? 0.0 : -1.0);
  g_object_thaw_notify (G_OBJECT (self));

  inner = g_task_new (self, self->cancellable, run_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (inner, next_account);
  next_account (inner);
}

gboolean
govorun_call_sync_run_finish (GovorunCallSync  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_SYNC (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_call_sync_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The outcome shows through the properties. */
  govorun_call_sync_run_finish (GOVORUN_CALL_SYNC (object), result, &error);
}

void
govorun_call_sync_start (GovorunCallSync *self)
{
  g_return_if_fail (GOVORUN_IS_CALL_SYNC (self));

  if (self->running)
    return;
  govorun_call_sync_run_async (self, NULL, started_cb, NULL);
}

void
govorun_call_sync_cancel (GovorunCallSync *self)
{
  g_return_if_fail (GOVORUN_IS_CALL_SYNC (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  /* And the indexing after a run still queued (the store may be closing:
   * the next run's end queues it again). */
  if (self->background_cancellable != NULL)
    g_cancellable_cancel (self->background_cancellable);
}

/* --- automatic runs ---------------------------------------------------------- */

static gboolean
timer_cb (gpointer user_data)
{
  govorun_call_sync_start (user_data);
  return G_SOURCE_CONTINUE;
}

static void
schedule (GovorunCallSync *self)
{
  guint minutes;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (!self->automatic)
    return;
  minutes = g_settings_get_uint (self->settings, "sync-interval");
  if (minutes > 0)
    self->timer_id = g_timeout_add_seconds (minutes * 60, timer_cb, self);
}

static gboolean
soon_cb (gpointer user_data)
{
  GovorunCallSync *self = user_data;

  self->soon_id = 0;
  govorun_call_sync_start (self);
  return G_SOURCE_REMOVE;
}

static void
accounts_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GovorunCallSync *self)
{
  if (added > 0 && self->automatic && self->soon_id == 0 &&
      g_settings_get_uint (self->settings, "sync-interval") > 0)
    self->soon_id = g_timeout_add_seconds (ACCOUNT_ADDED_DELAY_SECS, soon_cb, self);
}

void
govorun_call_sync_start_automatic (GovorunCallSync *self)
{
  g_return_if_fail (GOVORUN_IS_CALL_SYNC (self));

  if (self->settings == NULL || self->automatic)
    return;
  self->automatic = TRUE;
  g_signal_connect_object (self->settings, "changed::sync-interval",
                           G_CALLBACK (schedule), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->accounts, "items-changed",
                           G_CALLBACK (accounts_changed_cb), self, 0);
  schedule (self);
  if (g_settings_get_uint (self->settings, "sync-interval") > 0)
    govorun_call_sync_start (self);
}

void
govorun_call_sync_set_timezone (GovorunCallSync *self,
                                const char      *timezone)
{
  g_return_if_fail (GOVORUN_IS_CALL_SYNC (self));

  g_free (self->timezone);
  self->timezone = g_strdup (timezone);
}

/* --- GObject ------------------------------------------------------------------ */

static void
govorun_call_sync_dispose (GObject *object)
{
  GovorunCallSync *self = GOVORUN_CALL_SYNC (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->soon_id, g_source_remove);
  g_clear_handle_id (&self->changed_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->background_cancellable != NULL)
    g_cancellable_cancel (self->background_cancellable);
  g_clear_object (&self->background_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->agents);
  g_clear_object (&self->accounts);
  g_clear_object (&self->factory);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (govorun_call_sync_parent_class)->dispose (object);
}

static void
govorun_call_sync_finalize (GObject *object)
{
  GovorunCallSync *self = GOVORUN_CALL_SYNC (object);

  g_free (self->timezone);
  g_free (self->progress_text);
  g_free (self->error_text);

  G_OBJECT_CLASS (govorun_call_sync_parent_class)->finalize (object);
}

static void
govorun_call_sync_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GovorunCallSync *self = GOVORUN_CALL_SYNC (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, self->progress_text);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_CALLS_SYNCED:
      g_value_set_uint64 (value, self->calls_synced);
      break;
    case PROP_ERROR_TEXT:
      g_value_set_string (value, self->error_text);
      break;
    case PROP_LAST_SYNCED:
      g_value_set_int64 (value, self->last_synced);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_call_sync_class_init (GovorunCallSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_call_sync_dispose;
  object_class->finalize = govorun_call_sync_finalize;
  object_class->get_property = govorun_call_sync_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS_TEXT] =
    g_param_spec_string ("progress-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, -1.0, 1.0, -1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALLS_SYNCED] =
    g_param_spec_uint64 ("calls-synced", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_TEXT] =
    g_param_spec_string ("error-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNCED] =
    g_param_spec_int64 ("last-synced", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
govorun_call_sync_init (GovorunCallSync *self)
{
  self->fraction = -1.0;
  self->optimize_threshold = OPTIMIZE_SEARCH_AFTER_ROWS;
}

GovorunCallSync *
govorun_call_sync_new (GovorunStore         *store,
                       GovorunClientFactory *factory,
                       GovorunAccountStore  *accounts,
                       GovorunAgentStore    *agents,
                       GSettings            *settings)
{
  GovorunCallSync *self;

  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);
  g_return_val_if_fail (GOVORUN_IS_CLIENT_FACTORY (factory), NULL);
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT_STORE (accounts), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT_STORE (agents), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GOVORUN_TYPE_CALL_SYNC, NULL);
  self->store = g_object_ref (store);
  self->factory = g_object_ref (factory);
  self->accounts = g_object_ref (accounts);
  self->agents = g_object_ref (agents);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  return self;
}

gboolean
govorun_call_sync_get_running (GovorunCallSync *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_SYNC (self), FALSE);
  return self->running;
}

const char *
govorun_call_sync_get_progress_text (GovorunCallSync *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_SYNC (self), NULL);
  return self->progress_text;
}

double
govorun_call_sync_get_fraction (GovorunCallSync *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_SYNC (self), -1.0);
  return self->fraction;
}

guint64
govorun_call_sync_get_calls_synced (GovorunCallSync *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_SYNC (self), 0);
  return self->calls_synced;
}

const char *
govorun_call_sync_get_error_text (GovorunCallSync *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_SYNC (self), NULL);
  return self->error_text;
}

gint64
govorun_call_sync_get_last_synced (GovorunCallSync *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_SYNC (self), 0);
  return self->last_synced;
}
