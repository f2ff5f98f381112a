/* govorun-elevenlabs-client.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunElevenlabsClient"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-elevenlabs-client-private.h"
#include "govorun-json.h"

/*
 * The core of the client: the request plumbing (key header, URL, JSON
 * body), and the mapping of error answers to GOVORUN_ELEVENLABS_ERROR.
 * Wire format: reference/elevenlabs.md §1 (auth, error bodies, pagination).
 * The resources are in govorun-elevenlabs-agents.c and -user.c.
 */

/* Provider messages end up in dialogs: keep them short. */
#define MAX_PROVIDER_MESSAGE_CHARS 300

struct _GovorunElevenlabsClient
{
  GObject      parent_instance;

  GovorunHttp *http;
  char        *base_url;
  char        *api_key;
};

G_DEFINE_FINAL_TYPE (GovorunElevenlabsClient, govorun_elevenlabs_client, G_TYPE_OBJECT)

/* Error answers */

/* Provider text goes into dialogs: valid UTF-8, one line, bounded. */
static char *
clean_provider_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint chars = 0;

  if (text == NULL || *text == '\0')
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (chars++ >= MAX_PROVIDER_MESSAGE_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        c = ' ';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The three documented shapes of "detail" (§1.3):
 * {"detail":{"status","message"}}, {"detail":[{"loc","msg","type"}]} and
 * FastAPI's plain {"detail":"Not Found"}. Anything else leaves both NULL. */
static void
parse_error_detail (GBytes  *body,
                    char   **out_status,
                    char   **out_message)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *detail;

  *out_status = NULL;
  *out_message = NULL;

  if (body == NULL)
    return;

  root = govorun_json_parse_bytes (body, GOVORUN_JSON_ANSWER, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  detail = json_object_get_member (json_node_get_object (root), "detail");
  if (detail == NULL)
    return;

  if (JSON_NODE_HOLDS_OBJECT (detail))
    {
      JsonObject *object = json_node_get_object (detail);
      JsonNode *status = json_object_get_member (object, "status");
      JsonNode *message = json_object_get_member (object, "message");

      if (status != NULL && JSON_NODE_HOLDS_VALUE (status)
          && json_node_get_value_type (status) == G_TYPE_STRING)
        *out_status = clean_provider_text (json_node_get_string (status));
      if (message != NULL && JSON_NODE_HOLDS_VALUE (message)
          && json_node_get_value_type (message) == G_TYPE_STRING)
        *out_message = clean_provider_text (json_node_get_string (message));
    }
  else if (JSON_NODE_HOLDS_ARRAY (detail))
    {
      JsonArray *items = json_node_get_array (detail);
      JsonNode *first = json_array_get_length (items) > 0 ? json_array_get_element (items, 0) : NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      JsonObject *item;
      JsonNode *loc;
      JsonNode *msg;

      if (first == NULL || !JSON_NODE_HOLDS_OBJECT (first))
        return;

      item = json_node_get_object (first);
      loc = json_object_get_member (item, "loc");
      msg = json_object_get_member (item, "msg");

      /* loc is a path such as ["query", "page_size"] or ["body", "tags", 0] */
      if (loc != NULL && JSON_NODE_HOLDS_ARRAY (loc))
        {
          JsonArray *parts = json_node_get_array (loc);

          for (guint i = 0; i < json_array_get_length (parts); i++)
            {
              JsonNode *part = json_array_get_element (parts, i);

              if (!JSON_NODE_HOLDS_VALUE (part))
                continue;
              if (text->len > 0)
                g_string_append_c (text, '.');
              if (json_node_get_value_type (part) == G_TYPE_STRING)
                g_string_append (text, json_node_get_string (part));
              else if (json_node_get_value_type (part) == G_TYPE_INT64)
                g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (part));
            }
        }

      if (msg != NULL && JSON_NODE_HOLDS_VALUE (msg)
          && json_node_get_value_type (msg) == G_TYPE_STRING)
        {
          if (text->len > 0)
            g_string_append (text, ": ");
          g_string_append (text, json_node_get_string (msg));
        }

      *out_message = clean_provider_text (text->str);
    }
  else if (JSON_NODE_HOLDS_VALUE (detail)
           && json_node_get_value_type (detail) == G_TYPE_STRING)
    {
      *out_message = clean_provider_text (json_node_get_string (detail));
    }
}

