/* govorun-bitrix24-client.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunBitrix24"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-bitrix24-client-private.h"
#include "govorun-http-private.h"

#define DEFAULT_MIN_INTERVAL_MS 500
#define DEFAULT_TIMEOUT_MS      60000
#define METHOD_MAX              64
#define DESCRIPTION_MAX         300

struct _GovorunBitrix24Client
{
  GObject                 parent_instance;
  GovorunHttp            *http;
  GovorunBitrix24Webhook *webhook;
  guint                   min_interval_ms;
  gint64                  next_slot_us;   /* monotonic: when the next request may leave */
  guint                   n_sent;
};

G_DEFINE_FINAL_TYPE (GovorunBitrix24Client, govorun_bitrix24_client, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (GovorunBitrix24Webhook, govorun_bitrix24_webhook,
                     govorun_bitrix24_webhook_copy, govorun_bitrix24_webhook_free)

/* ---- the webhook URL ---- */

static gboolean
all_digits (const char *s)
{
  if (s == NULL || *s == '\0' || strlen (s) > 18)
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static gboolean
secret_chars (const char *s)
{
  gsize len = s != NULL ? strlen (s) : 0;

  if (len < 4 || len > 128)
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isalnum (*s) && *s != '_' && *s != '-')
      return FALSE;
  return TRUE;
}

GovorunBitrix24Webhook *
govorun_bitrix24_webhook_parse (const char  *url,
                                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *authority = NULL;
  GovorunBitrix24Webhook *webhook;
  const char *scheme, *host;
  gboolean loopback;
  int port;

  if (url != NULL && strlen (url) <= 2048)
    {
      stripped = g_strstrip (g_strdup (url));
      uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);
    }
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  loopback = g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "localhost") == 0;
  if (uri != NULL)
    parts = g_strsplit (g_uri_get_path (uri), "/", -1);

  /* "", "rest", user, secret[, method][, ""] */
  if (uri == NULL || host == NULL || *host == '\0'
      || !(g_strcmp0 (scheme, "https") == 0 || (loopback && g_strcmp0 (scheme, "http") == 0))
      || g_uri_get_userinfo (uri) != NULL
      || g_strv_length (parts) < 4 || g_strv_length (parts) > 6
      || *parts[0] != '\0' || !g_str_equal (parts[1], "rest")
      || !all_digits (parts[2]) || !secret_chars (parts[3])
      || (parts[4] != NULL && parts[5] != NULL && *parts[5] != '\0'))
    {
      g_set_error_literal (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_INVALID_URL,
                           _("This is not a Bitrix24 incoming webhook. Copy the whole address Bitrix24 shows for the webhook, such as https://example.bitrix24.ru/rest/1/abc123/."));
      return NULL;
    }

  port = g_uri_get_port (uri);
  authority = port > 0 ? g_strdup_printf ("%s:%d", host, port) : g_strdup (host);
  webhook = g_new0 (GovorunBitrix24Webhook, 1);
  webhook->host = g_strdup (host);
  webhook->user_id = g_ascii_strtoll (parts[2], NULL, 10);
  webhook->base = g_strdup_printf ("%s://%s/rest/%s/%s/", scheme, authority, parts[2], parts[3]);
  webhook->display = g_strdup_printf ("%s://%s/rest/%s/…/", scheme, authority, parts[2]);
  return webhook;
}

GovorunBitrix24Webhook *
govorun_bitrix24_webhook_copy (const GovorunBitrix24Webhook *webhook)
{
  GovorunBitrix24Webhook *copy = g_new0 (GovorunBitrix24Webhook, 1);

  copy->base = g_strdup (webhook->base);
  copy->display = g_strdup (webhook->display);
  copy->host = g_strdup (webhook->host);
  copy->user_id = webhook->user_id;
  return copy;
}

void
govorun_bitrix24_webhook_free (GovorunBitrix24Webhook *webhook)
{
  if (webhook == NULL)
    return;
  if (webhook->base != NULL)
    memset (webhook->base, 0, strlen (webhook->base));
  g_free (webhook->base);
  g_free (webhook->display);
  g_free (webhook->host);
  g_free (webhook);
}

/* ---- the client ---- */

