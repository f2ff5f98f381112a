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
#include "govorun-window.h"

struct _GovorunApplication
{
  AdwApplication parent_instance;

  gboolean sandbox;
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
      self->sandbox = TRUE;
      g_application_set_application_id (app, APP_ID ".Sandbox");
    }

  return -1;
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
govorun_application_class_init (GovorunApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
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

  return self->sandbox;
}
