/* govorun-webhook-receiver.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunWebhookReceiver"

#include "config.h"

#include "govorun-webhook-receiver.h"

#include <libsoup/soup.h>

#define TOLERANCE_S 300
#define PATH "/hooks/govorun"

typedef struct
{
  guint status;
  guint retry_after_s;
} Answer;

struct _GovorunWebhookReceiver
{
  GObject     parent_instance;

  SoupServer *server;
  char       *url;
  char       *path;
  char       *secret;
  GovorunWebhookReceiverSecretsFunc secrets_func;
  gpointer    secrets_data;
  GDestroyNotify secrets_destroy;
  GQueue      answers;     /* of Answer */
  GPtrArray  *received;    /* of GovorunReceivedDelivery */
  GHashTable *seen;        /* delivery ids */
};

typedef enum
{
  REFUSAL_NONE,
  REFUSAL_NO_HEADER,
  REFUSAL_TIME,
  REFUSAL_NO_SECRET,
  REFUSAL_MISMATCH,
} Refusal;

G_DEFINE_FINAL_TYPE (GovorunWebhookReceiver, govorun_webhook_receiver, G_TYPE_OBJECT)

static void
received_free (GovorunReceivedDelivery *r)
{
  g_free (r->delivery_id);
  g_free (r->event);
  g_free (r->body);
  g_free (r);
}

/* Compares without stopping at the first difference, so the time taken
 * tells an attacker nothing about how much of a guess was right. */
static gboolean
equal_in_constant_time (const char *a,
                        const char *b)
{
  gsize len_a = strlen (a), len_b = strlen (b);
  guint8 diff = len_a != len_b;

  for (gsize i = 0; i < MIN (len_a, len_b); i++)
    diff |= (guint8) (a[i] ^ b[i]);
  return diff == 0;
}

/* Why a delivery was refused, one line each: the body of the 401, which
 * the sender's delivery log shows. */
static const char *
refusal_reason (Refusal refusal)
{
  switch (refusal)
    {
    case REFUSAL_NO_HEADER:
      return "Refused: no X-Govorun-Signature header with t= and v1=.";
    case REFUSAL_TIME:
      return "Refused: the signature's time is more than five minutes off (a replay, or a wrong clock).";
    case REFUSAL_NO_SECRET:
      return "Refused: the receiver knows no secret for this delivery.";
    case REFUSAL_MISMATCH:
      return "Refused: the signature does not match the body signed with the target's secret.";
    case REFUSAL_NONE:
    default:
      return NULL;
    }
}

/* The hex HMAC-SHA256 of t + "." + body under @secret matches @v1. */
static gboolean
signed_with (const char   *secret,
             const char   *t,
             const char   *v1,
             const guchar *data,
             gsize         len)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));

  g_hmac_update (hmac, (const guchar *) t, -1);
  g_hmac_update (hmac, (const guchar *) ".", 1);
  if (len > 0)
    g_hmac_update (hmac, data, (gssize) len);
  return equal_in_constant_time (g_hmac_get_string (hmac), v1);
}

static void
secrets_free (char **secrets)
{
  for (guint i = 0; secrets != NULL && secrets[i] != NULL; i++)
    memset (secrets[i], 0, strlen (secrets[i]));
  g_strfreev (secrets);
}

/* The check README.md documents, against the fixed secret or, when a
 * lookup is set, each secret it gives for @delivery_id. */
