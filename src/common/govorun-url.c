/* govorun-url.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunUrl"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-url.h"

G_DEFINE_QUARK (govorun-url-error-quark, govorun_url_error)

/**
 * govorun_url_is_loopback:
 * @host: a host as GUri gives it (an IPv6 address without brackets)
 *
 * Returns: %TRUE for "localhost" and loopback addresses (127.0.0.0/8, ::1)
 */
gboolean
govorun_url_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || *host == '\0')
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

char *
govorun_url_where_setting (const char *key)
{
  /* Translators: completes “The address in %s …”; the case after “in” */
  return g_strdup_printf (_("the GSettings key %s"), key);
}

char *
govorun_url_where_environment (const char *variable)
{
  /* Translators: completes “The address in %s …”; the case after “in” */
  return g_strdup_printf (_("the environment variable %s"), variable);
}

/**
 * govorun_url_check_base:
 * @where: the setting the URL came from, for the message
 *
 * The message names the setting, never the URL, which may carry a user
 * name and password.
 */
gboolean
govorun_url_check_base (const char  *url,
                        const char  *where,
                        GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (where != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (url != NULL)
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || *host == '\0')
    {
      g_set_error (error, GOVORUN_URL_ERROR, GOVORUN_URL_ERROR_INVALID,
                   _("The address in %s is not a valid URL. Set an https:// address there, or clear it to use the standard one."),
                   where);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, GOVORUN_URL_ERROR, GOVORUN_URL_ERROR_SCHEME,
                   _("The address in %s does not start with https://. Set an https:// address there, or clear it to use the standard one."),
                   where);
      return FALSE;
    }

  if (!govorun_url_is_loopback (host))
    {
      g_set_error (error, GOVORUN_URL_ERROR, GOVORUN_URL_ERROR_INSECURE,
                   _("The address in %s starts with http://, which would send API keys unencrypted. Set an https:// address there; http:// is allowed only for this computer (localhost, 127.0.0.1)."),
                   where);
      return FALSE;
    }

  return TRUE;
}
