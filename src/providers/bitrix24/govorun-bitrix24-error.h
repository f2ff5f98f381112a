/* govorun-bitrix24-error.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What went wrong in an answer from a Bitrix24 portal. The message is a
 * translated sentence for people that ends with the portal's own code and
 * description ("WRONG_AUTH_TYPE: Current authorization type is denied…"). */
#define GOVORUN_BITRIX24_ERROR (govorun_bitrix24_error_quark ())

typedef enum
{
  GOVORUN_BITRIX24_ERROR_INVALID_URL = 1,   /* not https://<portal>/rest/<user>/<secret>/ */
  GOVORUN_BITRIX24_ERROR_AUTH,              /* 401 NO_AUTH_FOUND, expired_token, INVALID_CREDENTIALS */
  GOVORUN_BITRIX24_ERROR_INSUFFICIENT_SCOPE,/* 403 insufficient_scope */
  GOVORUN_BITRIX24_ERROR_WRONG_AUTH_TYPE,   /* 403 WRONG_AUTH_TYPE: a webhook may not call this */
  GOVORUN_BITRIX24_ERROR_ACCESS_DENIED,     /* 403 ACCESS_DENIED: the plan has no REST */
  GOVORUN_BITRIX24_ERROR_RATE_LIMITED,      /* 503 QUERY_LIMIT_EXCEEDED, OVERLOAD_LIMIT; 429 OPERATION_TIME_LIMIT */
  GOVORUN_BITRIX24_ERROR_METHOD_NOT_FOUND,  /* ERROR_METHOD_NOT_FOUND */
  GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT,  /* 400, including telephony's code-less "error":"" */
  GOVORUN_BITRIX24_ERROR_SERVER,            /* 500 INTERNAL_SERVER_ERROR, other 5xx */
  GOVORUN_BITRIX24_ERROR_BAD_RESPONSE,      /* not the envelope, or a field missing or mistyped */
  GOVORUN_BITRIX24_ERROR_FAILED,            /* any other answer */
} GovorunBitrix24Error;

GQuark   govorun_bitrix24_error_quark      (void) G_GNUC_CONST;

/* The error code of an envelope's "error" (and its HTTP status). */
GovorunBitrix24Error govorun_bitrix24_error_from_code (const char *code,
                                                       guint       http_status);
/* TRUE for answers that a later attempt may get past: rate limits, 5xx. */
gboolean govorun_bitrix24_error_is_transient (const GError *error);
/* The HTTP status such an error came with, as the delivery log shows it. */
guint    govorun_bitrix24_error_http_status (const GError *error);

G_END_DECLS
