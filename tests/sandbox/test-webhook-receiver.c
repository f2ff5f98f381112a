/* test-webhook-receiver.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox's webhook receiver started with the sandbox and asking a
 * lookup for the secrets a delivery may be signed with (as the
 * application's sandbox wiring does): a good delivery gets 200, a tampered
 * body or an old timestamp 401 with a one-line reason. Deliveries are
 * signed here with GHmac, not with Govorun's signer.
 */
#define G_LOG_DOMAIN "GovorunTestWebhookReceiver"

#include "config.h"

#include <libsoup/soup.h>

#include "govorun-sandbox.h"
#include "test-util.h"

#define SECRET "sandbox-test-secret-0123456789abcdefghijklmnop"
#define BODY   "{\"schema\":\"govorun.test.v1\",\"id\":\"d-1\",\"event\":\"test\"}"

typedef struct
{
  GovorunSandbox *sandbox;
  guint           lookups;
  char           *last_delivery_id;
} Fixture;

static char **
lookup (const char *delivery_id,
        gpointer    user_data)
{
  Fixture *f = user_data;

  f->lookups++;
  g_free (f->last_delivery_id);
  f->last_delivery_id = g_strdup (delivery_id);
  return g_strdupv ((char *[]) { "some-other-target-secret", SECRET, NULL });
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sandbox = govorun_sandbox_new ();
  govorun_sandbox_set_history_size (f->sandbox, 10);
  g_assert_true (govorun_sandbox_start (f->sandbox, &error));
  g_assert_no_error (error);
  govorun_webhook_receiver_set_secrets_func (govorun_sandbox_get_webhook_receiver (f->sandbox), lookup, f, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->sandbox);
  g_free (f->last_delivery_id);
}

/* POSTs @body signed at @stamp over @signed_body (the same bytes unless
 * the test tampers); gives the status and the answer's text. */
static guint
post (Fixture    *f,
      gint64      stamp,
      const char *signed_body,
      const char *body,
      char      **answer)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", govorun_sandbox_get_webhook_url (f->sandbox));
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) SECRET, strlen (SECRET));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GError) error = NULL;
  g_autofree char *t = g_strdup_printf ("%" G_GINT64_FORMAT, stamp);
  g_autofree char *header = NULL;

  g_hmac_update (hmac, (const guchar *) t, -1);
  g_hmac_update (hmac, (const guchar *) ".", 1);
  g_hmac_update (hmac, (const guchar *) signed_body, -1);
  header = g_strdup_printf ("t=%s,v1=%s", t, g_hmac_get_string (hmac));

  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Govorun-Signature", header);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Govorun-Delivery", "d-1");
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Govorun-Event", "test");
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, test_util_on_result, &result);
  reply = soup_session_send_and_read_finish (session, test_util_wait (&result), &error);
  g_assert_no_error (error);
  *answer = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  return soup_message_get_status (msg);
}

static void
assert_one_line (const char *answer)
{
  g_assert_cmpuint (strlen (answer), >, 10);
  g_assert_null (strchr (answer, '\n'));
}

static void
test_good (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *answer = NULL;
  GovorunWebhookReceiver *receiver = govorun_sandbox_get_webhook_receiver (f->sandbox);

  g_assert_true (g_str_has_prefix (govorun_sandbox_get_webhook_url (f->sandbox), "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (govorun_sandbox_get_webhook_url (f->sandbox), GOVORUN_SANDBOX_WEBHOOK_PATH));
  g_assert_cmpuint (post (f, g_get_real_time () / G_USEC_PER_SEC, BODY, BODY, &answer), ==, 200);
  g_assert_cmpuint (f->lookups, ==, 1);
  g_assert_cmpstr (f->last_delivery_id, ==, "d-1");
  g_assert_cmpuint (govorun_webhook_receiver_get_n_received (receiver), ==, 1);
  g_assert_true (govorun_webhook_receiver_get_received (receiver, 0)->signature_valid);
}

static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *answer = NULL;
  const char *tampered = "{\"schema\":\"govorun.test.v1\",\"id\":\"d-1\",\"event\":\"paid\"}";

  g_assert_cmpuint (post (f, g_get_real_time () / G_USEC_PER_SEC, BODY, tampered, &answer), ==, 401);
  assert_one_line (answer);
  g_assert_nonnull (strstr (answer, "does not match"));
  g_assert_false (govorun_webhook_receiver_get_received (govorun_sandbox_get_webhook_receiver (f->sandbox),
                                                         0)->signature_valid);
}

static void
test_old_timestamp (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *answer = NULL;

  /* A captured delivery replayed five minutes and a second later. */
  g_assert_cmpuint (post (f, g_get_real_time () / G_USEC_PER_SEC - 301, BODY, BODY, &answer), ==, 401);
  assert_one_line (answer);
  g_assert_nonnull (strstr (answer, "five minutes"));
}

static void
test_no_secret (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *answer = NULL;

  /* No target points at the receiver: nothing to check against. */
  govorun_webhook_receiver_set_secrets_func (govorun_sandbox_get_webhook_receiver (f->sandbox), NULL, NULL, NULL);
  g_assert_cmpuint (post (f, g_get_real_time () / G_USEC_PER_SEC, BODY, BODY, &answer), ==, 401);
  assert_one_line (answer);
  g_assert_nonnull (strstr (answer, "no secret"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Govorun/Sandbox/WebhookReceiver/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("good", test_good);
  ADD ("tampered", test_tampered);
  ADD ("old-timestamp", test_old_timestamp);
  ADD ("no-secret", test_no_secret);
#undef ADD

  return g_test_run ();
}
