/* test-number-service.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GovorunNumberService against the sandbox's Voximplant emulator with its
 * phone inventory seeded, and a saved account whose key is in a real
 * keyring (run through run-with-keyring.sh).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "govorun-account-store.h"
#include "govorun-client-factory.h"
#include "govorun-endpoints.h"
#include "govorun-format.h"
#include "govorun-number-results.h"
#include "govorun-number-service.h"
#include "govorun-phone-places.h"
#include "govorun-sandbox.h"
#include "govorun-secrets.h"
#include "govorun-store.h"
#include "govorun-util.h"
#include "govorun-voximplant-client.h"
#include "sandbox-services.h"

typedef struct
{
  SandboxServices            s;
  GovorunVoximplantEmulator *emulator;
  GovorunNumberService      *service;
  GovorunAccount            *account;
  GAsyncResult              *result;
} Fixture;

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  test_util_on_result (object, result, &((Fixture *) user_data)->result);
}

static GAsyncResult *
wait_result (Fixture *f)
{
  return test_util_wait (&f->result);
}

static GovorunAccount *
add_account (Fixture    *f,
             const char *account_id,
             const char *secret)
{
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  GovorunAccount *saved;

  govorun_account_set_display_name (draft, account_id);
  govorun_account_set_vox_auth (draft, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (draft, account_id);

  saved = sandbox_services_add_account (&f->s, draft, secret);

  return saved;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sandbox_services_start (&f->s);
  f->emulator = govorun_sandbox_get_voximplant (f->s.sandbox);
  govorun_voximplant_emulator_seed_phone_inventory (f->emulator);

  f->service = govorun_number_service_new (f->s.factory);
  f->account = add_account (f, "7654321", GOVORUN_SANDBOX_VOX_API_KEY);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->account);
  g_clear_object (&f->service);
  g_clear_object (&f->result);
  sandbox_services_stop (&f->s);
}

/* -- synchronous wrappers over the service, for the tests -- */

static GPtrArray *
list_owned (Fixture         *f,
            GovorunAccount  *account,
            GError         **error)
{
  GPtrArray *items;

  govorun_number_service_list_owned_async (f->service, account, NULL, on_result, f);
  items = govorun_number_service_list_owned_finish (f->service, wait_result (f), error);
  g_clear_object (&f->result);

  return items;
}

static GPtrArray *
list_countries (Fixture  *f,
                GError  **error)
{
  GPtrArray *items;

  govorun_number_service_list_countries_async (f->service, f->account, NULL, on_result, f);
  items = govorun_number_service_list_countries_finish (f->service, wait_result (f), error);
  g_clear_object (&f->result);

  return items;
}

static GPtrArray *
list_regions (Fixture     *f,
              const char  *country,
              const char  *category,
              const char  *state,
              GError     **error)
{
  GPtrArray *items;

  govorun_number_service_list_regions_async (f->service, f->account, country, category, state,
                                             NULL, on_result, f);
  items = govorun_number_service_list_regions_finish (f->service, wait_result (f), error);
  g_clear_object (&f->result);

  return items;
}

static GPtrArray *
list_available (Fixture     *f,
                const char  *country,
                const char  *category,
                const char  *state,
                gint64       region_id,
                const char  *mask,
                guint        count,
                guint        offset,
                GError     **error)
{
  GPtrArray *items;

  govorun_number_service_list_available_async (f->service, f->account, country, category, state,
                                               region_id, mask, count, offset, NULL, on_result, f);
  items = govorun_number_service_list_available_finish (f->service, wait_result (f), error);
  g_clear_object (&f->result);

  return items;
}

static GPtrArray *
buy (Fixture     *f,
     const char  *country,
     const char  *category,
     const char  *state,
     gint64       region_id,
     const char  *number,
     GError     **error)
{
  const char *numbers[] = { number, NULL };
  GPtrArray *items;

  govorun_number_service_buy_async (f->service, f->account, country, category, state, region_id,
                                    numbers, NULL, on_result, f);
  items = govorun_number_service_buy_finish (f->service, wait_result (f), error);
  g_clear_object (&f->result);

  return items;
}

static gboolean
bind (Fixture  *f,
      gint64    phone_id,
      gint64    application_id,
      gint64    rule_id,
      gboolean  do_bind,
      GError  **error)
{
  gboolean ok;

  govorun_number_service_bind_async (f->service, f->account, phone_id, application_id, rule_id,
                                     do_bind, NULL, on_result, f);
  ok = govorun_number_service_bind_finish (f->service, wait_result (f), error);
  g_clear_object (&f->result);

  return ok;
}

static gboolean
deactivate (Fixture  *f,
            gint64    phone_id,
            GError  **error)
{
  gboolean ok;

  govorun_number_service_deactivate_async (f->service, f->account, phone_id, NULL, on_result, f);
  ok = govorun_number_service_deactivate_finish (f->service, wait_result (f), error);
  g_clear_object (&f->result);

  return ok;
}