static void
govorun_bitrix24_client_finalize (GObject *object)
{
  GovorunBitrix24Client *self = GOVORUN_BITRIX24_CLIENT (object);

  g_clear_object (&self->http);
  g_clear_pointer (&self->webhook, govorun_bitrix24_webhook_free);
  G_OBJECT_CLASS (govorun_bitrix24_client_parent_class)->finalize (object);
}

static void
govorun_bitrix24_client_class_init (GovorunBitrix24ClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_bitrix24_client_finalize;
}

static void
govorun_bitrix24_client_init (GovorunBitrix24Client *self)
{
  self->http = govorun_http_new ();
  govorun_http_set_retry (self->http, 4, 1000);
  govorun_http_set_timeout (self->http, DEFAULT_TIMEOUT_MS);
  self->min_interval_ms = DEFAULT_MIN_INTERVAL_MS;
}

GovorunBitrix24Client *
govorun_bitrix24_client_new (const GovorunBitrix24Webhook *webhook)
{
  GovorunBitrix24Client *self;

  g_return_val_if_fail (webhook != NULL && webhook->base != NULL, NULL);

  self = g_object_new (GOVORUN_TYPE_BITRIX24_CLIENT, NULL);
  self->webhook = govorun_bitrix24_webhook_copy (webhook);
  return self;
}

const GovorunBitrix24Webhook *
govorun_bitrix24_client_get_webhook (GovorunBitrix24Client *self)
{
  g_return_val_if_fail (GOVORUN_IS_BITRIX24_CLIENT (self), NULL);
  return self->webhook;
}

void
govorun_bitrix24_client_set_min_interval (GovorunBitrix24Client *self,
                                          guint                  interval_ms)
{
  g_return_if_fail (GOVORUN_IS_BITRIX24_CLIENT (self));
  self->min_interval_ms = interval_ms;
}

void
govorun_bitrix24_client_set_retry (GovorunBitrix24Client *self,
                                   guint                  max_attempts,
                                   guint                  base_delay_ms)
{
  g_return_if_fail (GOVORUN_IS_BITRIX24_CLIENT (self));
  govorun_http_set_retry (self->http, MAX (max_attempts, 1), base_delay_ms);
}

void
govorun_bitrix24_client_set_timeout (GovorunBitrix24Client *self,
                                     guint                  timeout_ms)
{
  g_return_if_fail (GOVORUN_IS_BITRIX24_CLIENT (self));
  govorun_http_set_timeout (self->http, timeout_ms);
}

guint
govorun_bitrix24_client_get_n_sent (GovorunBitrix24Client *self)
{
  g_return_val_if_fail (GOVORUN_IS_BITRIX24_CLIENT (self), 0);
  return self->n_sent;
}

/* ---- the envelope ---- */

static char *
bounded_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  if (g_utf8_strlen (valid, -1) > DESCRIPTION_MAX)
    *g_utf8_offset_to_pointer (valid, DESCRIPTION_MAX) = '\0';
  g_strdelimit (valid, "\r\n\t", ' ');
  return g_steal_pointer (&valid);
}

static const char *
error_sentence (GovorunBitrix24Error code)
{
  switch (code)
    {
    case GOVORUN_BITRIX24_ERROR_AUTH:
      return _("Bitrix24 did not accept the webhook. Check that it still exists and copy its address again.");
    case GOVORUN_BITRIX24_ERROR_INSUFFICIENT_SCOPE:
      return _("The webhook lacks a permission this needs. Edit the webhook in Bitrix24 and tick telephony and CRM.");
    case GOVORUN_BITRIX24_ERROR_WRONG_AUTH_TYPE:
      return _("This portal refuses this method from an incoming webhook.");
    case GOVORUN_BITRIX24_ERROR_ACCESS_DENIED:
      return _("The portal’s plan or the webhook user’s rights do not allow this.");
    case GOVORUN_BITRIX24_ERROR_RATE_LIMITED:
      return _("Bitrix24 asked to slow down; Govorun will try again later.");
    case GOVORUN_BITRIX24_ERROR_METHOD_NOT_FOUND:
      return _("This portal does not know the method Govorun called.");
    case GOVORUN_BITRIX24_ERROR_INVALID_ARGUMENT:
      return _("Bitrix24 refused what Govorun sent.");
    case GOVORUN_BITRIX24_ERROR_SERVER:
      return _("Bitrix24 had an internal error; Govorun will try again later.");
    case GOVORUN_BITRIX24_ERROR_INVALID_URL:
    case GOVORUN_BITRIX24_ERROR_BAD_RESPONSE:
    case GOVORUN_BITRIX24_ERROR_FAILED:
    default:
      return _("Bitrix24 gave an answer Govorun did not expect.");
    }
}

