/* govorun-http-private.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "govorun-http.h"

G_BEGIN_DECLS

/* Sending requests: for the provider clients in src/providers/ only. */

typedef enum
{
  GOVORUN_HTTP_FLAGS_NONE       = 0,
  /* A read (or otherwise repeatable request): retried with backoff after
   * transport failures and 5xx answers. Never set it for mutations. */
  GOVORUN_HTTP_FLAGS_IDEMPOTENT = 1 << 0,
  /* A recording or other media download: read up to
   * GOVORUN_HTTP_MEDIA_MAX_SIZE instead of the JSON answer limit. */
  GOVORUN_HTTP_FLAGS_MEDIA      = 1 << 1,
} GovorunHttpFlags;

#define GOVORUN_HTTP_MEDIA_MAX_SIZE (256 * 1024 * 1024)

/* Builds a fresh message for each attempt (a sent message is not reused). */
typedef SoupMessage *(*GovorunHttpMessageFunc) (gpointer user_data);

/* Returns TRUE when @body/@msg is a documented rate-limit answer of the
 * provider (the request was not carried out, so any request may be retried).
 * May set @retry_after_ms (0 = use the backoff schedule). HTTP 429 is always
 * treated as a rate limit, whether or not a callback is given. */
typedef gboolean (*GovorunHttpRateLimitFunc) (SoupMessage *msg,
                                              GBytes      *body,
                                              guint       *retry_after_ms,
                                              gpointer     user_data);

SoupSession *govorun_http_get_session     (GovorunHttp              *self);
void         govorun_http_send_async      (GovorunHttp              *self,
                                           GovorunHttpMessageFunc    make_message,
                                           gpointer                  message_data,
                                           GDestroyNotify            message_data_destroy,
                                           GovorunHttpFlags          flags,
                                           GovorunHttpRateLimitFunc  is_rate_limited,
                                           gpointer                  rate_limit_data,
                                           GCancellable             *cancellable,
                                           GAsyncReadyCallback       callback,
                                           gpointer                  user_data);
/* Returns the body of the last attempt and its HTTP status (any status: the
 * provider client interprets it), or NULL with a GOVORUN_HTTP_ERROR (or
 * G_IO_ERROR_CANCELLED) when no answer arrived. @attempts tells how many
 * sends were made. */
GBytes      *govorun_http_send_finish     (GovorunHttp              *self,
                                           GAsyncResult             *result,
                                           guint                    *status,
                                           guint                    *attempts,
                                           GError                  **error);

/* For tests and tests/fuzz: reads a Retry-After header's value. */
#define GOVORUN_HTTP_MAX_RETRY_AFTER_MS 30000
gboolean     _govorun_http_parse_retry_after (const char *value,
                                              guint      *delay_ms);

G_END_DECLS
