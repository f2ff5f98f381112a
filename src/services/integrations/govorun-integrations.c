/* govorun-integrations.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrations"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-integrations-private.h"
#include "govorun-integration-records.h"
#include "govorun-call-info.h"
#include "govorun-webhook-payload.h"
#include "govorun-webhook-signature.h"

#define DEFAULT_BASE_DELAY_MS   30000
#define DEFAULT_MAX_DELAY_MS    (60 * 60 * 1000)
#define DEFAULT_MAX_ATTEMPTS    30
#define DEFAULT_PAUSE_AFTER_MS  ((gint64) 24 * 60 * 60 * 1000)

G_DEFINE_FINAL_TYPE (GovorunIntegrations, govorun_integrations, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-integrations-error-quark, govorun_integrations_error)

guint _govorun_integrations_signals[N_SIGNALS];

static void
govorun_integrations_dispose (GObject *object)
{
  GovorunIntegrations *self = GOVORUN_INTEGRATIONS (object);

  govorun_integrations_stop_worker (self);
  g_clear_object (&self->store);
  g_clear_object (&self->secrets);
  g_clear_object (&self->sender);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->bitrix24_clients, g_hash_table_unref);
  G_OBJECT_CLASS (govorun_integrations_parent_class)->dispose (object);
}

static void
govorun_integrations_finalize (GObject *object)
{
  GovorunIntegrations *self = GOVORUN_INTEGRATIONS (object);

  g_hash_table_unref (self->secret_cache);
  g_free (self->demo_bitrix24_url);
  g_free (self->demo_webhook_url);
  g_hash_table_unref (self->in_flight);
  G_OBJECT_CLASS (govorun_integrations_parent_class)->finalize (object);
}

static void
govorun_integrations_class_init (GovorunIntegrationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_integrations_dispose;
  object_class->finalize = govorun_integrations_finalize;

  /**
   * GovorunIntegrations::target-paused:
   * @target: the target, paused because its deliveries failed for a day
   */
  _govorun_integrations_signals[SIGNAL_TARGET_PAUSED] =
    g_signal_new ("target-paused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, GOVORUN_TYPE_INTEGRATION_TARGET);
  /**
   * GovorunIntegrations::deliveries-changed:
   * @target_id: the target whose deliveries were added, attempted or resent
   *
   * What the delivery logs listen to; emitted once per target per pass.
   */
  _govorun_integrations_signals[SIGNAL_DELIVERIES_CHANGED] =
    g_signal_new ("deliveries-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

void
_govorun_integrations_emit_changed (GovorunIntegrations *self,
                                    gint64               target_id)
{
  g_signal_emit (self, _govorun_integrations_signals[SIGNAL_DELIVERIES_CHANGED], 0, target_id);
}

static void
secret_free (gpointer data)
{
  char *secret = data;

  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
govorun_integrations_init (GovorunIntegrations *self)
{
  self->targets = g_list_store_new (GOVORUN_TYPE_INTEGRATION_TARGET);
  self->sender = govorun_webhook_sender_new ();
  self->secret_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, secret_free);
  self->in_flight = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->max_delay_ms = DEFAULT_MAX_DELAY_MS;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->pause_after_ms = DEFAULT_PAUSE_AFTER_MS;
  self->bitrix24_clients = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->bitrix24_interval_ms = 500;
  self->bitrix24_attempts = 4;
  self->bitrix24_retry_ms = 1000;
}

GovorunIntegrations *
govorun_integrations_new (GovorunStore   *store,
                          GovorunSecrets *secrets)
{
  GovorunIntegrations *self;

  g_return_val_if_fail (GOVORUN_IS_STORE (store), NULL);
  g_return_val_if_fail (GOVORUN_IS_SECRETS (secrets), NULL);

  self = g_object_new (GOVORUN_TYPE_INTEGRATIONS, NULL);
  self->store = g_object_ref (store);
  self->secrets = g_object_ref (secrets);
  return self;
}

GListModel *
govorun_integrations_get_targets (GovorunIntegrations *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATIONS (self), NULL);
  return G_LIST_MODEL (self->targets);
}

GovorunIntegrationTarget *
_govorun_integrations_find_target (GovorunIntegrations *self,
                                   gint64               id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunIntegrationTarget) t = g_list_model_get_item (G_LIST_MODEL (self->targets), i);

      if (govorun_integration_target_get_id (t) == id)
        return t;  /* the list keeps its reference */
    }
  return NULL;
}

