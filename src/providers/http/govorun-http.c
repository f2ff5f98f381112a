/* govorun-http.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunHttp"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-http-private.h"
#include "govorun-json.h"

#define DEFAULT_TIMEOUT_MS     30000
#define DEFAULT_MAX_ATTEMPTS   3
#define DEFAULT_BASE_DELAY_MS  500
/* A provider asking us to wait longer than this is treated as if it had
 * asked for this much: the user is waiting on the other end. */
#define MAX_RETRY_AFTER_MS     GOVORUN_HTTP_MAX_RETRY_AFTER_MS

struct _GovorunHttp
{
  GObject      parent_instance;

  SoupSession *session;
  guint        timeout_ms;
  guint        max_attempts;
  guint        base_delay_ms;
};

G_DEFINE_FINAL_TYPE (GovorunHttp, govorun_http, G_TYPE_OBJECT)

G_DEFINE_QUARK (govorun-http-error-quark, govorun_http_error)

typedef struct
{
  GovorunHttpMessageFunc    make_message;
  gpointer                  message_data;
  GDestroyNotify            message_data_destroy;
  GovorunHttpFlags          flags;
  GovorunHttpRateLimitFunc  is_rate_limited;
  gpointer                  rate_limit_data;

  /* Settings are copied so a change mid-request does not mix schedules. */
  guint                     timeout_ms;
  guint                     max_attempts;
  guint                     base_delay_ms;
  gsize                     max_body_size;

  /* One deadline for the whole request, retries and waits included: the
   * user waits for the answer, not for an attempt. */
  gint64                    started_us;
  gint64                    deadline_us;     /* 0: none */
  GSource                  *deadline_source;
  gboolean                  timed_out;

  guint                     attempts;
  SoupMessage              *msg;
  GCancellable             *attempt_cancellable;
  gulong                    cancelled_id;

  GSource                  *backoff_source;
  GSource                  *backoff_cancel_source;
} Request;

static void send_attempt (GTask *task);

static void
request_clear_attempt (Request *req)
{
  GCancellable *parent = NULL;


  if (req->attempt_cancellable != NULL)
    {
      parent = g_object_get_data (G_OBJECT (req->attempt_cancellable), "govorun-parent");
      if (parent != NULL && req->cancelled_id != 0)
        g_cancellable_disconnect (parent, req->cancelled_id);
      req->cancelled_id = 0;
      g_clear_object (&req->attempt_cancellable);
    }
}

static void
request_clear_backoff (Request *req)
{
  if (req->backoff_source != NULL)
    {
      g_source_destroy (req->backoff_source);
      g_clear_pointer (&req->backoff_source, g_source_unref);
    }
  if (req->backoff_cancel_source != NULL)
    {
      g_source_destroy (req->backoff_cancel_source);
      g_clear_pointer (&req->backoff_cancel_source, g_source_unref);
    }
}

static void
request_clear_deadline (Request *req)
{
  if (req->deadline_source != NULL)
    {
      g_source_destroy (req->deadline_source);
      g_clear_pointer (&req->deadline_source, g_source_unref);
    }
}

static void
request_free (Request *req)
{
  request_clear_deadline (req);
  request_clear_attempt (req);
  request_clear_backoff (req);
  g_clear_object (&req->msg);
  if (req->message_data_destroy != NULL)
    req->message_data_destroy (req->message_data);
  g_free (req);
}

/* The host for messages; never the query, which may carry an api_key. */
static char *
message_host (SoupMessage *msg)
{
  GUri *uri = msg != NULL ? soup_message_get_uri (msg) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host != NULL && *host != '\0')
    return g_strdup (host);

  /* Translators: stands in for a host name in the messages below. */
  return g_strdup (_("the server"));
}

static const char *
message_path (SoupMessage *msg)
{
  GUri *uri = msg != NULL ? soup_message_get_uri (msg) : NULL;
  const char *path = uri != NULL ? g_uri_get_path (uri) : NULL;

  return path != NULL && *path != '\0' ? path : "/";
}

static gboolean
is_connection_lost (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    return error->code == G_IO_ERROR_CONNECTION_CLOSED  /* == BROKEN_PIPE */
        || error->code == G_IO_ERROR_PARTIAL_INPUT
        || error->code == G_IO_ERROR_NOT_CONNECTED;

  /* A server that drops the connection mid-answer leaves libsoup with a
   * truncated or unparsable response. */
  if (error->domain == SOUP_SESSION_ERROR)
    return error->code == SOUP_SESSION_ERROR_PARSING
        || error->code == SOUP_SESSION_ERROR_ENCODING;

  return FALSE;
}

