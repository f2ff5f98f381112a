/* govorun-voximplant-emulator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "govorun-voximplant-emulator.h"

#define PLATFORM_API    "/platform_api"
#define RSA_KEY_BITS    2048
/* Tokens issued slightly ahead of our clock are accepted (reference §6:
 * clock skew). */
#define IAT_LEEWAY_S    5
#define MAX_TOKEN_TTL_S 3600

typedef struct
{
  gint64     account_id;
  char      *account_name;
  char      *account_email;
  char      *api_key;
  char      *first_name;
  char      *last_name;
  GDateTime *created;
  char      *language_code;
  char      *location;
  gboolean   active;
  gboolean   frozen;
  double     balance;
  double     credit_limit;
  char      *currency;

  /* Provisioning state, in creation order (lists answer in this order). */
  GPtrArray *applications;  /* Application* */
  GPtrArray *scenarios;     /* Scenario* */
  GPtrArray *rules;         /* Rule* (tried top-down, as the real routing) */
  GPtrArray *phones;        /* Phone*, owned numbers */
} Account;

typedef struct
{
  gint64    application_id;
  char     *name;            /* short name; the full one is derived */
  gboolean  secure_record_storage;
  gint64    modified;        /* Unix seconds, UTC */
} Application;

typedef struct
{
  gint64    scenario_id;
  char     *name;
  char     *script;
  gint64    application_id;  /* 0: the account-wide "Shared" folder */
  gint64    modified;
} Scenario;

typedef struct
{
  gint64    rule_id;
  gint64    application_id;
  char     *name;
  char     *pattern;
  char     *pattern_exclude; /* NULL when none */
  gboolean  video_conference;
  GArray   *scenario_ids;    /* gint64, in binding order */
  gint64    modified;
} Rule;

typedef struct
{
  gint64    phone_id;
  char     *number;
  char     *country_code;
  char     *category;
  char     *region_name;
  double    price;
  gboolean  required_verification;
  gint64    purchased;
  gint64    application_id;  /* 0: not bound */
  gint64    rule_id;         /* 0: bound to the application only */
  gboolean  deactivated;
  gint64    modified;
} Phone;

/* Phone inventory: static description of what can be bought ... */
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

typedef struct
{
  gint64      region_id;
  const char *country_code;
  const char *category;
  const char *state;        /* NULL in countries without states */
  const char *name;
  const char *name_ru;
  const char *code;
  double      price;        /* monthly, in the account's currency */
  double      installation_price;
  gboolean    required_verification;
  guint       stock;
  gint64      first_number;
} RegionSeed;

/* ... and the live stock per region. */
typedef struct
{
  gint64  phone_id;
  char   *number;
} StockNumber;

typedef struct
{
  const RegionSeed *seed;
  GPtrArray        *stock;   /* StockNumber* */
} Region;

typedef struct
{
  char             *key_id;
  gint64            account_id;
  gnutls_pubkey_t   pubkey;
} ServiceKey;

typedef enum
{
  AUTH_API_KEY,
  AUTH_JWT,
} AuthMode;

/* One request as the method handlers see it. */
typedef struct
{
  GovorunVoximplantEmulator *self;
  SoupServerMessage         *msg;
  GHashTable                *params;
  Account                   *account;
  AuthMode                   auth;
} Call;

typedef void (*MethodFunc) (Call *call);

typedef struct
{
  const char *name;
  MethodFunc  func;
} Method;

struct _GovorunVoximplantEmulator
{
  GovorunEmulator  parent_instance;

  /* The server thread answers while a test thread seeds state. */
  GMutex           lock;
  GHashTable      *accounts;     /* gint64* → Account* */
  GHashTable      *keys;         /* key_id → ServiceKey* */
  gint64           clock_offset;

  GHashTable      *last_params;
  const char      *last_style;   /* static "path" or "cmd" */

  guint            error_http_status;
  gboolean         methods_case_insensitive;
  char            *api_address;

  /* Ids are unique per emulator, in separate ranges per kind so that a
   * client mixing them up gets an error, not another object. */
  gint64           next_application_id;
  gint64           next_scenario_id;
  gint64           next_rule_id;
  gint64           next_phone_id;
  GPtrArray       *regions;      /* Region*; empty until seeded */

  char            *application_domain_suffix;
  gboolean         bind_default;
  guint            default_list_count;
  gboolean         require_country_state;
  gboolean         del_rule_requires_application;
  gboolean         keep_deactivated_numbers;
  gboolean         delete_application_scenarios;
};

G_DEFINE_FINAL_TYPE (GovorunVoximplantEmulator, govorun_voximplant_emulator, GOVORUN_TYPE_EMULATOR)

enum {
  PROP_0,
  PROP_ERROR_HTTP_STATUS,
  PROP_METHODS_CASE_INSENSITIVE,
  PROP_API_ADDRESS,
  PROP_APPLICATION_DOMAIN_SUFFIX,
  PROP_BIND_DEFAULT,
  PROP_DEFAULT_LIST_COUNT,
  PROP_REQUIRE_COUNTRY_STATE,
  PROP_DEL_RULE_REQUIRES_APPLICATION,
  PROP_KEEP_DEACTIVATED_NUMBERS,
  PROP_DELETE_APPLICATION_SCENARIOS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The msg texts paraphrase the doc comments of the official error enum
 * (reference §1.5). */
static const struct
{
  int         code;
  const char *msg;
} error_messages[] = {
  { 100, "Authorization failed" },
  { 101, "Invalid arguments" },
  { 102, "Missing 'cmd' parameter" },
  { 103, "Unknown command" },
  { 104, "Forbidden command" },
  { 107, "Invalid application name" },
  { 108, "Application count limit exceeded" },
  { 109, "User count limit exceeded" },
  { 111, "Invalid date format" },
  { 115, "Invalid account_id" },
  { 116, "Invalid application_id" },
  { 117, "Invalid user_id" },
  { 121, "Invalid phone number" },
  { 123, "Invalid date range" },
  { 127, "Insufficient money" },
  { 129, "Application name is not unique" },
  { 130, "Script text is too long" },
  { 132, "Invalid scenario_id" },
  { 133, "Scenario name is not unique" },
  { 134, "Required parameter is empty" },
  { 147, "Invalid rule_id" },
  { 148, "Invalid rule_pattern" },
  { 149, "Invalid rule_pattern_exclude" },
  { 150, "Invalid call_session_history_id" },
  { 156, "Invalid rule_name" },
  { 168, "Invalid scenario_name" },
  { 175, "Rule name is not unique" },
  { 181, "Invalid phone_id" },
  { 182, "The phone number is occupied" },
  { 239, "Invalid country_code" },
  { 240, "Invalid phone_category_name" },
  { 241, "Invalid phone_region_id" },
  { 242, "Invalid country_state" },
  { 243, "Invalid phone_count" },
  { 247, "Invalid priority" },
  { 248, "Invalid max_simultaneous" },
  { 249, "Invalid num_attempts" },
  { 250, "Invalid CSV file" },
  { 253, "Invalid name" },
  { 255, "Invalid list_id" },
  { 261, "Invalid record_id" },
  { 331, "No phones in stock" },
  { 332, "Insufficient phones" },
  { 340, "Rate limit exceed" },
  { 341, "Record not found" },
  { 375, "No scenario is bound to the rule" },
  { 416, "Repeat after a few seconds" },
  { 433, "Invalid key id" },
  { 447, "Invalid token format" },
  { 454, "Token TTL exceeds the maximum" },
  { 455, "Token is issued in the future" },
  { 456, "Token is expired" },
  { 458, "Specify only one of the parameters" },
  { 484, "HTTP request rejected (probable automatic resend)" },
  { 485, "Specify the parameter" },
  { 496, "The parameter is invalid" },
};

static const char *
error_message_for_code (int code)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_messages); i++)
    if (error_messages[i].code == code)
      return error_messages[i].msg;

  return "Error";
}

static void
account_free (Account *account)
{
  g_free (account->account_name);
  g_free (account->account_email);
  g_free (account->api_key);
  g_free (account->first_name);
  g_free (account->last_name);
  g_clear_pointer (&account->created, g_date_time_unref);
  g_free (account->language_code);
  g_free (account->location);
  g_free (account->currency);
  g_clear_pointer (&account->applications, g_ptr_array_unref);
  g_clear_pointer (&account->scenarios, g_ptr_array_unref);
  g_clear_pointer (&account->rules, g_ptr_array_unref);
  g_clear_pointer (&account->phones, g_ptr_array_unref);
  g_free (account);
}

static void
application_free (Application *app)
{
  g_free (app->name);
  g_free (app);
}

static void
scenario_free (Scenario *scenario)
{
  g_free (scenario->name);
  g_free (scenario->script);
  g_free (scenario);
}

static void
rule_free (Rule *rule)
{
  g_free (rule->name);
  g_free (rule->pattern);
  g_free (rule->pattern_exclude);
  g_clear_pointer (&rule->scenario_ids, g_array_unref);
  g_free (rule);
}

static void
phone_free (Phone *phone)
{
  g_free (phone->number);
  g_free (phone->country_code);
  g_free (phone->category);
  g_free (phone->region_name);
  g_free (phone);
}

static void
stock_number_free (StockNumber *number)
{
  g_free (number->number);
  g_free (number);
}

static void
region_free (Region *region)
{
  g_clear_pointer (&region->stock, g_ptr_array_unref);
  g_free (region);
}

static void
service_key_free (ServiceKey *key)
{
  g_free (key->key_id);
  g_clear_pointer (&key->pubkey, gnutls_pubkey_deinit);
  g_free (key);
}

static gint64
emulator_now (GovorunVoximplantEmulator *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + self->clock_offset;
}

/* Parsers ---------------------------------------------------------------- */

gboolean
govorun_voximplant_emulator_parse_bool (const char *value,
                                        gboolean   *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (value == NULL)
    return FALSE;

  /* Node and Go send "true"/"false", Python "True"/"False"; 1/0 is
   * UNVERIFIED but harmless to accept. */
  if (g_ascii_strcasecmp (value, "true") == 0 || g_str_equal (value, "1"))
    {
      *out = TRUE;
      return TRUE;
    }
  if (g_ascii_strcasecmp (value, "false") == 0 || g_str_equal (value, "0"))
    {
      *out = FALSE;
      return TRUE;
    }

  return FALSE;
}

GStrv
govorun_voximplant_emulator_parse_list (const char *value)
{
  g_auto(GStrv) items = NULL;

  if (value == NULL || *value == '\0')
    return NULL;

  items = g_strsplit (value, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] == '\0')
        return NULL;
    }

  return g_steal_pointer (&items);
}

GArray *
govorun_voximplant_emulator_parse_id_list (const char *value,
                                           gboolean   *all)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GArray) ids = NULL;

  if (all != NULL)
    *all = FALSE;

  items = govorun_voximplant_emulator_parse_list (value);
  if (items == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (g_strv_length (items) == 1 && g_str_equal (items[0], "all"))
    {
      if (all == NULL)
        return NULL;
      *all = TRUE;
      return g_steal_pointer (&ids);
    }

  for (guint i = 0; items[i] != NULL; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (items[i], 10, 0, G_MAXINT64, &id, NULL))
        return NULL;
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

static gboolean
digits_at (const char *s,
           gsize       start,
           gsize       count)
{
  for (gsize i = start; i < start + count; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

GDateTime *
govorun_voximplant_emulator_parse_timestamp (const char *value)
{
  gsize len;
  int year, month, day, hour = 0, minute = 0, second = 0;

  if (value == NULL)
    return NULL;

  len = strlen (value);
  if (len != 10 && len != 19)
    return NULL;

  /* YYYY-MM-DD[ HH:mm:ss], checked character by character. */
  if (!digits_at (value, 0, 4) || value[4] != '-' || !digits_at (value, 5, 2)
      || value[7] != '-' || !digits_at (value, 8, 2))
    return NULL;

  year = atoi (value);
  month = atoi (value + 5);
  day = atoi (value + 8);

  if (len == 19)
    {
      if (value[10] != ' ' || !digits_at (value, 11, 2) || value[13] != ':'
          || !digits_at (value, 14, 2) || value[16] != ':' || !digits_at (value, 17, 2))
        return NULL;

      hour = atoi (value + 11);
      minute = atoi (value + 14);
      second = atoi (value + 17);
    }

  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return NULL;

  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

/* Answers ---------------------------------------------------------------- */

static void
respond_error (GovorunVoximplantEmulator *self,
               SoupServerMessage         *msg,
               guint                      http_status,
               int                        code,
               const char                *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    text = error_message_for_code (code);

  /* Both keys: Python and Node read "error", Go also "errors" (§1.4). */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "msg");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, code);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "msg");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, code);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, http_status, node);
}

