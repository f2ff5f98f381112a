/* govorun-el-emu-user.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsEmulator"

#include "config.h"

#include "govorun-elevenlabs-emulator-private.h"

/* The user and the subscription (reference §2.7). */

/* The SubscriptionResponseModel fields, shared by both answers. */
static void
build_subscription_members (GovorunElevenlabsEmulator *self,
                            JsonBuilder               *builder)
{
  EmuSubscription *sub = &self->subscription;
  gint64 next_reset = g_get_real_time () / G_USEC_PER_SEC + 30 * 24 * 3600;

  json_builder_set_member_name (builder, "tier");
  json_builder_add_string_value (builder, sub->tier);
  json_builder_set_member_name (builder, "character_count");
  json_builder_add_int_value (builder, sub->character_count);
  json_builder_set_member_name (builder, "character_limit");
  json_builder_add_int_value (builder, sub->character_limit);
  json_builder_set_member_name (builder, "max_character_limit_extension");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "can_extend_character_limit");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "allowed_to_extend_character_limit");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "next_character_count_reset_unix");
  json_builder_add_int_value (builder, next_reset);
  json_builder_set_member_name (builder, "voice_slots_used");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "professional_voice_slots_used");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "voice_limit");
  json_builder_add_int_value (builder, 30);
  json_builder_set_member_name (builder, "voice_add_edit_counter");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "professional_voice_limit");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "can_extend_voice_limit");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "can_use_instant_voice_cloning");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "can_use_professional_voice_cloning");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, sub->currency);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, sub->status);
  json_builder_set_member_name (builder, "billing_period");
  json_builder_add_string_value (builder, "monthly_period");
  json_builder_set_member_name (builder, "character_refresh_period");
  json_builder_add_string_value (builder, "monthly_period");
}

void
el_emu_handle_get_subscription (GovorunElevenlabsEmulator *self,
                                SoupServerMessage         *msg,
                                GHashTable                *params,
                                const char *const         *captures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  build_subscription_members (self, builder);
  /* ExtendedSubscriptionResponseModel adds the invoices. */
  json_builder_set_member_name (builder, "next_invoice");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "open_invoices");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "has_open_invoices");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, root);
}

void
el_emu_handle_get_user (GovorunElevenlabsEmulator *self,
                        SoupServerMessage         *msg,
                        GHashTable                *params,
                        const char *const         *captures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user_id");
  json_builder_add_string_value (builder, self->user_id);
  json_builder_set_member_name (builder, "subscription");
  json_builder_begin_object (builder);
  build_subscription_members (self, builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "is_new_user");
  json_builder_add_boolean_value (builder, FALSE);
  /* Never echo the key, not even a preview of it. */
  json_builder_set_member_name (builder, "xi_api_key_preview");
  json_builder_add_string_value (builder, "sk_…");
  json_builder_set_member_name (builder, "can_use_delayed_payment_methods");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "is_onboarding_completed");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "is_onboarding_checklist_completed");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "first_name");
  json_builder_add_string_value (builder, "Sandbox");
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, self->user_created_at);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, SOUP_STATUS_OK, root);
}

void
govorun_elevenlabs_emulator_set_subscription (GovorunElevenlabsEmulator *self,
                                              const char                *tier,
                                              gint64                     character_count,
                                              gint64                     character_limit)
{
  g_return_if_fail (GOVORUN_IS_ELEVENLABS_EMULATOR (self));
  g_return_if_fail (tier != NULL);

  g_mutex_lock (&self->lock);
  g_free (self->subscription.tier);
  self->subscription.tier = g_strdup (tier);
  self->subscription.character_count = character_count;
  self->subscription.character_limit = character_limit;
  g_mutex_unlock (&self->lock);
}
