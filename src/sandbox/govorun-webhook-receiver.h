/* govorun-webhook-receiver.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One POST the receiver got. @signature_valid: the signature matched and
 * its time was within five minutes; @duplicate: a delivery id seen before
 * (the receiver still answers, as an idempotent receiver would). */
typedef struct
{
  char     *delivery_id;
  char     *event;
  char     *body;
  gboolean  signature_valid;
  gboolean  duplicate;
  guint     answered;
} GovorunReceivedDelivery;

/* The secrets a delivery (@delivery_id, possibly %NULL) may be signed
 * with, a %NULL-terminated array the receiver wipes and frees; %NULL or
 * empty when none is known. */
typedef char **(*GovorunWebhookReceiverSecretsFunc) (const char *delivery_id,
                                                     gpointer    user_data);

#define GOVORUN_TYPE_WEBHOOK_RECEIVER (govorun_webhook_receiver_get_type ())

G_DECLARE_FINAL_TYPE (GovorunWebhookReceiver, govorun_webhook_receiver, GOVORUN, WEBHOOK_RECEIVER,
                      GObject)

/*
 * The sandbox's webhook receiver: an HTTP server on loopback that checks
 * X-Govorun-Signature the way README.md tells receivers to (HMAC-SHA256 of
 * t + "." + body, constant-time comparison, |now − t| ≤ 300 s), answers
 * 401 with a one-line reason to a bad or stale signature, and records every delivery. Tests
 * queue the answers of the next requests (a 500, a 429 with Retry-After)
 * to exercise the outbox's retries.
 */
GovorunWebhookReceiver        *govorun_webhook_receiver_new          (void);
void                           govorun_webhook_receiver_set_path     (GovorunWebhookReceiver *self,
                                                                      const char             *path);
gboolean                       govorun_webhook_receiver_start        (GovorunWebhookReceiver *self,
                                                                      GError                **error);
/* The URL to POST to, e.g. http://127.0.0.1:41234/hooks/govorun */
const char                    *govorun_webhook_receiver_get_url      (GovorunWebhookReceiver *self);
void                           govorun_webhook_receiver_set_secret   (GovorunWebhookReceiver *self,
                                                                      const char             *secret);
void                           govorun_webhook_receiver_set_secrets_func (GovorunWebhookReceiver            *self,
                                                                          GovorunWebhookReceiverSecretsFunc  func,
                                                                          gpointer                           user_data,
                                                                          GDestroyNotify                     destroy);
/* The next request is answered @status (with Retry-After: @retry_after_s
 * when not 0) instead of 200; answers queue up in order. */
void                           govorun_webhook_receiver_push_answer  (GovorunWebhookReceiver *self,
                                                                      guint                   status,
                                                                      guint                   retry_after_s);
guint                          govorun_webhook_receiver_get_n_received (GovorunWebhookReceiver *self);
const GovorunReceivedDelivery *govorun_webhook_receiver_get_received (GovorunWebhookReceiver *self,
                                                                      guint                   index);

G_END_DECLS
