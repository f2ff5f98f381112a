/* govorun-vox-emu-market.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include "govorun-voximplant-emulator-private.h"

/* The number market: the seeded inventory (countries, categories,
 * states, regions and their stock), the methods that browse it and
 * AttachPhoneNumber, the purchase. */

/* What the market offers, besides the regions. */
typedef struct
{
  const char *country_code;
  const char *name;
  const char *name_ru;
  const char *prefix;
} CountryInfo;

typedef struct
{
  const char *country_code;
  const char *category;
  gboolean    has_states;
  const char *name;
  const char *name_ru;
} CategoryInfo;

typedef struct
{
  const char *country_code;
  const char *state;
  const char *name;
} StateInfo;

static const CountryInfo inventory_countries[] = {
  { "RU", "Russia", "Россия", "7" },
  { "US", "United States", "США", "1" },
};

static const CategoryInfo inventory_categories[] = {
  { "RU", "GEOGRAPHIC", FALSE, "Geographic", "Географический" },
  { "RU", "MOBILE", FALSE, "Mobile", "Мобильный" },
  { "RU", "TOLLFREE", FALSE, "Toll-free", "Бесплатный" },
  { "US", "GEOGRAPHIC", TRUE, "Geographic", "Географический" },
};

static const StateInfo inventory_states[] = {
  { "US", "CA", "California" },
  { "US", "NY", "New York" },
};

/* Saint Petersburg needs verification, Buffalo is out of stock. */
static const RegionSeed inventory_regions[] = {
  { 101, "RU", "GEOGRAPHIC", NULL, "Moscow", "Москва", "495", 5.0, 2.0, FALSE, 12, 74951230001 },
  { 102, "RU", "GEOGRAPHIC", NULL, "Saint Petersburg", "Санкт-Петербург", "812", 4.0, 2.0, TRUE, 5, 78121230001 },
  { 103, "RU", "MOBILE", NULL, "Mobile", "Мобильные", "9", 6.0, 1.0, FALSE, 8, 79161230001 },
  { 104, "RU", "TOLLFREE", NULL, "Toll-free", "Бесплатные", "800", 30.0, 50.0, FALSE, 3, 78001230001 },
  { 201, "US", "GEOGRAPHIC", "CA", "Los Angeles", "Лос-Анджелес", "213", 1.0, 1.0, FALSE, 6, 12135550101 },
  { 202, "US", "GEOGRAPHIC", "CA", "San Francisco", "Сан-Франциско", "415", 1.0, 1.0, FALSE, 4, 14155550101 },
  { 203, "US", "GEOGRAPHIC", "NY", "New York", "Нью-Йорк", "212", 2.0, 1.0, FALSE, 5, 12125550101 },
  { 204, "US", "GEOGRAPHIC", "NY", "Buffalo", "Буффало", "716", 1.0, 1.0, FALSE, 0, 17165550101 },
};

/* Digits only, an optional leading "+" dropped, 7 to 15 digits (E.164);
 * NULL otherwise (error 121). */
char *
vox_emu_normalize_number (const char *text)
{
  gsize len;

  if (text == NULL)
    return NULL;
  if (*text == '+')
    text++;

  len = strlen (text);
  if (len < 7 || len > 15)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return NULL;

  return g_strdup (text);
}

static const CountryInfo *
find_country (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (inventory_countries); i++)
    if (g_strcmp0 (inventory_countries[i].country_code, code) == 0)
      return &inventory_countries[i];

  return NULL;
}

static const CategoryInfo *
find_category (const char *country_code,
               const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (inventory_categories); i++)
    if (g_str_equal (inventory_categories[i].country_code, country_code)
        && g_strcmp0 (inventory_categories[i].category, category) == 0)
      return &inventory_categories[i];

  return NULL;
}

static Region *
find_region (GovorunVoximplantEmulator *self,
             gint64                     region_id)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);

      if (region->seed->region_id == region_id)
        return region;
    }

  return NULL;
}

Region *
vox_emu_find_region_by_name (GovorunVoximplantEmulator *self,
                             const char                *country_code,
                             const char                *category,
                             const char                *name)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);

      if (g_strcmp0 (region->seed->country_code, country_code) == 0
          && g_strcmp0 (region->seed->category, category) == 0
          && g_strcmp0 (region->seed->name, name) == 0)
        return region;
    }

  return NULL;
}

/* Only the seeded countries exist; "locale" picks EN or RU names. */
static gboolean
call_get_locale_ru (Call     *call,
                    gboolean *ru)
{
  const char *locale = vox_emu_call_param (call, "locale");

  *ru = FALSE;
  if (locale == NULL || g_ascii_strcasecmp (locale, "EN") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (locale, "RU") == 0)
    {
      *ru = TRUE;
      return TRUE;
    }

  vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, "Invalid arguments: 'locale' must be EN or RU");
  return FALSE;
}

