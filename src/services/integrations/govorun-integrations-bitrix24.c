/* govorun-integrations-bitrix24.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrations"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-integrations-private.h"
#include "govorun-bitrix24-client.h"
#include "govorun-bitrix24-telephony.h"
#include "govorun-agent-records.h"
#include "govorun-bitrix24-records.h"
#include "govorun-webhook-signature.h"

/*
 * Bitrix24 targets: adding one (the webhook URL checked with `scope`, kept
 * in the keyring), the Test button for both kinds, the secret lookup the
 * deliveries share.
 */

static const char * const needed_scopes[] = { "telephony", "crm", NULL };

const char *
govorun_integrations_crm_only_notice (void)
{
  return _("CRM-only: this portal refuses telephony calls from a webhook, so each call is added to the lead or contact as a call activity with its summary and transcript.");
}

gboolean
govorun_integrations_check_bitrix24_url (const char  *url,
                                         GError     **error)
{
  g_autoptr(GovorunBitrix24Webhook) webhook = NULL;
  GError *parse_error = NULL;

  webhook = govorun_bitrix24_webhook_parse (url, &parse_error);
  if (webhook == NULL)
    {
      g_set_error_literal (error, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_INVALID_URL,
                           parse_error->message);
      g_error_free (parse_error);
      return FALSE;
    }
  return TRUE;
}

void
govorun_integrations_set_demo_bitrix24_url (GovorunIntegrations *self,
                                            const char          *url)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_free (self->demo_bitrix24_url);
  self->demo_bitrix24_url = g_strdup (url);
}

const char *
govorun_integrations_get_demo_bitrix24_url (GovorunIntegrations *self)
{
  g_return_val_if_fail (GOVORUN_IS_INTEGRATIONS (self), NULL);
  return self->demo_bitrix24_url;
}

void
govorun_integrations_set_bitrix24_pacing (GovorunIntegrations *self,
                                          guint                interval_ms,
                                          guint                attempts,
                                          guint                retry_ms)
{
  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  self->bitrix24_interval_ms = interval_ms;
  self->bitrix24_attempts = MAX (attempts, 1);
  self->bitrix24_retry_ms = retry_ms;
  g_hash_table_remove_all (self->bitrix24_clients);
}

static GovorunBitrix24Client *
new_client (GovorunIntegrations          *self,
            const GovorunBitrix24Webhook *webhook)
{
  GovorunBitrix24Client *client = govorun_bitrix24_client_new (webhook);

  govorun_bitrix24_client_set_min_interval (client, self->bitrix24_interval_ms);
  govorun_bitrix24_client_set_retry (client, self->bitrix24_attempts, self->bitrix24_retry_ms);
  return client;
}

/* ---- the secret ---- */

static char *
cache_key (GovorunIntegrationTarget *target)
{
  return g_strdup_printf ("%s/%u", govorun_integration_target_get_uuid (target),
                          govorun_integration_target_get_secret_generation (target));
}

