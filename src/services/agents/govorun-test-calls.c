/* govorun-test-calls.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunTestCalls"

#include "config.h"

#include "govorun-test-calls-private.h"

#define NUMBER_KEY "test-call-number"

struct _GovorunTestCalls
{
  GObject               parent_instance;

  GovorunHttp          *http;
  GovorunClientFactory *factory;
  GovorunAccountStore  *accounts;
  GovorunCallSync      *call_sync;
  GSettings            *settings;   /* nullable */
  char                 *number;     /* without settings (tests) */
};

G_DEFINE_FINAL_TYPE (GovorunTestCalls, govorun_test_calls, G_TYPE_OBJECT)

static void
govorun_test_calls_dispose (GObject *object)
{
  GovorunTestCalls *self = GOVORUN_TEST_CALLS (object);

  g_clear_object (&self->http);
  g_clear_object (&self->factory);
  g_clear_object (&self->accounts);
  g_clear_object (&self->call_sync);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (govorun_test_calls_parent_class)->dispose (object);
}

static void
govorun_test_calls_finalize (GObject *object)
{
  g_free (GOVORUN_TEST_CALLS (object)->number);
  G_OBJECT_CLASS (govorun_test_calls_parent_class)->finalize (object);
}

static void
govorun_test_calls_class_init (GovorunTestCallsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_test_calls_dispose;
  object_class->finalize = govorun_test_calls_finalize;
}

static void
govorun_test_calls_init (GovorunTestCalls *self)
{
}

GovorunTestCalls *
govorun_test_calls_new (GovorunHttp          *http,
                        GovorunClientFactory *factory,
                        GovorunAccountStore  *accounts,
                        GovorunCallSync      *call_sync,
                        GSettings            *settings)
{
  GovorunTestCalls *self = g_object_new (GOVORUN_TYPE_TEST_CALLS, NULL);

  self->http = g_object_ref (http);
  self->factory = g_object_ref (factory);
  self->accounts = g_object_ref (accounts);
  self->call_sync = call_sync != NULL ? g_object_ref (call_sync) : NULL;
  if (settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      /* Older compiled schemas (a test's) may lack the key. */
      g_object_get (settings, "settings-schema", &schema, NULL);
      if (g_settings_schema_has_key (schema, NUMBER_KEY))
        self->settings = g_object_ref (settings);
    }
  return self;
}

GovorunTestCall *
govorun_test_calls_create_call (GovorunTestCalls *self,
                                GovorunAgent     *agent)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALLS (self), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT (agent), NULL);

  return _govorun_test_call_new (self, agent);
}

GovorunPhoneTestCall *
govorun_test_calls_create_phone_call (GovorunTestCalls *self,
                                      GovorunAgent     *agent)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALLS (self), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT (agent), NULL);

  return _govorun_phone_test_call_new (self, agent);
}

char *
govorun_test_calls_dup_my_number (GovorunTestCalls *self)
{
  g_return_val_if_fail (GOVORUN_IS_TEST_CALLS (self), NULL);

  if (self->settings != NULL)
    return g_settings_get_string (self->settings, NUMBER_KEY);
  return g_strdup (self->number != NULL ? self->number : "");
}

void
_govorun_test_calls_remember_number (GovorunTestCalls *self,
                                     const char       *e164)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, NUMBER_KEY, e164);
  g_free (self->number);
  self->number = g_strdup (e164);
}

void
_govorun_test_calls_ended (GovorunTestCalls *self)
{
  if (self->call_sync != NULL)
    govorun_call_sync_start (self->call_sync);
}

GovorunHttp *
_govorun_test_calls_get_http (GovorunTestCalls *self)
{
  return self->http;
}

GovorunClientFactory *
_govorun_test_calls_get_factory (GovorunTestCalls *self)
{
  return self->factory;
}

GovorunAccountStore *
_govorun_test_calls_get_accounts (GovorunTestCalls *self)
{
  return self->accounts;
}
