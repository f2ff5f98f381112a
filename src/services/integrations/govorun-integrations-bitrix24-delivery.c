/* govorun-integrations-bitrix24-delivery.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunIntegrations"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-integrations-private.h"
#include "govorun-bitrix24-call.h"
#include "govorun-bitrix24-crm.h"
#include "govorun-bitrix24-records.h"
#include "govorun-bitrix24-telephony.h"
#include "govorun-http.h"

/*
 * One outbox item per call, delivered to Bitrix24 as a chain:
 * register → finish → attachRecord → attachTranscription. The step
 * reached and register's CALL_ID are written after every step the portal
 * accepted (govorun-bitrix24-records), so an attempt cut short by a fault
 * resumes where it stopped and a call is registered once. A portal that
 * answers WRONG_AUTH_TYPE (its docs reserve these methods to
 * applications) turns the target CRM-only: the lead or contact is found
 * by number (crm.duplicate.findbycomm) or a lead is made, and a call
 * activity carries the summary and transcript.
 *
 * Known gap: a crash between crm.lead.add's answer and the progress write
 * makes a second lead on the retry (the portal has no idempotency key for
 * leads).
 */

enum
{
  STEP_NONE = 0,
  STEP_REGISTERED,
  STEP_FINISHED,
  STEP_RECORDED,
  STEP_DONE,
  STEP_CRM_OWNER = 10,
  STEP_CRM_DONE,
};

typedef struct
{
  GovorunIntegrationTarget    *target;
  GovorunDelivery             *delivery;
  GovorunBitrix24Client       *client;
  GovorunBitrix24CallDocument *doc;
  GovorunBitrix24Progress     *progress;
  gint64                       started_us;
} Chain;

static void
chain_free (Chain *chain)
{
  g_clear_object (&chain->target);
  g_clear_object (&chain->delivery);
  g_clear_object (&chain->client);
  g_clear_pointer (&chain->doc, govorun_bitrix24_call_document_free);
  g_clear_pointer (&chain->progress, govorun_bitrix24_progress_free);
  g_free (chain);
}

void
_govorun_integrations_outcome_free (GovorunIntegrationsOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->error);
  g_free (outcome);
}

static void chain_next (GTask *task);

static void
chain_return (GTask                *task,
              GovorunDeliveryState  state,
              guint                 status,
              const char           *error)
{
  GovorunIntegrations *self = g_task_get_source_object (task);
  Chain *chain = g_task_get_task_data (task);
  GovorunIntegrationsOutcome *outcome = g_new0 (GovorunIntegrationsOutcome, 1);

  outcome->state = state;
  outcome->status = status;
  outcome->latency_ms = (guint) ((g_get_monotonic_time () - chain->started_us) / 1000);
  if (state == GOVORUN_DELIVERY_PENDING)
    outcome->delay_ms = _govorun_integrations_backoff_ms (self, govorun_delivery_get_attempts (chain->delivery) + 1);
  outcome->error = g_strdup (error);
  g_task_return_pointer (task, outcome, (GDestroyNotify) _govorun_integrations_outcome_free);
  g_object_unref (task);
}

/* A failed step: transient answers and no answer are retried, the rest
 * stop the delivery with the portal's reason. */
static void
chain_fail (GTask        *task,
            const GError *error)
{
  gboolean transient = govorun_bitrix24_error_is_transient (error) || error->domain == GOVORUN_HTTP_ERROR;
  g_autofree char *why = NULL;

  if (transient)
    /* Translators: %s is Bitrix24's answer */
    why = g_strdup_printf (_("Bitrix24 did not take the call yet; Govorun will try again (%s)."), error->message);
  else
    why = g_strdup_printf (_("Bitrix24 refused the call and it will not be sent again unless you resend it (%s)."),
                           error->message);
  chain_return (task, transient ? GOVORUN_DELIVERY_PENDING : GOVORUN_DELIVERY_FAILED,
                govorun_bitrix24_error_http_status (error), why);
}

static void
on_progress_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_bitrix24_records_save_progress_finish (GOVORUN_STORE (source), result, &error))
    {
      g_autofree char *why = g_strdup_printf (_("Govorun could not note the delivery’s progress and will try again (%s)."),
                                              error->message);

      chain_return (task, GOVORUN_DELIVERY_PENDING, 0, why);
      return;
    }
  chain_next (task);
}

