/* govorun-application.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunApplication"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-application.h"
#include "govorun-endpoints.h"
#include "govorun-http.h"
#include "govorun-ui-resources.h"
#include "govorun-secrets.h"
#include "govorun-store.h"
#include "govorun-util.h"
#include "govorun-window.h"

/*
 * The application owns every service (store, keyring, provider transport,
 * accounts, sandbox) and hands them to the windows; widgets never open the
 * database or the keyring themselves.
 */

struct _GovorunApplication
{
  AdwApplication           parent_instance;

  gboolean                 sandbox_mode;
  GovorunApplicationState  state;
  char                    *failure;

  GSettings               *settings;
  GovorunHttp             *http;
  GovorunEndpoints        *endpoints;
  GovorunStore            *store;
  GovorunSecrets          *secrets;
  GovorunAccountStore     *accounts;
  GovorunConnectionTester *tester;
  GovorunClientFactory    *factory;
  GovorunAgentStore       *agents;
  GovorunNumberService    *numbers;
  GovorunProvisioner      *provisioner;
  GovorunAgentCatalog     *agent_catalog;
  GovorunSandbox          *sandbox;
  GCancellable            *cancellable;
};

G_DEFINE_FINAL_TYPE (GovorunApplication, govorun_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (GovorunApplication      *self,
           GovorunApplicationState  state,
           const char              *failure)
{
  g_free (self->failure);
  self->failure = g_strdup (failure);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static int
govorun_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  GovorunApplication *self = GOVORUN_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "govorun", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "sandbox"))
    {
      /* The sandbox is its own instance: it must never share a process,
       * a database or keyring items with a real-data window. */
      self->sandbox_mode = TRUE;
      g_application_set_application_id (app, APP_ID ".Sandbox");
    }

  return -1;
}

/* -- start-up: open the store, recover, load accounts, seed the sandbox -- */

static void
demo_added_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GovorunApplication) self = user_data;
  g_autoptr(GovorunAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = govorun_account_store_add_finish (GOVORUN_ACCOUNT_STORE (object), result, &error);
  if (account == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not add a sandbox demo account: %s", error->message);
}

static void
seed_sandbox_accounts (GovorunApplication *self)
{
  g_autoptr(GovorunAccount) vox = NULL;
  g_autoptr(GovorunAccount) el = NULL;
  g_autofree char *account_id = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) > 0)
    return;

  account_id = g_strdup_printf ("%d", GOVORUN_SANDBOX_VOX_ACCOUNT_ID);
  vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  govorun_account_set_display_name (vox, _("Demo clinic telephony"));
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, account_id);
  govorun_account_store_add_async (self->accounts, vox, GOVORUN_SANDBOX_VOX_API_KEY,
                                   self->cancellable, demo_added_cb, g_object_ref (self));

  el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  govorun_account_set_display_name (el, _("Demo voice agents"));
  govorun_account_set_el_region (el, "global");
  govorun_account_store_add_async (self->accounts, el, GOVORUN_SANDBOX_EL_API_KEY,
                                   self->cancellable, demo_added_cb, g_object_ref (self));
}

static void
agents_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GovorunApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_agent_store_load_finish (GOVORUN_AGENT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, GOVORUN_APPLICATION_STATE_FAILED, error->message);
      return;
    }

  set_state (self, GOVORUN_APPLICATION_STATE_READY, NULL);
}

static void
accounts_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GovorunApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_account_store_load_finish (GOVORUN_ACCOUNT_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, GOVORUN_APPLICATION_STATE_FAILED, error->message);
      return;
    }

  if (self->sandbox != NULL)
    seed_sandbox_accounts (self);

  govorun_agent_store_load_async (self->agents, self->cancellable,
                                  agents_loaded_cb, g_object_ref (self));
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GovorunApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_store_open_finish (GOVORUN_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, GOVORUN_APPLICATION_STATE_FAILED, error->message);
      return;
    }

  govorun_account_store_load_async (self->accounts, self->cancellable,
                                    accounts_loaded_cb, g_object_ref (self));
}

