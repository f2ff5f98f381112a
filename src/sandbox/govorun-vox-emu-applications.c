/* govorun-vox-emu-applications.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include "govorun-voximplant-emulator-private.h"

/* Applications (reference §2 Applications): AddApplication,
 * GetApplications, SetApplicationInfo, DelApplication. */

#define APPLICATION_NAME_MAX  64

char *
vox_emu_application_full_name (GovorunVoximplantEmulator *self,
                               Account                   *account,
                               Application               *app)
{
  return g_strdup_printf ("%s.%s.%s", app->name, account->account_name,
                          self->application_domain_suffix);
}

static gboolean
application_short_name_valid (const char *name)
{
  gsize len = strlen (name);

  if (len < 2 || len > APPLICATION_NAME_MAX + 1 || !g_ascii_islower (name[0]))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_islower (name[i]) && !g_ascii_isdigit (name[i]) && name[i] != '-')
      return FALSE;

  return TRUE;
}

/* Clients may name an application by its short or its full name. */
static char *
application_short_name (GovorunVoximplantEmulator *self,
                        Account                   *account,
                        const char                *name)
{
  g_autofree char *suffix = g_strdup_printf (".%s.%s", account->account_name,
                                             self->application_domain_suffix);

  if (g_str_has_suffix (name, suffix) && strlen (name) > strlen (suffix))
    return g_strndup (name, strlen (name) - strlen (suffix));

  return g_strdup (name);
}

Application *
vox_emu_find_application (Account *account,
                          gint64   application_id)
{
  return vox_emu_find_by_id (account->applications, application_id);
}

static Application *
find_application_by_name (GovorunVoximplantEmulator *self,
                          Account                   *account,
                          const char                *name)
{
  g_autofree char *short_name = application_short_name (self, account, name);

  for (guint i = 0; i < account->applications->len; i++)
    {
      Application *app = g_ptr_array_index (account->applications, i);

      if (g_str_equal (app->name, short_name))
        return app;
    }

  return NULL;
}

/* application_id|application_name naming one application: 116 or 107
 * when it is not this account's. */
gboolean
vox_emu_call_get_application (Call         *call,
                              gboolean      required,
                              Application **out)
{
  Choice choice = vox_emu_call_choose (call, "application_id", "application_name", required);
  gint64 id;

  *out = NULL;
  switch (choice)
    {
    case CHOICE_FAILED:
      return FALSE;

    case CHOICE_NONE:
      return TRUE;

    case CHOICE_FIRST:
      if (!vox_emu_parse_single_id (vox_emu_call_param (call, "application_id"), &id)
          || (*out = vox_emu_find_application (call->account, id)) == NULL)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID,
                               "Invalid application_id: %s", vox_emu_call_param (call, "application_id"));
          return FALSE;
        }
      return TRUE;

    case CHOICE_SECOND:
    default:
      *out = find_application_by_name (call->self, call->account,
                                       vox_emu_call_param (call, "application_name"));
      if (*out == NULL)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
                               "Invalid application name: no application '%s'",
                               vox_emu_call_param (call, "application_name"));
          return FALSE;
        }
      return TRUE;
    }
}

void
vox_emu_method_add_application (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autofree char *short_name = NULL;
  const char *name;
  gboolean secure;
  Application *app;
  JsonObject *root;

  if ((name = vox_emu_call_require (call, "application_name")) == NULL
      || !vox_emu_call_get_bool (call, "secure_record_storage", FALSE, &secure))
    return;

  short_name = application_short_name (self, account, name);
  if (!application_short_name_valid (short_name))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
                           "Invalid application name: '%s' must match [a-z][a-z0-9-]{1,64}", name);
      return;
    }

  if (find_application_by_name (self, account, short_name) != NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_APPLICATION_NAME_NOT_UNIQUE,
                           "Application name is not unique: '%s'", short_name);
      return;
    }

  app = g_new0 (Application, 1);
  app->secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  app->application_id = self->next_application_id++;
  app->name = g_steal_pointer (&short_name);
  app->secure_record_storage = secure;
  app->modified = vox_emu_now_seconds (call);
  g_ptr_array_add (account->applications, app);

  root = json_object_new ();
  json_object_set_int_member (root, "application_id", app->application_id);
  vox_emu_take_string (root, "application_name", vox_emu_application_full_name (self, account, app));
  json_object_set_boolean_member (root, "secure_record_storage", app->secure_record_storage);
  vox_emu_call_reply_ok (call, root);
}

void
vox_emu_method_get_applications (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *name_filter = NULL;
  gboolean with_rules, with_scenarios;
  guint offset, count;

  if (!vox_emu_call_get_bool (call, "with_rules", FALSE, &with_rules)
      || !vox_emu_call_get_bool (call, "with_scenarios", FALSE, &with_scenarios)
      || !vox_emu_call_get_page (call, &offset, &count))
    return;

  if (vox_emu_call_param (call, "application_id") != NULL
      && (ids = vox_emu_call_get_ids (call, "application_id", GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID, NULL)) == NULL)
    return;

  if (vox_emu_call_param (call, "application_name") != NULL)
    name_filter = g_utf8_casefold (vox_emu_call_param (call, "application_name"), -1);

  for (guint i = 0; i < account->applications->len; i++)
    {
      Application *app = g_ptr_array_index (account->applications, i);
      g_autofree char *full_name = vox_emu_application_full_name (self, account, app);
      JsonObject *object;

      if (ids != NULL)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < ids->len && !found; j++)
            found = g_array_index (ids, gint64, j) == app->application_id;
          if (!found)
            continue;
        }

      if (name_filter != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (full_name, -1);

          if (strstr (folded, name_filter) == NULL)
            continue;
        }

      object = json_object_new ();
      json_object_set_int_member (object, "application_id", app->application_id);
      json_object_set_string_member (object, "application_name", full_name);
      vox_emu_set_timestamp (object, "modified", app->modified);
      json_object_set_boolean_member (object, "secure_record_storage", app->secure_record_storage);

      /* UNVERIFIED (§2 Applications): no client models the embedded
       * rules; they are given as GetRules items. */
      if (with_rules)
        {
          JsonArray *rules = json_array_new ();

          for (guint j = 0; j < account->rules->len; j++)
            {
              Rule *rule = g_ptr_array_index (account->rules, j);

              if (rule->application_id == app->application_id)
                json_array_add_object_element (rules, vox_emu_rule_to_json (account, rule, with_scenarios));
            }
          json_object_set_array_member (object, "rules", rules);
        }

      g_ptr_array_add (items, object);
    }

  vox_emu_call_reply_list (call, items, offset, count, NULL);
}