static double
balance (Fixture *f)
{
  g_autoptr(GovorunAccountBalance) info = NULL;
  g_autoptr(GError) error = NULL;

  govorun_number_service_get_balance_async (f->service, f->account, NULL, on_result, f);
  info = govorun_number_service_get_balance_finish (f->service, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpstr (info->currency, ==, "RUB");

  return info->balance;
}

static GovorunPhoneNumber *
find_owned (GPtrArray *owned,
            gint64     phone_id)
{
  for (guint i = 0; i < owned->len; i++)
    {
      GovorunPhoneNumber *number = g_ptr_array_index (owned, i);

      if (number->phone_id == phone_id)
        return number;
    }

  return NULL;
}

static const char *
last_param (Fixture    *f,
            const char *name)
{
  g_autoptr(GHashTable) params = govorun_voximplant_emulator_get_last_params (f->emulator);
  static char *value;

  g_clear_pointer (&value, g_free);
  value = g_strdup (g_hash_table_lookup (params, name));

  return value;
}

/* -- inventory -- */

static void
test_inventory (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GPtrArray) available = NULL;
  g_autoptr(GError) error = NULL;
  GovorunPhoneCountry *ru = NULL, *us = NULL;
  GovorunPhoneRegion *moscow = NULL, *spb = NULL;

  g_setenv ("LANGUAGE", "en_US", TRUE);
  countries = list_countries (f, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (last_param (f, "locale"), ==, "EN");
  for (guint i = 0; i < countries->len; i++)
    {
      GovorunPhoneCountry *country = g_ptr_array_index (countries, i);

      if (g_str_equal (country->country_code, "RU"))
        ru = country;
      else if (g_str_equal (country->country_code, "US"))
        us = country;
    }
  g_assert_nonnull (ru);
  g_assert_nonnull (us);
  g_assert_cmpstr (ru->phone_prefix, ==, "7");
  g_assert_nonnull (ru->name);
  g_assert_cmpuint (ru->categories->len, >=, 3);
  for (guint i = 0; i < ru->categories->len; i++)
    {
      GovorunPhoneCategory *category = g_ptr_array_index (ru->categories, i);

      g_assert_nonnull (category->label);
      g_assert_cmpstr (category->label, !=, "");
      g_assert_false (category->has_states);
    }
  g_assert_cmpuint (us->categories->len, >=, 1);
  g_assert_cmpstr (((GovorunPhoneCategory *) g_ptr_array_index (us->categories, 0))->category, ==, "GEOGRAPHIC");
  g_assert_true (((GovorunPhoneCategory *) g_ptr_array_index (us->categories, 0))->has_states);

  /* Russian UI, Russian names from Voximplant. */
  g_setenv ("LANGUAGE", "ru_RU", TRUE);
  g_assert_cmpstr (govorun_number_service_get_api_locale (), ==, "RU");
  g_clear_pointer (&countries, g_ptr_array_unref);
  countries = list_countries (f, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (last_param (f, "locale"), ==, "RU");
  g_setenv ("LANGUAGE", "en_US", TRUE);
  g_assert_cmpstr (govorun_number_service_get_api_locale (), ==, "EN");

  /* States */
  govorun_number_service_list_states_async (f->service, f->account, "US", "GEOGRAPHIC", NULL, on_result, f);
  states = govorun_number_service_list_states_finish (f->service, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 2);
  for (guint i = 0; i < states->len; i++)
    {
      GovorunPhoneState *state = g_ptr_array_index (states, i);

      g_assert_true (g_str_equal (state->code, "CA") || g_str_equal (state->code, "NY"));
      g_assert_nonnull (state->name);
    }

  /* Regions, with stock, prices and verification */
  regions = list_regions (f, "RU", "GEOGRAPHIC", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < regions->len; i++)
    {
      GovorunPhoneRegion *region = g_ptr_array_index (regions, i);

      if (region->region_id == 101)
        moscow = region;
      else if (region->region_id == 102)
        spb = region;
    }
  g_assert_nonnull (moscow);
  g_assert_nonnull (spb);
  g_assert_cmpstr (moscow->code, ==, "495");
  g_assert_cmpuint (moscow->stock, ==, 12);
  g_assert_cmpfloat_with_epsilon (moscow->monthly_price, 5.0, 0.001);
  g_assert_cmpfloat_with_epsilon (moscow->installation_price, 2.0, 0.001);
  g_assert_false (moscow->verification_required);
  g_assert_true (spb->verification_required);
  g_assert_cmpuint (spb->stock, ==, 5);

  g_clear_pointer (&regions, g_ptr_array_unref);
  regions = list_regions (f, "US", "GEOGRAPHIC", "NY", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 2);
  g_assert_cmpstr (last_param (f, "country_state"), ==, "NY");

  /* Available numbers, with a mask and paging */
  available = list_available (f, "RU", "GEOGRAPHIC", NULL, 101, NULL, 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (available->len, ==, 5);
  g_assert_cmpstr (((GovorunAvailableNumber *) g_ptr_array_index (available, 0))->number, ==, "74951230001");
  g_assert_cmpfloat_with_epsilon (((GovorunAvailableNumber *) g_ptr_array_index (available, 0))->monthly_price, 5.0, 0.001);
  g_assert_cmpfloat_with_epsilon (((GovorunAvailableNumber *) g_ptr_array_index (available, 0))->installation_price, 2.0, 0.001);
  g_assert_cmpint (((GovorunAvailableNumber *) g_ptr_array_index (available, 0))->phone_id, >, 0);

  g_clear_pointer (&available, g_ptr_array_unref);
  available = list_available (f, "RU", "GEOGRAPHIC", NULL, 101, NULL, 5, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (available->len, ==, 2);
  g_assert_cmpstr (((GovorunAvailableNumber *) g_ptr_array_index (available, 0))->number, ==, "74951230011");

  g_clear_pointer (&available, g_ptr_array_unref);
  available = list_available (f, "RU", "GEOGRAPHIC", NULL, 101, "*0012", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (available->len, ==, 1);
  g_assert_cmpstr (((GovorunAvailableNumber *) g_ptr_array_index (available, 0))->number, ==, "74951230012");
  g_assert_cmpstr (last_param (f, "phone_number_mask"), ==, "*0012");

  /* A region that is not offered gets our sentence and keeps the code. */
  g_clear_pointer (&available, g_ptr_array_unref);
  available = list_available (f, "RU", "GEOGRAPHIC", NULL, 999, NULL, 0, 0, &error);
  g_assert_null (available);
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INVALID_REGION);
  g_assert_nonnull (strstr (error->message, "Start again from the choice of country."));
  g_assert_nonnull (strstr (error->message, "Voximplant error 241"));
}

/* -- buying -- */

static void
test_buy (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) bought = NULL;
  g_autoptr(GPtrArray) available = NULL;
  g_autoptr(GError) error = NULL;
  const char *two[] = { "78121230001", "78121230002", NULL };
  GovorunPhoneNumber *number;
  double start_balance;
  guint n_before;

  start_balance = balance (f);
  g_assert_cmpfloat_with_epsilon (start_balance, 1234.50, 0.001);

  before = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  n_before = before->len;

  bought = buy (f, "RU", "GEOGRAPHIC", NULL, 101, "74951230003", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bought->len, ==, 1);
  number = g_ptr_array_index (bought, 0);
  /* Complete, as the owned list has it. */
  g_assert_cmpstr (number->number, ==, "74951230003");
  g_assert_cmpstr (number->country_code, ==, "RU");
  g_assert_cmpstr (number->category, ==, "GEOGRAPHIC");
  g_assert_cmpstr (number->region_name, ==, "Moscow");
  g_assert_cmpfloat_with_epsilon (number->monthly_price, 5.0, 0.001);
  g_assert_nonnull (number->next_renewal);
  g_assert_cmpuint (strlen (number->next_renewal), ==, 10);
  g_assert_false (number->deactivated);
  g_assert_false (number->verification_required);
  g_assert_cmpint (number->application_id, ==, 0);
  g_assert_null (number->application_name);
  g_assert_cmpint (number->rule_id, ==, 0);
  /* Installation and the first month. */
  g_assert_cmpfloat_with_epsilon (balance (f), start_balance - 7.0, 0.001);
  /* Bought once: a mutation is sent exactly once. */
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator), "AttachPhoneNumber"), ==, 1);

  /* Out of stock now. */
  available = list_available (f, "RU", "GEOGRAPHIC", NULL, 101, "*0003", 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (available->len, ==, 0);

  /* Two at once in a region that asks for documents: not an error, flagged. */
  g_clear_pointer (&bought, g_ptr_array_unref);
  govorun_number_service_buy_async (f->service, f->account, "RU", "GEOGRAPHIC", NULL, 102, two,
                                    NULL, on_result, f);
  bought = govorun_number_service_buy_finish (f->service, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpuint (bought->len, ==, 2);
  for (guint i = 0; i < bought->len; i++)
    {
      number = g_ptr_array_index (bought, i);
      g_assert_true (number->verification_required);
      g_assert_cmpstr (number->region_name, ==, "Saint Petersburg");
    }

  /* A state of the US. */
  g_clear_pointer (&bought, g_ptr_array_unref);
  bought = buy (f, "US", "GEOGRAPHIC", "NY", 203, "12125550101", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bought->len, ==, 1);
  g_assert_cmpstr (((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->country_code, ==, "US");

  /* Every page of the owned list: pages of one. */
  govorun_number_service_set_page_size (f->service, 1);
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->emulator));
  after = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, n_before + 4);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator), "GetPhoneNumbers"),
                    >=, n_before + 4);
  g_assert_nonnull (find_owned (after, ((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->phone_id));
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number"),
                    ==, n_before + 4);
}

