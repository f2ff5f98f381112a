/* govorun-integrations.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-call-record.h"
#include "govorun-delivery.h"
#include "govorun-integration-check.h"
#include "govorun-integration-target.h"

G_BEGIN_DECLS

typedef struct _GovorunStore   GovorunStore;
typedef struct _GovorunSecrets GovorunSecrets;

#define GOVORUN_INTEGRATIONS_ERROR (govorun_integrations_error_quark ())

typedef enum
{
  GOVORUN_INTEGRATIONS_ERROR_INVALID_URL = 1,  /* not an http(s) URL */
  GOVORUN_INTEGRATIONS_ERROR_NO_SECRET,        /* the keyring has no secret for the target */
  GOVORUN_INTEGRATIONS_ERROR_UNSUPPORTED,      /* a kind of target this build cannot serve */
  GOVORUN_INTEGRATIONS_ERROR_MISSING_SCOPE,    /* a Bitrix24 webhook lacks telephony or crm */
  GOVORUN_INTEGRATIONS_ERROR_BITRIX24,         /* the portal refused or did not answer; the message says why */
} GovorunIntegrationsError;

#define GOVORUN_TYPE_INTEGRATIONS (govorun_integrations_get_type ())

G_DECLARE_FINAL_TYPE (GovorunIntegrations, govorun_integrations, GOVORUN, INTEGRATIONS, GObject)

GQuark               govorun_integrations_error_quark    (void) G_GNUC_CONST;

/*
 * Integration targets and the outbox of deliveries to them.
 *
 * Producers (govorun_integrations_call_finished_async() and the campaign
 * events) write one delivery per interested target into the store; the
 * delivery pass (govorun_integrations_deliver_due_async(), run by the
 * worker every few seconds once started) sends what is due, at most
 * four at a time, and records each attempt. A delivery is retried with
 * exponential backoff and jitter after a 5xx, 408, 429 (Retry-After
 * honoured) or no answer, and stops at any other 4xx with the reason. A
 * target whose deliveries have failed for a day is paused and
 * ::target-paused emitted (the application turns it into a notification).
 */
GovorunIntegrations *govorun_integrations_new            (GovorunStore        *store,
                                                          GovorunSecrets      *secrets);

/* The targets (GovorunIntegrationTarget), filled by load. */
GListModel          *govorun_integrations_get_targets    (GovorunIntegrations *self);