static void
call_error (Call       *call,
            int         code,
            const char *text)
{
  g_debug ("Answering with error %d", code);
  respond_error (call->self, call->msg, call->self->error_http_status, code, text);
}

/* @builder holds an open object; this adds nothing and closes it. */
static void
call_reply (Call        *call,
            JsonBuilder *builder)
{
  g_autoptr(JsonNode) node = NULL;

  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  govorun_emulator_respond_json (call->msg, SOUP_STATUS_OK, node);
}

/* Reads an optional boolean parameter; answers 101 and returns FALSE when
 * it is malformed. */
static gboolean
call_get_bool (Call       *call,
               const char *name,
               gboolean    default_value,
               gboolean   *out)
{
  const char *value = g_hash_table_lookup (call->params, name);

  *out = default_value;
  if (value == NULL)
    return TRUE;

  if (!govorun_voximplant_emulator_parse_bool (value, out))
    {
      g_autofree char *text = g_strdup_printf ("Invalid arguments: '%s' must be true or false", name);

      call_error (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, text);
      return FALSE;
    }

  return TRUE;
}

/* Methods ---------------------------------------------------------------- */

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

static void
method_get_account_info (Call *call)
{
  Account *account = call->account;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created = NULL;
  g_autofree char *api_address = NULL;
  gboolean live_balance;

  if (!call_get_bool (call, "return_live_balance", FALSE, &live_balance))
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

  call_reply (call, builder);
}

/* Provisioning helpers --------------------------------------------------- */

#define APPLICATION_NAME_MAX  64
#define SCENARIO_NAME_LIMIT   30          /* names must be shorter (§2) */
#define SCENARIO_SCRIPT_MAX   (128 * 1024)
#define RULE_NAME_LIMIT       100         /* names must be shorter (§2) */
#define RULE_PATTERN_LIMIT    (64 * 1024)
#define PHONE_PERIOD          "0-1-0 0:0:0"
#define UNVERIFIED_HOLD_DAYS  14

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

static gint64
now_seconds (Call *call)
{
  return emulator_now (call->self);
}

static char *
format_unix (gint64      seconds,
             const char *format)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (datetime, format);
}

/* json_object_set_string_member copies; this one takes @value. */
static void
take_string (JsonObject *object,
             const char *name,
             char       *value)
{
  json_object_set_string_member (object, name, value);
  g_free (value);
}

static void
set_timestamp (JsonObject *object,
               const char *name,
               gint64      seconds)
{
  take_string (object, name, format_unix (seconds, "%Y-%m-%d %H:%M:%S"));
}

static void
set_date (JsonObject *object,
          const char *name,
          GDateTime  *datetime)
{
  take_string (object, name, g_date_time_format (datetime, "%Y-%m-%d"));
}

static double
round_money (double value)
{
  return round (value * 100.0) / 100.0;
}

static void
call_reply_root (Call       *call,
                 JsonObject *root)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);

  govorun_emulator_respond_json (call->msg, SOUP_STATUS_OK, node);
}

/* {"result": 1} plus whatever @root (owned, may be NULL) already holds. */
static void
call_reply_ok (Call       *call,
               JsonObject *root)
{
  g_autoptr(JsonObject) object = root != NULL ? root : json_object_new ();

  json_object_set_int_member (object, "result", 1);
  call_reply_root (call, object);
}

static void
call_errorf (Call       *call,
             int         code,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
call_errorf (Call       *call,
             int         code,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  call_error (call, code, text);
}

static const char *
call_param (Call       *call,
            const char *name)
{
  return g_hash_table_lookup (call->params, name);
}

/* A required parameter: 485 when absent, 134 when empty (the msg names it). */
static const char *
call_require (Call       *call,
              const char *name)
{
  const char *value = call_param (call, name);

  if (value == NULL)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SPECIFY_PARAMETER, "Specify the '%s' parameter", name);
      return NULL;
    }
  if (*value == '\0')
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_REQUIRED_PARAM_EMPTY,
                   "Required parameter is empty: '%s'", name);
      return NULL;
    }

  return value;
}

typedef enum
{
  CHOICE_FAILED = -1,  /* answered with an error */
  CHOICE_NONE,
  CHOICE_FIRST,
  CHOICE_SECOND,
} Choice;

/* "a|b" parameters (exactly one of, §2): 458 when both are given, 485
 * when neither is and one is required. */
static Choice
call_choose (Call       *call,
             const char *first,
             const char *second,
             gboolean    required)
{
  gboolean has_first = call_param (call, first) != NULL;
  gboolean has_second = call_param (call, second) != NULL;

  if (has_first && has_second)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_ONLY_ONE_OF,
                   "Specify only one of the parameters: '%s', '%s'", first, second);
      return CHOICE_FAILED;
    }
  if (has_first)
    return call_require (call, first) != NULL ? CHOICE_FIRST : CHOICE_FAILED;
  if (has_second)
    return call_require (call, second) != NULL ? CHOICE_SECOND : CHOICE_FAILED;
  if (required)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SPECIFY_PARAMETER,
                   "Specify the '%s' or the '%s' parameter", first, second);
      return CHOICE_FAILED;
    }

  return CHOICE_NONE;
}

/* An optional tri-state boolean filter: -1 when absent. */
static gboolean
call_get_filter_bool (Call       *call,
                      const char *name,
                      int        *out)
{
  gboolean value;

  *out = -1;
  if (call_param (call, name) == NULL)
    return TRUE;
  if (!call_get_bool (call, name, FALSE, &value))
    return FALSE;

  *out = value ? 1 : 0;
  return TRUE;
}

/* count/offset (§1.6); 101 naming the parameter when malformed. */
static gboolean
call_get_page (Call  *call,
               guint *offset,
               guint *count)
{
  const char *names[] = { "count", "offset" };
  guint64 values[2] = { call->self->default_list_count, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *text = call_param (call, names[i]);

      if (text != NULL
          && !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &values[i], NULL))
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS,
                       "Invalid arguments: '%s' must be a non-negative integer", names[i]);
          return FALSE;
        }
    }

  *count = values[0];
  *offset = values[1];
  return TRUE;
}

/* Answers a list method: @items (JsonObject*) sliced by count/offset, with
 * "count" and "total_count"; @root (owned, may be NULL) carries extra
 * top-level members. */
static void
call_reply_list (Call       *call,
                 GPtrArray  *items,
                 guint       offset,
                 guint       count,
                 JsonObject *root)
{
  g_autoptr(JsonObject) object = root != NULL ? root : json_object_new ();
  JsonArray *array = json_array_new ();

  for (guint i = offset; i < items->len && i - offset < count; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (items, i)));

  json_object_set_int_member (object, "count", json_array_get_length (array));
  json_object_set_int_member (object, "total_count", items->len);
  json_object_set_array_member (object, "result", array);
  call_reply_root (call, object);
}

/* A ";" id list (optionally "all"); answers @code naming @name when it is
 * malformed. */
static GArray *
call_get_ids (Call       *call,
              const char *name,
              int         code,
              gboolean   *all)
{
  const char *text = call_param (call, name);
  GArray *ids = govorun_voximplant_emulator_parse_id_list (text, all);

  if (ids == NULL)
    call_errorf (call, code, "%s: '%s'", error_message_for_code (code), name);

  return ids;
}

static GStrv
call_get_list (Call       *call,
               const char *name,
               int         code)
{
  GStrv items = govorun_voximplant_emulator_parse_list (call_param (call, name));

  if (items == NULL)
    call_errorf (call, code, "%s: '%s'", error_message_for_code (code), name);

  return items;
}

static gboolean
parse_single_id (const char *text,
                 gint64     *out)
{
  return text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out, NULL);
}

/* Applications ----------------------------------------------------------- */

static char *
application_full_name (GovorunVoximplantEmulator *self,
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

static Application *
find_application (Account *account,
                  gint64   application_id)
{
  for (guint i = 0; i < account->applications->len; i++)
    {
      Application *app = g_ptr_array_index (account->applications, i);

      if (app->application_id == application_id)
        return app;
    }

  return NULL;
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
static gboolean
call_get_application (Call         *call,
                      gboolean      required,
                      Application **out)
{
  Choice choice = call_choose (call, "application_id", "application_name", required);
  gint64 id;

  *out = NULL;
  switch (choice)
    {
    case CHOICE_FAILED:
      return FALSE;

    case CHOICE_NONE:
      return TRUE;

    case CHOICE_FIRST:
      if (!parse_single_id (call_param (call, "application_id"), &id)
          || (*out = find_application (call->account, id)) == NULL)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID,
                       "Invalid application_id: %s", call_param (call, "application_id"));
          return FALSE;
        }
      return TRUE;

    case CHOICE_SECOND:
    default:
      *out = find_application_by_name (call->self, call->account,
                                       call_param (call, "application_name"));
      if (*out == NULL)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
                       "Invalid application name: no application '%s'",
                       call_param (call, "application_name"));
          return FALSE;
        }
      return TRUE;
    }
}

static Scenario *
find_scenario (Account *account,
               gint64   scenario_id)
{
  for (guint i = 0; i < account->scenarios->len; i++)
    {
      Scenario *scenario = g_ptr_array_index (account->scenarios, i);

      if (scenario->scenario_id == scenario_id)
        return scenario;
    }

  return NULL;
}

static Scenario *
find_scenario_by_name (Account    *account,
                       const char *name)
{
  for (guint i = 0; i < account->scenarios->len; i++)
    {
      Scenario *scenario = g_ptr_array_index (account->scenarios, i);

      if (g_str_equal (scenario->name, name))
        return scenario;
    }

  return NULL;
}

static Rule *
find_rule (Account *account,
           gint64   rule_id)
{
  for (guint i = 0; i < account->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (account->rules, i);

      if (rule->rule_id == rule_id)
        return rule;
    }

  return NULL;
}

static Rule *
find_rule_by_name (Account    *account,
                   gint64      application_id,
                   const char *name)
{
  for (guint i = 0; i < account->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (account->rules, i);

      if ((application_id == 0 || rule->application_id == application_id)
          && g_str_equal (rule->name, name))
        return rule;
    }

  return NULL;
}

/* rule_id|rule_name, within @app when given: 147 or 156 otherwise. */
static gboolean
call_get_rule (Call         *call,
               Application  *app,
               gboolean      required,
               Rule        **out)
{
  Choice choice = call_choose (call, "rule_id", "rule_name", required);
  gint64 app_id = app != NULL ? app->application_id : 0;
  gint64 id;

  *out = NULL;
  switch (choice)
    {
    case CHOICE_FAILED:
      return FALSE;

    case CHOICE_NONE:
      return TRUE;

    case CHOICE_FIRST:
      if (!parse_single_id (call_param (call, "rule_id"), &id)
          || (*out = find_rule (call->account, id)) == NULL
          || (app_id != 0 && (*out)->application_id != app_id))
        {
          *out = NULL;
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID,
                       "Invalid rule_id: %s", call_param (call, "rule_id"));
          return FALSE;
        }
      return TRUE;

    case CHOICE_SECOND:
    default:
      *out = find_rule_by_name (call->account, app_id, call_param (call, "rule_name"));
      if (*out == NULL)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_NAME,
                       "Invalid rule_name: no rule '%s'", call_param (call, "rule_name"));
          return FALSE;
        }
      return TRUE;
    }
}