/* -- purchases whose answer is odd or lost -- */

/* Rewrites AttachPhoneNumber's answer to the shape named by @user_data. */
static void
edit_attach_answer (JsonObject *answer,
                    gpointer    user_data)
{
  const char *shape = user_data;
  JsonArray *numbers = json_object_get_array_member (answer, "phone_numbers");
  JsonObject *item = json_array_get_object_element (numbers, 0);

  if (g_str_equal (shape, "string"))
    {
      /* Voximplant's own shape; without a status the code decides. */
      json_object_set_string_member (item, "required_verification", "RU");
      json_object_remove_member (item, "verification_status");
    }
  else if (g_str_equal (shape, "empty-string"))
    json_object_set_string_member (item, "required_verification", "");
  else if (g_str_equal (shape, "missing-field"))
    json_object_remove_member (item, "required_verification");
  else if (g_str_equal (shape, "boolean"))
    json_object_set_boolean_member (item, "required_verification", TRUE);
  else if (g_str_equal (shape, "extra-fields"))
    {
      json_object_set_string_member (item, "unverified_hold_until", "2026-12-31");
      json_object_set_array_member (item, "something_new", json_array_new ());
      json_object_set_int_member (answer, "total_count", 1);
      json_object_set_object_member (answer, "more", json_object_new ());
    }
  else if (g_str_equal (shape, "result-string"))
    json_object_set_string_member (answer, "result", "1");
  else if (g_str_equal (shape, "no-numbers"))
    json_object_remove_member (answer, "phone_numbers");
  else if (g_str_equal (shape, "id-string"))
    json_object_set_string_member (item, "phone_id", "5");
  else
    g_assert_not_reached ();
}

