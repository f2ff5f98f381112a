/* govorun-voximplant-client.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunVoximplantClient"

#include "config.h"

#include "govorun-voximplant-client-private.h"
#include "govorun-json.h"
#include "govorun-util.h"

#include <glib/gi18n.h>
#include <gnutls/gnutls.h>
#include <string.h>

/* Tokens are made per attempt, so a short life is enough; the official
 * clients use 24–64 s. */
#define JWT_TTL_SECONDS 60

/* Error envelopes are small; larger bodies are answers, not rate limits,
 * and are not parsed twice. */
#define MAX_RATE_LIMIT_BODY (16 * 1024)


struct _GovorunVoximplantClient
{
  GObject                       parent_instance;

  GovorunHttp                  *http;
  char                         *base_url;
  GovorunVoximplantStyle        style;

  /* Legacy auth; api_key is a secret and wiped when dropped. */
  char                         *account_id;
  char                         *api_key;

  GovorunVoximplantCredentials *credentials;
};

G_DEFINE_FINAL_TYPE (GovorunVoximplantClient, govorun_voximplant_client, G_TYPE_OBJECT)

/* What the provider said, kept beside the message (an extended error
 * domain) so that the message can be a translated sentence and the code
 * still be read back exactly. */
typedef struct
{
  int   provider_code;
  char *detail;
} GovorunVoximplantErrorPrivate;

static void
govorun_voximplant_error_private_init (GovorunVoximplantErrorPrivate *priv)
{
}

static void
govorun_voximplant_error_private_copy (const GovorunVoximplantErrorPrivate *src,
                                       GovorunVoximplantErrorPrivate       *dest)
{
  dest->provider_code = src->provider_code;
  dest->detail = g_strdup (src->detail);
}

static void
govorun_voximplant_error_private_clear (GovorunVoximplantErrorPrivate *priv)
{
  g_clear_pointer (&priv->detail, g_free);
}

G_DEFINE_EXTENDED_ERROR (GovorunVoximplantError, govorun_voximplant_error)

static void
secret_free (char *secret)
{
  if (secret == NULL)
    return;
  gnutls_memset (secret, 0, strlen (secret));
  g_free (secret);
}

/* ---- Errors ---- */

int
govorun_voximplant_error_get_provider_code (const GError *error)
{
  GovorunVoximplantErrorPrivate *priv;

  if (error == NULL || error->domain != GOVORUN_VOXIMPLANT_ERROR)
    return 0;

  priv = govorun_voximplant_error_get_private (error);
  return priv != NULL ? priv->provider_code : 0;
}

const char *
govorun_voximplant_error_get_detail (const GError *error)
{
  GovorunVoximplantErrorPrivate *priv;

  if (error == NULL || error->domain != GOVORUN_VOXIMPLANT_ERROR)
    return "";

  priv = govorun_voximplant_error_get_private (error);
  return priv != NULL && priv->detail != NULL ? priv->detail : "";
}

gboolean
govorun_voximplant_validate_account_id (const char  *text,
                                        GError     **error)
{
  gsize len;
  gboolean nonzero = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, GOVORUN_VOXIMPLANT_ERROR,
                           GOVORUN_VOXIMPLANT_ERROR_INVALID_ACCOUNT_ID,
                           _("Enter the Voximplant account ID. It is shown in the Voximplant control panel (Settings → API Keys)."));
      return FALSE;
    }

  len = strlen (text);
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        {
          g_set_error_literal (error, GOVORUN_VOXIMPLANT_ERROR,
                               GOVORUN_VOXIMPLANT_ERROR_INVALID_ACCOUNT_ID,
                               _("The Voximplant account ID can only contain digits. Copy it from the Voximplant control panel (Settings → API Keys)."));
          return FALSE;
        }
      nonzero = nonzero || text[i] != '0';
    }

  if (len > 18)
    {
      g_set_error_literal (error, GOVORUN_VOXIMPLANT_ERROR,
                           GOVORUN_VOXIMPLANT_ERROR_INVALID_ACCOUNT_ID,
                           _("The Voximplant account ID is too long: it has at most 18 digits. Copy it from the Voximplant control panel (Settings → API Keys)."));
      return FALSE;
    }

  if (!nonzero)
    {
      g_set_error_literal (error, GOVORUN_VOXIMPLANT_ERROR,
                           GOVORUN_VOXIMPLANT_ERROR_INVALID_ACCOUNT_ID,
                           _("The Voximplant account ID cannot be zero. Copy it from the Voximplant control panel (Settings → API Keys)."));
      return FALSE;
    }

  return TRUE;
}