static void
advance (GTask *task,
         guint  step)
{
  GovorunIntegrations *self = g_task_get_source_object (task);
  Chain *chain = g_task_get_task_data (task);

  chain->progress->step = step;
  govorun_bitrix24_records_save_progress_async (self->store, govorun_delivery_get_id (chain->delivery),
                                                chain->progress, NULL, on_progress_saved, task);
}

/* ---- CRM-only ---- */

static void
on_crm_only_written (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!govorun_bitrix24_records_set_crm_only_finish (GOVORUN_STORE (source), result, &error))
    g_warning ("Could not mark the Bitrix24 target CRM-only: %s", error->message);
}

static void
become_crm_only (GTask *task)
{
  GovorunIntegrations *self = g_task_get_source_object (task);
  Chain *chain = g_task_get_task_data (task);

  g_message ("Bitrix24 refused telephony calls from the webhook (WRONG_AUTH_TYPE); delivering CRM-only");
  govorun_integration_target_set_crm_only (chain->target, TRUE);
  govorun_bitrix24_records_set_crm_only_async (self->store, govorun_integration_target_get_id (chain->target),
                                               TRUE, NULL, on_crm_only_written, NULL);
  chain_next (task);
}

static void
on_activity_added (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (govorun_bitrix24_add_activity_finish (GOVORUN_BITRIX24_CLIENT (source), result, &error) == 0)
    chain_fail (task, error);
  else
    advance (task, STEP_CRM_DONE);
}

static void
add_activity (GTask *task)
{
  Chain *chain = g_task_get_task_data (task);
  GovorunBitrix24CallDocument *doc = chain->doc;
  g_autofree char *description = govorun_bitrix24_call_document_text (doc);
  /* Translators: the subject of a call activity in Bitrix24; %s is a phone number */
  g_autofree char *subject = g_strdup_printf (doc->type == GOVORUN_BITRIX24_CALL_INCOMING
                                              ? _("Incoming call from %s") : _("Outgoing call to %s"),
                                              doc->client_number);
  GovorunBitrix24Activity activity = {
    .owner_type = g_strcmp0 (chain->progress->entity_type, "CONTACT") == 0 ? GOVORUN_BITRIX24_OWNER_CONTACT
                : g_strcmp0 (chain->progress->entity_type, "COMPANY") == 0 ? GOVORUN_BITRIX24_OWNER_COMPANY
                : GOVORUN_BITRIX24_OWNER_LEAD,
    .owner_id = chain->progress->entity_id,
    .responsible_id = govorun_bitrix24_client_get_webhook (chain->client)->user_id,
    .incoming = doc->type == GOVORUN_BITRIX24_CALL_INCOMING,
    .phone = doc->client_number,
    .subject = subject,
    .description = description,
    .start_time = doc->started_at,
    .duration = doc->duration,
  };

  govorun_bitrix24_add_activity_async (chain->client, &activity, NULL, on_activity_added, task);
}

static void
set_owner (GTask      *task,
           const char *type,
           gint64      id)
{
  Chain *chain = g_task_get_task_data (task);

  g_free (chain->progress->entity_type);
  chain->progress->entity_type = g_strdup (type);
  chain->progress->entity_id = id;
  advance (task, STEP_CRM_OWNER);
}

static void
on_lead_added (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = govorun_bitrix24_add_lead_finish (GOVORUN_BITRIX24_CLIENT (source), result, &error);

  if (id == 0)
    chain_fail (task, error);
  else
    set_owner (task, "LEAD", id);
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Chain *chain = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GovorunBitrix24Owner type = GOVORUN_BITRIX24_OWNER_NONE;
  gint64 id = 0;
  g_autofree char *title = NULL;

  if (!govorun_bitrix24_find_by_phone_finish (GOVORUN_BITRIX24_CLIENT (source), result, &type, &id, &error))
    {
      chain_fail (task, error);
      return;
    }
  if (type != GOVORUN_BITRIX24_OWNER_NONE)
    {
      set_owner (task, type == GOVORUN_BITRIX24_OWNER_CONTACT ? "CONTACT"
                       : type == GOVORUN_BITRIX24_OWNER_COMPANY ? "COMPANY" : "LEAD", id);
      return;
    }
  /* Translators: the title of a lead made for an unknown caller; %s is the number */
  title = g_strdup_printf (_("%s — call"), chain->doc->client_number);
  govorun_bitrix24_add_lead_async (chain->client, title, chain->doc->client_number,
                                   govorun_bitrix24_client_get_webhook (chain->client)->user_id,
                                   NULL, on_lead_added, task);
}