static guint
count_number (GPtrArray  *owned,
              const char *number)
{
  guint n = 0;

  for (guint i = 0; i < owned->len; i++)
    n += g_strcmp0 (((GovorunPhoneNumber *) g_ptr_array_index (owned, i))->number, number) == 0;

  return n;
}

/* The purchase of @number went through once: returned, charged once,
 * owned once, and AttachPhoneNumber was sent once. */
static void
assert_bought_once (Fixture    *f,
                    GPtrArray  *bought,
                    const char *number,
                    double      balance_before,
                    double      price)
{
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bought);
  g_assert_cmpuint (bought->len, ==, 1);
  g_assert_cmpstr (((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->number, ==, number);
  g_assert_cmpint (((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->phone_id, >, 0);
  g_assert_cmpfloat_with_epsilon (balance (f), balance_before - price, 0.001);
  owned = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_number (owned, number), ==, 1);
  g_assert_nonnull (find_owned (owned, ((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->phone_id));
}

static void
test_buy_odd_answers (Fixture       *f,
                      gconstpointer  data)
{
  const char *shapes[] = {
    "string", "empty-string", "missing-field", "boolean", "extra-fields",
    "result-string", "no-numbers", "id-string", "dropped",
  };
  GovorunEmulator *emulator = GOVORUN_EMULATOR (f->emulator);

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(GPtrArray) bought = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *number = g_strdup_printf ("749512300%02u", i + 1);
      GovorunFault fault = { .after_handling = TRUE, .times = 1 };
      double before = balance (f);

      g_test_message ("AttachPhoneNumber answered with the shape “%s”", shapes[i]);
      if (g_str_equal (shapes[i], "dropped"))
        fault.drop_connection = TRUE;
      else
        {
          fault.edit_answer = edit_attach_answer;
          fault.edit_data = (gpointer) shapes[i];
        }
      govorun_emulator_add_fault (emulator, "AttachPhoneNumber", &fault);
      govorun_emulator_reset_counts (emulator);

      bought = buy (f, "RU", "GEOGRAPHIC", NULL, 101, number, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (govorun_emulator_get_request_count (emulator, "AttachPhoneNumber"), ==, 1);
      /* Moscow: 2.00 installation and 5.00 for the first month. */
      assert_bought_once (f, bought, number, before, 7.0);
      /* Voximplant's country code marks a number that needs documents. */
      g_assert_cmpint (((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->verification_required,
                       ==, g_str_equal (shapes[i], "string"));
    }
}

/* Bought, then asked again (a retry after a lost answer): 182 for a
 * number that is ours is the purchase, not "someone else". */
static void
test_buy_own_number_again (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) bought = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  double before = balance (f);
  gint64 phone_id;

  bought = buy (f, "RU", "GEOGRAPHIC", NULL, 101, "74951230011", &error);
  g_assert_no_error (error);
  phone_id = ((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->phone_id;

  again = buy (f, "RU", "GEOGRAPHIC", NULL, 101, "+74951230011", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator), "AttachPhoneNumber"), ==, 2);
  g_assert_cmpint (((GovorunPhoneNumber *) g_ptr_array_index (again, 0))->phone_id, ==, phone_id);
  assert_bought_once (f, again, "74951230011", before, 7.0);

  /* Someone else's number stays an error. */
  g_clear_pointer (&again, g_ptr_array_unref);
  govorun_voximplant_emulator_add_account (f->emulator, 1234567, "other", "other@example.com", "other-key",
                                           100, "RUB");
  g_assert_cmpint (govorun_voximplant_emulator_add_owned_number (f->emulator, 1234567, "74951230012",
                                                                 "RU", "GEOGRAPHIC", "Moscow"), >, 0);
  again = buy (f, "RU", "GEOGRAPHIC", NULL, 101, "74951230012", &error);
  g_assert_null (again);
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "Voximplant error 182"));
}

/* AttachPhoneNumber answered, but the list cannot be read after it:
 * its own answer is the result, not an error. */
static void
test_buy_list_lost (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) bought = NULL;
  g_autoptr(GError) error = NULL;
  GovorunFault lost = { .drop_connection = TRUE, .times = -1 };
  double before = balance (f);

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), "GetPhoneNumbers", &lost);
  bought = buy (f, "RU", "GEOGRAPHIC", NULL, 102, "78121230004", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bought->len, ==, 1);
  g_assert_cmpstr (((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->number, ==, "78121230004");
  g_assert_true (((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->verification_required);
  govorun_emulator_clear_faults (GOVORUN_EMULATOR (f->emulator));
  /* Saint Petersburg: 2.00 installation and 4.00 for the first month. */
  assert_bought_once (f, bought, "78121230004", before, 6.0);
}

static void
test_buy_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) bought = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GovorunAccount) revoked = NULL;
  g_autoptr(GError) error = NULL;
  GovorunFault fault = { .provider_code = 332, .times = 1 };

  /* 127: the price, the balance and where to top up. */
  govorun_voximplant_emulator_set_balance (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, 3.5);
  bought = buy (f, "RU", "TOLLFREE", NULL, 104, "78001230001", &error);
  g_assert_null (bought);
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INSUFFICIENT_FUNDS);
  /* Our sentence gives the amounts as every other amount reads ("RUB" is
   * left only to the provider's own quoted words after it). */
  g_assert_nonnull (strstr (error->message, "the numbers cost 80.00 ₽, the balance is 3.50 ₽"));
  {
    g_autofree char *ours = g_strndup (error->message, strstr (error->message, "Voximplant error") - error->message);

    g_assert_null (strstr (ours, "RUB"));
  }
  g_assert_nonnull (strstr (error->message, "Top up the balance in the Voximplant control panel"));
  g_assert_nonnull (strstr (error->message, "Voximplant error 127"));
  g_clear_error (&error);
  govorun_voximplant_emulator_set_balance (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, 1000);

  /* 331: none in stock in Buffalo. */
  bought = buy (f, "US", "GEOGRAPHIC", "NY", 204, "17165550101", &error);
  g_assert_null (bought);
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_NO_STOCK);
  g_assert_nonnull (strstr (error->message, "Choose another region."));
  g_assert_nonnull (strstr (error->message, "Voximplant error 331"));
  g_clear_error (&error);

  /* 332, as Voximplant would answer a count larger than the stock. */
  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), "AttachPhoneNumber", &fault);
  bought = buy (f, "RU", "GEOGRAPHIC", NULL, 101, "74951230001", &error);
  g_assert_null (bought);
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_NO_STOCK);
  g_assert_nonnull (strstr (error->message, "another region"));
  g_assert_nonnull (strstr (error->message, "Voximplant error 332"));
  g_clear_error (&error);

  /* 121: not on sale in this region. */
  bought = buy (f, "RU", "GEOGRAPHIC", NULL, 101, "78121230001", &error);
  g_assert_null (bought);
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "Voximplant error 121"));
  g_clear_error (&error);

  /* Nothing was bought by any of them. */
  owned = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (owned->len, ==, govorun_voximplant_emulator_count_objects (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number"));
  g_assert_null (find_owned (owned, 0));
  for (guint i = 0; i < owned->len; i++)
    g_assert_cmpstr (((GovorunPhoneNumber *) g_ptr_array_index (owned, i))->number, !=, "74951230001");

  /* Transport and authorization errors pass through with their code. */
  revoked = add_account (f, "7654322", "revoked-key");
  g_clear_pointer (&owned, g_ptr_array_unref);
  owned = list_owned (f, revoked, &error);
  g_assert_null (owned);
  g_assert_error (error, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED);
  g_assert_cmpint (govorun_voximplant_error_get_provider_code (error), ==, 100);
}

static void
test_wrong_account (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GovorunAccount) elevenlabs = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GError) error = NULL;

  owned = list_owned (f, elevenlabs, &error);
  g_assert_null (owned);
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_WRONG_ACCOUNT);
}