static GovorunHttpError
classify_error (const GError *error)
{
  if (error->domain == G_RESOLVER_ERROR)
    return GOVORUN_HTTP_ERROR_UNREACHABLE;

  if (error->domain == G_TLS_ERROR)
    return GOVORUN_HTTP_ERROR_TLS;

  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_HOST_NOT_FOUND:
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_NETWORK_UNREACHABLE:
        case G_IO_ERROR_HOST_UNREACHABLE:
        case G_IO_ERROR_PROXY_FAILED:
        case G_IO_ERROR_PROXY_NOT_ALLOWED:
        case G_IO_ERROR_PROXY_NEED_AUTH:
        case G_IO_ERROR_PROXY_AUTH_FAILED:
          return GOVORUN_HTTP_ERROR_UNREACHABLE;

        case G_IO_ERROR_TIMED_OUT:
          return GOVORUN_HTTP_ERROR_TIMEOUT;

        default:
          break;
        }
    }

  if (is_connection_lost (error))
    return GOVORUN_HTTP_ERROR_CONNECTION_LOST;

  return GOVORUN_HTTP_ERROR_FAILED;
}

/* The underlying message helps a bug report, but must not repeat the URL's
 * query (an api_key may be in it); when in doubt it is left out. */
static char *
safe_detail (SoupMessage  *msg,
             const GError *error)
{
  GUri *uri = msg != NULL ? soup_message_get_uri (msg) : NULL;
  const char *query = uri != NULL ? g_uri_get_query (uri) : NULL;

  if (error == NULL || error->message == NULL || *error->message == '\0')
    return NULL;
  if (strchr (error->message, '?') != NULL || strstr (error->message, "://") != NULL)
    return NULL;
  if (query != NULL && *query != '\0' && strstr (error->message, query) != NULL)
    return NULL;

  return g_strdup (error->message);
}

/* @waited_ms: how long the user has waited, for the timeout message;
 * @max_size: the limit, for the too-large message. */
static GError *
make_error (SoupMessage      *msg,
            GovorunHttpError  code,
            const GError     *cause,
            guint             waited_ms,
            gsize             max_size)
{
  g_autofree char *host = message_host (msg);
  g_autofree char *detail = safe_detail (msg, cause);
  g_autofree char *sentence = NULL;

  switch (code)
    {
    case GOVORUN_HTTP_ERROR_INVALID_URL:
      sentence = g_strdup (_("The service address is not a valid URL. Check the address that is set for this service."));
      break;

    case GOVORUN_HTTP_ERROR_UNREACHABLE:
      sentence = g_strdup_printf (_("Could not reach %s. Check the network connection and the address that is set for this service."),
                                  host);
      break;

    case GOVORUN_HTTP_ERROR_TLS:
      sentence = g_strdup_printf (_("Could not set up a secure connection to %s. Check that the system clock is correct and that the server’s certificate is trusted."),
                                  host);
      break;

    case GOVORUN_HTTP_ERROR_TIMEOUT:
      {
        /* The real time waited, rounded to the nearest second. */
        guint seconds = MAX ((waited_ms + 500) / 1000, 1);

        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s did not answer within %u second. Try again later.",
                                                 "%s did not answer within %u seconds. Try again later.",
                                                 seconds),
                                    host, seconds);
      }
      break;

    case GOVORUN_HTTP_ERROR_TOO_LARGE:
      {
        g_autofree char *size = g_format_size (max_size);

        /* Translators: the second %s is a size such as “8.4 MB” */
        sentence = g_strdup_printf (_("%s sent an answer larger than %s, which Govorun does not read. Check that the service address is right."),
                                    host, size);
      }
      break;

    case GOVORUN_HTTP_ERROR_CONNECTION_LOST:
      sentence = g_strdup_printf (_("The connection to %s was lost before an answer arrived. Try again later."),
                                  host);
      break;

    case GOVORUN_HTTP_ERROR_FAILED:
    default:
      sentence = g_strdup_printf (_("The request to %s failed. Try again later."), host);
      break;
    }

  if (detail != NULL)
    return g_error_new (GOVORUN_HTTP_ERROR, code, "%s (%s)", sentence, detail);

  return g_error_new_literal (GOVORUN_HTTP_ERROR, code, sentence);
}

