/* govorun-webhook-sender.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _GovorunHttp GovorunHttp;

/* What a receiver answered to one POST. @retry_after_ms is the
 * Retry-After header of a 429 or 503 (0 when absent); @reason a short,
 * printable excerpt of the answer's body for the delivery log. */
typedef struct
{
  guint  status;
  guint  latency_ms;
  guint  retry_after_ms;
  char  *reason;
} GovorunWebhookResponse;

#define GOVORUN_TYPE_WEBHOOK_RESPONSE (govorun_webhook_response_get_type ())

GType                   govorun_webhook_response_get_type (void) G_GNUC_CONST;
GovorunWebhookResponse *govorun_webhook_response_copy     (const GovorunWebhookResponse *response);
void                    govorun_webhook_response_free     (GovorunWebhookResponse       *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunWebhookResponse, govorun_webhook_response_free)

#define GOVORUN_TYPE_WEBHOOK_SENDER (govorun_webhook_sender_get_type ())

G_DECLARE_FINAL_TYPE (GovorunWebhookSender, govorun_webhook_sender, GOVORUN, WEBHOOK_SENDER, GObject)

/* One attempt per call: the outbox, not the transport, retries, so that
 * each attempt is recorded. */
GovorunWebhookSender   *govorun_webhook_sender_new         (void);
void                    govorun_webhook_sender_set_timeout (GovorunWebhookSender *self,
                                                            guint                 timeout_ms);

/* POSTs @body (JSON) to @url with X-Govorun-Delivery: @delivery_id,
 * X-Govorun-Event: @event and X-Govorun-Signature signed with @secret at
 * the current time. Any HTTP answer is a response; no answer (refused,
 * timed out, TLS) is a GOVORUN_HTTP_ERROR. */
void                    govorun_webhook_sender_post_async  (GovorunWebhookSender *self,
                                                            const char           *url,
                                                            const char           *delivery_id,
                                                            const char           *event,
                                                            const char           *secret,
                                                            const char           *body,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GovorunWebhookResponse *govorun_webhook_sender_post_finish (GovorunWebhookSender *self,
                                                            GAsyncResult         *result,
                                                            guint                *out_latency_ms,
                                                            GError              **error);

G_END_DECLS
