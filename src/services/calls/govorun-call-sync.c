/* govorun-call-sync.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunCallSync"

#include "config.h"

#include "govorun-call-sync.h"

/* The object views bind to; the sync itself is being written (issue 10):
 * until then a run finds nothing to do. */

struct _GovorunCallSync
{
  GObject  parent_instance;

  gboolean running;
  char    *progress_text;
  double   fraction;
  guint64  calls_synced;
  char    *error_text;
  gint64   last_synced;
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

static void
govorun_call_sync_finalize (GObject *object)
{
  GovorunCallSync *self = GOVORUN_CALL_SYNC (object);

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
}

GovorunCallSync *
govorun_call_sync_new (void)
{
  return g_object_new (GOVORUN_TYPE_CALL_SYNC, NULL);
}

void
govorun_call_sync_start (GovorunCallSync *self)
{
  g_return_if_fail (GOVORUN_IS_CALL_SYNC (self));
}

void
govorun_call_sync_cancel (GovorunCallSync *self)
{
  g_return_if_fail (GOVORUN_IS_CALL_SYNC (self));
}

void
govorun_call_sync_run_async (GovorunCallSync     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_CALL_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_call_sync_run_async);
  g_task_return_boolean (task, TRUE);
}

gboolean
govorun_call_sync_run_finish (GovorunCallSync  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