/* scenario_id|scenario_name lists (optionally "all"): 132 or 168 for one
 * that is not this account's. Returns the scenarios (not owned). */
static gboolean
call_get_scenarios (Call        *call,
                    gboolean     required,
                    gboolean     allow_all,
                    GPtrArray  **out)
{
  Choice choice = call_choose (call, "scenario_id", "scenario_name", required);
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();

  *out = NULL;
  if (choice == CHOICE_FAILED)
    return FALSE;

  if (choice == CHOICE_FIRST)
    {
      gboolean all = FALSE;
      g_autoptr(GArray) ids = call_get_ids (call, "scenario_id", GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_ID,
                                            allow_all ? &all : NULL);

      if (ids == NULL)
        return FALSE;

      if (all)
        g_ptr_array_extend (scenarios, call->account->scenarios, NULL, NULL);

      for (guint i = 0; i < ids->len; i++)
        {
          Scenario *scenario = find_scenario (call->account, g_array_index (ids, gint64, i));

          if (scenario == NULL)
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_ID,
                           "Invalid scenario_id: %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
              return FALSE;
            }
          g_ptr_array_add (scenarios, scenario);
        }
    }
  else if (choice == CHOICE_SECOND)
    {
      g_auto(GStrv) names = call_get_list (call, "scenario_name", GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_NAME);

      if (names == NULL)
        return FALSE;

      for (guint i = 0; names[i] != NULL; i++)
        {
          Scenario *scenario = find_scenario_by_name (call->account, names[i]);

          if (scenario == NULL)
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_NAME,
                           "Invalid scenario_name: no scenario '%s'", names[i]);
              return FALSE;
            }
          g_ptr_array_add (scenarios, scenario);
        }
    }

  *out = g_steal_pointer (&scenarios);
  return TRUE;
}

static void
rule_bind_scenario (Rule     *rule,
                    Scenario *scenario,
                    gboolean  bind,
                    gint64    now)
{
  for (guint i = 0; i < rule->scenario_ids->len; i++)
    {
      if (g_array_index (rule->scenario_ids, gint64, i) == scenario->scenario_id)
        {
          if (!bind)
            {
              g_array_remove_index (rule->scenario_ids, i);
              rule->modified = now;
            }
          return;
        }
    }

  if (bind)
    {
      g_array_append_val (rule->scenario_ids, scenario->scenario_id);
      rule->modified = now;
    }
}

static JsonObject *
scenario_to_json (Scenario *scenario,
                  gboolean  with_script)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "scenario_id", scenario->scenario_id);
  json_object_set_string_member (object, "scenario_name", scenario->name);
  if (with_script)
    json_object_set_string_member (object, "scenario_script", scenario->script);
  set_timestamp (object, "modified", scenario->modified);

  return object;
}

/* RuleInfoType as in the documented GetRules example (§2 Rules). */
static JsonObject *
rule_to_json (Account *account,
              Rule    *rule,
              gboolean with_scenarios)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "rule_id", rule->rule_id);
  json_object_set_int_member (object, "application_id", rule->application_id);
  json_object_set_string_member (object, "rule_name", rule->name);
  json_object_set_string_member (object, "rule_pattern", rule->pattern);
  if (rule->pattern_exclude != NULL)
    json_object_set_string_member (object, "rule_pattern_exclude", rule->pattern_exclude);
  json_object_set_boolean_member (object, "video_conference", rule->video_conference);

  if (with_scenarios)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < rule->scenario_ids->len; i++)
        {
          Scenario *scenario = find_scenario (account, g_array_index (rule->scenario_ids, gint64, i));

          if (scenario != NULL)
            {
              JsonObject *item = json_object_new ();

              /* The example's items carry only these three. */
              json_object_set_int_member (item, "scenario_id", scenario->scenario_id);
              json_object_set_string_member (item, "scenario_name", scenario->name);
              set_timestamp (item, "modified", scenario->modified);
              json_array_add_object_element (array, item);
            }
        }
      json_object_set_array_member (object, "scenarios", array);
    }

  set_timestamp (object, "modified", rule->modified);

  return object;
}

static void
delete_rule (Account *account,
             Rule    *rule,
             gint64   now)
{
  /* Numbers routed by the rule stay bound to the application. */
  for (guint i = 0; i < account->phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (account->phones, i);

      if (phone->rule_id == rule->rule_id)
        {
          phone->rule_id = 0;
          phone->modified = now;
        }
    }

  g_ptr_array_remove (account->rules, rule);
}

static void
delete_scenario (Account  *account,
                 Scenario *scenario,
                 gint64    now)
{
  for (guint i = 0; i < account->rules->len; i++)
    rule_bind_scenario (g_ptr_array_index (account->rules, i), scenario, FALSE, now);

  g_ptr_array_remove (account->scenarios, scenario);
}

static void
method_add_application (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autofree char *short_name = NULL;
  const char *name;
  gboolean secure;
  Application *app;
  JsonObject *root;

  if ((name = call_require (call, "application_name")) == NULL
      || !call_get_bool (call, "secure_record_storage", FALSE, &secure))
    return;

  short_name = application_short_name (self, account, name);
  if (!application_short_name_valid (short_name))
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
                   "Invalid application name: '%s' must match [a-z][a-z0-9-]{1,64}", name);
      return;
    }

  if (find_application_by_name (self, account, short_name) != NULL)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_APPLICATION_NAME_NOT_UNIQUE,
                   "Application name is not unique: '%s'", short_name);
      return;
    }

  app = g_new0 (Application, 1);
  app->application_id = self->next_application_id++;
  app->name = g_steal_pointer (&short_name);
  app->secure_record_storage = secure;
  app->modified = now_seconds (call);
  g_ptr_array_add (account->applications, app);

  root = json_object_new ();
  json_object_set_int_member (root, "application_id", app->application_id);
  take_string (root, "application_name", application_full_name (self, account, app));
  json_object_set_boolean_member (root, "secure_record_storage", app->secure_record_storage);
  call_reply_ok (call, root);
}

static void
method_get_applications (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *name_filter = NULL;
  gboolean with_rules, with_scenarios;
  guint offset, count;

  if (!call_get_bool (call, "with_rules", FALSE, &with_rules)
      || !call_get_bool (call, "with_scenarios", FALSE, &with_scenarios)
      || !call_get_page (call, &offset, &count))
    return;

  if (call_param (call, "application_id") != NULL
      && (ids = call_get_ids (call, "application_id", GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID, NULL)) == NULL)
    return;

  if (call_param (call, "application_name") != NULL)
    name_filter = g_utf8_casefold (call_param (call, "application_name"), -1);

  for (guint i = 0; i < account->applications->len; i++)
    {
      Application *app = g_ptr_array_index (account->applications, i);
      g_autofree char *full_name = application_full_name (self, account, app);
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
      set_timestamp (object, "modified", app->modified);
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
                json_array_add_object_element (rules, rule_to_json (account, rule, with_scenarios));
            }
          json_object_set_array_member (object, "rules", rules);
        }

      g_ptr_array_add (items, object);
    }

  call_reply_list (call, items, offset, count, NULL);
}

static void
method_set_application_info (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  Application *app = NULL;
  const char *new_name = call_param (call, "application_name");
  g_autofree char *short_name = NULL;
  gboolean secure;
  Choice choice;
  JsonObject *root;
  gint64 id;

  /* Here application_name is the new name, so the lookup is by
   * application_id or required_application_name. */
  choice = call_choose (call, "application_id", "required_application_name", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      if (!parse_single_id (call_param (call, "application_id"), &id)
          || (app = find_application (account, id)) == NULL)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID,
                       "Invalid application_id: %s", call_param (call, "application_id"));
          return;
        }
    }
  else
    {
      app = find_application_by_name (self, account, call_param (call, "required_application_name"));
      if (app == NULL)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
                       "Invalid application name: no application '%s'",
                       call_param (call, "required_application_name"));
          return;
        }
    }

  if (!call_get_bool (call, "secure_record_storage", app->secure_record_storage, &secure))
    return;

  if (new_name != NULL)
    {
      Application *other;

      short_name = application_short_name (self, account, new_name);
      if (!application_short_name_valid (short_name))
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
                       "Invalid application name: '%s' must match [a-z][a-z0-9-]{1,64}", new_name);
          return;
        }
      other = find_application_by_name (self, account, short_name);
      if (other != NULL && other != app)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_APPLICATION_NAME_NOT_UNIQUE,
                       "Application name is not unique: '%s'", short_name);
          return;
        }
      g_free (app->name);
      app->name = g_steal_pointer (&short_name);
    }

  app->secure_record_storage = secure;
  app->modified = now_seconds (call);

  root = json_object_new ();
  take_string (root, "application_name", application_full_name (self, account, app));
  json_object_set_boolean_member (root, "secure_record_storage", app->secure_record_storage);
  call_reply_ok (call, root);
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
        delete_rule (account, rule, now);
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
        delete_scenario (account, scenario, now);
      else
        scenario->application_id = 0;
    }

  g_ptr_array_remove (account->applications, app);
}

static void
method_del_application (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  Choice choice;

  choice = call_choose (call, "application_id", "application_name", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      gboolean all = FALSE;
      g_autoptr(GArray) ids = call_get_ids (call, "application_id",
                                            GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID, &all);

      if (ids == NULL)
        return;
      if (all)
        g_ptr_array_extend (doomed, account->applications, NULL, NULL);
      for (guint i = 0; i < ids->len; i++)
        {
          Application *app = find_application (account, g_array_index (ids, gint64, i));

          if (app == NULL)
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_ID,
                           "Invalid application_id: %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
              return;
            }
          g_ptr_array_add (doomed, app);
        }
    }
  else
    {
      g_auto(GStrv) names = call_get_list (call, "application_name",
                                           GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME);

      if (names == NULL)
        return;
      for (guint i = 0; names[i] != NULL; i++)
        {
          Application *app = find_application_by_name (self, account, names[i]);

          if (app == NULL)
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_APPLICATION_NAME,
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
        delete_application (self, account, app, now_seconds (call));
    }

  call_reply_ok (call, NULL);
}

/* Scenarios -------------------------------------------------------------- */

/* 168 unless 1 ≤ length < 30 characters of valid UTF-8. */
static gboolean
call_check_scenario_name (Call       *call,
                          const char *name)
{
  if (!g_utf8_validate (name, -1, NULL) || *name == '\0'
      || g_utf8_strlen (name, -1) >= SCENARIO_NAME_LIMIT)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_NAME,
                   "Invalid scenario_name: it must be 1 to %d characters long", SCENARIO_NAME_LIMIT - 1);
      return FALSE;
    }

  return TRUE;
}

/* 130 above 128 KB; the script is UTF-8 (§2 Scenarios). */
static gboolean
call_check_scenario_script (Call       *call,
                            const char *script)
{
  if (strlen (script) > SCENARIO_SCRIPT_MAX)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SCRIPT_TOO_LONG,
                   "Script text is too long: the limit is %d bytes", SCENARIO_SCRIPT_MAX);
      return FALSE;
    }
  if (!g_utf8_validate (script, -1, NULL))
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS,
                   "Invalid arguments: 'scenario_script' must be UTF-8");
      return FALSE;
    }

  return TRUE;
}

static void
method_add_scenario (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  const char *name, *script = call_param (call, "scenario_script");
  Application *app;
  Rule *rule;
  Scenario *scenario;
  gboolean rewrite;
  gint64 now = now_seconds (call);
  JsonObject *root;

  if ((name = call_require (call, "scenario_name")) == NULL
      || !call_check_scenario_name (call, name)
      || (script != NULL && !call_check_scenario_script (call, script))
      || !call_get_bool (call, "rewrite", FALSE, &rewrite)
      || !call_get_application (call, FALSE, &app)
      || !call_get_rule (call, app, FALSE, &rule))
    return;

  /* Names are unique per account, whatever the folder. */
  scenario = find_scenario_by_name (account, name);
  if (scenario != NULL && !rewrite)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SCENARIO_NAME_NOT_UNIQUE,
                   "Scenario name is not unique: '%s'", name);
      return;
    }

  if (scenario == NULL)
    {
      scenario = g_new0 (Scenario, 1);
      scenario->scenario_id = self->next_scenario_id++;
      scenario->name = g_strdup (name);
      scenario->script = g_strdup ("");
      g_ptr_array_add (account->scenarios, scenario);
    }

  if (script != NULL)
    {
      g_free (scenario->script);
      scenario->script = g_strdup (script);
    }
  if (app != NULL)
    scenario->application_id = app->application_id;
  scenario->modified = now;

  if (rule != NULL)
    rule_bind_scenario (rule, scenario, TRUE, now);

  root = json_object_new ();
  json_object_set_int_member (root, "scenario_id", scenario->scenario_id);
  call_reply_ok (call, root);
}