/* Keeps the provider's msg short and on one line. */
static char *
sanitize_provider_msg (const char *msg)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n_chars = 0;

  if (msg == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (msg, -1);
  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ == 200)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? ' ' : c);
    }

  return g_string_free (out, FALSE);
}

static GError *
new_provider_error (GovorunVoximplantError  code,
                    const char             *sentence,
                    int                     provider_code,
                    const char             *provider_msg,
                    guint                   http_status)
{
  g_autofree char *msg = sanitize_provider_msg (provider_msg);
  g_autoptr(GString) detail = g_string_new (NULL);
  GovorunVoximplantErrorPrivate *priv;
  GError *error;

  /* Whole sentences, translated, with the numbers in them: a person can
   * quote the code to support in either language. */
  if (http_status != 0 && http_status != SOUP_STATUS_OK)
    g_string_append_printf (detail, _("The server answered with HTTP %u."), http_status);
  if (provider_code > 0)
    {
      if (detail->len > 0)
        g_string_append_c (detail, ' ');
      if (*msg != '\0')
        g_string_append_printf (detail, _("Voximplant error %d: “%s”."), provider_code, msg);
      else
        g_string_append_printf (detail, _("Voximplant error %d."), provider_code);
    }

  if (detail->len > 0)
    error = g_error_new (GOVORUN_VOXIMPLANT_ERROR, code, "%s %s", sentence, detail->str);
  else
    error = g_error_new_literal (GOVORUN_VOXIMPLANT_ERROR, code, sentence);

  priv = govorun_voximplant_error_get_private (error);
  priv->provider_code = provider_code;
  priv->detail = g_string_free (g_steal_pointer (&detail), FALSE);

  return error;
}

static GError *
new_bad_response (const char *detail,
                  guint       http_status)
{
  g_autofree char *sentence =
    /* Translators: %s says what is wrong, e.g. “the “result” field is missing” */
    g_strdup_printf (_("Voximplant sent an answer Govorun does not understand: %s. Try again later; if it keeps happening, check that the Voximplant address is right."),
                     detail);

  return new_provider_error (GOVORUN_VOXIMPLANT_ERROR_BAD_RESPONSE, sentence, 0, NULL, http_status);
}

GError *
govorun_voximplant_error_new_missing_field (const char *field)
{
  /* Translators: %s is a field name such as “balance” */
  g_autofree char *detail = g_strdup_printf (_("the “%s” field is missing"), field);

  return new_bad_response (detail, 0);
}

GError *
govorun_voximplant_error_new_mistyped_field (const char *field)
{
  /* Translators: %s is a field name such as “balance” */
  g_autofree char *detail = g_strdup_printf (_("the “%s” field has the wrong type"), field);

  return new_bad_response (detail, 0);
}

static GovorunVoximplantError
classify_code (int code)
{
  switch (code)
    {
    case 100: /* Authorization failed */
    case 433: /* Invalid key id */
    case 447: /* Invalid token format */
    case 454: /* Token TTL exceeds max */
      return GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED;

    case 455: /* Token issued in the future */
    case 456: /* Token expired */
      return GOVORUN_VOXIMPLANT_ERROR_CLOCK_SKEW;

    case 340: /* Rate limit exceed */
    case 416: /* Repeat after N seconds */
      return GOVORUN_VOXIMPLANT_ERROR_RATE_LIMITED;

    case 104: /* Forbidden command */
      return GOVORUN_VOXIMPLANT_ERROR_FORBIDDEN;

    case 127: /* Insufficient money */
      return GOVORUN_VOXIMPLANT_ERROR_INSUFFICIENT_FUNDS;

    case 331: /* No phones in stock */
    case 332: /* Insufficient phones */
      return GOVORUN_VOXIMPLANT_ERROR_NO_STOCK;

    case 182: /* Occupied phone number */
      return GOVORUN_VOXIMPLANT_ERROR_NUMBER_TAKEN;

    case 115: /* Invalid account_id */
    case 116: /* Invalid application_id */
    case 117: /* Invalid user_id */
    case 132: /* Invalid scenario_id */
    case 147: /* Invalid rule_id */
    case 150: /* Invalid call_session_history_id */
    case 181: /* Invalid phone_id */
    case 255: /* Invalid list_id */
    case 261: /* Invalid record_id */
    case 341: /* Record not found */
      return GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND;

    case 101: /* Invalid arguments */
    case 102: /* Missing 'cmd' parameter */
    case 107: /* Invalid application name */
    case 111: /* Invalid date format */
    case 121: /* Invalid phone number */
    case 123: /* Invalid date range */
    case 129: /* Application name is not unique */
    case 130: /* Script text is too long */
    case 133: /* Scenario name is not unique */
    case 134: /* Required parameter is empty */
    case 148: /* Invalid rule_pattern */
    case 149: /* Invalid rule_pattern_exclude */
    case 156: /* Invalid rule_name */
    case 168: /* Invalid scenario_name */
    case 175: /* Rule name is not unique */
    case 239: case 240: case 241: case 242: case 243: /* phone search parameters */
    case 247: case 248: case 249: case 250: /* call list parameters, CSV */
    case 253: /* Invalid name */
    case 458: /* Specify only one of the parameters */
    case 485: /* Specify the '<x>' parameter */
    case 496: /* The '<x>' parameter is invalid */
      return GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT;

    default:
      return GOVORUN_VOXIMPLANT_ERROR_PROVIDER;
    }
}

