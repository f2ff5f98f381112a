/* test-webhook.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed webhook deliveries: a receiver written here, with its own
 * HMAC-SHA256 (from SHA-256 alone, not our signer nor GHmac), verifies what
 * GovorunWebhookSender posts; the documented replay check rejects an old
 * timestamp; the sandbox receiver does the same over HTTP.
 */
#define G_LOG_DOMAIN "GovorunTestWebhook"

#include "config.h"

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "govorun-call-info.h"
#include "govorun-call-record.h"
#include "govorun-http.h"
#include "govorun-webhook-payload.h"
#include "govorun-webhook-receiver.h"
#include "govorun-webhook-sender.h"
#include "govorun-webhook-signature.h"
#include "test-util.h"

#define SECRET "test-secret-0123456789abcdefghijklmnopqrstuvw"

/* HMAC-SHA256 as RFC 2104 defines it, from GChecksum's SHA-256. */
static char *
hmac_sha256_hex (const char *key,
                 const char *message,
                 gsize       message_len)
{
  guint8 block[64] = { 0, };
  guint8 inner_pad[64], outer_pad[64];
  guint8 inner_digest[32];
  gsize digest_len = sizeof inner_digest;
  g_autoptr(GChecksum) inner = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GChecksum) outer = g_checksum_new (G_CHECKSUM_SHA256);
  gsize key_len = strlen (key);

  if (key_len > sizeof block)
    {
      g_autoptr(GChecksum) k = g_checksum_new (G_CHECKSUM_SHA256);
      gsize len = 32;

      g_checksum_update (k, (const guchar *) key, (gssize) key_len);
      g_checksum_get_digest (k, block, &len);
    }
  else
    memcpy (block, key, key_len);
  for (guint i = 0; i < sizeof block; i++)
    {
      inner_pad[i] = block[i] ^ 0x36;
      outer_pad[i] = block[i] ^ 0x5c;
    }
  g_checksum_update (inner, inner_pad, sizeof inner_pad);
  g_checksum_update (inner, (const guchar *) message, (gssize) message_len);
  g_checksum_get_digest (inner, inner_digest, &digest_len);
  g_checksum_update (outer, outer_pad, sizeof outer_pad);
  g_checksum_update (outer, inner_digest, (gssize) digest_len);
  return g_strdup (g_checksum_get_string (outer));
}

/* The check README.md tells receivers to make: recompute the HMAC over
 * t + "." + raw body, compare in constant time, reject a t more than
 * 300 s from @now. */
static gboolean
receiver_verify (const char *secret,
                 const char *header,
                 const char *body,
                 gsize       body_len,
                 gint64      now)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *signed_text = NULL;
  g_autofree char *expected = NULL;
  const char *t = NULL, *v1 = NULL;
  guint8 diff = 0;
  gint64 stamp;

  if (header == NULL)
    return FALSE;
  parts = g_strsplit (header, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "t="))
        t = parts[i] + 2;
      else if (g_str_has_prefix (parts[i], "v1="))
        v1 = parts[i] + 3;
    }
  if (t == NULL || v1 == NULL)
    return FALSE;
  stamp = g_ascii_strtoll (t, NULL, 10);
  if (ABS (now - stamp) > 300)
    return FALSE;
  signed_text = g_strdup_printf ("%s.%.*s", t, (int) body_len, body);
  expected = hmac_sha256_hex (secret, signed_text, strlen (signed_text));
  if (strlen (expected) != strlen (v1))
    return FALSE;
  for (gsize i = 0; expected[i] != '\0'; i++)
    diff |= (guint8) (expected[i] ^ v1[i]);
  return diff == 0;
}

typedef struct
{
  SoupServer *server;
  char       *url;
  GPtrArray  *headers;   /* X-Govorun-Signature values */
  GPtrArray  *bodies;
  GPtrArray  *ids;
  GPtrArray  *events;
  gint64      verified_at;
  gboolean    all_valid;
} TestReceiver;

static void
on_test_request (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  TestReceiver *r = user_data;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  const char *signature = soup_message_headers_get_one (in, "X-Govorun-Signature");
  gboolean valid;

  valid = receiver_verify (SECRET, signature, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                           g_get_real_time () / G_USEC_PER_SEC);
  r->all_valid = r->all_valid && valid;
  g_ptr_array_add (r->headers, g_strdup (signature));
  g_ptr_array_add (r->bodies, g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body)));
  g_ptr_array_add (r->ids, g_strdup (soup_message_headers_get_one (in, "X-Govorun-Delivery")));
  g_ptr_array_add (r->events, g_strdup (soup_message_headers_get_one (in, "X-Govorun-Event")));
  soup_server_message_set_status (msg, valid ? 204 : 401, NULL);
}