/* country_code (239), phone_category_name (240) and, when given,
 * country_state (242). */
static const CategoryInfo *
call_get_category (Call        *call,
                   const char **state_out)
{
  const char *country_code, *category_name, *state = vox_emu_call_param (call, "country_state");
  const CategoryInfo *category;

  *state_out = NULL;
  if ((country_code = vox_emu_call_require (call, "country_code")) == NULL
      || (category_name = vox_emu_call_require (call, "phone_category_name")) == NULL)
    return NULL;

  if (call->self->regions->len == 0 || find_country (country_code) == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_COUNTRY_CODE, "Invalid country_code: %s", country_code);
      return NULL;
    }

  category = find_category (country_code, category_name);
  if (category == NULL)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_CATEGORY_NAME,
                           "Invalid phone_category_name: %s", category_name);
      return NULL;
    }

  if (state != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; category->has_states && i < G_N_ELEMENTS (inventory_states); i++)
        found |= g_str_equal (inventory_states[i].country_code, country_code)
                 && g_str_equal (inventory_states[i].state, state);
      if (!found)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_COUNTRY_STATE, "Invalid country_state: %s", state);
          return NULL;
        }
    }

  *state_out = state;
  return category;
}

/* phone_region_id within the category (and state): 241 otherwise. */
static Region *
call_get_region (Call               *call,
                 const CategoryInfo *category,
                 const char         *state)
{
  const char *text;
  Region *region = NULL;
  gint64 id;

  if ((text = vox_emu_call_require (call, "phone_region_id")) == NULL)
    return NULL;

  if (vox_emu_parse_single_id (text, &id))
    region = find_region (call->self, id);

  if (region == NULL
      || !g_str_equal (region->seed->country_code, category->country_code)
      || !g_str_equal (region->seed->category, category->category)
      || (state != NULL && g_strcmp0 (region->seed->state, state) != 0))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_REGION_ID, "Invalid phone_region_id: %s", text);
      return NULL;
    }

  return region;
}

/* UNVERIFIED: value names of verification_status ("REQUIRED" until the
 * account is verified for the region, else "NOT_REQUIRED"). */
const char *
vox_emu_verification_status (gboolean required)
{
  return required ? "REQUIRED" : "NOT_REQUIRED";
}

/* required_verification is a string, the country code where documents
 * are required, and absent otherwise ("omitempty" in Voximplant's Go
 * client; NewAttachedPhoneInfoType in the docs). */
void
vox_emu_set_required_verification (JsonObject *object,
                                   gboolean    required,
                                   const char *country_code)
{
  if (required)
    json_object_set_string_member (object, "required_verification", country_code);
}

/* A region's prices are typed int in Voximplant's Go client: integral
 * amounts go as JSON integers, the rest as numbers. */
static void
set_region_money (JsonObject *object,
                  const char *field,
                  double      amount)
{
  if (amount == (double) (gint64) amount)
    json_object_set_int_member (object, field, (gint64) amount);
  else
    json_object_set_double_member (object, field, amount);
}

void
vox_emu_method_get_phone_number_categories (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto(GStrv) codes = NULL;
  const char *sandbox = vox_emu_call_param (call, "sandbox");
  guint offset, count;
  gboolean ru;

  if (!call_get_locale_ru (call, &ru) || !vox_emu_call_get_page (call, &offset, &count))
    return;

  if (sandbox != NULL && g_ascii_strcasecmp (sandbox, "all") != 0)
    {
      gboolean unused;

      if (!vox_emu_call_get_bool (call, "sandbox", FALSE, &unused))
        return;
    }

  if (vox_emu_call_param (call, "country_code") != NULL
      && (codes = vox_emu_call_get_list (call, "country_code", GOVORUN_VOXIMPLANT_CODE_INVALID_COUNTRY_CODE)) == NULL)
    return;

  for (guint i = 0; self->regions->len > 0 && i < G_N_ELEMENTS (inventory_countries); i++)
    {
      const CountryInfo *country = &inventory_countries[i];
      const char *country_name = ru ? country->name_ru : country->name;
      JsonObject *object;
      JsonArray *categories;

      if (codes != NULL && !g_strv_contains ((const char * const *) codes, country->country_code))
        continue;

      object = json_object_new ();
      json_object_set_string_member (object, "country_code", country->country_code);
      json_object_set_string_member (object, "localized_country_name", country_name);
      json_object_set_string_member (object, "phone_prefix", country->prefix);
      json_object_set_boolean_member (object, "can_list_phone_numbers", TRUE);
      json_object_set_boolean_member (object, "emergency_calls_to_be_enabled", FALSE);

      categories = json_array_new ();
      for (guint j = 0; j < G_N_ELEMENTS (inventory_categories); j++)
        {
          const CategoryInfo *category = &inventory_categories[j];
          JsonObject *item;

          if (!g_str_equal (category->country_code, country->country_code))
            continue;

          item = json_object_new ();
          json_object_set_string_member (item, "phone_category_name", category->category);
          json_object_set_boolean_member (item, "country_has_states", category->has_states);
          json_object_set_string_member (item, "localized_country_name", country_name);
          json_object_set_string_member (item, "localized_phone_category_name",
                                         ru ? category->name_ru : category->name);
          /* Only set for single-region categories such as MOSCOW495. */
          json_object_set_string_member (item, "localized_phone_region_name", "");
          json_array_add_object_element (categories, item);
        }
      json_object_set_array_member (object, "phone_categories", categories);

      g_ptr_array_add (items, object);
    }

  vox_emu_call_reply_list (call, items, offset, count, NULL);
}