static const char *
sentence_for (GovorunVoximplantError code,
              gboolean               jwt_auth)
{
  switch (code)
    {
    case GOVORUN_VOXIMPLANT_ERROR_AUTH_FAILED:
      if (jwt_auth)
        return _("Voximplant did not accept the service account key. It may have been deleted or disabled: generate a new key in the Voximplant control panel (Settings → Service accounts) and load it again.");
      return _("Voximplant did not accept the account ID and API key. Check both in the Voximplant control panel (Settings → API Keys) and try again.");

    case GOVORUN_VOXIMPLANT_ERROR_CLOCK_SKEW:
      return _("Voximplant refused the access token because this computer’s clock is wrong. Turn on automatic date & time in the system settings (or synchronise the clock) and try again.");

    case GOVORUN_VOXIMPLANT_ERROR_RATE_LIMITED:
      return _("Voximplant is receiving too many requests from this account. Wait a minute and try again.");

    case GOVORUN_VOXIMPLANT_ERROR_SERVER:
      return _("The Voximplant service is having problems right now. Try again later.");

    case GOVORUN_VOXIMPLANT_ERROR_INVALID_ARGUMENT:
      return _("Voximplant rejected the request as invalid. Check the values you entered and try again.");

    case GOVORUN_VOXIMPLANT_ERROR_INSUFFICIENT_FUNDS:
      return _("The Voximplant account does not have enough money for this. Top up the balance in the Voximplant control panel and try again.");

    case GOVORUN_VOXIMPLANT_ERROR_NOT_FOUND:
      return _("Voximplant could not find what the request refers to; it may have been deleted. Refresh the data and try again.");

    case GOVORUN_VOXIMPLANT_ERROR_FORBIDDEN:
      return _("The Voximplant key is not allowed to do this. Give the service account a role with more rights (for example Developer) in the Voximplant control panel (Settings → Service accounts) and try again.");

    case GOVORUN_VOXIMPLANT_ERROR_PROVIDER:
    default:
      return _("Voximplant could not carry out the request. Try again later; if it keeps failing, check the account in the Voximplant control panel.");
    }
}

/* Reads {"error": {"code", "msg"}}, or the first item of "errors" (Go's
 * client decodes both; which one real answers carry is UNVERIFIED).
 * Returns FALSE when there is no error envelope; a malformed one gives
 * code -1. */
static gboolean
read_error_envelope (JsonObject  *object,
                     int         *out_code,
                     const char **out_msg)
{
  JsonNode *node;
  JsonObject *error = NULL;
  JsonNode *code_node;
  JsonNode *msg_node;

  *out_code = -1;
  *out_msg = NULL;

  node = json_object_get_member (object, "error");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return TRUE;
      error = json_node_get_object (node);
    }
  else
    {
      JsonArray *errors;

      node = json_object_get_member (object, "errors");
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        return FALSE;
      errors = json_node_get_array (node);
      if (json_array_get_length (errors) == 0)
        return FALSE;
      node = json_array_get_element (errors, 0);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return TRUE;
      error = json_node_get_object (node);
    }

  code_node = json_object_get_member (error, "code");
  if (code_node != NULL && json_node_get_value_type (code_node) == G_TYPE_INT64)
    *out_code = (int) CLAMP (json_node_get_int (code_node), -1, G_MAXINT);
  else if (code_node != NULL && json_node_get_value_type (code_node) == G_TYPE_STRING)
    {
      guint64 code;

      if (g_ascii_string_to_unsigned (json_node_get_string (code_node), 10, 0, G_MAXINT, &code, NULL))
        *out_code = (int) code;
    }

  msg_node = json_object_get_member (error, "msg");
  if (msg_node != NULL && json_node_get_value_type (msg_node) == G_TYPE_STRING)
    *out_msg = json_node_get_string (msg_node);

  return TRUE;
}