static Refusal
check_signature (GovorunWebhookReceiver *self,
                 const char             *delivery_id,
                 const char             *header,
                 GBytes                 *body)
{
  g_auto(GStrv) parts = NULL;
  const char *t = NULL, *v1 = NULL;
  gint64 stamp;
  char *end = NULL;
  gsize len = 0;
  const guchar *data;
  char **secrets = NULL;
  gboolean matched = FALSE;

  if (header == NULL)
    return REFUSAL_NO_HEADER;
  parts = g_strsplit (header, ",", 8);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "t="))
        t = parts[i] + 2;
      else if (g_str_has_prefix (parts[i], "v1="))
        v1 = parts[i] + 3;
    }
  if (t == NULL || v1 == NULL || !g_ascii_isdigit (*t))
    return REFUSAL_NO_HEADER;
  stamp = g_ascii_strtoll (t, &end, 10);
  if (*end != '\0')
    return REFUSAL_NO_HEADER;
  if (ABS (g_get_real_time () / G_USEC_PER_SEC - stamp) > TOLERANCE_S)
    return REFUSAL_TIME;

  data = g_bytes_get_data (body, &len);
  if (self->secrets_func != NULL)
    secrets = self->secrets_func (delivery_id, self->secrets_data);
  else if (self->secret != NULL)
    secrets = g_strdupv ((char *[]) { self->secret, NULL });
  if (secrets == NULL || secrets[0] == NULL)
    {
      secrets_free (secrets);
      return REFUSAL_NO_SECRET;
    }
  for (guint i = 0; secrets[i] != NULL; i++)
    matched |= signed_with (secrets[i], t, v1, data, len);
  secrets_free (secrets);
  return matched ? REFUSAL_NONE : REFUSAL_MISMATCH;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  GovorunWebhookReceiver *self = user_data;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = NULL;
  GovorunReceivedDelivery *r;
  g_autofree Answer *answer = NULL;
  const char *reply;
  const char *type = "application/json";
  Refusal refusal;

  if (g_strcmp0 (soup_server_message_get_method (msg), "POST") != 0 || g_strcmp0 (path, self->path) != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  r = g_new0 (GovorunReceivedDelivery, 1);
  r->delivery_id = g_strdup (soup_message_headers_get_one (in, "X-Govorun-Delivery"));
  r->event = g_strdup (soup_message_headers_get_one (in, "X-Govorun-Event"));
  r->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  refusal = check_signature (self, r->delivery_id, soup_message_headers_get_one (in, "X-Govorun-Signature"),
                             body);
  r->signature_valid = refusal == REFUSAL_NONE;
  r->duplicate = r->delivery_id != NULL && g_hash_table_contains (self->seen, r->delivery_id);

  if (!r->signature_valid)
    {
      r->answered = SOUP_STATUS_UNAUTHORIZED;
      reply = refusal_reason (refusal);
      type = "text/plain";
    }
  else if ((answer = g_queue_pop_head (&self->answers)) != NULL)
    {
      r->answered = answer->status;
      reply = "{\"error\":\"The sandbox receiver was asked to answer this way.\"}";
      if (answer->retry_after_s > 0)
        {
          g_autofree char *value = g_strdup_printf ("%u", answer->retry_after_s);

          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Retry-After", value);
        }
    }
  else
    {
      r->answered = SOUP_STATUS_OK;
      reply = r->duplicate ? "{\"ok\":true,\"duplicate\":true}" : "{\"ok\":true}";
      if (r->delivery_id != NULL)
        g_hash_table_add (self->seen, g_strdup (r->delivery_id));
    }

  soup_server_message_set_status (msg, r->answered, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, reply, strlen (reply));
  g_ptr_array_add (self->received, r);
}

static void
govorun_webhook_receiver_dispose (GObject *object)
{
  GovorunWebhookReceiver *self = GOVORUN_WEBHOOK_RECEIVER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  G_OBJECT_CLASS (govorun_webhook_receiver_parent_class)->dispose (object);
}

static void
govorun_webhook_receiver_finalize (GObject *object)
{
  GovorunWebhookReceiver *self = GOVORUN_WEBHOOK_RECEIVER (object);

  g_free (self->url);
  g_free (self->path);
  g_free (self->secret);
  if (self->secrets_destroy != NULL)
    self->secrets_destroy (self->secrets_data);
  g_queue_clear_full (&self->answers, g_free);
  g_ptr_array_unref (self->received);
  g_hash_table_unref (self->seen);
  G_OBJECT_CLASS (govorun_webhook_receiver_parent_class)->finalize (object);
}

static void
govorun_webhook_receiver_class_init (GovorunWebhookReceiverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_webhook_receiver_dispose;
  object_class->finalize = govorun_webhook_receiver_finalize;
}

