/* govorun-webhook-sender.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunWebhookSender"

#include "config.h"

#include "govorun-webhook-sender.h"
#include "govorun-webhook-signature.h"
#include "govorun-http-private.h"

#define DEFAULT_TIMEOUT_MS 15000
#define REASON_MAX 200

struct _GovorunWebhookSender
{
  GObject      parent_instance;
  GovorunHttp *http;
};

G_DEFINE_FINAL_TYPE (GovorunWebhookSender, govorun_webhook_sender, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (GovorunWebhookResponse, govorun_webhook_response,
                     govorun_webhook_response_copy, govorun_webhook_response_free)

GovorunWebhookResponse *
govorun_webhook_response_copy (const GovorunWebhookResponse *response)
{
  GovorunWebhookResponse *copy = g_new (GovorunWebhookResponse, 1);

  *copy = *response;
  copy->reason = g_strdup (response->reason);
  return copy;
}

void
govorun_webhook_response_free (GovorunWebhookResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->reason);
  g_free (response);
}

typedef struct
{
  char        *url;
  char        *delivery_id;
  char        *event;
  char        *secret;
  GBytes      *body;
  SoupMessage *msg;       /* the one attempt's message, for its headers */
  gint64       started_us;
} Post;

static void
post_free (Post *post)
{
  g_free (post->url);
  g_free (post->delivery_id);
  g_free (post->event);
  if (post->secret != NULL)
    memset (post->secret, 0, strlen (post->secret));
  g_free (post->secret);
  g_clear_pointer (&post->body, g_bytes_unref);
  g_clear_object (&post->msg);
  g_free (post);
}

static SoupMessage *
make_message (gpointer user_data)
{
  Post *post = user_data;
  SoupMessage *msg = soup_message_new (SOUP_METHOD_POST, post->url);
  SoupMessageHeaders *headers;
  g_autofree char *signature = NULL;
  gsize len = 0;
  const char *data;

  if (msg == NULL)
    return NULL;
  data = g_bytes_get_data (post->body, &len);
  /* Signed when sent, so a retry an hour later carries a fresh time. */
  signature = govorun_webhook_signature_header (post->secret, g_get_real_time () / G_USEC_PER_SEC,
                                                data, len);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "X-Govorun-Delivery", post->delivery_id);
  soup_message_headers_replace (headers, "X-Govorun-Event", post->event);
  soup_message_headers_replace (headers, "X-Govorun-Signature", signature);
  soup_message_headers_replace (headers, "User-Agent", "Govorun/" PACKAGE_VERSION);
  soup_message_set_request_body_from_bytes (msg, "application/json", post->body);
  g_set_object (&post->msg, msg);
  post->started_us = g_get_monotonic_time ();
  return msg;
}

static void
govorun_webhook_sender_dispose (GObject *object)
{
  GovorunWebhookSender *self = GOVORUN_WEBHOOK_SENDER (object);

  g_clear_object (&self->http);
  G_OBJECT_CLASS (govorun_webhook_sender_parent_class)->dispose (object);
}

static void
govorun_webhook_sender_class_init (GovorunWebhookSenderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = govorun_webhook_sender_dispose;
}

static void
govorun_webhook_sender_init (GovorunWebhookSender *self)
{
  self->http = govorun_http_new ();
  /* One attempt: the outbox schedules the next one and logs each. */
  govorun_http_set_retry (self->http, 1, 0);
  govorun_http_set_timeout (self->http, DEFAULT_TIMEOUT_MS);
}

GovorunWebhookSender *
govorun_webhook_sender_new (void)
{
  return g_object_new (GOVORUN_TYPE_WEBHOOK_SENDER, NULL);
}

void
govorun_webhook_sender_set_timeout (GovorunWebhookSender *self,
                                    guint                 timeout_ms)
{
  g_return_if_fail (GOVORUN_IS_WEBHOOK_SENDER (self));
  govorun_http_set_timeout (self->http, timeout_ms);
}

/* A short excerpt of the answer, valid UTF-8 and one line, for the log. */
static char *
reason_from (SoupMessage *msg,
             GBytes      *body)
{
  gsize len = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &len) : NULL;
  g_autofree char *text = NULL;
  const char *phrase = msg != NULL ? soup_message_get_reason_phrase (msg) : NULL;

  if (data == NULL || len == 0)
    return g_strdup (phrase);
  text = g_utf8_make_valid (data, (gssize) MIN (len, REASON_MAX * 4));
  if (g_utf8_strlen (text, -1) > REASON_MAX)
    *g_utf8_offset_to_pointer (text, REASON_MAX) = '\0';
  g_strdelimit (text, "\r\n\t", ' ');
  return g_strstrip (g_steal_pointer (&text));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Post *post = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  GovorunWebhookResponse *response;
  guint status = 0;
  guint latency_ms = (guint) ((g_get_monotonic_time () - post->started_us) / 1000);

  body = govorun_http_send_finish (GOVORUN_HTTP (source), result, &status, NULL, &error);
  if (body == NULL && error != NULL)
    {
      g_object_set_data (G_OBJECT (task), "latency", GUINT_TO_POINTER (latency_ms));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  response = g_new0 (GovorunWebhookResponse, 1);
  response->status = status;
  response->latency_ms = latency_ms;
  response->reason = reason_from (post->msg, body);
  if ((status == 429 || status == 503) && post->msg != NULL)
    _govorun_http_parse_retry_after (soup_message_headers_get_one (soup_message_get_response_headers (post->msg),
                                                                   "Retry-After"),
                                     &response->retry_after_ms);
  g_task_return_pointer (task, response, (GDestroyNotify) govorun_webhook_response_free);
}

void
govorun_webhook_sender_post_async (GovorunWebhookSender *self,
                                   const char           *url,
                                   const char           *delivery_id,
                                   const char           *event,
                                   const char           *secret,
                                   const char           *body,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Post *post;

  g_return_if_fail (GOVORUN_IS_WEBHOOK_SENDER (self));
  g_return_if_fail (url != NULL && delivery_id != NULL && event != NULL);
  g_return_if_fail (secret != NULL && body != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_webhook_sender_post_async);
  post = g_new0 (Post, 1);
  post->url = g_strdup (url);
  post->delivery_id = g_strdup (delivery_id);
  post->event = g_strdup (event);
  post->secret = g_strdup (secret);
  post->body = g_bytes_new (body, strlen (body));
  post->started_us = g_get_monotonic_time ();
  g_task_set_task_data (task, post, (GDestroyNotify) post_free);

  govorun_http_send_async (self->http, make_message, post, NULL, GOVORUN_HTTP_FLAGS_NONE,
                           NULL, NULL, cancellable, on_sent, g_object_ref (task));
}

GovorunWebhookResponse *
govorun_webhook_sender_post_finish (GovorunWebhookSender  *self,
                                    GAsyncResult          *result,
                                    guint                 *out_latency_ms,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_webhook_sender_post_async,
                        NULL);

  if (out_latency_ms != NULL)
    *out_latency_ms = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "latency"));
  return g_task_propagate_pointer (G_TASK (result), error);
}
