/* govorun-phone-test-call.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunPhoneTestCall"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-phone-normalizer.h"
#include "govorun-provider-objects.h"
#include "govorun-provisioner.h"
#include "govorun-test-calls-private.h"
#include "govorun-voximplant-calls.h"
#include "govorun-voximplant-scenario-runs.h"

/*
 * Call My Phone. The agent's outbound rule is the one the provisioner
 * recorded for it (provider_objects: type "rule", name
 * govorun_provisioner_rule_name (slug, FALSE)). StartScenarios is a
 * mutation: sent once, never retried; if its answer is lost, the person
 * may get the call while we show an error, so the message says so.
 *
 * Progress comes from GetCallHistory filtered by the session id: no
 * session or no talk yet is "dialling", talk time without a finish reason
 * is "answered", a finish reason ends it. Whether a real session shows
 * up in the history before it ends is UNVERIFIED; without it, the call
 * shows "dialling" until it is over.
 */

#define DEFAULT_POLL_MS   1000
/* Give up following after this long; the call is in Calls after a sync. */
#define MAX_FOLLOW_SECS   (15 * 60)

G_DEFINE_QUARK (govorun-phone-test-call-error-quark, govorun_phone_test_call_error)

struct _GovorunPhoneTestCall
{
  GObject                    parent_instance;

  GovorunTestCalls          *owner;
  GovorunAgent              *agent;
  GovorunVoximplantClient   *client;
  GovorunPhoneTestCallState  state;
  char                      *number;
  char                      *result;
  char                      *error_message;
  gint64                     session_id;
  guint                      talk_seconds;
  guint                      poll_ms;
  GSource                   *poll_source;
  GCancellable              *poll_cancellable;
  gint64                     started_us;
  gboolean                   polling;
};

G_DEFINE_FINAL_TYPE (GovorunPhoneTestCall, govorun_phone_test_call, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_TALK_SECONDS,
  PROP_RESULT,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char  *number;
  gint64 application_id;
} Start;

static void
start_free (Start *start)
{
  g_free (start->number);
  g_free (start);
}

static void
set_state (GovorunPhoneTestCall      *self,
           GovorunPhoneTestCallState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
fail (GovorunPhoneTestCall *self,
      const char           *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
  set_state (self, GOVORUN_PHONE_TEST_CALL_FAILED);
}

/* Following the call */

static void schedule_poll (GovorunPhoneTestCall *self);

static void
finish_call (GovorunPhoneTestCall         *self,
             GovorunVoximplantCallSession *session)
{
  GovorunVoximplantCall *leg = session->calls->len > 0 ? g_ptr_array_index (session->calls, 0) : NULL;

  g_free (self->result);
  if (leg != NULL && leg->successful && leg->duration > 0)
    {
      self->result = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The call was answered and lasted %u second. It appears in Calls after the next sync.",
                                                   "The call was answered and lasted %u seconds. It appears in Calls after the next sync.",
                                                   (gulong) leg->duration),
                                      (guint) leg->duration);
    }
  else if (leg != NULL && leg->end_reason != NULL && *leg->end_reason != '\0')
    self->result = g_strdup_printf (_("The call was not answered (Voximplant: %d %s)."),
                                    leg->end_reason_code, leg->end_reason);
  else
    self->result = g_strdup_printf (_("The call ended without being answered (Voximplant: %s)."),
                                    session->finish_reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
  set_state (self, GOVORUN_PHONE_TEST_CALL_FINISHED);
  _govorun_test_calls_ended (self->owner);
}

