/* test-voximplant-credentials.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantCredentials"

#include "config.h"

#include <glib/gstdio.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "govorun-voximplant-credentials.h"

/* Keys are made once per run: generating RSA keys is slow. */
static char *rsa_pkcs1_pem;
static char *rsa_pkcs8_pem;
static char *ec_pem;
static gnutls_pubkey_t rsa_pubkey;

/* Everything logged during the run, to check no secret leaks into logs. */
static GString *log_capture;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        {
          g_string_append (log_capture, fields[i].value);
          g_string_append_c (log_capture, '\n');
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static char *
export_pem (gnutls_x509_privkey_t key,
            gboolean              pkcs8)
{
  gnutls_datum_t out = { NULL, 0 };
  char *pem;
  int ret;

  if (pkcs8)
    ret = gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                             GNUTLS_PKCS_PLAIN, &out);
  else
    ret = gnutls_x509_privkey_export2 (key, GNUTLS_X509_FMT_PEM, &out);
  g_assert_cmpint (ret, ==, 0);

  pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  return pem;
}

static void
make_keys (void)
{
  gnutls_x509_privkey_t rsa, ec;
  gnutls_privkey_t priv;

  g_assert_cmpint (gnutls_x509_privkey_init (&rsa), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate (rsa, GNUTLS_PK_RSA, 2048, 0), ==, 0);
  rsa_pkcs1_pem = export_pem (rsa, FALSE);
  rsa_pkcs8_pem = export_pem (rsa, TRUE);
  g_assert_nonnull (strstr (rsa_pkcs1_pem, "BEGIN RSA PRIVATE KEY"));
  g_assert_nonnull (strstr (rsa_pkcs8_pem, "BEGIN PRIVATE KEY"));

  g_assert_cmpint (gnutls_privkey_init (&priv), ==, 0);
  g_assert_cmpint (gnutls_privkey_import_x509 (priv, rsa, 0), ==, 0);
  g_assert_cmpint (gnutls_pubkey_init (&rsa_pubkey), ==, 0);
  g_assert_cmpint (gnutls_pubkey_import_privkey (rsa_pubkey, priv, 0, 0), ==, 0);
  gnutls_privkey_deinit (priv);
  gnutls_x509_privkey_deinit (rsa);

  g_assert_cmpint (gnutls_x509_privkey_init (&ec), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_generate (ec, GNUTLS_PK_ECDSA,
                                                 GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1),
                                                 0), ==, 0);
  ec_pem = export_pem (ec, TRUE);
  gnutls_x509_privkey_deinit (ec);
}

