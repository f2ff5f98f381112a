/* govorun-webhook-signature.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunWebhookSignature"

#include "config.h"

#include "govorun-webhook-signature.h"

#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>

char *
govorun_webhook_signature_new_secret (void)
{
  guint8 bytes[32];
  g_autofree char *text = NULL;

  /* GLib's g_random is not a cryptographic generator; GnuTLS's is. */
  if (gnutls_rnd (GNUTLS_RND_KEY, bytes, sizeof bytes) != 0)
    g_error ("The system's random number generator failed");

  text = g_base64_encode (bytes, sizeof bytes);
  memset (bytes, 0, sizeof bytes);
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  /* base64url without padding */
  for (char *end = text + strlen (text); end > text && end[-1] == '='; end--)
    end[-1] = '\0';
  return g_steal_pointer (&text);
}

char *
govorun_webhook_signature_header (const char *secret,
                                  gint64      timestamp,
                                  const char *body,
                                  gsize       body_len)
{
  g_autoptr(GHmac) hmac = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (body != NULL || body_len == 0, NULL);

  stamp = g_strdup_printf ("%" G_GINT64_FORMAT, timestamp);
  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  g_hmac_update (hmac, (const guchar *) stamp, -1);
  g_hmac_update (hmac, (const guchar *) ".", 1);
  g_hmac_update (hmac, (const guchar *) body, (gssize) body_len);
  return g_strdup_printf ("t=%s,v1=%s", stamp, g_hmac_get_string (hmac));
}
