/* govorun-bitrix24-error.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-bitrix24-error.h"

G_DEFINE_QUARK (govorun-bitrix24-error-quark, govorun_bitrix24_error)

GovorunBitrix24Error
govorun_bitrix24_error_from_code (const char *code,
                                  guint       http_status)
{
  static const struct { const char *code; GovorunBitrix24Error error; } codes[] = {
    { "NO_AUTH_FOUND", GOVORUN_BITRIX24_ERROR_AUTH },
    { "expired_token", GOVORUN_BITRIX24_ERROR_AUTH },
    { "invalid_token", GOVORUN_BITRIX24_ERROR_AUTH },
    { "INVALID_CREDENTIALS", GOVORUN_BITRIX24_ERROR_AUTH },
    { "insufficient_scope", GOVORUN_BITRIX24_ERROR_INSUFFICIENT_SCOPE },
    { "WRONG_AUTH_TYPE", GOVORUN_BITRIX24_ERROR_WRONG_AUTH_TYPE },
    { "ACCESS_DENIED", GOVORUN_BITRIX24_ERROR_ACCESS_DENIED },
    { "QUERY_LIMIT_EXCEEDED", GOVORUN_BITRIX24_ERROR_RATE_LIMITED },
    { "OVERLOAD_LIMIT", GOVORUN_BITRIX24_ERROR_RATE_LIMITED },
    { "OPERATION_TIME_LIMIT", GOVORUN_BITRIX24_ERROR_RATE_LIMITED },
    { "ERROR_METHOD_NOT_FOUND", GOVORUN_BITRIX24_ERROR_METHOD_NOT_FOUND },
    { "INVALID_REQUEST", GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT },
    { "INVALID_ARGUMENT", GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT },
    { "ERROR_CORE", GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT },
    { "INTERNAL_SERVER_ERROR", GOVORUN_BITRIX24_ERROR_SERVER },
  };

  for (gsize i = 0; code != NULL && i < G_N_ELEMENTS (codes); i++)
    if (g_str_equal (code, codes[i].code))
      return codes[i].error;

  if (http_status == 401)
    return GOVORUN_BITRIX24_ERROR_AUTH;
  if (http_status == 404)
    return GOVORUN_BITRIX24_ERROR_METHOD_NOT_FOUND;
  if (http_status == 429 || http_status == 503)
    return GOVORUN_BITRIX24_ERROR_RATE_LIMITED;
  if (http_status >= 500)
    return GOVORUN_BITRIX24_ERROR_SERVER;
  if (http_status == 400)
    return GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT;
  return GOVORUN_BITRIX24_ERROR_FAILED;
}

gboolean
govorun_bitrix24_error_is_transient (const GError *error)
{
  return g_error_matches (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_RATE_LIMITED)
      || g_error_matches (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_SERVER);
}

guint
govorun_bitrix24_error_http_status (const GError *error)
{
  if (error == NULL || error->domain != GOVORUN_BITRIX24_ERROR)
    return 0;
  switch ((GovorunBitrix24Error) error->code)
    {
    case GOVORUN_BITRIX24_ERROR_AUTH:
      return 401;
    case GOVORUN_BITRIX24_ERROR_INSUFFICIENT_SCOPE:
    case GOVORUN_BITRIX24_ERROR_WRONG_AUTH_TYPE:
    case GOVORUN_BITRIX24_ERROR_ACCESS_DENIED:
      return 403;
    case GOVORUN_BITRIX24_ERROR_RATE_LIMITED:
      return 503;
    case GOVORUN_BITRIX24_ERROR_METHOD_NOT_FOUND:
      return 404;
    case GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT:
      return 400;
    case GOVORUN_BITRIX24_ERROR_SERVER:
      return 500;
    case GOVORUN_BITRIX24_ERROR_INVALID_URL:
    case GOVORUN_BITRIX24_ERROR_BAD_RESPONSE:
    case GOVORUN_BITRIX24_ERROR_FAILED:
    default:
      return 0;
    }
}
