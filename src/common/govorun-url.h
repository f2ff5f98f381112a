/* govorun-url.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Checks a base URL someone set outside the app (GSettings, the
 * environment) before any API key is sent to it: https://, or http:// to
 * this computer only (a local proxy or emulator), because http:// elsewhere
 * sends keys in clear text.
 */

#define GOVORUN_URL_ERROR (govorun_url_error_quark ())

typedef enum
{
  GOVORUN_URL_ERROR_INVALID = 1,  /* not an absolute URL with a host */
  GOVORUN_URL_ERROR_SCHEME,       /* neither https:// nor http:// */
  GOVORUN_URL_ERROR_INSECURE,     /* http:// to another computer */
} GovorunUrlError;

GQuark   govorun_url_error_quark (void);

gboolean govorun_url_is_loopback (const char  *host);
/* @where names the setting in the message, as returned by
 * govorun_url_where_setting() or govorun_url_where_environment(). */
gboolean govorun_url_check_base  (const char  *url,
                                  const char  *where,
                                  GError     **error);
char    *govorun_url_where_setting     (const char *key);
char    *govorun_url_where_environment (const char *variable);

G_END_DECLS