static void
method_get_scenarios (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *name_filter = NULL;
  Application *app;
  gboolean with_script;
  guint offset, count;
  JsonObject *root = NULL;

  if (!call_get_bool (call, "with_script", FALSE, &with_script)
      || !call_get_page (call, &offset, &count)
      || !call_get_application (call, FALSE, &app))
    return;

  if (call_param (call, "scenario_id") != NULL
      && (ids = call_get_ids (call, "scenario_id", GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_ID, NULL)) == NULL)
    return;

  /* with_script only works together with scenario_id (§6). */
  if (ids == NULL)
    with_script = FALSE;

  if (call_param (call, "scenario_name") != NULL)
    name_filter = g_utf8_casefold (call_param (call, "scenario_name"), -1);

  for (guint i = 0; i < account->scenarios->len; i++)
    {
      Scenario *scenario = g_ptr_array_index (account->scenarios, i);
      JsonObject *object;

      if (app != NULL && scenario->application_id != app->application_id)
        continue;

      if (ids != NULL)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < ids->len && !found; j++)
            found = g_array_index (ids, gint64, j) == scenario->scenario_id;
          if (!found)
            continue;
        }

      if (name_filter != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (scenario->name, -1);

          if (strstr (folded, name_filter) == NULL)
            continue;
        }

      object = scenario_to_json (scenario, with_script);
      json_object_set_boolean_member (object, "parent", FALSE);
      g_ptr_array_add (items, object);
    }

  if (app != NULL)
    {
      g_autofree char *full_name = application_full_name (self, account, app);

      root = json_object_new ();
      json_object_set_int_member (root, "application_id", app->application_id);
      json_object_set_string_member (root, "application_name", full_name);
      json_object_set_string_member (root, "extended_application_name", full_name);
    }

  call_reply_list (call, items, offset, count, root);
}

static void
method_set_scenario_info (Call *call)
{
  Account *account = call->account;
  const char *new_name = call_param (call, "scenario_name");
  const char *script = call_param (call, "scenario_script");
  Scenario *scenario = NULL;
  Choice choice;
  gint64 id;

  choice = call_choose (call, "scenario_id", "required_scenario_name", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      if (!parse_single_id (call_param (call, "scenario_id"), &id)
          || (scenario = find_scenario (account, id)) == NULL)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_ID,
                       "Invalid scenario_id: %s", call_param (call, "scenario_id"));
          return;
        }
    }
  else if ((scenario = find_scenario_by_name (account, call_param (call, "required_scenario_name"))) == NULL)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_SCENARIO_NAME,
                   "Invalid scenario_name: no scenario '%s'", call_param (call, "required_scenario_name"));
      return;
    }

  if (new_name != NULL)
    {
      Scenario *other;

      if (!call_check_scenario_name (call, new_name))
        return;
      other = find_scenario_by_name (account, new_name);
      if (other != NULL && other != scenario)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SCENARIO_NAME_NOT_UNIQUE,
                       "Scenario name is not unique: '%s'", new_name);
          return;
        }
    }

  if (script != NULL && !call_check_scenario_script (call, script))
    return;

  if (new_name != NULL)
    {
      g_free (scenario->name);
      scenario->name = g_strdup (new_name);
    }
  if (script != NULL)
    {
      g_free (scenario->script);
      scenario->script = g_strdup (script);
    }
  scenario->modified = now_seconds (call);

  call_reply_ok (call, NULL);
}

static void
method_del_scenario (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) doomed = NULL;

  if (!call_get_scenarios (call, TRUE, TRUE, &doomed))
    return;

  for (guint i = 0; i < doomed->len; i++)
    {
      Scenario *scenario = g_ptr_array_index (doomed, i);

      if (g_ptr_array_find (account->scenarios, scenario, NULL))
        delete_scenario (account, scenario, now_seconds (call));
    }

  call_reply_ok (call, NULL);
}

static void
method_bind_scenario (Call *call)
{
  g_autoptr(GPtrArray) scenarios = NULL;
  Application *app;
  Rule *rule;
  gboolean bind;

  if (!call_get_scenarios (call, TRUE, FALSE, &scenarios)
      || !call_get_application (call, TRUE, &app)
      || !call_get_rule (call, app, TRUE, &rule)
      || !call_get_bool (call, "bind", call->self->bind_default, &bind))
    return;

  for (guint i = 0; i < scenarios->len; i++)
    rule_bind_scenario (rule, g_ptr_array_index (scenarios, i), bind, now_seconds (call));

  call_reply_ok (call, NULL);
}

/* Rules ------------------------------------------------------------------ */

/* Rule patterns apply to the whole destination (§2 Rules): "123" does
 * not match "123456". The pattern is validated on its own first, so the
 * wrapper cannot turn an invalid pattern into a valid one. */
static GRegex *
compile_whole_match (const char *pattern)
{
  g_autoptr(GRegex) plain = NULL;
  g_autofree char *wrapped = NULL;

  plain = g_regex_new (pattern, 0, 0, NULL);
  if (plain == NULL)
    return NULL;

  wrapped = g_strdup_printf ("\\A(?:%s)\\z", pattern);
  return g_regex_new (wrapped, 0, 0, NULL);
}

static gboolean
pattern_valid (const char *pattern)
{
  g_autoptr(GRegex) regex = NULL;

  if (strlen (pattern) >= RULE_PATTERN_LIMIT || !g_utf8_validate (pattern, -1, NULL))
    return FALSE;

  regex = compile_whole_match (pattern);
  return regex != NULL;
}

static gboolean
rule_matches (Rule       *rule,
              const char *destination)
{
  g_autoptr(GRegex) regex = compile_whole_match (rule->pattern);
  g_autoptr(GRegex) exclude = NULL;

  /* A tampered pattern may not compile: then nothing matches. */
  if (regex == NULL || !g_regex_match (regex, destination, 0, NULL))
    return FALSE;

  if (rule->pattern_exclude != NULL && *rule->pattern_exclude != '\0')
    {
      exclude = compile_whole_match (rule->pattern_exclude);
      if (exclude != NULL && g_regex_match (exclude, destination, 0, NULL))
        return FALSE;
    }

  return TRUE;
}

static gboolean
call_check_rule_name (Call       *call,
                      const char *name)
{
  if (!g_utf8_validate (name, -1, NULL) || *name == '\0'
      || g_utf8_strlen (name, -1) >= RULE_NAME_LIMIT)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_NAME,
                   "Invalid rule_name: it must be 1 to %d characters long", RULE_NAME_LIMIT - 1);
      return FALSE;
    }

  return TRUE;
}

static gboolean
call_check_patterns (Call       *call,
                     const char *pattern,
                     const char *exclude)
{
  if (pattern != NULL && !pattern_valid (pattern))
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_PATTERN,
                   "Invalid rule_pattern: it is not a valid regular expression");
      return FALSE;
    }
  if (exclude != NULL && *exclude != '\0' && !pattern_valid (exclude))
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_PATTERN_EXCLUDE,
                   "Invalid rule_pattern_exclude: it is not a valid regular expression");
      return FALSE;
    }

  return TRUE;
}

static void
method_add_rule (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) scenarios = NULL;
  const char *name, *pattern;
  const char *exclude = call_param (call, "rule_pattern_exclude");
  gboolean video_conference;
  Application *app;
  Rule *rule;
  gint64 now = now_seconds (call);
  JsonObject *root;

  /* rule_pattern is marked required by the clients even though the
   * control panel defaults to ".*" (§2 Rules). */
  if ((name = call_require (call, "rule_name")) == NULL
      || !call_check_rule_name (call, name)
      || (pattern = call_require (call, "rule_pattern")) == NULL
      || !call_check_patterns (call, pattern, exclude)
      || !call_get_application (call, TRUE, &app)
      || !call_get_scenarios (call, TRUE, FALSE, &scenarios)
      || !call_get_bool (call, "video_conference", FALSE, &video_conference))
    return;

  if (find_rule_by_name (account, app->application_id, name) != NULL)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_RULE_NAME_NOT_UNIQUE,
                   "Rule name is not unique: '%s'", name);
      return;
    }

  rule = g_new0 (Rule, 1);
  rule->rule_id = self->next_rule_id++;
  rule->application_id = app->application_id;
  rule->name = g_strdup (name);
  rule->pattern = g_strdup (pattern);
  rule->pattern_exclude = exclude != NULL && *exclude != '\0' ? g_strdup (exclude) : NULL;
  rule->video_conference = video_conference;
  rule->scenario_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rule->modified = now;
  for (guint i = 0; i < scenarios->len; i++)
    rule_bind_scenario (rule, g_ptr_array_index (scenarios, i), TRUE, now);
  g_ptr_array_add (account->rules, rule);

  root = json_object_new ();
  json_object_set_int_member (root, "rule_id", rule->rule_id);
  call_reply_ok (call, root);
}

static void
method_get_rules (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *name_filter = NULL;
  const char *template = call_param (call, "template");
  Application *app;
  gboolean with_scenarios;
  int video_conference;
  gint64 rule_id = 0;
  guint offset, count;

  if (!call_get_application (call, TRUE, &app)
      || !call_get_bool (call, "with_scenarios", FALSE, &with_scenarios)
      || !call_get_filter_bool (call, "video_conference", &video_conference)
      || !call_get_page (call, &offset, &count))
    return;

  if (call_param (call, "rule_id") != NULL
      && !parse_single_id (call_param (call, "rule_id"), &rule_id))
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID,
                   "Invalid rule_id: %s", call_param (call, "rule_id"));
      return;
    }

  if (call_param (call, "rule_name") != NULL)
    name_filter = g_utf8_casefold (call_param (call, "rule_name"), -1);

  for (guint i = 0; i < account->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (account->rules, i);

      if (rule->application_id != app->application_id)
        continue;
      if (rule_id != 0 && rule->rule_id != rule_id)
        continue;
      if (video_conference != -1 && rule->video_conference != video_conference)
        continue;
      if (name_filter != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (rule->name, -1);

          if (strstr (folded, name_filter) == NULL)
            continue;
        }
      if (template != NULL && !rule_matches (rule, template))
        continue;

      g_ptr_array_add (items, rule_to_json (account, rule, with_scenarios));
    }

  call_reply_list (call, items, offset, count, NULL);
}

static void
method_set_rule_info (Call *call)
{
  Account *account = call->account;
  const char *id_text, *name = call_param (call, "rule_name");
  const char *pattern = call_param (call, "rule_pattern");
  const char *exclude = call_param (call, "rule_pattern_exclude");
  gboolean video_conference;
  Rule *rule;
  gint64 id;

  if ((id_text = call_require (call, "rule_id")) == NULL)
    return;

  if (!parse_single_id (id_text, &id) || (rule = find_rule (account, id)) == NULL)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID, "Invalid rule_id: %s", id_text);
      return;
    }

  if (name != NULL)
    {
      Rule *other;

      if (!call_check_rule_name (call, name))
        return;
      other = find_rule_by_name (account, rule->application_id, name);
      if (other != NULL && other != rule)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_RULE_NAME_NOT_UNIQUE,
                       "Rule name is not unique: '%s'", name);
          return;
        }
    }

  if (pattern != NULL && *pattern == '\0')
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_PATTERN, "Invalid rule_pattern: it is empty");
      return;
    }

  if (!call_check_patterns (call, pattern, exclude)
      || !call_get_bool (call, "video_conference", rule->video_conference, &video_conference))
    return;

  if (name != NULL)
    {
      g_free (rule->name);
      rule->name = g_strdup (name);
    }
  if (pattern != NULL)
    {
      g_free (rule->pattern);
      rule->pattern = g_strdup (pattern);
    }
  if (exclude != NULL)
    {
      g_free (rule->pattern_exclude);
      rule->pattern_exclude = *exclude != '\0' ? g_strdup (exclude) : NULL;
    }
  rule->video_conference = video_conference;
  rule->modified = now_seconds (call);

  call_reply_ok (call, NULL);
}