JsonNode *
_govorun_bitrix24_parse_answer (guint        http_status,
                                const char  *data,
                                gsize        len,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = NULL;
  JsonNode *node;

  if (data != NULL && len > 0 && json_parser_load_from_data (parser, data, (gssize) len, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    root = json_node_get_object (json_parser_get_root (parser));

  if (root != NULL && json_object_has_member (root, "error"))
    {
      node = json_object_get_member (root, "error");
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *code = bounded_text (json_node_get_string (node));
          g_autofree char *description = NULL;
          GovorunBitrix24Error kind;

          node = json_object_get_member (root, "error_description");
          description = bounded_text (node != NULL && JSON_NODE_HOLDS_VALUE (node)
                                      && json_node_get_value_type (node) == G_TYPE_STRING
                                      ? json_node_get_string (node) : "");
          /* Telephony's validation errors carry no code ("error":""). */
          kind = govorun_bitrix24_error_from_code (*code != '\0' ? code : "ERROR_CORE", http_status);
          /* Translators: %s is a sentence, then the portal's code and its description */
          g_set_error (error, GOVORUN_BITRIX24_ERROR, kind, _("%s (%s: %s)"), error_sentence (kind),
                       *code != '\0' ? code : "ERROR_CORE", description);
          return NULL;
        }
    }

  if (http_status < 200 || http_status >= 300)
    {
      GovorunBitrix24Error kind = govorun_bitrix24_error_from_code (NULL, http_status);

      g_set_error (error, GOVORUN_BITRIX24_ERROR, kind, _("%s (HTTP %u)"), error_sentence (kind),
                   http_status);
      return NULL;
    }
  if (root == NULL || !json_object_has_member (root, "result"))
    {
      g_set_error_literal (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_BAD_RESPONSE,
                           error_sentence (GOVORUN_BITRIX24_ERROR_BAD_RESPONSE));
      return NULL;
    }
  return json_node_copy (json_object_get_member (root, "result"));
}

gboolean
_govorun_bitrix24_read_int (JsonNode *node,
                            gint64   *out_value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out_value = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING && all_digits (json_node_get_string (node)))
    {
      *out_value = g_ascii_strtoll (json_node_get_string (node), NULL, 10);
      return TRUE;
    }
  return FALSE;
}

gpointer
_govorun_bitrix24_parse_id (JsonNode  *result,
                            GError   **error)
{
  gint64 value = 0;

  if (!_govorun_bitrix24_read_int (result, &value) || value <= 0)
    {
      g_set_error_literal (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_BAD_RESPONSE,
                           error_sentence (GOVORUN_BITRIX24_ERROR_BAD_RESPONSE));
      return NULL;
    }
  return g_memdup2 (&value, sizeof value);
}

gint64
_govorun_bitrix24_id_finish (GovorunBitrix24Client  *self,
                             GAsyncResult           *result,
                             gpointer                source_tag,
                             GError                **error)
{
  g_autofree gint64 *id = _govorun_bitrix24_client_call_finish (self, result, source_tag, error);

  return id != NULL ? *id : 0;
}

/* ---- sending ---- */

typedef struct
{
  char                    *url;
  GBytes                  *body;
  GovorunBitrix24ParseFunc parse;
  GDestroyNotify           free_func;
  GovorunBitrix24Client   *self;     /* not owned: the task holds it */
  guint                    wait_id;
} Call;

static void
call_free (Call *call)
{
  if (call->url != NULL)
    memset (call->url, 0, strlen (call->url));
  g_free (call->url);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_handle_id (&call->wait_id, g_source_remove);
  g_free (call);
}

static SoupMessage *
make_message (gpointer user_data)
{
  Call *call = user_data;
  SoupMessage *msg = soup_message_new (SOUP_METHOD_POST, call->url);

  if (msg == NULL)
    return NULL;
  soup_message_headers_replace (soup_message_get_request_headers (msg), "User-Agent",
                                "Govorun/" PACKAGE_VERSION);
  soup_message_set_request_body_from_bytes (msg, "application/json", call->body);
  call->self->n_sent++;
  return msg;
}

