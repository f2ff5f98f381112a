/* govorun-voximplant-credentials.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantCredentials"

#include "config.h"

#include "govorun-json.h"
#include "govorun-voximplant-credentials.h"

#include <glib/gi18n.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <json-glib/json-glib.h>
#include <string.h>

struct _GovorunVoximplantCredentials
{
  GObject           parent_instance;

  gint64            account_id;
  char             *key_id;
  char             *account_email;

  /* The key file as given (secret); wiped in finalize. */
  char             *data;
  gsize             data_len;

  /* The imported RSA key. GnuTLS does not promise that one key object may
   * sign from several threads at once, so signing takes the lock. */
  GMutex            sign_lock;
  gnutls_privkey_t  privkey;
};

G_DEFINE_FINAL_TYPE (GovorunVoximplantCredentials, govorun_voximplant_credentials, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-voximplant-credentials-error-quark, govorun_voximplant_credentials_error)

/* Every error about the file ends with the same advice. */
#define NEW_KEY_HINT N_("Download a new key from the Voximplant control panel (Settings → Service accounts) and choose that file.")

static void
secret_wipe_free (char  *secret,
                  gsize  len)
{
  if (secret == NULL)
    return;
  gnutls_memset (secret, 0, len);
  g_free (secret);
}

static void
govorun_voximplant_credentials_finalize (GObject *object)
{
  GovorunVoximplantCredentials *self = GOVORUN_VOXIMPLANT_CREDENTIALS (object);

  g_clear_pointer (&self->privkey, gnutls_privkey_deinit);
  secret_wipe_free (g_steal_pointer (&self->data), self->data_len);
  self->data_len = 0;
  g_clear_pointer (&self->key_id, g_free);
  g_clear_pointer (&self->account_email, g_free);
  g_mutex_clear (&self->sign_lock);

  G_OBJECT_CLASS (govorun_voximplant_credentials_parent_class)->finalize (object);
}

static void
govorun_voximplant_credentials_class_init (GovorunVoximplantCredentialsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_voximplant_credentials_finalize;
}

static void
govorun_voximplant_credentials_init (GovorunVoximplantCredentials *self)
{
  g_mutex_init (&self->sign_lock);
}

static void
set_missing_field (GError     **error,
                   const char  *field)
{
  g_set_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
               GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_MISSING_FIELD,
               /* Translators: %s is a field name such as “private_key”;
                * the second sentence is the advice what to do. */
               _("The credentials file has no “%s” field. %s"),
               field, _(NEW_KEY_HINT));
}

static void
set_invalid_field (GError     **error,
                   const char  *field,
                   const char  *why)
{
  g_set_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
               GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_FIELD,
               /* Translators: the first %s is a field name such as
                * “account_id”, the second says what is wrong with it (for
                * example “must be a positive whole number”), the third is
                * the advice what to do. */
               _("The “%s” field of the credentials file %s. %s"),
               field, why, _(NEW_KEY_HINT));
}

/* Returns the member or NULL, setting MISSING_FIELD. A JSON null counts as
 * missing. */
static JsonNode *
get_member (JsonObject  *object,
            const char  *field,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      set_missing_field (error, field);
      return NULL;
    }

  return node;
}

static const char *
get_string_member (JsonObject  *object,
                   const char  *field,
                   GError     **error)
{
  JsonNode *node = get_member (object, field, error);

  if (node == NULL)
    return NULL;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_invalid_field (error, field, _("is not text"));
      return NULL;
    }

  return json_node_get_string (node);
}

/* The documented type is an integer; digit strings are accepted too since
 * hand-edited or re-encoded files sometimes quote it. */
static gboolean
parse_account_id (JsonObject  *object,
                  gint64      *out_id,
                  GError     **error)
{
  JsonNode *node = get_member (object, "account_id", error);
  GType type;

  if (node == NULL)
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      if (value > 0)
        {
          *out_id = value;
          return TRUE;
        }
    }
  else if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      guint64 value = 0;
      gsize len = strlen (text);
      gboolean digits = len > 0 && len <= 18;

      for (gsize i = 0; digits && i < len; i++)
        digits = g_ascii_isdigit (text[i]);

      if (digits &&
          g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
        {
          *out_id = (gint64) value;
          return TRUE;
        }
    }

  set_invalid_field (error, "account_id", _("must be a positive whole number"));
  return FALSE;
}