static void
on_history (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunPhoneTestCall) self = user_data;
  g_autoptr(GovorunVoximplantCallHistoryPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GovorunVoximplantCallSession *session = NULL;

  self->polling = FALSE;
  page = govorun_voximplant_client_get_call_history_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (page == NULL)
    {
      /* A read that failed is tried again at the next tick. */
      g_debug ("Reading the call's progress failed: %s", error->message);
      schedule_poll (self);
      return;
    }

  for (guint i = 0; i < page->sessions->len; i++)
    {
      GovorunVoximplantCallSession *s = g_ptr_array_index (page->sessions, i);

      if (s->call_session_history_id == self->session_id)
        session = s;
    }

  if (session != NULL)
    {
      GovorunVoximplantCall *leg = session->calls->len > 0 ? g_ptr_array_index (session->calls, 0) : NULL;

      if (leg != NULL && leg->duration > 0 && self->talk_seconds != (guint) leg->duration)
        {
          self->talk_seconds = (guint) leg->duration;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALK_SECONDS]);
        }
      if (session->finish_reason != NULL && *session->finish_reason != '\0')
        {
          finish_call (self, session);
          return;
        }
      set_state (self, leg != NULL && leg->duration > 0 ? GOVORUN_PHONE_TEST_CALL_ANSWERED
                                                        : GOVORUN_PHONE_TEST_CALL_DIALLING);
    }

  if (g_get_monotonic_time () - self->started_us > (gint64) MAX_FOLLOW_SECS * G_USEC_PER_SEC)
    {
      g_free (self->result);
      self->result = g_strdup (_("Govorun stopped following the call; it appears in Calls after the next sync."));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
      set_state (self, GOVORUN_PHONE_TEST_CALL_FINISHED);
      return;
    }

  schedule_poll (self);
}

static gboolean
on_poll (gpointer user_data)
{
  GovorunPhoneTestCall *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, 1);
  GovorunVoximplantCallHistoryQuery query = { 0 };

  g_clear_pointer (&self->poll_source, g_source_unref);
  query.from_date = from;
  query.to_date = to;
  query.call_session_history_ids = &self->session_id;
  query.n_call_session_history_ids = 1;
  query.with_calls = TRUE;
  query.count = 1;
  self->polling = TRUE;
  govorun_voximplant_client_get_call_history_async (self->client, &query, self->poll_cancellable,
                                                    on_history, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_poll (GovorunPhoneTestCall *self)
{
  if (self->poll_cancellable == NULL || g_cancellable_is_cancelled (self->poll_cancellable))
    return;
  self->poll_source = g_timeout_source_new (self->poll_ms);
  g_source_set_callback (self->poll_source, on_poll, self, NULL);
  g_source_attach (self->poll_source, g_main_context_get_thread_default ());
}

void
govorun_phone_test_call_stop (GovorunPhoneTestCall *self)
{
  g_return_if_fail (GOVORUN_IS_PHONE_TEST_CALL (self));

  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }
  if (self->poll_cancellable != NULL)
    g_cancellable_cancel (self->poll_cancellable);
}

/* Starting */

static void
start_failed (GovorunPhoneTestCall *self,
              GTask                *task,
              GError               *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail (self, error->message);
  else
    set_state (self, GOVORUN_PHONE_TEST_CALL_IDLE);
  g_task_return_error (task, error);
}

static void
on_started (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunPhoneTestCall *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gint64 session_id;

  session_id = govorun_voximplant_client_start_scenarios_finish (GOVORUN_VOXIMPLANT_CLIENT (source), result, &error);
  if (session_id < 0)
    {
      if (g_error_matches (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_TIMEOUT) ||
          g_error_matches (error, GOVORUN_HTTP_ERROR, GOVORUN_HTTP_ERROR_CONNECTION_LOST))
        start_failed (self, task, g_error_new (GOVORUN_PHONE_TEST_CALL_ERROR, GOVORUN_PHONE_TEST_CALL_ERROR_PROVIDER,
                                               _("Voximplant’s answer was lost, so Govorun cannot follow the call. Your phone may ring anyway; the call appears in Calls after the next sync. (%s)"),
                                               error->message));
      else if (error->domain == G_IO_ERROR)
        start_failed (self, task, g_steal_pointer (&error));
      else
        start_failed (self, task, g_error_new (GOVORUN_PHONE_TEST_CALL_ERROR, GOVORUN_PHONE_TEST_CALL_ERROR_PROVIDER,
                                               _("Voximplant did not start the call. %s"), error->message));
      return;
    }

  self->session_id = session_id;
  self->started_us = g_get_monotonic_time ();
  set_state (self, GOVORUN_PHONE_TEST_CALL_DIALLING);
  self->poll_cancellable = g_cancellable_new ();
  if (session_id > 0)
    schedule_poll (self);
  g_task_return_boolean (task, TRUE);
}

