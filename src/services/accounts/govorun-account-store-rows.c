/* govorun-account-store-rows.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountStore"

#include "config.h"

#include "govorun-account-store-private.h"

#include <glib/gi18n.h>

/* Between the GovorunAccount objects views see and the records the store
 * writes. */

char *
_govorun_account_store_strdup_stripped (const char *str)
{
  return str != NULL ? g_strstrip (g_strdup (str)) : NULL;
}

/* Only the fields of the account's own kind are kept. */
GovorunAccountRecord *
_govorun_account_store_row_new_from_account (GovorunAccount *account)
{
  GovorunAccountRecord *row = g_new0 (GovorunAccountRecord, 1);

  row->uuid = g_strdup (govorun_account_get_uuid (account));
  row->kind = govorun_account_get_kind (account);
  row->display_name = _govorun_account_store_strdup_stripped (govorun_account_get_display_name (account));
  row->secret_generation = govorun_account_get_secret_generation (account);
  row->created_at = govorun_account_get_created_at (account);
  row->updated_at = govorun_account_get_updated_at (account);
  row->last_test_at = govorun_account_get_last_test_at (account);
  row->last_test_ok = govorun_account_get_last_test_ok (account);
  row->last_test_summary = g_strdup (govorun_account_get_last_test_summary (account));

  if (row->kind == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    {
      row->vox_account_id =
        _govorun_account_store_strdup_stripped (govorun_account_get_vox_account_id (account));
      row->vox_auth = govorun_account_get_vox_auth (account);
      if (row->vox_auth == GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT)
        row->vox_key_id =
          _govorun_account_store_strdup_stripped (govorun_account_get_vox_key_id (account));
      row->vox_account_email =
        _govorun_account_store_strdup_stripped (govorun_account_get_vox_account_email (account));
    }
  else
    {
      row->el_region = g_strdup (govorun_account_get_el_region (account));
    }

  return row;
}

void
_govorun_account_store_apply_row (GovorunAccount             *account,
                                  const GovorunAccountRecord *row)
{
  g_object_freeze_notify (G_OBJECT (account));
  govorun_account_set_display_name (account, row->display_name);
  govorun_account_set_vox_account_id (account, row->vox_account_id);
  govorun_account_set_vox_auth (account, row->vox_auth);
  govorun_account_set_vox_key_id (account, row->vox_key_id);
  govorun_account_set_vox_account_email (account, row->vox_account_email);
  govorun_account_set_el_region (account, row->el_region);
  govorun_account_set_created_at (account, row->created_at);
  govorun_account_set_updated_at (account, row->updated_at);
  govorun_account_set_last_test_at (account, row->last_test_at);
  govorun_account_set_last_test_ok (account, row->last_test_ok);
  govorun_account_set_last_test_summary (account, row->last_test_summary);
  govorun_account_set_secret_generation (account, row->secret_generation);  /* 0: key needed */
  g_object_thaw_notify (G_OBJECT (account));
}

GovorunAccount *
_govorun_account_store_account_new_from_row (const GovorunAccountRecord *row)
{
  GovorunAccount *account = govorun_account_new (row->kind);

  _govorun_account_set_uuid (account, row->uuid);
  _govorun_account_store_apply_row (account, row);
  return account;
}

char *
_govorun_account_store_make_label (GovorunAccountRecord *row)
{
  /* Translators: the label of the keyring item, as Seahorse shows it;
   * %s is the account's name. */
  if (row->kind == GOVORUN_ACCOUNT_KIND_VOXIMPLANT)
    return g_strdup_printf (_("Govorun: Voximplant account “%s”"), row->display_name);
  return g_strdup_printf (_("Govorun: ElevenLabs key “%s”"), row->display_name);
}