static gboolean
is_retryable_error (GovorunHttpError code)
{
  return code == GOVORUN_HTTP_ERROR_UNREACHABLE
      || code == GOVORUN_HTTP_ERROR_CONNECTION_LOST
      || code == GOVORUN_HTTP_ERROR_TIMEOUT
      || code == GOVORUN_HTTP_ERROR_FAILED;
}

/**
 * _govorun_http_parse_retry_after:
 * @value: a Retry-After header: delta-seconds or an HTTP date
 *
 * Returns: %TRUE with @delay_ms set (at most the longest wait we accept)
 */
gboolean
_govorun_http_parse_retry_after (const char *value,
                                 guint      *delay_ms)
{
  guint64 seconds;
  char *end = NULL;

  g_return_val_if_fail (delay_ms != NULL, FALSE);

  if (value == NULL)
    return FALSE;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      seconds = g_ascii_strtoull (value, &end, 10);
      if (end == value)
        return FALSE;
      *delay_ms = (guint) MIN (seconds, MAX_RETRY_AFTER_MS / 1000) * 1000;
      return TRUE;
    }
  else
    {
      g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
      g_autoptr(GDateTime) now = NULL;
      GTimeSpan diff;

      if (when == NULL)
        return FALSE;

      now = g_date_time_new_now_utc ();
      diff = g_date_time_difference (when, now) / 1000;
      *delay_ms = (guint) CLAMP (diff, 0, MAX_RETRY_AFTER_MS);
      return TRUE;
    }
}

static gboolean
parse_retry_after (SoupMessage *msg,
                   guint       *delay_ms)
{
  return _govorun_http_parse_retry_after (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                                        "Retry-After"),
                                          delay_ms);
}

static guint
backoff_delay (Request *req)
{
  /* Delay before retry n (n = attempts made so far) is base * 2^(n-1). */
  guint shift = MIN (req->attempts - 1, 16);
  double delay = (double) req->base_delay_ms * (double) (1u << shift);

  delay *= g_random_double_range (0.8, 1.2);

  return (guint) MIN (delay, (double) G_MAXINT);
}

static guint
waited_ms (Request *req)
{
  return (guint) MIN ((g_get_monotonic_time () - req->started_us) / 1000, G_MAXUINT);
}

/* Ends the request: every return goes through here, so the deadline can
 * never fire on a finished request. Consumes the caller's reference. */
static void
return_error (GTask  *task,
              GError *error)
{
  Request *req = g_task_get_task_data (task);

  request_clear_deadline (req);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
return_cancelled (GTask *task)
{
  return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                           _("The operation was cancelled.")));
}

static void
return_body (GTask  *task,
             GBytes *body)
{
  Request *req = g_task_get_task_data (task);

  request_clear_deadline (req);
  g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
  g_object_unref (task);
}

/* Another attempt after @delay_ms must start before the deadline; an
 * attempt started at the last moment could only time out. */
static gboolean
can_retry (Request *req,
           guint    delay_ms)
{
  if (req->attempts >= req->max_attempts)
    return FALSE;

  return req->deadline_us == 0
      || g_get_monotonic_time () + (gint64) delay_ms * 1000 < req->deadline_us;
}

static gboolean
on_backoff_cancelled (GCancellable *cancellable,
                      gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  request_clear_backoff (req);
  return_cancelled (task);

  return G_SOURCE_REMOVE;
}

static gboolean
on_backoff_done (gpointer user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  request_clear_backoff (req);
  send_attempt (task);

  return G_SOURCE_REMOVE;
}

/* Takes over the caller's reference on @task. */
static void
schedule_retry (GTask *task,
                guint  delay_ms)
{
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GMainContext *context = g_task_get_context (task);

  g_debug ("Retrying in %u ms (attempt %u of %u)", delay_ms, req->attempts + 1, req->max_attempts);

  req->backoff_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (req->backoff_source, on_backoff_done, task, NULL);
  g_source_attach (req->backoff_source, context);

  /* Cancellation during the wait ends the request at once. */
  if (cancellable != NULL)
    {
      req->backoff_cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (req->backoff_cancel_source,
                             G_SOURCE_FUNC (on_backoff_cancelled), task, NULL);
      g_source_attach (req->backoff_cancel_source, context);
    }
}