void                 govorun_integrations_load_async     (GovorunIntegrations *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean             govorun_integrations_load_finish    (GovorunIntegrations *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* Adds a webhook target for @events (GovorunIntegrationEvent bits). Its
 * secret is generated, kept in the keyring, and given back once by
 * _finish in @out_secret; only calls synced from now on are delivered. */
void                 govorun_integrations_add_webhook_async  (GovorunIntegrations *self,
                                                              const char          *name,
                                                              const char          *url,
                                                              guint                events,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GovorunIntegrationTarget *govorun_integrations_add_webhook_finish (GovorunIntegrations *self,
                                                                   GAsyncResult        *result,
                                                                   char               **out_secret,
                                                                   GError             **error);

/* Whether @url can be a webhook's address (http or https with a host);
 * the error says what to fix. The add dialog checks as the person types. */
gboolean             govorun_integrations_check_url      (const char             *url,
                                                          GError                **error);

/* Whether targets of @kind can be added and served (the add dialog
 * offers only those). */
gboolean             govorun_integrations_supports_kind  (GovorunIntegrations    *self,
                                                          GovorunIntegrationKind  kind);

/* Removes @target with its deliveries, their log and its secrets. */
void                 govorun_integrations_remove_async   (GovorunIntegrations      *self,
                                                          GovorunIntegrationTarget *target,
                                                          GCancellable             *cancellable,
                                                          GAsyncReadyCallback       callback,
                                                          gpointer                  user_data);
gboolean             govorun_integrations_remove_finish  (GovorunIntegrations      *self,
                                                          GAsyncResult             *result,
                                                          GError                  **error);

/* Sends a signed "test" delivery to @target now; it is also kept in the
 * delivery log. _finish gives the delivery with its outcome (state, HTTP
 * status, latency, reason); a paused target's test waits for Resume. */
void                 govorun_integrations_test_async     (GovorunIntegrations      *self,
                                                          GovorunIntegrationTarget *target,
                                                          GCancellable             *cancellable,
                                                          GAsyncReadyCallback       callback,
                                                          gpointer                  user_data);
GovorunDelivery     *govorun_integrations_test_finish    (GovorunIntegrations      *self,
                                                          GAsyncResult             *result,
                                                          GError                  **error);

/* Adds a Bitrix24 target for the incoming webhook @url
 * (https://<portal>/rest/<user>/<secret>/), after checking with `scope`
 * that it has the telephony and crm scopes (MISSING_SCOPE names the ones
 * it lacks). The URL is kept in the keyring only; the target shows it
 * with the secret hidden. Only calls synced from now on are delivered. */
void                 govorun_integrations_add_bitrix24_async  (GovorunIntegrations *self,
                                                               const char          *name,
                                                               const char          *url,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GovorunIntegrationTarget *govorun_integrations_add_bitrix24_finish (GovorunIntegrations *self,
                                                                    GAsyncResult        *result,
                                                                    GError             **error);

/* The Test button. With @target, tests it (its secret from the keyring);
 * else tests @url as a target of @kind before it is added. A webhook gets
 * a signed "test" document; a Bitrix24 webhook is asked for its scopes.
 * _finish gives what was found even when the target failed the test; an
 * error only when the test could not be made (no secret, cancelled). */
void                 govorun_integrations_test_target_async  (GovorunIntegrations      *self,
                                                              GovorunIntegrationTarget *target,
                                                              GovorunIntegrationKind    kind,
                                                              const char               *url,
                                                              GCancellable             *cancellable,
                                                              GAsyncReadyCallback       callback,
                                                              gpointer                  user_data);
GovorunIntegrationCheck *govorun_integrations_test_target_finish (GovorunIntegrations  *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

/* Adds @number (the agent's, E.164) to @target's portal as an external
 * line named @name, so its calls are shown on that line; a line the portal
 * already has counts as added, and sets @out_existed. */
void                 govorun_integrations_add_bitrix24_line_async  (GovorunIntegrations      *self,
                                                                    GovorunIntegrationTarget *target,
                                                                    const char               *number,
                                                                    const char               *name,
                                                                    GCancellable             *cancellable,
                                                                    GAsyncReadyCallback       callback,
                                                                    gpointer                  user_data);
gboolean             govorun_integrations_add_bitrix24_line_finish (GovorunIntegrations      *self,
                                                                    GAsyncResult             *result,
                                                                    gboolean                 *out_existed,
                                                                    GError                  **error);

/* The agents that have numbers (GovorunAgent), for choosing the numbers
 * to add as lines. */
void                 govorun_integrations_list_agent_numbers_async  (GovorunIntegrations *self,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
GListModel          *govorun_integrations_list_agent_numbers_finish (GovorunIntegrations *self,
                                                                     GAsyncResult        *result,
                                                                     GError             **error);

/* Whether @url can be a Bitrix24 incoming webhook's address; the error
 * says what to fix. The add dialog checks as the person types. */
gboolean             govorun_integrations_check_bitrix24_url (const char  *url,
                                                              GError     **error);

/* The sandbox's own Bitrix24 portal, which the add dialog fills in (the
 * application sets it in sandbox mode only; NULL otherwise). */
void                 govorun_integrations_set_demo_bitrix24_url (GovorunIntegrations *self,
                                                                 const char          *url);
const char          *govorun_integrations_get_demo_bitrix24_url (GovorunIntegrations *self);

/* The sandbox's own webhook receiver, which the add dialog fills in (set
 * in sandbox mode only; NULL otherwise). Targets stored with its address
 * on an earlier run reach this run's receiver; the receiver asks for the
 * secrets of the targets it serves (a NULL-terminated array to wipe and
 * free, NULL outside the sandbox). */
void                 govorun_integrations_set_demo_webhook_url (GovorunIntegrations *self,
                                                                const char          *url);
const char          *govorun_integrations_get_demo_webhook_url (GovorunIntegrations *self);
char               **govorun_integrations_dup_demo_webhook_secrets (GovorunIntegrations *self);

/* Clears @target's CRM-only mark (stored too), so its next delivery tries
 * to register the call on the portal's telephony again; a portal that
 * still refuses marks it CRM-only again. */
void                 govorun_integrations_try_telephony_again_async  (GovorunIntegrations      *self,
                                                                      GovorunIntegrationTarget *target,
                                                                      GCancellable             *cancellable,
                                                                      GAsyncReadyCallback       callback,
                                                                      gpointer                  user_data);
gboolean             govorun_integrations_try_telephony_again_finish (GovorunIntegrations      *self,
                                                                      GAsyncResult             *result,
                                                                      GError                  **error);

/* The sentence the page shows under a CRM-only Bitrix24 target. */
const char          *govorun_integrations_crm_only_notice    (void);

/* Bitrix24 pacing: at least @interval_ms between requests to one portal
 * (500), and @attempts sends of a rate-limited request with @retry_ms
 * before the first retry (4, 1000). Tests make them small. */
void                 govorun_integrations_set_bitrix24_pacing (GovorunIntegrations *self,
                                                               guint                interval_ms,
                                                               guint                attempts,
                                                               guint                retry_ms);

/* A new secret for @target (the old one stops working); _finish gives it. */
void                 govorun_integrations_rotate_secret_async  (GovorunIntegrations      *self,
                                                                GovorunIntegrationTarget *target,
                                                                GCancellable             *cancellable,
                                                                GAsyncReadyCallback       callback,
                                                                gpointer                  user_data);
char                *govorun_integrations_rotate_secret_finish (GovorunIntegrations      *self,
                                                                GAsyncResult             *result,
                                                                GError                  **error);

void                 govorun_integrations_set_paused_async  (GovorunIntegrations      *self,
                                                             GovorunIntegrationTarget *target,
                                                             gboolean                  paused,
                                                             const char               *reason,
                                                             GCancellable             *cancellable,
                                                             GAsyncReadyCallback       callback,
                                                             gpointer                  user_data);
gboolean             govorun_integrations_set_paused_finish (GovorunIntegrations      *self,
                                                             GAsyncResult             *result,
                                                             GError                  **error);

/* Producers. Each makes one delivery per target that takes the event;
 * _finish gives how many were new (a call delivered before is not
 * delivered again). The campaign events are for the campaigns service. */
void                 govorun_integrations_call_finished_async      (GovorunIntegrations *self,
                                                                    GovorunCallRecord   *record,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
void                 govorun_integrations_campaign_finished_async  (GovorunIntegrations *self,
                                                                    gint64               campaign_id,
                                                                    const char          *name,
                                                                    guint                contacts,
                                                                    guint                reached,
                                                                    guint                failed,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
void                 govorun_integrations_contact_result_async     (GovorunIntegrations *self,
                                                                    gint64               campaign_id,
                                                                    gint64               contact_id,
                                                                    const char          *phone,
                                                                    const char          *result,
                                                                    guint                attempts,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
/* _finish of the three producers. */
gboolean             govorun_integrations_enqueue_finish           (GovorunIntegrations *self,
                                                                    GAsyncResult        *result,
                                                                    guint               *out_added,
                                                                    GError             **error);

/* Enqueues every finished call in the store that a webhook target should
 * get and has not, up to 200 a run (the call sync's "changed" is the
 * moment to run it); _finish gives how many deliveries were new. */
void                 govorun_integrations_enqueue_new_calls_async  (GovorunIntegrations *self,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
gboolean             govorun_integrations_enqueue_new_calls_finish (GovorunIntegrations *self,
                                                                    GAsyncResult        *result,
                                                                    guint               *out_added,
                                                                    GError             **error);

/* Asks for the calls that started in [@from, @to) (Unix seconds) to be
 * delivered to @target too, then enqueues them; _finish is
 * govorun_integrations_enqueue_new_calls_finish(). */
void                 govorun_integrations_backfill_async     (GovorunIntegrations      *self,
                                                              GovorunIntegrationTarget *target,
                                                              gint64                    from,
                                                              gint64                    to,
                                                              GCancellable             *cancellable,
                                                              GAsyncReadyCallback       callback,
                                                              gpointer                  user_data);

/* One delivery pass: sends what is due now; _finish gives how many
 * attempts were made. */
void                 govorun_integrations_deliver_due_async  (GovorunIntegrations *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean             govorun_integrations_deliver_due_finish (GovorunIntegrations *self,
                                                              GAsyncResult        *result,
                                                              guint               *out_attempts,
                                                              GError             **error);

/* Makes a delivered, failed or given-up delivery due again now, with the
 * same delivery id. */
void                 govorun_integrations_resend_async       (GovorunIntegrations *self,
                                                              GovorunDelivery     *delivery,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean             govorun_integrations_resend_finish      (GovorunIntegrations *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* Starts (or stops) the worker that runs a delivery pass every
 * @interval_ms. */
void                 govorun_integrations_start_worker       (GovorunIntegrations *self,
                                                              guint                interval_ms);
void                 govorun_integrations_stop_worker        (GovorunIntegrations *self);

/* Retry policy: delay before retry n is min(@max_delay_ms, @base_delay_ms
 * × 2^(n−1)), of which the second half is random (jitter); after
 * @max_attempts the delivery is given up. Tests make them small. */
void                 govorun_integrations_set_retry_policy   (GovorunIntegrations *self,
                                                              guint                base_delay_ms,
                                                              guint                max_delay_ms,
                                                              guint                max_attempts);
/* How long a target may fail before it is paused (a day by default). */
void                 govorun_integrations_set_pause_after    (GovorunIntegrations *self,
                                                              gint64               pause_after_ms);
void                 govorun_integrations_set_timeout        (GovorunIntegrations *self,
                                                              guint                timeout_ms);

G_END_DECLS