void
govorun_integrations_set_retry_policy (GovorunIntegrations *self,
                                       guint                base_delay_ms,
                                       guint                max_delay_ms,
                                       guint                max_attempts)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  self->base_delay_ms = MAX (base_delay_ms, 1);
  self->max_delay_ms = MAX (max_delay_ms, self->base_delay_ms);
  self->max_attempts = MAX (max_attempts, 1);
}

void
govorun_integrations_set_pause_after (GovorunIntegrations *self,
                                      gint64               pause_after_ms)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  self->pause_after_ms = pause_after_ms;
}

void
govorun_integrations_set_timeout (GovorunIntegrations *self,
                                  guint                timeout_ms)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  govorun_webhook_sender_set_timeout (self->sender, timeout_ms);
}

guint
_govorun_integrations_backoff_ms (GovorunIntegrations *self,
                                  guint                attempts)
{
  guint shift = MIN (MAX (attempts, 1) - 1, 20);
  guint64 full = MIN ((guint64) self->base_delay_ms << shift, (guint64) self->max_delay_ms);
  guint half = (guint) (full / 2);

  /* Half fixed, half random: receivers that failed together are not all
   * retried at the same moment. */
  return (guint) (full - half) + (half > 0 ? (guint) g_random_int_range (0, (gint32) half + 1) : 0);
}

/* ---- loading ---- */

static void
on_targets_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) targets = NULL;
  GError *error = NULL;

  targets = govorun_integration_records_load_targets_finish (GOVORUN_STORE (source), result, &error);
  if (targets == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_list_store_splice (self->targets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->targets)),
                       targets->pdata, targets->len);
  self->loaded = TRUE;
  g_task_return_boolean (task, TRUE);
}

void
govorun_integrations_load_async (GovorunIntegrations *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_load_async);
  govorun_integration_records_load_targets_async (self->store, cancellable, on_targets_loaded, task);
}

gboolean
govorun_integrations_load_finish (GovorunIntegrations  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_govorun_integrations_ensure_loaded_async (GovorunIntegrations *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  if (self->loaded)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_return_boolean (task, TRUE);
      return;
    }
  govorun_integrations_load_async (self, cancellable, callback, user_data);
}

