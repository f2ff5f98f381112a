/* govorun-services.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunServices"

#include "config.h"

#include "govorun-integrations-events.h"
#include "govorun-key-rotation.h"
#include "govorun-services-private.h"
#include "govorun-util.h"

/*
 * Every service a view uses, built once over one database, one keyring
 * profile and one transport. The views get the services they need from
 * here; the store, the keyring and the transport stay inside.
 */

/* How often the outbox is looked at: a delivery is due within this. */
#define INTEGRATIONS_WORKER_MS 3000

struct _GovorunServices
{
  GObject                  parent_instance;

  gboolean                 sandbox;
  GovorunServicesState     state;
  char                    *failure;

  GovorunHttp             *http;
  GovorunStore            *store;
  GovorunSecrets          *secrets;
  GovorunEndpoints        *endpoints;
  GovorunAccountStore     *accounts;
  GovorunConnectionTester *tester;
  GovorunClientFactory    *factory;
  GovorunAgentStore       *agents;
  GovorunNumberService    *numbers;
  GovorunAgentCatalog     *agent_catalog;
  GovorunAgentWidget      *agent_widget;
  GovorunAgentAnalysis    *agent_analysis;
  GovorunProvisioner      *provisioner;
  GovorunAgentFinder      *agent_finder;
  GovorunKeyRotation      *key_rotation;   /* works by itself: no getter */
  GovorunCallList         *call_list;      /* once the store is open */
  GovorunCallSync         *call_sync;
  GovorunRecordings       *recordings;
  GovorunTestCalls        *test_calls;
  GovorunCallStats        *call_stats;     /* once the store is open */
  GovorunCallAnalysis     *call_analysis;  /* once the store is open */
  GovorunCallExport       *call_export;    /* once the store is open */
  GovorunDoNotCall        *do_not_call;    /* once the store is open */
  GovorunCampaigns        *campaigns;      /* once the store is open */
  GovorunSettingsFile     *settings_file;  /* once the store is open */
  GovorunIntegrations     *integrations;
  GSettings               *settings;       /* nullable */
};

G_DEFINE_FINAL_TYPE (GovorunServices, govorun_services, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_FAILURE,
  PROP_SANDBOX,
  PROP_ACCOUNTS,
  PROP_TESTER,
  PROP_FACTORY,
  PROP_ENDPOINTS,
  PROP_AGENTS,
  PROP_PROVISIONER,
  PROP_NUMBERS,
  PROP_AGENT_CATALOG,
  PROP_AGENT_ANALYSIS,
  PROP_CALL_STATS,
  PROP_CALL_ANALYSIS,
  PROP_INTEGRATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (GovorunServices      *self,
           GovorunServicesState  state,
           const char           *failure)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->failure, failure) != 0)
    {
      g_free (self->failure);
      self->failure = g_strdup (failure);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILURE]);
    }
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* -- loading: open the store, then the accounts, then the agents -- */

/* Failing a step fails the services, unless loading was cancelled. */
static void
step_failed (GTask  *task,
             GError *error)
{
  GovorunServices *self = g_task_get_source_object (task);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, GOVORUN_SERVICES_STATE_FAILED, error->message);
  g_task_return_error (task, error);
}

static void
agents_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunServices *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!govorun_agent_store_load_finish (GOVORUN_AGENT_STORE (object), result, &error))
    {
      step_failed (task, error);
      return;
    }

  set_state (self, GOVORUN_SERVICES_STATE_READY, NULL);
  govorun_call_sync_start_automatic (self->call_sync);
  govorun_integrations_load_async (self->integrations, NULL, NULL, NULL);
  govorun_integrations_follow_call_sync (self->integrations, self->call_sync);
  govorun_integrations_start_worker (self->integrations, INTEGRATIONS_WORKER_MS);
  g_task_return_boolean (task, TRUE);
}

static void
accounts_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunServices *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!govorun_account_store_load_finish (GOVORUN_ACCOUNT_STORE (object), result, &error))
    {
      step_failed (task, error);
      return;
    }

  govorun_agent_store_load_async (self->agents, g_task_get_cancellable (task),
                                  agents_loaded_cb, g_object_ref (task));
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GovorunServices *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!govorun_store_open_finish (GOVORUN_STORE (object), result, &error))
    {
      step_failed (task, error);
      return;
    }

  govorun_account_store_load_async (self->accounts, g_task_get_cancellable (task),
                                    accounts_loaded_cb, g_object_ref (task));
}

