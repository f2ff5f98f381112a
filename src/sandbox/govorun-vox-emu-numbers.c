/* govorun-vox-emu-numbers.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include "govorun-voximplant-emulator-private.h"

/* Owned phone numbers (reference §2 Phone numbers): GetPhoneNumbers,
 * BindPhoneNumberToApplication, DeactivatePhoneNumber, and numbers the
 * tests give an account directly. */

static Phone *
find_phone (Account *account,
            gint64   phone_id)
{
  return vox_emu_find_by_id (account->phones, phone_id);
}

static Phone *
find_phone_by_number (Account    *account,
                      const char *number)
{
  for (guint i = 0; i < account->phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (account->phones, i);

      if (g_str_equal (phone->number, number))
        return phone;
    }

  return NULL;
}

gboolean
vox_emu_number_owned_anywhere (GovorunVoximplantEmulator *self,
                               const char                *number)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (find_phone_by_number (value, number) != NULL)
      return TRUE;

  return FALSE;
}

static JsonObject *
phone_to_json (GovorunVoximplantEmulator *self,
               Account                   *account,
               Phone                     *phone)
{
  JsonObject *object = json_object_new ();
  g_autoptr(GDateTime) purchased = g_date_time_new_from_unix_utc (phone->purchased);
  g_autoptr(GDateTime) renewal = g_date_time_add_months (purchased, 1);
  Application *app = phone->application_id != 0 ? vox_emu_find_application (account, phone->application_id) : NULL;
  Rule *rule = phone->rule_id != 0 ? vox_emu_find_rule (account, phone->rule_id) : NULL;

  json_object_set_int_member (object, "phone_id", phone->phone_id);
  json_object_set_string_member (object, "phone_number", phone->number);
  json_object_set_double_member (object, "phone_price", phone->price);
  json_object_set_string_member (object, "phone_country_code", phone->country_code);
  vox_emu_set_date (object, "phone_next_renewal", renewal);
  vox_emu_set_timestamp (object, "phone_purchase_date", phone->purchased);
  json_object_set_boolean_member (object, "deactivated", phone->deactivated);
  json_object_set_boolean_member (object, "canceled", FALSE);
  json_object_set_boolean_member (object, "auto_charge", TRUE);
  if (app != NULL)
    {
      g_autofree char *full_name = vox_emu_application_full_name (self, account, app);

      json_object_set_int_member (object, "application_id", app->application_id);
      json_object_set_string_member (object, "application_name", full_name);
      json_object_set_string_member (object, "extended_application_name", full_name);
    }
  if (rule != NULL)
    {
      json_object_set_int_member (object, "rule_id", rule->rule_id);
      json_object_set_string_member (object, "rule_name", rule->name);
    }
  json_object_set_string_member (object, "category_name", phone->category);
  vox_emu_set_required_verification (object, phone->required_verification, phone->country_code);
  json_object_set_string_member (object, "verification_status", vox_emu_verification_status (phone->required_verification));
  if (phone->required_verification)
    {
      g_autoptr(GDateTime) hold = vox_emu_phone_hold_until (phone);

      vox_emu_set_date (object, "unverified_hold_until", hold);
    }
  /* An unverified number cannot take calls yet. */
  json_object_set_boolean_member (object, "can_be_used", !phone->required_verification && !phone->deactivated);
  json_object_set_boolean_member (object, "is_sms_supported", FALSE);
  json_object_set_boolean_member (object, "is_sms_enabled", FALSE);
  json_object_set_int_member (object, "subscription_id", phone->phone_id);
  json_object_set_string_member (object, "phone_region_name", phone->region_name);
  vox_emu_set_timestamp (object, "modified", phone->modified);

  return object;
}

