/* govorun-voximplant-client.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "govorun-http.h"
#include "govorun-voximplant-credentials.h"
/* The typed methods, one header per resource family. */
#include "govorun-voximplant-account.h"
#include "govorun-voximplant-applications.h"
#include "govorun-voximplant-call-lists.h"
#include "govorun-voximplant-calls.h"
#include "govorun-voximplant-number-market.h"
#include "govorun-voximplant-phone-numbers.h"
#include "govorun-voximplant-records.h"
#include "govorun-voximplant-secrets.h"

G_BEGIN_DECLS

/*
 * GovorunVoximplantClient calls the Voximplant Management API
 * (https://api.voximplant.com/platform_api) over the shared GovorunHttp
 * transport. It authenticates either with a service-account key (a fresh
 * RS256 JWT per attempt, the recommended way) or with the legacy account ID
 * and API key (sent in the form body, never in the URL).
 *
 * Requests are form-urlencoded POSTs. Methods whose name starts with "Get"
 * are sent idempotent (retried after 5xx and transport failures); others
 * are retried only after a documented rate-limit answer (340, 416, HTTP
 * 429), which means the request was not carried out.
 */

#define GOVORUN_VOXIMPLANT_PRODUCTION_URL "https://api.voximplant.com/platform_api"

#define GOVORUN_VOXIMPLANT_ERROR (govorun_voximplant_error_quark ())

typedef enum
{
  GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED = 1,   /* 100, 433, 447, 454 */
  GOVORUN_VOXIMPLANT_ERROR_CLOCK_SKEW,        /* 455, 456: token issued in the future / expired */
  GOVORUN_VOXIMPLANT_ERROR_RATE_LIMITED,      /* 340, 416, HTTP 429 after the retries */
  GOVORUN_VOXIMPLANT_ERROR_SERVER,            /* HTTP 5xx after the retries */
  GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT,  /* 101, 111, 134, 485, 496, … */
  GOVORUN_VOXIMPLANT_ERROR_INSUFFICIENT_FUNDS,/* 127 */
  GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND,         /* invalid-id codes: 115, 116, 132, 147, 255, … */
  GOVORUN_VOXIMPLANT_ERROR_PROVIDER,          /* any other Voximplant error code */
  GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE,      /* not JSON, missing or mistyped field, 4xx without an envelope */
  GOVORUN_VOXIMPLANT_ERROR_INVALID_ACCOUNT_ID,/* the account ID set is not a valid ID (nothing was sent) */
  GOVORUN_VOXIMPLANT_ERROR_EMPTY_KEY,         /* no API key or credentials set (nothing was sent) */
  GOVORUN_VOXIMPLANT_ERROR_FORBIDDEN,         /* 104: the key's roles do not allow the method */
  GOVORUN_VOXIMPLANT_ERROR_NO_STOCK,          /* 331, 332: not that many numbers on sale */
  GOVORUN_VOXIMPLANT_ERROR_NUMBER_TAKEN,      /* 182: someone else has the number */
} GovorunVoximplantError;

typedef enum
{
  GOVORUN_VOXIMPLANT_STYLE_PATH, /* POST <base>/<Method> */
  GOVORUN_VOXIMPLANT_STYLE_CMD,  /* POST <base> with cmd=<Method> */
} GovorunVoximplantStyle;

#define GOVORUN_TYPE_VOXIMPLANT_CLIENT (govorun_voximplant_client_get_type ())

G_DECLARE_FINAL_TYPE (GovorunVoximplantClient, govorun_voximplant_client, GOVORUN, VOXIMPLANT_CLIENT, GObject)

GQuark                   govorun_voximplant_error_quark                (void) G_GNUC_CONST;

/* The Voximplant error code an error made from a provider answer carries,
 * or 0. Its message ends with a translated sentence naming the code and the
 * provider's text (and the HTTP status when it was not 200): that sentence
 * is the detail, "" when there is none. */
int                      govorun_voximplant_error_get_provider_code    (const GError *error);
const char              *govorun_voximplant_error_get_detail           (const GError *error);

/* Validates an account ID typed by a person: digits only, > 0, at most 18
 * digits. Sets GOVORUN_VOXIMPLANT_ERROR_INVALID_ACCOUNT_ID. */
gboolean                 govorun_voximplant_validate_account_id        (const char   *text,
                                                                        GError      **error);

/* @base_url: such as GOVORUN_VOXIMPLANT_PRODUCTION_URL */
GovorunVoximplantClient *govorun_voximplant_client_new                 (GovorunHttp  *http,
                                                                        const char   *base_url);
const char              *govorun_voximplant_client_get_base_url        (GovorunVoximplantClient *self);
/* Legacy auth; replaces credentials set before. @api_key is a secret. */
void                     govorun_voximplant_client_set_api_key         (GovorunVoximplantClient *self,
                                                                        const char              *account_id,
                                                                        const char              *api_key);
/* JWT auth; replaces an API key set before. */
void                     govorun_voximplant_client_set_credentials     (GovorunVoximplantClient      *self,
                                                                        GovorunVoximplantCredentials *credentials);
void                     govorun_voximplant_client_set_style           (GovorunVoximplantClient *self,
                                                                        GovorunVoximplantStyle   style);

G_END_DECLS