/* Builds a key file; a NULL value leaves the field out. */
static char *
make_file_full (JsonNode   *account_id,
                const char *key_id,
                const char *account_email,
                const char *private_key)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (account_id)
    {
      json_builder_set_member_name (builder, "account_id");
      json_builder_add_value (builder, account_id);
    }
  if (account_email)
    {
      json_builder_set_member_name (builder, "account_email");
      json_builder_add_string_value (builder, account_email);
    }
  if (key_id)
    {
      json_builder_set_member_name (builder, "key_id");
      json_builder_add_string_value (builder, key_id);
    }
  if (private_key)
    {
      json_builder_set_member_name (builder, "private_key");
      json_builder_add_string_value (builder, private_key);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

static char *
make_file (const char *pem)
{
  return make_file_full (int_node (4242), "0c1ca3f4-5a1e-4d1a-9a0b-2f7f0e8d9b11",
                         "owner@example.com", pem);
}

static void
assert_no_secret_in (const char *text)
{
  /* A chunk from the middle of the key body. */
  const char *body = strstr (rsa_pkcs1_pem, "\n") + 1;
  g_autofree char *chunk = g_strndup (body + 100, 40);

  g_assert_null (strstr (text, chunk));
  g_assert_null (strstr (text, "PRIVATE KEY"));
}

static void
test_valid_pkcs1 (void)
{
  g_autofree char *data = make_file (rsa_pkcs1_pem);
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = govorun_voximplant_credentials_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (GOVORUN_IS_VOXIMPLANT_CREDENTIALS (credentials));
  g_assert_cmpint (govorun_voximplant_credentials_get_account_id (credentials), ==, 4242);
  g_assert_cmpstr (govorun_voximplant_credentials_get_key_id (credentials), ==,
                   "0c1ca3f4-5a1e-4d1a-9a0b-2f7f0e8d9b11");
  g_assert_cmpstr (govorun_voximplant_credentials_get_account_email (credentials), ==,
                   "owner@example.com");
  g_assert_cmpstr (govorun_voximplant_credentials_get_data (credentials), ==, data);
}

static void
test_valid_pkcs8 (void)
{
  g_autofree char *data = make_file (rsa_pkcs8_pem);
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  /* An explicit length with trailing garbage after it must be honoured. */
  g_autofree char *padded = g_strconcat (data, "garbage", NULL);

  credentials = govorun_voximplant_credentials_new_from_data (padded, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_cmpint (govorun_voximplant_credentials_get_account_id (credentials), ==, 4242);
  g_assert_cmpstr (govorun_voximplant_credentials_get_data (credentials), ==, data);
}

static void
test_account_id_forms (void)
{
  struct {
    const char *json;   /* the account_id value as JSON */
    gint64      expect; /* 0: INVALID_FIELD */
  } cases[] = {
    { "4242", 4242 },
    { "\"4242\"", 4242 },
    { "\"000017\"", 17 },
    { "9223372036854775807", G_MAXINT64 },
    { "0", 0 },
    { "-5", 0 },
    { "1.5", 0 },
    { "4242.0", 0 },
    { "true", 0 },
    { "[]", 0 },
    { "{}", 0 },
    { "\"\"", 0 },
    { "\"0\"", 0 },
    { "\"-4\"", 0 },
    { "\"+4\"", 0 },
    { "\" 4\"", 0 },
    { "\"12a\"", 0 },
    { "\"1234567890123456789\"", 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autofree char *data = make_file_full (json_node_copy (node), "kid", "a@b.c", rsa_pkcs1_pem);
      g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("account_id: %s", cases[i].json);
      credentials = govorun_voximplant_credentials_new_from_data (data, -1, &error);
      if (cases[i].expect)
        {
          g_assert_no_error (error);
          g_assert_cmpint (govorun_voximplant_credentials_get_account_id (credentials), ==,
                           cases[i].expect);
        }
      else
        {
          g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                          GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_FIELD);
          g_assert_null (credentials);
          g_assert_nonnull (strstr (error->message, "“account_id”"));
        }
    }
}

static void
test_missing_fields (void)
{
  const char *fields[] = { "account_id", "key_id", "account_email", "private_key" };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *data = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", fields[i]);
      g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
      g_autoptr(GError) error = NULL;

      data = make_file_full (i == 0 ? NULL : int_node (7),
                             i == 1 ? NULL : "kid",
                             i == 2 ? NULL : "a@b.c",
                             i == 3 ? NULL : rsa_pkcs1_pem);
      credentials = govorun_voximplant_credentials_new_from_data (data, -1, &error);
      g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                      GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_MISSING_FIELD);
      g_assert_null (credentials);
      g_assert_nonnull (strstr (error->message, quoted));
      /* The sentence says what to do. */
      g_assert_nonnull (strstr (error->message, "Service accounts"));
    }

  /* JSON null counts as missing. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunVoximplantCredentials) credentials =
      govorun_voximplant_credentials_new_from_data ("{\"account_id\":1,\"key_id\":null,"
                                                    "\"account_email\":\"\",\"private_key\":\"x\"}",
                                                    -1, &error);
    g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                    GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_MISSING_FIELD);
    g_assert_null (credentials);
  }
}

static void
test_invalid_fields (void)
{
  g_autofree char *truncated_pem = g_strndup (rsa_pkcs1_pem, strlen (rsa_pkcs1_pem) / 2);
  g_autofree char *encrypted_pem = NULL;
  struct {
    const char *member;
    const char *json;
  } typed[] = {
    { "key_id", "\"\"" },
    { "key_id", "5" },
    { "key_id", "[\"a\"]" },
    { "account_email", "5" },
    { "account_email", "false" },
    { "private_key", "{}" },
    { "private_key", "\"\"" },
    { "private_key", "\"not a key\"" },
    { "private_key", "\"-----BEGIN RSA PRIVATE KEY-----\\nAAAA\\n-----END RSA PRIVATE KEY-----\\n\"" },
  };

  /* Wrong types and values, made by replacing one member of a good file. */
  for (gsize i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *data = make_file (rsa_pkcs1_pem);
      g_autoptr(JsonNode) root = json_from_string (data, NULL);
      g_autoptr(JsonNode) value = json_from_string (typed[i].json, NULL);
      g_autofree char *mutated = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", typed[i].member);
      g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
      g_autoptr(GError) error = NULL;

      json_object_set_member (json_node_get_object (root), typed[i].member,
                              g_steal_pointer (&value));
      mutated = json_to_string (root, FALSE);

      g_test_message ("%s: %s", typed[i].member, typed[i].json);
      credentials = govorun_voximplant_credentials_new_from_data (mutated, -1, &error);
      g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                      GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_FIELD);
      g_assert_null (credentials);
      g_assert_nonnull (strstr (error->message, quoted));
    }

  /* Keys GnuTLS reads but that cannot sign RS256, or cannot read. */
  {
    const char *pems[] = { ec_pem, truncated_pem };

    for (gsize i = 0; i < G_N_ELEMENTS (pems); i++)
      {
        g_autofree char *data = make_file (pems[i]);
        g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
        g_autoptr(GError) error = NULL;

        credentials = govorun_voximplant_credentials_new_from_data (data, -1, &error);
        g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                        GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_FIELD);
        g_assert_nonnull (strstr (error->message, "“private_key”"));
        assert_no_secret_in (error->message);
      }
  }

  /* A password-protected PKCS#8 key: no password to give, so refused. */
  {
    gnutls_x509_privkey_t key;
    gnutls_datum_t pem = { NULL, 0 };
    gnutls_datum_t in = { (unsigned char *) rsa_pkcs1_pem, strlen (rsa_pkcs1_pem) };
    g_autofree char *data = NULL;
    g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (gnutls_x509_privkey_init (&key), ==, 0);
    g_assert_cmpint (gnutls_x509_privkey_import (key, &in, GNUTLS_X509_FMT_PEM), ==, 0);
    g_assert_cmpint (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, "secret",
                                                        GNUTLS_PKCS_PBES2_AES_256, &pem), ==, 0);
    encrypted_pem = g_strndup ((const char *) pem.data, pem.size);
    gnutls_free (pem.data);
    gnutls_x509_privkey_deinit (key);

    data = make_file (encrypted_pem);
    credentials = govorun_voximplant_credentials_new_from_data (data, -1, &error);
    g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                    GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_FIELD);
    g_assert_null (credentials);
  }
}

