/* ui-app.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ui-app.h"
#include "ui-helpers.h"

static GovorunApplication *app;
static GSourceFunc app_script;

GovorunApplication *
ui_app_get (void)
{
  return app;
}

GtkWindow *
ui_app_main_window (void)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

gboolean
ui_app_is_russian (void)
{
  const char *locale = g_getenv ("GOVORUN_TEST_LOCALE");

  return locale != NULL && g_str_has_prefix (locale, "ru");
}

static gboolean
app_ready (gpointer data)
{
  GovorunServices *services = govorun_application_get_services (app);

  if (govorun_services_get_state (services) == GOVORUN_SERVICES_STATE_FAILED)
    g_error ("Govorun failed to start: %s", govorun_services_get_failure (services));

  return govorun_services_get_state (services) == GOVORUN_SERVICES_STATE_READY &&
         ui_app_main_window () != NULL && gtk_widget_get_mapped (GTK_WIDGET (ui_app_main_window ())) &&
         g_list_model_get_n_items (G_LIST_MODEL (govorun_services_get_accounts (services))) == 2;
}

void
ui_app_wait_ready (void)
{
  g_assert_true (wait_until (app_ready, NULL, 20000));
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *text;
} Query;

static gboolean
widget_shown (gpointer data)
{
  Query *q = data;

  return find_widget (q->root, q->type, q->text) != NULL;
}

GtkWidget *
ui_wait_widget (GtkWidget  *root,
                GType       type,
                const char *text)
{
  Query q = { root, type, text };

  if (!wait_until (widget_shown, &q, 15000))
    {
      screenshot (GTK_WIDGET (gtk_widget_get_root (root)), "failed-wait.png");
      g_error ("No %s “%s” was shown", g_type_name (type), text ? text : "");
    }
  return find_widget (root, type, text);
}

static gboolean
widget_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (data));
}

void
ui_wait_sensitive (GtkWidget *widget)
{
  g_assert_true (wait_until (widget_sensitive, widget, 10000));
}

static gboolean
toplevel_open (gpointer data)
{
  return toplevel_of_type (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return toplevel_of_type (GPOINTER_TO_SIZE (data)) == NULL;
}

GtkWidget *
ui_wait_toplevel (GType type)
{
  g_assert_true (wait_until (toplevel_open, GSIZE_TO_POINTER (type), 5000));
  return GTK_WIDGET (toplevel_of_type (type));
}

void
ui_wait_closed (GType type)
{
  g_assert_true (wait_until (toplevel_gone, GSIZE_TO_POINTER (type), 5000));
}

static void
on_activate (GApplication *application)
{
  static gboolean started;

  if (!started)
    {
      started = TRUE;
      g_idle_add (app_script, NULL);
    }
}

static void
run_app (void)
{
  char *argv[] = { (char *) "govorun", (char *) "--sandbox", NULL };

  ui_test_settings_init ();
  app = govorun_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_clear_object (&app);
}

int
ui_app_main (int          argc,
             char        *argv[],
             const char  *path,
             GSourceFunc  script)
{
  const char *localedir = g_getenv ("GOVORUN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* No G_TEST_OPTION_ISOLATE_DIRS: see HACKING.md; run-ui.sh gives a throwaway HOME. */
  g_test_init (&argc, &argv, NULL);
  app_script = script;
  g_test_add_func (path, run_app);

  return g_test_run ();
}