GError *
_govorun_elevenlabs_error_from_answer (guint   http_status,
                                       GBytes *body)
{
  g_autofree char *status = NULL;
  g_autofree char *message = NULL;
  g_autofree char *provider = NULL;
  GovorunElevenlabsError code;
  const char *sentence;

  parse_error_detail (body, &status, &message);

  if (g_strcmp0 (status, "quota_exceeded") == 0)
    code = GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED;
  else if (http_status == 401 && g_strcmp0 (status, "needs_authorization") == 0)
    code = GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION;
  else if (http_status == 401 && g_strcmp0 (status, "missing_permissions") == 0)
    code = GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS;
  else if (http_status == 401)
    code = GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY;
  else if (http_status == 403)
    code = GOVORUN_ELEVENLABS_ERROR_FORBIDDEN;
  else if (http_status == 404)
    code = GOVORUN_ELEVENLABS_ERROR_NOT_FOUND;
  else if (http_status == 422)
    code = GOVORUN_ELEVENLABS_ERROR_VALIDATION;
  else if (http_status == 429)
    code = GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED;
  else if (http_status >= 500 && http_status < 600)
    code = GOVORUN_ELEVENLABS_ERROR_SERVER;
  else
    code = GOVORUN_ELEVENLABS_ERROR_FAILED;

  switch (code)
    {
    case GOVORUN_ELEVENLABS_ERROR_INVALID_API_KEY:
      sentence = _("ElevenLabs did not accept the API key. Check the key at elevenlabs.io → Developers → API Keys, and check the region: a key from a data-residency region such as the EU works only with that region’s host.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION:
      sentence = _("No ElevenLabs API key was sent. Enter the key from elevenlabs.io → Developers → API Keys.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_MISSING_PERMISSIONS:
      sentence = _("The ElevenLabs API key lacks a permission this needs. Allow it for the key at elevenlabs.io → Developers → API Keys, or use a key without restrictions.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_QUOTA_EXCEEDED:
      sentence = _("The ElevenLabs quota of this key or plan is used up. Raise the key’s credit limit or upgrade the plan at elevenlabs.io, then try again.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_RATE_LIMITED:
      sentence = _("ElevenLabs is busy or too many requests are running at once. Wait a minute and try again.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_NOT_FOUND:
      sentence = _("ElevenLabs could not find the requested item. It may have been deleted, or it belongs to another workspace or region; refresh and try again.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_FORBIDDEN:
      sentence = _("ElevenLabs refused this request: the key’s workspace or plan does not allow it. Check the plan and the workspace at elevenlabs.io, or use another key.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_VALIDATION:
      sentence = _("ElevenLabs did not accept a value in the request. Correct the value named at the end and try again.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_SERVER:
      sentence = _("ElevenLabs had an internal error. Wait a few minutes and try again; if it persists, check status.elevenlabs.io.");
      break;
    case GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE:
    case GOVORUN_ELEVENLABS_ERROR_FAILED:
    default:
      sentence = _("ElevenLabs could not carry out the request. Try again later.");
      break;
    }

  /* The provider's own status (or the HTTP status when it gave none) and
   * message, as it sent them, for support requests. */
  if (status != NULL && message != NULL)
    provider = g_strdup_printf ("%s: %s", status, message);
  else if (status != NULL)
    provider = g_strdup (status);
  else if (message != NULL)
    provider = g_strdup_printf ("HTTP %u: %s", http_status, message);
  else
    provider = g_strdup_printf ("HTTP %u", http_status);

  return g_error_new (GOVORUN_ELEVENLABS_ERROR, code, "%s (ElevenLabs: %s)", sentence, provider);
}

/* Requests */

typedef struct
{
  char   *method;
  char   *url;
  char   *api_key;
  GBytes *body;     /* nullable, JSON */
  gboolean binary;  /* the answer is a file, not JSON */
} RequestSpec;

static void
request_spec_free (RequestSpec *spec)
{
  g_free (spec->method);
  g_free (spec->url);
  /* Not left behind in freed memory. */
  if (spec->api_key != NULL)
    memset (spec->api_key, 0, strlen (spec->api_key));
  g_free (spec->api_key);
  g_clear_pointer (&spec->body, g_bytes_unref);
  g_free (spec);
}

static SoupMessage *
make_message (gpointer user_data)
{
  RequestSpec *spec = user_data;
  SoupMessageHeaders *headers;
  SoupMessage *msg;

  msg = soup_message_new (spec->method, spec->url);
  if (msg == NULL)
    return NULL;

  headers = soup_message_get_request_headers (msg);
  /* §1.2: the key travels in this header only, never in the URL. */
  soup_message_headers_replace (headers, "xi-api-key", spec->api_key);
  soup_message_headers_replace (headers, "Accept", spec->binary ? "*/*" : "application/json");

  if (spec->body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", spec->body);

  return msg;
}

/* The body of a 2xx answer, or NULL once @task got the error. */
static GBytes *
take_answer (GObject      *source,
             GAsyncResult *result,
             GTask        *task)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status = 0;
  guint attempts = 0;

  body = govorun_http_send_finish (GOVORUN_HTTP (source), result, &status, &attempts, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return NULL;
    }

  g_debug ("%s: HTTP %u after %u attempt(s)",
           (const char *) g_task_get_task_data (task), status, attempts);

  if (status < 200 || status >= 300)
    {
      g_task_return_error (task, _govorun_elevenlabs_error_from_answer (status, body));
      return NULL;
    }

  return g_steal_pointer (&body);
}

static void
on_request_sent (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  JsonNode *root;

  if ((body = take_answer (source, result, task)) == NULL)
    return;

  if (g_bytes_get_size (body) == 0)
    {
      /* 204 and friends: nothing to parse. */
      g_task_return_pointer (task, json_node_new (JSON_NODE_NULL), (GDestroyNotify) json_node_unref);
      return;
    }

  root = govorun_json_parse_bytes (body, GOVORUN_JSON_ANSWER, &error);
  if (root == NULL)
    {
      if (g_error_matches (error, GOVORUN_JSON_ERROR, GOVORUN_JSON_ERROR_INVALID))
        g_task_return_new_error (task, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE,
                                 _("ElevenLabs sent an answer that is not valid JSON. Check that the API address points at ElevenLabs, and try again later."));
      else
        g_task_return_new_error (task, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_BAD_RESPONSE,
                                 /* Translators: %s says what is wrong, e.g. “it is nested deeper than 128 levels” */
                                 _("ElevenLabs sent an answer Govorun does not read: %s. Check that the API address points at ElevenLabs, and try again later."),
                                 error->message);
      return;
    }

  g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
}

static void
on_bytes_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GBytes *body = take_answer (source, result, task);

  if (body != NULL)
    g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
}

/* Sends the request for @task (taken), whose callback gets the answer;
 * without a key nothing is sent and @task gets the error. */
static void
send_request (GovorunElevenlabsClient *self,
              const char              *method,
              const char              *path_and_query,
              JsonNode                *body,
              gboolean                 binary,
              GovorunHttpFlags         flags,
              GCancellable            *cancellable,
              GAsyncReadyCallback      on_sent,
              GTask                   *task)
{
  RequestSpec *spec;

  /* For debug messages: the path and query never carry the key. */
  g_task_set_task_data (task, g_strdup_printf ("%s %s", method, path_and_query), g_free);

  if (self->api_key == NULL || *self->api_key == '\0')
    {
      /* Our own check, so there is no provider status to show. */
      g_task_return_new_error (task, GOVORUN_ELEVENLABS_ERROR, GOVORUN_ELEVENLABS_ERROR_NEEDS_AUTHORIZATION,
                               "%s",
                               _("No ElevenLabs API key is set. Enter the key from elevenlabs.io → Developers → API Keys."));
      g_object_unref (task);
      return;
    }

  spec = g_new0 (RequestSpec, 1);
  spec->method = g_strdup (method);
  spec->url = g_strconcat (self->base_url, path_and_query, NULL);
  spec->api_key = g_strdup (self->api_key);
  spec->binary = binary;
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);
      spec->body = g_bytes_new_take (text, strlen (text));
    }

  g_debug ("%s %s", method, path_and_query);

  /* ElevenLabs documents its rate limits as HTTP 429 only (§1.4), which the
   * transport always recognises; no callback needed. */
  /* Audio is read up to the media limit, JSON up to the answer limit. */
  govorun_http_send_async (self->http, make_message, spec, (GDestroyNotify) request_spec_free,
                           binary ? flags | GOVORUN_HTTP_FLAGS_MEDIA : flags,
                           NULL, NULL, cancellable, on_sent, task);
}

/* Sends @method @path_and_query (already escaped) with the key and returns
 * the parsed JSON of a 2xx answer, or the mapped error. */
void
_govorun_elevenlabs_client_request_json_async (GovorunElevenlabsClient *self,
                                               const char              *method,
                                               const char              *path_and_query,
                                               JsonNode                *body,
                                               GovorunHttpFlags         flags,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _govorun_elevenlabs_client_request_json_async);
  send_request (self, method, path_and_query, body, FALSE, flags, cancellable, on_request_sent, task);
}

JsonNode *
_govorun_elevenlabs_client_request_json_finish (GovorunElevenlabsClient  *self,
                                                GAsyncResult             *result,
                                                GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _govorun_elevenlabs_client_request_json_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Adds name=value (escaped) to a path, after '?' or '&'. */
void
_govorun_elevenlabs_append_query (GString    *url,
                                  const char *name,
                                  const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (url, strchr (url->str, '?') != NULL ? '&' : '?');
  g_string_append (url, name);
  g_string_append_c (url, '=');
  g_string_append (url, escaped);
}

/* GET @path_and_query, idempotent; the raw body of a 2xx answer. */
void
_govorun_elevenlabs_client_request_bytes_async (GovorunElevenlabsClient *self,
                                                const char              *path_and_query,
                                                GCancellable            *cancellable,
                                                GAsyncReadyCallback      callback,
                                                gpointer                 user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, _govorun_elevenlabs_client_request_bytes_async);
  send_request (self, "GET", path_and_query, NULL, TRUE, GOVORUN_HTTP_FLAGS_IDEMPOTENT,
                cancellable, on_bytes_sent, task);
}

GBytes *
_govorun_elevenlabs_client_request_bytes_finish (GovorunElevenlabsClient  *self,
                                                 GAsyncResult             *result,
                                                 GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _govorun_elevenlabs_client_request_bytes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * _govorun_elevenlabs_client_return_parsed:
 *
 * Finishes a request for @task: returns what @parse makes of the 2xx
 * answer (freed with @free_func if unclaimed), or the error.
 */
void
_govorun_elevenlabs_client_return_parsed (GovorunElevenlabsClient    *self,
                                          GAsyncResult               *result,
                                          GTask                      *task,
                                          GovorunElevenlabsParseFunc  parse,
                                          GDestroyNotify              free_func)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  gpointer value = NULL;

  root = _govorun_elevenlabs_client_request_json_finish (self, result, &error);
  if (root != NULL)
    value = parse (root, &error);
  if (root == NULL || value == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, value, free_func);
}

/* GObject */

static void
govorun_elevenlabs_client_dispose (GObject *object)
{
  GovorunElevenlabsClient *self = (GovorunElevenlabsClient *) object;

  g_clear_object (&self->http);

  G_OBJECT_CLASS (govorun_elevenlabs_client_parent_class)->dispose (object);
}

static void
govorun_elevenlabs_client_finalize (GObject *object)
{
  GovorunElevenlabsClient *self = (GovorunElevenlabsClient *) object;

  g_free (self->base_url);
  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_free (self->api_key);

  G_OBJECT_CLASS (govorun_elevenlabs_client_parent_class)->finalize (object);
}

static void
govorun_elevenlabs_client_class_init (GovorunElevenlabsClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_elevenlabs_client_dispose;
  object_class->finalize = govorun_elevenlabs_client_finalize;
}

static void
govorun_elevenlabs_client_init (GovorunElevenlabsClient *self)
{
}

/**
 * govorun_elevenlabs_client_new:
 * @http: the shared transport
 * @base_url: the API host, e.g. "https://api.elevenlabs.io"
 * @api_key: (nullable): the xi-api-key
 */
GovorunElevenlabsClient *
govorun_elevenlabs_client_new (GovorunHttp *http,
                               const char  *base_url,
                               const char  *api_key)
{
  GovorunElevenlabsClient *self;
  gsize len;

  g_return_val_if_fail (GOVORUN_IS_HTTP (http), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (GOVORUN_TYPE_ELEVENLABS_CLIENT, NULL);
  self->http = g_object_ref (http);
  self->base_url = g_strdup (base_url);
  len = strlen (self->base_url);
  while (len > 0 && self->base_url[len - 1] == '/')
    self->base_url[--len] = '\0';
  self->api_key = g_strdup (api_key != NULL ? api_key : "");

  return self;
}

/**
 * _govorun_elevenlabs_client_parse_for_fuzzing:
 *
 * Runs every parser of ElevenLabs answers over @data, as a success body and
 * as an error body of a few statuses, and throws the results away. Only the
 * fuzz targets call it (tests/fuzz/), through the private header.
 */
void
_govorun_elevenlabs_client_parse_for_fuzzing (const guint8 *data,
                                              gsize         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(JsonNode) root = NULL;
  static const guint statuses[] = { 400, 401, 404, 422, 429, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GError) error = _govorun_elevenlabs_error_from_answer (statuses[i], body);
    }

  root = govorun_json_parse ((const char *) data, size, GOVORUN_JSON_ANSWER, NULL);
  if (root != NULL)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autoptr(GError) e5 = NULL;
      GovorunElevenlabsAgentPage *page = _govorun_elevenlabs_parse_agent_page (root, &e1);
      GovorunElevenlabsAgent *agent = _govorun_elevenlabs_parse_agent (root, &e2);
      GovorunElevenlabsSubscription *subscription = _govorun_elevenlabs_parse_subscription (root, &e3);
      GovorunElevenlabsConversationPage *conversations = _govorun_elevenlabs_parse_conversation_page (root, &e4);
      GovorunElevenlabsConversation *conversation = _govorun_elevenlabs_parse_conversation (root, &e5);

      g_assert ((page == NULL) == (e1 != NULL));
      g_assert ((agent == NULL) == (e2 != NULL));
      g_assert ((subscription == NULL) == (e3 != NULL));
      g_assert ((conversations == NULL) == (e4 != NULL));
      g_assert ((conversation == NULL) == (e5 != NULL));
      {
        g_autoptr(GError) e6 = NULL;
        g_autoptr(GovorunElevenlabsAgentAnalysis) analysis = _govorun_elevenlabs_parse_agent_analysis (root, &e6);

        g_assert ((analysis == NULL) == (e6 != NULL));
      }
      g_clear_pointer (&page, govorun_elevenlabs_agent_page_free);
      g_clear_pointer (&agent, govorun_elevenlabs_agent_free);
      g_clear_pointer (&subscription, govorun_elevenlabs_subscription_free);
      g_clear_pointer (&conversations, govorun_elevenlabs_conversation_page_free);
      g_clear_pointer (&conversation, govorun_elevenlabs_conversation_free);
    }
}
