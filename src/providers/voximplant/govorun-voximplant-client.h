/* govorun-voximplant-client.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "govorun-http-private.h"
#include "govorun-voximplant-credentials.h"

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
} GovorunVoximplantError;

typedef enum
{
  GOVORUN_VOXIMPLANT_STYLE_PATH, /* POST <base>/<Method> */
  GOVORUN_VOXIMPLANT_STYLE_CMD,  /* POST <base> with cmd=<Method> */
} GovorunVoximplantStyle;

/* Request parameters: an ordered list of name/value pairs, encoded the way
 * the Management API wants them. */
typedef struct _GovorunVoximplantParams GovorunVoximplantParams;

#define GOVORUN_TYPE_VOXIMPLANT_PARAMS (govorun_voximplant_params_get_type ())

GType                    govorun_voximplant_params_get_type      (void) G_GNUC_CONST;
GovorunVoximplantParams *govorun_voximplant_params_new           (void);
GovorunVoximplantParams *govorun_voximplant_params_copy          (const GovorunVoximplantParams *params);
void                     govorun_voximplant_params_free          (GovorunVoximplantParams *params);
void                     govorun_voximplant_params_add           (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  const char              *value);
void                     govorun_voximplant_params_add_int       (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  gint64                   value);
/* "true" / "false" */
void                     govorun_voximplant_params_add_bool      (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  gboolean                 value);
/* Items joined with ';' (items must not contain ';'). */
void                     govorun_voximplant_params_add_list      (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  const char * const      *values);
void                     govorun_voximplant_params_add_int_list  (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  const gint64            *values,
                                                                  gsize                    n_values);
/* "YYYY-MM-DD HH:mm:ss" in UTC, whatever the time zone of @when. */
void                     govorun_voximplant_params_add_timestamp (GovorunVoximplantParams *params,
                                                                  const char              *name,
                                                                  GDateTime               *when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantParams, govorun_voximplant_params_free)

/* GetAccountInfo's answer, the fields Govorun shows. */
typedef struct
{
  gint64    account_id;
  char     *account_name;
  char     *account_email;   /* may be NULL */
  double    balance;
  char     *currency;
  gboolean  active;
  gboolean  frozen;
  char     *api_address;     /* preferred API host; may be NULL */
} GovorunVoximplantAccountInfo;

#define GOVORUN_TYPE_VOXIMPLANT_ACCOUNT_INFO (govorun_voximplant_account_info_get_type ())

GType                         govorun_voximplant_account_info_get_type (void) G_GNUC_CONST;
GovorunVoximplantAccountInfo *govorun_voximplant_account_info_copy     (const GovorunVoximplantAccountInfo *info);
void                          govorun_voximplant_account_info_free     (GovorunVoximplantAccountInfo       *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantAccountInfo, govorun_voximplant_account_info_free)

#define GOVORUN_TYPE_VOXIMPLANT_CLIENT (govorun_voximplant_client_get_type ())

G_DECLARE_FINAL_TYPE (GovorunVoximplantClient, govorun_voximplant_client, GOVORUN, VOXIMPLANT_CLIENT, GObject)

GQuark                   govorun_voximplant_error_quark                (void) G_GNUC_CONST;

/* The Voximplant error code an error carries, or 0. Errors made from a
 * provider answer end with " (Voximplant error N: msg)" (untranslated, so
 * it can be parsed back); this returns N. */
int                      govorun_voximplant_error_get_provider_code    (const GError *error);

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

/* Calls @method ("GetAccountInfo"). @params may be NULL; it is copied.
 * GOVORUN_HTTP_FLAGS_IDEMPOTENT is added for "Get*" methods. */
void                     govorun_voximplant_client_call_async          (GovorunVoximplantClient *self,
                                                                        const char              *method,
                                                                        GovorunVoximplantParams *params,
                                                                        GovorunHttpFlags         flags,
                                                                        GCancellable            *cancellable,
                                                                        GAsyncReadyCallback      callback,
                                                                        gpointer                 user_data);
/* Returns: (transfer full): the whole success envelope; it has "result".
 * Treat it as possibly secret: with API-key auth GetAccountInfo's result
 * repeats the api_key, so don't log or store envelopes wholesale.
 * Errors: GOVORUN_VOXIMPLANT_ERROR, GOVORUN_HTTP_ERROR (unchanged from the
 * transport), G_IO_ERROR_CANCELLED, or a GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR
 * when no token could be signed. */
JsonObject              *govorun_voximplant_client_call_finish         (GovorunVoximplantClient  *self,
                                                                        GAsyncResult             *result,
                                                                        GError                  **error);

void                     govorun_voximplant_client_get_account_info_async  (GovorunVoximplantClient *self,
                                                                            GCancellable            *cancellable,
                                                                            GAsyncReadyCallback      callback,
                                                                            gpointer                 user_data);
GovorunVoximplantAccountInfo *
                         govorun_voximplant_client_get_account_info_finish (GovorunVoximplantClient  *self,
                                                                            GAsyncResult             *result,
                                                                            GError                  **error);

G_END_DECLS