void
govorun_services_load_async (GovorunServices     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GOVORUN_IS_SERVICES (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, govorun_services_load_async);

  govorun_store_open_async (self->store, cancellable, store_opened_cb, g_steal_pointer (&task));
}

gboolean
govorun_services_load_finish (GovorunServices  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
govorun_services_fail (GovorunServices *self,
                       const char      *message)
{
  g_return_if_fail (GOVORUN_IS_SERVICES (self));
  g_return_if_fail (message != NULL);

  set_state (self, GOVORUN_SERVICES_STATE_FAILED, message);
}

void
govorun_services_close (GovorunServices *self)
{
  g_return_if_fail (GOVORUN_IS_SERVICES (self));

  /* A running sync stops; its last page commits or rolls back whole. */
  govorun_call_sync_cancel (self->call_sync);
  govorun_integrations_stop_worker (self->integrations);
  govorun_store_close (self->store);
}

/* -- the object -- */

static void
govorun_services_dispose (GObject *object)
{
  GovorunServices *self = GOVORUN_SERVICES (object);

  g_clear_object (&self->agent_finder);
  g_clear_object (&self->provisioner);
  g_clear_object (&self->key_rotation);
  g_clear_object (&self->numbers);
  g_clear_object (&self->call_list);
  g_clear_object (&self->call_stats);
  g_clear_object (&self->call_analysis);
  g_clear_object (&self->call_sync);
  g_clear_object (&self->recordings);
  g_clear_object (&self->test_calls);
  g_clear_object (&self->call_export);
  g_clear_object (&self->campaigns);
  g_clear_object (&self->settings_file);
  g_clear_object (&self->integrations);
  g_clear_object (&self->do_not_call);
  g_clear_object (&self->settings);
  g_clear_object (&self->agent_catalog);
  g_clear_object (&self->agent_widget);
  g_clear_object (&self->agent_analysis);
  g_clear_object (&self->agents);
  g_clear_object (&self->factory);
  g_clear_object (&self->tester);
  g_clear_object (&self->accounts);
  g_clear_object (&self->endpoints);
  g_clear_object (&self->secrets);
  g_clear_object (&self->store);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (govorun_services_parent_class)->dispose (object);
}

static void
govorun_services_finalize (GObject *object)
{
  GovorunServices *self = GOVORUN_SERVICES (object);

  g_clear_pointer (&self->failure, g_free);

  G_OBJECT_CLASS (govorun_services_parent_class)->finalize (object);
}

static void
govorun_services_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GovorunServices *self = GOVORUN_SERVICES (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_FAILURE:
      g_value_set_string (value, self->failure);
      break;

    case PROP_SANDBOX:
      g_value_set_boolean (value, self->sandbox);
      break;

    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;

    case PROP_TESTER:
      g_value_set_object (value, self->tester);
      break;

    case PROP_FACTORY:
      g_value_set_object (value, self->factory);
      break;

    case PROP_ENDPOINTS:
      g_value_set_object (value, self->endpoints);
      break;

    case PROP_AGENTS:
      g_value_set_object (value, self->agents);
      break;

    case PROP_PROVISIONER:
      g_value_set_object (value, self->provisioner);
      break;

    case PROP_NUMBERS:
      g_value_set_object (value, self->numbers);
      break;

    case PROP_AGENT_CATALOG:
      g_value_set_object (value, self->agent_catalog);
      break;

    case PROP_AGENT_ANALYSIS:
      g_value_set_object (value, self->agent_analysis);
      break;

    case PROP_CALL_STATS:
      g_value_set_object (value, govorun_services_get_call_stats (self));
      break;

    case PROP_CALL_ANALYSIS:
      g_value_set_object (value, govorun_services_get_call_analysis (self));
      break;

    case PROP_INTEGRATIONS:
      g_value_set_object (value, self->integrations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
service_property (const char *name,
                  GType       type)
{
  return g_param_spec_object (name, NULL, NULL, type, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
govorun_services_class_init (GovorunServicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = govorun_services_dispose;
  object_class->finalize = govorun_services_finalize;
  object_class->get_property = govorun_services_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      GOVORUN_SERVICES_STATE_LOADING, GOVORUN_SERVICES_STATE_FAILED,
                      GOVORUN_SERVICES_STATE_LOADING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILURE] =
    g_param_spec_string ("failure", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SANDBOX] =
    g_param_spec_boolean ("sandbox", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNTS] = service_property ("accounts", GOVORUN_TYPE_ACCOUNT_STORE);
  properties[PROP_TESTER] = service_property ("tester", GOVORUN_TYPE_CONNECTION_TESTER);
  properties[PROP_FACTORY] = service_property ("factory", GOVORUN_TYPE_CLIENT_FACTORY);
  properties[PROP_ENDPOINTS] = service_property ("endpoints", GOVORUN_TYPE_ENDPOINTS);
  properties[PROP_AGENTS] = service_property ("agents", GOVORUN_TYPE_AGENT_STORE);
  properties[PROP_PROVISIONER] = service_property ("provisioner", GOVORUN_TYPE_PROVISIONER);
  properties[PROP_NUMBERS] = service_property ("numbers", GOVORUN_TYPE_NUMBER_SERVICE);
  properties[PROP_AGENT_CATALOG] = service_property ("agent-catalog", GOVORUN_TYPE_AGENT_CATALOG);
  properties[PROP_AGENT_ANALYSIS] = service_property ("agent-analysis", GOVORUN_TYPE_AGENT_ANALYSIS);
  properties[PROP_CALL_STATS] = service_property ("call-stats", GOVORUN_TYPE_CALL_STATS);
  properties[PROP_CALL_ANALYSIS] = service_property ("call-analysis", GOVORUN_TYPE_CALL_ANALYSIS);
  properties[PROP_INTEGRATIONS] = service_property ("integrations", GOVORUN_TYPE_INTEGRATIONS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_services_init (GovorunServices *self)
{
  self->state = GOVORUN_SERVICES_STATE_LOADING;
}

GovorunServices *
govorun_services_new (const char *profile,
                      const char *data_dir,
                      GSettings  *settings,
                      const char *voximplant_url,
                      const char *elevenlabs_url)
{
  g_autofree char *db_path = NULL;
  g_autofree char *recordings_dir = NULL;
  GovorunServices *self;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail ((voximplant_url == NULL) == (elevenlabs_url == NULL), NULL);

  self = g_object_new (GOVORUN_TYPE_SERVICES, NULL);
  self->sandbox = g_str_equal (profile, GOVORUN_PROFILE_SANDBOX);

  self->http = govorun_http_new ();
  self->endpoints = govorun_endpoints_new (settings);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  if (voximplant_url != NULL)
    govorun_endpoints_set_sandbox (self->endpoints, voximplant_url, elevenlabs_url);

  db_path = g_build_filename (data_dir, "govorun.db", NULL);
  self->store = govorun_store_new (db_path);
  self->secrets = govorun_secrets_new (profile);
  self->accounts = govorun_account_store_new (self->store, self->secrets);
  self->integrations = govorun_integrations_new (self->store, self->secrets);
  self->tester = govorun_connection_tester_new (self->http, self->endpoints, self->accounts);
  self->factory = govorun_client_factory_new (self->http, self->endpoints, self->accounts);
  self->agents = govorun_agent_store_new (self->store);
  self->numbers = govorun_number_service_new (self->factory);
  self->agent_catalog = govorun_agent_catalog_new (self->factory);
  self->agent_widget = govorun_agent_widget_new (self->factory);
  self->agent_analysis = govorun_agent_analysis_new (self->factory, self->accounts, self->store);
  self->provisioner = govorun_provisioner_new (self->factory, self->accounts, self->agents,
                                               self->store);
  self->agent_finder = govorun_agent_finder_new (self->factory, self->accounts, self->agents,
                                                 self->provisioner, self->store);
  self->key_rotation = govorun_key_rotation_new (self->factory, self->accounts, self->agents);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->call_sync = govorun_call_sync_new (self->store, self->factory, self->accounts, self->agents,
                                           settings);
  /* One cache folder per profile: the sandbox's calls never mix with real ones. */
  self->test_calls = govorun_test_calls_new (self->http, self->factory, self->accounts, self->call_sync, settings);
  recordings_dir = g_build_filename (g_get_user_cache_dir (), "govorun", "recordings", profile, NULL);
  self->recordings = govorun_recordings_new (self->store, self->factory, self->accounts, self->agents,
                                             recordings_dir);
  if (settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      g_object_get (settings, "settings-schema", &schema, NULL);
      if (g_settings_schema_has_key (schema, "recording-cache-mb"))
        g_settings_bind (settings, "recording-cache-mb", self->recordings, "cache-limit-mb",
                         G_SETTINGS_BIND_GET);
    }

  return self;
}

gboolean
govorun_services_is_sandbox (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), FALSE);

  return self->sandbox;
}

GovorunServicesState
govorun_services_get_state (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), GOVORUN_SERVICES_STATE_FAILED);

  return self->state;
}

const char *
govorun_services_get_failure (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->failure;
}

GovorunAccountStore *
govorun_services_get_accounts (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->accounts;
}

GovorunConnectionTester *
govorun_services_get_tester (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->tester;
}

GovorunClientFactory *
govorun_services_get_factory (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->factory;
}

GovorunEndpoints *
govorun_services_get_endpoints (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->endpoints;
}

GovorunAgentStore *
govorun_services_get_agents (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->agents;
}

GovorunProvisioner *
govorun_services_get_provisioner (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->provisioner;
}

GovorunAgentFinder *
govorun_services_get_agent_finder (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->agent_finder;
}

GovorunNumberService *
govorun_services_get_numbers (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->numbers;
}

GovorunAgentCatalog *
govorun_services_get_agent_catalog (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->agent_catalog;
}

GovorunAgentWidget *
govorun_services_get_agent_widget (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->agent_widget;
}

GovorunAgentAnalysis *
govorun_services_get_agent_analysis (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->agent_analysis;
}

GovorunHttp *
govorun_services_get_http (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->http;
}

GovorunStore *
govorun_services_get_store (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->store;
}

GovorunSecrets *
govorun_services_get_secrets (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->secrets;
}

GovorunCallList *
govorun_services_get_call_list (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  if (self->call_list == NULL && self->state == GOVORUN_SERVICES_STATE_READY)
    self->call_list = govorun_call_list_new (self->store);
  return self->call_list;
}

GovorunCallSync *
govorun_services_get_call_sync (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->call_sync;
}

GovorunTestCalls *
govorun_services_get_test_calls (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->test_calls;
}

/* The details of a call and its recordings; the store opens while loading,
 * so use it once the services are READY. */
GovorunRecordings *
govorun_services_get_recordings (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->recordings;
}

GovorunCallStats *
govorun_services_get_call_stats (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  if (self->call_stats == NULL && self->state == GOVORUN_SERVICES_STATE_READY)
    self->call_stats = govorun_call_stats_new (self->store, self->call_sync);
  return self->call_stats;
}

GovorunCallAnalysis *
govorun_services_get_call_analysis (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  if (self->call_analysis == NULL && self->state == GOVORUN_SERVICES_STATE_READY)
    self->call_analysis = govorun_call_analysis_new (self->store, self->call_sync);
  return self->call_analysis;
}

GovorunCallExport *
govorun_services_get_call_export (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  if (self->call_export == NULL && self->state == GOVORUN_SERVICES_STATE_READY)
    self->call_export = govorun_call_export_new (self->store, self->agents);
  return self->call_export;
}

GovorunDoNotCall *
govorun_services_get_do_not_call (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  if (self->do_not_call == NULL && self->state == GOVORUN_SERVICES_STATE_READY)
    {
      self->do_not_call = govorun_do_not_call_new (self->store);
      govorun_do_not_call_load_async (self->do_not_call, NULL, NULL, NULL);
    }
  return self->do_not_call;
}

GovorunCampaigns *
govorun_services_get_campaigns (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  if (self->campaigns == NULL && self->state == GOVORUN_SERVICES_STATE_READY)
    {
      self->campaigns = govorun_campaigns_new (self->store, self->factory, self->accounts,
                                               self->agents, self->agent_catalog,
                                               govorun_services_get_do_not_call (self),
                                               self->settings);
      govorun_campaigns_load_async (self->campaigns, NULL, NULL, NULL);
      govorun_campaigns_start_automatic (self->campaigns);
      govorun_integrations_follow_campaigns (self->integrations, self->campaigns);
    }
  return self->campaigns;
}

GovorunSettingsFile *
govorun_services_get_settings_file (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  if (self->settings_file == NULL && self->state == GOVORUN_SERVICES_STATE_READY)
    {
      self->settings_file = govorun_settings_file_new (self->accounts, govorun_services_get_do_not_call (self),
                                                       self->store, self->secrets, self->settings);
      govorun_settings_file_set_integrations (self->settings_file, self->integrations);
    }
  return self->settings_file;
}

GovorunIntegrations *
govorun_services_get_integrations (GovorunServices *self)
{
  g_return_val_if_fail (GOVORUN_IS_SERVICES (self), NULL);

  return self->integrations;
}