/* -- binding and deactivation -- */

static GovorunVoximplantClient *
vox_client (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GovorunVoximplantClient *client;

  govorun_client_factory_voximplant_async (f->s.factory, f->account, NULL, NULL, on_result, f);
  client = govorun_client_factory_voximplant_finish (f->s.factory, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);

  return client;
}

static void
test_bind (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GovorunVoximplantClient) client = vox_client (f);
  g_autoptr(GovorunVoximplantApplication) app = NULL;
  g_autoptr(GPtrArray) bought = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GError) error = NULL;
  GovorunPhoneNumber *number;
  gint64 app_id, scenario_id, rule_id, phone_id;
  guint bound_before;

  govorun_voximplant_client_add_application_async (client, "numtest", FALSE, NULL, on_result, f);
  app = govorun_voximplant_client_add_application_finish (client, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  app_id = app->application_id;

  govorun_voximplant_client_add_scenario_async (client, "numtest-inbound", "VoxEngine.terminate();", 0,
                                                NULL, on_result, f);
  scenario_id = govorun_voximplant_client_add_scenario_finish (client, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);

  govorun_voximplant_client_add_rule_async (client, app_id, "numtest-in", "74951230005", scenario_id,
                                            NULL, on_result, f);
  rule_id = govorun_voximplant_client_add_rule_finish (client, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);
  g_assert_cmpint (rule_id, >, 0);

  bought = buy (f, "RU", "GEOGRAPHIC", NULL, 101, "74951230005", &error);
  g_assert_no_error (error);
  phone_id = ((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->phone_id;
  bound_before = govorun_voximplant_emulator_count_objects (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "bound-number");

  /* Bind to the application and the rule. */
  g_assert_true (bind (f, phone_id, app_id, rule_id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (last_param (f, "bind"), ==, "true");
  owned = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  number = find_owned (owned, phone_id);
  g_assert_nonnull (number);
  g_assert_cmpint (number->application_id, ==, app_id);
  g_assert_true (g_str_has_prefix (number->application_name, "numtest."));
  g_assert_cmpint (number->rule_id, ==, rule_id);
  g_assert_cmpstr (number->rule_name, ==, "numtest-in");
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "bound-number"),
                    ==, bound_before + 1);

  /* Unbind without saying from what: the service finds the application. */
  g_assert_true (bind (f, phone_id, 0, 0, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (last_param (f, "bind"), ==, "false");
  g_clear_pointer (&owned, g_ptr_array_unref);
  owned = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  number = find_owned (owned, phone_id);
  g_assert_cmpint (number->application_id, ==, 0);
  g_assert_null (number->application_name);
  g_assert_cmpint (number->rule_id, ==, 0);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "bound-number"),
                    ==, bound_before);

  /* Unbinding an unbound number is done at once. */
  govorun_emulator_reset_counts (GOVORUN_EMULATOR (f->emulator));
  g_assert_true (bind (f, phone_id, 0, 0, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_emulator_get_request_count (GOVORUN_EMULATOR (f->emulator), "BindPhoneNumberToApplication"), ==, 0);

  /* Bound to the application only, then unbound from it by id. */
  g_assert_true (bind (f, phone_id, app_id, 0, TRUE, &error));
  g_assert_no_error (error);
  g_assert_null (last_param (f, "rule_id"));
  g_assert_true (bind (f, phone_id, app_id, 0, FALSE, &error));
  g_assert_no_error (error);

  /* A number the account does not have. */
  g_assert_false (bind (f, 987654321, app_id, 0, TRUE, &error));
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "Voximplant error 181"));
  g_clear_error (&error);
  g_assert_false (bind (f, 987654321, 0, 0, FALSE, &error));
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER);
}