static void
test_invalid_json (void)
{
  struct {
    const char *data;
    gssize      length;
  } cases[] = {
    { "", 0 },
    { "not json", -1 },
    { "[1, 2]", -1 },
    { "\"text\"", -1 },
    { "42", -1 },
    { "null", -1 },
    { "{\"account_id\": 1,", -1 },
    { "{\"account_id\": 1}\0{}", 20 },        /* embedded NUL */
    { "{\"key_id\": \"\xff\xfe\"}", -1 },     /* not UTF-8 */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
      g_autoptr(GError) error = NULL;

      credentials = govorun_voximplant_credentials_new_from_data (cases[i].data, cases[i].length, &error);
      g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                      GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_JSON);
      g_assert_null (credentials);
    }
}

static char *
make_too_large (gsize *out_len)
{
  g_autofree char *data = make_file (rsa_pkcs1_pem);
  GString *big = g_string_new (data);

  /* Valid JSON, just padded with whitespace past the limit. */
  g_string_truncate (big, big->len - 1);
  while (big->len <= GOVORUN_VOXIMPLANT_CREDENTIALS_MAX_SIZE)
    g_string_append_c (big, ' ');
  g_string_append_c (big, '}');

  *out_len = big->len;
  return g_string_free (big, FALSE);
}

static void
test_too_large (void)
{
  gsize len;
  g_autofree char *big = make_too_large (&len);
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = govorun_voximplant_credentials_new_from_data (big, len, &error);
  g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                  GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_TOO_LARGE);
  g_assert_null (credentials);
}

static char *
b64url_decode (const char *part,
               gsize      *out_len)
{
  g_autoptr(GString) s = g_string_new (part);

  g_assert_null (strchr (part, '='));
  g_assert_null (strchr (part, '+'));
  g_assert_null (strchr (part, '/'));
  for (gsize i = 0; i < s->len; i++)
    {
      if (s->str[i] == '-')
        s->str[i] = '+';
      else if (s->str[i] == '_')
        s->str[i] = '/';
    }
  while (s->len % 4 != 0)
    g_string_append_c (s, '=');

  return (char *) g_base64_decode (s->str, out_len);
}

