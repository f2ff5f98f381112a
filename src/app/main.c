/* main.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "govorun-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GovorunApplication) app = NULL;

  const char *localedir = g_getenv ("GOVORUN_LOCALEDIR");

  /* Uninstalled runs (build-aux/run.sh, tests) point at the build's catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = govorun_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