gboolean
_govorun_integrations_ensure_loaded_finish (GovorunIntegrations  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- adding a webhook, its secret ---- */

typedef struct
{
  GovorunIntegrationTarget *target;
  char                     *secret;
} AddOp;

static void
add_op_free (AddOp *op)
{
  g_clear_object (&op->target);
  secret_free (op->secret);
  g_free (op);
}

static char *
cache_key (GovorunIntegrationTarget *target,
           guint                     generation)
{
  return g_strdup_printf ("%s/%u", govorun_integration_target_get_uuid (target), generation);
}

static void
on_target_added (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  AddOp *op = g_task_get_task_data (task);
  GError *error = NULL;
  gint64 id;

  id = govorun_integration_records_add_target_finish (GOVORUN_STORE (source), result, &error);
  if (id == 0)
    {
      g_task_return_error (task, error);
      return;
    }
  g_object_unref (op->target);
  op->target = govorun_integration_target_new (id,
                                               govorun_integration_target_get_uuid (op->target),
                                               govorun_integration_target_get_kind (op->target),
                                               govorun_integration_target_get_name (op->target),
                                               govorun_integration_target_get_url (op->target),
                                               govorun_integration_target_get_events (op->target),
                                               govorun_integration_target_get_created_at (op->target));
  if (self->loaded)
    g_list_store_append (self->targets, op->target);
  g_hash_table_replace (self->secret_cache, cache_key (op->target, 1), g_strdup (op->secret));
  g_task_return_boolean (task, TRUE);
}

static void
on_add_secret_stored (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  AddOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_secrets_store_finish (GOVORUN_SECRETS (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The secret first, then the row: a crash in between leaves an unused
   * keyring item, never a target whose deliveries cannot be signed. */
  govorun_integration_records_add_target_async (self->store, op->target,
                                                g_task_get_cancellable (task),
                                                on_target_added, g_object_ref (task));
}

gboolean
govorun_integrations_check_url (const char  *url,
                                GError     **error)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error_literal (error, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_INVALID_URL,
                           _("The address is not a web address. Enter a URL that starts with https://."));
      return FALSE;
    }
  return TRUE;
}

void
govorun_integrations_add_webhook_async (GovorunIntegrations *self,
                                        const char          *name,
                                        const char          *url,
                                        guint                events,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *label = NULL;
  GError *error = NULL;
  AddOp *op;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_add_webhook_async);
  if (!govorun_integrations_check_url (url, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  uuid = g_uuid_string_random ();
  op = g_new0 (AddOp, 1);
  op->target = govorun_integration_target_new (0, uuid, GOVORUN_INTEGRATION_KIND_WEBHOOK,
                                               name != NULL && *name != '\0' ? name : url, url,
                                               events, g_get_real_time () / G_USEC_PER_SEC);
  op->secret = govorun_webhook_signature_new_secret ();
  g_task_set_task_data (task, op, (GDestroyNotify) add_op_free);
  /* Translators: the keyring item's label; %s is the webhook's name */
  label = g_strdup_printf (_("Govorun webhook secret for “%s”"),
                           govorun_integration_target_get_name (op->target));
  govorun_secrets_store_async (self->secrets, uuid, 1, label, op->secret, cancellable,
                               on_add_secret_stored, g_steal_pointer (&task));
}

void
_govorun_integrations_add_target_async (GovorunIntegrations      *self,
                                        GovorunIntegrationTarget *target,
                                        const char               *secret,
                                        const char               *label,
                                        GCancellable             *cancellable,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  AddOp *op = g_new0 (AddOp, 1);

  g_task_set_source_tag (task, _govorun_integrations_add_target_async);
  op->target = g_object_ref (target);
  op->secret = g_strdup (secret);
  g_task_set_task_data (task, op, (GDestroyNotify) add_op_free);
  govorun_secrets_store_async (self->secrets, govorun_integration_target_get_uuid (target), 1, label,
                               op->secret, cancellable, on_add_secret_stored, task);
}

GovorunIntegrationTarget *
_govorun_integrations_add_target_finish (GovorunIntegrations  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_object_ref (((AddOp *) g_task_get_task_data (G_TASK (result)))->target);
}

GovorunIntegrationTarget *
govorun_integrations_add_webhook_finish (GovorunIntegrations  *self,
                                         GAsyncResult         *result,
                                         char                **out_secret,
                                         GError              **error)
{
  AddOp *op;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_add_webhook_async,
                        NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  op = g_task_get_task_data (G_TASK (result));
  if (out_secret != NULL)
    *out_secret = g_strdup (op->secret);
  return g_object_ref (op->target);
}

static void
on_rotated_row (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  AddOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_integration_records_update_target_finish (GOVORUN_STORE (source), result, &error))
    {
      /* The row keeps the old generation, whose secret still works. */
      govorun_integration_target_set_secret_generation (op->target,
                                                        govorun_integration_target_get_secret_generation (op->target) - 1);
      g_task_return_error (task, error);
      return;
    }
  g_hash_table_replace (self->secret_cache,
                        cache_key (op->target, govorun_integration_target_get_secret_generation (op->target)),
                        g_strdup (op->secret));
  g_task_return_boolean (task, TRUE);
}

static void
on_rotated_secret_stored (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  AddOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_secrets_store_finish (GOVORUN_SECRETS (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_integration_target_set_secret_generation (op->target,
                                                    govorun_integration_target_get_secret_generation (op->target) + 1);
  govorun_integration_records_update_target_async (self->store, op->target,
                                                   g_task_get_cancellable (task),
                                                   on_rotated_row, g_object_ref (task));
}

void
govorun_integrations_rotate_secret_async (GovorunIntegrations      *self,
                                          GovorunIntegrationTarget *target,
                                          GCancellable             *cancellable,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  AddOp *op;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_rotate_secret_async);
  op = g_new0 (AddOp, 1);
  op->target = g_object_ref (target);
  op->secret = govorun_webhook_signature_new_secret ();
  g_task_set_task_data (task, op, (GDestroyNotify) add_op_free);
  label = g_strdup_printf (_("Govorun webhook secret for “%s”"),
                           govorun_integration_target_get_name (target));
  govorun_secrets_store_async (self->secrets, govorun_integration_target_get_uuid (target),
                               govorun_integration_target_get_secret_generation (target) + 1,
                               label, op->secret, cancellable,
                               on_rotated_secret_stored, g_steal_pointer (&task));
}

char *
govorun_integrations_rotate_secret_finish (GovorunIntegrations  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  AddOp *op;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  op = g_task_get_task_data (G_TASK (result));
  return g_strdup (op->secret);
}

static void
on_paused_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!govorun_integration_records_update_target_finish (GOVORUN_STORE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
govorun_integrations_set_paused_async (GovorunIntegrations      *self,
                                       GovorunIntegrationTarget *target,
                                       gboolean                  paused,
                                       const char               *reason,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_set_paused_async);
  govorun_integration_target_set_paused (target, paused, reason);
  if (!paused)
    govorun_integration_target_set_failing_since (target, 0);  /* as the row will say */
  govorun_integration_records_update_target_async (self->store, target, cancellable,
                                                   on_paused_written, task);
}

gboolean
govorun_integrations_set_paused_finish (GovorunIntegrations  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- which kinds, removing ---- */

gboolean
govorun_integrations_supports_kind (GovorunIntegrations    *self,
                                    GovorunIntegrationKind  kind)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATIONS (self), FALSE);

  return kind == GOVORUN_INTEGRATION_KIND_WEBHOOK || kind == GOVORUN_INTEGRATION_KIND_BITRIX24;
}

static void
on_secrets_cleared (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* The row is gone already; a keyring item left over signs nothing. */
  if (!govorun_secrets_clear_finish (GOVORUN_SECRETS (source), result, &error))
    g_debug ("Could not remove a webhook secret: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
on_target_removed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  GovorunIntegrationTarget *target = g_task_get_task_data (task);
  GovorunIntegrationTarget *listed;
  GError *error = NULL;
  guint position;

  if (!govorun_integration_records_remove_target_finish (GOVORUN_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The list's own object, which may not be the one given. */
  listed = _govorun_integrations_find_target (self, govorun_integration_target_get_id (target));
  if (listed != NULL && g_list_store_find (self->targets, listed, &position))
    g_list_store_remove (self->targets, position);
  for (guint g = 1; g <= govorun_integration_target_get_secret_generation (target); g++)
    {
      g_autofree char *key = cache_key (target, g);

      g_hash_table_remove (self->secret_cache, key);
    }
  govorun_secrets_clear_async (self->secrets, govorun_integration_target_get_uuid (target), -1, NULL,
                               on_secrets_cleared, g_object_ref (task));
}

void
govorun_integrations_remove_async (GovorunIntegrations      *self,
                                   GovorunIntegrationTarget *target,
                                   GCancellable             *cancellable,
                                   GAsyncReadyCallback       callback,
                                   gpointer                  user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_remove_async);
  g_task_set_task_data (task, g_object_ref (target), g_object_unref);
  g_hash_table_remove (self->bitrix24_clients, &(gint64) { govorun_integration_target_get_id (target) });
  govorun_integration_records_remove_target_async (self->store,
                                                   govorun_integration_target_get_id (target),
                                                   cancellable, on_target_removed, task);
}

gboolean
govorun_integrations_remove_finish (GovorunIntegrations  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_remove_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- producers ---- */

typedef enum
{
  PRODUCE_CALL,
  PRODUCE_CAMPAIGN,
  PRODUCE_CONTACT,
} ProduceKind;

typedef struct
{
  ProduceKind        kind;
  GovorunCallRecord *record;
  gint64             campaign_id;
  gint64             contact_id;
  char              *name;      /* campaign name, or contact phone */
  char              *result;
  guint              n1, n2, n3;
} Produce;

static void
produce_free (Produce *p)
{
  g_clear_object (&p->record);
  g_free (p->name);
  g_free (p->result);
  g_free (p);
}

/* Calls from before a target existed are not sent, unless inside the
 * backfill range the user asked for. */
static gboolean
wants_call (GovorunIntegrationTarget *target,
            GovorunCallRecord        *record)
{
  gint64 started = govorun_call_record_get_started_at (record);
  gint64 from = govorun_integration_target_get_backfill_from (target);
  gint64 to = govorun_integration_target_get_backfill_to (target);

  return started >= govorun_integration_target_get_created_at (target)
      || (to > from && started >= from && started < to);
}

static void
on_enqueued (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  guint added = 0;

  if (!govorun_integration_records_enqueue_finish (GOVORUN_STORE (source), result, &added, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (added > 0)
    _govorun_integrations_emit_changed (g_task_get_source_object (task), 0);
  g_task_return_int (task, added);
}

static void
produce_with_targets (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  Produce *p = g_task_get_task_data (task);
  g_autoptr(GPtrArray) deliveries = g_ptr_array_new_with_free_func (g_object_unref);
  GovorunIntegrationEvent event;
  gint64 now_ms = g_get_real_time () / 1000;
  g_autofree char *subject = NULL;
  GError *error = NULL;
  guint n;

  if (!_govorun_integrations_ensure_loaded_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (p->kind)
    {
    case PRODUCE_CALL:
      event = GOVORUN_INTEGRATION_EVENT_CALL_FINISHED;
      subject = g_strdup_printf ("call:%" G_GINT64_FORMAT, govorun_call_record_get_id (p->record));
      break;
    case PRODUCE_CAMPAIGN:
      event = GOVORUN_INTEGRATION_EVENT_CAMPAIGN_FINISHED;
      subject = g_strdup_printf ("campaign:%" G_GINT64_FORMAT, p->campaign_id);
      break;
    case PRODUCE_CONTACT:
    default:
      event = GOVORUN_INTEGRATION_EVENT_CONTACT_RESULT;
      subject = g_strdup_printf ("contact:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                 p->campaign_id, p->contact_id);
      break;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GovorunIntegrationTarget) t = g_list_model_get_item (G_LIST_MODEL (self->targets), i);
      g_autofree char *uuid = NULL;
      g_autofree char *payload = NULL;
      gint64 now_s = now_ms / 1000;
      GovorunDelivery *d;

      if ((govorun_integration_target_get_events (t) & event) == 0)
        continue;
      /* Bitrix24 takes calls only. */
      if (govorun_integration_target_get_kind (t) != GOVORUN_INTEGRATION_KIND_WEBHOOK
          && !(govorun_integration_target_get_kind (t) == GOVORUN_INTEGRATION_KIND_BITRIX24
               && p->kind == PRODUCE_CALL))
        continue;
      if (p->kind == PRODUCE_CALL && !wants_call (t, p->record))
        continue;

      uuid = g_uuid_string_random ();
      if (p->kind == PRODUCE_CALL && govorun_integration_target_get_kind (t) == GOVORUN_INTEGRATION_KIND_BITRIX24)
        {
          const GovorunCallInfo *info = govorun_call_record_get_info (p->record);

          /* The portal fetches the recording itself (attachRecord by link). */
          payload = govorun_webhook_payload_call (uuid, now_s, p->record, TRUE,
                                                  info != NULL ? info->record_url : NULL);
        }
      else if (p->kind == PRODUCE_CALL)
        {
          const GovorunCallInfo *info = govorun_call_record_get_info (p->record);
          guint options = govorun_integration_target_get_events (t);

          payload = govorun_webhook_payload_call (uuid, now_s, p->record,
                                                  (options & GOVORUN_INTEGRATION_OPTION_TRANSCRIPT) != 0,
                                                  (options & GOVORUN_INTEGRATION_OPTION_RECORDING_LINK) != 0
                                                  && info != NULL ? info->record_url : NULL);
        }
      else if (p->kind == PRODUCE_CAMPAIGN)
        payload = govorun_webhook_payload_campaign_finished (uuid, now_s, p->campaign_id, p->name,
                                                             p->n1, p->n2, p->n3);
      else
        payload = govorun_webhook_payload_contact_result (uuid, now_s, p->campaign_id, p->contact_id,
                                                          p->name, p->result, p->n1);
      d = govorun_delivery_new (0, uuid, govorun_integration_target_get_id (t),
                                govorun_integration_event_to_string (event), subject, payload, now_s);
      govorun_delivery_set_outcome (d, GOVORUN_DELIVERY_PENDING, 0, now_ms, 0, 0, NULL);
      g_ptr_array_add (deliveries, d);
    }

  if (deliveries->len == 0)
    {
      g_task_return_int (task, 0);
      return;
    }
  govorun_integration_records_enqueue_async (self->store, deliveries, g_task_get_cancellable (task),
                                             on_enqueued, g_object_ref (task));
}

static void
produce (GovorunIntegrations *self,
         Produce             *p,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, govorun_integrations_enqueue_finish);
  g_task_set_task_data (task, p, (GDestroyNotify) produce_free);
  _govorun_integrations_ensure_loaded_async (self, cancellable, produce_with_targets, task);
}

void
govorun_integrations_call_finished_async (GovorunIntegrations *self,
                                          GovorunCallRecord   *record,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  Produce *p;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_CALL_RECORD (record));

  p = g_new0 (Produce, 1);
  p->kind = PRODUCE_CALL;
  p->record = g_object_ref (record);
  produce (self, p, cancellable, callback, user_data);
}

void
govorun_integrations_campaign_finished_async (GovorunIntegrations *self,
                                              gint64               campaign_id,
                                              const char          *name,
                                              guint                contacts,
                                              guint                reached,
                                              guint                failed,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  Produce *p;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));

  p = g_new0 (Produce, 1);
  p->kind = PRODUCE_CAMPAIGN;
  p->campaign_id = campaign_id;
  p->name = g_strdup (name);
  p->n1 = contacts;
  p->n2 = reached;
  p->n3 = failed;
  produce (self, p, cancellable, callback, user_data);
}

void
govorun_integrations_contact_result_async (GovorunIntegrations *self,
                                           gint64               campaign_id,
                                           gint64               contact_id,
                                           const char          *phone,
                                           const char          *result,
                                           guint                attempts,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  Produce *p;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));

  p = g_new0 (Produce, 1);
  p->kind = PRODUCE_CONTACT;
  p->campaign_id = campaign_id;
  p->contact_id = contact_id;
  p->name = g_strdup (phone);
  p->result = g_strdup (result);
  p->n1 = attempts;
  produce (self, p, cancellable, callback, user_data);
}

gboolean
govorun_integrations_enqueue_finish (GovorunIntegrations  *self,
                                     GAsyncResult         *result,
                                     guint                *out_added,
                                     GError              **error)
{
  gssize added;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_enqueue_finish,
                        FALSE);

  added = g_task_propagate_int (G_TASK (result), error);
  if (added < 0)
    return FALSE;
  if (out_added != NULL)
    *out_added = (guint) added;
  return TRUE;
}
