/* govorun-voximplant-emulator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

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
} Account;

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
};

G_DEFINE_FINAL_TYPE (GovorunVoximplantEmulator, govorun_voximplant_emulator, GOVORUN_TYPE_EMULATOR)

enum {
  PROP_0,
  PROP_ERROR_HTTP_STATUS,
  PROP_METHODS_CASE_INSENSITIVE,
  PROP_API_ADDRESS,
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
  g_free (account);
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

/* New methods are added here. Names are matched as spelled (case
 * sensitivity of the real API is UNVERIFIED; see the property). */
static const Method methods[] = {
  { "GetAccountInfo", method_get_account_info },
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

  if (fault->http_status == 429)
    {
      govorun_emulator_respond_json_string (msg, 429,
                                            "{\"error\":{\"msg\":\"Too Many Requests\",\"code\":429}}");
      return;
    }

  respond_error (self, msg, fault->http_status, (int) fault->http_status,
                 soup_status_get_phrase (fault->http_status) != NULL
                 ? soup_status_get_phrase (fault->http_status) : "Internal server error");
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
