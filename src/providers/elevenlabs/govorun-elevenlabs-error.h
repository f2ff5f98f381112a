/* govorun-elevenlabs-error.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What went wrong in an answer from ElevenLabs; the message is a
 * translated sentence for people, ending with the provider's own status. */
#define GOVORUN_ELEVENLABS_ERROR (govorun_elevenlabs_error_quark ())

typedef enum
{
  GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY = 1, /* 401 invalid_api_key or another 401 */
  GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION, /* 401 needs_authorization, or no key given */
  GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS, /* 401 missing_permissions: a scoped key */
  GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED,      /* detail.status quota_exceeded */
  GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED,        /* 429, after the transport's retries */
  GOVORUN_ELEVENLABS_ERROR_NOT_FOUND,           /* 404 */
  GOVORUN_ELEVENLABS_ERROR_FORBIDDEN,           /* 403 */
  GOVORUN_ELEVENLABS_ERROR_VALIDATION,          /* 422 */
  GOVORUN_ELEVENLABS_ERROR_SERVER,              /* 5xx */
  GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE,        /* not JSON, or a field missing or mistyped */
  GOVORUN_ELEVENLABS_ERROR_FAILED,              /* any other answer */
} GovorunElevenlabsError;

GQuark govorun_elevenlabs_error_quark (void) G_GNUC_CONST;

G_END_DECLS