void
vox_emu_method_get_phone_numbers (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) numbers = NULL;
  const char *template = vox_emu_call_param (call, "phone_template");
  const char *country_code = vox_emu_call_param (call, "country_code");
  const char *category = vox_emu_call_param (call, "phone_category_name");
  const char *rule_name = vox_emu_call_param (call, "rule_name");
  int bound_to_app, bound_to_rule, deactivated, canceled;
  Application *app;
  gint64 rule_id = 0;
  guint offset, count;

  if (!vox_emu_call_get_application (call, FALSE, &app)
      || !vox_emu_call_get_filter_bool (call, "is_bound_to_application", &bound_to_app)
      || !vox_emu_call_get_filter_bool (call, "is_bound_to_rule", &bound_to_rule)
      || !vox_emu_call_get_filter_bool (call, "deactivated", &deactivated)
      || !vox_emu_call_get_filter_bool (call, "canceled", &canceled)
      || !vox_emu_call_get_page (call, &offset, &count))
    return;

  if (vox_emu_call_param (call, "phone_id") != NULL
      && (ids = vox_emu_call_get_ids (call, "phone_id", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_ID, NULL)) == NULL)
    return;

  if (vox_emu_call_param (call, "phone_number") != NULL)
    {
      if ((numbers = vox_emu_call_get_list (call, "phone_number", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER)) == NULL)
        return;
      for (guint i = 0; numbers[i] != NULL; i++)
        {
          char *normal = vox_emu_normalize_number (numbers[i]);

          if (normal == NULL)
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER, "Invalid phone number: %s", numbers[i]);
              return;
            }
          g_free (numbers[i]);
          numbers[i] = normal;
        }
    }

  if (vox_emu_call_param (call, "rule_id") != NULL && !vox_emu_parse_single_id (vox_emu_call_param (call, "rule_id"), &rule_id))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID, "Invalid rule_id: %s", vox_emu_call_param (call, "rule_id"));
      return;
    }

  for (guint i = 0; i < account->phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (account->phones, i);
      Rule *rule = phone->rule_id != 0 ? vox_emu_find_rule (account, phone->rule_id) : NULL;

      if (ids != NULL)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < ids->len && !found; j++)
            found = g_array_index (ids, gint64, j) == phone->phone_id;
          if (!found)
            continue;
        }

      if ((numbers != NULL && !g_strv_contains ((const char * const *) numbers, phone->number))
          || (app != NULL && phone->application_id != app->application_id)
          || (bound_to_app != -1 && (phone->application_id != 0) != bound_to_app)
          || (bound_to_rule != -1 && (phone->rule_id != 0) != bound_to_rule)
          || (deactivated != -1 && phone->deactivated != deactivated)
          || canceled == 1
          || (template != NULL && !g_str_has_prefix (phone->number, template))
          || (country_code != NULL && !g_str_equal (phone->country_code, country_code))
          || (category != NULL && !g_str_equal (phone->category, category))
          || (rule_id != 0 && phone->rule_id != rule_id)
          || (rule_name != NULL && (rule == NULL || !g_str_equal (rule->name, rule_name))))
        continue;

      g_ptr_array_add (items, phone_to_json (self, account, phone));
    }

  vox_emu_call_reply_list (call, items, offset, count, NULL);
}

/* phone_id|phone_number lists (phone_id may be "all"): 181 or 121 for a
 * number this account does not own. */
static gboolean
call_get_phones (Call       *call,
                 GPtrArray **out)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) phones = g_ptr_array_new ();
  Choice choice;

  *out = NULL;
  choice = vox_emu_call_choose (call, "phone_id", "phone_number", TRUE);
  if (choice == CHOICE_FAILED)
    return FALSE;

  if (choice == CHOICE_FIRST)
    {
      gboolean all = FALSE;
      g_autoptr(GArray) ids = vox_emu_call_get_ids (call, "phone_id", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_ID, &all);

      if (ids == NULL)
        return FALSE;

      for (guint i = 0; all && i < account->phones->len; i++)
        {
          Phone *phone = g_ptr_array_index (account->phones, i);

          if (!phone->deactivated)
            g_ptr_array_add (phones, phone);
        }

      for (guint i = 0; i < ids->len; i++)
        {
          Phone *phone = find_phone (account, g_array_index (ids, gint64, i));

          if (phone == NULL || phone->deactivated)
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_ID,
                                   "Invalid phone_id: %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
              return FALSE;
            }
          g_ptr_array_add (phones, phone);
        }
    }
  else
    {
      g_auto(GStrv) texts = vox_emu_call_get_list (call, "phone_number", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER);

      if (texts == NULL)
        return FALSE;

      for (guint i = 0; texts[i] != NULL; i++)
        {
          g_autofree char *number = vox_emu_normalize_number (texts[i]);
          Phone *phone = number != NULL ? find_phone_by_number (account, number) : NULL;

          if (phone == NULL || phone->deactivated)
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER,
                                   "Invalid phone number: %s", texts[i]);
              return FALSE;
            }
          g_ptr_array_add (phones, phone);
        }
    }

  *out = g_steal_pointer (&phones);
  return TRUE;
}

