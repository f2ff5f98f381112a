/* govorun-emulator.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunEmulator"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-emulator.h"

typedef struct
{
  SoupServer   *server;
  GMainContext *context;
  char         *base_url;

  /* Faults and counters may be set and read from a test's thread while the
   * server runs in another, hence the lock. */
  GMutex        lock;
  GHashTable   *faults;    /* method → GQueue of GovorunFault* */
  GHashTable   *counts;    /* method → GUINT_TO_POINTER (count) */
  GPtrArray    *log;       /* routed methods in the order they arrived */
  guint         latency_ms;

  GPtrArray    *pending;   /* Delayed*, answers waiting for their delay */
} GovorunEmulatorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GovorunEmulator, govorun_emulator, G_TYPE_OBJECT)

typedef struct
{
  GovorunEmulator   *self;    /* unowned: the emulator drops pending on stop */
  SoupServerMessage *msg;
  char              *method;
  GHashTable        *params;
  GovorunFault       fault;
  gboolean           has_fault;
  GSource           *source;
} Delayed;

static void
delayed_free (Delayed *delayed)
{
  if (delayed->source != NULL)
    {
      g_source_destroy (delayed->source);
      g_source_unref (delayed->source);
    }
  g_clear_object (&delayed->msg);
  g_free (delayed->method);
  g_clear_pointer (&delayed->params, g_hash_table_unref);
  g_free (delayed);
}

static void
fault_queue_free (gpointer data)
{
  g_queue_free_full (data, g_free);
}

void
govorun_emulator_respond_json_string (SoupServerMessage *msg,
                                      guint              status,
                                      const char        *json)
{
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (json != NULL);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    json, strlen (json));
}

/* Sends @json's text without copying it; frees @json. */
void
govorun_emulator_respond_json_take (SoupServerMessage *msg,
                                    guint              status,
                                    GString           *json)
{
  gsize length;

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (json != NULL);

  length = json->len;
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_string_free (json, FALSE), length);
}

void
govorun_emulator_respond_json (SoupServerMessage *msg,
                               guint              status,
                               JsonNode          *node)
{
  g_autofree char *json = NULL;

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (node != NULL);

  json = json_to_string (node, FALSE);
  govorun_emulator_respond_json_string (msg, status, json);
}

static void
add_form_fields (GHashTable *params,
                 GHashTable *form)
{
  GHashTableIter iter;
  gpointer key, value;

  if (form == NULL)
    return;

  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (params, g_strdup (key), g_strdup (value != NULL ? value : ""));
}

static void
add_multipart_fields (GHashTable         *params,
                      SoupMessageHeaders *headers,
                      GBytes             *body)
{
  g_autoptr(SoupMultipart) multipart = NULL;
  int n;

  multipart = soup_multipart_new_from_message (headers, body);
  if (multipart == NULL)
    return;

  n = soup_multipart_get_length (multipart);
  for (int i = 0; i < n; i++)
    {
      SoupMessageHeaders *part_headers = NULL;
      GBytes *part_body = NULL;
      g_autofree char *disposition = NULL;
      g_autoptr(GHashTable) dparams = NULL;
      const char *name;
      gconstpointer data;
      gsize len;

      if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body))
        continue;
      if (!soup_message_headers_get_content_disposition (part_headers, &disposition, &dparams))
        continue;
      if (g_ascii_strcasecmp (disposition, "form-data") != 0)
        continue;

      name = g_hash_table_lookup (dparams, "name");
      if (name == NULL)
        continue;

      /* File parts (e.g. a call list's CSV) are kept as text. */
      data = g_bytes_get_data (part_body, &len);
      g_hash_table_insert (params, g_strdup (name), g_strndup (data, len));
    }
}

/* Later sources win: query string, then urlencoded body, then multipart. */
static GHashTable *
collect_params (SoupServerMessage *msg,
                GHashTable        *query)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  const char *content_type;
  g_autoptr(GBytes) body = NULL;

  add_form_fields (params, query);

  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (content_type == NULL || request_body == NULL)
    return params;

  body = soup_message_body_flatten (request_body);

  if (g_ascii_strcasecmp (content_type, "application/x-www-form-urlencoded") == 0)
    {
      gsize len;
      const char *data = g_bytes_get_data (body, &len);
      g_autofree char *text = g_strndup (data, len);
      g_autoptr(GHashTable) form = soup_form_decode (text);

      add_form_fields (params, form);
    }
  else if (g_ascii_strcasecmp (content_type, "multipart/form-data") == 0)
    {
      add_multipart_fields (params, headers, body);
    }

  return params;
}