static gnutls_privkey_t
import_private_key (const char  *pem,
                    GError     **error)
{
  gnutls_privkey_t key = NULL;
  gnutls_datum_t datum;
  int ret;

  if (pem[0] == '\0')
    {
      set_invalid_field (error, "private_key", _("is empty"));
      return NULL;
    }

  if ((ret = gnutls_privkey_init (&key)) < 0)
    {
      set_invalid_field (error, "private_key", _("could not be read"));
      return NULL;
    }

  datum.data = (unsigned char *) pem;
  datum.size = strlen (pem);

  /* Handles both "RSA PRIVATE KEY" (PKCS#1) and "PRIVATE KEY" (PKCS#8). */
  ret = gnutls_privkey_import_x509_raw (key, &datum, GNUTLS_X509_FMT_PEM, NULL, 0);
  if (ret < 0)
    {
      g_debug ("Private key import failed: %s", gnutls_strerror (ret));
      gnutls_privkey_deinit (key);
      set_invalid_field (error, "private_key", _("is not a PEM-encoded private key"));
      return NULL;
    }

  if (gnutls_privkey_get_pk_algorithm (key, NULL) != GNUTLS_PK_RSA)
    {
      gnutls_privkey_deinit (key);
      set_invalid_field (error, "private_key", _("is not an RSA key"));
      return NULL;
    }

  return key;
}

/**
 * govorun_voximplant_credentials_new_from_data:
 * @data: the key file's contents
 * @length: length of @data in bytes, or -1 if it is NUL-terminated
 * @error: return location for a #GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR
 *
 * Parses and validates a service-account key file. Every field is checked;
 * malformed input yields an error, never a crash.
 *
 * Returns: (transfer full) (nullable): the credentials
 */
GovorunVoximplantCredentials *
govorun_voximplant_credentials_new_from_data (const char  *data,
                                              gssize       length,
                                              GError     **error)
{
  g_autoptr(GovorunVoximplantCredentials) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *pem_node;
  const char *key_id;
  const char *account_email;
  const char *pem;
  gint64 account_id = 0;
  gsize len;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;

  if (len > GOVORUN_VOXIMPLANT_CREDENTIALS_MAX_SIZE)
    {
      g_set_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                   GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_TOO_LARGE,
                   _("The chosen file is larger than 64 KiB, so it is not a Voximplant key file. %s"),
                   _(NEW_KEY_HINT));
      return NULL;
    }

  /* Rejects embedded NUL bytes too, which would otherwise make the text we
   * keep differ from what was parsed. */
  if (len == 0 || !g_utf8_validate (data, len, NULL))
    {
      g_set_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                   GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_JSON,
                   _("The chosen file is not a Voximplant key file: it is not JSON text. %s"),
                   _(NEW_KEY_HINT));
      return NULL;
    }

  /* Bounded like every JSON from outside; its message never quotes the
   * file, which holds the key. */
  root = govorun_json_parse (data, len, GOVORUN_JSON_CREDENTIALS, &local_error);
  if (root == NULL)
    {
      g_set_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                   GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_JSON,
                   /* Translators: the first %s says what is wrong, e.g. “it is not valid JSON” */
                   _("The chosen file is not a Voximplant key file: %s. %s"),
                   local_error->message, _(NEW_KEY_HINT));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                   GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_INVALID_JSON,
                   _("The chosen file is not a Voximplant key file: it does not hold a JSON object. %s"),
                   _(NEW_KEY_HINT));
      return NULL;
    }

  object = json_node_get_object (root);

  if (!parse_account_id (object, &account_id, error))
    return NULL;

  if (!(key_id = get_string_member (object, "key_id", error)))
    return NULL;
  if (key_id[0] == '\0')
    {
      set_invalid_field (error, "key_id", _("is empty"));
      return NULL;
    }

  if (!(account_email = get_string_member (object, "account_email", error)))
    return NULL;

  if (!(pem = get_string_member (object, "private_key", error)))
    return NULL;

  self = g_object_new (GOVORUN_TYPE_VOXIMPLANT_CREDENTIALS, NULL);
  self->account_id = account_id;
  self->key_id = g_strdup (key_id);
  self->account_email = g_strdup (account_email);

  self->privkey = import_private_key (pem, error);

  /* Don't leave the PEM lying in freed parser memory. */
  pem_node = json_object_get_member (object, "private_key");
  gnutls_memset ((char *) json_node_get_string (pem_node), 0, strlen (pem));

  if (self->privkey == NULL)
    return NULL;

  self->data = g_strndup (data, len);
  self->data_len = len;

  return g_steal_pointer (&self);
}

/**
 * govorun_voximplant_credentials_new_from_file:
 * @file: the key file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads and parses @file synchronously. Blocks: call it from a worker
 * thread, or use govorun_voximplant_credentials_load_file_async().
 *
 * Returns: (transfer full) (nullable): the credentials
 */
GovorunVoximplantCredentials *
govorun_voximplant_credentials_new_from_file (GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  GovorunVoximplantCredentials *ret;
  /* One byte more than allowed tells a too large file apart. */
  gsize buf_size = GOVORUN_VOXIMPLANT_CREDENTIALS_MAX_SIZE + 1;
  char *buf;
  gsize n_read = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  buf = g_malloc (buf_size);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buf, buf_size,
                                &n_read, cancellable, error))
    {
      secret_wipe_free (buf, buf_size);
      return NULL;
    }

  ret = govorun_voximplant_credentials_new_from_data (buf, n_read, error);
  secret_wipe_free (buf, buf_size);

  return ret;
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  GovorunVoximplantCredentials *credentials;
  GError *error = NULL;

  credentials = govorun_voximplant_credentials_new_from_file (file, cancellable, &error);
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, credentials, g_object_unref);
}

