/* govorun-voximplant-emulator.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "govorun-call-history.h"
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
 *  - "application-domain-suffix": full application names are
 *    "<short>.<account_name>.<suffix>" (default "n1.voximplant.com").
 *  - "bind-default": BindPhoneNumberToApplication and BindScenario without
 *    "bind" (default TRUE).
 *  - "default-list-count": items a list returns without "count" (20).
 *  - "require-country-state": GetPhoneNumberRegions answers 485 without
 *    "country_state" for a category with states (default TRUE).
 *  - "del-rule-requires-application": DelRule needs application_id|name
 *    even for rule ids, as S2 has it (default TRUE).
 *  - "keep-deactivated-numbers": deactivated numbers stay listed with
 *    "deactivated": true instead of leaving the account (default FALSE).
 *  - "delete-application-scenarios": DelApplication deletes the scenarios
 *    of the application's folder; FALSE moves them to "Shared" (TRUE).
 *
 * Provisioning (reference §2): applications, scenarios, rules and owned
 * phone numbers live per account; ids are unique per emulator. Deleting an
 * application deletes its rules and unbinds its numbers; deleting a rule
 * unbinds numbers from that rule (they stay bound to the application);
 * deleting a scenario unbinds it from every rule. Rule patterns match the
 * whole destination (GetRules "template": "123" does not match "123456").
 *
 * Phone inventory (after govorun_voximplant_emulator_seed_phone_inventory;
 * without it there are no countries): prices are in the account's
 * currency, phone_period "0-1-0 0:0:0", stock shared by all accounts.
 *  - RU (prefix 7, no states): GEOGRAPHIC regions 101 Moscow (495, 12 in
 *    stock, 5.00/month + 2.00 installation) and 102 Saint Petersburg (812,
 *    5, 4.00 + 2.00, requires verification); MOBILE region 103 (6.00 +
 *    1.00, 8); TOLLFREE region 104 (800, 30.00 + 50.00, 3).
 *  - US (prefix 1, GEOGRAPHIC with states): CA: 201 Los Angeles (213, 6),
 *    202 San Francisco (415, 4); NY: 203 New York (212, 5, 2.00 + 1.00),
 *    204 Buffalo (716, none in stock). Others 1.00 + 1.00.
 * Numbers in stock are consecutive from 74951230001, 78121230001,
 * 79161230001, 78001230001, 12135550101, 14155550101, 12125550101.
 * AttachPhoneNumber charges installation + first month for each number
 * (127 when balance + credit limit is short) and takes them out of stock;
 * a bought number keeps the phone_id GetNewPhoneNumbers showed.
 */

