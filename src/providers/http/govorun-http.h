/* govorun-http.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/*
 * GovorunHttp is the transport both provider clients share: one SoupSession,
 * a per-request deadline, and the retry policy. It knows nothing about the
 * providers' envelopes; a provider passes a callback that recognises its own
 * documented rate-limit answers.
 */

#define GOVORUN_HTTP_ERROR (govorun_http_error_quark ())

typedef enum
{
  GOVORUN_HTTP_ERROR_INVALID_URL = 1,   /* base URL cannot be parsed */
  GOVORUN_HTTP_ERROR_UNREACHABLE,       /* DNS failure, connection refused, no route */
  GOVORUN_HTTP_ERROR_TLS,               /* certificate or handshake failure */
  GOVORUN_HTTP_ERROR_TIMEOUT,           /* the per-request deadline passed */
  GOVORUN_HTTP_ERROR_CONNECTION_LOST,   /* the server closed or reset the connection */
  GOVORUN_HTTP_ERROR_FAILED,            /* any other transport failure */
} GovorunHttpError;

typedef enum
{
  GOVORUN_HTTP_FLAGS_NONE       = 0,
  /* A read (or otherwise repeatable request): retried with backoff after
   * transport failures and 5xx answers. Never set it for mutations. */
  GOVORUN_HTTP_FLAGS_IDEMPOTENT = 1 << 0,
} GovorunHttpFlags;

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

#define GOVORUN_TYPE_HTTP (govorun_http_get_type ())

G_DECLARE_FINAL_TYPE (GovorunHttp, govorun_http, GOVORUN, HTTP, GObject)

GQuark       govorun_http_error_quark     (void);

GovorunHttp *govorun_http_new             (void);
SoupSession *govorun_http_get_session     (GovorunHttp              *self);
/* Whole-request deadline, default 30 s. */
void         govorun_http_set_timeout     (GovorunHttp              *self,
                                           guint                     timeout_ms);
/* At most @max_attempts sends in all (default 3); the delay before retry n
 * is @base_delay_ms * 2^(n-1) with jitter (default 500 ms). */
void         govorun_http_set_retry       (GovorunHttp              *self,
                                           guint                     max_attempts,
                                           guint                     base_delay_ms);
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

G_END_DECLS