void
govorun_voximplant_credentials_load_file_async (GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_voximplant_credentials_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * govorun_voximplant_credentials_load_file_finish:
 *
 * Returns: (transfer full) (nullable): the credentials
 */
GovorunVoximplantCredentials *
govorun_voximplant_credentials_load_file_finish (GAsyncResult  *result,
                                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_voximplant_credentials_load_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gint64
govorun_voximplant_credentials_get_account_id (GovorunVoximplantCredentials *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CREDENTIALS (self), 0);

  return self->account_id;
}

const char *
govorun_voximplant_credentials_get_key_id (GovorunVoximplantCredentials *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CREDENTIALS (self), NULL);

  return self->key_id;
}

const char *
govorun_voximplant_credentials_get_account_email (GovorunVoximplantCredentials *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CREDENTIALS (self), NULL);

  return self->account_email;
}

const char *
govorun_voximplant_credentials_get_data (GovorunVoximplantCredentials *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CREDENTIALS (self), NULL);

  return self->data;
}

/* JWT wants base64url without padding (RFC 7515 §2). */
static char *
base64url_encode (const guchar *data,
                  gsize         len)
{
  char *text = g_base64_encode (data, len);
  char *p;

  for (p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }

  return text;
}

static char *
encode_json_part (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;
  gsize len = 0;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  json = json_generator_to_data (generator, &len);

  return base64url_encode ((const guchar *) json, len);
}

/**
 * govorun_voximplant_credentials_sign_jwt:
 * @self: the credentials
 * @now_unix: the current time, seconds since the epoch
 * @ttl_seconds: token lifetime, 1..%GOVORUN_VOXIMPLANT_JWT_MAX_TTL
 * @error: return location for a #GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR
 *
 * Signs a Management API access token with RS256. Safe to call from any
 * thread.
 *
 * Returns: (transfer full) (nullable): the compact JWT, a secret
 */
char *
govorun_voximplant_credentials_sign_jwt (GovorunVoximplantCredentials  *self,
                                         gint64                         now_unix,
                                         guint                          ttl_seconds,
                                         GError                       **error)
{
  g_autoptr(JsonBuilder) header = json_builder_new_immutable ();
  g_autoptr(JsonBuilder) claims = json_builder_new_immutable ();
  g_autofree char *header_b64 = NULL;
  g_autofree char *claims_b64 = NULL;
  g_autofree char *signing_input = NULL;
  g_autofree char *signature_b64 = NULL;
  gnutls_datum_t input;
  gnutls_datum_t signature = { NULL, 0 };
  int ret;

  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CREDENTIALS (self), NULL);
  g_return_val_if_fail (ttl_seconds > 0 && ttl_seconds <= GOVORUN_VOXIMPLANT_JWT_MAX_TTL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  json_builder_begin_object (header);
  json_builder_set_member_name (header, "alg");
  json_builder_add_string_value (header, "RS256");
  json_builder_set_member_name (header, "typ");
  json_builder_add_string_value (header, "JWT");
  json_builder_set_member_name (header, "kid");
  json_builder_add_string_value (header, self->key_id);
  json_builder_end_object (header);

  json_builder_begin_object (claims);
  json_builder_set_member_name (claims, "iss");
  json_builder_add_int_value (claims, self->account_id);
  json_builder_set_member_name (claims, "iat");
  json_builder_add_int_value (claims, now_unix);
  json_builder_set_member_name (claims, "exp");
  json_builder_add_int_value (claims, now_unix + ttl_seconds);
  json_builder_end_object (claims);

  header_b64 = encode_json_part (header);
  claims_b64 = encode_json_part (claims);
  signing_input = g_strconcat (header_b64, ".", claims_b64, NULL);

  input.data = (unsigned char *) signing_input;
  input.size = strlen (signing_input);

  g_mutex_lock (&self->sign_lock);
  ret = gnutls_privkey_sign_data2 (self->privkey, GNUTLS_SIGN_RSA_SHA256, 0,
                                   &input, &signature);
  g_mutex_unlock (&self->sign_lock);

  if (ret < 0)
    {
      g_set_error (error, GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR,
                   GOVORUN_VOXIMPLANT_CREDENTIALS_ERROR_SIGN_FAILED,
                   /* Translators: the first %s is the advice what to do,
                    * the second the crypto library's reason. */
                   _("Could not sign the Voximplant access token. %s (%s)"),
                   _(NEW_KEY_HINT), gnutls_strerror (ret));
      return NULL;
    }

  signature_b64 = base64url_encode (signature.data, signature.size);
  gnutls_free (signature.data);

  return g_strconcat (signing_input, ".", signature_b64, NULL);
}