/* 503 QUERY_LIMIT_EXCEEDED / OVERLOAD_LIMIT: the request was not carried
 * out, so GovorunHttp may send it again after its backoff. */
static gboolean
is_rate_limited (SoupMessage *msg,
                 GBytes      *body,
                 guint       *retry_after_ms,
                 gpointer     user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = NULL;
  gsize len = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &len) : NULL;
  guint status = soup_message_get_status (msg);

  if (status != 503 && status != 429)
    return FALSE;
  result = _govorun_bitrix24_parse_answer (status, data, len, &error);
  if (!g_error_matches (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_RATE_LIMITED))
    return FALSE;
  _govorun_http_parse_retry_after (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                                 "Retry-After"),
                                   retry_after_ms);
  return TRUE;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  gpointer value;
  guint status = 0;
  gsize len = 0;
  const char *data;

  body = govorun_http_send_finish (GOVORUN_HTTP (source), result, &status, NULL, &error);
  if (body == NULL && error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data = body != NULL ? g_bytes_get_data (body, &len) : NULL;
  node = _govorun_bitrix24_parse_answer (status, data, len, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  value = call->parse (node, &error);
  if (value == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, call->free_func);
}

static void
send_now (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  govorun_http_send_async (call->self->http, make_message, call, NULL, GOVORUN_HTTP_FLAGS_NONE,
                           is_rate_limited, NULL, g_task_get_cancellable (task), on_sent, task);
}

static gboolean
on_slot (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  call->wait_id = 0;
  send_now (task);
  return G_SOURCE_REMOVE;
}

void
_govorun_bitrix24_client_call_async (GovorunBitrix24Client   *self,
                                     const char              *method,
                                     JsonObject              *params,
                                     GovorunBitrix24ParseFunc parse,
                                     GDestroyNotify           free_func,
                                     gpointer                 source_tag,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GTask *task;
  Call *call;
  gint64 now = g_get_monotonic_time ();
  gint64 wait_us;
  gsize len = 0;
  char *json;

  g_return_if_fail (GOVORUN_IS_BITRIX24_CLIENT (self));
  g_return_if_fail (method != NULL && strlen (method) < METHOD_MAX);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  json_node_take_object (root, params != NULL ? params : json_object_new ());
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &len);

  call = g_new0 (Call, 1);
  call->self = self;
  call->url = g_strdup_printf ("%s%s.json", self->webhook->base, method);
  call->body = g_bytes_new_take (json, len);
  call->parse = parse;
  call->free_func = free_func;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  /* The portal's bucket drains about 2 requests a second: pace them. */
  wait_us = MAX (self->next_slot_us - now, 0);
  self->next_slot_us = MAX (self->next_slot_us, now) + (gint64) self->min_interval_ms * 1000;
  if (wait_us == 0)
    send_now (task);
  else
    call->wait_id = g_timeout_add ((guint) ((wait_us + 999) / 1000), on_slot, task);
}

gpointer
_govorun_bitrix24_client_call_finish (GovorunBitrix24Client  *self,
                                      GAsyncResult           *result,
                                      gpointer                source_tag,
                                      GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- scope ---- */

static gpointer
parse_scopes (JsonNode  *result,
              GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (result) || (n = json_array_get_length (array = json_node_get_array (result))) > 200)
    {
      g_set_error_literal (error, GOVORUN_BITRIX24_ERROR, GOVORUN_BITRIX24_ERROR_BAD_RESPONSE,
                           error_sentence (GOVORUN_BITRIX24_ERROR_BAD_RESPONSE));
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING
          && strlen (json_node_get_string (item)) <= 64)
        g_strv_builder_add (builder, json_node_get_string (item));
    }
  return g_strv_builder_end (builder);
}

void
govorun_bitrix24_client_scope_async (GovorunBitrix24Client *self,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  _govorun_bitrix24_client_call_async (self, "scope", NULL, parse_scopes, (GDestroyNotify) g_strfreev,
                                       govorun_bitrix24_client_scope_async, cancellable, callback,
                                       user_data);
}

GStrv
govorun_bitrix24_client_scope_finish (GovorunBitrix24Client  *self,
                                      GAsyncResult           *result,
                                      GError                **error)
{
  return _govorun_bitrix24_client_call_finish (self, result, govorun_bitrix24_client_scope_async, error);
}
