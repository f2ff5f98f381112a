/* govorun-voximplant-credentials.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * GovorunVoximplantCredentials is a parsed Voximplant service-account key
 * file ({"account_email", "account_id", "key_id", "private_key"}), as the
 * control panel's "Generate key" or the CreateKey method hands it out. It
 * signs the short-lived RS256 JWTs the Management API takes as
 * "Authorization: Bearer". Immutable once created, so it may be shared
 * between threads.
 */

#define GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR (govorun_voximplant_credentials_error_quark ())

typedef enum
{
  GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_JSON = 1, /* not UTF-8 JSON, or not an object */
  GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_MISSING_FIELD,
  GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_FIELD,
  GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_TOO_LARGE,        /* over 64 KiB */
  GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_SIGN_FAILED,
} GovorunVoximplantCredentialsError;

/* Key files are about 2 KiB; anything much larger is the wrong file. */
#define GOVORUN_VOXIMPLANT_CREDENTIALS_MAX_SIZE (64 * 1024)

/* The Management API refuses tokens that live longer than this. */
#define GOVORUN_VOXIMPLANT_JWT_MAX_TTL 3600

#define GOVORUN_TYPE_VOXIMPLANT_CREDENTIALS (govorun_voximplant_credentials_get_type ())

G_DECLARE_FINAL_TYPE (GovorunVoximplantCredentials, govorun_voximplant_credentials,
                      GOVORUN, VOXIMPLANT_CREDENTIALS, GObject)

GQuark                        govorun_voximplant_credentials_error_quark        (void) G_GNUC_CONST;

/* @length may be -1 for a NUL-terminated string. */
GovorunVoximplantCredentials *govorun_voximplant_credentials_new_from_data      (const char           *data,
                                                                                 gssize                length,
                                                                                 GError              **error);
/* Blocking: for worker threads only. */
GovorunVoximplantCredentials *govorun_voximplant_credentials_new_from_file      (GFile                *file,
                                                                                 GCancellable         *cancellable,
                                                                                 GError              **error);
/* Reads and parses @file in a worker thread. */
void                          govorun_voximplant_credentials_load_file_async    (GFile                *file,
                                                                                 GCancellable         *cancellable,
                                                                                 GAsyncReadyCallback   callback,
                                                                                 gpointer              user_data);
GovorunVoximplantCredentials *govorun_voximplant_credentials_load_file_finish   (GAsyncResult         *result,
                                                                                 GError              **error);

gint64                        govorun_voximplant_credentials_get_account_id     (GovorunVoximplantCredentials *self);
const char                   *govorun_voximplant_credentials_get_key_id         (GovorunVoximplantCredentials *self);
const char                   *govorun_voximplant_credentials_get_account_email  (GovorunVoximplantCredentials *self);
/* The original JSON text: this is the secret that goes to the keyring,
 * nowhere else (not to logs, SQLite or command lines). */
const char                   *govorun_voximplant_credentials_get_data           (GovorunVoximplantCredentials *self);

/* RS256 JWT: header {"alg":"RS256","typ":"JWT","kid":key_id}, claims
 * {"iss":account_id,"iat":@now_unix,"exp":@now_unix+@ttl_seconds}.
 * @ttl_seconds must be within 1..GOVORUN_VOXIMPLANT_JWT_MAX_TTL.
 * The token is a secret too. */
char                         *govorun_voximplant_credentials_sign_jwt           (GovorunVoximplantCredentials *self,
                                                                                 gint64                now_unix,
                                                                                 guint                 ttl_seconds,
                                                                                 GError              **error);

G_END_DECLS