void
vox_emu_method_bind_phone_number_to_application (Call *call)
{
  g_autoptr(GPtrArray) phones = NULL;
  Application *app;
  Rule *rule;
  gboolean bind;
  gint64 now = vox_emu_now_seconds (call);

  if (!call_get_phones (call, &phones)
      || !vox_emu_call_get_application (call, TRUE, &app)
      || !vox_emu_call_get_rule (call, app, FALSE, &rule)
      || !vox_emu_call_get_bool (call, "bind", call->self->bind_default, &bind))
    return;

  for (guint i = 0; i < phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (phones, i);

      if (bind)
        {
          /* Binding moves a number bound elsewhere. */
          phone->application_id = app->application_id;
          phone->rule_id = rule != NULL ? rule->rule_id : 0;
          phone->modified = now;
        }
      else if (phone->application_id == app->application_id)
        {
          phone->application_id = 0;
          phone->rule_id = 0;
          phone->modified = now;
        }
    }

  vox_emu_call_reply_ok (call, NULL);
}

void
vox_emu_method_deactivate_phone_number (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) phones = NULL;
  gint64 now = vox_emu_now_seconds (call);

  if (!call_get_phones (call, &phones))
    return;

  for (guint i = 0; i < phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (phones, i);

      if (!g_ptr_array_find (account->phones, phone, NULL) || phone->deactivated)
        continue;

      /* The number leaves the account; it does not go back to stock. */
      if (call->self->keep_deactivated_numbers)
        {
          phone->deactivated = TRUE;
          phone->application_id = 0;
          phone->rule_id = 0;
          phone->modified = now;
        }
      else
        {
          g_ptr_array_remove (account->phones, phone);
        }
    }

  vox_emu_call_reply_ok (call, NULL);
}

gint64
govorun_voximplant_emulator_add_owned_number (GovorunVoximplantEmulator *self,
                                              gint64                     account_id,
                                              const char                *number,
                                              const char                *country_code,
                                              const char                *category,
                                              const char                *region_name)
{
  g_autofree char *normal = NULL;
  Account *account;
  Region *region;
  Phone *phone;
  gint64 phone_id = 0;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), 0);
  g_return_val_if_fail (country_code != NULL && category != NULL && region_name != NULL, 0);

  normal = vox_emu_normalize_number (number);
  g_return_val_if_fail (normal != NULL, 0);

  g_mutex_lock (&self->lock);

  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account == NULL || vox_emu_number_owned_anywhere (self, normal))
    goto out;

  phone = g_new0 (Phone, 1);
  phone->number = g_strdup (normal);
  phone->country_code = g_strdup (country_code);
  phone->category = g_strdup (category);
  phone->region_name = g_strdup (region_name);
  phone->price = 1.0;
  phone->purchased = vox_emu_now (self);
  phone->modified = phone->purchased;

  /* A seeded region lends its price and verification; a number in its
   * stock leaves the stock and keeps its id. */
  region = vox_emu_find_region_by_name (self, country_code, category, region_name);
  if (region != NULL)
    {
      phone->price = region->seed->price;
      phone->required_verification = region->seed->required_verification;
      for (guint i = 0; i < region->stock->len && phone->phone_id == 0; i++)
        {
          StockNumber *stock = g_ptr_array_index (region->stock, i);

          if (g_str_equal (stock->number, normal))
            {
              phone->phone_id = stock->phone_id;
              g_ptr_array_remove_index (region->stock, i);
            }
        }
    }
  if (phone->phone_id == 0)
    phone->phone_id = self->next_phone_id++;

  g_ptr_array_add (account->phones, phone);
  phone_id = phone->phone_id;

out:
  g_mutex_unlock (&self->lock);

  if (phone_id == 0)
    g_warning ("Cannot add number %s to emulated account %" G_GINT64_FORMAT, normal, account_id);

  return phone_id;
}