static void
test_deactivate (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) bought = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GError) error = NULL;
  gint64 phone_id;
  guint n;

  bought = buy (f, "RU", "MOBILE", NULL, 103, "79161230001", &error);
  g_assert_no_error (error);
  phone_id = ((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->phone_id;
  n = govorun_voximplant_emulator_count_objects (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number");

  g_assert_true (deactivate (f, phone_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number"),
                    ==, n - 1);
  owned = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  g_assert_null (find_owned (owned, phone_id));

  /* Once more: the number is gone. */
  g_assert_false (deactivate (f, phone_id, &error));
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INVALID_NUMBER);
  g_assert_nonnull (strstr (error->message, "Refresh the list of numbers."));
  g_assert_nonnull (strstr (error->message, "Voximplant error 181"));
  g_clear_error (&error);

  /* Where deactivated numbers stay listed, they say so. */
  g_object_set (f->emulator, "keep-deactivated-numbers", TRUE, NULL);
  g_clear_pointer (&bought, g_ptr_array_unref);
  bought = buy (f, "RU", "MOBILE", NULL, 103, "79161230002", &error);
  g_assert_no_error (error);
  phone_id = ((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->phone_id;
  g_assert_true (deactivate (f, phone_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&owned, g_ptr_array_unref);
  owned = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_owned (owned, phone_id));
  g_assert_true (find_owned (owned, phone_id)->deactivated);
}

/* Binding and deactivating whose answers are lost are read again. */
static void
test_mutations_answer_lost (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GovorunVoximplantClient) client = vox_client (f);
  g_autoptr(GovorunVoximplantApplication) app = NULL;
  g_autoptr(GPtrArray) bought = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GError) error = NULL;
  GovorunFault dropped = { .after_handling = TRUE, .drop_connection = TRUE, .times = 1 };
  GovorunFault refused = { .drop_connection = TRUE, .times = 1 };
  gint64 phone_id;

  govorun_voximplant_client_add_application_async (client, "lost", FALSE, NULL, on_result, f);
  app = govorun_voximplant_client_add_application_finish (client, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_no_error (error);

  bought = buy (f, "RU", "MOBILE", NULL, 103, "79161230003", &error);
  g_assert_no_error (error);
  phone_id = ((GovorunPhoneNumber *) g_ptr_array_index (bought, 0))->phone_id;

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), "BindPhoneNumberToApplication", &dropped);
  g_assert_true (bind (f, phone_id, app->application_id, 0, TRUE, &error));
  g_assert_no_error (error);
  owned = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_owned (owned, phone_id)->application_id, ==, app->application_id);

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), "BindPhoneNumberToApplication", &dropped);
  g_assert_true (bind (f, phone_id, app->application_id, 0, FALSE, &error));
  g_assert_no_error (error);

  /* Lost before it was carried out: the number says so, the error stands. */
  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), "BindPhoneNumberToApplication", &refused);
  g_assert_false (bind (f, phone_id, app->application_id, 0, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), "DeactivatePhoneNumber", &dropped);
  g_assert_true (deactivate (f, phone_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&owned, g_ptr_array_unref);
  owned = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  g_assert_null (find_owned (owned, phone_id));
}

/* -- answers that do not match the reference -- */

typedef struct
{
  SoupServer *server;
  char       *url;
  char       *body;
} RawServer;

static void
on_raw_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  RawServer *raw = user_data;

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    raw->body, strlen (raw->body));
}

/* Every call of @op against a server answering @body must fail with
 * BAD_RESPONSE naming @field. */
typedef enum { OP_OWNED, OP_COUNTRIES, OP_REGIONS, OP_AVAILABLE, OP_BUY } Op;

static void
assert_bad_response (Fixture    *f,
                     RawServer  *raw,
                     Op          op,
                     const char *body,
                     const char *field)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", field);

  g_free (raw->body);
  raw->body = g_strdup (body);

  switch (op)
    {
    case OP_OWNED:
      items = list_owned (f, f->account, &error);
      break;
    case OP_COUNTRIES:
      items = list_countries (f, &error);
      break;
    case OP_REGIONS:
      items = list_regions (f, "RU", "GEOGRAPHIC", NULL, &error);
      break;
    case OP_AVAILABLE:
      items = list_available (f, "RU", "GEOGRAPHIC", NULL, 101, NULL, 0, 0, &error);
      break;
    case OP_BUY:
    default:
      items = buy (f, "RU", "GEOGRAPHIC", NULL, 101, "74951230001", &error);
      break;
    }

  g_assert_null (items);
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_BAD_RESPONSE);
  if (strstr (error->message, quoted) == NULL)
    g_error ("“%s” not named in: %s", field, error->message);
}

