/* govorun-voximplant-emulator.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-emulator.h"

G_BEGIN_DECLS

/*
 * GovorunVoximplantEmulator answers the Voximplant Management API
 * (/platform_api) from in-memory state, for the sandbox and the tests.
 * Both addressing styles are accepted: "/platform_api/<Method>" (optional
 * trailing slash) and "/platform_api" with a cmd=<Method> parameter, over
 * GET or POST with query, urlencoded or multipart parameters.
 *
 * Authentication: legacy API key (account_id, account_name or account_email
 * plus api_key parameters) or a service-account RS256 JWT in
 * "Authorization: Bearer".
 *
 * Requests are counted and faulted under the method name as spelled in the
 * method table ("GetAccountInfo"); a cmd-style request without a cmd is
 * counted under "" (it is answered with error 102).
 *
 * Properties (UNVERIFIED points of the reference, hence configurable):
 *  - "error-http-status": HTTP status of API error answers (default 200).
 *  - "methods-case-insensitive": accept "getaccountinfo" (default FALSE).
 *  - "api-address": the "api_address" GetAccountInfo returns (default: the
 *    emulator's own "127.0.0.1:PORT").
 */

/* Error codes of the Management API used by the emulator (reference §1.5). */
typedef enum
{
  GOVORUN_VOXIMPLANT_CODE_AUTHORIZATION_FAILED = 100,
  GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS    = 101,
  GOVORUN_VOXIMPLANT_CODE_MISSING_CMD          = 102,
  GOVORUN_VOXIMPLANT_CODE_UNKNOWN_COMMAND      = 103,
  GOVORUN_VOXIMPLANT_CODE_FORBIDDEN_COMMAND    = 104,
  GOVORUN_VOXIMPLANT_CODE_INVALID_DATE_FORMAT  = 111,
  GOVORUN_VOXIMPLANT_CODE_INVALID_ACCOUNT_ID   = 115,
  GOVORUN_VOXIMPLANT_CODE_INSUFFICIENT_MONEY   = 127,
  GOVORUN_VOXIMPLANT_CODE_REQUIRED_PARAM_EMPTY = 134,
  GOVORUN_VOXIMPLANT_CODE_RATE_LIMIT_EXCEEDED  = 340,
  GOVORUN_VOXIMPLANT_CODE_REPEAT_AFTER         = 416,
  GOVORUN_VOXIMPLANT_CODE_INVALID_KEY_ID       = 433,
  GOVORUN_VOXIMPLANT_CODE_INVALID_TOKEN_FORMAT = 447,
  GOVORUN_VOXIMPLANT_CODE_TOKEN_TTL_EXCEEDED   = 454,
  GOVORUN_VOXIMPLANT_CODE_TOKEN_IN_FUTURE      = 455,
  GOVORUN_VOXIMPLANT_CODE_TOKEN_EXPIRED        = 456,
} GovorunVoximplantCode;

#define GOVORUN_TYPE_VOXIMPLANT_EMULATOR (govorun_voximplant_emulator_get_type ())

G_DECLARE_FINAL_TYPE (GovorunVoximplantEmulator, govorun_voximplant_emulator,
                      GOVORUN, VOXIMPLANT_EMULATOR, GovorunEmulator)

GovorunVoximplantEmulator *govorun_voximplant_emulator_new               (void);

/* Adds an account usable with API-key auth. */
void        govorun_voximplant_emulator_add_account        (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            const char                *account_name,
                                                            const char                *account_email,
                                                            const char                *api_key,
                                                            double                     balance,
                                                            const char                *currency);
/* Generates a service-account RSA key (GnuTLS, 2048 bits) for the account,
 * keeps its public key, and returns the credentials JSON exactly as
 * Voximplant's "Generate key" produces it: {"account_email":…,
 * "account_id":<int>, "key_id":"<uuid>", "private_key":"-----BEGIN RSA
 * PRIVATE KEY-----…"}. The result is a secret: free it with g_free. */
char       *govorun_voximplant_emulator_create_key         (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            GError                   **error);
void        govorun_voximplant_emulator_set_balance        (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            double                     balance);
/* Clock offset applied to the emulator's "now" for iat/exp checks (tests
 * of clock skew). */
void        govorun_voximplant_emulator_set_clock_offset   (GovorunVoximplantEmulator *self,
                                                            gint64                     seconds);
/* The last request's parameters as received (for tests asserting wire
 * encodings): a copy, free with g_hash_table_unref. NULL before any. */
GHashTable *govorun_voximplant_emulator_get_last_params    (GovorunVoximplantEmulator *self);
/* "path" or "cmd" (static strings); NULL before any request. */
const char *govorun_voximplant_emulator_get_last_style     (GovorunVoximplantEmulator *self);

/* Parameter parsers shared by the method handlers, public for tests. */

/* "true"/"false" in any letter case, or "1"/"0" (reference §1.2). */
gboolean    govorun_voximplant_emulator_parse_bool         (const char                *value,
                                                            gboolean                  *out);
/* A ";"-separated list of integer ids, or the literal "all" (sets @all and
 * returns an empty array). NULL when an item is not an integer. */
GArray     *govorun_voximplant_emulator_parse_id_list      (const char                *value,
                                                            gboolean                  *all);
/* A ";"-separated list of non-empty strings; NULL when an item is empty. */
GStrv       govorun_voximplant_emulator_parse_list         (const char                *value);
/* "YYYY-MM-DD HH:mm:ss" (24 h, UTC) or "YYYY-MM-DD"; NULL when malformed. */
GDateTime  *govorun_voximplant_emulator_parse_timestamp    (const char                *value);

G_END_DECLS
