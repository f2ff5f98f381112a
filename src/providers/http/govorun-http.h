/* govorun-http.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GovorunHttp is the transport both provider clients share: one SoupSession,
 * one deadline per request (retries included), a size limit on answers,
 * and the retry policy. It knows nothing about the
 * providers' envelopes; a provider passes a callback that recognises its own
 * documented rate-limit answers.
 *
 * This header is what layers above the providers see (they create the one
 * transport and read its errors); sending is in govorun-http-private.h,
 * which only src/providers/ includes, so libsoup stays inside that layer.
 */

#define GOVORUN_HTTP_ERROR (govorun_http_error_quark ())

typedef enum
{
  GOVORUN_HTTP_ERROR_INVALID_URL = 1,   /* base URL cannot be parsed */
  GOVORUN_HTTP_ERROR_UNREACHABLE,       /* DNS failure, connection refused, no route */
  GOVORUN_HTTP_ERROR_TLS,               /* certificate or handshake failure */
  GOVORUN_HTTP_ERROR_TIMEOUT,           /* the request's deadline passed (retries included) */
  GOVORUN_HTTP_ERROR_CONNECTION_LOST,   /* the server closed or reset the connection */
  GOVORUN_HTTP_ERROR_FAILED,            /* any other transport failure */
  GOVORUN_HTTP_ERROR_TOO_LARGE,         /* the answer is over the size limit */
} GovorunHttpError;

#define GOVORUN_TYPE_HTTP (govorun_http_get_type ())

G_DECLARE_FINAL_TYPE (GovorunHttp, govorun_http, GOVORUN, HTTP, GObject)

GQuark       govorun_http_error_quark     (void);

GovorunHttp *govorun_http_new             (void);
/* Whole-request deadline, retries and their waits included; default 30 s. */
void         govorun_http_set_timeout     (GovorunHttp              *self,
                                           guint                     timeout_ms);
/* At most @max_attempts sends in all (default 3); the delay before retry n
 * is @base_delay_ms * 2^(n-1) with jitter (default 500 ms). */
void         govorun_http_set_retry       (GovorunHttp              *self,
                                           guint                     max_attempts,
                                           guint                     base_delay_ms);
G_END_DECLS
