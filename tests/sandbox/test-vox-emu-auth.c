/* test-vox-emu-auth.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestVoximplantEmulator"

#include "config.h"

#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>

#include "vox-emu-fixture.h"

/* Authentication: API keys, and service-account JWTs signed with the keys
 * the emulator hands out. */

static void
test_api_key_auth (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *bad[] = {
    "/platform_api/GetAccountInfo?account_id=1001&api_key=wrong",
    "/platform_api/GetAccountInfo?account_id=1001&api_key=" OTHER_API_KEY,
    "/platform_api/GetAccountInfo?account_id=1001",
    "/platform_api/GetAccountInfo?api_key=" API_KEY,
    "/platform_api/GetAccountInfo?account_id=9999&api_key=" API_KEY,
    "/platform_api/GetAccountInfo?account_id=abc&api_key=" API_KEY,
    "/platform_api/GetAccountInfo?account_name=nobody&api_key=" API_KEY,
    "/platform_api/GetAccountInfo",
  };
  Answer answer = { 0 };
  JsonObject *result;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      get (fixture, bad[i], NULL, &answer);
      assert_api_error (&answer, 200, 100);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (answer.root), "error"), "msg"),
                       ==, "Authorization failed");
      answer_clear (&answer);
    }

  /* The other account sees its own data. */
  get (fixture, "/platform_api/GetAccountInfo?account_id=1002&api_key=" OTHER_API_KEY, NULL, &answer);
  result = result_object (&answer);
  g_assert_cmpint (json_object_get_int_member (result, "account_id"), ==, OTHER_ID);
  g_assert_cmpstr (json_object_get_string_member (result, "currency"), ==, "EUR");
  answer_clear (&answer);

  /* The balance follows the seeding API. */
  govorun_voximplant_emulator_set_balance (fixture->emulator, OTHER_ID, 0.25);
  get (fixture, "/platform_api/GetAccountInfo?account_id=1002&api_key=" OTHER_API_KEY
       "&return_live_balance=true", NULL, &answer);
  g_assert_cmpfloat (json_object_get_double_member (result_object (&answer), "balance"), ==, 0.25);
  answer_clear (&answer);
}

typedef struct
{
  gint64            account_id;
  char             *account_email;
  char             *key_id;
  gnutls_privkey_t  privkey;
} Key;

static void
key_free (Key *key)
{
  g_free (key->account_email);
  g_free (key->key_id);
  gnutls_privkey_deinit (key->privkey);
  g_free (key);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Key, key_free)

/* Checks the credentials JSON field by field and imports its key. */
static Key *
create_key (Fixture *fixture,
            gint64   account_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *pem;
  gnutls_datum_t datum;
  Key *key;

  json = govorun_voximplant_emulator_create_key (fixture->emulator, account_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json);

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (object), ==, 4);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "account_id")) == G_TYPE_INT64);

  key = g_new0 (Key, 1);
  key->account_id = json_object_get_int_member (object, "account_id");
  key->account_email = g_strdup (json_object_get_string_member (object, "account_email"));
  key->key_id = g_strdup (json_object_get_string_member (object, "key_id"));
  g_assert_cmpint (key->account_id, ==, account_id);
  g_assert_true (g_uuid_string_is_valid (key->key_id));

  pem = json_object_get_string_member (object, "private_key");
  g_assert_true (g_str_has_prefix (pem, "-----BEGIN RSA PRIVATE KEY-----\n"));
  g_assert_nonnull (strstr (pem, "-----END RSA PRIVATE KEY-----"));

  datum.data = (unsigned char *) pem;
  datum.size = strlen (pem);
  g_assert_cmpint (gnutls_privkey_init (&key->privkey), ==, 0);
  g_assert_cmpint (gnutls_privkey_import_x509_raw (key->privkey, &datum, GNUTLS_X509_FMT_PEM, NULL, 0), ==, 0);
  g_assert_cmpint (gnutls_privkey_get_pk_algorithm (key->privkey, NULL), ==, GNUTLS_PK_RSA);

  {
    unsigned int bits = 0;

    gnutls_privkey_get_pk_algorithm (key->privkey, &bits);
    g_assert_cmpuint (bits, ==, 2048);
  }

  return key;
}

