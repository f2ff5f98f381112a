/* fuzz-url-settings.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFuzz"

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "govorun-url.h"

/* libFuzzer entry point: a base URL from GSettings or the environment is
 * accepted only as https://, or http:// to this computer; the refusal
 * names the setting and never repeats the URL. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *url = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  gboolean ok;

  ok = govorun_url_check_base (url, "the GSettings key fuzz-url", &error);
  g_assert (ok == (error == NULL));

  if (!ok)
    {
      g_assert (error->domain == GOVORUN_URL_ERROR);
      g_assert (strstr (error->message, "fuzz-url") != NULL);
      g_assert (*url == '\0' || strlen (url) < 12 || strstr (error->message, url) == NULL);
      return 0;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_assert (uri != NULL);
  g_assert (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0
            || (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0
                && govorun_url_is_loopback (g_uri_get_host (uri))));

  return 0;
}