static void
on_secret_looked_up (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  GovorunIntegrationTarget *target = g_task_get_task_data (task);
  GError *error = NULL;
  char *secret;

  secret = govorun_secrets_lookup_finish (GOVORUN_SECRETS (source), result, &error);
  if (secret == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_hash_table_replace (self->secret_cache, cache_key (target), g_strdup (secret));
  g_task_return_pointer (task, secret, g_free);
}

void
_govorun_integrations_secret_async (GovorunIntegrations      *self,
                                    GovorunIntegrationTarget *target,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *key = cache_key (target);
  const char *cached = g_hash_table_lookup (self->secret_cache, key);

  g_task_set_task_data (task, g_object_ref (target), g_object_unref);
  if (cached != NULL)
    {
      g_task_return_pointer (task, g_strdup (cached), g_free);
      g_object_unref (task);
      return;
    }
  govorun_secrets_lookup_async (self->secrets, govorun_integration_target_get_uuid (target),
                                govorun_integration_target_get_secret_generation (target),
                                cancellable, on_secret_looked_up, task);
}

char *
_govorun_integrations_secret_finish (GovorunIntegrations  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Finishes @task (and drops it) with the keyring's failure. */
static void
return_no_secret (GTask  *task,
                  GError *error)
{
  g_task_return_new_error (task, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_NO_SECRET,
                           _("The target’s secret could not be read from the keyring (%s). Unlock the keyring and try again."),
                           error->message);
  g_error_free (error);
  g_object_unref (task);
}

/* ---- scopes ---- */

char **
_govorun_integrations_bitrix24_missing_scopes (char **scopes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; needed_scopes[i] != NULL; i++)
    if (scopes == NULL || !g_strv_contains ((const char * const *) scopes, needed_scopes[i]))
      g_strv_builder_add (builder, needed_scopes[i]);
  return g_strv_builder_end (builder);
}

char *
_govorun_integrations_bitrix24_missing_sentence (char **missing)
{
  g_autofree char *list = g_strjoinv (", ", missing);

  /* Translators: %s lists Bitrix24 scope names, such as "telephony, crm" */
  return g_strdup_printf (g_strv_length (missing) == 1
                          ? _("The webhook lacks the scope %s. Edit the webhook in Bitrix24, tick it and save.")
                          : _("The webhook lacks the scopes %s. Edit the webhook in Bitrix24, tick them and save."),
                          list);
}

/* ---- adding ---- */

typedef struct
{
  char                   *name;
  char                   *url;
  GovorunBitrix24Webhook *webhook;
  GovorunBitrix24Client  *client;
} AddBitrix;

static void
add_bitrix_free (AddBitrix *op)
{
  g_free (op->name);
  if (op->url != NULL)
    memset (op->url, 0, strlen (op->url));
  g_free (op->url);
  g_clear_pointer (&op->webhook, govorun_bitrix24_webhook_free);
  g_clear_object (&op->client);
  g_free (op);
}

static void
on_bitrix_target_added (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddBitrix *op = g_task_get_task_data (task);
  GovorunIntegrations *self = GOVORUN_INTEGRATIONS (source);
  GovorunIntegrationTarget *target;
  GError *error = NULL;

  target = _govorun_integrations_add_target_finish (self, result, &error);
  if (target == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The checked client is the portal's: keep it, with its pacing. */
  g_hash_table_replace (self->bitrix24_clients,
                        g_memdup2 (&(gint64) { govorun_integration_target_get_id (target) }, sizeof (gint64)),
                        g_object_ref (op->client));
  g_task_return_pointer (task, target, g_object_unref);
}

static void
on_add_scopes (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrations *self = g_task_get_source_object (task);
  AddBitrix *op = g_task_get_task_data (task);
  g_auto(GStrv) scopes = NULL;
  g_auto(GStrv) missing = NULL;
  g_autoptr(GovorunIntegrationTarget) target = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;

  scopes = govorun_bitrix24_client_scope_finish (GOVORUN_BITRIX24_CLIENT (source), result, &error);
  if (scopes == NULL)
    {
      g_task_return_new_error (task, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_BITRIX24,
                               "%s", error->message);
      return;
    }
  missing = _govorun_integrations_bitrix24_missing_scopes (scopes);
  if (missing[0] != NULL)
    {
      g_autofree char *why = _govorun_integrations_bitrix24_missing_sentence (missing);

      g_task_return_new_error (task, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_MISSING_SCOPE,
                               "%s", why);
      return;
    }

  uuid = g_uuid_string_random ();
  target = govorun_integration_target_new (0, uuid, GOVORUN_INTEGRATION_KIND_BITRIX24,
                                           op->name != NULL && *op->name != '\0' ? op->name : op->webhook->host,
                                           op->webhook->display, GOVORUN_INTEGRATION_EVENT_CALL_FINISHED,
                                           g_get_real_time () / G_USEC_PER_SEC);
  /* Translators: the keyring item's label; %s is the portal's name */
  label = g_strdup_printf (_("Govorun Bitrix24 webhook for “%s”"), govorun_integration_target_get_name (target));
  _govorun_integrations_add_target_async (self, target, op->webhook->base, label,
                                          g_task_get_cancellable (task), on_bitrix_target_added,
                                          g_object_ref (task));
}

void
govorun_integrations_add_bitrix24_async (GovorunIntegrations *self,
                                         const char          *name,
                                         const char          *url,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  AddBitrix *op;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_add_bitrix24_async);
  op = g_new0 (AddBitrix, 1);
  op->name = g_strdup (name);
  g_task_set_task_data (task, op, (GDestroyNotify) add_bitrix_free);
  op->webhook = govorun_bitrix24_webhook_parse (url, &error);
  if (op->webhook == NULL)
    {
      g_task_return_new_error (task, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_INVALID_URL,
                               "%s", error->message);
      g_error_free (error);
      return;
    }
  op->client = new_client (self, op->webhook);
  govorun_bitrix24_client_scope_async (op->client, cancellable, on_add_scopes, g_steal_pointer (&task));
}

GovorunIntegrationTarget *
govorun_integrations_add_bitrix24_finish (GovorunIntegrations  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_add_bitrix24_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the client of a stored target ---- */

GovorunBitrix24Client *
_govorun_integrations_bitrix24_client (GovorunIntegrations      *self,
                                       GovorunIntegrationTarget *target,
                                       const char               *url,
                                       GError                  **error)
{
  gint64 id = govorun_integration_target_get_id (target);
  GovorunBitrix24Client *client = g_hash_table_lookup (self->bitrix24_clients, &id);
  g_autoptr(GovorunBitrix24Webhook) webhook = NULL;

  if (client != NULL)
    return g_object_ref (client);
  webhook = govorun_bitrix24_webhook_parse (url, error);
  if (webhook == NULL)
    return NULL;
  client = new_client (self, webhook);
  g_hash_table_replace (self->bitrix24_clients, g_memdup2 (&id, sizeof id), g_object_ref (client));
  return client;
}

/* ---- the Test button ---- */

typedef struct
{
  GovorunIntegrationKind kind;
  char                  *url;
  char                  *secret;
  gint64                 started_us;
  GovorunBitrix24Client *client;
} TestOp;

static void
test_op_free (TestOp *op)
{
  if (op->url != NULL)
    memset (op->url, 0, strlen (op->url));
  g_free (op->url);
  if (op->secret != NULL)
    memset (op->secret, 0, strlen (op->secret));
  g_free (op->secret);
  g_clear_object (&op->client);
  g_free (op);
}

static guint
elapsed_ms (TestOp *op)
{
  return (guint) ((g_get_monotonic_time () - op->started_us) / 1000);
}

static void
on_test_scopes (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestOp *op = g_task_get_task_data (task);
  GovorunIntegrationCheck *check = g_new0 (GovorunIntegrationCheck, 1);
  g_autoptr(GError) error = NULL;

  check->latency_ms = elapsed_ms (op);
  check->scopes = govorun_bitrix24_client_scope_finish (GOVORUN_BITRIX24_CLIENT (source), result, &error);
  if (check->scopes == NULL)
    {
      check->status = govorun_bitrix24_error_http_status (error);
      check->message = g_strdup (error->message);
    }
  else
    {
      g_autofree char *list = g_strjoinv (", ", check->scopes);

      check->status = 200;
      check->missing_scopes = _govorun_integrations_bitrix24_missing_scopes (check->scopes);
      check->ok = check->missing_scopes[0] == NULL;
      /* Translators: %s lists Bitrix24 scope names */
      check->message = check->ok ? g_strdup_printf (_("The portal answered. The webhook has the scopes %s."), list)
                                 : _govorun_integrations_bitrix24_missing_sentence (check->missing_scopes);
    }
  g_task_return_pointer (task, check, (GDestroyNotify) govorun_integration_check_free);
}

static void
on_test_posted (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TestOp *op = g_task_get_task_data (task);
  GovorunIntegrationCheck *check = g_new0 (GovorunIntegrationCheck, 1);
  g_autoptr(GovorunWebhookResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = govorun_webhook_sender_post_finish (GOVORUN_WEBHOOK_SENDER (source), result, NULL, &error);
  check->latency_ms = elapsed_ms (op);
  if (response == NULL)
    /* Translators: %s says why there was no answer */
    check->message = g_strdup_printf (_("The receiver did not answer (%s). Check the address and that the receiver is running."),
                                      error->message);
  else
    {
      check->status = response->status;
      check->ok = response->status >= 200 && response->status < 300;
      check->message = check->ok
        ? g_strdup_printf (_("The receiver accepted a test delivery (HTTP %u)."), response->status)
        : g_strdup_printf (_("The receiver refused a test delivery with HTTP %u (%s)."), response->status,
                           response->reason != NULL ? response->reason : "");
    }
  g_task_return_pointer (task, check, (GDestroyNotify) govorun_integration_check_free);
}

static void
test_run (GTask *task)
{
  GovorunIntegrations *self = g_task_get_source_object (task);
  TestOp *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  op->started_us = g_get_monotonic_time ();
  if (op->kind == GOVORUN_INTEGRATION_KIND_BITRIX24)
    {
      g_autoptr(GovorunBitrix24Webhook) webhook = NULL;
      g_autoptr(GError) error = NULL;

      webhook = govorun_bitrix24_webhook_parse (op->url, &error);
      if (webhook == NULL)
        {
          GovorunIntegrationCheck *check = g_new0 (GovorunIntegrationCheck, 1);

          check->message = g_strdup (error->message);
          g_task_return_pointer (task, check, (GDestroyNotify) govorun_integration_check_free);
          g_object_unref (task);
          return;
        }
      op->client = new_client (self, webhook);
      govorun_bitrix24_client_scope_async (op->client, cancellable, on_test_scopes, task);
    }
  else
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *when = g_date_time_format_iso8601 (now);
      g_autofree char *body = g_strdup_printf ("{\"schema\":\"govorun.test.v1\",\"id\":\"%s\","
                                               "\"event\":\"test\",\"created_at\":\"%s\"}", id, when);

      if (op->secret == NULL)
        op->secret = govorun_webhook_signature_new_secret ();
      govorun_webhook_sender_post_async (self->sender, op->url, id, "test", op->secret, body,
                                         cancellable, on_test_posted, task);
    }
}

static void
on_test_secret (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  TestOp *op = g_task_get_task_data (task);
  GError *error = NULL;
  char *secret = _govorun_integrations_secret_finish (GOVORUN_INTEGRATIONS (source), result, &error);

  if (secret == NULL)
    {
      return_no_secret (task, error);
      return;
    }
  if (op->kind == GOVORUN_INTEGRATION_KIND_BITRIX24)
    op->url = secret;
  else
    op->secret = secret;
  test_run (task);
}

void
govorun_integrations_test_target_async (GovorunIntegrations      *self,
                                        GovorunIntegrationTarget *target,
                                        GovorunIntegrationKind    kind,
                                        const char               *url,
                                        GCancellable             *cancellable,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data)
{
  GTask *task;
  TestOp *op;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (target != NULL || url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_test_target_async);
  op = g_new0 (TestOp, 1);
  op->kind = target != NULL ? govorun_integration_target_get_kind (target) : kind;
  g_task_set_task_data (task, op, (GDestroyNotify) test_op_free);
  if (target == NULL)
    {
      op->url = g_strdup (url);
      test_run (task);
      return;
    }
  if (op->kind == GOVORUN_INTEGRATION_KIND_WEBHOOK)
    op->url = g_strdup (_govorun_integrations_webhook_url (self, target));
  _govorun_integrations_secret_async (self, target, cancellable, on_test_secret, task);
}

GovorunIntegrationCheck *
govorun_integrations_test_target_finish (GovorunIntegrations  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_test_target_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the agent's number as a line ---- */

enum { LINE_ADDED = 1, LINE_EXISTED = 2 };

typedef struct
{
  char *number;
  char *name;
} LineOp;

static void
line_op_free (LineOp *op)
{
  g_free (op->number);
  g_free (op->name);
  g_free (op);
}

static void
on_line_added (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (govorun_bitrix24_add_external_line_finish (GOVORUN_BITRIX24_CLIENT (source), result, &error) > 0
      || error == NULL)
    g_task_return_int (task, LINE_ADDED);
  else if (g_error_matches (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT)
           && strstr (error->message, "Line already exists") != NULL)
    g_task_return_int (task, LINE_EXISTED);
  else
    g_task_return_new_error (task, GOVORUN_INTEGRATIONS_ERROR, GOVORUN_INTEGRATIONS_ERROR_BITRIX24,
                             "%s", error->message);
}

static void
on_line_url (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  GovorunIntegrations *self = GOVORUN_INTEGRATIONS (source);
  LineOp *op = g_task_get_task_data (task);
  GovorunIntegrationTarget *target = g_object_get_data (G_OBJECT (task), "target");
  g_autoptr(GovorunBitrix24Client) client = NULL;
  g_autofree char *url = NULL;
  GError *error = NULL;

  url = _govorun_integrations_secret_finish (self, result, &error);
  if (url != NULL)
    {
      client = _govorun_integrations_bitrix24_client (self, target, url, &error);
      memset (url, 0, strlen (url));
    }
  if (client == NULL)
    {
      return_no_secret (task, error);
      return;
    }
  govorun_bitrix24_add_external_line_async (client, op->number, op->name, g_task_get_cancellable (task),
                                            on_line_added, task);
}

void
govorun_integrations_add_bitrix24_line_async (GovorunIntegrations      *self,
                                              GovorunIntegrationTarget *target,
                                              const char               *number,
                                              const char               *name,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data)
{
  GTask *task;
  LineOp *op;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target));
  g_return_if_fail (govorun_integration_target_get_kind (target) == GOVORUN_INTEGRATION_KIND_BITRIX24);
  g_return_if_fail (number != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_add_bitrix24_line_async);
  op = g_new0 (LineOp, 1);
  op->number = g_strdup (number);
  op->name = g_strdup (name);
  g_task_set_task_data (task, op, (GDestroyNotify) line_op_free);
  g_object_set_data_full (G_OBJECT (task), "target", g_object_ref (target), g_object_unref);
  _govorun_integrations_secret_async (self, target, cancellable, on_line_url, task);
}

gboolean
govorun_integrations_add_bitrix24_line_finish (GovorunIntegrations  *self,
                                               GAsyncResult         *result,
                                               gboolean             *out_existed,
                                               GError              **error)
{
  gssize outcome;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_add_bitrix24_line_async,
                        FALSE);
  outcome = g_task_propagate_int (G_TASK (result), error);
  if (out_existed != NULL)
    *out_existed = outcome == LINE_EXISTED;
  return outcome > 0;
}