static void
count_request (GovorunEmulator *self,
               const char      *method)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);
  const char *keys[] = { method, "*" };

  g_mutex_lock (&priv->lock);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (priv->counts, keys[i]));

      g_hash_table_insert (priv->counts, g_strdup (keys[i]), GUINT_TO_POINTER (count + 1));
    }
  g_ptr_array_add (priv->log, g_strdup (method));
  g_mutex_unlock (&priv->lock);
}

static gboolean
take_fault_locked (GovorunEmulatorPrivate *priv,
                   const char             *key,
                   GovorunFault           *out)
{
  GQueue *queue = g_hash_table_lookup (priv->faults, key);
  GovorunFault *fault;

  if (queue == NULL || g_queue_is_empty (queue))
    return FALSE;

  fault = g_queue_peek_head (queue);
  *out = *fault;

  if (fault->times > 0 && --fault->times == 0)
    g_free (g_queue_pop_head (queue));

  return TRUE;
}

static gboolean
take_fault (GovorunEmulator *self,
            const char      *method,
            GovorunFault    *out)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);
  gboolean found;

  g_mutex_lock (&priv->lock);
  found = take_fault_locked (priv, method, out) || take_fault_locked (priv, "*", out);
  g_mutex_unlock (&priv->lock);

  return found;
}

static void
drop_connection (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

/* Lets a test rewrite the JSON object the handler answered. */
static void
edit_answer (SoupServerMessage  *msg,
             const GovorunFault *fault)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonNode *root;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (root = json_parser_get_root (parser)))
    return;

  fault->edit_answer (json_node_get_object (root), fault->edit_data);
  json = json_to_string (root, FALSE);
  soup_message_body_truncate (body);
  soup_message_body_append (body, SOUP_MEMORY_COPY, json, strlen (json));
}

/* Answers @msg for real: a fault, a dropped connection or the subclass. */
static void
answer (GovorunEmulator    *self,
        SoupServerMessage  *msg,
        const char         *method,
        GHashTable         *params,
        const GovorunFault *fault)
{
  GovorunEmulatorClass *klass = GOVORUN_EMULATOR_GET_CLASS (self);

  if (fault != NULL && (fault->after_handling || fault->edit_answer != NULL))
    {
      klass->handle (self, msg, method, params);
      if (fault->edit_answer != NULL)
        edit_answer (msg, fault);
      if (fault->drop_connection)
        {
          g_debug ("%s: dropping the connection after the answer (injected)", method);
          drop_connection (msg);
        }
      return;
    }

  if (fault != NULL && fault->drop_connection)
    {
      g_debug ("%s: dropping the connection (injected)", method);
      drop_connection (msg);
      return;
    }

  if (fault != NULL && (fault->http_status != 0 || fault->provider_code != 0))
    {
      g_debug ("%s: answering with an injected fault (HTTP %u, code %d)",
               method, fault->http_status, fault->provider_code);
      klass->render_fault (self, msg, method, fault);
      return;
    }

  klass->handle (self, msg, method, params);
}

static gboolean
on_delay_done (gpointer user_data)
{
  Delayed *delayed = user_data;
  GovorunEmulator *self = delayed->self;
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);
  g_autoptr(SoupServerMessage) msg = g_object_ref (delayed->msg);
  gboolean dropping = delayed->has_fault && delayed->fault.drop_connection;

  answer (self, msg, delayed->method, delayed->params,
          delayed->has_fault ? &delayed->fault : NULL);

  /* A stolen connection has no I/O left to resume. */
  if (!dropping)
    soup_server_message_unpause (msg);

  g_clear_pointer (&delayed->source, g_source_unref);
  g_ptr_array_remove (priv->pending, delayed);

  return G_SOURCE_REMOVE;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  GovorunEmulator *self = user_data;
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);
  GovorunEmulatorClass *klass = GOVORUN_EMULATOR_GET_CLASS (self);
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *method = NULL;
  GovorunFault fault = { 0 };
  gboolean has_fault;
  guint delay_ms;

  params = collect_params (msg, query);

  if (klass->route != NULL)
    method = klass->route (self, msg, path, params);

  if (method == NULL)
    {
      g_debug ("%s %s: no such route", soup_server_message_get_method (msg), path);
      govorun_emulator_respond_json_string (msg, SOUP_STATUS_NOT_FOUND,
                                            "{\"detail\":\"Not Found\"}");
      return;
    }

  count_request (self, method);
  has_fault = take_fault (self, method, &fault);

  g_mutex_lock (&priv->lock);
  delay_ms = priv->latency_ms;
  g_mutex_unlock (&priv->lock);
  if (has_fault)
    delay_ms += fault.delay_ms;

  if (delay_ms == 0)
    {
      answer (self, msg, method, params, has_fault ? &fault : NULL);
      return;
    }
  else
    {
      Delayed *delayed = g_new0 (Delayed, 1);

      delayed->self = self;
      delayed->msg = g_object_ref (msg);
      delayed->method = g_steal_pointer (&method);
      delayed->params = g_steal_pointer (&params);
      delayed->fault = fault;
      delayed->has_fault = has_fault;
      delayed->source = g_timeout_source_new (delay_ms);
      g_source_set_callback (delayed->source, on_delay_done, delayed, NULL);
      g_source_attach (delayed->source, priv->context);
      g_ptr_array_add (priv->pending, delayed);

      /* A status now, replaced when the answer is made: SoupServer takes a
       * message left without one for a WebSocket upgrade (and refuses it). */
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_pause (msg);
    }
}