void
vox_emu_method_get_phone_number_country_states (Call *call)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  const CategoryInfo *category;
  const char *state;
  guint offset, count;

  if ((category = call_get_category (call, &state)) == NULL
      || !vox_emu_call_get_page (call, &offset, &count))
    return;

  /* A category without states has an empty list. */
  for (guint i = 0; category->has_states && i < G_N_ELEMENTS (inventory_states); i++)
    {
      const StateInfo *info = &inventory_states[i];
      JsonObject *object;

      if (!g_str_equal (info->country_code, category->country_code)
          || (state != NULL && !g_str_equal (info->state, state)))
        continue;

      object = json_object_new ();
      json_object_set_string_member (object, "country_state", info->state);
      json_object_set_string_member (object, "country_state_name", info->name);
      g_ptr_array_add (items, object);
    }

  vox_emu_call_reply_list (call, items, offset, count, NULL);
}

void
vox_emu_method_get_phone_number_regions (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  const char *name_filter = vox_emu_call_param (call, "phone_region_name");
  const char *code_filter = vox_emu_call_param (call, "phone_region_code");
  const CategoryInfo *category;
  const char *state;
  gboolean omit_empty, ru;
  gint64 region_id = 0;
  guint offset, count;

  if ((category = call_get_category (call, &state)) == NULL
      || !vox_emu_call_get_bool (call, "omit_empty", FALSE, &omit_empty)
      || !call_get_locale_ru (call, &ru)
      || !vox_emu_call_get_page (call, &offset, &count))
    return;

  if (category->has_states && state == NULL && self->require_country_state)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SPECIFY_PARAMETER, "Specify the 'country_state' parameter");
      return;
    }

  if (vox_emu_call_param (call, "phone_region_id") != NULL
      && !vox_emu_parse_single_id (vox_emu_call_param (call, "phone_region_id"), &region_id))
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_REGION_ID,
                           "Invalid phone_region_id: %s", vox_emu_call_param (call, "phone_region_id"));
      return;
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);
      const RegionSeed *seed = region->seed;
      JsonObject *object;

      if (!g_str_equal (seed->country_code, category->country_code)
          || !g_str_equal (seed->category, category->category)
          || (state != NULL && g_strcmp0 (seed->state, state) != 0)
          || (region_id != 0 && seed->region_id != region_id)
          || (name_filter != NULL && g_ascii_strcasecmp (seed->name, name_filter) != 0)
          || (code_filter != NULL && !g_str_equal (seed->code, code_filter))
          || (omit_empty && region->stock->len == 0))
        continue;

      object = json_object_new ();
      json_object_set_int_member (object, "phone_region_id", seed->region_id);
      json_object_set_string_member (object, "phone_region_name", seed->name);
      json_object_set_string_member (object, "phone_region_code", seed->code);
      json_object_set_string_member (object, "localized_phone_region_name", ru ? seed->name_ru : seed->name);
      json_object_set_int_member (object, "phone_count", region->stock->len);
      json_object_set_string_member (object, "phone_period", PHONE_PERIOD);
      /* PhoneNumberCountryRegionInfoType has no phone_price: the price
       * list's (local_*) and the account's (account_*) amounts. The seeds
       * are in the account's currency, and so is the price list here. */
      set_region_money (object, "account_price", seed->price);
      set_region_money (object, "account_installation_price", seed->installation_price);
      json_object_set_string_member (object, "account_currency", call->account->currency);
      set_region_money (object, "local_price", seed->price);
      set_region_money (object, "local_installation_price", seed->installation_price);
      json_object_set_string_member (object, "local_currency", call->account->currency);
      json_object_set_string_member (object, "verification_status",
                                     vox_emu_verification_status (seed->required_verification));
      vox_emu_set_required_verification (object, seed->required_verification, seed->country_code);
      json_object_set_boolean_member (object, "is_need_regulation_address", FALSE);
      json_object_set_boolean_member (object, "is_sms_supported", FALSE);
      json_object_set_array_member (object, "multiple_numbers_price", json_array_new ());
      json_object_set_int_member (object, "phone_tax_reserve", 0);
      json_object_set_int_member (object, "phone_installation_tax_reserve", 0);
      g_ptr_array_add (items, object);
    }

  vox_emu_call_reply_list (call, items, offset, count, NULL);
}