static JsonObject *
decode_json_part (const char *part)
{
  gsize len;
  g_autofree char *json = b64url_decode (part, &len);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static gboolean
verify_jwt (const char *jwt)
{
  g_auto(GStrv) parts = g_strsplit (jwt, ".", -1);
  g_autofree char *input = NULL;
  g_autofree char *sig = NULL;
  gsize sig_len;
  gnutls_datum_t data, signature;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  input = g_strconcat (parts[0], ".", parts[1], NULL);
  sig = b64url_decode (parts[2], &sig_len);

  data.data = (unsigned char *) input;
  data.size = strlen (input);
  signature.data = (unsigned char *) sig;
  signature.size = sig_len;

  return gnutls_pubkey_verify_data2 (rsa_pubkey, GNUTLS_SIGN_RSA_SHA256, 0,
                                     &data, &signature) >= 0;
}

static void
test_jwt (void)
{
  const char *pems[] = { rsa_pkcs1_pem, rsa_pkcs8_pem };

  for (gsize i = 0; i < G_N_ELEMENTS (pems); i++)
    {
      g_autofree char *data = make_file (pems[i]);
      g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *jwt = NULL;
      g_autofree char *tampered = NULL;
      g_auto(GStrv) parts = NULL;
      g_autoptr(JsonObject) header = NULL;
      g_autoptr(JsonObject) claims = NULL;
      gint64 now = 1767225600; /* 2026-01-01 */

      credentials = govorun_voximplant_credentials_new_from_data (data, -1, &error);
      g_assert_no_error (error);

      jwt = govorun_voximplant_credentials_sign_jwt (credentials, now, 60, &error);
      g_assert_no_error (error);
      g_assert_nonnull (jwt);
      g_assert_true (verify_jwt (jwt));

      parts = g_strsplit (jwt, ".", -1);
      header = decode_json_part (parts[0]);
      g_assert_cmpuint (json_object_get_size (header), ==, 3);
      g_assert_cmpstr (json_object_get_string_member (header, "alg"), ==, "RS256");
      g_assert_cmpstr (json_object_get_string_member (header, "typ"), ==, "JWT");
      g_assert_cmpstr (json_object_get_string_member (header, "kid"), ==,
                       "0c1ca3f4-5a1e-4d1a-9a0b-2f7f0e8d9b11");

      claims = decode_json_part (parts[1]);
      g_assert_cmpuint (json_object_get_size (claims), ==, 3);
      /* iss is an integer, not a string. */
      g_assert_true (json_node_get_value_type (json_object_get_member (claims, "iss")) == G_TYPE_INT64);
      g_assert_cmpint (json_object_get_int_member (claims, "iss"), ==, 4242);
      g_assert_cmpint (json_object_get_int_member (claims, "iat"), ==, now);
      g_assert_cmpint (json_object_get_int_member (claims, "exp"), ==, now + 60);

      /* Changing the claims breaks the signature. */
      tampered = g_strdup (jwt);
      tampered[strlen (parts[0]) + 3] ^= 1;
      g_assert_false (verify_jwt (tampered));

      /* The longest allowed lifetime. */
      {
        g_autofree char *longest = govorun_voximplant_credentials_sign_jwt (credentials, now, 3600, &error);
        g_auto(GStrv) lparts = g_strsplit (longest, ".", -1);
        g_autoptr(JsonObject) lclaims = decode_json_part (lparts[1]);

        g_assert_no_error (error);
        g_assert_true (verify_jwt (longest));
        g_assert_cmpint (json_object_get_int_member (lclaims, "exp"), ==, now + 3600);
      }
    }
}

static void
test_jwt_ttl_checked (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *data = make_file (rsa_pkcs1_pem);
      g_autoptr(GovorunVoximplantCredentials) credentials =
        govorun_voximplant_credentials_new_from_data (data, -1, NULL);

      /* A programmer error: critical, no token. */
      g_assert_null (govorun_voximplant_credentials_sign_jwt (credentials, 0, 3601, NULL));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*ttl_seconds*");
}

static char *
write_temp_file (const char *contents,
                 gsize       len)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("govorun-credentials-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (source);
  *out = g_object_ref (result);
}

static GovorunVoximplantCredentials *
load_async (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_voximplant_credentials_load_file_async (file, cancellable, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return govorun_voximplant_credentials_load_file_finish (result, error);
}

static void
test_load_file (void)
{
  g_autofree char *data = make_file (rsa_pkcs8_pem);
  g_autofree char *path = write_temp_file (data, strlen (data));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
  g_autoptr(GovorunVoximplantCredentials) sync_credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *jwt = NULL;

  credentials = load_async (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (govorun_voximplant_credentials_get_account_id (credentials), ==, 4242);
  g_assert_cmpstr (govorun_voximplant_credentials_get_data (credentials), ==, data);
  jwt = govorun_voximplant_credentials_sign_jwt (credentials, 1767225600, 30, &error);
  g_assert_no_error (error);
  g_assert_true (verify_jwt (jwt));

  sync_credentials = govorun_voximplant_credentials_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (govorun_voximplant_credentials_get_key_id (sync_credentials), ==,
                   govorun_voximplant_credentials_get_key_id (credentials));

  g_unlink (path);
}

static void
test_load_file_errors (void)
{
  /* Missing file */
  {
    g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/govorun/credentials.json");
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunVoximplantCredentials) credentials = load_async (file, NULL, &error);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_null (credentials);
  }

  /* Too large: the limit holds when reading too */
  {
    gsize len;
    g_autofree char *big = make_too_large (&len);
    g_autofree char *path = write_temp_file (big, len);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunVoximplantCredentials) credentials = load_async (file, NULL, &error);

    g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                    GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_TOO_LARGE);
    g_assert_null (credentials);
    g_unlink (path);
  }

  /* Not a key file */
  {
    g_autofree char *path = write_temp_file ("hello", 5);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunVoximplantCredentials) credentials = load_async (file, NULL, &error);

    g_assert_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                    GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_JSON);
    g_assert_null (credentials);
    g_unlink (path);
  }

  /* Cancelled */
  {
    g_autofree char *data = make_file (rsa_pkcs1_pem);
    g_autofree char *path = write_temp_file (data, strlen (data));
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GovorunVoximplantCredentials) credentials = NULL;

    g_cancellable_cancel (cancellable);
    credentials = load_async (file, cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (credentials);
    g_unlink (path);
  }
}

