/* govorun-vox-emu-secrets.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include "govorun-voximplant-emulator-private.h"

/* An application's secret storage (reference, "Secret storage"; from
 * Voximplant's 2026 docs, unverified): AddSecret, SetSecretInfo, DelSecret
 * and GetSecrets. Secrets go with their application. An unknown name is
 * answered as invalid arguments: the real code is not documented. */

#define SECRET_NAME_MAX   64
#define SECRET_VALUE_MAX  8192

/* Starts with a Latin letter; Latin letters, digits and "_" only. */
static gboolean
secret_name_valid (const char *name)
{
  gsize len = strlen (name);

  if (len == 0 || len > SECRET_NAME_MAX || !g_ascii_isalpha (name[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '_')
      return FALSE;
  return TRUE;
}

/* The application and the secret's name (valid), or FALSE once answered. */
static gboolean
get_target (Call         *call,
            Application **app,
            const char  **name)
{
  if (!vox_emu_call_get_application (call, TRUE, app) ||
      (*name = vox_emu_call_require (call, "secret_name")) == NULL)
    return FALSE;
  if (!secret_name_valid (*name))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, "Invalid secret_name: '%s'", *name);
      return FALSE;
    }
  return TRUE;
}

static const char *
get_value (Call *call)
{
  const char *value = vox_emu_call_require (call, "secret_value");

  if (value != NULL && g_utf8_strlen (value, -1) > SECRET_VALUE_MAX)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, "secret_value is too long");
      return NULL;
    }
  return value;
}

void
vox_emu_method_add_secret (Call *call)
{
  Application *app;
  const char *name;
  const char *value;

  if (!get_target (call, &app, &name) || (value = get_value (call)) == NULL)
    return;
  if (g_hash_table_contains (app->secrets, name))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, "Secret name is not unique: '%s'", name);
      return;
    }
  g_hash_table_insert (app->secrets, g_strdup (name), g_strdup (value));
  vox_emu_call_reply_ok (call, NULL);
}

void
vox_emu_method_set_secret_info (Call *call)
{
  Application *app;
  const char *name;
  const char *value;

  if (!get_target (call, &app, &name) || (value = get_value (call)) == NULL)
    return;
  if (!g_hash_table_contains (app->secrets, name))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, "Invalid secret_name: '%s'", name);
      return;
    }
  g_hash_table_insert (app->secrets, g_strdup (name), g_strdup (value));
  vox_emu_call_reply_ok (call, NULL);
}

void
vox_emu_method_del_secret (Call *call)
{
  Application *app;
  const char *name;

  if (!get_target (call, &app, &name))
    return;
  if (!g_hash_table_remove (app->secrets, name))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, "Invalid secret_name: '%s'", name);
      return;
    }
  vox_emu_call_reply_ok (call, NULL);
}

void
vox_emu_method_get_secrets (Call *call)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GList) names = NULL;
  Application *app;
  guint offset, count;

  if (!vox_emu_call_get_application (call, TRUE, &app) || !vox_emu_call_get_page (call, &offset, &count))
    return;

  /* Names only: values never leave the storage but through VoxEngine. */
  names = g_list_sort (g_hash_table_get_keys (app->secrets), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "secret_name", l->data);
      g_ptr_array_add (items, object);
    }
  vox_emu_call_reply_list (call, items, offset, count, NULL);
}

char *
govorun_voximplant_emulator_get_secret (GovorunVoximplantEmulator *self,
                                        gint64                     account_id,
                                        gint64                     application_id,
                                        const char                *name)
{
  Account *account;
  Application *app = NULL;
  char *value = NULL;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    app = vox_emu_find_application (account, application_id);
  if (app != NULL)
    value = g_strdup (g_hash_table_lookup (app->secrets, name));
  g_mutex_unlock (&self->lock);

  return value;
}