static JsonNode *
parse_body (GBytes  *body,
            GError **error)
{
  return govorun_json_parse_bytes (body, GOVORUN_JSON_ANSWER, error);
}

/* Recognises the documented rate-limit answers: 340 "Rate limit exceed"
 * and 416 "Repeat after N seconds". Their HTTP status is UNVERIFIED, so the
 * body is looked at whatever the status. */
static gboolean
is_rate_limited (SoupMessage *msg,
                 GBytes      *body,
                 guint       *retry_after_ms,
                 gpointer     user_data)
{
  g_autoptr(JsonNode) root = NULL;
  const char *text = NULL;
  int code;

  if (body == NULL || g_bytes_get_size (body) > MAX_RATE_LIMIT_BODY)
    return FALSE;

  root = parse_body (body, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  if (!read_error_envelope (json_node_get_object (root), &code, &text))
    return FALSE;

  if (code == 340)
    return TRUE;

  if (code == 416)
    {
      /* The wording of msg is UNVERIFIED: take the first number in it as
       * the seconds to wait, or leave the backoff schedule in charge. */
      for (const char *p = text; p != NULL && *p != '\0'; p++)
        {
          if (g_ascii_isdigit (*p))
            {
              guint64 seconds = g_ascii_strtoull (p, NULL, 10);

              *retry_after_ms = (guint) MIN (seconds, 3600) * 1000;
              break;
            }
        }
      return TRUE;
    }

  return FALSE;
}

GError *
_govorun_voximplant_answer_check (const GovorunVoximplantAnswer *answer,
                                  guint                          status,
                                  gboolean                       jwt_auth)
{
  /* A rate-limit answer that survived the retries, by code or status. */
  if (status == 429 || answer->code == 340 || answer->code == 416)
    return new_provider_error (GOVORUN_VOXIMPLANT_ERROR_RATE_LIMITED,
                               sentence_for (GOVORUN_VOXIMPLANT_ERROR_RATE_LIMITED, jwt_auth),
                               answer->code, answer->msg, status);

  if (status >= 500)
    return new_provider_error (GOVORUN_VOXIMPLANT_ERROR_SERVER,
                               sentence_for (GOVORUN_VOXIMPLANT_ERROR_SERVER, jwt_auth),
                               answer->code, answer->msg, status);

  if (answer->has_envelope)
    {
      GovorunVoximplantError kind;

      if (answer->code <= 0)
        return new_bad_response (_("its error has no valid code"), status);

      kind = classify_code (answer->code);
      return new_provider_error (kind, sentence_for (kind, jwt_auth), answer->code, answer->msg,
                                 status);
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    return new_bad_response (_("an unexpected HTTP status"), status);

  if (!answer->is_object)
    return new_bad_response (answer->json_error != NULL ? answer->json_error->message
                                                        : _("it is not a JSON object"),
                             0);

  if (!answer->has_result)
    return govorun_voximplant_error_new_missing_field ("result");

  return NULL;
}

/* Turns an answer into the success envelope or a GError. */
static JsonObject *
interpret_response (GBytes    *body,
                    guint      status,
                    gboolean   jwt_auth,
                    GError   **error)
{
  g_autoptr(GError) json_error = NULL;
  g_autoptr(JsonNode) root = parse_body (body, &json_error);
  GovorunVoximplantAnswer answer = { json_error, FALSE, FALSE, -1, NULL, FALSE };
  JsonObject *object = NULL;
  GError *local;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *result;

      object = json_node_get_object (root);
      answer.is_object = TRUE;
      answer.has_envelope = read_error_envelope (object, &answer.code, &answer.msg);
      result = json_object_get_member (object, "result");
      answer.has_result = result != NULL && !JSON_NODE_HOLDS_NULL (result);
    }

  local = _govorun_voximplant_answer_check (&answer, status, jwt_auth);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }

  return json_object_ref (object);
}

static gboolean is_typed_result (GovorunVoximplantClient *self,
                                 GAsyncResult            *result,
                                 gpointer                 source_tag);

/* ---- The request ---- */

typedef struct
{
  char                         *url;
  char                         *method;
  GovorunVoximplantStyle        style;
  GovorunVoximplantParams      *params;
  char                         *account_id;
  char                         *api_key;       /* secret */
  GovorunVoximplantCredentials *credentials;
  char                         *last_jwt;      /* secret */
} CallData;

static void
call_data_free (CallData *data)
{
  g_free (data->url);
  g_free (data->method);
  govorun_voximplant_params_free (data->params);
  g_free (data->account_id);
  secret_free (data->api_key);
  g_clear_object (&data->credentials);
  secret_free (data->last_jwt);
  g_free (data);
}

