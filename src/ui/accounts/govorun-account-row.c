/* govorun-account-row.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAccountRow"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-account-dialog.h"
#include "govorun-account-row.h"
#include "govorun-elevenlabs-region.h"
#include "govorun-row-text.h"
#include "govorun-error-banner.h"
#include "govorun-toast.h"

struct _GovorunAccountRow
{
  AdwActionRow             parent_instance;

  GovorunAccount          *account;
  GovorunAccountStore     *accounts;
  GovorunConnectionTester *tester;
  GovorunAgentStore       *agents;
  GCancellable            *cancellable;
  gboolean                 testing;

  GtkWidget               *status_icon;
  GtkWidget               *spinner;
  GtkWidget               *test_button;
  GtkWidget               *key_label;   /* "Key Needed": imported, no key here yet */
  GtkWidget               *key_button;
};

G_DEFINE_FINAL_TYPE (GovorunAccountRow, govorun_account_row, ADW_TYPE_ACTION_ROW)

char *
govorun_account_describe (GovorunAccount *account)
{
  if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS)
    {
      GovorunElevenlabsRegion region = GOVORUN_ELEVENLABS_REGION_GLOBAL;

      govorun_elevenlabs_region_from_string (govorun_account_get_el_region (account), &region);
      /* Translators: %s is a data-residency region, e.g. "EU data residency" */
      return g_strdup_printf (_("API key · %s"), govorun_elevenlabs_region_get_label (region));
    }

  if (govorun_account_get_vox_auth (account) == GOVORUN_VOXIMPLANT_AUTH_SERVICE_ACCOUNT)
    {
      g_autofree char *key = g_strndup (govorun_account_get_vox_key_id (account), 8);

      /* Translators: Voximplant account ID, then the start of the service account's key ID */
      return g_strdup_printf (_("Account %s · service account key %s…"),
                              govorun_account_get_vox_account_id (account), key);
    }

  /* Translators: %s is the Voximplant account ID */
  return g_strdup_printf (_("Account %s · API key"), govorun_account_get_vox_account_id (account));
}

static void
update (GovorunAccountRow *self)
{
  g_autofree char *description = govorun_account_describe (self->account);
  g_autofree char *subtitle = NULL;
  const char *summary = govorun_account_get_last_test_summary (self->account);
  g_autofree char *escaped = NULL;
  g_autofree char *title = govorun_row_title_from_name (govorun_account_get_display_name (self->account));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);

  gtk_widget_set_visible (self->key_label, govorun_account_get_key_needed (self->account));
  gtk_widget_set_visible (self->key_button, govorun_account_get_key_needed (self->account));
  gtk_widget_set_visible (self->test_button, !govorun_account_get_key_needed (self->account));
  if (govorun_account_get_key_needed (self->account))
    {
      subtitle = g_strdup_printf ("%s\n%s", description,
                                  _("Its key is not on this computer yet: type it to use the account."));
      gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), "dialog-warning-symbolic");
      gtk_widget_remove_css_class (self->status_icon, "success");
      gtk_widget_remove_css_class (self->status_icon, "error");
      gtk_widget_add_css_class (self->status_icon, "warning");
      gtk_widget_set_tooltip_text (self->status_icon, _("Key needed"));
      gtk_widget_set_opacity (self->status_icon, 1);
    }
  else if (govorun_account_get_last_test_at (self->account) == 0 || summary == NULL)
    {
      subtitle = g_strdup_printf ("%s\n%s", description, _("Not tested yet"));
      /* Transparent rather than hidden, so every row's title lines up. */
      gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), "emblem-ok-symbolic");
      gtk_widget_set_opacity (self->status_icon, 0);
      gtk_widget_set_tooltip_text (self->status_icon, NULL);
    }
  else if (govorun_account_get_last_test_ok (self->account))
    {
      subtitle = g_strdup_printf ("%s\n%s", description, summary);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), "emblem-ok-symbolic");
      gtk_widget_remove_css_class (self->status_icon, "error");
      gtk_widget_add_css_class (self->status_icon, "success");
      gtk_widget_set_tooltip_text (self->status_icon, _("The last connection test succeeded"));
      gtk_widget_set_opacity (self->status_icon, 1);
    }
  else
    {
      subtitle = g_strdup_printf ("%s\n%s", description, summary);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), "dialog-warning-symbolic");
      gtk_widget_remove_css_class (self->status_icon, "success");
      gtk_widget_add_css_class (self->status_icon, "error");
      gtk_widget_set_tooltip_text (self->status_icon, _("The last connection test failed"));
      gtk_widget_set_opacity (self->status_icon, 1);
    }

  /* Subtitles are markup; provider text is not. */
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped);
}

/* While a test runs its button is Cancel: a slow provider must not leave
 * a row that can only wait. */
static void
set_testing (GovorunAccountRow *self,
             gboolean           testing)
{
  self->testing = testing;
  gtk_widget_set_visible (self->spinner, testing);
  if (testing)
    gtk_spinner_start (GTK_SPINNER (self->spinner));
  else
    gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_button_set_label (GTK_BUTTON (self->test_button), testing ? _("_Cancel") : _("_Test"));
  gtk_widget_set_tooltip_text (self->test_button, testing ? _("Stop the Connection Test") : _("Test Connection"));
}

