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

#define DEFAULT_TIMEOUT_MS     30000
#define DEFAULT_MAX_ATTEMPTS   3
#define DEFAULT_BASE_DELAY_MS  500
/* A provider asking us to wait longer than this is treated as if it had
 * asked for this much: the user is waiting on the other end. */
#define MAX_RETRY_AFTER_MS     30000

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

  guint                     attempts;
  SoupMessage              *msg;
  GCancellable             *attempt_cancellable;
  gulong                    cancelled_id;
  GSource                  *deadline_source;
  gboolean                  timed_out;

  GSource                  *backoff_source;
  GSource                  *backoff_cancel_source;
} Request;

static void send_attempt (GTask *task);

static void
request_clear_attempt (Request *req)
{
  GCancellable *parent = NULL;

  if (req->deadline_source != NULL)
    {
      g_source_destroy (req->deadline_source);
      g_clear_pointer (&req->deadline_source, g_source_unref);
    }

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
request_free (Request *req)
{
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

static GError *
make_error (SoupMessage      *msg,
            GovorunHttpError  code,
            const GError     *cause,
            guint             timeout_ms)
{
  g_autofree char *host = message_host (msg);
  g_autofree char *detail = safe_detail (msg, cause);
  g_autofree char *sentence = NULL;

  switch (code)
    {
    case GOVORUN_HTTP_ERROR_INVALID_URL:
      sentence = g_strdup (_("The service address is not a valid URL. Check the address in Preferences."));
      break;

    case GOVORUN_HTTP_ERROR_UNREACHABLE:
      sentence = g_strdup_printf (_("Could not reach %s. Check the network connection and the service address in Preferences."),
                                  host);
      break;

    case GOVORUN_HTTP_ERROR_TLS:
      sentence = g_strdup_printf (_("Could not set up a secure connection to %s. Check that the system clock is correct and that the server’s certificate is trusted."),
                                  host);
      break;

    case GOVORUN_HTTP_ERROR_TIMEOUT:
      {
        guint seconds = (timeout_ms + 999) / 1000;

        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s did not answer within %u second. Try again later.",
                                                 "%s did not answer within %u seconds. Try again later.", seconds),
                                    host, seconds);
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

/* Retry-After is either delta-seconds or an HTTP date. */
static gboolean
parse_retry_after (SoupMessage *msg,
                   guint       *delay_ms)
{
  const char *value;
  guint64 seconds;
  char *end = NULL;

  value = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");
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

static guint
backoff_delay (Request *req)
{
  /* Delay before retry n (n = attempts made so far) is base * 2^(n-1). */
  guint shift = MIN (req->attempts - 1, 16);
  double delay = (double) req->base_delay_ms * (double) (1u << shift);

  delay *= g_random_double_range (0.8, 1.2);

  return (guint) MIN (delay, (double) G_MAXINT);
}

static gboolean
on_backoff_cancelled (GCancellable *cancellable,
                      gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  request_clear_backoff (req);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The operation was cancelled."));
  g_object_unref (task);

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

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
on_send_and_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  gboolean timed_out;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  timed_out = req->timed_out;
  request_clear_attempt (req);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_debug ("%s %s: cancelled", soup_message_get_method (req->msg), message_path (req->msg));
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The operation was cancelled."));
      g_object_unref (task);
      return;
    }

  if (body == NULL)
    {
      GovorunHttpError code;

      if (timed_out)
        code = GOVORUN_HTTP_ERROR_TIMEOUT;
      else
        code = classify_error (error);

      g_debug ("%s %s: transport error %d (%s)",
               soup_message_get_method (req->msg), message_path (req->msg),
               code, g_quark_to_string (error->domain));

      if ((req->flags & GOVORUN_HTTP_FLAGS_IDEMPOTENT) != 0
          && is_retryable_error (code)
          && req->attempts < req->max_attempts)
        {
          schedule_retry (task, backoff_delay (req));
          return;
        }

      return_error (task, make_error (req->msg, code, timed_out ? NULL : error, req->timeout_ms));
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

          schedule_retry (task, MIN (retry_after_ms, MAX_RETRY_AFTER_MS));
          return;
        }

      if (status >= 500 && status < 600
          && (req->flags & GOVORUN_HTTP_FLAGS_IDEMPOTENT) != 0)
        {
          schedule_retry (task, backoff_delay (req));
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
  g_object_unref (task);
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
  Request *req = user_data;

  req->timed_out = TRUE;
  g_clear_pointer (&req->deadline_source, g_source_unref);
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
      return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                               _("The operation was cancelled.")));
      return;
    }

  g_clear_object (&req->msg);
  req->msg = req->make_message (req->message_data);
  if (req->msg == NULL)
    {
      return_error (task, make_error (NULL, GOVORUN_HTTP_ERROR_INVALID_URL, NULL, 0));
      return;
    }

  req->attempts++;
  req->timed_out = FALSE;

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

  if (req->timeout_ms > 0)
    {
      req->deadline_source = g_timeout_source_new (req->timeout_ms);
      g_source_set_callback (req->deadline_source, on_deadline, req, NULL);
      g_source_attach (req->deadline_source, g_task_get_context (task));
    }

  soup_session_send_and_read_async (self->session, req->msg, G_PRIORITY_DEFAULT,
                                    req->attempt_cancellable, on_send_and_read, task);
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
 * header. The deadline applies to each attempt (connect, send, read the
 * whole body); the backoff waits come on top.
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
  g_task_set_task_data (task, req, (GDestroyNotify) request_free);

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