/* An attempt ended with @body (a whole answer) or @error. */
static void
attempt_done (GTask        *task,
              GBytes       *body,
              const GError *error)
{
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gboolean timed_out = req->timed_out;
  guint status;

  request_clear_attempt (req);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_debug ("%s %s: cancelled", soup_message_get_method (req->msg), message_path (req->msg));
      g_clear_pointer (&body, g_bytes_unref);
      return_cancelled (task);
      return;
    }

  if (body == NULL)
    {
      GovorunHttpError code;

      /* Our own verdicts (a too-large answer) are final. */
      if (!timed_out && error->domain == GOVORUN_HTTP_ERROR)
        {
          return_error (task, g_error_copy (error));
          return;
        }

      if (timed_out)
        code = GOVORUN_HTTP_ERROR_TIMEOUT;
      else
        code = classify_error (error);

      g_debug ("%s %s: transport error %d (%s)",
               soup_message_get_method (req->msg), message_path (req->msg),
               code, timed_out ? "deadline" : g_quark_to_string (error->domain));

      if (!timed_out
          && (req->flags & GOVORUN_HTTP_FLAGS_IDEMPOTENT) != 0
          && is_retryable_error (code))
        {
          guint delay_ms = backoff_delay (req);

          if (can_retry (req, delay_ms))
            {
              schedule_retry (task, delay_ms);
              return;
            }
        }

      return_error (task, make_error (req->msg, code, timed_out ? NULL : error,
                                      waited_ms (req), 0));
      return;
    }

  status = soup_message_get_status (req->msg);
  g_debug ("%s %s: HTTP %u", soup_message_get_method (req->msg), message_path (req->msg), status);

  if (req->attempts < req->max_attempts)
    {
      guint retry_after_ms = 0;
      gboolean rate_limited = FALSE;

      if (req->is_rate_limited != NULL
          && req->is_rate_limited (req->msg, body, &retry_after_ms, req->rate_limit_data))
        rate_limited = TRUE;

      if (status == 429 /* Too Many Requests */)
        rate_limited = TRUE;

      if (rate_limited)
        {
          guint header_ms = 0;

          if (retry_after_ms == 0 && parse_retry_after (req->msg, &header_ms))
            retry_after_ms = header_ms;
          else if (retry_after_ms == 0)
            retry_after_ms = backoff_delay (req);

          retry_after_ms = MIN (retry_after_ms, MAX_RETRY_AFTER_MS);
          /* A wait past the deadline: the rate-limit answer is the answer. */
          if (can_retry (req, retry_after_ms))
            {
              g_bytes_unref (body);
              schedule_retry (task, retry_after_ms);
              return;
            }
        }
      else if (status >= 500 && status < 600
               && (req->flags & GOVORUN_HTTP_FLAGS_IDEMPOTENT) != 0)
        {
          guint delay_ms = backoff_delay (req);

          if (can_retry (req, delay_ms))
            {
              g_bytes_unref (body);
              schedule_retry (task, delay_ms);
              return;
            }
        }
    }

  return_body (task, body);
}

/* Stops reading past the limit: the rest is never held in memory. */
static void
fail_too_large (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  g_autoptr(GError) too_large = make_error (req->msg, GOVORUN_HTTP_ERROR_TOO_LARGE, NULL,
                                            0, req->max_body_size);

  g_debug ("%s %s: answer larger than %" G_GSIZE_FORMAT " bytes",
           soup_message_get_method (req->msg), message_path (req->msg), req->max_body_size);
  attempt_done (task, NULL, too_large);
}

/* Closed unread: libsoup drops the connection instead of reading on. */
static void
drop_stream (GInputStream *stream)
{
  g_autoptr(GCancellable) drop = g_cancellable_new ();

  g_cancellable_cancel (drop);
  g_input_stream_close (stream, drop, NULL);
}

/* An answer's body being read: into one buffer the size it declares (or
 * grown as it comes), in reads as large as what is left. Spliced into a
 * GMemoryOutputStream it came 8 KiB a read and was zeroed and copied at
 * every doubling: a quarter of the main thread's time in a large sync. */
typedef struct
{
  GTask        *task;
  GInputStream *stream;
  GByteArray   *data;
  gsize         expected;  /* the declared length; 0: not declared */
  guint         from;      /* where the read in flight writes */
} Body;

#define BODY_READ_SIZE (64 * 1024)

static void
body_free (Body *body)
{
  g_object_unref (body->task);
  g_object_unref (body->stream);
  if (body->data != NULL)
    g_byte_array_unref (body->data);
  g_free (body);
}

static void read_body (Body *body);

static void
on_body_closed (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Body *body = user_data;
  g_autoptr(GError) error = NULL;

  /* Read to its end: a failure to close loses nothing of it. */
  if (!g_input_stream_close_finish (body->stream, result, &error))
    g_debug ("Closing an answer read to its end: %s", error->message);
  attempt_done (body->task, g_byte_array_free_to_bytes (g_steal_pointer (&body->data)), NULL);
  body_free (body);
}

