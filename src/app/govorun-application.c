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
#include "govorun-format.h"
#include "govorun-toast.h"
#include "govorun-ui-resources.h"
#include "govorun-util.h"
#include "govorun-window.h"

/*
 * The application starts the sandbox when asked, builds the services
 * (GovorunServices) and hands them to its windows; widgets never open the
 * database or the keyring themselves.
 */

struct _GovorunApplication
{
  AdwApplication           parent_instance;

  gboolean                 sandbox_mode;

  GSettings               *settings;
  GovorunServices         *services;
  GovorunSandbox          *sandbox;
  GCancellable            *cancellable;
};

G_DEFINE_FINAL_TYPE (GovorunApplication, govorun_application, ADW_TYPE_APPLICATION)

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

/* -- start-up: start the sandbox, load the services, seed the sandbox -- */

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
  GovorunAccountStore *accounts = govorun_services_get_accounts (self->services);
  g_autoptr(GovorunAccount) vox = NULL;
  g_autoptr(GovorunAccount) el = NULL;
  g_autofree char *account_id = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (accounts)) > 0)
    return;

  account_id = g_strdup_printf ("%d", GOVORUN_SANDBOX_VOX_ACCOUNT_ID);
  vox = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);
  govorun_account_set_display_name (vox, _("Demo clinic telephony"));
  govorun_account_set_vox_auth (vox, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (vox, account_id);
  govorun_account_store_add_async (accounts, vox, GOVORUN_SANDBOX_VOX_API_KEY,
                                   self->cancellable, demo_added_cb, g_object_ref (self));

  el = govorun_account_new (GOVORUN_ACCOUNT_KIND_ELEVENLABS);
  govorun_account_set_display_name (el, _("Demo voice agents"));
  govorun_account_set_el_region (el, "global");
  govorun_account_store_add_async (accounts, el, GOVORUN_SANDBOX_EL_API_KEY,
                                   self->cancellable, demo_added_cb, g_object_ref (self));
}

/* "app.sandbox-break-routing" (an agent's uuid): as if someone edited the
 * agent's routing in the Voximplant control panel. Only the sandbox has it,
 * so the agent details offer it only there. */
static void
on_sandbox_break_routing (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GovorunApplication *self = user_data;
  GovorunAgent *agent;
  GtkWindow *window;
  guint changed = 0;

  agent = govorun_agent_store_find_by_uuid (govorun_services_get_agents (self->services),
                                            g_variant_get_string (parameter, NULL));
  if (agent != NULL && govorun_agent_get_application_id (agent) != 0)
    changed = govorun_voximplant_emulator_tamper_application_rules (
        govorun_sandbox_get_voximplant (self->sandbox), GOVORUN_SANDBOX_VOX_ACCOUNT_ID,
        govorun_agent_get_application_id (agent), "0000");

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    govorun_toast_show (GTK_WIDGET (window),
                        changed > 0 ? _("Sandbox: the agent's routing rules now point elsewhere. Check for changes.")
                                    : _("Sandbox: this agent has no routing rules in the demo account"));
}