/* ---- the agents' numbers ---- */

static void
on_agents_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) agents = NULL;
  GListStore *store;
  GError *error = NULL;

  agents = govorun_agent_records_read_all_finish (GOVORUN_STORE (source), result, &error);
  if (agents == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  store = g_list_store_new (GOVORUN_TYPE_AGENT);
  for (guint i = 0; i < agents->len; i++)
    {
      GovorunAgent *agent = g_ptr_array_index (agents, i);

      if (govorun_agent_get_numbers (agent)->len > 0)
        g_list_store_append (store, agent);
    }
  g_task_return_pointer (task, store, g_object_unref);
}

void
govorun_integrations_list_agent_numbers_async (GovorunIntegrations *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_list_agent_numbers_async);
  govorun_agent_records_read_all_async (self->store, cancellable, on_agents_read, task);
}

GListModel *
govorun_integrations_list_agent_numbers_finish (GovorunIntegrations  *self,
                                                GAsyncResult         *result,
                                                GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_list_agent_numbers_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Try Telephony Again ---- */

static void
on_crm_only_cleared (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunIntegrationTarget *target = g_task_get_task_data (task);
  GError *error = NULL;

  if (!govorun_bitrix24_records_set_crm_only_finish (GOVORUN_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  govorun_integration_target_set_crm_only (target, FALSE);
  g_task_return_boolean (task, TRUE);
}

void
govorun_integrations_try_telephony_again_async (GovorunIntegrations      *self,
                                                GovorunIntegrationTarget *target,
                                                GCancellable             *cancellable,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data)
{
  GTask *task;

  g_return_if_fail (GOVORUN_IS_INTEGRATIONS (self));
  g_return_if_fail (GOVORUN_IS_INTEGRATION_TARGET (target));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_integrations_try_telephony_again_async);
  g_task_set_task_data (task, g_object_ref (target), g_object_unref);
  govorun_bitrix24_records_set_crm_only_async (self->store, govorun_integration_target_get_id (target), FALSE,
                                               cancellable, on_crm_only_cleared, task);
}

gboolean
govorun_integrations_try_telephony_again_finish (GovorunIntegrations  *self,
                                                 GAsyncResult         *result,
                                                 GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_integrations_try_telephony_again_async,
                        FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
