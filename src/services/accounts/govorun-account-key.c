/* govorun-account-key.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-account-key.h"
#include "govorun-account-store.h"
#include "govorun-secrets.h"

static char *
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_INVALID, message);
  return NULL;
}

static gboolean
is_api_key (GovorunAccount *account)
{
  return govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS ||
         govorun_account_get_vox_auth (account) == GOVORUN_VOXIMPLANT_AUTH_API_KEY;
}

char *
govorun_account_key_clean (GovorunAccount  *account,
                           const char      *secret,
                           GError         **error)
{
  const char *start;
  const char *end;

  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (account), NULL);

  if (secret == NULL)
    secret = "";
  if (!g_utf8_validate (secret, -1, NULL))
    return invalid (error, _("The key is not valid text. Paste it again."));

  if (!is_api_key (account))
    {
      /* A credentials file is JSON: its own newlines are part of it. */
      if (strlen (secret) > GOVORUN_ACCOUNT_CREDENTIALS_MAX_BYTES)
        return invalid (error, _("This file is too large to be a service account credentials file. Load the file downloaded from the Voximplant control panel."));
      for (start = secret; g_ascii_isspace (*start); start++)
        ;
      if (*start == '\0')
        return invalid (error, _("The key is empty. Paste the API key or load the credentials file, then try again."));
      return g_strdup (secret);
    }

  for (start = secret; g_ascii_isspace (*start); start++)
    ;
  for (end = start + strlen (start); end > start && g_ascii_isspace (end[-1]); end--)
    ;
  if (start == end)
    return invalid (error, _("The key is empty. Paste the API key or load the credentials file, then try again."));

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return invalid (error, _("The key contains a line break or another invisible character. Copy the key again, on its own, and paste it."));

  if (g_utf8_strlen (start, end - start) > GOVORUN_ACCOUNT_API_KEY_MAX_CHARS)
    return invalid (error, _("This is longer than any API key. Copy only the key and paste it again."));

  return g_strndup (start, end - start);
}
