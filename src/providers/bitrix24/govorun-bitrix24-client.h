/* govorun-bitrix24-client.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-bitrix24-error.h"

G_BEGIN_DECLS

/* A portal's incoming webhook, https://<portal>/rest/<user>/<secret>/,
 * taken apart. @base ends with a slash; @display hides the secret
 * ("https://portal.bitrix24.ru/rest/1/…/") and is what may be shown,
 * stored in the targets table or logged. The whole URL is a secret: it
 * lives in the keyring only. */
typedef struct
{
  char   *base;
  char   *display;
  char   *host;
  gint64  user_id;
} GovorunBitrix24Webhook;

#define GOVORUN_TYPE_BITRIX24_WEBHOOK (govorun_bitrix24_webhook_get_type ())

GType                   govorun_bitrix24_webhook_get_type (void) G_GNUC_CONST;
/* Accepts the URL as Bitrix24 shows it, with or without a method name
 * after the secret; https only (http for 127.0.0.1 and localhost, the
 * sandbox). NULL with GOVORUN_BITRIX24_ERROR_INVALID_URL otherwise. */
GovorunBitrix24Webhook *govorun_bitrix24_webhook_parse    (const char                   *url,
                                                           GError                      **error);
GovorunBitrix24Webhook *govorun_bitrix24_webhook_copy     (const GovorunBitrix24Webhook *webhook);
void                    govorun_bitrix24_webhook_free     (GovorunBitrix24Webhook       *webhook);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunBitrix24Webhook, govorun_bitrix24_webhook_free)

#define GOVORUN_TYPE_BITRIX24_CLIENT (govorun_bitrix24_client_get_type ())

G_DECLARE_FINAL_TYPE (GovorunBitrix24Client, govorun_bitrix24_client, GOVORUN, BITRIX24_CLIENT, GObject)

/*
 * A typed client of one portal's incoming webhook. Requests are POSTed as
 * JSON to <base><method>.json, one at a time at most every
 * min-interval (500 ms: the 2 requests a second a portal drains on the
 * cheaper plans), and a 503 QUERY_LIMIT_EXCEEDED/OVERLOAD_LIMIT is sent
 * again with backoff (Retry-After honoured) before it is returned as
 * GOVORUN_BITRIX24_ERROR_RATE_LIMITED. One client per portal, so that
 * every request to it shares the pacing.
 */
GovorunBitrix24Client        *govorun_bitrix24_client_new          (const GovorunBitrix24Webhook *webhook);
const GovorunBitrix24Webhook *govorun_bitrix24_client_get_webhook  (GovorunBitrix24Client        *self);
void                          govorun_bitrix24_client_set_min_interval (GovorunBitrix24Client    *self,
                                                                        guint                     interval_ms);
/* At most @max_attempts sends per request for rate limits (default 4),
 * the first retry after @base_delay_ms (default 1000), doubling. */
void                          govorun_bitrix24_client_set_retry    (GovorunBitrix24Client        *self,
                                                                    guint                         max_attempts,
                                                                    guint                         base_delay_ms);
void                          govorun_bitrix24_client_set_timeout  (GovorunBitrix24Client        *self,
                                                                    guint                         timeout_ms);
/* Requests sent so far, retries included (for tests and benchmarks). */
guint                         govorun_bitrix24_client_get_n_sent   (GovorunBitrix24Client        *self);

/* `scope`: the scopes the webhook was given ("crm", "telephony", …). */
void                          govorun_bitrix24_client_scope_async  (GovorunBitrix24Client        *self,
                                                                    GCancellable                 *cancellable,
                                                                    GAsyncReadyCallback           callback,
                                                                    gpointer                      user_data);
GStrv                         govorun_bitrix24_client_scope_finish (GovorunBitrix24Client        *self,
                                                                    GAsyncResult                 *result,
                                                                    GError                      **error);

G_END_DECLS
