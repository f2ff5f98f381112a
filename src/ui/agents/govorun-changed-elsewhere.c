/* govorun-changed-elsewhere.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunChangedElsewhere"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-changed-elsewhere.h"
#include "govorun-error-banner.h"

typedef struct
{
  GtkWidget                   *parent;
  GovorunProvisioner          *provisioner;
  GovorunAgentFinder          *finder;
  GovorunAgent                *agent;
  GovorunChangedElsewhereDone  done;
  gpointer                     user_data;
} Ask;

static void
ask_finish (Ask                           *ask,
            GovorunChangedElsewhereChoice  choice,
            const GError                  *error)
{
  if (error != NULL)
    govorun_error_show (ask->parent, error->message);
  ask->done (choice, ask->user_data);
  g_object_unref (ask->parent);
  g_object_unref (ask->provisioner);
  g_clear_object (&ask->finder);
  g_object_unref (ask->agent);
  g_free (ask);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = govorun_agent_finder_load_theirs_finish (GOVORUN_AGENT_FINDER (object), result, &error);

  ask_finish (user_data, ok ? GOVORUN_CHANGED_ELSEWHERE_LOADED : GOVORUN_CHANGED_ELSEWHERE_CANCELLED, error);
}

static void
on_accepted (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = govorun_provisioner_accept_theirs_finish (GOVORUN_PROVISIONER (object), result, &error);

  ask_finish (user_data, ok ? GOVORUN_CHANGED_ELSEWHERE_REPLACE : GOVORUN_CHANGED_ELSEWHERE_CANCELLED, error);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Ask              *ask)
{
  if (g_strcmp0 (response, "load") == 0 && ask->finder != NULL)
    govorun_agent_finder_load_theirs_async (ask->finder, ask->agent, NULL, on_loaded, ask);
  else if (g_strcmp0 (response, "replace") == 0)
    govorun_provisioner_accept_theirs_async (ask->provisioner, ask->agent, NULL, on_accepted, ask);
  else
    ask_finish (ask, GOVORUN_CHANGED_ELSEWHERE_CANCELLED, NULL);
}

void
govorun_changed_elsewhere_ask (GtkWidget                   *parent,
                               GovorunProvisioner          *provisioner,
                               GovorunAgentFinder          *finder,
                               GovorunAgent                *agent,
                               const char                  *message,
                               GovorunChangedElsewhereDone  done,
                               gpointer                     user_data)
{
  GtkWidget *dialog;
  Ask *ask = g_new0 (Ask, 1);

  ask->parent = g_object_ref (parent);
  ask->provisioner = g_object_ref (provisioner);
  ask->finder = finder != NULL ? g_object_ref (finder) : NULL;
  ask->agent = g_object_ref (agent);
  ask->done = done;
  ask->user_data = user_data;

  dialog = govorun_changed_elsewhere_dialog_new (parent, message);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "load", finder != NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
govorun_changed_elsewhere_dialog_new (GtkWidget  *parent,
                                      const char *message)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Changed on Another Computer"), NULL);
  /* The error's sentence says what changed where (and, for a deploy, who
   * and when); plain text. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace Theirs"),
                                    "load", _("_Load Their Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "load", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "load");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}