static void
append_form (GString    *form,
             const char *name,
             const char *value)
{
  g_autofree char *escaped_name = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *escaped_value = g_uri_escape_string (value, NULL, FALSE);

  if (form->len > 0)
    g_string_append_c (form, '&');
  g_string_append (form, escaped_name);
  g_string_append_c (form, '=');
  g_string_append (form, escaped_value);

  if (escaped_value != NULL)
    gnutls_memset (escaped_value, 0, strlen (escaped_value));
}

static char *
sign_token (CallData  *data,
            GError   **error)
{
  return govorun_voximplant_credentials_sign_jwt (data->credentials,
                                                  g_get_real_time () / G_USEC_PER_SEC,
                                                  JWT_TTL_SECONDS, error);
}

/* Runs once per attempt: a retried request gets a fresh token. */
static SoupMessage *
make_message (gpointer user_data)
{
  CallData *data = user_data;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GString *form;
  gsize len;

  msg = soup_message_new (SOUP_METHOD_POST, data->url);
  if (msg == NULL)
    return NULL;

  form = g_string_new (NULL);
  if (data->style == GOVORUN_VOXIMPLANT_STYLE_CMD)
    append_form (form, "cmd", data->method);
  if (data->api_key != NULL)
    {
      append_form (form, "account_id", data->account_id);
      append_form (form, "api_key", data->api_key);
    }
  for (guint i = 0; i < data->params->names->len; i++)
    append_form (form,
                 g_ptr_array_index (data->params->names, i),
                 g_ptr_array_index (data->params->values, i));

  len = form->len;
  bytes = g_bytes_new_take (g_string_free (form, FALSE), len);
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", bytes);

  if (data->credentials != NULL)
    {
      g_autoptr(GError) error = NULL;
      char *jwt = sign_token (data, &error);
      g_autofree char *header = NULL;

      /* Signing worked once before sending; should it fail now, the
       * earlier token is still valid for a while. */
      if (jwt != NULL)
        {
          secret_free (data->last_jwt);
          data->last_jwt = jwt;
        }
      else
        g_debug ("Reusing the previous token: %s", error->message);

      header = g_strconcat ("Bearer ", data->last_jwt, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", header);
      gnutls_memset (header, 0, strlen (header));
    }

  return g_steal_pointer (&msg);
}

static void
on_call_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  gboolean jwt_auth = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *envelope;
  guint status = 0;
  guint attempts = 0;

  body = govorun_http_send_finish (GOVORUN_HTTP (source), result, &status, &attempts, &error);
  if (body == NULL)
    {
      /* Transport errors and cancellation pass through unchanged. */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  envelope = interpret_response (body, status, jwt_auth, &error);
  if (envelope == NULL)
    {
      g_debug ("%s failed after %u attempt(s): %s",
               (const char *) g_object_get_data (G_OBJECT (task), "govorun-method"),
               attempts, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, envelope, (GDestroyNotify) json_object_unref);
}

static gboolean
is_valid_method_name (const char *method)
{
  if (method == NULL || !g_ascii_isalpha (*method))
    return FALSE;

  for (const char *p = method; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

/* Sends @method; @sent_cb gets the transport's answer and the task. */
static void
start_call (GovorunVoximplantClient *self,
            const char              *method,
            GovorunVoximplantParams *params,
            GovorunHttpFlags         flags,
            gpointer                 source_tag,
            GAsyncReadyCallback      sent_cb,
            GCancellable            *cancellable,
            GAsyncReadyCallback      callback,
            gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CallData *data;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self));
  g_return_if_fail (is_valid_method_name (method));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, GINT_TO_POINTER (self->credentials != NULL), NULL);
  g_object_set_data_full (G_OBJECT (task), "govorun-method", g_strdup (method), g_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->credentials == NULL && (self->api_key == NULL || *self->api_key == '\0'))
    {
      g_task_return_new_error (task, GOVORUN_VOXIMPLANT_ERROR, GOVORUN_VOXIMPLANT_ERROR_EMPTY_KEY,
                               _("No Voximplant API key or service account key is set. Enter the API key from the Voximplant control panel (Settings → API Keys) or load a service account key file."));
      return;
    }

  if (self->credentials == NULL &&
      !govorun_voximplant_validate_account_id (self->account_id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (CallData, 1);
  data->method = g_strdup (method);
  data->style = self->style;
  data->params = params != NULL ? govorun_voximplant_params_copy (params)
                                : govorun_voximplant_params_new ();
  if (self->style == GOVORUN_VOXIMPLANT_STYLE_CMD)
    data->url = g_strdup (self->base_url);
  else
    data->url = g_strconcat (self->base_url, "/", method, NULL);

  if (self->credentials != NULL)
    {
      data->credentials = g_object_ref (self->credentials);
      /* Fails early, before anything is sent, if the key cannot sign. */
      data->last_jwt = sign_token (data, &error);
      if (data->last_jwt == NULL)
        {
          call_data_free (data);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    {
      data->account_id = g_strdup (self->account_id);
      data->api_key = g_strdup (self->api_key);
    }

  /* Reads may be repeated; a mutation is repeated only after a rate-limit
   * answer (it was not carried out then). */
  if (g_str_has_prefix (method, "Get"))
    flags |= GOVORUN_HTTP_FLAGS_IDEMPOTENT;

  govorun_http_send_async (self->http, make_message, data, (GDestroyNotify) call_data_free,
                           flags, is_rate_limited, NULL, cancellable,
                           sent_cb, g_steal_pointer (&task));
}

void
govorun_voximplant_client_call_async (GovorunVoximplantClient *self,
                                      const char              *method,
                                      GovorunVoximplantParams *params,
                                      GovorunHttpFlags         flags,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  start_call (self, method, params, flags, govorun_voximplant_client_call_async, on_call_sent,
              cancellable, callback, user_data);
}

/* The answer as it came, for a reader of its own. */
typedef struct
{
  GBytes *body;
  guint   status;
} RawAnswer;

static void
raw_answer_free (RawAnswer *answer)
{
  g_bytes_unref (answer->body);
  g_free (answer);
}

static void
on_raw_call_sent (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  RawAnswer *answer = g_new0 (RawAnswer, 1);
  guint attempts = 0;

  answer->body = govorun_http_send_finish (GOVORUN_HTTP (source), result, &answer->status,
                                           &attempts, &error);
  if (answer->body == NULL)
    {
      g_free (answer);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, answer, (GDestroyNotify) raw_answer_free);
}

void
_govorun_voximplant_client_call_raw_async (GovorunVoximplantClient *self,
                                           const char              *method,
                                           GovorunVoximplantParams *params,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data)
{
  start_call (self, method, params, GOVORUN_HTTP_FLAGS_NONE,
              _govorun_voximplant_client_call_raw_async, on_raw_call_sent,
              cancellable, callback, user_data);
}

GBytes *
_govorun_voximplant_client_call_raw_finish (GovorunVoximplantClient  *self,
                                            GAsyncResult             *result,
                                            guint                    *out_status,
                                            gboolean                 *out_jwt_auth,
                                            GError                  **error)
{
  RawAnswer *answer;
  GBytes *body;

  g_return_val_if_fail (is_typed_result (self, result, _govorun_voximplant_client_call_raw_async),
                        NULL);

  *out_jwt_auth = GPOINTER_TO_INT (g_task_get_task_data (G_TASK (result)));
  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return NULL;
  *out_status = answer->status;
  body = g_steal_pointer (&answer->body);
  g_free (answer);
  return body;
}

JsonObject *
govorun_voximplant_client_call_finish (GovorunVoximplantClient  *self,
                                       GAsyncResult             *result,
                                       GError                  **error)
{
  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        govorun_voximplant_client_call_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Typed calls ---- */

typedef struct
{
  GovorunVoximplantParseEnvelope parse;
  GovorunVoximplantParseItem     parse_item;
  GDestroyNotify                 free_func;
} Parser;

/* A list method's answer: the items and "total_count" (-1: not given). */
typedef struct
{
  GPtrArray *items;
  gint64     total_count;
} List;

static void
list_free (List *list)
{
  g_clear_pointer (&list->items, g_ptr_array_unref);
  g_free (list);
}

static List *
parse_list (JsonObject    *envelope,
            const Parser  *parser,
            GError       **error)
{
  gint64 total = -1;
  GPtrArray *items = govorun_voximplant_parse_list (envelope, parser->parse_item, parser->free_func,
                                                    &total, error);
  List *list;

  if (items == NULL)
    return NULL;

  list = g_new0 (List, 1);
  list->items = items;
  list->total_count = total;

  return list;
}

static void
on_typed_call (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const Parser *parser = g_task_get_task_data (task);
  g_autoptr(JsonObject) envelope = NULL;
  g_autoptr(GError) error = NULL;
  gpointer parsed;

  envelope = govorun_voximplant_client_call_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result, &error);
  if (envelope == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (parser->parse_item != NULL)
    {
      parsed = parse_list (envelope, parser, &error);
      if (parsed == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, parsed, (GDestroyNotify) list_free);
    }
  else if (parser->parse != NULL)
    {
      parsed = parser->parse (envelope, &error);
      if (parsed == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, parsed, parser->free_func);
    }
  else
    g_task_return_boolean (task, TRUE);
}

static void
typed_call (GovorunVoximplantClient        *self,
            const char                     *method,
            GovorunVoximplantParams        *params,
            const Parser                   *parser,
            gpointer                        source_tag,
            GCancellable                   *cancellable,
            GAsyncReadyCallback             callback,
            gpointer                        user_data)
{
  g_autoptr(GovorunVoximplantParams) owned = params;
  GTask *task;

  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_memdup2 (parser, sizeof *parser), g_free);

  govorun_voximplant_client_call_async (self, method, owned, GOVORUN_HTTP_FLAGS_NONE,
                                        cancellable, on_typed_call, task);
}

void
govorun_voximplant_client_call_parsed (GovorunVoximplantClient        *self,
                                       const char                     *method,
                                       GovorunVoximplantParams        *params,
                                       GovorunVoximplantParseEnvelope  parse,
                                       GDestroyNotify                  free_func,
                                       gpointer                        source_tag,
                                       GCancellable                   *cancellable,
                                       GAsyncReadyCallback             callback,
                                       gpointer                        user_data)
{
  Parser parser = { parse, NULL, free_func };

  typed_call (self, method, params, &parser, source_tag, cancellable, callback, user_data);
}

void
govorun_voximplant_client_call_list (GovorunVoximplantClient    *self,
                                     const char                 *method,
                                     GovorunVoximplantParams    *params,
                                     GovorunVoximplantParseItem  parse_item,
                                     GDestroyNotify              free_item,
                                     gpointer                    source_tag,
                                     GCancellable               *cancellable,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data)
{
  Parser parser = { NULL, parse_item, free_item };

  g_return_if_fail (parse_item != NULL);

  typed_call (self, method, params, &parser, source_tag, cancellable, callback, user_data);
}

static gboolean
is_typed_result (GovorunVoximplantClient *self,
                 GAsyncResult            *result,
                 gpointer                 source_tag)
{
  return GOVORUN_IS_VOXIMPLANT_CLIENT (self) &&
         g_task_is_valid (result, self) &&
         g_task_get_source_tag (G_TASK (result)) == source_tag;
}

gpointer
govorun_voximplant_client_parsed_finish (GovorunVoximplantClient  *self,
                                         GAsyncResult             *result,
                                         gpointer                  source_tag,
                                         GError                  **error)
{
  g_return_val_if_fail (is_typed_result (self, result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
govorun_voximplant_client_done_finish (GovorunVoximplantClient  *self,
                                       GAsyncResult             *result,
                                       gpointer                  source_tag,
                                       GError                  **error)
{
  g_return_val_if_fail (is_typed_result (self, result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GPtrArray *
govorun_voximplant_client_list_finish (GovorunVoximplantClient  *self,
                                       GAsyncResult             *result,
                                       gpointer                  source_tag,
                                       gint64                   *total_count,
                                       GError                  **error)
{
  List *list;
  GPtrArray *items;

  g_return_val_if_fail (is_typed_result (self, result, source_tag), NULL);

  if (total_count != NULL)
    *total_count = -1;

  list = g_task_propagate_pointer (G_TASK (result), error);
  if (list == NULL)
    return NULL;

  if (total_count != NULL)
    *total_count = list->total_count;
  items = g_steal_pointer (&list->items);
  list_free (list);

  return items;
}

/* ---- The object ---- */

static void
govorun_voximplant_client_dispose (GObject *object)
{
  GovorunVoximplantClient *self = GOVORUN_VOXIMPLANT_CLIENT (object);

  g_clear_object (&self->http);
  g_clear_object (&self->credentials);

  G_OBJECT_CLASS (govorun_voximplant_client_parent_class)->dispose (object);
}

static void
govorun_voximplant_client_finalize (GObject *object)
{
  GovorunVoximplantClient *self = GOVORUN_VOXIMPLANT_CLIENT (object);

  g_free (self->base_url);
  g_free (self->account_id);
  secret_free (self->api_key);

  G_OBJECT_CLASS (govorun_voximplant_client_parent_class)->finalize (object);
}

static void
govorun_voximplant_client_class_init (GovorunVoximplantClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_voximplant_client_dispose;
  object_class->finalize = govorun_voximplant_client_finalize;
}

static void
govorun_voximplant_client_init (GovorunVoximplantClient *self)
{
  self->style = GOVORUN_VOXIMPLANT_STYLE_PATH;
}

/**
 * govorun_voximplant_client_new:
 * @http: the shared transport
 * @base_url: the API root, such as %GOVORUN_VOXIMPLANT_PRODUCTION_URL or an
 *   emulator's "http://127.0.0.1:PORT/platform_api"
 *
 * Returns: (transfer full): a client without credentials
 */
GovorunVoximplantClient *
govorun_voximplant_client_new (GovorunHttp *http,
                               const char  *base_url)
{
  GovorunVoximplantClient *self;
  gsize len;

  g_return_val_if_fail (GOVORUN_IS_HTTP (http), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (GOVORUN_TYPE_VOXIMPLANT_CLIENT, NULL);
  self->http = g_object_ref (http);
  self->base_url = g_strdup (base_url);

  len = strlen (self->base_url);
  while (len > 0 && self->base_url[len - 1] == '/')
    self->base_url[--len] = '\0';

  return self;
}

const char *
govorun_voximplant_client_get_base_url (GovorunVoximplantClient *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self), NULL);

  return self->base_url;
}

void
govorun_voximplant_client_set_api_key (GovorunVoximplantClient *self,
                                       const char              *account_id,
                                       const char              *api_key)
{
  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self));

  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
  secret_free (self->api_key);
  self->api_key = g_strdup (api_key);

  if (api_key != NULL)
    g_clear_object (&self->credentials);
}

void
govorun_voximplant_client_set_credentials (GovorunVoximplantClient      *self,
                                           GovorunVoximplantCredentials *credentials)
{
  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self));
  g_return_if_fail (!credentials || GOVORUN_IS_VOXIMPLANT_CREDENTIALS (credentials));

  g_set_object (&self->credentials, credentials);

  if (credentials != NULL)
    {
      g_clear_pointer (&self->account_id, g_free);
      g_clear_pointer (&self->api_key, secret_free);
    }
}

void
govorun_voximplant_client_set_style (GovorunVoximplantClient *self,
                                     GovorunVoximplantStyle   style)
{
  g_return_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self));
  g_return_if_fail (style == GOVORUN_VOXIMPLANT_STYLE_PATH || style == GOVORUN_VOXIMPLANT_STYLE_CMD);

  self->style = style;
}

/**
 * _govorun_voximplant_client_parse_for_fuzzing:
 *
 * Runs the parsers of Voximplant answers over @data: the envelope at a few
 * HTTP statuses, the rate-limit check and every typed method's parser.
 * Only the fuzz targets call it (tests/fuzz/), through the private header.
 */
void
_govorun_voximplant_client_parse_for_fuzzing (const guint8 *data,
                                              gsize         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  static const guint statuses[] = { 200, 400, 429, 500 };
  guint retry_after_ms = 0;

  (void) is_rate_limited (NULL, body, &retry_after_ms, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) envelope = interpret_response (body, statuses[i], i % 2, &error);

      g_assert ((envelope == NULL) == (error != NULL));
      if (envelope != NULL)
        {
          _govorun_voximplant_account_parse_for_fuzzing (envelope);
          _govorun_voximplant_applications_parse_for_fuzzing (envelope);
          _govorun_voximplant_phone_numbers_parse_for_fuzzing (envelope);
          _govorun_voximplant_number_market_parse_for_fuzzing (envelope);
          _govorun_voximplant_call_history_parse_for_fuzzing (envelope);
          _govorun_voximplant_call_lists_parse_for_fuzzing (envelope);
        }
    }
}

/**
 * _govorun_voximplant_client_envelope_for_fuzzing:
 *
 * Returns: (transfer full) (nullable): the success envelope of @data as an
 *   answer with HTTP @status, or %NULL with the error every call would give
 */
JsonObject *
_govorun_voximplant_client_envelope_for_fuzzing (const guint8  *data,
                                                 gsize          size,
                                                 guint          status,
                                                 GError       **error)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);

  return interpret_response (body, status, FALSE, error);
}

/* ---- For requests outside the Management API (recordings) ---- */

GovorunHttp *
_govorun_voximplant_client_get_http (GovorunVoximplantClient *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self), NULL);

  return self->http;
}

GovorunVoximplantCredentials *
_govorun_voximplant_client_get_credentials (GovorunVoximplantClient *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOXIMPLANT_CLIENT (self), NULL);

  return self->credentials;
}

GError *
_govorun_voximplant_error_new_for_status (GovorunVoximplantError code,
                                          guint                  http_status,
                                          gboolean               jwt_auth)
{
  return new_provider_error (code, sentence_for (code, jwt_auth), 0, NULL, http_status);
}