/* ---- robustness: mutated and random inputs ---- */

static const char *const replacements[] = {
  "null", "true", "false", "0", "-1", "1.5", "1e309", "-1e309",
  "99999999999999999999999999999", "-9223372036854775809", "9223372036854775807",
  "\"\"", "\"x\"", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]",
  "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":null}]}}}", "\"-----BEGIN RSA PRIVATE KEY-----\"",
};

static const char *const members[] = { "account_id", "key_id", "account_email", "private_key" };

static char *
mutate (GRand      *rand,
        const char *valid,
        gsize       valid_len,
        gsize      *out_len)
{
  GString *s = g_string_new_len (valid, valid_len);
  guint kind = g_rand_int_range (rand, 0, 9);

  switch (kind)
    {
    case 0: /* truncation */
      g_string_truncate (s, g_rand_int_range (rand, 0, s->len));
      break;

    case 1: /* byte flips */
      for (int n = g_rand_int_range (rand, 1, 9); n > 0; n--)
        s->str[g_rand_int_range (rand, 0, s->len)] = (char) g_rand_int_range (rand, 0, 256);
      break;

    case 2: /* a member with a value of another type */
      {
        g_autoptr(JsonNode) root = json_from_string (valid, NULL);
        const char *member = members[g_rand_int_range (rand, 0, G_N_ELEMENTS (members))];
        const char *value = replacements[g_rand_int_range (rand, 0, G_N_ELEMENTS (replacements))];
        g_autofree char *text = NULL;

        JsonNode *node = json_from_string (value, NULL);

        /* json-glib refuses some of them (a lone surrogate): use null. */
        if (node == NULL)
          node = json_node_new (JSON_NODE_NULL);
        json_object_set_member (json_node_get_object (root), member, node);
        text = json_to_string (root, FALSE);
        g_string_assign (s, text);
      }
      break;

    case 3: /* a member removed */
      {
        g_autoptr(JsonNode) root = json_from_string (valid, NULL);
        g_autofree char *text = NULL;

        json_object_remove_member (json_node_get_object (root),
                                   members[g_rand_int_range (rand, 0, G_N_ELEMENTS (members))]);
        text = json_to_string (root, FALSE);
        g_string_assign (s, text);
      }
      break;

    case 4: /* NUL bytes inside */
      for (int n = g_rand_int_range (rand, 1, 4); n > 0; n--)
        s->str[g_rand_int_range (rand, 0, s->len)] = '\0';
      break;

    case 5: /* deeply nested arrays */
      {
        int depth = g_rand_int_range (rand, 1, 20000);

        g_string_truncate (s, 0);
        for (int i = 0; i < depth; i++)
          g_string_append_c (s, '[');
        if (g_rand_boolean (rand))
          for (int i = 0; i < depth; i++)
            g_string_append_c (s, ']');
      }
      break;

    case 6: /* random bytes */
      {
        int n = g_rand_int_range (rand, 0, 512);

        g_string_truncate (s, 0);
        for (int i = 0; i < n; i++)
          g_string_append_c (s, (char) g_rand_int_range (rand, 0, 256));
      }
      break;

    case 7: /* a slice of the file spliced elsewhere */
      {
        gsize from = g_rand_int_range (rand, 0, s->len);
        gsize len = g_rand_int_range (rand, 0, MIN (64, s->len - from) + 1);
        g_autofree char *slice = g_strndup (s->str + from, len);

        g_string_insert_len (s, g_rand_int_range (rand, 0, s->len), slice, len);
      }
      break;

    default: /* the key body damaged inside a valid JSON string */
      {
        g_autoptr(JsonNode) root = json_from_string (valid, NULL);
        JsonObject *object = json_node_get_object (root);
        g_autofree char *pem = g_strdup (json_object_get_string_member (object, "private_key"));
        gsize pem_len = strlen (pem);
        g_autofree char *text = NULL;

        /* Only characters valid in the body, so the damage is not obvious. */
        for (int n = g_rand_int_range (rand, 1, 4); n > 0; n--)
          pem[g_rand_int_range (rand, 32, pem_len - 32)] = "ABCDEFGH+/=abc\n"[g_rand_int_range (rand, 0, 15)];
        json_object_set_string_member (object, "private_key", pem);
        text = json_to_string (root, FALSE);
        g_string_assign (s, text);
      }
      break;
    }

  *out_len = s->len;
  return g_string_free (s, FALSE);
}