/* outbound.js: {"mode":"callme","phone_number":"…","variables":{…}}. The
 * number is a checked E.164 ("+" and digits), so nothing needs escaping. */
static char *
custom_data (const char *number)
{
  return g_strdup_printf ("{\"mode\":\"callme\",\"phone_number\":\"%s\",\"variables\":{}}", number);
}

static void
on_rule (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GovorunPhoneTestCall *self = g_task_get_source_object (task);
  Start *start = g_task_get_task_data (task);
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rule_name = govorun_provisioner_rule_name (govorun_agent_get_slug (self->agent), FALSE);
  g_autofree char *data = NULL;
  gint64 rule_id = 0;

  objects = govorun_provider_objects_list_finish (GOVORUN_STORE (source), result, NULL, &error);
  if (objects == NULL)
    {
      start_failed (self, task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < objects->len; i++)
    {
      GovorunProviderObject *object = g_ptr_array_index (objects, i);

      if (g_strcmp0 (object->object_type, "rule") == 0 && g_strcmp0 (object->name, rule_name) == 0 &&
          object->provider_id != NULL)
        rule_id = g_ascii_strtoll (object->provider_id, NULL, 10);
    }

  if (rule_id <= 0)
    {
      start_failed (self, task, g_error_new_literal (GOVORUN_PHONE_TEST_CALL_ERROR, GOVORUN_PHONE_TEST_CALL_ERROR_NO_OUTBOUND,
                                                     _("This agent cannot call out yet. Turn on outbound calls for the agent, save it, and try again.")));
      return;
    }

  data = custom_data (start->number);
  govorun_voximplant_client_start_scenarios_async (self->client, start->application_id, rule_id, data,
                                                   cancellable, on_started,
                                                   g_steal_pointer (&task));
}

static void
on_client (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GovorunPhoneTestCall *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GovorunStore *store;

  self->client = govorun_client_factory_voximplant_finish (GOVORUN_CLIENT_FACTORY (source), result, &error);
  if (self->client == NULL)
    {
      start_failed (self, task, g_steal_pointer (&error));
      return;
    }

  store = govorun_account_store_get_store (_govorun_test_calls_get_accounts (self->owner));
  govorun_provider_objects_list_async (store, govorun_agent_get_vox_account_uuid (self->agent),
                                       govorun_agent_get_uuid (self->agent), cancellable,
                                       on_rule, g_steal_pointer (&task));
}

void
govorun_phone_test_call_start_async (GovorunPhoneTestCall *self,
                                     const char           *number,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  GovorunPhoneResult phone;
  GovorunAccount *account;
  Start *start;

  g_return_if_fail (GOVORUN_IS_PHONE_TEST_CALL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_phone_test_call_start_async);

  if (self->state == GOVORUN_PHONE_TEST_CALL_STARTING || self->state == GOVORUN_PHONE_TEST_CALL_DIALLING ||
      self->state == GOVORUN_PHONE_TEST_CALL_ANSWERED)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "A call is in progress");
      return;
    }

  if (!govorun_phone_normalize (number != NULL ? number : "", "RU", &phone))
    {
      /* Not a failure of the call: the dialog keeps the number to fix. */
      g_task_return_new_error (task, GOVORUN_PHONE_TEST_CALL_ERROR, GOVORUN_PHONE_TEST_CALL_ERROR_BAD_NUMBER,
                               _("%s Type the number with its country code, for example +7 916 123-45-67."),
                               govorun_phone_problem_to_string (phone.problem));
      return;
    }

  account = govorun_account_store_find_by_uuid (_govorun_test_calls_get_accounts (self->owner),
                                                govorun_agent_get_vox_account_uuid (self->agent));
  if (account == NULL || govorun_agent_get_application_id (self->agent) <= 0)
    {
      start_failed (self, task, g_error_new_literal (GOVORUN_PHONE_TEST_CALL_ERROR, GOVORUN_PHONE_TEST_CALL_ERROR_NO_OUTBOUND,
                                                     _("This agent is not set up on Voximplant yet. Save the agent so Govorun can create its application and rules, then try again.")));
      return;
    }

  g_free (self->number);
  self->number = g_strdup (phone.e164);
  g_clear_pointer (&self->result, g_free);
  g_clear_pointer (&self->error_message, g_free);
  self->talk_seconds = 0;
  g_clear_object (&self->poll_cancellable);
  _govorun_test_calls_remember_number (self->owner, phone.e164);

  start = g_new0 (Start, 1);
  start->number = g_strdup (phone.e164);
  start->application_id = govorun_agent_get_application_id (self->agent);
  g_task_set_task_data (task, start, (GDestroyNotify) start_free);

  set_state (self, GOVORUN_PHONE_TEST_CALL_STARTING);
  g_clear_object (&self->client);
  govorun_client_factory_voximplant_async (_govorun_test_calls_get_factory (self->owner), account, NULL,
                                           cancellable, on_client, g_steal_pointer (&task));
}