/* ---- telephony ---- */

static gboolean
refused_as_webhook (GTask        *task,
                    const GError *error)
{
  if (!g_error_matches (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_WRONG_AUTH_TYPE))
    return FALSE;
  become_crm_only (task);
  return TRUE;
}

static void
on_transcript_attached (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (govorun_bitrix24_attach_transcription_finish (GOVORUN_BITRIX24_CLIENT (source), result, &error) == 0)
    chain_fail (task, error);
  else
    advance (task, STEP_DONE);
}

static void
on_record_attached (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (govorun_bitrix24_attach_record_finish (GOVORUN_BITRIX24_CLIENT (source), result, &error) == 0)
    chain_fail (task, error);
  else
    advance (task, STEP_RECORDED);
}

static void
on_call_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_bitrix24_finish_call_finish (GOVORUN_BITRIX24_CLIENT (source), result, NULL, &error))
    {
      /* The call has a CALL_ID, so "not found" after a lost answer means an
       * earlier finish went through: go on (attachRecord would say "not
       * finished yet" if that were wrong). */
      if (g_error_matches (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT)
          && strstr (error->message, "Call is not found") != NULL
          && govorun_delivery_get_attempts (((Chain *) g_task_get_task_data (task))->delivery) > 0)
        advance (task, STEP_FINISHED);
      else if (!refused_as_webhook (task, error))
        chain_fail (task, error);
    }
  else
    advance (task, STEP_FINISHED);
}

static void
on_registered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Chain *chain = g_task_get_task_data (task);
  g_autoptr(GovorunBitrix24Registered) registered = NULL;
  g_autoptr(GError) error = NULL;

  registered = govorun_bitrix24_register_call_finish (GOVORUN_BITRIX24_CLIENT (source), result, &error);
  if (registered == NULL)
    {
      if (!refused_as_webhook (task, error))
        chain_fail (task, error);
      return;
    }
  g_free (chain->progress->call_id);
  chain->progress->call_id = g_strdup (registered->call_id);
  if (registered->crm_entity_id > 0)
    {
      g_free (chain->progress->entity_type);
      chain->progress->entity_type = g_strdup (registered->crm_entity_type);
      chain->progress->entity_id = registered->crm_entity_id;
    }
  advance (task, STEP_REGISTERED);
}

static void
chain_next (GTask *task)
{
  Chain *chain = g_task_get_task_data (task);
  GovorunBitrix24CallDocument *doc = chain->doc;
  gint64 user_id = govorun_bitrix24_client_get_webhook (chain->client)->user_id;
  guint step = chain->progress->step;

  if (step == STEP_DONE || step == STEP_CRM_DONE)
    {
      chain_return (task, GOVORUN_DELIVERY_DELIVERED, 200, NULL);
      return;
    }
  /* Every attempt looks the number up before it makes a lead, so a lead
   * whose crm.lead.add answer was lost (or not yet written down) is found
   * on the retry rather than made twice. */
  if (govorun_integration_target_get_crm_only (chain->target) && step < STEP_CRM_OWNER)
    {
      govorun_bitrix24_find_by_phone_async (chain->client, doc->client_number, NULL, on_found, task);
      return;
    }

  switch (step)
    {
    case STEP_NONE:
      {
        GovorunBitrix24RegisterParams params = {
          .user_id = user_id,
          .phone_number = doc->client_number,
          .line_number = doc->line_number,
          .type = doc->type,
          .call_start = doc->started_at,
          .crm_create = TRUE,
          /* The delivery id: the portal's dedup key for this call. */
          .external_call_id = govorun_delivery_get_uuid (chain->delivery),
          .show = FALSE,
        };

        govorun_bitrix24_register_call_async (chain->client, &params, NULL, on_registered, task);
      }
      break;
    case STEP_REGISTERED:
      {
        GovorunBitrix24FinishParams params = {
          .call_id = chain->progress->call_id,
          .user_id = user_id,
          .duration = doc->duration,
          .cost = doc->cost,
          .cost_currency = doc->currency,
          .status_code = doc->status_code,
          .failed_reason = doc->failed_reason,
        };

        govorun_bitrix24_finish_call_async (chain->client, &params, NULL, on_call_finished, task);
      }
      break;
    case STEP_FINISHED:
      if (doc->recording_url != NULL && *doc->recording_url != '\0')
        govorun_bitrix24_attach_record_async (chain->client, chain->progress->call_id, doc->recording_url,
                                              NULL, on_record_attached, task);
      else
        {
          chain->progress->step = STEP_RECORDED;
          chain_next (task);
        }
      break;
    case STEP_RECORDED:
      if (doc->n_messages > 0)
        govorun_bitrix24_attach_transcription_async (chain->client, chain->progress->call_id,
                                                     doc->messages, doc->n_messages, NULL,
                                                     on_transcript_attached, task);
      else
        advance (task, STEP_DONE);
      break;
    case STEP_CRM_OWNER:
      add_activity (task);
      break;
    default:
      chain_return (task, GOVORUN_DELIVERY_FAILED, 0,
                    _("The delivery’s progress is not one Govorun knows; resend it to start over."));
      break;
    }
}