static void
method_del_rule (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  Application *app;
  Choice choice;

  if (!call_get_application (call, call->self->del_rule_requires_application, &app))
    return;

  choice = call_choose (call, "rule_id", "rule_name", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      gboolean all = FALSE;
      g_autoptr(GArray) ids = call_get_ids (call, "rule_id", GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID, &all);

      if (ids == NULL)
        return;

      for (guint i = 0; all && i < account->rules->len; i++)
        {
          Rule *rule = g_ptr_array_index (account->rules, i);

          if (app == NULL || rule->application_id == app->application_id)
            g_ptr_array_add (doomed, rule);
        }

      for (guint i = 0; i < ids->len; i++)
        {
          Rule *rule = find_rule (account, g_array_index (ids, gint64, i));

          if (rule == NULL || (app != NULL && rule->application_id != app->application_id))
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID,
                           "Invalid rule_id: %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
              return;
            }
          g_ptr_array_add (doomed, rule);
        }
    }
  else
    {
      g_auto(GStrv) names = call_get_list (call, "rule_name", GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_NAME);

      if (names == NULL)
        return;
      for (guint i = 0; names[i] != NULL; i++)
        {
          Rule *rule = find_rule_by_name (account, app != NULL ? app->application_id : 0, names[i]);

          if (rule == NULL)
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_NAME,
                           "Invalid rule_name: no rule '%s'", names[i]);
              return;
            }
          g_ptr_array_add (doomed, rule);
        }
    }

  for (guint i = 0; i < doomed->len; i++)
    {
      Rule *rule = g_ptr_array_index (doomed, i);

      if (g_ptr_array_find (account->rules, rule, NULL))
        delete_rule (account, rule, now_seconds (call));
    }

  call_reply_ok (call, NULL);
}

/* Phone numbers ---------------------------------------------------------- */

/* Digits only, an optional leading "+" dropped, 7 to 15 digits (E.164);
 * NULL otherwise (error 121). */
static char *
normalize_number (const char *text)
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

static Region *
find_region_by_name (GovorunVoximplantEmulator *self,
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

static Phone *
find_phone (Account *account,
            gint64   phone_id)
{
  for (guint i = 0; i < account->phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (account->phones, i);

      if (phone->phone_id == phone_id)
        return phone;
    }

  return NULL;
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

static gboolean
number_owned_anywhere (GovorunVoximplantEmulator *self,
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

/* Only the seeded countries exist; "locale" picks EN or RU names. */
static gboolean
call_get_locale_ru (Call     *call,
                    gboolean *ru)
{
  const char *locale = call_param (call, "locale");

  *ru = FALSE;
  if (locale == NULL || g_ascii_strcasecmp (locale, "EN") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (locale, "RU") == 0)
    {
      *ru = TRUE;
      return TRUE;
    }

  call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, "Invalid arguments: 'locale' must be EN or RU");
  return FALSE;
}

/* country_code (239), phone_category_name (240) and, when given,
 * country_state (242). */
static const CategoryInfo *
call_get_category (Call        *call,
                   const char **state_out)
{
  const char *country_code, *category_name, *state = call_param (call, "country_state");
  const CategoryInfo *category;

  *state_out = NULL;
  if ((country_code = call_require (call, "country_code")) == NULL
      || (category_name = call_require (call, "phone_category_name")) == NULL)
    return NULL;

  if (call->self->regions->len == 0 || find_country (country_code) == NULL)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_COUNTRY_CODE, "Invalid country_code: %s", country_code);
      return NULL;
    }

  category = find_category (country_code, category_name);
  if (category == NULL)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_CATEGORY_NAME,
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
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_COUNTRY_STATE, "Invalid country_state: %s", state);
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

  if ((text = call_require (call, "phone_region_id")) == NULL)
    return NULL;

  if (parse_single_id (text, &id))
    region = find_region (call->self, id);

  if (region == NULL
      || !g_str_equal (region->seed->country_code, category->country_code)
      || !g_str_equal (region->seed->category, category->category)
      || (state != NULL && g_strcmp0 (region->seed->state, state) != 0))
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_REGION_ID, "Invalid phone_region_id: %s", text);
      return NULL;
    }

  return region;
}

/* UNVERIFIED: value names of verification_status ("REQUIRED" until the
 * account is verified for the region, else "NOT_REQUIRED") and the
 * boolean type of required_verification. */
static const char *
verification_status (gboolean required)
{
  return required ? "REQUIRED" : "NOT_REQUIRED";
}

static void
method_get_phone_number_categories (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_auto(GStrv) codes = NULL;
  const char *sandbox = call_param (call, "sandbox");
  guint offset, count;
  gboolean ru;

  if (!call_get_locale_ru (call, &ru) || !call_get_page (call, &offset, &count))
    return;

  if (sandbox != NULL && g_ascii_strcasecmp (sandbox, "all") != 0)
    {
      gboolean unused;

      if (!call_get_bool (call, "sandbox", FALSE, &unused))
        return;
    }

  if (call_param (call, "country_code") != NULL
      && (codes = call_get_list (call, "country_code", GOVORUN_VOXIMPLANT_CODE_INVALID_COUNTRY_CODE)) == NULL)
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

  call_reply_list (call, items, offset, count, NULL);
}

static void
method_get_phone_number_country_states (Call *call)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  const CategoryInfo *category;
  const char *state;
  guint offset, count;

  if ((category = call_get_category (call, &state)) == NULL
      || !call_get_page (call, &offset, &count))
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

  call_reply_list (call, items, offset, count, NULL);
}

static void
method_get_phone_number_regions (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  const char *name_filter = call_param (call, "phone_region_name");
  const char *code_filter = call_param (call, "phone_region_code");
  const CategoryInfo *category;
  const char *state;
  gboolean omit_empty, ru;
  gint64 region_id = 0;
  guint offset, count;

  if ((category = call_get_category (call, &state)) == NULL
      || !call_get_bool (call, "omit_empty", FALSE, &omit_empty)
      || !call_get_locale_ru (call, &ru)
      || !call_get_page (call, &offset, &count))
    return;

  if (category->has_states && state == NULL && self->require_country_state)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_SPECIFY_PARAMETER, "Specify the 'country_state' parameter");
      return;
    }

  if (call_param (call, "phone_region_id") != NULL
      && !parse_single_id (call_param (call, "phone_region_id"), &region_id))
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_REGION_ID,
                   "Invalid phone_region_id: %s", call_param (call, "phone_region_id"));
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
      json_object_set_double_member (object, "phone_price", seed->price);
      json_object_set_double_member (object, "phone_installation_price", seed->installation_price);
      json_object_set_string_member (object, "verification_status",
                                     verification_status (seed->required_verification));
      json_object_set_boolean_member (object, "required_verification", seed->required_verification);
      json_object_set_boolean_member (object, "is_need_regulation_address", FALSE);
      json_object_set_boolean_member (object, "is_sms_supported", FALSE);
      json_object_set_array_member (object, "multiple_numbers_price", json_array_new ());
      json_object_set_double_member (object, "phone_tax_reserve", 0.0);
      json_object_set_double_member (object, "phone_installation_tax_reserve", 0.0);
      g_ptr_array_add (items, object);
    }

  call_reply_list (call, items, offset, count, NULL);
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
  json_object_set_double_member (object, "phone_installation_tax_reserve", 0.0);
  json_object_set_double_member (object, "phone_tax_reserve", 0.0);

  return object;
}

static void
method_get_new_phone_numbers (Call *call)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GRegex) mask = NULL;
  const CategoryInfo *category;
  const char *state, *mask_text = call_param (call, "phone_number_mask");
  Region *region;
  guint offset, count;

  if ((category = call_get_category (call, &state)) == NULL
      || (region = call_get_region (call, category, state)) == NULL
      || !call_get_page (call, &offset, &count))
    return;

  if (mask_text != NULL)
    {
      mask = compile_mask (mask_text);
      if (mask == NULL)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_ARGUMENTS, "Invalid arguments: 'phone_number_mask'");
          return;
        }
    }

  for (guint i = 0; i < region->stock->len; i++)
    {
      StockNumber *number = g_ptr_array_index (region->stock, i);

      if (mask == NULL || g_regex_match (mask, number->number, 0, NULL))
        g_ptr_array_add (items, stock_number_to_json (region, number));
    }

  call_reply_list (call, items, offset, count, NULL);
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

static GDateTime *
phone_hold_until (Phone *phone)
{
  g_autoptr(GDateTime) purchased = g_date_time_new_from_unix_utc (phone->purchased);

  return g_date_time_add_days (purchased, UNVERIFIED_HOLD_DAYS);
}

static void
method_attach_phone_number (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  const CategoryInfo *category;
  const char *state;
  Region *region;
  Choice choice;
  double cost;
  gint64 now = now_seconds (call);
  JsonArray *numbers;
  JsonObject *root;

  if ((category = call_get_category (call, &state)) == NULL
      || (region = call_get_region (call, category, state)) == NULL)
    return;

  choice = call_choose (call, "phone_count", "phone_number", TRUE);
  if (choice == CHOICE_FAILED)
    return;

  if (choice == CHOICE_FIRST)
    {
      guint64 wanted;

      if (!g_ascii_string_to_unsigned (call_param (call, "phone_count"), 10, 1, G_MAXUINT, &wanted, NULL))
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_COUNT,
                       "Invalid phone_count: %s", call_param (call, "phone_count"));
          return;
        }
      if (region->stock->len == 0)
        {
          call_error (call, GOVORUN_VOXIMPLANT_CODE_NO_PHONES_IN_STOCK, NULL);
          return;
        }
      if (wanted > region->stock->len)
        {
          call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INSUFFICIENT_PHONES,
                       "Insufficient phones: %u in stock", region->stock->len);
          return;
        }
      for (guint i = 0; i < wanted; i++)
        g_ptr_array_add (picked, g_ptr_array_index (region->stock, i));
    }
  else
    {
      g_auto(GStrv) texts = call_get_list (call, "phone_number", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER);

      if (texts == NULL)
        return;
      if (region->stock->len == 0)
        {
          call_error (call, GOVORUN_VOXIMPLANT_CODE_NO_PHONES_IN_STOCK, NULL);
          return;
        }

      for (guint i = 0; texts[i] != NULL; i++)
        {
          g_autofree char *number = normalize_number (texts[i]);
          StockNumber *found = NULL;

          for (guint j = 0; number != NULL && j < region->stock->len && found == NULL; j++)
            {
              StockNumber *candidate = g_ptr_array_index (region->stock, j);

              if (g_str_equal (candidate->number, number))
                found = candidate;
            }

          if (number != NULL && found == NULL && number_owned_anywhere (call->self, number))
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_OCCUPIED_PHONE_NUMBER,
                           "The phone number is occupied: %s", number);
              return;
            }
          if (found == NULL)
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER,
                           "Invalid phone number: %s is not available in this region", texts[i]);
              return;
            }
          if (!g_ptr_array_find (picked, found, NULL))
            g_ptr_array_add (picked, found);
        }
    }

  /* The installation fee and the first month are paid up front (§2). */
  cost = round_money (picked->len * (region->seed->installation_price + region->seed->price));
  if (account->balance + account->credit_limit < cost)
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INSUFFICIENT_MONEY,
                   "Insufficient money: the purchase costs %.2f %s", cost, account->currency);
      return;
    }
  account->balance = round_money (account->balance - cost);

  numbers = json_array_new ();
  for (guint i = 0; i < picked->len; i++)
    {
      StockNumber *number = g_ptr_array_index (picked, i);
      Phone *phone = phone_new_from_stock (region, number, now);
      JsonObject *item = json_object_new ();

      g_ptr_array_add (account->phones, phone);

      json_object_set_int_member (item, "phone_id", phone->phone_id);
      json_object_set_string_member (item, "phone_number", phone->number);
      json_object_set_boolean_member (item, "required_verification", phone->required_verification);
      json_object_set_string_member (item, "verification_status",
                                     verification_status (phone->required_verification));
      if (phone->required_verification)
        {
          g_autoptr(GDateTime) hold = phone_hold_until (phone);

          set_date (item, "unverified_hold_until", hold);
        }
      else
        {
          json_object_set_null_member (item, "unverified_hold_until");
        }
      json_array_add_object_element (numbers, item);

      g_ptr_array_remove (region->stock, number);
    }

  root = json_object_new ();
  json_object_set_array_member (root, "phone_numbers", numbers);
  call_reply_ok (call, root);
}