static void
test_receiver_start (TestReceiver *r)
{
  g_autoslist(GUri) uris = NULL;
  g_autoptr(GError) error = NULL;

  r->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (r->server, NULL, on_test_request, r, NULL);
  g_assert_true (soup_server_listen_local (r->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (r->server);
  r->url = g_strdup_printf ("http://127.0.0.1:%d/hook", g_uri_get_port (uris->data));
  r->headers = g_ptr_array_new_with_free_func (g_free);
  r->bodies = g_ptr_array_new_with_free_func (g_free);
  r->ids = g_ptr_array_new_with_free_func (g_free);
  r->events = g_ptr_array_new_with_free_func (g_free);
  r->all_valid = TRUE;
}

static void
test_receiver_stop (TestReceiver *r)
{
  soup_server_disconnect (r->server);
  g_clear_object (&r->server);
  g_free (r->url);
  g_ptr_array_unref (r->headers);
  g_ptr_array_unref (r->bodies);
  g_ptr_array_unref (r->ids);
  g_ptr_array_unref (r->events);
}

static GovorunWebhookResponse *
post (GovorunWebhookSender *sender,
      const char           *url,
      const char           *id,
      const char           *body,
      GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  govorun_webhook_sender_post_async (sender, url, id, "call.finished", SECRET, body, NULL,
                                     test_util_on_result, &result);
  return govorun_webhook_sender_post_finish (sender, test_util_wait (&result), NULL, error);
}

static void
test_signature_verified_by_receiver (void)
{
  g_autoptr(GovorunWebhookSender) sender = govorun_webhook_sender_new ();
  g_autoptr(GovorunWebhookResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TestReceiver r = { 0, };
  const char *body = "{\"schema\":\"govorun.call.v1\",\"text\":\"Привет, мир\"}";

  test_receiver_start (&r);
  response = post (sender, r.url, "9b7c8f52-0d1e-4a55-9c1e-2f5b8a1d7e11", body, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 204);
  g_assert_cmpuint (r.bodies->len, ==, 1);
  g_assert_true (r.all_valid);
  g_assert_cmpstr (g_ptr_array_index (r.bodies, 0), ==, body);
  g_assert_cmpstr (g_ptr_array_index (r.ids, 0), ==, "9b7c8f52-0d1e-4a55-9c1e-2f5b8a1d7e11");
  g_assert_cmpstr (g_ptr_array_index (r.events, 0), ==, "call.finished");
  /* Our signer and the receiver's own HMAC agree byte for byte. */
  {
    const char *header = g_ptr_array_index (r.headers, 0);
    gint64 t = g_ascii_strtoll (header + 2, NULL, 10);
    g_autofree char *ours = govorun_webhook_signature_header (SECRET, t, body, strlen (body));

    g_assert_cmpstr (ours, ==, header);
  }
  test_receiver_stop (&r);
}

static void
test_replay_rejected (void)
{
  const char *body = "{\"id\":\"x\"}";
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *header = govorun_webhook_signature_header (SECRET, now, body, strlen (body));
  g_autofree char *tampered = NULL;

  g_assert_true (receiver_verify (SECRET, header, body, strlen (body), now));
  g_assert_true (receiver_verify (SECRET, header, body, strlen (body), now + 299));
  /* The same captured request, replayed five minutes and a second later. */
  g_assert_false (receiver_verify (SECRET, header, body, strlen (body), now + 301));
  g_assert_false (receiver_verify (SECRET, header, body, strlen (body), now - 301));
  /* A replay with the time moved forward no longer matches the HMAC. */
  tampered = g_strdup (header);
  tampered[2] = tampered[2] == '9' ? '8' : (char) (tampered[2] + 1);
  g_assert_false (receiver_verify (SECRET, tampered, body, strlen (body), now));
  /* Another body, another secret. */
  g_assert_false (receiver_verify (SECRET, header, "{\"id\":\"y\"}", 10, now));
  g_assert_false (receiver_verify ("other", header, body, strlen (body), now));
}

static void
test_sandbox_receiver (void)
{
  g_autoptr(GovorunWebhookReceiver) receiver = govorun_webhook_receiver_new ();
  g_autoptr(GovorunWebhookSender) sender = govorun_webhook_sender_new ();
  g_autoptr(GovorunWebhookResponse) ok = NULL;
  g_autoptr(GovorunWebhookResponse) again = NULL;
  g_autoptr(GovorunWebhookResponse) busy = NULL;
  g_autoptr(GError) error = NULL;
  const GovorunReceivedDelivery *got;
  const char *body = "{\"id\":\"a\"}";

  g_assert_true (govorun_webhook_receiver_start (receiver, &error));
  govorun_webhook_receiver_set_secret (receiver, SECRET);

  ok = post (sender, govorun_webhook_receiver_get_url (receiver), "a", body, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ok->status, ==, 200);
  got = govorun_webhook_receiver_get_received (receiver, 0);
  g_assert_true (got->signature_valid);
  g_assert_false (got->duplicate);
  g_assert_cmpstr (got->delivery_id, ==, "a");

  /* The same delivery again: answered, marked a duplicate. */
  again = post (sender, govorun_webhook_receiver_get_url (receiver), "a", body, &error);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_true (govorun_webhook_receiver_get_received (receiver, 1)->duplicate);

  /* A queued answer with Retry-After reaches the sender's response. */
  govorun_webhook_receiver_push_answer (receiver, 429, 7);
  busy = post (sender, govorun_webhook_receiver_get_url (receiver), "b", body, &error);
  g_assert_cmpuint (busy->status, ==, 429);
  g_assert_cmpuint (busy->retry_after_ms, ==, 7000);

  /* A captured request replayed ten minutes later: signature right, time
   * stale, refused. Sent by hand with the old header. */
  {
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", govorun_webhook_receiver_get_url (receiver));
    g_autofree char *old = govorun_webhook_signature_header (SECRET, g_get_real_time () / G_USEC_PER_SEC - 600,
                                                             body, strlen (body));
    g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));
    g_autoptr(GBytes) answer = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Govorun-Delivery", "a");
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Govorun-Signature", old);
    soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    g_autoptr(GAsyncResult) result = NULL;

    /* Async: the receiver answers on this thread's main loop. */
    soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, test_util_on_result, &result);
    answer = soup_session_send_and_read_finish (session, test_util_wait (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
    g_assert_false (govorun_webhook_receiver_get_received (receiver, 3)->signature_valid);
  }
}

static void
test_unreachable (void)
{
  g_autoptr(GovorunWebhookSender) sender = govorun_webhook_sender_new ();
  g_autoptr(GovorunWebhookResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetSocketAddress) address = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A port nobody listens on: bound, never listening. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new_from_string ("127.0.0.1", 0));
  g_assert_true (g_socket_bind (socket, G_SOCKET_ADDRESS (address), FALSE, &error));
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (g_socket_get_local_address (socket, NULL)));
  url = g_strdup_printf ("http://127.0.0.1:%u/hook", port);
  response = post (sender, url, "x", "{}", &error);
  g_assert_null (response);
  g_assert_nonnull (error);
}