/* Runs after on_request() routed the upgrade request and left it
 * unanswered: faults and counters apply to WebSockets as to requests. */
static void
on_websocket (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  GovorunEmulator *self = user_data;
  GovorunEmulatorClass *klass = GOVORUN_EMULATOR_GET_CLASS (self);

  if (klass->websocket != NULL)
    klass->websocket (self, msg, path, connection);
  else
    soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
}

static char *
govorun_emulator_real_route (GovorunEmulator   *self,
                             SoupServerMessage *msg,
                             const char        *path,
                             GHashTable        *params)
{
  return NULL;
}

static void
govorun_emulator_real_handle (GovorunEmulator   *self,
                              SoupServerMessage *msg,
                              const char        *method,
                              GHashTable        *params)
{
  govorun_emulator_respond_json_string (msg, SOUP_STATUS_NOT_IMPLEMENTED,
                                        "{\"detail\":\"Not Implemented\"}");
}

static void
govorun_emulator_real_render_fault (GovorunEmulator    *self,
                                    SoupServerMessage  *msg,
                                    const char         *method,
                                    const GovorunFault *fault)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  guint status = fault->http_status != 0 ? fault->http_status : SOUP_STATUS_BAD_REQUEST;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "detail");
  json_builder_add_string_value (builder, soup_status_get_phrase (status) != NULL
                                          ? soup_status_get_phrase (status) : "Error");
  if (fault->provider_code != 0)
    {
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, fault->provider_code);
    }
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  govorun_emulator_respond_json (msg, status, node);
}

static void
govorun_emulator_dispose (GObject *object)
{
  GovorunEmulator *self = (GovorunEmulator *) object;

  govorun_emulator_stop (self);

  G_OBJECT_CLASS (govorun_emulator_parent_class)->dispose (object);
}

static void
govorun_emulator_finalize (GObject *object)
{
  GovorunEmulator *self = (GovorunEmulator *) object;
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);

  g_clear_pointer (&priv->faults, g_hash_table_unref);
  g_clear_pointer (&priv->counts, g_hash_table_unref);
  g_clear_pointer (&priv->log, g_ptr_array_unref);
  g_clear_pointer (&priv->pending, g_ptr_array_unref);
  g_mutex_clear (&priv->lock);

  G_OBJECT_CLASS (govorun_emulator_parent_class)->finalize (object);
}

static void
govorun_emulator_class_init (GovorunEmulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_emulator_dispose;
  object_class->finalize = govorun_emulator_finalize;

  klass->route = govorun_emulator_real_route;
  klass->handle = govorun_emulator_real_handle;
  klass->render_fault = govorun_emulator_real_render_fault;
}

static void
govorun_emulator_init (GovorunEmulator *self)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);

  g_mutex_init (&priv->lock);
  priv->faults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, fault_queue_free);
  priv->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  priv->log = g_ptr_array_new_with_free_func (g_free);
  priv->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) delayed_free);
}

/**
 * govorun_emulator_start:
 *
 * Listens on 127.0.0.1 with a free port. The server is served from the
 * thread-default main context of the caller, which must keep iterating it.
 */
