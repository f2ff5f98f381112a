/* govorun-vox-emu-account.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include "govorun-voximplant-emulator-private.h"

/* The account itself: GetAccountInfo (reference §2 Accounts). */

static char *
format_timestamp (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (datetime);

  return g_date_time_format (utc, "%Y-%m-%d %H:%M:%S");
}

static char *
default_api_address (GovorunVoximplantEmulator *self)
{
  const char *base = govorun_emulator_get_base_url (GOVORUN_EMULATOR (self));
  const char *sep;

  if (base == NULL)
    return g_strdup ("api.voximplant.com");

  sep = strstr (base, "://");
  return g_strdup (sep != NULL ? sep + 3 : base);
}

void
vox_emu_method_get_account_info (Call *call)
{
  Account *account = call->account;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created = NULL;
  g_autofree char *api_address = NULL;
  gboolean live_balance;

  if (!vox_emu_call_get_bool (call, "return_live_balance", FALSE, &live_balance))
    return;

  created = format_timestamp (account->created);
  api_address = call->self->api_address != NULL ? g_strdup (call->self->api_address)
                                                 : default_api_address (call->self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "account_id");
  json_builder_add_int_value (builder, account->account_id);
  json_builder_set_member_name (builder, "account_name");
  json_builder_add_string_value (builder, account->account_name);
  json_builder_set_member_name (builder, "account_email");
  json_builder_add_string_value (builder, account->account_email);
  if (call->auth == AUTH_API_KEY)
    {
      /* Only password/api_key sessions see the key (§2 Accounts). */
      json_builder_set_member_name (builder, "api_key");
      json_builder_add_string_value (builder, account->api_key);
    }
  json_builder_set_member_name (builder, "account_first_name");
  json_builder_add_string_value (builder, account->first_name);
  json_builder_set_member_name (builder, "account_last_name");
  json_builder_add_string_value (builder, account->last_name);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "language_code");
  json_builder_add_string_value (builder, account->language_code);
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, account->location);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, account->active);
  json_builder_set_member_name (builder, "frozen");
  json_builder_add_boolean_value (builder, account->frozen);
  json_builder_set_member_name (builder, "balance");
  json_builder_add_double_value (builder, account->balance);
  json_builder_set_member_name (builder, "credit_limit");
  json_builder_add_double_value (builder, account->credit_limit);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, account->currency);
  json_builder_set_member_name (builder, "min_balance_to_notify");
  json_builder_add_double_value (builder, 0.0);
  json_builder_set_member_name (builder, "send_js_error");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "a2p_sms_enabled");
  json_builder_add_boolean_value (builder, FALSE);

  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "api_address");
  json_builder_add_string_value (builder, api_address);

  vox_emu_call_reply (call, builder);
}