/* A "test" delivery (the page's Test button): the webhook's scopes. */
static void
on_test_scopes (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) scopes = govorun_bitrix24_client_scope_finish (GOVORUN_BITRIX24_CLIENT (source), result, &error);
  g_auto(GStrv) missing = NULL;
  g_autofree char *why = NULL;

  if (scopes == NULL)
    {
      chain_fail (task, error);
      return;
    }
  missing = _govorun_integrations_bitrix24_missing_scopes (scopes);
  if (missing[0] == NULL)
    {
      chain_return (task, GOVORUN_DELIVERY_DELIVERED, 200, NULL);
      return;
    }
  why = _govorun_integrations_bitrix24_missing_sentence (missing);
  chain_return (task, GOVORUN_DELIVERY_FAILED, 200, why);
}

static void
on_progress_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Chain *chain = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  chain->progress = govorun_bitrix24_records_load_progress_finish (GOVORUN_STORE (source), result, &error);
  if (chain->progress == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("Govorun could not read the delivery’s progress and will try again (%s)."),
                                              error->message);

      chain_return (task, GOVORUN_DELIVERY_PENDING, 0, why);
      return;
    }
  chain_next (task);
}

static void
on_url (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GTask *task = user_data;
  GovorunIntegrations *self = GOVORUN_INTEGRATIONS (source);
  Chain *chain = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = _govorun_integrations_secret_finish (self, result, &error);

  if (url == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("The Bitrix24 webhook could not be read from the keyring; Govorun will try again (%s)."),
                                              error->message);

      chain_return (task, GOVORUN_DELIVERY_PENDING, 0, why);
      return;
    }
  chain->client = _govorun_integrations_bitrix24_client (self, chain->target, url, &error);
  memset (url, 0, strlen (url));
  if (chain->client == NULL)
    {
      chain_return (task, GOVORUN_DELIVERY_FAILED, 0, error->message);
      return;
    }
  if (chain->doc == NULL)
    {
      govorun_bitrix24_client_scope_async (chain->client, NULL, on_test_scopes, task);
      return;
    }
  govorun_bitrix24_records_load_progress_async (self->store, govorun_delivery_get_id (chain->delivery),
                                                NULL, on_progress_loaded, task);
}

void
_govorun_integrations_bitrix24_deliver_async (GovorunIntegrations      *self,
                                              GovorunIntegrationTarget *target,
                                              GovorunDelivery          *delivery,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);
  Chain *chain = g_new0 (Chain, 1);
  g_autoptr(GError) error = NULL;

  chain->target = g_object_ref (target);
  chain->delivery = g_object_ref (delivery);
  chain->started_us = g_get_monotonic_time ();
  g_task_set_task_data (task, chain, (GDestroyNotify) chain_free);

  /* A test checks the webhook; anything else must be a call. */
  if (g_strcmp0 (govorun_delivery_get_event (delivery), "test") != 0)
    chain->doc = govorun_bitrix24_call_document_parse (govorun_delivery_get_payload (delivery), &error);
  if (chain->doc == NULL && error != NULL)
    {
      chain_return (task, GOVORUN_DELIVERY_FAILED, 0, error->message);
      return;
    }
  _govorun_integrations_secret_async (self, target, NULL, on_url, task);
}

GovorunIntegrationsOutcome *
_govorun_integrations_bitrix24_deliver_finish (GovorunIntegrations *self,
                                               GAsyncResult        *result)
{
  return g_task_propagate_pointer (G_TASK (result), NULL);
}
