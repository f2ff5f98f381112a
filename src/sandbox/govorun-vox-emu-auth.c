/* govorun-vox-emu-auth.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantEmulator"

#include "config.h"

#include <glib/gi18n.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "govorun-json.h"
#include "govorun-voximplant-emulator-private.h"

/* Who is asking: the legacy API key parameters or a service account's
 * RS256 JWT, and the service-account keys the emulator hands out. */

#define RSA_KEY_BITS    2048
/* Tokens issued slightly ahead of our clock are accepted (reference §6:
 * clock skew). */
#define IAT_LEEWAY_S    5
#define MAX_TOKEN_TTL_S 3600

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
  g_autoptr(JsonNode) root = NULL;

  if (bytes == NULL)
    return NULL;

  root = govorun_json_parse_bytes (bytes, GOVORUN_JSON_REQUEST, NULL);
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

  now = vox_emu_now (self);
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
int
vox_emu_authenticate (GovorunVoximplantEmulator *self,
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