static JsonObject *
phone_to_json (GovorunVoximplantEmulator *self,
               Account                   *account,
               Phone                     *phone)
{
  JsonObject *object = json_object_new ();
  g_autoptr(GDateTime) purchased = g_date_time_new_from_unix_utc (phone->purchased);
  g_autoptr(GDateTime) renewal = g_date_time_add_months (purchased, 1);
  Application *app = phone->application_id != 0 ? find_application (account, phone->application_id) : NULL;
  Rule *rule = phone->rule_id != 0 ? find_rule (account, phone->rule_id) : NULL;

  json_object_set_int_member (object, "phone_id", phone->phone_id);
  json_object_set_string_member (object, "phone_number", phone->number);
  json_object_set_double_member (object, "phone_price", phone->price);
  json_object_set_string_member (object, "phone_country_code", phone->country_code);
  set_date (object, "phone_next_renewal", renewal);
  set_timestamp (object, "phone_purchase_date", phone->purchased);
  json_object_set_boolean_member (object, "deactivated", phone->deactivated);
  json_object_set_boolean_member (object, "canceled", FALSE);
  json_object_set_boolean_member (object, "auto_charge", TRUE);
  if (app != NULL)
    {
      g_autofree char *full_name = application_full_name (self, account, app);

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
  json_object_set_boolean_member (object, "required_verification", phone->required_verification);
  json_object_set_string_member (object, "verification_status", verification_status (phone->required_verification));
  if (phone->required_verification)
    {
      g_autoptr(GDateTime) hold = phone_hold_until (phone);

      set_date (object, "unverified_hold_until", hold);
    }
  /* An unverified number cannot take calls yet. */
  json_object_set_boolean_member (object, "can_be_used", !phone->required_verification && !phone->deactivated);
  json_object_set_boolean_member (object, "is_sms_supported", FALSE);
  json_object_set_boolean_member (object, "is_sms_enabled", FALSE);
  json_object_set_int_member (object, "subscription_id", phone->phone_id);
  json_object_set_string_member (object, "phone_region_name", phone->region_name);
  set_timestamp (object, "modified", phone->modified);

  return object;
}

static void
method_get_phone_numbers (Call *call)
{
  GovorunVoximplantEmulator *self = call->self;
  Account *account = call->account;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) numbers = NULL;
  const char *template = call_param (call, "phone_template");
  const char *country_code = call_param (call, "country_code");
  const char *category = call_param (call, "phone_category_name");
  const char *rule_name = call_param (call, "rule_name");
  int bound_to_app, bound_to_rule, deactivated, canceled;
  Application *app;
  gint64 rule_id = 0;
  guint offset, count;

  if (!call_get_application (call, FALSE, &app)
      || !call_get_filter_bool (call, "is_bound_to_application", &bound_to_app)
      || !call_get_filter_bool (call, "is_bound_to_rule", &bound_to_rule)
      || !call_get_filter_bool (call, "deactivated", &deactivated)
      || !call_get_filter_bool (call, "canceled", &canceled)
      || !call_get_page (call, &offset, &count))
    return;

  if (call_param (call, "phone_id") != NULL
      && (ids = call_get_ids (call, "phone_id", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_ID, NULL)) == NULL)
    return;

  if (call_param (call, "phone_number") != NULL)
    {
      if ((numbers = call_get_list (call, "phone_number", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER)) == NULL)
        return;
      for (guint i = 0; numbers[i] != NULL; i++)
        {
          char *normal = normalize_number (numbers[i]);

          if (normal == NULL)
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER, "Invalid phone number: %s", numbers[i]);
              return;
            }
          g_free (numbers[i]);
          numbers[i] = normal;
        }
    }

  if (call_param (call, "rule_id") != NULL && !parse_single_id (call_param (call, "rule_id"), &rule_id))
    {
      call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_RULE_ID, "Invalid rule_id: %s", call_param (call, "rule_id"));
      return;
    }

  for (guint i = 0; i < account->phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (account->phones, i);
      Rule *rule = phone->rule_id != 0 ? find_rule (account, phone->rule_id) : NULL;

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

  call_reply_list (call, items, offset, count, NULL);
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
  choice = call_choose (call, "phone_id", "phone_number", TRUE);
  if (choice == CHOICE_FAILED)
    return FALSE;

  if (choice == CHOICE_FIRST)
    {
      gboolean all = FALSE;
      g_autoptr(GArray) ids = call_get_ids (call, "phone_id", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_ID, &all);

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
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_ID,
                           "Invalid phone_id: %" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
              return FALSE;
            }
          g_ptr_array_add (phones, phone);
        }
    }
  else
    {
      g_auto(GStrv) texts = call_get_list (call, "phone_number", GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER);

      if (texts == NULL)
        return FALSE;

      for (guint i = 0; texts[i] != NULL; i++)
        {
          g_autofree char *number = normalize_number (texts[i]);
          Phone *phone = number != NULL ? find_phone_by_number (account, number) : NULL;

          if (phone == NULL || phone->deactivated)
            {
              call_errorf (call, GOVORUN_VOXIMPLANT_CODE_INVALID_PHONE_NUMBER,
                           "Invalid phone number: %s", texts[i]);
              return FALSE;
            }
          g_ptr_array_add (phones, phone);
        }
    }

  *out = g_steal_pointer (&phones);
  return TRUE;
}

static void
method_bind_phone_number_to_application (Call *call)
{
  g_autoptr(GPtrArray) phones = NULL;
  Application *app;
  Rule *rule;
  gboolean bind;
  gint64 now = now_seconds (call);

  if (!call_get_phones (call, &phones)
      || !call_get_application (call, TRUE, &app)
      || !call_get_rule (call, app, FALSE, &rule)
      || !call_get_bool (call, "bind", call->self->bind_default, &bind))
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

  call_reply_ok (call, NULL);
}

static void
method_deactivate_phone_number (Call *call)
{
  Account *account = call->account;
  g_autoptr(GPtrArray) phones = NULL;
  gint64 now = now_seconds (call);

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

  call_reply_ok (call, NULL);
}

/* New methods are added here. Names are matched as spelled (case
 * sensitivity of the real API is UNVERIFIED; see the property). */
static const Method methods[] = {
  { "GetAccountInfo", method_get_account_info },
  { "AddApplication", method_add_application },
  { "GetApplications", method_get_applications },
  { "SetApplicationInfo", method_set_application_info },
  { "DelApplication", method_del_application },
  { "AddScenario", method_add_scenario },
  { "GetScenarios", method_get_scenarios },
  { "SetScenarioInfo", method_set_scenario_info },
  { "DelScenario", method_del_scenario },
  { "BindScenario", method_bind_scenario },
  { "AddRule", method_add_rule },
  { "GetRules", method_get_rules },
  { "SetRuleInfo", method_set_rule_info },
  { "DelRule", method_del_rule },
  { "GetPhoneNumberCategories", method_get_phone_number_categories },
  { "GetPhoneNumberCountryStates", method_get_phone_number_country_states },
  { "GetPhoneNumberRegions", method_get_phone_number_regions },
  { "GetNewPhoneNumbers", method_get_new_phone_numbers },
  { "AttachPhoneNumber", method_attach_phone_number },
  { "GetPhoneNumbers", method_get_phone_numbers },
  { "BindPhoneNumberToApplication", method_bind_phone_number_to_application },
  { "DeactivatePhoneNumber", method_deactivate_phone_number },
};

static const Method *
find_method (GovorunVoximplantEmulator *self,
             const char                *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      if (g_str_equal (methods[i].name, name))
        return &methods[i];
      if (self->methods_case_insensitive && g_ascii_strcasecmp (methods[i].name, name) == 0)
        return &methods[i];
    }

  return NULL;
}

/* Authentication --------------------------------------------------------- */

static Account *
find_account_by_params (GovorunVoximplantEmulator *self,
                        GHashTable                *params)
{
  const char *id_text = g_hash_table_lookup (params, "account_id");
  const char *name = g_hash_table_lookup (params, "account_name");
  const char *email = g_hash_table_lookup (params, "account_email");
  GHashTableIter iter;
  gpointer value;

  if (id_text != NULL)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
        return NULL;
      return g_hash_table_lookup (self->accounts, &id);
    }

  if (name == NULL && email == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, self->accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Account *account = value;

      if (name != NULL && g_strcmp0 (account->account_name, name) == 0)
        return account;
      if (name == NULL && email != NULL && g_strcmp0 (account->account_email, email) == 0)
        return account;
    }

  return NULL;
}

/* Base64url without padding (RFC 7515 §2); strict, unlike g_base64_decode
 * which skips characters it does not know. */
static GBytes *
base64url_decode (const char *text,
                  gsize       len)
{
  g_autoptr(GString) standard = NULL;
  guchar *data;
  gsize out_len;

  if (len % 4 == 1)
    return NULL;

  standard = g_string_sized_new (len + 3);
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '-')
        c = '+';
      else if (c == '_')
        c = '/';
      else if (!g_ascii_isalnum (c))
        return NULL;
      g_string_append_c (standard, c);
    }
  while (standard->len % 4 != 0)
    g_string_append_c (standard, '=');

  data = g_base64_decode (standard->str, &out_len);
  return g_bytes_new_take (data, out_len);
}

static JsonObject *
decode_json_segment (const char *text,
                     gsize       len)
{
  g_autoptr(GBytes) bytes = base64url_decode (text, len);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  gconstpointer data;
  gsize size;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || !g_utf8_validate (data, size, NULL))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, size, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
get_int_member (JsonObject *object,
                const char *name,
                gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *out = json_node_get_int (node);
  return TRUE;
}