static void
on_silent_request (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  /* Never answers: the message stays paused until the server goes. */
  soup_server_message_pause (msg);
}

static void
test_timeout (void)
{
  g_autoptr(GovorunWebhookSender) sender = govorun_webhook_sender_new ();
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GovorunWebhookResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;

  soup_server_add_handler (server, NULL, on_silent_request, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/hook", g_uri_get_port (uris->data));
  govorun_webhook_sender_set_timeout (sender, 200);
  response = post (sender, url, "t", "{}", &error);
  g_assert_null (response);
  g_assert_error (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_TIMEOUT);
  soup_server_disconnect (server);
}

static void
test_secret (void)
{
  g_autofree char *a = govorun_webhook_signature_new_secret ();
  g_autofree char *b = govorun_webhook_signature_new_secret ();

  g_assert_cmpuint (strlen (a), ==, 43);
  g_assert_cmpstr (a, !=, b);
  for (const char *p = a; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
}

static void
test_payload_call (void)
{
  g_autoptr(GovorunCallRecord) record = govorun_call_record_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *call;

  govorun_call_record_set_id (record, 42);
  govorun_call_record_set_from_number (record, "+79161234567");
  govorun_call_record_set_to_number (record, "+74951234567");
  text = govorun_webhook_payload_call ("d-1", 1780000000, record, TRUE, NULL);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "schema"), ==, "govorun.call.v1");
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "d-1");
  g_assert_cmpstr (json_object_get_string_member (root, "event"), ==, "call.finished");
  call = json_object_get_object_member (root, "call");
  g_assert_cmpint (json_object_get_int_member (call, "id"), ==, 42);
  g_assert_cmpstr (json_object_get_string_member (call, "from"), ==, "+79161234567");
  g_assert_true (json_object_get_null_member (root, "campaign"));
  g_assert_true (json_object_has_member (root, "analysis"));
  g_assert_true (json_object_has_member (root, "collected_data"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/Webhook/signature-verified-by-receiver", test_signature_verified_by_receiver);
  g_test_add_func ("/Govorun/Webhook/replay-rejected", test_replay_rejected);
  g_test_add_func ("/Govorun/Webhook/sandbox-receiver", test_sandbox_receiver);
  g_test_add_func ("/Govorun/Webhook/unreachable", test_unreachable);
  g_test_add_func ("/Govorun/Webhook/timeout", test_timeout);
  g_test_add_func ("/Govorun/Webhook/secret", test_secret);
  g_test_add_func ("/Govorun/Webhook/payload-call", test_payload_call);
  return g_test_run ();
}