static void
tested_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GovorunAccountRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  summary = govorun_connection_tester_test_finish (GOVORUN_CONNECTION_TESTER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_testing (self, FALSE);

  /* The result itself shows in the subtitle once it is saved; a failure is
   * also said in full in the page's banner, as the subtitle may be cut short. */
  if (error != NULL)
    govorun_error_show (GTK_WIDGET (self), error->message);
  update (self);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GovorunAccountRow *self = GOVORUN_ACCOUNT_ROW (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The same button cancels a running test. */
  if (self->testing)
    {
      set_testing (self, FALSE);
      return;
    }

  set_testing (self, TRUE);
  govorun_connection_tester_test_async (self->tester, self->account, self->cancellable,
                                        tested_cb, g_object_ref (self));
}

void
govorun_account_row_test (GovorunAccountRow *self)
{
  g_return_if_fail (GOVORUN_IS_ACCOUNT_ROW (self));

  /* A running test is left to finish: here the button would cancel it. */
  if (!self->testing)
    test_action (GTK_WIDGET (self), "row.test", NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GovorunAccountRow *self = GOVORUN_ACCOUNT_ROW (widget);
  GovorunAccountDialog *dialog;

  dialog = govorun_account_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                       self->accounts, self->tester, self->account);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GovorunAccountRow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!govorun_account_store_remove_finish (GOVORUN_ACCOUNT_STORE (object), result, &error))
    govorun_error_show (GTK_WIDGET (self), error->message);
}

static void
remove_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    GovorunAccountRow *self)
{
  if (g_strcmp0 (response, "remove") != 0)
    return;

  govorun_account_store_remove_async (self->accounts, self->account, NULL,
                                      removed_cb, g_object_ref (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GovorunAccountRow *self = GOVORUN_ACCOUNT_ROW (widget);
  GovorunAgent *user = NULL;
  GtkWidget *dialog;

  if (self->agents != NULL)
    user = govorun_agent_store_find_by_account (self->agents, govorun_account_get_uuid (self->account));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL);

  /* Said before the click, not refused after it. */
  if (user != NULL)
    {
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("“%s” Is in Use"),
                                         govorun_account_get_display_name (self->account));
      /* Translators: %s is an agent's name */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("The agent “%s” works through this account. Delete the agent, or choose another account for it, then remove this one."),
                                      govorun_agent_get_name (user));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove “%s”?"),
                                     govorun_account_get_display_name (self->account));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Its key is deleted from your keyring. Nothing changes in the provider's account; you can add it again later."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
govorun_account_row_dispose (GObject *object)
{
  GovorunAccountRow *self = GOVORUN_ACCOUNT_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);
  g_clear_object (&self->tester);
  g_clear_object (&self->agents);

  G_OBJECT_CLASS (govorun_account_row_parent_class)->dispose (object);
}

static void
govorun_account_row_class_init (GovorunAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_account_row_dispose;

  gtk_widget_class_install_action (widget_class, "row.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_action);
}

static void
govorun_account_row_init (GovorunAccountRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *menu_button;

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "row.edit");

  self->status_icon = gtk_image_new ();
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->status_icon);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->spinner);

  self->key_label = gtk_label_new (_("Key Needed"));
  gtk_widget_add_css_class (self->key_label, "warning");
  gtk_widget_add_css_class (self->key_label, "caption-heading");
  gtk_widget_set_valign (self->key_label, GTK_ALIGN_CENTER);
  /* Two short lines rather than one long one: the row fits 360 px. */
  gtk_label_set_wrap (GTK_LABEL (self->key_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->key_label), 6);
  gtk_label_set_justify (GTK_LABEL (self->key_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_visible (self->key_label, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->key_label);

  self->key_button = gtk_button_new_with_mnemonic (_("Type _Key…"));
  gtk_widget_set_valign (self->key_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->key_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->key_button, _("Type the account’s key on this computer"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->key_button), "row.edit");
  gtk_widget_set_visible (self->key_button, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->key_button);

  self->test_button = gtk_button_new_with_mnemonic (_("_Test"));
  gtk_widget_set_valign (self->test_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->test_button, _("Test Connection"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->test_button), "row.test");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->test_button);

  g_menu_append (menu, _("_Edit…"), "row.edit");
  g_menu_append (menu, _("_Remove…"), "row.remove");
  menu_button = g_object_new (GTK_TYPE_MENU_BUTTON,
                              "icon-name", "view-more-symbolic",
                              "menu-model", menu,
                              "valign", GTK_ALIGN_CENTER,
                              "tooltip-text", _("More"),
                              NULL);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("More"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), menu_button);
}

GovorunAccountRow *
govorun_account_row_new (GovorunAccount          *account,
                         GovorunAccountStore     *accounts,
                         GovorunConnectionTester *tester,
                         GovorunAgentStore       *agents)
{
  GovorunAccountRow *self;

  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (account), NULL);

  self = g_object_new (GOVORUN_TYPE_ACCOUNT_ROW, NULL);
  self->account = g_object_ref (account);
  self->accounts = g_object_ref (accounts);
  self->tester = g_object_ref (tester);
  if (agents != NULL)
    self->agents = g_object_ref (agents);

  g_signal_connect_object (account, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return self;
}