/* Returns 0 and sets @account on success, else the API error code. */
static int
verify_jwt (GovorunVoximplantEmulator  *self,
            const char                 *token,
            Account                   **account)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(JsonObject) claims = NULL;
  g_autoptr(GBytes) signature = NULL;
  const char *alg;
  const char *kid;
  ServiceKey *key;
  gint64 iss, iat, exp, now;
  gnutls_datum_t signed_data, signature_data;
  gsize sig_len;

  parts = g_strsplit (token, ".", -1);
  if (g_strv_length (parts) != 3)
    return GOVORUN_VOXIMPLANT_CODE_INVALID_TOKEN_FORMAT;

  header = decode_json_segment (parts[0], strlen (parts[0]));
  claims = decode_json_segment (parts[1], strlen (parts[1]));
  signature = base64url_decode (parts[2], strlen (parts[2]));
  if (header == NULL || claims == NULL || signature == NULL || g_bytes_get_size (signature) == 0)
    return GOVORUN_VOXIMPLANT_CODE_INVALID_TOKEN_FORMAT;

  alg = get_string_member (header, "alg");
  kid = get_string_member (header, "kid");
  if (g_strcmp0 (alg, "RS256") != 0 || kid == NULL)
    return GOVORUN_VOXIMPLANT_CODE_INVALID_TOKEN_FORMAT;

  if (!get_int_member (claims, "iss", &iss)
      || !get_int_member (claims, "iat", &iat)
      || !get_int_member (claims, "exp", &exp))
    return GOVORUN_VOXIMPLANT_CODE_INVALID_TOKEN_FORMAT;

  key = g_hash_table_lookup (self->keys, kid);
  if (key == NULL)
    return GOVORUN_VOXIMPLANT_CODE_INVALID_KEY_ID;

  /* The signature covers "<header>.<claims>" as sent. */
  signed_data.data = (unsigned char *) token;
  signed_data.size = strlen (parts[0]) + 1 + strlen (parts[1]);
  signature_data.data = (unsigned char *) g_bytes_get_data (signature, &sig_len);
  signature_data.size = sig_len;
  if (gnutls_pubkey_verify_data2 (key->pubkey, GNUTLS_SIGN_RSA_SHA256, 0,
                                  &signed_data, &signature_data) < 0)
    return GOVORUN_VOXIMPLANT_CODE_AUTHORIZATION_FAILED;

  /* Parent accounts acting on children are not modelled yet: the key's
   * own account must be the issuer. */
  if (iss != key->account_id)
    return GOVORUN_VOXIMPLANT_CODE_AUTHORIZATION_FAILED;

  if (exp < iat)
    return GOVORUN_VOXIMPLANT_CODE_INVALID_TOKEN_FORMAT;
  if (exp - iat > MAX_TOKEN_TTL_S)
    return GOVORUN_VOXIMPLANT_CODE_TOKEN_TTL_EXCEEDED;

  now = emulator_now (self);
  if (iat > now + IAT_LEEWAY_S)
    return GOVORUN_VOXIMPLANT_CODE_TOKEN_IN_FUTURE;
  if (exp <= now)
    return GOVORUN_VOXIMPLANT_CODE_TOKEN_EXPIRED;

  *account = g_hash_table_lookup (self->accounts, &iss);
  if (*account == NULL)
    return GOVORUN_VOXIMPLANT_CODE_AUTHORIZATION_FAILED;

  return 0;
}

/* Returns 0 and fills @call's account and auth mode, else an error code. */
static int
authenticate (GovorunVoximplantEmulator *self,
              Call                      *call)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (call->msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");

  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    {
      g_autofree char *token = g_strstrip (g_strdup (authorization + 7));

      call->auth = AUTH_JWT;
      if (*token == '\0')
        return GOVORUN_VOXIMPLANT_CODE_INVALID_TOKEN_FORMAT;

      return verify_jwt (self, token, &call->account);
    }
  else
    {
      const char *api_key = g_hash_table_lookup (call->params, "api_key");
      Account *account;

      call->auth = AUTH_API_KEY;
      if (api_key == NULL)
        return GOVORUN_VOXIMPLANT_CODE_AUTHORIZATION_FAILED;

      account = find_account_by_params (self, call->params);
      if (account == NULL || account->api_key == NULL
          || !g_str_equal (account->api_key, api_key))
        return GOVORUN_VOXIMPLANT_CODE_AUTHORIZATION_FAILED;

      call->account = account;
      return 0;
    }
}

/* GovorunEmulator -------------------------------------------------------- */

static char *
govorun_voximplant_emulator_route (GovorunEmulator   *emulator,
                                   SoupServerMessage *msg,
                                   const char        *path,
                                   GHashTable        *params)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (emulator);
  g_autofree char *name = NULL;
  const char *style;
  const Method *method;

  if (!g_str_has_prefix (path, PLATFORM_API))
    return NULL;

  path += strlen (PLATFORM_API);

  if (*path == '\0' || g_str_equal (path, "/"))
    {
      const char *cmd = g_hash_table_lookup (params, "cmd");

      style = "cmd";
      name = g_strdup (cmd != NULL ? cmd : "");
    }
  else if (*path == '/')
    {
      const char *end;

      path++;
      end = strchr (path, '/');
      /* Only one optional trailing slash after the method name. */
      if (end != NULL && end[1] != '\0')
        return NULL;

      style = "path";
      name = end != NULL ? g_strndup (path, end - path) : g_strdup (path);
    }
  else
    {
      return NULL;
    }

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->last_params, g_hash_table_unref);
  self->last_params = g_hash_table_ref (params);
  self->last_style = style;
  method = find_method (self, name);
  g_mutex_unlock (&self->lock);

  /* Counted and faulted under the canonical spelling. */
  if (method != NULL)
    return g_strdup (method->name);

  return g_steal_pointer (&name);
}

static void
govorun_voximplant_emulator_handle (GovorunEmulator   *emulator,
                                    SoupServerMessage *msg,
                                    const char        *name,
                                    GHashTable        *params)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (emulator);
  Call call = { self, msg, params, NULL, AUTH_API_KEY };
  const Method *method;
  int code;

  g_mutex_lock (&self->lock);

  if (*name == '\0')
    {
      call_error (&call, GOVORUN_VOXIMPLANT_CODE_MISSING_CMD, NULL);
      goto out;
    }

  method = find_method (self, name);
  if (method == NULL)
    {
      call_error (&call, GOVORUN_VOXIMPLANT_CODE_UNKNOWN_COMMAND, NULL);
      goto out;
    }

  code = authenticate (self, &call);
  if (code != 0)
    {
      call_error (&call, code, NULL);
      goto out;
    }

  g_debug ("%s for account %" G_GINT64_FORMAT, method->name, call.account->account_id);
  method->func (&call);

out:
  g_mutex_unlock (&self->lock);
}

static void
govorun_voximplant_emulator_render_fault (GovorunEmulator    *emulator,
                                          SoupServerMessage  *msg,
                                          const char         *method,
                                          const GovorunFault *fault)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (emulator);
  guint status;

  if (fault->provider_code != 0)
    {
      status = fault->http_status != 0 ? fault->http_status : self->error_http_status;
      respond_error (self, msg, status, fault->provider_code, NULL);
      return;
    }

  /* A bare HTTP failure (a gateway's 502/503, a 429 in front of the API)
   * carries no Voximplant envelope: what such bodies look like is not
   * documented, and a client must rely on the status alone. */
  soup_server_message_set_status (msg, fault->http_status, NULL);
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_COPY,
                                    soup_status_get_phrase (fault->http_status) != NULL
                                    ? soup_status_get_phrase (fault->http_status) : "Error",
                                    strlen (soup_status_get_phrase (fault->http_status) != NULL
                                            ? soup_status_get_phrase (fault->http_status) : "Error"));
}

/* GObject ---------------------------------------------------------------- */

static void
govorun_voximplant_emulator_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (object);

  switch (prop_id)
    {
    case PROP_ERROR_HTTP_STATUS:
      g_value_set_uint (value, self->error_http_status);
      break;

    case PROP_METHODS_CASE_INSENSITIVE:
      g_value_set_boolean (value, self->methods_case_insensitive);
      break;

    case PROP_API_ADDRESS:
      g_mutex_lock (&self->lock);
      g_value_set_string (value, self->api_address);
      g_mutex_unlock (&self->lock);
      break;

    case PROP_APPLICATION_DOMAIN_SUFFIX:
      g_mutex_lock (&self->lock);
      g_value_set_string (value, self->application_domain_suffix);
      g_mutex_unlock (&self->lock);
      break;

    case PROP_BIND_DEFAULT:
      g_value_set_boolean (value, self->bind_default);
      break;

    case PROP_DEFAULT_LIST_COUNT:
      g_value_set_uint (value, self->default_list_count);
      break;

    case PROP_REQUIRE_COUNTRY_STATE:
      g_value_set_boolean (value, self->require_country_state);
      break;

    case PROP_DEL_RULE_REQUIRES_APPLICATION:
      g_value_set_boolean (value, self->del_rule_requires_application);
      break;

    case PROP_KEEP_DEACTIVATED_NUMBERS:
      g_value_set_boolean (value, self->keep_deactivated_numbers);
      break;

    case PROP_DELETE_APPLICATION_SCENARIOS:
      g_value_set_boolean (value, self->delete_application_scenarios);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_voximplant_emulator_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (object);

  g_mutex_lock (&self->lock);

  switch (prop_id)
    {
    case PROP_ERROR_HTTP_STATUS:
      self->error_http_status = g_value_get_uint (value);
      break;

    case PROP_METHODS_CASE_INSENSITIVE:
      self->methods_case_insensitive = g_value_get_boolean (value);
      break;

    case PROP_API_ADDRESS:
      g_free (self->api_address);
      self->api_address = g_value_dup_string (value);
      break;

    case PROP_APPLICATION_DOMAIN_SUFFIX:
      g_free (self->application_domain_suffix);
      self->application_domain_suffix = g_value_dup_string (value);
      break;

    case PROP_BIND_DEFAULT:
      self->bind_default = g_value_get_boolean (value);
      break;

    case PROP_DEFAULT_LIST_COUNT:
      self->default_list_count = g_value_get_uint (value);
      break;

    case PROP_REQUIRE_COUNTRY_STATE:
      self->require_country_state = g_value_get_boolean (value);
      break;

    case PROP_DEL_RULE_REQUIRES_APPLICATION:
      self->del_rule_requires_application = g_value_get_boolean (value);
      break;

    case PROP_KEEP_DEACTIVATED_NUMBERS:
      self->keep_deactivated_numbers = g_value_get_boolean (value);
      break;

    case PROP_DELETE_APPLICATION_SCENARIOS:
      self->delete_application_scenarios = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }

  g_mutex_unlock (&self->lock);
}

static void
govorun_voximplant_emulator_finalize (GObject *object)
{
  GovorunVoximplantEmulator *self = GOVORUN_VOXIMPLANT_EMULATOR (object);

  g_clear_pointer (&self->accounts, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->last_params, g_hash_table_unref);
  g_clear_pointer (&self->api_address, g_free);
  g_clear_pointer (&self->application_domain_suffix, g_free);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (govorun_voximplant_emulator_parent_class)->finalize (object);
}