static void
on_body_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Body *body = user_data;
  Request *req = g_task_get_task_data (body->task);
  g_autoptr(GError) error = NULL;
  gssize n = g_input_stream_read_finish (body->stream, result, &error);

  g_byte_array_set_size (body->data, body->from + MAX (n, 0));
  if (n < 0)
    {
      drop_stream (body->stream);
      attempt_done (body->task, NULL, error);
      body_free (body);
      return;
    }
  if (body->data->len > req->max_body_size)
    {
      drop_stream (body->stream);
      fail_too_large (body->task);
      body_free (body);
      return;
    }
  if (n == 0)
    {
      /* Closing gives the connection back. */
      g_input_stream_close_async (body->stream, G_PRIORITY_DEFAULT, NULL, on_body_closed, body);
      return;
    }
  read_body (body);
}

static void
read_body (Body *body)
{
  Request *req = g_task_get_task_data (body->task);
  gsize len = body->data->len;
  /* What is left of the declared length and one byte, whose read finds
   * the end (the buffer has room for it); without one, a chunk at a
   * time; never more than one byte past the limit. */
  gsize room = body->expected > 0 && body->expected >= len ? body->expected + 1 - len : BODY_READ_SIZE;

  room = MIN (room, req->max_body_size + 1 - len);
  body->from = len;
  g_byte_array_set_size (body->data, len + room);
  g_input_stream_read_async (body->stream, body->data->data + len, room, G_PRIORITY_DEFAULT,
                             req->attempt_cancellable, on_body_read, body);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  goffset declared = -1;
  Body *body;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      attempt_done (task, NULL, error);
      return;
    }

  /* A declared length over the limit is refused before reading a byte. */
  headers = soup_message_get_response_headers (req->msg);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    declared = soup_message_headers_get_content_length (headers);
  if (declared > (goffset) req->max_body_size)
    {
      drop_stream (stream);
      fail_too_large (task);
      return;
    }

  body = g_new0 (Body, 1);
  body->task = g_object_ref (task);
  body->stream = g_steal_pointer (&stream);
  body->expected = declared > 0 ? (gsize) declared : 0;
  body->data = g_byte_array_sized_new (body->expected > 0 ? body->expected + 1 : BODY_READ_SIZE);
  read_body (body);
}

static void
on_parent_cancelled (GCancellable *parent,
                     gpointer      user_data)
{
  /* May run in another thread; GCancellable is thread-safe. */
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_deadline (gpointer user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  req->timed_out = TRUE;
  g_clear_pointer (&req->deadline_source, g_source_unref);

  /* Waiting to retry: the wait ends here, with the whole time waited. */
  if (req->backoff_source != NULL)
    {
      request_clear_backoff (req);
      return_error (task, make_error (req->msg, GOVORUN_HTTP_ERROR_TIMEOUT, NULL,
                                      waited_ms (req), 0));
      return G_SOURCE_REMOVE;
    }

  g_cancellable_cancel (req->attempt_cancellable);

  return G_SOURCE_REMOVE;
}

/* Consumes the caller's reference on @task. */
static void
send_attempt (GTask *task)
{
  GovorunHttp *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (g_cancellable_is_cancelled (cancellable))
    {
      return_cancelled (task);
      return;
    }

  g_clear_object (&req->msg);
  req->msg = req->make_message (req->message_data);
  if (req->msg == NULL)
    {
      return_error (task, make_error (NULL, GOVORUN_HTTP_ERROR_INVALID_URL, NULL, 0, 0));
      return;
    }

  req->attempts++;

  g_debug ("%s %s (attempt %u)", soup_message_get_method (req->msg),
           message_path (req->msg), req->attempts);

  req->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      g_object_set_data_full (G_OBJECT (req->attempt_cancellable), "govorun-parent",
                              g_object_ref (cancellable), g_object_unref);
      req->cancelled_id = g_cancellable_connect (cancellable,
                                                 G_CALLBACK (on_parent_cancelled),
                                                 g_object_ref (req->attempt_cancellable),
                                                 g_object_unref);
    }

  soup_session_send_async (self->session, req->msg, G_PRIORITY_DEFAULT,
                           req->attempt_cancellable, on_sent, task);
}

static void
govorun_http_dispose (GObject *object)
{
  GovorunHttp *self = (GovorunHttp *) object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (govorun_http_parent_class)->dispose (object);
}