static void
install_sandbox_actions (GovorunApplication *self)
{
  static const GActionEntry actions[] = {
    { "sandbox-break-routing", on_sandbox_break_routing, "s" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}

/* The sandbox's webhook receiver checks each delivery against the secrets
 * of the targets that point at it, asked of the integrations service (its
 * keyring cache): nobody pastes a secret shown once. */
static char **
sandbox_receiver_secrets (const char *delivery_id,
                          gpointer    user_data)
{
  return govorun_integrations_dup_demo_webhook_secrets (GOVORUN_INTEGRATIONS (user_data));
}

static void
wire_sandbox_receiver (GovorunApplication *self)
{
  GovorunIntegrations *integrations = govorun_services_get_integrations (self->services);

  govorun_integrations_set_demo_webhook_url (integrations, govorun_sandbox_get_webhook_url (self->sandbox));
  govorun_webhook_receiver_set_secrets_func (govorun_sandbox_get_webhook_receiver (self->sandbox),
                                             sandbox_receiver_secrets, g_object_ref (integrations),
                                             g_object_unref);
}

static void
services_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GovorunApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A failure shows in the window through the services' state. */
  if (!govorun_services_load_finish (GOVORUN_SERVICES (object), result, &error))
    return;

  if (self->sandbox != NULL)
    {
      g_autofree char *portal = govorun_sandbox_get_bitrix24_webhook_url (self->sandbox);

      seed_sandbox_accounts (self);
      /* The add dialog offers the sandbox's own Bitrix24 portal. */
      govorun_integrations_set_demo_bitrix24_url (govorun_services_get_integrations (self->services), portal);
      wire_sandbox_receiver (self);
    }
}

static void install_menu_actions (GovorunApplication *self);

static void
govorun_application_startup (GApplication *app)
{
  GovorunApplication *self = GOVORUN_APPLICATION (app);
  const char *profile = self->sandbox_mode ? GOVORUN_PROFILE_SANDBOX : GOVORUN_PROFILE_DEFAULT;
  g_autofree char *dir = govorun_profile_data_dir (profile);
  g_autoptr(GError) error = NULL;
  const char *voximplant_url = NULL;
  const char *elevenlabs_url = NULL;

  G_APPLICATION_CLASS (govorun_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  install_menu_actions (self);

  if (self->sandbox_mode)
    {
      self->sandbox = govorun_sandbox_new ();
      /* Demo names in the language the person reads the UI in. */
      govorun_sandbox_set_language (self->sandbox, govorun_format_get_language ());
      govorun_sandbox_set_history_size (self->sandbox,
                                        g_settings_get_uint (self->settings, "sandbox-history-size"));
      if (govorun_sandbox_start (self->sandbox, &error))
        {
          govorun_sandbox_add_demo_number (self->sandbox);
          install_sandbox_actions (self);
          voximplant_url = govorun_sandbox_get_voximplant_url (self->sandbox);
          elevenlabs_url = govorun_sandbox_get_elevenlabs_url (self->sandbox);
        }
    }

  self->services = govorun_services_new (profile, dir, self->settings, voximplant_url, elevenlabs_url);

  /* The window shows why; the services are never loaded. */
  if (error != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The sandbox emulators could not start: %s"), error->message);
      govorun_services_fail (self->services, message);
      return;
    }

  govorun_services_load_async (self->services, self->cancellable, services_loaded_cb,
                               g_object_ref (self));
}

static void
govorun_application_shutdown (GApplication *app)
{
  GovorunApplication *self = GOVORUN_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  /* Queued writes finish before the process goes away. */
  if (self->services != NULL)
    govorun_services_close (self->services);

  G_APPLICATION_CLASS (govorun_application_parent_class)->shutdown (app);
}

static void
govorun_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (govorun_window_new (GTK_APPLICATION (app),
                                             GOVORUN_APPLICATION (app)->services));

  gtk_window_present (window);
}

static void
govorun_application_dispose (GObject *object)
{
  GovorunApplication *self = GOVORUN_APPLICATION (object);

  g_clear_object (&self->services);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (govorun_application_parent_class)->dispose (object);
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
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* Open the Sandbox and Leave the Sandbox: a real-data instance has only the
 * first, the sandbox instance only the second (the menu hides the missing
 * one). Leaving quits the sandbox's own process; real data never was in it. */
static void
install_menu_actions (GovorunApplication *self)
{
  static const GActionEntry open_sandbox[] = { { "open-sandbox", on_open_sandbox } };
  static const GActionEntry leave_sandbox[] = { { "leave-sandbox", on_quit } };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  if (self->sandbox_mode)
    g_action_map_add_action_entries (G_ACTION_MAP (self), leave_sandbox, 1, self);
  else
    g_action_map_add_action_entries (G_ACTION_MAP (self), open_sandbox, 1, self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
govorun_application_class_init (GovorunApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = govorun_application_dispose;

  /* Referencing the bundle keeps the linker from dropping it (and its
   * registering constructor) out of the static library. */
  (void) govorun_ui_get_resource ();

  app_class->startup = govorun_application_startup;
  app_class->shutdown = govorun_application_shutdown;
  app_class->activate = govorun_application_activate;
  app_class->handle_local_options = govorun_application_handle_local_options;
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
    { "quit", on_quit },
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

GovorunServices *
govorun_application_get_services (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->services;
}

GovorunSandbox *
govorun_application_get_sandbox (GovorunApplication *self)
{
  g_return_val_if_fail (GOVORUN_IS_APPLICATION (self), NULL);

  return self->sandbox;
}