/* "*" stands for any run of digits; the mask covers the whole number. */
static GRegex *
compile_mask (const char *mask)
{
  g_auto(GStrv) parts = g_strsplit (mask, "*", -1);
  g_autoptr(GString) pattern = g_string_new ("\\A");

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (parts[i], -1);

      if (i > 0)
        g_string_append (pattern, "\\d*");
      g_string_append (pattern, escaped);
    }
  g_string_append (pattern, "\\z");

  return g_regex_new (pattern->str, 0, 0, NULL);
}

static JsonObject *
stock_number_to_json (Region      *region,
                      StockNumber *number)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "phone_id", number->phone_id);
  json_object_set_string_member (object, "phone_number", number->number);
  json_object_set_double_member (object, "phone_price", region->seed->price);
  json_object_set_double_member (object, "phone_installation_price", region->seed->installation_price);
  json_object_set_string_member (object, "phone_country_code", region->seed->country_code);
  json_object_set_string_member (object, "phone_period", PHONE_PERIOD);
  json_object_set_string_member (object, "phone_category_name", region->seed->category);
  json_object_set_string_member (object, "phone_region_name", region->seed->name);
  json_object_set_int_member (object, "phone_installation_tax_reserve", 0);
  json_object_set_int_member (object, "phone_tax_reserve", 0);

  return object;
}

void
vox_emu_method_get_new_phone_numbers (Call *call)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GRegex) mask = NULL;
  const CategoryInfo *category;
  const char *state, *mask_text = vox_emu_call_param (call, "phone_number_mask");
  Region *region;
  guint offset, count;

  if ((category = call_get_category (call, &state)) == NULL
      || (region = call_get_region (call, category, state)) == NULL
      || !vox_emu_call_get_page (call, &offset, &count))
    return;

  if (mask_text != NULL)
    {
      mask = compile_mask (mask_text);
      if (mask == NULL)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, "Invalid arguments: 'phone_number_mask'");
          return;
        }
    }

  for (guint i = 0; i < region->stock->len; i++)
    {
      StockNumber *number = g_ptr_array_index (region->stock, i);

      if (mask == NULL || g_regex_match (mask, number->number, 0, NULL))
        g_ptr_array_add (items, stock_number_to_json (region, number));
    }

  vox_emu_call_reply_list (call, items, offset, count, NULL);
}

static Phone *
phone_new_from_stock (Region      *region,
                      StockNumber *number,
                      gint64       now)
{
  Phone *phone = g_new0 (Phone, 1);

  phone->phone_id = number->phone_id;
  phone->number = g_strdup (number->number);
  phone->country_code = g_strdup (region->seed->country_code);
  phone->category = g_strdup (region->seed->category);
  phone->region_name = g_strdup (region->seed->name);
  phone->price = region->seed->price;
  phone->required_verification = region->seed->required_verification;
  phone->purchased = now;
  phone->modified = now;

  return phone;
}

GDateTime *
vox_emu_phone_hold_until (Phone *phone)
{
  g_autoptr(GDateTime) purchased = g_date_time_new_from_unix_utc (phone->purchased);

  return g_date_time_add_days (purchased, UNVERIFIED_HOLD_DAYS);
}