static void
govorun_voximplant_emulator_class_init (GovorunVoximplantEmulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GovorunEmulatorClass *emulator_class = GOVORUN_EMULATOR_CLASS (klass);

  object_class->get_property = govorun_voximplant_emulator_get_property;
  object_class->set_property = govorun_voximplant_emulator_set_property;
  object_class->finalize = govorun_voximplant_emulator_finalize;

  emulator_class->route = govorun_voximplant_emulator_route;
  emulator_class->handle = govorun_voximplant_emulator_handle;
  emulator_class->render_fault = govorun_voximplant_emulator_render_fault;

  /* UNVERIFIED in the reference (§1.4): clients read the JSON body, so the
   * status of API errors is a setting. */
  properties[PROP_ERROR_HTTP_STATUS] =
    g_param_spec_uint ("error-http-status", NULL, NULL,
                       100, 599, 200,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED in the reference (§1.1). */
  properties[PROP_METHODS_CASE_INSENSITIVE] =
    g_param_spec_boolean ("methods-case-insensitive", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* The exact form of api_address (host, or URL) is UNVERIFIED. */
  properties[PROP_API_ADDRESS] =
    g_param_spec_string ("api-address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED (§2 Applications): full application names are
   * "<short>.<account_name>.<suffix>"; older accounts lack the node part
   * ("myapp1.test.voximplant.com"). */
  properties[PROP_APPLICATION_DOMAIN_SUFFIX] =
    g_param_spec_string ("application-domain-suffix", NULL, NULL,
                         "n1.voximplant.com",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED (§2 Phone numbers): what BindPhoneNumberToApplication and
   * BindScenario do without a "bind" parameter. */
  properties[PROP_BIND_DEFAULT] =
    g_param_spec_boolean ("bind-default", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED (§1.6): how many items a list returns without "count". */
  properties[PROP_DEFAULT_LIST_COUNT] =
    g_param_spec_uint ("default-list-count", NULL, NULL,
                       1, G_MAXUINT, 20,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED: whether GetPhoneNumberRegions needs "country_state" for
   * a category with states (error 485 when TRUE and it is missing). */
  properties[PROP_REQUIRE_COUNTRY_STATE] =
    g_param_spec_boolean ("require-country-state", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED (§2 Rules): S2 makes DelRule take the application even for
   * an id-based delete. */
  properties[PROP_DEL_RULE_REQUIRES_APPLICATION] =
    g_param_spec_boolean ("del-rule-requires-application", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED: whether a deactivated number stays listed by
   * GetPhoneNumbers (with "deactivated": true) or disappears. */
  properties[PROP_KEEP_DEACTIVATED_NUMBERS] =
    g_param_spec_boolean ("keep-deactivated-numbers", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  /* UNVERIFIED: whether DelApplication also deletes the scenarios kept in
   * the application's folder (FALSE moves them to "Shared"). */
  properties[PROP_DELETE_APPLICATION_SCENARIOS] =
    g_param_spec_boolean ("delete-application-scenarios", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_voximplant_emulator_init (GovorunVoximplantEmulator *self)
{
  g_mutex_init (&self->lock);
  self->accounts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) account_free);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) service_key_free);
  self->error_http_status = SOUP_STATUS_OK;
  self->next_application_id = 100001;
  self->next_scenario_id = 200001;
  self->next_rule_id = 300001;
  self->next_phone_id = 400001;
  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) region_free);
  self->application_domain_suffix = g_strdup ("n1.voximplant.com");
  self->bind_default = TRUE;
  self->default_list_count = 20;
  self->require_country_state = TRUE;
  self->del_rule_requires_application = TRUE;
  self->keep_deactivated_numbers = FALSE;
  self->delete_application_scenarios = TRUE;
}

/* Public API ------------------------------------------------------------- */

GovorunVoximplantEmulator *
govorun_voximplant_emulator_new (void)
{
  return g_object_new (GOVORUN_TYPE_VOXIMPLANT_EMULATOR, NULL);
}

void
govorun_voximplant_emulator_add_account (GovorunVoximplantEmulator *self,
                                         gint64                     account_id,
                                         const char                *account_name,
                                         const char                *account_email,
                                         const char                *api_key,
                                         double                     balance,
                                         const char                *currency)
{
  Account *account;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));
  g_return_if_fail (account_id > 0);
  g_return_if_fail (account_name != NULL);

  account = g_new0 (Account, 1);
  account->account_id = account_id;
  account->account_name = g_strdup (account_name);
  account->account_email = g_strdup (account_email != NULL ? account_email : "");
  account->api_key = g_strdup (api_key);
  account->first_name = g_strdup ("Sandbox");
  account->last_name = g_strdup ("User");
  account->created = g_date_time_new_utc (2024, 1, 15, 9, 30, 0);
  account->language_code = g_strdup ("en");
  account->location = g_strdup ("Etc/GMT");
  account->active = TRUE;
  account->frozen = FALSE;
  account->balance = balance;
  account->credit_limit = 0;
  account->currency = g_strdup (currency != NULL ? currency : "USD");
  account->applications = g_ptr_array_new_with_free_func ((GDestroyNotify) application_free);
  account->scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify) scenario_free);
  account->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  account->phones = g_ptr_array_new_with_free_func ((GDestroyNotify) phone_free);

  g_mutex_lock (&self->lock);
  /* The key points into the value, so both go together on replace. */
  g_hash_table_replace (self->accounts, &account->account_id, account);
  g_mutex_unlock (&self->lock);
}

static char *
make_credentials_json (gint64      account_id,
                       const char *account_email,
                       const char *key_id,
                       const char *private_key)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "account_email");
  json_builder_add_string_value (builder, account_email);
  json_builder_set_member_name (builder, "account_id");
  json_builder_add_int_value (builder, account_id);
  json_builder_set_member_name (builder, "key_id");
  json_builder_add_string_value (builder, key_id);
  json_builder_set_member_name (builder, "private_key");
  json_builder_add_string_value (builder, private_key);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  return json_to_string (node, TRUE);
}

char *
govorun_voximplant_emulator_create_key (GovorunVoximplantEmulator  *self,
                                        gint64                      account_id,
                                        GError                    **error)
{
  gnutls_privkey_t privkey = NULL;
  gnutls_x509_privkey_t x509 = NULL;
  gnutls_pubkey_t pubkey = NULL;
  gnutls_datum_t pem = { NULL, 0 };
  g_autofree char *email = NULL;
  g_autofree char *private_key = NULL;
  ServiceKey *key;
  char *json = NULL;
  Account *account;
  int ret;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  email = account != NULL ? g_strdup (account->account_email) : NULL;
  g_mutex_unlock (&self->lock);

  if (email == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The emulator has no account %s. Add the account first."), id);
      return NULL;
    }

  /* Generation runs outside the lock: it takes a tenth of a second. */
  if ((ret = gnutls_privkey_init (&privkey)) < 0
      || (ret = gnutls_privkey_generate2 (privkey, GNUTLS_PK_RSA, RSA_KEY_BITS, 0, NULL, 0)) < 0
      || (ret = gnutls_privkey_export_x509 (privkey, &x509)) < 0
      || (ret = gnutls_x509_privkey_export2 (x509, GNUTLS_X509_FMT_PEM, &pem)) < 0
      || (ret = gnutls_pubkey_init (&pubkey)) < 0
      || (ret = gnutls_pubkey_import_privkey (pubkey, privkey, 0, 0)) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not generate a service-account key (%s)."), gnutls_strerror (ret));
      goto out;
    }

  /* PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"), as the control panel hands out. */
  private_key = g_strndup ((const char *) pem.data, pem.size);

  key = g_new0 (ServiceKey, 1);
  key->key_id = g_uuid_string_random ();
  key->account_id = account_id;
  key->pubkey = g_steal_pointer (&pubkey);

  json = make_credentials_json (account_id, email, key->key_id, private_key);

  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->keys, key->key_id, key);
  g_mutex_unlock (&self->lock);

out:
  if (pem.data != NULL)
    {
      gnutls_memset (pem.data, 0, pem.size);
      gnutls_free (pem.data);
    }
  if (private_key != NULL)
    gnutls_memset (private_key, 0, strlen (private_key));
  g_clear_pointer (&x509, gnutls_x509_privkey_deinit);
  g_clear_pointer (&privkey, gnutls_privkey_deinit);
  g_clear_pointer (&pubkey, gnutls_pubkey_deinit);

  return json;
}

void
govorun_voximplant_emulator_set_balance (GovorunVoximplantEmulator *self,
                                         gint64                     account_id,
                                         double                     balance)
{
  Account *account;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    account->balance = balance;
  g_mutex_unlock (&self->lock);

  if (account == NULL)
    g_warning ("No emulated account %" G_GINT64_FORMAT, account_id);
}

void
govorun_voximplant_emulator_set_clock_offset (GovorunVoximplantEmulator *self,
                                              gint64                     seconds)
{
  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self));

  g_mutex_lock (&self->lock);
  self->clock_offset = seconds;
  g_mutex_unlock (&self->lock);
}

GHashTable *
govorun_voximplant_emulator_get_last_params (GovorunVoximplantEmulator *self)
{
  GHashTable *copy = NULL;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->last_params != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, self->last_params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
    }
  g_mutex_unlock (&self->lock);

  return copy;
}

const char *
govorun_voximplant_emulator_get_last_style (GovorunVoximplantEmulator *self)
{
  const char *style;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  style = self->last_style;
  g_mutex_unlock (&self->lock);

  return style;
}

/* Provisioning and inventory seeding --------------------------------------- */

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
      region->stock = g_ptr_array_new_with_free_func ((GDestroyNotify) stock_number_free);
      for (guint j = 0; j < region->seed->stock; j++)
        {
          StockNumber *number = g_new0 (StockNumber, 1);

          number->number = g_strdup_printf ("%" G_GINT64_FORMAT, region->seed->first_number + j);
          /* Numbers someone already owns are not for sale. */
          if (number_owned_anywhere (self, number->number))
            {
              stock_number_free (number);
              continue;
            }
          number->phone_id = self->next_phone_id++;
          g_ptr_array_add (region->stock, number);
        }
      g_ptr_array_add (self->regions, region);
    }

  g_mutex_unlock (&self->lock);
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

  normal = normalize_number (number);
  g_return_val_if_fail (normal != NULL, 0);

  g_mutex_lock (&self->lock);

  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account == NULL || number_owned_anywhere (self, normal))
    goto out;

  phone = g_new0 (Phone, 1);
  phone->number = g_strdup (normal);
  phone->country_code = g_strdup (country_code);
  phone->category = g_strdup (category);
  phone->region_name = g_strdup (region_name);
  phone->price = 1.0;
  phone->purchased = emulator_now (self);
  phone->modified = phone->purchased;

  /* A seeded region lends its price and verification; a number in its
   * stock leaves the stock and keeps its id. */
  region = find_region_by_name (self, country_code, category, region_name);
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

guint
govorun_voximplant_emulator_count_objects (GovorunVoximplantEmulator *self,
                                           gint64                     account_id,
                                           const char                *type)
{
  Account *account;
  guint count = 0;
  gboolean known = TRUE;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), 0);
  g_return_val_if_fail (type != NULL, 0);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account == NULL)
    ;
  else if (g_str_equal (type, "application"))
    count = account->applications->len;
  else if (g_str_equal (type, "scenario"))
    count = account->scenarios->len;
  else if (g_str_equal (type, "rule"))
    count = account->rules->len;
  else if (g_str_equal (type, "number") || g_str_equal (type, "bound-number"))
    {
      gboolean bound_only = g_str_equal (type, "bound-number");

      for (guint i = 0; i < account->phones->len; i++)
        {
          Phone *phone = g_ptr_array_index (account->phones, i);

          if (!phone->deactivated && (!bound_only || phone->application_id != 0))
            count++;
        }
    }
  else
    known = FALSE;
  g_mutex_unlock (&self->lock);

  if (!known)
    g_warning ("Unknown emulated object type '%s'", type);

  return count;
}

char *
govorun_voximplant_emulator_get_scenario_script (GovorunVoximplantEmulator *self,
                                                 gint64                     account_id,
                                                 gint64                     scenario_id)
{
  Account *account;
  Scenario *scenario = NULL;
  char *script = NULL;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), NULL);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    scenario = find_scenario (account, scenario_id);
  if (scenario != NULL)
    script = g_strdup (scenario->script);
  g_mutex_unlock (&self->lock);

  return script;
}

gboolean
govorun_voximplant_emulator_tamper_rule_pattern (GovorunVoximplantEmulator *self,
                                                 gint64                     account_id,
                                                 gint64                     rule_id,
                                                 const char                *pattern)
{
  Account *account;
  Rule *rule = NULL;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  if (account != NULL)
    rule = find_rule (account, rule_id);
  if (rule != NULL)
    {
      /* Deliberately unvalidated, as if changed in the control panel;
       * "modified" is left alone so drift is not given away. */
      g_free (rule->pattern);
      rule->pattern = g_strdup (pattern);
    }
  g_mutex_unlock (&self->lock);

  return rule != NULL;
}

/**
 * govorun_voximplant_emulator_tamper_application_rules:
 * @pattern: the new pattern of every rule of the application
 *
 * The sandbox's "break it" hook: as if someone edited the application's
 * routing rules in the control panel. Returns how many rules changed.
 */
guint
govorun_voximplant_emulator_tamper_application_rules (GovorunVoximplantEmulator *self,
                                                      gint64                     account_id,
                                                      gint64                     application_id,
                                                      const char                *pattern)
{
  Account *account;
  guint changed = 0;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_EMULATOR (self), 0);
  g_return_val_if_fail (pattern != NULL, 0);

  g_mutex_lock (&self->lock);
  account = g_hash_table_lookup (self->accounts, &account_id);
  for (guint i = 0; account != NULL && i < account->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (account->rules, i);

      if (rule->application_id != application_id)
        continue;
      g_free (rule->pattern);
      rule->pattern = g_strdup (pattern);
      changed++;
    }
  g_mutex_unlock (&self->lock);

  return changed;
}