gboolean
govorun_emulator_start (GovorunEmulator  *self,
                        GError          **error)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;
  g_autofree char *url = NULL;

  g_return_val_if_fail (GOVORUN_IS_EMULATOR (self), FALSE);
  g_return_val_if_fail (priv->server == NULL, FALSE);

  server = soup_server_new ("server-header", "GovorunEmulator ", NULL);
  soup_server_add_handler (server, NULL, on_request, self, NULL);
  /* ElevenLabs' conversation socket asks for the "convai" subprotocol
   * (reference/elevenlabs.md §4.1); a client asking for none is accepted too. */
  soup_server_add_websocket_handler (server, NULL, NULL, (char **) (const char *[]) { "convai", NULL },
                                     on_websocket, self, NULL);

  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  if (uris == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The emulator could not open a local port."));
      return FALSE;
    }

  url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* No trailing slash, so callers can append "/platform_api". */
  while (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';

  priv->server = g_steal_pointer (&server);
  priv->context = g_main_context_ref_thread_default ();
  priv->base_url = g_steal_pointer (&url);

  g_debug ("Listening on %s", priv->base_url);

  return TRUE;
}

void
govorun_emulator_stop (GovorunEmulator *self)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);

  g_return_if_fail (GOVORUN_IS_EMULATOR (self));

  /* Delayed answers are abandoned; their connections go with the server. */
  if (priv->pending != NULL)
    g_ptr_array_set_size (priv->pending, 0);

  if (priv->server != NULL)
    {
      soup_server_disconnect (priv->server);
      g_clear_object (&priv->server);
    }

  g_clear_pointer (&priv->context, g_main_context_unref);
  g_clear_pointer (&priv->base_url, g_free);
}

const char *
govorun_emulator_get_base_url (GovorunEmulator *self)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);

  g_return_val_if_fail (GOVORUN_IS_EMULATOR (self), NULL);

  return priv->base_url;
}

/**
 * govorun_emulator_add_fault:
 * @method: a method name as returned by the subclass's route, or "*"
 * @fault: copied; a @times of 0 is taken as 1
 */
void
govorun_emulator_add_fault (GovorunEmulator    *self,
                            const char         *method,
                            const GovorunFault *fault)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);
  GovorunFault *copy;
  GQueue *queue;

  g_return_if_fail (GOVORUN_IS_EMULATOR (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (fault != NULL);

  copy = g_memdup2 (fault, sizeof *fault);
  if (copy->times == 0)
    copy->times = 1;

  g_mutex_lock (&priv->lock);
  queue = g_hash_table_lookup (priv->faults, method);
  if (queue == NULL)
    {
      queue = g_queue_new ();
      g_hash_table_insert (priv->faults, g_strdup (method), queue);
    }
  g_queue_push_tail (queue, copy);
  g_mutex_unlock (&priv->lock);
}

void
govorun_emulator_clear_faults (GovorunEmulator *self)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);

  g_return_if_fail (GOVORUN_IS_EMULATOR (self));

  g_mutex_lock (&priv->lock);
  g_hash_table_remove_all (priv->faults);
  g_mutex_unlock (&priv->lock);
}

void
govorun_emulator_set_latency (GovorunEmulator *self,
                              guint            latency_ms)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);

  g_return_if_fail (GOVORUN_IS_EMULATOR (self));

  g_mutex_lock (&priv->lock);
  priv->latency_ms = latency_ms;
  g_mutex_unlock (&priv->lock);
}

guint
govorun_emulator_get_request_count (GovorunEmulator *self,
                                    const char      *method)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);
  guint count;

  g_return_val_if_fail (GOVORUN_IS_EMULATOR (self), 0);
  g_return_val_if_fail (method != NULL, 0);

  g_mutex_lock (&priv->lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (priv->counts, method));
  g_mutex_unlock (&priv->lock);

  return count;
}

void
govorun_emulator_reset_counts (GovorunEmulator *self)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);

  g_return_if_fail (GOVORUN_IS_EMULATOR (self));

  g_mutex_lock (&priv->lock);
  g_hash_table_remove_all (priv->counts);
  g_ptr_array_set_size (priv->log, 0);
  g_mutex_unlock (&priv->lock);
}

char **
govorun_emulator_get_request_log (GovorunEmulator *self)
{
  GovorunEmulatorPrivate *priv = govorun_emulator_get_instance_private (self);
  GStrvBuilder *builder;
  char **log;

  g_return_val_if_fail (GOVORUN_IS_EMULATOR (self), NULL);

  builder = g_strv_builder_new ();
  g_mutex_lock (&priv->lock);
  for (guint i = 0; i < priv->log->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (priv->log, i));
  g_mutex_unlock (&priv->lock);
  log = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return log;
}