static void
govorun_webhook_receiver_init (GovorunWebhookReceiver *self)
{
  g_queue_init (&self->answers);
  self->path = g_strdup (PATH);
  self->received = g_ptr_array_new_with_free_func ((GDestroyNotify) received_free);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GovorunWebhookReceiver *
govorun_webhook_receiver_new (void)
{
  return g_object_new (GOVORUN_TYPE_WEBHOOK_RECEIVER, NULL);
}

gboolean
govorun_webhook_receiver_start (GovorunWebhookReceiver  *self,
                                GError                 **error)
{
  g_autoslist(GUri) uris = NULL;

  g_return_val_if_fail (GOVORUN_IS_WEBHOOK_RECEIVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  self->server = soup_server_new ("server-header", "GovorunWebhookReceiver ", NULL);
  soup_server_add_handler (self->server, NULL, on_request, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;
  uris = soup_server_get_uris (self->server);
  self->url = g_strdup_printf ("http://127.0.0.1:%d%s", g_uri_get_port (uris->data), self->path);
  return TRUE;
}

/* The path deliveries are POSTed to, "/hooks/govorun" unless set before
 * the start; the sandbox gives its receiver its own, so its address is
 * told apart from any other receiver on this machine. */
void
govorun_webhook_receiver_set_path (GovorunWebhookReceiver *self,
                                   const char             *path)
{
  g_return_if_fail (GOVORUN_IS_WEBHOOK_RECEIVER (self));
  g_return_if_fail (self->server == NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_free (self->path);
  self->path = g_strdup (path);
}

const char *
govorun_webhook_receiver_get_url (GovorunWebhookReceiver *self)
{
  g_return_val_if_fail (GOVORUN_IS_WEBHOOK_RECEIVER (self), NULL);
  return self->url;
}

void
govorun_webhook_receiver_set_secret (GovorunWebhookReceiver *self,
                                     const char             *secret)
{
  g_return_if_fail (GOVORUN_IS_WEBHOOK_RECEIVER (self));
  g_free (self->secret);
  self->secret = g_strdup (secret);
}

/**
 * govorun_webhook_receiver_set_secrets_func:
 * @func: (nullable): gives the secrets a delivery may be signed with
 *
 * Instead of one fixed secret, asks @func at each delivery (with its
 * X-Govorun-Delivery id, possibly %NULL) for the secrets it may be signed
 * with; the receiver wipes and frees what it gets. The sandbox's wiring
 * sets it, so the receiver knows each target's secret without anyone
 * pasting it.
 */
void
govorun_webhook_receiver_set_secrets_func (GovorunWebhookReceiver            *self,
                                           GovorunWebhookReceiverSecretsFunc  func,
                                           gpointer                           user_data,
                                           GDestroyNotify                     destroy)
{
  g_return_if_fail (GOVORUN_IS_WEBHOOK_RECEIVER (self));
  if (self->secrets_destroy != NULL)
    self->secrets_destroy (self->secrets_data);
  self->secrets_func = func;
  self->secrets_data = user_data;
  self->secrets_destroy = destroy;
}

void
govorun_webhook_receiver_push_answer (GovorunWebhookReceiver *self,
                                      guint                   status,
                                      guint                   retry_after_s)
{
  Answer *answer = g_new0 (Answer, 1);

  g_return_if_fail (GOVORUN_IS_WEBHOOK_RECEIVER (self));
  answer->status = status;
  answer->retry_after_s = retry_after_s;
  g_queue_push_tail (&self->answers, answer);
}

guint
govorun_webhook_receiver_get_n_received (GovorunWebhookReceiver *self)
{
  g_return_val_if_fail (GOVORUN_IS_WEBHOOK_RECEIVER (self), 0);
  return self->received->len;
}

const GovorunReceivedDelivery *
govorun_webhook_receiver_get_received (GovorunWebhookReceiver *self,
                                       guint                   index)
{
  g_return_val_if_fail (GOVORUN_IS_WEBHOOK_RECEIVER (self), NULL);
  g_return_val_if_fail (index < self->received->len, NULL);
  return g_ptr_array_index (self->received, index);
}