static void
govorun_http_class_init (GovorunHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_http_dispose;
}

static void
govorun_http_init (GovorunHttp *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Govorun/%s", PACKAGE_VERSION);

  /* libsoup allows 2 connections per host by default, which serialises the
   * independent look-ups a plan sends together (three reads would take two
   * round trips). Six is what browsers use against one host. */
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "max-conns-per-host", 6,
                                                 "max-conns", 24,
                                                 NULL);
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
}

GovorunHttp *
govorun_http_new (void)
{
  return g_object_new (GOVORUN_TYPE_HTTP, NULL);
}

/**
 * govorun_http_get_session:
 *
 * Returns: (transfer none): the shared session, e.g. for WebSockets.
 */
SoupSession *
govorun_http_get_session (GovorunHttp *self)
{
  g_return_val_if_fail (GOVORUN_IS_HTTP (self), NULL);

  return self->session;
}

void
govorun_http_set_timeout (GovorunHttp *self,
                          guint        timeout_ms)
{
  g_return_if_fail (GOVORUN_IS_HTTP (self));

  self->timeout_ms = timeout_ms;
}

void
govorun_http_set_retry (GovorunHttp *self,
                        guint        max_attempts,
                        guint        base_delay_ms)
{
  g_return_if_fail (GOVORUN_IS_HTTP (self));

  self->max_attempts = MAX (max_attempts, 1);
  self->base_delay_ms = base_delay_ms;
}

/**
 * govorun_http_send_async:
 * @make_message: builds a new message for every attempt; returning %NULL
 *   means the URL could not be parsed (%GOVORUN_HTTP_ERROR_INVALID_URL)
 *
 * Sends a request with the deadline and retry policy described in the
 * header. The deadline covers the whole request: every attempt (connect,
 * send, read the whole body) and the waits between them; no retry starts
 * that could not begin before it. An answer is read up to
 * %GOVORUN_JSON_ANSWER_MAX_SIZE bytes; a larger one fails with
 * %GOVORUN_HTTP_ERROR_TOO_LARGE and is never retried.
 */
void
govorun_http_send_async (GovorunHttp              *self,
                         GovorunHttpMessageFunc    make_message,
                         gpointer                  message_data,
                         GDestroyNotify            message_data_destroy,
                         GovorunHttpFlags          flags,
                         GovorunHttpRateLimitFunc  is_rate_limited,
                         gpointer                  rate_limit_data,
                         GCancellable             *cancellable,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  GTask *task;
  Request *req;

  g_return_if_fail (GOVORUN_IS_HTTP (self));
  g_return_if_fail (make_message != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_http_send_async);

  req = g_new0 (Request, 1);
  req->make_message = make_message;
  req->message_data = message_data;
  req->message_data_destroy = message_data_destroy;
  req->flags = flags;
  req->is_rate_limited = is_rate_limited;
  req->rate_limit_data = rate_limit_data;
  req->timeout_ms = self->timeout_ms;
  req->max_attempts = self->max_attempts;
  req->base_delay_ms = self->base_delay_ms;
  req->max_body_size = (flags & GOVORUN_HTTP_FLAGS_MEDIA) != 0 ? GOVORUN_HTTP_MEDIA_MAX_SIZE
                                                                 : GOVORUN_JSON_ANSWER_MAX_SIZE;
  req->started_us = g_get_monotonic_time ();
  g_task_set_task_data (task, req, (GDestroyNotify) request_free);

  if (req->timeout_ms > 0)
    {
      req->deadline_us = req->started_us + (gint64) req->timeout_ms * 1000;
      req->deadline_source = g_timeout_source_new (req->timeout_ms);
      /* No reference: every return clears the source first. */
      g_source_set_callback (req->deadline_source, on_deadline, task, NULL);
      g_source_attach (req->deadline_source, g_task_get_context (task));
    }

  send_attempt (task);
}

GBytes *
govorun_http_send_finish (GovorunHttp   *self,
                          GAsyncResult  *result,
                          guint         *status,
                          guint         *attempts,
                          GError       **error)
{
  Request *req;
  GBytes *body;

  g_return_val_if_fail (GOVORUN_IS_HTTP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_http_send_async, NULL);

  req = g_task_get_task_data (G_TASK (result));

  if (attempts != NULL)
    *attempts = req->attempts;

  body = g_task_propagate_pointer (G_TASK (result), error);

  if (status != NULL)
    *status = (body != NULL && req->msg != NULL) ? soup_message_get_status (req->msg) : 0;

  return body;
}