void
vox_emu_method_set_application_info (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  Application *app = NULL;
  const char *new_name = vox_emu_call_param (call, "application_name");
  g_autofree char *short_name = NULL;
  gboolean secure;
  Choice choice;
  JsonObject *root;
  gint64 id;

  /* Here application_name is the new name, so the lookup is by
   * application_id or required_application_name. */
  choice = vox_emu_call_choose (call, "application_id", "required_application_name", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      if (!vox_emu_parse_single_id (vox_emu_call_param (call, "application_id"), &id)
          || (app = vox_emu_find_application (account, id)) == NULL)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID,
                               "Invalid application_id: %s", vox_emu_call_param (call, "application_id"));
          return;
        }
    }
  else
    {
      app = find_application_by_name (self, account, vox_emu_call_param (call, "required_application_name"));
      if (app == NULL)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
                               "Invalid application name: no application '%s'",
                               vox_emu_call_param (call, "required_application_name"));
          return;
        }
    }

  if (!vox_emu_call_get_bool (call, "secure_record_storage", app->secure_record_storage, &secure))
    return;

  if (new_name != NULL)
    {
      Application *other;

      short_name = application_short_name (self, account, new_name);
      if (!application_short_name_valid (short_name))
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
                               "Invalid application name: '%s' must match [a-z][a-z0-9-]{1,64}", new_name);
          return;
        }
      other = find_application_by_name (self, account, short_name);
      if (other != NULL && other != app)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_APPLICATION_NAME_NOT_UNIQUE,
                               "Application name is not unique: '%s'", short_name);
          return;
        }
      g_free (app->name);
      app->name = g_steal_pointer (&short_name);
    }

  app->secure_record_storage = secure;
  app->modified = vox_emu_now_seconds (call);

  root = json_object_new ();
  vox_emu_take_string (root, "application_name", vox_emu_application_full_name (self, account, app));
  json_object_set_boolean_member (root, "secure_record_storage", app->secure_record_storage);
  vox_emu_call_reply_ok (call, root);
}

static void
delete_application (GovorunVoximplantEmulator *self,
                    Account                   *account,
                    Application               *app,
                    gint64                     now)
{
  gint64 id = app->application_id;

  for (guint i = account->rules->len; i > 0; i--)
    {
      Rule *rule = g_ptr_array_index (account->rules, i - 1);

      if (rule->application_id == id)
        vox_emu_delete_rule (account, rule, now);
    }

  for (guint i = 0; i < account->phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (account->phones, i);

      if (phone->application_id == id)
        {
          phone->application_id = 0;
          phone->rule_id = 0;
          phone->modified = now;
        }
    }

  for (guint i = account->scenarios->len; i > 0; i--)
    {
      Scenario *scenario = g_ptr_array_index (account->scenarios, i - 1);

      if (scenario->application_id != id)
        continue;
      if (self->delete_application_scenarios)
        vox_emu_delete_scenario (account, scenario, now);
      else
        scenario->application_id = 0;
    }

  g_ptr_array_remove (account->applications, app);
}

void
vox_emu_method_del_application (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  Choice choice;

  choice = vox_emu_call_choose (call, "application_id", "application_name", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      gboolean all = FALSE;
      g_autoptr(GArray) ids = vox_emu_call_get_ids (call, "application_id",
                                                    GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID, &all);

      if (ids == NULL)
        return;
      if (all)
        g_ptr_array_extend (doomed, account->applications, NULL, NULL);
      for (guint i = 0; i < ids->len; i++)
        {
          Application *app = vox_emu_find_application (account, g_array_index (ids, gint64, i));

          if (app == NULL)
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID,
                                   "Invalid application_id: %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
              return;
            }
          g_ptr_array_add (doomed, app);
        }
    }
  else
    {
      g_auto(GStrv) names = vox_emu_call_get_list (call, "application_name",
                                                   GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME);

      if (names == NULL)
        return;
      for (guint i = 0; names[i] != NULL; i++)
        {
          Application *app = find_application_by_name (self, account, names[i]);

          if (app == NULL)
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
                                   "Invalid application name: no application '%s'", names[i]);
              return;
            }
          g_ptr_array_add (doomed, app);
        }
    }

  /* Validated first, so a bad item deletes nothing. */
  for (guint i = 0; i < doomed->len; i++)
    {
      Application *app = g_ptr_array_index (doomed, i);

      if (g_ptr_array_find (account->applications, app, NULL))
        delete_application (self, account, app, vox_emu_now_seconds (call));
    }

  vox_emu_call_reply_ok (call, NULL);
}