static void
govorun_application_startup (GApplication *app)
{
  GovorunApplication *self = GOVORUN_APPLICATION (app);
  const char *profile = self->sandbox_mode ? GOVORUN_PROFILE_SANDBOX : GOVORUN_PROFILE_DEFAULT;
  g_autofree char *dir = govorun_profile_data_dir (profile);
  g_autofree char *db_path = g_build_filename (dir, "govorun.db", NULL);

  G_APPLICATION_CLASS (govorun_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  self->http = govorun_http_new ();
  self->endpoints = govorun_endpoints_new (self->settings);

  if (self->sandbox_mode)
    {
      g_autoptr(GError) error = NULL;

      self->sandbox = govorun_sandbox_new ();
      if (!govorun_sandbox_start (self->sandbox, &error))
        {
          g_autofree char *message =
            g_strdup_printf (_("The sandbox emulators could not start: %s"), error->message);
          set_state (self, GOVORUN_APPLICATION_STATE_FAILED, message);
          return;
        }
      govorun_sandbox_add_demo_number (self->sandbox);
      govorun_endpoints_set_sandbox (self->endpoints,
                                     govorun_sandbox_get_voximplant_url (self->sandbox),
                                     govorun_sandbox_get_elevenlabs_url (self->sandbox));
    }

  self->store = govorun_store_new (db_path);
  self->secrets = govorun_secrets_new (profile);
  self->accounts = govorun_account_store_new (self->store, self->secrets);
  self->tester = govorun_connection_tester_new (self->http, self->endpoints, self->accounts);
  self->factory = govorun_client_factory_new (self->http, self->endpoints, self->accounts);
  self->agents = govorun_agent_store_new (self->store);
  self->numbers = govorun_number_service_new (self->factory);
  self->provisioner = govorun_provisioner_new (self->factory, self->accounts, self->agents,
                                               self->store);
  self->agent_catalog = govorun_agent_catalog_new (self->factory);

  govorun_store_open_async (self->store, self->cancellable, store_opened_cb, g_object_ref (self));
}

static void
govorun_application_shutdown (GApplication *app)
{
  GovorunApplication *self = GOVORUN_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  /* Queued writes finish before the process goes away. */
  if (self->store != NULL)
    govorun_store_close (self->store);

  G_APPLICATION_CLASS (govorun_application_parent_class)->shutdown (app);
}

static void
govorun_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (govorun_window_new (GOVORUN_APPLICATION (app)));

  gtk_window_present (window);
}

static void
govorun_application_dispose (GObject *object)
{
  GovorunApplication *self = GOVORUN_APPLICATION (object);

  g_clear_object (&self->agent_catalog);
  g_clear_object (&self->provisioner);
  g_clear_object (&self->numbers);
  g_clear_object (&self->agents);
  g_clear_object (&self->factory);
  g_clear_object (&self->tester);
  g_clear_object (&self->accounts);
  g_clear_object (&self->secrets);
  g_clear_object (&self->store);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->endpoints);
  g_clear_object (&self->http);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (govorun_application_parent_class)->dispose (object);
}

static void
govorun_application_finalize (GObject *object)
{
  GovorunApplication *self = GOVORUN_APPLICATION (object);

  g_clear_pointer (&self->failure, g_free);

  G_OBJECT_CLASS (govorun_application_parent_class)->finalize (object);
}

static void
govorun_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GovorunApplication *self = GOVORUN_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Govorun authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Govorun"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Govorun authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("ElevenLabs voice agents on Voximplant telephony, set up from your desktop."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_open_sandbox (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  /* A separate process: the sandbox has its own application ID, data
   * directory and keyring attribute, so it cannot touch this instance's data. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                              self_exe ? self_exe : "govorun", "--sandbox", NULL);
  if (process == NULL)
    g_warning ("Could not start the sandbox: %s", error->message);
}

static void
govorun_application_class_init (GovorunApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = govorun_application_dispose;
  object_class->finalize = govorun_application_finalize;
  object_class->get_property = govorun_application_get_property;

  /* Referencing the bundle keeps the linker from dropping it (and its
   * registering constructor) out of the static library. */
  (void) govorun_ui_get_resource ();

  app_class->startup = govorun_application_startup;
  app_class->shutdown = govorun_application_shutdown;
  app_class->activate = govorun_application_activate;
  app_class->handle_local_options = govorun_application_handle_local_options;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      GOVORUN_APPLICATION_STATE_LOADING, GOVORUN_APPLICATION_STATE_FAILED,
                      GOVORUN_APPLICATION_STATE_LOADING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_application_init (GovorunApplication *self)
{
  static const GOptionEntry entries[] = {
    { "sandbox", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Run against built-in emulators of Voximplant and ElevenLabs, with separate demo data"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };
  static const GActionEntry actions[] = {
    { "about", on_about },
    { "open-sandbox", on_open_sandbox },
  };

  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}

GovorunApplication *
govorun_application_new (void)
{
  return g_object_new (GOVORUN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

gboolean
govorun_application_is_sandbox (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), FALSE);

  return self->sandbox_mode;
}

GovorunApplicationState
govorun_application_get_state (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), GOVORUN_APPLICATION_STATE_FAILED);

  return self->state;
}

const char *
govorun_application_get_failure (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->failure;
}

GovorunAccountStore *
govorun_application_get_accounts (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->accounts;
}

GovorunConnectionTester *
govorun_application_get_tester (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->tester;
}

GovorunSandbox *
govorun_application_get_sandbox (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->sandbox;
}

GovorunClientFactory *
govorun_application_get_factory (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->factory;
}

GovorunAgentStore *
govorun_application_get_agents (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->agents;
}

GovorunNumberService *
govorun_application_get_numbers (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->numbers;
}

GovorunProvisioner *
govorun_application_get_provisioner (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->provisioner;
}

GovorunAgentCatalog *
govorun_application_get_agent_catalog (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->agent_catalog;
}