static void
test_robustness (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autofree char *valid = make_file (rsa_pkcs1_pem);
  gsize valid_len = strlen (valid);
  guint n_ok = 0, n_failed = 0;
  guint iterations = g_test_slow () ? 100000 : 10000;

  for (guint i = 0; i < iterations; i++)
    {
      gsize len;
      g_autofree char *input = mutate (rand, valid, valid_len, &len);
      g_autoptr(GovorunVoximplantCredentials) credentials = NULL;
      g_autoptr(GError) error = NULL;

      credentials = govorun_voximplant_credentials_new_from_data (input, len, &error);
      if (credentials != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpint (govorun_voximplant_credentials_get_account_id (credentials), >, 0);
          g_assert_nonnull (govorun_voximplant_credentials_get_key_id (credentials));
          g_assert_nonnull (govorun_voximplant_credentials_get_account_email (credentials));
          n_ok++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR);
          g_assert_cmpstr (error->message, !=, "");
          assert_no_secret_in (error->message);
          n_failed++;
        }
    }

  g_test_message ("%u accepted, %u refused", n_ok, n_failed);
  g_assert_cmpuint (n_failed, >, iterations / 2);
}

static void
test_no_secret_in_logs (void)
{
  /* Every test before this one ran with the capture on. */
  assert_no_secret_in (log_capture->str);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);

  log_capture = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  make_keys ();

  g_test_add_func ("/Govorun/VoximplantCredentials/valid-pkcs1", test_valid_pkcs1);
  g_test_add_func ("/Govorun/VoximplantCredentials/valid-pkcs8", test_valid_pkcs8);
  g_test_add_func ("/Govorun/VoximplantCredentials/account-id-forms", test_account_id_forms);
  g_test_add_func ("/Govorun/VoximplantCredentials/missing-fields", test_missing_fields);
  g_test_add_func ("/Govorun/VoximplantCredentials/invalid-fields", test_invalid_fields);
  g_test_add_func ("/Govorun/VoximplantCredentials/invalid-json", test_invalid_json);
  g_test_add_func ("/Govorun/VoximplantCredentials/too-large", test_too_large);
  g_test_add_func ("/Govorun/VoximplantCredentials/jwt", test_jwt);
  g_test_add_func ("/Govorun/VoximplantCredentials/jwt-ttl-checked", test_jwt_ttl_checked);
  g_test_add_func ("/Govorun/VoximplantCredentials/load-file", test_load_file);
  g_test_add_func ("/Govorun/VoximplantCredentials/load-file-errors", test_load_file_errors);
  g_test_add_func ("/Govorun/VoximplantCredentials/robustness", test_robustness);
  g_test_add_func ("/Govorun/VoximplantCredentials/no-secret-in-logs", test_no_secret_in_logs);

  return g_test_run ();
}
