/* govorun-account-store-validation.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store-private.h"

#include <string.h>

#include <glib/gi18n.h>

/* What an account and a key must be before anything is written. */

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;
  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;
  return TRUE;
}

static gboolean
is_digits (const char *str)
{
  g_autofree char *stripped = _govorun_account_store_strdup_stripped (str);

  /* Account IDs are 64-bit numbers: at most 20 digits. */
  if (stripped == NULL || *stripped == '\0' || strlen (stripped) > 20)
    return FALSE;
  for (const char *p = stripped; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, GOVORUN_ACCOUNT_STORE_ERROR, GOVORUN_ACCOUNT_STORE_ERROR_INVALID,
                       message);
  return FALSE;
}

gboolean
_govorun_account_store_validate_account (GovorunAccount  *account,
                                         GError         **error)
{
  const char *name = govorun_account_get_display_name (account);

  if (is_blank (name))
    return invalid (error, _("Enter a name for the account."));
  if (!g_utf8_validate (name, -1, NULL))
    return invalid (error, _("The account name is not valid text. Enter it again."));
  if (g_utf8_strlen (name, -1) > GOVORUN_ACCOUNT_NAME_MAX_CHARS)
    return invalid (error, _("The account name is too long. Use at most 100 characters."));

  if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    {
      const char *key_id = govorun_account_get_vox_key_id (account);
      const char *email = govorun_account_get_vox_account_email (account);

      if (!is_digits (govorun_account_get_vox_account_id (account)))
        return invalid (error, _("The Voximplant account ID must be a number, such as 1234567. It is shown in the Voximplant control panel."));
      if (govorun_account_get_vox_auth (account) == GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT &&
          (is_blank (key_id) || !g_utf8_validate (key_id, -1, NULL)))
        return invalid (error, _("The service account key ID is missing. Load the service account credentials file again."));
      if (email != NULL && !g_utf8_validate (email, -1, NULL))
        return invalid (error, _("The account email address is not valid text. Enter it again."));
      if (email != NULL && strlen (email) > GOVORUN_ACCOUNT_EMAIL_MAX_CHARS)
        return invalid (error, _("The account email address is too long to be an address."));
    }
  else if (!govorun_account_is_valid_el_region (govorun_account_get_el_region (account)))
    {
      return invalid (error, _("Choose the ElevenLabs region of this key: Global, US, EU, India or Singapore."));
    }

  return TRUE;
}