gboolean
govorun_phone_test_call_start_finish (GovorunPhoneTestCall  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (GOVORUN_IS_PHONE_TEST_CALL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == govorun_phone_test_call_start_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Accessors */

GovorunPhoneTestCallState
govorun_phone_test_call_get_state (GovorunPhoneTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_PHONE_TEST_CALL (self), GOVORUN_PHONE_TEST_CALL_IDLE);
  return self->state;
}

guint
govorun_phone_test_call_get_talk_seconds (GovorunPhoneTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_PHONE_TEST_CALL (self), 0);
  return self->talk_seconds;
}

const char *
govorun_phone_test_call_get_result (GovorunPhoneTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_PHONE_TEST_CALL (self), NULL);
  return self->result;
}

const char *
govorun_phone_test_call_get_error_message (GovorunPhoneTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_PHONE_TEST_CALL (self), NULL);
  return self->error_message;
}

const char *
govorun_phone_test_call_get_number (GovorunPhoneTestCall *self)
{
  g_return_val_if_fail (GOVORUN_IS_PHONE_TEST_CALL (self), NULL);
  return self->number;
}

void
_govorun_phone_test_call_set_poll_interval (GovorunPhoneTestCall *self,
                                            guint                 interval_ms)
{
  self->poll_ms = MAX (interval_ms, 10);
}

/* GObject */

static void
govorun_phone_test_call_dispose (GObject *object)
{
  GovorunPhoneTestCall *self = GOVORUN_PHONE_TEST_CALL (object);

  govorun_phone_test_call_stop (self);
  g_clear_object (&self->poll_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->agent);
  g_clear_object (&self->owner);
  G_OBJECT_CLASS (govorun_phone_test_call_parent_class)->dispose (object);
}

static void
govorun_phone_test_call_finalize (GObject *object)
{
  GovorunPhoneTestCall *self = GOVORUN_PHONE_TEST_CALL (object);

  g_free (self->number);
  g_free (self->result);
  g_free (self->error_message);
  G_OBJECT_CLASS (govorun_phone_test_call_parent_class)->finalize (object);
}

static void
govorun_phone_test_call_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GovorunPhoneTestCall *self = GOVORUN_PHONE_TEST_CALL (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_TALK_SECONDS:
      g_value_set_uint (value, self->talk_seconds);
      break;
    case PROP_RESULT:
      g_value_set_string (value, self->result);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_phone_test_call_class_init (GovorunPhoneTestCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_phone_test_call_dispose;
  object_class->finalize = govorun_phone_test_call_finalize;
  object_class->get_property = govorun_phone_test_call_get_property;

  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, GOVORUN_PHONE_TEST_CALL_IDLE,
                                             GOVORUN_PHONE_TEST_CALL_FAILED, GOVORUN_PHONE_TEST_CALL_IDLE,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TALK_SECONDS] = g_param_spec_uint ("talk-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT] = g_param_spec_string ("result", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL,
                                                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_phone_test_call_init (GovorunPhoneTestCall *self)
{
  self->poll_ms = DEFAULT_POLL_MS;
}

GovorunPhoneTestCall *
_govorun_phone_test_call_new (GovorunTestCalls *owner,
                              GovorunAgent     *agent)
{
  GovorunPhoneTestCall *self = g_object_new (GOVORUN_TYPE_PHONE_TEST_CALL, NULL);

  self->owner = g_object_ref (owner);
  self->agent = g_object_ref (agent);
  return self;
}