static char *
b64url (const void *data,
        gsize       len)
{
  char *text = g_base64_encode (data, len);

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  for (char *p = text + strlen (text); p > text && p[-1] == '='; p--)
    p[-1] = '\0';

  return text;
}

/* Signs "<header>.<claims>" with @signer; the parts are raw JSON. */
static char *
sign_raw (gnutls_privkey_t  signer,
          const char       *header_json,
          const char       *claims_json)
{
  g_autofree char *header = b64url (header_json, strlen (header_json));
  g_autofree char *claims = b64url (claims_json, strlen (claims_json));
  g_autofree char *input = g_strconcat (header, ".", claims, NULL);
  g_autofree char *sig = NULL;
  gnutls_datum_t data = { (unsigned char *) input, strlen (input) };
  gnutls_datum_t signature = { NULL, 0 };

  g_assert_cmpint (gnutls_privkey_sign_data2 (signer, GNUTLS_SIGN_RSA_SHA256, 0, &data, &signature), ==, 0);
  sig = b64url (signature.data, signature.size);
  gnutls_free (signature.data);

  return g_strconcat (input, ".", sig, NULL);
}

static char *
make_jwt (gnutls_privkey_t  signer,
          const char       *kid,
          gint64            iss,
          gint64            iat,
          gint64            exp)
{
  g_autofree char *header = g_strdup_printf ("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"%s\"}", kid);
  g_autofree char *claims = g_strdup_printf ("{\"iss\":%" G_GINT64_FORMAT ",\"iat\":%" G_GINT64_FORMAT
                                             ",\"exp\":%" G_GINT64_FORMAT "}", iss, iat, exp);

  return sign_raw (signer, header, claims);
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
get_with_token (Fixture    *fixture,
                const char *token,
                Answer     *answer)
{
  get (fixture, "/platform_api/GetAccountInfo", token, answer);
}

static void
test_jwt_ok (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(Key) key = create_key (fixture, ACCOUNT_ID);
  g_autofree char *token = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s (), now_s () + 64);
  g_autofree char *python_style = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s () - 5, now_s () + 24);
  g_autofree char *max_ttl = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s (), now_s () + 3600);
  g_autofree char *slightly_ahead = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s () + 3, now_s () + 30);
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  Answer answer = { 0 };
  JsonObject *result;

  g_assert_cmpstr (key->account_email, ==, ACCOUNT_EMAIL);

  get_with_token (fixture, token, &answer);
  result = result_object (&answer);
  assert_account_1001 (result);
  /* A service account does not get to see the API key. */
  g_assert_false (json_object_has_member (result, "api_key"));
  answer_clear (&answer);

  get_with_token (fixture, python_style, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  get_with_token (fixture, max_ttl, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  get_with_token (fixture, slightly_ahead, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);

  /* cmd style with a multipart body, as the Node client sends it. */
  {
    g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
    g_autoptr(GBytes) body = NULL;

    url = url_for (fixture, "/platform_api");
    msg = soup_message_new ("POST", url);
    soup_multipart_append_form_string (multipart, "cmd", "GetAccountInfo");
    soup_multipart_to_message (multipart, soup_message_get_request_headers (msg), &body);
    soup_message_set_request_body_from_bytes (msg, NULL, body);
    send_message (fixture, msg, token, &answer);
    assert_account_1001 (result_object (&answer));
    answer_clear (&answer);
  }

  /* Every key works for its own account only. */
  {
    g_autoptr(Key) other = create_key (fixture, OTHER_ID);
    g_autofree char *other_token = make_jwt (other->privkey, other->key_id, OTHER_ID, now_s (), now_s () + 60);

    g_assert_cmpstr (other->key_id, !=, key->key_id);
    get_with_token (fixture, other_token, &answer);
    g_assert_cmpint (json_object_get_int_member (result_object (&answer), "account_id"), ==, OTHER_ID);
    answer_clear (&answer);
  }
}

static void
test_jwt_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(Key) key = create_key (fixture, ACCOUNT_ID);
  g_autoptr(Key) other = create_key (fixture, OTHER_ID);
  gint64 now = now_s ();
  struct {
    char *token;
    int   code;
  } cases[] = {
    /* unknown key id */
    { make_jwt (key->privkey, "00000000-0000-4000-8000-000000000000", ACCOUNT_ID, now, now + 60), 433 },
    /* expired */
    { make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now - 120, now - 60), 456 },
    /* issued in the future, beyond the leeway */
    { make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now + 60, now + 120), 455 },
    /* lives longer than an hour */
    { make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now, now + 3601), 454 },
    /* signed with another account's key */
    { make_jwt (other->privkey, key->key_id, ACCOUNT_ID, now, now + 60), 100 },
    /* issuer does not own the key */
    { make_jwt (key->privkey, key->key_id, OTHER_ID, now, now + 60), 100 },
    /* wrong algorithm */
    { sign_raw (key->privkey, "{\"alg\":\"HS256\",\"kid\":\"x\"}", "{\"iss\":1001,\"iat\":1,\"exp\":2}"), 447 },
    /* iss as a string */
    { sign_raw (key->privkey, "{\"alg\":\"RS256\",\"kid\":\"x\"}", "{\"iss\":\"1001\",\"iat\":1,\"exp\":2}"), 447 },
    /* header not JSON */
    { sign_raw (key->privkey, "not json", "{\"iss\":1001,\"iat\":1,\"exp\":2}"), 447 },
    { g_strdup ("abc"), 447 },
    { g_strdup ("a.b"), 447 },
    { g_strdup ("a.b.c.d"), 447 },
    { g_strdup ("!!.??.**"), 447 },
    { g_strdup ("eyJhbGciOiJSUzI1NiJ9=.e30.c2ln"), 447 },
  };
  Answer answer = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      get_with_token (fixture, cases[i].token, &answer);
      g_test_message ("case %u", i);
      assert_api_error (&answer, 200, cases[i].code);
      answer_clear (&answer);
      g_free (cases[i].token);
    }

  /* A tampered claim breaks the signature. */
  {
    g_autofree char *token = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now, now + 60);
    g_autofree char *claims = g_strdup_printf ("{\"iss\":%d,\"iat\":%" G_GINT64_FORMAT ",\"exp\":%" G_GINT64_FORMAT "}",
                                               OTHER_ID, now, now + 60);
    g_autofree char *claims_b64 = b64url (claims, strlen (claims));
    g_auto(GStrv) parts = g_strsplit (token, ".", 3);
    g_autofree char *tampered = g_strjoin (".", parts[0], claims_b64, parts[2], NULL);

    get_with_token (fixture, tampered, &answer);
    assert_api_error (&answer, 200, 100);
    answer_clear (&answer);
  }

  /* A bearer header wins over API-key parameters. */
  get (fixture, "/platform_api/GetAccountInfo?account_id=1001&api_key=" API_KEY, "garbage", &answer);
  assert_api_error (&answer, 200, 447);
  answer_clear (&answer);

  /* An unknown account cannot get a key. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *json = govorun_voximplant_emulator_create_key (fixture->emulator, 4242, &error);

    g_assert_null (json);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

static void
test_jwt_clock_offset (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Key) key = create_key (fixture, ACCOUNT_ID);
  g_autofree char *token = make_jwt (key->privkey, key->key_id, ACCOUNT_ID, now_s (), now_s () + 60);
  Answer answer = { 0 };

  /* The emulator's clock runs ahead of ours: our token looks expired. */
  govorun_voximplant_emulator_set_clock_offset (fixture->emulator, 600);
  get_with_token (fixture, token, &answer);
  assert_api_error (&answer, 200, 456);
  answer_clear (&answer);

  /* It runs behind: the token looks issued in the future. */
  govorun_voximplant_emulator_set_clock_offset (fixture->emulator, -600);
  get_with_token (fixture, token, &answer);
  assert_api_error (&answer, 200, 455);
  answer_clear (&answer);

  govorun_voximplant_emulator_set_clock_offset (fixture->emulator, 0);
  get_with_token (fixture, token, &answer);
  assert_account_1001 (result_object (&answer));
  answer_clear (&answer);
}

int
main (int   argc,
      char *argv[])
{
  vox_emu_test_init (&argc, &argv);

  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/api-key-auth", test_api_key_auth);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/jwt-ok", test_jwt_ok);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/jwt-errors", test_jwt_errors);
  VOX_EMU_TEST_ADD ("/Govorun/VoximplantEmulator/jwt-clock-offset", test_jwt_clock_offset);

  return g_test_run ();
}
