/* govorun-webhook-signature.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The signature of a webhook delivery, as README.md documents it for
 * receivers: the header
 *
 *   X-Govorun-Signature: t=<Unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>
 *
 * where the key is the secret's text as Govorun shows it (UTF-8 bytes) and
 * body the raw bytes of the request body. Because the time is signed, a
 * receiver that rejects a t more than five minutes from its clock cannot
 * be fooled by a captured delivery sent again later.
 */

#define GOVORUN_WEBHOOK_TOLERANCE_S 300

/* A new secret: 32 random bytes from GnuTLS's key generator, base64url
 * without padding (43 characters). */
char     *govorun_webhook_signature_new_secret (void);

/* The X-Govorun-Signature header value for @body signed at @timestamp. */
char     *govorun_webhook_signature_header     (const char *secret,
                                                gint64      timestamp,
                                                const char *body,
                                                gsize       body_len);

G_END_DECLS