void
vox_emu_method_attach_phone_number (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  const CategoryInfo *category;
  const char *state;
  Region *region;
  Choice choice;
  double cost;
  gint64 now = vox_emu_now_seconds (call);
  JsonArray *numbers;
  JsonObject *root;

  if ((category = call_get_category (call, &state)) == NULL
      || (region = call_get_region (call, category, state)) == NULL)
    return;

  choice = vox_emu_call_choose (call, "phone_count", "phone_number", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      guint64 wanted;

      if (!g_ascii_string_to_unsigned (vox_emu_call_param (call, "phone_count"), 10, 1, G_MAXUINT, &wanted, NULL))
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_COUNT,
                               "Invalid phone_count: %s", vox_emu_call_param (call, "phone_count"));
          return;
        }
      if (region->stock->len == 0)
        {
          vox_emu_call_error (call, GOVORUN_VOXIMPLANT_CODE_NO_PHONES_IN_STOCK, NULL);
          return;
        }
      if (wanted > region->stock->len)
        {
          vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INSUFFICIENT_PHONES,
                               "Insufficient phones: %u in stock", region->stock->len);
          return;
        }
      for (guint i = 0; i < wanted; i++)
        g_ptr_array_add (picked, g_ptr_array_index (region->stock, i));
    }
  else
    {
      g_auto(GStrv) texts = vox_emu_call_get_list (call, "phone_number", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER);

      if (texts == NULL)
        return;
      if (region->stock->len == 0)
        {
          vox_emu_call_error (call, GOVORUN_VOXIMPLANT_CODE_NO_PHONES_IN_STOCK, NULL);
          return;
        }

      for (guint i = 0; texts[i] != NULL; i++)
        {
          g_autofree char *number = vox_emu_normalize_number (texts[i]);
          StockNumber *found = NULL;

          for (guint j = 0; number != NULL && j < region->stock->len && found == NULL; j++)
            {
              StockNumber *candidate = g_ptr_array_index (region->stock, j);

              if (g_str_equal (candidate->number, number))
                found = candidate;
            }

          if (number != NULL && found == NULL && vox_emu_number_owned_anywhere (call->self, number))
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_OCCUPIED_PHONE_NUMBER,
                                   "The phone number is occupied: %s", number);
              return;
            }
          if (found == NULL)
            {
              vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER,
                                   "Invalid phone number: %s is not available in this region", texts[i]);
              return;
            }
          if (!g_ptr_array_find (picked, found, NULL))
            g_ptr_array_add (picked, found);
        }
    }

  /* The installation fee and the first month are paid up front (§2). */
  cost = vox_emu_round_money (picked->len * (region->seed->installation_price + region->seed->price));
  if (account->balance + account->credit_limit < cost)
    {
      vox_emu_call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INSUFFICIENT_MONEY,
                           "Insufficient money: the purchase costs %.2f %s", cost, account->currency);
      return;
    }
  account->balance = vox_emu_round_money (account->balance - cost);

  numbers = json_array_new ();
  for (guint i = 0; i < picked->len; i++)
    {
      StockNumber *number = g_ptr_array_index (picked, i);
      Phone *phone = phone_new_from_stock (region, number, now);
      JsonObject *item = json_object_new ();

      g_ptr_array_add (account->phones, phone);

      json_object_set_int_member (item, "phone_id", phone->phone_id);
      json_object_set_string_member (item, "phone_number", phone->number);
      vox_emu_set_required_verification (item, phone->required_verification, phone->country_code);
      json_object_set_string_member (item, "verification_status",
                                     vox_emu_verification_status (phone->required_verification));
      if (phone->required_verification)
        {
          g_autoptr(GDateTime) hold = vox_emu_phone_hold_until (phone);

          vox_emu_set_date (item, "unverified_hold_until", hold);
        }
      json_array_add_object_element (numbers, item);

      g_ptr_array_remove (region->stock, number);
    }

  root = json_object_new ();
  json_object_set_array_member (root, "phone_numbers", numbers);
  vox_emu_call_reply_ok (call, root);
}

void
govorun_voximplant_emulator_seed_phone_inventory (GovorunVoximplantEmulator *self)
{
  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->regions, 0);

  for (guint i = 0; i < G_N_ELEMENTS (inventory_regions); i++)
    {
      Region *region = g_new0 (Region, 1);

      region->seed = &inventory_regions[i];
      region->stock = g_ptr_array_new_with_free_func ((GDestroyNotify) vox_emu_stock_number_free);
      for (guint j = 0; j < region->seed->stock; j++)
        {
          StockNumber *number = g_new0 (StockNumber, 1);

          number->number = g_strdup_printf ("%" G_GINT64_FORMAT, region->seed->first_number + j);
          /* Numbers someone already owns are not for sale. */
          if (vox_emu_number_owned_anywhere (self, number->number))
            {
              vox_emu_stock_number_free (number);
              continue;
            }
          number->phone_id = self->next_phone_id++;
          g_ptr_array_add (region->stock, number);
        }
      g_ptr_array_add (self->regions, region);
    }

  g_mutex_unlock (&self->lock);
}