static void
test_bad_response (Fixture       *f,
                   gconstpointer  data)
{
  RawServer raw = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GSList *uris;
  GUri *uri;

  raw.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (raw.server, NULL, on_raw_request, &raw, NULL);
  g_assert_true (soup_server_listen_local (raw.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (raw.server);
  uri = uris->data;
  raw.url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  govorun_endpoints_set_sandbox (f->s.endpoints, raw.url, govorun_sandbox_get_elevenlabs_url (f->s.sandbox));

  /* No "result" at all: the client's own check, reported by the service. */
  raw.body = g_strdup ("{}");
  items = list_owned (f, f->account, &error);
  g_assert_null (items);
  g_assert_error (error, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "“result”"));
  g_clear_error (&error);
  assert_bad_response (f, &raw, OP_OWNED, "{\"result\": {}}", "result");
  assert_bad_response (f, &raw, OP_OWNED, "{\"result\": [1]}", "result");
  assert_bad_response (f, &raw, OP_OWNED, "{\"result\": [{\"phone_number\": \"74951230001\"}]}", "phone_id");
  assert_bad_response (f, &raw, OP_OWNED, "{\"result\": [{\"phone_id\": \"5\", \"phone_number\": \"7495\"}]}", "phone_id");
  assert_bad_response (f, &raw, OP_OWNED, "{\"result\": [{\"phone_id\": 5, \"phone_number\": 7495}]}", "phone_number");
  assert_bad_response (f, &raw, OP_OWNED, "{\"result\": [{\"phone_id\": 5, \"phone_number\": \"7495\", \"application_id\": \"5\"}]}", "application_id");
  assert_bad_response (f, &raw, OP_OWNED, "{\"result\": [{\"phone_id\": 5, \"phone_number\": \"7495\", \"deactivated\": 0}]}", "deactivated");
  assert_bad_response (f, &raw, OP_OWNED, "{\"result\": [], \"total_count\": \"0\"}", "total_count");
  assert_bad_response (f, &raw, OP_COUNTRIES, "{\"result\": [{\"localized_country_name\": \"Russia\"}]}", "country_code");
  assert_bad_response (f, &raw, OP_COUNTRIES, "{\"result\": [{\"country_code\": \"RU\", \"phone_categories\": {}}]}", "phone_categories");
  assert_bad_response (f, &raw, OP_COUNTRIES, "{\"result\": [{\"country_code\": \"RU\", \"phone_categories\": [{\"country_has_states\": false}]}]}", "phone_category_name");
  assert_bad_response (f, &raw, OP_REGIONS, "{\"result\": [{\"phone_region_id\": 1, \"phone_region_name\": \"X\", \"phone_count\": true}]}", "phone_count");
  assert_bad_response (f, &raw, OP_AVAILABLE, "{\"result\": [{\"phone_id\": 1}]}", "phone_number");
  assert_bad_response (f, &raw, OP_BUY, "{\"result\": 1}", "phone_numbers");
  assert_bad_response (f, &raw, OP_BUY, "{\"result\": 1, \"phone_numbers\": [{\"phone_number\": \"7495\"}]}", "phone_id");

  /* Nulls and unknown fields are fine; a missing name falls back to the code. */
  g_free (raw.body);
  raw.body = g_strdup ("{\"result\": [{\"phone_id\": 5, \"phone_number\": \"7495\", \"application_id\": null,"
                       " \"rule_name\": null, \"something_new\": [1, 2]}], \"total_count\": 1}");
  items = list_owned (f, f->account, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((GovorunPhoneNumber *) g_ptr_array_index (items, 0))->application_id, ==, 0);
  g_assert_null (((GovorunPhoneNumber *) g_ptr_array_index (items, 0))->rule_name);
  g_clear_pointer (&items, g_ptr_array_unref);

  g_free (raw.body);
  raw.body = g_strdup ("{\"result\": [{\"country_code\": \"XX\", \"phone_categories\": [{\"phone_category_name\": \"MOBILE\"}]}]}");
  items = list_countries (f, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((GovorunPhoneCountry *) g_ptr_array_index (items, 0))->name, ==, "XX");
  g_assert_cmpstr (((GovorunPhoneCategory *) g_ptr_array_index (((GovorunPhoneCountry *) g_ptr_array_index (items, 0))->categories, 0))->label,
                   ==, "Mobile");

  soup_server_disconnect (raw.server);
  g_clear_object (&raw.server);
  g_free (raw.body);
  g_free (raw.url);
}

/* -- cancellation -- */

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char *numbers[] = { "74951230007", NULL };
  GPtrArray *items;
  guint n = govorun_voximplant_emulator_count_objects (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number");

  g_cancellable_cancel (cancellable);

  govorun_number_service_list_owned_async (f->service, f->account, cancellable, on_result, f);
  items = govorun_number_service_list_owned_finish (f->service, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  govorun_number_service_buy_async (f->service, f->account, "RU", "GEOGRAPHIC", NULL, 101, numbers,
                                    cancellable, on_result, f);
  items = govorun_number_service_buy_finish (f->service, wait_result (f), &error);
  g_clear_object (&f->result);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (f->emulator, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number"), ==, n);

  /* Cancelled while the request is on its way. */
  {
    GovorunFault slow = { .delay_ms = 500, .times = 1 };
    g_autoptr(GCancellable) later = g_cancellable_new ();
    g_autoptr(GovorunAccountBalance) info = NULL;

    govorun_emulator_add_fault (GOVORUN_EMULATOR (f->emulator), "GetAccountInfo", &slow);
    govorun_number_service_get_balance_async (f->service, f->account, later, on_result, f);
    g_timeout_add_once (50, (GSourceOnceFunc) g_cancellable_cancel, later);
    info = govorun_number_service_get_balance_finish (f->service, wait_result (f), &error);
    g_clear_object (&f->result);
    g_assert_null (info);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

/* One table names the places of the numbers list and the Buy dialog; a
 * place it does not know keeps Voximplant's own name. */
static void
test_place_names (void)
{
  g_assert_cmpstr (govorun_phone_places_region_name ("Moscow", "Москва"), ==, "Moscow");
  g_assert_cmpstr (govorun_phone_places_region_name ("St. Petersburg", NULL), ==, "Saint Petersburg");
  g_assert_cmpstr (govorun_phone_places_region_name ("Atlantis", "Атлантида"), ==, "Атлантида");
  g_assert_cmpstr (govorun_phone_places_region_name ("Atlantis", ""), ==, "Atlantis");
  g_assert_cmpstr (govorun_phone_places_region_name (NULL, NULL), ==, "");
  g_assert_cmpstr (govorun_phone_places_country_name ("RU", "Российская Федерация"), ==, "Russia");
  g_assert_cmpstr (govorun_phone_places_country_name ("XX", NULL), ==, "XX");
  g_assert_cmpstr (govorun_phone_places_state_name ("New York", NULL), ==, "New York");
  g_assert_cmpstr (govorun_phone_places_state_name ("Ohio", "OH"), ==, "OH");
}

/* The not-enough-money sentence formats its amounts with the one money
 * format (locale digits, the rouble sign), whatever the provider said. */
static void
test_insufficient_funds_money (void)
{
  g_autoptr(GError) both = govorun_number_new_insufficient_funds (TRUE, 1234.5, TRUE, 3.5, "RUB", NULL);
  g_autoptr(GError) balance = govorun_number_new_insufficient_funds (FALSE, 0, TRUE, 7, "RUR", NULL);
  g_autoptr(GError) dollars = govorun_number_new_insufficient_funds (TRUE, 2, TRUE, 1, "USD", NULL);
  g_autofree char *cost_text = govorun_format_money (1234.5, "RUB");
  g_autofree char *expected = g_strdup_printf ("the numbers cost %s, the balance is 3.50 ₽", cost_text);

  g_assert_error (both, GOVORUN_NUMBER_SERVICE_ERROR, GOVORUN_NUMBER_SERVICE_ERROR_INSUFFICIENT_FUNDS);
  g_assert_nonnull (strstr (both->message, expected));
  g_assert_null (strstr (both->message, "RUB"));
  g_assert_nonnull (strstr (balance->message, "the balance is 7.00 ₽."));
  g_assert_nonnull (strstr (dollars->message, "the numbers cost 2.00 USD, the balance is 1.00 USD"));
}

int
main (int   argc,
      char *argv[])
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: it hides the system GSettings schemas that
   * the proxy resolver needs; run-with-keyring.sh gives a throwaway HOME. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/NumberService/place-names", test_place_names);
  g_test_add_func ("/Govorun/NumberService/insufficient-funds-money", test_insufficient_funds_money);
  g_test_add ("/Govorun/NumberService/inventory", Fixture, NULL,
              fixture_setup, test_inventory, fixture_teardown);
  g_test_add ("/Govorun/NumberService/buy", Fixture, NULL,
              fixture_setup, test_buy, fixture_teardown);
  g_test_add ("/Govorun/NumberService/buy-odd-answers", Fixture, NULL,
              fixture_setup, test_buy_odd_answers, fixture_teardown);
  g_test_add ("/Govorun/NumberService/buy-own-number-again", Fixture, NULL,
              fixture_setup, test_buy_own_number_again, fixture_teardown);
  g_test_add ("/Govorun/NumberService/buy-list-lost", Fixture, NULL,
              fixture_setup, test_buy_list_lost, fixture_teardown);
  g_test_add ("/Govorun/NumberService/mutations-answer-lost", Fixture, NULL,
              fixture_setup, test_mutations_answer_lost, fixture_teardown);
  g_test_add ("/Govorun/NumberService/buy-errors", Fixture, NULL,
              fixture_setup, test_buy_errors, fixture_teardown);
  g_test_add ("/Govorun/NumberService/wrong-account", Fixture, NULL,
              fixture_setup, test_wrong_account, fixture_teardown);
  g_test_add ("/Govorun/NumberService/bind", Fixture, NULL,
              fixture_setup, test_bind, fixture_teardown);
  g_test_add ("/Govorun/NumberService/deactivate", Fixture, NULL,
              fixture_setup, test_deactivate, fixture_teardown);
  g_test_add ("/Govorun/NumberService/bad-response", Fixture, NULL,
              fixture_setup, test_bad_response, fixture_teardown);
  g_test_add ("/Govorun/NumberService/cancel", Fixture, NULL,
              fixture_setup, test_cancel, fixture_teardown);

  return g_test_run ();
}