/* Error codes of the Management API used by the emulator (reference §1.5). */
typedef enum
{
  GOVORUN_VOXIMPLANT_CODE_AUTHORIZATION_FAILED = 100,
  GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS    = 101,
  GOVORUN_VOXIMPLANT_CODE_MISSING_CMD          = 102,
  GOVORUN_VOXIMPLANT_CODE_UNKNOWN_COMMAND      = 103,
  GOVORUN_VOXIMPLANT_CODE_FORBIDDEN_COMMAND    = 104,
  GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME = 107,
  GOVORUN_VOXIMPLANT_CODE_INVALID_DATE_FORMAT  = 111,
  GOVORUN_VOXIMPLANT_CODE_INVALID_ACCOUNT_ID   = 115,
  GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID = 116,
  GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER = 121,
  GOVORUN_VOXIMPLANT_CODE_INVALID_DATE_RANGE   = 123,
  GOVORUN_VOXIMPLANT_CODE_INSUFFICIENT_MONEY   = 127,
  GOVORUN_VOXIMPLANT_CODE_APPLICATION_NAME_NOT_UNIQUE = 129,
  GOVORUN_VOXIMPLANT_CODE_SCRIPT_TOO_LONG      = 130,
  GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_ID  = 132,
  GOVORUN_VOXIMPLANT_CODE_SCENARIO_NAME_NOT_UNIQUE = 133,
  GOVORUN_VOXIMPLANT_CODE_REQUIRED_PARAM_EMPTY = 134,
  GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID      = 147,
  GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_PATTERN = 148,
  GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_PATTERN_EXCLUDE = 149,
  GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_NAME    = 156,
  GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_NAME = 168,
  GOVORUN_VOXIMPLANT_CODE_RULE_NAME_NOT_UNIQUE = 175,
  GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_ID     = 181,
  GOVORUN_VOXIMPLANT_CODE_OCCUPIED_PHONE_NUMBER = 182,
  GOVORUN_VOXIMPLANT_CODE_INVALID_COUNTRY_CODE = 239,
  GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_CATEGORY_NAME = 240,
  GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_REGION_ID = 241,
  GOVORUN_VOXIMPLANT_CODE_INVALID_COUNTRY_STATE = 242,
  GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_COUNT  = 243,
  GOVORUN_VOXIMPLANT_CODE_NO_PHONES_IN_STOCK   = 331,
  GOVORUN_VOXIMPLANT_CODE_INSUFFICIENT_PHONES  = 332,
  GOVORUN_VOXIMPLANT_CODE_RATE_LIMIT_EXCEEDED  = 340,
  GOVORUN_VOXIMPLANT_CODE_REPEAT_AFTER         = 416,
  GOVORUN_VOXIMPLANT_CODE_INVALID_KEY_ID       = 433,
  GOVORUN_VOXIMPLANT_CODE_INVALID_TOKEN_FORMAT = 447,
  GOVORUN_VOXIMPLANT_CODE_TOKEN_TTL_EXCEEDED   = 454,
  GOVORUN_VOXIMPLANT_CODE_TOKEN_IN_FUTURE      = 455,
  GOVORUN_VOXIMPLANT_CODE_TOKEN_EXPIRED        = 456,
  GOVORUN_VOXIMPLANT_CODE_ONLY_ONE_OF          = 458,
  GOVORUN_VOXIMPLANT_CODE_SPECIFY_PARAMETER    = 485,
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
/* The account holder's names (account_first_name, account_last_name);
 * a new account has "Sandbox" "User". */
void        govorun_voximplant_emulator_set_account_holder (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            const char                *first_name,
                                                            const char                *last_name);
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

/* Call lists run on the dialer's own clock: @seconds more of it for every
 * list (tests), or @speed dialer seconds per real second (the sandbox; 0,
 * the default, stops it). */
void        govorun_voximplant_emulator_advance_call_lists (GovorunVoximplantEmulator *self,
                                                            gint64                     seconds);
/* How many task sessions started outside their row's calling hours and
 * were moved on (requestNextAttempt) without a call, since the start. */
guint       govorun_voximplant_emulator_get_deferred_sessions (GovorunVoximplantEmulator *self);
/* How many times the tasks with @task_uuid were dialled, over every
 * call list of every account (tests). */
guint       govorun_voximplant_emulator_get_call_list_dials (GovorunVoximplantEmulator *self,
                                                             const char                *task_uuid);
void        govorun_voximplant_emulator_set_call_list_speed (GovorunVoximplantEmulator *self,
                                                             double                     speed);

/* Seeds (or resets) the phone-number inventory described above. */
void        govorun_voximplant_emulator_seed_phone_inventory (GovorunVoximplantEmulator *self);
/* Gives the account a number as if bought (no charge), unbound. @number
 * is E.164 digits (a leading "+" is dropped). Uses the seeded region's
 * price and verification when @region_name names one, and takes the
 * number out of stock. Returns the phone_id, or 0 (with a warning) when
 * the account is unknown or the number is owned already. */
gint64      govorun_voximplant_emulator_add_owned_number   (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            const char                *number,
                                                            const char                *country_code,
                                                            const char                *category,
                                                            const char                *region_name);
/* Objects of one account: @type is "application", "scenario", "rule",
 * "number" (owned, active) or "bound-number" (bound to an application). */
guint       govorun_voximplant_emulator_count_objects      (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            const char                *type);
/* The value of an application's secret, or NULL; a secret: g_free. */
char       *govorun_voximplant_emulator_get_secret         (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            gint64                     application_id,
                                                            const char                *name);
/* The stored script, or NULL when there is no such scenario; g_free. */
char       *govorun_voximplant_emulator_get_scenario_script (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            gint64                     scenario_id);
/* Test hook for drift detection: replaces a rule's pattern behind the
 * client's back, without validation and without touching "modified".
 * FALSE when there is no such rule. */
gboolean    govorun_voximplant_emulator_tamper_rule_pattern (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            gint64                     rule_id,
                                                            const char                *pattern);

/* Gives the account a generated call history (a reference is kept):
 * GetCallHistory answers from it and its recordings are served. */
void        govorun_voximplant_emulator_set_call_history   (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            GovorunCallHistory        *history);

/* With @secure, the account's recordings are served only to a request
 * with the account's service-account JWT (as with secure_record_storage);
 * others get 401. */
void        govorun_voximplant_emulator_set_secure_records (GovorunVoximplantEmulator *self,
                                                            gint64                     account_id,
                                                            gboolean                   secure);

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

guint       govorun_voximplant_emulator_tamper_application_rules (GovorunVoximplantEmulator *self,
                                                                  gint64                     account_id,
                                                                  gint64                     application_id,
                                                                  const char                *pattern);

/* StartScenarios: the "call me" session rings for @ring_ms, talks for
 * @talk_ms and ends (defaults 3000 and 6000). */
void govorun_voximplant_emulator_set_run_timing (GovorunVoximplantEmulator *self,
                                                 guint                      ring_ms,
                                                 guint                      talk_ms);
/* Called (without the emulator's lock) when a StartScenarios session
 * starts, with the rule's scenario text and the number called; returns the
 * conversation id (transfer full) the session will name in its custom
 * data, or NULL. The sandbox links it to the ElevenLabs emulator. */
typedef char *(*GovorunVoxRunHook) (const char *scenario_script,
                                    const char *remote_number,
                                    guint       ring_ms,
                                    guint       talk_ms,
                                    gpointer    user_data);
void govorun_voximplant_emulator_set_run_hook (GovorunVoximplantEmulator *self,
                                               GovorunVoxRunHook          hook,
                                               gpointer                   user_data);

G_END_DECLS
